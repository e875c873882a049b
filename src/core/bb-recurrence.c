/* bb-recurrence.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Series are expanded here on calendar dates in local wall time rather than with libical's
 * iterator: the rules coordinators use are few, and working on dates keeps every occurrence
 * at its wall-clock time across the DST changes without any zone arithmetic. */

#define G_LOG_DOMAIN "bb-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bb-event-override.h"
#include "bb-recurrence.h"
#include "bb-timezone.h"

/* Bounded work: periods (days, weeks, months, years) walked in one expansion. */
#define MAX_PERIODS 200000

/* The Julian day of 9999-12-31, the last day a store time ("YYYY-…") can hold. */
#define MAX_JULIAN_DAY G_GINT64_CONSTANT (3652059)

G_DEFINE_QUARK (bb-recurrence-error-quark, bb_recurrence_error)

static const char * const byday_names[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* Store times */

gboolean
bb_recurrence_parse_time (const char *text,
                          GDate      *date,
                          int        *hour,
                          int        *minute)
{
  int y, m, d, h = -1, min = -1;
  size_t len;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len != 10 && len != 16)
    return FALSE;
  for (size_t i = 0; i < len; i++)
    {
      gboolean digit = g_ascii_isdigit (text[i]);

      if ((i == 4 || i == 7) ? text[i] != '-'
          : i == 10 ? text[i] != 'T'
          : i == 13 ? text[i] != ':'
          : !digit)
        return FALSE;
    }

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (len == 16)
    {
      h = atoi (text + 11);
      min = atoi (text + 14);
      if (h > 23 || min > 59)
        return FALSE;
    }
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = min;

  return TRUE;
}

static char *
format_time (const GDate *date,
             int          hour,
             int          minute)
{
  if (hour < 0)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date), hour, minute);
}

/* Minutes since the start of the Julian calendar; a date is its 00:00. */
static gint64
time_key (const char *text,
          gboolean   *ok)
{
  GDate date;
  int hour, minute;

  if (!bb_recurrence_parse_time (text, &date, &hour, &minute))
    {
      if (ok != NULL)
        *ok = FALSE;
      return 0;
    }
  if (ok != NULL)
    *ok = TRUE;

  return (gint64) g_date_get_julian (&date) * 1440 + MAX (hour, 0) * 60 + MAX (minute, 0);
}

gint64
bb_recurrence_event_duration (BbEvent *event)
{
  const char *starts_at;
  GDate date;
  int hour, minute;
  gint64 minutes;
  gboolean ok;

  g_return_val_if_fail (BB_IS_EVENT (event), 0);

  starts_at = bb_event_get_starts_at (event);
  if (!bb_recurrence_parse_time (starts_at, &date, &hour, &minute))
    return 0;
  minutes = time_key (bb_event_get_ends_at (event), &ok) - time_key (starts_at, NULL);
  if (!ok)
    return 0;

  return hour < 0 ? minutes / 1440 : minutes;
}

char *
bb_recurrence_time_add (const char *text,
                        gint64      minutes)
{
  GDate date;
  int hour, minute;
  gint64 total;

  g_return_val_if_fail (text != NULL, NULL);

  if (!bb_recurrence_parse_time (text, &date, &hour, &minute))
    return NULL;

  /* In days for a date; the result must stay a store time, in the years 1 to 9999. A minute
   * count past any calendar (an imported DURATION) must not overflow on the way. */
  if (hour < 0)
    {
      if (minutes > MAX_JULIAN_DAY || minutes < -MAX_JULIAN_DAY)
        return NULL;
      total = (gint64) g_date_get_julian (&date) + minutes;
      if (total < 1 || total > MAX_JULIAN_DAY)
        return NULL;
      g_date_set_julian (&date, (guint32) total);
      return format_time (&date, -1, -1);
    }

  if (minutes > MAX_JULIAN_DAY * 1440 || minutes < -MAX_JULIAN_DAY * 1440)
    return NULL;
  total = (gint64) g_date_get_julian (&date) * 1440 + hour * 60 + minute + minutes;
  if (total < 1440 || total / 1440 > MAX_JULIAN_DAY)
    return NULL;
  g_date_set_julian (&date, (guint32) (total / 1440));

  return format_time (&date, (int) (total % 1440 / 60), (int) (total % 60));
}

/* Rules */

static guint
days_in_month (GDateYear  year,
               GDateMonth month)
{
  return g_date_get_days_in_month (month, year);
}

/* The n-th (n < 0: from the end) weekday of a month, or 0 if the month lacks it. */
static guint
nth_weekday_of_month (GDateYear     year,
                      GDateMonth    month,
                      int           n,
                      GDateWeekday  weekday)
{
  GDate date;
  guint n_days = days_in_month (year, month);
  int day;

  if (n > 0)
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, month, year);
      day = 1 + ((int) weekday - (int) g_date_get_weekday (&date) + 7) % 7 + (n - 1) * 7;
    }
  else
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, n_days, month, year);
      day = (int) n_days - ((int) g_date_get_weekday (&date) - (int) weekday + 7) % 7
            + (n + 1) * 7;
    }

  return (day >= 1 && day <= (int) n_days) ? (guint) day : 0;
}

