/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-library.h"

G_BEGIN_DECLS

#define PMD_TYPE_ACTUALS_PAGE (pmd_actuals_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdActualsPage, pmd_actuals_page, PMD, ACTUALS_PAGE, AdwBin)

PmdActualsPage *pmd_actuals_page_new          (PmdDocument    *document);
PmdDocument    *pmd_actuals_page_get_document (PmdActualsPage *self);
void            pmd_actuals_page_set_document (PmdActualsPage *self,
                                               PmdDocument    *document);
PmdLibrary     *pmd_actuals_page_get_library  (PmdActualsPage *self);
void            pmd_actuals_page_set_library  (PmdActualsPage *self,
                                               PmdLibrary     *library);
void            pmd_actuals_page_reload       (PmdActualsPage *self);
gboolean        pmd_actuals_page_import_file  (PmdActualsPage *self,
                                               GFile          *file);
void            pmd_actuals_page_choose       (PmdActualsPage *self,
                                               const char     *name,
                                               int             version,
                                               int             year,
                                               int             month);

G_END_DECLS
