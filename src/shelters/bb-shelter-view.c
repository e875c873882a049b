/* bb-shelter-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-shelter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-browser.h"
#include "bb-consultation-editor.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-shelter-editor.h"
#include "bb-shelter-view-private.h"
#include "bb-store-shelters.h"
#include "bb-view-shortcuts.h"
#include "bb-window.h"

/* A shelter's detail lists this many consultations; the Beratungen view has them all. */
#define MAX_CONSULTATIONS 20

/* The sorts in the order of the sort menu, with their GSettings names. */
static const char * const sort_names[] = { "name", "district", "residents", "last-consultation" };

struct _BbShelterView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkListView *list_view;
  BbDetailPage *detail;
  AdwStatusPage *empty_page;
  GtkSearchEntry *search_entry;
  GtkDropDown *region_dropdown;
  GtkDropDown *district_dropdown;
  GtkDropDown *kind_dropdown;
  GtkDropDown *status_dropdown;
  GtkDropDown *sort_dropdown;
  GtkToggleButton *no_contact_button;

  BbBrowser *browser;
  GSettings *settings;
  GSimpleActionGroup *actions;
  GArray *region_ids;        /* gint64 per row of region_dropdown; 0 for all */
  GArray *district_ids;
  gboolean loading_filters;
  GBytes *undo;              /* reverts the last deletion */
  char *undo_name;
};

G_DEFINE_FINAL_TYPE (BbShelterView, bb_shelter_view, ADW_TYPE_BIN)

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

static char *
dup_occupancy (BbShelter *shelter)
{
  int residents = bb_shelter_get_residents (shelter);
  int capacity = bb_shelter_get_capacity (shelter);

  if (residents >= 0 && capacity >= 0)
    /* Translators: residents of a shelter / its places, e.g. "1.234/1.500 residents"; the
     * number of places chooses the plural form. %'d: digits grouped as the locale does. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d/%'d resident", "%'d/%'d residents",
                                         capacity), residents, capacity);
  if (residents >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d resident", "%'d residents",
                                         residents), residents);
  if (capacity >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d place", "%'d places", capacity),
                            capacity);

  return NULL;
}

static char *
dup_last_contact (BbStore *store,
                  gint64   shelter_id)
{
  g_autofree char *last = bb_store_dup_last_consultation (store, shelter_id);
  g_autofree char *ago = NULL;

  if (last == NULL)
    return g_strdup (_("never consulted"));

  ago = bb_format_days_ago (last);
  /* Translators: %s is e.g. "5 days ago" */
  return g_strdup_printf (_("consulted %s"), ago);
}

static void
shelter_row (BbRecord  *record,
             BbStore   *store,
             char     **title,
             char     **subtitle,
             gpointer   user_data)
{
  BbShelter *shelter = BB_SHELTER (record);
  g_autofree char *district = bb_store_dup_label (store, BB_TYPE_DISTRICT,
                                                  bb_shelter_get_district_id (shelter));
  g_autofree char *operator_name = bb_store_dup_label (store, BB_TYPE_ORGANISATION,
                                                       bb_shelter_get_operator_id (shelter));
  g_autofree char *occupancy = dup_occupancy (shelter);
  g_autofree char *contact = dup_last_contact (store, bb_record_get_id (record));
  const char *status = bb_shelter_get_status (shelter);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Two lines: what and where it is; who runs it, how full it is and when we last spoke. */
  first = BB_FORMAT_JOIN (" · ",
                          g_strcmp0 (status, "open") != 0
                          ? bb_codes_label (BB_CODES_SHELTER_STATUS, status) : NULL,
                          bb_codes_label (BB_CODES_SHELTER_TYPE, bb_shelter_get_kind (shelter)),
                          district);
  second = BB_FORMAT_JOIN (" · ", occupancy, contact, operator_name);
  *title = g_strdup (bb_shelter_get_name (shelter));
  *subtitle = BB_FORMAT_JOIN ("\n", first, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  BbConsultation *ca = *(BbConsultation **)a;
  BbConsultation *cb = *(BbConsultation **)b;

  return -g_strcmp0 (bb_consultation_get_started_at (ca), bb_consultation_get_started_at (cb));
}

/* The consultations of the shelter, newest first. */
static GPtrArray *
list_consultations (BbStore *store,
                    gint64   shelter_id)
{
  g_autoptr(GListModel) model = bb_store_list_related (store, BB_TYPE_CONSULTATION,
                                                       "shelter-id", shelter_id);
  GPtrArray *consultations = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      BbConsultation *consultation = g_list_model_get_item (model, i);

      if (consultation != NULL)
        g_ptr_array_add (consultations, consultation);
    }
  g_ptr_array_sort (consultations, compare_newest_first);

  return consultations;
}

