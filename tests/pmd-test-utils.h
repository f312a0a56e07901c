/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-model.h"

G_BEGIN_DECLS

/* Euros are compared to a micro-euro: far below a cent, far above rounding. */
#define PMD_EURO_EPSILON 1e-6

#define assert_euro(value, expected) \
  g_assert_cmpfloat_with_epsilon ((value), (expected), PMD_EURO_EPSILON)

PmdScenario *pmd_test_scenario_two_lines (void);
PmdScenario *pmd_test_scenario_one_line  (double base_cost);
double       pmd_test_series_at          (const double        *series,
                                          const PmdProjection *p,
                                          int                  item,
                                          int                  year);

G_END_DECLS
