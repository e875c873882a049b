/* bb-event-override.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_EVENT_OVERRIDE (bb_event_override_get_type ())

G_DECLARE_FINAL_TYPE (BbEventOverride, bb_event_override, BB, EVENT_OVERRIDE, BbRecord)

BbEventOverride *bb_event_override_new (void);

gint64       bb_event_override_get_event_id (BbEventOverride *self);
void         bb_event_override_set_event_id (BbEventOverride *self,
                                             gint64 value);
const char * bb_event_override_get_recurrence_id (BbEventOverride *self);
void         bb_event_override_set_recurrence_id (BbEventOverride *self,
                                                  const char *value);
const char * bb_event_override_get_starts_at (BbEventOverride *self);
void         bb_event_override_set_starts_at (BbEventOverride *self,
                                              const char *value);
const char * bb_event_override_get_ends_at (BbEventOverride *self);
void         bb_event_override_set_ends_at (BbEventOverride *self,
                                            const char *value);
const char * bb_event_override_get_title (BbEventOverride *self);
void         bb_event_override_set_title (BbEventOverride *self,
                                          const char *value);
const char * bb_event_override_get_location (BbEventOverride *self);
void         bb_event_override_set_location (BbEventOverride *self,
                                             const char *value);
const char * bb_event_override_get_status (BbEventOverride *self);
void         bb_event_override_set_status (BbEventOverride *self,
                                           const char *value);

G_END_DECLS
