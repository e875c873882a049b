/* bb-event.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_EVENT (bb_event_get_type ())

G_DECLARE_FINAL_TYPE (BbEvent, bb_event, BB, EVENT, BbRecord)

BbEvent *bb_event_new (void);

const char * bb_event_get_uid (BbEvent *self);
void         bb_event_set_uid (BbEvent *self,
                               const char *value);
int          bb_event_get_sequence (BbEvent *self);
void         bb_event_set_sequence (BbEvent *self,
                                    int value);
const char * bb_event_get_kind (BbEvent *self);
void         bb_event_set_kind (BbEvent *self,
                                const char *value);
gint64       bb_event_get_region_id (BbEvent *self);
void         bb_event_set_region_id (BbEvent *self,
                                     gint64 value);
const char * bb_event_get_title (BbEvent *self);
void         bb_event_set_title (BbEvent *self,
                                 const char *value);
const char * bb_event_get_starts_at (BbEvent *self);
void         bb_event_set_starts_at (BbEvent *self,
                                     const char *value);
const char * bb_event_get_ends_at (BbEvent *self);
void         bb_event_set_ends_at (BbEvent *self,
                                   const char *value);
gboolean     bb_event_get_all_day (BbEvent *self);
void         bb_event_set_all_day (BbEvent *self,
                                   gboolean value);
const char * bb_event_get_location (BbEvent *self);
void         bb_event_set_location (BbEvent *self,
                                    const char *value);
const char * bb_event_get_online_url (BbEvent *self);
void         bb_event_set_online_url (BbEvent *self,
                                      const char *value);
const char * bb_event_get_description (BbEvent *self);
void         bb_event_set_description (BbEvent *self,
                                       const char *value);
const char * bb_event_get_status (BbEvent *self);
void         bb_event_set_status (BbEvent *self,
                                  const char *value);
gint64       bb_event_get_organiser_id (BbEvent *self);
void         bb_event_set_organiser_id (BbEvent *self,
                                        gint64 value);
const char * bb_event_get_rrule (BbEvent *self);
void         bb_event_set_rrule (BbEvent *self,
                                 const char *value);
const char * bb_event_get_exdates (BbEvent *self);
void         bb_event_set_exdates (BbEvent *self,
                                   const char *value);

G_END_DECLS
