/* bb-network-graph.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The picture of a neighbourhood. Where nodes and labels go is decided by bb-network-layout.c
 * (rings grouped by kind, labels only where they fit); this file measures the labels, draws,
 * and gives each node a focusable accessible part. A node whose label found no room shows its
 * name in the tooltip, its part's accessible name, and drawn on top while hovered or focused.
 * Long names are cut with an ellipsis; the full name is in the tooltip and the accessible
 * description. */

#define G_LOG_DOMAIN "bb-network-graph"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bb-accessible-part.h"
#include "bb-contrast.h"
#include "bb-core.h"
#include "bb-network-graph.h"
#include "bb-network-layout.h"

#define NODE_RADIUS   BB_NETWORK_LAYOUT_NODE_RADIUS
#define CENTRE_RADIUS BB_NETWORK_LAYOUT_CENTRE_RADIUS

struct _BbNetworkGraph
{
  GtkWidget parent_instance;

  BbNeighbourhood *hood;
  GArray *positions;      /* graphene_point_t per node, from the last layout */
  GArray *layout;         /* BbNetworkLayoutNode per node, from the last layout */
  /* For assistive technology and the keyboard focus: a child per node, named with the
   * record and its links, placed over the node; the focus is on the chosen node's. */
  GPtrArray *parts;
  int focus;
  int hover;
};

G_DEFINE_FINAL_TYPE (BbNetworkGraph, bb_network_graph, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_NODE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Named colours of libadwaita, so that dark mode and accent colours are followed. */
static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

/* Organisation kinds in the order the picture groups them, with their colours. */
static const struct { const char *kind; const char *color; } kind_colors[] = {
  { "operator", "success_bg_color" },
  { "alliance", "warning_bg_color" },
  { "self-organisation", "bb_purple_color" },
  { "project", "orange_3" },
  { "administration", "brown_3" },
  { "district-office", "red_2" },
  { "volunteer-agency", "green_1" },
};

/* People first, then organisations kind by kind, other kinds last. */
static guint
node_group (BbNetworkNode *node)
{
  if (node->type == BB_TYPE_PERSON)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (kind_colors); i++)
    if (g_strcmp0 (node->kind, kind_colors[i].kind) == 0)
      return i + 1;

  return G_N_ELEMENTS (kind_colors) + 1;
}

static const char *
node_color_name (BbNetworkNode *node)
{
  guint group = node_group (node);

  if (group == 0)
    return "accent_bg_color";

  return group <= G_N_ELEMENTS (kind_colors) ? kind_colors[group - 1].color : NULL;
}

static void
node_color (GtkWidget     *widget,
            BbNetworkNode *node,
            GdkRGBA       *color)
{
  const char *name = node_color_name (node);

  if (name != NULL)
    lookup_color (widget, name, color);
  else
    {
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
      color->alpha = bb_contrast_opacity (0.55f);
    }
}

/* Edge colours by relation kind; NULL is membership in an organisation. */
static void
edge_color (GtkWidget  *widget,
            const char *kind,
            GdkRGBA    *color)
{
  static const struct { const char *kind; const char *color; } colors[] = {
    { "cooperates", "accent_color" },
    { "member-of", "bb_purple_color" },
    { "works-for", "success_color" },
    { "refers-to", "warning_color" },
    { "funds", "orange_4" },
    { "advises", "brown_2" },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (colors); i++)
    if (g_str_equal (kind, colors[i].kind))
      {
        lookup_color (widget, colors[i].color, color);
        return;
      }

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  color->alpha = bb_contrast_opacity (kind == NULL ? 0.3f : 0.55f);
}

static const char *
edge_label (const char *kind)
{
  /* Translators: the link between a person and their organisation in the network picture */
  return kind != NULL ? bb_codes_label (BB_CODES_RELATION_TYPE, kind) : _("belongs to");
}

static guint
n_nodes (BbNetworkGraph *self)
{
  return self->hood != NULL ? bb_neighbourhood_get_n_nodes (self->hood) : 0;
}

/* "Anna Schmidt (Person)", "Diakonie Berlin (Operator)" */
static char *
dup_node_text (BbNetworkGraph *self,
               guint           index)
{
  BbNetworkNode *node = bb_neighbourhood_get_node (self->hood, index);
  const char *kind = node->type == BB_TYPE_PERSON
                     ? _("Person") : bb_codes_label (BB_CODES_ORGANISATION_KIND, node->kind);

  return g_strdup_printf ("%s (%s)", node->label, kind);
}

