/* bb-consultation-util.h: small helpers the Beratungen view and its editor share.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as people type it, "25.11.2026" or "5.1.2027" (or ISO "2026-11-25"), as
 * "YYYY-MM-DD"; NULL if it is no valid date. Surrounding spaces are ignored. */
char *bb_consultation_parse_date (const char *text);

G_END_DECLS
