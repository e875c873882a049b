/* bb-report.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-report"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bb-codes.h"
#include "bb-region.h"
#include "bb-report.h"
#include "bb-store-calendar.h"
#include "bb-store-private.h"

G_DEFINE_BOXED_TYPE (BbReport, bb_report, bb_report_ref, bb_report_unref)
G_DEFINE_QUARK (bb-report-error-quark, bb_report_error)

static void
report_item_free (gpointer data)
{
  BbReportItem *item = data;

  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static BbReportItem *
report_item_new (const char *key,
                 const char *label,
                 gint64      id,
                 guint       count)
{
  BbReportItem *item = g_new0 (BbReportItem, 1);

  item->key = g_strdup (key);
  item->label = g_strdup (label);
  item->id = id;
  item->count = count;

  return item;
}

/* Most first; equal counts by name as people sort them (collation keys: made once, not for
 * every comparison of thousands of shelters); the item without a shelter last. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *keys = user_data;
  const BbReportItem *item_a = *(BbReportItem * const *) a;
  const BbReportItem *item_b = *(BbReportItem * const *) b;
  gboolean none_a = item_a->key[0] == '\0';
  gboolean none_b = item_b->key[0] == '\0';

  if (none_a != none_b)
    return none_a ? 1 : -1;
  if (item_a->count != item_b->count)
    return item_a->count > item_b->count ? -1 : 1;

  return strcmp (g_hash_table_lookup (keys, item_a), g_hash_table_lookup (keys, item_b));
}

static void
sort_items (GPtrArray *items)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (keys, item, g_utf8_collate_key (item->label, -1));
    }

  g_ptr_array_sort_with_data (items, compare_items, keys);
}

static void
report_clear (gpointer data)
{
  BbReport *report = data;

  g_free (report->from);
  g_free (report->to);
  g_free (report->as_of);
  g_free (report->region_name);
  g_clear_pointer (&report->by_format, g_ptr_array_unref);
  g_clear_pointer (&report->by_topic, g_ptr_array_unref);
  g_clear_pointer (&report->by_shelter, g_ptr_array_unref);
}

BbReport *
bb_report_ref (BbReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_atomic_rc_box_acquire (report);
}

void
bb_report_unref (BbReport *report)
{
  g_return_if_fail (report != NULL);

  g_atomic_rc_box_release_full (report, report_clear);
}

gboolean
bb_report_is_empty (BbReport *report)
{
  g_return_val_if_fail (report != NULL, TRUE);

  return report->n_consultations == 0 && report->jours_fixes_held == 0;
}

/* Dates */

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
bb_report_parse_date (const char *text,
                      GDate      *date)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  parts = g_strsplit (text, "-", 3);
  if (g_strv_length (parts) != 3
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
      || !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

void
bb_report_period_containing (BbReportPeriod  kind,
                             const GDate    *day,
                             GDate          *from,
                             GDate          *to)
{
  GDateMonth first_month;
  GDateMonth last_month;
  GDateYear year;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (from != NULL && to != NULL);

  year = g_date_get_year (day);
  g_date_clear (from, 1);
  g_date_clear (to, 1);

  switch (kind)
    {
    case BB_REPORT_PERIOD_MONTH:
      first_month = last_month = g_date_get_month (day);
      break;

    case BB_REPORT_PERIOD_QUARTER:
      first_month = (g_date_get_month (day) - 1) / 3 * 3 + 1;
      last_month = first_month + 2;
      break;

    case BB_REPORT_PERIOD_YEAR:
      first_month = G_DATE_JANUARY;
      last_month = G_DATE_DECEMBER;
      break;

    case BB_REPORT_PERIOD_CUSTOM:
    default:
      *from = *day;
      *to = *day;
      return;
    }

  g_date_set_dmy (from, 1, first_month, year);
  g_date_set_dmy (to, g_date_get_days_in_month (last_month, year), last_month, year);
}

void
bb_report_period_shift (BbReportPeriod  kind,
                        GDate          *from,
                        GDate          *to,
                        int             n)
{
  GDate day;
  int months;

  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));

  if (kind == BB_REPORT_PERIOD_CUSTOM)
    {
      int length = g_date_days_between (from, to) + 1;

      if (n >= 0)
        {
          g_date_add_days (from, (guint) (n * length));
          g_date_add_days (to, (guint) (n * length));
        }
      else
        {
          g_date_subtract_days (from, (guint) (-n * length));
          g_date_subtract_days (to, (guint) (-n * length));
        }
      return;
    }

  months = kind == BB_REPORT_PERIOD_MONTH ? n : kind == BB_REPORT_PERIOD_QUARTER ? 3 * n : 12 * n;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, g_date_get_month (from), g_date_get_year (from));
  if (months >= 0)
    g_date_add_months (&day, (guint) months);
  else
    g_date_subtract_months (&day, (guint) -months);

  bb_report_period_containing (kind, &day, from, to);
}

