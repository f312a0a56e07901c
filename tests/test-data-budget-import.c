/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "pmd-actuals-csv.h"
#include "pmd-budget-import.h"
#include "pmd-xlsx-reader.h"

/* A budget table made into a scenario (issue 14), every expectation
 * written out by hand from the table above it. */

static PmdScenario *
import (const char *data,
        gssize      length,
        const char *file_name,
        GError    **error)
{
  PmdBudgetImportOptions options = { file_name, 2030, 1000000 };

  return pmd_budget_import (data, length < 0 ? strlen (data) : (gsize) length, &options, error);
}

static const PmdLine *
line_at (const PmdScenario *sc,
         guint              i)
{
  g_assert_cmpuint (i, <, sc->lines->len);
  return g_ptr_array_index (sc->lines, i);
}

static void
assert_iv3 (const PmdLine      *line,
            const char *const *expected)
{
  g_auto(GStrv) codes = pmd_actuals_dup_line_iv3 (line);

  g_assert_cmpstrv (codes, expected);
}

/* Windows-1252 (as older spreadsheets save CSV), CRLF, a header in
 * capitals with an accent, another column to ignore, a name twice. */
static void
test_csv (void)
{
  const char *csv = "Naam;Laag;Domein;Bedrag;Cli\xEBnten;Groei;Iv3;Toelichting\r\n"
                    "Welzijn ouderen;Sociale basis;Wmo;5.000.000;3.000;2,5%;6.1;caf\xE9\r\n"
                    "\r\n"
                    "Wmo maatwerk;Zwaar;Wmo;22.800.000,50;4.500;1,5;6.6, 6.71;\r\n"
                    "Wmo maatwerk;zwaar;Jeugd;1.000;;;;\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = import (csv, -1, "/tmp/begroting 2030.csv", &error);
  const PmdLine *l;

  g_assert_no_error (error);
  g_assert_cmpstr (sc->name, ==, "begroting 2030");
  g_assert_cmpint (sc->base_year, ==, 2030);
  g_assert_cmpint (sc->horizon, ==, 10);
  g_assert_cmpuint (sc->interventions->len, ==, 0);
  g_assert_cmpfloat (sc->funding.base, ==, 1000000);
  g_assert_cmpstr (sc->funding.source, ==, "imported from begroting 2030.csv");

  /* Layers in the order they first appear; "zwaar" is "Zwaar" again. */
  g_assert_cmpuint (sc->layers->len, ==, 2);
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (sc->layers, 0))->id, ==, "sociale-basis");
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (sc->layers, 0))->name, ==, "Sociale basis");
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (sc->layers, 0))->color, ==, "#009E73");
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (sc->layers, 1))->id, ==, "zwaar");
  g_assert_cmpuint (sc->domains->len, ==, 2);
  g_assert_cmpstr (((PmdDomain *) g_ptr_array_index (sc->domains, 1))->id, ==, "jeugd");

  g_assert_cmpuint (sc->lines->len, ==, 3);
  l = line_at (sc, 0);
  g_assert_cmpstr (l->id, ==, "welzijn-ouderen");
  g_assert_cmpstr (l->layer, ==, "sociale-basis");
  g_assert_cmpstr (l->domain, ==, "wmo");
  g_assert_cmpfloat (l->base_cost, ==, 5000000);
  g_assert_true (l->has_clients);
  g_assert_cmpfloat (l->clients, ==, 3000);
  /* 2,5% a year. */
  g_assert_cmpfloat_with_epsilon (l->growth, 0.025, 1e-15);
  g_assert_cmpstr (l->source, ==, "imported from begroting 2030.csv");
  assert_iv3 (l, (const char *const[]) { "6.1", NULL });

  l = line_at (sc, 1);
  g_assert_cmpstr (l->id, ==, "wmo-maatwerk");
  g_assert_cmpfloat (l->base_cost, ==, 22800000.5);
  /* "1,5" without the sign is 1,5% too. */
  g_assert_cmpfloat_with_epsilon (l->growth, 0.015, 1e-15);
  assert_iv3 (l, (const char *const[]) { "6.6", "6.71", NULL });

  /* The same name again gets an id of its own. */
  l = line_at (sc, 2);
  g_assert_cmpstr (l->id, ==, "wmo-maatwerk-2");
  g_assert_cmpstr (l->layer, ==, "zwaar");
  g_assert_false (l->has_clients);
  g_assert_cmpfloat (l->growth, ==, 0);
  assert_iv3 (l, (const char *const[]) { NULL });
}