static void
render_people (BbShelter    *shelter,
               BbStore      *store,
               BbDetailPage *page)
{
  g_autoptr(GListModel) roles = NULL;
  guint n;

  roles = bb_store_list_related (store, BB_TYPE_PERSON_SHELTER, "shelter-id",
                                 bb_record_get_id (BB_RECORD (shelter)));
  n = g_list_model_get_n_items (roles);

  bb_detail_page_add_group (page, _("People"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbPersonShelter) role = g_list_model_get_item (roles, i);
      gint64 person_id = bb_person_shelter_get_person_id (role);
      g_autofree char *name = bb_store_dup_label (store, BB_TYPE_PERSON, person_id);
      g_autofree char *until = bb_format_date (bb_person_shelter_get_until (role));
      g_autofree char *until_text = until ? g_strdup_printf (_("until %s"), until) : NULL;
      const char *role_label = bb_codes_label (BB_CODES_ROLE, bb_person_shelter_get_role (role));
      g_autofree char *subtitle = BB_FORMAT_JOIN (" · ", role_label, until_text);

      bb_detail_page_add_link (page, name, subtitle, BB_TYPE_PERSON, person_id);
    }
}

static void
render_consultations (GPtrArray    *consultations,
                      BbDetailPage *page)
{
  bb_detail_page_add_group (page, _("Consultations"));
  for (guint i = 0; i < consultations->len && i < MAX_CONSULTATIONS; i++)
    {
      BbConsultation *consultation = g_ptr_array_index (consultations, i);
      g_autofree char *when = bb_format_date_time (bb_consultation_get_started_at (consultation));
      g_autofree char *title = NULL;
      g_autofree char *notes = bb_format_first_line (bb_consultation_get_notes (consultation), 80);

      title = BB_FORMAT_JOIN (" · ", when,
                              bb_codes_label (BB_CODES_CONSULTATION_FORMAT,
                                              bb_consultation_get_format (consultation)));
      bb_detail_page_add_link (page, title, notes, BB_TYPE_CONSULTATION,
                               bb_record_get_id (BB_RECORD (consultation)));
    }

  if (consultations->len > MAX_CONSULTATIONS)
    {
      guint more = consultations->len - MAX_CONSULTATIONS;
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u earlier consultation in Consultations",
                                           "%u earlier consultations in Consultations", more),
                              more);
      bb_detail_page_add_more (page, text, NULL);
    }
}

static void
render_invitations (BbStore      *store,
                    gint64        shelter_id,
                    BbDetailPage *page)
{
  g_autoptr(GPtrArray) invitations = NULL;
  g_autoptr(GError) error = NULL;

  invitations = bb_store_list_shelter_invitations (store, shelter_id, &error);
  if (invitations == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  bb_detail_page_add_group (page, _("Invited to"));
  for (guint i = 0; i < invitations->len; i++)
    {
      BbShelterInvitation *invitation = g_ptr_array_index (invitations, i);
      g_autofree char *when = bb_format_date (invitation->starts_at);
      g_autofree char *came = NULL;
      g_autofree char *subtitle = NULL;

      if (invitation->n_attended > 0)
        came = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person of the shelter came",
                                             "%u people of the shelter came",
                                             invitation->n_attended),
                                invitation->n_attended);
      else
        came = g_strdup (_("nobody of the shelter came"));
      subtitle = BB_FORMAT_JOIN (" · ", when, came);
      bb_detail_page_add_link (page, invitation->title, subtitle, BB_TYPE_EVENT,
                               invitation->event_id);
    }
}

