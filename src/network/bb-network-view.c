/* bb-network-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-network-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-browser.h"
#include "bb-consultation-editor.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-network-graph.h"
#include "bb-network-view.h"
#include "bb-organisation-editor.h"
#include "bb-person-editor.h"
#include "bb-person-privacy.h"
#include "bb-relation-editor.h"
#include "bb-store-network.h"
#include "bb-view-shortcuts.h"
#include "bb-window.h"

struct _BbNetworkView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkListView *people_view;
  GtkListView *organisations_view;
  AdwStatusPage *people_empty;
  AdwStatusPage *organisations_empty;
  GtkStack *lists_stack;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_dropdown;
  GtkDropDown *region_dropdown;
  BbDetailPage *detail;

  BbBrowser *browser;
  /* The browser switches this stand-in to "empty" when no row is listed; the view's own
   * main_stack shows the empty state only when there are no contacts at all. */
  GtkStack *browser_stack;
  GArray *region_ids;       /* per position of region_dropdown; 0 for all */
  BbNetworkGraph *graph;    /* the picture in the detail pane, while one is shown */
  GType all_links_type;     /* the record whose links are all shown ("network.more-links") */
  gint64 all_links_id;
  AdwPreferencesGroup *links_group; /* the list of links in the detail pane, while shown */
};

/* Links shown of a person or organisation until "N more links" is activated: the largest
 * have more than a thousand, each a row with two labels read. */
#define MAX_LINKS 50

G_DEFINE_FINAL_TYPE (BbNetworkView, bb_network_view, ADW_TYPE_BIN)

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
person_row (BbRecord  *record,
            BbStore   *store,
            char     **title,
            char     **subtitle,
            gpointer   user_data)
{
  BbPerson *person = BB_PERSON (record);
  g_autofree char *organisation = bb_store_dup_label (store, BB_TYPE_ORGANISATION,
                                                      bb_person_get_organisation_id (person));

  *title = bb_record_dup_label (record);
  *subtitle = BB_FORMAT_JOIN (" · ", bb_person_get_function (person), organisation);
}

static void
organisation_row (BbRecord  *record,
                  BbStore   *store,
                  char     **title,
                  char     **subtitle,
                  gpointer   user_data)
{
  BbOrganisation *organisation = BB_ORGANISATION (record);

  *title = g_strdup (bb_organisation_get_name (organisation));
  *subtitle = g_strdup (bb_codes_label (BB_CODES_ORGANISATION_KIND,
                                        bb_organisation_get_kind (organisation)));
}

/* One end of a relation: a person or an organisation. */
static void
get_end (BbRelation *relation,
         gboolean    from,
         GType      *type,
         gint64     *id)
{
  gint64 person_id = from ? bb_relation_get_from_person_id (relation)
                          : bb_relation_get_to_person_id (relation);

  if (person_id != 0)
    {
      *type = BB_TYPE_PERSON;
      *id = person_id;
    }
  else
    {
      *type = BB_TYPE_ORGANISATION;
      *id = from ? bb_relation_get_from_organisation_id (relation)
                 : bb_relation_get_to_organisation_id (relation);
    }
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action_name,
             gint64      target)
{
  GtkWidget *button = bb_detail_page_new_action_button (icon_name, tooltip, action_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (target));

  return button;
}

static void
add_relation_buttons (AdwActionRow *row,
                      gint64        relation_id)
{
  adw_action_row_add_suffix (row, icon_button ("document-edit-symbolic", _("Edit Link"),
                                               "network.edit-relation", relation_id));
  adw_action_row_add_suffix (row, icon_button ("user-trash-symbolic", _("Remove Link"),
                                               "network.remove-relation", relation_id));
}

/* Adds at most *budget rows of relations (a list of bb_store_list_related) and takes them from
 * *budget. */
