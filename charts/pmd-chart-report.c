/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pmd-chart-private.h"
#include "pmd-explain.h"
#include "pmd-uncertainty-text.h"

/*
 * The A4 report a council proposal can attach: title and key figures, every
 * chart, the assumptions with their sources, the interventions, the
 * variants and the documents the sources cite. One walk over the content lays it out; it draws only the page
 * asked for (printing) or every page with a page break between (PDF).
 */

#define MARGIN    48.0
#define FONT_SIZE 8.5
#define ALL_PAGES (-1)

typedef struct
{
  const PmdReportInput *in;
  cairo_t              *cr;
  double                width;
  double                height;
  int                   target;   /* the page to draw, or ALL_PAGES */
  int                   page;
  double                y;
  PmdChartStyle         style;
  PmdMonteCarlo        *monte_carlo;  /* for the fan, made once */
  GArray               *swings;       /* for the tornado */
  double                swing_base;
  char                 *heading;      /* to be drawn with what follows it */
} Report;

static gboolean
drawing (Report *r)
{
  return r->cr != NULL && (r->target == ALL_PAGES || r->target == r->page);
}

static PangoLayout *
text_layout (Report     *r,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (r->cr);
  PangoFontDescription *font = pango_font_description_from_string (r->style.font_family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* A table's text: a word too long for its column breaks without a
 * hyphen; a header wraps between words only (its column is made as wide as
 * its longest word), never "Basiskost-en". */
static PangoLayout *
cell_layout (Report     *r,
             const char *text,
             gboolean    header,
             double      width)
{
  PangoLayout *layout = text_layout (r, text, FONT_SIZE, header, width);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  if (header)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

/* Draws wrapped text at (x, y) when the page is being drawn; returns its height. */
static double
text_block (Report       *r,
            const char   *text,
            double        x,
            double        y,
            double        width,
            double        size,
            gboolean      bold,
            const PmdRgb *color)
{
  g_autoptr(PangoLayout) layout = text_layout (r, text, size, bold, width);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (drawing (r))
    {
      cairo_set_source_rgb (r->cr, color->r, color->g, color->b);
      cairo_move_to (r->cr, x, y);
      pango_cairo_show_layout (r->cr, layout);
    }
  return logical.height;
}

static void
footer (Report *r)
{
  g_autofree char *text = g_strdup_printf (_("%s — page %d"), r->in->scenario->name, r->page + 1);

  text_block (r, text, MARGIN, r->height - MARGIN * 0.7, r->width - 2 * MARGIN, FONT_SIZE * 0.85, FALSE,
              &r->style.muted);
}

static void
new_page (Report *r)
{
  footer (r);
  if (r->cr != NULL && r->target == ALL_PAGES)
    cairo_show_page (r->cr);
  r->page++;
  r->y = MARGIN;
}

/* Starts a new page unless @height still fits on this one, with the
 * heading waiting for it above it. */
static void
ensure_room (Report *r,
             double  height)
{
  double w = r->width - 2 * MARGIN;
  double above = 0;

  if (r->heading != NULL)
    {
      g_autoptr(PangoLayout) layout = text_layout (r, r->heading, FONT_SIZE * 1.5, TRUE, w);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      above = FONT_SIZE * 0.8 + logical.height + FONT_SIZE * 0.6;
    }
  if (r->y + above + height > r->height - MARGIN * 1.2 && r->y > MARGIN)
    new_page (r);
  if (r->heading != NULL)
    {
      g_autofree char *text = g_steal_pointer (&r->heading);

      r->y += FONT_SIZE * 0.8;
      r->y += text_block (r, text, MARGIN, r->y, w, FONT_SIZE * 1.5, TRUE, &r->style.text);
      r->y += FONT_SIZE * 0.6;
    }
}

/* A section's heading is drawn with the first block after it (a table's
 * header and first row, a paragraph, a chart): a heading alone at the foot
 * of a page ("Maatregelen", its table on the next) moves to that page. */
static void
heading (Report     *r,
         const char *text)
{
  g_free (r->heading);
  r->heading = g_strdup (text);
}

/* A table: column widths as fractions, a bold header repeated on each page,
 * rows that wrap and never split across pages. */
typedef struct
{
  guint         n_columns;
  const double *widths;
  const char  **header;
} Table;

#define MAX_COLUMNS 12

/* The widths of @t's columns in points: the fractions asked for, but each
 * at least as wide as the longest word of its header, the room taken from
 * the columns that have room to spare. */
static void
column_widths (Report      *r,
               const Table *t,
               double      *out)
{
  double w = r->width - 2 * MARGIN, need[MAX_COLUMNS], missing = 0, spare = 0;

  g_assert (t->n_columns <= MAX_COLUMNS);
  for (guint k = 0; k < t->n_columns; k++)
    {
      g_auto(GStrv) words = g_strsplit (t->header[k] ? t->header[k] : "", " ", -1);

      need[k] = 0;
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) layout = text_layout (r, words[i], FONT_SIZE, TRUE, -1);
          PangoRectangle logical;

          pango_layout_get_pixel_extents (layout, NULL, &logical);
          need[k] = MAX (need[k], logical.width + 6 + 1);
        }
      out[k] = w * t->widths[k];
      if (need[k] > out[k])
        missing += need[k] - out[k];
      else
        spare += out[k] - need[k];
    }
  if (missing <= 0 || spare <= 0)
    return;
  for (guint k = 0; k < t->n_columns; k++)
    if (need[k] > out[k])
      out[k] = need[k];
    else
      out[k] -= (out[k] - need[k]) * MIN (1, missing / spare);
}

static double
row_height (Report      *r,
            const Table *t,
            const char **cells,
            gboolean     bold)
{
  double widths[MAX_COLUMNS], h = 0;

  column_widths (r, t, widths);
  for (guint k = 0; k < t->n_columns; k++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (r, cells[k] ? cells[k] : "", bold, widths[k] - 6);
      PangoRectangle logical;
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      h = MAX (h, logical.height);
    }
  return h + 6;
}

static void
draw_row (Report      *r,
          const Table *t,
          const char **cells,
          gboolean     bold,
          gboolean     shaded)
{
  double w = r->width - 2 * MARGIN, x = MARGIN, widths[MAX_COLUMNS];
  double h = row_height (r, t, cells, bold);

  column_widths (r, t, widths);
  if (drawing (r) && shaded)
    {
      cairo_rectangle (r->cr, MARGIN, r->y, w, h);
      cairo_set_source_rgb (r->cr, 0.95, 0.95, 0.95);
      cairo_fill (r->cr);
    }
  for (guint k = 0; k < t->n_columns; k++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (r, cells[k] ? cells[k] : "", bold, widths[k] - 6);

      if (drawing (r))
        {
          cairo_set_source_rgb (r->cr, r->style.text.r, r->style.text.g, r->style.text.b);
          cairo_move_to (r->cr, x + 3, r->y + 3);
          pango_cairo_show_layout (r->cr, layout);
        }
      x += widths[k];
    }
  r->y += h;
}

static void
table_row (Report      *r,
           const Table *t,
           const char **cells,
           guint        index)
{
  double h = row_height (r, t, cells, FALSE);

  if (index == 0 || r->y + h > r->height - MARGIN * 1.2)
    {
      if (index > 0)
        new_page (r);
      ensure_room (r, row_height (r, t, t->header, TRUE) + h);
      draw_row (r, t, t->header, TRUE, FALSE);
    }
  draw_row (r, t, cells, FALSE, index % 2 == 1);
}

/* A parameter's value as every screen shows it (the parameter table). */
static char *
format_field (const char *collection,
              const char *field,
              double      value)
{
  return pmd_param_facts_format (pmd_param_facts_for_field (collection, field), value);
}

static char *
source_of (GHashTable *sources,
           const char *general,
           const char *const *fields)
{
  g_autoptr(GString) text = g_string_new (general ? general : "");

  for (guint k = 0; fields[k]; k++)
    {
      const char *s = pmd_sources_lookup (sources, fields[k]);
      if (s != NULL)
        g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "", pmd_param_describe_field (fields[k]), s);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
title_page (Report *r)
{
  const PmdScenario *sc = r->in->scenario;
  const PmdProjection *p = r->in->projection;
  double w = r->width - 2 * MARGIN;
  int end = p->base_year + p->n_years - 1;
  int years[4] = { p->base_year, MIN (end, p->base_year + 5), MIN (end, p->base_year + 10), end };
  guint n_years = 0;
  g_autofree char *subtitle = NULL;
  const char *row_names[] = {
    _("Total cost, scenario"), _("Total cost without interventions"), _("Funding"), _("Gap to funding"),
    _("Savings in the year"), _("Cumulative savings"),
  };
  const double *rows[6] = { p->total_scenario, p->total_baseline, p->funding, p->gap, p->savings, p->cumulative_savings };
  double widths[5];
  double unit;
  const char *header[5] = { "" };
  char *year_text[4] = { NULL };
  Table table = { 0, widths, header };

  r->y += text_block (r, sc->name, MARGIN, r->y, w, 22, TRUE, &r->style.text) + 4;
  subtitle = g_strdup_printf (_("Care pyramid projection %d–%d%s%s"), p->base_year, end,
                              sc->municipality ? " · " : "", sc->municipality ? sc->municipality : "");
  r->y += text_block (r, subtitle, MARGIN, r->y, w, 12, FALSE, &r->style.muted) + 4;
  if (r->in->variant_name != NULL)
    {
      g_autofree char *v = g_strdup_printf (_("Variant: %s"), r->in->variant_name);
      r->y += text_block (r, v, MARGIN, r->y, w, 11, FALSE, &r->style.muted) + 4;
    }
  if (sc->notes != NULL)
    r->y += FONT_SIZE + text_block (r, sc->notes, MARGIN, r->y + FONT_SIZE, w, FONT_SIZE * 1.1, FALSE, &r->style.text);

  heading (r, _("Key figures"));
  /* Distinct years only: a short horizon repeats the end year. */
  for (guint k = 0; k < 4; k++)
    if (n_years == 0 || years[k] != years[n_years - 1])
      years[n_years++] = years[k];
  table.n_columns = n_years + 1;
  widths[0] = 0.36;
  for (guint k = 0; k < n_years; k++)
    {
      widths[k + 1] = 0.64 / n_years;
      year_text[k] = g_strdup_printf ("%d", years[k]);
      header[k + 1] = year_text[k];
    }
  /* One scale for the table (pmd_format_euro_unit ()): "€ −0,7 mln" among
   * millions, not "€ −700.003". */
  {
    double shown[G_N_ELEMENTS (row_names) * 4];
    guint n_shown = 0;

    for (guint row = 0; row < G_N_ELEMENTS (row_names); row++)
      for (guint k = 0; k < n_years; k++)
        shown[n_shown++] = rows[row][years[k] - p->base_year];
    unit = pmd_format_euro_unit (shown, n_shown);
  }
  for (guint row = 0; row < G_N_ELEMENTS (row_names); row++)
    {
      const char *cells[5] = { row_names[row] };
      char *money[4] = { NULL };

      for (guint k = 0; k < n_years; k++)
        cells[k + 1] = money[k] = pmd_format_euro_in (rows[row][years[k] - p->base_year], unit, FALSE);
      table_row (r, &table, cells, row);
      for (guint k = 0; k < n_years; k++)
        g_free (money[k]);
    }
  for (guint k = 0; k < n_years; k++)
    g_free (year_text[k]);

  r->y += FONT_SIZE;
  {
    g_autofree char *payback = p->has_payback ? g_strdup_printf (_("Paid back in %d."), p->payback_year)
                                              : g_strdup (_("Not paid back within the horizon."));
    g_autofree char *npv_money = pmd_format_euro_compact (p->npv);
    g_autofree char *rate = format_field ("scenario", "discount_rate", sc->discount_rate);
    g_autofree char *npv = g_strdup_printf (_("Net present value of the savings at %s discount rate: %s."),
                                            rate, npv_money);
    r->y += text_block (r, payback, MARGIN, r->y, w, FONT_SIZE * 1.1, TRUE, &r->style.text) + 2;
    r->y += text_block (r, npv, MARGIN, r->y, w, FONT_SIZE * 1.1, FALSE, &r->style.text);
  }
}

static void
chart_block (Report      *r,
             PmdChartKind kind)
{
  PmdChartInput input = { 0 };
  double w = r->width - 2 * MARGIN, h = w * 0.62;

  input.scenario = r->in->scenario;
  input.projection = r->in->projection;
  input.year = r->in->year;
  if (kind == PMD_CHART_VARIANTS)
    input.variants = r->in->variants;
  input.monte_carlo = r->monte_carlo;
  input.monitor = r->in->monitor;
  input.swings = r->swings;
  input.swing_output = "totals.gap";
  input.swing_base = r->swing_base;
  ensure_room (r, h + FONT_SIZE);
  if (drawing (r))
    {
      cairo_save (r->cr);
      cairo_translate (r->cr, MARGIN, r->y);
      pmd_chart_render (kind, &input, &r->style, r->cr, w, h);
      cairo_restore (r->cr);
    }
  r->y += h + FONT_SIZE * 1.5;
}

static void
assumptions (Report *r)
{
  const PmdScenario *sc = r->in->scenario;
  static const double line_w[] = { 0.19, 0.15, 0.1, 0.08, 0.12, 0.09, 0.27 };
  const char *line_h[] = { _("Cost line"), _("Layer"), _("Base cost"), _("Clients"), _("Driver"), _("Growth"), _("Source") };
  Table lines = { G_N_ELEMENTS (line_w), line_w, line_h };
  static const double cohort_w[] = { 0.22, 0.4, 0.38 };
  const char *cohort_h[] = { _("Cohort"), _("Points"), _("Source") };
  Table cohorts = { G_N_ELEMENTS (cohort_w), cohort_w, cohort_h };
  static const char *const line_fields[] = { "base_cost", "clients", "elasticity", "growth", "steps", NULL };

  heading (r, _("Assumptions"));
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      const PmdLayer *layer = g_ptr_array_index (sc->layers, l->layer_idx);
      g_autofree char *cost = format_field ("lines", "base_cost", l->base_cost);
      g_autofree char *clients = l->has_clients ? format_field ("lines", "clients", l->clients) : g_strdup ("–");
      g_autofree char *elasticity = format_field ("lines", "elasticity", l->elasticity);
      g_autofree char *driver = l->driver ? g_strdup_printf ("%s × %s", l->driver, elasticity) : g_strdup ("–");
      g_autofree char *growth = format_field ("lines", "growth", l->growth);
      g_autofree char *source = source_of (l->sources, l->source, line_fields);
      const char *cells[] = { l->name, layer->name, cost, clients, driver, growth, source };

      table_row (r, &lines, cells, i);
    }

  r->y += FONT_SIZE;
  for (guint i = 0; i < sc->cohorts->len; i++)
    {
      const PmdCohort *co = g_ptr_array_index (sc->cohorts, i);
      g_autoptr(GString) points = g_string_new (NULL);
      static const char *const none[] = { NULL };
      g_autofree char *source = source_of (co->sources, co->source, none);
      const char *cells[3];

      for (guint k = 0; k < co->points->len; k++)
        {
          const PmdYearValue *pt = &g_array_index (co->points, PmdYearValue, k);
          g_autofree char *v = pmd_format_number (pt->value, 0);
          g_string_append_printf (points, "%s%d: %s", k ? ", " : "", pt->year, v);
        }
      cells[0] = co->name;
      cells[1] = points->str;
      cells[2] = source;
      table_row (r, &cohorts, cells, i);
    }

  r->y += FONT_SIZE;
  {
    g_autofree char *base = format_field ("funding", "base", sc->funding.base);
    g_autofree char *growth = format_field ("funding", "growth", sc->funding.growth);
    g_autoptr(GString) text = g_string_new (NULL);
    static const char *const fields[] = { "base", "growth", "steps", NULL };
    g_autofree char *source = source_of (sc->funding.sources, sc->funding.source, fields);

    g_string_printf (text, _("Funding: %s in %d, growing %s a year"), base, sc->base_year, growth);
    for (guint k = 0; k < sc->funding.steps->len; k++)
      {
        const PmdYearValue *s = &g_array_index (sc->funding.steps, PmdYearValue, k);
        g_autofree char *amount = pmd_format_euro_compact (s->value);
        g_string_append_printf (text, _("; %s from %d"), amount, s->year);
      }
    g_string_append (text, ".");
    ensure_room (r, FONT_SIZE * 6);
    r->y += text_block (r, text->str, MARGIN, r->y, r->width - 2 * MARGIN, FONT_SIZE, TRUE, &r->style.text) + 2;
    r->y += text_block (r, source, MARGIN, r->y, r->width - 2 * MARGIN, FONT_SIZE, FALSE, &r->style.muted);
  }
}

static void
interventions (Report *r)
{
  const PmdScenario *sc = r->in->scenario;
  static const double widths[] = { 0.2, 0.2, 0.2, 0.12, 0.28 };
  const char *header[] = { _("Intervention"), _("From → to"), _("Effect"), _("Years"), _("Source") };
  Table table = { G_N_ELEMENTS (widths), widths, header };
  static const char *const fields[] = { "amount", "return", "fraction", "cost_ratio", "one_off", "structural", "lag", NULL };

  if (sc->interventions->len == 0)
    return;
  heading (r, _("Interventions"));
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      const PmdLine *from = g_ptr_array_index (sc->lines, iv->source_idx);
      const PmdLine *to = g_ptr_array_index (sc->lines, iv->target_idx);
      g_autofree char *route = g_strdup_printf ("%s → %s", from->name, to->name);
      g_autofree char *effect = NULL;
      g_autofree char *years = NULL;
      g_autofree char *source = source_of (iv->sources, NULL, fields);
      g_autofree char *name = iv->enabled ? g_strdup (iv->name) : g_strdup_printf (_("%s (off)"), iv->name);
      const char *cells[5];

      if (iv->type == PMD_INTERVENTION_INVEST)
        {
          g_autofree char *amount = format_field ("interventions", "amount", iv->amount);
          g_autofree char *ret = format_field ("interventions", "return", iv->ret);
          effect = g_strdup_printf (_("invest %s a year, return %s per euro"), amount, ret);
        }
      else
        {
          g_autofree char *fraction = format_field ("interventions", "fraction", iv->fraction);
          g_autofree char *ratio = format_field ("interventions", "cost_ratio", iv->cost_ratio);
          effect = g_strdup_printf (_("shift %s of the clients at cost ratio %s"), fraction, ratio);
        }
      if (iv->has_end)
        years = g_strdup_printf (_("%d–%d, lag %d, ramp-up %d"), iv->start, iv->end, iv->lag, iv->ramp_years);
      else
        years = g_strdup_printf (_("from %d, lag %d, ramp-up %d"), iv->start, iv->lag, iv->ramp_years);
      cells[0] = name;
      cells[1] = route;
      cells[2] = effect;
      cells[3] = years;
      cells[4] = source;
      table_row (r, &table, cells, i);
    }
}

