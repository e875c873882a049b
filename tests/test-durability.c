/* test-durability.c: the database survives what happens on a real desk — the program killed in
 * the middle of a save, a full disk, a read-only file or folder, a second program writing at
 * the same time.
 *
 * The writers are this very program started again with --writer, --disk-full or --open: they
 * write through the store as the app does and report each record on stdout only after its commit
 * has returned (with write(2), which a SIGKILL cannot lose in a buffer). The test then opens the
 * database as the app would and checks that every reported record is there, complete, and that
 * no half-written transaction is visible.
 *
 * BB_CRASH_ITERATIONS sets the number of kills (default 40); BB_CRASH_SECONDS, if set, kills
 * for that long instead (bench/crash.sh).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-durability"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bb-core-resources.h"
#include "bb-core.h"
#include "bb-store-private.h"
#include "bb-test-core.h"

#define N_PEOPLE 4
#define DEFAULT_ITERATIONS 40
#define CONCURRENT_COUNT 120
/* When a writer is killed, in microseconds: in one round of four at any moment after it was
 * started (often while it opens the database), else at any moment after it has opened it (in
 * the middle of a transaction, or between commits). */
#define MAX_KILL_DELAY_FROM_START (200 * 1000)
#define MAX_KILL_DELAY_FROM_READY (40 * 1000)

/* The writers ------------------------------------------------------------------------------ */

typedef struct
{
  BbStore    *store;
  const char *tag;
  gint64      region;
  gint64      shelters[2];
  gint64      people[N_PEOPLE];
} Writer;

/* A line to the parent that survives a SIGKILL right after it: no stdio buffer in between. */
static void
report (const char *format,
        ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize written = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  while (written < strlen (line))
    {
      gssize n = write (STDOUT_FILENO, line + written, strlen (line) - written);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      written += n;
    }
}

static void
writer_fail (const char   *what,
             guint         step,
             const GError *error)
{
  /* The store's messages name no values, and the test's data are fictional anyway. */
  g_printerr ("writer: %s failed at step %u: %s %d: %s\n", what, step,
              g_quark_to_string (error->domain), error->code, error->message);
  exit (1);
}

static void
writer_init (Writer     *writer,
             const char *path,
             const char *tag)
{
  g_autoptr(GError) error = NULL;

  writer->tag = tag;
  writer->store = bb_store_open (path, &error);
  if (writer->store == NULL)
    writer_fail ("opening", 0, error);

  writer->region = bb_test_region_id (writer->store, "Nord");
  writer->shelters[0] = bb_test_find_by_name (writer->store, BB_TYPE_SHELTER, "Haus Linde");
  writer->shelters[1] = bb_test_find_by_name (writer->store, BB_TYPE_SHELTER, "Haus Ulme");
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM person ORDER BY id LIMIT 1 OFFSET %u", i);

      writer->people[i] = bb_test_query_int (writer->store, sql);
    }
}

/* A consultation with two people, two topics and a follow-up, saved as the editor does. */
static gboolean
write_consultation (Writer      *writer,
                    guint        step,
                    const char  *padding,
                    gint64      *id,
                    GError     **error)
{
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GPtrArray) followups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *notes = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *topic = g_strdup_printf ("Thema %u", step % 7);
  g_autofree char *text = NULL;
  const char *topics[] = { "Konflikte", topic, NULL };
  gint64 people[2];
  BbFollowup *followup = bb_followup_new ();

  notes = g_strdup_printf ("Beratung %s-%u%s", writer->tag, step, padding);
  text = g_strdup_printf ("Vereinbarung %s-%u", writer->tag, step);
  started_at = g_strdup_printf ("2026-%02u-%02uT10:00", 1 + step % 12, 1 + step % 28);
  people[0] = writer->people[step % N_PEOPLE];
  people[1] = writer->people[(step + 1) % N_PEOPLE];

  g_object_set (consultation,
                "started-at", started_at,
                "shelter-id", writer->shelters[step % 2],
                "region-id", writer->region,
                "format", "on-site",
                "author", "Kim",
                "notes", notes,
                NULL);
  bb_followup_set_text (followup, text);
  bb_followup_set_due_on (followup, "2026-12-01");
  g_ptr_array_add (followups, followup);

  if (!bb_store_save_consultation (writer->store, consultation, people, G_N_ELEMENTS (people),
                                   topics, followups, error))
    return FALSE;

  *id = bb_record_get_id (BB_RECORD (consultation));

  return TRUE;
}

