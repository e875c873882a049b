/* bb-event-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-event-editor"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-calendar-util.h"
#include "bb-editor.h"
#include "bb-event-editor.h"
#include "bb-format.h"

struct _BbEventEditor
{
  BbEditorWindow parent_instance;

  GtkLabel *save_error;
  AdwEntryRow *title_row;
  GtkWidget *title_error_row;
  GtkLabel *title_error;
  AdwComboRow *kind_row;
  AdwComboRow *region_row;
  AdwComboRow *status_row;
  GtkSwitch *all_day_switch;
  AdwEntryRow *start_date_row;
  AdwEntryRow *start_time_row;
  AdwEntryRow *end_time_row;
  AdwEntryRow *end_date_row;
  GtkWidget *time_error_row;
  GtkLabel *time_error;
  AdwPreferencesGroup *recurrence_group;
  AdwComboRow *frequency_row;
  GtkWidget *interval_row;
  GtkSpinButton *interval_spin;
  GtkWidget *weekdays_row;
  GtkBox *weekdays_box;
  AdwComboRow *week_row;
  AdwComboRow *weekday_row;
  GtkWidget *day_row;
  GtkSpinButton *day_spin;
  AdwComboRow *end_row;
  AdwEntryRow *until_row;
  GtkWidget *count_row;
  GtkSpinButton *count_spin;
  GtkWidget *recurrence_error_row;
  GtkLabel *recurrence_error;
  AdwEntryRow *location_row;
  AdwEntryRow *url_row;
  GtkWidget *url_error_row;
  GtkLabel *url_error;
  GtkTextView *agenda_view;
  GtkDropDown *organiser_dropdown;
  GtkDropDown *person_dropdown;
  GtkDropDown *shelter_dropdown;
  AdwPreferencesGroup *invitees_group;

  BbStore *store;
  BbEvent *event;           /* a copy of the stored event, or a new one */
  GtkToggleButton *weekday_toggles[7];
  GArray *region_ids;       /* parallel to region_row's items; 0 = none */
  GArray *person_ids;       /* parallel to the person drop-downs; organiser: 0 first */
  GArray *shelter_ids;
  GArray *invited_people;
  GArray *invited_shelters;
  GPtrArray *invitee_rows;
  char *sentence;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BbEventEditor, bb_event_editor, BB_TYPE_EDITOR_WINDOW)

static const BbRecurrenceFrequency frequencies[] = {
  BB_RECURRENCE_NONE, BB_RECURRENCE_DAILY, BB_RECURRENCE_WEEKLY,
  BB_RECURRENCE_MONTHLY_BY_WEEKDAY, BB_RECURRENCE_MONTHLY_BY_DAY, BB_RECURRENCE_YEARLY,
};
static const int weeks_of_month[] = { 1, 2, 3, 4, 5, -1 };

/* The start as a store time from the fields, or NULL. */
static char *
dup_start (BbEventEditor *self)
{
  g_autofree char *date = bb_editor_dup_text (self->start_date_row);
  g_autofree char *time = bb_editor_dup_text (self->start_time_row);

  return bb_calendar_parse_date_time (date, gtk_switch_get_active (self->all_day_switch) ? NULL : time,
                                      gtk_switch_get_active (self->all_day_switch));
}

static void
read_rule (BbEventEditor    *self,
           BbRecurrenceRule *rule,
           const char       *starts_at)
{
  guint frequency = adw_combo_row_get_selected (self->frequency_row);
  g_autofree char *until = NULL;
  guint end = adw_combo_row_get_selected (self->end_row);

  memset (rule, 0, sizeof *rule);
  if (frequency >= G_N_ELEMENTS (frequencies) || frequencies[frequency] == BB_RECURRENCE_NONE)
    return;

  if (starts_at != NULL)
    bb_recurrence_rule_init (rule, frequencies[frequency], starts_at);
  else
    rule->frequency = frequencies[frequency];

  rule->interval = (guint) gtk_spin_button_get_value_as_int (self->interval_spin);
  rule->weekdays = 0;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekday_toggles[i]))
      rule->weekdays |= BB_WEEKDAY_BIT (G_DATE_MONDAY + i);
  rule->week_of_month = weeks_of_month[MIN (adw_combo_row_get_selected (self->week_row), 5)];
  rule->weekday = G_DATE_MONDAY + MIN (adw_combo_row_get_selected (self->weekday_row), 6);
  rule->day_of_month = gtk_spin_button_get_value_as_int (self->day_spin);
  rule->count = end == 2 ? (guint) gtk_spin_button_get_value_as_int (self->count_spin) : 0;
  g_date_clear (&rule->until, 1);
  until = bb_editor_dup_text (self->until_row);
  if (end == 1 && until != NULL)
    bb_calendar_parse_date (until, &rule->until);
}

