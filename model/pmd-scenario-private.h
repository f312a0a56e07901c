/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-param.h"
#include "pmd-scenario.h"

G_BEGIN_DECLS

/*
 * The ids of a scenario's collections in hash tables, so that checking
 * every reference of a file, or resolving every path of its ranges and
 * variants, takes time in proportion to the file rather than its square
 * (a file of 100.000 lines took over a minute). The tables borrow the ids:
 * an index is valid while no id changes and nothing is added or removed.
 * A duplicated id maps to its first item, as pmd_scenario_find_line() does.
 */
typedef struct
{
  GHashTable *layers;
  GHashTable *domains;
  GHashTable *cohorts;
  GHashTable *lines;
  GHashTable *interventions;
  GHashTable *variants;
} PmdScenarioIndex;

void     _pmd_scenario_index_init          (PmdScenarioIndex       *index);
void     _pmd_scenario_index_fill          (PmdScenarioIndex       *index,
                                            const PmdScenario      *self);
void     _pmd_scenario_index_clear         (PmdScenarioIndex       *index);
int      _pmd_scenario_index_add           (GHashTable             *table,
                                            const char             *id,
                                            guint                   position);
int      _pmd_scenario_index_find          (GHashTable             *table,
                                            const char             *id);

gboolean _pmd_scenario_lookup_param_indexed (PmdScenario            *self,
                                             const PmdScenarioIndex *index,
                                             const char             *path,
                                             PmdParam               *out,
                                             GError                **error);

/* Shared by the files of the scenario (pmd-scenario*.c). */
GHashTable *_pmd_sources_copy             (GHashTable             *sources);
GArray     *_pmd_year_values_new          (void);
GArray     *_pmd_year_values_copy         (GArray                 *array);
void        _pmd_year_values_add          (GArray                 *array,
                                           int                     year,
                                           double                  value);
PmdCohort  *_pmd_cohort_copy              (const PmdCohort        *c);
PmdVariant *_pmd_variant_copy             (const PmdVariant       *v);
gboolean    _pmd_scenario_validate        (PmdScenario            *self,
                                           gboolean                ranges_hold_values,
                                           GError                **error);
gboolean    _pmd_scenario_check_override  (const PmdParam         *param,
                                           const char             *path,
                                           double                  value,
                                           guint                   variant,
                                           GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PmdScenarioIndex, _pmd_scenario_index_clear)

G_END_DECLS
