/* test-adaptive-ui.c: every view of the window usable at 360 px wide, in English and German
 * (run under Xvfb).
 *
 * The window may never ask for more than 360 px, whichever views were shown (the view stack
 * is not homogeneous, so each view is measured when it is shown); at 360 px every leaflet is
 * folded to one pane and a row opens its detail with a back button, at 800 and 1400 px both panes
 * show.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-adaptive-ui"

#include "config.h"

#include "bb-attendance-dialog.h"
#include "bb-calendar-entry.h"
#include "bb-calendar-view.h"
#include "bb-consultation-editor.h"
#include "bb-consultation-view.h"
#include "bb-detail-page.h"
#include "bb-event-editor.h"
#include "bb-ics-dialogs.h"
#include "bb-network-view.h"
#include "bb-occurrence-editor.h"
#include "bb-organisation-editor.h"
#include "bb-person-editor.h"
#include "bb-person-privacy.h"
#include "bb-preferences-window.h"
#include "bb-relation-editor.h"
#include "bb-report-view-private.h"
#include "bb-search-popover.h"
#include "bb-shelter-editor.h"
#include "bb-shelter-view.h"
#include "bb-test-ui.h"
#include "bb-window-backup.h"
#include "bb-window-private.h"

/* What the metainfo promises: <display_length compare="ge">360</display_length> */
#define NARROW_WIDTH 360
#define MEDIUM_WIDTH 800
#define WIDE_WIDTH 1400

typedef struct
{
  const char *name;          /* the page in the view stack */
  GType     (*get_type) (void);
  const char *list;          /* the template child whose first row opens a detail, or NULL */
} ViewCase;

static const ViewCase views[] = {
  { "shelters", bb_shelter_view_get_type, "list_view" },
  { "network", bb_network_view_get_type, "people_view" },
  { "consultations", bb_consultation_view_get_type, "list_view" },
  { "calendar", bb_calendar_view_get_type, "agenda_view" },
  { "report", bb_report_view_get_type, NULL },
  { "network", bb_network_view_get_type, "organisations_view" },
};

static gboolean
view_is_filled (GtkWidget *view)
{
  if (BB_IS_SHELTER_VIEW (view))
    return bb_shelter_view_get_n_items (BB_SHELTER_VIEW (view)) > 0;
  if (BB_IS_NETWORK_VIEW (view))
    return bb_network_view_get_n_items (BB_NETWORK_VIEW (view)) > 0;
  if (BB_IS_CONSULTATION_VIEW (view))
    return bb_consultation_view_get_n_items (BB_CONSULTATION_VIEW (view)) > 0;
  if (BB_IS_CALENDAR_VIEW (view))
    return bb_calendar_view_get_n_items (BB_CALENDAR_VIEW (view)) > 0;
  if (BB_IS_REPORT_VIEW (view))
    return g_strcmp0 (_bb_report_view_get_page (BB_REPORT_VIEW (view)), "report") == 0;

  g_assert_not_reached ();
}

static GtkWidget *
show_view (Fixture        *fixture,
           const ViewCase *view_case)
{
  AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);
  GtkWidget *view;

  /* Alt+1 … Alt+5 activate this action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", view_case->name);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, view_case->name);
  view = adw_view_stack_get_visible_child (stack);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (view, view_case->get_type ()));
  WAIT_UNTIL (gtk_widget_get_mapped (view), "the view to be shown");
  WAIT_UNTIL (view_is_filled (view), "the view to fill");
  settle ();

  return view;
}

static int
measure_min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

/* The visible child of widget that asks for the most width: among the shown ones first (a view
 * stack measures only its shown page), else among all (a homogeneous stack measures every page). */
static GtkWidget *
find_widest_child (GtkWidget *widget)
{
  int width = measure_min_width (widget);
  GtkWidget *widest = NULL;
  int widest_width = -1;

  for (guint pass = 0; pass < 2 && widest_width < width; pass++)
    for (GtkWidget *child = gtk_widget_get_first_child (widget);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        int child_width;

        if (!gtk_widget_get_visible (child) || (pass == 0 && !gtk_widget_get_child_visible (child)))
          continue;
        child_width = measure_min_width (child);
        if (child_width > widest_width)
          {
            widest = child;
            widest_width = child_width;
          }
      }

  return widest;
}

