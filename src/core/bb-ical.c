/* bb-ical.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Components are built and parsed with libical. Two things we do ourselves: folding (libical
 * 3.0 folds at its own places and not by octets), and reading the file's lines first, since
 * libical's parser accepts anything and cannot say on which line a file is broken. */

#define G_LOG_DOMAIN "bb-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "bb-codes.h"
#include "bb-event-override.h"
#include "bb-ical.h"
#include "bb-person.h"
#include "bb-recurrence.h"
#include "bb-region.h"
#include "bb-store-calendar.h"
#include "bb-timezone.h"
#include "bb-validate.h"

#define PRODID "-//Beratungsforum Engagement//Brückenbuch " PACKAGE_VERSION "//DE"

G_DEFINE_QUARK (bb-ical-error-quark, bb_ical_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Folding ---------------------------------------------------------------------------------- */

char *
bb_ical_fold (const char *unfolded)
{
  g_autoptr(GString) out = NULL;
  const char *line = unfolded;

  g_return_val_if_fail (unfolded != NULL, NULL);

  out = g_string_sized_new (strlen (unfolded) + strlen (unfolded) / 32);
  while (*line != '\0')
    {
      const char *end = line;
      gsize length, room = 75;

      while (*end != '\0' && *end != '\r' && *end != '\n')
        end++;
      length = end - line;

      while (length > room)
        {
          gsize cut = room;

          /* Never inside a UTF-8 sequence: back up to the start of a character. */
          while (cut > 0 && ((guchar) line[cut] & 0xC0) == 0x80)
            cut--;
          g_string_append_len (out, line, cut);
          g_string_append (out, "\r\n ");
          line += cut;
          length -= cut;
          room = 74;
        }
      g_string_append_len (out, line, length);
      g_string_append (out, "\r\n");

      line = end;
      if (*line == '\r')
        line++;
      if (*line == '\n')
        line++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* libical's text with its folds taken out and LF line ends */
static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n' && (p[1] == ' ' || p[1] == '\t'))
        {
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Export ----------------------------------------------------------------------------------- */

static struct icaltimetype
store_time_to_ical (const char *text)
{
  struct icaltimetype t = icaltime_null_time ();
  GDate date;
  int hour, minute;

  if (!bb_recurrence_parse_time (text, &date, &hour, &minute))
    return t;

  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  if (hour < 0)
    t.is_date = 1;
  else
    {
      t.hour = hour;
      t.minute = minute;
    }

  return t;
}

/* A date-time property in Berlin wall time with TZID, or a DATE. */
static icalproperty *
time_property (icalproperty_kind  kind,
               const char        *text)
{
  struct icaltimetype t = store_time_to_ical (text);
  icalproperty *property = icalproperty_new (kind);
  icalvalue *value = t.is_date ? icalvalue_new_date (t) : icalvalue_new_datetime (t);

  icalproperty_set_value (property, value);
  if (t.is_date)
    icalproperty_add_parameter (property, icalparameter_new_value (ICAL_VALUE_DATE));
  else
    icalproperty_add_parameter (property, icalparameter_new_tzid (BB_TIMEZONE_TZID));

  return property;
}

static icalproperty_status
status_to_ical (const char *status)
{
  if (g_strcmp0 (status, "cancelled") == 0)
    return ICAL_STATUS_CANCELLED;
  if (g_strcmp0 (status, "tentative") == 0)
    return ICAL_STATUS_TENTATIVE;
  return ICAL_STATUS_CONFIRMED;
}

static void
add_text (icalcomponent     *component,
          icalproperty_kind  kind,
          const char        *text)
{
  icalproperty *property;

  if (text == NULL || *text == '\0')
    return;

  property = icalproperty_new (kind);
  icalproperty_set_value (property, icalvalue_new_text (text));
  icalcomponent_add_property (component, property);
}

/* Parameter values may not contain '"' (RFC 5545 3.1); libical quotes the rest. */
static char *
param_safe (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "\"\r\n", '\'');

  return copy;
}

static icalproperty *
person_property (BbPerson          *person,
                 icalproperty_kind  kind)
{
  g_autofree char *name = bb_record_dup_label (BB_RECORD (person));
  g_autofree char *cn = param_safe (name != NULL ? name : "");
  g_autofree char *mailto = g_strconcat ("mailto:", bb_person_get_email (person), NULL);
  icalproperty *property = icalproperty_new (kind);

  icalproperty_set_value (property, icalvalue_new_caladdress (mailto));
  if (*cn != '\0')
    icalproperty_add_parameter (property, icalparameter_new_cn (cn));

  return property;
}

static gboolean
has_email (BbPerson *person)
{
  const char *email = bb_person_get_email (person);

  return email != NULL && strchr (email, '@') != NULL;
}

typedef struct
{
  BbStore *store;
  const BbIcalExportOptions *options;
  struct icaltimetype dtstamp;
  BbIcalExportReport report;
} Exporter;

static void
add_common (Exporter      *x,
            icalcomponent *vevent,
            BbEvent       *event)
{
  icalcomponent_add_property (vevent, icalproperty_new_uid (bb_event_get_uid (event)));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (x->dtstamp));
  icalcomponent_add_property (vevent, icalproperty_new_sequence (bb_event_get_sequence (event)));
}

/* The VEVENT of event and one for each of its overrides (BbEventOverride, by recurrence-id). */
static gboolean
add_event (Exporter       *x,
           icalcomponent  *vcalendar,
           BbEvent        *event,
           GPtrArray      *overrides,
           GError        **error)
{
  gint64 id = bb_record_get_id (BB_RECORD (event));
  icalcomponent *vevent = icalcomponent_new_vevent ();
  const char *kind_label;

  icalcomponent_add_component (vcalendar, vevent);
  add_common (x, vevent, event);
  add_text (vevent, ICAL_SUMMARY_PROPERTY, bb_event_get_title (event));
  icalcomponent_add_property (vevent, time_property (ICAL_DTSTART_PROPERTY, bb_event_get_starts_at (event)));
  icalcomponent_add_property (vevent, time_property (ICAL_DTEND_PROPERTY, bb_event_get_ends_at (event)));

  if (bb_event_get_rrule (event) != NULL && *bb_event_get_rrule (event) != '\0')
    {
      BbRecurrenceRule rule;
      g_autofree char *rrule = NULL;
      g_auto(GStrv) exdates = NULL;

      /* Written as we understand it: only forms Outlook knows, UNTIL in UTC. */
      if (!bb_recurrence_rule_parse (&rule, bb_event_get_rrule (event), bb_event_get_starts_at (event), error))
        return FALSE;
      rrule = bb_recurrence_rule_to_rrule (&rule, bb_event_get_starts_at (event));
      if (rrule != NULL)
        icalcomponent_add_property (vevent, icalproperty_new_rrule (icalrecurrencetype_from_string (rrule)));

      exdates = g_strsplit (bb_event_get_exdates (event) != NULL ? bb_event_get_exdates (event) : "", ",", -1);
      for (guint i = 0; exdates[i] != NULL; i++)
        if (*g_strstrip (exdates[i]) != '\0')
          icalcomponent_add_property (vevent, time_property (ICAL_EXDATE_PROPERTY, exdates[i]));
    }

  icalcomponent_add_property (vevent, icalproperty_new_status (status_to_ical (bb_event_get_status (event))));
  add_text (vevent, ICAL_LOCATION_PROPERTY, bb_event_get_location (event));
  if (bb_event_get_online_url (event) != NULL && *bb_event_get_online_url (event) != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_url (bb_event_get_online_url (event)));
  add_text (vevent, ICAL_DESCRIPTION_PROPERTY, bb_event_get_description (event));
  kind_label = bb_codes_label (BB_CODES_EVENT_KIND, bb_event_get_kind (event));
  add_text (vevent, ICAL_CATEGORIES_PROPERTY, kind_label);
  icalcomponent_add_property (vevent, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));

  if (x->options->method == BB_ICAL_METHOD_REQUEST)
    {
      g_autoptr(BbPerson) organiser = NULL;
      g_autoptr(GArray) people = NULL;

      if (bb_event_get_organiser_id (event) != 0)
        organiser = bb_store_get (x->store, BB_TYPE_PERSON, bb_event_get_organiser_id (event), NULL);
      if (organiser == NULL || !has_email (organiser))
        {
          g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_FAILED,
                       _("“%s” needs an organiser with an e-mail address to be sent as an invitation"),
                       bb_event_get_title (event));
          return FALSE;
        }
      icalcomponent_add_property (vevent, person_property (organiser, ICAL_ORGANIZER_PROPERTY));

      people = bb_store_get_event_invitee_people (x->store, id, error);
      if (people == NULL)
        return FALSE;
      for (guint i = 0; i < people->len; i++)
        {
          gint64 person_id = g_array_index (people, gint64, i);
          g_autoptr(BbPerson) person = bb_store_get (x->store, BB_TYPE_PERSON, person_id, NULL);
          icalproperty *attendee;

          if (person == NULL || person_id == bb_event_get_organiser_id (event))
            continue;
          if (!has_email (person))
            {
              x->report.n_without_email++;
              continue;
            }
          attendee = person_property (person, ICAL_ATTENDEE_PROPERTY);
          icalproperty_add_parameter (attendee, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
          icalproperty_add_parameter (attendee, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
          icalproperty_add_parameter (attendee, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
          icalcomponent_add_property (vevent, attendee);
          x->report.n_attendees++;
        }
    }
  x->report.n_events++;

  for (guint i = 0; i < overrides->len; i++)
    {
      BbEventOverride *override = g_ptr_array_index (overrides, i);
      icalcomponent *changed;
      const char *title = bb_event_override_get_title (override);
      const char *location = bb_event_override_get_location (override);
      const char *status = bb_event_override_get_status (override);

      /* A cancelled series cancels its occurrences too. */
      if (g_strcmp0 (bb_event_get_status (event), "cancelled") == 0)
        status = "cancelled";
      changed = icalcomponent_new_vevent ();
      icalcomponent_add_component (vcalendar, changed);
      add_common (x, changed, event);
      icalcomponent_add_property (changed, time_property (ICAL_RECURRENCEID_PROPERTY,
                                                          bb_event_override_get_recurrence_id (override)));
      add_text (changed, ICAL_SUMMARY_PROPERTY, title != NULL && *title != '\0' ? title : bb_event_get_title (event));
      icalcomponent_add_property (changed, time_property (ICAL_DTSTART_PROPERTY, bb_event_override_get_starts_at (override)));
      icalcomponent_add_property (changed, time_property (ICAL_DTEND_PROPERTY, bb_event_override_get_ends_at (override)));
      icalcomponent_add_property (changed, icalproperty_new_status (status_to_ical (status)));
      add_text (changed, ICAL_LOCATION_PROPERTY,
                location != NULL && *location != '\0' ? location : bb_event_get_location (event));
      if (bb_event_get_online_url (event) != NULL && *bb_event_get_online_url (event) != '\0')
        icalcomponent_add_property (changed, icalproperty_new_url (bb_event_get_online_url (event)));
      add_text (changed, ICAL_DESCRIPTION_PROPERTY, bb_event_get_description (event));
      add_text (changed, ICAL_CATEGORIES_PROPERTY, kind_label);
      x->report.n_overrides++;
    }

  return TRUE;
}

/* TEXT escaping for X- properties, whose values libical writes as they are. */
static char *
escape_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bb_ical_export (BbStore                    *store,
                const BbIcalExportOptions  *options,
                BbIcalExportReport         *report,
                GError                    **error)
{
  static const BbIcalExportOptions defaults = { 0 };
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  icalproperty *property;
  Exporter x = { 0 };

  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  if (options == NULL)
    options = &defaults;
  x.store = store;
  x.options = options;

  now = options->now != NULL ? g_date_time_to_utc (options->now) : g_date_time_new_now_utc ();
  x.dtstamp = icaltime_from_timet_with_zone (g_date_time_to_unix (now), 0, icaltimezone_get_utc_timezone ());

  if (options->event_id != 0)
    {
      BbEvent *event = bb_store_get (store, BB_TYPE_EVENT, options->event_id, error);
      GPtrArray *event_overrides;

      if (event == NULL)
        return NULL;
      events = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (events, event);
      event_overrides = bb_store_get_event_overrides (store, options->event_id, error);
      if (event_overrides == NULL)
        return NULL;
      overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (overrides, event_overrides);
    }
  else
    {
      /* The events and their overrides in two queries: no round trip per event. */
      events = bb_store_list_events_with_overrides (store, options->from, options->to, options->region_id,
                                                    &overrides, error);
      if (events == NULL)
        return NULL;
    }
  if (events->len == 0)
    {
      g_set_error_literal (error, BB_ICAL_ERROR, BB_ICAL_ERROR_EMPTY, _("There are no events to export"));
      return NULL;
    }

  if (options->calendar_name != NULL)
    name = g_strdup (options->calendar_name);
  else if (options->region_id != 0)
    {
      g_autofree char *region = bb_store_dup_label (store, BB_TYPE_REGION, options->region_id);

      name = g_strdup_printf ("Brückenbuch – %s", region != NULL ? region : "");
    }
  else
    name = g_strdup ("Brückenbuch");

  vcalendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (vcalendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (vcalendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (vcalendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (vcalendar,
                              icalproperty_new_method (options->method == BB_ICAL_METHOD_REQUEST
                                                       ? ICAL_METHOD_REQUEST : ICAL_METHOD_PUBLISH));
  escaped_name = escape_text (name);
  property = icalproperty_new_x (escaped_name);
  icalproperty_set_x_name (property, "X-WR-CALNAME");
  icalcomponent_add_property (vcalendar, property);
  property = icalproperty_new_x (BB_TIMEZONE_TZID);
  icalproperty_set_x_name (property, "X-WR-TIMEZONE");
  icalcomponent_add_property (vcalendar, property);
  icalcomponent_add_component (vcalendar, bb_timezone_new_vtimezone ());

  for (guint i = 0; i < events->len; i++)
    if (!add_event (&x, vcalendar, g_ptr_array_index (events, i), g_ptr_array_index (overrides, i), error))
      return NULL;

  text = icalcomponent_as_ical_string_r (vcalendar);
  unfolded = unfold (text);
  if (report != NULL)
    *report = x.report;

  return bb_ical_fold (unfolded);
}

gboolean
bb_ical_export_to_file (BbStore                    *store,
                        const BbIcalExportOptions  *options,
                        GFile                      *file,
                        BbIcalExportReport         *report,
                        GError                    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = bb_ical_export (store, options, report, error);
  if (text == NULL)
    return FALSE;

  /* Names and e-mail addresses of the invited: private (0600). */
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                  NULL, NULL, error);
}

/* Import: plan items ----------------------------------------------------------------------- */

struct _BbIcalPlanItem
{
  GObject parent_instance;

  BbIcalAction action;
  char *uid;
  char *title;
  char *starts_at;
  char *reason;
  char *recurrence;
  gint64 event_id;
  int stored_sequence;       /* of event_id when planned */
  BbEvent *event;            /* what the file says (no id) */
  GPtrArray *overrides;      /* BbEventOverride without event id */
};

G_DEFINE_FINAL_TYPE (BbIcalPlanItem, bb_ical_plan_item, G_TYPE_OBJECT)

static void
bb_ical_plan_item_finalize (GObject *object)
{
  BbIcalPlanItem *self = (BbIcalPlanItem *) object;

  g_free (self->uid);
  g_free (self->title);
  g_free (self->starts_at);
  g_free (self->reason);
  g_free (self->recurrence);
  g_clear_object (&self->event);
  g_clear_pointer (&self->overrides, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_ical_plan_item_parent_class)->finalize (object);
}

static void
bb_ical_plan_item_class_init (BbIcalPlanItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bb_ical_plan_item_finalize;
}

static void
bb_ical_plan_item_init (BbIcalPlanItem *self)
{
  self->overrides = g_ptr_array_new_with_free_func (g_object_unref);
}

BbIcalAction
bb_ical_plan_item_get_action (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), BB_ICAL_ACTION_SKIP);
  return self->action;
}

const char *
bb_ical_plan_item_get_uid (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), NULL);
  return self->uid;
}

const char *
bb_ical_plan_item_get_title (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), NULL);
  return self->title;
}

