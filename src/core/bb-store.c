/* bb-store.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The SQLite database. All SQL of the program lives here (and in bb-record-list.c, which asks
 * the store for its statements). Records are read and written generically through their
 * GObject properties; the SQL text for each record type is built once from our own pspecs. */

#define G_LOG_DOMAIN "bb-store"

#include "config.h"

/* The session extension (for undo) is declared only with these; Debian's SQLite has it. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bb-core-resources.h"
#include "bb-core.h"
#include "bb-record-list.h"
#include "bb-store-private.h"
#include "bb-validate.h"

#define MIGRATIONS_PATH "/berlin/beratungsforum/Brueckenbuch/migrations"

/* Above this many changed rows of one table in one transaction, "changed" is emitted once for
 * the table with id 0: listeners refresh everything anyway. */
#define MANY_CHANGES 100

#define LABEL_CACHE_MAX 20000

typedef struct
{
  GType        type;
  const char  *table;
  guint        n_columns;
  GParamSpec **pspecs;         /* the columns, owned by the class */
  char       **columns;        /* column names, NULL-terminated */
  const char **names;          /* property names, "id" first, for g_object_new_with_properties */
  char        *insert_sql;
  char        *update_sql;
  char        *select_sql;
  char        *delete_sql;
  char        *count_sql;
} TypeInfo;

/* Rows written in one level of (nested) transaction: table name → ChangeSet. */
typedef struct
{
  gboolean    many;
  GHashTable *ids;             /* gint64 set, NULL once many */
} ChangeSet;

struct _BbStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  int         schema_version;
  gint64      data_version;    /* PRAGMA data_version when other programs' changes were last seen */

  GHashTable *statements;      /* SQL text → sqlite3_stmt */

  guint       depth;
  GPtrArray  *levels;          /* GHashTable (table → ChangeSet) per transaction level */

  GHashTable *labels;          /* "table:id" → label */

  sqlite3_session *session;    /* records the open undoable transaction */
};

G_DEFINE_FINAL_TYPE (BbStore, bb_store, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_session, sqlite3session_delete)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (bb-store-error-quark, bb_store_error)

static GType *record_types;

static void
record_types_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GType types[] = {
        BB_TYPE_REGION,
        BB_TYPE_DISTRICT,
        BB_TYPE_ORGANISATION,
        BB_TYPE_SHELTER,
        BB_TYPE_PERSON,
        BB_TYPE_PERSON_SHELTER,
        BB_TYPE_RELATION,
        BB_TYPE_CONSULTATION,
        BB_TYPE_TOPIC,
        BB_TYPE_FOLLOWUP,
        BB_TYPE_EVENT,
        BB_TYPE_EVENT_OVERRIDE,
        BB_TYPE_EVENT_INVITEE,
        BB_TYPE_ATTENDANCE,
        0
      };

      record_types = g_memdup2 (types, sizeof types);
      g_once_init_leave (&initialized, 1);
    }
}

const GType *
bb_store_get_record_types (void)
{
  record_types_init ();

  return record_types;
}

static GType
type_for_table (const char *table)
{
  const GType *types = bb_store_get_record_types ();

  for (guint i = 0; types[i] != 0; i++)
    if (g_strcmp0 (bb_record_type_get_table (types[i]), table) == 0)
      return types[i];

  return G_TYPE_INVALID;
}

/* Type information ------------------------------------------------------------------------- */

static gboolean
is_column_pspec (GType       type,
                 GParamSpec *pspec)
{
  if (pspec->owner_type != type)
    return FALSE;

  if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
    return FALSE;

  return TRUE;
}

static TypeInfo *
type_info_new (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **all = NULL;
  g_autoptr(GPtrArray) pspecs = g_ptr_array_new ();
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new (NULL);
  TypeInfo *info;
  guint n_all = 0;

  all = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_all);

  for (guint i = 0; i < n_all; i++)
    {
      GType value_type = all[i]->value_type;

      if (!is_column_pspec (type, all[i]))
        continue;

      if (value_type != G_TYPE_STRING && value_type != G_TYPE_INT64 &&
          value_type != G_TYPE_INT && value_type != G_TYPE_BOOLEAN)
        {
          g_critical ("Property %s of %s has a type the store cannot map",
                      all[i]->name, g_type_name (type));
          continue;
        }

      g_ptr_array_add (pspecs, all[i]);
    }

  info = g_new0 (TypeInfo, 1);
  info->type = type;
  info->table = BB_RECORD_CLASS (klass)->table;
  info->n_columns = pspecs->len;
  info->pspecs = g_new0 (GParamSpec *, pspecs->len + 1);
  info->columns = g_new0 (char *, pspecs->len + 1);
  info->names = g_new0 (const char *, pspecs->len + 2);
  info->names[0] = "id";

  g_string_append_printf (insert, "INSERT INTO %s (id", info->table);
  g_string_append (values, "?1");
  g_string_append_printf (update, "UPDATE %s SET ", info->table);
  g_string_append (select, "SELECT id");

  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (pspecs, i);
      char *column = g_strdelimit (g_strdup (pspec->name), "-", '_');

      info->pspecs[i] = pspec;
      info->columns[i] = column;
      info->names[i + 1] = pspec->name;

      /* Parameter 1 is the id in every statement; the columns follow from ?2. */
      g_string_append_printf (insert, ", %s", column);
      g_string_append_printf (values, ", ?%u", i + 2);
      g_string_append_printf (update, "%s%s = ?%u", i > 0 ? ", " : "", column, i + 2);
      g_string_append_printf (select, ", %s", column);
    }

  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append (update, " WHERE id = ?1");
  g_string_append_printf (select, " FROM %s WHERE id = ?1", info->table);

  info->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  info->update_sql = g_string_free (g_steal_pointer (&update), FALSE);
  info->select_sql = g_string_free (g_steal_pointer (&select), FALSE);
  info->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", info->table);
  info->count_sql = g_strdup_printf ("SELECT count(*) FROM %s", info->table);

  return info;
}

/* Type information is immutable and shared by all stores. */
static const TypeInfo *
get_type_info (GType type)
{
  static GMutex mutex;
  static GHashTable *infos;
  TypeInfo *info;

  g_mutex_lock (&mutex);

  if (infos == NULL)
    infos = g_hash_table_new (NULL, NULL);

  info = g_hash_table_lookup (infos, GSIZE_TO_POINTER (type));
  if (info == NULL)
    {
      info = type_info_new (type);
      g_hash_table_insert (infos, GSIZE_TO_POINTER (type), info);
    }

  g_mutex_unlock (&mutex);

  return info;
}

const char * const *
_bb_store_get_columns (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD), NULL);

  return (const char * const *) get_type_info (type)->columns;
}

/* Errors and statements -------------------------------------------------------------------- */

static int
error_code_from_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return BB_STORE_ERROR_READ_ONLY;

    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return BB_STORE_ERROR_FULL;

    default:
      return BB_STORE_ERROR_IO;
    }
}

/* system_errno is the errno of the failing system call (sqlite3_system_errno()), or 0. */
static int
error_code_from_sqlite (int rc,
                        int system_errno)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return BB_STORE_ERROR_CONSTRAINT;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return BB_STORE_ERROR_BUSY;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return BB_STORE_ERROR_READ_ONLY;

    case SQLITE_FULL:
      return BB_STORE_ERROR_FULL;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return BB_STORE_ERROR_NOT_A_DATABASE;

    case SQLITE_IOERR:
      /* SQLite reports SQLITE_FULL only for a short write; a write refused as a whole (a full
       * disk, a quota, a file size limit) or by a file system mounted read-only ends here. */
      return system_errno != 0 ? error_code_from_errno (system_errno) : BB_STORE_ERROR_IO;

    default:
      return BB_STORE_ERROR_FAILED;
    }
}