static void
update_recurrence (BbEventEditor *self)
{
  guint frequency = adw_combo_row_get_selected (self->frequency_row);
  BbRecurrenceFrequency f = frequency < G_N_ELEMENTS (frequencies) ? frequencies[frequency]
                                                                     : BB_RECURRENCE_NONE;
  guint end = adw_combo_row_get_selected (self->end_row);
  g_autofree char *start = dup_start (self);
  BbRecurrenceRule rule;
  const char *unit = NULL;

  gtk_widget_set_visible (self->interval_row, f != BB_RECURRENCE_NONE);
  gtk_widget_set_visible (self->weekdays_row, f == BB_RECURRENCE_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->week_row), f == BB_RECURRENCE_MONTHLY_BY_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->weekday_row), f == BB_RECURRENCE_MONTHLY_BY_WEEKDAY);
  gtk_widget_set_visible (self->day_row, f == BB_RECURRENCE_MONTHLY_BY_DAY);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), f != BB_RECURRENCE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), f != BB_RECURRENCE_NONE && end == 1);
  gtk_widget_set_visible (self->count_row, f != BB_RECURRENCE_NONE && end == 2);

  switch (f)
    {
    case BB_RECURRENCE_DAILY: unit = _("days"); break;
    case BB_RECURRENCE_WEEKLY: unit = _("weeks"); break;
    case BB_RECURRENCE_MONTHLY_BY_WEEKDAY:
    case BB_RECURRENCE_MONTHLY_BY_DAY: unit = _("months"); break;
    case BB_RECURRENCE_YEARLY: unit = _("years"); break;
    case BB_RECURRENCE_NONE:
    default: break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->interval_row), unit);

  read_rule (self, &rule, start);
  g_free (self->sentence);
  self->sentence = bb_recurrence_rule_describe (&rule);
  adw_preferences_group_set_description (self->recurrence_group, self->sentence);
}

static void
on_changed (BbEventEditor *self)
{
  if (self->loading)
    return;

  bb_editor_window_set_dirty (BB_EDITOR_WINDOW (self), TRUE);
  update_recurrence (self);
}

/* When the start date changes, the monthly and weekly details follow it, as a coordinator
 * expects ("2nd Tuesday" for a start on the 2nd Tuesday). */
static void
on_start_changed (BbEventEditor *self)
{
  g_autofree char *start = dup_start (self);
  BbRecurrenceRule rule;
  gboolean was_loading = self->loading;

  if (start != NULL && !self->loading)
    {
      self->loading = TRUE;
      bb_recurrence_rule_init (&rule, BB_RECURRENCE_MONTHLY_BY_WEEKDAY, start);
      for (guint i = 0; i < G_N_ELEMENTS (weeks_of_month); i++)
        if (weeks_of_month[i] == rule.week_of_month)
          adw_combo_row_set_selected (self->week_row, i);
      adw_combo_row_set_selected (self->weekday_row, rule.weekday - G_DATE_MONDAY);
      bb_recurrence_rule_init (&rule, BB_RECURRENCE_MONTHLY_BY_DAY, start);
      gtk_spin_button_set_value (self->day_spin, rule.day_of_month);
      self->loading = was_loading;
    }

  on_changed (self);
}

static void
on_all_day_changed (BbEventEditor *self)
{
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->start_time_row), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_time_row), !all_day);
  on_changed (self);
}

/* Invitees ---------------------------------------------------------------------------------- */

static void rebuild_invitees (BbEventEditor *self);

