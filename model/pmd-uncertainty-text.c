/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-uncertainty-text.h"

/*
 * The Monte Carlo in plain words: "In 8 van de 10 doorrekeningen ligt het
 * tekort in 2030 tussen € 4,1 mln en € 9,0 mln". A sentence is only as
 * precise as the runs behind it:
 *
 * - Amounts are rounded to a power of ten no larger than a tenth of the
 *   spread they come from (P90 − P10 for the range, the bar's length for
 *   the tornado): a spread of € 4,9 mln gives tenths of a million, one of
 *   € 20 mln whole millions. A digit below that step would be noise.
 * - Chances are whole percents from 1.000 runs on, and multiples of 5%
 *   below that: a share p of n runs is uncertain by sqrt(p(1 − p)/n), at
 *   most 1,6 points at 1.000 runs but 3,2 at 250 (the page's quick pass).
 *   They never round to 0% or 100% unless no run or every run did it:
 *   "100%" would claim a certainty the runs did not show.
 *
 * Every sentence is one translatable format string, so that a translator
 * sees it whole.
 */

/**
 * pmd_uncertainty_rounding_step:
 * @spread: the width of what the runs leave open, in euros
 *
 * Returns: the power of ten amounts from that spread are rounded to: at
 *   most a tenth of @spread (at least € 1); 0 for no spread
 */
double
pmd_uncertainty_rounding_step (double spread)
{
  spread = fabs (spread);
  if (!isfinite (spread) || spread < 10.0)
    return spread > 0 && isfinite (spread) ? 1.0 : 0.0;
  return pow (10.0, floor (log10 (spread / 10.0) + 1e-9));
}

/**
 * pmd_uncertainty_format_amount:
 * @value: euros
 * @step: what to round to (pmd_uncertainty_rounding_step()); 0: as the
 *   key figures show amounts
 * @magnitude: the largest amount shown beside it, which picks the unit so
 *   that both ends of a range read alike; 0: @value's own
 *
 * Returns: (transfer full): "€ 4,1 mln", "€ 12 mln", "€ 450.000"
 */
char *
pmd_uncertainty_format_amount (double value,
                               double step,
                               double magnitude)
{
  double a = MAX (fabs (value), fabs (magnitude));
  double rounded;
  int decimals;

  if (step <= 0)
    return pmd_format_euro_compact (value);
  rounded = round (value / step) * step;
  a = MAX (a, fabs (rounded));
  if (a >= 1e9 || step >= 1e8)
    {
      decimals = CLAMP ((int) lround (9.0 - log10 (step)), 0, 2);
      return pmd_format_euro_scaled (rounded, 1e9, decimals);
    }
  if (a >= 999999.5 || step >= 1e5)
    {
      decimals = CLAMP ((int) lround (6.0 - log10 (step)), 0, 2);
      return pmd_format_euro_scaled (rounded, 1e6, decimals);
    }
  return pmd_format_euro_scaled (rounded, 1, 0);
}

/**
 * pmd_uncertainty_round_chance:
 * @count: runs in which it happened
 * @runs: all runs
 *
 * Returns: the chance in percent: whole from 1.000 runs, else a multiple
 *   of 5; 0 and 100 only when no run or every run did it
 */
int
pmd_uncertainty_round_chance (guint count,
                              guint runs)
{
  int unit = runs >= 1000 ? 1 : 5;
  int percent;

  g_return_val_if_fail (runs > 0 && count <= runs, 0);

  if (count == 0)
    return 0;
  if (count == runs)
    return 100;
  percent = (int) lround (100.0 * count / runs / unit) * unit;
  return CLAMP (percent, unit, 100 - unit);
}

