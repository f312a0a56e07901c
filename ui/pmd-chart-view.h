/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-chart.h"
#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_CHART_VIEW (pmd_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PmdChartView, pmd_chart_view, PMD, CHART_VIEW, GtkWidget)

GtkWidget    *pmd_chart_view_new          (PmdChartKind kind);
gboolean      pmd_chart_view_explain_at   (PmdChartView *self,
                                           double        x,
                                           double        y);
PmdChartKind  pmd_chart_view_get_kind     (PmdChartView *self);
void          pmd_chart_view_set_kind     (PmdChartView *self,
                                           PmdChartKind  kind);
PmdDocument  *pmd_chart_view_get_document (PmdChartView *self);
void          pmd_chart_view_set_document (PmdChartView *self,
                                           PmdDocument  *document);
int           pmd_chart_view_get_year     (PmdChartView *self);
void          pmd_chart_view_set_year     (PmdChartView *self,
                                           int           year);
void          pmd_chart_view_set_font_scale (PmdChartView *self,
                                             double        scale);
void          pmd_chart_view_set_uncertainty (PmdChartView        *self,
                                              const PmdMonteCarlo *monte_carlo,
                                              const GArray        *swings,
                                              double               swing_base);
void          pmd_chart_view_set_swing_output (PmdChartView *self,
                                               const char   *output);
void          pmd_chart_view_set_comparison (PmdChartView        *self,
                                             const PmdComparison *comparison,
                                             gboolean             gap);

void          pmd_chart_view_set_monitor    (PmdChartView        *self,
                                             const PmdScenario   *scenario,
                                             const PmdProjection *projection,
                                             const PmdMonitor    *monitor,
                                             const char          *line);

G_END_DECLS
