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

/* The parameters of the consultations query have fixed numbers, whichever conditions the SQL
 * holds, so that one bind function serves every combination. */
enum {
  PARAM_MATCH = 1,
  PARAM_REGION,
  PARAM_SHELTER,
  PARAM_PERSON,
  PARAM_TOPIC,
  PARAM_FORMAT,
  PARAM_AUTHOR,
  PARAM_FROM,
  PARAM_TO,
};

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

typedef struct
{
  char   *match;
  gint64  region_id;
  gint64  shelter_id;
  gint64  person_id;
  gint64  topic_id;
  char   *format;
  char   *author;
  char   *from;
  char   *to;
} Params;

static void
params_free (gpointer data)
{
  Params *params = data;

  g_free (params->match);
  g_free (params->format);
  g_free (params->author);
  g_free (params->from);
  g_free (params->to);
  g_free (params);
}

static void
bind_params (gpointer stmt_pointer,
             gpointer user_data)
{
  sqlite3_stmt *stmt = stmt_pointer;
  Params *params = user_data;
  int n = sqlite3_bind_parameter_count (stmt);

  /* Parameters beyond what the SQL uses would be out of range. */
  if (PARAM_MATCH <= n)
    sqlite3_bind_text (stmt, PARAM_MATCH, params->match, -1, SQLITE_TRANSIENT);
  if (PARAM_REGION <= n)
    sqlite3_bind_int64 (stmt, PARAM_REGION, params->region_id);
  if (PARAM_SHELTER <= n)
    sqlite3_bind_int64 (stmt, PARAM_SHELTER, params->shelter_id);
  if (PARAM_PERSON <= n)
    sqlite3_bind_int64 (stmt, PARAM_PERSON, params->person_id);
  if (PARAM_TOPIC <= n)
    sqlite3_bind_int64 (stmt, PARAM_TOPIC, params->topic_id);
  if (PARAM_FORMAT <= n)
    sqlite3_bind_text (stmt, PARAM_FORMAT, params->format, -1, SQLITE_TRANSIENT);
  if (PARAM_AUTHOR <= n)
    sqlite3_bind_text (stmt, PARAM_AUTHOR, params->author, -1, SQLITE_TRANSIENT);
  if (PARAM_FROM <= n)
    sqlite3_bind_text (stmt, PARAM_FROM, params->from, -1, SQLITE_TRANSIENT);
  if (PARAM_TO <= n)
    sqlite3_bind_text (stmt, PARAM_TO, params->to, -1, SQLITE_TRANSIENT);
}

void
bb_consultation_query_apply (const BbConsultationQuery *query,
                             BbRecordList              *list)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM consultation c WHERE 1");
  Params *params;

  g_return_if_fail (query != NULL);
  g_return_if_fail (BB_IS_RECORD_LIST (list));
  g_return_if_fail (bb_record_list_get_record_type (list) == BB_TYPE_CONSULTATION);

  params = g_new0 (Params, 1);
  params->match = bb_consultation_match_query (query->text);
  params->region_id = query->region_id;
  params->shelter_id = query->shelter_id;
  params->person_id = query->person_id;
  params->topic_id = query->topic_id;
  params->format = is_set (query->format) ? g_strdup (query->format) : NULL;
  params->author = is_set (query->author) ? g_strdup (query->author) : NULL;
  params->from = is_set (query->from) ? g_strdup (query->from) : NULL;
  /* Starts are "YYYY-MM-DDTHH:MM": every time of the last day sorts below "…T~". */
  params->to = is_set (query->to) ? g_strconcat (query->to, "T~", NULL) : NULL;

  /* Only fixed text goes into the SQL; the values are bound. The row ids of the search index
   * are id * 4 + 3 for consultations. */
  if (params->match != NULL)
    g_string_append (sql, " AND c.id IN (SELECT rowid >> 2 FROM search_index"
                          " WHERE search_index MATCH ?1 AND (rowid & 3) = 3)");
  if (params->region_id != 0)
    g_string_append (sql, " AND c.region_id = ?2");
  if (params->shelter_id != 0)
    g_string_append (sql, " AND c.shelter_id = ?3");
  if (params->person_id != 0)
    g_string_append (sql, " AND c.id IN (SELECT consultation_id FROM consultation_person"
                          " WHERE person_id = ?4)");
  if (params->topic_id != 0)
    g_string_append (sql, " AND c.id IN (SELECT consultation_id FROM consultation_topic"
                          " WHERE topic_id = ?5)");
  if (params->format != NULL)
    g_string_append (sql, " AND c.format = ?6");
  if (params->author != NULL)
    g_string_append (sql, " AND c.author = ?7");
  if (params->from != NULL)
    g_string_append (sql, " AND c.started_at >= ?8");
  if (params->to != NULL)
    g_string_append (sql, " AND c.started_at <= ?9");
  g_string_append (sql, " ORDER BY c.started_at DESC, c.id DESC");

  bb_record_list_watch_table (list, "consultation_person");
  bb_record_list_watch_table (list, "consultation_topic");
  bb_record_list_set_query (list, sql->str, bind_params, params, params_free);
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

BbConsultationSummary *
bb_store_get_consultation_summary (BbStore    *self,
                                   gint64      id,
                                   const char *search_text)
{
  g_autoptr(BbConsultationSummary) summary = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *match = NULL;
  g_autofree char *today = today_iso ();

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  stmt = _bb_store_prepare (self,
                            "SELECT coalesce (s.name, c.former_shelter_name),"
                            " (SELECT count(*) FROM followup f"
                            "  WHERE f.consultation_id = c.id AND f.done_on IS NULL),"
                            " (SELECT count(*) FROM followup f"
                            "  WHERE f.consultation_id = c.id AND f.done_on IS NULL AND f.due_on < ?2)"
                            " FROM consultation c LEFT JOIN shelter s ON s.id = c.shelter_id"
                            " WHERE c.id = ?1",
                            &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

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
    {
      stmt = _bb_store_prepare (self,
                                "SELECT snippet (search_index, 3, char (2), char (3), '…', 10)"
                                " FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2",
                                &error);
      if (stmt == NULL)
        {
          g_warning ("%s", error->message);
          return g_steal_pointer (&summary);
        }

      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id * 4 + 3);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        summary->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

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
  int rc;

  stmt = _bb_store_prepare (self, "SELECT id FROM followup WHERE consultation_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, consultation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (self, error, rc, "Cannot read follow-ups");
      return NULL;
    }

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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  stmt = _bb_store_prepare (self, sql, &error);
  if (stmt == NULL)
    g_warning ("%s", error->message);
  else
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
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
  g_autoptr(GError) error = NULL;
  GArray *ids;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = _bb_store_prepare (self,
                            "SELECT DISTINCT p.id, p.family_name, p.given_name"
                            " FROM person_shelter ps JOIN person p ON p.id = ps.person_id"
                            " WHERE ps.shelter_id = ?1"
                            " ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id",
                            &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return ids;
    }

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

gint64
bb_store_get_shelter_region (BbStore *self,
                             gint64   shelter_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), 0);

  stmt = _bb_store_prepare (self,
                            "SELECT d.region_id FROM shelter s JOIN district d ON d.id = s.district_id"
                            " WHERE s.id = ?1",
                            &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}
