/* bb-accessibility.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-accessibility"

#include "config.h"

#include "bb-accessibility.h"

static void
name_drop_down_button (GtkDropDown *drop_down)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  g_autoptr(GList) labels = NULL;
  GValue value = G_VALUE_INIT;

  /* The button is GTK's own: leave anything else alone. */
  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;

  /* GTK 4.8 names the button after the labels it is labelled by, or after their type name
   * where they have no label: the drop-down's mnemonic labels if it has some, else the
   * drop-down, which then has its accessible label from the template. */
  labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (drop_down));
  if (labels == NULL)
    labels = g_list_prepend (labels, drop_down);
  gtk_accessible_relation_init_value (GTK_ACCESSIBLE_RELATION_LABELLED_BY, &value);
  g_value_set_pointer (&value, g_list_copy (labels));
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (button), 1,
                                        (GtkAccessibleRelation[]) { GTK_ACCESSIBLE_RELATION_LABELLED_BY },
                                        &value);
  g_value_unset (&value);
}

static gboolean
on_realize (GSignalInvocationHint *hint,
            guint                  n_params,
            const GValue          *params,
            gpointer               data)
{
  GObject *widget = g_value_get_object (&params[0]);

  if (GTK_IS_DROP_DOWN (widget))
    name_drop_down_button (GTK_DROP_DOWN (widget));

  return TRUE;
}

void
bb_accessibility_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* The class holds the signal once it exists. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_DROP_DOWN));
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_realize, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}
