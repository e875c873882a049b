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

#include "bb-browser.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-calendar-view.h"

struct _BbCalendarView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkListView *list_view;
  BbDetailPage *detail;

  BbBrowser *browser;
  gboolean scrolled_to_today;
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

static void
event_row (BbRecord  *record,
           BbStore   *store,
           char     **title,
           char     **subtitle,
           gpointer   user_data)
{
  BbEvent *event = BB_EVENT (record);
  g_autofree char *when = bb_format_date_time (bb_event_get_starts_at (event));
  g_autofree char *region = bb_store_dup_label (store, BB_TYPE_REGION,
                                                bb_event_get_region_id (event));
  const char *status = bb_event_get_status (event);

  *title = g_strdup (bb_event_get_title (event));
  *subtitle = BB_FORMAT_JOIN (" · ",
                              when,
                              bb_codes_label (BB_CODES_EVENT_KIND, bb_event_get_kind (event)),
                              region,
                              g_strcmp0 (status, "confirmed") != 0
                                ? bb_codes_label (BB_CODES_EVENT_STATUS, status) : NULL);
}

/* All-day events end on the day after their last day. */
static char *
dup_all_day_range (BbEvent *event)
{
  g_autofree char *first = bb_format_date (bb_event_get_starts_at (event));
  GDate start, end;
  char last_iso[16];
  g_autofree char *last = NULL;

  if (!bb_format_parse_date (bb_event_get_starts_at (event), &start)
      || !bb_format_parse_date (bb_event_get_ends_at (event), &end))
    return g_steal_pointer (&first);

  g_date_subtract_days (&end, 1);
  if (g_date_compare (&end, &start) <= 0)
    return g_steal_pointer (&first);

  g_date_strftime (last_iso, sizeof last_iso, "%Y-%m-%d", &end);
  last = bb_format_date (last_iso);

  /* Translators: a range of days, e.g. "25.11.2026 – 27.11.2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static void
render_when (BbEvent      *event,
             BbDetailPage *page)
{
  const char *starts_at = bb_event_get_starts_at (event);
  const char *ends_at = bb_event_get_ends_at (event);
  g_autofree char *date = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  g_autofree char *time = NULL;
  g_autofree char *end = NULL;

  if (bb_event_get_all_day (event))
    {
      date = dup_all_day_range (event);
      bb_detail_page_add_field (page, _("Date"), date);
      bb_detail_page_add_field (page, _("Time"), _("All day"));
      return;
    }

  date = bb_format_weekday_date (starts_at);
  bb_detail_page_add_field (page, _("Date"), date);

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
render_invitees (BbEvent      *event,
                 BbStore      *store,
                 BbDetailPage *page)
{
  g_autoptr(GListModel) invitees = NULL;
  guint n;

  invitees = bb_store_list_related (store, BB_TYPE_EVENT_INVITEE, "event-id",
                                    bb_record_get_id (BB_RECORD (event)));
  n = g_list_model_get_n_items (invitees);

  bb_detail_page_add_group (page, _("Invitees"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbEventInvitee) invitee = g_list_model_get_item (invitees, i);
      gint64 person_id = bb_event_invitee_get_person_id (invitee);
      gint64 shelter_id = bb_event_invitee_get_shelter_id (invitee);
      g_autofree char *name = NULL;

      if (person_id != 0)
        {
          name = bb_store_dup_label (store, BB_TYPE_PERSON, person_id);
          bb_detail_page_add_link (page, name, _("Person"), BB_TYPE_PERSON, person_id);
        }
      else if (shelter_id != 0)
        {
          name = bb_store_dup_label (store, BB_TYPE_SHELTER, shelter_id);
          bb_detail_page_add_link (page, name, _("Shelter"), BB_TYPE_SHELTER, shelter_id);
        }
    }
}

/* "12 attendances at 3 dates", counted over every occurrence of the event. */
static char *
dup_attendance (BbEvent *event,
                BbStore *store)
{
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(GHashTable) occurrences = NULL;
  guint attended = 0;
  guint n;
  g_autofree char *people = NULL;
  guint n_dates;

  attendance = bb_store_list_related (store, BB_TYPE_ATTENDANCE, "event-id",
                                      bb_record_get_id (BB_RECORD (event)));
  n = g_list_model_get_n_items (attendance);
  if (n == 0)
    return NULL;

  occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbAttendance) entry = g_list_model_get_item (attendance, i);

      if (g_strcmp0 (bb_attendance_get_status (entry), "attended") != 0)
        continue;

      attended++;
      if (bb_attendance_get_occurrence (entry) != NULL)
        g_hash_table_add (occurrences, g_strdup (bb_attendance_get_occurrence (entry)));
    }

  n_dates = g_hash_table_size (occurrences);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person attended",
                                         "%u people attended", attended), attended);
  if (n_dates <= 1)
    return g_steal_pointer (&people);

  /* Translators: "12 people attended" "at 3 dates" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s at %u date", "%s at %u dates",
                                       n_dates), people, n_dates);
}

static void
render_event (BbRecord     *record,
              BbStore      *store,
              BbDetailPage *page,
              gboolean      refresh,
              gpointer      user_data)
{
  BbEvent *event = BB_EVENT (record);
  gint64 organiser_id = bb_event_get_organiser_id (event);
  g_autofree char *region = bb_store_dup_label (store, BB_TYPE_REGION,
                                                bb_event_get_region_id (event));
  g_autofree char *organiser = bb_store_dup_label (store, BB_TYPE_PERSON, organiser_id);
  g_autofree char *attendance = dup_attendance (event, store);
  g_autofree char *subtitle = NULL;
  const char *kind = bb_codes_label (BB_CODES_EVENT_KIND, bb_event_get_kind (event));

  subtitle = BB_FORMAT_JOIN (" · ", kind, region);
  bb_detail_page_begin (page, bb_event_get_title (event), subtitle, refresh);

  bb_detail_page_add_group (page, NULL);
  bb_detail_page_add_field (page, _("Kind"), kind);
  bb_detail_page_add_field (page, _("Status"),
                            bb_codes_label (BB_CODES_EVENT_STATUS, bb_event_get_status (event)));
  bb_detail_page_add_field (page, _("Region"), region);
  render_when (event, page);
  bb_detail_page_add_field (page, _("Repeats"), bb_event_get_rrule (event));
  bb_detail_page_add_contact (page, _("Location"), bb_event_get_location (event));
  bb_detail_page_add_contact (page, _("Online link"), bb_event_get_online_url (event));
  bb_detail_page_add_link (page, organiser, _("Organiser"), BB_TYPE_PERSON, organiser_id);
  bb_detail_page_add_field (page, _("Attendance"), attendance);

  bb_detail_page_add_group (page, _("Agenda"));
  bb_detail_page_add_text (page, bb_event_get_description (event));

  bb_detail_page_add_group (page, _("Minutes"));
  bb_detail_page_add_text (page, bb_event_get_minutes (event));

  render_invitees (event, store, page);
}

/* The agenda opens at today: the first event that starts today or later. */
static void
scroll_to_today (BbCalendarView *self)
{
  GListModel *model = bb_browser_get_model (self->browser, BB_TYPE_EVENT);
  g_autofree char *today = bb_format_today_iso ();
  guint low = 0;
  guint high;

  if (model == NULL || self->scrolled_to_today || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* The list is ordered by start, so a binary search loads only a few rows. */
  high = g_list_model_get_n_items (model);
  if (high == 0)
    return;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(BbEvent) event = g_list_model_get_item (model, mid);

      if (g_strcmp0 (bb_event_get_starts_at (event), today) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  self->scrolled_to_today = TRUE;
  bb_browser_scroll_to_top (self->browser, BB_TYPE_EVENT,
                            MIN (low, g_list_model_get_n_items (model) - 1));
}

static void
on_browser_show_record (BbCalendarView *self,
                        GType          type,
                        gint64         id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

void
bb_calendar_view_set_store (BbCalendarView *self,
                           BbStore       *store)
{
  g_return_if_fail (BB_IS_CALENDAR_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == bb_browser_get_store (self->browser))
    return;

  bb_browser_set_store (self->browser, store);
  self->scrolled_to_today = FALSE;
  scroll_to_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_calendar_view_get_store (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  return bb_browser_get_store (self->browser);
}

gboolean
bb_calendar_view_show_record (BbCalendarView *self,
                             GType          type,
                             gint64         id)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), FALSE);

  return bb_browser_show_record (self->browser, type, id);
}

BbRecord *
bb_calendar_view_get_selected (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), NULL);

  return bb_browser_get_selected (self->browser);
}

