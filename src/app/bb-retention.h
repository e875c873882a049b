/* bb-retention.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

/* Retention (DSGVO): consultations older than the years of the setting "retention-years" (0:
 * kept without a limit) are deleted when the user says so, after a confirmation that counts
 * them. Final: no Undo. Today is the local date. */

/* What the preferences row says: how many consultations are older than years, or that
 * retention is off; n_expired (optional) receives their number. */
char             *bb_retention_dup_summary (BbStore              *store,
                                            guint                 years,
                                            guint                *n_expired);
/* The "Delete Old Consultations?" dialog over window, presented; its response "delete"
 * deletes them and shows a toast in window. NULL (and a toast) if there is nothing to
 * delete. */
AdwMessageDialog *bb_retention_ask_delete  (AdwPreferencesWindow *window,
                                            BbStore              *store,
                                            guint                 years);

G_END_DECLS
