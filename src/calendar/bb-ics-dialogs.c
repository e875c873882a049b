/* bb-ics-dialogs.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-ics-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-calendar-util.h"
#include "bb-editor.h"
#include "bb-format.h"
#include "bb-ics-dialogs.h"
#include "bb-window.h"

/* Import ------------------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget *parent;
  BbIcalPlan *plan;
  char *database_path;
  GtkLabel *error_label;
} Import;

static void
import_free (gpointer data)
{
  Import *import = data;

  g_clear_weak_pointer (&import->parent);
  g_clear_object (&import->plan);
  g_free (import->database_path);
  g_free (import);
}

BbIcalPlan *
bb_ics_import_dialog_get_plan (GtkWidget *dialog)
{
  Import *import = g_object_get_data (G_OBJECT (dialog), "bb-import");

  return import ? import->plan : NULL;
}

gboolean
bb_ics_import_dialog_apply (GtkWidget *dialog)
{
  Import *import = g_object_get_data (G_OBJECT (dialog), "bb-import");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  g_return_val_if_fail (import != NULL, FALSE);

  n = bb_ical_plan_count (import->plan, BB_ICAL_ACTION_ADD)
      + bb_ical_plan_count (import->plan, BB_ICAL_ACTION_UPDATE);
  if (!bb_ical_plan_apply (import->plan, &error))
    {
      /* A full disk or a database that may not be written, in the user's words. */
      g_autofree char *text = bb_application_describe_error (error, import->database_path);

      gtk_label_set_label (import->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (import->error_label), TRUE);
      return FALSE;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event imported",
                                          "%u events imported", n), n);
  if (import->parent != NULL)
    bb_widget_add_toast (import->parent, adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_import_clicked (GtkWidget *dialog)
{
  bb_ics_import_dialog_apply (dialog);
}

static const char *
action_label (BbIcalAction action)
{
  switch (action)
    {
    case BB_ICAL_ACTION_ADD: return _("New");
    case BB_ICAL_ACTION_UPDATE: return _("Update");
    case BB_ICAL_ACTION_SKIP:
    default: return _("Skipped");
    }
}

GtkWidget *
bb_ics_import_dialog_new (GtkWidget *parent,
                          BbStore   *store,
                          GFile     *file,
                          gint64     region_id)
{
  BbIcalImportOptions options = { region_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *window, *box, *header, *import_button, *page, *group, *scrolled, *clamp;
  GListModel *items;
  Import *import;
  guint n_add, n_update, n_skip;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  plan = bb_ical_plan_new_for_file (store, file, &options, NULL, &error);
  basename = g_file_get_basename (file);
  if (plan == NULL)
    {
      g_autofree char *message = bb_application_describe_error (error, bb_store_get_path (store));
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                  _("Cannot Import This File"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s: %s", basename, message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      return dialog;
    }

  import = g_new0 (Import, 1);
  g_set_weak_pointer (&import->parent, parent);
  import->plan = g_steal_pointer (&plan);
  import->database_path = g_strdup (bb_store_get_path (store));
  n_add = bb_ical_plan_count (import->plan, BB_ICAL_ACTION_ADD);
  n_update = bb_ical_plan_count (import->plan, BB_ICAL_ACTION_UPDATE);
  n_skip = bb_ical_plan_count (import->plan, BB_ICAL_ACTION_SKIP);

  window = g_object_new (ADW_TYPE_WINDOW,
                         "transient-for", gtk_widget_get_root (parent),
                         "modal", TRUE,
                         "default-width", 560,
                         "default-height", 600,
                         "width-request", 360,
                         "title", _("Import Calendar"),
                         NULL);
  g_object_set_data_full (G_OBJECT (window), "bb-import", import, import_free);

  header = bb_editor_header_bar_new (_("_Import"), &import_button);
  gtk_widget_set_sensitive (import_button, n_add + n_update > 0);
  g_signal_connect_swapped (import_button, "clicked", G_CALLBACK (on_import_clicked), window);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  import->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (import->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (import->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (import->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (import->error_label));

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (page, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), basename);
  /* Translators: the import preview's summary */
  summary = g_strdup_printf (_("%u new, %u to update, %u skipped. Nothing is written until you import, "
                               "and then all or nothing."), n_add, n_update, n_skip);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), summary);

  items = bb_ical_plan_get_items (import->plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *when = bb_format_date_time (bb_ical_plan_item_get_starts_at (item));
      g_autofree char *subtitle = BB_FORMAT_JOIN (" · ", when, bb_ical_plan_item_get_recurrence (item),
                                                  bb_ical_plan_item_get_reason (item));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag = gtk_label_new (action_label (bb_ical_plan_item_get_action (item)));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_ical_plan_item_get_title (item)
                                                                ? bb_ical_plan_item_get_title (item) : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (tag, "bb-tag");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (page), group);

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  bb_editor_fit_narrow (GTK_WINDOW (window));

  /* The first field, not the header bar's Cancel, has the focus when it opens. */
  g_signal_connect (window, "map", G_CALLBACK (bb_editor_focus_first_field), NULL);

  return window;
}

typedef struct
{
  GtkWidget *parent;
  BbStore *store;
  gint64 region_id;
} Choose;

static void
on_import_file_chosen (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  Choose *choose = user_data;

  if (response == GTK_RESPONSE_ACCEPT && choose->parent != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      gtk_window_present (GTK_WINDOW (bb_ics_import_dialog_new (choose->parent, choose->store,
                                                                file, choose->region_id)));
    }

  g_clear_weak_pointer (&choose->parent);
  g_object_unref (choose->store);
  g_free (choose);
  g_object_unref (native);
}

static GtkFileFilter *
new_ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendar files (.ics)"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

void
bb_ics_import_choose_file (GtkWidget *parent,
                           BbStore   *store,
                           gint64     region_id)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = new_ics_filter ();
  Choose *choose;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (BB_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Import Calendar"),
                                        GTK_WINDOW (gtk_widget_get_root (parent)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  choose = g_new0 (Choose, 1);
  g_set_weak_pointer (&choose->parent, parent);
  choose->store = g_object_ref (store);
  choose->region_id = region_id;
  g_signal_connect (native, "response", G_CALLBACK (on_import_file_chosen), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Export ------------------------------------------------------------------------------------ */

enum { WHAT_ALL, WHAT_REGION, WHAT_SERIES, WHAT_RANGE };

typedef struct
{
  GtkWidget *parent;
  BbStore *store;
  gint64 event_id;
  gint64 region_id;
  GArray *whats;            /* WHAT_* per row of what_row */
  AdwComboRow *what_row;
  AdwComboRow *method_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkLabel *error_label;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_weak_pointer (&export->parent);
  g_clear_object (&export->store);
  g_clear_pointer (&export->whats, g_array_unref);
  g_free (export);
}

AdwComboRow *
bb_ics_export_dialog_get_what_row (GtkWidget *dialog)
{
  Export *export = g_object_get_data (G_OBJECT (dialog), "bb-export");

  return export ? export->what_row : NULL;
}

AdwComboRow *
bb_ics_export_dialog_get_method_row (GtkWidget *dialog)
{
  Export *export = g_object_get_data (G_OBJECT (dialog), "bb-export");

  return export ? export->method_row : NULL;
}

static int
selected_what (Export *export)
{
  guint selected = adw_combo_row_get_selected (export->what_row);

  return selected < export->whats->len ? g_array_index (export->whats, int, selected) : WHAT_ALL;
}

/* The options as chosen; FALSE with the message shown if the range is not readable. */
static gboolean
read_options (Export              *export,
              BbIcalExportOptions *options,
              char               **from,
              char               **to)
{
  int what = selected_what (export);

  memset (options, 0, sizeof *options);
  options->method = adw_combo_row_get_selected (export->method_row) == 1 ? BB_ICAL_METHOD_REQUEST
                                                                        : BB_ICAL_METHOD_PUBLISH;
  if (what == WHAT_REGION)
    options->region_id = export->region_id;
  else if (what == WHAT_SERIES)
    options->event_id = export->event_id;
  else if (what == WHAT_RANGE)
    {
      g_autofree char *last = NULL;

      *from = bb_calendar_parse_date_time (gtk_editable_get_text (GTK_EDITABLE (export->from_row)), NULL, TRUE);
      last = bb_calendar_parse_date_time (gtk_editable_get_text (GTK_EDITABLE (export->to_row)), NULL, TRUE);
      *to = last ? bb_recurrence_time_add (last, 1) : NULL;
      if (*from == NULL || *to == NULL || g_strcmp0 (*to, *from) <= 0)
        {
          gtk_label_set_label (export->error_label,
                               _("Enter the first and the last day as 25.11.2026, the last not before the first."));
          gtk_widget_set_visible (GTK_WIDGET (export->error_label), TRUE);
          return FALSE;
        }
      options->from = *from;
      options->to = *to;
    }

  gtk_widget_set_visible (GTK_WIDGET (export->error_label), FALSE);
  return TRUE;
}

gboolean
bb_ics_export_dialog_export_to (GtkWidget  *dialog,
                                GFile      *file,
                                GError    **error)
{
  Export *export = g_object_get_data (G_OBJECT (dialog), "bb-export");
  BbIcalExportOptions options;
  BbIcalExportReport report = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (export != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!read_options (export, &options, &from, &to))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           gtk_label_get_label (export->error_label));
      return FALSE;
    }

  if (!bb_ical_export_to_file (export->store, &options, file, &report, error))
    return FALSE;

  if (options.method == BB_ICAL_METHOD_REQUEST && report.n_without_email > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u event exported; %u invited person has no e-mail address",
                                            "%u events exported; %u invited people have no e-mail address",
                                            report.n_without_email),
                               report.n_events, report.n_without_email);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event exported",
                                            "%u events exported", report.n_events), report.n_events);
  if (export->parent != NULL)
    bb_widget_add_toast (export->parent, adw_toast_new (message));

  return TRUE;
}

