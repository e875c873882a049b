/* bb-relation-editor.h
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

#define BB_TYPE_RELATION_EDITOR (bb_relation_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbRelationEditor, bb_relation_editor, BB, RELATION_EDITOR, BbEditorWindow)

/* A modal window that creates a typed link between two people or organisations (relation_id
 * 0, starting from the record from_type/from_id) or edits one. Both ends are required and must
 * differ; since and until are dates in order. Save writes in one transaction, shows "Saved"
 * over the parent and emits "saved" (gint64 id). */
BbRelationEditor *bb_relation_editor_new  (GtkWindow        *parent,
                                           BbStore          *store,
                                           gint64            relation_id,
                                           GType             from_type,
                                           gint64            from_id);
gboolean          bb_relation_editor_save (BbRelationEditor *self);

G_END_DECLS
