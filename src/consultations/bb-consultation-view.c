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

#include "bb-application.h"
#include "bb-browser.h"
#include "bb-consultation-editor.h"
#include "bb-consultation-util.h"
#include "bb-consultation-view.h"
#include "bb-core.h"
#include "bb-format.h"
#include "bb-search-picker.h"
#include "bb-view-shortcuts.h"
#include "bb-window.h"

struct _BbConsultationView
{
  AdwBin parent_instance;

  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkStack *lists_stack;
  GtkListView *list_view;
  GtkListView *followups_view;
  GtkStack *results_stack;
  GtkStack *followups_stack;
  BbDetailPage *detail;
  GtkSearchEntry *search_entry;
  GtkRevealer *filter_revealer;
  GtkLabel *filter_label;
  GtkDropDown *region_dropdown;
  GtkMenuButton *shelter_filter_button;
  GtkWidget *shelter_filter_clear;
  GtkMenuButton *person_filter_button;
  GtkWidget *person_filter_clear;
  GtkDropDown *topic_dropdown;
  GtkDropDown *format_dropdown;
  GtkDropDown *author_dropdown;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *range_message;

  BbBrowser *browser;
  /* The browser shows its own empty state when its lists are empty; here an empty list may
   * only mean that nothing matches, so it gets a stack of its own and the view decides. */
  GtkStack *browser_stack;
  BbConsultationQuery *query;
  GArray *region_ids;           /* per row of region_dropdown; 0 = all */
  GArray *topic_ids;
  GPtrArray *authors;           /* per row of author_dropdown; NULL = all */
  GHashTable *bound_items;      /* GtkListItem of consultation rows now bound */
  gboolean loading_filters;
  guint draft_offer_id;
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

static BbStore *
get_store (BbConsultationView *self)
{
  return bb_browser_get_store (self->browser);
}

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

/* Search snippets as Pango markup: the text escaped, the matches in bold on a soft background
 * of the accent colour of the current style (light or dark). */
static char *
snippet_markup (const char *snippet,
                GtkWidget  *widget)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *open = NULL;
  GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1.0f };
  const char *p = snippet;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", &accent);
