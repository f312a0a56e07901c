/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pmd-scenario.h"

G_BEGIN_DECLS

/**
 * PmdChangeFlags:
 * @PMD_CHANGE_SCENARIO: the scenario's own fields (name, notes, base year,
 *   horizon, indexation, discount rate, sources), its layers or domains
 * @PMD_CHANGE_FUNDING: the funding
 * @PMD_CHANGE_COHORTS: the demographic cohorts
 * @PMD_CHANGE_LINES: the cost lines
 * @PMD_CHANGE_INTERVENTIONS: the interventions
 * @PMD_CHANGE_RANGES: the uncertainty ranges
 * @PMD_CHANGE_VARIANTS: the variants the file holds
 * @PMD_CHANGE_ACTUALS: the realised costs
 * @PMD_CHANGE_STRUCTURE: in a collection above, an item came, went, moved,
 *   was renamed or points elsewhere: lists of it are built again; without
 *   it, only values changed and the same rows show new values
 * @PMD_CHANGE_SHOWN_VARIANT: another variant is shown
 * @PMD_CHANGE_FILE: another scenario replaced the document's
 *
 * What a change of a document touched (PmdDocument::changed), so that a
 * page refreshes only what it shows. Worked out by comparing the scenario
 * before and after (pmd_scenario_diff()), the same for an edit, an undo
 * and a redo.
 */
typedef enum
{
  PMD_CHANGE_NONE          = 0,
  PMD_CHANGE_SCENARIO      = 1 << 0,
  PMD_CHANGE_FUNDING       = 1 << 1,
  PMD_CHANGE_COHORTS       = 1 << 2,
  PMD_CHANGE_LINES         = 1 << 3,
  PMD_CHANGE_INTERVENTIONS = 1 << 4,
  PMD_CHANGE_RANGES        = 1 << 5,
  PMD_CHANGE_VARIANTS      = 1 << 6,
  PMD_CHANGE_ACTUALS       = 1 << 7,
  PMD_CHANGE_STRUCTURE     = 1 << 8,
  PMD_CHANGE_SHOWN_VARIANT = 1 << 9,
  PMD_CHANGE_FILE          = 1 << 10,
} PmdChangeFlags;

/* Every part of a scenario: what a new file or another variant touches. */
#define PMD_CHANGE_CONTENT (PMD_CHANGE_SCENARIO | PMD_CHANGE_FUNDING | PMD_CHANGE_COHORTS | \
                            PMD_CHANGE_LINES | PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_RANGES | \
                            PMD_CHANGE_VARIANTS | PMD_CHANGE_ACTUALS)

#define PMD_TYPE_CHANGE_FLAGS (pmd_change_flags_get_type ())
GType          pmd_change_flags_get_type (void) G_GNUC_CONST;

PmdChangeFlags pmd_scenario_diff         (const PmdScenario *before,
                                          const PmdScenario *after);

G_END_DECLS
