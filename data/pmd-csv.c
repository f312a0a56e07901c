/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "pmd-csv.h"

/* Amounts beyond this many digits (in euros) are no municipal booking but
 * an error. */
#define AMOUNT_MAX_DIGITS 15

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Reader;

G_DEFINE_QUARK (pmd-csv-error-quark, pmd_csv_error)

/* A field, quoted when it holds a separator, a quote or a line break. */
void
pmd_csv_append_field (GString    *out,
                      const char *text)
{
  if (strpbrk (text, ";\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* `;` and the number with a decimal comma, to the cent. */
void
pmd_csv_append_number (GString *out,
                       double   value)
{
  g_autofree char *text = pmd_format_decimal_comma (value, 2);

  g_string_append_c (out, ';');
  g_string_append (out, text);
}

/**
 * pmd_comparison_to_csv:
 *
 * One row per entry per year: its name, file and variant, the total cost,
 * the gap, the savings, the cumulative savings and the difference in total
 * cost to the first entry (empty where the first has no such year).
 *
 * Returns: (transfer full): the CSV text
 */
char *
pmd_comparison_to_csv (const PmdComparison *cmp,
                       gsize               *length)
{
  GString *out = g_string_new (PMD_CSV_BOM);
  const char *header[] = { _("year"), _("name"), _("file"), _("variant"), _("scenario"), _("gap"), _("savings"),
                           _("cumulative savings"), _("difference") };

  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    {
      if (k > 0)
        g_string_append_c (out, ';');
      pmd_csv_append_field (out, header[k]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < pmd_comparison_get_n (cmp); i++)
    {
      const PmdCompareEntry *e = pmd_comparison_get (cmp, i);
      const PmdProjection *p = e->projection;

      for (int t = 0; t < p->n_years; t++)
        {
          double difference = pmd_comparison_difference (cmp, i, p->base_year + t);

          g_string_append_printf (out, "%d;", p->base_year + t);
          pmd_csv_append_field (out, e->name);
          g_string_append_c (out, ';');
          pmd_csv_append_field (out, e->file ? e->file : "");
          g_string_append_c (out, ';');
          pmd_csv_append_field (out, e->variant ? e->variant : "");
          pmd_csv_append_number (out, p->total_scenario[t]);
          pmd_csv_append_number (out, p->gap[t]);
          pmd_csv_append_number (out, p->savings[t]);
          pmd_csv_append_number (out, p->cumulative_savings[t]);
          if (difference == difference)
            pmd_csv_append_number (out, difference);
          else
            g_string_append_c (out, ';');
          g_string_append (out, "\r\n");
        }
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Reading */

PmdCsvRecord *
pmd_csv_record_new (guint line)
{
  PmdCsvRecord *rec = g_new0 (PmdCsvRecord, 1);

  rec->line = line;
  rec->fields = g_ptr_array_new_with_free_func (g_free);
  return rec;
}

void
pmd_csv_record_free (PmdCsvRecord *rec)
{
  if (rec == NULL)
    return;
  g_ptr_array_unref (rec->fields);
  g_free (rec);
}

static gboolean
at_newline (const Reader *r)
{
  return *r->p == '\n' || *r->p == '\r';
}

static void
skip_newline (Reader *r)
{
  if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
    r->p++;
  r->p++;
  r->line++;
}

/* One field, quoted ("a ""b"";c" is `a "b";c`) or not; stops before `;` or a newline. */
static char *
read_field (Reader   *r,
            gboolean *unclosed)
{
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  while (r->p < r->end && (quoted || (*r->p != ';' && !at_newline (r))))
    {
      if (*r->p == '"' && !quoted && field->len == 0)
        quoted = TRUE;
      else if (*r->p == '"' && quoted && r->p + 1 < r->end && r->p[1] == '"')
        g_string_append_c (field, *r->p++);
      else if (*r->p == '"' && quoted)
        quoted = FALSE;
      else if (at_newline (r))
        {
          g_string_append_c (field, '\n');
          skip_newline (r);
          continue;
        }
      else
        g_string_append_c (field, *r->p);
      r->p++;
    }
  *unclosed = quoted;
  return g_string_free (field, FALSE);
}

static PmdCsvRecord *
next_record (Reader *r)
{
  PmdCsvRecord *rec;

  if (r->p >= r->end)
    return NULL;
  rec = pmd_csv_record_new (r->line);
  for (;;)
    {
      g_ptr_array_add (rec->fields, read_field (r, &rec->unclosed));
      if (r->p < r->end && *r->p == ';')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end)
        skip_newline (r);
      return rec;
    }
}

/**
 * pmd_csv_read_records:
 * @text: decoded text (pmd_csv_decode())
 *
 * Returns: (transfer full) (element-type PmdCsvRecord): every record,
 *   blank ones included, each with the line it starts on
 */
GPtrArray *
pmd_csv_read_records (const char *text,
                      gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_csv_record_free);
  Reader r = { text, text + length, 1 };
  PmdCsvRecord *rec;

  while ((rec = next_record (&r)) != NULL)
    g_ptr_array_add (records, rec);
  return records;
}

/* The field in column @index, "" where the record is shorter. */
const char *
pmd_csv_record_field (const PmdCsvRecord *rec,
                      int                 index)
{
  if (index < 0 || (guint) index >= rec->fields->len)
    return "";
  return g_ptr_array_index (rec->fields, index);
}

gboolean
pmd_csv_record_is_blank (const PmdCsvRecord *rec)
{
  for (guint i = 0; i < rec->fields->len; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (g_ptr_array_index (rec->fields, i)));

      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

/**
 * pmd_csv_records_header:
 * @records: (element-type PmdCsvRecord): a table's records
 * @first_row: (out): the index of the record after the header
 *
 * Blank lines before the header are skipped.
 *
 * Returns: (nullable) (transfer none): the header, %NULL when every
 *   record is blank
 */
const PmdCsvRecord *
pmd_csv_records_header (GPtrArray *records,
                        guint     *first_row)
{
  for (guint i = 0; i < records->len; i++)
    if (!pmd_csv_record_is_blank (g_ptr_array_index (records, i)))
      {
        *first_row = i + 1;
        return g_ptr_array_index (records, i);
      }
  *first_row = records->len;
  return NULL;
}

/* "  Cliënten " → "clienten": how a header names a column. */
static char *
column_key (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  return g_strstrip (g_ascii_strdown (ascii, -1));
}

/**
 * pmd_csv_find_columns:
 * @header: the header row
 * @names: the columns wanted; "post|naam" accepts either name
 * @columns: (out caller-allocates) (array length=n_names): where each is,
 *   -1 when absent
 *
 * Finds columns by name, in any order and case, accents ignored; other
 * columns are left alone.
 *
 * Returns: the index in @names of a column the header has twice, else -1
 */
int
pmd_csv_find_columns (const PmdCsvRecord *header,
                      const char *const  *names,
                      int                 n_names,
                      int                *columns)
{
  for (int c = 0; c < n_names; c++)
    columns[c] = -1;
  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *key = column_key (g_ptr_array_index (header->fields, i));

      for (int c = 0; c < n_names; c++)
        {
          g_auto(GStrv) alternatives = g_strsplit (names[c], "|", 0);

          if (!g_strv_contains ((const char *const *) alternatives, key))
            continue;
          if (columns[c] >= 0)
            return c;
          columns[c] = i;
        }
    }
  return -1;
}

/* UTF-8 (a byte-order mark dropped) when it is, else Windows-1252. */
char *
pmd_csv_decode (const char *data,
                gsize       length,
                gsize      *out_length,
                GError    **error)
{
  g_autoptr(GError) local = NULL;
  char *text;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, PMD_CSV_ERROR, PMD_CSV_ERROR_ENCODING,
                           _("The file holds a NUL byte: it is not a CSV text file"));
      return NULL;
    }
  if (length >= 3 && memcmp (data, PMD_CSV_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate (data, length, NULL))
    {
      *out_length = length;
      return g_strndup (data, length);
    }
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, out_length, &local);
  if (text == NULL)
    g_set_error_literal (error, PMD_CSV_ERROR, PMD_CSV_ERROR_ENCODING,
                         _("The file is neither UTF-8 nor Windows-1252 text"));
  return text;
}

/* Digits only, from @min to @max. */
gboolean
pmd_csv_parse_digits (const char *text,
                      int         min,
                      int         max,
                      int        *value)
{
  guint64 n;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &n, NULL))
    return FALSE;
  *value = (int) n;
  return TRUE;
}

