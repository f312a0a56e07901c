/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-private.h"

/* Yearly savings as bars (green when the interventions save, vermillion
 * when they cost), the cumulative savings as a line, the payback year marked. */
void
_pmd_chart_savings (PmdCanvas *c)
{
  const PmdProjection *p = c->in->projection;
  cairo_t *cr = c->cr;
  int n = p->n_years;
  g_autofree char *subtitle = NULL;
  double lo = 0, hi = 0, slot, bar_w;
  PmdMoneyAxis ya;
  PmdYearAxis xa;
  PmdLegendItem legend[] = {
    { _("Saving in the year"), c->style->decrease, PMD_MARK_BOX },
    { _("Cost in the year"), c->style->increase, PMD_MARK_BOX },
    { _("Cumulative savings"), c->style->text, PMD_MARK_LINE },
  };

  for (int t = 0; t < n; t++)
    {
      lo = MIN (lo, MIN (p->savings[t], p->cumulative_savings[t]));
      hi = MAX (hi, MAX (p->savings[t], p->cumulative_savings[t]));
    }
  if (p->has_payback)
    {
      g_autofree char *npv = pmd_format_euro_compact (p->npv);
      subtitle = g_strdup_printf (_("Paid back in %d; net present value %s"), p->payback_year, npv);
    }
  else
    subtitle = g_strdup (_("Not paid back within the horizon"));

  _pmd_canvas_frame (c, _("Savings and payback"), subtitle);
  _pmd_canvas_legend (c, legend, G_N_ELEMENTS (legend));
  _pmd_canvas_reserve_year_axis (c);
  _pmd_canvas_money_axis (c, lo, hi, &ya);
  /* Half a bar of room at both ends. */
  slot = c->plot.width / MAX (1, n);
  c->plot.x += slot / 2;
  c->plot.width -= slot;
  _pmd_canvas_year_axis (c, p->base_year, p->base_year + n - 1, &xa);
  bar_w = MAX (1.0, slot * 0.7);

  for (int t = 0; t < n; t++)
    {
      double x = _pmd_year_x (c, &xa, p->base_year + t);
      double y0 = _pmd_money_y (c, &ya, 0), y1 = _pmd_money_y (c, &ya, p->savings[t]);
      g_autofree char *saving = pmd_format_euro_compact (p->savings[t]);
      g_autofree char *cumulative = pmd_format_euro_compact (p->cumulative_savings[t]);

      cairo_rectangle (cr, x - bar_w / 2, MIN (y0, y1), bar_w, fabs (y1 - y0));
      _pmd_canvas_color (c, p->savings[t] >= 0 ? &c->style->decrease : &c->style->increase, 0.9);
      cairo_fill (cr);
      _pmd_canvas_region (c, x - slot / 2, c->plot.y, slot, c->plot.height,
                          _("%d\nSaving: %s\nCumulative: %s"), p->base_year + t, saving, cumulative);
      _pmd_canvas_region_figure (c, "totals.savings", p->base_year + t);
    }

  _pmd_canvas_stroke_series (c, &xa, &ya, p->cumulative_savings, p->base_year, n, &c->style->text,
                             MAX (2.0, c->font / 5), FALSE);

  if (p->has_payback)
    {
      double x = floor (_pmd_year_x (c, &xa, p->payback_year)) + 0.5;
      double dash[] = { 5, 4 };
      g_autofree char *label = g_strdup_printf (_("Paid back: %d"), p->payback_year);
      double tw;

      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, MAX (1.5, c->font / 8));
      _pmd_canvas_color (c, &c->style->decrease, 1.0);
      cairo_move_to (cr, x, c->plot.y);
      cairo_line_to (cr, x, c->plot.y + c->plot.height);
      cairo_stroke (cr);
      cairo_restore (cr);
      /* The label on the side of the line with room for it. */
      _pmd_canvas_measure (c, label, PMD_TEXT_AXIS, TRUE, 0, &tw, NULL);
      if (x + c->font * 0.4 + tw <= c->plot.x + c->plot.width + slot / 2)
        _pmd_canvas_text (c, label, x + c->font * 0.4, c->plot.y, PMD_TEXT_AXIS, TRUE, &c->style->decrease,
                          PMD_ANCHOR_START, PMD_ANCHOR_START, 0);
      else
        _pmd_canvas_text (c, label, x - c->font * 0.4, c->plot.y, PMD_TEXT_AXIS, TRUE, &c->style->decrease,
                          PMD_ANCHOR_END, PMD_ANCHOR_START, 0);
    }
}
