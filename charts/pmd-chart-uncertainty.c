/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-private.h"

/* The fan: the range of the total cost over the Monte Carlo runs (P10–P90
 * and P25–P75), the median dashed and the scenario as written solid. */
void
_pmd_chart_fan (PmdCanvas *c)
{
  const PmdMonteCarlo *mc = c->in->monte_carlo;
  const PmdProjection *p = c->in->projection;
  cairo_t *cr = c->cr;
  g_autofree char *subtitle = NULL;
  PmdMoneyAxis ya;
  PmdYearAxis xa;
  double lo = G_MAXDOUBLE, hi = 0;
  PmdLegendItem legend[] = {
    /* xgettext:no-c-format */
    { _("80% of the runs"), c->style->palette[0], PMD_MARK_SHADE },
    /* xgettext:no-c-format */
    { _("50% of the runs"), c->style->palette[0], PMD_MARK_BOX },
    { _("Median"), c->style->text, PMD_MARK_DASHED },
    { _("As written"), c->style->increase, PMD_MARK_LINE },
  };
  const struct { double lo, hi, alpha; } bands[] = { { 0.1, 0.9, 0.25 }, { 0.25, 0.75, 0.45 } };

  if (mc == NULL)
    {
      _pmd_canvas_frame (c, _("Range of the total cost"), NULL);
      _pmd_canvas_text (c, _("No Monte Carlo runs"), c->plot.x + c->plot.width / 2, c->plot.y + c->plot.height / 2,
                        PMD_TEXT_NORMAL, FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_CENTER, 0);
      return;
    }
  {
    g_autofree char *runs = pmd_format_number (mc->runs, 0);

    /* Translators: the number of runs (“2.000”), then the years */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s run over the ranged parameters, %d–%d",
                                             "%s runs over the ranged parameters, %d–%d", mc->runs),
                                runs, mc->base_year, mc->base_year + mc->n_years - 1);
  }
  for (int t = 0; t < mc->n_years; t++)
    {
      lo = MIN (lo, MIN (pmd_monte_carlo_percentile (mc, mc->total, t, 0.1), p->total_scenario[MIN (t, p->n_years - 1)]));
      hi = MAX (hi, MAX (pmd_monte_carlo_percentile (mc, mc->total, t, 0.9), p->total_scenario[MIN (t, p->n_years - 1)]));
    }
  lo = MAX (0, lo - (hi - lo) * 0.15);

  _pmd_canvas_frame (c, _("Range of the total cost"), subtitle);
  _pmd_canvas_legend (c, legend, G_N_ELEMENTS (legend));
  _pmd_canvas_reserve_year_axis (c);
  _pmd_canvas_money_axis (c, lo, hi, &ya);
  c->plot.width -= c->font * 1.2;
  _pmd_canvas_year_axis (c, mc->base_year, mc->base_year + mc->n_years - 1, &xa);

  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      for (int t = 0; t < mc->n_years; t++)
        {
          double x = _pmd_year_x (c, &xa, mc->base_year + t);
          double y = _pmd_money_y (c, &ya, pmd_monte_carlo_percentile (mc, mc->total, t, bands[b].hi));
          if (t == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      for (int t = mc->n_years - 1; t >= 0; t--)
        cairo_line_to (cr, _pmd_year_x (c, &xa, mc->base_year + t),
                       _pmd_money_y (c, &ya, pmd_monte_carlo_percentile (mc, mc->total, t, bands[b].lo)));
      cairo_close_path (cr);
      _pmd_canvas_color (c, &c->style->palette[0], bands[b].alpha);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.5, c->font / 7));
  {
    double dash[] = { c->font / 2, c->font / 3 };
    cairo_set_dash (cr, dash, 2, 0);
  }
  _pmd_canvas_color (c, &c->style->text, 1.0);
  for (int t = 0; t < mc->n_years; t++)
    {
      double x = _pmd_year_x (c, &xa, mc->base_year + t);
      double y = _pmd_money_y (c, &ya, pmd_monte_carlo_percentile (mc, mc->total, t, 0.5));
      if (t == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  _pmd_canvas_stroke_series (c, &xa, &ya, p->total_scenario, p->base_year, MIN (p->n_years, mc->n_years),
                             &c->style->increase, MAX (2.0, c->font / 5), FALSE);

  for (int t = 0; t < mc->n_years; t++)
    {
      double x = _pmd_year_x (c, &xa, mc->base_year + t);
      double half = mc->n_years > 1 ? c->plot.width / (mc->n_years - 1) / 2 : c->plot.width / 2;
      g_autofree char *p10 = pmd_format_euro_compact (pmd_monte_carlo_percentile (mc, mc->total, t, 0.1));
      g_autofree char *p50 = pmd_format_euro_compact (pmd_monte_carlo_percentile (mc, mc->total, t, 0.5));
      g_autofree char *p90 = pmd_format_euro_compact (pmd_monte_carlo_percentile (mc, mc->total, t, 0.9));

      _pmd_canvas_region (c, x - half, c->plot.y, 2 * half, c->plot.height, _("%d\nP10: %s\nMedian: %s\nP90: %s"),
                          mc->base_year + t, p10, p50, p90);
    }
}

/* The tornado: per ranged parameter the output at its low and high end,
 * around the output with every parameter at its value; largest on top. */
void
_pmd_chart_tornado (PmdCanvas *c)
{
  const GArray *swings = c->in->swings;
  cairo_t *cr = c->cr;
  double base = c->in->swing_base, lo = base, hi = base, label_w, row_h, bar_h;
  g_autofree char *subtitle = NULL;
  PmdMoneyAxis ya;
  guint n;
  PmdLegendItem legend[] = {
    { _("Parameter at its low end"), c->style->decrease, PMD_MARK_BOX },
    { _("Parameter at its high end"), c->style->increase, PMD_MARK_BOX },
  };

  if (swings == NULL || swings->len == 0)
    {
      _pmd_canvas_frame (c, _("What matters most"), NULL);
      _pmd_canvas_text (c, _("No ranged parameters"), c->plot.x + c->plot.width / 2, c->plot.y + c->plot.height / 2,
                        PMD_TEXT_NORMAL, FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_CENTER, 0);
      return;
    }
  for (guint i = 0; i < swings->len; i++)
    {
      const PmdSwing *s = &g_array_index (swings, PmdSwing, i);
      lo = MIN (lo, MIN (s->at_low, s->at_high));
      hi = MAX (hi, MAX (s->at_low, s->at_high));
    }
  {
    g_autofree char *base_text = pmd_format_euro_compact (base);
    g_autofree char *output = pmd_describe_output (c->in->scenario, c->in->swing_output ? c->in->swing_output : "totals.gap");
    subtitle = g_strdup_printf (_("%s in %d: %s with every parameter at its value"),
                                output, _pmd_chart_year (c->in), base_text);
  }
  _pmd_canvas_frame (c, _("What matters most"), subtitle);
  _pmd_canvas_legend (c, legend, G_N_ELEMENTS (legend));

  /* The axis runs along the bottom; the names take the left third. */
  label_w = c->plot.width * 0.32;
  c->plot.x += label_w;
  c->plot.width -= label_w;
  {
    /* A horizontal money axis: ticks along x. */
    PmdTicks ticks;
    double label_h;
    int max_ticks;


    double tick_w;

    _pmd_canvas_measure (c, "€ 100,0 mln", PMD_TEXT_AXIS, FALSE, 0, &tick_w, &label_h);
    _pmd_canvas_reserve_bottom (c, label_h * 1.6);
    /* Half a label of room on the right for the last tick's. */
    c->plot.width -= tick_w / 2;
    max_ticks = CLAMP ((int) (c->plot.width / (c->font * 7)), 2, 8);
    pmd_chart_nice_ticks (lo, hi, max_ticks, &ticks);
    ya.ticks = ticks;
    ya.lo = ticks.first;
    ya.hi = ticks.first + ticks.step * (ticks.count - 1);
    ya.unit = pmd_chart_money_unit (MAX (fabs (ya.lo), fabs (ya.hi)));
    ya.decimals = pmd_chart_decimals_for (ticks.step, ya.unit);
    cairo_save (cr);
    cairo_set_line_width (cr, 1);
    for (int i = 0; i < ticks.count; i++)
      {
        double v = ticks.first + i * ticks.step;
        double x = floor (c->plot.x + c->plot.width * (v - ya.lo) / (ya.hi - ya.lo)) + 0.5;
        g_autofree char *label = _pmd_money_label (&ya, v);

        _pmd_canvas_color (c, &c->style->grid, 1.0);
        cairo_move_to (cr, x, c->plot.y);
        cairo_line_to (cr, x, c->plot.y + c->plot.height);
        cairo_stroke (cr);
        /* Every other label when they would touch. */
        if (ticks.count > 5 && i % 2 == 1)
          continue;
        _pmd_canvas_text (c, label, x, c->plot.y + c->plot.height + c->font * 0.3, PMD_TEXT_AXIS, FALSE,
                          &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_START, 0);
      }
    cairo_restore (cr);
  }

  n = MIN (swings->len, 12u);
  row_h = c->plot.height / n;
  bar_h = row_h * 0.62;
  for (guint i = 0; i < n; i++)
    {
      const PmdSwing *s = &g_array_index (swings, PmdSwing, i);
      g_autofree char *name = pmd_scenario_describe_param (c->in->scenario, s->path);
      double y = c->plot.y + row_h * i + (row_h - bar_h) / 2;
      double xb = c->plot.x + c->plot.width * (base - ya.lo) / (ya.hi - ya.lo);
      double xl = c->plot.x + c->plot.width * (s->at_low - ya.lo) / (ya.hi - ya.lo);
      double xh = c->plot.x + c->plot.width * (s->at_high - ya.lo) / (ya.hi - ya.lo);
      g_autofree char *low = pmd_format_euro_compact (s->at_low);
      g_autofree char *high = pmd_format_euro_compact (s->at_high);

      cairo_rectangle (cr, MIN (xb, xl), y, fabs (xl - xb), bar_h);
      _pmd_canvas_color (c, &c->style->decrease, 0.9);
      cairo_fill (cr);
      cairo_rectangle (cr, MIN (xb, xh), y, fabs (xh - xb), bar_h);
      _pmd_canvas_color (c, &c->style->increase, 0.9);
      cairo_fill (cr);
      /* Two lines where a row has room for them, else one. */
      _pmd_canvas_text_lines (c, name, c->plot.x - c->font * 0.5, y + bar_h / 2, PMD_TEXT_SMALL, FALSE,
                              &c->style->text, PMD_ANCHOR_END, PMD_ANCHOR_CENTER, label_w - c->font,
                              row_h >= 2.8 * c->font * PMD_TEXT_SMALL ? 2 : 1);
      _pmd_canvas_region (c, c->plot.x - label_w, y, label_w + c->plot.width, bar_h, _("%s\nLow: %s\nHigh: %s"),
                          name, low, high);
    }
  {
    double xb = floor (c->plot.x + c->plot.width * (base - ya.lo) / (ya.hi - ya.lo)) + 0.5;
    cairo_save (cr);
    cairo_set_line_width (cr, 1.5);
    _pmd_canvas_color (c, &c->style->text, 1.0);
    cairo_move_to (cr, xb, c->plot.y);
    cairo_line_to (cr, xb, c->plot.y + c->plot.height);
    cairo_stroke (cr);
    cairo_restore (cr);
  }
}
