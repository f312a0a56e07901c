/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-explain.h"

G_BEGIN_DECLS

#define PMD_TYPE_EXPLAIN_POPOVER (pmd_explain_popover_get_type ())
G_DECLARE_FINAL_TYPE (PmdExplainPopover, pmd_explain_popover, PMD, EXPLAIN_POPOVER, GtkPopover)

GtkWidget            *pmd_explain_popover_new              (void);
gboolean              pmd_explain_popover_explain          (PmdExplainPopover   *self,
                                                            const PmdScenario   *scenario,
                                                            const PmdProjection *projection,
                                                            const char          *figure,
                                                            int                  year,
                                                            GError             **error);
const PmdExplanation *pmd_explain_popover_get_explanation  (PmdExplainPopover   *self);
GtkWidget            *pmd_explain_popover_find_jump        (PmdExplainPopover   *self,
                                                            const char          *path);

G_END_DECLS
