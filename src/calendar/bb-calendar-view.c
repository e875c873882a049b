/* bb-calendar-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-calendar-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-attendance-dialog.h"
#include "bb-browser.h"
#include "bb-calendar-entry.h"
#include "bb-calendar-view-private.h"
#include "bb-core.h"
#include "bb-detail-page.h"
#include "bb-event-editor.h"
#include "bb-format.h"
#include "bb-ics-dialogs.h"
#include "bb-month-view.h"
#include "bb-occurrence-editor.h"
#include "bb-view-shortcuts.h"
#include "bb-window.h"

/* The agenda lists the occurrences of the coming year. */
#define AGENDA_DAYS 366

struct _BbCalendarView
{
  AdwBin parent_instance;

  AdwLeaflet *leaflet;
  AdwSqueezer *title_squeezer;
  GtkLabel *title_label;
  GtkRevealer *title_row;
  GtkToggleButton *month_toggle;
  GtkToggleButton *agenda_toggle;
  GtkStack *calendar_stack;
  GtkStack *agenda_stack;
  BbMonthView *month_view;
  GtkListView *agenda_view;
  GtkDropDown *region_dropdown;
  GtkDropDown *kind_dropdown;
  BbDetailPage *detail;

  BbStore *store;
  GListStore *agenda;
  GArray *region_ids;     /* parallel to region_dropdown's items; 0 = all */
  BbCalendarEntry *current;
  gboolean showing_day;
  guint reload_id;
  gboolean filling_filters;
};

G_DEFINE_FINAL_TYPE (BbCalendarView, bb_calendar_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SHOW_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void render_current (BbCalendarView *self,
                            gboolean        refresh);

static void
get_filter (BbCalendarView   *self,
            BbCalendarFilter *filter)
{
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  filter->region_id = region != GTK_INVALID_LIST_POSITION && region < self->region_ids->len
                      ? g_array_index (self->region_ids, gint64, region) : 0;
  filter->kind = kind != GTK_INVALID_LIST_POSITION && kind > 0
                 ? bb_codes_list (BB_CODES_EVENT_KIND)[kind - 1] : NULL;
}

static void
report_error (BbCalendarView *self,
              const GError   *error)
{
  bb_widget_show_store_error (GTK_WIDGET (self), _("The Calendar Was Not Changed"), self->store,
                              error);
}

/* Loading ----------------------------------------------------------------------------------- */

static void
update_title (BbCalendarView *self)
{
  g_autofree char *title = NULL;

  if (gtk_toggle_button_get_active (self->agenda_toggle))
    title = g_strdup (_("Upcoming"));
  else
    title = bb_month_view_dup_title (self->month_view);
  gtk_label_set_label (self->title_label, title);
}

/* Where the toolbar has no room for the whole month, the squeezer shows nothing and the month
 * goes to the row below (and back when the window grows). */
static void
on_title_squeezed (BbCalendarView *self)
{
  gtk_revealer_set_reveal_child (self->title_row,
                                 adw_squeezer_get_visible_child (self->title_squeezer) == NULL);
}

static void
load_month (BbCalendarView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  BbCalendarFilter filter;

  update_title (self);
  if (self->store == NULL)
    {
      bb_month_view_set_entries (self->month_view, NULL);
      return;
    }

  get_filter (self, &filter);
  bb_month_view_dup_range (self->month_view, &from, &to);
  entries = bb_calendar_entries_load (self->store, &filter, from, to, &error);
  if (entries == NULL)
    g_warning ("Could not list the month's events: %s", error->message);
  bb_month_view_set_entries (self->month_view, entries);
}

static void
load_agenda (BbCalendarView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = bb_format_today_iso ();
  g_autofree char *to = NULL;
  BbCalendarFilter filter;
  GDate date;
  char buffer[16];

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->agenda);
      gtk_stack_set_visible_child_name (self->agenda_stack, "empty");
      return;
    }

  bb_format_parse_date (from, &date);
  g_date_add_days (&date, AGENDA_DAYS);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  to = g_strdup (buffer);

  get_filter (self, &filter);
  entries = bb_calendar_entries_load (self->store, &filter, from, to, &error);
  if (entries == NULL)
    {
      g_warning ("Could not list the upcoming events: %s", error->message);
      entries = g_ptr_array_new ();
    }

  g_list_store_splice (self->agenda, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agenda)),
                       entries->pdata, entries->len);
  gtk_stack_set_visible_child_name (self->agenda_stack, entries->len > 0 ? "list" : "empty");
}

