/* bb-record-picker.h
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_RECORD_PICKER (bb_record_picker_get_type ())

G_DECLARE_FINAL_TYPE (BbRecordPicker, bb_record_picker, BB, RECORD_PICKER, GtkWidget)

/* A button showing the chosen person, organisation or shelter; it opens a popover to search
 * for another. The list is the store's (searched in SQL, rows loaded when shown), so it stays
 * quick with tens of thousands of records. With people and organisations both allowed, two
 * toggles switch between them. Emits "changed" when the choice changes. */
BbRecordPicker *bb_record_picker_new               (void);
/* types: BB_TYPE_PERSON, BB_TYPE_ORGANISATION and/or BB_TYPE_SHELTER. */
void            bb_record_picker_setup             (BbRecordPicker *self,
                                                    BbStore        *store,
                                                    GType           first_type,
                                                    GType           second_type,
                                                    gboolean        allow_none);
void            bb_record_picker_set_selected      (BbRecordPicker *self,
                                                    GType           type,
                                                    gint64          id);
/* The chosen record, or id 0. */
gint64          bb_record_picker_get_selected_id   (BbRecordPicker *self);
GType           bb_record_picker_get_selected_type (BbRecordPicker *self);
/* Shows the records of type in the popover (one of the two given to setup). */
void            bb_record_picker_set_list_type     (BbRecordPicker *self,
                                                    GType           type);
/* The popover's widgets, for the tests that drive them. */
GtkEditable    *bb_record_picker_get_search_entry  (BbRecordPicker *self);
GtkListView    *bb_record_picker_get_list_view     (BbRecordPicker *self);
GtkMenuButton  *bb_record_picker_get_button        (BbRecordPicker *self);

G_END_DECLS
