/* test-commands.c: the headless commands of the built program, without a display.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-commands"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <sqlite3.h>

#include "bb-core.h"
#include "bb-test-core.h"

/* A temporary folder (fixture->dir); the tests make their databases in it. */
typedef BbTestStore Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* G_MESSAGES_DEBUG of the program, if set. */
static const char *messages_debug;

/* Runs the program with a NULL-terminated list of arguments, no display and a private
 * XDG_DATA_HOME, so that nothing can touch the real database. */
static void
run (Fixture *fixture,
     Result  *result,
     ...)
{
  const char *program = g_getenv ("BB_PROGRAM");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, result);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir, TRUE);
  if (messages_debug != NULL)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", messages_debug, TRUE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Result) result = { 0, };
  g_auto(Result) short_result = { 0, };

  run (fixture, &result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "brueckenbuch " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");

  run (fixture, &short_result, "-v", NULL);
  g_assert_cmpint (short_result.status, ==, 0);
  g_assert_cmpstr (short_result.out, ==, "brueckenbuch " PACKAGE_VERSION "\n");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) result = { 0, };

  run (fixture, &result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < 5; i++)
    {
      static const char * const options[] = {
        "--version", "--database=PATH", "--create-demo=PATH", "--scale=FACTOR", "--counts",
      };

      g_assert_nonnull (strstr (result.out, options[i]));
    }
}

static void
test_create_demo_and_counts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.sqlite3", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", path);
  g_autofree char *database = g_strdup_printf ("--database=%s", path);
  g_auto(Result) created = { 0, };
  g_auto(Result) counted = { 0, };
  g_auto(GStrv) lines = NULL;
  guint n_tables = 0;

  run (fixture, &created, create, "--scale=0.1", "--seed=0", NULL);
  g_assert_cmpint (created.status, ==, 0);
  /* Not a terminal: no progress on stderr, one summary line on stdout. */
  g_assert_cmpstr (created.err, ==, "");
  g_assert_nonnull (strstr (created.out, "11 shelters"));
  g_assert_nonnull (strstr (created.out, "150 people"));
  g_assert_nonnull (strstr (created.out, "40 organisations"));
  g_assert_nonnull (strstr (created.out, "400 consultations"));
  g_assert_nonnull (strstr (created.out, "30 events"));
  g_assert_cmpint (bb_test_file_query_int (path, "SELECT count(*) FROM meta WHERE key = 'demo' AND value = '1'"),
                   ==, 1);

  run (fixture, &counted, database, "--counts", NULL);
  g_assert_cmpint (counted.status, ==, 0);
  g_assert_cmpstr (counted.err, ==, "");

  /* Every line is "table<TAB>count" and agrees with the database itself. */
  lines = g_strsplit (counted.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *sql = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (g_regex_match_simple ("^[a-z_]+$", fields[0], 0, 0));
      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", fields[0]);
      g_assert_cmpint (g_ascii_strtoll (fields[1], NULL, 10), ==, bb_test_file_query_int (path, sql));
      n_tables++;
    }
  g_assert_cmpuint (n_tables, >=, 14);
  g_assert_nonnull (strstr (counted.out, "shelter\t11\n"));
  g_assert_nonnull (strstr (counted.out, "person\t150\n"));
  g_assert_nonnull (strstr (counted.out, "organisation\t40\n"));
  g_assert_nonnull (strstr (counted.out, "consultation\t400\n"));
  g_assert_nonnull (strstr (counted.out, "event\t30\n"));
  g_assert_nonnull (strstr (counted.out, "district\t12\n"));
}

