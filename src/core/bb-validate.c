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

#include "bb-validate.h"

gboolean
bb_validate_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

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