static void
render_relations_from (BbStore      *store,
                       BbDetailPage *page,
                       GListModel   *relations,
                       gboolean      outgoing,
                       guint        *budget)
{
  guint n = MIN (g_list_model_get_n_items (relations), *budget);

  *budget -= n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbRelation) relation = g_list_model_get_item (relations, i);
      GType from_type, to_type;
      gint64 from_id, to_id;
      g_autofree char *from_name = NULL;
      g_autofree char *to_name = NULL;
      g_autofree char *sentence = NULL;
      g_autofree char *since = bb_format_date (bb_relation_get_since (relation));
      g_autofree char *until = bb_format_date (bb_relation_get_until (relation));
      g_autofree char *since_text = since ? g_strdup_printf (_("since %s"), since) : NULL;
      g_autofree char *until_text = until ? g_strdup_printf (_("until %s"), until) : NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      get_end (relation, TRUE, &from_type, &from_id);
      get_end (relation, FALSE, &to_type, &to_id);
      from_name = bb_store_dup_label (store, from_type, from_id);
      to_name = bb_store_dup_label (store, to_type, to_id);

      /* Translators: a relation between two people or organisations, e.g.
       * "Anna Schmidt" "works for" "Diakonie Berlin" */
      sentence = g_strdup_printf (_("%1$s %2$s %3$s"), from_name ? from_name : "",
                                  bb_codes_label (BB_CODES_RELATION_TYPE,
                                                  bb_relation_get_kind (relation)),
                                  to_name ? to_name : "");
      subtitle = BB_FORMAT_JOIN (" · ", sentence, since_text, until_text,
                                 bb_relation_get_note (relation));

      if (outgoing)
        row = bb_detail_page_add_link (page, to_name, subtitle, to_type, to_id);
      else
        row = bb_detail_page_add_link (page, from_name, subtitle, from_type, from_id);

      if (row != NULL)
        add_relation_buttons (row, bb_record_get_id (BB_RECORD (relation)));
    }
}

/* The links of the record type/id: the first MAX_LINKS, outgoing first, and a row "N more
 * links" for the rest, unless the rest was asked for. */
static void
render_relations (BbNetworkView *self,
                  BbStore       *store,
                  BbDetailPage  *page,
                  const char    *from_column,
                  const char    *to_column,
                  GType          type,
                  gint64         id)
{
  AdwPreferencesGroup *group = bb_detail_page_add_group (page, _("Links"));
  /* Short: beside the group's title "Links", "Add Link…" cut the title off at 360 px. */
  GtkWidget *add = gtk_button_new_with_mnemonic (C_("link", "_Add…"));
  g_autoptr(GListModel) outgoing = bb_store_list_related (store, BB_TYPE_RELATION,
                                                          from_column, id);
  g_autoptr(GListModel) incoming = bb_store_list_related (store, BB_TYPE_RELATION,
                                                          to_column, id);
  guint total = g_list_model_get_n_items (outgoing) + g_list_model_get_n_items (incoming);
  gboolean all = self->all_links_type == type && self->all_links_id == id;
  guint budget = all ? total : MIN (total, MAX_LINKS);

  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "network.add-link");
  adw_preferences_group_set_header_suffix (group, add);
  g_set_weak_pointer (&self->links_group, group);
  /* The group stays visible without links, for its button. */
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);

  render_relations_from (store, page, outgoing, TRUE, &budget);
  render_relations_from (store, page, incoming, FALSE, &budget);

  if (!all && total > MAX_LINKS)
    {
      guint more = total - MAX_LINKS;
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more link", "%u more links",
                                           more),
                              more);
      bb_detail_page_add_more (page, text, "network.more-links");
    }
}

/* The data protection actions of a person (DSGVO), in a menu: rare, and one of them final. */
static GtkWidget *
person_privacy_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("_Export Personal Data…"), "network.export-person");
  g_menu_append (menu, _("E_rase Person…"), "network.erase-person");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Personal Data"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Personal Data"), -1);

  return button;
}

/* The buttons of the record shown, at the top of the detail. */
static void
render_record_actions (BbDetailPage *page,
                       gboolean      person)
{
  AdwPreferencesGroup *group = bb_detail_page_add_group (page, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "network.edit");
  gtk_widget_set_tooltip_text (edit, _("Edit (Ctrl+E)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "network.delete");
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), delete);
  if (person)
    gtk_box_append (GTK_BOX (box), person_privacy_button ());
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  adw_preferences_group_add (group, box);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}

static void on_graph_activate_node (BbNetworkView *self,
                                    GType          type,
                                    gint64         id);

