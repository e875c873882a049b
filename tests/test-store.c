/* test-store.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "bb-core-resources.h"
#include "bb-core.h"
#include "bb-record-list.h"
#include "bb-store-private.h"
#include "bb-test-core.h"
#include "test-migrations.h"

/* A store in a temporary folder; BB_TEST_NO_STORE for tests that open it themselves. */
typedef BbTestStore Fixture;

static gint64
add_shelter (BbStore    *store,
             const char *name)
{
  return bb_test_add_shelter (store, name, "Pankow");
}

static gint64
add_consultation (BbStore    *store,
                  const char *started_at,
                  gint64      shelter_id,
                  const char *notes)
{
  return bb_test_insert (store, g_object_new (BB_TYPE_CONSULTATION,
                                              "started-at", started_at,
                                              "shelter-id", shelter_id,
                                              "notes", notes,
                                              NULL));
}

/* Opening and migrating ---------------------------------------------------------------------- */

static void
test_open_new (Fixture       *fixture,
               gconstpointer  user_data)
{
  BbStore *store = fixture->store;

  g_assert_cmpint (bb_store_get_schema_version (store), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_test_query_int (store, "PRAGMA user_version"), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_REGION), ==, 3);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_DISTRICT), ==, 12);
  g_assert_cmpint (bb_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (bb_store_get_path (store), ==, fixture->path);
  g_assert_true (bb_store_is_empty (store));
  g_assert_false (bb_store_is_demo (store));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
mode_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);

  return buf.st_mode & 0777;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_open_modes (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "a", "b", NULL);
  g_autofree char *path = g_build_filename (folder, "db.sqlite3", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = NULL;

  store = bb_store_open (path, &error);
  g_assert_no_error (error);

  add_shelter (store, "Haus am Wald");

  g_assert_cmpuint (mode_of (folder), ==, 0700);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);

  journal_mode = bb_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (bb_test_query_int (store, "PRAGMA synchronous"), ==, 1);
}

static void
test_open_default_path (void)
{
  g_autofree char *path = bb_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "brueckenbuch",
                                                "brueckenbuch.sqlite3", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_test_query_int (fixture->store, "PRAGMA user_version"), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_DISTRICT), ==, 12);
  /* No schema existed, so there was nothing to back up. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 3);
}

static void
test_open_reopen (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  id = add_shelter (fixture->store, "Haus Kastanie");
  g_clear_object (&fixture->store);

  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (fixture->store), ==, BB_STORE_SCHEMA_VERSION);
  name = bb_store_dup_label (fixture->store, BB_TYPE_SHELTER, id);
  g_assert_cmpstr (name, ==, "Haus Kastanie");
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_REGION), ==, 3);

  /* Only the database and its -wal and -shm files: no backup of a current database. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 3);
}

static void
write_sqlite_file (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_refused (Fixture    *fixture,
                int         code)
{
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = count_files (fixture->dir);
  BbStore *store;

  store = bb_store_open (fixture->path, &error);
  g_assert_error (error, BB_STORE_ERROR, code);
  g_assert_null (store);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  user_data)
{
  write_sqlite_file (fixture->path,
                     "CREATE TABLE future (x); INSERT INTO future VALUES (1);"
                     " PRAGMA user_version = 99;");
  assert_refused (fixture, BB_STORE_ERROR_TOO_NEW);
}

static void
test_open_too_new_wal (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* A database of ours in WAL mode, later upgraded by a newer program. */
  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  write_sqlite_file (fixture->path, "PRAGMA user_version = 99;");

  assert_refused (fixture, BB_STORE_ERROR_TOO_NEW);
}

