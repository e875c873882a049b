/* test-fields-ui.c: every editor's free-text fields driven through their real widgets (run
 * under Xvfb): emoji, flags and right-to-left names are saved and read back byte for byte and
 * shown in the lists and details; over-long text and control characters are refused with the
 * message below the field, and nothing is saved. All names are made up.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fields-ui"

#include "config.h"

#include "bb-attendance-dialog.h"
#include "bb-calendar-entry.h"
#include "bb-consultation-editor.h"
#include "bb-editor.h"
#include "bb-event-editor.h"
#include "bb-format.h"
#include "bb-network-view.h"
#include "bb-occurrence-editor.h"
#include "bb-organisation-editor.h"
#include "bb-person-editor.h"
#include "bb-preferences-window.h"
#include "bb-relation-editor.h"
#include "bb-shelter-editor-private.h"
#include "bb-shelter-view-private.h"
#include "bb-store-calendar.h"
#include "bb-test-core.h"
#include "bb-test-ui.h"
#include "bb-validate.h"
#include "bb-window-private.h"

#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6"
#define FLAG_DE "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
#define ARABIC "مريم العلي"
#define HEBREW "שרה לוי"
#define PERSIAN "نگار می\xE2\x80\x8Cخواهد"
#define COMBINING "Rene\xCC\x81"

static guint n_commits;

static void
on_committed (void)
{
  n_commits++;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture_set_up_empty (fixture, data);
  /* Past the welcome page of an empty database, to the views. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-empty", NULL);
  settle ();
  n_commits = 0;
  g_signal_connect (fixture->store, "committed", G_CALLBACK (on_committed), NULL);
}

/* Types text into an entry (row) or a text view, as a paste does. */
static void
type_text (GtkWidget  *field,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static GtkWidget *
show_window (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (window), "the window to show");

  return window;
}

/* Types bad into field of window and checks that the message below the field says expected
 * and that activating save_action keeps the window open and writes nothing; then types good
 * and checks that the message is gone. */
static void
assert_refused (GtkWidget  *window,
                GtkWidget  *field,
                const char *save_action,
                const char *bad,
                const char *expected,
                const char *good)
{
  guint commits = n_commits;
  GtkWidget *message_row;
  GtkLabel *message;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  type_text (field, bad);
  settle ();
  message = bb_editor_get_text_message (window, field);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), expected));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  /* Right below the field: the next row of its list, or the next widget of its box. */
  message_row = gtk_widget_get_ancestor (GTK_WIDGET (message), GTK_TYPE_LIST_BOX_ROW);
  if (message_row != NULL)
    g_assert_true (gtk_widget_get_prev_sibling (message_row)
                   == gtk_widget_get_ancestor (field, GTK_TYPE_LIST_BOX_ROW));
  else
    g_assert_true (gtk_widget_is_ancestor (field, gtk_widget_get_prev_sibling (GTK_WIDGET (message)))
                   || gtk_widget_get_prev_sibling (GTK_WIDGET (message)) == field);

  gtk_widget_activate_action (window, save_action, NULL);
  settle ();
  g_assert_nonnull (window);
  g_assert_cmpuint (n_commits, ==, commits);

  type_text (field, good);
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (field, "error"));

  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
}

/* The id of the record of type whose property is value; fails the test if there is none. */
static gint64
find_record (BbStore    *store,
             GType       type,
             const char *property,
             const char *value)
{
  g_autoptr(GListModel) records = bb_store_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(BbRecord) record = g_list_model_get_item (records, i);
      g_autofree char *text = NULL;

      g_object_get (record, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return bb_record_get_id (record);
    }

  g_error ("No %s with that %s", g_type_name (type), property);
}

