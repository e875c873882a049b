/* bb-shelter.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_SHELTER (bb_shelter_get_type ())

G_DECLARE_FINAL_TYPE (BbShelter, bb_shelter, BB, SHELTER, BbRecord)

BbShelter *bb_shelter_new (void);

const char * bb_shelter_get_name (BbShelter *self);
void         bb_shelter_set_name (BbShelter *self,
                                  const char *value);
const char * bb_shelter_get_kind (BbShelter *self);
void         bb_shelter_set_kind (BbShelter *self,
                                  const char *value);
gint64       bb_shelter_get_operator_id (BbShelter *self);
void         bb_shelter_set_operator_id (BbShelter *self,
                                         gint64 value);
const char * bb_shelter_get_street (BbShelter *self);
void         bb_shelter_set_street (BbShelter *self,
                                    const char *value);
const char * bb_shelter_get_postcode (BbShelter *self);
void         bb_shelter_set_postcode (BbShelter *self,
                                      const char *value);
gint64       bb_shelter_get_district_id (BbShelter *self);
void         bb_shelter_set_district_id (BbShelter *self,
                                         gint64 value);
int          bb_shelter_get_capacity (BbShelter *self);
void         bb_shelter_set_capacity (BbShelter *self,
                                      int value);
int          bb_shelter_get_residents (BbShelter *self);
void         bb_shelter_set_residents (BbShelter *self,
                                       int value);
const char * bb_shelter_get_opened_on (BbShelter *self);
void         bb_shelter_set_opened_on (BbShelter *self,
                                       const char *value);
const char * bb_shelter_get_closed_on (BbShelter *self);
void         bb_shelter_set_closed_on (BbShelter *self,
                                       const char *value);
const char * bb_shelter_get_status (BbShelter *self);
void         bb_shelter_set_status (BbShelter *self,
                                    const char *value);
const char * bb_shelter_get_phone (BbShelter *self);
void         bb_shelter_set_phone (BbShelter *self,
                                   const char *value);
const char * bb_shelter_get_email (BbShelter *self);
void         bb_shelter_set_email (BbShelter *self,
                                   const char *value);
const char * bb_shelter_get_notes (BbShelter *self);
void         bb_shelter_set_notes (BbShelter *self,
                                   const char *value);

G_END_DECLS
