/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pmd-cli.h"
#include "pmd-model.h"
#include "pmd-scenario-file.h"
#include "pmd-paths.h"
#include "pmd-csv.h"
#include "pmd-documents.h"
#include "pmd-file-writer.h"
#include "pmd-json-writer.h"
#include "pmd-projection-writer.h"
#include "pmd-chart.h"
#include "pmd-chart-export.h"

#define EXIT_USAGE 2

typedef enum
{
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_TABLE,
} OutputFormat;

static void G_GNUC_PRINTF (1, 2)
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line: newlines inside a message would break the contract. Then
   * whatever a file or the command line put in (an id, a path, a file
   * name) shows its controls and bidirectional overrides as escapes
   * instead of acting on the terminal; the model escapes them too, and
   * escaping twice changes nothing. */
  g_strdelimit (message, "\n", ' ');
  shown = pmd_format_escape_text (message);
  g_printerr ("piramide: %s\n", shown);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  print_error (_("%s (see “piramide --help”)"), message);
  return EXIT_USAGE;
}

/*
 * Numeric options are read by the one rule for numbers of the whole
 * program (pmd_parse_number(), written out in `piramide --help`): a decimal
 * comma, dots between thousands in groups of three, any other single dot a
 * decimal point. So --low 0.500 is a half and --runs 10.000 ten thousand.
 * A single dot before three digits ("1.500") is read as thousands; someone
 * who meant one and a half is told on standard error how it was read.
 */

/* Reads the number @text given for option @name; %NULL: not given, @value
 * keeps its default. Prints the usage error and returns %FALSE otherwise. */
static gboolean
read_number (const char *name,
             const char *text,
             gboolean    whole,
             double     *value)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!pmd_parse_number (text, value, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", name, error->message);
      usage_error (NULL, message);
      return FALSE;
    }
  /* A whole number (a year, a count) has no decimal to mean instead. */
  if (!whole && pmd_parse_number_is_ambiguous (text))
    {
      g_autofree char *shown = pmd_format_escape_text (text);
      /* Without the grouping dot, or the note would read "1.500 is read as
       * 1.500". */
      g_autofree char *read = fabs (*value) < 1e15 && *value == floor (*value) ? pmd_format_decimal_comma (*value, 0)
                                                                               : pmd_format_value (*value);
      g_autofree char *decimal = g_strdelimit (g_strdup (shown), ".", ',');

      /* Translators: "--low: “1.500” is read as 1500 (a dot before three digits groups thousands);
       * for a decimal write 1,500" */
      g_printerr (_("piramide: note: %s: “%s” is read as %s (a dot before three digits groups thousands); "
                    "for a decimal write %s\n"), name, shown, read, decimal);
    }
  return TRUE;
}

static gboolean
option_number (const char *name,
               const char *text,
               double     *value)
{
  return read_number (name, text, FALSE, value);
}

/* option_number() for a whole number from @min to @max. */
static gboolean
option_whole (const char *name,
              const char *text,
              double      min,
              double      max,
              gint64     *value)
{
  double v;

  if (text == NULL)
    return TRUE;
  if (!read_number (name, text, TRUE, &v))
    return FALSE;
  if (v != floor (v) || v < min || v > max)
    {
      g_autofree char *shown = pmd_format_escape_text (text);
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a whole number"), name, shown);

      usage_error (NULL, message);
      return FALSE;
    }
  *value = (gint64) v;
  return TRUE;
}

/* A year, or 0 (the default) when not given. */
static gboolean
option_year (const char *text,
             int        *year)
{
  gint64 v = *year;

  if (!option_whole ("--year", text, G_MININT, G_MAXINT, &v))
    return FALSE;
  *year = (int) v;
  return TRUE;
}

/* Loads FILE, or the bundled scenario for --default. */
static PmdScenario *
load_scenario (const char *file,
               gboolean    use_default)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc;

  if (use_default)
    sc = pmd_scenario_load_bundled ("westland-2026", &error);
  else
    sc = pmd_scenario_load_file (file, &error);
  if (sc == NULL)
    print_error ("%s: %s", use_default ? "westland-2026" : file, error->message);
  return sc;
}

/* Writes --out through the atomic writer: a crash leaves the old file, a
 * link stays a link, and the scenario being read (@input_path, nullable)
 * is never written over. The writer's message names the path. */