static char *
format_german_date (const GDate *date)
{
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

char *
bb_report_describe_period (const GDate *from,
                           const GDate *to)
{
  GDateYear year;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  year = g_date_get_year (from);

  if (g_date_get_day (from) == 1 && g_date_is_last_of_month (to) && g_date_get_year (to) == year)
    {
      GDateMonth first = g_date_get_month (from);
      GDateMonth last = g_date_get_month (to);

      if (first == last)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (year, first, 1, 0, 0, 0);

          /* Translators: a month of a year, as in "November 2026"; see g_date_time_format(). */
          return g_date_time_format (dt, C_("report period", "%B %Y"));
        }
      if (first == G_DATE_JANUARY && last == G_DATE_DECEMBER)
        return g_strdup_printf ("%u", year);
      if ((first - 1) % 3 == 0 && last == first + 2)
        /* Translators: a quarter of a year, as in "Q4 2026" (German: "4. Quartal 2026"). */
        return g_strdup_printf (_("Q%u %u"), (first - 1) / 3 + 1, year);
    }

  {
    g_autofree char *start = format_german_date (from);
    g_autofree char *end = format_german_date (to);

    if (g_date_compare (from, to) == 0)
      return g_steal_pointer (&start);

    return g_strdup_printf ("%s – %s", start, end);
  }
}

gint64
bb_report_find_region (BbStore     *store,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GListModel) regions = NULL;
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (BB_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  wanted = g_utf8_casefold (name, -1);
  regions = bb_store_list (store, BB_TYPE_REGION);
  n = g_list_model_get_n_items (regions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRegion) region = g_list_model_get_item (regions, i);
      g_autofree char *folded = g_utf8_casefold (bb_region_get_name (region), -1);

      if (g_utf8_collate (folded, wanted) == 0)
        return bb_record_get_id (BB_RECORD (region));
    }

  g_set_error (error, BB_REPORT_ERROR, BB_REPORT_ERROR_UNKNOWN_REGION,
               _("No region is called “%s”"), name);

  return 0;
}

/* The figures */

/* Whether consultation c belongs to region ?3 (0: every region): by its own region, else by its
 * shelter's district. Only consultations without a region of their own look at the shelter. */
#define REGION_MATCHES \
  "(?3 = 0 OR coalesce (c.region_id," \
  "                     (SELECT rd.region_id FROM shelter rs JOIN district rd ON rd.id = rs.district_id" \
  "                      WHERE rs.id = c.shelter_id)) = ?3)"

/* The consultations of the period: ?1 the first day, ?2 the day after the last. The covering
 * index (0004-report.sql) spares reading the rows with their notes. */
#define IN_PERIOD \
  "c.started_at >= ?1 AND c.started_at < ?2 AND " REGION_MATCHES

static gboolean
bind_period (sqlite3_stmt *stmt,
             const char   *from,
             const char   *after,
             gint64        region_id)
{
  return sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT) == SQLITE_OK
         && sqlite3_bind_text (stmt, 2, after, -1, SQLITE_TRANSIENT) == SQLITE_OK
         && sqlite3_bind_int64 (stmt, 3, region_id) == SQLITE_OK;
}

static gboolean
step_done (BbStore  *store,
           int       rc,
           GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _bb_store_set_error (store, error, rc, "Computing the report");

  return FALSE;
}

