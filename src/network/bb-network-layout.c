/* bb-network-layout.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layout is fixed rather than simulated, so it is the same picture every time for the same
 * data and needs no iterations:
 *
 * - The centre sits in the middle. The records linked to it go round it in a stable order:
 *   by kind (people, then organisations kind by kind), then in the store's order, clockwise
 *   from the top, so that one kind forms one sector. More than 12 of them take two rings,
 *   more than 26 three; the n-th neighbour goes on ring n mod rings, so that neighbours next to
 *   each other in angle alternate between the rings and their labels find room.
 * - The records found through a neighbour go on one outer ring, in the angular order of the
 *   neighbour through which they were found, so that each sits near its link.
 * - The picture grows taller with the number of nodes (bb_network_layout_get_height()).
 * - Labels are placed greedily: the centre's first, then the neighbours' in ring order, then
 *   the outer ring's. Each tries a few spots around its node, the one pointing away from the
 *   centre first (so it runs into free space rather than over the links to the centre), and
 *   takes the first that stays inside the picture and covers neither a node nor an earlier
 *   label. A label that finds no room is not drawn: the name is still in the tooltip, in the
 *   node's accessible name, and drawn over everything while the node is hovered or focused. */

#define G_LOG_DOMAIN "bb-network-layout"

#include "config.h"

#include <math.h>

#include "bb-network-layout.h"

#define MARGIN     8.0
#define LABEL_GAP  2.0

typedef struct
{
  double x, y, width, height;
} Rect;

typedef struct
{
  guint  index;
  guint  key;
  double angle;
} Order;

static double
node_radius (guint index)
{
  return index == 0 ? BB_NETWORK_LAYOUT_CENTRE_RADIUS : BB_NETWORK_LAYOUT_NODE_RADIUS;
}

int
bb_network_layout_get_height (guint n_nodes,
                              int   width)
{
  int base = width > 0 ? CLAMP (width * 3 / 4, 300, 460) : 420;

  if (n_nodes <= 13)
    return base;

  return MIN (base + (int) (n_nodes - 13) * 14, 900);
}

double
bb_network_layout_label_room (double width)
{
  return CLAMP (width * 0.2, 64.0, 150.0);
}

/* The angle t of the point (rx cos t, ry sin t) that lies fraction of the way round the ellipse,
 * clockwise from the top: nodes spaced by arc length stay apart where a narrow ellipse bends,
 * as they would not at even angles. Rings are the same ellipse scaled, so one t serves all. */
static double
ellipse_angle (double rx,
               double ry,
               double fraction)
{
  enum { N_STEPS = 256 };
  double lengths[N_STEPS + 1];
  double target;

  lengths[0] = 0;
  for (guint k = 1; k <= N_STEPS; k++)
    {
      double t = 2.0 * G_PI * (k - 0.5) / N_STEPS - G_PI / 2.0;

      lengths[k] = lengths[k - 1] + hypot (rx * sin (t), ry * cos (t)) * 2.0 * G_PI / N_STEPS;
    }

  target = fmod (fraction, 1.0) * lengths[N_STEPS];
  for (guint k = 1; k <= N_STEPS; k++)
    if (lengths[k] >= target)
      {
        double step = lengths[k] - lengths[k - 1];
        double part = step > 0 ? (target - lengths[k - 1]) / step : 0;

        return -G_PI / 2.0 + 2.0 * G_PI * (k - 1 + part) / N_STEPS;
      }

  return 3.0 * G_PI / 2.0;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Order *oa = a;
  const Order *ob = b;

  if (oa->key != ob->key)
    return oa->key < ob->key ? -1 : 1;
  if (oa->angle != ob->angle)
    return oa->angle < ob->angle ? -1 : 1;

  return (int) oa->index - (int) ob->index;
}

/* The angle clockwise from the top, in [0, 2π). */
static double
clock_angle (const BbNetworkLayoutNode *node,
             double                     cx,
             double                     cy)
{
  return fmod (atan2 (node->y - cy, node->x - cx) + G_PI / 2.0 + 4.0 * G_PI, 2.0 * G_PI);
}

static guint
n_rings_for (guint n_inner)
{
  return n_inner <= 12 ? 1 : n_inner <= 26 ? 2 : 3;
}

