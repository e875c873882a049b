/* bb-browser.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-browser"

#include "config.h"

#include "bb-browser.h"
#include "bb-record-list.h"

typedef struct
{
  BbBrowser *browser;
  GtkListView *list_view;
  GType type;
  BbBrowserRowFunc row_func;
  gpointer row_data;
  GListModel *model;
  GtkSingleSelection *selection;
  guint scroll_position;
  gboolean scroll_to_top;
  guint scroll_tick_id;
} List;

struct _BbBrowser
{
  GObject parent_instance;

  /* Children of the view that owns the browser and outlives it. */
  AdwLeaflet *leaflet;
  GtkStack *main_stack;
  BbDetailPage *detail;

  GPtrArray *lists;
  GPtrArray *tables;
  BbBrowserRenderFunc render_func;
  gpointer render_data;

  BbStore *store;
  BbRecord *current;
  GType current_type;
  gint64 current_id;
  guint refresh_id;
  /* Set while the browser itself changes a selection, which then shows nothing by itself. */
  gboolean changing;
  /* Set while a key moves the cursor of a list: in a folded view the record is then shown
   * only on Return, so that the arrows go on moving in the list. */
  gboolean key_moving;
  guint key_moving_id;
};

G_DEFINE_FINAL_TYPE (BbBrowser, bb_browser, G_TYPE_OBJECT)