/* The ids of the consultations counted, for the topics: a bit per id between min and max. */
typedef struct
{
  gint64      min;
  gint64      max;
  guint8     *bits;
  GHashTable *sparse;   /* instead of bits for ids far apart (set by hand, never by SQLite) */
  GArray     *list;     /* the ids, gint64 */
} IdSet;

/* 8 MiB of bits at most. */
#define ID_SET_MAX_RANGE (G_GINT64_CONSTANT (1) << 26)

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  g_clear_pointer (&set->sparse, g_hash_table_unref);
  g_clear_pointer (&set->list, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IdSet, id_set_clear)

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  gint64 bit = id - set->min;

  if (set->sparse != NULL)
    return g_hash_table_contains (set->sparse, &id);

  return set->bits != NULL && id >= set->min && id <= set->max
         && (set->bits[bit / 8] & (1u << (bit % 8))) != 0;
}

static BbReportItem *
shelter_item (GPtrArray  *items,
              GHashTable *by_id,
              GHashTable *by_name,
              gint64      id,
              const char *former_name)
{
  BbReportItem *item;

  if (id != 0)
    {
      item = g_hash_table_lookup (by_id, &id);
      if (item == NULL)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          /* The label is the shelter's name, filled in once all are counted. */
          item = report_item_new (key, NULL, id, 0);
          g_ptr_array_add (items, item);
          g_hash_table_insert (by_id, &item->id, item);
        }
      return item;
    }

  /* Consultations of a deleted shelter stay together under its former name. */
  item = g_hash_table_lookup (by_name, former_name != NULL ? former_name : "");
  if (item == NULL)
    {
      g_autofree char *key = former_name != NULL ? g_strconcat ("former:", former_name, NULL)
                                                 : g_strdup ("");

      item = report_item_new (key, former_name != NULL ? former_name : _("No shelter"), 0, 0);
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_name, g_strdup (former_name != NULL ? former_name : ""), item);
    }

  return item;
}

/* Formats and shelters in one pass over the period's consultations, read from the covering
 * index; their ids go to ids for the topics. Counting in C spares SQLite a sort of every
 * consultation of a year. */
static gboolean
count_consultations (BbStore    *store,
                     BbReport   *report,
                     const char *after,
                     IdSet      *ids,
                     GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *counted = ids->list = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char * const *formats = bb_codes_list (BB_CODES_CONSULTATION_FORMAT);
  guint n_formats = bb_codes_count (BB_CODES_CONSULTATION_FORMAT);
  int rc;

  for (guint i = 0; formats[i] != NULL; i++)
    g_ptr_array_add (report->by_format,
                     report_item_new (formats[i],
                                      bb_codes_label (BB_CODES_CONSULTATION_FORMAT, formats[i]),
                                      0, 0));

  {
    g_autoptr(sqlite3_stmt) stmt =
      _bb_store_prepare (store,
                         "SELECT c.id, c.format, c.shelter_id, c.former_shelter_name"
                         " FROM consultation c INDEXED BY consultation_report"
                         " WHERE " IN_PERIOD,
                         error);

    if (stmt == NULL)
      return FALSE;
    bind_period (stmt, report->from, after, report->region_id);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        int format = bb_codes_index (BB_CODES_CONSULTATION_FORMAT,
                                     (const char *) sqlite3_column_text (stmt, 1));
        gint64 shelter_id = sqlite3_column_int64 (stmt, 2);
        const char *former = (const char *) sqlite3_column_text (stmt, 3);

        g_array_append_val (counted, id);
        report->n_consultations++;
        if (format >= 0 && (guint) format < n_formats)
          ((BbReportItem *) g_ptr_array_index (report->by_format, format))->count++;
        shelter_item (report->by_shelter, by_id, by_name, shelter_id,
                      shelter_id != 0 ? NULL : former)->count++;
      }
    if (!step_done (store, rc, error))
      return FALSE;
  }

  /* The names of the shelters consulted. */
  if (g_hash_table_size (by_id) > 0)
    {
      g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, "SELECT id, name FROM shelter", error);

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          BbReportItem *item = g_hash_table_lookup (by_id, &id);

          if (item != NULL)
            item->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      if (!step_done (store, rc, error))
        return FALSE;
    }
  for (guint i = 0; i < report->by_shelter->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (report->by_shelter, i);

      /* Cannot happen with the foreign key, but a label is never missing. */
      if (item->label == NULL)
        item->label = g_strdup (item->key);
    }
  sort_items (report->by_shelter);

  if (counted->len > 0)
    {
      ids->min = ids->max = g_array_index (counted, gint64, 0);
      for (guint i = 1; i < counted->len; i++)
        {
          ids->min = MIN (ids->min, g_array_index (counted, gint64, i));
          ids->max = MAX (ids->max, g_array_index (counted, gint64, i));
        }
      if (ids->max - ids->min < ID_SET_MAX_RANGE)
        {
          ids->bits = g_malloc0 ((gsize) ((ids->max - ids->min) / 8 + 1));
          for (guint i = 0; i < counted->len; i++)
            {
              gint64 bit = g_array_index (counted, gint64, i) - ids->min;

              ids->bits[bit / 8] |= 1u << (bit % 8);
            }
        }
      else
        {
          ids->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          for (guint i = 0; i < counted->len; i++)
            g_hash_table_add (ids->sparse, g_memdup2 (&g_array_index (counted, gint64, i),
                                                      sizeof (gint64)));
        }
    }

  return TRUE;
}

