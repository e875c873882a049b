/* test-durability-ui.c: what the window tells when the disk is full, and what it shows after
 * another program wrote the database (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-durability-ui"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "bb-shelter-editor-private.h"
#include "bb-shelter-editor.h"
#include "bb-shelter-view.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static gint64
first_shelter (BbStore *store)
{
  g_autoptr(GListModel) shelters = bb_store_list (store, BB_TYPE_SHELTER);
  g_autoptr(BbRecord) shelter = g_list_model_get_item (shelters, 0);

  g_assert_nonnull (shelter);

  return bb_record_get_id (shelter);
}

static int
stored_residents (BbStore *store,
                  gint64   id)
{
  g_autoptr(BbShelter) shelter = bb_store_get (store, BB_TYPE_SHELTER, id, NULL);

  g_assert_nonnull (shelter);

  return bb_shelter_get_residents (shelter);
}

static void
set_file_size_limit (rlim_t limit)
{
  struct rlimit rl = { limit, RLIM_INFINITY };

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

/* The message dialog that says why, over whatever else is open. */
static void
assert_disk_full_dialog (const char *heading)
{
  AdwMessageDialog *dialog = find_window_of_type (NULL, ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The disk is full, so nothing was saved to “"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A save on a full disk: the editor says so in words, stays open with what was typed, and
 * nothing is written; once there is room again the same Save works. */
static void
test_disk_full_save (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BbShelterEditor) editor = NULL;
  GtkEditable *residents;
  gint64 id = first_shelter (fixture->store);
  int before = stored_residents (fixture->store, id);
  int wanted = before == 77 ? 78 : 77;
  g_autofree char *text = g_strdup_printf ("%d", wanted);

  editor = g_object_ref_sink (bb_shelter_editor_new (GTK_WINDOW (fixture->window),
                                                     fixture->store, id));
  gtk_window_present (GTK_WINDOW (editor));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)), "the editor to show");
  residents = GTK_EDITABLE (_bb_shelter_editor_get_widget (editor, "residents_row"));
  gtk_editable_set_text (residents, text);

  /* No file may grow: every write of SQLite fails as on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  set_file_size_limit (0);
  g_assert_false (bb_shelter_editor_save (editor));
  set_file_size_limit (RLIM_INFINITY);

  assert_disk_full_dialog ("Cannot Save the Shelter");

  g_assert_cmpint (stored_residents (fixture->store, id), ==, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (residents), ==, text);

  g_assert_true (bb_shelter_editor_save (editor));
  g_assert_cmpint (stored_residents (fixture->store, id), ==, wanted);
}

/* Undo of a deletion on a full disk: a dialog says why (a toast would be cut short in a
 * narrow window), and the shelter stays deleted until Undo works. */
static void
test_disk_full_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog;
  BbShelterView *view;
  gint64 id = first_shelter (fixture->store);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "shelters");
  view = BB_SHELTER_VIEW (_bb_window_get_view (fixture->window, "shelters"));
  WAIT_UNTIL (bb_shelter_view_get_n_items (view) > 0, "the shelters to be listed");
  g_assert_true (bb_shelter_view_show_record (view, BB_TYPE_SHELTER, id));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "shelter-view.delete", NULL);
  /* A shelter with consultations asks first. */
  dialog = find_window_of_type (NULL, ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "delete");
  settle ();
  g_assert_null (bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL));

  signal (SIGXFSZ, SIG_IGN);
  set_file_size_limit (0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "shelter-view.undo-delete", NULL);
  set_file_size_limit (RLIM_INFINITY);

  assert_disk_full_dialog ("The Change Was Not Undone");
  g_assert_null (bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL));
}

/* A shelter added by another program appears when the window becomes active again. */
static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BbStore) other = NULL;
  g_autoptr(BbShelter) shelter = bb_shelter_new ();
  g_autoptr(BbShelter) neighbour = NULL;
  g_autoptr(GError) error = NULL;
  BbShelterView *view;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "shelters");
  view = BB_SHELTER_VIEW (_bb_window_get_view (fixture->window, "shelters"));
  WAIT_UNTIL (bb_shelter_view_get_n_items (view) > 0, "the shelters to be listed");
  WAIT_UNTIL (gtk_window_is_active (GTK_WINDOW (fixture->window)), "the window to be active");
  n = bb_shelter_view_get_n_items (view);

  other = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  bb_shelter_set_name (shelter, "Haus am Anderen Ende");
  neighbour = bb_store_get (other, BB_TYPE_SHELTER, first_shelter (other), &error);
  g_assert_no_error (error);
  bb_shelter_set_district_id (shelter, bb_shelter_get_district_id (neighbour));
  g_assert_true (bb_store_insert (other, BB_RECORD (shelter), &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (bb_shelter_view_get_n_items (view), ==, n);

  /* As when the user comes back from the other program. */
  g_object_notify (G_OBJECT (fixture->window), "is-active");
  WAIT_UNTIL (bb_shelter_view_get_n_items (view) == n + 1, "the new shelter to be listed");
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/durability/disk-full-save", Fixture, NULL,
              fixture_set_up_demo, test_disk_full_save, fixture_tear_down);
  g_test_add ("/ui/durability/disk-full-undo", Fixture, NULL,
              fixture_set_up_demo, test_disk_full_undo, fixture_tear_down);
  g_test_add ("/ui/durability/external-change", Fixture, NULL,
              fixture_set_up_demo, test_external_change, fixture_tear_down);

  return bb_test_ui_run ();
}
