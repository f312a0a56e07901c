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
    /* More decimals only where the value has them. */
    { "cohorts.c.points.1", 12345, "12.345" },
    { "cohorts.c.points.1", 12345.4, "12.345,4" },
    { "scenario.discount_rate", 0.0225, "2,25%" },
    { "interventions.i2.fraction", 0.5, "50,0%" },
    { "lines.l1.base_cost", 22845123, "€ 22.845.123" },
    { "interventions.i1.lag", 2, "2" },
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

/* The paths of DESIGN.md §2, each field of each collection. */
static const char *const design_paths[] = {
  "scenario.indexation", "scenario.discount_rate", "funding.base", "funding.growth", "cohorts.c.points.0",
  "lines.l1.base_cost", "lines.l1.clients", "lines.l1.growth", "lines.l1.elasticity", "lines.l1.indexation",
  "interventions.i1.fraction", "interventions.i1.cost_ratio", "interventions.i1.amount", "interventions.i1.return",
  "interventions.i1.one_off", "interventions.i1.structural", "interventions.i1.start", "interventions.i1.end",
  "interventions.i1.lag", "interventions.i1.ramp_years", "interventions.i1.enabled",
};

/* Every field of every collection has facts: the paths of DESIGN.md §2 and
 * every path a scenario lists; each entry of the table is found by its
 * collection and field, has words for people and a step; nothing else is a
 * parameter. */
static void
test_facts_every_field (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(GPtrArray) paths = pmd_scenario_list_params (sc);
  static const char *const not_params[] = {
    "lines.l1", "lines.l1.steps", "lines..growth", "scenario.name", "funding.steps", "cohorts.c.points",
    "cohorts.c.points.x", "cohorts.c.values.0", "interventions.i1.type", "growth", "", "scenario.indexation.x",
  };
  const PmdParamFacts *table;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (design_paths); i++)
    g_assert_nonnull (pmd_param_facts (design_paths[i]));
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      const PmdParamFacts *facts = pmd_param_facts (path);
      PmdParam param;

      g_assert_nonnull (facts);
      g_assert_true (g_str_has_prefix (path, facts->collection));
      g_assert_nonnull (strstr (path, facts->field));
      /* Whole or not as the scenario stores it. */
      g_assert_true (pmd_scenario_lookup_param (sc, path, &param, NULL));
      g_assert_cmpint (param.kind, ==, facts->kind);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_params); i++)
    g_assert_null (pmd_param_facts (not_params[i]));

  table = pmd_param_facts_list (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (design_paths));
  for (guint k = 0; k < n; k++)
    {
      g_assert_true (pmd_param_facts_for_field (table[k].collection, table[k].field) == &table[k]);
      g_assert_cmpstr (table[k].words, !=, "");
      g_assert_nonnull (pmd_param_describe_field (table[k].field));
      g_assert_cmpfloat (table[k].step, >, 0);
      g_assert_cmpint (table[k].decimals, >=, 0);
      g_assert_cmpfloat (table[k].min, <, table[k].max);
      g_assert_cmpint (table[k].kind == PMD_PARAM_INT, ==, table[k].unit == PMD_UNIT_YEAR);
      g_assert_cmpint (table[k].kind == PMD_PARAM_BOOL, ==, table[k].widget == PMD_PARAM_WIDGET_SWITCH);
    }
  g_assert_null (pmd_param_facts_for_field ("lines", "steps"));
  g_assert_null (pmd_param_facts_for_field ("layers", "name"));
}

/* One value reads the same through every formatter of the model, on every
 * field: the table's (pmd_param_facts_format()), the path's
 * (pmd_scenario_format_param()) and the unit's with the table's decimals
 * (pmd_param_format_unit()); with decimals -1 the unit's usual decimals are
 * the field's own. */
