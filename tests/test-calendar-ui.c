/* test-calendar-ui.c: the Kalender view driven through its real widgets (run under Xvfb): a
 * monthly "2nd Tuesday" Jour fixe made in the editor, its occurrences in the month view and
 * the agenda, one date cancelled, attendance recorded, the export checked, an import preview.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-calendar-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bb-attendance-dialog.h"
#include "bb-calendar-view-private.h"
#include "bb-event-editor.h"
#include "bb-format.h"
#include "bb-ics-dialogs.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

#define TITLE "Jour fixe Testbezirk"

static gpointer
child (GtkWidget  *editor,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (editor, BB_TYPE_EVENT_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (GtkWidget  *editor,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (editor, name)), text);
}

static BbEvent *
find_event (BbStore    *store,
            const char *title)
{
  g_autoptr(GListModel) events = bb_store_list (store, BB_TYPE_EVENT);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BbEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (bb_event_get_title (event), title) == 0)
        return g_steal_pointer (&event);
    }

  return NULL;
}

/* The entry of event on date in the month view (after selecting that date), or NULL. */
static BbCalendarEntry *
month_entry (BbMonthView *month,
             gint64       event_id,
             GDateDay     day,
             GDateMonth   m,
             GDateYear    year)
{
  g_autoptr(GPtrArray) entries = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, m, year);
  bb_month_view_set_selected_date (month, &date);
  entries = bb_month_view_dup_entries_on (month, &date);
  for (guint i = 0; i < entries->len; i++)
    if (bb_calendar_entry_get_event_id (entries->pdata[i]) == event_id)
      return g_object_ref (entries->pdata[i]);

  return NULL;
}

static gboolean
month_entry_cancelled (BbMonthView *month,
                       gint64       event_id)
{
  g_autoptr(BbCalendarEntry) entry = month_entry (month, event_id, 9, G_DATE_FEBRUARY, 2027);

  return entry != NULL && bb_calendar_entry_is_cancelled (entry);
}

