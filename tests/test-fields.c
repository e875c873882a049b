/* test-fields.c: the rule of free text (bb-validate.h) with real strings — emoji, flags,
 * right-to-left names, combining characters, control characters, over-long text — and that
 * the store and the iCalendar import obey it. All names are made up.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fields"

#include "config.h"

#include <string.h>

#include "bb-core.h"
#include "bb-test-core.h"
#include "bb-validate.h"

/* A family (man, woman, girl, boy) joined by ZWJ: seven code points, one picture. */
#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6"
/* 🇩🇪: two regional indicators. */
#define FLAG_DE "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
#define ARABIC "مريم العلي"
#define HEBREW "שרה לוי"
/* Persian with a zero-width non-joiner (U+200C) inside a word. */
#define PERSIAN "نگار می\xE2\x80\x8Cخواهد"
/* "e" and a combining acute accent (U+0301). */
#define COMBINING "Rene\xCC\x81"

static void
assert_refused (const char *text,
                guint       max_chars,
                gboolean    multiline,
                int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bb_validate_text (text, max_chars, multiline, &error));
  g_assert_error (error, BB_VALIDATE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_accepted (void)
{
  const char * const texts[] = {
    FAMILY, FLAG_DE, ARABIC, HEBREW, PERSIAN, COMBINING,
    "Ali " FAMILY " " FLAG_DE " مريم",
    /* A right-to-left mark is allowed: people use it to place punctuation. */
    "\xE2\x80\x8F" HEBREW "\xE2\x80\x8E!",
    "Café Zukunft — Straße 12 · 10115 Berlin",
    "👍🏽 Daumen hoch (with skin tone)",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (bb_validate_text (texts[i], BB_VALIDATE_LINE_MAX, FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (bb_validate_text (texts[i], BB_VALIDATE_NOTES_MAX, TRUE, &error));
      g_assert_no_error (error);
    }

  g_assert_true (bb_validate_text (NULL, 0, FALSE, NULL));
  /* Tabs and line breaks belong to multi-line text only. */
  g_assert_true (bb_validate_text ("Erste Zeile\nzweite\r\nund\tdritte\xE2\x80\xA8", 100, TRUE, NULL));
  assert_refused ("Erste Zeile\nzweite", 100, FALSE, BB_VALIDATE_ERROR_LINE_BREAK);
  assert_refused ("mit\tTab", 100, FALSE, BB_VALIDATE_ERROR_LINE_BREAK);
  assert_refused ("Wagen\rRücklauf", 100, FALSE, BB_VALIDATE_ERROR_LINE_BREAK);
  assert_refused ("Absatz\xE2\x80\xA9Trenner", 100, FALSE, BB_VALIDATE_ERROR_LINE_BREAK);
}

static void
test_controls (void)
{
  /* Every C0 control but tab, LF and CR, DEL and every C1 control, in either kind of text. */
  for (gunichar c = 1; c <= 0x9f; c++)
    {
      char text[16] = "ab";
      gboolean allowed_in_notes = c == '\t' || c == '\n' || c == '\r';

      if (c >= 0x20 && c < 0x7f)
        continue;

      g_unichar_to_utf8 (c, text + 2);
      strcat (text, "cd");
      if (allowed_in_notes)
        {
          g_assert_true (bb_validate_text (text, 100, TRUE, NULL));
          assert_refused (text, 100, FALSE, BB_VALIDATE_ERROR_LINE_BREAK);
        }
      else
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *code = g_strdup_printf ("U+%04X", c);

          assert_refused (text, 100, TRUE, BB_VALIDATE_ERROR_CONTROL);
          assert_refused (text, 100, FALSE, BB_VALIDATE_ERROR_CONTROL);
          /* The message names the character and where it is. */
          bb_validate_text (text, 100, FALSE, &error);
          g_assert_nonnull (strstr (error->message, code));
          g_assert_nonnull (strstr (error->message, " 3"));
        }
    }

  /* NEL (U+0085) is a C1 control, not a line break we keep. */
  assert_refused ("Zeile\xC2\x85Zeile", 100, TRUE, BB_VALIDATE_ERROR_CONTROL);
  /* Embeddings, overrides and isolates would reverse a name on screen (U+202E "RLO"). */
  assert_refused ("Ali\xE2\x80\xAEreversed", 100, FALSE, BB_VALIDATE_ERROR_CONTROL);
  assert_refused ("\xE2\x80\xAA" "x", 100, TRUE, BB_VALIDATE_ERROR_CONTROL);
  assert_refused ("x\xE2\x81\xA6" "y", 100, FALSE, BB_VALIDATE_ERROR_CONTROL);
  assert_refused ("x\xE2\x81\xA9", 100, FALSE, BB_VALIDATE_ERROR_CONTROL);
  /* The joiners of emoji sequences and Persian words are no controls. */
  g_assert_true (bb_validate_text ("a\xE2\x80\x8C" "b\xE2\x80\x8D" "c", 100, FALSE, NULL));
}

static void
test_invalid_utf8 (void)
{
  /* Latin-1, a lone continuation byte, an overlong NUL (Java's "modified UTF-8"), a UTF-16
   * surrogate, a truncated sequence. */
  const char * const texts[] = {
    "Stra\xDF" "e", "\x80", "a\xC0\x80" "b", "\xED\xA0\x80", "\xF0\x9F\x91",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_refused (texts[i], 100, TRUE, BB_VALIDATE_ERROR_INVALID_UTF8);
}

static void
test_length (void)
{
  g_autofree char *flags_100 = bb_test_repeat (FLAG_DE, 100);          /* 200 code points, 800 bytes */
  g_autofree char *arabic_200 = bb_test_repeat ("م", 200);              /* 200 code points, 400 bytes */
  g_autofree char *ascii_201 = bb_test_repeat ("a", 201);
  g_autofree char *megabyte = bb_test_repeat ("Notiz ", 1024 * 1024 / 6);
  g_autofree char *notes_max = bb_test_repeat ("ä", BB_VALIDATE_NOTES_MAX);
  g_autofree char *notes_over = bb_test_repeat ("ä", BB_VALIDATE_NOTES_MAX + 1);
  g_autoptr(GError) error = NULL;

  /* Characters, not bytes. */
  g_assert_cmpuint (strlen (flags_100), ==, 800);
  g_assert_true (bb_validate_text (flags_100, BB_VALIDATE_LINE_MAX, FALSE, NULL));
  g_assert_true (bb_validate_text (arabic_200, BB_VALIDATE_LINE_MAX, FALSE, NULL));

  g_assert_false (bb_validate_text (ascii_201, BB_VALIDATE_LINE_MAX, FALSE, &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_TOO_LONG);
  /* "At most 200 characters (now 201)." */
  g_assert_nonnull (strstr (error->message, "200"));
  g_assert_nonnull (strstr (error->message, "201"));
  g_clear_error (&error);

  g_assert_true (bb_validate_text (notes_max, BB_VALIDATE_NOTES_MAX, TRUE, NULL));
  assert_refused (notes_over, BB_VALIDATE_NOTES_MAX, TRUE, BB_VALIDATE_ERROR_TOO_LONG);
  assert_refused (megabyte, BB_VALIDATE_NOTES_MAX, TRUE, BB_VALIDATE_ERROR_TOO_LONG);
}

static void
test_column_rules (void)
{
  struct {
    const char *column;
    guint       max_chars;
    gboolean    multiline;
  } rules[] = {
    { "notes",        BB_VALIDATE_NOTES_MAX,     TRUE },
    { "note",         BB_VALIDATE_NOTES_MAX,     TRUE },
    { "description",  BB_VALIDATE_NOTES_MAX,     TRUE },
    { "text",         BB_VALIDATE_LONG_LINE_MAX, FALSE },
    { "minutes",      BB_VALIDATE_NOTES_MAX,     TRUE },
    { "given-name",   BB_VALIDATE_LINE_MAX,      FALSE },
    { "family_name",  BB_VALIDATE_LINE_MAX,      FALSE },
    { "title",        BB_VALIDATE_LINE_MAX,      FALSE },
    { "author",       BB_VALIDATE_LINE_MAX,      FALSE },
    { "email",        BB_VALIDATE_EMAIL_MAX,     FALSE },
    { "online-url",   BB_VALIDATE_LONG_LINE_MAX, FALSE },
    { "web",          BB_VALIDATE_LONG_LINE_MAX, FALSE },
    { "exdates",      G_MAXUINT,                 FALSE },
    { "a-column-name-longer-than-the-buffer-of-the-lookup", BB_VALIDATE_LINE_MAX, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      guint max_chars = 0;
      gboolean multiline = -1;

      bb_validate_column_rule (rules[i].column, &max_chars, &multiline);
      g_assert_cmpuint (max_chars, ==, rules[i].max_chars);
      g_assert_cmpint (multiline, ==, rules[i].multiline);
    }

  g_assert_true (bb_validate_column ("notes", "a\nb", NULL));
  g_assert_false (bb_validate_column ("title", "a\nb", NULL));
}

static void
test_trim (void)
{
  struct {
    const char *text;
    const char *trimmed;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { " \t\n ", NULL },
    /* No-break space and ideographic space are white space too. */
    { "\xC2\xA0\xE3\x80\x80", NULL },
    { "\xC2\xA0 " ARABIC " \xE3\x80\x80\n", ARABIC },
    { "  " FAMILY "  ", FAMILY },
    { "\n" HEBREW "\nzweite Zeile\n\n", HEBREW "\nzweite Zeile" },
    /* A mark at the end is no white space: kept. */
    { HEBREW "\xE2\x80\x8F ", HEBREW "\xE2\x80\x8F" },
    { "a  b", "a  b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *trimmed = bb_validate_dup_trimmed (cases[i].text);

      g_assert_cmpstr (trimmed, ==, cases[i].trimmed);
      /* The same idea of "blank" as the required-field checks. */
      g_assert_cmpint (bb_validate_is_blank (cases[i].text), ==, cases[i].trimmed == NULL);
    }
}

/* A text column of the person id, straight from SQLite. */
static char *
query_person (BbStore    *store,
              const char *column,
              gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM person WHERE id = %" G_GINT64_FORMAT,
                                          column, id);

  return bb_test_query_text (store, sql);
}

static void
test_store_round_trip (BbTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(BbPerson) person = bb_person_new ();
  g_autoptr(BbPerson) stored = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *notes = g_strconcat ("Notiz " FAMILY "\n" HEBREW "\n" PERSIAN, NULL);
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *bytes = NULL;
  gint64 id, shelter_id;

  bb_person_set_given_name (person, "مريم");
  bb_person_set_family_name (person, "العلي " FAMILY);
  bb_person_set_function (person, COMBINING " " FLAG_DE);
  bb_person_set_notes (person, notes);
  id = bb_test_insert (fixture->store, g_steal_pointer (&person));

  /* Byte for byte, through the record and straight from SQLite. */
  stored = bb_store_get (fixture->store, BB_TYPE_PERSON, id, NULL);
  g_assert_cmpstr (bb_person_get_given_name (stored), ==, "مريم");
  g_assert_cmpstr (bb_person_get_family_name (stored), ==, "العلي " FAMILY);
  g_assert_cmpstr (bb_person_get_function (stored), ==, COMBINING " " FLAG_DE);
  g_assert_cmpstr (bb_person_get_notes (stored), ==, notes);
  given = query_person (fixture->store, "given_name", id);
  g_assert_cmpstr (given, ==, "مريم");
  family = query_person (fixture->store, "hex(family_name)", id);
  bytes = g_strdup ("D8A7D984D8B9D984D98A20F09F91A8E2808DF09F91A9E2808DF09F91A7E2808DF09F91A6");
  g_assert_cmpstr (family, ==, bytes);

  shelter_id = bb_test_add_shelter (fixture->store, HEBREW " " FLAG_DE, "Mitte");
  g_assert_cmpint (shelter_id, >, 0);

  /* The search finds right-to-left names. */
  hits = bb_store_search (fixture->store, "مريم", 10, NULL);
  g_assert_nonnull (hits);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  /* The shelter by its name, the person by the notes. */
  hits = bb_store_search (fixture->store, "שרה", 10, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BbSearchHit) hit = g_list_model_get_item (hits, i);

      if (bb_search_hit_get_record_type (hit) == BB_TYPE_SHELTER)
        g_assert_cmpint (bb_search_hit_get_id (hit), ==, shelter_id);
      else
        g_assert_cmpint (bb_search_hit_get_id (hit), ==, id);
    }
}

static void
test_store_refuses (BbTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(BbPerson) person = bb_person_new ();
  g_autoptr(BbPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = bb_test_repeat ("ש", BB_VALIDATE_LINE_MAX + 1);
  g_autofree char *megabyte = bb_test_repeat ("Notiz ", 1024 * 1024 / 6);
  gint64 id = bb_test_add_person (fixture->store, "Lena", "Kowalczyk");
  gint64 n_people = bb_store_count (fixture->store, BB_TYPE_PERSON);

  /* Insert: a bell in a name, a name too long, a megabyte of notes. */
  bb_person_set_given_name (person, "Ju\alia");
  g_assert_false (bb_store_insert (fixture->store, BB_RECORD (person), &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_CONTROL);
  /* The message names the column for a bug report, never the value. */
  g_assert_nonnull (strstr (error->message, "person.given-name"));
  g_assert_null (strstr (error->message, "Ju"));
  g_clear_error (&error);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (person)), ==, 0);

  bb_person_set_given_name (person, long_name);
  g_assert_false (bb_store_insert (fixture->store, BB_RECORD (person), &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_TOO_LONG);
  g_clear_error (&error);

  bb_person_set_given_name (person, "Julia");
  bb_person_set_notes (person, megabyte);
  g_assert_false (bb_store_insert (fixture->store, BB_RECORD (person), &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_PERSON), ==, n_people);

  /* Update: the stored row stays as it was. */
  stored = bb_store_get (fixture->store, BB_TYPE_PERSON, id, NULL);
  bb_person_set_family_name (stored, "Kowal\xE2\x80\xAE" "czyk");
  g_assert_false (bb_store_update (fixture->store, BB_RECORD (stored), &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_CONTROL);
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = bb_store_get (fixture->store, BB_TYPE_PERSON, id, NULL);
  g_assert_cmpstr (bb_person_get_family_name (stored), ==, "Kowalczyk");
}

static gint64
add_event (BbStore *store)
{
  g_autoptr(BbEvent) event = bb_event_new ();

  bb_event_set_title (event, "Jour fixe " FLAG_DE);
  bb_event_set_kind (event, "jour-fixe");
  bb_event_set_starts_at (event, "2026-11-25T10:00");
  bb_event_set_ends_at (event, "2026-11-25T12:00");
  g_assert_true (bb_store_insert_event (store, event, NULL));

  return bb_record_get_id (BB_RECORD (event));
}

static void
test_store_minutes (BbTestStore   *fixture,
                    gconstpointer  data)
{
  gint64 id = add_event (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *too_long = bb_test_repeat ("x", BB_VALIDATE_NOTES_MAX + 1);

  /* Trimmed like every other field, the inside kept byte for byte. */
  g_assert_true (bb_store_set_occurrence_minutes (fixture->store, id, "2026-11-25T10:00",
                                                  "\xC2\xA0 " ARABIC "\n" FAMILY "\n\n",
                                                  &error));
  g_assert_no_error (error);
  minutes = bb_store_dup_occurrence_minutes (fixture->store, id, "2026-11-25T10:00", NULL);
  g_assert_cmpstr (minutes, ==, ARABIC "\n" FAMILY);
  g_clear_pointer (&minutes, g_free);

  g_assert_false (bb_store_set_occurrence_minutes (fixture->store, id, "2026-11-25T10:00",
                                                   "Protokoll\x1b[31m", &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_CONTROL);
  g_clear_error (&error);
  g_assert_false (bb_store_set_occurrence_minutes (fixture->store, id, "2026-11-25T10:00",
                                                   too_long, &error));
  g_assert_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_TOO_LONG);
  minutes = bb_store_dup_occurrence_minutes (fixture->store, id, "2026-11-25T10:00", NULL);
  g_assert_cmpstr (minutes, ==, ARABIC "\n" FAMILY);
}

/* One VEVENT of a file with the given SUMMARY and DESCRIPTION lines (already escaped). */
static char *
ics_with (const char *uid,
          const char *summary,
          const char *description)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\n"
                          "VERSION:2.0\r\n"
                          "PRODID:-//Test//Felder//DE\r\n"
                          "BEGIN:VEVENT\r\n"
                          "UID:%s\r\n"
                          "DTSTAMP:20261101T090000Z\r\n"
                          "DTSTART:20261201T090000Z\r\n"
                          "DTEND:20261201T100000Z\r\n"
                          "SUMMARY:%s\r\n"
                          "DESCRIPTION:%s\r\n"
                          "END:VEVENT\r\n"
                          "END:VCALENDAR\r\n", uid, summary, description);
}

static BbIcalPlanItem *
plan_one (BbStore    *store,
          const char *ics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbIcalPlan) plan = bb_ical_plan_new_for_data (store, ics, strlen (ics), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (bb_ical_plan_get_items (plan)), ==, 1);
  g_assert_true (bb_ical_plan_apply (plan, &error));
  g_assert_no_error (error);

  return g_list_model_get_item (bb_ical_plan_get_items (plan), 0);
}

static void
test_ical_import (BbTestStore   *fixture,
                  gconstpointer  data)
{
  g_autofree char *long_title = bb_test_repeat ("Werkstatt ", 21);       /* 210 characters */
  g_autofree char *good = ics_with ("felder-1@test", "Treffen " ARABIC " " FAMILY,
                                    "Tagesordnung\\n" HEBREW "\\n" FLAG_DE);
  g_autofree char *too_long = ics_with ("felder-2@test", long_title, "");
  g_autofree char *line_break = ics_with ("felder-3@test", "Zwei\\nZeilen", "");
  g_autofree char *override = ics_with ("felder-4@test", "Ali\xE2\x80\xAE" "xyz", "");
  g_autoptr(BbIcalPlanItem) item = NULL;
  g_autoptr(BbEvent) event = NULL;
  gint64 n_events;

  /* Emoji and right-to-left text come in byte for byte; "\n" in DESCRIPTION is a line. */
  item = plan_one (fixture->store, good);
  g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_ADD);
  g_clear_object (&item);
  event = bb_store_get_event_by_uid (fixture->store, "felder-1@test", NULL);
  g_assert_nonnull (event);
  g_assert_cmpstr (bb_event_get_title (event), ==, "Treffen " ARABIC " " FAMILY);
  g_assert_cmpstr (bb_event_get_description (event), ==, "Tagesordnung\n" HEBREW "\n" FLAG_DE);
  n_events = bb_store_count (fixture->store, BB_TYPE_EVENT);

  /* Over-long, a line break in the title, a direction override: skipped with a reason that
   * names the field; never cut, never cleaned. */
  item = plan_one (fixture->store, too_long);
  g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), "Title"));
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), "200"));
  g_clear_object (&item);
  item = plan_one (fixture->store, line_break);
  g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), "single line"));
  g_clear_object (&item);
  item = plan_one (fixture->store, override);
  g_assert_cmpint (bb_ical_plan_item_get_action (item), ==, BB_ICAL_ACTION_SKIP);
  g_assert_nonnull (strstr (bb_ical_plan_item_get_reason (item), "U+202E"));
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_EVENT), ==, n_events);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fields/text/accepted", test_accepted);
  g_test_add_func ("/fields/text/controls", test_controls);
  g_test_add_func ("/fields/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/fields/text/length", test_length);
  g_test_add_func ("/fields/text/column-rules", test_column_rules);
  g_test_add_func ("/fields/text/trim", test_trim);
  g_test_add ("/fields/store/round-trip", BbTestStore, NULL,
              bb_test_store_set_up, test_store_round_trip, bb_test_store_tear_down);
  g_test_add ("/fields/store/refuses", BbTestStore, NULL,
              bb_test_store_set_up, test_store_refuses, bb_test_store_tear_down);
  g_test_add ("/fields/store/minutes", BbTestStore, NULL,
              bb_test_store_set_up, test_store_minutes, bb_test_store_tear_down);
  g_test_add ("/fields/ical/import", BbTestStore, NULL,
              bb_test_store_set_up, test_ical_import, bb_test_store_tear_down);

  return g_test_run ();
}
