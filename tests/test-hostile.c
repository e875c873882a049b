/* test-hostile.c: .ics files made to break the importer, generated in a temporary folder.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each file is refused with an error that names the problem, or imported cleanly with every
 * event it cannot take skipped for a stated reason; a refusal leaves the database as it was.
 * Work is bounded by design (the size limit before reading, the limit of parts and of nesting,
 * expansion caps), so the tests check memory, not time: the growth of the peak resident size
 * (getrusage) against generous bounds. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "bb-core.h"
#include "bb-test-core.h"

#define MB (1024 * 1024)

/* The peak resident size so far, in bytes. */
static gsize
peak_memory (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return (gsize) usage.ru_maxrss * 1024;
}

/* TRUE in a process of the test's own, where the peak memory it measures is its own and not
 * that of the tests before it: the test runs itself there and checks that it passed. */
static gboolean
in_own_process (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  return FALSE;
}

/* What a test could change: every event and override, with its version. */
static char *
fingerprint (BbStore *store)
{
  return bb_test_query_text (store,
                             "SELECT count(*) || ';' || coalesce (group_concat (uid || '/' || sequence || '/'"
                             " || coalesce (rrule, '') || '/' || starts_at, ','), '')"
                             " || ';' || (SELECT count(*) FROM event_override) FROM event");
}

static void
add_event (BbStore    *store,
           const char *uid,
           const char *rrule)
{
  BbEvent *event = bb_event_new ();

  bb_event_set_uid (event, uid);
  bb_event_set_title (event, "Jour fixe");
  bb_event_set_kind (event, "jour-fixe");
  bb_event_set_starts_at (event, "2026-01-13T10:00");
  bb_event_set_ends_at (event, "2026-01-13T11:00");
  bb_event_set_rrule (event, rrule);
  bb_event_set_sequence (event, 1);
  bb_test_insert (store, event);
}

/* One VEVENT in a calendar; lines (CRLF-ended) go inside the VEVENT after its UID. */
static char *
calendar_with (const char *uid,
               const char *lines)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Hostile//DE\r\n"
                          "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260301T120000Z\r\n%s"
                          "END:VEVENT\r\nEND:VCALENDAR\r\n", uid, lines);
}

/* The data is refused with code and a message containing needle; the database is unchanged. */
static void
assert_refused (BbStore    *store,
                const char *data,
                gsize       length,
                int         code,
                const char *needle)
{
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbIcalPlan) plan = bb_ical_plan_new_for_data (store, data, length, NULL, &error);

  g_assert_null (plan);
  g_test_message ("refused: %s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, BB_ICAL_ERROR, code);
  g_assert_nonnull (strstr (error->message, needle));
  after = fingerprint (store);
  g_assert_cmpstr (after, ==, before);
}

/* The plan of text, which must be made, with n items. */
static BbIcalPlan *
plan_for (BbStore    *store,
          const char *text,
          guint       n_items)
{
  g_autoptr(GError) error = NULL;
  BbIcalPlan *plan = bb_ical_plan_new_for_data (store, text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (bb_ical_plan_get_items (plan)), ==, n_items);

  return plan;
}

static BbIcalPlanItem *
item_at (BbIcalPlan *plan,
         guint       position)
{
  g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (bb_ical_plan_get_items (plan), position);

  /* The plan holds it. */
  return item;
}

/* The single event of text is skipped with a reason containing needle. */
static void
assert_skipped (BbStore    *store,
                const char *text,
                const char *needle)
{
  g_autoptr(BbIcalPlan) plan = plan_for (store, text, 1);
  BbIcalPlanItem *item = item_at (plan, 0);

  g_test_message ("skipped: %s", bb_ical_plan_item_get_reason (item));
  g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), needle));
}

/* Binary garbage ----------------------------------------------------------------------------- */

