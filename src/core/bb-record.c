/* bb-record.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-record"

#include "config.h"

#include "bb-record.h"

typedef struct
{
  gint64 id;
} BbRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BbRecord, bb_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
bb_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BbRecord *self = BB_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, bb_record_get_id (self));
      break;

    case PROP_LABEL:
      g_value_take_string (value, bb_record_dup_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BbRecord *self = BB_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      bb_record_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_record_class_init (BbRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bb_record_get_property;
  object_class->set_property = bb_record_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Derived from the columns, for lists and search results; not a column itself. */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_record_init (BbRecord *self)
{
}

gint64
bb_record_get_id (BbRecord *self)
{
  BbRecordPrivate *priv = bb_record_get_instance_private (self);

  g_return_val_if_fail (BB_IS_RECORD (self), 0);

  return priv->id;
}

void
bb_record_set_id (BbRecord *self,
                  gint64    id)
{
  BbRecordPrivate *priv = bb_record_get_instance_private (self);

  g_return_if_fail (BB_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }
}

char *
bb_record_dup_label (BbRecord *self)
{
  g_return_val_if_fail (BB_IS_RECORD (self), NULL);

  if (BB_RECORD_GET_CLASS (self)->dup_label == NULL)
    return NULL;

  return BB_RECORD_GET_CLASS (self)->dup_label (self);
}

const char *
bb_record_get_table (BbRecord *self)
{
  g_return_val_if_fail (BB_IS_RECORD (self), NULL);

  return BB_RECORD_GET_CLASS (self)->table;
}

const char *
bb_record_type_get_table (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);

  return BB_RECORD_CLASS (klass)->table;
}
