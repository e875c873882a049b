/* test-network.c: the network's queries (filtered lists, neighbourhood) and the editors'
 * validation helpers.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-network"

#include "config.h"

#include <glib/gstdio.h>

#include "bb-core.h"
#include "bb-store-network.h"
#include "bb-test-core.h"
#include "bb-validate.h"

typedef struct
{
  char    *dir;
  BbStore *store;
  /* The hand-built graph (see fixture_set_up_graph). */
  gint64   o[5];
  gint64   p[6];
  gint64   r[6];
  gint64   shelter;
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
add_organisation (BbStore    *store,
                  const char *name,
                  const char *kind,
                  const char *district)
{
  g_autoptr(BbOrganisation) organisation = bb_organisation_new ();

  bb_organisation_set_name (organisation, name);
  bb_organisation_set_kind (organisation, kind);
  if (district != NULL)
    bb_organisation_set_district_id (organisation, bb_test_district_id (store, district));
  return bb_test_insert (store, g_steal_pointer (&organisation));
}

static gint64
add_person (BbStore    *store,
            const char *given,
            const char *family,
            gint64      organisation_id)
{
  g_autoptr(BbPerson) person = bb_person_new ();

  bb_person_set_given_name (person, given);
  bb_person_set_family_name (person, family);
  bb_person_set_organisation_id (person, organisation_id);
  return bb_test_insert (store, g_steal_pointer (&person));
}

/* from and to: a person's id if positive, an organisation's if negative. */
static gint64
add_relation (BbStore    *store,
              gint64      from,
              gint64      to,
              const char *kind)
{
  g_autoptr(BbRelation) relation = bb_relation_new ();

  if (from > 0)
    bb_relation_set_from_person_id (relation, from);
  else
    bb_relation_set_from_organisation_id (relation, -from);
  if (to > 0)
    bb_relation_set_to_person_id (relation, to);
  else
    bb_relation_set_to_organisation_id (relation, -to);
  bb_relation_set_kind (relation, kind);
  return bb_test_insert (store, g_steal_pointer (&relation));
}

static void
add_role (BbStore    *store,
          gint64      person_id,
          gint64      shelter_id,
          const char *until)
{
  g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();
  g_autoptr(GError) error = NULL;

  bb_person_shelter_set_person_id (role, person_id);
  bb_person_shelter_set_shelter_id (role, shelter_id);
  bb_person_shelter_set_role (role, "volunteer-coordination");
  bb_person_shelter_set_until (role, until);
  g_assert_true (bb_store_insert (store, BB_RECORD (role), &error));
  g_assert_no_error (error);
}

/* Organisations o1 (operator, Mitte: Nord), o2 (alliance, Spandau: West), o3 (project, no
 * district), o4 (project, no district, operates a shelter in Neukölln: Südost).
 * People p1, p2 of o1, p3 of o2, p4 without organisation but coordinating in the shelter in
 * Neukölln, p5 whose role there ended in 2020.
 * Relations r1 p1 → p3, r2 o2 → o3, r3 p4 → p1, r4 p3 → p1 (a cycle with r1), r5 o3 → o1. */