static void
test_garbage (BbTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GString) printable = g_string_new (NULL);
  static const char header[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";

  add_event (fixture->store, "kept@example.org", "FREQ=WEEKLY");

  for (guint i = 0; i < 64 * 1024; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

      g_byte_array_append (bytes, &byte, 1);
    }
  assert_refused (fixture->store, (const char *) bytes->data, bytes->len, BB_ICAL_ERROR_PARSE,
                  "not UTF-8");
  /* Garbage after a proper beginning: not taken for Windows text either */
  g_byte_array_prepend (bytes, (const guint8 *) header, sizeof header - 1);
  assert_refused (fixture->store, (const char *) bytes->data, bytes->len, BB_ICAL_ERROR_PARSE,
                  "not UTF-8");
  /* Text, but no calendar */
  for (guint i = 0; i < 64 * 1024; i++)
    g_string_append_c (printable, (char) g_rand_int_range (rand, 0x20, 0x7F));
  assert_refused (fixture->store, printable->str, printable->len, BB_ICAL_ERROR_PARSE,
                  "Line 1: The file does not start with BEGIN:VCALENDAR");
  /* Nothing at all */
  assert_refused (fixture->store, "", 0, BB_ICAL_ERROR_PARSE, "Line 1:");
  /* UTF-16, as Windows' "Unicode" writes it */
  assert_refused (fixture->store, "\xFF\xFE" "B\0E\0G\0I\0N\0", 12, BB_ICAL_ERROR_PARSE, "not UTF-8");
}

/* Size --------------------------------------------------------------------------------------- */

static void
test_large_file (BbTestStore   *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "large.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(GString) chunk = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *in_memory = NULL;
  FILE *out;
  gsize peak;

  if (!in_own_process ())
    return;

  add_event (fixture->store, "kept@example.org", NULL);
  before = fingerprint (fixture->store);

  /* 50 MB of real events, written a megabyte at a time */
  while (chunk->len < MB)
    g_string_append_printf (chunk, "BEGIN:VEVENT\r\nUID:%" G_GSIZE_FORMAT "@example.org\r\nSUMMARY:Treffen\r\n"
                                   "DTSTART:20260301T100000Z\r\nEND:VEVENT\r\n", chunk->len);
  out = g_fopen (path, "wb");
  g_assert_nonnull (out);
  fputs ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", out);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpuint (fwrite (chunk->str, 1, chunk->len, out), ==, chunk->len);
  fputs ("END:VCALENDAR\r\n", out);
  g_assert_cmpint (fclose (out), ==, 0);

  /* Refused by its size before it is read */
  peak = peak_memory ();
  plan = bb_ical_plan_new_for_file (fixture->store, file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "16 MB"));
  g_test_message ("50 MB file: peak grew by %" G_GSIZE_FORMAT " MB", (peak_memory () - peak) / MB);
  g_assert_cmpuint (peak_memory () - peak, <, 8 * MB);
  g_clear_error (&error);

  /* The same from memory */
  g_assert_true (g_file_get_contents (path, &in_memory, NULL, &error));
  peak = peak_memory ();
  assert_refused (fixture->store, in_memory, strlen (in_memory), BB_ICAL_ERROR_TOO_LARGE, "16 MB");
  g_assert_cmpuint (peak_memory () - peak, <, 8 * MB);

  after = fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* Content lines of 1 MB: a property we ignore, a title and an agenda. The file is read; the
 * events whose texts break the rule of free text are skipped, with the field named. */
static void
test_long_lines (BbTestStore   *fixture,
                 gconstpointer  data)
{
  g_autofree char *megabyte = g_strnfill (MB, 'x');
  g_autofree char *text = NULL;
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gsize peak;

  if (!in_own_process ())
    return;

  text = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-PADDING:%s\r\n"
                          "BEGIN:VEVENT\r\nUID:plain\r\nSUMMARY:Jour fixe\r\nX-LONG:%s\r\n"
                          "DTSTART:20260301T100000Z\r\nEND:VEVENT\r\n"
                          "BEGIN:VEVENT\r\nUID:long-title\r\nSUMMARY:%s\r\n"
                          "DTSTART:20260302T100000Z\r\nEND:VEVENT\r\n"
                          "BEGIN:VEVENT\r\nUID:long-agenda\r\nSUMMARY:Werkstatt\r\nDESCRIPTION:%s\r\n"
                          "DTSTART:20260303T100000Z\r\nEND:VEVENT\r\n"
                          "END:VCALENDAR\r\n", megabyte, megabyte, megabyte, megabyte);

  peak = peak_memory ();
  plan = plan_for (fixture->store, text, 3);
  g_test_message ("4 MB of long lines: peak grew by %" G_GSIZE_FORMAT " MB", (peak_memory () - peak) / MB);
  g_assert_cmpuint (peak_memory () - peak, <, 64 * MB);

  g_assert_cmpint (bb_ical_plan_item_get_action (item_at (plan, 0)), ==, BB_ICAL_ACTION_ADD);
  g_assert_cmpint (bb_ical_plan_item_get_action (item_at (plan, 1)), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item_at (plan, 1)), "Title"));
  g_assert_cmpint (bb_ical_plan_item_get_action (item_at (plan, 2)), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item_at (plan, 2)), "Agenda"));

  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 1);
}