void
bb_recurrence_rule_init (BbRecurrenceRule      *rule,
                         BbRecurrenceFrequency  frequency,
                         const char            *starts_at)
{
  GDate start;

  g_return_if_fail (rule != NULL);

  memset (rule, 0, sizeof *rule);
  rule->frequency = frequency;
  rule->interval = 1;
  g_date_clear (&rule->until, 1);

  if (starts_at == NULL || !bb_recurrence_parse_time (starts_at, &start, NULL, NULL))
    return;

  rule->weekday = g_date_get_weekday (&start);
  rule->week_of_month = (g_date_get_day (&start) - 1) / 7 + 1;
  rule->day_of_month = g_date_get_day (&start);
  if (frequency == BB_RECURRENCE_WEEKLY)
    rule->weekdays = BB_WEEKDAY_BIT (rule->weekday);
}

static gboolean
set_unsupported (GError     **error,
                 const char  *rrule)
{
  g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_UNSUPPORTED,
               _("Unsupported repeat rule: %s"), rrule);
  return FALSE;
}

static gboolean
set_invalid (GError     **error,
             const char  *rrule)
{
  g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_INVALID,
               _("Invalid repeat rule: %s"), rrule);
  return FALSE;
}

/* "2TU", "-1FR", "TU" → n (0 if none) and weekday. */
static gboolean
parse_byday (const char   *text,
             int          *n,
             GDateWeekday *weekday)
{
  char *end = NULL;
  size_t len = strlen (text);

  *n = 0;
  if (len < 2)
    return FALSE;
  if (len > 2)
    {
      gint64 value = g_ascii_strtoll (text, &end, 10);

      if (end != text + len - 2 || value == 0 || value < -5 || value > 5)
        return FALSE;
      *n = (int) value;
    }
  for (int i = 1; i <= 7; i++)
    if (g_ascii_strcasecmp (text + len - 2, byday_names[i]) == 0)
      {
        *weekday = (GDateWeekday) i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
parse_uint (const char *text,
            guint       min,
            guint       max,
            guint      *value)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &parsed, NULL))
    return FALSE;
  *value = (guint) parsed;

  return TRUE;
}

/* UNTIL as a local date: DATE, UTC or floating date-time. A date-time before the start's
 * time of day ends on the day before, since that day's occurrence lies after it. */
static gboolean
parse_until (const char *text,
             int         start_hour,
             int         start_minute,
             GDate      *until)
{
  size_t len = strlen (text);
  guint y, m, d, h = 0, min = 0, s = 0;

  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]) && !(i == 8 && text[i] == 'T') && !(i == 15 && text[i] == 'Z'))
      return FALSE;
  if (len != 8 && len != 15 && len != 16)
    return FALSE;
  if (sscanf (text, "%4u%2u%2u", &y, &m, &d) != 3)
    return FALSE;
  if (len > 8 && sscanf (text + 9, "%2u%2u%2u", &h, &min, &s) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y) || h > 23 || min > 59 || s > 60)
    return FALSE;

  if (len == 16)
    {
      /* A leap second (:60) is the second before for GDateTime, which has none. */
      g_autoptr(GDateTime) utc = g_date_time_new_utc (y, m, d, h, min, MIN (s, 59));
      int ly, lm, ld, lh, lmin, ls;

      if (utc == NULL)
        return FALSE;
      bb_timezone_unix_to_local (g_date_time_to_unix (utc), &ly, &lm, &ld, &lh, &lmin, &ls);
      y = ly; m = lm; d = ld; h = lh; min = lmin; s = ls;
    }

  g_date_clear (until, 1);
  g_date_set_dmy (until, d, m, y);
  if (len > 8 && start_hour >= 0
      && (int) (h * 60 + min) < start_hour * 60 + start_minute)
    g_date_subtract_days (until, 1);

  return TRUE;
}

