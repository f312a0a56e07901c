/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pmd-monitor.h"
#include "pmd-test-utils.h"

/*
 * The scenario of these tests, base year 2026, no indexation:
 *
 *   layer  basis: no lines
 *   layer  licht: x € 120.000 (growth 10%: € 132.000 in 2027), y € 240.000
 *   layer  zwaar: z € 1.200.000, w € 60.000 (never any actuals)
 *
 * and these amounts for 2026:
 *
 *   x  month 1 € 10.000, month 2 € 10.000, month 4 € 20.000 (nothing in month 3)
 *   y  months 1–4 € 42.000 each: € 168.000 = 70% of € 240.000, exactly
 *   z  months 1–4 € 100.000 each (voorlopig), and € 1.150.000 for the whole year
 *   q  € 5.000 in month 1, a line this scenario does not have
 */

static PmdScenario *
make_scenario (double x_cost,
               double y_cost)
{
  PmdScenario *sc = pmd_scenario_new ();
  const char *layers[] = { "basis", "licht", "zwaar" };
  struct { const char *id, *layer; double cost; } lines[] = {
    { "x", "licht", x_cost }, { "y", "licht", y_cost }, { "z", "zwaar", 1200000 }, { "w", "zwaar", 60000 },
  };
  g_autoptr(GError) error = NULL;

  g_free (sc->name);
  sc->name = g_strdup ("Monitor");
  sc->base_year = 2026;
  sc->horizon = 3;
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    g_ptr_array_add (sc->layers, pmd_layer_new (layers[i], layers[i]));
  g_ptr_array_add (sc->domains, pmd_domain_new ("d", "D"));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_ptr_array_add (sc->lines, pmd_line_new (lines[i].id, lines[i].id, lines[i].layer, "d", lines[i].cost));
  ((PmdLine *) g_ptr_array_index (sc->lines, 0))->growth = 0.10;
  g_assert_true (pmd_scenario_resolve (sc, &error));
  g_assert_no_error (error);
  return sc;
}

static GArray *
make_rows (void)
{
  GArray *rows = pmd_realisation_array_new ();

  pmd_realisation_array_add (rows, "x", "x", 2026, 1, 10000, FALSE);
  pmd_realisation_array_add (rows, "x", "x", 2026, 2, 10000, FALSE);
  pmd_realisation_array_add (rows, "x", "x", 2026, 4, 20000, FALSE);
  for (int m = 1; m <= 4; m++)
    {
      pmd_realisation_array_add (rows, "y", "6.72", 2026, m, 42000, FALSE);
      pmd_realisation_array_add (rows, "z", "6.6", 2026, m, 100000, FALSE);
    }
  pmd_realisation_array_add (rows, "z", "6.6", 2026, 0, 1150000, TRUE);
  pmd_realisation_array_add (rows, "q", "q", 2026, 1, 5000, FALSE);
  /* Another year does not count. */
  pmd_realisation_array_add (rows, "x", "x", 2025, 1, 999999, TRUE);
  return rows;
}

