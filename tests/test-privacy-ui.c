/* test-privacy-ui.c: the data protection actions of the window — a person's Auskunft and
 * erasure from the Netzwerk view, deleting old consultations from the preferences — driven
 * through their real widgets (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-privacy-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bb-format.h"
#include "bb-network-view.h"
#include "bb-person-privacy.h"
#include "bb-preferences-window.h"
#include "bb-record-list.h"
#include "bb-store-private.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static gint64
query_int (BbStore    *store,
           const char *sql,
           gint64      parameter)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _bb_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, parameter);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* The first mapped widget of type below widget for which match holds. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             gboolean  (*match) (GtkWidget *widget, const char *text),
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget)
      && match (widget, text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
tooltip_is (GtkWidget  *widget,
            const char *text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
button_label_is (GtkWidget  *widget,
                 const char *text)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static BbNetworkView *
show_person (Fixture *fixture,
             gint64   person_id)
{
  GtkWidget *view = _bb_window_get_view (fixture->window, "network");
  BbRecord *selected;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "network");
  WAIT_UNTIL (gtk_widget_get_mapped (view), "the network view");
  WAIT_UNTIL (bb_network_view_get_n_items (BB_NETWORK_VIEW (view)) > 0, "the lists to fill");
  g_assert_true (bb_network_view_show_record (BB_NETWORK_VIEW (view), BB_TYPE_PERSON, person_id));
  selected = bb_network_view_get_selected (BB_NETWORK_VIEW (view));
  g_assert_true (BB_IS_PERSON (selected));
  g_assert_cmpint (bb_record_get_id (selected), ==, person_id);

  return BB_NETWORK_VIEW (view);
}

static gboolean button_label_is (GtkWidget  *widget,
                                 const char *text);

/* Answers the dialog as a click on its button does, and waits for it to go. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, button_label_is, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (find_window_of_type (NULL, ADW_TYPE_MESSAGE_DIALOG) == NULL, "the dialog to close");
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  WAIT_UNTIL ((dialog = find_window_of_type (NULL, ADW_TYPE_MESSAGE_DIALOG)) != NULL
              && gtk_widget_get_mapped (GTK_WIDGET (dialog)),
              "the message dialog");

  return dialog;
}

/* Puts the person's family name into the notes of a consultation they did not take part in. */
static gint64
mention_in_notes (BbStore    *store,
                  gint64      person_id,
                  const char *family_name)
{
  gint64 id = query_int (store,
                         "SELECT id FROM consultation WHERE id NOT IN (SELECT consultation_id"
                         " FROM consultation_person WHERE person_id = ?1) ORDER BY id LIMIT 1",
                         person_id);
  g_autoptr(BbConsultation) consultation = bb_store_get (store, BB_TYPE_CONSULTATION, id, NULL);
  g_autofree char *notes = g_strdup_printf ("Rückruf bei %s vereinbart.", family_name);
  g_autoptr(GError) error = NULL;

  bb_consultation_set_notes (consultation, notes);
  g_assert_true (bb_store_update (store, BB_RECORD (consultation), &error));
  g_assert_no_error (error);

  return id;
}

