/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"
#include "pmd-xlsx-reader.h"

/*
 * `piramide export --format xlsx` and `piramide import` as a user runs
 * them (issue 14): the workbook read back by another program (Gnumeric's
 * ssconvert) holds the numbers of `project --format json`, also after that
 * program recalculated every formula; a budget table becomes a scenario.
 */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs @argv (the program first) with @env added to the environment. */
static void
spawn (Result            *r,
       const char *const *argv,
       const char *const *env)
{
  g_auto(GStrv) environment = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    environment = g_environ_setenv (environment, env[i], env[i + 1], TRUE);
  /* Warnings are fatal for our program, not for Gnumeric's (which warns
   * about its plugins and fonts). */
  if (g_strcmp0 (argv[0], g_getenv ("PIRAMIDE_BIN")) != 0)
    environment = g_environ_unsetenv (environment, "G_DEBUG");
  memset (r, 0, sizeof *r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, environment, G_SPAWN_SEARCH_PATH, NULL, NULL, &r->out, &r->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* `piramide ARGS…`, which must succeed. */
static char *
piramide_ok (const char *const *env,
             const char        *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Result) r = { 0 };
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PIRAMIDE_BIN"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  spawn (&r, (const char *const *) argv->pdata, env);
  if (r.status != 0)
    g_test_message ("piramide failed: %s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  return g_steal_pointer (&r.out);
}

static gboolean
have_ssconvert (void)
{
  g_autofree char *path = g_find_program_in_path ("ssconvert");

  if (path == NULL)
    g_test_skip ("ssconvert is not installed (Debian package gnumeric; build-aux/deps.sh installs it)");
  return path != NULL;
}

/* A CSV line as ssconvert writes it: commas, "quoted" text with "" inside. */
static GPtrArray *
split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (*p == '"' && quoted && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p == '\0')
            return fields;
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
}

/* Every sheet of @xlsx as rows of fields, through ssconvert; with
 * @recalc, after it recalculated every formula. */
static GPtrArray *
read_sheets (const char *xlsx,
             gboolean    recalc)
{
  g_autofree char *dir = g_dir_make_tmp ("workbook-XXXXXX", NULL);
  g_autofree char *pattern = g_build_filename (dir, "sheet-%n.csv", NULL);
  const char *argv[] = { "ssconvert", "-S", recalc ? "--recalc" : xlsx, recalc ? xlsx : pattern,
                         recalc ? pattern : NULL, NULL };
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_auto(Result) r = { 0 };

  spawn (&r, argv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (int n = 0;; n++)
    {
      g_autofree char *name = g_strdup_printf ("sheet-%d.csv", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      GPtrArray *rows;

      if (!g_file_get_contents (path, &text, NULL, NULL))
        break;
      g_unlink (path);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
        g_ptr_array_add (rows, split_csv_line (lines[i]));
      g_ptr_array_add (sheets, rows);
    }
  g_rmdir (dir);
  return sheets;
}

static const char *
sheet_cell (GPtrArray *sheet,
            guint      row,
            guint      col)
{
  GPtrArray *fields;

  g_assert_cmpuint (row, <, sheet->len);
  fields = g_ptr_array_index (sheet, row);
  return col < fields->len ? g_ptr_array_index (fields, col) : "";
}

/* Equal to the JSON's double within rounding: what a spreadsheet keeps
 * (15–17 digits), and sums added in another order. */
static void
assert_same_number (const char *text,
                    double      expected)
{
  char *end;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (*text != '\0' && *end == '\0');
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9 * MAX (1.0, fabs (expected)));
}

/* The row of @sheet whose first columns are @labels, its values from
 * @first_col on against @expected. */
static void
assert_row (GPtrArray  *sheet,
            guint       row,
            guint       first_col,
            JsonArray  *expected)
{
  for (guint t = 0; t < json_array_get_length (expected); t++)
    {
      JsonNode *node = json_array_get_element (expected, t);

      if (JSON_NODE_HOLDS_NULL (node))
        g_assert_cmpstr (sheet_cell (sheet, row, first_col + t), ==, "");
      else
        assert_same_number (sheet_cell (sheet, row, first_col + t), json_node_get_double (node));
    }
}

enum { SHEET_TOTALS, SHEET_LAYERS, SHEET_DOMAINS, SHEET_LINES, SHEET_CLIENTS, SHEET_ASSUMPTIONS, SHEET_VARIANTS,
       SHEET_UNCERTAINTY, SHEET_ABOUT, N_SHEETS };

/* The workbook's totals, layers, domains, lines and clients against
 * `project --format json` of the same file and variant. */
static void
check_against_projection (GPtrArray  *sheets,
                          JsonObject *projection)
{
  const char *totals[] = { "baseline", "scenario", "investment", "savings", "cumulative_savings", "funding", "gap" };
  JsonObject *obj = json_object_get_object_member (projection, "totals");
  JsonObject *lines = json_object_get_object_member (projection, "lines");
  JsonObject *layers = json_object_get_object_member (projection, "layers");
  JsonObject *domains = json_object_get_object_member (projection, "domains");
  guint n_lines = json_object_get_size (lines), n_layers = json_object_get_size (layers);
  GPtrArray *sheet;

  g_assert_cmpuint (sheets->len, ==, N_SHEETS);
  /* Totals: one row per series (from row 1), the years from column B. */
  sheet = g_ptr_array_index (sheets, SHEET_TOTALS);
  assert_same_number (sheet_cell (sheet, 0, 1), 2026);
  for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
    assert_row (sheet, 1 + k, 1, json_object_get_array_member (obj, totals[k]));
  assert_same_number (sheet_cell (sheet, 10, 1), json_object_get_double_member (projection, "npv"));
  if (!json_object_get_null_member (projection, "payback_year"))
    assert_same_number (sheet_cell (sheet, 9, 1), json_object_get_int_member (projection, "payback_year"));

  /* Lines and clients: the baseline block, then the scenario block; the
   * line's id in column B, the years from column F. */
  for (guint s = SHEET_LINES; s <= SHEET_CLIENTS; s++)
    {
      sheet = g_ptr_array_index (sheets, s);
      g_assert_cmpuint (sheet->len, ==, 1 + 2 * n_lines);
      for (guint row = 1; row < sheet->len; row++)
        {
          JsonObject *line = json_object_get_object_member (lines, sheet_cell (sheet, row, 1));
          const char *series = s == SHEET_LINES ? (row <= n_lines ? "baseline" : "scenario")
                                                : (row <= n_lines ? "baseline_clients" : "scenario_clients");

          g_assert_nonnull (line);
          assert_row (sheet, row, 5, json_object_get_array_member (line, series));
        }
    }

  /* Layers: cost baseline, cost scenario, clients baseline, clients
   * scenario, each a block of the layers; domains: cost only. The id is
   * in column B, the years from column D. */
  sheet = g_ptr_array_index (sheets, SHEET_LAYERS);
  g_assert_cmpuint (sheet->len, ==, 1 + 4 * n_layers);
  for (guint row = 1; row <= 2 * n_layers; row++)
    {
      JsonObject *layer = json_object_get_object_member (layers, sheet_cell (sheet, row, 1));

      assert_row (sheet, row, 3, json_object_get_array_member (layer, row <= n_layers ? "baseline" : "scenario"));
    }
  sheet = g_ptr_array_index (sheets, SHEET_DOMAINS);
  g_assert_cmpuint (sheet->len, ==, 1 + 2 * json_object_get_size (domains));
  for (guint row = 1; row < sheet->len; row++)
    {
      JsonObject *domain = json_object_get_object_member (domains, sheet_cell (sheet, row, 1));

      assert_row (sheet, row, 3, json_object_get_array_member (domain,
                                                               row <= json_object_get_size (domains) ? "baseline"
                                                                                                     : "scenario"));
    }
}

static char *
westland_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "westland-2026.piramide", NULL);
}

