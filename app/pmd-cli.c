/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pmd-cli-private.h"
#include "pmd-model.h"
#include "pmd-scenario-file.h"
#include "pmd-paths.h"
#include "pmd-csv.h"
#include "pmd-documents.h"
#include "pmd-file-writer.h"
#include "pmd-json-writer.h"
#include "pmd-explain-writer.h"
#include "pmd-projection-writer.h"
#include "pmd-library.h"
#include "pmd-library-writer.h"
#include "pmd-actuals-csv.h"
#include "pmd-text-table.h"
#include "pmd-xlsx-writer.h"
#include "pmd-budget-import.h"

/*
 * Every command is a row of one table: its name, its line in `piramide
 * --help`, its options and a handler. One prelude serves them all: it
 * parses the options, takes FILE (or --default), checks --format and
 * --year, loads the scenario as written, applies --variant to a copy and
 * projects it. The handler returns the bytes to write, and one writer puts
 * them on standard output or, atomically, in --out. Errors travel as a
 * GError and are printed once, on one line: a usage error exits with 2,
 * any other failure with 1.
 *
 * The library's commands are rows too, named by two words ("library add",
 * "actuals import"). The same prelude opens the library (--db) for them,
 * takes their operands (names, references, files) and, where the first is
 * a reference to a version ("monitor NAME@2") or --scenario names one
 * (chart, report), loads that version as it loads FILE, with its actuals.
 */

#define EXIT_USAGE 2
#define BUNDLED    "westland-2026"

G_DEFINE_QUARK (pmd-cli-error-quark, pmd_cli_error)

typedef struct _Command Command;

/* One run of a command: its options as parsed and what the prelude loaded. */
typedef struct
{
  const Command  *command;
  const char     *file;        /* FILE; NULL with --default */
  char          **files;       /* compare: every FILE */
  int             n_files;

  /* Filled by GOption (OPTION() gives each field's place) */
  gboolean        use_default;
  char           *variant;
  char           *format;
  char           *out_path;
  char           *year_text;
  char           *kind;
  char           *group;
  char           *width;
  char           *height;
  char           *scale;
  gboolean        gap;
  gboolean        dark;
  char           *runs;
  char           *seed;
  char           *output;
  char           *param;
  char           *target;
  char           *low;
  char           *high;
  char           *variants;
  char           *db;
  char           *name;
  char           *message;
  char          **tags;
  char           *scenario_ref;
  char           *month_text;
  char           *threshold_text;
  char           *line;

  /* Worked out by the prelude */
  char          **operands;    /* what follows the command's words */
  int             n_operands;
  int             year;        /* 0: not given */
  PmdLibrary     *library;     /* --db, for the library's commands and --scenario */
  char           *ref_name;    /* the library name of the version loaded */
  int             version;     /* its number */
  GArray         *actuals;     /* its scenario's actuals (PmdRealisation) */
  PmdScenario    *written;     /* the file as written */
  PmdScenario    *scenario;    /* with --variant applied */
  PmdProjection  *projection;  /* of @scenario */
} Cli;

typedef enum
{
  COMMAND_FILES        = 1 << 0,  /* FILE [FILE…] instead of FILE or --default; nothing loaded */
  COMMAND_OUT_REQUIRED = 1 << 1,
  COMMAND_LIBRARY      = 1 << 2,  /* opens --db; exactly n_operands operands; nothing loaded */
  COMMAND_VERSION      = 1 << 3,  /* COMMAND_LIBRARY, the first operand a version: loaded and projected */
  COMMAND_SCENARIO     = 1 << 4,  /* FILE, --default or --scenario NAME[@N|@TAG] from the library */
  COMMAND_DRAWS        = 1 << 5,  /* needs the charts layer (pmd_cli_set_drawing ()) */
} CommandFlags;

/* The charts layer, when the program has it (piramide-window). */
static const PmdCliDrawing *drawing;

/**
 * pmd_cli_set_drawing:
 * @drawing: the charts layer's functions (&pmd_cli_drawing)
 *
 * Lets `chart` and `report` draw. A program without it (`piramide`) hands
 * those commands to one that has it (pmd_cli_needs_drawing ()).
 */
void
pmd_cli_set_drawing (const PmdCliDrawing *value)
{
  drawing = value;
}

struct _Command
{
  const char         *name;          /* one word, or a group and a word: "library add" */
  const char         *synopsis;      /* for `piramide --help`, as typed */
  const char         *summary;       /* for `piramide --help`, translatable */
  const char         *parameter;     /* for `piramide COMMAND --help`, translatable */
  const GOptionEntry *options;       /* arg_data: OPTION (field) */
  const char *const  *formats;       /* NULL: no --format; the first is the default */
  const char         *format_error;
  CommandFlags        flags;
  int                 n_operands;    /* COMMAND_LIBRARY: how many */
  GBytes           *(*run) (Cli     *cli,
                            GError **error);
};

static void
cli_clear (Cli *cli)
{
  g_free (cli->variant);
  g_free (cli->format);
  g_free (cli->out_path);
  g_free (cli->year_text);
  g_free (cli->kind);
  g_free (cli->group);
  g_free (cli->width);
  g_free (cli->height);
  g_free (cli->scale);
  g_free (cli->runs);
  g_free (cli->seed);
  g_free (cli->output);
  g_free (cli->param);
  g_free (cli->target);
  g_free (cli->low);
  g_free (cli->high);
  g_free (cli->variants);
  g_free (cli->db);
  g_free (cli->name);
  g_free (cli->message);
  g_strfreev (cli->tags);
  g_free (cli->scenario_ref);
  g_free (cli->month_text);
  g_free (cli->threshold_text);
  g_free (cli->line);
  g_free (cli->ref_name);
  g_clear_object (&cli->library);
  g_clear_pointer (&cli->actuals, g_array_unref);
  g_clear_pointer (&cli->written, pmd_scenario_free);
  g_clear_pointer (&cli->scenario, pmd_scenario_free);
  g_clear_pointer (&cli->projection, pmd_projection_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cli, cli_clear)

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

static gboolean G_GNUC_PRINTF (2, 3)
usage_error (GError    **error,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PMD_CLI_ERROR, PMD_CLI_ERROR_USAGE, format, args));
  va_end (args);
  return FALSE;
}

