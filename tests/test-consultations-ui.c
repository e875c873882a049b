/* test-consultations-ui.c: the Beratungen view and its editor, driven through their widgets.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-consultations-ui"

#include "config.h"

#include <string.h>

#include "bb-consultation-editor.h"
#include "bb-consultation-view.h"
#include "bb-search-picker.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static BbConsultationView *
show_view (Fixture *fixture)
{
  GtkWidget *view = _bb_window_get_view (fixture->window, "consultations");

  adw_view_stack_set_visible_child_name (_bb_window_get_view_stack (fixture->window),
                                         "consultations");
  settle ();

  return BB_CONSULTATION_VIEW (view);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

static BbConsultationEditor *
open_new_editor (Fixture            *fixture,
                 BbConsultationView *view)
{
  BbConsultationEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "consultation-view.new", NULL));
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) != NULL,
              "the editor");
  editor = find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR);
  settle ();

  return editor;
}

static void
set_notes (BbConsultationEditor *editor,
           const char           *text)
{
  GtkTextView *notes = child (editor, BB_TYPE_CONSULTATION_EDITOR, "notes_view");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), text, -1);
}

static char *
dup_notes (BbConsultationEditor *editor)
{
  GtkTextView *notes = child (editor, BB_TYPE_CONSULTATION_EDITOR, "notes_view");
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (notes), &start, &end);

  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (notes), &start, &end, FALSE);
}

static gint64
first_shelter (Fixture  *fixture,
               char    **name)
{
  g_autoptr(GListModel) shelters = bb_store_list (fixture->store, BB_TYPE_SHELTER);
  g_autoptr(BbShelter) shelter = g_list_model_get_item (shelters, 0);

  g_assert_nonnull (shelter);
  *name = g_strdup (bb_shelter_get_name (shelter));

  return bb_record_get_id (BB_RECORD (shelter));
}

static gboolean
picker_has_rows (BbSearchPicker *picker)
{
  g_autoptr(GArray) shown = bb_search_picker_dup_shown (picker);

  return shown->len > 0;
}

/* Chooses the shelter called name through the picker of the editor, as a person types. */
static void
pick_shelter (BbConsultationEditor *editor,
              const char           *name,
              gint64                id)
{
  GtkMenuButton *button = child (editor, BB_TYPE_CONSULTATION_EDITOR, "shelter_button");
  BbSearchPicker *picker = BB_SEARCH_PICKER (gtk_menu_button_get_popover (button));
  g_autoptr(GArray) shown = NULL;
  guint position = G_MAXUINT;

  gtk_menu_button_popup (button);
  settle ();
  gtk_editable_set_text (bb_search_picker_get_entry (picker), name);
  WAIT_UNTIL (picker_has_rows (picker), "search results in the shelter picker");
  shown = bb_search_picker_dup_shown (picker);
  for (guint i = 0; i < shown->len; i++)
    if (g_array_index (shown, gint64, i) == id)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_true (bb_search_picker_pick_row (picker, position));
  settle ();
}

static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

static gboolean
is_start_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                       "win.new-consultation-for") == 0;
}

static gint64
consultation_with_notes (Fixture    *fixture,
                         const char *notes)
{
  g_autoptr(GListModel) list = bb_store_list (fixture->store, BB_TYPE_CONSULTATION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BbConsultation) consultation = g_list_model_get_item (list, i);

      if (g_strcmp0 (bb_consultation_get_notes (consultation), notes) == 0)
        return bb_record_get_id (BB_RECORD (consultation));
    }

  return 0;
}

