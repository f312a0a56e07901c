/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-compare.h"

G_BEGIN_DECLS

/* The compare page's tables, filled for any comparison: the library's
 * comparison of two versions shows them as the Vergelijken page does. */
void _pmd_compare_fill_assumptions (GtkGrid             *grid,
                                    const PmdComparison *comparison);
void _pmd_compare_fill_outcomes    (GtkGrid             *grid,
                                    const PmdComparison *comparison,
                                    const GArray        *years);

G_END_DECLS