static gboolean
reload_cb (gpointer user_data)
{
  BbCalendarView *self = user_data;

  self->reload_id = 0;
  load_month (self);
  load_agenda (self);
  render_current (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
schedule_reload (BbCalendarView *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
fill_filters (BbCalendarView *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *codes = bb_codes_list (BB_CODES_EVENT_KIND);
  gint64 all = 0;
  gint64 selected_region = 0;
  guint region_position = 0;
  guint kind_position = gtk_drop_down_get_selected (self->kind_dropdown);
  guint old = gtk_drop_down_get_selected (self->region_dropdown);

  if (old != GTK_INVALID_LIST_POSITION && old < self->region_ids->len)
    selected_region = g_array_index (self->region_ids, gint64, old);

  self->filling_filters = TRUE;
  g_array_set_size (self->region_ids, 0);
  gtk_string_list_append (regions, _("All regions"));
  g_array_append_val (self->region_ids, all);
  if (self->store != NULL)
    {
      g_autoptr(GListModel) list = bb_store_list (self->store, BB_TYPE_REGION);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BbRecord) region = g_list_model_get_item (list, i);
          g_autofree char *label = bb_record_dup_label (region);
          gint64 id = bb_record_get_id (region);

          gtk_string_list_append (regions, label);
          g_array_append_val (self->region_ids, id);
          if (id == selected_region)
            region_position = self->region_ids->len - 1;
        }
    }
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  gtk_drop_down_set_selected (self->region_dropdown, region_position);

  if (g_list_model_get_n_items (gtk_drop_down_get_model (self->kind_dropdown)
                                ? gtk_drop_down_get_model (self->kind_dropdown) : G_LIST_MODEL (kinds)) == 0)
    {
      gtk_string_list_append (kinds, _("All kinds"));
      for (guint i = 0; codes[i] != NULL; i++)
        gtk_string_list_append (kinds, bb_codes_label (BB_CODES_EVENT_KIND, codes[i]));
      gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
      gtk_drop_down_set_selected (self->kind_dropdown,
                                  kind_position == GTK_INVALID_LIST_POSITION ? 0 : kind_position);
    }
  self->filling_filters = FALSE;
}

static void
on_store_changed (BbCalendarView *self,
                  const char     *table)
{
  static const char * const tables[] = {
    "event", "event_override", "event_invitee", "attendance", "event_minutes", "person", "shelter",
    "region", NULL
  };

  if (!g_strv_contains (tables, table))
    return;
  if (g_strcmp0 (table, "region") == 0)
    fill_filters (self);
  schedule_reload (self);
}

static void
on_store_changed_detailed (BbStore        *store,
                           const char     *table,
                           gint64          id,
                           BbCalendarView *self)
{
  on_store_changed (self, table);
}

/* The detail pane --------------------------------------------------------------------------- */

static void
render_when (BbCalendarEntry *entry,
             BbDetailPage    *page)
{
  const char *starts_at = bb_calendar_entry_get_starts_at (entry);
  const char *ends_at = bb_calendar_entry_get_ends_at (entry);
  g_autofree char *date = bb_format_weekday_date (starts_at);
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  g_autofree char *time = NULL;
  g_autofree char *end = NULL;

  bb_detail_page_add_field (page, _("Date"), date);
  if (bb_calendar_entry_get_all_day (entry))
    {
      bb_detail_page_add_field (page, _("Time"), _("All day"));
      return;
    }

  start_time = bb_format_time (starts_at);
  end_time = bb_format_time (ends_at);
  if (ends_at != NULL && strncmp (starts_at, ends_at, 10) == 0)
    {
      /* Translators: a range of times, e.g. "10:00–12:00" */
      time = g_strdup_printf (_("%s–%s"), start_time, end_time);
      bb_detail_page_add_field (page, _("Time"), time);
    }
  else
    {
      bb_detail_page_add_field (page, _("Time"), start_time);
      end = bb_format_date_time (ends_at);
      bb_detail_page_add_field (page, _("Ends"), end);
    }
}

static void
render_invitees (BbCalendarView *self,
                 BbEvent        *event)
{
  g_autoptr(GListModel) invitees = NULL;
  guint n;

  invitees = bb_store_list_related (self->store, BB_TYPE_EVENT_INVITEE, "event-id",
                                    bb_record_get_id (BB_RECORD (event)));
  n = g_list_model_get_n_items (invitees);

  bb_detail_page_add_group (self->detail, _("Invitees"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbEventInvitee) invitee = g_list_model_get_item (invitees, i);
      gint64 person_id = bb_event_invitee_get_person_id (invitee);
      gint64 shelter_id = bb_event_invitee_get_shelter_id (invitee);
      g_autofree char *name = NULL;

      if (person_id != 0)
        {
          name = bb_store_dup_label (self->store, BB_TYPE_PERSON, person_id);
          bb_detail_page_add_link (self->detail, name, _("Person"), BB_TYPE_PERSON, person_id);
        }
      else if (shelter_id != 0)
        {
          name = bb_store_dup_label (self->store, BB_TYPE_SHELTER, shelter_id);
          bb_detail_page_add_link (self->detail, name, _("Shelter, all its people"),
                                   BB_TYPE_SHELTER, shelter_id);
        }
    }
}

/* "3 attended, 1 excused, 2 absent" at this occurrence. */
static char *
dup_attendance (BbCalendarView  *self,
                BbCalendarEntry *entry)
{
  g_autoptr(GPtrArray) records = NULL;
  guint counts[3] = { 0, 0, 0 };
  const char * const *codes = bb_codes_list (BB_CODES_ATTENDANCE);
  g_autofree char *attended = NULL;
  g_autofree char *excused = NULL;
  g_autofree char *absent = NULL;

  records = bb_store_get_attendance (self->store, bb_calendar_entry_get_event_id (entry),
                                     bb_calendar_entry_get_recurrence_id (entry), NULL);
  if (records == NULL || records->len == 0)
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      int index = bb_codes_index (BB_CODES_ATTENDANCE,
                                  bb_attendance_get_status (records->pdata[i]));
      if (index >= 0 && index < 3)
        counts[index]++;
    }

  g_assert (g_strv_length ((char **) codes) == 3);
  attended = counts[0] ? g_strdup_printf (_("%u attended"), counts[0]) : NULL;
  excused = counts[1] ? g_strdup_printf (_("%u excused"), counts[1]) : NULL;
  absent = counts[2] ? g_strdup_printf (_("%u absent"), counts[2]) : NULL;

  return BB_FORMAT_JOIN (", ", attended, excused, absent);
}

