/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-test-utils.h"

static void
test_get_set (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(GError) error = NULL;
  double v = 0;

  g_assert_true (pmd_scenario_get_param (sc, "scenario.indexation", &v, &error));
  g_assert_cmpfloat (v, ==, 0.02);
  g_assert_true (pmd_scenario_get_param (sc, "scenario.discount_rate", &v, &error));
  g_assert_cmpfloat (v, ==, 0.05);
  g_assert_true (pmd_scenario_get_param (sc, "funding.base", &v, &error));
  g_assert_cmpfloat (v, ==, 1600000);
  g_assert_true (pmd_scenario_get_param (sc, "cohorts.c.points.1", &v, &error));
  g_assert_cmpfloat (v, ==, 2000);
  g_assert_true (pmd_scenario_get_param (sc, "lines.l1.elasticity", &v, &error));
  g_assert_cmpfloat (v, ==, 0.5);
  g_assert_true (pmd_scenario_get_param (sc, "interventions.i1.return", &v, &error));
  g_assert_cmpfloat (v, ==, 2.0);
  g_assert_true (pmd_scenario_get_param (sc, "interventions.i2.ramp_years", &v, &error));
  g_assert_cmpfloat (v, ==, 1);
  g_assert_no_error (error);

  /* Nullable fields read as the projection reads them. */
  g_assert_true (pmd_scenario_get_param (sc, "lines.l1.indexation", &v, &error));
  g_assert_cmpfloat (v, ==, 0.02);      /* the scenario's */
  g_assert_true (pmd_scenario_get_param (sc, "interventions.i2.end", &v, &error));
  g_assert_cmpfloat (v, ==, 2030);      /* to the horizon */
  g_assert_true (pmd_scenario_get_param (sc, "lines.l2.clients", &v, &error));
  g_assert_true (isnan (v));            /* none */

  /* Setting: whole years round; enabled is non-zero; a null gets a value. */
  g_assert_true (pmd_scenario_set_param (sc, "interventions.i1.lag", 2.6, &error));
  g_assert_cmpint (((PmdIntervention *) g_ptr_array_index (sc->interventions, 0))->lag, ==, 3);
  g_assert_true (pmd_scenario_set_param (sc, "interventions.i1.enabled", 0, &error));
  g_assert_false (((PmdIntervention *) g_ptr_array_index (sc->interventions, 0))->enabled);
  g_assert_true (pmd_scenario_set_param (sc, "lines.l2.clients", 12, &error));
  g_assert_true (((PmdLine *) g_ptr_array_index (sc->lines, 1))->has_clients);
  g_assert_true (pmd_scenario_set_param (sc, "cohorts.c.points.0", 500, &error));
  g_assert_cmpfloat (pmd_cohort_value_at (g_ptr_array_index (sc->cohorts, 0), 2026), ==, 500);
  g_assert_no_error (error);
}

static void
test_errors (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  const char *bad[] = {
    "lines.nope.growth", "lines.l1.colour", "interventions.x.amount", "cohorts.c.points.2",
    "cohorts.c.points.-1", "cohorts.zz.points.0", "funding.steps", "scenario.name", "", "lines",
    "lines.l1.growth.x", "interventions.i1.type",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double v;

      g_assert_false (pmd_scenario_get_param (sc, bad[i], &v, &error));
      g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (pmd_scenario_set_param (sc, "lines.l1.growth", NAN, &error));
    g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  }
}

/* Where a number comes from: the field's source, else its object's. */
static void
test_source (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  PmdLine *l1 = g_ptr_array_index (sc->lines, 0);

  l1->source = g_strdup ("SBK Westland 2025, §1.4 Financieel perspectief");
  pmd_sources_set (&l1->sources, "growth", "aanname: instroom");
  pmd_sources_set (&sc->sources, "indexation", "aanname: constante prijzen");
  g_assert_cmpstr (pmd_scenario_get_param_source (sc, "lines.l1.growth"), ==, "aanname: instroom");
  g_assert_cmpstr (pmd_scenario_get_param_source (sc, "lines.l1.base_cost"), ==,
                   "SBK Westland 2025, §1.4 Financieel perspectief");
  g_assert_cmpstr (pmd_scenario_get_param_source (sc, "scenario.indexation"), ==, "aanname: constante prijzen");
  g_assert_null (pmd_scenario_get_param_source (sc, "lines.l2.growth"));
  g_assert_null (pmd_scenario_get_param_source (sc, "interventions.i1.amount"));
  g_assert_null (pmd_scenario_get_param_source (sc, "nonsense"));
}