static void
test_open_text_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Dies ist keine Datenbank.\nNur Text.\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (fixture, BB_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_open_random_bytes (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);

  g_file_set_contents (fixture->path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  assert_refused (fixture, BB_STORE_ERROR_NOT_A_DATABASE);

  /* A SQLite header followed by garbage. */
  memcpy (bytes, "SQLite format 3", 16);
  g_file_set_contents (fixture->path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  assert_refused (fixture, BB_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_open_foreign_database (Fixture       *fixture,
                            gconstpointer  user_data)
{
  write_sqlite_file (fixture->path, "CREATE TABLE contacts (name TEXT);");
  assert_refused (fixture, BB_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".before-v2.bak", NULL);
  g_autoptr(BbStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  id = add_shelter (fixture->store, "Haus Ahorn");

  g_assert_true (bb_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (backup), ==, 0600);

  /* The backup is a complete current database. */
  copy = bb_store_open (backup, &error);
  g_assert_no_error (error);
  label = bb_store_dup_label (copy, BB_TYPE_SHELTER, id);
  g_assert_cmpstr (label, ==, "Haus Ahorn");
  g_assert_cmpint (bb_store_count (copy, BB_TYPE_DISTRICT), ==, 12);
}

/* A fresh database of version, made by the migrations in folder of resource. */
static void
recreate_at_version (Fixture    *fixture,
                     GResource  *resource,
                     const char *folder,
                     int         version)
{
  g_autoptr(GError) error = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }

  fixture->store = _bb_store_open_with_migrations (fixture->path, resource, folder, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (fixture->store), ==, version);
}

/* The made-up histories build on the real version 1: a fresh database of that version. */
static void
recreate_at_version_1 (Fixture *fixture)
{
  recreate_at_version (fixture, test_migrations_get_resource (), "/test/good", 1);
}

static void
test_migrate_with_backup (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".before-v2.bak", NULL);
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  recreate_at_version_1 (fixture);
  id = add_shelter (fixture->store, "Haus Linde");
  g_clear_object (&fixture->store);

  store = _bb_store_open_with_migrations (fixture->path, test_migrations_get_resource (),
                                          "/test/good", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (store), ==, 2);
  label = bb_store_dup_label (store, BB_TYPE_SHELTER, id);
  g_assert_cmpstr (label, ==, "Haus Linde");
  g_clear_object (&store);

  g_assert_cmpint (bb_test_file_query_int (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (bb_test_file_query_int (fixture->path, "SELECT count(*) FROM test_note WHERE text = 'Haus Linde'"), ==, 1);
  g_assert_cmpint (bb_test_file_query_int (fixture->path, "SELECT count(website) + count(*) FROM shelter"), ==, 1);

  /* The backup holds the database as it was before, readable only by its owner. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (mode_of (backup), ==, 0600);
  g_assert_cmpint (bb_test_file_query_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (bb_test_file_query_int (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'test_note'"), ==, 0);
  g_assert_cmpint (bb_test_file_query_int (backup, "SELECT count(*) FROM shelter WHERE name = 'Haus Linde'"), ==, 1);

  /* A program that knows only version 1 finds the migrated file too new. */
  g_assert_null (_bb_store_open_with_migrations (fixture->path, test_migrations_get_resource (),
                                                 "/test/good", 1, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_TOO_NEW);
}

static void
test_migrate_failure_rolls_back (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  recreate_at_version_1 (fixture);
  id = add_shelter (fixture->store, "Haus Buche");
  g_clear_object (&fixture->store);

  store = _bb_store_open_with_migrations (fixture->path, test_migrations_get_resource (),
                                          "/test/bad", 2, &error);
  g_assert_nonnull (error);
  g_assert_null (store);
  g_clear_error (&error);

  /* Nothing of the failed migration remains, and the database still opens as version 1. */
  g_assert_cmpint (bb_test_file_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (bb_test_file_query_int (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'test_note'"), ==, 0);

  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  label = bb_store_dup_label (fixture->store, BB_TYPE_SHELTER, id);
  g_assert_cmpstr (label, ==, "Haus Buche");
}

/* Version 5 moved the minutes from the event (one text per series) to event_minutes (one per
 * occurrence): a database of version 4, made by the real migrations, keeps its texts. */
static void
test_migrate_minutes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *minutes = NULL;

  recreate_at_version (fixture, bb_core_get_resource (), "/berlin/beratungsforum/Brueckenbuch/migrations", 4);
  g_clear_object (&fixture->store);
  write_sqlite_file (fixture->path,
                     "INSERT INTO event (id, uid, kind, title, starts_at, ends_at, all_day, rrule, minutes) VALUES"
                     " (1, 'a@example.org', 'jour-fixe', 'Jour fixe', '2025-01-14T10:00', '2025-01-14T12:00', 0,"
                     "  'FREQ=MONTHLY;BYDAY=2TU', 'Protokoll der Serie'),"
                     " (2, 'b@example.org', 'workshop', 'Werkstatt', '2025-02-03', '2025-02-04', 1, NULL, NULL),"
                     " (3, 'c@example.org', 'other', 'Treffen', '2025-03-03T18:00', '2025-03-03T19:00', 0, NULL, '  ');");

  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (fixture->store), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM event"), ==, 3);
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM pragma_table_info('event')"
                                                      " WHERE name = 'minutes'"), ==, 0);
  /* Only the real text, at the series' first meeting */
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM event_minutes"), ==, 1);
  minutes = bb_store_dup_occurrence_minutes (fixture->store, 1, "2025-01-14T10:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (minutes, ==, "Protokoll der Serie");
  g_assert_null (bb_store_dup_occurrence_minutes (fixture->store, 1, "2025-02-11T10:00", &error));
  g_assert_no_error (error);
}

/* Rows of the search index that its sources (the views of version 6) do not give, plus the
 * reverse, plus the difference in number. */
#define SEARCH_INDEX_MISMATCH \
  "WITH sources AS (SELECT * FROM search_source_shelter UNION ALL SELECT * FROM search_source_person" \
  "                 UNION ALL SELECT * FROM search_source_organisation" \
  "                 UNION ALL SELECT * FROM search_source_consultation)," \
  "     entries AS (SELECT rowid, kind, ref, title, body FROM search_index)" \
  " SELECT (SELECT count(*) FROM (SELECT * FROM entries EXCEPT SELECT * FROM sources))" \
  "      + (SELECT count(*) FROM (SELECT * FROM sources EXCEPT SELECT * FROM entries))" \
  "      + abs ((SELECT count(*) FROM entries) - (SELECT count(*) FROM sources))"

/* Version 6 says in a view per table what the search index holds for a row, and its triggers
 * copy that: the views give exactly what the triggers of version 1 wrote, for rows with and
 * without their optional fields, and the index stays the same through the new triggers. */
static void
test_migrate_search_sources (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  gint64 n_entries;

  recreate_at_version (fixture, bb_core_get_resource (), "/berlin/beratungsforum/Brueckenbuch/migrations", 5);
  g_clear_object (&fixture->store);
  write_sqlite_file (fixture->path,
                     "INSERT INTO organisation (id, name, kind, street, postcode, city, email, web, notes) VALUES"
                     " (1, 'Träger Nord', 'operator', 'Hauptstr. 1', '13187', 'Berlin', 'info@example.org',"
                     "  'https://example.org', 'Betreibt drei Häuser'),"
                     " (2, 'Bündnis Süd', 'alliance', NULL, NULL, NULL, NULL, NULL, NULL);"
                     "INSERT INTO shelter (id, name, operator_id, street, postcode, district_id, notes) VALUES"
                     " (1, 'Haus Ahorn', 1, 'Ahornweg 2', '13189', 2, 'Hinterhaus'),"
                     " (2, 'Haus Birke', NULL, NULL, NULL, 9, NULL);"
                     "INSERT INTO person (id, given_name, family_name, function, organisation_id, email,"
                     "                    languages, notes) VALUES"
                     " (1, 'Ada', 'Fink', 'Leitung', 1, 'ada@example.org', 'de, en', 'Montags da'),"
                     " (2, NULL, 'Amsel', NULL, NULL, NULL, NULL, NULL),"
                     " (3, 'Kim', NULL, NULL, 2, NULL, NULL, NULL);"
                     "INSERT INTO consultation (id, started_at, shelter_id, former_shelter_name, notes) VALUES"
                     " (1, '2025-01-02T09:00', 1, NULL, 'Sprachcafé geplant'),"
                     " (2, '2025-01-03T09:00', NULL, 'Haus Eiche', 'Übergabe der Kontakte'),"
                     " (3, '2025-01-04T09:00', 2, NULL, NULL),"
                     " (4, '2025-01-05T09:00', NULL, NULL, NULL);");

  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (fixture->store), ==, BB_STORE_SCHEMA_VERSION);
  n_entries = bb_test_query_int (fixture->store, "SELECT count(*) FROM search_index");
  g_assert_cmpint (n_entries, ==, 11);
  g_assert_cmpint (bb_test_query_int (fixture->store, SEARCH_INDEX_MISMATCH), ==, 0);

  /* Every row rewritten, one added, one deleted through the new triggers. */
  g_assert_true (_bb_store_exec (fixture->store,
                                 "UPDATE organisation SET notes = notes;"
                                 "UPDATE shelter SET notes = notes;"
                                 "UPDATE person SET notes = notes;"
                                 "UPDATE consultation SET notes = notes;"
                                 "INSERT INTO consultation (id, started_at, shelter_id, notes)"
                                 " VALUES (5, '2025-01-06T09:00', 1, 'Fahrradwerkstatt');"
                                 "DELETE FROM person WHERE id = 3;",
                                 "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM search_index"), ==, n_entries);
  g_assert_cmpint (bb_test_query_int (fixture->store, SEARCH_INDEX_MISMATCH), ==, 0);

  hits = bb_store_search (fixture->store, "Fahrrad", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
}

static void
test_count_tables (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shelter = add_shelter (fixture->store, "Haus Ulme");
  gint64 person = bb_test_add_person (fixture->store, "Ada", "Fink");
  gint64 consultation = add_consultation (fixture->store, "2025-01-02T09:00", shelter, "Kennenlernen");
  const char *expected[] = { "region", "shelter", "person", "consultation", "consultation_person",
                             "search_index" };
  const gint64 expected_counts[] = { 3, 1, 1, 1, 1, 3 };

  g_assert_true (bb_store_set_consultation_people (fixture->store, consultation, &person, 1, &error));
  g_assert_no_error (error);

  counts = bb_store_count_tables (fixture->store, &error);
  g_assert_no_error (error);

  for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < counts->len; i++)
        {
          BbTableCount *count = g_ptr_array_index (counts, i);

          g_assert_false (g_str_has_prefix (count->table, "sqlite_"));
          g_assert_false (g_str_has_prefix (count->table, "search_index_"));
          if (g_str_equal (count->table, expected[j]))
            {
              g_assert_cmpint (count->count, ==, expected_counts[j]);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
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
                "district-id", bb_test_district_id (store, "Mitte"),
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

/* Ids of one row of each table a round-trip record may point to. */
typedef struct
{
  gint64 region;
  gint64 district;
  gint64 organisation[2];
  gint64 shelter[2];
  gint64 person[2];
  gint64 consultation;
  gint64 event;
} Context;

static void
make_context (BbStore *store,
              Context *ctx)
{
  g_autoptr(BbOrganisation) organisation = NULL;
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  ctx->region = bb_test_query_int (store, "SELECT id FROM region WHERE name = 'West'");
  ctx->district = bb_test_district_id (store, "Spandau");

  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&organisation);
      organisation = bb_organisation_new ();
      g_object_set (organisation, "name", i == 0 ? "Verein Brücke" : "Netzwerk Nord", NULL);
      g_assert_true (bb_store_insert (store, BB_RECORD (organisation), &error));
      g_assert_no_error (error);
      ctx->organisation[i] = bb_record_get_id (BB_RECORD (organisation));
    }

  ctx->shelter[0] = add_shelter (store, "Haus Lindenhof");
  ctx->shelter[1] = add_shelter (store, "Haus Birkenweg");
  ctx->person[0] = bb_test_add_person (store, "Alma", "Beispiel");
  ctx->person[1] = bb_test_add_person (store, "Bruno", "Muster");
  ctx->consultation = add_consultation (store, "2025-05-06T10:00", ctx->shelter[0], "Kennenlernen");

  event = bb_event_new ();
  g_object_set (event,
                "uid", "context@example.org",
                "title", "Jour fixe",
                "starts-at", "2025-06-01T18:00",
                "ends-at", "2025-06-01T20:00",
                NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (event), &error));
  g_assert_no_error (error);
  ctx->event = bb_record_get_id (BB_RECORD (event));
}

/* Variant 0 sets every column to a value other than its default; variant 1 changes the
 * required columns and sets the optional ones to their NULL conventions. */
static BbRecord *
fill_record (GType          type,
             guint          variant,
             const Context *ctx)
{
  BbRecord *record = g_object_new (type, NULL);
  gboolean full = variant == 0;

  if (type == BB_TYPE_REGION)
    g_object_set (record, "name", full ? "Mitte-Ost" : "Mitte-West", NULL);
  else if (type == BB_TYPE_DISTRICT)
    g_object_set (record, "name", full ? "Neustadt" : "Altstadt", "region-id", ctx->region, NULL);
  else if (type == BB_TYPE_ORGANISATION)
    g_object_set (record,
                  "name", full ? "Initiative Willkommen" : "Initiative Ankommen",
                  "kind", full ? "alliance" : "project",
                  "street", full ? "Hauptstraße 1" : NULL,
                  "postcode", full ? "10115" : NULL,
                  "city", full ? "Berlin" : NULL,
                  "district-id", full ? ctx->district : 0,
                  "phone", full ? "030 000000" : NULL,
                  "email", full ? "info@example.org" : NULL,
                  "web", full ? "https://example.org" : NULL,
                  "notes", full ? "Trifft sich montags." : NULL,
                  NULL);
  else if (type == BB_TYPE_SHELTER)
    g_object_set (record,
                  "name", full ? "Unterkunft Erlenbruch" : "Unterkunft Eschenweg",
                  "kind", full ? "emergency" : "muf",
                  "operator-id", full ? ctx->organisation[0] : 0,
                  "street", full ? "Erlenweg 3" : NULL,
                  "postcode", full ? "13581" : NULL,
                  "district-id", ctx->district,
                  "capacity", full ? 200 : -1,
                  "residents", full ? 150 : -1,
                  "opened-on", full ? "2023-01-15" : NULL,
                  "closed-on", full ? "2025-12-31" : NULL,
                  "status", full ? "closed" : "planned",
                  "phone", full ? "030 111111" : NULL,
                  "email", full ? "leitung@example.org" : NULL,
                  "notes", full ? "Zugang über den Hof." : NULL,
                  NULL);
  else if (type == BB_TYPE_PERSON)
    g_object_set (record,
                  "given-name", full ? "Clara" : NULL,
                  "family-name", full ? "Probe" : "Nur-Nachname",
                  "pronouns", full ? "sie/ihr" : NULL,
                  "function", full ? "Koordination" : NULL,
                  "organisation-id", full ? ctx->organisation[1] : 0,
                  "email", full ? "clara@example.org" : NULL,
                  "phone", full ? "0170 0000000" : NULL,
                  "languages", full ? "de, en, ar" : NULL,
                  "notes", full ? "Erreichbar vormittags." : NULL,
                  NULL);
  else if (type == BB_TYPE_PERSON_SHELTER)
    g_object_set (record,
                  "person-id", ctx->person[full ? 0 : 1],
                  "shelter-id", ctx->shelter[full ? 0 : 1],
                  "role", full ? "management" : "social-work",
                  "since", full ? "2024-01-01" : NULL,
                  "until", full ? "2024-12-31" : NULL,
                  NULL);
  else if (type == BB_TYPE_RELATION)
    g_object_set (record,
                  "from-person-id", full ? ctx->person[0] : 0,
                  "from-organisation-id", full ? 0 : ctx->organisation[0],
                  "to-person-id", full ? 0 : ctx->person[1],
                  "to-organisation-id", full ? ctx->organisation[1] : 0,
                  "kind", full ? "works-for" : "funds",
                  "since", full ? "2022-03-01" : NULL,
                  "until", full ? "2023-03-01" : NULL,
                  "note", full ? "Über das Projekt." : NULL,
                  NULL);
  else if (type == BB_TYPE_CONSULTATION)
    g_object_set (record,
                  "started-at", full ? "2025-02-03T09:30" : "2025-02-04T14:00",
                  "duration-minutes", full ? 90 : -1,
                  "format", full ? "video" : "phone",
                  "region-id", full ? ctx->region : 0,
                  "shelter-id", full ? ctx->shelter[1] : 0,
                  "former-shelter-name", full ? "Alte Halle" : NULL,
                  "author", full ? "Beraterin A" : NULL,
                  "notes", full ? "Ehrenamtliche Deutschkurse besprochen." : NULL,
                  NULL);
  else if (type == BB_TYPE_TOPIC)
    g_object_set (record, "name", full ? "Sprachkurse" : "Kinderbetreuung", NULL);
  else if (type == BB_TYPE_FOLLOWUP)
    g_object_set (record,
                  "consultation-id", ctx->consultation,
                  "text", full ? "Raum anfragen" : "Liste schicken",
                  "due-on", full ? "2025-03-01" : NULL,
                  "done-on", full ? "2025-02-20" : NULL,
                  NULL);
  else if (type == BB_TYPE_EVENT)
    g_object_set (record,
                  "uid", full ? "a@example.org" : "b@example.org",
                  "sequence", full ? 3 : 4,
                  "kind", full ? "workshop" : "training-basic",
                  "region-id", full ? ctx->region : 0,
                  "title", full ? "Werkstatt Ehrenamt" : "Grundkurs",
                  "starts-at", full ? "2026-03-02" : "2026-03-02T10:00",
                  "ends-at", full ? "2026-03-03" : "2026-03-02T12:00",
                  "all-day", full,
                  "location", full ? "Nachbarschaftshaus" : NULL,
                  "online-url", full ? "https://meet.example.org/x" : NULL,
                  "description", full ? "Tagesordnung folgt." : NULL,
                  "status", full ? "tentative" : "cancelled",
                  "organiser-id", full ? ctx->person[0] : 0,
                  "rrule", full ? "FREQ=MONTHLY;BYDAY=1MO" : NULL,
                  "exdates", full ? "2026-04-06" : NULL,
                  NULL);
  else if (type == BB_TYPE_EVENT_OVERRIDE)
    g_object_set (record,
                  "event-id", ctx->event,
                  "recurrence-id", full ? "2025-07-01T18:00" : "2025-08-01T18:00",
                  "starts-at", full ? "2025-07-02T18:00" : "2025-08-01T19:00",
                  "ends-at", full ? "2025-07-02T20:00" : "2025-08-01T21:00",
                  "title", full ? "Jour fixe (verschoben)" : NULL,
                  "location", full ? "Raum 2" : NULL,
                  "status", full ? "cancelled" : "tentative",
                  NULL);
  else if (type == BB_TYPE_EVENT_INVITEE)
    g_object_set (record,
                  "event-id", ctx->event,
                  "person-id", full ? ctx->person[0] : 0,
                  "shelter-id", full ? 0 : ctx->shelter[0],
                  NULL);
  else if (type == BB_TYPE_ATTENDANCE)
    g_object_set (record,
                  "event-id", ctx->event,
                  "occurrence", full ? "2025-06-01T18:00" : "2025-07-01T18:00",
                  "person-id", ctx->person[full ? 0 : 1],
                  "status", full ? "excused" : "absent",
                  NULL);
  else
    g_assert_not_reached ();

  return record;
}

/* Compares every column of two records; returns how many columns there are. */
static guint
assert_same_columns (BbRecord *expected,
                     BbRecord *actual)
{
  GType type = G_OBJECT_TYPE (expected);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  guint n_columns = 0;

  g_assert_true (G_OBJECT_TYPE (actual) == type);
  g_assert_cmpint (bb_record_get_id (expected), ==, bb_record_get_id (actual));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (expected), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if (pspecs[i]->owner_type != type)
        continue;

      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (expected), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (actual), pspecs[i]->name, &b);

      if (g_param_values_cmp (pspecs[i], &a, &b) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&a);
          g_autofree char *sb = g_strdup_value_contents (&b);

          g_error ("%s.%s: expected %s, got %s", g_type_name (type), pspecs[i]->name, sa, sb);
        }

      n_columns++;
    }

  return n_columns;
}

/* Every column must hold a non-default value in at least one of the variants. */
static void
assert_covered (BbRecord *first,
                BbRecord *second)
{
  GType type = G_OBJECT_TYPE (first);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (first), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if (pspecs[i]->owner_type != type)
        continue;

      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (first), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (second), pspecs[i]->name, &b);
      if (g_param_value_defaults (pspecs[i], &a) && g_param_value_defaults (pspecs[i], &b))
        g_error ("%s.%s is not covered by the round trip", g_type_name (type), pspecs[i]->name);
    }
}

static void
test_roundtrip_all_types (Fixture       *fixture,
                          gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  const GType *types = bb_store_get_record_types ();
  Context ctx;
  guint n_types = 0;

  make_context (store, &ctx);

  for (guint i = 0; types[i] != 0; i++)
    {
      g_autoptr(BbRecord) record = fill_record (types[i], 0, &ctx);
      g_autoptr(BbRecord) changed = fill_record (types[i], 1, &ctx);
      g_autoptr(BbRecord) copy = NULL;
      g_autoptr(GError) error = NULL;
      gint64 count = bb_store_count (store, types[i]);
      gint64 id;

      assert_covered (record, changed);

      g_assert_true (bb_store_insert (store, record, &error));
      g_assert_no_error (error);
      id = bb_record_get_id (record);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (bb_store_count (store, types[i]), ==, count + 1);

      copy = bb_store_get (store, types[i], id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (assert_same_columns (record, copy), >, 0);
      g_clear_object (&copy);

      bb_record_set_id (changed, id);
      g_assert_true (bb_store_update (store, changed, &error));
      g_assert_no_error (error);
      copy = bb_store_get (store, types[i], id, &error);
      g_assert_no_error (error);
      assert_same_columns (changed, copy);
      g_clear_object (&copy);

      g_assert_true (bb_store_delete (store, types[i], id, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bb_store_count (store, types[i]), ==, count);
      copy = bb_store_get (store, types[i], id, &error);
      g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
      g_assert_null (copy);
      g_clear_error (&error);

      g_assert_false (bb_store_delete (store, types[i], id, &error));
      g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);

      n_types++;
    }

  g_assert_cmpuint (n_types, ==, 14);
}

static void
test_record_types (void)
{
  const GType *types = bb_store_get_record_types ();
  guint n = 0;

  while (types[n] != 0)
    {
      g_assert_true (g_type_is_a (types[n], BB_TYPE_RECORD));
      n++;
    }

  g_assert_cmpuint (n, ==, 14);
  g_assert_true (types[0] == BB_TYPE_REGION);
  g_assert_true (types[3] == BB_TYPE_SHELTER);
  g_assert_true (types[13] == BB_TYPE_ATTENDANCE);
  g_assert_true (bb_store_get_record_types () == types);
}

/* Constraints and foreign keys ------------------------------------------------------------- */

static gint64
count_all (BbStore *store)
{
  const GType *types = bb_store_get_record_types ();
  gint64 total = 0;

  for (guint i = 0; types[i] != 0; i++)
    total += bb_store_count (store, types[i]);

  return total;
}

/* A write that breaks a rule fails with CONSTRAINT, names the rule, and changes nothing. */
static void
assert_insert_refused (BbStore    *store,
                       BbRecord   *record,
                       const char *hint)
{
  g_autoptr(GError) error = NULL;
  GType type = G_OBJECT_TYPE (record);
  gint64 count = bb_store_count (store, type);
  gint64 total = count_all (store);
  gint64 n_index = bb_test_query_int (store, "SELECT count(*) FROM search_index");

  g_assert_false (bb_store_insert (store, record, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  if (hint != NULL && strstr (error->message, hint) == NULL)
    g_error ("Message \"%s\" does not name \"%s\"", error->message, hint);
  g_assert_cmpint (bb_record_get_id (record), ==, 0);

  g_assert_cmpint (bb_store_count (store, type), ==, count);
  g_assert_cmpint (bb_test_query_int (store, "SELECT count(*) FROM search_index"), ==, n_index);
  g_assert_cmpint (count_all (store), ==, total);
}

static void
test_constraints (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(BbShelter) shelter = NULL;
  g_autoptr(BbRelation) relation = NULL;
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(BbPersonShelter) role = NULL;
  g_autoptr(BbPerson) nobody = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shelter_id = add_shelter (store, "Haus Eiche");
  gint64 person_id = bb_test_add_person (store, "Dora", "Test");

  shelter = bb_shelter_new ();
  g_object_set (shelter, "district-id", bb_test_district_id (store, "Mitte"), NULL);
  assert_insert_refused (store, BB_RECORD (shelter), "shelter.name");

  g_object_set (shelter, "name", "   ", NULL);
  assert_insert_refused (store, BB_RECORD (shelter), "name");

  g_object_set (shelter, "name", "Haus Ulme", "postcode", "1234", NULL);
  assert_insert_refused (store, BB_RECORD (shelter), "postcode");

  g_object_set (shelter, "postcode", "12345",
                "opened-on", "2024-05-01", "closed-on", "2024-04-30", NULL);
  assert_insert_refused (store, BB_RECORD (shelter), "closed_on");

  g_object_set (shelter, "closed-on", "2024-05-02", "district-id", (gint64) 9999, NULL);
  assert_insert_refused (store, BB_RECORD (shelter), "FOREIGN KEY");

  relation = bb_relation_new ();
  assert_insert_refused (store, BB_RECORD (relation), "from_person_id");

  event = bb_event_new ();
  g_object_set (event, "uid", "x@example.org", "title", "Treffen",
                "starts-at", "2025-01-10T10:00", "ends-at", "2025-01-10T09:00", NULL);
  assert_insert_refused (store, BB_RECORD (event), "ends_at >= starts_at");

  role = bb_person_shelter_new ();
  g_object_set (role, "person-id", person_id, "shelter-id", shelter_id, NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));
  g_assert_no_error (error);
  bb_record_set_id (BB_RECORD (role), 0);
  assert_insert_refused (store, BB_RECORD (role), "person_shelter.person_id");

  nobody = bb_person_new ();
  g_object_set (nobody, "given-name", "", "family-name", " ", NULL);
  assert_insert_refused (store, BB_RECORD (nobody), "given_name");

  /* An update that breaks a rule keeps the old row. */
  g_clear_object (&shelter);
  shelter = bb_store_get (store, BB_TYPE_SHELTER, shelter_id, &error);
  g_assert_no_error (error);
  bb_shelter_set_postcode (shelter, "ABCDE");
  g_assert_false (bb_store_update (store, BB_RECORD (shelter), &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_object (&shelter);
  shelter = bb_store_get (store, BB_TYPE_SHELTER, shelter_id, &error);
  g_assert_null (bb_shelter_get_postcode (shelter));
}

static void
test_delete_shelter_keeps_consultations (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shelter_id = add_shelter (store, "Haus Pappel");
  gint64 person_id = bb_test_add_person (store, "Emil", "Beispiel");
  gint64 consultation_id = add_consultation (store, "2025-01-02T10:00", shelter_id, "Gespräch");
  g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();

  g_object_set (role, "person-id", person_id, "shelter-id", shelter_id, NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));

  g_assert_true (bb_store_delete (store, BB_TYPE_SHELTER, shelter_id, &error));
  g_assert_no_error (error);

  consultation = bb_store_get (store, BB_TYPE_CONSULTATION, consultation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_consultation_get_shelter_id (consultation), ==, 0);
  g_assert_cmpstr (bb_consultation_get_former_shelter_name (consultation), ==, "Haus Pappel");
  /* The roles at the shelter go with it. */
  g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON_SHELTER), ==, 0);
}

static void
test_delete_person_cascades (Fixture       *fixture,
                             gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();
  gint64 shelter_id = add_shelter (store, "Haus Weide");
  gint64 anna = bb_test_add_person (store, "Anna", "Eins");
  gint64 ben = bb_test_add_person (store, "Ben", "Zwei");
  gint64 consultation_id = add_consultation (store, "2025-01-02T10:00", shelter_id, NULL);
  gint64 both[] = { anna, ben };

  g_assert_true (bb_store_set_consultation_people (store, consultation_id, both, 2, &error));
  g_assert_no_error (error);
  g_object_set (role, "person-id", anna, "shelter-id", shelter_id, NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));

  g_assert_true (bb_store_delete (store, BB_TYPE_PERSON, anna, &error));
  g_assert_no_error (error);

  people = bb_store_get_consultation_people (store, consultation_id);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, ben);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON_SHELTER), ==, 0);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_CONSULTATION), ==, 1);
}

