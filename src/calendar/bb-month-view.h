/* bb-month-view.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-calendar-entry.h"

G_BEGIN_DECLS

#define BB_TYPE_MONTH_VIEW (bb_month_view_get_type ())

G_DECLARE_FINAL_TYPE (BbMonthView, bb_month_view, BB, MONTH_VIEW, GtkWidget)

/* A month as six weeks of day cells (Monday first) with the entries of each day: time, title
 * and a colour by kind, "+N more" where a cell is full, only coloured dots where cells are
 * narrow. Today is marked; one day is selected. Keys: arrows move the selection by a day or
 * a week, Page Up/Down by a month, Home goes to today, Enter activates the day.
 *
 * The owner fills the entries of the visible range (bb_month_view_dup_range) and fills them
 * again on "range-changed". Signals: "day-activated" (a click on a day or Enter) and
 * "entry-activated" (BbCalendarEntry, a click on an entry). */
GtkWidget  *bb_month_view_new               (void);

void        bb_month_view_set_selected_date (BbMonthView  *self,
                                             const GDate  *date);
void        bb_month_view_get_selected_date (BbMonthView  *self,
                                             GDate        *date);
/* Moves the selection by months, keeping the day where the month has it. */
void        bb_month_view_move_months       (BbMonthView  *self,
                                             int           months);
void        bb_month_view_go_today          (BbMonthView  *self);
/* The visible days as store dates [*from, *to). */
void        bb_month_view_dup_range         (BbMonthView  *self,
                                             char        **from,
                                             char        **to);
/* The month's name and year, e.g. "November 2026". */
char       *bb_month_view_dup_title         (BbMonthView  *self);
/* entries: BbCalendarEntry of the visible range, by start. */
void        bb_month_view_set_entries       (BbMonthView  *self,
                                             GPtrArray    *entries);
/* The entries shown on date, by start (a new array of new references). */
GPtrArray  *bb_month_view_dup_entries_on    (BbMonthView  *self,
                                             const GDate  *date);

G_END_DECLS
