/* bb-store-calendar.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-store-calendar"

#include "config.h"

#include <string.h>

#include "bb-attendance.h"
#include "bb-event-invitee.h"
#include "bb-store-calendar.h"
#include "bb-store-private.h"
#include "bb-validate.h"

#define UID_DOMAIN "brueckenbuch.beratungsforum.berlin"

char *
bb_event_generate_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GString) hex = g_string_new (NULL);

  for (const char *p = uuid; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (hex, *p);

  return g_strdup_printf ("%s@" UID_DOMAIN, hex->str);
}

static gboolean
step_done (BbStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/* Ends a transaction begun with bb_store_begin(): commit if ok, else roll back. */
static gboolean
finish (BbStore  *self,
        gboolean  ok,
        GError  **error)
{
  if (!ok)
    {
      bb_store_rollback (self);
      return FALSE;
    }

  return bb_store_commit (self, error);
}

/* Records of type for the ids a statement yields in its first column. */
static GPtrArray *
records_for_ids (BbStore       *self,
                 sqlite3_stmt  *stmt,
                 GType          type,
                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_bb_store_collect_ids (self, stmt, ids, "Cannot read the calendar", error))
    return NULL;
  /* The statement is cached: give it back before bb_store_get needs statements of its own. */
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gpointer record = bb_store_get (self, type, g_array_index (ids, gint64, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/* "SELECT alias.id, alias.<column>, …": whole records of type for _bb_store_read_record(). */
static char *
select_records (GType       type,
                const char *alias)
{
  const char * const *columns = _bb_store_get_columns (type);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "SELECT %s.id", alias);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, ", %s.%s", alias, columns[i]);

  return g_string_free (sql, FALSE);
}

/* Steps stmt (made of select_records (type, …)) to its end, appending its records. */
static gboolean
read_records (BbStore       *self,
              sqlite3_stmt  *stmt,
              GType          type,
              GPtrArray     *records,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _bb_store_read_record (type, stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (self, error, rc, "Cannot read the calendar");
      return FALSE;
    }

  return TRUE;
}

static gboolean
bump_sequence (BbStore  *self,
               gint64    event_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _bb_store_prepare (self, "UPDATE event SET sequence = sequence + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!step_done (self, stmt, "Cannot update event", error))
    return FALSE;
  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_FOUND,
                   "No event with id %" G_GINT64_FORMAT, event_id);
      return FALSE;
    }

  return TRUE;
}

BbEvent *
bb_store_get_event_by_uid (BbStore     *self,
                           const char  *uid,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  stmt = _bb_store_prepare (self, "SELECT id FROM event WHERE uid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  events = records_for_ids (self, stmt, BB_TYPE_EVENT, error);
  if (events == NULL || events->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (events, 0));
}

gboolean
bb_store_insert_event (BbStore  *self,
                       BbEvent  *event,
                       GError  **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_EVENT (event), FALSE);

  if (bb_event_get_uid (event) == NULL || *bb_event_get_uid (event) == '\0')
    {
      g_autofree char *uid = bb_event_generate_uid ();

      bb_event_set_uid (event, uid);
      bb_event_set_sequence (event, 0);
    }

  return bb_store_insert (self, BB_RECORD (event), error);
}

/* The columns whose change Outlook must see (SEQUENCE). */
static const char * const sequence_columns[] = {
  "starts_at", "ends_at", "all_day", "location", "online_url", "status", "rrule", "exdates",
};

static gboolean
needs_new_sequence (BbEvent *stored,
                    BbEvent *event)
{
  for (guint i = 0; i < G_N_ELEMENTS (sequence_columns); i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (sequence_columns[i]), "_", '-');
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (stored), property, &a);
      g_object_get_property (G_OBJECT (event), property, &b);
      if (G_VALUE_HOLDS_STRING (&a))
        {
          const char *x = g_value_get_string (&a);
          const char *y = g_value_get_string (&b);

          /* An empty text and none are the same to a calendar. */
          if (g_strcmp0 (x != NULL && *x != '\0' ? x : NULL, y != NULL && *y != '\0' ? y : NULL) != 0)
            return TRUE;
        }
      else if (G_VALUE_HOLDS_BOOLEAN (&a))
        {
          if (g_value_get_boolean (&a) != g_value_get_boolean (&b))
            return TRUE;
        }
      else
        g_return_val_if_reached (TRUE);
    }

  return FALSE;
}