static void
add_detail_actions (AdwPreferencesGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), bb_detail_page_new_action_button ("document-edit-symbolic",
                                                                   _("Edit (Ctrl+E)"),
                                                                   "shelter-view.edit"));
  gtk_box_append (GTK_BOX (box), bb_detail_page_new_action_button ("system-shutdown-symbolic",
                                                                   _("Close Shelter…"),
                                                                   "shelter-view.close"));
  gtk_box_append (GTK_BOX (box), bb_detail_page_new_action_button ("user-trash-symbolic",
                                                                   _("Delete…"),
                                                                   "shelter-view.delete"));
  adw_preferences_group_set_header_suffix (group, box);
}

static void
render_shelter (BbRecord     *record,
                BbStore      *store,
                BbDetailPage *page,
                gboolean      refresh,
                gpointer      user_data)
{
  BbShelter *shelter = BB_SHELTER (record);
  gint64 district_id = bb_shelter_get_district_id (shelter);
  gint64 operator_id = bb_shelter_get_operator_id (shelter);
  g_autoptr(BbDistrict) district = NULL;
  g_autoptr(GPtrArray) consultations = NULL;
  g_autofree char *region = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *occupancy = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *last = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind = bb_codes_label (BB_CODES_SHELTER_TYPE, bb_shelter_get_kind (shelter));
  AdwPreferencesGroup *actions;

  district = bb_store_get (store, BB_TYPE_DISTRICT, district_id, NULL);
  if (district != NULL)
    region = bb_store_dup_label (store, BB_TYPE_REGION, bb_district_get_region_id (district));
  operator_name = bb_store_dup_label (store, BB_TYPE_ORGANISATION, operator_id);
  consultations = list_consultations (store, bb_record_get_id (record));

  subtitle = BB_FORMAT_JOIN (" · ", kind, district ? bb_district_get_name (district) : NULL);
  bb_detail_page_begin (page, bb_shelter_get_name (shelter), subtitle, refresh);

  actions = bb_detail_page_add_group (page, NULL);
  add_detail_actions (actions);
  /* Beratungen: a new consultation with this shelter filled in. */
  bb_consultation_editor_add_start_button (actions, bb_record_get_id (record), 0);
  bb_detail_page_add_field (page, _("Type"), kind);
  bb_detail_page_add_field (page, _("Status"),
                            bb_codes_label (BB_CODES_SHELTER_STATUS,
                                            bb_shelter_get_status (shelter)));
  bb_detail_page_add_link (page, operator_name, _("Operator"), BB_TYPE_ORGANISATION, operator_id);
  occupancy = dup_occupancy (shelter);
  bb_detail_page_add_field (page, _("Occupancy"), occupancy);
  opened = bb_format_date (bb_shelter_get_opened_on (shelter));
  bb_detail_page_add_field (page, _("Opened"), opened);
  closed = bb_format_date (bb_shelter_get_closed_on (shelter));
  bb_detail_page_add_field (page, _("Closed"), closed);
  if (consultations->len > 0)
    {
      BbConsultation *newest = g_ptr_array_index (consultations, 0);
      const char *started_at = bb_consultation_get_started_at (newest);
      g_autofree char *date = bb_format_date (started_at);
      g_autofree char *ago = bb_format_days_ago (started_at);

      /* Translators: a date and how long ago it was, e.g. "12.11.2026 (13 days ago)" */
      last = g_strdup_printf (_("%s (%s)"), date, ago);
    }
  else
    last = g_strdup (_("never"));
  bb_detail_page_add_field (page, _("Last consultation"), last);

  bb_detail_page_add_group (page, _("Address and Contact"));
  bb_detail_page_add_contact (page, _("Street"), bb_shelter_get_street (shelter));
  bb_detail_page_add_contact (page, _("Postcode"), bb_shelter_get_postcode (shelter));
  bb_detail_page_add_field (page, _("District"),
                            district ? bb_district_get_name (district) : NULL);
  bb_detail_page_add_field (page, _("Region"), region);
  bb_detail_page_add_contact (page, _("Phone"), bb_shelter_get_phone (shelter));
  bb_detail_page_add_contact (page, _("E-mail"), bb_shelter_get_email (shelter));

  bb_detail_page_add_group (page, _("Notes"));
  bb_detail_page_add_text (page, bb_shelter_get_notes (shelter));

  render_people (shelter, store, page);
  render_consultations (consultations, page);
  render_invitations (store, bb_record_get_id (record), page);
}

