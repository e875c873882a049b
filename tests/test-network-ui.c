/* test-network-ui.c: the Netzwerk view, its editors and the network picture, driven through
 * their real widgets (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-network-ui"

#include "config.h"

#include "bb-network-graph.h"
#include "bb-network-view.h"
#include "bb-organisation-editor.h"
#include "bb-person-editor.h"
#include "bb-record-list.h"
#include "bb-record-picker.h"
#include "bb-relation-editor.h"
#include "bb-store-network.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

static BbNetworkView *
show_network (Fixture *fixture)
{
  GtkWidget *view = _bb_window_get_view (fixture->window, "network");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "network");
  WAIT_UNTIL (gtk_widget_get_mapped (view), "the network view");
  WAIT_UNTIL (bb_network_view_get_n_items (BB_NETWORK_VIEW (view)) > 0, "the lists to fill");

  return BB_NETWORK_VIEW (view);
}

static void
set_text (gpointer    widget,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (widget, type, name)), text);
}

static gint64
selected_id (BbNetworkView *view,
             GType          type)
{
  BbRecord *selected = bb_network_view_get_selected (view);

  if (selected == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (selected, type))
    return 0;

  return bb_record_get_id (selected);
}

static gint64
find_one (GListModel *model)
{
  g_autoptr(BbRecord) record = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  record = g_list_model_get_item (model, 0);

  return bb_record_get_id (record);
}

static gint64
first_id (BbStore *store,
          GType    type)
{
  g_autoptr(GListModel) list = bb_store_list (store, type);
  g_autoptr(BbRecord) record = g_list_model_get_item (list, 0);

  return bb_record_get_id (record);
}

static void
test_create_person_and_organisation (Fixture       *fixture,
                                     gconstpointer  data)
{
  BbNetworkView *view = show_network (fixture);
  GtkEditable *search = template_child (view, BB_TYPE_NETWORK_VIEW, "search_entry");
  gint64 n_people = bb_store_count (fixture->store, BB_TYPE_PERSON);
  g_autoptr(BbShelter) shelter = bb_store_get (fixture->store, BB_TYPE_SHELTER,
                                               first_id (fixture->store, BB_TYPE_SHELTER), NULL);
  g_autoptr(BbPerson) person = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(BbPersonShelter) role = NULL;
  BbOrganisationEditor *org_editor;
  BbPersonEditor *person_editor;
  gint64 organisation_id, person_id;

  /* An organisation through its editor, with Ctrl+N's action while the organisations show. */
  gtk_stack_set_visible_child_name (template_child (view, BB_TYPE_NETWORK_VIEW, "lists_stack"),
                                    "organisations");
  gtk_widget_activate_action (GTK_WIDGET (view), "network.new", NULL);
  WAIT_UNTIL ((org_editor = find_window_of_type (GTK_APPLICATION (fixture->app),
                                                 BB_TYPE_ORGANISATION_EDITOR)) != NULL
              || (org_editor = find_window_of_type (NULL, BB_TYPE_ORGANISATION_EDITOR)) != NULL,
              "the organisation editor");
  set_text (org_editor, BB_TYPE_ORGANISATION_EDITOR, "name_row", "Nachbarschaftsprojekt Lindenblatt");
  set_text (org_editor, BB_TYPE_ORGANISATION_EDITOR, "postcode_row", "12043");
  set_text (org_editor, BB_TYPE_ORGANISATION_EDITOR, "email_row", "kontakt@lindenblatt.example.org");
  gtk_widget_activate_action (GTK_WIDGET (org_editor), "editor.save", NULL);
  WAIT_UNTIL (find_window_of_type (NULL, BB_TYPE_ORGANISATION_EDITOR) == NULL
              && find_window_of_type (GTK_APPLICATION (fixture->app),
                                      BB_TYPE_ORGANISATION_EDITOR) == NULL,
              "the organisation editor to close");
  organisation_id = selected_id (view, BB_TYPE_ORGANISATION);
  g_assert_cmpint (organisation_id, >, 0);
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), "Nachbarschaftsprojekt Lindenblatt") != NULL,
              "the new organisation in the detail pane");

  /* A person of it with a role in a shelter. */
  gtk_widget_activate_action (GTK_WIDGET (view), "network.new-person", NULL);
  WAIT_UNTIL ((person_editor = find_window_of_type (NULL, BB_TYPE_PERSON_EDITOR)) != NULL
              || (person_editor = find_window_of_type (GTK_APPLICATION (fixture->app),
                                                       BB_TYPE_PERSON_EDITOR)) != NULL,
              "the person editor");
  /* Started from the organisation: it is chosen already; choose it again through the search. */
  g_assert_cmpint (bb_record_picker_get_selected_id (template_child (person_editor, BB_TYPE_PERSON_EDITOR,
                                                            "organisation_picker")),
                   ==, organisation_id);
  set_text (person_editor, BB_TYPE_PERSON_EDITOR, "given_name_row", "Ilka");
  set_text (person_editor, BB_TYPE_PERSON_EDITOR, "family_name_row", "Brandauer");
  set_text (person_editor, BB_TYPE_PERSON_EDITOR, "phone_row", "+49 (30) 555-0142");
  pick_record (template_child (person_editor, BB_TYPE_PERSON_EDITOR, "organisation_picker"),
        BB_TYPE_ORGANISATION, "Lindenblatt", organisation_id);
  pick_record (template_child (person_editor, BB_TYPE_PERSON_EDITOR, "role_shelter_picker"),
        BB_TYPE_SHELTER, bb_shelter_get_name (shelter), bb_record_get_id (BB_RECORD (shelter)));
  adw_combo_row_set_selected (template_child (person_editor, BB_TYPE_PERSON_EDITOR, "role_kind_row"),
                              bb_codes_index (BB_CODES_ROLE, "social-work"));
  g_signal_emit_by_name (template_child (person_editor, BB_TYPE_PERSON_EDITOR, "add_role_button"),
                         "clicked");
  g_assert_nonnull (gtk_widget_get_first_child (template_child (person_editor, BB_TYPE_PERSON_EDITOR,
                                                       "roles_list")));
  gtk_widget_activate_action (GTK_WIDGET (person_editor), "editor.save", NULL);
  WAIT_UNTIL (find_window_of_type (NULL, BB_TYPE_PERSON_EDITOR) == NULL
              && find_window_of_type (GTK_APPLICATION (fixture->app),
                                      BB_TYPE_PERSON_EDITOR) == NULL,
              "the person editor to close");
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_PERSON), ==, n_people + 1);

  person_id = selected_id (view, BB_TYPE_PERSON);
  g_assert_cmpint (person_id, >, 0);
  person = bb_store_get (fixture->store, BB_TYPE_PERSON, person_id, NULL);
  g_assert_cmpstr (bb_person_get_family_name (person), ==, "Brandauer");
  g_assert_cmpstr (bb_person_get_phone (person), ==, "+49 (30) 555-0142");
  g_assert_cmpint (bb_person_get_organisation_id (person), ==, organisation_id);
  roles = bb_store_list_related (fixture->store, BB_TYPE_PERSON_SHELTER, "person-id", person_id);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 1);
  role = g_list_model_get_item (roles, 0);
  g_assert_cmpstr (bb_person_shelter_get_role (role), ==, "social-work");
  g_assert_cmpint (bb_person_shelter_get_shelter_id (role), ==,
                   bb_record_get_id (BB_RECORD (shelter)));

  /* Both are found by the search as typed. */
  gtk_editable_set_text (search, "brandau");
  WAIT_UNTIL (g_list_model_get_n_items (bb_network_view_get_model (view, BB_TYPE_PERSON)) == 1,
              "one person found");
  g_assert_cmpint (find_one (bb_network_view_get_model (view, BB_TYPE_PERSON)), ==, person_id);
  gtk_editable_set_text (search, "lindenblatt");
  WAIT_UNTIL (g_list_model_get_n_items (bb_network_view_get_model (view,
                                                                   BB_TYPE_ORGANISATION)) == 1,
              "one organisation found");
  g_assert_cmpint (find_one (bb_network_view_get_model (view, BB_TYPE_ORGANISATION)), ==,
                   organisation_id);
  /* The person is found by their organisation's name too. */
  g_assert_cmpuint (g_list_model_get_n_items (bb_network_view_get_model (view, BB_TYPE_PERSON)),
                    ==, 1);

  /* Filtered by a kind it is not: gone; back with all kinds. */
  gtk_drop_down_set_selected (template_child (view, BB_TYPE_NETWORK_VIEW, "kind_dropdown"),
                              1 + bb_codes_index (BB_CODES_ORGANISATION_KIND, "operator"));
  WAIT_UNTIL (g_list_model_get_n_items (bb_network_view_get_model (view,
                                                                   BB_TYPE_ORGANISATION)) == 0,
              "the project filtered out");
  gtk_drop_down_set_selected (template_child (view, BB_TYPE_NETWORK_VIEW, "kind_dropdown"), 0);
  WAIT_UNTIL (g_list_model_get_n_items (bb_network_view_get_model (view,
                                                                   BB_TYPE_ORGANISATION)) == 1,
              "the project back");
}

