/* bb-view-shortcuts.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-view-shortcuts"

#include "config.h"

#include "bb-view-shortcuts.h"

static const BbViewShortcut view_shortcuts[] = {
  { "shelters", "<Control>n", "shelter-view.new" },
  { "shelters", "<Control>e", "shelter-view.edit" },

  { "network", "<Control>n", "network.new" },
  { "network", "<Control>e", "network.edit" },

  { "consultations", "<Control>n", "consultation-view.new" },
  { "consultations", "<Control>e", "consultation-view.edit" },

  { "calendar", "<Control>n", "calendar.new-event" },
  { "calendar", "<Control>e", "calendar.edit-event" },
  { "calendar", "<Control>t", "calendar.today" },
  { "calendar", "<Control>m", "calendar.show-month" },
  { "calendar", "<Control>l", "calendar.show-agenda" },
  { "calendar", "<Control>i", "calendar.import" },
  { "calendar", "<Shift><Control>e", "calendar.export" },

  { "report", "<Alt>Page_Up", "report.previous" },
  { "report", "<Alt>Page_Down", "report.next" },
};

typedef struct
{
  GtkWidget         *view;     /* not a reference: the view owns the controller */
  GtkShortcutAction *action;
} ShortcutData;

static void
shortcut_data_free (gpointer data)
{
  ShortcutData *shortcut_data = data;

  g_object_unref (shortcut_data->action);
  g_free (shortcut_data);
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  ShortcutData *data = user_data;

  /* widget is the window that runs the managed controllers; the action belongs to the view. */
  if (!gtk_widget_get_mapped (data->view))
    return FALSE;

  /* A named action does nothing and returns FALSE while the action is disabled. */
  return gtk_shortcut_action_activate (data->action, GTK_SHORTCUT_ACTION_EXCLUSIVE, data->view,
                                       NULL);
}

const BbViewShortcut *
bb_view_shortcuts_get (guint *n_shortcuts)
{
  g_return_val_if_fail (n_shortcuts != NULL, NULL);

  *n_shortcuts = G_N_ELEMENTS (view_shortcuts);

  return view_shortcuts;
}

void
bb_view_shortcuts_install (GtkWidget  *view,
                           const char *view_name)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (view_name != NULL);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "bb-view-shortcuts");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);

  for (guint i = 0; i < G_N_ELEMENTS (view_shortcuts); i++)
    {
      ShortcutData *data;
      GtkShortcutTrigger *trigger;

      if (!g_str_equal (view_shortcuts[i].view, view_name))
        continue;

      trigger = gtk_shortcut_trigger_parse_string (view_shortcuts[i].accel);
      g_assert (trigger != NULL);

      data = g_new0 (ShortcutData, 1);
      data->view = view;
      data->action = gtk_named_action_new (view_shortcuts[i].action);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_callback_action_new (shortcut_cb,
                                                                                       data,
                                                                                       shortcut_data_free)));
    }

  gtk_widget_add_controller (view, controller);
}