static void
on_browser_show_record (BbShelterView *self,
                        GType          type,
                        gint64         id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

/* Filters --------------------------------------------------------------------------------- */

static GtkStringList *
code_labels (BbCodeSet   set,
             const char *all_label)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  const char * const *codes = bb_codes_list (set);

  gtk_string_list_append (labels, all_label);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, bb_codes_label (set, codes[i]));

  return labels;
}

static void
fill_record_dropdown (GtkDropDown *dropdown,
                      BbStore     *store,
                      GType        type,
                      const char  *all_label,
                      GArray      *ids)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (labels, all_label);
  g_array_append_val (ids, none);

  if (store != NULL)
    {
      g_autoptr(GListModel) records = bb_store_list (store, type);
      guint n = g_list_model_get_n_items (records);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BbRecord) record = g_list_model_get_item (records, i);
          g_autofree char *label = bb_record_dup_label (record);
          gint64 id = bb_record_get_id (record);

          gtk_string_list_append (labels, label ? label : "");
          g_array_append_val (ids, id);
        }
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
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

static guint
code_position (BbCodeSet   set,
               const char *code)
{
  int index = bb_codes_index (set, code);

  return index >= 0 ? (guint) index + 1 : 0;
}

static const char *
code_at (BbCodeSet set,
         guint     position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > bb_codes_count (set))
    return NULL;

  return bb_codes_list (set)[position - 1];
}

static gint64
id_at (GArray *ids,
       guint   position)
{
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static void
update_empty_page (BbShelterView *self)
{
  BbStore *store = bb_browser_get_store (self->browser);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (store == NULL || bb_store_count (store, BB_TYPE_SHELTER) == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "go-home-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Shelters Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the shelters of your region with the + button "
                                         "or Ctrl+N."));
    }
  else if (gtk_toggle_button_get_active (self->no_contact_button) && text[0] == '\0')
    {
      g_autofree char *description = NULL;
      int weeks = g_settings_get_int (self->settings, "no-contact-weeks");

      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("Everyone Was Consulted Recently"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Every open shelter of your region had a consultation in the last %d week.",
                                                  "Every open shelter of your region had a consultation in the last %d weeks.",
                                                  weeks),
                                     weeks);
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Shelters"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words or show all shelters in the filter "
                                         "menu."));
    }
}

/* What the list shows now. "No Recent Contact" is the list a coordinator works through: the
 * open and planned shelters of the default region, longest without consultation first. */