static void
on_remove_invitee (GtkButton     *button,
                   BbEventEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "bb-id");
  gboolean shelter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bb-shelter"));
  GArray *array = shelter ? self->invited_shelters : self->invited_people;

  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      {
        g_array_remove_index (array, i);
        break;
      }

  rebuild_invitees (self);
  on_changed (self);
}

static void
add_invitee_row (BbEventEditor *self,
                 GType          type,
                 gint64         id)
{
  g_autofree char *label = bb_store_dup_label (self->store, type, id);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gint64 *stored_id = g_new (gint64, 1);

  *stored_id = id;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label ? label : "");
  adw_action_row_set_subtitle (row, type == BB_TYPE_SHELTER ? _("Shelter, all its people")
                                                            : _("Person"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  g_object_set_data_full (G_OBJECT (button), "bb-id", stored_id, g_free);
  g_object_set_data (G_OBJECT (button), "bb-shelter", GINT_TO_POINTER (type == BB_TYPE_SHELTER));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_invitee), self, 0);
  adw_action_row_add_suffix (row, button);
  adw_preferences_group_add (self->invitees_group, GTK_WIDGET (row));
  g_ptr_array_add (self->invitee_rows, row);
}

static void
rebuild_invitees (BbEventEditor *self)
{
  for (guint i = 0; i < self->invitee_rows->len; i++)
    adw_preferences_group_remove (self->invitees_group, self->invitee_rows->pdata[i]);
  g_ptr_array_set_size (self->invitee_rows, 0);

  for (guint i = 0; i < self->invited_shelters->len; i++)
    add_invitee_row (self, BB_TYPE_SHELTER, g_array_index (self->invited_shelters, gint64, i));
  for (guint i = 0; i < self->invited_people->len; i++)
    add_invitee_row (self, BB_TYPE_PERSON, g_array_index (self->invited_people, gint64, i));

  adw_preferences_group_set_description (self->invitees_group,
                                         self->invitee_rows->len == 0
                                           ? _("Nobody invited yet") : NULL);
}

static void
add_unique (GArray *array,
            gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;
  g_array_append_val (array, id);
}

static void
on_invite_person (BbEventEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->person_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position + 1 >= self->person_ids->len)
    return;

  /* The organiser drop-down has "nobody" first; this one does not. */
  add_unique (self->invited_people, g_array_index (self->person_ids, gint64, position + 1));
  rebuild_invitees (self);
  on_changed (self);
}

static void
on_invite_shelter (BbEventEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->shelter_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->shelter_ids->len)
    return;

  add_unique (self->invited_shelters, g_array_index (self->shelter_ids, gint64, position));
  rebuild_invitees (self);
  on_changed (self);
}

/* Filling ----------------------------------------------------------------------------------- */

static GListModel *
new_record_labels (BbStore    *store,
                   GType       type,
                   GArray     *ids,
                   const char *none)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) records = bb_store_list (store, type);
  guint n = g_list_model_get_n_items (records);

  if (none != NULL)
    {
      gint64 zero = 0;

      gtk_string_list_append (labels, none);
      g_array_append_val (ids, zero);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (records, i);
      g_autofree char *label = bb_record_dup_label (record);
      gint64 id = bb_record_get_id (record);

      gtk_string_list_append (labels, label ? label : "");
      g_array_append_val (ids, id);
    }

  return G_LIST_MODEL (labels);
}

static GListModel *
new_code_labels (BbCodeSet set)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  const char * const *codes = bb_codes_list (set);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, bb_codes_label (set, codes[i]));

  return G_LIST_MODEL (labels);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_drop_down_model (GtkDropDown *drop_down,
                     GListModel  *model)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (drop_down, expression);
  gtk_drop_down_set_model (drop_down, model);
}

