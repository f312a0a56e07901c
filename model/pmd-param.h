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
 * PmdParamWidget:
 * @PMD_PARAM_WIDGET_SLIDER: a lever (a slider with a step)
 * @PMD_PARAM_WIDGET_SPIN: a spin button with a step
 * @PMD_PARAM_WIDGET_SWITCH: on or off
 * @PMD_PARAM_WIDGET_ENTRY: typed text
 * @PMD_PARAM_WIDGET_YEAR: a year, typed without grouping
 *
 * Which widget edits a parameter.
 */
typedef enum
{
  PMD_PARAM_WIDGET_SLIDER,
  PMD_PARAM_WIDGET_SPIN,
  PMD_PARAM_WIDGET_SWITCH,
  PMD_PARAM_WIDGET_ENTRY,
  PMD_PARAM_WIDGET_YEAR,
} PmdParamWidget;

/**
 * PmdParamFacts:
 * @collection: "scenario", "funding", "lines", "interventions" or "cohorts"
 * @field: the last part of the path ("points" for a cohort's points), as
 *   the file names it
 * @words: the field as people call it, untranslated (N_()): "volume growth"
 * @label: (nullable): untranslated, the whole parameter as people call it,
 *   with one `%s` for the line's or intervention's name; NULL: "name: words"
 * @unit: what the number measures
 * @decimals: the decimals shown; more only where the value has them
 * @min: the lowest valid value, -INFINITY when open
 * @min_exclusive: @min itself is not valid (a rate is above −1)
 * @max: the highest valid value, INFINITY when open
 * @kind: whole, on/off or neither
 * @widget: which widget edits it
 * @step: the step of its slider or spin button
 * @spread_below: how far below the value a first range starts
 * @spread_above: how far above the value a first range ends
 * @spread_relative: the spreads are fractions of the value, not amounts
 *
 * The facts about one field of the parameter paths (DESIGN.md §2), the one
 * place every screen, the report, the command line and validation read them.
 * Validation refuses a value outside [@min, @max]; fields between fields
 * (an end before its start) are checked by validation itself.
 */
typedef struct
{
  const char    *collection;
  const char    *field;
  const char    *words;
  const char    *label;
  PmdUnit        unit;
  int            decimals;
  double         min;
  gboolean       min_exclusive;
  double         max;
  PmdParamKind   kind;
  PmdParamWidget widget;
  double         step;
  double         spread_below;
  double         spread_above;
  gboolean       spread_relative;
} PmdParamFacts;

const PmdParamFacts *pmd_param_facts           (const char          *path);
const PmdParamFacts *pmd_param_facts_for_field (const char          *collection,
                                                const char          *field);
const PmdParamFacts *pmd_param_facts_list      (guint               *n_facts);
char                *pmd_param_facts_format    (const PmdParamFacts *facts,
                                                double               value);
gboolean             pmd_param_facts_holds     (const PmdParamFacts *facts,
                                                double               value);
double               pmd_param_facts_snap      (const PmdParamFacts *facts,
                                                double               value);
char                *pmd_param_format_unit     (PmdUnit              unit,
                                                int                  decimals,
                                                double               value);

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
void        pmd_scenario_say_in_words     (const PmdScenario *self,
                                           GError            *error);
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
