/* bb-browser.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-detail-page.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_BROWSER (bb_browser_get_type ())

G_DECLARE_FINAL_TYPE (BbBrowser, bb_browser, BB, BROWSER, GObject)

/* The title and the dim subtitle line of a list row. */
typedef void (*BbBrowserRowFunc)    (BbRecord      *record,
                                     BbStore       *store,
                                     char         **title,
                                     char         **subtitle,
                                     gpointer       user_data);
/* Fills page with record; refresh is TRUE when the same record is shown again after a change. */
typedef void (*BbBrowserRenderFunc) (BbRecord      *record,
                                     BbStore       *store,
                                     BbDetailPage  *page,
                                     gboolean       refresh,
                                     gpointer       user_data);

/* The behaviour the four views share: lists of records from the store beside a detail pane in
 * a leaflet, the selection that fills the detail pane, the back button of a folded leaflet, an
 * empty state, links between records and refreshing after changes. A view owns one browser and
 * keeps only what is particular to it: its rows, its detail and its template.
 *
 * main_stack has the pages "empty" (shown while every list is empty) and "content" (the leaflet).
 * Links to a record of a type of one of the lists select it here; links to other types are
 * emitted as "show-record" (GType type, gint64 id). */
BbBrowser *bb_browser_new              (AdwLeaflet          *leaflet,
                                        GtkStack            *main_stack,
                                        BbDetailPage        *detail);
void       bb_browser_add_list         (BbBrowser           *self,
                                        GtkListView         *list_view,
                                        GType                type,
                                        BbBrowserRowFunc     row_func,
                                        gpointer             row_data);
void       bb_browser_set_render_func  (BbBrowser           *self,
                                        BbBrowserRenderFunc  render_func,
                                        gpointer             render_data);
/* The detail pane is drawn again when one of these tables changes (the lists' tables always). */
void       bb_browser_watch_table      (BbBrowser           *self,
                                        const char          *table);

void       bb_browser_set_store        (BbBrowser           *self,
                                        BbStore             *store);
BbStore   *bb_browser_get_store        (BbBrowser           *self);
/* The list model of the list of type, or NULL before a store is set. */
GListModel *bb_browser_get_model       (BbBrowser           *self,
                                        GType                type);

gboolean   bb_browser_show_record      (BbBrowser           *self,
                                        GType                type,
                                        gint64               id);
/* Scrolls the list of type just far enough to show position, without selecting it. */
void       bb_browser_scroll_to        (BbBrowser           *self,
                                        GType                type,
                                        guint                position);
/* The same with position at the top of the list, if the list is long enough. */
void       bb_browser_scroll_to_top    (BbBrowser           *self,
                                        GType                type,
                                        guint                position);
BbRecord  *bb_browser_get_selected     (BbBrowser           *self);
guint      bb_browser_get_n_items      (BbBrowser           *self);
/* Focuses the visible list. */
gboolean   bb_browser_focus_list       (BbBrowser           *self);

/* GTK 4.8 moves Tab from row to row of a GtkListView, which puts whatever follows a long list
 * out of reach of the keyboard. After this, Tab and Shift+Tab leave list_view for the widgets
 * after and before it; the arrows move within it. The browser's lists have it already. */
void       bb_list_view_set_tab_leaves (GtkListView         *list_view);

G_END_DECLS
