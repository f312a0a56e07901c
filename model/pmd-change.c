/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-change.h"

/*
 * What an edit touched, found by comparing the scenario before and after it
 * field by field. The document does this for every edit, undo and redo, so
 * no caller has to describe its edit and an undo reports exactly what the
 * edit did. A scenario of 40 lines compares in a few microseconds.
 */

G_DEFINE_FLAGS_TYPE (PmdChangeFlags, pmd_change_flags,
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_SCENARIO, "scenario"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_FUNDING, "funding"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_COHORTS, "cohorts"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_LINES, "lines"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_INTERVENTIONS, "interventions"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_RANGES, "ranges"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_VARIANTS, "variants"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_ACTUALS, "actuals"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_STRUCTURE, "structure"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_SHOWN_VARIANT, "shown-variant"),
                     G_DEFINE_ENUM_VALUE (PMD_CHANGE_FILE, "file"))

/* How two versions of one collection differ. */
typedef enum
{
  SAME,
  VALUES,     /* same items, other values */
  STRUCTURE,  /* items came, went, moved or were renamed */
} Difference;

static gboolean
num_eq (double a,
        double b)
{
  return a == b || (a != a && b != b);
}

static gboolean
str_eq (const char *a,
        const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static gboolean
points_eq (const GArray *a,
           const GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const PmdYearValue *x = &g_array_index (a, PmdYearValue, i);
      const PmdYearValue *y = &g_array_index (b, PmdYearValue, i);

      if (x->year != y->year || !num_eq (x->value, y->value))
        return FALSE;
    }
  return TRUE;
}

/* Only the years of a list of points: its rows. */
static gboolean
point_years_eq (const GArray *a,
                const GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, PmdYearValue, i).year != g_array_index (b, PmdYearValue, i).year)
      return FALSE;
  return TRUE;
}

static gboolean
sources_eq (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL || b == NULL)
    return (a == NULL || g_hash_table_size (a) == 0) && (b == NULL || g_hash_table_size (b) == 0);
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!str_eq (value, g_hash_table_lookup (b, key)))
      return FALSE;
  return TRUE;
}

/* Compares two items of a collection: STRUCTURE, VALUES or SAME. */
typedef Difference (*ItemDiff) (gconstpointer a,
                                gconstpointer b);

