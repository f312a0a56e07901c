/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-budget-import.h"
#include "pmd-csv.h"
#include "pmd-json-writer.h"
#include "pmd-library.h"
#include "pmd-xlsx-reader.h"

/*
 * One row of the table is one cost line. The reader checks every row and
 * refuses the file as a whole, listing each wrong row with its line (in a
 * workbook: its row) and column, so the adviser fixes the table once and
 * no half scenario is ever written. Amounts are read as the actuals are:
 * Dutch notation, to the cent. Layers and domains are the distinct values
 * of their columns, in the order they first appear (layers bottom to top).
 */

typedef enum
{
  COL_NAAM,
  COL_LAAG,
  COL_DOMEIN,
  COL_BEDRAG,
  COL_CLIENTEN,
  COL_GROEI,
  COL_IV3,
  COL_ID,
  N_COLUMNS
} Column;

/* Required first; "post" is what a financial department calls a line. */
#define N_REQUIRED (COL_BEDRAG + 1)
static const char *const column_names[N_COLUMNS] = { "naam|post", "laag", "domein", "bedrag", "clienten", "groei",
                                                     "iv3", "id" };

/* The layers' colours, bottom to top: the blank scenario's three, then
 * the rest of the Okabe–Ito palette (told apart by colour-blind readers). */
static const char *const layer_colors[] = { "#009E73", "#E69F00", "#0072B2", "#CC79A7", "#56B4E9", "#D55E00",
                                            "#F0E442", "#999999" };

typedef struct
{
  PmdScenario *sc;
  int          col[N_COLUMNS];
  char        *label[N_COLUMNS];  /* each column as the header writes it */
  GHashTable  *ids;               /* line id → line number where it was made */
  GPtrArray   *errors;
  guint        n_bad_rows;
  const char  *source;            /* "imported from FILE" */
} Parse;

G_DEFINE_QUARK (pmd-import-error-quark, pmd_import_error)

static void
parse_clear (Parse *ps)
{
  for (int c = 0; c < N_COLUMNS; c++)
    g_free (ps->label[c]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parse, parse_clear)

static char *
cell (Parse              *ps,
      const PmdCsvRecord *rec,
      Column              c)
{
  return g_strstrip (g_strdup (pmd_csv_record_field (rec, ps->col[c])));
}

/* The layer or domain named @name: found by its slug, or added. */
static const char *
group_id (GPtrArray  *groups,
          const char *name,
          gboolean    layers)
{
  g_autofree char *id = pmd_library_slugify (name);

  for (guint i = 0; i < groups->len; i++)
    {
      /* PmdLayer and PmdDomain both start with id and name. */
      const PmdDomain *g = g_ptr_array_index (groups, i);

      if (g_str_equal (g->id, id))
        return g->id;
    }
  if (layers)
    {
      PmdLayer *layer = pmd_layer_new (id, name);

      layer->color = g_strdup (layer_colors[groups->len % G_N_ELEMENTS (layer_colors)]);
      g_ptr_array_add (groups, layer);
      return layer->id;
    }
  g_ptr_array_add (groups, pmd_domain_new (id, name));
  return ((PmdDomain *) g_ptr_array_index (groups, groups->len - 1))->id;
}

/* An amount of money or of people: Dutch notation, to the cent, zero or more. */
static gboolean
read_amount (Parse              *ps,
             const PmdCsvRecord *rec,
             Column              c,
             const char         *text,
             double             *value)
{
  gint64 cents;

  if (!pmd_csv_parse_amount (text, &cents))
    pmd_csv_row_error (ps->errors, rec->line, ps->label[c], _("“%s” is not an amount such as 1.234.567,89"), text);
  else if (cents < 0)
    pmd_csv_row_error (ps->errors, rec->line, ps->label[c], _("“%s” is negative; give zero or more"), text);
  else
    {
      *value = cents / 100.0;
      return TRUE;
    }
  return FALSE;
}

/* A yearly growth in percent: "2,5" and "2,5%" are both 2.5% a year. */
static gboolean
read_growth (Parse              *ps,
             const PmdCsvRecord *rec,
             const char         *text,
             double             *value)
{
  g_autofree char *number = g_strdup (text);
  gsize n = strlen (number);

  if (n > 0 && number[n - 1] == '%')
    number[n - 1] = '\0';
  g_strstrip (number);
  if (!pmd_parse_number (number, value, NULL) || !isfinite (*value) || strpbrk (number, "kKmM") != NULL)
    pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_GROEI],
                       _("“%s” is not a percentage such as 2,5 or 2,5%%"), text);
  else if (*value <= -100)
    pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_GROEI],
                       _("“%s” would shrink the line by 100%% or more a year"), text);
  else
    {
      *value /= 100;
      return TRUE;
    }
  return FALSE;
}

