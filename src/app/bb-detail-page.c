/* bb-detail-page.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-detail-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-detail-page.h"

struct _BbDetailPage
{
  AdwBin parent_instance;

  GtkRevealer *back_revealer;
  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  GtkBox *content;

  /* The group that add_field and friends fill; owned by content. */
  AdwPreferencesGroup *group;
  guint restore_scroll_id;
  double restore_scroll_value;
};

G_DEFINE_FINAL_TYPE (BbDetailPage, bb_detail_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

enum {
  ACTIVATE_RECORD,
  BACK,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
on_back_clicked (BbDetailPage *self)
{
  g_signal_emit (self, signals [BACK], 0);
}

static void
on_link_activated (BbDetailPage *self,
                   AdwActionRow *row)
{
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bb-type"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "bb-id");

  g_signal_emit (self, signals [ACTIVATE_RECORD], 0, type, *id);
}

static void
clear_content (BbDetailPage *self)
{
  GtkWidget *child;

  self->group = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static gboolean
restore_scroll_cb (gpointer user_data)
{
  BbDetailPage *self = user_data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  self->restore_scroll_id = 0;
  gtk_adjustment_set_value (adj, self->restore_scroll_value);

  return G_SOURCE_REMOVE;
}

void
bb_detail_page_show_none (BbDetailPage *self)
{
  g_return_if_fail (BB_IS_DETAIL_PAGE (self));

  g_clear_handle_id (&self->restore_scroll_id, g_source_remove);
  clear_content (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

void
bb_detail_page_begin (BbDetailPage *self,
                      const char   *title,
                      const char   *subtitle,
                      gboolean      refresh)
{
  GtkAdjustment *adj;
  GtkWidget *box;
  GtkWidget *label;

  g_return_if_fail (BB_IS_DETAIL_PAGE (self));

  adj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_clear_handle_id (&self->restore_scroll_id, g_source_remove);
  if (refresh)
    {
      /* The new rows have no size before the next layout, so the old position is set again
       * once they have one. */
      self->restore_scroll_value = gtk_adjustment_get_value (adj);
      self->restore_scroll_id = g_idle_add_full (G_PRIORITY_LOW, restore_scroll_cb, self, NULL);
    }
  else
    gtk_adjustment_set_value (adj, 0);

  clear_content (self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", title ? title : "",
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "justify", GTK_JUSTIFY_CENTER,
                        NULL);
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = g_object_new (GTK_TYPE_LABEL,
                            "label", subtitle,
                            "wrap", TRUE,
                            "justify", GTK_JUSTIFY_CENTER,
                            NULL);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (self->content, box);

  gtk_stack_set_visible_child_name (self->stack, "record");
}

AdwPreferencesGroup *
bb_detail_page_add_group (BbDetailPage *self,
                          const char   *title)
{
  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), NULL);

  self->group = g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                              "title", title,
                              "visible", FALSE,
                              NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->group));

  return self->group;
}

static void
add_to_group (BbDetailPage *self,
              GtkWidget    *widget)
{
  if (self->group == NULL)
    bb_detail_page_add_group (self, NULL);

  adw_preferences_group_add (self->group, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->group), TRUE);
}

static AdwActionRow *
new_row (const char *title,
         const char *subtitle)
{
  return g_object_new (ADW_TYPE_ACTION_ROW,
                       "use-markup", FALSE,
                       "title", title ? title : "",
                       "subtitle", subtitle,
                       NULL);
}

AdwActionRow *
bb_detail_page_add_row (BbDetailPage *self,
                        const char   *title,
                        const char   *subtitle)
{
  AdwActionRow *row;

  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), NULL);

  row = new_row (title, subtitle);
  add_to_group (self, GTK_WIDGET (row));

  return row;
}

GtkWidget *
bb_detail_page_new_action_button (const char *icon_name,
                                  const char *tooltip,
                                  const char *action_name)
{
  GtkWidget *button;

  g_return_val_if_fail (icon_name != NULL && tooltip != NULL && action_name != NULL, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

AdwActionRow *
bb_detail_page_add_more (BbDetailPage *self,
                         const char   *text,
                         const char   *action_name)
{
  AdwActionRow *row;

  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), NULL);

  row = bb_detail_page_add_row (self, text, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-down-symbolic"));
    }

  return row;
}

