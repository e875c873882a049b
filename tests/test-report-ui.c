/* test-report-ui.c: the report view in the window, on demo data (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "bb-report-view-private.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static BbReportView *
show_report_view (Fixture *fixture)
{
  AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);
  GtkWidget *view = _bb_window_get_view (fixture->window, "report");

  g_assert_true (BB_IS_REPORT_VIEW (view));
  /* Alt+5 activates this action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "report");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "report");
  WAIT_UNTIL (gtk_widget_get_mapped (view), "the report view to be shown");

  return BB_REPORT_VIEW (view);
}

static void
assert_chart_shows (BbReportView *view,
                    const char   *name,
                    GPtrArray    *items)
{
  BbBarChart *chart = _bb_report_view_get_chart (view, name);

  g_assert_cmpuint (bb_bar_chart_get_n_bars (chart), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      g_assert_cmpstr (bb_bar_chart_get_label (chart, i), ==, item->label);
      g_assert_cmpuint (bb_bar_chart_get_value (chart, i), ==, item->count);
    }
}

/* Screen readers hear every bar's label and value. */
static void
assert_chart_description (BbReportView *view,
                          const char   *name,
                          GPtrArray    *items)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *mismatch = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (expected, "%s%s: %u", i > 0 ? ", " : "", item->label, item->count);
    }

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (_bb_report_view_get_chart (view, name)),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 expected->str);
  g_assert_null (mismatch);
}

static void
assert_label (BbReportView *view,
              const char   *figure,
              const char   *expected)
{
  g_assert_cmpstr (gtk_label_get_label (_bb_report_view_get_figure (view, figure)), ==, expected);
}