gboolean
bb_store_update_event (BbStore  *self,
                       BbEvent  *event,
                       GError  **error)
{
  g_autoptr(BbEvent) stored = NULL;
  int sequence;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_EVENT (event), FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  stored = bb_store_get (self, BB_TYPE_EVENT, bb_record_get_id (BB_RECORD (event)), error);
  if (stored == NULL)
    return finish (self, FALSE, error);

  if (g_strcmp0 (bb_event_get_uid (stored), bb_event_get_uid (event)) != 0)
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT,
                           "The UID of an event never changes");
      return finish (self, FALSE, error);
    }

  sequence = bb_event_get_sequence (stored);
  if (needs_new_sequence (stored, event))
    sequence++;
  bb_event_set_sequence (event, sequence);

  ok = bb_store_update (self, BB_RECORD (event), error);

  return finish (self, ok, error);
}

GPtrArray *
bb_store_get_event_overrides (BbStore  *self,
                              gint64    event_id,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) overrides = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  columns = select_records (BB_TYPE_EVENT_OVERRIDE, "o");
  sql = g_strconcat (columns, " FROM event_override o WHERE o.event_id = ? ORDER BY o.recurrence_id", NULL);
  stmt = _bb_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!read_records (self, stmt, BB_TYPE_EVENT_OVERRIDE, overrides, error))
    return NULL;

  return g_steal_pointer (&overrides);
}

static gint64
find_override (BbStore     *self,
               gint64       event_id,
               const char  *recurrence_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _bb_store_prepare (self,
                            "SELECT id FROM event_override WHERE event_id = ? AND recurrence_id = ?",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _bb_store_set_error (self, error, rc, "Cannot read event overrides");
      return -1;
    }

  return 0;
}

static gboolean
check_occurrence (BbStore     *self,
                  gint64       event_id,
                  const char  *recurrence_id,
                  BbEvent    **event_out,
                  GError     **error)
{
  g_autoptr(BbEvent) event = bb_store_get (self, BB_TYPE_EVENT, event_id, error);

  if (event == NULL)
    return FALSE;
  if (!bb_recurrence_is_occurrence (event, recurrence_id))
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT,
                   "%s is no occurrence of event %" G_GINT64_FORMAT,
                   recurrence_id != NULL ? recurrence_id : "(null)", event_id);
      return FALSE;
    }
  if (event_out != NULL)
    *event_out = g_steal_pointer (&event);

  return TRUE;
}

gboolean
bb_store_set_event_override (BbStore          *self,
                             BbEventOverride  *override,
                             GError          **error)
{
  gint64 event_id, existing;
  const char *recurrence_id;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (BB_IS_EVENT_OVERRIDE (override), FALSE);

  event_id = bb_event_override_get_event_id (override);
  recurrence_id = bb_event_override_get_recurrence_id (override);

  if (!bb_store_begin (self, error))
    return FALSE;

  ok = check_occurrence (self, event_id, recurrence_id, NULL, error);
  existing = ok ? find_override (self, event_id, recurrence_id, error) : -1;
  ok = existing >= 0;
  if (ok)
    {
      bb_record_set_id (BB_RECORD (override), existing);
      if (existing > 0)
        ok = bb_store_update (self, BB_RECORD (override), error);
      else
        ok = bb_store_insert (self, BB_RECORD (override), error);
    }
  ok = ok && bump_sequence (self, event_id, error);

  return finish (self, ok, error);
}

gboolean
bb_store_remove_event_override (BbStore     *self,
                                gint64       event_id,
                                const char  *recurrence_id,
                                GError     **error)
{
  gint64 existing;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  existing = find_override (self, event_id, recurrence_id, error);
  ok = existing >= 0;
  if (ok && existing > 0)
    ok = bb_store_delete (self, BB_TYPE_EVENT_OVERRIDE, existing, error)
         && bump_sequence (self, event_id, error);

  return finish (self, ok, error);
}

