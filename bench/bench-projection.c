/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long a projection takes: the bundled scenario and a generated large
 * one (300 lines, 100 interventions, 30 years), each projected many times
 * into the same storage, as the window does while a slider moves; a Monte
 * Carlo run projected in full and partially (only the lines its ranged
 * parameters reach); 10.000 Monte Carlo runs of the bundled scenario (run
 * under `taskset -c 0` for one core).
 *
 *   ./build/bench/bench-projection [ROUNDS]
 *   valgrind --tool=callgrind ./build/bench/bench-projection 100
 *
 * Not a test: wall-clock numbers depend on the machine; instruction counts
 * from callgrind do not.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"
#include "pmd-bench-scenario.h"

static PmdScenario *
large_scenario (void)
{
  return bench_scenario (300, 100, 30);
}

static void
measure (const char  *label,
         PmdScenario *sc,
         int          rounds)
{
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  g_autoptr(GError) error = NULL;
  PmdParam param;
  double t0, t1, per, line_years;
  double checksum = 0;

  /* The slider path: change one number, project again. */
  if (!pmd_scenario_lookup_param (sc, "scenario.indexation", &param, &error))
    g_error ("%s", error->message);

  pmd_projection_compute (p, sc, NULL);   /* warm up, allocate */
  t0 = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      pmd_param_set (&param, 0.01 + 0.00001 * (r % 100));
      if (!pmd_projection_compute (p, sc, &error))
        g_error ("%s", error->message);
      checksum += p->total_scenario[p->n_years - 1];
    }
  t1 = g_get_monotonic_time ();

  per = (t1 - t0) / rounds;
  line_years = (double) sc->lines->len * (sc->horizon + 1);
  printf ("%-10s %4u lines %3u interventions %3d years: %9.2f µs per projection, %7.2f ns per line-year"
          " (%d rounds, checksum %.0f)\n",
          label, sc->lines->len, sc->interventions->len, sc->horizon + 1, per,
          per * 1000.0 / line_years, rounds, checksum / rounds);
}

/* A Monte Carlo run: every ranged parameter changes, the projection is made
 * again. The full projection against the partial one (pmd_partial_new),
 * which re-projects only the lines the ranged parameters reach. */
static void
measure_partial (const char  *label,
                 PmdScenario *sc,
                 int          rounds)
{
  g_autoptr(PmdProjection) full = pmd_projection_new ();
  g_autoptr(PmdPartial) partial = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **paths = g_new0 (const char *, sc->ranges->len + 1);
  g_autofree PmdParam *params = g_new0 (PmdParam, sc->ranges->len + 1);
  g_autofree double *values = g_new0 (double, sc->ranges->len + 1);
  double t_full, t_partial, sum_full = 0, sum_partial = 0;
  int n_live, n_reached;
  gint64 t0;

  for (guint k = 0; k < sc->ranges->len; k++)
    {
      paths[k] = ((PmdRange *) g_ptr_array_index (sc->ranges, k))->path;
      if (!pmd_scenario_lookup_param (sc, paths[k], &params[k], &error))
        g_error ("%s", error->message);
      values[k] = pmd_param_get (&params[k]);
    }
  partial = pmd_partial_new (sc, paths, sc->ranges->len, &error);
  if (partial == NULL)
    g_error ("%s", error->message);
  pmd_partial_get_counts (partial, &n_live, &n_reached);

#define VARY(r) for (guint k = 0; k < sc->ranges->len; k++) \
                  pmd_param_set (&params[k], values[k] * (1.0 + 0.001 * ((r) % 7)))
  t0 = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      VARY (r);
      pmd_projection_compute (full, sc, NULL);
      sum_full += full->gap[full->n_years - 1];
    }
  t_full = (double) (g_get_monotonic_time () - t0) / rounds;
  t0 = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      VARY (r);
      sum_partial += pmd_partial_compute (partial, sc)->gap[full->n_years - 1];
    }
  t_partial = (double) (g_get_monotonic_time () - t0) / rounds;
#undef VARY
  for (guint k = 0; k < sc->ranges->len; k++)
    pmd_param_set (&params[k], values[k]);

  printf ("%-10s %u ranges: full %8.2f µs, partial %8.2f µs per run (%.1f× faster); "
          "%d of %u lines re-projected, interventions re-run on %d; gap sums differ by %.2g\n",
          label, sc->ranges->len, t_full, t_partial, t_full / t_partial, n_live, sc->lines->len, n_reached,
          fabs (sum_full - sum_partial) / MAX (1.0, fabs (sum_full)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) westland = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(PmdScenario) large = large_scenario ();
  int rounds = argc > 1 ? atoi (argv[1]) : 20000;

  if (westland == NULL)
    g_error ("%s", error->message);
  measure ("westland", westland, rounds);
  measure ("large", large, MAX (1, rounds / 20));
  measure_partial ("westland", westland, rounds);
  /* The large scenario with five ranges: two lines' growth, one's
   * elasticity, an investment's return, the funding's growth. */
  {
    static const char *const ranged[] = { "lines.line-10.growth", "lines.line-20.growth", "lines.line-30.elasticity",
                                          "interventions.iv-5.return", "funding.growth" };
    for (guint k = 0; k < G_N_ELEMENTS (ranged); k++)
      {
        double v = 0;
        if (!pmd_scenario_get_param (large, ranged[k], &v, &error))
          g_error ("%s", error->message);
        g_ptr_array_add (large->ranges, pmd_range_new (ranged[k], v - 0.01, v + 0.01));
      }
    measure_partial ("large", large, MAX (1, rounds / 20));
  }

  /* Monte Carlo: 10.000 runs of the bundled scenario over its 7 ranges,
   * on the threads pmd_monte_carlo_run uses (one per processor). */
  {
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(PmdMonteCarlo) mc = pmd_monte_carlo_run (westland, 10000, 1, NULL, NULL, NULL, &error);
    double ms = (g_get_monotonic_time () - t0) / 1000.0;

    if (mc == NULL)
      g_error ("%s", error->message);
    printf ("montecarlo 10000 runs of westland: %.1f ms on %d threads (%.1f µs per run)\n", ms,
            MIN (g_get_num_processors (), 16), ms * 1000 / 10000);
  }
  return 0;
}