/* Both shelters get the next version (residents) and a note naming it, in one transaction
 * that reads the version first: a second writer cannot lose an update. */
static gboolean
write_shelters (Writer  *writer,
                gint64  *version,
                GError **error)
{
  g_autoptr(BbShelter) first = NULL;

  if (!bb_store_begin (writer->store, error))
    return FALSE;

  first = bb_store_get (writer->store, BB_TYPE_SHELTER, writer->shelters[0], error);
  if (first == NULL)
    goto failed;

  *version = MAX (bb_shelter_get_residents (first), 0) + 1;

  for (guint i = 0; i < G_N_ELEMENTS (writer->shelters); i++)
    {
      g_autoptr(BbShelter) shelter = bb_store_get (writer->store, BB_TYPE_SHELTER,
                                                   writer->shelters[i], error);
      g_autofree char *notes = g_strdup_printf ("Stand %" G_GINT64_FORMAT, *version);

      if (shelter == NULL)
        goto failed;

      g_object_set (shelter, "residents", (int) *version, "notes", notes, NULL);
      if (!bb_store_update (writer->store, BB_RECORD (shelter), error))
        goto failed;
    }

  return bb_store_commit (writer->store, error);

failed:
  bb_store_rollback (writer->store);
  return FALSE;
}

/* A weekly series with two of its meetings moved, in one transaction as the event editor
 * does. */
static gboolean
write_event (Writer  *writer,
             guint    step,
             gint64  *id,
             GError **error)
{
  g_autoptr(BbEvent) event = bb_event_new ();
  g_autofree char *title = g_strdup_printf ("Jour fixe %s-%u", writer->tag, step);
  const char *moved[][3] = {
    { "2026-01-12T10:00", "2026-01-13T10:00", "2026-01-13T12:00" },
    { "2026-01-19T10:00", "2026-01-20T10:00", "2026-01-20T12:00" },
  };

  g_object_set (event,
                "kind", "jour-fixe",
                "title", title,
                "region-id", writer->region,
                "starts-at", "2026-01-05T10:00",
                "ends-at", "2026-01-05T12:00",
                "status", "confirmed",
                "rrule", "FREQ=WEEKLY;COUNT=10",
                NULL);

  if (!bb_store_begin (writer->store, error))
    return FALSE;

  if (!bb_store_insert_event (writer->store, event, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autoptr(BbEventOverride) override = bb_event_override_new ();

      bb_event_override_set_event_id (override, bb_record_get_id (BB_RECORD (event)));
      bb_event_override_set_recurrence_id (override, moved[i][0]);
      bb_event_override_set_starts_at (override, moved[i][1]);
      bb_event_override_set_ends_at (override, moved[i][2]);
      bb_event_override_set_status (override, "confirmed");
      if (!bb_store_set_event_override (writer->store, override, error))
        goto failed;
    }

  if (!bb_store_commit (writer->store, error))
    return FALSE;

  *id = bb_record_get_id (BB_RECORD (event));

  return TRUE;

failed:
  bb_store_rollback (writer->store);
  return FALSE;
}

/* Writes count steps (0: until killed), each reported after its commit returned:
 * "C id step" (consultation), "S version" (shelters), "E id step" (event); "R" once the
 * database is open. */
static int
run_writer (const char *path,
            const char *tag,
            guint       seed,
            guint       count)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Writer writer = { 0 };

  writer_init (&writer, path, tag);
  report ("R\n");

  for (guint step = 0; count == 0 || step < count; step++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = 0;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          if (!write_consultation (&writer, step, "", &id, &error))
            writer_fail ("consultation", step, error);
          report ("C %" G_GINT64_FORMAT " %u\n", id, step);
          break;

        case 1:
          if (!write_shelters (&writer, &id, &error))
            writer_fail ("shelters", step, error);
          report ("S %" G_GINT64_FORMAT "\n", id);
          break;

        default:
          if (!write_event (&writer, step, &id, &error))
            writer_fail ("event", step, error);
          report ("E %" G_GINT64_FORMAT " %u\n", id, step);
          break;
        }
    }

  g_object_unref (writer.store);

  return 0;
}

/* Saves consultations with long notes while files may not grow beyond limit bytes, as on a
 * full disk: reports them ("C id step"), then the failure ("F domain code"), then makes room
 * and saves one more on the same store. */
