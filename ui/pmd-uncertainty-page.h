/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-uncertainty.h"

G_BEGIN_DECLS

#define PMD_TYPE_UNCERTAINTY_PAGE (pmd_uncertainty_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdUncertaintyPage, pmd_uncertainty_page, PMD, UNCERTAINTY_PAGE, AdwBin)

PmdUncertaintyPage  *pmd_uncertainty_page_new (PmdDocument *document);

/* For the tests. */
const PmdMonteCarlo *_pmd_uncertainty_page_get_result (PmdUncertaintyPage *self);
gboolean             _pmd_uncertainty_page_is_busy    (PmdUncertaintyPage *self);
void                 _pmd_uncertainty_page_set_runs   (PmdUncertaintyPage *self,
                                                       guint               runs);
guint                _pmd_uncertainty_page_get_job_runs    (PmdUncertaintyPage *self);
guint                _pmd_uncertainty_page_get_n_results   (PmdUncertaintyPage *self);
const GArray        *_pmd_uncertainty_page_get_swings      (PmdUncertaintyPage *self);
gboolean             _pmd_uncertainty_page_set_tornado     (PmdUncertaintyPage *self,
                                                            const char         *output,
                                                            int                 year);
GtkWidget           *_pmd_uncertainty_page_get_stop_button (PmdUncertaintyPage *self);

G_END_DECLS
