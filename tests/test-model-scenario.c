/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-model.h"
#include "pmd-test-utils.h"

#define N_LARGE 100000

/* A scenario of @n lines "l0" … over three layers and two domains, every
 * third line driven by a cohort, with an intervention, a range and a
 * variant override per hundred lines: every kind of reference, @n times. */
static PmdScenario *
large_scenario (guint n)
{
  PmdScenario *sc = pmd_scenario_new ();
  PmdCohort *c = pmd_cohort_new ("c", "Cohort");
  PmdVariant *v = pmd_variant_new ("v", "Variant");
  static const char *const layers[] = { "basis", "licht", "zwaar" };
  static const char *const domains[] = { "wmo", "jeugd" };

  sc->horizon = 10;
  for (guint k = 0; k < G_N_ELEMENTS (layers); k++)
    g_ptr_array_add (sc->layers, pmd_layer_new (layers[k], layers[k]));
  for (guint k = 0; k < G_N_ELEMENTS (domains); k++)
    g_ptr_array_add (sc->domains, pmd_domain_new (domains[k], domains[k]));
  pmd_cohort_add_point (c, 2020, 6400);
  pmd_cohort_add_point (c, 2040, 12500);
  g_ptr_array_add (sc->cohorts, c);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i);
      PmdLine *l = pmd_line_new (id, id, layers[i % 3], domains[i % 2], 1000.0 + i);

      if (i % 3 == 0)
        {
          l->driver = g_strdup ("c");
          l->elasticity = 0.5;
        }
      g_ptr_array_add (sc->lines, l);
    }
  for (guint i = 0; i + 1 < n; i += 100)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      g_autofree char *source = g_strdup_printf ("l%u", i + 1);
      g_autofree char *target = g_strdup_printf ("l%u", i);
      g_autofree char *range = g_strdup_printf ("lines.l%u.growth", n - 1 - i);
      g_autofree char *override = g_strdup_printf ("interventions.%s.fraction", id);
      PmdIntervention *iv = pmd_intervention_new (id, PMD_INTERVENTION_SHIFT, source, target, 2027);

      iv->fraction = 0.1;
      iv->cost_ratio = 0.5;
      g_ptr_array_add (sc->interventions, iv);
      g_ptr_array_add (sc->ranges, pmd_range_new (range, -0.01, 0.01));
      pmd_variant_add_override (v, override, 0.2);
    }
  g_ptr_array_add (sc->variants, v);
  return sc;
}

/* 100.000 lines validate, and every reference resolves to the right item.
 * Ids and references used to be compared pair by pair (over a minute for
 * this scenario); bench/bench-validate shows the time per line. No time is
 * asserted here: the point is that the answers stay right. */
static void
test_validate_large (void)
{
  g_autoptr(PmdScenario) sc = large_scenario (N_LARGE);
  g_autoptr(GError) error = NULL;

  g_assert_true (pmd_scenario_validate (sc, &error));
  g_assert_no_error (error);

  /* Line i is in layer i mod 3, domain i mod 2, driven by cohort 0 when
   * i mod 3 = 0; intervention k takes from line 100k + 1 and gives to 100k. */
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      g_assert_cmpint (l->layer_idx, ==, (int) (i % 3));
      g_assert_cmpint (l->domain_idx, ==, (int) (i % 2));
      g_assert_cmpint (l->driver_idx, ==, i % 3 == 0 ? 0 : -1);
    }
  for (guint k = 0; k < sc->interventions->len; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      g_assert_cmpint (iv->source_idx, ==, (int) (100 * k + 1));
      g_assert_cmpint (iv->target_idx, ==, (int) (100 * k));
    }
  g_assert_cmpint (pmd_scenario_find_line (sc, "l99999"), ==, 99999);

  /* The variant's 1.000 overrides apply through the same index. */
  {
    g_autoptr(PmdScenario) copy = pmd_scenario_copy (sc);
    const PmdIntervention *last;

    g_assert_true (pmd_scenario_apply_variant (copy, "v", &error));
    g_assert_no_error (error);
    last = g_ptr_array_index (copy->interventions, copy->interventions->len - 1);
    g_assert_cmpfloat (last->fraction, ==, 0.2);
  }

  /* The last line names a layer that does not exist; then its id repeats
   * the first line's. */
  {
    PmdLine *last = g_ptr_array_index (sc->lines, N_LARGE - 1);

    g_free (last->layer);
    last->layer = g_strdup ("top");
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
    g_assert_cmpstr (error->message, ==, "$.lines[99999].layer: no layer has the id “top”");
    g_clear_error (&error);

    g_free (last->id);
    last->id = g_strdup ("l0");
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "$.lines[99999].id: the id “l0” is already used by lines[0]");
  }
}