static void
render_graph (BbNetworkView *self,
              BbStore       *store,
              BbDetailPage  *page,
              GType          type,
              gint64         id)
{
  g_autoptr(BbNeighbourhood) hood = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *frame;
  GtkWidget *graph;

  hood = bb_store_get_neighbourhood (store, type, id, BB_NEIGHBOURHOOD_MAX_NODES, &error);
  if (hood == NULL)
    {
      g_warning ("Cannot draw the network picture: %s", error->message);
      return;
    }

  group = bb_detail_page_add_group (page, _("Network"));
  graph = bb_network_graph_new ();
  bb_network_graph_set_neighbourhood (BB_NETWORK_GRAPH (graph), hood);
  g_signal_connect_object (graph, "activate-node", G_CALLBACK (on_graph_activate_node), self,
                           G_CONNECT_SWAPPED);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_add_css_class (frame, "bb-network-graph-frame");
  gtk_frame_set_child (GTK_FRAME (frame), graph);
  adw_preferences_group_add (group, frame);
  /* The picture keeps the nearest records only: "+N more records" beside its title leads to
   * the list of all links. */
  if (hood->n_omitted > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more record",
                                                            "+%u more records",
                                                            hood->n_omitted),
                                               hood->n_omitted);
      GtkWidget *button = gtk_button_new_with_label (more);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Show All Links"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "network.show-links");
      adw_preferences_group_set_header_suffix (group, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
  g_set_weak_pointer (&self->graph, BB_NETWORK_GRAPH (graph));
}

static void
render_person (BbNetworkView *self,
               BbPerson      *person,
               BbStore       *store,
               BbDetailPage  *page,
               gboolean       refresh)
{
  gint64 id = bb_record_get_id (BB_RECORD (person));
  gint64 organisation_id = bb_person_get_organisation_id (person);
  g_autofree char *name = bb_record_dup_label (BB_RECORD (person));
  g_autofree char *organisation = bb_store_dup_label (store, BB_TYPE_ORGANISATION,
                                                      organisation_id);
  g_autofree char *subtitle = BB_FORMAT_JOIN (" · ", bb_person_get_function (person),
                                              organisation);
  g_autoptr(GListModel) roles = NULL;
  guint n;

  bb_detail_page_begin (page, name, subtitle, refresh);
  render_record_actions (page, TRUE);

  /* Beratungen: a new consultation with this person filled in. */
  bb_consultation_editor_add_start_button (bb_detail_page_add_group (page, NULL), 0, id);
  bb_detail_page_add_field (page, _("Pronouns"), bb_person_get_pronouns (person));
  bb_detail_page_add_field (page, _("Function"), bb_person_get_function (person));
  bb_detail_page_add_link (page, organisation, _("Organisation"), BB_TYPE_ORGANISATION,
                           organisation_id);
  bb_detail_page_add_contact (page, _("E-mail"), bb_person_get_email (person));
  bb_detail_page_add_contact (page, _("Phone"), bb_person_get_phone (person));
  bb_detail_page_add_field (page, _("Languages"), bb_person_get_languages (person));

  render_graph (self, store, page, BB_TYPE_PERSON, id);

  bb_detail_page_add_group (page, _("Notes"));
  bb_detail_page_add_text (page, bb_person_get_notes (person));

  roles = bb_store_list_related (store, BB_TYPE_PERSON_SHELTER, "person-id", id);
  n = g_list_model_get_n_items (roles);
  bb_detail_page_add_group (page, _("Shelters"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbPersonShelter) role = g_list_model_get_item (roles, i);
      gint64 shelter_id = bb_person_shelter_get_shelter_id (role);
      g_autofree char *shelter = bb_store_dup_label (store, BB_TYPE_SHELTER, shelter_id);
      g_autofree char *until = bb_format_date (bb_person_shelter_get_until (role));
      g_autofree char *until_text = until ? g_strdup_printf (_("until %s"), until) : NULL;
      g_autofree char *role_text = NULL;

      role_text = BB_FORMAT_JOIN (" · ",
                                  bb_codes_label (BB_CODES_ROLE,
                                                  bb_person_shelter_get_role (role)),
                                  until_text);
      bb_detail_page_add_link (page, shelter, role_text, BB_TYPE_SHELTER, shelter_id);
    }

  render_relations (self, store, page, "from-person-id", "to-person-id", BB_TYPE_PERSON, id);
}

