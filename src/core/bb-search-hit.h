/* bb-search-hit.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BB_TYPE_SEARCH_HIT (bb_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (BbSearchHit, bb_search_hit, BB, SEARCH_HIT, GObject)

/* One result of the global search: which record (its type and id), a title, a snippet of the
 * matching text with the matches between U+0002 and U+0003, and for consultations their date
 * ("YYYY-MM-DDTHH:MM", for the view to format). */
BbSearchHit *bb_search_hit_new          (GType        record_type,
                                         gint64       id,
                                         const char  *title,
                                         const char  *snippet,
                                         const char  *date,
                                         double       rank);
GType        bb_search_hit_get_record_type (BbSearchHit *self);
gint64       bb_search_hit_get_id       (BbSearchHit *self);
const char  *bb_search_hit_get_title    (BbSearchHit *self);
const char  *bb_search_hit_get_snippet  (BbSearchHit *self);
const char  *bb_search_hit_get_date     (BbSearchHit *self);
double       bb_search_hit_get_rank     (BbSearchHit *self);

G_END_DECLS
