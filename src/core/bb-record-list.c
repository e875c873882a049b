/* bb-record-list.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A GListModel over the rows of one table. It holds only the ids of its query, which stays
 * fast for hundreds of thousands of rows, and loads a record when a view asks for its
 * position. After each commit that touched the table it reads the ids again and reports the
 * smallest changed range, so that views keep their selection and scroll position. */

#define G_LOG_DOMAIN "bb-record-list"

#include "config.h"

#include "bb-core.h"
#include "bb-record-list.h"
#include "bb-store-private.h"

/* Loaded records beyond this many are dropped; views keep their own references to what they
 * show. */
#define CACHE_MAX 5000

struct _BbRecordList
{
  GObject     parent_instance;

  BbStore    *store;
  GType       type;
  char       *sql;
  gboolean    filtered;
  gint64      filter_id;
  BbRecordListBindFunc bind;   /* of a query set with bb_record_list_set_query() */
  gpointer    bind_data;
  GDestroyNotify bind_destroy;
  GPtrArray  *watched;         /* further tables whose changes refresh the list */

  GArray     *ids;             /* gint64, in the natural order */
  GHashTable *cache;           /* id → record */

  GHashTable *changed_ids;     /* ids reported since the last refresh */
  gboolean    changed_all;
  gboolean    dirty;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbRecordList, bb_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static const struct
{
  const char *table;
  const char *order;
} natural_orders[] = {
  { "region", "name, id" },
  { "district", "name, id" },
  { "topic", "name, id" },
  { "organisation", "name COLLATE NOCASE, id" },
  { "shelter", "name COLLATE NOCASE, id" },
  { "person", "family_name COLLATE NOCASE, given_name COLLATE NOCASE, id" },
  { "consultation", "started_at DESC, id DESC" },
  { "followup", "due_on IS NULL, due_on, id" },
  { "event", "starts_at, id" },
};

static const char *
natural_order (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (natural_orders); i++)
    if (g_str_equal (natural_orders[i].table, table))
      return natural_orders[i].order;

  return "id";
}

static GArray *
query_ids (BbRecordList  *self,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;

  stmt = _bb_store_prepare (self->store, self->sql, error);
  if (stmt == NULL)
    return NULL;

  if (self->filtered)
    sqlite3_bind_int64 (stmt, 1, self->filter_id);
  else if (self->bind != NULL)
    self->bind (stmt, self->bind_data);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids != NULL ? self->ids->len : 0);
  if (!_bb_store_collect_ids (self->store, stmt, ids, "Cannot list records", error))
    return NULL;

  return g_steal_pointer (&ids);
}

static void
refresh (BbRecordList *self)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GHashTable) changed_ids = NULL;
  g_autoptr(GError) error = NULL;
  GArray *new_ids;
  gboolean changed_all;
  guint old_n, new_n, prefix, suffix;

  new_ids = query_ids (self, &error);
  if (new_ids == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  changed_ids = g_steal_pointer (&self->changed_ids);
  self->changed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  changed_all = self->changed_all;
  self->changed_all = FALSE;
  self->dirty = FALSE;

  old_ids = g_steal_pointer (&self->ids);
  self->ids = new_ids;
  old_n = old_ids->len;
  new_n = new_ids->len;

  if (changed_all)
    {
      g_hash_table_remove_all (self->cache);
    }
  else
    {
      GHashTableIter iter;
      gint64 *id;

      g_hash_table_iter_init (&iter, changed_ids);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        g_hash_table_remove (self->cache, id);
    }

  for (prefix = 0; prefix < old_n && prefix < new_n; prefix++)
    if (g_array_index (old_ids, gint64, prefix) != g_array_index (new_ids, gint64, prefix))
      break;

  for (suffix = 0; suffix < old_n - prefix && suffix < new_n - prefix; suffix++)
    if (g_array_index (old_ids, gint64, old_n - 1 - suffix) !=
        g_array_index (new_ids, gint64, new_n - 1 - suffix))
      break;

  if (changed_all)
    {
      /* Which rows were updated in place is unknown: everything may have changed. */
      if (old_n > 0 || new_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return;
    }

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);

  /* Rows updated without moving: replace them one by one. */
  if (g_hash_table_size (changed_ids) > 0)
    {
      for (guint pos = 0; pos < new_n; pos++)
        {
          if (pos == prefix)
            pos = new_n - suffix;
          if (pos >= new_n)
            break;

          if (g_hash_table_contains (changed_ids, &g_array_index (new_ids, gint64, pos)))
            g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
        }
    }
}

