/* test-german-ui.c: the window in German, as the people who use it see it (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under de_DE.UTF-8 with LANGUAGE=de and the build's catalogue. The welcome page, every
 * view empty and with a record in its detail pane, every editor and dialog (also an import's
 * plan), the search, the preferences, the shortcuts and the about window are opened, and every
 * text they show (labels, placeholders, tooltips, window titles, menu items), and the report's
 * CSV and PDF files, are checked:
 *  - it is no English message of the catalogue whose German differs: a string marked but not
 *    translated where it is used (N_() shown without _(), a text made before the locale was
 *    set);
 *  - it holds none of a short list of English words that are no German words;
 *  - dates are German: no ISO "2026-11-25" and no "11/25/2026".
 * Then what depends on the locale and not on the catalogue: month names (December is
 * "Dezember"), weekday names and numbers of 1000 and more with German digit grouping
 * ("1.234"). Strings not yet in po/de.po show in English and fail too, as po-complete does.
 */

#define G_LOG_DOMAIN "test-german-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bb-application.h"
#include "bb-calendar-view-private.h"
#include "bb-calendar-view.h"
#include "bb-core.h"
#include "bb-ics-dialogs.h"
#include "bb-month-view.h"
#include "bb-network-view.h"
#include "bb-report-view-private.h"
#include "bb-search-popover.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

/* English words that are no German words: one in a text shown means English slipped through.
 * Kept short on purpose, and checked as whole words with their case ("was" and "Not" are
 * German words, so they are not here). */
static const char * const english_words[] = {
  "the", "The", "and", "of", "with", "is", "are", "not", "for", "your", "this", "has", "been",
  "cannot", "more", "none", "people", "residents", "places", "events",
  "Cancel", "Save", "Delete", "Edit", "Close", "Search", "Today", "Yesterday", "Tomorrow",
  "New", "Add", "Remove", "Settings", "Preferences", "Undo", "Back", "Previous", "Next",
  "Week", "Month", "Year", "Shelters", "Network", "Consultations", "Calendar", "Report",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  /* Not "Mon", "Thu", "Sun": given names too (the demo has a Thu); test_dates checks the
   * weekday heads of the month instead. */
  "January", "February", "March", "June", "July", "October", "December",
};

/* English text of the catalogue (as shown: mnemonic underscores removed) → its German. */
static GHashTable *english;
/* What the checks found since the last report_problems (), each once. */
static GString *problems;
static GHashTable *problems_seen;
static guint n_texts_checked;

/* The catalogue ------------------------------------------------------------------------- */

static guint32
mo_word (const char *data,
         gsize       length,
         gsize       offset)
{
  guint32 word;

  g_assert_cmpuint (offset + 4, <=, length);
  memcpy (&word, data + offset, 4);

  return word;
}

/* The n-th string of the table at table_offset, with its length (which may hold NULs). */
static const char *
mo_string (const char *data,
           gsize       length,
           guint32     table_offset,
           guint32     n,
           guint32    *string_length)
{
  guint32 offset;

  *string_length = mo_word (data, length, table_offset + 8 * n);
  offset = mo_word (data, length, table_offset + 8 * n + 4);
  g_assert_cmpuint ((gsize) offset + *string_length, <=, length);

  return data + offset;
}

static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *++p);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_german (gpointer key,
           gpointer value,
           gpointer german)
{
  return g_hash_table_contains (german, key);
}

/* Reads the .mo file (GNU gettext's format, in this machine's byte order) into english. Texts
 * with a printf directive cannot be met literally and are left out; so are English texts that
 * are also the German of some message (such as "Name", or "Start" if it were both). */
