/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-scenario-file.h"
#include "pmd-test-utils.h"

/*
 * What a figure is made of. A case worked out by hand, and the bundled
 * scenario: every money node is the sum of its children, every leaf's
 * source is the one in the file.
 */

#define CENT 0.01

/* Every money node with children is their sum, to a cent. Returns the
 * number of leaves. */
static guint
assert_sums (const PmdExplanation *node)
{
  double sum = 0.0;
  guint leaves = 0;

  /* A leaf names its input; only nothing (a year without savings) needs
   * none. */
  if (node->children->len == 0)
    {
      if (node->path == NULL)
        g_assert_cmpfloat (node->value, ==, 0.0);
      return 1;
    }
  for (guint k = 0; k < node->children->len; k++)
    {
      const PmdExplanation *child = g_ptr_array_index (node->children, k);

      sum += child->value;
      leaves += assert_sums (child);
    }
  if (node->unit == PMD_UNIT_MONEY)
    g_assert_cmpfloat_with_epsilon (sum, node->value, CENT);
  return leaves;
}

static const PmdExplanation *
find_child (const PmdExplanation *node,
            const char           *label)
{
  for (guint k = 0; k < node->children->len; k++)
    {
      const PmdExplanation *child = g_ptr_array_index (node->children, k);

      if (g_str_equal (child->label, label))
        return child;
    }
  g_error ("“%s” has no part “%s”", node->label, label);
}

/*
 * By hand: base year 2026, horizon 4, indexation 2%. Cohort c: 1.000 in
 * 2026, 1.200 in 2030, so D(2028) = 1,2^(2/4) = 1,0954451150.
 * Line A (top, driver c, elasticity 0,5, growth 1%, step +10% from 2028):
 *   d = 1 + 0,5 × 0,0954451150 = 1,0477225575
 *   base 1.000.000; demography 1e6 × (d − 1) = 47.722,56
 *   growth 1e6 × d × (1,01² − 1) = 21.059,22
 *   steps 1e6 × d × 1,0201 × 0,1 = 106.878,18
 *   indexation 1e6 × d × 1,0201 × 1,1 × (1,02² − 1) = 47.496,66
 *   baseline 1.223.156,62
 * Line B (basis, 500.000, own indexation 0): 500.000.
 * i1 invest A → B from 2027, 100.000 a year, return 2, two ramp years,
 * one-off 50.000: 2028 fully ramped, avoids 200.000 on A, spends 100.000
 * on B. i2 shift A → B from 2028, 20%, cost ratio 0,5, structural 10.000:
 * moves 0,2 × 1.023.156,62 = 204.631,32 off A, 102.315,66 onto B.
 *   A = 818.525,30; B = 712.315,66; total 1.530.840,96
 * Funding 1.600.000 × 1,01² − 100.000 = 1.532.160; gap −1.319,04.
 */
