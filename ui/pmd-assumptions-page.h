/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_ASSUMPTIONS_PAGE (pmd_assumptions_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdAssumptionsPage, pmd_assumptions_page, PMD, ASSUMPTIONS_PAGE, AdwBin)

PmdAssumptionsPage *pmd_assumptions_page_new          (PmdDocument        *document);
PmdDocument        *pmd_assumptions_page_get_document (PmdAssumptionsPage *self);
void                pmd_assumptions_page_set_document (PmdAssumptionsPage *self,
                                                       PmdDocument        *document);

G_END_DECLS
