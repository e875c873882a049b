/* bb-search-popover.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-search-popover"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-core.h"
#include "bb-format.h"
#include "bb-search-popover.h"

/* Enough to find what one looks for; more would only be scrolled past. */
#define MAX_HITS 50
/* The width of the popover's content where the window has room, and the room it leaves to the
 * window's edges where it has not (a phone's 360 px). */
#define SEARCH_WIDTH 440
#define SEARCH_WINDOW_MARGIN 40

struct _BbSearchPopover
{
  GtkPopover          parent_instance;

  BbStore            *store;
  GtkSingleSelection *selection;

  AdwClamp           *clamp;
  GtkSearchEntry     *entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (BbSearchPopover, bb_search_popover, GTK_TYPE_POPOVER)

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

const char *
bb_search_popover_kind_label (GType type)
{
  if (type == BB_TYPE_SHELTER)
    return _("Shelter");
  if (type == BB_TYPE_PERSON)
    return _("Person");
  if (type == BB_TYPE_ORGANISATION)
    return _("Organisation");
  if (type == BB_TYPE_CONSULTATION)
    return _("Consultation");
  if (type == BB_TYPE_EVENT)
    return _("Event");

  return "";
}

char *
bb_search_popover_snippet_markup (const char *snippet)
{
  GString *markup;
  const char *p;

  if (snippet == NULL)
    return g_strdup ("");

  markup = g_string_new (NULL);
  p = snippet;

  /* Escape piece by piece: g_markup_escape_text would turn the markers themselves into
   * character references. */
  while (*p != '\0')
    {
      const char *end = strpbrk (p, "\002\003");
      g_autofree char *escaped = NULL;

      if (end == NULL)
        end = p + strlen (p);

      escaped = g_markup_escape_text (p, end - p);
      g_string_append (markup, escaped);

      if (*end == '\002')
        g_string_append (markup, "<b>");
      else if (*end == '\003')
        g_string_append (markup, "</b>");
      else
        break;

      p = end + 1;
    }

  /* A snippet cut inside a match must still be valid markup. */
  if (!pango_parse_markup (markup->str, -1, 0, NULL, NULL, NULL, NULL))
    {
      g_autofree char *plain = g_strdelimit (g_strdup (snippet), "\002\003", ' ');

      g_string_free (markup, TRUE);
      return g_markup_escape_text (plain, -1);
    }

  return g_string_free (markup, FALSE);
}

static void
bb_search_popover_activate_position (BbSearchPopover *self,
                                     guint            position)
{
  g_autoptr(BbSearchHit) hit = NULL;
  GType type;
  gint64 id;

  g_assert (BB_IS_SEARCH_POPOVER (self));

  hit = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (hit == NULL)
    return;

  type = bb_search_hit_get_record_type (hit);
  id = bb_search_hit_get_id (hit);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [SHOW_RECORD], 0, type, id);
}

static void
bb_search_popover_refresh (BbSearchPopover *self)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert (BB_IS_SEARCH_POPOVER (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (self->store == NULL || *text == '\0')
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  hits = bb_store_search (self->store, text, MAX_HITS, &error);
  if (hits == NULL)
    {
      /* The message may quote the search text, which can be a name: log only the kind. */
      g_debug ("Search failed: %s %d", g_quark_to_string (error->domain), error->code);
    }

  gtk_single_selection_set_model (self->selection, hits);

  if (hits == NULL || g_list_model_get_n_items (hits) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_stack_set_visible_child_name (self->stack, "results");
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
on_search_changed (BbSearchPopover *self,
                   GtkSearchEntry  *entry)
{
  bb_search_popover_refresh (self);
}

static void
on_entry_activate (BbSearchPopover *self,
                   GtkSearchEntry  *entry)
{
  guint position;

  /* Enter right after typing must find what was typed, not wait for the debounce. */
  if (gtk_single_selection_get_model (self->selection) == NULL)
    bb_search_popover_refresh (self);

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    bb_search_popover_activate_position (self, position);
}

static void
on_stop_search (BbSearchPopover *self,
                GtkSearchEntry  *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate (BbSearchPopover *self,
                  guint            position,
                  GtkListView     *list_view)
{
  bb_search_popover_activate_position (self, position);
}

/* Up and Down move through the hits while the focus stays in the entry, so one can type on. */
static gboolean
on_entry_key_pressed (BbSearchPopover       *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint target;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || n_items == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n_items - 1);
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 8, n_items - 1);
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = selected == GTK_INVALID_LIST_POSITION || selected < 8 ? 0 : selected - 8;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_single_selection_set_selected (self->selection, target);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", target);

  return GDK_EVENT_STOP;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");

  gtk_widget_set_valign (kind, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (snippet), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (snippet), TRUE);
  gtk_widget_add_css_class (snippet, "search-snippet");

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), snippet);

  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  BbSearchHit *hit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (top);
  GtkWidget *kind = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (top);
  g_autofree char *markup = NULL;
  g_autofree char *when = bb_format_date (bb_search_hit_get_date (hit));
  g_autofree char *title_text = NULL;
  const char *name;
  const char *snippet_text = bb_search_hit_get_snippet (hit);

  markup = bb_search_popover_snippet_markup (snippet_text);

  /* A consultation is known by where and when it took place. */
  name = bb_search_hit_get_title (hit);
  if ((name == NULL || name[0] == '\0') && bb_search_hit_get_record_type (hit) == BB_TYPE_CONSULTATION)
    name = _("No shelter");
  title_text = BB_FORMAT_JOIN (" · ", name, when);
  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (kind), bb_search_popover_kind_label (bb_search_hit_get_record_type (hit)));
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_set_visible (snippet, snippet_text != NULL && *snippet_text != '\0');
}