static void
variants (Report *r)
{
  const PmdScenario *sc = r->in->scenario;
  static const double widths[] = { 0.3, 0.7 };
  const char *header[] = { _("Variant"), _("What it changes") };
  Table table = { G_N_ELEMENTS (widths), widths, header };

  if (sc->variants->len == 0)
    return;
  heading (r, _("Variants"));
  for (guint i = 0; i < sc->variants->len; i++)
    {
      const PmdVariant *v = g_ptr_array_index (sc->variants, i);
      g_autoptr(GString) text = g_string_new (NULL);
      const char *cells[2];

      for (guint k = 0; k < v->overrides->len; k++)
        {
          const PmdOverride *o = &g_array_index (v->overrides, PmdOverride, k);
          /* In the words and units of every screen, not as a path. */
          g_autofree char *what = pmd_scenario_describe_param (sc, o->path);
          g_autofree char *value = pmd_scenario_format_param (o->path, o->value);

          g_string_append_printf (text, "%s%s: %s", k ? "\n" : "", what, value);
        }
      cells[0] = v->name;
      cells[1] = text->str;
      table_row (r, &table, cells, i);
    }
}

static char *
format_share (double share)
{
  return isfinite (share) ? pmd_format_percent (share, 0) : g_strdup ("–");
}

