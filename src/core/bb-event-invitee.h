/* bb-event-invitee.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_EVENT_INVITEE (bb_event_invitee_get_type ())

G_DECLARE_FINAL_TYPE (BbEventInvitee, bb_event_invitee, BB, EVENT_INVITEE, BbRecord)

BbEventInvitee *bb_event_invitee_new (void);

gint64       bb_event_invitee_get_event_id (BbEventInvitee *self);
void         bb_event_invitee_set_event_id (BbEventInvitee *self,
                                            gint64 value);
gint64       bb_event_invitee_get_person_id (BbEventInvitee *self);
void         bb_event_invitee_set_person_id (BbEventInvitee *self,
                                             gint64 value);
gint64       bb_event_invitee_get_shelter_id (BbEventInvitee *self);
void         bb_event_invitee_set_shelter_id (BbEventInvitee *self,
                                              gint64 value);

G_END_DECLS