static BbShelterQuery *
build_query (BbShelterView *self)
{
  BbShelterQuery *query = bb_shelter_query_new ();

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (gtk_toggle_button_get_active (self->no_contact_button))
    {
      query->region_id = g_settings_get_int64 (self->settings, "default-region");
      query->no_contact_weeks = MAX (1, g_settings_get_int (self->settings, "no-contact-weeks"));
      query->sort = BB_SHELTER_SORT_LAST_CONSULTATION;
      return query;
    }

  query->region_id = id_at (self->region_ids, gtk_drop_down_get_selected (self->region_dropdown));
  query->district_id = id_at (self->district_ids,
                              gtk_drop_down_get_selected (self->district_dropdown));
  query->kind = g_strdup (code_at (BB_CODES_SHELTER_TYPE,
                                   gtk_drop_down_get_selected (self->kind_dropdown)));
  query->status = g_strdup (code_at (BB_CODES_SHELTER_STATUS,
                                     gtk_drop_down_get_selected (self->status_dropdown)));
  query->sort = MIN (gtk_drop_down_get_selected (self->sort_dropdown),
                     BB_SHELTER_SORT_LAST_CONSULTATION);

  return query;
}

static void
apply_query (BbShelterView *self)
{
  GListModel *model = bb_browser_get_model (self->browser, BB_TYPE_SHELTER);
  g_autoptr(BbShelterQuery) query = NULL;

  if (model == NULL)
    return;

  query = build_query (self);
  bb_shelter_query_apply (query, BB_RECORD_LIST (model));
  update_empty_page (self);
}

static void
save_filters (BbShelterView *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  g_settings_delay (self->settings);
  g_settings_set_int64 (self->settings, "shelter-filter-region",
                        id_at (self->region_ids,
                               gtk_drop_down_get_selected (self->region_dropdown)));
  g_settings_set_int64 (self->settings, "shelter-filter-district",
                        id_at (self->district_ids,
                               gtk_drop_down_get_selected (self->district_dropdown)));
  g_settings_set_string (self->settings, "shelter-filter-type",
                         code_at (BB_CODES_SHELTER_TYPE,
                                  gtk_drop_down_get_selected (self->kind_dropdown)) ?: "");
  g_settings_set_string (self->settings, "shelter-filter-status",
                         code_at (BB_CODES_SHELTER_STATUS,
                                  gtk_drop_down_get_selected (self->status_dropdown)) ?: "");
  g_settings_set_string (self->settings, "shelter-sort",
                         sort_names[MIN (sort, G_N_ELEMENTS (sort_names) - 1)]);
  g_settings_set_boolean (self->settings, "shelter-no-contact",
                          gtk_toggle_button_get_active (self->no_contact_button));
  g_settings_apply (self->settings);
}

static void
on_filter_changed (BbShelterView *self)
{
  if (self->loading_filters)
    return;

  save_filters (self);
  apply_query (self);
}

static void
on_reset_filters (BbShelterView *self)
{
  self->loading_filters = TRUE;
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  self->loading_filters = FALSE;
  on_filter_changed (self);
}

static void
load_filters (BbShelterView *self)
{
  BbStore *store = bb_browser_get_store (self->browser);
  g_autofree char *kind = g_settings_get_string (self->settings, "shelter-filter-type");
  g_autofree char *status = g_settings_get_string (self->settings, "shelter-filter-status");
  g_autofree char *sort = g_settings_get_string (self->settings, "shelter-sort");
  guint sort_position = 0;

  self->loading_filters = TRUE;

  fill_record_dropdown (self->region_dropdown, store, BB_TYPE_REGION, _("All Regions"),
                        self->region_ids);
  fill_record_dropdown (self->district_dropdown, store, BB_TYPE_DISTRICT, _("All Districts"),
                        self->district_ids);
  gtk_drop_down_set_selected (self->region_dropdown,
                              find_id (self->region_ids,
                                       g_settings_get_int64 (self->settings,
                                                             "shelter-filter-region")));
  gtk_drop_down_set_selected (self->district_dropdown,
                              find_id (self->district_ids,
                                       g_settings_get_int64 (self->settings,
                                                             "shelter-filter-district")));
  gtk_drop_down_set_selected (self->kind_dropdown, code_position (BB_CODES_SHELTER_TYPE, kind));
  gtk_drop_down_set_selected (self->status_dropdown,
                              code_position (BB_CODES_SHELTER_STATUS, status));
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_str_equal (sort_names[i], sort))
      sort_position = i;
  gtk_drop_down_set_selected (self->sort_dropdown, sort_position);
  gtk_toggle_button_set_active (self->no_contact_button,
                                g_settings_get_boolean (self->settings, "shelter-no-contact"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (GTK_WIDGET (self->no_contact_button))),
                                !gtk_toggle_button_get_active (self->no_contact_button));

  self->loading_filters = FALSE;
}

