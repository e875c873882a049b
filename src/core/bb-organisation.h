/* bb-organisation.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_ORGANISATION (bb_organisation_get_type ())

G_DECLARE_FINAL_TYPE (BbOrganisation, bb_organisation, BB, ORGANISATION, BbRecord)

BbOrganisation *bb_organisation_new (void);

const char * bb_organisation_get_name (BbOrganisation *self);
void         bb_organisation_set_name (BbOrganisation *self,
                                       const char *value);
const char * bb_organisation_get_kind (BbOrganisation *self);
void         bb_organisation_set_kind (BbOrganisation *self,
                                       const char *value);
const char * bb_organisation_get_street (BbOrganisation *self);
void         bb_organisation_set_street (BbOrganisation *self,
                                         const char *value);
const char * bb_organisation_get_postcode (BbOrganisation *self);
void         bb_organisation_set_postcode (BbOrganisation *self,
                                           const char *value);
const char * bb_organisation_get_city (BbOrganisation *self);
void         bb_organisation_set_city (BbOrganisation *self,
                                       const char *value);
gint64       bb_organisation_get_district_id (BbOrganisation *self);
void         bb_organisation_set_district_id (BbOrganisation *self,
                                              gint64 value);
const char * bb_organisation_get_phone (BbOrganisation *self);
void         bb_organisation_set_phone (BbOrganisation *self,
                                        const char *value);
const char * bb_organisation_get_email (BbOrganisation *self);
void         bb_organisation_set_email (BbOrganisation *self,
                                        const char *value);
const char * bb_organisation_get_web (BbOrganisation *self);
void         bb_organisation_set_web (BbOrganisation *self,
                                      const char *value);
const char * bb_organisation_get_notes (BbOrganisation *self);
void         bb_organisation_set_notes (BbOrganisation *self,
                                        const char *value);

G_END_DECLS
