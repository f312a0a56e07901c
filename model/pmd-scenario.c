/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-scenario.h"
#include "pmd-scenario-private.h"

/*
 * The scenario tree: its types, new, copy and free, and finding items by
 * id. Beside it: validation (pmd-scenario-validate.c), cohorts
 * (pmd-scenario-cohorts.c) and variants (pmd-scenario-variants.c).
 */

G_DEFINE_BOXED_TYPE (PmdScenario, pmd_scenario, pmd_scenario_copy, pmd_scenario_free)

/* Helpers */

GHashTable *
_pmd_sources_copy (GHashTable *sources)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (sources == NULL)
    return NULL;

  copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

GArray *
_pmd_year_values_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (PmdYearValue));
}

GArray *
_pmd_year_values_copy (GArray *array)
{
  GArray *copy = _pmd_year_values_new ();

  if (array != NULL && array->len > 0)
    g_array_append_vals (copy, array->data, array->len);
  return copy;
}

void
_pmd_year_values_add (GArray *array,
                      int     year,
                      double  value)
{
  PmdYearValue yv = { year, value };
  g_array_append_val (array, yv);
}

/**
 * pmd_sources_lookup:
 * @sources: (nullable): a provenance table
 * @field: a field name
 *
 * Returns: (nullable): the provenance text of @field
 */
const char *
pmd_sources_lookup (GHashTable *sources,
                    const char *field)
{
  if (sources == NULL)
    return NULL;
  return g_hash_table_lookup (sources, field);
}

void
pmd_sources_set (GHashTable **sources,
                 const char  *field,
                 const char  *text)
{
  g_return_if_fail (sources != NULL);
  g_return_if_fail (field != NULL);

  if (text == NULL)
    {
      if (*sources != NULL)
        g_hash_table_remove (*sources, field);
      return;
    }
  if (*sources == NULL)
    *sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (*sources, g_strdup (field), g_strdup (text));
}

gboolean
pmd_is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
      return FALSE;
  return TRUE;
}

/* Entities */

PmdLayer *
pmd_layer_new (const char *id,
               const char *name)
{
  PmdLayer *self = g_new0 (PmdLayer, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return self;
}

static PmdLayer *
layer_copy (const PmdLayer *l)
{
  PmdLayer *self = pmd_layer_new (l->id, l->name);
  self->color = g_strdup (l->color);
  self->source = g_strdup (l->source);
  self->sources = _pmd_sources_copy (l->sources);
  self->extra = g_strdup (l->extra);
  return self;
}

void
pmd_layer_free (PmdLayer *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->color);
  g_free (self->source);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_free (self->extra);
  g_free (self);
}

PmdDomain *
pmd_domain_new (const char *id,
                const char *name)
{
  PmdDomain *self = g_new0 (PmdDomain, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return self;
}

static PmdDomain *
domain_copy (const PmdDomain *d)
{
  PmdDomain *self = pmd_domain_new (d->id, d->name);
  self->source = g_strdup (d->source);
  self->sources = _pmd_sources_copy (d->sources);
  self->extra = g_strdup (d->extra);
  return self;
}

void
pmd_domain_free (PmdDomain *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->source);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_free (self->extra);
  g_free (self);
}

PmdLine *
pmd_line_new (const char *id,
              const char *name,
              const char *layer,
              const char *domain,
              double      base_cost)
{
  PmdLine *self = g_new0 (PmdLine, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->layer = g_strdup (layer);
  self->domain = g_strdup (domain);
  self->base_cost = base_cost;
  self->elasticity = 1.0;
  self->steps = _pmd_year_values_new ();
  self->layer_idx = -1;
  self->domain_idx = -1;
  self->driver_idx = -1;
  return self;
}

static PmdLine *
line_copy (const PmdLine *l)
{
  PmdLine *self = g_new0 (PmdLine, 1);
  *self = *l;
  self->id = g_strdup (l->id);
  self->name = g_strdup (l->name);
  self->layer = g_strdup (l->layer);
  self->domain = g_strdup (l->domain);
  self->driver = g_strdup (l->driver);
  self->steps = _pmd_year_values_copy (l->steps);
  self->source = g_strdup (l->source);
  self->sources = _pmd_sources_copy (l->sources);
  self->extra = g_strdup (l->extra);
  return self;
}

void
pmd_line_add_step (PmdLine *self,
                   int      year,
                   double   fraction)
{
  g_return_if_fail (self != NULL);
  _pmd_year_values_add (self->steps, year, fraction);
}

void
pmd_line_free (PmdLine *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->layer);
  g_free (self->domain);
  g_free (self->driver);
  g_array_unref (self->steps);
  g_free (self->source);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_free (self->extra);
  g_free (self);
}

