/* bb-person-shelter.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The role a person has in a shelter.
 * Each property is a column of the table "person_shelter" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-person-shelter"

#include "config.h"

#include "bb-person-shelter.h"

struct _BbPersonShelter
{
  BbRecord parent_instance;

  gint64 person_id;
  gint64 shelter_id;
  char *role;
  char *since;
  char *until;
};

G_DEFINE_FINAL_TYPE (BbPersonShelter, bb_person_shelter, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_SHELTER_ID,
  PROP_ROLE,
  PROP_SINCE,
  PROP_UNTIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_person_shelter_dup_label (BbRecord *record)
{
  BbPersonShelter *self = BB_PERSON_SHELTER (record);

  return g_strdup (self->role);
}

static void
bb_person_shelter_finalize (GObject *object)
{
  BbPersonShelter *self = (BbPersonShelter *)object;

  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->until, g_free);

  G_OBJECT_CLASS (bb_person_shelter_parent_class)->finalize (object);
}

static void
bb_person_shelter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbPersonShelter *self = BB_PERSON_SHELTER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_SHELTER_ID:
      g_value_set_int64 (value, self->shelter_id);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;

    case PROP_UNTIL:
      g_value_set_string (value, self->until);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_person_shelter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbPersonShelter *self = BB_PERSON_SHELTER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      bb_person_shelter_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_SHELTER_ID:
      bb_person_shelter_set_shelter_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROLE:
      bb_person_shelter_set_role (self, g_value_get_string (value));
      break;

    case PROP_SINCE:
      bb_person_shelter_set_since (self, g_value_get_string (value));
      break;

    case PROP_UNTIL:
      bb_person_shelter_set_until (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_person_shelter_class_init (BbPersonShelterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_person_shelter_finalize;
  object_class->get_property = bb_person_shelter_get_property;
  object_class->set_property = bb_person_shelter_set_property;

  record_class->table = "person_shelter";
  record_class->dup_label = bb_person_shelter_dup_label;

  properties [PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHELTER_ID] =
    g_param_spec_int64 ("shelter-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "volunteer-coordination",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNTIL] =
    g_param_spec_string ("until", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_person_shelter_init (BbPersonShelter *self)
{
  self->role = g_strdup ("volunteer-coordination");
}

BbPersonShelter *
bb_person_shelter_new (void)
{
  return g_object_new (BB_TYPE_PERSON_SHELTER, NULL);
}

gint64
bb_person_shelter_get_person_id (BbPersonShelter *self)
{
  g_return_val_if_fail (BB_IS_PERSON_SHELTER (self), 0);

  return self->person_id;
}

void
bb_person_shelter_set_person_id (BbPersonShelter *self,
                                 gint64 value)
{
  g_return_if_fail (BB_IS_PERSON_SHELTER (self));

  if (self->person_id != value)
    {
      self->person_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON_ID]);
    }
}

gint64
bb_person_shelter_get_shelter_id (BbPersonShelter *self)
{
  g_return_val_if_fail (BB_IS_PERSON_SHELTER (self), 0);

  return self->shelter_id;
}

void
bb_person_shelter_set_shelter_id (BbPersonShelter *self,
                                  gint64 value)
{
  g_return_if_fail (BB_IS_PERSON_SHELTER (self));

  if (self->shelter_id != value)
    {
      self->shelter_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHELTER_ID]);
    }
}

const char *
bb_person_shelter_get_role (BbPersonShelter *self)
{
  g_return_val_if_fail (BB_IS_PERSON_SHELTER (self), NULL);

  return self->role;
}

void
bb_person_shelter_set_role (BbPersonShelter *self,
                            const char *value)
{
  g_return_if_fail (BB_IS_PERSON_SHELTER (self));

  if (bb_set_str (&self->role, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROLE]);
}

const char *
bb_person_shelter_get_since (BbPersonShelter *self)
{
  g_return_val_if_fail (BB_IS_PERSON_SHELTER (self), NULL);

  return self->since;
}

void
bb_person_shelter_set_since (BbPersonShelter *self,
                             const char *value)
{
  g_return_if_fail (BB_IS_PERSON_SHELTER (self));

  if (bb_set_str (&self->since, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SINCE]);
}

const char *
bb_person_shelter_get_until (BbPersonShelter *self)
{
  g_return_val_if_fail (BB_IS_PERSON_SHELTER (self), NULL);

  return self->until;
}

void
bb_person_shelter_set_until (BbPersonShelter *self,
                             const char *value)
{
  g_return_if_fail (BB_IS_PERSON_SHELTER (self));

  if (bb_set_str (&self->until, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNTIL]);
}