/* Elasticity is a share (DESIGN.md §3): in [0, 1], so that no cost or
 * client count can turn negative. With elasticity 1,2 and a cohort that
 * halves, volume = 1 + 1,2 × (0,5 − 1) = 0,4; with a cohort at a sixth it
 * would be 1 + 1,2 × (1/6 − 1) = 0: one step further and the cost is
 * negative. The ends 0 and 1 are valid. */
static void
test_elasticity (void)
{
  static const struct { double elasticity; const char *message; } cases[] = {
    { 1.2, "$.lines[0].elasticity: must lie between 0 and 1 (found 1,2)" },
    { -0.1, "$.lines[0].elasticity: must lie between 0 and 1 (found \u22120,1)" },
    { 0, NULL },
    { 1, NULL },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
      g_autoptr(GError) error = NULL;
      PmdLine *l1 = g_ptr_array_index (sc->lines, 0);

      l1->elasticity = cases[k].elasticity;
      if (cases[k].message == NULL)
        {
          g_assert_true (pmd_scenario_validate (sc, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (pmd_scenario_validate (sc, &error));
          g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[k].message);
        }
    }
}

/* Money beyond € 10¹⁵ is refused where it is written; numbers whose product
 * overflows are refused by name, never projected to null or inf. */
static void
test_overflow (void)
{
  g_autoptr(GError) error = NULL;

  /* base_cost 10³⁰⁸ on two lines: above the bound of € 10¹⁵. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);

    ((PmdLine *) g_ptr_array_index (sc->lines, 0))->base_cost = 1e308;
    ((PmdLine *) g_ptr_array_index (sc->lines, 1))->base_cost = 1e308;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==,
                     "$.lines[0].base_cost: must lie between € 0 and € 1.000.000.000.000.000 (found 1 × 10³⁰⁸)");
    g_clear_error (&error);
  }
  /* A growth of 10⁶ a year over a hundred years: € 1.000 × (1 + 10⁶)^t
   * passes 1,8 × 10³⁰⁸ when t·6 + 3 > 308, so at t = 51, in 2030 + 51 =
   * 2081 (at t = 50 it is 1,0000…5 × 10³⁰³). */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
    PmdLine *a = g_ptr_array_index (sc->lines, 0);

    sc->horizon = 100;
    a->growth = 1e6;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "$.lines[0] (“a”): the cost in 2081 is too large to compute; "
                     "check the growth, the steps, the indexation and the cohort of the line");
    g_clear_error (&error);
  }
  /* Two lines that are each finite but add up to more than a double holds:
   * € 10¹⁵ × (1 + g) with 1 + g = 10²⁹³ is 10³⁰⁸ in 2031 (t = 1); two of
   * them make 2 × 10³⁰⁸ > 1,8 × 10³⁰⁸. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1e15);
    PmdLine *a = g_ptr_array_index (sc->lines, 0);
    PmdLine *b = g_ptr_array_index (sc->lines, 1);

    sc->horizon = 1;   /* in 2032 each line alone would overflow */
    b->base_cost = 1e15;
    a->growth = b->growth = 1e293 - 1;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==,
                     "the cost lines add up to more than can be computed in 2031 (over 1,798 × 10³⁰⁸ euros); "
                     "check the largest amounts and growth rates");
    g_clear_error (&error);
  }
  /* Clients: 10³⁰⁰ people growing 10¹⁰-fold pass 10³⁰⁸ in the first year
   * after the base year, 2031; the line costs nothing. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (0);
    PmdLine *a = g_ptr_array_index (sc->lines, 0);

    a->has_clients = TRUE;
    a->clients = 1e300;
    a->growth = 1e10;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_nonnull (strstr (error->message, "$.lines[0] (“a”): the number of clients in 2031 is too large"));
    g_clear_error (&error);
  }
  /* Funding of € 10¹⁵ growing 10³⁰⁰-fold: 10³¹⁵ in 2031. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);

    sc->funding.base = 1e15;
    sc->funding.growth = 1e300;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==, "$.funding: the funding in 2031 is too large to compute; check its growth");
    g_clear_error (&error);
  }
  /* A discount rate a hair above −1: 1 / (10⁻¹¹)^40 = 10⁴⁴⁰ overflows, and
   * the two-line scenario saves money in its later years. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();

    sc->horizon = 40;
    sc->discount_rate = -(1 - 1e-11);
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==, "$.discount_rate: the net present value of the savings is too large to compute");
    g_clear_error (&error);
  }
  /* Funding of −€ 2 × 10¹⁵: beyond the bound in either direction. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);

    sc->funding.base = -2e15;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_nonnull (strstr (error->message, "$.funding.base: must lie between minus and plus € 1.000.000.000.000.000"));
    g_clear_error (&error);
  }
}

/* Text from the scenario goes into messages with its controls escaped: a
 * right-to-left override in a reference would turn the rest of the message
 * around, a bell would ring. */
