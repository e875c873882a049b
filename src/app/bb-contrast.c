/* bb-contrast.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-contrast"

#include "config.h"

#include <adwaita.h>

#include "bb-contrast.h"

float
bb_contrast_opacity (float opacity)
{
  if (!adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    return opacity;

  return opacity + (1.0f - opacity) / 2.0f;
}

void
bb_contrast_redraw_on_change (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}
