/* bb-month-view.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-accessible-part.h"
#include "bb-contrast.h"
#include "bb-month-view.h"

#define N_WEEKS 6
#define HEADER_HEIGHT 28
#define DAY_NUMBER_HEIGHT 26
#define LINE_SPACING 2
/* Narrower cells show dots instead of titles. */
#define MIN_TITLE_CELL_WIDTH 84

typedef struct
{
  graphene_rect_t  rect;
  guint            day;     /* 0 … 41 */
  BbCalendarEntry *entry;   /* NULL for the cell itself; owned by entries */
} HitArea;

struct _BbMonthView
{
  GtkWidget parent_instance;

  GDate selected;
  GDate first;      /* the Monday on or before the 1st of the selected month */
  GPtrArray *entries;
  GArray *hit_areas;
  /* For assistive technology and the keyboard focus: one child per day, named with its date
   * and its events; the focus is on the selected day's. */
  GtkWidget *cells[N_WEEKS * 7];
};

G_DEFINE_FINAL_TYPE (BbMonthView, bb_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_DATE,
  N_PROPS
};

enum {
  RANGE_CHANGED,
  DAY_ACTIVATED,
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
get_today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

static void
update_first (BbMonthView *self)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&self->selected), g_date_get_year (&self->selected));
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);

  if (g_date_valid (&self->first) && g_date_compare (&first, &self->first) == 0)
    return;

  self->first = first;
  g_signal_emit (self, signals [RANGE_CHANGED], 0);
}

static void
day_date (BbMonthView *self,
          guint        day,
          GDate       *date)
{
  *date = self->first;
  g_date_add_days (date, day);
}

static char *
dup_entry_text (BbCalendarEntry *entry,
                const GDate     *date)
{
  const char *starts_at = bb_calendar_entry_get_starts_at (entry);
  GDate start;
  int hour, minute;

  if (!bb_calendar_entry_get_all_day (entry)
      && bb_recurrence_parse_time (starts_at, &start, &hour, &minute)
      && hour >= 0 && g_date_compare (&start, date) == 0)
    return g_strdup_printf ("%02d:%02d %s", hour, minute, bb_calendar_entry_get_title (entry));

  return g_strdup (bb_calendar_entry_get_title (entry));
}

/* What a screen reader says of a day: "Wednesday, November 25: 10:00 Jour fixe Nord; …". */
static char *
dup_day_label (BbMonthView *self,
               const GDate *date)
{
  g_autoptr(GPtrArray) entries = bb_month_view_dup_entries_on (self, date);
  g_autoptr(GString) label = g_string_new (NULL);
  char buffer[128];

  /* Translators: a day of the month view for screen readers, strftime format:
   * "Wednesday, November 25" */
  g_date_strftime (buffer, sizeof buffer, _("%A, %B %-d"), date);
  g_string_append (label, buffer);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *text = dup_entry_text (entries->pdata[i], date);

      g_string_append (label, i == 0 ? ": " : "; ");
      g_string_append (label, text);
      if (bb_calendar_entry_is_cancelled (entries->pdata[i]))
        g_string_append_printf (label, " (%s)", _("Cancelled"));
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

static void
update_cells (BbMonthView *self)
{
  g_autofree char *title = bb_month_view_dup_title (self);

  /* The grid is named after its month: "November 2026". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  for (guint day = 0; day < G_N_ELEMENTS (self->cells); day++)
    {
      g_autofree char *label = NULL;
      GDate date;

      day_date (self, day, &date);
      label = dup_day_label (self, &date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[day]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->cells[day]),
                                   GTK_ACCESSIBLE_STATE_SELECTED,
                                   g_date_compare (&date, &self->selected) == 0,
                                   -1);
    }
}

static GtkWidget *
get_selected_cell (BbMonthView *self)
{
  return self->cells[g_date_days_between (&self->first, &self->selected)];
}

static gboolean
has_focus_within (BbMonthView *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

void
bb_month_view_set_selected_date (BbMonthView *self,
                                 const GDate *date)
{
  g_return_if_fail (BB_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_valid (&self->selected) && g_date_compare (date, &self->selected) == 0)
    return;

  self->selected = *date;
  update_first (self);
  update_cells (self);
  /* The focus follows the selected day, so that a screen reader announces it. */
  if (has_focus_within (self))
    gtk_widget_grab_focus (get_selected_cell (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_DATE]);
}

void
bb_month_view_get_selected_date (BbMonthView *self,
                                 GDate       *date)
{
  g_return_if_fail (BB_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL);

  *date = self->selected;
}

void
bb_month_view_move_months (BbMonthView *self,
                           int          months)
{
  GDate date;

  g_return_if_fail (BB_IS_MONTH_VIEW (self));

  date = self->selected;
  if (months > 0)
    g_date_add_months (&date, months);
  else if (months < 0)
    g_date_subtract_months (&date, -months);
  bb_month_view_set_selected_date (self, &date);
}

void
bb_month_view_go_today (BbMonthView *self)
{
  GDate today;

  g_return_if_fail (BB_IS_MONTH_VIEW (self));

  get_today (&today);
  bb_month_view_set_selected_date (self, &today);
}

void
bb_month_view_dup_range (BbMonthView  *self,
                         char        **from,
                         char        **to)
{
  GDate last;
  char buffer[16];

  g_return_if_fail (BB_IS_MONTH_VIEW (self));

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &self->first);
  *from = g_strdup (buffer);
  last = self->first;
  g_date_add_days (&last, N_WEEKS * 7);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &last);
  *to = g_strdup (buffer);
}

