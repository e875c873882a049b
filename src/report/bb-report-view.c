/* bb-report-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-report-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-bar-chart.h"
#include "bb-core.h"
#include "bb-report-pdf.h"
#include "bb-report-view-private.h"
#include "bb-view-shortcuts.h"
#include "bb-window.h"

struct _BbReportView
{
  AdwBin          parent_instance;

  BbStore        *store;
  BbReport       *report;
  BbReportPeriod  kind;
  GDate           from;
  GDate           to;
  gint64          region_id;
  GArray         *region_ids;       /* gint64 per row of the region list, 0 first */
  guint           refresh_source;
  gboolean        updating;
  gboolean        stale;            /* the store changed while the view was hidden */

  GtkDropDown    *kind_dropdown;
  GtkLabel       *period_label;
  GtkWidget      *custom_box;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *custom_error;
  GtkDropDown    *region_dropdown;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;
  GtkLabel       *consultations_value;
  GtkLabel       *reached_value;
  GtkLabel       *reached_caption;
  GtkLabel       *jours_fixes_value;
  GtkLabel       *attendance_value;
  GtkLabel       *followups_value;
  GtkLabel       *followups_caption;
  BbBarChart     *format_chart;
  BbBarChart     *topic_chart;
  GtkWidget      *topic_none;
  BbBarChart     *shelter_chart;
  GtkWidget      *shelter_none;
};

G_DEFINE_FINAL_TYPE (BbReportView, bb_report_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
region_label (BbReportView *self)
{
  if (self->report != NULL && self->report->region_name != NULL)
    return self->report->region_name;

  return _("All regions");
}

static void
bb_report_view_show (BbReportView *self)
{
  BbReport *report = self->report;
  g_autofree char *period = bb_report_describe_period (&self->from, &self->to);

  gtk_label_set_label (self->period_label, period);

  if (report == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->store != NULL ? "error" : "empty");
      return;
    }

  if (bb_report_is_empty (report))
    {
      g_autofree char *description = NULL;

      if (report->region_name != NULL)
        /* Translators: the period ("November 2026", "Q4 2026", "2026") and the region's name. */
        description = g_strdup_printf (_("No consultations and no Jours fixes in %s in region %s. "
                                         "Choose another period or region."),
                                       period, report->region_name);
      else
        /* Translators: the period ("November 2026", "Q4 2026", "2026"). */
        description = g_strdup_printf (_("No consultations and no Jours fixes in %s. "
                                         "Choose another period."),
                                       period);

      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "report");

  {
    g_autofree char *consultations = g_strdup_printf ("%'u", report->n_consultations);
    g_autofree char *reached = g_strdup_printf ("%'u / %'u", report->shelters_reached,
                                                report->shelters_in_region);
    int percent = report->shelters_in_region > 0
                  ? (int) (100.0 * report->shelters_reached / report->shelters_in_region + 0.5)
                  : 0;
    /* Translators: a caption under "12 / 40"; %d is the share in per cent, followed by a
     * no-break space. */
    g_autofree char *reached_caption = g_strdup_printf (_("Shelters reached (%d %%)"), percent);
    g_autofree char *held = g_strdup_printf ("%'u", report->jours_fixes_held);
    g_autofree char *average = g_strdup_printf ("%.1f", report->average_attendance);
    g_autofree char *open = g_strdup_printf ("%'u", report->followups_open);
    g_autofree char *open_caption =
      g_strdup_printf (ngettext ("Open follow-ups, %u overdue", "Open follow-ups, %u overdue",
                                 report->followups_overdue),
                       report->followups_overdue);

    gtk_label_set_label (self->consultations_value, consultations);
    gtk_label_set_label (self->reached_value, reached);
    gtk_label_set_label (self->reached_caption, reached_caption);
    gtk_label_set_label (self->jours_fixes_value, held);
    gtk_label_set_label (self->attendance_value, average);
    gtk_label_set_label (self->followups_value, open);
    gtk_label_set_label (self->followups_caption, open_caption);
  }

  bb_bar_chart_set_items (self->format_chart, report->by_format);
  bb_bar_chart_set_items (self->topic_chart, report->by_topic);
  bb_bar_chart_set_items (self->shelter_chart, report->by_shelter);
  gtk_widget_set_visible (GTK_WIDGET (self->topic_chart), report->by_topic->len > 0);
  gtk_widget_set_visible (self->topic_none, report->by_topic->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->shelter_chart), report->by_shelter->len > 0);
  gtk_widget_set_visible (self->shelter_none, report->by_shelter->len == 0);
}