static void
test_write_and_find (Fixture       *fixture,
                     gconstpointer  data)
{
  BbConsultationView *view = show_view (fixture);
  BbConsultationEditor *editor = open_new_editor (fixture, view);
  const char *notes = "Zauberwürfel-Nachmittag für die Kinder geplant.\nRaum ist gebucht.";
  g_autofree char *shelter_name = NULL;
  gint64 shelter_id = first_shelter (fixture, &shelter_name);
  GtkEditable *date = child (editor, BB_TYPE_CONSULTATION_EDITOR, "date_row");
  GtkEditable *time = child (editor, BB_TYPE_CONSULTATION_EDITOR, "time_row");
  GtkEditable *duration = child (editor, BB_TYPE_CONSULTATION_EDITOR, "duration_row");
  GtkWidget *who_message_row = child (editor, BB_TYPE_CONSULTATION_EDITOR, "who_message_row");
  GtkWidget *date_message_row = child (editor, BB_TYPE_CONSULTATION_EDITOR, "date_message_row");
  GtkEntry *topic_entry = child (editor, BB_TYPE_CONSULTATION_EDITOR, "topic_entry");
  GtkSearchEntry *search = child (view, BB_TYPE_CONSULTATION_VIEW, "search_entry");
  GtkListView *list_view = child (view, BB_TYPE_CONSULTATION_VIEW, "list_view");
  gint64 n_before = bb_store_count (fixture->store, BB_TYPE_CONSULTATION);
  g_auto(GStrv) topics = NULL;
  g_autoptr(BbConsultation) saved = NULL;
  GtkWidget *snippet;
  gint64 id;

  /* The editor starts at today's date and the current time. */
  g_assert_cmpuint (strlen (gtk_editable_get_text (date)), ==, strlen ("25.11.2026"));
  g_assert_cmpuint (strlen (gtk_editable_get_text (time)), ==, strlen ("10:14"));

  /* Bad input: messages beside the fields, and nothing is written. */
  gtk_editable_set_text (date, "31.02.2026");
  gtk_editable_set_text (duration, "-5");
  set_notes (editor, notes);
  g_assert_false (bb_consultation_editor_save (editor));
  g_assert_true (gtk_widget_get_visible (date_message_row));
  g_assert_true (gtk_widget_get_visible (who_message_row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (duration), "error"));
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_CONSULTATION), ==, n_before);

  gtk_editable_set_text (date, "3.11.2026");
  gtk_editable_set_text (time, "9:30");
  gtk_editable_set_text (duration, "45");
  pick_shelter (editor, shelter_name, shelter_id);
  g_assert_false (gtk_widget_get_visible (date_message_row));
  g_assert_false (gtk_widget_get_visible (who_message_row));

  gtk_editable_set_text (GTK_EDITABLE (topic_entry), "Freizeit");
  g_signal_emit_by_name (topic_entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (topic_entry), "Spiele für Kinder");
  g_signal_emit_by_name (topic_entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (topic_entry)), ==, "");

  /* A follow-up without text is refused until it says something. */
  {
    GtkEditable *text = bb_consultation_editor_add_followup (editor);
    GtkEditable *due = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (text)));

    gtk_editable_set_text (due, "1.12.2099");
    g_assert_false (bb_consultation_editor_save (editor));
    g_assert_true (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) == editor);
    gtk_editable_set_text (text, "Würfel besorgen");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) == NULL,
              "the editor to close after saving");

  /* Written in one piece, as typed. */
  id = consultation_with_notes (fixture, notes);
  g_assert_cmpint (id, >, 0);
  saved = bb_store_get (fixture->store, BB_TYPE_CONSULTATION, id, NULL);
  g_assert_cmpstr (bb_consultation_get_started_at (saved), ==, "2026-11-03T09:30");
  g_assert_cmpint (bb_consultation_get_duration_minutes (saved), ==, 45);
  g_assert_cmpint (bb_consultation_get_shelter_id (saved), ==, shelter_id);
  g_assert_cmpint (bb_consultation_get_region_id (saved), ==,
                   bb_store_get_shelter_region (fixture->store, shelter_id));
  topics = bb_store_get_consultation_topics (fixture->store, id);
  g_assert_cmpuint (g_strv_length (topics), ==, 2);
  {
    g_autoptr(GListModel) followups = bb_store_list_related (fixture->store, BB_TYPE_FOLLOWUP,
                                                             "consultation-id", id);
    g_autoptr(BbFollowup) followup = g_list_model_get_item (followups, 0);

    g_assert_cmpuint (g_list_model_get_n_items (followups), ==, 1);
    g_assert_cmpstr (bb_followup_get_text (followup), ==, "Würfel besorgen");
    g_assert_cmpstr (bb_followup_get_due_on (followup), ==, "2099-12-01");
  }
  /* The view shows what was saved. */
  WAIT_UNTIL (bb_consultation_view_get_selected (view) != NULL
              && bb_record_get_id (bb_consultation_view_get_selected (view)) == id,
              "the new consultation selected");

  /* Found by a word of its notes, typed without the umlaut, the word highlighted. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zauberwurfel");
  WAIT_UNTIL (bb_consultation_view_get_n_items (view) == 1, "one search result");
  {
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
    g_autoptr(BbRecord) first = g_list_model_get_item (model, 0);

    g_assert_cmpint (bb_record_get_id (first), ==, id);
  }
  WAIT_UNTIL ((snippet = find_widget (GTK_WIDGET (list_view), is_label_with, "Zauberwürfel")) != NULL,
              "the snippet in the row");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (snippet)), "bgalpha"));
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (snippet)));

  gtk_editable_set_text (GTK_EDITABLE (search), "zauberwurfel nirgendwo");
  WAIT_UNTIL (bb_consultation_view_get_n_items (view) == 0, "no search result");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  WAIT_UNTIL (bb_consultation_view_get_n_items (view) == n_before + 1, "all consultations again");
}

static void
test_followup_done_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  BbConsultationView *view = show_view (fixture);
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GPtrArray) followups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(BbFollowup) after = NULL;
  GtkStack *lists = child (view, BB_TYPE_CONSULTATION_VIEW, "lists_stack");
  GtkListView *followups_view = child (view, BB_TYPE_CONSULTATION_VIEW, "followups_view");
  GListModel *open = bb_consultation_view_get_open_followups (view);
  BbFollowup *followup = bb_followup_new ();
  const char *text = "Testvereinbarung Hofflohmarkt";
  GtkWidget *label;
  GtkWidget *check;
  GtkWidget *undo;
  guint n_open;
  gint64 followup_id;

  bb_followup_set_text (followup, text);
  bb_followup_set_due_on (followup, "2000-01-03");
  g_ptr_array_add (followups, followup);
  g_object_set (consultation, "started-at", "2000-01-01T10:00", "notes", "Alt", NULL);
  {
    g_autofree char *name = NULL;

    bb_consultation_set_shelter_id (consultation, first_shelter (fixture, &name));
  }

  n_open = g_list_model_get_n_items (open);
  /* Added in the editor's way: the consultation with its follow-up at once. */
  g_assert_true (bb_store_save_consultation (fixture->store, consultation, NULL, 0, NULL,
                                             followups, &error));
  g_assert_no_error (error);
  followup_id = bb_record_get_id (BB_RECORD (followup));
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, n_open + 1);
  {
    /* Due the longest ago: first. */
    g_autoptr(BbFollowup) first = g_list_model_get_item (open, 0);

    g_assert_cmpint (bb_record_get_id (BB_RECORD (first)), ==, followup_id);
  }

  gtk_stack_set_visible_child_name (lists, "followups");
  WAIT_UNTIL ((label = find_widget (GTK_WIDGET (followups_view), is_label_with, text)) != NULL,
              "the follow-up in Open Follow-ups");
  /* Overdue: said in words, not only in colour. */
  g_assert_nonnull (find_widget (GTK_WIDGET (followups_view), is_label_with, "Overdue: due 03.01.2000"));

  /* The check button beside the text marks it done. */
  check = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (label)));
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_widget_activate (check);
  WAIT_UNTIL (g_list_model_get_n_items (open) == n_open, "the follow-up to leave the list");
  after = bb_store_get (fixture->store, BB_TYPE_FOLLOWUP, followup_id, NULL);
  g_assert_nonnull (bb_followup_get_done_on (after));
  g_clear_object (&after);

  /* Undo from the toast brings it back, open again. */
  WAIT_UNTIL ((undo = find_widget (GTK_WIDGET (fixture->window), is_undo_button, NULL)) != NULL,
              "the toast with Undo");
  gtk_widget_activate (undo);
  WAIT_UNTIL (g_list_model_get_n_items (open) == n_open + 1, "the follow-up back in the list");
  after = bb_store_get (fixture->store, BB_TYPE_FOLLOWUP, followup_id, NULL);
  g_assert_null (bb_followup_get_done_on (after));
}

