/* test-consultations.c: the queries of the Beratungen view and drafts.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-consultations"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "bb-core.h"
#include "bb-test-core.h"

typedef struct
{
  char    *dir;
  char    *path;
  BbStore *store;

  /* A small, fictional world: two shelters in different regions. */
  gint64   linde;        /* Pankow, region Nord */
  gint64   ulme;         /* Neukölln, region Südost */
  gint64   ada;
  gint64   bo;
  gint64   c_aerger;     /* 2026-03-02, Linde, Ada, on-site, Kim, topic Konflikte */
  gint64   c_cafe;       /* 2026-04-10, Ulme, Bo, phone, Lou, topic Sprachcafé */
  gint64   c_uebersetzung; /* 2026-05-20, Linde, Ada and Bo, video, Kim, topics both */
} Fixture;

/* A person who works in the shelter shelter_id. */
static gint64
add_person (BbStore    *store,
            const char *given_name,
            const char *family_name,
            gint64      shelter_id)
{
  gint64 id = bb_test_add_person (store, given_name, family_name);

  bb_test_insert (store, g_object_new (BB_TYPE_PERSON_SHELTER,
                                       "person-id", id,
                                       "shelter-id", shelter_id,
                                       NULL));

  return id;
}

static BbFollowup *
new_followup (const char *text,
              const char *due_on,
              const char *done_on)
{
  BbFollowup *followup = bb_followup_new ();

  bb_followup_set_text (followup, text);
  bb_followup_set_due_on (followup, due_on);
  bb_followup_set_done_on (followup, done_on);

  return followup;
}