PmdIntervention *
pmd_intervention_new (const char         *id,
                      PmdInterventionType type,
                      const char         *source,
                      const char         *target,
                      int                 start)
{
  PmdIntervention *self = g_new0 (PmdIntervention, 1);
  self->id = g_strdup (id);
  self->type = type;
  self->source = g_strdup (source);
  self->target = g_strdup (target);
  self->start = start;
  self->end = start;
  self->has_end = FALSE;
  self->ramp_years = 1;
  self->enabled = TRUE;
  self->source_idx = -1;
  self->target_idx = -1;
  return self;
}

static PmdIntervention *
intervention_copy (const PmdIntervention *i)
{
  PmdIntervention *self = g_new0 (PmdIntervention, 1);
  *self = *i;
  self->id = g_strdup (i->id);
  self->name = g_strdup (i->name);
  self->source = g_strdup (i->source);
  self->target = g_strdup (i->target);
  self->sources = _pmd_sources_copy (i->sources);
  self->extra = g_strdup (i->extra);
  return self;
}

void
pmd_intervention_free (PmdIntervention *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->source);
  g_free (self->target);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_free (self->extra);
  g_free (self);
}

PmdActual *
pmd_actual_new (const char *line,
                int         year,
                double      cost)
{
  PmdActual *self = g_new0 (PmdActual, 1);
  self->line = g_strdup (line);
  self->year = year;
  self->cost = cost;
  return self;
}

static PmdActual *
actual_copy (const PmdActual *a)
{
  PmdActual *self = pmd_actual_new (a->line, a->year, a->cost);
  self->source = g_strdup (a->source);
  self->extra = g_strdup (a->extra);
  return self;
}

void
pmd_actual_free (PmdActual *self)
{
  if (self == NULL)
    return;
  g_free (self->line);
  g_free (self->source);
  g_free (self->extra);
  g_free (self);
}

PmdRange *
pmd_range_new (const char *path,
               double      low,
               double      high)
{
  PmdRange *self = g_new0 (PmdRange, 1);
  self->path = g_strdup (path);
  self->low = low;
  self->high = high;
  return self;
}

static PmdRange *
range_copy (const PmdRange *r)
{
  return pmd_range_new (r->path, r->low, r->high);
}

void
pmd_range_free (PmdRange *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self);
}

void
pmd_funding_add_step (PmdFunding *self,
                      int         year,
                      double      amount)
{
  g_return_if_fail (self != NULL);
  _pmd_year_values_add (self->steps, year, amount);
}

/* Scenario */

PmdScenario *
pmd_scenario_new (void)
{
  PmdScenario *self = g_new0 (PmdScenario, 1);

  self->version = PMD_SCENARIO_VERSION;
  self->name = g_strdup ("");
  self->base_year = 2026;
  self->horizon = 20;
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_layer_free);
  self->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_domain_free);
  self->cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_cohort_free);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_line_free);
  self->interventions = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_intervention_free);
  self->ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_range_free);
  self->variants = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_variant_free);
  self->actuals = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_actual_free);
  self->funding.steps = _pmd_year_values_new ();
  return self;
}

static void
copy_items (GPtrArray *to,
            GPtrArray *from,
            gpointer (*copy) (gconstpointer))
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, copy (g_ptr_array_index (from, i)));
}

PmdScenario *
pmd_scenario_copy (const PmdScenario *self)
{
  PmdScenario *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pmd_scenario_new ();
  g_free (copy->name);
  copy->version = self->version;
  copy->name = g_strdup (self->name);
  copy->municipality = g_strdup (self->municipality);
  copy->notes = g_strdup (self->notes);
  copy->base_year = self->base_year;
  copy->horizon = self->horizon;
  copy->indexation = self->indexation;
  copy->discount_rate = self->discount_rate;
  copy_items (copy->layers, self->layers, (gpointer) layer_copy);
  copy_items (copy->domains, self->domains, (gpointer) domain_copy);
  copy_items (copy->cohorts, self->cohorts, (gpointer) _pmd_cohort_copy);
  copy_items (copy->lines, self->lines, (gpointer) line_copy);
  copy_items (copy->interventions, self->interventions, (gpointer) intervention_copy);
  copy_items (copy->ranges, self->ranges, (gpointer) range_copy);
  copy_items (copy->variants, self->variants, (gpointer) _pmd_variant_copy);
  copy_items (copy->actuals, self->actuals, (gpointer) actual_copy);
  copy->funding.base = self->funding.base;
  copy->funding.growth = self->funding.growth;
  g_array_unref (copy->funding.steps);
  copy->funding.steps = _pmd_year_values_copy (self->funding.steps);
  copy->funding.source = g_strdup (self->funding.source);
  copy->funding.sources = _pmd_sources_copy (self->funding.sources);
  copy->funding.extra = g_strdup (self->funding.extra);
  copy->sources = _pmd_sources_copy (self->sources);
  copy->extra = g_strdup (self->extra);
  return copy;
}