/* On failure, says which widget asks for too much: the path of widest children from widget. */
static char *
dup_widest_path (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (; widget != NULL; widget = find_widest_child (widget))
    g_string_append_printf (path, "%s%s(%d)", path->len > 0 ? " > " : "",
                            G_OBJECT_TYPE_NAME (widget), measure_min_width (widget));

  return g_string_free (path, FALSE);
}

/* content (of window, or the window) asks for no more than NARROW_WIDTH. */
static void
assert_content_fits (GtkWidget  *window,
                     GtkWidget  *content,
                     const char *what)
{
  int content_width = measure_min_width (content);

  g_test_message ("%s: minimum width %d px (window with its frame %d px)",
                  what, content_width, measure_min_width (window));
  if (content_width > NARROW_WIDTH)
    {
      g_autofree char *path = dup_widest_path (content);

      /* Says which widget asks for too much, also from the German subprocess. */
      g_error ("%s: minimum width %d px > %d px: %s", what, content_width, NARROW_WIDTH, path);
    }
}

/* The window's content, not the window: the window's own width-request is 360 and would hide
 * a wider content, and without a compositor (Xvfb) the window adds a frame of its own. */
static void
assert_fits_narrow (Fixture    *fixture,
                    const char *what)
{
  assert_content_fits (GTK_WIDGET (fixture->window),
                       adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window)),
                       what);
}

/* Sizes the window to width × height, or as large as the screen allows, and returns the width.
 * Without a compositor (Xvfb) the window draws a frame of its own within its default size: the
 * difference between that and the size it is given; and the suite's Xvfb screen is 1400 px wide,
 * so "1400 px" there is 1400 px with the frame. */
static int
resize_window (GtkWindow *gtk_window,
               int        width,
               int        height)
{
  GtkWidget *window = GTK_WIDGET (gtk_window);
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (display,
                                                            gtk_native_get_surface (GTK_NATIVE (window)));
  GdkRectangle screen;
  int default_width, default_height, frame_width, frame_height;

  gdk_monitor_get_geometry (monitor, &screen);
  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  frame_width = default_width - gtk_widget_get_width (window);
  frame_height = default_height - gtk_widget_get_height (window);
  width = MIN (width, screen.width - frame_width);
  height = MIN (height, screen.height - frame_height);

  gtk_window_set_default_size (GTK_WINDOW (window), width + frame_width, height + frame_height);
  WAIT_UNTIL (gtk_widget_get_width (window) == width && gtk_widget_get_height (window) == height,
              "the window to take its new size");
  settle ();

  return width;
}

static int
resize (Fixture *fixture,
        int      width,
        int      height)
{
  return resize_window (GTK_WINDOW (fixture->window), width, height);
}

static AdwLeaflet *
view_get_leaflet (GtkWidget *view)
{
  if (BB_IS_REPORT_VIEW (view))
    return NULL;

  return template_child (view, G_OBJECT_TYPE (view), "leaflet");
}

/* The list pane: the leaflet's first page. */
static GtkWidget *
leaflet_get_list_pane (AdwLeaflet *leaflet)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (adw_leaflet_get_pages (leaflet));
  g_autoptr(AdwLeafletPage) first = g_list_model_get_item (pages, 0);

  return adw_leaflet_page_get_child (first);
}

static gboolean
label_is_ellipsized (GtkLabel *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* The one mapped label of the calendar's toolbar or the row below it that shows the month. */
static GtkLabel *
find_month_title (GtkWidget *calendar)
{
  GtkLabel *title = template_child (calendar, BB_TYPE_CALENDAR_VIEW, "title_label");
  const char *text = gtk_label_get_text (title);
  GtkWidget *found = find_mapped_label (calendar, text);

  g_assert_nonnull (found);
  g_assert_cmpstr (text, !=, "");

  return GTK_LABEL (found);
}

/* Whether label or a widget around it shows its whole text as a tooltip. */
static gboolean
label_has_tooltip (GtkLabel *label)
{
  for (GtkWidget *widget = GTK_WIDGET (label); widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), gtk_label_get_text (label)) == 0)
      return TRUE;

  return FALSE;
}