/* Every wrong row, with its line and column; nothing comes back. */
static void
test_bad_rows (void)
{
  const char *csv = "post;laag;domein;bedrag;clienten;groei;id\n"
                    "Goed;Basis;Wmo;1.000;;;\n"
                    "Engels;Basis;Wmo;1.23;;;\n"
                    ";;Wmo;-5;-1;-100;Fout Id\n"
                    "Dubbel;Basis;Wmo;1;;;dubbel-id\n"
                    "Ook;Basis;Wmo;1;;;dubbel-id\n"
                    "Te veel;Basis;Wmo;1;;;;x\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = import (csv, -1, "b.csv", &error);

  g_assert_null (sc);
  g_assert_error (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_ROWS);
  g_assert_cmpstr (error->message, ==,
                   "Nothing was imported: 4 rows are wrong:\n"
                   "line 3, column bedrag: “1.23” is not an amount such as 1.234.567,89\n"
                   "line 4, column post: empty; give the cost line’s name\n"
                   "line 4, column laag: empty; give the layer of the care pyramid, e.g. Sociale basis\n"
                   "line 4, column bedrag: “-5” is negative; give zero or more\n"
                   "line 4, column clienten: “-1” is negative; give zero or more\n"
                   "line 4, column groei: “-100” would shrink the line by 100% or more a year\n"
                   "line 6, column id: the id “dubbel-id” is used on line 5 too\n"
                   "line 7: 8 fields, but the header has 7");
}