static void
render_organisation (BbNetworkView  *self,
                     BbOrganisation *organisation,
                     BbStore        *store,
                     BbDetailPage   *page,
                     gboolean        refresh)
{
  gint64 id = bb_record_get_id (BB_RECORD (organisation));
  const char *kind = bb_codes_label (BB_CODES_ORGANISATION_KIND,
                                     bb_organisation_get_kind (organisation));
  g_autofree char *district = bb_store_dup_label (store, BB_TYPE_DISTRICT,
                                                  bb_organisation_get_district_id (organisation));
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) shelters = NULL;
  guint n;

  bb_detail_page_begin (page, bb_organisation_get_name (organisation), kind, refresh);
  render_record_actions (page, FALSE);

  bb_detail_page_add_group (page, NULL);
  bb_detail_page_add_field (page, _("Kind"), kind);
  bb_detail_page_add_contact (page, _("Street"), bb_organisation_get_street (organisation));
  bb_detail_page_add_contact (page, _("Postcode"), bb_organisation_get_postcode (organisation));
  bb_detail_page_add_contact (page, _("City"), bb_organisation_get_city (organisation));
  bb_detail_page_add_field (page, _("District"), district);
  bb_detail_page_add_contact (page, _("Phone"), bb_organisation_get_phone (organisation));
  bb_detail_page_add_contact (page, _("E-mail"), bb_organisation_get_email (organisation));
  bb_detail_page_add_contact (page, _("Web"), bb_organisation_get_web (organisation));

  render_graph (self, store, page, BB_TYPE_ORGANISATION, id);

  bb_detail_page_add_group (page, _("Notes"));
  bb_detail_page_add_text (page, bb_organisation_get_notes (organisation));

  people = bb_store_list_related (store, BB_TYPE_PERSON, "organisation-id", id);
  n = g_list_model_get_n_items (people);
  bb_detail_page_add_group (page, _("People"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbPerson) person = g_list_model_get_item (people, i);
      g_autofree char *name = bb_record_dup_label (BB_RECORD (person));

      bb_detail_page_add_link (page, name, bb_person_get_function (person), BB_TYPE_PERSON,
                               bb_record_get_id (BB_RECORD (person)));
    }

  shelters = bb_store_list_related (store, BB_TYPE_SHELTER, "operator-id", id);
  n = g_list_model_get_n_items (shelters);
  bb_detail_page_add_group (page, _("Shelters Operated"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbShelter) shelter = g_list_model_get_item (shelters, i);
      g_autofree char *district_name = bb_store_dup_label (store, BB_TYPE_DISTRICT,
                                                           bb_shelter_get_district_id (shelter));

      bb_detail_page_add_link (page, bb_shelter_get_name (shelter), district_name,
                               BB_TYPE_SHELTER, bb_record_get_id (BB_RECORD (shelter)));
    }

  render_relations (self, store, page, "from-organisation-id", "to-organisation-id",
                    BB_TYPE_ORGANISATION, id);
}

static void
render_record (BbRecord     *record,
               BbStore      *store,
               BbDetailPage *page,
               gboolean      refresh,
               gpointer      user_data)
{
  BbNetworkView *self = user_data;

  g_clear_weak_pointer (&self->graph);
  g_clear_weak_pointer (&self->links_group);
  if (G_OBJECT_TYPE (record) != self->all_links_type
      || bb_record_get_id (record) != self->all_links_id)
    self->all_links_type = G_TYPE_INVALID;
  if (BB_IS_PERSON (record))
    render_person (self, BB_PERSON (record), store, page, refresh);
  else
    render_organisation (self, BB_ORGANISATION (record), store, page, refresh);
}