/* Every mapped label below widget is whole, but for the rows of lists (long names are
 * ellipsized there on purpose; not the chosen value of a combo row, shown by a list of one)
 * and labels whose whole text is in a tooltip. */
static void
assert_labels_whole (GtkWidget *widget)
{
  if ((GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL)
      || !gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && label_is_ellipsized (GTK_LABEL (widget))
      && !label_has_tooltip (GTK_LABEL (widget)))
    g_error ("“%s” is cut off", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_whole (child);
}

/* What a narrow window must not cut: the month of the calendar, the period of the report. */
static void
assert_titles_whole (GtkWidget *view)
{
  if (BB_IS_CALENDAR_VIEW (view))
    g_assert_false (label_is_ellipsized (find_month_title (view)));
  else if (BB_IS_REPORT_VIEW (view))
    g_assert_false (label_is_ellipsized (_bb_report_view_get_period_label (BB_REPORT_VIEW (view))));
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_minimum_width (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *calendar = NULL;
  BbReportView *report = NULL;

  g_assert_cmpstr (_bb_window_get_page (fixture->window), ==, "views");

  /* Twice: once as each view is first filled, once after all were shown. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autofree char *what = g_strdup_printf ("%s, round %u", views[i].name, round + 1);
        GtkWidget *view = show_view (fixture, &views[i]);

        assert_fits_narrow (fixture, what);
        if (BB_IS_CALENDAR_VIEW (view))
          calendar = view;
        else if (BB_IS_REPORT_VIEW (view))
          report = BB_REPORT_VIEW (view);
      }

  /* The other states of the calendar and the report. */
  show_view (fixture, &views[3]);
  g_assert_true (calendar != NULL && report != NULL);
  gtk_toggle_button_set_active (template_child (calendar, BB_TYPE_CALENDAR_VIEW, "agenda_toggle"), TRUE);
  settle ();
  assert_fits_narrow (fixture, "calendar agenda");

  show_view (fixture, &views[4]);
  /* "Custom Range", with its two date entries */
  gtk_drop_down_set_selected (_bb_report_view_get_kind_dropdown (report), 3);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_bb_report_view_get_entry (report, "from"))));
  assert_fits_narrow (fixture, "report custom range");
}

static void
assert_both_panes (AdwLeaflet *leaflet,
                   GtkWidget  *detail)
{
  GtkWidget *first = leaflet_get_list_pane (leaflet);

  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (detail));
  g_assert_true (gtk_widget_get_child_visible (first));
  g_assert_true (gtk_widget_get_mapped (first));
  g_assert_false (bb_detail_page_get_show_back_button (BB_DETAIL_PAGE (detail)));
}