/* Encodings ---------------------------------------------------------------------------------- */

static void
test_encodings (BbTestStore   *fixture,
                gconstpointer  data)
{
  /* "Begrüßung im Café – 5 €" in Latin-1/Windows-1252 (0x96 the dash, 0x80 the euro sign) */
  static const char windows[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cp1252\r\n"
    "SUMMARY:Begr\xFC\xDF" "ung im Caf\xE9 \x96 5 \x80\r\n"
    "DTSTART:20260301T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  /* 0x81 is not a character of Windows-1252 */
  static const char undefined[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cp1252\r\n"
    "SUMMARY:Begr\x81\r\n"
    "DTSTART:20260301T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  /* UTF-8 with a byte order mark, as Windows programs write it */
  static const char bom[] =
    "\xEF\xBB\xBF" "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:bom\r\n"
    "SUMMARY:Begrüßung\r\nDTSTART:20260302T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(BbIcalPlan) bom_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbEvent) event = NULL;

  plan = plan_for (fixture->store, windows, 1);
  g_assert_cmpstr (bb_ical_plan_item_get_title (item_at (plan, 0)), ==, "Begrüßung im Café – 5 €");
  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);
  event = bb_store_get_event_by_uid (fixture->store, "cp1252", &error);
  g_assert_nonnull (event);
  g_assert_cmpstr (bb_event_get_title (event), ==, "Begrüßung im Café – 5 €");

  assert_refused (fixture->store, undefined, strlen (undefined), BB_ICAL_ERROR_PARSE,
                  "Line 5: The file is not UTF-8 text");

  bom_plan = plan_for (fixture->store, bom, 1);
  g_assert_cmpstr (bb_ical_plan_item_get_title (item_at (bom_plan, 0)), ==, "Begrüßung");
  g_assert_cmpint (bb_ical_plan_item_get_action (item_at (bom_plan, 0)), ==, BB_ICAL_ACTION_ADD);
}

/* Titles with control characters are skipped, and shown without them (no escape sequences on a
 * terminal). */
static void
test_control_characters (BbTestStore   *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = calendar_with ("escape", "SUMMARY:Jour\x1b]0;pwned\x07 fixe\r\n"
                                                   "DTSTART:20260301T100000Z\r\n");
  g_autoptr(BbIcalPlan) plan = plan_for (fixture->store, text, 1);
  BbIcalPlanItem *item = item_at (plan, 0);

  g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_SKIP);
  g_assert_null (strchr (bb_ical_plan_item_get_title (item), '\x1b'));
  g_assert_null (strchr (bb_ical_plan_item_get_title (item), '\x07'));
  g_assert_nonnull (strstr (bb_ical_plan_item_get_title (item), "Jour"));
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), "Title"));
}

/* Nesting and numbers of parts ------------------------------------------------------------- */

static char *
repeated (const char *head,
          const char *line,
          guint       n,
          const char *tail)
{
  g_autoptr(GString) text = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (text, line);
  g_string_append (text, tail);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_nesting (BbTestStore   *fixture,
              gconstpointer  data)
{
  g_autofree char *events = NULL;
  g_autofree char *calendars = NULL;
  g_autofree char *siblings = NULL;
  gsize peak;

  if (!in_own_process ())
    return;

  events = repeated ("BEGIN:VCALENDAR\r\n", "BEGIN:VEVENT\r\n", 100000, "");
  calendars = repeated ("", "BEGIN:VCALENDAR\r\n", 100000, "");
  siblings = repeated ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",
                       100000, "END:VCALENDAR\r\n");
  peak = peak_memory ();
  add_event (fixture->store, "kept@example.org", NULL);

  assert_refused (fixture->store, events, strlen (events), BB_ICAL_ERROR_PARSE,
                  "Line 9: The parts of the file are nested too deeply");
  assert_refused (fixture->store, calendars, strlen (calendars), BB_ICAL_ERROR_PARSE,
                  "Line 9: The parts of the file are nested too deeply");
  assert_refused (fixture->store, siblings, strlen (siblings), BB_ICAL_ERROR_TOO_LARGE, "20000");
  g_test_message ("100,000 parts: peak grew by %" G_GSIZE_FORMAT " MB", (peak_memory () - peak) / MB);
  g_assert_cmpuint (peak_memory () - peak, <, 64 * MB);
}

