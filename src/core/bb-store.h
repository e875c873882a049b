/* bb-store.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_STORE_ERROR (bb_store_error_quark ())

/* The schema version this program writes; PRAGMA user_version of a current database. */
#define BB_STORE_SCHEMA_VERSION 8

typedef enum
{
  BB_STORE_ERROR_FAILED,
  BB_STORE_ERROR_NOT_A_DATABASE,  /* the file exists but is no SQLite database of ours */
  BB_STORE_ERROR_TOO_NEW,         /* made by a newer Brückenbuch: refused, never modified */
  BB_STORE_ERROR_CONSTRAINT,      /* a value breaks a rule of the data model */
  BB_STORE_ERROR_NOT_FOUND,       /* no record with that id */
  BB_STORE_ERROR_BUSY,            /* another program holds the database too long */
  BB_STORE_ERROR_READ_ONLY,       /* file or folder not writable */
  BB_STORE_ERROR_FULL,            /* disk full */
  BB_STORE_ERROR_IO,
  BB_STORE_ERROR_CONFLICT,        /* an undo meets rows that changed again since */
} BbStoreError;

#define BB_TYPE_STORE (bb_store_get_type ())

G_DECLARE_FINAL_TYPE (BbStore, bb_store, BB, STORE, GObject)

GQuark       bb_store_error_quark         (void);

/* $XDG_DATA_HOME/brueckenbuch/brueckenbuch.sqlite3 */
char        *bb_store_default_path        (void);

/* Copies before migrations kept beside a database (see bb_store_open()): few, as each is a
 * whole copy of personal data; schema versions change seldom, so three reach back far. */
#define BB_STORE_PRE_MIGRATION_COPIES_KEPT 3

/* Opens or creates the database at path (mode 0600, parent folders 0700), migrating an older
 * schema after a backup beside the file (PATH.before-vV[.N].bak, V the first version migrated
 * to, N = 2, 3, … for another before the same version). Then only the newest
 * BB_STORE_PRE_MIGRATION_COPIES_KEPT of these stay (highest V, then highest N; the one just
 * made always), older ones are deleted; nothing else beside the database is touched, and a
 * failure to delete is only logged. Refuses a newer schema or a file that is not a database,
 * leaving it untouched. */
BbStore     *bb_store_open                (const char  *path,
                                           GError     **error);
const char  *bb_store_get_path            (BbStore     *self);
int          bb_store_get_schema_version  (BbStore     *self);

/* Every record type of the data model, in dependency order (NULL-terminated, static). */
const GType *bb_store_get_record_types    (void);

/* TRUE if the database holds no shelters, people, organisations, consultations or events. */
gboolean     bb_store_is_empty            (BbStore     *self);

/* Small key/value facts about the database, e.g. "demo" = "1" for generated demo data. */
char        *bb_store_dup_meta            (BbStore     *self,
                                           const char  *key);
gboolean     bb_store_set_meta            (BbStore     *self,
                                           const char  *key,
                                           const char  *value,
                                           GError     **error);
gboolean     bb_store_is_demo             (BbStore     *self);

/* Copies the whole database to dest_path (mode 0600) with SQLite's online backup API; not
 * inside a transaction. */
gboolean     bb_store_backup              (BbStore     *self,
                                           const char  *dest_path,
                                           GError     **error);

/* Another program may write the same database: a window opened with --database on the same
 * file, a headless import. If one has committed since the last call (or since opening), emits
 * "changed" with id 0 for every table and "committed", and returns TRUE. Cheap (PRAGMA
 * data_version): meant for when a window becomes active. Does nothing inside a transaction. */
gboolean     bb_store_check_external_changes (BbStore  *self);

/* Transactions nest; the outermost one is BEGIN IMMEDIATE … COMMIT. Every write below is a
 * transaction of its own unless one is open. "changed" (detail: the table; arguments: table,
 * id, where id 0 means many rows) is emitted after the outermost commit for every row written
 * (cascades and triggers included) and never after a rollback; "committed" follows once after
 * them. If the outermost commit fails, everything is rolled back already; a rollback after
 * that is harmless. */