/* At 360 px: one pane at a time. A row opens its detail, whose back button leads back. */
static void
check_narrow_leaflet (Fixture        *fixture,
                      GtkWidget      *view,
                      const ViewCase *view_case)
{
  AdwLeaflet *leaflet = view_get_leaflet (view);
  GtkWidget *list_pane = leaflet_get_list_pane (leaflet);
  GtkWidget *detail = template_child (view, G_OBJECT_TYPE (view), "detail");
  GtkWidget *list = template_child (view, G_OBJECT_TYPE (view), view_case->list);
  GtkRevealer *back_revealer = template_child (detail, BB_TYPE_DETAIL_PAGE, "back_revealer");
  GtkWidget *back_button = gtk_widget_get_first_child (gtk_revealer_get_child (back_revealer));

  g_assert_true (GTK_IS_BUTTON (back_button));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_pane);
  WAIT_UNTIL (!adw_leaflet_get_child_transition_running (leaflet), "the leaflet to settle");
  g_assert_true (gtk_widget_get_mapped (list_pane));
  g_assert_false (gtk_widget_get_mapped (detail));

  /* A click on the first row, as a person does; the calendar's rows are in its agenda. */
  if (BB_IS_CALENDAR_VIEW (view))
    gtk_toggle_button_set_active (template_child (view, BB_TYPE_CALENDAR_VIEW, "agenda_toggle"), TRUE);
  /* The list's page where lists share a stack (the network's people and organisations). */
  for (GtkWidget *child = list; child != view; child = gtk_widget_get_parent (child))
    if (GTK_IS_STACK (gtk_widget_get_parent (child)))
      gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (child)), child);
  WAIT_UNTIL (gtk_widget_get_mapped (list), "the list to show");
  if (BB_IS_CALENDAR_VIEW (view))
    gtk_widget_activate_action (list, "list.activate-item", "u", 0);
  else
    gtk_widget_activate_action (list, "list.select-item", "(ubb)", 0, FALSE, FALSE);

  g_assert_true (adw_leaflet_get_visible_child (leaflet) == detail);
  WAIT_UNTIL (!adw_leaflet_get_child_transition_running (leaflet), "the detail to slide in");
  settle ();
  g_assert_true (gtk_widget_get_mapped (detail));
  g_assert_false (gtk_widget_get_child_visible (list_pane) && gtk_widget_get_mapped (list_pane));
  g_assert_cmpint (gtk_widget_get_width (detail), ==, gtk_widget_get_width (GTK_WIDGET (leaflet)));
  g_assert_true (gtk_widget_get_mapped (back_button));
  assert_fits_narrow (fixture, "its detail");
  assert_labels_whole (detail);

  g_signal_emit_by_name (back_button, "clicked");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_pane);
  WAIT_UNTIL (!adw_leaflet_get_child_transition_running (leaflet), "the list to slide back");
  settle ();
  g_assert_true (gtk_widget_get_mapped (list_pane));
  g_assert_false (gtk_widget_get_mapped (detail));

  if (BB_IS_CALENDAR_VIEW (view))
    gtk_toggle_button_set_active (template_child (view, BB_TYPE_CALENDAR_VIEW, "month_toggle"), TRUE);
}

static void
test_leaflets_fold (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *switcher_bar = template_child (fixture->window, BB_TYPE_WINDOW, "switcher_bar");
  int wide;

  g_assert_cmpint (resize (fixture, NARROW_WIDTH, 800), ==, NARROW_WIDTH);
  /* The views' names at the bottom of a narrow window. */
  WAIT_UNTIL (gtk_widget_get_mapped (switcher_bar), "the view switcher bar to show");
  assert_labels_whole (switcher_bar);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = show_view (fixture, &views[i]);

      g_test_message ("%s at %d px", views[i].name, NARROW_WIDTH);
      g_assert_cmpint (gtk_widget_get_width (view), ==, NARROW_WIDTH);
      assert_titles_whole (view);
      assert_labels_whole (view);
      if (views[i].list != NULL)
        check_narrow_leaflet (fixture, view, &views[i]);
    }

  /* 800 px (a laptop's half screen) and 1400 px: list and detail side by side. */
  for (guint size = 0; size < 2; size++)
    {
      wide = resize (fixture, size == 0 ? MEDIUM_WIDTH : WIDE_WIDTH, 720);
      g_assert_cmpint (wide, >=, (size == 0 ? MEDIUM_WIDTH : WIDE_WIDTH - 20));

      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          GtkWidget *view = show_view (fixture, &views[i]);
          AdwLeaflet *leaflet = view_get_leaflet (view);

          g_test_message ("%s at %d px", views[i].name, wide);
          assert_titles_whole (view);
          if (leaflet != NULL)
            assert_both_panes (leaflet, template_child (view, G_OBJECT_TYPE (view), "detail"));
        }
    }

  /* And back: the leaflets fold again. */
  g_assert_cmpint (resize (fixture, NARROW_WIDTH, 800), ==, NARROW_WIDTH);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = show_view (fixture, &views[i]);
      AdwLeaflet *leaflet = view_get_leaflet (view);

      if (leaflet != NULL)
        g_assert_true (adw_leaflet_get_folded (leaflet));
      assert_titles_whole (view);
    }

  /* The other pages of narrow views: the open follow-ups, the report's custom range. */
  {
    GtkWidget *consultations = show_view (fixture, &views[2]);
    GtkStack *lists = template_child (consultations, BB_TYPE_CONSULTATION_VIEW, "lists_stack");
    BbReportView *report;

    gtk_stack_set_visible_child_name (lists, "followups");
    settle ();
    assert_labels_whole (consultations);

    report = BB_REPORT_VIEW (show_view (fixture, &views[4]));
    gtk_drop_down_set_selected (_bb_report_view_get_kind_dropdown (report), 3);
    settle ();
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_bb_report_view_get_entry (report, "from"))));
    assert_labels_whole (GTK_WIDGET (report));
  }
}