/* Prints @error, and returns the exit status it calls for. */
static int
exit_with (const GError *error)
{
  if (g_error_matches (error, PMD_CLI_ERROR, PMD_CLI_ERROR_USAGE))
    {
      print_error (_("%s (see “piramide --help”)"), error->message);
      return EXIT_USAGE;
    }
  print_error ("%s", error->message);
  return EXIT_FAILURE;
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
 * keeps its default. A text that is no number is a usage error. Every
 * option gets the note, a whole one too: "--runs 1.500" is fifteen hundred
 * runs, and "--width 1.600" may have been meant as 1,6 and refused. */
static gboolean
read_number (const char *name,
             const char *text,
             double     *value,
             GError    **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return TRUE;
  if (!pmd_parse_number (text, value, &local))
    return usage_error (error, "%s: %s", name, local->message);
  if (pmd_parse_number_is_ambiguous (text))
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
               double     *value,
               GError    **error)
{
  return read_number (name, text, value, error);
}

/* option_number() for a whole number from @min to @max. */
static gboolean
option_whole (const char *name,
              const char *text,
              double      min,
              double      max,
              gint64     *value,
              GError    **error)
{
  double v;

  if (text == NULL)
    return TRUE;
  if (!read_number (name, text, &v, error))
    return FALSE;
  if (v != floor (v) || v < min || v > max)
    {
      g_autofree char *shown = pmd_format_escape_text (text);
      return usage_error (error, _("%s: “%s” is not a whole number"), name, shown);
    }
  *value = (gint64) v;
  return TRUE;
}

/* The prelude */

/* Loads FILE, or the bundled scenario for --default; errors name it. */
static PmdScenario *
load_scenario (const char *file,
               GError    **error)
{
  PmdScenario *sc;

  sc = file == NULL ? pmd_scenario_load_bundled (BUNDLED, error) : pmd_scenario_load_file (file, error);
  if (sc == NULL)
    g_prefix_error (error, "%s: ", file ? file : BUNDLED);
  return sc;
}

/* The name of what was loaded, for messages: FILE, the bundled scenario or
 * the library's reference. */
static const char *
loaded_name (const Cli *cli)
{
  if (cli->file != NULL)
    return cli->file;
  return cli->library != NULL && cli->written != NULL ? cli->scenario_ref : BUNDLED;
}

/* A version from the library as the scenario as written, and the actuals
 * of its scenario. */
static gboolean
load_version (Cli        *cli,
              const char *ref,
              GError    **error)
{
  g_auto(PmdLibraryRef) parsed = { 0 };

  if (!pmd_library_ref_parse (ref, &parsed, error))
    return FALSE;
  cli->written = pmd_library_load (cli->library, ref, &cli->version, error);
  if (cli->written == NULL)
    return FALSE;
  cli->ref_name = g_strdup (parsed.name);
  cli->actuals = pmd_library_get_actuals (cli->library, parsed.name, error);
  if (cli->scenario_ref == NULL)
    cli->scenario_ref = g_strdup (ref);
  return cli->actuals != NULL;
}

/* The scenario as written (FILE, --default or a library version), the
 * scenario with --variant applied, and its projection, which must hold
 * --year. */
static gboolean
load_and_project (Cli     *cli,
                  GError **error)
{
  const PmdProjection *p;

  if (cli->command->flags & COMMAND_VERSION)
    {
      if (!load_version (cli, cli->operands[0], error))
        return FALSE;
    }
  else if (cli->scenario_ref != NULL)
    {
      if (!load_version (cli, cli->scenario_ref, error))
        return FALSE;
    }
  else if ((cli->written = load_scenario (cli->file, error)) == NULL)
    return FALSE;
  cli->scenario = pmd_scenario_copy (cli->written);
  if (cli->variant != NULL && !pmd_scenario_apply_variant (cli->scenario, cli->variant, error))
    {
      g_prefix_error (error, "%s: ", loaded_name (cli));
      return FALSE;
    }
  p = cli->projection = pmd_project (cli->scenario, error);
  if (p == NULL)
    return FALSE;
  if (cli->year != 0 && pmd_projection_year_index (p, cli->year) < 0)
    {
      g_set_error (error, PMD_CLI_ERROR, PMD_CLI_ERROR_FAILED, _("the year %d lies outside the projection (%d–%d)"),
                   cli->year, p->base_year, p->base_year + p->n_years - 1);
      return FALSE;
    }
  return TRUE;
}

/* The command's options, their arg_data turned from a place in Cli into the
 * address of that place in @cli. */
static GOptionEntry *
bind_options (const GOptionEntry *options,
              Cli                *cli)
{
  guint n = 0;
  GOptionEntry *bound;

  while (options[n].long_name != NULL)
    n++;
  bound = g_new0 (GOptionEntry, n + 1);
  for (guint i = 0; i < n; i++)
    {
      bound[i] = options[i];
      bound[i].arg_data = (guint8 *) cli + GPOINTER_TO_SIZE (options[i].arg_data);
    }
  return bound;
}

/* The number of words that name @command: 1, or 2 for "library add". */
static int
command_words (const Command *command)
{
  return strchr (command->name, ' ') != NULL ? 2 : 1;
}

/* Parses the options, then takes FILE (or --default, --scenario, or with
 * COMMAND_FILES every FILE, or a library command's operands) from what is
 * left, and checks what every command checks alike. */
static gboolean
parse_command_line (Cli     *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  const Command *command = cli->command;
  g_autoptr(GOptionContext) context = g_option_context_new (_(command->parameter));
  g_autofree GOptionEntry *options = bind_options (command->options, cli);
  g_autoptr(GError) local = NULL;
  gint64 year = 0;
  int first;

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &local))
    return usage_error (error, "%s", local->message);

  /* argv[0] is the program, then the command's words, then its operands. */
  first = 1 + command_words (command);
  cli->operands = argv + first;
  cli->n_operands = MAX (0, argc - first);
  if (command->flags & COMMAND_FILES)
    {
      if (cli->n_operands < 1)
        return usage_error (error, "%s", _("give one or more scenario files"));
      cli->files = cli->operands;
      cli->n_files = cli->n_operands;
    }
  else if (command->flags & (COMMAND_LIBRARY | COMMAND_VERSION))
    {
      if (cli->n_operands != command->n_operands)
        /* Translators: "usage: library diff NAME@A NAME@B" */
        return usage_error (error, _("usage: %s"), command->synopsis);
    }
  else if (cli->scenario_ref != NULL)
    {
      if (cli->use_default || cli->n_operands != 0)
        return usage_error (error, "%s", _("give a scenario file, --default or --scenario, not more than one"));
    }
  else if (cli->use_default ? cli->n_operands != 0 : cli->n_operands != 1)
    return usage_error (error, "%s", cli->n_operands > 1 || (cli->use_default && cli->n_operands > 0)
                        ? _("give one scenario file")
                        : command->flags & COMMAND_SCENARIO
                        ? _("give a scenario file (or --default for the bundled scenario, or --scenario NAME from the library)")
                        : _("give a scenario file (or --default for the bundled scenario)"));
  else
    cli->file = cli->use_default ? NULL : cli->operands[0];

  if (command->formats != NULL && cli->format == NULL)
    cli->format = g_strdup (command->formats[0]);
  else if (command->formats != NULL && !g_strv_contains (command->formats, cli->format))
    return usage_error (error, "%s", _(command->format_error));
  if (!option_whole ("--year", cli->year_text, G_MININT, G_MAXINT, &year, error))
    return FALSE;
  cli->year = (int) year;
  if ((command->flags & COMMAND_OUT_REQUIRED) && cli->out_path == NULL)
    return usage_error (error, "%s", _("--out PATH is required"));
  return TRUE;
}

/* Writes to --out through the atomic writer: a crash leaves the old file,
 * a link stays a link, and the scenario being read is never written over
 * (the writer's message names the path). Without --out, to standard
 * output. */
static gboolean
write_output (const Cli  *cli,
              GBytes     *bytes,
              GError    **error)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  /* Nor the library being read: `library get … --out` its own file. */
  if (cli->out_path != NULL)
    return pmd_file_write_atomic (cli->out_path, data, len, cli->file != NULL ? cli->file : cli->db, error);
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write the output: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The library of --db (or the default one) for the commands that use it. */
static gboolean
open_library (Cli     *cli,
              GError **error)
{
  if (!(cli->command->flags & (COMMAND_LIBRARY | COMMAND_VERSION)) && cli->scenario_ref == NULL)
    return TRUE;
  if (cli->db == NULL)
    cli->db = pmd_library_dup_default_path ();
  cli->library = pmd_library_open (cli->db, error);
  return cli->library != NULL;
}

static int
run_command (const Command *command,
             int            argc,
             char         **argv)
{
  g_auto(Cli) cli = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) output = NULL;
  gboolean loads = !(command->flags & (COMMAND_FILES | COMMAND_LIBRARY)) || (command->flags & COMMAND_VERSION);

  cli.command = command;
  if (!parse_command_line (&cli, argc, argv, &error) ||
      !open_library (&cli, &error) ||
      (loads && !load_and_project (&cli, &error)) ||
      (output = command->run (&cli, &error)) == NULL ||
      !write_output (&cli, output, &error))
    return exit_with (error);
  return EXIT_SUCCESS;
}

/* Output */

static GBytes *
take_text (char  *text,
           gsize  len)
{
  return g_bytes_new_take (text, len);
}

static GBytes *
json_bytes (PmdJsonWriter *w)
{
  gsize len;
  char *text = pmd_json_writer_steal (w, &len);

  return take_text (text, len);
}

/* The commands */

/* The monitor of the version loaded: for --year (default: the latest year
 * of its projection with actuals), through --month (default: the latest
 * month with actuals in that year), alarmed at --threshold (default 0,70).
 * With @optional, a version without actuals to show gives NULL and no
 * error: the report leaves its Realisatie section out. */