static void
test_delete_district_in_use (Fixture       *fixture,
                             gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 pankow = bb_test_district_id (store, "Pankow");
  gint64 mitte = bb_test_district_id (store, "Mitte");

  add_shelter (store, "Haus Linde");

  g_assert_false (bb_store_delete (store, BB_TYPE_DISTRICT, pankow, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_DISTRICT), ==, 12);

  /* A district nobody uses can go; a region with districts cannot. */
  g_assert_true (bb_store_delete (store, BB_TYPE_DISTRICT, mitte, &error));
  g_assert_no_error (error);
  g_assert_false (bb_store_delete (store, BB_TYPE_REGION, 1, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
}

/* Transactions and "changed" ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *tables;
  GArray    *ids;
  BbStore   *store;
  gboolean   in_transaction_seen;
} Recorder;

static void
on_changed (BbStore    *store,
            const char *table,
            gint64      id,
            Recorder   *recorder)
{
  g_ptr_array_add (recorder->tables, g_strdup (table));
  g_array_append_val (recorder->ids, id);

  /* Handlers may use the store: no transaction is open any more. */
  if (g_strcmp0 (table, "shelter") == 0 && id != 0)
    {
      g_autofree char *label = bb_store_dup_label (store, BB_TYPE_SHELTER, id);
      g_autoptr(GError) error = NULL;

      if (bb_store_begin (store, &error))
        bb_store_rollback (store);
      else
        recorder->in_transaction_seen = TRUE;
    }
}

static void
recorder_init (Recorder   *recorder,
               BbStore    *store,
               const char *signal)
{
  recorder->tables = g_ptr_array_new_with_free_func (g_free);
  recorder->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  recorder->store = store;
  recorder->in_transaction_seen = FALSE;
  g_signal_connect (store, signal, G_CALLBACK (on_changed), recorder);
}

static void
recorder_clear (Recorder *recorder)
{
  g_signal_handlers_disconnect_by_data (recorder->store, recorder);
  g_clear_pointer (&recorder->tables, g_ptr_array_unref);
  g_clear_pointer (&recorder->ids, g_array_unref);
}

static void
recorder_reset (Recorder *recorder)
{
  g_ptr_array_set_size (recorder->tables, 0);
  g_array_set_size (recorder->ids, 0);
}

static gboolean
recorder_has (Recorder   *recorder,
              const char *table,
              gint64      id)
{
  for (guint i = 0; i < recorder->tables->len; i++)
    if (g_str_equal (g_ptr_array_index (recorder->tables, i), table) &&
        g_array_index (recorder->ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
test_nested_rollback (Fixture       *fixture,
                      gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  gint64 kept;

  recorder_init (&recorder, store, "changed");

  /* Outer rollback: nothing stays, nothing is announced. */
  g_assert_true (bb_store_begin (store, &error));
  add_shelter (store, "Haus Tanne");
  g_assert_true (bb_store_begin (store, &error));
  bb_test_add_person (store, "Frida", "Test");
  g_assert_true (bb_store_commit (store, &error));
  bb_store_rollback (store);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_SHELTER), ==, 0);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON), ==, 0);
  g_assert_cmpint (bb_test_query_int (store, "SELECT count(*) FROM search_index"), ==, 0);
  g_assert_cmpuint (recorder.tables->len, ==, 0);

  /* Inner rollback: only the outer writes stay and are announced. */
  g_assert_true (bb_store_begin (store, &error));
  kept = add_shelter (store, "Haus Fichte");
  g_assert_true (bb_store_begin (store, &error));
  bb_test_add_person (store, "Gerd", "Test");
  g_assert_true (bb_store_begin (store, &error));
  add_shelter (store, "Haus Kiefer");
  g_assert_true (bb_store_commit (store, &error));
  bb_store_rollback (store);
  g_assert_cmpuint (recorder.tables->len, ==, 0);
  g_assert_true (bb_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (bb_store_count (store, BB_TYPE_SHELTER), ==, 1);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON), ==, 0);
  g_assert_cmpuint (recorder.tables->len, ==, 1);
  g_assert_true (recorder_has (&recorder, "shelter", kept));

  recorder_clear (&recorder);
}

