/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-private.h"

/* The series: the comparison's entries, or without one the scenario alone. */
static guint
n_series (const PmdChartInput *in)
{
  return in->variants != NULL && pmd_comparison_get_n (in->variants) > 0 ? pmd_comparison_get_n (in->variants) : 1;
}

static const PmdProjection *
series_projection (const PmdChartInput *in,
                   guint                v)
{
  return in->variants != NULL && pmd_comparison_get_n (in->variants) > 0
         ? pmd_comparison_get (in->variants, v)->projection : in->projection;
}

static const char *
series_name (const PmdChartInput *in,
             guint                v)
{
  return in->variants != NULL && pmd_comparison_get_n (in->variants) > 0
         ? pmd_comparison_get (in->variants, v)->name : in->scenario->name;
}

/* The total (or the gap) of several variants on one axis. */
void
_pmd_chart_variants (PmdCanvas *c)
{
  const PmdChartInput *in = c->in;
  cairo_t *cr = c->cr;
  guint nv = n_series (in);
  g_autofree const PmdProjection **projections = g_new (const PmdProjection *, nv);
  g_autofree const char **names = g_new (const char *, nv);
  g_autofree PmdLegendItem *legend = g_new0 (PmdLegendItem, nv + 1);
  g_autofree char *subtitle = NULL;
  double lo = 0, hi = 0;
  int first = G_MAXINT, last = G_MININT;
  PmdMoneyAxis ya;
  PmdYearAxis xa;

  for (guint v = 0; v < nv; v++)
    {
      projections[v] = series_projection (in, v);
      names[v] = series_name (in, v);
    }
  for (guint v = 0; v < nv; v++)
    {
      const PmdProjection *p = projections[v];
      const double *values = in->variants_gap ? p->gap : p->total_scenario;

      first = MIN (first, p->base_year);
      last = MAX (last, p->base_year + p->n_years - 1);
      for (int t = 0; t < p->n_years; t++)
        {
          lo = MIN (lo, values[t]);
          hi = MAX (hi, values[t]);
        }
      legend[v] = (PmdLegendItem) { names[v], c->style->palette[v % 8], PMD_MARK_LINE };
    }
  subtitle = g_strdup_printf (in->variants_gap ? _("Gap to funding per year, %d–%d") : _("Total cost per year, %d–%d"),
                              first, last);

  _pmd_canvas_frame (c, in->variants_gap ? _("Gap per variant") : _("Total cost per variant"), subtitle);
  _pmd_canvas_legend (c, legend, nv);
  _pmd_canvas_reserve_year_axis (c);
  /* Totals are compared near their level, not from zero: variants differ
   * by a few percent. Gaps keep zero in view. */
  if (!in->variants_gap)
    {
      double lowest = G_MAXDOUBLE;
      for (guint v = 0; v < nv; v++)
        for (int t = 0; t < projections[v]->n_years; t++)
          lowest = MIN (lowest, projections[v]->total_scenario[t]);
      lo = MAX (0, lowest - (hi - lowest) * 0.15);
    }
  _pmd_canvas_money_axis (c, lo, hi, &ya);
  c->plot.width -= c->font * 1.2;
  _pmd_canvas_year_axis (c, first, last, &xa);

  for (guint v = 0; v < nv; v++)
    {
      const PmdProjection *p = projections[v];
      const double *values = in->variants_gap ? p->gap : p->total_scenario;

      cairo_save (cr);
      cairo_set_line_width (cr, MAX (2.0, c->font / 5));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      _pmd_canvas_color (c, &c->style->palette[v % 8], 1.0);
      for (int t = 0; t < p->n_years; t++)
        {
          double x = _pmd_year_x (c, &xa, p->base_year + t), y = _pmd_money_y (c, &ya, values[t]);
          if (t == 0)
            cairo_move_to (cr, p->n_years == 1 ? x - c->font : x, y);
          cairo_line_to (cr, p->n_years == 1 ? x + c->font : x, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (int year = first; year <= last; year++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      double x = _pmd_year_x (c, &xa, year);
      double half = last > first ? c->plot.width / (last - first) / 2 : c->plot.width / 2;

      g_string_append_printf (text, "%d", year);
      for (guint v = 0; v < nv; v++)
        {
          const PmdProjection *p = projections[v];
          int t = pmd_projection_year_index (p, year);
          if (t >= 0)
            {
              g_autofree char *money = pmd_format_euro_compact (in->variants_gap ? p->gap[t] : p->total_scenario[t]);
              g_string_append_printf (text, "\n%s: %s", names[v], money);
            }
        }
      _pmd_canvas_region (c, x - half, c->plot.y, 2 * half, c->plot.height, "%s", text->str);
    }
}
