/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-test-utils.h"
#include "pmd-uncertainty-private.h"

/* The mean of a triangular distribution is (low + mode + high) / 3:
 * (0 + 1 + 5) / 3 = 2. With 200.000 draws the standard error is
 * sqrt(var / n), var = (a² + b² + c² − ab − ac − bc) / 18 = (0 + 25 + 1 − 0 − 0 − 5) / 18
 * = 1.1667, so 0.0024: 0.02 is eight of them. */
static void
test_triangular_mean (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double sum = 0, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  const int n = 200000;

  for (int i = 0; i < n; i++)
    {
      double x = pmd_triangular_sample (rand, 0, 1, 5);
      sum += x;
      lo = MIN (lo, x);
      hi = MAX (hi, x);
    }
  g_assert_cmpfloat_with_epsilon (sum / n, 2.0, 0.02);
  g_assert_cmpfloat (lo, >=, 0);
  g_assert_cmpfloat (hi, <=, 5);
  /* A range of zero width is its mode. */
  g_assert_cmpfloat (pmd_triangular_sample (rand, 3, 3, 3), ==, 3);
}

/* Type 7: h = (n − 1) p. For 1, 2, 3, 4: P10 → h = 0.3 → 1.3; P50 → 2.5;
 * P90 → 3.7; P0 → 1; P100 → 4. */
