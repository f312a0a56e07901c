/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-projection.h"

G_BEGIN_DECLS

/*
 * Uncertainty (DESIGN.md §2): Monte Carlo over the ranged parameters,
 * sensitivity (a tornado) and goal seek.
 */

/**
 * PmdMonteCarlo:
 * @runs: the number of runs
 * @n_years: years per run, from @base_year
 * @total: (array): n_years × runs scenario totals, each year's sorted ascending
 *   (by pmd_monte_carlo_run(); pmd_monte_carlo_run_levels() leaves them in
 *   run order and keeps its levels' order statistics aside: read them
 *   through pmd_monte_carlo_percentile())
 * @gap: (array): the same for the gap
 * @savings: (array): the same for the savings
 * @p_gap_positive: (array length=n_years): the share of runs with a gap > 0
 * @payback_counts: (array length=n_years): runs paid back in each year
 * @never_paid_back: runs not paid back within the horizon
 */
typedef struct
{
  guint   runs;
  int     base_year;
  int     n_years;
  double *total;
  double *gap;
  double *savings;
  double *p_gap_positive;
  guint  *payback_counts;
  guint   never_paid_back;

  /*< private >*/
  gboolean sorted;
  guint    n_ranks;
  guint   *ranks;        /* the order statistics the levels need, ascending */
  double  *rank_values;  /* [series (total, gap, savings)][year][rank] */
} PmdMonteCarlo;

typedef void (*PmdProgressFunc) (guint    done,
                                 guint    total,
                                 gpointer user_data);

double         pmd_triangular_sample     (GRand  *rand,
                                          double  low,
                                          double  mode,
                                          double  high);
double         pmd_percentile            (const double *sorted,
                                          guint         n,
                                          double        p);

/* What every screen, chart and report runs unless told otherwise: the same
 * fan everywhere (the window, the export dialog, `piramide chart`, the
 * report and `piramide montecarlo`). */
#define PMD_MONTE_CARLO_DEFAULT_RUNS 2000
#define PMD_MONTE_CARLO_DEFAULT_SEED 1

PmdMonteCarlo *pmd_monte_carlo_run       (const PmdScenario *scenario,
                                          guint              runs,
                                          guint32            seed,
                                          GCancellable      *cancellable,
                                          PmdProgressFunc    progress,
                                          gpointer           user_data,
                                          GError           **error);
PmdMonteCarlo *pmd_monte_carlo_run_levels (const PmdScenario *scenario,
                                           guint              runs,
                                           guint32            seed,
                                           const double      *levels,
                                           guint              n_levels,
                                           GCancellable      *cancellable,
                                           PmdProgressFunc    progress,
                                           gpointer           user_data,
                                           GError           **error);
double         pmd_monte_carlo_percentile (const PmdMonteCarlo *self,
                                           const double        *series,
                                           int                  t,
                                           double               p);
void           pmd_monte_carlo_free      (PmdMonteCarlo *self);

gboolean       pmd_projection_get_output (const PmdProjection *projection,
                                          const PmdScenario   *scenario,
                                          const char          *output,
                                          int                  year,
                                          double              *value,
                                          GError             **error);

/**
 * PmdSwing:
 * @path: the ranged parameter
 * @at_low: the output with the parameter at its low end
 * @at_high: the output with the parameter at its high end
 * @swing: |at_high − at_low|
 */
typedef struct
{
  char  *path;
  double at_low;
  double at_high;
  double swing;
} PmdSwing;

GArray        *pmd_sensitivity           (const PmdScenario *scenario,
                                          const char        *output,
                                          int                year,
                                          double            *base_value,
                                          GError           **error);

void           pmd_goal_seek_span        (const PmdScenario *scenario,
                                          const char        *path,
                                          double            *low,
                                          double            *high);
gboolean       pmd_goal_seek             (const PmdScenario *scenario,
                                          const char        *param,
                                          const char        *output,
                                          int                year,
                                          double             target,
                                          double             low,
                                          double             high,
                                          double            *result,
                                          double            *closest_x,
                                          double            *closest_value,
                                          GError           **error);
char          *pmd_describe_output       (const PmdScenario *scenario,
                                          const char        *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdMonteCarlo, pmd_monte_carlo_free)

G_END_DECLS
