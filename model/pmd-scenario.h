/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pmd-error.h"

G_BEGIN_DECLS

/*
 * The scenario is a plain struct tree: the GUI and the file reader fill it
 * directly, pmd_scenario_resolve() links the ids, and pmd_scenario_validate()
 * checks every rule of DESIGN.md §3 with the JSON path of the offending value.
 *
 * Every entity keeps two strings the model never interprets:
 *  - `extra`: unknown members of its JSON object, as a JSON object text, so
 *    that fields written by newer tools survive a load/save round trip;
 *  - `sources`: field name → provenance ("SBK Westland 2025, §1.4 Financieel
 *    perspectief", "aanname: …").
 */

#define PMD_SCENARIO_FORMAT  "piramide-scenario"
#define PMD_SCENARIO_VERSION 1

#define PMD_YEAR_MIN    1900
#define PMD_YEAR_MAX    2200
#define PMD_HORIZON_MAX 100

/* The largest amount of money one value of a scenario may hold, in euros:
 * over a thousand times the Dutch national budget, so no real plan reaches
 * it, and an amount beyond it is a typing error (or a hostile file). */
#define PMD_MONEY_MAX   1e15
/* The largest whole number (a year, a lag) a variant may set. */
#define PMD_WHOLE_MAX   1e6

/**
 * PmdYearValue:
 * @year: the year from which @value applies
 * @value: a value (cohort size, step fraction or step amount in euros)
 */
typedef struct
{
  int    year;
  double value;
} PmdYearValue;

typedef struct
{
  char       *id;
  char       *name;
  char       *color;   /* "#rrggbb" or NULL */
  char       *source;
  GHashTable *sources; /* nullable: field → provenance */
  char       *extra;
} PmdLayer;

typedef struct
{
  char       *id;
  char       *name;
  char       *source;
  GHashTable *sources;
  char       *extra;
} PmdDomain;

typedef struct
{
  char       *id;
  char       *name;
  GArray     *points;  /* PmdYearValue, strictly increasing years */
  char       *source;
  GHashTable *sources;
  char       *extra;
} PmdCohort;

typedef struct
{
  char       *id;
  char       *name;
  char       *layer;
  char       *domain;
  char       *driver;          /* cohort id or NULL */
  double      base_cost;
  double      clients;
  gboolean    has_clients;
  double      elasticity;
  double      growth;
  double      indexation;
  gboolean    has_indexation;  /* FALSE: the scenario's indexation */
  GArray     *steps;           /* PmdYearValue: volume change from that year on */
  gboolean    open_ended;
  char       *source;
  GHashTable *sources;
  char       *extra;

  /* Filled by pmd_scenario_resolve(). */
  int         layer_idx;
  int         domain_idx;
  int         driver_idx;      /* -1: no driver */
} PmdLine;

typedef enum
{
  PMD_INTERVENTION_SHIFT,
  PMD_INTERVENTION_INVEST,
} PmdInterventionType;

typedef struct
{
  char               *id;
  char               *name;
  PmdInterventionType type;
  char               *source;   /* line id: where cost is avoided */
  char               *target;   /* line id: where money or clients go */
  double              fraction;
  double              cost_ratio;
  double              amount;
  double              ret;      /* "return" in the file */
  double              one_off;
  double              structural;
  int                 start;
  int                 end;
  gboolean            has_end;  /* FALSE: active to the horizon */
  int                 lag;
  int                 ramp_years;
  gboolean            enabled;
  GHashTable         *sources;  /* provenance per field ("amount", "return", …) */
  char               *extra;

  int                 source_idx;
  int                 target_idx;
} PmdIntervention;

typedef struct
{
  char  *path;
  double low;
  double high;
} PmdRange;

typedef struct
{
  char  *path;
  double value;
} PmdOverride;

typedef struct
{
  char       *id;
  char       *name;
  GArray     *overrides; /* PmdOverride, in file order */
  char       *extra;
} PmdVariant;

typedef struct
{
  char  *line;
  int    year;
  double cost;
  char  *source;
  char  *extra;
} PmdActual;

typedef struct
{
  double      base;
  double      growth;
  GArray     *steps;   /* PmdYearValue: euro change from that year on */
  char       *source;
  GHashTable *sources;
  char       *extra;
} PmdFunding;

