/* bb-calendar-util.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-calendar-util"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bb-calendar-util.h"

gboolean
bb_calendar_parse_date (const char *text,
                        GDate      *date)
{
  unsigned int day, month, year;
  char rest;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3
      || (sscanf (text, "%2u.%2u.%4u%c", &day, &month, &year, &rest) == 3))
    {
      if (year < 100)
        year += 2000;
      if (year >= 1900 && year <= 2200 && g_date_valid_dmy (day, month, year))
        {
          g_date_set_dmy (date, day, month, year);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
bb_calendar_parse_time (const char *text,
                        int        *hour,
                        int        *minute)
{
  unsigned int h, m = 0;
  char rest;
  int n;

  if (text == NULL)
    return FALSE;

  n = sscanf (text, "%2u:%2u%c", &h, &m, &rest);
  if (n != 2)
    n = sscanf (text, "%2u.%2u%c", &h, &m, &rest);
  if (n != 2)
    {
      m = 0;
      if (sscanf (text, "%2u%c", &h, &rest) != 1)
        return FALSE;
    }

  if (h > 23 || m > 59)
    return FALSE;

  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

char *
bb_calendar_parse_date_time (const char *date_text,
                             const char *time_text,
                             gboolean    all_day)
{
  GDate date;
  int hour, minute;

  if (!bb_calendar_parse_date (date_text, &date))
    return NULL;

  if (all_day)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));

  if (!bb_calendar_parse_time (time_text, &hour, &minute))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02uT%02d:%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date), hour, minute);
}
