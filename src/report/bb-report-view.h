/* bb-report-view.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-report.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_REPORT_VIEW (bb_report_view_get_type ())

G_DECLARE_FINAL_TYPE (BbReportView, bb_report_view, BB, REPORT_VIEW, AdwBin)

typedef enum
{
  BB_REPORT_FORMAT_CSV,
  BB_REPORT_FORMAT_PDF,
} BbReportFormat;

/* The activity report (Tätigkeitsbericht) for a period and region: key figures, bars by
 * format, topic and shelter, and export as CSV or PDF. It follows every change of the store. */
void        bb_report_view_set_store   (BbReportView    *self,
                                        BbStore         *store);
BbStore    *bb_report_view_get_store   (BbReportView    *self);
/* Shows the period from … to of kind (BB_REPORT_PERIOD_CUSTOM for any range). */
void        bb_report_view_set_period  (BbReportView    *self,
                                        BbReportPeriod   kind,
                                        const GDate     *from,
                                        const GDate     *to);
void        bb_report_view_get_period  (BbReportView    *self,
                                        GDate           *from,
                                        GDate           *to);
/* 0 for all regions. */
void        bb_report_view_set_region  (BbReportView    *self,
                                        gint64           region_id);
gint64      bb_report_view_get_region  (BbReportView    *self);
/* The figures shown, or NULL if they could not be computed. */
BbReport   *bb_report_view_get_report  (BbReportView    *self);
/* Writes the report shown to path and tells so in a toast. */
gboolean    bb_report_view_export      (BbReportView    *self,
                                        BbReportFormat   format,
                                        const char      *path,
                                        GError         **error);

G_END_DECLS
