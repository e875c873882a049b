/* bb-draft.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-draft"

#include "config.h"

#include "bb-draft.h"
#include "bb-store-private.h"

static gboolean
step_done (BbStore       *store,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (store, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

gboolean
bb_draft_save (BbStore     *store,
               const char  *kind,
               gint64       record_id,
               GVariant    *content,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GVariant) sunk = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  g_autofree char *updated_at = NULL;

  g_return_val_if_fail (BB_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && kind[0] != '\0', FALSE);
  g_return_val_if_fail (record_id >= 0, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (g_variant_is_of_type (content, G_VARIANT_TYPE_VARDICT), FALSE);

  sunk = g_variant_ref_sink (content);
  /* With type annotations, so that the text parses back to exactly the same value. */
  text = g_variant_print (sunk, TRUE);
  updated_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  stmt = _bb_store_prepare (store,
                            "INSERT INTO draft (kind, record_id, content, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4)"
                            " ON CONFLICT (kind, record_id) DO UPDATE"
                            " SET content = excluded.content, updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, updated_at, -1, SQLITE_STATIC);

  return step_done (store, stmt, "Cannot save draft", error);
}

GVariant *
bb_draft_load (BbStore     *store,
               const char  *kind,
               gint64       record_id,
               char       **updated_at,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GVariant) content = NULL;
  g_autoptr(GError) parse_error = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  stmt = _bb_store_prepare (store,
                            "SELECT content, updated_at FROM draft WHERE kind = ?1 AND record_id = ?2",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _bb_store_set_error (store, error, rc, "Cannot read draft");
      return NULL;
    }

  content = g_variant_parse (G_VARIANT_TYPE_VARDICT, (const char *) sqlite3_column_text (stmt, 0),
                             NULL, NULL, &parse_error);
  if (content == NULL)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                   "Cannot read draft: %s", parse_error->message);
      return NULL;
    }

  if (updated_at != NULL)
    *updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

  return g_variant_ref_sink (g_steal_pointer (&content));
}

gboolean
bb_draft_discard (BbStore     *store,
                  const char  *kind,
                  gint64       record_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  stmt = _bb_store_prepare (store, "DELETE FROM draft WHERE kind = ?1 AND record_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);

  return step_done (store, stmt, "Cannot remove draft", error);
}

GArray *
bb_draft_list (BbStore     *store,
               const char  *kind,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  stmt = _bb_store_prepare (store,
                            "SELECT record_id FROM draft WHERE kind = ?1"
                            " ORDER BY updated_at DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!_bb_store_collect_ids (store, stmt, ids, "Cannot list drafts", error))
    return NULL;

  return g_steal_pointer (&ids);
}
