/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pmd-scenario-file.h"
#include "pmd-test-utils.h"

/*
 * The Monte Carlo in sentences: the rounding rule on spreads made by hand,
 * the sentences of a seeded run of the bundled scenario checked against
 * percentiles worked out here from the runs themselves, and the Dutch.
 */

/* Type 7, as a spreadsheet's PERCENTILE: h = (n − 1) p between the order
 * statistics. Worked out here rather than asked of the model. */
static double
percentile_by_hand (const double *column,
                    guint         n,
                    double        p)
{
  g_autofree double *sorted = g_memdup2 (column, sizeof (double) * n);
  double h = (n - 1) * p;
  guint lo = (guint) floor (h);

  /* Sorted already by the model; sorting again makes no assumption. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
      {
        double x = sorted[j];
        sorted[j] = sorted[j - 1];
        sorted[j - 1] = x;
      }
  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/* The step for a spread: a tenth of it, down to a power of ten. By hand:
 * 4,9 mln / 10 = 490.000 → 100.000 (tenths of a million); 20 mln / 10 =
 * 2 mln → 1 mln (whole millions); exactly 10 mln → 1 mln; 9,99 mln →
 * 100.000; 300.000 → 10.000; 0 → no step. */
static void
test_rounding (void)
{
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (4.9e6), ==, 1e5);
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (20e6), ==, 1e6);
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (10e6), ==, 1e6);
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (9.99e6), ==, 1e5);
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (300000), ==, 1e4);
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (-4.9e6), ==, 1e5);
  g_assert_cmpfloat (pmd_uncertainty_rounding_step (0), ==, 0);

  /* Untranslated here: "m" for "mln". */
  {
    const struct { double value, step, magnitude; const char *text; } cases[] = {
      { 4123456, 1e5, 0, "€ 4,1 m" },
      { 8960000, 1e5, 0, "€ 9,0 m" },     /* the zero stays: it is a digit the spread supports */
      { 12449999, 1e6, 0, "€ 12 m" },
      { 452345, 1e4, 0, "€ 450.000" },
      { 452345, 1e4, 1.3e6, "€ 0,45 m" }, /* beside € 1,3 mln: the same unit */
      { 2.449e9, 1e8, 0, "€ 2,4 bn" },
      { 4123456, 0, 0, "€ 4,1 m" },       /* no spread: as the key figures */
    };

    for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
      {
        g_autofree char *text = pmd_uncertainty_format_amount (cases[k].value, cases[k].step, cases[k].magnitude);
        g_assert_cmpstr (text, ==, cases[k].text);
      }
  }

  /* Whole percents from 1.000 runs on, multiples of 5 below; 0 and 100
   * only when none or all. 212 of 250 = 84,8% → 85; 123 of 250 = 49,2% →
   * 50; 999 of 1.000 = 99,9% → not 100 but 99; 1 of 1.000 → 1. */
  g_assert_cmpint (pmd_uncertainty_round_chance (850, 1000), ==, 85);
  g_assert_cmpint (pmd_uncertainty_round_chance (1264, 2000), ==, 63);
  g_assert_cmpint (pmd_uncertainty_round_chance (999, 1000), ==, 99);
  g_assert_cmpint (pmd_uncertainty_round_chance (1, 1000), ==, 1);
  g_assert_cmpint (pmd_uncertainty_round_chance (0, 1000), ==, 0);
  g_assert_cmpint (pmd_uncertainty_round_chance (1000, 1000), ==, 100);
  g_assert_cmpint (pmd_uncertainty_round_chance (212, 250), ==, 85);
  g_assert_cmpint (pmd_uncertainty_round_chance (123, 250), ==, 50);
  g_assert_cmpint (pmd_uncertainty_round_chance (249, 250), ==, 95);
  g_assert_cmpint (pmd_uncertainty_round_chance (1, 250), ==, 5);
}

/* Ten runs made by hand, one year: gaps of −2 … 7 mln. P10: h = 0,9 →
 * −2 + 0,9 = −1,1 mln; P90: h = 8,1 → 6 + 0,1 = 6,1 mln; spread 7,2 mln →
 * tenths of a million. Seven of ten runs have a shortfall: 70%, a multiple
 * of 5 with so few runs. */