char *
bb_month_view_dup_title (BbMonthView *self)
{
  char buffer[64];

  g_return_val_if_fail (BB_IS_MONTH_VIEW (self), NULL);

  /* Translators: the month view's title, strftime format: "November 2026" */
  g_date_strftime (buffer, sizeof buffer, _("%B %Y"), &self->selected);
  return g_strdup (buffer);
}

void
bb_month_view_set_entries (BbMonthView *self,
                           GPtrArray   *entries)
{
  g_return_if_fail (BB_IS_MONTH_VIEW (self));

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_array_set_size (self->hit_areas, 0);
  if (entries != NULL)
    self->entries = g_ptr_array_ref (entries);
  update_cells (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
bb_month_view_dup_entries_on (BbMonthView *self,
                              const GDate *date)
{
  GPtrArray *result;

  g_return_val_if_fail (BB_IS_MONTH_VIEW (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    if (bb_calendar_entry_is_on (self->entries->pdata[i], date))
      g_ptr_array_add (result, g_object_ref (self->entries->pdata[i]));

  return result;
}

/* Drawing ----------------------------------------------------------------------------------- */

static void
lookup_color (BbMonthView *self,
              const char  *name,
              GdkRGBA     *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

/* Colours by kind: named colours of libadwaita, so that dark mode has its own shades. */
static void
kind_color (BbMonthView *self,
            const char  *kind,
            GdkRGBA     *color)
{
  static const struct { const char *kind; const char *color; } colors[] = {
    { "jour-fixe", "accent_color" },
    { "workshop", "success_color" },
    { "network-meeting", "warning_color" },
    { "training-basic", "bb_purple_color" },
    { "training-advanced", "destructive_color" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (kind, colors[i].kind) == 0)
      {
        lookup_color (self, colors[i].color, color);
        return;
      }

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  color->alpha *= bb_contrast_opacity (0.6f);
}

static void
add_hit_area (BbMonthView     *self,
              float            x,
              float            y,
              float            width,
              float            height,
              guint            day,
              BbCalendarEntry *entry)
{
  HitArea area = { GRAPHENE_RECT_INIT (x, y, width, height), day, entry };

  g_array_append_val (self->hit_areas, area);
}

static void
get_cell_size (BbMonthView *self,
               float       *cell_width,
               float       *cell_height)
{
  *cell_width = gtk_widget_get_width (GTK_WIDGET (self)) / 7.0f;
  *cell_height = (gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_HEIGHT) / (float) N_WEEKS;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_entries (BbMonthView *self,
                  GtkSnapshot *snapshot,
                  guint        day,
                  const GDate *date,
                  float        x,
                  float        y,
                  float        width,
                  float        height,
                  gboolean     compact)
{
  g_autoptr(GPtrArray) entries = bb_month_view_dup_entries_on (self, date);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "X");
  GdkRGBA fg, dim;
  int line_height;
  guint n_lines;
  guint n_shown;

  if (entries->len == 0)
    {
      g_object_unref (layout);
      return;
    }

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  dim = fg;
  dim.alpha *= bb_contrast_opacity (0.55f);

  pango_layout_get_pixel_size (layout, NULL, &line_height);
  line_height += 2;

  if (compact)
    {
      float dot = 8;
      guint per_row = MAX (1, (guint) ((width - 4) / (dot + 4)));
      guint rows = MAX (1, (guint) ((height - 2) / (dot + 4)));
      guint n_dots = MIN (entries->len, per_row * rows);

      for (guint i = 0; i < n_dots; i++)
        {
          BbCalendarEntry *entry = entries->pdata[i];
          float dx = x + 4 + (i % per_row) * (dot + 4);
          float dy = y + 2 + (i / per_row) * (dot + 4);
          GskRoundedRect circle;
          GdkRGBA color;

          kind_color (self, bb_event_get_kind (bb_calendar_entry_get_event (entry)), &color);
          if (bb_calendar_entry_is_cancelled (entry))
            color.alpha *= bb_contrast_opacity (0.35f);
          gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (dx, dy, dot, dot), dot / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &circle);
          gtk_snapshot_append_color (snapshot, &color, &circle.bounds);
          gtk_snapshot_pop (snapshot);
        }

      g_object_unref (layout);
      return;
    }

  n_lines = MAX (1, (guint) (height / (line_height + LINE_SPACING)));
  n_shown = entries->len <= n_lines ? entries->len : n_lines - 1;
  pango_layout_set_width (layout, (int) ((width - 12) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < n_shown; i++)
    {
      BbCalendarEntry *entry = entries->pdata[i];
      gboolean cancelled = bb_calendar_entry_is_cancelled (entry);
      g_autofree char *text = dup_entry_text (entry, date);
      PangoAttrList *attrs = pango_attr_list_new ();
      float ly = y + i * (line_height + LINE_SPACING);
      graphene_rect_t bar = GRAPHENE_RECT_INIT (x + 2, ly, width - 4, line_height);
      GskRoundedRect rounded;
      GdkRGBA color, background;

      kind_color (self, bb_event_get_kind (bb_calendar_entry_get_event (entry)), &color);
      background = color;
      background.alpha = cancelled ? 0.06f : 0.18f;
      gsk_rounded_rect_init_from_rect (&rounded, &bar, 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &background, &bar);
      if (cancelled)
        color.alpha *= bb_contrast_opacity (0.4f);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x + 2, ly, 3, line_height));
      gtk_snapshot_pop (snapshot);

      if (cancelled)
        pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_text (layout, text, -1);
      append_text (snapshot, layout, x + 8, ly + 1, cancelled ? &dim : &fg);

      add_hit_area (self, bar.origin.x, bar.origin.y, bar.size.width, bar.size.height, day, entry);
    }

  if (n_shown < entries->len)
    {
      g_autofree char *more = NULL;
      guint n_more = entries->len - n_shown;

      /* Translators: in a full day cell of the month view */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n_more), n_more);
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_text (layout, more, -1);
      append_text (snapshot, layout, x + 8, y + n_shown * (line_height + LINE_SPACING), &dim);
    }

  g_object_unref (layout);
}

static void
bb_month_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BbMonthView *self = BB_MONTH_VIEW (widget);
  float width = gtk_widget_get_width (widget);
  float cell_width, cell_height;
  gboolean compact;
  PangoLayout *layout;
  GdkRGBA fg, dim, line, accent_bg, accent_fg, selected_bg;
  GDate today;
  GDate weekday;

  if (!g_date_valid (&self->first))
    return;

  get_cell_size (self, &cell_width, &cell_height);
  compact = cell_width < MIN_TITLE_CELL_WIDTH;
  g_array_set_size (self->hit_areas, 0);
  get_today (&today);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= bb_contrast_opacity (0.45f);
  line = fg;
  line.alpha *= bb_contrast_opacity (0.12f);
  lookup_color (self, "accent_bg_color", &accent_bg);
  lookup_color (self, "accent_fg_color", &accent_fg);
  selected_bg = accent_bg;
  selected_bg.alpha = 0.14f;

  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* Weekday names, Monday first. */
  weekday = self->first;
  for (guint col = 0; col < 7; col++)
    {
      char name[32];
      int text_width;

      g_date_strftime (name, sizeof name, "%a", &weekday);
      pango_layout_set_text (layout, name, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      append_text (snapshot, layout, col * cell_width + (cell_width - text_width) / 2, 5, &dim);
      g_date_add_days (&weekday, 1);
    }

  for (guint day = 0; day < N_WEEKS * 7; day++)
    {
      float x = (day % 7) * cell_width;
      float y = HEADER_HEIGHT + (day / 7) * cell_height;
      gboolean in_month, is_selected, is_today;
      char number[8];
      int text_width, text_height;
      GDate date;

      day_date (self, day, &date);
      in_month = g_date_get_month (&date) == g_date_get_month (&self->selected);
      is_selected = g_date_compare (&date, &self->selected) == 0;
      is_today = g_date_compare (&date, &today) == 0;

      if (is_selected)
        {
          gtk_snapshot_append_color (snapshot, &selected_bg,
                                     &GRAPHENE_RECT_INIT (x, y, cell_width, cell_height));
          if (has_focus_within (self))
            {
              GskRoundedRect outline;
              float widths[4] = { 2, 2, 2, 2 };
              GdkRGBA colors[4] = { accent_bg, accent_bg, accent_bg, accent_bg };

              gsk_rounded_rect_init_from_rect (&outline,
                                               &GRAPHENE_RECT_INIT (x + 1, y + 1,
                                                                    cell_width - 2, cell_height - 2),
                                               4);
              gtk_snapshot_append_border (snapshot, &outline, widths, colors);
            }
        }

      /* Grid lines: top and left of each cell. */
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, y, cell_width, 1));
      if (day % 7 != 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, y, 1, cell_height));

      g_snprintf (number, sizeof number, "%u", g_date_get_day (&date));
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (is_today)
        {
          float size = MAX (text_width, text_height) + 6;
          GskRoundedRect circle;

          gsk_rounded_rect_init_from_rect (&circle,
                                           &GRAPHENE_RECT_INIT (x + 4, y + 3, size, size), size / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &circle);
          gtk_snapshot_append_color (snapshot, &accent_bg, &circle.bounds);
          gtk_snapshot_pop (snapshot);
          append_text (snapshot, layout, x + 4 + (size - text_width) / 2,
                       y + 3 + (size - text_height) / 2, &accent_fg);
        }
      else
        append_text (snapshot, layout, x + 7, y + 5, in_month ? &fg : &dim);

      add_hit_area (self, x, y, cell_width, cell_height, day, NULL);
      snapshot_entries (self, snapshot, day, &date, x + 1, y + DAY_NUMBER_HEIGHT,
                        cell_width - 2, cell_height - DAY_NUMBER_HEIGHT - 2, compact);
    }

  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT + N_WEEKS * cell_height - 1,
                                                                 width, 1));
  g_object_unref (layout);
}

