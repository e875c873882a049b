/* bb-consultation-editor.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-editor.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_CONSULTATION_EDITOR (bb_consultation_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbConsultationEditor, bb_consultation_editor, BB, CONSULTATION_EDITOR,
                      BbEditorWindow)

/* The editor of one consultation, a modal window over parent: date and time, duration, format,
 * shelter, people, topics, notes, follow-ups and author. Everything typed is kept as a draft
 * (bb-draft) a second after each change and when the window goes away unsaved; opening the
 * editor for the same consultation (or a new one) again offers the draft back. Emits "saved"
 * (gint64 id) after saving. consultation_id 0 starts a new consultation. */
BbConsultationEditor *bb_consultation_editor_new     (GtkWindow            *parent,
                                                      BbStore              *store,
                                                      gint64                consultation_id);

/* ---- Entry point for the other views: start a consultation from a shelter or a person ----
 * A new consultation with the shelter (and its region) and/or the person filled in; 0 for
 * neither. The window action "win.new-consultation-for" with the parameter "(xx)" (shelter id,
 * person id) does the same on the window's database: a button on a detail pane only needs
 *   gtk_actionable_set_action_name (button, "win.new-consultation-for");
 *   gtk_actionable_set_action_target (button, "(xx)", shelter_id, (gint64) 0); */
BbConsultationEditor *bb_consultation_editor_new_for (GtkWindow            *parent,
                                                      BbStore              *store,
                                                      gint64                shelter_id,
                                                      gint64                person_id);
/* Adds such a button to the header of group (a detail pane's group): beside the buttons
 * already there as an icon, or as "New Consultation…" if the header has none. */
void                  bb_consultation_editor_add_start_button (AdwPreferencesGroup *group,
                                                               gint64               shelter_id,
                                                               gint64               person_id);
/* Installs "win.new-consultation-for" on the window class (called by BbWindow). */
void                  bb_consultation_editor_install_window_action (GtkWidgetClass *window_class);

gint64                bb_consultation_editor_get_consultation_id (BbConsultationEditor *self);
/* Validates and saves; FALSE (with the messages shown by the fields) if something is wrong. */
gboolean              bb_consultation_editor_save    (BbConsultationEditor *self);
/* TRUE while the editor offers a draft from before. */
gboolean              bb_consultation_editor_get_draft_offered (BbConsultationEditor *self);
/* Fills the editor with the offered draft. */
void                  bb_consultation_editor_restore_draft (BbConsultationEditor *self);
/* Adds a follow-up row and returns its text entry; the due date entry and the done check
 * button follow it as siblings. */
GtkEditable          *bb_consultation_editor_add_followup (BbConsultationEditor *self);

G_END_DECLS