static void
test_header (void)
{
  const struct { const char *csv; const char *message; } cases[] = {
    { "naam;laag;domein\nA;B;C\n", "line 1: the header has no column “bedrag”; it needs naam (or post), laag, domein "
                                   "and bedrag, and may have clienten, groei, iv3 and id" },
    { "\n\nnaam;laag;domein;bedrag;post\n", "line 3: the header has the column “naam/post” twice" },
    { "\n \n", "The table is empty: it needs a header row with naam, laag, domein and bedrag" },
    { "naam;laag;domein;bedrag\n", "The table has a header but no cost lines below it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdScenario) sc = import (cases[i].csv, -1, "h.csv", &error);

      g_assert_null (sc);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A workbook as Excel writes one: shared strings, numbers as numbers, a
 * percentage cell (2,5% is stored as 0.025), a formula with its cached
 * value, an empty row; the rows' numbers are the lines of the messages. */
static char *
make_workbook (gboolean with_bad_row,
               gsize   *length)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "table.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Begroting");
  lxw_format *percent = workbook_add_format (wb);
  const char *header[] = { "Post", "Laag", "Domein", "Bedrag", "Clienten", "Groei" };
  char *data = NULL;

  /* A second sheet first in neither order nor name: the first is read. */
  workbook_add_worksheet (wb, "Notities");
  format_set_num_format (percent, "0.0%");
  for (int c = 0; c < 6; c++)
    worksheet_write_string (ws, 0, c, header[c], NULL);
  worksheet_write_string (ws, 2, 0, "Jeugdhulp & zorg", NULL);
  worksheet_write_string (ws, 2, 1, "Zwaar", NULL);
  worksheet_write_string (ws, 2, 2, "Jeugd", NULL);
  worksheet_write_number (ws, 2, 3, 29600000, NULL);
  worksheet_write_number (ws, 2, 4, 2700, NULL);
  worksheet_write_number (ws, 2, 5, 0.025, percent);
  worksheet_write_string (ws, 3, 0, "Welzijn", NULL);
  worksheet_write_string (ws, 3, 1, "Basis", NULL);
  worksheet_write_string (ws, 3, 2, "Wmo", NULL);
  worksheet_write_formula_num (ws, 3, 3, "=2*1000000", NULL, 2000000);
  if (with_bad_row)
    {
      worksheet_write_string (ws, 4, 0, "Fout", NULL);
      worksheet_write_string (ws, 4, 2, "Wmo", NULL);
      worksheet_write_string (ws, 4, 3, "1.23", NULL);
    }
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  g_unlink (path);
  return data;
}

static void
test_xlsx (void)
{
  gsize length;
  g_autofree char *data = make_workbook (FALSE, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = import (data, length, "begroting.xlsx", &error);
  const PmdLine *l;

  g_assert_no_error (error);
  g_assert_cmpuint (sc->lines->len, ==, 2);
  l = line_at (sc, 0);
  g_assert_cmpstr (l->name, ==, "Jeugdhulp & zorg");
  g_assert_cmpstr (l->id, ==, "jeugdhulp-zorg");
  g_assert_cmpfloat (l->base_cost, ==, 29600000);
  g_assert_cmpfloat (l->clients, ==, 2700);
  /* The cell shows 2,5%: 2,5% a year. */
  g_assert_cmpfloat_with_epsilon (l->growth, 0.025, 1e-15);
  /* The formula's cached value. */
  l = line_at (sc, 1);
  g_assert_cmpfloat (l->base_cost, ==, 2000000);
  g_assert_false (l->has_clients);
  g_assert_cmpstr (l->source, ==, "imported from begroting.xlsx");
}

static void
test_xlsx_bad_row (void)
{
  gsize length;
  g_autofree char *data = make_workbook (TRUE, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = import (data, length, "begroting.xlsx", &error);

  g_assert_null (sc);
  g_assert_error (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_ROWS);
  /* Row 5 of the sheet. */
  g_assert_cmpstr (error->message, ==,
                   "Nothing was imported: 1 row is wrong:\n"
                   "line 5, column Laag: empty; give the layer of the care pyramid, e.g. Sociale basis\n"
                   "line 5, column Bedrag: “1.23” is not an amount such as 1.234.567,89");
}

/* A zip that is no workbook, a damaged one, a file that is no text. */
static void
test_not_a_table (void)
{
  gsize length;
  g_autofree char *data = make_workbook (FALSE, &length);
  g_autoptr(GError) damaged = NULL;
  g_autoptr(GError) truncated = NULL;
  g_autoptr(GError) binary = NULL;
  g_autoptr(PmdScenario) a = import ("PK\x03\x04 and then nothing", -1, "a.xlsx", &damaged);
  g_autoptr(PmdScenario) b = import (data, length / 2, "b.xlsx", &truncated);
  g_autoptr(PmdScenario) c = import ("naam\0laag", 9, "c.csv", &binary);

  g_assert_null (a);
  g_assert_error (damaged, PMD_XLSX_ERROR, PMD_XLSX_ERROR_READ);
  g_assert_null (b);
  g_assert_error (truncated, PMD_XLSX_ERROR, PMD_XLSX_ERROR_READ);
  g_assert_null (c);
  g_assert_error (binary, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_FILE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/budget-import/csv", test_csv);
  g_test_add_func ("/data/budget-import/bad-rows", test_bad_rows);
  g_test_add_func ("/data/budget-import/header", test_header);
  g_test_add_func ("/data/budget-import/xlsx", test_xlsx);
  g_test_add_func ("/data/budget-import/xlsx-bad-row", test_xlsx_bad_row);
  g_test_add_func ("/data/budget-import/not-a-table", test_not_a_table);
  return g_test_run ();
}
