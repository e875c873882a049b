/* bb-calendar-util.h: reading the dates and times coordinators type.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "25.11.2026", "25.11.26", "2026-11-25"; FALSE if no valid date. */
gboolean  bb_calendar_parse_date       (const char *text,
                                        GDate      *date);
/* "10:00", "9:30", "10.00", "10"; FALSE if no valid time of day. */
gboolean  bb_calendar_parse_time       (const char *text,
                                        int        *hour,
                                        int        *minute);
/* A store time "YYYY-MM-DDTHH:MM" (all_day: "YYYY-MM-DD") from typed date and time, or NULL. */
char     *bb_calendar_parse_date_time  (const char *date_text,
                                        const char *time_text,
                                        gboolean    all_day);

G_END_DECLS
