/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pmd-test-utils.h"

#define L1 0
#define L2 1

static PmdProjection *
project (PmdScenario *sc)
{
  g_autoptr(GError) error = NULL;
  PmdProjection *p;

  g_assert_true (pmd_scenario_validate (sc, &error));
  g_assert_no_error (error);
  p = pmd_project (sc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* Cohorts: geometric between points, the nearest segment's rate outside. */
static void
test_cohort_interpolation (void)
{
  g_autoptr(PmdScenario) sc = pmd_scenario_new ();
  PmdCohort *c = pmd_cohort_new ("c", "C");
  PmdCohort *single = pmd_cohort_new ("s", "S");
  PmdCohort *three = pmd_cohort_new ("t", "T");

  pmd_cohort_add_point (c, 2020, 6400);
  pmd_cohort_add_point (c, 2040, 12500);
  /* On a point: the point itself. */
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (c, 2020), 6400, 1e-9);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (c, 2040), 12500, 1e-9);
  /* Halfway: 6400 × (12500/6400)^(10/20) = 6400 × √1.953125 = 8944.27191 */
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (c, 2030), 8944.271909999159, 1e-6);
  /* The yearly rate: 1.953125^(1/20) − 1 = 3.4038% (DESIGN.md's example). */
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (c, 2021) / 6400 - 1, 0.034038, 1e-6);
  /* After the last point the rate continues: 12500 × 1.953125^(5/20)
   * = 12500 × 1.18217701 = 14777.2126 */
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (c, 2045), 14777.2126407, 1e-4);
  /* Before the first: 6400 × 1.953125^(−10/20) = 4579.45 */
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (c, 2010), 4579.467217, 1e-4);

  /* A single point is constant. */
  pmd_cohort_add_point (single, 2026, 27000);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (single, 1990), 27000, 1e-9);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (single, 2100), 27000, 1e-9);

  /* Three points: each segment its own rate; outside, the nearest one's.
   * (2020,100) (2030,200) (2040,200): 2025 → 100√2; 2035 → 200 (flat);
   * 2010 → 100 × 2^(−1) = 50; 2050 → 200 (the last segment is flat). */
  pmd_cohort_add_point (three, 2020, 100);
  pmd_cohort_add_point (three, 2030, 200);
  pmd_cohort_add_point (three, 2040, 200);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (three, 2025), 141.4213562373095, 1e-9);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (three, 2035), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (three, 2010), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (pmd_cohort_value_at (three, 2050), 200, 1e-9);

  pmd_cohort_free (c);
  pmd_cohort_free (single);
  pmd_cohort_free (three);
}

/*
 * Baseline of l1 (tests/pmd-test-utils.c): D(y) = 2^((y − 2026)/10),
 * volume = 1.01^t × (1 + 0.5 × (D − 1)) × (1.1 from 2028), price = 1.02^t.
 *   2026: 1e6 × 1 = 1,000,000; clients 100
 *   2027: 1e6 × 1.01 × (1 + 0.5 × (2^0.1 − 1)) × 1.02
 *       = 1e6 × 1.01 × 1.0358867 × 1.02 = 1,067,170.51; clients 104.62456
 *   2028: 1e6 × 1.0201 × (1 + 0.5 × (2^0.2 − 1)) × 1.1 × 1.0404
 *       = 1e6 × 1.0201 × 1.0743492 × 1.1 × 1.0404 = 1,254,241.69; clients 120.55380
 *   2030: 1e6 × 1.01^4 × (1 + 0.5 × (2^0.4 − 1)) × 1.1 × 1.02^4 = 1,436,960.17
 * l2 has its own indexation 0 (not the scenario's 2%): 500,000 every year.
 */
