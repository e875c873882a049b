/* test-backup.c: restoring backups and the rotating automatic backups.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bb-core-resources.h"
#include "bb-core.h"
#include "bb-store-private.h"
#include "bb-test-core.h"

typedef BbTestStore Fixture;

static void
set_up_demo (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  bb_test_store_set_up (fixture, data);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_NOVEMBER, 2026);
  g_assert_true (bb_demo_generate (fixture->store, 0.1, 1, &date, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, mode);
}

/* Every table's row count, as "table=count;…". */
static char *
dup_counts (BbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = bb_store_count_tables (store, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      BbTableCount *count = g_ptr_array_index (counts, i);

      g_string_append_printf (text, "%s=%" G_GINT64_FORMAT ";", count->table, count->count);
    }

  return g_string_free (text, FALSE);
}

static void
assert_same_record (BbRecord *a,
                    BbRecord *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value_a, pspecs[i]->value_type);
      g_value_init (&value_b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &value_a);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &value_b);
      if (g_param_values_cmp (pspecs[i], &value_a, &value_b) != 0)
        g_error ("Property %s differs", pspecs[i]->name);
    }
}

/* No leftovers of a restore (its private folder) in the database's folder. */
static void
assert_no_work_folder (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".restore-"));
}

typedef struct
{
  GPtrArray *changed;
  guint      n_committed;
} Signals;

static void
on_changed (BbStore    *store,
            const char *table,
            gint64      id,
            Signals    *signals)
{
  g_ptr_array_add (signals->changed, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id));
}

static void
on_committed (BbStore *store,
              Signals *signals)
{
  signals->n_committed++;
}

static gboolean
has_string (GPtrArray  *array,
            const char *text)
{
  return g_ptr_array_find_with_equal_func (array, text, g_str_equal, NULL);
}

static void
test_restore_roundtrip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "Sicherung.sqlite3", NULL);
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *counts_before = dup_counts (fixture->store);
  g_autofree char *counts_changed = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GListModel) people = bb_store_list (fixture->store, BB_TYPE_PERSON);
  g_autoptr(BbShelter) shelter = NULL;
  g_autoptr(BbShelter) restored = NULL;
  g_autoptr(BbRecord) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  Signals signals = { changed, 0 };
  gint64 shelter_id = bb_test_query_int (fixture->store, "SELECT min(id) FROM shelter");
  gint64 consultation_id = bb_test_query_int (fixture->store, "SELECT max(id) FROM consultation");
  guint n_people = g_list_model_get_n_items (people);

  g_assert_cmpint (shelter_id, >, 0);
  before = bb_store_get (fixture->store, BB_TYPE_SHELTER, shelter_id, &error);
  g_assert_no_error (error);

  g_assert_true (bb_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);

  /* Changes after the backup: an edited shelter, a deleted consultation, a new person. */
  shelter = bb_store_get (fixture->store, BB_TYPE_SHELTER, shelter_id, &error);
  g_assert_no_error (error);
  bb_shelter_set_name (shelter, "Haus Geändert");
  bb_shelter_set_residents (shelter, 7);
  bb_shelter_set_notes (shelter, "Nach der Sicherung geändert");
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (shelter), &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_delete (fixture->store, BB_TYPE_CONSULTATION, consultation_id, &error));
  g_assert_no_error (error);
  bb_test_add_person (fixture->store, "Neu", "Nach Sicherung");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 1);
  counts_changed = dup_counts (fixture->store);
  g_assert_cmpstr (counts_changed, !=, counts_before);

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), &signals);
  g_signal_connect (fixture->store, "committed", G_CALLBACK (on_committed), &signals);

  g_assert_true (bb_store_restore (fixture->store, backup, &safety, &error));
  g_assert_no_error (error);

  g_signal_handlers_disconnect_by_data (fixture->store, &signals);

  /* The old data exactly: every table's rows, and every field of the shelter. */
  counts_after = dup_counts (fixture->store);
  g_assert_cmpstr (counts_after, ==, counts_before);
  restored = bb_store_get (fixture->store, BB_TYPE_SHELTER, shelter_id, &error);
  g_assert_no_error (error);
  assert_same_record (before, BB_RECORD (restored));
  g_assert_cmpstr (bb_shelter_get_name (restored), !=, "Haus Geändert");
  g_assert_nonnull (bb_store_get (fixture->store, BB_TYPE_CONSULTATION, consultation_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (fixture->store), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM pragma_integrity_check"
                                                      " WHERE integrity_check = 'ok'"), ==, 1);

  /* Every table reported as changed as a whole, once committed; lists follow. */
  g_assert_true (has_string (changed, "shelter:0"));
  g_assert_true (has_string (changed, "person:0"));
  g_assert_true (has_string (changed, "consultation:0"));
  g_assert_true (has_string (changed, "consultation_person:0"));
  g_assert_cmpuint (signals.n_committed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);

  /* Search finds the restored names again, and not the changed one. */
  {
    g_autoptr(GListModel) hits = bb_store_search (fixture->store, "Geändert", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
    g_clear_object (&hits);
    hits = bb_store_search (fixture->store, bb_shelter_get_name (restored), 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 1);
  }

  /* The safety copy holds the database as it was just before: private, in a private folder. */
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_prefix (safety, folder));
  assert_mode (folder, 0700);
  assert_mode (safety, 0600);
  g_assert_cmpint (bb_test_file_query_int (safety, "SELECT count(*) FROM person"), ==, n_people + 1);
  g_assert_cmpint (bb_test_file_query_int (safety, "SELECT count(*) FROM shelter"
                                                   " WHERE name = 'Haus Geändert'"), ==, 1);
  assert_no_work_folder (fixture->dir);

  /* Writing goes on as usual. */
  bb_test_add_person (fixture->store, "Noch", "Jemand");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 1);
}