void
pmd_scenario_free (PmdScenario *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->municipality);
  g_free (self->notes);
  g_ptr_array_unref (self->layers);
  g_ptr_array_unref (self->domains);
  g_ptr_array_unref (self->cohorts);
  g_ptr_array_unref (self->lines);
  g_ptr_array_unref (self->interventions);
  g_ptr_array_unref (self->ranges);
  g_ptr_array_unref (self->variants);
  g_ptr_array_unref (self->actuals);
  g_array_unref (self->funding.steps);
  g_free (self->funding.source);
  g_clear_pointer (&self->funding.sources, g_hash_table_unref);
  g_free (self->funding.extra);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_free (self->extra);
  g_free (self);
}

/* Every entity struct starts with its `char *id`, so one lookup serves all. */
static int
find_id (GPtrArray  *items,
         const char *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < items->len; i++)
    {
      char **item_id = g_ptr_array_index (items, i);
      if (g_strcmp0 (*item_id, id) == 0)
        return (int) i;
    }
  return -1;
}

int
pmd_scenario_find_layer (const PmdScenario *self,
                         const char        *id)
{
  return find_id (self->layers, id);
}

int
pmd_scenario_find_domain (const PmdScenario *self,
                          const char        *id)
{
  return find_id (self->domains, id);
}

int
pmd_scenario_find_cohort (const PmdScenario *self,
                          const char        *id)
{
  return find_id (self->cohorts, id);
}

int
pmd_scenario_find_line (const PmdScenario *self,
                        const char        *id)
{
  return find_id (self->lines, id);
}

int
pmd_scenario_find_intervention (const PmdScenario *self,
                                const char        *id)
{
  return find_id (self->interventions, id);
}

int
pmd_scenario_find_variant (const PmdScenario *self,
                           const char        *id)
{
  return find_id (self->variants, id);
}

/**
 * pmd_scenario_has_interventions:
 *
 * Returns: whether any intervention is switched on: without one there is
 *   nothing to save and nothing to pay back
 */
gboolean
pmd_scenario_has_interventions (const PmdScenario *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = 0; k < self->interventions->len; k++)
    if (((PmdIntervention *) g_ptr_array_index (self->interventions, k))->enabled)
      return TRUE;
  return FALSE;
}

int
pmd_scenario_get_end_year (const PmdScenario *self)
{
  return self->base_year + self->horizon;
}

int
pmd_scenario_get_n_years (const PmdScenario *self)
{
  return self->horizon + 1;
}

/* The index */

void
_pmd_scenario_index_init (PmdScenarioIndex *index)
{
  index->layers = g_hash_table_new (g_str_hash, g_str_equal);
  index->domains = g_hash_table_new (g_str_hash, g_str_equal);
  index->cohorts = g_hash_table_new (g_str_hash, g_str_equal);
  index->lines = g_hash_table_new (g_str_hash, g_str_equal);
  index->interventions = g_hash_table_new (g_str_hash, g_str_equal);
  index->variants = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_pmd_scenario_index_clear (PmdScenarioIndex *index)
{
  g_clear_pointer (&index->layers, g_hash_table_unref);
  g_clear_pointer (&index->domains, g_hash_table_unref);
  g_clear_pointer (&index->cohorts, g_hash_table_unref);
  g_clear_pointer (&index->lines, g_hash_table_unref);
  g_clear_pointer (&index->interventions, g_hash_table_unref);
  g_clear_pointer (&index->variants, g_hash_table_unref);
}

/* Adds @id at @position unless it is there already. Returns the position
 * it already had, or -1. Positions are stored plus one: NULL is "absent". */
int
_pmd_scenario_index_add (GHashTable *table,
                         const char *id,
                         guint       position)
{
  gpointer found;

  if (id == NULL)
    return -1;
  found = g_hash_table_lookup (table, id);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  g_hash_table_insert (table, (gpointer) id, GINT_TO_POINTER (position + 1));
  return -1;
}

int
_pmd_scenario_index_find (GHashTable *table,
                          const char *id)
{
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (table, id)) - 1;
}

static void
index_items (GHashTable *table,
             GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    _pmd_scenario_index_add (table, *(char **) g_ptr_array_index (items, i), i);
}

void
_pmd_scenario_index_fill (PmdScenarioIndex  *index,
                          const PmdScenario *self)
{
  index_items (index->layers, self->layers);
  index_items (index->domains, self->domains);
  index_items (index->cohorts, self->cohorts);
  index_items (index->lines, self->lines);
  index_items (index->interventions, self->interventions);
  index_items (index->variants, self->variants);
}
