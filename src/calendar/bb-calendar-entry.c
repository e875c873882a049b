/* bb-calendar-entry.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-calendar-entry"

#include "config.h"

#include <string.h>

#include "bb-calendar-entry.h"
#include "bb-store-calendar.h"

struct _BbCalendarEntry
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
  guint all_day : 1;
  guint excluded : 1;
  guint moved : 1;
};

G_DEFINE_FINAL_TYPE (BbCalendarEntry, bb_calendar_entry, G_TYPE_OBJECT)

static void
bb_calendar_entry_finalize (GObject *object)
{
  BbCalendarEntry *self = (BbCalendarEntry *)object;

  g_clear_object (&self->event);
  g_free (self->recurrence_id);
  g_free (self->starts_at);
  g_free (self->ends_at);
  g_free (self->title);
  g_free (self->location);
  g_free (self->status);

  G_OBJECT_CLASS (bb_calendar_entry_parent_class)->finalize (object);
}

static void
bb_calendar_entry_class_init (BbCalendarEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bb_calendar_entry_finalize;
}

static void
bb_calendar_entry_init (BbCalendarEntry *self)
{
}

BbCalendarEntry *
bb_calendar_entry_new_from_occurrence (BbOccurrence *occurrence)
{
  BbCalendarEntry *self;

  g_return_val_if_fail (BB_IS_OCCURRENCE (occurrence), NULL);

  self = g_object_new (BB_TYPE_CALENDAR_ENTRY, NULL);
  self->event = g_object_ref (bb_occurrence_get_event (occurrence));
  self->recurrence_id = g_strdup (bb_occurrence_get_recurrence_id (occurrence));
  self->starts_at = g_strdup (bb_occurrence_get_starts_at (occurrence));
  self->ends_at = g_strdup (bb_occurrence_get_ends_at (occurrence));
  self->title = g_strdup (bb_occurrence_get_title (occurrence));
  self->location = g_strdup (bb_occurrence_get_location (occurrence));
  self->status = g_strdup (bb_occurrence_get_status (occurrence));
  self->override_id = bb_occurrence_get_override_id (occurrence);
  self->all_day = bb_occurrence_get_all_day (occurrence);
  self->moved = bb_occurrence_is_moved (occurrence);

  return self;
}

BbCalendarEntry *
bb_calendar_entry_new_excluded (BbEvent    *event,
                                const char *recurrence_id)
{
  BbCalendarEntry *self;
  gint64 minutes = 0;
  GDate start, end;
  int start_hour, start_minute, end_hour, end_minute;

  g_return_val_if_fail (BB_IS_EVENT (event), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  /* The excluded date keeps the series' duration. */
  if (bb_recurrence_parse_time (bb_event_get_starts_at (event), &start, &start_hour, &start_minute)
      && bb_recurrence_parse_time (bb_event_get_ends_at (event), &end, &end_hour, &end_minute))
    {
      minutes = (gint64) (g_date_get_julian (&end) - g_date_get_julian (&start)) * 24 * 60;
      if (start_hour >= 0 && end_hour >= 0)
        minutes += (end_hour * 60 + end_minute) - (start_hour * 60 + start_minute);
      else
        minutes /= 24 * 60;
    }

  self = g_object_new (BB_TYPE_CALENDAR_ENTRY, NULL);
  self->event = g_object_ref (event);
  self->recurrence_id = g_strdup (recurrence_id);
  self->starts_at = g_strdup (recurrence_id);
  self->ends_at = bb_recurrence_time_add (recurrence_id, minutes);
  if (self->ends_at == NULL)
    self->ends_at = g_strdup (recurrence_id);
  self->title = g_strdup (bb_event_get_title (event));
  self->location = g_strdup (bb_event_get_location (event));
  self->status = g_strdup ("cancelled");
  self->all_day = bb_event_get_all_day (event);
  self->excluded = TRUE;

  return self;
}

BbEvent *
bb_calendar_entry_get_event (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->event;
}

gint64
bb_calendar_entry_get_event_id (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), 0);
  return bb_record_get_id (BB_RECORD (self->event));
}

const char *
bb_calendar_entry_get_recurrence_id (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->recurrence_id;
}