static void
fill (BbEventEditor *self,
      const GDate   *day)
{
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) invitable = NULL;
  g_autoptr(GListModel) shelters = NULL;
  g_autoptr(GListModel) invitees = NULL;
  g_autoptr(GtkStringList) frequency_labels = NULL;
  g_autoptr(GtkStringList) end_labels = NULL;
  g_autoptr(GtkStringList) week_labels = NULL;
  g_autoptr(GtkStringList) weekday_labels = NULL;
  g_autoptr(GListModel) kinds = new_code_labels (BB_CODES_EVENT_KIND);
  g_autoptr(GListModel) statuses = new_code_labels (BB_CODES_EVENT_STATUS);
  BbEvent *event = self->event;
  const char *starts_at = bb_event_get_starts_at (event);
  const char *ends_at = bb_event_get_ends_at (event);
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  BbRecurrenceRule rule;
  g_autoptr(GError) error = NULL;
  int kind, status;

  self->loading = TRUE;

  adw_combo_row_set_model (self->kind_row, kinds);
  kind = bb_codes_index (BB_CODES_EVENT_KIND, bb_event_get_kind (event));
  adw_combo_row_set_selected (self->kind_row, MAX (kind, 0));
  adw_combo_row_set_model (self->status_row, statuses);
  status = bb_codes_index (BB_CODES_EVENT_STATUS, bb_event_get_status (event));
  adw_combo_row_set_selected (self->status_row, MAX (status, 0));

  regions = new_record_labels (self->store, BB_TYPE_REGION, self->region_ids, _("No region"));
  adw_combo_row_set_model (self->region_row, regions);
  adw_combo_row_set_selected (self->region_row, find_id (self->region_ids, bb_event_get_region_id (event)));

  people = new_record_labels (self->store, BB_TYPE_PERSON, self->person_ids, _("Nobody"));
  set_drop_down_model (self->organiser_dropdown, people);
  gtk_drop_down_set_selected (self->organiser_dropdown,
                              find_id (self->person_ids, bb_event_get_organiser_id (event)));
  invitable = G_LIST_MODEL (gtk_slice_list_model_new (g_object_ref (people), 1, G_MAXUINT));
  set_drop_down_model (self->person_dropdown, invitable);
  shelters = new_record_labels (self->store, BB_TYPE_SHELTER, self->shelter_ids, NULL);
  set_drop_down_model (self->shelter_dropdown, shelters);

  set_entry (self->title_row, bb_event_get_title (event));
  gtk_switch_set_active (self->all_day_switch, bb_event_get_all_day (event));
  start_date = bb_format_date (starts_at);
  set_entry (self->start_date_row, start_date);
  if (bb_event_get_all_day (event))
    {
      g_autofree char *last = bb_recurrence_time_add (ends_at, -1);

      if (g_strcmp0 (last, starts_at) > 0)
        end_date = bb_format_date (last);
    }
  else
    {
      start_time = bb_format_time (starts_at);
      end_time = bb_format_time (ends_at);
      if (ends_at != NULL && strncmp (starts_at, ends_at, 10) != 0)
        end_date = bb_format_date (ends_at);
    }
  set_entry (self->start_time_row, start_time);
  set_entry (self->end_time_row, end_time);
  set_entry (self->end_date_row, end_date);
  gtk_widget_set_visible (GTK_WIDGET (self->start_time_row), !bb_event_get_all_day (event));
  gtk_widget_set_visible (GTK_WIDGET (self->end_time_row), !bb_event_get_all_day (event));

  set_entry (self->location_row, bb_event_get_location (event));
  set_entry (self->url_row, bb_event_get_online_url (event));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->agenda_view),
                            bb_event_get_description (event) ? bb_event_get_description (event) : "",
                            -1);

  frequency_labels = gtk_string_list_new ((const char *[]) {
    _("Does not repeat"), _("Daily"), _("Weekly"), _("Monthly on a weekday"),
    _("Monthly on a day"), _("Yearly"), NULL });
  adw_combo_row_set_model (self->frequency_row, G_LIST_MODEL (frequency_labels));
  week_labels = gtk_string_list_new ((const char *[]) {
    _("1st"), _("2nd"), _("3rd"), _("4th"), _("5th"), _("Last"), NULL });
  adw_combo_row_set_model (self->week_row, G_LIST_MODEL (week_labels));
  weekday_labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < 7; i++)
    {
      GDate date;
      char name[32];
      char abbr[32];

      /* 2024-01-01 was a Monday. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1 + i, G_DATE_JANUARY, 2024);
      g_date_strftime (name, sizeof name, "%A", &date);
      g_date_strftime (abbr, sizeof abbr, "%a", &date);
      gtk_string_list_append (weekday_labels, name);
      gtk_button_set_label (GTK_BUTTON (self->weekday_toggles[i]), abbr);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weekday_toggles[i]), name);
    }
  adw_combo_row_set_model (self->weekday_row, G_LIST_MODEL (weekday_labels));
  end_labels = gtk_string_list_new ((const char *[]) {
    _("Never"), _("On a date"), _("After a number of dates"), NULL });
  adw_combo_row_set_model (self->end_row, G_LIST_MODEL (end_labels));

  if (!bb_recurrence_rule_parse (&rule, bb_event_get_rrule (event), starts_at, &error))
    {
      /* Kept as it is unless the coordinator picks another rule. */
      bb_editor_set_message (GTK_WIDGET (self->frequency_row), self->recurrence_error,
                             _("This repetition cannot be shown here; choose another to replace it."));
      memset (&rule, 0, sizeof rule);
    }
  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    if (frequencies[i] == rule.frequency)
      adw_combo_row_set_selected (self->frequency_row, i);
  if (rule.frequency == BB_RECURRENCE_NONE)
    bb_recurrence_rule_init (&rule, BB_RECURRENCE_MONTHLY_BY_WEEKDAY, starts_at);
  gtk_spin_button_set_value (self->interval_spin, MAX (rule.interval, 1));
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekday_toggles[i],
                                  (rule.weekdays & BB_WEEKDAY_BIT (G_DATE_MONDAY + i)) != 0);
  for (guint i = 0; i < G_N_ELEMENTS (weeks_of_month); i++)
    if (weeks_of_month[i] == rule.week_of_month)
      adw_combo_row_set_selected (self->week_row, i);
  if (rule.weekday >= G_DATE_MONDAY && rule.weekday <= G_DATE_SUNDAY)
    adw_combo_row_set_selected (self->weekday_row, rule.weekday - G_DATE_MONDAY);
  if (rule.day_of_month > 0)
    gtk_spin_button_set_value (self->day_spin, rule.day_of_month);
  else
    {
      GDate date;

      if (bb_format_parse_date (starts_at, &date))
        gtk_spin_button_set_value (self->day_spin, g_date_get_day (&date));
    }
  if (g_date_valid (&rule.until))
    {
      char iso[16];
      g_autofree char *until = NULL;

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &rule.until);
      until = bb_format_date (iso);
      adw_combo_row_set_selected (self->end_row, 1);
      set_entry (self->until_row, until);
    }
  else if (rule.count > 0)
    {
      adw_combo_row_set_selected (self->end_row, 2);
      gtk_spin_button_set_value (self->count_spin, rule.count);
    }

  if (bb_record_get_id (BB_RECORD (event)) != 0)
    {
      invitees = bb_store_list_related (self->store, BB_TYPE_EVENT_INVITEE, "event-id",
                                        bb_record_get_id (BB_RECORD (event)));
      for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
        {
          g_autoptr(BbEventInvitee) invitee = g_list_model_get_item (invitees, i);

          if (bb_event_invitee_get_person_id (invitee) != 0)
            add_unique (self->invited_people, bb_event_invitee_get_person_id (invitee));
          else if (bb_event_invitee_get_shelter_id (invitee) != 0)
            add_unique (self->invited_shelters, bb_event_invitee_get_shelter_id (invitee));
        }
    }
  rebuild_invitees (self);

  gtk_window_set_title (GTK_WINDOW (self), bb_record_get_id (BB_RECORD (event)) != 0
                                             ? _("Edit Event") : _("New Event"));
  self->loading = FALSE;
  update_recurrence (self);
}