static void
test_invalid_email (Fixture       *fixture,
                    gconstpointer  data)
{
  BbNetworkView *view = show_network (fixture);
  gint64 n_people = bb_store_count (fixture->store, BB_TYPE_PERSON);
  BbPersonEditor *editor;
  GtkLabel *message;
  GtkWidget *email_row;

  gtk_widget_activate_action (GTK_WIDGET (view), "network.new-person", NULL);
  WAIT_UNTIL ((editor = find_window_of_type (NULL, BB_TYPE_PERSON_EDITOR)) != NULL
              || (editor = find_window_of_type (GTK_APPLICATION (fixture->app),
                                                BB_TYPE_PERSON_EDITOR)) != NULL,
              "the person editor");
  message = template_child (editor, BB_TYPE_PERSON_EDITOR, "email_message");
  email_row = template_child (editor, BB_TYPE_PERSON_EDITOR, "email_row");

  /* Saving without a name names the problem next to the names. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (
                   template_child (editor, BB_TYPE_PERSON_EDITOR, "name_message"))));

  set_text (editor, BB_TYPE_PERSON_EDITOR, "family_name_row", "Okafor");
  set_text (editor, BB_TYPE_PERSON_EDITOR, "email_row", "okafor@beispiel");
  /* Shown as soon as it is typed … */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (message))));
  g_assert_cmpstr (gtk_label_get_text (message), ==,
                   "Enter an e-mail address such as name@example.org.");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  /* … and saving refuses: the editor stays, nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_PERSON), ==, n_people);

  /* A phone number with letters is refused too; corrected, both messages go. */
  set_text (editor, BB_TYPE_PERSON_EDITOR, "phone_row", "030 12 AB");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (
                   template_child (editor, BB_TYPE_PERSON_EDITOR, "phone_message"))));
  set_text (editor, BB_TYPE_PERSON_EDITOR, "phone_row", "030 1234567");
  set_text (editor, BB_TYPE_PERSON_EDITOR, "email_row", "okafor@beispiel.org");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (message))));
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (bb_store_count (fixture->store, BB_TYPE_PERSON) == n_people + 1,
              "the corrected person saved");
}