static void
fixture_set_up_graph (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BbShelter) shelter = bb_shelter_new ();
  BbStore *store;

  fixture_set_up (fixture, data);
  store = fixture->store;

  fixture->o[1] = add_organisation (store, "Lindenhof Sozialwerk", "operator", "Mitte");
  fixture->o[2] = add_organisation (store, "Bündnis Havelufer", "alliance", "Spandau");
  fixture->o[3] = add_organisation (store, "Projekt Wegweiser", "project", NULL);
  fixture->o[4] = add_organisation (store, "Projekt Sonnenweg", "project", NULL);

  bb_shelter_set_name (shelter, "Unterkunft Am Kiefernweg");
  bb_shelter_set_district_id (shelter, bb_test_district_id (store, "Neukölln"));
  bb_shelter_set_operator_id (shelter, fixture->o[4]);
  fixture->shelter = bb_test_insert (store, g_object_ref (shelter));

  fixture->p[1] = add_person (store, "Mira", "Albrecht", fixture->o[1]);
  fixture->p[2] = add_person (store, "Jonas", "Brenner", fixture->o[1]);
  fixture->p[3] = add_person (store, "Selin", "Cordes", fixture->o[2]);
  fixture->p[4] = add_person (store, "Tarek", "Dahlmann", 0);
  fixture->p[5] = add_person (store, "Ulla", "Ebert", 0);
  add_role (store, fixture->p[4], fixture->shelter, NULL);
  add_role (store, fixture->p[5], fixture->shelter, "2020-03-31");

  fixture->r[1] = add_relation (store, fixture->p[1], fixture->p[3], "cooperates");
  fixture->r[2] = add_relation (store, -fixture->o[2], -fixture->o[3], "funds");
  fixture->r[3] = add_relation (store, fixture->p[4], fixture->p[1], "advises");
  fixture->r[4] = add_relation (store, fixture->p[3], fixture->p[1], "refers-to");
  fixture->r[5] = add_relation (store, -fixture->o[3], -fixture->o[1], "member-of");
}

static void
assert_node (BbNeighbourhood *hood,
             guint            index,
             GType            type,
             gint64           id,
             guint            depth,
             guint            parent)
{
  BbNetworkNode *node = bb_neighbourhood_get_node (hood, index);

  g_assert_true (node->type == type);
  g_assert_cmpint (node->id, ==, id);
  g_assert_cmpuint (node->depth, ==, depth);
  g_assert_cmpuint (node->parent, ==, parent);
  g_assert_nonnull (node->label);
}

/* The edge from → to (node indices) with relation_id (0: membership), or a failure. */
static void
assert_edge (BbNeighbourhood *hood,
             guint            from,
             guint            to,
             gint64           relation_id,
             const char      *kind)
{
  for (guint i = 0; i < bb_neighbourhood_get_n_edges (hood); i++)
    {
      BbNetworkEdge *edge = bb_neighbourhood_get_edge (hood, i);

      if (edge->from == from && edge->to == to && edge->relation_id == relation_id)
        {
          g_assert_cmpstr (edge->kind, ==, kind);
          return;
        }
    }

  g_error ("No edge %u → %u (relation %" G_GINT64_FORMAT ")", from, to, relation_id);
}

static void
test_neighbourhood_person (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BbNeighbourhood) hood = NULL;
  g_autoptr(GError) error = NULL;

  hood = bb_store_get_neighbourhood (fixture->store, BB_TYPE_PERSON, fixture->p[1], 40, &error);
  g_assert_no_error (error);

  /* p1; its organisation, then the relations by age in both directions (r4 finds p3 again);
   * then through o1: o3 (r5) and the colleague p2; through p3: its organisation o2. r2 joins
   * two records of depth 2 and is not looked up. */
  g_assert_cmpuint (bb_neighbourhood_get_n_nodes (hood), ==, 7);
  assert_node (hood, 0, BB_TYPE_PERSON, fixture->p[1], 0, 0);
  assert_node (hood, 1, BB_TYPE_ORGANISATION, fixture->o[1], 1, 0);
  assert_node (hood, 2, BB_TYPE_PERSON, fixture->p[3], 1, 0);
  assert_node (hood, 3, BB_TYPE_PERSON, fixture->p[4], 1, 0);
  assert_node (hood, 4, BB_TYPE_ORGANISATION, fixture->o[3], 2, 1);
  assert_node (hood, 5, BB_TYPE_PERSON, fixture->p[2], 2, 1);
  assert_node (hood, 6, BB_TYPE_ORGANISATION, fixture->o[2], 2, 2);
  g_assert_cmpstr (bb_neighbourhood_get_node (hood, 0)->label, ==, "Mira Albrecht");
  g_assert_null (bb_neighbourhood_get_node (hood, 0)->kind);
  g_assert_cmpstr (bb_neighbourhood_get_node (hood, 1)->label, ==, "Lindenhof Sozialwerk");
  g_assert_cmpstr (bb_neighbourhood_get_node (hood, 1)->kind, ==, "operator");

  g_assert_cmpuint (bb_neighbourhood_get_n_edges (hood), ==, 7);
  assert_edge (hood, 0, 1, 0, NULL);
  assert_edge (hood, 0, 2, fixture->r[1], "cooperates");
  assert_edge (hood, 3, 0, fixture->r[3], "advises");
  assert_edge (hood, 2, 0, fixture->r[4], "refers-to");
  assert_edge (hood, 4, 1, fixture->r[5], "member-of");
  assert_edge (hood, 5, 1, 0, NULL);
  assert_edge (hood, 2, 6, 0, NULL);
  g_assert_cmpuint (hood->n_omitted, ==, 0);

  g_assert_cmpint (bb_neighbourhood_find (hood, BB_TYPE_PERSON, fixture->p[2]), ==, 5);
  g_assert_cmpint (bb_neighbourhood_find (hood, BB_TYPE_PERSON, fixture->p[5]), ==, -1);
  /* A person and an organisation may share an id: the type tells them apart. */
  g_assert_cmpint (bb_neighbourhood_find (hood, BB_TYPE_ORGANISATION, fixture->p[5]), ==, -1);
}