static gint64
add_consultation (Fixture            *fixture,
                  const char         *started_at,
                  gint64              shelter_id,
                  const char         *format,
                  const char         *author,
                  const char         *notes,
                  const gint64       *people,
                  gsize               n_people,
                  const char * const *topics,
                  GPtrArray          *followups)
{
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (consultation,
                "started-at", started_at,
                "shelter-id", shelter_id,
                "region-id", bb_store_get_shelter_region (fixture->store, shelter_id),
                "format", format,
                "author", author,
                "notes", notes,
                NULL);
  g_assert_true (bb_store_save_consultation (fixture->store, consultation, people, n_people,
                                             topics, followups, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (consultation)), >, 0);

  return bb_record_get_id (BB_RECORD (consultation));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *konflikte[] = { "Konflikte", NULL };
  const char *cafe[] = { "Sprachcafé", NULL };
  const char *both[] = { "Konflikte", "Sprachcafé", NULL };
  gint64 ada_and_bo[2];

  fixture->dir = bb_test_make_dir ();
  fixture->store = bb_test_open_store (fixture->dir, "test.sqlite3", &fixture->path);

  fixture->linde = bb_test_add_shelter (fixture->store, "Haus Linde", "Pankow");
  fixture->ulme = bb_test_add_shelter (fixture->store, "Haus Ulme", "Neukölln");
  fixture->ada = add_person (fixture->store, "Ada", "Fink", fixture->linde);
  fixture->bo = add_person (fixture->store, "Bo", "Lind", fixture->ulme);
  ada_and_bo[0] = fixture->ada;
  ada_and_bo[1] = fixture->bo;

  fixture->c_aerger = add_consultation (fixture, "2026-03-02T10:00", fixture->linde, "on-site", "Kim",
                                        "Ärger mit der Heimleitung über die Kleiderkammer.\n"
                                        "Gespräch vereinbart.",
                                        &fixture->ada, 1, konflikte, NULL);
  fixture->c_cafe = add_consultation (fixture, "2026-04-10T14:30", fixture->ulme, "phone", "Lou",
                                      "Das Sprachcafé läuft; neue Ehrenamtliche für Übersetzungen gesucht.",
                                      &fixture->bo, 1, cafe, NULL);
  fixture->c_uebersetzung = add_consultation (fixture, "2026-05-20T09:15", fixture->linde, "video", "Kim",
                                              "Übersetzung der Hausordnung; kein Ärger mehr.",
                                              ada_and_bo, 2, both, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  bb_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The ids a query lists, in order, as "id,id,…", for readable failures. */
static char *
listed (Fixture             *fixture,
        BbConsultationQuery *query)
{
  g_autoptr(GListModel) list = bb_store_list_consultations (fixture->store, query);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_true (g_list_model_get_item_type (list) == BB_TYPE_CONSULTATION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (list, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", bb_record_get_id (record));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
ids (gint64 a,
     gint64 b,
     gint64 c)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 all[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != 0)
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? "," : "", all[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_lists(fixture, query, a, b, c)         \
  G_STMT_START {                                      \
    g_autofree char *got = listed ((fixture), (query)); \
    g_autofree char *want = ids ((a), (b), (c));      \
    g_assert_cmpstr (got, ==, want);                  \
  } G_STMT_END

static gint64
topic_id (BbStore    *store,
          const char *name)
{
  return bb_test_find_by_name (store, BB_TYPE_TOPIC, name);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(BbConsultationQuery) query = bb_consultation_query_new ();
  g_autoptr(BbConsultationQuery) copy = NULL;
  g_auto(GStrv) authors = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (bb_consultation_query_is_empty (query));
  /* Newest first. */
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_cafe, fixture->c_aerger);

  query->shelter_id = fixture->linde;
  g_assert_false (bb_consultation_query_is_empty (query));
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);
  query->shelter_id = 0;

  query->region_id = bb_store_get_shelter_region (fixture->store, fixture->ulme);
  g_assert_cmpint (query->region_id, !=, 0);
  g_assert_cmpint (query->region_id, !=, bb_store_get_shelter_region (fixture->store, fixture->linde));
  assert_lists (fixture, query, fixture->c_cafe, 0, 0);
  query->region_id = 0;

  query->person_id = fixture->bo;
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_cafe, 0);
  query->person_id = 0;

  query->topic_id = topic_id (fixture->store, "Konflikte");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);
  query->topic_id = 0;

  query->format = g_strdup ("phone");
  assert_lists (fixture, query, fixture->c_cafe, 0, 0);
  g_clear_pointer (&query->format, g_free);

  query->author = g_strdup ("Kim");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);
  g_clear_pointer (&query->author, g_free);

  /* Both ends of the range are whole days, included. */
  query->from = g_strdup ("2026-04-10");
  query->to = g_strdup ("2026-05-20");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_cafe, 0);
  g_free (query->from);
  query->from = g_strdup ("2026-04-11");
  assert_lists (fixture, query, fixture->c_uebersetzung, 0, 0);
  g_free (query->to);
  query->to = g_strdup ("2026-05-19");
  assert_lists (fixture, query, 0, 0, 0);
  g_clear_pointer (&query->from, g_free);
  g_clear_pointer (&query->to, g_free);

  /* Conditions combine. */
  query->person_id = fixture->ada;
  query->format = g_strdup ("on-site");
  copy = bb_consultation_query_copy (query);
  assert_lists (fixture, copy, fixture->c_aerger, 0, 0);

  authors = bb_store_dup_consultation_authors (fixture->store);
  joined = g_strjoinv ("|", authors);
  g_assert_cmpstr (joined, ==, "Kim|Lou");
}

