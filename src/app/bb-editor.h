/* bb-editor.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_EDITOR_WINDOW (bb_editor_window_get_type ())

G_DECLARE_DERIVABLE_TYPE (BbEditorWindow, bb_editor_window, BB, EDITOR_WINDOW, AdwWindow)

/* What every record editor shares: the action "editor.save" (Ctrl+S, Ctrl+Enter) calls
 * save(); Escape closes the window, and closing with unsaved changes asks first. */
struct _BbEditorWindowClass
{
  AdwWindowClass parent_class;

  gboolean (*save)     (BbEditorWindow *self);
  /* By default the flag set with bb_editor_window_set_dirty(). */
  gboolean (*is_dirty)    (BbEditorWindow *self);
  /* Asked when the window is closed while dirty; by default "Discard Changes?" with the text
   * of bb_editor_window_set_discard_body(), destroying the window on "Discard". */
  void     (*ask_discard) (BbEditorWindow *self);

  gpointer padding[4];
};

void       bb_editor_window_set_dirty          (BbEditorWindow *self,
                                                gboolean        dirty);
gboolean   bb_editor_window_get_dirty          (BbEditorWindow *self);
/* The text of the "Discard Changes?" dialog, e.g. "The changes to this person have not been
 * saved." */
void       bb_editor_window_set_discard_body   (BbEditorWindow *self,
                                                const char     *body);
/* Explains a failed save in a dialog over the editor. */
void       bb_editor_window_show_error         (BbEditorWindow *self,
                                                BbStore        *store,
                                                const char     *heading,
                                                GError         *error);
/* "Saved" over the window the editor is transient for. */
void       bb_editor_window_toast_saved        (BbEditorWindow *self);
/* After a successful save: no longer dirty, "Saved" over the parent window if toast_saved,
 * the signal "saved" (gint64 id of the saved record) emitted and the editor destroyed. */
void       bb_editor_window_finish             (BbEditorWindow *self,
                                                gint64          id,
                                                gboolean        toast_saved);

/* Puts the focus on the first field below the header bar of window (an editor or a dialog)
 * instead of the header's Cancel button, unless a widget below the header has it already.
 * Editors do it when they are shown; when an editor goes, the window below gets the focus back
 * where it was, or on its view's list if that widget is gone. */
void       bb_editor_focus_first_field         (GtkWindow      *window);
/* Makes window (an editor, a dialog) fit a narrow screen (360 px on a phone, in German too):
 * its header bar (the first below its content) gets a title that wraps to a second line instead
 * of being cut off, showing the window's title (not if the header bar has a title widget of
 * its own), and its combo rows show their chosen value as a subtitle, which wraps, not beside
 * the title. BbEditorWindow does it itself; call it after the content is made. */
void       bb_editor_fit_narrow                (GtkWindow      *window);

/* Free-text fields: the rule of free text (bb-validate.h) of the database column a field feeds
 * ("given-name", "notes", …), checked as people type, for any window (editors, dialogs, the
 * preferences). field is a GtkEditable (AdwEntryRow, GtkEntry) or a GtkTextView. What is wrong shows in a message of its own right below the field
 * (a row of the field's list, or a label after it), made by the window when first needed; the
 * field is marked with "error" meanwhile. Nothing is cut or cleaned: the person fixes it. */
void       bb_editor_add_text_field            (GtkWidget      *window,
                                                GtkWidget      *field,
                                                const char     *column);
/* Checks field (added with bb_editor_add_text_field()) and shows its message; TRUE if its text
 * keeps the rule. */
gboolean   bb_editor_check_text_field          (GtkWidget      *window,
                                                GtkWidget      *field);
/* The same for every text field of window; TRUE if all keep the rule. Editors call it at the
 * end of their own validation, so that saving is refused while a message shows. */
gboolean   bb_editor_check_text_fields         (GtkWidget      *window);
/* The label of field's text message (NULL until the window made one); for the tests. */
GtkLabel  *bb_editor_get_text_message          (GtkWidget      *window,
                                                GtkWidget      *field);

/* A message in the row below a field (hidden when text is NULL), the field marked with the
 * "error" style class while it is wrong. field_row may be NULL for a message that belongs to
 * several fields, whose marks the caller sets. */
void       bb_editor_set_message               (GtkWidget      *field_row,
                                                GtkLabel       *message,
                                                const char     *text);
/* The same, or a warning (the message in the "warning" style, the field not marked) that does
 * not stop saving. */
void       bb_editor_set_message_full          (GtkWidget      *field_row,
                                                GtkLabel       *message,
                                                const char     *text,
                                                gboolean        warning);
/* The trimmed text of an entry row (bb_validate_dup_trimmed()), NULL if empty. */
char      *bb_editor_dup_text                  (AdwEntryRow    *row);
void       bb_editor_set_text                  (AdwEntryRow    *row,
                                                const char     *text);
/* The trimmed text of a text view (bb_validate_dup_trimmed()), NULL if empty. */
char      *bb_editor_dup_notes                 (GtkTextView    *view);
/* The header bar of a dialog built in code: "Cancel" (window.close) at the start, a button
 * with the mnemonic action_label in the suggested style at the end, stored in *action_button. */
GtkWidget *bb_editor_header_bar_new            (const char     *action_label,
                                                GtkWidget     **action_button);
/* A combo row over the labels of a code set (BbCodeSet), with a first entry "None" if
 * with_none. */
void       bb_editor_setup_codes               (AdwComboRow    *row,
                                                int             set,
                                                gboolean        with_none);

G_END_DECLS