static void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* A backup of the fixture's store with its bytes from offset on overwritten. */
static void
write_damaged (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (bb_store_backup (fixture->store, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* Pages in the middle of the tables' b-trees; the header stays intact. */
  g_assert_cmpuint (length, >, 16 * 4096);
  memset (contents + 8 * 4096, 0xA5, 4 * 4096);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *name;
    int         code;
  } cases[] = {
    { "garbage.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },
    { "empty.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },
    { "other-program.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },
    { "other-program-versioned.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },
    { "newer.sqlite3", BB_STORE_ERROR_TOO_NEW },
    { "damaged.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },
    { "wrong-index.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },
    { "test.sqlite3", BB_STORE_ERROR_NOT_A_DATABASE },   /* the database itself */
    { "missing.sqlite3", BB_STORE_ERROR_IO },
  };
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *counts = dup_counts (fixture->store);
  g_autofree char *newer_sql = g_strdup_printf ("PRAGMA user_version = %d",
                                                BB_STORE_SCHEMA_VERSION + 1);
  g_autofree char *name_before = bb_test_query_text (fixture->store,
                                                     "SELECT name FROM shelter ORDER BY id LIMIT 1");
  g_autoptr(GError) error = NULL;
  guchar garbage[8192];
  char *path;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guchar) g_test_rand_int_range (0, 256);

  path = g_build_filename (fixture->dir, "garbage.sqlite3", NULL);
  g_file_set_contents (path, (const char *) garbage, sizeof garbage, &error);
  g_assert_no_error (error);
  g_free (path);

  path = g_build_filename (fixture->dir, "empty.sqlite3", NULL);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_free (path);

  path = g_build_filename (fixture->dir, "other-program.sqlite3", NULL);
  write_sqlite (path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
  g_free (path);

  path = g_build_filename (fixture->dir, "other-program-versioned.sqlite3", NULL);
  write_sqlite (path, "CREATE TABLE shelter (name TEXT); PRAGMA user_version = 3;");
  g_free (path);

  path = g_build_filename (fixture->dir, "newer.sqlite3", NULL);
  g_assert_true (bb_store_backup (fixture->store, path, &error));
  g_assert_no_error (error);
  write_sqlite (path, newer_sql);
  g_free (path);

  path = g_build_filename (fixture->dir, "damaged.sqlite3", NULL);
  write_damaged (fixture, path);
  g_free (path);

  /* Opens and reads fine; only the integrity check finds that an index does not fit its
   * table's rows. */
  path = g_build_filename (fixture->dir, "wrong-index.sqlite3", NULL);
  g_assert_true (bb_store_backup (fixture->store, path, &error));
  g_assert_no_error (error);
  write_sqlite (path, "PRAGMA writable_schema = ON;"
                      " UPDATE sqlite_schema SET sql = 'CREATE INDEX ' || name || ' ON consultation (notes)'"
                      "  WHERE name = (SELECT name FROM sqlite_schema WHERE type = 'index'"
                      "   AND tbl_name = 'consultation' AND sql IS NOT NULL ORDER BY name LIMIT 1);");
  g_free (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autofree char *wal = g_strconcat (file, "-wal", NULL);
      g_autofree char *shm = g_strconcat (file, "-shm", NULL);
      g_autofree char *contents = NULL;
      g_autofree char *contents_after = NULL;
      g_autofree char *counts_after = NULL;
      g_autofree char *name_after = NULL;
      g_autofree char *safety = NULL;
      gsize length = 0, length_after = 0;
      gboolean exists = g_file_test (file, G_FILE_TEST_EXISTS);

      g_test_message ("Restoring %s", cases[i].name);
      if (exists)
        g_file_get_contents (file, &contents, &length, NULL);

      g_assert_false (bb_store_restore (fixture->store, file, &safety, &error));
      g_assert_error (error, BB_STORE_ERROR, cases[i].code);
      g_assert_null (safety);
      g_clear_error (&error);

      /* Nothing changed: the database, the refused file, no safety copy, no leftovers. */
      counts_after = dup_counts (fixture->store);
      g_assert_cmpstr (counts_after, ==, counts);
      name_after = bb_test_query_text (fixture->store, "SELECT name FROM shelter ORDER BY id LIMIT 1");
      g_assert_cmpstr (name_after, ==, name_before);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      assert_no_work_folder (fixture->dir);
      if (exists && !g_str_equal (cases[i].name, "test.sqlite3"))
        {
          g_file_get_contents (file, &contents_after, &length_after, &error);
          g_assert_no_error (error);
          g_assert_true (length == length_after && memcmp (contents, contents_after, length) == 0);
          g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
        }
    }
}

static void
test_restore_older_schema (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "version-4.sqlite3", NULL);
  g_autoptr(BbStore) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *minutes = NULL;
  gint64 old_id;

  bb_test_add_shelter (fixture->store, "Haus Neu", "Pankow");

  old = _bb_store_open_with_migrations (old_path, bb_core_get_resource (),
                                        "/berlin/beratungsforum/Brueckenbuch/migrations", 4,
                                        &error);
  g_assert_no_error (error);
  old_id = bb_test_add_shelter (old, "Haus Alt", "Spandau");
  /* Version 4 kept an event's minutes in the event itself. */
  g_assert_cmpint (bb_test_query_int (old, "INSERT INTO event (uid, kind, title, starts_at, ends_at,"
                                           " all_day, minutes) VALUES ('a@example.org', 'jour-fixe',"
                                           " 'Jour fixe', '2025-01-14T10:00', '2025-01-14T12:00', 0,"
                                           " 'Protokoll') RETURNING id"), >, 0);
  g_clear_object (&old);

  g_assert_true (bb_store_restore (fixture->store, old_path, NULL, &error));
  g_assert_no_error (error);

  /* Migrated to this program's schema. */
  g_assert_cmpint (bb_store_get_schema_version (fixture->store), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_test_query_int (fixture->store, "PRAGMA user_version"), ==, BB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (bb_test_find_by_name (fixture->store, BB_TYPE_SHELTER, "Haus Alt"), ==, old_id);
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM shelter WHERE name = 'Haus Neu'"), ==, 0);
  minutes = bb_test_query_text (fixture->store, "SELECT text FROM event_minutes");
  g_assert_cmpstr (minutes, ==, "Protokoll");

  /* The old file is left at its version. */
  g_assert_cmpint (bb_test_file_query_int (old_path, "PRAGMA user_version"), ==, 4);
}

static void
test_restore_open_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *other_path = NULL;
  g_autoptr(BbStore) other = bb_test_open_store (fixture->dir, "other.sqlite3", &other_path);
  g_autoptr(GError) error = NULL;

  /* The latest commits of a database still open are in its -wal file. */
  bb_test_add_shelter (other, "Haus Offen", "Mitte");
  g_assert_true (bb_store_restore (fixture->store, other_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_test_find_by_name (fixture->store, BB_TYPE_SHELTER, "Haus Offen"), >, 0);

  /* The other database goes on untouched. */
  bb_test_add_shelter (other, "Haus Zwei", "Mitte");
  g_assert_cmpint (bb_store_count (other, BB_TYPE_SHELTER), ==, 2);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, 1);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in folder that pattern matches, sorted. */
static GPtrArray *
list_names (const char *folder,
            const char *pattern)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_regex_match_simple (pattern, name, 0, 0))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

/* The backups of test.sqlite3 in November 2026 in folder, sorted. */
static GPtrArray *
list_backups (const char *folder)
{
  return list_names (folder, "^test-2026-11-\\d{2}\\.sqlite3$");
}

/* Writes "not ours" to each of names in folder, a file that must be left as it is. */
static void
write_foreign_files (const char         *folder,
                     const char * const *names,
                     guint               n_names)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_file_set_contents (path, "not ours", -1, &error);
      g_assert_no_error (error);
    }
}

static void
assert_foreign_files (const char         *folder,
                      const char * const *names,
                      guint               n_names)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);
      g_autofree char *contents = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, "not ours");
    }
}

