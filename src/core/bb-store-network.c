/* bb-store-network.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-store-network"

#include "config.h"

#include "bb-core.h"
#include "bb-record-list.h"
#include "bb-store-network.h"
#include "bb-store-private.h"

/* ---- Filtered lists ---------------------------------------------------------------------- */

/* The values of a filter's parameters (:match, the FTS5 query of the words typed; :kind, an
 * organisation kind; :region), and whether each of these filters is on. */
static BbStoreParams *
params_new (const BbNetworkFilter  *filter,
            gboolean               *match,
            gboolean               *kind,
            gboolean               *region)
{
  BbStoreParams *params = _bb_store_params_new ();
  char *words = NULL;
  gint64 region_id = 0;

  *kind = FALSE;
  if (filter != NULL)
    {
      words = _bb_store_match_query (filter->search);
      *kind = filter->organisation_kind != NULL && filter->organisation_kind[0] != '\0';
      region_id = MAX (filter->region_id, 0);
    }
  *match = words != NULL;
  *region = region_id > 0;

  _bb_store_params_take_text (params, ":match", words);
  _bb_store_params_set_text (params, ":kind", *kind ? filter->organisation_kind : NULL);
  _bb_store_params_set_int (params, ":region", region_id);

  return params;
}

void
bb_store_filter_people (BbStore               *self,
                        GListModel            *list,
                        const BbNetworkFilter *filter)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM person WHERE 1");
  BbStoreParams *params;
  gboolean match, kind, region;

  g_return_if_fail (BB_IS_STORE (self));
  g_return_if_fail (BB_IS_RECORD_LIST (list));
  g_return_if_fail (bb_record_list_get_record_type (BB_RECORD_LIST (list)) == BB_TYPE_PERSON);

  params = params_new (filter, &match, &kind, &region);

  /* Fixed fragments only; the values are bound by name. The kind of a search index row is in
   * the low two bits of its rowid (ref * 4 + kind): testing them reads nothing, whereas the
   * UNINDEXED column kind is read from each matching row's content. */
  if (match)
    g_string_append (sql, " AND id IN (SELECT rowid >> 2 FROM search_index"
                          " WHERE search_index MATCH :match AND (rowid & 3) = 1)");
  if (kind)
    g_string_append (sql, " AND organisation_id IN (SELECT id FROM organisation"
                          " WHERE kind = :kind)");
  if (region)
    g_string_append (sql, " AND (organisation_id IN (SELECT o.id FROM organisation o"
                          "   JOIN district d ON d.id = o.district_id WHERE d.region_id = :region)"
                          " OR id IN (SELECT ps.person_id FROM person_shelter ps"
                          "   JOIN shelter s ON s.id = ps.shelter_id"
                          "   JOIN district d ON d.id = s.district_id"
                          "   WHERE d.region_id = :region"
                          "   AND (ps.until IS NULL OR ps.until >= date ('now', 'localtime'))))");
  g_string_append (sql, " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id");

  if (kind || region)
    {
      bb_record_list_watch_table (BB_RECORD_LIST (list), "organisation");
      bb_record_list_watch_table (BB_RECORD_LIST (list), "person_shelter");
      bb_record_list_watch_table (BB_RECORD_LIST (list), "shelter");
      bb_record_list_watch_table (BB_RECORD_LIST (list), "district");
    }
  _bb_record_list_set_query_params (BB_RECORD_LIST (list), sql->str, params);
}

GListModel *
bb_store_list_people (BbStore               *self,
                      const BbNetworkFilter *filter)
{
  GListModel *list;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  list = G_LIST_MODEL (bb_record_list_new (self, BB_TYPE_PERSON, NULL, 0));
  bb_store_filter_people (self, list, filter);

  return list;
}

