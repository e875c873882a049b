/* bb-store-private.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bb-record-list.h"
#include "bb-store.h"

G_BEGIN_DECLS

/* A cached prepared statement of the store. Give it back with _bb_store_release() (or let
 * g_autoptr(sqlite3_stmt) do it), which resets it and clears its bindings. */
sqlite3_stmt *_bb_store_prepare        (BbStore       *self,
                                        const char    *sql,
                                        GError       **error);
void          _bb_store_release        (sqlite3_stmt  *stmt);

/* _bb_store_prepare() for readers that have no way to report an error: a failure is logged
 * with g_warning() and NULL returned. */
sqlite3_stmt *_bb_store_prepare_or_warn (BbStore      *self,
                                         const char   *sql);

/* Steps stmt to its end and appends the integer in the first column of each row to ids (an
 * array of gint64). FALSE with error (what says what failed) if a step fails; the rows read
 * until then stay in ids. */
gboolean      _bb_store_collect_ids    (BbStore       *self,
                                        sqlite3_stmt  *stmt,
                                        GArray        *ids,
                                        const char    *what,
                                        GError       **error);

/* Steps stmt to its end: the texts in the first column of its rows (NULL-terminated, never
 * NULL itself). */
char        **_bb_store_collect_strings (sqlite3_stmt *stmt);

/* Runs sql (one or more statements) once, without caching it: for schema changes. */
gboolean      _bb_store_exec           (BbStore       *self,
                                        const char    *sql,
                                        const char    *what,
                                        GError       **error);

/* Runs load, which inserts many rows inside the caller's transaction (and returns FALSE with
 * error on failure, after which the caller rolls back), with the search index filled once at
 * the end instead of row by row. FTS5 writes a segment of its index at every statement that
 * fires an index trigger and merges them again and again: 400,000 rows take minutes that
 * way. The index triggers are dropped while load runs and restored afterwards, inside the
 * transaction; the index then holds what the triggers write for the rows as they are at the
 * end (the views search_source_<table>). shelter_contact is made the same way. On a store
 * whose index is not empty, load runs with the triggers as usual. */
typedef gboolean (*BbStoreLoadFunc) (gpointer   user_data,
                                     GError   **error);
gboolean      _bb_store_bulk_load      (BbStore         *self,
                                        BbStoreLoadFunc  load,
                                        gpointer         user_data,
                                        GError         **error);

/* The values of a query's named parameters (":name"), bound by name, so that SQL made of
 * fixed fragments needs no bookkeeping of which parameters it holds: a parameter the SQL does
 * not name is left out. A NULL text binds NULL. Names must be static strings. */
typedef struct _BbStoreParams BbStoreParams;

BbStoreParams *_bb_store_params_new      (void);
void           _bb_store_params_free     (BbStoreParams *params);
void           _bb_store_params_take_text (BbStoreParams *params,
                                           const char    *name,
                                           char          *value);
void           _bb_store_params_set_text (BbStoreParams *params,
                                          const char    *name,
                                          const char    *value);
void           _bb_store_params_set_int  (BbStoreParams *params,
                                          const char    *name,
                                          gint64         value);
void           _bb_store_params_bind     (BbStoreParams *params,
                                          sqlite3_stmt  *stmt);

/* bb_record_list_set_query() with params (taken) bound by name. */
void           _bb_record_list_set_query_params (BbRecordList  *list,
                                                 const char    *sql,
                                                 BbStoreParams *params);

/* Sets error from the last SQLite failure of the store's connection; what says what failed. */
void          _bb_store_set_error      (BbStore       *self,
                                        GError       **error,
                                        int            rc,
                                        const char    *what);

/* Copies the database behind db to dest_path (created with mode 0600) with the online backup
 * API. Used before migrations; exposed for the tests. */
gboolean      _bb_store_backup_db      (sqlite3       *db,
                                        const char    *dest_path,
                                        GError       **error);

/* Copies of the database the program makes again and again (safety copies before a restore,
 * copies before a migration) and prunes itself. A kind of copy is a GRegex that matches in
 * full exactly the names this program makes for it, with group 1 what orders the copies (a
 * time stamp of one width, or a number: the longer number is the greater) and the optional
 * group 2 the number (2, 3, …) that tells copies of one order apart (none: 1). Only regular
 * files, not links, count. */

/* The path for a new copy of order in folder, base + suffix for the first of that order, else
 * base + separator + a number one more than the greatest (and free), so that the new copy sorts
 * after them even once the first are pruned. base is a path in folder. */
char         *_bb_store_dup_copy_path  (const char  *folder,
                                        GRegex      *regex,
                                        const char  *order,
                                        const char  *base,
                                        const char  *separator,
                                        const char  *suffix);

/* Deletes the copies of regex in folder beyond the newest keep (at least 1); just_made (a name
 * in folder) is always kept and counts as one of them. Failures are logged with g_warning()
 * (what, e.g. "safety copies", says of which; names are dates or versions, nothing personal). */
void          _bb_store_prune_copies   (const char    *folder,
                                        GRegex        *regex,
                                        guint          keep,
                                        const char    *just_made,
                                        const char    *what);

/* Looks at the database file at path without changing it: FALSE with BB_STORE_ERROR_NOT_A_DATABASE
 * if it is no SQLite database or one of another program, BB_STORE_ERROR_TOO_NEW for a newer
 * schema; else its schema version in *version (0 for an empty file or database). */
gboolean      _bb_store_check_file     (const char    *path,
                                        int           *version,
                                        GError       **error);

/* Replaces everything in self by the content of source (same schema version) with the online
 * backup API in one write transaction, then emits "changed" (id 0) for every table and
 * "committed". Neither store may be inside a transaction. */
gboolean      _bb_store_replace        (BbStore       *self,
                                        BbStore       *source,
                                        GError       **error);

/* bb_store_open() with another set of migrations: the files NNNN-*.sql in folder of
 * migrations, applied up to target_version. For the tests of migrating and refusing. */
BbStore      *_bb_store_open_with_migrations (const char  *path,
                                              GResource   *migrations,
                                              const char  *folder,
                                              int          target_version,
                                              GError     **error);

/* Turns what a person typed into an FTS5 query: every word a quoted prefix, all of them
 * required, so that the text never reaches FTS5 as syntax. NULL if there is no word (or the
 * text is not UTF-8). */
char         *_bb_store_match_query    (const char  *text);

/* The column names of a record type (property names with '_'), NULL-terminated, static. */
const char * const *_bb_store_get_columns (GType       type);
/* A new record of type from the current row of stmt: its id in column, the columns of
 * _bb_store_get_columns() in their order after it. No round trip: for queries that read
 * whole records ("SELECT id, <columns> …") instead of ids for bb_store_get(). */
gpointer      _bb_store_read_record    (GType          type,
                                        sqlite3_stmt  *stmt,
                                        int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _bb_store_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbStoreParams, _bb_store_params_free)

G_END_DECLS
