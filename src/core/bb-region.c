/* bb-region.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A region of the BfE (Nord, West, Südost).
 * Each property is a column of the table "region" (dashes become underscores); the store
 * reads and writes records through these properties. */

#define G_LOG_DOMAIN "bb-region"

#include "config.h"

#include "bb-region.h"

struct _BbRegion
{
  BbRecord parent_instance;

  char *name;
};

G_DEFINE_FINAL_TYPE (BbRegion, bb_region, BB_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
bb_region_dup_label (BbRecord *record)
{
  BbRegion *self = BB_REGION (record);

  return g_strdup (self->name);
}

static void
bb_region_finalize (GObject *object)
{
  BbRegion *self = (BbRegion *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (bb_region_parent_class)->finalize (object);
}

static void
bb_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BbRegion *self = BB_REGION (object);

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
bb_region_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BbRegion *self = BB_REGION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bb_region_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_region_class_init (BbRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbRecordClass *record_class = BB_RECORD_CLASS (klass);

  object_class->finalize = bb_region_finalize;
  object_class->get_property = bb_region_get_property;
  object_class->set_property = bb_region_set_property;

  record_class->table = "region";
  record_class->dup_label = bb_region_dup_label;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_region_init (BbRegion *self)
{
}

BbRegion *
bb_region_new (void)
{
  return g_object_new (BB_TYPE_REGION, NULL);
}

const char *
bb_region_get_name (BbRegion *self)
{
  g_return_val_if_fail (BB_IS_REGION (self), NULL);

  return self->name;
}

void
bb_region_set_name (BbRegion *self,
                    const char *value)
{
  g_return_if_fail (BB_IS_REGION (self));

  if (bb_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}
