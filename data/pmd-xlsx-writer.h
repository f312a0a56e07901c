/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-model.h"

G_BEGIN_DECLS

/*
 * The projection as a workbook an adviser opens in Excel, LibreOffice or
 * Gnumeric (issue 14; docs/workbook.md): totals, layers, domains, lines
 * and clients per year, the assumptions with their sources, the variants
 * side by side and, when the scenario has ranges, the Monte Carlo
 * percentiles. Totals are formulas over the rows of the lines, with their
 * values cached for viewers that do not recalculate.
 */

#define PMD_XLSX_ERROR (pmd_xlsx_error_quark ())

/**
 * PmdXlsxError:
 * @PMD_XLSX_ERROR_WRITE: the workbook could not be written
 * @PMD_XLSX_ERROR_READ: the file is no workbook Piramide can read
 */
typedef enum
{
  PMD_XLSX_ERROR_WRITE,
  PMD_XLSX_ERROR_READ,
} PmdXlsxError;

/**
 * PmdWorkbookInput:
 * @written: the scenario as written: its variants go side by side
 * @scenario: the scenario shown (@written with @variant applied)
 * @projection: the projection of @scenario
 * @variant: (nullable): the id of the variant applied, %NULL for none
 * @file: (nullable): the file it came from, for the notes sheet
 */
typedef struct
{
  const PmdScenario   *written;
  const PmdScenario   *scenario;
  const PmdProjection *projection;
  const char          *variant;
  const char          *file;
} PmdWorkbookInput;

GQuark  pmd_xlsx_error_quark (void);

GBytes *pmd_workbook_to_xlsx (const PmdWorkbookInput *input,
                              GError                **error);

G_END_DECLS
