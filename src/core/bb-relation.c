/* bb-relation.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A typed link between two people or organisations.
 * Each property is a column of the table "relation" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-relation"

#include "config.h"

#include "bb-relation.h"

struct _BbRelation
{
  BbRecord parent_instance;

  gint64 from_person_id;
  gint64 from_organisation_id;
  gint64 to_person_id;
  gint64 to_organisation_id;
  char *kind;
  char *since;
  char *until;
  char *note;
};

G_DEFINE_FINAL_TYPE (BbRelation, bb_relation, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_FROM_PERSON_ID,
  PROP_FROM_ORGANISATION_ID,
  PROP_TO_PERSON_ID,
  PROP_TO_ORGANISATION_ID,
  PROP_KIND,
  PROP_SINCE,
  PROP_UNTIL,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_relation_dup_label (BbRecord *record)
{
  BbRelation *self = BB_RELATION (record);

  return g_strdup (self->kind);
}

static void
bb_relation_finalize (GObject *object)
{
  BbRelation *self = (BbRelation *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->until, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (bb_relation_parent_class)->finalize (object);
}

static void
bb_relation_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BbRelation *self = BB_RELATION (object);

  switch (prop_id)
    {
    case PROP_FROM_PERSON_ID:
      g_value_set_int64 (value, self->from_person_id);
      break;

    case PROP_FROM_ORGANISATION_ID:
      g_value_set_int64 (value, self->from_organisation_id);
      break;

    case PROP_TO_PERSON_ID:
      g_value_set_int64 (value, self->to_person_id);
      break;

    case PROP_TO_ORGANISATION_ID:
      g_value_set_int64 (value, self->to_organisation_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;

    case PROP_UNTIL:
      g_value_set_string (value, self->until);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_relation_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BbRelation *self = BB_RELATION (object);

  switch (prop_id)
    {
    case PROP_FROM_PERSON_ID:
      bb_relation_set_from_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_FROM_ORGANISATION_ID:
      bb_relation_set_from_organisation_id (self, g_value_get_int64 (value));
      break;

    case PROP_TO_PERSON_ID:
      bb_relation_set_to_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_TO_ORGANISATION_ID:
      bb_relation_set_to_organisation_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      bb_relation_set_kind (self, g_value_get_string (value));
      break;

    case PROP_SINCE:
      bb_relation_set_since (self, g_value_get_string (value));
      break;

    case PROP_UNTIL:
      bb_relation_set_until (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      bb_relation_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_relation_class_init (BbRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_relation_finalize;
  object_class->get_property = bb_relation_get_property;
  object_class->set_property = bb_relation_set_property;

  record_class->table = "relation";
  record_class->dup_label = bb_relation_dup_label;

  properties [PROP_FROM_PERSON_ID] =
    g_param_spec_int64 ("from-person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FROM_ORGANISATION_ID] =
    g_param_spec_int64 ("from-organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TO_PERSON_ID] =
    g_param_spec_int64 ("to-person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TO_ORGANISATION_ID] =
    g_param_spec_int64 ("to-organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "cooperates",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNTIL] =
    g_param_spec_string ("until", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_relation_init (BbRelation *self)
{
  self->kind = g_strdup ("cooperates");
}

BbRelation *
bb_relation_new (void)
{
  return g_object_new (BB_TYPE_RELATION, NULL);
}

gint64
bb_relation_get_from_person_id (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), 0);

  return self->from_person_id;
}

void
bb_relation_set_from_person_id (BbRelation *self,
                                gint64 value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (self->from_person_id != value)
    {
      self->from_person_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FROM_PERSON_ID]);
    }
}

gint64
bb_relation_get_from_organisation_id (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), 0);

  return self->from_organisation_id;
}

void
bb_relation_set_from_organisation_id (BbRelation *self,
                                      gint64 value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (self->from_organisation_id != value)
    {
      self->from_organisation_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FROM_ORGANISATION_ID]);
    }
}

gint64
bb_relation_get_to_person_id (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), 0);

  return self->to_person_id;
}

void
bb_relation_set_to_person_id (BbRelation *self,
                              gint64 value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (self->to_person_id != value)
    {
      self->to_person_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TO_PERSON_ID]);
    }
}

gint64
bb_relation_get_to_organisation_id (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), 0);

  return self->to_organisation_id;
}

void
bb_relation_set_to_organisation_id (BbRelation *self,
                                    gint64 value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (self->to_organisation_id != value)
    {
      self->to_organisation_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TO_ORGANISATION_ID]);
    }
}

const char *
bb_relation_get_kind (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), NULL);

  return self->kind;
}

void
bb_relation_set_kind (BbRelation *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (bb_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
bb_relation_get_since (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), NULL);

  return self->since;
}

void
bb_relation_set_since (BbRelation *self,
                       const char *value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (bb_set_str (&self->since, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SINCE]);
}

const char *
bb_relation_get_until (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), NULL);

  return self->until;
}

void
bb_relation_set_until (BbRelation *self,
                       const char *value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (bb_set_str (&self->until, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNTIL]);
}

const char *
bb_relation_get_note (BbRelation *self)
{
  g_return_val_if_fail (BB_IS_RELATION (self), NULL);

  return self->note;
}

void
bb_relation_set_note (BbRelation *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_RELATION (self));

  if (bb_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}
