/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-chart-private.h"

static const struct
{
  const char *name;
  void      (*draw) (PmdCanvas *c);
} kinds[PMD_N_CHART_KINDS] = {
  [PMD_CHART_CURVES] = { "curves", _pmd_chart_curves },
  [PMD_CHART_PYRAMID] = { "pyramid", _pmd_chart_pyramid },
  [PMD_CHART_BRIDGE] = { "bridge", _pmd_chart_bridge },
  [PMD_CHART_SAVINGS] = { "savings", _pmd_chart_savings },
  [PMD_CHART_VARIANTS] = { "variants", _pmd_chart_variants },
  [PMD_CHART_FAN] = { "fan", _pmd_chart_fan },
  [PMD_CHART_TORNADO] = { "tornado", _pmd_chart_tornado },
  [PMD_CHART_ACTUALS] = { "actuals", _pmd_chart_actuals },
};

static PmdRgb
rgb (guint32 hex)
{
  return (PmdRgb) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0 };
}

/**
 * pmd_chart_style_init:
 * @style: (out caller-allocates): the style to fill
 * @dark: the dark variant (for a dark desktop or a projector)
 *
 * The Okabe–Ito palette stays readable with every common colour-vision
 * deficiency; the increase/decrease pair is vermillion against bluish green.
 */
void
pmd_chart_style_init (PmdChartStyle *style,
                      gboolean       dark)
{
  static const guint32 palette[8] = {
    0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0x8F7F00, 0x999999,
  };

  memset (style, 0, sizeof *style);
  style->dark = dark;
  style->background = rgb (dark ? 0x1e1e1e : 0xffffff);
  style->text = rgb (dark ? 0xf2f2f2 : 0x1c1c1c);
  style->muted = rgb (dark ? 0xa8a8a8 : 0x5e5e5e);
  style->grid = rgb (dark ? 0x3a3a3a : 0xe2e2e2);
  style->increase = rgb (0xD55E00);
  style->decrease = rgb (0x009E73);
  style->investment = rgb (dark ? 0x56B4E9 : 0x0072B2);
  style->funding = rgb (dark ? 0xffffff : 0x000000);
  style->gap = rgb (0xD55E00);
  for (guint i = 0; i < 8; i++)
    style->palette[i] = rgb (palette[i]);
  style->font_family = "Cantarell, DejaVu Sans, sans-serif";
  style->font_scale = 1.0;
}

