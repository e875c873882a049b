/* bb-event-override.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One changed occurrence of a recurring event.
 * Each property is a column of the table "event_override" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-event-override"

#include "config.h"

#include "bb-event-override.h"

struct _BbEventOverride
{
  BbRecord parent_instance;

  gint64 event_id;
  char *recurrence_id;
  char *starts_at;
  char *ends_at;
  char *title;
  char *location;
  char *status;
};

G_DEFINE_FINAL_TYPE (BbEventOverride, bb_event_override, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_RECURRENCE_ID,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_event_override_dup_label (BbRecord *record)
{
  BbEventOverride *self = BB_EVENT_OVERRIDE (record);

  return g_strdup (self->recurrence_id);
}

static void
bb_event_override_finalize (GObject *object)
{
  BbEventOverride *self = (BbEventOverride *)object;

  g_clear_pointer (&self->recurrence_id, g_free);
  g_clear_pointer (&self->starts_at, g_free);
  g_clear_pointer (&self->ends_at, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (bb_event_override_parent_class)->finalize (object);
}

static void
bb_event_override_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbEventOverride *self = BB_EVENT_OVERRIDE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_RECURRENCE_ID:
      g_value_set_string (value, self->recurrence_id);
      break;

    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;

    case PROP_ENDS_AT:
      g_value_set_string (value, self->ends_at);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_event_override_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbEventOverride *self = BB_EVENT_OVERRIDE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      bb_event_override_set_event_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECURRENCE_ID:
      bb_event_override_set_recurrence_id (self, g_value_get_string (value));
      break;

    case PROP_STARTS_AT:
      bb_event_override_set_starts_at (self, g_value_get_string (value));
      break;

    case PROP_ENDS_AT:
      bb_event_override_set_ends_at (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      bb_event_override_set_title (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      bb_event_override_set_location (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      bb_event_override_set_status (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_event_override_class_init (BbEventOverrideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_event_override_finalize;
  object_class->get_property = bb_event_override_get_property;
  object_class->set_property = bb_event_override_set_property;

  record_class->table = "event_override";
  record_class->dup_label = bb_event_override_dup_label;

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RECURRENCE_ID] =
    g_param_spec_string ("recurrence-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STARTS_AT] =
    g_param_spec_string ("starts-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENDS_AT] =
    g_param_spec_string ("ends-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "confirmed",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_event_override_init (BbEventOverride *self)
{
  self->status = g_strdup ("confirmed");
}

BbEventOverride *
bb_event_override_new (void)
{
  return g_object_new (BB_TYPE_EVENT_OVERRIDE, NULL);
}

gint64
bb_event_override_get_event_id (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), 0);

  return self->event_id;
}

void
bb_event_override_set_event_id (BbEventOverride *self,
                                gint64 value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (self->event_id != value)
    {
      self->event_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
    }
}

const char *
bb_event_override_get_recurrence_id (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), NULL);

  return self->recurrence_id;
}

void
bb_event_override_set_recurrence_id (BbEventOverride *self,
                                     const char *value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (bb_set_str (&self->recurrence_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE_ID]);
}

const char *
bb_event_override_get_starts_at (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), NULL);

  return self->starts_at;
}

void
bb_event_override_set_starts_at (BbEventOverride *self,
                                 const char *value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (bb_set_str (&self->starts_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STARTS_AT]);
}

const char *
bb_event_override_get_ends_at (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), NULL);

  return self->ends_at;
}

void
bb_event_override_set_ends_at (BbEventOverride *self,
                               const char *value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (bb_set_str (&self->ends_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDS_AT]);
}

const char *
bb_event_override_get_title (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), NULL);

  return self->title;
}

void
bb_event_override_set_title (BbEventOverride *self,
                             const char *value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (bb_set_str (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
bb_event_override_get_location (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), NULL);

  return self->location;
}

void
bb_event_override_set_location (BbEventOverride *self,
                                const char *value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (bb_set_str (&self->location, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCATION]);
}

const char *
bb_event_override_get_status (BbEventOverride *self)
{
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (self), NULL);

  return self->status;
}

void
bb_event_override_set_status (BbEventOverride *self,
                              const char *value)
{
  g_return_if_fail (BB_IS_EVENT_OVERRIDE (self));

  if (bb_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}
