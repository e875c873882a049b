/* test-report.c: the figures of the activity report on a small dataset built by hand, its CSV
 * read back, its PDF and the headless command.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "bb-core.h"
#include "bb-report.h"
#include "bb-report-pdf.h"
#include "bb-test-core.h"

typedef struct
{
  char    *dir;
  char    *path;
  BbStore *store;
  gint64   nord;
  gint64   west;
  /* Shelters by letter: s['a'] … */
  gint64   s[128];
} Fixture;

static gint64
district (Fixture    *fixture,
          const char *name)
{
  return bb_test_district_id (fixture->store, name);
}

static gint64
add_shelter (Fixture    *fixture,
             const char *name,
             const char *district_name,
             const char *opened_on,
             const char *closed_on,
             const char *status)
{
  g_autoptr(BbShelter) shelter = bb_shelter_new ();

  bb_shelter_set_name (shelter, name);
  bb_shelter_set_district_id (shelter, district (fixture, district_name));
  bb_shelter_set_opened_on (shelter, opened_on);
  bb_shelter_set_closed_on (shelter, closed_on);
  bb_shelter_set_status (shelter, status);
  return bb_test_insert (fixture->store, g_steal_pointer (&shelter));
}

/* topics: a ","-separated list or NULL. */
static gint64
add_consultation (Fixture    *fixture,
                  const char *started_at,
                  const char *format,
                  gint64      shelter_id,
                  gint64      region_id,
                  const char *topics)
{
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = g_strsplit (topics != NULL ? topics : "", ",", -1);

  bb_consultation_set_started_at (consultation, started_at);
  bb_consultation_set_format (consultation, format);
  bb_consultation_set_shelter_id (consultation, shelter_id);
  bb_consultation_set_region_id (consultation, region_id);
  bb_test_insert (fixture->store, g_object_ref (consultation));
  if (topics != NULL)
    {
      bb_store_set_consultation_topics (fixture->store, bb_record_get_id (BB_RECORD (consultation)),
                                        (const char * const *) list, &error);
      g_assert_no_error (error);
    }

  return bb_record_get_id (BB_RECORD (consultation));
}

static void
add_followup (Fixture    *fixture,
              gint64      consultation_id,
              const char *due_on,
              const char *done_on)
{
  g_autoptr(BbFollowup) followup = bb_followup_new ();

  bb_followup_set_consultation_id (followup, consultation_id);
  bb_followup_set_text (followup, "Nachfragen");
  bb_followup_set_due_on (followup, due_on);
  bb_followup_set_done_on (followup, done_on);
  bb_test_insert (fixture->store, g_steal_pointer (&followup));
}

static gint64
add_event (Fixture    *fixture,
           const char *kind,
           gint64      region_id,
           const char *starts_at,
           const char *ends_at,
           const char *rrule,
           const char *exdates,
           const char *status)
{
  static guint serial;
  g_autoptr(BbEvent) event = bb_event_new ();
  g_autofree char *uid = g_strdup_printf ("test-report-%u@example.org", ++serial);

  bb_event_set_uid (event, uid);
  bb_event_set_kind (event, kind);
  bb_event_set_region_id (event, region_id);
  bb_event_set_title (event, "Jour fixe");
  bb_event_set_starts_at (event, starts_at);
  bb_event_set_ends_at (event, ends_at);
  bb_event_set_rrule (event, rrule);
  bb_event_set_exdates (event, exdates);
  bb_event_set_status (event, status);
  return bb_test_insert (fixture->store, g_steal_pointer (&event));
}

static void
add_override (Fixture    *fixture,
              gint64      event_id,
              const char *recurrence_id,
              const char *starts_at,
              const char *ends_at,
              const char *status)
{
  g_autoptr(BbEventOverride) override = bb_event_override_new ();

  bb_event_override_set_event_id (override, event_id);
  bb_event_override_set_recurrence_id (override, recurrence_id);
  bb_event_override_set_starts_at (override, starts_at);
  bb_event_override_set_ends_at (override, ends_at);
  bb_event_override_set_status (override, status);
  bb_test_insert (fixture->store, g_steal_pointer (&override));
}

/* n people attend (with status) the occurrence. */
static void
add_attendance (Fixture    *fixture,
                gint64      event_id,
                const char *occurrence,
                guint       n,
                const char *status)
{
  static guint serial;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbPerson) person = bb_person_new ();
      g_autoptr(BbAttendance) attendance = bb_attendance_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Testperson %u", ++serial);

      bb_person_set_family_name (person, name);
      bb_store_insert (fixture->store, BB_RECORD (person), &error);
      g_assert_no_error (error);

      bb_attendance_set_event_id (attendance, event_id);
      bb_attendance_set_occurrence (attendance, occurrence);
      bb_attendance_set_person_id (attendance, bb_record_get_id (BB_RECORD (person)));
      bb_attendance_set_status (attendance, status);
      bb_store_insert (fixture->store, BB_RECORD (attendance), &error);
      g_assert_no_error (error);
    }
}

