/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-chart.h"
#include "pmd-chart-export.h"
#include "pmd-cli.h"

G_BEGIN_DECLS

/* The charts layer's functions the `chart` and `report` commands call. */
struct _PmdCliDrawing
{
  gboolean (*kind_from_string)   (const char           *text,
                                  PmdChartKind         *kind);
  gboolean (*format_from_path)   (const char           *path,
                                  PmdExportFormat      *format);
  void     (*style_init)         (PmdChartStyle        *style,
                                  gboolean              dark);
  GBytes  *(*export_bytes)       (PmdChartKind          kind,
                                  const PmdChartInput  *input,
                                  const PmdChartStyle  *style,
                                  PmdExportFormat       format,
                                  double                width,
                                  double                height,
                                  double                scale,
                                  GError              **error);
  GBytes  *(*report_to_pdf)      (const PmdReportInput *input,
                                  GError              **error);
};

G_END_DECLS
