/* bb-consultation-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-consultation-editor"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "bb-consultation-editor.h"
#include "bb-consultation-util.h"
#include "bb-core.h"
#include "bb-editor.h"
#include "bb-format.h"
#include "bb-search-picker.h"
#include "bb-validate.h"
#include "bb-window.h"

/* A draft is written this long after the last change. */
#define DRAFT_DELAY_MS 1000

typedef struct
{
  gint64     id;             /* 0 for a follow-up added here */
  char      *done_on;        /* when it was done, as loaded; kept if it stays done */
  GtkWidget *row;
  GtkWidget *done;
  GtkWidget *text;
  GtkWidget *due;
  GtkWidget *message;
} FollowupRow;

struct _BbConsultationEditor
{
  BbEditorWindow parent_instance;

  GtkRevealer *draft_revealer;
  GtkLabel *draft_label;
  AdwPreferencesPage *page;
  AdwEntryRow *date_row;
  GtkWidget *date_message_row;
  GtkLabel *date_message;
  AdwEntryRow *time_row;
  GtkWidget *time_message_row;
  GtkLabel *time_message;
  AdwEntryRow *duration_row;
  GtkWidget *duration_message_row;
  GtkLabel *duration_message;
  AdwComboRow *format_row;
  AdwActionRow *shelter_row;
  GtkWidget *shelter_clear_button;
  GtkMenuButton *shelter_button;
  GtkWidget *who_message_row;
  GtkLabel *who_message;
  GtkMenuButton *person_button;
  GtkListBox *people_list;
  GtkFlowBox *topics_box;
  GtkEntry *topic_entry;
  GtkTextView *notes_view;
  GtkListBox *followups_list;
  AdwEntryRow *author_row;

  BbStore *store;
  BbConsultation *consultation;   /* as loaded; a new one for a new consultation */
  gint64 shelter_id;
  GArray *person_ids;
  GPtrArray *topics;
  GPtrArray *followups;           /* FollowupRow */

  GVariant *initial_state;
  GVariant *offered_draft;
  guint draft_source;
  gboolean loading;
  gboolean tried_save;
  gboolean saved;
  gboolean disposed;
};

G_DEFINE_FINAL_TYPE (BbConsultationEditor, bb_consultation_editor, BB_TYPE_EDITOR_WINDOW)

static void followup_row_free (gpointer data);
static void schedule_draft (BbConsultationEditor *self);
static gboolean validate (BbConsultationEditor *self);

/* State: everything the editor holds, as a vardict, for drafts and "unsaved changes" -------- */

static char *
dup_notes (BbConsultationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
selected_format (BbConsultationEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected >= bb_codes_count (BB_CODES_CONSULTATION_FORMAT))
    return "on-site";

  return bb_codes_list (BB_CODES_CONSULTATION_FORMAT)[selected];
}

static GVariant *
build_state (BbConsultationEditor *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) followups = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(xssb)"));
  g_autofree char *notes = dup_notes (self);

  g_variant_builder_add (&builder, "{sv}", "date",
                         g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_variant_builder_add (&builder, "{sv}", "time",
                         g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));
  g_variant_builder_add (&builder, "{sv}", "duration",
                         g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->duration_row))));
  g_variant_builder_add (&builder, "{sv}", "format", g_variant_new_string (selected_format (self)));
  g_variant_builder_add (&builder, "{sv}", "shelter-id", g_variant_new_int64 (self->shelter_id));
  g_variant_builder_add (&builder, "{sv}", "people",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, self->person_ids->data,
                                                    self->person_ids->len, sizeof (gint64)));
  g_variant_builder_add (&builder, "{sv}", "topics",
                         g_variant_new_strv ((const char * const *) self->topics->pdata,
                                             self->topics->len));
  g_variant_builder_add (&builder, "{sv}", "notes", g_variant_new_string (notes));
  g_variant_builder_add (&builder, "{sv}", "author",
                         g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->author_row))));

  for (guint i = 0; i < self->followups->len; i++)
    {
      FollowupRow *row = g_ptr_array_index (self->followups, i);

      g_variant_builder_add (&followups, "(xssb)", row->id,
                             gtk_editable_get_text (GTK_EDITABLE (row->text)),
                             gtk_editable_get_text (GTK_EDITABLE (row->due)),
                             gtk_check_button_get_active (GTK_CHECK_BUTTON (row->done)));
    }
  g_variant_builder_add (&builder, "{sv}", "followups", g_variant_builder_end (&followups));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static gboolean
is_dirty (BbConsultationEditor *self)
{
  g_autoptr(GVariant) state = NULL;

  if (self->initial_state == NULL)
    return FALSE;

  state = build_state (self);

  return !g_variant_equal (state, self->initial_state);
}

/* People ----------------------------------------------------------------------------------- */

static gboolean
has_person (BbConsultationEditor *self,
            gint64                person_id)
{
  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      return TRUE;

  return FALSE;
}

static void
on_person_remove (GtkButton            *button,
                  BbConsultationEditor *self);
static void
on_person_suggestion (GtkButton            *button,
                      BbConsultationEditor *self);