G_GNUC_END_IGNORE_DEPRECATIONS
  open = g_strdup_printf ("<span weight=\"bold\" bgcolor=\"#%02x%02x%02x\" bgalpha=\"30%%\">",
                          (int) (accent.red * 255), (int) (accent.green * 255),
                          (int) (accent.blue * 255));

  /* Escape piece by piece: escaping the whole would turn the markers into references. */
  while (*p != '\0')
    {
      const char *end = strpbrk (p, "\002\003");
      g_autofree char *escaped = NULL;

      if (end == NULL)
        end = p + strlen (p);

      escaped = g_markup_escape_text (p, end - p);
      g_string_append (markup, escaped);

      if (*end == '\002')
        g_string_append (markup, open);
      else if (*end == '\003')
        g_string_append (markup, "</span>");
      else
        break;

      p = end + 1;
    }

  /* Notes span lines; a row shows one. */
  g_strdelimit (markup->str, "\n\r\t", ' ');

  if (!pango_parse_markup (markup->str, -1, 0, NULL, NULL, NULL, NULL))
    {
      g_autofree char *plain = g_strdelimit (g_strdup (snippet), "\002\003", ' ');

      return g_markup_escape_text (plain, -1);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Consultation rows ------------------------------------------------------------------------ */

static void
consultation_row (BbRecord  *record,
                  BbStore   *store,
                  char     **title,
                  char     **subtitle,
                  gpointer   user_data)
{
  /* Rows are drawn by the view's own factory (setup_consultation_row); this serves the
   * browser's plain rows, were they ever used. */
  BbConsultation *consultation = BB_CONSULTATION (record);
  g_autofree char *when = bb_format_date_time (bb_consultation_get_started_at (consultation));

  *title = dup_shelter_name (consultation, store);
  *subtitle = g_strdup (when);
}

static GtkWidget *
row_label (const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "hexpand", expand,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

typedef struct
{
  GtkWidget *title;
  GtkWidget *date;
  GtkWidget *subtitle;
  GtkWidget *notes;
  GtkWidget *topics;
  GtkWidget *followups;
} ConsultationRow;

static void
setup_consultation_row (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        BbConsultationView       *self)
{
  ConsultationRow *row = g_new0 (ConsultationRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6,
                NULL);
  row->title = row_label ("heading", TRUE);
  row->date = row_label ("caption", FALSE);
  gtk_widget_add_css_class (row->date, "numeric");
  gtk_widget_add_css_class (row->date, "dim-label");
  row->subtitle = row_label ("caption", FALSE);
  gtk_widget_add_css_class (row->subtitle, "dim-label");
  row->notes = row_label ("bb-row-notes", FALSE);
  /* Two lines: a match far into a long first line still shows. */
  gtk_label_set_wrap (GTK_LABEL (row->notes), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->notes), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (row->notes), 2);
  row->topics = row_label ("bb-row-topics", TRUE);
  row->followups = row_label ("bb-row-followups", FALSE);

  gtk_box_append (GTK_BOX (top), row->title);
  gtk_box_append (GTK_BOX (top), row->date);
  gtk_box_append (GTK_BOX (bottom), row->topics);
  gtk_box_append (GTK_BOX (bottom), row->followups);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), row->subtitle);
  gtk_box_append (GTK_BOX (box), row->notes);
  gtk_box_append (GTK_BOX (box), bottom);

  g_object_set_data_full (G_OBJECT (item), "bb-row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
fill_consultation_row (BbConsultationView *self,
                       GtkListItem        *item)
{
  ConsultationRow *row = g_object_get_data (G_OBJECT (item), "bb-row");
  BbConsultation *consultation = gtk_list_item_get_item (item);
  BbStore *store = get_store (self);
  g_autoptr(BbConsultationSummary) summary = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *open = NULL;
  g_autofree char *accessible = NULL;
  const char *format;

  if (consultation == NULL || store == NULL)
    return;

  summary = bb_store_get_consultation_summary (store, bb_record_get_id (BB_RECORD (consultation)),
                                               self->query->text);
  if (summary == NULL)
    return;

  when = bb_format_date_time (bb_consultation_get_started_at (consultation));
  format = bb_codes_label (BB_CODES_CONSULTATION_FORMAT, bb_consultation_get_format (consultation));
  subtitle = BB_FORMAT_JOIN (" · ", summary->people, format);

  gtk_label_set_text (GTK_LABEL (row->title),
                      summary->shelter_name != NULL ? summary->shelter_name : _("No shelter"));
  gtk_label_set_text (GTK_LABEL (row->date), when != NULL ? when : "");
  gtk_label_set_text (GTK_LABEL (row->subtitle), subtitle != NULL ? subtitle : "");

  if (summary->snippet != NULL)
    {
      g_autofree char *markup = snippet_markup (summary->snippet, row->notes);

      gtk_label_set_markup (GTK_LABEL (row->notes), markup);
      gtk_widget_set_visible (row->notes, TRUE);
    }
  else
    {
      g_autofree char *line = bb_format_first_line (bb_consultation_get_notes (consultation), 80);

      gtk_label_set_text (GTK_LABEL (row->notes), line != NULL ? line : "");
      gtk_widget_set_visible (row->notes, line != NULL);
    }

  topics = g_strjoinv (", ", summary->topics);
  gtk_label_set_text (GTK_LABEL (row->topics), topics);

  gtk_widget_remove_css_class (row->followups, "warning");
  if (summary->n_overdue > 0)
    {
      /* Translators: open follow-ups of a consultation in the list, some of them overdue */
      open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open, %u overdue",
                                           "%u open, %u overdue", summary->n_open),
                              summary->n_open, summary->n_overdue);
      gtk_widget_add_css_class (row->followups, "warning");
    }
  else if (summary->n_open > 0)
    {
      open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open follow-up",
                                           "%u open follow-ups", summary->n_open),
                              summary->n_open);
    }
  gtk_label_set_text (GTK_LABEL (row->followups), open != NULL ? open : "");
  gtk_widget_set_visible (gtk_widget_get_parent (row->topics),
                          topics[0] != '\0' || open != NULL);

  accessible = BB_FORMAT_JOIN (", ", summary->shelter_name, when, subtitle, topics, open);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
bind_consultation_row (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       BbConsultationView       *self)
{
  g_hash_table_add (self->bound_items, item);
  fill_consultation_row (self, item);
}

static void
unbind_consultation_row (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         BbConsultationView       *self)
{
  g_hash_table_remove (self->bound_items, item);
}

/* The search text changes the snippets of rows that stay in the list. */
static void
refill_rows (BbConsultationView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    fill_consultation_row (self, item);
}

/* Open follow-ups -------------------------------------------------------------------------- */

typedef struct
{
  GtkWidget *done;
  GtkWidget *text;
  GtkWidget *subtitle;
  GtkWidget *due_icon;
  GtkWidget *due;
  gint64 followup_id;
  gboolean binding;
} FollowupRow;

static void
on_followup_done_toggled (GtkCheckButton     *button,
                          BbConsultationView *self)
{
  FollowupRow *row = g_object_get_data (G_OBJECT (button), "bb-row");
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (row->binding || !gtk_check_button_get_active (button) || get_store (self) == NULL)
    return;

  text = bb_format_first_line (gtk_label_get_text (GTK_LABEL (row->text)), 40);
  undo = bb_store_set_followup_done (get_store (self), row->followup_id, today, &error);
  if (undo == NULL)
    {
      row->binding = TRUE;
      gtk_check_button_set_active (button, FALSE);
      row->binding = FALSE;
      bb_widget_show_store_error (GTK_WIDGET (self), _("The Follow-up Was Not Marked as Done"),
                                  get_store (self), error);
      return;
    }

  /* Translators: a toast after a follow-up was checked off; %s is its text */
  isolated = bb_format_isolate (text);
  title = g_strdup_printf (_("“%s” done"), isolated);
  bb_widget_add_undo_toast (GTK_WIDGET (self), get_store (self), title, undo);
}

