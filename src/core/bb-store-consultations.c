/* bb-store-consultations.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-store-consultations"

#include "config.h"

#include <string.h>

#include "bb-core.h"
#include "bb-store-consultations.h"
#include "bb-store-private.h"

BbConsultationQuery *
bb_consultation_query_new (void)
{
  return g_new0 (BbConsultationQuery, 1);
}

BbConsultationQuery *
bb_consultation_query_copy (const BbConsultationQuery *query)
{
  BbConsultationQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);
  copy->format = g_strdup (query->format);
  copy->author = g_strdup (query->author);
  copy->from = g_strdup (query->from);
  copy->to = g_strdup (query->to);

  return copy;
}

void
bb_consultation_query_free (BbConsultationQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query->format);
  g_free (query->author);
  g_free (query->from);
  g_free (query->to);
  g_free (query);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

gboolean
bb_consultation_query_is_empty (const BbConsultationQuery *query)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (query != NULL, TRUE);

  match = bb_consultation_match_query (query->text);

  return match == NULL && query->region_id == 0 && query->shelter_id == 0
         && query->person_id == 0 && query->topic_id == 0 && !is_set (query->format)
         && !is_set (query->author) && !is_set (query->from) && !is_set (query->to);
}

char *
bb_consultation_match_query (const char *text)
{
  g_autofree char *words = _bb_store_match_query (text);

  if (words == NULL)
    return NULL;

  /* Only the notes (column body); the shelter's name has a filter of its own. */
  return g_strdup_printf ("body : (%s)", words);
}

/* The consultations query ----------------------------------------------------------------- */

void
bb_consultation_query_apply (const BbConsultationQuery *query,
                             BbRecordList              *list)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM consultation c");
  BbStoreParams *params;
  char *match;

  g_return_if_fail (query != NULL);
  g_return_if_fail (BB_IS_RECORD_LIST (list));
  g_return_if_fail (bb_record_list_get_record_type (list) == BB_TYPE_CONSULTATION);

  params = _bb_store_params_new ();

  /* Only fixed text goes into the SQL; the values are bound. The row ids of the search index
   * are id * 4 + 3 for consultations. */
  match = bb_consultation_match_query (query->text);
  /* Without a filter on few rows (a shelter, a person, a topic), the search drives: it gives
   * ids in ascending order, and their dates (and region and shelter) are read from the narrow
   * index by id rather than from the rows with their notes. At 100x a common word's 240,000
   * consultations are listed in 215 instead of 330 ms. */
  if (match != NULL && query->shelter_id == 0 && query->person_id == 0 && query->topic_id == 0)
    g_string_append (sql, " INDEXED BY consultation_report_by_id");
  g_string_append (sql, " WHERE 1");
  if (match != NULL)
    {
      g_string_append (sql, " AND c.id IN (SELECT rowid >> 2 FROM search_index"
                            " WHERE search_index MATCH :match AND (rowid & 3) = 3)");
      _bb_store_params_take_text (params, ":match", match);
    }
  if (query->region_id != 0)
    {
      g_string_append (sql, " AND c.region_id = :region");
      _bb_store_params_set_int (params, ":region", query->region_id);
    }
  if (query->shelter_id != 0)
    {
      g_string_append (sql, " AND c.shelter_id = :shelter");
      _bb_store_params_set_int (params, ":shelter", query->shelter_id);
    }
  if (query->person_id != 0)
    {
      g_string_append (sql, " AND c.id IN (SELECT consultation_id FROM consultation_person"
                            " WHERE person_id = :person)");
      _bb_store_params_set_int (params, ":person", query->person_id);
    }
  if (query->topic_id != 0)
    {
      g_string_append (sql, " AND c.id IN (SELECT consultation_id FROM consultation_topic"
                            " WHERE topic_id = :topic)");
      _bb_store_params_set_int (params, ":topic", query->topic_id);
    }
  if (is_set (query->format))
    {
      g_string_append (sql, " AND c.format = :format");
      _bb_store_params_set_text (params, ":format", query->format);
    }
  if (is_set (query->author))
    {
      g_string_append (sql, " AND c.author = :author");
      _bb_store_params_set_text (params, ":author", query->author);
    }
  if (is_set (query->from))
    {
      g_string_append (sql, " AND c.started_at >= :from");
      _bb_store_params_set_text (params, ":from", query->from);
    }
  if (is_set (query->to))
    {
      g_string_append (sql, " AND c.started_at <= :to");
      /* Starts are "YYYY-MM-DDTHH:MM": every time of the last day sorts below "…T~". */
      _bb_store_params_take_text (params, ":to", g_strconcat (query->to, "T~", NULL));
    }
  g_string_append (sql, " ORDER BY c.started_at DESC, c.id DESC");

  bb_record_list_watch_table (list, "consultation_person");
  bb_record_list_watch_table (list, "consultation_topic");
  _bb_record_list_set_query_params (list, sql->str, params);
}