/* The bundled scenario, as written and with a variant: the numbers ssconvert
 * reads from the workbook are the projection's, both as cached and after
 * ssconvert recalculated every formula (so the formulas compute them). */
static void
test_export_matches_project (void)
{
  g_autofree char *file = westland_path ();
  const char *variants[] = { NULL, "preventie-offensief" };

  if (!have_ssconvert ())
    return;
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "westland.xlsx", NULL);
      g_autofree char *json = NULL;
      g_autofree char *out = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;

      if (variants[v] != NULL)
        {
          json = piramide_ok (NULL, "project", file, "--format", "json", "--variant", variants[v], NULL);
          out = piramide_ok (NULL, "export", file, "--format", "xlsx", "--out", xlsx, "--variant", variants[v], NULL);
        }
      else
        {
          json = piramide_ok (NULL, "project", file, "--format", "json", NULL);
          out = piramide_ok (NULL, "export", file, "--out", xlsx, NULL);
        }
      g_assert_cmpstr (out, ==, "");
      root = json_from_string (json, &error);
      g_assert_no_error (error);
      for (int recalc = 0; recalc <= 1; recalc++)
        {
          g_autoptr(GPtrArray) sheets = read_sheets (xlsx, recalc);

          check_against_projection (sheets, json_node_get_object (root));
        }
      g_unlink (xlsx);
    }
}

