/* bb-codes.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fixed vocabularies of the data model. The database stores stable English codes
 * ("community", "on-site"); people read the translated labels. */
typedef enum
{
  BB_CODES_ORGANISATION_KIND,
  BB_CODES_SHELTER_TYPE,
  BB_CODES_SHELTER_STATUS,
  BB_CODES_ROLE,
  BB_CODES_RELATION_TYPE,
  BB_CODES_CONSULTATION_FORMAT,
  BB_CODES_EVENT_KIND,
  BB_CODES_EVENT_STATUS,
  BB_CODES_ATTENDANCE,
  BB_CODES_N_SETS
} BbCodeSet;

/* The codes of a set in display order, NULL-terminated. */
const char * const *bb_codes_list  (BbCodeSet   set);
guint               bb_codes_count (BbCodeSet   set);
/* The translated label of code, or code itself if the set does not know it. */
const char         *bb_codes_label (BbCodeSet   set,
                                    const char *code);
/* The position of code in the set, or -1. */
int                 bb_codes_index (BbCodeSet   set,
                                    const char *code);

G_END_DECLS