/* Row @i of the realisation table: the lines, the layers, the total. */
static const PmdMonitorFigures *
monitor_row (const PmdMonitor *m,
             guint             i)
{
  return i < m->n_lines ? &m->lines[i] : i < m->n_lines + m->n_layers ? &m->layers[i - m->n_lines] : &m->total;
}

/* Plan against realisation: per line, layer and in total what was spent
 * against the budget, the forecast, and the alarm in words; then the chart
 * of the total. */
static void
realisation (Report *r)
{
  const PmdScenario *sc = r->in->scenario;
  const PmdMonitor *m = r->in->monitor;
  static const double widths[] = { 0.24, 0.1, 0.1, 0.08, 0.09, 0.1, 0.1, 0.19 };
  const char *header[] = { _("Line or layer"), _("Budget"), _("Spent to date"), _("Used"), _("Expected"),
                           _("Year-end forecast"), _("Difference"), _("Alarm") };
  Table table = { G_N_ELEMENTS (widths), widths, header };
  g_autofree char *title = g_strdup_printf (_("Realisation %d through month %d"), m->year, m->month);
  g_autofree char *threshold = pmd_format_percent (m->threshold, 0);
  g_autofree char *intro = g_strdup_printf (_("What was spent against the budget of this projection; the forecast "
                                              "extends the spending to date in a straight line to December; the alarm "
                                              "sounds at %s of the budget. A line without actuals has no forecast."),
                                            threshold);
  guint n_rows = m->n_lines + m->n_layers + 1;
  /* One scale a column (pmd_format_euro_unit ()): budget, spent, forecast
   * and the difference, which carries its sign. */
  g_autofree double *budgets = g_new (double, n_rows);
  g_autofree double *spents = g_new (double, n_rows);
  g_autofree double *forecasts = g_new (double, n_rows);
  g_autofree double *differences = g_new (double, n_rows);
  double units[4];

  for (guint i = 0; i < n_rows; i++)
    {
      const PmdMonitorFigures *f = monitor_row (m, i);

      budgets[i] = f->budget;
      spents[i] = f->actual_to_date;
      forecasts[i] = f->forecast_year_end;
      differences[i] = f->forecast_difference;
    }
  units[0] = pmd_format_euro_unit (budgets, n_rows);
  units[1] = pmd_format_euro_unit (spents, n_rows);
  units[2] = pmd_format_euro_unit (forecasts, n_rows);
  units[3] = pmd_format_euro_unit (differences, n_rows);

  heading (r, title);
  {
    g_autoptr(PangoLayout) layout = text_layout (r, intro, FONT_SIZE, FALSE, r->width - 2 * MARGIN);
    PangoRectangle logical;

    pango_layout_get_pixel_extents (layout, NULL, &logical);
    ensure_room (r, logical.height);
  }
  r->y += text_block (r, intro, MARGIN, r->y, r->width - 2 * MARGIN, FONT_SIZE, FALSE, &r->style.text) + FONT_SIZE * 0.6;
  for (guint i = 0; i < n_rows; i++)
    {
      const PmdMonitorFigures *f = monitor_row (m, i);
      g_autofree char *name = i < m->n_lines ? g_strdup (((const PmdLine *) g_ptr_array_index (sc->lines, i))->name)
                              : i < m->n_lines + m->n_layers
                              ? g_strdup_printf (_("Layer: %s"),
                                                 ((const PmdLayer *) g_ptr_array_index (sc->layers, i - m->n_lines))->name)
                              : g_strdup (_("Total"));
      g_autofree char *budget = pmd_format_euro_in (f->budget, units[0], FALSE);
      g_autofree char *spent = pmd_format_euro_in (f->actual_to_date, units[1], FALSE);
      g_autofree char *used = format_share (f->used);
      g_autofree char *expected = format_share (f->expected);
      g_autofree char *forecast = isfinite (f->forecast_year_end) ? pmd_format_euro_in (f->forecast_year_end, units[2], FALSE)
                                                                  : g_strdup ("–");
      g_autofree char *difference = isfinite (f->forecast_difference)
                                    ? pmd_format_euro_in (f->forecast_difference, units[3], TRUE) : g_strdup ("–");
      const char *cells[] = { name, budget, spent, used, expected, forecast, difference,
                              pmd_monitor_figures_describe (f) };

      table_row (r, &table, cells, i);
    }
  r->y += FONT_SIZE;
  chart_block (r, PMD_CHART_ACTUALS);
}