static void
on_store_changed (BbRecordList *self,
                  const char   *table,
                  gint64        id,
                  BbStore      *store)
{
  self->dirty = TRUE;

  if (id == 0)
    self->changed_all = TRUE;
  else if (!self->changed_all && !g_hash_table_contains (self->changed_ids, &id))
    g_hash_table_add (self->changed_ids, g_memdup2 (&id, sizeof id));
}

static void
on_watched_changed (BbRecordList *self,
                    const char   *table,
                    gint64        id,
                    BbStore      *store)
{
  /* Which of the listed rows depend on that row is unknown. */
  self->dirty = TRUE;
  self->changed_all = TRUE;
}

static void
on_store_committed (BbRecordList *self,
                    BbStore      *store)
{
  if (self->dirty)
    refresh (self);
}

static GType
bb_record_list_get_item_type (GListModel *model)
{
  return BB_RECORD_LIST (model)->type;
}

static guint
bb_record_list_get_n_items (GListModel *model)
{
  return BB_RECORD_LIST (model)->ids->len;
}

static gpointer
bb_record_list_get_item (GListModel *model,
                         guint       position)
{
  BbRecordList *self = BB_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  BbRecord *record;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);

  record = g_hash_table_lookup (self->cache, &id);
  if (record != NULL)
    return g_object_ref (record);

  record = bb_store_get (self->store, self->type, id, &error);
  if (record == NULL)
    {
      /* The row went away in an uncommitted transaction or another program; a refresh will
       * follow. A list model must not return NULL within its length, so hand out an empty
       * record with the id. */
      g_debug ("Cannot load listed record: %s", error->message);
      record = g_object_new (self->type, "id", id, NULL);
      return record;
    }

  if (g_hash_table_size (self->cache) >= CACHE_MAX)
    g_hash_table_remove_all (self->cache);

  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (record));

  return record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bb_record_list_get_item_type;
  iface->get_n_items = bb_record_list_get_n_items;
  iface->get_item = bb_record_list_get_item;
}

static void
bb_record_list_dispose (GObject *object)
{
  BbRecordList *self = (BbRecordList *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_record_list_parent_class)->dispose (object);
}

static void
bb_record_list_finalize (GObject *object)
{
  BbRecordList *self = (BbRecordList *)object;

  g_clear_pointer (&self->sql, g_free);
  if (self->bind_destroy != NULL)
    g_clear_pointer (&self->bind_data, self->bind_destroy);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->changed_ids, g_hash_table_unref);

  G_OBJECT_CLASS (bb_record_list_parent_class)->finalize (object);
}

static void
bb_record_list_class_init (BbRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_record_list_dispose;
  object_class->finalize = bb_record_list_finalize;
}

static void
bb_record_list_init (BbRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->changed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->watched = g_ptr_array_new_with_free_func (g_free);
}