typedef struct
{
  int         version;
  char       *name;
  char       *municipality;
  char       *notes;
  int         base_year;
  int         horizon;
  double      indexation;
  double      discount_rate;
  GPtrArray  *layers;        /* PmdLayer, bottom to top */
  GPtrArray  *domains;       /* PmdDomain */
  GPtrArray  *cohorts;       /* PmdCohort */
  GPtrArray  *lines;         /* PmdLine */
  GPtrArray  *interventions; /* PmdIntervention, in the order they act */
  PmdFunding  funding;
  GPtrArray  *ranges;        /* PmdRange, in file order */
  GPtrArray  *variants;      /* PmdVariant */
  GPtrArray  *actuals;       /* PmdActual */
  GHashTable *sources;       /* provenance of top-level numbers */
  char       *extra;
} PmdScenario;

#define PMD_TYPE_SCENARIO (pmd_scenario_get_type ())
GType            pmd_scenario_get_type          (void) G_GNUC_CONST;

PmdScenario     *pmd_scenario_new               (void);
PmdScenario     *pmd_scenario_copy              (const PmdScenario *self);
void             pmd_scenario_free              (PmdScenario       *self);

PmdLayer        *pmd_layer_new                  (const char *id,
                                                 const char *name);
PmdDomain       *pmd_domain_new                 (const char *id,
                                                 const char *name);
PmdCohort       *pmd_cohort_new                 (const char *id,
                                                 const char *name);
PmdLine         *pmd_line_new                   (const char *id,
                                                 const char *name,
                                                 const char *layer,
                                                 const char *domain,
                                                 double      base_cost);
PmdIntervention *pmd_intervention_new           (const char         *id,
                                                 PmdInterventionType type,
                                                 const char         *source,
                                                 const char         *target,
                                                 int                 start);
PmdVariant      *pmd_variant_new                (const char *id,
                                                 const char *name);
PmdActual       *pmd_actual_new                 (const char *line,
                                                 int         year,
                                                 double      cost);
PmdRange        *pmd_range_new                  (const char *path,
                                                 double      low,
                                                 double      high);

void             pmd_cohort_add_point           (PmdCohort *self,
                                                 int        year,
                                                 double     value);
void             pmd_line_add_step              (PmdLine *self,
                                                 int      year,
                                                 double   fraction);
void             pmd_funding_add_step           (PmdFunding *self,
                                                 int         year,
                                                 double      amount);
void             pmd_variant_add_override       (PmdVariant *self,
                                                 const char *path,
                                                 double      value);

void             pmd_layer_free                 (PmdLayer *self);
void             pmd_domain_free                (PmdDomain *self);
void             pmd_cohort_free                (PmdCohort *self);
void             pmd_line_free                  (PmdLine *self);
void             pmd_intervention_free          (PmdIntervention *self);
void             pmd_variant_free               (PmdVariant *self);
void             pmd_actual_free                (PmdActual *self);
void             pmd_range_free                 (PmdRange *self);

int              pmd_scenario_find_layer        (const PmdScenario *self,
                                                 const char        *id);
int              pmd_scenario_find_domain       (const PmdScenario *self,
                                                 const char        *id);
int              pmd_scenario_find_cohort       (const PmdScenario *self,
                                                 const char        *id);
int              pmd_scenario_find_line         (const PmdScenario *self,
                                                 const char        *id);
int              pmd_scenario_find_intervention (const PmdScenario *self,
                                                 const char        *id);
int              pmd_scenario_find_variant      (const PmdScenario *self,
                                                 const char        *id);
gboolean         pmd_scenario_has_interventions (const PmdScenario *self);

gboolean         pmd_scenario_resolve           (PmdScenario *self,
                                                 GError     **error);
gboolean         pmd_scenario_validate          (PmdScenario *self,
                                                 GError     **error);
gboolean         pmd_scenario_apply_variant     (PmdScenario *self,
                                                 const char  *variant_id,
                                                 GError     **error);

int              pmd_scenario_get_end_year      (const PmdScenario *self);
int              pmd_scenario_get_n_years       (const PmdScenario *self);
double           pmd_cohort_value_at            (const PmdCohort *self,
                                                 int              year);

gboolean         pmd_is_valid_id                (const char *id);
const char      *pmd_sources_lookup             (GHashTable *sources,
                                                 const char *field);
void             pmd_sources_set                (GHashTable **sources,
                                                 const char  *field,
                                                 const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdScenario, pmd_scenario_free)

G_END_DECLS
