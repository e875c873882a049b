/* bb-person-privacy.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

/* The data protection actions of a person's detail (DSGVO): "Export Personal Data…" (the
 * Auskunft as a text file) and "Erase Person…". widget is the view they start from: toasts and
 * dialogs go over its window. Erasing is final, so it asks first (no Undo) and lists the
 * consultations whose notes still name the person, for the user to edit afterwards. */

/* Asks where to save the Auskunft of the person, then writes it (a toast says where). */
void       bb_person_privacy_choose_export (GtkWidget    *widget,
                                            BbStore      *store,
                                            gint64        person_id);
/* Writes the Auskunft of the person to path (mode 0600) and shows a toast; FALSE with error
 * (nothing shown) if it cannot. */
gboolean   bb_person_privacy_export        (GtkWidget    *widget,
                                            BbStore      *store,
                                            gint64        person_id,
                                            const char   *path,
                                            GError      **error);
/* The "Erase …?" dialog, presented; its response "erase" erases the person and shows a
 * toast. */
AdwMessageDialog *bb_person_privacy_ask_erase (GtkWidget *widget,
                                               BbStore   *store,
                                               gint64     person_id);

G_END_DECLS