static void
test_changed_after_commit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbShelter) shelter = NULL;
  Recorder all;
  Recorder shelters;
  gint64 id;

  recorder_init (&all, store, "changed");
  recorder_init (&shelters, store, "changed::shelter");

  /* A write of its own is announced at once, with table and id. */
  id = add_shelter (store, "Haus Buche");
  g_assert_cmpuint (all.tables->len, ==, 1);
  g_assert_true (recorder_has (&all, "shelter", id));
  g_assert_cmpuint (shelters.tables->len, ==, 1);
  g_assert_false (shelters.in_transaction_seen);

  /* Inside a transaction: nothing until the commit, then each row once. */
  recorder_reset (&all);
  recorder_reset (&shelters);
  g_assert_true (bb_store_begin (store, &error));
  shelter = bb_store_get (store, BB_TYPE_SHELTER, id, &error);
  bb_shelter_set_capacity (shelter, 10);
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  bb_shelter_set_capacity (shelter, 20);
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  bb_test_add_person (store, "Hanna", "Test");
  g_assert_cmpuint (all.tables->len, ==, 0);
  g_assert_true (bb_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all.tables->len, ==, 2);
  g_assert_cmpuint (shelters.tables->len, ==, 1);
  g_assert_true (recorder_has (&shelters, "shelter", id));

  /* Many rows of a table: announced once with id 0. */
  recorder_reset (&all);
  recorder_reset (&shelters);
  g_assert_true (bb_store_begin (store, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("Haus %u", i);

      add_shelter (store, name);
    }
  g_assert_true (bb_store_commit (store, &error));
  g_assert_cmpuint (shelters.tables->len, ==, 1);
  g_assert_cmpint (g_array_index (shelters.ids, gint64, 0), ==, 0);

  recorder_clear (&all);
  recorder_clear (&shelters);
}

