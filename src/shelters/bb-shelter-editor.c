/* bb-shelter-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-shelter-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-editor.h"
#include "bb-format.h"
#include "bb-shelter-editor-private.h"
#include "bb-validate.h"

struct _BbShelterEditor
{
  BbEditorWindow parent_instance;

  AdwEntryRow *name_row;
  GtkLabel *name_message;
  AdwComboRow *kind_row;
  AdwComboRow *status_row;
  AdwComboRow *operator_row;
  AdwEntryRow *street_row;
  AdwEntryRow *postcode_row;
  GtkLabel *postcode_message;
  AdwComboRow *district_row;
  GtkLabel *district_message;
  AdwEntryRow *capacity_row;
  GtkLabel *capacity_message;
  AdwEntryRow *residents_row;
  GtkLabel *residents_message;
  AdwEntryRow *opened_row;
  GtkLabel *opened_message;
  AdwEntryRow *closed_row;
  GtkLabel *closed_message;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  GtkLabel *email_message;
  GtkTextView *notes_view;

  BbStore *store;
  BbShelter *shelter;        /* what is edited: a copy of the stored one, or a new one */
  GArray *district_ids;      /* gint64 per row of district_row; 0 for "choose" */
  GArray *operator_ids;      /* gint64 per row of operator_row; 0 for none */
  gboolean loading;
  gboolean attempted;        /* Save was tried: required fields say they are missing */
};

G_DEFINE_FINAL_TYPE (BbShelterEditor, bb_shelter_editor, BB_TYPE_EDITOR_WINDOW)

/* A number of people: empty is unknown (-1); FALSE if it is no whole number ≥ 0. */
static gboolean
parse_count (AdwEntryRow *row,
             int         *count)
{
  g_autofree char *text = bb_editor_dup_text (row);
  guint64 value;

  *count = -1;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *count = (int) value;
  return TRUE;
}

static gboolean
postcode_valid (const char *postcode)
{
  if (postcode == NULL)
    return TRUE;
  if (strlen (postcode) != 5)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (postcode[i]))
      return FALSE;

  return TRUE;
}

