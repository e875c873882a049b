/* bb-bench.c: the core's measurements for bench/run.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Does what the views do when someone types or opens a record, through the same core calls
 * (src/shelters, src/network, src/consultations, src/app/bb-search-popover.c), without GTK:
 * the list's query, its number of items and the rows of the first screen with the labels each
 * row reads. Times are g_get_monotonic_time(); one untimed pass warms SQLite's cache first,
 * as the first keystroke in a running window finds it warm too. A row that has taken more than
 * 20 s stops after 3 runs (the table says how many runs each row had).
 *
 *   bb-bench queries DB SCALE RUNS      result lines (see emit()) for search, filters, details
 *                                       and the report of the demo's current year; with
 *                                       BB_BENCH_ONLY=TEXT only the rows whose label has TEXT
 *                                       (for perf record), with BB_BENCH_KEYS=1 the time
 *                                       of every keystroke on stderr
 *   bb-bench ics-range DB N             "FROM TO": a period in which ~N events occur
 *   bb-bench ics-export DB FROM TO OUT  exports those events to OUT
 *   bb-bench ics-import FILE DB         import plan and apply into DB (a new, empty database)
 *
 * The ics commands print one line "ms=<wall> cpu-ms=<CPU> rss-kb=<peak RSS> events=<n>", so
 * that every run is a process of its own with its own peak memory. The CPU time (of the
 * process) is printed beside the wall clock because the machine is shared: it shows what the
 * work costs when other programs compete for the cores.
 */

#define G_LOG_DOMAIN "bb-bench"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bb-core.h"
#include "bb-record-list.h"
#include "bb-report.h"
#include "bb-store-network.h"
#include "bb-store-shelters.h"

/* Rows of a list that fill a window of the default size. */
#define SCREENFUL 15
/* bb-search-popover.c's MAX_HITS */
#define SEARCH_HITS 50
/* A row that has taken this long stops after MIN_RUNS runs, so that bench/run stays within
 * ~15 minutes when a query takes seconds at 100×. */
#define ROW_BUDGET_US (20 * G_USEC_PER_SEC)
#define MIN_RUNS 3

typedef struct
{
  BbStore    *store;
  sqlite3    *db;
  const char *scale;
  guint       runs;
  const char *only;   /* BB_BENCH_ONLY: measure only the rows whose label contains this */
  gboolean    keys;   /* BB_BENCH_KEYS=1: every keystroke's time on stderr */
} Bench;

typedef void (*BenchFunc) (Bench      *bench,
                           const char *text,
                           gpointer    data);

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_maxrss;
}

/* One line for bench/table.py: "row", label, scale, unit, target ("<=20" or "-"), the wall
 * clock values, the CPU time of the same runs. Raw UTF-8: g_print() would convert to the
 * locale's charset. */
static void
emit (Bench       *bench,
      const char  *label,
      const char  *target,
      GArray      *values,
      GArray      *cpu)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "row\t%s\t%s\tms\t%s\t", label, bench->scale, target);
  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (line, "%s%.2f", i > 0 ? " " : "", g_array_index (values, double, i));
  g_string_append_c (line, '\t');
  for (guint i = 0; i < cpu->len; i++)
    g_string_append_printf (line, "%s%.2f", i > 0 ? " " : "", g_array_index (cpu, double, i));
  printf ("%s\n", line->str);
  fflush (stdout);
}

