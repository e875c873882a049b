/* bb-window.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-calendar-view.h"
#include "bb-consultation-editor.h"
#include "bb-consultation-view.h"
#include "bb-core.h"
#include "bb-network-view.h"
#include "bb-report-view.h"
#include "bb-search-popover.h"
#include "bb-shelter-view.h"
#include "bb-window-backup.h"
#include "bb-window-private.h"

/* The same seed always gives the same demo world, so a screenshot or a bug report about the
 * demo data can be reproduced. */
#define DEMO_SEED 20261125

typedef struct
{
  char   *path;
  double  scale;
  GDate   reference_date;
  int     progress;           /* per mille, written by the worker thread */
} DemoJob;

struct _BbWindow
{
  AdwApplicationWindow  parent_instance;

  BbStore              *store;
  /* The user's own database while demo data is shown in its place. */
  BbStore              *own_store;
  GSettings            *settings;

  double                demo_scale;
  GDate                 demo_reference_date;
  DemoJob              *demo_job;
  guint                 demo_progress_source;
  gboolean              disposed;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *search_button;
  BbSearchPopover      *search_popover;
  GtkRevealer          *demo_revealer;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkWidget            *shelter_view;
  GtkWidget            *network_view;
  GtkWidget            *consultation_view;
  GtkWidget            *calendar_view;
  GtkWidget            *report_view;
  GtkWidget            *welcome_buttons;
  GtkWidget            *demo_progress_box;
  GtkProgressBar       *demo_progress;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (BbWindow, bb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const view_names[] = { "shelters", "network", "consultations", "calendar",
                                            "report" };

static DemoJob *
demo_job_new (const char *path,
              double      scale,
              const GDate *reference_date)
{
  DemoJob *job = g_atomic_rc_box_new0 (DemoJob);

  job->path = g_strdup (path);
  job->scale = scale;
  job->reference_date = *reference_date;

  return job;
}

static void
demo_job_clear (gpointer data)
{
  DemoJob *job = data;

  g_free (job->path);
}

static void
demo_job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, demo_job_clear);
}

static gboolean
bb_window_needs_welcome (BbWindow *self)
{
  g_autofree char *done = NULL;

  if (self->store == NULL || bb_store_is_demo (self->store) || !bb_store_is_empty (self->store))
    return FALSE;

  done = bb_store_dup_meta (self->store, "welcome-done");

  return done == NULL;
}

static void
bb_window_show_error (BbWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bb_window_update_actions (BbWindow *self)
{
  gboolean busy = self->demo_job != NULL;
  gboolean views = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0;
  gboolean demo = self->store != NULL && bb_store_is_demo (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", views && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", views && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-empty", !views && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-demo", !views && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", demo && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", !demo && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", !demo && !busy);
}

static void
bb_window_update (BbWindow *self)
{
  gboolean demo = self->store != NULL && bb_store_is_demo (self->store);
  gboolean welcome = bb_window_needs_welcome (self);

  gtk_revealer_set_reveal_child (self->demo_revealer, demo);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        demo ? _("Demo Data") : NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        demo ? _("Brückenbuch — Fictional Demo Data") : "Brückenbuch");

  gtk_stack_set_visible_child_name (self->main_stack, welcome ? "welcome" : "views");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !welcome);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), !welcome);

  gtk_widget_set_sensitive (self->welcome_buttons, self->demo_job == NULL);
  gtk_widget_set_visible (self->demo_progress_box, self->demo_job != NULL);

  bb_window_update_actions (self);
}

void
_bb_window_update (BbWindow *self)
{
  g_return_if_fail (BB_IS_WINDOW (self));

  bb_window_update (self);
}

/* A view is filled (given the store: its lists, the agenda and month, the report) only when its
 * page is first shown or a caller reaches into it (bb_window_show_record, _bb_window_get_view):
 * filling the four hidden views made the start to the first frame several times slower. A view
 * once filled follows every later change of store, as before. */
#define VIEW_FILLED_KEY "bb-window-view-filled"

static void
bb_window_fill_view (BbWindow  *self,
                     GtkWidget *view)
{
  if (self->store == NULL || view == NULL)
    return;

  /* Each set_store returns at once when the view already has this store. */
  if (view == self->shelter_view)
    bb_shelter_view_set_store (BB_SHELTER_VIEW (view), self->store);
  else if (view == self->network_view)
    bb_network_view_set_store (BB_NETWORK_VIEW (view), self->store);
  else if (view == self->consultation_view)
    bb_consultation_view_set_store (BB_CONSULTATION_VIEW (view), self->store);
  else if (view == self->calendar_view)
    bb_calendar_view_set_store (BB_CALENDAR_VIEW (view), self->store);
  else if (view == self->report_view)
    bb_report_view_set_store (BB_REPORT_VIEW (view), self->store);
  else
    return;

  g_object_set_data (G_OBJECT (view), VIEW_FILLED_KEY, GINT_TO_POINTER (TRUE));
}