/* With ranges the workbook has the fan of `piramide montecarlo` (the same
 * runs and seed): P10, P50 and P90 of the total, the gap and the savings. */
static void
test_export_uncertainty (void)
{
  g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "fan.xlsx", NULL);
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  JsonObject *percentiles;
  const char *series[] = { "total", "gap", "savings" };
  const char *levels[] = { "10", "50", "90" };
  GPtrArray *sheet;

  if (!have_ssconvert ())
    return;
  json = piramide_ok (NULL, "montecarlo", "--default", NULL);
  out = piramide_ok (NULL, "export", "--default", "--out", xlsx, NULL);
  root = json_from_string (json, NULL);
  percentiles = json_object_get_object_member (json_node_get_object (root), "percentiles");
  sheets = read_sheets (xlsx, FALSE);
  sheet = g_ptr_array_index (sheets, SHEET_UNCERTAINTY);
  for (guint s = 0; s < G_N_ELEMENTS (series); s++)
    for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
      {
        g_autofree char *name = g_strdup_printf ("P%s", levels[l]);

        g_assert_cmpstr (sheet_cell (sheet, 1 + 3 * s + l, 1), ==, name);
        assert_row (sheet, 1 + 3 * s + l, 2,
                    json_object_get_array_member (json_object_get_object_member (percentiles, series[s]), levels[l]));
      }
  /* The variants side by side: the scenario as written, then its three
   * variants, a column each; the first block their totals from 2026 on. */
  sheet = g_ptr_array_index (sheets, SHEET_VARIANTS);
  g_assert_cmpstr (sheet_cell (sheet, 0, 1), ==, "As written");
  g_assert_cmpstr (sheet_cell (sheet, 0, 2), ==, "Niets doen");
  g_assert_cmpstr (sheet_cell (sheet, 0, 4), ==, "Effect half zo groot en later");
  g_assert_cmpstr (sheet_cell (sheet, 2, 0), ==, "2026");
  assert_same_number (sheet_cell (sheet, 2, 1), 130400000);
  g_unlink (xlsx);
}