/* CPU time of the process in ms: unlike the wall clock, not inflated by other programs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
query_id (Bench      *bench,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (bench->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (bench->db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (id == 0)
    g_error ("No record for %s", sql);

  return id;
}

/* Types word letter by letter; the run's value is its slowest keystroke. */
static void
measure_typing (Bench      *bench,
                const char *label,
                const char *word,
                BenchFunc   func,
                BenchFunc   reset,
                gpointer    data)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) word_values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) word_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *full_label = g_strdup_printf ("%s, typing “%s” (slowest key)", label, word);
  g_autofree char *word_label = g_strdup_printf ("%s, typing “%s” (last key, whole word)",
                                                 label, word);
  gint64 row_start = g_get_monotonic_time ();

  if (bench->only != NULL && strstr (full_label, bench->only) == NULL)
    return;

  for (guint run = 0; run <= bench->runs; run++)
    {
      double slowest = 0;
      double slowest_cpu = 0;
      double last = 0;
      double last_cpu = 0;

      for (const char *end = g_utf8_next_char (word); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (word, end - word);
          gint64 start = g_get_monotonic_time ();
          double start_cpu = cpu_ms ();
          double ms;

          func (bench, prefix, data);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          if (bench->keys)
            fprintf (stderr, "%s “%s”: %.2f ms, CPU %.2f ms\n", label, prefix, ms,
                     cpu_ms () - start_cpu);
          last = ms;
          last_cpu = cpu_ms () - start_cpu;
          if (ms > slowest)
            {
              slowest = ms;
              slowest_cpu = last_cpu;
            }

          if (*end == '\0')
            break;
        }
      reset (bench, "", data);

      /* Run 0 warms the cache. */
      if (run > 0)
        {
          g_array_append_val (values, slowest);
          g_array_append_val (cpu, slowest_cpu);
          g_array_append_val (word_values, last);
          g_array_append_val (word_cpu, last_cpu);
        }
      if (run >= MIN_RUNS && g_get_monotonic_time () - row_start > ROW_BUDGET_US)
        break;
    }

  emit (bench, full_label, "<=20", values, cpu);
  emit (bench, word_label, "<=20", word_values, word_cpu);
}

static void
measure_once (Bench      *bench,
              const char *label,
              const char *target,
              BenchFunc   func,
              const char *text,
              gpointer    data)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 row_start = g_get_monotonic_time ();

  if (bench->only != NULL && strstr (label, bench->only) == NULL)
    return;

  for (guint run = 0; run <= bench->runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double start_cpu = cpu_ms ();
      double ms, cpu_used;

      func (bench, text, data);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_used = cpu_ms () - start_cpu;
      if (run > 0)
        {
          g_array_append_val (values, ms);
          g_array_append_val (cpu, cpu_used);
        }
      if (run >= MIN_RUNS && g_get_monotonic_time () - row_start > ROW_BUDGET_US)
        break;
    }

  emit (bench, label, target, values, cpu);
}

static void
free_label (BbStore *store,
            GType    type,
            gint64   id)
{
  g_free (bb_store_dup_label (store, type, id));
}

/* Global search (bb-search-popover.c) ----------------------------------------------------- */

static void
global_search (Bench      *bench,
               const char *text,
               gpointer    data)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return;

  hits = bb_store_search (bench->store, text, SEARCH_HITS, &error);
  if (hits == NULL)
    g_error ("search: %s", error->message);
  g_list_model_get_n_items (hits);
}

/* Shelter list (bb-shelter-view.c: apply_query, shelter_row) ----------------------------- */

typedef struct
{
  GListModel     *list;
  BbShelterQuery *query;
} ShelterList;

static void
filter_shelters (Bench      *bench,
                 const char *text,
                 gpointer    data)
{
  ShelterList *shelters = data;
  guint n;

  g_free (shelters->query->text);
  shelters->query->text = g_strdup (text);
  bb_shelter_query_apply (shelters->query, BB_RECORD_LIST (shelters->list));

  n = g_list_model_get_n_items (shelters->list);
  for (guint i = 0; i < n && i < SCREENFUL; i++)
    {
      g_autoptr(BbShelter) shelter = g_list_model_get_item (shelters->list, i);

      free_label (bench->store, BB_TYPE_DISTRICT, bb_shelter_get_district_id (shelter));
      free_label (bench->store, BB_TYPE_ORGANISATION, bb_shelter_get_operator_id (shelter));
      g_free (bb_store_dup_last_consultation (bench->store, bb_record_get_id (BB_RECORD (shelter))));
    }
}

/* People and organisations (bb-network-view.c: apply_filters, person_row) ----------------- */

typedef struct
{
  GListModel *people;
  GListModel *organisations;
} NetworkLists;