static GtkWidget *
person_row (BbConsultationEditor *self,
            gint64                person_id,
            gboolean              suggestion)
{
  g_autoptr(BbPerson) person = bb_store_get (self->store, BB_TYPE_PERSON, person_id, NULL);
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;

  if (person == NULL)
    return NULL;

  name = bb_record_dup_label (BB_RECORD (person));
  organisation = bb_store_dup_label (self->store, BB_TYPE_ORGANISATION,
                                     bb_person_get_organisation_id (person));
  subtitle = BB_FORMAT_JOIN (" · ", suggestion ? _("Suggested: works at the shelter") : NULL,
                             bb_person_get_function (person), organisation);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  if (suggestion)
    {
      gtk_widget_add_css_class (row, "bb-suggestion");
      button = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_set_tooltip_text (button, _("Add"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_person_suggestion), self, 0);
    }
  else
    {
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_person_remove), self, 0);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  suggestion ? _("Add") : _("Remove"), -1);
  g_object_set_data_full (G_OBJECT (button), "person", g_memdup2 (&person_id, sizeof person_id),
                          g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild_people (BbConsultationEditor *self)
{
  g_autoptr(GArray) suggestions = NULL;
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  for (guint i = 0; i < self->person_ids->len; i++)
    {
      GtkWidget *row = person_row (self, g_array_index (self->person_ids, gint64, i), FALSE);

      if (row != NULL)
        {
          gtk_list_box_append (self->people_list, row);
          n_rows++;
        }
    }

  if (self->shelter_id != 0)
    suggestions = bb_store_get_shelter_people (self->store, self->shelter_id);
  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      gint64 id = g_array_index (suggestions, gint64, i);
      GtkWidget *row;

      if (has_person (self, id))
        continue;

      row = person_row (self, id, TRUE);
      if (row != NULL)
        {
          gtk_list_box_append (self->people_list, row);
          n_rows++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->people_list), n_rows > 0);
}

static void
add_person (BbConsultationEditor *self,
            gint64                person_id)
{
  if (person_id <= 0 || has_person (self, person_id))
    return;

  g_array_append_val (self->person_ids, person_id);
  rebuild_people (self);
  validate (self);
  schedule_draft (self);
}

static void
on_person_suggestion (GtkButton            *button,
                      BbConsultationEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "person");

  add_person (self, *id);
}

static void
on_person_remove (GtkButton            *button,
                  BbConsultationEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "person");

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == *id)
      {
        g_array_remove_index (self->person_ids, i);
        break;
      }

  rebuild_people (self);
  validate (self);
  schedule_draft (self);
}

/* Shelter ---------------------------------------------------------------------------------- */

static void
update_shelter (BbConsultationEditor *self)
{
  g_autofree char *name = NULL;

  if (self->shelter_id != 0)
    name = bb_store_dup_label (self->store, BB_TYPE_SHELTER, self->shelter_id);
  if (name == NULL && self->shelter_id == 0 && self->consultation != NULL)
    name = g_strdup (bb_consultation_get_former_shelter_name (self->consultation));

  adw_action_row_set_subtitle (self->shelter_row, name != NULL ? name : _("None"));
  gtk_widget_set_visible (self->shelter_clear_button, self->shelter_id != 0);
}

static void
set_shelter (BbConsultationEditor *self,
             gint64                shelter_id)
{
  self->shelter_id = shelter_id;
  update_shelter (self);
  rebuild_people (self);
  validate (self);
  schedule_draft (self);
}

static void
on_shelter_picked (BbConsultationEditor *self,
                   gint64                shelter_id)
{
  set_shelter (self, shelter_id);
}

static void
on_shelter_clear (BbConsultationEditor *self)
{
  set_shelter (self, 0);
}

/* Topics ----------------------------------------------------------------------------------- */

static void on_topic_remove (GtkButton            *button,
                             BbConsultationEditor *self);

static void
rebuild_topics (BbConsultationEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topics_box))) != NULL)
    gtk_flow_box_remove (self->topics_box, child);

  for (guint i = 0; i < self->topics->len; i++)
    {
      const char *topic = g_ptr_array_index (self->topics, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (topic);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove topic %s"), topic);

      gtk_widget_add_css_class (box, "bb-tag");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "bb-tag-remove");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (button), "topic", g_strdup (topic), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_topic_remove), self, 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      gtk_widget_set_halign (box, GTK_ALIGN_START);
      gtk_flow_box_append (self->topics_box, box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->topics_box), self->topics->len > 0);
}

static gboolean
has_topic (BbConsultationEditor *self,
           const char           *topic)
{
  g_autofree char *folded = g_utf8_casefold (topic, -1);

  for (guint i = 0; i < self->topics->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->topics, i), -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }

  return FALSE;
}

static void
on_topic_activate (BbConsultationEditor *self)
{
  g_autofree char *topic = bb_validate_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->topic_entry)));

  /* A topic that breaks the rule of free text stays in the entry, its message below. */
  if (!bb_editor_check_text_field (GTK_WIDGET (self), GTK_WIDGET (self->topic_entry)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->topic_entry));
      return;
    }

  if (topic != NULL && !has_topic (self, topic))
    {
      g_ptr_array_add (self->topics, g_steal_pointer (&topic));
      rebuild_topics (self);
      schedule_draft (self);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->topic_entry), "");
}