const char *
bb_ical_plan_item_get_starts_at (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), NULL);
  return self->starts_at;
}

const char *
bb_ical_plan_item_get_reason (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), NULL);
  return self->reason;
}

const char *
bb_ical_plan_item_get_recurrence (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), NULL);
  return self->recurrence;
}

gint64
bb_ical_plan_item_get_event_id (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), 0);
  return self->event_id;
}

guint
bb_ical_plan_item_get_n_overrides (BbIcalPlanItem *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN_ITEM (self), 0);
  return self->overrides->len;
}

/* Import: the plan ------------------------------------------------------------------------- */

struct _BbIcalPlan
{
  GObject parent_instance;

  BbStore *store;
  GListStore *items;
  BbIcalImportOptions options;
};

G_DEFINE_FINAL_TYPE (BbIcalPlan, bb_ical_plan, G_TYPE_OBJECT)

static void
bb_ical_plan_finalize (GObject *object)
{
  BbIcalPlan *self = (BbIcalPlan *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (bb_ical_plan_parent_class)->finalize (object);
}

static void
bb_ical_plan_class_init (BbIcalPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bb_ical_plan_finalize;
}

static void
bb_ical_plan_init (BbIcalPlan *self)
{
  self->items = g_list_store_new (BB_TYPE_ICAL_PLAN_ITEM);
}

GListModel *
bb_ical_plan_get_items (BbIcalPlan *self)
{
  g_return_val_if_fail (BB_IS_ICAL_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
bb_ical_plan_count (BbIcalPlan   *self,
                    BbIcalAction  action)
{
  guint n = 0;

  g_return_val_if_fail (BB_IS_ICAL_PLAN (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->action == action)
        n++;
    }

  return n;
}

/* Import: reading the lines ---------------------------------------------------------------- */

static gboolean
parse_error (GError    **error,
             guint       line,
             const char *message)
{
  /* Translators: "Line 12: …" in an .ics file that cannot be read */
  g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_PARSE, _("Line %u: %s"), line, message);
  return FALSE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* A DATE or DATE-TIME value (list), as RFC 5545 writes them. */
static gboolean
valid_time_list (const char *value)
{
  g_auto(GStrv) values = g_strsplit (value, ",", -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *v = values[i];
      size_t len = strlen (v);

      if (len != 8 && len != 15 && len != 16)
        return FALSE;
      for (size_t j = 0; j < len; j++)
        if (!(g_ascii_isdigit (v[j]) || (j == 8 && v[j] == 'T') || (j == 15 && v[j] == 'Z')))
          return FALSE;
      if (!g_date_valid_dmy ((v[6] - '0') * 10 + (v[7] - '0'), (v[4] - '0') * 10 + (v[5] - '0'),
                             (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0')))
        return FALSE;
      if (len > 8 && ((v[9] - '0') * 10 + (v[10] - '0') > 23 || (v[11] - '0') * 10 + (v[12] - '0') > 59
                      || (v[13] - '0') * 10 + (v[14] - '0') > 60))
        return FALSE;
    }

  return TRUE;
}

#define MAX_DEPTH 8

/* libical stores INTERVAL and the BY… numbers of an RRULE in a short and COUNT in an int, and
 * wraps what does not fit without a word (INTERVAL=65537 would become 1, every day). Larger
 * numbers than these are refused here, with their line. */
static gboolean
valid_rrule_numbers (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_auto(GStrv) items = NULL;
      gboolean count;
      gint64 max;

      if (eq == NULL)
        continue;
      count = g_ascii_strncasecmp (parts[i], "COUNT=", 6) == 0;
      max = count ? G_MAXINT : g_ascii_strncasecmp (parts[i], "INTERVAL=", 9) == 0 ? G_MAXSHORT : 366;
      if (g_ascii_strncasecmp (parts[i], "UNTIL=", 6) == 0 || g_ascii_strncasecmp (parts[i], "FREQ=", 5) == 0
          || g_ascii_strncasecmp (parts[i], "WKST=", 5) == 0)
        continue;
      items = g_strsplit (eq + 1, ",", -1);
      for (guint j = 0; items[j] != NULL; j++)
        {
          const char *p = items[j];
          gint64 n = 0;

          if (*p == '+' || *p == '-')
            p++;
          for (; g_ascii_isdigit (*p); p++)
            {
              n = n * 10 + (*p - '0');
              if (n > max)
                return FALSE;
            }
        }
    }

  return TRUE;
}

typedef struct
{
  GPtrArray *stack;         /* names of the open components */
  guint n_components;
  gboolean seen_calendar;
} LineCheck;

static gboolean
check_content_line (LineCheck   *check,
                    const char  *line,
                    guint        number,
                    GError     **error)
{
  GPtrArray *stack = check->stack;
  const char *colon, *q;
  g_autofree char *name = NULL;

  for (q = line; is_name_char (*q); q++)
    ;
  if (q == line && stack->len == 0 && !check->seen_calendar)
    return parse_error (error, number, _("The file does not start with BEGIN:VCALENDAR"));
  if (q == line)
    return parse_error (error, number, _("This is no iCalendar content line"));
  name = g_ascii_strup (line, q - line);
  /* parameters: ;NAME=value or "quoted value", several values with commas */
  while (*q == ';')
    {
      const char *pname = ++q;

      while (is_name_char (*q))
        q++;
      if (q == pname || *q != '=')
        return parse_error (error, number, _("A parameter is broken"));
      do
        {
          q++;
          if (*q == '"')
            {
              q = strchr (q + 1, '"');
              if (q == NULL)
                return parse_error (error, number, _("A quotation mark is not closed"));
              q++;
            }
          else
            while (*q != '\0' && *q != ';' && *q != ':' && *q != ',' && *q != '"')
              q++;
        }
      while (*q == ',');
    }
  if (*q != ':')
    {
      if (stack->len == 0 && !check->seen_calendar)
        return parse_error (error, number, _("The file does not start with BEGIN:VCALENDAR"));
      return parse_error (error, number, _("The colon after the property name is missing"));
    }
  colon = q;

  if (g_str_equal (name, "BEGIN"))
    {
      g_autofree char *component = g_ascii_strup (colon + 1, -1);

      if (stack->len == 0 && (check->seen_calendar || !g_str_equal (component, "VCALENDAR")))
        return parse_error (error, number, _("The file does not start with BEGIN:VCALENDAR"));
      check->seen_calendar = TRUE;
      /* VCALENDAR, VTIMEZONE, STANDARD: real files nest three or four deep. Deeper nesting is
       * no calendar, and libical would recurse through it. */
      if (stack->len >= MAX_DEPTH)
        return parse_error (error, number, _("The parts of the file are nested too deeply"));
      if (++check->n_components > BB_ICAL_MAX_COMPONENTS)
        {
          g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_TOO_LARGE,
                       _("The file has more than %d parts"), BB_ICAL_MAX_COMPONENTS);
          return FALSE;
        }
      g_ptr_array_add (stack, g_steal_pointer (&component));
    }
  else if (g_str_equal (name, "END"))
    {
      g_autofree char *component = g_ascii_strup (colon + 1, -1);

      if (stack->len == 0 || !g_str_equal (component, g_ptr_array_index (stack, stack->len - 1)))
        {
          g_autofree char *message = g_strdup_printf (_("END:%s does not match the open part"),
                                                      colon + 1);
          return parse_error (error, number, message);
        }
      g_ptr_array_remove_index (stack, stack->len - 1);
    }
  else if (stack->len == 0)
    {
      if (!check->seen_calendar)
        return parse_error (error, number, _("The file does not start with BEGIN:VCALENDAR"));
      return parse_error (error, number, _("Content after END:VCALENDAR"));
    }
  else if ((g_str_equal (name, "DTSTART") || g_str_equal (name, "DTEND")
            || g_str_equal (name, "RECURRENCE-ID") || g_str_equal (name, "EXDATE"))
           && g_str_equal (g_ptr_array_index (stack, stack->len - 1), "VEVENT")
           && !valid_time_list (colon + 1))
    {
      g_autofree char *message = g_strdup_printf (_("%s has no valid date or time: %s"),
                                                  name, colon + 1);
      return parse_error (error, number, message);
    }
  else if (g_str_equal (name, "RRULE") && !valid_rrule_numbers (colon + 1))
    {
      /* Translators: %s is the repeat rule as the file has it */
      g_autofree char *message = g_strdup_printf (_("The repeat rule has a number out of range: %s"),
                                                  colon + 1);
      return parse_error (error, number, message);
    }

  return TRUE;
}

/* Checks the content lines: names, parameters, nesting, the time values we read, and the
 * limits. Errors name the (physical) line where the content line begins. */
static gboolean
check_lines (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) logical = g_string_new (NULL);
  LineCheck check = { stack, 0, FALSE };
  guint physical = 0, start_line = 0, last_content = 1;
  const char *p = data, *end = data + length;

  if (!g_utf8_validate (data, length, NULL))
    {
      const char *bad;
      guint line = 1;

      g_utf8_validate (data, length, &bad);
      for (const char *q = data; q < bad; q++)
        if (*q == '\n')
          line++;
      return parse_error (error, line, _("The file is not UTF-8 text"));
    }

  while (p <= end)
    {
      const char *eol = p;
      gsize len;

      while (eol < end && *eol != '\n')
        eol++;
      physical++;
      len = (eol - p) - (eol > p && eol[-1] == '\r' ? 1 : 0);
      if (len > 0)
        last_content = physical;

      /* A line starting with a space or tab continues the previous one. */
      if (len > 0 && (*p == ' ' || *p == '\t') && logical->len > 0)
        g_string_append_len (logical, p + 1, len - 1);
      else if (len > 0)
        {
          if (logical->len > 0 && !check_content_line (&check, logical->str, start_line, error))
            return FALSE;
          g_string_truncate (logical, 0);
          g_string_append_len (logical, p, len);
          start_line = physical;
        }

      if (eol >= end)
        break;
      p = eol + 1;
    }

  if (logical->len > 0 && !check_content_line (&check, logical->str, start_line, error))
    return FALSE;
  if (stack->len > 0 || !check.seen_calendar)
    return parse_error (error, last_content, _("The file ends without END:VCALENDAR"));

  return TRUE;
}

/* Outlook on Windows and older programs write the Windows code page rather than UTF-8. A file
 * that is not UTF-8 but plain text (no NUL, no control characters but tab and line ends) and
 * starts as iCalendar does is read as Windows-1252, of which Latin-1's letters are a part: in a
 * German file that is what such bytes are, and anything else would refuse a usable file for its
 * umlauts. Binary data, UTF-16 and the five bytes Windows-1252 leaves undefined stay refused. */
static gboolean
is_windows_text (const char *data,
                 gsize       length)
{
  if (length < 15 || g_ascii_strncasecmp (data, "BEGIN:VCALENDAR", 15) != 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
        return FALSE;
    }

  return TRUE;
}

/* Import: times ---------------------------------------------------------------------------- */

static gboolean
is_berlin (const char *tzid)
{
  const char *windows = bb_timezone_from_windows (tzid);

  return g_str_equal (tzid, BB_TIMEZONE_TZID) || g_str_has_suffix (tzid, "/" BB_TIMEZONE_TZID)
         || g_strcmp0 (windows, BB_TIMEZONE_TZID) == 0
         /* Old Outlook writes the display name */
         || strstr (tzid, "Amsterdam, Berlin") != NULL;
}

static char *
local_from_unix (gint64 unix_time)
{
  int y, m, d, h, min, s;

  bb_timezone_unix_to_local (unix_time, &y, &m, &d, &h, &min, &s);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", y, m, d, h, min);
}

/* A time property of a component as a store time in Berlin, or NULL with an error. */
static char *
read_time (icalcomponent  *vcalendar,
           icalproperty   *property,
           GError        **error)
{
  struct icaltimetype t;
  icalparameter *param;
  const char *tzid = NULL;
  icaltimezone *zone = NULL;

  t = icalvalue_get_datetimedate (icalproperty_get_value (property));
  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    {
      g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_PARSE, _("%s has no valid date or time"),
                   icalproperty_get_property_name (property));
      return NULL;
    }
  if (t.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
  if (icaltime_is_utc (t))
    return local_from_unix (icaltime_as_timet (t));

  param = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  if (param != NULL)
    tzid = icalparameter_get_tzid (param);
  if (tzid == NULL || is_berlin (tzid))
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);

  zone = icalcomponent_get_timezone (vcalendar, tzid);
  if (zone == NULL)
    {
      const char *iana = bb_timezone_from_windows (tzid);

      zone = icaltimezone_get_builtin_timezone (iana != NULL ? iana : tzid);
    }
  if (zone == NULL)
    {
      g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_TIMEZONE,
                   _("Unknown time zone “%s”"), tzid);
      return NULL;
    }

  return local_from_unix (icaltime_as_timet_with_zone (t, zone));
}

static char *
read_time_of (icalcomponent      *vcalendar,
              icalcomponent      *vevent,
              icalproperty_kind   kind,
              GError            **error)
{
  icalproperty *property = icalcomponent_get_first_property (vevent, kind);

  if (property == NULL)
    return NULL;

  return read_time (vcalendar, property, error);
}

static const char *
status_from_ical (icalcomponent *vevent)
{
  icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_STATUS_PROPERTY);

  if (property == NULL)
    return "confirmed";
  switch (icalproperty_get_status (property))
    {
    case ICAL_STATUS_CANCELLED: return "cancelled";
    case ICAL_STATUS_TENTATIVE: return "tentative";
    default: return "confirmed";
    }
}

