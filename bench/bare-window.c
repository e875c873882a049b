/* bare-window.c: the yardstick for Brückenbuch's start-up in bench/run.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkApplication with one empty GtkApplicationWindow, measured by the same frame probe as the
 * program (BB_BENCH_FIRST_FRAME=1, see src/app/bb-frame-probe.h), so the ratio of the two says
 * what Brückenbuch adds to what any GTK 4 window costs.
 */

#include <gtk/gtk.h>

#include "bb-frame-probe.h"

static void
activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  bb_frame_probe_attach (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  app = gtk_application_new ("berlin.beratungsforum.BrueckenbuchBareWindow",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