static PmdMonitor *
compute_monitor (Cli      *cli,
                 gboolean  optional,
                 GError  **error)
{
  const PmdRealisation *rows = (const PmdRealisation *) (void *) cli->actuals->data;
  guint n_rows = cli->actuals->len;
  double threshold = PMD_MONITOR_THRESHOLD_DEFAULT;
  gint64 month = 0;
  int year = cli->year;

  if (!option_whole ("--month", cli->month_text, 1, 12, &month, error) ||
      !option_number ("--threshold", cli->threshold_text, &threshold, error))
    return NULL;
  if (!(threshold > 0 && threshold <= 10))
    return usage_error (error, "%s", _("--threshold is a share above 0, such as 0,7")), NULL;
  if (year == 0)
    for (guint i = 0; i < n_rows; i++)
      if (pmd_projection_year_index (cli->projection, rows[i].year) >= 0)
        year = MAX (year, rows[i].year);
  if (month == 0 && year != 0)
    month = pmd_realisation_latest_month (rows, n_rows, year);
  if (month == 0)
    {
      if (optional)
        return NULL;
      if (year == 0)
        g_set_error (error, PMD_CLI_ERROR, PMD_CLI_ERROR_FAILED,
                     _("%s has no actuals in the years it projects: import them with “piramide actuals import”"),
                     cli->ref_name);
      else
        g_set_error (error, PMD_CLI_ERROR, PMD_CLI_ERROR_FAILED,
                     _("%s has no actuals in %d: give --month M to see the budget without them"), cli->ref_name, year);
      return NULL;
    }
  return pmd_monitor_compute (cli->scenario, cli->projection, rows, n_rows, year, (int) month, threshold, error);
}


static GBytes *
project_run (Cli     *cli,
             GError **error)
{
  char *(*write) (const PmdScenario *, const PmdProjection *, gsize *) = pmd_projection_to_json;
  gsize len = 0;
  char *text;

  if (g_str_equal (cli->format, "csv"))
    write = pmd_projection_to_csv;
  else if (g_str_equal (cli->format, "table"))
    write = pmd_projection_to_table;
  text = write (cli->scenario, cli->projection, &len);
  return take_text (text, len);
}

static GBytes *
validate_run (Cli     *cli,
              GError **error)
{
  const PmdScenario *sc = cli->written;
  guint n_lines = sc->lines->len, n_interventions = sc->interventions->len, n_variants = sc->variants->len;
  g_autofree char *shown = pmd_format_escape_text (cli->file);
  g_autofree char *lines = NULL;
  g_autofree char *interventions = NULL;
  g_autofree char *variants = NULL;
  g_autofree char *lines_text = pmd_format_number (n_lines, 0);
  g_autofree char *interventions_text = pmd_format_number (n_interventions, 0);
  g_autofree char *variants_text = pmd_format_number (n_variants, 0);
  char *text;

  /* A variant is part of the file: each must apply to a valid scenario. */
  for (guint i = 0; i < sc->variants->len; i++)
    {
      const PmdVariant *v = g_ptr_array_index (sc->variants, i);
      g_autoptr(PmdScenario) copy = pmd_scenario_copy (sc);

      if (!pmd_scenario_apply_variant (copy, v->id, error))
        {
          g_prefix_error (error, "%s: ", cli->file);
          return NULL;
        }
    }

  lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s cost line", "%s cost lines", n_lines), lines_text);
  interventions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s intervention", "%s interventions",
                                                n_interventions), interventions_text);
  variants = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s variant", "%s variants", n_variants),
                              variants_text);
  /* Translators: the file, then "9 cost lines", "6 interventions", "3 variants" */
  text = g_strdup_printf (_("%s: valid (%s, %s, %s)\n"), shown, lines, interventions, variants);
  return take_text (text, strlen (text));
}

/* A command the table marks COMMAND_DRAWS only runs with the charts layer:
 * `piramide` hands it to `piramide-window` first. */
static gboolean
check_drawing (GError **error)
{
  if (drawing != NULL)
    return TRUE;
  g_set_error (error, PMD_CLI_ERROR, PMD_CLI_ERROR_FAILED, "%s",
               _("drawing needs the window program piramide-window, which was not found"));
  return FALSE;
}

static GBytes *
chart_run (Cli     *cli,
           GError **error)
{
  g_autoptr(PmdComparison) variants = NULL;
  g_autoptr(PmdMonitor) monitor = NULL;
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(GArray) swings = NULL;
  gint64 width = 1280, height = 720;
  double scale = 1.0;
  PmdChartKind kind;
  PmdChartInput input = { 0 };
  PmdChartStyle style;
  PmdExportFormat format;

  if (!check_drawing (error))
    return NULL;

  if (!option_whole ("--width", cli->width, G_MININT, G_MAXINT, &width, error) ||
      !option_whole ("--height", cli->height, G_MININT, G_MAXINT, &height, error) ||
      !option_number ("--scale", cli->scale, &scale, error))
    return NULL;
  if (cli->kind == NULL || !drawing->kind_from_string (cli->kind, &kind))
    return usage_error (error, "%s", _("--kind is curves, pyramid, bridge, savings, variants, fan, tornado or actuals")),
           NULL;
  if (kind == PMD_CHART_ACTUALS && cli->library == NULL)
    return usage_error (error, "%s", _("--kind actuals draws the actuals of a library version: give --scenario NAME "
                                       "instead of a file")), NULL;
  if (cli->line != NULL && kind != PMD_CHART_ACTUALS)
    return usage_error (error, "%s", _("--line goes with --kind actuals")), NULL;
  if (!drawing->format_from_path (cli->out_path, &format))
    return usage_error (error, "%s", _("the file name must end in .png, .svg or .pdf")), NULL;
  if (width < 16 || height < 16 || width > 16384 || height > 16384 || !(scale > 0 && scale <= 4))
    return usage_error (error, "%s", _("the size must lie between 16 and 16.384, the scale between 0 and 4")), NULL;
  if (cli->group == NULL || g_str_equal (cli->group, "layer"))
    input.grouping = PMD_GROUP_LAYER;
  else if (g_str_equal (cli->group, "domain"))
    input.grouping = PMD_GROUP_DOMAIN;
  else if (g_str_equal (cli->group, "line"))
    input.grouping = PMD_GROUP_LINE;
  else
    return usage_error (error, "%s", _("--group is layer, domain or line")), NULL;

  input.scenario = cli->scenario;
  input.projection = cli->projection;
  input.year = cli->year;
  input.variants_gap = cli->gap;
  /* The variants: the scenario as written and each variant, whichever
   * --variant shows. */
  if (kind == PMD_CHART_VARIANTS && (variants = pmd_comparison_new_variants (cli->written, error)) == NULL)
    return NULL;
  /* The fan: the runs and seed of every screen; the tornado: the gap in the chosen year. */
  if (kind == PMD_CHART_FAN && (mc = pmd_monte_carlo_run (cli->scenario, PMD_MONTE_CARLO_DEFAULT_RUNS,
                                                          PMD_MONTE_CARLO_DEFAULT_SEED, NULL, NULL, NULL,
                                                          error)) == NULL)
    return NULL;
  if (kind == PMD_CHART_TORNADO &&
      (swings = pmd_sensitivity (cli->scenario, "totals.gap", cli->year ? cli->year : pmd_scenario_get_end_year (cli->scenario),
                                 &input.swing_base, error)) == NULL)
    return NULL;
  /* The actuals: the monitor of `piramide monitor`, for the total or --line. */
  if (kind == PMD_CHART_ACTUALS && (monitor = compute_monitor (cli, FALSE, error)) == NULL)
    return NULL;
  if (cli->line != NULL && pmd_scenario_find_line (cli->scenario, cli->line) < 0)
    {
      g_autofree char *shown = pmd_format_escape_text (cli->line);
      g_set_error (error, PMD_CLI_ERROR, PMD_CLI_ERROR_FAILED, _("%s has no cost line “%s”"), cli->scenario_ref, shown);
      return NULL;
    }
  input.monitor = monitor;
  input.monitor_line = cli->line;
  input.variants = variants;
  input.monte_carlo = mc;
  input.swings = swings;
  input.swing_output = "totals.gap";
  drawing->style_init (&style, cli->dark);
  return drawing->export_bytes (kind, &input, &style, format, width, height, scale, error);
}