/* The dataset. Regions Nord (Mitte, Pankow, Reinickendorf) and West (Spandau). The figures
 * expected in the tests are worked out in the comments. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 c1, c2, c3, c5, c9, c10;
  gint64 jf, single, workshop;

  fixture->dir = bb_test_make_dir ();
  fixture->store = bb_test_open_store (fixture->dir, "report.sqlite3", &fixture->path);

  fixture->nord = bb_report_find_region (fixture->store, "Nord", &error);
  g_assert_no_error (error);
  fixture->west = bb_report_find_region (fixture->store, "west", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->nord, >, 0);
  g_assert_cmpint (fixture->west, >, 0);

  /* In Nord during March 2026: a (open), b (no dates, open), g (closed on 10 March), h (open,
   * never consulted); not c (closed in February) nor d (opens in April). In West: e; not f
   * (closed, no dates). */
  fixture->s['a'] = add_shelter (fixture, "Haus Ahorn", "Mitte", "2020-01-01", NULL, "open");
  fixture->s['b'] = add_shelter (fixture, "Haus Birke", "Pankow", NULL, NULL, "open");
  fixture->s['c'] = add_shelter (fixture, "Haus Ceder", "Mitte", "2020-01-01", "2026-02-15", "closed");
  fixture->s['d'] = add_shelter (fixture, "Haus Dattel", "Mitte", "2026-04-01", NULL, "planned");
  fixture->s['e'] = add_shelter (fixture, "Haus Eibe", "Spandau", "2019-05-01", NULL, "open");
  fixture->s['f'] = add_shelter (fixture, "Haus Föhre; Süd", "Spandau", NULL, NULL, "closed");
  fixture->s['g'] = add_shelter (fixture, "Haus \"Gingko\"", "Pankow", "2025-06-01", "2026-03-10", "closed");
  fixture->s['h'] = add_shelter (fixture, "Haus Hasel", "Reinickendorf", "2021-01-01", NULL, "open");

  /* March 2026. Nord: c1 c2 c3 c4 c7 c8 (c7 is at a West shelter but says Nord itself).
   * West: c5 c6. */
  c1 = add_consultation (fixture, "2026-03-02T10:00", "on-site", fixture->s['a'], 0, "Ehrenamt,Sprache");
  c2 = add_consultation (fixture, "2026-03-05T09:00", "phone", fixture->s['a'], 0, "Ehrenamt");
  c3 = add_consultation (fixture, "2026-03-31T17:45", "video", fixture->s['b'], 0, "Kinder");
  add_consultation (fixture, "2026-03-01T08:00", "email", 0, fixture->nord, NULL);
  c5 = add_consultation (fixture, "2026-03-10T10:00", "on-site", fixture->s['e'], 0, "Ehrenamt");
  add_consultation (fixture, "2026-03-12T10:00", "phone", fixture->s['f'], 0, "Sprache");
  add_consultation (fixture, "2026-03-15T11:00", "on-site", fixture->s['e'], fixture->nord, NULL);
  add_consultation (fixture, "2026-03-20T14:00", "on-site", fixture->s['g'], 0, "Kinder");
  /* Outside March. */
  c9 = add_consultation (fixture, "2026-02-28T23:00", "on-site", fixture->s['a'], 0, "Ehrenamt");
  c10 = add_consultation (fixture, "2026-04-01T00:00", "phone", fixture->s['b'], 0, "Ehrenamt");

  /* As of 31 March: Nord open f1 f2 f4 f5 f8, overdue f1 f4; West open and overdue f7. */
  add_followup (fixture, c1, "2026-03-20", NULL);                   /* f1 open, overdue */
  add_followup (fixture, c1, "2026-04-15", NULL);                   /* f2 open */
  add_followup (fixture, c2, "2026-03-10", "2026-03-09");           /* f3 done */
  add_followup (fixture, c2, "2026-03-25", "2026-04-02");           /* f4 done only later */
  add_followup (fixture, c9, "2026-03-31", NULL);                   /* f5 due that day */
  add_followup (fixture, c10, "2026-04-02", NULL);                  /* f6 after the day */
  add_followup (fixture, c5, "2026-03-01", NULL);                   /* f7 West, overdue */
  add_followup (fixture, c3, NULL, NULL);                           /* f8 open, no due date */

  /* Nord's monthly Jour fixe on the second Tuesday: 13 Jan, 10 Feb, 10 Mar, 14 Apr, 12 May
   * (moved to 13 May), 9 Jun (cancelled), 14 Jul, 11 Aug (EXDATE), 8 Sep, 13 Oct, 10 Nov,
   * 8 Dec. */
  jf = add_event (fixture, "jour-fixe", fixture->nord, "2026-01-13T10:00", "2026-01-13T12:00",
                  "FREQ=MONTHLY;BYDAY=2TU", "2026-08-11T10:00", "confirmed");
  add_override (fixture, jf, "2026-05-12T10:00", "2026-05-13T14:00", "2026-05-13T16:00", "confirmed");
  add_override (fixture, jf, "2026-06-09T10:00", "2026-06-09T10:00", "2026-06-09T12:00", "cancelled");
  add_attendance (fixture, jf, "2026-03-10T10:00", 3, "attended");
  add_attendance (fixture, jf, "2026-03-10T10:00", 1, "excused");
  add_attendance (fixture, jf, "2026-04-14T10:00", 2, "attended");
  add_attendance (fixture, jf, "2026-05-12T10:00", 4, "attended");
  add_attendance (fixture, jf, "2026-06-09T10:00", 1, "attended");   /* cancelled: not counted */
  add_attendance (fixture, jf, "2026-08-11T10:00", 1, "attended");   /* EXDATE: not counted */

  /* West's single Jour fixe on 20 March; a weekly Nord series that was cancelled; a workshop. */
  single = add_event (fixture, "jour-fixe", fixture->west, "2026-03-20T10:00", "2026-03-20T12:00",
                      NULL, NULL, "confirmed");
  add_attendance (fixture, single, "2026-03-20T10:00", 5, "attended");
  add_attendance (fixture, single, "2026-03-20T10:00", 1, "absent");
  add_event (fixture, "jour-fixe", fixture->nord, "2026-03-02T09:00", "2026-03-02T10:00",
             "FREQ=WEEKLY;BYDAY=MO", NULL, "cancelled");
  workshop = add_event (fixture, "workshop", fixture->nord, "2026-03-18T10:00", "2026-03-18T16:00",
                        NULL, NULL, "confirmed");
  add_attendance (fixture, workshop, "2026-03-18T10:00", 7, "attended");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  bb_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (bb_report_parse_date (iso, date));
}

