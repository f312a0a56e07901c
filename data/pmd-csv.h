/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-model.h"

G_BEGIN_DECLS

/*
 * CSV for Dutch spreadsheets: `;` between fields, a decimal comma, amounts
 * to the cent, a byte-order mark first so that names read as UTF-8.
 */

#define PMD_CSV_BOM "\xEF\xBB\xBF"

void  pmd_csv_append_field  (GString    *out,
                             const char *text);
void  pmd_csv_append_number (GString    *out,
                             double      value);
char *pmd_comparison_to_csv (const PmdComparison *comparison,
                             gsize               *length);

G_END_DECLS