static void
setup_followup_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    BbConsultationView       *self)
{
  FollowupRow *row = g_new0 (FollowupRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *due_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  g_object_set (box, "margin-top", 6, "margin-bottom", 6, "margin-start", 4, "margin-end", 6,
                NULL);
  row->done = gtk_check_button_new ();
  gtk_widget_set_valign (row->done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->done, _("Mark as done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mark as done"), -1);
  row->text = row_label (NULL, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (row->text), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (row->text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->text), PANGO_WRAP_WORD_CHAR);
  row->subtitle = row_label ("caption", TRUE);
  gtk_widget_add_css_class (row->subtitle, "dim-label");
  row->due_icon = gtk_image_new_from_icon_name ("task-past-due-symbolic");
  row->due = row_label ("caption", TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (row->due), PANGO_ELLIPSIZE_NONE);
  /* "Due on … – overdue for … days" is wider than a narrow window. */
  gtk_label_set_wrap (GTK_LABEL (row->due), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->due), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (due_box, "bb-due");

  gtk_box_append (GTK_BOX (due_box), row->due_icon);
  gtk_box_append (GTK_BOX (due_box), row->due);
  gtk_box_append (GTK_BOX (texts), row->text);
  gtk_box_append (GTK_BOX (texts), row->subtitle);
  gtk_box_append (GTK_BOX (texts), due_box);
  gtk_box_append (GTK_BOX (box), row->done);
  gtk_box_append (GTK_BOX (box), texts);

  g_object_set_data (G_OBJECT (row->done), "bb-row", row);
  g_signal_connect_object (row->done, "toggled", G_CALLBACK (on_followup_done_toggled), self, 0);
  g_object_set_data_full (G_OBJECT (item), "bb-row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
bind_followup_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   BbConsultationView       *self)
{
  FollowupRow *row = g_object_get_data (G_OBJECT (item), "bb-row");
  BbFollowup *followup = gtk_list_item_get_item (item);
  BbStore *store = get_store (self);
  g_autoptr(BbConsultation) consultation = NULL;
  g_autofree char *today = bb_format_today_iso ();
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *shelter = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  const char *due_on;
  gboolean overdue;

  if (followup == NULL || store == NULL)
    return;

  row->followup_id = bb_record_get_id (BB_RECORD (followup));
  row->binding = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->done), bb_followup_get_done_on (followup) != NULL);
  row->binding = FALSE;

  consultation = bb_store_get (store, BB_TYPE_CONSULTATION,
                               bb_followup_get_consultation_id (followup), NULL);
  if (consultation != NULL)
    {
      shelter = dup_shelter_name (consultation, store);
      when = bb_format_date (bb_consultation_get_started_at (consultation));
    }
  /* Translators: under an open follow-up: the shelter and the date of the consultation */
  subtitle = BB_FORMAT_JOIN (" · ", shelter, when);

  due_on = bb_followup_get_due_on (followup);
  due = bb_format_date (due_on);
  overdue = due_on != NULL && strcmp (due_on, today) < 0;
  if (overdue)
    {
      g_autofree char *ago = bb_format_days_ago (due_on);

      /* Translators: e.g. "Overdue: due 01.11.2026 (24 days ago)" */
      due_text = g_strdup_printf (_("Overdue: due %s (%s)"), due, ago);
    }
  else if (due != NULL)
    {
      g_autofree char *in = bb_format_days_ago (due_on);

      /* Translators: e.g. "Due 01.12.2026 (in 6 days)" */
      due_text = g_strdup_printf (_("Due %s (%s)"), due, in);
    }
  else
    {
      due_text = g_strdup (_("No due date"));
    }

  gtk_label_set_text (GTK_LABEL (row->text), bb_followup_get_text (followup));
  gtk_label_set_text (GTK_LABEL (row->subtitle), subtitle != NULL ? subtitle : "");
  gtk_label_set_text (GTK_LABEL (row->due), due_text);
  gtk_widget_set_visible (row->due_icon, overdue);
  if (overdue)
    {
      gtk_widget_add_css_class (gtk_widget_get_parent (row->due), "warning");
      gtk_widget_remove_css_class (row->due, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (gtk_widget_get_parent (row->due), "warning");
      gtk_widget_add_css_class (row->due, "dim-label");
    }
}

static void
followup_browser_row (BbRecord  *record,
                      BbStore   *store,
                      char     **title,
                      char     **subtitle,
                      gpointer   user_data)
{
  *title = g_strdup (bb_followup_get_text (BB_FOLLOWUP (record)));
  *subtitle = NULL;
}

/* Detail ----------------------------------------------------------------------------------- */

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

static void update_actions (BbConsultationView *self);

static void
render_consultation (BbRecord     *record,
                     BbStore      *store,
                     BbDetailPage *page,
                     gboolean      refresh,
                     gpointer      user_data)
{
  g_autoptr(BbConsultation) consultation = NULL;
  const char *started_at;
  gint64 shelter_id;
  g_autofree char *shelter_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *ago = NULL;
  g_autofree char *when = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *region = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *subtitle = NULL;
  const char *format;
  AdwPreferencesGroup *group;
  GtkWidget *box;

  /* An open follow-up shows the consultation it was agreed in. */
  if (BB_IS_FOLLOWUP (record))
    consultation = bb_store_get (store, BB_TYPE_CONSULTATION,
                                 bb_followup_get_consultation_id (BB_FOLLOWUP (record)), NULL);
  else
    consultation = g_object_ref (BB_CONSULTATION (record));

  if (consultation == NULL)
    {
      bb_detail_page_show_none (page);
      return;
    }

  started_at = bb_consultation_get_started_at (consultation);
  shelter_id = bb_consultation_get_shelter_id (consultation);
  shelter_name = dup_shelter_name (consultation, store);
  date = bb_format_weekday_date (started_at);
  time = bb_format_time (started_at);
  ago = bb_format_days_ago (started_at);
  when = bb_format_date_time (started_at);
  duration = bb_format_duration (bb_consultation_get_duration_minutes (consultation));
  region = bb_store_dup_label (store, BB_TYPE_REGION, bb_consultation_get_region_id (consultation));
  format = bb_codes_label (BB_CODES_CONSULTATION_FORMAT, bb_consultation_get_format (consultation));

  /* A consultation of no shelter is titled by the people advised: "No shelter" as the title
   * read like a state, not like the consultation. */
  if (shelter_id == 0 && bb_consultation_get_former_shelter_name (consultation) == NULL)
    {
      g_autoptr(BbConsultationSummary) summary =
        bb_store_get_consultation_summary (store, bb_record_get_id (BB_RECORD (consultation)), NULL);

      if (summary != NULL && summary->people != NULL)
        {
          g_autofree char *people = bb_format_isolate (summary->people);

          /* Translators: the title of a consultation of no shelter; %s are the people advised */
          title = g_strdup_printf (_("Consultation with %s"), people);
        }
    }

  subtitle = BB_FORMAT_JOIN (" · ", when, format);
  bb_detail_page_begin (page, title != NULL ? title : shelter_name, subtitle, refresh);

  group = bb_detail_page_add_group (page, NULL);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), bb_detail_page_new_action_button ("document-edit-symbolic",
                                                                   _("Edit (Ctrl+E)"),
                                                                   "consultation-view.edit"));
  gtk_box_append (GTK_BOX (box), bb_detail_page_new_action_button ("user-trash-symbolic",
                                                                   _("Delete (Delete)"),
                                                                   "consultation-view.delete"));
  adw_preferences_group_set_header_suffix (group, box);

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

  topics = bb_store_get_consultation_topics (store, bb_record_get_id (BB_RECORD (consultation)));
  bb_detail_page_add_group (page, _("Topics"));
  bb_detail_page_add_tags (page, (const char * const *)topics);

  bb_detail_page_add_group (page, _("Notes"));
  bb_detail_page_add_text (page, bb_consultation_get_notes (consultation));

  render_followups (consultation, store, page);
  update_actions (user_data);
}