static void
test_search_german (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BbConsultationQuery) query = bb_consultation_query_new ();
  g_autofree char *match = NULL;

  /* With and without the umlaut, in any case. */
  query->text = g_strdup ("Ärger");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);
  g_free (query->text);
  query->text = g_strdup ("arger");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);
  g_free (query->text);
  query->text = g_strdup ("ÄRGER");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);

  /* Prefixes: "Heim" finds "Heimleitung", "überset" "Übersetzung" and "Übersetzungen". */
  g_free (query->text);
  query->text = g_strdup ("Heim");
  assert_lists (fixture, query, fixture->c_aerger, 0, 0);
  g_free (query->text);
  query->text = g_strdup ("überset");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_cafe, 0);
  g_free (query->text);
  query->text = g_strdup ("sprachcafe");
  assert_lists (fixture, query, fixture->c_cafe, 0, 0);

  /* Every word is required. */
  g_free (query->text);
  query->text = g_strdup ("Ärger Hausordnung");
  assert_lists (fixture, query, fixture->c_uebersetzung, 0, 0);
  g_free (query->text);
  query->text = g_strdup ("Ärger Sprachcafé");
  assert_lists (fixture, query, 0, 0, 0);

  /* Only the notes: the shelter's name is not searched. */
  g_free (query->text);
  query->text = g_strdup ("Linde");
  assert_lists (fixture, query, 0, 0, 0);

  /* Search and filters together. */
  g_free (query->text);
  query->text = g_strdup ("ärger");
  query->person_id = fixture->bo;
  assert_lists (fixture, query, fixture->c_uebersetzung, 0, 0);
  query->person_id = 0;

  /* FTS5 syntax typed by someone is only text; no word is no search. */
  g_free (query->text);
  query->text = g_strdup ("\"Ärger*\" ^ (-:");
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_aerger, 0);
  g_free (query->text);
  query->text = g_strdup (" … – \" ");
  g_assert_true (bb_consultation_query_is_empty (query));
  assert_lists (fixture, query, fixture->c_uebersetzung, fixture->c_cafe, fixture->c_aerger);

  match = bb_consultation_match_query ("Ärger \"mit\"");
  g_assert_cmpstr (match, ==, "body : (\"Ärger\"* AND \"mit\"*)");
}

static void
test_snippet (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(BbConsultationSummary) summary = NULL;
  g_autoptr(BbConsultationSummary) plain = NULL;

  summary = bb_store_get_consultation_summary (fixture->store, fixture->c_aerger, "arger heim");
  g_assert_nonnull (summary);
  g_assert_nonnull (summary->snippet);
  /* The words as written in the notes, each marked. */
  g_assert_nonnull (strstr (summary->snippet, "\002Ärger\003"));
  g_assert_nonnull (strstr (summary->snippet, "\002Heimleitung\003"));
  g_assert_null (strstr (summary->snippet, "\002mit"));

  g_assert_cmpstr (summary->shelter_name, ==, "Haus Linde");
  g_assert_cmpstr (summary->people, ==, "Ada Fink");
  g_assert_cmpuint (g_strv_length (summary->topics), ==, 1);
  g_assert_cmpstr (summary->topics[0], ==, "Konflikte");

  plain = bb_store_get_consultation_summary (fixture->store, fixture->c_uebersetzung, NULL);
  g_assert_null (plain->snippet);
  g_assert_cmpstr (plain->people, ==, "Ada Fink, Bo Lind");
  g_assert_cmpuint (g_strv_length (plain->topics), ==, 2);

  g_assert_null (bb_store_get_consultation_summary (fixture->store, 999, NULL));
}

/* The store makes the snippet on a copy of the one row (a search of the whole index for one
 * row reads every row of each typed prefix): it must be the snippet the index itself gives. */
static void
test_snippet_as_index (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *texts[] = { "arger heim", "Ä", "h", "mit der", "über", "Übersetzung" };
  const gint64 ids[] = { fixture->c_aerger, fixture->c_uebersetzung, fixture->c_cafe };
  guint n_snippets = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(BbConsultationSummary) summary = NULL;
        g_autofree char *match = bb_consultation_match_query (texts[t]);
        g_autofree char *sql = NULL;
        g_autofree char *expected = NULL;
        char *quoted;

        summary = bb_store_get_consultation_summary (fixture->store, ids[i], texts[t]);
        quoted = sqlite3_mprintf ("%Q", match);
        sql = g_strdup_printf ("SELECT (SELECT snippet (search_index, 3, char (2), char (3), '…', 10)"
                               " FROM search_index WHERE search_index MATCH %s"
                               " AND rowid = %" G_GINT64_FORMAT ")",
                               quoted, ids[i] * 4 + 3);
        sqlite3_free (quoted);
        expected = bb_test_query_text (fixture->store, sql);
        g_assert_cmpstr (summary->snippet, ==, expected);
        n_snippets += expected != NULL;
      }

  /* Both sides were compared with real snippets, not only with nothing. */
  g_assert_cmpuint (n_snippets, >=, 4);
}