static void
on_visible_view_changed (BbWindow *self)
{
  /* Not while the pages go one by one as the window is destroyed. */
  if (self->disposed)
    return;

  bb_window_fill_view (self, adw_view_stack_get_visible_child (self->view_stack));
}

const char *
bb_window_view_for_type (GType type)
{
  if (type == BB_TYPE_SHELTER)
    return "shelters";
  if (type == BB_TYPE_PERSON || type == BB_TYPE_ORGANISATION)
    return "network";
  if (type == BB_TYPE_CONSULTATION)
    return "consultations";
  if (type == BB_TYPE_EVENT)
    return "calendar";

  return NULL;
}

gboolean
bb_window_show_record (BbWindow *self,
                       GType     type,
                       gint64    id)
{
  const char *name;

  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  name = bb_window_view_for_type (type);
  if (name == NULL || self->store == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, "views");
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  bb_window_fill_view (self, adw_view_stack_get_child_by_name (self->view_stack, name));

  if (g_str_equal (name, "shelters"))
    return bb_shelter_view_show_record (BB_SHELTER_VIEW (self->shelter_view), type, id);
  if (g_str_equal (name, "network"))
    return bb_network_view_show_record (BB_NETWORK_VIEW (self->network_view), type, id);
  if (g_str_equal (name, "consultations"))
    return bb_consultation_view_show_record (BB_CONSULTATION_VIEW (self->consultation_view), type, id);

  return bb_calendar_view_show_record (BB_CALENDAR_VIEW (self->calendar_view), type, id);
}

