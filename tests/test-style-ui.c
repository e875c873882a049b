/* test-style-ui.c: the window in the dark high-contrast style (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program starts in libadwaita's dark and high-contrast styles at once (ADW_DEBUG_*, set
 * before libadwaita starts), so that AdwApplication loads ui/style-dark.css and
 * ui/style-hc.css besides ui/style.css. A style sheet that GTK cannot parse warns, and warnings
 * are fatal in tests; every view, with a shelter, a person (the network graph), a consultation
 * and an event shown, is drawn once in these styles. build-aux/screenshots.sh makes the pictures
 * to look at; this test keeps what they showed from breaking unseen.
 */

#define G_LOG_DOMAIN "test-style-ui"

#include "config.h"

#include "bb-contrast.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static void
count_paint (GdkFrameClock *clock,
             guint         *n_paints)
{
  (*n_paints)++;
}

/* Waits until widget's window has painted a frame after this call. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_paints = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &n_paints);
  gtk_widget_queue_draw (widget);
  WAIT_UNTIL (n_paints > 0, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

static void
test_style_sheets (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *sheets[] = { "style.css", "style-dark.css", "style-hc.css" };

  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_true (adw_style_manager_get_high_contrast (manager));

  /* Where AdwApplication looks for them: beside the templates, under the resource base path. */
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *path = g_strconcat (BB_RESOURCE_PATH, "/", sheets[i], NULL);
      g_autoptr(GError) error = NULL;
      gsize size = 0;

      g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (size, >, 0);
    }

  /* Faint lines and dimmed text of the custom-drawn widgets are drawn stronger. */
  g_assert_cmpfloat (bb_contrast_opacity (0.12f), >=, 0.5f);
  g_assert_cmpfloat (bb_contrast_opacity (0.12f), <, 1.0f);
  g_assert_cmpfloat (bb_contrast_opacity (1.0f), ==, 1.0f);
}

static void
test_views_drawn (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *view; GType (*get_type) (void); gint64 id; } shown[] = {
    { "shelters", bb_shelter_get_type, 1 },
    { "network", bb_person_get_type, 1 },
    { "consultations", bb_consultation_get_type, 1 },
    { "calendar", bb_event_get_type, 1 },
    { "report", NULL, 0 },
  };
  AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);
  GtkWidget *calendar;
  GdkRGBA purple, expected;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      if (shown[i].get_type != NULL)
        g_assert_true (bb_window_show_record (fixture->window, shown[i].get_type (), shown[i].id));
      else
        adw_view_stack_set_visible_child_name (stack, shown[i].view);
      settle ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, shown[i].view);
      wait_for_paint (GTK_WIDGET (fixture->window));
    }

  /* style-dark.css made the purple of trainings and memberships lighter (purple_2). */
  calendar = _bb_window_get_view (fixture->window, "calendar");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (calendar),
                                                 "bb_purple_color", &purple));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gdk_rgba_parse (&expected, "#c061cb"));
  g_assert_true (gdk_rgba_equal (&purple, &expected));
}

int
main (int   argc,
      char *argv[])
{
  /* Read by libadwaita when it starts, in bb_test_ui_init(). */
  g_setenv ("ADW_DEBUG_COLOR_SCHEME", "prefer-dark", TRUE);
  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  bb_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/style/style-sheets", test_style_sheets);
  g_test_add ("/ui/style/views-drawn", Fixture, NULL,
              fixture_set_up_demo, test_views_drawn, fixture_tear_down);

  return bb_test_ui_run ();
}
