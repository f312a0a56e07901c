/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Is the projection linear at any size? Projections of generated scenarios
 * (31 years) from 30 to 3.000 lines (one intervention per three lines, as
 * the large case) and from 10 to 1.000 interventions (300 lines): time per
 * line-year and per item-year (lines and interventions, each a step per
 * year), the fastest of ROUNDS, and each row as a multiple of the cheapest.
 * With LINES and INTERVENTIONS, that size alone (for perf stat -e cycles,
 * which other processes on a busy machine do not disturb).
 *
 *   ./build/bench/bench-scaling [ROUNDS [LINES INTERVENTIONS]]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pmd-bench-scenario.h"

/* Median ns per projection. */
static double
time_projection (PmdScenario *sc,
                 int          rounds)
{
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  g_autofree double *ns = g_new (double, rounds);
  /* About 30 ms a round whatever the size. */
  int inner = MAX (1, 2000000 / (int) ((sc->lines->len + sc->interventions->len) * (sc->horizon + 1)));

  pmd_projection_compute (p, sc, NULL);
  for (int r = 0; r < rounds; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      for (int i = 0; i < inner; i++)
        pmd_projection_compute (p, sc, NULL);
      ns[r] = (double) (g_get_monotonic_time () - t0) * 1000.0 / inner;
    }
  qsort (ns, rounds, sizeof (double), bench_compare_double);
  /* The fastest round: on a machine shared with others, the one least
   * disturbed by them. */
  return ns[0];
}

int
main (int    argc,
      char **argv)
{
  static const int sizes[][2] = {
    { 30, 10 }, { 100, 33 }, { 300, 100 }, { 1000, 333 }, { 3000, 1000 },
    { 300, 10 }, { 300, 1000 },
  };
  int rounds = argc > 1 ? atoi (argv[1]) : 7;

  if (argc > 3)
    {
      g_autoptr(PmdScenario) sc = bench_scenario (atoi (argv[2]), atoi (argv[3]), 31);
      printf ("%.2f ns per projection\n", time_projection (sc, rounds));
      return 0;
    }
  double per_line[G_N_ELEMENTS (sizes)], per_item[G_N_ELEMENTS (sizes)];
  double best_line = G_MAXDOUBLE, best_item = G_MAXDOUBLE;

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(PmdScenario) sc = bench_scenario (sizes[k][0], sizes[k][1], 31);
      double ns = time_projection (sc, rounds);

      per_line[k] = ns / (sizes[k][0] * 31.0);
      per_item[k] = ns / ((sizes[k][0] + sizes[k][1]) * 31.0);
      best_line = MIN (best_line, per_line[k]);
      best_item = MIN (best_item, per_item[k]);
    }
  printf ("lines  interventions  ns per line-year  ×     ns per item-year  ×\n");
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    printf ("%5d  %13d  %16.2f  %4.2f  %16.2f  %4.2f\n", sizes[k][0], sizes[k][1], per_line[k],
            per_line[k] / best_line, per_item[k], per_item[k] / best_item);
  return 0;
}