enum {
  SHOW_RECORD,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint signals [N_SIGNALS];

static void
list_free (gpointer data)
{
  List *list = data;

  if (list->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (list->list_view), list->scroll_tick_id);
  g_clear_object (&list->selection);
  g_clear_object (&list->model);
  g_free (list);
}

static List *
find_list (BbBrowser *self,
           GType      type)
{
  for (guint i = 0; i < self->lists->len; i++)
    {
      List *list = g_ptr_array_index (self->lists, i);

      if (list->type == type)
        return list;
    }

  return NULL;
}

static guint
find_position (List   *list,
               gint64  id)
{
  if (list->model == NULL)
    return GTK_INVALID_LIST_POSITION;

  return bb_record_list_find (BB_RECORD_LIST (list->model), id);
}

static void
set_selected_quietly (List  *list,
                      guint  position)
{
  gboolean was_changing = list->browser->changing;

  list->browser->changing = TRUE;
  gtk_single_selection_set_selected (list->selection, position);
  list->browser->changing = was_changing;
}

static void
show_record (BbBrowser *self,
             BbRecord  *record,
             gboolean   refresh)
{
  gboolean changed = g_set_object (&self->current, record);

  self->current_type = G_OBJECT_TYPE (record);
  self->current_id = bb_record_get_id (record);

  if (self->render_func != NULL)
    self->render_func (record, self->store, self->detail, refresh, self->render_data);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

static void
show_none (BbBrowser *self)
{
  gboolean changed = self->current != NULL;

  g_clear_object (&self->current);
  self->current_type = G_TYPE_INVALID;
  self->current_id = 0;
  bb_detail_page_show_none (self->detail);

  for (guint i = 0; i < self->lists->len; i++)
    {
      List *list = g_ptr_array_index (self->lists, i);

      if (list->selection != NULL)
        set_selected_quietly (list, GTK_INVALID_LIST_POSITION);
    }

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

static void
navigate_to_detail (BbBrowser *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->leaflet));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));

  /* Side by side, the list keeps the focus, so that the arrows go on choosing records: the
   * leaflet moves it into the child it makes visible. */
  if (focus != NULL && !adw_leaflet_get_folded (self->leaflet)
      && gtk_root_get_focus (root) != focus && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

static gboolean
refresh_cb (gpointer user_data)
{
  BbBrowser *self = user_data;
  g_autoptr(BbRecord) record = NULL;
  List *list;
  BbRecord *selected;

  self->refresh_id = 0;

  if (self->current_id == 0 || self->store == NULL)
    return G_SOURCE_REMOVE;

  record = bb_store_get (self->store, self->current_type, self->current_id, NULL);
  if (record == NULL)
    {
      show_none (self);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      return G_SOURCE_REMOVE;
    }

  show_record (self, record, TRUE);

  /* A list that reloaded its rows lost its selection: select the record again. */
  list = find_list (self, self->current_type);
  selected = list ? gtk_single_selection_get_selected_item (list->selection) : NULL;
  if (list != NULL && (selected == NULL || bb_record_get_id (selected) != self->current_id))
    set_selected_quietly (list, find_position (list, self->current_id));

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (BbBrowser *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_store_changed (BbBrowser *self)
{
  if (self->current_id != 0)
    schedule_refresh (self);
}

static void
update_empty (BbBrowser *self)
{
  gtk_stack_set_visible_child_name (self->main_stack,
                                    bb_browser_get_n_items (self) > 0 ? "content" : "empty");
}

static void
on_selection_changed (List *list)
{
  BbBrowser *self = list->browser;
  BbRecord *record;
  gboolean refresh;

  if (self->changing)
    return;

  record = gtk_single_selection_get_selected_item (list->selection);
  if (record == NULL)
    {
      /* Only the list's own changes unselect: the record was deleted or the rows reloaded. */
      if (self->current_type == list->type && self->current_id != 0)
        schedule_refresh (self);
      return;
    }

  for (guint i = 0; i < self->lists->len; i++)
    {
      List *other = g_ptr_array_index (self->lists, i);

      if (other != list)
        set_selected_quietly (other, GTK_INVALID_LIST_POSITION);
    }

  refresh = self->current_type == list->type && self->current_id == bb_record_get_id (record);
  show_record (self, record, refresh);
  if (!refresh && !(self->key_moving && adw_leaflet_get_folded (self->leaflet)))
    navigate_to_detail (self);
}

static void
on_list_activate (List  *list,
                  guint  position)
{
  if (gtk_single_selection_get_selected (list->selection) != position)
    gtk_single_selection_set_selected (list->selection, position);

  if (list->browser->current_id != 0)
    navigate_to_detail (list->browser);
}

/* Keyboard: Tab leaves a list ------------------------------------------------------------------ */

static gboolean
focus_beyond (GtkWidget        *widget,
              GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  gboolean moved;

  /* The window moves the focus as for a Tab from the list, in its own order, but without
   * entering the list again. */
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (root, direction);
  /* Nothing after the list: round to the first (or last) widget of the window. */
  if (!moved && GTK_IS_WINDOW (root))
    {
      gtk_window_set_focus (GTK_WINDOW (root), NULL);
      moved = gtk_widget_child_focus (root, direction);
    }
  gtk_widget_set_can_focus (widget, TRUE);

  return moved;
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return focus_beyond (list_view, (state & GDK_SHIFT_MASK) != 0 ? GTK_DIR_TAB_BACKWARD
                                                                      : GTK_DIR_TAB_FORWARD);

    case GDK_KEY_ISO_Left_Tab:
      return focus_beyond (list_view, GTK_DIR_TAB_BACKWARD);

    default:
      return FALSE;
    }
}

static gboolean
end_key_moving (gpointer user_data)
{
  BbBrowser *self = user_data;

  self->key_moving = FALSE;
  self->key_moving_id = 0;

  return G_SOURCE_REMOVE;
}

static gboolean
on_browser_list_key_pressed (GtkEventControllerKey *controller,
                             guint                  keyval,
                             guint                  keycode,
                             GdkModifierType        state,
                             BbBrowser             *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down: case GDK_KEY_Home: case GDK_KEY_KP_Home: case GDK_KEY_End:
    case GDK_KEY_KP_End:
      /* The list moves its cursor (and selection) after this, in the same event. */
      self->key_moving = TRUE;
      if (self->key_moving_id == 0)
        self->key_moving_id = g_idle_add (end_key_moving, self);
      break;

    default:
      break;
    }

  return FALSE;
}

void
bb_list_view_set_tab_leaves (GtkListView *list_view)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_list_key_pressed), NULL);
  gtk_widget_add_controller (GTK_WIDGET (list_view), controller);
}

