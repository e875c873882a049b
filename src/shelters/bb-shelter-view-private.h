/* bb-shelter-view-private.h: what the tests reach inside the shelters view.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-shelter-view.h"

G_BEGIN_DECLS

GListModel      *_bb_shelter_view_get_model             (BbShelterView *self);
GtkEditable     *_bb_shelter_view_get_search_entry      (BbShelterView *self);
GtkDropDown     *_bb_shelter_view_get_status_dropdown   (BbShelterView *self);
GtkToggleButton *_bb_shelter_view_get_no_contact_button (BbShelterView *self);

G_END_DECLS