static void
test_facts_one_format (void)
{
  static const double values[] = { 0, 1, -1, 0.5, 0.015, 0.0225, 0.35, 2.0, 12345.4, 2027, 1e6, 22800000, 22845123,
                                    1.3e9, -3e6, NAN };
  const PmdParamFacts *table;
  guint n;

  table = pmd_param_facts_list (&n);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (table[k].collection, "scenario") || g_str_equal (table[k].collection, "funding"))
        path = g_strdup_printf ("%s.%s", table[k].collection, table[k].field);
      else if (g_str_equal (table[k].collection, "cohorts"))
        path = g_strdup ("cohorts.c.points.1");
      else
        path = g_strdup_printf ("%s.x.%s", table[k].collection, table[k].field);
      g_assert_true (pmd_param_facts (path) == &table[k]);

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *by_facts = pmd_param_facts_format (&table[k], values[i]);
          g_autofree char *by_path = pmd_scenario_format_param (path, values[i]);
          g_autofree char *by_unit = pmd_param_format_unit (table[k].unit, table[k].decimals, values[i]);
          g_autofree char *by_usual = pmd_param_format_unit (table[k].unit, -1, values[i]);

          g_assert_cmpstr (by_path, ==, by_facts);
          g_assert_cmpstr (by_unit, ==, by_facts);
          g_assert_cmpstr (by_usual, ==, by_facts);
        }
    }

  /* One percentage format: a growth, an indexation and a share of 50%
   * read "50,0%" alike (1 decimal each), more only where the value has
   * them: 2,25% stays 2,25%. */
  {
    static const char *const rates[] = { "lines.x.growth", "scenario.indexation", "funding.growth",
                                         "interventions.x.fraction", "scenario.discount_rate" };

    for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
      {
        g_autofree char *half = pmd_scenario_format_param (rates[i], 0.5);
        g_autofree char *fine = pmd_scenario_format_param (rates[i], 0.0225);

        g_assert_cmpstr (half, ==, "50,0%");
        g_assert_cmpstr (fine, ==, "2,25%");
      }
  }
}

/* A year, or a number of years, never gets a thousands separator or
 * decimals: 1900 to 2200 read as printf's "%d" does. */
static void
test_facts_years (void)
{
  const PmdParamFacts *table;
  guint n;

  table = pmd_param_facts_list (&n);
  for (guint k = 0; k < n; k++)
    {
      if (table[k].unit != PMD_UNIT_YEAR)
        continue;
      for (int year = PMD_YEAR_MIN; year <= PMD_YEAR_MAX; year++)
        {
          g_autofree char *text = pmd_param_facts_format (&table[k], year);
          g_autofree char *expected = g_strdup_printf ("%d", year);

          g_assert_cmpstr (text, ==, expected);
        }
    }
  {
    g_autofree char *start = pmd_scenario_format_param ("interventions.x.start", 2027);
    g_autofree char *lag = pmd_scenario_format_param ("interventions.x.lag", 2);

    g_assert_cmpstr (start, ==, "2027");
    g_assert_cmpstr (lag, ==, "2");
  }
}

/* Sets @value on the field of @facts in the worked example and validates.
 * A share and a cost ratio belong to the shift i2, an amount and a return
 * to the investment i1: validation checks the fields of an intervention's
 * own type. A start or end year is set on i2 (no end) for both, so that the
 * end stays on or after the start. */
static gboolean
validates_with (const PmdParamFacts *facts,
                double               value,
                GError             **error)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autofree char *path = NULL;

  if (g_str_equal (facts->collection, "scenario") || g_str_equal (facts->collection, "funding"))
    path = g_strdup_printf ("%s.%s", facts->collection, facts->field);
  else if (g_str_equal (facts->collection, "cohorts"))
    path = g_strdup ("cohorts.c.points.1");
  else if (g_str_equal (facts->collection, "lines"))
    path = g_strdup_printf ("lines.l1.%s", facts->field);
  else if (g_str_equal (facts->field, "start") || g_str_equal (facts->field, "end"))
    {
      g_assert_true (pmd_scenario_set_param (sc, "interventions.i2.start", value, NULL));
      path = g_strdup ("interventions.i2.end");
    }
  else if (g_str_equal (facts->field, "fraction") || g_str_equal (facts->field, "cost_ratio"))
    path = g_strdup_printf ("interventions.i2.%s", facts->field);
  else
    path = g_strdup_printf ("interventions.i1.%s", facts->field);
  g_assert_true (pmd_scenario_set_param (sc, path, value, NULL));
  return pmd_scenario_validate (sc, error);
}

/* The message names the field's JSON path; for an end year set with its
 * start, the start's comes first. */
static void
assert_names_field (const GError        *error,
                    const PmdParamFacts *facts)
{
  g_autofree char *field = g_strdup_printf (".%s", facts->field);

  if (g_str_equal (facts->field, "end"))
    g_assert_nonnull (strstr (error->message, "$.interventions[1].start"));
  else
    g_assert_nonnull (strstr (error->message, field));
}