static void
test_changed_cascades (Fixture       *fixture,
                       gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();
  gint64 shelter_id = add_shelter (store, "Haus Esche");
  gint64 person_id = bb_test_add_person (store, "Ida", "Test");
  gint64 consultation_id = add_consultation (store, "2025-03-03T12:00", shelter_id, NULL);
  gint64 role_id;
  Recorder recorder;

  g_object_set (role, "person-id", person_id, "shelter-id", shelter_id, NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));
  role_id = bb_record_get_id (BB_RECORD (role));

  recorder_init (&recorder, store, "changed");
  g_assert_true (bb_store_delete (store, BB_TYPE_SHELTER, shelter_id, &error));
  g_assert_no_error (error);

  g_assert_true (recorder_has (&recorder, "shelter", shelter_id));
  g_assert_true (recorder_has (&recorder, "person_shelter", role_id));
  g_assert_true (recorder_has (&recorder, "consultation", consultation_id));
  g_assert_cmpuint (recorder.tables->len, ==, 3);

  recorder_clear (&recorder);
}

static void
test_failed_write_in_transaction (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbShelter) broken = bb_shelter_new ();

  /* A failed write inside a transaction leaves the transaction usable. */
  g_assert_true (bb_store_begin (store, &error));
  add_shelter (store, "Haus Erle");
  g_assert_false (bb_store_insert (store, BB_RECORD (broken), &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  add_shelter (store, "Haus Hasel");
  g_assert_true (bb_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_SHELTER), ==, 2);
}

/* Links, meta and labels ------------------------------------------------------------------ */

static void
test_links (Fixture       *fixture,
            gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = NULL;
  g_auto(GStrv) topics = NULL;
  gint64 zora = bb_test_add_person (store, "Zora", "Zander");
  gint64 adam = bb_test_add_person (store, "Adam", "Abel");
  gint64 consultation_id = add_consultation (store, "2025-04-04T09:00", 0, NULL);
  gint64 ids[] = { zora, adam, zora };
  gint64 unknown[] = { adam, 9999 };
  const char *names[] = { "Ehrenamt", "ehrenamt", "Ärger", "ÄRGER", " ", "Kinder", NULL };
  const char *more[] = { "EHRENAMT", NULL };
  Recorder recorder;

  recorder_init (&recorder, store, "changed");

  g_assert_true (bb_store_set_consultation_people (store, consultation_id, ids, 3, &error));
  g_assert_no_error (error);
  g_assert_true (recorder_has (&recorder, "consultation_person", consultation_id));
  people = bb_store_get_consultation_people (store, consultation_id);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, adam);
  g_assert_cmpint (g_array_index (people, gint64, 1), ==, zora);
  g_clear_pointer (&people, g_array_unref);

  /* An unknown person fails the whole call; the old links stay. */
  recorder_reset (&recorder);
  g_assert_false (bb_store_set_consultation_people (store, consultation_id, unknown, 2, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  people = bb_store_get_consultation_people (store, consultation_id);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpuint (recorder.tables->len, ==, 0);

  g_assert_false (bb_store_set_consultation_people (store, 4242, ids, 1, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (bb_store_set_consultation_topics (store, consultation_id, names, &error));
  g_assert_no_error (error);
  g_assert_true (recorder_has (&recorder, "consultation_topic", consultation_id));
  g_assert_cmpint (bb_store_count (store, BB_TYPE_TOPIC), ==, 3);
  topics = bb_store_get_consultation_topics (store, consultation_id);
  g_assert_cmpuint (g_strv_length (topics), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) topics, "Ehrenamt"));
  g_assert_true (g_strv_contains ((const char * const *) topics, "Ärger"));
  g_assert_true (g_strv_contains ((const char * const *) topics, "Kinder"));
  g_clear_pointer (&topics, g_strfreev);

  g_assert_true (bb_store_set_consultation_topics (store, consultation_id, more, &error));
  g_assert_cmpint (bb_store_count (store, BB_TYPE_TOPIC), ==, 3);
  topics = bb_store_get_consultation_topics (store, consultation_id);
  g_assert_cmpuint (g_strv_length (topics), ==, 1);
  g_assert_cmpstr (topics[0], ==, "Ehrenamt");

  /* Deleting the consultation removes its links. */
  g_assert_true (bb_store_delete (store, BB_TYPE_CONSULTATION, consultation_id, &error));
  g_clear_pointer (&people, g_array_unref);
  people = bb_store_get_consultation_people (store, consultation_id);
  g_assert_cmpuint (people->len, ==, 0);

  recorder_clear (&recorder);
}

static void
test_meta (Fixture       *fixture,
           gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (bb_store_dup_meta (store, "demo"));
  g_assert_true (bb_store_set_meta (store, "demo", "1", &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_is_demo (store));
  g_assert_true (bb_store_set_meta (store, "demo", "0", &error));
  g_assert_false (bb_store_is_demo (store));
  value = bb_store_dup_meta (store, "demo");
  g_assert_cmpstr (value, ==, "0");
  g_assert_true (bb_store_set_meta (store, "demo", NULL, &error));
  g_assert_null (bb_store_dup_meta (store, "demo"));
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbPerson) person = NULL;
  g_autofree char *label = NULL;
  gint64 id = bb_test_add_person (store, "Jana", "Beispiel");

  label = bb_store_dup_label (store, BB_TYPE_PERSON, id);
  g_assert_cmpstr (label, ==, "Jana Beispiel");
  g_clear_pointer (&label, g_free);

  person = bb_store_get (store, BB_TYPE_PERSON, id, &error);
  bb_person_set_given_name (person, "Janne");
  g_assert_true (bb_store_update (store, BB_RECORD (person), &error));
  label = bb_store_dup_label (store, BB_TYPE_PERSON, id);
  g_assert_cmpstr (label, ==, "Janne Beispiel");

  g_assert_null (bb_store_dup_label (store, BB_TYPE_PERSON, 0));
  g_assert_null (bb_store_dup_label (store, BB_TYPE_PERSON, 777));
  g_assert_true (bb_store_delete (store, BB_TYPE_PERSON, id, &error));
  g_assert_null (bb_store_dup_label (store, BB_TYPE_PERSON, id));
}

/* Search ----------------------------------------------------------------------------------- */

static GListModel *
search (BbStore    *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GListModel *hits = bb_store_search (store, text, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_true (g_list_model_get_item_type (hits) == BB_TYPE_SEARCH_HIT);

  return hits;
}

/* Undo ------------------------------------------------------------------------------------- */

static gint64
add_role (BbStore *store,
          gint64   person,
          gint64   shelter)
{
  g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (role, "person-id", person, "shelter-id", shelter, NULL);
  g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));
  g_assert_no_error (error);

  return bb_record_get_id (BB_RECORD (role));
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(BbPersonShelter) restored_role = NULL;
  g_autofree char *label = NULL;
  Recorder recorder;
  gint64 shelter = add_shelter (store, "Haus Eibe");
  gint64 person = bb_test_add_person (store, "Lea", "Sommer");
  gint64 role = add_role (store, person, shelter);
  gint64 visit = add_consultation (store, "2025-03-04T10:00", shelter, "Eibenweg besprochen");

  recorder_init (&recorder, store, "changed");

  undo = bb_store_delete_undoable (store, BB_TYPE_SHELTER, shelter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_SHELTER), ==, 0);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON_SHELTER), ==, 0);
  consultation = bb_store_get (store, BB_TYPE_CONSULTATION, visit, &error);
  g_assert_cmpint (bb_consultation_get_shelter_id (consultation), ==, 0);
  g_assert_cmpstr (bb_consultation_get_former_shelter_name (consultation), ==, "Haus Eibe");
  g_clear_object (&consultation);

  recorder_reset (&recorder);
  g_assert_true (bb_store_undo (store, undo, &error));
  g_assert_no_error (error);

  /* Everything is back as it was, under the same ids, and the views hear of it. */
  label = bb_store_dup_label (store, BB_TYPE_SHELTER, shelter);
  g_assert_cmpstr (label, ==, "Haus Eibe");
  roles = bb_store_list_related (store, BB_TYPE_PERSON_SHELTER, "shelter-id", shelter);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 1);
  restored_role = bb_store_get (store, BB_TYPE_PERSON_SHELTER, role, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_person_shelter_get_person_id (restored_role), ==, person);
  consultation = bb_store_get (store, BB_TYPE_CONSULTATION, visit, &error);
  g_assert_cmpint (bb_consultation_get_shelter_id (consultation), ==, shelter);
  g_assert_null (bb_consultation_get_former_shelter_name (consultation));
  g_assert_true (recorder_has (&recorder, "shelter", shelter));
  g_assert_true (recorder_has (&recorder, "person_shelter", role));

  /* The search index was rebuilt by its triggers, once. */
  hits = search (store, "Eibe");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);

  recorder_clear (&recorder);
}

