/* test-shelters.c: the queries of the Unterkünfte view — filters, sorts, days since the last
 * consultation, "Lange kein Kontakt" and invitations — on a small dataset with known answers
 * and on demo data against an independent computation.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-shelters"

#include "config.h"

#include <glib/gstdio.h>

#include "bb-core.h"
#include "bb-store-shelters.h"
#include "bb-test-core.h"

#define TODAY "2026-11-25"

/* Ids of the districts and regions of the initial schema. */
#define MITTE 1
#define PANKOW 2
#define SPANDAU 4
#define NEUKOELLN 9
#define NORD 1
#define WEST 2

typedef struct
{
  char    *dir;
  BbStore *store;
  gint64   s1, s2, s3, s4, s5;   /* the shelters of the small dataset */
  gint64   event1, event2;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = bb_test_make_dir ();
  fixture->store = bb_test_open_store (fixture->dir, "test.sqlite3", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  bb_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
insert (Fixture  *fixture,
        gpointer  record)
{
  return bb_test_insert (fixture->store, record);
}

static gint64
add_shelter (Fixture    *fixture,
             const char *name,
             const char *kind,
             gint64      district_id,
             const char *status,
             int         residents,
             const char *street,
             gint64      operator_id)
{
  return insert (fixture, g_object_new (BB_TYPE_SHELTER,
                                        "name", name,
                                        "kind", kind,
                                        "district-id", district_id,
                                        "status", status,
                                        "residents", residents,
                                        "street", street,
                                        "operator-id", operator_id,
                                        NULL));
}

static void
add_consultation (Fixture    *fixture,
                  gint64      shelter_id,
                  const char *started_at)
{
  insert (fixture, g_object_new (BB_TYPE_CONSULTATION,
                                 "shelter-id", shelter_id,
                                 "started-at", started_at,
                                 NULL));
}

/* Five shelters whose answers are worked out by hand in the tests. */
static void
fixture_set_up_small (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 alpha, beta, person;

  fixture_set_up (fixture, data);

  alpha = insert (fixture, g_object_new (BB_TYPE_ORGANISATION, "name", "Alpha Träger", NULL));
  beta = insert (fixture, g_object_new (BB_TYPE_ORGANISATION, "name", "Beta gGmbH", NULL));

  fixture->s1 = add_shelter (fixture, "Haus Am See", "community", MITTE, "open", 100,
                             "Seestraße 1", alpha);
  fixture->s2 = add_shelter (fixture, "Containerdorf Zeta", "tempohome", SPANDAU, "open", 50,
                             "Feldweg 2", beta);
  fixture->s3 = add_shelter (fixture, "Notunterkunft Beta", "emergency", NEUKOELLN, "closed", 30,
                             NULL, 0);
  fixture->s4 = add_shelter (fixture, "Aufnahme Nord", "reception", PANKOW, "planned", -1,
                             "Nordring 4", alpha);
  fixture->s5 = add_shelter (fixture, "Gemeinschaftsunterkunft Mitte", "community", MITTE,
                             "open", 200, "Lindenallee 5", 0);

  add_consultation (fixture, fixture->s1, "2026-06-01T10:00");
  add_consultation (fixture, fixture->s1, "2026-11-20T10:00");
  add_consultation (fixture, fixture->s2, "2026-08-01T09:00");
  /* Exactly twelve weeks before TODAY: not more than twelve weeks without contact. */
  add_consultation (fixture, fixture->s5, "2026-09-02T08:00");

  person = insert (fixture, g_object_new (BB_TYPE_PERSON, "family-name", "Muster", NULL));
  insert (fixture, g_object_new (BB_TYPE_PERSON_SHELTER,
                                 "person-id", person, "shelter-id", fixture->s1, NULL));
  fixture->event1 = insert (fixture, g_object_new (BB_TYPE_EVENT,
                                                   "uid", "e1@test", "title", "Jour fixe",
                                                   "starts-at", "2026-10-01T10:00",
                                                   "ends-at", "2026-10-01T12:00", NULL));
  fixture->event2 = insert (fixture, g_object_new (BB_TYPE_EVENT,
                                                   "uid", "e2@test", "title", "Werkstatt",
                                                   "starts-at", "2026-11-01T10:00",
                                                   "ends-at", "2026-11-01T12:00", NULL));
  insert (fixture, g_object_new (BB_TYPE_EVENT_INVITEE,
                                 "event-id", fixture->event1, "shelter-id", fixture->s1, NULL));
  insert (fixture, g_object_new (BB_TYPE_EVENT_INVITEE,
                                 "event-id", fixture->event2, "shelter-id", fixture->s1, NULL));
  insert (fixture, g_object_new (BB_TYPE_ATTENDANCE,
                                 "event-id", fixture->event1, "occurrence", "2026-10-01T10:00",
                                 "person-id", person, "status", "attended", NULL));
}

/* The ids of a list, as a string such as "4 2 5" for readable failures. */
static char *
dup_ids (GListModel *model,
         Fixture    *fixture)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (model, i);
      gint64 id = bb_record_get_id (record);
      const char *name = id == fixture->s1 ? "s1" : id == fixture->s2 ? "s2"
                         : id == fixture->s3 ? "s3" : id == fixture->s4 ? "s4"
                         : id == fixture->s5 ? "s5" : "?";

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_query_ids (Fixture        *fixture,
               BbShelterQuery *query)
{
  g_autoptr(GListModel) model = NULL;

  g_free (query->today);
  query->today = g_strdup (TODAY);
  model = bb_store_list_shelters (fixture->store, query);

  return dup_ids (model, fixture);
}

#define ASSERT_QUERY(fixture, query, expected) \
  G_STMT_START { \
    g_autofree char *ids__ = dup_query_ids ((fixture), (query)); \
    g_assert_cmpstr (ids__, ==, (expected)); \
  } G_STMT_END

static void
test_days_since (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *last = bb_store_dup_last_consultation (fixture->store, fixture->s1);

  g_assert_cmpstr (last, ==, "2026-11-20T10:00");
  g_assert_null (bb_store_dup_last_consultation (fixture->store, fixture->s3));

  g_assert_cmpint (bb_store_days_since_consultation (fixture->store, fixture->s1, TODAY), ==, 5);
  g_assert_cmpint (bb_store_days_since_consultation (fixture->store, fixture->s2, TODAY), ==, 116);
  g_assert_cmpint (bb_store_days_since_consultation (fixture->store, fixture->s3, TODAY), ==, -1);
  g_assert_cmpint (bb_store_days_since_consultation (fixture->store, fixture->s4, TODAY), ==, -1);
  g_assert_cmpint (bb_store_days_since_consultation (fixture->store, fixture->s5, TODAY), ==, 84);

  g_assert_cmpint (bb_store_count_shelter_consultations (fixture->store, fixture->s1), ==, 2);
  g_assert_cmpint (bb_store_count_shelter_consultations (fixture->store, fixture->s4), ==, 0);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BbShelterQuery) query = bb_shelter_query_new ();

  ASSERT_QUERY (fixture, query, "s4 s2 s5 s1 s3");

  /* Search: name, street, district and operator, case-insensitive, LIKE characters literal. */
  query->text = g_strdup ("mitte");
  ASSERT_QUERY (fixture, query, "s5 s1");
  g_free (query->text);
  query->text = g_strdup ("SEE");
  ASSERT_QUERY (fixture, query, "s1");
  g_free (query->text);
  query->text = g_strdup ("beta");
  ASSERT_QUERY (fixture, query, "s2 s3");
  g_free (query->text);
  query->text = g_strdup ("  nordring ");
  ASSERT_QUERY (fixture, query, "s4");
  g_free (query->text);
  query->text = g_strdup ("%");
  ASSERT_QUERY (fixture, query, "");
  g_clear_pointer (&query->text, g_free);

  query->kind = g_strdup ("community");
  ASSERT_QUERY (fixture, query, "s5 s1");
  g_clear_pointer (&query->kind, g_free);

  query->status = g_strdup ("closed");
  ASSERT_QUERY (fixture, query, "s3");
  g_free (query->status);
  query->status = g_strdup ("open");
  ASSERT_QUERY (fixture, query, "s2 s5 s1");
  g_clear_pointer (&query->status, g_free);

  query->region_id = WEST;
  ASSERT_QUERY (fixture, query, "s2");
  query->region_id = NORD;
  ASSERT_QUERY (fixture, query, "s4 s5 s1");
  query->district_id = PANKOW;
  ASSERT_QUERY (fixture, query, "s4");
  query->region_id = 0;
  query->district_id = MITTE;
  query->text = g_strdup ("haus");
  ASSERT_QUERY (fixture, query, "s1");
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BbShelterQuery) query = bb_shelter_query_new ();

  query->sort = BB_SHELTER_SORT_NAME;
  ASSERT_QUERY (fixture, query, "s4 s2 s5 s1 s3");
  query->sort = BB_SHELTER_SORT_DISTRICT;
  ASSERT_QUERY (fixture, query, "s5 s1 s3 s4 s2");
  query->sort = BB_SHELTER_SORT_RESIDENTS;
  ASSERT_QUERY (fixture, query, "s5 s1 s2 s3 s4");
  query->sort = BB_SHELTER_SORT_LAST_CONSULTATION;
  ASSERT_QUERY (fixture, query, "s4 s3 s2 s5 s1");
}