/* Why the last system call of an I/O error failed, or 0. sqlite3_system_errno() reads errno
 * late, after the rollback that follows a failed commit may have changed it; the file that
 * failed (most often the write-ahead log) keeps its own. */
static int
last_system_errno (sqlite3 *db)
{
  sqlite3_file *journal = NULL;
  int saved_errno;

  if (db == NULL)
    return 0;

  saved_errno = sqlite3_system_errno (db);

  if (saved_errno == 0 &&
      sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK &&
      journal != NULL && journal->pMethods != NULL)
    journal->pMethods->xFileControl (journal, SQLITE_FCNTL_LAST_ERRNO, &saved_errno);

  if (saved_errno == 0)
    sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &saved_errno);

  return saved_errno;
}

static void
set_error_from_db (sqlite3     *db,
                   GError     **error,
                   int          rc,
                   const char  *what)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int system_errno = (rc & 0xff) == SQLITE_IOERR ? last_system_errno (db) : 0;

  /* SQLite's messages name the failing column or CHECK rule, never the values. */
  g_set_error (error, BB_STORE_ERROR, error_code_from_sqlite (rc, system_errno),
               "%s: %s", what, message);
}

void
_bb_store_set_error (BbStore     *self,
                     GError     **error,
                     int          rc,
                     const char  *what)
{
  g_return_if_fail (BB_IS_STORE (self));

  set_error_from_db (self->db, error, rc, what);
}

/* Statements prepared because the cached one was busy; _bb_store_release() finalizes them. */
static GMutex transient_mutex;
static GHashTable *transient_statements;

sqlite3_stmt *
_bb_store_prepare (BbStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *cached;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  cached = g_hash_table_lookup (self->statements, sql);

  if (cached != NULL && !sqlite3_stmt_busy (cached))
    return cached;

  rc = sqlite3_prepare_v3 (self->db, sql, -1,
                           cached == NULL ? SQLITE_PREPARE_PERSISTENT : 0,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, error, rc, "Cannot prepare statement");
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (cached == NULL)
    {
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  else
    {
      /* A caller still steps through the rows of the same query (re-entrancy): it gets a
       * private copy. */
      g_mutex_lock (&transient_mutex);
      if (transient_statements == NULL)
        transient_statements = g_hash_table_new (NULL, NULL);
      g_hash_table_add (transient_statements, stmt);
      g_mutex_unlock (&transient_mutex);
    }

  return stmt;
}

void
_bb_store_release (sqlite3_stmt *stmt)
{
  gboolean transient = FALSE;

  if (stmt == NULL)
    return;

  g_mutex_lock (&transient_mutex);
  if (transient_statements != NULL)
    transient = g_hash_table_remove (transient_statements, stmt);
  g_mutex_unlock (&transient_mutex);

  if (transient)
    {
      sqlite3_finalize (stmt);
      return;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

sqlite3_stmt *
_bb_store_prepare_or_warn (BbStore    *self,
                           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _bb_store_prepare (self, sql, &error);

  if (stmt == NULL)
    g_warning ("%s", error->message);

  return stmt;
}

gboolean
_bb_store_collect_ids (BbStore       *self,
                       sqlite3_stmt  *stmt,
                       GArray        *ids,
                       const char    *what,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

char **
_bb_store_collect_strings (sqlite3_stmt *stmt)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

/* Runs a statement without results (or ignoring them) through the statement cache. */
static gboolean
exec_cached (BbStore     *self,
             const char  *sql,
             const char  *what,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_script (sqlite3     *db,
             const char  *sql,
             const char  *what,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

gboolean
_bb_store_exec (BbStore     *self,
                const char  *sql,
                const char  *what,
                GError     **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  return exec_script (self->db, sql, what, error);
}

/* Change tracking -------------------------------------------------------------------------- */

static void
change_set_free (gpointer data)
{
  ChangeSet *set = data;

  g_clear_pointer (&set->ids, g_hash_table_unref);
  g_free (set);
}

static GHashTable *
change_level_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, change_set_free);
}

static void
change_level_add (GHashTable *level,
                  const char *table,
                  gint64      id)
{
  ChangeSet *set = g_hash_table_lookup (level, table);

  if (set == NULL)
    {
      set = g_new0 (ChangeSet, 1);
      set->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (level, g_strdup (table), set);
    }

  if (set->many)
    return;

  if (id == 0 || g_hash_table_size (set->ids) >= MANY_CHANGES)
    {
      set->many = TRUE;
      g_clear_pointer (&set->ids, g_hash_table_unref);
      return;
    }

  if (!g_hash_table_contains (set->ids, &id))
    g_hash_table_add (set->ids, g_memdup2 (&id, sizeof id));
}

static void
change_level_merge (GHashTable *into,
                    GHashTable *from)
{
  GHashTableIter iter;
  const char *table;
  ChangeSet *set;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, (gpointer *) &table, (gpointer *) &set))
    {
      if (set->many)
        {
          change_level_add (into, table, 0);
        }
      else
        {
          GHashTableIter id_iter;
          gint64 *id;

          g_hash_table_iter_init (&id_iter, set->ids);
          while (g_hash_table_iter_next (&id_iter, (gpointer *) &id, NULL))
            change_level_add (into, table, *id);
        }
    }
}

static void
note_change (BbStore    *self,
             const char *table,
             gint64      id)
{
  if (self->levels->len == 0)
    return;

  change_level_add (g_ptr_array_index (self->levels, self->levels->len - 1), table, id);
}

/* The tables whose rows "changed" reports. */
static gboolean
is_watched_table (const char *table)
{
  /* The FTS index maintains its shadow tables through the same connection; shelter_contact
   * follows the consultations. */
  return !g_str_has_prefix (table, "search_index") && !g_str_has_prefix (table, "sqlite_") &&
         strcmp (table, "meta") != 0 && strcmp (table, "shelter_contact") != 0;
}

static void
update_hook (void          *user_data,
             int            op,
             const char    *database,
             const char    *table,
             sqlite3_int64  rowid)
{
  BbStore *self = user_data;

  if (is_watched_table (table))
    note_change (self, table, rowid);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Emits "changed" for the rows of a committed transaction, tables in dependency order, then
 * the tables of other rows (the link tables). No transaction is open at this point. */
static void
emit_changes (BbStore    *self,
              GHashTable *level)
{
  const GType *types = bb_store_get_record_types ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  GHashTableIter iter;
  const char *table;

  if (g_hash_table_size (level) == 0)
    return;

  g_hash_table_remove_all (self->labels);

  for (guint i = 0; types[i] != 0; i++)
    {
      const char *name = bb_record_type_get_table (types[i]);

      if (g_hash_table_contains (level, name))
        g_ptr_array_add (tables, (gpointer) name);
    }

  g_hash_table_iter_init (&iter, level);
  while (g_hash_table_iter_next (&iter, (gpointer *) &table, NULL))
    if (type_for_table (table) == G_TYPE_INVALID)
      g_ptr_array_add (tables, (gpointer) table);

  g_object_ref (self);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *name = g_ptr_array_index (tables, i);
      ChangeSet *set = g_hash_table_lookup (level, name);
      GQuark detail = g_quark_from_string (name);

      if (set->many)
        {
          g_signal_emit (self, signals [CHANGED], detail, name, (gint64) 0);
        }
      else
        {
          g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                     g_hash_table_size (set->ids));
          GHashTableIter id_iter;
          gint64 *id;

          g_hash_table_iter_init (&id_iter, set->ids);
          while (g_hash_table_iter_next (&id_iter, (gpointer *) &id, NULL))
            g_array_append_val (ids, *id);
          g_array_sort (ids, compare_int64);

          for (guint j = 0; j < ids->len; j++)
            g_signal_emit (self, signals [CHANGED], detail, name, g_array_index (ids, gint64, j));
        }
    }

  g_signal_emit (self, signals [COMMITTED], 0);

  g_object_unref (self);
}

/* Transactions ----------------------------------------------------------------------------- */

gboolean
bb_store_begin (BbStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!exec_cached (self, "BEGIN IMMEDIATE", "Cannot begin transaction", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT bb_%u", self->depth);
      if (!exec_cached (self, sql, "Cannot begin nested transaction", error))
        return FALSE;
    }

  self->depth++;
  g_ptr_array_add (self->levels, change_level_new ());

  return TRUE;
}

static void
rollback_outermost (BbStore *self)
{
  /* Some errors (disk full, I/O) end the transaction inside SQLite already. */
  if (!sqlite3_get_autocommit (self->db))
    {
      g_autoptr(GError) error = NULL;

      if (!exec_cached (self, "ROLLBACK", "Cannot roll back", &error))
        g_warning ("%s", error->message);
    }

  self->depth = 0;
  g_ptr_array_set_size (self->levels, 0);
  g_clear_pointer (&self->session, sqlite3session_delete);
}

gboolean
bb_store_commit (BbStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      g_autoptr(GHashTable) level = NULL;

      if (sqlite3_get_autocommit (self->db))
        {
          g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                               "Cannot commit: the transaction was rolled back after an error");
          rollback_outermost (self);
          return FALSE;
        }

      if (!exec_cached (self, "COMMIT", "Cannot commit", error))
        {
          rollback_outermost (self);
          return FALSE;
        }

      level = g_ptr_array_steal_index (self->levels, 0);
      self->depth = 0;

      emit_changes (self, level);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE bb_%u", self->depth - 1);
      GHashTable *level;

      if (sqlite3_get_autocommit (self->db))
        {
          g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                               "Cannot commit: the transaction was rolled back after an error");
          rollback_outermost (self);
          return FALSE;
        }

      if (!exec_cached (self, sql, "Cannot commit nested transaction", error))
        {
          bb_store_rollback (self);
          return FALSE;
        }

      level = g_ptr_array_steal_index (self->levels, self->levels->len - 1);
      change_level_merge (g_ptr_array_index (self->levels, self->levels->len - 1), level);
      g_hash_table_unref (level);
      self->depth--;
    }

  return TRUE;
}