/* A variant sets its overrides, then the result is validated. */
static void
test_variant (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdScenario) copy = NULL;
  g_autoptr(PmdProjection) p = NULL;
  g_autoptr(GError) error = NULL;
  PmdVariant *off = pmd_variant_new ("off", "All off");
  PmdVariant *bad = pmd_variant_new ("bad", "Bad");

  pmd_variant_add_override (off, "interventions.i1.enabled", 0);
  pmd_variant_add_override (off, "interventions.i2.enabled", 0);
  g_ptr_array_add (sc->variants, off);
  g_assert_true (pmd_scenario_validate (sc, &error));

  copy = pmd_scenario_copy (sc);
  g_assert_true (pmd_scenario_apply_variant (copy, "off", &error));
  g_assert_no_error (error);
  p = pmd_project (copy, &error);
  /* With every intervention off the scenario is the baseline. */
  for (int t = 0; t < p->n_years; t++)
    {
      assert_euro (p->total_scenario[t], p->total_baseline[t]);
      assert_euro (p->savings[t], 0);
    }

  /* A share of 1,5 set by a variant added after the file was checked (as
   * the window may) is refused when applied, naming the override. */
  pmd_variant_add_override (bad, "interventions.i2.fraction", 1.5);
  g_ptr_array_add (sc->variants, bad);
  g_clear_pointer (&copy, pmd_scenario_free);
  copy = pmd_scenario_copy (sc);
  g_assert_false (pmd_scenario_apply_variant (copy, "bad", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad"));
  g_assert_nonnull (strstr (error->message, "$.variants[1].overrides[\"interventions.i2.fraction\"]"));
  g_assert_nonnull (strstr (error->message, "1,5"));
  g_clear_error (&error);

  g_assert_false (pmd_scenario_apply_variant (copy, "missing", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
}

/* An override is a value of the file and is held to the rule of the value it
 * replaces when the file is checked: a share of 1,5, a start in 2027,5 (it
 * would be rounded to 2028 unseen), a lag of half a year, a ramp-up of 1,5
 * years. The message names the variant and the override's JSON path.
 * Rules between fields hold once it is applied: an end year before the
 * start is refused then, with the variant's path. */
static void
test_variant_rules (void)
{
  static const struct { const char *path; double value; const char *found; } bad[] = {
    { "interventions.i2.fraction", 1.5, "(found 1,5)" },
    { "interventions.i1.start", 2027.5, "(found 2.027,5)" },
    { "interventions.i1.end", 2029.25, "(found 2.029,25)" },
    { "interventions.i1.lag", 0.5, "(found 0,5)" },
    { "interventions.i1.ramp_years", 1.5, "(found 1,5)" },
    { "lines.l1.elasticity", -0.2, "(found \u22120,2)" },
    { "lines.l1.base_cost", 2e15, "(found 2 × 10¹⁵)" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("$.variants[0].overrides[\"%s\"]", bad[k].path);
      PmdVariant *v = pmd_variant_new ("hoog", "Hoog");

      pmd_variant_add_override (v, bad[k].path, bad[k].value);
      g_ptr_array_add (sc->variants, v);
      g_assert_false (pmd_scenario_validate (sc, &error));
      g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "hoog"));
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, bad[k].found));
    }

  /* Whole and in range one by one, but the end (2026) before i1's start
   * (2027): refused when applied. */
  {
    g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
    g_autoptr(GError) error = NULL;
    PmdVariant *v = pmd_variant_new ("vroeg", "Vroeg");

    pmd_variant_add_override (v, "interventions.i1.end", 2026);
    g_ptr_array_add (sc->variants, v);
    g_assert_true (pmd_scenario_validate (sc, &error));
    g_assert_false (pmd_scenario_apply_variant (sc, "vroeg", &error));
    g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "$.variants[0]"));
    g_assert_nonnull (strstr (error->message, "$.interventions[0].end"));
  }
}