static void
on_detail_back (BbBrowser *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  bb_browser_focus_list (self);
}

static void
on_detail_activate_record (BbBrowser *self,
                           GType      type,
                           gint64     id)
{
  if (find_list (self, type) != NULL)
    bb_browser_show_record (self, type, id);
  else
    g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           List                     *list)
{
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *subtitle;

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 3,
                      "margin-top", 6,
                      "margin-bottom", 6,
                      "margin-start", 6,
                      "margin-end", 6,
                      NULL);
  title = g_object_new (GTK_TYPE_LABEL,
                        "xalign", 0.0f,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);
  subtitle = g_object_new (GTK_TYPE_LABEL,
                           "xalign", 0.0f,
                           "ellipsize", PANGO_ELLIPSIZE_END,
                           NULL);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          List                     *list)
{
  BbRecord *record = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;

  if (record != NULL && list->browser->store != NULL)
    list->row_func (record, list->browser->store, &title_text, &subtitle_text, list->row_data);

  gtk_label_set_text (GTK_LABEL (title), title_text ? title_text : "");
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text ? subtitle_text : "");
  gtk_widget_set_visible (subtitle, subtitle_text != NULL && subtitle_text[0] != '\0');
}

BbBrowser *
bb_browser_new (AdwLeaflet   *leaflet,
                GtkStack     *main_stack,
                BbDetailPage *detail)
{
  BbBrowser *self;

  g_return_val_if_fail (ADW_IS_LEAFLET (leaflet), NULL);
  g_return_val_if_fail (GTK_IS_STACK (main_stack), NULL);
  g_return_val_if_fail (BB_IS_DETAIL_PAGE (detail), NULL);

  self = g_object_new (BB_TYPE_BROWSER, NULL);
  self->leaflet = leaflet;
  self->main_stack = main_stack;
  self->detail = detail;

  g_object_bind_property (leaflet, "folded", detail, "show-back-button", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (detail, "back", G_CALLBACK (on_detail_back), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (detail, "activate-record", G_CALLBACK (on_detail_activate_record),
                           self, G_CONNECT_SWAPPED);
  bb_detail_page_show_none (detail);
  update_empty (self);

  return self;
}

void
bb_browser_add_list (BbBrowser        *self,
                     GtkListView      *list_view,
                     GType             type,
                     BbBrowserRowFunc  row_func,
                     gpointer          row_data)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  List *list;

  g_return_if_fail (BB_IS_BROWSER (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));
  g_return_if_fail (g_type_is_a (type, BB_TYPE_RECORD));
  g_return_if_fail (row_func != NULL);
  g_return_if_fail (self->store == NULL);

  list = g_new0 (List, 1);
  list->browser = self;
  list->list_view = list_view;
  list->type = type;
  list->row_func = row_func;
  list->row_data = row_data;
  g_ptr_array_add (self->lists, list);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), list);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), list);
  gtk_list_view_set_factory (list_view, factory);
  g_signal_connect_swapped (list_view, "activate", G_CALLBACK (on_list_activate), list);
  bb_list_view_set_tab_leaves (list_view);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_browser_list_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (list_view), keys);
  }

  bb_browser_watch_table (self, bb_record_type_get_table (type));
}

void
bb_browser_set_render_func (BbBrowser           *self,
                            BbBrowserRenderFunc  render_func,
                            gpointer             render_data)
{
  g_return_if_fail (BB_IS_BROWSER (self));

  self->render_func = render_func;
  self->render_data = render_data;
}

void
bb_browser_watch_table (BbBrowser  *self,
                        const char *table)
{
  g_return_if_fail (BB_IS_BROWSER (self));
  g_return_if_fail (table != NULL);
  g_return_if_fail (self->store == NULL);

  for (guint i = 0; i < self->tables->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tables, i), table))
      return;

  g_ptr_array_add (self->tables, g_strdup (table));
}