static void
test_baseline (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = project (sc);

  g_assert_cmpint (p->n_years, ==, 5);
  g_assert_cmpint (p->base_year, ==, 2026);
  assert_euro (pmd_test_series_at (p->line_baseline, p, L1, 2026), 1000000.0);
  assert_euro (pmd_test_series_at (p->line_baseline, p, L1, 2027), 1067170.5105524447);
  assert_euro (pmd_test_series_at (p->line_baseline, p, L1, 2028), 1254241.688967601);
  assert_euro (pmd_test_series_at (p->line_baseline, p, L1, 2030), 1436960.1676300857);
  g_assert_cmpfloat_with_epsilon (pmd_test_series_at (p->line_baseline_clients, p, L1, 2027), 104.6245598580828, 1e-9);
  g_assert_cmpfloat_with_epsilon (pmd_test_series_at (p->line_baseline_clients, p, L1, 2028), 120.55379555628613, 1e-9);
  for (int y = 2026; y <= 2030; y++)
    {
      assert_euro (pmd_test_series_at (p->line_baseline, p, L2, y), 500000.0);
      g_assert_true (isnan (pmd_test_series_at (p->line_baseline_clients, p, L2, y)));
    }
}

/*
 * Scenario, year by year (interventions in list order, each on the cost
 * its source has after the ones before):
 *   2027: i1 invest is active (start 2027) but in its lag year: ramp 0, so
 *         nothing is avoided; its amount 100,000 and one-off 50,000 go to l2.
 *         i2 starts in 2028. l1 = 1,067,170.51, l2 = 650,000, investment 150,000.
 *   2028: i1 ramp = min(1, (2028 − 2027 − 1 + 1)/2) = 0.5: avoided =
 *         min(2 × 100,000 × 0.5, l1) = 100,000 → l1 = 1,154,241.69;
 *         clients 120.55380 × (1 − 100,000/1,254,241.69) = 110.94211.
 *         i2: moved = 0.2 × 1,154,241.69 = 230,848.34 → l1 = 923,393.35,
 *         l2 = 500,000 + 100,000 + 0.5 × 230,848.34 + 10,000 = 725,424.17;
 *         clients × 0.8 = 88.75369 (l2 has none: stays null).
 *         investment = 100,000 + 10,000.
 *   2029: i1 ramp 1: avoided 200,000 → l1 = 1,141,698.73, then i2 moves
 *         228,339.75: l1 = 913,358.98, l2 = 500,000 + 100,000 + 114,169.87
 *         + 10,000 = 724,169.87.
 *   2030: i1 has ended (end 2029): only i2. l1 = 0.8 × 1,436,960.17 =
 *         1,149,568.13; l2 = 500,000 + 0.5 × 287,392.03 + 10,000 = 653,696.02.
 */
static void
test_scenario_interventions (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = project (sc);
  static const double l1[] = { 1000000.0, 1067170.5105524447, 923393.3511740807, 913358.9811178608, 1149568.1341040686 };
  static const double l2[] = { 500000.0, 650000.0, 725424.1688967601, 724169.8726397327, 653696.0167630085 };
  static const double clients[] = { 100.0, 104.6245598580828, 88.75368619512503, 86.06785673664925, 106.20232625978784 };
  static const double investment[] = { 0, 150000, 110000, 110000, 10000 };

  for (int t = 0; t < 5; t++)
    {
      assert_euro (p->line_scenario[L1 * 5 + t], l1[t]);
      assert_euro (p->line_scenario[L2 * 5 + t], l2[t]);
      g_assert_cmpfloat_with_epsilon (p->line_scenario_clients[L1 * 5 + t], clients[t], 1e-9);
      g_assert_true (isnan (p->line_scenario_clients[L2 * 5 + t]));
      assert_euro (p->investment[t], investment[t]);
    }
}

/*
 * Totals from the figures above:
 *   baseline = l1 + 500,000; scenario = l1' + l2'; savings = baseline − scenario
 *   savings  = [0, −150,000, 105,424.17, 204,169.87, 133,696.02]
 *   S(y)     = [0, −150,000, −44,575.83, 159,594.04, 293,290.06] → payback 2029
 *   funding  = 1.6e6 × 1.01^t − 100,000 (from 2026) + 50,000 (from 2029):
 *              [1,500,000, 1,516,000, 1,532,160, 1,598,481.60, 1,614,966.42]
 *   gap      = scenario − funding
 *   npv      = Σ savings / 1.05^t = −142,857.14 + 95,622.83 + 176,369.66
 *              + 109,992.00 = 239,127.34
 */