static void
test_person (Fixture       *fixture,
             gconstpointer  data)
{
  BbStore *store = fixture->store;
  gint64 person_id = query_int (store,
                                "SELECT person_id FROM consultation_person GROUP BY person_id"
                                " ORDER BY count(*) DESC, person_id LIMIT ?1", 1);
  gint64 taken_part = query_int (store,
                                 "SELECT consultation_id FROM consultation_person"
                                 " WHERE person_id = ?1 LIMIT 1", person_id);
  g_autoptr(BbPerson) person = bb_store_get (store, BB_TYPE_PERSON, person_id, NULL);
  g_autofree char *name = bb_record_dup_label (BB_RECORD (person));
  g_autofree char *family = g_strdup (bb_person_get_family_name (person));
  g_autofree char *path = g_build_filename (fixture->dir, "auskunft.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) people = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  BbNetworkView *view;
  AdwMessageDialog *dialog;
  GtkWidget *menu_button;
  GStatBuf st;
  gint64 mentioned;

  g_assert_nonnull (family);
  mentioned = mention_in_notes (store, person_id, family);
  view = show_person (fixture, person_id);

  /* The detail offers both actions in its Personal Data menu. */
  WAIT_UNTIL ((menu_button = find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, tooltip_is,
                                          "Personal Data")) != NULL,
              "the Personal Data menu of the person");
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, "action", "s", &first));
    g_assert_true (g_menu_model_get_item_attribute (menu, 1, "action", "s", &second));
    g_assert_cmpstr (first, ==, "network.export-person");
    g_assert_cmpstr (second, ==, "network.erase-person");
  }

  /* Export by path, as the file chooser's answer does: a private file and a toast. */
  g_assert_true (bb_person_privacy_export (GTK_WIDGET (view), store, person_id, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, name));
  g_assert_nonnull (strstr (contents, "Consultations Taken Part In"));
  g_assert_nonnull (strstr (contents, "vereinbart."));
  WAIT_UNTIL (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is,
                           "Saved “auskunft.txt”") != NULL,
              "the toast of the export");

  /* Erase: the dialog names the person and lists the notes that still mention them. */
  mentions = bb_privacy_list_mentions (store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, >=, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "network.erase-person", NULL));
  dialog = wait_for_dialog ();
  heading = g_strdup_printf ("Erase “%s”?", name);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (adw_message_dialog_get_extra_child (dialog));
  collect_rows (adw_message_dialog_get_extra_child (dialog), rows);
  g_assert_cmpuint (rows->len, ==, MIN (mentions->len, 50));
  for (guint i = 0; i < rows->len; i++)
    {
      BbPrivacyMention *mention = g_ptr_array_index (mentions, i);
      g_autofree char *date = bb_format_date_time (mention->started_at);

      g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, date);
      if (mention->consultation_id == mentioned)
        g_assert_false (mention->linked);
    }
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  /* Cancel changes nothing; Erase removes them everywhere, without Undo. */
  respond (dialog, "_Cancel");
  g_assert_nonnull (bb_store_get (store, BB_TYPE_PERSON, person_id, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "network.erase-person", NULL));
  dialog = wait_for_dialog ();
  respond (dialog, "_Erase");
  g_assert_null (bb_store_get (store, BB_TYPE_PERSON, person_id, NULL));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM consultation_person"
                                     " WHERE person_id = ?1", person_id), ==, 0);
  people = bb_store_get_consultation_people (store, taken_part);
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpint (g_array_index (people, gint64, i), !=, person_id);
  g_assert_nonnull (bb_store_get (store, BB_TYPE_CONSULTATION, taken_part, NULL));

  toast = g_strdup_printf ("“%s” erased", name);
  WAIT_UNTIL (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is, toast) != NULL,
              "the toast of the erasure");
  g_assert_null (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, button_label_is,
                              "_Undo"));
  WAIT_UNTIL (bb_record_list_find (BB_RECORD_LIST (bb_network_view_get_model (view,
                                                                               BB_TYPE_PERSON)),
                                   person_id) == G_MAXUINT,
              "the person gone from the list");
  WAIT_UNTIL (bb_network_view_get_selected (view) == NULL
              || bb_record_get_id (bb_network_view_get_selected (view)) != person_id,
              "the person gone from the detail");
  g_assert_null (find_title_label (GTK_WIDGET (view), name));

  /* The search finds the notes that still mention them, but no person of that name. */
  hits = bb_store_search (store, family, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(BbSearchHit) hit = g_list_model_get_item (hits, i);

      g_assert_false (bb_search_hit_get_record_type (hit) == BB_TYPE_PERSON
                      && bb_search_hit_get_id (hit) == person_id);
    }
}

