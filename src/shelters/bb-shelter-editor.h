/* bb-shelter-editor.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-editor.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_SHELTER_EDITOR (bb_shelter_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbShelterEditor, bb_shelter_editor, BB, SHELTER_EDITOR, BbEditorWindow)

/* A modal window that creates a shelter (shelter_id 0) or edits one. It checks what is typed
 * and shows what is wrong next to the field; Save writes in one transaction, shows "Saved" over
 * the parent window and emits "saved" (gint64 id). */
BbShelterEditor *bb_shelter_editor_new        (GtkWindow       *parent,
                                               BbStore         *store,
                                               gint64           shelter_id);
/* Prepares closing the shelter: status "closed" and today as closing date if none is set. */
void             bb_shelter_editor_prepare_close (BbShelterEditor *self);
/* TRUE if what is typed can be saved (warnings allowed). */
gboolean         bb_shelter_editor_is_valid   (BbShelterEditor *self);
/* Checks everything, shows every message and saves if valid; FALSE if nothing was saved. */
gboolean         bb_shelter_editor_save       (BbShelterEditor *self);

G_END_DECLS