static void
on_export_file_chosen (GtkNativeDialog *native,
                       int              response,
                       GtkWidget       *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;
      Export *export = g_object_get_data (G_OBJECT (dialog), "bb-export");

      if (bb_ics_export_dialog_export_to (dialog, file, &error))
        gtk_window_destroy (GTK_WINDOW (dialog));
      else
        {
          g_autofree char *message = bb_application_describe_error (error,
                                                                    bb_store_get_path (export->store));

          gtk_label_set_label (export->error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (export->error_label), TRUE);
        }
    }

  g_object_unref (native);
}

static void
on_export_clicked (GtkWidget *dialog)
{
  Export *export = g_object_get_data (G_OBJECT (dialog), "bb-export");
  BbIcalExportOptions options;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = new_ics_filter ();

  if (!read_options (export, &options, &from, &to))
    return;

  native = gtk_file_chooser_native_new (_("Export Calendar"), GTK_WINDOW (dialog),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name of an export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("calendar.ics"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_file_chosen), dialog, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_what_changed (Export *export)
{
  gboolean range = selected_what (export) == WHAT_RANGE;

  gtk_widget_set_visible (GTK_WIDGET (export->from_row), range);
  gtk_widget_set_visible (GTK_WIDGET (export->to_row), range);
}

GtkWidget *
bb_ics_export_dialog_new (GtkWidget *parent,
                          BbStore   *store,
                          BbEvent   *event,
                          gint64     region_id)
{
  g_autoptr(GtkStringList) whats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new ((const char *[]) {
    _("Calendar to publish"), _("Invitations (with attendees)"), NULL });
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *in_a_year = bb_recurrence_time_add (today, 365);
  g_autofree char *today_text = bb_format_date (today);
  g_autofree char *year_text = bb_format_date (in_a_year);
  GtkWidget *window, *box, *header, *export_button, *page, *group;
  Export *export;
  int what;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  export = g_new0 (Export, 1);
  g_set_weak_pointer (&export->parent, parent);
  export->store = g_object_ref (store);
  export->event_id = event ? bb_record_get_id (BB_RECORD (event)) : 0;
  export->region_id = region_id;
  export->whats = g_array_new (FALSE, FALSE, sizeof (int));

  what = WHAT_ALL;
  gtk_string_list_append (whats, _("Everything"));
  g_array_append_val (export->whats, what);
  if (region_id != 0)
    {
      g_autofree char *region = bb_store_dup_label (store, BB_TYPE_REGION, region_id);
      g_autofree char *label = g_strdup_printf (_("Region %s"), region);

      what = WHAT_REGION;
      gtk_string_list_append (whats, label);
      g_array_append_val (export->whats, what);
    }
  if (event != NULL)
    {
      g_autofree char *title = bb_format_isolate (bb_event_get_title (event));
      g_autofree char *label = g_strdup_printf (_("“%s”"), title);

      what = WHAT_SERIES;
      gtk_string_list_append (whats, label);
      g_array_append_val (export->whats, what);
    }
  what = WHAT_RANGE;
  gtk_string_list_append (whats, _("A date range"));
  g_array_append_val (export->whats, what);

  window = g_object_new (ADW_TYPE_WINDOW,
                         "transient-for", gtk_widget_get_root (parent),
                         "modal", TRUE,
                         "default-width", 480,
                         "width-request", 360,
                         "title", _("Export Calendar"),
                         NULL);
  g_object_set_data_full (G_OBJECT (window), "bb-export", export, export_free);

  header = bb_editor_header_bar_new (_("_Export…"), &export_button);
  g_signal_connect_swapped (export_button, "clicked", G_CALLBACK (on_export_clicked), window);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (page, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("An .ics file for Outlook and Thunderbird. Whole series are "
                                           "exported, with their cancelled and changed dates."));

  export->what_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (export->what_row), _("Export"));
  adw_combo_row_set_model (export->what_row, G_LIST_MODEL (whats));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (export->what_row));
  export->from_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (export->from_row), _("First day"));
  gtk_editable_set_text (GTK_EDITABLE (export->from_row), today_text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (export->from_row));
  export->to_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (export->to_row), _("Last day"));
  gtk_editable_set_text (GTK_EDITABLE (export->to_row), year_text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (export->to_row));
  export->method_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (export->method_row), _("As"));
  adw_combo_row_set_model (export->method_row, G_LIST_MODEL (methods));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (export->method_row));
  gtk_box_append (GTK_BOX (page), group);

  export->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (export->error_label, TRUE);
  gtk_label_set_xalign (export->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (export->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (export->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (export->error_label), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (export->error_label));

  /* The series shown is the likely wish when there is one. */
  if (event != NULL)
    adw_combo_row_set_selected (export->what_row, export->whats->len - 2);
  g_signal_connect_swapped (export->what_row, "notify::selected", G_CALLBACK (on_what_changed), export);
  on_what_changed (export);

  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_child (ADW_CLAMP (clamp), page);
    gtk_box_append (GTK_BOX (box), clamp);
  }
  adw_window_set_content (ADW_WINDOW (window), box);
  bb_editor_fit_narrow (GTK_WINDOW (window));

  {
    GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
    /* Named for tests/test-keyboard-ui.c, which reads the program's keys. */
    gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (shortcuts), "bb-shortcuts");

    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));
  }

  /* The first field, not the header bar's Cancel, has the focus when it opens. */
  g_signal_connect (window, "map", G_CALLBACK (bb_editor_focus_first_field), NULL);

  return window;
}