/**
 * pmd_csv_parse_amount:
 * @text: an amount in Dutch notation
 * @cents: (out): the amount in cents
 *
 * "-1.234.567,89" → -123456789 cents. Thousands dots group by three, at
 * most two decimals after the comma, an optional sign and `€`. "1.23"
 * (English notation, or a typing error) is refused rather than guessed.
 */
gboolean
pmd_csv_parse_amount (const char *text,
                      gint64     *cents)
{
  const char *p = text;
  gboolean negative = FALSE, grouped = FALSE;
  gint64 euros = 0;
  int digits = 0, group = 0, decimals = 0, fraction = 0;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (g_str_has_prefix (p, "€"))
    for (p += strlen ("€"); *p == ' '; p++);
  for (; g_ascii_isdigit (*p) || *p == '.'; p++)
    {
      if (*p == '.')
        {
          if (digits == 0 || (grouped ? group != 3 : group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      euros = euros * 10 + (*p - '0');
      group++;
      if (++digits > AMOUNT_MAX_DIGITS)
        return FALSE;
    }
  if (digits == 0 || (grouped && group != 3))
    return FALSE;
  if (*p == ',')
    for (p++; g_ascii_isdigit (*p) && decimals < 3; p++, decimals++)
      fraction = fraction * 10 + (*p - '0');
  if (*p != '\0' || decimals > 2 || (p[-1] == ','))
    return FALSE;
  *cents = euros * 100 + (decimals == 1 ? fraction * 10 : fraction);
  if (negative)
    *cents = -*cents;
  return TRUE;
}

/* Adds "line 12, column bedrag: why" (or "line 12: why") to @errors. */
void
pmd_csv_row_error (GPtrArray  *errors,
                   guint       line,
                   const char *column,
                   const char *format,
                   ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  if (column != NULL)
    /* TRANSLATORS: "line 12, column bedrag: “12,3,4” is not an amount …" */
    g_ptr_array_add (errors, g_strdup_printf (_("line %u, column %s: %s"), line, column, why));
  else
    g_ptr_array_add (errors, g_strdup_printf (_("line %u: %s"), line, why));
}

/**
 * pmd_csv_set_rows_error:
 * @domain: the reader's error domain
 * @code: its code for wrong rows
 * @n_bad_rows: how many rows are wrong
 * @errors: (element-type utf8): what pmd_csv_row_error() collected
 *
 * Sets @error to "Nothing was imported: 2 rows are wrong:" and the
 * errors, one a line.
 */
void
pmd_csv_set_rows_error (GError   **error,
                        GQuark     domain,
                        int        code,
                        guint      n_bad_rows,
                        GPtrArray *errors)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (errors, i));
  g_set_error (error, domain, code,
               g_dngettext (GETTEXT_PACKAGE, "Nothing was imported: %u row is wrong:\n%s",
                            "Nothing was imported: %u rows are wrong:\n%s", n_bad_rows),
               n_bad_rows, list->str);
}