static void
test_undo_update_and_conflict (Fixture       *fixture,
                               gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(BbShelter) shelter = NULL;
  g_autofree char *label = NULL;
  gint64 id = add_shelter (store, "Haus Erle");

  shelter = bb_store_get (store, BB_TYPE_SHELTER, id, &error);
  g_assert_true (bb_store_begin_undoable (store, &error));
  bb_shelter_set_name (shelter, "Haus Esche");
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  undo = bb_store_commit_undoable (store, &error);
  g_assert_no_error (error);

  g_assert_true (bb_store_undo (store, undo, &error));
  g_assert_no_error (error);
  label = bb_store_dup_label (store, BB_TYPE_SHELTER, id);
  g_assert_cmpstr (label, ==, "Haus Erle");
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&undo, g_bytes_unref);

  /* An undo that would overwrite a later change refuses and changes nothing. */
  g_assert_true (bb_store_begin_undoable (store, &error));
  bb_shelter_set_name (shelter, "Haus Esche");
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  undo = bb_store_commit_undoable (store, &error);
  g_assert_no_error (error);
  bb_shelter_set_name (shelter, "Haus Espe");
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));

  g_assert_false (bb_store_undo (store, undo, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  label = bb_store_dup_label (store, BB_TYPE_SHELTER, id);
  g_assert_cmpstr (label, ==, "Haus Espe");

  /* Undoable transactions do not nest into others, and a rollback records nothing. */
  g_assert_true (bb_store_begin (store, &error));
  g_assert_false (bb_store_begin_undoable (store, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  bb_store_rollback (store);
  g_assert_true (bb_store_begin_undoable (store, &error));
  bb_store_rollback (store);
  g_assert_true (bb_store_begin (store, &error));
  g_assert_true (bb_store_commit (store, &error));
}

static gboolean
hits_contain (GListModel *hits,
              GType       type,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(BbSearchHit) hit = g_list_model_get_item (hits, i);

      if (bb_search_hit_get_record_type (hit) == type && bb_search_hit_get_id (hit) == id)
        return TRUE;
    }

  return FALSE;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(BbSearchHit) hit = NULL;
  g_autoptr(BbShelter) shelter = NULL;
  gint64 garden = add_shelter (store, "Gartenhaus");
  gint64 other = add_shelter (store, "Haus Mühlenweg");
  gint64 person = bb_test_add_person (store, "Ülkü", "Beispiel");
  gint64 visit = add_consultation (store, "2025-05-06T10:00", other,
                                   "Ehrenamtliche Begleitung, danach Gartenhaus besucht. Übergabe der Schlüssel.");

  /* Prefixes, and words in any order. */
  hits = search (store, "Ehren");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_true (bb_search_hit_get_record_type (hit) == BB_TYPE_CONSULTATION);
  g_assert_cmpint (bb_search_hit_get_id (hit), ==, visit);
  g_assert_cmpstr (bb_search_hit_get_title (hit), ==, "Haus Mühlenweg");
  g_assert_cmpstr (bb_search_hit_get_date (hit), ==, "2025-05-06T10:00");
  g_assert_nonnull (strstr (bb_search_hit_get_snippet (hit), "\002Ehrenamtliche\003"));
  g_clear_object (&hit);
  g_clear_object (&hits);

  hits = search (store, "schlüssel ehrenamt");
  g_assert_true (hits_contain (hits, BB_TYPE_CONSULTATION, visit));
  g_clear_object (&hits);

  /* Umlauts both ways. */
  hits = search (store, "uberg");
  g_assert_true (hits_contain (hits, BB_TYPE_CONSULTATION, visit));
  g_clear_object (&hits);
  hits = search (store, "ulku");
  g_assert_true (hits_contain (hits, BB_TYPE_PERSON, person));
  g_clear_object (&hits);
  hits = search (store, "Mühl");
  g_assert_true (hits_contain (hits, BB_TYPE_SHELTER, other));
  g_clear_object (&hits);
  hits = search (store, "MUHLENWEG");
  g_assert_true (hits_contain (hits, BB_TYPE_SHELTER, other));
  g_clear_object (&hits);

  /* A title match ranks above a match in the body. */
  hits = search (store, "gartenhaus");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  hit = g_list_model_get_item (hits, 0);
  g_assert_true (bb_search_hit_get_record_type (hit) == BB_TYPE_SHELTER);
  g_assert_cmpint (bb_search_hit_get_id (hit), ==, garden);
  g_assert_cmpstr (bb_search_hit_get_title (hit), ==, "Gartenhaus");
  g_clear_object (&hit);
  g_clear_object (&hits);

  /* Nothing to search for, and words that are FTS5 syntax elsewhere. */
  hits = search (store, "");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);
  hits = search (store, "  ,;  ");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);

  {
    const char *hostile[] = { "\"", "\"foo", "NEAR(", "NEAR(a b)", "a OR", "*", "-x", "AND",
                              "title:garten", "^garten", "(", ")", "'", "{title}: x", "\\",
                              "garten\" OR \"haus", NULL };

    for (guint i = 0; hostile[i] != NULL; i++)
      {
        g_autoptr(GListModel) result = bb_store_search (store, hostile[i], 20, &error);

        g_assert_no_error (error);
        g_assert_nonnull (result);
      }
  }

  /* Quotes are no syntax either: the words are still found. */
  hits = search (store, "\"garten");
  g_assert_true (hits_contain (hits, BB_TYPE_SHELTER, garden));
  g_clear_object (&hits);

  /* The index follows updates and deletes. */
  shelter = bb_store_get (store, BB_TYPE_SHELTER, garden, &error);
  bb_shelter_set_name (shelter, "Sommerhaus");
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  hits = search (store, "sommer");
  g_assert_true (hits_contain (hits, BB_TYPE_SHELTER, garden));
  g_clear_object (&hits);
  hits = search (store, "gartenhaus");
  g_assert_false (hits_contain (hits, BB_TYPE_SHELTER, garden));
  g_clear_object (&hits);

  g_assert_true (bb_store_delete (store, BB_TYPE_CONSULTATION, visit, &error));
  hits = search (store, "ehrenamt");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);

  /* A consultation of a deleted shelter is titled with its former name. */
  visit = add_consultation (store, "2025-06-07T11:00", other, "Nachgespräch");
  g_assert_true (bb_store_delete (store, BB_TYPE_SHELTER, other, &error));
  hits = search (store, "nachgespräch");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (bb_search_hit_get_title (hit), ==, "Haus Mühlenweg");
  g_assert_cmpstr (bb_search_hit_get_date (hit), ==, "2025-06-07T11:00");
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;

  g_assert_true (bb_store_begin (store, &error));
  for (guint i = 0; i < 30; i++)
    add_consultation (store, "2025-01-01T10:00", 0, "Wohnungssuche");
  g_assert_true (bb_store_commit (store, &error));

  hits = bb_store_search (store, "wohnung", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 5);
  g_clear_object (&hits);

  /* 0 means no limit. */
  hits = bb_store_search (store, "wohnung", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 30);
}