static void
on_browser_show_record (BbNetworkView *self,
                        GType          type,
                        gint64         id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

/* ---- Filters ----------------------------------------------------------------------------- */

static const char *
selected_kind (BbNetworkView *self)
{
  guint pos = gtk_drop_down_get_selected (self->kind_dropdown);

  /* Position 0 is "All Kinds". */
  if (pos == 0 || pos == GTK_INVALID_LIST_POSITION || pos > bb_codes_count (BB_CODES_ORGANISATION_KIND))
    return NULL;

  return bb_codes_list (BB_CODES_ORGANISATION_KIND)[pos - 1];
}

static gint64
selected_region (BbNetworkView *self)
{
  guint pos = gtk_drop_down_get_selected (self->region_dropdown);

  if (self->region_ids == NULL || pos >= self->region_ids->len)
    return 0;

  return g_array_index (self->region_ids, gint64, pos);
}

static gboolean
filters_active (BbNetworkView *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0'
         || selected_kind (self) != NULL || selected_region (self) != 0;
}

static void
update_empty (BbNetworkView *self)
{
  BbStore *store = bb_browser_get_store (self->browser);
  GListModel *people = bb_browser_get_model (self->browser, BB_TYPE_PERSON);
  GListModel *organisations = bb_browser_get_model (self->browser, BB_TYPE_ORGANISATION);
  gboolean any_people = people != NULL && g_list_model_get_n_items (people) > 0;
  gboolean any_organisations = organisations != NULL
                               && g_list_model_get_n_items (organisations) > 0;
  gboolean none_at_all = store == NULL
                         || (bb_store_count (store, BB_TYPE_PERSON) == 0
                             && bb_store_count (store, BB_TYPE_ORGANISATION) == 0);

  gtk_stack_set_visible_child_name (self->main_stack, none_at_all ? "empty" : "content");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->people_view)), any_people);
  gtk_widget_set_visible (GTK_WIDGET (self->people_empty), !any_people);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->organisations_view)),
                          any_organisations);
  gtk_widget_set_visible (GTK_WIDGET (self->organisations_empty), !any_organisations);

  if (!any_people)
    adw_status_page_set_title (self->people_empty,
                               filters_active (self) ? _("No Matches") : _("No People Yet"));
  if (!any_organisations)
    adw_status_page_set_title (self->organisations_empty,
                               filters_active (self) ? _("No Matches")
                                                     : _("No Organisations Yet"));
}

static void
apply_filters (BbNetworkView *self)
{
  BbStore *store = bb_browser_get_store (self->browser);
  BbNetworkFilter filter = {
    .search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .organisation_kind = selected_kind (self),
    .region_id = selected_region (self),
  };

  if (store == NULL)
    return;

  bb_store_filter_people (store, bb_browser_get_model (self->browser, BB_TYPE_PERSON), &filter);
  bb_store_filter_organisations (store, bb_browser_get_model (self->browser,
                                                              BB_TYPE_ORGANISATION),
                                 &filter);
  update_empty (self);
}

static void
on_filter_changed (BbNetworkView *self)
{
  /* The drop-downs report their first selection while the view is being built. */
  if (self->browser != NULL)
    apply_filters (self);
}

static void
load_regions (BbNetworkView *self,
              BbStore       *store)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (self->region_ids, 0);
  gtk_string_list_append (names, _("All Regions"));
  g_array_append_val (self->region_ids, all);

  if (store != NULL)
    {
      g_autoptr(GListModel) regions = bb_store_list (store, BB_TYPE_REGION);

      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(BbRegion) region = g_list_model_get_item (regions, i);
          gint64 id = bb_record_get_id (BB_RECORD (region));

          gtk_string_list_append (names, bb_region_get_name (region));
          g_array_append_val (self->region_ids, id);
        }
    }

  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->region_dropdown, 0);
}

static void
clear_filters (BbNetworkView *self)
{
  g_signal_handlers_block_by_func (self->search_entry, on_filter_changed, self);
  g_signal_handlers_block_by_func (self->kind_dropdown, on_filter_changed, self);
  g_signal_handlers_block_by_func (self->region_dropdown, on_filter_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->search_entry, on_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->kind_dropdown, on_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->region_dropdown, on_filter_changed, self);
  apply_filters (self);
}

/* ---- Actions ----------------------------------------------------------------------------- */

