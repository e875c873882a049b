/* bb-occurrence-editor.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-calendar-entry.h"

G_BEGIN_DECLS

/* A modal dialog that changes or moves one date of a series (an event_override), or sets it
 * back to the series; the series itself stays as it is. */
GtkWidget *bb_occurrence_editor_new (GtkWidget       *parent,
                                     BbStore         *store,
                                     BbCalendarEntry *entry);

G_END_DECLS
