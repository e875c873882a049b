/* bb-topic.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A topic (tag) of consultations.
 * Each property is a column of the table "topic" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-topic"

#include "config.h"

#include "bb-topic.h"

struct _BbTopic
{
  BbRecord parent_instance;

  char *name;
};

G_DEFINE_FINAL_TYPE (BbTopic, bb_topic, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_topic_dup_label (BbRecord *record)
{
  BbTopic *self = BB_TOPIC (record);

  return g_strdup (self->name);
}

static void
bb_topic_finalize (GObject *object)
{
  BbTopic *self = (BbTopic *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (bb_topic_parent_class)->finalize (object);
}

static void
bb_topic_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BbTopic *self = BB_TOPIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_topic_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BbTopic *self = BB_TOPIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bb_topic_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_topic_class_init (BbTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_topic_finalize;
  object_class->get_property = bb_topic_get_property;
  object_class->set_property = bb_topic_set_property;

  record_class->table = "topic";
  record_class->dup_label = bb_topic_dup_label;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_topic_init (BbTopic *self)
{
}

BbTopic *
bb_topic_new (void)
{
  return g_object_new (BB_TYPE_TOPIC, NULL);
}

const char *
bb_topic_get_name (BbTopic *self)
{
  g_return_val_if_fail (BB_IS_TOPIC (self), NULL);

  return self->name;
}

void
bb_topic_set_name (BbTopic *self,
                   const char *value)
{
  g_return_if_fail (BB_IS_TOPIC (self));

  if (bb_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}
