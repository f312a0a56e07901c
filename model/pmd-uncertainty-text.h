/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-uncertainty.h"

G_BEGIN_DECLS

/**
 * PmdUncertaintyText:
 * @year: the year the sentences speak of
 * @range: where the gap lies in 8 of 10 runs (P10–P90)
 * @chance: the chance of a shortfall in @year
 * @payback: (nullable): the chance the interventions pay for themselves by
 *   the plan's own payback year; %NULL when the scenario has none
 * @driver: (nullable): the assumption that moves the outcome most (the top
 *   of the tornado); %NULL without swings
 *
 * A Monte Carlo result in sentences an alderman can repeat, each number
 * rounded to what the spread of the runs supports.
 */
typedef struct
{
  int   year;
  char *range;
  char *chance;
  char *payback;
  char *driver;
} PmdUncertaintyText;

PmdUncertaintyText *pmd_uncertainty_text_new       (const PmdScenario        *scenario,
                                                    const PmdProjection      *projection,
                                                    const PmdMonteCarlo      *monte_carlo,
                                                    const GArray             *swings,
                                                    const char               *swing_output,
                                                    int                       year);
void                pmd_uncertainty_text_free      (PmdUncertaintyText       *self);
char               *pmd_uncertainty_text_to_string (const PmdUncertaintyText *self,
                                                    gboolean                  brief);

double              pmd_uncertainty_rounding_step  (double                    spread);
char               *pmd_uncertainty_format_amount  (double                    value,
                                                    double                    step,
                                                    double                    magnitude);
int                 pmd_uncertainty_round_chance   (guint                     count,
                                                    guint                     runs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdUncertaintyText, pmd_uncertainty_text_free)

G_END_DECLS
