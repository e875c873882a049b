/* bb-district.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_DISTRICT (bb_district_get_type ())

G_DECLARE_FINAL_TYPE (BbDistrict, bb_district, BB, DISTRICT, BbRecord)

BbDistrict *bb_district_new (void);

const char * bb_district_get_name (BbDistrict *self);
void         bb_district_set_name (BbDistrict *self,
                                   const char *value);
gint64       bb_district_get_region_id (BbDistrict *self);
void         bb_district_set_region_id (BbDistrict *self,
                                        gint64 value);

G_END_DECLS
