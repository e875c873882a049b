/* bb-window-backup.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backup and restore from the window, and the automatic backup at start. The store does the
 * work (bb-store-backup.h); this file asks for files, confirms and reports. */

#define G_LOG_DOMAIN "bb-window-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bb-core.h"
#include "bb-format.h"
#include "bb-window-backup.h"
#include "bb-window-private.h"

static GQuark backing_up_quark;

/* The task of an automatic backup holds the window only weakly: its worker thread lets go of
 * the task a moment after the result is back, and a window closed meanwhile must not live on
 * (nor be kept alive by a backup that runs while it closes). */
typedef struct
{
  char      *path;
  guint      keep;
  GDateTime *now;
  GWeakRef   window;
} AutomaticBackup;

static void
automatic_backup_free (gpointer data)
{
  AutomaticBackup *job = data;

  g_free (job->path);
  g_date_time_unref (job->now);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

static void
show_error (BbWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}


/* "Backed up to …" or "Restored …" with the backup's file name. */
static void
add_done_toast (BbWindow   *self,
                const char *path,
                gboolean    restored)
{
  g_autofree char *base = g_filename_display_basename (path);
  g_autofree char *title = NULL;

  /* Translators: %s is the file name of the backup */
  title = restored ? g_strdup_printf (_("Restored “%s”"), base)
                   /* Translators: %s is the file name of the backup */
                   : g_strdup_printf (_("Backed up to “%s”"), base);
  bb_window_add_toast (self, adw_toast_new (title));
}

static GtkFileFilter *
database_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Brückenbuch databases"));
  gtk_file_filter_add_suffix (filter, "sqlite3");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "bak");

  return filter;
}

static GtkFileChooserNative *
file_chooser_new (BbWindow             *self,
                  const char           *title,
                  GtkFileChooserAction  action,
                  const char           *accept_label)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = database_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  return dialog;
}

/* The local path the file chooser answered with, or NULL if it was cancelled or the file is
 * not on this computer (then said in a dialog). Ends the dialog. */
static char *
take_chosen_path (BbWindow        *self,
                  GtkNativeDialog *dialog,
                  int              response)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    return NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    show_error (self, _("Cannot Use This File"), _("Choose a file on this computer."));

  return path;
}

/* Back up ------------------------------------------------------------------------------------ */

gboolean
bb_window_back_up_to (BbWindow    *self,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!bb_store_write_backup (bb_window_get_store (self), path, error))
    return FALSE;

  add_done_toast (self, path, FALSE);

  return TRUE;
}

