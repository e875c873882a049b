/* test-store.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "bb-core.h"
#include "bb-record-list.h"
#include "bb-store-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  BbStore *store;
} Fixture;

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.sqlite3", NULL);

  if (user_data == NULL)
    {
      fixture->store = bb_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->store);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* Marks a test that opens the store itself. */
#define NO_STORE GINT_TO_POINTER (1)

static gint64
query_int (BbStore    *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _bb_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

G_GNUC_UNUSED static char *
query_text (BbStore    *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _bb_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
district_id (BbStore    *store,
             const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM district WHERE name = '%s'", name);

  return query_int (store, sql);
}

static gint64
add_shelter (BbStore    *store,
             const char *name)
{
  g_autoptr(BbShelter) shelter = bb_shelter_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (shelter,
                "name", name,
                "district-id", district_id (store, "Pankow"),
                NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (shelter), &error));
  g_assert_no_error (error);

  return bb_record_get_id (BB_RECORD (shelter));
}

G_GNUC_UNUSED static gint64
add_person (BbStore    *store,
            const char *given_name,
            const char *family_name)
{
  g_autoptr(BbPerson) person = bb_person_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (person, "given-name", given_name, "family-name", family_name, NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (person), &error));
  g_assert_no_error (error);

  return bb_record_get_id (BB_RECORD (person));
}

G_GNUC_UNUSED static gint64
add_consultation (BbStore    *store,
                  const char *started_at,
                  gint64      shelter_id,
                  const char *notes)
{
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (consultation,
                "started-at", started_at,
                "shelter-id", shelter_id,
                "notes", notes,
                NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (consultation), &error));
  g_assert_no_error (error);

  return bb_record_get_id (BB_RECORD (consultation));
}

/* Opening and migrating ---------------------------------------------------------------------- */

static void
test_open_new (Fixture       *fixture,
               gconstpointer  user_data)
{
  BbStore *store = fixture->store;

  g_assert_cmpint (bb_store_get_schema_version (store), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_REGION), ==, 3);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_DISTRICT), ==, 12);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (bb_store_get_path (store), ==, fixture->path);
  g_assert_true (bb_store_is_empty (store));
  g_assert_false (bb_store_is_demo (store));
}

/* CRUD ------------------------------------------------------------------------------------- */

static void
test_shelter_crud (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(BbShelter) shelter = bb_shelter_new ();
  g_autoptr(BbShelter) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (shelter,
                "name", "Unterkunft Am Teich",
                "district-id", district_id (store, "Mitte"),
                "capacity", 120,
                "street", "",
                NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (shelter), &error));
  g_assert_no_error (error);
  id = bb_record_get_id (BB_RECORD (shelter));
  g_assert_cmpint (id, >, 0);

  copy = bb_store_get (store, BB_TYPE_SHELTER, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bb_shelter_get_name (copy), ==, "Unterkunft Am Teich");
  g_assert_cmpint (bb_shelter_get_capacity (copy), ==, 120);
  g_assert_cmpint (bb_shelter_get_residents (copy), ==, -1);
  g_assert_null (bb_shelter_get_street (copy));
  g_assert_cmpint (bb_shelter_get_operator_id (copy), ==, 0);
  g_assert_false (bb_store_is_empty (store));

  bb_shelter_set_name (copy, "Unterkunft Am See");
  g_assert_true (bb_store_update (store, BB_RECORD (copy), &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = bb_store_get (store, BB_TYPE_SHELTER, id, &error);
  g_assert_cmpstr (bb_shelter_get_name (copy), ==, "Unterkunft Am See");

  g_assert_true (bb_store_delete (store, BB_TYPE_SHELTER, id, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = bb_store_get (store, BB_TYPE_SHELTER, id, &error);
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
  g_assert_null (copy);
  g_clear_error (&error);

  g_assert_false (bb_store_update (store, BB_RECORD (shelter), &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
}

/* Lists ------------------------------------------------------------------------------------ */

static void
test_list_basic (Fixture       *fixture,
                 gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(BbShelter) first = NULL;

  add_shelter (store, "Zeltstadt");
  add_shelter (store, "am Hafen");
  add_shelter (store, "Bergstraße");

  list = bb_store_list (store, BB_TYPE_SHELTER);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (g_list_model_get_item_type (list) == BB_TYPE_SHELTER);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (bb_shelter_get_name (first), ==, "am Hafen");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open/new", Fixture, NULL, fixture_set_up, test_open_new, fixture_tear_down);
  g_test_add ("/store/crud/shelter", Fixture, NULL, fixture_set_up, test_shelter_crud, fixture_tear_down);
  g_test_add ("/store/list/basic", Fixture, NULL, fixture_set_up, test_list_basic, fixture_tear_down);

  return g_test_run ();
}