typedef struct
{
  gint64 id;
  guint  count;
} TopicCount;

static void
add_topic (GHashTable *counts,
           gint64      topic_id)
{
  TopicCount *count = g_hash_table_lookup (counts, &topic_id);

  if (count == NULL)
    {
      count = g_new0 (TopicCount, 1);
      count->id = topic_id;
      g_hash_table_insert (counts, &count->id, count);
    }
  count->count++;
}

/* Few consultations spread over many ids (a month of data entered out of order): the links
 * of each. Otherwise one pass over the links of the ids' range, as probing every
 * consultation's would read the same pages again and again. */
static gboolean
count_by_topic (BbStore     *store,
                BbReport    *report,
                const IdSet *ids,
                GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  int rc;

  if (ids->bits == NULL && ids->sparse == NULL)
    return TRUE;

  if ((guint64) ids->list->len * 16 < (guint64) (ids->max - ids->min))
    {
      g_autoptr(sqlite3_stmt) stmt =
        _bb_store_prepare (store,
                           "SELECT topic_id FROM consultation_topic WHERE consultation_id = ?1",
                           error);

      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < ids->list->len; i++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids->list, gint64, i));
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            add_topic (counts, sqlite3_column_int64 (stmt, 0));
          if (!step_done (store, rc, error))
            return FALSE;
        }
    }
  else
    {
      g_autoptr(sqlite3_stmt) stmt =
        _bb_store_prepare (store,
                           "SELECT consultation_id, topic_id FROM consultation_topic"
                           " WHERE consultation_id BETWEEN ?1 AND ?2",
                           error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ids->min);
      sqlite3_bind_int64 (stmt, 2, ids->max);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (id_set_contains (ids, sqlite3_column_int64 (stmt, 0)))
            add_topic (counts, sqlite3_column_int64 (stmt, 1));
        }
      if (!step_done (store, rc, error))
        return FALSE;
    }

  {
    g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, "SELECT id, name FROM topic", error);

    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        TopicCount *count = g_hash_table_lookup (counts, &id);
        const char *name = (const char *) sqlite3_column_text (stmt, 1);

        if (count != NULL)
          g_ptr_array_add (report->by_topic, report_item_new (name, name, id, count->count));
      }
    if (!step_done (store, rc, error))
      return FALSE;
  }
  sort_items (report->by_topic);

  return TRUE;
}