/* Actions --------------------------------------------------------------------------------- */

static gint64
selected_id (BbShelterView *self)
{
  BbRecord *selected = bb_browser_get_selected (self->browser);

  return selected != NULL && BB_IS_SHELTER (selected) ? bb_record_get_id (selected) : 0;
}

static void
update_actions (BbShelterView *self)
{
  gboolean has_store = bb_browser_get_store (self->browser) != NULL;
  /* Disabled without a shelter, so that Ctrl+E and Delete go on to other handlers. */
  gboolean has_selection = has_store && selected_id (self) != 0;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "new");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_store);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "close");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "delete");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "undo-delete");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->undo != NULL);
}

static void
on_editor_saved (BbShelterView *self,
                 gint64         id)
{
  /* A new shelter the filters hide is shown by clearing the search and filters first. */
  if (!bb_browser_show_record (self->browser, BB_TYPE_SHELTER, id))
    {
      self->loading_filters = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (GTK_WIDGET (self->no_contact_button))),
                                    TRUE);
      self->loading_filters = FALSE;
      on_reset_filters (self);
      bb_browser_show_record (self->browser, BB_TYPE_SHELTER, id);
    }
}

static BbShelterEditor *
open_editor (BbShelterView *self,
             gint64         id)
{
  BbStore *store = bb_browser_get_store (self->browser);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BbShelterEditor *editor;

  if (store == NULL)
    return NULL;

  editor = bb_shelter_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_editor (user_data, 0);
}

static void
edit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BbShelterView *self = user_data;

  if (selected_id (self) != 0)
    open_editor (self, selected_id (self));
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BbShelterView *self = user_data;
  BbShelterEditor *editor;

  if (selected_id (self) == 0)
    return;

  editor = open_editor (self, selected_id (self));
  if (editor != NULL)
    bb_shelter_editor_prepare_close (editor);
}

static void
delete_now (BbShelterView *self,
            gint64         id)
{
  BbStore *store = bb_browser_get_store (self->browser);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = bb_store_dup_label (store, BB_TYPE_SHELTER, id);
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;
  GBytes *undo;
  AdwToast *toast;

  undo = bb_store_delete_undoable (store, BB_TYPE_SHELTER, id, &error);
  if (undo == NULL)
    {
      bb_widget_show_store_error (GTK_WIDGET (self), _("The Shelter Was Not Deleted"), store, error);
      return;
    }

  g_clear_pointer (&self->undo, g_bytes_unref);
  self->undo = undo;
  g_free (self->undo_name);
  self->undo_name = g_steal_pointer (&name);
  update_actions (self);

  /* Translators: a toast after deleting, %s is the shelter's name */
  isolated = bb_format_isolate (self->undo_name ? self->undo_name : "");
  title = g_strdup_printf (_("“%s” deleted"), isolated);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "shelter-view.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  bb_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BbShelterView    *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "bb-id"));

  if (g_strcmp0 (response, "delete") == 0)
    delete_now (self, id);
}

