/* bb-consultation.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_CONSULTATION (bb_consultation_get_type ())

G_DECLARE_FINAL_TYPE (BbConsultation, bb_consultation, BB, CONSULTATION, BbRecord)

BbConsultation *bb_consultation_new (void);

const char * bb_consultation_get_started_at (BbConsultation *self);
void         bb_consultation_set_started_at (BbConsultation *self,
                                             const char *value);
int          bb_consultation_get_duration_minutes (BbConsultation *self);
void         bb_consultation_set_duration_minutes (BbConsultation *self,
                                                   int value);
const char * bb_consultation_get_format (BbConsultation *self);
void         bb_consultation_set_format (BbConsultation *self,
                                         const char *value);
gint64       bb_consultation_get_region_id (BbConsultation *self);
void         bb_consultation_set_region_id (BbConsultation *self,
                                            gint64 value);
gint64       bb_consultation_get_shelter_id (BbConsultation *self);
void         bb_consultation_set_shelter_id (BbConsultation *self,
                                             gint64 value);
const char * bb_consultation_get_former_shelter_name (BbConsultation *self);
void         bb_consultation_set_former_shelter_name (BbConsultation *self,
                                                      const char *value);
const char * bb_consultation_get_author (BbConsultation *self);
void         bb_consultation_set_author (BbConsultation *self,
                                         const char *value);
const char * bb_consultation_get_notes (BbConsultation *self);
void         bb_consultation_set_notes (BbConsultation *self,
                                        const char *value);

G_END_DECLS