static void
test_no_contact (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BbShelterQuery) query = bb_shelter_query_new ();

  query->no_contact_weeks = 12;
  ASSERT_QUERY (fixture, query, "s4 s2");
  query->sort = BB_SHELTER_SORT_LAST_CONSULTATION;
  ASSERT_QUERY (fixture, query, "s4 s2");
  query->region_id = NORD;
  ASSERT_QUERY (fixture, query, "s4");
  query->region_id = 0;

  /* One week more and the shelter consulted exactly twelve weeks ago drops out … */
  query->no_contact_weeks = 13;
  ASSERT_QUERY (fixture, query, "s4 s2");
  /* … one week less and it is in. */
  query->no_contact_weeks = 11;
  ASSERT_QUERY (fixture, query, "s4 s2 s5");
  query->no_contact_weeks = 1;
  ASSERT_QUERY (fixture, query, "s4 s2 s5");
  query->no_contact_weeks = 0;
  ASSERT_QUERY (fixture, query, "s4 s3 s2 s5 s1");
}

static void
test_list_follows_changes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BbShelterQuery) query = bb_shelter_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(GBytes) undo = NULL;

  query->today = g_strdup (TODAY);
  query->no_contact_weeks = 12;
  model = bb_store_list_shelters (fixture->store, query);
  ids = dup_ids (model, fixture);
  g_assert_cmpstr (ids, ==, "s4 s2");

  /* A consultation takes a shelter off the list at once. */
  add_consultation (fixture, fixture->s2, "2026-11-24T09:00");
  g_clear_pointer (&ids, g_free);
  ids = dup_ids (model, fixture);
  g_assert_cmpstr (ids, ==, "s4");

  /* Another query on the same list. */
  query->no_contact_weeks = 0;
  query->text = g_strdup ("unterkunft");
  bb_shelter_query_apply (query, BB_RECORD_LIST (model));
  g_clear_pointer (&ids, g_free);
  ids = dup_ids (model, fixture);
  g_assert_cmpstr (ids, ==, "s5 s3");

  /* Deleting keeps the consultations with the shelter's name; undo brings it back. */
  undo = bb_store_delete_undoable (fixture->store, BB_TYPE_SHELTER, fixture->s5, &error);
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_free);
  ids = dup_ids (model, fixture);
  g_assert_cmpstr (ids, ==, "s3");
  g_assert_true (bb_store_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_free);
  ids = dup_ids (model, fixture);
  g_assert_cmpstr (ids, ==, "s5 s3");
  g_assert_cmpint (bb_store_count_shelter_consultations (fixture->store, fixture->s5), ==, 1);
}

