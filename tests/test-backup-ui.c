/* test-backup-ui.c: backup and restore from the window, and the automatic backup (Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-backup-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bb-calendar-view.h"
#include "bb-consultation-view.h"
#include "bb-network-view.h"
#include "bb-preferences-window.h"
#include "bb-shelter-view.h"
#include "bb-test-ui.h"
#include "bb-window-backup.h"
#include "bb-window-private.h"

/* The user's own database (not marked as demo data) with the demo's content. */
static void
fixture_set_up_own (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  fixture->dir = g_dir_make_tmp ("test-backup-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "brueckenbuch.sqlite3", NULL);
  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);

  reference_date (&date);
  g_assert_true (bb_demo_generate (fixture->store, BB_TEST_DEMO_SCALE, 1, &date, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_set_meta (fixture->store, "demo", NULL, &error));
  g_assert_no_error (error);

  fixture_open_app (fixture);
  fixture_open_window (fixture);
}

/* The id of the record at position in the store's list of type. */
static gint64
nth_id (BbStore *store,
        GType    type,
        guint    position)
{
  g_autoptr(GListModel) records = bb_store_list (store, type);
  g_autoptr(BbRecord) record = g_list_model_get_item (records, position);

  g_assert_nonnull (record);

  return bb_record_get_id (record);
}

/* Items in each of the four list views, as "shelters network consultations calendar". */
static char *
dup_view_counts (Fixture *fixture)
{
  BbWindow *window = fixture->window;

  return g_strdup_printf ("%u %u %u %u",
                          bb_shelter_view_get_n_items (BB_SHELTER_VIEW (_bb_window_get_view (window, "shelters"))),
                          bb_network_view_get_n_items (BB_NETWORK_VIEW (_bb_window_get_view (window, "network"))),
                          bb_consultation_view_get_n_items (BB_CONSULTATION_VIEW (_bb_window_get_view (window, "consultations"))),
                          bb_calendar_view_get_n_items (BB_CALENDAR_VIEW (_bb_window_get_view (window, "calendar"))));
}

static gboolean
view_counts_are (Fixture    *fixture,
                 const char *expected)
{
  g_autofree char *counts = dup_view_counts (fixture);

  return g_strcmp0 (counts, expected) == 0;
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, mode);
}

