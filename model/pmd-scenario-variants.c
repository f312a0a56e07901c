/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-scenario.h"
#include "pmd-scenario-private.h"

/* Variants: named sets of overrides by parameter path, and applying one. */

static void
override_clear (gpointer data)
{
  PmdOverride *o = data;
  g_free (o->path);
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

PmdVariant *
_pmd_variant_copy (const PmdVariant *v)
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

      if (!_pmd_scenario_lookup_param_indexed (self, &index, o->path, &param, error) ||
          !_pmd_scenario_check_override (&param, o->path, o->value, idx, error))
        {
          g_prefix_error (error, _("variant “%s”: "), shown);
          return FALSE;
        }
      pmd_param_set (&param, o->value);
    }

  /* The variant as a whole, as a file is checked: a share of 1,5 is
   * refused, and so is an end before the start. */
  if (!_pmd_scenario_validate (self, FALSE, error))
    {
      g_prefix_error (error, _("variant “%s” ($.variants[%d]): "), shown, idx);
      return FALSE;
    }
  return TRUE;
}
