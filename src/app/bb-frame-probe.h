/* bb-frame-probe.h: start-up and memory figures for the benchmark (bench/run).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Does nothing unless the environment asks for it:
 *
 * - BB_BENCH_FIRST_FRAME=1: on the first "after-paint" of the window's GdkFrameClock, print one
 *   line to stdout and quit the application:
 *     bb-bench first-frame ms=<ms since process start> rss-kb=<peak RSS> cpu-ms=<CPU time>
 *   (peak RSS and the CPU time of all threads so far from getrusage)
 *   The process start is BB_BENCH_T0_US (wall clock in µs, as g_get_real_time(), taken by the
 *   launcher right before exec) if set, else the start time in /proc/self/stat (10 ms steps).
 * - BB_BENCH_WALK=1 as well: before quitting, show every page that show_page offers, each until
 *   its first frame has been painted and pending work has run, then print
 *     bb-bench walk ms=<ms for the walk> rss-kb=<peak RSS after it> cpu-ms=<CPU time>
 *
 * Only GTK is used, so that the bare window of the benchmark measures itself the same way.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows page index of window; FALSE when there is no such page. */
typedef gboolean (*BbFrameProbeShowPage) (GtkWindow *window,
                                          guint      index);

void bb_frame_probe_attach (GtkWindow            *window,
                            BbFrameProbeShowPage  show_page);

G_END_DECLS