static void
on_topic_remove (GtkButton            *button,
                 BbConsultationEditor *self)
{
  const char *topic = g_object_get_data (G_OBJECT (button), "topic");

  for (guint i = 0; i < self->topics->len; i++)
    if (g_str_equal (g_ptr_array_index (self->topics, i), topic))
      {
        g_ptr_array_remove_index (self->topics, i);
        break;
      }

  rebuild_topics (self);
  schedule_draft (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_entry));
}

static void
setup_topic_completion (BbConsultationEditor *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) model = gtk_list_store_new (1, G_TYPE_STRING);
  g_auto(GStrv) names = bb_store_dup_topic_names (self->store);

  for (guint i = 0; names[i] != NULL; i++)
    gtk_list_store_insert_with_values (model, NULL, -1, 0, names[i], -1);

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (model));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_set_completion (self->topic_entry, completion);
}

/* Follow-ups ------------------------------------------------------------------------------- */

static void
followup_row_free (gpointer data)
{
  FollowupRow *row = data;

  g_free (row->done_on);
  g_free (row);
}

static void
on_changed (BbConsultationEditor *self);

static void
on_followup_remove (GtkButton            *button,
                    BbConsultationEditor *self)
{
  for (guint i = 0; i < self->followups->len; i++)
    {
      FollowupRow *row = g_ptr_array_index (self->followups, i);

      if (g_object_get_data (G_OBJECT (button), "followup-row") == row)
        {
          gtk_list_box_remove (self->followups_list, row->row);
          g_ptr_array_remove_index (self->followups, i);
          break;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->followups_list), self->followups->len > 0);
  validate (self);
  schedule_draft (self);
}

static FollowupRow *
add_followup_row (BbConsultationEditor *self,
                  gint64                id,
                  const char           *text,
                  const char           *due,
                  gboolean              done,
                  const char           *done_on)
{
  FollowupRow *row = g_new0 (FollowupRow, 1);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  row->id = id;
  row->done_on = g_strdup (done_on);
  row->done = gtk_check_button_new ();
  row->text = gtk_entry_new ();
  row->due = gtk_entry_new ();
  row->message = gtk_label_new (NULL);

  gtk_widget_set_tooltip_text (row->done, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Done"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->done), done);
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->text), _("What was agreed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Follow-up"), -1);
  gtk_editable_set_text (GTK_EDITABLE (row->text), text != NULL ? text : "");
  gtk_widget_set_hexpand (row->text, TRUE);
  /* Translators: placeholder of the due date of a follow-up */
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->due), _("Due date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->due), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Due date, e.g. 25.11.2026"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->due), 10);
  gtk_editable_set_text (GTK_EDITABLE (row->due), due != NULL ? due : "");
  gtk_widget_set_tooltip_text (remove, _("Remove Follow-up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Follow-up"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_label_set_xalign (GTK_LABEL (row->message), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (row->message), TRUE);
  gtk_widget_add_css_class (row->message, "error");
  gtk_widget_add_css_class (row->message, "caption");
  gtk_widget_set_visible (row->message, FALSE);

  gtk_box_append (GTK_BOX (hbox), row->done);
  gtk_box_append (GTK_BOX (hbox), row->text);
  gtk_box_append (GTK_BOX (hbox), row->due);
  gtk_box_append (GTK_BOX (hbox), remove);
  gtk_box_append (GTK_BOX (vbox), hbox);
  gtk_box_append (GTK_BOX (vbox), row->message);
  g_object_set (vbox, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6,
                NULL);

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), vbox);
  gtk_list_box_append (self->followups_list, row->row);
  g_ptr_array_add (self->followups, row);
  gtk_widget_set_visible (GTK_WIDGET (self->followups_list), TRUE);

  g_object_set_data (G_OBJECT (remove), "followup-row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_followup_remove), self, 0);
  g_signal_connect_object (row->text, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->due, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->done, "toggled", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);

  return row;
}

static void
clear_followups (BbConsultationEditor *self)
{
  for (guint i = 0; i < self->followups->len; i++)
    {
      FollowupRow *row = g_ptr_array_index (self->followups, i);

      gtk_list_box_remove (self->followups_list, row->row);
    }
  g_ptr_array_set_size (self->followups, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->followups_list), FALSE);
}

GtkEditable *
bb_consultation_editor_add_followup (BbConsultationEditor *self)
{
  FollowupRow *row;

  g_return_val_if_fail (BB_IS_CONSULTATION_EDITOR (self), NULL);

  row = add_followup_row (self, 0, NULL, NULL, FALSE, NULL);
  gtk_widget_grab_focus (row->text);
  schedule_draft (self);

  return GTK_EDITABLE (row->text);
}

/* Applying a state ------------------------------------------------------------------------- */