/* The documents the sources cite, by the short form the sources use and
 * the full title, so that a reader can find each one. */
static void
documents (Report *r)
{
  static const double widths[] = { 0.26, 0.74 };
  const char *header[] = { _("Cited as"), _("Document") };
  Table table = { G_N_ELEMENTS (widths), widths, header };

  if (r->in->n_documents == 0)
    return;
  heading (r, _("Sources"));
  for (guint i = 0; i < r->in->n_documents; i++)
    {
      const PmdReportDocument *d = &r->in->documents[i];
      g_autofree char *title = d->note != NULL && *d->note != '\0' ? g_strdup_printf ("%s (%s)", d->title, d->note)
                                                                   : g_strdup (d->title);
      const char *cells[] = { d->short_title, title };

      table_row (r, &table, cells, i);
    }
}

/* A paragraph of running text that never splits across pages. */
static void
paragraph (Report     *r,
           const char *text,
           gboolean    bold)
{
  double w = r->width - 2 * MARGIN;
  double h;

  {
    g_autoptr(PangoLayout) layout = text_layout (r, text, FONT_SIZE, bold, w);
    PangoRectangle logical;

    pango_layout_get_pixel_extents (layout, NULL, &logical);
    h = logical.height;
  }
  ensure_room (r, h + FONT_SIZE);
  r->y += text_block (r, text, MARGIN, r->y, w, FONT_SIZE, bold, &r->style.text);
  r->y += bold ? FONT_SIZE * 0.3 : FONT_SIZE * 0.9;
}

