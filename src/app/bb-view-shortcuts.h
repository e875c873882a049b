/* bb-view-shortcuts.h: the keyboard shortcuts of the five views, in one table.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A view's shortcuts (Ctrl+N, Ctrl+E, the calendar's Ctrl+T …) work whenever its page is the
 * one shown, wherever the focus is in the window — the view switcher, the header bar, a filter,
 * the list — and never while another page is shown or while a dialog has the focus.
 *
 * How: bb_view_shortcuts_install() gives the view one GtkShortcutController of scope
 * GTK_SHORTCUT_SCOPE_MANAGED, which the window (the view's shortcut manager) runs for a key
 * pressed anywhere in it, after the focused widget had its chance (so typing in an entry keeps
 * its keys). Each shortcut acts only while the view is mapped — the view stack unmaps the pages
 * it hides — and only if the view's action is enabled: a key that the view cannot use now
 * (Ctrl+E with nothing selected) goes on to other handlers instead of being swallowed.
 *
 * The same key may thus mean something else in each view (Ctrl+N: new shelter, person,
 * consultation, event) without a window-level action that asks which view is shown.
 *
 * Keys that act on what has the focus stay bindings of the widget that has it: Delete on a
 * view's list and detail, the arrows and Page Up/Down of the month, the keys of the network
 * picture and of the search.
 *
 * The table is also what the shortcuts window (ui/gtk/help-overlay.ui) must list;
 * tests/test-keyboard-ui.c compares the two. */
typedef struct
{
  const char *view;     /* the page name in the window's view stack, e.g. "calendar" */
  const char *accel;    /* in the syntax of gtk_accelerator_parse(), e.g. "<Control>t" */
  const char *action;   /* an action of the view, e.g. "calendar.today" */
} BbViewShortcut;

/* The shortcuts of every view (n_shortcuts: their number). */
const BbViewShortcut *bb_view_shortcuts_get     (guint      *n_shortcuts);
/* Makes the shortcuts of the table for page view_name work on view (see above). */
void                  bb_view_shortcuts_install (GtkWidget  *view,
                                                 const char *view_name);

G_END_DECLS