static void
apply_state (BbConsultationEditor *self,
             GVariant             *state)
{
  const char *text = NULL;
  gint64 shelter_id = 0;
  g_autoptr(GVariant) people = NULL;
  g_autoptr(GVariant) followups = NULL;
  g_autofree const char **topics = NULL;
  const char *format = NULL;
  gboolean was_loading = self->loading;

  self->loading = TRUE;

  if (g_variant_lookup (state, "date", "&s", &text))
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  if (g_variant_lookup (state, "time", "&s", &text))
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), text);
  if (g_variant_lookup (state, "duration", "&s", &text))
    gtk_editable_set_text (GTK_EDITABLE (self->duration_row), text);
  if (g_variant_lookup (state, "format", "&s", &format))
    {
      int index = bb_codes_index (BB_CODES_CONSULTATION_FORMAT, format);

      adw_combo_row_set_selected (self->format_row, index >= 0 ? (guint) index : 0);
    }
  if (g_variant_lookup (state, "notes", "&s", &text))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
  if (g_variant_lookup (state, "author", "&s", &text))
    gtk_editable_set_text (GTK_EDITABLE (self->author_row), text);

  if (g_variant_lookup (state, "shelter-id", "x", &shelter_id))
    {
      /* A shelter deleted since the draft was written is left out. */
      g_autofree char *name = bb_store_dup_label (self->store, BB_TYPE_SHELTER, shelter_id);

      self->shelter_id = name != NULL ? shelter_id : 0;
    }

  people = g_variant_lookup_value (state, "people", G_VARIANT_TYPE ("ax"));
  if (people != NULL)
    {
      gsize n = 0;
      const gint64 *ids = g_variant_get_fixed_array (people, &n, sizeof (gint64));

      g_array_set_size (self->person_ids, 0);
      g_array_append_vals (self->person_ids, ids, n);
    }

  if (g_variant_lookup (state, "topics", "^a&s", &topics))
    {
      g_ptr_array_set_size (self->topics, 0);
      for (guint i = 0; topics[i] != NULL; i++)
        g_ptr_array_add (self->topics, g_strdup (topics[i]));
    }

  followups = g_variant_lookup_value (state, "followups", G_VARIANT_TYPE ("a(xssb)"));
  if (followups != NULL)
    {
      GVariantIter iter;
      gint64 id;
      const char *followup_text;
      const char *due;
      gboolean done;

      clear_followups (self);
      g_variant_iter_init (&iter, followups);
      while (g_variant_iter_next (&iter, "(x&s&sb)", &id, &followup_text, &due, &done))
        {
          g_autoptr(BbFollowup) old = NULL;

          /* Keep the day it was done, if it was done before this edit. */
          if (id != 0)
            old = bb_store_get (self->store, BB_TYPE_FOLLOWUP, id, NULL);
          add_followup_row (self, old != NULL ? id : 0, followup_text, due, done,
                            old != NULL ? bb_followup_get_done_on (old) : NULL);
        }
    }

  update_shelter (self);
  rebuild_people (self);
  rebuild_topics (self);

  self->loading = was_loading;
  validate (self);
}

/* Validation ------------------------------------------------------------------------------- */

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_auto(GStrv) parts = NULL;
  char *end;

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 2 || parts[0][0] == '\0' || parts[1][0] == '\0')
    return FALSE;

  *hour = (int) strtol (g_strstrip (parts[0]), &end, 10);
  if (*end != '\0' || *hour < 0 || *hour > 23)
    return FALSE;
  *minute = (int) strtol (g_strstrip (parts[1]), &end, 10);
  if (*end != '\0' || *minute < 0 || *minute > 59 || strlen (parts[1]) != 2)
    return FALSE;

  return TRUE;
}

static gboolean
parse_duration (const char *text,
                int        *minutes)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end;
  long value;

  if (copy[0] == '\0')
    {
      *minutes = -1;
      return TRUE;
    }

  value = strtol (copy, &end, 10);
  if (*end != '\0' || value <= 0 || value > 24 * 60)
    return FALSE;

  *minutes = (int) value;

  return TRUE;
}

/* Shows what is wrong next to each field; TRUE if everything is right. Missing values are
 * only pointed out after a first try to save, wrong ones at once. */
static gboolean
validate (BbConsultationEditor *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  const char *duration_text = gtk_editable_get_text (GTK_EDITABLE (self->duration_row));
  g_autofree char *date_iso = NULL;
  const char *message = NULL;
  gboolean valid = TRUE;
  int hour, minute, minutes;

  if (self->loading)
    return TRUE;

  date_iso = bb_consultation_parse_date (date_text);
  if (date_iso == NULL && (date_text[0] != '\0' || self->tried_save))
    message = _("Enter the date like 25.11.2026");
  valid &= date_iso != NULL;
  bb_editor_set_message (GTK_WIDGET (self->date_row), self->date_message, message);

  message = NULL;
  if (!parse_time (time_text, &hour, &minute))
    {
      valid = FALSE;
      if (time_text[0] != '\0' || self->tried_save)
        message = _("Enter the time like 14:30");
    }
  bb_editor_set_message (GTK_WIDGET (self->time_row), self->time_message, message);

  message = NULL;
  if (!parse_duration (duration_text, &minutes))
    {
      valid = FALSE;
      message = _("Enter the duration in whole minutes, e.g. 45, or leave it empty");
    }
  bb_editor_set_message (GTK_WIDGET (self->duration_row), self->duration_message, message);

  message = NULL;
  if (self->shelter_id == 0 && self->person_ids->len == 0)
    {
      valid = FALSE;
      if (self->tried_save)
        message = _("Choose a shelter or add at least one person");
    }
  bb_editor_set_message (GTK_WIDGET (self->shelter_row), self->who_message, message);

  for (guint i = 0; i < self->followups->len; i++)
    {
      FollowupRow *row = g_ptr_array_index (self->followups, i);
      g_autofree char *trimmed = bb_validate_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (row->text)));
      const char *text = trimmed != NULL ? trimmed : "";
      const char *due = gtk_editable_get_text (GTK_EDITABLE (row->due));
      g_autofree char *due_iso = bb_consultation_parse_date (due);
      g_autoptr(GError) text_error = NULL;
      gboolean text_ok = bb_validate_column ("text", trimmed, &text_error);

      message = NULL;
      if (due[0] != '\0' && due_iso == NULL)
        {
          valid = FALSE;
          message = _("Enter the due date like 25.11.2026, or leave it empty");
        }
      if (text[0] == '\0')
        {
          valid = FALSE;
          if (self->tried_save)
            message = _("Describe what was agreed, or remove the follow-up");
        }
      if (!text_ok)
        {
          valid = FALSE;
          message = text_error->message;
        }

      if ((message != NULL && text[0] == '\0') || !text_ok)
        gtk_widget_add_css_class (row->text, "error");
      else
        gtk_widget_remove_css_class (row->text, "error");
      if (due[0] != '\0' && due_iso == NULL)
        gtk_widget_add_css_class (row->due, "error");
      else
        gtk_widget_remove_css_class (row->due, "error");
      gtk_label_set_text (GTK_LABEL (row->message), message != NULL ? message : "");
      gtk_widget_set_visible (row->message, message != NULL);
    }

  valid &= bb_editor_check_text_fields (GTK_WIDGET (self));

  return valid;
}