static void
test_invitations (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  BbShelterInvitation *invitation;

  invitations = bb_store_list_shelter_invitations (fixture->store, fixture->s1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 2);

  invitation = g_ptr_array_index (invitations, 0);
  g_assert_cmpint (invitation->event_id, ==, fixture->event2);
  g_assert_cmpstr (invitation->title, ==, "Werkstatt");
  g_assert_cmpuint (invitation->n_attended, ==, 0);
  invitation = g_ptr_array_index (invitations, 1);
  g_assert_cmpint (invitation->event_id, ==, fixture->event1);
  g_assert_cmpstr (invitation->starts_at, ==, "2026-10-01T10:00");
  g_assert_cmpuint (invitation->n_attended, ==, 1);

  g_clear_pointer (&invitations, g_ptr_array_unref);
  invitations = bb_store_list_shelter_invitations (fixture->store, fixture->s2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 0);
}

/* Demo data -------------------------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
  char   *status;
  gint64  region_id;
  int     residents;
  char   *last;       /* newest consultation start, or NULL */
} Expected;

static void
expected_clear (gpointer data)
{
  Expected *e = data;

  g_free (e->name);
  g_free (e->status);
  g_free (e->last);
}

/* The shelters of the demo data and their newest consultations, by walking the plain lists. */
static GArray *
compute_expected (BbStore *store)
{
  g_autoptr(GListModel) shelters = bb_store_list (store, BB_TYPE_SHELTER);
  g_autoptr(GListModel) consultations = bb_store_list (store, BB_TYPE_CONSULTATION);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  guint n;

  g_array_set_clear_func (expected, expected_clear);

  n = g_list_model_get_n_items (consultations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbConsultation) c = g_list_model_get_item (consultations, i);
      gint64 shelter_id = bb_consultation_get_shelter_id (c);
      const char *known;

      if (shelter_id == 0)
        continue;
      known = g_hash_table_lookup (last, &shelter_id);
      if (known == NULL || strcmp (bb_consultation_get_started_at (c), known) > 0)
        g_hash_table_insert (last, g_memdup2 (&shelter_id, sizeof shelter_id),
                             g_strdup (bb_consultation_get_started_at (c)));
    }

  n = g_list_model_get_n_items (shelters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbShelter) s = g_list_model_get_item (shelters, i);
      g_autoptr(BbDistrict) district = bb_store_get (store, BB_TYPE_DISTRICT,
                                                     bb_shelter_get_district_id (s), NULL);
      Expected e = { 0, };

      e.id = bb_record_get_id (BB_RECORD (s));
      e.name = g_strdup (bb_shelter_get_name (s));
      e.status = g_strdup (bb_shelter_get_status (s));
      e.region_id = bb_district_get_region_id (district);
      e.residents = bb_shelter_get_residents (s);
      e.last = g_strdup (g_hash_table_lookup (last, &e.id));
      g_array_append_val (expected, e);
    }

  return expected;
}