static void
test_draft_offered (Fixture       *fixture,
                    gconstpointer  data)
{
  BbConsultationView *view = show_view (fixture);
  BbConsultationEditor *editor = open_new_editor (fixture, view);
  const char *notes = "Entwurf: Ärger über den Lärm im Hof, noch nicht geklärt.";
  g_autofree char *restored = NULL;
  GtkRevealer *revealer;
  GtkLabel *label;

  g_assert_false (bb_consultation_editor_get_draft_offered (editor));
  set_notes (editor, notes);
  /* Gone without saving, before the draft timer ran: like a crash or a closed window. */
  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
  g_assert_null (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR));
  g_assert_cmpint (consultation_with_notes (fixture, notes), ==, 0);

  editor = open_new_editor (fixture, view);
  revealer = child (editor, BB_TYPE_CONSULTATION_EDITOR, "draft_revealer");
  label = child (editor, BB_TYPE_CONSULTATION_EDITOR, "draft_label");
  g_assert_true (bb_consultation_editor_get_draft_offered (editor));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "Restore unsaved consultation from "));
  restored = dup_notes (editor);
  g_assert_cmpstr (restored, ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.restore-draft", NULL));
  g_clear_pointer (&restored, g_free);
  restored = dup_notes (editor);
  g_assert_cmpstr (restored, ==, notes);
  g_assert_false (bb_consultation_editor_get_draft_offered (editor));

  /* Discarded on purpose: not offered again. */
  gtk_window_close (GTK_WINDOW (editor));
  settle ();
  {
    AdwMessageDialog *dialog = find_window_of_type (NULL, ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
  }
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) == NULL,
              "the editor to close");
  editor = open_new_editor (fixture, view);
  g_assert_false (bb_consultation_editor_get_draft_offered (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
}

static void
test_new_for_shelter (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *name = NULL;
  gint64 shelter_id = first_shelter (fixture, &name);
  g_autoptr(GArray) people = bb_store_get_shelter_people (fixture->store, shelter_id);
  BbConsultationEditor *editor;
  AdwActionRow *shelter_row;
  GtkListBox *people_list;
  GtkWidget *button;

  /* The button on the shelter's detail pane. */
  g_assert_true (bb_window_show_record (fixture->window, BB_TYPE_SHELTER, shelter_id));
  WAIT_UNTIL ((button = find_widget (_bb_window_get_view (fixture->window, "shelters"),
                                     is_start_button, NULL)) != NULL,
              "the New Consultation button of the shelter");
  gtk_widget_activate (button);
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) != NULL,
              "the editor");
  editor = find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR);
  shelter_row = child (editor, BB_TYPE_CONSULTATION_EDITOR, "shelter_row");
  people_list = child (editor, BB_TYPE_CONSULTATION_EDITOR, "people_list");
  g_assert_cmpstr (adw_action_row_get_subtitle (shelter_row), ==, name);

  /* The shelter's people are suggested. */
  if (people->len > 0)
    {
      g_autofree char *person = bb_store_dup_label (fixture->store, BB_TYPE_PERSON,
                                                    g_array_index (people, gint64, 0));

      g_assert_nonnull (gtk_list_box_get_row_at_index (people_list, 0));
      g_assert_nonnull (find_widget (GTK_WIDGET (people_list), is_label_with, person));
    }

  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();

  /* The window action with a person: the person is filled in. */
  if (people->len > 0)
    {
      gint64 person_id = g_array_index (people, gint64, 0);
      g_autofree char *person = bb_store_dup_label (fixture->store, BB_TYPE_PERSON, person_id);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.new-consultation-for", "(xx)",
                                                 (gint64) 0, person_id));
      WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) != NULL,
                  "the editor");
      editor = find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR);
      shelter_row = child (editor, BB_TYPE_CONSULTATION_EDITOR, "shelter_row");
      people_list = child (editor, BB_TYPE_CONSULTATION_EDITOR, "people_list");
      g_assert_cmpstr (adw_action_row_get_subtitle (shelter_row), ==, "None");
      g_assert_nonnull (find_widget (GTK_WIDGET (people_list), is_label_with, person));
      gtk_window_destroy (GTK_WINDOW (editor));
      settle ();
    }
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  BbConsultationView *view = show_view (fixture);
  g_autoptr(GListModel) list = bb_store_list (fixture->store, BB_TYPE_CONSULTATION);
  g_autoptr(BbConsultation) first = g_list_model_get_item (list, 0);
  g_autoptr(BbConsultation) after = NULL;
  gint64 id = bb_record_get_id (BB_RECORD (first));
  g_autofree char *notes = NULL;
  g_autoptr(GArray) people_before = bb_store_get_consultation_people (fixture->store, id);
  g_autoptr(GArray) people_after = NULL;
  BbConsultationEditor *editor;
  GtkWidget *undo;

  g_assert_true (bb_consultation_view_show_record (view, BB_TYPE_CONSULTATION, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "consultation-view.edit", NULL));
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) != NULL,
              "the editor");
  editor = find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Consultation");
  g_assert_cmpint (bb_consultation_editor_get_consultation_id (editor), ==, id);
  notes = dup_notes (editor);
  g_assert_cmpstr (notes, ==, bb_consultation_get_notes (first) ? bb_consultation_get_notes (first) : "");

  set_notes (editor, "Neu geschrieben: Treffen verschoben.");
  g_assert_true (bb_consultation_editor_save (editor));
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) == NULL,
              "the editor to close");
  after = bb_store_get (fixture->store, BB_TYPE_CONSULTATION, id, NULL);
  g_assert_cmpstr (bb_consultation_get_notes (after), ==, "Neu geschrieben: Treffen verschoben.");
  g_assert_cmpstr (bb_consultation_get_started_at (after), ==, bb_consultation_get_started_at (first));
  people_after = bb_store_get_consultation_people (fixture->store, id);
  g_assert_cmpuint (people_after->len, ==, people_before->len);

  /* Deleted with the Delete action; Undo brings it back. */
  g_assert_true (bb_consultation_view_show_record (view, BB_TYPE_CONSULTATION, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "consultation-view.delete", NULL));
  g_clear_object (&after);
  g_assert_null (bb_store_get (fixture->store, BB_TYPE_CONSULTATION, id, NULL));
  WAIT_UNTIL ((undo = find_widget (GTK_WIDGET (fixture->window), is_undo_button, NULL)) != NULL,
              "the toast with Undo");
  /* A button clicks a moment after it is activated. */
  gtk_widget_activate (undo);
  WAIT_UNTIL ((after = bb_store_get (fixture->store, BB_TYPE_CONSULTATION, id, NULL)) != NULL,
              "the consultation back after Undo");
  g_clear_pointer (&people_after, g_array_unref);
  people_after = bb_store_get_consultation_people (fixture->store, id);
  g_assert_cmpuint (people_after->len, ==, people_before->len);
}