static gboolean
write_out_file (const char *out_path,
                const char *input_path,
                const void *data,
                gsize       len)
{
  g_autoptr(GError) error = NULL;

  if (!pmd_file_write_atomic (out_path, data, len, input_path, &error))
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes to --out (see write_out_file), or to stdout. */
static gboolean
write_output (const char *out_path,
              const char *input_path,
              const char *data,
              gsize       len)
{
  if (out_path != NULL)
    return write_out_file (out_path, input_path, data, len);
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      print_error (_("cannot write the output: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
write_series (PmdJsonWriter *w,
              const char    *key,
              const double  *values,
              int            n)
{
  pmd_json_writer_key (w, key);
  pmd_json_writer_numbers (w, values, n);
}

static gboolean
parse_format (const char   *text,
              OutputFormat *format)
{
  if (text == NULL || g_str_equal (text, "json"))
    *format = FORMAT_JSON;
  else if (g_str_equal (text, "csv"))
    *format = FORMAT_CSV;
  else if (g_str_equal (text, "table"))
    *format = FORMAT_TABLE;
  else
    return FALSE;
  return TRUE;
}

/* Parses the options in @entries (NULL: none), then FILE, or nothing when
 * --default was given, from what is left. */
static int
parse_file_command (GOptionContext     *context,
                    const GOptionEntry *entries,
                    int                 argc,
                    char              **argv,
                    const gboolean     *use_default,
                    const char        **file)
{
  g_autoptr(GError) error = NULL;
  gboolean bundled;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  else
    g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  bundled = use_default != NULL && *use_default;
  *file = NULL;
  if (bundled && argc == 2)
    return 0;
  if (!bundled && argc == 3)
    {
      *file = argv[2];
      return 0;
    }
  return usage_error (context, argc > 3 || (bundled && argc > 2)
                      ? _("give one scenario file")
                      : _("give a scenario file (or --default for the bundled scenario)"));
}

/* Loads FILE (or --default) and applies --variant. */
static PmdScenario *
load_variant (const char *file,
              gboolean    use_default,
              const char *variant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = load_scenario (file, use_default);

  if (sc == NULL)
    return NULL;
  if (variant != NULL && !pmd_scenario_apply_variant (sc, variant, &error))
    {
      print_error ("%s: %s", file ? file : "westland-2026", error->message);
      return NULL;
    }
  return g_steal_pointer (&sc);
}

static int
cmd_project (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdProjection) projection = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *data = NULL;
  gboolean use_default = FALSE;
  OutputFormat format;
  const char *file;
  gsize len = 0;
  int status;
  GOptionEntry entries[] = {
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("Apply the overrides of variant ID first"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: json (default), csv or table"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("Write to PATH instead of standard output"), N_("PATH") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &use_default, N_("Project the bundled Westland scenario"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("project FILE — project a scenario year by year"));
  if ((status = parse_file_command (context, entries, argc, argv, &use_default, &file)) != 0)
    return status;
  if (!parse_format (format_text, &format))
    return usage_error (context, _("the format is json, csv or table"));

  sc = load_variant (file, use_default, variant);
  if (sc == NULL)
    return EXIT_FAILURE;

  projection = pmd_project (sc, &error);
  if (projection == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }

  switch (format)
    {
    case FORMAT_JSON:
      data = pmd_projection_to_json (sc, projection, &len);
      break;
    case FORMAT_CSV:
      data = pmd_projection_to_csv (sc, projection, &len);
      break;
    case FORMAT_TABLE:
    default:
      data = pmd_projection_to_table (sc, projection, &len);
      break;
    }
  return write_output (out_path, file, data, len) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  const char *file;
  int status;

  context = g_option_context_new (_("validate FILE — check a scenario file and its variants"));
  if ((status = parse_file_command (context, NULL, argc, argv, NULL, &file)) != 0)
    return status;

  sc = load_scenario (file, FALSE);
  if (sc == NULL)
    return EXIT_FAILURE;

  /* A variant is part of the file: each must apply to a valid scenario. */
  for (guint i = 0; i < sc->variants->len; i++)
    {
      const PmdVariant *v = g_ptr_array_index (sc->variants, i);
      g_autoptr(PmdScenario) copy = pmd_scenario_copy (sc);

      if (!pmd_scenario_apply_variant (copy, v->id, &error))
        {
          print_error ("%s: %s", file, error->message);
          return EXIT_FAILURE;
        }
    }

  {
    g_autofree char *shown = pmd_format_escape_text (file);
    g_autofree char *lines = pmd_format_number (sc->lines->len, 0);
    g_autofree char *interventions = pmd_format_number (sc->interventions->len, 0);
    g_autofree char *n_variants = pmd_format_number (sc->variants->len, 0);

    g_print (_("%s: valid (%s cost lines, %s interventions, %s variants)\n"),
             shown, lines, interventions, n_variants);
  }
  return EXIT_SUCCESS;
}

/* The scenario as written in FILE (or --default) and each of its variants,
 * projected: the variants chart and the report compare them whatever
 * --variant shows (built from the scenario after --variant, "As written"
 * was that variant). */
static PmdComparison *
load_variant_set (const char *file,
                  gboolean    use_default)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) written = load_scenario (file, use_default);
  PmdComparison *variants;

  if (written == NULL)
    return NULL;
  variants = pmd_comparison_new_variants (written, &error);
  if (variants == NULL)
    print_error ("%s", error->message);
  return variants;
}

/* Loads FILE (or --default), applies --variant and projects. */
static gboolean
load_and_project (const char     *file,
                  gboolean        use_default,
                  const char     *variant,
                  PmdScenario   **scenario,
                  PmdProjection **projection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = load_variant (file, use_default, variant);

  if (sc == NULL)
    return FALSE;
  *projection = pmd_project (sc, &error);
  if (*projection == NULL)
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  *scenario = g_steal_pointer (&sc);
  return TRUE;
}

static gboolean
check_year (const PmdProjection *p,
            int                  year)
{
  if (year != 0 && pmd_projection_year_index (p, year) < 0)
    {
      print_error (_("the year %d lies outside the projection (%d–%d)"), year, p->base_year,
                   p->base_year + p->n_years - 1);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_chart (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdProjection) projection = NULL;
  g_autoptr(PmdComparison) variants = NULL;
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(GArray) swings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *out_path = NULL;
  gboolean use_default = FALSE, dark = FALSE, gap = FALSE;
  g_autofree char *year_text = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *scale_text = NULL;
  int year = 0;
  gint64 width = 1280, height = 720;
  double scale = 1.0;
  PmdChartKind kind;
  PmdChartInput input = { 0 };
  PmdChartStyle style;
  PmdExportFormat format;
  const char *file;
  int status;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("curves, pyramid, bridge, savings, variants, fan or tornado"), N_("KIND") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year for the pyramid and the bridge (default: the last)"), N_("YEAR") },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("Apply the overrides of variant ID first"), N_("ID") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The file to write: .png, .svg or .pdf"), N_("PATH") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text, N_("Width in pixels or points (default 1280)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text, N_("Height (default 720)"), N_("H") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text, N_("Pixels per unit in a PNG, 2 for HiDPI (default 1)"), N_("S") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_text, N_("Cost curves per layer (default), domain or line"), N_("GROUP") },
    { "gap", 0, 0, G_OPTION_ARG_NONE, &gap, N_("The variants chart shows the gap instead of the total"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Dark colours"), NULL },
    { "default", 0, 0, G_OPTION_ARG_NONE, &use_default, N_("Use the bundled Westland scenario"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("chart FILE — draw a chart as PNG, SVG or PDF"));
  if ((status = parse_file_command (context, entries, argc, argv, &use_default, &file)) != 0)
    return status;
  if (!option_year (year_text, &year) ||
      !option_whole ("--width", width_text, G_MININT, G_MAXINT, &width) ||
      !option_whole ("--height", height_text, G_MININT, G_MAXINT, &height) ||
      !option_number ("--scale", scale_text, &scale))
    return EXIT_USAGE;
  if (kind_text == NULL || !pmd_chart_kind_from_string (kind_text, &kind))
    return usage_error (context, _("--kind is curves, pyramid, bridge, savings, variants, fan or tornado"));
  if (out_path == NULL)
    return usage_error (context, _("--out PATH is required"));
  if (!pmd_export_format_from_path (out_path, &format))
    return usage_error (context, _("the file name must end in .png, .svg or .pdf"));
  if (width < 16 || height < 16 || width > 16384 || height > 16384 || !(scale > 0 && scale <= 4))
    return usage_error (context, _("the size must lie between 16 and 16.384, the scale between 0 and 4"));
  if (group_text == NULL || g_str_equal (group_text, "layer"))
    input.grouping = PMD_GROUP_LAYER;
  else if (g_str_equal (group_text, "domain"))
    input.grouping = PMD_GROUP_DOMAIN;
  else if (g_str_equal (group_text, "line"))
    input.grouping = PMD_GROUP_LINE;
  else
    return usage_error (context, _("--group is layer, domain or line"));

  if (!load_and_project (file, use_default, variant, &sc, &projection) || !check_year (projection, year))
    return EXIT_FAILURE;

  input.scenario = sc;
  input.projection = projection;
  input.year = year;
  input.variants_gap = gap;
  if (kind == PMD_CHART_VARIANTS)
    {
      variants = load_variant_set (file, use_default);
      if (variants == NULL)
        return EXIT_FAILURE;
      input.variants = variants;
    }
  /* The fan: the runs and seed of every screen; the tornado: the gap in the chosen year. */
  if (kind == PMD_CHART_FAN && (mc = pmd_monte_carlo_run (sc, PMD_MONTE_CARLO_DEFAULT_RUNS,
                                                                PMD_MONTE_CARLO_DEFAULT_SEED, NULL, NULL, NULL, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }
  if (kind == PMD_CHART_TORNADO &&
      (swings = pmd_sensitivity (sc, "totals.gap", year ? year : pmd_scenario_get_end_year (sc), &input.swing_base,
                                 &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }
  input.monte_carlo = mc;
  input.swings = swings;
  input.swing_output = "totals.gap";
  pmd_chart_style_init (&style, dark);
  bytes = pmd_chart_export_bytes (kind, &input, &style, format, width, height, scale, &error);
  if (bytes == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }
  return write_out_file (out_path, file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
         ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* The report's list of sources points into @documents (PmdSourceDocument). */
static PmdReportDocument *
report_documents (GPtrArray *documents)
{
  PmdReportDocument *refs = g_new0 (PmdReportDocument, documents->len + 1);

  for (guint i = 0; i < documents->len; i++)
    {
      const PmdSourceDocument *d = g_ptr_array_index (documents, i);
      refs[i] = (PmdReportDocument) { d->short_title, d->title, d->note };
    }
  return refs;
}

static int
cmd_report (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdProjection) projection = NULL;
  g_autoptr(PmdComparison) variants = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree PmdReportDocument *refs = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *year_text = NULL;
  gboolean use_default = FALSE;
  int year = 0;
  PmdReportInput input = { 0 };
  const char *file;
  int status;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The PDF to write"), N_("PATH") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year for the pyramid and the bridge (default: the last)"), N_("YEAR") },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("Apply the overrides of variant ID first"), N_("ID") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &use_default, N_("Use the bundled Westland scenario"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("report FILE — write an A4 PDF report for a council proposal"));
  if ((status = parse_file_command (context, entries, argc, argv, &use_default, &file)) != 0)
    return status;
  if (!option_year (year_text, &year))
    return EXIT_USAGE;
  if (out_path == NULL)
    return usage_error (context, _("--out PATH is required"));

  if (!load_and_project (file, use_default, variant, &sc, &projection) || !check_year (projection, year))
    return EXIT_FAILURE;
  variants = load_variant_set (file, use_default);
  if (variants == NULL)
    return EXIT_FAILURE;
  documents = pmd_scenario_dup_documents (sc, &error);
  if (documents == NULL)
    {
      print_error ("%s: %s", file ? file : "westland-2026", error->message);
      return EXIT_FAILURE;
    }
  input.scenario = sc;
  input.projection = projection;
  input.variants = variants;
  input.year = year;
  if (variant != NULL)
    input.variant_name = ((PmdVariant *) g_ptr_array_index (sc->variants, pmd_scenario_find_variant (sc, variant)))->name;
  refs = report_documents (documents);
  input.documents = refs;
  input.n_documents = documents->len;
  bytes = pmd_report_to_pdf (&input, &error);
  if (bytes == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }
  return write_out_file (out_path, file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
         ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
cmd_montecarlo (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(PmdJsonWriter) w = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) extra = NULL;
  gboolean use_default = FALSE;
  g_autofree char *runs_text = NULL;
  g_autofree char *seed_text = NULL;
  gint64 runs = PMD_MONTE_CARLO_DEFAULT_RUNS;
  gint64 seed = PMD_MONTE_CARLO_DEFAULT_SEED;
  const char *file;
  const double levels[] = { 0.1, 0.5, 0.9 };
  const char *level_names[] = { "10", "50", "90" };
  gsize len;
  int status;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_STRING, &runs_text, N_("Number of runs (default 2000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Seed of the random draws: the same seed gives the same result"), N_("S") },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("Apply the overrides of variant ID first"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: json (the only one)"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("Write to PATH instead of standard output"), N_("PATH") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &use_default, N_("Use the bundled Westland scenario"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("montecarlo FILE — the range of outcomes over the ranged parameters"));
  if ((status = parse_file_command (context, entries, argc, argv, &use_default, &file)) != 0)
    return status;
  if (format_text != NULL && !g_str_equal (format_text, "json"))
    return usage_error (context, _("the format is json"));
  if (!option_whole ("--runs", runs_text, G_MININT64, G_MAXINT64, &runs) ||
      !option_whole ("--seed", seed_text, G_MININT64, G_MAXINT64, &seed))
    return EXIT_USAGE;
  if (runs < 1 || runs > 1000000 || seed < 0 || seed > G_MAXUINT32)
    return usage_error (context, _("--runs lies between 1 and 1.000.000, --seed between 0 and 4.294.967.295"));

  sc = load_variant (file, use_default, variant);
  if (sc == NULL)
    return EXIT_FAILURE;
  mc = pmd_monte_carlo_run (sc, (guint) runs, (guint32) seed, NULL, NULL, NULL, &error);
  if (mc == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }

  w = pmd_json_writer_new (TRUE);
  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "years");
  pmd_json_writer_begin_array (w, TRUE);
  for (int t = 0; t < mc->n_years; t++)
    pmd_json_writer_int (w, mc->base_year + t);
  pmd_json_writer_end_array (w);
  pmd_json_writer_key (w, "runs");
  pmd_json_writer_int (w, mc->runs);
  pmd_json_writer_key (w, "seed");
  pmd_json_writer_int (w, seed);
  pmd_json_writer_key (w, "percentiles");
  pmd_json_writer_begin_object (w, FALSE);
  {
    const char *series_names[] = { "total", "gap", "savings" };
    const double *series[] = { mc->total, mc->gap, mc->savings };
    g_autofree double *row = g_new (double, mc->n_years);

    for (guint s = 0; s < G_N_ELEMENTS (series); s++)
      {
        pmd_json_writer_key (w, series_names[s]);
        pmd_json_writer_begin_object (w, FALSE);
        for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
          {
            for (int t = 0; t < mc->n_years; t++)
              row[t] = pmd_monte_carlo_percentile (mc, series[s], t, levels[l]);
            write_series (w, level_names[l], row, mc->n_years);
          }
        pmd_json_writer_end_object (w);
      }
  }
  pmd_json_writer_end_object (w);
  write_series (w, "p_gap_positive", mc->p_gap_positive, mc->n_years);
  pmd_json_writer_key (w, "payback_year");
  pmd_json_writer_begin_object (w, FALSE);
  for (int t = 0; t < mc->n_years; t++)
    if (mc->payback_counts[t] > 0)
      {
        g_autofree char *year = g_strdup_printf ("%d", mc->base_year + t);
        pmd_json_writer_key (w, year);
        pmd_json_writer_int (w, mc->payback_counts[t]);
      }
  pmd_json_writer_key (w, "never");
  pmd_json_writer_int (w, mc->never_paid_back);
  pmd_json_writer_end_object (w);
  pmd_json_writer_end_object (w);
  data = pmd_json_writer_steal (w, &len);
  return write_output (out_path, file, data, len) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
cmd_sensitivity (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(GArray) swings = NULL;
  g_autoptr(PmdJsonWriter) w = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *data = NULL;
  g_autofree char *year_text = NULL;
  gboolean use_default = FALSE;
  int year = 0;
  double base = 0;
  const char *file;
  gsize len;
  int status;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_STRING, &output, N_("The output to explain, e.g. totals.gap"), N_("PATH") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the output (default: the last)"), N_("YEAR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: json (the only one)"), N_("FORMAT") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &use_default, N_("Use the bundled Westland scenario"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("sensitivity FILE — each ranged parameter at its low and high end"));
  if ((status = parse_file_command (context, entries, argc, argv, &use_default, &file)) != 0)
    return status;
  if (!option_year (year_text, &year))
    return EXIT_USAGE;
  if (output == NULL)
    return usage_error (context, _("--output PATH is required (for example totals.gap)"));
  if (format_text != NULL && !g_str_equal (format_text, "json"))
    return usage_error (context, _("the format is json"));

  sc = load_scenario (file, use_default);
  if (sc == NULL)
    return EXIT_FAILURE;
  if (year == 0)
    year = pmd_scenario_get_end_year (sc);
  swings = pmd_sensitivity (sc, output, year, &base, &error);
  if (swings == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }
  w = pmd_json_writer_new (TRUE);
  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "output");
  pmd_json_writer_string (w, output);
  pmd_json_writer_key (w, "year");
  pmd_json_writer_int (w, year);
  pmd_json_writer_key (w, "base");
  pmd_json_writer_number (w, base);
  pmd_json_writer_key (w, "parameters");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < swings->len; i++)
    {
      const PmdSwing *s = &g_array_index (swings, PmdSwing, i);
      const PmdRange *r = g_ptr_array_index (sc->ranges, pmd_scenario_find_range (sc, s->path));

      pmd_json_writer_begin_object (w, TRUE);
      pmd_json_writer_key (w, "path");
      pmd_json_writer_string (w, s->path);
      pmd_json_writer_key (w, "low");
      pmd_json_writer_number (w, r->low);
      pmd_json_writer_key (w, "high");
      pmd_json_writer_number (w, r->high);
      pmd_json_writer_key (w, "at_low");
      pmd_json_writer_number (w, s->at_low);
      pmd_json_writer_key (w, "at_high");
      pmd_json_writer_number (w, s->at_high);
      pmd_json_writer_key (w, "swing");
      pmd_json_writer_number (w, s->swing);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  pmd_json_writer_end_object (w);
  data = pmd_json_writer_steal (w, &len);
  return write_output (NULL, NULL, data, len) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
cmd_goalseek (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autofree char *param = NULL;
  g_autofree char *output = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *data = NULL;
  gboolean use_default = FALSE;
  int year = 0;
  double target = 0, low = 0, high = 0, result;
  const char *file;
  gsize len;
  int status;
  GOptionEntry entries[] = {
    { "param", 0, 0, G_OPTION_ARG_STRING, &param, N_("The parameter to change, e.g. interventions.preventie-ouderen.amount"), N_("PATH") },
    { "output", 0, 0, G_OPTION_ARG_STRING, &output, N_("The output to reach, e.g. totals.gap"), N_("PATH") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the output"), N_("YEAR") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target_text, N_("The value to reach"), N_("V") },
    { "low", 0, 0, G_OPTION_ARG_STRING, &low_text, N_("Search from (default: the parameter's range)"), N_("V") },
    { "high", 0, 0, G_OPTION_ARG_STRING, &high_text, N_("Search to (default: the parameter's range)"), N_("V") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text (default: the value, Dutch) or json"), N_("FORMAT") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &use_default, N_("Use the bundled Westland scenario"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("goalseek FILE — the value of a parameter that brings an output to a target"));
  if ((status = parse_file_command (context, entries, argc, argv, &use_default, &file)) != 0)
    return status;
  if (param == NULL || output == NULL || target_text == NULL || year_text == NULL)
    return usage_error (context, _("--param, --output, --year and --target are required"));
  if (format_text != NULL && !g_str_equal (format_text, "text") && !g_str_equal (format_text, "json"))
    return usage_error (context, _("the format is text or json"));
  if (!option_year (year_text, &year) ||
      !option_number ("--target", target_text, &target) ||
      !option_number ("--low", low_text, &low) ||
      !option_number ("--high", high_text, &high))
    return EXIT_USAGE;

  sc = load_scenario (file, use_default);
  if (sc == NULL)
    return EXIT_FAILURE;
  /* Without --low or --high, where the window's goal seek looks. */
  if (low_text == NULL || high_text == NULL)
    {
      double span_low, span_high;

      if (!pmd_scenario_get_param (sc, param, &span_low, &error))
        {
          print_error ("%s", error->message);
          return EXIT_FAILURE;
        }
      pmd_goal_seek_span (sc, param, &span_low, &span_high);
      if (low_text == NULL)
        low = span_low;
      if (high_text == NULL)
        high = span_high;
    }
  if (!pmd_goal_seek (sc, param, output, year, target, low, high, &result, NULL, NULL, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }

  /* For people the value the Dutch way, to ten digits ("0,1234567891");
   * for programs the full double in JSON. */
  if (format_text != NULL && g_str_equal (format_text, "json"))
    {
      g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

      pmd_json_writer_begin_object (w, FALSE);
      pmd_json_writer_key (w, "param");
      pmd_json_writer_string (w, param);
      pmd_json_writer_key (w, "output");
      pmd_json_writer_string (w, output);
      pmd_json_writer_key (w, "year");
      pmd_json_writer_int (w, year);
      pmd_json_writer_key (w, "target");
      pmd_json_writer_number (w, target);
      pmd_json_writer_key (w, "value");
      pmd_json_writer_number (w, result);
      pmd_json_writer_end_object (w);
      data = pmd_json_writer_steal (w, &len);
    }
  else
    {
      g_autofree char *text = pmd_format_value (result);
      data = g_strdup_printf ("%s\n", text);
      len = strlen (data);
    }
  return write_output (NULL, NULL, data, len) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
cmd_compare (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdComparison) cmp = pmd_comparison_new ();
  g_autofree char *variants_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) variants = NULL;
  gsize len;
  guint n;
  GOptionEntry options[] = {
    { "variants", 0, 0, G_OPTION_ARG_STRING, &variants_text,
      N_("Compare these variants of each file (comma-separated; “-” is the file as written)"), N_("IDS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: json (default) or csv"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("compare FILE [FILE…] — scenarios and variants side by side"));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 3)
    return usage_error (context, _("give one or more scenario files"));
  if (format_text != NULL && !g_str_equal (format_text, "json") && !g_str_equal (format_text, "csv"))
    return usage_error (context, _("the format is json or csv"));
  variants = g_strsplit (variants_text ? variants_text : "-", ",", 0);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(PmdScenario) sc = load_scenario (argv[i], FALSE);

      if (sc == NULL)
        return EXIT_FAILURE;
      for (guint v = 0; variants[v] != NULL; v++)
        {
          const char *id = g_strstrip (variants[v]);

          if (!pmd_comparison_add (cmp, sc, g_str_equal (id, "-") ? NULL : id, argv[i], &error))
            {
              print_error ("%s: %s", argv[i], error->message);
              return EXIT_FAILURE;
            }
        }
    }
  n = pmd_comparison_get_n (cmp);
  if (n < 2)
    return usage_error (context, _("compare needs two or more scenarios or variants"));

  if (format_text != NULL && g_str_equal (format_text, "csv"))
    {
      data = pmd_comparison_to_csv (cmp, &len);
      return write_output (NULL, NULL, data, len) ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  {
    g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);
    const PmdProjection *first = pmd_comparison_get (cmp, 0)->projection;
    g_autoptr(GPtrArray) differences = pmd_comparison_differences (cmp);

    pmd_json_writer_begin_object (w, FALSE);
    pmd_json_writer_key (w, "years");
    pmd_json_writer_begin_array (w, TRUE);
    for (int t = 0; t < first->n_years; t++)
      pmd_json_writer_int (w, first->base_year + t);
    pmd_json_writer_end_array (w);

    pmd_json_writer_key (w, "entries");
    pmd_json_writer_begin_array (w, FALSE);
    for (guint i = 0; i < n; i++)
      {
        const PmdCompareEntry *e = pmd_comparison_get (cmp, i);
        const PmdProjection *p = e->projection;
        g_autofree double *difference = g_new0 (double, p->n_years);

        for (int t = 0; t < p->n_years; t++)
          difference[t] = pmd_comparison_difference (cmp, i, p->base_year + t);
        pmd_json_writer_begin_object (w, FALSE);
        pmd_json_writer_key (w, "name");
        pmd_json_writer_string (w, e->name);
        pmd_json_writer_key (w, "file");
        pmd_json_writer_string (w, e->file);
        pmd_json_writer_key (w, "variant");
        pmd_json_writer_string (w, e->variant);
        write_series (w, "scenario", p->total_scenario, p->n_years);
        write_series (w, "gap", p->gap, p->n_years);
        write_series (w, "savings", p->savings, p->n_years);
        write_series (w, "cumulative_savings", p->cumulative_savings, p->n_years);
        write_series (w, "difference", difference, p->n_years);
        pmd_json_writer_key (w, "payback_year");
        if (p->has_payback)
          pmd_json_writer_int (w, p->payback_year);
        else
          pmd_json_writer_null (w);
        pmd_json_writer_key (w, "npv");
        pmd_json_writer_number (w, p->npv);
        pmd_json_writer_end_object (w);
      }
    pmd_json_writer_end_array (w);

    pmd_json_writer_key (w, "differences");
    pmd_json_writer_begin_array (w, FALSE);
    for (guint k = 0; k < differences->len; k++)
      {
        const PmdCompareDifference *d = g_ptr_array_index (differences, k);

        pmd_json_writer_begin_object (w, TRUE);
        pmd_json_writer_key (w, "path");
        pmd_json_writer_string (w, d->path);
        write_series (w, "values", d->values, n);
        pmd_json_writer_end_object (w);
      }
    pmd_json_writer_end_array (w);
    pmd_json_writer_end_object (w);
    data = pmd_json_writer_steal (w, &len);
  }
  return write_output (NULL, NULL, data, len) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: piramide [COMMAND] [OPTIONS…]"));
  g_print ("%s\n\n", _("Piramide plans the budget of a municipality’s social domain as a care pyramid."));
  g_print ("%s\n", _("Commands:"));
  g_print ("  project FILE [--variant ID] [--format json|csv|table] [--out PATH]\n");
  g_print ("      %s\n", _("Project a scenario (--default: the bundled Westland scenario)"));
  g_print ("  chart FILE --kind KIND --out PATH.(png|svg|pdf) [--year Y] [--variant ID] [--width W --height H]\n");
  g_print ("      %s\n", _("Draw a chart: curves, pyramid, bridge, savings, variants, fan or tornado"));
  g_print ("  report FILE --out PATH.pdf [--variant ID] [--year Y]\n");
  g_print ("      %s\n", _("Write an A4 PDF report for a council proposal"));
  g_print ("  montecarlo FILE [--runs N] [--seed S] [--variant ID] [--format json]\n");
  g_print ("      %s\n", _("Percentiles of total, gap and savings over the ranged parameters"));
  g_print ("  sensitivity FILE --output PATH [--year Y] [--format json]\n");
  g_print ("      %s\n", _("Each ranged parameter at its low and high end: a tornado"));
  g_print ("  goalseek FILE --param PATH --output PATH --year Y --target V [--low V --high V] [--format text|json]\n");
  g_print ("      %s\n", _("The value of a parameter that brings an output to a target"));
  g_print ("  compare FILE [FILE…] [--variants a,b] [--format json|csv]\n");
  g_print ("      %s\n", _("Scenarios and variants side by side, with the assumptions that differ"));
  g_print ("  validate FILE\n");
  g_print ("      %s\n\n", _("Check a scenario file; the exit status says whether it is valid"));
  g_print ("%s\n", _("Numbers:"));
  /* The one rule of pmd_parse_number() (model/pmd-format.c), as the window
   * reads what is typed into it too. */
  g_print ("  %s\n", _("Every number option (--target, --low, --high, --year, --runs, --scale …) is read the Dutch way:"));
  g_print ("  %s\n", _("- a comma is the decimal separator and dots group thousands: 1.500.000,25 and 0,5;"));
  g_print ("  %s\n", _("- without a comma, dots that each stand before exactly three digits group thousands:"));
  g_print ("    %s\n", _("1.500.000 is one and a half million, 1.500 is fifteen hundred (with a note on standard error);"));
  g_print ("  %s\n", _("- any other single dot is a decimal point: 1.5 is one and a half, 0.500 is a half"));
  g_print ("    %s\n", _("(a number that starts with 0 has no thousands);"));
  g_print ("  %s\n", _("- groups have exactly three digits: 1.50.0 and 1,2,3 are refused, not guessed;"));
  g_print ("  %s\n\n", _("- suffixes: 3,4% (a fraction, 0,034), 15k, 22,8 mln, 1,2 mld; € and spaces are ignored."));
  g_print ("  %s\n\n", _("Numbers in messages are written the same way, in English too (€ 1.250.000,50)."));
  g_print ("%s\n", _("Options:"));
  g_print ("  -h, --help       %s\n", _("Show this help"));
  g_print ("  -v, --version    %s\n\n", _("Show the version"));
  g_print ("%s\n", _("Run “piramide COMMAND --help” for the options of a command."));
}

/**
 * pmd_cli_is_command:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Returns: %TRUE when the arguments name a headless command (or --help,
 *   --version or an unknown word), which never needs a display; %FALSE when
 *   they open the window (nothing, a file, GTK's own options).
 */
gboolean
pmd_cli_is_command (int    argc,
                    char **argv)
{
  static const char *const commands[] = {
    "project", "chart", "report", "validate", "montecarlo", "sensitivity", "goalseek", "compare", "--help", "-h", "--version", "-v", "help", NULL
  };

  if (argc < 2)
    return FALSE;
  if (g_strv_contains (commands, argv[1]))
    return TRUE;
  /* A word that is neither an option nor a file to open is a mistyped
   * command: answer it here rather than start the window. */
  return argv[1][0] != '-' && !g_str_has_suffix (argv[1], ".piramide") &&
         !g_file_test (argv[1], G_FILE_TEST_EXISTS);
}

void
pmd_cli_init_locale (void)
{
  pmd_paths_bind_textdomain ();
}

/**
 * pmd_cli_run:
 * @argc: the argument count
 * @argv: the arguments, argv[1] being the command
 *
 * Runs a headless command.
 *
 * Returns: the exit status: 0 on success, 1 when the command failed (an
 *   invalid file, a write error), 2 for a usage error
 */
int
pmd_cli_run (int    argc,
             char **argv)
{
  g_set_prgname ("piramide");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-v"))
    {
      g_print ("piramide %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "project"))
    return cmd_project (argc, argv);
  if (g_str_equal (argv[1], "validate"))
    return cmd_validate (argc, argv);
  if (g_str_equal (argv[1], "chart"))
    return cmd_chart (argc, argv);
  if (g_str_equal (argv[1], "report"))
    return cmd_report (argc, argv);
  if (g_str_equal (argv[1], "compare"))
    return cmd_compare (argc, argv);
  if (g_str_equal (argv[1], "montecarlo"))
    return cmd_montecarlo (argc, argv);
  if (g_str_equal (argv[1], "sensitivity"))
    return cmd_sensitivity (argc, argv);
  if (g_str_equal (argv[1], "goalseek"))
    return cmd_goalseek (argc, argv);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return usage_error (NULL, message);
  }
}