gboolean
bb_recurrence_rule_parse (BbRecurrenceRule  *rule,
                          const char        *rrule,
                          const char        *starts_at,
                          GError           **error)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) bydays = NULL;
  GDate start;
  int hour, minute;
  const char *freq = NULL, *interval = NULL, *count = NULL, *until = NULL, *byday = NULL;
  const char *bymonthday = NULL, *bymonth = NULL, *bysetpos = NULL, *wkst = NULL;
  BbRecurrenceRule parsed;

  g_return_val_if_fail (rule != NULL, FALSE);

  if (!bb_recurrence_parse_time (starts_at, &start, &hour, &minute))
    {
      g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_INVALID,
                   _("Invalid start: %s"), starts_at != NULL ? starts_at : "");
      return FALSE;
    }

  if (rrule == NULL || *rrule == '\0')
    {
      bb_recurrence_rule_init (rule, BB_RECURRENCE_NONE, starts_at);
      return TRUE;
    }

  parts = g_strsplit (rrule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');
      const char *key = parts[i];
      const char **slot;

      if (*parts[i] == '\0')
        continue;
      if (eq == NULL || eq[1] == '\0')
        return set_invalid (error, rrule);
      *eq = '\0';
      if (g_ascii_strcasecmp (key, "FREQ") == 0)
        slot = &freq;
      else if (g_ascii_strcasecmp (key, "INTERVAL") == 0)
        slot = &interval;
      else if (g_ascii_strcasecmp (key, "COUNT") == 0)
        slot = &count;
      else if (g_ascii_strcasecmp (key, "UNTIL") == 0)
        slot = &until;
      else if (g_ascii_strcasecmp (key, "BYDAY") == 0)
        slot = &byday;
      else if (g_ascii_strcasecmp (key, "BYMONTHDAY") == 0)
        slot = &bymonthday;
      else if (g_ascii_strcasecmp (key, "BYMONTH") == 0)
        slot = &bymonth;
      else if (g_ascii_strcasecmp (key, "BYSETPOS") == 0)
        slot = &bysetpos;
      else if (g_ascii_strcasecmp (key, "WKST") == 0)
        slot = &wkst;
      else if (g_ascii_strcasecmp (key, "BYSECOND") == 0 || g_ascii_strcasecmp (key, "BYMINUTE") == 0
               || g_ascii_strcasecmp (key, "BYHOUR") == 0 || g_ascii_strcasecmp (key, "BYYEARDAY") == 0
               || g_ascii_strcasecmp (key, "BYWEEKNO") == 0)
        {
          *eq = '=';
          return set_unsupported (error, rrule);
        }
      else
        {
          *eq = '=';
          return set_invalid (error, rrule);
        }
      if (*slot != NULL)
        {
          *eq = '=';
          return set_invalid (error, rrule);
        }
      *slot = eq + 1;
    }

  if (freq == NULL)
    return set_invalid (error, rrule);

  bb_recurrence_rule_init (&parsed, BB_RECURRENCE_NONE, starts_at);
  if (interval != NULL && !parse_uint (interval, 1, 1000, &parsed.interval))
    return set_invalid (error, rrule);
  if (count != NULL && !parse_uint (count, 1, G_MAXINT, &parsed.count))
    return set_invalid (error, rrule);
  if (until != NULL && !parse_until (until, hour, minute, &parsed.until))
    return set_invalid (error, rrule);
  if (until != NULL && count != NULL)
    return set_invalid (error, rrule);
  if (bydays == NULL && byday != NULL)
    bydays = g_strsplit (byday, ",", -1);

  if (g_ascii_strcasecmp (freq, "DAILY") == 0)
    {
      if (byday != NULL || bymonthday != NULL || bymonth != NULL || bysetpos != NULL)
        return set_unsupported (error, rrule);
      parsed.frequency = BB_RECURRENCE_DAILY;
    }
  else if (g_ascii_strcasecmp (freq, "WEEKLY") == 0)
    {
      if (bymonthday != NULL || bymonth != NULL || bysetpos != NULL)
        return set_unsupported (error, rrule);
      parsed.frequency = BB_RECURRENCE_WEEKLY;
      parsed.weekdays = 0;
      for (guint i = 0; bydays != NULL && bydays[i] != NULL; i++)
        {
          int n;
          GDateWeekday weekday;

          if (!parse_byday (bydays[i], &n, &weekday))
            return set_invalid (error, rrule);
          if (n != 0)
            return set_unsupported (error, rrule);
          parsed.weekdays |= BB_WEEKDAY_BIT (weekday);
        }
      if (parsed.weekdays == 0)
        parsed.weekdays = BB_WEEKDAY_BIT (g_date_get_weekday (&start));
      /* We group the weeks of "every 2 weeks" from Monday. Another WKST only changes that
       * if the weekdays lie on both sides of it (WKST=SU with Sunday and Monday). */
      if (wkst != NULL && parsed.interval > 1)
        {
          int n;
          GDateWeekday start_day;
          guint before;

          if (!parse_byday (wkst, &n, &start_day) || n != 0)
            return set_invalid (error, rrule);
          before = BB_WEEKDAY_BIT (start_day) - 1;
          if ((parsed.weekdays & before) != 0 && (parsed.weekdays & ~before) != 0)
            return set_unsupported (error, rrule);
        }
    }
  else if (g_ascii_strcasecmp (freq, "MONTHLY") == 0)
    {
      if (bymonth != NULL)
        return set_unsupported (error, rrule);
      if (byday != NULL)
        {
          int n;
          GDateWeekday weekday;

          if (bymonthday != NULL || g_strv_length (bydays) != 1
              || !parse_byday (bydays[0], &n, &weekday))
            return set_unsupported (error, rrule);
          /* Outlook writes "2nd Tuesday" as BYDAY=TU;BYSETPOS=2 */
          if (bysetpos != NULL)
            {
              gint64 pos;
              char *end = NULL;

              pos = g_ascii_strtoll (bysetpos, &end, 10);
              if (n != 0 || end == bysetpos || *end != '\0' || pos == 0 || pos < -1 || pos > 5)
                return set_unsupported (error, rrule);
              n = (int) pos;
            }
          if (n == 0 || n < -1)
            return set_unsupported (error, rrule);
          parsed.frequency = BB_RECURRENCE_MONTHLY_BY_WEEKDAY;
          parsed.week_of_month = n;
          parsed.weekday = weekday;
        }
      else
        {
          guint day;

          if (bysetpos != NULL)
            return set_unsupported (error, rrule);
          if (bymonthday != NULL && !parse_uint (bymonthday, 1, 31, &day))
            return set_unsupported (error, rrule);
          parsed.frequency = BB_RECURRENCE_MONTHLY_BY_DAY;
          parsed.day_of_month = bymonthday != NULL ? (int) day : g_date_get_day (&start);
        }
    }
  else if (g_ascii_strcasecmp (freq, "YEARLY") == 0)
    {
      guint value;

      if (byday != NULL || bysetpos != NULL)
        return set_unsupported (error, rrule);
      if (bymonth != NULL
          && (!parse_uint (bymonth, 1, 12, &value) || value != g_date_get_month (&start)))
        return set_unsupported (error, rrule);
      if (bymonthday != NULL
          && (!parse_uint (bymonthday, 1, 31, &value) || value != g_date_get_day (&start)))
        return set_unsupported (error, rrule);
      parsed.frequency = BB_RECURRENCE_YEARLY;
    }
  else if (g_ascii_strcasecmp (freq, "SECONDLY") == 0 || g_ascii_strcasecmp (freq, "MINUTELY") == 0
           || g_ascii_strcasecmp (freq, "HOURLY") == 0)
    return set_unsupported (error, rrule);
  else
    return set_invalid (error, rrule);

  *rule = parsed;

  return TRUE;
}