GListModel *
bb_store_list_consultations (BbStore                   *self,
                             const BbConsultationQuery *query)
{
  GListModel *list;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  list = bb_store_list (self, BB_TYPE_CONSULTATION);
  bb_consultation_query_apply (query, BB_RECORD_LIST (list));

  return list;
}

/* Rows ------------------------------------------------------------------------------------- */

void
bb_consultation_summary_free (BbConsultationSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->shelter_name);
  g_free (summary->people);
  g_strfreev (summary->topics);
  g_free (summary->snippet);
  g_free (summary);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The snippet of consultation id's notes for match. A query on the search index with
 * "rowid = id" reads the whole doclist of every word that starts with a typed prefix (hundreds
 * of thousands of rows for a common word), once per listed row: the same query runs instead
 * on a temporary FTS5 table of the same columns and tokenizer that holds only this row, which
 * gives the same snippet. Its name starts with search_index, which the store's change
 * tracking ignores. NULL if the notes do not match. */
static char *
dup_snippet (BbStore    *self,
             gint64      id,
             const char *match)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  char *snippet = NULL;

  if (!_bb_store_exec (self,
                       "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_row USING fts5 ("
                       " kind UNINDEXED, ref UNINDEXED, title, body,"
                       " tokenize = 'unicode61 remove_diacritics 2');"
                       "DELETE FROM temp.search_index_row",
                       "Cannot prepare a snippet", &error))
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  stmt = _bb_store_prepare_or_warn (self,
                                    "INSERT INTO temp.search_index_row (rowid, kind, ref, title, body)"
                                    " SELECT search_rowid, kind, ref, title, body"
                                    " FROM search_source_consultation WHERE ref = ?1");
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_warning ("Cannot prepare a snippet: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
      return NULL;
    }
  g_clear_pointer (&stmt, _bb_store_release);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT snippet (search_index_row, 3, char (2), char (3),"
                                    " '…', 10)"
                                    " FROM temp.search_index_row WHERE search_index_row MATCH ?1");
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return snippet;
}

BbConsultationSummary *
bb_store_get_consultation_summary (BbStore    *self,
                                   gint64      id,
                                   const char *search_text)
{
  g_autoptr(BbConsultationSummary) summary = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *match = NULL;
  g_autofree char *today = today_iso ();

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT coalesce (s.name, c.former_shelter_name),"
                                    " (SELECT count(*) FROM followup f"
                                    "  WHERE f.consultation_id = c.id AND f.done_on IS NULL),"
                                    " (SELECT count(*) FROM followup f"
                                    "  WHERE f.consultation_id = c.id AND f.done_on IS NULL"
                                    "  AND f.due_on < ?2)"
                                    " FROM consultation c LEFT JOIN shelter s ON s.id = c.shelter_id"
                                    " WHERE c.id = ?1");
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  summary = g_new0 (BbConsultationSummary, 1);
  summary->shelter_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  summary->n_open = sqlite3_column_int (stmt, 1);
  summary->n_overdue = sqlite3_column_int (stmt, 2);
  g_clear_pointer (&stmt, _bb_store_release);

  people = bb_store_get_consultation_people (self, id);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < people->len; i++)
    {
      char *name = bb_store_dup_label (self, BB_TYPE_PERSON, g_array_index (people, gint64, i));

      if (name != NULL)
        g_ptr_array_add (names, name);
    }
  if (names->len > 0)
    {
      g_ptr_array_add (names, NULL);
      summary->people = g_strjoinv (", ", (char **) names->pdata);
    }

  summary->topics = bb_store_get_consultation_topics (self, id);

  match = bb_consultation_match_query (search_text);
  if (match != NULL)
    summary->snippet = dup_snippet (self, id, match);

  return g_steal_pointer (&summary);
}

/* Saving ----------------------------------------------------------------------------------- */

