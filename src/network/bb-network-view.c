/* bb-network-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-network-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-browser.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-network-view.h"

struct _BbNetworkView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkListView *people_view;
  GtkListView *organisations_view;
  BbDetailPage *detail;

  BbBrowser *browser;
};

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

static void
render_relations_from (BbStore      *store,
                       BbDetailPage *page,
                       const char   *column,
                       gint64        id,
                       gboolean      outgoing)
{
  g_autoptr(GListModel) relations = bb_store_list_related (store, BB_TYPE_RELATION, column, id);
  guint n = g_list_model_get_n_items (relations);

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
        bb_detail_page_add_link (page, to_name, subtitle, to_type, to_id);
      else
        bb_detail_page_add_link (page, from_name, subtitle, from_type, from_id);
    }
}

static void
render_relations (BbStore      *store,
                  BbDetailPage *page,
                  const char   *from_column,
                  const char   *to_column,
                  gint64        id)
{
  bb_detail_page_add_group (page, _("Relations"));
  render_relations_from (store, page, from_column, id, TRUE);
  render_relations_from (store, page, to_column, id, FALSE);
}

static void
render_person (BbPerson     *person,
               BbStore      *store,
               BbDetailPage *page,
               gboolean      refresh)
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

  bb_detail_page_add_group (page, NULL);
  bb_detail_page_add_field (page, _("Pronouns"), bb_person_get_pronouns (person));
  bb_detail_page_add_field (page, _("Function"), bb_person_get_function (person));
  bb_detail_page_add_link (page, organisation, _("Organisation"), BB_TYPE_ORGANISATION,
                           organisation_id);
  bb_detail_page_add_contact (page, _("E-mail"), bb_person_get_email (person));
  bb_detail_page_add_contact (page, _("Phone"), bb_person_get_phone (person));
  bb_detail_page_add_field (page, _("Languages"), bb_person_get_languages (person));

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

  render_relations (store, page, "from-person-id", "to-person-id", id);
}

static void
render_organisation (BbOrganisation *organisation,
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

  bb_detail_page_add_group (page, NULL);
  bb_detail_page_add_field (page, _("Kind"), kind);
  bb_detail_page_add_contact (page, _("Street"), bb_organisation_get_street (organisation));
  bb_detail_page_add_contact (page, _("Postcode"), bb_organisation_get_postcode (organisation));
  bb_detail_page_add_contact (page, _("City"), bb_organisation_get_city (organisation));
  bb_detail_page_add_field (page, _("District"), district);
  bb_detail_page_add_contact (page, _("Phone"), bb_organisation_get_phone (organisation));
  bb_detail_page_add_contact (page, _("E-mail"), bb_organisation_get_email (organisation));
  bb_detail_page_add_contact (page, _("Web"), bb_organisation_get_web (organisation));

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

  render_relations (store, page, "from-organisation-id", "to-organisation-id", id);
}

static void
render_record (BbRecord     *record,
               BbStore      *store,
               BbDetailPage *page,
               gboolean      refresh,
               gpointer      user_data)
{
  if (BB_IS_PERSON (record))
    render_person (BB_PERSON (record), store, page, refresh);
  else
    render_organisation (BB_ORGANISATION (record), store, page, refresh);
}

static void
on_browser_show_record (BbNetworkView *self,
                        GType          type,
                        gint64         id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

void
bb_network_view_set_store (BbNetworkView *self,
                           BbStore       *store)
{
  g_return_if_fail (BB_IS_NETWORK_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == bb_browser_get_store (self->browser))
    return;

  bb_browser_set_store (self->browser, store);
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

  g_clear_object (&self->browser);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_NETWORK_VIEW);

  G_OBJECT_CLASS (bb_network_view_parent_class)->dispose (object);
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

  g_type_ensure (BB_TYPE_DETAIL_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               BB_RESOURCE_PATH "/network/bb-network-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, people_view);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, organisations_view);
  gtk_widget_class_bind_template_child (widget_class, BbNetworkView, detail);
}

static void
bb_network_view_init (BbNetworkView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->browser = bb_browser_new (self->leaflet, self->main_stack, self->detail);
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
}