static gint64
add_consultation_days_ago (BbStore *store,
                           int      years,
                           int      days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) years_ago = g_date_time_add_years (now, -years);
  g_autoptr(GDateTime) then = g_date_time_add_days (years_ago, -days);
  g_autofree char *started_at = g_date_time_format (then, "%Y-%m-%dT00:00");
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GError) error = NULL;

  bb_consultation_set_started_at (consultation, started_at);
  bb_consultation_set_notes (consultation, "Alte Beratung");
  g_assert_true (bb_store_insert (store, BB_RECORD (consultation), &error));
  g_assert_no_error (error);

  return bb_record_get_id (BB_RECORD (consultation));
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  BbStore *store = fixture->store;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *expected_toast = NULL;
  g_autofree char *count_text = NULL;
  BbPreferencesWindow *preferences;
  AdwActionRow *row;
  AdwMessageDialog *dialog;
  GtkWidget *delete_button;
  BbRetention retention;
  g_autoptr(GError) error = NULL;
  gint64 kept, day_before, ancient;
  guint n_expired;

  kept = add_consultation_days_ago (store, 2, 0);
  day_before = add_consultation_days_ago (store, 2, 1);
  ancient = add_consultation_days_ago (store, 12, 0);
  g_assert_true (bb_privacy_count_expired (store, today, 2, &retention, &error));
  g_assert_cmpuint (retention.n_consultations, >=, 2);
  n_expired = retention.n_consultations;

  g_settings_set_int (settings, "retention-years", 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  WAIT_UNTIL ((preferences = find_window_of_type (GTK_APPLICATION (fixture->app),
                                                  BB_TYPE_PREFERENCES_WINDOW)) != NULL
              && gtk_widget_get_mapped (GTK_WIDGET (preferences)),
              "the preferences window");
  row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                       BB_TYPE_PREFERENCES_WINDOW,
                                                       "retention_row"));

  /* Off: nothing to delete. */
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Off: consultations are kept without a limit");
  delete_button = find_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, button_label_is,
                               "_Delete…");
  g_assert_nonnull (delete_button);
  g_assert_false (gtk_widget_is_sensitive (delete_button));

  /* The spin button writes the setting; the row counts what is older. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
                               GTK_WIDGET (preferences), BB_TYPE_PREFERENCES_WINDOW,
                               "retention_years_spin")), 2);
  g_assert_cmpint (g_settings_get_int (settings, "retention-years"), ==, 2);
  count_text = g_strdup_printf ("%u consultations from before ", n_expired);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), count_text));

  g_assert_true (gtk_widget_is_sensitive (delete_button));
  g_signal_emit_by_name (delete_button, "clicked");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Old Consultations?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), count_text));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "_Delete");

  g_assert_null (bb_store_get (store, BB_TYPE_CONSULTATION, day_before, NULL));
  g_assert_null (bb_store_get (store, BB_TYPE_CONSULTATION, ancient, NULL));
  g_assert_nonnull (bb_store_get (store, BB_TYPE_CONSULTATION, kept, NULL));
  g_assert_true (bb_privacy_count_expired (store, today, 2, &retention, &error));
  g_assert_cmpuint (retention.n_consultations, ==, 0);

  expected_toast = g_strdup_printf ("%u consultations deleted", n_expired);
  WAIT_UNTIL (find_widget (GTK_WIDGET (preferences), GTK_TYPE_LABEL, label_is,
                           expected_toast) != NULL,
              "the toast of the deletion");
  WAIT_UNTIL (g_str_has_prefix (adw_action_row_get_subtitle (row), "0 consultations"),
              "the row to count again");
  g_assert_false (gtk_widget_is_sensitive (delete_button));

  g_settings_set_int (settings, "retention-years", 0);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/privacy/person", Fixture, NULL, fixture_set_up_demo, test_person,
              fixture_tear_down);
  g_test_add ("/ui/privacy/retention", Fixture, NULL, fixture_set_up_demo, test_retention,
              fixture_tear_down);

  return bb_test_ui_run ();
}