/* Drafts ----------------------------------------------------------------------------------- */

static gint64
record_id (BbConsultationEditor *self)
{
  return bb_record_get_id (BB_RECORD (self->consultation));
}

static void
write_draft (BbConsultationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) state = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (self->saved || self->store == NULL || self->initial_state == NULL)
    return;

  state = build_state (self);
  if (g_variant_equal (state, self->initial_state))
    {
      /* Nothing typed: an older draft still on offer stays until it is answered. */
      if (self->offered_draft == NULL
          && !bb_draft_discard (self->store, BB_DRAFT_CONSULTATION, record_id (self), &error))
        g_warning ("Cannot remove draft: %s", error->message);
      return;
    }

  if (!bb_draft_save (self->store, BB_DRAFT_CONSULTATION, record_id (self), state, &error))
    g_warning ("Cannot save draft: %s", error->message);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  BbConsultationEditor *self = user_data;

  self->draft_source = 0;
  write_draft (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (BbConsultationEditor *self)
{
  if (self->loading || self->saved || self->disposed)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
hide_draft_offer (BbConsultationEditor *self)
{
  g_clear_pointer (&self->offered_draft, g_variant_unref);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.restore-draft", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", FALSE);
}

static void
offer_draft (BbConsultationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  self->offered_draft = bb_draft_load (self->store, BB_DRAFT_CONSULTATION, record_id (self),
                                       &updated_at, &error);
  if (error != NULL)
    g_warning ("Cannot read draft: %s", error->message);
  if (self->offered_draft == NULL)
    {
      hide_draft_offer (self);
      return;
    }

  date = bb_format_date (updated_at);
  time = bb_format_time (updated_at);
  if (record_id (self) == 0)
    /* Translators: the date and time a draft was last changed, e.g. "25.11.2026", "10:14" */
    text = g_strdup_printf (_("Restore unsaved consultation from %s, %s?"), date, time);
  else
    text = g_strdup_printf (_("Restore unsaved changes from %s, %s?"), date, time);
  gtk_label_set_text (self->draft_label, text);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.restore-draft", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard-draft", TRUE);
}

gboolean
bb_consultation_editor_get_draft_offered (BbConsultationEditor *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_EDITOR (self), FALSE);

  return self->offered_draft != NULL;
}

void
bb_consultation_editor_restore_draft (BbConsultationEditor *self)
{
  g_autoptr(GVariant) draft = NULL;

  g_return_if_fail (BB_IS_CONSULTATION_EDITOR (self));

  if (self->offered_draft == NULL)
    return;

  draft = g_variant_ref (self->offered_draft);
  hide_draft_offer (self);
  apply_state (self, draft);
  /* The restored text is again only a draft until it is saved. */
  schedule_draft (self);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bb_consultation_editor_restore_draft (BB_CONSULTATION_EDITOR (widget));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbConsultationEditor *self = BB_CONSULTATION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  hide_draft_offer (self);
  if (!is_dirty (self)
      && !bb_draft_discard (self->store, BB_DRAFT_CONSULTATION, record_id (self), &error))
    g_warning ("Cannot remove draft: %s", error->message);
}

/* Changes, saving, closing ----------------------------------------------------------------- */

static void
on_changed (BbConsultationEditor *self)
{
  if (self->loading || self->disposed)
    return;

  validate (self);
  schedule_draft (self);
}

static void
on_notes_changed (BbConsultationEditor *self)
{
  on_changed (self);
}

static GtkWidget *
first_error_widget (BbConsultationEditor *self)
{
  if (gtk_widget_get_visible (self->date_message_row))
    return GTK_WIDGET (self->date_row);
  if (gtk_widget_get_visible (self->time_message_row))
    return GTK_WIDGET (self->time_row);
  if (gtk_widget_get_visible (self->duration_message_row))
    return GTK_WIDGET (self->duration_row);
  if (gtk_widget_get_visible (self->who_message_row))
    return GTK_WIDGET (self->shelter_button);

  for (guint i = 0; i < self->followups->len; i++)
    {
      FollowupRow *row = g_ptr_array_index (self->followups, i);

      if (gtk_widget_get_visible (row->message))
        return gtk_widget_has_css_class (row->due, "error") ? row->due : row->text;
    }

  return NULL;
}

