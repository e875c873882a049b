/* bb-search-popover.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_SEARCH_POPOVER (bb_search_popover_get_type ())

G_DECLARE_FINAL_TYPE (BbSearchPopover, bb_search_popover, BB, SEARCH_POPOVER, GtkPopover)

/* The global search: an entry and the hits of bb_store_search as the user types. Activating a
 * hit closes the popover and emits "show-record" (GType type, gint64 id). */
BbSearchPopover *bb_search_popover_new          (void);
BbStore         *bb_search_popover_get_store    (BbSearchPopover *self);
void             bb_search_popover_set_store    (BbSearchPopover *self,
                                                 BbStore         *store);
GtkEditable     *bb_search_popover_get_entry    (BbSearchPopover *self);
GtkListView     *bb_search_popover_get_list_view (BbSearchPopover *self);
/* The current hits (BbSearchHit), in the order shown. */
GListModel      *bb_search_popover_get_results  (BbSearchPopover *self);

/* The German-translatable name of a record type as shown beside a hit, e.g. "Shelter". */
const char      *bb_search_popover_kind_label   (GType            type);

/* A search snippet as Pango markup: the text escaped, the matches (between U+0002 and U+0003)
 * in bold. */
char            *bb_search_popover_snippet_markup (const char     *snippet);

G_END_DECLS