void
bb_store_rollback (BbStore *self)
{
  g_return_if_fail (BB_IS_STORE (self));

  /* A failed commit has rolled back already; a caller's rollback afterwards is harmless. */
  if (self->depth == 0)
    return;

  if (self->depth == 1 || sqlite3_get_autocommit (self->db))
    {
      rollback_outermost (self);
    }
  else
    {
      g_autofree char *sql = NULL;
      g_autoptr(GError) error = NULL;

      sql = g_strdup_printf ("ROLLBACK TO bb_%u", self->depth - 1);
      if (!exec_cached (self, sql, "Cannot roll back nested transaction", &error))
        g_warning ("%s", error->message);

      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("RELEASE bb_%u", self->depth - 1);
      if (!exec_cached (self, sql, "Cannot roll back nested transaction", &error))
        g_warning ("%s", error->message);

      g_ptr_array_remove_index (self->levels, self->levels->len - 1);
      self->depth--;
    }
}

/* Undo ------------------------------------------------------------------------------------- */

/* The search index and shelter_contact follow their tables through triggers, also when an
 * undo puts rows back; they must not be recorded themselves, or an undo would write them
 * twice (and find them changed: a conflict). */
static int
record_table (void       *user_data,
              const char *table)
{
  return !g_str_has_prefix (table, "search_index") && strcmp (table, "shelter_contact") != 0;
}

gboolean
bb_store_begin_undoable (BbStore  *self,
                         GError  **error)
{
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  if (self->depth > 0)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                           "An undoable transaction cannot be nested");
      return FALSE;
    }

  rc = sqlite3session_create (self->db, "main", &self->session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (self->session, record_table, NULL);
      rc = sqlite3session_attach (self->session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      set_error_from_db (self->db, error, rc, "Cannot record changes");
      return FALSE;
    }

  if (!bb_store_begin (self, error))
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      return FALSE;
    }

  return TRUE;
}

GBytes *
bb_store_commit_undoable (BbStore  *self,
                          GError  **error)
{
  g_autoptr(sqlite3_session) session = NULL;
  void *changeset = NULL;
  void *inverse = NULL;
  int n_changeset = 0;
  int n_inverse = 0;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (self->session != NULL && self->depth == 1, NULL);

  rc = sqlite3session_changeset (self->session, &n_changeset, &changeset);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_invert (n_changeset, changeset, &n_inverse, &inverse);
  sqlite3_free (changeset);

  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, error, rc, "Cannot record changes");
      bb_store_rollback (self);
      return NULL;
    }

  session = g_steal_pointer (&self->session);
  if (!bb_store_commit (self, error))
    {
      sqlite3_free (inverse);
      return NULL;
    }

  return g_bytes_new_with_free_func (inverse, n_inverse, sqlite3_free, inverse);
}

static int
refuse_conflict (void                 *user_data,
                 int                   conflict,
                 sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

gboolean
bb_store_undo (BbStore  *self,
               GBytes   *undo,
               GError  **error)
{
  gsize size;
  const void *data;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  data = g_bytes_get_data (undo, &size);
  if (size == 0)
    return TRUE;

  if (!bb_store_begin (self, error))
    return FALSE;

  rc = sqlite3changeset_apply (self->db, (int) size, (void *) data, NULL, refuse_conflict, NULL);
  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_ABORT)
        g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_CONFLICT,
                             _("The records have changed since; the change cannot be undone"));
      else
        set_error_from_db (self->db, error, rc, "Cannot undo");
      bb_store_rollback (self);
      return FALSE;
    }

  return bb_store_commit (self, error);
}

GBytes *
bb_store_delete_undoable (BbStore  *self,
                          GType     type,
                          gint64    id,
                          GError  **error)
{
  if (!bb_store_begin_undoable (self, error))
    return NULL;

  if (!bb_store_delete (self, type, id, error))
    {
      bb_store_rollback (self);
      return NULL;
    }

  return bb_store_commit_undoable (self, error);
}

/* Runs a single write: inside the caller's transaction, or as a transaction of its own. A
 * single statement is atomic in SQLite, so a savepoint is not needed inside a transaction,
 * which keeps bulk inserts fast. */
static gboolean
begin_write (BbStore  *self,
             gboolean *own,
             GError  **error)
{
  *own = self->depth == 0;

  if (*own)
    return bb_store_begin (self, error);

  return TRUE;
}

static gboolean
end_write (BbStore  *self,
           gboolean  own,
           gboolean  ok,
           GError  **error)
{
  if (!own)
    return ok;

  if (!ok)
    {
      bb_store_rollback (self);
      return FALSE;
    }

  return bb_store_commit (self, error);
}

/* Opening and migrating ---------------------------------------------------------------------- */

char *
bb_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "brueckenbuch", "brueckenbuch.sqlite3", NULL);
}

