/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-model.h"

G_BEGIN_DECLS

/*
 * A scenario's cost lines from an adviser's own budget table (issue 14;
 * docs/workbook.md): a CSV file as for the actuals, or a workbook's first
 * sheet, with the columns naam (or post), laag, domein, bedrag and
 * optionally clienten, groei, iv3 and id.
 */

#define PMD_IMPORT_ERROR (pmd_import_error_quark ())

/**
 * PmdImportError:
 * @PMD_IMPORT_ERROR_FILE: the file is no text table or workbook
 * @PMD_IMPORT_ERROR_HEADER: the header row lacks a column or has one twice
 * @PMD_IMPORT_ERROR_ROWS: rows are wrong; the message lists every one
 */
typedef enum
{
  PMD_IMPORT_ERROR_FILE,
  PMD_IMPORT_ERROR_HEADER,
  PMD_IMPORT_ERROR_ROWS,
} PmdImportError;

/**
 * PmdBudgetImportOptions:
 * @file_name: the table's file name, for the scenario's name and sources
 * @base_year: the scenario's base year
 * @funding: the funding in the base year, euros
 */
typedef struct
{
  const char *file_name;
  int         base_year;
  double      funding;
} PmdBudgetImportOptions;

GQuark       pmd_import_error_quark (void);

PmdScenario *pmd_budget_import      (const char                   *data,
                                     gsize                         length,
                                     const PmdBudgetImportOptions *options,
                                     GError                      **error);

G_END_DECLS
