/* bb-frame-probe.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-frame-probe"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bb-frame-probe.h"

/* Pending delayed refreshes (the report waits 100 ms) get this long after a page's frame. */
#define SETTLE_MS 250

typedef struct
{
  GtkWindow            *window;
  BbFrameProbeShowPage  show_page;
  gulong                handler;
  guint                 page;
  gint64                walk_start;
} Probe;

/* "rss-kb=<peak RSS> cpu-ms=<user and system time so far>" */
static char *
dup_usage (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return g_strdup ("rss-kb=-1 cpu-ms=-1");

  return g_strdup_printf ("rss-kb=%ld cpu-ms=%.1f", usage.ru_maxrss,
                          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
                          + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
}

/* Milliseconds since the start of the process. */
static double
ms_since_start (void)
{
  const char *t0 = g_getenv ("BB_BENCH_T0_US");
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  guint64 ticks;

  if (t0 != NULL && *t0 != '\0')
    return (g_get_real_time () - g_ascii_strtoll (t0, NULL, 10)) / 1000.0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (p = strrchr (stat, ')')) == NULL
      || clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  /* Field 22, starttime, counted from the state (field 3) after the command's parentheses. */
  if (sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %"
              G_GUINT64_FORMAT, &ticks) != 1)
    return -1;

  return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6) - ticks * 1000.0 / sysconf (_SC_CLK_TCK);
}

static void
probe_finish (Probe *probe)
{
  GtkApplication *app = gtk_window_get_application (probe->window);

  fflush (stdout);
  g_object_unref (probe->window);
  g_free (probe);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  else
    exit (0);
}

static void on_after_paint (GdkFrameClock *clock,
                            Probe         *probe);

static void
probe_show_next_page (Probe *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window));

  if (clock == NULL || !probe->show_page (probe->window, probe->page))
    {
      g_autofree char *usage = dup_usage ();

      g_print ("bb-bench walk ms=%.1f %s\n",
               (g_get_monotonic_time () - probe->walk_start) / 1000.0, usage);
      probe_finish (probe);
      return;
    }

  probe->page++;
  /* A page that is already shown draws nothing by itself; every page gets one frame. */
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
  probe->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), probe);
}

static gboolean
settled_cb (gpointer data)
{
  probe_show_next_page (data);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  g_clear_signal_handler (&probe->handler, clock);

  if (probe->walk_start == 0)
    {
      g_autofree char *usage = dup_usage ();

      g_print ("bb-bench first-frame ms=%.1f %s\n", ms_since_start (), usage);

      if (probe->show_page == NULL || !g_str_equal (g_getenv ("BB_BENCH_WALK") ?: "", "1"))
        {
          probe_finish (probe);
          return;
        }

      probe->walk_start = g_get_monotonic_time ();
      probe_show_next_page (probe);
      return;
    }

  g_timeout_add_full (G_PRIORITY_LOW, SETTLE_MS, settled_cb, probe, NULL);
}

static void
on_realize (GtkWidget *window,
            Probe     *probe)
{
  g_signal_handlers_disconnect_by_func (window, on_realize, probe);
  probe->handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                     G_CALLBACK (on_after_paint), probe);
}

void
bb_frame_probe_attach (GtkWindow            *window,
                       BbFrameProbeShowPage  show_page)
{
  Probe *probe;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (!g_str_equal (g_getenv ("BB_BENCH_FIRST_FRAME") ?: "", "1"))
    return;

  probe = g_new0 (Probe, 1);
  probe->window = g_object_ref (window);
  probe->show_page = show_page;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), probe);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), probe);
}