char *
bb_recurrence_rule_to_rrule (const BbRecurrenceRule *rule,
                             const char             *starts_at)
{
  g_autoptr(GString) text = NULL;
  GDate start;
  int hour = -1, minute = -1;
  guint interval;

  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->frequency == BB_RECURRENCE_NONE)
    return NULL;

  g_date_clear (&start, 1);
  bb_recurrence_parse_time (starts_at, &start, &hour, &minute);
  interval = MAX (rule->interval, 1);
  text = g_string_new ("FREQ=");

  switch (rule->frequency)
    {
    case BB_RECURRENCE_DAILY:
      g_string_append (text, "DAILY");
      break;
    case BB_RECURRENCE_WEEKLY:
      g_string_append (text, "WEEKLY");
      break;
    case BB_RECURRENCE_MONTHLY_BY_WEEKDAY:
    case BB_RECURRENCE_MONTHLY_BY_DAY:
      g_string_append (text, "MONTHLY");
      break;
    case BB_RECURRENCE_YEARLY:
      g_string_append (text, "YEARLY");
      break;
    case BB_RECURRENCE_NONE:
    default:
      g_return_val_if_reached (NULL);
    }

  if (interval > 1)
    g_string_append_printf (text, ";INTERVAL=%u", interval);

  switch (rule->frequency)
    {
    case BB_RECURRENCE_WEEKLY:
      {
        guint mask = rule->weekdays;
        gboolean first = TRUE;

        if (mask == 0 && g_date_valid (&start))
          mask = BB_WEEKDAY_BIT (g_date_get_weekday (&start));
        g_string_append (text, ";BYDAY=");
        for (int i = 1; i <= 7; i++)
          if (mask & BB_WEEKDAY_BIT (i))
            {
              g_string_append_printf (text, "%s%s", first ? "" : ",", byday_names[i]);
              first = FALSE;
            }
      }
      break;
    case BB_RECURRENCE_MONTHLY_BY_WEEKDAY:
      g_string_append_printf (text, ";BYDAY=%d%s", rule->week_of_month,
                              byday_names[CLAMP ((int) rule->weekday, 1, 7)]);
      break;
    case BB_RECURRENCE_MONTHLY_BY_DAY:
      g_string_append_printf (text, ";BYMONTHDAY=%d", rule->day_of_month);
      break;
    case BB_RECURRENCE_YEARLY:
      if (g_date_valid (&start))
        g_string_append_printf (text, ";BYMONTH=%d;BYMONTHDAY=%d", g_date_get_month (&start),
                                g_date_get_day (&start));
      break;
    case BB_RECURRENCE_DAILY:
    case BB_RECURRENCE_NONE:
    default:
      break;
    }

  if (g_date_valid (&rule->until))
    {
      if (hour < 0)
        g_string_append_printf (text, ";UNTIL=%04d%02d%02d", g_date_get_year (&rule->until),
                                g_date_get_month (&rule->until), g_date_get_day (&rule->until));
      else
        {
          gint64 unix_time = bb_timezone_local_to_unix (g_date_get_year (&rule->until),
                                                        g_date_get_month (&rule->until),
                                                        g_date_get_day (&rule->until),
                                                        hour, minute);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

          /* Four digits for the year also before 1000 (g_date_time_format's %Y has not). */
          if (utc != NULL)
            g_string_append_printf (text, ";UNTIL=%04d%02d%02dT%02d%02d%02dZ",
                                    g_date_time_get_year (utc), g_date_time_get_month (utc),
                                    g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                    g_date_time_get_minute (utc), g_date_time_get_second (utc));
        }
    }
  else if (rule->count > 0)
    g_string_append_printf (text, ";COUNT=%u", rule->count);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sentences */

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  return _(names[CLAMP ((int) weekday, 1, 7)]);
}

static char *
ordinal_weekday (int          n,
                 GDateWeekday weekday)
{
  const char *day = weekday_name (weekday);

  /* Translators: "%s" is a weekday; these complete "Every %s of the month". German needs
   * the accusative after "Jeden": "2. %s", "letzten %s". */
  switch (n)
    {
    case 1: return g_strdup_printf (C_("nth weekday", "1st %s"), day);
    case 2: return g_strdup_printf (C_("nth weekday", "2nd %s"), day);
    case 3: return g_strdup_printf (C_("nth weekday", "3rd %s"), day);
    case 4: return g_strdup_printf (C_("nth weekday", "4th %s"), day);
    case 5: return g_strdup_printf (C_("nth weekday", "5th %s"), day);
    default: return g_strdup_printf (C_("nth weekday", "last %s"), day);
    }
}