BbRecordList *
bb_record_list_new (BbStore    *store,
                    GType       type,
                    const char *column,
                    gint64      id)
{
  g_autoptr(BbRecordList) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *signal = NULL;
  const char *table;
  GArray *ids;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD) && type != BB_TYPE_RECORD, NULL);

  table = bb_record_type_get_table (type);

  self = g_object_new (BB_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->filtered = column != NULL;
  self->filter_id = id;

  if (column != NULL)
    {
      const char * const *columns = _bb_store_get_columns (type);

      /* The column becomes part of the SQL text: accept only a column of the record type. */
      g_return_val_if_fail (g_strv_contains (columns, column), NULL);

      self->sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY %s",
                                   table, column, natural_order (table));
    }
  else
    {
      self->sql = g_strdup_printf ("SELECT id FROM %s ORDER BY %s", table, natural_order (table));
    }

  ids = query_ids (self, &error);
  if (ids == NULL)
    g_warning ("%s", error->message);
  else
    {
      g_array_unref (self->ids);
      self->ids = ids;
    }

  signal = g_strdup_printf ("changed::%s", table);
  g_signal_connect_object (store, signal, G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "committed", G_CALLBACK (on_store_committed), self,
                           G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

GType
bb_record_list_get_record_type (BbRecordList *self)
{
  g_return_val_if_fail (BB_IS_RECORD_LIST (self), G_TYPE_INVALID);

  return self->type;
}

void
bb_record_list_refresh (BbRecordList *self)
{
  g_return_if_fail (BB_IS_RECORD_LIST (self));

  self->changed_all = TRUE;
  refresh (self);
}

guint
bb_record_list_find (BbRecordList *self,
                     gint64        id)
{
  g_return_val_if_fail (BB_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

void
bb_record_list_set_query (BbRecordList         *self,
                          const char           *sql,
                          BbRecordListBindFunc  bind,
                          gpointer              bind_data,
                          GDestroyNotify        bind_destroy)
{
  g_return_if_fail (BB_IS_RECORD_LIST (self));
  g_return_if_fail (sql != NULL);

  if (self->bind_destroy != NULL)
    g_clear_pointer (&self->bind_data, self->bind_destroy);

  g_free (self->sql);
  self->sql = g_strdup (sql);
  self->filtered = FALSE;
  self->bind = bind;
  self->bind_data = bind_data;
  self->bind_destroy = bind_destroy;

  refresh (self);
}

void
bb_record_list_watch_table (BbRecordList *self,
                            const char   *table)
{
  g_autofree char *signal = NULL;

  g_return_if_fail (BB_IS_RECORD_LIST (self));
  g_return_if_fail (table != NULL);

  for (guint i = 0; i < self->watched->len; i++)
    if (g_str_equal (g_ptr_array_index (self->watched, i), table))
      return;

  g_ptr_array_add (self->watched, g_strdup (table));
  signal = g_strdup_printf ("changed::%s", table);
  g_signal_connect_object (self->store, signal, G_CALLBACK (on_watched_changed), self,
                           G_CONNECT_SWAPPED);
}

/* Named parameters ------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  char       *text;
  gint64      number;
  gboolean    is_text;
} Param;

struct _BbStoreParams
{
  GArray *params;   /* Param */
};

static void
param_clear (gpointer data)
{
  Param *param = data;

  g_free (param->text);
}

BbStoreParams *
_bb_store_params_new (void)
{
  BbStoreParams *params = g_new0 (BbStoreParams, 1);

  params->params = g_array_new (FALSE, TRUE, sizeof (Param));
  g_array_set_clear_func (params->params, param_clear);

  return params;
}

void
_bb_store_params_free (BbStoreParams *params)
{
  if (params == NULL)
    return;

  g_array_unref (params->params);
  g_free (params);
}

void
_bb_store_params_take_text (BbStoreParams *params,
                            const char    *name,
                            char          *value)
{
  Param param = { .name = name, .text = value, .is_text = TRUE };

  g_array_append_val (params->params, param);
}

void
_bb_store_params_set_text (BbStoreParams *params,
                           const char    *name,
                           const char    *value)
{
  _bb_store_params_take_text (params, name, g_strdup (value));
}

void
_bb_store_params_set_int (BbStoreParams *params,
                          const char    *name,
                          gint64         value)
{
  Param param = { .name = name, .number = value };

  g_array_append_val (params->params, param);
}

void
_bb_store_params_bind (BbStoreParams *params,
                       sqlite3_stmt  *stmt)
{
  for (guint i = 0; i < params->params->len; i++)
    {
      const Param *param = &g_array_index (params->params, Param, i);
      int index = sqlite3_bind_parameter_index (stmt, param->name);

      if (index == 0)
        continue;

      if (param->is_text)
        sqlite3_bind_text (stmt, index, param->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, index, param->number);
    }
}

static void
bind_store_params (gpointer stmt,
                   gpointer user_data)
{
  _bb_store_params_bind (user_data, stmt);
}

void
_bb_record_list_set_query_params (BbRecordList  *list,
                                  const char    *sql,
                                  BbStoreParams *params)
{
  bb_record_list_set_query (list, sql, bind_store_params, params,
                            (GDestroyNotify) _bb_store_params_free);
}