static const char *
text_of (icalcomponent     *vevent,
         icalproperty_kind  kind)
{
  icalproperty *property = icalcomponent_get_first_property (vevent, kind);
  const char *text;

  if (property == NULL)
    return NULL;
  text = icalvalue_get_text (icalproperty_get_value (property));

  return text != NULL && *text != '\0' ? text : NULL;
}

/* The kind from CATEGORIES: a label (translated or English) or a code of ours. */
static const char *
kind_from_categories (icalcomponent *vevent)
{
  const char * const *codes = bb_codes_list (BB_CODES_EVENT_KIND);

  for (icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_CATEGORIES_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (vevent, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (property);
      g_auto(GStrv) values = g_strsplit (value != NULL ? value : "", ",", -1);

      for (guint i = 0; values[i] != NULL; i++)
        {
          const char *category = g_strstrip (values[i]);

          for (guint j = 0; codes[j] != NULL; j++)
            if (g_ascii_strcasecmp (category, codes[j]) == 0
                || g_utf8_collate (category, bb_codes_label (BB_CODES_EVENT_KIND, codes[j])) == 0)
              return codes[j];
          /* The English labels, whatever the language we run in */
          if (g_ascii_strcasecmp (category, "Jour fixe") == 0)
            return "jour-fixe";
          if (g_ascii_strcasecmp (category, "Workshop") == 0 || g_ascii_strcasecmp (category, "Werkstatt") == 0)
            return "workshop";
        }
    }

  return "other";
}

static char *
email_of (icalproperty *property)
{
  const char *address = icalproperty_get_value_as_string (property);

  if (address == NULL)
    return NULL;
  if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
    address += 7;

  return strchr (address, '@') != NULL ? g_strdup (address) : NULL;
}

/* Import: building the plan ---------------------------------------------------------------- */

/* The title as the plan shows it, in the dialog or on a terminal (--import-ics): control
 * characters, which the file may hold and the event would be skipped for, as U+FFFD, so that
 * no escape sequence reaches a terminal. */
static char *
printable (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static BbIcalPlanItem *
item_new (BbIcalAction  action,
          const char   *uid,
          const char   *title,
          const char   *reason)
{
  BbIcalPlanItem *item = g_object_new (BB_TYPE_ICAL_PLAN_ITEM, NULL);

  item->action = action;
  item->uid = g_strdup (uid);
  item->title = printable (title != NULL ? title : _("Untitled event"));
  item->reason = g_strdup (reason);

  return item;
}

/* What the file says must keep the rule of free text (bb-validate.h), as what people type:
 * a text that breaks it is neither cut nor cleaned but its event is skipped, with the field and
 * the reason. NULL if every text of record keeps the rule. */
static char *
describe_bad_text (BbRecord *record)
{
  static const struct
  {
    const char *property;
    const char *label;
  } fields[] = {
    { "uid",         "UID" },
    { "title",       N_("Title") },
    { "location",    N_("Location") },
    { "online-url",  N_("Online link") },
    { "description", N_("Agenda") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), fields[i].property) == NULL)
        continue;
      g_object_get (record, fields[i].property, &text, NULL);
      if (!bb_validate_column (fields[i].property, text, &error))
        /* Translators: a field of an event and why its text is refused */
        return g_strdup_printf (_("%s: %s"), _(fields[i].label), error->message);
    }

  return NULL;
}