static char *
format_date (const GDate *date)
{
  /* The app writes dates the German way everywhere (see bb-format). */
  return g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static char *
describe_weekdays (guint mask)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 1; i <= 7; i++)
    if (mask & BB_WEEKDAY_BIT (i))
      g_ptr_array_add (names, (gpointer) weekday_name ((GDateWeekday) i));

  for (guint i = 0; i < names->len; i++)
    {
      if (i == 0)
        g_string_append (text, names->pdata[i]);
      else if (i + 1 < names->len)
        /* Translators: between weekdays of a list, "Monday, Tuesday and Friday" */
        g_string_append_printf (text, _(", %s"), (const char *) names->pdata[i]);
      else
        /* Translators: before the last weekday of a list, "Monday, Tuesday and Friday" */
        g_string_append_printf (text, _(" and %s"), (const char *) names->pdata[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
bb_recurrence_rule_describe (const BbRecurrenceRule *rule)
{
  g_autofree char *base = NULL;
  guint k;

  if (rule == NULL || rule->frequency == BB_RECURRENCE_NONE)
    return g_strdup (_("Does not repeat"));

  k = MAX (rule->interval, 1);

  switch (rule->frequency)
    {
    case BB_RECURRENCE_DAILY:
      if (k == 1)
        base = g_strdup (_("Every day"));
      else
        base = g_strdup_printf (ngettext ("Every %u day", "Every %u days", k), k);
      break;

    case BB_RECURRENCE_WEEKLY:
      {
        guint mask = rule->weekdays != 0 ? rule->weekdays : BB_WEEKDAY_BIT (CLAMP ((int) rule->weekday, 1, 7));
        g_autofree char *days = describe_weekdays (mask);

        if (k == 1)
          /* Translators: "%s" is one or more weekdays: "Every week on Tuesday and Thursday" */
          base = g_strdup_printf (_("Every week on %s"), days);
        else
          /* Translators: "Every 2 weeks on Tuesday" */
          base = g_strdup_printf (ngettext ("Every %u week on %s", "Every %u weeks on %s", k),
                                  k, days);
      }
      break;

    case BB_RECURRENCE_MONTHLY_BY_WEEKDAY:
      {
        g_autofree char *which = ordinal_weekday (rule->week_of_month, rule->weekday);

        if (k == 1)
          /* Translators: "%s" is "2nd Tuesday", "last Friday": "Every 2nd Tuesday of the
           * month" (German: "Jeden %s im Monat") */
          base = g_strdup_printf (_("Every %s of the month"), which);
        else
          /* Translators: "The 2nd Tuesday of every 3 months" */
          base = g_strdup_printf (ngettext ("The %s of every %u month", "The %s of every %u months", k),
                                  which, k);
      }
      break;

    case BB_RECURRENCE_MONTHLY_BY_DAY:
      if (k == 1)
        /* Translators: "Every month on day 15" */
        base = g_strdup_printf (_("Every month on day %d"), rule->day_of_month);
      else
        base = g_strdup_printf (ngettext ("Every %u month on day %d", "Every %u months on day %d", k),
                                k, rule->day_of_month);
      break;

    case BB_RECURRENCE_YEARLY:
      if (k == 1)
        base = g_strdup (_("Every year"));
      else
        base = g_strdup_printf (ngettext ("Every %u year", "Every %u years", k), k);
      break;

    case BB_RECURRENCE_NONE:
    default:
      g_return_val_if_reached (NULL);
    }

  if (g_date_valid (&rule->until))
    {
      g_autofree char *date = format_date (&rule->until);

      /* Translators: a repeat rule and its end: "Every day, until 15.12.2027" */
      return g_strdup_printf (_("%s, until %s"), base, date);
    }
  if (rule->count > 0)
    /* Translators: a repeat rule and its number of times: "Every day, 10 times" */
    return g_strdup_printf (ngettext ("%s, %u time", "%s, %u times", rule->count),
                            base, rule->count);

  return g_steal_pointer (&base);
}

char *
bb_recurrence_describe_event (BbEvent *event)
{
  BbRecurrenceRule rule;

  g_return_val_if_fail (BB_IS_EVENT (event), NULL);

  if (!bb_recurrence_rule_parse (&rule, bb_event_get_rrule (event),
                                 bb_event_get_starts_at (event), NULL))
    return NULL;

  return bb_recurrence_rule_describe (&rule);
}

/* Occurrences */

struct _BbOccurrence
{
  GObject parent_instance;

  BbEvent *event;
  char *recurrence_id;
  char *starts_at;
  char *ends_at;
  char *title;
  char *location;
  char *status;
  gint64 override_id;
  guint index;
  guint moved : 1;
  guint excluded : 1;
};

G_DEFINE_FINAL_TYPE (BbOccurrence, bb_occurrence, G_TYPE_OBJECT)

static void
bb_occurrence_finalize (GObject *object)
{
  BbOccurrence *self = (BbOccurrence *) object;

  g_clear_object (&self->event);
  g_free (self->recurrence_id);
  g_free (self->starts_at);
  g_free (self->ends_at);
  g_free (self->title);
  g_free (self->location);
  g_free (self->status);

  G_OBJECT_CLASS (bb_occurrence_parent_class)->finalize (object);
}

static void
bb_occurrence_class_init (BbOccurrenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bb_occurrence_finalize;
}

static void
bb_occurrence_init (BbOccurrence *self)
{
}

BbEvent *
bb_occurrence_get_event (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->event;
}

gint64
bb_occurrence_get_event_id (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), 0);
  return bb_record_get_id (BB_RECORD (self->event));
}

const char *
bb_occurrence_get_recurrence_id (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->recurrence_id;
}

const char *
bb_occurrence_get_starts_at (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->starts_at;
}

const char *
bb_occurrence_get_ends_at (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->ends_at;
}

gboolean
bb_occurrence_get_all_day (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), FALSE);
  return bb_event_get_all_day (self->event);
}