/* Restore after restore, only the newest BB_STORE_SAFETY_COPIES_KEPT safety copies stay, the
 * one just made always; nothing else in the folder is touched. */
static void
test_restore_prune_safety_copies (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char * const foreign[] = {
    "notes.txt",
    "other-before-restore-2026-10-01-120000.sqlite3",   /* another database's */
    "test-before-restore-2026-10-01-120000.sqlite3.txt",
    "test-before-restore-2026-10-01-120000.sqlite3.part",
    "test-before-restore-2026-13-01-120000.sqlite3",    /* no date */
    "test-before-restore-2026-10-01-120000-1.sqlite3",  /* a number never given */
    "test-before-restore-2026-10-01-1200.sqlite3",
    "Test-before-restore-2026-10-01-120000.sqlite3",
  };
  const guint kept = BB_STORE_SAFETY_COPIES_KEPT;
  const char *safety_pattern = "^test-before-restore-.*\\.sqlite3$";
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *backup = g_build_filename (fixture->dir, "Sicherung.sqlite3", NULL);
  g_autofree char *old = g_build_filename (folder, "test-before-restore-2026-10-01-120000.sqlite3", NULL);
  g_autofree char *old_dir = g_build_filename (folder, "test-before-restore-2026-09-01-120000.sqlite3", NULL);
  g_autofree char *symlink_path = g_build_filename (folder, "test-before-restore-2026-08-01-120000.sqlite3", NULL);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 25, 9, 0, 0);
  g_autofree char *daily = NULL;
  g_autoptr(GError) error = NULL;

  bb_test_add_shelter (fixture->store, "Haus Ulme", "Mitte");
  g_assert_true (bb_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);

  /* Beside them: the day's automatic backup, other files, an older safety copy of ours, and
   * a folder and a link under the names of safety copies. */
  g_assert_true (bb_store_rotate_backups (fixture->store, NULL, 7, today, &daily, &error));
  g_assert_no_error (error);
  g_assert_nonnull (daily);
  write_foreign_files (folder, foreign, G_N_ELEMENTS (foreign));
  g_assert_true (bb_store_backup (fixture->store, old, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (old_dir, 0700), ==, 0);
  g_assert_cmpint (symlink (backup, symlink_path), ==, 0);

  /* kept + 2 restores, each with another shelter added before it. */
  for (guint i = 1; i <= kept + 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Haus Runde %u", i);
      g_autofree char *safety = NULL;

      bb_test_add_shelter (fixture->store, name, "Mitte");
      g_assert_true (bb_store_restore (fixture->store, backup, &safety, &error));
      g_assert_no_error (error);
      g_assert_nonnull (safety);
      g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
      assert_mode (safety, 0600);
      g_ptr_array_add (made, g_steal_pointer (&safety));

      /* The older one of ours counts among those kept; the folder and the link do not. The
       * pattern also matches three foreign files, the folder and the link. */
      g_clear_pointer (&names, g_ptr_array_unref);
      names = list_names (folder, safety_pattern);
      g_assert_cmpuint (names->len, ==, MIN (i + 1, kept) + 5);
      g_assert_cmpint (g_file_test (old, G_FILE_TEST_EXISTS), ==, i + 1 <= kept);
    }

  /* The newest kept safety copies are the last ones made, the newest holding the database as
   * it was just before the last restore. */
  for (guint i = 0; i < made->len; i++)
    g_assert_cmpint (g_file_test (g_ptr_array_index (made, i), G_FILE_TEST_EXISTS), ==,
                     i >= made->len - kept);
  {
    g_autofree char *name = g_strdup_printf ("Haus Runde %u", made->len);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM shelter WHERE name = '%s'", name);
    const char *newest = g_ptr_array_index (made, made->len - 1);

    g_assert_cmpint (bb_test_file_query_int (newest, sql), ==, 1);
    g_assert_cmpint (bb_test_file_query_int (newest, "SELECT count(*) FROM shelter"), ==, 2);
  }

  /* Nothing else is touched; all private. */
  assert_foreign_files (folder, foreign, G_N_ELEMENTS (foreign));
  g_assert_true (g_file_test (old_dir, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (symlink_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (daily, G_FILE_TEST_IS_REGULAR));
  assert_mode (daily, 0600);
  assert_mode (folder, 0700);
  for (guint i = made->len - kept; i < made->len; i++)
    assert_mode (g_ptr_array_index (made, i), 0600);

  /* The store holds the backup. */
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, 1);
}

/* The database at path made anew at schema version 1 with the real migrations, marked with
 * round in its meta table. */
static void
recreate_at_version_1 (const char *path,
                       guint       round)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO meta (key, value) VALUES ('round', '%u')", round);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }

  store = _bb_store_open_with_migrations (path, bb_core_get_resource (),
                                          "/berlin/beratungsforum/Brueckenbuch/migrations", 1,
                                          &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  write_sqlite (path, sql);
}

static void
migrate_to_version_2 (const char *path)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = _bb_store_open_with_migrations (path, bb_core_get_resource (),
                                          "/berlin/beratungsforum/Brueckenbuch/migrations", 2,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (store), ==, 2);
}