gboolean     bb_store_begin               (BbStore     *self,
                                           GError     **error);
gboolean     bb_store_commit              (BbStore     *self,
                                           GError     **error);
void         bb_store_rollback            (BbStore     *self);

/* Undo. An undoable transaction records every row it changes (cascades and triggers included,
 * through SQLite's session extension); its commit hands back what reverts exactly those
 * changes. bb_store_undo applies that in one transaction; if a row has changed again since,
 * it refuses with BB_STORE_ERROR_CONFLICT and changes nothing. Undoable transactions do not
 * nest into other transactions. */
gboolean     bb_store_begin_undoable      (BbStore     *self,
                                           GError     **error);
GBytes      *bb_store_commit_undoable     (BbStore     *self,
                                           GError     **error);
gboolean     bb_store_undo                (BbStore     *self,
                                           GBytes      *undo,
                                           GError     **error);
/* Shorthand: deletes one record (and what cascades) undoably; returns the undo. */
GBytes      *bb_store_delete_undoable     (BbStore     *self,
                                           GType        type,
                                           gint64       id,
                                           GError     **error);

/* Generic CRUD through the record's properties. insert sets the record's id. */
gboolean     bb_store_insert              (BbStore     *self,
                                           BbRecord    *record,
                                           GError     **error);
gboolean     bb_store_update              (BbStore     *self,
                                           BbRecord    *record,
                                           GError     **error);
gboolean     bb_store_delete              (BbStore     *self,
                                           GType        type,
                                           gint64       id,
                                           GError     **error);
/* A new record, or NULL with BB_STORE_ERROR_NOT_FOUND. */
gpointer     bb_store_get                 (BbStore     *self,
                                           GType        type,
                                           gint64       id,
                                           GError     **error);
gint64       bb_store_count               (BbStore     *self,
                                           GType        type);
/* Every table of the database with its number of rows, in the order they were created (link
 * tables, meta and the search index included): a GPtrArray of BbTableCount. */
typedef struct
{
  char   *table;
  gint64  count;
} BbTableCount;

void         bb_table_count_free          (BbTableCount *count);
GPtrArray   *bb_store_count_tables        (BbStore     *self,
                                           GError     **error);
/* The label of a record (its name, a person's full name …), or NULL if id is 0 or unknown. */
char        *bb_store_dup_label           (BbStore     *self,
                                           GType        type,
                                           gint64       id);

/* Lists of records that load rows only when asked for them and follow every change of the
 * table. The natural order: names alphabetically, consultations newest first, events by start. */
GListModel  *bb_store_list                (BbStore     *self,
                                           GType        type);
/* The records of type whose foreign key column (a property name such as "shelter-id") is id,
 * e.g. the roles of one shelter or the follow-ups of one consultation. */
GListModel  *bb_store_list_related        (BbStore     *self,
                                           GType        type,
                                           const char  *column,
                                           gint64       id);

/* People consulted in a consultation. */
gboolean     bb_store_set_consultation_people (BbStore       *self,
                                               gint64         consultation_id,
                                               const gint64  *person_ids,
                                               gsize          n_person_ids,
                                               GError       **error);
GArray      *bb_store_get_consultation_people (BbStore       *self,
                                               gint64         consultation_id);
/* Topics by name; unknown topics are created. */
gboolean     bb_store_set_consultation_topics (BbStore             *self,
                                               gint64               consultation_id,
                                               const char * const  *topics,
                                               GError             **error);
char       **bb_store_get_consultation_topics (BbStore             *self,
                                               gint64               consultation_id);

/* Full-text search over shelters, people, organisations and consultation notes, best first.
 * Every word of text is matched as a prefix; returns a list of BbSearchHit. When more than
 * 2,000 records match (a word just begun), they are not ranked: the records whose name
 * matches come first, each group in the order of the index, with rank 0. */
GListModel  *bb_store_search              (BbStore     *self,
                                           const char  *text,
                                           guint        limit,
                                           GError     **error);

G_END_DECLS