static void
test_relation_and_graph (Fixture       *fixture,
                         gconstpointer  data)
{
  BbNetworkView *view = show_network (fixture);
  g_autoptr(GListModel) people = bb_store_list (fixture->store, BB_TYPE_PERSON);
  g_autoptr(BbPerson) from = g_list_model_get_item (people, 3);
  g_autoptr(BbPerson) to = NULL;
  g_autoptr(BbNeighbourhood) before = NULL;
  g_autofree char *from_name = bb_record_dup_label (BB_RECORD (from));
  g_autofree char *to_name = NULL;
  gint64 from_id = bb_record_get_id (BB_RECORD (from));
  gint64 to_id = 0;
  BbRelationEditor *editor;
  BbNetworkGraph *graph;
  BbNeighbourhood *hood;
  int index;

  /* Someone not linked to from yet, with a name the search finds alone. */
  before = bb_store_get_neighbourhood (fixture->store, BB_TYPE_PERSON, from_id, G_MAXUINT, NULL);
  for (guint i = g_list_model_get_n_items (people); i > 0 && to_id == 0; i--)
    {
      g_autoptr(BbPerson) candidate = g_list_model_get_item (people, i - 1);
      g_autofree char *name = bb_record_dup_label (BB_RECORD (candidate));
      BbNetworkFilter filter = { .search = name };
      g_autoptr(GListModel) found = bb_store_list_people (fixture->store, &filter);

      if (bb_neighbourhood_find (before, BB_TYPE_PERSON,
                                 bb_record_get_id (BB_RECORD (candidate))) < 0
          && g_list_model_get_n_items (found) == 1)
        {
          to = g_object_ref (candidate);
          to_id = bb_record_get_id (BB_RECORD (candidate));
          to_name = g_steal_pointer (&name);
        }
    }
  g_assert_cmpint (to_id, >, 0);

  g_assert_true (bb_network_view_show_record (view, BB_TYPE_PERSON, from_id));
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), from_name) != NULL, "the person shown");

  gtk_widget_activate_action (GTK_WIDGET (view), "network.add-link", NULL);
  WAIT_UNTIL ((editor = find_window_of_type (NULL, BB_TYPE_RELATION_EDITOR)) != NULL
              || (editor = find_window_of_type (GTK_APPLICATION (fixture->app),
                                                BB_TYPE_RELATION_EDITOR)) != NULL,
              "the link editor");
  g_assert_cmpint (bb_record_picker_get_selected_id (template_child (editor, BB_TYPE_RELATION_EDITOR,
                                                            "from_picker")), ==, from_id);
  pick_record (template_child (editor, BB_TYPE_RELATION_EDITOR, "to_picker"), BB_TYPE_PERSON, to_name, to_id);
  adw_combo_row_set_selected (template_child (editor, BB_TYPE_RELATION_EDITOR, "kind_row"),
                              bb_codes_index (BB_CODES_RELATION_TYPE, "advises"));
  /* Dates out of order are refused with the message at "until". */
  set_text (editor, BB_TYPE_RELATION_EDITOR, "since_row", "01.02.2025");
  set_text (editor, BB_TYPE_RELATION_EDITOR, "until_row", "31.01.2025");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (
                   template_child (editor, BB_TYPE_RELATION_EDITOR, "until_message"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  set_text (editor, BB_TYPE_RELATION_EDITOR, "until_row", "");
  set_text (editor, BB_TYPE_RELATION_EDITOR, "note_row", "Fortbildung Aufbau vermittelt");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (find_window_of_type (NULL, BB_TYPE_RELATION_EDITOR) == NULL
              && find_window_of_type (GTK_APPLICATION (fixture->app),
                                      BB_TYPE_RELATION_EDITOR) == NULL,
              "the link editor to close");

  /* The picture shows the new link: to at depth 1, an "advises" edge from the centre. */
  WAIT_UNTIL ((graph = bb_network_view_get_graph (view)) != NULL
              && (hood = bb_network_graph_get_neighbourhood (graph)) != NULL
              && bb_neighbourhood_find (hood, BB_TYPE_PERSON, to_id) > 0,
              "the new link in the network picture");
  index = bb_neighbourhood_find (hood, BB_TYPE_PERSON, to_id);
  g_assert_cmpuint (bb_neighbourhood_get_node (hood, index)->depth, ==, 1);
  {
    gboolean edge = FALSE;

    for (guint i = 0; i < bb_neighbourhood_get_n_edges (hood); i++)
      {
        BbNetworkEdge *e = bb_neighbourhood_get_edge (hood, i);

        if (e->from == 0 && e->to == (guint) index && g_strcmp0 (e->kind, "advises") == 0)
          edge = TRUE;
      }
    g_assert_true (edge);
  }
  /* Drawn, so a click position exists, and the node is where a click finds it. */
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (graph)), "the picture on screen");
  {
    double x = 0, y = 0;

    WAIT_UNTIL (bb_network_graph_get_node_position (graph, index, &x, &y), "a layout");
    g_assert_cmpint (bb_network_graph_node_at (graph, x, y), ==, index);
  }

  /* Activating the node (Enter on it) goes there. */
  gtk_widget_grab_focus (GTK_WIDGET (graph));
  bb_network_graph_set_focus_node (graph, index);
  gtk_widget_activate_action (GTK_WIDGET (graph), "graph.activate-focused", NULL);
  WAIT_UNTIL (selected_id (view, BB_TYPE_PERSON) == to_id, "the linked person selected");
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), to_name) != NULL,
              "the linked person in the detail pane");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The widgets under widget whose action is action_name. */