static int
run_disk_full (const char *path,
               rlim_t      limit)
{
  struct rlimit rl = { limit, RLIM_INFINITY };
  g_autofree char *padding = NULL;
  g_autoptr(GError) error = NULL;
  Writer writer = { 0 };
  gint64 before;
  gint64 id = 0;
  guint step;

  /* Without a handler SIGXFSZ would kill the program; ignored, write(2) fails with EFBIG. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);

  writer_init (&writer, path, "voll");
  before = bb_store_count (writer.store, BB_TYPE_CONSULTATION);
  padding = g_strnfill (4000, 'x');

  for (step = 0; step < 10000; step++)
    {
      if (!write_consultation (&writer, step, padding, &id, &error))
        break;
      report ("C %" G_GINT64_FORMAT " %u\n", id, step);
    }

  g_assert_nonnull (error);
  report ("F %s %d\n", g_quark_to_string (error->domain), error->code);
  g_clear_error (&error);

  /* Rolled back: the store reads what was committed and nothing of the failed save. */
  g_assert_cmpint (bb_store_count (writer.store, BB_TYPE_CONSULTATION), ==, before + step);

  /* Room again: the same store saves again. */
  rl.rlim_cur = RLIM_INFINITY;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  step++;
  if (!write_consultation (&writer, step, padding, &id, &error))
    writer_fail ("consultation after making room", step, error);
  report ("C %" G_GINT64_FORMAT " %u\n", id, step);

  g_object_unref (writer.store);

  return 0;
}

/* Opens (creating or migrating) the database and closes it again: "O" before, "R" after. */
static int
run_open (const char *path)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  report ("O\n");
  store = bb_store_open (path, &error);
  if (store == NULL)
    writer_fail ("opening", 0, error);
  report ("R\n");

  return 0;
}

/* Starting writers ---------------------------------------------------------------------------- */

typedef struct
{
  GPid     pid;
  int      fd;
  char    *tag;
  GString *pending;
} Child;

static char *
program_path (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);

  return path;
}

static Child *
child_spawn (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *program = program_path ();
  g_auto(GStrv) argv = NULL;
  Child *child = g_new0 (Child, 1);

  g_strv_builder_add (builder, program);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &child->pid, NULL, &child->fd, NULL, &error);
  g_assert_no_error (error);

  child->pending = g_string_new (NULL);

  return child;
}

static void
child_free (Child *child)
{
  if (child->fd >= 0)
    close (child->fd);
  g_spawn_close_pid (child->pid);
  g_string_free (child->pending, TRUE);
  g_free (child->tag);
  g_free (child);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Child, child_free)

/* Reads what the child reported until deadline (a monotonic time; 0: until it closes its
 * output), appending complete lines to lines. FALSE once the child has closed its output. */