/* The mapped label showing text in a list row below widget (not a detail's title), or NULL. */
static GtkWidget *
find_row_label (GtkWidget  *widget,
                const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && !gtk_widget_has_css_class (widget, "title-1")
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW) != NULL)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row_label (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The entry row titled title below widget. */
static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry_row (c, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
save_and_wait (GtkWidget  *window,
               const char *save_action)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (window, save_action, NULL);
  WAIT_UNTIL (window == NULL, "the window to close after saving");
}

static void
choose_district (BbShelterEditor *editor,
                 const char      *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (_bb_shelter_editor_get_widget (editor, "district_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_shelter (Fixture       *fixture,
              gconstpointer  data)
{
  BbShelterView *view;
  BbShelterEditor *editor;
  g_autoptr(BbShelter) stored = NULL;
  g_autofree char *long_name = bb_test_repeat ("ש", BB_VALIDATE_LINE_MAX + 1);
  g_autofree char *long_notes = bb_test_repeat ("Notiz ", BB_VALIDATE_NOTES_MAX / 6 + 1);
  g_autofree char *long_search = bb_test_repeat ("suche ", 2000);
  const char *name = ARABIC " " FAMILY;
  const char *notes = "Erste Zeile " FLAG_DE "\n" HEBREW "\n\tEingerückt " COMBINING;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "shelters");
  view = BB_SHELTER_VIEW (_bb_window_get_view (fixture->window, "shelters"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "shelter-view.new", NULL);
  editor = find_window_of_type (NULL, BB_TYPE_SHELTER_EDITOR);
  g_assert_nonnull (editor);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)), "the shelter editor");
  choose_district (editor, "Mitte");

  assert_refused (GTK_WIDGET (editor), _bb_shelter_editor_get_widget (editor, "name_row"),
                  "editor.save", long_name, "200", "  " ARABIC " " FAMILY "\xC2\xA0");
  assert_refused (GTK_WIDGET (editor), _bb_shelter_editor_get_widget (editor, "name_row"),
                  "editor.save", ARABIC "\aX", "U+0007", name);
  assert_refused (GTK_WIDGET (editor), _bb_shelter_editor_get_widget (editor, "street_row"),
                  "editor.save", "Hauptstraße 1\nHinterhaus", "single line", HEBREW " 7");
  assert_refused (GTK_WIDGET (editor), _bb_shelter_editor_get_widget (editor, "notes_view"),
                  "editor.save", long_notes, "100000", notes);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_SHELTER), ==, 0);
  save_and_wait (GTK_WIDGET (editor), "editor.save");

  /* Byte for byte, trimmed at the ends only. */
  id = bb_test_find_by_name (fixture->store, BB_TYPE_SHELTER, name);
  stored = bb_store_get (fixture->store, BB_TYPE_SHELTER, id, NULL);
  g_assert_cmpstr (bb_shelter_get_name (stored), ==, name);
  g_assert_cmpstr (bb_shelter_get_street (stored), ==, HEBREW " 7");
  g_assert_cmpstr (bb_shelter_get_notes (stored), ==, notes);

  /* Shown in the list and as the detail's title; found by the search. */
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), name) != NULL, "the name in the detail pane");
  WAIT_UNTIL (find_row_label (GTK_WIDGET (view), name) != NULL, "the name in the list");
  gtk_editable_set_text (_bb_shelter_view_get_search_entry (view), "مريم");
  WAIT_UNTIL (g_list_model_get_n_items (_bb_shelter_view_get_model (view)) == 1,
              "the search to find the shelter by its Arabic name");
  /* A search as long as a pasted page finds nothing and breaks nothing. */
  gtk_editable_set_text (_bb_shelter_view_get_search_entry (view), long_search);
  WAIT_UNTIL (g_list_model_get_n_items (_bb_shelter_view_get_model (view)) == 0,
              "the long search to find nothing");
  gtk_editable_set_text (_bb_shelter_view_get_search_entry (view), "");
}

static BbNetworkView *
show_network (Fixture *fixture)
{
  GtkWidget *view = _bb_window_get_view (fixture->window, "network");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "network");
  WAIT_UNTIL (gtk_widget_get_mapped (view), "the network view");

  return BB_NETWORK_VIEW (view);
}

static gpointer
wait_for_window (Fixture *fixture,
                 GType    type)
{
  gpointer window = NULL;

  WAIT_UNTIL ((window = find_window_of_type (NULL, type)) != NULL
              || (window = find_window_of_type (GTK_APPLICATION (fixture->app), type)) != NULL,
              g_type_name (type));
  WAIT_UNTIL (gtk_widget_get_mapped (window), "the window to show");

  return window;
}