static void
collect_actionables (GtkWidget  *widget,
                     const char *action_name,
                     GPtrArray  *found)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_actionables (c, action_name, found);
}

static guint
count_actionables (GtkWidget  *widget,
                   const char *action_name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_actionables (widget, action_name, found);

  return found->len;
}

/* Whether the keyboard focus is in the detail pane's group titled title. */
static gboolean
focus_in_group (GtkWidget  *view,
                const char *title)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));
  GtkWidget *group = focus != NULL
                     ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP) : NULL;

  return group != NULL && gtk_widget_is_ancestor (focus, view)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)),
                       title) == 0;
}

/* A person with 55 links shows 50 of them and "5 more links", which shows all 55. The network
 * picture keeps 40 of the records around them; "+N more records" beside its title leads to
 * the list of links. */
static void
test_more_links (Fixture       *fixture,
                 gconstpointer  data)
{
  BbNetworkView *view = show_network (fixture);
  g_autoptr(GListModel) people = bb_store_list (fixture->store, BB_TYPE_PERSON);
  g_autoptr(BbPerson) person = g_object_new (BB_TYPE_PERSON, "given-name", "Lio",
                                             "family-name", "Vielverbunden", NULL);
  g_autoptr(GPtrArray) more = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 55);
  g_assert_true (bb_store_begin (fixture->store, &error));
  g_assert_true (bb_store_insert (fixture->store, BB_RECORD (person), &error));
  id = bb_record_get_id (BB_RECORD (person));
  for (guint i = 0; i < 55; i++)
    {
      g_autoptr(BbPerson) other = g_list_model_get_item (people, i);
      gint64 other_id = bb_record_get_id (BB_RECORD (other));
      g_autoptr(BbRelation) relation = NULL;

      /* Outgoing and incoming links alike. */
      relation = g_object_new (BB_TYPE_RELATION,
                               i % 2 ? "from-person-id" : "to-person-id", id,
                               i % 2 ? "to-person-id" : "from-person-id", other_id,
                               "kind", "advises", NULL);
      g_assert_true (bb_store_insert (fixture->store, BB_RECORD (relation), &error));
    }
  g_assert_true (bb_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  WAIT_UNTIL (bb_network_view_show_record (view, BB_TYPE_PERSON, id), "the new person listed");
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), "Lio Vielverbunden") != NULL,
              "the person shown");
  g_assert_cmpuint (count_actionables (GTK_WIDGET (view), "network.remove-relation"), ==, 50);
  collect_actionables (GTK_WIDGET (view), "network.more-links", more);
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more->pdata[0])), ==,
                   "5 more links");

  gtk_widget_activate (GTK_WIDGET (more->pdata[0]));
  WAIT_UNTIL (count_actionables (GTK_WIDGET (view), "network.remove-relation") == 55,
              "all links shown");
  g_assert_cmpuint (count_actionables (GTK_WIDGET (view), "network.more-links"), ==, 0);

  g_ptr_array_set_size (more, 0);
  collect_actionables (GTK_WIDGET (view), "network.show-links", more);
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_true (g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (more->pdata[0])),
                                   " more records"));
  g_assert_false (focus_in_group (GTK_WIDGET (view), "Links"));
  gtk_widget_activate (GTK_WIDGET (more->pdata[0]));
  WAIT_UNTIL (focus_in_group (GTK_WIDGET (view), "Links"), "the focus in the list of links");
  g_assert_cmpuint (count_actionables (GTK_WIDGET (view), "network.remove-relation"), ==, 55);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  BbNetworkView *view = show_network (fixture);
  g_autoptr(GListModel) relations = bb_store_list (fixture->store, BB_TYPE_RELATION);
  g_autoptr(BbRelation) relation = NULL;
  g_autoptr(BbRecord) back = NULL;
  g_autoptr(BbRecord) relation_back = NULL;
  g_autofree char *name = NULL;
  gint64 person_id = 0, relation_id;
  gint64 n_relations = bb_store_count (fixture->store, BB_TYPE_RELATION);
  GtkWidget *undo;

  /* A person with a link. */
  for (guint i = 0; i < g_list_model_get_n_items (relations) && person_id == 0; i++)
    {
      g_clear_object (&relation);
      relation = g_list_model_get_item (relations, i);
      person_id = bb_relation_get_from_person_id (relation);
    }
  g_assert_cmpint (person_id, >, 0);
  relation_id = bb_record_get_id (BB_RECORD (relation));
  name = bb_store_dup_label (fixture->store, BB_TYPE_PERSON, person_id);

  g_assert_true (bb_network_view_show_record (view, BB_TYPE_PERSON, person_id));
  WAIT_UNTIL (find_title_label (GTK_WIDGET (view), name) != NULL, "the person shown");

  gtk_widget_activate_action (GTK_WIDGET (view), "network.delete", NULL);
  g_assert_null (bb_store_get (fixture->store, BB_TYPE_PERSON, person_id, NULL));
  g_assert_null (bb_store_get (fixture->store, BB_TYPE_RELATION, relation_id, NULL));
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_RELATION), <, n_relations);
  WAIT_UNTIL (bb_record_list_find (BB_RECORD_LIST (bb_network_view_get_model (view,
                                                                               BB_TYPE_PERSON)),
                                   person_id) == G_MAXUINT,
              "the person gone from the list");

  /* The toast's Undo puts the person and their link back in the database. */
  WAIT_UNTIL ((undo = find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL,
              "the Undo button of the toast");
  g_signal_emit_by_name (undo, "clicked");
  WAIT_UNTIL ((back = bb_store_get (fixture->store, BB_TYPE_PERSON, person_id, NULL)) != NULL,
              "the person back");
  relation_back = bb_store_get (fixture->store, BB_TYPE_RELATION, relation_id, NULL);
  g_assert_nonnull (relation_back);
  g_assert_cmpint (bb_store_count (fixture->store, BB_TYPE_RELATION), ==, n_relations);
  WAIT_UNTIL (bb_record_list_find (BB_RECORD_LIST (bb_network_view_get_model (view,
                                                                               BB_TYPE_PERSON)),
                                   person_id) != G_MAXUINT,
              "the person back in the list");

  /* A link alone is removed from the detail pane's button and comes back the same way. */
  WAIT_UNTIL (find_button (GTK_WIDGET (fixture->window), "_Undo") == NULL,
              "the first toast to go");
  g_assert_true (bb_network_view_show_record (view, BB_TYPE_PERSON, person_id));
  gtk_widget_activate_action (GTK_WIDGET (view), "network.remove-relation", "x", relation_id);
  g_assert_null (bb_store_get (fixture->store, BB_TYPE_RELATION, relation_id, NULL));
  WAIT_UNTIL ((undo = find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL,
              "the Undo button of the second toast");
  g_signal_emit_by_name (undo, "clicked");
  g_clear_object (&relation_back);
  WAIT_UNTIL ((relation_back = bb_store_get (fixture->store, BB_TYPE_RELATION, relation_id,
                                             NULL)) != NULL,
              "the link back");
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/network/create-person-and-organisation", Fixture, NULL,
              fixture_set_up_demo, test_create_person_and_organisation, fixture_tear_down);
  g_test_add ("/ui/network/invalid-email", Fixture, NULL,
              fixture_set_up_demo, test_invalid_email, fixture_tear_down);
  g_test_add ("/ui/network/relation-and-graph", Fixture, NULL,
              fixture_set_up_demo, test_relation_and_graph, fixture_tear_down);
  g_test_add ("/ui/network/more-links", Fixture, NULL,
              fixture_set_up_demo, test_more_links, fixture_tear_down);
  g_test_add ("/ui/network/delete-undo", Fixture, NULL,
              fixture_set_up_demo, test_delete_undo, fixture_tear_down);

  return bb_test_ui_run ();
}
