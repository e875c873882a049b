/* bb-event.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An event of the calendar: Jour fixe, Werkstatt, …, possibly recurring.
 * Each property is a column of the table "event" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-event"

#include "config.h"

#include "bb-event.h"

struct _BbEvent
{
  BbRecord parent_instance;

  char *uid;
  int sequence;
  char *kind;
  gint64 region_id;
  char *title;
  char *starts_at;
  char *ends_at;
  gboolean all_day;
  char *location;
  char *online_url;
  char *description;
  char *status;
  gint64 organiser_id;
  char *rrule;
  char *exdates;
};

G_DEFINE_FINAL_TYPE (BbEvent, bb_event, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_UID,
  PROP_SEQUENCE,
  PROP_KIND,
  PROP_REGION_ID,
  PROP_TITLE,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_ALL_DAY,
  PROP_LOCATION,
  PROP_ONLINE_URL,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_ORGANISER_ID,
  PROP_RRULE,
  PROP_EXDATES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_event_dup_label (BbRecord *record)
{
  BbEvent *self = BB_EVENT (record);

  return g_strdup (self->title);
}

static void
bb_event_finalize (GObject *object)
{
  BbEvent *self = (BbEvent *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->starts_at, g_free);
  g_clear_pointer (&self->ends_at, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->online_url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->exdates, g_free);

  G_OBJECT_CLASS (bb_event_parent_class)->finalize (object);
}

static void
bb_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BbEvent *self = BB_EVENT (object);

  switch (prop_id)
    {
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;

    case PROP_ENDS_AT:
      g_value_set_string (value, self->ends_at);
      break;

    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_ONLINE_URL:
      g_value_set_string (value, self->online_url);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_ORGANISER_ID:
      g_value_set_int64 (value, self->organiser_id);
      break;

    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;

    case PROP_EXDATES:
      g_value_set_string (value, self->exdates);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BbEvent *self = BB_EVENT (object);

  switch (prop_id)
    {
    case PROP_UID:
      bb_event_set_uid (self, g_value_get_string (value));
      break;

    case PROP_SEQUENCE:
      bb_event_set_sequence (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      bb_event_set_kind (self, g_value_get_string (value));
      break;

    case PROP_REGION_ID:
      bb_event_set_region_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      bb_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_STARTS_AT:
      bb_event_set_starts_at (self, g_value_get_string (value));
      break;

    case PROP_ENDS_AT:
      bb_event_set_ends_at (self, g_value_get_string (value));
      break;

    case PROP_ALL_DAY:
      bb_event_set_all_day (self, g_value_get_boolean (value));
      break;

    case PROP_LOCATION:
      bb_event_set_location (self, g_value_get_string (value));
      break;

    case PROP_ONLINE_URL:
      bb_event_set_online_url (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      bb_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      bb_event_set_status (self, g_value_get_string (value));
      break;

    case PROP_ORGANISER_ID:
      bb_event_set_organiser_id (self, g_value_get_int64 (value));
      break;

    case PROP_RRULE:
      bb_event_set_rrule (self, g_value_get_string (value));
      break;

    case PROP_EXDATES:
      bb_event_set_exdates (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_event_class_init (BbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_event_finalize;
  object_class->get_property = bb_event_get_property;
  object_class->set_property = bb_event_set_property;

  record_class->table = "event";
  record_class->dup_label = bb_event_dup_label;

  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "other",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGION_ID] =
    g_param_spec_int64 ("region-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
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

  properties [PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ONLINE_URL] =
    g_param_spec_string ("online-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "confirmed",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORGANISER_ID] =
    g_param_spec_int64 ("organiser-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXDATES] =
    g_param_spec_string ("exdates", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_event_init (BbEvent *self)
{
  self->kind = g_strdup ("other");
  self->status = g_strdup ("confirmed");
}

BbEvent *
bb_event_new (void)
{
  return g_object_new (BB_TYPE_EVENT, NULL);
}

const char *
bb_event_get_uid (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->uid;
}

void
bb_event_set_uid (BbEvent *self,
                  const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->uid, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UID]);
}

int
bb_event_get_sequence (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), 0);

  return self->sequence;
}

void
bb_event_set_sequence (BbEvent *self,
                       int value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (self->sequence != value)
    {
      self->sequence = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEQUENCE]);
    }
}

const char *
bb_event_get_kind (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->kind;
}

void
bb_event_set_kind (BbEvent *self,
                   const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gint64
bb_event_get_region_id (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), 0);

  return self->region_id;
}

void
bb_event_set_region_id (BbEvent *self,
                        gint64 value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (self->region_id != value)
    {
      self->region_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION_ID]);
    }
}

const char *
bb_event_get_title (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->title;
}

void
bb_event_set_title (BbEvent *self,
                    const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
bb_event_get_starts_at (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->starts_at;
}

void
bb_event_set_starts_at (BbEvent *self,
                        const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->starts_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STARTS_AT]);
}

const char *
bb_event_get_ends_at (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->ends_at;
}

void
bb_event_set_ends_at (BbEvent *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->ends_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDS_AT]);
}

gboolean
bb_event_get_all_day (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), 0);

  return self->all_day;
}

void
bb_event_set_all_day (BbEvent *self,
                      gboolean value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (self->all_day != value)
    {
      self->all_day = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_DAY]);
    }
}

const char *
bb_event_get_location (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->location;
}

void
bb_event_set_location (BbEvent *self,
                       const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->location, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCATION]);
}

const char *
bb_event_get_online_url (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->online_url;
}

void
bb_event_set_online_url (BbEvent *self,
                         const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->online_url, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE_URL]);
}

const char *
bb_event_get_description (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->description;
}

void
bb_event_set_description (BbEvent *self,
                          const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->description, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

const char *
bb_event_get_status (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->status;
}

void
bb_event_set_status (BbEvent *self,
                     const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

gint64
bb_event_get_organiser_id (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), 0);

  return self->organiser_id;
}

void
bb_event_set_organiser_id (BbEvent *self,
                           gint64 value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (self->organiser_id != value)
    {
      self->organiser_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANISER_ID]);
    }
}

const char *
bb_event_get_rrule (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->rrule;
}

void
bb_event_set_rrule (BbEvent *self,
                    const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->rrule, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RRULE]);
}

const char *
bb_event_get_exdates (BbEvent *self)
{
  g_return_val_if_fail (BB_IS_EVENT (self), NULL);

  return self->exdates;
}

void
bb_event_set_exdates (BbEvent *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_EVENT (self));

  if (bb_set_str (&self->exdates, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXDATES]);
}
