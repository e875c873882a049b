/* test-shelters-ui.c: the Unterkünfte view and the shelter editor driven through their real
 * widgets (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-shelters-ui"

#include "config.h"

#include "bb-format.h"
#include "bb-shelter-editor-private.h"
#include "bb-shelter-view-private.h"
#include "bb-store-shelters.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static const char * const view_keys[] = {
  "shelter-filter-region", "shelter-filter-district", "shelter-filter-type",
  "shelter-filter-status", "shelter-sort", "shelter-no-contact", "no-contact-weeks",
  "default-region",
};

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  fixture_tear_down (fixture, data);
  /* The settings live as long as the process: the next test starts from the defaults. */
  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    g_settings_reset (settings, view_keys[i]);
}

static BbShelterView *
show_shelters (Fixture *fixture)
{
  BbShelterView *view;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "shelters");
  view = BB_SHELTER_VIEW (_bb_window_get_view (fixture->window, "shelters"));
  WAIT_UNTIL (bb_shelter_view_get_n_items (view) > 0, "the shelters to be listed");

  return view;
}

/* The position of the shelter id in the view's list, or -1. */
static int
list_position (BbShelterView *view,
               gint64         id)
{
  GListModel *model = _bb_shelter_view_get_model (view);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (model, i);

      if (bb_record_get_id (record) == id)
        return (int) i;
    }

  return -1;
}

static gint64
find_shelter_by_name (BbStore    *store,
                      const char *name)
{
  g_autoptr(GListModel) shelters = bb_store_list (store, BB_TYPE_SHELTER);
  guint n = g_list_model_get_n_items (shelters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbShelter) shelter = g_list_model_get_item (shelters, i);

      if (g_strcmp0 (bb_shelter_get_name (shelter), name) == 0)
        return bb_record_get_id (BB_RECORD (shelter));
    }

  return 0;
}

static BbShelterEditor *
open_editor (Fixture    *fixture,
             const char *action)
{
  BbShelterEditor *editor;

  g_assert_null (find_window_of_type (NULL, BB_TYPE_SHELTER_EDITOR));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  editor = find_window_of_type (NULL, BB_TYPE_SHELTER_EDITOR);
  g_assert_nonnull (editor);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)), "the editor to show");

  return editor;
}

static void
set_text (BbShelterEditor *editor,
          const char      *row,
          const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_bb_shelter_editor_get_widget (editor, row)), text);
}

/* Chooses the district by its name in the editor's combo row. */
static void
choose_district (BbShelterEditor *editor,
                 const char      *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (_bb_shelter_editor_get_widget (editor, "district_row"));
  GListModel *model = adw_combo_row_get_model (row);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static gboolean
message_shown (BbShelterEditor *editor,
               const char      *message_id)
{
  GtkWidget *label = _bb_shelter_editor_get_widget (editor, message_id);

  return gtk_widget_get_mapped (label)
         && gtk_label_get_text (GTK_LABEL (label))[0] != '\0';
}

static void
save (BbShelterEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* Ctrl+S activates this action. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL, "the editor to close after saving");
}

