/* bb-shelter-editor-private.h: what the tests reach inside the shelter editor.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-shelter-editor.h"

G_BEGIN_DECLS

/* A widget of the template by its id, e.g. "postcode_row" or "postcode_message". */
GtkWidget *_bb_shelter_editor_get_widget (BbShelterEditor *self,
                                          const char      *id);

G_END_DECLS
