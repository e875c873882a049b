/* bb-person-privacy.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-person-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-person-privacy.h"
#include "bb-window.h"

/* More rows would make the dialog a long list nobody reads; the rest are counted. */
#define MAX_MENTION_ROWS 50

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_store_error (GtkWidget    *widget,
                  BbStore      *store,
                  const GError *error)
{
  g_autofree char *message = bb_application_describe_store_error (error,
                                                                  bb_store_get_path (store));

  bb_widget_add_toast (widget, adw_toast_new (message));
}

/* Export ------------------------------------------------------------------------------------- */

gboolean
bb_person_privacy_export (GtkWidget   *widget,
                          BbStore     *store,
                          gint64       person_id,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (BB_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!bb_privacy_write_person_report (store, person_id, today, path, error))
    return FALSE;

  base = g_filename_display_basename (path);
  title = g_strdup_printf (_("Saved “%s”"), base);
  bb_widget_add_toast (widget, adw_toast_new (title));

  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    GtkWidget       *widget)
{
  BbStore *store = g_object_get_data (G_OBJECT (dialog), "bb-store");
  gint64 person_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "bb-person-id");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (file != NULL && (path == NULL || !bb_person_privacy_export (widget, store, person_id, path,
                                                                   &error)))
    {
      g_autofree char *body = error != NULL
                              ? bb_application_describe_error (error, bb_store_get_path (store))
                              : g_strdup (_("Choose a folder on this computer."));
      GtkWidget *message;

      message = adw_message_dialog_new (get_window (widget), _("Cannot Save the Personal Data"),
                                        body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }

  g_object_unref (dialog);
}

void
bb_person_privacy_choose_export (GtkWidget *widget,
                                 BbStore   *store,
                                 gint64     person_id)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *label = NULL;
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BB_IS_STORE (store));

  label = bb_store_dup_label (store, BB_TYPE_PERSON, person_id);
  /* Translators: the suggested name of the file with a person's data (Auskunft); the first %s
   * is their name, the second today's date */
  name = g_strdup_printf (_("Personal data %s %s.txt"), label != NULL ? label : "", today);
  g_strdelimit (name, "/\\:", '-');

  dialog = gtk_file_chooser_native_new (_("Export Personal Data"), get_window (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "bb-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "bb-person-id", g_memdup2 (&person_id,
                                                                         sizeof person_id),
                          g_free);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Erase -------------------------------------------------------------------------------------- */

static void
on_erase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWidget        *widget)
{
  BbStore *store = g_object_get_data (G_OBJECT (dialog), "bb-store");
  gint64 person_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "bb-person-id");
  const char *label = g_object_get_data (G_OBJECT (dialog), "bb-label");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  if (!bb_privacy_erase_person (store, person_id, &error))
    {
      show_store_error (widget, store, error);
      return;
    }

  /* Translators: a toast after erasing a person for good; %s is their name */
  title = g_strdup_printf (_("“%s” erased"), label != NULL ? label : "");
  bb_widget_add_toast (widget, adw_toast_new (title));
}

/* The consultations whose notes still name the person: date and shelter, newest first. */
static GtkWidget *
mentions_list (GPtrArray *mentions)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  intro = gtk_label_new (ngettext ("The notes of this consultation still mention the name. Edit "
                                   "them afterwards if they should not:",
                                   "The notes of these consultations still mention the name. Edit "
                                   "them afterwards if they should not:",
                                   mentions->len));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_box_append (GTK_BOX (box), intro);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < mentions->len && i < MAX_MENTION_ROWS; i++)
    {
      BbPrivacyMention *mention = g_ptr_array_index (mentions, i);
      g_autofree char *date = bb_format_date_time (mention->started_at);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date != NULL ? date : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   mention->shelter != NULL ? mention->shelter
                                                            : _("No shelter"));
      /* Information, not a choice: the focus starts on the answers. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  if (mentions->len > MAX_MENTION_ROWS)
    {
      guint more = mentions->len - MAX_MENTION_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more consultation",
                                                         "… and %u more consultations", more),
                                               more);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

AdwMessageDialog *
bb_person_privacy_ask_erase (GtkWidget *widget,
                             BbStore   *store,
                             gint64     person_id)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  mentions = bb_privacy_list_mentions (store, person_id, &error);
  if (mentions == NULL)
    {
      show_store_error (widget, store, error);
      return NULL;
    }

  label = bb_store_dup_label (store, BB_TYPE_PERSON, person_id);
  /* Translators: the question before erasing a person for good; %s is their name */
  heading = g_strdup_printf (_("Erase “%s”?"), label != NULL ? label : "");
  dialog = bb_destructive_dialog_new (get_window (widget), heading,
                                      _("Everything stored about this person is deleted for "
                                        "good: their entry, roles in shelters, links, "
                                        "participation in consultations, invitations and "
                                        "attendance. This cannot be undone. Export their data "
                                        "first if they asked for it. Backups made before keep "
                                        "the data until they are deleted."),
                                      "erase", _("_Erase"));
  if (mentions->len > 0)
    adw_message_dialog_set_extra_child (dialog, mentions_list (mentions));

  g_object_set_data_full (G_OBJECT (dialog), "bb-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "bb-person-id", g_memdup2 (&person_id,
                                                                         sizeof person_id),
                          g_free);
  g_object_set_data_full (G_OBJECT (dialog), "bb-label", g_steal_pointer (&label), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
