/* bb-consultation-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-consultation-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bb-browser.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-consultation-view.h"

struct _BbConsultationView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkListView *list_view;
  BbDetailPage *detail;

  BbBrowser *browser;
};

G_DEFINE_FINAL_TYPE (BbConsultationView, bb_consultation_view, ADW_TYPE_BIN)

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

/* The shelter's name, the name it had before it was deleted, or "No shelter". */
static char *
dup_shelter_name (BbConsultation *consultation,
                  BbStore        *store)
{
  char *name = bb_store_dup_label (store, BB_TYPE_SHELTER,
                                   bb_consultation_get_shelter_id (consultation));

  if (name == NULL)
    name = g_strdup (bb_consultation_get_former_shelter_name (consultation));
  if (name == NULL)
    name = g_strdup (_("No shelter"));

  return name;
}

static void
consultation_row (BbRecord  *record,
                  BbStore   *store,
                  char     **title,
                  char     **subtitle,
                  gpointer   user_data)
{
  BbConsultation *consultation = BB_CONSULTATION (record);
  g_autofree char *when = bb_format_date_time (bb_consultation_get_started_at (consultation));
  g_autofree char *notes = bb_format_first_line (bb_consultation_get_notes (consultation), 60);

  *title = dup_shelter_name (consultation, store);
  *subtitle = BB_FORMAT_JOIN (" · ",
                              when,
                              bb_codes_label (BB_CODES_CONSULTATION_FORMAT,
                                              bb_consultation_get_format (consultation)),
                              notes);
}

static void
render_people (BbConsultation *consultation,
               BbStore        *store,
               BbDetailPage   *page)
{
  g_autoptr(GArray) people = NULL;

  people = bb_store_get_consultation_people (store, bb_record_get_id (BB_RECORD (consultation)));

  bb_detail_page_add_group (page, _("People Consulted"));
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      gint64 person_id = g_array_index (people, gint64, i);
      g_autoptr(BbPerson) person = bb_store_get (store, BB_TYPE_PERSON, person_id, NULL);
      g_autofree char *name = NULL;
      g_autofree char *organisation = NULL;
      g_autofree char *subtitle = NULL;

      if (person == NULL)
        continue;

      name = bb_record_dup_label (BB_RECORD (person));
      organisation = bb_store_dup_label (store, BB_TYPE_ORGANISATION,
                                         bb_person_get_organisation_id (person));
      subtitle = BB_FORMAT_JOIN (" · ", bb_person_get_function (person), organisation);
      bb_detail_page_add_link (page, name, subtitle, BB_TYPE_PERSON, person_id);
    }
}

static void
render_followups (BbConsultation *consultation,
                  BbStore        *store,
                  BbDetailPage   *page)
{
  g_autoptr(GListModel) followups = NULL;
  g_autofree char *today = bb_format_today_iso ();
  guint n;

  followups = bb_store_list_related (store, BB_TYPE_FOLLOWUP, "consultation-id",
                                     bb_record_get_id (BB_RECORD (consultation)));
  n = g_list_model_get_n_items (followups);

  bb_detail_page_add_group (page, _("Follow-ups"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbFollowup) followup = g_list_model_get_item (followups, i);
      const char *due_on = bb_followup_get_due_on (followup);
      const char *done_on = bb_followup_get_done_on (followup);
      g_autofree char *due = bb_format_date (due_on);
      g_autofree char *done = bb_format_date (done_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *status = NULL;
      const char *status_class;
      AdwActionRow *row;
      GtkWidget *label;

      if (done != NULL)
        {
          status = g_strdup_printf (_("Done on %s"), done);
          status_class = "success";
        }
      else if (due_on != NULL && strcmp (due_on, today) < 0)
        {
          status = g_strdup (_("Overdue"));
          status_class = "error";
        }
      else
        {
          status = g_strdup (_("Open"));
          status_class = "accent";
        }

      if (due != NULL)
        subtitle = g_strdup_printf (_("Due %s"), due);

      row = bb_detail_page_add_row (page, bb_followup_get_text (followup), subtitle);
      label = gtk_label_new (status);
      gtk_widget_add_css_class (label, "bb-status");
      gtk_widget_add_css_class (label, status_class);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, label);
    }
}

