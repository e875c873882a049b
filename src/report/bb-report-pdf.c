/* bb-report-pdf.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-report-pdf"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "bb-report-pdf.h"

/* A4 in points, with margins of 2 cm. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN        56.7
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_HEIGHT 28.0
#define PAGE_BOTTOM   (PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT)

#define ROW_HEIGHT     16.0
#define SECTION_GAP    18.0
#define SECTION_TITLE  24.0
#define LABEL_WIDTH    260.0
#define COUNT_WIDTH    80.0
#define BAR_GAP        12.0

/* Lays the report out twice: once without drawing to count the pages, then for real, so that
 * every footer can say how many pages there are. */
typedef struct
{
  cairo_t     *cr;          /* NULL while counting */
  PangoLayout *layout;
  BbReport    *report;
  char        *running_title;
  double       y;
  int          page;
  int          n_pages;
} Writer;

typedef enum
{
  FONT_TITLE,
  FONT_HEADING,
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_SMALL,
} Font;

static void
set_font (Writer *w,
          Font    font)
{
  static const char * const fonts[] = {
    [FONT_TITLE] = "Sans Bold 20",
    [FONT_HEADING] = "Sans Bold 12",
    [FONT_BODY] = "Sans 9.5",
    [FONT_BODY_BOLD] = "Sans Bold 9.5",
    [FONT_SMALL] = "Sans 8",
  };
  PangoFontDescription *description = pango_font_description_from_string (fonts[font]);

  pango_layout_set_font_description (w->layout, description);
  pango_font_description_free (description);
}