static char *
read_part (const char *xlsx,
           const char *part)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (xlsx, &data, &length, NULL));
  bytes = pmd_xlsx_read_part (data, length, part, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* What ssconvert's CSV does not show: frozen header rows, formulas, the
 * euro and percentage formats, and in Dutch the Dutch sheet names. */
static void
test_export_structure (void)
{
  g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "structure.xlsx", NULL);
  const char *dutch[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *out = piramide_ok (dutch, "export", "--default", "--out", xlsx, NULL);
  g_autofree char *workbook = read_part (xlsx, "xl/workbook.xml");
  g_autofree char *styles = read_part (xlsx, "xl/styles.xml");
  g_autofree char *totals = read_part (xlsx, "xl/worksheets/sheet1.xml");
  g_autofree char *lines = read_part (xlsx, "xl/worksheets/sheet4.xml");
  g_autofree char *layers = read_part (xlsx, "xl/worksheets/sheet2.xml");

  /* Frozen: the header row and the label column of the totals, the
   * header row and the five columns that name a line. */
  g_assert_nonnull (strstr (totals, "<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" "
                                    "state=\"frozen\"/>"));
  g_assert_nonnull (strstr (lines, "<pane xSplit=\"5\" ySplit=\"1\" topLeftCell=\"F2\""));
  /* The 2026 total is the sum of the nine lines' baseline rows (2–10); the
   * savings the baseline minus the scenario; the gap scenario − funding. */
  g_assert_nonnull (strstr (totals, "<f>SUM('Posten'!F2:F10)</f>"));
  g_assert_nonnull (strstr (totals, "<f>SUM('Posten'!F11:F19)</f>"));
  g_assert_nonnull (strstr (totals, "<f>B2-B3</f>"));
  g_assert_nonnull (strstr (totals, "<f>B6+C5</f>"));
  g_assert_nonnull (strstr (totals, "<f>B3-B7</f>"));
  /* A layer's 2026 cost: the baseline rows of the lines whose layer id
   * (column C) is the layer's (column B). */
  g_assert_nonnull (strstr (layers, "<f>SUMIF('Posten'!$C$2:$C$10,$B2,'Posten'!F$2:F$10)</f>"));
  /* Euros and percentages, shown with the reader's separators. */
  g_assert_nonnull (strstr (styles, "formatCode=\"&quot;€&quot;\\ #,##0;&quot;€&quot;\\ \\-#,##0\""));
  g_assert_nonnull (strstr (styles, "formatCode=\"0.00%\""));
  /* Dutch names. */
  g_assert_nonnull (strstr (workbook, "name=\"Totalen\""));
  g_assert_nonnull (strstr (workbook, "name=\"Cliënten\""));
  g_assert_nonnull (strstr (workbook, "name=\"Aannames\""));
  g_unlink (xlsx);
}

/* The workbook rendered by Gnumeric, for people to look at: PDF and PNG
 * in the build directory. */
static void
test_export_screenshot (void)
{
  g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "screenshot.xlsx", NULL);
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "workbook.pdf", NULL);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "workbook", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  const char *dutch[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *out = NULL;
  g_auto(Result) convert = { 0 };
  g_auto(Result) render = { 0 };

  if (!have_ssconvert ())
    return;
  out = piramide_ok (dutch, "export", "--default", "--out", xlsx, NULL);
  spawn (&convert, (const char *const[]) { "ssconvert", xlsx, pdf, NULL }, dutch);
  g_assert_cmpint (convert.status, ==, 0);
  if (pdftoppm != NULL)
    {
      spawn (&render, (const char *const[]) { pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", pdf, png, NULL },
             NULL);
      g_assert_cmpint (render.status, ==, 0);
    }
  g_test_message ("the workbook as Gnumeric prints it: %s", pdf);
  g_unlink (xlsx);
}

/* Import */

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* A table as an adviser keeps it, in Dutch notation: the scenario has its
 * lines, layers and domains, and projects. */
static void
test_import_csv (void)
{
  g_autofree char *csv = write_temp ("begroting.csv",
                                     PMD_CSV_BOM "post;laag;domein;bedrag;cliënten;groei\r\n"
                                     "Wmo maatwerk;Zwaar;Wmo;22.800.000;4.500;2%\r\n"
                                     "Wijkteams;Licht;Sociale basis;8.000.000;;\r\n", -1);
  g_autofree char *scenario = g_build_filename (g_get_tmp_dir (), "nieuw.piramide", NULL);
  g_autofree char *out = piramide_ok (NULL, "import", csv, "--out", scenario, "--base-year", "2026",
                                      "--funding", "30.000.000", NULL);
  g_autofree char *json = piramide_ok (NULL, "project", scenario, "--format", "json", NULL);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonObject *totals = json_object_get_object_member (json_node_get_object (root), "totals");
  JsonArray *years = json_object_get_array_member (json_node_get_object (root), "years");

  g_assert_cmpstr (out, ==, "");
  /* 2026 to 2036: a horizon of ten years. */
  g_assert_cmpuint (json_array_get_length (years), ==, 11);
  g_assert_cmpint (json_array_get_int_element (years, 0), ==, 2026);
  /* 2027: 22.800.000 × 1,02 + 8.000.000 = 31.256.000; the gap 1.256.000. */
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_object_get_array_member (totals, "scenario"), 1),
                                  31256000, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_object_get_array_member (totals, "gap"), 1),
                                  1256000, 1e-6);
  g_unlink (csv);
  g_unlink (scenario);
}