static void
render_consultation (BbRecord     *record,
                     BbStore      *store,
                     BbDetailPage *page,
                     gboolean      refresh,
                     gpointer      user_data)
{
  BbConsultation *consultation = BB_CONSULTATION (record);
  const char *started_at = bb_consultation_get_started_at (consultation);
  gint64 shelter_id = bb_consultation_get_shelter_id (consultation);
  g_autofree char *shelter_name = dup_shelter_name (consultation, store);
  g_autofree char *date = bb_format_weekday_date (started_at);
  g_autofree char *time = bb_format_time (started_at);
  g_autofree char *ago = bb_format_days_ago (started_at);
  g_autofree char *when = bb_format_date_time (started_at);
  int minutes = bb_consultation_get_duration_minutes (consultation);
  g_autofree char *duration = bb_format_duration (minutes);
  g_autofree char *region = bb_store_dup_label (store, BB_TYPE_REGION,
                                                bb_consultation_get_region_id (consultation));
  g_auto(GStrv) topics = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *subtitle = NULL;
  const char *format = bb_codes_label (BB_CODES_CONSULTATION_FORMAT,
                                       bb_consultation_get_format (consultation));

  subtitle = BB_FORMAT_JOIN (" · ", when, format);
  bb_detail_page_begin (page, shelter_name, subtitle, refresh);

  bb_detail_page_add_group (page, NULL);
  if (date != NULL)
    /* Translators: a date and how long ago it was, e.g. "Wed, 25.11.2026 (today)" */
    date_text = g_strdup_printf (_("%s (%s)"), date, ago);
  bb_detail_page_add_field (page, _("Date"), date_text);
  bb_detail_page_add_field (page, _("Time"), time);
  bb_detail_page_add_field (page, _("Duration"), duration);
  bb_detail_page_add_field (page, _("Format"), format);
  if (shelter_id != 0)
    bb_detail_page_add_link (page, shelter_name, _("Shelter"), BB_TYPE_SHELTER, shelter_id);
  else
    bb_detail_page_add_field (page, _("Shelter"),
                              bb_consultation_get_former_shelter_name (consultation));
  bb_detail_page_add_field (page, _("Region"), region);
  bb_detail_page_add_field (page, _("Author"), bb_consultation_get_author (consultation));

  render_people (consultation, store, page);

  topics = bb_store_get_consultation_topics (store, bb_record_get_id (record));
  bb_detail_page_add_group (page, _("Topics"));
  bb_detail_page_add_tags (page, (const char * const *)topics);

  bb_detail_page_add_group (page, _("Notes"));
  bb_detail_page_add_text (page, bb_consultation_get_notes (consultation));

  render_followups (consultation, store, page);
}

static void
on_browser_show_record (BbConsultationView *self,
                        GType          type,
                        gint64         id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

void
bb_consultation_view_set_store (BbConsultationView *self,
                           BbStore       *store)
{
  g_return_if_fail (BB_IS_CONSULTATION_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (store == bb_browser_get_store (self->browser))
    return;

  bb_browser_set_store (self->browser, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_consultation_view_get_store (BbConsultationView *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), NULL);

  return bb_browser_get_store (self->browser);
}

gboolean
bb_consultation_view_show_record (BbConsultationView *self,
                             GType          type,
                             gint64         id)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), FALSE);

  return bb_browser_show_record (self->browser, type, id);
}

BbRecord *
bb_consultation_view_get_selected (BbConsultationView *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), NULL);

  return bb_browser_get_selected (self->browser);
}

guint
bb_consultation_view_get_n_items (BbConsultationView *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), 0);

  return bb_browser_get_n_items (self->browser);
}

static gboolean
bb_consultation_view_grab_focus (GtkWidget *widget)
{
  BbConsultationView *self = BB_CONSULTATION_VIEW (widget);

  return bb_browser_focus_list (self->browser)
         || GTK_WIDGET_CLASS (bb_consultation_view_parent_class)->grab_focus (widget);
}

static void
bb_consultation_view_dispose (GObject *object)
{
  BbConsultationView *self = (BbConsultationView *)object;

  g_clear_object (&self->browser);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CONSULTATION_VIEW);

  G_OBJECT_CLASS (bb_consultation_view_parent_class)->dispose (object);
}

static void
bb_consultation_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbConsultationView *self = BB_CONSULTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, bb_consultation_view_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_consultation_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbConsultationView *self = BB_CONSULTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_consultation_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_consultation_view_class_init (BbConsultationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_consultation_view_dispose;
  object_class->get_property = bb_consultation_view_get_property;
  object_class->set_property = bb_consultation_view_set_property;
  widget_class->grab_focus = bb_consultation_view_grab_focus;

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
  gtk_widget_class_set_template_from_resource (widget_class, BB_RESOURCE_PATH
                                               "/consultations/bb-consultation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, list_view);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, detail);
}

static void
bb_consultation_view_init (BbConsultationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->browser = bb_browser_new (self->leaflet, self->main_stack, self->detail);
  bb_browser_add_list (self->browser, self->list_view, BB_TYPE_CONSULTATION, consultation_row,
                       self);
  bb_browser_set_render_func (self->browser, render_consultation, self);
  bb_browser_watch_table (self->browser, "consultation_person");
  bb_browser_watch_table (self->browser, "consultation_topic");
  bb_browser_watch_table (self->browser, "followup");
  bb_browser_watch_table (self->browser, "shelter");
  bb_browser_watch_table (self->browser, "person");
  bb_browser_watch_table (self->browser, "organisation");
  bb_browser_watch_table (self->browser, "region");
  g_signal_connect_object (self->browser, "show-record", G_CALLBACK (on_browser_show_record),
                           self, G_CONNECT_SWAPPED);
}