/* "Anna Schmidt works for Diakonie Berlin" */
static char *
dup_edge_text (BbNetworkGraph *self,
               BbNetworkEdge  *edge)
{
  /* Translators: a relation between two people or organisations, e.g.
   * "Anna Schmidt" "works for" "Diakonie Berlin" */
  return g_strdup_printf (_("%1$s %2$s %3$s"),
                          bb_neighbourhood_get_node (self->hood, edge->from)->label,
                          edge_label (edge->kind),
                          bb_neighbourhood_get_node (self->hood, edge->to)->label);
}

static gboolean
has_focus_within (BbNetworkGraph *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static graphene_point_t *
position (BbNetworkGraph *self,
          guint           index)
{
  return &g_array_index (self->positions, graphene_point_t, index);
}

static char *
dup_color_hex (const GdkRGBA *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) (color->red * 255.0 + 0.5),
                          (guint) (color->green * 255.0 + 0.5),
                          (guint) (color->blue * 255.0 + 0.5));
}

/* One line (wrapped if need be) naming the colours of the links drawn. How many records were
 * left out the view says beside the picture's title, as a button to the list of links. */
static PangoLayout *
create_legend (BbNetworkGraph *self,
               int             width)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  gboolean membership = FALSE;
  PangoLayout *layout;
  guint n_edges = bb_neighbourhood_get_n_edges (self->hood);

  for (guint i = 0; i <= n_edges; i++)
    {
      const char *kind;
      GdkRGBA color;
      g_autofree char *hex = NULL;
      g_autofree char *escaped = NULL;

      if (i < n_edges)
        {
          kind = bb_neighbourhood_get_edge (self->hood, i)->kind;
          if (kind == NULL)
            {
              membership = TRUE;
              continue;
            }
          if (g_ptr_array_find_with_equal_func (seen, kind, g_str_equal, NULL))
            continue;
          g_ptr_array_add (seen, (gpointer) kind);
        }
      else if (membership)
        kind = NULL;
      else
        break;

      edge_color (GTK_WIDGET (self), kind, &color);
      hex = dup_color_hex (&color);
      escaped = g_markup_escape_text (edge_label (kind), -1);
      g_string_append_printf (markup, "%s<span foreground=\"%s\" weight=\"bold\">━━</span>\u00a0%s",
                              markup->len > 0 ? "    " : "", hex, escaped);
    }

  if (markup->len == 0)
    return NULL;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, markup->str, -1);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

static BbNetworkLayoutNode *
layout_node (BbNetworkGraph *self,
             guint           index)
{
  return &g_array_index (self->layout, BbNetworkLayoutNode, index);
}

/* Places the nodes in the area (0, 0, width, height); see bb-network-layout.c. */
static void
layout_nodes (BbNetworkGraph *self,
              double          width,
              double          height)
{
  guint n = n_nodes (self);

  g_array_set_size (self->layout, n);
  g_array_set_size (self->positions, n);
  for (guint i = 0; i < n; i++)
    {
      BbNetworkNode *node = bb_neighbourhood_get_node (self->hood, i);
      BbNetworkLayoutNode *l = layout_node (self, i);

      *l = (BbNetworkLayoutNode) { node->depth, node->parent, node_group (node) };
    }

  bb_network_layout_nodes ((BbNetworkLayoutNode *) (gpointer) self->layout->data, n,
                           width, height);
  for (guint i = 0; i < n; i++)
    *position (self, i) = GRAPHENE_POINT_INIT (layout_node (self, i)->x,
                                               layout_node (self, i)->y);
}

static void
append_line (GtkSnapshot             *snapshot,
             const graphene_point_t  *from,
             const graphene_point_t  *to,
             double                   line_width,
             const GdkRGBA           *color,
             double                   shorten_end,
             gboolean                 arrow)
{
  double dx = to->x - from->x, dy = to->y - from->y;
  double length = sqrt (dx * dx + dy * dy) - shorten_end;

  if (length <= 0)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, from);
  gtk_snapshot_rotate (snapshot, atan2 (dy, dx) * 180.0 / G_PI);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (0, -line_width / 2.0, length, line_width));
  if (arrow)
    {
      /* A chevron at the end that the relation points to. */
      for (int side = -1; side <= 1; side += 2)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (length, 0));
          gtk_snapshot_rotate (snapshot, 180.0 + side * 28.0);
          gtk_snapshot_append_color (snapshot, color,
                                     &GRAPHENE_RECT_INIT (0, -line_width / 2.0, 9, line_width));
          gtk_snapshot_restore (snapshot);
        }
    }
  gtk_snapshot_restore (snapshot);
}