/* Draws text in the box x … x + width from the top y, cut with an ellipsis if too long. */
static void
draw_text (Writer         *w,
           double          x,
           double          y,
           double          width,
           const char     *text,
           Font            font,
           PangoAlignment  alignment,
           double          grey)
{
  if (w->cr == NULL)
    return;

  set_font (w, font);
  pango_layout_set_text (w->layout, text, -1);
  pango_layout_set_width (w->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (w->layout, alignment);
  pango_layout_set_ellipsize (w->layout, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (w->cr, grey, grey, grey);
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, w->layout);
}

static void
draw_footer (Writer *w)
{
  g_autofree char *page = NULL;

  if (w->cr == NULL)
    return;

  cairo_set_source_rgb (w->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN, PAGE_HEIGHT - MARGIN - 14);
  cairo_line_to (w->cr, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN - 14);
  cairo_stroke (w->cr);

  /* Translators: the footer of every page of the PDF report. */
  page = g_strdup_printf (_("Page %d of %d"), w->page, w->n_pages);
  draw_text (w, MARGIN, PAGE_HEIGHT - MARGIN - 10, CONTENT_WIDTH * 0.7, w->running_title,
             FONT_SMALL, PANGO_ALIGN_LEFT, 0.35);
  draw_text (w, MARGIN + CONTENT_WIDTH * 0.7, PAGE_HEIGHT - MARGIN - 10, CONTENT_WIDTH * 0.3, page,
             FONT_SMALL, PANGO_ALIGN_RIGHT, 0.35);
}

static void
new_page (Writer *w)
{
  draw_footer (w);
  if (w->cr != NULL)
    cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;
}

/* Starts a new page unless height fits on this one; TRUE if it did. */
static gboolean
ensure_space (Writer *w,
              double  height)
{
  if (w->y + height <= PAGE_BOTTOM)
    return FALSE;

  new_page (w);

  return TRUE;
}

static void
draw_section_title (Writer     *w,
                    const char *title)
{
  draw_text (w, MARGIN, w->y, CONTENT_WIDTH, title, FONT_HEADING, PANGO_ALIGN_LEFT, 0.0);
  w->y += SECTION_TITLE;
}

static void
draw_table_header (Writer     *w,
                   const char *first,
                   const char *second)
{
  draw_text (w, MARGIN, w->y, LABEL_WIDTH - 60, first, FONT_BODY_BOLD, PANGO_ALIGN_LEFT, 0.0);
  /* The count's header may be wider than the counts ("Consultations"): it reaches left into
   * the label column, whose header is short. */
  draw_text (w, MARGIN + LABEL_WIDTH - 60, w->y, COUNT_WIDTH + 60, second, FONT_BODY_BOLD,
             PANGO_ALIGN_RIGHT, 0.0);
  if (w->cr != NULL)
    {
      cairo_set_source_rgb (w->cr, 0.0, 0.0, 0.0);
      cairo_set_line_width (w->cr, 0.75);
      cairo_move_to (w->cr, MARGIN, w->y + ROW_HEIGHT - 1);
      cairo_line_to (w->cr, PAGE_WIDTH - MARGIN, w->y + ROW_HEIGHT - 1);
      cairo_stroke (w->cr);
    }
  w->y += ROW_HEIGHT + 2;
}

static void
draw_bar_row (Writer     *w,
              const char *label,
              guint       count,
              guint       max,
              gboolean    with_bar,
              gboolean    shaded)
{
  g_autofree char *number = g_strdup_printf ("%'u", count);
  double bar_x = MARGIN + LABEL_WIDTH + COUNT_WIDTH + BAR_GAP;
  double bar_width = PAGE_WIDTH - MARGIN - bar_x;

  if (w->cr != NULL && shaded)
    {
      cairo_set_source_rgb (w->cr, 0.95, 0.95, 0.95);
      cairo_rectangle (w->cr, MARGIN, w->y, CONTENT_WIDTH, ROW_HEIGHT);
      cairo_fill (w->cr);
    }

  draw_text (w, MARGIN + 4, w->y + 2, LABEL_WIDTH - 8, label, FONT_BODY, PANGO_ALIGN_LEFT, 0.0);
  draw_text (w, MARGIN + LABEL_WIDTH, w->y + 2, COUNT_WIDTH, number, FONT_BODY, PANGO_ALIGN_RIGHT, 0.0);

  if (w->cr != NULL && count > 0 && max > 0 && with_bar)
    {
      /* The blue of the GNOME palette, which prints well in colour and in grey. */
      cairo_set_source_rgb (w->cr, 0.208, 0.518, 0.894);
      cairo_rectangle (w->cr, bar_x, w->y + 3, MAX (1.0, bar_width * count / max), ROW_HEIGHT - 6);
      cairo_fill (w->cr);
    }

  w->y += ROW_HEIGHT;
}

/* A table with a bar per item; it continues on the next page under its repeated title and
 * header when it is long. */
static void
draw_items (Writer     *w,
            const char *title,
            const char *header,
            GPtrArray  *items,
            const char *empty)
{
  g_autofree char *continued = g_strdup_printf (_("%s (continued)"), title);
  guint max = 0;

  /* The bars compare shelters (formats, topics); consultations without a shelter are a number
   * of their own, or they would dwarf every shelter's bar. */
  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      if (item->key[0] != '\0')
        max = MAX (max, item->count);
    }

  w->y += SECTION_GAP;
  /* A title never stands alone at the bottom of a page. */
  ensure_space (w, SECTION_TITLE + 2 * ROW_HEIGHT + 2);
  draw_section_title (w, title);

  if (items->len == 0)
    {
      draw_text (w, MARGIN, w->y, CONTENT_WIDTH, empty, FONT_BODY, PANGO_ALIGN_LEFT, 0.35);
      w->y += ROW_HEIGHT;
      return;
    }

  draw_table_header (w, header, _("Consultations"));
  for (guint i = 0; i < items->len; i++)
    {
      BbReportItem *item = g_ptr_array_index (items, i);

      if (ensure_space (w, ROW_HEIGHT))
        {
          draw_section_title (w, continued);
          draw_table_header (w, header, _("Consultations"));
        }
      draw_bar_row (w, item->label, item->count, max, item->key[0] != '\0', i % 2 == 1);
    }
}

static void
draw_key_figure (Writer     *w,
                 const char *label,
                 const char *value,
                 gboolean    shaded)
{
  if (w->cr != NULL && shaded)
    {
      cairo_set_source_rgb (w->cr, 0.95, 0.95, 0.95);
      cairo_rectangle (w->cr, MARGIN, w->y, CONTENT_WIDTH, ROW_HEIGHT);
      cairo_fill (w->cr);
    }
  draw_text (w, MARGIN + 4, w->y + 2, LABEL_WIDTH, label, FONT_BODY, PANGO_ALIGN_LEFT, 0.0);
  draw_text (w, MARGIN + LABEL_WIDTH, w->y + 2, CONTENT_WIDTH - LABEL_WIDTH - 4, value,
             FONT_BODY_BOLD, PANGO_ALIGN_LEFT, 0.0);
  w->y += ROW_HEIGHT;
}