/* Editors and dialogs -------------------------------------------------------------------- */

static gint64
first_id (BbStore *store,
          GType    type)
{
  g_autoptr(GListModel) records = bb_store_list (store, type);
  g_autoptr(BbRecord) record = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (records), >, 0);
  record = g_list_model_get_item (records, 0);

  return bb_record_get_id (record);
}

/* A meeting of a series in the weeks after the demo's "today". */
static BbCalendarEntry *
find_recurring_entry (BbStore *store)
{
  g_autoptr(GPtrArray) occurrences = bb_store_list_occurrences (store, "2026-11-25", "2027-01-31",
                                                                0, NULL, 0, NULL);

  g_assert_nonnull (occurrences);
  for (guint i = 0; i < occurrences->len; i++)
    {
      g_autoptr(BbCalendarEntry) entry = bb_calendar_entry_new_from_occurrence (occurrences->pdata[i]);

      if (bb_calendar_entry_is_recurring (entry))
        return g_steal_pointer (&entry);
    }

  g_error ("No meeting of a series in the demo data");
}

/* The content of a dialog: an AdwWindow's content, else the window's child. */
static GtkWidget *
dialog_get_content (GtkWindow *dialog)
{
  if (ADW_IS_WINDOW (dialog))
    return adw_window_get_content (ADW_WINDOW (dialog));

  return gtk_window_get_child (dialog);
}

/* Shows dialog (an editor, a dialog; taken over): its content asks for no more than 360 px,
 * and at 360 px wide (if it can be resized) none of its labels is cut off. Then closes it. */
