/* bb-format.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The database keeps dates as "YYYY-MM-DD" and local times as "YYYY-MM-DDTHH:MM"; these turn
 * them into what people read. Each returns NULL for NULL or unparsable input. */

/* The date part of iso, e.g. "25.11.2026". */
char     *bb_format_date          (const char *iso);
/* "25.11.2026, 10:00", or only the date if iso has no time. */
char     *bb_format_date_time     (const char *iso);
/* "10:00", or NULL if iso has no time. */
char     *bb_format_time          (const char *iso);
/* "Wed, 25.11.2026", the weekday shortened. */
char     *bb_format_weekday_date  (const char *iso);
/* "today", "yesterday", "3 days ago", "tomorrow", "in 3 days", relative to today's date. */
char     *bb_format_days_ago      (const char *iso);
/* Days from iso's date to today (positive in the past), FALSE if iso is no date. */
gboolean  bb_format_days_since    (const char *iso,
                                   int        *days);
/* Parses the date part of iso; FALSE if it is no valid date. */
gboolean  bb_format_parse_date    (const char *iso,
                                   GDate      *date);
/* "45 min", "1 h", "1 h 30 min". */
char     *bb_format_duration      (int         minutes);
/* The first non-empty line of text, cut at max_chars characters with an ellipsis. */
char     *bb_format_first_line    (const char *text,
                                   guint       max_chars);
/* Text of the user (a name, a title) to be put into a sentence or a row of the interface,
 * which reads left to right: if it holds right-to-left letters (Arabic, Hebrew, …), it comes
 * back isolated (U+2068 FSI … U+2069 PDI) after a left-to-right mark (U+200E), so that neither
 * the name reorders the text around it nor a name at the start turns the whole line
 * right-to-left; other text comes back unchanged. NULL for NULL. */
char     *bb_format_isolate       (const char *text);
/* Joins the strings of parts that are neither NULL nor empty with separator, each part
 * through bb_format_isolate(). */
char     *bb_format_joinv         (const char         *separator,
                                   const char * const *parts,
                                   guint               n_parts);
/* BB_FORMAT_JOIN (" · ", a, b, c): bb_format_joinv over the arguments, which may be NULL. */
#define BB_FORMAT_JOIN(separator, ...) \
  bb_format_joinv ((separator), (const char * const []) { __VA_ARGS__ }, \
                   G_N_ELEMENTS (((const char * const []) { __VA_ARGS__ })))
/* Today's date as "YYYY-MM-DD" in local time. */
char     *bb_format_today_iso     (void);

G_END_DECLS
