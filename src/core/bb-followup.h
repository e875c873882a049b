/* bb-followup.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_FOLLOWUP (bb_followup_get_type ())

G_DECLARE_FINAL_TYPE (BbFollowup, bb_followup, BB, FOLLOWUP, BbRecord)

BbFollowup *bb_followup_new (void);

gint64       bb_followup_get_consultation_id (BbFollowup *self);
void         bb_followup_set_consultation_id (BbFollowup *self,
                                              gint64 value);
const char * bb_followup_get_text (BbFollowup *self);
void         bb_followup_set_text (BbFollowup *self,
                                   const char *value);
const char * bb_followup_get_due_on (BbFollowup *self);
void         bb_followup_set_due_on (BbFollowup *self,
                                     const char *value);
const char * bb_followup_get_done_on (BbFollowup *self);
void         bb_followup_set_done_on (BbFollowup *self,
                                      const char *value);

G_END_DECLS
