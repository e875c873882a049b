/* test-network-layout.c: where the network picture puts its nodes and labels
 * (src/network/bb-network-layout.c), without GTK: label sizes are made up as a font would.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-network-layout"

#include "config.h"

#include <math.h>

#include "bb-network-layout.h"

/* A centre with n_inner neighbours of alternating kinds and n_outer records found through
 * them; labels of 6 to 24 characters at 7 px a character, cut at the label room. */
static BbNetworkLayoutNode *
make_nodes (guint  n_inner,
            guint  n_outer,
            double width)
{
  guint n = 1 + n_inner + n_outer;
  BbNetworkLayoutNode *nodes = g_new0 (BbNetworkLayoutNode, n);

  for (guint i = 0; i < n; i++)
    {
      double room = i == 0 ? 220.0 : bb_network_layout_label_room (width);

      nodes[i].depth = i == 0 ? 0 : i <= n_inner ? 1 : 2;
      nodes[i].parent = i <= n_inner ? 0 : 1 + (i % MAX (n_inner, 1));
      nodes[i].group = i == 0 ? 0 : i % 3;
      nodes[i].label_width = MIN (6 + 7.0 * (6 + (i * 7) % 19), room);
      nodes[i].label_height = 17;
    }

  return nodes;
}

static gboolean
overlap (double ax, double ay, double aw, double ah,
         double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static double
radius (guint index)
{
  return index == 0 ? BB_NETWORK_LAYOUT_CENTRE_RADIUS : BB_NETWORK_LAYOUT_NODE_RADIUS;
}

/* Every node inside the picture, no two nodes on top of each other, no drawn label over another
 * drawn label or over a node, every drawn label inside; returns how many labels are drawn. */
static guint
check_layout (BbNetworkLayoutNode *nodes,
              guint                n,
              double               width,
              double               height)
{
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      BbNetworkLayoutNode *a = &nodes[i];

      g_assert_cmpfloat (a->x - radius (i), >=, 0);
      g_assert_cmpfloat (a->y - radius (i), >=, 0);
      g_assert_cmpfloat (a->x + radius (i), <=, width);
      g_assert_cmpfloat (a->y + radius (i), <=, height);

      for (guint j = i + 1; j < n; j++)
        {
          BbNetworkLayoutNode *b = &nodes[j];

          g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, radius (i) + radius (j));
        }

      if (!a->label_shown)
        continue;
      shown++;
      g_assert_cmpfloat (a->label_x, >=, 0);
      g_assert_cmpfloat (a->label_y, >=, 0);
      g_assert_cmpfloat (a->label_x + a->label_width, <=, width);
      g_assert_cmpfloat (a->label_y + a->label_height, <=, height);

      for (guint j = 0; j < n; j++)
        {
          BbNetworkLayoutNode *b = &nodes[j];
          double r = radius (j);

          if (j != i && b->label_shown)
            g_assert_false (overlap (a->label_x, a->label_y, a->label_width, a->label_height,
                                     b->label_x, b->label_y, b->label_width, b->label_height));
          g_assert_false (overlap (a->label_x, a->label_y, a->label_width, a->label_height,
                                   b->x - r, b->y - r, 2 * r, 2 * r));
        }
    }

  return shown;
}

static void
run (guint   n_inner,
     guint   n_outer,
     double  width,
     guint  *n_shown,
     double *height_out)
{
  guint n = 1 + n_inner + n_outer;
  double height = bb_network_layout_get_height (n, (int) width);
  g_autofree BbNetworkLayoutNode *nodes = make_nodes (n_inner, n_outer, width);

  bb_network_layout_nodes (nodes, n, width, height);
  bb_network_layout_labels (nodes, n, width, height);
  *n_shown = check_layout (nodes, n, width, height);
  *height_out = height;
}

/* A hub of 40 neighbours: nothing overlaps, and at a wide pane most names are still written. */
static void
test_hub (void)
{
  static const double widths[] = { 300, 400, 676 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      guint shown;
      double height, small_height;
      guint small_shown;

      run (40, 0, widths[w], &shown, &height);
      g_test_message ("width %.0f: 40 neighbours, %u of 41 labels drawn", widths[w], shown);
      g_assert_cmpuint (shown, >=, 1);
      run (3, 0, widths[w], &small_shown, &small_height);
      g_assert_cmpfloat (height, >, small_height);
      if (widths[w] >= 600)
        g_assert_cmpuint (shown, >=, 30);

      /* Depth 2 as well: 14 neighbours and 25 records behind them. */
      run (14, 25, widths[w], &shown, &height);
      g_test_message ("width %.0f: 14 + 25 nodes, %u of 40 labels drawn", widths[w], shown);
      g_assert_cmpuint (shown, >=, 1);
      if (widths[w] >= 600)
        g_assert_cmpuint (shown, >=, 28);
    }
}

/* Three neighbours: every label is drawn, the centre's too. */
static void
test_small (void)
{
  static const double widths[] = { 300, 676 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      guint shown;
      double height;

      run (3, 0, widths[w], &shown, &height);
      g_assert_cmpuint (shown, ==, 4);
      run (3, 4, widths[w], &shown, &height);
      g_assert_cmpuint (shown, ==, 8);
    }
}

/* Neighbours of one kind sit together in one sector, the same every time. */
static void
test_grouped (void)
{
  guint n = 1 + 30;
  g_autofree BbNetworkLayoutNode *nodes = make_nodes (30, 0, 676);
  g_autofree BbNetworkLayoutNode *again = make_nodes (30, 0, 676);

  bb_network_layout_nodes (nodes, n, 676, 600);
  bb_network_layout_nodes (again, n, 676, 600);
  for (guint i = 1; i < n; i++)
    {
      /* The same data, the same picture. */
      g_assert_cmpfloat (nodes[i].x, ==, again[i].x);
      g_assert_cmpfloat (nodes[i].y, ==, again[i].y);
    }

  for (guint group = 0; group < 3; group++)
    {
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

      for (guint i = 1; i < n; i++)
        {
          double angle;

          if (nodes[i].group != group)
            continue;
          angle = fmod (atan2 (nodes[i].y - 300, nodes[i].x - 338) + G_PI / 2 + 4 * G_PI,
                        2 * G_PI);
          lo = MIN (lo, angle);
          hi = MAX (hi, angle);
        }
      /* Ten of thirty neighbours span a third of the circle at most. */
      g_assert_cmpfloat (hi - lo, <, 2 * G_PI / 3);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network-layout/hub", test_hub);
  g_test_add_func ("/network-layout/small", test_small);
  g_test_add_func ("/network-layout/grouped", test_grouped);

  return g_test_run ();
}