static gboolean
child_read (Child     *child,
            gint64     deadline,
            GPtrArray *lines)
{
  for (;;)
    {
      struct pollfd pfd = { child->fd, POLLIN, 0 };
      int timeout = -1;
      char buffer[4096];
      gssize n;
      char *newline;

      if (deadline > 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (now >= deadline)
            return TRUE;
          timeout = (int) ((deadline - now + 999) / 1000);
        }

      if (poll (&pfd, 1, timeout) < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      if (pfd.revents == 0)
        continue;

      n = read (child->fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        return FALSE;

      g_string_append_len (child->pending, buffer, n);
      while ((newline = strchr (child->pending->str, '\n')) != NULL)
        {
          g_ptr_array_add (lines, g_strndup (child->pending->str, newline - child->pending->str));
          g_string_erase (child->pending, 0, newline - child->pending->str + 1);
        }
    }
}

static int
child_wait (Child *child)
{
  int status = 0;

  while (waitpid (child->pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  return status;
}

/* Reads what the child reports until it ends, which it must do by itself and successfully;
 * frees the child. */
static GPtrArray *
child_finish (Child *child)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  int status;

  while (child_read (child, 0, lines))
    ;
  status = child_wait (child);
  child_free (child);

  /* No error reached the writer: not even "database is locked" from another one. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return lines;
}

/* What the writers reported ------------------------------------------------------------------- */

typedef struct
{
  GHashTable *consultations;   /* id → "tag-step" */
  GHashTable *events;          /* id → "tag-step" */
  const char *padding;         /* after "Beratung tag-step" in the notes */
  gint64      shelter_version; /* the highest reported */
  guint       n_versions;      /* shelter updates reported */
  guint       n_unreported;    /* commits that may have returned without a report (kills) */
} Expected;

static void
expected_init (Expected   *expected,
               const char *padding)
{
  expected->padding = padding;
  expected->consultations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  expected->events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  expected->shelter_version = 0;
  expected->n_versions = 0;
  expected->n_unreported = 0;
}

static void
expected_clear (Expected *expected)
{
  g_clear_pointer (&expected->consultations, g_hash_table_unref);
  g_clear_pointer (&expected->events, g_hash_table_unref);
}

static void
expected_add_lines (Expected   *expected,
                    const char *tag,
                    GPtrArray  *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gint64 id = 0;
      guint step = 0;

      if (sscanf (line, "C %" G_GINT64_FORMAT " %u", &id, &step) == 2)
        {
          g_assert_false (g_hash_table_contains (expected->consultations, &id));
          g_hash_table_insert (expected->consultations, g_memdup2 (&id, sizeof id),
                               g_strdup_printf ("%s-%u", tag, step));
        }
      else if (sscanf (line, "E %" G_GINT64_FORMAT " %u", &id, &step) == 2)
        {
          g_assert_false (g_hash_table_contains (expected->events, &id));
          g_hash_table_insert (expected->events, g_memdup2 (&id, sizeof id),
                               g_strdup_printf ("%s-%u", tag, step));
        }
      else if (sscanf (line, "S %" G_GINT64_FORMAT, &id) == 1)
        {
          g_assert_cmpint (id, >, 0);
          expected->shelter_version = MAX (expected->shelter_version, id);
          expected->n_versions++;
        }
      else if (!g_str_has_prefix (line, "F ") && strcmp (line, "R") != 0)
        {
          g_error ("Unexpected line from a writer: %s", line);
        }
    }
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;

  return buf.st_size;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Checking the database ------------------------------------------------------------------------ */

static void
assert_pragma_ok (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
assert_no_rows (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* The file itself, on a plain connection of its own, before the store touches it. */
static void
assert_file_sound (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  assert_pragma_ok (db, "PRAGMA integrity_check");
  assert_no_rows (db, "PRAGMA foreign_key_check");
  /* The full-text index agrees with its tables. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO search_index (search_index) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_consultation (BbStore    *store,
                     gint64      id,
                     const char *label,
                     const char *padding)
{
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GListModel) followups = NULL;
  g_autoptr(BbFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *notes = g_strdup_printf ("Beratung %s%s", label, padding);
  g_autofree char *text = g_strdup_printf ("Vereinbarung %s", label);

  consultation = bb_store_get (store, BB_TYPE_CONSULTATION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bb_consultation_get_notes (consultation), ==, notes);

  people = bb_store_get_consultation_people (store, id);
  g_assert_cmpuint (people->len, ==, 2);

  topics = bb_store_get_consultation_topics (store, id);
  g_assert_cmpuint (g_strv_length (topics), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) topics, "Konflikte"));

  followups = bb_store_list_related (store, BB_TYPE_FOLLOWUP, "consultation-id", id);
  g_assert_cmpuint (g_list_model_get_n_items (followups), ==, 1);
  followup = g_list_model_get_item (followups, 0);
  g_assert_cmpstr (bb_followup_get_text (followup), ==, text);
}

/* Opens the database as the app does and checks the reported records (those of recent, if
 * not NULL, else all of expected) and that every record of the tables is whole. */
static void
assert_database_since (const char     *path,
                       const Expected *expected,
                       const Expected *recent)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 n_consultations, n_events, version;

  assert_file_sound (path);

  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_get_schema_version (store), ==, BB_STORE_SCHEMA_VERSION);

  /* Every commit that returned is there, complete. */
  if (recent == NULL)
    recent = expected;

  g_hash_table_iter_init (&iter, recent->consultations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    assert_consultation (store, *(gint64 *) key, value, expected->padding);

  g_hash_table_iter_init (&iter, recent->events);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(BbEvent) event = bb_store_get (store, BB_TYPE_EVENT, *(gint64 *) key, &error);
      g_autoptr(GPtrArray) overrides = NULL;
      g_autofree char *title = g_strdup_printf ("Jour fixe %s", (const char *) value);

      g_assert_no_error (error);
      g_assert_cmpstr (bb_event_get_title (event), ==, title);
      overrides = bb_store_get_event_overrides (store, *(gint64 *) key, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (overrides->len, ==, 2);
    }

  /* No half-written transaction: every consultation has its people, topics and follow-up,
   * every series its two moved meetings, both shelters the same version. */
  g_assert_cmpint (bb_test_query_int (store,
                                      "SELECT count(*) FROM consultation c WHERE"
                                      " (SELECT count(*) FROM consultation_person WHERE consultation_id = c.id) != 2"
                                      " OR (SELECT count(*) FROM consultation_topic WHERE consultation_id = c.id) != 2"
                                      " OR (SELECT count(*) FROM followup WHERE consultation_id = c.id) != 1"),
                   ==, 0);
  g_assert_cmpint (bb_test_query_int (store,
                                      "SELECT count(*) FROM followup f WHERE NOT EXISTS"
                                      " (SELECT 1 FROM consultation WHERE id = f.consultation_id)"),
                   ==, 0);
  g_assert_cmpint (bb_test_query_int (store,
                                      "SELECT count(*) FROM event e WHERE"
                                      " (SELECT count(*) FROM event_override WHERE event_id = e.id) != 2"),
                   ==, 0);
  g_assert_cmpint (bb_test_query_int (store,
                                      "SELECT count(DISTINCT coalesce (residents, -1)) + count(DISTINCT coalesce (notes, ''))"
                                      " FROM shelter WHERE name IN ('Haus Linde', 'Haus Ulme')"),
                   ==, 2);
  version = bb_test_query_int (store, "SELECT coalesce (residents, 0) FROM shelter WHERE name = 'Haus Linde'");
  g_assert_cmpint (version, >=, expected->shelter_version);

  /* Nothing more than what was reported, but for the commits a kill may have cut off from
   * their report. */
  n_consultations = bb_store_count (store, BB_TYPE_CONSULTATION);
  n_events = bb_store_count (store, BB_TYPE_EVENT);
  g_assert_cmpint (n_consultations, >=, g_hash_table_size (expected->consultations));
  g_assert_cmpint (n_consultations, <=, g_hash_table_size (expected->consultations) + expected->n_unreported);
  g_assert_cmpint (n_events, >=, g_hash_table_size (expected->events));
  g_assert_cmpint (n_events, <=, g_hash_table_size (expected->events) + expected->n_unreported);
  g_assert_cmpint (version, <=, expected->shelter_version + expected->n_unreported);
  if (expected->n_unreported == 0)
    {
      g_assert_cmpint (n_consultations, ==, g_hash_table_size (expected->consultations));
      g_assert_cmpint (n_events, ==, g_hash_table_size (expected->events));
      g_assert_cmpint (version, ==, expected->shelter_version);
      g_assert_cmpint (version, ==, expected->n_versions);
    }
}

static void
assert_database (const char     *path,
                 const Expected *expected)
{
  assert_database_since (path, expected, NULL);
}

/* Sound, and nothing written since make_database(). */
static void
assert_database_unwritten (const char *path)
{
  Expected expected;

  expected_init (&expected, "");
  assert_database (path, &expected);
  expected_clear (&expected);
}

/* A database with what the writers need: two shelters and four people, all fictional. */
static char *
make_database (const char *dir)
{
  g_autoptr(BbStore) store = NULL;
  char *path = NULL;

  store = bb_test_open_store (dir, "test.sqlite3", &path);
  bb_test_add_shelter (store, "Haus Linde", "Pankow");
  bb_test_add_shelter (store, "Haus Ulme", "Neukölln");
  bb_test_add_person (store, "Ada", "Fink");
  bb_test_add_person (store, "Bo", "Lind");
  bb_test_add_person (store, "Cem", "Aydın");
  bb_test_add_person (store, "Dana", "Roth");

  return path;
}

/* Crash ----------------------------------------------------------------------------------------- */

static void
test_crash (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autofree char *path = make_database (dir);
  const char *iterations_env = g_getenv ("BB_CRASH_ITERATIONS");
  const char *seconds_env = g_getenv ("BB_CRASH_SECONDS");
  guint iterations = DEFAULT_ITERATIONS;
  gint64 end = 0;
  guint n_mid_open = 0;
  guint n_before_commit = 0;
  guint round;
  Expected expected;

  if (iterations_env != NULL)
    iterations = (guint) g_ascii_strtoull (iterations_env, NULL, 10);
  if (seconds_env != NULL)
    end = g_get_monotonic_time () + g_ascii_strtoll (seconds_env, NULL, 10) * G_USEC_PER_SEC;

  expected_init (&expected, "");

  for (round = 0; end > 0 ? g_get_monotonic_time () < end : round < iterations; round++)
    {
      g_autofree char *tag = g_strdup_printf ("k%u", round);
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      const char *args[] = { "--writer", path, tag, seed, "0", NULL };
      g_autoptr(Child) child = child_spawn (args);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      int status;

      /* Reports read while it runs, and those still in the pipe after the kill. */
      if (g_test_rand_int_range (0, 4) == 0)
        {
          child_read (child, g_get_monotonic_time () +
                      g_test_rand_int_range (0, MAX_KILL_DELAY_FROM_START), lines);
        }
      else
        {
          gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

          while (lines->len == 0 && g_get_monotonic_time () < give_up &&
                 child_read (child, g_get_monotonic_time () + 10 * 1000, lines))
            ;
          g_assert_cmpuint (lines->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "R");
          child_read (child, g_get_monotonic_time () +
                      g_test_rand_int_range (0, MAX_KILL_DELAY_FROM_READY), lines);
        }
      g_assert_cmpint (kill (child->pid, SIGKILL), ==, 0);
      while (child_read (child, 0, lines))
        ;
      status = child_wait (child);

      /* Killed by us, not ended by an error of its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      if (lines->len == 0)
        n_mid_open++;
      else if (lines->len == 1)
        n_before_commit++;

      expected_add_lines (&expected, tag, lines);
      expected.n_unreported++;

      /* Long runs check each record once after the kill that followed it, and all of them
       * now and then, so that a round does not take longer as the data grows. */
      if (round < DEFAULT_ITERATIONS || round % 100 == 0)
        {
          assert_database (path, &expected);
        }
      else
        {
          Expected recent;

          expected_init (&recent, "");
          expected_add_lines (&recent, tag, lines);
          assert_database_since (path, &expected, &recent);
          expected_clear (&recent);
        }
    }

  assert_database (path, &expected);

  g_test_message ("%u kills (%u while opening, %u before the first commit returned), "
                  "%u consultations, %u events and %u shelter updates committed and found",
                  round, n_mid_open, n_before_commit, g_hash_table_size (expected.consultations),
                  g_hash_table_size (expected.events), expected.n_versions);
  if (seconds_env != NULL)
    g_print ("%u kills, %u consultations, %u events, %u shelter updates: database sound "
             "after every kill\n",
             round, g_hash_table_size (expected.consultations),
             g_hash_table_size (expected.events), expected.n_versions);

  expected_clear (&expected);
  bb_test_remove_dir (dir);
}

/* Killed while it migrates an older database (and backs it up first): the next start migrates
 * it, and nothing of the data is lost. */
static void
test_crash_migrating (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  const char *file;
  guint n_killed = 0;

  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *name = g_strdup_printf ("alt-%u.sqlite3", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *args[] = { "--open", path, NULL };
      g_autoptr(BbStore) old = NULL;
      g_autoptr(BbStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(Child) child = NULL;
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      int status;

      old = _bb_store_open_with_migrations (path, bb_core_get_resource (),
                                            "/berlin/beratungsforum/Brueckenbuch/migrations", 4,
                                            &error);
      g_assert_no_error (error);
      bb_test_add_shelter (old, "Haus Linde", "Pankow");
      bb_test_add_person (old, "Ada", "Fink");
      g_clear_object (&old);

      child = child_spawn (args);
      while (lines->len == 0 && g_get_monotonic_time () < give_up &&
             child_read (child, g_get_monotonic_time () + 10 * 1000, lines))
        ;
      g_assert_cmpuint (lines->len, ==, 1);
      child_read (child, g_get_monotonic_time () + g_test_rand_int_range (0, 60 * 1000), lines);
      g_assert_cmpint (kill (child->pid, SIGKILL), ==, 0);
      while (child_read (child, 0, lines))
        ;
      status = child_wait (child);

      /* Killed, or done before the kill came. */
      if (WIFSIGNALED (status))
        {
          g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
          n_killed += lines->len == 1;
        }
      else
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }

      assert_file_sound (path);
      store = bb_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bb_store_get_schema_version (store), ==, BB_STORE_SCHEMA_VERSION);
      bb_test_find_by_name (store, BB_TYPE_SHELTER, "Haus Linde");
      g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON), ==, 1);
    }

  g_test_message ("%u of 12 killed while migrating", n_killed);

  /* Beside each database its backups, complete: nothing cut short under the name of a backup.
   * A backup cut short leaves its part (NAME-XXXXXX.part, perhaps with its -journal). */
  handle = g_dir_open (dir, 0, NULL);
  while ((file = g_dir_read_name (handle)) != NULL)
    {
      /* A kill between two migrations leaves the database at a version in between: the next
       * start backs it up before the next migration (before-vN, N the first target). */
      if (g_regex_match_simple ("^alt-[0-9]+\\.sqlite3\\.before-v[0-9]+(\\.[0-9]+)?\\.bak$", file, 0, 0))
        g_ptr_array_add (backups, g_build_filename (dir, file, NULL));
      else if (!g_regex_match_simple ("^alt-[0-9]+\\.sqlite3(\\.before-v[0-9]+\\.bak-......\\.part(-journal)?)?$",
                                      file, 0, 0))
        g_error ("Left over beside the databases: %s", file);
    }
  g_assert_cmpuint (backups->len, >=, 12);

  for (guint i = 0; i < backups->len; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);
      const char *before = strstr (backup, ".before-v") + strlen (".before-v");

      /* A backup holds the database as it was before migrating to that version. */
      g_assert_cmpint (bb_test_file_query_int (backup, "PRAGMA user_version"), ==,
                       g_ascii_strtoll (before, NULL, 10) - 1);
      g_assert_cmpint (bb_test_file_query_int (backup, "SELECT count(*) FROM shelter"), ==, 1);
    }

  bb_test_remove_dir (dir);
}

/* Two programs ----------------------------------------------------------------------------------- */

static void
test_two_programs (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *count = g_strdup_printf ("%u", CONCURRENT_COUNT);
  const char *tags[] = { "a", "b" };
  Child *children[2];
  Expected expected;

  expected_init (&expected, "");

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      const char *args[] = { "--writer", path, tags[i], seed, count, NULL };

      children[i] = child_spawn (args);
    }

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autoptr(GPtrArray) lines = child_finish (children[i]);

      g_assert_cmpuint (lines->len, ==, CONCURRENT_COUNT + 1);
      expected_add_lines (&expected, tags[i], lines);
    }

  /* Every update of the shelters counted once: none lost to the other program. */
  assert_database (path, &expected);
  g_assert_cmpuint (g_hash_table_size (expected.consultations) + g_hash_table_size (expected.events) +
                    expected.n_versions, ==, 2 * CONCURRENT_COUNT);

  expected_clear (&expected);
  bb_test_remove_dir (dir);
}

