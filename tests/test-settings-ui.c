/* test-settings-ui.c: every preference the window offers is stored in GSettings, and what the
 * window stores fits the schema (run under Xvfb).
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences window is walked as a person sees it: every control in it (switch, spin
 * button, check button, drop-down, combo row, entry) is changed once, and some key of the
 * schema must change with it. A new row that nobody binds fails here. That every key is read
 * by the code and described is checked by tests/check-schema.py.
 */

#define G_LOG_DOMAIN "test-settings-ui"

#include "config.h"

#include "bb-preferences-window.h"
#include "bb-test-ui.h"
#include "bb-window-private.h"

/* The value of every key of settings, by name. */
static GHashTable *
snapshot_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_variant_unref);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_insert (values, g_strdup (keys[i]), g_settings_get_value (settings, keys[i]));

  return values;
}

/* The keys whose values differ between two snapshots, comma-separated, or NULL. */
static char *
changed_keys (GHashTable *before,
              GHashTable *after)
{
  g_autoptr(GString) changed = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_variant_equal (value, g_hash_table_lookup (after, key)))
      g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", (char *) key);

  return changed->len > 0 ? g_string_free (g_steal_pointer (&changed), FALSE) : NULL;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget)
         || GTK_IS_ENTRY (widget);
}

/* The controls below widget, in tree order; not the parts inside a control. */
static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (is_control (child))
        g_ptr_array_add (controls, child);
      else
        collect_controls (child, controls);
    }
}

/* Changes control to another valid value, as a person could. */
static void
change_control (GtkWidget *control)
{
  if (GTK_IS_SWITCH (control))
    {
      gtk_switch_set_active (GTK_SWITCH (control), !gtk_switch_get_active (GTK_SWITCH (control)));
    }
  else if (GTK_IS_CHECK_BUTTON (control))
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (control);

      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
    }
  else if (GTK_IS_SPIN_BUTTON (control))
    {
      GtkSpinButton *spin = GTK_SPIN_BUTTON (control);
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
      double value = gtk_spin_button_get_value (spin);

      g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), <, gtk_adjustment_get_upper (adjustment));
      gtk_spin_button_set_value (spin, value < gtk_adjustment_get_upper (adjustment) ? value + 1 : value - 1);
    }
  else if (GTK_IS_DROP_DOWN (control) || ADW_IS_COMBO_ROW (control))
    {
      GListModel *model = GTK_IS_DROP_DOWN (control)
                          ? gtk_drop_down_get_model (GTK_DROP_DOWN (control))
                          : adw_combo_row_get_model (ADW_COMBO_ROW (control));
      guint selected = GTK_IS_DROP_DOWN (control)
                       ? gtk_drop_down_get_selected (GTK_DROP_DOWN (control))
                       : adw_combo_row_get_selected (ADW_COMBO_ROW (control));
      guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;
      guint next;

      g_assert_cmpuint (n_items, >=, 2);
      next = selected == GTK_INVALID_LIST_POSITION ? 1 : (selected + 1) % n_items;
      if (GTK_IS_DROP_DOWN (control))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (control), next);
      else
        adw_combo_row_set_selected (ADW_COMBO_ROW (control), next);
    }
  else
    {
      g_autofree char *text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (control)),
                                           "Erika Beispiel", NULL);

      gtk_editable_set_text (GTK_EDITABLE (control), text);
    }
}

static void
test_preferences_stored (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  BbPreferencesWindow *preferences;

  preferences = bb_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (preferences)), "the preferences window to map");
  settle ();

  collect_controls (GTK_WIDGET (preferences), controls);
  /* Author, region, weeks without contact, automatic backups, backups to keep, retention. */
  g_assert_cmpuint (controls->len, >=, 6);

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);
      g_autoptr(GHashTable) before = snapshot_settings (settings);
      g_autoptr(GHashTable) after = NULL;
      g_autofree char *changed = NULL;

      change_control (control);
      settle ();
      after = snapshot_settings (settings);
      changed = changed_keys (before, after);
      if (changed == NULL)
        g_error ("The %s “%s” of the preferences changes no GSettings key",
                 G_OBJECT_TYPE_NAME (control),
                 gtk_widget_get_name (control));
      g_test_message ("%s changes %s", G_OBJECT_TYPE_NAME (control), changed);
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Every view the window can show is a value the schema lets it store as the last view, and
 * closing the window on the last of them stores it (a value outside the schema's choices is a
 * critical warning, fatal here). */
static void
test_last_view_stored (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *last = NULL;
  AdwViewStack *stack = _bb_window_get_view_stack (fixture->window);

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "last-view");
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 5);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);
      g_autoptr(GVariant) value = NULL;

      g_assert_nonnull (name);
      value = g_variant_ref_sink (g_variant_new_string (name));
      if (!g_settings_schema_key_range_check (key, value))
        g_error ("The view “%s” is not among the choices of the key last-view", name);
      g_free (last);
      last = g_strdup (name);
    }

  adw_view_stack_set_visible_child_name (stack, last);
  settle ();
  gtk_window_close (GTK_WINDOW (fixture->window));
  WAIT_UNTIL (fixture->window == NULL, "the window to close");
  stored = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (stored, ==, last);
}

int
main (int   argc,
      char *argv[])
{
  bb_test_ui_init (&argc, &argv);

  g_test_add ("/ui/settings/preferences-stored", Fixture, NULL,
              fixture_set_up_demo, test_preferences_stored, fixture_tear_down);
  g_test_add ("/ui/settings/last-view-stored", Fixture, NULL,
              fixture_set_up_demo, test_last_view_stored, fixture_tear_down);

  return bb_test_ui_run ();
}
