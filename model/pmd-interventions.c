/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pmd-projection-private.h"
#include "pmd-simd-private.h"

/*
 * What an intervention does (DESIGN.md §2), for every year at once: every
 * year is computed on its own, so the projection applies the interventions
 * one after the other in list order, each to all the years of its source's
 * and target's rows, instead of all of them year after year. That is a
 * loop over the years of two rows, which -O3 (this file is built with it)
 * makes vector instructions of; a year-by-year pass touched every line and
 * every intervention per year, and its cost per line grew with the number
 * of interventions. The explanations take one year at a time through
 * _pmd_intervention_apply(), the same code with rows of one year.
 */

/* An intervention's numbers, read once. */
typedef struct
{
  int      from;                          /* start + lag */
  int      ramp_years;
  double   fraction, ratio, structural;   /* shift */
  double   given, amount;                 /* invest: return × amount, and amount */
  double   spent;                         /* what it spends a year */
} Step;

/* One year: the source's and target's cost and clients, @r the ramp. */
G_ALWAYS_INLINE static inline void
step (const Step *p,
      gboolean    shift,
      double      r,
      double     *source_cost,
      double     *target_cost,
      double     *source_clients,
      double     *target_clients,
      double     *investment)
{
  double source = *source_cost, clients = *source_clients;

  if (shift)
    {
      double share = p->fraction * r;
      double moved = share * source;
      double moved_clients = share * clients;

      *source_cost = source - moved;
      *target_cost += p->ratio * moved;
      /* Clients move only from a line that counts them, and are counted
       * only on a line that does. */
      *source_clients = isnan (clients) ? clients : clients - moved_clients;
      *target_clients = isnan (clients) || isnan (*target_clients) ? *target_clients : *target_clients + moved_clients;
      *target_cost += p->structural;
    }
  else
    {
      double cap = p->given * r;
      double avoided = cap < source ? cap : source;

      *target_cost += p->amount;
      /* Clients in proportion to the cost avoided, none from a line that
       * costs nothing. */
      *source_clients = source != 0.0 && !isnan (clients) ? clients - clients * (avoided / source) : clients;
      *source_cost = source - avoided;
    }
  *investment += p->spent;
}

/* ramp(y) of DESIGN.md §2, as _pmd_ramp(). */
G_ALWAYS_INLINE static inline double
ramp_at (int year,
         int from,
         int ramp_years)
{
  return year < from ? 0.0 : MIN (1.0, (double) (year - from + 1) / (double) ramp_years);
}

/* Years @t to @last of the rows: the years before the ramp reaches 1 (it
 * does so exactly at start + lag + ramp_years − 1; only there a division)
 * and the years after, each a loop of its own. With @shift a constant,
 * each loop is of one kind of intervention. */
G_ALWAYS_INLINE static inline void
years (const Step *p,
       gboolean    shift,
       int         first_year,
       int         t,
       int         last,
       double     *restrict cs,
       double     *restrict cg,
       double     *restrict ks,
       double     *restrict kg,
       double     *restrict spent)
{
  int full = CLAMP (p->from + p->ramp_years - 1 - first_year, t, last + 1);

  /* The rows are distinct (a source is not its target): no checks. */
#pragma GCC ivdep
  for (; t < full; t++)
    step (p, shift, ramp_at (first_year + t, p->from, p->ramp_years), &cs[t], &cg[t], &ks[t], &kg[t], &spent[t]);
#pragma GCC ivdep
  for (; t <= last; t++)
    step (p, shift, 1.0, &cs[t], &cg[t], &ks[t], &kg[t], &spent[t]);
}

/**
 * _pmd_intervention_apply_rows:
 * @iv: an intervention of a resolved scenario, its source not its target
 * @first_year: the year of each row's first entry
 * @n: entries per row (years)
 * @cost: (inout): per line a row of @n years (`[line * n + t]`): the cost
 *   as the interventions before @iv left it
 * @clients: (inout): the same for the clients, NaN where a line has none
 * @investment: (inout): per year, what @iv spends that year is added
 *
 * In each year: @iv moves or avoids cost on its source, gives its target
 * what moves there, and books what it spends on its target.
 */
PMD_SIMD_CLONES void
_pmd_intervention_apply_rows (const PmdIntervention *iv,
                              int                    first_year,
                              int                    n,
                              double                *cost,
                              double                *clients,
                              double                *investment)
{
  double *cs = cost + (gsize) iv->source_idx * n;
  double *cg = cost + (gsize) iv->target_idx * n;
  double *ks = clients + (gsize) iv->source_idx * n;
  double *kg = clients + (gsize) iv->target_idx * n;
  gboolean shift = iv->type == PMD_INTERVENTION_SHIFT;
  int t = MAX (0, iv->start - first_year);
  int last = iv->has_end ? MIN (n - 1, iv->end - first_year) : n - 1;
  Step p = {
    .from = iv->start + iv->lag, .ramp_years = iv->ramp_years,
    .fraction = iv->fraction, .ratio = iv->cost_ratio, .structural = iv->structural,
    .given = iv->ret * iv->amount, .amount = iv->amount,
    .spent = shift ? iv->structural : iv->amount,
  };

  double before;

  if (!iv->enabled || t > last)
    return;
  before = investment[t];
  if (shift)
    years (&p, TRUE, first_year, t, last, cs, cg, ks, kg, investment);
  else
    years (&p, FALSE, first_year, t, last, cs, cg, ks, kg, investment);

  /* In its start year it also spends the one-off, on its target: what it
   * spends that year is added as one amount. */
  if (iv->start - first_year == t)
    {
      cg[t] += iv->one_off;
      investment[t] = before + (p.spent + iv->one_off);
    }
}

/**
 * _pmd_intervention_apply:
 * @iv: an intervention of a resolved scenario
 * @year: a year
 * @cost: (inout): every line's cost that year, as the interventions before
 *   @iv left it
 * @clients: (inout): every line's clients, NaN where a line has none
 *
 * What one intervention does in one year: _pmd_intervention_apply_rows()
 * on rows of one year.
 *
 * Returns: what it spends that year
 */
double
_pmd_intervention_apply (const PmdIntervention *iv,
                         int                    year,
                         double                *cost,
                         double                *clients)
{
  double spent = 0.0;

  _pmd_intervention_apply_rows (iv, year, 1, cost, clients, &spent);
  return spent;
}
