/* bb-application.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-accessibility.h"
#include "bb-application.h"
#include "bb-commands.h"
#include "bb-core.h"
#include "bb-frame-probe.h"
#include "bb-preferences-window.h"
#include "bb-resources.h"
#include "bb-validate.h"
#include "bb-window-backup.h"
#include "bb-window-private.h"

struct _BbApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
};

G_DEFINE_FINAL_TYPE (BbApplication, bb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
bb_application_bind_textdomain (void)
{
  const char *localedir = g_getenv ("BB_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

char *
bb_application_describe_store_error (const GError *error,
                                     const char   *path)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  display = g_filename_display_name (path != NULL ? path : "");

  /* A text the store refused by the rule of free text (where no editor checked it first): the
   * message names the column and says what is wrong; the database is fine. */
  if (error->domain == BB_VALIDATE_ERROR)
    return g_strdup (error->message);

  if (error->domain == BB_STORE_ERROR)
    {
      switch ((BbStoreError) error->code)
        {
        case BB_STORE_ERROR_TOO_NEW:
          return g_strdup_printf (_("This database was made by a newer version of Brückenbuch. "
                                    "Please open it with that version. "
                                    "The file “%s” has not been changed."), display);

        case BB_STORE_ERROR_NOT_A_DATABASE:
          return g_strdup_printf (_("The file “%s” is not a Brückenbuch database. "
                                    "It has not been changed."), display);

        case BB_STORE_ERROR_READ_ONLY:
          return g_strdup_printf (_("Brückenbuch may not write to “%s”. Check the permissions of "
                                    "the file and its folder."), display);

        case BB_STORE_ERROR_BUSY:
          return g_strdup_printf (_("Another program is using “%s”. Close it and try again."),
                                  display);

        case BB_STORE_ERROR_FULL:
          return g_strdup_printf (_("The disk is full, so nothing was saved to “%s”. Make room on "
                                    "the disk and try again."), display);

        case BB_STORE_ERROR_IO:
          return g_strdup_printf (_("The disk reported an error while reading or writing “%s”, "
                                    "so nothing was saved. Check the disk and keep a copy of the "
                                    "file."), display);

        case BB_STORE_ERROR_CONFLICT:
          /* The one code whose message is made for people (translated where it is set). */
          return g_strdup (error->message);

        case BB_STORE_ERROR_NOT_FOUND:
          return g_strdup_printf (_("The record is no longer in the database “%s”; someone may "
                                    "have deleted it in the meantime. Nothing was saved."),
                                  display);

        case BB_STORE_ERROR_CONSTRAINT:
          return g_strdup_printf (_("A value does not fit the rules of the database “%s”, so "
                                    "nothing was saved. Please report this error."), display);

        case BB_STORE_ERROR_FAILED:
        default:
          /* The other messages of the store are technical (the failing step in English and
           * SQLite's own words): never shown, and not logged either, as they may quote a
           * rule of the data. The code is enough to start looking. */
          g_debug ("Store error %d", error->code);
          return g_strdup_printf (_("Brückenbuch could not read or write the database “%s”. "
                                    "If this happens again, please report it."), display);
        }
    }

  /* Other domains (GIO, the calendar import) have messages made for people. */
  return g_strdup_printf (_("The database “%s” could not be used: %s"), display, error->message);
}

char *
bb_application_describe_error (const GError *error,
                               const char   *path)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == BB_STORE_ERROR)
    return bb_application_describe_store_error (error, path);

  return g_strdup (error->message);
}

char *
bb_application_describe_restore_error (const GError *error,
                                       const char   *backup_path,
                                       const char   *database_path)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);

  display = g_filename_display_name (backup_path);

  if (g_error_matches (error, BB_STORE_ERROR, BB_STORE_ERROR_NOT_A_DATABASE))
    return g_strdup_printf (_("“%s” is not a Brückenbuch backup, or it is damaged. "
                              "Nothing has been changed."), display);

  if (g_error_matches (error, BB_STORE_ERROR, BB_STORE_ERROR_TOO_NEW))
    return g_strdup_printf (_("“%s” was made by a newer version of Brückenbuch. Restore it with "
                              "that version. Nothing has been changed."), display);

  if (!g_file_test (backup_path, G_FILE_TEST_EXISTS))
    return g_strdup_printf (_("There is no file “%s”. Nothing has been changed."), display);

  return bb_application_describe_store_error (error, database_path);
}