/* Saving ------------------------------------------------------------------------------------ */

static gboolean
validate_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

gboolean
bb_event_editor_save (BbEventEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autofree char *url = NULL;
  g_autofree char *location = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *agenda = NULL;
  g_autoptr(GError) error = NULL;
  BbRecurrenceRule rule;
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  gboolean ok = TRUE;
  guint frequency;
  guint region;
  guint organiser;
  gboolean is_new;

  g_return_val_if_fail (BB_IS_EVENT_EDITOR (self), FALSE);

  title = bb_editor_dup_text (self->title_row);
  bb_editor_set_message (GTK_WIDGET (self->title_row), self->title_error,
                         title == NULL ? _("Every event needs a title.") : NULL);
  ok &= title != NULL;

  start_date = bb_editor_dup_text (self->start_date_row);
  start_time = bb_editor_dup_text (self->start_time_row);
  end_time = bb_editor_dup_text (self->end_time_row);
  end_date = bb_editor_dup_text (self->end_date_row);
  starts_at = bb_calendar_parse_date_time (start_date, all_day ? NULL : start_time, all_day);
  if (all_day)
    {
      g_autofree char *last = end_date ? bb_calendar_parse_date_time (end_date, NULL, TRUE)
                                       : g_strdup (starts_at);

      ends_at = last ? bb_recurrence_time_add (last, 1) : NULL;
    }
  else
    ends_at = bb_calendar_parse_date_time (end_date ? end_date : start_date,
                                           end_time ? end_time : start_time, FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->start_date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_time_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->end_time_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->end_date_row), "error");
  if (starts_at == NULL)
    {
      bb_editor_set_message (GTK_WIDGET (start_date && bb_calendar_parse_date_time (start_date, NULL, TRUE)
                                         ? self->start_time_row : self->start_date_row),
                             self->time_error,
                             all_day ? _("Enter the date as 25.11.2026.")
                                     : _("Enter the date as 25.11.2026 and the start as 10:00."));
      ok = FALSE;
    }
  else if (ends_at == NULL)
    {
      bb_editor_set_message (GTK_WIDGET (end_date ? self->end_date_row : self->end_time_row),
                             self->time_error,
                             _("Enter the end as 12:00 and a last day as 26.11.2026, or leave it empty."));
      ok = FALSE;
    }
  else if (strcmp (ends_at, starts_at) < 0)
    {
      bb_editor_set_message (GTK_WIDGET (self->end_time_row), self->time_error,
                             _("The end lies before the start."));
      ok = FALSE;
    }
  else
    bb_editor_set_message (NULL, self->time_error, NULL);

  frequency = adw_combo_row_get_selected (self->frequency_row);
  read_rule (self, &rule, starts_at);
  bb_editor_set_message (GTK_WIDGET (self->until_row), self->recurrence_error, NULL);
  if (rule.frequency != BB_RECURRENCE_NONE && starts_at != NULL)
    {
      g_autofree char *until_text = bb_editor_dup_text (self->until_row);
      GDate first;

      bb_format_parse_date (starts_at, &first);
      if (adw_combo_row_get_selected (self->end_row) == 1
          && (until_text == NULL || !g_date_valid (&rule.until)))
        {
          bb_editor_set_message (GTK_WIDGET (self->until_row), self->recurrence_error,
                                 _("Enter the last date as 15.12.2027."));
          ok = FALSE;
        }
      else if (g_date_valid (&rule.until) && g_date_compare (&rule.until, &first) < 0)
        {
          bb_editor_set_message (GTK_WIDGET (self->until_row), self->recurrence_error,
                                 _("The last date lies before the first."));
          ok = FALSE;
        }
      else
        rrule = bb_recurrence_rule_to_rrule (&rule, starts_at);
    }
  else if (frequency < G_N_ELEMENTS (frequencies) && frequencies[frequency] == BB_RECURRENCE_NONE)
    gtk_widget_set_visible (self->recurrence_error_row, FALSE);

  url = bb_editor_dup_text (self->url_row);
  bb_editor_set_message (GTK_WIDGET (self->url_row), self->url_error,
                         url != NULL && !validate_url (url)
                           ? _("Enter a web address starting with https://") : NULL);
  ok &= url == NULL || validate_url (url);

  ok &= bb_editor_check_text_fields (GTK_WIDGET (self));

  if (!ok)
    return FALSE;

  location = bb_editor_dup_text (self->location_row);
  agenda = bb_editor_dup_notes (self->agenda_view);
  region = adw_combo_row_get_selected (self->region_row);
  organiser = gtk_drop_down_get_selected (self->organiser_dropdown);

  bb_event_set_title (self->event, title);
  bb_event_set_kind (self->event,
                     bb_codes_list (BB_CODES_EVENT_KIND)[adw_combo_row_get_selected (self->kind_row)]);
  bb_event_set_status (self->event,
                       bb_codes_list (BB_CODES_EVENT_STATUS)[adw_combo_row_get_selected (self->status_row)]);
  bb_event_set_region_id (self->event, region < self->region_ids->len
                                         ? g_array_index (self->region_ids, gint64, region) : 0);
  bb_event_set_organiser_id (self->event, organiser < self->person_ids->len
                                            ? g_array_index (self->person_ids, gint64, organiser) : 0);
  bb_event_set_all_day (self->event, all_day);
  bb_event_set_starts_at (self->event, starts_at);
  bb_event_set_ends_at (self->event, ends_at);
  bb_event_set_location (self->event, location);
  bb_event_set_online_url (self->event, url);
  bb_event_set_description (self->event, agenda);
  /* An unreadable imported rule stays unless another one was chosen. */
  if (rrule != NULL || gtk_widget_get_visible (self->recurrence_error_row) == FALSE)
    bb_event_set_rrule (self->event, rrule);

  is_new = bb_record_get_id (BB_RECORD (self->event)) == 0;
  if (!bb_store_begin (self->store, &error)
      || !(is_new ? bb_store_insert_event (self->store, self->event, &error)
                  : bb_store_update_event (self->store, self->event, &error))
      || !bb_store_set_event_invitees (self->store, bb_record_get_id (BB_RECORD (self->event)),
                                       (const gint64 *) (gpointer) self->invited_people->data,
                                       self->invited_people->len,
                                       (const gint64 *) (gpointer) self->invited_shelters->data,
                                       self->invited_shelters->len, &error)
      || !bb_store_commit (self->store, &error))
    {
      g_autofree char *message = bb_application_describe_store_error (error, bb_store_get_path (self->store));

      if (bb_store_get_path (self->store) != NULL && error != NULL)
        bb_store_rollback (self->store);
      if (is_new)
        bb_record_set_id (BB_RECORD (self->event), 0);
      gtk_label_set_label (self->save_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return FALSE;
    }

  bb_editor_window_finish (BB_EDITOR_WINDOW (self), bb_record_get_id (BB_RECORD (self->event)),
                           TRUE);

  return TRUE;
}