static void
test_list_follows_changes (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BbConsultationQuery) query = bb_consultation_query_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  query->text = g_strdup ("Kleiderkammer");
  list = bb_store_list_consultations (fixture->store, query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  id = add_consultation (fixture, "2026-06-01T10:00", fixture->ulme, "email", NULL,
                         "Spenden für die Kleiderkammer sortiert.", NULL, 0, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Editing the notes takes a consultation out of the results. */
  consultation = bb_store_get (fixture->store, BB_TYPE_CONSULTATION, id, &error);
  g_assert_no_error (error);
  bb_consultation_set_notes (consultation, "Spenden sortiert.");
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (consultation), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* A filter on people follows changes of the links. */
  g_clear_pointer (&query->text, g_free);
  query->person_id = fixture->bo;
  g_clear_object (&list);
  list = bb_store_list_consultations (fixture->store, query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (bb_store_set_consultation_people (fixture->store, id, &fixture->bo, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
}

static void
test_save_one_transaction (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GPtrArray) followups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) related = NULL;
  g_auto(GStrv) topics = NULL;
  g_autoptr(GArray) people = NULL;
  const char *new_topics[] = { "Konflikte", "Ausflüge", NULL };
  gint64 n_consultations = bb_store_count (fixture->store, BB_TYPE_CONSULTATION);
  gint64 n_topics = bb_store_count (fixture->store, BB_TYPE_TOPIC);
  gint64 id, kept_id;

  g_object_set (consultation,
                "started-at", "2026-07-01T11:00",
                "shelter-id", fixture->ulme,
                "notes", "Ausflug geplant.",
                NULL);
  g_ptr_array_add (followups, new_followup ("Busse anfragen", "2026-07-10", NULL));
  /* An empty follow-up breaks a rule: nothing at all is written. */
  g_ptr_array_add (followups, new_followup ("  ", NULL, NULL));

  g_assert_false (bb_store_save_consultation (fixture->store, consultation, &fixture->bo, 1,
                                              new_topics, followups, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (consultation)), ==, 0);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_CONSULTATION), ==, n_consultations);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_TOPIC), ==, n_topics);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_FOLLOWUP), ==, 0);

  bb_followup_set_text (g_ptr_array_index (followups, 1), "Eltern informieren");
  g_assert_true (bb_store_save_consultation (fixture->store, consultation, &fixture->bo, 1,
                                             new_topics, followups, &error));
  g_assert_no_error (error);
  id = bb_record_get_id (BB_RECORD (consultation));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_TOPIC), ==, n_topics + 1);
  topics = bb_store_get_consultation_topics (fixture->store, id);
  g_assert_cmpuint (g_strv_length (topics), ==, 2);
  people = bb_store_get_consultation_people (fixture->store, id);
  g_assert_cmpuint (people->len, ==, 1);

  /* Saving again updates the follow-ups kept, drops the others and adds new ones. */
  kept_id = bb_record_get_id (g_ptr_array_index (followups, 0));
  g_assert_cmpint (kept_id, >, 0);
  bb_followup_set_done_on (g_ptr_array_index (followups, 0), "2026-07-05");
  g_ptr_array_remove_index (followups, 1);
  g_ptr_array_add (followups, new_followup ("Fotos teilen", NULL, NULL));
  g_assert_true (bb_store_save_consultation (fixture->store, consultation, NULL, 0, NULL,
                                             followups, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (consultation)), ==, id);

  related = bb_store_list_related (fixture->store, BB_TYPE_FOLLOWUP, "consultation-id", id);
  g_assert_cmpuint (g_list_model_get_n_items (related), ==, 2);
  {
    g_autoptr(BbFollowup) first = g_list_model_get_item (related, 0);

    g_assert_cmpint (bb_record_get_id (BB_RECORD (first)), ==, kept_id);
    g_assert_cmpstr (bb_followup_get_done_on (first), ==, "2026-07-05");
  }
  g_clear_pointer (&people, g_array_unref);
  people = bb_store_get_consultation_people (fixture->store, id);
  g_assert_cmpuint (people->len, ==, 0);
}