static void
on_saved_toast_show (AdwToast *toast,
                     gpointer  user_data)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "window");
  gint64 *id = g_object_get_data (G_OBJECT (toast), "consultation-id");

  if (window != NULL && BB_IS_WINDOW (window))
    bb_window_show_record (BB_WINDOW (window), BB_TYPE_CONSULTATION, *id);
}

gboolean
bb_consultation_editor_save (BbConsultationEditor *self)
{
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *author = NULL;
  GtkWindow *parent;
  AdwToast *toast;
  int hour = 0, minute = 0, minutes = -1;
  gint64 region_id;
  gint64 id;

  g_return_val_if_fail (BB_IS_CONSULTATION_EDITOR (self), FALSE);

  self->tried_save = TRUE;
  if (!validate (self))
    {
      GtkWidget *widget = first_error_widget (self);

      if (widget != NULL)
        gtk_widget_grab_focus (widget);
      return FALSE;
    }

  date = bb_consultation_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute);
  parse_duration (gtk_editable_get_text (GTK_EDITABLE (self->duration_row)), &minutes);
  started_at = g_strdup_printf ("%sT%02d:%02d", date, hour, minute);
  notes = bb_editor_dup_notes (self->notes_view);
  author = bb_editor_dup_text (self->author_row);

  /* Work on a copy: if saving fails, the editor keeps what it had. */
  consultation = BB_CONSULTATION (g_object_new (BB_TYPE_CONSULTATION, NULL));
  bb_record_set_id (BB_RECORD (consultation), record_id (self));
  bb_consultation_set_former_shelter_name (consultation,
                                           bb_consultation_get_former_shelter_name (self->consultation));
  region_id = bb_consultation_get_region_id (self->consultation);
  if (self->shelter_id != 0)
    {
      gint64 shelter_region = bb_store_get_shelter_region (self->store, self->shelter_id);

      if (shelter_region != 0)
        region_id = shelter_region;
    }
  else if (region_id == 0)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *label = NULL;

      region_id = g_settings_get_int64 (settings, "default-region");
      label = bb_store_dup_label (self->store, BB_TYPE_REGION, region_id);
      if (label == NULL)
        region_id = 0;
    }

  bb_consultation_set_started_at (consultation, started_at);
  bb_consultation_set_duration_minutes (consultation, minutes);
  bb_consultation_set_format (consultation, selected_format (self));
  bb_consultation_set_region_id (consultation, region_id);
  bb_consultation_set_shelter_id (consultation, self->shelter_id);
  bb_consultation_set_author (consultation, author);
  bb_consultation_set_notes (consultation, notes);

  followups = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->followups->len; i++)
    {
      FollowupRow *row = g_ptr_array_index (self->followups, i);
      BbFollowup *followup = bb_followup_new ();
      g_autofree char *text = bb_validate_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (row->text)));
      g_autofree char *due = bb_consultation_parse_date (gtk_editable_get_text (GTK_EDITABLE (row->due)));
      gboolean done = gtk_check_button_get_active (GTK_CHECK_BUTTON (row->done));

      bb_record_set_id (BB_RECORD (followup), row->id);
      bb_followup_set_text (followup, text);
      bb_followup_set_due_on (followup, due);
      bb_followup_set_done_on (followup, done ? (row->done_on != NULL ? row->done_on : today) : NULL);
      g_ptr_array_add (followups, followup);
    }

  if (!bb_store_save_consultation (self->store, consultation,
                                   (const gint64 *) (gpointer) self->person_ids->data,
                                   self->person_ids->len,
                                   (const char * const *) self->topics->pdata,
                                   followups, &error))
    {
      bb_editor_window_show_error (BB_EDITOR_WINDOW (self), self->store,
                                   _("The Consultation Was Not Saved"), error);
      return FALSE;
    }

  id = bb_record_get_id (BB_RECORD (consultation));
  self->saved = TRUE;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!bb_draft_discard (self->store, BB_DRAFT_CONSULTATION, record_id (self), &error))
    g_warning ("Cannot remove draft: %s", error->message);
  g_set_object (&self->consultation, consultation);

  toast = adw_toast_new (_("Consultation saved"));
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && BB_IS_WINDOW (parent))
    {
      adw_toast_set_button_label (toast, _("_Show"));
      g_object_set_data (G_OBJECT (toast), "window", parent);
      g_object_set_data_full (G_OBJECT (toast), "consultation-id", g_memdup2 (&id, sizeof id),
                              g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_saved_toast_show), NULL);
      bb_window_add_toast (BB_WINDOW (parent), toast);
    }
  else
    {
      g_object_unref (toast);
    }

  bb_editor_window_finish (BB_EDITOR_WINDOW (self), id, FALSE);

  return TRUE;
}

static void
add_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bb_consultation_editor_add_followup (BB_CONSULTATION_EDITOR (widget));
}

