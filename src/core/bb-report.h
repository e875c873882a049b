/* bb-report.h: the figures of the activity report (Tätigkeitsbericht) and its CSV.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_REPORT_ERROR (bb_report_error_quark ())

typedef enum
{
  BB_REPORT_ERROR_INVALID_PERIOD,   /* no valid dates, or the end before the start */
  BB_REPORT_ERROR_UNKNOWN_REGION,   /* no region of that name or id */
} BbReportError;

typedef enum
{
  BB_REPORT_PERIOD_MONTH,
  BB_REPORT_PERIOD_QUARTER,
  BB_REPORT_PERIOD_YEAR,
  BB_REPORT_PERIOD_CUSTOM,
} BbReportPeriod;

/* One bar of a figure: a consultation format, a topic or a shelter with its count. */
typedef struct
{
  char   *key;     /* the format code, the topic's name, or the shelter's id as text ("" for none) */
  char   *label;   /* what people read */
  gint64  id;      /* the shelter's or topic's id, 0 if there is none */
  guint   count;
} BbReportItem;

/* The figures for one period and region. Which records count:
 *
 * - A consultation belongs to the period by the date of started_at (from and to inclusive) and
 *   to a region by its own region_id, or, if it has none, by the region of its shelter's
 *   district. Without both it counts only for all regions.
 * - by_format lists every format in the vocabulary's order, zeros included; by_topic the topics
 *   used in the period (a consultation with two topics counts for both) and by_shelter the
 *   shelters consulted, each most first, then by name. Consultations without a shelter form one
 *   item with the id 0 (a deleted shelter's consultations count under its former name).
 * - Shelters in the region are those open during some part of the period: opened_on <= to and
 *   (closed_on is NULL or >= from); a shelter without both dates counts if its status is
 *   "open"; one with only a closing date counts if it closed on or after from (unless planned).
 *   A shelter belongs to the region of its district. shelters_reached are those of them with
 *   at least one counted consultation, so never more than shelters_in_region.
 * - Jours fixes: occurrences of events of kind "jour-fixe" of the region (all regions: every
 *   one), expanded by bb_store_list_occurrences() from their RRULE, without EXDATEs and
 *   cancelled overrides, that start on a day from from to the as-of date; an override that
 *   moved an occurrence counts by its new date. A cancelled event has none; a series whose
 *   RRULE cannot be read is left out (with a warning, as in the calendar). attended counts attendance rows with status "attended"
 *   of those occurrences; average_attendance is attended / jours_fixes_held (0 without any).
 * - Follow-ups as of as_of, the end of the period or today if that is earlier: of the region's
 *   consultations on or before that day, open are those not done by then (done_on NULL or
 *   later), overdue those of them due before that day. */
typedef struct
{
  char      *from;                 /* "YYYY-MM-DD" */
  char      *to;
  char      *as_of;
  gint64     region_id;            /* 0: all regions */
  char      *region_name;          /* NULL for all regions */

  guint      n_consultations;
  GPtrArray *by_format;            /* of BbReportItem */
  GPtrArray *by_topic;
  GPtrArray *by_shelter;

  guint      shelters_reached;
  guint      shelters_in_region;

  guint      jours_fixes_held;
  guint      jour_fixe_attendance;
  double     average_attendance;

  guint      followups_open;
  guint      followups_overdue;
} BbReport;

#define BB_TYPE_REPORT (bb_report_get_type ())

GType      bb_report_get_type          (void) G_GNUC_CONST;
GQuark     bb_report_error_quark       (void);

/* Computes the report for from … to (inclusive) and region_id (0 for all regions). today may be
 * NULL for the real date; it bounds the Jours fixes held and the follow-ups' as-of date. */
BbReport  *bb_report_compute           (BbStore      *store,
                                        const GDate  *from,
                                        const GDate  *to,
                                        gint64        region_id,
                                        const GDate  *today,
                                        GError      **error);
BbReport  *bb_report_ref               (BbReport     *report);
void       bb_report_unref             (BbReport     *report);

/* TRUE if nothing at all happened in the period: no consultation, no Jour fixe. */
gboolean   bb_report_is_empty          (BbReport     *report);

/* The period of kind that contains day (custom: just day). */
void       bb_report_period_containing (BbReportPeriod  kind,
                                        const GDate    *day,
                                        GDate          *from,
                                        GDate          *to);
/* Moves a month, quarter or year period by n such periods; a custom one by its own length. */
void       bb_report_period_shift      (BbReportPeriod  kind,
                                        GDate          *from,
                                        GDate          *to,
                                        int             n);
/* "November 2026", "Q4 2026", "2026", or "1.11.2026 – 15.12.2026" for any other range. */
char      *bb_report_describe_period   (const GDate    *from,
                                        const GDate    *to);
/* Parses "YYYY-MM-DD" strictly. */
gboolean   bb_report_parse_date        (const char     *text,
                                        GDate          *date);
/* The id of the region called name (case-insensitive), or 0 with BB_REPORT_ERROR_UNKNOWN_REGION. */
gint64     bb_report_find_region       (BbStore        *store,
                                        const char     *name,
                                        GError        **error);

/* The report as CSV for German spreadsheet programs: UTF-8 with a byte order mark, ";" between
 * fields, CRLF line ends, fields quoted where they hold ";", quotes or line breaks, decimals
 * with a comma; one section per figure, each with a title line and a header line, sections
 * separated by an empty line. */
GBytes    *bb_report_to_csv            (BbReport       *report);
gboolean   bb_report_write_csv         (BbReport       *report,
                                        const char     *path,
                                        GError        **error);
/* A number with one decimal and a comma, as German readers write it: "5,5". */
char      *bb_report_format_decimal    (double          value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbReport, bb_report_unref)

G_END_DECLS