/* Checks every field, shows the messages and, if shelter is given, fills it. */
static gboolean
validate (BbShelterEditor *self,
          BbShelter       *shelter)
{
  g_autofree char *name = bb_editor_dup_text (self->name_row);
  g_autofree char *postcode = bb_editor_dup_text (self->postcode_row);
  g_autofree char *opened_text = bb_editor_dup_text (self->opened_row);
  g_autofree char *closed_text = bb_editor_dup_text (self->closed_row);
  g_autofree char *opened = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *email = bb_editor_dup_text (self->email_row);
  guint district_pos = adw_combo_row_get_selected (self->district_row);
  gint64 district_id = 0;
  gboolean valid = TRUE;
  int capacity, residents;
  gboolean capacity_ok, residents_ok;

  if (name == NULL)
    {
      bb_editor_set_message (GTK_WIDGET (self->name_row), self->name_message,
                             self->attempted ? _("A name is required.") : NULL);
      valid = FALSE;
    }
  else
    bb_editor_set_message (GTK_WIDGET (self->name_row), self->name_message, NULL);

  if (district_pos < self->district_ids->len)
    district_id = g_array_index (self->district_ids, gint64, district_pos);
  if (district_id == 0)
    {
      bb_editor_set_message (GTK_WIDGET (self->district_row), self->district_message,
                             self->attempted ? _("Choose the district the shelter is in.") : NULL);
      valid = FALSE;
    }
  else
    bb_editor_set_message (GTK_WIDGET (self->district_row), self->district_message, NULL);

  if (!postcode_valid (postcode))
    {
      bb_editor_set_message (GTK_WIDGET (self->postcode_row), self->postcode_message,
                             _("A postcode has exactly five digits, e.g. 10115."));
      valid = FALSE;
    }
  else
    bb_editor_set_message (GTK_WIDGET (self->postcode_row), self->postcode_message, NULL);

  capacity_ok = parse_count (self->capacity_row, &capacity);
  bb_editor_set_message (GTK_WIDGET (self->capacity_row), self->capacity_message,
                         capacity_ok ? NULL : _("Enter the number of places as a whole number."));
  valid &= capacity_ok;

  residents_ok = parse_count (self->residents_row, &residents);
  if (!residents_ok)
    bb_editor_set_message (GTK_WIDGET (self->residents_row), self->residents_message,
                           _("Enter the number of residents as a whole number."));
  else if (capacity_ok && capacity >= 0 && residents > capacity)
    bb_editor_set_message_full (GTK_WIDGET (self->residents_row), self->residents_message,
                                _("More residents than places. Saving is possible; please "
                                  "check the numbers."), TRUE);
  else
    bb_editor_set_message (GTK_WIDGET (self->residents_row), self->residents_message, NULL);
  valid &= residents_ok;

  opened = opened_text ? bb_validate_parse_date (opened_text) : NULL;
  closed = closed_text ? bb_validate_parse_date (closed_text) : NULL;
  bb_editor_set_message (GTK_WIDGET (self->opened_row), self->opened_message,
                         opened_text && !opened ? _("Enter a date such as 25.11.2026.") : NULL);
  if (closed_text && !closed)
    bb_editor_set_message (GTK_WIDGET (self->closed_row), self->closed_message,
                           _("Enter a date such as 25.11.2026."));
  else if (opened && closed && strcmp (closed, opened) < 0)
    bb_editor_set_message (GTK_WIDGET (self->closed_row), self->closed_message,
                           _("The shelter cannot close before it opened."));
  else
    bb_editor_set_message (GTK_WIDGET (self->closed_row), self->closed_message, NULL);
  if ((opened_text && !opened) || (closed_text && !closed)
      || (opened && closed && strcmp (closed, opened) < 0))
    valid = FALSE;

  if (email != NULL && !bb_validate_email (email))
    {
      bb_editor_set_message (GTK_WIDGET (self->email_row), self->email_message,
                             _("Enter an e-mail address such as name@example.org."));
      valid = FALSE;
    }
  else
    bb_editor_set_message (GTK_WIDGET (self->email_row), self->email_message, NULL);

  valid &= bb_editor_check_text_fields (GTK_WIDGET (self));

  if (valid && shelter != NULL)
    {
      const char * const *kinds = bb_codes_list (BB_CODES_SHELTER_TYPE);
      const char * const *statuses = bb_codes_list (BB_CODES_SHELTER_STATUS);
      guint operator_pos = adw_combo_row_get_selected (self->operator_row);
      g_autofree char *street = bb_editor_dup_text (self->street_row);
      g_autofree char *phone = bb_editor_dup_text (self->phone_row);
      g_autofree char *notes = bb_editor_dup_notes (self->notes_view);

      bb_shelter_set_name (shelter, name);
      bb_shelter_set_kind (shelter, kinds[adw_combo_row_get_selected (self->kind_row)]);
      bb_shelter_set_status (shelter, statuses[adw_combo_row_get_selected (self->status_row)]);
      bb_shelter_set_operator_id (shelter, operator_pos < self->operator_ids->len
                                           ? g_array_index (self->operator_ids, gint64,
                                                            operator_pos)
                                           : 0);
      bb_shelter_set_street (shelter, street);
      bb_shelter_set_postcode (shelter, postcode);
      bb_shelter_set_district_id (shelter, district_id);
      bb_shelter_set_capacity (shelter, capacity);
      bb_shelter_set_residents (shelter, residents);
      bb_shelter_set_opened_on (shelter, opened);
      bb_shelter_set_closed_on (shelter, closed);
      bb_shelter_set_phone (shelter, phone);
      bb_shelter_set_email (shelter, email);
      bb_shelter_set_notes (shelter, notes);
    }

  return valid;
}

static void
on_changed (BbShelterEditor *self)
{
  if (self->loading)
    return;

  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  validate (self, NULL);
}

gboolean
bb_shelter_editor_is_valid (BbShelterEditor *self)
{
  g_return_val_if_fail (BB_IS_SHELTER_EDITOR (self), FALSE);

  return validate (self, NULL);
}