/* The mapped label below widget whose text is text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The text of the minutes view of the attendance dialog. */
static char *
dup_minutes_text (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bb_attendance_dialog_get_minutes_view (BB_ATTENDANCE_DIALOG (dialog)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_jour_fixe (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *text; const char *message; } hostile[] = {
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Mars/Olympus:20260301T100000\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n", "Unknown time zone “Mars/Olympus”" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\n"
      "BEGIN:VEVENT\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\n",
      "Line 9: The parts of the file are nested too deeply" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260230T100000\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n", "Line 4: DTSTART has no valid date or time: 20260230T100000" },
    { "BEGIN:VCALENDAR\r\nSUMMARY:\xff\x01\r\nEND:VCALENDAR\r\n", "Line 2: The file is not UTF-8 text" },
  };
  BbCalendarView *view;
  BbMonthView *month;
  BbStore *store;
  GtkWidget *editor;
  GtkWidget *dialog;
  GListModel *agenda;
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(BbEvent) reloaded = NULL;
  g_autoptr(BbCalendarEntry) entry = NULL;
  g_autoptr(BbCalendarEntry) march = NULL;
  g_autoptr(BbCalendarEntry) april = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ics_path = NULL;
  g_autoptr(GFile) ics_file = NULL;
  BbIcalPlan *plan;
  const char *sentence;
  guint n_in_agenda = 0;
  gint64 n_events;
  gint64 id;
  GDate date;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "calendar");
  view = BB_CALENDAR_VIEW (_bb_window_get_view (fixture->window, "calendar"));
  month = _bb_calendar_view_get_month_view (view);
  store = bb_calendar_view_get_store (view);
  g_assert_nonnull (store);
  n_events = bb_store_count (store, BB_TYPE_EVENT);

  /* A new event on the selected day: 12.01.2027 is the 2nd Tuesday of January. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 12, G_DATE_JANUARY, 2027);
  bb_month_view_set_selected_date (month, &date);
  editor = _bb_calendar_view_new_event (view);
  g_assert_true (BB_IS_EVENT_EDITOR (editor));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Saving without a title is refused next to the field. */
  set_text (editor, "title_row", "");
  g_assert_false (bb_event_editor_save (BB_EVENT_EDITOR (editor)));
  g_assert_true (gtk_widget_get_visible (child (editor, "title_error_row")));
  g_assert_true (gtk_widget_has_css_class (child (editor, "title_row"), "error"));

  set_text (editor, "title_row", TITLE);
  set_text (editor, "start_date_row", "12.01.2027");
  set_text (editor, "start_time_row", "10:00");
  set_text (editor, "end_time_row", "12:00");
  set_text (editor, "location_row", "Nachbarschaftshaus, Saal 2");
  adw_combo_row_set_selected (child (editor, "frequency_row"), 3); /* monthly on a weekday */
  /* The weekday and the week follow the start. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "week_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, "weekday_row")), ==, 1);
  adw_combo_row_set_selected (child (editor, "end_row"), 1); /* until a date */
  set_text (editor, "until_row", "14.12.2027");
  sentence = bb_event_editor_get_sentence (BB_EVENT_EDITOR (editor));
  g_test_message ("sentence: %s", sentence);
  g_assert_nonnull (strstr (sentence, "2nd"));
  g_assert_nonnull (strstr (sentence, "Tuesday"));
  g_assert_nonnull (strstr (sentence, "14.12.2027"));

  /* A bad online link is refused next to its field. */
  set_text (editor, "url_row", "meet example");
  g_assert_false (bb_event_editor_save (BB_EVENT_EDITOR (editor)));
  g_assert_true (gtk_widget_get_visible (child (editor, "url_error_row")));
  set_text (editor, "url_row", "https://meet.example.org/jf-test");

  /* Two invitees, chosen in the person picker. */
  gtk_drop_down_set_selected (child (editor, "person_dropdown"), 0);
  g_signal_emit_by_name (child (editor, "invite_person_button"), "clicked");
  gtk_drop_down_set_selected (child (editor, "person_dropdown"), 1);
  g_signal_emit_by_name (child (editor, "invite_person_button"), "clicked");

  g_assert_true (bb_event_editor_save (BB_EVENT_EDITOR (editor)));
  WAIT_UNTIL (editor == NULL, "the editor to close");
  g_assert_cmpint (bb_store_count (store, BB_TYPE_EVENT), ==, n_events + 1);

  event = find_event (store, TITLE);
  g_assert_nonnull (event);
  id = bb_record_get_id (BB_RECORD (event));
  uid = g_strdup (bb_event_get_uid (event));
  g_assert_nonnull (strstr (bb_event_get_rrule (event), "FREQ=MONTHLY"));
  g_assert_nonnull (strstr (bb_event_get_rrule (event), "BYDAY=2TU"));
  g_assert_cmpstr (bb_event_get_starts_at (event), ==, "2027-01-12T10:00");
  people = bb_store_get_event_invitee_people (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);

  /* The month view shows it on the 2nd Tuesdays, not on the other Tuesdays. */
  WAIT_UNTIL ((entry = month_entry (month, id, 12, G_DATE_JANUARY, 2027)) != NULL,
              "the Jour fixe in January's month view");
  g_clear_object (&entry);
  entry = month_entry (month, id, 9, G_DATE_FEBRUARY, 2027);
  g_assert_nonnull (entry);
  g_assert_false (bb_calendar_entry_is_cancelled (entry));
  g_assert_null (month_entry (month, id, 2, G_DATE_FEBRUARY, 2027));
  g_assert_null (month_entry (month, id, 16, G_DATE_FEBRUARY, 2027));

  /* The agenda lists each occurrence of the coming year once. */
  agenda = _bb_calendar_view_get_agenda (view);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(BbCalendarEntry) item = g_list_model_get_item (agenda, i);
      GDate start;

      if (bb_calendar_entry_get_event_id (item) != id)
        continue;
      n_in_agenda++;
      g_assert_true (bb_format_parse_date (bb_calendar_entry_get_starts_at (item), &start));
      g_assert_cmpint (g_date_get_weekday (&start), ==, G_DATE_TUESDAY);
      g_assert_cmpint ((g_date_get_day (&start) - 1) / 7, ==, 1);
    }
  /* January to November 2027 lie within a year from 25.11.2026. */
  g_assert_cmpuint (n_in_agenda, ==, 11);

  /* Cancel the February meeting: the series keeps the other dates. */
  _bb_calendar_view_show_entry (view, entry);
  g_assert_true (_bb_calendar_view_get_current (view) == entry);
  g_assert_true (bb_calendar_view_get_selected (view) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.cancel-occurrence", NULL);
  reloaded = bb_store_get (store, BB_TYPE_EVENT, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (bb_event_get_exdates (reloaded), "2027-02-09T10:00"));
  WAIT_UNTIL (month_entry_cancelled (month, id), "the cancelled date struck through");

  /* Attendance at the March meeting. */
  march = month_entry (month, id, 9, G_DATE_MARCH, 2027);
  g_assert_nonnull (march);
  g_assert_false (bb_calendar_entry_is_cancelled (march));
  dialog = bb_attendance_dialog_new (GTK_WIDGET (view), store, march);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_toggle_button_set_active (bb_attendance_dialog_get_toggle (BB_ATTENDANCE_DIALOG (dialog),
                                                                 g_array_index (people, gint64, 0),
                                                                 "attended"), TRUE);
  gtk_toggle_button_set_active (bb_attendance_dialog_get_toggle (BB_ATTENDANCE_DIALOG (dialog),
                                                                 g_array_index (people, gint64, 1),
                                                                 "excused"), TRUE);
  text = dup_minutes_text (dialog);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (bb_attendance_dialog_get_minutes_view (BB_ATTENDANCE_DIALOG (dialog))),
                            "Raumfrage geklärt.", -1);
  g_assert_true (bb_attendance_dialog_save (BB_ATTENDANCE_DIALOG (dialog)));
  WAIT_UNTIL (dialog == NULL, "the attendance dialog to close");
  attendance = bb_store_get_attendance (store, id, "2027-03-09T10:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->len, ==, 2);
  for (guint i = 0; i < attendance->len; i++)
    {
      BbAttendance *record = attendance->pdata[i];

      g_assert_cmpstr (bb_attendance_get_status (record), ==,
                       bb_attendance_get_person_id (record) == g_array_index (people, gint64, 0)
                         ? "attended" : "excused");
    }
  text = bb_store_dup_occurrence_minutes (store, id, "2027-03-09T10:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Raumfrage geklärt.");
  g_clear_pointer (&text, g_free);

  /* The minutes belong to the March meeting only: April's are empty, and get their own. */
  april = month_entry (month, id, 13, G_DATE_APRIL, 2027);
  g_assert_nonnull (april);
  g_assert_null (bb_store_dup_occurrence_minutes (store, id, "2027-04-13T10:00", &error));
  g_assert_no_error (error);
  dialog = bb_attendance_dialog_new (GTK_WIDGET (view), store, april);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  text = dup_minutes_text (dialog);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (bb_attendance_dialog_get_minutes_view (BB_ATTENDANCE_DIALOG (dialog))),
                            "Spendenaktion geplant.", -1);
  g_assert_true (bb_attendance_dialog_save (BB_ATTENDANCE_DIALOG (dialog)));
  WAIT_UNTIL (dialog == NULL, "the attendance dialog to close");
  text = bb_store_dup_occurrence_minutes (store, id, "2027-04-13T10:00", &error);
  g_assert_cmpstr (text, ==, "Spendenaktion geplant.");
  g_clear_pointer (&text, g_free);
  text = bb_store_dup_occurrence_minutes (store, id, "2027-03-09T10:00", &error);
  g_assert_cmpstr (text, ==, "Raumfrage geklärt.");
  g_clear_pointer (&text, g_free);

  /* Reopened, the March dialog shows March's minutes */
  dialog = bb_attendance_dialog_new (GTK_WIDGET (view), store, march);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  text = dup_minutes_text (dialog);
  g_assert_cmpstr (text, ==, "Raumfrage geklärt.");
  g_clear_pointer (&text, g_free);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL, "the attendance dialog to close");

  /* The detail pane shows the minutes of the meeting shown, not those of the other one */
  _bb_calendar_view_show_entry (view, march);
  WAIT_UNTIL (find_label (GTK_WIDGET (view), "Raumfrage geklärt.") != NULL, "March's minutes in the detail pane");
  g_assert_null (find_label (GTK_WIDGET (view), "Spendenaktion geplant."));
  _bb_calendar_view_show_entry (view, april);
  WAIT_UNTIL (find_label (GTK_WIDGET (view), "Spendenaktion geplant.") != NULL, "April's minutes in the detail pane");
  g_assert_null (find_label (GTK_WIDGET (view), "Raumfrage geklärt."));

  /* Export this series to a file (the dialog's choice; the native chooser is left out). */
  dialog = bb_ics_export_dialog_new (GTK_WIDGET (view), store, event, 0);
  path = g_build_filename (fixture->dir, "export.ics", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (bb_ics_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, uid));
  g_assert_nonnull (strstr (contents, "RRULE:FREQ=MONTHLY"));
  g_assert_nonnull (strstr (contents, "EXDATE"));
  g_assert_nonnull (strstr (contents, "20270209T100000"));
  g_assert_nonnull (strstr (contents, TITLE));
  g_assert_null (strstr (contents, "Jour fixe Nord")); /* only this series */

  /* An independent parser reads the export: Debian's python3-icalendar, which the set-up
   * installs (it loads only in /usr/bin/python3). */
  {
    const char *argv[] = { "/usr/bin/python3", "-c",
      "import sys\n"
      "import icalendar\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
      "events = [c for c in cal.walk('VEVENT')]\n"
      "assert len(events) == 1, len(events)\n"
      "assert str(events[0]['UID']) == sys.argv[2]\n"
      "print('ok')\n",
      path, uid, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("python3-icalendar could not read the export: %s", err);
    g_assert_cmpstr (out, ==, "ok\n");
  }

  /* Import preview of a small hand-written file: one new, one update (same UID, higher
   * SEQUENCE), one skipped (same UID, lower SEQUENCE); Cancel writes nothing. */
  ics = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Hand//DE\r\n"
                         "BEGIN:VEVENT\r\nUID:neu-1@example.org\r\nDTSTAMP:20261120T090000Z\r\n"
                         "DTSTART;VALUE=DATE:20270305\r\nDTEND;VALUE=DATE:20270306\r\n"
                         "SUMMARY:Fachtag Test\r\nEND:VEVENT\r\n"
                         "BEGIN:VEVENT\r\nUID:%s\r\nSEQUENCE:50\r\nDTSTAMP:20261120T090000Z\r\n"
                         "DTSTART:20270112T090000Z\r\nDTEND:20270112T110000Z\r\n"
                         "SUMMARY:" TITLE " neu\r\nEND:VEVENT\r\n"
                         "END:VCALENDAR\r\n", uid);
  ics_path = write_file (fixture->dir, "hand.ics", ics);
  ics_file = g_file_new_for_path (ics_path);
  dialog = bb_ics_import_dialog_new (GTK_WIDGET (view), store, ics_file, 0);
  plan = bb_ics_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_ADD), ==, 1);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_UPDATE), ==, 1);
  g_assert_cmpuint (bb_ical_plan_count (plan, BB_ICAL_ACTION_SKIP), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (bb_store_count (store, BB_TYPE_EVENT), ==, n_events + 1);

  /* The same again, with Import: one new event, and ours updated. */
  dialog = bb_ics_import_dialog_new (GTK_WIDGET (view), store, ics_file, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (bb_ics_import_dialog_apply (dialog));
  WAIT_UNTIL (dialog == NULL, "the import dialog to close");
  g_assert_cmpint (bb_store_count (store, BB_TYPE_EVENT), ==, n_events + 2);
  g_clear_object (&reloaded);
  reloaded = find_event (store, TITLE " neu");
  g_assert_nonnull (reloaded);
  g_assert_cmpint (bb_record_get_id (BB_RECORD (reloaded)), ==, id);

  /* A broken file gets a message naming the line. */
  g_clear_pointer (&ics_path, g_free);
  g_clear_object (&ics_file);
  ics_path = write_file (fixture->dir, "broken.ics",
                         "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is no property\r\n");
  ics_file = g_file_new_for_path (ics_path);
  dialog = bb_ics_import_dialog_new (GTK_WIDGET (view), store, ics_file, 0);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_null (bb_ics_import_dialog_get_plan (dialog));
  g_test_message ("broken file: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Line 4"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Hostile files (tests/test-hostile.c has them all): the message names the problem. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *name = g_strdup_printf ("hostile-%u.ics", i);
      g_autofree char *hostile_path = write_file (fixture->dir, name, hostile[i].text);
      g_autoptr(GFile) hostile_file = g_file_new_for_path (hostile_path);

      dialog = bb_ics_import_dialog_new (GTK_WIDGET (view), store, hostile_file, 0);
      g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
      g_test_message ("hostile file: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), hostile[i].message));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
test_month_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  BbCalendarView *view;
  BbMonthView *month;
  GDate date, selected;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "calendar");
  view = BB_CALENDAR_VIEW (_bb_window_get_view (fixture->window, "calendar"));
  month = _bb_calendar_view_get_month_view (view);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_JANUARY, 2027);
  bb_month_view_set_selected_date (month, &date);
  bb_month_view_dup_range (month, &from, &to);
  /* January 2027 starts on a Friday: the grid starts on Monday 28 December. */
  g_assert_cmpstr (from, ==, "2026-12-28");
  g_assert_cmpstr (to, ==, "2027-02-08");

  /* Page Down keeps the day where the month has it. */
  bb_month_view_move_months (month, 1);
  bb_month_view_get_selected_date (month, &selected);
  g_assert_cmpint (g_date_get_day (&selected), ==, 28);
  g_assert_cmpint (g_date_get_month (&selected), ==, G_DATE_FEBRUARY);
  title = bb_month_view_dup_title (month);
  g_assert_cmpstr (title, ==, "February 2027");

  /* Keys reach the month view: Right, Down, Home. */
  gtk_widget_grab_focus (GTK_WIDGET (month));
  /* The focus is on the selected day's cell, a child of the month view. */
  WAIT_UNTIL (gtk_widget_get_state_flags (GTK_WIDGET (month)) & GTK_STATE_FLAG_FOCUS_WITHIN,
              "the month view's focus");
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.today", NULL);
  bb_month_view_get_selected_date (month, &selected);
  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  g_assert_cmpint (g_date_compare (&selected, &date), ==, 0);

  /* The agenda toggle switches the list in. */
  gtk_widget_activate_action (GTK_WIDGET (view), "calendar.show-agenda", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (_bb_calendar_view_get_agenda (view)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/calendar-ui/jour-fixe", Fixture, NULL,
              fixture_set_up_demo, test_jour_fixe, fixture_tear_down);
  g_test_add ("/calendar-ui/month-keys", Fixture, NULL,
              fixture_set_up_demo, test_month_keys, fixture_tear_down);

  return bb_test_ui_run ();
}