static void
test_person_and_organisation (Fixture       *fixture,
                              gconstpointer  data)
{
  BbNetworkView *view = show_network (fixture);
  GtkEditable *search = template_child (view, BB_TYPE_NETWORK_VIEW, "search_entry");
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(BbOrganisation) organisation = NULL;
  g_autofree char *long_path = bb_test_repeat ("a", BB_VALIDATE_LONG_LINE_MAX);
  g_autofree char *long_web = g_strconcat ("https://example.org/", long_path, NULL);
  BbPersonEditor *person_editor;
  BbOrganisationEditor *org_editor;
  gint64 person_id, organisation_id;

  gtk_widget_activate_action (GTK_WIDGET (view), "network.new-person", NULL);
  person_editor = wait_for_window (fixture, BB_TYPE_PERSON_EDITOR);
  assert_refused (GTK_WIDGET (person_editor),
                  template_child (person_editor, BB_TYPE_PERSON_EDITOR, "given_name_row"), "editor.save",
                  "Sara\xE2\x80\xAE" "hcs", "U+202E", HEBREW);
  assert_refused (GTK_WIDGET (person_editor),
                  template_child (person_editor, BB_TYPE_PERSON_EDITOR, "family_name_row"), "editor.save",
                  "Levi\x1b[0m", "U+001B", FAMILY " " FLAG_DE);
  assert_refused (GTK_WIDGET (person_editor),
                  template_child (person_editor, BB_TYPE_PERSON_EDITOR, "languages_row"), "editor.save",
                  "Hebräisch\tArabisch", "single line", "עברית, العربية, Deutsch");
  assert_refused (GTK_WIDGET (person_editor),
                  template_child (person_editor, BB_TYPE_PERSON_EDITOR, "notes_view"), "editor.save",
                  "Zeile\xC2\x85Zeile", "U+0085", PERSIAN "\n" FAMILY);
  save_and_wait (GTK_WIDGET (person_editor), "editor.save");

  person_id = find_record (fixture->store, BB_TYPE_PERSON, "given-name", HEBREW);
  person = bb_store_get (fixture->store, BB_TYPE_PERSON, person_id, NULL);
  g_assert_cmpstr (bb_person_get_family_name (person), ==, FAMILY " " FLAG_DE);
  g_assert_cmpstr (bb_person_get_languages (person), ==, "עברית, العربية, Deutsch");
  g_assert_cmpstr (bb_person_get_notes (person), ==, PERSIAN "\n" FAMILY);
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), HEBREW " " FAMILY " " FLAG_DE) != NULL,
              "the person's name in the detail pane");

  gtk_stack_set_visible_child_name (template_child (view, BB_TYPE_NETWORK_VIEW, "lists_stack"),
                                    "organisations");
  gtk_widget_activate_action (GTK_WIDGET (view), "network.new", NULL);
  org_editor = wait_for_window (fixture, BB_TYPE_ORGANISATION_EDITOR);
  assert_refused (GTK_WIDGET (org_editor), template_child (org_editor, BB_TYPE_ORGANISATION_EDITOR, "name_row"),
                  "editor.save", "Verein\x7f", "U+007F", PERSIAN " " FLAG_DE);
  assert_refused (GTK_WIDGET (org_editor), template_child (org_editor, BB_TYPE_ORGANISATION_EDITOR, "web_row"),
                  "editor.save", long_web, "2000", "https://example.org/نگار");
  save_and_wait (GTK_WIDGET (org_editor), "editor.save");
  organisation_id = bb_test_find_by_name (fixture->store, BB_TYPE_ORGANISATION,
                                          PERSIAN " " FLAG_DE);
  organisation = bb_store_get (fixture->store, BB_TYPE_ORGANISATION, organisation_id, NULL);
  g_assert_cmpstr (bb_organisation_get_web (organisation), ==, "https://example.org/نگار");
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), PERSIAN " " FLAG_DE) != NULL,
              "the organisation's name in the detail pane");
  WAIT_UNTIL (find_row_label (GTK_WIDGET (view), PERSIAN " " FLAG_DE) != NULL,
              "the organisation in the list");

  /* The search finds right-to-left names with their joiners. */
  gtk_editable_set_text (search, "שרה");
  WAIT_UNTIL (g_list_model_get_n_items (bb_network_view_get_model (view, BB_TYPE_PERSON)) == 1,
              "the person found by the Hebrew name");
  gtk_editable_set_text (search, "");
}