void
bb_store_filter_organisations (BbStore               *self,
                               GListModel            *list,
                               const BbNetworkFilter *filter)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM organisation WHERE 1");
  BbStoreParams *params;
  gboolean match, kind, region;

  g_return_if_fail (BB_IS_STORE (self));
  g_return_if_fail (BB_IS_RECORD_LIST (list));
  g_return_if_fail (bb_record_list_get_record_type (BB_RECORD_LIST (list))
                    == BB_TYPE_ORGANISATION);

  params = params_new (filter, &match, &kind, &region);

  if (match)
    g_string_append (sql, " AND id IN (SELECT rowid >> 2 FROM search_index"
                          " WHERE search_index MATCH :match AND (rowid & 3) = 2)");
  if (kind)
    g_string_append (sql, " AND kind = :kind");
  if (region)
    g_string_append (sql, " AND (district_id IN (SELECT id FROM district"
                          "   WHERE region_id = :region)"
                          " OR id IN (SELECT s.operator_id FROM shelter s"
                          "   JOIN district d ON d.id = s.district_id"
                          "   WHERE d.region_id = :region AND s.operator_id IS NOT NULL))");
  g_string_append (sql, " ORDER BY name COLLATE NOCASE, id");

  if (region)
    {
      bb_record_list_watch_table (BB_RECORD_LIST (list), "shelter");
      bb_record_list_watch_table (BB_RECORD_LIST (list), "district");
    }
  _bb_record_list_set_query_params (BB_RECORD_LIST (list), sql->str, params);
}

GListModel *
bb_store_list_organisations (BbStore               *self,
                             const BbNetworkFilter *filter)
{
  GListModel *list;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  list = G_LIST_MODEL (bb_record_list_new (self, BB_TYPE_ORGANISATION, NULL, 0));
  bb_store_filter_organisations (self, list, filter);

  return list;
}

GListModel *
bb_store_list_shelters_matching (BbStore    *self,
                                 const char *search)
{
  BbNetworkFilter filter = { .search = search };
  BbRecordList *list;
  BbStoreParams *params;
  gboolean match, kind, region;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  list = bb_record_list_new (self, BB_TYPE_SHELTER, NULL, 0);
  params = params_new (&filter, &match, &kind, &region);
  _bb_record_list_set_query_params (list,
                                    match ? "SELECT id FROM shelter WHERE id IN"
                                            " (SELECT rowid >> 2 FROM search_index"
                                            " WHERE search_index MATCH :match AND (rowid & 3) = 0)"
                                            " ORDER BY name COLLATE NOCASE, id"
                                          : "SELECT id FROM shelter ORDER BY name COLLATE NOCASE, id",
                                    params);

  return G_LIST_MODEL (list);
}

/* ---- Neighbourhood ----------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (BbNeighbourhood, bb_neighbourhood, bb_neighbourhood_ref,
                     bb_neighbourhood_unref)

static void
node_clear (gpointer data)
{
  BbNetworkNode *node = data;

  g_clear_pointer (&node->label, g_free);
  g_clear_pointer (&node->kind, g_free);
}

static void
edge_clear (gpointer data)
{
  BbNetworkEdge *edge = data;

  g_clear_pointer (&edge->kind, g_free);
}

static void
neighbourhood_clear (gpointer data)
{
  BbNeighbourhood *self = data;

  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
}

static BbNeighbourhood *
neighbourhood_new (void)
{
  BbNeighbourhood *self = g_atomic_rc_box_new0 (BbNeighbourhood);

  self->nodes = g_array_new (FALSE, TRUE, sizeof (BbNetworkNode));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (BbNetworkEdge));
  g_array_set_clear_func (self->edges, edge_clear);

  return self;
}

BbNeighbourhood *
bb_neighbourhood_ref (BbNeighbourhood *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
bb_neighbourhood_unref (BbNeighbourhood *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, neighbourhood_clear);
}

int
bb_neighbourhood_find (BbNeighbourhood *self,
                       GType            type,
                       gint64           id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      BbNetworkNode *node = &g_array_index (self->nodes, BbNetworkNode, i);

      if (node->type == type && node->id == id)
        return (int) i;
    }

  return -1;
}

guint
bb_neighbourhood_get_n_nodes (BbNeighbourhood *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

BbNetworkNode *
bb_neighbourhood_get_node (BbNeighbourhood *self,
                           guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, BbNetworkNode, index);
}

guint
bb_neighbourhood_get_n_edges (BbNeighbourhood *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

BbNetworkEdge *
bb_neighbourhood_get_edge (BbNeighbourhood *self,
                           guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, BbNetworkEdge, index);
}

typedef struct
{
  BbStore         *store;
  BbNeighbourhood *result;
  guint            max_nodes;
  GHashTable      *index;     /* "p12" / "o7" → node index + 1 */
  GHashTable      *omitted;   /* keys of records found but left out */
  GHashTable      *edges;     /* "r5" / "m12" of the edges added */
} Walk;

