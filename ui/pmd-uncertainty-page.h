/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-uncertainty.h"

G_BEGIN_DECLS

#define PMD_TYPE_UNCERTAINTY_PAGE (pmd_uncertainty_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdUncertaintyPage, pmd_uncertainty_page, PMD, UNCERTAINTY_PAGE, AdwBin)

PmdUncertaintyPage  *pmd_uncertainty_page_new          (PmdDocument        *document);
PmdDocument         *pmd_uncertainty_page_get_document (PmdUncertaintyPage *self);
void                 pmd_uncertainty_page_set_document (PmdUncertaintyPage *self,
                                                        PmdDocument        *document);
gboolean             pmd_uncertainty_page_get_busy     (PmdUncertaintyPage *self);
const PmdMonteCarlo *pmd_uncertainty_page_get_result   (PmdUncertaintyPage *self);
const GArray        *pmd_uncertainty_page_get_swings   (PmdUncertaintyPage *self);
const char          *pmd_uncertainty_page_get_sentences (PmdUncertaintyPage *self);

G_END_DECLS