static void
test_relation (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 person_id = bb_test_add_person (fixture->store, ARABIC, NULL);
  g_autoptr(BbOrganisation) organisation = bb_organisation_new ();
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(BbRelation) relation = NULL;
  BbRelationEditor *editor;
  gint64 organisation_id;

  bb_organisation_set_name (organisation, HEBREW " e.V.");
  bb_organisation_set_kind (organisation, "project");
  organisation_id = bb_test_insert (fixture->store, g_steal_pointer (&organisation));

  editor = bb_relation_editor_new (GTK_WINDOW (fixture->window), fixture->store, 0,
                                   BB_TYPE_PERSON, person_id);
  show_window (GTK_WIDGET (editor));
  /* The picker finds the organisation by its Hebrew name. */
  pick_record (template_child (editor, BB_TYPE_RELATION_EDITOR, "to_picker"), BB_TYPE_ORGANISATION, "שרה",
        organisation_id);
  assert_refused (GTK_WIDGET (editor), template_child (editor, BB_TYPE_RELATION_EDITOR, "note_row"),
                  "editor.save", "seit\x01" "2024", "U+0001", "ملاحظة " FAMILY);
  save_and_wait (GTK_WIDGET (editor), "editor.save");

  relations = bb_store_list (fixture->store, BB_TYPE_RELATION);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_assert_cmpstr (bb_relation_get_note (relation), ==, "ملاحظة " FAMILY);
}

static void
test_consultation (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 shelter_id = bb_test_add_shelter (fixture->store, "Haus " FLAG_DE, "Mitte");
  g_autofree char *long_topic = bb_test_repeat ("ت", BB_VALIDATE_LINE_MAX + 1);
  g_autoptr(GListModel) consultations = NULL;
  g_autoptr(BbConsultation) consultation = NULL;
  g_autoptr(GListModel) followups = NULL;
  g_autoptr(BbFollowup) followup = NULL;
  g_auto(GStrv) topics = NULL;
  BbConsultationEditor *editor;
  g_autoptr(GError) followup_error = NULL;
  GtkWidget *topic_entry, *followup_text;
  GtkLabel *message;

  editor = bb_consultation_editor_new_for (GTK_WINDOW (fixture->window), fixture->store,
                                           shelter_id, 0);
  show_window (GTK_WIDGET (editor));
  assert_refused (GTK_WIDGET (editor), template_child (editor, BB_TYPE_CONSULTATION_EDITOR, "notes_view"),
                  "editor.save", "Notiz\x0b", "U+000B",
                  "Gespräch mit " ARABIC " " FAMILY "\n\n" HEBREW);
  assert_refused (GTK_WIDGET (editor), template_child (editor, BB_TYPE_CONSULTATION_EDITOR, "author_row"),
                  "editor.save", "Anna\nB.", "single line", HEBREW);

  /* A topic too long stays in the entry with its message and is not added. */
  topic_entry = template_child (editor, BB_TYPE_CONSULTATION_EDITOR, "topic_entry");
  type_text (topic_entry, long_topic);
  g_signal_emit_by_name (topic_entry, "activate");
  message = bb_editor_get_text_message (GTK_WIDGET (editor), topic_entry);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (topic_entry)), ==, long_topic);
  g_assert_false (gtk_widget_get_visible (template_child (editor, BB_TYPE_CONSULTATION_EDITOR, "topics_box")));
  type_text (topic_entry, "Sprachcafé " FAMILY);
  g_signal_emit_by_name (topic_entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (topic_entry)), ==, "");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (message)));

  /* A follow-up with a control character: its own message, nothing saved. */
  followup_text = GTK_WIDGET (bb_consultation_editor_add_followup (editor));
  type_text (followup_text, "Rückruf\x07");
  settle ();
  g_assert_true (gtk_widget_has_css_class (followup_text, "error"));
  g_assert_false (bb_validate_column ("text", "Rückruf\x07", &followup_error));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (editor), followup_error->message));
  g_assert_false (bb_consultation_editor_save (editor));
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_CONSULTATION), ==, 0);
  type_text (followup_text, "Rückruf bei " ARABIC);
  settle ();
  g_assert_false (gtk_widget_has_css_class (followup_text, "error"));
  save_and_wait (GTK_WIDGET (editor), "editor.save");

  consultations = bb_store_list (fixture->store, BB_TYPE_CONSULTATION);
  g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 1);
  consultation = g_list_model_get_item (consultations, 0);
  g_assert_cmpstr (bb_consultation_get_notes (consultation), ==,
                   "Gespräch mit " ARABIC " " FAMILY "\n\n" HEBREW);
  g_assert_cmpstr (bb_consultation_get_author (consultation), ==, HEBREW);
  topics = bb_store_get_consultation_topics (fixture->store,
                                             bb_record_get_id (BB_RECORD (consultation)));
  g_assert_cmpuint (g_strv_length (topics), ==, 1);
  g_assert_cmpstr (topics[0], ==, "Sprachcafé " FAMILY);
  followups = bb_store_list_related (fixture->store, BB_TYPE_FOLLOWUP, "consultation-id",
                                     bb_record_get_id (BB_RECORD (consultation)));
  g_assert_cmpuint (g_list_model_get_n_items (followups), ==, 1);
  followup = g_list_model_get_item (followups, 0);
  g_assert_cmpstr (bb_followup_get_text (followup), ==, "Rückruf bei " ARABIC);
}

