/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_HISTORY_POPOVER (pmd_history_popover_get_type ())
G_DECLARE_FINAL_TYPE (PmdHistoryPopover, pmd_history_popover, PMD, HISTORY_POPOVER, GtkPopover)

PmdDocument *pmd_history_popover_get_document (PmdHistoryPopover *self);
void         pmd_history_popover_set_document (PmdHistoryPopover *self,
                                               PmdDocument       *document);
GtkListBox  *pmd_history_popover_get_list     (PmdHistoryPopover *self);
void         pmd_history_popover_make_variant (PmdHistoryPopover *self,
                                               guint              index);

G_END_DECLS