gboolean
bb_shelter_editor_save (BbShelterEditor *self)
{
  g_autoptr(BbShelter) shelter = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_SHELTER_EDITOR (self), FALSE);

  self->attempted = TRUE;
  /* A copy, so that a refused save leaves the edited record as it was. */
  shelter = BB_SHELTER (g_object_new (BB_TYPE_SHELTER, NULL));
  bb_record_set_id (BB_RECORD (shelter), bb_record_get_id (BB_RECORD (self->shelter)));
  if (!validate (self, shelter))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (bb_record_get_id (BB_RECORD (shelter)) == 0)
    ok = bb_store_insert (self->store, BB_RECORD (shelter), &error);
  else
    ok = bb_store_update (self->store, BB_RECORD (shelter), &error);

  if (!ok)
    {
      bb_editor_window_show_error (BB_EDITOR_WINDOW (self), self->store,
                                   _("Cannot Save the Shelter"), error);
      return FALSE;
    }

  g_set_object (&self->shelter, shelter);
  bb_editor_window_finish (BB_EDITOR_WINDOW (self), bb_record_get_id (BB_RECORD (shelter)), TRUE);

  return TRUE;
}

/* Labels of every record of type, after first_label (with id 0) if given. */
static GtkStringList *
record_labels (BbStore    *store,
               GType       type,
               const char *first_label,
               GArray     *ids)
{
  g_autoptr(GListModel) records = bb_store_list (store, type);
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (records);

  if (first_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (labels, first_label);
      g_array_append_val (ids, none);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (records, i);
      g_autofree char *label = bb_record_dup_label (record);
      gint64 id = bb_record_get_id (record);

      gtk_string_list_append (labels, label ? label : "");
      g_array_append_val (ids, id);
    }

  return labels;
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

static void
set_count (AdwEntryRow *row,
           int          count)
{
  g_autofree char *text = count >= 0 ? g_strdup_printf ("%d", count) : NULL;

  bb_editor_set_text (row, text);
}

static void
load (BbShelterEditor *self)
{
  g_autoptr(GtkStringList) districts = NULL;
  g_autoptr(GtkStringList) operators = NULL;
  g_autofree char *opened = bb_format_date (bb_shelter_get_opened_on (self->shelter));
  g_autofree char *closed = bb_format_date (bb_shelter_get_closed_on (self->shelter));
  int kind, status;

  self->loading = TRUE;

  districts = record_labels (self->store, BB_TYPE_DISTRICT, _("Choose…"), self->district_ids);
  operators = record_labels (self->store, BB_TYPE_ORGANISATION, _("None"), self->operator_ids);
  bb_editor_setup_codes (self->kind_row, BB_CODES_SHELTER_TYPE, FALSE);
  bb_editor_setup_codes (self->status_row, BB_CODES_SHELTER_STATUS, FALSE);
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (districts));
  adw_combo_row_set_model (self->operator_row, G_LIST_MODEL (operators));

  bb_editor_set_text (self->name_row, bb_shelter_get_name (self->shelter));
  kind = bb_codes_index (BB_CODES_SHELTER_TYPE, bb_shelter_get_kind (self->shelter));
  adw_combo_row_set_selected (self->kind_row, MAX (kind, 0));
  status = bb_codes_index (BB_CODES_SHELTER_STATUS, bb_shelter_get_status (self->shelter));
  adw_combo_row_set_selected (self->status_row, MAX (status, 0));
  adw_combo_row_set_selected (self->operator_row,
                              find_id (self->operator_ids,
                                       bb_shelter_get_operator_id (self->shelter)));
  adw_combo_row_set_selected (self->district_row,
                              find_id (self->district_ids,
                                       bb_shelter_get_district_id (self->shelter)));
  bb_editor_set_text (self->street_row, bb_shelter_get_street (self->shelter));
  bb_editor_set_text (self->postcode_row, bb_shelter_get_postcode (self->shelter));
  set_count (self->capacity_row, bb_shelter_get_capacity (self->shelter));
  set_count (self->residents_row, bb_shelter_get_residents (self->shelter));
  bb_editor_set_text (self->opened_row, opened);
  bb_editor_set_text (self->closed_row, closed);
  bb_editor_set_text (self->phone_row, bb_shelter_get_phone (self->shelter));
  bb_editor_set_text (self->email_row, bb_shelter_get_email (self->shelter));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            bb_shelter_get_notes (self->shelter)
                            ? bb_shelter_get_notes (self->shelter) : "", -1);

  self->loading = FALSE;
  validate (self, NULL);
}

