/* test-ical.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bb-core.h"
#include "bb-test-core.h"

#define PYTHON "/usr/bin/python3"

typedef struct
{
  char *dir;
  BbStore *store;
  GDateTime *now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = bb_test_make_dir ();
  fixture->store = bb_test_open_store (fixture->dir, "test.sqlite3", NULL);
  fixture->now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  bb_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_date_time_unref (fixture->now);
}

/* Data ------------------------------------------------------------------------------------- */

/* Characters of 1 to 4 octets, commas, semicolons, a backslash and new lines, long enough to
 * be folded several times at every kind of boundary. */
#define AGENDA "Tagesordnung: 1. Begrüßung, Vorstellung; 2. Rückblick \\ Ausblick\n" \
               "3. Berichte aus den Unterkünften – Café, Kinderbetreuung, Sprachcafé " \
               "(العربية, українська, 😀 Grüße) €€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€ ääääääääää"

static gint64
add_person (BbStore    *store,
            const char *given,
            const char *family,
            const char *email)
{
  g_autoptr(BbPerson) person = bb_person_new ();

  bb_person_set_given_name (person, given);
  bb_person_set_family_name (person, family);
  bb_person_set_email (person, email);
  return bb_test_insert (store, g_steal_pointer (&person));
}

static BbEvent *
add_event (BbStore    *store,
           const char *title,
           const char *kind,
           const char *starts_at,
           const char *ends_at,
           const char *rrule)
{
  g_autoptr(GError) error = NULL;
  BbEvent *event = bb_event_new ();

  bb_event_set_title (event, title);
  bb_event_set_kind (event, kind);
  bb_event_set_starts_at (event, starts_at);
  bb_event_set_ends_at (event, ends_at);
  bb_event_set_all_day (event, strlen (starts_at) == 10);
  bb_event_set_rrule (event, rrule);
  bb_event_set_status (event, "confirmed");
  bb_event_set_region_id (event, 1);
  g_assert_true (bb_store_insert_event (store, event, &error));
  g_assert_no_error (error);

  return event;
}

/* A Jour fixe series with an EXDATE, a moved and a cancelled occurrence; an all-day event; a
 * cancelled single event; invitees directly and through a shelter. */
static gint64
fill (BbStore *store)
{
  g_autoptr(BbEvent) series = NULL;
  g_autoptr(BbEvent) day = NULL;
  g_autoptr(BbEvent) cancelled = NULL;
  g_autoptr(BbEventOverride) moved = bb_event_override_new ();
  g_autoptr(BbShelter) shelter = bb_shelter_new ();
  g_autoptr(BbPersonShelter) role = bb_person_shelter_new ();
  g_autoptr(GError) error = NULL;
  gint64 organiser, guest, no_mail, coordinator, id;

  organiser = add_person (store, "Alex", "Beispiel", "alex.beispiel@bfe.example.org");
  guest = add_person (store, "Nora", "Müller, \"Jr.\"", "nora@example.org");
  no_mail = add_person (store, "Ohne", "Adresse", NULL);
  coordinator = add_person (store, "Kim", "Koordination", "kim@unterkunft.example.org");

  bb_shelter_set_name (shelter, "Unterkunft am See");
  bb_shelter_set_district_id (shelter, 1);
  g_assert_true (bb_store_insert (store, BB_RECORD (shelter), &error));
  bb_person_shelter_set_person_id (role, coordinator);
  bb_person_shelter_set_shelter_id (role, bb_record_get_id (BB_RECORD (shelter)));
  bb_test_insert (store, g_object_ref (role));

  series = add_event (store, "Jour fixe Nord", "jour-fixe", "2026-01-13T10:00", "2026-01-13T12:00",
                      "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271214T090000Z");
  id = bb_record_get_id (BB_RECORD (series));
  bb_event_set_location (series, "Rathaus Pankow, Raum 101; 2. OG");
  bb_event_set_online_url (series, "https://meet.example.org/jf-nord");
  bb_event_set_description (series, AGENDA);
  bb_event_set_organiser_id (series, organiser);
  g_assert_true (bb_store_update_event (store, series, &error));
  g_assert_no_error (error);
  {
    gint64 people[] = { guest, no_mail };
    gint64 shelters[] = { bb_record_get_id (BB_RECORD (shelter)) };

    g_assert_true (bb_store_set_event_invitees (store, id, people, 2, shelters, 1, &error));
  }
  g_assert_true (bb_store_cancel_occurrence (store, id, "2026-08-11T10:00", TRUE, &error));
  g_assert_true (bb_store_cancel_occurrence (store, id, "2026-10-13T10:00", FALSE, &error));
  bb_event_override_set_event_id (moved, id);
  bb_event_override_set_recurrence_id (moved, "2026-06-09T10:00");
  bb_event_override_set_starts_at (moved, "2026-06-10T14:00");
  bb_event_override_set_ends_at (moved, "2026-06-10T16:00");
  bb_event_override_set_location (moved, "Stadtteilzentrum");
  bb_event_override_set_status (moved, "confirmed");
  g_assert_true (bb_store_set_event_override (store, moved, &error));
  g_assert_no_error (error);

  day = add_event (store, "Sommerfest", "other", "2026-07-04", "2026-07-06", NULL);
  cancelled = add_event (store, "Werkstatt Öffentlichkeitsarbeit", "workshop", "2026-03-26T17:00",
                         "2026-03-26T19:30", NULL);
  bb_event_set_status (cancelled, "cancelled");
  g_assert_true (bb_store_update_event (store, cancelled, &error));
  g_assert_no_error (error);

  return id;
}