static void
filter_people (Bench      *bench,
               const char *text,
               gpointer    data)
{
  NetworkLists *lists = data;
  BbNetworkFilter filter = { .search = text };
  guint n;

  bb_store_filter_people (bench->store, lists->people, &filter);
  bb_store_filter_organisations (bench->store, lists->organisations, &filter);

  n = g_list_model_get_n_items (lists->people);
  g_list_model_get_n_items (lists->organisations);
  for (guint i = 0; i < n && i < SCREENFUL; i++)
    {
      g_autoptr(BbPerson) person = g_list_model_get_item (lists->people, i);

      g_free (bb_record_dup_label (BB_RECORD (person)));
      free_label (bench->store, BB_TYPE_ORGANISATION, bb_person_get_organisation_id (person));
    }
}

/* Consultations (bb-consultation-view.c: on_search_changed, fill_consultation_row) -------- */

typedef struct
{
  GListModel          *list;
  BbConsultationQuery *query;
} ConsultationList;

static void
filter_consultations (Bench      *bench,
                      const char *text,
                      gpointer    data)
{
  ConsultationList *consultations = data;
  guint n;

  g_free (consultations->query->text);
  consultations->query->text = g_strdup (text);
  bb_consultation_query_apply (consultations->query, BB_RECORD_LIST (consultations->list));

  n = g_list_model_get_n_items (consultations->list);
  for (guint i = 0; i < n && i < SCREENFUL; i++)
    {
      g_autoptr(BbConsultation) consultation = g_list_model_get_item (consultations->list, i);
      g_autoptr(BbConsultationSummary) summary = NULL;

      summary = bb_store_get_consultation_summary (bench->store,
                                                   bb_record_get_id (BB_RECORD (consultation)),
                                                   consultations->query->text);
    }
}

/* Detail panes (render_shelter, render_person, render_consultation) ---------------------- */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  BbConsultation *ca = *(BbConsultation **)a;
  BbConsultation *cb = *(BbConsultation **)b;

  return -g_strcmp0 (bb_consultation_get_started_at (ca), bb_consultation_get_started_at (cb));
}

static void
label_related (BbStore    *store,
               GType       type,
               const char *column,
               gint64      id,
               GType       label_type,
               gint64    (*get_id) (gpointer))
{
  g_autoptr(GListModel) records = bb_store_list_related (store, type, column, id);
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      free_label (store, label_type, get_id (record));
    }
}

static void
open_shelter (Bench      *bench,
              const char *text,
              gpointer    data)
{
  gint64 id = GPOINTER_TO_SIZE (data);
  BbStore *store = bench->store;
  g_autoptr(BbShelter) shelter = bb_store_get (store, BB_TYPE_SHELTER, id, NULL);
  g_autoptr(BbDistrict) district = NULL;
  g_autoptr(GListModel) consultations = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) invitations = NULL;
  guint n;

  district = bb_store_get (store, BB_TYPE_DISTRICT, bb_shelter_get_district_id (shelter), NULL);
  if (district != NULL)
    free_label (store, BB_TYPE_REGION, bb_district_get_region_id (district));
  free_label (store, BB_TYPE_ORGANISATION, bb_shelter_get_operator_id (shelter));

  consultations = bb_store_list_related (store, BB_TYPE_CONSULTATION, "shelter-id", id);
  n = g_list_model_get_n_items (consultations);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (consultations, i));
  g_ptr_array_sort (sorted, compare_newest_first);

  label_related (store, BB_TYPE_PERSON_SHELTER, "shelter-id", id, BB_TYPE_PERSON,
                 (gint64 (*) (gpointer)) bb_person_shelter_get_person_id);
  invitations = bb_store_list_shelter_invitations (store, id, NULL);
}

