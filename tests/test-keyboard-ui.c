/* test-keyboard-ui.c: the window driven by the keyboard alone, with real key events (run
 * under Xvfb).
 *
 * The keys are typed with xdotool (XTest): they reach the program as from a keyboard, through
 * the X server, GDK and GTK's own dispatch to the focused widget, its shortcut controllers and
 * the window's — nothing here calls an action for a key. Every shortcut the program binds is
 * collected from the shortcut controllers of the window, the editors and dialogs, and the
 * application's accelerators, and compared with the shortcuts window in both directions.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-keyboard-ui"

#include "config.h"

#include <string.h>

#include "bb-attendance-dialog.h"
#include "bb-calendar-view-private.h"
#include "bb-consultation-editor.h"
#include "bb-editor.h"
#include "bb-event-editor.h"
#include "bb-network-graph.h"
#include "bb-network-view.h"
#include "bb-person-editor.h"
#include "bb-preferences-window.h"
#include "bb-report-view-private.h"
#include "bb-search-hit.h"
#include "bb-search-popover.h"
#include "bb-shelter-editor.h"
#include "bb-shelter-view.h"
#include "bb-store-network.h"
#include "bb-test-ui.h"
#include "bb-view-shortcuts.h"
#include "bb-window-private.h"

/* Warnings of the whole program, counted (and still printed) for the tests that must have
 * none. */
static guint n_warnings;

static GLogWriterOutput
count_warnings (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    n_warnings++;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Keys ----------------------------------------------------------------------------------------- */

/* Types keys (xdotool's names, e.g. "ctrl+n", "Escape") into the window that has the focus,
 * after waiting for window to be the active one. */
static void
send_keys (GtkWindow  *window,
           const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_auto(GStrv) argv = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  int status;

  /* build-aux/setup.sh installs it with the other test dependencies. */
  g_assert_nonnull (xdotool);
  g_test_message ("keys: %s", keys);
  WAIT_UNTIL (gtk_window_is_active (window), "the window to have the keyboard focus");

  /* The pointer over the window: without a window manager, X gives the keyboard to the window
   * under it when a popover that had the keyboard goes. */
  g_strv_builder_add_many (builder, xdotool, "mousemove", "300", "400", "key", "--delay", "30",
                           NULL);
  {
    g_auto(GStrv) each = g_strsplit (keys, " ", -1);

    g_strv_builder_addv (builder, (const char **) each);
  }
  argv = g_strv_builder_end (builder);

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* Editors and dialogs ------------------------------------------------------------------------ */

/* The visible toplevel other than the main window that is transient for parent, or NULL. */
static GtkWindow *
find_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) && gtk_window_get_transient_for (l->data) == parent)
      return l->data;

  return NULL;
}

static guint
count_visible (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      n++;

  return n;
}

/* The focus is in a window after a dialog went: on a mapped widget. */
static gboolean
has_mapped_focus (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && gtk_widget_get_mapped (focus);
}

/* Xvfb has no window manager to give the window the keyboard back when a dialog or popover
 * that had it goes. */
static void
take_keyboard (GtkWindow *window)
{
  gtk_window_present (window);
  WAIT_UNTIL (gtk_window_is_active (window), "the window to be active again");
  /* The focus events of the present before the next keys, or an autohiding popover opened
   * by them would see them and close. */
  settle ();
}

/* Escape closes dialog (hidden or destroyed); the window below gets the focus back. */
static void
escape_closes (GtkWindow *window,
               GtkWindow *dialog,
               const char *what)
{
  g_autofree char *waiting = g_strdup_printf ("Escape to close %s", what);

  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)), "the dialog to be shown");
  take_keyboard (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  send_keys (dialog, "Escape");
  WAIT_UNTIL (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)), waiting);
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  take_keyboard (window);
  WAIT_UNTIL (has_mapped_focus (window), "the focus back on a widget of the window");
}

/* A dialog opens with the focus on its form, not on its header bar's buttons. */
static void
assert_focus_in_form (GtkWindow *dialog)
{
  GtkWidget *focus;

  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)), "the dialog to be shown");
  settle ();
  focus = gtk_window_get_focus (dialog);
  g_assert_nonnull (focus);
  g_assert_null (gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR));
}

/* The window's header bar has the focus (the search button), not a view. */
static void
focus_header (Fixture *fixture)
{
  GtkWidget *search_button = template_child (fixture->window, BB_TYPE_WINDOW, "search_button");
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (search_button));
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus,
                                          GTK_WIDGET (_bb_window_get_view_stack (fixture->window))));
}