const char *
bb_occurrence_get_title (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->title != NULL ? self->title : bb_event_get_title (self->event);
}

const char *
bb_occurrence_get_location (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->location != NULL ? self->location : bb_event_get_location (self->event);
}

const char *
bb_occurrence_get_status (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), NULL);
  return self->status;
}

gboolean
bb_occurrence_is_cancelled (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), FALSE);
  return g_strcmp0 (self->status, "cancelled") == 0;
}

BbOccurrence *
bb_occurrence_new_excluded (BbEvent    *event,
                            const char *recurrence_id)
{
  BbOccurrence *self;

  g_return_val_if_fail (BB_IS_EVENT (event), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  self = g_object_new (BB_TYPE_OCCURRENCE, NULL);
  self->event = g_object_ref (event);
  self->recurrence_id = g_strdup (recurrence_id);
  self->starts_at = g_strdup (recurrence_id);
  self->ends_at = bb_recurrence_time_add (recurrence_id, bb_recurrence_event_duration (event));
  if (self->ends_at == NULL)
    self->ends_at = g_strdup (recurrence_id);
  self->status = g_strdup ("cancelled");
  self->excluded = TRUE;

  return self;
}

gboolean
bb_occurrence_is_excluded (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), FALSE);
  return self->excluded;
}

gboolean
bb_occurrence_is_overridden (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), FALSE);
  return self->override_id != 0;
}

gboolean
bb_occurrence_is_moved (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), FALSE);
  return self->moved;
}

gint64
bb_occurrence_get_override_id (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), 0);
  return self->override_id;
}

guint
bb_occurrence_get_index (BbOccurrence *self)
{
  g_return_val_if_fail (BB_IS_OCCURRENCE (self), 0);
  return self->index;
}

/* The generator: calls back for every date of the rule from the start on, in order, until
 * the callback returns FALSE or the rule ends. Returns FALSE if MAX_PERIODS were walked. */
typedef gboolean (*DateFunc) (const GDate *date,
                              guint        index,
                              gpointer     user_data);

