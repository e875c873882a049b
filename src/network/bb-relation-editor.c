/* bb-relation-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-relation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-editor.h"
#include "bb-format.h"
#include "bb-record-picker.h"
#include "bb-relation-editor.h"
#include "bb-validate.h"

struct _BbRelationEditor
{
  BbEditorWindow parent_instance;

  AdwActionRow *from_row;
  BbRecordPicker *from_picker;
  GtkLabel *from_message;
  AdwComboRow *kind_row;
  AdwActionRow *to_row;
  BbRecordPicker *to_picker;
  GtkLabel *to_message;
  AdwEntryRow *since_row;
  GtkLabel *since_message;
  AdwEntryRow *until_row;
  GtkLabel *until_message;
  AdwEntryRow *note_row;

  BbStore *store;
  gint64 relation_id;
  gboolean attempted;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BbRelationEditor, bb_relation_editor, BB_TYPE_EDITOR_WINDOW)

static gboolean
validate (BbRelationEditor *self,
          BbRelation       *relation)
{
  GType from_type = bb_record_picker_get_selected_type (self->from_picker);
  gint64 from_id = bb_record_picker_get_selected_id (self->from_picker);
  GType to_type = bb_record_picker_get_selected_type (self->to_picker);
  gint64 to_id = bb_record_picker_get_selected_id (self->to_picker);
  g_autofree char *since_text = bb_editor_dup_text (self->since_row);
  g_autofree char *until_text = bb_editor_dup_text (self->until_row);
  g_autofree char *since = bb_validate_parse_date (since_text);
  g_autofree char *until = bb_validate_parse_date (until_text);
  gboolean same = from_id != 0 && from_type == to_type && from_id == to_id;
  const char *to_text = NULL;
  gboolean valid = TRUE;

  bb_editor_set_message (GTK_WIDGET (self->from_row), self->from_message,
                         from_id == 0 && self->attempted
                         ? _("Choose the person or organisation the link starts from.") : NULL);
  valid &= from_id != 0;

  if (to_id == 0 && self->attempted)
    to_text = _("Choose the person or organisation it links to.");
  else if (same)
    to_text = _("A link needs two different people or organisations.");
  bb_editor_set_message (GTK_WIDGET (self->to_row), self->to_message, to_text);
  valid &= to_id != 0 && !same;

  bb_editor_set_message (GTK_WIDGET (self->since_row), self->since_message,
                         since_text != NULL && since == NULL
                         ? _("Enter a date such as 25.11.2026.") : NULL);
  valid &= since_text == NULL || since != NULL;

  if (until_text != NULL && until == NULL)
    bb_editor_set_message (GTK_WIDGET (self->until_row), self->until_message,
                           _("Enter a date such as 25.11.2026."));
  else if (bb_validate_dates_reversed (since, until))
    bb_editor_set_message (GTK_WIDGET (self->until_row), self->until_message,
                           _("The link cannot end before it began."));
  else
    bb_editor_set_message (GTK_WIDGET (self->until_row), self->until_message, NULL);
  valid &= (until_text == NULL || until != NULL) && !bb_validate_dates_reversed (since, until);

  valid &= bb_editor_check_text_fields (GTK_WIDGET (self));

  if (valid && relation != NULL)
    {
      const char * const *kinds = bb_codes_list (BB_CODES_RELATION_TYPE);
      g_autofree char *note = bb_editor_dup_text (self->note_row);

      bb_relation_set_from_person_id (relation, from_type == BB_TYPE_PERSON ? from_id : 0);
      bb_relation_set_from_organisation_id (relation,
                                            from_type == BB_TYPE_ORGANISATION ? from_id : 0);
      bb_relation_set_to_person_id (relation, to_type == BB_TYPE_PERSON ? to_id : 0);
      bb_relation_set_to_organisation_id (relation, to_type == BB_TYPE_ORGANISATION ? to_id : 0);
      bb_relation_set_kind (relation, kinds[adw_combo_row_get_selected (self->kind_row)]);
      bb_relation_set_since (relation, since);
      bb_relation_set_until (relation, until);
      bb_relation_set_note (relation, note);
    }

  return valid;
}

static void
on_changed (BbRelationEditor *self)
{
  if (self->loading)
    return;

  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  validate (self, NULL);
}

gboolean
bb_relation_editor_save (BbRelationEditor *self)
{
  g_autoptr(BbRelation) relation = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_RELATION_EDITOR (self), FALSE);

  self->attempted = TRUE;
  relation = bb_relation_new ();
  bb_record_set_id (BB_RECORD (relation), self->relation_id);
  if (!validate (self, relation))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  ok = self->relation_id == 0 ? bb_store_insert (self->store, BB_RECORD (relation), &error)
                              : bb_store_update (self->store, BB_RECORD (relation), &error);
  if (!ok)
    {
      bb_editor_window_show_error (BB_EDITOR_WINDOW (self), self->store,
                                   _("Cannot Save the Link"), error);
      return FALSE;
    }

  self->relation_id = bb_record_get_id (BB_RECORD (relation));
  bb_editor_window_finish (BB_EDITOR_WINDOW (self), self->relation_id, TRUE);

  return TRUE;
}

static void
set_end (BbRecordPicker *picker,
         gint64          person_id,
         gint64          organisation_id)
{
  if (person_id != 0)
    bb_record_picker_set_selected (picker, BB_TYPE_PERSON, person_id);
  else
    bb_record_picker_set_selected (picker, BB_TYPE_ORGANISATION, organisation_id);
}

BbRelationEditor *
bb_relation_editor_new (GtkWindow *parent,
                        BbStore   *store,
                        gint64     relation_id,
                        GType      from_type,
                        gint64     from_id)
{
  BbRelationEditor *self;
  g_autoptr(BbRelation) relation = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  self = g_object_new (BB_TYPE_RELATION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  self->loading = TRUE;
  bb_editor_setup_codes (self->kind_row, BB_CODES_RELATION_TYPE, FALSE);
  bb_record_picker_setup (self->from_picker, store, BB_TYPE_PERSON, BB_TYPE_ORGANISATION, FALSE);
  bb_record_picker_setup (self->to_picker, store, BB_TYPE_PERSON, BB_TYPE_ORGANISATION, FALSE);

  if (relation_id != 0)
    relation = bb_store_get (store, BB_TYPE_RELATION, relation_id, NULL);

  if (relation != NULL)
    {
      g_autofree char *since = bb_format_date (bb_relation_get_since (relation));
      g_autofree char *until = bb_format_date (bb_relation_get_until (relation));

      self->relation_id = relation_id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Link"));
      set_end (self->from_picker, bb_relation_get_from_person_id (relation),
               bb_relation_get_from_organisation_id (relation));
      set_end (self->to_picker, bb_relation_get_to_person_id (relation),
               bb_relation_get_to_organisation_id (relation));
      adw_combo_row_set_selected (self->kind_row,
                                  MAX (bb_codes_index (BB_CODES_RELATION_TYPE,
                                                       bb_relation_get_kind (relation)), 0));
      /* Dates as people type them here. */
      bb_editor_set_text (self->since_row, since);
      bb_editor_set_text (self->until_row, until);
      bb_editor_set_text (self->note_row, bb_relation_get_note (relation));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Link"));
      if (from_id != 0)
        bb_record_picker_set_selected (self->from_picker, from_type, from_id);
      /* The other end is more often a person to a person's contact, an organisation to an
       * organisation's. */
      if (from_type == BB_TYPE_ORGANISATION)
        bb_record_picker_set_list_type (self->to_picker, BB_TYPE_ORGANISATION);
    }

  self->loading = FALSE;
  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), FALSE);

  return self;
}

static gboolean
save_vfunc (BbEditorWindow *editor)
{
  return bb_relation_editor_save (BB_RELATION_EDITOR (editor));
}

static void
bb_relation_editor_dispose (GObject *object)
{
  BbRelationEditor *self = (BbRelationEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_RELATION_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_relation_editor_parent_class)->dispose (object);
}

static void
bb_relation_editor_class_init (BbRelationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbEditorWindowClass *editor_class = BB_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = bb_relation_editor_dispose;
  editor_class->save = save_vfunc;

  g_type_ensure (BB_TYPE_RECORD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/network/bb-relation-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BbRelationEditor, name)
  BIND (from_row);
  BIND (from_picker);
  BIND (from_message);
  BIND (kind_row);
  BIND (to_row);
  BIND (to_picker);
  BIND (to_message);
  BIND (since_row);
  BIND (since_message);
  BIND (until_row);
  BIND (until_message);
  BIND (note_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
bb_relation_editor_init (BbRelationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_editor_window_set_discard_body (BB_EDITOR_WINDOW (self),
                                     _("The changes to this link have not been saved."));
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->note_row), "note");
}
