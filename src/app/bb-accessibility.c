/* bb-accessibility.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-accessibility"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

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

/* A button with a mnemonic has its raw label as its accessible label and is labelled by its
 * label as well: GTK 4.8 names it "_Save Save". Without the first, it is named "Save". */
static void
name_mnemonic_button (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A tab of a GtkStackSwitcher is named with the page's raw title ("_People"): name it with the
 * text of its label. */
static void
name_stack_switcher_button (GtkWidget *button)
{
  GtkWidget *label = gtk_widget_get_first_child (button);

  if (GTK_IS_LABEL (label))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)),
                                    -1);
}

/* A title with a mnemonic without its underscores: "_People" is "People", "a__b" "a_b". */
static char *
dup_without_mnemonic (const char *title)
{
  GString *text = g_string_sized_new (strlen (title));

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* The pages of a GtkStack are tab panels named with their raw titles ("_People"): name them
 * with the title as shown. GTK names a page again when its title changes; ours do not. */
static void
name_stack_pages (GtkStack *stack)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (stack, child);
      const char *title = page != NULL ? gtk_stack_page_get_title (page) : NULL;
      g_autofree char *text = NULL;

      /* A section of the shortcuts window numbers its pages "_1", "_2". */
      if (title == NULL || !GTK_IS_ACCESSIBLE (page)
          || (!gtk_stack_page_get_use_underline (page)
              && gtk_widget_get_ancestor (GTK_WIDGET (stack), GTK_TYPE_SHORTCUTS_SECTION) == NULL))
        continue;

      text = dup_without_mnemonic (title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* The first label in widget, depth first, or NULL. */
static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static void
name_by_label (GtkWidget *widget,
               GParamSpec *pspec,
               GtkLabel  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (label),
                                  -1);
}

/* The windows GTK and libadwaita make, the about and the shortcuts window, have controls that
 * GTK 4.8 leaves without a name; ours are named in the templates, which this leaves alone. A
 * search entry is named by its placeholder ("Search Shortcuts"), an icon-only button by its
 * tooltip ("Back") or, without one, as what it does (the shortcuts window's search); a
 * button or menu button that holds a label of its own (the version, the section shown) by its
 * text, again when the text changes. */
static void
name_foreign_widget (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkLabel *label;

  if (!ADW_IS_ABOUT_WINDOW (root) && !GTK_IS_SHORTCUTS_WINDOW (root))
    return;

  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
    }
  else if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      const char *icon = gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))));

      if (tooltip == NULL && g_strcmp0 (icon, "edit-find-symbolic") == 0)
        tooltip = _("Search");
      if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  else if ((GTK_IS_MENU_BUTTON (widget)
            || (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL
                && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))))
           && (label = find_label (widget)) != NULL)
    {
      name_by_label (widget, NULL, label);
      /* A widget is met again when it is realized after its window: follow its label once. */
      if (g_signal_handler_find (label, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 name_by_label, widget) == 0)
        g_signal_connect_object (label, "notify::label", G_CALLBACK (name_by_label), widget,
                                 G_CONNECT_SWAPPED);
    }
}

static void
name_widget (GtkWidget *widget)
{
  name_foreign_widget (widget);

  if (GTK_IS_DROP_DOWN (widget))
    name_drop_down_button (GTK_DROP_DOWN (widget));
  else if (GTK_IS_STACK (widget))
    name_stack_pages (GTK_STACK (widget));
  else if (GTK_IS_BUTTON (widget) && GTK_IS_STACK_SWITCHER (gtk_widget_get_parent (widget)))
    name_stack_switcher_button (widget);
  else if (GTK_IS_BUTTON (widget))
    name_mnemonic_button (GTK_BUTTON (widget));
}

static void
name_tree (GtkWidget *widget)
{
  name_widget (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_tree (child);
}

/* A widget is named when it is realized, and a window's whole tree when the window is: the
 * parts it does not show yet (a page of a stack, a revealer) are in the accessible tree too.
 * What a view makes while it is hidden is named when it is shown. */
static gboolean
on_realize (GSignalInvocationHint *hint,
            guint                  n_params,
            const GValue          *params,
            gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_WINDOW (widget))
    name_tree (widget);
  else
    name_widget (widget);

  return TRUE;
}

void
bb_accessibility_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* The class holds the signal once it exists. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_realize, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}