static void
check_dialog (GtkWindow  *dialog,
              const char *what)
{
  GtkWidget *content = dialog_get_content (dialog);

  gtk_window_present (dialog);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)), "the dialog to show");
  settle ();
  assert_content_fits (GTK_WIDGET (dialog), content, what);

  if (gtk_window_get_resizable (dialog))
    g_assert_cmpint (resize_window (dialog, NARROW_WIDTH, 640), ==, NARROW_WIDTH);
  g_test_message ("%s: %d px wide", what, gtk_widget_get_width (GTK_WIDGET (dialog)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, NARROW_WIDTH);
  assert_labels_whole (content);

  gtk_window_destroy (dialog);
  settle ();
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWindow *parent = GTK_WINDOW (fixture->window);
  GtkWidget *calendar = show_view (fixture, &views[3]);
  GtkWindow *about;

  g_autoptr(BbCalendarEntry) entry = find_recurring_entry (fixture->store);
  g_autofree char *ics_path = g_test_build_filename (G_TEST_DIST, "ical", "thunderbird.ics", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  gint64 person_id = first_id (fixture->store, BB_TYPE_PERSON);

  /* On a phone's screen: a message dialog takes its width from its parent's. */
  g_assert_cmpint (resize (fixture, NARROW_WIDTH, 800), ==, NARROW_WIDTH);
  check_dialog (GTK_WINDOW (bb_shelter_editor_new (parent, fixture->store,
                                                   first_id (fixture->store, BB_TYPE_SHELTER))),
                "shelter editor");
  check_dialog (GTK_WINDOW (bb_shelter_editor_new (parent, fixture->store, 0)), "new shelter");
  check_dialog (GTK_WINDOW (bb_person_editor_new (parent, fixture->store, person_id)),
                "person editor");
  check_dialog (GTK_WINDOW (bb_organisation_editor_new (parent, fixture->store,
                                                        first_id (fixture->store, BB_TYPE_ORGANISATION))),
                "organisation editor");
  check_dialog (GTK_WINDOW (bb_relation_editor_new (parent, fixture->store,
                                                    first_id (fixture->store, BB_TYPE_RELATION),
                                                    G_TYPE_INVALID, 0)),
                "relation editor");
  check_dialog (GTK_WINDOW (bb_relation_editor_new (parent, fixture->store, 0, BB_TYPE_PERSON,
                                                    person_id)),
                "new relation");
  check_dialog (GTK_WINDOW (bb_consultation_editor_new (parent, fixture->store,
                                                        first_id (fixture->store, BB_TYPE_CONSULTATION))),
                "consultation editor");
  check_dialog (GTK_WINDOW (bb_event_editor_new (calendar, fixture->store,
                                                 bb_calendar_entry_get_event (entry), NULL)),
                "event editor");
  check_dialog (GTK_WINDOW (bb_occurrence_editor_new (calendar, fixture->store, entry)),
                "occurrence editor");
  check_dialog (GTK_WINDOW (bb_attendance_dialog_new (calendar, fixture->store, entry)),
                "attendance dialog");
  check_dialog (GTK_WINDOW (bb_ics_export_dialog_new (calendar, fixture->store,
                                                      bb_calendar_entry_get_event (entry), 0)),
                "export dialog");
  check_dialog (GTK_WINDOW (bb_ics_import_dialog_new (calendar, fixture->store, ics, 0)),
                "import dialog");
  check_dialog (GTK_WINDOW (bb_preferences_window_new (parent, fixture->store)), "preferences");
  check_dialog (GTK_WINDOW (bb_person_privacy_ask_erase (calendar, fixture->store, person_id)),
                "erase personal data");
  g_assert_true (bb_window_back_up_to (fixture->window, backup, &error));
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (bb_window_ask_restore (fixture->window, backup)), "restore");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  about = find_window_of_type (GTK_APPLICATION (fixture->app), ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  check_dialog (about, "about");
}

/* The search popover, with its results, inside a window 360 px wide. */
static void
test_search_popover (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkMenuButton *button = template_child (fixture->window, BB_TYPE_WINDOW, "search_button");
  BbSearchPopover *popover = template_child (fixture->window, BB_TYPE_WINDOW, "search_popover");
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (popover));
  GListModel *results = bb_search_popover_get_results (popover);

  g_assert_cmpint (resize (fixture, NARROW_WIDTH, 800), ==, NARROW_WIDTH);
  gtk_menu_button_popup (button);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), "the search to open");
  settle ();
  assert_content_fits (GTK_WIDGET (popover), child, "search");
  assert_labels_whole (child);

  gtk_editable_set_text (bb_search_popover_get_entry (popover), "Berlin");
  WAIT_UNTIL (g_list_model_get_n_items (results) > 0, "search results");
  settle ();
  assert_content_fits (GTK_WIDGET (popover), child, "search results");
  /* Its frame around the content; the popover itself has room for its shadow around it. */
  g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_parent (child)), <=, NARROW_WIDTH);
  assert_labels_whole (child);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* German words are longer: the same in the program's German, on one window. */
static void
check_german (Fixture       *fixture,
              gconstpointer  data)
{
  test_minimum_width (fixture, data);
  test_leaflets_fold (fixture, data);
  test_dialogs (fixture, data);
  test_search_popover (fixture, data);
}

static void
test_german (void)
{
  run_in_german (fixture_set_up_demo, check_german);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/adaptive/minimum-width", Fixture, NULL,
              fixture_set_up_demo, test_minimum_width, fixture_tear_down);
  g_test_add ("/ui/adaptive/leaflets-fold", Fixture, NULL,
              fixture_set_up_demo, test_leaflets_fold, fixture_tear_down);
  g_test_add ("/ui/adaptive/dialogs", Fixture, NULL,
              fixture_set_up_demo, test_dialogs, fixture_tear_down);
  g_test_add ("/ui/adaptive/search-popover", Fixture, NULL,
              fixture_set_up_demo, test_search_popover, fixture_tear_down);
  g_test_add_func ("/ui/adaptive/german", test_german);

  return bb_test_ui_run ();
}
