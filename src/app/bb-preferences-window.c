/* bb-preferences-window.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-preferences-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-editor.h"
#include "bb-preferences-window.h"
#include "bb-retention.h"
#include "bb-validate.h"

struct _BbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BbStore              *store;
  GSettings            *settings;

  AdwComboRow          *region_row;
  AdwEntryRow          *author_row;
  AdwActionRow         *database_row;
  GtkSpinButton        *no_contact_weeks_spin;
  GtkSwitch            *automatic_backup_switch;
  AdwActionRow         *backup_keep_row;
  GtkSpinButton        *backup_keep_spin;
  AdwActionRow         *backup_folder_row;
  GtkSpinButton        *retention_years_spin;
  AdwActionRow         *retention_row;
};

G_DEFINE_FINAL_TYPE (BbPreferencesWindow, bb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
on_region_selected (BbPreferencesWindow *self,
                    GParamSpec          *pspec,
                    AdwComboRow         *row)
{
  g_autoptr(BbRecord) region = NULL;
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  region = g_list_model_get_item (adw_combo_row_get_model (row), position);
  if (region == NULL)
    return;

  g_settings_set_int64 (self->settings, "default-region", bb_record_get_id (region));
}

static void
bb_preferences_window_load_regions (BbPreferencesWindow *self)
{
  g_autoptr(GListStore) parts = NULL;
  g_autoptr(GListStore) none_part = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(BbRegion) none = NULL;
  g_autoptr(GtkFlattenListModel) model = NULL;
  gint64 default_region;
  guint selected = 0;
  guint n_items;

  /* "None" is a region without id, so that one expression labels every row. */
  none = bb_region_new ();
  bb_region_set_name (none, _("None"));
  none_part = g_list_store_new (BB_TYPE_REGION);
  g_list_store_append (none_part, none);

  regions = bb_store_list (self->store, BB_TYPE_REGION);

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, none_part);
  g_list_store_append (parts, regions);
  model = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));

  default_region = g_settings_get_int64 (self->settings, "default-region");
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 1; i < n_items && default_region != 0; i++)
    {
      g_autoptr(BbRecord) region = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (bb_record_get_id (region) == default_region)
        {
          selected = i;
          break;
        }
    }

  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->region_row, selected);

  /* Only what the user picks is written: a region that no longer exists shows as "None"
   * without changing the setting behind the user's back. */
  g_signal_connect_object (self->region_row, "notify::selected",
                           G_CALLBACK (on_region_selected), self, G_CONNECT_SWAPPED);
}

/* Only a name that keeps the rule of free text is written; while the message below the field
 * says what is wrong, the setting keeps the last good name. */
static GVariant *
author_to_setting (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char *author = g_value_get_string (value);
  g_autofree char *trimmed = bb_validate_dup_trimmed (author);

  if (!bb_validate_column ("author", trimmed, NULL))
    return NULL;

  return g_variant_new_string (author != NULL ? author : "");
}

/* The number of consultations older than the retention period, and the Delete… button only
 * while there are some. */
static void
update_retention (BbPreferencesWindow *self)
{
  g_autofree char *summary = NULL;
  guint years = (guint) g_settings_get_int (self->settings, "retention-years");
  guint n_expired = 0;

  if (self->store != NULL)
    summary = bb_retention_dup_summary (self->store, years, &n_expired);
  adw_action_row_set_subtitle (self->retention_row, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.delete-old-consultations",
                                 n_expired > 0);
}

static void
delete_old_consultations_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (widget);

  if (self->store == NULL)
    return;

  bb_retention_ask_delete (ADW_PREFERENCES_WINDOW (self), self->store,
                           (guint) g_settings_get_int (self->settings, "retention-years"));
}

static void
open_backup_folder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (widget);
  g_autofree char *folder = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->store == NULL)
    return;

  /* Before the first backup the folder is made here, as private as the backups. */
  folder = bb_store_dup_backup_folder (self->store);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_debug ("Cannot create the backup folder: %s", g_strerror (errno));

  file = g_file_new_for_path (folder);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
bb_preferences_window_constructed (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_display = NULL;

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "author-name", self->author_row, "text",
                                G_SETTINGS_BIND_DEFAULT, NULL, author_to_setting, NULL, NULL);
  bb_editor_add_text_field (GTK_WIDGET (self), GTK_WIDGET (self->author_row), "author");
  g_settings_bind (self->settings, "no-contact-weeks", self->no_contact_weeks_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "automatic-backup", self->automatic_backup_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-keep", self->backup_keep_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "automatic-backup", self->backup_keep_row, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "retention-years", self->retention_years_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::retention-years",
                           G_CALLBACK (update_retention), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "committed", G_CALLBACK (update_retention), self,
                             G_CONNECT_SWAPPED);
  update_retention (self);

  if (self->store != NULL)
    {
      bb_preferences_window_load_regions (self);
      path = g_filename_display_name (bb_store_get_path (self->store));
      adw_action_row_set_subtitle (self->database_row, path);
      folder = bb_store_dup_backup_folder (self->store);
      folder_display = g_filename_display_name (folder);
      adw_action_row_set_subtitle (self->backup_folder_row, folder_display);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.open-backup-folder", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->region_row), FALSE);
    }
}

static void
bb_preferences_window_dispose (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->dispose (object);
}

static void
bb_preferences_window_finalize (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->finalize (object);
}

static void
bb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preferences_window_class_init (BbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_preferences_window_constructed;
  object_class->dispose = bb_preferences_window_dispose;
  object_class->finalize = bb_preferences_window_finalize;
  object_class->get_property = bb_preferences_window_get_property;
  object_class->set_property = bb_preferences_window_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's expression looks the "label" property up on BbRecord. */
  g_type_ensure (BB_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, BB_RESOURCE_PATH "/app/bb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, no_contact_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, automatic_backup_switch);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, backup_keep_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, backup_keep_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, backup_folder_row);

  gtk_widget_class_install_action (widget_class, "preferences.open-backup-folder", NULL,
                                   open_backup_folder_action);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, retention_years_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, retention_row);

  gtk_widget_class_install_action (widget_class, "preferences.delete-old-consultations", NULL,
                                   delete_old_consultations_action);
}

/* AdwPreferencesWindow keeps a search entry without a name even with the search turned off;
 * a screen reader walking the window would find "GtkSearchEntry". */
static gboolean
name_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                      -1);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (name_search_entry (child))
      return TRUE;

  return FALSE;
}

static void
bb_preferences_window_init (BbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  name_search_entry (GTK_WIDGET (self));
}

BbPreferencesWindow *
bb_preferences_window_new (GtkWindow *parent,
                           BbStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || BB_IS_STORE (store), NULL);

  return g_object_new (BB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       NULL);
}

BbStore *
bb_preferences_window_get_store (BbPreferencesWindow *self)
{
  g_return_val_if_fail (BB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

AdwComboRow *
_bb_preferences_window_get_region_row (BbPreferencesWindow *self)
{
  g_return_val_if_fail (BB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->region_row;
}

AdwEntryRow *
_bb_preferences_window_get_author_row (BbPreferencesWindow *self)
{
  g_return_val_if_fail (BB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->author_row;
}
