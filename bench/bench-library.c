/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pmd-actuals-csv.h"
#include "pmd-library.h"

/*
 * The scenario library's two loads of issue 12, in a fresh library in a
 * temporary folder:
 *
 *   - listing 1.000 scenarios of 10 versions each (target ≤ 10 ms);
 *   - importing 100.000 realised amounts from CSV: 1.000 lines × 10 years ×
 *     10 months (target ≤ 1 s), the first time and again (replacing).
 *
 * Run: ./build/bench/bench-library [N_SCENARIOS]
 */

#define N_VERSIONS 10
#define N_LINES    1000
#define N_YEARS    10
#define N_MONTHS   10

static GBytes *
small_scenario (guint scenario,
                guint version)
{
  char *json = g_strdup_printf (
    "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"Scenario %u\", \"base_year\": 2026,"
    " \"notes\": \"versie %u\", \"layers\": [{\"id\": \"a\", \"name\": \"A\"}],"
    " \"domains\": [{\"id\": \"d\", \"name\": \"D\"}],"
    " \"lines\": [{\"id\": \"x\", \"name\": \"X\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 1000}]}",
    scenario, version);

  return g_bytes_new_take (json, strlen (json));
}

static GBytes *
wide_scenario (void)
{
  GString *json = g_string_new ("{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"Breed\","
                                " \"base_year\": 2017, \"horizon\": 12, \"layers\": [{\"id\": \"a\", \"name\": \"A\"}],"
                                " \"domains\": [{\"id\": \"d\", \"name\": \"D\"}], \"lines\": [");

  for (guint i = 0; i < N_LINES; i++)
    g_string_append_printf (json, "%s{\"id\": \"l%04u\", \"name\": \"L\", \"layer\": \"a\", \"domain\": \"d\","
                            " \"base_cost\": 1000000, \"iv3\": \"9.%u\"}", i ? ", " : "", i, i);
  g_string_append (json, "]}");
  return g_string_free_to_bytes (json);
}

/* Half the rows name the line, half its Iv3 code; amounts in Dutch notation. */
static GString *
actuals_csv (void)
{
  GString *csv = g_string_new ("post;jaar;maand;bedrag;status\r\n");

  for (guint i = 0; i < N_LINES; i++)
    for (guint y = 0; y < N_YEARS; y++)
      for (guint m = 1; m <= N_MONTHS; m++)
        {
          if (i % 2)
            g_string_append_printf (csv, "l%04u", i);
          else
            g_string_append_printf (csv, "9.%u", i);
          g_string_append_printf (csv, ";%u;%u;%u.%03u,%02u;%s\r\n", 2017 + y, m, 1 + i % 900, m * 7, y,
                                  y < 9 ? "definitief" : "voorlopig");
        }
  return csv;
}

static void
fill_library (PmdLibrary *lib,
              guint       n_scenarios)
{
  const char *tags[] = { "Raadsvoorstel", NULL };

  for (guint s = 0; s < n_scenarios; s++)
    for (guint v = 1; v <= N_VERSIONS; v++)
      {
        g_autoptr(GBytes) bytes = small_scenario (s, v);
        g_autoptr(GError) error = NULL;
        g_autofree char *name = g_strdup_printf ("scenario-%04u", s);

        if (pmd_library_add (lib, bytes, name, "bench", v == 5 ? tags : NULL, NULL, &error) == 0)
          g_error ("%s", error->message);
      }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_list (PmdLibrary *lib,
            guint       n_scenarios)
{
  double ms[50];

  for (guint k = 0; k < G_N_ELEMENTS (ms); k++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) list = pmd_library_list (lib, &error);

      ms[k] = (g_get_monotonic_time () - start) / 1000.0;
      if (list == NULL || list->len != n_scenarios)
        g_error ("list: %s", error != NULL ? error->message : "wrong length");
    }
  printf ("list %u scenarios × %d versions: first %.2f ms", n_scenarios, N_VERSIONS, ms[0]);
  qsort (ms, G_N_ELEMENTS (ms), sizeof ms[0], compare_double);
  printf (", median %.2f ms, max %.2f ms of %u runs (target ≤ 10 ms)\n", ms[G_N_ELEMENTS (ms) / 2],
          ms[G_N_ELEMENTS (ms) - 1], (guint) G_N_ELEMENTS (ms));
}

static void
bench_import (PmdLibrary *lib)
{
  g_autoptr(GBytes) wide = wide_scenario ();
  g_autoptr(GString) csv = actuals_csv ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 start;
  guint n = 0;

  if (pmd_library_add (lib, wide, "breed", NULL, NULL, NULL, &error) == 0)
    g_error ("%s", error->message);
  sc = pmd_library_load (lib, "breed", NULL, &error);
  start = g_get_monotonic_time ();
  rows = pmd_actuals_csv_parse (csv->str, csv->len, sc, &error);
  if (rows == NULL)
    g_error ("%s", error->message);
  printf ("read %u rows of CSV (%.1f MB): %.0f ms\n", rows->len, csv->len / 1e6,
          (g_get_monotonic_time () - start) / 1000.0);

  for (guint k = 0; k < 2; k++)
    {
      start = g_get_monotonic_time ();
      if (!pmd_actuals_csv_import (lib, "breed", csv->str, csv->len, &n, &error))
        g_error ("%s", error->message);
      printf ("import %u rows from CSV%s, one transaction: %.0f ms (target ≤ 1000 ms)\n", n,
              k ? " again (replacing)" : "", (g_get_monotonic_time () - start) / 1000.0);
    }
}

int
main (int    argc,
      char **argv)
{
  guint n_scenarios = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-library-XXXXXX", &error);
  g_autofree char *path = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(PmdLibrary) lib = NULL;
  gint64 start;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bibliotheek.sqlite", NULL);
  lib = pmd_library_open (path, &error);
  if (lib == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  fill_library (lib, n_scenarios);
  printf ("add %u versions (one transaction each, synchronous=FULL): %.1f s\n", n_scenarios * N_VERSIONS,
          (g_get_monotonic_time () - start) / 1e6);
  bench_list (lib, n_scenarios);
  bench_import (lib);

  g_clear_object (&lib);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  return 0;
}