static void
add_action_row (BbCalendarView *self,
                const char     *title,
                const char     *subtitle,
                const char     *icon_name,
                const char     *action_name)
{
  AdwActionRow *row = bb_detail_page_add_row (self->detail, title, subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  adw_action_row_add_prefix (row, icon);
}

static void
render_entry (BbCalendarView  *self,
              BbCalendarEntry *entry,
              gboolean         refresh)
{
  BbEvent *event = bb_calendar_entry_get_event (entry);
  gint64 organiser_id = bb_event_get_organiser_id (event);
  g_autofree char *region = bb_store_dup_label (self->store, BB_TYPE_REGION,
                                                bb_event_get_region_id (event));
  g_autofree char *organiser = bb_store_dup_label (self->store, BB_TYPE_PERSON, organiser_id);
  g_autofree char *attendance = dup_attendance (self, entry);
  g_autofree char *minutes = bb_store_dup_occurrence_minutes (self->store,
                                                              bb_calendar_entry_get_event_id (entry),
                                                              bb_calendar_entry_get_recurrence_id (entry),
                                                              NULL);
  g_autofree char *rule = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  const char *kind = bb_codes_label (BB_CODES_EVENT_KIND, bb_event_get_kind (event));
  gboolean recurring = bb_calendar_entry_is_recurring (entry);

  subtitle = BB_FORMAT_JOIN (" · ", kind, region);
  bb_detail_page_begin (self->detail, bb_calendar_entry_get_title (entry), subtitle, refresh);

  if (bb_calendar_entry_is_excluded (entry))
    status = g_strdup (_("Cancelled on this date"));
  else if (bb_calendar_entry_is_moved (entry))
    status = g_strdup_printf (_("%s, moved on this date"),
                              bb_codes_label (BB_CODES_EVENT_STATUS,
                                              bb_calendar_entry_get_status (entry)));
  else
    status = g_strdup (bb_codes_label (BB_CODES_EVENT_STATUS, bb_calendar_entry_get_status (entry)));

  bb_detail_page_add_group (self->detail, NULL);
  bb_detail_page_add_field (self->detail, _("Status"), status);
  render_when (entry, self->detail);
  if (recurring)
    {
      rule = bb_recurrence_describe_event (event);
      bb_detail_page_add_field (self->detail, _("Repeats"), rule ? rule : bb_event_get_rrule (event));
    }
  bb_detail_page_add_field (self->detail, _("Kind"), kind);
  bb_detail_page_add_field (self->detail, _("Region"), region);
  bb_detail_page_add_contact (self->detail, _("Location"), bb_calendar_entry_get_location (entry));
  bb_detail_page_add_contact (self->detail, _("Online link"), bb_event_get_online_url (event));
  bb_detail_page_add_link (self->detail, organiser, _("Organiser"), BB_TYPE_PERSON, organiser_id);
  bb_detail_page_add_field (self->detail, _("Attendance"), attendance);

  bb_detail_page_add_group (self->detail, _("Actions"));
  add_action_row (self, recurring ? _("Edit Series…") : _("Edit Event…"), NULL,
                  "document-edit-symbolic", "calendar.edit-event");
  add_action_row (self, _("Attendance and Minutes…"), NULL,
                  "emblem-ok-symbolic", "calendar.attendance");
  if (recurring)
    {
      if (bb_calendar_entry_is_excluded (entry))
        add_action_row (self, _("Restore This Date"), NULL,
                        "edit-undo-symbolic", "calendar.restore-occurrence");
      else
        {
          add_action_row (self, _("Change or Move This Date…"), NULL,
                          "x-office-calendar-symbolic", "calendar.edit-occurrence");
          add_action_row (self, _("Cancel This Date"),
                          _("The other dates of the series stay"),
                          "window-close-symbolic", "calendar.cancel-occurrence");
          add_action_row (self, _("Change This and Following…"),
                          _("Splits the series from this date"),
                          "media-seek-forward-symbolic", "calendar.split");
        }
    }
  add_action_row (self, recurring ? _("Delete Series") : _("Delete Event"), NULL,
                  "user-trash-symbolic", "calendar.delete-event");

  bb_detail_page_add_group (self->detail, _("Agenda"));
  bb_detail_page_add_text (self->detail, bb_event_get_description (event));

  bb_detail_page_add_group (self->detail, _("Minutes"));
  bb_detail_page_add_text (self->detail, minutes);

  render_invitees (self, event);
}

static void
on_day_row_activated (AdwActionRow *row,
                      BbCalendarView *self)
{
  BbCalendarEntry *entry = g_object_get_data (G_OBJECT (row), "bb-entry");

  _bb_calendar_view_show_entry (self, entry);
}

static void
render_day (BbCalendarView *self,
            gboolean        refresh)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  char iso[16];
  GDate date;

  bb_month_view_get_selected_date (self->month_view, &date);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  entries = bb_month_view_dup_entries_on (self->month_view, &date);
  title = bb_format_weekday_date (iso);
  if (entries->len == 0)
    subtitle = g_strdup (_("No events"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                             entries->len), entries->len);

  bb_detail_page_begin (self->detail, title, subtitle, refresh);
  bb_detail_page_add_group (self->detail, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      BbCalendarEntry *entry = entries->pdata[i];
      g_autofree char *time = bb_calendar_entry_get_all_day (entry)
                              ? g_strdup (_("All day"))
                              : bb_format_time (bb_calendar_entry_get_starts_at (entry));
      const char *kind = bb_codes_label (BB_CODES_EVENT_KIND,
                                         bb_event_get_kind (bb_calendar_entry_get_event (entry)));
      g_autofree char *row_subtitle = BB_FORMAT_JOIN (" · ", time, kind,
                                                      bb_calendar_entry_is_cancelled (entry)
                                                        ? _("Cancelled") : NULL);
      AdwActionRow *row = bb_detail_page_add_row (self->detail,
                                                  bb_calendar_entry_get_title (entry),
                                                  row_subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "bb-entry", g_object_ref (entry), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_day_row_activated), self, 0);
    }
  add_action_row (self, _("New Event on This Day…"), NULL, "list-add-symbolic",
                  "calendar.new-event");
}

