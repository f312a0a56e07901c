/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-chart.h"
#include "pmd-chart-export.h"

/*
 * `piramide` hands `chart` and `report` to `piramide-window` (pmd-launcher.c),
 * which has the charts layer; so that the launcher loads neither cairo nor
 * pango and the libraries under them (25 of its 40), these stand in for the
 * charts functions the CLI's chart and report commands call, and the linker
 * (--as-needed) leaves the charts layer out. They are never called.
 */

gboolean
pmd_chart_kind_from_string (const char   *text,
                            PmdChartKind *kind)
{
  g_assert_not_reached ();
}

void
pmd_chart_style_init (PmdChartStyle *style,
                      gboolean       dark)
{
  g_assert_not_reached ();
}

gboolean
pmd_export_format_from_path (const char      *path,
                             PmdExportFormat *format)
{
  g_assert_not_reached ();
}

GBytes *
pmd_chart_export_bytes (PmdChartKind         kind,
                        const PmdChartInput *input,
                        const PmdChartStyle *style,
                        PmdExportFormat      format,
                        double               width,
                        double               height,
                        double               scale,
                        GError             **error)
{
  g_assert_not_reached ();
}

GBytes *
pmd_report_to_pdf (const PmdReportInput *input,
                   GError              **error)
{
  g_assert_not_reached ();
}
