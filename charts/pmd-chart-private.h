/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "pmd-chart.h"
#include "pmd-chart-layout.h"
#include "pmd-chart-export.h"

G_BEGIN_DECLS

/* What every chart kind shares: the canvas with its free area, text that
 * records its box, the frame (title, subtitle, source), the legend and the
 * axes. Each kind's file draws only its marks. */

typedef struct
{
  cairo_t             *cr;
  double               width;
  double               height;
  const PmdChartStyle *style;
  const PmdChartInput *in;
  double               font;     /* base text size, px */
  double               pad;
  PmdChartRecord      *record;
  PmdChartBox          plot;     /* the area not yet used */
} PmdCanvas;

typedef enum
{
  PMD_ANCHOR_START,
  PMD_ANCHOR_CENTER,
  PMD_ANCHOR_END,
} PmdAnchor;

typedef enum
{
  PMD_MARK_BOX,
  PMD_MARK_LINE,
  PMD_MARK_DASHED,
  PMD_MARK_POINT,
  PMD_MARK_SHADE,
} PmdMark;

typedef struct
{
  const char *label;
  PmdRgb      color;
  PmdMark     mark;
} PmdLegendItem;

typedef struct
{
  double      lo;
  double      hi;
  PmdTicks    ticks;
  double      unit;
  int         decimals;
} PmdMoneyAxis;

typedef struct
{
  int    first;
  int    last;
} PmdYearAxis;

#define PMD_TEXT_SMALL  0.8
#define PMD_TEXT_AXIS   0.85
#define PMD_TEXT_NORMAL 1.0
#define PMD_TEXT_TITLE  1.45

void    _pmd_canvas_color      (PmdCanvas    *c,
                                const PmdRgb *rgb,
                                double        alpha);
void    _pmd_canvas_measure    (PmdCanvas    *c,
                                const char   *text,
                                double        size,
                                gboolean      bold,
                                double        wrap_width,
                                double       *width,
                                double       *height);
void    _pmd_canvas_text       (PmdCanvas    *c,
                                const char   *text,
                                double        x,
                                double        y,
                                double        size,
                                gboolean      bold,
                                const PmdRgb *rgb,
                                PmdAnchor     h,
                                PmdAnchor     v,
                                double        wrap_width);
void    _pmd_canvas_text_lines (PmdCanvas    *c,
                                const char   *text,
                                double        x,
                                double        y,
                                double        size,
                                gboolean      bold,
                                const PmdRgb *rgb,
                                PmdAnchor     h,
                                PmdAnchor     v,
                                double        width,
                                int           lines);
void    _pmd_canvas_region     (PmdCanvas    *c,
                                double        x,
                                double        y,
                                double        width,
                                double        height,
                                const char   *format,
                                ...) G_GNUC_PRINTF (6, 7);
void    _pmd_canvas_region_figure (PmdCanvas  *c,
                                   const char *figure,
                                   int         year);
void    _pmd_canvas_frame      (PmdCanvas    *c,
                                const char   *title,
                                const char   *subtitle);
void    _pmd_canvas_legend     (PmdCanvas           *c,
                                const PmdLegendItem *items,
                                guint                n_items);
void    _pmd_canvas_money_axis (PmdCanvas    *c,
                                double        lo,
                                double        hi,
                                PmdMoneyAxis *axis);
double  _pmd_money_y           (const PmdCanvas    *c,
                                const PmdMoneyAxis *axis,
                                double              value);
char   *_pmd_money_label       (const PmdMoneyAxis *axis,
                                double              value);
void    _pmd_canvas_year_axis  (PmdCanvas    *c,
                                int           first,
                                int           last,
                                PmdYearAxis  *axis);
double  _pmd_year_x            (const PmdCanvas   *c,
                                const PmdYearAxis *axis,
                                double             year);
void    _pmd_canvas_stroke_series (PmdCanvas          *c,
                                   const PmdYearAxis  *xa,
                                   const PmdMoneyAxis *ya,
                                   const double       *values,
                                   int                 base_year,
                                   int                 n,
                                   const PmdRgb       *color,
                                   double              width,
                                   gboolean            dashed);
void    _pmd_canvas_reserve_bottom (PmdCanvas *c,
                                    double     height);
void    _pmd_canvas_reserve_year_axis (PmdCanvas *c);
int     _pmd_chart_year        (const PmdChartInput *in);
const PmdRgb *_pmd_layer_color (PmdCanvas    *c,
                                guint         layer,
                                PmdRgb       *storage);

void    _pmd_report_draw_all   (const PmdReportInput *input,
                                cairo_t              *cr,
                                double                width,
                                double                height);

void    _pmd_chart_curves      (PmdCanvas *c);
void    _pmd_chart_pyramid     (PmdCanvas *c);
void    _pmd_chart_bridge      (PmdCanvas *c);
void    _pmd_chart_savings     (PmdCanvas *c);
void    _pmd_chart_variants    (PmdCanvas *c);
void    _pmd_chart_fan         (PmdCanvas *c);
void    _pmd_chart_tornado     (PmdCanvas *c);
void    _pmd_chart_actuals     (PmdCanvas *c);

G_END_DECLS
