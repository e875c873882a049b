/* bb-accessibility.h: what GTK 4.8 leaves unnamed for assistive technology, named.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown takes the keyboard focus in a toggle button inside it, which GTK 4.8 leaves
 * without a name: a screen reader says "GtkToggleButton"; it is named after the labels that
 * point at the drop-down with a mnemonic, or where there are none, after the drop-down's
 * accessible label (set in the template). A button with a mnemonic is named by its raw label
 * and by its label ("_Save Save"), a tab of a GtkStackSwitcher and the stack's page itself
 * by the page's raw title ("_People"): they are named by their label's text, the pages by
 * their title without the underscore.
 *
 * bb_accessibility_init() does this for every widget when it is realized, and for a window's
 * whole tree when the window is. Call it once, at start-up. tests/test-a11y.py checks the
 * result in the accessible tree.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bb_accessibility_init (void);

G_END_DECLS