static void
on_notes_changed (BbShelterEditor *self)
{
  if (!self->loading)
    bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
}

void
bb_shelter_editor_prepare_close (BbShelterEditor *self)
{
  g_return_if_fail (BB_IS_SHELTER_EDITOR (self));

  gtk_window_set_title (GTK_WINDOW (self), _("Close Shelter"));
  adw_combo_row_set_selected (self->status_row,
                              MAX (bb_codes_index (BB_CODES_SHELTER_STATUS, "closed"), 0));
  if (gtk_editable_get_text (GTK_EDITABLE (self->closed_row))[0] == '\0')
    {
      g_autofree char *today = bb_format_today_iso ();
      g_autofree char *text = bb_format_date (today);

      bb_editor_set_text (self->closed_row, text);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->closed_row));
}

BbShelterEditor *
bb_shelter_editor_new (GtkWindow *parent,
                       BbStore   *store,
                       gint64     shelter_id)
{
  BbShelterEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  self = g_object_new (BB_TYPE_SHELTER_EDITOR,
                       "transient-for", parent,
                       "title", shelter_id ? _("Edit Shelter") : _("New Shelter"),
                       NULL);
  self->store = g_object_ref (store);
  if (shelter_id != 0)
    self->shelter = bb_store_get (store, BB_TYPE_SHELTER, shelter_id, NULL);
  if (self->shelter == NULL)
    self->shelter = bb_shelter_new ();

  load (self);

  return self;
}

GtkWidget *
_bb_shelter_editor_get_widget (BbShelterEditor *self,
                               const char      *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BB_TYPE_SHELTER_EDITOR,
                                                    id));
}

static gboolean
save_vfunc (BbEditorWindow *editor)
{
  return bb_shelter_editor_save (BB_SHELTER_EDITOR (editor));
}

static void
bb_shelter_editor_dispose (GObject *object)
{
  BbShelterEditor *self = (BbShelterEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SHELTER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->shelter);

  G_OBJECT_CLASS (bb_shelter_editor_parent_class)->dispose (object);
}

static void
bb_shelter_editor_finalize (GObject *object)
{
  BbShelterEditor *self = (BbShelterEditor *)object;

  g_clear_pointer (&self->district_ids, g_array_unref);
  g_clear_pointer (&self->operator_ids, g_array_unref);

  G_OBJECT_CLASS (bb_shelter_editor_parent_class)->finalize (object);
}

static void
bb_shelter_editor_class_init (BbShelterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbEditorWindowClass *editor_class = BB_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = bb_shelter_editor_dispose;
  object_class->finalize = bb_shelter_editor_finalize;
  editor_class->save = save_vfunc;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/shelters/bb-shelter-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BbShelterEditor, name)
  BIND (name_row);
  BIND (name_message);
  BIND (kind_row);
  BIND (status_row);
  BIND (operator_row);
  BIND (street_row);
  BIND (postcode_row);
  BIND (postcode_message);
  BIND (district_row);
  BIND (district_message);
  BIND (capacity_row);
  BIND (capacity_message);
  BIND (residents_row);
  BIND (residents_message);
  BIND (opened_row);
  BIND (opened_message);
  BIND (closed_row);
  BIND (closed_message);
  BIND (phone_row);
  BIND (email_row);
  BIND (email_message);
  BIND (notes_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
bb_shelter_editor_init (BbShelterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_editor_window_set_discard_body (BB_EDITOR_WINDOW (self),
                                     _("The changes to this shelter have not been saved."));

  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->name_row), "name");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->street_row), "street");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->phone_row), "phone");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->email_row), "email");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->notes_view), "notes");

  self->district_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->operator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}
