/* bb-followup.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A follow-up agreed in a consultation.
 * Each property is a column of the table "followup" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-followup"

#include "config.h"

#include "bb-followup.h"

struct _BbFollowup
{
  BbRecord parent_instance;

  gint64 consultation_id;
  char *text;
  char *due_on;
  char *done_on;
};

G_DEFINE_FINAL_TYPE (BbFollowup, bb_followup, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONSULTATION_ID,
  PROP_TEXT,
  PROP_DUE_ON,
  PROP_DONE_ON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_followup_dup_label (BbRecord *record)
{
  BbFollowup *self = BB_FOLLOWUP (record);

  return g_strdup (self->text);
}

static void
bb_followup_finalize (GObject *object)
{
  BbFollowup *self = (BbFollowup *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->done_on, g_free);

  G_OBJECT_CLASS (bb_followup_parent_class)->finalize (object);
}

static void
bb_followup_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BbFollowup *self = BB_FOLLOWUP (object);

  switch (prop_id)
    {
    case PROP_CONSULTATION_ID:
      g_value_set_int64 (value, self->consultation_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_DONE_ON:
      g_value_set_string (value, self->done_on);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_followup_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BbFollowup *self = BB_FOLLOWUP (object);

  switch (prop_id)
    {
    case PROP_CONSULTATION_ID:
      bb_followup_set_consultation_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      bb_followup_set_text (self, g_value_get_string (value));
      break;

    case PROP_DUE_ON:
      bb_followup_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_DONE_ON:
      bb_followup_set_done_on (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_followup_class_init (BbFollowupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_followup_finalize;
  object_class->get_property = bb_followup_get_property;
  object_class->set_property = bb_followup_set_property;

  record_class->table = "followup";
  record_class->dup_label = bb_followup_dup_label;

  properties [PROP_CONSULTATION_ID] =
    g_param_spec_int64 ("consultation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DONE_ON] =
    g_param_spec_string ("done-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_followup_init (BbFollowup *self)
{
}

BbFollowup *
bb_followup_new (void)
{
  return g_object_new (BB_TYPE_FOLLOWUP, NULL);
}

gint64
bb_followup_get_consultation_id (BbFollowup *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP (self), 0);

  return self->consultation_id;
}

void
bb_followup_set_consultation_id (BbFollowup *self,
                                 gint64 value)
{
  g_return_if_fail (BB_IS_FOLLOWUP (self));

  if (self->consultation_id != value)
    {
      self->consultation_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONSULTATION_ID]);
    }
}

const char *
bb_followup_get_text (BbFollowup *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP (self), NULL);

  return self->text;
}

void
bb_followup_set_text (BbFollowup *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_FOLLOWUP (self));

  if (bb_set_str (&self->text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

const char *
bb_followup_get_due_on (BbFollowup *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP (self), NULL);

  return self->due_on;
}

void
bb_followup_set_due_on (BbFollowup *self,
                        const char *value)
{
  g_return_if_fail (BB_IS_FOLLOWUP (self));

  if (bb_set_str (&self->due_on, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_ON]);
}

const char *
bb_followup_get_done_on (BbFollowup *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP (self), NULL);

  return self->done_on;
}

void
bb_followup_set_done_on (BbFollowup *self,
                         const char *value)
{
  g_return_if_fail (BB_IS_FOLLOWUP (self));

  if (bb_set_str (&self->done_on, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DONE_ON]);
}