/* The figures shown are those of bb_report_compute for the same period and region. */
static void
assert_view_shows (BbReportView *view,
                   BbStore      *store,
                   gint64        region_id)
{
  g_autoptr(BbReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *consultations = NULL;
  g_autofree char *reached = NULL;
  g_autofree char *held = NULL;
  g_autofree char *average = NULL;
  g_autofree char *open = NULL;
  GDate from, to;

  bb_report_view_get_period (view, &from, &to);
  expected = bb_report_compute (store, &from, &to, region_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (bb_report_is_empty (expected));

  g_assert_cmpstr (_bb_report_view_get_page (view), ==, "report");
  consultations = g_strdup_printf ("%u", expected->n_consultations);
  reached = g_strdup_printf ("%u / %u", expected->shelters_reached, expected->shelters_in_region);
  held = g_strdup_printf ("%u", expected->jours_fixes_held);
  average = g_strdup_printf ("%.1f", expected->average_attendance);
  open = g_strdup_printf ("%u", expected->followups_open);
  assert_label (view, "consultations", consultations);
  assert_label (view, "reached", reached);
  assert_label (view, "jours-fixes", held);
  assert_label (view, "attendance", average);
  assert_label (view, "followups", open);

  assert_chart_shows (view, "format", expected->by_format);
  assert_chart_shows (view, "topic", expected->by_topic);
  assert_chart_shows (view, "shelter", expected->by_shelter);
  assert_chart_description (view, "format", expected->by_format);
  assert_chart_description (view, "topic", expected->by_topic);
}

static guint
region_position (GtkDropDown *dropdown,
                 const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      return i;

  g_error ("No region “%s” in the list", name);
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  BbReportView *view = show_report_view (fixture);
  GtkDropDown *kind = _bb_report_view_get_kind_dropdown (view);
  GtkDropDown *regions = _bb_report_view_get_region_dropdown (view);
  g_autoptr(GError) error = NULL;
  gint64 nord = bb_report_find_region (fixture->store, "Nord", &error);
  guint all_consultations;
  GDate day, from, to;

  g_assert_no_error (error);

  /* Quarter, then one back from the quarter of the chosen month: Q3 2026, wholly before the
   * demo data's "today". */
  bb_report_parse_date ("2026-11-10", &day);
  bb_report_period_containing (BB_REPORT_PERIOD_MONTH, &day, &from, &to);
  bb_report_view_set_period (view, BB_REPORT_PERIOD_MONTH, &from, &to);
  gtk_drop_down_set_selected (kind, BB_REPORT_PERIOD_QUARTER);
  gtk_widget_activate_action (GTK_WIDGET (view), "report.previous", NULL);
  settle ();

  g_assert_cmpstr (gtk_label_get_label (_bb_report_view_get_period_label (view)), ==, "Q3 2026");
  bb_report_view_get_period (view, &from, &to);
  g_assert_cmpuint (g_date_get_month (&from), ==, 7);
  g_assert_cmpuint (g_date_get_day (&to), ==, 30);
  g_assert_cmpuint (g_date_get_month (&to), ==, 9);
  g_assert_cmpint (bb_report_view_get_region (view), ==, 0);
  assert_view_shows (view, fixture->store, 0);
  all_consultations = bb_report_view_get_report (view)->n_consultations;
  g_assert_cmpuint (all_consultations, >, 0);

  /* The region list: all, then Nord's figures only. */
  gtk_drop_down_set_selected (regions, region_position (regions, "Nord"));
  settle ();
  g_assert_cmpint (bb_report_view_get_region (view), ==, nord);
  g_assert_cmpstr (bb_report_view_get_report (view)->region_name, ==, "Nord");
  assert_view_shows (view, fixture->store, nord);
  g_assert_cmpuint (bb_report_view_get_report (view)->n_consultations, <, all_consultations);

  /* Next goes to Q4; back again shows the same as before. */
  gtk_widget_activate_action (GTK_WIDGET (view), "report.next", NULL);
  g_assert_cmpstr (gtk_label_get_label (_bb_report_view_get_period_label (view)), ==, "Q4 2026");
  gtk_widget_activate_action (GTK_WIDGET (view), "report.previous", NULL);
  assert_view_shows (view, fixture->store, nord);
}

static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  BbReportView *view = show_report_view (fixture);
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GError) error = NULL;
  GDate from, to;
  guint before;

  bb_report_parse_date ("2026-10-01", &from);
  bb_report_parse_date ("2026-10-31", &to);
  bb_report_view_set_period (view, BB_REPORT_PERIOD_MONTH, &from, &to);
  before = bb_report_view_get_report (view)->n_consultations;

  bb_consultation_set_started_at (consultation, "2026-10-15T10:00");
  bb_consultation_set_format (consultation, "video");
  bb_store_insert (fixture->store, BB_RECORD (consultation), &error);
  g_assert_no_error (error);

  WAIT_UNTIL (bb_report_view_get_report (view)->n_consultations == before + 1,
              "the report to count the new consultation");
  assert_view_shows (view, fixture->store, 0);

  /* Hidden, the report waits; shown again, it catches up. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "shelters");
  WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (view)), "the report view to be hidden");
  {
    g_autoptr(BbConsultation) another = bb_consultation_new ();

    bb_consultation_set_started_at (another, "2026-10-16T10:00");
    bb_consultation_set_format (another, "phone");
    bb_store_insert (fixture->store, BB_RECORD (another), &error);
    g_assert_no_error (error);
  }
  settle ();
  g_usleep (200 * 1000);
  settle ();
  g_assert_cmpuint (bb_report_view_get_report (view)->n_consultations, ==, before + 1);
  show_report_view (fixture);
  g_assert_cmpuint (bb_report_view_get_report (view)->n_consultations, ==, before + 2);
  assert_view_shows (view, fixture->store, 0);
}

static void
test_custom_and_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  BbReportView *view = show_report_view (fixture);
  GtkDropDown *kind = _bb_report_view_get_kind_dropdown (view);
  GtkEntry *from_entry = _bb_report_view_get_entry (view, "from");
  GtkEntry *to_entry = _bb_report_view_get_entry (view, "to");
  GtkLabel *message = _bb_report_view_get_custom_error (view);
  GDate from;

  gtk_drop_down_set_selected (kind, BB_REPORT_PERIOD_CUSTOM);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (from_entry)), "the date entries");

  /* A wrong date: a message below, and the period stays. */
  bb_report_view_get_period (view, &from, NULL);
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "31.02.2020");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "31.01.2020");
  g_signal_emit_by_name (to_entry, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from_entry), "error"));
  {
    GDate unchanged;

    bb_report_view_get_period (view, &unchanged, NULL);
    g_assert_cmpint (g_date_compare (&unchanged, &from), ==, 0);
  }

  /* A month long before the demo data: the empty state says so. */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "1.1.2020");
  g_signal_emit_by_name (to_entry, "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from_entry), "error"));
  g_assert_cmpstr (_bb_report_view_get_page (view), ==, "empty");
  g_assert_cmpstr (gtk_label_get_label (_bb_report_view_get_period_label (view)), ==, "January 2020");
  WAIT_UNTIL (find_status_page (GTK_WIDGET (view), "Nothing in This Period") != NULL,
              "the empty state");

  /* Backwards periods are refused with a message. */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-03-01");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2026-02-01");
  g_signal_emit_by_name (from_entry, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (_bb_report_view_get_page (view), ==, "empty");

  /* A custom range with demo data in it. */
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2026-03-15");
  g_signal_emit_by_name (to_entry, "activate");
  g_assert_cmpstr (gtk_label_get_label (_bb_report_view_get_period_label (view)), ==,
                   "01.03.2026 – 15.03.2026");
  assert_view_shows (view, fixture->store, 0);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  BbReportView *view = show_report_view (fixture);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "Bericht; Q3.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "Bericht.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  GDate day, from, to;
  gsize size;

  bb_report_parse_date ("2026-08-01", &day);
  bb_report_period_containing (BB_REPORT_PERIOD_QUARTER, &day, &from, &to);
  bb_report_view_set_period (view, BB_REPORT_PERIOD_QUARTER, &from, &to);

  g_assert_true (bb_report_view_export (view, BB_REPORT_FORMAT_CSV, csv_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &contents, &size, &error);
  g_assert_no_error (error);
  expected = bb_report_to_csv (bb_report_view_get_report (view));
  g_assert_cmpmem (contents, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_nonnull (strstr (contents + 3, "Q3 2026"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (bb_report_view_export (view, BB_REPORT_FORMAT_PDF, pdf_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf_path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* A folder that does not exist: an error, no file. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "x.csv", NULL);

    g_assert_false (bb_report_view_export (view, BB_REPORT_FORMAT_CSV, missing, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/report/figures", Fixture, NULL, fixture_set_up_demo, test_figures, fixture_tear_down);
  g_test_add ("/ui/report/follows-store", Fixture, NULL, fixture_set_up_demo, test_follows_store,
              fixture_tear_down);
  g_test_add ("/ui/report/custom-and-empty", Fixture, NULL, fixture_set_up_demo, test_custom_and_empty,
              fixture_tear_down);
  g_test_add ("/ui/report/export", Fixture, NULL, fixture_set_up_demo, test_export, fixture_tear_down);

  return bb_test_ui_run ();
}