static void
label_relations (BbStore    *store,
                 const char *column,
                 gint64      id)
{
  g_autoptr(GListModel) relations = bb_store_list_related (store, BB_TYPE_RELATION, column, id);
  guint n = g_list_model_get_n_items (relations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRelation) relation = g_list_model_get_item (relations, i);

      if (bb_relation_get_from_person_id (relation) != 0)
        free_label (store, BB_TYPE_PERSON, bb_relation_get_from_person_id (relation));
      else
        free_label (store, BB_TYPE_ORGANISATION, bb_relation_get_from_organisation_id (relation));
      if (bb_relation_get_to_person_id (relation) != 0)
        free_label (store, BB_TYPE_PERSON, bb_relation_get_to_person_id (relation));
      else
        free_label (store, BB_TYPE_ORGANISATION, bb_relation_get_to_organisation_id (relation));
    }
}

static void
open_person (Bench      *bench,
             const char *text,
             gpointer    data)
{
  gint64 id = GPOINTER_TO_SIZE (data);
  BbStore *store = bench->store;
  g_autoptr(BbPerson) person = bb_store_get (store, BB_TYPE_PERSON, id, NULL);
  g_autoptr(BbNeighbourhood) hood = NULL;

  g_free (bb_record_dup_label (BB_RECORD (person)));
  free_label (store, BB_TYPE_ORGANISATION, bb_person_get_organisation_id (person));
  hood = bb_store_get_neighbourhood (store, BB_TYPE_PERSON, id, BB_NEIGHBOURHOOD_MAX_NODES, NULL);
  label_related (store, BB_TYPE_PERSON_SHELTER, "person-id", id, BB_TYPE_SHELTER,
                 (gint64 (*) (gpointer)) bb_person_shelter_get_shelter_id);
  label_relations (store, "from-person-id", id);
  label_relations (store, "to-person-id", id);
}

static void
open_consultation (Bench      *bench,
                   const char *text,
                   gpointer    data)
{
  gint64 id = GPOINTER_TO_SIZE (data);
  BbStore *store = bench->store;
  g_autoptr(BbConsultation) consultation = bb_store_get (store, BB_TYPE_CONSULTATION, id, NULL);
  g_autoptr(GArray) people = NULL;
  g_autoptr(GListModel) followups = NULL;
  g_auto(GStrv) topics = NULL;

  free_label (store, BB_TYPE_SHELTER, bb_consultation_get_shelter_id (consultation));
  free_label (store, BB_TYPE_REGION, bb_consultation_get_region_id (consultation));

  people = bb_store_get_consultation_people (store, id);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      g_autoptr(BbPerson) person = bb_store_get (store, BB_TYPE_PERSON,
                                                 g_array_index (people, gint64, i), NULL);

      if (person == NULL)
        continue;
      g_free (bb_record_dup_label (BB_RECORD (person)));
      free_label (store, BB_TYPE_ORGANISATION, bb_person_get_organisation_id (person));
    }

  followups = bb_store_list_related (store, BB_TYPE_FOLLOWUP, "consultation-id", id);
  for (guint i = 0; i < g_list_model_get_n_items (followups); i++)
    g_object_unref (g_list_model_get_item (followups, i));
  topics = bb_store_get_consultation_topics (store, id);
}

/* Report (bb-report-view.c) -------------------------------------------------------------- */