static GArray *
followup_ids (BbStore  *self,
              gint64    consultation_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = _bb_store_prepare (self, "SELECT id FROM followup WHERE consultation_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, consultation_id);
  if (!_bb_store_collect_ids (self, stmt, ids, "Cannot read follow-ups", error))
    return NULL;

  return g_steal_pointer (&ids);
}

static gboolean
save_followups (BbStore    *self,
                gint64      consultation_id,
                GPtrArray  *followups,
                GError    **error)
{
  g_autoptr(GArray) old_ids = followup_ids (self, consultation_id, error);

  if (old_ids == NULL)
    return FALSE;

  for (guint i = 0; followups != NULL && i < followups->len; i++)
    {
      BbFollowup *followup = g_ptr_array_index (followups, i);
      gint64 id = bb_record_get_id (BB_RECORD (followup));
      gboolean known = FALSE;

      for (guint j = 0; id != 0 && j < old_ids->len; j++)
        if (g_array_index (old_ids, gint64, j) == id)
          {
            g_array_remove_index_fast (old_ids, j);
            known = TRUE;
            break;
          }

      bb_followup_set_consultation_id (followup, consultation_id);
      if (!known)
        bb_record_set_id (BB_RECORD (followup), 0);

      if (known ? !bb_store_update (self, BB_RECORD (followup), error)
                : !bb_store_insert (self, BB_RECORD (followup), error))
        return FALSE;
    }

  for (guint j = 0; j < old_ids->len; j++)
    if (!bb_store_delete (self, BB_TYPE_FOLLOWUP, g_array_index (old_ids, gint64, j), error))
      return FALSE;

  return TRUE;
}

gboolean
bb_store_save_consultation (BbStore             *self,
                            BbConsultation      *consultation,
                            const gint64        *person_ids,
                            gsize                n_person_ids,
                            const char * const  *topics,
                            GPtrArray           *followups,
                            GError             **error)
{
  gint64 old_id;
  gint64 id;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_CONSULTATION (consultation), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_person_ids == 0, FALSE);

  old_id = bb_record_get_id (BB_RECORD (consultation));

  if (!bb_store_begin (self, error))
    return FALSE;

  if (old_id == 0 ? !bb_store_insert (self, BB_RECORD (consultation), error)
                  : !bb_store_update (self, BB_RECORD (consultation), error))
    goto failed;

  id = bb_record_get_id (BB_RECORD (consultation));

  if (!bb_store_set_consultation_people (self, id, person_ids, n_person_ids, error) ||
      !bb_store_set_consultation_topics (self, id, topics, error) ||
      !save_followups (self, id, followups, error))
    goto failed;

  if (!bb_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  bb_store_rollback (self);
  /* A new record that was not written keeps no id of a row that does not exist. */
  bb_record_set_id (BB_RECORD (consultation), old_id);
  return FALSE;
}

/* Follow-ups ------------------------------------------------------------------------------- */

void
bb_followup_list_show_open (BbRecordList *list)
{
  g_return_if_fail (BB_IS_RECORD_LIST (list));
  g_return_if_fail (bb_record_list_get_record_type (list) == BB_TYPE_FOLLOWUP);

  bb_record_list_set_query (list,
                            "SELECT id FROM followup WHERE done_on IS NULL"
                            " ORDER BY due_on IS NULL, due_on, id",
                            NULL, NULL, NULL);
}

GListModel *
bb_store_list_open_followups (BbStore *self)
{
  GListModel *list;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  list = bb_store_list (self, BB_TYPE_FOLLOWUP);
  bb_followup_list_show_open (BB_RECORD_LIST (list));

  return list;
}

GBytes *
bb_store_set_followup_done (BbStore     *self,
                            gint64       followup_id,
                            const char  *done_on,
                            GError     **error)
{
  g_autoptr(BbFollowup) followup = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  followup = bb_store_get (self, BB_TYPE_FOLLOWUP, followup_id, error);
  if (followup == NULL)
    return NULL;

  if (!bb_store_begin_undoable (self, error))
    return NULL;

  bb_followup_set_done_on (followup, done_on);
  if (!bb_store_update (self, BB_RECORD (followup), error))
    {
      bb_store_rollback (self);
      return NULL;
    }

  return bb_store_commit_undoable (self, error);
}

/* Choices ---------------------------------------------------------------------------------- */

static char **
dup_strings (BbStore    *self,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare_or_warn (self, sql);

  if (stmt == NULL)
    return g_new0 (char *, 1);

  return _bb_store_collect_strings (stmt);
}

char **
bb_store_dup_topic_names (BbStore *self)
{
  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  return dup_strings (self,
                      "SELECT t.name FROM topic t"
                      " ORDER BY (SELECT count(*) FROM consultation_topic ct WHERE ct.topic_id = t.id)"
                      " DESC, t.name");
}

char **
bb_store_dup_consultation_authors (BbStore *self)
{
  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  return dup_strings (self,
                      "SELECT DISTINCT author FROM consultation WHERE author IS NOT NULL"
                      " ORDER BY author COLLATE NOCASE");
}

GArray *
bb_store_get_shelter_people (BbStore *self,
                             gint64   shelter_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT DISTINCT p.id, p.family_name, p.given_name"
                                    " FROM person_shelter ps JOIN person p ON p.id = ps.person_id"
                                    " WHERE ps.shelter_id = ?1"
                                    " ORDER BY p.family_name COLLATE NOCASE,"
                                    " p.given_name COLLATE NOCASE, p.id");
  if (stmt == NULL)
    return ids;

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  /* A reader without an error: the people read before a failure are all it knows. */
  _bb_store_collect_ids (self, stmt, ids, "Cannot read the people", NULL);

  return ids;
}

gint64
bb_store_get_shelter_region (BbStore *self,
                             gint64   shelter_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), 0);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT d.region_id FROM shelter s"
                                    " JOIN district d ON d.id = s.district_id WHERE s.id = ?1");
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}
