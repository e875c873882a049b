/* bb-relation.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_RELATION (bb_relation_get_type ())

G_DECLARE_FINAL_TYPE (BbRelation, bb_relation, BB, RELATION, BbRecord)

BbRelation *bb_relation_new (void);

gint64       bb_relation_get_from_person_id (BbRelation *self);
void         bb_relation_set_from_person_id (BbRelation *self,
                                             gint64 value);
gint64       bb_relation_get_from_organisation_id (BbRelation *self);
void         bb_relation_set_from_organisation_id (BbRelation *self,
                                                   gint64 value);
gint64       bb_relation_get_to_person_id (BbRelation *self);
void         bb_relation_set_to_person_id (BbRelation *self,
                                           gint64 value);
gint64       bb_relation_get_to_organisation_id (BbRelation *self);
void         bb_relation_set_to_organisation_id (BbRelation *self,
                                                 gint64 value);
const char * bb_relation_get_kind (BbRelation *self);
void         bb_relation_set_kind (BbRelation *self,
                                   const char *value);
const char * bb_relation_get_since (BbRelation *self);
void         bb_relation_set_since (BbRelation *self,
                                    const char *value);
const char * bb_relation_get_until (BbRelation *self);
void         bb_relation_set_until (BbRelation *self,
                                    const char *value);
const char * bb_relation_get_note (BbRelation *self);
void         bb_relation_set_note (BbRelation *self,
                                   const char *value);

G_END_DECLS
