/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-projection.h"

G_BEGIN_DECLS

/* Shared by the projection and the explanations of its figures
 * (pmd-explain.c), so that both take one intervention's step the same way
 * (pmd-interventions.c). */
void   _pmd_intervention_apply_rows (const PmdIntervention *iv,
                                     int                    first_year,
                                     int                    n,
                                     double                *cost,
                                     double                *clients,
                                     double                *investment);
double _pmd_intervention_apply (const PmdIntervention *iv,
                                int                    year,
                                double                *cost,
                                double                *clients);

double _pmd_steps_factor       (GArray                *steps,
                                int                    year);
double _pmd_ramp               (int                    year,
                                int                    start,
                                int                    lag,
                                int                    ramp_years);

G_END_DECLS
