/* bb-store-backup.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-store.h"

G_BEGIN_DECLS

/* Restoring a backup, and the rotating automatic backups. Backups are whole databases written
 * with bb_store_backup(); they hold personal data, so files are 0600 and folders 0700. */

/* Safety copies kept (see bb_store_restore()). Each is a whole copy of personal data, so few:
 * the newest undoes the last restore, the two before it a few restores tried in a row (to find
 * the right backup); older states are in the daily automatic backups. */
#define BB_STORE_SAFETY_COPIES_KEPT 3

/* The folder of the automatic backups and safety copies: "backups" beside the database. */
char     *bb_store_dup_backup_folder (BbStore     *self);

/* A backup to path (0600), e.g. one the user chose: an existing file there is replaced only
 * once the backup is complete; the database itself never (BB_STORE_ERROR_FAILED). */
gboolean  bb_store_write_backup      (BbStore     *self,
                                      const char  *path,
                                      GError     **error);

/* Replaces the content of the database by that of the backup at backup_path.
 *
 * The backup is checked on a private copy (the file itself is only read): it must be a
 * Brückenbuch database of this or an older schema that passes PRAGMA integrity_check. Anything
 * else is refused with nothing changed: BB_STORE_ERROR_NOT_A_DATABASE (not SQLite, another
 * program's database, empty, damaged, or the database itself), BB_STORE_ERROR_TOO_NEW (a newer
 * schema). An older schema is migrated on the copy.
 *
 * Then a safety copy of the current database goes into the backup folder (its path in
 * *safety_path if that is not NULL), and the content is replaced in one write transaction, so
 * that a crash leaves either the old or the restored database. Every table emits "changed"
 * (id 0), then "committed". Not inside a transaction.
 *
 * Safety copies are named NAME-before-restore-YYYY-MM-DD-HHMMSS[-N].sqlite3 (local time; N =
 * 2, 3, … for more in one second). After a successful restore only the newest
 * BB_STORE_SAFETY_COPIES_KEPT of them stay, the one just made always among them; older ones
 * are deleted. Nothing else in the folder is touched: only files named exactly so, for this
 * database's NAME, regular files and not links. A failure to delete is logged with
 * g_warning() and does not fail the restore. */
gboolean  bb_store_restore           (BbStore     *self,
                                      const char  *backup_path,
                                      char       **safety_path,
                                      GError     **error);

/* The automatic backup. If folder (NULL: bb_store_dup_backup_folder()) holds no backup of the
 * local day of now yet, writes NAME-YYYY-MM-DD.sqlite3 there (NAME: the database file's name
 * without its extension), its path in *written_path (else NULL). Then deletes the oldest of
 * these backups beyond the newest keep (at least 1). Other files in the folder are never
 * touched. The folder is created 0700, the backup 0600 (written under a temporary name first,
 * so that a crash never leaves a half backup under the day's name). */
gboolean  bb_store_rotate_backups    (BbStore     *self,
                                      const char  *folder,
                                      guint        keep,
                                      GDateTime   *now,
                                      char       **written_path,
                                      GError     **error);

G_END_DECLS