static void
append_node (BbNetworkGraph *self,
             GtkSnapshot    *snapshot,
             guint           index)
{
  BbNetworkNode *node = bb_neighbourhood_get_node (self->hood, index);
  graphene_point_t *p = position (self, index);
  double r = index == 0 ? CENTRE_RADIUS : NODE_RADIUS;
  /* People are round, organisations square with round corners: not told by colour alone. */
  double corner = node->type == BB_TYPE_PERSON ? r : r * 0.35;
  GskRoundedRect outline, shape;
  GdkRGBA color, background, accent;

  node_color (GTK_WIDGET (self), node, &color);
  lookup_color (GTK_WIDGET (self), "view_bg_color", &background);
  lookup_color (GTK_WIDGET (self), "accent_color", &accent);

  if (index == (guint) self->focus && index < self->parts->len
      && gtk_widget_has_visible_focus (g_ptr_array_index (self->parts, index)))
    {
      GskRoundedRect ring;

      gsk_rounded_rect_init_from_rect (&ring,
                                       &GRAPHENE_RECT_INIT (p->x - r - 4, p->y - r - 4,
                                                            2 * r + 8, 2 * r + 8),
                                       corner + 4);
      gtk_snapshot_push_rounded_clip (snapshot, &ring);
      gtk_snapshot_append_color (snapshot, &accent, &ring.bounds);
      gtk_snapshot_pop (snapshot);
    }

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (p->x - r - 2, p->y - r - 2,
                                                        2 * r + 4, 2 * r + 4),
                                   corner + 2);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &background, &outline.bounds);
  gtk_snapshot_pop (snapshot);

  gsk_rounded_rect_init_from_rect (&shape,
                                   &GRAPHENE_RECT_INIT (p->x - r, p->y - r, 2 * r, 2 * r),
                                   corner);
  if ((int) index == self->hover)
    color.alpha *= 0.75f;
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &color, &shape.bounds);
  gtk_snapshot_pop (snapshot);
}

static PangoLayout *
create_label (BbNetworkGraph *self,
              guint           index,
              double          width)
{
  BbNetworkNode *node = bb_neighbourhood_get_node (self->hood, index);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), node->label);
  double max_width = bb_network_layout_label_room (width);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (index == 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      max_width = CLAMP (width * 0.35, 80.0, 220.0);
    }
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));

  return layout;
}

static void
append_label (GtkSnapshot               *snapshot,
              PangoLayout               *layout,
              const BbNetworkLayoutNode *node,
              const GdkRGBA             *fg,
              const GdkRGBA             *bg)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (node->label_x, node->label_y,
                                             node->label_width, node->label_height);
  GskRoundedRect back;

  gsk_rounded_rect_init_from_rect (&back, &rect, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &back);
  gtk_snapshot_append_color (snapshot, bg, &rect);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (node->label_x + 3, node->label_y));
  gtk_snapshot_append_layout (snapshot, layout, fg);
  gtk_snapshot_restore (snapshot);
}

/* The labels that found room, then, over everything, those of the hovered and the focused node
 * if theirs did not. */
static void
append_labels (BbNetworkGraph *self,
               GtkSnapshot    *snapshot,
               double          width,
               double          height,
               const GdkRGBA  *fg,
               const GdkRGBA  *bg)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = n_nodes (self);
  GdkRGBA solid = *bg;
  int focus = has_focus_within (self) ? self->focus : -1;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = create_label (self, i, width);
      int lw, lh;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      layout_node (self, i)->label_width = lw + 6;
      layout_node (self, i)->label_height = lh;
      g_ptr_array_add (layouts, layout);
    }
  bb_network_layout_labels ((BbNetworkLayoutNode *) (gpointer) self->layout->data, n,
                            width, height);

  for (guint i = 0; i < n; i++)
    if (layout_node (self, i)->label_shown)
      append_label (snapshot, g_ptr_array_index (layouts, i), layout_node (self, i), fg, bg);

  solid.alpha = 1.0f;
  for (guint k = 0; k < 2; k++)
    {
      int index = k == 0 ? self->hover : focus;

      if (index >= 0 && (guint) index < n && !layout_node (self, index)->label_shown
          && (k == 0 || index != self->hover))
        append_label (snapshot, g_ptr_array_index (layouts, index), layout_node (self, index),
                      fg, &solid);
    }
}