/* libical removes a property whose value it cannot read (RRULE:FREQ=DAILY;COUNT=0, DURATION:PX)
 * and leaves an X-LIC-ERROR in its place. Without its rule a series would come in as a single
 * event: such an event is skipped, with the property and its value. NULL if none was removed. */
static char *
dropped_property (icalcomponent *vevent)
{
  for (icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_XLICERROR_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (vevent, ICAL_XLICERROR_PROPERTY))
    {
      const char *message = icalproperty_get_xlicerror (property);
      const char *in, *removed;
      g_autofree char *name = NULL;

      /* "Can't parse as RECUR value in RRULE property. Removing entire property: <value>" */
      if (message == NULL || (in = strstr (message, " in ")) == NULL
          || (removed = strstr (message, "Removing entire property: ")) == NULL)
        continue;
      in += strlen (" in ");
      name = g_strndup (in, strcspn (in, " "));
      if (!g_str_equal (name, "RRULE") && !g_str_equal (name, "DURATION") && !g_str_equal (name, "EXDATE")
          && !g_str_equal (name, "RDATE"))
        continue;
      /* Translators: a property of the file (RRULE, DURATION) and its value, which cannot be read */
      return g_strdup_printf (_("%s cannot be read: %s"), name, removed + strlen ("Removing entire property: "));
    }

  return NULL;
}