static BbReport *
compute (Fixture    *fixture,
         const char *from,
         const char *to,
         gint64      region_id,
         const char *today)
{
  GDate from_date, to_date, today_date;
  g_autoptr(GError) error = NULL;
  BbReport *report;

  set_date (&from_date, from);
  set_date (&to_date, to);
  set_date (&today_date, today);
  report = bb_report_compute (fixture->store, &from_date, &to_date, region_id, &today_date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static guint
item_count (GPtrArray  *items,
            const char *label)
{
  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->label, label))
        return item->count;
    }

  return 0;
}

static void
assert_formats (BbReport *report,
                guint     on_site,
                guint     phone,
                guint     video,
                guint     email)
{
  g_assert_cmpuint (report->by_format->len, ==, 4);
  g_assert_cmpstr (((BbReportItem *) g_ptr_array_index (report->by_format, 0))->key, ==, "on-site");
  g_assert_cmpuint (((BbReportItem *) g_ptr_array_index (report->by_format, 0))->count, ==, on_site);
  g_assert_cmpstr (((BbReportItem *) g_ptr_array_index (report->by_format, 1))->key, ==, "phone");
  g_assert_cmpuint (((BbReportItem *) g_ptr_array_index (report->by_format, 1))->count, ==, phone);
  g_assert_cmpstr (((BbReportItem *) g_ptr_array_index (report->by_format, 2))->key, ==, "video");
  g_assert_cmpuint (((BbReportItem *) g_ptr_array_index (report->by_format, 2))->count, ==, video);
  g_assert_cmpstr (((BbReportItem *) g_ptr_array_index (report->by_format, 3))->key, ==, "email");
  g_assert_cmpuint (((BbReportItem *) g_ptr_array_index (report->by_format, 3))->count, ==, email);
}

static void
test_figures_nord (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BbReport) report = compute (fixture, "2026-03-01", "2026-03-31", fixture->nord,
                                        "2026-11-25");
  BbReportItem *first;

  g_assert_cmpstr (report->region_name, ==, "Nord");
  g_assert_cmpstr (report->as_of, ==, "2026-03-31");
  g_assert_false (bb_report_is_empty (report));

  g_assert_cmpuint (report->n_consultations, ==, 6);
  assert_formats (report, 3, 1, 1, 1);

  /* Ehrenamt c1 c2, Kinder c3 c8, Sprache c1; most first, ties by name. */
  g_assert_cmpuint (report->by_topic->len, ==, 3);
  first = g_ptr_array_index (report->by_topic, 0);
  g_assert_cmpstr (first->label, ==, "Ehrenamt");
  g_assert_cmpuint (first->count, ==, 2);
  g_assert_cmpstr (((BbReportItem *) g_ptr_array_index (report->by_topic, 1))->label, ==, "Kinder");
  g_assert_cmpuint (item_count (report->by_topic, "Kinder"), ==, 2);
  g_assert_cmpuint (item_count (report->by_topic, "Sprache"), ==, 1);

  /* a 2, then b, e (by c7), g with one each, and the one without a shelter last. */
  g_assert_cmpuint (report->by_shelter->len, ==, 5);
  first = g_ptr_array_index (report->by_shelter, 0);
  g_assert_cmpstr (first->label, ==, "Haus Ahorn");
  g_assert_cmpint (first->id, ==, fixture->s['a']);
  g_assert_cmpuint (first->count, ==, 2);
  g_assert_cmpuint (item_count (report->by_shelter, "Haus Birke"), ==, 1);
  g_assert_cmpuint (item_count (report->by_shelter, "Haus Eibe"), ==, 1);
  g_assert_cmpuint (item_count (report->by_shelter, "Haus \"Gingko\""), ==, 1);
  first = g_ptr_array_index (report->by_shelter, 4);
  g_assert_cmpint (first->id, ==, 0);
  g_assert_cmpstr (first->key, ==, "");
  g_assert_cmpuint (first->count, ==, 1);

  /* In Nord a, b, g, h; reached a, b, g (e is West's). */
  g_assert_cmpuint (report->shelters_in_region, ==, 4);
  g_assert_cmpuint (report->shelters_reached, ==, 3);

  /* 10 March with 3 attending (the excused one does not count). */
  g_assert_cmpuint (report->jours_fixes_held, ==, 1);
  g_assert_cmpuint (report->jour_fixe_attendance, ==, 3);
  g_assert_cmpfloat_with_epsilon (report->average_attendance, 3.0, 1e-9);

  g_assert_cmpuint (report->followups_open, ==, 5);
  g_assert_cmpuint (report->followups_overdue, ==, 2);
}