static void
bb_report_view_refresh (BbReportView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->report, bb_report_unref);
  self->stale = FALSE;

  if (self->store == NULL)
    return;

  self->report = bb_report_compute (self->store, &self->from, &self->to, self->region_id, NULL,
                                    &error);
  if (self->report == NULL)
    {
      g_autofree char *body = bb_application_describe_error (error,
                                                             bb_store_get_path (self->store));

      adw_status_page_set_description (self->error_page, body);
    }

  bb_report_view_show (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", self->report != NULL);
}

static gboolean
refresh_idle (gpointer user_data)
{
  BbReportView *self = user_data;

  self->refresh_source = 0;
  bb_report_view_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Many commits come in a burst (an import, a demo generated): the figures follow once, and
 * only while they are shown; a hidden report catches up when it is shown again. */
static void
on_store_committed (BbReportView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (100, refresh_idle, self);
}

static void
bb_report_view_map (GtkWidget *widget)
{
  BbReportView *self = BB_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (bb_report_view_parent_class)->map (widget);

  if (self->stale)
    bb_report_view_refresh (self);
}

static void
bb_report_view_load_regions (BbReportView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) regions = NULL;
  guint selected = 0;
  gint64 all = 0;

  g_array_set_size (self->region_ids, 0);
  gtk_string_list_append (names, _("All regions"));
  g_array_append_val (self->region_ids, all);

  if (self->store != NULL)
    {
      regions = bb_store_list (self->store, BB_TYPE_REGION);
      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(BbRegion) region = g_list_model_get_item (regions, i);
          gint64 id = bb_record_get_id (BB_RECORD (region));

          gtk_string_list_append (names, bb_region_get_name (region));
          g_array_append_val (self->region_ids, id);
          if (id == self->region_id)
            selected = i + 1;
        }
    }

  if (selected == 0)
    self->region_id = 0;

  self->updating = TRUE;
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  self->updating = FALSE;
}

static void
on_regions_changed (BbReportView *self)
{
  bb_report_view_load_regions (self);
  on_store_committed (self);
}

static void
on_region_selected (BbReportView *self)
{
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);

  if (self->updating || selected >= self->region_ids->len)
    return;

  bb_report_view_set_region (self, g_array_index (self->region_ids, gint64, selected));
}

static void
set_entry_date (GtkEntry    *entry,
                const GDate *date)
{
  g_autofree char *text = g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date),
                                           g_date_get_month (date), g_date_get_year (date));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* "25.11.2026", "1.3.2026" or "2026-11-25". */
static gboolean
parse_user_date (const char *text,
                 GDate      *date)
{
  g_auto(GStrv) parts = NULL;
  guint64 day, month, year;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (bb_report_parse_date (stripped, date))
    return TRUE;

  parts = g_strsplit (stripped, ".", -1);
  if (g_strv_length (parts) != 3
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &day, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
      || !g_ascii_string_to_unsigned (parts[2], 10, 1000, 9999, &year, NULL)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

static void
show_custom_error (BbReportView *self,
                   const char   *message)
{
  gtk_label_set_label (self->custom_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), message != NULL);
}

static void
on_custom_activate (BbReportView *self)
{
  GDate from, to;
  gboolean from_ok = parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &from);
  gboolean to_ok = parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &to);

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");

  if (!from_ok || !to_ok)
    {
      show_custom_error (self, _("Enter the dates as DD.MM.YYYY, for example 25.11.2026."));
      return;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      show_custom_error (self, _("The end of the period is before its start."));
      return;
    }

  show_custom_error (self, NULL);
  bb_report_view_set_period (self, BB_REPORT_PERIOD_CUSTOM, &from, &to);
}