static void
test_create_edit_filter (Fixture       *fixture,
                         gconstpointer  data)
{
  BbShelterView *view = show_shelters (fixture);
  BbShelterEditor *editor;
  g_autoptr(BbShelter) stored = NULL;
  GtkDropDown *status_dropdown;
  gint64 n_before = bb_store_count (fixture->store, BB_TYPE_SHELTER);
  gint64 id;

  /* Create. */
  editor = open_editor (fixture, "shelter-view.new");
  set_text (editor, "name_row", "Testhaus Lindenweg");
  choose_district (editor, "Pankow");
  set_text (editor, "postcode_row", "13187");
  set_text (editor, "capacity_row", "80");
  set_text (editor, "residents_row", "60");
  set_text (editor, "opened_row", "01.03.2026");
  set_text (editor, "email_row", "info@testhaus.example");
  save (editor);

  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, n_before + 1);
  id = find_shelter_by_name (fixture->store, "Testhaus Lindenweg");
  g_assert_cmpint (id, >, 0);
  stored = bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL);
  g_assert_cmpstr (bb_shelter_get_postcode (stored), ==, "13187");
  g_assert_cmpstr (bb_shelter_get_opened_on (stored), ==, "2026-03-01");
  g_assert_cmpint (bb_shelter_get_residents (stored), ==, 60);
  g_assert_cmpint (list_position (view, id), >=, 0);
  WAIT_UNTIL (bb_shelter_view_get_selected (view) != NULL
              && bb_record_get_id (bb_shelter_view_get_selected (view)) == id,
              "the new shelter to be selected");
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), "Testhaus Lindenweg") != NULL,
              "the new shelter in the detail pane");

  /* Edit: more residents than places warns but saves. */
  editor = open_editor (fixture, "shelter-view.edit");
  set_text (editor, "name_row", "Testhaus Lindenweg Nord");
  set_text (editor, "residents_row", "95");
  g_assert_true (message_shown (editor, "residents_message"));
  g_assert_true (bb_shelter_editor_is_valid (editor));
  save (editor);
  g_clear_object (&stored);
  stored = bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL);
  g_assert_cmpstr (bb_shelter_get_name (stored), ==, "Testhaus Lindenweg Nord");
  g_assert_cmpint (bb_shelter_get_residents (stored), ==, 95);
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), "Testhaus Lindenweg Nord") != NULL,
              "the new name in the detail pane");

  /* Search it out and back. */
  gtk_editable_set_text (_bb_shelter_view_get_search_entry (view), "lindenweg nord");
  WAIT_UNTIL (g_list_model_get_n_items (_bb_shelter_view_get_model (view)) == 1,
              "the search to find only the new shelter");
  g_assert_cmpint (list_position (view, id), ==, 0);
  gtk_editable_set_text (_bb_shelter_view_get_search_entry (view), "no such shelter anywhere");
  WAIT_UNTIL (g_list_model_get_n_items (_bb_shelter_view_get_model (view)) == 0,
              "the search to find nothing");
  g_assert_nonnull (find_status_page (GTK_WIDGET (view), "No Matching Shelters"));
  gtk_editable_set_text (_bb_shelter_view_get_search_entry (view), "");
  WAIT_UNTIL ((gint64) g_list_model_get_n_items (_bb_shelter_view_get_model (view))
              == n_before + 1, "every shelter again");

  /* Filter it out by status and back. */
  status_dropdown = _bb_shelter_view_get_status_dropdown (view);
  gtk_drop_down_set_selected (status_dropdown,
                              1 + bb_codes_index (BB_CODES_SHELTER_STATUS, "closed"));
  g_assert_cmpint (list_position (view, id), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (_bb_shelter_view_get_model (view)), >, 0);
  {
    /* The filter is kept for the next start. */
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autofree char *status = g_settings_get_string (settings, "shelter-filter-status");

    g_assert_cmpstr (status, ==, "closed");
  }
  gtk_drop_down_set_selected (status_dropdown, 0);
  g_assert_cmpint (list_position (view, id), >=, 0);
}

