/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_LINES_PAGE (pmd_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdLinesPage, pmd_lines_page, PMD, LINES_PAGE, GtkBox)

PmdLinesPage *pmd_lines_page_new          (PmdDocument  *document);
PmdDocument  *pmd_lines_page_get_document (PmdLinesPage *self);
void          pmd_lines_page_set_document (PmdLinesPage *self,
                                           PmdDocument  *document);

G_END_DECLS
