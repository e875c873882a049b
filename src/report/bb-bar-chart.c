/* bb-bar-chart.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-bar-chart.h"
#include "bb-report.h"

#define ROW_HEIGHT   30
#define BAR_HEIGHT   16
#define GAP          12
#define VALUE_WIDTH  48
#define MIN_WIDTH    240
/* Inside a card the bars keep off its edges. */
#define PADDING      12

struct _BbBarChart
{
  GtkWidget  parent_instance;

  GPtrArray *items;
  guint      max;
};

G_DEFINE_FINAL_TYPE (BbBarChart, bb_bar_chart, GTK_TYPE_WIDGET)

static BbReportItem *
get_item (BbBarChart *self,
          guint       position)
{
  if (self->items == NULL || position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

/* The labels take up to 40 % of the width, less if they are all short. */
static int
label_width (BbBarChart *self,
             int         width)
{
  int widest = 0;

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (GTK_WIDGET (self), get_item (self, i)->label);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return MIN (widest, width * 2 / 5);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
bb_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BbBarChart *self = BB_BAR_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int labels;
  double bar_space;
  GdkRGBA fg, bar, track;

  if (self->items == NULL || self->items->len == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  /* Named colours of libadwaita, so that the bars follow the accent and dark mode. */
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &bar))
    gdk_rgba_parse (&bar, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
  track = fg;
  track.alpha *= 0.08f;

  /* Everything below is laid out in the width inside the padding. */
  width -= 2 * PADDING;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING, 0));

  labels = label_width (self, width);
  bar_space = MAX (0, width - labels - 2 * GAP - VALUE_WIDTH);

  for (guint i = 0; i < self->items->len; i++)
    {
      BbReportItem *item = get_item (self, i);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, item->label);
      g_autofree char *number = g_strdup_printf ("%'u", item->count);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (widget, number);
      double y = i * ROW_HEIGHT;
      double length = self->max > 0 ? bar_space * item->count / self->max : 0;
      double bar_x = rtl ? width - labels - GAP - length : labels + GAP;
      double track_x = rtl ? width - labels - GAP - bar_space : labels + GAP;
      GskRoundedRect rounded;
      int value_width;

      pango_layout_set_width (label, labels * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      append_text (snapshot, label, rtl ? width - labels : 0, y, &fg);

      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (track_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                                                            bar_space, BAR_HEIGHT),
                                       4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      if (item->key[0] != '\0')
        gtk_snapshot_append_color (snapshot, &track, &rounded.bounds);
      if (length > 0 && item->key[0] != '\0')
        gtk_snapshot_append_color (snapshot, &bar,
                                   &GRAPHENE_RECT_INIT (bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                                                        MAX (length, 2), BAR_HEIGHT));
      gtk_snapshot_pop (snapshot);

      pango_layout_get_pixel_size (value, &value_width, NULL);
      append_text (snapshot, value,
                   rtl ? track_x - GAP - value_width : track_x + bar_space + GAP,
                   y, &fg);
    }

  gtk_snapshot_restore (snapshot);
}

static void
bb_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  BbBarChart *self = BB_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH + 2 * PADDING;
      *natural = 2 * MIN_WIDTH + 2 * PADDING;
    }
  else
    *minimum = *natural = ROW_HEIGHT * (self->items != NULL ? MAX (self->items->len, 1) : 1);
}

static gboolean
bb_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  BbBarChart *self = BB_BAR_CHART (widget);
  BbReportItem *item = y >= 0 ? get_item (self, (guint) (y / ROW_HEIGHT)) : NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;

  text = g_strdup_printf ("%s: %'u", item->label, item->count);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
bb_bar_chart_finalize (GObject *object)
{
  BbBarChart *self = BB_BAR_CHART (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_bar_chart_parent_class)->finalize (object);
}

static void
bb_bar_chart_class_init (BbBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bb_bar_chart_finalize;

  widget_class->snapshot = bb_bar_chart_snapshot;
  widget_class->measure = bb_bar_chart_measure;
  widget_class->query_tooltip = bb_bar_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bb_bar_chart_init (BbBarChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
bb_bar_chart_new (void)
{
  return g_object_new (BB_TYPE_BAR_CHART, NULL);
}

void
bb_bar_chart_set_items (BbBarChart *self,
                        GPtrArray  *items)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (BB_IS_BAR_CHART (self));

  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;

  self->max = 0;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      /* Consultations without a shelter are shown as a number only: a bar would dwarf every
       * shelter's. */
      if (item->key[0] != '\0')
        self->max = MAX (self->max, item->count);
      if (description->len > 0)
        g_string_append (description, ", ");
      g_string_append_printf (description, "%s: %u", item->label, item->count);
    }

  /* What the bars show, for screen readers: every label with its value. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->len > 0 ? description->str : _("No data"),
                                  -1);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
bb_bar_chart_get_n_bars (BbBarChart *self)
{
  g_return_val_if_fail (BB_IS_BAR_CHART (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

const char *
bb_bar_chart_get_label (BbBarChart *self,
                        guint       position)
{
  BbReportItem *item;

  g_return_val_if_fail (BB_IS_BAR_CHART (self), NULL);

  item = get_item (self, position);

  return item != NULL ? item->label : NULL;
}

guint
bb_bar_chart_get_value (BbBarChart *self,
                        guint       position)
{
  BbReportItem *item;

  g_return_val_if_fail (BB_IS_BAR_CHART (self), 0);

  item = get_item (self, position);

  return item != NULL ? item->count : 0;
}