static AdwActionRow *
add_field (BbDetailPage *self,
           const char   *label,
           const char   *value,
           gboolean      selectable)
{
  AdwActionRow *row;
  GtkWidget *value_label;
  gboolean long_value;

  if (value == NULL || value[0] == '\0')
    return NULL;

  row = new_row (label, NULL);
  /* A wrapping label in a suffix gets only its minimum width, so short values do not wrap and
   * long ones keep a readable minimum. */
  long_value = g_utf8_strlen (value, -1) > 32;
  value_label = g_object_new (GTK_TYPE_LABEL,
                              "label", value,
                              "wrap", long_value,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR,
                              "width-chars", long_value ? 24 : -1,
                              "max-width-chars", 40,
                              "xalign", 1.0f,
                              "justify", GTK_JUSTIFY_RIGHT,
                              "selectable", selectable,
                              "margin-top", 6,
                              "margin-bottom", 6,
                              NULL);
  adw_action_row_add_suffix (row, value_label);
  add_to_group (self, GTK_WIDGET (row));

  return row;
}

AdwActionRow *
bb_detail_page_add_field (BbDetailPage *self,
                          const char   *label,
                          const char   *value)
{
  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), NULL);

  return add_field (self, label, value, FALSE);
}

AdwActionRow *
bb_detail_page_add_contact (BbDetailPage *self,
                            const char   *label,
                            const char   *value)
{
  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), NULL);

  return add_field (self, label, value, TRUE);
}

AdwActionRow *
bb_detail_page_add_link (BbDetailPage *self,
                         const char   *title,
                         const char   *subtitle,
                         GType         type,
                         gint64        id)
{
  AdwActionRow *row;

  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), NULL);

  if (id == 0)
    return NULL;

  row = new_row (title ? title : _("Unknown"), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "bb-type", GSIZE_TO_POINTER (type));
  g_object_set_data_full (G_OBJECT (row), "bb-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_link_activated), self,
                           G_CONNECT_SWAPPED);
  add_to_group (self, GTK_WIDGET (row));

  return row;
}

void
bb_detail_page_add_text (BbDetailPage *self,
                         const char   *text)
{
  GtkWidget *frame;
  GtkWidget *label;

  g_return_if_fail (BB_IS_DETAIL_PAGE (self));

  if (text == NULL || text[0] == '\0')
    return;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "selectable", TRUE,
                        "margin-top", 12,
                        "margin-bottom", 12,
                        "margin-start", 12,
                        "margin-end", 12,
                        NULL);
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (frame), label);
  gtk_widget_add_css_class (frame, "card");
  add_to_group (self, frame);
}

void
bb_detail_page_add_tags (BbDetailPage       *self,
                         const char * const *tags)
{
  GtkWidget *flow_box;

  g_return_if_fail (BB_IS_DETAIL_PAGE (self));

  if (tags == NULL || tags[0] == NULL)
    return;

  flow_box = g_object_new (GTK_TYPE_FLOW_BOX,
                           "selection-mode", GTK_SELECTION_NONE,
                           "column-spacing", 6,
                           "row-spacing", 6,
                           "max-children-per-line", 20,
                           "homogeneous", FALSE,
                           NULL);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (tags[i]);
      GtkWidget *child;

      gtk_widget_add_css_class (label, "bb-tag");
      gtk_flow_box_append (GTK_FLOW_BOX (flow_box), label);
      child = gtk_widget_get_parent (label);
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
    }
  add_to_group (self, flow_box);
}

gboolean
bb_detail_page_get_show_back_button (BbDetailPage *self)
{
  g_return_val_if_fail (BB_IS_DETAIL_PAGE (self), FALSE);

  return gtk_revealer_get_reveal_child (self->back_revealer);
}

void
bb_detail_page_set_show_back_button (BbDetailPage *self,
                                     gboolean      show_back_button)
{
  g_return_if_fail (BB_IS_DETAIL_PAGE (self));

  show_back_button = !!show_back_button;
  if (show_back_button == gtk_revealer_get_reveal_child (self->back_revealer))
    return;

  gtk_revealer_set_reveal_child (self->back_revealer, show_back_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_BACK_BUTTON]);
}

static void
bb_detail_page_dispose (GObject *object)
{
  BbDetailPage *self = (BbDetailPage *)object;

  g_clear_handle_id (&self->restore_scroll_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_DETAIL_PAGE);

  G_OBJECT_CLASS (bb_detail_page_parent_class)->dispose (object);
}

static void
bb_detail_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbDetailPage *self = BB_DETAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, bb_detail_page_get_show_back_button (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_detail_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbDetailPage *self = BB_DETAIL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK_BUTTON:
      bb_detail_page_set_show_back_button (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_detail_page_class_init (BbDetailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_detail_page_dispose;
  object_class->get_property = bb_detail_page_get_property;
  object_class->set_property = bb_detail_page_set_property;

  properties [PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [ACTIVATE_RECORD] =
    g_signal_new ("activate-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  signals [BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/app/bb-detail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbDetailPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbDetailPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbDetailPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BbDetailPage, content);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
bb_detail_page_init (BbDetailPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
