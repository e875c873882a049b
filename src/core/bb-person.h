/* bb-person.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_PERSON (bb_person_get_type ())

G_DECLARE_FINAL_TYPE (BbPerson, bb_person, BB, PERSON, BbRecord)

BbPerson *bb_person_new (void);

const char * bb_person_get_given_name (BbPerson *self);
void         bb_person_set_given_name (BbPerson *self,
                                       const char *value);
const char * bb_person_get_family_name (BbPerson *self);
void         bb_person_set_family_name (BbPerson *self,
                                        const char *value);
const char * bb_person_get_pronouns (BbPerson *self);
void         bb_person_set_pronouns (BbPerson *self,
                                     const char *value);
const char * bb_person_get_function (BbPerson *self);
void         bb_person_set_function (BbPerson *self,
                                     const char *value);
gint64       bb_person_get_organisation_id (BbPerson *self);
void         bb_person_set_organisation_id (BbPerson *self,
                                            gint64 value);
const char * bb_person_get_email (BbPerson *self);
void         bb_person_set_email (BbPerson *self,
                                  const char *value);
const char * bb_person_get_phone (BbPerson *self);
void         bb_person_set_phone (BbPerson *self,
                                  const char *value);
const char * bb_person_get_languages (BbPerson *self);
void         bb_person_set_languages (BbPerson *self,
                                      const char *value);
const char * bb_person_get_notes (BbPerson *self);
void         bb_person_set_notes (BbPerson *self,
                                  const char *value);

G_END_DECLS
