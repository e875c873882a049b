/* bb-commands.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command-line options of the program: the headless commands and --database. */
void  bb_commands_add_options        (GApplication *app);

/* Runs the headless command given in options (from handle-local-options, before GTK is
 * initialised: no display is needed). Returns the exit status, or -1 if options name no
 * command and the window should open. */
int   bb_commands_run                (GApplication *app,
                                      GVariantDict *options);

/* The --database path, or NULL if none was given (the window then uses the default). */
char *bb_commands_dup_database_path  (GVariantDict *options);

G_END_DECLS
