/* bb-report-view-private.h: what the tests reach inside the report view.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bar-chart.h"
#include "bb-report-view.h"

G_BEGIN_DECLS

/* "format", "topic" or "shelter" */
BbBarChart *_bb_report_view_get_chart  (BbReportView *self,
                                        const char   *name);
/* The value label of a key figure: "consultations", "reached", "jours-fixes", "attendance",
 * "followups". */
GtkLabel   *_bb_report_view_get_figure (BbReportView *self,
                                        const char   *name);
/* "report", "empty" or "error" */
const char *_bb_report_view_get_page   (BbReportView *self);
GtkLabel   *_bb_report_view_get_period_label (BbReportView *self);
/* The period's kind and the region */
GtkDropDown *_bb_report_view_get_kind_dropdown   (BbReportView *self);
GtkDropDown *_bb_report_view_get_region_dropdown (BbReportView *self);
/* The custom range: "from" or "to", and the message below them */
GtkEntry    *_bb_report_view_get_entry           (BbReportView *self,
                                                  const char   *name);
GtkLabel    *_bb_report_view_get_custom_error    (BbReportView *self);

G_END_DECLS