static void
test_hand_made (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  double gap[10] = { -2e6, -1e6, 0, 1e6, 2e6, 3e6, 4e6, 5e6, 6e6, 7e6 };
  double p_gap = 0.7;
  guint counts[1] = { 0 };
  PmdMonteCarlo mc = { 10, 2026, 1, gap, gap, gap, &p_gap, counts, 10 };
  g_autoptr(PmdUncertaintyText) text = NULL;

  g_assert_true (pmd_projection_compute (p, sc, NULL));
  text = pmd_uncertainty_text_new (sc, p, &mc, NULL, NULL, 2026);
  g_assert_cmpint (text->year, ==, 2026);
  g_assert_cmpstr (text->range, ==, "In 8 of 10 runs the outcome in 2026 lies between a surplus of € 1,1 m and a "
                                    "shortfall of € 6,1 m.");
  g_assert_cmpstr (text->chance, ==, "The chance of a shortfall in 2026 is 70%.");
  g_assert_null (text->driver);

  /* All below zero: a surplus, from small to large. −9 … −0 mln: P10 =
   * −8,1, P90 = −0,9 → between € 0,9 and € 8,1 mln. */
  for (guint k = 0; k < 10; k++)
    gap[k] = -9e6 + k * 1e6;
  p_gap = 0;
  g_clear_pointer (&text, pmd_uncertainty_text_free);
  text = pmd_uncertainty_text_new (sc, p, &mc, NULL, NULL, 0);
  g_assert_cmpstr (text->range, ==, "In 8 of 10 runs the surplus in 2026 lies between € 0,9 m and € 8,1 m.");
  g_assert_cmpstr (text->chance, ==, "None of the 10 runs gives a shortfall in 2026.");
  /* The brief form: the range and the chance. */
  {
    g_autofree char *brief = pmd_uncertainty_text_to_string (text, TRUE);
    g_autofree char *expected = g_strdup_printf ("%s\n%s", text->range, text->chance);

    g_assert_cmpstr (brief, ==, expected);
  }
}

/* A seeded run of the bundled scenario: each number in the sentences is
 * the one worked out here from the runs. */
static void
test_seeded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(PmdMonteCarlo) again = NULL;
  g_autoptr(GArray) swings = NULL;
  g_autoptr(PmdUncertaintyText) text = NULL;
  g_autoptr(PmdUncertaintyText) text_again = NULL;
  const int year = 2030;
  int t;
  double lo, hi, step;
  guint shortfalls = 0, paid = 0;

  g_assert_no_error (error);
  g_assert_true (pmd_projection_compute (p, sc, &error));
  mc = pmd_monte_carlo_run (sc, 2000, 7, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  swings = pmd_sensitivity (sc, "totals.gap", year, NULL, &error);
  g_assert_no_error (error);
  text = pmd_uncertainty_text_new (sc, p, mc, swings, "totals.gap", year);
  t = year - mc->base_year;

  /* The range: P10 and P90 of the gaps of 2030, rounded to a power of ten
   * at most a tenth of their distance. */
  lo = percentile_by_hand (mc->gap + (gsize) t * mc->runs, mc->runs, 0.1);
  hi = percentile_by_hand (mc->gap + (gsize) t * mc->runs, mc->runs, 0.9);
  step = pow (10, floor (log10 ((hi - lo) / 10)));
  g_test_message ("P10 %.0f P90 %.0f step %.0f: %s", lo, hi, step, text->range);
  g_assert_cmpfloat (step, <=, (hi - lo) / 10);
  g_assert_cmpfloat (step * 10, >, (hi - lo) / 10);
  {
    double m = MAX (fabs (lo), fabs (hi));
    g_autofree char *a = pmd_uncertainty_format_amount (lo >= 0 ? lo : hi <= 0 ? -hi : -lo, step, m);
    g_autofree char *b = pmd_uncertainty_format_amount (lo >= 0 || hi > 0 ? hi : -lo, step, m);
    g_autofree char *expected = NULL;

    if (lo >= 0)
      expected = g_strdup_printf ("In 8 of 10 runs the shortfall in 2030 lies between %s and %s.", a, b);
    else if (hi <= 0)
      expected = g_strdup_printf ("In 8 of 10 runs the surplus in 2030 lies between %s and %s.", a, b);
    else
      expected = g_strdup_printf ("In 8 of 10 runs the outcome in 2030 lies between a surplus of %s and a "
                                  "shortfall of %s.", a, b);
    g_assert_cmpstr (text->range, ==, expected);
    /* The amounts themselves, by hand: to the step, in millions. */
    if (lo >= 0 && step == 1e5)
      {
        g_autofree char *num = g_strdup_printf ("%.1f", round (lo / 1e5) / 10);
        g_strdelimit (num, ".", ',');
        g_assert_nonnull (strstr (text->range, num));
      }
  }

  /* The chance: the runs with a gap above zero in 2030, in whole percents
   * (2.000 runs). */
  for (guint r = 0; r < mc->runs; r++)
    if (mc->gap[(gsize) t * mc->runs + r] > 0)
      shortfalls++;
  {
    int percent = (int) lround (100.0 * shortfalls / mc->runs);
    g_autofree char *expected = NULL;

    g_test_message ("%u of %u runs short: %s", shortfalls, mc->runs, text->chance);
    if (shortfalls == 0)
      expected = g_strdup ("None of the 2.000 runs gives a shortfall in 2030.");
    else if (shortfalls == mc->runs)
      expected = g_strdup ("All 2.000 runs give a shortfall in 2030.");
    else
      expected = g_strdup_printf ("The chance of a shortfall in 2030 is %d%%.", CLAMP (percent, 1, 99));
    g_assert_cmpstr (text->chance, ==, expected);
  }

  /* The payback: the runs paid back by the plan's own payback year. */
  g_assert_nonnull (text->payback);
  g_test_message ("%s", text->payback);
  if (p->has_payback)
    {
      g_autofree char *expected = NULL;

      for (int y = 0; y <= p->payback_year - mc->base_year; y++)
        paid += mc->payback_counts[y];
      expected = g_strdup_printf ("The chance that the interventions pay for themselves by %d at the latest is %d%%.",
                                  p->payback_year, pmd_uncertainty_round_chance (paid, mc->runs));
      g_assert_cmpstr (text->payback, ==, expected);
    }
  else
    g_assert_nonnull (strstr (text->payback, "do not pay for themselves"));

  /* The driver: the tornado's top, in its words. */
  {
    const PmdSwing *top = &g_array_index (swings, PmdSwing, 0);
    g_autofree char *words = pmd_scenario_describe_param (sc, top->path);
    g_autofree char *quoted = g_strdup_printf ("“%s”", words);

    for (guint k = 1; k < swings->len; k++)
      g_assert_cmpfloat (g_array_index (swings, PmdSwing, k).swing, <=, top->swing);
    g_test_message ("%s", text->driver);
    g_assert_nonnull (text->driver);
    g_assert_nonnull (strstr (text->driver, quoted));
    g_assert_nonnull (strstr (text->driver, "the shortfall in 2030"));
  }

  /* The same seed, the same sentences. */
  again = pmd_monte_carlo_run (sc, 2000, 7, NULL, NULL, NULL, &error);
  text_again = pmd_uncertainty_text_new (sc, p, again, swings, "totals.gap", year);
  g_assert_cmpstr (text->range, ==, text_again->range);
  g_assert_cmpstr (text->chance, ==, text_again->chance);
  g_assert_cmpstr (text->payback, ==, text_again->payback);
}