static gboolean
same_entry (BbCalendarEntry *a,
            BbCalendarEntry *b)
{
  return bb_calendar_entry_get_event_id (a) == bb_calendar_entry_get_event_id (b)
         && g_strcmp0 (bb_calendar_entry_get_recurrence_id (a),
                       bb_calendar_entry_get_recurrence_id (b)) == 0;
}

/* The current entry as loaded again after a change, or NULL if it is gone. */
static BbCalendarEntry *
reload_entry (BbCalendarView  *self,
              BbCalendarEntry *old)
{
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *to = NULL;
  const char *rid = bb_calendar_entry_get_recurrence_id (old);
  BbCalendarFilter all = { 0, NULL };
  char from[16];
  GDate date;
  int hour, minute;

  event = bb_store_get (self->store, BB_TYPE_EVENT, bb_calendar_entry_get_event_id (old), NULL);
  if (event == NULL || !bb_recurrence_parse_time (rid, &date, &hour, &minute))
    return NULL;

  /* A moved occurrence may lie far from its original date: look around it generously. */
  g_date_subtract_days (&date, 400);
  g_date_strftime (from, sizeof from, "%Y-%m-%d", &date);
  g_date_add_days (&date, 800);
  to = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date));
  all.region_id = bb_event_get_region_id (event);
  entries = bb_calendar_entries_load (self->store, &all, from, to, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (same_entry (entries->pdata[i], old))
      return g_object_ref (entries->pdata[i]);

  return NULL;
}

static const char * const entry_actions[] = {
  "calendar.edit-event", "calendar.edit-occurrence", "calendar.cancel-occurrence",
  "calendar.restore-occurrence", "calendar.split", "calendar.attendance", "calendar.delete-event",
};

