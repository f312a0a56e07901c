/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-chart.h"

G_BEGIN_DECLS

typedef enum
{
  PMD_EXPORT_PNG,
  PMD_EXPORT_SVG,
  PMD_EXPORT_PDF,
} PmdExportFormat;

/**
 * PmdReportDocument:
 * @short_title: the form the scenario's sources cite it by
 * @title: its full title
 * @note: (nullable): status and date
 *
 * A document the scenario cites, as the report's list of sources shows it.
 * Plain strings: the data layer reads them from the scenario file.
 */
typedef struct
{
  const char *short_title;
  const char *title;
  const char *note;
} PmdReportDocument;

/**
 * PmdReportInput:
 * @scenario: the scenario (with its variants)
 * @projection: its projection as shown
 * @variants: (nullable): the scenario as written and its variants, projected
 *   (pmd_comparison_new_variants())
 * @year: the chosen year for the pyramid and the bridge; 0 = the last
 * @variant_name: (nullable): the variant the projection shows
 * @documents: (array length=n_documents) (nullable): the documents to list
 *   at the end, in that order (pmd_scenario_dup_documents() gives them)
 * @n_documents: their number; 0 leaves the list out
 * @monitor: (nullable): plan against realisation of this scenario: adds a
 *   "Realisation" section with its table and the actuals chart
 */
typedef struct
{
  const PmdScenario       *scenario;
  const PmdProjection     *projection;
  const PmdComparison     *variants;
  int                      year;
  const char              *variant_name;
  const PmdReportDocument *documents;
  guint                    n_documents;
  const PmdMonitor        *monitor;
} PmdReportInput;

gboolean pmd_export_format_from_path (const char           *path,
                                      PmdExportFormat      *format);
GBytes  *pmd_chart_export_bytes      (PmdChartKind          kind,
                                      const PmdChartInput  *input,
                                      const PmdChartStyle  *style,
                                      PmdExportFormat       format,
                                      double                width,
                                      double                height,
                                      double                scale,
                                      GError              **error);
GBytes  *pmd_report_to_pdf           (const PmdReportInput *input,
                                      GError              **error);
void     pmd_report_render_page      (const PmdReportInput *input,
                                      cairo_t              *cr,
                                      int                   page,
                                      double                width,
                                      double                height);
int      pmd_report_count_pages      (const PmdReportInput *input);

G_END_DECLS
