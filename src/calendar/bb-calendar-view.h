/* bb-calendar-view.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_CALENDAR_VIEW (bb_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (BbCalendarView, bb_calendar_view, BB, CALENDAR_VIEW, AdwBin)

/* The events (Kalender) as an agenda beside the detail of one. Emits
 * "show-record" (GType, gint64) when a link to a record of another view is activated. */
void       bb_calendar_view_set_store   (BbCalendarView *self,
                                        BbStore       *store);
BbStore   *bb_calendar_view_get_store   (BbCalendarView *self);
/* Selects the event id (type must be BB_TYPE_EVENT) and shows it; FALSE if it is not listed. */
gboolean   bb_calendar_view_show_record (BbCalendarView *self,
                                        GType          type,
                                        gint64         id);
BbRecord  *bb_calendar_view_get_selected (BbCalendarView *self);
guint      bb_calendar_view_get_n_items  (BbCalendarView *self);

G_END_DECLS