/* The round a copy before a migration was made in. */
static gint64
copy_round (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  assert_mode (path, 0600);
  g_assert_cmpint (bb_test_file_query_int (path, "PRAGMA user_version"), ==, 1);

  return bb_test_file_query_int (path, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'round'");
}

/* Migration after migration, only the newest BB_STORE_PRE_MIGRATION_COPIES_KEPT copies before
 * migrations stay beside the database (highest version, then highest number), the one just
 * made always; nothing else is touched. */
static void
test_migrate_prune_copies (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const foreign[] = {
    "notes.txt",
    "other.sqlite3.before-v2.bak",                      /* another database's */
    "test.sqlite3.before-v2.bak.txt",
    "test.sqlite3.before-v02.bak",
    "test.sqlite3.before-v2.1.bak",                     /* a number never given */
    "test.sqlite3.before-v2.bak-AbCdEf.part",           /* a copy cut short */
    "test.sqlite3.before-v.bak",
    "test-2026-11-20.sqlite3",
  };
  const guint kept = BB_STORE_PRE_MIGRATION_COPIES_KEPT;
  const char *copy_pattern = "^test\\.sqlite3\\.before-v.*\\.bak$";
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  guint rounds = kept + 2;

  g_assert_cmpuint (kept, ==, 3);
  write_foreign_files (fixture->dir, foreign, G_N_ELEMENTS (foreign));

  /* Migrating to version 2 again and again: each copy is numbered after the last, even
   * once the first are gone. */
  for (guint round = 1; round <= rounds; round++)
    {
      recreate_at_version_1 (fixture->path, round);
      migrate_to_version_2 (fixture->path);

      g_clear_pointer (&names, g_ptr_array_unref);
      names = list_names (fixture->dir, copy_pattern);
      /* The foreign .before-v02.bak, .before-v2.1.bak and .before-v.bak match too. */
      g_assert_cmpuint (names->len, ==, MIN (round, kept) + 3);
    }

  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "test.sqlite3.before-v.bak");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "test.sqlite3.before-v02.bak");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "test.sqlite3.before-v2.1.bak");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "test.sqlite3.before-v2.3.bak");
  g_assert_cmpstr (g_ptr_array_index (names, 4), ==, "test.sqlite3.before-v2.4.bak");
  g_assert_cmpstr (g_ptr_array_index (names, 5), ==, "test.sqlite3.before-v2.5.bak");
  g_assert_cmpint (copy_round (fixture->dir, "test.sqlite3.before-v2.3.bak"), ==, 3);
  g_assert_cmpint (copy_round (fixture->dir, "test.sqlite3.before-v2.4.bak"), ==, 4);
  g_assert_cmpint (copy_round (fixture->dir, "test.sqlite3.before-v2.5.bak"), ==, 5);

  /* Copies before later versions (the longer number is the greater) are newer than one
   * before version 2, which is still kept as the one just made. */
  {
    static const char * const later[] = { "test.sqlite3.before-v9.bak", "test.sqlite3.before-v10.bak" };
    g_autofree char *just_made = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (later); i++)
      {
        g_autofree char *path = g_build_filename (fixture->dir, later[i], NULL);

        g_file_set_contents (path, "a later copy", -1, &error);
        g_assert_no_error (error);
      }

    recreate_at_version_1 (fixture->path, rounds + 1);
    migrate_to_version_2 (fixture->path);

    g_clear_pointer (&names, g_ptr_array_unref);
    names = list_names (fixture->dir, "^test\\.sqlite3\\.before-v([1-9][0-9]*)(\\.[2-9][0-9]*)?\\.bak$");
    g_assert_cmpuint (names->len, ==, kept);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "test.sqlite3.before-v10.bak");
    g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "test.sqlite3.before-v2.6.bak");
    g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "test.sqlite3.before-v9.bak");
    g_assert_cmpint (copy_round (fixture->dir, "test.sqlite3.before-v2.6.bak"), ==, rounds + 1);
    just_made = g_build_filename (fixture->dir, "test.sqlite3.before-v2.6.bak", NULL);
    g_assert_true (g_file_test (just_made, G_FILE_TEST_IS_REGULAR));
  }

  assert_foreign_files (fixture->dir, foreign, G_N_ELEMENTS (foreign));
}

