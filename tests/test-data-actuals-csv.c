/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-actuals-csv.h"
#include "pmd-scenario-file.h"

/*
 * The bundled scenario's lines carry these Iv3 taakvelden:
 *   sociale-basis 6.1, bestaanszekerheid 6.3, wijkteams 6.2, welzijn-ouderen 6.1,
 *   lichte-jeugdhulp 6.2, algemene-wmo 6.2, wmo-maatwerk 6.6 and 6.71,
 *   jeugd-specialistisch 6.72 and 6.82, werk-inkomen 6.3, 6.4 and 6.5.
 */

static PmdScenario *
load_westland (void)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc = pmd_scenario_load_bundled ("westland-2026", &error);

  g_assert_no_error (error);
  return sc;
}

static GArray *
parse_ok (const char *csv,
          gssize      length)
{
  g_autoptr(PmdScenario) sc = load_westland ();
  g_autoptr(GError) error = NULL;
  GArray *rows = pmd_actuals_csv_parse (csv, length < 0 ? strlen (csv) : (gsize) length, sc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static char *
parse_error (const char *csv,
             int         code)
{
  g_autoptr(PmdScenario) sc = load_westland ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = pmd_actuals_csv_parse (csv, strlen (csv), sc, &error);

  g_assert_null (rows);
  g_assert_error (error, PMD_ACTUALS_ERROR, code);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static const PmdRealisation *
row_at (GArray *rows,
        guint   i)
{
  return &g_array_index (rows, PmdRealisation, i);
}

static void
test_line_iv3 (void)
{
  g_autoptr(PmdScenario) sc = load_westland ();
  const char *maatwerk[] = { "6.6", "6.71", NULL };
  const char *basis[] = { "6.1", NULL };
  PmdLine *plain = pmd_line_new ("p", "P", "a", "d", 1);
  g_auto(GStrv) a = pmd_actuals_dup_line_iv3 (g_ptr_array_index (sc->lines, pmd_scenario_find_line (sc, "wmo-maatwerk")));
  g_auto(GStrv) b = pmd_actuals_dup_line_iv3 (g_ptr_array_index (sc->lines, pmd_scenario_find_line (sc, "sociale-basis")));
  g_auto(GStrv) c = pmd_actuals_dup_line_iv3 (plain);

  g_assert_cmpstrv (a, maatwerk);
  g_assert_cmpstrv (b, basis);
  g_assert_cmpuint (g_strv_length (c), ==, 0);
  /* Every line of the bundled scenario has its taakveld. */
  for (guint i = 0; i < sc->lines->len; i++)
    {
      g_auto(GStrv) codes = pmd_actuals_dup_line_iv3 (g_ptr_array_index (sc->lines, i));

      g_assert_cmpuint (g_strv_length (codes), >, 0);
    }
  pmd_line_free (plain);
}

/* Columns in any order and case, a BOM, CRLF, quotes, extra columns, Iv3 codes. */
static void
test_good_file (void)
{
  g_autoptr(GArray) rows = parse_ok (
    "\xEF\xBB\xBF" "Bedrag;POST;Omschrijving;Maand;jaar;Status\r\n"
    "1.234.567,89;6.71a;\"Begeleiding; dagbesteding\";1;2026;definitief\r\n"
    "-2.500;wijkteams;\"correctie \"\"oud\"\"\";2;2026;\r\n"
    "12,5;6.72;;;2026;Voorlopig\r\n"
    "\"€ 1.000,00\";6.4;;3;2026;DEFINITIEF\r\n"
    "\r\n"
    "1234;6.82;\"twee\nregels\";12;2025;\r\n", -1);
  struct { const char *line, *post; int year, month; double amount; gboolean definitive; } expected[] = {
    /* 6.71a: wmo-maatwerk carries 6.71, which holds 6.71a–d. */
    { "wmo-maatwerk", "6.71a", 2026, 1, 1234567.89, TRUE },
    { "wijkteams", "wijkteams", 2026, 2, -2500, FALSE },
    /* An empty month: the whole year. */
    { "jeugd-specialistisch", "6.72", 2026, 0, 12.5, FALSE },
    { "werk-inkomen", "6.4", 2026, 3, 1000, TRUE },
    { "jeugd-specialistisch", "6.82", 2025, 12, 1234, FALSE },
  };

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      const PmdRealisation *r = row_at (rows, i);

      g_assert_cmpstr (r->line, ==, expected[i].line);
      g_assert_cmpstr (r->post, ==, expected[i].post);
      g_assert_cmpint (r->year, ==, expected[i].year);
      g_assert_cmpint (r->month, ==, expected[i].month);
      g_assert_cmpfloat (r->amount, ==, expected[i].amount);
      g_assert_cmpint (r->definitive, ==, expected[i].definitive);
    }
}

/* Dutch notation to the cent; anything else is refused, not guessed. */
static void
test_amounts (void)
{
  struct { const char *text; double euros; } good[] = {
    { "0", 0 }, { "1.234", 1234 }, { "1234", 1234 }, { "1.234.567,89", 1234567.89 }, { "-1,5", -1.5 },
    { "+3", 3 }, { "€ 12,05", 12.05 }, { "999.999.999.999.999,99", 999999999999999.99 }, { "0,01", 0.01 },
  };
  const char *bad[] = { "1.23", "1,234", "1.2345", ".123", "1..234", "12,", ",5", "1e5", "12 000", "abc",
                        "1.234,5.6", "1234567890123456", "--1", "" };
  GString *csv = g_string_new ("post;jaar;maand;bedrag\n");
  g_autoptr(GArray) rows = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_string_append_printf (csv, "wijkteams;%u;1;\"%s\"\n", 2000 + i, good[i].text);
  rows = parse_ok (csv->str, csv->len);
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_cmpfloat_with_epsilon (row_at (rows, i)->amount, good[i].euros, 1e-9 * MAX (1, good[i].euros));

  g_string_assign (csv, "post;jaar;maand;bedrag\n");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_string_append_printf (csv, "wijkteams;%u;1;%s\n", 2000 + i, bad[i]);
  message = parse_error (csv->str, PMD_ACTUALS_ERROR_ROWS);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *what = g_strdup_printf ("line %u, column bedrag: ", i + 2);

      g_assert_nonnull (strstr (message, what));
    }
  g_string_free (csv, TRUE);
}

/* Every bad row is listed with its line number, its column and why. */
static void
test_bad_rows (void)
{
  g_autofree char *message = parse_error (
    "post;jaar;maand;bedrag;status\n"           /* 1 */
    "wijkteams;2026;1;100,00;\n"                /* 2: good */
    ";2026;1;1;\n"                              /* 3: post empty */
    "onbekend;2026;1;1;\n"                      /* 4: post unknown */
    "6.1;2026;1;1;\n"                           /* 5: 6.1 is on two lines */
    "wijkteams;26;2;1;\n"                       /* 6: not a year */
    "wijkteams;2026;13;1;\n"                    /* 7: not a month */
    "wijkteams;2026;3;1.23;\n"                  /* 8: English notation */
    "wijkteams;2026;4;;klaar\n"                 /* 9: no amount, bad status */
    "wijkteams;2026;5;1;;extra\n"               /* 10: one field too many */
    "wijkteams;2026;1;5,00;\n"                  /* 11: the same as line 2 */
    "\n"                                        /* 12: blank, skipped */
    "wijkteams;2026;6;\"1,00;\n",               /* 13: a quote never closed */
    PMD_ACTUALS_ERROR_ROWS);
  const char *expected[] = {
    "Nothing was imported: 10 rows are wrong:\n",
    "line 3, column post: empty",
    "line 4, column post: “onbekend” is neither a cost line",
    "line 5, column post: Iv3 taakveld “6.1” belongs to several cost lines (sociale-basis, welzijn-ouderen)",
    "line 6, column jaar: “26” is not a year from 1900 to 2200",
    "line 7, column maand: “13” is not a month",
    "line 8, column bedrag: “1.23” is not an amount",
    "line 9, column bedrag: empty",
    "line 9, column status: “klaar” is not a status: voorlopig or definitief",
    "line 10: 6 fields, but the header has 5",
    "line 11, column post: the same post, jaar and maand as line 2",
    "line 13: a field opens with a quote",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (strstr (message, expected[i]));
  g_assert_null (strstr (message, "line 2,"));
  g_assert_null (strstr (message, "line 12"));
}

static void
test_header (void)
{
  g_autofree char *missing = parse_error ("post;jaar;bedrag\nwijkteams;2026;1\n", PMD_ACTUALS_ERROR_HEADER);
  g_autofree char *twice = parse_error ("post;jaar;maand;bedrag;Jaar\n", PMD_ACTUALS_ERROR_HEADER);
  g_autofree char *empty = parse_error ("\n\n", PMD_ACTUALS_ERROR_HEADER);

  g_assert_nonnull (strstr (missing, "line 1: the header has no column “maand”"));
  g_assert_nonnull (strstr (twice, "the column “jaar” twice"));
  g_assert_nonnull (strstr (empty, "The file is empty"));
}

/* Windows-1252, as older spreadsheet exports write it: é = E9, ë = EB. */
static void
test_windows_1252 (void)
{
  g_autoptr(GArray) rows = parse_ok ("post;omschrijving;jaar;maand;bedrag\n"
                                     "6.82;Ge\xEBscaleerde zorg 18-;2026;1;\"2.000,00\"\n", -1);
  g_autofree char *message = parse_error ("post;jaar;maand;bedrag\ncaf\xE9;2026;1;1\n", PMD_ACTUALS_ERROR_ROWS);
  g_autofree char *undefined = parse_error ("post;jaar;maand;bedrag\n\x81;2026;1;1\n", PMD_ACTUALS_ERROR_ENCODING);
  g_autoptr(PmdScenario) sc = load_westland ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) none = pmd_actuals_csv_parse ("post\0;jaar", 10, sc, &error);

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_at (rows, 0)->line, ==, "jeugd-specialistisch");
  g_assert_cmpfloat (row_at (rows, 0)->amount, ==, 2000);
  /* The text is read as Windows-1252 and shown as UTF-8. */
  g_assert_nonnull (strstr (message, "line 2, column post: “café”"));
  /* 0x81 has no character in Windows-1252, and NUL is no text. */
  g_assert_null (none);
  g_assert_error (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_ENCODING);
}

