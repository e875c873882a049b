/* bb-record-list.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_RECORD_LIST (bb_record_list_get_type ())

G_DECLARE_FINAL_TYPE (BbRecordList, bb_record_list, BB, RECORD_LIST, GObject)

/* The rows of type's table in their natural order, or only those whose column (a column name
 * such as "shelter_id", never user text) equals id. Only the ids are read up front; records
 * are loaded when asked for. Follows every change of the table. Use bb_store_list() and
 * bb_store_list_related(), which check their arguments. */
BbRecordList *bb_record_list_new      (BbStore     *store,
                                       GType        type,
                                       const char  *column,
                                       gint64       id);
GType         bb_record_list_get_record_type (BbRecordList *self);
/* Re-reads the ids now, e.g. after a change made by another program. */
void          bb_record_list_refresh  (BbRecordList *self);
/* The position of the record with this id, or GTK_INVALID_LIST_POSITION (G_MAXUINT); reads no
 * records. */
guint         bb_record_list_find     (BbRecordList *self,
                                       gint64        id);

/* For the store's query modules (bb-store-<area>.c): list what sql selects instead (the ids of
 * the list's type in its first column, sql built by the store, never from user text), with
 * bind setting its parameters before every read. Rows that stay are reported unchanged, so a
 * view keeps its selection. */
typedef void (*BbRecordListBindFunc) (gpointer stmt,
                                      gpointer user_data);
void          bb_record_list_set_query   (BbRecordList         *self,
                                          const char           *sql,
                                          BbRecordListBindFunc  bind,
                                          gpointer              bind_data,
                                          GDestroyNotify        bind_destroy);
/* Reads the ids again after every commit that changed table (e.g. one the query sorts by). */
void          bb_record_list_watch_table (BbRecordList         *self,
                                          const char           *table);

G_END_DECLS
