/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-projection.h"
#include "pmd-scenario.h"
#include "pmd-scenario-private.h"

/* Resolving references and validation: every rule of DESIGN.md §3, each
 * parameter held to the limits of the parameter table (pmd_param_facts()). */

/* Resolving references */

static gboolean
fail (GError    **error,
      int         code,
      const char *path,
      const char *message)
{
  g_set_error (error, PMD_SCENARIO_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

typedef enum
{
  REF_LAYER,
  REF_DOMAIN,
  REF_COHORT,
  REF_LINE,
} Reference;

/* "$.lines[3].layer: no layer has the id “x”", with the id as the file has
 * it but its controls escaped. */
static gboolean
unknown_reference (GError    **error,
                   Reference   kind,
                   const char *collection,
                   guint       i,
                   const char *field,
                   const char *id)
{
  g_autofree char *path = g_strdup_printf ("$.%s[%u].%s", collection, i, field);
  g_autofree char *shown = pmd_format_escape_text (id);

  switch (kind)
    {
    case REF_LAYER:
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                   _("%s: no layer has the id “%s”"), path, shown);
      break;
    case REF_DOMAIN:
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                   _("%s: no domain has the id “%s”"), path, shown);
      break;
    case REF_COHORT:
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                   _("%s: no cohort has the id “%s”"), path, shown);
      break;
    case REF_LINE:
    default:
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                   _("%s: no cost line has the id “%s”"), path, shown);
      break;
    }
  return FALSE;
}

static gboolean
resolve_indexed (PmdScenario            *self,
                 const PmdScenarioIndex *index,
                 GError                **error)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      PmdLine *l = g_ptr_array_index (self->lines, i);

      l->layer_idx = _pmd_scenario_index_find (index->layers, l->layer);
      l->domain_idx = _pmd_scenario_index_find (index->domains, l->domain);
      l->driver_idx = l->driver ? _pmd_scenario_index_find (index->cohorts, l->driver) : -1;

      if (l->layer_idx < 0)
        return unknown_reference (error, REF_LAYER, "lines", i, "layer", l->layer);
      if (l->domain_idx < 0)
        return unknown_reference (error, REF_DOMAIN, "lines", i, "domain", l->domain);
      if (l->driver != NULL && l->driver_idx < 0)
        return unknown_reference (error, REF_COHORT, "lines", i, "driver", l->driver);
    }

  for (guint i = 0; i < self->interventions->len; i++)
    {
      PmdIntervention *iv = g_ptr_array_index (self->interventions, i);

      iv->source_idx = _pmd_scenario_index_find (index->lines, iv->source);
      iv->target_idx = _pmd_scenario_index_find (index->lines, iv->target);
      if (iv->source_idx < 0)
        return unknown_reference (error, REF_LINE, "interventions", i, "source", iv->source);
      if (iv->target_idx < 0)
        return unknown_reference (error, REF_LINE, "interventions", i, "target", iv->target);
      if (iv->source_idx == iv->target_idx)
        {
          g_autofree char *path = g_strdup_printf ("$.interventions[%u].target", i);
          return fail (error, PMD_SCENARIO_ERROR_INVALID, path,
                       _("the target must be another cost line than the source"));
        }
    }

  for (guint i = 0; i < self->actuals->len; i++)
    {
      PmdActual *a = g_ptr_array_index (self->actuals, i);

      if (_pmd_scenario_index_find (index->lines, a->line) < 0)
        return unknown_reference (error, REF_LINE, "actuals", i, "line", a->line);
    }

  return TRUE;
}

/**
 * pmd_scenario_resolve:
 * @self: a scenario
 * @error: the first reference that names no item
 *
 * Links every line to its layer, domain and cohort, and every intervention
 * to its lines, by their ids.
 */
gboolean
pmd_scenario_resolve (PmdScenario *self,
                      GError     **error)
{
  g_auto(PmdScenarioIndex) index = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);

  _pmd_scenario_index_init (&index);
  _pmd_scenario_index_fill (&index, self);
  return resolve_indexed (self, &index, error);
}