static void
render_current (BbCalendarView *self,
                gboolean        refresh)
{
  if (self->store == NULL)
    {
      bb_detail_page_show_none (self->detail);
      return;
    }

  if (self->current != NULL && refresh)
    {
      g_autoptr(BbCalendarEntry) again = reload_entry (self, self->current);

      g_set_object (&self->current, again);
      if (again == NULL)
        self->showing_day = TRUE;
    }

  if (self->current != NULL && !self->showing_day)
    render_entry (self, self->current, refresh);
  else
    render_day (self, refresh);

  /* What acts on the event shown is disabled without one: its keys (Ctrl+E) go on to others. */
  for (guint i = 0; i < G_N_ELEMENTS (entry_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), entry_actions[i], self->current != NULL);
}

void
_bb_calendar_view_show_entry (BbCalendarView  *self,
                              BbCalendarEntry *entry)
{
  GDate date;
  int hour, minute;

  g_return_if_fail (BB_IS_CALENDAR_VIEW (self));
  g_return_if_fail (BB_IS_CALENDAR_ENTRY (entry));

  g_set_object (&self->current, entry);
  self->showing_day = FALSE;
  if (bb_recurrence_parse_time (bb_calendar_entry_get_starts_at (entry), &date, &hour, &minute))
    bb_month_view_set_selected_date (self->month_view, &date);
  /* Setting the date shows the day; the entry wins. */
  self->showing_day = FALSE;
  g_set_object (&self->current, entry);
  render_current (self, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

BbCalendarEntry *
_bb_calendar_view_get_current (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  return self->showing_day ? NULL : self->current;
}

/* Callbacks --------------------------------------------------------------------------------- */

static void
on_view_toggled (BbCalendarView *self)
{
  gboolean agenda = gtk_toggle_button_get_active (self->agenda_toggle);

  gtk_stack_set_visible_child_name (self->calendar_stack, agenda ? "agenda" : "month");
  update_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.previous", !agenda);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.next", !agenda);
}

static void
on_filter_changed (BbCalendarView *self)
{
  if (!self->filling_filters)
    schedule_reload (self);
}

static void
on_selected_date_changed (BbCalendarView *self)
{
  self->showing_day = TRUE;
  render_current (self, FALSE);
}

static void
on_range_changed (BbCalendarView *self)
{
  load_month (self);
}

static void
on_day_activated (BbCalendarView *self)
{
  GDate date;
  g_autoptr(GPtrArray) entries = NULL;

  bb_month_view_get_selected_date (self->month_view, &date);
  entries = bb_month_view_dup_entries_on (self->month_view, &date);
  if (entries->len == 1)
    _bb_calendar_view_show_entry (self, entries->pdata[0]);
  else
    {
      self->showing_day = TRUE;
      render_current (self, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
    }
}

static void
on_entry_activated (BbCalendarView  *self,
                    BbCalendarEntry *entry)
{
  _bb_calendar_view_show_entry (self, entry);
}

static void
on_agenda_activate (BbCalendarView *self,
                    guint           position)
{
  g_autoptr(BbCalendarEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->agenda), position);

  if (entry != NULL)
    _bb_calendar_view_show_entry (self, entry);
}

static void
on_detail_activate_record (BbCalendarView *self,
                           GType           type,
                           gint64          id)
{
  if (type == BB_TYPE_EVENT)
    bb_calendar_view_show_record (self, type, id);
  else
    g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

static void
on_detail_back (BbCalendarView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The agenda's rows ------------------------------------------------------------------------- */

static void
agenda_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (bar, "bb-kind-bar");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
agenda_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BbCalendarView           *self)
{
  BbCalendarEntry *entry = gtk_list_item_get_item (item);
  BbEvent *event = bb_calendar_entry_get_event (entry);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *bar = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (bar);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean cancelled = bb_calendar_entry_is_cancelled (entry);
  const char *starts_at = bb_calendar_entry_get_starts_at (entry);
  g_autofree char *date = bb_format_weekday_date (starts_at);
  g_autofree char *time = NULL;
  g_autofree char *region = bb_store_dup_label (self->store, BB_TYPE_REGION,
                                                bb_event_get_region_id (event));
  g_autofree char *text = NULL;
  g_autofree char *kind_class = g_strconcat ("bb-kind-", bb_event_get_kind (event), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bb_calendar_entry_get_all_day (entry))
    time = g_strdup (_("All day"));
  else
    {
      g_autofree char *start = bb_format_time (starts_at);
      g_autofree char *end = bb_format_time (bb_calendar_entry_get_ends_at (entry));

      time = g_strdup_printf (_("%s–%s"), start, end);
    }

  text = BB_FORMAT_JOIN (" · ", date, time, region, cancelled ? _("Cancelled") : NULL);
  if (cancelled)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_attributes (GTK_LABEL (title), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_label (GTK_LABEL (title), bb_calendar_entry_get_title (entry));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
  gtk_widget_set_css_classes (bar, (const char *[]) { "bb-kind-bar", kind_class, NULL });
  gtk_widget_set_opacity (texts, cancelled ? 0.6 : 1.0);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
action_previous (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  bb_month_view_move_months (BB_CALENDAR_VIEW (widget)->month_view, -1);
}

static void
action_next (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bb_month_view_move_months (BB_CALENDAR_VIEW (widget)->month_view, 1);
}

static void
action_today (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);

  bb_month_view_go_today (self->month_view);
  if (gtk_toggle_button_get_active (self->agenda_toggle))
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->agenda_view)), 0);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->month_view));
}

