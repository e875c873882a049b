/* bb-organisation-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-organisation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-editor.h"
#include "bb-organisation-editor.h"
#include "bb-validate.h"

struct _BbOrganisationEditor
{
  BbEditorWindow parent_instance;

  AdwEntryRow *name_row;
  GtkLabel *name_message;
  AdwComboRow *kind_row;
  AdwEntryRow *street_row;
  AdwEntryRow *postcode_row;
  GtkLabel *postcode_message;
  AdwEntryRow *city_row;
  AdwComboRow *district_row;
  AdwEntryRow *phone_row;
  GtkLabel *phone_message;
  AdwEntryRow *email_row;
  GtkLabel *email_message;
  AdwEntryRow *web_row;
  GtkTextView *notes_view;

  BbStore *store;
  gint64 organisation_id;
  GArray *district_ids;      /* per position of district_row; 0 for none */
  gboolean attempted;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BbOrganisationEditor, bb_organisation_editor, BB_TYPE_EDITOR_WINDOW)

static gboolean
validate (BbOrganisationEditor *self,
          BbOrganisation       *organisation)
{
  g_autofree char *name = bb_editor_dup_text (self->name_row);
  g_autofree char *postcode = bb_editor_dup_text (self->postcode_row);
  g_autofree char *email = bb_editor_dup_text (self->email_row);
  g_autofree char *phone = bb_editor_dup_text (self->phone_row);
  gboolean valid = TRUE;

  bb_editor_set_message (GTK_WIDGET (self->name_row), self->name_message,
                         name == NULL && self->attempted ? _("A name is required.") : NULL);
  valid &= name != NULL;

  bb_editor_set_message (GTK_WIDGET (self->postcode_row), self->postcode_message,
                         bb_validate_postcode (postcode) ? NULL
                         : _("A postcode has exactly five digits, e.g. 10115."));
  valid &= bb_validate_postcode (postcode);

  bb_editor_set_message (GTK_WIDGET (self->phone_row), self->phone_message,
                         bb_validate_phone (phone) ? NULL
                         : _("Enter a phone number of at least five digits; allowed are "
                             "digits, spaces, + / - ( )."));
  valid &= bb_validate_phone (phone);

  bb_editor_set_message (GTK_WIDGET (self->email_row), self->email_message,
                         bb_validate_email (email) ? NULL
                         : _("Enter an e-mail address such as name@example.org."));
  valid &= bb_validate_email (email);

  valid &= bb_editor_check_text_fields (GTK_WIDGET (self));

  if (valid && organisation != NULL)
    {
      const char * const *kinds = bb_codes_list (BB_CODES_ORGANISATION_KIND);
      guint district_pos = adw_combo_row_get_selected (self->district_row);
      g_autofree char *street = bb_editor_dup_text (self->street_row);
      g_autofree char *city = bb_editor_dup_text (self->city_row);
      g_autofree char *web = bb_editor_dup_text (self->web_row);
      g_autofree char *notes = bb_editor_dup_notes (self->notes_view);

      bb_organisation_set_name (organisation, name);
      bb_organisation_set_kind (organisation, kinds[adw_combo_row_get_selected (self->kind_row)]);
      bb_organisation_set_street (organisation, street);
      bb_organisation_set_postcode (organisation, postcode);
      bb_organisation_set_city (organisation, city);
      bb_organisation_set_district_id (organisation,
                                       district_pos < self->district_ids->len
                                       ? g_array_index (self->district_ids, gint64, district_pos)
                                       : 0);
      bb_organisation_set_phone (organisation, phone);
      bb_organisation_set_email (organisation, email);
      bb_organisation_set_web (organisation, web);
      bb_organisation_set_notes (organisation, notes);
    }

  return valid;
}

static void
on_changed (BbOrganisationEditor *self)
{
  if (self->loading)
    return;

  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  validate (self, NULL);
}

gboolean
bb_organisation_editor_save (BbOrganisationEditor *self)
{
  g_autoptr(BbOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_ORGANISATION_EDITOR (self), FALSE);

  self->attempted = TRUE;
  organisation = bb_organisation_new ();
  bb_record_set_id (BB_RECORD (organisation), self->organisation_id);
  if (!validate (self, organisation))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  ok = self->organisation_id == 0
       ? bb_store_insert (self->store, BB_RECORD (organisation), &error)
       : bb_store_update (self->store, BB_RECORD (organisation), &error);
  if (!ok)
    {
      bb_editor_window_show_error (BB_EDITOR_WINDOW (self), self->store,
                                   _("Cannot Save the Organisation"), error);
      return FALSE;
    }

  self->organisation_id = bb_record_get_id (BB_RECORD (organisation));
  bb_editor_window_finish (BB_EDITOR_WINDOW (self), self->organisation_id, TRUE);

  return TRUE;
}