static void
show_view (Fixture    *fixture,
           const char *keys,
           const char *name)
{
  AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);
  GtkWidget *focus;

  send_keys (GTK_WINDOW (fixture->window), keys);
  WAIT_UNTIL (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), name) == 0,
              "the view to be shown");
  settle ();

  /* Alt+1 … Alt+5 put the focus into the view. */
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, adw_view_stack_get_visible_child (stack)));
}

/* Ctrl+N in each view opens that view's editor, also while the header bar has the focus, and
 * only that one; the editor opens on its first field; Escape closes it. ------------------------ */

typedef struct
{
  const char *keys;
  const char *view;
  GType     (*editor_type) (void);
} ViewEditor;

static void
test_new_in_every_view (Fixture       *fixture,
                        gconstpointer  data)
{
  static const ViewEditor views[] = {
    { "alt+1", "shelters", bb_shelter_editor_get_type },
    { "alt+2", "network", bb_person_editor_get_type },
    { "alt+3", "consultations", bb_consultation_editor_get_type },
    { "alt+4", "calendar", bb_event_editor_get_type },
  };
  GtkWindow *window = GTK_WINDOW (fixture->window);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GType type = views[i].editor_type ();
      GtkWindow *editor;
      GtkWidget *focus;

      g_test_message ("Ctrl+N in %s", views[i].view);
      show_view (fixture, views[i].keys, views[i].view);
      focus_header (fixture);

      send_keys (window, "ctrl+n");
      WAIT_UNTIL (count_visible (type) == 1, "the view's editor to open");
      settle ();
      /* The other views did not open theirs. */
      g_assert_cmpuint (count_visible (BB_TYPE_EDITOR_WINDOW), ==, 1);

      editor = find_window_of_type (NULL, type);
      g_assert_nonnull (editor);
      WAIT_UNTIL (gtk_window_is_active (editor), "the editor to have the focus");
      /* The first field below the header bar, not the Cancel button. */
      focus = gtk_window_get_focus (editor);
      g_assert_nonnull (focus);
      g_assert_true (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)
                     || gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) != NULL);
      g_assert_null (gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR));

      escape_closes (window, editor, "the editor");
      g_assert_cmpuint (count_visible (BB_TYPE_EDITOR_WINDOW), ==, 0);
    }

  /* The report has no editor: Ctrl+N there opens none; Alt+Page Down (next period) is typed
   * after it, and its effect shows that Ctrl+N was handled already. */
  {
    BbReportView *report = BB_REPORT_VIEW (_bb_window_get_view (fixture->window, "report"));
    g_autofree char *period = NULL;

    show_view (fixture, "alt+5", "report");
    focus_header (fixture);
    period = g_strdup (gtk_label_get_label (_bb_report_view_get_period_label (report)));
    send_keys (window, "ctrl+n alt+Next");
    WAIT_UNTIL (g_strcmp0 (gtk_label_get_label (_bb_report_view_get_period_label (report)),
                           period) != 0, "Alt+Page Down to show the next period");
    g_assert_cmpuint (count_visible (BB_TYPE_EDITOR_WINDOW), ==, 0);

    send_keys (window, "alt+Prior");
    WAIT_UNTIL (g_strcmp0 (gtk_label_get_label (_bb_report_view_get_period_label (report)),
                           period) == 0, "Alt+Page Up to show the period before");
  }
}

/* The calendar's keys, with the focus on the header bar. ------------------------------------ */

static gboolean
month_is (BbCalendarView *view,
          const char     *title)
{
  g_autofree char *shown = bb_month_view_dup_title (_bb_calendar_view_get_month_view (view));

  return g_strcmp0 (shown, title) == 0;
}

/* An entry of the month shown (recurring if asked), or NULL. */
static BbCalendarEntry *
find_entry (BbCalendarView *view,
            gboolean        recurring)
{
  BbMonthView *month = _bb_calendar_view_get_month_view (view);
  GDate date;

  bb_month_view_get_selected_date (month, &date);
  g_date_set_day (&date, 1);
  for (guint day = 1; day <= 28; day++, g_date_add_days (&date, 1))
    {
      g_autoptr(GPtrArray) entries = bb_month_view_dup_entries_on (month, &date);

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        if (!recurring || bb_calendar_entry_is_recurring (entries->pdata[i]))
          return g_object_ref (entries->pdata[i]);
    }

  return NULL;
}

