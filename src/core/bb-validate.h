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

/* Free text ---------------------------------------------------------------------------------
 *
 * The rule for every free-text field, applied by the editors as people type and by the store
 * before it writes (so that imports and headless commands obey it too). Text is valid UTF-8;
 * it holds no control characters (C0 except tab and line feed in multi-line text, DEL, C1
 * such as U+0085) and no explicit direction embeddings, overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069), which would make a name display reversed or flip the text around it; and it
 * is at most max_chars characters long, counted in Unicode code points, not bytes. Everything
 * else is stored byte for byte: emoji with ZWJ sequences and flags, combining characters,
 * Arabic, Persian (with ZWNJ) and Hebrew, marks such as U+200E/U+200F. Single-line text holds no
 * line breaks (LF, CR, U+2028, U+2029) and no tabs.
 *
 * These are the only checks here that explain themselves: their error (BB_VALIDATE_ERROR) is a
 * translated sentence for the person who typed or imported the text. */

#define BB_VALIDATE_ERROR (bb_validate_error_quark ())

typedef enum
{
  BB_VALIDATE_ERROR_INVALID_UTF8,
  BB_VALIDATE_ERROR_CONTROL,       /* a control or direction-override character */
  BB_VALIDATE_ERROR_LINE_BREAK,    /* a line break or tab in single-line text */
  BB_VALIDATE_ERROR_TOO_LONG,
} BbValidateError;

/* Names, titles, addresses, roles: one line. */
#define BB_VALIDATE_LINE_MAX       200
/* E-mail addresses (RFC 5321). */
#define BB_VALIDATE_EMAIL_MAX      254
/* Web addresses, calendar UIDs and repeat rules, follow-ups: one line. */
#define BB_VALIDATE_LONG_LINE_MAX  2000
/* Notes, descriptions, minutes: several lines. */
#define BB_VALIDATE_NOTES_MAX      100000

GQuark    bb_validate_error_quark    (void);

/* TRUE if text (NULL counts as empty) keeps the rule; else FALSE with a BB_VALIDATE_ERROR. */
gboolean  bb_validate_text           (const char *text,
                                      guint       max_chars,
                                      gboolean    multiline,
                                      GError    **error);
/* The rule of a text column of the database, by its column or property name ("notes",
 * "given-name", "online_url"): multi-line for notes, note, description and minutes; the
 * longer limits for email, web, online_url, uid, rrule and text (a follow-up); no limit on
 * exdates; every other column is a line of BB_VALIDATE_LINE_MAX. */
void      bb_validate_column_rule    (const char *column,
                                      guint      *max_chars,
                                      gboolean   *multiline);
/* bb_validate_text() with the rule of column. */
gboolean  bb_validate_column         (const char *column,
                                      const char *text,
                                      GError    **error);
/* A copy of text without white space (Unicode's, including U+00A0 and U+3000) at either end;
 * NULL if nothing is left. The one trimming of every text field. */
char     *bb_validate_dup_trimmed    (const char *text);

G_END_DECLS