const char *
bb_event_editor_get_sentence (BbEventEditor *self)
{
  g_return_val_if_fail (BB_IS_EVENT_EDITOR (self), NULL);

  return self->sentence;
}

static gboolean
save_vfunc (BbEditorWindow *editor)
{
  return bb_event_editor_save (BB_EVENT_EDITOR (editor));
}

static void
bb_event_editor_dispose (GObject *object)
{
  BbEventEditor *self = (BbEventEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_EVENT_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (bb_event_editor_parent_class)->dispose (object);
}

static void
bb_event_editor_finalize (GObject *object)
{
  BbEventEditor *self = (BbEventEditor *)object;

  g_clear_pointer (&self->region_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->shelter_ids, g_array_unref);
  g_clear_pointer (&self->invited_people, g_array_unref);
  g_clear_pointer (&self->invited_shelters, g_array_unref);
  g_clear_pointer (&self->invitee_rows, g_ptr_array_unref);
  g_free (self->sentence);

  G_OBJECT_CLASS (bb_event_editor_parent_class)->finalize (object);
}

static void
bb_event_editor_class_init (BbEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BbEditorWindowClass *editor_class = BB_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = bb_event_editor_dispose;
  object_class->finalize = bb_event_editor_finalize;
  editor_class->save = save_vfunc;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/calendar/bb-event-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BbEventEditor, name)
  BIND (save_error); BIND (title_row); BIND (title_error_row); BIND (title_error);
  BIND (kind_row); BIND (region_row); BIND (status_row); BIND (all_day_switch);
  BIND (start_date_row); BIND (start_time_row); BIND (end_time_row); BIND (end_date_row);
  BIND (time_error_row); BIND (time_error); BIND (recurrence_group); BIND (frequency_row);
  BIND (interval_row); BIND (interval_spin); BIND (weekdays_row); BIND (weekdays_box);
  BIND (week_row); BIND (weekday_row); BIND (day_row); BIND (day_spin); BIND (end_row);
  BIND (until_row); BIND (count_row); BIND (count_spin); BIND (recurrence_error_row);
  BIND (recurrence_error); BIND (location_row); BIND (url_row); BIND (url_error_row);
  BIND (url_error); BIND (agenda_view); BIND (organiser_dropdown); BIND (person_dropdown);
  BIND (shelter_dropdown); BIND (invitees_group);
#undef BIND
  /* Not kept in the struct; bound so that tests can click them. */
  gtk_widget_class_bind_template_child_full (widget_class, "invite_person_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "invite_shelter_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_invite_person);
  gtk_widget_class_bind_template_callback (widget_class, on_invite_shelter);
}

