/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-param.h"
#include "pmd-projection.h"

G_BEGIN_DECLS

/* Monte Carlo runs made PMD_LANES at a time (pmd-lanes.c). */
#define PMD_LANES 8

typedef struct _PmdLanes PmdLanes;

PmdLanes *_pmd_lanes_new  (PmdScenario    *scenario,
                           const PmdParam *params,
                           const PmdRange *ranges,
                           const double   *modes,
                           guint           n_params,
                           GError        **error);
int       _pmd_lanes_run  (PmdLanes       *self,
                           guint32         seed,
                           guint           first,
                           guint           last,
                           double         *total,
                           double         *gap,
                           double         *savings,
                           int            *payback,
                           int            *bad_year);
void      _pmd_lanes_free (PmdLanes       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdLanes, _pmd_lanes_free)

G_END_DECLS