static void
load (BbOrganisationEditor *self)
{
  g_autoptr(BbOrganisation) organisation = NULL;
  g_autoptr(GListModel) districts = bb_store_list (self->store, BB_TYPE_DISTRICT);
  g_autoptr(GtkStringList) district_names = gtk_string_list_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gint64 none = 0;

  self->loading = TRUE;
  bb_editor_setup_codes (self->kind_row, BB_CODES_ORGANISATION_KIND, FALSE);

  gtk_string_list_append (district_names, _("None"));
  g_array_append_val (self->district_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(BbDistrict) district = g_list_model_get_item (districts, i);
      gint64 id = bb_record_get_id (BB_RECORD (district));

      gtk_string_list_append (district_names, bb_district_get_name (district));
      g_array_append_val (self->district_ids, id);
    }
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (district_names));

  if (self->organisation_id != 0)
    organisation = bb_store_get (self->store, BB_TYPE_ORGANISATION, self->organisation_id, NULL);

  if (organisation != NULL)
    {
      int kind = bb_codes_index (BB_CODES_ORGANISATION_KIND,
                                 bb_organisation_get_kind (organisation));
      gint64 district_id = bb_organisation_get_district_id (organisation);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Organisation"));
      bb_editor_set_text (self->name_row, bb_organisation_get_name (organisation));
      adw_combo_row_set_selected (self->kind_row, MAX (kind, 0));
      bb_editor_set_text (self->street_row, bb_organisation_get_street (organisation));
      bb_editor_set_text (self->postcode_row, bb_organisation_get_postcode (organisation));
      bb_editor_set_text (self->city_row, bb_organisation_get_city (organisation));
      for (guint i = 0; i < self->district_ids->len; i++)
        if (g_array_index (self->district_ids, gint64, i) == district_id)
          adw_combo_row_set_selected (self->district_row, i);
      bb_editor_set_text (self->phone_row, bb_organisation_get_phone (organisation));
      bb_editor_set_text (self->email_row, bb_organisation_get_email (organisation));
      bb_editor_set_text (self->web_row, bb_organisation_get_web (organisation));
      gtk_text_buffer_set_text (buffer, bb_organisation_get_notes (organisation)
                                        ? bb_organisation_get_notes (organisation) : "", -1);
    }
  else
    {
      self->organisation_id = 0;
      gtk_window_set_title (GTK_WINDOW (self), _("New Organisation"));
      /* Most new contacts of a regional coordinator are local projects and initiatives. */
      adw_combo_row_set_selected (self->kind_row,
                                  MAX (bb_codes_index (BB_CODES_ORGANISATION_KIND, "project"), 0));
      bb_editor_set_text (self->city_row, "Berlin");
    }

  self->loading = FALSE;
  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), FALSE);
}

BbOrganisationEditor *
bb_organisation_editor_new (GtkWindow *parent,
                            BbStore   *store,
                            gint64     organisation_id)
{
  BbOrganisationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  self = g_object_new (BB_TYPE_ORGANISATION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->organisation_id = organisation_id;
  load (self);

  return self;
}

static void
on_notes_changed (BbOrganisationEditor *self)
{
  on_changed (self);
}

static gboolean
save_vfunc (BbEditorWindow *editor)
{
  return bb_organisation_editor_save (BB_ORGANISATION_EDITOR (editor));
}

static void
bb_organisation_editor_dispose (GObject *object)
{
  BbOrganisationEditor *self = (BbOrganisationEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_ORGANISATION_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_organisation_editor_parent_class)->dispose (object);
}

static void
bb_organisation_editor_finalize (GObject *object)
{
  BbOrganisationEditor *self = (BbOrganisationEditor *)object;

  g_clear_pointer (&self->district_ids, g_array_unref);

  G_OBJECT_CLASS (bb_organisation_editor_parent_class)->finalize (object);
}

static void
bb_organisation_editor_class_init (BbOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbEditorWindowClass *editor_class = BB_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = bb_organisation_editor_dispose;
  object_class->finalize = bb_organisation_editor_finalize;
  editor_class->save = save_vfunc;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH
                                               "/network/bb-organisation-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BbOrganisationEditor, name)
  BIND (name_row);
  BIND (name_message);
  BIND (kind_row);
  BIND (street_row);
  BIND (postcode_row);
  BIND (postcode_message);
  BIND (city_row);
  BIND (district_row);
  BIND (phone_row);
  BIND (phone_message);
  BIND (email_row);
  BIND (email_message);
  BIND (web_row);
  BIND (notes_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
bb_organisation_editor_init (BbOrganisationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_editor_window_set_discard_body (BB_EDITOR_WINDOW (self),
                                     _("The changes to this organisation have not been saved."));
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->name_row), "name");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->street_row), "street");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->city_row), "city");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->phone_row), "phone");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->email_row), "email");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->web_row), "web");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->notes_view), "notes");

  self->district_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}