static int
get_legend_height (PangoLayout *legend)
{
  int height;

  if (legend == NULL)
    return 0;

  pango_layout_get_pixel_size (legend, NULL, &height);
  return height + 6;
}

/* The parts go over their nodes, so that a magnifier follows the focus. */
static void
bb_network_graph_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BbNetworkGraph *self = BB_NETWORK_GRAPH (widget);
  g_autoptr(PangoLayout) legend = NULL;

  if (n_nodes (self) == 0)
    return;

  legend = create_legend (self, width);
  layout_nodes (self, width, MAX (height - get_legend_height (legend), 40));
  for (guint i = 0; i < self->parts->len; i++)
    {
      graphene_point_t *p = position (self, i);
      int r = (int) (i == 0 ? CENTRE_RADIUS : NODE_RADIUS) + 4;

      gtk_widget_size_allocate (g_ptr_array_index (self->parts, i),
                                &(GtkAllocation) { (int) p->x - r, (int) p->y - r, 2 * r, 2 * r },
                                -1);
    }
}

static void
bb_network_graph_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  BbNetworkGraph *self = BB_NETWORK_GRAPH (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) legend = NULL;
  GdkRGBA fg, bg;
  int legend_height = 0;
  guint n = n_nodes (self);

  if (n == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  lookup_color (widget, "view_bg_color", &bg);
  bg.alpha = 0.85f;

  legend = create_legend (self, (int) width);
  legend_height = get_legend_height (legend);
  layout_nodes (self, width, MAX (height - legend_height, 40));

  for (guint i = 0; i < bb_neighbourhood_get_n_edges (self->hood); i++)
    {
      BbNetworkEdge *edge = bb_neighbourhood_get_edge (self->hood, i);
      GdkRGBA color;
      double end = (edge->to == 0 ? CENTRE_RADIUS : NODE_RADIUS) + 3;

      edge_color (widget, edge->kind, &color);
      /* The centre's own links in front; those among its neighbours fainter behind them. */
      if (edge->from != 0 && edge->to != 0)
        color.alpha *= bb_contrast_opacity (0.5f);
      append_line (snapshot, position (self, edge->from), position (self, edge->to),
                   edge->kind != NULL ? 2.0 : 1.0, &color, edge->kind != NULL ? end : 0,
                   edge->kind != NULL);
    }

  for (guint i = n; i > 0; i--)
    append_node (self, snapshot, i - 1);

  append_labels (self, snapshot, width, MAX (height - legend_height, 40), &fg, &bg);

  if (legend != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, height - legend_height + 6));
      gtk_snapshot_append_layout (snapshot, legend, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
bb_network_graph_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 560;
    }
  else
    {
      /* Narrow panes get a shorter picture, wide ones and crowded ones a taller one. */
      int height = bb_network_layout_get_height (n_nodes (BB_NETWORK_GRAPH (widget)), for_size);

      *minimum = height;
      *natural = height;
    }
}

int
bb_network_graph_node_at (BbNetworkGraph *self,
                          double          x,
                          double          y)
{
  g_return_val_if_fail (BB_IS_NETWORK_GRAPH (self), -1);

  if (self->positions->len != n_nodes (self))
    return -1;

  for (guint i = 0; i < self->positions->len; i++)
    {
      graphene_point_t *p = position (self, i);
      double r = (i == 0 ? CENTRE_RADIUS : NODE_RADIUS) + 4;

      if ((x - p->x) * (x - p->x) + (y - p->y) * (y - p->y) <= r * r)
        return (int) i;
    }

  return -1;
}

gboolean
bb_network_graph_get_node_position (BbNetworkGraph *self,
                                    guint           index,
                                    double         *x,
                                    double         *y)
{
  g_return_val_if_fail (BB_IS_NETWORK_GRAPH (self), FALSE);

  if (self->positions->len != n_nodes (self) || index >= self->positions->len)
    return FALSE;

  *x = position (self, index)->x;
  *y = position (self, index)->y;

  return TRUE;
}