static void
bb_month_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * 40;
      *natural = 7 * 130;
    }
  else
    {
      *minimum = HEADER_HEIGHT + N_WEEKS * 48;
      *natural = HEADER_HEIGHT + N_WEEKS * 110;
    }
}

static void
bb_month_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BbMonthView *self = BB_MONTH_VIEW (widget);
  float cell_width, cell_height;

  get_cell_size (self, &cell_width, &cell_height);
  for (guint day = 0; day < G_N_ELEMENTS (self->cells); day++)
    {
      int x = (int) ((day % 7) * cell_width);
      int y = (int) (HEADER_HEIGHT + (day / 7) * cell_height);

      gtk_widget_size_allocate (self->cells[day],
                                &(GtkAllocation) {
                                  x, y,
                                  (int) ((day % 7 + 1) * cell_width) - x,
                                  (int) (HEADER_HEIGHT + (day / 7 + 1) * cell_height) - y
                                },
                                -1);
    }
}

/* Input ------------------------------------------------------------------------------------- */

/* The last hit area containing the point: entries are added after their cell. */
static HitArea *
find_hit_area (BbMonthView *self,
               double       x,
               double       y)
{
  for (guint i = self->hit_areas->len; i > 0; i--)
    {
      HitArea *area = &g_array_index (self->hit_areas, HitArea, i - 1);

      if (graphene_rect_contains_point (&area->rect, &GRAPHENE_POINT_INIT (x, y)))
        return area;
    }

  return NULL;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BbMonthView     *self)
{
  HitArea *area = find_hit_area (self, x, y);
  g_autoptr(BbCalendarEntry) entry = NULL;
  GDate date;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (area == NULL)
    return;

  /* Selecting may change the range and with it the entries the area points to. */
  if (area->entry != NULL)
    entry = g_object_ref (area->entry);
  day_date (self, area->day, &date);
  bb_month_view_set_selected_date (self, &date);

  if (entry != NULL)
    g_signal_emit (self, signals [ENTRY_ACTIVATED], 0, entry);
  else
    g_signal_emit (self, signals [DAY_ACTIVATED], 0);
}