static GtkWindow *
get_window (BbNetworkView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_record_saved (BbNetworkView *self,
                 gint64         id,
                 GObject       *editor)
{
  GType type = GPOINTER_TO_SIZE (g_object_get_data (editor, "bb-type"));

  /* The new or changed record is shown, even if the filters would hide it. */
  bb_network_view_show_record (self, type, id);
}

static void
present_editor (BbNetworkView *self,
                GtkWindow     *editor,
                GType          type)
{
  if (type != G_TYPE_INVALID)
    {
      g_object_set_data (G_OBJECT (editor), "bb-type", GSIZE_TO_POINTER (type));
      g_signal_connect_object (editor, "saved", G_CALLBACK (on_record_saved), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (editor);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbStore *store = bb_browser_get_store (self->browser);
  BbRecord *selected = bb_browser_get_selected (self->browser);
  BbPersonEditor *editor;

  if (store == NULL)
    return;

  editor = bb_person_editor_new (get_window (self), store, 0);
  /* From an organisation, a new person most likely works there. */
  if (selected != NULL && BB_IS_ORGANISATION (selected))
    bb_person_editor_set_organisation (editor, bb_record_get_id (selected));
  present_editor (self, GTK_WINDOW (editor), BB_TYPE_PERSON);
}

static void
new_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbStore *store = bb_browser_get_store (self->browser);

  if (store == NULL)
    return;

  present_editor (self, GTK_WINDOW (bb_organisation_editor_new (get_window (self), store, 0)),
                  BB_TYPE_ORGANISATION);
}

/* New: a person, or an organisation while the organisations are listed. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->lists_stack), "organisations") == 0)
    new_organisation_action (widget, NULL, NULL);
  else
    new_person_action (widget, NULL, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbStore *store = bb_browser_get_store (self->browser);
  BbRecord *selected = bb_browser_get_selected (self->browser);
  gint64 id;

  if (store == NULL || selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  id = bb_record_get_id (selected);
  if (BB_IS_PERSON (selected))
    present_editor (self, GTK_WINDOW (bb_person_editor_new (get_window (self), store, id)),
                    BB_TYPE_PERSON);
  else
    present_editor (self, GTK_WINDOW (bb_organisation_editor_new (get_window (self), store, id)),
                    BB_TYPE_ORGANISATION);
}

/* Deletes undoably and offers Undo in a toast; the undo puts the rows back in the database. */
static void
delete_with_undo (BbNetworkView *self,
                  GType          type,
                  gint64         id,
                  const char    *title)
{
  BbStore *store = bb_browser_get_store (self->browser);
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GError) error = NULL;

  undo = bb_store_delete_undoable (store, type, id, &error);
  if (undo == NULL)
    {
      bb_widget_show_store_error (GTK_WIDGET (self), _("Nothing Was Deleted"), store, error);
      return;
    }

  bb_widget_add_undo_toast (GTK_WIDGET (self), store, title, undo);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbRecord *selected = bb_browser_get_selected (self->browser);
  g_autofree char *label = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  label = bb_record_dup_label (selected);
  isolated = bb_format_isolate (label ? label : "");
  /* Translators: a toast after deleting a person or organisation; %s is its name */
  title = g_strdup_printf (_("“%s” deleted"), isolated);
  delete_with_undo (self, G_OBJECT_TYPE (selected), bb_record_get_id (selected), title);
}

/* The person shown, or NULL with an error bell. */
static BbRecord *
selected_person (BbNetworkView *self)
{
  BbRecord *selected = bb_browser_get_selected (self->browser);

  if (selected == NULL || !BB_IS_PERSON (selected) || bb_browser_get_store (self->browser) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  return selected;
}

static void
export_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbRecord *person = selected_person (self);

  if (person != NULL)
    bb_person_privacy_choose_export (widget, bb_browser_get_store (self->browser),
                                     bb_record_get_id (person));
}

static void
erase_person_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbRecord *person = selected_person (self);

  if (person != NULL)
    bb_person_privacy_ask_erase (widget, bb_browser_get_store (self->browser),
                                 bb_record_get_id (person));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbStore *store = bb_browser_get_store (self->browser);
  BbRecord *selected = bb_browser_get_selected (self->browser);

  if (store == NULL || selected == NULL)
    return;

  present_editor (self,
                  GTK_WINDOW (bb_relation_editor_new (get_window (self), store, 0,
                                                      G_OBJECT_TYPE (selected),
                                                      bb_record_get_id (selected))),
                  G_TYPE_INVALID);
}

/* Shows all links of the record shown, until another record is shown. */
static void
more_links_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbRecord *record = bb_browser_get_selected (self->browser);
  BbStore *store = bb_browser_get_store (self->browser);

  if (record == NULL || store == NULL)
    return;

  self->all_links_type = G_OBJECT_TYPE (record);
  self->all_links_id = bb_record_get_id (record);
  render_record (record, store, self->detail, TRUE, self);
}

