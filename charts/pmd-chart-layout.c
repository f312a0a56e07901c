/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-layout.h"

/**
 * pmd_chart_nice_ticks:
 * @lo: the lowest value to show
 * @hi: the highest value to show
 * @max_ticks: at most this many ticks (≥ 2)
 * @ticks: (out): ticks on round numbers covering [lo, hi]
 */
void
pmd_chart_nice_ticks (double    lo,
                      double    hi,
                      int       max_ticks,
                      PmdTicks *ticks)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double range, magnitude;

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (hi < lo)
    {
      double tmp = lo;
      lo = hi;
      hi = tmp;
    }
  if (hi - lo < 1e-9 * MAX (1.0, fabs (hi)))
    {
      /* A flat series still gets an axis: around the value, or 0 to 1. */
      if (hi == 0)
        hi = 1;
      else if (lo > 0)
        lo = 0;
      else
        hi = 0;
    }

  range = hi - lo;
  magnitude = pow (10, floor (log10 (range / (max_ticks - 1))));
  /* The smallest round step whose ticks, rounded outwards, fit. */
  for (;; magnitude *= 10)
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        double step = steps[s] * magnitude;
        double first = floor (lo / step + 1e-9) * step;
        double last = ceil (hi / step - 1e-9) * step;
        int count = (int) lround ((last - first) / step) + 1;

        if (count <= max_ticks)
          {
            ticks->first = first;
            ticks->step = step;
            ticks->count = count;
            return;
          }
      }
}

/**
 * pmd_chart_year_step:
 * @n_years: years on the axis
 * @px_per_year: pixels between two years
 * @label_width: the width of the widest year label, padding included
 *
 * Returns: label every 1, 2, 5, 10, 20, 25 or 50 years, the smallest step
 *   whose labels do not touch
 */
int
pmd_chart_year_step (int    n_years,
                     double px_per_year,
                     double label_width)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50 };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    if (steps[s] * px_per_year >= label_width)
      return steps[s];
  return MAX (100, n_years);
}

gboolean
pmd_chart_boxes_overlap (const PmdChartBox *a,
                         const PmdChartBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/**
 * pmd_chart_find_overlap:
 * @labels: (element-type PmdChartBox): label boxes
 * @first: (out) (optional): the index of the first of two overlapping labels
 * @second: (out) (optional): the index of the second
 *
 * Returns: %TRUE when two labels overlap
 */
gboolean
pmd_chart_find_overlap (GArray *labels,
                        guint  *first,
                        guint  *second)
{
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      if (pmd_chart_boxes_overlap (&g_array_index (labels, PmdChartBox, i),
                                   &g_array_index (labels, PmdChartBox, j)))
        {
          if (first)
            *first = i;
          if (second)
            *second = j;
          return TRUE;
        }
  return FALSE;
}

/**
 * pmd_chart_money_unit:
 * @max_abs: the largest amount on an axis
 *
 * Returns: the unit its labels use: 1e9, 1e6 or 1 (whole euros)
 */
double
pmd_chart_money_unit (double max_abs)
{
  if (max_abs >= 1e9)
    return 1e9;
  if (max_abs >= 1e6)
    return 1e6;
  return 1;
}

/* Enough decimals to tell ticks @step apart in @unit. */
int
pmd_chart_decimals_for (double step,
                        double unit)
{
  double s = step / unit;
  int decimals = 0;

  while (decimals < 3 && fabs (s * pow (10, decimals) - round (s * pow (10, decimals))) > 1e-6)
    decimals++;
  return decimals;
}

/**
 * pmd_chart_month_step:
 * @px_per_month: pixels between two months
 * @label_width: the width of the widest month label, padding included
 *
 * Returns: label every 1, 2, 3, 6 or 12 months, the smallest step whose
 *   labels do not touch
 */
int
pmd_chart_month_step (double px_per_month,
                      double label_width)
{
  static const int steps[] = { 1, 2, 3, 6 };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    if (steps[s] * px_per_month >= label_width)
      return steps[s];
  return 12;
}

/**
 * pmd_chart_cumulative:
 * @figures: a line's, layer's or the total's figures of a monitor
 * @month: the monitor's month (1–12)
 * @threshold: the monitor's threshold
 * @cumulative: (out) (array fixed-size=13): spent at the end of month m
 *   (0 at the start of the year), for m up to @month; the rest 0
 *
 * The path the actuals chart draws, and where its alarm mark goes.
 *
 * Returns: the first month whose cumulative spending reaches the alarm
 *   (the model's rule: the threshold × the budget, within half a cent; any
 *   spending without a budget), when @figures is in alarm; else 0
 */
int
pmd_chart_cumulative (const PmdMonitorFigures *figures,
                      int                      month,
                      double                   threshold,
                      double                   cumulative[13])
{
  int alarm_month = 0;

  month = CLAMP (month, 0, 12);
  cumulative[0] = 0;
  for (int m = 1; m <= 12; m++)
    cumulative[m] = m <= month ? cumulative[m - 1] + figures->by_month[m - 1] : 0;
  if (!figures->alarm)
    return 0;
  for (int m = 1; m <= month && alarm_month == 0; m++)
    if (figures->budget > 0 ? cumulative[m] >= threshold * figures->budget - 0.005 : cumulative[m] > 0.005)
      alarm_month = m;
  /* The sums differ from the model's by rounding at most: the alarm is of
   * the spending to date, so month @month reaches it. */
  return alarm_month != 0 ? alarm_month : month;
}
