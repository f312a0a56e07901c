/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-projection.h"

G_BEGIN_DECLS

/* Bronckhorst talks to providers at 70% use of a budget (seed 004). */
#define PMD_MONITOR_THRESHOLD_DEFAULT 0.70

/**
 * PmdRealisation:
 * @line: the cost line the amount was booked on
 * @post: what the export named: the line's id or an Iv3 taakveld code
 * @year: the year
 * @month: 1–12, or 0 for an amount over the whole year
 * @amount: euros spent (negative for a correction)
 * @definitive: %TRUE for "definitief", %FALSE for "voorlopig"
 *
 * One realised amount, as imported from the financial department's export.
 */
typedef struct
{
  char    *line;
  char    *post;
  int      year;
  int      month;
  double   amount;
  gboolean definitive;
} PmdRealisation;

/**
 * PmdMonitorFigures:
 * @budget: the projected scenario cost of the year, euros
 * @actual_to_date: realised in months 1..M (a whole-year amount is month 12)
 * @used: @actual_to_date / @budget; NaN when the budget is 0
 * @expected: M / 12, the share a steady pace would have used
 * @forecast_year_end: @actual_to_date × 12 / M; NaN when not available
 * @forecast_difference: @forecast_year_end − @budget; NaN when not available
 * @has_actuals: some amount to date was booked (for a layer: on any line)
 * @n_missing: lines without any amount to date (0 or 1 for a line)
 * @alarm: @used reached the threshold (or money was spent without a budget)
 * @by_month: realised per month 1..M, for the cumulative chart; a
 *   whole-year amount fills month 12 up to the year's total
 *
 * Plan against realisation for one line, one layer or the total.
 */
typedef struct
{
  double   budget;
  double   actual_to_date;
  double   used;
  double   expected;
  double   forecast_year_end;
  double   forecast_difference;
  gboolean has_actuals;
  guint    n_missing;
  gboolean alarm;
  double   by_month[12];
} PmdMonitorFigures;

/**
 * PmdMonitor:
 * @year: the budget year
 * @month: months 1..@month are counted
 * @threshold: the share used that raises the alarm
 * @n_lines: entries in @lines, the scenario's lines in their order
 * @n_layers: entries in @layers, the scenario's layers bottom to top
 * @n_unknown: amounts of @year on lines this version does not have
 */
typedef struct
{
  int                year;
  int                month;
  double             threshold;
  guint              n_lines;
  guint              n_layers;
  guint              n_unknown;
  PmdMonitorFigures *lines;
  PmdMonitorFigures *layers;
  PmdMonitorFigures  total;
} PmdMonitor;

/**
 * PmdAccuracyVersion:
 * @version: the version's number in the library
 * @created: when it was saved
 * @scenario: (not nullable): the version's scenario, resolved
 * @projection: (not nullable): its projection
 */
typedef struct
{
  int                  version;
  GDateTime           *created;
  const PmdScenario   *scenario;
  const PmdProjection *projection;
} PmdAccuracyVersion;

/**
 * PmdAccuracyEntry:
 * @year: a year with definitive actuals
 * @version: the version that projected it
 * @line: (nullable): the line; %NULL for the total of the lines compared
 * @projected: the version's projected scenario cost of @year
 * @actual: the definitive amount of @year
 * @difference: @projected − @actual (positive: the plan was too high)
 * @relative_error: @difference / @actual; NaN when @actual is 0
 * @n_lines: lines in the comparison (1 for a line)
 *
 * "Hoe goed voorspelden we?": one version's projection against what was spent.
 */
typedef struct
{
  int    year;
  int    version;
  char  *line;
  double projected;
  double actual;
  double difference;
  double relative_error;
  guint  n_lines;
} PmdAccuracyEntry;

void        pmd_realisation_clear        (PmdRealisation *self);
GArray     *pmd_realisation_array_new    (void);
void        pmd_realisation_array_add    (GArray     *rows,
                                          const char *line,
                                          const char *post,
                                          int         year,
                                          int         month,
                                          double      amount,
                                          gboolean    definitive);
int         pmd_realisation_latest_month (const PmdRealisation *rows,
                                          guint                 n_rows,
                                          int                   year);

PmdMonitor *pmd_monitor_compute          (const PmdScenario    *scenario,
                                          const PmdProjection  *projection,
                                          const PmdRealisation *rows,
                                          guint                 n_rows,
                                          int                   year,
                                          int                   month,
                                          double                threshold,
                                          GError              **error);
void        pmd_monitor_free             (PmdMonitor *self);
const char *pmd_monitor_figures_describe (const PmdMonitorFigures *figures);

GPtrArray  *pmd_forecast_accuracy        (const PmdAccuracyVersion *versions,
                                          guint                     n_versions,
                                          const PmdRealisation     *rows,
                                          guint                     n_rows);
void        pmd_accuracy_entry_free      (PmdAccuracyEntry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdMonitor, pmd_monitor_free)

G_END_DECLS