/* The codes of "6.6, 6.71" as the line's `iv3` member: one code as a
 * string, several as a list. */
static char *
iv3_extra (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",; \t", 0);
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (FALSE);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (codes, parts[i]);
  if (codes->len == 0)
    return NULL;
  pmd_json_writer_begin_object (w, TRUE);
  pmd_json_writer_key (w, "iv3");
  if (codes->len == 1)
    pmd_json_writer_string (w, g_ptr_array_index (codes, 0));
  else
    {
      pmd_json_writer_begin_array (w, TRUE);
      for (guint i = 0; i < codes->len; i++)
        pmd_json_writer_string (w, g_ptr_array_index (codes, i));
      pmd_json_writer_end_array (w);
    }
  pmd_json_writer_end_object (w);
  return g_strchomp (pmd_json_writer_steal (w, NULL));
}

/* The line's id: the `id` column's, or a slug of its name made unique
 * ("overig", "overig-2"). */
static char *
line_id (Parse              *ps,
         const PmdCsvRecord *rec,
         const char         *given,
         const char         *name)
{
  g_autofree char *slug = NULL;
  char *id;

  if (*given != '\0')
    {
      gpointer first = g_hash_table_lookup (ps->ids, given);

      if (!pmd_is_valid_id (given))
        pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_ID],
                           _("“%s” is not an id: use lowercase letters, digits and hyphens"), given);
      else if (first != NULL)
        pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_ID], _("the id “%s” is used on line %u too"),
                           given, GPOINTER_TO_UINT (first));
      else
        return g_strdup (given);
      return NULL;
    }
  slug = pmd_library_slugify (name);
  id = g_strdup (slug);
  for (guint k = 2; g_hash_table_contains (ps->ids, id); k++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, k);
    }
  return id;
}

static void
read_row (Parse              *ps,
          const PmdCsvRecord *rec,
          guint               n_header)
{
  g_autofree char *name = cell (ps, rec, COL_NAAM);
  g_autofree char *layer = cell (ps, rec, COL_LAAG);
  g_autofree char *domain = cell (ps, rec, COL_DOMEIN);
  g_autofree char *amount = cell (ps, rec, COL_BEDRAG);
  g_autofree char *clients = cell (ps, rec, COL_CLIENTEN);
  g_autofree char *growth = cell (ps, rec, COL_GROEI);
  g_autofree char *iv3 = cell (ps, rec, COL_IV3);
  g_autofree char *given_id = cell (ps, rec, COL_ID);
  g_autofree char *id = NULL;
  guint n_errors = ps->errors->len;
  double cost = 0, n_clients = 0, rate = 0;
  PmdLine *line;

  if (rec->unclosed)
    pmd_csv_row_error (ps->errors, rec->line, NULL, _("a field opens with a quote (\") that is never closed"));
  if (rec->fields->len > n_header)
    pmd_csv_row_error (ps->errors, rec->line, NULL, _("%u fields, but the header has %u"), rec->fields->len, n_header);
  if (*name == '\0')
    pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_NAAM], _("empty; give the cost line’s name"));
  if (*layer == '\0')
    pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_LAAG],
                       _("empty; give the layer of the care pyramid, e.g. Sociale basis"));
  if (*domain == '\0')
    pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_DOMEIN], _("empty; give the domain, e.g. Wmo or Jeugd"));
  if (*amount == '\0')
    pmd_csv_row_error (ps->errors, rec->line, ps->label[COL_BEDRAG],
                       _("empty; give the amount in the base year in euros, such as 1.234.567"));
  else
    read_amount (ps, rec, COL_BEDRAG, amount, &cost);
  if (*clients != '\0')
    read_amount (ps, rec, COL_CLIENTEN, clients, &n_clients);
  if (*growth != '\0')
    read_growth (ps, rec, growth, &rate);
  if (*name != '\0')
    id = line_id (ps, rec, given_id, name);
  if (ps->errors->len != n_errors)
    {
      ps->n_bad_rows++;
      return;
    }

  line = pmd_line_new (id, name, group_id (ps->sc->layers, layer, TRUE), group_id (ps->sc->domains, domain, FALSE),
                       cost);
  line->has_clients = *clients != '\0';
  line->clients = n_clients;
  line->growth = rate;
  line->source = g_strdup (ps->source);
  line->extra = iv3_extra (iv3);
  g_hash_table_insert (ps->ids, g_strdup (id), GUINT_TO_POINTER (rec->line));
  g_ptr_array_add (ps->sc->lines, line);
}