static void
test_figures_west_and_all (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BbReport) west = compute (fixture, "2026-03-01", "2026-03-31", fixture->west,
                                      "2026-11-25");
  g_autoptr(BbReport) all = compute (fixture, "2026-03-01", "2026-03-31", 0, "2026-11-25");

  g_assert_cmpuint (west->n_consultations, ==, 2);
  assert_formats (west, 1, 1, 0, 0);
  g_assert_cmpuint (item_count (west->by_topic, "Ehrenamt"), ==, 1);
  g_assert_cmpuint (item_count (west->by_topic, "Sprache"), ==, 1);
  g_assert_cmpuint (west->by_shelter->len, ==, 2);
  g_assert_cmpuint (item_count (west->by_shelter, "Haus Föhre; Süd"), ==, 1);
  g_assert_cmpuint (west->shelters_in_region, ==, 1);
  g_assert_cmpuint (west->shelters_reached, ==, 1);
  g_assert_cmpuint (west->jours_fixes_held, ==, 1);
  g_assert_cmpuint (west->jour_fixe_attendance, ==, 5);
  g_assert_cmpuint (west->followups_open, ==, 1);
  g_assert_cmpuint (west->followups_overdue, ==, 1);

  g_assert_null (all->region_name);
  g_assert_cmpuint (all->n_consultations, ==, 8);
  assert_formats (all, 4, 2, 1, 1);
  g_assert_cmpuint (item_count (all->by_topic, "Ehrenamt"), ==, 3);
  g_assert_cmpuint (item_count (all->by_shelter, "Haus Eibe"), ==, 2);
  g_assert_cmpuint (all->shelters_in_region, ==, 5);
  g_assert_cmpuint (all->shelters_reached, ==, 4);
  g_assert_cmpuint (all->jours_fixes_held, ==, 2);
  g_assert_cmpuint (all->jour_fixe_attendance, ==, 8);
  g_assert_cmpfloat_with_epsilon (all->average_attendance, 4.0, 1e-9);
  g_assert_cmpuint (all->followups_open, ==, 6);
  g_assert_cmpuint (all->followups_overdue, ==, 3);
}

/* Consultations of the period far apart among the ids (entered out of order): the topics are
 * counted per consultation instead of over the ids' range, with the same result. */
static void
test_topics_sparse (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BbReport) before = compute (fixture, "2026-03-01", "2026-03-31", fixture->nord, "2026-11-25");
  g_autoptr(BbReport) after = NULL;
  g_autoptr(GError) error = NULL;

  bb_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    add_consultation (fixture, "2025-06-02T10:00", "phone", fixture->s['a'], 0, "Kinder");
  add_consultation (fixture, "2026-03-16T10:00", "video", fixture->s['b'], 0, "Kinder,Wohnen");
  bb_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  after = compute (fixture, "2026-03-01", "2026-03-31", fixture->nord, "2026-11-25");
  g_assert_cmpuint (after->n_consultations, ==, before->n_consultations + 1);
  g_assert_cmpuint (after->by_topic->len, ==, 4);
  g_assert_cmpstr (((BbReportItem *) g_ptr_array_index (after->by_topic, 0))->label, ==, "Kinder");
  g_assert_cmpuint (item_count (after->by_topic, "Kinder"), ==, 3);
  g_assert_cmpuint (item_count (after->by_topic, "Ehrenamt"), ==, 2);
  g_assert_cmpuint (item_count (after->by_topic, "Sprache"), ==, 1);
  g_assert_cmpuint (item_count (after->by_topic, "Wohnen"), ==, 1);
  g_assert_cmpuint (item_count (after->by_shelter, "Haus Birke"), ==, 2);
  g_assert_cmpuint (item_count (after->by_shelter, "Haus Ahorn"), ==, 2);
}

