/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_INTERVENTIONS_PAGE (pmd_interventions_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdInterventionsPage, pmd_interventions_page, PMD, INTERVENTIONS_PAGE, AdwBin)

PmdInterventionsPage *pmd_interventions_page_new (PmdDocument *document);

/* For the tests: what typing into a field and pressing Enter does. */
gboolean _pmd_interventions_page_commit (PmdInterventionsPage *self,
                                         const char           *id,
                                         const char           *field,
                                         const char           *text,
                                         GError              **error);

gboolean _pmd_interventions_page_move   (PmdInterventionsPage *self,
                                         const char           *id,
                                         int                   delta,
                                         GError              **error);

G_END_DECLS
