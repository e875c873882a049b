/* bb-validate.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks of what people type into the editors. They only say yes or no: the words that explain
 * a no are made in the UI layer. Empty input (NULL, "" or only spaces) counts as valid for the
 * optional fields; a required field checks bb_validate_is_blank() itself. */

/* TRUE if text is NULL, empty or only white space. */
gboolean  bb_validate_is_blank       (const char *text);
/* name@domain.tld: one '@', no spaces, a domain with a dot and labels that are not empty. */
gboolean  bb_validate_email          (const char *text);
/* Digits, spaces, '+' (only first), '/', '-', '(' and ')', with at least five digits. */
gboolean  bb_validate_phone          (const char *text);
/* A German postcode: exactly five digits. */
gboolean  bb_validate_postcode       (const char *text);
/* Reads a date as people type it, "25.11.2026", "25.11.26" or "2026-11-25", into the
 * database's "YYYY-MM-DD"; NULL if it is no valid date. */
char     *bb_validate_parse_date     (const char *text);
/* TRUE if both ISO dates are given and until is before since. */
gboolean  bb_validate_dates_reversed (const char *since_iso,
                                      const char *until_iso);

G_END_DECLS