static void
test_jours_fixes (Fixture       *fixture,
                  gconstpointer  data)
{
  struct {
    const char *from, *to, *today;
    guint held, attended;
  } cases[] = {
    /* 14 Apr, 13 May (moved; its attendance is filed under 12 May), 9 Jun cancelled. */
    { "2026-04-01", "2026-06-30", "2026-11-25", 2, 6 },
    /* The moved meeting counts on its new day only. */
    { "2026-05-12", "2026-05-12", "2026-11-25", 0, 0 },
    { "2026-05-13", "2026-05-13", "2026-11-25", 1, 4 },
    /* Up to 1 September: Jan, Feb, Mar, Apr, May, Jul (Jun cancelled, Aug EXDATE). */
    { "2026-01-01", "2026-12-31", "2026-09-01", 6, 9 },
    /* The whole year: also Sep, Oct, Nov (8 Dec is after today). */
    { "2026-01-01", "2026-12-31", "2026-11-25", 9, 9 },
    /* Nothing of the future has been held. */
    { "2026-12-01", "2026-12-31", "2026-11-25", 0, 0 },
    /* Before the series began. */
    { "2025-01-01", "2025-12-31", "2026-11-25", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BbReport) report = compute (fixture, cases[i].from, cases[i].to, fixture->nord,
                                            cases[i].today);

      g_test_message ("%s … %s as of %s", cases[i].from, cases[i].to, cases[i].today);
      g_assert_cmpuint (report->jours_fixes_held, ==, cases[i].held);
      g_assert_cmpuint (report->jour_fixe_attendance, ==, cases[i].attended);
      if (cases[i].held > 0)
        g_assert_cmpfloat_with_epsilon (report->average_attendance,
                                        (double) cases[i].attended / cases[i].held, 1e-9);
      else
        g_assert_cmpfloat (report->average_attendance, ==, 0.0);
    }
}

static void
test_empty_and_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BbReport) empty = compute (fixture, "2024-01-01", "2024-01-31", 0, "2026-11-25");
  g_autoptr(GError) error = NULL;
  GDate from, to;

  g_assert_true (bb_report_is_empty (empty));
  g_assert_cmpuint (empty->n_consultations, ==, 0);
  g_assert_cmpuint (empty->by_format->len, ==, 4);
  g_assert_cmpuint (empty->by_topic->len, ==, 0);
  /* Shelters a, b (no dates, open), c, e, h were open then; none of the follow-ups existed
   * yet. */
  g_assert_cmpuint (empty->shelters_in_region, ==, 5);
  g_assert_cmpuint (empty->shelters_reached, ==, 0);
  g_assert_cmpuint (empty->followups_open, ==, 0);

  set_date (&from, "2026-03-31");
  set_date (&to, "2026-03-01");
  g_assert_null (bb_report_compute (fixture->store, &from, &to, 0, NULL, &error));
  g_assert_error (error, BB_REPORT_ERROR, BB_REPORT_ERROR_INVALID_PERIOD);
  g_clear_error (&error);

  g_assert_null (bb_report_compute (fixture->store, &to, &from, 999, NULL, &error));
  g_assert_error (error, BB_REPORT_ERROR, BB_REPORT_ERROR_UNKNOWN_REGION);
  g_clear_error (&error);

  g_assert_cmpint (bb_report_find_region (fixture->store, "Ost", &error), ==, 0);
  g_assert_error (error, BB_REPORT_ERROR, BB_REPORT_ERROR_UNKNOWN_REGION);
  g_clear_error (&error);
  g_assert_cmpint (bb_report_find_region (fixture->store, "SÜDOST", &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (bb_report_parse_date ("2026-02-30", &from));
  g_assert_false (bb_report_parse_date ("2026-2-3", &from));
  g_assert_false (bb_report_parse_date ("26.11.2026", &from));
  g_assert_false (bb_report_parse_date (NULL, &from));
}

static void
test_periods (void)
{
  GDate day, from, to;
  g_autofree char *month = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *year = NULL;
  g_autofree char *custom = NULL;

  set_date (&day, "2026-11-25");

  bb_report_period_containing (BB_REPORT_PERIOD_MONTH, &day, &from, &to);
  g_assert_cmpuint (g_date_get_day (&from), ==, 1);
  g_assert_cmpuint (g_date_get_day (&to), ==, 30);
  month = bb_report_describe_period (&from, &to);
  g_assert_cmpstr (month, ==, "November 2026");
  bb_report_period_shift (BB_REPORT_PERIOD_MONTH, &from, &to, -9);
  g_assert_cmpuint (g_date_get_month (&from), ==, 2);
  g_assert_cmpuint (g_date_get_day (&to), ==, 28);

  bb_report_period_containing (BB_REPORT_PERIOD_QUARTER, &day, &from, &to);
  g_assert_cmpuint (g_date_get_month (&from), ==, 10);
  g_assert_cmpuint (g_date_get_month (&to), ==, 12);
  g_assert_cmpuint (g_date_get_day (&to), ==, 31);
  quarter = bb_report_describe_period (&from, &to);
  g_assert_cmpstr (quarter, ==, "Q4 2026");
  bb_report_period_shift (BB_REPORT_PERIOD_QUARTER, &from, &to, 1);
  g_assert_cmpuint (g_date_get_year (&from), ==, 2027);
  g_assert_cmpuint (g_date_get_month (&to), ==, 3);

  bb_report_period_containing (BB_REPORT_PERIOD_YEAR, &day, &from, &to);
  year = bb_report_describe_period (&from, &to);
  g_assert_cmpstr (year, ==, "2026");

  set_date (&from, "2026-11-10");
  set_date (&to, "2026-11-16");
  custom = bb_report_describe_period (&from, &to);
  g_assert_cmpstr (custom, ==, "10.11.2026 – 16.11.2026");
  bb_report_period_shift (BB_REPORT_PERIOD_CUSTOM, &from, &to, -1);
  g_assert_cmpuint (g_date_get_day (&from), ==, 3);
  g_assert_cmpuint (g_date_get_day (&to), ==, 9);
}

/* CSV read back: rows of fields, split on ";" outside quotes, "" inside quotes for a quote. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ';')
        g_ptr_array_add (row, g_string_free (g_string_new_len (field->str, field->len), FALSE)),
        g_string_truncate (field, 0);
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          /* Every line ends with CRLF, never a bare LF outside quotes. */
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }
    }

  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

