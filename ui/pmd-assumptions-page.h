/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_ASSUMPTIONS_PAGE (pmd_assumptions_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdAssumptionsPage, pmd_assumptions_page, PMD, ASSUMPTIONS_PAGE, AdwBin)

PmdAssumptionsPage *pmd_assumptions_page_new (PmdDocument *document);

/* For the tests: type into the field @title showing @current, press Enter. */
gboolean _pmd_assumptions_page_type (PmdAssumptionsPage *self,
                                     const char         *title,
                                     const char         *current,
                                     const char         *text);

gboolean _pmd_assumptions_page_add_remove (PmdAssumptionsPage *self,
                                           const char         *collection,
                                           const char         *id,
                                           GError            **error);

G_END_DECLS