static gboolean
generate_dates (const BbRecurrenceRule *rule,
                const GDate            *start,
                DateFunc                func,
                gpointer                user_data)
{
  guint interval = MAX (rule->interval, 1);
  guint index = 0;
  GDate date;

  if (rule->frequency == BB_RECURRENCE_NONE)
    {
      func (start, 0, user_data);
      return TRUE;
    }

  for (guint period = 0; period < MAX_PERIODS; period++)
    {
      GDate candidates[7];
      guint n_candidates = 0;

      g_date_clear (candidates, 7);
      switch (rule->frequency)
        {
        case BB_RECURRENCE_DAILY:
          candidates[0] = *start;
          g_date_add_days (&candidates[0], period * interval);
          n_candidates = 1;
          break;

        case BB_RECURRENCE_WEEKLY:
          {
            guint mask = rule->weekdays != 0 ? rule->weekdays
                         : BB_WEEKDAY_BIT (g_date_get_weekday (start));
            GDate monday = *start;

            g_date_subtract_days (&monday, g_date_get_weekday (start) - 1);
            g_date_add_days (&monday, period * interval * 7);
            for (int i = 1; i <= 7; i++)
              if (mask & BB_WEEKDAY_BIT (i))
                {
                  candidates[n_candidates] = monday;
                  g_date_add_days (&candidates[n_candidates], i - 1);
                  n_candidates++;
                }
          }
          break;

        case BB_RECURRENCE_MONTHLY_BY_WEEKDAY:
        case BB_RECURRENCE_MONTHLY_BY_DAY:
          {
            guint day;

            date = *start;
            g_date_set_day (&date, 1);
            g_date_add_months (&date, period * interval);
            if (rule->frequency == BB_RECURRENCE_MONTHLY_BY_WEEKDAY)
              day = nth_weekday_of_month (g_date_get_year (&date), g_date_get_month (&date),
                                          rule->week_of_month,
                                          CLAMP ((int) rule->weekday, 1, 7));
            else
              day = rule->day_of_month <= (int) days_in_month (g_date_get_year (&date),
                                                               g_date_get_month (&date))
                    ? (guint) rule->day_of_month : 0;
            if (day != 0)
              {
                g_date_set_day (&date, day);
                candidates[n_candidates++] = date;
              }
          }
          break;

        case BB_RECURRENCE_YEARLY:
          {
            GDateYear year = g_date_get_year (start) + period * interval;

            if (g_date_valid_dmy (g_date_get_day (start), g_date_get_month (start), year))
              {
                g_date_set_dmy (&candidates[0], g_date_get_day (start), g_date_get_month (start),
                                year);
                n_candidates = 1;
              }
          }
          break;

        case BB_RECURRENCE_NONE:
        default:
          g_assert_not_reached ();
        }

      for (guint i = 0; i < n_candidates; i++)
        {
          if (g_date_compare (&candidates[i], start) < 0)
            continue;
          if (g_date_valid (&rule->until) && g_date_compare (&candidates[i], &rule->until) > 0)
            return TRUE;
          if (rule->count > 0 && index >= rule->count)
            return TRUE;
          if (!func (&candidates[i], index++, user_data))
            return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  BbEvent *event;
  GHashTable *exdates;      /* time keys (gint64 *) */
  GHashTable *overrides;    /* time key of recurrence-id → BbEventOverride */
  gint64 from, to;          /* time keys */
  gint64 stop;              /* no dates after this time key are needed */
  gint64 duration;          /* minutes, or days for all-day events */
  int hour, minute;         /* start's time of day, -1 for all-day */
  BbRecurrenceExpandFlags flags;
  GPtrArray *result;
  gboolean too_many;
  const char *wanted;       /* is_occurrence: the recurrence-id looked for */
  gint64 wanted_key;
  gboolean found;
} Expansion;

static gboolean
overlaps (gint64 start,
          gint64 end,
          gint64 from,
          gint64 to)
{
  if (start >= to)
    return FALSE;
  return end > from || (end == start && start >= from);
}

static gboolean
add_occurrence (const GDate *date,
                guint        index,
                gpointer     user_data)
{
  Expansion *x = user_data;
  g_autofree char *rid = NULL;
  gint64 key = (gint64) g_date_get_julian (date) * 1440 + MAX (x->hour, 0) * 60 + MAX (x->minute, 0);
  BbEventOverride *override;
  g_autoptr(BbOccurrence) occurrence = NULL;
  gint64 start, end;
  const char *status;

  if (key >= x->stop)
    return FALSE;
  if (x->wanted != NULL)
    {
      if (key == x->wanted_key)
        {
          x->found = TRUE;
          return FALSE;
        }
      return TRUE;
    }
  if (g_hash_table_contains (x->exdates, &key))
    return TRUE;

  override = g_hash_table_lookup (x->overrides, &key);
  /* Most dates of a long series lie before the range: passed over without an object. */
  if (override == NULL
      && !overlaps (key, x->hour < 0 ? key + x->duration * 1440 : key + x->duration, x->from, x->to))
    return TRUE;
  rid = format_time (date, x->hour, x->minute);
  occurrence = g_object_new (BB_TYPE_OCCURRENCE, NULL);
  occurrence->event = g_object_ref (x->event);
  occurrence->recurrence_id = g_steal_pointer (&rid);
  occurrence->index = index;
  status = bb_event_get_status (x->event);

  if (override != NULL)
    {
      gboolean ok_start, ok_end;

      start = time_key (bb_event_override_get_starts_at (override), &ok_start);
      end = time_key (bb_event_override_get_ends_at (override), &ok_end);
      if (!ok_start || !ok_end)
        {
          start = key;
          end = x->hour < 0 ? key + x->duration * 1440 : key + x->duration;
        }
      occurrence->override_id = bb_record_get_id (BB_RECORD (override));
      occurrence->starts_at = g_strdup (bb_event_override_get_starts_at (override));
      occurrence->ends_at = g_strdup (bb_event_override_get_ends_at (override));
      occurrence->title = g_strdup (bb_event_override_get_title (override));
      occurrence->location = g_strdup (bb_event_override_get_location (override));
      occurrence->moved = start != key || end != (x->hour < 0 ? key + x->duration * 1440 : key + x->duration);
      if (g_strcmp0 (status, "cancelled") != 0)
        status = bb_event_override_get_status (override);
    }
  else
    {
      occurrence->starts_at = g_strdup (occurrence->recurrence_id);
      occurrence->ends_at = bb_recurrence_time_add (occurrence->recurrence_id, x->duration);
      start = key;
      end = x->hour < 0 ? key + x->duration * 1440 : key + x->duration;
    }
  occurrence->status = g_strdup (status != NULL ? status : "confirmed");

  if (!overlaps (start, end, x->from, x->to))
    return TRUE;
  if (bb_occurrence_is_cancelled (occurrence) && !(x->flags & BB_RECURRENCE_EXPAND_WITH_CANCELLED))
    return TRUE;
  if (x->result->len >= BB_RECURRENCE_MAX_OCCURRENCES)
    {
      x->too_many = TRUE;
      return FALSE;
    }
  g_ptr_array_add (x->result, g_steal_pointer (&occurrence));

  return !(x->flags & BB_RECURRENCE_EXPAND_ANY);
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  BbOccurrence *x = *(BbOccurrence **) a;
  BbOccurrence *y = *(BbOccurrence **) b;
  gint64 kx = time_key (x->starts_at, NULL), ky = time_key (y->starts_at, NULL);

  if (kx != ky)
    return kx < ky ? -1 : 1;
  return (int) x->index - (int) y->index;
}

static gboolean
expansion_init (Expansion  *x,
                BbEvent    *event,
                GPtrArray  *overrides,
                GDate      *start,
                BbRecurrenceRule *rule,
                GError    **error)
{
  const char *starts_at = bb_event_get_starts_at (event);
  g_auto(GStrv) exdates = NULL;
  gboolean ok;

  memset (x, 0, sizeof *x);
  if (!bb_recurrence_parse_time (starts_at, start, &x->hour, &x->minute))
    {
      g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_INVALID,
                   _("Invalid start: %s"), starts_at != NULL ? starts_at : "");
      return FALSE;
    }
  if (!bb_recurrence_rule_parse (rule, bb_event_get_rrule (event), starts_at, error))
    return FALSE;

  x->event = event;
  x->duration = bb_recurrence_event_duration (event);
  x->exdates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  x->overrides = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  exdates = g_strsplit (bb_event_get_exdates (event) != NULL ? bb_event_get_exdates (event) : "",
                        ",", -1);
  for (guint i = 0; exdates[i] != NULL; i++)
    {
      gint64 key = time_key (g_strstrip (exdates[i]), &ok);

      if (ok)
        g_hash_table_add (x->exdates, g_memdup2 (&key, sizeof key));
    }

  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      BbEventOverride *override = g_ptr_array_index (overrides, i);
      gint64 key = time_key (bb_event_override_get_recurrence_id (override), &ok);

      if (ok)
        g_hash_table_insert (x->overrides, g_memdup2 (&key, sizeof key), g_object_ref (override));
    }

  return TRUE;
}

