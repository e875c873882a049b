/* bb-window-private.h: what the tests reach inside the window.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-search-popover.h"
#include "bb-window.h"

G_BEGIN_DECLS

AdwViewStack    *_bb_window_get_view_stack     (BbWindow   *self);
/* The view of page name, filled with the store first (as when its page is first shown). */
GtkWidget       *_bb_window_get_view           (BbWindow   *self,
                                                const char *name);
BbSearchPopover *_bb_window_get_search_popover (BbWindow   *self);
/* "welcome" or "views" */
const char      *_bb_window_get_page           (BbWindow   *self);
gboolean         _bb_window_get_demo_bar_shown (BbWindow   *self);
/* Shows the page, bars and actions that the database calls for, e.g. after a restore. */
void             _bb_window_update             (BbWindow   *self);
/* TRUE while demo data is being generated. */
gboolean         _bb_window_get_busy           (BbWindow   *self);
/* Demo data of this size and date instead of scale 1 and today, so tests stay fast and stable. */
void             _bb_window_set_demo_options   (BbWindow   *self,
                                                double      scale,
                                                GDate      *reference_date);

G_END_DECLS