/* Programs started at once on a new database: each creates or migrates it, or finds it done. */
static void
test_two_programs_open (void)
{
  g_autofree char *dir = bb_test_make_dir ();

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *name = g_strdup_printf ("neu-%u.sqlite3", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *args[] = { "--open", path, NULL };
      Child *children[4];

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        children[i] = child_spawn (args);

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          g_autoptr(GPtrArray) lines = child_finish (children[i]);

          g_assert_cmpuint (lines->len, ==, 2);
        }

      assert_file_sound (path);
      g_assert_cmpint (bb_test_file_query_int (path, "PRAGMA user_version"), ==, BB_STORE_SCHEMA_VERSION);
    }

  bb_test_remove_dir (dir);
}

static void
count_changed (BbStore    *store,
               const char *table,
               gint64      id,
               guint      *n_changed)
{
  g_assert_cmpstr (table, ==, "consultation");
  g_assert_cmpint (id, ==, 0);
  (*n_changed)++;
}

static void
count_committed (BbStore *store,
                 guint   *n_committed)
{
  (*n_committed)++;
}

/* A window notices what another program wrote: bb_store_check_external_changes(). */
static void
test_two_programs_notice (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GListModel) consultations = NULL;
  g_autoptr(GError) error = NULL;
  Writer other = { 0 };
  guint n_changed = 0;
  guint n_committed = 0;
  gint64 id = 0;

  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  consultations = bb_store_list (store, BB_TYPE_CONSULTATION);
  g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 0);
  g_signal_connect (store, "changed::consultation", G_CALLBACK (count_changed), &n_changed);
  g_signal_connect (store, "committed", G_CALLBACK (count_committed), &n_committed);
  g_assert_false (bb_store_check_external_changes (store));

  /* The other program: a connection of its own. */
  writer_init (&other, path, "b");
  g_assert_true (write_consultation (&other, 1, "", &id, &error));
  g_assert_no_error (error);

  g_assert_true (bb_store_check_external_changes (store));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_committed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 1);

  /* Once only; and the store's own writes are not news. */
  g_assert_false (bb_store_check_external_changes (store));
  bb_test_add_person (store, "Eli", "Sommer");
  g_assert_false (bb_store_check_external_changes (store));
  g_assert_cmpuint (n_changed, ==, 1);

  g_clear_object (&other.store);
  g_clear_object (&store);
  bb_test_remove_dir (dir);
}