static void
test_calendar_keys (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  BbCalendarView *view = BB_CALENDAR_VIEW (_bb_window_get_view (fixture->window, "calendar"));
  GtkToggleButton *agenda_toggle = template_child (view, BB_TYPE_CALENDAR_VIEW, "agenda_toggle");
  g_autoptr(BbCalendarEntry) entry = NULL;
  g_autofree char *this_month = NULL;
  GtkWindow *dialog = NULL;
  GDate date;

  /* Alt+4 puts the focus on the month, where Page Down shows the next month. */
  show_view (fixture, "alt+4", "calendar");
  this_month = bb_month_view_dup_title (_bb_calendar_view_get_month_view (view));
  send_keys (window, "Next");
  WAIT_UNTIL (!month_is (view, this_month), "Page Down to show the next month");
  send_keys (window, "Prior");
  WAIT_UNTIL (month_is (view, this_month), "Page Up to show this month again");
  send_keys (window, "Next Home");
  WAIT_UNTIL (month_is (view, this_month), "Home to go back to today");
  {
    BbMonthView *month = _bb_calendar_view_get_month_view (view);
    GDate today, moved;

    bb_month_view_get_selected_date (month, &today);
    send_keys (window, "Right");
    WAIT_UNTIL ((bb_month_view_get_selected_date (month, &moved), g_date_days_between (&today, &moved) == 1),
                "Right to choose the next day");
    send_keys (window, "Left Down");
    WAIT_UNTIL ((bb_month_view_get_selected_date (month, &moved), g_date_days_between (&today, &moved) == 7),
                "Left and Down to choose the same day a week later");
    send_keys (window, "Up");
    WAIT_UNTIL ((bb_month_view_get_selected_date (month, &moved), g_date_days_between (&today, &moved) == 0),
                "Up to go back a week");
  }

  /* The view's shortcuts with the focus on the header bar. */
  focus_header (fixture);
  send_keys (window, "ctrl+t");
  WAIT_UNTIL (month_is (view, this_month), "Ctrl+T to go back to this month");

  focus_header (fixture);
  send_keys (window, "ctrl+l");
  WAIT_UNTIL (gtk_toggle_button_get_active (agenda_toggle), "Ctrl+L to show the agenda");
  focus_header (fixture);
  send_keys (window, "ctrl+m");
  WAIT_UNTIL (!gtk_toggle_button_get_active (agenda_toggle), "Ctrl+M to show the month");

  focus_header (fixture);
  send_keys (window, "ctrl+shift+e");
  WAIT_UNTIL ((dialog = find_dialog (window)) != NULL, "Ctrl+Shift+E to open the export dialog");
  assert_focus_in_form (dialog);
  escape_closes (window, dialog, "the export dialog");

  focus_header (fixture);
  send_keys (window, "ctrl+i");
  WAIT_UNTIL ((dialog = find_dialog (window)) != NULL, "Ctrl+I to open the file chooser");
  g_assert_true (GTK_IS_FILE_CHOOSER (dialog));
  escape_closes (window, dialog, "the file chooser of the import");

  /* An event of the demo month: Ctrl+E edits it; the attendance dialog and the editor of one
   * date close with Escape. */
  reference_date (&date);
  bb_month_view_set_selected_date (_bb_calendar_view_get_month_view (view), &date);
  WAIT_UNTIL ((entry = find_entry (view, TRUE)) != NULL, "a recurring event in the month");
  _bb_calendar_view_show_entry (view, entry);

  focus_header (fixture);
  send_keys (window, "ctrl+e");
  WAIT_UNTIL (count_visible (BB_TYPE_EVENT_EDITOR) == 1, "Ctrl+E to edit the event");
  escape_closes (window, find_window_of_type (NULL, BB_TYPE_EVENT_EDITOR), "the event editor");

  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.attendance", NULL);
  WAIT_UNTIL (count_visible (BB_TYPE_ATTENDANCE_DIALOG) == 1, "the attendance dialog");
  assert_focus_in_form (find_window_of_type (NULL, BB_TYPE_ATTENDANCE_DIALOG));
  escape_closes (window, find_window_of_type (NULL, BB_TYPE_ATTENDANCE_DIALOG),
                 "the attendance dialog");

  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.edit-occurrence", NULL);
  WAIT_UNTIL ((dialog = find_dialog (window)) != NULL, "the editor of one date");
  assert_focus_in_form (dialog);
  escape_closes (window, dialog, "the editor of one date");
}

/* Network: without a selected record, Ctrl+E and Delete do nothing. -------------------------- */