/* The shelters of the region open during the period; reached are those among by_shelter. */
static gboolean
count_shelters (BbStore    *store,
                BbReport   *report,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) open = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  /* ?1 the first, ?2 the last day of the period, ?3 the region or 0. */
  stmt = _bb_store_prepare (store,
                            "SELECT s.id FROM shelter s JOIN district d ON d.id = s.district_id"
                            " WHERE (?3 = 0 OR d.region_id = ?3)"
                            "   AND CASE"
                            "         WHEN s.opened_on IS NULL AND s.closed_on IS NULL"
                            "           THEN s.status = 'open'"
                            "         WHEN s.opened_on IS NULL"
                            "           THEN s.status <> 'planned' AND s.closed_on >= ?1"
                            "         ELSE s.opened_on <= ?2"
                            "              AND (s.closed_on IS NULL OR s.closed_on >= ?1)"
                            "       END",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report->from, report->to, report->region_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!step_done (store, rc, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (open, &g_array_index (ids, gint64, i));
  report->shelters_in_region = ids->len;

  for (guint i = 0; i < report->by_shelter->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (report->by_shelter, i);

      if (item->id != 0 && g_hash_table_contains (open, &item->id))
        report->shelters_reached++;
    }

  return TRUE;
}

static gboolean
count_followups (BbStore    *store,
                 BbReport   *report,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate day;
  g_autofree char *after = NULL;
  int rc;

  bb_report_parse_date (report->as_of, &day);
  g_date_add_days (&day, 1);
  after = date_to_iso (&day);

  /* ?1 the as-of day, ?2 the day after it, ?3 the region or 0. The consultation is looked up
   * in the covering index by id, not in its row. */
  stmt = _bb_store_prepare (store,
                            "SELECT count(*),"
                            "       count(*) FILTER (WHERE f.due_on < ?1)"
                            " FROM followup f"
                            " JOIN consultation c INDEXED BY consultation_report_by_id"
                            "   ON c.id = f.consultation_id"
                            " WHERE (f.done_on IS NULL OR f.done_on > ?1)"
                            "   AND c.started_at < ?2"
                            "   AND " REGION_MATCHES,
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report->as_of, after, report->region_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return step_done (store, rc, error);

  report->followups_open = (guint) sqlite3_column_int64 (stmt, 0);
  report->followups_overdue = (guint) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* SQLite's page cache of 2 MB is far smaller than the indexes a year of a large database
 * touches; re-reading pages from the file would take most of the time. Returns the previous
 * value, to give back. */
static gint64
set_cache_size (BbStore *store,
                gint64   value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, value);
  gint64 previous = value;

  {
    g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, "PRAGMA cache_size", &error);

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      previous = sqlite3_column_int64 (stmt, 0);
  }

  {
    g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, sql, &error);

    if (stmt != NULL)
      sqlite3_step (stmt);
  }

  if (error != NULL)
    g_debug ("Cannot change the page cache: %s", error->message);

  return previous;
}

/* One read transaction around all the figures: they see one state of the database, and the
 * thousands of small lookups do not each take and drop SQLite's file lock. Deferred, so no
 * write lock is taken; not if a transaction is open already (its reads are ours). Returns
 * TRUE if it began one. */
static gboolean
begin_read (BbStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, "BEGIN DEFERRED", NULL);

  if (stmt == NULL || !sqlite3_get_autocommit (sqlite3_db_handle (stmt)))
    return FALSE;

  return sqlite3_step (stmt) == SQLITE_DONE;
}

static void
end_read (BbStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (store, "COMMIT", NULL);

  /* Nothing was written: a failing COMMIT of a read would leave nothing to undo. */
  if (stmt != NULL && sqlite3_step (stmt) != SQLITE_DONE)
    g_debug ("Ending the report's read transaction failed");
}

/* Jours fixes */

