/* bb-format.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-format"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-format.h"

static gboolean
parse_digits (const char *s,
              guint       n,
              int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }

  *value = v;

  return TRUE;
}

/* Stored times are wall-clock times in Europe/Berlin; they are shown as they are, so they are
 * carried in UTC where no daylight-saving gap can move them. */
static GDateTime *
parse_iso (const char *iso,
           gboolean   *has_time)
{
  int year, month, day, hour = 0, minute = 0;
  gsize len;

  if (iso == NULL)
    return NULL;

  len = strlen (iso);
  if (len < 10 || iso[4] != '-' || iso[7] != '-'
      || !parse_digits (iso, 4, &year)
      || !parse_digits (iso + 5, 2, &month)
      || !parse_digits (iso + 8, 2, &day)
      || !g_date_valid_dmy (day, month, year))
    return NULL;

  *has_time = FALSE;
  if (len >= 16 && (iso[10] == 'T' || iso[10] == ' ') && iso[13] == ':'
      && parse_digits (iso + 11, 2, &hour)
      && parse_digits (iso + 14, 2, &minute)
      && hour < 24 && minute < 60)
    *has_time = TRUE;

  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

gboolean
bb_format_parse_date (const char *iso,
                      GDate      *date)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean has_time;

  g_return_val_if_fail (date != NULL, FALSE);

  dt = parse_iso (iso, &has_time);
  if (dt == NULL)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt),
                  g_date_time_get_year (dt));

  return TRUE;
}

char *
bb_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean has_time;

  dt = parse_iso (iso, &has_time);
  if (dt == NULL)
    return NULL;

  /* Translators: a date, in the syntax of g_date_time_format(): "25.11.2026" */
  return g_date_time_format (dt, _("%d.%m.%Y"));
}

char *
bb_format_date_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean has_time;

  dt = parse_iso (iso, &has_time);
  if (dt == NULL)
    return NULL;

  if (!has_time)
    return bb_format_date (iso);

  /* Translators: a date and time, in the syntax of g_date_time_format(): "25.11.2026, 10:00" */
  return g_date_time_format (dt, _("%d.%m.%Y, %H:%M"));
}

char *
bb_format_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean has_time;

  dt = parse_iso (iso, &has_time);
  if (dt == NULL || !has_time)
    return NULL;

  /* Translators: a time of day, in the syntax of g_date_time_format(): "10:00" */
  return g_date_time_format (dt, _("%H:%M"));
}

char *
bb_format_weekday_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean has_time;

  dt = parse_iso (iso, &has_time);
  if (dt == NULL)
    return NULL;

  /* Translators: weekday and date, in the syntax of g_date_time_format(): "Wed, 25.11.2026" */
  return g_date_time_format (dt, _("%a, %d.%m.%Y"));
}

char *
bb_format_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
bb_format_days_since (const char *iso,
                      int        *days)
{
  g_autofree char *today_iso = bb_format_today_iso ();
  GDate date, today;

  g_return_val_if_fail (days != NULL, FALSE);

  if (!bb_format_parse_date (iso, &date)
      || !bb_format_parse_date (today_iso, &today))
    return FALSE;

  *days = g_date_days_between (&date, &today);

  return TRUE;
}

char *
bb_format_days_ago (const char *iso)
{
  int days;

  if (!bb_format_days_since (iso, &days))
    return NULL;

  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("yesterday"));
  if (days == -1)
    return g_strdup (_("tomorrow"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                            days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", -days),
                          -days);
}

char *
bb_format_duration (int minutes)
{
  if (minutes <= 0)
    return NULL;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), minutes);

  if (minutes % 60 == 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%d h"), minutes / 60);

  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
}

char *
bb_format_first_line (const char *text,
                      guint       max_chars)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      glong len;

      if (line[0] == '\0')
        continue;

      if (!g_utf8_validate (line, -1, NULL))
        return NULL;

      len = g_utf8_strlen (line, -1);
      if (max_chars > 0 && len > (glong)max_chars)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, max_chars - 1);

          return g_strconcat (g_strchomp (cut), "…", NULL);
        }

      return g_steal_pointer (&line);
    }

  return NULL;
}

/* TRUE for a letter of a script written right to left. */
static gboolean
is_rtl_letter (gunichar c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
    case G_UNICODE_SCRIPT_YEZIDI:
      return g_unichar_isalpha (c);

    default:
      return FALSE;
    }
}

char *
bb_format_isolate (const char *text)
{
  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_rtl_letter (g_utf8_get_char (p)))
      return g_strconcat ("\u200E\u2068", text, "\u2069", NULL);

  return g_strdup (text);
}

char *
bb_format_joinv (const char         *separator,
                 const char * const *parts,
                 guint               n_parts)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (separator != NULL, NULL);
  g_return_val_if_fail (parts != NULL || n_parts == 0, NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *isolated = NULL;

      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (str->len > 0)
        g_string_append (str, separator);
      isolated = bb_format_isolate (parts[i]);
      g_string_append (str, isolated);
    }

  return g_string_free (str, FALSE);
}