void
bb_window_focus_view (BbWindow *self)
{
  GtkWidget *view;

  g_return_if_fail (BB_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") != 0)
    return;

  view = adw_view_stack_get_visible_child (self->view_stack);
  if (view != NULL && !gtk_widget_grab_focus (view))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
on_view_show_record (BbWindow  *self,
                     GType      type,
                     gint64     id,
                     GtkWidget *view)
{
  if (!bb_window_show_record (self, type, id))
    g_debug ("Record %s %" G_GINT64_FORMAT " is not in its view", g_type_name (type), id);
}

static void
on_search_show_record (BbWindow        *self,
                       GType            type,
                       gint64           id,
                       BbSearchPopover *popover)
{
  on_view_show_record (self, type, id, NULL);
}

void
bb_window_set_store (BbWindow *self,
                     BbStore  *store)
{
  GtkWidget *views[5];
  GtkWidget *visible;

  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (BB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* The shown view and those filled before; the others when they are first shown. */
  views[0] = self->shelter_view;
  views[1] = self->network_view;
  views[2] = self->consultation_view;
  views[3] = self->calendar_view;
  views[4] = self->report_view;
  visible = adw_view_stack_get_visible_child (self->view_stack);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i] == visible || g_object_get_data (G_OBJECT (views[i]), VIEW_FILLED_KEY) != NULL)
      bb_window_fill_view (self, views[i]);

  bb_search_popover_set_store (self->search_popover, store);

  bb_window_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

BbStore *
bb_window_get_store (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->store;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  gtk_menu_button_popup (self->search_button);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* Alt+1 … Alt+5 go to the view: its list, where the arrows, Return and Delete work. */
  bb_window_focus_view (self);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bb_store_set_meta (self->store, "welcome-done", "1", &error))
    {
      g_autofree char *body = bb_application_describe_store_error (error, bb_store_get_path (self->store));

      bb_window_show_error (self, _("Cannot Write to the Database"), body);
      return;
    }

  bb_window_update (self);
}

static void
demo_job_progress (double   fraction,
                   gpointer user_data)
{
  DemoJob *job = user_data;

  g_atomic_int_set (&job->progress, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(BbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A store of its own: a store is only ever used from one thread. */
  store = bb_store_open (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Demo data from an earlier visit is shown as it is. */
  if (!bb_store_is_empty (store))
    {
      if (bb_store_is_demo (store))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                                 "The file for demo data holds other data");
      return;
    }

  if (!bb_demo_generate (store, job->scale, DEMO_SEED, &job->reference_date,
                         demo_job_progress, job, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
demo_progress_tick (gpointer user_data)
{
  BbWindow *self = user_data;

  if (self->demo_job != NULL)
    gtk_progress_bar_set_fraction (self->demo_progress,
                                   g_atomic_int_get (&self->demo_job->progress) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
demo_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbWindow *self = BB_WINDOW (source_object);
  g_autoptr(GApplication) app = user_data;
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BbStore) demo = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->demo_progress_source, g_source_remove);
  g_clear_pointer (&self->demo_job, demo_job_unref);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    demo = bb_store_open (job->path, &error);

  g_application_release (app);

  if (self->disposed)
    return;

  if (demo == NULL)
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *display = g_filename_display_name (job->path);

          body = g_strdup_printf (_("The file “%s” is meant for demo data but holds other data. "
                                    "It has not been changed."), display);
        }
      else
        body = bb_application_describe_store_error (error, job->path);

      bb_window_update (self);
      bb_window_show_error (self, _("Cannot Create Demo Data"), body);
      return;
    }

  if (self->own_store == NULL)
    g_set_object (&self->own_store, self->store);

  bb_window_set_store (self, demo);
  bb_window_update (self);
}

static char *
bb_window_dup_demo_path (BbWindow *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  /* Beside the database in use (the default one, unless --database chose another), so that
   * demo data and the user's data live in the same place but never in the same file. */
  dir = g_path_get_dirname (bb_store_get_path (self->store));
  path = g_build_filename (dir, "demo.sqlite3", NULL);

  if (g_str_equal (path, bb_store_get_path (self->store)))
    {
      g_free (path);
      path = g_build_filename (dir, "demo-data.sqlite3", NULL);
    }

  return g_steal_pointer (&path);
}

static void
explore_demo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  GApplication *app;
  GDate reference_date;

  if (self->demo_job != NULL || self->store == NULL)
    return;

  if (g_date_valid (&self->demo_reference_date))
    reference_date = self->demo_reference_date;
  else
    {
      g_date_clear (&reference_date, 1);
      g_date_set_time_t (&reference_date, time (NULL));
    }

  path = bb_window_dup_demo_path (self);
  self->demo_job = demo_job_new (path, self->demo_scale, &reference_date);

  /* Closing the window must not cut the generation off in the middle of its transaction. */
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    g_application_hold (app);

  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  self->demo_progress_source = g_timeout_add (100, demo_progress_tick, self);

  task = g_task_new (self, NULL, demo_done, app != NULL ? g_object_ref (app) : NULL);
  g_task_set_source_tag (task, explore_demo_action);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (self->demo_job), demo_job_unref);
  g_task_run_in_thread (task, demo_thread);

  bb_window_update (self);
}

static void
leave_demo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(BbStore) own = NULL;
  g_autoptr(GError) error = NULL;

  own = g_steal_pointer (&self->own_store);

  if (own == NULL)
    {
      g_autofree char *path = bb_store_default_path ();

      if (g_str_equal (path, bb_store_get_path (self->store)))
        return;

      own = bb_store_open (path, &error);
      if (own == NULL)
        {
          g_autofree char *body = bb_application_describe_store_error (error, path);

          bb_window_show_error (self, _("Cannot Open Database"), body);
          return;
        }
    }

  bb_window_set_store (self, own);
}

