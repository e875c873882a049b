/* bb-accessible-part.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-accessible-part"

#include "config.h"

#include "bb-accessible-part.h"

struct _BbAccessiblePart
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BbAccessiblePart, bb_accessible_part, GTK_TYPE_WIDGET)

static void
bb_accessible_part_class_init (BbAccessiblePartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "bb-accessible-part");
}

static void
bb_accessible_part_init (BbAccessiblePart *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* Clicks go to the parent, which knows what is drawn where. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bb_accessible_part_new (GtkAccessibleRole role)
{
  return g_object_new (BB_TYPE_ACCESSIBLE_PART, "accessible-role", role, NULL);
}