static char *
node_key (GType  type,
          gint64 id)
{
  return g_strdup_printf ("%c%" G_GINT64_FORMAT, type == BB_TYPE_PERSON ? 'p' : 'o', id);
}

/* The index of the record's node, adding it if there is room; -1 if it was left out. */
static int
walk_node (Walk   *walk,
           GType   type,
           gint64  id,
           guint   depth,
           guint   parent)
{
  g_autofree char *key = node_key (type, id);
  gpointer value;
  BbNetworkNode node = { 0 };

  if (g_hash_table_lookup_extended (walk->index, key, NULL, &value))
    return GPOINTER_TO_INT (value) - 1;

  if (walk->result->nodes->len >= walk->max_nodes)
    {
      g_hash_table_add (walk->omitted, g_steal_pointer (&key));
      return -1;
    }

  node.type = type;
  node.id = id;
  node.depth = depth;
  node.parent = parent;
  g_array_append_val (walk->result->nodes, node);
  g_hash_table_insert (walk->index, g_steal_pointer (&key),
                       GINT_TO_POINTER (walk->result->nodes->len));

  return (int) walk->result->nodes->len - 1;
}

static gboolean
walk_expand (Walk    *walk,
             guint    from_index,
             GError **error)
{
  BbNetworkNode *from = &g_array_index (walk->result->nodes, BbNetworkNode, from_index);
  GType from_type = from->type;
  gint64 from_id = from->id;
  guint depth = from->depth + 1;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Columns: relation id (0 for membership), kind, the other end (person, organisation),
   * whether the expanded record is the relation's "from" end. */
  if (from_type == BB_TYPE_PERSON)
    stmt = _bb_store_prepare (walk->store,
                              "SELECT 0 AS rank, 0 AS rid, NULL, NULL, organisation_id, 1"
                              " FROM person WHERE id = ?1 AND organisation_id IS NOT NULL"
                              " UNION ALL"
                              " SELECT 1, id, kind, to_person_id, to_organisation_id, 1"
                              " FROM relation WHERE from_person_id = ?1"
                              " UNION ALL"
                              " SELECT 1, id, kind, from_person_id, from_organisation_id, 0"
                              " FROM relation WHERE to_person_id = ?1"
                              " ORDER BY rank, rid",
                              error);
  else
    stmt = _bb_store_prepare (walk->store,
                              "SELECT 0 AS rank, id AS rid, kind, to_person_id,"
                              " to_organisation_id, 1 AS sub"
                              " FROM relation WHERE from_organisation_id = ?1"
                              " UNION ALL"
                              " SELECT 0, id, kind, from_person_id, from_organisation_id, 0"
                              " FROM relation WHERE to_organisation_id = ?1"
                              " UNION ALL"
                              " SELECT 1, id, NULL, id, NULL, 0"
                              " FROM person WHERE organisation_id = ?1"
                              " ORDER BY rank, rid",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean membership = from_type == BB_TYPE_PERSON ? sqlite3_column_int (stmt, 0) == 0
                                                        : sqlite3_column_int (stmt, 0) == 1;
      gint64 relation_id = membership ? 0 : sqlite3_column_int64 (stmt, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      gint64 person_id = sqlite3_column_int64 (stmt, 3);
      gint64 organisation_id = sqlite3_column_int64 (stmt, 4);
      gboolean subject = sqlite3_column_int (stmt, 5) != 0;
      GType other_type = person_id != 0 ? BB_TYPE_PERSON : BB_TYPE_ORGANISATION;
      gint64 other_id = person_id != 0 ? person_id : organisation_id;
      g_autofree char *edge_key = NULL;
      BbNetworkEdge edge = { 0 };
      int other;

      other = walk_node (walk, other_type, other_id, depth, from_index);
      if (other < 0)
        continue;

      if (membership)
        edge_key = g_strdup_printf ("m%" G_GINT64_FORMAT,
                                    from_type == BB_TYPE_PERSON ? from_id : other_id);
      else
        edge_key = g_strdup_printf ("r%" G_GINT64_FORMAT, relation_id);

      if (g_hash_table_contains (walk->edges, edge_key))
        continue;
      g_hash_table_add (walk->edges, g_steal_pointer (&edge_key));

      edge.from = subject ? from_index : (guint) other;
      edge.to = subject ? (guint) other : from_index;
      edge.relation_id = relation_id;
      edge.kind = membership ? NULL : g_strdup (kind);
      g_array_append_val (walk->result->edges, edge);
    }

  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (walk->store, error, rc, "Cannot read the links of a record");
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_labels (Walk    *walk,
             GError **error)
{
  for (guint i = 0; i < walk->result->nodes->len; i++)
    {
      BbNetworkNode *node = &g_array_index (walk->result->nodes, BbNetworkNode, i);

      if (node->type == BB_TYPE_ORGANISATION)
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;
          int rc;

          stmt = _bb_store_prepare (walk->store,
                                    "SELECT name, kind FROM organisation WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, node->id);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              node->label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
              node->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
            }
          else if (rc != SQLITE_DONE)
            {
              _bb_store_set_error (walk->store, error, rc, "Cannot read an organisation");
              return FALSE;
            }
        }
      else
        {
          node->label = bb_store_dup_label (walk->store, BB_TYPE_PERSON, node->id);
        }

      if (node->label == NULL)
        node->label = g_strdup ("");
    }

  return TRUE;
}

BbNeighbourhood *
bb_store_get_neighbourhood (BbStore  *self,
                            GType     type,
                            gint64    id,
                            guint     max_nodes,
                            GError  **error)
{
  g_autoptr(BbNeighbourhood) result = NULL;
  g_autoptr(BbRecord) centre = NULL;
  Walk walk = { 0 };
  gboolean ok = TRUE;
  guint n_first;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (type == BB_TYPE_PERSON || type == BB_TYPE_ORGANISATION, NULL);
  g_return_val_if_fail (max_nodes >= 1, NULL);

  centre = bb_store_get (self, type, id, error);
  if (centre == NULL)
    return NULL;

  result = neighbourhood_new ();
  walk.store = self;
  walk.result = result;
  walk.max_nodes = max_nodes;
  walk.index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.omitted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  walk_node (&walk, type, id, 0, 0);
  ok = walk_expand (&walk, 0, error);

  /* The nodes found so far are the first ring; expanding them adds the second. */
  n_first = result->nodes->len;
  for (guint i = 1; ok && i < n_first; i++)
    ok = walk_expand (&walk, i, error);

  if (ok)
    ok = load_labels (&walk, error);

  result->n_omitted = g_hash_table_size (walk.omitted);

  g_hash_table_unref (walk.index);
  g_hash_table_unref (walk.omitted);
  g_hash_table_unref (walk.edges);

  if (!ok)
    return NULL;

  return g_steal_pointer (&result);
}
