/* bb-validate.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-validate"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-validate.h"

G_DEFINE_QUARK (bb-validate-error-quark, bb_validate_error)

gboolean
bb_validate_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  /* Not text at all is not blank; and g_utf8_get_char() would read past a cut sequence. */
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
is_domain_label_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-';
}

gboolean
bb_validate_email (const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) labels = NULL;
  const char *at;
  char *domain;
  guint n_labels;

  if (bb_validate_is_blank (text))
    return TRUE;

  copy = g_strstrip (g_strdup (text));
  if (!g_utf8_validate (copy, -1, NULL))
    return FALSE;

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',' || c == ';' || c == '<' || c == '>'
          || c == '(' || c == ')' || c == '"')
        return FALSE;
    }

  at = strchr (copy, '@');
  if (at == NULL || at == copy || strchr (at + 1, '@') != NULL)
    return FALSE;
  /* A local part may not start or end with a dot, nor have two in a row. */
  if (copy[0] == '.' || at[-1] == '.' || strstr (copy, "..") != NULL)
    return FALSE;

  domain = (char *) at + 1;
  labels = g_strsplit (domain, ".", -1);
  n_labels = g_strv_length (labels);
  if (n_labels < 2)
    return FALSE;

  for (guint i = 0; i < n_labels; i++)
    {
      const char *label = labels[i];

      if (label[0] == '\0' || label[0] == '-' || label[strlen (label) - 1] == '-')
        return FALSE;
      for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
        if (!is_domain_label_char (g_utf8_get_char (p)))
          return FALSE;
    }

  /* The top-level domain has at least two letters and no digits. */
  if (g_utf8_strlen (labels[n_labels - 1], -1) < 2)
    return FALSE;
  for (const char *p = labels[n_labels - 1]; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
bb_validate_phone (const char *text)
{
  guint digits = 0;
  gboolean first = TRUE;

  if (bb_validate_is_blank (text))
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isdigit (c))
        digits++;
      else if (c == '+')
        {
          if (!first)
            return FALSE;
        }
      else if (c != ' ' && c != '/' && c != '-' && c != '(' && c != ')')
        return FALSE;

      if (c != ' ')
        first = FALSE;
    }

  return digits >= 5;
}

static gboolean all_digits (const char *text,
                            gsize       min_len,
                            gsize       max_len);

gboolean
bb_validate_postcode (const char *text)
{
  g_autofree char *copy = NULL;

  if (bb_validate_is_blank (text))
    return TRUE;

  copy = g_strstrip (g_strdup (text));

  return all_digits (copy, 5, 5);
}

