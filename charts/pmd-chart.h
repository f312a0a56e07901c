/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pmd-model.h"
#include "pmd-monitor.h"

G_BEGIN_DECLS

/*
 * Charts drawn with cairo and pangocairo only, so that one function paints
 * the window's widget, a PNG, an SVG, a PDF page and a print page. No GTK,
 * no globals: everything a chart needs arrives in its input and style.
 */

typedef enum
{
  PMD_CHART_CURVES,
  PMD_CHART_PYRAMID,
  PMD_CHART_BRIDGE,
  PMD_CHART_SAVINGS,
  PMD_CHART_VARIANTS,
  PMD_CHART_FAN,
  PMD_CHART_TORNADO,
  PMD_CHART_ACTUALS,
  PMD_N_CHART_KINDS,
} PmdChartKind;

typedef enum
{
  PMD_GROUP_LAYER,
  PMD_GROUP_DOMAIN,
  PMD_GROUP_LINE,
} PmdChartGrouping;

typedef struct
{
  double r, g, b;
} PmdRgb;

/**
 * PmdChartStyle:
 *
 * Colours and type. The window fills it from the desktop's light or dark
 * style; exports use pmd_chart_style_init() with @dark FALSE.
 */
typedef struct
{
  gboolean    dark;
  PmdRgb      background;
  PmdRgb      text;
  PmdRgb      muted;
  PmdRgb      grid;
  PmdRgb      increase;     /* costs that rise, negative savings */
  PmdRgb      decrease;     /* costs that fall, savings */
  PmdRgb      investment;
  PmdRgb      funding;
  PmdRgb      gap;
  PmdRgb      palette[8];   /* colour-blind safe (Okabe–Ito) */
  const char *font_family;
  double      font_scale;   /* 1 = the size chosen for the chart's size */
} PmdChartStyle;

/**
 * PmdChartInput:
 * @scenario: the scenario (names, colours, actuals)
 * @projection: its projection
 * @year: the chosen year (pyramid, bridge); 0 = the last year
 * @grouping: what the cost curves show per series
 * @variants: (nullable): the series of the variants chart, each entry's name
 *   and projection (pmd_comparison_new_variants()); NULL: the scenario alone
 * @variants_gap: the variants chart shows the gap instead of the total
 * @monte_carlo: (nullable): runs for the fan chart
 * @swings: (nullable) (element-type PmdSwing): sensitivity for the tornado
 * @swing_output: the output the swings are of
 * @swing_base: that output with every parameter at its value
 * @monitor: (nullable): plan against realisation for the actuals chart
 *   (pmd_monitor_compute() on the same scenario); NULL: that chart says
 *   there are no actuals
 * @monitor_line: (nullable): the id of the line the actuals chart shows;
 *   NULL: the total
 * @title: (nullable): instead of the kind's own title
 * @source: (nullable): the source line; NULL: "Source: Piramide, scenario …"
 */
typedef struct
{
  const PmdScenario   *scenario;
  const PmdProjection *projection;
  int                  year;
  PmdChartGrouping     grouping;
  const PmdComparison *variants;
  gboolean             variants_gap;
  const PmdMonteCarlo *monte_carlo;   /* the fan */
  const GArray        *swings;        /* PmdSwing, the tornado */
  const char          *swing_output;
  double               swing_base;
  const PmdMonitor    *monitor;       /* the actuals chart */
  const char          *monitor_line;  /* NULL: the total */
  const char          *title;
  const char          *source;
} PmdChartInput;

/**
 * PmdChartBox:
 *
 * A rectangle in chart coordinates: where a label was drawn (for the
 * overlap tests) or what a region of the chart shows (for tooltips).
 */
typedef struct
{
  double x, y, width, height;
} PmdChartBox;

/**
 * PmdChartRegion:
 * @box: where the mark lies
 * @text: what its tooltip says
 * @figure: (nullable): the figure it shows, as pmd_figure_parse() reads
 *   it ("totals.scenario"), so that the window can explain it
 * @year: the year of @figure
 */
typedef struct
{
  PmdChartBox box;
  char       *text;
  char       *figure;
  int         year;
} PmdChartRegion;

/**
 * PmdChartRecord:
 * @labels: (element-type PmdChartBox) (nullable): every text drawn
 * @texts: (element-type utf8) (nullable): the texts of @labels, in order
 * @regions: (element-type PmdChartRegion) (nullable): what each mark shows
 *
 * What a render drew, for tests and for the widget's tooltips.
 */
typedef struct
{
  GArray    *labels;
  GPtrArray *texts;
  GArray    *regions;
} PmdChartRecord;

void         pmd_chart_style_init     (PmdChartStyle *style,
                                       gboolean       dark);
void         pmd_chart_render         (PmdChartKind         kind,
                                       const PmdChartInput *input,
                                       const PmdChartStyle *style,
                                       cairo_t             *cr,
                                       double               width,
                                       double               height);
void         pmd_chart_render_record  (PmdChartKind         kind,
                                       const PmdChartInput *input,
                                       const PmdChartStyle *style,
                                       cairo_t             *cr,
                                       double               width,
                                       double               height,
                                       PmdChartRecord      *record);
PmdChartRecord *pmd_chart_record_new  (void);
void         pmd_chart_record_free    (PmdChartRecord *record);
const char  *pmd_chart_record_lookup  (const PmdChartRecord *record,
                                       double                x,
                                       double                y);
const PmdChartRegion *pmd_chart_record_lookup_region (const PmdChartRecord *record,
                                                      double                x,
                                                      double                y);

const char  *pmd_chart_kind_to_string (PmdChartKind kind);
gboolean     pmd_chart_kind_from_string (const char   *text,
                                         PmdChartKind *kind);
const char  *pmd_chart_kind_title     (PmdChartKind kind);
char        *pmd_chart_kind_dup_file_name (PmdChartKind  kind,
                                           const char   *extension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdChartRecord, pmd_chart_record_free)

G_END_DECLS
