/* bb-store-backup.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Restore and the rotating automatic backups, on top of bb_store_backup() (SQLite's online
 * backup API). A backup to be restored is never opened by SQLite where it lies: it may sit on
 * a read-only stick, and opening a WAL database would leave -wal/-shm files beside it. It is
 * copied into a private folder beside the database first and checked, migrated and read there. */

#define G_LOG_DOMAIN "bb-store-backup"

#include "config.h"

#include <sqlite3.h>

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "bb-store-backup.h"
#include "bb-store-private.h"

#define BACKUP_FOLDER "backups"
#define BACKUP_SUFFIX ".sqlite3"
#define WORK_FOLDER_PREFIX ".restore-"

/* Tables every Brückenbuch database has had since schema version 1. */
#define OWN_TABLES_SQL \
  "SELECT count(*) FROM sqlite_schema WHERE type = 'table' " \
  "AND name IN ('meta', 'shelter', 'person', 'consultation', 'event')"
#define N_OWN_TABLES 5

static int
error_code_from_gio (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return BB_STORE_ERROR_FULL;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return BB_STORE_ERROR_READ_ONLY;

  return BB_STORE_ERROR_IO;
}

static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *what)
{
  int code = BB_STORE_ERROR_IO;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = BB_STORE_ERROR_READ_ONLY;
  else if (saved_errno == ENOSPC)
    code = BB_STORE_ERROR_FULL;

  g_set_error (error, BB_STORE_ERROR, code, "%s: %s", what, g_strerror (saved_errno));
}

char *
bb_store_dup_backup_folder (BbStore *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  folder = g_path_get_dirname (bb_store_get_path (self));

  return g_build_filename (folder, BACKUP_FOLDER, NULL);
}

/* The database file's name without its extension: "brueckenbuch" for brueckenbuch.sqlite3. */
static char *
dup_backup_stem (BbStore *self)
{
  char *stem = g_path_get_basename (bb_store_get_path (self));
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';

  return stem;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_error_from_errno (error, errno, "Cannot create the backup folder");
      return FALSE;
    }

  return TRUE;
}

/* Copies the bytes of source to the new file dest (0600). */
static gboolean
copy_file (const char  *source,
           const char  *dest,
           GError     **error)
{
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) dest_file = g_file_new_for_path (dest);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GError) local_error = NULL;

  input = g_file_read (source_file, NULL, &local_error);
  if (input != NULL)
    output = g_file_create (dest_file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (output == NULL ||
      g_output_stream_splice (G_OUTPUT_STREAM (output), G_INPUT_STREAM (input),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, &local_error) < 0)
    {
      g_set_error (error, BB_STORE_ERROR, error_code_from_gio (local_error),
                   "Cannot copy the backup: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* The private folders of restores that were cut off (a crash, a kill) hold copies of
 * personal data: they go before the next restore makes its own. */
static void
remove_stale_work_folders (const char *database_folder)
{
  g_autoptr(GDir) dir = g_dir_open (database_folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, WORK_FOLDER_PREFIX) || strlen (name) != strlen (WORK_FOLDER_PREFIX) + 6)
        continue;

      path = g_build_filename (database_folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_debug ("Removing the folder of a restore that did not finish");
          remove_tree (path);
        }
    }
}

/* Copies made again and again ----------------------------------------------------------------- */

typedef struct
{
  char  *name;
  char  *order;
  guint  number;
} Copy;

static void
copy_free (gpointer data)
{
  Copy *copy = data;

  g_free (copy->name);
  g_free (copy->order);
  g_free (copy);
}

/* Newest first: the greater order (the longer number is the greater; stamps of one width
 * compare as text), then the greater number. */
static int
compare_copies_newest_first (gconstpointer a,
                             gconstpointer b)
{
  const Copy *copy_a = *(Copy * const *) a;
  const Copy *copy_b = *(Copy * const *) b;
  size_t length_a = strlen (copy_a->order);
  size_t length_b = strlen (copy_b->order);
  int order;

  if (length_a != length_b)
    return length_a < length_b ? 1 : -1;

  order = strcmp (copy_a->order, copy_b->order);
  if (order != 0)
    return -order;

  return copy_a->number < copy_b->number ? 1 : copy_a->number > copy_b->number ? -1 : 0;
}

/* The copies of one kind in folder, newest first (NULL if folder cannot be read): regular
 * files, not symbolic links, whose names regex matches. */
static GPtrArray *
list_copies (const char  *folder,
             GRegex      *regex,
             GError     **error)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (copy_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *path = NULL;
      g_autofree char *number = NULL;
      Copy *copy;

      if (!g_regex_match (regex, name, 0, &match))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;

      copy = g_new0 (Copy, 1);
      copy->name = g_strdup (name);
      copy->order = g_match_info_fetch (match, 1);
      number = g_match_info_fetch (match, 2);
      copy->number = number != NULL && *number != '\0' ? (guint) g_ascii_strtoull (number, NULL, 10) : 1;
      g_ptr_array_add (copies, copy);
    }

  g_ptr_array_sort (copies, compare_copies_newest_first);

  return g_steal_pointer (&copies);
}