/* Disk full ------------------------------------------------------------------------------------- */

static void
test_disk_full (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, file_size (path) + 256 * 1024);
  g_autofree char *padding = g_strnfill (4000, 'x');
  const char *args[] = { "--disk-full", path, limit, NULL };
  g_autoptr(GPtrArray) lines = child_finish (child_spawn (args));
  g_autofree char *failure = NULL;
  Expected expected;

  /* Some saves went through before the disk was full, one after room was made. */
  g_assert_cmpuint (lines->len, >=, 4);
  failure = g_strdup_printf ("F %s %d", g_quark_to_string (BB_STORE_ERROR), BB_STORE_ERROR_FULL);
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 2), ==, failure);

  expected_init (&expected, padding);
  expected_add_lines (&expected, "voll", lines);
  assert_database (path, &expected);
  expected_clear (&expected);

  bb_test_remove_dir (dir);
}

/* Read-only ------------------------------------------------------------------------------------ */

/* Root may write anything; without its capabilities it meets the permissions as anyone does.
 * For a normal user this changes nothing. Only ever in a test subprocess. */
static void
drop_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = { { 0 } };

  g_assert_cmpint (syscall (SYS_capset, &header, data), ==, 0);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Opening is refused with BB_STORE_ERROR_READ_ONLY, and neither the file nor its folder
 * changes. */