static int
days_between (const char *iso_date_time,
              const char *today)
{
  g_autofree char *date_text = g_strndup (iso_date_time, 10);
  GDate date, now;

  g_date_clear (&date, 1);
  g_date_clear (&now, 1);
  g_date_set_parse (&date, date_text);
  g_date_set_parse (&now, today);
  g_assert_true (g_date_valid (&date) && g_date_valid (&now));

  return g_date_days_between (&date, &now);
}

static GHashTable *
ids_of (GListModel *model)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (model, i);
      gint64 id = bb_record_get_id (record);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return ids;
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(BbShelterQuery) query = bb_shelter_query_new ();
  guint n_no_contact_total = 0;

  g_assert_true (bb_demo_generate (fixture->store, 1.0, 7, date, NULL, NULL, &error));
  g_assert_no_error (error);
  expected = compute_expected (fixture->store);
  g_assert_cmpuint (expected->len, >, 20);

  /* Days since the last consultation, shelter by shelter. */
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      int days = e->last ? days_between (e->last, TODAY) : -1;

      g_assert_cmpint (bb_store_days_since_consultation (fixture->store, e->id, TODAY), ==, days);
    }

  /* "Lange kein Kontakt" for each region and for all, for several N. */
  query->today = g_strdup (TODAY);
  for (gint64 region = 0; region <= 3; region++)
    for (int weeks = 4; weeks <= 16; weeks += 4)
      {
        g_autoptr(GListModel) model = NULL;
        g_autoptr(GHashTable) ids = NULL;
        guint n_expected = 0;

        query->region_id = region;
        query->no_contact_weeks = weeks;
        query->sort = BB_SHELTER_SORT_LAST_CONSULTATION;
        model = bb_store_list_shelters (fixture->store, query);
        ids = ids_of (model);

        for (guint i = 0; i < expected->len; i++)
          {
            Expected *e = &g_array_index (expected, Expected, i);
            gboolean in = (region == 0 || e->region_id == region)
                          && g_strcmp0 (e->status, "closed") != 0
                          && (e->last == NULL || days_between (e->last, TODAY) > 7 * weeks);

            g_assert_cmpint (g_hash_table_contains (ids, &e->id), ==, in);
            n_expected += in;
          }
        g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
        if (region == 0 && weeks == 12)
          n_no_contact_total = n_expected;

        /* Never consulted first, then the longest ago. */
        for (guint i = 1; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(BbRecord) a = g_list_model_get_item (model, i - 1);
            g_autoptr(BbRecord) b = g_list_model_get_item (model, i);
            g_autofree char *la = bb_store_dup_last_consultation (fixture->store,
                                                                  bb_record_get_id (a));
            g_autofree char *lb = bb_store_dup_last_consultation (fixture->store,
                                                                  bb_record_get_id (b));

            g_assert_true (la == NULL || (lb != NULL && strcmp (la, lb) <= 0));
          }
      }
  /* The demo data is meant to have a list to work through, not everything or nothing. */
  g_assert_cmpuint (n_no_contact_total, >, 0);
  g_assert_cmpuint (n_no_contact_total, <, expected->len);

  /* Sorted by residents: never more after fewer, unknown last. */
  {
    g_autoptr(BbShelterQuery) by_residents = bb_shelter_query_new ();
    g_autoptr(GListModel) model = NULL;
    int previous = G_MAXINT;

    by_residents->sort = BB_SHELTER_SORT_RESIDENTS;
    model = bb_store_list_shelters (fixture->store, by_residents);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(BbShelter) s = g_list_model_get_item (model, i);
        int residents = bb_shelter_get_residents (s);

        if (previous == -1)
          g_assert_cmpint (residents, ==, -1);
        else if (residents != -1)
          g_assert_cmpint (residents, <=, previous);
        previous = residents;
      }
  }

  /* Search: a name's first word finds the shelters whose name has it, among others. */
  for (guint i = 0; i < expected->len; i += 7)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      g_autoptr(BbShelterQuery) search = bb_shelter_query_new ();
      g_autoptr(GListModel) model = NULL;
      g_autoptr(GHashTable) ids = NULL;

      search->text = g_strdup (e->name);
      model = bb_store_list_shelters (fixture->store, search);
      ids = ids_of (model);
      g_assert_true (g_hash_table_contains (ids, &e->id));
      for (guint j = 0; j < expected->len; j++)
        {
          Expected *other = &g_array_index (expected, Expected, j);

          /* Every shelter of that name is found. */
          if (g_ascii_strcasecmp (other->name, e->name) == 0)
            g_assert_true (g_hash_table_contains (ids, &other->id));
        }
    }
}