static void
action_show_month (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_toggle_button_set_active (BB_CALENDAR_VIEW (widget)->month_toggle, TRUE);
}

static void
action_show_agenda (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_toggle_button_set_active (BB_CALENDAR_VIEW (widget)->agenda_toggle, TRUE);
}

static void
on_editor_saved (BbCalendarView *self,
                 gint64          event_id)
{
  bb_calendar_view_show_record (self, BB_TYPE_EVENT, event_id);
}

GtkWidget *
_bb_calendar_view_new_event (BbCalendarView *self)
{
  GtkWidget *editor;
  GDate date;

  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  bb_month_view_get_selected_date (self->month_view, &date);
  editor = bb_event_editor_new (GTK_WIDGET (self), self->store, NULL, &date);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
action_new_event (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);

  if (self->store != NULL)
    _bb_calendar_view_new_event (self);
}

static void
action_edit_event (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  GtkWidget *editor;

  if (self->current == NULL || self->store == NULL)
    return;

  editor = bb_event_editor_new (widget, self->store, bb_calendar_entry_get_event (self->current), NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_edit_occurrence (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);

  if (self->current == NULL || self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (bb_occurrence_editor_new (widget, self->store, self->current)));
}

static void
action_attendance (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);

  if (self->current == NULL || self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (bb_attendance_dialog_new (widget, self->store, self->current)));
}

gboolean
_bb_calendar_view_cancel_occurrence (BbCalendarView *self,
                                     GError        **error)
{
  g_autoptr(GBytes) undo = NULL;

  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  if (!bb_store_begin_undoable (self->store, error))
    return FALSE;
  /* Removed as an EXDATE: what Outlook and Thunderbird show most reliably as "not taking
   * place"; the view still lists it struck through so that it can be restored. */
  if (!bb_store_cancel_occurrence (self->store, bb_calendar_entry_get_event_id (self->current),
                                   bb_calendar_entry_get_recurrence_id (self->current),
                                   TRUE, error))
    {
      bb_store_rollback (self->store);
      return FALSE;
    }
  undo = bb_store_commit_undoable (self->store, error);
  if (undo == NULL)
    return FALSE;

  bb_widget_add_undo_toast (GTK_WIDGET (self), self->store, _("Date cancelled"), undo);
  return TRUE;
}

static void
action_cancel_occurrence (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->current != NULL && !_bb_calendar_view_cancel_occurrence (self, &error))
    report_error (self, error);
}

static void
action_restore_occurrence (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) exdates = g_string_new (NULL);
  g_auto(GStrv) dates = NULL;
  const char *rid;

  if (self->current == NULL)
    return;

  event = bb_store_get (self->store, BB_TYPE_EVENT, bb_calendar_entry_get_event_id (self->current),
                        &error);
  if (event == NULL)
    {
      report_error (self, error);
      return;
    }

  rid = bb_calendar_entry_get_recurrence_id (self->current);
  dates = g_strsplit (bb_event_get_exdates (event) ? bb_event_get_exdates (event) : "", ",", -1);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      const char *date = g_strstrip (dates[i]);

      if (*date == '\0' || strcmp (date, rid) == 0)
        continue;
      if (exdates->len > 0)
        g_string_append_c (exdates, ',');
      g_string_append (exdates, date);
    }
  bb_event_set_exdates (event, exdates->len > 0 ? exdates->str : NULL);

  if (!bb_store_update_event (self->store, event, &error))
    report_error (self, error);
  else
    bb_widget_add_toast (widget, adw_toast_new (_("Date restored")));
}

