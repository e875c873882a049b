/* bb-test-core.c: what the tests of the core share.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-test-core"

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "bb-store-private.h"
#include "bb-test-core.h"

char *
bb_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", program);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);

  return dir;
}

void
bb_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bb_test_remove_dir (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

BbStore *
bb_test_open_store (const char  *dir,
                    const char  *name,
                    char       **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BbStore *store = bb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);

  return store;
}

void
bb_test_store_set_up (BbTestStore   *fixture,
                      gconstpointer  data)
{
  fixture->dir = bb_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.sqlite3", NULL);

  if (data != BB_TEST_NO_STORE)
    fixture->store = bb_test_open_store (fixture->dir, "test.sqlite3", NULL);
}

void
bb_test_store_tear_down (BbTestStore   *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->store);
  bb_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

gint64
bb_test_insert (BbStore  *store,
                gpointer  record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbRecord) owned = record;

  g_assert_true (bb_store_insert (store, owned, &error));
  g_assert_no_error (error);

  return bb_record_get_id (owned);
}

gint64
bb_test_query_int (BbStore    *store,
                   const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _bb_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

char *
bb_test_query_text (BbStore    *store,
                    const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _bb_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gint64
bb_test_file_query_int (const char *path,
                        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

gint64
bb_test_find_by_name (BbStore    *store,
                      GType       type,
                      const char *name)
{
  g_autoptr(GListModel) records = bb_store_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (records, i);
      g_autofree char *record_name = NULL;

      g_object_get (record, "name", &record_name, NULL);
      if (g_strcmp0 (record_name, name) == 0)
        return bb_record_get_id (record);
    }

  g_error ("No %s called %s", g_type_name (type), name);
}

gint64
bb_test_district_id (BbStore    *store,
                     const char *name)
{
  return bb_test_find_by_name (store, BB_TYPE_DISTRICT, name);
}

gint64
bb_test_region_id (BbStore    *store,
                   const char *name)
{
  return bb_test_find_by_name (store, BB_TYPE_REGION, name);
}

gint64
bb_test_add_shelter (BbStore    *store,
                     const char *name,
                     const char *district)
{
  return bb_test_insert (store, g_object_new (BB_TYPE_SHELTER,
                                              "name", name,
                                              "district-id", bb_test_district_id (store, district),
                                              NULL));
}

gint64
bb_test_add_person (BbStore    *store,
                    const char *given_name,
                    const char *family_name)
{
  return bb_test_insert (store, g_object_new (BB_TYPE_PERSON,
                                              "given-name", given_name,
                                              "family-name", family_name,
                                              NULL));
}

char *
bb_test_repeat (const char *unit,
                guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);

  return g_string_free (text, FALSE);
}
