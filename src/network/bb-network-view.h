/* bb-network-view.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-network-graph.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_NETWORK_VIEW (bb_network_view_get_type ())

G_DECLARE_FINAL_TYPE (BbNetworkView, bb_network_view, BB, NETWORK_VIEW, AdwBin)

/* The people and organisations of the network (Netzwerk), searched and filtered by kind and
 * region, beside the detail of one with its network picture; editors for people,
 * organisations and links; deleting with Undo. Ctrl+N (new), Ctrl+E (edit) while it is shown.
 * Emits "show-record" (GType, gint64) when a link to a record of another view is activated. */
void       bb_network_view_set_store   (BbNetworkView *self,
                                        BbStore       *store);
BbStore   *bb_network_view_get_store   (BbNetworkView *self);
/* Selects a person or organisation (type BB_TYPE_PERSON or BB_TYPE_ORGANISATION) and shows it;
 * FALSE if it is not listed. */
gboolean   bb_network_view_show_record (BbNetworkView *self,
                                        GType          type,
                                        gint64         id);
BbRecord  *bb_network_view_get_selected (BbNetworkView *self);
guint      bb_network_view_get_n_items  (BbNetworkView *self);
/* The network picture of the record shown, or NULL. */
BbNetworkGraph *bb_network_view_get_graph (BbNetworkView *self);
/* The (filtered) list of people or organisations. */
GListModel *bb_network_view_get_model   (BbNetworkView *self,
                                         GType          type);

G_END_DECLS