static PmdScenario *
hand_case (void)
{
  PmdScenario *sc = pmd_scenario_new ();
  PmdCohort *c = pmd_cohort_new ("c", "Cohort");
  PmdLine *a, *b;
  PmdIntervention *i1, *i2;
  g_autoptr(GError) error = NULL;

  sc->base_year = 2026;
  sc->horizon = 4;
  sc->indexation = 0.02;
  g_ptr_array_add (sc->layers, pmd_layer_new ("basis", "Basis"));
  g_ptr_array_add (sc->layers, pmd_layer_new ("top", "Top"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("d", "D"));
  pmd_cohort_add_point (c, 2026, 1000);
  pmd_cohort_add_point (c, 2030, 1200);
  c->source = g_strdup ("CBS-prognose");
  g_ptr_array_add (sc->cohorts, c);

  a = pmd_line_new ("a", "A", "top", "d", 1000000);
  a->driver = g_strdup ("c");
  a->elasticity = 0.5;
  a->growth = 0.01;
  pmd_line_add_step (a, 2028, 0.10);
  a->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (a->sources, g_strdup ("growth"), g_strdup ("aanname: 1% per jaar"));
  g_hash_table_insert (a->sources, g_strdup ("base_cost"), g_strdup ("Begroting 2026"));
  g_ptr_array_add (sc->lines, a);
  b = pmd_line_new ("b", "B", "basis", "d", 500000);
  b->has_indexation = TRUE;
  g_ptr_array_add (sc->lines, b);

  i1 = pmd_intervention_new ("i1", PMD_INTERVENTION_INVEST, "a", "b", 2027);
  i1->name = (g_free (i1->name), g_strdup ("Preventie"));
  i1->amount = 100000;
  i1->ret = 2.0;
  i1->ramp_years = 2;
  i1->one_off = 50000;
  g_ptr_array_add (sc->interventions, i1);
  i2 = pmd_intervention_new ("i2", PMD_INTERVENTION_SHIFT, "a", "b", 2028);
  i2->name = (g_free (i2->name), g_strdup ("Verschuiving"));
  i2->fraction = 0.2;
  i2->cost_ratio = 0.5;
  i2->structural = 10000;
  g_ptr_array_add (sc->interventions, i2);

  sc->funding.base = 1600000;
  sc->funding.growth = 0.01;
  pmd_funding_add_step (&sc->funding, 2026, -100000);
  g_assert_true (pmd_scenario_validate (sc, &error));
  g_assert_no_error (error);
  return sc;
}

static void
test_hand_line (void)
{
  g_autoptr(PmdScenario) sc = hand_case ();
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  g_autoptr(PmdExplanation) a = pmd_explain (sc, p, PMD_FIGURE_LINE, "a", 2028, NULL);
  g_autoptr(PmdExplanation) a27 = pmd_explain (sc, p, PMD_FIGURE_LINE, "a", 2027, NULL);
  g_autoptr(PmdExplanation) b = pmd_explain (sc, p, PMD_FIGURE_LINE, "b", 2028, NULL);
  g_autoptr(PmdExplanation) b27 = pmd_explain (sc, p, PMD_FIGURE_LINE, "b", 2027, NULL);
  const PmdExplanation *leaf;

  g_assert_cmpuint (assert_sums (a), ==, 7);
  g_assert_cmpfloat_with_epsilon (a->value, 818525.297076646, CENT);
  leaf = find_child (a, "Cost in the base year");
  g_assert_cmpfloat (leaf->value, ==, 1000000);
  g_assert_cmpstr (leaf->path, ==, "lines.a.base_cost");
  g_assert_cmpstr (leaf->source, ==, "Begroting 2026");
  g_assert_false (leaf->assumption);
  leaf = find_child (a, "Demography: Cohort (50% of the line moves with it)");
  g_assert_cmpfloat_with_epsilon (leaf->value, 47722.56, CENT);
  g_assert_cmpstr (leaf->path, ==, "cohorts.c.points.1");
  g_assert_cmpstr (leaf->source, ==, "CBS-prognose");
  leaf = find_child (a, "Volume growth");
  g_assert_cmpfloat_with_epsilon (leaf->value, 21059.22, CENT);
  g_assert_true (leaf->assumption);
  g_assert_cmpstr (leaf->input, ==, "1,0%");
  leaf = find_child (a, "Steps in volume");
  g_assert_cmpfloat_with_epsilon (leaf->value, 106878.18, CENT);
  leaf = find_child (a, "Price indexation");
  g_assert_cmpfloat_with_epsilon (leaf->value, 47496.66, CENT);
  g_assert_cmpstr (leaf->path, ==, "scenario.indexation");
  g_assert_cmpfloat (find_child (a, "Preventie: cost avoided")->value, ==, -200000);
  g_assert_cmpfloat_with_epsilon (find_child (a, "Verschuiving: care moved away")->value, -204631.32, CENT);

  /* B: 500.000 + 100.000 spent + half of what moved + 10.000: four
   * leaves; no growth and its own indexation of 0% add nothing and are
   * left out. */
  g_assert_cmpuint (assert_sums (b), ==, 4);
  g_assert_cmpfloat_with_epsilon (b->value, 712315.66, CENT);
  leaf = find_child (b, "Preventie: budget spent");
  g_assert_cmpfloat (leaf->value, ==, 100000);
  g_assert_cmpstr (leaf->path, ==, "interventions.i1.amount");
  g_assert_cmpfloat_with_epsilon (find_child (b, "Verschuiving: care moved here")->value, 102315.66, CENT);
  g_assert_cmpfloat (find_child (b, "Verschuiving: structural cost")->value, ==, 10000);

  /* 2027: half ramped, 100.000 avoided on A; B gets 100.000 and the
   * one-off 50.000. */
  assert_sums (a27);
  g_assert_cmpfloat (find_child (a27, "Preventie: cost avoided")->value, ==, -100000);
  assert_sums (b27);
  g_assert_cmpfloat (b27->value, ==, 650000);
  g_assert_cmpfloat (find_child (b27, "Preventie: one-off cost")->value, ==, 50000);
}

static void
test_hand_gap (void)
{
  g_autoptr(PmdScenario) sc = hand_case ();
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  g_autoptr(PmdExplanation) gap = pmd_explain (sc, p, PMD_FIGURE_GAP, NULL, 2028, NULL);
  g_autoptr(PmdExplanation) savings = pmd_explain (sc, p, PMD_FIGURE_SAVINGS, NULL, 2028, NULL);
  const PmdExplanation *funding;

  assert_sums (gap);
  g_assert_cmpfloat_with_epsilon (gap->value, -1319.04, CENT);
  g_assert_cmpfloat_with_epsilon (find_child (gap, "Total cost in 2028")->value, 1530840.96, CENT);
  funding = find_child (gap, "Minus the funding in 2028");
  g_assert_cmpfloat_with_epsilon (funding->value, -1532160, CENT);
  /* Growth: 1.600.000 × (1,01² − 1) = 32.160, taken off. */
  g_assert_cmpfloat_with_epsilon (find_child (funding, "Growth of the funding")->value, -32160, CENT);
  g_assert_cmpfloat (find_child (funding, "Changes to the funding")->value, ==, 100000);

  /* Savings = baseline 1.723.156,62 − scenario 1.530.840,96 = 192.315,66:
   * Preventie avoids 200.000 and spends 100.000; Verschuiving moves
   * 204.631,32 for 102.315,66 and spends 10.000. */
  assert_sums (savings);
  g_assert_cmpfloat_with_epsilon (savings->value, 192315.66, CENT);
  g_assert_cmpfloat (find_child (savings, "Preventie")->value, ==, 100000);
  g_assert_cmpfloat_with_epsilon (find_child (savings, "Verschuiving")->value, 204631.32 - 102315.66 - 10000, CENT);
}

/* The payback year and the NPV are explained by the yearly savings. */
static void
test_hand_payback_npv (void)
{
  g_autoptr(PmdScenario) sc = hand_case ();
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  g_autoptr(PmdExplanation) npv = pmd_explain (sc, p, PMD_FIGURE_NPV, NULL, 2030, NULL);
  g_autoptr(PmdExplanation) payback = pmd_explain (sc, p, PMD_FIGURE_PAYBACK, NULL, 2030, NULL);
  g_autoptr(PmdExplanation) cumulative = pmd_explain (sc, p, PMD_FIGURE_CUMULATIVE_SAVINGS, NULL, 2028, NULL);

  assert_sums (npv);
  g_assert_cmpuint (npv->children->len, ==, 5);
  assert_sums (cumulative);
  g_assert_cmpuint (cumulative->children->len, ==, 3);
  g_assert_cmpuint (payback->unit, ==, PMD_UNIT_YEAR);
  g_assert_cmpuint (payback->children->len, ==, 5);
  /* 2026: nothing active, no savings; 2027: 100.000 avoided − 100.000 −
   * 50.000 spent = −50.000; 2028: +192.315,66: summed above zero from
   * 2028 on. */
  g_assert_cmpfloat (payback->value, ==, 2028);
  g_assert_cmpfloat_with_epsilon (((PmdExplanation *) g_ptr_array_index (payback->children, 1))->value, -50000, CENT);
}

/* The report's paragraph: line A in 2028 by hand. Its largest inputs are
 * the base cost (€ 1.000.000), what Verschuiving moves off it
 * (−204.631,32) and what Preventie avoids (−200.000); the two largest
 * without a source are assumptions (the share moved, the return); the
 * base cost's and the cohort's sources are cited. */
static void
test_hand_summary (void)
{
  g_autoptr(PmdScenario) sc = hand_case ();
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  g_autoptr(PmdExplanation) line = pmd_explain (sc, p, PMD_FIGURE_LINE, "a", 2028, NULL);
  g_autoptr(PmdExplanation) payback = pmd_explain (sc, p, PMD_FIGURE_PAYBACK, NULL, 2030, NULL);
  g_autofree char *text = pmd_explanation_summarize (line, sc);
  g_autofree char *first = NULL;
  g_autofree char *years = NULL;

  g_test_message ("%s", text);
  first = g_strdup_printf ("%s: € 818.525.", line->label);
  g_assert_true (g_str_has_prefix (text, first));
  /* The parts worked out by hand above (hand_case): € 1.000.000 in the base
   * year, demography 47.722,56, growth 21.059,22, steps 106.878,18,
   * indexation 47.496,66; the interventions take 200.000 + 204.631,32 off
   * it. Then the two assumptions that weigh most, and the sources. */
  g_assert_nonnull (strstr (text, " Made up of € 1,0 m in the base year, demography € 47.723, volume growth € 21.059, "
                                  "steps in volume € 106.878, price indexation € 47.497 and care the interventions avoid "
                                  "or move € −404.631."));
  g_assert_nonnull (strstr (text, " It rests most on the assumptions Verschuiving: share of clients 20,0% and "
                                  "Preventie: return per euro 2,00."));
  g_assert_true (g_str_has_suffix (text, " Sources: Begroting 2026; CBS-prognose."));

  /* Over years, an input is named once with all it brought. */
  years = pmd_explanation_summarize (payback, sc);
  g_test_message ("%s", years);
  g_assert_true (g_str_has_prefix (years, "The interventions pay for themselves: 2028."));
  /* Savings by intervention, net of their cost: 2027 Preventie 100.000
   * avoided − 150.000 spent; 2028 Preventie +100.000, Verschuiving
   * 204.631,32 − 102.315,66 − 10.000 = 92.315,66; and so on to 2030: both
   * named, the larger first. */
  g_assert_nonnull (strstr (years, " By intervention, net of what it costs: "));
}

/* The bundled scenario: the gap and a line's cost in two years sum, and
 * every leaf's source is the file's. */
static void
check_sources (const PmdScenario    *sc,
               const PmdExplanation *node)
{
  if (node->children->len == 0 && node->path != NULL && !g_str_has_suffix (node->path, ".steps"))
    g_assert_cmpstr (node->source, ==, pmd_scenario_get_param_source (sc, node->path));
  for (guint k = 0; k < node->children->len; k++)
    check_sources (sc, g_ptr_array_index (node->children, k));
}

static void
test_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(PmdProjection) p = NULL;
  const int years[] = { 2030, 2046 };

  g_assert_no_error (error);
  p = pmd_project (sc, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (years); k++)
    {
      g_autoptr(PmdExplanation) gap = pmd_explain (sc, p, PMD_FIGURE_GAP, NULL, years[k], &error);
      g_autoptr(PmdExplanation) line = pmd_explain (sc, p, PMD_FIGURE_LINE, "wmo-maatwerk", years[k], &error);
      int t = years[k] - p->base_year;

      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (gap->value, p->gap[t], CENT);
      g_assert_cmpuint (assert_sums (gap), >, 20);
      check_sources (sc, gap);
      assert_sums (line);
      check_sources (sc, line);
    }
}