static GBytes *
report_run (Cli     *cli,
            GError **error)
{
  g_autoptr(PmdComparison) variants = NULL;
  g_autoptr(PmdMonitor) monitor = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree PmdReportDocument *refs = NULL;
  PmdReportInput input = { 0 };

  if (!check_drawing (error))
    return NULL;

  /* The variants: the scenario as written and each variant, whichever
   * --variant shows. */
  variants = pmd_comparison_new_variants (cli->written, error);
  if (variants == NULL)
    return NULL;
  documents = pmd_scenario_dup_documents (cli->scenario, error);
  if (documents == NULL)
    {
      g_prefix_error (error, "%s: ", loaded_name (cli));
      return NULL;
    }
  /* The report's list of sources points into @documents. */
  refs = g_new0 (PmdReportDocument, documents->len + 1);
  for (guint i = 0; i < documents->len; i++)
    {
      const PmdSourceDocument *d = g_ptr_array_index (documents, i);
      refs[i] = (PmdReportDocument) { d->short_title, d->title, d->note };
    }
  input.scenario = cli->scenario;
  input.projection = cli->projection;
  input.variants = variants;
  input.year = cli->year;
  if (cli->variant != NULL)
    input.variant_name = ((PmdVariant *) g_ptr_array_index (cli->scenario->variants,
                                                            pmd_scenario_find_variant (cli->scenario, cli->variant)))->name;
  input.documents = refs;
  input.n_documents = documents->len;
  /* A library version adds its Realisatie section, when it has actuals. */
  if (cli->library != NULL)
    {
      g_autoptr(GError) local = NULL;

      monitor = compute_monitor (cli, TRUE, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      input.monitor = monitor;
    }
  return drawing->report_to_pdf (&input, error);
}

/* The runs in sentences (pmd-uncertainty-text.c): the gap in the year
 * asked for (the last by default) and the tornado of that gap. */
static GBytes *
montecarlo_text (Cli                 *cli,
                 const PmdMonteCarlo *mc,
                 GError             **error)
{
  int year = cli->year ? cli->year : pmd_scenario_get_end_year (cli->scenario);
  g_autoptr(GArray) swings = pmd_sensitivity (cli->scenario, "totals.gap", year, NULL, error);
  g_autoptr(PmdUncertaintyText) text = NULL;
  g_autofree char *sentences = NULL;
  char *out;

  if (swings == NULL)
    return NULL;
  text = pmd_uncertainty_text_new (cli->scenario, cli->projection, mc, swings, "totals.gap", year);
  sentences = pmd_uncertainty_text_to_string (text, FALSE);
  out = g_strconcat (sentences, "\n", NULL);
  return take_text (out, strlen (out));
}

/* The workbook (docs/workbook.md): the projection shown, the variants of
 * the file as written side by side. */
static GBytes *
export_run (Cli     *cli,
            GError **error)
{
  PmdWorkbookInput input = { cli->written, cli->scenario, cli->projection, cli->variant, NULL };
  g_autofree char *name = cli->file != NULL ? g_path_get_basename (cli->file) : g_strdup (BUNDLED);

  input.file = name;
  return pmd_workbook_to_xlsx (&input, error);
}

/* A new scenario from a budget table (docs/workbook.md). The table is no
 * scenario, so nothing is loaded first (COMMAND_FILES); --base-year and
 * --funding are kept in Cli's low and target (the prelude reads year_text
 * as --year). */
static GBytes *
import_run (Cli     *cli,
            GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PmdScenario) sc = NULL;
  g_autofree char *data = NULL;
  gint64 base_year = g_date_time_get_year (now);
  PmdBudgetImportOptions options = { 0 };
  gsize length = 0, out_length = 0;
  char *text;

  if (cli->n_files != 1)
    return usage_error (error, "%s", _("give one table: a .csv or .xlsx file")), NULL;
  /* The writer then refuses to write the scenario over the table. */
  cli->file = cli->files[0];
  if (!option_whole ("--base-year", cli->low, PMD_YEAR_MIN, PMD_YEAR_MAX, &base_year, error) ||
      !option_number ("--funding", cli->target, &options.funding, error))
    return NULL;
  if (!(options.funding >= 0 && options.funding <= PMD_MONEY_MAX))
    return usage_error (error, "%s", _("--funding is an amount in euros, zero or more")), NULL;
  if (!g_file_get_contents (cli->file, &data, &length, error))
    return NULL;
  options.file_name = cli->file;
  options.base_year = (int) base_year;
  sc = pmd_budget_import (data, length, &options, error);
  if (sc == NULL)
    {
      g_prefix_error (error, "%s: ", cli->file);
      return NULL;
    }
  text = pmd_scenario_to_data (sc, &out_length);
  return take_text (text, out_length);
}

static GBytes *
montecarlo_run (Cli     *cli,
                GError **error)
{
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(PmdJsonWriter) w = NULL;
  gint64 runs = PMD_MONTE_CARLO_DEFAULT_RUNS;
  gint64 seed = PMD_MONTE_CARLO_DEFAULT_SEED;
  const double levels[] = { 0.1, 0.5, 0.9 };
  const char *level_names[] = { "10", "50", "90" };
  const char *series_names[] = { "total", "gap", "savings" };

  if (!option_whole ("--runs", cli->runs, G_MININT64, G_MAXINT64, &runs, error) ||
      !option_whole ("--seed", cli->seed, G_MININT64, G_MAXINT64, &seed, error))
    return NULL;
  if (runs < 1 || runs > 1000000 || seed < 0 || seed > G_MAXUINT32)
    return usage_error (error, "%s", _("--runs lies between 1 and 1.000.000, --seed between 0 and 4.294.967.295")),
           NULL;

  /* Three percentiles: selected, not sorted for. */
  mc = pmd_monte_carlo_run_levels (cli->scenario, (guint) runs, (guint32) seed, levels, G_N_ELEMENTS (levels), NULL,
                                   NULL, NULL, error);
  if (mc == NULL)
    return NULL;
  if (g_str_equal (cli->format, "text"))
    return montecarlo_text (cli, mc, error);

  w = pmd_json_writer_new (TRUE);
  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "years");
  pmd_json_writer_int_range (w, mc->base_year, mc->n_years);
  pmd_json_writer_key (w, "runs");
  pmd_json_writer_int (w, mc->runs);
  pmd_json_writer_key (w, "seed");
  pmd_json_writer_int (w, seed);
  pmd_json_writer_key (w, "percentiles");
  pmd_json_writer_begin_object (w, FALSE);
  {
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
            pmd_json_writer_member_numbers (w, level_names[l], row, mc->n_years);
          }
        pmd_json_writer_end_object (w);
      }
  }
  pmd_json_writer_end_object (w);
  pmd_json_writer_member_numbers (w, "p_gap_positive", mc->p_gap_positive, mc->n_years);
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
  return json_bytes (w);
}

/* What a figure is made of: the tree for programs, or the same tree in
 * the user's words. */
static GBytes *
explain_run (Cli     *cli,
             GError **error)
{
  g_autoptr(PmdExplanation) explanation = NULL;
  g_autofree char *id = NULL;
  PmdFigure figure;
  gsize length;
  char *text;

  if (cli->output == NULL || cli->year == 0)
    return usage_error (error, "%s", _("--output and --year are required (for example --output totals.gap --year 2030)")),
           NULL;
  if (!pmd_figure_parse (cli->output, &figure, &id, error))
    return NULL;
  explanation = pmd_explain (cli->scenario, cli->projection, figure, id, cli->year, error);
  if (explanation == NULL)
    return NULL;
  if (g_str_equal (cli->format, "json"))
    text = pmd_explanation_to_json (explanation, &length);
  else
    {
      text = pmd_explanation_to_text (explanation);
      length = strlen (text);
    }
  return take_text (text, length);
}

static GBytes *
sensitivity_run (Cli     *cli,
                 GError **error)
{
  const PmdScenario *sc = cli->scenario;
  g_autoptr(GArray) swings = NULL;
  g_autoptr(PmdJsonWriter) w = NULL;
  int year = cli->year ? cli->year : pmd_scenario_get_end_year (sc);
  double base = 0;

  if (cli->output == NULL)
    return usage_error (error, "%s", _("--output PATH is required (for example totals.gap)")), NULL;
  swings = pmd_sensitivity (sc, cli->output, year, &base, error);
  if (swings == NULL)
    return NULL;

  w = pmd_json_writer_new (TRUE);
  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "output");
  pmd_json_writer_string (w, cli->output);
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
  return json_bytes (w);
}