/* Switching a new database to WAL needs it alone for a moment, and SQLite does not wait for
 * that: another program creating the same file at the same moment is waited for here, as
 * long as for any lock (sqlite3_busy_timeout). */
static gboolean
set_wal_mode (sqlite3  *db,
              GError  **error)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int rc;

  while ((rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK
         && (rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < give_up)
    g_usleep (20 * 1000);

  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, error, rc, "Cannot configure database");
      return FALSE;
    }

  return TRUE;
}

/* Opens with a umask that keeps the -wal and -shm files SQLite creates private. */
static int
open_db (const char  *path,
         int          flags,
         sqlite3    **db)
{
  mode_t old_mask = umask (077);
  int rc;

  *db = NULL;
  rc = sqlite3_open_v2 (path, db, flags, NULL);
  umask (old_mask);

  if (rc == SQLITE_OK)
    sqlite3_extended_result_codes (*db, 1);

  return rc;
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (journal);
}

/* Copies db into the empty database file at path with the online backup API. */
static gboolean
copy_db (sqlite3     *db,
         const char  *path,
         GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = open_db (path, SQLITE_OPEN_READWRITE, &dest);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (dest, error, rc, "Cannot open backup file");
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      set_error_from_db (dest, error, sqlite3_errcode (dest), "Cannot start backup");
      sqlite3_close (dest);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (dest, error, rc, "Cannot write backup");
      sqlite3_close (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BB_STORE_ERROR, error_code_from_sqlite (rc, 0),
                   "Cannot close backup: %s", sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

gboolean
_bb_store_backup_db (sqlite3     *db,
                     const char  *dest_path,
                     GError     **error)
{
  g_autofree char *part_path = NULL;
  int fd;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  /* Written beside the destination and renamed when complete: a backup cut short by a full
   * disk or a killed program never lies there under the name of a backup. The name is this
   * attempt's own, as two programs opening one database may back it up at the same moment. */
  part_path = g_strconcat (dest_path, "-XXXXXX.part", NULL);
  fd = g_mkstemp_full (part_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BB_STORE_ERROR, error_code_from_errno (saved_errno),
                   "Cannot create backup file: %s", g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!copy_db (db, part_path, error))
    {
      remove_with_journal (part_path);
      return FALSE;
    }

  if (g_rename (part_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BB_STORE_ERROR, error_code_from_errno (saved_errno),
                   "Cannot name backup file: %s", g_strerror (saved_errno));
      remove_with_journal (part_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
bb_store_backup (BbStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  return _bb_store_backup_db (self->db, dest_path, error);
}

/* "changed" with id 0 for every table, then "committed": the content changed as a whole. */
static void
emit_every_table_changed (BbStore *self)
{
  g_autoptr(GHashTable) level = change_level_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_hash_table_remove_all (self->labels);
  rc = sqlite3_prepare_v2 (self->db, "SELECT name FROM sqlite_schema WHERE type = 'table'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      if (is_watched_table (table))
        change_level_add (level, table, 0);
    }
  sqlite3_finalize (stmt);

  emit_changes (self, level);
}

static gint64
read_data_version (BbStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare_or_warn (self, "PRAGMA data_version");

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return self->data_version;

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
bb_store_check_external_changes (BbStore *self)
{
  gint64 version;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return FALSE;

  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_debug ("The database was changed by another program");
  emit_every_table_changed (self);

  return TRUE;
}

gboolean
_bb_store_replace (BbStore  *self,
                   BbStore  *source,
                   GError  **error)
{
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_STORE (source), FALSE);
  g_return_val_if_fail (self->depth == 0 && source->depth == 0, FALSE);
  g_return_val_if_fail (self->schema_version == source->schema_version, FALSE);

  /* Statements prepared on the old schema are not needed again. */
  g_hash_table_remove_all (self->statements);

  backup = sqlite3_backup_init (self->db, "main", source->db, "main");
  if (backup == NULL)
    {
      set_error_from_db (self->db, error, sqlite3_errcode (self->db), "Cannot start restoring");
      return FALSE;
    }

  /* Every page in one step is one write transaction of the destination: after a crash the
   * database is either the old or the new one. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, rc, "Cannot restore");
      return FALSE;
    }

  emit_every_table_changed (self);

  return TRUE;
}

static int
read_user_version (sqlite3 *db,
                   int     *version)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);

  return rc;
}

/* Looks at an existing, non-empty file without writing to it: is it a SQLite database, and
 * which schema does it hold (*version_out, 0 for an empty file)? */
static gboolean
check_existing (const char  *path,
                int          target_version,
                int         *version_out,
                GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *wal_path = NULL;
  g_autofree char *shm_path = NULL;
  char header[16] = { 0 };
  gboolean had_wal;
  gboolean had_shm;
  gboolean read_only = FALSE;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gssize n_read;
  int version = 0;
  int n_objects = 0;
  int fd;
  int rc;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BB_STORE_ERROR, error_code_from_errno (saved_errno),
                   "Cannot read database file: %s", g_strerror (saved_errno));
      return FALSE;
    }

  n_read = read (fd, header, sizeof header);
  close (fd);

  if (version_out != NULL)
    *version_out = 0;

  if (n_read == 0)
    return TRUE;

  /* SQLite would happily turn a short or foreign file into a database on the first write. */
  if (n_read != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE,
                           "The file is not a SQLite database");
      return FALSE;
    }

  wal_path = g_strconcat (path, "-wal", NULL);
  shm_path = g_strconcat (path, "-shm", NULL);
  had_wal = g_file_test (wal_path, G_FILE_TEST_EXISTS);
  had_shm = g_file_test (shm_path, G_FILE_TEST_EXISTS);

  /* Read-write although nothing is written: reading a database in WAL mode creates the -wal
   * and -shm files, and only a read-write connection removes them again when it closes as the
   * last one, under SQLite's locks. Removing them by hand could delete the log another
   * program has just begun to write. */
  rc = open_db (path, SQLITE_OPEN_READWRITE, &db);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      read_only = sqlite3_db_readonly (db, "main") == 1;

      /* One statement, one snapshot: another program may be creating the schema. */
      rc = sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                               " (SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          n_objects = sqlite3_column_int (stmt, 1);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    set_error_from_db (db, error, rc, "Cannot read database");

  sqlite3_close (db);

  /* A file nobody may write (opened read-only by SQLite) keeps the files a read-only
   * connection made; nobody can be writing its log, so they are removed: a refused file is
   * left exactly as it was found. */
  if (read_only && !had_wal)
    {
      g_unlink (wal_path);
      if (!had_shm)
        g_unlink (shm_path);
    }

  if (rc != SQLITE_OK)
    return FALSE;

  if (version > target_version)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_TOO_NEW,
                   "The database has schema version %d; this program knows up to %d",
                   version, target_version);
      return FALSE;
    }

  if (version == 0 && n_objects > 0)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE,
                           "The file is a SQLite database of another program");
      return FALSE;
    }

  if (version_out != NULL)
    *version_out = version;

  return TRUE;
}

gboolean
_bb_store_check_file (const char  *path,
                      int         *version,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  return check_existing (path, BB_STORE_SCHEMA_VERSION, version, error);
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BB_STORE_ERROR, error_code_from_errno (saved_errno),
                   "Cannot create folder for the database: %s", g_strerror (saved_errno));
      return FALSE;
    }

  /* Created before SQLite sees it, so that the file is never readable by others. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, BB_STORE_ERROR, error_code_from_errno (saved_errno),
                   "Cannot create database file: %s", g_strerror (saved_errno));
      return FALSE;
    }

  if (fd >= 0)
    close (fd);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names of the copies made before migrating the database at path, exactly as
 * backup_path_for() makes them: group 1 the version migrated to, group 2 the number that tells
 * copies before one version apart. */
