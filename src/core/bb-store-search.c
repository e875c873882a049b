/* bb-store-search.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loading many rows at once with the derived data made in one pass at the end: the search
 * index (schema version 6: the views search_source_<table> say what the index holds for a
 * row, and the triggers copy it from there) and shelter_contact (version 8). */

#define G_LOG_DOMAIN "bb-store-search"

#include "config.h"

#include "bb-core.h"
#include "bb-store-private.h"

/* The tables the search index follows, in the order their entries are written. */
static const char * const indexed_tables[] = { "organisation", "shelter", "person", "consultation" };
static const char * const trigger_events[] = { "insert", "update", "delete" };

/* The triggers that keep shelter_contact (schema version 8), and how it is made in one go. */
static const char * const contact_triggers[] = {
  "consultation_contact_insert", "consultation_contact_update", "consultation_contact_delete",
  "shelter_contact_delete",
};
#define FILL_CONTACTS \
  "INSERT OR REPLACE INTO shelter_contact (shelter_id, last_consultation_at)" \
  " SELECT shelter_id, max (started_at) FROM consultation" \
  " WHERE shelter_id IS NOT NULL GROUP BY shelter_id"

static gboolean
index_is_empty (BbStore  *self,
                gboolean *empty,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM search_index)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _bb_store_set_error (self, error, rc, "Cannot read the search index");
      return FALSE;
    }

  *empty = sqlite3_column_int (stmt, 0) == 0;

  return TRUE;
}

/* The names of the triggers that keep the derived data: the search index, shelter_contact. */
static GPtrArray *
dup_trigger_names (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < G_N_ELEMENTS (indexed_tables); t++)
    for (guint e = 0; e < G_N_ELEMENTS (trigger_events); e++)
      g_ptr_array_add (names, g_strdup_printf ("%s_search_%s", indexed_tables[t],
                                               trigger_events[e]));
  for (guint i = 0; i < G_N_ELEMENTS (contact_triggers); i++)
    g_ptr_array_add (names, g_strdup (contact_triggers[i]));

  return names;
}

/* The CREATE statements of the triggers names, as the schema holds them. */
static GPtrArray *
dup_trigger_sql (BbStore    *self,
                 GPtrArray  *names,
                 GError    **error)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _bb_store_prepare (self,
                            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int rc;

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                         "The trigger %s is missing", name);
          else
            _bb_store_set_error (self, error, rc, "Cannot read the triggers");
          return NULL;
        }

      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&triggers);
}

static gboolean
drop_triggers (BbStore    *self,
               GPtrArray  *names,
               GError    **error)
{
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s",
                                              (const char *) g_ptr_array_index (names, i));

      if (!_bb_store_exec (self, sql, "Cannot pause the search index", error))
        return FALSE;
    }

  return TRUE;
}

/* One statement per table: FTS5 keeps what it is given in memory and writes a segment only
 * when that grows large, or when the rowids stop rising (at the next table). Then the
 * shelters' last consultations. */
static gboolean
fill_derived (BbStore  *self,
              GError  **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (indexed_tables); t++)
    {
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("INSERT INTO search_index (rowid, kind, ref, title, body)"
                             " SELECT search_rowid, kind, ref, title, body"
                             " FROM search_source_%s ORDER BY ref",
                             indexed_tables[t]);
      if (!_bb_store_exec (self, sql, "Cannot fill the search index", error))
        return FALSE;
    }

  return _bb_store_exec (self, FILL_CONTACTS, "Cannot fill the last consultations", error);
}

static gboolean
restore_triggers (BbStore    *self,
                  GPtrArray  *triggers,
                  GError    **error)
{
  for (guint i = 0; i < triggers->len; i++)
    if (!_bb_store_exec (self, g_ptr_array_index (triggers, i), "Cannot restore the search index",
                         error))
      return FALSE;

  return TRUE;
}

gboolean
_bb_store_bulk_load (BbStore          *self,
                     BbStoreLoadFunc   load,
                     gpointer          user_data,
                     GError          **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  gboolean empty = FALSE;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (load != NULL, FALSE);

  if (!index_is_empty (self, &empty, error))
    return FALSE;

  if (!empty)
    return load (user_data, error);

  /* After a failure the caller's rollback brings the triggers back. */
  names = dup_trigger_names ();
  triggers = dup_trigger_sql (self, names, error);

  return triggers != NULL &&
         drop_triggers (self, names, error) &&
         load (user_data, error) &&
         fill_derived (self, error) &&
         restore_triggers (self, triggers, error);
}