static void
compute_report (Bench      *bench,
                const char *text,
                gpointer    data)
{
  GDate *today = data;
  g_autoptr(BbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  bb_report_period_containing (BB_REPORT_PERIOD_YEAR, today, &from, &to);
  report = bb_report_compute (bench->store, &from, &to, 0, today, &error);
  if (report == NULL)
    g_error ("report: %s", error->message);
}

/* Record ids: the one with the most related rows and one from the middle ------------------ */

#define LARGEST(sql)  "SELECT id FROM (" sql ") ORDER BY n DESC, id LIMIT 1"
#define TYPICAL(sql)  "SELECT id FROM (" sql ") ORDER BY n, id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM (" sql "))"

#define SHELTER_SIZES "SELECT shelter_id AS id, count(*) AS n FROM consultation " \
                      "WHERE shelter_id IS NOT NULL GROUP BY shelter_id"
#define PERSON_SIZES "SELECT p AS id, count(*) AS n FROM (SELECT from_person_id AS p FROM relation " \
                     "UNION ALL SELECT to_person_id FROM relation UNION ALL " \
                     "SELECT person_id FROM person_shelter) WHERE p IS NOT NULL GROUP BY p"
#define CONSULTATION_SIZES "SELECT c.id AS id, length(c.notes) + 1000 * (SELECT count(*) " \
                           "FROM consultation_person WHERE consultation_id = c.id) AS n " \
                           "FROM consultation AS c"

static void
measure_details (Bench *bench)
{
  static const struct {
    const char *label;
    const char *typical;
    const char *largest;
    BenchFunc   func;
  } panes[] = {
    { "Open a shelter", TYPICAL (SHELTER_SIZES), LARGEST (SHELTER_SIZES), open_shelter },
    { "Open a person", TYPICAL (PERSON_SIZES), LARGEST (PERSON_SIZES), open_person },
    { "Open a consultation", TYPICAL (CONSULTATION_SIZES), LARGEST (CONSULTATION_SIZES),
      open_consultation },
  };

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      g_autofree char *typical = g_strdup_printf ("%s (typical)", panes[i].label);
      g_autofree char *largest = g_strdup_printf ("%s (largest)", panes[i].label);

      measure_once (bench, typical, "<=20", panes[i].func, NULL,
                    GSIZE_TO_POINTER (query_id (bench, panes[i].typical)));
      measure_once (bench, largest, "<=20", panes[i].func, NULL,
                    GSIZE_TO_POINTER (query_id (bench, panes[i].largest)));
    }
}

static void
reset_consultations (Bench      *bench,
                     const char *text,
                     gpointer    data)
{
  filter_consultations (bench, text, data);
}

static int
run_queries (Bench *bench)
{
  g_autoptr(GListModel) shelter_list = bb_store_list (bench->store, BB_TYPE_SHELTER);
  g_autoptr(GListModel) people = bb_store_list (bench->store, BB_TYPE_PERSON);
  g_autoptr(GListModel) organisations = bb_store_list (bench->store, BB_TYPE_ORGANISATION);
  g_autoptr(GListModel) consultation_list = bb_store_list (bench->store, BB_TYPE_CONSULTATION);
  g_autoptr(BbShelterQuery) all_shelters = bb_shelter_query_new ();
  g_autoptr(BbShelterQuery) no_contact = bb_shelter_query_new ();
  g_autoptr(BbConsultationQuery) consultation_query = bb_consultation_query_new ();
  ShelterList shelters = { shelter_list, all_shelters };
  ShelterList stale = { shelter_list, no_contact };
  NetworkLists network = { people, organisations };
  ConsultationList consultations = { consultation_list, consultation_query };
  GDate today;

  /* The view's "Lange kein Kontakt" list with the default settings. */
  no_contact->no_contact_weeks = 12;
  no_contact->sort = BB_SHELTER_SORT_LAST_CONSULTATION;

  measure_typing (bench, "Global search", "Ehrenamtliche", global_search, global_search, NULL);
  measure_typing (bench, "Global search", "Müller", global_search, global_search, NULL);
  measure_typing (bench, "Shelter list", "straße", filter_shelters, filter_shelters, &shelters);
  measure_typing (bench, "Shelter list “No recent contact”", "straße", filter_shelters,
                  filter_shelters, &stale);
  measure_typing (bench, "People list", "Müller", filter_people, filter_people, &network);
  measure_typing (bench, "Consultation list", "Ehrenamtliche", filter_consultations,
                  reset_consultations, &consultations);
  measure_typing (bench, "Consultation list", "Sprachmittlung", filter_consultations,
                  reset_consultations, &consultations);

  measure_details (bench);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  measure_once (bench, "Report for a year (all regions)", "-", compute_report, NULL, &today);

  return 0;
}

/* iCalendar ------------------------------------------------------------------------------ */