static void
test_network_needs_selection (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  BbNetworkView *view = BB_NETWORK_VIEW (_bb_window_get_view (fixture->window, "network"));
  guint n_items;
  GtkWindow *editor;

  show_view (fixture, "alt+2", "network");
  g_assert_null (bb_network_view_get_selected (view));
  n_items = bb_network_view_get_n_items (view);

  /* Ctrl+N after them: once its editor is there, the keys before it were handled. */
  send_keys (window, "ctrl+e Delete ctrl+n");
  WAIT_UNTIL (count_visible (BB_TYPE_PERSON_EDITOR) == 1, "Ctrl+N to open the person editor");
  settle ();
  g_assert_cmpuint (count_visible (BB_TYPE_EDITOR_WINDOW), ==, 1);
  g_assert_cmpuint (bb_network_view_get_n_items (view), ==, n_items);
  editor = find_window_of_type (NULL, BB_TYPE_PERSON_EDITOR);
  escape_closes (window, editor, "the person editor");

  /* With a person chosen in the list (Down), Ctrl+E edits it. */
  show_view (fixture, "alt+2", "network");
  send_keys (window, "Down");
  WAIT_UNTIL (bb_network_view_get_selected (view) != NULL, "Down to choose a person");
  send_keys (window, "ctrl+e");
  WAIT_UNTIL (count_visible (BB_TYPE_PERSON_EDITOR) == 1, "Ctrl+E to edit the person");
  editor = find_window_of_type (NULL, BB_TYPE_PERSON_EDITOR);
  escape_closes (window, editor, "the person editor");
}

/* Escape closes the dialogs, the popovers and an editor's question. --------------------- */

static gboolean
popover_shown (GtkWidget *popover)
{
  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* The popover of the main menu button. */
static GtkWidget *
main_menu_popover (Fixture *fixture)
{
  GtkWidget *search_button = template_child (fixture->window, BB_TYPE_WINDOW, "search_button");
  GtkWidget *header = gtk_widget_get_ancestor (search_button, ADW_TYPE_HEADER_BAR);
  g_autoptr(GList) buttons = NULL;
  GtkWidget *found = NULL;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, header);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
        found = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  g_assert_nonnull (found);
  return found;
}

static void
test_escape_closes (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *search = GTK_WIDGET (_bb_window_get_search_popover (fixture->window));
  GtkWidget *menu = main_menu_popover (fixture);
  GtkWindow *dialog;
  GtkWindow *editor;
  GtkWidget *field;

  /* F10: the main menu; Escape closes it. */
  send_keys (window, "F10");
  WAIT_UNTIL (popover_shown (menu), "F10 to open the main menu");
  send_keys (window, "Escape");
  WAIT_UNTIL (!popover_shown (menu), "Escape to close the main menu");
  take_keyboard (window);

  /* Ctrl+F: the search; Escape closes it. */
  send_keys (window, "ctrl+f");
  WAIT_UNTIL (popover_shown (search), "Ctrl+F to open the search");
  send_keys (window, "Escape");
  WAIT_UNTIL (!popover_shown (search), "Escape to close the search");
  take_keyboard (window);

  /* Ctrl+, : the preferences. */
  send_keys (window, "ctrl+comma");
  WAIT_UNTIL (count_visible (BB_TYPE_PREFERENCES_WINDOW) == 1, "Ctrl+, to open the preferences");
  escape_closes (window, find_window_of_type (NULL, BB_TYPE_PREFERENCES_WINDOW), "the preferences");

  /* Ctrl+? : the shortcuts window. */
  send_keys (window, "ctrl+question");
  WAIT_UNTIL (count_visible (GTK_TYPE_SHORTCUTS_WINDOW) == 1, "Ctrl+? to open the shortcuts");
  escape_closes (window, find_window_of_type (NULL, GTK_TYPE_SHORTCUTS_WINDOW),
                 "the shortcuts window");

  /* About (from the main menu, which has no key of its own). */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  WAIT_UNTIL (count_visible (ADW_TYPE_ABOUT_WINDOW) == 1, "the about window");
  escape_closes (window, find_window_of_type (NULL, ADW_TYPE_ABOUT_WINDOW), "the about window");

  /* An editor with a change: Escape asks first (an AdwMessageDialog); Escape on the question
   * keeps editing; the first field has the focus, so typing changes it. */
  show_view (fixture, "alt+1", "shelters");
  send_keys (window, "ctrl+n");
  WAIT_UNTIL (count_visible (BB_TYPE_SHELTER_EDITOR) == 1, "Ctrl+N to open the shelter editor");
  editor = find_window_of_type (NULL, BB_TYPE_SHELTER_EDITOR);
  WAIT_UNTIL (gtk_window_is_active (editor), "the editor to have the focus");
  field = gtk_window_get_focus (editor);
  send_keys (editor, "X");
  WAIT_UNTIL (GTK_IS_EDITABLE (field) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field)), "X") == 0,
              "the typed letter in the first field");

  send_keys (editor, "Escape");
  WAIT_UNTIL ((dialog = find_dialog (editor)) != NULL, "the question before discarding");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  escape_closes (editor, dialog, "the question");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  send_keys (editor, "Escape");
  WAIT_UNTIL ((dialog = find_dialog (editor)) != NULL, "the question again");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  WAIT_UNTIL (editor == NULL, "Discard to close the editor");
}

