/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-private.h"

/* Interventions beyond this many become one bar. */
#define MAX_INTERVENTION_BARS 6

typedef enum
{
  BAR_TOTAL,
  BAR_DELTA,
} BarKind;

typedef struct
{
  char   *label;
  BarKind kind;
  double  value;     /* the total, or the change */
  PmdRgb  color;
} Bar;

static void
bar_clear (gpointer data)
{
  g_free (((Bar *) data)->label);
}

static void
add_bar (GArray       *bars,
         const char   *label,
         BarKind       kind,
         double        value,
         const PmdRgb *color)
{
  Bar bar = { g_strdup (label), kind, value, *color };
  g_array_append_val (bars, bar);
}

/* From the base-year total to the chosen year's: the baseline's four
 * drivers, each intervention's saving, the investment, the end total. */
static GArray *
build_bars (PmdCanvas *c,
            int        year)
{
  const PmdScenario *sc = c->in->scenario;
  const PmdProjection *p = c->in->projection;
  const PmdChartStyle *st = c->style;
  g_auto(PmdBridge) b = { 0 };
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_autofree char *start = g_strdup_printf ("%d", p->base_year);
  g_autofree char *end = g_strdup_printf (_("%d scenario"), year);
  double investment = 0, other = 0;
  guint n_shown = 0;

  g_array_set_clear_func (bars, bar_clear);
  pmd_projection_bridge (p, sc, year, &b);

  add_bar (bars, start, BAR_TOTAL, b.start, &st->muted);
#define DELTA(label, v) add_bar (bars, label, BAR_DELTA, v, (v) >= 0 ? &st->increase : &st->decrease)
  DELTA (_("Demography"), b.demography);
  DELTA (_("Volume growth"), b.growth);
  DELTA (_("Steps"), b.steps);
  DELTA (_("Indexation"), b.indexation);
#undef DELTA
  for (guint k = 0; k < b.n_interventions; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      investment += b.investment[k];
      if (fabs (b.savings[k]) < 0.5)
        continue;
      if (n_shown < MAX_INTERVENTION_BARS)
        {
          add_bar (bars, iv->name, BAR_DELTA, -b.savings[k], b.savings[k] >= 0 ? &st->decrease : &st->increase);
          n_shown++;
        }
      else
        other -= b.savings[k];
    }
  if (other != 0)
    add_bar (bars, _("Other interventions"), BAR_DELTA, other, other <= 0 ? &st->decrease : &st->increase);
  if (investment != 0)
    add_bar (bars, _("Investment"), BAR_DELTA, investment, &st->investment);
  add_bar (bars, end, BAR_TOTAL, b.end, &st->text);
  return bars;
}

void
_pmd_chart_bridge (PmdCanvas *c)
{
  const PmdProjection *p = c->in->projection;
  cairo_t *cr = c->cr;
  int year = _pmd_chart_year (c->in);
  g_autoptr(GArray) bars = build_bars (c, year);
  g_autofree char *title = g_strdup_printf (_("From %d to %d: what changes the cost"), p->base_year, year);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, running = 0, slot, bar_w, label_h = 0, value_h;
  PmdMoneyAxis ya;

  /* The range the bars span decides the axis; it need not start at 0. */
  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      double next = bar->kind == BAR_TOTAL ? bar->value : running + bar->value;

      lo = MIN (lo, bar->kind == BAR_TOTAL ? next : MIN (running, next));
      hi = MAX (hi, bar->kind == BAR_TOTAL ? next : MAX (running, next));
      running = next;
    }
  lo = MAX (0, lo - (hi - lo) * 0.25);

  _pmd_canvas_frame (c, title, lo > 0 ? _("Scenario with interventions; the axis does not start at zero")
                                      : _("Scenario with interventions"));
  /* Room under the plot for category labels of up to three lines. */
  _pmd_canvas_measure (c, "Ag", PMD_TEXT_SMALL, FALSE, 0, NULL, &label_h);
  _pmd_canvas_measure (c, "Ag", PMD_TEXT_SMALL, TRUE, 0, NULL, &value_h);
  _pmd_canvas_reserve_bottom (c, label_h * 3 + c->font * 0.6);
  c->plot.y += value_h * 1.2;
  c->plot.height -= value_h * 1.2;
  _pmd_canvas_money_axis (c, lo, hi, &ya);
  slot = c->plot.width / bars->len;
  bar_w = slot * 0.72;

  running = 0;
  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      double x = c->plot.x + slot * (i + 0.5);
      double from = bar->kind == BAR_TOTAL ? ya.lo : running;
      double to = bar->kind == BAR_TOTAL ? bar->value : running + bar->value;
      double y0 = _pmd_money_y (c, &ya, from), y1 = _pmd_money_y (c, &ya, to);
      /* Every bar in the axis' unit, so small steps read as "€ 0,9 mln". */
      g_autofree char *amount = pmd_format_euro_scaled (bar->kind == BAR_TOTAL ? bar->value : fabs (bar->value),
                                                        ya.unit, ya.unit > 1 ? MAX (1, ya.decimals) : 0);
      g_autofree char *value = bar->kind == BAR_TOTAL ? g_strdup (amount)
                                : g_strdup_printf ("%s%s", bar->value >= 0 ? "+" : "−", amount);
      double top = MIN (y0, y1);

      cairo_rectangle (cr, x - bar_w / 2, top, bar_w, MAX (1.0, fabs (y1 - y0)));
      _pmd_canvas_color (c, &bar->color, 0.92);
      cairo_fill (cr);

      /* A connector from this bar's end to the next bar's start. */
      if (i + 1 < bars->len)
        {
          double yc = floor (_pmd_money_y (c, &ya, to)) + 0.5;
          cairo_save (cr);
          cairo_set_line_width (cr, 1);
          _pmd_canvas_color (c, &c->style->muted, 0.8);
          cairo_move_to (cr, x + bar_w / 2, yc);
          cairo_line_to (cr, x + slot - bar_w / 2, yc);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      _pmd_canvas_text (c, value, x, top - value_h * 0.1, PMD_TEXT_SMALL, TRUE, &c->style->text,
                        PMD_ANCHOR_CENTER, PMD_ANCHOR_END, -slot * 0.98);
      _pmd_canvas_text (c, bar->label, x, c->plot.y + c->plot.height + c->font * 0.4, PMD_TEXT_SMALL, FALSE,
                        &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_START, slot * 0.96);
      _pmd_canvas_region (c, x - slot / 2, c->plot.y, slot, c->plot.height, "%s: %s", bar->label, value);
      running = to;
    }
}