static gboolean
read_header (Parse              *ps,
             const PmdCsvRecord *rec,
             GError            **error)
{
  int twice = pmd_csv_find_columns (rec, column_names, N_COLUMNS, ps->col);

  if (twice >= 0)
    {
      g_autofree char *name = g_strdelimit (g_strdup (column_names[twice]), "|", '/');

      g_set_error (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_HEADER, _("line %u: the header has the column “%s” twice"),
                   rec->line, name);
      return FALSE;
    }
  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_auto(GStrv) names = g_strsplit (column_names[c], "|", 2);

      if (ps->col[c] < 0 && c < N_REQUIRED)
        {
          g_set_error (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_HEADER,
                       _("line %u: the header has no column “%s”; it needs naam (or post), laag, domein and bedrag, "
                         "and may have clienten, groei, iv3 and id"), rec->line, names[0]);
          return FALSE;
        }
      ps->label[c] = ps->col[c] >= 0 ? g_strstrip (g_strdup (pmd_csv_record_field (rec, ps->col[c])))
                                     : g_strdup (names[0]);
    }
  return TRUE;
}

/* The table's records: a workbook's first sheet, or a CSV text. */
static GPtrArray *
read_table (const char *data,
            gsize       length,
            GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  if (pmd_xlsx_is_workbook (data, length))
    return pmd_xlsx_read_first_sheet (data, length, error);
  text = pmd_csv_decode (data, length, &text_length, &local);
  if (text == NULL)
    {
      g_set_error_literal (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_FILE, local->message);
      return NULL;
    }
  return pmd_csv_read_records (text, text_length);
}

static PmdScenario *
new_scenario (const PmdBudgetImportOptions *options)
{
  PmdScenario *sc = pmd_scenario_new ();
  g_autofree char *base = g_path_get_basename (options->file_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_free (sc->name);
  sc->name = g_strdup (base);
  sc->base_year = options->base_year;
  sc->horizon = 10;
  sc->funding.base = options->funding;
  return sc;
}

/**
 * pmd_budget_import:
 * @data: the bytes of a CSV file or an .xlsx workbook
 * @options: the file's name, the base year and the funding
 *
 * Makes a valid scenario of the table's cost lines, with no interventions,
 * a horizon of 10 years and every line's source "imported from FILE"; or
 * refuses the table: %PMD_IMPORT_ERROR_ROWS lists every wrong row, one a
 * line, after a first line that says how many.
 *
 * Returns: (transfer full): the scenario, or %NULL with @error set
 */
PmdScenario *
pmd_budget_import (const char                   *data,
                   gsize                         length,
                   const PmdBudgetImportOptions *options,
                   GError                      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *file = NULL;
  g_autofree char *source = NULL;
  g_auto(Parse) ps = { 0 };
  const PmdCsvRecord *header;
  guint first;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (options != NULL && options->file_name != NULL, NULL);

  records = read_table (data != NULL ? data : "", length, error);
  if (records == NULL)
    return NULL;
  header = pmd_csv_records_header (records, &first);
  if (header == NULL)
    {
      g_set_error_literal (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_HEADER,
                           _("The table is empty: it needs a header row with naam, laag, domein and bedrag"));
      return NULL;
    }
  if (!read_header (&ps, header, error))
    return NULL;

  file = g_path_get_basename (options->file_name);
  /* Translators: the source of every imported number, "imported from begroting-2026.xlsx" */
  source = g_strdup_printf (_("imported from %s"), file);
  ps.sc = sc = new_scenario (options);
  ps.ids = ids;
  ps.errors = errors;
  ps.source = source;
  for (guint i = first; i < records->len; i++)
    if (!pmd_csv_record_is_blank (g_ptr_array_index (records, i)))
      read_row (&ps, g_ptr_array_index (records, i), header->fields->len);

  if (errors->len > 0)
    {
      pmd_csv_set_rows_error (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_ROWS, ps.n_bad_rows, errors);
      return NULL;
    }
  if (sc->lines->len == 0)
    {
      g_set_error_literal (error, PMD_IMPORT_ERROR, PMD_IMPORT_ERROR_ROWS,
                           _("The table has a header but no cost lines below it"));
      return NULL;
    }
  if (options->funding != 0)
    sc->funding.source = g_strdup (source);
  if (!pmd_scenario_resolve (sc, error) || !pmd_scenario_validate (sc, error))
    return NULL;
  return g_steal_pointer (&sc);
}
