/* bb-preferences-window.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_PREFERENCES_WINDOW (bb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BbPreferencesWindow, bb_preferences_window, BB, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The default region and the author's name, written to GSettings as soon as they change. The
 * regions come from store. */
BbPreferencesWindow *bb_preferences_window_new             (GtkWindow           *parent,
                                                            BbStore             *store);
BbStore             *bb_preferences_window_get_store       (BbPreferencesWindow *self);

/* For the tests. */
AdwComboRow         *_bb_preferences_window_get_region_row (BbPreferencesWindow *self);
AdwEntryRow         *_bb_preferences_window_get_author_row (BbPreferencesWindow *self);

G_END_DECLS