const char *
bb_calendar_entry_get_starts_at (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->starts_at;
}

const char *
bb_calendar_entry_get_ends_at (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->ends_at;
}

const char *
bb_calendar_entry_get_title (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->title;
}

const char *
bb_calendar_entry_get_location (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->location;
}

const char *
bb_calendar_entry_get_status (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), NULL);
  return self->status;
}

gboolean
bb_calendar_entry_get_all_day (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), FALSE);
  return self->all_day;
}

gboolean
bb_calendar_entry_is_cancelled (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), FALSE);
  return self->excluded || g_strcmp0 (self->status, "cancelled") == 0;
}

gboolean
bb_calendar_entry_is_excluded (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), FALSE);
  return self->excluded;
}

gboolean
bb_calendar_entry_is_moved (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), FALSE);
  return self->moved;
}

gint64
bb_calendar_entry_get_override_id (BbCalendarEntry *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), 0);
  return self->override_id;
}

gboolean
bb_calendar_entry_is_recurring (BbCalendarEntry *self)
{
  const char *rrule;

  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), FALSE);

  rrule = bb_event_get_rrule (self->event);
  return rrule != NULL && *rrule != '\0';
}

gboolean
bb_calendar_entry_is_on (BbCalendarEntry *self,
                         const GDate     *date)
{
  GDate start, end;
  int hour, minute;

  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (self), FALSE);

  if (!bb_recurrence_parse_time (self->starts_at, &start, &hour, &minute))
    return FALSE;
  if (!bb_recurrence_parse_time (self->ends_at, &end, &hour, &minute))
    end = start;

  /* All-day ends are exclusive; a timed event ending at midnight does not reach that day. */
  if (g_date_compare (&end, &start) > 0 && (self->all_day || (hour == 0 && minute == 0)))
    g_date_subtract_days (&end, 1);

  return g_date_compare (date, &start) >= 0 && g_date_compare (date, &end) <= 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  BbCalendarEntry *entry_a = *(BbCalendarEntry **) a;
  BbCalendarEntry *entry_b = *(BbCalendarEntry **) b;
  int cmp = strcmp (entry_a->starts_at, entry_b->starts_at);

  if (cmp != 0)
    return cmp;
  /* All-day entries ("YYYY-MM-DD") come before the timed ones of the day by strcmp already. */
  return g_utf8_collate (entry_a->title, entry_b->title);
}

GPtrArray *
bb_calendar_entries_load (BbStore                *store,
                          const BbCalendarFilter *filter,
                          const char             *from,
                          const char             *to,
                          GError                **error)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 region_id = filter ? filter->region_id : 0;
  const char *kind = filter ? filter->kind : NULL;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  occurrences = bb_store_list_occurrences (store, from, to, region_id, kind,
                                           BB_RECURRENCE_EXPAND_WITH_CANCELLED, error);
  if (occurrences == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < occurrences->len; i++)
    g_ptr_array_add (entries, bb_calendar_entry_new_from_occurrence (occurrences->pdata[i]));

  /* Dates removed from a series (EXDATE) are shown as cancelled, so they can be restored. */
  events = bb_store_list_events_in_range (store, from, to, region_id, error);
  if (events == NULL)
    return NULL;

  for (guint i = 0; i < events->len; i++)
    {
      BbEvent *event = events->pdata[i];
      const char *exdates = bb_event_get_exdates (event);
      g_auto(GStrv) dates = NULL;

      if (exdates == NULL || *exdates == '\0')
        continue;
      if (kind != NULL && g_strcmp0 (bb_event_get_kind (event), kind) != 0)
        continue;

      dates = g_strsplit (exdates, ",", -1);
      for (guint j = 0; dates[j] != NULL; j++)
        {
          g_autoptr(BbCalendarEntry) entry = NULL;
          const char *date = g_strstrip (dates[j]);

          if (*date == '\0' || strcmp (date, to) >= 0)
            continue;

          entry = bb_calendar_entry_new_excluded (event, date);
          if (strcmp (entry->ends_at, from) <= 0 && strcmp (entry->starts_at, from) < 0)
            continue;

          g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
    }

  g_ptr_array_sort (entries, compare_entries);

  return g_steal_pointer (&entries);
}