/* Lists: the arrows choose a record and the focus stays in the list; Tab leaves it for the
 * detail, Shift+Tab for what is before the list. ------------------------------------------- */

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  BbNetworkView *view = BB_NETWORK_VIEW (_bb_window_get_view (fixture->window, "network"));
  GtkWidget *people = template_child (view, BB_TYPE_NETWORK_VIEW, "people_view");
  GtkWidget *detail = template_child (view, BB_TYPE_NETWORK_VIEW, "detail");
  BbRecord *first;
  GtkWidget *focus;

  show_view (fixture, "alt+2", "network");
  send_keys (window, "Down");
  WAIT_UNTIL ((first = bb_network_view_get_selected (view)) != NULL, "Down to choose a person");
  settle ();
  /* The focus stays in the list, so that Down goes on choosing. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window), people));
  send_keys (window, "Down");
  WAIT_UNTIL (bb_network_view_get_selected (view) != first, "Down to choose the next person");
  send_keys (window, "Up");
  WAIT_UNTIL (bb_network_view_get_selected (view) == first, "Up to choose the first again");

  send_keys (window, "Tab");
  WAIT_UNTIL ((focus = gtk_window_get_focus (window)) != NULL
              && gtk_widget_is_ancestor (focus, detail), "Tab to leave the list for the detail");

  send_keys (window, "shift+Tab");
  WAIT_UNTIL ((focus = gtk_window_get_focus (window)) != NULL
              && gtk_widget_is_ancestor (focus, people), "Shift+Tab back into the list");
  send_keys (window, "shift+Tab");
  WAIT_UNTIL ((focus = gtk_window_get_focus (window)) != NULL
              && !gtk_widget_is_ancestor (focus, people) && !gtk_widget_is_ancestor (focus, detail),
              "Shift+Tab to leave the list for the controls above it");

  /* The network picture: the arrows go from node to node, Return shows the node's record. A
   * person with links, chosen with Down. */
  {
    BbNetworkGraph *graph = NULL;
    int centre;

    gtk_widget_grab_focus (people);
    for (guint i = 0; i < 40; i++)
      {
        BbRecord *before = bb_network_view_get_selected (view);

        graph = bb_network_view_get_graph (view);
        if (graph != NULL && bb_network_graph_get_neighbourhood (graph) != NULL
            && bb_neighbourhood_get_n_nodes (bb_network_graph_get_neighbourhood (graph)) > 1)
          break;
        send_keys (window, "Down");
        WAIT_UNTIL (bb_network_view_get_selected (view) != before, "Down to choose the next person");
        settle ();
        graph = NULL;
      }
    g_assert_nonnull (graph);

    first = bb_network_view_get_selected (view);
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (graph)));
    centre = bb_network_graph_get_focus_node (graph);
    send_keys (window, "Right");
    WAIT_UNTIL (bb_network_graph_get_focus_node (graph) != centre, "Right to go to the next node");
    send_keys (window, "Left");
    WAIT_UNTIL (bb_network_graph_get_focus_node (graph) == centre, "Left to go back");
    send_keys (window, "Right Return");
    WAIT_UNTIL (bb_network_view_get_selected (view) != first
                || g_strcmp0 (adw_view_stack_get_visible_child_name (_bb_window_get_view_stack (fixture->window)),
                              "network") != 0,
                "Return to show the node's record");
  }
}

