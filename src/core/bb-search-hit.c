/* bb-search-hit.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-search-hit"

#include "config.h"

#include "bb-record.h"
#include "bb-search-hit.h"

struct _BbSearchHit
{
  GObject parent_instance;

  GType   record_type;
  gint64  id;
  char   *title;
  char   *snippet;
  char   *date;
  double  rank;
};

G_DEFINE_FINAL_TYPE (BbSearchHit, bb_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD_TYPE,
  PROP_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_DATE,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
bb_search_hit_finalize (GObject *object)
{
  BbSearchHit *self = (BbSearchHit *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (bb_search_hit_parent_class)->finalize (object);
}

static void
bb_search_hit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbSearchHit *self = BB_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_search_hit_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbSearchHit *self = BB_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_RECORD_TYPE:
      self->record_type = g_value_get_gtype (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SNIPPET:
      self->snippet = g_value_dup_string (value);
      break;

    case PROP_DATE:
      self->date = g_value_dup_string (value);
      break;

    case PROP_RANK:
      self->rank = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_search_hit_class_init (BbSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_search_hit_finalize;
  object_class->get_property = bb_search_hit_get_property;
  object_class->set_property = bb_search_hit_set_property;

  properties [PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL,
                        BB_TYPE_RECORD,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The matches are enclosed in U+0002 … U+0003 for the view to highlight. */
  properties [PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* When the record happened ("YYYY-MM-DDTHH:MM"), for consultations; NULL for the others. */
  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* bm25: lower is better. */
  properties [PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_search_hit_init (BbSearchHit *self)
{
  self->record_type = BB_TYPE_RECORD;
}

BbSearchHit *
bb_search_hit_new (GType       record_type,
                   gint64      id,
                   const char *title,
                   const char *snippet,
                   const char *date,
                   double      rank)
{
  g_return_val_if_fail (g_type_is_a (record_type, BB_TYPE_RECORD), NULL);

  return g_object_new (BB_TYPE_SEARCH_HIT,
                       "record-type", record_type,
                       "id", id,
                       "title", title,
                       "snippet", snippet,
                       "date", date,
                       "rank", rank,
                       NULL);
}

GType
bb_search_hit_get_record_type (BbSearchHit *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_HIT (self), G_TYPE_INVALID);

  return self->record_type;
}

gint64
bb_search_hit_get_id (BbSearchHit *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_HIT (self), 0);

  return self->id;
}

const char *
bb_search_hit_get_title (BbSearchHit *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

const char *
bb_search_hit_get_snippet (BbSearchHit *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

double
bb_search_hit_get_rank (BbSearchHit *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_HIT (self), 0.0);

  return self->rank;
}

const char *
bb_search_hit_get_date (BbSearchHit *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_HIT (self), NULL);

  return self->date;
}