static void
on_kind_selected (BbReportView *self)
{
  BbReportPeriod kind = gtk_drop_down_get_selected (self->kind_dropdown);
  GDate from, to;

  if (self->updating || kind == self->kind)
    return;

  if (kind == BB_REPORT_PERIOD_CUSTOM)
    {
      from = self->from;
      to = self->to;
    }
  else
    bb_report_period_containing (kind, &self->from, &from, &to);

  bb_report_view_set_period (self, kind, &from, &to);
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbReportView *self = BB_REPORT_VIEW (widget);
  GDate from = self->from, to = self->to;

  bb_report_period_shift (self->kind, &from, &to,
                          g_str_equal (action_name, "report.previous") ? -1 : 1);
  bb_report_view_set_period (self, self->kind, &from, &to);
}

/* Export */

static char *
suggest_file_name (BbReportView *self,
                   BbReportFormat format)
{
  g_autofree char *period = bb_report_describe_period (&self->from, &self->to);
  g_autofree char *name = g_strdup_printf ("%s %s %s.%s", _("Activity Report"), period,
                                           region_label (self),
                                           format == BB_REPORT_FORMAT_CSV ? "csv" : "pdf");

  /* Periods like "01.03.2026 – 15.03.2026" are fine in a name, but not a slash. */
  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  BbReportView *self = BB_REPORT_VIEW (user_data);
  BbReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "bb-format"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL)
    {
      g_object_unref (self);
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL || !bb_report_view_export (self, format, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message;

      message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        _("Cannot Save the Report"),
                                        error != NULL ? error->message
                                                      : _("Choose a folder on this computer."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }

  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbReportView *self = BB_REPORT_VIEW (widget);
  BbReportFormat format = g_str_equal (action_name, "report.export-pdf") ? BB_REPORT_FORMAT_PDF
                                                                          : BB_REPORT_FORMAT_CSV;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggest_file_name (self, format);

  if (self->report == NULL)
    return;

  dialog = gtk_file_chooser_native_new (format == BB_REPORT_FORMAT_PDF ? _("Export Report as PDF")
                                                                       : _("Export Report as CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (format == BB_REPORT_FORMAT_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "bb-format", GINT_TO_POINTER (format));

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
bb_report_view_export (BbReportView    *self,
                       BbReportFormat   format,
                       const char      *path,
                       GError         **error)
{
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no report to save."));
      return FALSE;
    }

  if (format == BB_REPORT_FORMAT_PDF)
    ok = bb_report_write_pdf (self->report, path, error);
  else
    ok = bb_report_write_csv (self->report, path, error);
  if (!ok)
    return FALSE;

  base = g_filename_display_basename (path);
  title = g_strdup_printf (_("Saved “%s”"), base);
  bb_widget_add_toast (GTK_WIDGET (self), adw_toast_new (title));

  return TRUE;
}

/* Public API */

void
bb_report_view_set_store (BbReportView *self,
                          BbStore      *store)
{
  g_return_if_fail (BB_IS_REPORT_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "committed", G_CALLBACK (on_store_committed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::region", G_CALLBACK (on_regions_changed), self,
                               G_CONNECT_SWAPPED);
    }

  bb_report_view_load_regions (self);
  bb_report_view_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_report_view_get_store (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return self->store;
}

void
bb_report_view_set_period (BbReportView   *self,
                           BbReportPeriod  kind,
                           const GDate    *from,
                           const GDate    *to)
{
  g_return_if_fail (BB_IS_REPORT_VIEW (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (g_date_compare (from, to) <= 0);

  self->kind = kind;
  self->from = *from;
  self->to = *to;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  self->updating = FALSE;

  gtk_widget_set_visible (self->custom_box, kind == BB_REPORT_PERIOD_CUSTOM);
  if (kind == BB_REPORT_PERIOD_CUSTOM)
    {
      set_entry_date (self->from_entry, from);
      set_entry_date (self->to_entry, to);
    }
  else
    show_custom_error (self, NULL);

  bb_report_view_refresh (self);
}

void
bb_report_view_get_period (BbReportView *self,
                           GDate        *from,
                           GDate        *to)
{
  g_return_if_fail (BB_IS_REPORT_VIEW (self));

  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
}

void
bb_report_view_set_region (BbReportView *self,
                           gint64        region_id)
{
  g_return_if_fail (BB_IS_REPORT_VIEW (self));

  self->region_id = region_id;

  self->updating = TRUE;
  for (guint i = 0; i < self->region_ids->len; i++)
    if (g_array_index (self->region_ids, gint64, i) == region_id)
      gtk_drop_down_set_selected (self->region_dropdown, i);
  self->updating = FALSE;

  bb_report_view_refresh (self);
}

gint64
bb_report_view_get_region (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), 0);

  return self->region_id;
}

BbReport *
bb_report_view_get_report (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return self->report;
}

BbBarChart *
_bb_report_view_get_chart (BbReportView *self,
                           const char   *name)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  if (g_str_equal (name, "format"))
    return self->format_chart;
  if (g_str_equal (name, "topic"))
    return self->topic_chart;
  if (g_str_equal (name, "shelter"))
    return self->shelter_chart;

  g_return_val_if_reached (NULL);
}

GtkLabel *
_bb_report_view_get_figure (BbReportView *self,
                            const char   *name)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  if (g_str_equal (name, "consultations"))
    return self->consultations_value;
  if (g_str_equal (name, "reached"))
    return self->reached_value;
  if (g_str_equal (name, "jours-fixes"))
    return self->jours_fixes_value;
  if (g_str_equal (name, "attendance"))
    return self->attendance_value;
  if (g_str_equal (name, "followups"))
    return self->followups_value;

  g_return_val_if_reached (NULL);
}

const char *
_bb_report_view_get_page (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkLabel *
_bb_report_view_get_period_label (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return self->period_label;
}

GtkDropDown *
_bb_report_view_get_kind_dropdown (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return self->kind_dropdown;
}

GtkDropDown *
_bb_report_view_get_region_dropdown (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return self->region_dropdown;
}

GtkEntry *
_bb_report_view_get_entry (BbReportView *self,
                           const char   *name)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return g_str_equal (name, "from") ? self->from_entry : self->to_entry;
}

GtkLabel *
_bb_report_view_get_custom_error (BbReportView *self)
{
  g_return_val_if_fail (BB_IS_REPORT_VIEW (self), NULL);

  return self->custom_error;
}

/* GObject */

static void
bb_report_view_dispose (GObject *object)
{
  BbReportView *self = BB_REPORT_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_REPORT_VIEW);

  G_OBJECT_CLASS (bb_report_view_parent_class)->dispose (object);
}

static void
bb_report_view_finalize (GObject *object)
{
  BbReportView *self = BB_REPORT_VIEW (object);

  g_clear_pointer (&self->report, bb_report_unref);
  g_clear_pointer (&self->region_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_report_view_parent_class)->finalize (object);
}

static void
bb_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbReportView *self = BB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_report_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbReportView *self = BB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_report_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_report_view_class_init (BbReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_report_view_dispose;
  object_class->finalize = bb_report_view_finalize;
  object_class->get_property = bb_report_view_get_property;
  object_class->set_property = bb_report_view_set_property;

  widget_class->map = bb_report_view_map;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/report/bb-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbReportView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, period_label);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, custom_error);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, error_page);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, consultations_value);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, reached_value);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, reached_caption);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, jours_fixes_value);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, attendance_value);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, followups_value);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, followups_caption);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, format_chart);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, topic_chart);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, topic_none);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, shelter_chart);
  gtk_widget_class_bind_template_child (widget_class, BbReportView, shelter_none);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_activate);

  gtk_widget_class_install_action (widget_class, "report.previous", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "report.next", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_action);

}

static void
bb_report_view_init (BbReportView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* This month to begin with; the previous one is one click away. */
  self->kind = BB_REPORT_PERIOD_MONTH;
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  bb_report_period_containing (self->kind, &today, &self->from, &self->to);
  gtk_drop_down_set_selected (self->kind_dropdown, self->kind);

  /* Alt+Page Up, Alt+Page Down while the report is shown: bb-view-shortcuts.c. */
  bb_view_shortcuts_install (GTK_WIDGET (self), "report");

  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_dropdown, "notify::selected",
                           G_CALLBACK (on_region_selected), self, G_CONNECT_SWAPPED);

  bb_report_view_load_regions (self);
  bb_report_view_show (self);
}
