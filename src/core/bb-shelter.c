/* bb-shelter.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A refugee shelter (Unterkunft).
 * Each property is a column of the table "shelter" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-shelter"

#include "config.h"

#include "bb-shelter.h"

struct _BbShelter
{
  BbRecord parent_instance;

  char *name;
  char *kind;
  gint64 operator_id;
  char *street;
  char *postcode;
  gint64 district_id;
  int capacity;
  int residents;
  char *opened_on;
  char *closed_on;
  char *status;
  char *phone;
  char *email;
  char *notes;
};

G_DEFINE_FINAL_TYPE (BbShelter, bb_shelter, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_OPERATOR_ID,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_DISTRICT_ID,
  PROP_CAPACITY,
  PROP_RESIDENTS,
  PROP_OPENED_ON,
  PROP_CLOSED_ON,
  PROP_STATUS,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_shelter_dup_label (BbRecord *record)
{
  BbShelter *self = BB_SHELTER (record);

  return g_strdup (self->name);
}

static void
bb_shelter_finalize (GObject *object)
{
  BbShelter *self = (BbShelter *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->street, g_free);
  g_clear_pointer (&self->postcode, g_free);
  g_clear_pointer (&self->opened_on, g_free);
  g_clear_pointer (&self->closed_on, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (bb_shelter_parent_class)->finalize (object);
}

static void
bb_shelter_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BbShelter *self = BB_SHELTER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_OPERATOR_ID:
      g_value_set_int64 (value, self->operator_id);
      break;

    case PROP_STREET:
      g_value_set_string (value, self->street);
      break;

    case PROP_POSTCODE:
      g_value_set_string (value, self->postcode);
      break;

    case PROP_DISTRICT_ID:
      g_value_set_int64 (value, self->district_id);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_RESIDENTS:
      g_value_set_int (value, self->residents);
      break;

    case PROP_OPENED_ON:
      g_value_set_string (value, self->opened_on);
      break;

    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_shelter_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BbShelter *self = BB_SHELTER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bb_shelter_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      bb_shelter_set_kind (self, g_value_get_string (value));
      break;

    case PROP_OPERATOR_ID:
      bb_shelter_set_operator_id (self, g_value_get_int64 (value));
      break;

    case PROP_STREET:
      bb_shelter_set_street (self, g_value_get_string (value));
      break;

    case PROP_POSTCODE:
      bb_shelter_set_postcode (self, g_value_get_string (value));
      break;

    case PROP_DISTRICT_ID:
      bb_shelter_set_district_id (self, g_value_get_int64 (value));
      break;

    case PROP_CAPACITY:
      bb_shelter_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_RESIDENTS:
      bb_shelter_set_residents (self, g_value_get_int (value));
      break;

    case PROP_OPENED_ON:
      bb_shelter_set_opened_on (self, g_value_get_string (value));
      break;

    case PROP_CLOSED_ON:
      bb_shelter_set_closed_on (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      bb_shelter_set_status (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      bb_shelter_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      bb_shelter_set_email (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      bb_shelter_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_shelter_class_init (BbShelterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_shelter_finalize;
  object_class->get_property = bb_shelter_get_property;
  object_class->set_property = bb_shelter_set_property;

  record_class->table = "shelter";
  record_class->dup_label = bb_shelter_dup_label;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "community",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OPERATOR_ID] =
    g_param_spec_int64 ("operator-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STREET] =
    g_param_spec_string ("street", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISTRICT_ID] =
    g_param_spec_int64 ("district-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RESIDENTS] =
    g_param_spec_int ("residents", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OPENED_ON] =
    g_param_spec_string ("opened-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "open",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_shelter_init (BbShelter *self)
{
  self->kind = g_strdup ("community");
  self->status = g_strdup ("open");
  self->capacity = -1;
  self->residents = -1;
}

BbShelter *
bb_shelter_new (void)
{
  return g_object_new (BB_TYPE_SHELTER, NULL);
}

const char *
bb_shelter_get_name (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->name;
}

void
bb_shelter_set_name (BbShelter *self,
                     const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
bb_shelter_get_kind (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->kind;
}

void
bb_shelter_set_kind (BbShelter *self,
                     const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gint64
bb_shelter_get_operator_id (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), 0);

  return self->operator_id;
}

void
bb_shelter_set_operator_id (BbShelter *self,
                            gint64 value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (self->operator_id != value)
    {
      self->operator_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPERATOR_ID]);
    }
}

const char *
bb_shelter_get_street (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->street;
}

void
bb_shelter_set_street (BbShelter *self,
                       const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->street, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STREET]);
}

const char *
bb_shelter_get_postcode (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->postcode;
}

void
bb_shelter_set_postcode (BbShelter *self,
                         const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->postcode, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSTCODE]);
}

gint64
bb_shelter_get_district_id (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), 0);

  return self->district_id;
}

void
bb_shelter_set_district_id (BbShelter *self,
                            gint64 value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (self->district_id != value)
    {
      self->district_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISTRICT_ID]);
    }
}

int
bb_shelter_get_capacity (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), 0);

  return self->capacity;
}

void
bb_shelter_set_capacity (BbShelter *self,
                         int value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (self->capacity != value)
    {
      self->capacity = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAPACITY]);
    }
}

int
bb_shelter_get_residents (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), 0);

  return self->residents;
}

void
bb_shelter_set_residents (BbShelter *self,
                          int value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (self->residents != value)
    {
      self->residents = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESIDENTS]);
    }
}

const char *
bb_shelter_get_opened_on (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->opened_on;
}

void
bb_shelter_set_opened_on (BbShelter *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->opened_on, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPENED_ON]);
}

const char *
bb_shelter_get_closed_on (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->closed_on;
}

void
bb_shelter_set_closed_on (BbShelter *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->closed_on, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLOSED_ON]);
}

const char *
bb_shelter_get_status (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->status;
}

void
bb_shelter_set_status (BbShelter *self,
                       const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
bb_shelter_get_phone (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->phone;
}

void
bb_shelter_set_phone (BbShelter *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
bb_shelter_get_email (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->email;
}

void
bb_shelter_set_email (BbShelter *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
bb_shelter_get_notes (BbShelter *self)
{
  g_return_val_if_fail (BB_IS_SHELTER (self), NULL);

  return self->notes;
}

void
bb_shelter_set_notes (BbShelter *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_SHELTER (self));

  if (bb_set_str (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}
