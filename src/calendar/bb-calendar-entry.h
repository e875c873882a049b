/* bb-calendar-entry.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-core.h"
#include "bb-recurrence.h"

G_BEGIN_DECLS

#define BB_TYPE_CALENDAR_ENTRY (bb_calendar_entry_get_type ())

G_DECLARE_FINAL_TYPE (BbCalendarEntry, bb_calendar_entry, BB, CALENDAR_ENTRY, GObject)

/* What the month view and the agenda show: one occurrence of an event as the core expands
 * it, or one that a coordinator cancelled (an EXDATE of the series), which the core does not
 * yield but the calendar still shows struck through so that it can be restored. */
BbCalendarEntry *bb_calendar_entry_new_from_occurrence (BbOccurrence    *occurrence);
BbCalendarEntry *bb_calendar_entry_new_excluded        (BbEvent         *event,
                                                        const char      *recurrence_id);

BbEvent    *bb_calendar_entry_get_event          (BbCalendarEntry *self);
gint64      bb_calendar_entry_get_event_id       (BbCalendarEntry *self);
/* The original start: key of overrides, EXDATEs and attendance. */
const char *bb_calendar_entry_get_recurrence_id  (BbCalendarEntry *self);
const char *bb_calendar_entry_get_starts_at      (BbCalendarEntry *self);
const char *bb_calendar_entry_get_ends_at        (BbCalendarEntry *self);
const char *bb_calendar_entry_get_title          (BbCalendarEntry *self);
const char *bb_calendar_entry_get_location       (BbCalendarEntry *self);
const char *bb_calendar_entry_get_status         (BbCalendarEntry *self);
gboolean    bb_calendar_entry_get_all_day        (BbCalendarEntry *self);
gboolean    bb_calendar_entry_is_cancelled       (BbCalendarEntry *self);
/* Cancelled by an EXDATE (removed from the series) rather than by a status. */
gboolean    bb_calendar_entry_is_excluded        (BbCalendarEntry *self);
gboolean    bb_calendar_entry_is_moved           (BbCalendarEntry *self);
gint64      bb_calendar_entry_get_override_id    (BbCalendarEntry *self);
gboolean    bb_calendar_entry_is_recurring       (BbCalendarEntry *self);
/* TRUE if the entry is on date (all-day entries on each of their days). */
gboolean    bb_calendar_entry_is_on              (BbCalendarEntry *self,
                                                  const GDate     *date);

typedef struct
{
  gint64      region_id;  /* 0: every region */
  const char *kind;       /* NULL: every kind */
} BbCalendarFilter;

/* The entries of every event of store that pass filter and overlap [from, to) (store times
 * or dates), cancelled ones included, ordered by start. Events whose rule cannot be read are
 * shown once at their start. */
GPtrArray  *bb_calendar_entries_load             (BbStore                *store,
                                                  const BbCalendarFilter *filter,
                                                  const char             *from,
                                                  const char             *to,
                                                  GError                **error);

G_END_DECLS