static Difference
collection_diff (const GPtrArray *a,
                 const GPtrArray *b,
                 ItemDiff         diff)
{
  Difference result = SAME;

  if (a->len != b->len)
    return STRUCTURE;
  for (guint i = 0; i < a->len && result != STRUCTURE; i++)
    result = MAX (result, diff (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
  return result;
}

static Difference
layer_diff (gconstpointer pa,
            gconstpointer pb)
{
  const PmdLayer *a = pa, *b = pb;

  if (!str_eq (a->id, b->id) || !str_eq (a->name, b->name) || !str_eq (a->color, b->color))
    return STRUCTURE;
  return str_eq (a->source, b->source) && sources_eq (a->sources, b->sources) && str_eq (a->extra, b->extra)
         ? SAME : VALUES;
}

static Difference
domain_diff (gconstpointer pa,
             gconstpointer pb)
{
  const PmdDomain *a = pa, *b = pb;

  if (!str_eq (a->id, b->id) || !str_eq (a->name, b->name))
    return STRUCTURE;
  return str_eq (a->source, b->source) && sources_eq (a->sources, b->sources) && str_eq (a->extra, b->extra)
         ? SAME : VALUES;
}

static Difference
cohort_diff (gconstpointer pa,
             gconstpointer pb)
{
  const PmdCohort *a = pa, *b = pb;

  if (!str_eq (a->id, b->id) || !str_eq (a->name, b->name) || !point_years_eq (a->points, b->points))
    return STRUCTURE;
  return points_eq (a->points, b->points) && str_eq (a->source, b->source) &&
         sources_eq (a->sources, b->sources) && str_eq (a->extra, b->extra)
         ? SAME : VALUES;
}

static Difference
line_diff (gconstpointer pa,
           gconstpointer pb)
{
  const PmdLine *a = pa, *b = pb;

  if (!str_eq (a->id, b->id) || !str_eq (a->name, b->name) || !str_eq (a->layer, b->layer) ||
      !str_eq (a->domain, b->domain) || !str_eq (a->driver, b->driver) || !point_years_eq (a->steps, b->steps))
    return STRUCTURE;
  return num_eq (a->base_cost, b->base_cost) && num_eq (a->clients, b->clients) && a->has_clients == b->has_clients &&
         num_eq (a->elasticity, b->elasticity) && num_eq (a->growth, b->growth) &&
         num_eq (a->indexation, b->indexation) && a->has_indexation == b->has_indexation &&
         points_eq (a->steps, b->steps) && a->open_ended == b->open_ended && str_eq (a->source, b->source) &&
         sources_eq (a->sources, b->sources) && str_eq (a->extra, b->extra)
         ? SAME : VALUES;
}

static Difference
intervention_diff (gconstpointer pa,
                   gconstpointer pb)
{
  const PmdIntervention *a = pa, *b = pb;

  if (!str_eq (a->id, b->id) || !str_eq (a->name, b->name) || a->type != b->type ||
      !str_eq (a->source, b->source) || !str_eq (a->target, b->target))
    return STRUCTURE;
  return num_eq (a->fraction, b->fraction) && num_eq (a->cost_ratio, b->cost_ratio) && num_eq (a->amount, b->amount) &&
         num_eq (a->ret, b->ret) && num_eq (a->one_off, b->one_off) && num_eq (a->structural, b->structural) &&
         a->start == b->start && a->end == b->end && a->has_end == b->has_end && a->lag == b->lag &&
         a->ramp_years == b->ramp_years && a->enabled == b->enabled && sources_eq (a->sources, b->sources) &&
         str_eq (a->extra, b->extra)
         ? SAME : VALUES;
}

static Difference
range_diff (gconstpointer pa,
            gconstpointer pb)
{
  const PmdRange *a = pa, *b = pb;

  if (!str_eq (a->path, b->path))
    return STRUCTURE;
  return num_eq (a->low, b->low) && num_eq (a->high, b->high) ? SAME : VALUES;
}

/* A variant's overrides are its values: one added while the user moves a
 * lever of a variant shown must not rebuild the lever under the pointer. */
static Difference
variant_diff (gconstpointer pa,
              gconstpointer pb)
{
  const PmdVariant *a = pa, *b = pb;

  if (!str_eq (a->id, b->id) || !str_eq (a->name, b->name))
    return STRUCTURE;
  if (a->overrides->len != b->overrides->len)
    return VALUES;
  for (guint i = 0; i < a->overrides->len; i++)
    {
      const PmdOverride *x = &g_array_index (a->overrides, PmdOverride, i);
      const PmdOverride *y = &g_array_index (b->overrides, PmdOverride, i);

      if (!str_eq (x->path, y->path) || !num_eq (x->value, y->value))
        return VALUES;
    }
  return str_eq (a->extra, b->extra) ? SAME : VALUES;
}

static Difference
actual_diff (gconstpointer pa,
             gconstpointer pb)
{
  const PmdActual *a = pa, *b = pb;

  if (!str_eq (a->line, b->line) || a->year != b->year)
    return STRUCTURE;
  return num_eq (a->cost, b->cost) && str_eq (a->source, b->source) && str_eq (a->extra, b->extra) ? SAME : VALUES;
}

static Difference
scenario_fields_diff (const PmdScenario *a,
                      const PmdScenario *b)
{
  Difference result;

  /* Another base year or horizon gives every list of years other rows. */
  if (a->base_year != b->base_year || a->horizon != b->horizon)
    return STRUCTURE;
  result = MAX (collection_diff (a->layers, b->layers, layer_diff),
                collection_diff (a->domains, b->domains, domain_diff));
  if (result == SAME &&
      !(a->version == b->version && str_eq (a->name, b->name) && str_eq (a->municipality, b->municipality) &&
        str_eq (a->notes, b->notes) && num_eq (a->indexation, b->indexation) &&
        num_eq (a->discount_rate, b->discount_rate) && sources_eq (a->sources, b->sources) &&
        str_eq (a->extra, b->extra)))
    result = VALUES;
  return result;
}

static Difference
funding_diff (const PmdFunding *a,
              const PmdFunding *b)
{
  if (!point_years_eq (a->steps, b->steps))
    return STRUCTURE;
  return num_eq (a->base, b->base) && num_eq (a->growth, b->growth) && points_eq (a->steps, b->steps) &&
         str_eq (a->source, b->source) && sources_eq (a->sources, b->sources) && str_eq (a->extra, b->extra)
         ? SAME : VALUES;
}

static void
add (PmdChangeFlags *flags,
     Difference      difference,
     PmdChangeFlags  area)
{
  if (difference != SAME)
    *flags |= area;
  if (difference == STRUCTURE)
    *flags |= PMD_CHANGE_STRUCTURE;
}

/**
 * pmd_scenario_diff:
 * @before: a scenario
 * @after: the same scenario after a change
 *
 * Returns: the parts of the scenario that differ; with
 *   %PMD_CHANGE_STRUCTURE when in one of them items came, went, moved or
 *   were renamed
 */
PmdChangeFlags
pmd_scenario_diff (const PmdScenario *before,
                   const PmdScenario *after)
{
  PmdChangeFlags flags = PMD_CHANGE_NONE;

  g_return_val_if_fail (before != NULL && after != NULL, PMD_CHANGE_NONE);

  add (&flags, scenario_fields_diff (before, after), PMD_CHANGE_SCENARIO);
  add (&flags, funding_diff (&before->funding, &after->funding), PMD_CHANGE_FUNDING);
  add (&flags, collection_diff (before->cohorts, after->cohorts, cohort_diff), PMD_CHANGE_COHORTS);
  add (&flags, collection_diff (before->lines, after->lines, line_diff), PMD_CHANGE_LINES);
  add (&flags, collection_diff (before->interventions, after->interventions, intervention_diff),
       PMD_CHANGE_INTERVENTIONS);
  add (&flags, collection_diff (before->ranges, after->ranges, range_diff), PMD_CHANGE_RANGES);
  add (&flags, collection_diff (before->variants, after->variants, variant_diff), PMD_CHANGE_VARIANTS);
  add (&flags, collection_diff (before->actuals, after->actuals, actual_diff), PMD_CHANGE_ACTUALS);
  return flags;
}
