/* bb-record-picker.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-record-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-record-picker.h"
#include "bb-store-network.h"

struct _BbRecordPicker
{
  GtkWidget parent_instance;

  GtkMenuButton *button;
  GtkLabel *button_label;
  GtkPopover *popover;
  GtkBox *type_box;
  GtkToggleButton *first_toggle;
  GtkToggleButton *second_toggle;
  GtkSearchEntry *search_entry;
  GtkListView *list_view;
  GtkButton *none_button;

  BbStore *store;
  GType types[2];
  GType list_type;
  GListModel *model;
  GtkSingleSelection *selection;

  GType selected_type;
  gint64 selected_id;
};

G_DEFINE_FINAL_TYPE (BbRecordPicker, bb_record_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
type_title (GType type)
{
  if (type == BB_TYPE_PERSON)
    return _("People");
  if (type == BB_TYPE_ORGANISATION)
    return _("Organisations");

  return _("Shelters");
}

static void
update_button (BbRecordPicker *self)
{
  g_autofree char *label = NULL;

  if (self->store != NULL && self->selected_id != 0)
    label = bb_store_dup_label (self->store, self->selected_type, self->selected_id);

  gtk_label_set_text (self->button_label, label != NULL ? label : _("None"));
  /* The whole name where the button cuts it off (a narrow window). */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  label != NULL ? label : _("None"), -1);
}

static void
reload (BbRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  BbNetworkFilter filter = { .search = text };
  g_autoptr(GListModel) model = NULL;

  if (self->store == NULL)
    return;

  if (self->list_type == BB_TYPE_PERSON)
    model = bb_store_list_people (self->store, &filter);
  else if (self->list_type == BB_TYPE_ORGANISATION)
    model = bb_store_list_organisations (self->store, &filter);
  else
    model = bb_store_list_shelters_matching (self->store, text);

  g_set_object (&self->model, model);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
on_search_changed (BbRecordPicker *self)
{
  reload (self);
}

static void
on_search_activate (BbRecordPicker *self)
{
  /* Enter takes the first match, as in a search in a list. */
  if (self->model != NULL && g_list_model_get_n_items (self->model) > 0)
    g_signal_emit_by_name (self->list_view, "activate", 0);
}

static void
on_list_activate (BbRecordPicker *self,
                  guint           position)
{
  g_autoptr(BbRecord) record = NULL;

  if (self->model == NULL)
    return;

  record = g_list_model_get_item (self->model, position);
  if (record == NULL)
    return;

  gtk_popover_popdown (self->popover);
  bb_record_picker_set_selected (self, G_OBJECT_TYPE (record), bb_record_get_id (record));
}

static void
on_none_clicked (BbRecordPicker *self)
{
  gtk_popover_popdown (self->popover);
  bb_record_picker_set_selected (self, self->list_type, 0);
}

static void
on_toggle (BbRecordPicker  *self,
           GtkToggleButton *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  bb_record_picker_set_list_type (self, toggle == self->first_toggle ? self->types[0]
                                                                      : self->types[1]);
}

static void
on_popover_show (BbRecordPicker *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "margin-top", 6,
                                   "margin-bottom", 6,
                                   "margin-start", 6,
                                   "margin-end", 6,
                                   NULL);

  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  BbRecord *record = gtk_list_item_get_item (item);
  g_autofree char *label = record != NULL ? bb_record_dup_label (record) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label ? label : "");
}

BbRecordPicker *
bb_record_picker_new (void)
{
  return g_object_new (BB_TYPE_RECORD_PICKER, NULL);
}

void
bb_record_picker_setup (BbRecordPicker *self,
                        BbStore        *store,
                        GType           first_type,
                        GType           second_type,
                        gboolean        allow_none)
{
  GtkWidget *row;

  g_return_if_fail (BB_IS_RECORD_PICKER (self));
  g_return_if_fail (BB_IS_STORE (store));

  g_set_object (&self->store, store);
  self->types[0] = first_type;
  self->types[1] = second_type;
  gtk_widget_set_visible (GTK_WIDGET (self->type_box), second_type != G_TYPE_INVALID);
  gtk_button_set_label (GTK_BUTTON (self->first_toggle), type_title (first_type));
  if (second_type != G_TYPE_INVALID)
    gtk_button_set_label (GTK_BUTTON (self->second_toggle), type_title (second_type));
  gtk_widget_set_visible (GTK_WIDGET (self->none_button), allow_none);
  if (self->selected_type == G_TYPE_INVALID)
    self->selected_type = first_type;

  bb_record_picker_set_list_type (self, first_type);
  update_button (self);

  /* The button is named after the row it sits in ("Organisation") for screen readers; its
   * description is the record chosen. */
  row = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_ROW);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

void
bb_record_picker_set_list_type (BbRecordPicker *self,
                                GType           type)
{
  g_return_if_fail (BB_IS_RECORD_PICKER (self));
  g_return_if_fail (type == self->types[0] || type == self->types[1]);

  if (type == self->list_type && self->model != NULL)
    return;

  self->list_type = type;
  gtk_toggle_button_set_active (type == self->types[0] ? self->first_toggle
                                                       : self->second_toggle, TRUE);
  reload (self);
}

void
bb_record_picker_set_selected (BbRecordPicker *self,
                               GType           type,
                               gint64          id)
{
  g_return_if_fail (BB_IS_RECORD_PICKER (self));

  if (self->selected_type == type && self->selected_id == id)
    return;

  self->selected_type = type;
  self->selected_id = id;
  update_button (self);
  if (type == self->types[0] || type == self->types[1])
    bb_record_picker_set_list_type (self, type);
  g_signal_emit (self, signals [CHANGED], 0);
}

gint64
bb_record_picker_get_selected_id (BbRecordPicker *self)
{
  g_return_val_if_fail (BB_IS_RECORD_PICKER (self), 0);

  return self->selected_id;
}

GType
bb_record_picker_get_selected_type (BbRecordPicker *self)
{
  g_return_val_if_fail (BB_IS_RECORD_PICKER (self), G_TYPE_INVALID);

  return self->selected_type;
}

GtkEditable *
bb_record_picker_get_search_entry (BbRecordPicker *self)
{
  g_return_val_if_fail (BB_IS_RECORD_PICKER (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkListView *
bb_record_picker_get_list_view (BbRecordPicker *self)
{
  g_return_val_if_fail (BB_IS_RECORD_PICKER (self), NULL);

  return self->list_view;
}

GtkMenuButton *
bb_record_picker_get_button (BbRecordPicker *self)
{
  g_return_val_if_fail (BB_IS_RECORD_PICKER (self), NULL);

  return self->button;
}

static void
bb_record_picker_dispose (GObject *object)
{
  BbRecordPicker *self = (BbRecordPicker *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_RECORD_PICKER);

  G_OBJECT_CLASS (bb_record_picker_parent_class)->dispose (object);
}

static void
bb_record_picker_class_init (BbRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_record_picker_dispose;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/network/bb-record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, button);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, button_label);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, type_box);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, first_toggle);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, second_toggle);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, BbRecordPicker, none_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_none_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_toggle);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
}

static void
bb_record_picker_init (BbRecordPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}