static void
test_percentile (void)
{
  const double v[] = { 1, 2, 3, 4 };

  g_assert_cmpfloat_with_epsilon (pmd_percentile (v, 4, 0.1), 1.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (pmd_percentile (v, 4, 0.5), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (pmd_percentile (v, 4, 0.9), 3.7, 1e-12);
  g_assert_cmpfloat (pmd_percentile (v, 4, 0), ==, 1);
  g_assert_cmpfloat (pmd_percentile (v, 4, 1), ==, 4);
  g_assert_cmpfloat (pmd_percentile (v, 1, 0.3), ==, 1);
}

static PmdScenario *
ranged_scenario (void)
{
  PmdScenario *sc = pmd_test_scenario_two_lines ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (sc->ranges, pmd_range_new ("lines.l1.growth", 0, 0.05));
  g_ptr_array_add (sc->ranges, pmd_range_new ("interventions.i1.return", 1, 3));
  g_ptr_array_add (sc->ranges, pmd_range_new ("cohorts.c.points.1", 1500, 3000));
  g_ptr_array_add (sc->ranges, pmd_range_new ("interventions.i2.lag", 0, 2));
  g_assert_true (pmd_scenario_validate (sc, &error));
  return sc;
}

static void
test_seeds (void)
{
  g_autoptr(PmdScenario) sc = ranged_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdMonteCarlo) a = pmd_monte_carlo_run (sc, 2000, 11, NULL, NULL, NULL, &error);
  g_autoptr(PmdMonteCarlo) b = pmd_monte_carlo_run (sc, 2000, 11, NULL, NULL, NULL, &error);
  g_autoptr(PmdMonteCarlo) c = pmd_monte_carlo_run (sc, 2000, 12, NULL, NULL, NULL, &error);
  gsize size = sizeof (double) * 2000 * a->n_years;
  guint total_paid = 0;

  g_assert_no_error (error);
  /* The same seed, the same numbers, to the bit (two threads or not). */
  g_assert_cmpmem (a->total, size, b->total, size);
  g_assert_cmpmem (a->gap, size, b->gap, size);
  g_assert_cmpmem (a->savings, size, b->savings, size);
  /* Another seed: other numbers, close percentiles (within 1%). */
  g_assert_true (memcmp (a->total, c->total, size) != 0);
  for (int t = 0; t < a->n_years; t++)
    {
      double pa = pmd_monte_carlo_percentile (a, a->total, t, 0.5);
      double pc = pmd_monte_carlo_percentile (c, c->total, t, 0.5);
      g_assert_cmpfloat (fabs (pa - pc), <=, 0.01 * pa);
    }
  /* P10 ≤ P50 ≤ P90 everywhere; shares are shares; every run is counted once. */
  for (int t = 0; t < a->n_years; t++)
    {
      const double *series[] = { a->total, a->gap, a->savings };
      for (guint s = 0; s < 3; s++)
        {
          g_assert_cmpfloat (pmd_monte_carlo_percentile (a, series[s], t, 0.1), <=,
                             pmd_monte_carlo_percentile (a, series[s], t, 0.5));
          g_assert_cmpfloat (pmd_monte_carlo_percentile (a, series[s], t, 0.5), <=,
                             pmd_monte_carlo_percentile (a, series[s], t, 0.9));
        }
      g_assert_cmpfloat (a->p_gap_positive[t], >=, 0);
      g_assert_cmpfloat (a->p_gap_positive[t], <=, 1.0 + 1e-12);
      total_paid += a->payback_counts[t];
    }
  g_assert_cmpuint (total_paid + a->never_paid_back, ==, 2000);

  /* Each year's runs are in ascending order (negative savings included). */
  for (int t = 0; t < a->n_years; t++)
    for (guint r = 1; r < a->runs; r++)
      {
        g_assert_cmpfloat (a->total[t * a->runs + r - 1], <=, a->total[t * a->runs + r]);
        g_assert_cmpfloat (a->gap[t * a->runs + r - 1], <=, a->gap[t * a->runs + r]);
        g_assert_cmpfloat (a->savings[t * a->runs + r - 1], <=, a->savings[t * a->runs + r]);
      }
}

/* Every kind of parameter a range can reach: a line's growth, elasticity,
 * base cost; a cohort point; the scenario's indexation; the funding; an
 * investment's return, amount, one-off, ramp and end; a shift's fraction,
 * cost ratio, structural cost, start and lag. */
static PmdScenario *
pinned_scenario (void)
{
  PmdScenario *sc = pmd_test_scenario_two_lines ();
  g_autoptr(GError) error = NULL;
  static const struct { const char *path; double low, high; } ranges[] = {
    { "lines.l1.growth", 0, 0.05 },
    { "lines.l1.elasticity", 0.3, 0.8 },
    { "lines.l2.base_cost", 400000, 700000 },
    { "cohorts.c.points.1", 1500, 3000 },
    { "scenario.indexation", 0, 0.04 },
    { "funding.base", 1500000, 1700000 },
    { "funding.growth", 0, 0.03 },
    { "interventions.i1.return", 1, 3 },
    { "interventions.i1.amount", 50000, 150000 },
    { "interventions.i1.one_off", 0, 80000 },
    { "interventions.i1.ramp_years", 1, 3 },
    { "interventions.i1.end", 2028, 2030 },
    { "interventions.i2.fraction", 0.1, 0.3 },
    { "interventions.i2.cost_ratio", 0.3, 0.9 },
    { "interventions.i2.structural", 0, 20000 },
    { "interventions.i2.start", 2027, 2029 },
    { "interventions.i2.lag", 0, 2 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (ranges); k++)
    g_ptr_array_add (sc->ranges, pmd_range_new (ranges[k].path, ranges[k].low, ranges[k].high));
  g_assert_true (pmd_scenario_validate (sc, &error));
  return sc;
}

/* A seeded Monte Carlo pinned to the numbers the scalar, one-run-at-a-time
 * code gave before the runs were made in lanes (commit "Pin a seeded Monte
 * Carlo result"): any faster way of making the runs must give them again,
 * within 1e-9 relative (a cent where a value is near zero). */
static void
test_pinned (void)
{
  g_autoptr(PmdScenario) sc = pinned_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdMonteCarlo) mc = pmd_monte_carlo_run (sc, 1000, 20260614, NULL, NULL, NULL, &error);
  const double levels[] = { 0.1, 0.5, 0.9 };
  static const double expected[3][3][5] = {
    {
      { 1462859.2267625867, 1674965.8774878974, 1654879.4885706585, 1636621.26584197, 1779306.2559814847, },
      { 1529021.2705251777, 1752375.3014910258, 1790937.1092387377, 1775619.5621840106, 1933193.6093767039, },
      { 1623544.2916591261, 1862182.1552018335, 1914540.0677330664, 1932404.1877521034, 2122501.1478056735, },
    },
    {
      { -59499.272475604055, 129061.63681505433, 104133.33148444277, 9238.8480556722989, 122275.37043026916, },
      { 30984.568364535109, 233814.09309057065, 245224.61616556579, 156401.51020742755, 297134.46927419712, },
      { 130804.49596033893, 353653.67844763055, 387153.0174571636, 333789.67157840385, 495541.7214141938, },
    },
    {
      { 0, -178954.83171563753, -30505.24375544081, 73416.24150415312, 63077.431387456767, },
      { 0, -143349.33020269242, 27556.646605695947, 171068.41813645058, 124772.57899467053, },
      { 0, -101568.28232722128, 139763.23405779924, 254549.83860047502, 213083.81617328399, },
    },
  };
  static const double p_gap_positive[5] = { 0.67000000000000048, 0.99800000000000078, 0.98800000000000077, 0.9130000000000007, 0.98900000000000077, };
  static const guint payback_counts[5] = { 0, 4, 120, 598, 197, };

  g_assert_no_error (error);
  g_assert_cmpint (mc->n_years, ==, 5);
  for (int s = 0; s < 3; s++)
    for (int l = 0; l < 3; l++)
      for (int t = 0; t < 5; t++)
        {
          const double *series[] = { mc->total, mc->gap, mc->savings };
          double got = pmd_monte_carlo_percentile (mc, series[s], t, levels[l]);

          g_assert_cmpfloat_with_epsilon (got, expected[s][l][t], MAX (0.01, 1e-9 * fabs (expected[s][l][t])));
        }
  for (int t = 0; t < 5; t++)
    {
      g_assert_cmpfloat_with_epsilon (mc->p_gap_positive[t], p_gap_positive[t], 1e-9);
      g_assert_cmpuint (mc->payback_counts[t], ==, payback_counts[t]);
    }
  g_assert_cmpuint (mc->never_paid_back, ==, 81);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Selected levels are the sorted runs' percentiles to the bit; a level
 * not asked for is found too; the runs are the same multiset. */
static void
test_levels (void)
{
  g_autoptr(PmdScenario) sc = pinned_scenario ();
  g_autoptr(GError) error = NULL;
  const double levels[] = { 0.9, 0.1, 0.5, 1.0 };
  g_autoptr(PmdMonteCarlo) sorted = pmd_monte_carlo_run (sc, 777, 5, NULL, NULL, NULL, &error);
  g_autoptr(PmdMonteCarlo) selected = pmd_monte_carlo_run_levels (sc, 777, 5, levels, G_N_ELEMENTS (levels), NULL,
                                                                  NULL, NULL, &error);

  g_assert_no_error (error);
  for (int t = 0; t < sorted->n_years; t++)
    {
      const double *a[] = { sorted->total, sorted->gap, sorted->savings };
      const double *b[] = { selected->total, selected->gap, selected->savings };
      const double asked[] = { 0.1, 0.5, 0.9, 1.0, 0.0, 0.25, 0.123 };

      for (guint s = 0; s < 3; s++)
        {
          g_autofree double *runs = g_memdup2 (b[s] + (gsize) t * 777, sizeof (double) * 777);

          for (guint l = 0; l < G_N_ELEMENTS (asked); l++)
            g_assert_cmpfloat (pmd_monte_carlo_percentile (selected, b[s], t, asked[l]), ==,
                               pmd_monte_carlo_percentile (sorted, a[s], t, asked[l]));
          qsort (runs, 777, sizeof (double), compare_double);
          for (guint r = 0; r < 777; r++)
            g_assert_cmpfloat (runs[r], ==, a[s][(gsize) t * 777 + r]);
        }
      g_assert_cmpfloat (selected->p_gap_positive[t], ==, sorted->p_gap_positive[t]);
      g_assert_cmpuint (selected->payback_counts[t], ==, sorted->payback_counts[t]);
    }
}

/* A linear output with a symmetric range: the funding base ±200.000 around
 * 1.600.000. The gap is scenario − funding, linear in the base with slope
 * −1 (−1.01^t later), and a symmetric triangle has its median at the mode:
 * P50 of the gap equals the deterministic gap. The sampling error of a
 * median of 4.000 draws is about 1.25 × σ / √n = 1.25 × 81.650 / 63 ≈ 1.600;
 * 5.000 (three of them) is the tolerance. */
static void
test_symmetric_median (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) p = NULL;
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (sc->ranges, pmd_range_new ("funding.base", 1400000, 1800000));
  g_assert_true (pmd_scenario_validate (sc, &error));
  p = pmd_project (sc, &error);
  mc = pmd_monte_carlo_run (sc, 4000, 3, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (int t = 0; t < p->n_years; t++)
    {
      g_assert_cmpfloat_with_epsilon (pmd_monte_carlo_percentile (mc, mc->gap, t, 0.5), p->gap[t], 5000);
      /* The cost does not depend on the funding: every run the same. */
      g_assert_cmpfloat_with_epsilon (pmd_monte_carlo_percentile (mc, mc->total, t, 0.1), p->total_scenario[t], 1e-6);
      g_assert_cmpfloat_with_epsilon (pmd_monte_carlo_percentile (mc, mc->total, t, 0.9), p->total_scenario[t], 1e-6);
    }
}

/* The same seed gives the same runs to the bit on one thread or on five:
 * each run's draws come from the seed and its index alone. 1.000 runs are
 * 16 chunks, the last of 40 runs, so the threads share them unevenly. */
static void
test_threads (void)
{
  g_autoptr(PmdScenario) sc = ranged_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdMonteCarlo) one = _pmd_monte_carlo_run_threads (sc, 1000, 7, 1, NULL, NULL, NULL, &error);
  g_autoptr(PmdMonteCarlo) five = _pmd_monte_carlo_run_threads (sc, 1000, 7, 5, NULL, NULL, NULL, &error);
  g_autoptr(PmdMonteCarlo) public = pmd_monte_carlo_run (sc, 1000, 7, NULL, NULL, NULL, &error);
  gsize size = sizeof (double) * 1000 * one->n_years;

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const PmdMonteCarlo *other = i == 0 ? five : public;

      g_assert_cmpmem (one->total, size, other->total, size);
      g_assert_cmpmem (one->gap, size, other->gap, size);
      g_assert_cmpmem (one->savings, size, other->savings, size);
      g_assert_cmpmem (one->p_gap_positive, sizeof (double) * one->n_years,
                       other->p_gap_positive, sizeof (double) * other->n_years);
      g_assert_cmpmem (one->payback_counts, sizeof (guint) * one->n_years,
                       other->payback_counts, sizeof (guint) * other->n_years);
      g_assert_cmpuint (one->never_paid_back, ==, other->never_paid_back);
    }
  /* The runs differ: in the last year the lowest total is below the highest. */
  g_assert_cmpfloat (one->total[(gsize) (one->n_years - 1) * one->runs], <,
                     one->total[(gsize) one->n_years * one->runs - 1]);
}

