/* bb-store-shelters.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-store-shelters"

#include "config.h"

#include "bb-core.h"
#include "bb-store-private.h"
#include "bb-store-shelters.h"

/* Every filter is always part of the statement and switched off by a NULL or 0 parameter, so
 * that only the order changes the SQL text and the store caches four statements. */
#define LIST_SQL \
  "SELECT s.id FROM shelter s" \
  " JOIN district d ON d.id = s.district_id" \
  " LEFT JOIN organisation o ON o.id = s.operator_id" \
  " LEFT JOIN shelter_contact sc ON sc.shelter_id = s.id" \
  " WHERE (:pattern IS NULL OR s.name LIKE :pattern ESCAPE '\\'" \
  "        OR s.street LIKE :pattern ESCAPE '\\' OR s.postcode LIKE :pattern ESCAPE '\\'" \
  "        OR d.name LIKE :pattern ESCAPE '\\' OR o.name LIKE :pattern ESCAPE '\\')" \
  "   AND (:region = 0 OR d.region_id = :region)" \
  "   AND (:district = 0 OR s.district_id = :district)" \
  "   AND (:kind IS NULL OR s.kind = :kind)" \
  "   AND (:status IS NULL OR s.status = :status)" \
  "   AND (:cutoff IS NULL OR (s.status <> 'closed'" \
  "        AND coalesce (sc.last_consultation_at, '') < :cutoff))" \
  " ORDER BY "

/* Kept by the triggers of schema version 8 (0008-shelter-contact.sql). */
#define LAST_CONSULTATION "sc.last_consultation_at"

static const char * const orders[] = {
  [BB_SHELTER_SORT_NAME] = "s.name COLLATE NOCASE, s.id",
  [BB_SHELTER_SORT_DISTRICT] = "d.name, s.name COLLATE NOCASE, s.id",
  [BB_SHELTER_SORT_RESIDENTS] = "s.residents IS NULL, s.residents DESC, s.name COLLATE NOCASE, s.id",
  [BB_SHELTER_SORT_LAST_CONSULTATION] = LAST_CONSULTATION " IS NOT NULL, " LAST_CONSULTATION
                                        ", s.name COLLATE NOCASE, s.id",
};

BbShelterQuery *
bb_shelter_query_new (void)
{
  return g_new0 (BbShelterQuery, 1);
}

BbShelterQuery *
bb_shelter_query_copy (const BbShelterQuery *query)
{
  BbShelterQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);
  copy->kind = g_strdup (query->kind);
  copy->status = g_strdup (query->status);
  copy->today = g_strdup (query->today);

  return copy;
}

void
bb_shelter_query_free (BbShelterQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query->kind);
  g_free (query->status);
  g_free (query->today);
  g_free (query);
}

