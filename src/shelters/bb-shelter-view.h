/* bb-shelter-view.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_SHELTER_VIEW (bb_shelter_view_get_type ())

G_DECLARE_FINAL_TYPE (BbShelterView, bb_shelter_view, BB, SHELTER_VIEW, AdwBin)

/* The shelters (Unterkünfte) beside the detail of one. Emits
 * "show-record" (GType, gint64) when a link to a record of another view is activated. */
void       bb_shelter_view_set_store   (BbShelterView *self,
                                        BbStore       *store);
BbStore   *bb_shelter_view_get_store   (BbShelterView *self);
/* Selects the shelter id (type must be BB_TYPE_SHELTER) and shows it; FALSE if it is not listed. */
gboolean   bb_shelter_view_show_record (BbShelterView *self,
                                        GType          type,
                                        gint64         id);
BbRecord  *bb_shelter_view_get_selected (BbShelterView *self);
guint      bb_shelter_view_get_n_items  (BbShelterView *self);

G_END_DECLS