static GBytes *
goalseek_run (Cli     *cli,
              GError **error)
{
  PmdScenario *sc = cli->scenario;
  double target = 0, low = 0, high = 0, result;
  char *text;

  if (cli->param == NULL || cli->output == NULL || cli->target == NULL || cli->year == 0)
    return usage_error (error, "%s", _("--param, --output, --year and --target are required")), NULL;
  if (!option_number ("--target", cli->target, &target, error) ||
      !option_number ("--low", cli->low, &low, error) ||
      !option_number ("--high", cli->high, &high, error))
    return NULL;
  /* Without --low or --high, where the window's goal seek looks. */
  if (cli->low == NULL || cli->high == NULL)
    {
      double span_low, span_high;

      if (!pmd_scenario_get_param (sc, cli->param, &span_low, error))
        return NULL;
      pmd_goal_seek_span (sc, cli->param, &span_low, &span_high);
      if (cli->low == NULL)
        low = span_low;
      if (cli->high == NULL)
        high = span_high;
    }
  if (!pmd_goal_seek (sc, cli->param, cli->output, cli->year, target, low, high, &result, NULL, NULL, error))
    return NULL;

  /* For people the value the Dutch way, to ten digits ("0,1234567891"),
   * a year as a year; for programs the full double in JSON. */
  if (g_str_equal (cli->format, "json"))
    {
      g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

      pmd_json_writer_begin_object (w, FALSE);
      pmd_json_writer_key (w, "param");
      pmd_json_writer_string (w, cli->param);
      pmd_json_writer_key (w, "output");
      pmd_json_writer_string (w, cli->output);
      pmd_json_writer_key (w, "year");
      pmd_json_writer_int (w, cli->year);
      pmd_json_writer_key (w, "target");
      pmd_json_writer_number (w, target);
      pmd_json_writer_key (w, "value");
      pmd_json_writer_number (w, result);
      pmd_json_writer_end_object (w);
      return json_bytes (w);
    }
  {
    const PmdParamFacts *facts = pmd_param_facts (cli->param);
    /* A year or a number of years as every screen shows it ("2031", not
     * "2.031"): the parameter table. */
    g_autofree char *value = facts != NULL && facts->kind != PMD_PARAM_DOUBLE ? pmd_param_facts_format (facts, result)
                                                                             : pmd_format_value (result);
    text = g_strdup_printf ("%s\n", value);
  }
  return take_text (text, strlen (text));
}

static GBytes *
compare_json (const PmdComparison *cmp)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);
  const PmdProjection *first = pmd_comparison_get (cmp, 0)->projection;
  g_autoptr(GPtrArray) differences = pmd_comparison_differences (cmp);
  guint n = pmd_comparison_get_n (cmp);

  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "years");
  pmd_json_writer_int_range (w, first->base_year, first->n_years);

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
      pmd_json_writer_member_numbers (w, "scenario", p->total_scenario, p->n_years);
      pmd_json_writer_member_numbers (w, "gap", p->gap, p->n_years);
      pmd_json_writer_member_numbers (w, "savings", p->savings, p->n_years);
      pmd_json_writer_member_numbers (w, "cumulative_savings", p->cumulative_savings, p->n_years);
      pmd_json_writer_member_numbers (w, "difference", difference, p->n_years);
      pmd_projection_write_outcome (w, p);
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
      pmd_json_writer_member_numbers (w, "values", d->values, n);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  pmd_json_writer_end_object (w);
  return json_bytes (w);
}

static GBytes *
compare_run (Cli     *cli,
             GError **error)
{
  g_autoptr(PmdComparison) cmp = pmd_comparison_new ();
  g_auto(GStrv) variants = g_strsplit (cli->variants ? cli->variants : "-", ",", 0);

  for (int i = 0; i < cli->n_files; i++)
    {
      g_autoptr(PmdScenario) sc = load_scenario (cli->files[i], error);

      if (sc == NULL)
        return NULL;
      for (guint v = 0; variants[v] != NULL; v++)
        {
          const char *id = g_strstrip (variants[v]);

          if (!pmd_comparison_add (cmp, sc, g_str_equal (id, "-") ? NULL : id, cli->files[i], error))
            {
              g_prefix_error (error, "%s: ", cli->files[i]);
              return NULL;
            }
        }
    }
  if (pmd_comparison_get_n (cmp) < 2)
    return usage_error (error, "%s", _("compare needs two or more scenarios or variants")), NULL;
  if (g_str_equal (cli->format, "csv"))
    {
      gsize len;
      char *text = pmd_comparison_to_csv (cmp, &len);
      return take_text (text, len);
    }
  return compare_json (cmp);
}

/* The library */

/* Reads a file the user names; the message names it. */
static GBytes *
read_input (const char *path,
            GError    **error)
{
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return g_bytes_new_take (data, len);
}

/* Text for people or JSON for programs, by --format. */
static GBytes *
json_or_table (const Cli  *cli,
               char     *(*to_json) (GPtrArray *, gsize *),
               char     *(*to_table) (GPtrArray *, gsize *),
               GPtrArray  *items)
{
  gsize len = 0;
  char *text = (g_str_equal (cli->format, "table") ? to_table : to_json) (items, &len);

  return take_text (text, len);
}

static GBytes *
library_add_run (Cli     *cli,
                 GError **error)
{
  const char *file = cli->operands[0];
  g_autoptr(GBytes) content = read_input (file, error);
  g_autofree char *name = NULL;
  char *text;
  int version;

  if (content == NULL)
    return NULL;
  version = pmd_library_add (cli->library, content, cli->name, cli->message, (const char *const *) cli->tags, &name,
                             error);
  if (version == 0)
    {
      g_prefix_error (error, "%s: ", file);
      return NULL;
    }
  text = g_strdup_printf ("%s@%d\n", name, version);
  return take_text (text, strlen (text));
}

static GBytes *
library_list_run (Cli     *cli,
                  GError **error)
{
  g_autoptr(GPtrArray) scenarios = pmd_library_list (cli->library, error);

  if (scenarios == NULL)
    return NULL;
  return json_or_table (cli, pmd_library_list_to_json, pmd_library_list_to_table, scenarios);
}

static GBytes *
library_log_run (Cli     *cli,
                 GError **error)
{
  g_autoptr(GPtrArray) versions = pmd_library_log (cli->library, cli->operands[0], error);

  if (versions == NULL)
    return NULL;
  return json_or_table (cli, pmd_library_log_to_json, pmd_library_log_to_table, versions);
}

/* The exact bytes that were added; the one writer puts them in --out. */
static GBytes *
library_get_run (Cli     *cli,
                 GError **error)
{
  return pmd_library_get (cli->library, cli->operands[0], NULL, error);
}

/* A value of a parameter as every screen shows it; "–" where a version
 * lacks it. */
static char *
format_param (const char *path,
              double      value)
{
  return isfinite (value) ? pmd_scenario_format_param (path, value) : g_strdup ("–");
}

/* Two versions for people: the assumptions that differ, then the total
 * cost of each year and the difference (the second minus the first). */
static GBytes *
diff_table (const PmdComparison *cmp)
{
  const PmdCompareEntry *a = pmd_comparison_get (cmp, 0), *b = pmd_comparison_get (cmp, 1);
  g_autoptr(GPtrArray) differences = pmd_comparison_differences (cmp);
  g_autoptr(PmdTextTable) assumptions = pmd_text_table_new ("lrr");
  g_autoptr(PmdTextTable) totals = pmd_text_table_new ("lrrr");
  g_autofree char *a_name = pmd_format_escape_text (a->file);
  g_autofree char *b_name = pmd_format_escape_text (b->file);
  const PmdProjection *pa = a->projection, *pb = b->projection;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s → %s\n\n", a_name, b_name);
  if (differences->len == 0)
    g_string_append_printf (out, "%s\n", _("No assumption differs"));
  else
    {
      g_string_append_printf (out, "%s\n", _("Assumptions that differ"));
      pmd_text_table_add (assumptions, _("Assumption"));
      pmd_text_table_add (assumptions, a_name);
      pmd_text_table_add (assumptions, b_name);
      for (guint k = 0; k < differences->len; k++)
        {
          const PmdCompareDifference *d = g_ptr_array_index (differences, k);
          g_autofree char *what = pmd_scenario_describe_param (a->scenario, d->path);

          pmd_text_table_take (assumptions, pmd_format_escape_text (what));
          pmd_text_table_take (assumptions, format_param (d->path, d->values[0]));
          pmd_text_table_take (assumptions, format_param (d->path, d->values[1]));
        }
      pmd_text_table_append_to (assumptions, out);
    }

  g_string_append_printf (out, "\n%s\n", _("Total cost, scenario with interventions, amounts in € million"));
  pmd_text_table_add (totals, _("Year"));
  pmd_text_table_add (totals, a_name);
  pmd_text_table_add (totals, b_name);
  pmd_text_table_add (totals, _("Difference"));
  for (int t = 0; t < pa->n_years; t++)
    {
      int year = pa->base_year + t, tb = pmd_projection_year_index (pb, year);

      pmd_text_table_take (totals, g_strdup_printf ("%d", year));
      pmd_text_table_take (totals, pmd_format_number (pa->total_scenario[t] / 1e6, 1));
      pmd_text_table_take (totals, pmd_format_number (tb >= 0 ? pb->total_scenario[tb] / 1e6 : NAN, 1));
      pmd_text_table_take (totals, pmd_format_number (pmd_comparison_difference (cmp, 1, year) / 1e6, 1));
    }
  pmd_text_table_append_to (totals, out);
  {
    gsize len = out->len;
    return take_text (g_string_free (out, FALSE), len);
  }
}