static void
test_draft_offered_at_start (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BbConsultationEditor *editor;
  g_autofree char *notes = NULL;
  GtkWidget *restore;
  BbConsultationView *view;

  g_assert_true (bb_draft_save (fixture->store, BB_DRAFT_CONSULTATION, 0,
                                g_variant_new_parsed ("{'notes': <'Nach dem Absturz: Notizen vom Hoffest'>}"),
                                &error));
  g_assert_no_error (error);

  /* As at the next start: the view gets the database anew. */
  view = show_view (fixture);
  bb_consultation_view_set_store (view, NULL);
  bb_consultation_view_set_store (view, fixture->store);
  WAIT_UNTIL ((restore = find_widget (GTK_WIDGET (fixture->window), is_button_labelled, "_Restore")) != NULL,
              "the offer to restore the draft");
  gtk_widget_activate (restore);
  WAIT_UNTIL (find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR) != NULL,
              "the editor");
  editor = find_window_of_type (GTK_APPLICATION (fixture->app), BB_TYPE_CONSULTATION_EDITOR);
  notes = dup_notes (editor);
  g_assert_cmpstr (notes, ==, "Nach dem Absturz: Notizen vom Hoffest");
  gtk_window_destroy (GTK_WINDOW (editor));
  settle ();
}

