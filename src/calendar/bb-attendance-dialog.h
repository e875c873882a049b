/* bb-attendance-dialog.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-calendar-entry.h"

G_BEGIN_DECLS

#define BB_TYPE_ATTENDANCE_DIALOG (bb_attendance_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BbAttendanceDialog, bb_attendance_dialog, BB, ATTENDANCE_DIALOG, AdwWindow)

/* After a meeting: for each invited person (directly or through a shelter) attended, excused
 * or absent at this occurrence, and the minutes (Protokoll) of this occurrence. Saved in one
 * transaction. */
GtkWidget       *bb_attendance_dialog_new        (GtkWidget          *parent,
                                                  BbStore            *store,
                                                  BbCalendarEntry    *entry);
/* The toggle of person_id for status ("attended", "excused", "absent"), or NULL. */
GtkToggleButton *bb_attendance_dialog_get_toggle (BbAttendanceDialog *self,
                                                  gint64              person_id,
                                                  const char         *status);
GtkTextView     *bb_attendance_dialog_get_minutes_view (BbAttendanceDialog *self);
gboolean         bb_attendance_dialog_save       (BbAttendanceDialog *self);

G_END_DECLS