static gboolean
add_many_consultations (gpointer   user_data,
                        GError   **error)
{
  for (guint i = 0; i < 2100; i++)
    add_consultation (user_data, "2025-01-01T10:00", 0, i % 2 ? "Wohnungssuche" : "Wohnen im Kiez");

  return TRUE;
}

/* More than 2,000 matches are not ranked (that would read every match): names that match
 * come first, then the others in the index's order; fewer matches are ranked as before. */
static void
test_search_many (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(BbSearchHit) first = NULL;
  g_autoptr(BbSearchHit) second = NULL;
  g_autoptr(BbSearchHit) last = NULL;
  gint64 person, shelter;

  g_assert_true (bb_store_begin (store, &error));
  g_assert_true (_bb_store_bulk_load (store, add_many_consultations, store, &error));
  g_assert_true (bb_store_commit (store, &error));
  g_assert_no_error (error);
  person = bb_test_add_person (store, "Ada", "Wohlfahrt");
  shelter = add_shelter (store, "Haus Wohnpark");

  hits = bb_store_search (store, "woh", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 10);
  first = g_list_model_get_item (hits, 0);
  second = g_list_model_get_item (hits, 1);
  last = g_list_model_get_item (hits, 9);
  /* Shelters come before people in the index (ref * 4 + 0, + 1) */
  g_assert_true (bb_search_hit_get_record_type (first) == BB_TYPE_SHELTER);
  g_assert_cmpint (bb_search_hit_get_id (first), ==, shelter);
  g_assert_true (bb_search_hit_get_record_type (second) == BB_TYPE_PERSON);
  g_assert_cmpint (bb_search_hit_get_id (second), ==, person);
  g_assert_true (bb_search_hit_get_record_type (last) == BB_TYPE_CONSULTATION);
  g_assert_nonnull (strstr (bb_search_hit_get_snippet (last), "\002Woh"));
  g_clear_object (&hits);

  hits = bb_store_search (store, "woh", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2102);
  g_clear_object (&hits);

  /* 1,050 matches are ranked: the name first, through the weight of the title. */
  hits = bb_store_search (store, "wohnungs", 3, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);
  g_clear_object (&hits);
  g_assert_true (bb_store_update (store, g_object_new (BB_TYPE_PERSON, "id", person,
                                                       "given-name", "Wohnungsamt",
                                                       "family-name", "Mitte", NULL), &error));
  hits = bb_store_search (store, "wohnungs", 3, &error);
  g_clear_object (&first);
  first = g_list_model_get_item (hits, 0);
  g_assert_true (bb_search_hit_get_record_type (first) == BB_TYPE_PERSON);
  g_assert_cmpfloat (bb_search_hit_get_rank (first), <, 0);
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

typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static char *
shelter_name_at (GListModel *list,
                 guint       position)
{
  g_autoptr(BbShelter) shelter = g_list_model_get_item (list, position);

  return g_strdup (bb_shelter_get_name (shelter));
}

static void
test_list_changes (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(BbShelter) shelter = NULL;
  g_autofree char *name = NULL;
  ItemsChanged changed = { 0 };
  gint64 anker, delta;

  anker = add_shelter (store, "Anker");
  add_shelter (store, "Brücke");
  add_shelter (store, "Chaussee");
  delta = add_shelter (store, "Delta");

  list = bb_store_list (store, BB_TYPE_SHELTER);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_null (g_list_model_get_item (list, 4));

  /* Records are read when asked for, not when the list is made: a change behind the store's
   * back (no commit, so no signal) shows in a row not loaded before. */
  g_assert_cmpint (sqlite3_exec (sqlite3_db_handle (_bb_store_prepare (store, "SELECT 1", NULL)),
                                 "UPDATE shelter SET notes = 'direkt' WHERE name = 'Delta'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  shelter = g_list_model_get_item (list, 3);
  g_assert_cmpstr (bb_shelter_get_notes (shelter), ==, "direkt");
  g_assert_cmpuint (changed.n_calls, ==, 0);

  /* Insert in the middle. */
  add_shelter (store, "Bogen");
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  name = shelter_name_at (list, 1);
  g_assert_cmpstr (name, ==, "Bogen");
  g_clear_pointer (&name, g_free);

  /* Update in place: the row is replaced where it is. */
  changed.n_calls = 0;
  bb_shelter_set_capacity (shelter, 33);
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_clear_object (&shelter);
  shelter = g_list_model_get_item (list, 4);
  g_assert_cmpint (bb_shelter_get_capacity (shelter), ==, 33);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (shelter)), ==, delta);

  /* A rename moves the row: the range between old and new position changes. */
  changed.n_calls = 0;
  bb_shelter_set_name (shelter, "Aal");
  g_assert_true (bb_store_update (store, BB_RECORD (shelter), &error));
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 5);
  g_assert_cmpuint (changed.added, ==, 5);
  name = shelter_name_at (list, 0);
  g_assert_cmpstr (name, ==, "Aal");
  g_clear_pointer (&name, g_free);

  /* Delete. */
  changed.n_calls = 0;
  g_assert_true (bb_store_delete (store, BB_TYPE_SHELTER, anker, &error));
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Changes of other tables leave the list alone. */
  changed.n_calls = 0;
  bb_test_add_person (store, "Kai", "Test");
  g_assert_cmpuint (changed.n_calls, ==, 0);
}

static void
test_list_order (Fixture       *fixture,
                 gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) consultations = NULL;
  g_autoptr(GListModel) followups = NULL;
  gint64 c1, c2, c3;
  const char *dues[] = { NULL, "2025-05-01", "2025-04-01" };
  const char *expected_dues[] = { "2025-04-01", "2025-05-01", NULL };

  bb_test_add_person (store, "Berta", "müller");
  bb_test_add_person (store, "Anton", "Müller");
  bb_test_add_person (store, "Carl", "Adler");
  people = bb_store_list (store, BB_TYPE_PERSON);
  {
    const char *expected[] = { "Carl Adler", "Anton Müller", "Berta müller" };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(BbRecord) record = g_list_model_get_item (people, i);
        g_autofree char *label = bb_record_dup_label (record);

        g_assert_cmpstr (label, ==, expected[i]);
      }
  }

  c1 = add_consultation (store, "2025-01-01T10:00", 0, NULL);
  c2 = add_consultation (store, "2025-03-01T10:00", 0, NULL);
  c3 = add_consultation (store, "2025-02-01T10:00", 0, NULL);
  consultations = bb_store_list (store, BB_TYPE_CONSULTATION);
  {
    gint64 expected[] = { c2, c3, c1 };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(BbRecord) record = g_list_model_get_item (consultations, i);

        g_assert_cmpint (bb_record_get_id (record), ==, expected[i]);
        g_assert_cmpuint (bb_record_list_find (BB_RECORD_LIST (consultations), expected[i]), ==, i);
      }
    g_assert_cmpuint (bb_record_list_find (BB_RECORD_LIST (consultations), c1 + c2 + c3), ==, G_MAXUINT);
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BbFollowup) followup = bb_followup_new ();

      g_object_set (followup, "consultation-id", c1, "text", "Anrufen", "due-on", dues[i], NULL);
      g_assert_true (bb_store_insert (store, BB_RECORD (followup), &error));
      g_assert_no_error (error);
    }
  followups = bb_store_list (store, BB_TYPE_FOLLOWUP);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BbFollowup) followup = g_list_model_get_item (followups, i);

      g_assert_cmpstr (bb_followup_get_due_on (followup), ==, expected_dues[i]);
    }
}