/* The calendar's years: what the editors accept. A date far outside (year 9999, or a DURATION
 * of centuries) is a broken file rather than a meeting. */
#define MIN_YEAR 1900
#define MAX_YEAR 2200

static gboolean
within_years (const char *store_time)
{
  int year = atoi (store_time);

  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/* Reads one VEVENT without RECURRENCE-ID into item->event; FALSE with a reason to skip, or
 * FALSE with error for a broken file. */
static gboolean
read_master (BbIcalPlan     *self,
             icalcomponent  *vcalendar,
             icalcomponent  *vevent,
             gboolean        method_cancel,
             BbIcalPlanItem *item,
             GError        **error)
{
  g_autoptr(BbEvent) event = bb_event_new ();
  g_autoptr(GString) exdates = g_string_new (NULL);
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autofree char *dropped = NULL;
  icalproperty *property;
  gboolean all_day;

  dropped = dropped_property (vevent);
  if (dropped != NULL)
    {
      item->reason = g_steal_pointer (&dropped);
      return TRUE;
    }
  starts_at = read_time_of (vcalendar, vevent, ICAL_DTSTART_PROPERTY, error);
  if (starts_at == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      item->reason = g_strdup (_("The event has no start"));
      return TRUE;
    }
  all_day = strlen (starts_at) == 10;
  item->starts_at = g_strdup (starts_at);
  ends_at = read_time_of (vcalendar, vevent, ICAL_DTEND_PROPERTY, error);
  if (ends_at == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (ends_at == NULL)
    {
      property = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY);
      if (property != NULL)
        {
          struct icaldurationtype duration = icalproperty_get_duration (property);
          /* Not icaldurationtype_as_int(): its int overflows for P9999999W. */
          gint64 seconds = (((gint64) duration.weeks * 7 + duration.days) * 86400
                            + (gint64) duration.hours * 3600 + (gint64) duration.minutes * 60
                            + duration.seconds) * (duration.is_neg ? -1 : 1);

          ends_at = bb_recurrence_time_add (starts_at, all_day ? seconds / 86400 : seconds / 60);
        }
      else
        ends_at = bb_recurrence_time_add (starts_at, all_day ? 1 : 0);
    }
  if (!within_years (starts_at) || ends_at == NULL || !within_years (ends_at))
    {
      item->reason = g_strdup_printf (_("The event lies outside the years %d to %d"),
                                      MIN_YEAR, MAX_YEAR);
      return TRUE;
    }
  if ((strlen (ends_at) == 10) != all_day)
    {
      item->reason = g_strdup (_("Start and end are of different kinds (date and time)"));
      return TRUE;
    }
  if (strcmp (ends_at, starts_at) < 0)
    {
      item->reason = g_strdup (_("The event ends before it starts"));
      return TRUE;
    }

  bb_event_set_uid (event, item->uid);
  /* The file's own text: item->title is only for showing, with control characters replaced. */
  bb_event_set_title (event, text_of (vevent, ICAL_SUMMARY_PROPERTY) != NULL
                             ? text_of (vevent, ICAL_SUMMARY_PROPERTY) : item->title);
  bb_event_set_starts_at (event, starts_at);
  bb_event_set_ends_at (event, ends_at);
  bb_event_set_all_day (event, all_day);
  bb_event_set_location (event, text_of (vevent, ICAL_LOCATION_PROPERTY));
  bb_event_set_description (event, text_of (vevent, ICAL_DESCRIPTION_PROPERTY));
  property = icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY);
  if (property != NULL)
    bb_event_set_online_url (event, icalproperty_get_url (property));
  bb_event_set_status (event, method_cancel ? "cancelled" : status_from_ical (vevent));
  bb_event_set_kind (event, kind_from_categories (vevent));
  property = icalcomponent_get_first_property (vevent, ICAL_SEQUENCE_PROPERTY);
  bb_event_set_sequence (event, property != NULL ? MAX (icalproperty_get_sequence (property), 0) : 0);
  bb_event_set_region_id (event, self->options.region_id);
  property = icalcomponent_get_first_property (vevent, ICAL_ORGANIZER_PROPERTY);
  if (property != NULL)
    {
      g_autofree char *email = email_of (property);

      bb_event_set_organiser_id (event, bb_store_find_person_by_email (self->store, email));
    }

  if (icalcomponent_count_properties (vevent, ICAL_RDATE_PROPERTY) > 0)
    {
      item->reason = g_strdup (_("Extra dates (RDATE) are not supported"));
      return TRUE;
    }
  if (icalcomponent_count_properties (vevent, ICAL_RRULE_PROPERTY) > 1)
    {
      item->reason = g_strdup (_("Several repeat rules are not supported"));
      return TRUE;
    }
  property = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY);
  if (property != NULL)
    {
      const char *value = icalproperty_get_value_as_string (property);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *rrule = NULL;
      BbRecurrenceRule rule;

      if (!bb_recurrence_rule_parse (&rule, value, starts_at, &local_error))
        {
          item->reason = g_strdup (local_error->message);
          return TRUE;
        }
      rrule = bb_recurrence_rule_to_rrule (&rule, starts_at);
      bb_event_set_rrule (event, rrule);
      item->recurrence = bb_recurrence_rule_describe (&rule);

      for (property = icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY);
           property != NULL;
           property = icalcomponent_get_next_property (vevent, ICAL_EXDATE_PROPERTY))
        {
          g_autofree char *exdate = read_time (vcalendar, property, error);

          if (exdate == NULL)
            return FALSE;
          if ((strlen (exdate) == 10) != all_day)
            continue;
          if (exdates->len > 0)
            g_string_append_c (exdates, ',');
          g_string_append (exdates, exdate);
        }
      if (exdates->len > 0)
        bb_event_set_exdates (event, exdates->str);
    }

  item->reason = describe_bad_text (BB_RECORD (event));
  if (item->reason != NULL)
    return TRUE;

  item->event = g_steal_pointer (&event);

  return TRUE;
}

