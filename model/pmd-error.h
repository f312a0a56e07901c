/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PMD_SCENARIO_ERROR (pmd_scenario_error_quark ())

/**
 * PmdScenarioError:
 * @PMD_SCENARIO_ERROR_INVALID: a value breaks a rule of the scenario format
 * @PMD_SCENARIO_ERROR_REFERENCE: an id or parameter path does not resolve
 * @PMD_SCENARIO_ERROR_SYNTAX: the file is not well-formed JSON
 * @PMD_SCENARIO_ERROR_VERSION: the file was written by a newer Piramide
 * @PMD_SCENARIO_ERROR_FORMAT: the file is not a Piramide scenario
 * @PMD_SCENARIO_ERROR_TOO_LARGE: the file exceeds a safety limit
 * @PMD_SCENARIO_ERROR_NO_SOLUTION: no value in the range reaches a goal
 *
 * Errors raised while reading, validating or changing a scenario.
 */
typedef enum
{
  PMD_SCENARIO_ERROR_INVALID,
  PMD_SCENARIO_ERROR_REFERENCE,
  PMD_SCENARIO_ERROR_SYNTAX,
  PMD_SCENARIO_ERROR_VERSION,
  PMD_SCENARIO_ERROR_FORMAT,
  PMD_SCENARIO_ERROR_TOO_LARGE,
  PMD_SCENARIO_ERROR_NO_SOLUTION,
} PmdScenarioError;

GQuark pmd_scenario_error_quark (void);

G_END_DECLS
