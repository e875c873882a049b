/* bb-detail-page.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BB_TYPE_DETAIL_PAGE (bb_detail_page_get_type ())

G_DECLARE_FINAL_TYPE (BbDetailPage, bb_detail_page, BB, DETAIL_PAGE, AdwBin)

/* The detail pane of a view: a "Nothing Selected" state, or one record shown as a title and
 * groups of rows. A view fills it anew for each record: begin, then add_group and the rows of
 * that group, and so on. Rows whose value is empty are left out, and groups without rows stay
 * hidden. Link rows emit "activate-record" (GType type, gint64 id). */

void                 bb_detail_page_show_none       (BbDetailPage *self);
/* Starts a record: clears the page and shows title (CSS class "title-1") and subtitle.
 * refresh keeps the scroll position, for the same record shown again after a change. */
void                 bb_detail_page_begin           (BbDetailPage *self,
                                                     const char   *title,
                                                     const char   *subtitle,
                                                     gboolean      refresh);
AdwPreferencesGroup *bb_detail_page_add_group       (BbDetailPage *self,
                                                     const char   *title);
/* A row "label … value" in the current group; NULL if value is NULL or empty. */
AdwActionRow        *bb_detail_page_add_field       (BbDetailPage *self,
                                                     const char   *label,
                                                     const char   *value);
/* The same with a value that can be selected and copied: phone numbers, addresses, links. */
AdwActionRow        *bb_detail_page_add_contact     (BbDetailPage *self,
                                                     const char   *label,
                                                     const char   *value);
/* A plain row with a title and a dim subtitle, for the caller to extend. */
AdwActionRow        *bb_detail_page_add_row         (BbDetailPage *self,
                                                     const char   *title,
                                                     const char   *subtitle);
/* The last row of a group that shows only its first rows: text (e.g. "12 more links") dimmed;
 * with action_name, the row can be activated and the action shows the rest. */
AdwActionRow        *bb_detail_page_add_more        (BbDetailPage *self,
                                                     const char   *text,
                                                     const char   *action_name);
/* A row that leads to another record; NULL if id is 0. */
AdwActionRow        *bb_detail_page_add_link        (BbDetailPage *self,
                                                     const char   *title,
                                                     const char   *subtitle,
                                                     GType         type,
                                                     gint64        id);
/* A flat icon button for a group's header suffix that activates action_name; tooltip is its
 * accessible name too (GTK 4.8 does not name a button by its tooltip). */
GtkWidget           *bb_detail_page_new_action_button (const char *icon_name,
                                                       const char *tooltip,
                                                       const char *action_name);
/* Long text (notes, agenda, minutes), wrapped and selectable; nothing if text is empty. */
void                 bb_detail_page_add_text        (BbDetailPage *self,
                                                     const char   *text);
/* Short words (topics) as tags. */
void                 bb_detail_page_add_tags        (BbDetailPage *self,
                                                     const char * const *tags);

gboolean             bb_detail_page_get_show_back_button (BbDetailPage *self);
void                 bb_detail_page_set_show_back_button (BbDetailPage *self,
                                                          gboolean      show_back_button);

G_END_DECLS
