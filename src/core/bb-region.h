/* bb-region.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-record.h"

G_BEGIN_DECLS

#define BB_TYPE_REGION (bb_region_get_type ())

G_DECLARE_FINAL_TYPE (BbRegion, bb_region, BB, REGION, BbRecord)

BbRegion *bb_region_new (void);

const char * bb_region_get_name (BbRegion *self);
void         bb_region_set_name (BbRegion *self,
                                 const char *value);

G_END_DECLS