static void
test_neighbourhood_organisation (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(BbNeighbourhood) hood = NULL;
  g_autoptr(GError) error = NULL;

  hood = bb_store_get_neighbourhood (fixture->store, BB_TYPE_ORGANISATION, fixture->o[2], 40,
                                     &error);
  g_assert_no_error (error);

  /* o2: relations first (r2 → o3), then its member p3; then o3's r5 → o1, and p3's r1 → p1
   * (and r4 back: the same pair, another edge). */
  g_assert_cmpuint (bb_neighbourhood_get_n_nodes (hood), ==, 5);
  assert_node (hood, 0, BB_TYPE_ORGANISATION, fixture->o[2], 0, 0);
  assert_node (hood, 1, BB_TYPE_ORGANISATION, fixture->o[3], 1, 0);
  assert_node (hood, 2, BB_TYPE_PERSON, fixture->p[3], 1, 0);
  assert_node (hood, 3, BB_TYPE_ORGANISATION, fixture->o[1], 2, 1);
  assert_node (hood, 4, BB_TYPE_PERSON, fixture->p[1], 2, 2);

  g_assert_cmpuint (bb_neighbourhood_get_n_edges (hood), ==, 5);
  assert_edge (hood, 0, 1, fixture->r[2], "funds");
  assert_edge (hood, 2, 0, 0, NULL);
  assert_edge (hood, 1, 3, fixture->r[5], "member-of");
  assert_edge (hood, 4, 2, fixture->r[1], "cooperates");
  assert_edge (hood, 2, 4, fixture->r[4], "refers-to");

  /* A record without links is a picture of one. */
  g_clear_pointer (&hood, bb_neighbourhood_unref);
  hood = bb_store_get_neighbourhood (fixture->store, BB_TYPE_PERSON, fixture->p[5], 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bb_neighbourhood_get_n_nodes (hood), ==, 1);
  g_assert_cmpuint (bb_neighbourhood_get_n_edges (hood), ==, 0);

  /* An unknown record is an error. */
  g_clear_pointer (&hood, bb_neighbourhood_unref);
  hood = bb_store_get_neighbourhood (fixture->store, BB_TYPE_PERSON, 9999, 40, &error);
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND);
  g_assert_null (hood);
}