static void
test_totals (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = project (sc);
  static const double savings[] = { 0.0, -150000.0, 105424.1688967601, 204169.87263973267, 133696.01676300867 };
  static const double cumulative[] = { 0.0, -150000.0, -44575.83110323991, 159594.04153649276, 293290.0582995014 };
  static const double funding[] = { 1500000.0, 1516000.0, 1532160.0, 1598481.6, 1614966.416 };
  static const double scenario[] = { 1500000.0, 1717170.5105524447, 1648817.5200708408, 1637528.8537575933, 1803264.150867077 };

  for (int t = 0; t < 5; t++)
    {
      assert_euro (p->total_scenario[t], scenario[t]);
      assert_euro (p->savings[t], savings[t]);
      assert_euro (p->cumulative_savings[t], cumulative[t]);
      assert_euro (p->funding[t], funding[t]);
      assert_euro (p->gap[t], scenario[t] - funding[t]);
    }
  g_assert_true (p->has_payback);
  g_assert_cmpint (p->payback_year, ==, 2029);
  assert_euro (p->npv, 239127.34240848696);

  /* Layers and domains: l1 is "top"/"d1", l2 "basis"/"d2". */
  for (int t = 0; t < 5; t++)
    {
      assert_euro (p->layer_scenario[1 * 5 + t], p->line_scenario[L1 * 5 + t]);
      assert_euro (p->layer_scenario[0 * 5 + t], p->line_scenario[L2 * 5 + t]);
      assert_euro (p->domain_baseline[0 * 5 + t], p->line_baseline[L1 * 5 + t]);
      assert_euro (p->domain_baseline[1 * 5 + t], 500000.0);
      /* Clients of a layer count only lines with clients: basis has none. */
      g_assert_cmpfloat (p->layer_scenario_clients[0 * 5 + t], ==, 0.0);
    }
}

/* The pyramid in 2028, scenario: basis 725,424.17 of 1,648,817.52 = 44.0%
 * of the money and 0 of the 88.75 clients; top 923,393.35 = 56.0%, 100%. */