static void
on_split_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BbCalendarView   *self)
{
  g_autoptr(GError) error = NULL;
  BbCalendarEntry *entry = g_object_get_data (G_OBJECT (dialog), "bb-entry");
  gint64 new_id = 0;
  GtkWidget *editor;
  g_autoptr(BbEvent) event = NULL;

  if (g_strcmp0 (response, "split") != 0 || self->store == NULL)
    return;

  if (!bb_store_split_event (self->store, bb_calendar_entry_get_event_id (entry),
                             bb_calendar_entry_get_recurrence_id (entry), &new_id, &error))
    {
      report_error (self, error);
      return;
    }

  /* The new series is what the coordinator wants to change now. */
  bb_calendar_view_show_record (self, BB_TYPE_EVENT, new_id);
  event = bb_store_get (self->store, BB_TYPE_EVENT, new_id, NULL);
  if (event == NULL)
    return;
  editor = bb_event_editor_new (GTK_WIDGET (self), self->store, event, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_split (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  g_autofree char *date = NULL;
  GtkWidget *dialog;

  if (self->current == NULL)
    return;

  date = bb_format_date (bb_calendar_entry_get_recurrence_id (self->current));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Change This and Following Dates?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The series ends before %s and a new series starts on that "
                                    "date, with the same invitees. Earlier dates keep their "
                                    "time, place and attendance."), date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "split", _("_Split and Edit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "split");
  g_object_set_data_full (G_OBJECT (dialog), "bb-entry", g_object_ref (self->current), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_split_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BbCalendarView   *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "bb-id"));
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;

  undo = bb_store_delete_undoable (self->store, BB_TYPE_EVENT, id, &error);
  if (undo == NULL)
    {
      report_error (self, error);
      return;
    }

  g_clear_object (&self->current);
  self->showing_day = TRUE;
  bb_widget_add_undo_toast (GTK_WIDGET (self), self->store, _("Event deleted"), undo);
}

static void
action_delete_event (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gboolean recurring;
  GtkWidget *dialog;

  if (self->current == NULL)
    return;

  recurring = bb_calendar_entry_is_recurring (self->current);
  title = bb_format_isolate (bb_event_get_title (bb_calendar_entry_get_event (self->current)));
  body = g_strdup_printf (recurring
                           ? _("“%s” is deleted with all its dates, invitations, "
                               "attendance and minutes.")
                           : _("“%s” is deleted with its invitations, attendance and "
                               "minutes."),
                         title);
  dialog = GTK_WIDGET (bb_destructive_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  recurring ? _("Delete the Whole Series?")
                                                            : _("Delete Event?"),
                                                  body, "delete", _("_Delete")));
  g_object_set_data (G_OBJECT (dialog), "bb-id",
                     GSIZE_TO_POINTER (bb_calendar_entry_get_event_id (self->current)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_import (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  BbCalendarFilter filter;

  if (self->store == NULL)
    return;

  get_filter (self, &filter);
  bb_ics_import_choose_file (widget, self->store, filter.region_id);
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);
  BbCalendarFilter filter;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  get_filter (self, &filter);
  dialog = bb_ics_export_dialog_new (widget, self->store,
                                     self->current ? bb_calendar_entry_get_event (self->current) : NULL,
                                     filter.region_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public ------------------------------------------------------------------------------------ */

void
bb_calendar_view_set_store (BbCalendarView *self,
                            BbStore        *store)
{
  g_return_if_fail (BB_IS_CALENDAR_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == self->store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->current);
  self->showing_day = TRUE;
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_detailed), self, 0);

  fill_filters (self);
  load_month (self);
  load_agenda (self);
  render_current (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_calendar_view_get_store (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  return self->store;
}

gboolean
bb_calendar_view_show_record (BbCalendarView *self,
                              GType           type,
                              gint64          id)
{
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(BbCalendarEntry) entry = NULL;
  g_autofree char *today = NULL;
  g_autofree char *later = NULL;
  const char *starts_at;

  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), FALSE);

  if (type != BB_TYPE_EVENT || self->store == NULL)
    return FALSE;

  event = bb_store_get (self->store, BB_TYPE_EVENT, id, NULL);
  if (event == NULL)
    return FALSE;

  /* A series is shown at its next date, or at its first if it has ended. */
  overrides = bb_store_get_event_overrides (self->store, id, NULL);
  today = bb_format_today_iso ();
  later = bb_recurrence_time_add (today, 2 * 366);
  occurrences = bb_recurrence_expand (event, overrides, today, later,
                                      BB_RECURRENCE_EXPAND_WITH_CANCELLED, NULL);
  if (occurrences == NULL || occurrences->len == 0)
    {
      starts_at = bb_event_get_starts_at (event);
      g_clear_pointer (&occurrences, g_ptr_array_unref);
      g_clear_pointer (&later, g_free);
      later = bb_recurrence_time_add (starts_at, bb_event_get_all_day (event) ? 1 : 24 * 60);
      occurrences = bb_recurrence_expand (event, overrides, starts_at, later,
                                          BB_RECURRENCE_EXPAND_WITH_CANCELLED, NULL);
    }

  if (occurrences != NULL && occurrences->len > 0)
    entry = bb_calendar_entry_new_from_occurrence (occurrences->pdata[0]);
  else
    entry = bb_calendar_entry_new_excluded (event, bb_event_get_starts_at (event));

  _bb_calendar_view_show_entry (self, entry);
  return TRUE;
}

BbRecord *
bb_calendar_view_get_selected (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  if (self->current == NULL || self->showing_day)
    return NULL;

  return BB_RECORD (bb_calendar_entry_get_event (self->current));
}

guint
bb_calendar_view_get_n_items (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), 0);

  return self->store ? (guint) bb_store_count (self->store, BB_TYPE_EVENT) : 0;
}