static void
assert_open_refused (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *checksum = g_file_test (path, G_FILE_TEST_EXISTS) ? read_file (path) : NULL;
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = count_files (folder);

  store = bb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);

  g_assert_cmpuint (count_files (folder), ==, n_files);
  if (checksum != NULL)
    {
      g_autofree char *after = read_file (path);

      g_assert_cmpstr (after, ==, checksum);
    }
}

/* The precondition: this process really may not open path so (flags of open(2)). */
static void
assert_not_permitted (const char *path,
                      int         flags)
{
  int fd = g_open (path, flags, 0600);

  g_assert_cmpint (fd, ==, -1);
  g_assert_cmpint (errno, ==, EACCES);
}

/* Runs the test (a GTestFunc) in a subprocess of its own: it drops capabilities for good. */
static void
in_subprocess (gconstpointer data)
{
  GTestFunc test = (GTestFunc) data;

  if (g_test_subprocess ())
    {
      test ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autofree char *path = make_database (dir);

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  drop_capabilities ();
  assert_not_permitted (path, O_RDWR);

  assert_open_refused (path);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  assert_database_unwritten (path);
  bb_test_remove_dir (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = bb_test_make_dir ();
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other = NULL;
  g_autofree char *probe = NULL;

  folder = g_build_filename (dir, "Daten", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  path = make_database (folder);
  other = g_build_filename (folder, "neu.sqlite3", NULL);
  probe = g_build_filename (folder, "probe", NULL);

  /* The file may be written, its folder not: SQLite cannot create the -wal and -shm files. */
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  drop_capabilities ();

  assert_not_permitted (probe, O_WRONLY | O_CREAT);

  assert_open_refused (path);
  /* Nor is a new database created there. */
  assert_open_refused (other);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  assert_database_unwritten (path);
  bb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 6 && strcmp (argv[1], "--writer") == 0)
    return run_writer (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10),
                       (guint) g_ascii_strtoull (argv[5], NULL, 10));
  if (argc == 3 && strcmp (argv[1], "--open") == 0)
    return run_open (argv[2]);
  if (argc == 4 && strcmp (argv[1], "--disk-full") == 0)
    return run_disk_full (argv[2], (rlim_t) g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/durability/crash", test_crash);
  g_test_add_func ("/durability/crash-migrating", test_crash_migrating);
  g_test_add_func ("/durability/two-programs/write", test_two_programs);
  g_test_add_func ("/durability/two-programs/open", test_two_programs_open);
  g_test_add_func ("/durability/two-programs/notice", test_two_programs_notice);
  g_test_add_func ("/durability/disk-full", test_disk_full);
  g_test_add_data_func ("/durability/read-only/file", test_read_only_file, in_subprocess);
  g_test_add_data_func ("/durability/read-only/folder", test_read_only_folder, in_subprocess);

  return g_test_run ();
}
