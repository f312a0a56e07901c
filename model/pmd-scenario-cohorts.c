/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pmd-scenario.h"
#include "pmd-scenario-private.h"

/* Cohorts, the demographic drivers: their points and their size in any
 * year (DESIGN.md §2). */

PmdCohort *
pmd_cohort_new (const char *id,
                const char *name)
{
  PmdCohort *self = g_new0 (PmdCohort, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->points = _pmd_year_values_new ();
  return self;
}

PmdCohort *
_pmd_cohort_copy (const PmdCohort *c)
{
  PmdCohort *self = g_new0 (PmdCohort, 1);
  self->id = g_strdup (c->id);
  self->name = g_strdup (c->name);
  self->points = _pmd_year_values_copy (c->points);
  self->source = g_strdup (c->source);
  self->sources = _pmd_sources_copy (c->sources);
  self->extra = g_strdup (c->extra);
  return self;
}

void
pmd_cohort_add_point (PmdCohort *self,
                      int        year,
                      double     value)
{
  g_return_if_fail (self != NULL);
  _pmd_year_values_add (self->points, year, value);
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