static void
test_invalid_postcode (Fixture       *fixture,
                       gconstpointer  data)
{
  BbShelterView *view = show_shelters (fixture);
  gint64 n_before = bb_store_count (fixture->store, BB_TYPE_SHELTER);
  BbShelterEditor *editor;
  GtkWidget *postcode_row;

  g_assert_nonnull (view);
  editor = open_editor (fixture, "shelter-view.new");
  postcode_row = _bb_shelter_editor_get_widget (editor, "postcode_row");

  /* Nothing typed: Save names the required fields. */
  g_assert_false (bb_shelter_editor_save (editor));
  g_assert_true (message_shown (editor, "name_message"));
  g_assert_true (message_shown (editor, "district_message"));

  set_text (editor, "name_row", "Haus mit falscher Postleitzahl");
  choose_district (editor, "Mitte");
  g_assert_false (message_shown (editor, "name_message"));
  set_text (editor, "postcode_row", "1011");
  g_assert_true (message_shown (editor, "postcode_message"));
  g_assert_true (gtk_widget_has_css_class (postcode_row, "error"));
  g_assert_false (bb_shelter_editor_save (editor));
  settle ();
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, n_before);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  /* Dates out of order and a bad e-mail address are refused as well. */
  set_text (editor, "postcode_row", "10115");
  g_assert_false (message_shown (editor, "postcode_message"));
  g_assert_false (gtk_widget_has_css_class (postcode_row, "error"));
  set_text (editor, "opened_row", "2026-05-01");
  set_text (editor, "closed_row", "30.04.2026");
  g_assert_true (message_shown (editor, "closed_message"));
  set_text (editor, "closed_row", "31.02.2026");
  g_assert_true (message_shown (editor, "closed_message"));
  set_text (editor, "closed_row", "");
  set_text (editor, "email_row", "kein at zeichen");
  g_assert_true (message_shown (editor, "email_message"));
  g_assert_false (bb_shelter_editor_save (editor));
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, n_before);

  set_text (editor, "email_row", "");
  save (editor);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, n_before + 1);
}

static gint64
shelter_with_consultations (BbStore *store)
{
  g_autoptr(GListModel) shelters = bb_store_list (store, BB_TYPE_SHELTER);
  guint n = g_list_model_get_n_items (shelters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRecord) shelter = g_list_model_get_item (shelters, i);

      if (bb_store_count_shelter_consultations (store, bb_record_get_id (shelter)) > 0)
        return bb_record_get_id (shelter);
    }

  return 0;
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  BbShelterView *view = show_shelters (fixture);
  gint64 id = shelter_with_consultations (fixture->store);
  gint64 n_consultations;
  AdwMessageDialog *dialog;
  g_autoptr(BbShelter) back = NULL;

  g_assert_cmpint (id, >, 0);
  n_consultations = bb_store_count_shelter_consultations (fixture->store, id);
  g_assert_true (bb_shelter_view_show_record (view, BB_TYPE_SHELTER, id));

  /* A shelter with consultations asks first and explains what happens to them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "shelter-view.delete", NULL);
  dialog = find_window_of_type (NULL, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stay in the log"));
  adw_message_dialog_response (dialog, "delete");
  settle ();

  g_assert_null (bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL));
  g_assert_cmpint (list_position (view, id), ==, -1);
  g_assert_cmpint (bb_store_count_shelter_consultations (fixture->store, id), ==, 0);

  /* The toast's Undo button activates this action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "shelter-view.undo-delete", NULL);
  settle ();
  back = bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (list_position (view, id), >=, 0);
  g_assert_cmpint (bb_store_count_shelter_consultations (fixture->store, id), ==, n_consultations);
}

/* The shelters "No Recent Contact" should list, worked out record by record: not closed, in
 * region, and no consultation in the last weeks * 7 days. */
static GHashTable *
expected_no_contact (BbStore *store,
                     gint64   region,
                     int      weeks)
{
  g_autoptr(GListModel) shelters = bb_store_list (store, BB_TYPE_SHELTER);
  g_autofree char *today = bb_format_today_iso ();
  GHashTable *expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GDate today_date;

  g_assert_true (bb_format_parse_date (today, &today_date));
  for (guint i = 0; i < g_list_model_get_n_items (shelters); i++)
    {
      g_autoptr(BbShelter) shelter = g_list_model_get_item (shelters, i);
      gint64 id = bb_record_get_id (BB_RECORD (shelter));
      g_autoptr(BbDistrict) district = bb_store_get (store, BB_TYPE_DISTRICT,
                                                     bb_shelter_get_district_id (shelter), NULL);
      g_autoptr(GListModel) consultations = bb_store_list_related (store, BB_TYPE_CONSULTATION,
                                                                   "shelter-id", id);
      int fewest_days = G_MAXINT;

      for (guint j = 0; j < g_list_model_get_n_items (consultations); j++)
        {
          g_autoptr(BbConsultation) c = g_list_model_get_item (consultations, j);
          GDate date;

          g_assert_true (bb_format_parse_date (bb_consultation_get_started_at (c), &date));
          fewest_days = MIN (fewest_days, g_date_days_between (&date, &today_date));
        }

      if (bb_district_get_region_id (district) == region
          && g_strcmp0 (bb_shelter_get_status (shelter), "closed") != 0
          && fewest_days > 7 * weeks)
        g_hash_table_add (expected, g_memdup2 (&id, sizeof id));
    }

  return expected;
}

