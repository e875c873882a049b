/* bb-accessibility.h: what GTK 4.8 leaves unnamed for assistive technology, named.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown takes the keyboard focus in a toggle button inside it, which GTK 4.8 leaves
 * without a name: a screen reader says "GtkToggleButton". bb_accessibility_init() has every
 * drop-down, when it is realized, name that button after itself: after the labels that point
 * at it with a mnemonic, or where there are none, after its accessible label (set in the
 * template).
 * Call it once, at start-up. tests/test-a11y.py checks the result in the accessible tree.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bb_accessibility_init (void);

G_END_DECLS
