/* bb-attendance-dialog.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-attendance-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-attendance-dialog.h"
#include "bb-editor.h"
#include "bb-format.h"
#include "bb-window.h"

struct _BbAttendanceDialog
{
  AdwWindow parent_instance;

  GtkWidget *parent;
  BbStore *store;
  BbCalendarEntry *entry;
  GArray *people;
  GPtrArray *toggles;       /* 3 per person, in the order of bb_codes_list (ATTENDANCE) */
  GtkTextView *minutes_view;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (BbAttendanceDialog, bb_attendance_dialog, ADW_TYPE_WINDOW)

#define N_STATUSES 3

GtkToggleButton *
bb_attendance_dialog_get_toggle (BbAttendanceDialog *self,
                                 gint64              person_id,
                                 const char         *status)
{
  int index = bb_codes_index (BB_CODES_ATTENDANCE, status);

  g_return_val_if_fail (BB_IS_ATTENDANCE_DIALOG (self), NULL);

  for (guint i = 0; index >= 0 && i < self->people->len; i++)
    if (g_array_index (self->people, gint64, i) == person_id)
      return self->toggles->pdata[i * N_STATUSES + index];

  return NULL;
}

GtkTextView *
bb_attendance_dialog_get_minutes_view (BbAttendanceDialog *self)
{
  g_return_val_if_fail (BB_IS_ATTENDANCE_DIALOG (self), NULL);

  return self->minutes_view;
}

gboolean
bb_attendance_dialog_save (BbAttendanceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *minutes = NULL;
  const char * const *codes = bb_codes_list (BB_CODES_ATTENDANCE);
  gint64 event_id = bb_calendar_entry_get_event_id (self->entry);
  const char *occurrence = bb_calendar_entry_get_recurrence_id (self->entry);

  g_return_val_if_fail (BB_IS_ATTENDANCE_DIALOG (self), FALSE);

  if (!bb_editor_check_text_fields (GTK_WIDGET (self)))
    return FALSE;
  minutes = bb_editor_dup_notes (self->minutes_view);

  if (!bb_store_begin (self->store, &error))
    goto failed;

  for (guint i = 0; i < self->people->len; i++)
    {
      const char *status = NULL;

      for (guint s = 0; s < N_STATUSES; s++)
        if (gtk_toggle_button_get_active (self->toggles->pdata[i * N_STATUSES + s]))
          status = codes[s];

      if (!bb_store_set_attendance (self->store, event_id, occurrence,
                                    g_array_index (self->people, gint64, i), status, &error))
        goto rollback;
    }

  if (!bb_store_set_occurrence_minutes (self->store, event_id, occurrence, minutes, &error))
    goto rollback;

  if (!bb_store_commit (self->store, &error))
    goto failed;

  bb_widget_add_toast (self->parent, adw_toast_new (_("Saved")));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

rollback:
  bb_store_rollback (self->store);
failed:
  {
    g_autofree char *message = bb_application_describe_store_error (error, bb_store_get_path (self->store));

    gtk_label_set_label (self->error_label, message);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  }
  return FALSE;
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bb_attendance_dialog_save (BB_ATTENDANCE_DIALOG (widget));
}

static void
bb_attendance_dialog_dispose (GObject *object)
{
  BbAttendanceDialog *self = (BbAttendanceDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (bb_attendance_dialog_parent_class)->dispose (object);
}

static void
bb_attendance_dialog_finalize (GObject *object)
{
  BbAttendanceDialog *self = (BbAttendanceDialog *)object;

  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_attendance_dialog_parent_class)->finalize (object);
}

static void
bb_attendance_dialog_class_init (BbAttendanceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_attendance_dialog_dispose;
  object_class->finalize = bb_attendance_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_attendance_dialog_init (BbAttendanceDialog *self)
{
  self->toggles = g_ptr_array_new ();
}

static GtkWidget *
build_header (const char *save_label)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "dialog.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);

  return header;
}

