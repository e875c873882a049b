/* bb-network-layout.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the network picture puts its nodes and their labels: plain geometry without GTK, so that
 * it can be tested alone. The caller fills in the fields above the line, the layout the rest. */
typedef struct
{
  guint    depth;          /* 0 for the centre (node 0), 1 or 2 */
  guint    parent;         /* the node through which it was found */
  guint    group;          /* its kind, as a rank: neighbours of one kind sit together */
  double   label_width;    /* the label's size as drawn; 0 for none */
  double   label_height;
  /* ---- */
  double   x, y;           /* the node's centre */
  double   label_x, label_y; /* the label's top left corner, where it would go */
  gboolean label_shown;    /* FALSE if no free room was found: the name is only in the
                            * tooltip, the accessible name and drawn on hover or focus */
} BbNetworkLayoutNode;

#define BB_NETWORK_LAYOUT_NODE_RADIUS    9.0
#define BB_NETWORK_LAYOUT_CENTRE_RADIUS 14.0

/* The height the picture wants for n_nodes nodes at width: more rings, more height. */
int    bb_network_layout_get_height (guint                n_nodes,
                                     int                  width);
/* The widest label on the sides, for width. */
double bb_network_layout_label_room (double               width);
/* Places the nodes in width × height, then their labels. */
void   bb_network_layout_nodes      (BbNetworkLayoutNode *nodes,
                                     guint                n_nodes,
                                     double               width,
                                     double               height);
void   bb_network_layout_labels     (BbNetworkLayoutNode *nodes,
                                     guint                n_nodes,
                                     double               width,
                                     double               height);

G_END_DECLS