static void
test_neighbourhood_cap (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BbNeighbourhood) hood = NULL;
  g_autoptr(GError) error = NULL;

  hood = bb_store_get_neighbourhood (fixture->store, BB_TYPE_PERSON, fixture->p[1], 3, &error);
  g_assert_no_error (error);

  /* The nearest come first: p1, o1, p3; left out are p4 (ring 1), o3 and p2 (through o1) and
   * o2 (through p3). Edges only between what is kept, the cycle p1 ⇄ p3 both ways. */
  g_assert_cmpuint (bb_neighbourhood_get_n_nodes (hood), ==, 3);
  assert_node (hood, 1, BB_TYPE_ORGANISATION, fixture->o[1], 1, 0);
  assert_node (hood, 2, BB_TYPE_PERSON, fixture->p[3], 1, 0);
  g_assert_cmpuint (hood->n_omitted, ==, 4);
  g_assert_cmpuint (bb_neighbourhood_get_n_edges (hood), ==, 3);
  assert_edge (hood, 0, 1, 0, NULL);
  assert_edge (hood, 0, 2, fixture->r[1], "cooperates");
  assert_edge (hood, 2, 0, fixture->r[4], "refers-to");

  /* A hub: an organisation with 120 members keeps 40 nodes and counts the rest. */
  g_assert_true (bb_store_begin (fixture->store, &error));
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *family = g_strdup_printf ("Mitglied%03u", i);

      add_person (fixture->store, "Kim", family, fixture->o[3]);
    }
  g_assert_true (bb_store_commit (fixture->store, &error));
  g_clear_pointer (&hood, bb_neighbourhood_unref);
  hood = bb_store_get_neighbourhood (fixture->store, BB_TYPE_ORGANISATION, fixture->o[3],
                                     BB_NEIGHBOURHOOD_MAX_NODES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bb_neighbourhood_get_n_nodes (hood), ==, BB_NEIGHBOURHOOD_MAX_NODES);
  /* Relations first: o2 (r2) and o1 (r5) are kept before the members. */
  assert_node (hood, 1, BB_TYPE_ORGANISATION, fixture->o[2], 1, 0);
  assert_node (hood, 2, BB_TYPE_ORGANISATION, fixture->o[1], 1, 0);
  /* 2 organisations + 120 members in ring 1, then p3 (of o2) and p1, p2 (of o1): 125 found,
   * 39 kept. */
  g_assert_cmpuint (hood->n_omitted, ==, 125 - 39);
}

