/* bb-person-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-editor.h"
#include "bb-person-editor.h"
#include "bb-record-picker.h"
#include "bb-validate.h"

struct _BbPersonEditor
{
  BbEditorWindow parent_instance;

  AdwEntryRow *given_name_row;
  AdwEntryRow *family_name_row;
  GtkLabel *name_message;
  AdwEntryRow *pronouns_row;
  AdwEntryRow *function_row;
  BbRecordPicker *organisation_picker;
  AdwEntryRow *email_row;
  GtkLabel *email_message;
  AdwEntryRow *phone_row;
  GtkLabel *phone_message;
  AdwEntryRow *languages_row;
  GtkListBox *roles_list;
  BbRecordPicker *role_shelter_picker;
  AdwComboRow *role_kind_row;
  AdwActionRow *role_shelter_row;
  GtkLabel *role_message;
  GtkButton *add_role_button;
  GtkTextView *notes_view;

  BbStore *store;
  gint64 person_id;
  GPtrArray *roles;          /* BbPersonShelter; id 0 for those added here */
  GArray *removed_roles;     /* ids of roles to delete on save */
  gboolean attempted;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BbPersonEditor, bb_person_editor, BB_TYPE_EDITOR_WINDOW)

static gboolean
validate (BbPersonEditor *self,
          BbPerson       *person)
{
  g_autofree char *given = bb_editor_dup_text (self->given_name_row);
  g_autofree char *family = bb_editor_dup_text (self->family_name_row);
  g_autofree char *email = bb_editor_dup_text (self->email_row);
  g_autofree char *phone = bb_editor_dup_text (self->phone_row);
  gboolean named = given != NULL || family != NULL;
  gboolean valid = TRUE;

  /* A missing name is only pointed out once saving was tried: an empty new form is no error. */
  bb_editor_set_message (GTK_WIDGET (self->family_name_row), self->name_message,
                         !named && self->attempted
                         ? _("Enter a given name or a family name.") : NULL);
  if (!named && self->attempted)
    gtk_widget_add_css_class (GTK_WIDGET (self->given_name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->given_name_row), "error");
  valid &= named;

  bb_editor_set_message (GTK_WIDGET (self->email_row), self->email_message,
                         bb_validate_email (email) ? NULL
                         : _("Enter an e-mail address such as name@example.org."));
  valid &= bb_validate_email (email);

  bb_editor_set_message (GTK_WIDGET (self->phone_row), self->phone_message,
                         bb_validate_phone (phone) ? NULL
                         : _("Enter a phone number of at least five digits; allowed are "
                             "digits, spaces, + / - ( )."));
  valid &= bb_validate_phone (phone);

  valid &= bb_editor_check_text_fields (GTK_WIDGET (self));

  if (valid && person != NULL)
    {
      g_autofree char *pronouns = bb_editor_dup_text (self->pronouns_row);
      g_autofree char *function = bb_editor_dup_text (self->function_row);
      g_autofree char *languages = bb_editor_dup_text (self->languages_row);
      g_autofree char *notes = bb_editor_dup_notes (self->notes_view);

      bb_person_set_given_name (person, given);
      bb_person_set_family_name (person, family);
      bb_person_set_pronouns (person, pronouns);
      bb_person_set_function (person, function);
      bb_person_set_organisation_id (person,
                                     bb_record_picker_get_selected_id (self->organisation_picker));
      bb_person_set_email (person, email);
      bb_person_set_phone (person, phone);
      bb_person_set_languages (person, languages);
      bb_person_set_notes (person, notes);
    }

  return valid;
}

static void
on_changed (BbPersonEditor *self)
{
  if (self->loading)
    return;

  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  validate (self, NULL);
}

static void
on_notes_changed (BbPersonEditor *self)
{
  on_changed (self);
}

static void render_roles (BbPersonEditor *self);

static void
on_remove_role_clicked (BbPersonEditor *self,
                        GtkButton      *button)
{
  BbPersonShelter *role = g_object_get_data (G_OBJECT (button), "bb-role");
  gint64 id = bb_record_get_id (BB_RECORD (role));

  if (id != 0)
    g_array_append_val (self->removed_roles, id);
  g_ptr_array_remove (self->roles, role);
  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  render_roles (self);
}

