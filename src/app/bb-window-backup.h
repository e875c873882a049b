/* bb-window-backup.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-window.h"

G_BEGIN_DECLS

/* Backup and restore from the window: the actions win.backup and win.restore (file chooser,
 * then for restore a confirmation), and the automatic backup at start. Not for demo data. */

/* Installs win.backup and win.restore on the window class. */
void              _bb_window_install_backup_actions (GtkWidgetClass *widget_class);

/* Saves a backup of the window's database to path and says so in a toast. */
gboolean          bb_window_back_up_to             (BbWindow       *self,
                                                    const char     *path,
                                                    GError        **error);
/* Asks whether the database is to be replaced by the backup at path; "restore" restores it,
 * or shows why not. The dialog is shown and returned. */
AdwMessageDialog *bb_window_ask_restore            (BbWindow       *self,
                                                    const char     *path);
/* Replaces the window's database by the backup at path (bb_store_restore()): every view
 * shows the restored data, and a toast says so. */
gboolean          bb_window_restore_from           (BbWindow       *self,
                                                    const char     *path,
                                                    GError        **error);

/* If automatic backups are switched on (GSettings "automatic-backup") and the window shows
 * the user's own database with something in it, writes the day's backup in a thread
 * (bb_store_rotate_backups(), keeping "backup-keep"); a failure is shown in a toast. FALSE if
 * no backup was started. */
gboolean          bb_window_start_automatic_backup (BbWindow       *self);
/* TRUE while an automatic backup runs. */
gboolean          _bb_window_get_backing_up        (BbWindow       *self);

G_END_DECLS
