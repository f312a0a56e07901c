/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_LINES_PAGE (pmd_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (PmdLinesPage, pmd_lines_page, PMD, LINES_PAGE, GtkBox)

PmdLinesPage *pmd_lines_page_new        (PmdDocument *document);

/* For the tests: commit text typed into a cell, as the editable label does. */
gboolean      _pmd_lines_page_commit    (PmdLinesPage *self,
                                         guint         line,
                                         const char   *field,
                                         const char   *text,
                                         GError      **error);
GtkColumnView *_pmd_lines_page_get_view (PmdLinesPage *self);
gboolean      _pmd_lines_page_choose    (PmdLinesPage *self,
                                         guint         line,
                                         const char   *what,
                                         int           index,
                                         GError      **error);

G_END_DECLS