static gboolean
count_jours_fixes (BbStore    *store,
                   BbReport   *report,
                   GError    **error)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *until = NULL;
  GDate day;
  const char *held_until = report->as_of;

  /* Nothing of a period in the future has been held yet. */
  if (strcmp (held_until, report->from) < 0)
    return TRUE;

  bb_report_parse_date (held_until, &day);
  g_date_add_days (&day, 1);
  until = date_to_iso (&day);

  /* The calendar's expansion: RRULE, EXDATEs, overrides (moved ones at their new time), and
   * without cancelled occurrences or series. */
  occurrences = bb_store_list_occurrences (store, report->from, until, report->region_id,
                                           "jour-fixe", BB_RECURRENCE_EXPAND_DEFAULT, error);
  if (occurrences == NULL)
    return FALSE;

  stmt = _bb_store_prepare (store,
                            "SELECT count(*) FROM attendance"
                            " WHERE event_id = ?1 AND occurrence = ?2 AND status = 'attended'",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      BbOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      int rc;

      /* Overlapping the period is not enough: a meeting counts on the day it starts. */
      if (strncmp (bb_occurrence_get_starts_at (occurrence), report->from, 10) < 0)
        continue;

      report->jours_fixes_held++;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, bb_occurrence_get_event_id (occurrence));
      sqlite3_bind_text (stmt, 2, bb_occurrence_get_recurrence_id (occurrence), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return step_done (store, rc, error);
      report->jour_fixe_attendance += (guint) sqlite3_column_int64 (stmt, 0);
    }

  if (report->jours_fixes_held > 0)
    report->average_attendance = (double) report->jour_fixe_attendance / report->jours_fixes_held;

  return TRUE;
}

BbReport *
bb_report_compute (BbStore      *store,
                   const GDate  *from,
                   const GDate  *to,
                   gint64        region_id,
                   const GDate  *today,
                   GError      **error)
{
  BbReport *report;
  g_autoptr(BbReport) owned = NULL;
  g_autofree char *after = NULL;
  g_auto(IdSet) ids = { 0, };
  gint64 cache_size;
  gboolean reading;
  gboolean ok;
  GDate day;
  GDate as_of;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (region_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_date_valid (from) || !g_date_valid (to) || g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, BB_REPORT_ERROR, BB_REPORT_ERROR_INVALID_PERIOD,
                           _("The period ends before it starts"));
      return NULL;
    }

  report = owned = g_atomic_rc_box_new0 (BbReport);
  report->from = date_to_iso (from);
  report->to = date_to_iso (to);
  report->region_id = region_id;
  report->by_format = g_ptr_array_new_with_free_func (report_item_free);
  report->by_topic = g_ptr_array_new_with_free_func (report_item_free);
  report->by_shelter = g_ptr_array_new_with_free_func (report_item_free);

  if (region_id != 0)
    {
      report->region_name = bb_store_dup_label (store, BB_TYPE_REGION, region_id);
      if (report->region_name == NULL)
        {
          /* xgettext cannot read G_GINT64_FORMAT inside a message: the id as a string. */
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, region_id);

          g_set_error (error, BB_REPORT_ERROR, BB_REPORT_ERROR_UNKNOWN_REGION,
                       _("There is no region with the id %s"), id);
          return NULL;
        }
    }

  if (today != NULL && g_date_valid (today))
    as_of = *today;
  else
    {
      g_date_clear (&as_of, 1);
      g_date_set_time_t (&as_of, time (NULL));
    }
  if (g_date_compare (to, &as_of) < 0)
    as_of = *to;
  report->as_of = date_to_iso (&as_of);

  day = *to;
  g_date_add_days (&day, 1);
  after = date_to_iso (&day);

  /* 32 MiB while counting (negative: KiB). */
  cache_size = set_cache_size (store, -32768);
  reading = begin_read (store);
  ok = count_consultations (store, report, after, &ids, error)
       && count_by_topic (store, report, &ids, error)
       && count_shelters (store, report, error)
       && count_jours_fixes (store, report, error)
       && count_followups (store, report, error);
  if (reading)
    end_read (store);
  set_cache_size (store, cache_size);
  if (!ok)
    return NULL;

  return g_steal_pointer (&owned);
}

/* CSV */

char *
bb_report_format_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);
  text = g_strdup (buffer);
  g_strdelimit (text, ".", ',');

  return text;
}

