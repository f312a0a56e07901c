/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-variants.h"

void
pmd_variant_set_free (PmdVariantSet *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n; i++)
    {
      g_free (self->ids[i]);
      g_free (self->names[i]);
      pmd_projection_free (self->projections[i]);
    }
  g_free (self->ids);
  g_free (self->names);
  g_free (self->projections);
  g_free (self);
}

/**
 * pmd_variant_set_new:
 * @scenario: a valid scenario
 * @error: a variant that does not apply
 *
 * Returns: (transfer full) (nullable): the scenario as written and each of
 *   its variants, projected
 */
PmdVariantSet *
pmd_variant_set_new (const PmdScenario *scenario,
                     GError           **error)
{
  g_autoptr(PmdVariantSet) self = g_new0 (PmdVariantSet, 1);
  guint n = scenario->variants->len + 1;

  self->ids = g_new0 (char *, n);
  self->names = g_new0 (char *, n);
  self->projections = g_new0 (PmdProjection *, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmdScenario) copy = pmd_scenario_copy (scenario);
      const PmdVariant *v = i > 0 ? g_ptr_array_index (scenario->variants, i - 1) : NULL;

      if (v != NULL && !pmd_scenario_apply_variant (copy, v->id, error))
        return NULL;
      if (v == NULL && !pmd_scenario_resolve (copy, error))
        return NULL;
      self->projections[i] = pmd_project (copy, error);
      if (self->projections[i] == NULL)
        return NULL;
      self->ids[i] = v ? g_strdup (v->id) : NULL;
      self->names[i] = g_strdup (v ? v->name : _("As written"));
      self->n = i + 1;
    }
  return g_steal_pointer (&self);
}