/* In Dutch the sentences read as a council member would say them. */
static void
test_dutch (void)
{
  const char *localedir = g_getenv ("PIRAMIDE_LOCALEDIR");
  g_autofree char *mo = localedir != NULL ? g_build_filename (localedir, "nl", "LC_MESSAGES",
                                                               GETTEXT_PACKAGE ".mo", NULL) : NULL;
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  double gap[10] = { 4.0e6, 4.1e6, 4.5e6, 5e6, 6e6, 7e6, 8e6, 8.6e6, 8.95e6, 9.5e6 };
  double p_gap = 1.0;
  guint counts[1] = { 0 };
  PmdMonteCarlo mc = { 10, 2030, 1, gap, gap, gap, &p_gap, counts, 10 };
  g_autoptr(PmdUncertaintyText) text = NULL;

  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("no nl_NL.UTF-8 locale or no translations built");
      return;
    }
  g_setenv ("LANGUAGE", "nl", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_true (pmd_projection_compute (p, sc, NULL));
  /* P10: 4,0 + 0,9 × 0,1 = 4,09 mln; P90: 8,95 + 0,1 × 0,55 = 9,005 mln;
   * spread 4,9 mln → tenths: € 4,1 mln and € 9,0 mln. */
  text = pmd_uncertainty_text_new (sc, p, &mc, NULL, NULL, 2030);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (text->range, ==, "In 8 van de 10 doorrekeningen ligt het tekort in 2030 tussen € 4,1 mln en € 9,0 mln.");
  g_assert_cmpstr (text->chance, ==, "Alle 10 doorrekeningen geven in 2030 een tekort.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/uncertainty-text/rounding", test_rounding);
  g_test_add_func ("/model/uncertainty-text/hand-made", test_hand_made);
  g_test_add_func ("/model/uncertainty-text/seeded", test_seeded);
  g_test_add_func ("/model/uncertainty-text/dutch", test_dutch);
  return g_test_run ();
}
