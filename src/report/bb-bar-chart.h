/* bb-bar-chart.h: horizontal bars with their labels and values, drawn with GtkSnapshot.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BB_TYPE_BAR_CHART (bb_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (BbBarChart, bb_bar_chart, BB, BAR_CHART, GtkWidget)

GtkWidget  *bb_bar_chart_new        (void);
/* Shows one bar per item, a GPtrArray of BbReportItem (label and count), in its order; NULL
 * for none. The chart keeps a reference to items. */
void        bb_bar_chart_set_items  (BbBarChart *self,
                                     GPtrArray  *items);
guint       bb_bar_chart_get_n_bars (BbBarChart *self);
const char *bb_bar_chart_get_label  (BbBarChart *self,
                                     guint       position);
guint       bb_bar_chart_get_value  (BbBarChart *self,
                                     guint       position);

G_END_DECLS