static gboolean
all_digits (const char *text,
            gsize       min_len,
            gsize       max_len)
{
  gsize len = strlen (text);

  if (len < min_len || len > max_len)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

char *
bb_validate_parse_date (const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  guint day, month, year;

  if (bb_validate_is_blank (text))
    return NULL;

  copy = g_strstrip (g_strdup (text));

  if (strchr (copy, '-') != NULL)
    {
      parts = g_strsplit (copy, "-", -1);
      if (g_strv_length (parts) != 3 || !all_digits (parts[0], 4, 4)
          || !all_digits (parts[1], 1, 2) || !all_digits (parts[2], 1, 2))
        return NULL;
      year = atoi (parts[0]);
      month = atoi (parts[1]);
      day = atoi (parts[2]);
    }
  else
    {
      parts = g_strsplit (copy, ".", -1);
      if (g_strv_length (parts) != 3 || !all_digits (parts[0], 1, 2)
          || !all_digits (parts[1], 1, 2)
          || !(all_digits (parts[2], 4, 4) || all_digits (parts[2], 2, 2)))
        return NULL;
      day = atoi (parts[0]);
      month = atoi (parts[1]);
      year = atoi (parts[2]);
      /* Two-digit years are this century's: the network's links are recent. */
      if (strlen (parts[2]) == 2)
        year += 2000;
    }

  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

gboolean
bb_validate_dates_reversed (const char *since_iso,
                            const char *until_iso)
{
  if (since_iso == NULL || until_iso == NULL || *since_iso == '\0' || *until_iso == '\0')
    return FALSE;

  return strcmp (until_iso, since_iso) < 0;
}

/* Free text ---------------------------------------------------------------------------------- */

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Control characters and the direction controls that reorder what follows them. */
static gboolean
is_refused_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f)
         || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

gboolean
bb_validate_text (const char *text,
                  guint       max_chars,
                  gboolean    multiline,
                  GError    **error)
{
  guint n_chars = 0;

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_INVALID_UTF8,
                           _("The text is not valid UTF-8 and cannot be saved."));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;
      if (is_line_break (c) || c == '\t')
        {
          if (!multiline)
            {
              g_set_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_LINE_BREAK,
                           /* Translators: the number counts the characters from the start */
                           _("This field holds a single line: remove the line break or tab at "
                             "character %u."), n_chars);
              return FALSE;
            }
        }
      else if (is_refused_control (c) && c >= 0x202a)
        {
          g_set_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_CONTROL,
                       _("The invisible direction control U+%04X at character %u could show "
                         "the text reversed: remove it."), c, n_chars);
          return FALSE;
        }
      else if (is_refused_control (c))
        {
          g_set_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_CONTROL,
                       _("The invisible control character U+%04X at character %u cannot be "
                         "saved (it often comes with pasted text): remove it."), c, n_chars);
          return FALSE;
        }
    }

  if (n_chars > max_chars)
    {
      g_set_error (error, BB_VALIDATE_ERROR, BB_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE, "At most %u character (now %u).",
                                "At most %u characters (now %u).", max_chars),
                   max_chars, n_chars);
      return FALSE;
    }

  return TRUE;
}

static const struct
{
  const char *column;
  guint       max_chars;
  gboolean    multiline;
} column_rules[] = {
  { "notes",       BB_VALIDATE_NOTES_MAX,     TRUE },
  { "note",        BB_VALIDATE_NOTES_MAX,     TRUE },
  { "description", BB_VALIDATE_NOTES_MAX,     TRUE },
  { "minutes",     BB_VALIDATE_NOTES_MAX,     TRUE },
  { "email",       BB_VALIDATE_EMAIL_MAX,     FALSE },
  { "web",         BB_VALIDATE_LONG_LINE_MAX, FALSE },
  { "online_url",  BB_VALIDATE_LONG_LINE_MAX, FALSE },
  { "uid",         BB_VALIDATE_LONG_LINE_MAX, FALSE },
  { "rrule",       BB_VALIDATE_LONG_LINE_MAX, FALSE },
  /* A follow-up: what was agreed, in one line. */
  { "text",        BB_VALIDATE_LONG_LINE_MAX, FALSE },
  /* One date for each cancelled meeting of a series, however long it runs. */
  { "exdates",     G_MAXUINT,                 FALSE },
};

void
bb_validate_column_rule (const char *column,
                         guint      *max_chars,
                         gboolean   *multiline)
{
  char name[32];

  g_return_if_fail (column != NULL);
  g_return_if_fail (max_chars != NULL);
  g_return_if_fail (multiline != NULL);

  /* Property names have '-' where columns have '_'. */
  g_strlcpy (name, column, sizeof name);
  g_strdelimit (name, "-", '_');

  *max_chars = BB_VALIDATE_LINE_MAX;
  *multiline = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_rules); i++)
    if (strcmp (name, column_rules[i].column) == 0)
      {
        *max_chars = column_rules[i].max_chars;
        *multiline = column_rules[i].multiline;
        break;
      }
}

gboolean
bb_validate_column (const char *column,
                    const char *text,
                    GError    **error)
{
  guint max_chars;
  gboolean multiline;

  g_return_val_if_fail (column != NULL, FALSE);

  bb_validate_column_rule (column, &max_chars, &multiline);

  return bb_validate_text (text, max_chars, multiline, error);
}

char *
bb_validate_dup_trimmed (const char *text)
{
  const char *start, *end;

  if (text == NULL)
    return NULL;

  /* Invalid text is kept whole for bb_validate_text() to refuse. */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  start = text;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (end == start)
    return NULL;

  return g_strndup (start, end - start);
}