static GArray *
ids_of (GListModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (model, i);
      gint64 id = bb_record_get_id (record);

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
assert_ids (GListModel *model,
            guint       n,
            ...)
{
  g_autoptr(GArray) ids = ids_of (model);
  va_list args;

  g_assert_cmpuint (ids->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, va_arg (args, gint64));
  va_end (args);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  BbStore *store = fixture->store;
  gint64 nord = bb_test_region_id (store, "Nord");
  gint64 west = bb_test_region_id (store, "West");
  gint64 suedost = bb_test_region_id (store, "Südost");
  BbNetworkFilter filter = { 0 };
  g_autoptr(GListModel) list = NULL;

  list = bb_store_list_people (store, &filter);
  assert_ids (list, 5, fixture->p[1], fixture->p[2], fixture->p[3], fixture->p[4], fixture->p[5]);
  g_clear_object (&list);

  /* Region through the organisation's district … */
  filter.region_id = nord;
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 2, fixture->p[1], fixture->p[2]);
  g_clear_object (&list);
  filter.region_id = west;
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 1, fixture->p[3]);
  g_clear_object (&list);
  /* … or through a role in a shelter that has not ended. */
  filter.region_id = suedost;
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 1, fixture->p[4]);
  g_clear_object (&list);

  /* Kind of the organisation. */
  filter.region_id = 0;
  filter.organisation_kind = "operator";
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 2, fixture->p[1], fixture->p[2]);
  g_clear_object (&list);
  filter.region_id = west;
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 0);
  g_clear_object (&list);

  /* Search as typed: prefixes of every word, and the organisation's name. */
  filter = (BbNetworkFilter) { .search = "mir alb" };
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 1, fixture->p[1]);
  g_clear_object (&list);
  filter.search = "havel";
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 1, fixture->p[3]);
  g_clear_object (&list);
  filter.search = "\"*) OR (";
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 0);
  g_clear_object (&list);
  /* Nothing but punctuation is no search: everyone. */
  filter.search = " - ";
  list = bb_store_list_people (store, &filter);
  assert_ids (list, 5, fixture->p[1], fixture->p[2], fixture->p[3], fixture->p[4], fixture->p[5]);
  g_clear_object (&list);

  /* Organisations: by name, the region of their district or of a shelter they run. */
  filter = (BbNetworkFilter) { 0 };
  list = bb_store_list_organisations (store, &filter);
  assert_ids (list, 4, fixture->o[2], fixture->o[1], fixture->o[4], fixture->o[3]);
  g_clear_object (&list);
  filter.region_id = nord;
  list = bb_store_list_organisations (store, &filter);
  assert_ids (list, 1, fixture->o[1]);
  g_clear_object (&list);
  filter.region_id = suedost;
  list = bb_store_list_organisations (store, &filter);
  assert_ids (list, 1, fixture->o[4]);
  g_clear_object (&list);
  filter = (BbNetworkFilter) { .organisation_kind = "project" };
  list = bb_store_list_organisations (store, &filter);
  assert_ids (list, 2, fixture->o[4], fixture->o[3]);
  g_clear_object (&list);
  filter.search = "weg";
  list = bb_store_list_organisations (store, &filter);
  assert_ids (list, 1, fixture->o[3]);
  g_clear_object (&list);

  /* The lists follow changes of what they filter on: o3 moves to Reinickendorf (Nord). */
  filter = (BbNetworkFilter) { .region_id = nord };
  list = bb_store_list_organisations (store, &filter);
  assert_ids (list, 1, fixture->o[1]);
  {
    g_autoptr(BbOrganisation) o3 = bb_store_get (store, BB_TYPE_ORGANISATION, fixture->o[3],
                                                 NULL);
    g_autoptr(GError) error = NULL;

    bb_organisation_set_district_id (o3, bb_test_district_id (store, "Reinickendorf"));
    g_assert_true (bb_store_update (store, BB_RECORD (o3), &error));
    g_assert_no_error (error);
  }
  assert_ids (list, 2, fixture->o[1], fixture->o[3]);
  g_clear_object (&list);

  /* Shelters for the pickers. */
  list = bb_store_list_shelters_matching (store, "kiefern");
  assert_ids (list, 1, fixture->shelter);
  g_clear_object (&list);
  list = bb_store_list_shelters_matching (store, "zzz");
  assert_ids (list, 0);
  g_clear_object (&list);
  list = bb_store_list_shelters_matching (store, NULL);
  assert_ids (list, 1, fixture->shelter);
}

/* ---- Demo data, checked against what the records say ------------------------------------- */

