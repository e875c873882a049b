/* bb-report-pdf.h: the activity report as an A4 PDF for the funder.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-report.h"

G_BEGIN_DECLS

/* Writes report to path as an A4 PDF with cairo and pango: title, period and region, the key
 * figures, then consultations by format, topic and shelter as tables with bars. Long tables
 * continue on the next page under their repeated header; every page says "Page n of m".
 * Needs no display. */
gboolean bb_report_write_pdf (BbReport    *report,
                              const char  *path,
                              GError     **error);

G_END_DECLS