/* Importing the same rows again replaces them; a bad file changes nothing. */
static void
test_reimport (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GArray) got = NULL;
  const char *first = "post;jaar;maand;bedrag\nwijkteams;2026;1;100,00\n6.6;2026;1;200,00\n";
  const char *second = "post;jaar;maand;bedrag;status\nwijkteams;2026;1;150,00;definitief\n";
  const char *bad = "post;jaar;maand;bedrag\nwijkteams;2026;1;999,00\nwijkteams;2026;2;fout\n";
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_data_dir (), "actuals.sqlite", NULL);
  lib = pmd_library_open (path, &error);
  g_assert_no_error (error);
  bundled = g_resource_lookup_data (pmd_data_get_resource (), "/nl/piramide/Piramide/scenarios/westland-2026.piramide",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pmd_library_add (lib, bundled, "westland", NULL, NULL, NULL, &error), ==, 1);

  g_assert_true (pmd_actuals_csv_import (lib, "westland", first, strlen (first), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (pmd_actuals_csv_import (lib, "westland", second, strlen (second), &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (pmd_actuals_csv_import (lib, "westland", bad, strlen (bad), NULL, &error));
  g_assert_error (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_ROWS);

  /* Sorted by line, post: wijkteams 150 (replaced, definitive), wmo-maatwerk 200. */
  got = pmd_library_get_actuals (lib, "westland", NULL);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpstr (row_at (got, 0)->line, ==, "wijkteams");
  g_assert_cmpfloat (row_at (got, 0)->amount, ==, 150);
  g_assert_true (row_at (got, 0)->definitive);
  g_assert_cmpstr (row_at (got, 1)->line, ==, "wmo-maatwerk");
  g_assert_cmpstr (row_at (got, 1)->post, ==, "6.6");
  g_assert_cmpfloat (row_at (got, 1)->amount, ==, 200);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/actuals-csv/line-iv3", test_line_iv3);
  g_test_add_func ("/data/actuals-csv/good-file", test_good_file);
  g_test_add_func ("/data/actuals-csv/amounts", test_amounts);
  g_test_add_func ("/data/actuals-csv/bad-rows", test_bad_rows);
  g_test_add_func ("/data/actuals-csv/header", test_header);
  g_test_add_func ("/data/actuals-csv/windows-1252", test_windows_1252);
  g_test_add_func ("/data/actuals-csv/reimport", test_reimport);

  return g_test_run ();
}