/* Dates and time zones --------------------------------------------------------------------- */

static void
test_invalid_dates (BbTestStore   *fixture,
                    gconstpointer  data)
{
  static const struct { const char *lines; const char *message; } refused[] = {
    { "DTSTART:20260230T100000\r\n", "Line 7: DTSTART has no valid date or time: 20260230T100000" },
    { "DTSTART:20260301T250000\r\n", "Line 7: DTSTART has no valid date or time: 20260301T250000" },
    { "DTSTART:20260301T106000\r\n", "Line 7: DTSTART has no valid date or time" },
    { "DTSTART:20260301T100000\r\nDTEND;VALUE=DATE:00000000\r\n", "Line 8: DTEND has no valid date" },
    { "DTSTART:20260301T100000\r\nEXDATE:20260431T100000\r\n", "Line 8: EXDATE has no valid date or time: 20260431T100000" },
    /* A date libical does not take (past its years) */
    { "DTSTART:99991231T230000\r\n", "DTSTART has no valid date or time" },
  };
  static const struct { const char *lines; const char *reason; } skipped[] = {
    { "DTSTART:20260301T100000\r\nDTEND:20260301T090000\r\n", "ends before it starts" },
    { "DTSTART:20260301T100000\r\nDURATION:-PT1H\r\n", "ends before it starts" },
    { "DTSTART:22010101T100000\r\n", "outside the years 1900 to 2200" },
    { "DTSTART:16010101T000000\r\n", "outside the years 1900 to 2200" },
    { "DTSTART:20260301T100000\r\nDURATION:P9999999W\r\n", "outside the years 1900 to 2200" },
    { "DTSTART;VALUE=DATE:20260301\r\nDTEND:20260302T100000\r\n", "different kinds" },
    { "SUMMARY:Ohne Anfang\r\n", "no start" },
  };

  add_event (fixture->store, "kept@example.org", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *text = calendar_with ("dates", refused[i].lines);

      assert_refused (fixture->store, text, strlen (text), BB_ICAL_ERROR_PARSE, refused[i].message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      g_autofree char *text = calendar_with ("dates", skipped[i].lines);

      assert_skipped (fixture->store, text, skipped[i].reason);
    }
}

static void
test_unknown_timezones (BbTestStore   *fixture,
                        gconstpointer  data)
{
  static const struct { const char *lines; const char *name; } cases[] = {
    { "DTSTART;TZID=Mars/Olympus_Mons:20260301T100000\r\n", "Mars/Olympus_Mons" },
    { "DTSTART;TZID=\"Customized Time Zone 1\":20260301T100000\r\n", "Customized Time Zone 1" },
    { "DTSTART;TZID=Europe/Berlin:20260301T100000\r\nDTEND;TZID=Nowhere:20260301T110000\r\n", "Nowhere" },
    { "DTSTART;TZID=Europe/Berlin:20260301T100000\r\nRRULE:FREQ=DAILY\r\n"
      "EXDATE;TZID=Atlantis/Capital:20260302T100000\r\n", "Atlantis/Capital" },
  };

  add_event (fixture->store, "kept@example.org", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = calendar_with ("zones", cases[i].lines);

      assert_refused (fixture->store, text, strlen (text), BB_ICAL_ERROR_TIMEZONE, cases[i].name);
    }
}

/* Rules that never end ------------------------------------------------------------------- */

static void
test_endless_rules (BbTestStore   *fixture,
                    gconstpointer  data)
{
  static const struct { const char *rrule; const char *reason; } cases[] = {
    /* reason NULL: imported */
    { "FREQ=DAILY", NULL },
    { "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", NULL },
    { "FREQ=DAILY;COUNT=2147483647", NULL },
    { "FREQ=DAILY;UNTIL=99991231", NULL },
    { "FREQ=SECONDLY", "Unsupported repeat rule" },
    { "FREQ=MINUTELY;INTERVAL=1", "Unsupported repeat rule" },
    { "FREQ=HOURLY;COUNT=100000", "Unsupported repeat rule" },
    { "FREQ=DAILY;BYHOUR=1,2,3", "Unsupported repeat rule" },
    { "FREQ=DAILY;COUNT=0", "RRULE cannot be read: FREQ=DAILY;COUNT=0" },
    { "FREQ=DAILY;COUNT=-1", "RRULE cannot be read" },
    { "FREQ=DAILY;INTERVAL=0", "RRULE cannot be read" },
    { "FREQ=DAILY;INTERVAL=1001", "Invalid repeat rule" },
    { "FREQ=DAILY;FOO=BAR", "RRULE cannot be read" },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=6", "Unsupported repeat rule" },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=0", "RRULE cannot be read" },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-2", "Unsupported repeat rule" },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3", "Unsupported repeat rule" },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=366", "Unsupported repeat rule" },
    { "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1", "Unsupported repeat rule" },
  };
  static const char * const wrapped[] = {
    "FREQ=DAILY;INTERVAL=65537", "FREQ=DAILY;COUNT=2147483648", "FREQ=DAILY;COUNT=99999999999999999999999",
    "FREQ=MONTHLY;BYMONTHDAY=65567", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=65538", "FREQ=MONTHLY;BYDAY=65538TU",
  };
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) month = NULL;
  g_autoptr(BbEvent) daily = NULL;
  g_autoptr(GPtrArray) century = NULL;
  gsize peak;

  if (!in_own_process ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:rule-%u\r\nSUMMARY:Regel %u\r\n"
                                  "DTSTART;TZID=Europe/Berlin:20260105T100000\r\n"
                                  "DTEND;TZID=Europe/Berlin:20260105T110000\r\n"
                                  "RRULE:%s\r\nEND:VEVENT\r\n", i, i, cases[i].rrule);
  g_string_append (text, "END:VCALENDAR\r\n");

  plan = plan_for (fixture->store, text->str, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BbIcalPlanItem *item = item_at (plan, i);

      g_test_message ("%s: %s", cases[i].rrule, bb_ical_plan_item_get_reason (item));
      if (cases[i].reason == NULL)
        g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_ADD);
      else
        {
          g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_SKIP);
          g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), cases[i].reason));
        }
    }
  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 4);

  /* Numbers libical would wrap without a word (INTERVAL=65537 as 1: every day) */
  for (guint i = 0; i < G_N_ELEMENTS (wrapped); i++)
    {
      g_autofree char *lines = g_strdup_printf ("DTSTART:20260105T100000\r\nRRULE:%s\r\n", wrapped[i]);
      g_autofree char *file = calendar_with ("wrapped", lines);
      g_autofree char *message = g_strdup_printf ("Line 8: The repeat rule has a number out of range: %s",
                                                  wrapped[i]);

      assert_refused (fixture->store, file, strlen (file), BB_ICAL_ERROR_PARSE, message);
    }

  peak = peak_memory ();
  /* The calendar shows a month: each series yields that month's meetings only. */
  month = bb_store_list_occurrences (fixture->store, "2026-03-01", "2026-04-01", 0, NULL,
                                     BB_RECURRENCE_EXPAND_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 4 * 31);
  /* The last month the calendar shows: the walk there passes 63,000 dates of each series
   * without making an occurrence of them */
  g_clear_pointer (&month, g_ptr_array_unref);
  month = bb_store_list_occurrences (fixture->store, "2199-12-01", "2200-01-01", 0, NULL,
                                     BB_RECURRENCE_EXPAND_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 4 * 31);

  /* A century of a daily rule at once is refused by the expansion's cap. */
  daily = bb_store_get_event_by_uid (fixture->store, "rule-0", &error);
  g_assert_nonnull (daily);
  century = bb_recurrence_expand (daily, NULL, "2026-01-01", "2126-01-01", BB_RECURRENCE_EXPAND_DEFAULT,
                                  &error);
  g_assert_null (century);
  g_assert_error (error, BB_RECURRENCE_ERROR, BB_RECURRENCE_ERROR_TOO_MANY);
  g_test_message ("endless rules expanded: peak grew by %" G_GSIZE_FORMAT " MB", (peak_memory () - peak) / MB);
  g_assert_cmpuint (peak_memory () - peak, <, 64 * MB);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, BbTestStore, NULL, bb_test_store_set_up, func, bb_test_store_tear_down)

  ADD ("/hostile/garbage", test_garbage);
  ADD ("/hostile/large-file", test_large_file);
  ADD ("/hostile/long-lines", test_long_lines);
  ADD ("/hostile/encodings", test_encodings);
  ADD ("/hostile/control-characters", test_control_characters);
  ADD ("/hostile/nesting", test_nesting);
  ADD ("/hostile/invalid-dates", test_invalid_dates);
  ADD ("/hostile/unknown-timezones", test_unknown_timezones);
  ADD ("/hostile/endless-rules", test_endless_rules);

  return g_test_run ();
}