char *
_bb_store_dup_copy_path (const char *folder,
                         GRegex     *regex,
                         const char *order,
                         const char *base,
                         const char *separator,
                         const char *suffix)
{
  g_autoptr(GPtrArray) copies = NULL;
  guint number = 1;
  char *path = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (regex != NULL, NULL);
  g_return_val_if_fail (order != NULL, NULL);
  g_return_val_if_fail (base != NULL && separator != NULL && suffix != NULL, NULL);

  copies = list_copies (folder, regex, NULL);
  for (guint i = 0; copies != NULL && i < copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (copies, i);

      if (g_str_equal (copy->order, order))
        number = MAX (number, copy->number + 1);
    }

  /* Never over an existing file, even one the pattern does not know. */
  do
    {
      g_free (path);
      if (number == 1)
        path = g_strconcat (base, suffix, NULL);
      else
        path = g_strdup_printf ("%s%s%u%s", base, separator, number, suffix);
      number++;
    }
  while (g_file_test (path, G_FILE_TEST_EXISTS));

  return path;
}

void
_bb_store_prune_copies (const char *folder,
                        GRegex     *regex,
                        guint       keep,
                        const char *just_made,
                        const char *what)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kept;

  g_return_if_fail (folder != NULL);
  g_return_if_fail (regex != NULL);
  g_return_if_fail (keep >= 1);
  g_return_if_fail (just_made != NULL);

  copies = list_copies (folder, regex, &error);
  if (copies == NULL)
    {
      g_warning ("Cannot prune the %s: %s", what, error->message);
      return;
    }

  /* The copy just made counts as one of those kept, wherever it sorts. */
  n_kept = 1;
  for (guint i = 0; i < copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (copies, i);
      g_autofree char *path = NULL;

      if (g_str_equal (copy->name, just_made))
        continue;

      if (n_kept < keep)
        {
          n_kept++;
          continue;
        }

      path = g_build_filename (folder, copy->name, NULL);
      if (g_unlink (path) != 0)
        {
          int saved_errno = errno;

          /* The names are dates or schema versions: nothing personal. */
          g_warning ("Cannot prune the %s: cannot delete %s: %s", what, copy->name,
                     g_strerror (saved_errno));
        }
      else
        {
          g_debug ("Pruning the %s: deleted %s", what, copy->name);
        }
    }
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf buf_a, buf_b;

  return g_stat (a, &buf_a) == 0 && g_stat (b, &buf_b) == 0 &&
         buf_a.st_dev == buf_b.st_dev && buf_a.st_ino == buf_b.st_ino;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* Our tables are there and PRAGMA integrity_check finds nothing wrong. */
static gboolean
check_content (const char  *path,
               GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean intact = FALSE;
  int n_tables = 0;
  int rc;

  /* The private copy: SQLite may bring a -wal file copied with it into the database. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK &&
      (!query_int (db, OWN_TABLES_SQL, &n_tables) || n_tables != N_OWN_TABLES))
    {
      sqlite3_close (db);
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE,
                           "The file is not a Brückenbuch database");
      return FALSE;
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    intact = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (!intact)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE,
                           "The backup is damaged: the integrity check failed");
      return FALSE;
    }

  return TRUE;
}

/* A copy of the backup in the private folder work, checked and migrated to this schema. */
static BbStore *
open_backup_copy (const char  *backup_path,
                  const char  *work,
                  GError     **error)
{
  g_autofree char *copy = g_build_filename (work, "backup" BACKUP_SUFFIX, NULL);
  g_autofree char *wal = g_strconcat (backup_path, "-wal", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  int version = 0;

  /* A -wal file beside it holds its latest commits (a database still open elsewhere). */
  if (!copy_file (backup_path, copy, error) ||
      (g_file_test (wal, G_FILE_TEST_IS_REGULAR) && !copy_file (wal, copy_wal, error)))
    return NULL;

  if (!_bb_store_check_file (copy, &version, error))
    return NULL;

  if (version == 0)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE,
                           "The file holds no Brückenbuch database");
      return NULL;
    }

  if (!check_content (copy, error))
    return NULL;

  return bb_store_open (copy, error);
}

/* The names of the safety copies of the database with stem, exactly as dup_safety_path()
 * makes them: group 1 the local time, group 2 the number that tells copies of one second apart. */
static GRegex *
new_safety_regex (const char *stem)
{
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autofree char *pattern = NULL;

  pattern = g_strdup_printf ("^%s-before-restore-"
                             "(\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])-(?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d)"
                             "(?:-([2-9]|[1-9]\\d{1,8}))?\\.sqlite3$", escaped);

  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
}

/* A name for the safety copy that no earlier one has and that sorts after the earlier ones of
 * the same second, even once the first of them are pruned. */
static char *
dup_safety_path (const char *folder,
                 const char *stem,
                 GRegex     *regex)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s-before-restore-%s",
                                           folder, stem, time);

  return _bb_store_dup_copy_path (folder, regex, time, base, "-", BACKUP_SUFFIX);
}