static void
test_rotate (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const others[] = {
    "notes.txt",
    "other-2026-10-01.sqlite3",                     /* another database's backup */
    "test-2026-10-01.sqlite3.txt",
    "test-2026-13-01.sqlite3",                      /* no date */
    "test-before-restore-2026-10-01-120000.sqlite3",
  };
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *part = g_build_filename (folder, "test-2026-10-31.sqlite3.part", NULL);
  g_autoptr(GError) error = NULL;
  const guint keep = 3;

  bb_test_add_shelter (fixture->store, "Haus Ulme", "Mitte");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_foreign_files (folder, others, G_N_ELEMENTS (others));
  /* Left by a backup that was cut off. */
  g_file_set_contents (part, "half", -1, &error);
  g_assert_no_error (error);

  for (guint day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 11, day, 8, 30, 0);
      g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 11, day, 23, 59, 0);
      g_autoptr(GPtrArray) names = NULL;
      g_autofree char *written = NULL;
      g_autofree char *again = NULL;
      g_autofree char *expected = g_strdup_printf ("%s/test-2026-11-%02u.sqlite3", folder, day);
      GStatBuf before, after;

      g_assert_true (bb_store_rotate_backups (fixture->store, folder, keep, morning, &written, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (written, ==, expected);
      assert_mode (written, 0600);
      assert_mode (folder, 0700);
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

      /* The newest keep days are there, and only they. */
      names = list_backups (folder);
      g_assert_cmpuint (names->len, ==, MIN (day, keep));
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *name = g_strdup_printf ("test-2026-11-%02u.sqlite3",
                                                   day - names->len + 1 + i);

          g_assert_cmpstr (g_ptr_array_index (names, i), ==, name);
        }

      /* Once a day: the second call writes nothing. */
      bb_test_add_shelter (fixture->store, "Haus des Tages", "Mitte");
      g_assert_cmpint (g_stat (written, &before), ==, 0);
      g_assert_true (bb_store_rotate_backups (fixture->store, folder, keep, evening, &again, &error));
      g_assert_no_error (error);
      g_assert_null (again);
      g_assert_cmpint (g_stat (written, &after), ==, 0);
      g_assert_cmpint (before.st_ino, ==, after.st_ino);
      g_assert_cmpint (before.st_size, ==, after.st_size);
      g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
    }

  /* Other files are never touched. */
  assert_foreign_files (folder, others, G_N_ELEMENTS (others));

  /* Fewer to keep: the oldest go. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_local (2026, 11, 10, 23, 59, 30);
    g_autoptr(GPtrArray) names = NULL;

    g_assert_true (bb_store_rotate_backups (fixture->store, folder, 1, later, NULL, &error));
    g_assert_no_error (error);
    names = list_backups (folder);
    g_assert_cmpuint (names->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "test-2026-11-10.sqlite3");
  }

  /* A backup is a whole database: the day's first state (the shelters added before it). */
  {
    g_autofree char *last = g_build_filename (folder, "test-2026-11-10.sqlite3", NULL);

    g_assert_cmpint (bb_test_file_query_int (last, "SELECT count(*) FROM shelter"), ==, 10);
  }
}

