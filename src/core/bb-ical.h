/* bb-ical.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-store.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) export and import of events, built and parsed with libical.
 *
 * Every export: CRLF line ends, lines folded at 75 octets never inside a UTF-8 character,
 * VERSION, PRODID, METHOD, X-WR-CALNAME, one compact VTIMEZONE for Europe/Berlin (today's
 * rules) and DTSTART/DTEND;TZID=Europe/Berlin; all-day events as VALUE=DATE with exclusive
 * end; per event UID, DTSTAMP, SEQUENCE, RRULE, EXDATE (occurrences cancelled by removal),
 * a RECURRENCE-ID component per override, STATUS, LOCATION, URL (online link), DESCRIPTION
 * (agenda), CATEGORIES (the kind's translated label).
 *
 * Import reads what Outlook, Thunderbird and Google write: UTF-8 with or without a byte order
 * mark, and a file that is not UTF-8 but plain text beginning BEGIN:VCALENDAR as Windows-1252
 * (old Outlook writes the Windows code page; Latin-1 is part of it); anything else that is not
 * UTF-8 is refused (BB_ICAL_ERROR_PARSE, "Line 3: The file is not UTF-8 text"). Times with a TZID are read with
 * the file's VTIMEZONE of that TZID; without one, Windows zone names ("W. Europe Standard
 * Time" and the other European ones) and IANA names are mapped to their zone. A TZID that is
 * neither is refused with an error naming it (BB_ICAL_ERROR_TIMEZONE) rather than guessed as
 * floating time: a Jour fixe an hour off is worse than a clear message. UTC times are
 * converted, floating times taken as Berlin time. Everything is stored as Europe/Berlin wall
 * time. */

#define BB_ICAL_ERROR (bb_ical_error_quark ())

typedef enum
{
  BB_ICAL_ERROR_FAILED,
  BB_ICAL_ERROR_PARSE,      /* not iCalendar; the message names the line */
  BB_ICAL_ERROR_TIMEZONE,   /* a TZID we cannot resolve; the message names it */
  BB_ICAL_ERROR_TOO_LARGE,  /* file size or number of components past the limits below */
  BB_ICAL_ERROR_EMPTY,      /* nothing to export, or no VEVENT in the file */
} BbIcalError;

/* Bounded work on import. */
#define BB_ICAL_MAX_FILE_SIZE  (16 * 1024 * 1024)
#define BB_ICAL_MAX_COMPONENTS 20000

typedef enum
{
  BB_ICAL_METHOD_PUBLISH,   /* a calendar to subscribe to or import */
  BB_ICAL_METHOD_REQUEST,   /* invitations: ORGANIZER and ATTENDEE (CN, mailto, ROLE, RSVP) */
} BbIcalMethod;

/* What to export. Zero-initialised: everything, PUBLISH, now as DTSTAMP. */
typedef struct
{
  BbIcalMethod  method;
  gint64        event_id;      /* one event or series; 0: all events (of the filters below) */
  gint64        region_id;     /* 0: all regions */
  const char   *from;          /* store date/time or NULL: events with an occurrence from … */
  const char   *to;            /* … up to (exclusive); whole series are exported */
  const char   *calendar_name; /* X-WR-CALNAME; NULL: "Brückenbuch" or "Brückenbuch – <region>" */
  GDateTime    *now;           /* DTSTAMP; NULL: the current time */
} BbIcalExportOptions;

/* What an export did, for the message after it. */
typedef struct
{
  guint n_events;               /* VEVENTs of series and single events (overrides not counted) */
  guint n_overrides;            /* RECURRENCE-ID components */
  guint n_attendees;            /* ATTENDEE lines (REQUEST) */
  guint n_without_email;        /* invited people left out for lack of an e-mail address */
} BbIcalExportReport;

GQuark      bb_ical_error_quark       (void);

/* The iCalendar text (UTF-8, CRLF) for options; report may be NULL. BB_ICAL_ERROR_EMPTY if
 * no event matches. */
char       *bb_ical_export            (BbStore                   *store,
                                       const BbIcalExportOptions *options,
                                       BbIcalExportReport        *report,
                                       GError                   **error);
