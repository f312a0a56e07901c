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
 * PmdReportInput:
 * @scenario: the scenario (with its variants)
 * @projection: its projection as shown
 * @variants: (nullable): the scenario and its variants, projected
 * @year: the chosen year for the pyramid and the bridge; 0 = the last
 * @variant_name: (nullable): the variant the projection shows
 */
typedef struct
{
  const PmdScenario   *scenario;
  const PmdProjection *projection;
  const PmdVariantSet *variants;
  int                  year;
  const char          *variant_name;
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
