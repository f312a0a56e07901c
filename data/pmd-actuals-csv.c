/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pmd-actuals-csv.h"
#include "pmd-csv.h"
#include "pmd-json-reader.h"

/*
 * The reader refuses a file as a whole: a wrong row would otherwise leave
 * a month half booked. It checks every row and lists each wrong one with
 * its line number, its column and why, so the department fixes the export
 * once. Amounts are read exactly, to the cent, in Dutch notation only:
 * "1.234" is one thousand two hundred and thirty-four euros, and "1.23"
 * (English notation, or a typing error) is refused rather than guessed.
 */

typedef enum
{
  COL_POST,
  COL_JAAR,
  COL_MAAND,
  COL_BEDRAG,
  COL_STATUS,
  N_COLUMNS
} Column;

static const char *const column_names[N_COLUMNS] = { "post", "jaar", "maand", "bedrag", "status" };

typedef struct
{
  GHashTable        *ids;        /* line id → itself */
  GHashTable        *iv3;        /* code → GPtrArray of line ids */
  GHashTable        *seen;       /* "post␟year␟month" → first line */
  int                col[N_COLUMNS];
  guint              n_header;
  GPtrArray         *errors;
  guint              n_bad_rows;
  GArray            *rows;
} Parse;

G_DEFINE_QUARK (pmd-actuals-error-quark, pmd_actuals_error)

/* Iv3 taakvelden of the lines */

/**
 * pmd_actuals_dup_line_iv3:
 * @line: a cost line
 *
 * The line's optional `iv3` field, a code or a list of codes (issue 12),
 * read from the members the scenario reader keeps as JSON text.
 *
 * Returns: (transfer full): the codes, empty when it has none
 */
GStrv
pmd_actuals_dup_line_iv3 (const PmdLine *line)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PmdJsonDoc) doc = NULL;
  const PmdJsonNode *node = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  if (line->extra != NULL)
    doc = pmd_json_parse (line->extra, strlen (line->extra), NULL);
  if (doc != NULL && pmd_json_node_kind (pmd_json_doc_get_root (doc)) == PMD_JSON_OBJECT)
    node = pmd_json_object_get (pmd_json_doc_get_root (doc), "iv3");
  if (node != NULL && pmd_json_node_kind (node) == PMD_JSON_STRING)
    g_ptr_array_add (codes, g_strdup (node->v.string));
  else if (node != NULL && pmd_json_node_kind (node) == PMD_JSON_ARRAY && pmd_json_node_length (node) > 0)
    {
      const PmdJsonNode *e = pmd_json_node_first (node);

      for (guint i = 0; i < pmd_json_node_length (node); i++, e = pmd_json_node_next (e))
        if (pmd_json_node_kind (e) == PMD_JSON_STRING)
          g_ptr_array_add (codes, g_strdup (e->v.string));
    }
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

static GHashTable *
index_ids (const PmdScenario *scenario)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < scenario->lines->len; i++)
    {
      const PmdLine *line = g_ptr_array_index (scenario->lines, i);

      g_hash_table_insert (index, line->id, line->id);
    }
  return index;
}

static GHashTable *
index_iv3 (const PmdScenario *scenario)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < scenario->lines->len; i++)
    {
      const PmdLine *line = g_ptr_array_index (scenario->lines, i);
      g_auto(GStrv) codes = pmd_actuals_dup_line_iv3 (line);

      for (guint k = 0; codes[k] != NULL; k++)
        {
          char *code = g_ascii_strdown (g_strstrip (codes[k]), -1);
          GPtrArray *lines = g_hash_table_lookup (index, code);

          if (lines == NULL)
            {
              lines = g_ptr_array_new ();
              g_hash_table_insert (index, code, lines);
            }
          else
            g_free (code);
          if (!g_ptr_array_find_with_equal_func (lines, line->id, g_str_equal, NULL))
            g_ptr_array_add (lines, line->id);
        }
    }
  return index;
}

/* Rows */

/* The cost line a post names: its id, or an Iv3 code one line carries
 * (6.71a matches a line of 6.71a, else one of 6.71). */
