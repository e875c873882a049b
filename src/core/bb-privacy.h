/* bb-privacy.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-store.h"

G_BEGIN_DECLS

/* The rights of the people in the database (DSGVO): a copy of everything stored about a person
 * (Auskunft, Art. 15), erasing a person (Art. 17), and deleting consultations kept longer than
 * the forum's retention period.
 *
 * Rules:
 * - The Auskunft holds only what belongs to the person: their own fields, their organisation,
 *   roles, links, the consultations they took part in (with the notes, topics and follow-ups,
 *   which are data about them, but without the other people consulted), invitations,
 *   attendance, the events they organise and drafts that name them; then, separately, the
 *   consultations whose notes mention their name without them being linked.
 * - Erasing is final and all or nothing, in one transaction: the person and every row that
 *   refers to them go (cascades of the schema; an event they organise loses its organiser),
 *   their id leaves the drafts, and the search index is rewritten so that no trace of the
 *   deleted rows stays in its pages. Free text is not changed: the notes that still mention the
 *   name are listed beforehand (bb_privacy_list_mentions) for the user to edit.
 * - Deleted data does not stay on disk: the store overwrites deleted content (secure_delete) and
 *   the write-ahead log is checkpointed and truncated after an erasure or a retention run.
 * - Dates are "YYYY-MM-DD"; today is always passed in. */

/* A consultation whose notes mention a person's given or family name (as whole words, case
 * and diacritics ignored, through the search index). */
typedef struct
{
  gint64    consultation_id;
  char     *started_at;   /* "YYYY-MM-DDTHH:MM" */
  char     *shelter;      /* the shelter's name, a deleted shelter's former name, or NULL */
  gboolean  linked;       /* the person is one of the people consulted */
} BbPrivacyMention;

void       bb_privacy_mention_free        (BbPrivacyMention *mention);

/* Consultations whose notes mention the person, newest first: a GPtrArray of
 * BbPrivacyMention. */
GPtrArray *bb_privacy_list_mentions       (BbStore     *store,
                                           gint64       person_id,
                                           GError     **error);

/* The Auskunft as UTF-8 text in the language of the user interface; today is the date of the
 * export written into it. NULL with BB_STORE_ERROR_NOT_FOUND if there is no such person. */
char      *bb_privacy_dup_person_report   (BbStore     *store,
                                           gint64       person_id,
                                           const char  *today,
                                           GError     **error);
/* The same written to path, created with mode 0600. */
gboolean   bb_privacy_write_person_report (BbStore     *store,
                                           gint64       person_id,
                                           const char  *today,
                                           const char  *path,
                                           GError     **error);

/* Erases the person everywhere (see above). Not undoable. */
gboolean   bb_privacy_erase_person        (BbStore     *store,
                                           gint64       person_id,
                                           GError     **error);

/* Retention: consultations that started before the cutoff, the same day years years before
 * today (28 February for 29 February), are older than the period; one on the cutoff day itself
 * is not. years = 0 switches retention off. */
typedef struct
{
  char   cutoff[11];        /* "YYYY-MM-DD" */
  guint  n_consultations;
  guint  n_followups;
  guint  n_people;          /* links to people consulted */
  guint  n_topics;          /* links to topics */
  guint  n_drafts;          /* drafts of edits of those consultations */
} BbRetention;

/* FALSE if today is no date or years is 0. */
gboolean   bb_privacy_retention_cutoff    (const char  *today,
                                           guint        years,
                                           char         cutoff[11]);
/* Counts what deleting would remove. */
gboolean   bb_privacy_count_expired       (BbStore     *store,
                                           const char  *today,
                                           guint        years,
                                           BbRetention *retention,
                                           GError     **error);
/* Deletes the consultations older than years, with their links, follow-ups and drafts, in one
 * transaction; retention (optional) receives what was deleted. Not undoable. */
gboolean   bb_privacy_delete_expired      (BbStore     *store,
                                           const char  *today,
                                           guint        years,
                                           BbRetention *retention,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbPrivacyMention, bb_privacy_mention_free)

G_END_DECLS