static void
fixture_set_up_demo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);

  fixture_set_up (fixture, data);
  g_assert_true (bb_demo_generate (fixture->store, 0.2, 7, date, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The regions of a person, worked out from the records with no SQL of our own. */
static gboolean
person_in_region (BbStore    *store,
                  BbPerson   *person,
                  gint64      region,
                  GHashTable *district_region,
                  const char *today)
{
  gint64 organisation_id = bb_person_get_organisation_id (person);
  g_autoptr(GListModel) roles = NULL;

  if (organisation_id != 0)
    {
      g_autoptr(BbOrganisation) organisation = bb_store_get (store, BB_TYPE_ORGANISATION,
                                                             organisation_id, NULL);
      gint64 district = bb_organisation_get_district_id (organisation);

      if (district != 0
          && GPOINTER_TO_SIZE (g_hash_table_lookup (district_region, &district)) == (gsize) region)
        return TRUE;
    }

  roles = bb_store_list_related (store, BB_TYPE_PERSON_SHELTER, "person-id",
                                 bb_record_get_id (BB_RECORD (person)));
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(BbPersonShelter) role = g_list_model_get_item (roles, i);
      g_autoptr(BbShelter) shelter = NULL;
      const char *until = bb_person_shelter_get_until (role);
      gint64 district;

      if (until != NULL && g_strcmp0 (until, today) < 0)
        continue;
      shelter = bb_store_get (store, BB_TYPE_SHELTER, bb_person_shelter_get_shelter_id (role),
                              NULL);
      district = bb_shelter_get_district_id (shelter);
      if (GPOINTER_TO_SIZE (g_hash_table_lookup (district_region, &district)) == (gsize) region)
        return TRUE;
    }

  return FALSE;
}

static void
test_demo_regions (Fixture       *fixture,
                   gconstpointer  data)
{
  BbStore *store = fixture->store;
  g_autoptr(GHashTable) district_region = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free, NULL);
  g_autoptr(GListModel) districts = bb_store_list (store, BB_TYPE_DISTRICT);
  g_autoptr(GListModel) regions = bb_store_list (store, BB_TYPE_REGION);
  g_autoptr(GListModel) people = bb_store_list (store, BB_TYPE_PERSON);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(BbDistrict) district = g_list_model_get_item (districts, i);
      gint64 id = bb_record_get_id (BB_RECORD (district));

      g_hash_table_insert (district_region, g_memdup2 (&id, sizeof id),
                           GSIZE_TO_POINTER ((gsize) bb_district_get_region_id (district)));
    }

  g_assert_cmpuint (g_list_model_get_n_items (people), >, 100);

  for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
    {
      g_autoptr(BbRegion) region = g_list_model_get_item (regions, r);
      gint64 region_id_ = bb_record_get_id (BB_RECORD (region));
      BbNetworkFilter filter = { .region_id = region_id_ };
      g_autoptr(GListModel) listed = bb_store_list_people (store, &filter);
      g_autoptr(GArray) listed_ids = ids_of (listed);
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(BbPerson) person = g_list_model_get_item (people, i);

          if (person_in_region (store, person, region_id_, district_region, today))
            {
              gint64 id = bb_record_get_id (BB_RECORD (person));

              g_array_append_val (expected, id);
            }
        }

      /* Same people in the same (natural) order. */
      g_assert_cmpuint (listed_ids->len, ==, expected->len);
      g_assert_cmpuint (expected->len, >, 0);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpint (g_array_index (listed_ids, gint64, i), ==,
                         g_array_index (expected, gint64, i));
      total += expected->len;
    }

  /* Some people work in more than one region, and some in none listed. */
  g_test_message ("%u region memberships of %u people", total,
                  g_list_model_get_n_items (people));
}

typedef struct
{
  GHashTable *links;   /* node key → GPtrArray of node keys */
} Graph;

static void
graph_link (GHashTable *links,
            const char *a,
            const char *b)
{
  GPtrArray *list = g_hash_table_lookup (links, a);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (links, g_strdup (a), list);
    }
  g_ptr_array_add (list, g_strdup (b));
}

static char *
end_key (gint64 person_id,
         gint64 organisation_id)
{
  return person_id != 0 ? g_strdup_printf ("p%" G_GINT64_FORMAT, person_id)
                        : g_strdup_printf ("o%" G_GINT64_FORMAT, organisation_id);
}

