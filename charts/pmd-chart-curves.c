/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-chart-private.h"

/* More series than this become one "other" band: a legend of 200 cost
 * lines helps nobody. */
#define MAX_SERIES 8

typedef struct
{
  const char   *name;
  PmdRgb        color;
  double       *values;   /* n_years, owned */
  GArray       *members;  /* line indices */
} Series;

static void
series_clear (gpointer data)
{
  Series *s = data;
  g_free (s->values);
  g_array_unref (s->members);
}

static Series *
series_add (GArray     *all,
            const char *name,
            int         n)
{
  Series s = { name, { 0, 0, 0 }, g_new0 (double, n), g_array_new (FALSE, FALSE, sizeof (int)) };
  g_array_append_val (all, s);
  return &g_array_index (all, Series, all->len - 1);
}

static int
compare_last_value (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const double *values = user_data;
  double va = values[*(const int *) a], vb = values[*(const int *) b];
  return va < vb ? 1 : va > vb ? -1 : 0;
}

/* The series of the chosen grouping, bottom of the stack first. */
static GArray *
build_series (PmdCanvas *c)
{
  const PmdScenario *sc = c->in->scenario;
  const PmdProjection *p = c->in->projection;
  int n = p->n_years;
  GArray *all = g_array_new (FALSE, FALSE, sizeof (Series));

  g_array_set_clear_func (all, series_clear);

  if (c->in->grouping == PMD_GROUP_LINE)
    {
      g_autofree int *order = g_new (int, MAX (1, p->n_lines));
      g_autofree double *last = g_new (double, MAX (1, p->n_lines));
      Series *other = NULL;

      for (int i = 0; i < p->n_lines; i++)
        {
          order[i] = i;
          last[i] = p->line_scenario[i * n + n - 1];
        }
      g_qsort_with_data (order, p->n_lines, sizeof (int), compare_last_value, last);
      for (int k = 0; k < p->n_lines; k++)
        {
          int i = order[k];
          const PmdLine *l = g_ptr_array_index (sc->lines, i);
          Series *s;

          if (k >= MAX_SERIES - 1 && p->n_lines > MAX_SERIES)
            {
              if (other == NULL)
                {
                  other = series_add (all, _("Other cost lines"), n);
                  other->color = c->style->palette[7];
                }
              s = other;
            }
          else
            {
              s = series_add (all, l->name, n);
              s->color = c->style->palette[k % 7];
            }
          g_array_append_val (s->members, i);
          for (int t = 0; t < n; t++)
            s->values[t] += p->line_scenario[i * n + t];
        }
      return all;
    }

  {
    gboolean layers = c->in->grouping == PMD_GROUP_LAYER;
    GPtrArray *groups = layers ? sc->layers : sc->domains;
    const double *values = layers ? p->layer_scenario : p->domain_scenario;

    for (guint g = 0; g < groups->len; g++)
      {
        /* Layers and domains share their first two fields: id, name. */
        char **group = g_ptr_array_index (groups, g);
        Series *s = series_add (all, group[1], n);
        PmdRgb storage;

        s->color = layers ? *_pmd_layer_color (c, g, &storage) : c->style->palette[g % 8];
        memcpy (s->values, values + g * n, sizeof (double) * n);
        for (int i = 0; i < p->n_lines; i++)
          {
            const PmdLine *l = g_ptr_array_index (sc->lines, i);
            if ((layers ? l->layer_idx : l->domain_idx) == (int) g)
              g_array_append_val (s->members, i);
          }
      }
  }
  return all;
}

/* A series' actual cost in @year: the sum of its lines' actuals when every
 * line has one for that year, else NaN (a partial sum would mislead). */
static double
series_actual (const PmdScenario *sc,
               const Series      *s,
               int                year)
{
  double sum = 0;

  if (s->members->len == 0)
    return NAN;
  for (guint m = 0; m < s->members->len; m++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, g_array_index (s->members, int, m));
      gboolean found = FALSE;

      for (guint a = 0; a < sc->actuals->len; a++)
        {
          const PmdActual *act = g_ptr_array_index (sc->actuals, a);
          if (act->year == year && g_strcmp0 (act->line, l->id) == 0)
            {
              sum += act->cost;
              found = TRUE;
            }
        }
      if (!found)
        return NAN;
    }
  return sum;
}

/* Fills the area between @upper and @lower where upper > lower, cutting
 * each year-segment at the crossing. */