static GRegex *
new_pre_migration_regex (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *escaped = g_regex_escape_string (base, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s\\.before-v([1-9]\\d{0,8})"
                                              "(?:\\.([2-9]|[1-9]\\d{1,8}))?\\.bak$", escaped);

  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
}

static char *
backup_path_for (const char *path,
                 GRegex     *regex,
                 int         version)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *order = g_strdup_printf ("%d", version);
  g_autofree char *base = g_strdup_printf ("%s.before-v%d", path, version);

  /* Never overwrite an earlier backup; a new one sorts after those before the same version. */
  return _bb_store_dup_copy_path (folder, regex, order, base, ".", ".bak");
}

static gboolean
migrate (BbStore     *self,
         GResource   *resource,
         const char  *folder,
         int          target_version,
         GError     **error)
{
  g_auto(GStrv) names = NULL;
  gboolean backed_up = FALSE;
  gboolean created;
  int version = 0;
  int rc;

  rc = read_user_version (self->db, &version);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, error, rc, "Cannot read schema version");
      return FALSE;
    }

  if (version > target_version)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_TOO_NEW,
                   "The database has schema version %d; this program knows up to %d",
                   version, target_version);
      return FALSE;
    }

  created = version == 0;

  names = g_resource_enumerate_children (resource, folder,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource_path = NULL;
      g_autofree char *set_version = NULL;
      g_autoptr(GBytes) bytes = NULL;
      int target = (int) g_ascii_strtoll (names[i], NULL, 10);
      int current = 0;

      if (target <= version || target > target_version)
        continue;

      /* A database created by this very open (version 0) has nothing worth a backup. */
      if (version > 0 && !created && !backed_up)
        {
          g_autoptr(GRegex) regex = new_pre_migration_regex (self->path);
          g_autofree char *backup = backup_path_for (self->path, regex, target);
          g_autofree char *folder_path = g_path_get_dirname (self->path);
          g_autofree char *backup_name = g_path_get_basename (backup);

          g_message ("Backing up the database before migrating it to schema version %d", target);
          if (!_bb_store_backup_db (self->db, backup, error))
            return FALSE;
          backed_up = TRUE;

          /* Each is a whole copy of personal data: only the newest few stay. */
          _bb_store_prune_copies (folder_path, regex, BB_STORE_PRE_MIGRATION_COPIES_KEPT,
                                  backup_name, "copies before migrations");
        }

      resource_path = g_build_path ("/", folder, names[i], NULL);
      bytes = g_resource_lookup_data (resource, resource_path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", target);

      if (!exec_script (self->db, "BEGIN IMMEDIATE", "Cannot begin migration", error))
        return FALSE;

      /* Another program opening the same database may have migrated it meanwhile. */
      rc = read_user_version (self->db, &current);
      if (rc != SQLITE_OK)
        {
          set_error_from_db (self->db, error, rc, "Cannot read schema version");
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (current >= target)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          version = current;
          continue;
        }

      /* Resource data is always NUL-terminated. */
      if (!exec_script (self->db, g_bytes_get_data (bytes, NULL), "Migration failed", error) ||
          !exec_script (self->db, set_version, "Migration failed", error) ||
          !exec_script (self->db, "COMMIT", "Cannot commit migration", error))
        {
          if (!sqlite3_get_autocommit (self->db))
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      version = target;
    }

  if (version != target_version)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                   "No migration leads to schema version %d", target_version);
      return FALSE;
    }

  self->schema_version = version;

  return TRUE;
}

BbStore *
bb_store_open (const char  *path,
               GError     **error)
{
  return _bb_store_open_with_migrations (path, bb_core_get_resource (), MIGRATIONS_PATH,
                                         BB_STORE_SCHEMA_VERSION, error);
}

BbStore *
_bb_store_open_with_migrations (const char  *path,
                                GResource   *migrations,
                                const char  *folder,
                                int          target_version,
                                GError     **error)
{
  g_autoptr(BbStore) self = NULL;
  g_autofree char *default_path = NULL;
  int rc;

  if (path == NULL)
    path = default_path = bb_store_default_path ();

  if (!create_file (path, error))
    return NULL;

  if (!check_existing (path, target_version, NULL, error))
    return NULL;

  self = g_object_new (BB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* No SQLITE_OPEN_CREATE: the file exists, made with the right mode above. */
  rc = open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, &self->db);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self->db, error, rc, "Cannot open database");
      return NULL;
    }

  /* SQLite opens a file it may not write read-only without a word, and every save would fail
   * later: refused now, with the reason. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_READ_ONLY,
                           "Cannot open database: the file is read-only");
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);

  if (!exec_script (self->db, "PRAGMA foreign_keys = ON", "Cannot configure database", error) ||
      !set_wal_mode (self->db, error) ||
      !exec_script (self->db, "PRAGMA synchronous = NORMAL", "Cannot configure database", error) ||
      /* Personal data that is deleted is overwritten, not left in free pages (DSGVO). */
      !exec_script (self->db, "PRAGMA secure_delete = ON", "Cannot configure database", error))
    return NULL;

  if (!migrate (self, migrations, folder, target_version, error))
    return NULL;

  sqlite3_update_hook (self->db, update_hook, self);
  self->data_version = read_data_version (self);

  return g_steal_pointer (&self);
}

const char *
bb_store_get_path (BbStore *self)
{
  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  return self->path;
}