static void
test_open_followups (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) followups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbConsultationSummary) summary = NULL;
  const char *expected[] = { "Protokoll schicken", "Raum buchen", "Termin finden", "Irgendwann" };
  gint64 id;

  g_ptr_array_add (followups, new_followup ("Raum buchen", "2099-12-01", NULL));
  g_ptr_array_add (followups, new_followup ("Irgendwann", NULL, NULL));
  g_ptr_array_add (followups, new_followup ("Erledigt", "2000-01-01", "2000-01-02"));
  g_ptr_array_add (followups, new_followup ("Protokoll schicken", "2001-05-01", NULL));
  id = add_consultation (fixture, "2026-08-01T10:00", fixture->linde, "on-site", "Kim", "Jour fixe",
                         NULL, 0, NULL, followups);
  g_ptr_array_set_size (followups, 0);
  g_ptr_array_add (followups, new_followup ("Termin finden", "2099-12-24", NULL));
  add_consultation (fixture, "2026-08-02T10:00", fixture->ulme, "phone", "Lou", "Telefonat",
                    NULL, 0, NULL, followups);

  /* Due first, without a date last, done ones not at all. */
  open = bb_store_list_open_followups (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BbFollowup) followup = g_list_model_get_item (open, i);

      g_assert_cmpstr (bb_followup_get_text (followup), ==, expected[i]);
    }

  summary = bb_store_get_consultation_summary (fixture->store, id, NULL);
  g_assert_cmpuint (summary->n_open, ==, 3);
  g_assert_cmpuint (summary->n_overdue, ==, 1);

  /* Done with one call, undone with its undo. */
  {
    g_autoptr(BbFollowup) first = g_list_model_get_item (open, 0);

    undo = bb_store_set_followup_done (fixture->store, bb_record_get_id (BB_RECORD (first)),
                                       "2026-11-25", &error);
    g_assert_no_error (error);
    g_assert_nonnull (undo);
  }
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, G_N_ELEMENTS (expected) - 1);
  {
    g_autoptr(BbFollowup) first = g_list_model_get_item (open, 0);

    g_assert_cmpstr (bb_followup_get_text (first), ==, "Raum buchen");
  }

  g_assert_true (bb_store_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, G_N_ELEMENTS (expected));
  {
    g_autoptr(BbFollowup) first = g_list_model_get_item (open, 0);

    g_assert_cmpstr (bb_followup_get_text (first), ==, "Protokoll schicken");
    g_assert_null (bb_followup_get_done_on (first));
  }

  g_assert_null (bb_store_set_followup_done (fixture->store, 9999, "2026-11-25", &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(GStrv) topics = bb_store_dup_topic_names (fixture->store);
  g_autoptr(GArray) people = bb_store_get_shelter_people (fixture->store, fixture->linde);

  /* Konflikte is used twice, Sprachcafé twice: equal counts sort by name. */
  g_assert_cmpuint (g_strv_length (topics), ==, 2);
  g_assert_cmpstr (topics[0], ==, "Konflikte");
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, fixture->ada);
  g_assert_cmpint (bb_store_get_shelter_region (fixture->store, 0), ==, 0);
}