static gint64
add_series (BbStore *store)
{
  g_autoptr(BbEvent) event = bb_event_new ();

  bb_event_set_title (event, "Jour fixe");
  bb_event_set_kind (event, "jour-fixe");
  bb_event_set_status (event, "confirmed");
  bb_event_set_starts_at (event, "2026-12-01T10:00");
  bb_event_set_ends_at (event, "2026-12-01T12:00");
  bb_event_set_rrule (event, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (bb_store_insert_event (store, event, NULL));

  return bb_record_get_id (BB_RECORD (event));
}

static BbCalendarEntry *
first_entry (BbStore *store)
{
  g_autoptr(GPtrArray) occurrences = bb_store_list_occurrences (store, "2026-12-01", "2026-12-02",
                                                                0, NULL, 0, NULL);

  g_assert_nonnull (occurrences);
  g_assert_cmpuint (occurrences->len, ==, 1);

  return bb_calendar_entry_new_from_occurrence (occurrences->pdata[0]);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *long_title = bb_test_repeat ("Werkstatt ", 21);
  g_autoptr(BbEvent) event = NULL;
  g_autoptr(BbCalendarEntry) entry = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autofree char *minutes = NULL;
  GtkWidget *editor, *dialog, *minutes_view;
  GDate day;
  gint64 series_id, event_id;

  /* The event editor. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, G_DATE_DECEMBER, 2026);
  editor = show_window (bb_event_editor_new (GTK_WIDGET (fixture->window), fixture->store, NULL, &day));
  assert_refused (editor, template_child (editor, BB_TYPE_EVENT_EDITOR, "title_row"), "editor.save",
                  long_title, "200", "Werkstatt " ARABIC " " FLAG_DE);
  assert_refused (editor, template_child (editor, BB_TYPE_EVENT_EDITOR, "location_row"), "editor.save",
                  "Raum\r3", "single line", HEBREW ", Raum 3");
  assert_refused (editor, template_child (editor, BB_TYPE_EVENT_EDITOR, "agenda_view"), "editor.save",
                  "TOP 1\x1c", "U+001C", "1. " FAMILY "\n2. " PERSIAN);
  save_and_wait (editor, "editor.save");
  event_id = find_record (fixture->store, BB_TYPE_EVENT, "title",
                          "Werkstatt " ARABIC " " FLAG_DE);
  event = bb_store_get (fixture->store, BB_TYPE_EVENT, event_id, NULL);
  g_assert_cmpstr (bb_event_get_location (event), ==, HEBREW ", Raum 3");
  g_assert_cmpstr (bb_event_get_description (event), ==, "1. " FAMILY "\n2. " PERSIAN);

  /* One meeting of a series. */
  series_id = add_series (fixture->store);
  entry = first_entry (fixture->store);
  editor = show_window (bb_occurrence_editor_new (GTK_WIDGET (fixture->window), fixture->store, entry));
  assert_refused (editor, find_entry_row (editor, "Title"), "occurrence.save",
                  "Jour fixe\xC2\x9B", "U+009B", "Jour fixe " HEBREW);
  save_and_wait (editor, "occurrence.save");
  overrides = bb_store_get_event_overrides (fixture->store, series_id, NULL);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpstr (bb_event_override_get_title (overrides->pdata[0]), ==, "Jour fixe " HEBREW);

  /* Its attendance and minutes. */
  g_clear_object (&entry);
  entry = first_entry (fixture->store);
  dialog = show_window (bb_attendance_dialog_new (GTK_WIDGET (fixture->window), fixture->store, entry));
  minutes_view = GTK_WIDGET (bb_attendance_dialog_get_minutes_view (BB_ATTENDANCE_DIALOG (dialog)));
  assert_refused (dialog, minutes_view, "dialog.save", "Protokoll\x1b[1m", "U+001B",
                  "\n" ARABIC ": " FAMILY "\n" HEBREW "\n");
  save_and_wait (dialog, "dialog.save");
  minutes = bb_store_dup_occurrence_minutes (fixture->store, series_id,
                                             bb_calendar_entry_get_recurrence_id (entry), NULL);
  g_assert_cmpstr (minutes, ==, ARABIC ": " FAMILY "\n" HEBREW);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *long_name = bb_test_repeat ("a", BB_VALIDATE_LINE_MAX + 1);
  g_autofree char *author = NULL;
  BbPreferencesWindow *window;
  GtkWidget *row;
  GtkLabel *message;

  window = bb_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  show_window (GTK_WIDGET (window));
  row = GTK_WIDGET (_bb_preferences_window_get_author_row (window));

  type_text (row, ARABIC " " FAMILY);
  author = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (author, ==, ARABIC " " FAMILY);
  g_clear_pointer (&author, g_free);

  /* Refused text is not written: the setting keeps the last good name. */
  type_text (row, "Anna\aB");
  message = bb_editor_get_text_message (GTK_WIDGET (window), row);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "U+0007"));
  author = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (author, ==, ARABIC " " FAMILY);
  g_clear_pointer (&author, g_free);
  type_text (row, long_name);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "200"));
  author = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (author, ==, ARABIC " " FAMILY);

  type_text (row, HEBREW);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_clear_pointer (&author, g_free);
  author = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (author, ==, HEBREW);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "author-name");
}

