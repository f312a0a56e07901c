/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-scenario.h"

G_BEGIN_DECLS

char   *pmd_scenario_describe_change    (const PmdScenario *before,
                                         const PmdScenario *after);
GArray *pmd_scenario_param_differences  (const PmdScenario *from,
                                         const PmdScenario *to);
char   *pmd_scenario_new_variant_id     (const PmdScenario *scenario,
                                         const char        *name);

G_END_DECLS
