/* bb-timezone.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Europe/Berlin computed from its two rules instead of tzdata or libical's built-in zone:
 * what we write into every export is exactly this, so conversions and the VTIMEZONE agree. */

#define G_LOG_DOMAIN "bb-timezone"

#include "config.h"

#include "bb-timezone.h"

static const char vtimezone_text[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" BB_TIMEZONE_TZID "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

icalcomponent *
bb_timezone_new_vtimezone (void)
{
  return icalcomponent_new_from_string (vtimezone_text);
}

icaltimezone *
bb_timezone_get_berlin (void)
{
  static icaltimezone *zone;

  if (g_once_init_enter (&zone))
    {
      icaltimezone *berlin = icaltimezone_new ();

      icaltimezone_set_component (berlin, bb_timezone_new_vtimezone ());
      g_once_init_leave (&zone, berlin);
    }

  return zone;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = m;
  *day = d;
}

/* The day (days since the epoch) of the last Sunday of month (31 days: March, October). */
static gint64
last_sunday (int year,
             int month)
{
  gint64 last = days_from_civil (year, month, 31);
  /* 1970-01-01 was a Thursday: weekday 0 = Thursday; Sunday is 3. */
  int weekday = (int) (((last % 7) + 7) % 7);

  return last - ((weekday - 3 + 7) % 7);
}

int
bb_timezone_local_offset (int year,
                          int month,
                          int day,
                          int hour,
                          int minute)
{
  gint64 local = days_from_civil (year, month, day) * 1440 + hour * 60 + minute;
  gint64 begin = last_sunday (year, 3) * 1440 + 2 * 60;  /* 02:00 CET becomes 03:00 CEST */
  gint64 end = last_sunday (year, 10) * 1440 + 3 * 60;   /* 03:00 CEST becomes 02:00 CET */

  return (local >= begin && local < end) ? 7200 : 3600;
}

gint64
bb_timezone_local_to_unix (int year,
                           int month,
                           int day,
                           int hour,
                           int minute)
{
  gint64 local = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60;

  return local - bb_timezone_local_offset (year, month, day, hour, minute);
}

void
bb_timezone_unix_to_local (gint64  unix_time,
                           int    *year,
                           int    *month,
                           int    *day,
                           int    *hour,
                           int    *minute,
                           int    *second)
{
  gint64 days = unix_time >= 0 ? unix_time / 86400 : (unix_time - 86399) / 86400;
  int y, m, d;
  gint64 begin, end, local, seconds;

  civil_from_days (days, &y, &m, &d);
  begin = last_sunday (y, 3) * 86400 + 3600;  /* 01:00 UTC */
  end = last_sunday (y, 10) * 86400 + 3600;
  local = unix_time + ((unix_time >= begin && unix_time < end) ? 7200 : 3600);

  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  seconds = local - days * 86400;
  civil_from_days (days, year, month, day);
  *hour = (int) (seconds / 3600);
  *minute = (int) (seconds / 60 % 60);
  if (second != NULL)
    *second = (int) (seconds % 60);
}

/* From CLDR's windowsZones.xml, territory "001". */
static const struct { const char *windows; const char *iana; } windows_zones[] = {
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Astrakhan Standard Time", "Europe/Astrakhan" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Volgograd Standard Time", "Europe/Volgograd" },
  { "Saratov Standard Time", "Europe/Saratov" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "UTC", "UTC" },
  { "Coordinated Universal Time", "UTC" },
};

const char *
bb_timezone_from_windows (const char *windows_name)
{
  g_return_val_if_fail (windows_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (windows_name, windows_zones[i].windows) == 0)
      return windows_zones[i].iana;

  return NULL;
}