static void
test_demo_neighbourhood (Fixture       *fixture,
                         gconstpointer  data)
{
  BbStore *store = fixture->store;
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GListModel) relations = bb_store_list (store, BB_TYPE_RELATION);
  g_autoptr(GListModel) people = bb_store_list (store, BB_TYPE_PERSON);
  guint checked = 0;

  /* The whole network as an adjacency list, from the records. */
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(BbRelation) relation = g_list_model_get_item (relations, i);
      g_autofree char *a = end_key (bb_relation_get_from_person_id (relation),
                                    bb_relation_get_from_organisation_id (relation));
      g_autofree char *b = end_key (bb_relation_get_to_person_id (relation),
                                    bb_relation_get_to_organisation_id (relation));

      graph_link (links, a, b);
      graph_link (links, b, a);
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BbPerson) person = g_list_model_get_item (people, i);
      g_autofree char *a = end_key (bb_record_get_id (BB_RECORD (person)), 0);
      g_autofree char *b = NULL;

      if (bb_person_get_organisation_id (person) == 0)
        continue;
      b = end_key (0, bb_person_get_organisation_id (person));
      graph_link (links, a, b);
      graph_link (links, b, a);
    }
  g_assert_cmpuint (g_list_model_get_n_items (relations), >, 0);

  /* Every 7th person: the records within two steps are exactly the nodes, at their depth. */
  for (guint i = 0; i < g_list_model_get_n_items (people); i += 7)
    {
      g_autoptr(BbPerson) person = g_list_model_get_item (people, i);
      gint64 id = bb_record_get_id (BB_RECORD (person));
      g_autofree char *centre = end_key (id, 0);
      g_autoptr(GHashTable) depth = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(BbNeighbourhood) hood = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *first = g_hash_table_lookup (links, centre);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_insert (depth, g_strdup (centre), GUINT_TO_POINTER (1));
      for (guint j = 0; first != NULL && j < first->len; j++)
        if (!g_hash_table_contains (depth, first->pdata[j]))
          g_hash_table_insert (depth, g_strdup (first->pdata[j]), GUINT_TO_POINTER (2));
      for (guint j = 0; first != NULL && j < first->len; j++)
        {
          GPtrArray *second = g_hash_table_lookup (links, first->pdata[j]);

          for (guint k = 0; second != NULL && k < second->len; k++)
            if (!g_hash_table_contains (depth, second->pdata[k]))
              g_hash_table_insert (depth, g_strdup (second->pdata[k]), GUINT_TO_POINTER (3));
        }

      hood = bb_store_get_neighbourhood (store, BB_TYPE_PERSON, id, G_MAXUINT, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bb_neighbourhood_get_n_nodes (hood), ==, g_hash_table_size (depth));
      g_assert_cmpuint (hood->n_omitted, ==, 0);

      g_hash_table_iter_init (&iter, depth);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *k = key;
          GType type = k[0] == 'p' ? BB_TYPE_PERSON : BB_TYPE_ORGANISATION;
          int index = bb_neighbourhood_find (hood, type, g_ascii_strtoll (k + 1, NULL, 10));

          g_assert_cmpint (index, >=, 0);
          g_assert_cmpuint (bb_neighbourhood_get_node (hood, index)->depth, ==,
                            GPOINTER_TO_UINT (value) - 1);
        }

      /* Every edge joins two nodes that are linked in the records. */
      for (guint e = 0; e < bb_neighbourhood_get_n_edges (hood); e++)
        {
          BbNetworkEdge *edge = bb_neighbourhood_get_edge (hood, e);
          BbNetworkNode *a = bb_neighbourhood_get_node (hood, edge->from);
          BbNetworkNode *b = bb_neighbourhood_get_node (hood, edge->to);
          g_autofree char *ka = end_key (a->type == BB_TYPE_PERSON ? a->id : 0, a->id);
          g_autofree char *kb = end_key (b->type == BB_TYPE_PERSON ? b->id : 0, b->id);
          GPtrArray *list = g_hash_table_lookup (links, ka);

          g_assert_nonnull (list);
          g_assert_true (g_ptr_array_find_with_equal_func (list, kb, g_str_equal, NULL));
          g_assert_true (a->depth <= 1 || b->depth <= 1);
        }
      checked++;
    }

  g_assert_cmpuint (checked, >, 10);
}

/* ---- Validation -------------------------------------------------------------------------- */