static gboolean
focus_links (gpointer user_data)
{
  BbNetworkView *self = user_data;

  if (self->links_group != NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->links_group), GTK_DIR_TAB_FORWARD);

  return G_SOURCE_REMOVE;
}

/* From the picture's "+N more records": all links of the record shown, and the focus in their
 * list once it is laid out, so that the pane scrolls there. */
static void
show_links_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbRecord *record = bb_browser_get_selected (self->browser);

  if (record == NULL)
    return;

  if (G_OBJECT_TYPE (record) != self->all_links_type
      || bb_record_get_id (record) != self->all_links_id)
    more_links_action (widget, "network.more-links", NULL);
  g_idle_add_full (G_PRIORITY_LOW, focus_links, g_object_ref (self), g_object_unref);
}

static void
edit_relation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);
  BbStore *store = bb_browser_get_store (self->browser);

  if (store == NULL)
    return;

  present_editor (self,
                  GTK_WINDOW (bb_relation_editor_new (get_window (self), store,
                                                      g_variant_get_int64 (parameter),
                                                      G_TYPE_INVALID, 0)),
                  G_TYPE_INVALID);
}

static void
remove_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);

  if (bb_browser_get_store (self->browser) == NULL)
    return;

  delete_with_undo (self, BB_TYPE_RELATION, g_variant_get_int64 (parameter), _("Link removed"));
}

/* What needs a selected record is disabled without one, so that its buttons are insensitive
 * and its keys (Ctrl+E, Delete) go on to other handlers. */
static void
update_actions (BbNetworkView *self)
{
  gboolean has_store = bb_browser_get_store (self->browser) != NULL;
  BbRecord *selected = bb_browser_get_selected (self->browser);
  gboolean person = selected != NULL && BB_IS_PERSON (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.new-person", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.new-organisation", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.edit", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.delete", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.add-link", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.more-links", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.show-links", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export-person", person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.erase-person", person);
}

static void
on_graph_activate_node (BbNetworkView *self,
                        GType          type,
                        gint64         id)
{
  BbRecord *selected = bb_browser_get_selected (self->browser);

  if (selected != NULL && G_OBJECT_TYPE (selected) == type && bb_record_get_id (selected) == id)
    return;

  bb_network_view_show_record (self, type, id);
}

static void
on_model_items_changed (BbNetworkView *self)
{
  update_empty (self);
}

/* ---- Public ------------------------------------------------------------------------------ */

void
bb_network_view_set_store (BbNetworkView *self,
                           BbStore       *store)
{
  GListModel *model;

  g_return_if_fail (BB_IS_NETWORK_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == bb_browser_get_store (self->browser))
    return;

  bb_browser_set_store (self->browser, store);
  load_regions (self, store);

  if ((model = bb_browser_get_model (self->browser, BB_TYPE_PERSON)) != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed), self,
                             G_CONNECT_SWAPPED);
  if ((model = bb_browser_get_model (self->browser, BB_TYPE_ORGANISATION)) != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed), self,
                             G_CONNECT_SWAPPED);
  clear_filters (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_network_view_get_store (BbNetworkView *self)
{
  g_return_val_if_fail (BB_IS_NETWORK_VIEW (self), NULL);

  return bb_browser_get_store (self->browser);
}

gboolean
bb_network_view_show_record (BbNetworkView *self,
                             GType          type,
                             gint64         id)
{
  g_return_val_if_fail (BB_IS_NETWORK_VIEW (self), FALSE);

  if (bb_browser_show_record (self->browser, type, id))
    return TRUE;

  /* Hidden by the search or a filter: show everything again rather than nothing. */
  if (!filters_active (self))
    return FALSE;

  clear_filters (self);

  return bb_browser_show_record (self->browser, type, id);
}

BbRecord *
bb_network_view_get_selected (BbNetworkView *self)
{
  g_return_val_if_fail (BB_IS_NETWORK_VIEW (self), NULL);

  return bb_browser_get_selected (self->browser);
}

guint
bb_network_view_get_n_items (BbNetworkView *self)
{
  g_return_val_if_fail (BB_IS_NETWORK_VIEW (self), 0);

  return bb_browser_get_n_items (self->browser);
}

BbNetworkGraph *
bb_network_view_get_graph (BbNetworkView *self)
{
  g_return_val_if_fail (BB_IS_NETWORK_VIEW (self), NULL);

  return self->graph;
}

GListModel *
bb_network_view_get_model (BbNetworkView *self,
                           GType          type)
{
  g_return_val_if_fail (BB_IS_NETWORK_VIEW (self), NULL);

  return bb_browser_get_model (self->browser, type);
}

static gboolean
bb_network_view_grab_focus (GtkWidget *widget)
{
  BbNetworkView *self = BB_NETWORK_VIEW (widget);

  return bb_browser_focus_list (self->browser)
         || GTK_WIDGET_CLASS (bb_network_view_parent_class)->grab_focus (widget);
}

static void
bb_network_view_dispose (GObject *object)
{
  BbNetworkView *self = (BbNetworkView *)object;

  g_clear_weak_pointer (&self->graph);
  g_clear_weak_pointer (&self->links_group);
  g_clear_object (&self->browser);
  g_clear_object (&self->browser_stack);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_NETWORK_VIEW);

  G_OBJECT_CLASS (bb_network_view_parent_class)->dispose (object);
}