static void
bb_window_restore_state (BbWindow *self)
{
  g_autofree char *view = NULL;
  int width, height;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

static gboolean
bb_window_close_request (GtkWindow *window)
{
  BbWindow *self = BB_WINDOW (window);
  const char *view;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  /* A maximized window reports the screen's size; keep the size it returns to. */
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  view = adw_view_stack_get_visible_child_name (self->view_stack);
  if (view != NULL)
    g_settings_set_string (self->settings, "last-view", view);
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (bb_window_parent_class)->close_request (window);
}

static void
bb_window_dispose (GObject *object)
{
  BbWindow *self = BB_WINDOW (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->demo_progress_source, g_source_remove);

  /* The switchers must let go of the stack before it goes: libadwaita 1.2 otherwise unparents
   * buttons that are already gone. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WINDOW);

  G_OBJECT_CLASS (bb_window_parent_class)->dispose (object);
}

static void
bb_window_finalize (GObject *object)
{
  BbWindow *self = BB_WINDOW (object);

  g_clear_pointer (&self->demo_job, demo_job_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->own_store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_window_parent_class)->finalize (object);
}

static void
bb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BbWindow *self = BB_WINDOW (object);

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
bb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BbWindow *self = BB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_value_get_object (value) != NULL)
        bb_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_window_class_init (BbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bb_window_dispose;
  object_class->finalize = bb_window_finalize;
  object_class->get_property = bb_window_get_property;
  object_class->set_property = bb_window_set_property;

  window_class->close_request = bb_window_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_SHELTER_VIEW);
  g_type_ensure (BB_TYPE_NETWORK_VIEW);
  g_type_ensure (BB_TYPE_CONSULTATION_VIEW);
  g_type_ensure (BB_TYPE_CALENDAR_VIEW);
  g_type_ensure (BB_TYPE_REPORT_VIEW);
  g_type_ensure (BB_TYPE_SEARCH_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, BB_RESOURCE_PATH "/app/bb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, shelter_view);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, network_view);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, consultation_view);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, welcome_buttons);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, demo_progress_box);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, demo_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_view_show_record);
  gtk_widget_class_bind_template_callback (widget_class, on_search_show_record);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.explore-demo", NULL, explore_demo_action);
  gtk_widget_class_install_action (widget_class, "win.leave-demo", NULL, leave_demo_action);
  _bb_window_install_backup_actions (widget_class);
  /* "(xx)": shelter id, person id; for buttons on the shelter and person detail panes. */
  bb_consultation_editor_install_window_action (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", view_names[i]);
}

/* Another program may have written the database while the window was in the background: a
 * window opened with --database on the same file, a headless import. */
static void
on_is_active_changed (BbWindow *self)
{
  if (self->store != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    bb_store_check_external_changes (self->store);
}

static void
bb_window_init (BbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_view_changed), self, G_CONNECT_SWAPPED);

  self->demo_scale = 1.0;
  g_date_clear (&self->demo_reference_date, 1);

  self->settings = g_settings_new (APPLICATION_ID);
  bb_window_restore_state (self);
  bb_window_update (self);
}

BbWindow *
bb_window_new (BbApplication *application,
               BbStore       *store)
{
  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BB_IS_STORE (store), NULL);

  return g_object_new (BB_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

AdwViewStack *
_bb_window_get_view_stack (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->view_stack;
}

GtkWidget *
_bb_window_get_view (BbWindow   *self,
                     const char *name)
{
  GtkWidget *view;

  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  view = adw_view_stack_get_child_by_name (self->view_stack, name);
  bb_window_fill_view (self, view);

  return view;
}

BbSearchPopover *
_bb_window_get_search_popover (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->search_popover;
}

const char *
_bb_window_get_page (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

gboolean
_bb_window_get_demo_bar_shown (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->demo_revealer);
}

gboolean
_bb_window_get_busy (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  return self->demo_job != NULL;
}

void
_bb_window_set_demo_options (BbWindow *self,
                             double    scale,
                             GDate    *reference_date)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (scale > 0);

  self->demo_scale = scale;
  if (reference_date != NULL)
    self->demo_reference_date = *reference_date;
  else
    g_date_clear (&self->demo_reference_date, 1);
}

void
bb_window_add_toast (BbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bb_widget_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (BB_IS_WINDOW (root))
    {
      bb_window_add_toast (BB_WINDOW (root), toast);
      return;
    }

  /* Dialogs and editors report to the window they belong to. */
  if (GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      if (BB_IS_WINDOW (parent))
        {
          bb_window_add_toast (BB_WINDOW (parent), toast);
          return;
        }
    }

  /* Not shown anywhere: an unrooted widget has nobody to tell. */
  g_object_unref (toast);
}

static void
on_undo_toast_clicked (AdwToast  *toast,
                       GtkWidget *widget)
{
  BbStore *store = g_object_get_data (G_OBJECT (toast), "bb-store");
  GBytes *undo = g_object_get_data (G_OBJECT (toast), "bb-undo");
  g_autoptr(GError) error = NULL;

  if (!bb_store_undo (store, undo, &error))
    bb_widget_show_store_error (widget, _("The Change Was Not Undone"), store, error);
}

void
bb_widget_show_store_error (GtkWidget    *widget,
                            const char   *heading,
                            BbStore      *store,
                            const GError *error)
{
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  body = bb_application_describe_store_error (error, store != NULL ? bb_store_get_path (store) : NULL);
  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bb_widget_add_undo_toast (GtkWidget  *widget,
                          BbStore    *store,
                          const char *title,
                          GBytes     *undo)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BB_IS_STORE (store));
  g_return_if_fail (undo != NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "bb-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "bb-undo", g_bytes_ref (undo),
                          (GDestroyNotify) g_bytes_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), widget,
                           0);
  bb_widget_add_toast (widget, toast);
}

AdwMessageDialog *
bb_destructive_dialog_new (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           const char *response,
                           const char *label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (response != NULL && label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}
