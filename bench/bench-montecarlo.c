/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Piramide's side of issue 14's table, in process: one projection and
 * 10.000 Monte Carlo runs (on every processor) of the multi and large cases
 * that bench/gen-scenarios.py writes. Each figure is the median of ROUNDS
 * timings (default 9); the Monte Carlo both as the command line asks for it
 * (P10, P50, P90 selected) and with every year sorted (the window's fan).
 *
 *   python3 bench/gen-scenarios.py /tmp/pmd-bench
 *   ./build/bench/bench-montecarlo /tmp/pmd-bench [ROUNDS [CASE]]
 *   valgrind --tool=callgrind ./build/bench/bench-montecarlo /tmp/pmd-bench 1 multi
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"
#include "pmd-bench-scenario.h"

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), bench_compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
time_projection (PmdScenario *sc,
                 int          rounds)
{
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  g_autofree double *us = g_new (double, rounds);
  int inner = sc->lines->len > 100 ? 100 : 10000;

  pmd_projection_compute (p, sc, NULL);
  for (int r = 0; r < rounds; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      for (int i = 0; i < inner; i++)
        pmd_projection_compute (p, sc, NULL);
      us[r] = (double) (g_get_monotonic_time () - t0) / inner;
    }
  return median (us, rounds);
}

static double
time_monte_carlo (PmdScenario *sc,
                  int          rounds,
                  gboolean     sorted)
{
  static const double levels[] = { 0.1, 0.5, 0.9 };
  g_autofree double *ms = g_new (double, rounds);

  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdMonteCarlo) mc = NULL;
      gint64 t0 = g_get_monotonic_time ();

      mc = sorted ? pmd_monte_carlo_run (sc, 10000, 1, NULL, NULL, NULL, &error)
                  : pmd_monte_carlo_run_levels (sc, 10000, 1, levels, 3, NULL, NULL, NULL, &error);
      if (mc == NULL)
        g_error ("%s", error->message);
      /* What the command line reads. */
      for (int t = 0; t < mc->n_years; t++)
        for (int l = 0; l < 3; l++)
          pmd_monte_carlo_percentile (mc, mc->gap, t, levels[l]);
      ms[r] = (double) (g_get_monotonic_time () - t0) / 1000.0;
    }
  return median (ms, rounds);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "/tmp/pmd-bench";
  int rounds = argc > 2 ? atoi (argv[2]) : 9;
  const char *names[] = { "multi", "large" };
  const char *only = argc > 3 ? argv[3] : NULL;

  printf ("%d threads; medians of %d rounds\n", g_get_num_processors (), rounds);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.piramide", dir, names[k]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdScenario) sc = NULL;

      if (only != NULL && !g_str_equal (only, names[k]))
        continue;
      sc = pmd_scenario_load_file (path, &error);
      if (sc == NULL)
        g_error ("%s (run bench/gen-scenarios.py %s first)", error->message, dir);
      printf ("%-5s %3u lines %3u interventions %2d years %u ranges: projection %8.2f µs; "
              "Monte Carlo 10.000 runs %7.2f ms (P10/P50/P90), %7.2f ms (sorted)\n",
              names[k], sc->lines->len, sc->interventions->len, sc->horizon + 1, sc->ranges->len,
              time_projection (sc, rounds), time_monte_carlo (sc, rounds, FALSE),
              time_monte_carlo (sc, rounds, TRUE));
    }
  return 0;
}
