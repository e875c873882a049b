/* bb-recurrence.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-event.h"

G_BEGIN_DECLS

/* Times in this module are the store's local wall-clock strings in Europe/Berlin:
 * "YYYY-MM-DDTHH:MM" for timed events, "YYYY-MM-DD" for all-day events (exclusive end).
 * Occurrences keep their wall-clock time across the changes to and from summer time: a
 * Jour fixe at 10:00 is at 10:00 local in March and in November. */

#define BB_RECURRENCE_ERROR (bb_recurrence_error_quark ())

typedef enum
{
  BB_RECURRENCE_ERROR_INVALID,      /* not an RRULE, or a start that is no store time */
  BB_RECURRENCE_ERROR_UNSUPPORTED,  /* a valid RRULE that coordinators cannot express here */
  BB_RECURRENCE_ERROR_TOO_MANY,     /* expansion would pass BB_RECURRENCE_MAX_OCCURRENCES */
} BbRecurrenceError;

/* Upper bound of the occurrences one expansion yields (bounded work for imports and ranges). */
#define BB_RECURRENCE_MAX_OCCURRENCES 5000

typedef enum
{
  BB_RECURRENCE_NONE,               /* a single event */
  BB_RECURRENCE_DAILY,
  BB_RECURRENCE_WEEKLY,             /* on the weekdays of the mask */
  BB_RECURRENCE_MONTHLY_BY_WEEKDAY, /* on the n-th (or last) weekday of the month */
  BB_RECURRENCE_MONTHLY_BY_DAY,     /* on a day of the month; months lacking it are skipped */
  BB_RECURRENCE_YEARLY,             /* on the month and day of the start */
} BbRecurrenceFrequency;

/* Bits of BbRecurrenceRule.weekdays: BB_WEEKDAY_BIT (G_DATE_MONDAY) … (G_DATE_SUNDAY). */
#define BB_WEEKDAY_BIT(weekday) (1u << ((weekday) - 1))

/* A rule in the words a coordinator uses. Plain data: copy it by assignment; a zeroed struct
 * is "no recurrence". until is an invalid GDate (zeroed, or g_date_clear) when not set;
 * count 0 means no count. until and count exclude each other (until wins if both are set). */
typedef struct
{
  BbRecurrenceFrequency frequency;
  guint                 interval;       /* every k days/weeks/months/years; 0 is taken as 1 */
  guint                 weekdays;       /* WEEKLY: mask of BB_WEEKDAY_BIT; 0 = start's weekday */
  int                   week_of_month;  /* MONTHLY_BY_WEEKDAY: 1 … 5, or -1 for the last */
  GDateWeekday          weekday;        /* MONTHLY_BY_WEEKDAY */
  int                   day_of_month;   /* MONTHLY_BY_DAY: 1 … 31 */
  guint                 count;          /* end after n occurrences */
  GDate                 until;          /* end on this date (inclusive, local) */
} BbRecurrenceRule;

GQuark    bb_recurrence_error_quark    (void);

/* A rule of frequency whose details (weekday, n-th week, day of month) follow the start
 * starts_at, e.g. for a start on the 2nd Tuesday: MONTHLY_BY_WEEKDAY gives week_of_month 2,
 * weekday Tuesday; a start in the last 7 days of the month gives week_of_month 5 only if
 * that is correct: use -1 explicitly for "last". */
void      bb_recurrence_rule_init      (BbRecurrenceRule       *rule,
                                        BbRecurrenceFrequency   frequency,
                                        const char             *starts_at);

/* Reads an RRULE value (without "RRULE:") of a series starting at starts_at. Parts it
 * leaves out are taken from the start, as RFC 5545 says. Only the forms above are accepted
 * (others: BB_RECURRENCE_ERROR_UNSUPPORTED, e.g. BYSETPOS with several values, BYHOUR,
 * several BYDAY for monthly rules); NULL or "" gives BB_RECURRENCE_NONE. UNTIL may be a DATE,
 * a UTC or a local date-time; it is kept as the local date. */
gboolean  bb_recurrence_rule_parse     (BbRecurrenceRule       *rule,
                                        const char             *rrule,
                                        const char             *starts_at,
                                        GError                **error);

/* The RRULE value in a form Outlook understands ("FREQ=MONTHLY;BYDAY=2TU", "last Friday" is
 * BYDAY=-1FR), or NULL for BB_RECURRENCE_NONE. UNTIL is a DATE for all-day series and for
 * timed series the start time on the until date in UTC (…Z), as RFC 5545 requires with a
 * TZID on DTSTART. */
char     *bb_recurrence_rule_to_rrule  (const BbRecurrenceRule *rule,
                                        const char             *starts_at);

/* The rule as a sentence, translated: "Every 2nd Tuesday of the month, until 15.12.2027",
 * in German "Jeden 2. Dienstag im Monat, bis 15.12.2027". NULL-safe: NONE gives
 * "Does not repeat". */
char     *bb_recurrence_rule_describe  (const BbRecurrenceRule *rule);
/* Shorthand: parse the event's RRULE and describe it; NULL for an RRULE that cannot be read. */
char     *bb_recurrence_describe_event (BbEvent                *event);

