/* fuzz-text.c: the readers of typed and imported text, fed arbitrary bytes.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every input goes through all of them (each costs microseconds), so that the fuzzer keeps an
 * input for what it opens in any one:
 *   - the checks and the date reader of bb-validate.c (what the editors take),
 *   - the dates and times typed in the calendar and consultation editors, and the report's,
 *   - store times and their arithmetic (bb_recurrence_parse_time/_time_add),
 *   - the RRULE reader against a few starts, with what follows from a rule it accepts: written
 *     back, read again to the same rule, described, expanded over two years, split,
 *   - the FTS5 query built from a search text, run on an FTS5 table like the store's: it must
 *     never be an SQL error.
 * A line break splits the input into a date and a time for bb_calendar_parse_date_time().
 * The assertions are the parsers' promises in their headers. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bb-calendar-util.h"
#include "bb-consultation-util.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-fuzz.h"
#include "bb-report.h"
#include "bb-store-private.h"
#include "bb-validate.h"

/* Starts of the rules: an ordinary timed one, a 31st, a leap day, the last day we accept. */
static const char * const starts[] = {
  "2026-01-13T10:00",
  "2026-01-31T18:30",
  "2024-02-29",
  "9999-12-31T23:59",
};

static sqlite3 *fts;

static void
fts_init (void)
{
  static const char * const rows[] = {
    "Notunterkunft Tempelhofer Damm", "Sprachcafé für Kinder",
    "Beratung: Wohnungssuche, Schule", "مرحبا Grüße 😀 straße",
  };
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &fts), ==, SQLITE_OK);
  if (sqlite3_exec (fts,
                    "CREATE VIRTUAL TABLE search_index USING fts5 ("
                    " kind UNINDEXED, ref UNINDEXED, title, body,"
                    " tokenize = 'unicode61 remove_diacritics 2')",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("FTS5 table: %s", message);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      char *sql = sqlite3_mprintf ("INSERT INTO search_index VALUES ('shelter', %u, %Q, %Q)",
                                   i, rows[i], rows[(i + 1) % G_N_ELEMENTS (rows)]);

      g_assert_cmpint (sqlite3_exec (fts, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
    }
}

/* As bb_store_search() and the consultations' and network's filters run it. */
static void
fts_run (const char *match)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (match == NULL)
    return;

  rc = sqlite3_prepare_v2 (fts,
                           "SELECT kind, ref, snippet (search_index, 3, char (2), char (3), '…', 12),"
                           " bm25 (search_index, 0, 0, 10.0, 1.0) AS rank"
                           " FROM search_index WHERE search_index MATCH ?1 ORDER BY rank LIMIT 20",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("FTS5 query failed (%d): %s", rc, sqlite3_errmsg (fts));
  sqlite3_finalize (stmt);
}

static void
check_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return;
  g_assert_true (bb_report_parse_date (iso, &date));
  g_assert_true (bb_format_parse_date (iso, &date));
}

static void
check_dates (const char *text)
{
  g_autofree char *validated = bb_validate_parse_date (text);
  g_autofree char *consultation = bb_consultation_parse_date (text);
  GDate date;
  int hour = -1, minute = -1;

  check_iso_date (validated);
  check_iso_date (consultation);
  if (validated != NULL)
    {
      g_autofree char *again = bb_validate_parse_date (validated);

      g_assert_cmpstr (again, ==, validated);
    }

  if (bb_calendar_parse_date (text, &date))
    g_assert_true (g_date_valid (&date));
  if (bb_calendar_parse_time (text, &hour, &minute))
    {
      g_assert_cmpint (hour, >=, 0);
      g_assert_cmpint (hour, <=, 23);
      g_assert_cmpint (minute, >=, 0);
      g_assert_cmpint (minute, <=, 59);
    }
  bb_report_parse_date (text, &date);
  bb_format_parse_date (text, &date);
}

static void
check_fields (const char *text)
{
  bb_validate_is_blank (text);
  bb_validate_email (text);
  bb_validate_phone (text);
  if (bb_validate_postcode (text) && !bb_validate_is_blank (text))
    g_assert_true (strspn (text, " \t\n\r\f\v0123456789") == strlen (text));
  bb_validate_dates_reversed (text, "2026-01-01");
  bb_validate_dates_reversed ("2026-01-01", text);

  /* The rule of free text: an accepted text is UTF-8; trimming is idempotent. */
  for (guint multiline = 0; multiline <= 1; multiline++)
    {
      g_autoptr(GError) error = NULL;

      if (bb_validate_text (text, BB_VALIDATE_LINE_MAX, multiline, &error))
        g_assert_true (g_utf8_validate (text, -1, NULL));
      else
        g_assert_true (error != NULL && error->domain == BB_VALIDATE_ERROR);
    }
  if (g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *trimmed = bb_validate_dup_trimmed (text);
      g_autofree char *again = trimmed != NULL ? bb_validate_dup_trimmed (trimmed) : NULL;

      g_assert_cmpstr (again, ==, trimmed);
    }
}

static void
check_store_time (const char *text)
{
  GDate date;
  int hour, minute;
  gint64 minutes;
  char *end = NULL;

  if (bb_recurrence_parse_time (text, &date, &hour, &minute))
    {
      g_autofree char *same = bb_recurrence_time_add (text, 0);
      g_autofree char *later = bb_recurrence_time_add (text, 1441);

      g_assert_cmpstr (same, ==, text);
      g_assert_true (later == NULL || bb_recurrence_parse_time (later, &date, NULL, NULL));
    }

  /* The text as a number of minutes to add, as a DURATION of an import gives. */
  minutes = g_ascii_strtoll (text, &end, 10);
  if (end != text)
    for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
      {
        g_autofree char *moved = bb_recurrence_time_add (starts[i], minutes);

        g_assert_true (moved == NULL || bb_recurrence_parse_time (moved, &date, NULL, NULL));
      }
}

static void
assert_same_rule (const BbRecurrenceRule *a,
                  const BbRecurrenceRule *b)
{
  g_assert_cmpint (a->frequency, ==, b->frequency);
  g_assert_cmpuint (MAX (a->interval, 1), ==, MAX (b->interval, 1));
  g_assert_cmpuint (a->count, ==, b->count);
  g_assert_cmpint (g_date_valid (&a->until), ==, g_date_valid (&b->until));
  if (g_date_valid (&a->until))
    g_assert_cmpint (g_date_compare (&a->until, &b->until), ==, 0);
  if (a->frequency == BB_RECURRENCE_WEEKLY)
    g_assert_cmpuint (a->weekdays, ==, b->weekdays);
  if (a->frequency == BB_RECURRENCE_MONTHLY_BY_WEEKDAY)
    {
      g_assert_cmpint (a->week_of_month, ==, b->week_of_month);
      g_assert_cmpint (a->weekday, ==, b->weekday);
    }
  if (a->frequency == BB_RECURRENCE_MONTHLY_BY_DAY)
    g_assert_cmpint (a->day_of_month, ==, b->day_of_month);
}

static void
check_rule (const char *text,
            const char *starts_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *description = NULL;
  g_autofree char *ends_at = NULL;
  g_autofree char *to = NULL;
  BbRecurrenceRule rule, again;

  if (!bb_recurrence_rule_parse (&rule, text, starts_at, &error))
    {
      g_assert_true (error->domain == BB_RECURRENCE_ERROR);
      g_assert_nonnull (error->message);
      return;
    }
  g_assert_no_error (error);

  description = bb_recurrence_rule_describe (&rule);
  g_assert_nonnull (description);
  rrule = bb_recurrence_rule_to_rrule (&rule, starts_at);
  g_assert_true ((rrule == NULL) == (rule.frequency == BB_RECURRENCE_NONE));
  if (rrule == NULL)
    return;
  if (!bb_recurrence_rule_parse (&again, rrule, starts_at, &error))
    g_error ("“%s” from “%s” cannot be read again: %s", rrule, text, error->message);
  assert_same_rule (&rule, &again);

  /* What the calendar does with it: two years of occurrences. */
  event = bb_event_new ();
  ends_at = bb_recurrence_time_add (starts_at, strlen (starts_at) == 10 ? 1 : 90);
  if (ends_at == NULL)
    return;
  bb_event_set_starts_at (event, starts_at);
  bb_event_set_ends_at (event, ends_at);
  bb_event_set_all_day (event, strlen (starts_at) == 10);
  bb_event_set_rrule (event, rrule);
  to = bb_recurrence_time_add (starts_at, strlen (starts_at) == 10 ? 730 : 730 * 1440);
  if (to == NULL)
    return;
  occurrences = bb_recurrence_expand (event, NULL, starts_at, to, BB_RECURRENCE_EXPAND_WITH_CANCELLED,
                                      &error);
  if (occurrences == NULL)
    {
      g_assert_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_TOO_MANY);
      return;
    }
  g_assert_cmpuint (occurrences->len, <=, BB_RECURRENCE_MAX_OCCURRENCES);
  /* The first and the last are occurrences (each check walks the series from its start). */
  if (occurrences->len > 0)
    {
      g_assert_true (bb_recurrence_is_occurrence (event, bb_occurrence_get_recurrence_id (g_ptr_array_index (occurrences, 0))));
      g_assert_true (bb_recurrence_is_occurrence (event, bb_occurrence_get_recurrence_id (g_ptr_array_index (occurrences, occurrences->len - 1))));
    }
  if (occurrences->len >= 2)
    {
      const char *second = bb_occurrence_get_recurrence_id (g_ptr_array_index (occurrences, 1));
      g_autofree char *old_rrule = NULL;
      g_autofree char *new_rrule = NULL;

      if (bb_recurrence_split (event, second, &old_rrule, &new_rrule, &error))
        {
          g_assert_true (bb_recurrence_rule_parse (&again, old_rrule, starts_at, NULL));
          g_assert_true (bb_recurrence_rule_parse (&again, new_rrule, second, NULL));
        }
      else
        g_clear_error (&error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autofree char *notes = NULL;
  const char *newline;

  if (fts == NULL)
    {
      bb_fuzz_init ();
      fts_init ();
    }
  /* Typed text is short; longer inputs only cost time. */
  if (size > 4096)
    return 0;

  text = g_strndup ((const char *) data, size);

  check_fields (text);
  check_dates (text);
  check_store_time (text);
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    check_rule (text, starts[i]);

  newline = strchr (text, '\n');
  if (newline != NULL)
    {
      g_autofree char *date = g_strndup (text, newline - text);
      g_autofree char *date_time = bb_calendar_parse_date_time (date, newline + 1, FALSE);
      g_autofree char *day = bb_calendar_parse_date_time (date, newline + 1, TRUE);
      GDate parsed;

      g_assert_true (date_time == NULL || bb_recurrence_parse_time (date_time, &parsed, NULL, NULL));
      g_assert_true (day == NULL || bb_recurrence_parse_time (day, &parsed, NULL, NULL));
    }

  words = _bb_store_match_query (text);
  fts_run (words);
  notes = bb_consultation_match_query (text);
  fts_run (notes);

  return 0;
}
