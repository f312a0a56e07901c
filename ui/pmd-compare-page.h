/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-compare.h"

G_BEGIN_DECLS

#define PMD_TYPE_COMPARE_PAGE (pmd_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdComparePage, pmd_compare_page, PMD, COMPARE_PAGE, AdwBin)

PmdComparePage *pmd_compare_page_new      (PmdDocument    *document);
gboolean        pmd_compare_page_add_file (PmdComparePage *self,
                                           const char     *path,
                                           GError        **error);

char           *pmd_compare_page_get_tables_text (PmdComparePage *self);
gboolean        pmd_compare_page_save_csv        (PmdComparePage *self,
                                                  const char     *path,
                                                  GError        **error);

/* For the tests. */
const PmdComparison *_pmd_compare_page_get_comparison (PmdComparePage *self);
guint           _pmd_compare_page_get_n_choices (PmdComparePage *self);
GtkCheckButton *_pmd_compare_page_get_choice    (PmdComparePage *self,
                                                 guint           i);
GtkEditable    *_pmd_compare_page_get_years     (PmdComparePage *self);
const char     *_pmd_compare_page_get_cell      (PmdComparePage *self,
                                                 guint           table,
                                                 int             column,
                                                 int             row,
                                                 gboolean       *highlighted);

G_END_DECLS