static void
test_validate (void)
{
  char *date;

  g_assert_true (bb_validate_is_blank (NULL));
  g_assert_true (bb_validate_is_blank (" \t"));
  g_assert_false (bb_validate_is_blank (" a "));

  g_assert_true (bb_validate_email (NULL));
  g_assert_true (bb_validate_email (""));
  g_assert_true (bb_validate_email ("mira.albrecht@lindenhof-sozialwerk.de"));
  g_assert_true (bb_validate_email (" info@bündnis-havelufer.berlin "));
  g_assert_true (bb_validate_email ("a+b@x.org"));
  g_assert_false (bb_validate_email ("mira.albrecht"));
  g_assert_false (bb_validate_email ("mira@"));
  g_assert_false (bb_validate_email ("@example.org"));
  g_assert_false (bb_validate_email ("mira@example"));
  g_assert_false (bb_validate_email ("mira@@example.org"));
  g_assert_false (bb_validate_email ("mira albrecht@example.org"));
  g_assert_false (bb_validate_email ("mira@example..org"));
  g_assert_false (bb_validate_email ("mira.@example.org"));
  g_assert_false (bb_validate_email ("mira@example.o"));
  g_assert_false (bb_validate_email ("mira@-example.org"));
  g_assert_false (bb_validate_email ("a@b.de, c@d.de"));

  g_assert_true (bb_validate_phone (NULL));
  g_assert_true (bb_validate_phone ("030 1234567"));
  g_assert_true (bb_validate_phone ("+49 (30) 123-45 67"));
  g_assert_true (bb_validate_phone ("030/12345"));
  g_assert_false (bb_validate_phone ("1234"));
  g_assert_false (bb_validate_phone ("030 12a4567"));
  g_assert_false (bb_validate_phone ("030 +1234567"));
  g_assert_false (bb_validate_phone ("030.1234567"));
  g_assert_false (bb_validate_phone ("+-()/ "));

  g_assert_true (bb_validate_postcode (NULL));
  g_assert_true (bb_validate_postcode (" 10115 "));
  g_assert_false (bb_validate_postcode ("1011"));
  g_assert_false (bb_validate_postcode ("101155"));
  g_assert_false (bb_validate_postcode ("1O115"));

  date = bb_validate_parse_date ("25.11.2026");
  g_assert_cmpstr (date, ==, "2026-11-25");
  g_free (date);
  date = bb_validate_parse_date (" 1.2.24 ");
  g_assert_cmpstr (date, ==, "2024-02-01");
  g_free (date);
  date = bb_validate_parse_date ("2024-02-29");
  g_assert_cmpstr (date, ==, "2024-02-29");
  g_free (date);
  g_assert_null (bb_validate_parse_date ("29.02.2025"));
  g_assert_null (bb_validate_parse_date ("2025-13-01"));
  g_assert_null (bb_validate_parse_date ("morgen"));
  g_assert_null (bb_validate_parse_date ("1.1"));
  g_assert_null (bb_validate_parse_date (""));

  g_assert_true (bb_validate_dates_reversed ("2026-01-02", "2026-01-01"));
  g_assert_false (bb_validate_dates_reversed ("2026-01-01", "2026-01-01"));
  g_assert_false (bb_validate_dates_reversed (NULL, "2026-01-01"));
  g_assert_false (bb_validate_dates_reversed ("2026-01-01", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/network/neighbourhood/person", Fixture, NULL, fixture_set_up_graph,
              test_neighbourhood_person, fixture_tear_down);
  g_test_add ("/network/neighbourhood/organisation", Fixture, NULL, fixture_set_up_graph,
              test_neighbourhood_organisation, fixture_tear_down);
  g_test_add ("/network/neighbourhood/cap", Fixture, NULL, fixture_set_up_graph,
              test_neighbourhood_cap, fixture_tear_down);
  g_test_add ("/network/filters", Fixture, NULL, fixture_set_up_graph,
              test_filters, fixture_tear_down);
  g_test_add ("/network/demo/regions", Fixture, NULL, fixture_set_up_demo,
              test_demo_regions, fixture_tear_down);
  g_test_add ("/network/demo/neighbourhood", Fixture, NULL, fixture_set_up_demo,
              test_demo_neighbourhood, fixture_tear_down);
  g_test_add_func ("/network/validate", test_validate);

  return g_test_run ();
}