/* The selected consultation, also when an open follow-up is selected: its consultation. */
static gint64
selected_consultation_id (BbConsultationView *self)
{
  BbRecord *record = bb_browser_get_selected (self->browser);

  if (record == NULL)
    return 0;
  if (BB_IS_FOLLOWUP (record))
    return bb_followup_get_consultation_id (BB_FOLLOWUP (record));

  return bb_record_get_id (record);
}

/* Filters ---------------------------------------------------------------------------------- */

static void
update_empty (BbConsultationView *self)
{
  BbStore *store = get_store (self);
  GListModel *list = bb_browser_get_model (self->browser, BB_TYPE_CONSULTATION);
  GListModel *open = bb_browser_get_model (self->browser, BB_TYPE_FOLLOWUP);
  gboolean any = store != NULL && bb_store_count (store, BB_TYPE_CONSULTATION) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, any ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack,
                                    list != NULL && g_list_model_get_n_items (list) > 0
                                    ? "list" : "none");
  gtk_stack_set_visible_child_name (self->followups_stack,
                                    open != NULL && g_list_model_get_n_items (open) > 0
                                    ? "list" : "none");
}

static void
update_filter_summary (BbConsultationView *self)
{
  GListModel *list = bb_browser_get_model (self->browser, BB_TYPE_CONSULTATION);
  g_autofree char *text = NULL;
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;
  gboolean active = !bb_consultation_query_is_empty (self->query);

  if (active)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching consultation",
                                         "%'u matching consultations", n), n);
  gtk_label_set_text (self->filter_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->filter_revealer, active);
  /* A date that is not valid yet filters nothing but is there to clear. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation-view.clear-filters",
                                 active
                                 || gtk_editable_get_text (GTK_EDITABLE (self->from_entry))[0] != '\0'
                                 || gtk_editable_get_text (GTK_EDITABLE (self->to_entry))[0] != '\0');
}

static void
apply_query (BbConsultationView *self)
{
  GListModel *list = bb_browser_get_model (self->browser, BB_TYPE_CONSULTATION);

  if (list == NULL)
    return;

  bb_consultation_query_apply (self->query, BB_RECORD_LIST (list));
  refill_rows (self);
  update_filter_summary (self);
  update_empty (self);
}

static void
update_record_filter_button (BbConsultationView *self,
                             GtkMenuButton      *button,
                             GtkWidget          *clear,
                             GType               type,
                             gint64              id,
                             const char         *any)
{
  g_autofree char *label = NULL;

  if (id != 0 && get_store (self) != NULL)
    label = bb_store_dup_label (get_store (self), type, id);

  gtk_menu_button_set_label (button, label != NULL ? label : any);
  gtk_widget_set_visible (clear, id != 0);
}

static void
update_record_filters (BbConsultationView *self)
{
  update_record_filter_button (self, self->shelter_filter_button, self->shelter_filter_clear,
                               BB_TYPE_SHELTER, self->query->shelter_id, _("Any shelter"));
  update_record_filter_button (self, self->person_filter_button, self->person_filter_clear,
                               BB_TYPE_PERSON, self->query->person_id, _("Anyone"));
}

static char *
parse_range_end (GtkEntry  *entry,
                 gboolean  *valid)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  char *iso;

  if (text[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return NULL;
    }

  iso = bb_consultation_parse_date (text);
  if (iso == NULL)
    {
      *valid = FALSE;
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }

  return iso;
}

static void
on_filter_changed (BbConsultationView *self)
{
  guint selected;
  gboolean valid = TRUE;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->loading_filters)
    return;

  selected = gtk_drop_down_get_selected (self->region_dropdown);
  self->query->region_id = selected < self->region_ids->len
                           ? g_array_index (self->region_ids, gint64, selected) : 0;
  selected = gtk_drop_down_get_selected (self->topic_dropdown);
  self->query->topic_id = selected < self->topic_ids->len
                          ? g_array_index (self->topic_ids, gint64, selected) : 0;
  selected = gtk_drop_down_get_selected (self->format_dropdown);
  g_clear_pointer (&self->query->format, g_free);
  if (selected > 0 && selected <= bb_codes_count (BB_CODES_CONSULTATION_FORMAT))
    self->query->format = g_strdup (bb_codes_list (BB_CODES_CONSULTATION_FORMAT)[selected - 1]);
  selected = gtk_drop_down_get_selected (self->author_dropdown);
  g_clear_pointer (&self->query->author, g_free);
  if (selected < self->authors->len)
    self->query->author = g_strdup (g_ptr_array_index (self->authors, selected));

  /* A wrong date filters nothing; the message says why. */
  from = parse_range_end (self->from_entry, &valid);
  to = parse_range_end (self->to_entry, &valid);
  g_clear_pointer (&self->query->from, g_free);
  g_clear_pointer (&self->query->to, g_free);
  if (!valid)
    gtk_label_set_text (self->range_message, _("Enter dates like 25.11.2026"));
  else if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      valid = FALSE;
      gtk_label_set_text (self->range_message, _("The first day comes after the last"));
    }
  if (valid)
    {
      self->query->from = g_steal_pointer (&from);
      self->query->to = g_steal_pointer (&to);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->range_message), !valid);

  apply_query (self);
}