static char *
german_date (const char *iso)
{
  GDate date;

  if (!bb_report_parse_date (iso, &date))
    return g_strdup (iso);

  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

static void
draw_report (Writer *w)
{
  BbReport *report = w->report;
  g_autofree char *from = german_date (report->from);
  g_autofree char *to = german_date (report->to);
  g_autofree char *as_of = german_date (report->as_of);
  g_autofree char *range = g_strdup_printf ("%s – %s", from, to);
  const char *region = report->region_name != NULL ? report->region_name : _("All regions");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%d.%m.%Y");
  g_autofree char *created_line = NULL;
  g_autofree char *period = NULL;
  GDate from_date, to_date;

  bb_report_parse_date (report->from, &from_date);
  bb_report_parse_date (report->to, &to_date);
  period = bb_report_describe_period (&from_date, &to_date);

  w->page = 1;
  w->y = MARGIN;

  draw_text (w, MARGIN, w->y, CONTENT_WIDTH, _("Activity Report"), FONT_TITLE, PANGO_ALIGN_LEFT, 0.0);
  w->y += 32;
  {
    g_autofree char *subtitle = g_strdup_printf ("%s · %s", period, region);

    draw_text (w, MARGIN, w->y, CONTENT_WIDTH, subtitle, FONT_HEADING, PANGO_ALIGN_LEFT, 0.25);
    w->y += 28;
  }

  draw_key_figure (w, _("Period"), range, FALSE);
  draw_key_figure (w, _("Region"), region, FALSE);
  /* Translators: the date the PDF report was made. */
  created_line = g_strdup_printf (_("%s with Brückenbuch"), created);
  draw_key_figure (w, _("Created"), created_line, FALSE);

  w->y += SECTION_GAP;
  draw_section_title (w, _("Key Figures"));
  {
    g_autofree char *consultations = g_strdup_printf ("%'u", report->n_consultations);
    g_autofree char *share = bb_report_format_decimal (report->shelters_in_region > 0
                                                       ? 100.0 * report->shelters_reached
                                                         / report->shelters_in_region
                                                       : 0.0);
    /* Translators: shelters reached, e.g. "12 of 40 (30,0 %)"; %'u groups the digits. */
    g_autofree char *reached = g_strdup_printf (_("%'u of %'u (%s %%)"), report->shelters_reached,
                                                report->shelters_in_region, share);
    g_autofree char *held = g_strdup_printf ("%'u", report->jours_fixes_held);
    g_autofree char *average = bb_report_format_decimal (report->average_attendance);
    g_autofree char *open_label = g_strdup_printf (_("Open follow-ups as of %s"), as_of);
    /* Translators: open follow-ups, e.g. "14, of them 3 overdue"; %'u groups the digits. */
    g_autofree char *open = g_strdup_printf (_("%'u, of them %'u overdue"), report->followups_open,
                                             report->followups_overdue);

    draw_key_figure (w, _("Consultations"), consultations, TRUE);
    draw_key_figure (w, _("Shelters reached"), reached, FALSE);
    draw_key_figure (w, _("Jours fixes held"), held, TRUE);
    draw_key_figure (w, _("Average attendance"), average, FALSE);
    draw_key_figure (w, open_label, open, TRUE);
  }

  draw_items (w, _("Consultations by Format"), _("Format"), report->by_format, NULL);
  draw_items (w, _("Consultations by Topic"), _("Topic"), report->by_topic,
              _("No topics in this period."));
  draw_items (w, _("Consultations by Shelter"), _("Shelter"), report->by_shelter,
              _("No consultations in this period."));

  draw_footer (w);
  if (w->cr != NULL)
    cairo_show_page (w->cr);
}

static void
writer_clear (Writer *w)
{
  g_clear_object (&w->layout);
  g_clear_pointer (&w->running_title, g_free);
}

gboolean
bb_report_write_pdf (BbReport    *report,
                     const char  *path,
                     GError     **error)
{
  Writer w = { 0, };
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *period = NULL;
  GDate from, to;
  int fd;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bb_report_parse_date (report->from, &from);
  bb_report_parse_date (report->to, &to);
  period = bb_report_describe_period (&from, &to);

  w.report = report;
  w.running_title = g_strdup_printf ("%s · %s · %s", _("Activity Report"),
                                     report->region_name != NULL ? report->region_name
                                                                 : _("All regions"),
                                     period);

  /* Counting pass. */
  draw_report (&w);
  w.n_pages = w.page;

  /* Private like every file made from the database; cairo keeps the mode of a file that
   * exists. If this fails, cairo fails to open it too and says why. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      if (fchmod (fd, 0600) != 0)
        g_debug ("Cannot make the PDF private: %s", g_strerror (errno));
      close (fd);
    }

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      cairo_surface_destroy (surface);
      writer_clear (&w);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, w.running_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Brückenbuch");

  w.cr = cairo_create (surface);
  w.layout = pango_cairo_create_layout (w.cr);
  draw_report (&w);
  g_warn_if_fail (w.page == w.n_pages);

  cairo_destroy (w.cr);
  w.cr = NULL;
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  writer_clear (&w);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
