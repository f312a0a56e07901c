/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-scenario.h"

G_BEGIN_DECLS

/**
 * PmdProjection:
 *
 * The outputs of DESIGN.md §2 for every year from the base year to the end
 * of the horizon. Arrays are indexed `[item * n_years + t]` with
 * `t = year - base_year`. Client arrays hold NaN where a line has no client
 * count (written as null).
 *
 * A projection can be computed again into the same storage: the GUI keeps one
 * and calls pmd_projection_compute() on every slider step, which allocates
 * nothing when the scenario's shape did not change.
 */
typedef struct
{
  int     base_year;
  int     n_years;
  int     n_lines;
  int     n_layers;
  int     n_domains;

  double *line_baseline;
  double *line_scenario;
  double *line_baseline_clients;
  double *line_scenario_clients;

  double *layer_baseline;
  double *layer_scenario;
  double *layer_baseline_clients;  /* sum over the layer's lines with clients */
  double *layer_scenario_clients;

  double *domain_baseline;
  double *domain_scenario;

  double *total_baseline;
  double *total_scenario;
  double *investment;
  double *savings;
  double *cumulative_savings;
  double *funding;
  double *gap;

  gboolean has_payback;
  int      payback_year;
  double   npv;

  /*< private >*/
  double *scratch;
  gsize   scratch_len;
  gsize   storage_len;
  double *storage;
} PmdProjection;

typedef enum
{
  PMD_CASE_BASELINE,
  PMD_CASE_SCENARIO,
} PmdCase;

/**
 * PmdPyramidLayer:
 * @cost: the layer's cost that year, euros
 * @clients: the layer's clients that year (lines without clients excluded)
 * @cost_share: @cost / total cost, 0 when the total is 0
 * @client_share: @clients / all clients, 0 when there are none
 */
typedef struct
{
  double cost;
  double clients;
  double cost_share;
  double client_share;
} PmdPyramidLayer;

/**
 * PmdBridge:
 * @year: the year bridged to
 * @start: the total in the base year
 * @demography: change from the cohorts (elasticity × driver)
 * @growth: change from volume growth
 * @steps: change from volume steps after the base year
 * @indexation: change from price indexation
 * @baseline: the baseline total in @year
 * @n_interventions: entries in @savings and @investment
 * @savings: (array length=n_interventions): per intervention, the cost it avoids
 * @investment: (array length=n_interventions): per intervention, what it spends
 * @end: the scenario total in @year
 */
typedef struct
{
  int     year;
  double  start;
  double  demography;
  double  growth;
  double  steps;
  double  indexation;
  double  baseline;
  guint   n_interventions;
  double *savings;
  double *investment;
  double  end;
} PmdBridge;

PmdProjection *pmd_projection_new       (void);
void           pmd_projection_free      (PmdProjection *self);
gboolean       pmd_projection_compute   (PmdProjection     *self,
                                         const PmdScenario *scenario,
                                         GError           **error);
PmdProjection *pmd_project              (const PmdScenario *scenario,
                                         GError           **error);

int            pmd_projection_year_index (const PmdProjection *self,
                                          int                  year);
gboolean       pmd_projection_get_pyramid (const PmdProjection *self,
                                           int                  year,
                                           PmdCase              which,
                                           PmdPyramidLayer     *layers);

gboolean       pmd_projection_bridge     (const PmdProjection *self,
                                          const PmdScenario   *scenario,
                                          int                  year,
                                          PmdBridge           *bridge);
void           pmd_bridge_clear          (PmdBridge *bridge);

/**
 * PmdPartial:
 *
 * A projection computed again and again with only some parameters changed
 * (the runs of a Monte Carlo): the lines those parameters cannot reach are
 * projected and summed once.
 */
typedef struct _PmdPartial PmdPartial;

PmdPartial          *pmd_partial_new        (const PmdScenario *scenario,
                                             const char *const *paths,
                                             guint              n_paths,
                                             GError           **error);
const PmdProjection *pmd_partial_compute    (PmdPartial        *self,
                                             const PmdScenario *scenario);
void                 pmd_partial_get_counts (const PmdPartial  *self,
                                             int               *n_live,
                                             int               *n_reached);
void                 pmd_partial_free       (PmdPartial        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdProjection, pmd_projection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdPartial, pmd_partial_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PmdBridge, pmd_bridge_clear)

G_END_DECLS