/* Shelters whose stored last consultation differs from the one the consultations give. */
#define CONTACT_MISMATCH \
  "SELECT (SELECT count(*) FROM (" \
  " SELECT shelter_id, last_consultation_at FROM shelter_contact" \
  " EXCEPT SELECT shelter_id, max (started_at) FROM consultation" \
  "  WHERE shelter_id IS NOT NULL GROUP BY shelter_id))" \
  " + (SELECT count(*) FROM (" \
  " SELECT shelter_id, max (started_at) FROM consultation" \
  "  WHERE shelter_id IS NOT NULL GROUP BY shelter_id" \
  " EXCEPT SELECT shelter_id, last_consultation_at FROM shelter_contact))"

static void
assert_contact (Fixture    *fixture,
                gint64      shelter_id,
                const char *expected)
{
  g_autofree char *last = bb_store_dup_last_consultation (fixture->store, shelter_id);

  g_assert_cmpstr (last, ==, expected);
  g_assert_cmpint (bb_test_query_int (fixture->store, CONTACT_MISMATCH), ==, 0);
}

/* The last consultation of each shelter is stored and kept by triggers (schema version 8):
 * it must stay what the consultations say through inserts, moves to another shelter or
 * date, deletions, the undo of each, and deleting a shelter and undoing that. */