static void
delete_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BbShelterView *self = user_data;
  BbStore *store = bb_browser_get_store (self->browser);
  gint64 id = selected_id (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  AdwMessageDialog *dialog;
  gint64 n;

  if (id == 0 || store == NULL)
    return;

  n = bb_store_count_shelter_consultations (store, id);
  if (n == 0)
    {
      delete_now (self, id);
      return;
    }

  name = bb_store_dup_label (store, BB_TYPE_SHELTER, id);
  /* Translators: %s is the shelter's name */
  heading = g_strdup_printf (_("Delete “%s”?"), name ? name : "");
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The shelter has %d consultation. It stays in the log "
                                       "with the shelter's name, but without the link to the "
                                       "shelter. Closing the shelter keeps everything; "
                                       "that is usually the better way.",
                                       "The shelter has %d consultations. They stay in the log "
                                       "with the shelter's name, but without the link to the "
                                       "shelter. Closing the shelter keeps everything; "
                                       "that is usually the better way.",
                                       (gulong) n),
                          (int) n);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = bb_destructive_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      heading, body, "delete", _("_Delete"));
  g_object_set_data (G_OBJECT (dialog), "bb-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BbShelterView *self = user_data;
  BbStore *store = bb_browser_get_store (self->browser);
  g_autoptr(GBytes) undo = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;

  update_actions (self);
  if (undo == NULL || store == NULL)
    return;

  if (!bb_store_undo (store, undo, &error))
    bb_widget_show_store_error (GTK_WIDGET (self), _("The Change Was Not Undone"), store, error);
}

static const GActionEntry action_entries[] = {
  { "new", new_activated },
  { "edit", edit_activated },
  { "close", close_activated },
  { "delete", delete_activated },
  { "undo-delete", undo_delete_activated },
};

/* Public API ------------------------------------------------------------------------------ */

void
bb_shelter_view_set_store (BbShelterView *self,
                           BbStore       *store)
{
  g_return_if_fail (BB_IS_SHELTER_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == bb_browser_get_store (self->browser))
    return;

  g_clear_pointer (&self->undo, g_bytes_unref);
  bb_browser_set_store (self->browser, store);
  load_filters (self);
  apply_query (self);
  if (store != NULL)
    g_signal_connect_object (store, "committed", G_CALLBACK (update_empty_page), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_shelter_view_get_store (BbShelterView *self)
{
  g_return_val_if_fail (BB_IS_SHELTER_VIEW (self), NULL);

  return bb_browser_get_store (self->browser);
}

gboolean
bb_shelter_view_show_record (BbShelterView *self,
                             GType          type,
                             gint64         id)
{
  gboolean shown;

  g_return_val_if_fail (BB_IS_SHELTER_VIEW (self), FALSE);

  shown = bb_browser_show_record (self->browser, type, id);
  update_actions (self);

  return shown;
}

BbRecord *
bb_shelter_view_get_selected (BbShelterView *self)
{
  g_return_val_if_fail (BB_IS_SHELTER_VIEW (self), NULL);

  return bb_browser_get_selected (self->browser);
}

guint
bb_shelter_view_get_n_items (BbShelterView *self)
{
  g_return_val_if_fail (BB_IS_SHELTER_VIEW (self), 0);

  return bb_browser_get_n_items (self->browser);
}

GListModel *
_bb_shelter_view_get_model (BbShelterView *self)
{
  return bb_browser_get_model (self->browser, BB_TYPE_SHELTER);
}

GtkEditable *
_bb_shelter_view_get_search_entry (BbShelterView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
_bb_shelter_view_get_status_dropdown (BbShelterView *self)
{
  return self->status_dropdown;
}

GtkToggleButton *
_bb_shelter_view_get_no_contact_button (BbShelterView *self)
{
  return self->no_contact_button;
}

static gboolean
bb_shelter_view_grab_focus (GtkWidget *widget)
{
  BbShelterView *self = BB_SHELTER_VIEW (widget);

  return bb_browser_focus_list (self->browser)
         || GTK_WIDGET_CLASS (bb_shelter_view_parent_class)->grab_focus (widget);
}

/* The toast's Undo button lives in the window's overlay, outside this view: the actions are
 * given to the window, where both find them. */
static void
bb_shelter_view_root (GtkWidget *widget)
{
  BbShelterView *self = BB_SHELTER_VIEW (widget);

  GTK_WIDGET_CLASS (bb_shelter_view_parent_class)->root (widget);
  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "shelter-view",
                                  G_ACTION_GROUP (self->actions));
}

static void
bb_shelter_view_unroot (GtkWidget *widget)
{
  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "shelter-view",
                                  NULL);
  GTK_WIDGET_CLASS (bb_shelter_view_parent_class)->unroot (widget);
}

static void
bb_shelter_view_dispose (GObject *object)
{
  BbShelterView *self = (BbShelterView *)object;

  g_clear_object (&self->browser);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SHELTER_VIEW);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->undo, g_bytes_unref);

  G_OBJECT_CLASS (bb_shelter_view_parent_class)->dispose (object);
}