static void
bb_application_show_open_error (BbApplication *self,
                                const char    *path,
                                const GError  *error)
{
  g_autofree char *body = bb_application_describe_store_error (error, path);
  GtkWidget *dialog;

  g_debug ("Opening the database failed: %s %d", g_quark_to_string (error->domain), error->code);

  /* No window to attach it to: the dialog keeps the application alive until it is closed. */
  dialog = adw_message_dialog_new (NULL, _("Cannot Open Database"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
bb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  BbApplication *self = BB_APPLICATION (app);
  g_autofree char *path = NULL;
  int status;

  /* Headless commands end here, before anything of GTK is touched: no display needed. */
  status = bb_commands_run (app, options);
  if (status >= 0)
    return status;

  path = bb_commands_dup_database_path (options);
  if (path != NULL)
    {
      bb_application_set_database_path (self, path);
      /* A window on another database is a program of its own, not the running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

/* For bench/run (BB_BENCH_WALK): each view of the window in turn. */
static gboolean
bench_show_view (GtkWindow *window,
                 guint      index)
{
  AdwViewStack *stack = _bb_window_get_view_stack (BB_WINDOW (window));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (pages)))
    return FALSE;

  return gtk_selection_model_select_item (pages, index, TRUE);
}

static void
bb_application_activate (GApplication *app)
{
  BbApplication *self = BB_APPLICATION (app);
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = self->database_path != NULL ? g_strdup (self->database_path) : bb_store_default_path ();

  store = bb_store_open (path, &error);
  if (store == NULL)
    {
      bb_application_show_open_error (self, path, error);
      return;
    }

  window = GTK_WINDOW (bb_window_new (self, store));
  /* Only when BB_BENCH_FIRST_FRAME=1 is set (bench/run): report the first frame and quit. */
  bb_frame_probe_attach (window, bench_show_view);
  gtk_window_present (window);

  bb_window_start_automatic_backup (BB_WINDOW (window));
}

static BbWindow *
bb_application_get_main_window (BbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (BB_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BbApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window saves its size, as the close button would. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BbApplication *self = user_data;
  BbWindow *window = bb_application_get_main_window (self);
  BbPreferencesWindow *preferences;

  if (window == NULL)
    return;

  preferences = bb_preferences_window_new (GTK_WINDOW (window), bb_window_get_store (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BbApplication *self = user_data;
  BbWindow *window = bb_application_get_main_window (self);
  static const char *developers[] = { "Beratungsforum Engagement", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "Brückenbuch",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Beratungsforum Engagement",
                        "developers", developers,
                        "comments", _("Keep track of the shelters, the people and organisations "
                                      "around them, consultations and events of the volunteer "
                                      "coordination in Berlin’s refugee shelters."),
                        "website", "https://example.org/brueckenbuch",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Brückenbuch authors"),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
bb_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  /* Referencing the resources makes the linker take them out of the static library (they
   * register themselves): the templates, the style sheet and the shortcuts window live there. */
  g_assert (bb_get_resource () != NULL);

  G_APPLICATION_CLASS (bb_application_parent_class)->startup (app);
  bb_accessibility_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
bb_application_finalize (GObject *object)
{
  BbApplication *self = BB_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (bb_application_parent_class)->finalize (object);
}

static void
bb_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbApplication *self = BB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbApplication *self = BB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      bb_application_set_database_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_application_class_init (BbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bb_application_finalize;
  object_class->get_property = bb_application_get_property;
  object_class->set_property = bb_application_set_property;

  app_class->handle_local_options = bb_application_handle_local_options;
  app_class->startup = bb_application_startup;
  app_class->activate = bb_application_activate;

  properties [PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_application_init (BbApplication *self)
{
  bb_commands_add_options (G_APPLICATION (self));
}

BbApplication *
bb_application_new (void)
{
  return g_object_new (BB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", BB_RESOURCE_PATH,
                       NULL);
}

const char *
bb_application_get_database_path (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->database_path;
}

void
bb_application_set_database_path (BbApplication *self,
                                  const char    *path)
{
  g_return_if_fail (BB_IS_APPLICATION (self));

  if (bb_set_str (&self->database_path, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATABASE_PATH]);
}