static void
test_no_contact (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  BbShelterView *view = show_shelters (fixture);
  g_autoptr(GListModel) shelters = bb_store_list (fixture->store, BB_TYPE_SHELTER);
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *today = bb_format_today_iso ();
  GListModel *model = _bb_shelter_view_get_model (view);
  gint64 region = 0;
  int weeks = 0;
  guint n_expected;

  /* The small demo data has few shelters: take the longest period that lists some. */
  for (weeks = 12; weeks > 0 && region == 0; weeks--)
    for (gint64 r = 1; r <= 3 && region == 0; r++)
      {
        g_clear_pointer (&expected, g_hash_table_unref);
        expected = expected_no_contact (fixture->store, r, weeks);
        if (g_hash_table_size (expected) > 0)
          region = r;
      }
  weeks++;
  g_assert_cmpint (region, >, 0);
  n_expected = g_hash_table_size (expected);
  g_test_message ("region %" G_GINT64_FORMAT ", %d weeks: %u shelters", region, weeks,
                  n_expected);

  g_settings_set_int64 (settings, "default-region", region);
  g_settings_set_int (settings, "no-contact-weeks", weeks);
  gtk_toggle_button_set_active (_bb_shelter_view_get_no_contact_button (view), TRUE);
  settle ();

  for (guint i = 0; i < g_list_model_get_n_items (shelters); i++)
    {
      g_autoptr(BbRecord) shelter = g_list_model_get_item (shelters, i);
      gint64 id = bb_record_get_id (shelter);

      g_assert_cmpint (list_position (view, id) >= 0, ==, g_hash_table_contains (expected, &id));
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);

  /* A consultation today takes the first shelter off the list. */
  {
    g_autoptr(BbRecord) first = g_list_model_get_item (model, 0);
    g_autofree char *now = g_strconcat (today, "T09:00", NULL);
    g_autoptr(BbConsultation) consultation = NULL;
    g_autoptr(GError) error = NULL;

    consultation = g_object_new (BB_TYPE_CONSULTATION,
                                 "shelter-id", bb_record_get_id (first),
                                 "started-at", now,
                                 NULL);
    g_assert_true (bb_store_insert (fixture->store, BB_RECORD (consultation), &error));
    g_assert_no_error (error);
    settle ();
    g_assert_cmpint (list_position (view, bb_record_get_id (first)), ==, -1);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected - 1);
  }

  /* Back to all shelters. */
  gtk_toggle_button_set_active (_bb_shelter_view_get_no_contact_button (view), FALSE);
  g_assert_cmpint (g_list_model_get_n_items (model), ==,
                   bb_store_count (fixture->store, BB_TYPE_SHELTER));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/shelters/create-edit-filter", Fixture, NULL,
              fixture_set_up_demo, test_create_edit_filter, tear_down);
  g_test_add ("/ui/shelters/invalid-postcode", Fixture, NULL,
              fixture_set_up_demo, test_invalid_postcode, tear_down);
  g_test_add ("/ui/shelters/delete-undo", Fixture, NULL,
              fixture_set_up_demo, test_delete_undo, tear_down);
  g_test_add ("/ui/shelters/no-contact", Fixture, NULL,
              fixture_set_up_demo, test_no_contact, tear_down);

  return bb_test_ui_run ();
}