/* Draws that cannot be computed: growth drawn from (0, 0, 10^100) is above
 * 10^76 but for a chance of 2 × 10^-24, and € 1.000 × (10^76)^4 > 1,8 × 10^308
 * overflows in the fourth year after 2030, while three years stay below
 * 10^303. So run 1 already fails in 2034, and the error names it however
 * many threads share the runs. */
static void
test_overflow_error (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(GError) one = NULL;
  g_autoptr(GError) four = NULL;
  g_autoptr(PmdMonteCarlo) a = NULL;
  g_autoptr(PmdMonteCarlo) b = NULL;

  g_ptr_array_add (sc->ranges, pmd_range_new ("lines.a.growth", 0, 1e100));
  a = _pmd_monte_carlo_run_threads (sc, 500, 3, 1, NULL, NULL, NULL, &one);
  b = _pmd_monte_carlo_run_threads (sc, 500, 3, 4, NULL, NULL, NULL, &four);
  g_assert_null (a);
  g_assert_null (b);
  g_assert_error (one, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_assert_cmpstr (one->message, ==, four->message);
  g_assert_cmpstr (one->message, ==, "run 1: with the values drawn from the ranges the costs in 2034 are too large "
                                     "to compute; narrow the ranges");
}

/* Cancelled before it starts: the error at once, no runs made. */
static void
test_cancel (void)
{
  g_autoptr(PmdScenario) sc = ranged_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PmdMonteCarlo) mc = NULL;

  g_cancellable_cancel (cancellable);
  mc = pmd_monte_carlo_run (sc, 1000, 1, cancellable, NULL, NULL, &error);
  g_assert_null (mc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         done;
  guint         total;
} Progress;

static void
cancel_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  progress->done = done;
  progress->total = total;
  g_cancellable_cancel (progress->cancellable);
}

