/* bb-calendar-view-private.h: what the calendar's own dialogs and its tests reach into.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-calendar-entry.h"
#include "bb-calendar-view.h"
#include "bb-month-view.h"

G_BEGIN_DECLS

BbMonthView     *_bb_calendar_view_get_month_view    (BbCalendarView  *self);
/* The agenda's entries (BbCalendarEntry): the coming year's occurrences. */
GListModel      *_bb_calendar_view_get_agenda        (BbCalendarView  *self);
void             _bb_calendar_view_show_entry        (BbCalendarView  *self,
                                                      BbCalendarEntry *entry);
/* The entry shown in the detail pane, or NULL while a day is shown. */
BbCalendarEntry *_bb_calendar_view_get_current       (BbCalendarView  *self);
/* Opens the editor for a new event on the selected day and returns it. */
GtkWidget       *_bb_calendar_view_new_event         (BbCalendarView  *self);
/* Cancels the current occurrence (as an EXDATE), with an Undo toast. */
gboolean         _bb_calendar_view_cancel_occurrence (BbCalendarView  *self,
                                                      GError         **error);

G_END_DECLS