static gboolean
parse_today (const char *today,
             GDate      *date)
{
  g_date_clear (date, 1);

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (date,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return TRUE;
    }

  g_date_set_parse (date, today);
  return g_date_valid (date);
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A LIKE pattern that finds text anywhere, with LIKE's own characters taken literally. */
static char *
dup_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static BbStoreParams *
build_params (const BbShelterQuery *query)
{
  g_autofree char *text = g_strstrip (g_strdup (query->text ? query->text : ""));
  BbStoreParams *params = _bb_store_params_new ();
  char *cutoff = NULL;

  if (query->no_contact_weeks > 0)
    {
      GDate date;

      if (parse_today (query->today, &date))
        {
          g_date_subtract_days (&date, 7 * (guint) query->no_contact_weeks);
          cutoff = format_iso_date (&date);
        }
      else
        g_critical ("Not a date: %s", query->today);
    }

  /* Every parameter is bound, NULL or 0 where its filter is off. */
  _bb_store_params_take_text (params, ":pattern",
                              text[0] != '\0' ? dup_like_pattern (text) : NULL);
  _bb_store_params_set_int (params, ":region", query->region_id);
  _bb_store_params_set_int (params, ":district", query->district_id);
  _bb_store_params_set_text (params, ":kind", query->kind);
  _bb_store_params_set_text (params, ":status", query->status);
  _bb_store_params_take_text (params, ":cutoff", cutoff);

  return params;
}

void
bb_shelter_query_apply (const BbShelterQuery *query,
                        BbRecordList         *list)
{
  g_autofree char *sql = NULL;
  guint sort;

  g_return_if_fail (query != NULL);
  g_return_if_fail (BB_IS_RECORD_LIST (list));
  g_return_if_fail (bb_record_list_get_record_type (list) == BB_TYPE_SHELTER);

  sort = query->sort < G_N_ELEMENTS (orders) ? query->sort : BB_SHELTER_SORT_NAME;
  sql = g_strconcat (LIST_SQL, orders[sort], NULL);

  /* Rows show the district, the operator and the days since the last consultation. */
  bb_record_list_watch_table (list, "consultation");
  bb_record_list_watch_table (list, "district");
  bb_record_list_watch_table (list, "organisation");
  _bb_record_list_set_query_params (list, sql, build_params (query));
}

GListModel *
bb_store_list_shelters (BbStore              *self,
                        const BbShelterQuery *query)
{
  BbRecordList *list;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  list = bb_record_list_new (self, BB_TYPE_SHELTER, NULL, 0);
  bb_shelter_query_apply (query, list);

  return G_LIST_MODEL (list);
}

char *
bb_store_dup_last_consultation (BbStore *self,
                                gint64   shelter_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT last_consultation_at FROM shelter_contact"
                                    " WHERE shelter_id = ?1");
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

int
bb_store_days_since_consultation (BbStore    *self,
                                  gint64      shelter_id,
                                  const char *today)
{
  g_autofree char *last = NULL;
  GDate today_date, last_date;

  g_return_val_if_fail (BB_IS_STORE (self), -1);

  last = bb_store_dup_last_consultation (self, shelter_id);
  if (last == NULL || strlen (last) < 10)
    return -1;

  last[10] = '\0';
  g_date_clear (&last_date, 1);
  g_date_set_parse (&last_date, last);
  if (!g_date_valid (&last_date) || !parse_today (today, &today_date))
    return -1;

  return g_date_days_between (&last_date, &today_date);
}

gint64
bb_store_count_shelter_consultations (BbStore *self,
                                      gint64   shelter_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), 0);

  stmt = _bb_store_prepare_or_warn (self,
                                    "SELECT count(*) FROM consultation WHERE shelter_id = ?1");
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

void
bb_shelter_invitation_free (BbShelterInvitation *invitation)
{
  if (invitation == NULL)
    return;

  g_free (invitation->title);
  g_free (invitation->starts_at);
  g_free (invitation);
}

GPtrArray *
bb_store_list_shelter_invitations (BbStore  *self,
                                   gint64    shelter_id,
                                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  stmt = _bb_store_prepare (self,
                            "SELECT e.id, e.title, e.starts_at,"
                            " (SELECT count (DISTINCT a.person_id) FROM attendance a"
                            "   JOIN person_shelter ps ON ps.person_id = a.person_id"
                            "  WHERE a.event_id = e.id AND ps.shelter_id = i.shelter_id"
                            "    AND a.status = 'attended')"
                            " FROM event_invitee i JOIN event e ON e.id = i.event_id"
                            " WHERE i.shelter_id = ?1"
                            " ORDER BY e.starts_at DESC, e.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, shelter_id);
  invitations = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_shelter_invitation_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BbShelterInvitation *invitation = g_new0 (BbShelterInvitation, 1);

      invitation->event_id = sqlite3_column_int64 (stmt, 0);
      invitation->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      invitation->starts_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      invitation->n_attended = (guint) sqlite3_column_int (stmt, 3);
      g_ptr_array_add (invitations, invitation);
    }

  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (self, error, rc, "Cannot list invitations");
      return NULL;
    }

  return g_steal_pointer (&invitations);
}
