/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The benchmarks' generated scenario (bench-projection, bench-scaling): as
 * bench/gen-scenarios.py's large case, of any size. @years years,
 * @n_lines lines, @n_interventions interventions.
 */

#include "pmd-model.h"

/* For qsort: doubles ascending. */
static inline int
bench_compare_double (const void *a,
                      const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static inline PmdScenario *
bench_scenario (int n_lines,
                int n_interventions,
                int years)
{
  PmdScenario *sc = pmd_scenario_new ();
  g_autoptr(GError) error = NULL;
  PmdCohort *c;

  sc->base_year = 2026;
  sc->horizon = years - 1;
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

  for (int i = 0; i < n_lines; i++)
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
  for (int k = 0; k < n_interventions; k++)
    {
      g_autofree char *id = g_strdup_printf ("iv-%d", k);
      g_autofree char *source = g_strdup_printf ("line-%d", (k * 7) % n_lines);
      g_autofree char *target = g_strdup_printf ("line-%d", (k * 7 + 1) % n_lines);
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