static void
fill_gap (PmdCanvas          *c,
          const PmdYearAxis  *xa,
          const PmdMoneyAxis *ya,
          const double       *upper,
          const double       *lower,
          int                 base_year,
          int                 n)
{
  cairo_t *cr = c->cr;

  for (int t = 0; t + 1 < n || (n == 1 && t == 0); t++)
    {
      double d0 = upper[t] - lower[t];
      double d1 = n == 1 ? d0 : upper[t + 1] - lower[t + 1];
      double x0 = _pmd_year_x (c, xa, base_year + t);
      double x1 = n == 1 ? x0 + 1 : _pmd_year_x (c, xa, base_year + t + 1);
      double f0 = 0, f1 = 1;

      if (d0 <= 0 && d1 <= 0)
        continue;
      if (d0 < 0)
        f0 = d0 / (d0 - d1);
      if (d1 < 0)
        f1 = d0 / (d0 - d1);

      {
        int t1 = n == 1 ? t : t + 1;
        double ux0 = upper[t] + (upper[t1] - upper[t]) * f0, ux1 = upper[t] + (upper[t1] - upper[t]) * f1;
        double lx0 = lower[t] + (lower[t1] - lower[t]) * f0, lx1 = lower[t] + (lower[t1] - lower[t]) * f1;

        cairo_move_to (cr, x0 + (x1 - x0) * f0, _pmd_money_y (c, ya, ux0));
        cairo_line_to (cr, x0 + (x1 - x0) * f1, _pmd_money_y (c, ya, ux1));
        cairo_line_to (cr, x0 + (x1 - x0) * f1, _pmd_money_y (c, ya, lx1));
        cairo_line_to (cr, x0 + (x1 - x0) * f0, _pmd_money_y (c, ya, lx0));
        cairo_close_path (cr);
      }
      if (n == 1)
        break;
    }

  /* Shade and hatch, so the gap reads also where it lies over a band. */
  cairo_save (cr);
  cairo_clip_preserve (cr);
  _pmd_canvas_color (c, &c->style->background, 0.75);
  cairo_fill_preserve (cr);
  _pmd_canvas_color (c, &c->style->gap, 0.45);
  cairo_fill (cr);
  cairo_set_line_width (cr, MAX (1.0, c->font / 14));
  _pmd_canvas_color (c, &c->style->gap, 0.9);
  for (double x = c->plot.x - c->plot.height; x < c->plot.x + c->plot.width; x += c->font * 0.9)
    {
      cairo_move_to (cr, x, c->plot.y + c->plot.height);
      cairo_line_to (cr, x + c->plot.height, c->plot.y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_new_path (cr);
}

void
_pmd_chart_curves (PmdCanvas *c)
{
  const PmdScenario *sc = c->in->scenario;
  const PmdProjection *p = c->in->projection;
  cairo_t *cr = c->cr;
  int n = p->n_years, first_year = p->base_year, last_year = p->base_year + n - 1;
  g_autoptr(GArray) series = build_series (c);
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (PmdLegendItem));
  g_autofree double *bottom = g_new0 (double, n);
  g_autofree char *subtitle = NULL;
  PmdMoneyAxis ya;
  PmdYearAxis xa;
  double hi = 0;
  gboolean any_actual = FALSE, any_gap = FALSE;
  const char *title;

  switch (c->in->grouping)
    {
    case PMD_GROUP_DOMAIN: title = _("Projected cost per domain"); break;
    case PMD_GROUP_LINE: title = _("Projected cost per cost line"); break;
    case PMD_GROUP_LAYER:
    default: title = _("Projected cost per layer"); break;
    }
  subtitle = g_strdup_printf (_("%d–%d, scenario with interventions; dashed: without"), first_year, last_year);

  /* Which actuals can be drawn decides where the axis starts. */
  for (guint s = 0; s < series->len; s++)
    for (guint a = 0; a < sc->actuals->len; a++)
      {
        int year = ((PmdActual *) g_ptr_array_index (sc->actuals, a))->year;
        double v = series_actual (sc, &g_array_index (series, Series, s), year);
        if (!isnan (v) && year <= last_year)
          {
            first_year = MIN (first_year, year);
            hi = MAX (hi, v);
            any_actual = TRUE;
          }
      }

  for (guint s = 0; s < series->len; s++)
    {
      Series *se = &g_array_index (series, Series, s);
      PmdLegendItem item = { se->name, se->color, PMD_MARK_BOX };
      g_array_append_val (legend, item);
    }
  for (int t = 0; t < n; t++)
    {
      hi = MAX (hi, MAX (p->total_scenario[t], MAX (p->total_baseline[t], p->funding[t])));
      any_gap |= p->gap[t] > 0;
    }
  {
    PmdLegendItem items[] = {
      { _("Without interventions"), c->style->text, PMD_MARK_DASHED },
      { _("Funding"), c->style->funding, PMD_MARK_LINE },
      { _("Gap"), c->style->gap, PMD_MARK_SHADE },
      { _("Actual"), c->style->text, PMD_MARK_POINT },
    };
    g_array_append_vals (legend, items, any_gap ? 3 : 2);
    if (any_actual)
      g_array_append_val (legend, items[3]);
  }

  _pmd_canvas_frame (c, title, subtitle);
  _pmd_canvas_legend (c, (PmdLegendItem *) legend->data, legend->len);
  _pmd_canvas_reserve_year_axis (c);
  _pmd_canvas_money_axis (c, 0, hi, &ya);
  /* Room for the last year's label at the right edge. */
  c->plot.width -= c->font * 1.2;
  _pmd_canvas_year_axis (c, first_year, last_year, &xa);

  /* Stacked areas, bottom of the stack first. */
  for (guint s = 0; s < series->len; s++)
    {
      Series *se = &g_array_index (series, Series, s);

      for (int t = 0; t < n; t++)
        {
          double x = _pmd_year_x (c, &xa, p->base_year + t);
          double w = n == 1 ? c->font : 0;
          if (t == 0)
            cairo_move_to (cr, x - w, _pmd_money_y (c, &ya, bottom[t] + se->values[t]));
          cairo_line_to (cr, x + w, _pmd_money_y (c, &ya, bottom[t] + se->values[t]));
        }
      for (int t = n - 1; t >= 0; t--)
        {
          double x = _pmd_year_x (c, &xa, p->base_year + t);
          double w = n == 1 ? c->font : 0;
          cairo_line_to (cr, x + w, _pmd_money_y (c, &ya, bottom[t]));
          if (t == 0)
            cairo_line_to (cr, x - w, _pmd_money_y (c, &ya, bottom[t]));
        }
      cairo_close_path (cr);
      _pmd_canvas_color (c, &se->color, 0.88);
      cairo_fill_preserve (cr);
      _pmd_canvas_color (c, &c->style->background, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      for (int t = 0; t < n; t++)
        bottom[t] += se->values[t];
    }

  if (any_gap)
    fill_gap (c, &xa, &ya, p->total_scenario, p->funding, p->base_year, n);

  _pmd_canvas_stroke_series (c, &xa, &ya, p->total_baseline, p->base_year, n, &c->style->text, MAX (1.5, c->font / 7), TRUE);
  _pmd_canvas_stroke_series (c, &xa, &ya, p->funding, p->base_year, n, &c->style->funding, MAX (2.0, c->font / 5), FALSE);

  /* The base year, when the axis starts earlier for the actuals. */
  if (first_year < p->base_year)
    {
      double x = floor (_pmd_year_x (c, &xa, p->base_year)) + 0.5;
      double dash[] = { 2, 3 };

      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1);
      _pmd_canvas_color (c, &c->style->muted, 1.0);
      cairo_move_to (cr, x, c->plot.y);
      cairo_line_to (cr, x, c->plot.y + c->plot.height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Tooltips: one column per year. */
  for (int t = 0; t < n; t++)
    {
      double x = _pmd_year_x (c, &xa, p->base_year + t);
      double half = n > 1 ? c->plot.width / (n - 1) / 2 : c->plot.width / 2;
      g_autofree char *scen = pmd_format_euro_compact (p->total_scenario[t]);
      g_autofree char *base = pmd_format_euro_compact (p->total_baseline[t]);
      g_autofree char *fund = pmd_format_euro_compact (p->funding[t]);
      g_autofree char *gap = pmd_format_euro_compact (p->gap[t]);

      _pmd_canvas_region (c, x - half, c->plot.y, 2 * half, c->plot.height,
                          _("%d\nScenario: %s\nWithout interventions: %s\nFunding: %s\nGap: %s"),
                          p->base_year + t, scen, base, fund, gap);
      _pmd_canvas_region_figure (c, "totals.scenario", p->base_year + t);
    }

  /* Actuals last: their tooltips lie over the columns'. */
  for (guint s = 0; s < series->len; s++)
    for (guint a = 0; a < sc->actuals->len; a++)
      {
        const PmdActual *act = g_ptr_array_index (sc->actuals, a);
        Series *se = &g_array_index (series, Series, s);
        double v = series_actual (sc, se, act->year);
        g_autofree char *money = NULL;
        double x, y;

        if (isnan (v) || act->year > last_year)
          continue;
        x = _pmd_year_x (c, &xa, act->year);
        y = _pmd_money_y (c, &ya, v);
        cairo_arc (cr, x, y, c->font * 0.3, 0, 2 * G_PI);
        _pmd_canvas_color (c, &se->color, 1.0);
        cairo_fill_preserve (cr);
        _pmd_canvas_color (c, &c->style->text, 1.0);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        money = pmd_format_euro_compact (v);
        _pmd_canvas_region (c, x - c->font * 0.5, y - c->font * 0.5, c->font, c->font,
                            _("%s, %d actual: %s"), se->name, act->year, money);
      }

}