/* Validation: every rule of DESIGN.md §3. */

typedef struct
{
  GError **error;
  gboolean ok;
} Check;

static void G_GNUC_PRINTF (3, 4)
check_fail (Check      *c,
            const char *message,
            const char *path_fmt,
            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (!c->ok)
    return;
  va_start (args, path_fmt);
  path = g_strdup_vprintf (path_fmt, args);
  va_end (args);
  c->ok = FALSE;
  fail (c->error, PMD_SCENARIO_ERROR_INVALID, path, message);
}

/* Rule kinds, each with one message. The values a parameter path names
 * take their limits from the parameter table (pmd_param_facts()), each the
 * limits of one of these rules; the others (steps, actuals) are no
 * parameters and have their rule here. */
typedef enum
{
  RULE_FINITE,
  RULE_NON_NEGATIVE,
  RULE_RATE,       /* > -1 */
  RULE_FRACTION,   /* [0, 1] */
  RULE_POSITIVE,   /* > 0 */
  RULE_MONEY,      /* [0, PMD_MONEY_MAX] */
  RULE_AMOUNT,     /* [-PMD_MONEY_MAX, PMD_MONEY_MAX] */
  RULE_WHOLE,      /* a whole number of years */
  N_RULES
} Rule;

typedef struct
{
  double   min;
  gboolean min_exclusive;
  double   max;
} Limits;

static const Limits rule_limits[] = {
  [RULE_FINITE] = { -INFINITY, FALSE, INFINITY },
  [RULE_NON_NEGATIVE] = { 0, FALSE, INFINITY },
  [RULE_RATE] = { -1, TRUE, INFINITY },
  [RULE_FRACTION] = { 0, FALSE, 1 },
  [RULE_POSITIVE] = { 0, TRUE, INFINITY },
  [RULE_MONEY] = { 0, FALSE, PMD_MONEY_MAX },
  [RULE_AMOUNT] = { -PMD_MONEY_MAX, FALSE, PMD_MONEY_MAX },
  [RULE_WHOLE] = { -PMD_WHOLE_MAX, FALSE, PMD_WHOLE_MAX },
};

static gboolean
rule_holds (Rule   rule,
            double v)
{
  const Limits *l = &rule_limits[rule];

  if (!isfinite (v))
    return FALSE;
  if (rule == RULE_WHOLE && v != floor (v))
    return FALSE;
  return (l->min_exclusive ? v > l->min : v >= l->min) && v <= l->max;
}

/* The rule whose limits a field of the parameter table has: its message
 * is the field's. */
static Rule
facts_rule (const PmdParamFacts *facts)
{
  for (Rule rule = RULE_FINITE; rule < RULE_WHOLE; rule++)
    if (rule_limits[rule].min == facts->min && rule_limits[rule].min_exclusive == facts->min_exclusive &&
        rule_limits[rule].max == facts->max)
      return rule;
  g_assert_not_reached ();
}

static char *
rule_message (Rule rule)
{
  g_autofree char *max = NULL;

  switch (rule)
    {
    case RULE_FINITE: return g_strdup (_("must be a finite number"));
    case RULE_NON_NEGATIVE: return g_strdup (_("must be zero or more"));
    case RULE_RATE: return g_strdup (_("must be greater than −1 (−100%)"));
    case RULE_FRACTION: return g_strdup (_("must lie between 0 and 1"));
    case RULE_POSITIVE: return g_strdup (_("must be greater than zero"));
    case RULE_MONEY:
      max = pmd_format_euro (PMD_MONEY_MAX);
      /* Translators: %s is "€ 1.000.000.000.000.000" */
      return g_strdup_printf (_("must lie between € 0 and %s"), max);
    case RULE_AMOUNT:
      max = pmd_format_euro (PMD_MONEY_MAX);
      /* Translators: %s is "€ 1.000.000.000.000.000" */
      return g_strdup_printf (_("must lie between minus and plus %s"), max);
    case RULE_WHOLE: return g_strdup (_("must be a whole number"));
    default: g_assert_not_reached ();
    }
}

