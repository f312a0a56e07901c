/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-projection-writer.h"
#include "pmd-test-utils.h"

/* Line a at € 1.500.000 a year from 2030 to 2032 in a layer whose name is
 * longer than any amount, funding € 1.000.000: every year a total of 1,5
 * mln, funding 1,0, a gap of 0,5, no interventions so no savings. */
static PmdScenario *
long_layer_scenario (void)
{
  PmdScenario *sc = pmd_test_scenario_one_line (1500000);
  PmdLayer *layer = g_ptr_array_index (sc->layers, 0);
  g_autoptr(GError) error = NULL;

  g_free (sc->name);
  sc->name = g_strdup ("Test");
  sc->horizon = 2;
  g_free (layer->name);
  layer->name = g_strdup ("Sociale basis en bestaanszekerheid");
  sc->funding.base = 1000000;
  g_assert_true (pmd_scenario_validate (sc, &error));
  return sc;
}

/* Every column as wide as its header or its widest amount: the layer's 34
 * characters in full (it was cut to 13, "Sociale basi…"), "Gap" 3, the
 * amounts right-aligned under their headers. */
static void
test_table (void)
{
  g_autoptr(PmdScenario) sc = long_layer_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdProjection) p = pmd_project (sc, &error);
  g_autofree char *table = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  table = pmd_projection_to_table (sc, p, &length);
  g_assert_cmpuint (length, ==, strlen (table));
  g_assert_cmpstr (table, ==,
                   "Test\n"
                   "Projection 2030–2032, scenario with interventions, amounts in € million\n"
                   "\n"
                   "Year  Sociale basis en bestaanszekerheid  Baseline  Scenario  Funding  Gap  Cum. savings\n"
                   "2030                                 1,5       1,5       1,5      1,0  0,5           0,0\n"
                   "2031                                 1,5       1,5       1,5      1,0  0,5           0,0\n"
                   "2032                                 1,5       1,5       1,5      1,0  0,5           0,0\n"
                   "\n"
                   "Payback year: not within the horizon\n"
                   "Net present value of the savings: € 0\n");
}

/* The CSV: a byte-order mark, `;`, a decimal comma, two rows a year (lines
 * a and b), an empty field where a line has no clients. */
static void
test_csv (void)
{
  g_autoptr(PmdScenario) sc = long_layer_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdProjection) p = pmd_project (sc, &error);
  g_autofree char *csv = pmd_projection_to_csv (sc, p, NULL);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv,
                                   "\xEF\xBB\xBF"
                                   "year;line;name;layer;domain;baseline;scenario;baseline clients;scenario clients\r\n"
                                   "2030;a;A;layer;dom;1500000,00;1500000,00;;\r\n"
                                   "2030;b;B;layer;dom;0,00;0,00;;\r\n"
                                   "2031;a;A;layer;dom;1500000,00;1500000,00;;\r\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/data/projection-writer/table", test_table);
  g_test_add_func ("/data/projection-writer/csv", test_csv);
  return g_test_run ();
}