static const char *
resolve_post (Parse        *ps,
              const PmdCsvRecord *rec,
              const char   *post)
{
  g_autofree char *code = g_ascii_strdown (post, -1);
  const char *id = g_hash_table_lookup (ps->ids, code);
  GPtrArray *lines;
  gsize n = strlen (code);

  if (id != NULL)
    return id;
  lines = g_hash_table_lookup (ps->iv3, code);
  while (lines == NULL && n > 0 && g_ascii_isalpha (code[n - 1]))
    {
      code[--n] = '\0';
      lines = g_hash_table_lookup (ps->iv3, code);
    }
  if (lines == NULL)
    pmd_csv_row_error (ps->errors, rec->line, "post", _("“%s” is neither a cost line of the scenario nor an Iv3 "
                                        "taakveld one of its lines carries"), post);
  else if (lines->len > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (lines, i));
      pmd_csv_row_error (ps->errors, rec->line, "post", _("Iv3 taakveld “%s” belongs to several cost lines (%s): "
                                          "give the cost line’s id instead"), post, names->str);
    }
  else
    return g_ptr_array_index (lines, 0);
  return NULL;
}

static gboolean
read_status (Parse        *ps,
             const PmdCsvRecord *rec,
             const char   *text,
             gboolean     *definitive)
{
  if (*text == '\0' || g_ascii_strcasecmp (text, "voorlopig") == 0)
    *definitive = FALSE;
  else if (g_ascii_strcasecmp (text, "definitief") == 0)
    *definitive = TRUE;
  else
    {
      pmd_csv_row_error (ps->errors, rec->line, "status", _("“%s” is not a status: voorlopig or definitief"), text);
      return FALSE;
    }
  return TRUE;
}

static void
check_duplicate (Parse        *ps,
                 const PmdCsvRecord *rec,
                 const char   *post,
                 int           year,
                 int           month)
{
  char *key = g_strdup_printf ("%s\x1f%d\x1f%d", post, year, month);
  gpointer first = g_hash_table_lookup (ps->seen, key);

  if (first != NULL)
    {
      pmd_csv_row_error (ps->errors, rec->line, "post", _("the same post, jaar and maand as line %u"),
                 GPOINTER_TO_UINT (first));
      g_free (key);
    }
  else
    g_hash_table_insert (ps->seen, key, GUINT_TO_POINTER (rec->line));
}

static void
read_row (Parse        *ps,
          const PmdCsvRecord *rec)
{
  g_autofree char *post = g_strstrip (g_ascii_strdown (pmd_csv_record_field (rec, ps->col[COL_POST]), -1));
  g_autofree char *year_text = g_strstrip (g_strdup (pmd_csv_record_field (rec, ps->col[COL_JAAR])));
  g_autofree char *month_text = g_strstrip (g_strdup (pmd_csv_record_field (rec, ps->col[COL_MAAND])));
  g_autofree char *amount_text = g_strstrip (g_strdup (pmd_csv_record_field (rec, ps->col[COL_BEDRAG])));
  g_autofree char *status_text = g_strstrip (g_strdup (pmd_csv_record_field (rec, ps->col[COL_STATUS])));
  guint n_errors = ps->errors->len;
  const char *line = NULL;
  int year = 0, month = 0;
  gint64 cents = 0;
  gboolean definitive = FALSE;

  if (rec->unclosed)
    pmd_csv_row_error (ps->errors, rec->line, NULL, _("a field opens with a quote (\") that is never closed"));
  if (rec->fields->len > ps->n_header)
    pmd_csv_row_error (ps->errors, rec->line, NULL, _("%u fields, but the header has %u"), rec->fields->len, ps->n_header);
  if (*post == '\0')
    pmd_csv_row_error (ps->errors, rec->line, "post", _("empty; give a cost line’s id or an Iv3 taakveld"));
  else
    line = resolve_post (ps, rec, post);
  if (!pmd_csv_parse_digits (year_text, PMD_YEAR_MIN, PMD_YEAR_MAX, &year))
    pmd_csv_row_error (ps->errors, rec->line, "jaar", _("“%s” is not a year from %d to %d"), year_text, PMD_YEAR_MIN,
               PMD_YEAR_MAX);
  if (*month_text != '\0' && !pmd_csv_parse_digits (month_text, 1, 12, &month))
    pmd_csv_row_error (ps->errors, rec->line, "maand", _("“%s” is not a month: 1 to 12, or empty for the whole year"),
               month_text);
  if (*amount_text == '\0')
    pmd_csv_row_error (ps->errors, rec->line, "bedrag", _("empty; give an amount in euros such as 1.234.567,89"));
  else if (!pmd_csv_parse_amount (amount_text, &cents))
    pmd_csv_row_error (ps->errors, rec->line, "bedrag", _("“%s” is not an amount in euros such as 1.234.567,89"),
               amount_text);
  read_status (ps, rec, status_text, &definitive);
  if (ps->errors->len == n_errors)
    check_duplicate (ps, rec, post, year, month);
  if (ps->errors->len == n_errors)
    pmd_realisation_array_add (ps->rows, line, post, year, month, cents / 100.0, definitive);
  else
    ps->n_bad_rows++;
}

