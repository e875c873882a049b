/* bb-demo.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-store.h"

G_BEGIN_DECLS

/* Called now and then while generating; fraction runs from 0 to 1. */
typedef void (*BbDemoProgress) (double   fraction,
                                gpointer user_data);

/* Fills an empty store with fictional but realistic data: the same scale and seed always give
 * the same records. scale 1 is the BfE's real size (about 110 shelters, 1,500 people,
 * 400 organisations, 4,000 consultations over two years before today's date in
 * reference_date, 300 events). Marks the database as demo data. One transaction. */
gboolean bb_demo_generate (BbStore         *store,
                           double           scale,
                           guint32          seed,
                           GDate           *reference_date,
                           BbDemoProgress   progress,
                           gpointer         user_data,
                           GError         **error);

G_END_DECLS