static void
test_stored_last_consultation (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GBytes) undo = NULL;
  gint64 id;

  assert_contact (fixture, fixture->s1, "2026-11-20T10:00");
  g_assert_cmpint (bb_test_query_int (fixture->store, "SELECT count(*) FROM shelter_contact"), >, 0);

  /* A newer one, then moved to another shelter, then to an earlier date. */
  id = insert (fixture, g_object_new (BB_TYPE_CONSULTATION, "shelter-id", fixture->s1,
                                      "started-at", "2026-11-24T09:00", NULL));
  assert_contact (fixture, fixture->s1, "2026-11-24T09:00");
  add_consultation (fixture, fixture->s1, "2020-05-05T09:00");
  assert_contact (fixture, fixture->s1, "2026-11-24T09:00");
  consultation = bb_store_get (fixture->store, BB_TYPE_CONSULTATION, id, &error);
  g_assert_no_error (error);
  bb_consultation_set_shelter_id (consultation, fixture->s3);
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (consultation), &error));
  assert_contact (fixture, fixture->s1, "2026-11-20T10:00");
  assert_contact (fixture, fixture->s3, "2026-11-24T09:00");
  bb_consultation_set_started_at (consultation, "2020-01-01T09:00");
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (consultation), &error));
  assert_contact (fixture, fixture->s3, "2020-01-01T09:00");
  bb_consultation_set_shelter_id (consultation, 0);
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (consultation), &error));
  assert_contact (fixture, fixture->s3, NULL);
  bb_consultation_set_shelter_id (consultation, fixture->s1);
  bb_consultation_set_started_at (consultation, "2026-11-25T09:00");
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (consultation), &error));
  assert_contact (fixture, fixture->s1, "2026-11-25T09:00");

  /* Deleted, and the deletion undone. */
  undo = bb_store_delete_undoable (fixture->store, BB_TYPE_CONSULTATION, id, &error);
  g_assert_no_error (error);
  assert_contact (fixture, fixture->s1, "2026-11-20T10:00");
  g_assert_true (bb_store_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  assert_contact (fixture, fixture->s1, "2026-11-25T09:00");
  g_clear_pointer (&undo, g_bytes_unref);

  /* A shelter deleted (its consultations keep their name only), and the deletion undone. */
  undo = bb_store_delete_undoable (fixture->store, BB_TYPE_SHELTER, fixture->s1, &error);
  g_assert_no_error (error);
  assert_contact (fixture, fixture->s1, NULL);
  g_assert_true (bb_store_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  assert_contact (fixture, fixture->s1, "2026-11-25T09:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/shelters/days-since", Fixture, NULL, fixture_set_up_small, test_days_since,
              fixture_tear_down);
  g_test_add ("/shelters/filters", Fixture, NULL, fixture_set_up_small, test_filters,
              fixture_tear_down);
  g_test_add ("/shelters/sorts", Fixture, NULL, fixture_set_up_small, test_sorts,
              fixture_tear_down);
  g_test_add ("/shelters/no-contact", Fixture, NULL, fixture_set_up_small, test_no_contact,
              fixture_tear_down);
  g_test_add ("/shelters/list-follows-changes", Fixture, NULL, fixture_set_up_small,
              test_list_follows_changes, fixture_tear_down);
  g_test_add ("/shelters/invitations", Fixture, NULL, fixture_set_up_small, test_invitations,
              fixture_tear_down);
  g_test_add ("/shelters/stored-last-consultation", Fixture, NULL, fixture_set_up_small,
              test_stored_last_consultation, fixture_tear_down);
  g_test_add ("/shelters/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
