/* bb-organisation-editor.h
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

#define BB_TYPE_ORGANISATION_EDITOR (bb_organisation_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbOrganisationEditor, bb_organisation_editor, BB, ORGANISATION_EDITOR,
                      BbEditorWindow)

/* A modal window that creates an organisation (organisation_id 0) or edits one. It shows what
 * is wrong next to the field; Save writes in one transaction, shows "Saved" over the parent and
 * emits "saved" (gint64 id). */
BbOrganisationEditor *bb_organisation_editor_new  (GtkWindow            *parent,
                                                   BbStore              *store,
                                                   gint64                organisation_id);
/* Checks everything, shows every message and saves if valid; FALSE if nothing was saved. */
gboolean              bb_organisation_editor_save (BbOrganisationEditor *self);

G_END_DECLS