gboolean
bb_store_cancel_occurrence (BbStore     *self,
                            gint64       event_id,
                            const char  *recurrence_id,
                            gboolean     remove,
                            GError     **error)
{
  g_autoptr(BbEvent) event = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  ok = check_occurrence (self, event_id, recurrence_id, &event, error);

  if (ok && remove)
    {
      const char *exdates = bb_event_get_exdates (event);
      g_auto(GStrv) list = g_strsplit (exdates != NULL ? exdates : "", ",", -1);
      gint64 existing;

      if (!g_strv_contains ((const char * const *) list, recurrence_id))
        {
          g_autofree char *joined = NULL;

          if (exdates != NULL && *exdates != '\0')
            joined = g_strconcat (exdates, ",", recurrence_id, NULL);
          else
            joined = g_strdup (recurrence_id);
          bb_event_set_exdates (event, joined);
          ok = bb_store_update_event (self, event, error);
        }
      existing = ok ? find_override (self, event_id, recurrence_id, error) : -1;
      ok = existing >= 0;
      if (ok && existing > 0)
        ok = bb_store_delete (self, BB_TYPE_EVENT_OVERRIDE, existing, error);
    }
  else if (ok)
    {
      gint64 existing = find_override (self, event_id, recurrence_id, error);
      g_autoptr(BbEventOverride) override = NULL;

      ok = existing >= 0;
      if (ok && existing > 0)
        {
          override = bb_store_get (self, BB_TYPE_EVENT_OVERRIDE, existing, error);
          ok = override != NULL;
        }
      else if (ok)
        {
          g_autofree char *end = NULL;
          GDate a, b;
          int ha, ma, hb, mb;

          /* The occurrence's own times: the series' duration from its original start. */
          bb_recurrence_parse_time (bb_event_get_starts_at (event), &a, &ha, &ma);
          bb_recurrence_parse_time (bb_event_get_ends_at (event), &b, &hb, &mb);
          if (ha < 0)
            end = bb_recurrence_time_add (recurrence_id,
                                          (gint64) g_date_days_between (&a, &b));
          else
            end = bb_recurrence_time_add (recurrence_id,
                                          (gint64) g_date_days_between (&a, &b) * 1440
                                          + (hb * 60 + mb) - (ha * 60 + ma));
          override = bb_event_override_new ();
          bb_event_override_set_event_id (override, event_id);
          bb_event_override_set_recurrence_id (override, recurrence_id);
          bb_event_override_set_starts_at (override, recurrence_id);
          bb_event_override_set_ends_at (override, end);
        }
      if (ok)
        {
          bb_event_override_set_status (override, "cancelled");
          ok = bb_store_set_event_override (self, override, error);
        }
    }

  return finish (self, ok, error);
}

static BbEvent *
copy_event (BbEvent *event)
{
  BbEvent *copy = bb_event_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (event), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE
          || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_object_get_property (G_OBJECT (event), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  return copy;
}

static gboolean
move_rows_from (BbStore     *self,
                const char  *sql,
                gint64       old_id,
                gint64       new_id,
                const char  *from,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_int64 (stmt, 2, old_id);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);

  return step_done (self, stmt, "Cannot split the series", error);
}