static void
bb_network_view_finalize (GObject *object)
{
  BbNetworkView *self = (BbNetworkView *)object;

  g_clear_pointer (&self->region_ids, g_array_unref);

  G_OBJECT_CLASS (bb_network_view_parent_class)->finalize (object);
}

static void
bb_network_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbNetworkView *self = BB_NETWORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, bb_network_view_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_network_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbNetworkView *self = BB_NETWORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_network_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_network_view_class_init (BbNetworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_network_view_dispose;
  object_class->finalize = bb_network_view_finalize;
  object_class->get_property = bb_network_view_get_property;
  object_class->set_property = bb_network_view_set_property;
  widget_class->grab_focus = bb_network_view_grab_focus;

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

  gtk_widget_class_install_action (widget_class, "network.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "network.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "network.new-organisation", NULL,
                                   new_organisation_action);
  gtk_widget_class_install_action (widget_class, "network.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "network.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "network.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "network.export-person", NULL,
                                   export_person_action);
  gtk_widget_class_install_action (widget_class, "network.erase-person", NULL,
                                   erase_person_action);
  gtk_widget_class_install_action (widget_class, "network.more-links", NULL, more_links_action);
  gtk_widget_class_install_action (widget_class, "network.show-links", NULL, show_links_action);
  gtk_widget_class_install_action (widget_class, "network.edit-relation", "x",
                                   edit_relation_action);
  gtk_widget_class_install_action (widget_class, "network.remove-relation", "x",
                                   remove_relation_action);

  /* In the view, not while typing: the search entry takes Delete first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "network.delete", NULL);

  g_type_ensure (BB_TYPE_DETAIL_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/network/bb-network-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, people_view);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, organisations_view);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, people_empty);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, organisations_empty);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, lists_stack);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
}

static void
bb_network_view_init (BbNetworkView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *codes = bb_codes_list (BB_CODES_ORGANISATION_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (kinds, bb_codes_label (BB_CODES_ORGANISATION_KIND, codes[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  load_regions (self, NULL);

  self->browser_stack = g_object_ref_sink (GTK_STACK (gtk_stack_new ()));
  gtk_stack_add_named (self->browser_stack, gtk_label_new (NULL), "empty");
  gtk_stack_add_named (self->browser_stack, gtk_label_new (NULL), "content");

  self->browser = bb_browser_new (self->leaflet, self->browser_stack, self->detail);
  bb_browser_add_list (self->browser, self->people_view, BB_TYPE_PERSON, person_row, self);
  bb_browser_add_list (self->browser, self->organisations_view, BB_TYPE_ORGANISATION,
                       organisation_row, self);
  bb_browser_set_render_func (self->browser, render_record, self);
  bb_browser_watch_table (self->browser, "relation");
  bb_browser_watch_table (self->browser, "person_shelter");
  bb_browser_watch_table (self->browser, "shelter");
  bb_browser_watch_table (self->browser, "district");
  g_signal_connect_object (self->browser, "show-record", G_CALLBACK (on_browser_show_record),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->browser, "notify::selected", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  update_empty (self);
  update_actions (self);

  bb_view_shortcuts_install (GTK_WIDGET (self), "network");
}