/* Two versions as `compare` shows two files: the same comparison, the
 * same JSON; each entry's "file" is the reference. */
static GBytes *
library_diff_run (Cli     *cli,
                  GError **error)
{
  g_autoptr(PmdComparison) cmp = pmd_comparison_new ();

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(PmdScenario) sc = pmd_library_load (cli->library, cli->operands[i], NULL, error);

      if (sc == NULL || !pmd_comparison_add (cmp, sc, NULL, cli->operands[i], error))
        return NULL;
    }
  if (g_str_equal (cli->format, "table"))
    return diff_table (cmp);
  return compare_json (cmp);
}

static GBytes *
library_tag_run (Cli     *cli,
                 GError **error)
{
  g_auto(PmdLibraryRef) parsed = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  int version = 0;
  char *text;

  if (!pmd_library_ref_parse (cli->operands[0], &parsed, error) ||
      !pmd_library_tag (cli->library, cli->operands[0], cli->operands[1], error) ||
      (bytes = pmd_library_get (cli->library, cli->operands[0], &version, error)) == NULL)
    return NULL;
  /* The version the tag names now, as `library add` prints it. */
  text = g_strdup_printf ("%s@%d\n", parsed.name, version);
  return take_text (text, strlen (text));
}

static GBytes *
actuals_import_run (Cli     *cli,
                    GError **error)
{
  const char *file = cli->operands[0];
  g_autoptr(GBytes) content = NULL;
  guint n_rows = 0;
  char *text;

  if (cli->scenario_ref == NULL)
    return usage_error (error, "%s", _("--scenario NAME is required: the library scenario the amounts belong to")),
           NULL;
  content = read_input (file, error);
  if (content == NULL)
    return NULL;
  if (!pmd_actuals_csv_import (cli->library, cli->scenario_ref, g_bytes_get_data (content, NULL),
                               g_bytes_get_size (content), &n_rows, error))
    {
      g_prefix_error (error, "%s: ", file);
      return NULL;
    }
  /* Translators: "westland-2026: 24 amounts imported" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u amount imported\n", "%s: %u amounts imported\n", n_rows),
                          cli->scenario_ref, n_rows);
  return take_text (text, strlen (text));
}

static GBytes *
monitor_run (Cli     *cli,
             GError **error)
{
  char *(*write) (const PmdMonitorSource *, const PmdMonitor *, gsize *) = pmd_monitor_to_json;
  g_autoptr(PmdMonitor) monitor = compute_monitor (cli, FALSE, error);
  PmdMonitorSource source = { cli->ref_name, cli->version, cli->scenario };
  gsize len = 0;
  char *text;

  if (monitor == NULL)
    return NULL;
  if (g_str_equal (cli->format, "csv"))
    write = pmd_monitor_to_csv;
  else if (g_str_equal (cli->format, "table"))
    write = pmd_monitor_to_table;
  text = write (&source, monitor, &len);
  return take_text (text, len);
}

/* "Hoe goed voorspelden we?": every version of NAME, projected, against
 * the definitive actuals. */
static GBytes *
accuracy_run (Cli     *cli,
              GError **error)
{
  const char *name = cli->operands[0];
  g_autoptr(GPtrArray) log = pmd_library_log (cli->library, name, error);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_scenario_free);
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_projection_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree PmdAccuracyVersion *versions = NULL;
  gsize len = 0;
  char *text;

  if (log == NULL || (rows = pmd_library_get_actuals (cli->library, name, error)) == NULL)
    return NULL;
  versions = g_new0 (PmdAccuracyVersion, MAX (log->len, 1));
  for (guint i = 0; i < log->len; i++)
    {
      const PmdLibraryVersion *v = g_ptr_array_index (log, i);
      g_autofree char *ref = g_strdup_printf ("%s@%d", name, v->version);
      PmdScenario *sc = pmd_library_load (cli->library, ref, NULL, error);
      PmdProjection *p = sc != NULL ? pmd_project (sc, error) : NULL;
      GDateTime *created = g_date_time_new_from_iso8601 (v->created, NULL);

      if (sc != NULL)
        g_ptr_array_add (scenarios, sc);
      if (p == NULL)
        return NULL;
      g_ptr_array_add (projections, p);
      /* A time the library wrote and cannot read back: not before any year. */
      if (created == NULL)
        created = g_date_time_new_utc (9999, 1, 1, 0, 0, 0);
      g_ptr_array_add (times, created);
      versions[i] = (PmdAccuracyVersion) { v->version, created, sc, p };
    }
  entries = pmd_forecast_accuracy (versions, log->len, (const PmdRealisation *) (void *) rows->data, rows->len);
  if (g_str_equal (cli->format, "table"))
    text = pmd_accuracy_to_table (name, scenarios->len > 0 ? g_ptr_array_index (scenarios, scenarios->len - 1) : NULL,
                                  entries, &len);
  else
    text = pmd_accuracy_to_json (name, entries, &len);
  return take_text (text, len);
}

/* The table */

/* Where an option's value goes: the offset of its field in Cli, made into
 * an address by bind_options(). */
#define OPTION(field) GSIZE_TO_POINTER (G_STRUCT_OFFSET (Cli, field))

#define OPTION_VARIANT \
  { "variant", 0, 0, G_OPTION_ARG_STRING, OPTION (variant), N_("Apply the overrides of variant ID first"), N_("ID") }
#define OPTION_DEFAULT \
  { "default", 0, 0, G_OPTION_ARG_NONE, OPTION (use_default), N_("Use the bundled Westland scenario"), NULL }
#define OPTION_FORMAT(description) \
  { "format", 0, 0, G_OPTION_ARG_STRING, OPTION (format), description, N_("FORMAT") }
#define OPTION_OUT(description) \
  { "out", 0, 0, G_OPTION_ARG_FILENAME, OPTION (out_path), description, N_("PATH") }
#define OPTION_YEAR(description) \
  { "year", 0, 0, G_OPTION_ARG_STRING, OPTION (year_text), description, N_("YEAR") }
#define OPTION_STRING(name, field, description, arg) \
  { name, 0, 0, G_OPTION_ARG_STRING, OPTION (field), description, arg }
#define OPTION_FLAG(name, field, description) \
  { name, 0, 0, G_OPTION_ARG_NONE, OPTION (field), description, NULL }
#define OPTION_DB \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, OPTION (db), \
    N_("The library, an SQLite file (default: $XDG_DATA_HOME/piramide/bibliotheek.sqlite)"), N_("PATH") }
#define OPTION_SCENARIO_REF \
  { "scenario", 0, 0, G_OPTION_ARG_STRING, OPTION (scenario_ref), \
    N_("A version from the library instead of FILE: NAME (the latest), NAME@N or NAME@TAG"), N_("NAME[@N]") }
#define OPTION_MONTH \
  { "month", 0, 0, G_OPTION_ARG_STRING, OPTION (month_text), \
    N_("Count months 1 to M (default: the latest month with actuals)"), N_("M") }
#define OPTION_THRESHOLD \
  { "threshold", 0, 0, G_OPTION_ARG_STRING, OPTION (threshold_text), \
    N_("The share of the budget used that raises the alarm (default 0,7)"), N_("T") }
#define OPTIONS_END { NULL, 0, 0, 0, NULL, NULL, NULL }

static const GOptionEntry project_options[] = {
  OPTION_VARIANT,
  OPTION_FORMAT (N_("Output format: json (default), csv or table")),
  OPTION_OUT (N_("Write to PATH instead of standard output")),
  { "default", 0, 0, G_OPTION_ARG_NONE, OPTION (use_default), N_("Project the bundled Westland scenario"), NULL },
  OPTIONS_END
};

static const GOptionEntry validate_options[] = {
  OPTIONS_END
};