/* A narrow window: Return on a record shows its detail in place of the list, Alt+Left goes back
 * to the list, with the focus in it. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  BbNetworkView *view = BB_NETWORK_VIEW (_bb_window_get_view (fixture->window, "network"));
  AdwLeaflet *leaflet = template_child (view, BB_TYPE_NETWORK_VIEW, "leaflet");
  GtkWidget *people = template_child (view, BB_TYPE_NETWORK_VIEW, "people_view");
  GtkWidget *detail = template_child (view, BB_TYPE_NETWORK_VIEW, "detail");

  show_view (fixture, "alt+2", "network");
  gtk_window_set_default_size (window, 360, 700);
  WAIT_UNTIL (adw_leaflet_get_folded (leaflet), "the narrow window to fold the view");
  settle ();
  gtk_widget_grab_focus (GTK_WIDGET (view));

  send_keys (window, "Down");
  WAIT_UNTIL (gtk_widget_is_ancestor (gtk_window_get_focus (window), people), "a person focused");
  send_keys (window, "Return");
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == detail, "Return to show the detail");
  WAIT_UNTIL (gtk_widget_is_ancestor (gtk_window_get_focus (window), detail),
              "the focus in the detail");

  send_keys (window, "alt+Left");
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) != detail, "Alt+Left to go back to the list");
  WAIT_UNTIL (gtk_widget_is_ancestor (gtk_window_get_focus (window), people),
              "the focus back in the list");
}

/* The search: typed into, Down chooses a result, Return shows it. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  BbSearchPopover *popover = _bb_window_get_search_popover (fixture->window);
  GListModel *results = bb_search_popover_get_results (popover);
  g_autoptr(GListModel) list = bb_store_list (fixture->store, BB_TYPE_SHELTER);
  g_autoptr(BbRecord) shelter = g_list_model_get_item (list, 0);
  g_autofree char *name = bb_record_dup_label (shelter);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(BbSearchHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);
  int status;

  /* xdotool types what the keyboard map of Xvfb has: the name up to its first letter beyond
   * ASCII ("AE Schlo" of "AE Schloßstraße"). */
  for (char *c = name; *c != '\0'; c++)
    if ((guchar) *c >= 0x80)
      *c = '\0';
  g_assert_cmpuint (strlen (name), >=, 3);

  show_view (fixture, "alt+3", "consultations");
  send_keys (window, "ctrl+f");
  WAIT_UNTIL (popover_shown (GTK_WIDGET (popover)), "Ctrl+F to open the search");
  g_assert_nonnull (xdotool);
  g_spawn_sync (NULL, (char *[]) { xdotool, (char *) "type", (char *) "--delay", (char *) "20",
                                   name, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (bb_search_popover_get_entry (popover)), name) == 0,
              "the name typed into the search");
  WAIT_UNTIL (g_list_model_get_n_items (results) > 0, "search results");
  settle ();
  {
    GtkSingleSelection *selection =
      GTK_SINGLE_SELECTION (gtk_list_view_get_model (bb_search_popover_get_list_view (popover)));
    guint before = gtk_single_selection_get_selected (selection);

    send_keys (window, "Down");
    WAIT_UNTIL (gtk_single_selection_get_selected (selection) != before
                || (before == 0 && g_list_model_get_n_items (results) == 1),
                "Down to choose a result");
    hit = g_object_ref (gtk_single_selection_get_selected_item (selection));
  }

  send_keys (window, "Return");
  WAIT_UNTIL (!popover_shown (GTK_WIDGET (popover)), "Return to show the result");
  WAIT_UNTIL (g_strcmp0 (adw_view_stack_get_visible_child_name (stack),
                         bb_window_view_for_type (bb_search_hit_get_record_type (hit))) == 0,
              "the view of the result");
}

/* The shortcuts window lists every shortcut of the program, and each one it lists is bound. */

/* Keys that widgets handle in their own key handlers (no shortcut controller to read): the
 * month (arrows, Page Up/Down, Home), the network picture (arrows, Return), the search (Down,
 * Return, Escape), the lists (Up, Down; Tab and Shift+Tab leave them: bb-browser.c), the
 * leaflets' Alt+Left (back to the list from the detail of a folded view) and GtkMenuButton's
 * F10. The tests above type each of them where the shortcuts window says. */
static const char * const handled_keys[] = {
  "Up", "Down", "Left", "Right", "Page_Up", "Page_Down", "Home", "Return", "Escape", "Tab",
  "<Shift>Tab", "F10", "<Alt>Left",
};

static char *
dup_accel_name (guint           keyval,
                GdkModifierType modifiers)
{
  keyval = gdk_keyval_to_lower (keyval);
  /* The keypad's Enter does what Return does and is not listed apart. */
  if (keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    keyval = GDK_KEY_Return;
  if (keyval == GDK_KEY_ISO_Left_Tab)
    {
      keyval = GDK_KEY_Tab;
      modifiers |= GDK_SHIFT_MASK;
    }

  return gtk_accelerator_name (keyval, modifiers & gtk_accelerator_get_default_mod_mask ());
}

static void
add_trigger (GHashTable         *keys,
             GtkShortcutTrigger *trigger,
             const char         *where)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (keys, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
      add_trigger (keys, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_insert (keys,
                         dup_accel_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                         g_strdup (where));
}

static void
add_controller_keys (GHashTable            *keys,
                     GtkShortcutController *controller,
                     GHashTable            *except,
                     const char            *where)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
      g_autoptr(GHashTable) one = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GHashTableIter iter;
      gpointer key;

      add_trigger (one, gtk_shortcut_get_trigger (shortcut), where);
      g_hash_table_iter_init (&iter, one);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (except == NULL || !g_hash_table_contains (except, key))
          g_hash_table_insert (keys, g_strdup (key), g_strdup (where));
    }
}

static GtkShortcutController *
find_class_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0)
        return GTK_SHORTCUT_CONTROLLER (controller);
    }

  return NULL;
}

/* The class keys that a Bb class inherits from its first GTK or libadwaita ancestor. */
static GHashTable *
dup_inherited_keys (GType type)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkWidget *widget;
  GtkShortcutController *controller;

  while (g_str_has_prefix (g_type_name (type), "Bb"))
    type = g_type_parent (type);
  if (G_TYPE_IS_ABSTRACT (type))
    return keys;

  widget = g_object_ref_sink (g_object_new (type, NULL));
  controller = find_class_shortcuts (widget);
  if (controller != NULL)
    add_controller_keys (keys, controller, NULL, g_type_name (type));
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);

  return keys;
}