gboolean
bb_store_split_event (BbStore     *self,
                      gint64       event_id,
                      const char  *recurrence_id,
                      gint64      *new_event_id,
                      GError     **error)
{
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(BbEvent) copy = NULL;
  g_autoptr(GPtrArray) invitees = NULL;
  g_autofree char *old_rrule = NULL;
  g_autofree char *new_rrule = NULL;
  g_autoptr(GString) old_exdates = g_string_new (NULL);
  g_autoptr(GString) new_exdates = g_string_new (NULL);
  g_autofree char *new_end = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) exdates = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate a, b;
  int ha, ma, hb, mb;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  event = bb_store_get (self, BB_TYPE_EVENT, event_id, error);
  if (event == NULL)
    return finish (self, FALSE, error);
  if (!bb_recurrence_split (event, recurrence_id, &old_rrule, &new_rrule, &local_error))
    {
      g_set_error_literal (error, BB_STORE_ERROR, BB_STORE_ERROR_CONSTRAINT, local_error->message);
      return finish (self, FALSE, error);
    }

  exdates = g_strsplit (bb_event_get_exdates (event) != NULL ? bb_event_get_exdates (event) : "",
                        ",", -1);
  for (guint i = 0; exdates[i] != NULL; i++)
    {
      GString *into = strcmp (exdates[i], recurrence_id) >= 0 ? new_exdates : old_exdates;

      if (*exdates[i] == '\0')
        continue;
      if (into->len > 0)
        g_string_append_c (into, ',');
      g_string_append (into, exdates[i]);
    }

  bb_recurrence_parse_time (bb_event_get_starts_at (event), &a, &ha, &ma);
  bb_recurrence_parse_time (bb_event_get_ends_at (event), &b, &hb, &mb);
  if (ha < 0)
    new_end = bb_recurrence_time_add (recurrence_id, (gint64) g_date_days_between (&a, &b));
  else
    new_end = bb_recurrence_time_add (recurrence_id,
                                      (gint64) g_date_days_between (&a, &b) * 1440
                                      + (hb * 60 + mb) - (ha * 60 + ma));

  copy = copy_event (event);
  ok = copy != NULL;
  if (ok)
    {
      bb_record_set_id (BB_RECORD (copy), 0);
      bb_event_set_uid (copy, NULL);
      bb_event_set_sequence (copy, 0);
      bb_event_set_starts_at (copy, recurrence_id);
      bb_event_set_ends_at (copy, new_end);
      bb_event_set_rrule (copy, new_rrule);
      bb_event_set_exdates (copy, new_exdates->len > 0 ? new_exdates->str : NULL);
      ok = bb_store_insert_event (self, copy, error);
    }

  if (ok)
    {
      bb_event_set_rrule (event, old_rrule);
      bb_event_set_exdates (event, old_exdates->len > 0 ? old_exdates->str : NULL);
      ok = bb_store_update_event (self, event, error);
    }

  ok = ok && move_rows_from (self,
                             "UPDATE event_override SET event_id = ? "
                             "WHERE event_id = ? AND recurrence_id >= ?",
                             event_id, bb_record_get_id (BB_RECORD (copy)), recurrence_id, error);
  ok = ok && move_rows_from (self,
                             "UPDATE attendance SET event_id = ? "
                             "WHERE event_id = ? AND occurrence >= ?",
                             event_id, bb_record_get_id (BB_RECORD (copy)), recurrence_id, error);
  ok = ok && move_rows_from (self,
                             "UPDATE event_minutes SET event_id = ? "
                             "WHERE event_id = ? AND occurrence >= ?",
                             event_id, bb_record_get_id (BB_RECORD (copy)), recurrence_id, error);

  if (ok)
    {
      stmt = _bb_store_prepare (self,
                                "INSERT INTO event_invitee (event_id, person_id, shelter_id) "
                                "SELECT ?, person_id, shelter_id FROM event_invitee WHERE event_id = ?",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, bb_record_get_id (BB_RECORD (copy)));
          sqlite3_bind_int64 (stmt, 2, event_id);
          ok = step_done (self, stmt, "Cannot copy invitees", error);
        }
    }

  if (ok && new_event_id != NULL)
    *new_event_id = bb_record_get_id (BB_RECORD (copy));

  return finish (self, ok, error);
}

/* Dates sort before the times of their day ("2026-03-01" < "2026-03-01T00:00"), which is
 * what a range from a date means; an end equal to from is caught by the expansion. */
#define CANDIDATES \
  " WHERE (?1 IS NULL OR starts_at < ?1)" \
  "   AND (rrule IS NOT NULL OR ?2 IS NULL OR ends_at >= ?2)" \
  "   AND (?3 = 0 OR region_id = ?3)" \
  "   AND (?4 IS NULL OR kind = ?4)"