static const GOptionEntry chart_options[] = {
  OPTION_STRING ("kind", kind, N_("curves, pyramid, bridge, savings, variants, fan, tornado or actuals"), N_("KIND")),
  OPTION_YEAR (N_("The year for the pyramid and the bridge (default: the last), or of the actuals "
                  "(default: the latest with actuals)")),
  OPTION_VARIANT,
  OPTION_OUT (N_("The file to write: .png, .svg or .pdf")),
  OPTION_STRING ("width", width, N_("Width in pixels or points (default 1280)"), N_("W")),
  OPTION_STRING ("height", height, N_("Height (default 720)"), N_("H")),
  OPTION_STRING ("scale", scale, N_("Pixels per unit in a PNG, 2 for HiDPI (default 1)"), N_("S")),
  OPTION_STRING ("group", group, N_("Cost curves per layer (default), domain or line"), N_("GROUP")),
  OPTION_FLAG ("gap", gap, N_("The variants chart shows the gap instead of the total")),
  OPTION_FLAG ("dark", dark, N_("Dark colours")),
  OPTION_DEFAULT,
  OPTION_SCENARIO_REF,
  OPTION_DB,
  OPTION_MONTH,
  OPTION_THRESHOLD,
  OPTION_STRING ("line", line, N_("The actuals of this cost line (default: the total)"), N_("ID")),
  OPTIONS_END
};

static const GOptionEntry report_options[] = {
  OPTION_OUT (N_("The PDF to write")),
  OPTION_YEAR (N_("The year for the pyramid and the bridge (default: the last), and of the actuals "
                  "(default: the latest with actuals)")),
  OPTION_VARIANT,
  OPTION_DEFAULT,
  OPTION_SCENARIO_REF,
  OPTION_DB,
  OPTION_MONTH,
  OPTION_THRESHOLD,
  OPTIONS_END
};

static const GOptionEntry export_options[] = {
  OPTION_FORMAT (N_("Output format: xlsx (the only one)")),
  OPTION_OUT (N_("The workbook to write (.xlsx)")),
  OPTION_VARIANT,
  OPTION_DEFAULT,
  OPTIONS_END
};

static const GOptionEntry import_options[] = {
  OPTION_OUT (N_("The scenario to write (.piramide)")),
  OPTION_STRING ("base-year", low, N_("The base year of the amounts (default: this year)"), N_("YEAR")),
  OPTION_STRING ("funding", target, N_("The funding in the base year in euros (default 0)"), N_("AMOUNT")),
  OPTIONS_END
};

static const GOptionEntry montecarlo_options[] = {
  OPTION_STRING ("runs", runs, N_("Number of runs (default 2000)"), N_("N")),
  OPTION_STRING ("seed", seed, N_("Seed of the random draws: the same seed gives the same result"), N_("S")),
  OPTION_VARIANT,
  OPTION_YEAR (N_("The year the sentences speak of (--format text; default: the last)")),
  OPTION_FORMAT (N_("Output format: json (default) or text (sentences in the user's language)")),
  OPTION_OUT (N_("Write to PATH instead of standard output")),
  OPTION_DEFAULT,
  OPTIONS_END
};

static const GOptionEntry sensitivity_options[] = {
  OPTION_STRING ("output", output, N_("The output to explain, e.g. totals.gap"), N_("PATH")),
  OPTION_YEAR (N_("The year of the output (default: the last)")),
  OPTION_FORMAT (N_("Output format: json (the only one)")),
  OPTION_DEFAULT,
  OPTIONS_END
};

static const GOptionEntry explain_options[] = {
  OPTION_STRING ("output", output, N_("The figure to explain, e.g. totals.gap or lines.wmo-maatwerk.scenario"), N_("PATH")),
  OPTION_YEAR (N_("The year of the figure")),
  OPTION_VARIANT,
  OPTION_FORMAT (N_("Output format: text (default: a tree in words) or json")),
  OPTION_OUT (N_("Write to PATH instead of standard output")),
  OPTION_DEFAULT,
  OPTIONS_END
};

static const GOptionEntry goalseek_options[] = {
  OPTION_STRING ("param", param, N_("The parameter to change, e.g. interventions.preventie-ouderen.amount"), N_("PATH")),
  OPTION_STRING ("output", output, N_("The output to reach, e.g. totals.gap"), N_("PATH")),
  OPTION_YEAR (N_("The year of the output")),
  OPTION_STRING ("target", target, N_("The value to reach"), N_("V")),
  OPTION_STRING ("low", low, N_("Search from (default: the parameter's range)"), N_("V")),
  OPTION_STRING ("high", high, N_("Search to (default: the parameter's range)"), N_("V")),
  OPTION_FORMAT (N_("Output format: text (default: the value, Dutch) or json")),
  OPTION_DEFAULT,
  OPTIONS_END
};

static const GOptionEntry compare_options[] = {
  OPTION_STRING ("variants", variants, N_("Compare these variants of each file (comma-separated; “-” is the file as written)"),
                 N_("IDS")),
  OPTION_FORMAT (N_("Output format: json (default) or csv")),
  OPTIONS_END
};

static const GOptionEntry library_add_options[] = {
  OPTION_STRING ("name", name, N_("The scenario's name in the library (default: made from the file's name)"),
                 N_("NAME")),
  OPTION_STRING ("message", message, N_("Why this version was added"), N_("TEXT")),
  { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, OPTION (tags), N_("Name the new version with TAG (may be repeated)"),
    N_("TAG") },
  OPTION_DB,
  OPTIONS_END
};

static const GOptionEntry library_read_options[] = {
  OPTION_FORMAT (N_("Output format: json (default) or table")),
  OPTION_OUT (N_("Write to PATH instead of standard output")),
  OPTION_DB,
  OPTIONS_END
};

static const GOptionEntry library_get_options[] = {
  OPTION_OUT (N_("The file to write: the exact bytes that were added")),
  OPTION_DB,
  OPTIONS_END
};

static const GOptionEntry library_db_options[] = {
  OPTION_DB,
  OPTIONS_END
};

static const GOptionEntry actuals_import_options[] = {
  OPTION_STRING ("scenario", scenario_ref, N_("The library scenario the amounts belong to"), N_("NAME")),
  OPTION_DB,
  OPTIONS_END
};

static const GOptionEntry monitor_options[] = {
  OPTION_YEAR (N_("The budget year (default: the latest year with actuals)")),
  OPTION_MONTH,
  OPTION_THRESHOLD,
  OPTION_VARIANT,
  OPTION_FORMAT (N_("Output format: json (default), csv or table")),
  OPTION_OUT (N_("Write to PATH instead of standard output")),
  OPTION_DB,
  OPTIONS_END
};

static const char *const json_csv_table[] = { "json", "csv", "table", NULL };
static const char *const json_table[] = { "json", "table", NULL };
static const char *const json_only[] = { "json", NULL };
static const char *const text_json[] = { "text", "json", NULL };
static const char *const json_text[] = { "json", "text", NULL };
static const char *const json_csv[] = { "json", "csv", NULL };
static const char *const xlsx_only[] = { "xlsx", NULL };