/* The fan and the tornado in sentences (pmd-uncertainty-text.c), for the
 * year of the report. */
static void
uncertainty_sentences (Report *r,
                       int     year)
{
  g_autoptr(PmdUncertaintyText) text = NULL;
  g_autofree char *sentences = NULL;

  if (r->monte_carlo == NULL)
    return;
  text = pmd_uncertainty_text_new (r->in->scenario, r->in->projection, r->monte_carlo, r->swings, "totals.gap", year);
  sentences = pmd_uncertainty_text_to_string (text, FALSE);
  g_strdelimit (sentences, "\n", ' ');
  paragraph (r, sentences, FALSE);
}

/* "Toelichting": each key figure of the report's year in a short
 * paragraph from its explanation tree, with its sources. */
static void
explanations (Report *r)
{
  static const PmdFigure figures[] = {
    PMD_FIGURE_TOTAL, PMD_FIGURE_GAP, PMD_FIGURE_CUMULATIVE_SAVINGS, PMD_FIGURE_PAYBACK, PMD_FIGURE_NPV,
  };
  const PmdScenario *sc = r->in->scenario;
  int year = r->in->year > 0 ? r->in->year : pmd_scenario_get_end_year (sc);

  heading (r, _("Explanation of the key figures"));
  for (guint k = 0; k < G_N_ELEMENTS (figures); k++)
    {
      g_autoptr(PmdExplanation) e = pmd_explain (sc, r->in->projection, figures[k], NULL, year, NULL);
      g_autofree char *text = NULL;

      if (e == NULL)
        continue;
      text = pmd_explanation_summarize (e, sc);
      paragraph (r, text, FALSE);
    }
}

