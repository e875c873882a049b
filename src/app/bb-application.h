/* bb-application.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BB_TYPE_APPLICATION (bb_application_get_type ())

G_DECLARE_FINAL_TYPE (BbApplication, bb_application, BB, APPLICATION, AdwApplication)

/* Binds the program's message catalog: from $BB_LOCALEDIR if set (the build tree's po folder,
 * for running uninstalled), else from LOCALEDIR. Call after setlocale (). */
void           bb_application_bind_textdomain      (void);
BbApplication *bb_application_new                  (void);
/* The database the window opens: --database, or NULL for bb_store_default_path (). */
const char    *bb_application_get_database_path    (BbApplication *self);
void           bb_application_set_database_path    (BbApplication *self,
                                                    const char    *path);
/* What to tell the user when the database at path cannot be opened or written (translated). */
char          *bb_application_describe_store_error (const GError  *error,
                                                    const char    *path);
/* The message of error, except that a technical one of BB_STORE_ERROR is told as
 * bb_application_describe_store_error() does: for errors of operations that read the store
 * and do other things as well (an import, an export), whose messages are for people. */
char          *bb_application_describe_error       (const GError  *error,
                                                    const char    *path);
/* What to tell the user when restoring the backup at backup_path into the database at
 * database_path failed (translated). */
char          *bb_application_describe_restore_error (const GError *error,
                                                      const char   *backup_path,
                                                      const char   *database_path);

G_END_DECLS
