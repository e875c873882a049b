/* bb-ics-dialogs.h: importing and exporting iCalendar files in the window.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-core.h"

G_BEGIN_DECLS

/* Asks for an .ics file (native chooser), then shows bb_ics_import_dialog_new for it. */
void        bb_ics_import_choose_file     (GtkWidget   *parent,
                                           BbStore     *store,
                                           gint64       region_id);
/* The preview of importing file: what will be added, updated and skipped, with "Import" and
 * "Cancel"; the import applies whole or not at all. A file that cannot be read gives a
 * message dialog naming the line instead (then the function returns that dialog). */
GtkWidget  *bb_ics_import_dialog_new      (GtkWidget   *parent,
                                           BbStore     *store,
                                           GFile       *file,
                                           gint64       region_id);
/* The plan the preview shows, or NULL for the message dialog. */
BbIcalPlan *bb_ics_import_dialog_get_plan (GtkWidget   *dialog);
gboolean    bb_ics_import_dialog_apply    (GtkWidget   *dialog);

/* What to export (everything, the region, this series, a date range) and how (publish or
 * invitations), then a native chooser for the file. event and region_id 0 leave out those
 * choices. */
GtkWidget  *bb_ics_export_dialog_new      (GtkWidget   *parent,
                                           BbStore     *store,
                                           BbEvent     *event,
                                           gint64       region_id);
/* The export with the dialog's choices to file, with a toast; the chooser does this too. */
gboolean    bb_ics_export_dialog_export_to (GtkWidget  *dialog,
                                            GFile      *file,
                                            GError    **error);
/* The choices' rows, for tests: "what" (0 everything, then the offered ones) and "method". */
AdwComboRow *bb_ics_export_dialog_get_what_row   (GtkWidget *dialog);
AdwComboRow *bb_ics_export_dialog_get_method_row (GtkWidget *dialog);

G_END_DECLS