/* The whole report once; returns the number of pages. */
static int
walk (Report *r)
{
  r->page = 0;
  r->y = MARGIN;
  if (drawing (r))
    {
      cairo_set_source_rgb (r->cr, 1, 1, 1);
      cairo_paint (r->cr);
    }
  title_page (r);
  r->y += FONT_SIZE * 2;
  chart_block (r, PMD_CHART_PYRAMID);
  new_page (r);
  chart_block (r, PMD_CHART_CURVES);
  chart_block (r, PMD_CHART_BRIDGE);
  chart_block (r, PMD_CHART_SAVINGS);
  if (r->in->variants != NULL && pmd_comparison_get_n (r->in->variants) > 1)
    chart_block (r, PMD_CHART_VARIANTS);
  /* The uncertainty, when the scenario has ranges: the default runs and seed, and
   * the gap's sensitivity in the chosen year. */
  if (r->in->scenario->ranges->len > 0)
    {
      int year = r->in->year > 0 ? r->in->year : pmd_scenario_get_end_year (r->in->scenario);
      if (r->monte_carlo == NULL)
        r->monte_carlo = pmd_monte_carlo_run (r->in->scenario, PMD_MONTE_CARLO_DEFAULT_RUNS,
                                                 PMD_MONTE_CARLO_DEFAULT_SEED, NULL, NULL, NULL, NULL);
      if (r->swings == NULL)
        r->swings = pmd_sensitivity (r->in->scenario, "totals.gap", year, &r->swing_base, NULL);
      if (r->monte_carlo != NULL)
        chart_block (r, PMD_CHART_FAN);
      if (r->swings != NULL)
        chart_block (r, PMD_CHART_TORNADO);
      uncertainty_sentences (r, year);
    }
  if (r->in->monitor != NULL)
    {
      new_page (r);
      realisation (r);
    }
  new_page (r);
  explanations (r);
  assumptions (r);
  interventions (r);
  variants (r);
  documents (r);
  footer (r);
  if (r->cr != NULL && r->target == ALL_PAGES)
    cairo_show_page (r->cr);
  return r->page + 1;
}

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->monte_carlo, pmd_monte_carlo_free);
  g_clear_pointer (&r->swings, g_array_unref);
  g_clear_pointer (&r->heading, g_free);
}