/* Right-to-left names in the rows and sentences of the left-to-right interface. */
static void
test_isolate (void)
{
  g_autofree char *latin = bb_format_isolate ("Omar Lê " FAMILY);
  g_autofree char *arabic = bb_format_isolate (ARABIC);
  g_autofree char *joined = BB_FORMAT_JOIN (" · ", ARABIC ", 3", NULL, "Vor Ort", HEBREW);

  g_assert_null (bb_format_isolate (NULL));
  g_assert_cmpstr (latin, ==, "Omar Lê " FAMILY);
  /* LRM, FSI, the name, PDI: the line stays left to right, the name keeps its order. */
  g_assert_cmpstr (arabic, ==, "\u200E\u2068" ARABIC "\u2069");
  g_assert_cmpstr (joined, ==, "\u200E\u2068" ARABIC ", 3\u2069 · Vor Ort · \u200E\u2068" HEBREW "\u2069");
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/fields/isolate", test_isolate);
  g_test_add ("/ui/fields/shelter", Fixture, NULL, set_up, test_shelter, fixture_tear_down);
  g_test_add ("/ui/fields/person-organisation", Fixture, NULL, set_up,
              test_person_and_organisation, fixture_tear_down);
  g_test_add ("/ui/fields/relation", Fixture, NULL, set_up, test_relation, fixture_tear_down);
  g_test_add ("/ui/fields/consultation", Fixture, NULL, set_up, test_consultation,
              fixture_tear_down);
  g_test_add ("/ui/fields/calendar", Fixture, NULL, set_up, test_calendar, fixture_tear_down);
  g_test_add ("/ui/fields/preferences", Fixture, NULL, set_up, test_preferences,
              fixture_tear_down);

  return bb_test_ui_run ();
}