static gboolean
read_header (Parse              *ps,
             const PmdCsvRecord *rec,
             GError            **error)
{
  int twice = pmd_csv_find_columns (rec, column_names, N_COLUMNS, ps->col);

  ps->n_header = rec->fields->len;
  if (twice >= 0)
    {
      g_set_error (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_HEADER,
                   _("line %u: the header has the column “%s” twice"), rec->line, column_names[twice]);
      return FALSE;
    }
  for (int c = 0; c < COL_STATUS; c++)
    if (ps->col[c] < 0)
      {
        g_set_error (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_HEADER,
                     _("line %u: the header has no column “%s”; it needs post, jaar, maand and bedrag, "
                       "and may have status"), rec->line, column_names[c]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_records (Parse      *ps,
              GPtrArray  *records,
              GError    **error)
{
  guint first;
  const PmdCsvRecord *header = pmd_csv_records_header (records, &first);

  if (header == NULL)
    {
      g_set_error_literal (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_HEADER,
                           _("The file is empty: it needs a header row with post, jaar, maand and bedrag"));
      return FALSE;
    }
  if (!read_header (ps, header, error))
    return FALSE;
  for (guint i = first; i < records->len; i++)
    if (!pmd_csv_record_is_blank (g_ptr_array_index (records, i)))
      read_row (ps, g_ptr_array_index (records, i));
  return TRUE;
}

/**
 * pmd_actuals_csv_parse:
 * @data: the file's bytes
 * @scenario: the scenario whose lines the posts name
 *
 * Reads a whole file, or refuses it: %PMD_ACTUALS_ERROR_ROWS lists every
 * wrong row, one a line, after a first line that says how many.
 *
 * Returns: (transfer full) (element-type PmdRealisation): the amounts in
 *   file order, or %NULL with @error set
 */
GArray *
pmd_actuals_csv_parse (const char        *data,
                       gsize              length,
                       const PmdScenario *scenario,
                       GError           **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) iv3 = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local = NULL;
  Parse ps = { 0 };
  gsize text_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (scenario != NULL, NULL);

  text = pmd_csv_decode (data != NULL ? data : "", length, &text_length, &local);
  if (text == NULL)
    {
      g_set_error_literal (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_ENCODING, local->message);
      return NULL;
    }
  records = pmd_csv_read_records (text, text_length);
  ps.ids = ids = index_ids (scenario);
  ps.iv3 = iv3 = index_iv3 (scenario);
  ps.seen = seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ps.errors = errors = g_ptr_array_new_with_free_func (g_free);
  ps.rows = rows = pmd_realisation_array_new ();
  if (!read_records (&ps, records, error))
    return NULL;
  if (errors->len > 0)
    {
      pmd_csv_set_rows_error (error, PMD_ACTUALS_ERROR, PMD_ACTUALS_ERROR_ROWS, ps.n_bad_rows, errors);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * pmd_actuals_csv_import:
 * @library: the library
 * @name: the scenario in the library; its latest version maps the posts
 * @data: the CSV file's bytes
 * @out_n_rows: (out) (optional): how many amounts were stored
 *
 * Reads the file and stores its amounts in one transaction: all or nothing.
 */
gboolean
pmd_actuals_csv_import (PmdLibrary *library,
                        const char *name,
                        const char *data,
                        gsize       length,
                        guint      *out_n_rows,
                        GError    **error)
{
  g_autoptr(PmdScenario) scenario = NULL;
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (PMD_IS_LIBRARY (library), FALSE);

  if (!pmd_library_check_name (name, error))
    return FALSE;
  scenario = pmd_library_load (library, name, NULL, error);
  if (scenario == NULL)
    return FALSE;
  rows = pmd_actuals_csv_parse (data, length, scenario, error);
  if (rows == NULL
      || !pmd_library_import_actuals (library, name, (PmdRealisation *) (void *) rows->data, rows->len, error))
    return FALSE;
  if (out_n_rows != NULL)
    *out_n_rows = rows->len;
  return TRUE;
}