BbMonthView *
_bb_calendar_view_get_month_view (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  return self->month_view;
}

GListModel *
_bb_calendar_view_get_agenda (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  return G_LIST_MODEL (self->agenda);
}

static gboolean
bb_calendar_view_grab_focus (GtkWidget *widget)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);

  if (gtk_toggle_button_get_active (self->agenda_toggle))
    return gtk_widget_grab_focus (GTK_WIDGET (self->agenda_view));

  return gtk_widget_grab_focus (GTK_WIDGET (self->month_view));
}

static void
bb_calendar_view_dispose (GObject *object)
{
  BbCalendarView *self = (BbCalendarView *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->current);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CALENDAR_VIEW);

  G_OBJECT_CLASS (bb_calendar_view_parent_class)->dispose (object);
}

static void
bb_calendar_view_finalize (GObject *object)
{
  BbCalendarView *self = (BbCalendarView *)object;

  g_clear_object (&self->agenda);
  g_clear_pointer (&self->region_ids, g_array_unref);

  G_OBJECT_CLASS (bb_calendar_view_parent_class)->finalize (object);
}

static void
bb_calendar_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, bb_calendar_view_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_calendar_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_calendar_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_calendar_view_class_init (BbCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_calendar_view_dispose;
  object_class->finalize = bb_calendar_view_finalize;
  object_class->get_property = bb_calendar_view_get_property;
  object_class->set_property = bb_calendar_view_set_property;
  widget_class->grab_focus = bb_calendar_view_grab_focus;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [SHOW_RECORD] =
    g_signal_new ("show-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, action_today);
  gtk_widget_class_install_action (widget_class, "calendar.show-month", NULL, action_show_month);
  gtk_widget_class_install_action (widget_class, "calendar.show-agenda", NULL, action_show_agenda);
  gtk_widget_class_install_action (widget_class, "calendar.new-event", NULL, action_new_event);
  gtk_widget_class_install_action (widget_class, "calendar.edit-event", NULL, action_edit_event);
  gtk_widget_class_install_action (widget_class, "calendar.edit-occurrence", NULL, action_edit_occurrence);
  gtk_widget_class_install_action (widget_class, "calendar.cancel-occurrence", NULL, action_cancel_occurrence);
  gtk_widget_class_install_action (widget_class, "calendar.restore-occurrence", NULL, action_restore_occurrence);
  gtk_widget_class_install_action (widget_class, "calendar.split", NULL, action_split);
  gtk_widget_class_install_action (widget_class, "calendar.attendance", NULL, action_attendance);
  gtk_widget_class_install_action (widget_class, "calendar.delete-event", NULL, action_delete_event);
  gtk_widget_class_install_action (widget_class, "calendar.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, action_export);

  /* Ctrl+T, Ctrl+N, Ctrl+E, Ctrl+I, Ctrl+Shift+E, Ctrl+M, Ctrl+L: bb-view-shortcuts.c. */

  g_type_ensure (BB_TYPE_DETAIL_PAGE);
  g_type_ensure (BB_TYPE_MONTH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/calendar/bb-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, title_row);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, agenda_toggle);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, calendar_stack);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, month_view);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_title_squeezed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_activate_record);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_back);
}

static void
bb_calendar_view_init (BbCalendarView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->agenda = g_list_store_new (BB_TYPE_CALENDAR_ENTRY);
  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->showing_day = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (agenda_setup), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (agenda_bind), self, 0);
  gtk_list_view_set_factory (self->agenda_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->agenda)));
  gtk_list_view_set_model (self->agenda_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  bb_list_view_set_tab_leaves (self->agenda_view);

  g_object_bind_property (self->leaflet, "folded", self->detail, "show-back-button",
                          G_BINDING_SYNC_CREATE);
  fill_filters (self);
  update_title (self);
  for (guint i = 0; i < G_N_ELEMENTS (entry_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), entry_actions[i], FALSE);

  bb_view_shortcuts_install (GTK_WIDGET (self), "calendar");
}