static gboolean
discard_and_close_cb (gpointer user_data)
{
  BbConsultationEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->saved = TRUE;   /* nothing more to keep */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!bb_draft_discard (self->store, BB_DRAFT_CONSULTATION, record_id (self), &error))
    g_warning ("Cannot remove draft: %s", error->message);
  gtk_window_destroy (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static gboolean
save_cb (gpointer user_data)
{
  bb_consultation_editor_save (user_data);

  return G_SOURCE_REMOVE;
}

static void
on_close_response (BbConsultationEditor *self,
                   const char           *response)
{
  /* The dialog is transient for the editor: let it go first, then close the editor. */
  if (g_str_equal (response, "save"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_cb, g_object_ref (self), g_object_unref);
  else if (g_str_equal (response, "discard"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, discard_and_close_cb, g_object_ref (self),
                     g_object_unref);
}

static gboolean
is_dirty_vfunc (BbEditorWindow *editor)
{
  BbConsultationEditor *self = BB_CONSULTATION_EDITOR (editor);

  return !self->saved && is_dirty (self);
}

static gboolean
save_vfunc (BbEditorWindow *editor)
{
  return bb_consultation_editor_save (BB_CONSULTATION_EDITOR (editor));
}

/* Not the editors' usual question: what was typed stays as a draft, and it can be saved. */
static void
ask_discard_vfunc (BbEditorWindow *editor)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (editor), _("Discard the Unsaved Consultation?"),
                                   _("What you typed is kept as a draft until you discard it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), editor,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setting up ------------------------------------------------------------------------------- */

static void
load (BbConsultationEditor *self,
      gint64                consultation_id,
      gint64                shelter_id,
      gint64                person_id)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  g_autoptr(GVariant) state = NULL;
  g_auto(GVariantBuilder) followups = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(xssb)"));
  g_autoptr(GArray) people = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *duration = NULL;
  BbConsultation *consultation = NULL;

  if (consultation_id != 0)
    consultation = bb_store_get (self->store, BB_TYPE_CONSULTATION, consultation_id, NULL);

  if (consultation != NULL)
    {
      g_autoptr(GListModel) list = NULL;
      int minutes = bb_consultation_get_duration_minutes (consultation);

      self->consultation = consultation;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Consultation"));

      date = bb_format_date (bb_consultation_get_started_at (consultation));
      time = bb_format_time (bb_consultation_get_started_at (consultation));
      duration = minutes > 0 ? g_strdup_printf ("%d", minutes) : g_strdup ("");
      g_variant_dict_insert (dict, "format", "s", bb_consultation_get_format (consultation));
      g_variant_dict_insert (dict, "shelter-id", "x", bb_consultation_get_shelter_id (consultation));
      g_variant_dict_insert (dict, "notes", "s",
                             bb_consultation_get_notes (consultation) ? bb_consultation_get_notes (consultation) : "");
      g_variant_dict_insert (dict, "author", "s",
                             bb_consultation_get_author (consultation) ? bb_consultation_get_author (consultation) : "");
      people = bb_store_get_consultation_people (self->store, consultation_id);
      topics = bb_store_get_consultation_topics (self->store, consultation_id);

      list = bb_store_list_related (self->store, BB_TYPE_FOLLOWUP, "consultation-id", consultation_id);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BbFollowup) followup = g_list_model_get_item (list, i);
          g_autofree char *due = bb_format_date (bb_followup_get_due_on (followup));

          g_variant_builder_add (&followups, "(xssb)", bb_record_get_id (BB_RECORD (followup)),
                                 bb_followup_get_text (followup), due != NULL ? due : "",
                                 bb_followup_get_done_on (followup) != NULL);
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *author = g_settings_get_string (settings, "author-name");

      self->consultation = bb_consultation_new ();
      gtk_window_set_title (GTK_WINDOW (self), _("New Consultation"));

      date = g_date_time_format (now, "%d.%m.%Y");
      time = g_date_time_format (now, "%H:%M");
      duration = g_strdup ("");
      g_variant_dict_insert (dict, "format", "s", "on-site");
      g_variant_dict_insert (dict, "shelter-id", "x", shelter_id);
      g_variant_dict_insert (dict, "notes", "s", "");
      g_variant_dict_insert (dict, "author", "s", author);
      people = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (person_id > 0)
        g_array_append_val (people, person_id);
      topics = g_new0 (char *, 1);
    }

  g_variant_dict_insert (dict, "date", "s", date != NULL ? date : "");
  g_variant_dict_insert (dict, "time", "s", time != NULL ? time : "");
  g_variant_dict_insert (dict, "duration", "s", duration);
  g_variant_dict_insert_value (dict, "people",
                               g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, people->data,
                                                          people->len, sizeof (gint64)));
  g_variant_dict_insert_value (dict, "topics", g_variant_new_strv ((const char * const *) topics, -1));
  g_variant_dict_insert_value (dict, "followups", g_variant_builder_end (&followups));

  state = g_variant_ref_sink (g_variant_dict_end (dict));
  apply_state (self, state);
  self->loading = FALSE;

  /* What the editor starts with, as the editor itself puts it: a change is any difference. */
  self->initial_state = build_state (self);

  setup_topic_completion (self);
  offer_draft (self);
}

static void
setup_pickers (BbConsultationEditor *self)
{
  BbSearchPicker *shelter_picker = bb_search_picker_new (BB_TYPE_SHELTER);
  BbSearchPicker *person_picker = bb_search_picker_new (BB_TYPE_PERSON);

  bb_search_picker_set_store (shelter_picker, self->store);
  bb_search_picker_set_store (person_picker, self->store);
  g_signal_connect_object (shelter_picker, "picked", G_CALLBACK (on_shelter_picked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (person_picker, "picked", G_CALLBACK (add_person), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->shelter_button, GTK_WIDGET (shelter_picker));
  gtk_menu_button_set_popover (self->person_button, GTK_WIDGET (person_picker));
}

static BbConsultationEditor *
editor_new (GtkWindow *parent,
            BbStore   *store,
            gint64     consultation_id,
            gint64     shelter_id,
            gint64     person_id)
{
  BbConsultationEditor *self;

  self = g_object_new (BB_TYPE_CONSULTATION_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  setup_pickers (self);
  load (self, consultation_id, shelter_id, person_id);

  return self;
}

BbConsultationEditor *
bb_consultation_editor_new (GtkWindow *parent,
                            BbStore   *store,
                            gint64     consultation_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  return editor_new (parent, store, consultation_id, 0, 0);
}

BbConsultationEditor *
bb_consultation_editor_new_for (GtkWindow *parent,
                                BbStore   *store,
                                gint64     shelter_id,
                                gint64     person_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  return editor_new (parent, store, 0, MAX (shelter_id, 0), MAX (person_id, 0));
}

static void
new_consultation_for_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BbStore *store = bb_window_get_store (BB_WINDOW (widget));
  BbConsultationEditor *editor;
  gint64 shelter_id = 0, person_id = 0;

  if (store == NULL)
    return;

  g_variant_get (parameter, "(xx)", &shelter_id, &person_id);
  editor = bb_consultation_editor_new_for (GTK_WINDOW (widget), store, shelter_id, person_id);
  gtk_window_present (GTK_WINDOW (editor));
}

void
bb_consultation_editor_add_start_button (AdwPreferencesGroup *group,
                                         gint64               shelter_id,
                                         gint64               person_id)
{
  GtkWidget *suffix;
  GtkWidget *button;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  suffix = adw_preferences_group_get_header_suffix (group);
  if (suffix != NULL && GTK_IS_BOX (suffix))
    {
      button = gtk_button_new_from_icon_name ("chat-message-new-symbolic");
      gtk_widget_set_tooltip_text (button, _("New Consultation…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("New Consultation…"), -1);
      gtk_box_prepend (GTK_BOX (suffix), button);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_New Consultation…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_preferences_group_set_header_suffix (group, button);
    }

  gtk_widget_add_css_class (button, "flat");
  /* The target first: the action takes a parameter. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)", shelter_id, person_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-consultation-for");
  /* The group is shown for its button even before its rows. */
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}

void
bb_consultation_editor_install_window_action (GtkWidgetClass *window_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (window_class));

  gtk_widget_class_install_action (window_class, "win.new-consultation-for", "(xx)",
                                   new_consultation_for_action);
}

gint64
bb_consultation_editor_get_consultation_id (BbConsultationEditor *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_EDITOR (self), 0);

  return record_id (self);
}

static void
bb_consultation_editor_dispose (GObject *object)
{
  BbConsultationEditor *self = (BbConsultationEditor *)object;

  /* The window goes away unsaved (closed with its parent, or destroyed): keep what was typed. */
  if (self->draft_source != 0)
    write_draft (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  /* Widgets going away emit changes of their own: they are no edits. */
  self->disposed = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CONSULTATION_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->consultation);
  g_clear_pointer (&self->initial_state, g_variant_unref);
  g_clear_pointer (&self->offered_draft, g_variant_unref);

  G_OBJECT_CLASS (bb_consultation_editor_parent_class)->dispose (object);
}

static void
bb_consultation_editor_finalize (GObject *object)
{
  BbConsultationEditor *self = (BbConsultationEditor *)object;

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->followups, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_consultation_editor_parent_class)->finalize (object);
}

static void
bb_consultation_editor_class_init (BbConsultationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbEditorWindowClass *editor_class = BB_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = bb_consultation_editor_dispose;
  object_class->finalize = bb_consultation_editor_finalize;
  editor_class->save = save_vfunc;
  editor_class->is_dirty = is_dirty_vfunc;
  editor_class->ask_discard = ask_discard_vfunc;

  gtk_widget_class_set_template_from_resource (widget_class, BB_RESOURCE_PATH
                                               "/consultations/bb-consultation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, date_message_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, date_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, time_message_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, time_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, duration_message_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, duration_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, shelter_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, shelter_clear_button);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, shelter_button);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, who_message_row);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, who_message);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, person_button);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, people_list);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, topics_box);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, topic_entry);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, followups_list);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationEditor, author_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shelter_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_activate);

  gtk_widget_class_install_action (widget_class, "editor.add-followup", NULL, add_followup_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);
}

static void
bb_consultation_editor_init (BbConsultationEditor *self)
{
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->topics = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->followups = g_ptr_array_new_with_free_func (followup_row_free);
  /* Until load() has filled the fields, changes are no edits. */
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  bb_editor_setup_codes (self->format_row, BB_CODES_CONSULTATION_FORMAT, FALSE);
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->topic_entry), "name");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->notes_view), "notes");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->author_row), "author");

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->people_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->followups_list), FALSE);
  hide_draft_offer (self);
}