static void
test_errors (void)
{
  g_autoptr(PmdScenario) sc = hand_case ();
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  g_autoptr(GError) error = NULL;
  PmdFigure figure;
  g_autofree char *id = NULL;

  g_assert_null (pmd_explain (sc, p, PMD_FIGURE_LINE, "nope", 2028, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
  g_clear_error (&error);
  g_assert_null (pmd_explain (sc, p, PMD_FIGURE_GAP, NULL, 2031, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pmd_figure_parse ("totals.cumulative_savings", &figure, &id, &error));
  g_assert_cmpint (figure, ==, PMD_FIGURE_CUMULATIVE_SAVINGS);
  g_assert_null (id);
  g_assert_true (pmd_figure_parse ("layers.top.scenario", &figure, &id, &error));
  g_assert_cmpint (figure, ==, PMD_FIGURE_LAYER);
  g_assert_cmpstr (id, ==, "top");
  g_clear_pointer (&id, g_free);
  g_assert_false (pmd_figure_parse ("totals.baseline", &figure, &id, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/explain/hand-line", test_hand_line);
  g_test_add_func ("/model/explain/hand-gap", test_hand_gap);
  g_test_add_func ("/model/explain/hand-payback-npv", test_hand_payback_npv);
  g_test_add_func ("/model/explain/bundled", test_bundled);
  g_test_add_func ("/model/explain/hand-summary", test_hand_summary);
  g_test_add_func ("/model/explain/errors", test_errors);
  return g_test_run ();
}
