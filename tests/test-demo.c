/* test-demo.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bb-core.h"
#include "bb-test-core.h"

/* A fixed day, so that the content does not depend on when the tests run. */
#define REFERENCE_YEAR  2025
#define REFERENCE_MONTH G_DATE_JUNE
#define REFERENCE_DAY   18
#define REFERENCE_TEXT  "2025-06-18"

/* A temporary folder (fixture->dir); the tests make their databases in it. */
typedef BbTestStore Fixture;

static GDate *
reference_date (void)
{
  return g_date_new_dmy (REFERENCE_DAY, REFERENCE_MONTH, REFERENCE_YEAR);
}

static char *
generate (Fixture    *fixture,
          const char *name,
          double      scale,
          guint32     seed)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStore) store = bb_store_open (path, &error);
  g_autoptr(GDate) date = reference_date ();

  g_assert_no_error (error);
  g_assert_true (bb_demo_generate (store, scale, seed, date, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_is_demo (store));

  return g_steal_pointer (&path);
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* SHA-256 over every row of every table (the search index aside: it follows from them) in
 * key order. */
static char *
digest_database (const char *path)
{
  sqlite3 *db = open_db (path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'"
                                       " ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >=, 15);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);

      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              g_checksum_update (checksum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_counts (const char *path,
               gint64      shelters,
               gint64      people,
               gint64      organisations,
               gint64      consultations,
               gint64      events)
{
  sqlite3 *db = open_db (path);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shelter"), ==, shelters);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisation"), ==, organisations);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation"), ==, consultations);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event"), ==, events);

  sqlite3_close (db);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = generate (fixture, "a.sqlite3", 1.0, 7);
  g_autofree char *b = generate (fixture, "b.sqlite3", 1.0, 7);
  g_autofree char *c = generate (fixture, "c.sqlite3", 1.0, 8);
  g_autofree char *digest_a = digest_database (a);
  g_autofree char *digest_b = digest_database (b);
  g_autofree char *digest_c = digest_database (c);

  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = generate (fixture, "demo.sqlite3", 1.0, 1);
  sqlite3 *db;

  assert_counts (path, 110, 1500, 400, 4000, 300);

  db = open_db (path);
  /* The other tables are filled too. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person_shelter"), >=, 110);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM relation"), >=, 300);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation_person"), >=, 4000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation_topic"), >=, 4000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), >=, 20);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), <=, 30);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM followup"), >=, 900);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event_invitee"), >=, 1000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance"), >=, 1000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event_override"), >=, 1);
  /* Every kind of organisation, shelter, relation, format, event and status is there. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM organisation"), ==, 8);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM shelter"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM shelter"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM relation"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT format) FROM consultation"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM event"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT role) FROM person_shelter"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM attendance"), ==, 3);
  /* About 30 % of the consultations have follow-ups. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT consultation_id) FROM followup"), >=, 1000);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT consultation_id) FROM followup"), <=, 1400);
  sqlite3_close (db);
}

static void
test_plausible (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = generate (fixture, "demo.sqlite3", 1.0, 3);
  sqlite3 *db = open_db (path);

  /* Every shelter lies in a district and has a volunteer coordinator. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shelter WHERE district_id IS NULL"
                                  " OR district_id NOT IN (SELECT id FROM district)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shelter s WHERE NOT EXISTS"
                                  " (SELECT 1 FROM person_shelter ps WHERE ps.shelter_id = s.id"
                                  "  AND ps.role = 'volunteer-coordination')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shelter WHERE residents > capacity"
                                  " OR capacity IS NULL OR residents IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shelter WHERE postcode IS NULL"
                                  " OR CAST (postcode AS INTEGER) NOT BETWEEN 10115 AND 14199"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisation WHERE postcode IS NOT NULL"
                                  " AND CAST (postcode AS INTEGER) NOT BETWEEN 10115 AND 14199"), ==, 0);
  /* Most shelters have a management. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT shelter_id) FROM person_shelter"
                                  " WHERE role = 'management'"), >=, 70);

  /* Consultations lie in the two years before the reference date. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation"
                                  " WHERE started_at < date ('" REFERENCE_TEXT "', '-2 years')"
                                  " OR started_at >= '" REFERENCE_TEXT "'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT min (started_at) < date ('" REFERENCE_TEXT "', '-22 months')"
                                  " FROM consultation"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation c WHERE NOT EXISTS"
                                  " (SELECT 1 FROM consultation_person p WHERE p.consultation_id = c.id)"
                                  " OR NOT EXISTS"
                                  " (SELECT 1 FROM consultation_topic t WHERE t.consultation_id = c.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT max (n) FROM (SELECT count(*) AS n FROM consultation_person"
                                  " GROUP BY consultation_id)"), <=, 3);
  g_assert_cmpint (query_int (db, "SELECT max (n) FROM (SELECT count(*) AS n FROM consultation_topic"
                                  " GROUP BY consultation_id)"), <=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT author) FROM consultation"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation WHERE length (notes) < 40"), ==, 0);
  /* A consultation at a shelter lies while it was open. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM consultation c JOIN shelter s ON s.id = c.shelter_id"
                                  " WHERE date (c.started_at) < s.opened_on"
                                  " OR date (c.started_at) > coalesce (s.closed_on, '9999')"), ==, 0);

  /* Follow-ups: some done, some open, some overdue, none done in the future. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM followup WHERE done_on IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM followup WHERE done_on IS NULL"
                                  " AND due_on < '" REFERENCE_TEXT "'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM followup WHERE done_on IS NULL"
                                  " AND due_on >= '" REFERENCE_TEXT "'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM followup WHERE done_on > '" REFERENCE_TEXT "'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM followup f JOIN consultation c"
                                  " ON c.id = f.consultation_id WHERE f.due_on <= date (c.started_at)"
                                  " OR f.done_on <= date (c.started_at)"), ==, 0);

  /* Only fictional addresses. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE email IS NOT NULL AND"
                                  " email NOT GLOB '*@example.org' AND email NOT GLOB '*@example.com'"
                                  " AND email NOT GLOB '*@example.net'"
                                  " AND email NOT GLOB '*@bfe.example.org'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE email GLOB '*[^a-z0-9.@-]*'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT email) = count(email) FROM person"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE phone IS NOT NULL"
                                  " AND phone NOT GLOB '030 23125[0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisation WHERE web IS NOT NULL"
                                  " AND web NOT GLOB 'https://*.example.[conr][oer][mgt]'"), ==, 0);

  /* Events: one monthly Jour fixe per region, stable UIDs, attendance only in the past. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE kind = 'jour-fixe'"
                                  " AND rrule GLOB 'FREQ=MONTHLY;BYDAY=[1-4][A-Z][A-Z]'"
                                  " AND substr (starts_at, 12) = '10:00' AND substr (ends_at, 12) = '12:00'"),
                   ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT region_id) FROM event WHERE kind = 'jour-fixe'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE rrule IS NOT NULL"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE uid NOT GLOB"
                                  " '[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*@brueckenbuch.example'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE starts_at > '" REFERENCE_TEXT "'"
                                  " AND rrule IS NULL"), >, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance WHERE occurrence >= '" REFERENCE_TEXT "'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance a JOIN event e ON e.id = a.event_id"
                                  " WHERE e.rrule IS NOT NULL"), >, 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM"
                                  " event_invitee i WHERE i.event_id = a.event_id"
                                  " AND i.person_id = a.person_id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event_invitee WHERE shelter_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE all_day = 1"), >, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM meta WHERE key = 'demo' AND value = '1'"), ==, 1);

  sqlite3_close (db);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The schema of the triggers and views of the derived data, as text. */
#define SEARCH_SCHEMA \
  "SELECT group_concat (name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_master" \
  " WHERE type IN ('trigger', 'view') AND (sql LIKE '%search%' OR sql LIKE '%shelter_contact%') ORDER BY name)"

/* The generator fills the search index in one pass at the end, with its triggers off while it
 * inserts: the index must hold exactly what the triggers write when the same rows are inserted
 * one by one, and the triggers must be back. */
static void
test_search_index (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *demo = generate (fixture, "demo.sqlite3", 0.2, 4);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStore) store = bb_store_open (copy, &error);
  char *attach = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* The copy: the indexed tables' rows inserted into a new database, its triggers writing the
   * index. */
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA foreign_keys = ON");
  attach = sqlite3_mprintf ("ATTACH %Q AS demo", demo);
  exec_sql (db, attach);
  sqlite3_free (attach);
  exec_sql (db,
            "BEGIN;"
            "INSERT INTO main.organisation SELECT * FROM demo.organisation ORDER BY id;"
            "INSERT INTO main.shelter SELECT * FROM demo.shelter ORDER BY id;"
            "INSERT INTO main.person SELECT * FROM demo.person ORDER BY id;"
            "INSERT INTO main.consultation SELECT * FROM demo.consultation ORDER BY id;"
            "COMMIT;");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM demo.consultation"), ==, 800);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM demo.search_index"), ==,
                   query_int (db, "SELECT (SELECT count(*) FROM demo.shelter)"
                                  " + (SELECT count(*) FROM demo.person)"
                                  " + (SELECT count(*) FROM demo.organisation) + 800"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM main.search_index"), ==,
                   query_int (db, "SELECT count(*) FROM demo.search_index"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ("
                                  " SELECT rowid, kind, ref, title, body FROM demo.search_index"
                                  " EXCEPT SELECT rowid, kind, ref, title, body FROM main.search_index)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ("
                                  " SELECT rowid, kind, ref, title, body FROM main.search_index"
                                  " EXCEPT SELECT rowid, kind, ref, title, body FROM demo.search_index)"),
                   ==, 0);

  /* So do the shelters' last consultations (schema version 8). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM demo.shelter_contact"), >, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ("
                                  " SELECT * FROM demo.shelter_contact EXCEPT SELECT * FROM main.shelter_contact)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ("
                                  " SELECT * FROM main.shelter_contact EXCEPT SELECT * FROM demo.shelter_contact)"),
                   ==, 0);

  /* The full-text index itself agrees with the rows, and finds the same. */
  exec_sql (db, "INSERT INTO demo.search_index (search_index) VALUES ('integrity-check')");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM demo.search_index ('sprach*')"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM demo.search_index ('sprach*')"), ==,
                   query_int (db, "SELECT count(*) FROM main.search_index ('sprach*')"));

  /* The triggers and views are back as the migrations made them. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (" SEARCH_SCHEMA ") = ("
                                           "  SELECT group_concat (name || ':' || sql, ';') FROM ("
                                           "  SELECT name, sql FROM demo.sqlite_master"
                                           "  WHERE type IN ('trigger', 'view') AND (sql LIKE '%search%' OR sql LIKE '%shelter_contact%')"
                                           "  ORDER BY name)), (" SEARCH_SCHEMA ")",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 1), "consultation_search_insert:"));
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 1), "consultation_contact_insert:"));
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

static void
test_refuses_non_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "used.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStore) store = bb_store_open (path, &error);
  g_autoptr(BbOrganisation) org = bb_organisation_new ();
  g_autoptr(GDate) date = reference_date ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  bb_organisation_set_name (org, "Verein Probe e. V.");
  g_assert_true (bb_store_insert (store, BB_RECORD (org), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  before = digest_database (path);

  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (bb_demo_generate (store, 0.1, 1, date, NULL, NULL, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED);
  g_assert_nonnull (error->message);
  g_assert_false (bb_store_is_demo (store));
  g_assert_cmpint (bb_store_count (store, BB_TYPE_ORGANISATION), ==, 1);
  g_assert_cmpint (bb_store_count (store, BB_TYPE_PERSON), ==, 0);
  g_clear_object (&store);

  after = digest_database (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_scales (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *small = generate (fixture, "small.sqlite3", 0.1, 1);
  g_autofree char *large = generate (fixture, "large.sqlite3", 3.0, 1);
  g_autofree char *tiny = generate (fixture, "tiny.sqlite3", 0.0001, 1);
  sqlite3 *db;

  assert_counts (small, 11, 150, 40, 400, 30);
  assert_counts (large, 330, 4500, 1200, 12000, 900);
  assert_counts (tiny, 1, 1, 1, 1, 1);

  /* Larger data has more Jour fixe series, each for a share of the region's shelters. */
  db = open_db (large);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event WHERE kind = 'jour-fixe'"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shelter s WHERE NOT EXISTS"
                                  " (SELECT 1 FROM person_shelter ps WHERE ps.shelter_id = s.id"
                                  "  AND ps.role = 'volunteer-coordination')"), ==, 0);
  sqlite3_close (db);

  db = open_db (tiny);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person_shelter"
                                  " WHERE role = 'volunteer-coordination'"), ==, 1);
  sqlite3_close (db);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "progress.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbStore) store = bb_store_open (path, &error);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_no_error (error);
  /* Without a reference date the data ends today. */
  g_assert_true (bb_demo_generate (store, 0.2, 5, NULL, record_progress, fractions, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fractions->len, >, 10);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpint (bb_store_count (store, BB_TYPE_CONSULTATION), ==, 800);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, BB_TEST_NO_STORE, bb_test_store_set_up, func, bb_test_store_tear_down)

  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/counts", test_counts);
  ADD ("/demo/plausible", test_plausible);
  ADD ("/demo/search-index", test_search_index);
  ADD ("/demo/refuses-non-empty", test_refuses_non_empty);
  ADD ("/demo/scales", test_scales);
  ADD ("/demo/progress", test_progress);

  return g_test_run ();
}
