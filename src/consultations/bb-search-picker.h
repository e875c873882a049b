/* bb-search-picker.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_SEARCH_PICKER (bb_search_picker_get_type ())

G_DECLARE_FINAL_TYPE (BbSearchPicker, bb_search_picker, BB, SEARCH_PICKER, GtkPopover)

/* A popover to choose one shelter or person among any number: a search entry and the matches
 * of the full-text search (names first), so that it stays quick on a large database. Choosing
 * one closes the popover and emits "picked" (gint64 id). */
BbSearchPicker *bb_search_picker_new          (GType           record_type);
void            bb_search_picker_set_store    (BbSearchPicker *self,
                                               BbStore        *store);
GtkEditable    *bb_search_picker_get_entry    (BbSearchPicker *self);
/* The ids of the rows shown now, in order (for tests). */
GArray         *bb_search_picker_dup_shown    (BbSearchPicker *self);
/* Picks the row at position as if it was clicked; FALSE if there is none. */
gboolean        bb_search_picker_pick_row     (BbSearchPicker *self,
                                               guint           position);

G_END_DECLS