static void
fail_rule (Check      *c,
           Rule        rule,
           double      v,
           const char *path)
{
  g_autofree char *value = pmd_format_value (v);
  g_autofree char *message = rule_message (rule);

  c->ok = FALSE;
  g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
               /* Translators: "$.lines[2].base_cost: must be zero or more (found −5)" */
               _("%s: %s (found %s)"), path, message, value);
}

static void G_GNUC_PRINTF (4, 5)
check_rule (Check      *c,
            Rule        rule,
            double      v,
            const char *path_fmt,
            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (!c->ok || rule_holds (rule, v))
    return;
  va_start (args, path_fmt);
  path = g_strdup_vprintf (path_fmt, args);
  va_end (args);
  fail_rule (c, rule, v, path);
}

/* A value a parameter path names, held to the limits of the parameter
 * table. */
static void G_GNUC_PRINTF (4, 5)
check_param (Check               *c,
             const PmdParamFacts *facts,
             double               v,
             const char          *path_fmt,
             ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (!c->ok || pmd_param_facts_holds (facts, v))
    return;
  va_start (args, path_fmt);
  path = g_strdup_vprintf (path_fmt, args);
  va_end (args);
  fail_rule (c, facts_rule (facts), v, path);
}

/* The field of an object at @prefix ("$.lines[3]"): the path ends in the
 * field's name as the table (and the file) has it. */
static void
check_field (Check               *c,
             const PmdParamFacts *facts,
             double               v,
             const char          *prefix)
{
  check_param (c, facts, v, "%s.%s", prefix, facts->field);
}

static void G_GNUC_PRINTF (3, 4)
check_year (Check      *c,
            int         year,
            const char *path_fmt,
            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (!c->ok || (year >= PMD_YEAR_MIN && year <= PMD_YEAR_MAX))
    return;
  va_start (args, path_fmt);
  path = g_strdup_vprintf (path_fmt, args);
  va_end (args);
  c->ok = FALSE;
  g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
               _("%s: the year must lie between %d and %d (found %d)"),
               path, PMD_YEAR_MIN, PMD_YEAR_MAX, year);
}

/* Every id valid and used once, each added to @table on the way: one pass
 * with a hash table instead of comparing every pair. */
static void
check_ids (Check      *c,
           GPtrArray  *items,
           const char *collection,
           GHashTable *table)
{
  for (guint i = 0; c->ok && i < items->len; i++)
    {
      char **id = g_ptr_array_index (items, i);
      int first;

      if (!pmd_is_valid_id (*id))
        {
          g_autofree char *path = g_strdup_printf ("$.%s[%u].id", collection, i);
          g_autofree char *shown = pmd_format_escape_text (*id);
          c->ok = FALSE;
          g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                       _("%s: “%s” is not a valid id (use a–z, 0–9 and -)"), path, shown);
          return;
        }
      first = _pmd_scenario_index_add (table, *id, i);
      if (first >= 0)
        {
          g_autofree char *path = g_strdup_printf ("$.%s[%u].id", collection, i);
          c->ok = FALSE;
          g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                       _("%s: the id “%s” is already used by %s[%u]"), path, *id, collection, (guint) first);
          return;
        }
    }
}