/* Checks on bytes -------------------------------------------------------------------------- */

static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* CRLF everywhere, no line over 75 octets, every physical line valid UTF-8 on its own (so no
 * character is split by a fold). */
static void
assert_lines (const char *text)
{
  const char *line = text;
  guint n = 0;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_null (memchr (line, '\n', end - line));
      g_assert_null (memchr (line, '\r', end - line));
      if (end - line > 75)
        g_error ("line %u has %d octets", n + 1, (int) (end - line));
      if (!g_utf8_validate (line, end - line, NULL))
        g_error ("line %u is not UTF-8 on its own: a fold split a character", n + 1);
      line = end + 2;
      n++;
    }
  g_assert_cmpuint (n, >, 10);
}

static gboolean
has_line (const char *unfolded,
          const char *wanted)
{
  g_autofree char *needle = g_strconcat ("\r\n", wanted, "\r\n", NULL);

  return strstr (unfolded, needle) != NULL || g_str_has_prefix (unfolded, wanted);
}

#define assert_line(unfolded, wanted) \
  G_STMT_START { if (!has_line ((unfolded), (wanted))) g_error ("missing line: %s", (wanted)); } G_STMT_END

static guint
count_lines_starting (const char *unfolded,
                      const char *prefix)
{
  g_autofree char *needle = g_strconcat ("\r\n", prefix, NULL);
  guint n = 0;

  for (const char *p = strstr (unfolded, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Every TZID= in the file names a VTIMEZONE of the file, and there is exactly one. */
static void
assert_timezones (const char *unfolded)
{
  const char *p;

  g_assert_cmpuint (count_lines_starting (unfolded, "BEGIN:VTIMEZONE"), ==, 1);
  assert_line (unfolded, "TZID:Europe/Berlin");
  g_assert_null (strstr (unfolded, "freeassociation"));
  for (p = strstr (unfolded, ";TZID="); p != NULL; p = strstr (p + 1, ";TZID="))
    g_assert_true (g_str_has_prefix (p, ";TZID=Europe/Berlin:"));
  /* Today's rules, offsets in hours and minutes */
  assert_line (unfolded, "TZOFFSETFROM:+0100");
  assert_line (unfolded, "TZOFFSETTO:+0200");
  assert_line (unfolded, "TZOFFSETFROM:+0200");
  assert_line (unfolded, "TZOFFSETTO:+0100");
  g_assert_true (has_line (unfolded, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
                 || has_line (unfolded, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"));
  g_assert_true (has_line (unfolded, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
                 || has_line (unfolded, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"));
}

/* The independent parser ------------------------------------------------------------------- */

static void
json_quote (GString    *out,
            const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static const char *
upper_status (const char *status)
{
  if (g_strcmp0 (status, "cancelled") == 0)
    return "CANCELLED";
  if (g_strcmp0 (status, "tentative") == 0)
    return "TENTATIVE";
  return "CONFIRMED";
}

static const char *
or_default (const char *value,
            const char *fallback)
{
  return value != NULL && *value != '\0' ? value : fallback;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* What check-ics.py must print for the events of store (the same lines, from our side). */
static char *
expected_lines (BbStore                   *store,
                const BbIcalExportOptions *options,
                const char                *from,
                const char                *to)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* The events the export options select, found without the exporter */
  if (options->event_id != 0)
    {
      events = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (events, bb_store_get (store, BB_TYPE_EVENT, options->event_id, &error));
    }
  else
    events = bb_store_list_events_in_range (store, options->from, options->to, options->region_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      BbEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) overrides = NULL;
      g_autoptr(GPtrArray) occurrences = NULL;
      GString *line = g_string_new (NULL);
      const char *uid = bb_event_get_uid (event);

      g_string_printf (line, "EVENT %s|%d|%s|%s|", uid, bb_event_get_sequence (event),
                       bb_event_get_starts_at (event), bb_event_get_ends_at (event));
      json_quote (line, bb_event_get_title (event));
      g_string_append_printf (line, "|%s|", upper_status (bb_event_get_status (event)));
      json_quote (line, bb_event_get_location (event));
      g_string_append_c (line, '|');
      json_quote (line, bb_event_get_online_url (event));
      g_string_append_c (line, '|');
      json_quote (line, bb_event_get_description (event));
      g_string_append_c (line, '|');
      json_quote (line, bb_codes_label (BB_CODES_EVENT_KIND, bb_event_get_kind (event)));
      g_ptr_array_add (lines, g_string_free (line, FALSE));

      overrides = bb_store_get_event_overrides (store, bb_record_get_id (BB_RECORD (event)), &error);
      g_assert_no_error (error);
      for (guint j = 0; j < overrides->len; j++)
        {
          BbEventOverride *override = g_ptr_array_index (overrides, j);
          const char *status = bb_event_override_get_status (override);

          if (g_strcmp0 (bb_event_get_status (event), "cancelled") == 0)
            status = "cancelled";
          line = g_string_new (NULL);
          g_string_printf (line, "OVERRIDE %s|%s|%s|%s|", uid, bb_event_override_get_recurrence_id (override),
                           bb_event_override_get_starts_at (override), bb_event_override_get_ends_at (override));
          json_quote (line, or_default (bb_event_override_get_title (override), bb_event_get_title (event)));
          g_string_append_printf (line, "|%s|", upper_status (status));
          json_quote (line, or_default (bb_event_override_get_location (override), bb_event_get_location (event)));
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }

      occurrences = bb_recurrence_expand (event, overrides, from, to, BB_RECURRENCE_EXPAND_WITH_CANCELLED, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < occurrences->len; j++)
        {
          BbOccurrence *occurrence = g_ptr_array_index (occurrences, j);

          g_ptr_array_add (lines, g_strdup_printf ("OCC %s|%s|%s|%s", uid,
                                                   bb_occurrence_get_starts_at (occurrence),
                                                   bb_occurrence_get_ends_at (occurrence),
                                                   upper_status (bb_occurrence_get_status (occurrence))));
        }
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs check-ics.py on the file; fails the test clearly if the icalendar module is missing. */
static char *
independent_reading (const char *path,
                     const char *from,
                     const char *to)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-ics.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { PYTHON, script, path, from, to, NULL };
  int status;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    g_error (PYTHON " is missing; the README's set-up installs python3-icalendar");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py rejected %s: %s", path, err);

  return g_steal_pointer (&out);
}

static void
assert_independent (BbStore                   *store,
                    const BbIcalExportOptions *options,
                    const char                *text,
                    const char                *dir,
                    const char                *from,
                    const char                *to)
{
  g_autofree char *path = g_build_filename (dir, "export.ics", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  theirs = independent_reading (path, from, to);
  ours = expected_lines (store, options, from, to);
  g_assert_cmpstr (theirs, ==, ours);
  {
    guint n = 0;

    for (const char *p = theirs; *p != '\0'; p++)
      n += *p == '\n';
    /* at least an event and its occurrence */
    g_assert_cmpuint (n, >=, 2);
    g_test_message ("check-ics.py read the same %u lines of events, changed occurrences and "
                    "occurrences", n);
  }
}

/* Export ----------------------------------------------------------------------------------- */

static void
test_export_publish (Fixture       *fixture,
                     gconstpointer  data)
{
  BbIcalExportOptions options = { .now = fixture->now };
  BbIcalExportReport report;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autoptr(BbEvent) series = NULL;
  gint64 id;

  id = fill (fixture->store);
  series = bb_store_get (fixture->store, BB_TYPE_EVENT, id, &error);

  text = bb_ical_export (fixture->store, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_events, ==, 3);
  g_assert_cmpuint (report.n_overrides, ==, 2);
  g_assert_cmpuint (report.n_attendees, ==, 0);

  assert_lines (text);
  unfolded = unfold (text);
  g_assert_true (g_str_has_prefix (unfolded, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (unfolded, "\r\nEND:VCALENDAR\r\n"));
  assert_line (unfolded, "VERSION:2.0");
  g_assert_cmpuint (count_lines_starting (unfolded, "PRODID:-//Beratungsforum Engagement//Brückenbuch"), ==, 1);
  assert_line (unfolded, "METHOD:PUBLISH");
  assert_line (unfolded, "X-WR-CALNAME:Brückenbuch");
  assert_timezones (unfolded);

  /* Per event: UID, DTSTAMP, SEQUENCE; 3 events and 2 changed occurrences */
  g_assert_cmpuint (count_lines_starting (unfolded, "BEGIN:VEVENT"), ==, 5);
  g_assert_cmpuint (count_lines_starting (unfolded, "UID:"), ==, 5);
  g_assert_cmpuint (count_lines_starting (unfolded, "DTSTAMP:20260301T120000Z\r\n"), ==, 5);
  g_assert_cmpuint (count_lines_starting (unfolded, "SEQUENCE:"), ==, 5);
  {
    g_autofree char *uid = g_strconcat ("UID:", bb_event_get_uid (series), NULL);
    g_autofree char *sequence = g_strdup_printf ("SEQUENCE:%d", bb_event_get_sequence (series));

    g_assert_cmpuint (count_lines_starting (unfolded, uid), ==, 3);
    g_assert_cmpint (bb_event_get_sequence (series), ==, 4);  /* location, exdate, 2 overrides */
    assert_line (unfolded, sequence);
  }
  assert_line (unfolded, "DTSTART;TZID=Europe/Berlin:20260113T100000");
  assert_line (unfolded, "DTEND;TZID=Europe/Berlin:20260113T120000");
  assert_line (unfolded, "RRULE:FREQ=MONTHLY;UNTIL=20271214T090000Z;BYDAY=2TU");
  assert_line (unfolded, "EXDATE;TZID=Europe/Berlin:20260811T100000");
  assert_line (unfolded, "RECURRENCE-ID;TZID=Europe/Berlin:20260609T100000");
  assert_line (unfolded, "DTSTART;TZID=Europe/Berlin:20260610T140000");
  assert_line (unfolded, "RECURRENCE-ID;TZID=Europe/Berlin:20261013T100000");
  assert_line (unfolded, "STATUS:CANCELLED");
  g_assert_cmpuint (count_lines_starting (unfolded, "STATUS:CANCELLED"), ==, 2);
  /* All-day: DATE values, exclusive end */
  assert_line (unfolded, "DTSTART;VALUE=DATE:20260704");
  assert_line (unfolded, "DTEND;VALUE=DATE:20260706");
  /* TEXT escaping */
  assert_line (unfolded, "LOCATION:Rathaus Pankow\\, Raum 101\\; 2. OG");
  g_assert_nonnull (strstr (unfolded, "DESCRIPTION:Tagesordnung: 1. Begrüßung\\, Vorstellung\\; "
                                      "2. Rückblick \\\\ Ausblick\\n3. Berichte"));
  assert_line (unfolded, "URL:https://meet.example.org/jf-nord");
  assert_line (unfolded, "CATEGORIES:Jour fixe");
  assert_line (unfolded, "CATEGORIES:Workshop");
  g_assert_null (strstr (unfolded, "ATTENDEE"));

  assert_independent (fixture->store, &options, text, fixture->dir, "2025-12-01", "2028-01-01");
}

static void
test_export_request (Fixture       *fixture,
                     gconstpointer  data)
{
  BbIcalExportOptions options = { .now = fixture->now, .method = BB_ICAL_METHOD_REQUEST };
  BbIcalExportReport report;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *file_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *written = NULL;

  options.event_id = fill (fixture->store);
  text = bb_ical_export (fixture->store, &options, &report, &error);
  g_assert_no_error (error);
  assert_lines (text);
  unfolded = unfold (text);
  assert_line (unfolded, "METHOD:REQUEST");
  assert_line (unfolded, "ORGANIZER;CN=Alex Beispiel:mailto:alex.beispiel@bfe.example.org");
  /* Directly invited (a quote in the name becomes an apostrophe; the comma is quoted) and
   * through the shelter; the one without an address is left out and counted. */
  assert_line (unfolded, "ATTENDEE;CN=\"Nora Müller, 'Jr.'\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
                         "RSVP=TRUE:mailto:nora@example.org");
  assert_line (unfolded, "ATTENDEE;CN=Kim Koordination;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
                         "RSVP=TRUE:mailto:kim@unterkunft.example.org");
  g_assert_cmpuint (count_lines_starting (unfolded, "ATTENDEE"), ==, 2);
  g_assert_cmpuint (report.n_attendees, ==, 2);
  g_assert_cmpuint (report.n_without_email, ==, 1);
  g_assert_cmpuint (report.n_events, ==, 1);
  assert_timezones (unfolded);
  assert_independent (fixture->store, &options, text, fixture->dir, "2026-01-01", "2028-01-01");

  /* The file the same */
  file_path = g_build_filename (fixture->dir, "request.ics", NULL);
  file = g_file_new_for_path (file_path);
  g_assert_true (bb_ical_export_to_file (fixture->store, &options, file, NULL, &error));
  g_assert_true (g_file_get_contents (file_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, text);

  /* An event without an organiser cannot be an invitation */
  {
    g_autoptr(BbEvent) lone = add_event (fixture->store, "Ohne Organisation", "other", "2026-05-05T10:00",
                                         "2026-05-05T11:00", NULL);
    g_autofree char *none = NULL;

    options.event_id = bb_record_get_id (BB_RECORD (lone));
    none = bb_ical_export (fixture->store, &options, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_FAILED);
  }
}

static void
test_export_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  BbIcalExportOptions options = { .now = fixture->now, .from = "2026-07-01", .to = "2026-07-08" };
  g_autoptr(GError) error = NULL;
  g_autofree char *july = NULL;
  g_autofree char *other_region = NULL;
  g_autofree char *unfolded = NULL;

  fill (fixture->store);
  /* The series has a July meeting (14.) outside the range; the festival is inside. */
  july = bb_ical_export (fixture->store, &options, NULL, &error);
  g_assert_no_error (error);
  unfolded = unfold (july);
  g_assert_cmpuint (count_lines_starting (unfolded, "BEGIN:VEVENT"), ==, 1);
  assert_line (unfolded, "SUMMARY:Sommerfest");
  assert_independent (fixture->store, &options, july, fixture->dir, "2026-06-01", "2026-09-01");

  options.from = NULL;
  options.to = NULL;
  options.region_id = 2;
  other_region = bb_ical_export (fixture->store, &options, NULL, &error);
  g_assert_null (other_region);
  g_assert_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_EMPTY);
}

static void
test_fold (void)
{
  g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
  g_autofree char *folded = NULL;
  g_autofree char *back = NULL;

  /* Every offset of 1-, 2-, 3- and 4-octet characters against the fold */
  for (guint i = 0; i < 40; i++)
    g_string_append (line, (const char *[]) { "a", "ä", "€", "😀" }[i % 4]);
  folded = bb_ical_fold (line->str);
  assert_lines (g_strconcat (folded, folded, folded, folded, folded, folded, NULL));
  back = unfold (folded);
  g_assert_true (g_str_has_suffix (back, "\r\n"));
  back[strlen (back) - 2] = '\0';
  g_assert_cmpstr (back, ==, line->str);
}

/* SEQUENCE --------------------------------------------------------------------------------- */

static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BbEvent) event = add_event (fixture->store, "Jour fixe", "jour-fixe", "2026-01-13T10:00",
                                        "2026-01-13T12:00", "FREQ=MONTHLY;BYDAY=2TU");
  g_autoptr(BbEvent) stored = NULL;
  g_autoptr(BbEventOverride) override = bb_event_override_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = bb_record_get_id (BB_RECORD (event));
  static const struct { const char *property; const char *value; int sequence; } steps[] = {
    /* not seen by calendars */
    { "title", "Jour fixe Nord", 0 },
    { "description", "Neue Tagesordnung", 0 },
    { "kind", "workshop", 0 },
    /* seen */
    { "starts-at", "2026-01-13T09:30", 1 },
    { "ends-at", "2026-01-13T11:30", 2 },
    { "location", "Rathaus", 3 },
    { "online-url", "https://meet.example.org/x", 4 },
    { "status", "tentative", 5 },
    { "rrule", "FREQ=MONTHLY;BYDAY=2TU;COUNT=10", 6 },
    { "exdates", "2026-03-10T09:30", 7 },
    /* the same again: no change */
    { "location", "Rathaus", 7 },
  };

  g_assert_cmpint (bb_event_get_sequence (event), ==, 0);
  /* Minutes of a meeting are not seen by calendars either */
  g_assert_true (bb_store_set_occurrence_minutes (fixture->store, id, "2026-01-13T10:00", "Protokoll", &error));
  g_assert_no_error (error);
  stored = bb_store_get (fixture->store, BB_TYPE_EVENT, id, &error);
  g_assert_cmpint (bb_event_get_sequence (stored), ==, 0);
  g_clear_object (&stored);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_object_set (event, steps[i].property, steps[i].value, NULL);
      /* What the editor thinks the sequence is does not matter */
      bb_event_set_sequence (event, 100);
      g_assert_true (bb_store_update_event (fixture->store, event, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bb_event_get_sequence (event), ==, steps[i].sequence);
      stored = bb_store_get (fixture->store, BB_TYPE_EVENT, id, &error);
      g_assert_cmpint (bb_event_get_sequence (stored), ==, steps[i].sequence);
      g_clear_object (&stored);
    }

  bb_event_set_all_day (event, TRUE);
  bb_event_set_starts_at (event, "2026-01-13");
  bb_event_set_ends_at (event, "2026-01-14");
  bb_event_set_exdates (event, NULL);
  g_assert_true (bb_store_update_event (fixture->store, event, &error));
  g_assert_cmpint (bb_event_get_sequence (event), ==, 8);

  /* Occurrences: changed, cancelled, restored */
  bb_event_override_set_event_id (override, id);
  bb_event_override_set_recurrence_id (override, "2026-02-10");
  bb_event_override_set_starts_at (override, "2026-02-11");
  bb_event_override_set_ends_at (override, "2026-02-12");
  bb_event_override_set_status (override, "confirmed");
  g_assert_true (bb_store_set_event_override (fixture->store, override, &error));
  g_assert_true (bb_store_cancel_occurrence (fixture->store, id, "2026-03-10", FALSE, &error));
  g_assert_true (bb_store_remove_event_override (fixture->store, id, "2026-02-10", &error));
  g_assert_no_error (error);
  stored = bb_store_get (fixture->store, BB_TYPE_EVENT, id, &error);
  g_assert_cmpint (bb_event_get_sequence (stored), ==, 11);

  /* The UID never changes */
  bb_event_set_uid (stored, "other@example.org");
  g_assert_false (bb_store_update_event (fixture->store, stored, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT);
}

/* Import ----------------------------------------------------------------------------------- */

static BbIcalPlan *
plan_for (BbStore    *store,
          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ical", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BbIcalPlan *plan = bb_ical_plan_new_for_file (store, file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static BbIcalPlanItem *
item_at (BbIcalPlan *plan,
         guint       position)
{
  BbIcalPlanItem *item = g_list_model_get_item (bb_ical_plan_get_items (plan), position);

  g_assert_nonnull (item);
  g_object_unref (item);  /* the plan keeps it */

  return item;
}

static BbEvent *
event_by_uid (BbStore    *store,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  BbEvent *event = bb_store_get_event_by_uid (store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

#define OUTLOOK_UID "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5"

static void
test_import_outlook (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(BbIcalPlan) again = NULL;
  g_autoptr(BbEvent) series = NULL;
  g_autoptr(BbEvent) london = NULL;
  g_autoptr(BbEvent) paris = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GError) error = NULL;
  gint64 organiser = add_person (fixture->store, "Alex", "Beispiel", "Alex.Beispiel@bfe.example.org");

  plan = plan_for (fixture->store, "outlook.ics");
  g_assert_cmpuint (g_list_model_get_n_items (bb_ical_plan_get_items (plan)), ==, 3);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD), ==, 3);
  g_assert_cmpstr (bb_ical_plan_item_get_title (item_at (plan, 0)), ==, "Jour fixe Nord (Outlook)");
  g_assert_cmpstr (bb_ical_plan_item_get_recurrence (item_at (plan, 0)), ==,
                   "Every 2nd Tuesday of the month, until 14.12.2027");
  g_assert_cmpuint (bb_ical_plan_item_get_n_overrides (item_at (plan, 0)), ==, 1);
  /* The preview wrote nothing */
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 0);

  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 3);

  /* "W. Europe Standard Time" is Berlin; Outlook's BYSETPOS becomes BYDAY=2TU */
  series = event_by_uid (fixture->store, OUTLOOK_UID);
  g_assert_cmpstr (bb_event_get_starts_at (series), ==, "2026-01-13T10:00");
  g_assert_cmpstr (bb_event_get_ends_at (series), ==, "2026-01-13T12:00");
  g_assert_cmpstr (bb_event_get_rrule (series), ==, "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271214T090000Z");
  g_assert_cmpstr (bb_event_get_exdates (series), ==, "2026-08-11T10:00");
  g_assert_cmpstr (bb_event_get_location (series), ==, "Rathaus Pankow, Raum 101");
  g_assert_cmpstr (bb_event_get_description (series), ==,
                   "Tagesordnung:\n1. Begrüßung\n2. Berichte aus den Unterkünften, Fragen; Sonstiges\n");
  g_assert_cmpint (bb_event_get_organiser_id (series), ==, organiser);
  overrides = bb_store_get_event_overrides (fixture->store, bb_record_get_id (BB_RECORD (series)), &error);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpstr (bb_event_override_get_recurrence_id (overrides->pdata[0]), ==, "2026-06-09T10:00");
  g_assert_cmpstr (bb_event_override_get_starts_at (overrides->pdata[0]), ==, "2026-06-10T14:00");
  g_assert_cmpstr (bb_event_override_get_location (overrides->pdata[0]), ==, "Stadtteilzentrum, Saal 2");
  g_assert_null (bb_event_override_get_title (overrides->pdata[0]));

  /* London 09:00 (GMT in March) is 10:00 in Berlin; Paris without VTIMEZONE is Berlin time */
  london = event_by_uid (fixture->store, "040000008200E00074C5B7101A82E00800000000FFEEDDCCBBAA99887766554433221100");
  g_assert_cmpstr (bb_event_get_starts_at (london), ==, "2026-03-20T10:00");
  g_assert_cmpint (bb_event_get_sequence (london), ==, 1);
  paris = event_by_uid (fixture->store, "040000008200E00074C5B7101A82E00800000000112233445566778899AABBCCDDEEFF00");
  g_assert_cmpstr (bb_event_get_starts_at (paris), ==, "2026-07-01T09:00");

  /* The same file again: everything up to date */
  again = plan_for (fixture->store, "outlook.ics");
  g_assert_cmpuint (bb_ical_plan_count (again, BB_ICAL_ACTION_SKIP), ==, 3);
  g_assert_cmpstr (bb_ical_plan_item_get_reason (item_at (again, 0)), ==, "Already up to date");
}

static void
test_import_thunderbird (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BbIcalPlan) plan = plan_for (fixture->store, "thunderbird.ics");
  g_autoptr(BbEvent) weekly = NULL;
  g_autoptr(BbEvent) festival = NULL;
  g_autoptr(BbEvent) call = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD), ==, 3);
  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);

  weekly = event_by_uid (fixture->store, "6c1a4f52-3e0b-4d2a-9c1e-7f3b2a1d0e9f");
  g_assert_cmpstr (bb_event_get_rrule (weekly), ==, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6");
  g_assert_cmpstr (bb_event_get_kind (weekly), ==, "workshop");
  g_assert_cmpint (bb_event_get_sequence (weekly), ==, 3);
  /* Six meetings across the change to summer time, all at 17:00 */
  occurrences = bb_recurrence_expand (weekly, NULL, "2026-03-01", "2026-05-01", 0, &error);
  g_assert_cmpuint (occurrences->len, ==, 6);
  g_assert_cmpstr (bb_occurrence_get_starts_at (occurrences->pdata[2]), ==, "2026-03-30T17:00");
  g_assert_cmpstr (bb_occurrence_get_starts_at (occurrences->pdata[5]), ==, "2026-04-08T17:00");

  festival = event_by_uid (fixture->store, "0b9e2d61-8a7f-4c3b-b2d1-5e4f3a2b1c0d");
  g_assert_true (bb_event_get_all_day (festival));
  g_assert_cmpstr (bb_event_get_starts_at (festival), ==, "2026-07-04");
  g_assert_cmpstr (bb_event_get_ends_at (festival), ==, "2026-07-06");

  /* 08:00 UTC in April is 10:00 in Berlin */
  call = event_by_uid (fixture->store, "a5c3e1f0-1111-4222-8333-944455556666");
  g_assert_cmpstr (bb_event_get_starts_at (call), ==, "2026-04-15T10:00");
  g_assert_cmpstr (bb_event_get_status (call), ==, "tentative");
}

#define GOOGLE_UID "3k9v0q2m5n8b1c4x7z0l2j5h8g@google.com"

static void
test_import_google (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BbIcalPlan) plan = plan_for (fixture->store, "google.ics");
  g_autoptr(BbIcalPlan) newer = NULL;
  g_autoptr(BbEvent) series = NULL;
  g_autoptr(BbEvent) training = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ical", "google.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *minutes = NULL;
  g_autoptr(GString) changed = NULL;
  BbIcalPlanItem *skipped;

  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD), ==, 2);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_SKIP), ==, 1);
  skipped = item_at (plan, 2);
  g_assert_cmpint (bb_ical_plan_item_get_action (skipped), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (skipped), "BYSETPOS=-1"));
  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 2);

  /* Google's UNTIL at the end of the local day; last Friday */
  series = event_by_uid (fixture->store, GOOGLE_UID);
  g_assert_cmpstr (bb_event_get_rrule (series), ==, "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T090000Z");
  g_assert_cmpstr (bb_event_get_kind (series), ==, "other");
  g_assert_cmpstr (bb_event_get_location (series), ==, "Nachbarschaftshaus, Karl-Marx-Straße 1, 12043 Berlin");
  g_assert_cmpstr (bb_event_get_description (series), ==,
                   "<b>Jour fixe</b> der Region Südost – jeden letzten Freitag.\nBitte Fragen vorab per Mail.");
  overrides = bb_store_get_event_overrides (fixture->store, bb_record_get_id (BB_RECORD (series)), &error);
  g_assert_cmpuint (overrides->len, ==, 2);
  occurrences = bb_recurrence_expand (series, overrides, "2026-01-01", "2027-01-01", 0, &error);
  g_assert_no_error (error);
  /* 12 last Fridays, August removed, October cancelled; March moved to the afternoon */
  g_assert_cmpuint (occurrences->len, ==, 10);
  g_assert_cmpstr (bb_occurrence_get_starts_at (occurrences->pdata[2]), ==, "2026-03-27T13:00");
  g_assert_cmpstr (bb_occurrence_get_title (occurrences->pdata[2]), ==, "Jour fixe Südost (nachmittags)");
  g_assert_cmpstr (bb_occurrence_get_starts_at (occurrences->pdata[9]), ==, "2026-12-25T10:00");

  training = event_by_uid (fixture->store, "7t2r5e8w1q4y6u9i0o3p5a7s9d@google.com");
  g_assert_cmpstr (bb_event_get_starts_at (training), ==, "2026-05-12T09:00");
  g_assert_cmpstr (bb_event_get_ends_at (training), ==, "2026-05-12T16:00");
  g_assert_cmpstr (bb_event_get_online_url (training), ==, "https://meet.google.com/abc-defg-hij");

  /* A newer version of the series (higher SEQUENCE): an update; the minutes of its meetings
   * stay, each with its meeting */
  g_assert_true (bb_store_set_occurrence_minutes (fixture->store, bb_record_get_id (BB_RECORD (series)),
                                                  bb_event_get_starts_at (series), "Protokoll vom Januar", &error));
  g_assert_true (bb_store_set_occurrence_minutes (fixture->store, bb_record_get_id (BB_RECORD (series)),
                                                  "2026-03-27T10:00", "Protokoll vom März", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  changed = g_string_new (contents);
  g_string_replace (changed, "SEQUENCE:2", "SEQUENCE:5", 0);
  g_string_replace (changed, "SUMMARY:Jour fixe Südost\r\nTRANSP", "SUMMARY:Jour fixe Südost (neu)\r\nTRANSP", 1);
  newer = bb_ical_plan_new_for_data (fixture->store, changed->str, changed->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_ical_plan_item_get_action (item_at (newer, 0)), ==, BB_ICAL_ACTION_UPDATE);
  g_assert_cmpstr (bb_ical_plan_item_get_reason (item_at (newer, 0)), ==, "Newer version (5, here 2)");
  g_assert_cmpint (bb_ical_plan_item_get_action (item_at (newer, 1)), ==, BB_ICAL_ACTION_SKIP);
  g_assert_true (bb_ical_plan_apply (newer, &error));
  g_assert_no_error (error);
  g_clear_object (&series);
  series = event_by_uid (fixture->store, GOOGLE_UID);
  g_assert_cmpstr (bb_event_get_title (series), ==, "Jour fixe Südost (neu)");
  g_assert_cmpint (bb_event_get_sequence (series), ==, 5);
  minutes = bb_store_dup_occurrence_minutes (fixture->store, bb_record_get_id (BB_RECORD (series)),
                                             bb_event_get_starts_at (series), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (minutes, ==, "Protokoll vom Januar");
  g_clear_pointer (&minutes, g_free);
  minutes = bb_store_dup_occurrence_minutes (fixture->store, bb_record_get_id (BB_RECORD (series)),
                                             "2026-03-27T10:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (minutes, ==, "Protokoll vom März");
  g_clear_pointer (&overrides, g_ptr_array_unref);
  overrides = bb_store_get_event_overrides (fixture->store, bb_record_get_id (BB_RECORD (series)), &error);
  g_assert_cmpuint (overrides->len, ==, 2);
}

static void
test_import_broken (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *text; int code; const char *message; } cases[] = {
    { "Hello", BB_ICAL_ERROR_PARSE, "Line 1: The file does not start with BEGIN:VCALENDAR" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\nX:1\r\n", BB_ICAL_ERROR_PARSE, "Line 4:" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261301T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      BB_ICAL_ERROR_PARSE, "Line 5: DTSTART" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY without colon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      BB_ICAL_ERROR_PARSE, "Line 5:" },
    { "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDESCRIPTION:folded\n  on two lines\nDTSTART;TZID=\"Europe/Berlin:20260101T100000\nEND:VEVENT\nEND:VCALENDAR\n",
      BB_ICAL_ERROR_PARSE, "Line 7:" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
      BB_ICAL_ERROR_PARSE, "Line 5:" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n", BB_ICAL_ERROR_PARSE, "Line 4:" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", BB_ICAL_ERROR_EMPTY, "no events" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Mars/Olympus:20260101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      BB_ICAL_ERROR_TIMEZONE, "Mars/Olympus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BbIcalPlan) plan = NULL;

      plan = bb_ical_plan_new_for_data (fixture->store, cases[i].text, strlen (cases[i].text), NULL, &error);
      g_assert_null (plan);
      g_test_message ("%u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_error (error, BB_ICAL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 0);
}

static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BbIcalPlan) plan = plan_for (fixture->store, "thunderbird.ics");
  g_autoptr(BbEvent) meanwhile = NULL;
  g_autoptr(GError) error = NULL;

  /* Between preview and apply, the last event of the file arrives another way. */
  meanwhile = add_event (fixture->store, "Telefonkonferenz", "other", "2026-04-15T10:00", "2026-04-15T11:00", NULL);
  bb_event_set_uid (meanwhile, "a5c3e1f0-1111-4222-8333-944455556666");
  g_assert_true (bb_store_update (fixture->store, BB_RECORD (meanwhile), &error));

  g_assert_false (bb_ical_plan_apply (plan, &error));
  g_assert_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONFLICT);
  /* The two before it were rolled back */
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, 1);
}

/* Round trip ------------------------------------------------------------------------------- */

static char *
without_dtstamp (const char *text)
{
  g_autofree char *unfolded = unfold (text);
  g_auto(GStrv) lines = g_strsplit (unfolded, "\r\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (out, "%s\n", lines[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  BbIcalExportOptions options = { .now = fixture->now };
  g_autoptr(BbStore) empty = bb_test_open_store (fixture->dir, "empty.sqlite3", NULL);
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 4, 2, 8, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "second.ics", NULL);
  g_autofree char *theirs_first = NULL;
  g_autofree char *theirs_second = NULL;
  GDate today;

  /* Our own crafted events and the demo data's (series with summer breaks, moved meetings) */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  g_assert_true (bb_demo_generate (fixture->store, 0.1, 7, &today, NULL, NULL, &error));
  g_assert_no_error (error);
  fill (fixture->store);

  first = bb_ical_export (fixture->store, &options, NULL, &error);
  g_assert_no_error (error);
  assert_lines (first);
  assert_independent (fixture->store, &options, first, fixture->dir, "2025-01-01", "2027-07-01");

  plan = bb_ical_plan_new_for_data (empty, first, strlen (first), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_SKIP), ==, 0);
  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bb_store_count (empty, BB_TYPE_EVENT), ==, bb_store_count (fixture->store, BB_TYPE_EVENT));

  options.now = later;
  second = bb_ical_export (empty, &options, NULL, &error);
  g_assert_no_error (error);
  a = without_dtstamp (first);
  b = without_dtstamp (second);
  g_assert_cmpstr (a, ==, b);

  /* And the independent parser reads both the same */
  g_assert_true (g_file_set_contents (path, second, -1, &error));
  theirs_second = independent_reading (path, "2025-01-01", "2027-07-01");
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "export.ics", NULL);
  theirs_first = independent_reading (path, "2025-01-01", "2027-07-01");
  g_assert_cmpstr (theirs_first, ==, theirs_second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/fold", test_fold);
  g_test_add ("/ical/export/publish", Fixture, NULL, fixture_set_up, test_export_publish, fixture_tear_down);
  g_test_add ("/ical/export/request", Fixture, NULL, fixture_set_up, test_export_request, fixture_tear_down);
  g_test_add ("/ical/export/filters", Fixture, NULL, fixture_set_up, test_export_filters, fixture_tear_down);
  g_test_add ("/ical/sequence", Fixture, NULL, fixture_set_up, test_sequence, fixture_tear_down);
  g_test_add ("/ical/import/outlook", Fixture, NULL, fixture_set_up, test_import_outlook, fixture_tear_down);
  g_test_add ("/ical/import/thunderbird", Fixture, NULL, fixture_set_up, test_import_thunderbird, fixture_tear_down);
  g_test_add ("/ical/import/google", Fixture, NULL, fixture_set_up, test_import_google, fixture_tear_down);
  g_test_add ("/ical/import/broken", Fixture, NULL, fixture_set_up, test_import_broken, fixture_tear_down);
  g_test_add ("/ical/import/all-or-nothing", Fixture, NULL, fixture_set_up, test_import_all_or_nothing,
              fixture_tear_down);
  g_test_add ("/ical/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);

  return g_test_run ();
}