/* The same, written to file (replaced atomically). */
gboolean    bb_ical_export_to_file    (BbStore                   *store,
                                       const BbIcalExportOptions *options,
                                       GFile                     *file,
                                       BbIcalExportReport        *report,
                                       GError                   **error);

/* Folds and line-ends iCalendar content lines: CRLF, at most 75 octets a line, never inside
 * a UTF-8 character. Exposed for the tests. */
char       *bb_ical_fold              (const char                *unfolded);

/* Import, in two steps: a plan that says what would happen, without writing; then applying
 * it in one transaction. */
typedef enum
{
  BB_ICAL_ACTION_ADD,     /* a UID we do not have */
  BB_ICAL_ACTION_UPDATE,  /* a UID we have, with a higher SEQUENCE */
  BB_ICAL_ACTION_SKIP,    /* same or lower SEQUENCE, or something we cannot store */
} BbIcalAction;

#define BB_TYPE_ICAL_PLAN_ITEM (bb_ical_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (BbIcalPlanItem, bb_ical_plan_item, BB, ICAL_PLAN_ITEM, GObject)

BbIcalAction bb_ical_plan_item_get_action      (BbIcalPlanItem *self);
const char  *bb_ical_plan_item_get_uid         (BbIcalPlanItem *self);
/* SUMMARY of the file's event */
const char  *bb_ical_plan_item_get_title       (BbIcalPlanItem *self);
/* Its start as a store time/date (Europe/Berlin), NULL if unreadable. */
const char  *bb_ical_plan_item_get_starts_at   (BbIcalPlanItem *self);
/* A translated sentence saying why: "New event", "Newer version (sequence 3, here 1)",
 * "Already up to date", "Unsupported repeat rule: …". */
const char  *bb_ical_plan_item_get_reason      (BbIcalPlanItem *self);
/* The translated rule ("Every 2nd Tuesday of the month"), or NULL for single events. */
const char  *bb_ical_plan_item_get_recurrence  (BbIcalPlanItem *self);
/* The id of the event an UPDATE or a SKIP of a known UID concerns, else 0. */
gint64       bb_ical_plan_item_get_event_id    (BbIcalPlanItem *self);
/* The number of changed-occurrence components of this UID in the file. */
guint        bb_ical_plan_item_get_n_overrides (BbIcalPlanItem *self);

#define BB_TYPE_ICAL_PLAN (bb_ical_plan_get_type ())

G_DECLARE_FINAL_TYPE (BbIcalPlan, bb_ical_plan, BB, ICAL_PLAN, GObject)

/* Where imported events go. Zero-initialised: no region. */
typedef struct
{
  gint64 region_id;   /* region of added events; updates keep theirs */
} BbIcalImportOptions;

/* Parses the file and compares it with store; writes nothing. Errors: BB_ICAL_ERROR_PARSE
 * ("Line 12: …"), _TIMEZONE, _TOO_LARGE, _EMPTY, or G_IO_ERROR reading the file. */
BbIcalPlan  *bb_ical_plan_new_for_file     (BbStore                   *store,
                                            GFile                     *file,
                                            const BbIcalImportOptions *options,
                                            GCancellable              *cancellable,
                                            GError                   **error);
BbIcalPlan  *bb_ical_plan_new_for_data     (BbStore                   *store,
                                            const char                *data,
                                            gsize                      length,
                                            const BbIcalImportOptions *options,
                                            GError                   **error);
/* The items (BbIcalPlanItem), in file order. */
GListModel  *bb_ical_plan_get_items        (BbIcalPlan                *self);
guint        bb_ical_plan_count            (BbIcalPlan                *self,
                                            BbIcalAction               action);
/* Writes the adds and updates in one transaction: all or nothing. Refuses (BB_STORE_ERROR_
 * CONFLICT) if an event of the plan changed in the store since the plan was made. Updates
 * replace the event's times, place, texts, status, rule, EXDATEs and overrides; minutes,
 * region, invitees and attendance stay. */
gboolean     bb_ical_plan_apply            (BbIcalPlan                *self,
                                            GError                   **error);

G_END_DECLS