static gboolean
is_color (const char *color)
{
  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/* An override is a value of the file: it is held to the rule of the value
 * it replaces, and is a whole number where that is one (a variant that
 * starts in 2027,5 would otherwise start in 2028 unseen). Rules between
 * fields (end ≥ start) are checked once the variant is applied. */
static void
check_override (Check          *c,
                const PmdParam *param,
                const char     *path,
                double          value,
                guint           variant)
{
  g_autofree char *shown = pmd_format_escape_text (path);

  switch (param->kind)
    {
    case PMD_PARAM_INT:
      check_rule (c, RULE_WHOLE, value, "$.variants[%u].overrides[\"%s\"]", variant, shown);
      break;
    case PMD_PARAM_BOOL:
      check_rule (c, RULE_FINITE, value, "$.variants[%u].overrides[\"%s\"]", variant, shown);
      break;
    case PMD_PARAM_DOUBLE:
    default:
      {
        const PmdParamFacts *facts = pmd_param_facts (path);

        if (facts != NULL)
          check_param (c, facts, value, "$.variants[%u].overrides[\"%s\"]", variant, shown);
        else
          check_rule (c, RULE_FINITE, value, "$.variants[%u].overrides[\"%s\"]", variant, shown);
      }
      break;
    }
}

gboolean
_pmd_scenario_check_override (const PmdParam *param,
                              const char     *path,
                              double          value,
                              guint           variant,
                              GError        **error)
{
  Check c = { error, TRUE };

  check_override (&c, param, path, value, variant);
  return c.ok;
}

static void
check_variant_paths (Check                  *c,
                     PmdScenario            *self,
                     const PmdScenarioIndex *index,
                     gboolean                ranges_hold_values)
{
  for (guint i = 0; c->ok && i < self->ranges->len; i++)
    {
      PmdRange *r = g_ptr_array_index (self->ranges, i);
      g_autoptr(GError) local = NULL;
      g_autofree char *shown = pmd_format_escape_text (r->path);
      PmdParam param;
      double value;

      if (!_pmd_scenario_lookup_param_indexed (self, index, r->path, &param, &local))
        {
          c->ok = FALSE;
          g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                       "$.ranges[\"%s\"]: %s", shown, local->message);
          return;
        }
      if (param.kind == PMD_PARAM_BOOL)
        {
          c->ok = FALSE;
          g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                       _("$.ranges[\"%s\"]: “enabled” is on or off and cannot have a range"), shown);
          return;
        }
      if (!pmd_param_has_value (&param))
        {
          c->ok = FALSE;
          g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                       _("$.ranges[\"%s\"]: the parameter has no value to put a range around"), shown);
          return;
        }
      value = pmd_param_get (&param);
      check_rule (c, RULE_FINITE, r->low, "$.ranges[\"%s\"][0]", shown);
      check_rule (c, RULE_FINITE, r->high, "$.ranges[\"%s\"][1]", shown);
      if (c->ok && r->low > r->high)
        {
          check_fail (c, _("the low end of a range must not exceed its high end"), "$.ranges[\"%s\"]", shown);
          return;
        }
      if (c->ok && ranges_hold_values && !(r->low <= value && value <= r->high))
        {
          g_autofree char *lo = pmd_format_value (r->low);
          g_autofree char *hi = pmd_format_value (r->high);
          g_autofree char *v = pmd_format_value (value);
          c->ok = FALSE;
          g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                       /* Translators: the range is written [low; high] because its numbers have decimal commas */
                       _("$.ranges[\"%s\"]: the range [%s; %s] must contain the value %s"), shown, lo, hi, v);
          return;
        }
    }

  for (guint i = 0; c->ok && i < self->variants->len; i++)
    {
      PmdVariant *v = g_ptr_array_index (self->variants, i);

      for (guint k = 0; c->ok && k < v->overrides->len; k++)
        {
          PmdOverride *o = &g_array_index (v->overrides, PmdOverride, k);
          g_autoptr(GError) local = NULL;
          g_autofree char *shown = pmd_format_escape_text (o->path);
          PmdParam param;

          if (!_pmd_scenario_lookup_param_indexed (self, index, o->path, &param, &local))
            {
              c->ok = FALSE;
              g_set_error (c->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                           "$.variants[%u].overrides[\"%s\"]: %s", i, shown, local->message);
              return;
            }
          check_override (c, &param, o->path, o->value, i);
          if (!c->ok)
            {
              g_autofree char *id = pmd_format_escape_text (v->id);
              g_prefix_error (c->error, _("variant “%s”: "), id);
            }
        }
    }
}

static void
check_steps (Check      *c,
             GArray     *steps,
             Rule        rule,
             const char *prefix)
{
  for (guint k = 0; c->ok && k < steps->len; k++)
    {
      const PmdYearValue *s = &g_array_index (steps, PmdYearValue, k);
      check_year (c, s->year, "%s.steps[%u][0]", prefix, k);
      check_rule (c, rule, s->value, "%s.steps[%u][1]", prefix, k);
    }
}

