/* bb-window.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_WINDOW (bb_window_get_type ())

G_DECLARE_FINAL_TYPE (BbWindow, bb_window, BB, WINDOW, AdwApplicationWindow)

BbWindow   *bb_window_new            (BbApplication *application,
                                      BbStore       *store);
BbStore    *bb_window_get_store      (BbWindow      *self);
/* Shows the database in every view, the welcome page if it is new and empty, and the demo bar
 * if it holds demo data. */
void        bb_window_set_store      (BbWindow      *self,
                                      BbStore       *store);
/* Switches to the view that owns type and shows the record there; FALSE if it is not found. */
gboolean    bb_window_show_record    (BbWindow      *self,
                                      GType          type,
                                      gint64         id);
/* Puts the focus into the view shown: its list, or its first control. */
void        bb_window_focus_view     (BbWindow      *self);
/* The name of the view ("shelters", "network", "consultations", "calendar") that shows records
 * of type, or NULL. */
const char *bb_window_view_for_type  (GType          type);
/* Shows a toast over the window; takes ownership of toast, as adw_toast_overlay_add_toast. */
void        bb_window_add_toast      (BbWindow      *self,
                                      AdwToast      *toast);
/* Shows a toast over the window that widget is in, or over the window a dialog containing
 * widget is transient for. */
void        bb_widget_add_toast      (GtkWidget     *widget,
                                      AdwToast      *toast);
/* "title" with an Undo button over the window of widget; Undo reverts undo (from
 * bb_store_delete_undoable() or the like) in store, and says why if it cannot. */
void        bb_widget_add_undo_toast (GtkWidget     *widget,
                                      BbStore       *store,
                                      const char    *title,
                                      GBytes        *undo);
/* Why a write to store failed (bb_application_describe_store_error()), in a dialog over the
 * window of widget: all of it, where a toast would cut it short in a narrow window. heading
 * says what did not happen. */
void        bb_widget_show_store_error (GtkWidget    *widget,
                                        const char   *heading,
                                        BbStore      *store,
                                        const GError *error);
/* A question before something that cannot be undone, transient for parent: "Cancel" (the
 * default, also for Escape) and the destructive answer response, labelled label. Not yet
 * presented. */
AdwMessageDialog *bb_destructive_dialog_new (GtkWindow  *parent,
                                             const char *heading,
                                             const char *body,
                                             const char *response,
                                             const char *label);

G_END_DECLS
