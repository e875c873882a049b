/* bb-person.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A person of the contact network.
 * Each property is a column of the table "person" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-person"

#include "config.h"

#include "bb-person.h"

struct _BbPerson
{
  BbRecord parent_instance;

  char *given_name;
  char *family_name;
  char *pronouns;
  char *function;
  gint64 organisation_id;
  char *email;
  char *phone;
  char *languages;
  char *notes;
};

G_DEFINE_FINAL_TYPE (BbPerson, bb_person, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_PRONOUNS,
  PROP_FUNCTION,
  PROP_ORGANISATION_ID,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_LANGUAGES,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_person_dup_label (BbRecord *record)
{
  BbPerson *self = BB_PERSON (record);

  return g_strstrip (g_strdup_printf ("%s %s", self->given_name ? self->given_name : "", self->family_name ? self->family_name : ""));
}

static void
bb_person_finalize (GObject *object)
{
  BbPerson *self = (BbPerson *)object;

  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->pronouns, g_free);
  g_clear_pointer (&self->function, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->languages, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (bb_person_parent_class)->finalize (object);
}

static void
bb_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BbPerson *self = BB_PERSON (object);

  switch (prop_id)
    {
    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_PRONOUNS:
      g_value_set_string (value, self->pronouns);
      break;

    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;

    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_LANGUAGES:
      g_value_set_string (value, self->languages);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BbPerson *self = BB_PERSON (object);

  switch (prop_id)
    {
    case PROP_GIVEN_NAME:
      bb_person_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      bb_person_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_PRONOUNS:
      bb_person_set_pronouns (self, g_value_get_string (value));
      break;

    case PROP_FUNCTION:
      bb_person_set_function (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION_ID:
      bb_person_set_organisation_id (self, g_value_get_int64 (value));
      break;

    case PROP_EMAIL:
      bb_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      bb_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGES:
      bb_person_set_languages (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      bb_person_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_person_class_init (BbPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_person_finalize;
  object_class->get_property = bb_person_get_property;
  object_class->set_property = bb_person_set_property;

  record_class->table = "person";
  record_class->dup_label = bb_person_dup_label;

  properties [PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRONOUNS] =
    g_param_spec_string ("pronouns", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LANGUAGES] =
    g_param_spec_string ("languages", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_person_init (BbPerson *self)
{
}

BbPerson *
bb_person_new (void)
{
  return g_object_new (BB_TYPE_PERSON, NULL);
}

const char *
bb_person_get_given_name (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->given_name;
}

void
bb_person_set_given_name (BbPerson *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->given_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GIVEN_NAME]);
}

const char *
bb_person_get_family_name (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->family_name;
}

void
bb_person_set_family_name (BbPerson *self,
                           const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->family_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FAMILY_NAME]);
}

const char *
bb_person_get_pronouns (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->pronouns;
}

void
bb_person_set_pronouns (BbPerson *self,
                        const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->pronouns, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRONOUNS]);
}

const char *
bb_person_get_function (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->function;
}

void
bb_person_set_function (BbPerson *self,
                        const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->function, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FUNCTION]);
}

gint64
bb_person_get_organisation_id (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), 0);

  return self->organisation_id;
}

void
bb_person_set_organisation_id (BbPerson *self,
                               gint64 value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (self->organisation_id != value)
    {
      self->organisation_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANISATION_ID]);
    }
}

const char *
bb_person_get_email (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->email;
}

void
bb_person_set_email (BbPerson *self,
                     const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
bb_person_get_phone (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->phone;
}

void
bb_person_set_phone (BbPerson *self,
                     const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
bb_person_get_languages (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->languages;
}

void
bb_person_set_languages (BbPerson *self,
                         const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->languages, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGES]);
}

const char *
bb_person_get_notes (BbPerson *self)
{
  g_return_val_if_fail (BB_IS_PERSON (self), NULL);

  return self->notes;
}

void
bb_person_set_notes (BbPerson *self,
                     const char *value)
{
  g_return_if_fail (BB_IS_PERSON (self));

  if (bb_set_str (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}