static void
test_draft_recovery (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  g_autoptr(GVariant) loaded = NULL;
  g_autoptr(GArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *notes = NULL;
  const char *followup_texts[] = { "Rückruf „bis Freitag“", NULL };
  g_autofree const char **texts = NULL;
  gint64 n_shelters = bb_store_count (fixture->store, BB_TYPE_SHELTER);

  g_assert_null (bb_draft_load (fixture->store, BB_DRAFT_CONSULTATION, 0, NULL, &error));
  g_assert_no_error (error);

  g_variant_dict_insert (dict, "notes", "s", "Ärger über \"Lärm\" – noch\nnicht gelöst\t✓");
  g_variant_dict_insert (dict, "shelter-id", "x", fixture->linde);
  g_variant_dict_insert_value (dict, "followups", g_variant_new_strv (followup_texts, -1));
  g_assert_true (bb_draft_save (fixture->store, BB_DRAFT_CONSULTATION, 0,
                                g_variant_dict_end (dict), &error));
  g_assert_no_error (error);
  g_assert_true (bb_draft_save (fixture->store, BB_DRAFT_CONSULTATION, fixture->c_cafe,
                                g_variant_new_parsed ("{'notes': <'Sprachcafé'>}"), &error));
  g_assert_no_error (error);

  /* As after a crash: the store is closed without anything else, then opened again. */
  g_clear_object (&fixture->store);
  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);

  drafts = bb_draft_list (fixture->store, BB_DRAFT_CONSULTATION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 2);

  loaded = bb_draft_load (fixture->store, BB_DRAFT_CONSULTATION, 0, &updated_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_variant_lookup (loaded, "notes", "s", &notes));
  g_assert_cmpstr (notes, ==, "Ärger über \"Lärm\" – noch\nnicht gelöst\t✓");
  {
    gint64 shelter_id = 0;

    g_assert_true (g_variant_lookup (loaded, "shelter-id", "x", &shelter_id));
    g_assert_cmpint (shelter_id, ==, fixture->linde);
  }
  g_assert_true (g_variant_lookup (loaded, "followups", "^a&s", &texts));
  g_assert_cmpstr (texts[0], ==, followup_texts[0]);
  g_assert_nonnull (updated_at);
  g_assert_cmpuint (strlen (updated_at), ==, strlen ("2026-11-25T10:14:00"));

  /* Saving again replaces; discarding removes only that draft; drafts are no records. */
  g_assert_true (bb_draft_save (fixture->store, BB_DRAFT_CONSULTATION, 0,
                                g_variant_new_parsed ("@a{sv} {}"), &error));
  g_assert_no_error (error);
  g_assert_true (bb_draft_discard (fixture->store, BB_DRAFT_CONSULTATION, 0, &error));
  g_assert_no_error (error);
  g_assert_null (bb_draft_load (fixture->store, BB_DRAFT_CONSULTATION, 0, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_array_unref);
  drafts = bb_draft_list (fixture->store, BB_DRAFT_CONSULTATION, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpint (g_array_index (drafts, gint64, 0), ==, fixture->c_cafe);
  g_assert_true (bb_draft_discard (fixture->store, BB_DRAFT_CONSULTATION, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, n_shelters);
  g_assert_false (bb_store_is_empty (fixture->store));
}

/* The filters stay instant on many consultations: 20 000 here, a tenth of a large region. */
static void
test_filters_scale (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BbConsultationQuery) query = bb_consultation_query_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  g_assert_true (bb_store_begin (fixture->store, &error));
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(BbConsultation) consultation = bb_consultation_new ();
      g_autofree char *started_at = g_strdup_printf ("2025-%02u-%02uT%02u:00", i % 12 + 1,
                                                     i % 28 + 1, i % 10 + 8);

      g_object_set (consultation,
                    "started-at", started_at,
                    "shelter-id", i % 2 ? fixture->linde : fixture->ulme,
                    "notes", i % 100 == 0 ? "Nachbarschaftsfest mit Ärger" : "Routinegespräch",
                    NULL);
      g_assert_true (bb_store_insert (fixture->store, BB_RECORD (consultation), &error));
    }
  g_assert_true (bb_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  query->text = g_strdup ("nachbar ärg");
  query->shelter_id = fixture->ulme;
  start = g_get_monotonic_time ();
  list = bb_store_list_consultations (fixture->store, query);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 200);
  g_test_message ("searched 20003 consultations in %.3f s", seconds);
  g_assert_cmpfloat (seconds, <, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/consultations/filters", test_filters);
  ADD ("/consultations/search-german", test_search_german);
  ADD ("/consultations/snippet", test_snippet);
  ADD ("/consultations/snippet-as-index", test_snippet_as_index);
  ADD ("/consultations/list-follows-changes", test_list_follows_changes);
  ADD ("/consultations/save-one-transaction", test_save_one_transaction);
  ADD ("/consultations/open-followups", test_open_followups);
  ADD ("/consultations/choices", test_choices);
  ADD ("/consultations/draft-recovery", test_draft_recovery);
  ADD ("/consultations/filters-scale", test_filters_scale);
#undef ADD

  return g_test_run ();
}