int
bb_store_get_schema_version (BbStore *self)
{
  g_return_val_if_fail (BB_IS_STORE (self), 0);

  return self->schema_version;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
bb_store_finalize (GObject *object)
{
  BbStore *self = (BbStore *)object;

  if (self->depth > 0)
    {
      g_warning ("Store closed with an open transaction; rolling back");
      rollback_outermost (self);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);

  if (self->db != NULL)
    {
      sqlite3_update_hook (self->db, NULL, NULL);
      if (self->schema_version > 0)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (bb_store_parent_class)->finalize (object);
}

static void
bb_store_class_init (BbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_store_finalize;

  /**
   * BbStore::changed:
   * @table: the table of the row
   * @id: the row's id, or 0 if many rows of the table changed
   *
   * Emitted after the outermost commit for every row written, inserted or deleted, including
   * rows changed by cascades and triggers. The detail is the table name.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64);

  /**
   * BbStore::committed:
   *
   * Emitted once after the "changed" signals of one commit, so that listeners can collect
   * the changes and refresh once.
   */
  signals [COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bb_store_init (BbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Generic records ---------------------------------------------------------------------------- */

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      {
        const char *str = g_value_get_string (value);

        if (str == NULL || str[0] == '\0')
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, str, -1, SQLITE_STATIC);
      }
      break;

    case G_TYPE_INT64:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;

    case G_TYPE_INT:
      if (g_value_get_int (value) == -1)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;

    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_value (sqlite3_stmt *stmt,
            int           column,
            GValue       *value)
{
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, is_null ? NULL : (const char *) sqlite3_column_text (stmt, column));
      break;

    case G_TYPE_INT64:
      g_value_set_int64 (value, is_null ? 0 : sqlite3_column_int64 (stmt, column));
      break;

    case G_TYPE_INT:
      g_value_set_int (value, is_null ? -1 : sqlite3_column_int (stmt, column));
      break;

    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, !is_null && sqlite3_column_int (stmt, column) != 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Binds id as ?1 and the columns from ?2; the values stay alive until the statement has run
 * (they are bound without copying). */
static GValue *
bind_record (const TypeInfo *info,
             sqlite3_stmt   *stmt,
             BbRecord       *record,
             gboolean        bind_id)
{
  GValue *values = g_new0 (GValue, info->n_columns);
  gint64 id = bb_record_get_id (record);

  if (bind_id && id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);

  for (guint i = 0; i < info->n_columns; i++)
    {
      g_value_init (&values[i], info->pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), info->pspecs[i]->name, &values[i]);
      bind_value (stmt, i + 2, &values[i]);
    }

  return values;
}

static void
free_values (GValue *values,
             guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    g_value_unset (&values[i]);
  g_free (values);
}

static gboolean
run_write (BbStore        *self,
           sqlite3_stmt   *stmt,
           const char     *verb,
           const TypeInfo *info,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf ("Cannot %s %s", verb, info->table);

      set_error_from_db (self->db, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/* The rule of free text (bb-validate.h) for every text column, whoever writes: the editors
 * check it as people type; imports and headless commands meet it here. The error keeps its
 * BB_VALIDATE_ERROR, prefixed with the column. */
static gboolean
check_texts (const TypeInfo *info,
             BbRecord       *record,
             GError        **error)
{
  for (guint i = 0; i < info->n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (info->pspecs[i]->value_type != G_TYPE_STRING)
        continue;

      g_value_init (&value, G_TYPE_STRING);
      g_object_get_property (G_OBJECT (record), info->pspecs[i]->name, &value);
      if (!bb_validate_column (info->pspecs[i]->name, g_value_get_string (&value), error))
        {
          g_prefix_error (error, "%s.%s: ", info->table, info->pspecs[i]->name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Writes record's columns with sql (the type's INSERT or UPDATE); verb names the failure. */
static gboolean
write_record (BbStore        *self,
              const TypeInfo *info,
              const char     *sql,
              BbRecord       *record,
              const char     *verb,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GValue *values;
  gboolean ok;

  if (!check_texts (info, record, error))
    return FALSE;

  stmt = _bb_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  values = bind_record (info, stmt, record, TRUE);
  ok = run_write (self, stmt, verb, info, error);
  g_clear_pointer (&stmt, _bb_store_release);
  free_values (values, info->n_columns);

  return ok;
}

gboolean
bb_store_insert (BbStore   *self,
                 BbRecord  *record,
                 GError   **error)
{
  const TypeInfo *info;
  gint64 old_id = 0;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_RECORD (record), FALSE);

  info = get_type_info (G_OBJECT_TYPE (record));

  if (!begin_write (self, &own, error))
    return FALSE;

  ok = write_record (self, info, info->insert_sql, record, "insert into", error);

  /* Before the commit: handlers of "changed" may insert rows of their own. */
  if (ok)
    {
      old_id = bb_record_get_id (record);
      bb_record_set_id (record, sqlite3_last_insert_rowid (self->db));
    }

  if (!end_write (self, own, ok, error))
    {
      if (ok)
        bb_record_set_id (record, old_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
bb_store_update (BbStore   *self,
                 BbRecord  *record,
                 GError   **error)
{
  const TypeInfo *info;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_RECORD (record), FALSE);

  info = get_type_info (G_OBJECT_TYPE (record));

  if (!begin_write (self, &own, error))
    return FALSE;

  ok = write_record (self, info, info->update_sql, record, "update", error);

  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND,
                   "Cannot update %s: no row with id %" G_GINT64_FORMAT,
                   info->table, bb_record_get_id (record));
      ok = FALSE;
    }

  return end_write (self, own, ok, error);
}

gboolean
bb_store_delete (BbStore  *self,
                 GType     type,
                 gint64    id,
                 GError  **error)
{
  const TypeInfo *info;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD), FALSE);

  info = get_type_info (type);

  if (!begin_write (self, &own, error))
    return FALSE;

  stmt = _bb_store_prepare (self, info->delete_sql, error);
  if (stmt == NULL)
    return end_write (self, own, FALSE, error);

  sqlite3_bind_int64 (stmt, 1, id);
  ok = run_write (self, stmt, "delete from", info, error);
  g_clear_pointer (&stmt, _bb_store_release);

  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND,
                   "Cannot delete from %s: no row with id %" G_GINT64_FORMAT,
                   info->table, id);
      ok = FALSE;
    }

  /* The link tables have no rowid, so the update hook does not see their cascades. */
  if (ok && type == BB_TYPE_CONSULTATION)
    {
      note_change (self, "consultation_person", id);
      note_change (self, "consultation_topic", id);
    }
  else if (ok && type == BB_TYPE_PERSON)
    {
      note_change (self, "consultation_person", 0);
    }
  else if (ok && type == BB_TYPE_TOPIC)
    {
      note_change (self, "consultation_topic", 0);
    }

  return end_write (self, own, ok, error);
}

gpointer
bb_store_get (BbStore  *self,
              GType     type,
              gint64    id,
              GError  **error)
{
  const TypeInfo *info;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD), NULL);

  info = get_type_info (type);

  stmt = _bb_store_prepare (self, info->select_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND,
                   "No %s with id %" G_GINT64_FORMAT, info->table, id);
      return NULL;
    }
  else if (rc != SQLITE_ROW)
    {
      g_autofree char *what = g_strdup_printf ("Cannot read %s", info->table);

      set_error_from_db (self->db, error, rc, what);
      return NULL;
    }

  return _bb_store_read_record (type, stmt, 0);
}

gpointer
_bb_store_read_record (GType         type,
                       sqlite3_stmt *stmt,
                       int           column)
{
  const TypeInfo *info = get_type_info (type);
  GValue *values;
  GObject *object;

  values = g_new0 (GValue, info->n_columns + 1);
  g_value_init (&values[0], G_TYPE_INT64);
  g_value_set_int64 (&values[0], sqlite3_column_int64 (stmt, column));

  for (guint i = 0; i < info->n_columns; i++)
    {
      g_value_init (&values[i + 1], info->pspecs[i]->value_type);
      read_value (stmt, column + i + 1, &values[i + 1]);
    }

  object = g_object_new_with_properties (type, info->n_columns + 1, info->names, values);
  free_values (values, info->n_columns + 1);

  return object;
}

gint64
bb_store_count (BbStore *self,
                GType    type)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), 0);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD), 0);

  stmt = _bb_store_prepare_or_warn (self, get_type_info (type)->count_sql);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Cannot count rows: %s", sqlite3_errmsg (self->db));
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

GPtrArray *
bb_store_count_tables (BbStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  /* The FTS5 index counts as one table; its shadow tables are its business, and
   * shelter_contact is derived from the consultations. */
  stmt = _bb_store_prepare (self,
                            "SELECT name FROM sqlite_schema WHERE type = 'table'"
                            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                            " AND name NOT LIKE 'search\\_index\\_%' ESCAPE '\\'"
                            " AND name <> 'shelter_contact'"
                            " ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, rc, "Cannot list tables");
      return NULL;
    }

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_table_count_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", name);
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) count = NULL;
      BbTableCount *entry;

      /* Names come from the schema itself; quoted all the same. */
      g_assert (strchr (name, '"') == NULL);
      sql = g_strconcat ("SELECT count(*) FROM ", quoted, NULL);
      count = _bb_store_prepare (self, sql, error);
      if (count == NULL)
        return NULL;
      if ((rc = sqlite3_step (count)) != SQLITE_ROW)
        {
          set_error_from_db (self->db, error, rc, "Cannot count rows");
          return NULL;
        }

      entry = g_new0 (BbTableCount, 1);
      entry->table = g_strdup (name);
      entry->count = sqlite3_column_int64 (count, 0);
      g_ptr_array_add (counts, entry);
    }

  return g_steal_pointer (&counts);
}

