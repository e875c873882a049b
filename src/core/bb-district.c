/* bb-district.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A Berlin Bezirk and the region that looks after it.
 * Each property is a column of the table "district" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-district"

#include "config.h"

#include "bb-district.h"

struct _BbDistrict
{
  BbRecord parent_instance;

  char *name;
  gint64 region_id;
};

G_DEFINE_FINAL_TYPE (BbDistrict, bb_district, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_REGION_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_district_dup_label (BbRecord *record)
{
  BbDistrict *self = BB_DISTRICT (record);

  return g_strdup (self->name);
}

static void
bb_district_finalize (GObject *object)
{
  BbDistrict *self = (BbDistrict *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (bb_district_parent_class)->finalize (object);
}

static void
bb_district_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BbDistrict *self = BB_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_district_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BbDistrict *self = BB_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bb_district_set_name (self, g_value_get_string (value));
      break;

    case PROP_REGION_ID:
      bb_district_set_region_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_district_class_init (BbDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_district_finalize;
  object_class->get_property = bb_district_get_property;
  object_class->set_property = bb_district_set_property;

  record_class->table = "district";
  record_class->dup_label = bb_district_dup_label;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGION_ID] =
    g_param_spec_int64 ("region-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_district_init (BbDistrict *self)
{
}

BbDistrict *
bb_district_new (void)
{
  return g_object_new (BB_TYPE_DISTRICT, NULL);
}

const char *
bb_district_get_name (BbDistrict *self)
{
  g_return_val_if_fail (BB_IS_DISTRICT (self), NULL);

  return self->name;
}

void
bb_district_set_name (BbDistrict *self,
                      const char *value)
{
  g_return_if_fail (BB_IS_DISTRICT (self));

  if (bb_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

gint64
bb_district_get_region_id (BbDistrict *self)
{
  g_return_val_if_fail (BB_IS_DISTRICT (self), 0);

  return self->region_id;
}

void
bb_district_set_region_id (BbDistrict *self,
                           gint64 value)
{
  g_return_if_fail (BB_IS_DISTRICT (self));

  if (self->region_id != value)
    {
      self->region_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION_ID]);
    }
}