static void
bb_search_popover_map (GtkWidget *widget)
{
  BbSearchPopover *self = BB_SEARCH_POPOVER (widget);

  GTK_WIDGET_CLASS (bb_search_popover_parent_class)->map (widget);

  /* Coming back to the search, the last words are selected so that typing replaces them. */
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
bb_search_popover_dispose (GObject *object)
{
  BbSearchPopover *self = BB_SEARCH_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SEARCH_POPOVER);

  G_OBJECT_CLASS (bb_search_popover_parent_class)->dispose (object);
}

static void
bb_search_popover_finalize (GObject *object)
{
  BbSearchPopover *self = BB_SEARCH_POPOVER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (bb_search_popover_parent_class)->finalize (object);
}

static void
bb_search_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbSearchPopover *self = BB_SEARCH_POPOVER (object);

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
bb_search_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbSearchPopover *self = BB_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_search_popover_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* As wide as SEARCH_WIDTH, or as the window allows, each time it opens. */
static void
bb_search_popover_show (GtkWidget *widget)
{
  BbSearchPopover *self = BB_SEARCH_POPOVER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  int width = SEARCH_WIDTH;

  if (root != NULL && gtk_widget_get_width (GTK_WIDGET (root)) > 0)
    width = MIN (width, gtk_widget_get_width (GTK_WIDGET (root)) - SEARCH_WINDOW_MARGIN);
  /* Not wider either where a line of it (a description) would be longer. */
  gtk_widget_set_size_request (GTK_WIDGET (self->clamp), width, -1);
  adw_clamp_set_maximum_size (self->clamp, width);
  adw_clamp_set_tightening_threshold (self->clamp, width);
  /* What the hint below says anyway, in short where the whole would be cut off. */
  g_object_set (self->entry, "placeholder-text",
                width < SEARCH_WIDTH ? _("Search") : _("Search shelters, people, notes…"), NULL);

  GTK_WIDGET_CLASS (bb_search_popover_parent_class)->show (widget);
}

static void
bb_search_popover_class_init (BbSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_search_popover_dispose;
  object_class->finalize = bb_search_popover_finalize;
  object_class->get_property = bb_search_popover_get_property;
  object_class->set_property = bb_search_popover_set_property;

  widget_class->map = bb_search_popover_map;
  widget_class->show = bb_search_popover_show;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbSearchPopover::show-record:
   * @type: the record's GType
   * @id: the record's id
   *
   * The user chose a hit; the popover has closed.
   */
  signals [SHOW_RECORD] =
    g_signal_new ("show-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, BB_RESOURCE_PATH "/app/bb-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, BbSearchPopover, clamp);
  gtk_widget_class_bind_template_child (widget_class, BbSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, BbSearchPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, BbSearchPopover, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
bb_search_popover_init (BbSearchPopover *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);

  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

BbSearchPopover *
bb_search_popover_new (void)
{
  return g_object_new (BB_TYPE_SEARCH_POPOVER, NULL);
}

BbStore *
bb_search_popover_get_store (BbSearchPopover *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_POPOVER (self), NULL);

  return self->store;
}

void
bb_search_popover_set_store (BbSearchPopover *self,
                             BbStore         *store)
{
  g_return_if_fail (BB_IS_SEARCH_POPOVER (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Hits of another database would lead nowhere. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  bb_search_popover_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

GtkEditable *
bb_search_popover_get_entry (BbSearchPopover *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_POPOVER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkListView *
bb_search_popover_get_list_view (BbSearchPopover *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_POPOVER (self), NULL);

  return self->list_view;
}

GListModel *
bb_search_popover_get_results (BbSearchPopover *self)
{
  g_return_val_if_fail (BB_IS_SEARCH_POPOVER (self), NULL);

  return G_LIST_MODEL (self->selection);
}
