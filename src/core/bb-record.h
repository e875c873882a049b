/* bb-record.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BB_TYPE_RECORD (bb_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (BbRecord, bb_record, BB, RECORD, GObject)

/* A row of one table. Subclasses declare one property per column (the property "given-name" is
 * the column given_name) and name their table; the store maps rows and records generically.
 * Conventions for a NULL column: strings are NULL (an empty string is stored as NULL), foreign
 * keys are 0 and nullable integers are -1. */
struct _BbRecordClass
{
  GObjectClass parent_class;

  const char *table;

  char *(*dup_label) (BbRecord *self);
};

gint64      bb_record_get_id        (BbRecord *self);
void        bb_record_set_id        (BbRecord *self,
                                     gint64    id);
char       *bb_record_dup_label     (BbRecord *self);
const char *bb_record_get_table     (BbRecord *self);
const char *bb_record_type_get_table (GType    type);

/* Replaces *str_pointer by a copy of new_str; TRUE if the value changed. */
static inline gboolean
bb_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

G_END_DECLS