static void
count_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Progress *progress = user_data;

  /* In whole chunks (of 1.000 runs: 15 of 64 and one of 40), never backwards. */
  g_assert_cmpuint (total, ==, 1000);
  g_assert_true (done % 64 == 0 || done % 64 == 40);
  g_assert_cmpuint (done, >, progress->done);
  progress->calls++;
  progress->done = done;
  progress->total = total;
}

/* Cancelled from the progress callback after the first chunk: the error,
 * and no further progress is reported. On the way there, progress comes
 * per chunk and ends at all runs. */
static void
test_cancel_from_progress (void)
{
  g_autoptr(PmdScenario) sc = ranged_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PmdMonteCarlo) mc = NULL;
  Progress progress = { cancellable, 0, 0, 0 };
  Progress counted = { NULL, 0, 0, 0 };

  mc = _pmd_monte_carlo_run_threads (sc, 100000, 1, 2, cancellable, cancel_progress_cb, &progress, &error);
  g_assert_null (mc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.done, >=, 64);
  g_assert_cmpuint (progress.done, <, 100000);
  g_assert_cmpuint (progress.total, ==, 100000);
  g_clear_error (&error);

  mc = _pmd_monte_carlo_run_threads (sc, 1000, 1, 3, NULL, count_progress_cb, &counted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mc);
  g_assert_cmpuint (counted.calls, >=, 1);
  g_assert_cmpuint (counted.done, ==, 1000);
  g_assert_cmpuint (counted.total, ==, 1000);
}

