/* bb-consultation-view.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_CONSULTATION_VIEW (bb_consultation_view_get_type ())

G_DECLARE_FINAL_TYPE (BbConsultationView, bb_consultation_view, BB, CONSULTATION_VIEW, AdwBin)

/* The consultations (Beratungen), newest first and filtered, beside the detail of one; on a
 * second page the open follow-ups ("Offene Vereinbarungen"). Emits
 * "show-record" (GType, gint64) when a link to a record of another view is activated. */
void       bb_consultation_view_set_store   (BbConsultationView *self,
                                        BbStore       *store);
BbStore   *bb_consultation_view_get_store   (BbConsultationView *self);
/* Selects the consultation id (type must be BB_TYPE_CONSULTATION) and shows it; FALSE if it is
 * not listed. */
gboolean   bb_consultation_view_show_record (BbConsultationView *self,
                                        GType          type,
                                        gint64         id);
BbRecord  *bb_consultation_view_get_selected (BbConsultationView *self);
guint      bb_consultation_view_get_n_items  (BbConsultationView *self);
/* The open follow-ups shown on the view's second page (BbFollowup), due first. */
GListModel *bb_consultation_view_get_open_followups (BbConsultationView *self);

G_END_DECLS