static void
on_search_changed (BbConsultationView *self)
{
  g_autofree char *old_match = bb_consultation_match_query (self->query->text);
  g_autofree char *new_match = NULL;

  g_free (self->query->text);
  self->query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  /* A space or a punctuation mark typed changes no word searched (nor a snippet): searching
   * again would only keep the next keystroke waiting. */
  new_match = bb_consultation_match_query (self->query->text);
  if (g_strcmp0 (old_match, new_match) == 0)
    return;

  apply_query (self);
}

static void
on_shelter_filter_picked (BbConsultationView *self,
                          gint64              id)
{
  self->query->shelter_id = id;
  update_record_filters (self);
  apply_query (self);
}

static void
on_person_filter_picked (BbConsultationView *self,
                         gint64              id)
{
  self->query->person_id = id;
  update_record_filters (self);
  apply_query (self);
}

static void
on_shelter_filter_clear (BbConsultationView *self)
{
  on_shelter_filter_picked (self, 0);
}

static void
on_person_filter_clear (BbConsultationView *self)
{
  on_person_filter_picked (self, 0);
}

/* Fills the dropdowns of regions, topics and authors from the store, keeping the choices. */
static void
load_filter_choices (BbConsultationView *self)
{
  BbStore *store = get_store (self);
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) topics = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) authors = gtk_string_list_new (NULL);
  const char * const *codes = bb_codes_list (BB_CODES_CONSULTATION_FORMAT);
  guint region_selected = 0, topic_selected = 0, author_selected = 0, format_selected = 0;

  self->loading_filters = TRUE;

  g_array_set_size (self->region_ids, 0);
  g_array_set_size (self->topic_ids, 0);
  g_ptr_array_set_size (self->authors, 0);

  gtk_string_list_append (regions, _("All regions"));
  g_array_append_val (self->region_ids, (gint64) { 0 });
  gtk_string_list_append (topics, _("All topics"));
  g_array_append_val (self->topic_ids, (gint64) { 0 });
  gtk_string_list_append (authors, _("All authors"));
  g_ptr_array_add (self->authors, NULL);
  gtk_string_list_append (formats, _("All formats"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (formats, bb_codes_label (BB_CODES_CONSULTATION_FORMAT, codes[i]));
      if (g_strcmp0 (codes[i], self->query->format) == 0)
        format_selected = i + 1;
    }

  if (store != NULL)
    {
      g_autoptr(GListModel) region_list = bb_store_list (store, BB_TYPE_REGION);
      g_autoptr(GListModel) topic_list = bb_store_list (store, BB_TYPE_TOPIC);
      g_auto(GStrv) author_names = bb_store_dup_consultation_authors (store);

      for (guint i = 0; i < g_list_model_get_n_items (region_list); i++)
        {
          g_autoptr(BbRegion) region = g_list_model_get_item (region_list, i);
          gint64 id = bb_record_get_id (BB_RECORD (region));

          gtk_string_list_append (regions, bb_region_get_name (region));
          g_array_append_val (self->region_ids, id);
          if (id == self->query->region_id)
            region_selected = self->region_ids->len - 1;
        }

      for (guint i = 0; i < g_list_model_get_n_items (topic_list); i++)
        {
          g_autoptr(BbTopic) topic = g_list_model_get_item (topic_list, i);
          gint64 id = bb_record_get_id (BB_RECORD (topic));

          gtk_string_list_append (topics, bb_topic_get_name (topic));
          g_array_append_val (self->topic_ids, id);
          if (id == self->query->topic_id)
            topic_selected = self->topic_ids->len - 1;
        }

      for (guint i = 0; author_names[i] != NULL; i++)
        {
          gtk_string_list_append (authors, author_names[i]);
          g_ptr_array_add (self->authors, g_strdup (author_names[i]));
          if (g_strcmp0 (author_names[i], self->query->author) == 0)
            author_selected = self->authors->len - 1;
        }
    }

  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  gtk_drop_down_set_selected (self->region_dropdown, region_selected);
  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (topics));
  gtk_drop_down_set_selected (self->topic_dropdown, topic_selected);
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (formats));
  gtk_drop_down_set_selected (self->format_dropdown, format_selected);
  gtk_drop_down_set_model (self->author_dropdown, G_LIST_MODEL (authors));
  gtk_drop_down_set_selected (self->author_dropdown, author_selected);

  self->loading_filters = FALSE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbConsultationView *self = BB_CONSULTATION_VIEW (widget);

  bb_consultation_query_free (self->query);
  self->query = bb_consultation_query_new ();

  self->loading_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->loading_filters = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->range_message), FALSE);

  load_filter_choices (self);
  update_record_filters (self);
  apply_query (self);
}