/* The one message dialog with this heading, or NULL. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;

  return NULL;
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "Sicherung vom Montag.sqlite3", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "Notizen.sqlite3", NULL);
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_changed = NULL;
  g_autofree char *counts_cancelled = NULL;
  g_autofree char *counts_refused = NULL;
  g_autofree char *name = NULL;
  g_autoptr(BbShelter) shelter = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *shelters = _bb_window_get_view (fixture->window, "shelters");
  AdwMessageDialog *dialog;
  AdwMessageDialog *refusal;
  gint64 renamed_id = nth_id (fixture->store, BB_TYPE_SHELTER, 0);
  gint64 deleted_id = nth_id (fixture->store, BB_TYPE_SHELTER, 1);
  gint64 consultation_id = nth_id (fixture->store, BB_TYPE_CONSULTATION, 0);
  gint64 person_id = nth_id (fixture->store, BB_TYPE_PERSON, 0);

  counts_before = dup_view_counts (fixture);
  shelter = bb_store_get (fixture->store, BB_TYPE_SHELTER, renamed_id, &error);
  g_assert_no_error (error);
  name = g_strdup (bb_shelter_get_name (shelter));

  g_assert_true (bb_window_back_up_to (fixture->window, backup, &error));
  g_assert_no_error (error);
  assert_mode (backup, 0600);

  /* Changes after the backup, in every view. */
  bb_shelter_set_name (shelter, "Haus nach der Sicherung");
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (shelter), &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_delete (fixture->store, BB_TYPE_SHELTER, deleted_id, &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_delete (fixture->store, BB_TYPE_CONSULTATION, consultation_id, &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_delete (fixture->store, BB_TYPE_PERSON, person_id, &error));
  g_assert_no_error (error);
  g_assert_true (bb_store_delete (fixture->store, BB_TYPE_EVENT,
                                  nth_id (fixture->store, BB_TYPE_EVENT, 0), &error));
  g_assert_no_error (error);
  settle ();
  counts_changed = dup_view_counts (fixture);
  g_assert_cmpstr (counts_changed, !=, counts_before);
  g_assert_true (bb_window_show_record (fixture->window, BB_TYPE_SHELTER, renamed_id));
  WAIT_UNTIL (find_title_label (shelters, "Haus nach der Sicherung") != NULL, "the changed name");

  /* Cancelling the question changes nothing. */
  dialog = bb_window_ask_restore (fixture->window, backup);
  g_assert_true (find_message_dialog ("Restore From Backup?") == dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Sicherung vom Montag.sqlite3"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "safety copy"));
  /* With the rule of how many stay. */
  {
    g_autofree char *rule = g_strdup_printf ("Only the newest %u safety copies are kept there.",
                                             BB_STORE_SAFETY_COPIES_KEPT);

    g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), rule));
  }
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), folder));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  settle ();
  counts_cancelled = dup_view_counts (fixture);
  g_assert_cmpstr (counts_cancelled, ==, counts_changed);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* Restoring: every view shows the data of the backup again. */
  dialog = bb_window_ask_restore (fixture->window, backup);
  adw_message_dialog_response (dialog, "restore");
  WAIT_UNTIL (view_counts_are (fixture, counts_before), "the views to show the backup");
  WAIT_UNTIL (find_title_label (shelters, name) != NULL, "the shelter's name from the backup");
  g_assert_true (bb_window_show_record (fixture->window, BB_TYPE_SHELTER, deleted_id));
  g_assert_true (bb_window_show_record (fixture->window, BB_TYPE_CONSULTATION, consultation_id));
  g_assert_true (bb_window_show_record (fixture->window, BB_TYPE_PERSON, person_id));
  g_assert_cmpstr (_bb_window_get_page (fixture->window), ==, "views");
  g_assert_false (_bb_window_get_demo_bar_shown (fixture->window));
  g_assert_null (find_message_dialog ("Cannot Restore the Backup"));

  /* The safety copy keeps the data from before the restore. */
  assert_mode (folder, 0700);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *file;
    guint n_copies = 0;

    g_assert_nonnull (dir);
    while ((file = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, file, NULL);

        if (!g_str_has_prefix (file, "brueckenbuch-before-restore-") || !g_str_has_suffix (file, ".sqlite3"))
          continue;
        assert_mode (path, 0600);
        n_copies++;
      }
    g_assert_cmpuint (n_copies, ==, 1);
  }

  /* Not a backup: refused with a message, nothing changed. */
  g_file_set_contents (garbage, "Einkaufsliste: Kaffee, Milch\n", -1, &error);
  g_assert_no_error (error);
  dialog = bb_window_ask_restore (fixture->window, garbage);
  adw_message_dialog_response (dialog, "restore");
  WAIT_UNTIL ((refusal = find_message_dialog ("Cannot Restore the Backup")) != NULL, "the refusal");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "Notizen.sqlite3"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "Nothing has been changed"));
  adw_message_dialog_response (refusal, "close");
  settle ();
  counts_refused = dup_view_counts (fixture);
  g_assert_cmpstr (counts_refused, ==, counts_before);
}

static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_regex_match_simple ("^brueckenbuch-\\d{4}-\\d{2}-\\d{2}\\.sqlite3$", name, 0, 0))
      n++;

  return n;
}

static void
test_automatic (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("brueckenbuch-%s.sqlite3", day);
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *written = g_build_filename (folder, name, NULL);

  /* Switched off: nothing. */
  g_settings_set_boolean (settings, "automatic-backup", FALSE);
  g_assert_false (bb_window_start_automatic_backup (fixture->window));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  g_settings_set_boolean (settings, "automatic-backup", TRUE);
  g_assert_true (bb_window_start_automatic_backup (fixture->window));
  WAIT_UNTIL (!_bb_window_get_backing_up (fixture->window), "the automatic backup");
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  assert_mode (folder, 0700);
  assert_mode (written, 0600);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BbStore) copy = bb_store_open (written, &error);

    g_assert_no_error (error);
    g_assert_cmpint (bb_store_count (copy, BB_TYPE_SHELTER), ==,
                     bb_store_count (fixture->store, BB_TYPE_SHELTER));
  }

  /* Once a day. */
  g_assert_true (bb_window_start_automatic_backup (fixture->window));
  WAIT_UNTIL (!_bb_window_get_backing_up (fixture->window), "the second automatic backup");
  g_assert_cmpuint (count_backups (folder), ==, 1);

  g_settings_reset (settings, "automatic-backup");
}