static void
test_rotate_default_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *expected_folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 25, 9, 0, 0);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (folder, ==, expected_folder);
  g_assert_true (bb_store_rotate_backups (fixture->store, NULL, 7, now, &written, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (written, folder));
  g_assert_true (g_str_has_suffix (written, "/test-2026-11-25.sqlite3"));
  assert_mode (folder, 0700);
  assert_mode (written, 0600);

  /* A backup can be restored. */
  bb_test_add_shelter (fixture->store, "Haus Später", "Mitte");
  g_assert_true (bb_store_restore (fixture->store, written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, 0);
}

static void
test_write_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Sicherung.sqlite3", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(GError) error = NULL;

  bb_test_add_shelter (fixture->store, "Haus Ulme", "Mitte");

  /* An older file there is replaced. */
  g_file_set_contents (path, "an older file", -1, &error);
  g_assert_no_error (error);
  g_assert_true (bb_store_write_backup (fixture->store, path, &error));
  g_assert_no_error (error);
  assert_mode (path, 0600);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_cmpint (bb_test_file_query_int (path, "SELECT count(*) FROM shelter WHERE name = 'Haus Ulme'"), ==, 1);

  /* Never the database itself. */
  g_assert_false (bb_store_write_backup (fixture->store, fixture->path, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, 1);
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM pragma_integrity_check"
                                                      " WHERE integrity_check = 'ok'"), ==, 1);
}