/* The row index of the section titled title, whose header follows it. */
static guint
find_section (GPtrArray  *rows,
              const char *title)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      if (row->len == 1 && g_str_equal (g_ptr_array_index (row, 0), title)
          && (i == 0 || ((GPtrArray *) g_ptr_array_index (rows, i - 1))->len == 1))
        return i;
    }
  g_error ("No section “%s” in the CSV", title);
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      c)
{
  GPtrArray *row = g_ptr_array_index (rows, r);

  g_assert_cmpuint (c, <, row->len);

  return g_ptr_array_index (row, c);
}

/* The items of a section as label → count, until the empty line. */
static GHashTable *
section_items (GPtrArray  *rows,
               const char *title,
               const char *header)
{
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint r = find_section (rows, title);

  g_assert_cmpstr (cell (rows, r + 1, 0), ==, header);
  g_assert_cmpstr (cell (rows, r + 1, 1), ==, "Consultations");
  for (r += 2; r < rows->len && ((GPtrArray *) g_ptr_array_index (rows, r))->len == 2; r++)
    {
      guint64 count;

      g_assert_true (g_ascii_string_to_unsigned (cell (rows, r, 1), 10, 0, G_MAXUINT, &count, NULL));
      g_hash_table_insert (items, g_strdup (cell (rows, r, 0)), GUINT_TO_POINTER ((guint) count));
    }

  return items;
}