static PmdMonitor *
compute (int    year,
         int    month,
         double threshold)
{
  g_autoptr(PmdScenario) sc = make_scenario (120000, 240000);
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  g_autoptr(GArray) rows = make_rows ();
  g_autoptr(GError) error = NULL;
  PmdMonitor *m = pmd_monitor_compute (sc, p, (PmdRealisation *) (void *) rows->data, rows->len, year,
                                       month, threshold, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

/* y: 4 × 42.000 = 168.000 of 240.000 = 0,70: the alarm at exactly 70%. */
static void
test_alarm_at_threshold (void)
{
  g_autoptr(PmdMonitor) m = compute (2026, 4, PMD_MONITOR_THRESHOLD_DEFAULT);
  g_autoptr(PmdMonitor) above = compute (2026, 4, 0.7000001);
  const PmdMonitorFigures *y = &m->lines[1];

  assert_euro (y->budget, 240000);
  assert_euro (y->actual_to_date, 168000);
  g_assert_cmpfloat_with_epsilon (y->used, 0.70, 1e-12);
  g_assert_cmpfloat_with_epsilon (y->expected, 4.0 / 12, 1e-12);
  /* 168.000 × 12 / 4 = 504.000; 504.000 − 240.000 = 264.000 */
  assert_euro (y->forecast_year_end, 504000);
  assert_euro (y->forecast_difference, 264000);
  g_assert_true (y->alarm);
  /* A hair above 70% (168.000,024 needed) is not reached. */
  g_assert_false (above->lines[1].alarm);
  /* x used 40.000 / 120.000 = 0,33: no alarm. */
  g_assert_false (m->lines[0].alarm);
}

/* x has nothing in month 3: it counts as nothing spent. */
static void
test_month_without_actuals (void)
{
  g_autoptr(PmdMonitor) m4 = compute (2026, 4, 0.7);
  g_autoptr(PmdMonitor) m3 = compute (2026, 3, 0.7);
  const PmdMonitorFigures *x = &m4->lines[0];

  /* Months 1–4: 10.000 + 10.000 + 0 + 20.000 = 40.000; × 12/4 = 120.000 = the budget. */
  assert_euro (x->actual_to_date, 40000);
  g_assert_true (x->has_actuals);
  assert_euro (x->by_month[2], 0);
  assert_euro (x->by_month[3], 20000);
  assert_euro (x->forecast_year_end, 120000);
  assert_euro (x->forecast_difference, 0);
  /* Months 1–3: 20.000; × 12/3 = 80.000; 80.000 − 120.000 = −40.000. */
  assert_euro (m3->lines[0].actual_to_date, 20000);
  assert_euro (m3->lines[0].forecast_year_end, 80000);
  assert_euro (m3->lines[0].forecast_difference, -40000);
  g_assert_cmpfloat_with_epsilon (m3->lines[0].expected, 0.25, 1e-12);
}

/* z: the whole-year amount is month 12 and then replaces the monthly ones. */
static void
test_whole_year (void)
{
  g_autoptr(PmdMonitor) m4 = compute (2026, 4, 0.7);
  g_autoptr(PmdMonitor) m12 = compute (2026, 12, 0.7);
  const PmdMonitorFigures *z = &m12->lines[2];

  /* Month 4: only the monthly 4 × 100.000; × 3 = 1.200.000 = the budget. */
  assert_euro (m4->lines[2].actual_to_date, 400000);
  assert_euro (m4->lines[2].forecast_difference, 0);
  /* Month 12: the year's 1.150.000; used 1.150.000 / 1.200.000 = 0,958333. */
  assert_euro (z->actual_to_date, 1150000);
  g_assert_cmpfloat_with_epsilon (z->used, 1150000.0 / 1200000, 1e-12);
  g_assert_cmpfloat_with_epsilon (z->expected, 1.0, 1e-12);
  assert_euro (z->forecast_year_end, 1150000);
  assert_euro (z->forecast_difference, -50000);
  g_assert_true (z->alarm);
  /* The cumulative path ends at the total: month 12 holds 1.150.000 − 400.000. */
  assert_euro (z->by_month[11], 750000);
}

/* w has no amounts: shown with 0 spent and no forecast. */
static void
test_line_without_actuals (void)
{
  g_autoptr(PmdMonitor) m = compute (2026, 4, 0.7);
  const PmdMonitorFigures *w = &m->lines[3];

  assert_euro (w->budget, 60000);
  assert_euro (w->actual_to_date, 0);
  g_assert_cmpfloat_with_epsilon (w->used, 0, 1e-12);
  g_assert_false (w->has_actuals);
  g_assert_cmpuint (w->n_missing, ==, 1);
  g_assert_true (isnan (w->forecast_year_end));
  g_assert_true (isnan (w->forecast_difference));
  g_assert_false (w->alarm);
  g_assert_cmpuint (m->n_unknown, ==, 1);
}

/* Layers and the total sum their lines; a forecast only when every line has one. */
static void
test_layers_and_total (void)
{
  g_autoptr(PmdMonitor) m = compute (2026, 4, 0.7);
  const PmdMonitorFigures *basis = &m->layers[0], *licht = &m->layers[1], *zwaar = &m->layers[2];

  g_assert_cmpuint (m->n_layers, ==, 3);
  /* basis has no lines: nothing, no forecast, no alarm. */
  assert_euro (basis->budget, 0);
  g_assert_true (isnan (basis->used));
  g_assert_true (isnan (basis->forecast_year_end));
  g_assert_false (basis->alarm);
  /* licht: x + y = 120.000 + 240.000 = 360.000; 40.000 + 168.000 = 208.000;
   * used 208.000 / 360.000 = 0,5778; forecast 208.000 × 3 = 624.000, +264.000. */
  assert_euro (licht->budget, 360000);
  assert_euro (licht->actual_to_date, 208000);
  g_assert_cmpfloat_with_epsilon (licht->used, 208000.0 / 360000, 1e-12);
  assert_euro (licht->forecast_year_end, 624000);
  assert_euro (licht->forecast_difference, 264000);
  g_assert_false (licht->alarm);
  assert_euro (licht->by_month[0], 52000);
  /* zwaar: z + w = 1.260.000; 400.000 spent; w has nothing: no forecast. */
  assert_euro (zwaar->budget, 1260000);
  assert_euro (zwaar->actual_to_date, 400000);
  g_assert_cmpuint (zwaar->n_missing, ==, 1);
  g_assert_true (isnan (zwaar->forecast_year_end));
  /* Total: 1.620.000 budget, 608.000 spent (q is not a line here), used 0,3753. */
  assert_euro (m->total.budget, 1620000);
  assert_euro (m->total.actual_to_date, 608000);
  g_assert_cmpfloat_with_epsilon (m->total.used, 608000.0 / 1620000, 1e-12);
  g_assert_cmpuint (m->total.n_missing, ==, 1);
  g_assert_true (isnan (m->total.forecast_year_end));
}

/* The budget is the year's projected cost: x grows 10% to 132.000 in 2027. */
static void
test_budget_of_year (void)
{
  g_autoptr(PmdMonitor) m = compute (2027, 6, 0.7);

  assert_euro (m->lines[0].budget, 132000);
  assert_euro (m->lines[0].actual_to_date, 0);
  g_assert_false (m->total.has_actuals);
}

static void
test_arguments (void)
{
  g_autoptr(PmdScenario) sc = make_scenario (1, 1);
  g_autoptr(PmdProjection) p = pmd_project (sc, NULL);
  struct { int year, month; double threshold; } bad[] = {
    { 2030, 4, 0.7 }, { 2025, 4, 0.7 }, { 2026, 0, 0.7 }, { 2026, 13, 0.7 }, { 2026, 4, 0 }, { 2026, 4, NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdMonitor) m = pmd_monitor_compute (sc, p, NULL, 0, bad[i].year, bad[i].month,
                                                     bad[i].threshold, &error);

      g_assert_null (m);
      g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
    }
}

static void
test_latest_month (void)
{
  g_autoptr(GArray) rows = make_rows ();
  const PmdRealisation *r = (PmdRealisation *) (void *) rows->data;

  /* z's whole-year amount counts as month 12. */
  g_assert_cmpint (pmd_realisation_latest_month (r, rows->len, 2026), ==, 12);
  g_assert_cmpint (pmd_realisation_latest_month (r, 3, 2026), ==, 4);
  g_assert_cmpint (pmd_realisation_latest_month (r, rows->len, 2027), ==, 0);
}

/*
 * "Hoe goed voorspelden we?" Versions:
 *   1 saved 2025-10-01: x 120.000, y 240.000
 *   2 saved 2026-05-01: x 100.000, y 240.000
 *   3 saved 2027-02-01: after 2026 ended, so it forecast nothing of 2026
 * Definitive amounts of 2026: x 110.000 for the whole year; y 12 × 21.000 =
 * 252.000; q (no version has it) 1.000. Not definitive: w (11 months only),
 * x in 2027 (voorlopig).
 */
static void
test_accuracy (void)
{
  g_autoptr(PmdScenario) s1 = make_scenario (120000, 240000);
  g_autoptr(PmdScenario) s2 = make_scenario (100000, 240000);
  g_autoptr(PmdScenario) s3 = make_scenario (110000, 250000);
  g_autoptr(PmdProjection) p1 = pmd_project (s1, NULL);
  g_autoptr(PmdProjection) p2 = pmd_project (s2, NULL);
  g_autoptr(PmdProjection) p3 = pmd_project (s3, NULL);
  g_autoptr(GDateTime) d1 = g_date_time_new_utc (2025, 10, 1, 0, 0, 0);
  g_autoptr(GDateTime) d2 = g_date_time_new_utc (2026, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) d3 = g_date_time_new_utc (2027, 2, 1, 0, 0, 0);
  PmdAccuracyVersion versions[] = { { 1, d1, s1, p1 }, { 2, d2, s2, p2 }, { 3, d3, s3, p3 } };
  g_autoptr(GArray) rows = pmd_realisation_array_new ();
  g_autoptr(GPtrArray) entries = NULL;
  struct { int version; const char *line; double projected, actual, difference, relative; } expected[] = {
    /* 120.000 − 110.000 = 10.000; / 110.000 = 0,090909 */
    { 1, "x", 120000, 110000, 10000, 10000.0 / 110000 },
    /* 240.000 − 252.000 = −12.000; / 252.000 = −0,047619 */
    { 1, "y", 240000, 252000, -12000, -12000.0 / 252000 },
    /* 360.000 − 362.000 = −2.000; / 362.000 = −0,005525 */
    { 1, NULL, 360000, 362000, -2000, -2000.0 / 362000 },
    { 2, "x", 100000, 110000, -10000, -10000.0 / 110000 },
    { 2, "y", 240000, 252000, -12000, -12000.0 / 252000 },
    /* 340.000 − 362.000 = −22.000; / 362.000 = −0,060773 */
    { 2, NULL, 340000, 362000, -22000, -22000.0 / 362000 },
  };

  pmd_realisation_array_add (rows, "x", "x", 2026, 0, 110000, TRUE);
  for (int m = 1; m <= 12; m++)
    pmd_realisation_array_add (rows, "y", "y", 2026, m, 21000, TRUE);
  pmd_realisation_array_add (rows, "q", "q", 2026, 0, 1000, TRUE);
  for (int m = 1; m <= 11; m++)
    pmd_realisation_array_add (rows, "w", "w", 2026, m, 5000, TRUE);
  pmd_realisation_array_add (rows, "x", "x", 2027, 0, 130000, FALSE);

  entries = pmd_forecast_accuracy (versions, G_N_ELEMENTS (versions), (PmdRealisation *) (void *) rows->data,
                                   rows->len);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entries->len; i++)
    {
      const PmdAccuracyEntry *e = g_ptr_array_index (entries, i);

      g_assert_cmpint (e->year, ==, 2026);
      g_assert_cmpint (e->version, ==, expected[i].version);
      g_assert_cmpstr (e->line, ==, expected[i].line);
      assert_euro (e->projected, expected[i].projected);
      assert_euro (e->actual, expected[i].actual);
      assert_euro (e->difference, expected[i].difference);
      g_assert_cmpfloat_with_epsilon (e->relative_error, expected[i].relative, 1e-12);
      g_assert_cmpuint (e->n_lines, ==, e->line == NULL ? 2 : 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/monitor/alarm-at-threshold", test_alarm_at_threshold);
  g_test_add_func ("/model/monitor/month-without-actuals", test_month_without_actuals);
  g_test_add_func ("/model/monitor/whole-year", test_whole_year);
  g_test_add_func ("/model/monitor/line-without-actuals", test_line_without_actuals);
  g_test_add_func ("/model/monitor/layers-and-total", test_layers_and_total);
  g_test_add_func ("/model/monitor/budget-of-year", test_budget_of_year);
  g_test_add_func ("/model/monitor/arguments", test_arguments);
  g_test_add_func ("/model/monitor/latest-month", test_latest_month);
  g_test_add_func ("/model/monitor/accuracy", test_accuracy);

  return g_test_run ();
}