void
bb_browser_set_store (BbBrowser *self,
                      BbStore   *store)
{
  g_return_if_fail (BB_IS_BROWSER (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  show_none (self);
  g_set_object (&self->store, store);

  for (guint i = 0; i < self->lists->len; i++)
    {
      List *list = g_ptr_array_index (self->lists, i);

      gtk_list_view_set_model (list->list_view, NULL);
      if (list->model != NULL)
        g_signal_handlers_disconnect_by_data (list->model, self);
      g_clear_object (&list->selection);
      g_clear_object (&list->model);

      if (store == NULL)
        continue;

      list->model = bb_store_list (store, list->type);
      list->selection = gtk_single_selection_new (g_object_ref (list->model));
      gtk_single_selection_set_autoselect (list->selection, FALSE);
      gtk_single_selection_set_selected (list->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (list->model, "items-changed", G_CALLBACK (update_empty), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_swapped (list->selection, "notify::selected-item",
                                G_CALLBACK (on_selection_changed), list);
      gtk_list_view_set_model (list->list_view, GTK_SELECTION_MODEL (list->selection));
    }

  if (store != NULL)
    {
      for (guint i = 0; i < self->tables->len; i++)
        {
          g_autofree char *detailed = g_strconcat ("changed::",
                                                   (char *)g_ptr_array_index (self->tables, i),
                                                   NULL);

          g_signal_connect_object (store, detailed, G_CALLBACK (on_store_changed), self,
                                   G_CONNECT_SWAPPED);
        }
    }

  update_empty (self);
}

BbStore *
bb_browser_get_store (BbBrowser *self)
{
  g_return_val_if_fail (BB_IS_BROWSER (self), NULL);

  return self->store;
}

GListModel *
bb_browser_get_model (BbBrowser *self,
                      GType      type)
{
  List *list;

  g_return_val_if_fail (BB_IS_BROWSER (self), NULL);

  list = find_list (self, type);

  return list ? list->model : NULL;
}

static void
show_list_page (List *list)
{
  GtkWidget *child = GTK_WIDGET (list->list_view);
  GtkWidget *parent;

  /* A view with several lists keeps them in a stack: bring up the one holding this list. */
  while ((parent = gtk_widget_get_parent (child)) != NULL)
    {
      if (GTK_IS_STACK (parent))
        {
          if (parent != GTK_WIDGET (list->browser->main_stack))
            gtk_stack_set_visible_child (GTK_STACK (parent), child);
          return;
        }
      child = parent;
    }
}

/* GTK 4.8 has no gtk_list_view_scroll_to(); its list widgets offer this action, which scrolls
 * just far enough to show the row. */
static void
scroll_to_item (List  *list,
                guint  position)
{
  gtk_widget_activate_action (GTK_WIDGET (list->list_view), "list.scroll-to-item", "u", position);
}

/* The list can only scroll once it has a size: a view that was just switched to has none. To
 * bring a row to the top, the list goes to its end first and back up a frame later. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  List *list = user_data;

  if (gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;

  if (list->scroll_to_top)
    {
      list->scroll_to_top = FALSE;
      scroll_to_item (list, g_list_model_get_n_items (list->model) - 1);
      return G_SOURCE_CONTINUE;
    }

  list->scroll_tick_id = 0;
  scroll_to_item (list, list->scroll_position);

  return G_SOURCE_REMOVE;
}

static void
scroll_to (BbBrowser *self,
           GType      type,
           guint      position,
           gboolean   to_top)
{
  List *list;

  list = find_list (self, type);
  if (list == NULL || list->model == NULL
      || position >= g_list_model_get_n_items (list->model))
    return;

  list->scroll_position = position;
  list->scroll_to_top = to_top;
  if (!to_top && list->scroll_tick_id == 0
      && gtk_widget_get_mapped (GTK_WIDGET (list->list_view))
      && gtk_widget_get_height (GTK_WIDGET (list->list_view)) > 0)
    scroll_to_item (list, position);
  else if (list->scroll_tick_id == 0)
    list->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (list->list_view),
                                                         scroll_tick_cb, list, NULL);
}

void
bb_browser_scroll_to (BbBrowser *self,
                      GType      type,
                      guint      position)
{
  g_return_if_fail (BB_IS_BROWSER (self));

  scroll_to (self, type, position, FALSE);
}

void
bb_browser_scroll_to_top (BbBrowser *self,
                          GType      type,
                          guint      position)
{
  g_return_if_fail (BB_IS_BROWSER (self));

  scroll_to (self, type, position, TRUE);
}

gboolean
bb_browser_show_record (BbBrowser *self,
                        GType      type,
                        gint64     id)
{
  List *list;
  guint position;

  g_return_val_if_fail (BB_IS_BROWSER (self), FALSE);

  list = find_list (self, type);
  if (list == NULL || list->selection == NULL || id <= 0)
    return FALSE;

  position = find_position (list, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  show_list_page (list);
  if (gtk_single_selection_get_selected (list->selection) == position && self->current_id == id)
    navigate_to_detail (self);
  else
    gtk_single_selection_set_selected (list->selection, position);

  bb_browser_scroll_to (self, type, position);

  return self->current_id == id && self->current_type == type;
}

BbRecord *
bb_browser_get_selected (BbBrowser *self)
{
  g_return_val_if_fail (BB_IS_BROWSER (self), NULL);

  return self->current;
}

guint
bb_browser_get_n_items (BbBrowser *self)
{
  guint n = 0;

  g_return_val_if_fail (BB_IS_BROWSER (self), 0);

  for (guint i = 0; i < self->lists->len; i++)
    {
      List *list = g_ptr_array_index (self->lists, i);

      if (list->model != NULL)
        n += g_list_model_get_n_items (list->model);
    }

  return n;
}

gboolean
bb_browser_focus_list (BbBrowser *self)
{
  g_return_val_if_fail (BB_IS_BROWSER (self), FALSE);

  for (guint i = 0; i < self->lists->len; i++)
    {
      List *list = g_ptr_array_index (self->lists, i);

      if (gtk_widget_is_drawable (GTK_WIDGET (list->list_view)))
        return gtk_widget_grab_focus (GTK_WIDGET (list->list_view));
    }

  return FALSE;
}

static void
bb_browser_dispose (GObject *object)
{
  BbBrowser *self = (BbBrowser *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->key_moving_id, g_source_remove);

  /* The list views belong to the view and may outlive the rows' callbacks. */
  for (guint i = 0; i < self->lists->len; i++)
    {
      List *list = g_ptr_array_index (self->lists, i);

      if (list->scroll_tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (list->list_view), list->scroll_tick_id);
      list->scroll_tick_id = 0;
      gtk_list_view_set_model (list->list_view, NULL);
      gtk_list_view_set_factory (list->list_view, NULL);
      g_signal_handlers_disconnect_by_data (list->list_view, list);
      if (list->model != NULL)
        g_signal_handlers_disconnect_by_data (list->model, self);
      if (list->selection != NULL)
        g_signal_handlers_disconnect_by_data (list->selection, list);
    }
  g_ptr_array_set_size (self->lists, 0);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (bb_browser_parent_class)->dispose (object);
}

static void
bb_browser_finalize (GObject *object)
{
  BbBrowser *self = (BbBrowser *)object;

  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_browser_parent_class)->finalize (object);
}

static void
bb_browser_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BbBrowser *self = BB_BROWSER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_browser_class_init (BbBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_browser_dispose;
  object_class->finalize = bb_browser_finalize;
  object_class->get_property = bb_browser_get_property;

  /* The record of the detail pane, as bb_browser_get_selected(); views follow it to enable
   * the actions that need one. */
  properties [PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         BB_TYPE_RECORD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [SHOW_RECORD] =
    g_signal_new ("show-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);
}

static void
bb_browser_init (BbBrowser *self)
{
  self->lists = g_ptr_array_new_with_free_func (list_free);
  self->tables = g_ptr_array_new_with_free_func (g_free);
}