/* A changed occurrence; NULL with error if broken, NULL without if to be left out. */
static BbEventOverride *
read_override (icalcomponent  *vcalendar,
               icalcomponent  *vevent,
               BbIcalPlanItem *item,
               GError        **error)
{
  g_autoptr(BbEventOverride) override = bb_event_override_new ();
  g_autofree char *recurrence_id = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  const char *title, *location;
  GDate a, b;
  int ha, ma, hb, mb;

  recurrence_id = read_time_of (vcalendar, vevent, ICAL_RECURRENCEID_PROPERTY, error);
  if (recurrence_id == NULL || !bb_recurrence_is_occurrence (item->event, recurrence_id))
    return NULL;
  /* The same occurrence changed twice in one file (also in two time zones): the first counts. */
  for (guint i = 0; i < item->overrides->len; i++)
    if (g_str_equal (bb_event_override_get_recurrence_id (g_ptr_array_index (item->overrides, i)),
                     recurrence_id))
      return NULL;
  starts_at = read_time_of (vcalendar, vevent, ICAL_DTSTART_PROPERTY, error);
  if (starts_at == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      starts_at = g_strdup (recurrence_id);
    }
  ends_at = read_time_of (vcalendar, vevent, ICAL_DTEND_PROPERTY, error);
  if (ends_at == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      /* The series' duration */
      bb_recurrence_parse_time (bb_event_get_starts_at (item->event), &a, &ha, &ma);
      bb_recurrence_parse_time (bb_event_get_ends_at (item->event), &b, &hb, &mb);
      ends_at = bb_recurrence_time_add (starts_at, ha < 0 ? g_date_days_between (&a, &b)
                                        : (gint64) g_date_days_between (&a, &b) * 1440 + (hb * 60 + mb) - (ha * 60 + ma));
    }
  if (ends_at == NULL || !within_years (starts_at) || !within_years (ends_at)
      || strcmp (ends_at, starts_at) < 0 || (strlen (starts_at) == 10) != (strlen (ends_at) == 10))
    return NULL;

  bb_event_override_set_recurrence_id (override, recurrence_id);
  bb_event_override_set_starts_at (override, starts_at);
  bb_event_override_set_ends_at (override, ends_at);
  title = text_of (vevent, ICAL_SUMMARY_PROPERTY);
  if (g_strcmp0 (title, bb_event_get_title (item->event)) != 0)
    bb_event_override_set_title (override, title);
  location = text_of (vevent, ICAL_LOCATION_PROPERTY);
  if (g_strcmp0 (location, bb_event_get_location (item->event)) != 0)
    bb_event_override_set_location (override, location);
  bb_event_override_set_status (override, status_from_ical (vevent));

  return g_steal_pointer (&override);
}