static void
test_messages_escape (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
    PmdLine *a = g_ptr_array_index (sc->lines, 0);

    g_free (a->layer);
    a->layer = g_strdup ("laag\u202Egnirts");
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==, "$.lines[0].layer: no layer has the id “laag\\u202Egnirts”");
    g_clear_error (&error);
  }
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
    PmdLine *a = g_ptr_array_index (sc->lines, 0);

    g_free (a->id);
    a->id = g_strdup ("a\a\n");
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==, "$.lines[0].id: “a\\x07\\x0A” is not a valid id (use a–z, 0–9 and -)");
    g_clear_error (&error);
  }
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);

    g_ptr_array_add (sc->ranges, pmd_range_new ("lines.\u2067a\u2069.growth", 0, 1));
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_nonnull (strstr (error->message, "$.ranges[\"lines.\\u2067a\\u2069.growth\"]"));
    g_assert_null (strstr (error->message, "\u2067"));
    g_clear_error (&error);
  }
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);

    g_assert_false (pmd_scenario_apply_variant (sc, "x\u202E", &error));
    g_assert_cmpstr (error->message, ==, "the scenario has no variant “x\\u202E”");
    g_clear_error (&error);
  }
}

/* Numbers in messages are Dutch and readable: "(found −5)", a range of
 * [0,1; 0,2] around 0,3, never "4444829.51653932" or "5e+07". */
static void
test_messages_numbers (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);

    ((PmdLine *) g_ptr_array_index (sc->lines, 0))->base_cost = -5;
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==,
                     "$.lines[0].base_cost: must lie between € 0 and € 1.000.000.000.000.000 (found \u22125)");
    g_clear_error (&error);
  }
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (4444829.51653932);

    ((PmdLine *) g_ptr_array_index (sc->lines, 0))->growth = 0.3;
    g_ptr_array_add (sc->ranges, pmd_range_new ("lines.a.growth", 0.1, 0.2));
    g_assert_false (pmd_scenario_validate (sc, &error));
    g_assert_cmpstr (error->message, ==,
                     "$.ranges[\"lines.a.growth\"]: the range [0,1; 0,2] must contain the value 0,3");
    g_clear_error (&error);
  }
  /* Goal seek: in [0; 5e7] no amount brings the cost of line a (€ 1.000
   * without interventions, none here) to −1. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
    PmdIntervention *iv = pmd_intervention_new ("iv", PMD_INTERVENTION_INVEST, "a", "b", 2030);
    double result;

    iv->ret = 1;
    g_ptr_array_add (sc->interventions, iv);
    g_assert_true (pmd_scenario_validate (sc, &error));
    g_assert_false (pmd_goal_seek (sc, "interventions.iv.amount", "lines.a.scenario", 2030, -1, 0, 5e7,
                                   &result, NULL, NULL, &error));
    g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_NO_SOLUTION);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "between 0 and 50.000.000"));
    g_assert_nonnull (strstr (error->message, "to \u22121;"));
    g_assert_null (strstr (error->message, "e+07"));
    g_clear_error (&error);

    g_assert_false (pmd_goal_seek (sc, "interventions.iv.amount", "lines.a.scenario", 2030, 0, 0.5, 0.25,
                                   &result, NULL, NULL, &error));
    g_assert_cmpstr (error->message, ==, "the search range [0,5; 0,25] is empty");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/scenario/validate-large", test_validate_large);
  g_test_add_func ("/model/scenario/elasticity", test_elasticity);
  g_test_add_func ("/model/scenario/overflow", test_overflow);
  g_test_add_func ("/model/scenario/messages-escape", test_messages_escape);
  g_test_add_func ("/model/scenario/messages-numbers", test_messages_numbers);

  return g_test_run ();
}