void
bb_table_count_free (BbTableCount *count)
{
  if (count == NULL)
    return;

  g_free (count->table);
  g_free (count);
}

gboolean
bb_store_is_empty (BbStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), TRUE);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT EXISTS (SELECT 1 FROM shelter)"
                                    " OR EXISTS (SELECT 1 FROM person)"
                                    " OR EXISTS (SELECT 1 FROM organisation)"
                                    " OR EXISTS (SELECT 1 FROM consultation)"
                                    " OR EXISTS (SELECT 1 FROM event)");
  if (stmt == NULL)
    return TRUE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Cannot look at the database: %s", sqlite3_errmsg (self->db));
      return TRUE;
    }

  return sqlite3_column_int (stmt, 0) == 0;
}

/* Meta --------------------------------------------------------------------------------------- */

char *
bb_store_dup_meta (BbStore    *self,
                   const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _bb_store_prepare_or_warn (self, "SELECT value FROM meta WHERE key = ?1");
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
bb_store_set_meta (BbStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean own;
  gboolean ok;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!begin_write (self, &own, error))
    return FALSE;

  if (value == NULL)
    stmt = _bb_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  else
    stmt = _bb_store_prepare (self,
                              "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return end_write (self, own, FALSE, error);

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_DONE;
  if (!ok)
    set_error_from_db (self->db, error, rc, "Cannot write meta");

  g_clear_pointer (&stmt, _bb_store_release);

  return end_write (self, own, ok, error);
}

gboolean
bb_store_is_demo (BbStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  value = bb_store_dup_meta (self, "demo");

  return g_strcmp0 (value, "1") == 0;
}

/* Labels ------------------------------------------------------------------------------------- */

char *
bb_store_dup_label (BbStore *self,
                    GType    type,
                    gint64   id)
{
  g_autoptr(BbRecord) record = NULL;
  g_autofree char *key = NULL;
  const char *cached;
  char *label;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD), NULL);

  if (id == 0)
    return NULL;

  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, bb_record_type_get_table (type), id);

  /* Labels are stored as "" in the cache when the record has none. */
  cached = g_hash_table_lookup (self->labels, key);
  if (cached != NULL)
    return cached[0] != '\0' ? g_strdup (cached) : NULL;

  record = bb_store_get (self, type, id, NULL);
  if (record == NULL)
    return NULL;

  label = bb_record_dup_label (record);

  /* The cache is cleared on every commit; inside a transaction rows may still roll back. */
  if (self->depth == 0)
    {
      if (g_hash_table_size (self->labels) >= LABEL_CACHE_MAX)
        g_hash_table_remove_all (self->labels);
      g_hash_table_insert (self->labels, g_steal_pointer (&key), g_strdup (label ? label : ""));
    }

  return label;
}

/* Lists -------------------------------------------------------------------------------------- */

GListModel *
bb_store_list (BbStore *self,
               GType    type)
{
  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD) && type != BB_TYPE_RECORD, NULL);

  return G_LIST_MODEL (bb_record_list_new (self, type, NULL, 0));
}

GListModel *
bb_store_list_related (BbStore    *self,
                       GType       type,
                       const char *column,
                       gint64      id)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *column_name = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, BB_TYPE_RECORD) && type != BB_TYPE_RECORD, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  klass = g_type_class_ref (type);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), column);

  /* The column name ends up in SQL: only our own foreign-key properties are allowed. */
  if (pspec == NULL || !is_column_pspec (type, pspec) || pspec->value_type != G_TYPE_INT64)
    {
      g_critical ("%s has no foreign key property \"%s\"", g_type_name (type), column);
      return NULL;
    }

  column_name = g_strdelimit (g_strdup (pspec->name), "-", '_');

  return G_LIST_MODEL (bb_record_list_new (self, type, column_name, id));
}

/* Links of consultations --------------------------------------------------------------------- */

static gboolean
check_consultation (BbStore  *self,
                    gint64    consultation_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (self, "SELECT 1 FROM consultation WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, consultation_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND,
                   "No consultation with id %" G_GINT64_FORMAT, consultation_id);
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    {
      set_error_from_db (self->db, error, rc, "Cannot read consultation");
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_done (BbStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_people (BbStore       *self,
            gint64         consultation_id,
            const gint64  *person_ids,
            gsize          n_person_ids,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) delete = NULL;

  if (!check_consultation (self, consultation_id, error))
    return FALSE;

  delete = _bb_store_prepare (self, "DELETE FROM consultation_person WHERE consultation_id = ?1",
                              error);
  if (delete == NULL)
    return FALSE;

  sqlite3_bind_int64 (delete, 1, consultation_id);
  if (!step_done (self, delete, "Cannot unlink people", error))
    return FALSE;

  for (gsize i = 0; i < n_person_ids; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = _bb_store_prepare (self,
                                  "INSERT OR IGNORE INTO consultation_person (consultation_id, person_id)"
                                  " VALUES (?1, ?2)",
                                  error);
      if (insert == NULL)
        return FALSE;

      sqlite3_bind_int64 (insert, 1, consultation_id);
      sqlite3_bind_int64 (insert, 2, person_ids[i]);
      if (!step_done (self, insert, "Cannot link person", error))
        return FALSE;
    }

  note_change (self, "consultation_person", consultation_id);

  return TRUE;
}

gboolean
bb_store_set_consultation_people (BbStore       *self,
                                  gint64         consultation_id,
                                  const gint64  *person_ids,
                                  gsize          n_person_ids,
                                  GError       **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_person_ids == 0, FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  if (!set_people (self, consultation_id, person_ids, n_person_ids, error))
    {
      bb_store_rollback (self);
      return FALSE;
    }

  return bb_store_commit (self, error);
}

GArray *
bb_store_get_consultation_people (BbStore *self,
                                  gint64   consultation_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT p.id FROM consultation_person cp"
                                    " JOIN person p ON p.id = cp.person_id"
                                    " WHERE cp.consultation_id = ?1"
                                    " ORDER BY p.family_name COLLATE NOCASE,"
                                    " p.given_name COLLATE NOCASE, p.id");
  if (stmt == NULL)
    return ids;

  sqlite3_bind_int64 (stmt, 1, consultation_id);
  /* A reader without an error: the people read before a failure are all it knows. */
  _bb_store_collect_ids (self, stmt, ids, "Cannot read the people", NULL);

  return ids;
}

/* The id of the topic called name (ignoring case, also beyond ASCII), or 0. */
static gint64
find_topic (BbStore     *self,
            const char  *name,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = NULL;
  int rc;

  stmt = _bb_store_prepare (self, "SELECT id FROM topic WHERE name = ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, rc, "Cannot read topics");
      return -1;
    }
  g_clear_pointer (&stmt, _bb_store_release);

  /* NOCASE folds ASCII only; topics are few, so compare the rest here. */
  folded = g_utf8_casefold (name, -1);
  stmt = _bb_store_prepare (self, "SELECT id, name FROM topic", error);
  if (stmt == NULL)
    return -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 1), -1);

      if (strcmp (folded, other) == 0)
        return sqlite3_column_int64 (stmt, 0);
    }

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, rc, "Cannot read topics");
      return -1;
    }

  return 0;
}

