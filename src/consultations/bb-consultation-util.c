/* bb-consultation-util.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-consultation-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bb-consultation-util.h"

static gboolean
parse_number (const char *text,
              guint       min_digits,
              guint       max_digits,
              int        *value)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (n < min_digits || n > max_digits)
    return FALSE;

  *value = atoi (text);

  return TRUE;
}

char *
bb_consultation_parse_date (const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  int day, month, year;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (strchr (copy, '-') != NULL)
    {
      parts = g_strsplit (copy, "-", -1);
      if (g_strv_length (parts) != 3
          || !parse_number (parts[0], 4, 4, &year)
          || !parse_number (parts[1], 1, 2, &month)
          || !parse_number (parts[2], 1, 2, &day))
        return NULL;
    }
  else
    {
      parts = g_strsplit (copy, ".", -1);
      if (g_strv_length (parts) != 3
          || !parse_number (parts[0], 1, 2, &day)
          || !parse_number (parts[1], 1, 2, &month)
          || !parse_number (parts[2], 4, 4, &year))
        return NULL;
    }

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}