static void
on_backup_response (GtkNativeDialog *dialog,
                    int              response,
                    BbWindow        *self)
{
  g_autofree char *path = take_chosen_path (self, dialog, response);
  g_autoptr(GError) error = NULL;

  if (path != NULL && !bb_window_back_up_to (self, path, &error))
    {
      g_autofree char *body = bb_application_describe_store_error (error, path);

      show_error (self, _("Cannot Back Up the Database"), body);
    }

  g_object_unref (self);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  /* Not the name of an automatic backup, which may be deleted when it gets old. Translators:
   * the start of a file name, in lower case without spaces; the date follows. */
  name = g_strdup_printf ("%s-%s.sqlite3", C_("file name", "brueckenbuch-backup"), day);

  dialog = file_chooser_new (self, _("Back Up Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_backup_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Restore ------------------------------------------------------------------------------------ */

gboolean
bb_window_restore_from (BbWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The store reports every table changed: the views reload from it. */
  if (!bb_store_restore (bb_window_get_store (self), path, NULL, error))
    return FALSE;

  _bb_window_update (self);
  add_done_toast (self, path, TRUE);

  return TRUE;
}

static void
on_restore_confirmed (AdwMessageDialog *dialog,
                      const char       *response,
                      BbWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "bb-path");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!bb_window_restore_from (self, path, &error))
    {
      g_autofree char *body =
        bb_application_describe_restore_error (error, path, bb_store_get_path (bb_window_get_store (self)));

      g_debug ("Restoring failed: %s %d", g_quark_to_string (error->domain), error->code);
      show_error (self, _("Cannot Restore the Backup"), body);
    }
}

AdwMessageDialog *
bb_window_ask_restore (BbWindow   *self,
                       const char *path)
{
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_display = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *body = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *body_with_rule = NULL;
  GtkWidget *dialog;
  GStatBuf buf;

  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  base = g_filename_display_basename (path);
  folder = bb_store_dup_backup_folder (bb_window_get_store (self));
  folder_display = g_filename_display_name (folder);

  if (g_stat (path, &buf) == 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (buf.st_mtime);
      g_autofree char *iso = g_date_time_format (time, "%Y-%m-%dT%H:%M");

      saved = bb_format_date_time (iso);
    }

  if (saved != NULL)
    /* Translators: the backup's file name, the date and time it was saved, the folder */
    body = g_strdup_printf (_("All data in Brückenbuch will be replaced by the backup “%s” "
                              "saved on %s. What was entered after that is lost.\n\n"
                              "A safety copy of the data as it is now is kept in the folder "
                              "“%s”."), base, saved, folder_display);
  else
    /* Translators: the backup's file name, then the folder */
    body = g_strdup_printf (_("All data in Brückenbuch will be replaced by the backup “%s”. "
                              "What was entered after it was made is lost.\n\n"
                              "A safety copy of the data as it is now is kept in the folder "
                              "“%s”."), base, folder_display);

  /* The rule of bb_store_restore(): older safety copies are deleted. */
  rule = g_strdup_printf (ngettext ("Only the newest safety copy is kept there.",
                                    "Only the newest %u safety copies are kept there.",
                                    BB_STORE_SAFETY_COPIES_KEPT),
                          BB_STORE_SAFETY_COPIES_KEPT);
  body_with_rule = g_strconcat (body, " ", rule, NULL);

  dialog = GTK_WIDGET (bb_destructive_dialog_new (GTK_WINDOW (self), _("Restore From Backup?"),
                                                  body_with_rule, "restore", _("_Restore")));
  g_object_set_data_full (G_OBJECT (dialog), "bb-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_restore_response (GtkNativeDialog *dialog,
                     int              response,
                     BbWindow        *self)
{
  g_autofree char *path = take_chosen_path (self, dialog, response);

  if (path != NULL)
    bb_window_ask_restore (self, path);

  g_object_unref (self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autofree char *folder = bb_store_dup_backup_folder (bb_window_get_store (self));
  GtkFileChooserNative *dialog;

  dialog = file_chooser_new (self, _("Restore From Backup"), GTK_FILE_CHOOSER_ACTION_OPEN,
                             _("_Choose"));
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), file, NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Automatic backup ----------------------------------------------------------------------------- */

static void
automatic_backup_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  AutomaticBackup *job = task_data;
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *written = NULL;

  /* A store of its own: a store is only ever used from one thread. */
  store = bb_store_open (job->path, &error);
  if (store == NULL ||
      !bb_store_rotate_backups (store, NULL, job->keep, job->now, &written, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, written, g_free);
}

static void
on_failure_details (AdwToast *toast,
                    BbWindow *self)
{
  show_error (self, _("Automatic Backup Failed"), g_object_get_data (G_OBJECT (toast), "bb-message"));
}

static void
automatic_backup_done (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  AutomaticBackup *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BbWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);
  guint running;

  if (app != NULL)
    g_application_release (app);
  if (self == NULL)
    return;

  running = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (self), backing_up_quark));
  g_object_set_qdata (G_OBJECT (self), backing_up_quark, GUINT_TO_POINTER (running - 1));

  if (error != NULL)
    {
      AdwToast *toast = adw_toast_new (_("The automatic backup failed"));

      g_debug ("Automatic backup failed: %s %d", g_quark_to_string (error->domain), error->code);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_timeout (toast, 0);
      g_object_set_data_full (G_OBJECT (toast), "bb-message",
                              bb_application_describe_store_error (error, job->path), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_failure_details), self, 0);
      bb_window_add_toast (self, toast);
      return;
    }

  g_debug ("%s", written != NULL ? "Automatic backup written" : "Today's automatic backup exists");
}

gboolean
bb_window_start_automatic_backup (BbWindow *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  AutomaticBackup *job;
  BbStore *store;
  GApplication *app;
  guint running;

  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  store = bb_window_get_store (self);
  settings = g_settings_new (APPLICATION_ID);

  if (!g_settings_get_boolean (settings, "automatic-backup") || store == NULL ||
      bb_store_is_demo (store) || bb_store_is_empty (store))
    return FALSE;

  job = g_new0 (AutomaticBackup, 1);
  job->path = g_strdup (bb_store_get_path (store));
  job->keep = (guint) MAX (1, g_settings_get_int (settings, "backup-keep"));
  job->now = g_date_time_new_now_local ();
  g_weak_ref_init (&job->window, self);

  /* Quitting must not cut the backup off in the middle. */
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    g_application_hold (app);

  running = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (self), backing_up_quark));
  g_object_set_qdata (G_OBJECT (self), backing_up_quark, GUINT_TO_POINTER (running + 1));

  task = g_task_new (NULL, NULL, automatic_backup_done, app != NULL ? g_object_ref (app) : NULL);
  g_task_set_source_tag (task, bb_window_start_automatic_backup);
  g_task_set_task_data (task, job, automatic_backup_free);
  g_task_run_in_thread (task, automatic_backup_thread);

  return TRUE;
}

gboolean
_bb_window_get_backing_up (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (self), backing_up_quark)) > 0;
}

void
_bb_window_install_backup_actions (GtkWidgetClass *widget_class)
{
  backing_up_quark = g_quark_from_static_string ("bb-window-backing-up");

  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}