static void
test_list_related (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GListModel) followups = NULL;
  gint64 one = add_shelter (store, "Haus Eins");
  gint64 two = add_shelter (store, "Haus Zwei");
  gint64 people[3];
  gint64 consultation = add_consultation (store, "2025-01-01T10:00", one, NULL);
  ItemsChanged changed = { 0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();
      g_autofree char *given = g_strdup_printf ("Person %u", i);

      people[i] = bb_test_add_person (store, given, "Test");
      g_object_set (role, "person-id", people[i], "shelter-id", i < 2 ? one : two, NULL);
      g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));
    }

  roles = bb_store_list_related (store, BB_TYPE_PERSON_SHELTER, "shelter-id", one);
  g_signal_connect (roles, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BbPersonShelter) role = g_list_model_get_item (roles, i);

      g_assert_cmpint (bb_person_shelter_get_shelter_id (role), ==, one);
    }

  /* A role at another shelter does not touch the list; deleting a person does. */
  {
    g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();

    g_object_set (role, "person-id", people[0], "shelter-id", two, NULL);
    g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));
  }
  g_assert_cmpuint (changed.n_calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);

  g_assert_true (bb_store_delete (store, BB_TYPE_PERSON, people[0], &error));
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 1);

  followups = bb_store_list_related (store, BB_TYPE_FOLLOWUP, "consultation-id", consultation);
  g_assert_cmpuint (g_list_model_get_n_items (followups), ==, 0);
  {
    g_autoptr(BbFollowup) followup = bb_followup_new ();

    g_object_set (followup, "consultation-id", consultation, "text", "Nachfragen", NULL);
    g_assert_true (bb_store_insert (store, BB_RECORD (followup), &error));
  }
  g_assert_cmpuint (g_list_model_get_n_items (followups), ==, 1);
}

static void
test_list_related_bad_column (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GListModel *list;

  g_test_expect_message ("bb-store", G_LOG_LEVEL_CRITICAL, "*no foreign key property*");
  list = bb_store_list_related (fixture->store, BB_TYPE_PERSON_SHELTER, "role", 1);
  g_test_assert_expected_messages ();
  g_assert_null (list);

  g_test_expect_message ("bb-store", G_LOG_LEVEL_CRITICAL, "*no foreign key property*");
  list = bb_store_list_related (fixture->store, BB_TYPE_SHELTER, "id; DROP TABLE shelter", 1);
  g_test_assert_expected_messages ();
  g_assert_null (list);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, 0);
}

static void
test_list_large (Fixture       *fixture,
                 gconstpointer  user_data)
{
  BbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(BbConsultation) newest = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  ItemsChanged changed = { 0 };
  const guint n = 20000;
  gint64 id;

  g_assert_true (bb_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbConsultation) consultation = bb_consultation_new ();
      g_autofree char *started_at = g_strdup_printf ("2024-%02u-%02uT%02u:%02u",
                                                     1 + i % 12, 1 + i % 28, 8 + i % 10, i % 60);

      g_object_set (consultation,
                    "started-at", started_at,
                    "duration-minutes", 60,
                    "notes", "Gespräch über Ehrenamt, Deutschkurse und Kinderbetreuung.",
                    NULL);
      g_assert_true (bb_store_insert (store, BB_RECORD (consultation), &error));
    }
  g_assert_true (bb_store_commit (store, &error));
  g_test_message ("%u consultations inserted in %.2f s", n, g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  list = bb_store_list (store, BB_TYPE_CONSULTATION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_test_message ("listed in %.3f s", g_timer_elapsed (timer, NULL));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);

  /* One new row at the top is reported as exactly that. */
  id = add_consultation (store, "2026-01-01T09:00", 0, NULL);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  newest = g_list_model_get_item (list, 0);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (newest)), ==, id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open/new", Fixture, NULL, bb_test_store_set_up, test_open_new, bb_test_store_tear_down);
  g_test_add ("/store/crud/shelter", Fixture, NULL, bb_test_store_set_up, test_shelter_crud, bb_test_store_tear_down);
  g_test_add_func ("/store/record-types", test_record_types);
  g_test_add_func ("/store/open/default-path", test_open_default_path);
  g_test_add ("/store/open/modes", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_modes, bb_test_store_tear_down);
  g_test_add ("/store/open/empty-file", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_empty_file, bb_test_store_tear_down);
  g_test_add ("/store/open/reopen", Fixture, NULL, bb_test_store_set_up, test_open_reopen, bb_test_store_tear_down);
  g_test_add ("/store/open/too-new", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_too_new, bb_test_store_tear_down);
  g_test_add ("/store/open/too-new-wal", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_too_new_wal, bb_test_store_tear_down);
  g_test_add ("/store/open/text-file", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_text_file, bb_test_store_tear_down);
  g_test_add ("/store/open/random-bytes", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_random_bytes, bb_test_store_tear_down);
  g_test_add ("/store/open/migrate-with-backup", Fixture, NULL, bb_test_store_set_up, test_migrate_with_backup, bb_test_store_tear_down);
  g_test_add ("/store/open/migrate-failure", Fixture, NULL, bb_test_store_set_up, test_migrate_failure_rolls_back, bb_test_store_tear_down);
  g_test_add ("/store/open/migrate-minutes", Fixture, NULL, bb_test_store_set_up, test_migrate_minutes, bb_test_store_tear_down);
  g_test_add ("/store/open/migrate-search-sources", Fixture, NULL, bb_test_store_set_up, test_migrate_search_sources, bb_test_store_tear_down);
  g_test_add ("/store/undo/delete", Fixture, NULL, bb_test_store_set_up, test_undo_delete, bb_test_store_tear_down);
  g_test_add ("/store/undo/update-and-conflict", Fixture, NULL, bb_test_store_set_up, test_undo_update_and_conflict, bb_test_store_tear_down);
  g_test_add ("/store/count-tables", Fixture, NULL, bb_test_store_set_up, test_count_tables, bb_test_store_tear_down);
  g_test_add ("/store/open/foreign-database", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_open_foreign_database, bb_test_store_tear_down);
  g_test_add ("/store/open/backup", Fixture, NULL, bb_test_store_set_up, test_backup, bb_test_store_tear_down);
  g_test_add ("/store/crud/all-types", Fixture, NULL, bb_test_store_set_up, test_roundtrip_all_types, bb_test_store_tear_down);
  g_test_add ("/store/constraints", Fixture, NULL, bb_test_store_set_up, test_constraints, bb_test_store_tear_down);
  g_test_add ("/store/fk/delete-shelter", Fixture, NULL, bb_test_store_set_up, test_delete_shelter_keeps_consultations, bb_test_store_tear_down);
  g_test_add ("/store/fk/delete-person", Fixture, NULL, bb_test_store_set_up, test_delete_person_cascades, bb_test_store_tear_down);
  g_test_add ("/store/fk/delete-district", Fixture, NULL, bb_test_store_set_up, test_delete_district_in_use, bb_test_store_tear_down);
  g_test_add ("/store/transaction/nested-rollback", Fixture, NULL, bb_test_store_set_up, test_nested_rollback, bb_test_store_tear_down);
  g_test_add ("/store/transaction/failed-write", Fixture, NULL, bb_test_store_set_up, test_failed_write_in_transaction, bb_test_store_tear_down);
  g_test_add ("/store/changed/after-commit", Fixture, NULL, bb_test_store_set_up, test_changed_after_commit, bb_test_store_tear_down);
  g_test_add ("/store/changed/cascades", Fixture, NULL, bb_test_store_set_up, test_changed_cascades, bb_test_store_tear_down);
  g_test_add ("/store/links", Fixture, NULL, bb_test_store_set_up, test_links, bb_test_store_tear_down);
  g_test_add ("/store/meta", Fixture, NULL, bb_test_store_set_up, test_meta, bb_test_store_tear_down);
  g_test_add ("/store/labels", Fixture, NULL, bb_test_store_set_up, test_labels, bb_test_store_tear_down);
  g_test_add ("/store/search/basic", Fixture, NULL, bb_test_store_set_up, test_search, bb_test_store_tear_down);
  g_test_add ("/store/search/limit", Fixture, NULL, bb_test_store_set_up, test_search_limit, bb_test_store_tear_down);
  g_test_add ("/store/search/many", Fixture, NULL, bb_test_store_set_up, test_search_many, bb_test_store_tear_down);
  g_test_add ("/store/list/basic", Fixture, NULL, bb_test_store_set_up, test_list_basic, bb_test_store_tear_down);
  g_test_add ("/store/list/changes", Fixture, NULL, bb_test_store_set_up, test_list_changes, bb_test_store_tear_down);
  g_test_add ("/store/list/order", Fixture, NULL, bb_test_store_set_up, test_list_order, bb_test_store_tear_down);
  g_test_add ("/store/list/related", Fixture, NULL, bb_test_store_set_up, test_list_related, bb_test_store_tear_down);
  g_test_add ("/store/list/related-bad-column", Fixture, NULL, bb_test_store_set_up, test_list_related_bad_column, bb_test_store_tear_down);
  g_test_add ("/store/list/large", Fixture, NULL, bb_test_store_set_up, test_list_large, bb_test_store_tear_down);

  return g_test_run ();
}