const char *
pmd_chart_kind_to_string (PmdChartKind kind)
{
  g_return_val_if_fail (kind < PMD_N_CHART_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
pmd_chart_kind_from_string (const char   *text,
                            PmdChartKind *kind)
{
  for (guint k = 0; k < PMD_N_CHART_KINDS; k++)
    if (g_strcmp0 (text, kinds[k].name) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/**
 * pmd_chart_kind_title:
 *
 * Returns: the kind's name for people, translated
 */
const char *
pmd_chart_kind_title (PmdChartKind kind)
{
  switch (kind)
    {
    case PMD_CHART_CURVES: return _("Cost curves");
    case PMD_CHART_PYRAMID: return _("Pyramid");
    case PMD_CHART_BRIDGE: return _("Bridge");
    case PMD_CHART_SAVINGS: return _("Savings");
    case PMD_CHART_VARIANTS: return _("Variants");
    case PMD_CHART_FAN: return _("Uncertainty");
    case PMD_CHART_TORNADO: return _("Sensitivity");
    case PMD_CHART_ACTUALS: return _("Realisation");
    case PMD_N_CHART_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * pmd_chart_kind_dup_file_name:
 * @kind: a chart kind
 * @extension: "png", "svg" or "pdf"
 *
 * The name an export suggests: the kind's title in the user's language,
 * in small letters joined by dashes ("kostencurves.png", "cost-curves.png"),
 * not the kind's name in the file format ("curves").
 *
 * Returns: (transfer full): the file name
 */
char *
pmd_chart_kind_dup_file_name (PmdChartKind  kind,
                              const char   *extension)
{
  g_autofree char *ascii = g_str_to_ascii (pmd_chart_kind_title (kind), NULL);
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (extension != NULL, NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (name, g_ascii_tolower (*p));
    else if (name->len > 0 && name->str[name->len - 1] != '-')
      g_string_append_c (name, '-');
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, pmd_chart_kind_to_string (kind));
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (name, FALSE);
}

PmdChartRecord *
pmd_chart_record_new (void)
{
  PmdChartRecord *record = g_new0 (PmdChartRecord, 1);

  record->labels = g_array_new (FALSE, FALSE, sizeof (PmdChartBox));
  record->texts = g_ptr_array_new_with_free_func (g_free);
  record->regions = g_array_new (FALSE, FALSE, sizeof (PmdChartRegion));
  return record;
}

void
pmd_chart_record_free (PmdChartRecord *record)
{
  if (record == NULL)
    return;
  g_array_unref (record->labels);
  g_ptr_array_unref (record->texts);
  for (guint i = 0; i < record->regions->len; i++)
    {
      g_free (g_array_index (record->regions, PmdChartRegion, i).text);
      g_free (g_array_index (record->regions, PmdChartRegion, i).figure);
    }
  g_array_unref (record->regions);
  g_free (record);
}

/**
 * pmd_chart_record_lookup:
 *
 * Returns: (nullable): what the topmost mark under (@x, @y) shows
 */
const char *
pmd_chart_record_lookup (const PmdChartRecord *record,
                         double                x,
                         double                y)
{
  const PmdChartRegion *r = pmd_chart_record_lookup_region (record, x, y);

  return r != NULL ? r->text : NULL;
}

/**
 * pmd_chart_record_lookup_region:
 *
 * Returns: (nullable): the topmost mark under (@x, @y): its tooltip and
 *   the figure it shows
 */
const PmdChartRegion *
pmd_chart_record_lookup_region (const PmdChartRecord *record,
                                double                x,
                                double                y)
{
  for (guint i = record->regions->len; i > 0; i--)
    {
      const PmdChartRegion *r = &g_array_index (record->regions, PmdChartRegion, i - 1);
      if (x >= r->box.x && x < r->box.x + r->box.width && y >= r->box.y && y < r->box.y + r->box.height)
        return r;
    }
  return NULL;
}

/* The canvas */

void
_pmd_canvas_color (PmdCanvas    *c,
                   const PmdRgb *color,
                   double        alpha)
{
  cairo_set_source_rgba (c->cr, color->r, color->g, color->b, alpha);
}

/* @width > 0: wrap into at most @lines lines of that width, aligned as
 * @align, the last ellipsized; 0: as it is. */
static PangoLayout *
make_layout_lines (PmdCanvas      *c,
                   const char     *text,
                   double          size,
                   gboolean        bold,
                   double          width,
                   int             lines,
                   PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (c->cr);
  PangoFontDescription *font = pango_font_description_from_string (c->style->font_family);

  pango_font_description_set_absolute_size (font, c->font * size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -MAX (1, lines));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, align);
    }
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* @wrap_width > 0: wrap into at most three centred lines of that width;
 * @wrap_width < 0: one line, ellipsized at −@wrap_width; 0: as it is. */
static PangoLayout *
make_layout (PmdCanvas  *c,
             const char *text,
             double      size,
             gboolean    bold,
             double      wrap_width)
{
  return make_layout_lines (c, text, size, bold, fabs (wrap_width), wrap_width > 0 ? 3 : 1,
                            wrap_width > 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
}

void
_pmd_canvas_measure (PmdCanvas  *c,
                     const char *text,
                     double      size,
                     gboolean    bold,
                     double      wrap_width,
                     double     *width,
                     double     *height)
{
  g_autoptr(PangoLayout) layout = make_layout (c, text, size, bold, wrap_width);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  /* An ellipsized or wrapped layout reports its full width: use the ink. */
  if (wrap_width != 0)
    logical.width = MIN (logical.width, (int) ceil (fabs (wrap_width)));
  if (width)
    *width = logical.width;
  if (height)
    *height = logical.height;
}

/* Draws @layout anchored at (x, y); records its box for the overlap tests. */
static void
show_layout (PmdCanvas    *c,
             PangoLayout  *layout,
             double        x,
             double        y,
             const PmdRgb *color,
             PmdAnchor     h,
             PmdAnchor     v,
             double        width)
{
  PangoRectangle logical;
  double left, top;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width > 0)
    logical.width = MIN (logical.width, (int) ceil (width));
  left = x - (h == PMD_ANCHOR_CENTER ? logical.width / 2.0 : h == PMD_ANCHOR_END ? logical.width : 0);
  top = y - (v == PMD_ANCHOR_CENTER ? logical.height / 2.0 : v == PMD_ANCHOR_END ? logical.height : 0);

  cairo_save (c->cr);
  _pmd_canvas_color (c, color, 1.0);
  /* A wrapped layout is aligned inside its width: shift to the ink. */
  cairo_move_to (c->cr, left - logical.x, top - logical.y);
  pango_cairo_show_layout (c->cr, layout);
  cairo_restore (c->cr);

  if (c->record != NULL && c->record->labels != NULL)
    {
      PmdChartBox box = { left, top, logical.width, logical.height };
      g_array_append_val (c->record->labels, box);
      if (c->record->texts != NULL)
        g_ptr_array_add (c->record->texts, g_strdup (pango_layout_get_text (layout)));
    }
}

/* Draws @text anchored at (x, y); see make_layout() for @wrap_width. A
 * wrapped text is centred on its anchor, so its lines are centred too. */
void
_pmd_canvas_text (PmdCanvas    *c,
                  const char   *text,
                  double        x,
                  double        y,
                  double        size,
                  gboolean      bold,
                  const PmdRgb *color,
                  PmdAnchor     h,
                  PmdAnchor     v,
                  double        wrap_width)
{
  g_return_if_fail (wrap_width <= 0 || h == PMD_ANCHOR_CENTER);
  _pmd_canvas_text_lines (c, text, x, y, size, bold, color, h, v, fabs (wrap_width), wrap_width > 0 ? 3 : 1);
}

/* Draws @text wrapped into at most @lines lines of @width, aligned to its
 * anchor: a name right-aligned against a bar, say. */
void
_pmd_canvas_text_lines (PmdCanvas    *c,
                        const char   *text,
                        double        x,
                        double        y,
                        double        size,
                        gboolean      bold,
                        const PmdRgb *color,
                        PmdAnchor     h,
                        PmdAnchor     v,
                        double        width,
                        int           lines)
{
  PangoAlignment align = h == PMD_ANCHOR_END ? PANGO_ALIGN_RIGHT : h == PMD_ANCHOR_CENTER ? PANGO_ALIGN_CENTER
                                                                                            : PANGO_ALIGN_LEFT;
  g_autoptr(PangoLayout) layout = make_layout_lines (c, text, size, bold, width, lines, align);

  show_layout (c, layout, x, y, color, h, v, width);
}

void
_pmd_canvas_region (PmdCanvas  *c,
                    double      x,
                    double      y,
                    double      width,
                    double      height,
                    const char *format,
                    ...)
{
  PmdChartRegion region;
  va_list args;

  if (c->record == NULL || c->record->regions == NULL)
    return;
  region.box = (PmdChartBox) { x, y, width, height };
  region.figure = NULL;
  region.year = 0;
  va_start (args, format);
  region.text = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (c->record->regions, region);
}

/* The figure the region added last shows, for "Hoe komt dit getal tot
 * stand?". */
void
_pmd_canvas_region_figure (PmdCanvas  *c,
                           const char *figure,
                           int         year)
{
  PmdChartRegion *region;

  if (c->record == NULL || c->record->regions == NULL || c->record->regions->len == 0)
    return;
  region = &g_array_index (c->record->regions, PmdChartRegion, c->record->regions->len - 1);
  g_free (region->figure);
  region->figure = g_strdup (figure);
  region->year = year;
}

/* Background, title and subtitle at the top, the source line at the bottom;
 * what is left becomes the plot area. */
void
_pmd_canvas_frame (PmdCanvas  *c,
                   const char *title,
                   const char *subtitle)
{
  const PmdChartInput *in = c->in;
  g_autofree char *source = NULL;
  double th = 0, sh = 0, srch = 0;
  double width = c->width - 2 * c->pad;

  _pmd_canvas_color (c, &c->style->background, 1.0);
  cairo_paint (c->cr);

  if (in->title != NULL)
    title = in->title;
  if (in->source != NULL)
    source = g_strdup (in->source);
  else
    source = g_strdup_printf (_("Source: Piramide, scenario “%s”"),
                              in->scenario && in->scenario->name ? in->scenario->name : "");

  /* Long names are ellipsized rather than clipped. */
  _pmd_canvas_measure (c, title, PMD_TEXT_TITLE, TRUE, -width, NULL, &th);
  _pmd_canvas_text (c, title, c->pad, c->pad, PMD_TEXT_TITLE, TRUE, &c->style->text,
                    PMD_ANCHOR_START, PMD_ANCHOR_START, -width);
  if (subtitle != NULL)
    {
      _pmd_canvas_measure (c, subtitle, PMD_TEXT_NORMAL, FALSE, -width, NULL, &sh);
      _pmd_canvas_text (c, subtitle, c->pad, c->pad + th + c->font * 0.2, PMD_TEXT_NORMAL, FALSE,
                        &c->style->muted, PMD_ANCHOR_START, PMD_ANCHOR_START, -width);
    }
  _pmd_canvas_measure (c, source, PMD_TEXT_SMALL, FALSE, -width, NULL, &srch);
  _pmd_canvas_text (c, source, c->pad, c->height - c->pad * 0.6, PMD_TEXT_SMALL, FALSE,
                    &c->style->muted, PMD_ANCHOR_START, PMD_ANCHOR_END, -width);

  c->plot.x = c->pad;
  c->plot.y = c->pad + th + c->font * 0.2 + sh + c->font * 0.8;
  c->plot.width = width;
  c->plot.height = c->height - c->plot.y - c->pad * 0.6 - srch - c->font * 0.8;
}

static void
legend_mark (PmdCanvas           *c,
             const PmdLegendItem *item,
             double               x,
             double               y,
             double               size)
{
  cairo_t *cr = c->cr;

  cairo_save (cr);
  _pmd_canvas_color (c, &item->color, 1.0);
  switch (item->mark)
    {
    case PMD_MARK_BOX:
      cairo_rectangle (cr, x, y - size / 2, size, size);
      cairo_fill (cr);
      break;
    case PMD_MARK_SHADE:
      _pmd_canvas_color (c, &item->color, 0.45);
      cairo_rectangle (cr, x, y - size / 2, size, size);
      cairo_fill (cr);
      break;
    case PMD_MARK_DASHED:
    case PMD_MARK_LINE:
      cairo_set_line_width (cr, MAX (1.5, c->font / 7));
      if (item->mark == PMD_MARK_DASHED)
        {
          double dash[] = { size / 4, size / 6 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + size * 1.4, y);
      cairo_stroke (cr);
      break;
    case PMD_MARK_POINT:
      cairo_arc (cr, x + size / 2, y, size / 3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/* A row of legend items under the title, wrapping onto more rows. */
void
_pmd_canvas_legend (PmdCanvas           *c,
                    const PmdLegendItem *items,
                    guint                n_items)
{
  double size = c->font * 0.8;
  double gap = c->font * 1.2;
  double x = c->plot.x, y, row_h;
  double text_h;

  if (n_items == 0)
    return;
  _pmd_canvas_measure (c, "Ag", PMD_TEXT_AXIS, FALSE, 0, NULL, &text_h);
  row_h = text_h * 1.25;
  y = c->plot.y + row_h / 2;

  for (guint i = 0; i < n_items; i++)
    {
      double mark_w = items[i].mark == PMD_MARK_LINE || items[i].mark == PMD_MARK_DASHED ? size * 1.4 : size;
      double max_text = c->plot.width - mark_w - size * 0.5;
      double tw;

      _pmd_canvas_measure (c, items[i].label, PMD_TEXT_AXIS, FALSE, 0, &tw, NULL);
      tw = MIN (tw, max_text);
      if (x > c->plot.x && x + mark_w + size * 0.5 + tw > c->plot.x + c->plot.width)
        {
          x = c->plot.x;
          y += row_h;
        }
      legend_mark (c, &items[i], x, y, size);
      /* A label wider than a whole row is ellipsized. */
      _pmd_canvas_text (c, items[i].label, x + mark_w + size * 0.5, y, PMD_TEXT_AXIS, FALSE,
                        &c->style->text, PMD_ANCHOR_START, PMD_ANCHOR_CENTER, -ceil (tw));
      x += mark_w + size * 0.5 + tw + gap;
    }
  {
    double bottom = c->plot.y + c->plot.height;
    c->plot.y = y + row_h / 2 + c->font * 0.6;
    c->plot.height = bottom - c->plot.y;
  }
}

void
_pmd_canvas_reserve_bottom (PmdCanvas *c,
                            double     height)
{
  c->plot.height -= height;
}

/* The year labels sit below the lowest money label, which is centred on the
 * bottom grid line and so hangs half a line below the plot. */
static double
year_label_offset (PmdCanvas *c)
{
  double label_h;

  _pmd_canvas_measure (c, "2026", PMD_TEXT_AXIS, FALSE, 0, NULL, &label_h);
  return label_h * 0.6 + c->font * 0.15;
}

void
_pmd_canvas_reserve_year_axis (PmdCanvas *c)
{
  double label_h;

  _pmd_canvas_measure (c, "2026", PMD_TEXT_AXIS, FALSE, 0, NULL, &label_h);
  _pmd_canvas_reserve_bottom (c, year_label_offset (c) + label_h);
}

char *
_pmd_money_label (const PmdMoneyAxis *axis,
                  double              value)
{
  return pmd_format_euro_scaled (value, axis->unit, axis->decimals);
}

double
_pmd_money_y (const PmdCanvas    *c,
              const PmdMoneyAxis *axis,
              double              value)
{
  double top = axis->ticks.first + axis->ticks.step * (axis->ticks.count - 1);
  double bottom = axis->ticks.first;

  return c->plot.y + c->plot.height * (1.0 - (value - bottom) / (top - bottom));
}

/* Ticks for [lo, hi] in euros: grid lines across the plot and labels on the
 * left. The labels' width is taken from the plot area first. */
void
_pmd_canvas_money_axis (PmdCanvas    *c,
                        double        lo,
                        double        hi,
                        PmdMoneyAxis *axis)
{
  double label_h, widest = 0;
  int max_ticks;

  _pmd_canvas_measure (c, "0", PMD_TEXT_AXIS, FALSE, 0, NULL, &label_h);
  max_ticks = CLAMP ((int) (c->plot.height / (label_h * 2.2)), 2, 9);
  pmd_chart_nice_ticks (lo, hi, max_ticks, &axis->ticks);
  axis->lo = axis->ticks.first;
  axis->hi = axis->ticks.first + axis->ticks.step * (axis->ticks.count - 1);
  axis->unit = pmd_chart_money_unit (MAX (fabs (axis->lo), fabs (axis->hi)));
  axis->decimals = pmd_chart_decimals_for (axis->ticks.step, axis->unit);

  for (int i = 0; i < axis->ticks.count; i++)
    {
      g_autofree char *label = _pmd_money_label (axis, axis->ticks.first + i * axis->ticks.step);
      double w;
      _pmd_canvas_measure (c, label, PMD_TEXT_AXIS, FALSE, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  /* Half a label of room at the top so the highest tick is not cut. */
  c->plot.y += label_h / 2;
  c->plot.height -= label_h / 2;
  c->plot.x += widest + c->font * 0.6;
  c->plot.width -= widest + c->font * 0.6;

  cairo_save (c->cr);
  cairo_set_line_width (c->cr, 1);
  for (int i = 0; i < axis->ticks.count; i++)
    {
      double v = axis->ticks.first + i * axis->ticks.step;
      double y = floor (_pmd_money_y (c, axis, v)) + 0.5;
      g_autofree char *label = _pmd_money_label (axis, v);

      _pmd_canvas_color (c, fabs (v) < axis->ticks.step * 1e-6 ? &c->style->muted : &c->style->grid, 1.0);
      cairo_move_to (c->cr, c->plot.x, y);
      cairo_line_to (c->cr, c->plot.x + c->plot.width, y);
      cairo_stroke (c->cr);
      _pmd_canvas_text (c, label, c->plot.x - c->font * 0.6, y, PMD_TEXT_AXIS, FALSE, &c->style->muted,
                        PMD_ANCHOR_END, PMD_ANCHOR_CENTER, 0);
    }
  cairo_restore (c->cr);
}

double
_pmd_year_x (const PmdCanvas   *c,
             const PmdYearAxis *axis,
             double             year)
{
  if (axis->last == axis->first)
    return c->plot.x + c->plot.width / 2;
  return c->plot.x + c->plot.width * (year - axis->first) / (axis->last - axis->first);
}

/* Year labels under the plot, as many as fit without touching. The caller
 * reserved their height with _pmd_canvas_reserve_bottom(). */
void
_pmd_canvas_year_axis (PmdCanvas   *c,
                       int          first,
                       int          last,
                       PmdYearAxis *axis)
{
  double label_w, px_per_year;
  int step;

  axis->first = first;
  axis->last = last;
  _pmd_canvas_measure (c, "2046", PMD_TEXT_AXIS, FALSE, 0, &label_w, NULL);
  px_per_year = last > first ? c->plot.width / (last - first) : c->plot.width;
  step = pmd_chart_year_step (last - first + 1, px_per_year, label_w * 1.4);

  /* The first year, then round years (2030, 2035 …) far enough from the
   * label before them not to touch it. */
  {
    double last_x = -G_MAXDOUBLE;

    for (int year = first; year <= last; year++)
      {
        g_autofree char *label = NULL;
        double x = _pmd_year_x (c, axis, year);

        if (year != first && year % step != 0)
          continue;
        if (x - last_x < label_w * 1.4)
          continue;
        label = g_strdup_printf ("%d", year);
        _pmd_canvas_text (c, label, x, c->plot.y + c->plot.height + year_label_offset (c),
                          PMD_TEXT_AXIS, FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_START, 0);
        last_x = x;
      }
  }
}

int
_pmd_chart_year (const PmdChartInput *in)
{
  const PmdProjection *p = in->projection;
  int last = p->base_year + p->n_years - 1;

  if (in->year < p->base_year || in->year > last)
    return last;
  return in->year;
}

/* The layer's colour from the file, else the palette's. */
const PmdRgb *
_pmd_layer_color (PmdCanvas *c,
                  guint      layer,
                  PmdRgb    *storage)
{
  const PmdLayer *l = layer < c->in->scenario->layers->len ? g_ptr_array_index (c->in->scenario->layers, layer) : NULL;
  unsigned int hex;

  if (l != NULL && l->color != NULL && sscanf (l->color + 1, "%6x", &hex) == 1)
    {
      *storage = rgb (hex);
      return storage;
    }
  return &c->style->palette[layer % 8];
}

/**
 * pmd_chart_render_record:
 * @kind: the chart
 * @input: what to draw
 * @style: how
 * @cr: where: any cairo surface
 * @width: the width in user units
 * @height: the height
 * @record: (nullable): receives every label box and what each mark shows
 */
void
pmd_chart_render_record (PmdChartKind         kind,
                         const PmdChartInput *input,
                         const PmdChartStyle *style,
                         cairo_t             *cr,
                         double               width,
                         double               height,
                         PmdChartRecord      *record)
{
  PmdCanvas c = { 0 };

  g_return_if_fail (kind < PMD_N_CHART_KINDS);
  g_return_if_fail (input != NULL && style != NULL && cr != NULL);

  if (width < 1 || height < 1 || input->scenario == NULL || input->projection == NULL)
    return;

  c.cr = cr;
  c.width = width;
  c.height = height;
  c.style = style;
  c.in = input;
  c.record = record;
  c.font = CLAMP (sqrt (width * height) / 60.0, 9.0, 40.0) * (style->font_scale > 0 ? style->font_scale : 1.0);
  c.pad = c.font * 1.2;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  kinds[kind].draw (&c);
  cairo_restore (cr);
}

/**
 * pmd_chart_render:
 *
 * Draws a chart of @width × @height at the origin of @cr.
 */
void
pmd_chart_render (PmdChartKind         kind,
                  const PmdChartInput *input,
                  const PmdChartStyle *style,
                  cairo_t             *cr,
                  double               width,
                  double               height)
{
  pmd_chart_render_record (kind, input, style, cr, width, height, NULL);
}

/* One yearly series as a line; a single year as a short level stroke. */
void
_pmd_canvas_stroke_series (PmdCanvas          *c,
                           const PmdYearAxis  *xa,
                           const PmdMoneyAxis *ya,
                           const double       *values,
                           int                 base_year,
                           int                 n,
                           const PmdRgb       *color,
                           double              width,
                           gboolean            dashed)
{
  cairo_t *cr = c->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dashed)
    {
      double dash[] = { width * 3, width * 2 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  _pmd_canvas_color (c, color, 1.0);
  for (int t = 0; t < n; t++)
    {
      double x = _pmd_year_x (c, xa, base_year + t), y = _pmd_money_y (c, ya, values[t]);
      if (t == 0)
        cairo_move_to (cr, n == 1 ? x - c->font : x, y);
      cairo_line_to (cr, n == 1 ? x + c->font : x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
