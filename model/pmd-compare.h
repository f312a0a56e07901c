/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-projection.h"

G_BEGIN_DECLS

/**
 * PmdCompareEntry:
 * @name: what people call it: the variant's name, or the scenario's
 * @file: (nullable): the file it came from
 * @variant: (nullable): the variant applied; NULL: the scenario as written
 * @scenario: the scenario with the variant applied
 * @projection: its projection
 */
typedef struct
{
  char          *name;
  char          *file;
  char          *variant;
  PmdScenario   *scenario;
  PmdProjection *projection;
} PmdCompareEntry;

/**
 * PmdCompareDifference:
 * @path: a parameter path of the first entry
 * @values: (array): its value in each entry; NaN where an entry lacks it
 */
typedef struct
{
  char   *path;
  double *values;
} PmdCompareDifference;

/**
 * PmdComparison:
 * @entries: (element-type PmdCompareEntry): scenarios and variants side by side
 *
 * Two or more scenarios, or variants of them, projected for comparison
 * (issue 6): the assumptions that differ and the year-by-year difference.
 */
typedef struct
{
  GArray *entries;
} PmdComparison;

PmdComparison *pmd_comparison_new         (void);
PmdComparison *pmd_comparison_new_variants (const PmdScenario *scenario,
                                            GError           **error);
void           pmd_comparison_free        (PmdComparison     *self);
gboolean       pmd_comparison_add         (PmdComparison     *self,
                                           const PmdScenario *scenario,
                                           const char        *variant,
                                           const char        *file,
                                           GError           **error);
guint          pmd_comparison_get_n       (const PmdComparison *self);
const PmdCompareEntry *pmd_comparison_get (const PmdComparison *self,
                                           guint                i);
GPtrArray     *pmd_comparison_differences (const PmdComparison *self);
double         pmd_comparison_difference  (const PmdComparison *self,
                                           guint                i,
                                           int                  year);
void           pmd_compare_difference_free (PmdCompareDifference *difference);
gboolean       pmd_compare_difference_stands_out (const PmdCompareDifference *difference,
                                                  guint                       i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdComparison, pmd_comparison_free)

G_END_DECLS
