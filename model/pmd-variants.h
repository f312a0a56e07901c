/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-projection.h"

G_BEGIN_DECLS

/**
 * PmdVariantSet:
 * @n: the number of entries: the scenario as written, then each variant
 * @ids: (array length=n): NULL for the scenario as written, else the variant id
 * @names: (array length=n): names for people
 * @projections: (array length=n): their projections
 *
 * The scenario and all its variants projected, for comparing them.
 */
typedef struct
{
  guint           n;
  char          **ids;
  char          **names;
  PmdProjection **projections;
} PmdVariantSet;

PmdVariantSet *pmd_variant_set_new  (const PmdScenario *scenario,
                                     GError           **error);
void           pmd_variant_set_free (PmdVariantSet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdVariantSet, pmd_variant_set_free)

G_END_DECLS