GtkWidget *
bb_attendance_dialog_new (GtkWidget       *parent,
                          BbStore         *store,
                          BbCalendarEntry *entry)
{
  BbAttendanceDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *date = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;
  const char * const *codes = bb_codes_list (BB_CODES_ATTENDANCE);
  g_autoptr(GError) minutes_error = NULL;
  g_autofree char *minutes = NULL;
  GtkWidget *box, *page, *group, *minutes_group, *scrolled, *clamp;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (BB_IS_CALENDAR_ENTRY (entry), NULL);

  self = g_object_new (BB_TYPE_ATTENDANCE_DIALOG,
                       "transient-for", gtk_widget_get_root (parent),
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 640,
                       "width-request", 360,
                       "title", _("Attendance and Minutes"),
                       NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (store);
  self->entry = g_object_ref (entry);

  self->people = bb_store_get_event_invitee_people (store, bb_calendar_entry_get_event_id (entry), &error);
  if (self->people == NULL)
    self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  records = bb_store_get_attendance (store, bb_calendar_entry_get_event_id (entry),
                                     bb_calendar_entry_get_recurrence_id (entry), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), build_header (_("_Save")));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_object_set (page, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  date = bb_format_weekday_date (bb_calendar_entry_get_starts_at (entry));
  /* Translators: "Jour fixe Nord on Tue, 10.11.2026" */
  isolated = bb_format_isolate (bb_calendar_entry_get_title (entry));
  title = g_strdup_printf (_("%s on %s"), isolated, date);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (self->people->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Nobody is invited. Invite people or shelters in the event's editor."));
  gtk_box_append (GTK_BOX (page), group);

  for (guint i = 0; i < self->people->len; i++)
    {
      gint64 person_id = g_array_index (self->people, gint64, i);
      g_autofree char *name = bb_store_dup_label (store, BB_TYPE_PERSON, person_id);
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *name_label = gtk_label_new (name ? name : "");
      GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *current = NULL;
      GtkToggleButton *first = NULL;

      for (guint r = 0; records != NULL && r < records->len; r++)
        if (bb_attendance_get_person_id (records->pdata[r]) == person_id)
          current = bb_attendance_get_status (records->pdata[r]);

      /* The name above its three buttons, which take the row's width: side by side they
       * would not fit a phone's 360 px (the German labels are longer). */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name ? name : "", -1);
      g_object_set (row_box, "margin-top", 8, "margin-bottom", 8, "margin-start", 12,
                    "margin-end", 12, NULL);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
      gtk_box_append (GTK_BOX (row_box), name_label);
      gtk_widget_add_css_class (toggles, "linked");
      gtk_widget_add_css_class (toggles, "attendance-choices");
      for (guint s = 0; s < N_STATUSES; s++)
        {
          GtkWidget *toggle = gtk_toggle_button_new_with_label (bb_codes_label (BB_CODES_ATTENDANCE, codes[s]));

          /* A group lets one be chosen; clicking the chosen one again is not possible, so
           * "not recorded" is the state before the first choice. */
          if (first != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), first);
          else
            first = GTK_TOGGLE_BUTTON (toggle);
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), g_strcmp0 (current, codes[s]) == 0);
          /* The row's width shared out, each as wide as its label asks at least. */
          gtk_widget_set_hexpand (toggle, TRUE);
          gtk_box_append (GTK_BOX (toggles), toggle);
          g_ptr_array_add (self->toggles, toggle);
        }
      gtk_box_append (GTK_BOX (row_box), toggles);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_box);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  minutes_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (minutes_group), _("Minutes"));
  self->minutes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_object_set (self->minutes_view, "height-request", 160, "wrap-mode", GTK_WRAP_WORD_CHAR,
                "top-margin", 8, "bottom-margin", 8, "left-margin", 8, "right-margin", 8, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes_view), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minutes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes"), -1);
  minutes = bb_store_dup_occurrence_minutes (store, bb_calendar_entry_get_event_id (entry),
                                             bb_calendar_entry_get_recurrence_id (entry), &minutes_error);
  if (minutes_error != NULL)
    {
      g_autofree char *message = bb_application_describe_store_error (minutes_error, bb_store_get_path (store));

      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->minutes_view), minutes ? minutes : "", -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (minutes_group), GTK_WIDGET (self->minutes_view));
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->minutes_view), "minutes");
  gtk_box_append (GTK_BOX (page), minutes_group);

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  bb_editor_fit_narrow (GTK_WINDOW (self));

  /* The first field, not the header bar's Cancel, has the focus when it opens. */
  g_signal_connect (self, "map", G_CALLBACK (bb_editor_focus_first_field), NULL);

  return GTK_WIDGET (self);
}
