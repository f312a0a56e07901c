/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "pmd-compare.h"
#include "pmd-format.h"
#include "pmd-error.h"
#include "pmd-param.h"

static void
entry_clear (gpointer data)
{
  PmdCompareEntry *e = data;

  g_free (e->name);
  g_free (e->file);
  g_free (e->variant);
  pmd_scenario_free (e->scenario);
  pmd_projection_free (e->projection);
}

PmdComparison *
pmd_comparison_new (void)
{
  PmdComparison *self = g_new0 (PmdComparison, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (PmdCompareEntry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

void
pmd_comparison_free (PmdComparison *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/**
 * pmd_comparison_add:
 * @scenario: a scenario; it is copied
 * @variant: (nullable): the variant to apply; NULL: as written
 * @file: (nullable): where it came from, for people
 * @error: the variant does not exist or does not apply
 *
 * Returns: %TRUE when the entry was added
 */
gboolean
pmd_comparison_add (PmdComparison     *self,
                    const PmdScenario *scenario,
                    const char        *variant,
                    const char        *file,
                    GError           **error)
{
  g_autoptr(PmdScenario) copy = pmd_scenario_copy (scenario);
  PmdCompareEntry e = { 0 };
  int idx = -1;

  if (variant != NULL)
    {
      idx = pmd_scenario_find_variant (copy, variant);
      if (idx < 0)
        {
          g_autofree char *shown = pmd_format_escape_text (variant);
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE, _("There is no variant “%s”"), shown);
          return FALSE;
        }
      if (!pmd_scenario_apply_variant (copy, variant, error))
        return FALSE;
    }
  else if (!pmd_scenario_resolve (copy, error))
    return FALSE;

  e.projection = pmd_project (copy, error);
  if (e.projection == NULL)
    return FALSE;
  e.name = g_strdup (idx >= 0 ? ((PmdVariant *) g_ptr_array_index (copy->variants, idx))->name : copy->name);
  e.file = g_strdup (file);
  e.variant = g_strdup (variant);
  e.scenario = g_steal_pointer (&copy);
  g_array_append_val (self->entries, e);
  return TRUE;
}

/**
 * pmd_comparison_new_variants:
 * @scenario: a scenario as written, with no variant applied
 * @error: a variant that does not apply
 *
 * The scenario as written (named “As written”), then each of its variants
 * in file order: what the variants chart and the report compare, whichever
 * variant is shown. Pass the scenario as written (the document's scenario,
 * not its effective one) or “As written” is that variant.
 *
 * Returns: (transfer full) (nullable): the comparison
 */
PmdComparison *
pmd_comparison_new_variants (const PmdScenario *scenario,
                             GError           **error)
{
  g_autoptr(PmdComparison) self = pmd_comparison_new ();
  PmdCompareEntry *written;

  g_return_val_if_fail (scenario != NULL, NULL);

  if (!pmd_comparison_add (self, scenario, NULL, NULL, error))
    return NULL;
  written = &g_array_index (self->entries, PmdCompareEntry, 0);
  g_free (written->name);
  written->name = g_strdup (_("As written"));
  for (guint i = 0; i < scenario->variants->len; i++)
    {
      const PmdVariant *v = g_ptr_array_index (scenario->variants, i);

      if (!pmd_comparison_add (self, scenario, v->id, NULL, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

guint
pmd_comparison_get_n (const PmdComparison *self)
{
  return self->entries->len;
}

const PmdCompareEntry *
pmd_comparison_get (const PmdComparison *self,
                    guint                i)
{
  g_return_val_if_fail (i < self->entries->len, NULL);
  return &g_array_index (self->entries, PmdCompareEntry, i);
}

void
pmd_compare_difference_free (PmdCompareDifference *difference)
{
  g_free (difference->path);
  g_free (difference->values);
  g_free (difference);
}

static gboolean
same_value (double a,
            double b)
{
  return a == b || (isnan (a) && isnan (b));
}

/**
 * pmd_compare_difference_stands_out:
 * @i: an entry
 *
 * Returns: whether entry @i's value is not the first entry's (a missing
 *   value in both is the same)
 */
gboolean
pmd_compare_difference_stands_out (const PmdCompareDifference *difference,
                                   guint                       i)
{
  return !same_value (difference->values[i], difference->values[0]);
}

/**
 * pmd_comparison_differences:
 *
 * The assumptions that differ: every parameter of the first entry whose
 * value is not the same in all entries, in file order.
 *
 * Returns: (transfer container) (element-type PmdCompareDifference)
 */
GPtrArray *
pmd_comparison_differences (const PmdComparison *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_compare_difference_free);
  g_autoptr(GPtrArray) paths = NULL;
  guint n = self->entries->len;

  if (n == 0)
    return out;
  paths = pmd_scenario_list_params (pmd_comparison_get (self, 0)->scenario);
  for (guint k = 0; k < paths->len; k++)
    {
      const char *path = g_ptr_array_index (paths, k);
      g_autofree double *values = g_new (double, n);
      gboolean differs = FALSE;

      for (guint i = 0; i < n; i++)
        {
          if (!pmd_scenario_get_param (pmd_comparison_get (self, i)->scenario, path, &values[i], NULL))
            values[i] = NAN;
          if (!same_value (values[i], values[0]))
            differs = TRUE;
        }
      if (differs)
        {
          PmdCompareDifference *d = g_new (PmdCompareDifference, 1);

          d->path = g_strdup (path);
          d->values = g_steal_pointer (&values);
          g_ptr_array_add (out, d);
        }
    }
  return out;
}

/**
 * pmd_comparison_difference:
 * @i: an entry
 * @year: a year
 *
 * Returns: entry @i's total cost in @year minus the first entry's; NaN
 *   when either does not project @year
 */
double
pmd_comparison_difference (const PmdComparison *self,
                           guint                i,
                           int                  year)
{
  const PmdProjection *first = pmd_comparison_get (self, 0)->projection;
  const PmdProjection *p = pmd_comparison_get (self, i)->projection;
  int t0 = pmd_projection_year_index (first, year);
  int t = pmd_projection_year_index (p, year);

  if (t0 < 0 || t < 0)
    return NAN;
  return p->total_scenario[t] - first->total_scenario[t0];
}