static void
expansion_clear (Expansion *x)
{
  g_clear_pointer (&x->exdates, g_hash_table_unref);
  g_clear_pointer (&x->overrides, g_hash_table_unref);
}

GPtrArray *
bb_recurrence_expand (BbEvent                 *event,
                      GPtrArray               *overrides,
                      const char              *from,
                      const char              *to,
                      BbRecurrenceExpandFlags  flags,
                      GError                 **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  BbRecurrenceRule rule;
  Expansion x;
  GDate start;
  gboolean ok_from, ok_to, complete;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (BB_IS_EVENT (event), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!expansion_init (&x, event, overrides, &start, &rule, error))
    return NULL;

  x.from = time_key (from, &ok_from);
  x.to = time_key (to, &ok_to);
  if (!ok_from || !ok_to)
    {
      expansion_clear (&x);
      g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_INVALID,
                   _("Invalid range: %s – %s"), from, to);
      return NULL;
    }
  x.flags = flags;
  x.result = result;
  /* Moved occurrences may come into the range from outside: walk up to the last original
   * time of an override as well. */
  x.stop = x.to;
  g_hash_table_iter_init (&iter, x.overrides);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    x.stop = MAX (x.stop, *(gint64 *) key + 1);

  complete = generate_dates (&rule, &start, add_occurrence, &x);
  expansion_clear (&x);

  if (x.too_many || !complete)
    {
      g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_TOO_MANY,
                   _("The series has too many occurrences (more than %d) in this period"),
                   BB_RECURRENCE_MAX_OCCURRENCES);
      return NULL;
    }

  g_ptr_array_sort (result, compare_occurrences);

  return g_steal_pointer (&result);
}

gboolean
bb_recurrence_is_occurrence (BbEvent    *event,
                             const char *recurrence_id)
{
  BbRecurrenceRule rule;
  Expansion x;
  GDate start;
  gboolean ok;

  g_return_val_if_fail (BB_IS_EVENT (event), FALSE);

  if (recurrence_id == NULL || !expansion_init (&x, event, NULL, &start, &rule, NULL))
    return FALSE;

  x.wanted = recurrence_id;
  x.wanted_key = time_key (recurrence_id, &ok);
  x.stop = x.wanted_key + 1;
  /* A date-time recurrence-id of an all-day series, or the other way round, is none. */
  if (ok && (strlen (recurrence_id) == 10) == (x.hour < 0))
    generate_dates (&rule, &start, add_occurrence, &x);
  expansion_clear (&x);

  return x.found;
}

typedef struct
{
  gint64 split_key;
  int hour, minute;
  guint n_before;
  gboolean found;
} SplitCount;

static gboolean
count_before (const GDate *date,
              guint        index,
              gpointer     user_data)
{
  SplitCount *s = user_data;
  gint64 key = (gint64) g_date_get_julian (date) * 1440 + MAX (s->hour, 0) * 60 + MAX (s->minute, 0);

  if (key >= s->split_key)
    {
      s->found = key == s->split_key;
      return FALSE;
    }
  s->n_before = index + 1;

  return TRUE;
}

gboolean
bb_recurrence_split (BbEvent     *event,
                     const char  *recurrence_id,
                     char       **old_rrule,
                     char       **new_rrule,
                     GError     **error)
{
  BbRecurrenceRule rule, old_rule, new_rule;
  SplitCount s = { 0 };
  GDate start, split;
  const char *starts_at;
  gboolean ok;

  g_return_val_if_fail (BB_IS_EVENT (event), FALSE);
  g_return_val_if_fail (old_rrule != NULL && new_rrule != NULL, FALSE);

  starts_at = bb_event_get_starts_at (event);
  if (!bb_recurrence_rule_parse (&rule, bb_event_get_rrule (event), starts_at, error))
    return FALSE;
  bb_recurrence_parse_time (starts_at, &start, &s.hour, &s.minute);
  s.split_key = time_key (recurrence_id, &ok);

  if (rule.frequency == BB_RECURRENCE_NONE || !ok || !bb_recurrence_is_occurrence (event, recurrence_id))
    {
      g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_INVALID,
                   _("%s is no occurrence of the series"), recurrence_id != NULL ? recurrence_id : "");
      return FALSE;
    }

  generate_dates (&rule, &start, count_before, &s);
  if (s.n_before == 0)
    {
      g_set_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_INVALID,
                   _("The series cannot be split at its first occurrence"));
      return FALSE;
    }

  old_rule = rule;
  old_rule.count = 0;
  bb_recurrence_parse_time (recurrence_id, &split, NULL, NULL);
  old_rule.until = split;
  g_date_subtract_days (&old_rule.until, 1);

  new_rule = rule;
  if (rule.count > 0)
    new_rule.count = rule.count - s.n_before;
  /* "The 2nd Tuesday" stays the 2nd Tuesday whatever the new start; weekly rules keep their
   * weekdays, monthly-by-day rules their day. */

  *old_rrule = bb_recurrence_rule_to_rrule (&old_rule, starts_at);
  *new_rrule = bb_recurrence_rule_to_rrule (&new_rule, recurrence_id);

  return TRUE;
}