gboolean
bb_store_restore (BbStore     *self,
                  const char  *backup_path,
                  char       **safety_path,
                  GError     **error)
{
  g_autofree char *database_folder = NULL;
  g_autofree char *work = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GRegex) safety_regex = NULL;
  g_autoptr(BbStore) source = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (safety_path != NULL)
    *safety_path = NULL;

  if (is_same_file (backup_path, bb_store_get_path (self)))
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE,
                           "The backup is the database in use itself");
      return FALSE;
    }

  database_folder = g_path_get_dirname (bb_store_get_path (self));
  remove_stale_work_folders (database_folder);
  work = g_build_filename (database_folder, WORK_FOLDER_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (work, 0700) == NULL)
    {
      set_error_from_errno (error, errno, "Cannot create a folder for restoring");
      return FALSE;
    }

  source = open_backup_copy (backup_path, work, error);
  ok = source != NULL;

  if (ok)
    {
      folder = bb_store_dup_backup_folder (self);
      ok = ensure_folder (folder, error);
    }

  if (ok)
    {
      stem = dup_backup_stem (self);
      safety_regex = new_safety_regex (stem);
      safety = dup_safety_path (folder, stem, safety_regex);
      ok = bb_store_backup (self, safety, error);
      if (!ok)
        g_unlink (safety);
    }

  if (ok)
    {
      g_debug ("Restoring a backup (schema version %d)", bb_store_get_schema_version (source));
      ok = _bb_store_replace (self, source, error);
    }

  g_clear_object (&source);
  remove_tree (work);

  /* Each safety copy is a whole copy of personal data: only the newest few stay. Pruned once
   * the restore succeeded; a failure is logged and does not fail the restore. */
  if (ok)
    {
      g_autofree char *safety_name = g_path_get_basename (safety);

      _bb_store_prune_copies (folder, safety_regex, BB_STORE_SAFETY_COPIES_KEPT, safety_name,
                              "safety copies");
    }

  if (ok && safety_path != NULL)
    *safety_path = g_steal_pointer (&safety);

  return ok;
}

/* Writing ------------------------------------------------------------------------------------ */

/* A backup at path, written as part first and renamed when it is complete. */
static gboolean
write_backup (BbStore     *self,
              const char  *path,
              GError     **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);

  if (!bb_store_backup (self, part, error))
    {
      g_unlink (part);
      return FALSE;
    }

  if (g_rename (part, path) != 0)
    {
      set_error_from_errno (error, errno, "Cannot name the backup");
      g_unlink (part);
      return FALSE;
    }

  return TRUE;
}

gboolean
bb_store_write_backup (BbStore     *self,
                       const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (is_same_file (path, bb_store_get_path (self)))
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                           "A backup cannot replace the database itself");
      return FALSE;
    }

  return write_backup (self, path, error);
}

/* Rotation ----------------------------------------------------------------------------------- */

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
match_is_date (GMatchInfo *match)
{
  guint year = 0, month = 0, day = 0;
  g_autofree char *year_text = g_match_info_fetch (match, 1);
  g_autofree char *month_text = g_match_info_fetch (match, 2);
  g_autofree char *day_text = g_match_info_fetch (match, 3);

  year = (guint) g_ascii_strtoull (year_text, NULL, 10);
  month = (guint) g_ascii_strtoull (month_text, NULL, 10);
  day = (guint) g_ascii_strtoull (day_text, NULL, 10);

  return g_date_valid_dmy (day, month, year);
}

/* Deletes the backups of stem beyond the newest keep, and half-written ones. */
static gboolean
prune_backups (const char  *folder,
               const char  *stem,
               guint        keep,
               GError     **error)
{
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s-(\\d{4})-(\\d{2})-(\\d{2})\\.sqlite3(\\.part)?$",
                                              escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_IO,
                   "Cannot read the backup folder: %s", local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *path = NULL;

      if (!g_regex_match (regex, name, 0, &match) || !match_is_date (match))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;

      /* Left by a backup that did not finish. */
      if (g_str_has_suffix (name, ".part"))
        {
          g_unlink (path);
          continue;
        }

      g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names_newest_first);

  for (guint i = keep; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        {
          set_error_from_errno (error, errno, "Cannot delete an old backup");
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
bb_store_rotate_backups (BbStore     *self,
                         const char  *folder,
                         guint        keep,
                         GDateTime   *now,
                         char       **written_path,
                         GError     **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *day = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep >= 1, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (written_path != NULL)
    *written_path = NULL;

  if (folder == NULL)
    folder = default_folder = bb_store_dup_backup_folder (self);

  if (!ensure_folder (folder, error))
    return FALSE;

  stem = dup_backup_stem (self);
  day = g_date_time_format (now, "%Y-%m-%d");
  path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s-%s" BACKUP_SUFFIX, folder, stem, day);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!write_backup (self, path, error))
        return FALSE;

      g_debug ("Automatic backup written");
      if (written_path != NULL)
        *written_path = g_strdup (path);
    }

  return prune_backups (folder, stem, keep, error);
}