/* A window closed while its automatic backup runs is gone at once (the backup's thread held it
 * for a moment after its result came back: closing the window then left it alive); the backup
 * is still written. */
static void
test_automatic_window_closed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("brueckenbuch-%s.sqlite3", day);
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *written = g_build_filename (folder, name, NULL);

  g_settings_set_boolean (settings, "automatic-backup", TRUE);
  g_assert_true (bb_window_start_automatic_backup (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_null (fixture->window);
  WAIT_UNTIL (g_file_test (written, G_FILE_TEST_IS_REGULAR), "the automatic backup");
  g_settings_reset (settings, "automatic-backup");
}

static void
test_automatic_not_demo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);

  /* Demo data (and an empty database) are never backed up automatically. */
  g_assert_true (bb_store_is_demo (fixture->store));
  g_assert_false (bb_window_start_automatic_backup (fixture->window));
  g_assert_false (_bb_window_get_backing_up (fixture->window));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_automatic_not_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);

  g_assert_true (bb_store_is_empty (fixture->store));
  g_assert_false (bb_window_start_automatic_backup (fixture->window));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* The mapped row with this title below widget, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget of type below widget, or NULL. */
static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                  : find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *folder = bb_store_dup_backup_folder (fixture->store);
  g_autofree char *folder_display = g_filename_display_name (folder);
  BbPreferencesWindow *preferences;
  AdwActionRow *automatic_row;
  AdwActionRow *keep_row;
  AdwActionRow *folder_row;
  GtkSwitch *automatic;
  GtkSpinButton *keep;

  preferences = bb_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (preferences)), "the preferences window to map");

  automatic_row = find_row (GTK_WIDGET (preferences), "_Automatic Backups");
  keep_row = find_row (GTK_WIDGET (preferences), "_Backups to Keep");
  folder_row = find_row (GTK_WIDGET (preferences), "Backup Folder");
  g_assert_nonnull (automatic_row);
  g_assert_nonnull (keep_row);
  g_assert_nonnull (folder_row);
  automatic = GTK_SWITCH (find_child_of_type (GTK_WIDGET (automatic_row), GTK_TYPE_SWITCH));
  keep = GTK_SPIN_BUTTON (find_child_of_type (GTK_WIDGET (keep_row), GTK_TYPE_SPIN_BUTTON));

  /* The defaults: on, seven. */
  g_assert_true (gtk_switch_get_active (automatic));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (keep), ==, 7);
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, folder_display);

  gtk_spin_button_set_value (keep, 3);
  g_assert_cmpint (g_settings_get_int (settings, "backup-keep"), ==, 3);

  /* Off: no automatic backup, and the number is not asked for. */
  gtk_switch_set_active (automatic, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "automatic-backup"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (keep_row)));
  g_assert_false (bb_window_start_automatic_backup (fixture->window));

  gtk_switch_set_active (automatic, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (keep_row)));

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "automatic-backup");
  g_settings_reset (settings, "backup-keep");
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/backup/restore", Fixture, NULL, fixture_set_up_own, test_restore, fixture_tear_down);
  g_test_add ("/ui/backup/automatic", Fixture, NULL, fixture_set_up_own, test_automatic, fixture_tear_down);
  g_test_add ("/ui/backup/automatic-window-closed", Fixture, NULL, fixture_set_up_own,
              test_automatic_window_closed, fixture_tear_down);
  g_test_add ("/ui/backup/preferences", Fixture, NULL, fixture_set_up_own, test_preferences, fixture_tear_down);
  g_test_add ("/ui/backup/automatic-not-demo", Fixture, NULL, fixture_set_up_demo, test_automatic_not_demo, fixture_tear_down);
  g_test_add ("/ui/backup/automatic-not-empty", Fixture, NULL, fixture_set_up_empty, test_automatic_not_empty, fixture_tear_down);

  return bb_test_ui_run ();
}
