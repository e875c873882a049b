/* bb-contrast.h: what custom-drawn widgets draw faintly, drawn stronger in high contrast.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month view and the network graph draw grid lines, links and secondary text in the
 * foreground colour at a low opacity, as libadwaita dims labels and borders. In its
 * high-contrast style libadwaita draws those nearly opaque, and so must we: every such opacity
 * goes through bb_contrast_opacity(). Tints behind text or bars (a selected day, a label's
 * backdrop, a bar chart's track) do not: stronger, they would compete with what they carry. A
 * widget that draws this way calls bb_contrast_redraw_on_change() once, so that it follows a
 * change of the style.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* opacity itself, or in high contrast half the way from it to opaque (0.12 → 0.56). */
float bb_contrast_opacity           (float      opacity);
/* Redraws widget whenever high contrast is switched on or off, for as long as it lives. */
void  bb_contrast_redraw_on_change  (GtkWidget *widget);

G_END_DECLS
