/* bb-event-editor.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-core.h"
#include "bb-editor.h"

G_BEGIN_DECLS

#define BB_TYPE_EVENT_EDITOR (bb_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbEventEditor, bb_event_editor, BB, EVENT_EDITOR, BbEditorWindow)

/* The modal editor of an event or series: title, kind, region, status, time (Berlin) or all
 * day, the recurrence in a coordinator's words with its sentence shown live, place, online
 * link, agenda, organiser and invitees (people, whole shelters). event NULL makes a new one
 * on day. Saving writes one transaction through the calendar store (SEQUENCE by its rule),
 * emits "saved" (gint64 event id), shows "Saved" and closes. */
GtkWidget *bb_event_editor_new          (GtkWidget     *parent,
                                         BbStore       *store,
                                         BbEvent       *event,
                                         const GDate   *day);
/* Validates and saves; FALSE (with the messages shown next to the fields) if it did not. */
gboolean   bb_event_editor_save         (BbEventEditor *self);
/* The sentence describing the rule as now entered. */
const char *bb_event_editor_get_sentence (BbEventEditor *self);

G_END_DECLS
