/* bb-network-editor-util.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

/* What the network's editors (person, organisation, relation) share, in the same pattern as the
 * shelter editor: a message in the row below a field (hidden when fine), the field marked with
 * the "error" style class while it is wrong. */
void       _bb_editor_set_message      (GtkWidget   *field_row,
                                        GtkLabel    *message,
                                        const char  *text);
/* The trimmed text of an entry row, NULL if empty. */
char      *_bb_editor_dup_text         (AdwEntryRow *row);
void       _bb_editor_set_text         (AdwEntryRow *row,
                                        const char  *text);
/* The trimmed text of a text view, NULL if empty. */
char      *_bb_editor_dup_notes        (GtkTextView *view);
/* A combo row over the labels of a code set, with a first entry "None" if with_none. */
void       _bb_editor_setup_codes      (AdwComboRow *row,
                                        int          set,
                                        gboolean     with_none);
/* Asks whether to discard unsaved changes; destroys window on yes. */
void       _bb_editor_confirm_discard  (GtkWindow   *window,
                                        const char  *body,
                                        gboolean    *dirty);
/* Explains a failed save in a dialog over window. */
void       _bb_editor_show_error       (GtkWindow   *window,
                                        BbStore     *store,
                                        const char  *heading,
                                        GError      *error);
/* "Saved" over the editor's parent window. */
void       _bb_editor_toast_saved      (GtkWindow   *window);

G_END_DECLS
