/* test-privacy.c: the data protection tools of the core — Auskunft, erasure, retention.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-privacy"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "bb-core.h"
#include "bb-store-private.h"
#include "bb-test-core.h"

#define TODAY "2026-11-25"

/* A fictional network around Anna Quellbörn (A): Bodo Kranichfeld (B) is linked to her, Carla
 * Wintermond (C) is not. Every value that belongs to one of them is unique, so that a test can
 * look for it in a text or in the bytes of the database file. */
typedef struct
{
  BbTestStore base;
  gint64      anna;
  gint64      bodo;
  gint64      carla;
  gint64      together;     /* consultation with A and B */
  gint64      reported;     /* C consulted; the notes name A in lower case without umlaut */
  gint64      about_bodo;   /* B consulted; the notes name an "Annabell" */
  gint64      shouted;      /* C consulted; the notes name "ANNA" */
  gint64      jour_fixe;    /* organised by A; A and C invited, A attended */
  gint64      anna_draft;   /* a draft of a new consultation with A and B */
  gint64      carla_draft;
} Fixture;

static gint64
add_consultation (BbStore    *store,
                  const char *started_at,
                  gint64      shelter_id,
                  const char *notes,
                  gint64      person_id_1,
                  gint64      person_id_2)
{
  gint64 people[2] = { person_id_1, person_id_2 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = bb_test_insert (store, g_object_new (BB_TYPE_CONSULTATION,
                                            "started-at", started_at,
                                            "duration-minutes", 45,
                                            "format", "phone",
                                            "shelter-id", shelter_id,
                                            "author", "Rita Redlich",
                                            "notes", notes,
                                            NULL));
  bb_store_set_consultation_people (store, id, people, person_id_2 != 0 ? 2 : 1, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_draft (BbStore    *store,
           gint64      record_id,
           const char *notes,
           gint64      person_id_1,
           gint64      person_id_2)
{
  gint64 people[2] = { person_id_1, person_id_2 };
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_variant_dict_insert (dict, "notes", "s", notes);
  g_variant_dict_insert_value (dict, "people",
                               g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, people,
                                                          person_id_2 != 0 ? 2 : 1,
                                                          sizeof (gint64)));
  g_assert_true (bb_draft_save (store, BB_DRAFT_CONSULTATION, record_id,
                                g_variant_dict_end (dict), &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT id FROM draft WHERE record_id = %" G_GINT64_FORMAT, record_id);

  return bb_test_query_int (store, sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  BbStore *store;
  gint64 org_a, org_b, lindenhof, birkenweg, werkstatt;
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Ehrenamt", "Sprachmittlung", NULL };

  bb_test_store_set_up (&fixture->base, NULL);
  store = fixture->base.store;

  org_a = bb_test_insert (store, g_object_new (BB_TYPE_ORGANISATION,
                                               "name", "Brückenträger Testverein", NULL));
  org_b = bb_test_insert (store, g_object_new (BB_TYPE_ORGANISATION,
                                               "name", "Zweiter Fantasieverein", NULL));
  lindenhof = bb_test_add_shelter (store, "Unterkunft Lindenhof", "Mitte");
  birkenweg = bb_test_add_shelter (store, "Unterkunft Birkenweg", "Spandau");

  fixture->anna = bb_test_insert (store, g_object_new (BB_TYPE_PERSON,
                                                       "given-name", "Anna",
                                                       "family-name", "Quellbörn",
                                                       "pronouns", "sie/ihr",
                                                       "function", "Ehrenamtskoordinatorin",
                                                       "organisation-id", org_a,
                                                       "email", "anna.quellboern@example.org",
                                                       "phone", "030 1234567",
                                                       "languages", "Deutsch, Polnisch",
                                                       "notes", "Bevorzugt Anrufe vormittags.\n"
                                                                "Zweite Zeile mit Ankerwort.",
                                                       NULL));
  fixture->bodo = bb_test_insert (store, g_object_new (BB_TYPE_PERSON,
                                                       "given-name", "Bodo",
                                                       "family-name", "Kranichfeld",
                                                       "function", "Leitung Heimstatt",
                                                       "organisation-id", org_b,
                                                       "email", "bodo.kranichfeld@example.org",
                                                       "phone", "030 7654321",
                                                       "notes", "Notiz Sternfrucht",
                                                       NULL));
  fixture->carla = bb_test_insert (store, g_object_new (BB_TYPE_PERSON,
                                                        "given-name", "Carla",
                                                        "family-name", "Wintermond",
                                                        "email", "carla.wintermond@example.org",
                                                        NULL));

  bb_test_insert (store, g_object_new (BB_TYPE_PERSON_SHELTER,
                                       "person-id", fixture->anna, "shelter-id", lindenhof,
                                       "role", "volunteer-coordination", "since", "2025-01-01",
                                       NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_PERSON_SHELTER,
                                       "person-id", fixture->bodo, "shelter-id", birkenweg,
                                       "role", "management", NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_RELATION,
                                       "from-person-id", fixture->anna,
                                       "to-person-id", fixture->bodo,
                                       "kind", "cooperates", "note", "Tandem seit Frühjahr",
                                       NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_RELATION,
                                       "from-person-id", fixture->bodo,
                                       "to-person-id", fixture->anna,
                                       "kind", "advises", "since", "2026-02-01",
                                       "note", "Mentoring Vereinbarung", NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_RELATION,
                                       "from-person-id", fixture->bodo,
                                       "to-person-id", fixture->carla,
                                       "kind", "refers-to", "note", "Geheimnis Bodo Carla",
                                       NULL));

  fixture->together = add_consultation (store, "2026-03-10T10:00", lindenhof,
                                        "Anna stellt vor. Besprochen: Dienstplan Zauberwort",
                                        fixture->anna, fixture->bodo);
  bb_store_set_consultation_topics (store, fixture->together, topics, &error);
  g_assert_no_error (error);
  bb_test_insert (store, g_object_new (BB_TYPE_FOLLOWUP,
                                       "consultation-id", fixture->together,
                                       "text", "Flyer Glockenblume drucken",
                                       "due-on", "2026-04-01", NULL));
  fixture->reported = add_consultation (store, "2026-05-05T14:00", birkenweg,
                                        "Rückruf: quellborn hat angerufen", fixture->carla, 0);
  fixture->about_bodo = add_consultation (store, "2026-06-01T09:30", birkenweg,
                                          "Bodo und Annabell, Thema Mondschein", fixture->bodo, 0);
  fixture->shouted = add_consultation (store, "2026-07-07T11:00", lindenhof,
                                       "Frage von ANNA zu Dachboden", fixture->carla, 0);

  fixture->jour_fixe = bb_test_insert (store, g_object_new (BB_TYPE_EVENT,
                                                            "uid", "jf-test@example.org",
                                                            "kind", "jour-fixe",
                                                            "title", "Jour fixe Testregion",
                                                            "starts-at", "2026-06-02T10:00",
                                                            "ends-at", "2026-06-02T12:00",
                                                            "organiser-id", fixture->anna,
                                                            NULL));
  werkstatt = bb_test_insert (store, g_object_new (BB_TYPE_EVENT,
                                                   "uid", "ws-test@example.org",
                                                   "kind", "workshop",
                                                   "title", "Werkstatt Nebelhorn",
                                                   "starts-at", "2026-09-02T10:00",
                                                   "ends-at", "2026-09-02T12:00",
                                                   "organiser-id", fixture->bodo, NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_EVENT_INVITEE,
                                       "event-id", fixture->jour_fixe,
                                       "person-id", fixture->anna, NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_EVENT_INVITEE,
                                       "event-id", fixture->jour_fixe,
                                       "person-id", fixture->carla, NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_EVENT_INVITEE,
                                       "event-id", werkstatt, "person-id", fixture->bodo, NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_ATTENDANCE,
                                       "event-id", fixture->jour_fixe,
                                       "occurrence", "2026-06-02T10:00",
                                       "person-id", fixture->anna, "status", "attended", NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_ATTENDANCE,
                                       "event-id", werkstatt, "occurrence", "2026-09-02T10:00",
                                       "person-id", fixture->bodo, "status", "excused", NULL));

  fixture->anna_draft = add_draft (store, 0, "Entwurf Pusteblume", fixture->anna, fixture->bodo);
  fixture->carla_draft = add_draft (store, fixture->reported, "Entwurf Kieselstein",
                                    fixture->carla, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  bb_test_store_tear_down (&fixture->base, NULL);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is missing in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” must not be in:\n%s", part, text);
}

/* Auskunft ------------------------------------------------------------------------------------ */

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *own[] = {
    "Personal data stored about Anna Quellbörn", "Date of export: 25.11.2026",
    "Given name: Anna", "Family name: Quellbörn", "Pronouns: sie/ihr",
    "Function: Ehrenamtskoordinatorin", "Organisation: Brückenträger Testverein",
    "E-mail: anna.quellboern@example.org", "Phone: 030 1234567",
    "Languages: Deutsch, Polnisch", "  Bevorzugt Anrufe vormittags.\n  Zweite Zeile mit Ankerwort.",
    "Shelter: Unterkunft Lindenhof", "Role: Volunteer coordination", "Since: 01.01.2025",
    "Note: Tandem seit Frühjahr", "Note: Mentoring Vereinbarung", "Since: 01.02.2026",
    "10.03.2026, 10:00", "Duration: 45 min", "Format: Phone", "Topics: Ehrenamt, Sprachmittlung",
    "Notes: Anna stellt vor. Besprochen: Dienstplan Zauberwort",
    "Follow-up: Flyer Glockenblume drucken", "Due: 01.04.2026",
    "Event: Jour fixe Testregion", "Date: 02.06.2026, 10:00", "Status: Attended",
    "Notes: Entwurf Pusteblume",
    /* Not linked, but naming her: in their own section. */
    "05.05.2026, 14:00", "Notes: Rückruf: quellborn hat angerufen",
    "07.07.2026, 11:00", "Notes: Frage von ANNA zu Dachboden",
  };
  const char *others[] = {
    /* Bodo's own data, the other person consulted with her and her consultations' author */
    "bodo.kranichfeld@example.org", "030 7654321", "Sternfrucht", "Heimstatt",
    "Zweiter Fantasieverein", "Rita Redlich",
    /* Carla, and what concerns only Bodo or Carla */
    "Wintermond", "Carla", "Geheimnis", "Mondschein", "Nebelhorn", "Kieselstein", "Excused",
  };

  text = bb_privacy_dup_person_report (fixture->base.store, fixture->anna, TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    assert_contains (text, own[i]);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    assert_lacks (text, others[i]);

  /* Bodo's name is there only as the other end of her links, never among the participants. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Kranichfeld") != NULL)
      g_assert_true (g_str_has_prefix (lines[i], "Link: "));
  assert_contains (text, "Link: Anna Quellbörn – cooperates with – Bodo Kranichfeld");
  assert_contains (text, "Link: Bodo Kranichfeld – advises – Anna Quellbörn");

  /* Bodo's Auskunft has nothing of Anna's own fields. */
  g_clear_pointer (&text, g_free);
  text = bb_privacy_dup_person_report (fixture->base.store, fixture->bodo, TODAY, &error);
  g_assert_no_error (error);
  assert_contains (text, "Notes: Notiz Sternfrucht");
  assert_contains (text, "Status: Excused");
  assert_contains (text, "Notes: Bodo und Annabell, Thema Mondschein");
  assert_lacks (text, "anna.quellboern@example.org");
  assert_lacks (text, "Ankerwort");
  assert_lacks (text, "Jour fixe Testregion");
  assert_lacks (text, "quellborn hat angerufen");

  g_clear_pointer (&text, g_free);
  g_assert_null (bb_privacy_dup_person_report (fixture->base.store, 999, TODAY, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
}

static void
test_report_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, "auskunft.txt", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (bb_privacy_write_person_report (fixture->base.store, fixture->anna, TODAY, path,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  expected = bb_privacy_dup_person_report (fixture->base.store, fixture->anna, TODAY, &error);
  g_assert_cmpstr (contents, ==, expected);
}

/* Mentions ------------------------------------------------------------------------------------ */

static void
test_mentions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  BbPrivacyMention *mention;

  mentions = bb_privacy_list_mentions (fixture->base.store, fixture->anna, &error);
  g_assert_no_error (error);

  /* Newest first; "Annabell" is another name, not a mention. */
  g_assert_cmpuint (mentions->len, ==, 3);
  mention = g_ptr_array_index (mentions, 0);
  g_assert_cmpint (mention->consultation_id, ==, fixture->shouted);
  g_assert_cmpstr (mention->started_at, ==, "2026-07-07T11:00");
  g_assert_cmpstr (mention->shelter, ==, "Unterkunft Lindenhof");
  g_assert_false (mention->linked);
  mention = g_ptr_array_index (mentions, 1);
  g_assert_cmpint (mention->consultation_id, ==, fixture->reported);
  g_assert_cmpstr (mention->shelter, ==, "Unterkunft Birkenweg");
  g_assert_false (mention->linked);
  mention = g_ptr_array_index (mentions, 2);
  g_assert_cmpint (mention->consultation_id, ==, fixture->together);
  g_assert_true (mention->linked);

  g_clear_pointer (&mentions, g_ptr_array_unref);
  mentions = bb_privacy_list_mentions (fixture->base.store, fixture->carla, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 0);

  /* Double quotes in a name cannot break out of the search. */
  bb_test_insert (fixture->base.store, g_object_new (BB_TYPE_PERSON,
                                                     "given-name", "\"Bodo\" OR x",
                                                     "family-name", "\"", NULL));
  g_clear_pointer (&mentions, g_ptr_array_unref);
  mentions = bb_privacy_list_mentions (fixture->base.store,
                                       bb_test_query_int (fixture->base.store,
                                                          "SELECT max(id) FROM person"),
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 0);
}

/* Erasure ------------------------------------------------------------------------------------- */

static gint64
count (BbStore    *store,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return bb_test_query_int (store, sql);
}

/* Every row of every table whose foreign keys point at the person, found from the schema
 * itself, so that a table added later is checked too. */
static gint64
count_references (BbStore *store,
                  gint64   person_id)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  tables = _bb_store_prepare (store,
                              "SELECT m.name, f.\"from\" FROM sqlite_master m,"
                              " pragma_foreign_key_list (m.name) f"
                              " WHERE m.type = 'table' AND f.\"table\" = 'person'",
                              &error);
  g_assert_no_error (error);
  while (sqlite3_step (tables) == SQLITE_ROW)
    g_ptr_array_add (queries, g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = %"
                                               G_GINT64_FORMAT,
                                               sqlite3_column_text (tables, 0),
                                               sqlite3_column_text (tables, 1), person_id));
  g_clear_pointer (&tables, _bb_store_release);

  /* consultation_person, person_shelter, relation (2), event (organiser), event_invitee,
   * attendance */
  g_assert_cmpuint (queries->len, >=, 7);
  for (guint i = 0; i < queries->len; i++)
    total += bb_test_query_int (store, g_ptr_array_index (queries, i));

  return total + count (store, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT,
                        person_id);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The file holds NUL bytes: no string search. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static const char * const anna_bytes[] = {
  "Quellbörn", "anna.quellboern@example.org", "030 1234567", "Ankerwort", "vormittags",
  "Ehrenamtskoordinatorin",
};

static void
test_erase (Fixture       *fixture,
            gconstpointer  data)
{
  BbStore *store = fixture->base.store;
  g_autofree char *wal = g_strconcat (fixture->base.path, "-wal", NULL);
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GVariant) people = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *ids;
  gsize n_ids;

  /* Her data is in the file to begin with. */
  count (store, "PRAGMA wal_checkpoint (TRUNCATE)");
  for (guint i = 0; i < G_N_ELEMENTS (anna_bytes); i++)
    g_assert_true (file_contains (fixture->base.path, anna_bytes[i]));
  g_assert_cmpint (count_references (store, fixture->anna), ==, 8);

  g_assert_true (bb_privacy_erase_person (store, fixture->anna, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_references (store, fixture->anna), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_index WHERE rowid = %"
                          G_GINT64_FORMAT, fixture->anna * 4 + 1), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_index"
                                 " WHERE search_index MATCH 'quellboern OR ankerwort'"), ==, 0);
  /* Free text stays: the consultation that names her is still found by her name. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_index"
                                 " WHERE search_index MATCH 'quellborn'"), ==, 1);

  /* The rest is untouched: the others, the consultations, the event she organised. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation_person"
                                 " WHERE consultation_id = %" G_GINT64_FORMAT,
                          fixture->together), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event WHERE id = %" G_GINT64_FORMAT
                                 " AND organiser_id IS NULL", fixture->jour_fixe), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relation"), ==, 1);

  /* Her draft keeps what was typed, without her. */
  draft = bb_draft_load (store, BB_DRAFT_CONSULTATION, 0, NULL, &error);
  g_assert_no_error (error);
  people = g_variant_lookup_value (draft, "people", G_VARIANT_TYPE ("ax"));
  ids = g_variant_get_fixed_array (people, &n_ids, sizeof (gint64));
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, fixture->bodo);
  g_assert_true (g_variant_lookup (draft, "notes", "&s", NULL));

  /* Nothing of her is left on disk: not in the database's pages, not in the log. */
  for (guint i = 0; i < G_N_ELEMENTS (anna_bytes); i++)
    {
      if (file_contains (fixture->base.path, anna_bytes[i]))
        g_error ("“%s” is still in the database file", anna_bytes[i]);
      g_assert_false (file_contains (wal, anna_bytes[i]));
    }
  g_assert_true (file_contains (fixture->base.path, "Kranichfeld"));

  g_assert_false (bb_privacy_erase_person (store, fixture->anna, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
}

static void
count_commit (guint *n)
{
  (*n)++;
}

static void
test_erase_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  BbStore *store = fixture->base.store;
  g_autoptr(sqlite3_stmt) trigger = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_before = NULL;
  g_autofree char *drafts_after = NULL;
  guint changes = 0;

  /* The last cascade fails: everything before it must come back. */
  trigger = _bb_store_prepare (store,
                               "CREATE TEMP TRIGGER refuse BEFORE DELETE ON main.attendance"
                               " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (trigger), ==, SQLITE_DONE);
  g_clear_pointer (&trigger, _bb_store_release);

  before = bb_store_count_tables (store, &error);
  drafts_before = bb_test_query_text (store, "SELECT group_concat (content, '|') FROM draft");
  g_signal_connect_swapped (store, "committed", G_CALLBACK (count_commit), &changes);

  g_assert_false (bb_privacy_erase_person (store, fixture->anna, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (changes, ==, 0);

  after = bb_store_count_tables (store, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      BbTableCount *a = g_ptr_array_index (before, i);
      BbTableCount *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (a->table, ==, b->table);
      g_assert_cmpint (a->count, ==, b->count);
    }
  drafts_after = bb_test_query_text (store, "SELECT group_concat (content, '|') FROM draft");
  g_assert_cmpstr (drafts_before, ==, drafts_after);
  g_assert_cmpint (count_references (store, fixture->anna), ==, 8);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_index"
                                 " WHERE search_index MATCH 'ankerwort'"), ==, 1);
  g_signal_handlers_disconnect_by_data (store, &changes);
}

/* Retention ----------------------------------------------------------------------------------- */

static void
test_retention_cutoff (void)
{
  char cutoff[11];

  g_assert_true (bb_privacy_retention_cutoff ("2026-11-25", 2, cutoff));
  g_assert_cmpstr (cutoff, ==, "2024-11-25");
  g_assert_true (bb_privacy_retention_cutoff ("2028-02-29", 1, cutoff));
  g_assert_cmpstr (cutoff, ==, "2027-02-28");
  g_assert_true (bb_privacy_retention_cutoff ("2028-02-29", 4, cutoff));
  g_assert_cmpstr (cutoff, ==, "2024-02-29");
  g_assert_true (bb_privacy_retention_cutoff ("2026-01-01T08:00", 10, cutoff));
  g_assert_cmpstr (cutoff, ==, "2016-01-01");
  g_assert_false (bb_privacy_retention_cutoff ("2026-11-25", 0, cutoff));
  g_assert_cmpstr (cutoff, ==, "");
  g_assert_false (bb_privacy_retention_cutoff ("2026-02-30", 1, cutoff));
  g_assert_false (bb_privacy_retention_cutoff ("gestern", 1, cutoff));
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  BbStore *store = fixture->base.store;
  gint64 shelter = bb_test_add_shelter (store, "Unterkunft Altbau", "Pankow");
  const char *topics[] = { "Archivthema", NULL };
  BbRetention retention;
  g_autoptr(GError) error = NULL;
  gint64 last_day, first_kept, ancient;

  /* Two years before 25.11.2026 is 25.11.2024: the day before is older, that day is not. */
  last_day = add_consultation (store, "2024-11-24T23:59", shelter, "Altnotiz Eisvogel",
                               fixture->anna, fixture->carla);
  first_kept = add_consultation (store, "2024-11-25T00:00", shelter, "Grenznotiz Buntspecht",
                                 fixture->anna, 0);
  ancient = add_consultation (store, "2019-01-15T10:00", 0, "Uraltnotiz Wiedehopf",
                              fixture->bodo, 0);
  bb_store_set_consultation_topics (store, last_day, topics, &error);
  g_assert_no_error (error);
  bb_store_set_consultation_topics (store, ancient, topics, &error);
  g_assert_no_error (error);
  bb_test_insert (store, g_object_new (BB_TYPE_FOLLOWUP, "consultation-id", last_day,
                                       "text", "Akte schließen", NULL));
  bb_test_insert (store, g_object_new (BB_TYPE_FOLLOWUP, "consultation-id", first_kept,
                                       "text", "Akte prüfen", NULL));
  add_draft (store, ancient, "Entwurf zur Uraltnotiz", fixture->bodo, 0);

  g_assert_true (bb_privacy_count_expired (store, TODAY, 2, &retention, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (retention.cutoff, ==, "2024-11-25");
  g_assert_cmpuint (retention.n_consultations, ==, 2);
  g_assert_cmpuint (retention.n_followups, ==, 1);
  g_assert_cmpuint (retention.n_people, ==, 3);
  g_assert_cmpuint (retention.n_topics, ==, 2);
  g_assert_cmpuint (retention.n_drafts, ==, 1);

  /* Counting changed nothing; a longer period finds only the oldest. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation"), ==, 7);
  g_assert_true (bb_privacy_count_expired (store, TODAY, 7, &retention, &error));
  g_assert_cmpuint (retention.n_consultations, ==, 1);
  g_assert_false (bb_privacy_count_expired (store, TODAY, 0, &retention, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  memset (&retention, 0, sizeof retention);
  g_assert_true (bb_privacy_delete_expired (store, TODAY, 2, &retention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (retention.n_consultations, ==, 2);
  g_assert_cmpuint (retention.n_followups, ==, 1);
  g_assert_cmpuint (retention.n_people, ==, 3);

  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation"), ==, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation WHERE id IN (%"
                          G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", last_day, ancient), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation WHERE id = %"
                          G_GINT64_FORMAT, first_kept), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM followup"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation_person WHERE consultation_id"
                          " NOT IN (SELECT id FROM consultation)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM consultation_topic WHERE consultation_id"
                          " NOT IN (SELECT id FROM consultation)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM draft WHERE record_id = %"
                          G_GINT64_FORMAT, ancient), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM draft"), ==, 2);
  /* The people and the topic stay; only the consultations go. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM topic WHERE name = 'Archivthema'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_index"
                                 " WHERE search_index MATCH 'eisvogel OR wiedehopf'"), ==, 0);
  g_assert_false (file_contains (fixture->base.path, "Wiedehopf"));
  g_assert_true (file_contains (fixture->base.path, "Buntspecht"));

  /* Nothing is older any more. */
  g_assert_true (bb_privacy_delete_expired (store, TODAY, 2, &retention, &error));
  g_assert_cmpuint (retention.n_consultations, ==, 0);
  g_assert_false (bb_privacy_delete_expired (store, TODAY, 0, NULL, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/privacy/report", test_report);
  ADD ("/privacy/report/file", test_report_file);
  ADD ("/privacy/mentions", test_mentions);
  ADD ("/privacy/erase", test_erase);
  ADD ("/privacy/erase/rollback", test_erase_rollback);
  g_test_add_func ("/privacy/retention/cutoff", test_retention_cutoff);
  ADD ("/privacy/retention", test_retention);

  return g_test_run ();
}
