/* bb-search-picker.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-search-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-search-picker.h"

/* More would not be read; the search narrows down instead. */
#define MAX_ROWS 30
/* Hits of other kinds (consultation notes) come along; ask for enough to keep MAX_ROWS. */
#define SEARCH_LIMIT 400

struct _BbSearchPicker
{
  GtkPopover parent_instance;

  GType record_type;
  BbStore *store;
  GtkSearchEntry *entry;
  GtkListBox *list_box;
  GtkLabel *hint;
  GArray *ids;
};

G_DEFINE_FINAL_TYPE (BbSearchPicker, bb_search_picker, GTK_TYPE_POPOVER)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
add_row (BbSearchPicker *self,
         gint64          id,
         const char     *label)
{
  GtkWidget *row_label = g_object_new (GTK_TYPE_LABEL,
                                       "label", label,
                                       "xalign", 0.0f,
                                       "ellipsize", PANGO_ELLIPSIZE_END,
                                       "margin-top", 6,
                                       "margin-bottom", 6,
                                       "margin-start", 6,
                                       "margin-end", 6,
                                       NULL);

  gtk_list_box_append (self->list_box, row_label);
  g_array_append_val (self->ids, id);
}

static void
update (BbSearchPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_array_set_size (self->ids, 0);

  if (self->store != NULL && text[0] != '\0')
    {
      hits = bb_store_search (self->store, text, SEARCH_LIMIT, &error);
      /* The message may quote the search text, which can be a name: log only the kind. */
      if (hits == NULL)
        g_warning ("Search failed: %s %d", g_quark_to_string (error->domain), error->code);

      for (guint i = 0; hits != NULL && i < g_list_model_get_n_items (hits)
                        && self->ids->len < MAX_ROWS; i++)
        {
          g_autoptr(BbSearchHit) hit = g_list_model_get_item (hits, i);

          if (bb_search_hit_get_record_type (hit) == self->record_type)
            add_row (self, bb_search_hit_get_id (hit), bb_search_hit_get_title (hit));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), self->ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->hint), self->ids->len == 0);
  if (text[0] == '\0')
    gtk_label_set_text (self->hint, self->record_type == BB_TYPE_SHELTER
                                    ? _("Type a part of the shelter’s name")
                                    : _("Type a part of the person’s name"));
  else
    gtk_label_set_text (self->hint, _("Nothing found"));

  if (self->ids->len > 0)
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, 0));
}

static void
pick (BbSearchPicker *self,
      guint           position)
{
  gint64 id = g_array_index (self->ids, gint64, position);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [PICKED], 0, id);
}

static void
on_row_activated (BbSearchPicker *self,
                  GtkListBoxRow  *row)
{
  pick (self, gtk_list_box_row_get_index (row));
}

static void
on_entry_activate (BbSearchPicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row != NULL)
    pick (self, gtk_list_box_row_get_index (row));
}

static void
on_show (BbSearchPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
bb_search_picker_set_store (BbSearchPicker *self,
                            BbStore        *store)
{
  g_return_if_fail (BB_IS_SEARCH_PICKER (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  g_set_object (&self->store, store);
}

GtkEditable *
bb_search_picker_get_entry (BbSearchPicker *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_PICKER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GArray *
bb_search_picker_dup_shown (BbSearchPicker *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_PICKER (self), NULL);

  return g_array_copy (self->ids);
}

gboolean
bb_search_picker_pick_row (BbSearchPicker *self,
                           guint           position)
{
  g_return_val_if_fail (BB_IS_SEARCH_PICKER (self), FALSE);

  if (position >= self->ids->len)
    return FALSE;

  pick (self, position);
  return TRUE;
}

static void
bb_search_picker_dispose (GObject *object)
{
  BbSearchPicker *self = (BbSearchPicker *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_search_picker_parent_class)->dispose (object);
}

static void
bb_search_picker_finalize (GObject *object)
{
  BbSearchPicker *self = (BbSearchPicker *)object;

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (bb_search_picker_parent_class)->finalize (object);
}

static void
bb_search_picker_class_init (BbSearchPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_search_picker_dispose;
  object_class->finalize = bb_search_picker_finalize;

  signals [PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
bb_search_picker_init (BbSearchPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                      "hscrollbar-policy", GTK_POLICY_NEVER,
                                      "propagate-natural-height", TRUE,
                                      "max-content-height", 320,
                                      NULL);

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  self->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->hint), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->hint), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_widget_set_size_request (box, 280, -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_box));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint));
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));

  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}

BbSearchPicker *
bb_search_picker_new (GType record_type)
{
  BbSearchPicker *self;

  g_return_val_if_fail (record_type == BB_TYPE_SHELTER || record_type == BB_TYPE_PERSON, NULL);

  self = g_object_new (BB_TYPE_SEARCH_PICKER, NULL);
  self->record_type = record_type;

  return self;
}