/* The records of type sql (with CANDIDATES) yields for from, to, region_id and kind. */
static gboolean
read_candidates (BbStore     *self,
                 const char  *sql,
                 const char  *from,
                 const char  *to,
                 gint64       region_id,
                 const char  *kind,
                 GType        type,
                 GPtrArray   *records,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _bb_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (to != NULL)
    sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  if (from != NULL)
    sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, region_id);
  if (kind != NULL)
    sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);

  return read_records (self, stmt, type, records, error);
}

/* Events that may have occurrences in [from, to): series whose start is before to (their
 * end is found by expanding), single events overlapping; by start. *overrides gets for each
 * of them (same index) the array of its overrides (BbEventOverride, by recurrence-id). Two
 * queries whatever the number of events: no round trip per event. */
static GPtrArray *
candidate_events (BbStore     *self,
                  const char  *from,
                  const char  *to,
                  gint64       region_id,
                  const char  *kind,
                  GPtrArray  **overrides,
                  GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_event = NULL;
  g_autofree char *event_columns = select_records (BB_TYPE_EVENT, "event");
  g_autofree char *override_columns = select_records (BB_TYPE_EVENT_OVERRIDE, "o");
  g_autofree char *events_sql = NULL;
  g_autofree char *overrides_sql = NULL;

  events_sql = g_strconcat (event_columns, " FROM event" CANDIDATES " ORDER BY starts_at, id", NULL);
  overrides_sql = g_strconcat (override_columns,
                               " FROM event_override o"
                               " WHERE o.event_id IN (SELECT id FROM event" CANDIDATES ")"
                               " ORDER BY o.event_id, o.recurrence_id",
                               NULL);

  if (!read_candidates (self, events_sql, from, to, region_id, kind, BB_TYPE_EVENT, events, error))
    return NULL;
  if (overrides == NULL)
    return g_steal_pointer (&events);
  if (!read_candidates (self, overrides_sql, from, to, region_id, kind, BB_TYPE_EVENT_OVERRIDE,
                        changed, error))
    return NULL;

  /* The overrides come by event id, the events by start. */
  by_event = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < changed->len; i++)
    {
      BbEventOverride *override = g_ptr_array_index (changed, i);
      gint64 event_id = bb_event_override_get_event_id (override);
      GPtrArray *list = g_hash_table_lookup (by_event, &event_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_event, g_memdup2 (&event_id, sizeof event_id), list);
        }
      g_ptr_array_add (list, g_object_ref (override));
    }

  *overrides = g_ptr_array_new_full (events->len, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < events->len; i++)
    {
      gint64 event_id = bb_record_get_id (BB_RECORD (g_ptr_array_index (events, i)));
      g_autofree gpointer key = NULL;
      gpointer list = NULL;

      if (!g_hash_table_steal_extended (by_event, &event_id, &key, &list))
        list = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (*overrides, list);
    }

  return g_steal_pointer (&events);
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  BbOccurrence *x = *(BbOccurrence **) a;
  BbOccurrence *y = *(BbOccurrence **) b;
  GDate dx, dy;
  int hx, mx, hy, my;
  int cmp;

  bb_recurrence_parse_time (bb_occurrence_get_starts_at (x), &dx, &hx, &mx);
  bb_recurrence_parse_time (bb_occurrence_get_starts_at (y), &dy, &hy, &my);
  cmp = g_date_compare (&dx, &dy);
  if (cmp != 0)
    return cmp;
  if (hx * 60 + mx != hy * 60 + my)
    return (hx * 60 + mx) - (hy * 60 + my);
  if (bb_occurrence_get_event_id (x) != bb_occurrence_get_event_id (y))
    return bb_occurrence_get_event_id (x) < bb_occurrence_get_event_id (y) ? -1 : 1;

  return 0;
}