/* A consultation of no shelter is titled by the people advised, one of a shelter by the
 * shelter. */
static void
test_title_without_shelter (Fixture       *fixture,
                            gconstpointer  data)
{
  BbConsultationView *view = show_view (fixture);
  g_autoptr(GListModel) people = bb_store_list (fixture->store, BB_TYPE_PERSON);
  g_autoptr(BbPerson) person = g_list_model_get_item (people, 0);
  g_autoptr(BbConsultation) consultation = bb_consultation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shelter = NULL;
  gint64 person_id;
  GtkWidget *label;

  g_assert_nonnull (person);
  person_id = bb_record_get_id (BB_RECORD (person));
  name = bb_store_dup_label (fixture->store, BB_TYPE_PERSON, person_id);
  g_object_set (consultation, "started-at", "2001-02-03T10:00", "notes", "Ohne Unterkunft", NULL);
  g_assert_true (bb_store_save_consultation (fixture->store, consultation, &person_id, 1, NULL,
                                             NULL, &error));
  g_assert_no_error (error);

  g_assert_true (bb_consultation_view_show_record (view, BB_TYPE_CONSULTATION,
                                                   bb_record_get_id (BB_RECORD (consultation))));
  WAIT_UNTIL ((label = find_widget (GTK_WIDGET (view), is_label_with, "Consultation with ")) != NULL,
              "the title with the person");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), name));

  /* With a shelter, the shelter is the title. */
  bb_consultation_set_shelter_id (consultation, first_shelter (fixture, &shelter));
  g_assert_true (bb_store_save_consultation (fixture->store, consultation, &person_id, 1, NULL,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bb_consultation_view_show_record (view, BB_TYPE_CONSULTATION,
                                                   bb_record_get_id (BB_RECORD (consultation))));
  WAIT_UNTIL (find_widget (GTK_WIDGET (view), is_label_with, "Consultation with ") == NULL,
              "the title without the person");
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_label_with, shelter));
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/consultations/write-and-find", Fixture, NULL,
              fixture_set_up_demo, test_write_and_find, fixture_tear_down);
  g_test_add ("/ui/consultations/followup-done-undo", Fixture, NULL,
              fixture_set_up_demo, test_followup_done_undo, fixture_tear_down);
  g_test_add ("/ui/consultations/draft-offered", Fixture, NULL,
              fixture_set_up_demo, test_draft_offered, fixture_tear_down);
  g_test_add ("/ui/consultations/new-for-shelter", Fixture, NULL,
              fixture_set_up_demo, test_new_for_shelter, fixture_tear_down);
  g_test_add ("/ui/consultations/edit-and-delete", Fixture, NULL,
              fixture_set_up_demo, test_edit_and_delete, fixture_tear_down);
  g_test_add ("/ui/consultations/draft-offered-at-start", Fixture, NULL,
              fixture_set_up_demo, test_draft_offered_at_start, fixture_tear_down);
  g_test_add ("/ui/consultations/title-without-shelter", Fixture, NULL,
              fixture_set_up_demo, test_title_without_shelter, fixture_tear_down);

  return bb_test_ui_run ();
}
