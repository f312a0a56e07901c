/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_INTERVENTIONS_PAGE (pmd_interventions_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdInterventionsPage, pmd_interventions_page, PMD, INTERVENTIONS_PAGE, AdwBin)

PmdInterventionsPage *pmd_interventions_page_new          (PmdDocument          *document);
PmdDocument          *pmd_interventions_page_get_document (PmdInterventionsPage *self);
void                  pmd_interventions_page_set_document (PmdInterventionsPage *self,
                                                           PmdDocument          *document);

G_END_DECLS