/* Where the gap lies in 8 of 10 runs. */
static char *
range_sentence (const PmdMonteCarlo *mc,
                int                  t)
{
  double lo = pmd_monte_carlo_percentile (mc, mc->gap, t, 0.1);
  double hi = pmd_monte_carlo_percentile (mc, mc->gap, t, 0.9);
  double step = pmd_uncertainty_rounding_step (hi - lo);
  double magnitude = MAX (fabs (lo), fabs (hi));
  int year = mc->base_year + t;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (step == 0)
    {
      a = pmd_format_euro_compact (fabs (lo));
      if (lo >= 0)
        return g_strdup_printf (_("Every run gives the same shortfall in %d: %s."), year, a);
      return g_strdup_printf (_("Every run gives the same surplus in %d: %s."), year, a);
    }
  if (lo >= 0)
    {
      a = pmd_uncertainty_format_amount (lo, step, magnitude);
      b = pmd_uncertainty_format_amount (hi, step, magnitude);
      /* Translators: P10–P90 of the funding gap; year, low, high */
      return g_strdup_printf (_("In 8 of 10 runs the shortfall in %d lies between %s and %s."), year, a, b);
    }
  if (hi <= 0)
    {
      /* The surplus from small to large: −P90 to −P10. */
      a = pmd_uncertainty_format_amount (-hi, step, magnitude);
      b = pmd_uncertainty_format_amount (-lo, step, magnitude);
      /* Translators: P10–P90 of the funding gap, all below zero; year, low, high */
      return g_strdup_printf (_("In 8 of 10 runs the surplus in %d lies between %s and %s."), year, a, b);
    }
  a = pmd_uncertainty_format_amount (-lo, step, magnitude);
  b = pmd_uncertainty_format_amount (hi, step, magnitude);
  /* Translators: P10 below zero, P90 above; year, the surplus, the shortfall */
  return g_strdup_printf (_("In 8 of 10 runs the outcome in %d lies between a surplus of %s and a shortfall of %s."),
                          year, a, b);
}

static char *
chance_sentence (const PmdMonteCarlo *mc,
                 int                  t)
{
  guint count = (guint) lround (mc->p_gap_positive[t] * mc->runs);
  int year = mc->base_year + t;
  g_autofree char *runs = pmd_format_number (mc->runs, 0);

  count = MIN (count, mc->runs);
  if (count == 0)
    /* Translators: runs (formatted), year */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The only run (%s) gives no shortfall in %d.",
                                      "None of the %s runs gives a shortfall in %d.", mc->runs),
                            runs, year);
  if (count == mc->runs)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The only run (%s) gives a shortfall in %d.",
                                      "All %s runs give a shortfall in %d.", mc->runs),
                            runs, year);
  /* Translators: year, a whole percentage */
  return g_strdup_printf (_("The chance of a shortfall in %d is %d%%."), year,
                          pmd_uncertainty_round_chance (count, mc->runs));
}

/* The chance of paying back by the plan's own payback year: the year the
 * council is told. Without one, how often the runs do pay back. */
static char *
payback_sentence (const PmdScenario   *sc,
                  const PmdProjection *p,
                  const PmdMonteCarlo *mc)
{
  int last = mc->base_year + mc->n_years - 1;
  guint paid = 0;

  if (!pmd_scenario_has_interventions (sc))
    return NULL;
  if (p->has_payback && p->payback_year >= mc->base_year && p->payback_year <= last)
    {
      for (int t = 0; t <= p->payback_year - mc->base_year; t++)
        paid += mc->payback_counts[t];
      /* Translators: the plan's payback year, a whole percentage */
      return g_strdup_printf (_("The chance that the interventions pay for themselves by %d at the latest is %d%%."),
                              p->payback_year, pmd_uncertainty_round_chance (paid, mc->runs));
    }
  paid = mc->runs - MIN (mc->never_paid_back, mc->runs);
  if (paid == 0)
    return g_strdup_printf (_("The interventions do not pay for themselves by %d, as planned and in every run."), last);
  /* Translators: the last year of the horizon, a whole percentage */
  return g_strdup_printf (_("As planned the interventions do not pay for themselves by %d; in %d%% of the runs they do."),
                          last, pmd_uncertainty_round_chance (paid, mc->runs));
}

