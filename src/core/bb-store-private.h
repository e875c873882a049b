/* bb-store-private.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bb-store.h"

G_BEGIN_DECLS

/* A cached prepared statement of the store. Give it back with _bb_store_release() (or let
 * g_autoptr(sqlite3_stmt) do it), which resets it and clears its bindings. */
sqlite3_stmt *_bb_store_prepare        (BbStore       *self,
                                        const char    *sql,
                                        GError       **error);
void          _bb_store_release        (sqlite3_stmt  *stmt);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _bb_store_release)

G_END_DECLS