static void
csv_field (GString    *csv,
           const char *text,
           gboolean    first)
{
  if (!first)
    g_string_append_c (csv, ';');

  if (text == NULL)
    return;

  /* Spreadsheets run a cell that starts like a formula; a leading apostrophe keeps it text. */
  if (text[0] != '\0' && strchr ("=+-@", text[0]) != NULL)
    g_string_append_c (csv, '\'');

  if (strpbrk (text, ";\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
csv_row (GString *csv,
         ...)
{
  va_list args;
  const char *text;
  gboolean first = TRUE;

  va_start (args, csv);
  while ((text = va_arg (args, const char *)) != NULL)
    {
      csv_field (csv, text, first);
      first = FALSE;
    }
  va_end (args);

  g_string_append (csv, "\r\n");
}

static void
csv_items (GString    *csv,
           const char *title,
           const char *header,
           GPtrArray  *items,
           gboolean    total)
{
  guint sum = 0;

  g_string_append (csv, "\r\n");
  csv_row (csv, title, NULL);
  csv_row (csv, header, _("Consultations"), NULL);
  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *count = g_strdup_printf ("%u", item->count);

      csv_row (csv, item->label, count, NULL);
      sum += item->count;
    }
  if (total)
    {
      g_autofree char *count = g_strdup_printf ("%u", sum);

      csv_row (csv, _("Total"), count, NULL);
    }
}

GBytes *
bb_report_to_csv (BbReport *report)
{
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
  GDate from, to, as_of;
  g_autofree char *period = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  bb_report_parse_date (report->from, &from);
  bb_report_parse_date (report->to, &to);
  bb_report_parse_date (report->as_of, &as_of);
  period = bb_report_describe_period (&from, &to);
  from_text = format_german_date (&from);
  to_text = format_german_date (&to);
  as_of_text = format_german_date (&as_of);

  csv_row (csv, _("Activity Report"), NULL);
  csv_row (csv, _("Period"), period, NULL);
  csv_row (csv, _("From"), from_text, NULL);
  csv_row (csv, _("To"), to_text, NULL);
  csv_row (csv, _("Region"), report->region_name != NULL ? report->region_name : _("All regions"),
           NULL);

  csv_items (csv, _("Consultations by Format"), _("Format"), report->by_format, TRUE);
  /* Not summed: a consultation can have several topics, or none. */
  csv_items (csv, _("Consultations by Topic"), _("Topic"), report->by_topic, FALSE);
  csv_items (csv, _("Consultations by Shelter"), _("Shelter"), report->by_shelter, TRUE);

  {
    g_autofree char *reached = g_strdup_printf ("%u", report->shelters_reached);
    g_autofree char *in_region = g_strdup_printf ("%u", report->shelters_in_region);
    g_autofree char *share =
      bb_report_format_decimal (report->shelters_in_region > 0
                                ? 100.0 * report->shelters_reached / report->shelters_in_region
                                : 0.0);

    g_string_append (csv, "\r\n");
    csv_row (csv, _("Shelters Reached"), NULL);
    csv_row (csv, _("Reached"), _("Shelters in the region"), _("Share in %"), NULL);
    csv_row (csv, reached, in_region, share, NULL);
  }

  {
    g_autofree char *held = g_strdup_printf ("%u", report->jours_fixes_held);
    g_autofree char *attended = g_strdup_printf ("%u", report->jour_fixe_attendance);
    g_autofree char *average = bb_report_format_decimal (report->average_attendance);

    g_string_append (csv, "\r\n");
    csv_row (csv, _("Jours Fixes"), NULL);
    csv_row (csv, _("Meetings held"), _("Attendances"), _("Average attendance"), NULL);
    csv_row (csv, held, attended, average, NULL);
  }

  {
    g_autofree char *open = g_strdup_printf ("%u", report->followups_open);
    g_autofree char *overdue = g_strdup_printf ("%u", report->followups_overdue);
    g_autofree char *title = g_strdup_printf (_("Follow-ups as of %s"), as_of_text);

    g_string_append (csv, "\r\n");
    csv_row (csv, title, NULL);
    csv_row (csv, _("Open"), _("Overdue"), NULL);
    csv_row (csv, open, overdue, NULL);
  }

  return g_string_free_to_bytes (g_steal_pointer (&csv));
}

gboolean
bb_report_write_csv (BbReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) csv = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = bb_report_to_csv (report);
  data = g_bytes_get_data (csv, &size);

  return g_file_set_contents_full (path, data, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