static void
assert_csv_matches (const char *text,
                    gsize       size,
                    BbReport   *report)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) formats = NULL;
  g_autoptr(GHashTable) topics = NULL;
  g_autoptr(GHashTable) shelters = NULL;
  g_autofree char *average = bb_report_format_decimal (report->average_attendance);
  g_autofree char *text0 = NULL;
  guint r;

  g_assert_cmpuint (size, >, 3);
  g_assert_cmpmem (text, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_utf8_validate (text, (gssize) size, NULL));
  text0 = g_strndup (text + 3, size - 3);
  rows = parse_csv (text0);

  g_assert_cmpstr (cell (rows, 0, 0), ==, "Activity Report");
  g_assert_cmpstr (cell (rows, 1, 0), ==, "Period");
  g_assert_cmpstr (cell (rows, 4, 0), ==, "Region");
  g_assert_cmpstr (cell (rows, 4, 1), ==,
                   report->region_name != NULL ? report->region_name : "All regions");

  formats = section_items (rows, "Consultations by Format", "Format");
  for (guint i = 0; i < report->by_format->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (report->by_format, i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (formats, item->label)), ==, item->count);
    }
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (formats, "Total")), ==,
                    report->n_consultations);

  topics = section_items (rows, "Consultations by Topic", "Topic");
  g_assert_cmpuint (g_hash_table_size (topics), ==, report->by_topic->len);
  for (guint i = 0; i < report->by_topic->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (report->by_topic, i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (topics, item->label)), ==, item->count);
    }

  shelters = section_items (rows, "Consultations by Shelter", "Shelter");
  g_assert_cmpuint (g_hash_table_size (shelters), ==, report->by_shelter->len + 1);
  for (guint i = 0; i < report->by_shelter->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (report->by_shelter, i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (shelters, item->label)), ==, item->count);
    }

  r = find_section (rows, "Shelters Reached");
  g_assert_cmpuint (g_ascii_strtoull (cell (rows, r + 2, 0), NULL, 10), ==, report->shelters_reached);
  g_assert_cmpuint (g_ascii_strtoull (cell (rows, r + 2, 1), NULL, 10), ==, report->shelters_in_region);

  r = find_section (rows, "Jours Fixes");
  g_assert_cmpstr (cell (rows, r + 1, 2), ==, "Average attendance");
  g_assert_cmpuint (g_ascii_strtoull (cell (rows, r + 2, 0), NULL, 10), ==, report->jours_fixes_held);
  g_assert_cmpuint (g_ascii_strtoull (cell (rows, r + 2, 1), NULL, 10), ==, report->jour_fixe_attendance);
  g_assert_cmpstr (cell (rows, r + 2, 2), ==, average);

  for (r = 0; r < rows->len; r++)
    if (g_str_has_prefix (cell (rows, r, 0), "Follow-ups as of "))
      break;
  g_assert_cmpuint (r, <, rows->len);
  g_assert_cmpstr (cell (rows, r + 1, 0), ==, "Open");
  g_assert_cmpuint (g_ascii_strtoull (cell (rows, r + 2, 0), NULL, 10), ==, report->followups_open);
  g_assert_cmpuint (g_ascii_strtoull (cell (rows, r + 2, 1), NULL, 10), ==, report->followups_overdue);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(BbReport) nord = compute (fixture, "2026-01-01", "2026-12-31", fixture->nord, "2026-09-01");
  g_autoptr(BbReport) all = compute (fixture, "2026-03-01", "2026-03-31", 0, "2026-11-25");
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *text;

  /* Average 9 / 6 = 1,5 with a decimal comma. */
  csv = bb_report_to_csv (nord);
  text = g_bytes_get_data (csv, &size);
  assert_csv_matches (text, size, nord);
  g_assert_nonnull (strstr (text, "\r\n6;9;1,5\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\"Haus \"\"Gingko\"\"\";1\r\n"));

  /* Fields with ";" or quotes are quoted; the file is what bb_report_to_csv gives. */
  bb_report_write_csv (all, path, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  assert_csv_matches (contents, size, all);
  g_assert_nonnull (strstr (contents, "\r\n\"Haus Föhre; Süd\";1\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n\"Haus \"\"Gingko\"\"\";1\r\n"));
  /* 4 of 5 shelters: 80 %. */
  g_assert_nonnull (strstr (contents, "\r\n4;5;80,0\r\n"));
}

static void
test_decimal (void)
{
  g_autofree char *a = bb_report_format_decimal (1.5);
  g_autofree char *b = bb_report_format_decimal (0.0);
  g_autofree char *c = bb_report_format_decimal (2.0 / 3.0);

  g_assert_cmpstr (a, ==, "1,5");
  g_assert_cmpstr (b, ==, "0,0");
  g_assert_cmpstr (c, ==, "0,7");
}

