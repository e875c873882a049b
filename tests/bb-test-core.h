/* bb-test-core.h: what the tests of the core share — a database in a temporary folder, records
 * added with their insertion asserted, and single values read back.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-core.h"

G_BEGIN_DECLS

/* A new temporary folder, named after the test program. */
char    *bb_test_make_dir       (void);
/* Removes path with everything below it. */
void     bb_test_remove_dir     (const char *path);
/* Opens (creating) the database name in dir, asserting that it opens; its path in *path_out
 * if that is not NULL. */
BbStore *bb_test_open_store     (const char  *dir,
                                 const char  *name,
                                 char       **path_out);

/* The fixture of a test on one database, dir/test.sqlite3. */
typedef struct
{
  char    *dir;
  char    *path;
  BbStore *store;
} BbTestStore;

/* Test data that makes bb_test_store_set_up() leave the store closed (NULL). */
#define BB_TEST_NO_STORE GINT_TO_POINTER (1)

void     bb_test_store_set_up   (BbTestStore   *fixture,
                                 gconstpointer  data);
void     bb_test_store_tear_down (BbTestStore  *fixture,
                                  gconstpointer data);

/* Inserts record (taking it), asserting that it is written; its new id. */
gint64   bb_test_insert         (BbStore    *store,
                                 gpointer    record);

/* The first column of the one row sql yields, through the store's connection. */
gint64   bb_test_query_int      (BbStore    *store,
                                 const char *sql);
char    *bb_test_query_text     (BbStore    *store,
                                 const char *sql);
/* The same from the database file at path, opened read-only on a connection of its own. */
gint64   bb_test_file_query_int (const char *path,
                                 const char *sql);

/* The id of the record of type (with a property "name") called name; fails the test if there
 * is none. */
gint64   bb_test_find_by_name   (BbStore    *store,
                                 GType       type,
                                 const char *name);
/* Ids of the districts and regions of the initial schema, by name. */
gint64   bb_test_district_id    (BbStore    *store,
                                 const char *name);
gint64   bb_test_region_id      (BbStore    *store,
                                 const char *name);

/* unit repeated times, e.g. an over-long name. */
char    *bb_test_repeat         (const char *unit,
                                 guint       times);

gint64   bb_test_add_shelter    (BbStore    *store,
                                 const char *name,
                                 const char *district);
gint64   bb_test_add_person     (BbStore    *store,
                                 const char *given_name,
                                 const char *family_name);

G_END_DECLS
