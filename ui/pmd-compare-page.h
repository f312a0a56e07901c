/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-compare.h"

G_BEGIN_DECLS

#define PMD_TYPE_COMPARE_PAGE (pmd_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdComparePage, pmd_compare_page, PMD, COMPARE_PAGE, AdwBin)

PmdComparePage *pmd_compare_page_new          (PmdDocument    *document);
PmdDocument    *pmd_compare_page_get_document (PmdComparePage *self);
void            pmd_compare_page_set_document (PmdComparePage *self,
                                               PmdDocument    *document);
gboolean        pmd_compare_page_add_file (PmdComparePage *self,
                                           const char     *path,
                                           GError        **error);

char           *pmd_compare_page_get_tables_text (PmdComparePage *self);
gboolean        pmd_compare_page_save_csv        (PmdComparePage *self,
                                                  const char     *path,
                                                  GError        **error);

G_END_DECLS
