/* bb-store-calendar.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-store.h"
#include "bb-event.h"
#include "bb-event-override.h"
#include "bb-recurrence.h"

G_BEGIN_DECLS

/* The calendar's part of the store: events with their series, overrides, invitees and
 * attendance. Every write is one transaction (nesting into an open one) and raises the
 * event's SEQUENCE where Outlook and Thunderbird must see the change.
 *
 * The SEQUENCE rule: it goes up by one whenever the time (starts_at, ends_at, all_day), the
 * place (location, online_url), the status or the recurrence (rrule, exdates, an override
 * added, changed or removed) changes — never for title, kind, region, agenda
 * (description), organiser or invitees alone (minutes are per occurrence, in their own
 * table, and never touch the event). Use these functions rather than
 * bb_store_update() for events. */

/* A new UID for an event: random, "<32 hex>@brueckenbuch.beratungsforum.berlin". */
char      *bb_event_generate_uid            (void);

/* The event with uid, or NULL (without error if there is none). */
BbEvent   *bb_store_get_event_by_uid        (BbStore     *self,
                                             const char  *uid,
                                             GError     **error);

/* Inserts event; gives it a new UID if it has none and SEQUENCE 0. */
gboolean   bb_store_insert_event            (BbStore     *self,
                                             BbEvent     *event,
                                             GError     **error);
/* Updates event, comparing with the stored row: if the SEQUENCE rule applies, the stored
 * sequence + 1 is written and set on event, otherwise the stored sequence is kept (the
 * event's own sequence property is ignored). The UID never changes (refused:
 * BB_STORE_ERROR_CONSTRAINT). */
gboolean   bb_store_update_event            (BbStore     *self,
                                             BbEvent     *event,
                                             GError     **error);

/* The overrides of an event (BbEventOverride), by recurrence_id. */
GPtrArray *bb_store_get_event_overrides     (BbStore     *self,
                                             gint64       event_id,
                                             GError     **error);
/* Inserts or replaces the override of (event_id, recurrence_id) of override; refuses a
 * recurrence_id that is no occurrence of the series (BB_STORE_ERROR_CONSTRAINT). Raises the
 * series' SEQUENCE. */
gboolean   bb_store_set_event_override      (BbStore         *self,
                                             BbEventOverride *override,
                                             GError         **error);
/* Removes the override (the occurrence returns to the series' time); raises SEQUENCE. */
gboolean   bb_store_remove_event_override   (BbStore     *self,
                                             gint64       event_id,
                                             const char  *recurrence_id,
                                             GError     **error);
/* Cancels one occurrence: with remove, as an EXDATE (it disappears, any override goes);
 * otherwise as an override with status "cancelled" (shown struck through, exported as a
 * RECURRENCE-ID component with STATUS:CANCELLED). Raises SEQUENCE. */
gboolean   bb_store_cancel_occurrence       (BbStore     *self,
                                             gint64       event_id,
                                             const char  *recurrence_id,
                                             gboolean     remove,
                                             GError     **error);

/* "This and following": ends the series event_id on the day before recurrence_id (UNTIL,
 * SEQUENCE raised) and inserts a copy from recurrence_id on with a new UID and SEQUENCE 0,
 * the same invitees, and the overrides, EXDATEs, attendance and minutes from that date on moved to
 * it. *new_event_id (may be NULL) gets the new event's id. One transaction. */
gboolean   bb_store_split_event             (BbStore     *self,
                                             gint64       event_id,
                                             const char  *recurrence_id,
                                             gint64      *new_event_id,
                                             GError     **error);

/* The occurrences (BbOccurrence, each with its BbEvent) of all events that overlap
 * [from, to) (store dates or times), by start; region_id 0 and kind NULL mean all. For the
 * month view, the agenda and the activity report (e.g. count the "jour-fixe" meetings of a
 * region in a quarter: flags DEFAULT leaves cancelled ones out). */
GPtrArray *bb_store_list_occurrences        (BbStore                *self,
                                             const char             *from,
                                             const char             *to,
                                             gint64                  region_id,
                                             const char             *kind,
                                             BbRecurrenceExpandFlags flags,
                                             GError                **error);
/* The events (BbEvent) with at least one occurrence (cancelled ones included) in
 * [from, to); from or to NULL means open; region_id 0 means all; by start. */
GPtrArray *bb_store_list_events_in_range    (BbStore     *self,
                                             const char  *from,
                                             const char  *to,
                                             gint64       region_id,
                                             GError     **error);
/* bb_store_list_events_in_range() with, in *overrides (if not NULL), for each event (same
 * index) the array of its overrides (BbEventOverride, by recurrence-id), as
 * bb_store_get_event_overrides() gives them: all read in two queries, for exporting many
 * events without a round trip per event. */
GPtrArray *bb_store_list_events_with_overrides (BbStore     *self,
                                                const char  *from,
                                                const char  *to,
                                                gint64       region_id,
                                                GPtrArray  **overrides,
                                                GError     **error);

/* The people invited to an event: directly, and through invited shelters every person with
 * a role there (person_shelter); each once, sorted by family and given name. An array of
 * gint64 person ids. */
GArray    *bb_store_get_event_invitee_people (BbStore    *self,
                                              gint64      event_id,
                                              GError    **error);
/* Replaces the invitees of an event: people and shelters by id. */
gboolean   bb_store_set_event_invitees      (BbStore       *self,
                                             gint64         event_id,
                                             const gint64  *person_ids,
                                             gsize          n_person_ids,
                                             const gint64  *shelter_ids,
                                             gsize          n_shelter_ids,
                                             GError       **error);

/* The person with this e-mail address (case-insensitive), or 0. */
gint64     bb_store_find_person_by_email    (BbStore     *self,
                                             const char  *email);

/* Attendance at one occurrence (occurrence = its recurrence-id): BbAttendance records. */
GPtrArray *bb_store_get_attendance          (BbStore     *self,
                                             gint64       event_id,
                                             const char  *occurrence,
                                             GError     **error);
/* Sets one person's attendance ("attended", "excused", "absent"), or removes it with status
 * NULL. */
gboolean   bb_store_set_attendance          (BbStore     *self,
                                             gint64       event_id,
                                             const char  *occurrence,
                                             gint64       person_id,
                                             const char  *status,
                                             GError     **error);

/* The minutes (Protokoll) of one occurrence (occurrence = its recurrence-id, the original
 * start, as for attendance), or NULL if there are none (or on error, with error set). */
char      *bb_store_dup_occurrence_minutes  (BbStore     *self,
                                             gint64       event_id,
                                             const char  *occurrence,
                                             GError     **error);
/* Sets the minutes of one occurrence (trimmed, and refused with a BB_VALIDATE_ERROR if they
 * break the rule of free text); text NULL or only blanks removes them. One transaction; the
 * event's SEQUENCE stays. */
gboolean   bb_store_set_occurrence_minutes  (BbStore     *self,
                                             gint64       event_id,
                                             const char  *occurrence,
                                             const char  *text,
                                             GError     **error);

G_END_DECLS