static int
run_ics_range (Bench      *bench,
               guint       wanted)
{
  g_autofree char *first = NULL;
  sqlite3_stmt *stmt = NULL;
  GDate from, lo_date;
  guint lo = 1, hi = 2000;

  sqlite3_prepare_v2 (bench->db, "SELECT min(substr(starts_at, 1, 10)) FROM event", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (first == NULL || !bb_report_parse_date (first, &from))
    g_error ("No events");

  /* The number of days after the first event that holds `wanted` events. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      char to[16];
      g_autoptr(GPtrArray) events = NULL;

      lo_date = from;
      g_date_add_days (&lo_date, mid);
      g_date_strftime (to, sizeof to, "%Y-%m-%d", &lo_date);
      events = bb_store_list_events_in_range (bench->store, first, to, 0, NULL);
      if (events == NULL || events->len < wanted)
        lo = mid + 1;
      else
        hi = mid;
    }

  {
    char to[16];

    lo_date = from;
    g_date_add_days (&lo_date, lo);
    g_date_strftime (to, sizeof to, "%Y-%m-%d", &lo_date);
    printf ("%s %s\n", first, to);
  }

  return 0;
}

static int
run_ics_export (Bench      *bench,
                const char *from,
                const char *to,
                const char *out)
{
  BbIcalExportOptions options = { .method = BB_ICAL_METHOD_PUBLISH, .from = from, .to = to };
  BbIcalExportReport report = { 0 };
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double start_cpu = cpu_ms ();

  if (!bb_ical_export_to_file (bench->store, &options, file, &report, &error))
    g_error ("export: %s", error->message);

  printf ("ms=%.2f cpu-ms=%.2f rss-kb=%ld events=%u\n",
          (g_get_monotonic_time () - start) / 1000.0, cpu_ms () - start_cpu, peak_rss_kb (),
          report.n_events);

  return 0;
}

static int
run_ics_import (const char *path,
                const char *db_path)
{
  g_autoptr(BbStore) store = NULL;
  g_autoptr(BbIcalPlan) plan = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BbIcalImportOptions options = { 0 };
  gint64 start;
  double start_cpu;

  store = bb_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  start_cpu = cpu_ms ();
  plan = bb_ical_plan_new_for_file (store, file, &options, NULL, &error);
  if (plan == NULL || !bb_ical_plan_apply (plan, &error))
    g_error ("import: %s", error->message);

  printf ("ms=%.2f cpu-ms=%.2f rss-kb=%ld events=%u\n",
          (g_get_monotonic_time () - start) / 1000.0, cpu_ms () - start_cpu, peak_rss_kb (),
          bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD));

  return 0;
}

static void
bench_open (Bench      *bench,
            const char *path)
{
  g_autoptr(GError) error = NULL;

  bench->store = bb_store_open (path, &error);
  if (bench->store == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (path, &bench->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Cannot open %s read-only", path);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  int status = 2;

  if (argc == 5 && g_str_equal (argv[1], "queries"))
    {
      bench_open (&bench, argv[2]);
      bench.scale = argv[3];
      bench.runs = MAX (1, atoi (argv[4]));
      bench.only = g_getenv ("BB_BENCH_ONLY");
      bench.keys = g_strcmp0 (g_getenv ("BB_BENCH_KEYS"), "1") == 0;
      status = run_queries (&bench);
    }
  else if (argc == 4 && g_str_equal (argv[1], "ics-range"))
    {
      bench_open (&bench, argv[2]);
      status = run_ics_range (&bench, atoi (argv[3]));
    }
  else if (argc == 6 && g_str_equal (argv[1], "ics-export"))
    {
      bench_open (&bench, argv[2]);
      status = run_ics_export (&bench, argv[3], argv[4], argv[5]);
    }
  else if (argc == 4 && g_str_equal (argv[1], "ics-import"))
    return run_ics_import (argv[2], argv[3]);
  else
    g_printerr ("Usage: %s queries DB SCALE RUNS | ics-range DB N | ics-export DB FROM TO OUT | "
                "ics-import FILE DB\n", argv[0]);

  g_clear_object (&bench.store);
  g_clear_pointer (&bench.db, sqlite3_close);

  return status;
}