void
bb_network_layout_nodes (BbNetworkLayoutNode *nodes,
                         guint                n_nodes,
                         double               width,
                         double               height)
{
  g_autoptr(GArray) inner = g_array_new (FALSE, FALSE, sizeof (Order));
  g_autoptr(GArray) outer = g_array_new (FALSE, FALSE, sizeof (Order));
  double cx = width / 2.0, cy = height / 2.0;
  double r = BB_NETWORK_LAYOUT_NODE_RADIUS;
  double label = bb_network_layout_label_room (width);
  double rx_max, ry_max, low, high;
  guint rings, slots;

  g_return_if_fail (n_nodes == 0 || nodes != NULL);

  if (n_nodes == 0)
    return;

  nodes[0].x = cx;
  nodes[0].y = cy;

  for (guint i = 1; i < n_nodes; i++)
    {
      Order o = { i, nodes[i].group, 0 };

      g_array_append_val (nodes[i].depth == 1 ? inner : outer, o);
    }
  g_array_sort (inner, compare_order);
  rings = n_rings_for (inner->len);

  /* Room for a label beside the nodes on the left and right, and one line above and below. */
  rx_max = MAX (width / 2.0 - label - MARGIN - r, 20.0);
  ry_max = MAX (height / 2.0 - MARGIN - r - 20.0, 20.0);

  if (outer->len > 0)
    {
      /* A crowded single ring moves out, towards the outer one. */
      low = rings > 1 ? 0.4 : inner->len <= 6 ? 0.5 : MIN (0.72, 0.5 + (inner->len - 6) * 0.02);
      high = rings > 1 ? 0.74 : low;
    }
  else if (rings == 1 && inner->len <= 8)
    {
      /* Few neighbours alone: their labels go under them, so the ring takes the sides too. */
      low = high = 1.0;
      rx_max = MAX (width / 2.0 - label / 2.0 - MARGIN, 20.0);
    }
  else
    {
      low = rings > 1 ? 0.45 : 1.0;
      high = 1.0;
    }

  /* As many slots as the rings fill evenly, so that the last neighbour and the first are not
   * on the same ring; the spare slots stay empty before the top. */
  slots = (inner->len + rings - 1) / rings * rings;
  for (guint k = 0; k < inner->len; k++)
    {
      Order *o = &g_array_index (inner, Order, k);
      guint ring = k % rings;
      double fraction = rings > 1 ? low + (high - low) * ring / (rings - 1) : low;
      /* From the top, clockwise: never two beside the centre's label. */
      double angle = ellipse_angle (rx_max, ry_max, (double) k / slots);

      nodes[o->index].x = cx + rx_max * fraction * cos (angle);
      nodes[o->index].y = cy + ry_max * fraction * sin (angle);
    }

  for (guint k = 0; k < outer->len; k++)
    {
      Order *o = &g_array_index (outer, Order, k);
      guint parent = nodes[o->index].parent < n_nodes ? nodes[o->index].parent : 0;

      o->key = 0;
      o->angle = parent == 0 ? 0 : clock_angle (&nodes[parent], cx, cy);
    }
  g_array_sort (outer, compare_order);

  for (guint k = 0; k < outer->len; k++)
    {
      Order *o = &g_array_index (outer, Order, k);
      double angle = ellipse_angle (rx_max, ry_max, (k + 0.5) / outer->len);

      nodes[o->index].x = cx + rx_max * cos (angle);
      nodes[o->index].y = cy + ry_max * sin (angle);
    }
}