static void
load_catalogue (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BB_LOCALEDIR"), "de", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GHashTable) german = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint32 n, originals, translations;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmphex (mo_word (data, length, 0), ==, 0x950412de);
  n = mo_word (data, length, 8);
  originals = mo_word (data, length, 12);
  translations = mo_word (data, length, 16);
  g_assert_cmpuint (n, >, 500);

  english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length, str_length;
      const char *id = mo_string (data, length, originals, i, &id_length);
      const char *str = mo_string (data, length, translations, i, &str_length);
      const char *id_end = id + id_length;
      const char *context_end = memchr (id, '\004', id_length);
      g_autofree char *singular = NULL;
      g_autofree char *translation = NULL;

      if (id_length == 0)
        continue;  /* the header */
      if (context_end != NULL)
        id = context_end + 1;
      /* Plural messages: "singular\0plural" → "form 1\0form 2", each with the first form. */
      singular = strip_mnemonic (id);
      translation = strip_mnemonic (str);
      g_hash_table_add (german, g_strdup (translation));
      if (strlen (str) + 1 < str_length)
        g_hash_table_add (german, strip_mnemonic (str + strlen (str) + 1));

      if (strchr (singular, '%') == NULL && g_strcmp0 (singular, translation) != 0)
        g_hash_table_insert (english, g_strdup (singular), g_strdup (translation));
      if (id + strlen (id) < id_end)
        {
          g_autofree char *plural = strip_mnemonic (id + strlen (id) + 1);

          if (strchr (plural, '%') == NULL)
            g_hash_table_insert (english, g_steal_pointer (&plural), g_strdup (translation));
        }
    }

  g_hash_table_foreach_remove (english, is_german, german);
  g_assert_cmpuint (g_hash_table_size (english), >, 300);
}

/* Looking at texts ---------------------------------------------------------------------- */

static void
problem (const char *where,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (const char *where,
         const char *format,
         ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_hash_table_add (problems_seen, text))
    g_string_append_printf (problems, "%s: %s\n", where, text);
}

/* Fails the test with what the checks found since the last call. */
static void
report_problems (void)
{
  if (problems->len > 0)
    g_test_fail_printf ("texts not in German:\n%s", problems->str);
  g_string_truncate (problems, 0);
  g_hash_table_remove_all (problems_seen);
}

static void
check_text (const char *where,
            const char *text)
{
  const char *german;
  g_autoptr(GRegex) iso_date = NULL;
  g_autoptr(GRegex) us_date = NULL;
  const char *p = text;

  if (text == NULL || *text == '\0')
    return;
  n_texts_checked++;

  german = g_hash_table_lookup (english, text);
  if (german != NULL)
    problem (where, "“%s” is English; in German: “%s”", text, german);

  /* Whole words, split at everything that is no letter. */
  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;
      word = g_strndup (start, p - start);
      if (g_strv_contains (english_words, word))
        problem (where, "“%s” holds the English word “%s”", text, word);
    }

  iso_date = g_regex_new ("\\b\\d{4}-\\d{2}-\\d{2}\\b", 0, 0, NULL);
  us_date = g_regex_new ("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b", 0, 0, NULL);
  if (g_regex_match (iso_date, text, 0, NULL) || g_regex_match (us_date, text, 0, NULL))
    problem (where, "“%s” holds a date in no German format", text);
}

static void
check_menu (const char *where,
            GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      GMenuLinkIter *links;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          g_autofree char *shown = strip_mnemonic (label);

          check_text (where, shown);
        }
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          check_menu (where, link);
          g_object_unref (link);
        }
      g_object_unref (links);
    }
}