/* A workbook made by another program (Gnumeric, from a CSV): numbers are
 * cells, not text. */
static void
test_import_xlsx (void)
{
  g_autofree char *csv = write_temp ("table.csv", "naam,laag,domein,bedrag,clienten,groei\n"
                                                  "Jeugdhulp,Zwaar,Jeugd,29600000,2700,1.5\n"
                                                  "Welzijn,Basis,Wmo,5000000.25,,\n", -1);
  g_autofree char *xlsx = g_build_filename (g_get_tmp_dir (), "begroting.xlsx", NULL);
  g_autofree char *scenario_path = g_build_filename (g_get_tmp_dir (), "uit-werkboek.piramide", NULL);
  g_autofree char *out = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) convert = { 0 };
  const PmdLine *line;

  if (!have_ssconvert ())
    return;
  spawn (&convert, (const char *const[]) { "ssconvert", csv, xlsx, NULL }, NULL);
  g_assert_cmpint (convert.status, ==, 0);
  out = piramide_ok (NULL, "import", xlsx, "--out", scenario_path, "--base-year", "2027", NULL);
  sc = pmd_scenario_load_file (scenario_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc->base_year, ==, 2027);
  g_assert_cmpuint (sc->lines->len, ==, 2);
  line = g_ptr_array_index (sc->lines, 0);
  g_assert_cmpstr (line->id, ==, "jeugdhulp");
  g_assert_cmpstr (line->layer, ==, "zwaar");
  g_assert_cmpfloat (line->base_cost, ==, 29600000);
  g_assert_cmpfloat (line->clients, ==, 2700);
  /* "1.5" in a cell that shows no percentage is 1,5 (percent). */
  g_assert_cmpfloat_with_epsilon (line->growth, 0.015, 1e-15);
  g_assert_cmpstr (line->source, ==, "imported from begroting.xlsx");
  line = g_ptr_array_index (sc->lines, 1);
  g_assert_cmpfloat (line->base_cost, ==, 5000000.25);
  g_assert_false (line->has_clients);
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (sc->layers, 1))->name, ==, "Basis");
  g_unlink (csv);
  g_unlink (xlsx);
  g_unlink (scenario_path);
}

/* Wrong rows: all listed on the one line of the message, nothing written. */
static void
test_import_bad_rows (void)
{
  g_autofree char *csv = write_temp ("fout.csv", "naam;laag;domein;bedrag\n"
                                                 "Goed;Basis;Wmo;1.000\n"
                                                 "Fout;Basis;Wmo;1.23\n"
                                                 ";Basis;Wmo;5\n", -1);
  g_autofree char *scenario = g_build_filename (g_get_tmp_dir (), "fout.piramide", NULL);
  const char *argv[] = { g_getenv ("PIRAMIDE_BIN"), "import", csv, "--out", scenario, NULL };
  g_auto(Result) r = { 0 };

  spawn (&r, argv, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_suffix (r.err, "\n") && strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
  g_assert_nonnull (strstr (r.err, "2 rows are wrong"));
  g_assert_nonnull (strstr (r.err, "line 3, column bedrag: “1.23”"));
  g_assert_nonnull (strstr (r.err, "line 4, column naam: empty"));
  g_assert_false (g_file_test (scenario, G_FILE_TEST_EXISTS));
  g_unlink (csv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/workbook/export-matches-project", test_export_matches_project);
  g_test_add_func ("/cli/workbook/uncertainty-and-variants", test_export_uncertainty);
  g_test_add_func ("/cli/workbook/structure", test_export_structure);
  g_test_add_func ("/cli/workbook/screenshot", test_export_screenshot);
  g_test_add_func ("/cli/import/csv", test_import_csv);
  g_test_add_func ("/cli/import/xlsx", test_import_xlsx);
  g_test_add_func ("/cli/import/bad-rows", test_import_bad_rows);
  return g_test_run ();
}
