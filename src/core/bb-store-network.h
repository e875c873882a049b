/* bb-store-network.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-store.h"

G_BEGIN_DECLS

/* The queries of the network (Netzwerk): filtered lists of people and organisations and the
 * neighbourhood of one record for the network picture. */

/* What the lists are narrowed to; every field may be left empty (NULL or 0). */
typedef struct
{
  const char *search;             /* the words typed: each one a prefix, all required */
  const char *organisation_kind;  /* a code of BB_CODES_ORGANISATION_KIND */
  gint64      region_id;
} BbNetworkFilter;

/* People in their natural order (family name, given name) that match filter.
 *
 * The region of a person is not stored; it comes from where they work. A person is in a region
 * if their organisation's district lies in it, or if they hold a role that has not ended in a
 * shelter of a district in it: a volunteer coordinator of a Träger seated in Mitte who works in
 * a shelter in Spandau is someone the West region talks to. Their kind is their organisation's
 * kind. Search covers name, function, e-mail, languages, notes and the organisation's name. */
GListModel *bb_store_list_people          (BbStore               *self,
                                           const BbNetworkFilter *filter);
/* Organisations by name that match filter. An organisation is in a region if its district lies
 * in it or it operates a shelter there. Search covers name, address, e-mail, web and notes. */
GListModel *bb_store_list_organisations   (BbStore               *self,
                                           const BbNetworkFilter *filter);
/* Narrows a list made by bb_store_list_people() or bb_store_list (store, BB_TYPE_PERSON) to
 * filter (NULL for all), in place: the rows that stay keep their place, so a view keeps its
 * selection. The same for organisations. */
void        bb_store_filter_people        (BbStore               *self,
                                           GListModel            *people,
                                           const BbNetworkFilter *filter);
void        bb_store_filter_organisations (BbStore               *self,
                                           GListModel            *organisations,
                                           const BbNetworkFilter *filter);
/* Shelters by name whose name, address, district or operator matches search (all if empty);
 * for pickers. */
GListModel *bb_store_list_shelters_matching (BbStore             *self,
                                             const char          *search);

/* The neighbourhood of a person or organisation, for the network picture: the centre (node 0),
 * the records linked to it (depth 1) and the records linked to those (depth 2). Links are the
 * relations in either direction and membership: a person's organisation, an organisation's
 * people. Edges join nodes of which at least one has depth 0 or 1: links between two records
 * at depth 2 are not looked up. At most max_nodes nodes (centre included) are kept, nearer ones
 * first, in a stable order (the centre's organisation, then relations by age, then members);
 * n_omitted counts the further records that were found but left out. */
typedef struct
{
  GType   type;      /* BB_TYPE_PERSON or BB_TYPE_ORGANISATION */
  gint64  id;
  char   *label;
  char   *kind;      /* an organisation's kind code; NULL for a person */
  guint   depth;     /* 0, 1 or 2 */
  guint   parent;    /* the node through which it was found (0 for the centre itself) */
} BbNetworkNode;

typedef struct
{
  guint   from;          /* node indices, in the relation's direction; membership: person → */
  guint   to;            /*   organisation */
  gint64  relation_id;   /* 0 for membership */
  char   *kind;          /* a code of BB_CODES_RELATION_TYPE; NULL for membership */
} BbNetworkEdge;

typedef struct
{
  GArray *nodes;         /* BbNetworkNode */
  GArray *edges;         /* BbNetworkEdge */
  guint   n_omitted;
} BbNeighbourhood;

#define BB_TYPE_NEIGHBOURHOOD (bb_neighbourhood_get_type ())

GType            bb_neighbourhood_get_type   (void) G_GNUC_CONST;
BbNeighbourhood *bb_neighbourhood_ref        (BbNeighbourhood *self);
void             bb_neighbourhood_unref      (BbNeighbourhood *self);
/* The index of the node for a record, or -1. */
int              bb_neighbourhood_find       (BbNeighbourhood *self,
                                              GType            type,
                                              gint64           id);
guint            bb_neighbourhood_get_n_nodes (BbNeighbourhood *self);
BbNetworkNode   *bb_neighbourhood_get_node   (BbNeighbourhood *self,
                                              guint            index);
guint            bb_neighbourhood_get_n_edges (BbNeighbourhood *self);
BbNetworkEdge   *bb_neighbourhood_get_edge   (BbNeighbourhood *self,
                                              guint            index);

#define BB_NEIGHBOURHOOD_MAX_NODES 40

BbNeighbourhood *bb_store_get_neighbourhood  (BbStore         *self,
                                              GType            type,
                                              gint64           id,
                                              guint            max_nodes,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbNeighbourhood, bb_neighbourhood_unref)

G_END_DECLS