/* The restoring program of /backup/restore/crash: restores a and b into the database at path
 * by turns, for ever, and says "restored" and the microseconds it took after each. */
static int
run_restore_child (const char *path,
                   const char *a,
                   const char *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStore) store = bb_store_open (path, &error);

  for (guint i = 0; store != NULL; i++)
    {
      gint64 started = g_get_monotonic_time ();

      if (!bb_store_restore (store, i % 2 == 0 ? a : b, NULL, &error))
        break;
      g_print ("restored %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - started);
      fflush (stdout);
    }

  g_printerr ("restore child: %s\n", error != NULL ? error->message : "?");

  return 2;
}

/* What a database holds, to tell whole states apart: every table's rows and the shelters'
 * names in order. */
static char *
dup_state (BbStore *store)
{
  g_autofree char *counts = dup_counts (store);
  g_autofree char *names = bb_test_query_text (store, "SELECT group_concat (name, ',') FROM"
                                                      " (SELECT name FROM shelter ORDER BY id)");

  return g_strdup_printf ("%s|%s", counts, names);
}

static char *
make_state (const char *path,
            guint32     seed,
            double      scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStore) store = bb_store_open (path, &error);
  GDate date;

  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_NOVEMBER, 2026);
  g_assert_true (bb_demo_generate (store, scale, seed, &date, NULL, NULL, &error));
  g_assert_no_error (error);

  return dup_state (store);
}