GPtrArray *
bb_store_list_occurrences (BbStore                 *self,
                           const char              *from,
                           const char              *to,
                           gint64                   region_id,
                           const char              *kind,
                           BbRecurrenceExpandFlags  flags,
                           GError                 **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  events = candidate_events (self, from, to, region_id, kind, &overrides, error);
  if (events == NULL)
    return NULL;

  for (guint i = 0; i < events->len; i++)
    {
      BbEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autoptr(GError) local_error = NULL;

      occurrences = bb_recurrence_expand (event, g_ptr_array_index (overrides, i), from, to, flags, &local_error);
      if (occurrences == NULL)
        {
          /* One unreadable series must not hide the whole calendar. The message quotes the
           * rule, a field value: the log gets the kind of error only. */
          g_warning ("Event %" G_GINT64_FORMAT " cannot be expanded: %s %d",
                     bb_record_get_id (BB_RECORD (event)),
                     g_quark_to_string (local_error->domain), local_error->code);
          continue;
        }
      g_ptr_array_extend_and_steal (result, g_steal_pointer (&occurrences));
      if (result->len > BB_RECURRENCE_MAX_OCCURRENCES * 4)
        {
          g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED,
                       "Too many occurrences in %s – %s", from, to);
          return NULL;
        }
    }

  g_ptr_array_sort (result, compare_by_start);

  return g_steal_pointer (&result);
}

GPtrArray *
bb_store_list_events_in_range (BbStore     *self,
                               const char  *from,
                               const char  *to,
                               gint64       region_id,
                               GError     **error)
{
  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  return bb_store_list_events_with_overrides (self, from, to, region_id, NULL, error);
}

GPtrArray *
bb_store_list_events_with_overrides (BbStore     *self,
                                     const char  *from,
                                     const char  *to,
                                     gint64       region_id,
                                     GPtrArray  **overrides,
                                     GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) candidate_overrides = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result_overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  events = candidate_events (self, from, to, region_id, NULL, &candidate_overrides, error);
  if (events == NULL)
    return NULL;

  for (guint i = 0; i < events->len; i++)
    {
      BbEvent *event = g_ptr_array_index (events, i);
      GPtrArray *event_overrides = g_ptr_array_index (candidate_overrides, i);

      if (from != NULL || to != NULL)
        {
          g_autoptr(GPtrArray) occurrences = NULL;

          /* An open end: far enough for any series we keep. */
          occurrences = bb_recurrence_expand (event, event_overrides, from != NULL ? from : "1970-01-01",
                                              to != NULL ? to : "9999-12-31",
                                              BB_RECURRENCE_EXPAND_WITH_CANCELLED | BB_RECURRENCE_EXPAND_ANY,
                                              NULL);
          if (occurrences != NULL && occurrences->len == 0)
            continue;
        }
      g_ptr_array_add (result, g_object_ref (event));
      g_ptr_array_add (result_overrides, g_ptr_array_ref (event_overrides));
    }

  if (overrides != NULL)
    *overrides = g_steal_pointer (&result_overrides);

  return g_steal_pointer (&result);
}

