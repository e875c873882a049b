/* bb-person-shelter.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_PERSON_SHELTER (bb_person_shelter_get_type ())

G_DECLARE_FINAL_TYPE (BbPersonShelter, bb_person_shelter, BB, PERSON_SHELTER, BbRecord)

BbPersonShelter *bb_person_shelter_new (void);

gint64       bb_person_shelter_get_person_id (BbPersonShelter *self);
void         bb_person_shelter_set_person_id (BbPersonShelter *self,
                                              gint64 value);
gint64       bb_person_shelter_get_shelter_id (BbPersonShelter *self);
void         bb_person_shelter_set_shelter_id (BbPersonShelter *self,
                                               gint64 value);
const char * bb_person_shelter_get_role (BbPersonShelter *self);
void         bb_person_shelter_set_role (BbPersonShelter *self,
                                         const char *value);
const char * bb_person_shelter_get_since (BbPersonShelter *self);
void         bb_person_shelter_set_since (BbPersonShelter *self,
                                          const char *value);
const char * bb_person_shelter_get_until (BbPersonShelter *self);
void         bb_person_shelter_set_until (BbPersonShelter *self,
                                          const char *value);

G_END_DECLS
