/* bb-consultation.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One individual consultation (Beratung).
 * Each property is a column of the table "consultation" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-consultation"

#include "config.h"

#include "bb-consultation.h"

struct _BbConsultation
{
  BbRecord parent_instance;

  char *started_at;
  int duration_minutes;
  char *format;
  gint64 region_id;
  gint64 shelter_id;
  char *former_shelter_name;
  char *author;
  char *notes;
};

G_DEFINE_FINAL_TYPE (BbConsultation, bb_consultation, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STARTED_AT,
  PROP_DURATION_MINUTES,
  PROP_FORMAT,
  PROP_REGION_ID,
  PROP_SHELTER_ID,
  PROP_FORMER_SHELTER_NAME,
  PROP_AUTHOR,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_consultation_dup_label (BbRecord *record)
{
  BbConsultation *self = BB_CONSULTATION (record);

  return g_strdup (self->started_at);
}

static void
bb_consultation_finalize (GObject *object)
{
  BbConsultation *self = (BbConsultation *)object;

  g_clear_pointer (&self->started_at, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->former_shelter_name, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (bb_consultation_parent_class)->finalize (object);
}

static void
bb_consultation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbConsultation *self = BB_CONSULTATION (object);

  switch (prop_id)
    {
    case PROP_STARTED_AT:
      g_value_set_string (value, self->started_at);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;

    case PROP_SHELTER_ID:
      g_value_set_int64 (value, self->shelter_id);
      break;

    case PROP_FORMER_SHELTER_NAME:
      g_value_set_string (value, self->former_shelter_name);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_consultation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbConsultation *self = BB_CONSULTATION (object);

  switch (prop_id)
    {
    case PROP_STARTED_AT:
      bb_consultation_set_started_at (self, g_value_get_string (value));
      break;

    case PROP_DURATION_MINUTES:
      bb_consultation_set_duration_minutes (self, g_value_get_int (value));
      break;

    case PROP_FORMAT:
      bb_consultation_set_format (self, g_value_get_string (value));
      break;

    case PROP_REGION_ID:
      bb_consultation_set_region_id (self, g_value_get_int64 (value));
      break;

    case PROP_SHELTER_ID:
      bb_consultation_set_shelter_id (self, g_value_get_int64 (value));
      break;

    case PROP_FORMER_SHELTER_NAME:
      bb_consultation_set_former_shelter_name (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      bb_consultation_set_author (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      bb_consultation_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_consultation_class_init (BbConsultationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_consultation_finalize;
  object_class->get_property = bb_consultation_get_property;
  object_class->set_property = bb_consultation_set_property;

  record_class->table = "consultation";
  record_class->dup_label = bb_consultation_dup_label;

  properties [PROP_STARTED_AT] =
    g_param_spec_string ("started-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL,
                         "on-site",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGION_ID] =
    g_param_spec_int64 ("region-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHELTER_ID] =
    g_param_spec_int64 ("shelter-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FORMER_SHELTER_NAME] =
    g_param_spec_string ("former-shelter-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_consultation_init (BbConsultation *self)
{
  self->format = g_strdup ("on-site");
  self->duration_minutes = -1;
}

BbConsultation *
bb_consultation_new (void)
{
  return g_object_new (BB_TYPE_CONSULTATION, NULL);
}

const char *
bb_consultation_get_started_at (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), NULL);

  return self->started_at;
}

void
bb_consultation_set_started_at (BbConsultation *self,
                                const char *value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (bb_set_str (&self->started_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STARTED_AT]);
}

int
bb_consultation_get_duration_minutes (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), 0);

  return self->duration_minutes;
}

void
bb_consultation_set_duration_minutes (BbConsultation *self,
                                      int value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (self->duration_minutes != value)
    {
      self->duration_minutes = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DURATION_MINUTES]);
    }
}

const char *
bb_consultation_get_format (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), NULL);

  return self->format;
}

void
bb_consultation_set_format (BbConsultation *self,
                            const char *value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (bb_set_str (&self->format, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FORMAT]);
}

gint64
bb_consultation_get_region_id (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), 0);

  return self->region_id;
}

void
bb_consultation_set_region_id (BbConsultation *self,
                               gint64 value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (self->region_id != value)
    {
      self->region_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION_ID]);
    }
}

gint64
bb_consultation_get_shelter_id (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), 0);

  return self->shelter_id;
}

void
bb_consultation_set_shelter_id (BbConsultation *self,
                                gint64 value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (self->shelter_id != value)
    {
      self->shelter_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHELTER_ID]);
    }
}

const char *
bb_consultation_get_former_shelter_name (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), NULL);

  return self->former_shelter_name;
}

void
bb_consultation_set_former_shelter_name (BbConsultation *self,
                                         const char *value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (bb_set_str (&self->former_shelter_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FORMER_SHELTER_NAME]);
}

const char *
bb_consultation_get_author (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), NULL);

  return self->author;
}

void
bb_consultation_set_author (BbConsultation *self,
                            const char *value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (bb_set_str (&self->author, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHOR]);
}

const char *
bb_consultation_get_notes (BbConsultation *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION (self), NULL);

  return self->notes;
}

void
bb_consultation_set_notes (BbConsultation *self,
                           const char *value)
{
  g_return_if_fail (BB_IS_CONSULTATION (self));

  if (bb_set_str (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}