static gboolean
set_topics (BbStore             *self,
            gint64               consultation_id,
            const char * const  *topics,
            GError             **error)
{
  g_autoptr(sqlite3_stmt) delete = NULL;

  if (!check_consultation (self, consultation_id, error))
    return FALSE;

  delete = _bb_store_prepare (self, "DELETE FROM consultation_topic WHERE consultation_id = ?1",
                              error);
  if (delete == NULL)
    return FALSE;

  sqlite3_bind_int64 (delete, 1, consultation_id);
  if (!step_done (self, delete, "Cannot unlink topics", error))
    return FALSE;

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;
      g_autofree char *name = g_utf8_normalize (topics[i], -1, G_NORMALIZE_DEFAULT_COMPOSE);
      gint64 topic_id;

      if (name == NULL)
        {
          g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT,
                               "Cannot link topic: the name is not valid UTF-8");
          return FALSE;
        }

      g_strstrip (name);
      if (name[0] == '\0')
        continue;

      topic_id = find_topic (self, name, error);
      if (topic_id < 0)
        return FALSE;

      if (topic_id == 0)
        {
          g_autoptr(BbTopic) topic = bb_topic_new ();

          bb_topic_set_name (topic, name);
          if (!bb_store_insert (self, BB_RECORD (topic), error))
            return FALSE;
          topic_id = bb_record_get_id (BB_RECORD (topic));
        }

      insert = _bb_store_prepare (self,
                                  "INSERT OR IGNORE INTO consultation_topic (consultation_id, topic_id)"
                                  " VALUES (?1, ?2)",
                                  error);
      if (insert == NULL)
        return FALSE;

      sqlite3_bind_int64 (insert, 1, consultation_id);
      sqlite3_bind_int64 (insert, 2, topic_id);
      if (!step_done (self, insert, "Cannot link topic", error))
        return FALSE;
    }

  note_change (self, "consultation_topic", consultation_id);

  return TRUE;
}

gboolean
bb_store_set_consultation_topics (BbStore             *self,
                                  gint64               consultation_id,
                                  const char * const  *topics,
                                  GError             **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  if (!set_topics (self, consultation_id, topics, error))
    {
      bb_store_rollback (self);
      return FALSE;
    }

  return bb_store_commit (self, error);
}

char **
bb_store_get_consultation_topics (BbStore *self,
                                  gint64   consultation_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT t.name FROM consultation_topic ct"
                                    " JOIN topic t ON t.id = ct.topic_id"
                                    " WHERE ct.consultation_id = ?1 ORDER BY t.name");
  if (stmt == NULL)
    return g_new0 (char *, 1);

  sqlite3_bind_int64 (stmt, 1, consultation_id);

  return _bb_store_collect_strings (stmt);
}

/* Search ------------------------------------------------------------------------------------- */

static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char *
_bb_store_match_query (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(GString) token = NULL;
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  query = g_string_new (NULL);
  token = g_string_new (NULL);

  for (;;)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_token_char (c))
        {
          g_string_append_unichar (token, c);
        }
      else if (token->len > 0)
        {
          /* Token characters contain no '"', so quoting cannot be escaped. */
          g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " AND " : "", token->str);
          g_string_truncate (token, 0);
        }

      if (c == 0)
        break;

      p = g_utf8_next_char (p);
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* A consultation is shown by its shelter (or the name of a deleted one) and its start. */
static gboolean
consultation_title (BbStore  *self,
                    gint64    id,
                    char    **title,
                    char    **started_at)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT coalesce (s.name, c.former_shelter_name), c.started_at"
                                    " FROM consultation c LEFT JOIN shelter s ON s.id = c.shelter_id"
                                    " WHERE c.id = ?1");
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *started_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

  return TRUE;
}

/* Matches beyond this many are not ranked: bm25 reads the column sizes of every match (at
 * 100 times the BfE's data the first letter typed matches 570,000 rows: half a second), and
 * the order of that many hits of a word just begun says little. */
#define SEARCH_RANK_MAX 2000

/* Appends a hit for each row of stmt (kind, ref, title, snippet, rank) until hits holds
 * limit of them (0: no limit). */
static gboolean
append_hits (BbStore       *self,
             GListStore    *hits,
             sqlite3_stmt  *stmt,
             guint          limit,
             GError       **error)
{
  int rc = SQLITE_DONE;

  while ((limit == 0 || g_list_model_get_n_items (G_LIST_MODEL (hits)) < limit) &&
         (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BbSearchHit) hit = NULL;
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      GType type = type_for_table (kind);

      if (type == G_TYPE_INVALID)
        continue;

      if (type == BB_TYPE_CONSULTATION)
        consultation_title (self, id, &title, &date);
      else
        title = bb_store_dup_label (self, type, id);

      if (title == NULL)
        title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));

      hit = bb_search_hit_new (type, id, title,
                               (const char *) sqlite3_column_text (stmt, 3),
                               date,
                               sqlite3_column_double (stmt, 4));
      g_list_store_append (hits, hit);
    }

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error_from_db (self->db, error, rc, "Search failed");
      return FALSE;
    }

  return TRUE;
}

/* How many rows match query, counting up to max; -1 on error. */
static gint64
count_matches (BbStore     *self,
               const char  *query,
               gint64       max,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (self,
                            "SELECT count(*) FROM (SELECT 1 FROM search_index"
                            " WHERE search_index MATCH ?1 LIMIT ?2)",
                            error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, max);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_db (self->db, error, rc, "Search failed");
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

GListModel *
bb_store_search (BbStore     *self,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GListStore) hits = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *query = NULL;
  char *queries[2] = { NULL, NULL };
  gint64 n_matches;
  gboolean ok = TRUE;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  hits = g_list_store_new (BB_TYPE_SEARCH_HIT);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return G_LIST_MODEL (g_steal_pointer (&hits));

  query = _bb_store_match_query (text);
  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&hits));

  n_matches = count_matches (self, query, SEARCH_RANK_MAX + 1, error);
  if (n_matches < 0)
    return NULL;

  if (n_matches <= SEARCH_RANK_MAX)
    {
      stmt = _bb_store_prepare (self,
                                "SELECT kind, ref, title,"
                                " snippet (search_index, 3, char (2), char (3), '…', 12),"
                                " bm25 (search_index, 0, 0, 10.0, 1.0) AS rank"
                                " FROM search_index WHERE search_index MATCH ?1"
                                " ORDER BY rank LIMIT ?2",
                                error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
      if (!append_hits (self, hits, stmt, 0, error))
        return NULL;

      return G_LIST_MODEL (g_steal_pointer (&hits));
    }

  /* Too many to rank: the records whose names match first (the weight of the title makes
   * them rank first too), then the others, each in the order of the index. */
  queries[0] = g_strdup_printf ("title : (%s)", query);
  queries[1] = g_strdup_printf ("(%s) NOT title : (%s)", query, query);

  for (guint i = 0; ok && i < G_N_ELEMENTS (queries); i++)
    {
      stmt = _bb_store_prepare (self,
                                "SELECT kind, ref, title,"
                                " snippet (search_index, 3, char (2), char (3), '…', 12), 0.0"
                                " FROM search_index WHERE search_index MATCH ?1",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, queries[i], -1, SQLITE_STATIC);
          ok = append_hits (self, hits, stmt, limit, error);
        }
      g_clear_pointer (&stmt, _bb_store_release);
    }

  g_free (queries[0]);
  g_free (queries[1]);

  if (!ok)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&hits));
}
