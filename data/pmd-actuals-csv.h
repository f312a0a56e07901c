/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-library.h"

G_BEGIN_DECLS

/*
 * Realised spending as a Dutch financial department exports it (issue 12;
 * docs/library.md): `;` between fields, a decimal comma and thousands dots,
 * UTF-8 with or without a byte-order mark or Windows-1252, a header row
 * with the columns post, jaar, maand, bedrag and optionally status.
 */

#define PMD_ACTUALS_ERROR (pmd_actuals_error_quark ())

/**
 * PmdActualsError:
 * @PMD_ACTUALS_ERROR_ENCODING: the file is neither UTF-8 nor Windows-1252 text
 * @PMD_ACTUALS_ERROR_HEADER: the header row lacks a column or has one twice
 * @PMD_ACTUALS_ERROR_ROWS: rows are wrong; the message lists every one
 */
typedef enum
{
  PMD_ACTUALS_ERROR_ENCODING,
  PMD_ACTUALS_ERROR_HEADER,
  PMD_ACTUALS_ERROR_ROWS,
} PmdActualsError;

GQuark   pmd_actuals_error_quark  (void);

GStrv    pmd_actuals_dup_line_iv3 (const PmdLine     *line);
GArray  *pmd_actuals_csv_parse    (const char        *data,
                                   gsize              length,
                                   const PmdScenario *scenario,
                                   GError           **error);
gboolean pmd_actuals_csv_import   (PmdLibrary        *library,
                                   const char        *name,
                                   const char        *data,
                                   gsize              length,
                                   guint             *out_n_rows,
                                   GError           **error);

G_END_DECLS
