/* bb-network-editor-util.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-network-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-codes.h"
#include "bb-network-editor-util.h"
#include "bb-window.h"

void
_bb_editor_set_message (GtkWidget  *field_row,
                        GtkLabel   *message,
                        const char *text)
{
  GtkWidget *message_row = gtk_widget_get_parent (GTK_WIDGET (message));

  gtk_label_set_text (message, text ? text : "");
  gtk_widget_set_visible (message_row, text != NULL);

  if (text != NULL)
    gtk_widget_add_css_class (field_row, "error");
  else
    gtk_widget_remove_css_class (field_row, "error");
}

char *
_bb_editor_dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
_bb_editor_set_text (AdwEntryRow *row,
                     const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

char *
_bb_editor_dup_notes (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
_bb_editor_setup_codes (AdwComboRow *row,
                        int          set,
                        gboolean     with_none)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = bb_codes_list ((BbCodeSet) set);

  if (with_none)
    gtk_string_list_append (labels, _("None"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, bb_codes_label ((BbCodeSet) set, codes[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

typedef struct
{
  GtkWindow *window;
  gboolean  *dirty;
} Discard;

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Discard          *discard)
{
  if (g_strcmp0 (response, "discard") == 0 && discard->window != NULL)
    {
      *discard->dirty = FALSE;
      gtk_window_destroy (discard->window);
    }
}

static void
discard_free (gpointer data,
              GClosure *closure)
{
  Discard *discard = data;

  g_clear_weak_pointer (&discard->window);
  g_free (discard);
}

void
_bb_editor_confirm_discard (GtkWindow  *window,
                            const char *body,
                            gboolean   *dirty)
{
  AdwMessageDialog *dialog;
  Discard *discard = g_new0 (Discard, 1);

  g_set_weak_pointer (&discard->window, window);
  discard->dirty = dirty;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_discard_response), discard,
                         discard_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_bb_editor_show_error (GtkWindow  *window,
                       BbStore    *store,
                       const char *heading,
                       GError     *error)
{
  g_autofree char *message = bb_application_describe_store_error (error,
                                                                  bb_store_get_path (store));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_bb_editor_toast_saved (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (parent != NULL)
    bb_widget_add_toast (GTK_WIDGET (parent), adw_toast_new (_("Saved")));
}