/* Validation holds each field to the table's limits. Just outside a limit
 * is refused with the field's JSON path; the limit itself is valid unless
 * it is open (a rate above −1, residents above 0), and then just inside it
 * is. "Just" is the next double for a number, one for a whole number.
 * By hand, for the worked example:
 *   lines.l1.elasticity: 0 and 1 valid; −4,9 × 10⁻³²⁴ and 1,0000000000000002 not
 *   lines.l1.growth:     −1 not, −0,999999 valid (a volume of 10⁻⁶ a year on)
 *   lines.l1.base_cost:  0 and € 10¹⁵ valid, just above € 10¹⁵ not
 *   interventions.i1.lag: 0 valid, −1 not;  ramp_years: 1 valid, 0 not
 *   interventions.i2.start and end: 1900 and 2200 valid, 1899 and 2201 not
 *   cohorts.c.points.1:  0 not, 10⁻⁶ valid
 *   funding.base:        ∓€ 10¹⁵ valid, just beyond not */
static void
test_facts_limits (void)
{
  const PmdParamFacts *table;
  guint n;
  guint checked = 0;

  table = pmd_param_facts_list (&n);
  for (guint k = 0; k < n; k++)
    {
      const PmdParamFacts *f = &table[k];
      gboolean whole = f->kind == PMD_PARAM_INT;

      g_test_message ("%s.%s", f->collection, f->field);
      if (isfinite (f->min))
        {
          g_autoptr(GError) error = NULL;
          double outside = whole ? f->min - 1 : nextafter (f->min, -INFINITY);
          double inside = whole ? f->min + 1 : f->min + 1e-6;

          g_assert_false (validates_with (f, f->min_exclusive ? f->min : outside, &error));
          g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
          assert_names_field (error, f);
          g_clear_error (&error);
          g_assert_true (validates_with (f, f->min_exclusive ? inside : f->min, &error));
          g_assert_no_error (error);
          checked++;
        }
      if (isfinite (f->max))
        {
          g_autoptr(GError) error = NULL;
          double outside = whole ? f->max + 1 : nextafter (f->max, INFINITY);

          g_assert_false (validates_with (f, outside, &error));
          g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
          assert_names_field (error, f);
          g_clear_error (&error);
          g_assert_true (validates_with (f, f->max, &error));
          g_assert_no_error (error);
          checked++;
        }
    }
  /* Every field but "enabled" (any number: non-zero is on) has a limit. */
  g_assert_cmpuint (checked, >=, n - 1);
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

/* A lever stores a multiple of its parameter's step, as the round number
 * it is written as. By hand: growth has step 0,001, so 0,0103971119… is
 * 10,397 steps → 10 steps = 0,01; a share of clients (step 0,01) dragged to
 * 0,2523 is 0,25; residents (step 10) 12.504,6 are 12.500; a discount rate
 * (step 0,0025) of 0,0251 is 0,025, written "0.025" in the file. */
static void
test_snap (void)
{
  static const struct { const char *path; double value, expected; const char *written; } cases[] = {
    { "scenario.indexation", 0.0103971119133574, 0.01, "0.01" },
    { "interventions.x.fraction", 0.2523, 0.25, "0.25" },
    { "cohorts.c.points.1", 12504.6, 12500, "12500" },
    { "scenario.discount_rate", 0.0251, 0.025, "0.025" },
    { "funding.growth", -0.0156, -0.016, "-0.016" },
    { "interventions.x.amount", 123456.7, 120000, "120000" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      double snapped = pmd_param_facts_snap (pmd_param_facts (cases[k].path), cases[k].value);
      g_autofree char *written = pmd_format_plain (snapped);

      g_assert_cmpfloat (snapped, ==, cases[k].expected);
      g_assert_cmpstr (written, ==, cases[k].written);
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
  g_test_add_func ("/model/param/facts/every-field", test_facts_every_field);
  g_test_add_func ("/model/param/facts/one-format", test_facts_one_format);
  g_test_add_func ("/model/param/facts/years", test_facts_years);
  g_test_add_func ("/model/param/facts/limits", test_facts_limits);
  g_test_add_func ("/model/param/ranges", test_ranges);
  g_test_add_func ("/model/param/uncertain", test_uncertain);
  g_test_add_func ("/model/scenario/copy", test_copy);
  g_test_add_func ("/model/param/source", test_source);
  g_test_add_func ("/model/param/snap", test_snap);

  return g_test_run ();
}
