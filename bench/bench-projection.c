/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long a projection takes: the bundled scenario and a generated large
 * one (300 lines, 100 interventions, 30 years), each projected many times
 * into the same storage, as the window does while a slider moves.
 *
 *   ./build/bench/bench-projection [ROUNDS]
 *   valgrind --tool=callgrind ./build/bench/bench-projection 100
 *
 * Not a test: wall-clock numbers depend on the machine; instruction counts
 * from callgrind do not.
 */
#include "config.h"

#include <stdio.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"

static PmdScenario *
large_scenario (void)
{
  PmdScenario *sc = pmd_scenario_new ();
  g_autoptr(GError) error = NULL;
  PmdCohort *c;

  sc->base_year = 2026;
  sc->horizon = 29;   /* 30 years */
  sc->indexation = 0.02;
  for (int l = 0; l < 3; l++)
    {
      g_autofree char *id = g_strdup_printf ("layer-%d", l);
      g_ptr_array_add (sc->layers, pmd_layer_new (id, id));
    }
  for (int d = 0; d < 6; d++)
    {
      g_autofree char *id = g_strdup_printf ("domain-%d", d);
      g_ptr_array_add (sc->domains, pmd_domain_new (id, id));
    }
  c = pmd_cohort_new ("old", "old");
  pmd_cohort_add_point (c, 2020, 6400);
  pmd_cohort_add_point (c, 2040, 12500);
  g_ptr_array_add (sc->cohorts, c);

  for (int i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("line-%d", i);
      g_autofree char *layer = g_strdup_printf ("layer-%d", i % 3);
      g_autofree char *domain = g_strdup_printf ("domain-%d", i % 6);
      PmdLine *l = pmd_line_new (id, id, layer, domain, 100000 + 1000 * i);

      l->clients = 10 + i;
      l->has_clients = i % 4 != 0;
      l->growth = 0.001 * (i % 20);
      if (i % 2 == 0)
        {
          l->driver = g_strdup ("old");
          l->elasticity = 0.8;
        }
      if (i % 5 == 0)
        pmd_line_add_step (l, 2030, -0.02);
      g_ptr_array_add (sc->lines, l);
    }
  for (int k = 0; k < 100; k++)
    {
      g_autofree char *id = g_strdup_printf ("iv-%d", k);
      g_autofree char *source = g_strdup_printf ("line-%d", (k * 7) % 300);
      g_autofree char *target = g_strdup_printf ("line-%d", (k * 7 + 1) % 300);
      PmdIntervention *iv = pmd_intervention_new (id, k % 2 ? PMD_INTERVENTION_SHIFT : PMD_INTERVENTION_INVEST,
                                                  source, target, 2027 + k % 5);
      iv->fraction = 0.1;
      iv->cost_ratio = 0.4;
      iv->amount = 5000;
      iv->ret = 1.5;
      iv->lag = k % 3;
      iv->ramp_years = 1 + k % 4;
      g_ptr_array_add (sc->interventions, iv);
    }
  sc->funding.base = 1e8;
  if (!pmd_scenario_validate (sc, &error))
    g_error ("%s", error->message);
  return sc;
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

  /* Monte Carlo: 10.000 runs of the bundled scenario over its 7 ranges,
   * on the two threads pmd_monte_carlo_run uses. */
  {
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(PmdMonteCarlo) mc = pmd_monte_carlo_run (westland, 10000, 1, NULL, NULL, NULL, &error);
    double ms = (g_get_monotonic_time () - t0) / 1000.0;

    if (mc == NULL)
      g_error ("%s", error->message);
    printf ("montecarlo 10000 runs of westland: %.1f ms on two threads (%.1f µs per run)\n", ms, ms * 1000 / 10000);
  }
  return 0;
}
