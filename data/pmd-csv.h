/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-model.h"

G_BEGIN_DECLS

/*
 * CSV for Dutch spreadsheets: `;` between fields, a decimal comma, amounts
 * to the cent, a byte-order mark first so that names read as UTF-8.
 */

#define PMD_CSV_BOM "\xEF\xBB\xBF"

/*
 * Reading: tables a financial department or an adviser exports (the
 * actuals, issue 12; a budget to import, issue 14). `;` between fields,
 * fields quoted with `"` (`""` inside is one quote, a quoted field may hold
 * `;` and line breaks), CRLF or LF, UTF-8 with or without a byte-order
 * mark or Windows-1252. The readers refuse a file as a whole and list every
 * wrong row with its line and column (pmd_csv_row_error()).
 */

#define PMD_CSV_ERROR (pmd_csv_error_quark ())

/**
 * PmdCsvError:
 * @PMD_CSV_ERROR_ENCODING: the file is neither UTF-8 nor Windows-1252 text
 */
typedef enum
{
  PMD_CSV_ERROR_ENCODING,
} PmdCsvError;

/**
 * PmdCsvRecord:
 * @line: the line (in a workbook: the row) where the record starts
 * @fields: (element-type utf8): the fields, unquoted
 * @unclosed: a quoted field ran to the end of the file
 */
typedef struct
{
  guint      line;
  GPtrArray *fields;
  gboolean   unclosed;
} PmdCsvRecord;

GQuark        pmd_csv_error_quark     (void);

char         *pmd_csv_decode          (const char          *data,
                                       gsize                length,
                                       gsize               *out_length,
                                       GError             **error);
GPtrArray    *pmd_csv_read_records    (const char          *text,
                                       gsize                length);
PmdCsvRecord *pmd_csv_record_new      (guint                line);
void          pmd_csv_record_free     (PmdCsvRecord        *record);
const char   *pmd_csv_record_field    (const PmdCsvRecord  *record,
                                       int                  index);
gboolean      pmd_csv_record_is_blank (const PmdCsvRecord  *record);
const PmdCsvRecord *pmd_csv_records_header (GPtrArray     *records,
                                       guint               *first_row);
int           pmd_csv_find_columns    (const PmdCsvRecord  *header,
                                       const char *const   *names,
                                       int                  n_names,
                                       int                 *columns);

gboolean      pmd_csv_parse_amount    (const char          *text,
                                       gint64              *cents);
gboolean      pmd_csv_parse_digits    (const char          *text,
                                       int                  min,
                                       int                  max,
                                       int                 *value);
void          pmd_csv_row_error       (GPtrArray           *errors,
                                       guint                line,
                                       const char          *column,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (4, 5);
void          pmd_csv_set_rows_error  (GError             **error,
                                       GQuark               domain,
                                       int                  code,
                                       guint                n_bad_rows,
                                       GPtrArray           *errors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdCsvRecord, pmd_csv_record_free)

void  pmd_csv_append_field  (GString    *out,
                             const char *text);
void  pmd_csv_append_number (GString    *out,
                             double      value);
char *pmd_comparison_to_csv (const PmdComparison *comparison,
                             gsize               *length);

G_END_DECLS