/* The keys bound in widget and below it: the class keys that our classes add (not those they
 * inherit from GTK and libadwaita), and our own shortcut controllers (named "bb-…"). */
static void
collect_keys (GHashTable *keys,
              GtkWidget  *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  const char *type_name = G_OBJECT_TYPE_NAME (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      const char *name;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      name = gtk_event_controller_get_name (controller);
      if (g_strcmp0 (name, "gtk-widget-class-shortcuts") == 0 && g_str_has_prefix (type_name, "Bb"))
        {
          g_autoptr(GHashTable) inherited = dup_inherited_keys (G_OBJECT_TYPE (widget));

          add_controller_keys (keys, GTK_SHORTCUT_CONTROLLER (controller), inherited, type_name);
        }
      else if (name != NULL && g_str_has_prefix (name, "bb-"))
        add_controller_keys (keys, GTK_SHORTCUT_CONTROLLER (controller), NULL, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_keys (keys, child);
}

static void
collect_app_keys (GHashTable     *keys,
                  GtkApplication *app)
{
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &modifiers));
          g_hash_table_insert (keys, dup_accel_name (keyval, modifiers), g_strdup (actions[i]));
        }
    }
}

/* Every key of the shortcuts window, from its accelerators and action names. */
static GHashTable *
dup_listed_keys (GtkWidget      *widget,
                 GtkApplication *app,
                 GHashTable     *keys)
{
  if (keys == NULL)
    keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action_name,
                    "title", &title, NULL);
      g_assert_true (accelerator != NULL || action_name != NULL);
      if (accelerator != NULL)
        accels = g_strsplit (accelerator, " ", -1);
      else
        accels = gtk_application_get_accels_for_action (app, action_name);
      g_assert_cmpuint (g_strv_length (accels), >, 0);

      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &modifiers));
          g_hash_table_insert (keys, dup_accel_name (keyval, modifiers), g_strdup (title));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dup_listed_keys (child, app, keys);

  return keys;
}

/* The group of the shortcuts window with this title, or NULL. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *group_title = NULL;

      g_object_get (widget, "title", &group_title, NULL);
      if (g_strcmp0 (group_title, title) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_shortcuts_window_complete (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  BbCalendarView *calendar = BB_CALENDAR_VIEW (_bb_window_get_view (fixture->window, "calendar"));
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(BbCalendarEntry) entry = NULL;
  GtkShortcutsWindow *overlay;
  GHashTableIter iter;
  gpointer key, value;
  GtkWindow *dialog;
  GDate date;
  guint n_view_keys = 0;
  const BbViewShortcut *view_shortcuts = bb_view_shortcuts_get (&n_view_keys);

  /* Every view filled, then the window's keys and the application's. */
  for (guint i = 0; i < n_view_keys; i++)
    _bb_window_get_view (fixture->window, view_shortcuts[i].view);
  collect_keys (bound, GTK_WIDGET (window));
  collect_app_keys (bound, GTK_APPLICATION (fixture->app));

  /* The table of the views is installed: each of its keys is among those read. */
  for (guint i = 0; i < n_view_keys; i++)
    {
      guint keyval;
      GdkModifierType modifiers;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (view_shortcuts[i].accel, &keyval, &modifiers));
      name = dup_accel_name (keyval, modifiers);
      g_assert_true (g_hash_table_contains (bound, name));
    }

  /* The editors' keys (BbEditorWindow), the attendance dialog's, the export dialog's and the
   * editor of one date's. */
  show_view (fixture, "alt+1", "shelters");
  send_keys (window, "ctrl+n");
  WAIT_UNTIL (count_visible (BB_TYPE_SHELTER_EDITOR) == 1, "the shelter editor");
  collect_keys (bound, GTK_WIDGET (find_window_of_type (NULL, BB_TYPE_SHELTER_EDITOR)));
  escape_closes (window, find_window_of_type (NULL, BB_TYPE_SHELTER_EDITOR), "the shelter editor");

  show_view (fixture, "alt+4", "calendar");
  reference_date (&date);
  bb_month_view_set_selected_date (_bb_calendar_view_get_month_view (calendar), &date);
  WAIT_UNTIL ((entry = find_entry (calendar, TRUE)) != NULL, "a recurring event in the month");
  _bb_calendar_view_show_entry (calendar, entry);
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.attendance", NULL);
  WAIT_UNTIL ((dialog = find_dialog (window)) != NULL, "the attendance dialog");
  collect_keys (bound, GTK_WIDGET (dialog));
  escape_closes (window, dialog, "the attendance dialog");
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.edit-occurrence", NULL);
  WAIT_UNTIL ((dialog = find_dialog (window)) != NULL, "the editor of one date");
  collect_keys (bound, GTK_WIDGET (dialog));
  escape_closes (window, dialog, "the editor of one date");
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.export", NULL);
  WAIT_UNTIL ((dialog = find_dialog (window)) != NULL, "the export dialog");
  collect_keys (bound, GTK_WIDGET (dialog));
  escape_closes (window, dialog, "the export dialog");

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  listed = dup_listed_keys (GTK_WIDGET (overlay), GTK_APPLICATION (fixture->app), NULL);

  /* Each view's keys in the group of that view (the titles untranslated: LANGUAGE is empty). */
  for (guint i = 0; i < n_view_keys; i++)
    {
      AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);
      AdwViewStackPage *page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, view_shortcuts[i].view));
      GtkWidget *group = find_group (GTK_WIDGET (overlay), adw_view_stack_page_get_title (page));
      g_autoptr(GHashTable) in_group = NULL;
      guint keyval;
      GdkModifierType modifiers;
      g_autofree char *name = NULL;

      g_assert_nonnull (group);
      in_group = dup_listed_keys (group, GTK_APPLICATION (fixture->app), NULL);
      g_assert_true (gtk_accelerator_parse (view_shortcuts[i].accel, &keyval, &modifiers));
      name = dup_accel_name (keyval, modifiers);
      if (!g_hash_table_contains (in_group, name))
        g_error ("%s of the view %s is not in its group of the shortcuts window", name,
                 view_shortcuts[i].view);
    }

  /* Every key the program binds is listed … */
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s (bound in %s) is not in the shortcuts window", (char *) key, (char *) value);

  /* … and every key listed is bound, or typed in the tests above. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (bound, key) && !g_strv_contains (handled_keys, key))
      g_error ("“%s” lists %s, which nothing binds", (char *) value, (char *) key);

  g_test_message ("%u keys bound, %u listed", g_hash_table_size (bound), g_hash_table_size (listed));
}

/* The shortcuts window draws every section without a warning, wide and narrow, light and
 * dark. */
