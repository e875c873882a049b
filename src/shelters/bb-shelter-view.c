/* bb-shelter-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-shelter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-browser.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-shelter-view.h"

/* A shelter's detail lists this many consultations; the Beratungen view has them all. */
#define MAX_CONSULTATIONS 20

struct _BbShelterView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkListView *list_view;
  BbDetailPage *detail;

  BbBrowser *browser;
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
    /* Translators: residents of a shelter / its capacity */
    return g_strdup_printf (_("%d/%d residents"), residents, capacity);
  if (residents >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d resident", "%d residents",
                                         residents), residents);
  if (capacity >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d place", "%d places", capacity),
                            capacity);

  return NULL;
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
  g_autofree char *occupancy = dup_occupancy (shelter);

  *title = g_strdup (bb_shelter_get_name (shelter));
  *subtitle = BB_FORMAT_JOIN (" · ",
                              bb_codes_label (BB_CODES_SHELTER_TYPE, bb_shelter_get_kind (shelter)),
                              district,
                              occupancy);
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
      gtk_widget_add_css_class (GTK_WIDGET (bb_detail_page_add_row (page, text, NULL)),
                                "dim-label");
    }
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

  district = bb_store_get (store, BB_TYPE_DISTRICT, district_id, NULL);
  if (district != NULL)
    region = bb_store_dup_label (store, BB_TYPE_REGION, bb_district_get_region_id (district));
  operator_name = bb_store_dup_label (store, BB_TYPE_ORGANISATION, operator_id);
  consultations = list_consultations (store, bb_record_get_id (record));

  subtitle = BB_FORMAT_JOIN (" · ", kind, district ? bb_district_get_name (district) : NULL);
  bb_detail_page_begin (page, bb_shelter_get_name (shelter), subtitle, refresh);

  bb_detail_page_add_group (page, NULL);
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
}

static void
on_browser_show_record (BbShelterView *self,
                        GType          type,
                        gint64         id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

void
bb_shelter_view_set_store (BbShelterView *self,
                           BbStore       *store)
{
  g_return_if_fail (BB_IS_SHELTER_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == bb_browser_get_store (self->browser))
    return;

  bb_browser_set_store (self->browser, store);
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
  g_return_val_if_fail (BB_IS_SHELTER_VIEW (self), FALSE);

  return bb_browser_show_record (self->browser, type, id);
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

static gboolean
bb_shelter_view_grab_focus (GtkWidget *widget)
{
  BbShelterView *self = BB_SHELTER_VIEW (widget);

  return bb_browser_focus_list (self->browser)
         || GTK_WIDGET_CLASS (bb_shelter_view_parent_class)->grab_focus (widget);
}

static void
bb_shelter_view_dispose (GObject *object)
{
  BbShelterView *self = (BbShelterView *)object;

  g_clear_object (&self->browser);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SHELTER_VIEW);

  G_OBJECT_CLASS (bb_shelter_view_parent_class)->dispose (object);
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
  object_class->get_property = bb_shelter_view_get_property;
  object_class->set_property = bb_shelter_view_set_property;
  widget_class->grab_focus = bb_shelter_view_grab_focus;

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
}

static void
bb_shelter_view_init (BbShelterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->browser = bb_browser_new (self->leaflet, self->main_stack, self->detail);
  bb_browser_add_list (self->browser, self->list_view, BB_TYPE_SHELTER, shelter_row, self);
  bb_browser_set_render_func (self->browser, render_shelter, self);
  bb_browser_watch_table (self->browser, "person_shelter");
  bb_browser_watch_table (self->browser, "consultation");
  bb_browser_watch_table (self->browser, "person");
  bb_browser_watch_table (self->browser, "organisation");
  bb_browser_watch_table (self->browser, "district");
  bb_browser_watch_table (self->browser, "region");
  g_signal_connect_object (self->browser, "show-record", G_CALLBACK (on_browser_show_record),
                           self, G_CONNECT_SWAPPED);
}