guint
bb_calendar_view_get_n_items (BbCalendarView *self)
{
  g_return_val_if_fail (BB_IS_CALENDAR_VIEW (self), 0);

  return bb_browser_get_n_items (self->browser);
}

static gboolean
bb_calendar_view_grab_focus (GtkWidget *widget)
{
  BbCalendarView *self = BB_CALENDAR_VIEW (widget);

  return bb_browser_focus_list (self->browser)
         || GTK_WIDGET_CLASS (bb_calendar_view_parent_class)->grab_focus (widget);
}

static void
bb_calendar_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_calendar_view_parent_class)->map (widget);

  scroll_to_today (BB_CALENDAR_VIEW (widget));
}

static void
bb_calendar_view_dispose (GObject *object)
{
  BbCalendarView *self = (BbCalendarView *)object;

  g_clear_object (&self->browser);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CALENDAR_VIEW);

  G_OBJECT_CLASS (bb_calendar_view_parent_class)->dispose (object);
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
  object_class->get_property = bb_calendar_view_get_property;
  object_class->set_property = bb_calendar_view_set_property;
  widget_class->grab_focus = bb_calendar_view_grab_focus;
  widget_class->map = bb_calendar_view_map;

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

  g_type_ensure (BB_TYPE_DETAIL_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/calendar/bb-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, list_view);
  gtk_widget_class_bind_template_child (widget_class, BbCalendarView, detail);
}

static void
bb_calendar_view_init (BbCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->browser = bb_browser_new (self->leaflet, self->main_stack, self->detail);
  bb_browser_add_list (self->browser, self->list_view, BB_TYPE_EVENT, event_row, self);
  bb_browser_set_render_func (self->browser, render_event, self);
  bb_browser_watch_table (self->browser, "event_invitee");
  bb_browser_watch_table (self->browser, "attendance");
  bb_browser_watch_table (self->browser, "person");
  bb_browser_watch_table (self->browser, "shelter");
  bb_browser_watch_table (self->browser, "region");
  g_signal_connect_object (self->browser, "show-record", G_CALLBACK (on_browser_show_record),
                           self, G_CONNECT_SWAPPED);
}
