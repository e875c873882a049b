/* bb-network-graph.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-store-network.h"

G_BEGIN_DECLS

#define BB_TYPE_NETWORK_GRAPH (bb_network_graph_get_type ())

G_DECLARE_FINAL_TYPE (BbNetworkGraph, bb_network_graph, BB, NETWORK_GRAPH, GtkWidget)

/* The network picture: a neighbourhood drawn as the centre, the ring of the records linked to
 * it and the outer ring of theirs, nodes coloured by kind and links by relation kind. A click
 * on a node, or Enter on the node chosen with the arrow keys or Tab, emits "activate-node"
 * (GType type, gint64 id). */
GtkWidget       *bb_network_graph_new               (void);
void             bb_network_graph_set_neighbourhood (BbNetworkGraph  *self,
                                                     BbNeighbourhood *neighbourhood);
BbNeighbourhood *bb_network_graph_get_neighbourhood (BbNetworkGraph  *self);
/* The node that keyboard focus is on (-1 for none) and moving it. */
int              bb_network_graph_get_focus_node    (BbNetworkGraph  *self);
void             bb_network_graph_set_focus_node    (BbNetworkGraph  *self,
                                                     int              index);
/* Where a node is drawn, in widget coordinates; FALSE before the first layout. */
gboolean         bb_network_graph_get_node_position (BbNetworkGraph  *self,
                                                     guint            index,
                                                     double          *x,
                                                     double          *y);
/* The node at a point, or -1. */
int              bb_network_graph_node_at           (BbNetworkGraph  *self,
                                                     double           x,
                                                     double           y);

G_END_DECLS
