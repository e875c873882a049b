/* bb-occurrence-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-occurrence-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-calendar-util.h"
#include "bb-editor.h"
#include "bb-format.h"
#include "bb-occurrence-editor.h"
#include "bb-window.h"

typedef struct
{
  GtkWidget *parent;
  BbStore *store;
  BbCalendarEntry *entry;
  AdwEntryRow *date_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *title_row;
  AdwEntryRow *location_row;
  AdwComboRow *status_row;
  GtkLabel *error_label;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_clear_weak_pointer (&editor->parent);
  g_clear_object (&editor->store);
  g_clear_object (&editor->entry);
  g_free (editor);
}

static void
show_error (Editor     *editor,
            GtkWidget  *row,
            const char *message)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_label (editor->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (editor->error_label), TRUE);
}

static void
save (GtkWindow *window,
      Editor    *editor)
{
  g_autoptr(BbEventOverride) override = bb_event_override_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *date = bb_editor_dup_text (editor->date_row);
  g_autofree char *start = bb_editor_dup_text (editor->start_row);
  g_autofree char *end = bb_editor_dup_text (editor->end_row);
  g_autofree char *title = bb_editor_dup_text (editor->title_row);
  g_autofree char *location = bb_editor_dup_text (editor->location_row);
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  BbEvent *event = bb_calendar_entry_get_event (editor->entry);
  gboolean all_day = bb_calendar_entry_get_all_day (editor->entry);

  gtk_widget_remove_css_class (GTK_WIDGET (editor->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (editor->start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (editor->end_row), "error");
  if (!bb_editor_check_text_fields (GTK_WIDGET (window)))
    return;
  starts_at = bb_calendar_parse_date_time (date, start, all_day);
  ends_at = all_day ? (starts_at ? bb_recurrence_time_add (starts_at, 1) : NULL)
                    : bb_calendar_parse_date_time (date, end, FALSE);
  if (starts_at == NULL)
    {
      show_error (editor, GTK_WIDGET (editor->date_row), _("Enter the date as 25.11.2026 and the start as 10:00."));
      return;
    }
  if (ends_at == NULL || strcmp (ends_at, starts_at) < 0)
    {
      show_error (editor, GTK_WIDGET (editor->end_row), _("Enter an end after the start, as 12:00."));
      return;
    }

  bb_event_override_set_event_id (override, bb_calendar_entry_get_event_id (editor->entry));
  bb_event_override_set_recurrence_id (override, bb_calendar_entry_get_recurrence_id (editor->entry));
  bb_event_override_set_starts_at (override, starts_at);
  bb_event_override_set_ends_at (override, ends_at);
  bb_event_override_set_title (override, g_strcmp0 (title, bb_event_get_title (event)) != 0 ? title : NULL);
  bb_event_override_set_location (override,
                                  g_strcmp0 (location, bb_event_get_location (event)) != 0 ? location : NULL);
  bb_event_override_set_status (override,
                                bb_codes_list (BB_CODES_EVENT_STATUS)[adw_combo_row_get_selected (editor->status_row)]);

  if (!bb_store_set_event_override (editor->store, override, &error))
    {
      g_autofree char *message = bb_application_describe_store_error (error, bb_store_get_path (editor->store));

      show_error (editor, NULL, message);
      return;
    }

  bb_widget_add_toast (editor->parent, adw_toast_new (_("Saved")));
  gtk_window_destroy (window);
}

static void
on_save_activate (GtkWindow     *window,
                  GVariant      *parameter,
                  GSimpleAction *action)
{
  save (window, g_object_get_data (G_OBJECT (window), "bb-editor"));
}

static void
on_reset_clicked (GtkButton *button,
                  GtkWindow *window)
{
  Editor *editor = g_object_get_data (G_OBJECT (window), "bb-editor");
  g_autoptr(GError) error = NULL;

  if (!bb_store_remove_event_override (editor->store, bb_calendar_entry_get_event_id (editor->entry),
                                       bb_calendar_entry_get_recurrence_id (editor->entry), &error))
    {
      g_autofree char *message = bb_application_describe_store_error (error, bb_store_get_path (editor->store));

      show_error (editor, NULL, message);
      return;
    }

  bb_widget_add_toast (editor->parent, adw_toast_new (_("Date set back to the series")));
  gtk_window_destroy (window);
}

static AdwEntryRow *
add_entry_row (GtkWidget  *group,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return ADW_ENTRY_ROW (row);
}

GtkWidget *
bb_occurrence_editor_new (GtkWidget       *parent,
                          BbStore         *store,
                          BbCalendarEntry *entry)
{
  GtkWidget *window, *box, *header, *save_button, *group, *page, *clamp;
  g_autofree char *date = bb_format_date (bb_calendar_entry_get_starts_at (entry));
  g_autofree char *start = bb_format_time (bb_calendar_entry_get_starts_at (entry));
  g_autofree char *end = bb_format_time (bb_calendar_entry_get_ends_at (entry));
  g_autofree char *original = bb_format_weekday_date (bb_calendar_entry_get_recurrence_id (entry));
  g_autofree char *description = NULL;
  GtkShortcutController *shortcuts;
  Editor *editor;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (entry), NULL);

  editor = g_new0 (Editor, 1);
  g_set_weak_pointer (&editor->parent, parent);
  editor->store = g_object_ref (store);
  editor->entry = g_object_ref (entry);

  window = g_object_new (ADW_TYPE_WINDOW,
                         "transient-for", gtk_widget_get_root (parent),
                         "modal", TRUE,
                         "default-width", 480,
                         "width-request", 360,
                         "title", _("Change This Date"),
                         NULL);
  g_object_set_data_full (G_OBJECT (window), "bb-editor", editor, editor_free);

  header = bb_editor_header_bar_new (_("_Save"), &save_button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (page, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);

  group = adw_preferences_group_new ();
  /* Translators: %s is the original date of one meeting of a series */
  description = g_strdup_printf (_("Only the meeting of %s changes; the other dates of the series stay."),
                                 original);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  editor->date_row = add_entry_row (group, _("Date"), date);
  editor->start_row = add_entry_row (group, _("Starts"), start);
  editor->end_row = add_entry_row (group, _("Ends"), end);
  gtk_widget_set_visible (GTK_WIDGET (editor->start_row), !bb_calendar_entry_get_all_day (entry));
  gtk_widget_set_visible (GTK_WIDGET (editor->end_row), !bb_calendar_entry_get_all_day (entry));
  editor->title_row = add_entry_row (group, _("Title"), bb_calendar_entry_get_title (entry));
  editor->location_row = add_entry_row (group, _("Location"), bb_calendar_entry_get_location (entry));
  editor->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->status_row), _("Status"));
  bb_editor_setup_codes (editor->status_row, BB_CODES_EVENT_STATUS, FALSE);
  adw_combo_row_set_selected (editor->status_row,
                              MAX (0, bb_codes_index (BB_CODES_EVENT_STATUS,
                                                      bb_calendar_entry_get_status (entry))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->status_row));
  gtk_box_append (GTK_BOX (page), group);
  bb_editor_add_text_field (window, GTK_WIDGET (editor->title_row), "title");
  bb_editor_add_text_field (window, GTK_WIDGET (editor->location_row), "location");

  editor->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (editor->error_label, TRUE);
  gtk_label_set_xalign (editor->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (editor->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (editor->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (editor->error_label), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (editor->error_label));

  if (bb_calendar_entry_get_override_id (entry) != 0)
    {
      GtkWidget *reset = gtk_button_new_with_mnemonic (_("Set _Back to the Series"));

      gtk_widget_set_halign (reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reset, "pill");
      g_signal_connect_object (reset, "clicked", G_CALLBACK (on_reset_clicked), window, 0);
      gtk_box_append (GTK_BOX (page), reset);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (window), box);
  bb_editor_fit_narrow (GTK_WINDOW (window));

  /* The window is a plain AdwWindow: its save action lives in an action group of its own. */
  {
    g_autoptr(GSimpleActionGroup) group_actions = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) action = g_simple_action_new ("save", NULL);

    g_signal_connect_object (action, "activate", G_CALLBACK (on_save_activate), window, G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (group_actions), G_ACTION (action));
    gtk_widget_insert_action_group (window, "occurrence", G_ACTION_GROUP (group_actions));
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_button), "occurrence.save");

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  /* Named for tests/test-keyboard-ui.c, which reads the program's keys. */
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (shortcuts), "bb-shortcuts");
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s|<Control>Return"),
                                                          gtk_named_action_new ("occurrence.save")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  /* The first field, not the header bar's Cancel, has the focus when it opens. */
  g_signal_connect (window, "map", G_CALLBACK (bb_editor_focus_first_field), NULL);

  return window;
}