/* A program restoring is killed at random moments; after each kill the database passes the
 * integrity check and is wholly one backup or the other, never a mix. */
static void
test_restore_crash (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *a = g_build_filename (fixture->dir, "a.sqlite3", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.sqlite3", NULL);
  g_autofree char *state_a = make_state (a, 1, 0.1);
  g_autofree char *state_b = make_state (b, 2, 0.05);
  guint n_a = 0, n_b = 0;

  g_assert_nonnull (program);
  g_assert_cmpstr (state_a, !=, state_b);

  for (guint round = 0; round < 10; round++)
    {
      const char *argv[] = { program, "--restore-child", fixture->path, a, b, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) output = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BbStore) store = NULL;
      g_autofree char *line = NULL;
      g_autofree char *state = NULL;
      gint64 took;

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);

      /* After one whole restore the database is a or b; then at any moment of the next two,
       * as long as the first took. */
      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (output, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (line, "restored "));
      took = g_ascii_strtoll (line + strlen ("restored "), NULL, 10);
      g_usleep ((gulong) g_test_rand_int_range (0, (gint32) CLAMP (2 * took, 1, G_MAXINT32)));
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (child));

      store = bb_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bb_test_query_int (store, "SELECT count(*) FROM pragma_integrity_check"
                                                 " WHERE integrity_check = 'ok'"), ==, 1);
      g_assert_cmpint (bb_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      state = dup_state (store);
      if (g_str_equal (state, state_a))
        n_a++;
      else if (g_str_equal (state, state_b))
        n_b++;
      else
        g_error ("Round %u: the database is neither backup", round);
    }

  g_test_message ("%u times the first backup, %u times the second", n_a, n_b);

  /* What the killed restores left of their private copies goes with the next restore. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BbStore) store = bb_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (bb_store_restore (store, b, NULL, &error));
    g_assert_no_error (error);
    assert_no_work_folder (fixture->dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && strcmp (argv[1], "--restore-child") == 0)
    return run_restore_child (argv[2], argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/write", Fixture, NULL, bb_test_store_set_up, test_write_backup, bb_test_store_tear_down);
  g_test_add ("/backup/restore/roundtrip", Fixture, NULL, set_up_demo, test_restore_roundtrip, bb_test_store_tear_down);
  g_test_add ("/backup/restore/refused", Fixture, NULL, set_up_demo, test_restore_refused, bb_test_store_tear_down);
  g_test_add ("/backup/restore/older-schema", Fixture, NULL, bb_test_store_set_up, test_restore_older_schema, bb_test_store_tear_down);
  g_test_add ("/backup/restore/crash", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_restore_crash, bb_test_store_tear_down);
  g_test_add ("/backup/restore/open-elsewhere", Fixture, NULL, bb_test_store_set_up, test_restore_open_elsewhere, bb_test_store_tear_down);
  g_test_add ("/backup/restore/prune-safety-copies", Fixture, NULL, bb_test_store_set_up, test_restore_prune_safety_copies, bb_test_store_tear_down);
  g_test_add ("/backup/migrate/prune-copies", Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, test_migrate_prune_copies, bb_test_store_tear_down);
  g_test_add ("/backup/rotate/days", Fixture, NULL, bb_test_store_set_up, test_rotate, bb_test_store_tear_down);
  g_test_add ("/backup/rotate/default-folder", Fixture, NULL, bb_test_store_set_up, test_rotate_default_folder, bb_test_store_tear_down);

  return g_test_run ();
}
