/* bb-accessible-part.h: one part of a widget that draws itself, for assistive technology.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no accessible objects other than widgets, so a widget that draws its parts (the
 * days of the month view, the people and organisations of the network picture) gives each part
 * a child of this class: it draws nothing and takes no pointer input (the parent draws and
 * handles clicks), but it has an accessible role and name, can hold the keyboard focus, and is
 * allocated where its part is drawn, so that a screen reader announces the part that has the
 * focus and can walk through all of them. The parent sets the role at construction, the name
 * with gtk_accessible_update_property() and moves the focus between its parts itself.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BB_TYPE_ACCESSIBLE_PART (bb_accessible_part_get_type ())

G_DECLARE_FINAL_TYPE (BbAccessiblePart, bb_accessible_part, BB, ACCESSIBLE_PART, GtkWidget)

GtkWidget *bb_accessible_part_new (GtkAccessibleRole role);

G_END_DECLS