static void
bb_shelter_view_finalize (GObject *object)
{
  BbShelterView *self = (BbShelterView *)object;

  g_clear_pointer (&self->region_ids, g_array_unref);
  g_clear_pointer (&self->district_ids, g_array_unref);
  g_free (self->undo_name);

  G_OBJECT_CLASS (bb_shelter_view_parent_class)->finalize (object);
}

static void
bb_shelter_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbShelterView *self = BB_SHELTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, bb_shelter_view_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_shelter_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbShelterView *self = BB_SHELTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_shelter_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_shelter_view_class_init (BbShelterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_shelter_view_dispose;
  object_class->finalize = bb_shelter_view_finalize;
  object_class->get_property = bb_shelter_view_get_property;
  object_class->set_property = bb_shelter_view_set_property;
  widget_class->grab_focus = bb_shelter_view_grab_focus;
  widget_class->root = bb_shelter_view_root;
  widget_class->unroot = bb_shelter_view_unroot;

  /* On the list and the detail, not while typing: the search entry takes Delete first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "shelter-view.delete",
                                       NULL);

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
                                               BB_RESOURCE_PATH "/shelters/bb-shelter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, list_view);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, detail);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbShelterView, no_contact_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_filters);
}

static void
bb_shelter_view_init (BbShelterView *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) sorts = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::no-contact-weeks", G_CALLBACK (apply_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::default-region", G_CALLBACK (apply_query),
                           self, G_CONNECT_SWAPPED);
  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->district_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "shelter-view",
                                  G_ACTION_GROUP (self->actions));

  bb_view_shortcuts_install (GTK_WIDGET (self), "shelters");

  self->loading_filters = TRUE;
  kinds = code_labels (BB_CODES_SHELTER_TYPE, _("All Types"));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  statuses = code_labels (BB_CODES_SHELTER_STATUS, _("Any Status"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  sorts = gtk_string_list_new ((const char * const []) {
                                 _("Name"), _("District"), _("Residents"),
                                 _("Last Consultation"), NULL });
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
  self->loading_filters = FALSE;

  self->browser = bb_browser_new (self->leaflet, self->main_stack, self->detail);
  bb_browser_add_list (self->browser, self->list_view, BB_TYPE_SHELTER, shelter_row, self);
  bb_browser_set_render_func (self->browser, render_shelter, self);
  bb_browser_watch_table (self->browser, "person_shelter");
  bb_browser_watch_table (self->browser, "consultation");
  bb_browser_watch_table (self->browser, "person");
  bb_browser_watch_table (self->browser, "organisation");
  bb_browser_watch_table (self->browser, "district");
  bb_browser_watch_table (self->browser, "region");
  bb_browser_watch_table (self->browser, "event_invitee");
  bb_browser_watch_table (self->browser, "event");
  bb_browser_watch_table (self->browser, "attendance");
  g_signal_connect_object (self->browser, "show-record", G_CALLBACK (on_browser_show_record),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->browser, "notify::selected", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  update_empty_page (self);
  update_actions (self);
}