static void
test_shortcuts_window_renders (Fixture       *fixture,
                               gconstpointer  data)
{
  static const int widths[] = { 1400, 800 };
  static const char * const sections[] = { "general", "views" };
  GtkWindow *window = GTK_WINDOW (fixture->window);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkShortcutsWindow *overlay;
  guint warnings_before = n_warnings;

  send_keys (window, "ctrl+question");
  WAIT_UNTIL (count_visible (GTK_TYPE_SHORTCUTS_WINDOW) == 1, "Ctrl+? to open the shortcuts");
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
          {
            gtk_window_set_default_size (GTK_WINDOW (overlay), widths[w], 700);
            g_object_set (overlay, "section-name", sections[s], NULL);
            settle ();
            settle ();
            g_test_message ("section %s at %d: %d x %d", sections[s], widths[w],
                            gtk_widget_get_width (GTK_WIDGET (overlay)),
                            gtk_widget_get_height (GTK_WIDGET (overlay)));
          }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpuint (n_warnings, ==, warnings_before);
  escape_closes (window, GTK_WINDOW (overlay), "the shortcuts window");
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (count_warnings, NULL, NULL);
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/keyboard/new-in-every-view", Fixture, NULL, fixture_set_up_demo,
              test_new_in_every_view, fixture_tear_down);
  g_test_add ("/keyboard/calendar", Fixture, NULL, fixture_set_up_demo,
              test_calendar_keys, fixture_tear_down);
  g_test_add ("/keyboard/network-needs-selection", Fixture, NULL, fixture_set_up_demo,
              test_network_needs_selection, fixture_tear_down);
  g_test_add ("/keyboard/escape-closes", Fixture, NULL, fixture_set_up_demo,
              test_escape_closes, fixture_tear_down);
  g_test_add ("/keyboard/lists", Fixture, NULL, fixture_set_up_demo,
              test_lists, fixture_tear_down);
  g_test_add ("/keyboard/narrow", Fixture, NULL, fixture_set_up_demo,
              test_narrow, fixture_tear_down);
  g_test_add ("/keyboard/search", Fixture, NULL, fixture_set_up_demo,
              test_search, fixture_tear_down);
  g_test_add ("/keyboard/shortcuts-window/complete", Fixture, NULL, fixture_set_up_demo,
              test_shortcuts_window_complete, fixture_tear_down);
  g_test_add ("/keyboard/shortcuts-window/renders", Fixture, NULL, fixture_set_up_demo,
              test_shortcuts_window_renders, fixture_tear_down);

  return bb_test_ui_run ();
}