static void
render_roles (BbPersonEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_list))) != NULL)
    gtk_list_box_remove (self->roles_list, child);

  for (guint i = 0; i < self->roles->len; i++)
    {
      BbPersonShelter *role = g_ptr_array_index (self->roles, i);
      g_autofree char *shelter = bb_store_dup_label (self->store, BB_TYPE_SHELTER,
                                                     bb_person_shelter_get_shelter_id (role));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shelter ? shelter : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   bb_codes_label (BB_CODES_ROLE,
                                                   bb_person_shelter_get_role (role)));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove Role"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Role"), -1);
      g_object_set_data_full (G_OBJECT (button), "bb-role", g_object_ref (role), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_role_clicked), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->roles_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->roles_list), self->roles->len > 0);
}

static void
on_add_role_clicked (BbPersonEditor *self)
{
  gint64 shelter_id = bb_record_picker_get_selected_id (self->role_shelter_picker);
  const char *code = bb_codes_list (BB_CODES_ROLE)[adw_combo_row_get_selected (self->role_kind_row)];
  g_autoptr(BbPersonShelter) role = NULL;

  if (shelter_id == 0)
    {
      bb_editor_set_message (GTK_WIDGET (self->role_shelter_row), self->role_message,
                             _("Choose the shelter first."));
      return;
    }

  for (guint i = 0; i < self->roles->len; i++)
    {
      BbPersonShelter *other = g_ptr_array_index (self->roles, i);

      if (bb_person_shelter_get_shelter_id (other) == shelter_id
          && g_strcmp0 (bb_person_shelter_get_role (other), code) == 0)
        {
          bb_editor_set_message (GTK_WIDGET (self->role_shelter_row), self->role_message,
                                 _("This role in this shelter is already listed."));
          return;
        }
    }

  bb_editor_set_message (GTK_WIDGET (self->role_shelter_row), self->role_message, NULL);
  role = bb_person_shelter_new ();
  bb_person_shelter_set_shelter_id (role, shelter_id);
  bb_person_shelter_set_role (role, code);
  g_ptr_array_add (self->roles, g_steal_pointer (&role));
  self->loading = TRUE;
  bb_record_picker_set_selected (self->role_shelter_picker, BB_TYPE_SHELTER, 0);
  self->loading = FALSE;
  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  render_roles (self);
}

