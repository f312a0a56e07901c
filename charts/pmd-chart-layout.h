/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-chart.h"

G_BEGIN_DECLS

/* Pure layout arithmetic: no drawing, unit-tested with numbers. */

/**
 * PmdTicks:
 * @first: the first tick (≤ the lowest value)
 * @step: the distance between ticks: 1, 2, 2.5 or 5 × 10^k
 * @count: the number of ticks; the last is ≥ the highest value
 */
typedef struct
{
  double first;
  double step;
  int    count;
} PmdTicks;

void     pmd_chart_nice_ticks      (double    lo,
                                    double    hi,
                                    int       max_ticks,
                                    PmdTicks *ticks);
int      pmd_chart_year_step       (int       n_years,
                                    double    px_per_year,
                                    double    label_width);
gboolean pmd_chart_boxes_overlap   (const PmdChartBox *a,
                                    const PmdChartBox *b);
gboolean pmd_chart_find_overlap    (GArray    *labels,
                                    guint     *first,
                                    guint     *second);
double   pmd_chart_money_unit      (double    max_abs);
int      pmd_chart_decimals_for    (double    step,
                                    double    unit);
int      pmd_chart_month_step      (double    px_per_month,
                                    double    label_width);
int      pmd_chart_cumulative      (const PmdMonitorFigures *figures,
                                    int       month,
                                    double    threshold,
                                    double    cumulative[13]);

G_END_DECLS