/* The whole of validation; @ranges_hold_values: a range must hold its
 * parameter's value (a file's does; a variant may move the value out). */
gboolean
_pmd_scenario_validate (PmdScenario *self,
                        gboolean     ranges_hold_values,
                        GError     **error)
{
  Check c = { error, TRUE };
  g_auto(PmdScenarioIndex) index = { 0 };
  /* Looked up once: a file may have 100.000 lines. */
  const PmdParamFacts *points = pmd_param_facts_for_field ("cohorts", "points");
  const PmdParamFacts *base_cost = pmd_param_facts_for_field ("lines", "base_cost");
  const PmdParamFacts *clients = pmd_param_facts_for_field ("lines", "clients");
  const PmdParamFacts *elasticity = pmd_param_facts_for_field ("lines", "elasticity");
  const PmdParamFacts *growth = pmd_param_facts_for_field ("lines", "growth");
  const PmdParamFacts *indexation = pmd_param_facts_for_field ("lines", "indexation");
  const PmdParamFacts *fraction = pmd_param_facts_for_field ("interventions", "fraction");
  const PmdParamFacts *cost_ratio = pmd_param_facts_for_field ("interventions", "cost_ratio");
  const PmdParamFacts *amount = pmd_param_facts_for_field ("interventions", "amount");
  const PmdParamFacts *ret = pmd_param_facts_for_field ("interventions", "return");
  const PmdParamFacts *one_off = pmd_param_facts_for_field ("interventions", "one_off");
  const PmdParamFacts *structural = pmd_param_facts_for_field ("interventions", "structural");
  const PmdParamFacts *lag = pmd_param_facts_for_field ("interventions", "lag");
  const PmdParamFacts *ramp_years = pmd_param_facts_for_field ("interventions", "ramp_years");

  check_year (&c, self->base_year, "$.base_year");
  if (c.ok && (self->horizon < 0 || self->horizon > PMD_HORIZON_MAX))
    {
      c.ok = FALSE;
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("$.horizon: must lie between 0 and %d years (found %d)"),
                   PMD_HORIZON_MAX, self->horizon);
    }
  if (c.ok && self->base_year + self->horizon > PMD_YEAR_MAX)
    check_fail (&c, _("the horizon runs past the last supported year"), "$.horizon");
  check_field (&c, pmd_param_facts_for_field ("scenario", "indexation"), self->indexation, "$");
  check_field (&c, pmd_param_facts_for_field ("scenario", "discount_rate"), self->discount_rate, "$");

  _pmd_scenario_index_init (&index);
  check_ids (&c, self->layers, "layers", index.layers);
  check_ids (&c, self->domains, "domains", index.domains);
  check_ids (&c, self->cohorts, "cohorts", index.cohorts);
  check_ids (&c, self->lines, "lines", index.lines);
  check_ids (&c, self->interventions, "interventions", index.interventions);
  check_ids (&c, self->variants, "variants", index.variants);

  for (guint i = 0; c.ok && i < self->layers->len; i++)
    {
      PmdLayer *l = g_ptr_array_index (self->layers, i);
      if (l->color != NULL && !is_color (l->color))
        check_fail (&c, _("a colour is written as #rrggbb"), "$.layers[%u].color", i);
    }

  for (guint i = 0; c.ok && i < self->cohorts->len; i++)
    {
      PmdCohort *co = g_ptr_array_index (self->cohorts, i);

      if (co->points->len == 0)
        check_fail (&c, _("a cohort needs at least one point"), "$.cohorts[%u].points", i);
      for (guint k = 0; c.ok && k < co->points->len; k++)
        {
          const PmdYearValue *p = &g_array_index (co->points, PmdYearValue, k);
          check_year (&c, p->year, "$.cohorts[%u].points[%u][0]", i, k);
          check_param (&c, points, p->value, "$.cohorts[%u].points[%u][1]", i, k);
          if (c.ok && k > 0 && p->year <= g_array_index (co->points, PmdYearValue, k - 1).year)
            check_fail (&c, _("the years of the points must increase strictly"),
                        "$.cohorts[%u].points[%u][0]", i, k);
        }
    }

  for (guint i = 0; c.ok && i < self->lines->len; i++)
    {
      PmdLine *l = g_ptr_array_index (self->lines, i);
      char prefix[64];

      g_snprintf (prefix, sizeof prefix, "$.lines[%u]", i);
      check_field (&c, base_cost, l->base_cost, prefix);
      if (l->has_clients)
        check_field (&c, clients, l->clients, prefix);
      check_field (&c, elasticity, l->elasticity, prefix);
      check_field (&c, growth, l->growth, prefix);
      if (l->has_indexation)
        check_field (&c, indexation, l->indexation, prefix);
      check_steps (&c, l->steps, RULE_RATE, prefix);
    }

  for (guint i = 0; c.ok && i < self->interventions->len; i++)
    {
      PmdIntervention *iv = g_ptr_array_index (self->interventions, i);
      char prefix[64];

      g_snprintf (prefix, sizeof prefix, "$.interventions[%u]", i);
      if (iv->type == PMD_INTERVENTION_SHIFT)
        {
          check_field (&c, fraction, iv->fraction, prefix);
          check_field (&c, cost_ratio, iv->cost_ratio, prefix);
        }
      else
        {
          check_field (&c, amount, iv->amount, prefix);
          check_field (&c, ret, iv->ret, prefix);
        }
      check_field (&c, one_off, iv->one_off, prefix);
      check_field (&c, structural, iv->structural, prefix);
      check_year (&c, iv->start, "%s.start", prefix);
      if (iv->has_end)
        {
          check_year (&c, iv->end, "%s.end", prefix);
          if (c.ok && iv->end < iv->start)
            check_fail (&c, _("the end year must not lie before the start year"), "%s.end", prefix);
        }
      if (c.ok && !pmd_param_facts_holds (lag, iv->lag))
        check_fail (&c, _("the lag must be zero or more years"), "%s.lag", prefix);
      if (c.ok && !pmd_param_facts_holds (ramp_years, iv->ramp_years))
        check_fail (&c, _("the ramp-up takes at least one year"), "%s.ramp_years", prefix);
    }

  check_field (&c, pmd_param_facts_for_field ("funding", "base"), self->funding.base, "$.funding");
  check_field (&c, pmd_param_facts_for_field ("funding", "growth"), self->funding.growth, "$.funding");
  check_steps (&c, self->funding.steps, RULE_AMOUNT, "$.funding");

  for (guint i = 0; c.ok && i < self->actuals->len; i++)
    {
      PmdActual *a = g_ptr_array_index (self->actuals, i);
      check_year (&c, a->year, "$.actuals[%u].year", i);
      check_rule (&c, RULE_MONEY, a->cost, "$.actuals[%u].cost", i);
    }

  if (c.ok && !resolve_indexed (self, &index, error))
    return FALSE;

  if (c.ok)
    check_variant_paths (&c, self, &index, ranges_hold_values);

  /* Last, the numbers the file leads to: each value may be sane and their
   * product still overflow (a growth of 10⁶ over 100 years, two lines of
   * 10³⁰⁸): such a file is refused here, never projected to null. */
  if (c.ok)
    {
      g_autoptr(PmdProjection) p = pmd_project (self, error);
      if (p == NULL)
        return FALSE;
    }

  return c.ok;
}

/**
 * pmd_scenario_validate:
 * @self: a scenario
 * @error: the first rule broken, with the JSON path of the value
 *
 * Checks every rule of the scenario format, resolves the references, and
 * checks that the scenario can be projected: every cost, client count and
 * total a finite number. Range and variant paths are checked against the
 * scenario as it is, and each override against the rule of the value it
 * replaces; whether the variant as a whole holds is checked when it is
 * applied. Takes time in proportion to the size of the scenario.
 */
gboolean
pmd_scenario_validate (PmdScenario *self,
                       GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return _pmd_scenario_validate (self, TRUE, error);
}