static void
decide (BbIcalPlan     *self,
        BbIcalPlanItem *item)
{
  g_autoptr(BbEvent) stored = bb_store_get_event_by_uid (self->store, item->uid, NULL);
  int sequence = bb_event_get_sequence (item->event);

  if (stored == NULL)
    {
      item->action = BB_ICAL_ACTION_ADD;
      item->reason = g_strdup (_("New event"));
      return;
    }

  item->event_id = bb_record_get_id (BB_RECORD (stored));
  item->stored_sequence = bb_event_get_sequence (stored);
  if (sequence > item->stored_sequence)
    {
      item->action = BB_ICAL_ACTION_UPDATE;
      /* Translators: the version numbers (SEQUENCE) of the file's event and of ours */
      item->reason = g_strdup_printf (_("Newer version (%d, here %d)"), sequence, item->stored_sequence);
    }
  else
    {
      item->action = BB_ICAL_ACTION_SKIP;
      if (sequence == item->stored_sequence)
        item->reason = g_strdup (_("Already up to date"));
      else
        item->reason = g_strdup_printf (_("Older version (%d, here %d)"), sequence, item->stored_sequence);
    }
}

static gboolean
build_plan (BbIcalPlan    *self,
            const char    *data,
            gsize          length,
            GError       **error)
{
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *converted = NULL;
  g_autofree char *text = NULL;
  icalcomponent *vcalendar;
  icalproperty *method;
  gboolean method_cancel = FALSE;
  guint n_events = 0;

  if (length > BB_ICAL_MAX_FILE_SIZE)
    {
      g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB"), BB_ICAL_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  /* A byte order mark, as Windows programs write one, is no part of the first line. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate (data, length, NULL) && is_windows_text (data, length))
    {
      gsize converted_length;

      converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &converted_length, NULL);
      if (converted != NULL)
        {
          g_debug ("Read as Windows-1252: %" G_GSIZE_FORMAT " bytes", length);
          data = converted;
          length = converted_length;
        }
    }
  if (!check_lines (data, length, error))
    return FALSE;

  text = g_strndup (data, length);
  root = icalparser_parse_string (text);
  if (root == NULL)
    return parse_error (error, 1, _("This is no iCalendar file"));
  vcalendar = icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT
              ? root : icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  if (vcalendar == NULL)
    return parse_error (error, 1, _("This is no iCalendar file"));

  method = icalcomponent_get_first_property (vcalendar, ICAL_METHOD_PROPERTY);
  method_cancel = method != NULL && icalproperty_get_method (method) == ICAL_METHOD_CANCEL;

  /* Series and single events first, then their changed occurrences (any order in a file). */
  for (int pass = 0; pass < 2; pass++)
    for (icalcomponent *vevent = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT);
         vevent != NULL;
         vevent = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
      {
        gboolean is_override = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY) != NULL;
        icalproperty *uid_property = icalcomponent_get_first_property (vevent, ICAL_UID_PROPERTY);
        /* Without white space at the ends: libical keeps a leading space an escape such as
         * "\u" turns into, but drops it when it reads our export, and the UID would change. */
        g_autofree char *uid = uid_property != NULL && icalproperty_get_uid (uid_property) != NULL
                               ? g_strstrip (g_strdup (icalproperty_get_uid (uid_property))) : NULL;
        const char *title = text_of (vevent, ICAL_SUMMARY_PROPERTY);
        BbIcalPlanItem *item;

        if (pass == 0)
          n_events++;
        if (is_override != (pass == 1))
          continue;

        if (uid == NULL || *uid == '\0')
          {
            g_ptr_array_add (items, item_new (BB_ICAL_ACTION_SKIP, "", title, _("The event has no UID")));
            continue;
          }

        item = g_hash_table_lookup (by_uid, uid);
        if (pass == 0)
          {
            g_autoptr(BbIcalPlanItem) new_item = NULL;

            if (item != NULL)
              {
                g_ptr_array_add (items, item_new (BB_ICAL_ACTION_SKIP, uid, title,
                                                  _("The file has this event twice")));
                continue;
              }
            new_item = item_new (BB_ICAL_ACTION_SKIP, uid, title, NULL);
            if (!read_master (self, vcalendar, vevent, method_cancel, new_item, error))
              return FALSE;
            if (new_item->event != NULL)
              decide (self, new_item);
            g_hash_table_insert (by_uid, new_item->uid, new_item);
            g_ptr_array_add (items, g_steal_pointer (&new_item));
          }
        else
          {
            BbEventOverride *override;

            if (item == NULL)
              {
                g_ptr_array_add (items, item_new (BB_ICAL_ACTION_SKIP, uid, title,
                                                  _("A changed occurrence of a series that is not in the file")));
                continue;
              }
            if (item->event == NULL || bb_event_get_rrule (item->event) == NULL)
              continue;
            override = read_override (vcalendar, vevent, item, error);
            if (override == NULL && error != NULL && *error != NULL)
              return FALSE;
            if (override != NULL && item->action != BB_ICAL_ACTION_SKIP)
              {
                g_autofree char *bad = describe_bad_text (BB_RECORD (override));

                if (bad != NULL)
                  {
                    /* The series is not imported without its changed meeting. */
                    item->action = BB_ICAL_ACTION_SKIP;
                    g_free (item->reason);
                    /* Translators: %s says which text of a changed meeting is refused */
                    item->reason = g_strdup_printf (_("A changed meeting: %s"), bad);
                  }
              }
            if (override != NULL)
              g_ptr_array_add (item->overrides, override);
          }
      }

  if (n_events == 0)
    {
      g_set_error_literal (error, BB_ICAL_ERROR, BB_ICAL_ERROR_EMPTY, _("The file contains no events"));
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    g_list_store_append (self->items, g_ptr_array_index (items, i));

  return TRUE;
}

