/* bb-timezone.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

/* Europe/Berlin with today's rules (since 1996): CET +0100, CEST +0200 from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC. The same rules as the compact
 * VTIMEZONE we export, so what we compute and what Outlook reads agree. Not for dates
 * before 1996. */

#define BB_TIMEZONE_TZID "Europe/Berlin"

/* A new VTIMEZONE component for Europe/Berlin: TZID, STANDARD and DAYLIGHT with RRULE
 * BYMONTH=10;BYDAY=-1SU and BYMONTH=3;BYDAY=-1SU, offsets +0100/+0200. */
icalcomponent *bb_timezone_new_vtimezone   (void);
/* The same zone as an icaltimezone (owned by the module, do not free). */
icaltimezone  *bb_timezone_get_berlin      (void);

/* The UTC offset in seconds (3600 or 7200) of a local wall time; a time in the hour that
 * does not exist in spring counts as summer time, the repeated hour in autumn as summer time
 * (the first of the two). */
int            bb_timezone_local_offset    (int year, int month, int day, int hour, int minute);
/* Local wall time → seconds since the epoch, and back. */
gint64         bb_timezone_local_to_unix   (int year, int month, int day, int hour, int minute);
void           bb_timezone_unix_to_local   (gint64 unix_time,
                                            int   *year, int *month, int *day,
                                            int   *hour, int *minute, int *second);

/* The IANA name of a Windows time zone name as Outlook writes it ("W. Europe Standard Time"
 * → "Europe/Berlin"), or NULL if unknown. Covers the European zones and UTC. */
const char    *bb_timezone_from_windows    (const char *windows_name);

G_END_DECLS