/* Actions ---------------------------------------------------------------------------------- */

static GtkWindow *
get_window (BbConsultationView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_editor_saved (BbConsultationView *self,
                 gint64              id)
{
  /* A new consultation may not match the filters: show it anyway. */
  if (!bb_consultation_view_show_record (self, BB_TYPE_CONSULTATION, id))
    {
      clear_filters_action (GTK_WIDGET (self), NULL, NULL);
      bb_consultation_view_show_record (self, BB_TYPE_CONSULTATION, id);
    }
}

static BbConsultationEditor *
open_editor (BbConsultationView *self,
             gint64              consultation_id)
{
  BbConsultationEditor *editor;

  if (get_store (self) == NULL)
    return NULL;

  editor = bb_consultation_editor_new (get_window (self), get_store (self), consultation_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (BB_CONSULTATION_VIEW (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbConsultationView *self = BB_CONSULTATION_VIEW (widget);
  gint64 id = selected_consultation_id (self);

  if (id != 0)
    open_editor (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbConsultationView *self = BB_CONSULTATION_VIEW (widget);
  gint64 id = selected_consultation_id (self);
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0 || get_store (self) == NULL)
    return;

  undo = bb_store_delete_undoable (get_store (self), BB_TYPE_CONSULTATION, id, &error);
  if (undo == NULL)
    {
      bb_widget_show_store_error (GTK_WIDGET (self), _("The Consultation Was Not Deleted"),
                                  get_store (self), error);
      return;
    }

  bb_widget_add_undo_toast (GTK_WIDGET (self), get_store (self), _("Consultation deleted"), undo);
}

static void
update_actions (BbConsultationView *self)
{
  gboolean selected = selected_consultation_id (self) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation-view.new", get_store (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation-view.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation-view.delete", selected);
}

/* Drafts from before ----------------------------------------------------------------------- */

static void
on_restore_toast_clicked (AdwToast           *toast,
                          BbConsultationView *self)
{
  gint64 *record_id = g_object_get_data (G_OBJECT (toast), "record-id");
  g_autoptr(BbRecord) record = NULL;
  BbConsultationEditor *editor;

  if (get_store (self) == NULL)
    return;

  /* A draft of a consultation deleted since is offered as a new one. */
  if (*record_id != 0)
    record = bb_store_get (get_store (self), BB_TYPE_CONSULTATION, *record_id, NULL);
  editor = open_editor (self, record != NULL ? *record_id : 0);
  if (editor != NULL)
    bb_consultation_editor_restore_draft (editor);
}

static gboolean
offer_drafts_cb (gpointer user_data)
{
  BbConsultationView *self = user_data;
  g_autoptr(GArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) content = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 record_id;

  self->draft_offer_id = 0;
  if (get_store (self) == NULL)
    return G_SOURCE_REMOVE;

  drafts = bb_draft_list (get_store (self), BB_DRAFT_CONSULTATION, &error);
  if (drafts == NULL)
    {
      g_warning ("Cannot list drafts: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  if (drafts->len == 0)
    return G_SOURCE_REMOVE;

  record_id = g_array_index (drafts, gint64, 0);
  content = bb_draft_load (get_store (self), BB_DRAFT_CONSULTATION, record_id, &updated_at, NULL);
  if (content == NULL)
    return G_SOURCE_REMOVE;

  date = bb_format_date (updated_at);
  time = bb_format_time (updated_at);
  /* Translators: a toast at start; the date and time the unsaved text was last changed */
  title = g_strdup_printf (_("Restore unsaved consultation from %s, %s?"), date, time);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Restore"));
  adw_toast_set_timeout (toast, 0);
  g_object_set_data_full (G_OBJECT (toast), "record-id",
                          g_memdup2 (&record_id, sizeof record_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_restore_toast_clicked), self, 0);
  bb_widget_add_toast (GTK_WIDGET (self), toast);

  return G_SOURCE_REMOVE;
}

/* The store -------------------------------------------------------------------------------- */

static void
on_models_changed (BbConsultationView *self)
{
  update_empty (self);
  update_filter_summary (self);
}

static void
on_choices_changed (BbConsultationView *self)
{
  load_filter_choices (self);
  update_record_filters (self);
}

static void
on_browser_show_record (BbConsultationView *self,
                        GType               type,
                        gint64              id)
{
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

static void
on_lists_page_changed (BbConsultationView *self)
{
  update_actions (self);
}

void
bb_consultation_view_set_store (BbConsultationView *self,
                                BbStore            *store)
{
  BbStore *old;
  GListModel *list;

  g_return_if_fail (BB_IS_CONSULTATION_VIEW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  old = get_store (self);
  if (store == old)
    return;

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  bb_consultation_query_free (self->query);
  self->query = bb_consultation_query_new ();
  self->loading_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->loading_filters = FALSE;

  bb_browser_set_store (self->browser, store);

  list = bb_browser_get_model (self->browser, BB_TYPE_FOLLOWUP);
  if (list != NULL)
    {
      bb_followup_list_show_open (BB_RECORD_LIST (list));
      g_signal_connect_object (list, "items-changed", G_CALLBACK (on_models_changed), self,
                               G_CONNECT_SWAPPED);
    }
  list = bb_browser_get_model (self->browser, BB_TYPE_CONSULTATION);
  if (list != NULL)
    {
      bb_consultation_query_apply (self->query, BB_RECORD_LIST (list));
      g_signal_connect_object (list, "items-changed", G_CALLBACK (on_models_changed), self,
                               G_CONNECT_SWAPPED);
    }

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::region", G_CALLBACK (on_choices_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::topic", G_CALLBACK (on_choices_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::consultation", G_CALLBACK (on_choices_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::consultation", G_CALLBACK (update_empty),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      /* Rows show people, topics and follow-ups: draw them again when those change. */
      g_signal_connect_object (store, "committed", G_CALLBACK (refill_rows), self,
                               G_CONNECT_SWAPPED);
    }

  load_filter_choices (self);
  update_record_filters (self);
  {
    BbSearchPicker *shelter_picker = BB_SEARCH_PICKER (gtk_menu_button_get_popover (self->shelter_filter_button));
    BbSearchPicker *person_picker = BB_SEARCH_PICKER (gtk_menu_button_get_popover (self->person_filter_button));

    bb_search_picker_set_store (shelter_picker, store);
    bb_search_picker_set_store (person_picker, store);
  }
  update_filter_summary (self);
  update_empty (self);
  update_actions (self);

  g_clear_handle_id (&self->draft_offer_id, g_source_remove);
  if (store != NULL)
    self->draft_offer_id = g_idle_add (offer_drafts_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_consultation_view_get_store (BbConsultationView *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), NULL);

  return get_store (self);
}

gboolean
bb_consultation_view_show_record (BbConsultationView *self,
                                  GType               type,
                                  gint64              id)
{
  gboolean shown;

  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), FALSE);

  if (type == BB_TYPE_CONSULTATION)
    gtk_stack_set_visible_child_name (self->lists_stack, "consultations");
  else if (type == BB_TYPE_FOLLOWUP)
    gtk_stack_set_visible_child_name (self->lists_stack, "followups");

  shown = bb_browser_show_record (self->browser, type, id);

  /* Shown from elsewhere (a link, the global search): the filters must not hide it. */
  if (!shown && type == BB_TYPE_CONSULTATION && !bb_consultation_query_is_empty (self->query))
    {
      clear_filters_action (GTK_WIDGET (self), NULL, NULL);
      shown = bb_browser_show_record (self->browser, type, id);
    }

  update_actions (self);

  return shown;
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
  GListModel *list;

  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), 0);

  list = bb_browser_get_model (self->browser, BB_TYPE_CONSULTATION);

  return list != NULL ? g_list_model_get_n_items (list) : 0;
}

GListModel *
bb_consultation_view_get_open_followups (BbConsultationView *self)
{
  g_return_val_if_fail (BB_IS_CONSULTATION_VIEW (self), NULL);

  return bb_browser_get_model (self->browser, BB_TYPE_FOLLOWUP);
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

  g_clear_handle_id (&self->draft_offer_id, g_source_remove);
  if (self->bound_items != NULL)
    g_hash_table_remove_all (self->bound_items);
  g_clear_object (&self->browser);
  g_clear_object (&self->browser_stack);
  /* AdwBin would unparent its child again after the template has done so. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CONSULTATION_VIEW);

  G_OBJECT_CLASS (bb_consultation_view_parent_class)->dispose (object);
}

static void
bb_consultation_view_finalize (GObject *object)
{
  BbConsultationView *self = (BbConsultationView *)object;

  g_clear_pointer (&self->query, bb_consultation_query_free);
  g_clear_pointer (&self->region_ids, g_array_unref);
  g_clear_pointer (&self->topic_ids, g_array_unref);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (bb_consultation_view_parent_class)->finalize (object);
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
  object_class->finalize = bb_consultation_view_finalize;
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
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, lists_stack);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, list_view);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, followups_view);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, followups_stack);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, detail);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, shelter_filter_button);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, shelter_filter_clear);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, person_filter_button);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, person_filter_clear);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BbConsultationView, range_message);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shelter_filter_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_person_filter_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_lists_page_changed);

  gtk_widget_class_install_action (widget_class, "consultation-view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "consultation-view.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "consultation-view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "consultation-view.clear-filters", NULL,
                                   clear_filters_action);
  /* Ctrl+N and Ctrl+E: bb-view-shortcuts.c. Delete on the lists and the detail, not while
   * typing: the search entry takes Delete first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "consultation-view.delete", NULL);
}

static void
bb_consultation_view_init (BbConsultationView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) followup_factory = NULL;
  BbSearchPicker *shelter_picker;
  BbSearchPicker *person_picker;

  self->query = bb_consultation_query_new ();
  self->region_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->topic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->authors = g_ptr_array_new_with_free_func (g_free);
  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->browser_stack = g_object_ref_sink (GTK_STACK (gtk_stack_new ()));
  gtk_stack_add_named (self->browser_stack, gtk_label_new (NULL), "empty");
  gtk_stack_add_named (self->browser_stack, gtk_label_new (NULL), "content");

  self->browser = bb_browser_new (self->leaflet, self->browser_stack, self->detail);
  bb_browser_add_list (self->browser, self->list_view, BB_TYPE_CONSULTATION, consultation_row,
                       self);
  bb_browser_add_list (self->browser, self->followups_view, BB_TYPE_FOLLOWUP,
                       followup_browser_row, self);
  bb_browser_set_render_func (self->browser, render_consultation, self);
  bb_browser_watch_table (self->browser, "consultation");
  bb_browser_watch_table (self->browser, "consultation_person");
  bb_browser_watch_table (self->browser, "consultation_topic");
  bb_browser_watch_table (self->browser, "followup");
  bb_browser_watch_table (self->browser, "shelter");
  bb_browser_watch_table (self->browser, "person");
  bb_browser_watch_table (self->browser, "organisation");
  bb_browser_watch_table (self->browser, "region");
  g_signal_connect_object (self->browser, "show-record", G_CALLBACK (on_browser_show_record),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->browser, "notify::selected", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);

  /* Richer rows than the browser's title and subtitle: the view's own factories. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_consultation_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_consultation_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_consultation_row), self);
  gtk_list_view_set_factory (self->list_view, factory);

  followup_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (followup_factory, "setup", G_CALLBACK (setup_followup_row), self);
  g_signal_connect (followup_factory, "bind", G_CALLBACK (bind_followup_row), self);
  gtk_list_view_set_factory (self->followups_view, followup_factory);

  shelter_picker = bb_search_picker_new (BB_TYPE_SHELTER);
  person_picker = bb_search_picker_new (BB_TYPE_PERSON);
  g_signal_connect_object (shelter_picker, "picked", G_CALLBACK (on_shelter_filter_picked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (person_picker, "picked", G_CALLBACK (on_person_filter_picked), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->shelter_filter_button, GTK_WIDGET (shelter_picker));
  gtk_menu_button_set_popover (self->person_filter_button, GTK_WIDGET (person_picker));

  load_filter_choices (self);
  update_record_filters (self);
  update_filter_summary (self);
  update_empty (self);
  update_actions (self);

  bb_view_shortcuts_install (GTK_WIDGET (self), "consultations");
}
