/* bb-person-editor.h
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

#define BB_TYPE_PERSON_EDITOR (bb_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbPersonEditor, bb_person_editor, BB, PERSON_EDITOR, BbEditorWindow)

/* A modal window that creates a person (person_id 0) or edits one: names, organisation,
 * contact and their roles in shelters. It shows what is wrong next to the field; Save writes
 * the person and the added and removed roles in one transaction, shows "Saved" over the parent
 * and emits "saved" (gint64 id). */
BbPersonEditor *bb_person_editor_new   (GtkWindow      *parent,
                                        BbStore        *store,
                                        gint64          person_id);
/* Preselects the organisation of a new person. */
void            bb_person_editor_set_organisation (BbPersonEditor *self,
                                                   gint64          organisation_id);
/* Checks everything, shows every message and saves if valid; FALSE if nothing was saved. */
gboolean        bb_person_editor_save  (BbPersonEditor *self);

G_END_DECLS