void
_pmd_report_draw_all (const PmdReportInput *input,
                      cairo_t              *cr,
                      double                width,
                      double                height)
{
  Report r = { input, cr, width, height, ALL_PAGES, 0, 0, { 0 }, NULL, NULL, 0, NULL };

  pmd_chart_style_init (&r.style, FALSE);
  walk (&r);
  report_clear (&r);
}

/**
 * pmd_report_render_page:
 * @input: the report's content
 * @cr: a page of @width × @height points
 * @page: the page to draw, from 0
 *
 * Draws one page: for printing with GtkPrintOperation.
 */
void
pmd_report_render_page (const PmdReportInput *input,
                        cairo_t              *cr,
                        int                   page,
                        double                width,
                        double                height)
{
  Report r = { input, cr, width, height, page, 0, 0, { 0 }, NULL, NULL, 0, NULL };

  pmd_chart_style_init (&r.style, FALSE);
  cairo_save (cr);
  walk (&r);
  cairo_restore (cr);
  report_clear (&r);
}

/**
 * pmd_report_count_pages:
 *
 * Returns: the number of A4 pages the report takes
 */
int
pmd_report_count_pages (const PmdReportInput *input)
{
  /* Measure on the kind of surface the report is written to (text metrics
   * differ between image and PDF surfaces), draw nothing: target a page
   * that never comes, and write the stream nowhere. */
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  Report r = { input, cr, 595.276, 841.89, G_MAXINT, 0, 0, { 0 }, NULL, NULL, 0, NULL };
  int pages;

  pmd_chart_style_init (&r.style, FALSE);
  pages = walk (&r);
  report_clear (&r);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pages;
}