static void
move_days (BbMonthView *self,
           int          days)
{
  GDate date = self->selected;

  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  bb_month_view_set_selected_date (self, &date);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BbMonthView           *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_days (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_days (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_days (self, -7);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_days (self, 7);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      bb_month_view_move_months (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      bb_month_view_move_months (self, 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      bb_month_view_go_today (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals [DAY_ACTIVATED], 0);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_changed (BbMonthView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The month view takes the focus in the selected day's cell, and Tab leaves it from there. */
static gboolean
bb_month_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (get_selected_cell (BB_MONTH_VIEW (widget)));
}

static gboolean
bb_month_view_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  if (has_focus_within (BB_MONTH_VIEW (widget)))
    return FALSE;

  return bb_month_view_grab_focus (widget);
}

/* GObject ----------------------------------------------------------------------------------- */

static void
bb_month_view_dispose (GObject *object)
{
  BbMonthView *self = (BbMonthView *)object;

  for (guint day = 0; day < G_N_ELEMENTS (self->cells); day++)
    g_clear_pointer (&self->cells[day], gtk_widget_unparent);

  G_OBJECT_CLASS (bb_month_view_parent_class)->dispose (object);
}

static void
bb_month_view_finalize (GObject *object)
{
  BbMonthView *self = (BbMonthView *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->hit_areas, g_array_unref);

  G_OBJECT_CLASS (bb_month_view_parent_class)->finalize (object);
}

static void
bb_month_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbMonthView *self = BB_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      g_value_set_boxed (value, &self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_month_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbMonthView *self = BB_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      if (g_value_get_boxed (value) != NULL)
        bb_month_view_set_selected_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_month_view_class_init (BbMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_month_view_dispose;
  object_class->finalize = bb_month_view_finalize;
  object_class->get_property = bb_month_view_get_property;
  object_class->set_property = bb_month_view_set_property;
  widget_class->snapshot = bb_month_view_snapshot;
  widget_class->measure = bb_month_view_measure;
  widget_class->size_allocate = bb_month_view_size_allocate;
  widget_class->grab_focus = bb_month_view_grab_focus;
  widget_class->focus = bb_month_view_focus;

  properties [PROP_SELECTED_DATE] =
    g_param_spec_boxed ("selected-date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BB_TYPE_CALENDAR_ENTRY);

  gtk_widget_class_set_css_name (widget_class, "bb-month-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
bb_month_view_init (BbMonthView *self)
{
  GtkGesture *click;
  GtkEventController *key;
  GtkEventController *focus;

  self->hit_areas = g_array_new (FALSE, FALSE, sizeof (HitArea));
  for (guint day = 0; day < G_N_ELEMENTS (self->cells); day++)
    {
      self->cells[day] = bb_accessible_part_new (GTK_ACCESSIBLE_ROLE_GRID_CELL);
      gtk_widget_set_parent (self->cells[day], GTK_WIDGET (self));
    }
  g_date_clear (&self->first, 1);
  get_today (&self->selected);
  update_first (self);
  update_cells (self);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  bb_contrast_redraw_on_change (GTK_WIDGET (self));
}

GtkWidget *
bb_month_view_new (void)
{
  return g_object_new (BB_TYPE_MONTH_VIEW, NULL);
}