/* Every text the mapped widgets below widget show. */
static void
check_widget (const char *where,
              GtkWidget  *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_text (where, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_TEXT (widget))
    check_text (where, gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  if (GTK_IS_WINDOW (widget))
    check_text (where, gtk_window_get_title (GTK_WINDOW (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    check_menu (where, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  check_text (where, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (where, child);
}

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const char *data);

/* The first widget below widget (itself included) that match accepts; with mapped_only, only
 * among what is shown. NULL if none. */
static GtkWidget *
find_widget (GtkWidget   *widget,
             gboolean     mapped_only,
             WidgetMatch  match,
             const char  *data)
{
  if (mapped_only && !gtk_widget_get_mapped (widget))
    return NULL;
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, mapped_only, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_contains (GtkWidget  *widget,
                const char *part)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
label_matches (GtkWidget  *widget,
               const char *pattern)
{
  return GTK_IS_LABEL (widget)
         && g_regex_match_simple (pattern, gtk_label_get_text (GTK_LABEL (widget)), 0, 0);
}

static gboolean
button_labelled (GtkWidget  *widget,
                 const char *label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
collect_shortcuts_sections (GtkWidget *widget,
                            GPtrArray *sections)
{
  if (GTK_IS_SHORTCUTS_SECTION (widget))
    g_ptr_array_add (sections, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts_sections (child, sections);
}

/* Opening things ------------------------------------------------------------------------ */

static GtkWindow *
new_mapped_window (GList *before)
{
  g_autoptr(GList) now = gtk_window_list_toplevels ();

  for (GList *l = now; l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL && gtk_widget_get_mapped (l->data))
      return l->data;

  return NULL;
}

/* Activates action on widget (or the application's action if widget is NULL), checks the
 * window it opens and closes it. */
static void
check_window_of_action (Fixture    *fixture,
                        GtkWidget  *widget,
                        const char *action)
{
  g_autoptr(GList) before = gtk_window_list_toplevels ();
  GtkWindow *window = NULL;

  g_test_message ("%s", action);
  if (widget != NULL)
    g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  else
    g_action_group_activate_action (G_ACTION_GROUP (fixture->app), action, NULL);
  WAIT_UNTIL ((window = new_mapped_window (before)) != NULL, action);
  settle ();

  check_widget (action, GTK_WIDGET (window));
  gtk_window_destroy (window);
  settle ();
}

static BbRecord *
first_record (BbStore *store,
              GType    type)
{
  g_autoptr(GListModel) records = bb_store_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (records, i);

      /* A consultation with a shelter and an event that repeats show the most. */
      if (BB_IS_CONSULTATION (record) && bb_consultation_get_shelter_id (BB_CONSULTATION (record)) == 0)
        continue;
      if (BB_IS_EVENT (record) && bb_event_get_rrule (BB_EVENT (record)) == NULL)
        continue;

      return g_steal_pointer (&record);
    }

  g_assert_not_reached ();
}

/* Shows view with the first record of type in its detail pane and checks what it shows. */
static void
show_view_with_record (Fixture    *fixture,
                       const char *name,
                       GType       type)
{
  g_autoptr(BbRecord) record = first_record (fixture->store, type);
  g_autofree char *title = bb_record_dup_label (record);
  g_autofree char *where = g_strdup_printf ("%s, %s", name, g_type_name (type));
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", name);
  view = _bb_window_get_view (fixture->window, name);
  g_assert_true (bb_window_show_record (fixture->window, type, bb_record_get_id (record)));
  /* A consultation's detail is titled by its shelter; the rest by the record's label. */
  if (!BB_IS_CONSULTATION (record))
    WAIT_UNTIL (find_title_label (view, title) != NULL, "the record in the detail pane");
  settle ();

  check_widget (where, GTK_WIDGET (fixture->window));
}

/* Tests --------------------------------------------------------------------------------- */

static void
test_everything_german (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *network, *calendar;
  GtkWidget *shortcuts;
  BbIcalExportOptions export_options = { 0 };
  g_autoptr(GFile) ics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  GtkWidget *import;
  BbSearchPopover *popover;
  AdwAboutWindow *about;
  g_autoptr(GList) before = NULL;

  check_widget ("window", window);

  show_view_with_record (fixture, "shelters", BB_TYPE_SHELTER);
  check_window_of_action (fixture, window, "shelter-view.edit");
  check_window_of_action (fixture, window, "shelter-view.new");

  show_view_with_record (fixture, "network", BB_TYPE_ORGANISATION);
  network = _bb_window_get_view (fixture->window, "network");
  check_window_of_action (fixture, network, "network.edit");
  show_view_with_record (fixture, "network", BB_TYPE_PERSON);
  check_window_of_action (fixture, network, "network.edit");
  check_window_of_action (fixture, network, "network.add-link");

  show_view_with_record (fixture, "consultations", BB_TYPE_CONSULTATION);
  check_window_of_action (fixture, _bb_window_get_view (fixture->window, "consultations"),
                          "consultation-view.edit");

  show_view_with_record (fixture, "calendar", BB_TYPE_EVENT);
  calendar = _bb_window_get_view (fixture->window, "calendar");
  check_window_of_action (fixture, calendar, "calendar.edit-event");
  check_window_of_action (fixture, calendar, "calendar.edit-occurrence");
  check_window_of_action (fixture, calendar, "calendar.attendance");
  check_window_of_action (fixture, calendar, "calendar.export");
  gtk_widget_activate_action (calendar, "calendar.show-agenda", NULL);
  settle ();
  check_widget ("calendar, agenda", window);

  /* The plan of an import, of our own export: every event is there already. */
  ics = g_file_new_build_filename (fixture->dir, "kalender.ics", NULL);
  g_assert_true (bb_ical_export_to_file (fixture->store, &export_options, ics, NULL, &error));
  g_assert_no_error (error);
  import = bb_ics_import_dialog_new (calendar, fixture->store, ics, 0);
  gtk_window_present (GTK_WINDOW (import));
  WAIT_UNTIL (gtk_widget_get_mapped (import), "the import dialog");
  settle ();
  check_widget ("calendar import", import);
  gtk_window_destroy (GTK_WINDOW (import));

  gtk_widget_activate_action (window, "win.show-view", "s", "report");
  WAIT_UNTIL (g_str_equal (_bb_report_view_get_page (BB_REPORT_VIEW (_bb_window_get_view (fixture->window, "report"))),
                           "report"),
              "the report");
  settle ();
  check_widget ("report", window);

  check_window_of_action (fixture, NULL, "preferences");

  /* The search with hits of every kind ("Beratung" is in the consultations' notes). */
  popover = _bb_window_get_search_popover (fixture->window);
  gtk_widget_activate_action (window, "win.search", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), "the search popover");
  gtk_editable_set_text (bb_search_popover_get_entry (popover), "Ber");
  WAIT_UNTIL (g_list_model_get_n_items (bb_search_popover_get_results (popover)) > 0,
              "hits of the search");
  settle ();
  check_widget ("search", GTK_WIDGET (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  before = gtk_window_list_toplevels ();
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  WAIT_UNTIL ((about = ADW_ABOUT_WINDOW (new_mapped_window (before))) != NULL, "the about window");
  settle ();
  check_widget ("about", GTK_WIDGET (about));
  /* Shown on the credits and legal pages: translated, not the message's own key. */
  check_text ("about, translator credits", adw_about_window_get_translator_credits (about));
  check_text ("about, copyright", adw_about_window_get_copyright (about));
  g_assert_cmpstr (adw_about_window_get_translator_credits (about), !=, "translator-credits");
  gtk_window_destroy (GTK_WINDOW (about));

  gtk_widget_activate_action (window, "win.show-help-overlay", NULL);
  shortcuts = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  WAIT_UNTIL (gtk_widget_get_mapped (shortcuts), "the shortcuts window");
  /* Each section in turn: only the one shown is mapped. */
  collect_shortcuts_sections (shortcuts, sections);
  g_assert_cmpuint (sections->len, >, 0);
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *section_name = NULL;

      g_object_get (sections->pdata[i], "section-name", &section_name, NULL);
      g_object_set (shortcuts, "section-name", section_name, NULL);
      settle ();
      check_widget ("shortcuts", shortcuts);
    }
  gtk_widget_set_visible (shortcuts, FALSE);

  /* Nothing would be found if nothing were looked at. */
  g_test_message ("%u texts checked", n_texts_checked);
  g_assert_cmpuint (n_texts_checked, >, 500);
  report_problems ();
}

/* The welcome page of a new database, then each view empty, with its status page. */
static void
test_welcome_and_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const views[] = { "shelters", "network", "consultations", "calendar", "report" };
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_cmpstr (_bb_window_get_page (fixture->window), ==, "welcome");
  check_widget ("welcome", window);

  gtk_widget_activate_action (window, "win.start-empty", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (window, "win.show-view", "s", views[i]);
      settle ();
      check_widget (views[i], window);
    }

  report_problems ();
}

/* Month and weekday names come from the locale (LC_TIME), not from our catalogue. */
static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *calendar;
  BbMonthView *month;
  BbReportView *report;
  g_autofree char *november = NULL;
  g_autofree char *december = NULL;
  g_autoptr(GList) before = NULL;
  GtkWindow *editor = NULL;
  GtkWidget *wednesday;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "calendar");
  calendar = _bb_window_get_view (fixture->window, "calendar");
  month = _bb_calendar_view_get_month_view (BB_CALENDAR_VIEW (calendar));
  gtk_widget_activate_action (calendar, "calendar.today", NULL);
  november = bb_month_view_dup_title (month);
  g_assert_cmpstr (november, ==, "November 2026");
  gtk_widget_activate_action (calendar, "calendar.next", NULL);
  december = bb_month_view_dup_title (month);
  g_assert_cmpstr (december, ==, "Dezember 2026");

  /* The agenda's dates with German weekdays ("Mi, 25.11.2026"; "Mi., 25.11.2026" would do). */
  gtk_widget_activate_action (calendar, "calendar.show-agenda", NULL);
  settle ();
  g_assert_nonnull (find_widget (calendar, TRUE, label_matches, "^(Mo|Di|Mi|Do|Fr|Sa|So)\\.?, \\d\\d\\.\\d\\d\\.2026"));

  /* The weekday buttons of a weekly repetition: "Mi", "Mittwoch" as its tooltip. */
  before = gtk_window_list_toplevels ();
  g_assert_true (gtk_widget_activate_action (calendar, "calendar.new-event", NULL));
  WAIT_UNTIL ((editor = new_mapped_window (before)) != NULL, "the event editor");
  /* Shown or not: the repetition's part of the editor may be hidden. */
  wednesday = find_widget (GTK_WIDGET (editor), FALSE, button_labelled, "Mi");
  g_assert_nonnull (wednesday);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (wednesday), ==, "Mittwoch");
  gtk_window_destroy (editor);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "report");
  report = BB_REPORT_VIEW (_bb_window_get_view (fixture->window, "report"));
  gtk_drop_down_set_selected (_bb_report_view_get_kind_dropdown (report), BB_REPORT_PERIOD_MONTH);
  gtk_widget_activate_action (GTK_WIDGET (report), "report.next", NULL);
  WAIT_UNTIL (strstr (gtk_label_get_text (_bb_report_view_get_period_label (report)), "Dezember") != NULL,
              "December in the report's period");
}

/* Each line of text through check_text (), with where; the number of lines. */
static guint
check_lines (const char *where,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\n\f", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      check_text (where, lines[i]);
      n++;
    }

  return n;
}

/* The files the report writes, CSV and PDF (read back with pdftotext), in German too. */
static void
test_report_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (fixture->dir, "bericht.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "bericht.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", pdf_path, "-", NULL };
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  BbReportView *report;
  int status = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "report");
  report = BB_REPORT_VIEW (_bb_window_get_view (fixture->window, "report"));
  gtk_drop_down_set_selected (_bb_report_view_get_kind_dropdown (report), BB_REPORT_PERIOD_YEAR);
  WAIT_UNTIL (g_str_equal (_bb_report_view_get_page (report), "report"), "the report of the year");

  g_assert_true (bb_report_view_export (report, BB_REPORT_FORMAT_CSV, csv_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_strdelimit (csv, ";", '\n');
  g_assert_cmpuint (check_lines ("report CSV", csv), >, 20);
  g_assert_nonnull (strstr (csv, "Tätigkeitsbericht"));

  g_assert_true (bb_report_view_export (report, BB_REPORT_FORMAT_PDF, pdf_path, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &pdf, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (check_lines ("report PDF", pdf), >, 20);
  g_assert_nonnull (strstr (pdf, "Tätigkeitsbericht"));
  g_assert_nonnull (strstr (pdf, "Seite 1 von"));

  report_problems ();
}

/* Counts of 1000 and more with German digit grouping, "1.234" (LC_NUMERIC). */
static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BbRecord) shelter = first_record (fixture->store, BB_TYPE_SHELTER);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  bb_shelter_set_capacity (BB_SHELTER (shelter), 1500);
  bb_shelter_set_residents (BB_SHELTER (shelter), 1234);
  g_assert_true (bb_store_update (fixture->store, shelter, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "shelters");
  view = _bb_window_get_view (fixture->window, "shelters");
  g_assert_true (bb_window_show_record (fixture->window, BB_TYPE_SHELTER,
                                        bb_record_get_id (shelter)));
  WAIT_UNTIL (find_widget (view, TRUE, label_contains, "1.234/1.500") != NULL,
              "the residents and places as “1.234/1.500”");
  /* Not the C locale's "1234/1500", nor English grouping (a phone number may hold "1234"). */
  g_assert_null (find_widget (view, TRUE, label_contains, "1234/1500"));
  g_assert_null (find_widget (view, TRUE, label_contains, "1,234/1,500"));
}

int
main (int   argc,
      char *argv[])
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  /* Each test reports what it found, also after another failed (GTest stops at the first). */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;
  char **argv_keep_going = args;
  g_autofree char *localedir = NULL;
  int status;

  /* A German desktop and the build's catalogue (as build-aux/run.sh), before GTK starts:
   * GLib decides at the first g_dgettext() whether to translate at all, and does not if the
   * program's catalogue is not found then. G_TEST_BUILDDIR is set by meson test. */
  g_assert_nonnull (builddir);
  localedir = g_build_filename (builddir, "..", "po", NULL);
  g_setenv ("BB_LOCALEDIR", localedir, TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  bb_test_ui_init (&n_args, &argv_keep_going);
  /* build-aux/setup.sh generates the locale; without it nothing here would be German. */
  if (g_strcmp0 (setlocale (LC_TIME, NULL), "de_DE.UTF-8") != 0)
    g_error ("The locale de_DE.UTF-8 is missing (locale-gen, see build-aux/setup.sh)");

  load_catalogue ();
  problems = g_string_new (NULL);
  problems_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_test_add ("/ui/german/dates", Fixture, NULL,
              fixture_set_up_demo, test_dates, fixture_tear_down);
  g_test_add ("/ui/german/numbers", Fixture, NULL,
              fixture_set_up_demo, test_numbers, fixture_tear_down);
  g_test_add ("/ui/german/report-files", Fixture, NULL,
              fixture_set_up_demo, test_report_files, fixture_tear_down);
  g_test_add ("/ui/german/welcome-and-empty", Fixture, NULL,
              fixture_set_up_empty, test_welcome_and_empty, fixture_tear_down);
  g_test_add ("/ui/german/everything", Fixture, NULL,
              fixture_set_up_demo, test_everything_german, fixture_tear_down);

  status = bb_test_ui_run ();
  g_string_free (problems, TRUE);
  g_hash_table_unref (problems_seen);
  g_hash_table_unref (english);

  return status;
}