static void
test_pyramid (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = project (sc);
  PmdPyramidLayer layers[2];

  g_assert_true (pmd_projection_get_pyramid (p, 2028, PMD_CASE_SCENARIO, layers));
  g_assert_cmpfloat_with_epsilon (layers[0].cost_share, 725424.1688967601 / 1648817.5200708408, 1e-12);
  g_assert_cmpfloat_with_epsilon (layers[1].cost_share, 923393.3511740807 / 1648817.5200708408, 1e-12);
  g_assert_cmpfloat_with_epsilon (layers[0].client_share, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (layers[1].client_share, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (layers[1].clients, 88.75368619512503, 1e-9);

  /* The base year's baseline: 500,000 / 1,500,000 and 1,000,000 / 1,500,000. */
  g_assert_true (pmd_projection_get_pyramid (p, 2026, PMD_CASE_BASELINE, layers));
  g_assert_cmpfloat_with_epsilon (layers[0].cost_share, 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (layers[1].cost_share, 2.0 / 3.0, 1e-12);

  g_assert_false (pmd_projection_get_pyramid (p, 2031, PMD_CASE_SCENARIO, layers));
  g_assert_false (pmd_projection_get_pyramid (p, 2025, PMD_CASE_SCENARIO, layers));
}

/* ramp(y) = 0 before start + lag, then min(1, (y − start − lag + 1)/ramp_years):
 * an invest of 300 with return 1, start 2031, lag 1, ramp 3 on a line of
 * 1,000: avoided 0 (2031), 100 (2032), 200 (2033), 300 (2034, 2035).
 * The amount is spent from 2031 on, lag year included. */
static void
test_ramp_and_lag (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  PmdIntervention *iv = pmd_intervention_new ("i", PMD_INTERVENTION_INVEST, "a", "b", 2031);
  static const double a[] = { 1000, 1000, 900, 800, 700, 700 };
  static const double b[] = { 0, 300, 300, 300, 300, 300 };

  iv->amount = 300;
  iv->ret = 1;
  iv->lag = 1;
  iv->ramp_years = 3;
  g_ptr_array_add (sc->interventions, iv);
  p = project (sc);
  for (int t = 0; t < 6; t++)
    {
      assert_euro (p->line_scenario[0 * 6 + t], a[t]);
      assert_euro (p->line_scenario[1 * 6 + t], b[t]);
      /* savings = 1,000 − (a + b): 0, −300, −200, −100, 0, 0 */
      assert_euro (p->savings[t], 1000 - a[t] - b[t]);
    }
  /* S = 0, −300, −500, −600, −600, −600: never positive → no payback. */
  g_assert_false (p->has_payback);
}

/* The avoided cost is capped at the source's current cost; clients go with
 * it. A source of 100 with an invest avoiding 5 × 50 = 250 drops to 0. */
static void
test_invest_capped (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (100);
  g_autoptr(PmdProjection) p = NULL;
  PmdLine *a = g_ptr_array_index (sc->lines, 0);
  PmdLine *b = g_ptr_array_index (sc->lines, 1);
  PmdIntervention *iv = pmd_intervention_new ("i", PMD_INTERVENTION_INVEST, "a", "b", 2030);

  a->clients = 10;
  a->has_clients = TRUE;
  b->clients = 0;
  b->has_clients = TRUE;
  iv->amount = 50;
  iv->ret = 5;
  g_ptr_array_add (sc->interventions, iv);
  p = project (sc);
  for (int t = 0; t < 6; t++)
    {
      assert_euro (p->line_scenario[0 * 6 + t], 0);
      assert_euro (p->line_scenario[1 * 6 + t], 50);
      g_assert_cmpfloat_with_epsilon (p->line_scenario_clients[0 * 6 + t], 0, 1e-12);
      /* An invest gives its target no clients. */
      g_assert_cmpfloat_with_epsilon (p->line_scenario_clients[1 * 6 + t], 0, 1e-12);
      /* savings = 100 − 50 = 50 a year */
      assert_euro (p->savings[t], 50);
    }
  /* S(2030) = 50 > 0 and never drops: payback in the first year. */
  g_assert_true (p->has_payback);
  g_assert_cmpint (p->payback_year, ==, 2030);
}

/* A source with cost 0: nothing avoided and no clients taken (no 0/0). */
static void
test_invest_zero_source (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (0);
  g_autoptr(PmdProjection) p = NULL;
  PmdLine *a = g_ptr_array_index (sc->lines, 0);
  PmdIntervention *iv = pmd_intervention_new ("i", PMD_INTERVENTION_INVEST, "a", "b", 2030);

  a->clients = 7;
  a->has_clients = TRUE;
  iv->amount = 10;
  iv->ret = 1;
  g_ptr_array_add (sc->interventions, iv);
  p = project (sc);
  assert_euro (p->line_scenario[0], 0);
  g_assert_cmpfloat (p->line_scenario_clients[0], ==, 7);
  assert_euro (p->line_scenario[6], 10);
}

/* A shift moves fraction × ramp of the clients; the target counts them
 * only when it has clients itself. Shift 25% of a (1,000; 40 clients) to
 * b (0; 10 clients) at cost ratio 0.6, one-off 70 in 2030, structural 5:
 *   a = 750, 30 clients; b = 0.6 × 250 + 5 (+ 70 in 2030) = 155 (225);
 *   b clients = 10 + 10 = 20. */
static void
test_shift_clients (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  PmdLine *a = g_ptr_array_index (sc->lines, 0);
  PmdLine *b = g_ptr_array_index (sc->lines, 1);
  PmdIntervention *iv = pmd_intervention_new ("i", PMD_INTERVENTION_SHIFT, "a", "b", 2030);

  a->clients = 40;
  a->has_clients = TRUE;
  b->clients = 10;
  b->has_clients = TRUE;
  iv->fraction = 0.25;
  iv->cost_ratio = 0.6;
  iv->one_off = 70;
  iv->structural = 5;
  g_ptr_array_add (sc->interventions, iv);
  p = project (sc);

  assert_euro (p->line_scenario[0], 750);
  assert_euro (p->line_scenario[6], 225);
  assert_euro (p->line_scenario[6 + 1], 155);
  assert_euro (p->investment[0], 75);
  assert_euro (p->investment[1], 5);
  g_assert_cmpfloat_with_epsilon (p->line_scenario_clients[0], 30, 1e-12);
  g_assert_cmpfloat_with_epsilon (p->line_scenario_clients[6], 20, 1e-12);
  /* The baseline has no interventions. */
  assert_euro (p->line_baseline[0], 1000);
  g_assert_cmpfloat_with_epsilon (p->line_baseline_clients[6], 10, 1e-12);
}

/* Disabled interventions do nothing; an intervention that starts before the
 * base year books its one-off outside the horizon; one that ends before
 * the horizon stops spending and saving. */
static void
test_enabled_start_end (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  PmdIntervention *off = pmd_intervention_new ("off", PMD_INTERVENTION_INVEST, "a", "b", 2030);
  PmdIntervention *early = pmd_intervention_new ("early", PMD_INTERVENTION_SHIFT, "a", "b", 2028);

  off->amount = 1000;
  off->ret = 1;
  off->enabled = FALSE;
  g_ptr_array_add (sc->interventions, off);
  /* Shift 10% at cost ratio 0, one-off 99 in 2028 (before the base year),
   * ending 2031: a = 900 in 2030–2031, 1,000 from 2032. */
  early->fraction = 0.1;
  early->cost_ratio = 0;
  early->one_off = 99;
  early->end = 2031;
  early->has_end = TRUE;
  g_ptr_array_add (sc->interventions, early);
  p = project (sc);

  assert_euro (p->line_scenario[0], 900);
  assert_euro (p->line_scenario[1], 900);
  assert_euro (p->line_scenario[2], 1000);
  for (int t = 0; t < 6; t++)
    {
      assert_euro (p->line_scenario[6 + t], 0);
      assert_euro (p->investment[t], 0);
    }
}

/* Steps dated in or before the base year already apply in the base year,
 * for lines (volume) and for funding (flat euros, not grown). */
static void
test_steps_before_base_year (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  PmdLine *a = g_ptr_array_index (sc->lines, 0);

  pmd_line_add_step (a, 2020, -0.5);
  pmd_line_add_step (a, 2032, 0.2);
  sc->funding.base = 100;
  sc->funding.growth = 0.1;
  pmd_funding_add_step (&sc->funding, 1999, 50);
  p = project (sc);
  /* 1,000 × 0.5 = 500 from the start; × 1.2 = 600 from 2032. */
  assert_euro (p->line_baseline[0], 500);
  assert_euro (p->line_baseline[1], 500);
  assert_euro (p->line_baseline[2], 600);
  /* funding: 100 × 1.1^t + 50: 150, 160, 171 */
  assert_euro (p->funding[0], 150);
  assert_euro (p->funding[1], 160);
  assert_euro (p->funding[2], 171);
}

/* Horizon 0: one year, the base year. */
static void
test_horizon_zero (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1234);
  g_autoptr(PmdProjection) p = NULL;

  sc->horizon = 0;
  p = project (sc);
  g_assert_cmpint (p->n_years, ==, 1);
  assert_euro (p->total_baseline[0], 1234);
  /* No savings: S = 0 is not > 0.01, so no payback. */
  g_assert_false (p->has_payback);
  assert_euro (p->npv, 0);
}

/* Payback needs S > 0.01 and S ≥ −0.01 for every later year: a dip below
 * zero after a positive year moves the payback year past the dip. */
static void
test_payback_dip (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  PmdIntervention *save = pmd_intervention_new ("save", PMD_INTERVENTION_SHIFT, "a", "b", 2030);
  PmdIntervention *spend = pmd_intervention_new ("spend", PMD_INTERVENTION_SHIFT, "a", "b", 2032);

  /* save: 10% of a moved at cost ratio 0 → +100 a year from 2030.
   * spend: one-off 350 in 2032 (2% moved at ratio 1: no effect on cost).
   * savings: 100, 100, −250, 100, 100, 100 → S: 100, 200, −50, 50, 150, 250
   * → the first year after which S stays ≥ 0 with S > 0 is 2033. */
  save->fraction = 0.1;
  save->cost_ratio = 0;
  g_ptr_array_add (sc->interventions, save);
  spend->fraction = 0.02;
  spend->cost_ratio = 1;
  spend->one_off = 350;
  spend->end = 2032;
  spend->has_end = TRUE;
  g_ptr_array_add (sc->interventions, spend);
  p = project (sc);
  assert_euro (p->cumulative_savings[2], -50);
  g_assert_true (p->has_payback);
  g_assert_cmpint (p->payback_year, ==, 2033);
}

/* Within a cent of zero counts as zero: S of −0.005 does not break payback. */
static void
test_payback_epsilon (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  PmdIntervention *iv = pmd_intervention_new ("i", PMD_INTERVENTION_SHIFT, "a", "b", 2030);

  /* 1% moved at cost ratio 1, one-off 0.005 in 2030: savings −0.005 then 0
   * → S = −0.005 throughout: ≥ −0.01 but never > 0.01: no payback. */
  iv->fraction = 0.01;
  iv->cost_ratio = 1;
  iv->one_off = 0.005;
  g_ptr_array_add (sc->interventions, iv);
  p = project (sc);
  g_assert_false (p->has_payback);

  /* Add a saving of 0.02 in 2035 only: S(2035) = 0.015 > 0.01 → 2035. */
  {
    PmdIntervention *late = pmd_intervention_new ("late", PMD_INTERVENTION_INVEST, "a", "b", 2035);
    late->amount = 0.02;
    late->ret = 2;
    g_ptr_array_add (sc->interventions, late);
    g_clear_pointer (&p, pmd_projection_free);
    p = project (sc);
    assert_euro (p->cumulative_savings[5], 0.015);
    g_assert_true (p->has_payback);
    g_assert_cmpint (p->payback_year, ==, 2035);
  }
}

/* Every layer and domain appears, with zeros when it has no lines. */
static void
test_empty_layer (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (10);
  g_autoptr(PmdProjection) p = NULL;

  g_ptr_array_add (sc->layers, pmd_layer_new ("empty", "Empty"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("none", "None"));
  p = project (sc);
  g_assert_cmpint (p->n_layers, ==, 2);
  g_assert_cmpint (p->n_domains, ==, 2);
  for (int t = 0; t < 6; t++)
    {
      g_assert_cmpfloat (p->layer_baseline[6 + t], ==, 0);
      g_assert_cmpfloat (p->domain_scenario[6 + t], ==, 0);
    }
}

/*
 * The bridge from 2026 to 2028 for l1 (c0 = 1,000,000; l2 does not change):
 *   d = 1 + 0.5 × (2^0.2 − 1) = 1.0743492, g = 1.01² = 1.0201, s = 1.1, p = 1.02² = 1.0404
 *   demography = 1e6 × (d − 1)              =  74,349.18
 *   growth     = 1e6 × d × (g − 1)          =  21,594.42
 *   steps      = 1e6 × d × g × (s − 1)      = 109,594.36
 *   indexation = 1e6 × d × g × s × (p − 1)  =  48,703.73   (sum 254,241.69)
 *   i1: invests 100,000 and avoids 100,000 (ramp 0.5 × 2 × 100,000)
 *   i2: moves 230,848.34, of which half comes back on l2: saves 115,424.17,
 *       invests 10,000 (structural)
 *   end = 1,754,241.69 − 100,000 + 100,000 − 115,424.17 + 10,000 = 1,648,817.52
 */
static void
test_bridge (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = project (sc);
  g_auto(PmdBridge) b = { 0 };

  g_assert_true (pmd_projection_bridge (p, sc, 2028, &b));
  assert_euro (b.start, 1500000);
  g_assert_cmpfloat_with_epsilon (b.demography, 74349.1775, 0.01);
  g_assert_cmpfloat_with_epsilon (b.growth, 21594.4185, 0.01);
  g_assert_cmpfloat_with_epsilon (b.steps, 109594.3596, 0.01);
  g_assert_cmpfloat_with_epsilon (b.indexation, 48703.7333, 0.01);
  assert_euro (b.start + b.demography + b.growth + b.steps + b.indexation, b.baseline);
  assert_euro (b.baseline, 1754241.688967601);
  g_assert_cmpuint (b.n_interventions, ==, 2);
  assert_euro (b.savings[0], 100000);
  assert_euro (b.investment[0], 100000);
  g_assert_cmpfloat_with_epsilon (b.savings[1], 115424.1689, 0.01);
  assert_euro (b.investment[1], 10000);
  assert_euro (b.end, 1648817.5200708408);
  assert_euro (b.baseline - b.savings[0] - b.savings[1] + b.investment[0] + b.investment[1], b.end);
  g_assert_false (pmd_projection_bridge (p, sc, 2040, &b));
}

/* Re-projecting into the same storage gives the same numbers, also after
 * a shape change; an unresolved scenario is refused, not read out of bounds. */
/*
 * The same two interventions in the other order (i2 before i1). In 2029 l1
 * before any intervention is B = 913,358.98 / 0.8 + 200,000 = 1,341,698.73
 * (undoing the list-order figures of test_scenario_interventions).
 *   i2 first: moved = 0.2 × B = 268,339.75 → l1 = 1,073,358.98,
 *             l2 gets 0.5 × 268,339.75 = 134,169.87;
 *   then i1:  avoided = min(200,000, 1,073,358.98) = 200,000 → l1 = 873,358.98;
 *   l2 = 500,000 + 100,000 + 134,169.87 + 10,000 = 744,169.87.
 * The total is 20,000 (= 0.1 × 200,000) lower than in list order: the shift
 * now also moves half of what the investment would later avoid.
 */
static void
test_intervention_order (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) in_order = project (sc);
  g_autoptr(PmdProjection) swapped = NULL;
  gpointer first = g_ptr_array_steal_index (sc->interventions, 0);

  g_ptr_array_add (sc->interventions, first);
  swapped = project (sc);
  assert_euro (swapped->line_scenario[L1 * 5 + 3], 873358.9811178608);
  assert_euro (swapped->line_scenario[L2 * 5 + 3], 744169.8726397326);
  assert_euro (in_order->total_scenario[3] - swapped->total_scenario[3], 20000.0);
}

static void
test_recompute (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdScenario) small = pmd_test_scenario_one_line (5);
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  g_autoptr(GError) error = NULL;
  PmdLine *broken;

  g_assert_true (pmd_projection_compute (p, small, &error));
  g_assert_true (pmd_projection_compute (p, sc, &error));
  g_assert_true (pmd_projection_compute (p, sc, &error));
  g_assert_no_error (error);
  assert_euro (p->total_scenario[2], 1648817.5200708408);

  broken = pmd_line_new ("x", "X", "nowhere", "d1", 1);
  g_ptr_array_add (sc->lines, broken);
  g_assert_false (pmd_projection_compute (p, sc, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/cohort/interpolation", test_cohort_interpolation);
  g_test_add_func ("/model/projection/baseline", test_baseline);
  g_test_add_func ("/model/projection/interventions", test_scenario_interventions);
  g_test_add_func ("/model/projection/totals", test_totals);
  g_test_add_func ("/model/projection/pyramid", test_pyramid);
  g_test_add_func ("/model/projection/ramp-and-lag", test_ramp_and_lag);
  g_test_add_func ("/model/projection/invest-capped", test_invest_capped);
  g_test_add_func ("/model/projection/invest-zero-source", test_invest_zero_source);
  g_test_add_func ("/model/projection/shift-clients", test_shift_clients);
  g_test_add_func ("/model/projection/enabled-start-end", test_enabled_start_end);
  g_test_add_func ("/model/projection/steps-before-base-year", test_steps_before_base_year);
  g_test_add_func ("/model/projection/horizon-zero", test_horizon_zero);
  g_test_add_func ("/model/projection/payback-dip", test_payback_dip);
  g_test_add_func ("/model/projection/payback-epsilon", test_payback_epsilon);
  g_test_add_func ("/model/projection/empty-layer", test_empty_layer);
  g_test_add_func ("/model/projection/intervention-order", test_intervention_order);
  g_test_add_func ("/model/projection/recompute", test_recompute);
  g_test_add_func ("/model/projection/bridge", test_bridge);

  return g_test_run ();
}
