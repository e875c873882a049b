/* bb-attendance.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Whether a person came to one occurrence of an event.
 * Each property is a column of the table "attendance" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-attendance"

#include "config.h"

#include "bb-attendance.h"

struct _BbAttendance
{
  BbRecord parent_instance;

  gint64 event_id;
  char *occurrence;
  gint64 person_id;
  char *status;
};

G_DEFINE_FINAL_TYPE (BbAttendance, bb_attendance, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_OCCURRENCE,
  PROP_PERSON_ID,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_attendance_dup_label (BbRecord *record)
{
  BbAttendance *self = BB_ATTENDANCE (record);

  return g_strdup (self->status);
}

static void
bb_attendance_finalize (GObject *object)
{
  BbAttendance *self = (BbAttendance *)object;

  g_clear_pointer (&self->occurrence, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (bb_attendance_parent_class)->finalize (object);
}

static void
bb_attendance_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbAttendance *self = BB_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_OCCURRENCE:
      g_value_set_string (value, self->occurrence);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_attendance_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbAttendance *self = BB_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      bb_attendance_set_event_id (self, g_value_get_int64 (value));
      break;

    case PROP_OCCURRENCE:
      bb_attendance_set_occurrence (self, g_value_get_string (value));
      break;

    case PROP_PERSON_ID:
      bb_attendance_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      bb_attendance_set_status (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_attendance_class_init (BbAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_attendance_finalize;
  object_class->get_property = bb_attendance_get_property;
  object_class->set_property = bb_attendance_set_property;

  record_class->table = "attendance";
  record_class->dup_label = bb_attendance_dup_label;

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OCCURRENCE] =
    g_param_spec_string ("occurrence", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "attended",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_attendance_init (BbAttendance *self)
{
  self->status = g_strdup ("attended");
}

BbAttendance *
bb_attendance_new (void)
{
  return g_object_new (BB_TYPE_ATTENDANCE, NULL);
}

gint64
bb_attendance_get_event_id (BbAttendance *self)
{
  g_return_val_if_fail (BB_IS_ATTENDANCE (self), 0);

  return self->event_id;
}

void
bb_attendance_set_event_id (BbAttendance *self,
                            gint64 value)
{
  g_return_if_fail (BB_IS_ATTENDANCE (self));

  if (self->event_id != value)
    {
      self->event_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
    }
}

const char *
bb_attendance_get_occurrence (BbAttendance *self)
{
  g_return_val_if_fail (BB_IS_ATTENDANCE (self), NULL);

  return self->occurrence;
}

void
bb_attendance_set_occurrence (BbAttendance *self,
                              const char *value)
{
  g_return_if_fail (BB_IS_ATTENDANCE (self));

  if (bb_set_str (&self->occurrence, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OCCURRENCE]);
}

gint64
bb_attendance_get_person_id (BbAttendance *self)
{
  g_return_val_if_fail (BB_IS_ATTENDANCE (self), 0);

  return self->person_id;
}

void
bb_attendance_set_person_id (BbAttendance *self,
                             gint64 value)
{
  g_return_if_fail (BB_IS_ATTENDANCE (self));

  if (self->person_id != value)
    {
      self->person_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON_ID]);
    }
}

const char *
bb_attendance_get_status (BbAttendance *self)
{
  g_return_val_if_fail (BB_IS_ATTENDANCE (self), NULL);

  return self->status;
}

void
bb_attendance_set_status (BbAttendance *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_ATTENDANCE (self));

  if (bb_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}
