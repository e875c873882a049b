/* bb-test-ui.c: what the tests of the window share.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-test-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bb-record-picker.h"
#include "bb-test-ui.h"

static char *data_home;

gboolean
bb_test_wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 10;

  WAIT_UNTIL (g_get_monotonic_time () >= until, "the main loop to settle");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
reference_date (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 25, G_DATE_NOVEMBER, 2026);
}

static BbApplication *the_app;

BbApplication *
get_app (void)
{
  g_autoptr(GError) error = NULL;

  if (the_app != NULL)
    return the_app;

  the_app = bb_application_new ();
  /* Not on the session bus under our real id, where a running Brückenbuch may be. */
  g_application_set_application_id (G_APPLICATION (the_app), NULL);
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  return the_app;
}

void
fixture_open_app (Fixture *fixture)
{
  fixture->app = get_app ();
}

void
fixture_open_window (Fixture *fixture)
{
  /* GTK owns the window; the pointer is cleared when it is destroyed. */
  fixture->window = bb_window_new (fixture->app, fixture->store);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), "the window to be mapped");
  settle ();
}

void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "brueckenbuch.sqlite3", NULL);
  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture_open_app (fixture);
  fixture_open_window (fixture);
}

void
fixture_set_up_demo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  fixture->dir = g_dir_make_tmp ("test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.sqlite3", NULL);
  fixture->store = bb_store_open (fixture->path, &error);
  g_assert_no_error (error);

  reference_date (&date);
  bb_demo_generate (fixture->store, BB_TEST_DEMO_SCALE, 1, &date, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture_open_app (fixture);
  fixture_open_window (fixture);
}

void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) windows = NULL;

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_null (fixture->window);

  if (fixture->app != NULL)
    {
      windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
      for (GList *l = windows; l != NULL; l = l->next)
        gtk_window_destroy (l->data);
    }
  settle ();

  fixture->app = NULL;
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

GtkWidget *
find_title_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget)
      && gtk_widget_has_css_class (widget, "title-1")
      && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_title_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

void
pick_record (gpointer    picker,
             GType       type,
             const char *search,
             gint64      expected_id)
{
  GtkListView *list_view = bb_record_picker_get_list_view (picker);
  GListModel *model;

  bb_record_picker_set_list_type (picker, type);
  gtk_editable_set_text (bb_record_picker_get_search_entry (picker), search);
  /* The search entry waits a moment before it reports the text. */
  WAIT_UNTIL ((model = G_LIST_MODEL (gtk_list_view_get_model (list_view))) != NULL
              && g_list_model_get_n_items (model) == 1,
              "exactly one match in the picker");
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpint (bb_record_picker_get_selected_id (picker), ==, expected_id);
  g_assert_true (bb_record_picker_get_selected_type (picker) == type);
}

GtkWidget *
find_mapped_label (GtkWidget  *widget,
                   const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
find_status_page (GtkWidget  *widget,
                  const char *title)
{
  if (ADW_IS_STATUS_PAGE (widget)
      && gtk_widget_get_mapped (widget)
      && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Among all toplevels: dialogs need not belong to the application. */
gpointer
find_window_of_type (GtkApplication *app,
                     GType           type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type)
          && (app == NULL || gtk_window_get_application (l->data) == NULL
              || gtk_window_get_application (l->data) == app))
        return l->data;
    }

  return NULL;
}

void
bb_test_ui_init (int    *argc,
                 char ***argv)
{
  /* The default database of these tests lives in a folder of their own, never in $HOME. */
  data_home = g_dir_make_tmp ("test-ui-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  bb_application_bind_textdomain ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

int
bb_test_ui_run (void)
{
  int status = g_test_run ();

  g_clear_object (&the_app);
  remove_dir (data_home);
  g_clear_pointer (&data_home, g_free);

  return status;
}

static char *
dup_build_localedir (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
}

gboolean
german_catalog_built (void)
{
  g_autofree char *localedir = dup_build_localedir ();
  g_autofree char *mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (mo, G_FILE_TEST_EXISTS);
}

void
use_german (void)
{
  g_autofree char *localedir = dup_build_localedir ();

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("BB_LOCALEDIR", localedir, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bb_application_bind_textdomain ();
}

void
run_in_german (void (*set_up) (Fixture *, gconstpointer),
               void (*test)   (Fixture *, gconstpointer))
{
  if (!german_catalog_built ())
    {
      g_test_skip ("po/de/LC_MESSAGES/brueckenbuch.mo is not built");
      return;
    }

  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };

      use_german ();
      set_up (&fixture, NULL);
      test (&fixture, NULL);
      fixture_tear_down (&fixture, NULL);
      return;
    }

  /* A plain failure of this test, not an abort of the whole suite. */
  g_test_set_nonfatal_assertions ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