static int
pdf_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return atoi (line + strlen ("Pages:"));
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(BbReport) small = compute (fixture, "2026-03-01", "2026-03-31", fixture->nord, "2026-11-25");
  g_autoptr(BbReport) large = NULL;
  g_autofree char *small_path = g_build_filename (fixture->dir, "small.pdf", NULL);
  g_autofree char *large_path = g_build_filename (fixture->dir, "large.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *large_text = NULL;
  g_autofree char *last_footer = NULL;
  g_autoptr(GError) error = NULL;
  int pages;

  bb_report_write_pdf (small, small_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (small_path), ==, 1);
  text = pdf_text (small_path);
  g_assert_nonnull (strstr (text, "Activity Report"));
  g_assert_nonnull (strstr (text, "March 2026"));
  g_assert_nonnull (strstr (text, "Nord"));
  g_assert_nonnull (strstr (text, "Haus Ahorn"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  /* 150 more shelters in Nord, each consulted once in April: the table runs over pages. */
  bb_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("Unterkunft %03u", i);
      gint64 id = add_shelter (fixture, name, "Pankow", "2024-01-01", NULL, "open");

      add_consultation (fixture, "2026-04-07T10:00", "on-site", id, 0, "Ehrenamt");
    }
  bb_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  large = compute (fixture, "2026-04-01", "2026-04-30", fixture->nord, "2026-11-25");
  g_assert_cmpuint (large->by_shelter->len, ==, 151);
  bb_report_write_pdf (large, large_path, &error);
  g_assert_no_error (error);
  pages = pdf_pages (large_path);
  /* Page one holds the summary; a page holds at most about 45 table rows. */
  g_assert_cmpint (pages, >=, 4);
  g_assert_cmpint (pages, <=, 6);
  large_text = pdf_text (large_path);
  last_footer = g_strdup_printf ("Page %d of %d", pages, pages);
  g_assert_nonnull (strstr (large_text, last_footer));
  g_assert_nonnull (strstr (large_text, "Page 1 of"));
  g_assert_nonnull (strstr (large_text, "Unterkunft 000"));
  g_assert_nonnull (strstr (large_text, "Unterkunft 149"));
  /* The page count of pdftotext's form feeds agrees with pdfinfo. */
  {
    int feeds = 0;

    for (const char *p = large_text; *p != '\0'; p++)
      feeds += *p == '\f';
    g_assert_cmpint (feeds, ==, pages);
  }
}

/* The headless command writes the same CSV as the library and refuses bad input. */
static void
run_program (const char * const *args,
             int                *status,
             char              **err)
{
  const char *program = g_getenv ("BB_PROGRAM");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
}

static void
test_command (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BbReport) report = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *database = g_strdup_printf ("--database=%s", fixture->path);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "command.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "command.pdf", NULL);
  g_autofree char *csv_output = g_strdup_printf ("--output=%s", csv_path);
  g_autofree char *pdf_output = g_strdup_printf ("--output=%s", pdf_path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  int status;

  if (g_getenv ("BB_PROGRAM") == NULL)
    {
      g_test_skip ("BB_PROGRAM is not set");
      return;
    }

  /* The command's "today" is the real one; a period in the past is the same either way. */
  report = compute (fixture, "2026-03-01", "2026-03-31", fixture->nord, "2026-11-25");
  g_clear_object (&fixture->store);

  {
    const char *args[] = { database, "--report=csv", "--from=2026-03-01", "--to=2026-03-31",
                           "--region=nord", csv_output, NULL };
    g_autofree char *err = NULL;

    run_program (args, &status, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
  }
  g_file_get_contents (csv_path, &contents, &size, &error);
  g_assert_no_error (error);
  expected = bb_report_to_csv (report);
  g_assert_cmpmem (contents, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  {
    const char *args[] = { database, "--report=pdf", "--from=2026-03-01", "--to=2026-03-31",
                           pdf_output, NULL };
    g_autofree char *err = NULL;

    run_program (args, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpint (pdf_pages (pdf_path), ==, 1);
  }

  {
    struct { const char *args[7]; const char *message; } bad[] = {
      { { database, "--report=csv", "--from=2026-02-30", "--to=2026-03-31", csv_output, NULL },
        "--from" },
      { { database, "--report=csv", "--from=2026-03-01", "--to=1.4.2026", csv_output, NULL },
        "--to" },
      { { database, "--report=csv", "--from=2026-03-31", "--to=2026-03-01", csv_output, NULL },
        "before" },
      { { database, "--report=csv", "--from=2026-03-01", "--to=2026-03-31", "--region=Ost",
          csv_output, NULL }, "Ost" },
      { { database, "--report=xls", "--from=2026-03-01", "--to=2026-03-31", csv_output, NULL },
        "csv" },
      { { database, "--report=csv", "--from=2026-03-01", "--to=2026-03-31", NULL },
        "--output" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *err = NULL;

        run_program (bad[i].args, &status, &err);
        g_test_message ("%s", err);
        g_assert_cmpint (status, ==, 1);
        g_assert_nonnull (strstr (err, bad[i].message));
      }
  }
}

/* A year of 1× demo data is computed quickly (the benchmarks go further). */
static void
test_demo_speed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autoptr(BbStore) store = bb_store_open (path, &error);
  g_autoptr(BbReport) report = NULL;
  GDate today, from, to;
  gint64 started;
  double seconds;

  g_assert_no_error (error);
  set_date (&today, "2026-11-25");
  bb_demo_generate (store, 1.0, 7, &today, NULL, NULL, &error);
  g_assert_no_error (error);

  bb_report_period_containing (BB_REPORT_PERIOD_YEAR, &today, &from, &to);
  started = g_get_monotonic_time ();
  report = bb_report_compute (store, &from, &to, 0, &today, &error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_test_message ("A year of 1× demo data in %.3f s", seconds);

  g_assert_cmpuint (report->n_consultations, >, 1000);
  g_assert_cmpuint (report->jours_fixes_held, >, 10);
  g_assert_cmpuint (report->shelters_reached, <=, report->shelters_in_region);
  g_assert_cmpfloat (seconds, <, 1.0);

  g_clear_object (&store);
  bb_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/figures/nord", Fixture, NULL, fixture_set_up, test_figures_nord, fixture_tear_down);
  g_test_add ("/report/figures/west-and-all", Fixture, NULL, fixture_set_up, test_figures_west_and_all,
              fixture_tear_down);
  g_test_add ("/report/topics-sparse", Fixture, NULL, fixture_set_up, test_topics_sparse,
              fixture_tear_down);
  g_test_add ("/report/jours-fixes", Fixture, NULL, fixture_set_up, test_jours_fixes, fixture_tear_down);
  g_test_add ("/report/empty-and-errors", Fixture, NULL, fixture_set_up, test_empty_and_errors,
              fixture_tear_down);
  g_test_add_func ("/report/periods", test_periods);
  g_test_add_func ("/report/decimal", test_decimal);
  g_test_add ("/report/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/report/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/report/command", Fixture, NULL, fixture_set_up, test_command, fixture_tear_down);
  g_test_add_func ("/report/demo-speed", test_demo_speed);

  return g_test_run ();
}
