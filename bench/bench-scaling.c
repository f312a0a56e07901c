/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Is the projection linear at any size? Issue 14: projection time per
 * line-year within 1,5× from 30 to 3.000 lines and from 10 to 1.000
 * interventions. Projections of generated scenarios (31 years), two ways:
 * lines from 30 to 3.000 (one intervention per three lines, as the large
 * case), and interventions from 10 to 1.000 on 300 lines. Each size is
 * timed as the fastest of ROUNDS rounds (on a machine shared with others,
 * the one least disturbed); each row is shown as ns per line-year and as a
 * multiple of the cheapest row of its sweep, and the criterion is checked:
 * in each sweep, the dearest line-year costs at most 1,5 times the
 * cheapest. (ns per item-year, lines and interventions together, is shown
 * for reference.) With LINES and INTERVENTIONS, that size alone.
 *
 *   ./build/bench/bench-scaling [ROUNDS [LINES INTERVENTIONS]]
 *
 * Exits 1 when the criterion is not met.
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

#define CRITERION 1.5

/* Times one sweep, prints its rows; returns the dearest over the cheapest. */
static double
sweep (const char *title,
       const int (*sizes)[2],
       guint       n_sizes,
       int         rounds)
{
  g_autofree double *per_line = g_new (double, n_sizes);
  g_autofree double *per_item = g_new (double, n_sizes);
  double best = G_MAXDOUBLE, worst = 0;

  for (guint k = 0; k < n_sizes; k++)
    {
      g_autoptr(PmdScenario) sc = bench_scenario (sizes[k][0], sizes[k][1], 31);
      double ns = time_projection (sc, rounds);

      per_line[k] = ns / (sizes[k][0] * 31.0);
      per_item[k] = ns / ((sizes[k][0] + sizes[k][1]) * 31.0);
      best = MIN (best, per_line[k]);
      worst = MAX (worst, per_line[k]);
    }
  printf ("%s\nlines  interventions  ns per line-year  ×     ns per item-year\n", title);
  for (guint k = 0; k < n_sizes; k++)
    printf ("%5d  %13d  %16.2f  %4.2f  %16.2f\n", sizes[k][0], sizes[k][1], per_line[k], per_line[k] / best,
            per_item[k]);
  printf ("dearest / cheapest line-year: %.2f (at most %.1f: %s)\n\n", worst / best, CRITERION,
          worst / best <= CRITERION ? "met" : "NOT met");
  return worst / best;
}

int
main (int    argc,
      char **argv)
{
  static const int lines[][2] = { { 30, 10 }, { 100, 33 }, { 300, 100 }, { 1000, 333 }, { 3000, 1000 } };
  static const int interventions[][2] = { { 300, 10 }, { 300, 100 }, { 300, 1000 } };
  int rounds = argc > 1 ? atoi (argv[1]) : 7;
  double a, b;

  if (argc > 3)
    {
      g_autoptr(PmdScenario) sc = bench_scenario (atoi (argv[2]), atoi (argv[3]), 31);
      printf ("%.2f ns per projection\n", time_projection (sc, rounds));
      return 0;
    }
  a = sweep ("Lines from 30 to 3.000 (an intervention per three lines), 31 years", lines, G_N_ELEMENTS (lines),
             rounds);
  b = sweep ("Interventions from 10 to 1.000 on 300 lines, 31 years", interventions, G_N_ELEMENTS (interventions),
             rounds);
  printf ("Issue 14, linear at any size: time per line-year within %.1f× across each sweep: %s\n", CRITERION,
          a <= CRITERION && b <= CRITERION ? "met" : "NOT met");
  return a <= CRITERION && b <= CRITERION ? 0 : 1;
}