/*
 * The tornado, worked out by hand on line a (1.000, base year 2030), output
 * the baseline total in 2032 (t = 2):
 *   base_cost [900, 1.300]: 900 and 1.300 → swing 400
 *   growth [0, 0.1]: 1.000 and 1.000 × 1.1² = 1.210 → swing 210
 *   funding.base [0, 5.000]: the baseline does not move → swing 0
 */
static void
test_sensitivity_order (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(GArray) swings = NULL;
  g_autoptr(GError) error = NULL;
  double base;

  g_ptr_array_add (sc->ranges, pmd_range_new ("funding.base", 0, 5000));
  g_ptr_array_add (sc->ranges, pmd_range_new ("lines.a.growth", 0, 0.1));
  g_ptr_array_add (sc->ranges, pmd_range_new ("lines.a.base_cost", 900, 1300));
  swings = pmd_sensitivity (sc, "totals.baseline", 2032, &base, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (base, 1000, 1e-9);
  g_assert_cmpuint (swings->len, ==, 3);
  g_assert_cmpstr (g_array_index (swings, PmdSwing, 0).path, ==, "lines.a.base_cost");
  g_assert_cmpfloat_with_epsilon (g_array_index (swings, PmdSwing, 0).swing, 400, 1e-9);
  g_assert_cmpstr (g_array_index (swings, PmdSwing, 1).path, ==, "lines.a.growth");
  g_assert_cmpfloat_with_epsilon (g_array_index (swings, PmdSwing, 1).at_high, 1210, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (swings, PmdSwing, 1).swing, 210, 1e-9);
  g_assert_cmpstr (g_array_index (swings, PmdSwing, 2).path, ==, "funding.base");
  g_assert_cmpfloat (g_array_index (swings, PmdSwing, 2).swing, ==, 0);
  g_assert_null (pmd_sensitivity (sc, "totals.nope", 2032, NULL, &error));
}

/*
 * Goal seek: an invest of 100 a year from a (1.000) to b with return r.
 * In 2030 the scenario total is 1.000 − 100 r + 100, so a total of 900
 * needs r = 2. Put back and projected, the total is 900 to the euro.
 * A total of 500 would need r = 6, outside [0, 3]: no value reaches it.
 */
static void
test_goal_seek (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000);
  g_autoptr(PmdProjection) p = NULL;
  g_autoptr(GError) error = NULL;
  PmdIntervention *iv = pmd_intervention_new ("i", PMD_INTERVENTION_INVEST, "a", "b", 2030);
  double r, closest_x = 0, closest_value = 0;

  iv->amount = 100;
  iv->ret = 1;
  g_ptr_array_add (sc->interventions, iv);
  g_assert_true (pmd_scenario_validate (sc, &error));

  g_assert_true (pmd_goal_seek (sc, "interventions.i.return", "totals.scenario", 2030, 900, 0, 3, &r, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (r, 2.0, 1e-6);
  g_assert_true (pmd_scenario_set_param (sc, "interventions.i.return", r, &error));
  p = pmd_project (sc, &error);
  g_assert_cmpfloat_with_epsilon (p->total_scenario[0], 900, 1.0);

  g_assert_false (pmd_goal_seek (sc, "interventions.i.return", "totals.scenario", 2030, 500, 0, 3, &r, NULL, NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_NO_SOLUTION);
  g_assert_nonnull (strstr (error->message, "no value"));
  g_clear_error (&error);

  /* The closest it came: r = 3 gives 1.000 − 300 + 100 = 800. */
  g_assert_false (pmd_goal_seek (sc, "interventions.i.return", "totals.scenario", 2030, 500, 0, 3, &r,
                                      &closest_x, &closest_value, &error));
  g_assert_cmpfloat_with_epsilon (closest_x, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (closest_value, 800, 1e-6);
  g_clear_error (&error);

  /* A far target: the closest is r = 0, giving 1.000 + 100 = 1.100; the
   * output is reported as it is, not as (1.100 − 10²³) + 10²³ = 0. */
  g_assert_false (pmd_goal_seek (sc, "interventions.i.return", "totals.scenario", 2030, 1e23, 0, 3, &r,
                                      &closest_x, &closest_value, &error));
  g_assert_cmpfloat (closest_x, ==, 0);
  g_assert_cmpfloat_with_epsilon (closest_value, 1100, 1e-6);
  g_clear_error (&error);

  /* Half a cent from the target is the target: the lowest total in the
   * range is 800 at r = 3, so 799,996 (0,004 below it) is reached there. */
  g_assert_true (pmd_goal_seek (sc, "interventions.i.return", "totals.scenario", 2030, 799.996, 0, 3, &r,
                                NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (r, 3, 1e-9);

  /* A return cannot be negative: a range down to −1 is refused, with the
   * rule, before anything is searched. */
  g_assert_false (pmd_goal_seek (sc, "interventions.i.return", "totals.scenario", 2030, 900, -1, 3, &r,
                                      NULL, NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the search range [−1,00; 3,00] holds values the parameter cannot take"));
  g_assert_nonnull (strstr (error->message, "return"));
  /* In words, as the window shows it: the intervention and the field, no
   * place in the file. */
  g_assert_null (strstr (error->message, "$."));
}

static void
test_describe_output (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  static const struct { const char *output, *label; } cases[] = {
    { "totals.gap", "Gap to funding" },
    { "totals.scenario", "Total cost" },
    { "layers.top.scenario", "Cost: Top" },
    { "lines.l2.baseline", "Cost without interventions: Line 2" },
    { "npv", "Net present value of the savings" },
    { "layers.nowhere.scenario", "layers.nowhere.scenario" },
    { "nonsense", "nonsense" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = pmd_describe_output (sc, cases[i].output);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Two scenarios side by side. The first: line a at € 1.000.000 a year,
 * 2030–2035, no growth, no indexation. The second: the same line from 2032
 * with 10% volume growth: 2032 € 1.000.000, 2033 € 1.100.000, 2034
 * € 1.210.000. Differences to the first: 0 in 2032, € 100.000 in 2033,
 * € 210.000 in 2034; none in 2030 (the second starts later) or 2036 (the
 * first has ended). The only assumption that differs is a's growth. */
static void
test_compare (void)
{
  g_autoptr(PmdScenario) first = pmd_test_scenario_one_line (1000000);
  g_autoptr(PmdScenario) second = pmd_test_scenario_one_line (1000000);
  g_autoptr(PmdComparison) cmp = pmd_comparison_new ();
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GError) error = NULL;
  const PmdCompareDifference *d;

  first->indexation = 0;
  second->indexation = 0;
  second->base_year = 2032;
  g_assert_true (pmd_scenario_set_param (second, "lines.a.growth", 0.10, NULL));

  g_assert_true (pmd_comparison_add (cmp, first, NULL, "first.json", &error));
  g_assert_true (pmd_comparison_add (cmp, second, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pmd_comparison_get_n (cmp), ==, 2);
  g_assert_cmpstr (pmd_comparison_get (cmp, 0)->file, ==, "first.json");
  g_assert_null (pmd_comparison_get (cmp, 1)->variant);

  g_assert_cmpfloat_with_epsilon (pmd_comparison_difference (cmp, 1, 2032), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (pmd_comparison_difference (cmp, 1, 2033), 100000, 1e-6);
  g_assert_cmpfloat_with_epsilon (pmd_comparison_difference (cmp, 1, 2034), 210000, 1e-6);
  g_assert_true (isnan (pmd_comparison_difference (cmp, 1, 2030)));
  g_assert_true (isnan (pmd_comparison_difference (cmp, 1, 2036)));
  g_assert_cmpfloat (pmd_comparison_difference (cmp, 0, 2031), ==, 0);

  differences = pmd_comparison_differences (cmp);
  g_assert_cmpuint (differences->len, ==, 1);
  d = g_ptr_array_index (differences, 0);
  g_assert_cmpstr (d->path, ==, "lines.a.growth");
  g_assert_cmpfloat (d->values[0], ==, 0);
  g_assert_cmpfloat (d->values[1], ==, 0.10);
  g_assert_false (pmd_compare_difference_stands_out (d, 0));
  g_assert_true (pmd_compare_difference_stands_out (d, 1));

  /* A variant the file does not have: an error, nothing added. */
  g_assert_false (pmd_comparison_add (cmp, first, "nope", NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
  g_assert_cmpuint (pmd_comparison_get_n (cmp), ==, 2);
}

/* The variants chart's series: line a at € 1.000.000 a year from 2030, no
 * growth. "hoog" sets its base cost to € 1.200.000, "groei" its growth to
 * 10%: 2032 € 1.000.000 × 1,1² = € 1.210.000. The scenario as written comes
 * first, named "As written", and keeps its own € 1.000.000. */
static void
test_compare_variants (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_one_line (1000000);
  g_autoptr(PmdComparison) cmp = NULL;
  g_autoptr(GError) error = NULL;
  PmdVariant *hoog = pmd_variant_new ("hoog", "Hoog");
  PmdVariant *groei = pmd_variant_new ("groei", "Groei");
  const PmdCompareEntry *e;

  sc->indexation = 0;
  pmd_variant_add_override (hoog, "lines.a.base_cost", 1200000);
  pmd_variant_add_override (groei, "lines.a.growth", 0.10);
  g_ptr_array_add (sc->variants, hoog);
  g_ptr_array_add (sc->variants, groei);

  cmp = pmd_comparison_new_variants (sc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pmd_comparison_get_n (cmp), ==, 3);
  e = pmd_comparison_get (cmp, 0);
  g_assert_cmpstr (e->name, ==, "As written");
  g_assert_null (e->variant);
  g_assert_cmpfloat_with_epsilon (e->projection->total_scenario[2], 1000000, 1e-6);
  e = pmd_comparison_get (cmp, 1);
  g_assert_cmpstr (e->name, ==, "Hoog");
  g_assert_cmpstr (e->variant, ==, "hoog");
  g_assert_cmpfloat_with_epsilon (e->projection->total_scenario[0], 1200000, 1e-6);
  e = pmd_comparison_get (cmp, 2);
  g_assert_cmpstr (e->name, ==, "Groei");
  g_assert_cmpfloat_with_epsilon (e->projection->total_scenario[2], 1210000, 1e-6);
  g_assert_cmpfloat_with_epsilon (pmd_comparison_difference (cmp, 2, 2032), 210000, 1e-6);

  /* A variant that does not apply (a share above 1): the error, no comparison. */
  pmd_variant_add_override (groei, "lines.a.elasticity", 2);
  g_clear_pointer (&cmp, pmd_comparison_free);
  cmp = pmd_comparison_new_variants (sc, &error);
  g_assert_null (cmp);
  g_assert_nonnull (error);
}

/* The partial projection of a Monte Carlo run gives the totals of a full
 * projection. The worked example gets a third line l3 that no parameter
 * and no intervention reaches (it is summed once) and a fourth, l4,
 * driven by the cohort; the runs change the cohort's second point, l1's
 * growth, the invest's return, the funding's growth and the discount
 * rate, 200 times. */
static void
test_partial (void)
{
  g_autoptr(PmdScenario) sc = pmd_test_scenario_two_lines ();
  g_autoptr(PmdProjection) full = pmd_projection_new ();
  g_autoptr(PmdPartial) partial = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const char *const paths[] = { "cohorts.c.points.1", "lines.l1.growth", "interventions.i1.return",
                                       "funding.growth", "scenario.discount_rate" };
  PmdParam params[G_N_ELEMENTS (paths)];
  PmdLine *l3 = pmd_line_new ("l3", "Line 3", "basis", "d1", 250000);
  PmdLine *l4 = pmd_line_new ("l4", "Line 4", "top", "d2", 80000);
  int n_live, n_reached;

  l3->growth = 0.03;
  l4->driver = g_strdup ("c");
  l4->elasticity = 1.0;
  l4->indexation = 0.01;
  l4->has_indexation = TRUE;
  g_ptr_array_add (sc->lines, l3);
  g_ptr_array_add (sc->lines, l4);
  g_assert_true (pmd_scenario_validate (sc, &error));
  g_assert_no_error (error);

  partial = pmd_partial_new (sc, paths, G_N_ELEMENTS (paths), &error);
  g_assert_no_error (error);
  /* Re-projected: l1 (its growth; its driver c) and l4 (driver c). The
   * interventions run on l1 and l2. l3 is neither. */
  pmd_partial_get_counts (partial, &n_live, &n_reached);
  g_assert_cmpint (n_live, ==, 2);
  g_assert_cmpint (n_reached, ==, 3);

  for (guint k = 0; k < G_N_ELEMENTS (paths); k++)
    g_assert_true (pmd_scenario_lookup_param (sc, paths[k], &params[k], NULL));
  for (int r = 0; r < 200; r++)
    {
      const PmdProjection *p;

      pmd_param_set (&params[0], g_rand_double_range (rand, 1500, 2500));
      pmd_param_set (&params[1], g_rand_double_range (rand, -0.02, 0.04));
      pmd_param_set (&params[2], g_rand_double_range (rand, 0, 4));
      pmd_param_set (&params[3], g_rand_double_range (rand, -0.02, 0.02));
      pmd_param_set (&params[4], g_rand_double_range (rand, 0, 0.08));
      p = pmd_partial_compute (partial, sc);
      g_assert_true (pmd_projection_compute (full, sc, &error));
      for (int t = 0; t < full->n_years; t++)
        {
          g_assert_cmpfloat_with_epsilon (p->total_baseline[t], full->total_baseline[t], 1e-6);
          g_assert_cmpfloat_with_epsilon (p->total_scenario[t], full->total_scenario[t], 1e-6);
          g_assert_cmpfloat_with_epsilon (p->investment[t], full->investment[t], 1e-6);
          g_assert_cmpfloat_with_epsilon (p->gap[t], full->gap[t], 1e-6);
          g_assert_cmpfloat_with_epsilon (p->savings[t], full->savings[t], 1e-6);
        }
      g_assert_cmpfloat_with_epsilon (p->npv, full->npv, 1e-6);
      g_assert_cmpint (p->has_payback, ==, full->has_payback);
      g_assert_cmpint (p->payback_year, ==, full->payback_year);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/uncertainty/triangular-mean", test_triangular_mean);
  g_test_add_func ("/model/uncertainty/percentile", test_percentile);
  g_test_add_func ("/model/uncertainty/seeds", test_seeds);
  g_test_add_func ("/model/uncertainty/pinned", test_pinned);
  g_test_add_func ("/model/uncertainty/levels", test_levels);
  g_test_add_func ("/model/uncertainty/symmetric-median", test_symmetric_median);
  g_test_add_func ("/model/uncertainty/threads", test_threads);
  g_test_add_func ("/model/uncertainty/overflow-error", test_overflow_error);
  g_test_add_func ("/model/uncertainty/cancel", test_cancel);
  g_test_add_func ("/model/uncertainty/cancel-from-progress", test_cancel_from_progress);
  g_test_add_func ("/model/uncertainty/sensitivity-order", test_sensitivity_order);
  g_test_add_func ("/model/uncertainty/goal-seek", test_goal_seek);
  g_test_add_func ("/model/uncertainty/describe-output", test_describe_output);
  g_test_add_func ("/model/uncertainty/partial", test_partial);
  g_test_add_func ("/model/compare", test_compare);
  g_test_add_func ("/model/compare/variants", test_compare_variants);

  return g_test_run ();
}
