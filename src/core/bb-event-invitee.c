/* bb-event-invitee.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A person or a shelter invited to an event.
 * Each property is a column of the table "event_invitee" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-event-invitee"

#include "config.h"

#include "bb-event-invitee.h"

struct _BbEventInvitee
{
  BbRecord parent_instance;

  gint64 event_id;
  gint64 person_id;
  gint64 shelter_id;
};

G_DEFINE_FINAL_TYPE (BbEventInvitee, bb_event_invitee, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_PERSON_ID,
  PROP_SHELTER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_event_invitee_dup_label (BbRecord *record)
{
  BbEventInvitee *self = BB_EVENT_INVITEE (record);

  return g_strdup_printf ("%" G_GINT64_FORMAT, self->event_id);
}

static void
bb_event_invitee_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbEventInvitee *self = BB_EVENT_INVITEE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_SHELTER_ID:
      g_value_set_int64 (value, self->shelter_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_event_invitee_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbEventInvitee *self = BB_EVENT_INVITEE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      bb_event_invitee_set_event_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      bb_event_invitee_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_SHELTER_ID:
      bb_event_invitee_set_shelter_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_event_invitee_class_init (BbEventInviteeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->get_property = bb_event_invitee_get_property;
  object_class->set_property = bb_event_invitee_set_property;

  record_class->table = "event_invitee";
  record_class->dup_label = bb_event_invitee_dup_label;

  properties [PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHELTER_ID] =
    g_param_spec_int64 ("shelter-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_event_invitee_init (BbEventInvitee *self)
{
}

BbEventInvitee *
bb_event_invitee_new (void)
{
  return g_object_new (BB_TYPE_EVENT_INVITEE, NULL);
}

gint64
bb_event_invitee_get_event_id (BbEventInvitee *self)
{
  g_return_val_if_fail (BB_IS_EVENT_INVITEE (self), 0);

  return self->event_id;
}

void
bb_event_invitee_set_event_id (BbEventInvitee *self,
                               gint64 value)
{
  g_return_if_fail (BB_IS_EVENT_INVITEE (self));

  if (self->event_id != value)
    {
      self->event_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVENT_ID]);
    }
}

gint64
bb_event_invitee_get_person_id (BbEventInvitee *self)
{
  g_return_val_if_fail (BB_IS_EVENT_INVITEE (self), 0);

  return self->person_id;
}

void
bb_event_invitee_set_person_id (BbEventInvitee *self,
                                gint64 value)
{
  g_return_if_fail (BB_IS_EVENT_INVITEE (self));

  if (self->person_id != value)
    {
      self->person_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON_ID]);
    }
}

gint64
bb_event_invitee_get_shelter_id (BbEventInvitee *self)
{
  g_return_val_if_fail (BB_IS_EVENT_INVITEE (self), 0);

  return self->shelter_id;
}

void
bb_event_invitee_set_shelter_id (BbEventInvitee *self,
                                 gint64 value)
{
  g_return_if_fail (BB_IS_EVENT_INVITEE (self));

  if (self->shelter_id != value)
    {
      self->shelter_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHELTER_ID]);
    }
}