/* In the order of `piramide --help`. */
static const Command commands[] = {
  { "project", "project FILE [--variant ID] [--format json|csv|table] [--out PATH]",
    N_("Project a scenario (--default: the bundled Westland scenario)"),
    N_("project FILE — project a scenario year by year"),
    project_options, json_csv_table, N_("the format is json, csv or table"), 0, 0, project_run },
  { "chart", "chart FILE --kind KIND --out PATH.(png|svg|pdf) [--year Y] [--variant ID] [--width W --height H]\n"
    "  chart --scenario NAME[@N] --kind actuals --out PATH [--db PATH] [--year Y] [--month M] [--line ID]",
    N_("Draw a chart: curves, pyramid, bridge, savings, variants, fan, tornado or actuals (of a library version)"),
    N_("chart FILE — draw a chart as PNG, SVG or PDF"),
    chart_options, NULL, NULL, COMMAND_OUT_REQUIRED | COMMAND_SCENARIO | COMMAND_DRAWS, 0, chart_run },
  { "report", "report FILE --out PATH.pdf [--variant ID] [--year Y]\n"
    "  report --scenario NAME[@N] --out PATH.pdf [--db PATH] [--year Y] [--month M] [--threshold T]",
    N_("Write an A4 PDF report for a council proposal; a library version adds its realisation"),
    N_("report FILE — write an A4 PDF report for a council proposal"),
    report_options, NULL, NULL, COMMAND_OUT_REQUIRED | COMMAND_SCENARIO | COMMAND_DRAWS, 0, report_run },
  { "export", "export FILE --format xlsx --out PATH.xlsx [--variant ID]",
    N_("Write a workbook: totals, layers, lines, assumptions, variants, uncertainty"),
    N_("export FILE — write the projection as a workbook for a spreadsheet"),
    export_options, xlsx_only, N_("the format is xlsx"), COMMAND_OUT_REQUIRED, 0, export_run },
  { "import", "import TABLE.(csv|xlsx) --out NEW.piramide [--base-year Y] [--funding AMOUNT]",
    N_("Make a new scenario from a budget table of cost lines"),
    N_("import TABLE — make a new scenario from a budget table (.csv or .xlsx)"),
    import_options, NULL, NULL, COMMAND_FILES | COMMAND_OUT_REQUIRED, 0, import_run },
  { "montecarlo", "montecarlo FILE [--runs N] [--seed S] [--variant ID] [--year Y] [--format json|text]",
    N_("Percentiles of total, gap and savings over the ranged parameters"),
    N_("montecarlo FILE — the range of outcomes over the ranged parameters"),
    montecarlo_options, json_text, N_("the format is json or text"), 0, 0, montecarlo_run },
  { "sensitivity", "sensitivity FILE --output PATH [--year Y] [--format json]",
    N_("Each ranged parameter at its low and high end: a tornado"),
    N_("sensitivity FILE — each ranged parameter at its low and high end"),
    sensitivity_options, json_only, N_("the format is json"), 0, 0, sensitivity_run },
  { "explain", "explain FILE --output PATH --year Y [--variant ID] [--format text|json]",
    N_("What a figure is made of, down to the inputs and their sources"),
    N_("explain FILE — what a figure is made of, down to the inputs and their sources"),
    explain_options, text_json, N_("the format is text or json"), 0, 0, explain_run },
  { "goalseek", "goalseek FILE --param PATH --output PATH --year Y --target V [--low V --high V] [--format text|json]",
    N_("The value of a parameter that brings an output to a target"),
    N_("goalseek FILE — the value of a parameter that brings an output to a target"),
    goalseek_options, text_json, N_("the format is text or json"), 0, 0, goalseek_run },
  { "compare", "compare FILE [FILE…] [--variants a,b] [--format json|csv]",
    N_("Scenarios and variants side by side, with the assumptions that differ"),
    N_("compare FILE [FILE…] — scenarios and variants side by side"),
    compare_options, json_csv, N_("the format is json or csv"), COMMAND_FILES, 0, compare_run },
  { "validate", "validate FILE",
    N_("Check a scenario file; the exit status says whether it is valid"),
    N_("validate FILE — check a scenario file and its variants"),
    validate_options, NULL, NULL, 0, 0, validate_run },
  { "library add", "library add FILE [--name NAME] [--message TEXT] [--tag TAG] [--db PATH]",
    N_("Add a scenario file to the library as a new version; prints NAME@N"),
    N_("library add FILE — add a scenario file to the library as a new version"),
    library_add_options, NULL, NULL, COMMAND_LIBRARY, 1, library_add_run },
  { "library list", "library list [--format json|table] [--db PATH]",
    N_("The scenarios in the library"),
    N_("library list — the scenarios in the library"),
    library_read_options, json_table, N_("the format is json or table"), COMMAND_LIBRARY, 0, library_list_run },
  { "library log", "library log NAME [--format json|table] [--db PATH]",
    N_("The versions of a scenario, oldest first"),
    N_("library log NAME — the versions of a scenario, oldest first"),
    library_read_options, json_table, N_("the format is json or table"), COMMAND_LIBRARY, 1, library_log_run },
  { "library get", "library get NAME[@N|@TAG] --out FILE [--db PATH]",
    N_("Write a version to a file: the exact bytes that were added"),
    N_("library get NAME[@N|@TAG] — write a version to a file"),
    library_get_options, NULL, NULL, COMMAND_LIBRARY | COMMAND_OUT_REQUIRED, 1, library_get_run },
  { "library diff", "library diff NAME@A NAME@B [--format json|table] [--db PATH]",
    N_("Two versions side by side: the assumptions that differ and the outcomes"),
    N_("library diff NAME@A NAME@B — two versions side by side"),
    library_read_options, json_table, N_("the format is json or table"), COMMAND_LIBRARY, 2, library_diff_run },
  { "library tag", "library tag NAME@N TAG [--db PATH]",
    N_("Name a version with a tag; a tag moves from the version it named before"),
    N_("library tag NAME@N TAG — name a version with a tag"),
    library_db_options, NULL, NULL, COMMAND_LIBRARY, 2, library_tag_run },
  { "actuals import", "actuals import FILE.csv --scenario NAME [--db PATH]",
    N_("Import realised spending from the financial department’s CSV export, all rows or none"),
    N_("actuals import FILE.csv — import realised spending into the library"),
    actuals_import_options, NULL, NULL, COMMAND_LIBRARY, 1, actuals_import_run },
  { "monitor", "monitor NAME[@N|@TAG] --year Y [--month M] [--threshold 0,7] [--format json|csv|table] [--db PATH]",
    N_("Plan against realisation per line, layer and in total, with the alarm"),
    N_("monitor NAME[@N|@TAG] — plan against realisation"),
    monitor_options, json_csv_table, N_("the format is json, csv or table"), COMMAND_VERSION, 1, monitor_run },
  { "accuracy", "accuracy NAME [--format json|table] [--db PATH]",
    N_("How well did we forecast? Each version against the definitive actuals"),
    N_("accuracy NAME — how well each version forecast the definitive actuals"),
    library_read_options, json_table, N_("the format is json or table"), COMMAND_LIBRARY, 1, accuracy_run },
};

/* Whether @word is the first word of @command's name: "library" of "library add". */
static gboolean
command_in_group (const Command *command,
                  const char    *word)
{
  const char *space = strchr (command->name, ' ');

  return space != NULL && strncmp (command->name, word, space - command->name) == 0 &&
         word[space - command->name] == '\0';
}

/* The command argv[1] (and for a group argv[2]) names. */
static const Command *
find_command (int    argc,
              char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *c = &commands[i];

      if (command_in_group (c, argv[1]) ? argc > 2 && g_str_equal (strchr (c->name, ' ') + 1, argv[2])
                                        : g_str_equal (c->name, argv[1]))
        return c;
    }
  return NULL;
}

/* A group of commands: "library", "actuals". */
static gboolean
is_group (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (command_in_group (&commands[i], word))
      return TRUE;
  return FALSE;
}

static void
print_command (const Command *command)
{
  g_print ("  %s\n      %s\n", command->synopsis, _(command->summary));
}

/* `piramide library` without a command it knows: its commands, on standard
 * output for --help, else as a usage error. */
static int
group_usage (int    argc,
             char **argv)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (argc > 2 && (g_str_equal (argv[2], "--help") || g_str_equal (argv[2], "-h")))
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (command_in_group (&commands[i], argv[1]))
          print_command (&commands[i]);
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (command_in_group (&commands[i], argv[1]))
      g_string_append_printf (words, "%s%s", words->len ? ", " : "", strchr (commands[i].name, ' ') + 1);
  /* Translators: "library: give one of add, list, log, get, diff, tag" */
  usage_error (&error, _("%s: give one of %s"), argv[1], words->str);
  return exit_with (error);
}

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: piramide [COMMAND] [OPTIONS…]"));
  g_print ("%s\n\n", _("Piramide plans the budget of a municipality’s social domain as a care pyramid."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    print_command (&commands[i]);
  g_print ("\n%s\n", _("Numbers:"));
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
  static const char *const words[] = { "--help", "-h", "--version", "-v", "help", NULL };

  if (argc < 2)
    return FALSE;
  if (find_command (argc, argv) != NULL || is_group (argv[1]) || g_strv_contains (words, argv[1]))
    return TRUE;
  /* A word that is neither an option nor a file to open is a mistyped
   * command: answer it here rather than start the window. */
  return argv[1][0] != '-' && !g_str_has_suffix (argv[1], ".piramide") &&
         !g_file_test (argv[1], G_FILE_TEST_EXISTS);
}

/**
 * pmd_cli_needs_drawing:
 *
 * Returns: whether the command line is a command that draws (`chart`,
 *   `report`), which a program without the charts layer hands on
 */
gboolean
pmd_cli_needs_drawing (int    argc,
                       char **argv)
{
  const Command *command = argc >= 2 ? find_command (argc, argv) : NULL;

  return command != NULL && (command->flags & COMMAND_DRAWS) != 0;
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
  const Command *command;

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
  command = find_command (argc, argv);
  if (command == NULL && is_group (argv[1]))
    return group_usage (argc, argv);
  if (command == NULL)
    {
      g_autoptr(GError) error = NULL;

      usage_error (&error, _("unknown command “%s”"), argv[1]);
      return exit_with (error);
    }
  return run_command (command, argc, argv);
}
