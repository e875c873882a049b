/* bb-draft.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-store.h"

G_BEGIN_DECLS

/* Drafts: what an editor holds but has not saved, kept in the database (table draft) so that
 * nothing typed is lost to a crash or a closed window. One draft per editor kind (e.g.
 * "consultation") and record (0 for a new one). The content is a vardict (a{sv}) that only
 * the editor interprets. Writing a draft emits no "changed" signal: views do not show drafts. */

#define BB_DRAFT_CONSULTATION "consultation"

/* Replaces the draft of kind and record_id by content (a vardict, sunk if floating), stamped
 * with the local time now. */
gboolean  bb_draft_save     (BbStore     *store,
                             const char  *kind,
                             gint64       record_id,
                             GVariant    *content,
                             GError     **error);
/* The content of the draft, or NULL without error if there is none; updated_at (optional)
 * receives its local time "YYYY-MM-DDTHH:MM:SS". A draft that cannot be parsed any more is
 * reported as an error, never dropped silently. */
GVariant *bb_draft_load     (BbStore     *store,
                             const char  *kind,
                             gint64       record_id,
                             char       **updated_at,
                             GError     **error);
/* Removes the draft (saved or discarded); no draft is no error. */
gboolean  bb_draft_discard  (BbStore     *store,
                             const char  *kind,
                             gint64       record_id,
                             GError     **error);
/* The record ids of the drafts of kind, the most recently changed first (0 = a new record). */
GArray   *bb_draft_list     (BbStore     *store,
                             const char  *kind,
                             GError     **error);

G_END_DECLS
