/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  PMD_UNIT_NUMBER,
  PMD_UNIT_PERCENT,   /* a fraction shown as a percentage */
  PMD_UNIT_MONEY,
  PMD_UNIT_COUNT,     /* clients, residents */
  PMD_UNIT_YEAR,      /* a year or a number of years */
  PMD_UNIT_SWITCH,
} PmdUnit;

typedef enum
{
  PMD_PARAM_DOUBLE,
  PMD_PARAM_INT,      /* whole years: set rounds to the nearest integer */
  PMD_PARAM_BOOL,     /* enabled: non-zero is true */
} PmdParamKind;

/**
 * PmdParam:
 *
 * A parameter path resolved to the number it names, so that a slider or a
 * Monte Carlo draw can change it without parsing the path again. It points
 * into the scenario it was looked up in and is valid until that scenario's
 * collections change (a line or intervention added or removed) or it is freed.
 */
typedef struct
{
  PmdParamKind kind;
  double      *d;
  int         *i;
  gboolean    *b;
  gboolean    *has;       /* nullable: the "has a value" flag of a nullable field */
  const double *fallback; /* nullable: the value read while *has is FALSE */
  int          fallback_i;
} PmdParam;

gboolean pmd_scenario_lookup_param (PmdScenario *self,
                                    const char  *path,
                                    PmdParam    *out,
                                    GError     **error);
gboolean pmd_param_has_value       (const PmdParam *param);
double   pmd_param_get             (const PmdParam *param);
void     pmd_param_set             (const PmdParam *param,
                                    double          value);

gboolean pmd_scenario_get_param    (PmdScenario *self,
                                    const char  *path,
                                    double      *value,
                                    GError     **error);
gboolean pmd_scenario_set_param    (PmdScenario *self,
                                    const char  *path,
                                    double       value,
                                    GError     **error);
const char *pmd_scenario_get_param_source (const PmdScenario *self,
                                           const char        *path);
GPtrArray  *pmd_scenario_list_params      (const PmdScenario *self);
char       *pmd_scenario_describe_param   (const PmdScenario *self,
                                           const char        *path);
const char *pmd_param_describe_field      (const char        *field);
PmdUnit     pmd_param_unit                (const char        *path);
char       *pmd_scenario_format_param     (const char        *path,
                                           double             value);

int         pmd_scenario_find_range       (const PmdScenario *self,
                                           const char        *path);
gboolean    pmd_scenario_set_range        (PmdScenario       *self,
                                           const char        *path,
                                           double             low,
                                           double             high,
                                           GError           **error);
gboolean    pmd_scenario_remove_range     (PmdScenario       *self,
                                           const char        *path);
GPtrArray  *pmd_scenario_list_uncertain   (const PmdScenario *self);
void        pmd_range_suggest             (const char        *path,
                                           double             value,
                                           double            *low,
                                           double            *high);

G_END_DECLS