BbIcalPlan *
bb_ical_plan_new_for_data (BbStore                    *store,
                           const char                 *data,
                           gsize                       length,
                           const BbIcalImportOptions  *options,
                           GError                    **error)
{
  g_autoptr(BbIcalPlan) self = NULL;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (BB_TYPE_ICAL_PLAN, NULL);
  self->store = g_object_ref (store);
  if (options != NULL)
    self->options = *options;

  if (!build_plan (self, data != NULL ? data : "", length, error))
    return NULL;

  return g_steal_pointer (&self);
}

BbIcalPlan *
bb_ical_plan_new_for_file (BbStore                    *store,
                           GFile                      *file,
                           const BbIcalImportOptions  *options,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > BB_ICAL_MAX_FILE_SIZE)
    {
      g_set_error (error, BB_ICAL_ERROR, BB_ICAL_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB"), BB_ICAL_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return bb_ical_plan_new_for_data (store, data, length, options, error);
}

static gboolean
insert_overrides (BbStore         *store,
                  BbIcalPlanItem  *item,
                  gint64           event_id,
                  GError         **error)
{
  for (guint i = 0; i < item->overrides->len; i++)
    {
      BbEventOverride *override = g_ptr_array_index (item->overrides, i);

      bb_record_set_id (BB_RECORD (override), 0);
      bb_event_override_set_event_id (override, event_id);
      if (!bb_store_insert (store, BB_RECORD (override), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_item (BbIcalPlan      *self,
            BbIcalPlanItem  *item,
            GError         **error)
{
  g_autoptr(BbEvent) stored = bb_store_get_event_by_uid (self->store, item->uid, error);

  if (stored == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (item->action == BB_ICAL_ACTION_ADD)
    {
      g_autoptr(BbEvent) event = NULL;

      if (stored != NULL)
        {
          g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONFLICT,
                       _("“%s” was added in the meantime; check the file again"), item->title);
          return FALSE;
        }
      event = g_object_ref (item->event);
      bb_record_set_id (BB_RECORD (event), 0);
      if (!bb_store_insert (self->store, BB_RECORD (event), error))
        return FALSE;
      return insert_overrides (self->store, item, bb_record_get_id (BB_RECORD (event)), error);
    }
  else
    {
      g_autoptr(GPtrArray) old_overrides = NULL;

      if (stored == NULL || bb_record_get_id (BB_RECORD (stored)) != item->event_id
          || bb_event_get_sequence (stored) != item->stored_sequence)
        {
          g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONFLICT,
                       _("“%s” was changed in the meantime; check the file again"), item->title);
          return FALSE;
        }

      bb_event_set_title (stored, bb_event_get_title (item->event));
      bb_event_set_kind (stored, bb_event_get_kind (item->event));
      bb_event_set_starts_at (stored, bb_event_get_starts_at (item->event));
      bb_event_set_ends_at (stored, bb_event_get_ends_at (item->event));
      bb_event_set_all_day (stored, bb_event_get_all_day (item->event));
      bb_event_set_location (stored, bb_event_get_location (item->event));
      bb_event_set_online_url (stored, bb_event_get_online_url (item->event));
      bb_event_set_description (stored, bb_event_get_description (item->event));
      bb_event_set_status (stored, bb_event_get_status (item->event));
      bb_event_set_rrule (stored, bb_event_get_rrule (item->event));
      bb_event_set_exdates (stored, bb_event_get_exdates (item->event));
      bb_event_set_sequence (stored, bb_event_get_sequence (item->event));
      if (!bb_store_update (self->store, BB_RECORD (stored), error))
        return FALSE;

      old_overrides = bb_store_get_event_overrides (self->store, item->event_id, error);
      if (old_overrides == NULL)
        return FALSE;
      for (guint i = 0; i < old_overrides->len; i++)
        if (!bb_store_delete (self->store, BB_TYPE_EVENT_OVERRIDE,
                              bb_record_get_id (g_ptr_array_index (old_overrides, i)), error))
          return FALSE;

      return insert_overrides (self->store, item, item->event_id, error);
    }
}

gboolean
bb_ical_plan_apply (BbIcalPlan  *self,
                    GError     **error)
{
  GListModel *items;

  g_return_val_if_fail (BB_IS_ICAL_PLAN (self), FALSE);

  items = G_LIST_MODEL (self->items);
  if (!bb_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BbIcalPlanItem) item = g_list_model_get_item (items, i);

      if (item->action == BB_ICAL_ACTION_SKIP)
        continue;
      if (!apply_item (self, item, error))
        {
          bb_store_rollback (self->store);
          return FALSE;
        }
    }

  return bb_store_commit (self->store, error);
}