/* One occurrence of an event, read-only. Its recurrence-id is the original start, the key of
 * overrides (event_override.recurrence_id) and attendance (attendance.occurrence). */
#define BB_TYPE_OCCURRENCE (bb_occurrence_get_type ())

G_DECLARE_FINAL_TYPE (BbOccurrence, bb_occurrence, BB, OCCURRENCE, GObject)

BbEvent    *bb_occurrence_get_event          (BbOccurrence *self);
gint64      bb_occurrence_get_event_id       (BbOccurrence *self);
const char *bb_occurrence_get_recurrence_id  (BbOccurrence *self);
/* The actual times (moved ones included) */
const char *bb_occurrence_get_starts_at      (BbOccurrence *self);
const char *bb_occurrence_get_ends_at        (BbOccurrence *self);
gboolean    bb_occurrence_get_all_day        (BbOccurrence *self);
/* The override's title or location if set, else the event's. */
const char *bb_occurrence_get_title          (BbOccurrence *self);
const char *bb_occurrence_get_location       (BbOccurrence *self);
/* "confirmed", "tentative" or "cancelled" (the override's, else the event's). */
const char *bb_occurrence_get_status         (BbOccurrence *self);
gboolean    bb_occurrence_is_cancelled       (BbOccurrence *self);
/* TRUE if an event_override changes this occurrence; moved if its times differ. */
gboolean    bb_occurrence_is_overridden      (BbOccurrence *self);
gboolean    bb_occurrence_is_moved           (BbOccurrence *self);
/* The override's id, or 0. */
gint64      bb_occurrence_get_override_id    (BbOccurrence *self);
/* Position in the series (0 for the first occurrence of the rule), for "3rd of 10". */
guint       bb_occurrence_get_index          (BbOccurrence *self);
/* The place of a date the series excludes (an EXDATE, recurrence_id): cancelled, with the
 * series' title, location and duration, for views that show what was taken out. */
BbOccurrence *bb_occurrence_new_excluded     (BbEvent      *event,
                                              const char   *recurrence_id);
/* TRUE for an occurrence made with bb_occurrence_new_excluded(). */
gboolean    bb_occurrence_is_excluded        (BbOccurrence *self);

typedef enum
{
  BB_RECURRENCE_EXPAND_DEFAULT        = 0,
  /* Also yield occurrences that are cancelled (series status or an override with status
   * "cancelled"; EXDATEs are never yielded). Views show them struck through; counts of
   * meetings held leave them out. */
  BB_RECURRENCE_EXPAND_WITH_CANCELLED = 1 << 0,
  /* Stop at the first occurrence found (not necessarily the earliest): for "is there any
   * in the range?" without making them all. */
  BB_RECURRENCE_EXPAND_ANY            = 1 << 1,
} BbRecurrenceExpandFlags;

/* The occurrences of event that overlap [from, to) — start < to and end > from, or start ≥
 * from for those without duration — in order of their actual start: the RRULE's dates
 * (the 5th weekday a month lacks is skipped, RFC 5545), minus EXDATEs, with overrides
 * (an array of BbEventOverride of this event, may be NULL) applied: a moved occurrence is
 * found at its new time, also if its original time lies outside the range. from and to are
 * store times or dates ("2026-03-01" means 00:00). A single event yields itself if it
 * overlaps. Returns a GPtrArray of BbOccurrence, or NULL with an error (RRULE unreadable,
 * more than BB_RECURRENCE_MAX_OCCURRENCES in the range). */
GPtrArray *bb_recurrence_expand        (BbEvent                *event,
                                        GPtrArray              *overrides,
                                        const char             *from,
                                        const char             *to,
                                        BbRecurrenceExpandFlags flags,
                                        GError                **error);

/* TRUE if recurrence_id (an original start) is one of the RRULE's occurrences of event,
 * EXDATEs ignored. */
gboolean   bb_recurrence_is_occurrence (BbEvent                *event,
                                        const char             *recurrence_id);

/* "This and following": the parts of a split of event at the occurrence recurrence_id.
 * *old_rrule is the event's rule ending with UNTIL on the day before (COUNT becomes UNTIL);
 * *new_rrule the rule for the new series starting at recurrence_id (a COUNT is reduced by
 * the occurrences before). The store does the writing: bb_store_split_event(). */
gboolean   bb_recurrence_split         (BbEvent                *event,
                                        const char             *recurrence_id,
                                        char                  **old_rrule,
                                        char                  **new_rrule,
                                        GError                **error);

/* Helpers on store times. */
/* Parses "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD" (then *hour = *minute = -1). */
gboolean   bb_recurrence_parse_time    (const char             *text,
                                        GDate                  *date,
                                        int                    *hour,
                                        int                    *minute);
/* The length of event: minutes from its start to its end, days for an all-day event; 0 if
 * either is not a store time. */
gint64     bb_recurrence_event_duration (BbEvent               *event);
/* Adds minutes to a store time (days for a date), keeping the form; NULL if text is no store
 * time or the result falls outside the years 1 to 9999. */
char      *bb_recurrence_time_add      (const char             *text,
                                        gint64                  minutes);

G_END_DECLS
