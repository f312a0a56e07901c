/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-window.h"
#include "pmd-lines-page.h"
#include "pmd-interventions-page.h"
#include "pmd-uncertainty-page.h"
#include "pmd-compare-page.h"
#include "pmd-assumptions-page.h"
#include "pmd-actuals-page.h"

G_BEGIN_DECLS

/* What the UI tests and benchmarks touch and read, as a user would. Built
 * only into them: the program has none of it. */
GtkRange             *_pmd_window_get_lever              (PmdWindow  *self,
                                                          const char *path,
                                                          gboolean    meeting);
const char           *_pmd_window_get_card_value         (PmdWindow  *self,
                                                          guint       index);
const char           *_pmd_window_get_card_title         (PmdWindow  *self,
                                                          guint       index);
GtkSpinButton        *_pmd_window_get_year_spin          (PmdWindow  *self);
void                  _pmd_window_set_year               (PmdWindow  *self,
                                                          int         year);
gboolean              _pmd_window_in_meeting             (PmdWindow  *self);
GtkDropDown          *_pmd_window_get_variant_dropdown   (PmdWindow  *self);
PmdLinesPage         *_pmd_window_get_lines_page         (PmdWindow  *self);
PmdInterventionsPage *_pmd_window_get_interventions_page (PmdWindow  *self);
PmdUncertaintyPage   *_pmd_window_get_uncertainty_page   (PmdWindow  *self);
PmdComparePage       *_pmd_window_get_compare_page       (PmdWindow  *self);
PmdAssumptionsPage   *_pmd_window_get_assumptions_page   (PmdWindow  *self);
PmdActualsPage       *_pmd_window_get_actuals_page       (PmdWindow  *self);
GtkWindow            *_pmd_window_get_library_window     (PmdWindow  *self);
const char           *_pmd_window_get_page_title         (PmdWindow  *self);
void                  _pmd_window_show_page              (PmdWindow  *self,
                                                          const char *name);
void                  _pmd_window_new_variant            (PmdWindow  *self,
                                                          const char *name);
GtkWidget            *_pmd_window_get_card               (PmdWindow  *self,
                                                          guint       index);
GtkWidget            *_pmd_window_get_explain_popover    (PmdWindow  *self);
GtkWidget            *_pmd_window_get_history_popover    (PmdWindow  *self);
GtkWidget            *_pmd_window_get_history_button     (PmdWindow  *self);
GtkWidget            *_pmd_window_get_chart              (PmdWindow  *self,
                                                          const char *name);

G_END_DECLS
