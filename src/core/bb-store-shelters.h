/* bb-store-shelters.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-record-list.h"
#include "bb-store.h"

G_BEGIN_DECLS

/* The queries of the Unterkünfte view: filtered and sorted lists of shelters done in SQL (so
 * they stay instant at tens of thousands of shelters), the last consultation of a shelter and
 * the events it was invited to. */

typedef enum
{
  BB_SHELTER_SORT_NAME,
  BB_SHELTER_SORT_DISTRICT,            /* district name, then name */
  BB_SHELTER_SORT_RESIDENTS,           /* most residents first, unknown last */
  BB_SHELTER_SORT_LAST_CONSULTATION,   /* never consulted first, then the longest ago */
} BbShelterSort;

typedef struct
{
  /* Part of the name, street, postcode, district or operator's name; NULL or "" for all. */
  char          *text;
  gint64         region_id;            /* 0 for every region */
  gint64         district_id;          /* 0 for every district */
  char          *kind;                 /* a BB_CODES_SHELTER_TYPE code, NULL for all */
  char          *status;               /* a BB_CODES_SHELTER_STATUS code, NULL for all */
  /* "Lange kein Kontakt": if > 0, only shelters that are not closed and had no consultation
   * on or after the day no_contact_weeks weeks before today (never consulted included). */
  int            no_contact_weeks;
  char          *today;                /* "YYYY-MM-DD"; NULL for the local date */
  BbShelterSort  sort;
} BbShelterQuery;

BbShelterQuery *bb_shelter_query_new   (void);
BbShelterQuery *bb_shelter_query_copy  (const BbShelterQuery *query);
void            bb_shelter_query_free  (BbShelterQuery       *query);

/* The shelters query selects, as a list of BbShelter that follows every change (consultations,
 * districts and organisations included). */
GListModel     *bb_store_list_shelters (BbStore              *self,
                                        const BbShelterQuery *query);
/* Makes list (a shelter list of bb_store_list() or bb_store_list_shelters()) show query. */
void            bb_shelter_query_apply (const BbShelterQuery *query,
                                        BbRecordList         *list);

/* The start ("YYYY-MM-DDTHH:MM") of the shelter's newest consultation, or NULL if none. */
char           *bb_store_dup_last_consultation (BbStore    *self,
                                                gint64      shelter_id);
/* Days from the newest consultation's date to today ("YYYY-MM-DD", NULL for the local date);
 * -1 if the shelter was never consulted. */
int             bb_store_days_since_consultation (BbStore    *self,
                                                  gint64      shelter_id,
                                                  const char *today);
gint64          bb_store_count_shelter_consultations (BbStore *self,
                                                      gint64   shelter_id);

/* An event a shelter was invited to, and how many of the shelter's people attended it. */
typedef struct
{
  gint64  event_id;
  char   *title;
  char   *starts_at;
  guint   n_attended;
} BbShelterInvitation;

void            bb_shelter_invitation_free (BbShelterInvitation *invitation);
/* The invitations of the shelter, newest event first: a GPtrArray of BbShelterInvitation. */
GPtrArray      *bb_store_list_shelter_invitations (BbStore  *self,
                                                   gint64    shelter_id,
                                                   GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbShelterQuery, bb_shelter_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbShelterInvitation, bb_shelter_invitation_free)

G_END_DECLS