static gboolean
rects_overlap (const Rect *a,
               const Rect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
is_free (GArray     *taken,
         const Rect *rect,
         double      width,
         double      height)
{
  if (rect->x < 0 || rect->y < 0 || rect->x + rect->width > width
      || rect->y + rect->height > height)
    return FALSE;

  for (guint i = 0; i < taken->len; i++)
    if (rects_overlap (&g_array_index (taken, Rect, i), rect))
      return FALSE;

  return TRUE;
}

/* The spots around a node, best first: away from the centre, then below, above, right, left.
 * Few neighbours alone keep their labels under them. */
static guint
label_spots (const BbNetworkLayoutNode *node,
             guint                      index,
             gboolean                   outward,
             double                     cx,
             double                     cy,
             Rect                      *spots)
{
  double r = node_radius (index);
  double lw = node->label_width, lh = node->label_height;
  double dx = node->x - cx, dy = node->y - cy;
  double right = node->x + r + 3, left = node->x - r - 3 - lw;
  double below = node->y + r + LABEL_GAP, above = node->y - r - LABEL_GAP - lh;
  double middle = node->x - lw / 2.0;
  guint n = 0;

  if (outward && fabs (dx) > fabs (dy) * 0.6)
    {
      double side = dx >= 0 ? right : left;

      spots[n++] = (Rect) { side, node->y - lh / 2.0, lw, lh };
      spots[n++] = (Rect) { side, node->y - lh + 2, lw, lh };
      spots[n++] = (Rect) { side, node->y - 2, lw, lh };
    }
  else if (outward && dy < 0)
    {
      spots[n++] = (Rect) { middle, above, lw, lh };
      spots[n++] = (Rect) { middle + lw / 3.0, above, lw, lh };
      spots[n++] = (Rect) { middle - lw / 3.0, above, lw, lh };
    }
  else if (outward)
    {
      spots[n++] = (Rect) { middle, below, lw, lh };
      spots[n++] = (Rect) { middle + lw / 3.0, below, lw, lh };
      spots[n++] = (Rect) { middle - lw / 3.0, below, lw, lh };
    }

  spots[n++] = (Rect) { middle, below, lw, lh };
  spots[n++] = (Rect) { middle, above, lw, lh };
  spots[n++] = (Rect) { right, node->y - lh / 2.0, lw, lh };
  spots[n++] = (Rect) { left, node->y - lh / 2.0, lw, lh };

  return n;
}

static void
place_label (BbNetworkLayoutNode *nodes,
             guint                index,
             GArray              *taken,
             gboolean             outward,
             double               width,
             double               height)
{
  BbNetworkLayoutNode *node = &nodes[index];
  Rect spots[7];
  guint n;

  node->label_shown = FALSE;
  if (node->label_width <= 0 || node->label_height <= 0)
    return;

  n = label_spots (node, index, outward, width / 2.0, height / 2.0, spots);
  /* Where it would go if it were drawn anyway (hover, focus): its best spot, inside. */
  node->label_x = CLAMP (spots[0].x, 0, MAX (width - spots[0].width, 0));
  node->label_y = CLAMP (spots[0].y, 0, MAX (height - spots[0].height, 0));

  for (guint k = 0; k < n; k++)
    {
      if (is_free (taken, &spots[k], width, height))
        {
          Rect padded = { spots[k].x - LABEL_GAP, spots[k].y - LABEL_GAP / 2.0,
                          spots[k].width + 2 * LABEL_GAP, spots[k].height + LABEL_GAP };

          node->label_x = spots[k].x;
          node->label_y = spots[k].y;
          node->label_shown = TRUE;
          g_array_append_val (taken, padded);
          return;
        }
    }
}

void
bb_network_layout_labels (BbNetworkLayoutNode *nodes,
                          guint                n_nodes,
                          double               width,
                          double               height)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (Order));
  double cx = width / 2.0, cy = height / 2.0;
  guint n_inner = 0;
  gboolean outward;

  g_return_if_fail (n_nodes == 0 || nodes != NULL);

  /* The nodes themselves are obstacles too: a label must not hide another node. */
  for (guint i = 0; i < n_nodes; i++)
    {
      double r = node_radius (i) + 1;
      Rect rect = { nodes[i].x - r, nodes[i].y - r, 2 * r, 2 * r };

      g_array_append_val (taken, rect);
      if (i > 0)
        {
          Order o = { i, nodes[i].depth == 1 ? 0 : 1, clock_angle (&nodes[i], cx, cy) };

          g_array_append_val (order, o);
          n_inner += nodes[i].depth == 1;
        }
    }
  g_array_sort (order, compare_order);

  /* Few neighbours alone keep their labels under them; else labels point outwards. */
  outward = n_inner != n_nodes - 1 || n_inner > 8;

  if (n_nodes > 0)
    place_label (nodes, 0, taken, FALSE, width, height);
  for (guint k = 0; k < order->len; k++)
    place_label (nodes, g_array_index (order, Order, k).index, taken, outward, width, height);
}