static void
activate_node (BbNetworkGraph *self,
               int             index)
{
  BbNetworkNode *node;

  if (index < 0 || (guint) index >= n_nodes (self))
    return;

  node = bb_neighbourhood_get_node (self->hood, index);
  g_signal_emit (self, signals [ACTIVATE_NODE], 0, node->type, node->id);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   BbNetworkGraph  *self)
{
  int index = bb_network_graph_node_at (self, x, y);

  if (index < 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  bb_network_graph_set_focus_node (self, index);
  activate_node (self, index);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BbNetworkGraph           *self)
{
  int index = bb_network_graph_node_at (self, x, y);

  if (index == self->hover)
    return;

  self->hover = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *controller,
          BbNetworkGraph           *self)
{
  on_motion (controller, -1000, -1000, self);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  BbNetworkGraph *self = BB_NETWORK_GRAPH (widget);
  int index = keyboard ? self->focus : bb_network_graph_node_at (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0 || (guint) index >= n_nodes (self))
    return FALSE;

  text = dup_node_text (self, index);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
move_focus (BbNetworkGraph *self,
            int             delta)
{
  int n = (int) n_nodes (self);

  if (n == 0)
    return;

  bb_network_graph_set_focus_node (self, self->focus < 0 ? 0 : (self->focus + delta + n) % n);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BbNetworkGraph        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      move_focus (self, 1);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      move_focus (self, -1);
      return TRUE;

    case GDK_KEY_Home:
      bb_network_graph_set_focus_node (self, 0);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      activate_node (self, self->focus);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The picture takes the focus in the chosen node's part. */
static gboolean
bb_network_graph_grab_focus (GtkWidget *widget)
{
  BbNetworkGraph *self = BB_NETWORK_GRAPH (widget);

  if (self->parts->len == 0)
    return FALSE;

  return gtk_widget_grab_focus (g_ptr_array_index (self->parts, MAX (self->focus, 0)));
}

static void
on_focus_changed (BbNetworkGraph *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tab walks through the nodes and leaves the picture after the last one. */
static gboolean
bb_network_graph_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  BbNetworkGraph *self = BB_NETWORK_GRAPH (widget);
  int n = (int) n_nodes (self);

  if (n == 0)
    return FALSE;

  if (!has_focus_within (self))
    {
      if (direction == GTK_DIR_TAB_BACKWARD)
        bb_network_graph_set_focus_node (self, n - 1);
      else if (self->focus < 0 || direction == GTK_DIR_TAB_FORWARD)
        bb_network_graph_set_focus_node (self, 0);
      return gtk_widget_grab_focus (widget);
    }

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      if (self->focus + 1 >= n)
        return FALSE;
      bb_network_graph_set_focus_node (self, self->focus + 1);
      return TRUE;
    }
  if (direction == GTK_DIR_TAB_BACKWARD)
    {
      if (self->focus <= 0)
        return FALSE;
      bb_network_graph_set_focus_node (self, self->focus - 1);
      return TRUE;
    }

  return FALSE;
}

/* For screen readers: the centre in the name; in the description every link as a sentence
 * ("Anna Schmidt works for Diakonie Berlin"), which names every node and the kind of each link,
 * and how many records were left out. Each node's part is named with the record and its kind,
 * and described with the record's links. */
static void
update_accessible (BbNetworkGraph *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *label = NULL;
  guint n = n_nodes (self);

  if (n == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  /* Translators: the accessible name of the network picture; %s is a person or organisation */
  label = g_strdup_printf (_("Network of %s"), bb_neighbourhood_get_node (self->hood, 0)->label);

  for (guint i = 0; i < bb_neighbourhood_get_n_edges (self->hood); i++)
    {
      g_autofree char *text = dup_edge_text (self, bb_neighbourhood_get_edge (self->hood, i));

      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append (description, text);
    }
  if (description->len > 0)
    g_string_append (description, ".");
  if (self->hood->n_omitted > 0)
    {
      g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%u more record not shown",
                                           "%u more records not shown", self->hood->n_omitted),
                              self->hood->n_omitted);
    }
  if (description->len == 0)
    g_string_append (description, _("No links yet"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  for (guint i = 0; i < self->parts->len; i++)
    {
      g_autofree char *text = dup_node_text (self, i);
      g_autoptr(GString) links = g_string_new (NULL);

      for (guint j = 0; j < bb_neighbourhood_get_n_edges (self->hood); j++)
        {
          BbNetworkEdge *edge = bb_neighbourhood_get_edge (self->hood, j);
          g_autofree char *edge_text = NULL;

          if (edge->from != i && edge->to != i)
            continue;
          edge_text = dup_edge_text (self, edge);
          g_string_append_printf (links, "%s%s", links->len > 0 ? "; " : "", edge_text);
        }

      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (self->parts, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, links->str,
                                      -1);
    }
}

GtkWidget *
bb_network_graph_new (void)
{
  return g_object_new (BB_TYPE_NETWORK_GRAPH, NULL);
}

void
bb_network_graph_set_neighbourhood (BbNetworkGraph  *self,
                                    BbNeighbourhood *neighbourhood)
{
  gboolean had_focus;

  g_return_if_fail (BB_IS_NETWORK_GRAPH (self));

  if (self->hood == neighbourhood)
    return;

  g_clear_pointer (&self->hood, bb_neighbourhood_unref);
  if (neighbourhood != NULL)
    self->hood = bb_neighbourhood_ref (neighbourhood);

  g_array_set_size (self->positions, 0);
  self->focus = n_nodes (self) > 0 ? 0 : -1;
  self->hover = -1;
  had_focus = has_focus_within (self);
  g_ptr_array_set_size (self->parts, 0);
  for (guint i = 0; i < n_nodes (self); i++)
    {
      GtkWidget *part = bb_accessible_part_new (GTK_ACCESSIBLE_ROLE_BUTTON);

      gtk_widget_set_parent (part, GTK_WIDGET (self));
      g_ptr_array_add (self->parts, part);
    }
  update_accessible (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BbNeighbourhood *
bb_network_graph_get_neighbourhood (BbNetworkGraph *self)
{
  g_return_val_if_fail (BB_IS_NETWORK_GRAPH (self), NULL);

  return self->hood;
}

int
bb_network_graph_get_focus_node (BbNetworkGraph *self)
{
  g_return_val_if_fail (BB_IS_NETWORK_GRAPH (self), -1);

  return self->focus;
}

void
bb_network_graph_set_focus_node (BbNetworkGraph *self,
                                 int             index)
{
  g_return_if_fail (BB_IS_NETWORK_GRAPH (self));
  g_return_if_fail (index >= -1 && index < (int) n_nodes (self));

  if (self->focus == index)
    return;

  self->focus = index;
  if (index >= 0 && has_focus_within (self))
    gtk_widget_grab_focus (g_ptr_array_index (self->parts, index));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_focused_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BbNetworkGraph *self = BB_NETWORK_GRAPH (widget);

  activate_node (self, self->focus);
}

static void
bb_network_graph_dispose (GObject *object)
{
  BbNetworkGraph *self = (BbNetworkGraph *)object;

  if (self->parts != NULL)
    g_ptr_array_set_size (self->parts, 0);

  G_OBJECT_CLASS (bb_network_graph_parent_class)->dispose (object);
}

static void
bb_network_graph_finalize (GObject *object)
{
  BbNetworkGraph *self = (BbNetworkGraph *)object;

  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->hood, bb_neighbourhood_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->layout, g_array_unref);

  G_OBJECT_CLASS (bb_network_graph_parent_class)->finalize (object);
}

static void
bb_network_graph_class_init (BbNetworkGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_network_graph_dispose;
  object_class->finalize = bb_network_graph_finalize;
  widget_class->snapshot = bb_network_graph_snapshot;
  widget_class->measure = bb_network_graph_measure;
  widget_class->size_allocate = bb_network_graph_size_allocate;
  widget_class->focus = bb_network_graph_focus;
  widget_class->grab_focus = bb_network_graph_grab_focus;
  widget_class->query_tooltip = on_query_tooltip;

  signals [ACTIVATE_NODE] =
    g_signal_new ("activate-node",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  /* What Enter does on the chosen node, as an action for the tests and assistive tools. */
  gtk_widget_class_install_action (widget_class, "graph.activate-focused", NULL,
                                   activate_focused_action);

  gtk_widget_class_set_css_name (widget_class, "bb-network-graph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bb_network_graph_init (BbNetworkGraph *self)
{
  GtkGesture *click;
  GtkEventController *motion;
  GtkEventController *key;
  GtkEventController *focus;

  self->positions = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->layout = g_array_new (FALSE, TRUE, sizeof (BbNetworkLayoutNode));
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_widget_unparent);
  self->focus = -1;
  self->hover = -1;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  bb_contrast_redraw_on_change (GTK_WIDGET (self));
}
