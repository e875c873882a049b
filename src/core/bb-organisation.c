/* bb-organisation.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An organisation of the contact network: operator, alliance, administration, …
 * Each property is a column of the table "organisation" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-organisation"

#include "config.h"

#include "bb-organisation.h"

struct _BbOrganisation
{
  BbRecord parent_instance;

  char *name;
  char *kind;
  char *street;
  char *postcode;
  char *city;
  gint64 district_id;
  char *phone;
  char *email;
  char *web;
  char *notes;
};

G_DEFINE_FINAL_TYPE (BbOrganisation, bb_organisation, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_DISTRICT_ID,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_WEB,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_organisation_dup_label (BbRecord *record)
{
  BbOrganisation *self = BB_ORGANISATION (record);

  return g_strdup (self->name);
}

static void
bb_organisation_finalize (GObject *object)
{
  BbOrganisation *self = (BbOrganisation *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->street, g_free);
  g_clear_pointer (&self->postcode, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->web, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (bb_organisation_parent_class)->finalize (object);
}

static void
bb_organisation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbOrganisation *self = BB_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_STREET:
      g_value_set_string (value, self->street);
      break;

    case PROP_POSTCODE:
      g_value_set_string (value, self->postcode);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_DISTRICT_ID:
      g_value_set_int64 (value, self->district_id);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_WEB:
      g_value_set_string (value, self->web);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_organisation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbOrganisation *self = BB_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bb_organisation_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      bb_organisation_set_kind (self, g_value_get_string (value));
      break;

    case PROP_STREET:
      bb_organisation_set_street (self, g_value_get_string (value));
      break;

    case PROP_POSTCODE:
      bb_organisation_set_postcode (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      bb_organisation_set_city (self, g_value_get_string (value));
      break;

    case PROP_DISTRICT_ID:
      bb_organisation_set_district_id (self, g_value_get_int64 (value));
      break;

    case PROP_PHONE:
      bb_organisation_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      bb_organisation_set_email (self, g_value_get_string (value));
      break;

    case PROP_WEB:
      bb_organisation_set_web (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      bb_organisation_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_organisation_class_init (BbOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_organisation_finalize;
  object_class->get_property = bb_organisation_get_property;
  object_class->set_property = bb_organisation_set_property;

  record_class->table = "organisation";
  record_class->dup_label = bb_organisation_dup_label;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "other",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STREET] =
    g_param_spec_string ("street", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISTRICT_ID] =
    g_param_spec_int64 ("district-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WEB] =
    g_param_spec_string ("web", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_organisation_init (BbOrganisation *self)
{
  self->kind = g_strdup ("other");
}

BbOrganisation *
bb_organisation_new (void)
{
  return g_object_new (BB_TYPE_ORGANISATION, NULL);
}

const char *
bb_organisation_get_name (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
bb_organisation_set_name (BbOrganisation *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
bb_organisation_get_kind (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->kind;
}

void
bb_organisation_set_kind (BbOrganisation *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
bb_organisation_get_street (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->street;
}

void
bb_organisation_set_street (BbOrganisation *self,
                            const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->street, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STREET]);
}

const char *
bb_organisation_get_postcode (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->postcode;
}

void
bb_organisation_set_postcode (BbOrganisation *self,
                              const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->postcode, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSTCODE]);
}

const char *
bb_organisation_get_city (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->city;
}

void
bb_organisation_set_city (BbOrganisation *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->city, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CITY]);
}

gint64
bb_organisation_get_district_id (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), 0);

  return self->district_id;
}

void
bb_organisation_set_district_id (BbOrganisation *self,
                                 gint64 value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (self->district_id != value)
    {
      self->district_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISTRICT_ID]);
    }
}

const char *
bb_organisation_get_phone (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->phone;
}

void
bb_organisation_set_phone (BbOrganisation *self,
                           const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
bb_organisation_get_email (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->email;
}

void
bb_organisation_set_email (BbOrganisation *self,
                           const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
bb_organisation_get_web (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->web;
}

void
bb_organisation_set_web (BbOrganisation *self,
                         const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->web, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEB]);
}

const char *
bb_organisation_get_notes (BbOrganisation *self)
{
  g_return_val_if_fail (BB_IS_ORGANISATION (self), NULL);

  return self->notes;
}

void
bb_organisation_set_notes (BbOrganisation *self,
                           const char *value)
{
  g_return_if_fail (BB_IS_ORGANISATION (self));

  if (bb_set_str (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}