GArray *
bb_store_get_event_invitee_people (BbStore  *self,
                                   gint64    event_id,
                                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (BB_IS_STORE (self), NULL);

  stmt = _bb_store_prepare (self,
                            "SELECT p.id FROM person p WHERE p.id IN ("
                            "  SELECT person_id FROM event_invitee"
                            "   WHERE event_id = ?1 AND person_id IS NOT NULL"
                            "  UNION"
                            "  SELECT ps.person_id FROM event_invitee i"
                            "   JOIN person_shelter ps ON ps.shelter_id = i.shelter_id"
                            "   WHERE i.event_id = ?1)"
                            " ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!_bb_store_collect_ids (self, stmt, ids, "Cannot read invitees", error))
    return NULL;

  return g_steal_pointer (&ids);
}

gboolean
bb_store_set_event_invitees (BbStore       *self,
                             gint64         event_id,
                             const gint64  *person_ids,
                             gsize          n_person_ids,
                             const gint64  *shelter_ids,
                             gsize          n_shelter_ids,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  stmt = _bb_store_prepare (self, "DELETE FROM event_invitee WHERE event_id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      ok = step_done (self, stmt, "Cannot change invitees", error);
      g_clear_pointer (&stmt, _bb_store_release);
    }

  for (gsize i = 0; ok && i < n_person_ids + n_shelter_ids; i++)
    {
      g_autoptr(BbEventInvitee) invitee = bb_event_invitee_new ();

      bb_event_invitee_set_event_id (invitee, event_id);
      if (i < n_person_ids)
        bb_event_invitee_set_person_id (invitee, person_ids[i]);
      else
        bb_event_invitee_set_shelter_id (invitee, shelter_ids[i - n_person_ids]);
      ok = bb_store_insert (self, BB_RECORD (invitee), error);
    }

  return finish (self, ok, error);
}

gint64
bb_store_find_person_by_email (BbStore    *self,
                               const char *email)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), 0);

  if (email == NULL || *email == '\0')
    return 0;
  stmt = _bb_store_prepare (self,
                            "SELECT id FROM person WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

GPtrArray *
bb_store_get_attendance (BbStore     *self,
                         gint64       event_id,
                         const char  *occurrence,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (occurrence != NULL, NULL);

  stmt = _bb_store_prepare (self,
                            "SELECT id FROM attendance WHERE event_id = ? AND occurrence = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, occurrence, -1, SQLITE_TRANSIENT);

  return records_for_ids (self, stmt, BB_TYPE_ATTENDANCE, error);
}

gboolean
bb_store_set_attendance (BbStore     *self,
                         gint64       event_id,
                         const char  *occurrence,
                         gint64       person_id,
                         const char  *status,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (occurrence != NULL, FALSE);

  if (!bb_store_begin (self, error))
    return FALSE;

  if (status == NULL)
    stmt = _bb_store_prepare (self,
                              "DELETE FROM attendance"
                              " WHERE event_id = ?1 AND occurrence = ?2 AND person_id = ?3",
                              error);
  else
    stmt = _bb_store_prepare (self,
                              "INSERT INTO attendance (event_id, occurrence, person_id, status)"
                              " VALUES (?1, ?2, ?3, ?4)"
                              " ON CONFLICT (event_id, occurrence, person_id)"
                              " DO UPDATE SET status = excluded.status",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_text (stmt, 2, occurrence, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, person_id);
      if (status != NULL)
        sqlite3_bind_text (stmt, 4, status, -1, SQLITE_TRANSIENT);
      ok = step_done (self, stmt, "Cannot record attendance", error);
    }

  return finish (self, ok, error);
}

char *
bb_store_dup_occurrence_minutes (BbStore     *self,
                                 gint64       event_id,
                                 const char  *occurrence,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BB_IS_STORE (self), NULL);
  g_return_val_if_fail (occurrence != NULL, NULL);

  stmt = _bb_store_prepare (self,
                            "SELECT text FROM event_minutes WHERE event_id = ? AND occurrence = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, occurrence, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _bb_store_set_error (self, error, rc, "Cannot read the minutes");

  return NULL;
}

gboolean
bb_store_set_occurrence_minutes (BbStore     *self,
                                 gint64       event_id,
                                 const char  *occurrence,
                                 const char  *text,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_STORE (self), FALSE);
  g_return_val_if_fail (occurrence != NULL, FALSE);

  stripped = bb_validate_dup_trimmed (text);
  if (!bb_validate_column ("minutes", stripped, error))
    return FALSE;

  if (!bb_store_begin (self, error))
    return FALSE;

  if (stripped == NULL)
    stmt = _bb_store_prepare (self,
                              "DELETE FROM event_minutes WHERE event_id = ?1 AND occurrence = ?2",
                              error);
  else
    stmt = _bb_store_prepare (self,
                              "INSERT INTO event_minutes (event_id, occurrence, text)"
                              " VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (event_id, occurrence)"
                              " DO UPDATE SET text = excluded.text",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_text (stmt, 2, occurrence, -1, SQLITE_TRANSIENT);
      if (stripped != NULL)
        sqlite3_bind_text (stmt, 3, stripped, -1, SQLITE_TRANSIENT);
      ok = step_done (self, stmt, "Cannot save the minutes", error);
    }

  return finish (self, ok, error);
}
