/* bb-attendance.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_ATTENDANCE (bb_attendance_get_type ())

G_DECLARE_FINAL_TYPE (BbAttendance, bb_attendance, BB, ATTENDANCE, BbRecord)

BbAttendance *bb_attendance_new (void);

gint64       bb_attendance_get_event_id (BbAttendance *self);
void         bb_attendance_set_event_id (BbAttendance *self,
                                         gint64 value);
const char * bb_attendance_get_occurrence (BbAttendance *self);
void         bb_attendance_set_occurrence (BbAttendance *self,
                                           const char *value);
gint64       bb_attendance_get_person_id (BbAttendance *self);
void         bb_attendance_set_person_id (BbAttendance *self,
                                          gint64 value);
const char * bb_attendance_get_status (BbAttendance *self);
void         bb_attendance_set_status (BbAttendance *self,
                                       const char *value);

G_END_DECLS