static void
bb_event_editor_init (BbEventEditor *self)
{
  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shelter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->invited_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->invited_shelters = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->invitee_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bb_editor_window_set_discard_body (BB_EDITOR_WINDOW (self),
                                     _("The changes to this event are not saved."));
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->title_row), "title");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->location_row), "location");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->url_row), "online-url");
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->agenda_view), "description");

  for (guint i = 0; i < 7; i++)
    {
      self->weekday_toggles[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
      gtk_box_append (self->weekdays_box, GTK_WIDGET (self->weekday_toggles[i]));
    }
}

static void
connect_changes (BbEventEditor *self)
{
  GtkWidget *entries[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->end_time_row), GTK_WIDGET (self->end_date_row),
    GTK_WIDGET (self->until_row), GTK_WIDGET (self->location_row), GTK_WIDGET (self->url_row),
  };
  GObject *selections[] = {
    G_OBJECT (self->kind_row), G_OBJECT (self->region_row), G_OBJECT (self->status_row),
    G_OBJECT (self->frequency_row), G_OBJECT (self->week_row), G_OBJECT (self->weekday_row),
    G_OBJECT (self->end_row), G_OBJECT (self->organiser_dropdown),
  };
  GtkSpinButton *spins[] = { self->interval_spin, self->day_spin, self->count_spin };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (selections); i++)
    g_signal_connect_object (selections[i], "notify::selected", G_CALLBACK (on_changed), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_object (spins[i], "value-changed", G_CALLBACK (on_changed), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < 7; i++)
    g_signal_connect_object (self->weekday_toggles[i], "toggled", G_CALLBACK (on_changed), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_date_row, "changed", G_CALLBACK (on_start_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_time_row, "changed", G_CALLBACK (on_start_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_day_switch, "notify::active", G_CALLBACK (on_all_day_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->agenda_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
bb_event_editor_new (GtkWidget   *parent,
                     BbStore     *store,
                     BbEvent     *event,
                     const GDate *day)
{
  BbEventEditor *self;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (event == NULL || BB_IS_EVENT (event), NULL);

  self = g_object_new (BB_TYPE_EVENT_EDITOR,
                       "transient-for", gtk_widget_get_root (parent),
                       NULL);
  self->store = g_object_ref (store);

  if (event != NULL)
    self->event = bb_store_get (store, BB_TYPE_EVENT, bb_record_get_id (BB_RECORD (event)), NULL);
  if (self->event == NULL)
    {
      char date[16];
      GDate today;

      if (day == NULL || !g_date_valid (day))
        {
          g_date_clear (&today, 1);
          g_date_set_time_t (&today, time (NULL));
          day = &today;
        }
      g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
      self->event = bb_event_new ();
      bb_event_set_kind (self->event, "jour-fixe");
      bb_event_set_status (self->event, "confirmed");
      {
        g_autofree char *starts_at = g_strconcat (date, "T10:00", NULL);
        g_autofree char *ends_at = g_strconcat (date, "T12:00", NULL);

        bb_event_set_starts_at (self->event, starts_at);
        bb_event_set_ends_at (self->event, ends_at);
      }
    }

  fill (self, day);
  connect_changes (self);

  return GTK_WIDGET (self);
}
