/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-test-utils.h"

/*
 * The worked example of tests/README.md: two layers, two domains, one cohort
 * doubling in ten years, a top line "l1" driven by it and a base line "l2"
 * without clients; an invest "i1" and a shift "i2", both taking from l1.
 */
PmdScenario *
pmd_test_scenario_two_lines (void)
{
  PmdScenario *sc = pmd_scenario_new ();
  PmdCohort *c;
  PmdLine *l1, *l2;
  PmdIntervention *i1, *i2;

  g_free (sc->name);
  sc->name = g_strdup ("test");
  sc->base_year = 2026;
  sc->horizon = 4;
  sc->indexation = 0.02;
  sc->discount_rate = 0.05;

  g_ptr_array_add (sc->layers, pmd_layer_new ("basis", "Basis"));
  g_ptr_array_add (sc->layers, pmd_layer_new ("top", "Top"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("d1", "D1"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("d2", "D2"));

  c = pmd_cohort_new ("c", "Cohort");
  pmd_cohort_add_point (c, 2026, 1000);
  pmd_cohort_add_point (c, 2036, 2000);
  g_ptr_array_add (sc->cohorts, c);

  l1 = pmd_line_new ("l1", "Line 1", "top", "d1", 1000000);
  l1->clients = 100;
  l1->has_clients = TRUE;
  l1->driver = g_strdup ("c");
  l1->elasticity = 0.5;
  l1->growth = 0.01;
  pmd_line_add_step (l1, 2028, 0.10);
  g_ptr_array_add (sc->lines, l1);

  l2 = pmd_line_new ("l2", "Line 2", "basis", "d2", 500000);
  l2->indexation = 0.0;       /* its own 0, not the scenario's 2% */
  l2->has_indexation = TRUE;
  g_ptr_array_add (sc->lines, l2);

  i1 = pmd_intervention_new ("i1", PMD_INTERVENTION_INVEST, "l1", "l2", 2027);
  i1->amount = 100000;
  i1->ret = 2.0;
  i1->lag = 1;
  i1->ramp_years = 2;
  i1->one_off = 50000;
  i1->end = 2029;
  i1->has_end = TRUE;
  g_ptr_array_add (sc->interventions, i1);

  i2 = pmd_intervention_new ("i2", PMD_INTERVENTION_SHIFT, "l1", "l2", 2028);
  i2->fraction = 0.2;
  i2->cost_ratio = 0.5;
  i2->structural = 10000;
  g_ptr_array_add (sc->interventions, i2);

  sc->funding.base = 1600000;
  sc->funding.growth = 0.01;
  pmd_funding_add_step (&sc->funding, 2026, -100000);
  pmd_funding_add_step (&sc->funding, 2029, 50000);

  {
    g_autoptr(GError) error = NULL;
    g_assert_true (pmd_scenario_validate (sc, &error));
    g_assert_no_error (error);
  }
  return sc;
}

/* One layer, one domain, one line "a" (no clients) and a second line "b" of
 * zero cost to receive interventions. */
PmdScenario *
pmd_test_scenario_one_line (double base_cost)
{
  PmdScenario *sc = pmd_scenario_new ();
  g_autoptr(GError) error = NULL;

  sc->base_year = 2030;
  sc->horizon = 5;
  g_ptr_array_add (sc->layers, pmd_layer_new ("layer", "Layer"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("dom", "Domain"));
  g_ptr_array_add (sc->lines, pmd_line_new ("a", "A", "layer", "dom", base_cost));
  g_ptr_array_add (sc->lines, pmd_line_new ("b", "B", "layer", "dom", 0));
  g_assert_true (pmd_scenario_validate (sc, &error));
  g_assert_no_error (error);
  return sc;
}

double
pmd_test_series_at (const double        *series,
                    const PmdProjection *p,
                    int                  item,
                    int                  year)
{
  int t = pmd_projection_year_index (p, year);

  g_assert_cmpint (t, >=, 0);
  return series[item * p->n_years + t];
}
