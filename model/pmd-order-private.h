/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Order statistics of the Monte Carlo's runs (pmd-order.c): a year's runs
 * sorted, or only the few order statistics a caller asked for. */

/* Scratch for one thread's selections of @n values; see pmd-order.c. */
typedef struct _PmdOrderScratch PmdOrderScratch;

PmdOrderScratch *_pmd_order_scratch_new   (guint            n);
void             _pmd_order_scratch_free  (PmdOrderScratch *scratch);

void             _pmd_order_sort          (double          *values,
                                           guint            n,
                                           PmdOrderScratch *scratch);
guint            _pmd_order_select        (const double    *values,
                                           guint            n,
                                           const guint     *ranks,
                                           guint            n_ranks,
                                           double          *found,
                                           PmdOrderScratch *scratch);
void             _pmd_order_select_in_place (double        *values,
                                             guint          n,
                                             guint          rank);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdOrderScratch, _pmd_order_scratch_free)

G_END_DECLS
