/* bb-store-consultations.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-consultation.h"
#include "bb-record-list.h"
#include "bb-store.h"

G_BEGIN_DECLS

/* The queries of the Beratungen view: consultations filtered in SQL and by full-text search over
 * their notes (instant at hundreds of thousands of consultations), what a list row shows, the
 * open follow-ups, and saving a consultation with its people, topics and follow-ups at once. */

typedef struct
{
  /* Words of the notes, each matched as a prefix, umlauts and accents ignored; NULL or "" for
   * all. */
  char   *text;
  gint64  region_id;      /* 0 for every region */
  gint64  shelter_id;     /* 0 for every shelter */
  gint64  person_id;      /* 0 for everyone: else only consultations with this person */
  gint64  topic_id;       /* 0 for every topic */
  char   *format;         /* a BB_CODES_CONSULTATION_FORMAT code, NULL for all */
  char   *author;         /* NULL for every author */
  char   *from;           /* "YYYY-MM-DD", the first day, NULL for no limit */
  char   *to;             /* "YYYY-MM-DD", the last day (included), NULL for no limit */
} BbConsultationQuery;

BbConsultationQuery *bb_consultation_query_new      (void);
BbConsultationQuery *bb_consultation_query_copy     (const BbConsultationQuery *query);
void                 bb_consultation_query_free     (BbConsultationQuery       *query);
/* TRUE if the query lets every consultation through. */
gboolean             bb_consultation_query_is_empty (const BbConsultationQuery *query);
/* The FTS5 query for what a person typed: every word a quoted prefix of the notes, all
 * required; NULL if text has no word. Exposed for the tests. */
char                *bb_consultation_match_query    (const char                *text);

/* The consultations query selects, newest first, as a list of BbConsultation that follows every
 * change (people, topics and notes included). */
GListModel          *bb_store_list_consultations    (BbStore                   *self,
                                                     const BbConsultationQuery *query);
/* Makes list (a consultation list of bb_store_list() or bb_store_list_consultations()) show
 * query. */
void                 bb_consultation_query_apply    (const BbConsultationQuery *query,
                                                     BbRecordList              *list);

/* What a row of the list shows beside the consultation's own columns. */
typedef struct
{
  char   *shelter_name;   /* the shelter, or the name of a deleted one; NULL if none */
  char   *people;         /* the people consulted, "Ada Fink, Bo Lind"; NULL if none */
  char  **topics;         /* sorted by name, never NULL */
  guint   n_open;         /* follow-ups not done */
  guint   n_overdue;      /* of those, due before today */
  /* The part of the notes that matches the search text, the matches between U+0002 and
   * U+0003, "…" where the text was cut; NULL without search text or match. */
  char   *snippet;
} BbConsultationSummary;

void                   bb_consultation_summary_free (BbConsultationSummary *summary);
/* NULL if there is no consultation id. search_text as in BbConsultationQuery.text. */
BbConsultationSummary *bb_store_get_consultation_summary (BbStore    *self,
                                                          gint64      id,
                                                          const char *search_text);

/* Saves consultation (inserted if its id is 0, else updated; the id is set) with exactly these
 * people, topics (by name; new ones are created) and follow-ups (BbFollowup; those with id 0 are
 * added, the others updated, and follow-ups of the consultation not among them removed) in one
 * transaction: all of it or nothing. */
gboolean             bb_store_save_consultation     (BbStore                   *self,
                                                     BbConsultation            *consultation,
                                                     const gint64              *person_ids,
                                                     gsize                      n_person_ids,
                                                     const char * const        *topics,
                                                     GPtrArray                 *followups,
                                                     GError                   **error);

/* Every follow-up not done, due first, those without a due date last: a list of BbFollowup
 * that follows every change. */
GListModel          *bb_store_list_open_followups   (BbStore                   *self);
/* Makes list (a follow-up list of bb_store_list()) show only the open follow-ups, due first. */
void                 bb_followup_list_show_open     (BbRecordList              *list);
/* Marks the follow-up done on done_on ("YYYY-MM-DD"), or open again if done_on is NULL, as an
 * undoable transaction; returns the undo for bb_store_undo(). */
GBytes              *bb_store_set_followup_done     (BbStore                   *self,
                                                     gint64                     followup_id,
                                                     const char                *done_on,
                                                     GError                   **error);

/* The names of the topics used so far, the most used first, for completion. */
char               **bb_store_dup_topic_names       (BbStore                   *self);
/* The authors of consultations so far, alphabetically. */
char               **bb_store_dup_consultation_authors (BbStore                *self);
/* The people linked to the shelter (person_shelter), by name, each once. */
GArray              *bb_store_get_shelter_people    (BbStore                   *self,
                                                     gint64                     shelter_id);
/* The region of the shelter's district, or 0. */
gint64               bb_store_get_shelter_region    (BbStore                   *self,
                                                     gint64                     shelter_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbConsultationQuery, bb_consultation_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbConsultationSummary, bb_consultation_summary_free)

G_END_DECLS
