/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-csv.h"
#include "pmd-xlsx-writer.h"

G_BEGIN_DECLS

/*
 * Reading a workbook's first sheet as the records of a CSV file, so that
 * one reader checks a table whichever way it came (issue 14). An .xlsx is
 * a zip of XML: minizip (which libxlsxwriter links already) unpacks it,
 * GMarkup reads the parts.
 */

#define PMD_XLSX_MAGIC "PK\x03\x04"

gboolean   pmd_xlsx_is_workbook     (const char  *data,
                                     gsize        length);
GBytes    *pmd_xlsx_read_part       (const char  *data,
                                     gsize        length,
                                     const char  *name,
                                     GError     **error);
GPtrArray *pmd_xlsx_read_first_sheet (const char  *data,
                                      gsize        length,
                                      GError     **error);

G_END_DECLS
