/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-scenario.h"
#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-projection.h"
#include "pmd-scenario-private.h"

G_DEFINE_BOXED_TYPE (PmdScenario, pmd_scenario, pmd_scenario_copy, pmd_scenario_free)

/* Helpers */

static GHashTable *
sources_copy (GHashTable *sources)
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

static GArray *
year_values_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (PmdYearValue));
}

static GArray *
year_values_copy (GArray *array)
{
  GArray *copy = year_values_new ();

  if (array != NULL && array->len > 0)
    g_array_append_vals (copy, array->data, array->len);
  return copy;
}

static void
year_values_add (GArray *array,
                 int     year,
                 double  value)
{
  PmdYearValue yv = { year, value };
  g_array_append_val (array, yv);
}

static void
override_clear (gpointer data)
{
  PmdOverride *o = data;
  g_free (o->path);
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
  self->sources = sources_copy (l->sources);
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
  self->sources = sources_copy (d->sources);
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

PmdCohort *
pmd_cohort_new (const char *id,
                const char *name)
{
  PmdCohort *self = g_new0 (PmdCohort, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->points = year_values_new ();
  return self;
}

static PmdCohort *
cohort_copy (const PmdCohort *c)
{
  PmdCohort *self = g_new0 (PmdCohort, 1);
  self->id = g_strdup (c->id);
  self->name = g_strdup (c->name);
  self->points = year_values_copy (c->points);
  self->source = g_strdup (c->source);
  self->sources = sources_copy (c->sources);
  self->extra = g_strdup (c->extra);
  return self;
}

void
pmd_cohort_add_point (PmdCohort *self,
                      int        year,
                      double     value)
{
  g_return_if_fail (self != NULL);
  year_values_add (self->points, year, value);
}

void
pmd_cohort_free (PmdCohort *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_array_unref (self->points);
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
  self->steps = year_values_new ();
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
  self->steps = year_values_copy (l->steps);
  self->source = g_strdup (l->source);
  self->sources = sources_copy (l->sources);
  self->extra = g_strdup (l->extra);
  return self;
}

void
pmd_line_add_step (PmdLine *self,
                   int      year,
                   double   fraction)
{
  g_return_if_fail (self != NULL);
  year_values_add (self->steps, year, fraction);
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
  self->sources = sources_copy (i->sources);
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

PmdVariant *
pmd_variant_new (const char *id,
                 const char *name)
{
  PmdVariant *self = g_new0 (PmdVariant, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->overrides = g_array_new (FALSE, FALSE, sizeof (PmdOverride));
  g_array_set_clear_func (self->overrides, override_clear);
  return self;
}

static PmdVariant *
variant_copy (const PmdVariant *v)
{
  PmdVariant *self = pmd_variant_new (v->id, v->name);
  self->extra = g_strdup (v->extra);
  for (guint i = 0; i < v->overrides->len; i++)
    {
      const PmdOverride *o = &g_array_index (v->overrides, PmdOverride, i);
      pmd_variant_add_override (self, o->path, o->value);
    }
  return self;
}

void
pmd_variant_add_override (PmdVariant *self,
                          const char *path,
                          double      value)
{
  PmdOverride o;

  g_return_if_fail (self != NULL);
  g_return_if_fail (path != NULL);

  o.path = g_strdup (path);
  o.value = value;
  g_array_append_val (self->overrides, o);
}

void
pmd_variant_free (PmdVariant *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_array_unref (self->overrides);
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
  year_values_add (self->steps, year, amount);
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
  self->funding.steps = year_values_new ();
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
  copy_items (copy->cohorts, self->cohorts, (gpointer) cohort_copy);
  copy_items (copy->lines, self->lines, (gpointer) line_copy);
  copy_items (copy->interventions, self->interventions, (gpointer) intervention_copy);
  copy_items (copy->ranges, self->ranges, (gpointer) range_copy);
  copy_items (copy->variants, self->variants, (gpointer) variant_copy);
  copy_items (copy->actuals, self->actuals, (gpointer) actual_copy);
  copy->funding.base = self->funding.base;
  copy->funding.growth = self->funding.growth;
  g_array_unref (copy->funding.steps);
  copy->funding.steps = year_values_copy (self->funding.steps);
  copy->funding.source = g_strdup (self->funding.source);
  copy->funding.sources = sources_copy (self->funding.sources);
  copy->funding.extra = g_strdup (self->funding.extra);
  copy->sources = sources_copy (self->sources);
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

/**
 * pmd_cohort_value_at:
 * @self: a cohort with at least one point
 * @year: any year
 *
 * The cohort's size in @year: geometric between two points, the nearest
 * segment's yearly rate continued outside them, constant for a single point.
 *
 * Returns: the value, or NaN for a cohort without points
 */
double
pmd_cohort_value_at (const PmdCohort *self,
                     int              year)
{
  const PmdYearValue *p = (const PmdYearValue *) self->points->data;
  guint n = self->points->len;
  guint seg = 0;

  if (n == 0)
    return NAN;
  if (n == 1)
    return p[0].value;

  /* The segment [seg, seg+1] that holds the year, or the nearest one. */
  while (seg + 2 < n && year > p[seg + 1].year)
    seg++;

  if (year == p[seg].year)
    return p[seg].value;
  if (year == p[seg + 1].year)
    return p[seg + 1].value;

  return p[seg].value * pow (p[seg + 1].value / p[seg].value,
                             (double) (year - p[seg].year) / (double) (p[seg + 1].year - p[seg].year));
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

static gboolean
validate (PmdScenario *self,
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

  return validate (self, TRUE, error);
}

/**
 * pmd_scenario_apply_variant:
 * @self: a valid scenario
 * @variant_id: the id of one of its variants
 * @error: an unknown variant, or the rule the variant's values break
 *
 * Sets every override of the variant, in file order, through its parameter
 * path, then validates the result as a file is validated. A variant may set
 * a ranged parameter outside its range (a range describes the file's own
 * value). On failure @self may be partly changed: apply variants to a copy.
 */
gboolean
pmd_scenario_apply_variant (PmdScenario *self,
                            const char  *variant_id,
                            GError     **error)
{
  g_auto(PmdScenarioIndex) index = { 0 };
  g_autofree char *shown = NULL;
  PmdVariant *v;
  int idx;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (variant_id != NULL, FALSE);

  shown = pmd_format_escape_text (variant_id);
  _pmd_scenario_index_init (&index);
  _pmd_scenario_index_fill (&index, self);
  idx = _pmd_scenario_index_find (index.variants, variant_id);
  if (idx < 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                   _("the scenario has no variant “%s”"), shown);
      return FALSE;
    }
  v = g_ptr_array_index (self->variants, idx);

  for (guint k = 0; k < v->overrides->len; k++)
    {
      PmdOverride *o = &g_array_index (v->overrides, PmdOverride, k);
      PmdParam param;

      Check c = { error, TRUE };

      if (_pmd_scenario_lookup_param_indexed (self, &index, o->path, &param, error))
        check_override (&c, &param, o->path, o->value, idx);
      else
        c.ok = FALSE;
      if (!c.ok)
        {
          g_prefix_error (error, _("variant “%s”: "), shown);
          return FALSE;
        }
      pmd_param_set (&param, o->value);
    }

  /* The variant as a whole, as a file is checked: a share of 1,5 is
   * refused, and so is an end before the start. */
  if (!validate (self, FALSE, error))
    {
      g_prefix_error (error, _("variant “%s” ($.variants[%d]): "), shown, idx);
      return FALSE;
    }
  return TRUE;
}