/* The top of the tornado: which assumption moves the outcome most. */
static char *
driver_sentence (const PmdScenario *sc,
                 const GArray      *swings,
                 const char        *output,
                 int                year)
{
  const PmdSwing *top;
  const PmdRange *range;
  g_autofree char *words = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *swing = NULL;
  int idx;

  if (swings == NULL || swings->len == 0)
    return NULL;
  top = &g_array_index (swings, PmdSwing, 0);
  idx = pmd_scenario_find_range (sc, top->path);
  if (top->swing <= 0 || idx < 0)
    return NULL;
  range = g_ptr_array_index (sc->ranges, idx);
  words = pmd_scenario_describe_param (sc, top->path);
  low = pmd_scenario_format_param (top->path, range->low);
  high = pmd_scenario_format_param (top->path, range->high);
  swing = pmd_uncertainty_format_amount (top->swing, pmd_uncertainty_rounding_step (top->swing), 0);
  if (output == NULL || g_str_equal (output, "totals.gap"))
    /* Translators: the parameter, its low and high end, the year, the difference */
    return g_strdup_printf (_("The assumption that moves the outcome most is “%s”: between %s and %s the shortfall in %d "
                              "differs by %s."), words, low, high, year, swing);
  {
    g_autofree char *what = pmd_describe_output (sc, output);

    /* Translators: the parameter, its low and high end, the output, the year, the difference */
    return g_strdup_printf (_("The assumption that moves the outcome most is “%s”: between %s and %s, “%s” in %d "
                              "differs by %s."), words, low, high, what, year, swing);
  }
}

/**
 * pmd_uncertainty_text_new:
 * @scenario: the scenario the runs drew from (its variant applied)
 * @projection: its projection: the plan, for the payback year
 * @monte_carlo: the runs
 * @swings: (nullable) (element-type PmdSwing): the tornado, largest first
 * @swing_output: (nullable): what @swings measure; %NULL: "totals.gap"
 * @year: the year to speak of; 0: the last of the horizon
 *
 * Returns: (transfer full): the sentences
 */
PmdUncertaintyText *
pmd_uncertainty_text_new (const PmdScenario   *scenario,
                          const PmdProjection *projection,
                          const PmdMonteCarlo *monte_carlo,
                          const GArray        *swings,
                          const char          *swing_output,
                          int                  year)
{
  PmdUncertaintyText *self;
  int t;

  g_return_val_if_fail (scenario != NULL && projection != NULL && monte_carlo != NULL, NULL);
  g_return_val_if_fail (monte_carlo->runs > 0 && monte_carlo->n_years > 0, NULL);

  if (year == 0)
    year = monte_carlo->base_year + monte_carlo->n_years - 1;
  t = CLAMP (year - monte_carlo->base_year, 0, monte_carlo->n_years - 1);
  self = g_new0 (PmdUncertaintyText, 1);
  self->year = monte_carlo->base_year + t;
  self->range = range_sentence (monte_carlo, t);
  self->chance = chance_sentence (monte_carlo, t);
  self->payback = payback_sentence (scenario, projection, monte_carlo);
  self->driver = driver_sentence (scenario, swings, swing_output, self->year);
  return self;
}

void
pmd_uncertainty_text_free (PmdUncertaintyText *self)
{
  if (self == NULL)
    return;
  g_free (self->range);
  g_free (self->chance);
  g_free (self->payback);
  g_free (self->driver);
  g_free (self);
}

/**
 * pmd_uncertainty_text_to_string:
 * @brief: only the range and the chance (meeting mode)
 *
 * Returns: (transfer full): the sentences, one a line
 */
char *
pmd_uncertainty_text_to_string (const PmdUncertaintyText *self,
                                gboolean                  brief)
{
  const char *parts[] = { self->range, self->chance, self->payback, self->driver };
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < (brief ? 2 : G_N_ELEMENTS (parts)); k++)
    if (parts[k] != NULL)
      g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", parts[k]);
  return g_string_free (out, FALSE);
}