/* Copies are deep: changing one leaves the other. */
static void
test_copy (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdScenario) copy = pmd_scenario_copy (sc);
  g_autoptr(GError) error = NULL;
  double v;

  pmd_sources_set (&((PmdLine *) g_ptr_array_index (sc->lines, 0))->sources, "growth", "aanname");
  g_assert_true (pmd_scenario_set_param (copy, "lines.l1.growth", 0.5, &error));
  g_assert_true (pmd_scenario_get_param (sc, "lines.l1.growth", &v, &error));
  g_assert_cmpfloat (v, ==, 0.01);
  g_assert_null (pmd_sources_lookup (((PmdLine *) g_ptr_array_index (copy->lines, 0))->sources, "growth"));
  g_assert_cmpstr (pmd_sources_lookup (((PmdLine *) g_ptr_array_index (sc->lines, 0))->sources, "growth"), ==, "aanname");
  g_assert_true (pmd_scenario_validate (copy, &error));
  g_assert_no_error (error);
}

/* Labels for people, one per kind of path; unknown or out-of-range paths
 * come back unchanged. The cohort's second point is 2036 (see
 * pmd_test_scenario_two_lines). */
static void
test_describe (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  static const struct { const char *path, *label; } cases[] = {
    { "scenario.indexation", "Price indexation" },
    { "funding.growth", "Growth of the funding" },
    { "lines.l1.growth", "Volume growth: Line 1" },
    { "lines.l2.elasticity", "Share moving with demography: Line 2" },
    { "lines.l2.start_cost", "Line 2: start_cost" },
    { "interventions.i1.amount", "Investering: euros a year" },
    { "interventions.i2.fraction", "Verschuiving: share of clients" },
    { "interventions.i1.return", "Investering: return per euro" },
    { "interventions.i1.ramp_years", "Investering: years to full effect" },
    { "lines.l1.base_cost", "Line 1: cost in the base year" },
    { "funding.base", "Funding in the base year" },
    { "cohorts.c.points.1", "Cohort in 2036" },
    { "cohorts.c.points.2", "cohorts.c.points.2" },
    { "lines.nowhere.growth", "lines.nowhere.growth" },
    { "nonsense", "nonsense" },
  };

  g_free (((PmdIntervention *) g_ptr_array_index (sc->interventions, 0))->name);
  ((PmdIntervention *) g_ptr_array_index (sc->interventions, 0))->name = g_strdup ("Investering");
  g_free (((PmdIntervention *) g_ptr_array_index (sc->interventions, 1))->name);
  ((PmdIntervention *) g_ptr_array_index (sc->interventions, 1))->name = g_strdup ("Verschuiving");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = pmd_scenario_describe_param (sc, cases[i].path);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Values as people read them, by what the parameter is (the test runs in
 * the C locale: English words, Dutch numbers). */
static void
test_format (void)
{
  static const struct { const char *path; double value; const char *text; } cases[] = {
    { "lines.l1.growth", 0.015, "1,5%" },
    { "funding.growth", -0.01, "\u22121,0%" },
    { "lines.l1.base_cost", 22800000, "€ 22,8 m" },
    { "interventions.i1.amount", 250000, "€ 250.000" },
    { "cohorts.c.points.1", 12345.4, "12.345" },
    { "lines.l1.clients", 800, "800" },
    { "interventions.i1.start", 2027, "2027" },
    { "interventions.i1.enabled", 0, "off" },
    { "interventions.i1.enabled", 1, "on" },
    { "lines.l1.elasticity", 0.5, "0,50" },
    { "lines.l1.growth", NAN, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pmd_scenario_format_param (cases[i].path, cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Ranges set, replaced, refused and removed; a validated scenario refuses a
 * range that does not hold the value. */
static void
test_ranges (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(GError) error = NULL;
  const PmdRange *r;

  g_assert_cmpint (pmd_scenario_find_range (sc, "lines.l1.growth"), ==, -1);
  g_assert_true (pmd_scenario_set_range (sc, "lines.l1.growth", 0.0, 0.02, &error));
  g_assert_true (pmd_scenario_set_range (sc, "funding.growth", -0.01, 0.03, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc->ranges->len, ==, 2);
  g_assert_true (pmd_scenario_set_range (sc, "lines.l1.growth", 0.005, 0.015, &error));
  g_assert_cmpuint (sc->ranges->len, ==, 2);
  r = g_ptr_array_index (sc->ranges, pmd_scenario_find_range (sc, "lines.l1.growth"));
  g_assert_cmpfloat (r->low, ==, 0.005);
  g_assert_cmpfloat (r->high, ==, 0.015);
  g_assert_true (pmd_scenario_validate (sc, &error));

  g_assert_false (pmd_scenario_set_range (sc, "lines.l1.growth", 0.02, 0.01, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pmd_scenario_set_range (sc, "lines.nowhere.growth", 0, 1, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
  g_clear_error (&error);

  /* l1 grows 1%: a range of 2–3% does not hold it. */
  g_assert_true (pmd_scenario_set_range (sc, "lines.l1.growth", 0.02, 0.03, &error));
  g_assert_false (pmd_scenario_validate (sc, &error));
  g_clear_error (&error);

  g_assert_true (pmd_scenario_remove_range (sc, "lines.l1.growth"));
  g_assert_false (pmd_scenario_remove_range (sc, "lines.l1.growth"));
  g_assert_cmpuint (sc->ranges->len, ==, 1);
}

/* What the ranges editor offers for the worked example: prices, the
 * cohort's second point, both lines' growth, l1's elasticity (l2 has no
 * driver), the invest's return and lag, the shift's share, cost and lag,
 * the funding's growth. And the first range it suggests for each kind. */
static void
test_uncertain (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(GPtrArray) paths = pmd_scenario_list_uncertain (sc);
  static const char *const expected[] = {
    "scenario.indexation", "cohorts.c.points.1", "lines.l1.growth", "lines.l1.elasticity", "lines.l2.growth",
    "interventions.i1.return", "interventions.i1.lag", "interventions.i2.fraction", "interventions.i2.cost_ratio",
    "interventions.i2.lag", "funding.growth",
  };
  static const struct { const char *path; double value, low, high; } suggest[] = {
    { "lines.l1.growth", 0.015, 0.005, 0.025 },
    { "lines.l1.elasticity", 0.5, 0.3, 0.7 },
    { "lines.l1.elasticity", 0.9, 0.7, 1.0 },
    { "interventions.i2.fraction", 0.2, 0.1, 0.3 },
    { "interventions.i2.fraction", 0.8, 0.4, 1.0 },
    { "cohorts.c.points.1", 12500, 11250, 13750 },
    { "interventions.i1.lag", 0, 0, 2 },
    { "interventions.i1.return", 1.5, 1.125, 1.875 },
    { "funding.growth", -0.02, -0.03, -0.01 },
  };

  g_assert_cmpuint (paths->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (paths, i), ==, expected[i]);
  for (guint i = 0; i < G_N_ELEMENTS (suggest); i++)
    {
      double low, high;

      pmd_range_suggest (suggest[i].path, suggest[i].value, &low, &high);
      g_assert_cmpfloat_with_epsilon (low, suggest[i].low, 1e-12);
      g_assert_cmpfloat_with_epsilon (high, suggest[i].high, 1e-12);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/param/get-set", test_get_set);
  g_test_add_func ("/model/param/errors", test_errors);
  g_test_add_func ("/model/param/variant", test_variant);
  g_test_add_func ("/model/param/variant-rules", test_variant_rules);
  g_test_add_func ("/model/param/describe", test_describe);
  g_test_add_func ("/model/param/format", test_format);
  g_test_add_func ("/model/param/ranges", test_ranges);
  g_test_add_func ("/model/param/uncertain", test_uncertain);
  g_test_add_func ("/model/scenario/copy", test_copy);
  g_test_add_func ("/model/param/source", test_source);

  return g_test_run ();
}