static void
test_create_demo_refuses_existing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", path);
  g_autofree char *contents = NULL;
  g_auto(Result) result = { 0, };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "not to be overwritten\n", -1, &error);
  g_assert_no_error (error);

  run (fixture, &result, create, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "already exists"));
  g_assert_cmpstr (result.out, ==, "");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "not to be overwritten\n");
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "future.sqlite3", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", path);
  g_autofree char *script = g_strdup_printf ("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                                             " PRAGMA user_version = %d;",
                                             BB_STORE_SCHEMA_VERSION + 1);
  g_auto(Result) result = { 0, };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, script, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run (fixture, &result, database, "--counts", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "newer version"));

  /* Refused and left as it was. */
  g_assert_cmpint (bb_test_file_query_int (path, "PRAGMA user_version"), ==, BB_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (bb_test_file_query_int (path, "SELECT count(*) FROM sqlite_master"), ==, 2);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_wrong_use (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.sqlite3", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", path);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.sqlite3", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", missing);
  g_auto(Result) scale_alone = { 0, };
  g_auto(Result) bad_seed = { 0, };
  g_auto(Result) bad_scale = { 0, };
  g_auto(Result) two_commands = { 0, };
  g_auto(Result) no_database = { 0, };
  g_auto(Result) no_value = { 0, };
  g_autofree char *option_file = g_build_filename (fixture->dir, "--seed=1", NULL);

  /* An option's value forgotten: the next option is not taken as a file name. */
  run (fixture, &no_value, "--create-demo", "--seed=1", NULL);
  g_assert_cmpint (no_value.status, ==, 1);
  g_assert_nonnull (strstr (no_value.err, "--create-demo needs a value"));
  g_assert_false (g_file_test (option_file, G_FILE_TEST_EXISTS));

  run (fixture, &scale_alone, "--scale=2", NULL);
  g_assert_cmpint (scale_alone.status, ==, 1);
  g_assert_nonnull (strstr (scale_alone.err, "--create-demo"));

  run (fixture, &bad_seed, create, "--seed=-1", NULL);
  g_assert_cmpint (bad_seed.status, ==, 1);
  g_assert_nonnull (strstr (bad_seed.err, "--seed"));

  run (fixture, &bad_scale, create, "--scale=0", NULL);
  g_assert_cmpint (bad_scale.status, ==, 1);
  g_assert_nonnull (strstr (bad_scale.err, "--scale"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run (fixture, &two_commands, "--version", "--counts", NULL);
  g_assert_cmpint (two_commands.status, ==, 1);
  g_assert_cmpstr (two_commands.out, ==, "");

  /* Counting never creates a database. */
  run (fixture, &no_database, database, "--counts", NULL);
  g_assert_cmpint (no_database.status, ==, 1);
  g_assert_nonnull (strstr (no_database.err, "no database"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
assert_private (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);
}

/* --backup, then a change, then --restore gives the backed-up data back; the database as it
 * was before the restore is kept. */
static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.sqlite3", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "Sicherung 1.sqlite3", NULL);
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.sqlite3", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", path);
  g_autofree char *database = g_strdup_printf ("--database=%s", path);
  g_autofree char *fresh_database = g_strdup_printf ("--database=%s", fresh);
  g_autofree char *backup_option = g_strdup_printf ("--backup=%s", backup);
  g_autofree char *restore_option = g_strdup_printf ("--restore=%s", backup);
  g_autofree char *safety = NULL;
  g_auto(Result) created = { 0, };
  g_auto(Result) backed_up = { 0, };
  g_auto(Result) restored = { 0, };
  g_auto(Result) restored_fresh = { 0, };
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *kept;
  gint64 n_consultations;

  run (fixture, &created, create, "--scale=0.1", NULL);
  g_assert_cmpint (created.status, ==, 0);
  n_consultations = bb_test_file_query_int (path, "SELECT count(*) FROM consultation");
  g_assert_cmpint (n_consultations, >, 0);

  run (fixture, &backed_up, database, backup_option, NULL);
  g_assert_cmpint (backed_up.status, ==, 0);
  g_assert_cmpstr (backed_up.err, ==, "");
  g_assert_nonnull (strstr (backed_up.out, "Backed up"));
  assert_private (backup);
  g_assert_cmpint (bb_test_file_query_int (backup, "SELECT count(*) FROM consultation"), ==, n_consultations);

  /* A change after the backup. */
  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bb_store_delete (store, BB_TYPE_CONSULTATION,
                                  bb_test_query_int (store, "SELECT max(id) FROM consultation"),
                                  &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run (fixture, &restored, database, restore_option, NULL);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_cmpstr (restored.err, ==, "");
  g_assert_nonnull (strstr (restored.out, "Restored"));
  g_assert_cmpint (bb_test_file_query_int (path, "SELECT count(*) FROM consultation"), ==, n_consultations);

  /* The safety copy named in the output holds the database as it was before. */
  kept = strstr (restored.out, "is kept in “");
  g_assert_nonnull (kept);
  safety = g_strndup (kept + strlen ("is kept in “"), strstr (kept, "”.") - kept - strlen ("is kept in “"));
  g_assert_true (g_str_has_prefix (safety, fixture->dir));
  assert_private (safety);
  g_assert_cmpint (bb_test_file_query_int (safety, "SELECT count(*) FROM consultation"), ==, n_consultations - 1);

  /* A lost database comes back into a new file. */
  run (fixture, &restored_fresh, fresh_database, restore_option, NULL);
  g_assert_cmpint (restored_fresh.status, ==, 0);
  g_assert_cmpint (bb_test_file_query_int (fresh, "SELECT count(*) FROM consultation"), ==, n_consultations);
  assert_private (fresh);
}

/* What is not a backup is refused with a message, and nothing changes. */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *message;
  } cases[] = {
    { "garbage.sqlite3", "is not a Brückenbuch backup" },
    { "newer.sqlite3", "newer version" },
    { "missing.sqlite3", "There is no file" },
  };
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autofree char *missing_database = g_build_filename (fixture->dir, "none.sqlite3", NULL);
  g_autofree char *missing_option = g_strdup_printf ("--database=%s", missing_database);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.sqlite3", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.sqlite3", NULL);
  g_autofree char *newer_sql = g_strdup_printf ("PRAGMA user_version = %d", BB_STORE_SCHEMA_VERSION + 1);
  g_autoptr(BbStore) store = bb_test_open_store (fixture->dir, "own.sqlite3", &path);
  g_autoptr(GError) error = NULL;
  g_auto(Result) no_file = { 0, };
  sqlite3 *db = NULL;

  database = g_strdup_printf ("--database=%s", path);
  bb_test_add_shelter (store, "Haus Ulme", "Mitte");
  g_assert_true (bb_store_backup (store, newer, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, newer_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_set_contents (garbage, "Dies ist keine Datenbank.\n", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autofree char *option = g_strdup_printf ("--restore=%s", file);
      g_auto(Result) result = { 0, };
      g_auto(Result) into_missing = { 0, };

      run (fixture, &result, database, option, NULL);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_nonnull (strstr (result.err, cases[i].message));
      g_assert_nonnull (strstr (result.err, "Nothing has been changed"));
      g_assert_cmpint (bb_test_file_query_int (path, "SELECT count(*) FROM shelter WHERE name = 'Haus Ulme'"), ==, 1);

      /* Into a database that did not exist: none is left behind. */
      run (fixture, &into_missing, missing_option, option, NULL);
      g_assert_cmpint (into_missing.status, ==, 1);
      g_assert_false (g_file_test (missing_database, G_FILE_TEST_EXISTS));
    }

  run (fixture, &no_file, database, "--restore=", NULL);
  g_assert_cmpint (no_file.status, ==, 1);
  g_assert_nonnull (strstr (no_file.err, "--restore needs"));
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;

  return n;
}

/* The calendar leaves as iCalendar and comes back: --export-ics, --import-ics with and
 * without --dry-run, and a broken file refused with its line. */
static void
test_ics_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.sqlite3", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.sqlite3", NULL);
  g_autofree char *ics = g_build_filename (fixture->dir, "all.ics", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.ics", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.ics", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", demo);
  g_autofree char *demo_db = g_strdup_printf ("--database=%s", demo);
  g_autofree char *empty_db = g_strdup_printf ("--database=%s", empty);
  g_autofree char *export = g_strdup_printf ("--export-ics=%s", ics);
  g_autofree char *export_again = g_strdup_printf ("--export-ics=%s", again);
  g_autofree char *import = g_strdup_printf ("--import-ics=%s", ics);
  g_autofree char *import_broken = g_strdup_printf ("--import-ics=%s", broken);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(Result) created = { 0, };
  g_auto(Result) exported = { 0, };
  g_auto(Result) planned = { 0, };
  g_auto(Result) imported = { 0, };
  g_auto(Result) exported_again = { 0, };
  g_auto(Result) refused = { 0, };
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_events;

  run (fixture, &created, create, "--scale=0.1", NULL);
  g_assert_cmpint (created.status, ==, 0);
  n_events = bb_test_file_query_int (demo, "SELECT count(*) FROM event");
  g_assert_cmpint (n_events, >, 0);

  run (fixture, &exported, demo_db, export, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_file_get_contents (ics, &first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count_lines_starting (first, "BEGIN:VEVENT"), ==,
                    n_events + bb_test_file_query_int (demo, "SELECT count(*) FROM event_override"));

  /* An empty database of ours to import into. */
  store = bb_store_open (empty, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  run (fixture, &planned, empty_db, import, "--dry-run", NULL);
  g_assert_cmpint (planned.status, ==, 0);
  g_assert_cmpstr (planned.out, !=, "");
  g_assert_cmpint (bb_test_file_query_int (empty, "SELECT count(*) FROM event"), ==, 0);

  run (fixture, &imported, empty_db, import, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpint (bb_test_file_query_int (empty, "SELECT count(*) FROM event"), ==, n_events);

  run (fixture, &exported_again, empty_db, export_again, NULL);
  g_assert_cmpint (exported_again.status, ==, 0);
  g_file_get_contents (again, &second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines_starting (second, "BEGIN:VEVENT"), ==,
                    count_lines_starting (first, "BEGIN:VEVENT"));
  g_assert_cmpuint (count_lines_starting (second, "UID:"), ==, count_lines_starting (first, "UID:"));

  g_file_set_contents (broken, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                               "DTSTART:2026010\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", -1, &error);
  g_assert_no_error (error);
  run (fixture, &refused, demo_db, import_broken, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "5"));
  g_assert_cmpint (bb_test_file_query_int (demo, "SELECT count(*) FROM event"), ==, n_events);
}

/* Hostile files (tests/test-hostile.c has them all) on the command line: refused with the
 * message on stderr and exit status 1, the database unchanged; Windows-1252 read; a rule that
 * cannot be read skipped with its reason in the plan. */
static void
test_ics_hostile (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *text; const char *message; } refused[] = {
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Mars/Olympus:20260301T100000\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n", "Unknown time zone “Mars/Olympus”" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260301T250000\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n", "Line 4: DTSTART has no valid date or time: 20260301T250000" },
    { "\x89PNG\r\n\x1a\n\x01\x02", "Line 1: The file is not UTF-8 text" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=DAILY;INTERVAL=65537\r\n",
      "Line 3: The repeat rule has a number out of range: FREQ=DAILY;INTERVAL=65537" },
  };
  static const char windows[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cp1252\r\nSUMMARY:Begr\xfc\xdf" "ung\r\n"
    "DTSTART:20260301T100000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:rule\r\nSUMMARY:Regel\r\nDTSTART:20260301T100000Z\r\nRRULE:FREQ=DAILY;COUNT=0\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autofree char *db = g_build_filename (fixture->dir, "hostile.sqlite3", NULL);
  g_autofree char *db_option = g_strdup_printf ("--database=%s", db);
  g_autofree char *large = g_build_filename (fixture->dir, "large.ics", NULL);
  g_autofree char *large_option = g_strdup_printf ("--import-ics=%s", large);
  g_autofree char *cp1252 = g_build_filename (fixture->dir, "cp1252.ics", NULL);
  g_autofree char *cp1252_option = g_strdup_printf ("--import-ics=%s", cp1252);
  g_auto(Result) too_large = { 0, };
  g_auto(Result) planned = { 0, };
  g_auto(Result) imported = { 0, };
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  store = bb_store_open (db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/hostile-%u.ics", fixture->dir, i);
      g_autofree char *option = g_strdup_printf ("--import-ics=%s", path);
      g_auto(Result) result = { 0, };

      g_assert_true (g_file_set_contents (path, refused[i].text, -1, &error));
      run (fixture, &result, db_option, option, NULL);
      g_test_message ("%s", result.err);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, refused[i].message));
    }

  /* 50 MB (sparse): refused by its size before it is read */
  fd = g_open (large, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  run (fixture, &too_large, db_option, large_option, NULL);
  g_assert_cmpint (too_large.status, ==, 1);
  g_assert_nonnull (strstr (too_large.err, "The file is larger than 16 MB"));
  g_assert_cmpint (bb_test_file_query_int (db, "SELECT count(*) FROM event"), ==, 0);

  /* Windows-1252; the rule libical cannot read is skipped, saying so */
  g_assert_true (g_file_set_contents (cp1252, windows, -1, &error));
  run (fixture, &planned, db_option, cp1252_option, "--dry-run", NULL);
  g_assert_cmpint (planned.status, ==, 0);
  g_assert_nonnull (strstr (planned.out, "Begrüßung\tNew event"));
  g_assert_nonnull (strstr (planned.out, "RRULE cannot be read: FREQ=DAILY;COUNT=0"));
  run (fixture, &imported, db_option, cp1252_option, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpint (bb_test_file_query_int (db, "SELECT count(*) FROM event WHERE title = 'Begrüßung'"), ==, 1);
  g_assert_cmpint (bb_test_file_query_int (db, "SELECT count(*) FROM event"), ==, 1);
}

/* The DSGVO commands: the Auskunft of a person, erasing them, deleting old consultations. */
static void
test_privacy (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.sqlite3", NULL);
  g_autofree char *auskunft = g_build_filename (fixture->dir, "auskunft.txt", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", demo);
  g_autofree char *database = g_strdup_printf ("--database=%s", demo);
  g_autofree char *output = g_strdup_printf ("--output=%s", auskunft);
  g_autofree char *export = NULL;
  g_autofree char *erase = NULL;
  g_autofree char *family = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *old_prefix = NULL;
  g_autoptr(BbStore) store = NULL;
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) created = { 0, };
  g_auto(Result) exported = { 0, };
  g_auto(Result) unknown = { 0, };
  g_auto(Result) no_output = { 0, };
  g_auto(Result) stray = { 0, };
  g_auto(Result) asked = { 0, };
  g_auto(Result) erased = { 0, };
  g_auto(Result) counted = { 0, };
  g_auto(Result) deleted = { 0, };
  gint64 person_id, n_old;
  GStatBuf st;

  run (fixture, &created, create, "--scale=0.1", NULL);
  g_assert_cmpint (created.status, ==, 0);
  person_id = bb_test_file_query_int (demo, "SELECT person_id FROM consultation_person"
                                            " GROUP BY person_id ORDER BY count(*) DESC LIMIT 1");
  store = bb_store_open (demo, &error);
  g_assert_no_error (error);
  person = bb_store_get (store, BB_TYPE_PERSON, person_id, &error);
  g_assert_no_error (error);
  family = g_strdup (bb_person_get_family_name (person));
  g_clear_object (&store);

  export = g_strdup_printf ("--export-person=%" G_GINT64_FORMAT, person_id);
  run (fixture, &exported, database, export, output, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.err, ==, "");
  g_assert_nonnull (strstr (exported.out, "Wrote the personal data of person"));
  g_assert_null (strstr (exported.out, family));
  g_assert_cmpint (g_stat (auskunft, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (auskunft, &contents, NULL, &error));
  expected = g_strdup_printf ("Family name: %s\n", family);
  g_assert_nonnull (strstr (contents, expected));
  g_assert_nonnull (strstr (contents, "Consultations Taken Part In"));

  run (fixture, &unknown, database, "--export-person=999999", output, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "There is no person with id 999999."));
  run (fixture, &no_output, database, export, NULL);
  g_assert_cmpint (no_output.status, ==, 1);
  g_assert_nonnull (strstr (no_output.err, "--export-person needs --output"));
  run (fixture, &stray, database, "--yes", NULL);
  g_assert_cmpint (stray.status, ==, 1);
  g_assert_nonnull (strstr (stray.err, "--yes only works together with --erase-person"));

  /* Without --yes: the notes that mention them, and nothing changes. */
  erase = g_strdup_printf ("--erase-person=%" G_GINT64_FORMAT, person_id);
  run (fixture, &asked, database, erase, NULL);
  g_assert_cmpint (asked.status, ==, 0);
  g_assert_nonnull (strstr (asked.out, "Nothing was erased. Add --yes"));
  sql = g_strdup_printf ("SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT, person_id);
  g_assert_cmpint (bb_test_file_query_int (demo, sql), ==, 1);

  run (fixture, &erased, database, erase, "--yes", NULL);
  g_assert_cmpint (erased.status, ==, 0);
  g_assert_nonnull (strstr (erased.out, "everywhere."));
  g_assert_null (strstr (erased.out, family));
  g_assert_cmpint (bb_test_file_query_int (demo, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM consultation_person WHERE person_id = %"
                         G_GINT64_FORMAT, person_id);
  g_assert_cmpint (bb_test_file_query_int (demo, sql), ==, 0);

  /* Old consultations: counted, then deleted with --yes. */
  n_old = bb_test_file_query_int (demo, "SELECT count(*) FROM consultation"
                                        " WHERE started_at < date ('now', 'localtime', '-1 year')");
  g_assert_cmpint (n_old, >, 0);
  run (fixture, &counted, database, "--delete-old-consultations=1", NULL);
  g_assert_cmpint (counted.status, ==, 0);
  old_prefix = g_strdup_printf ("%" G_GINT64_FORMAT " consultations from before ", n_old);
  g_assert_true (g_str_has_prefix (counted.out, old_prefix));
  g_assert_cmpint (bb_test_file_query_int (demo, "SELECT count(*) FROM consultation"
                                                 " WHERE started_at < date ('now', 'localtime',"
                                                 " '-1 year')"), ==, n_old);
  run (fixture, &deleted, database, "--delete-old-consultations=1", "--yes", NULL);
  g_assert_cmpint (deleted.status, ==, 0);
  g_assert_nonnull (strstr (deleted.out, "Deleted "));
  g_assert_cmpint (bb_test_file_query_int (demo, "SELECT count(*) FROM consultation"
                                                 " WHERE started_at < date ('now', 'localtime',"
                                                 " '-1 year')"), ==, 0);
  g_assert_cmpint (bb_test_file_query_int (demo, "SELECT count(*) FROM consultation"), >, 0);
}

/* The words of text, casefolded, at least min_length characters long. */
static void
add_text_words (GHashTable *words,
                const char *text,
                guint       min_length)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0 && g_utf8_strlen (word->str, -1) >= min_length)
        g_hash_table_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
}

/* The same for the texts in the first column of a query on the database at path. */
static void
add_words (GHashTable *words,
           const char *path,
           const char *sql,
           guint       min_length)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_text_words (words, (const char *) sqlite3_column_text (stmt, 0), min_length);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* No log line and no output of the program names a person or quotes a note: the commands run
 * on demo data with every debug message on, and every word of what they print is compared with
 * the names and the note words of the database (words of what the commands rightly print —
 * shelters, districts, event titles, topics — excepted). */
static void
test_logs_private (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.sqlite3", NULL);
  g_autofree char *create = g_strdup_printf ("--create-demo=%s", demo);
  g_autofree char *database = g_strdup_printf ("--database=%s", demo);
  g_autofree char *export_person = NULL;
  g_autofree char *erase_person = NULL;
  g_autoptr(GHashTable) secret = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) public = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) printed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  const char *files[] = { "all.ics", "bericht.csv", "bericht.pdf", "auskunft.txt", "copy.sqlite3" };
  GHashTableIter iter;
  gpointer word;
  gint64 person_id;
  guint n_secret = 0;

  messages_debug = "all";

  {
    g_auto(Result) created = { 0, };

    run (fixture, &created, create, "--scale=0.1", NULL);
    g_assert_cmpint (created.status, ==, 0);
    g_string_append_printf (all, "%s\n%s\n", created.out, created.err);
  }

  add_words (secret, demo, "SELECT given_name FROM person", 1);
  add_words (secret, demo, "SELECT family_name FROM person", 1);
  add_words (secret, demo, "SELECT email FROM person", 4);
  add_words (secret, demo, "SELECT notes FROM person", 5);
  add_words (secret, demo, "SELECT notes FROM consultation", 5);
  add_words (secret, demo, "SELECT text FROM followup", 5);
  add_words (secret, demo, "SELECT note FROM relation", 5);
  add_words (public, demo, "SELECT name FROM shelter", 1);
  add_words (public, demo, "SELECT name FROM district", 1);
  add_words (public, demo, "SELECT name FROM region", 1);
  add_words (public, demo, "SELECT name FROM topic", 1);
  add_words (public, demo, "SELECT title FROM event", 1);
  add_words (public, demo, "SELECT name FROM sqlite_master", 1);
  add_words (public, demo, "SELECT name FROM organisation", 1);

  person_id = bb_test_file_query_int (demo, "SELECT person_id FROM consultation_person"
                                            " GROUP BY person_id ORDER BY count(*) DESC LIMIT 1");
  export_person = g_strdup_printf ("--export-person=%" G_GINT64_FORMAT, person_id);
  erase_person = g_strdup_printf ("--erase-person=%" G_GINT64_FORMAT, person_id);

  {
    const char * const commands[][5] = {
      { "--counts" },
      { "--export-ics=all.ics" },
      { "--import-ics=all.ics", "--dry-run" },
      { "--import-ics=all.ics" },
      { "--report=csv", "--from=2025-01-01", "--to=2026-12-31", "--output=bericht.csv" },
      { "--report=pdf", "--from=2025-01-01", "--to=2026-12-31", "--output=bericht.pdf" },
      { "--backup=copy.sqlite3" },
      { export_person, "--output=auskunft.txt" },
      { erase_person },
      { erase_person, "--yes" },
      { "--delete-old-consultations=1" },
      { "--delete-old-consultations=1", "--yes" },
      { "--export-person=999999", "--output=nobody.txt" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_auto(Result) result = { 0, };

        run (fixture, &result, database, commands[i][0], commands[i][1], commands[i][2],
             commands[i][3], commands[i][4], NULL);
        g_string_append_printf (all, "%s\n%s\n", result.out, result.err);
      }
  }
  messages_debug = NULL;

  /* Debug messages were on, so the check sees what a log would see. */
  g_assert_nonnull (strstr (all->str, "-DEBUG: "));
  g_assert_nonnull (strstr (all->str, "Erased person"));

  add_text_words (printed, all->str, 1);

  g_hash_table_iter_init (&iter, secret);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      if (g_hash_table_contains (public, word))
        continue;
      n_secret++;
      if (g_hash_table_contains (printed, word))
        g_error ("The output of the commands contains “%s”, a name or note word of the "
                 "database:\n%s", (const char *) word, all->str);
    }
  g_assert_cmpuint (n_secret, >, 500);

  /* Every file the commands made from the database is private. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, files[i], NULL);
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        g_error ("%s was not written", files[i]);
      if ((st.st_mode & 0777) != 0600)
        g_error ("%s has mode %o", files[i], st.st_mode & 0777);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, func, bb_test_store_tear_down)

  ADD ("/commands/version", test_version);
  ADD ("/commands/help", test_help);
  ADD ("/commands/create-demo-and-counts", test_create_demo_and_counts);
  ADD ("/commands/create-demo-refuses-existing", test_create_demo_refuses_existing);
  ADD ("/commands/newer-database", test_newer_database);
  ADD ("/commands/ics-round-trip", test_ics_round_trip);
  ADD ("/commands/ics-hostile", test_ics_hostile);
  ADD ("/commands/wrong-use", test_wrong_use);
  ADD ("/commands/backup-restore", test_backup_restore);
  ADD ("/commands/restore-refused", test_restore_refused);
  ADD ("/commands/privacy", test_privacy);
  ADD ("/commands/logs-private", test_logs_private);

  return g_test_run ();
}