static gboolean
save_roles (BbPersonEditor  *self,
            gint64           person_id,
            GError         **error)
{
  for (guint i = 0; i < self->removed_roles->len; i++)
    if (!bb_store_delete (self->store, BB_TYPE_PERSON_SHELTER,
                          g_array_index (self->removed_roles, gint64, i), error))
      return FALSE;

  for (guint i = 0; i < self->roles->len; i++)
    {
      BbPersonShelter *role = g_ptr_array_index (self->roles, i);

      if (bb_record_get_id (BB_RECORD (role)) != 0)
        continue;
      bb_person_shelter_set_person_id (role, person_id);
      if (!bb_store_insert (self->store, BB_RECORD (role), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
bb_person_editor_save (BbPersonEditor *self)
{
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gboolean ok;

  g_return_val_if_fail (BB_IS_PERSON_EDITOR (self), FALSE);

  self->attempted = TRUE;
  person = bb_person_new ();
  bb_record_set_id (BB_RECORD (person), self->person_id);
  if (!validate (self, person))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  for (guint i = 0; i < self->roles->len; i++)
    if (bb_record_get_id (g_ptr_array_index (self->roles, i)) == 0)
      g_ptr_array_add (added, g_ptr_array_index (self->roles, i));

  /* The person and their roles together, or nothing. */
  ok = bb_store_begin (self->store, &error);
  if (ok)
    {
      ok = self->person_id == 0 ? bb_store_insert (self->store, BB_RECORD (person), &error)
                                : bb_store_update (self->store, BB_RECORD (person), &error);
      ok = ok && save_roles (self, bb_record_get_id (BB_RECORD (person)), &error);
      ok = ok && bb_store_commit (self->store, &error);
      if (!ok)
        bb_store_rollback (self->store);
    }

  if (!ok)
    {
      /* Nothing was written: the roles added here are still new. */
      for (guint i = 0; i < added->len; i++)
        bb_record_set_id (g_ptr_array_index (added, i), 0);
      bb_editor_window_show_error (BB_EDITOR_WINDOW (self), self->store,
                                   _("Cannot Save the Person"), error);
      return FALSE;
    }

  self->person_id = bb_record_get_id (BB_RECORD (person));
  bb_editor_window_finish (BB_EDITOR_WINDOW (self), self->person_id, TRUE);

  return TRUE;
}

static void
load (BbPersonEditor *self)
{
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(GListModel) roles = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  self->loading = TRUE;
  bb_record_picker_setup (self->organisation_picker, self->store, BB_TYPE_ORGANISATION,
                          G_TYPE_INVALID, TRUE);
  bb_record_picker_setup (self->role_shelter_picker, self->store, BB_TYPE_SHELTER,
                          G_TYPE_INVALID, FALSE);
  bb_editor_setup_codes (self->role_kind_row, BB_CODES_ROLE, FALSE);

  if (self->person_id != 0)
    person = bb_store_get (self->store, BB_TYPE_PERSON, self->person_id, NULL);

  if (person != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
      bb_editor_set_text (self->given_name_row, bb_person_get_given_name (person));
      bb_editor_set_text (self->family_name_row, bb_person_get_family_name (person));
      bb_editor_set_text (self->pronouns_row, bb_person_get_pronouns (person));
      bb_editor_set_text (self->function_row, bb_person_get_function (person));
      bb_record_picker_set_selected (self->organisation_picker, BB_TYPE_ORGANISATION,
                                     bb_person_get_organisation_id (person));
      bb_editor_set_text (self->email_row, bb_person_get_email (person));
      bb_editor_set_text (self->phone_row, bb_person_get_phone (person));
      bb_editor_set_text (self->languages_row, bb_person_get_languages (person));
      gtk_text_buffer_set_text (buffer, bb_person_get_notes (person) ? bb_person_get_notes (person)
                                                                     : "", -1);

      roles = bb_store_list_related (self->store, BB_TYPE_PERSON_SHELTER, "person-id",
                                     self->person_id);
      for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
        g_ptr_array_add (self->roles, g_list_model_get_item (roles, i));
    }
  else
    {
      self->person_id = 0;
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
    }

  render_roles (self);
  self->loading = FALSE;
  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), FALSE);
}

BbPersonEditor *
bb_person_editor_new (GtkWindow *parent,
                      BbStore   *store,
                      gint64     person_id)
{
  BbPersonEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  self = g_object_new (BB_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  load (self);

  return self;
}

void
bb_person_editor_set_organisation (BbPersonEditor *self,
                                   gint64          organisation_id)
{
  g_return_if_fail (BB_IS_PERSON_EDITOR (self));

  self->loading = TRUE;
  bb_record_picker_set_selected (self->organisation_picker, BB_TYPE_ORGANISATION,
                                 organisation_id);
  self->loading = FALSE;
}

static gboolean
save_vfunc (BbEditorWindow *editor)
{
  return bb_person_editor_save (BB_PERSON_EDITOR (editor));
}

static void
bb_person_editor_dispose (GObject *object)
{
  BbPersonEditor *self = (BbPersonEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PERSON_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_person_editor_parent_class)->dispose (object);
}

static void
bb_person_editor_finalize (GObject *object)
{
  BbPersonEditor *self = (BbPersonEditor *)object;

  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->removed_roles, g_array_unref);

  G_OBJECT_CLASS (bb_person_editor_parent_class)->finalize (object);
}

static void
bb_person_editor_class_init (BbPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbEditorWindowClass *editor_class = BB_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = bb_person_editor_dispose;
  object_class->finalize = bb_person_editor_finalize;
  editor_class->save = save_vfunc;

  g_type_ensure (BB_TYPE_RECORD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/network/bb-person-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BbPersonEditor, name)
  BIND (given_name_row);
  BIND (family_name_row);
  BIND (name_message);
  BIND (pronouns_row);
  BIND (function_row);
  BIND (organisation_picker);
  BIND (email_row);
  BIND (email_message);
  BIND (phone_row);
  BIND (phone_message);
  BIND (languages_row);
  BIND (roles_list);
  BIND (role_shelter_picker);
  BIND (role_shelter_row);
  BIND (role_kind_row);
  BIND (role_message);
  BIND (add_role_button);
  BIND (notes_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_role_clicked);
}

static void
bb_person_editor_init (BbPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_editor_window_set_discard_body (BB_EDITOR_WINDOW (self),
                                     _("The changes to this person have not been saved."));
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->given_name_row), "given-name");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->family_name_row), "family-name");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->pronouns_row), "pronouns");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->function_row), "function");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->email_row), "email");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->phone_row), "phone");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->languages_row), "languages");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->notes_view), "notes");

  self->roles = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_roles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}
