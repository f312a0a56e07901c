/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The window's parts share its struct, as GNOME Text Editor's do: the window
 * itself (pmd-window.c), its actions (pmd-window-actions.c), the levers
 * (pmd-window-levers.c), files (pmd-window-files.c), dropped files
 * (pmd-window-dnd.c), meeting mode (pmd-window-meeting.c), the library and
 * the Realisatie page (pmd-window-library.c), printing and the
 * report (pmd-print-operation.c). Nothing outside ui/ includes this, but the
 * tests' hooks (tests/pmd-window-test-hooks.c).
 */

#include "pmd-window.h"
#include "pmd-chart-view.h"
#include "pmd-lines-page.h"
#include "pmd-interventions-page.h"
#include "pmd-uncertainty-page.h"
#include "pmd-compare-page.h"
#include "pmd-assumptions-page.h"
#include "pmd-actuals-page.h"
#include "pmd-history-popover.h"

G_BEGIN_DECLS

typedef struct
{
  PmdWindow  *window;
  char       *path;
  const PmdParamFacts *facts;  /* unit, decimals and step: the parameter table */
  GtkRange   *scale;
  GtkLabel   *value;
  gulong      handler;
} Lever;

typedef struct
{
  GtkLabel *title;
  GtkLabel *value;
  GtkLabel *detail;
  GtkWidget *box;
} Card;

typedef void (*ContinueFunc) (PmdWindow *self);

struct _PmdWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *mode_stack;
  AdwWindowTitle  *window_title;
  GtkDropDown     *variant_dropdown;
  GtkBox          *levers_box;
  GtkSpinButton   *year_spin;
  int              chosen_year;   /* the year the user chose, kept while the horizon is shorter */
  gboolean         setting_year;  /* the year is being set to fit the horizon */
  GtkFlowBox      *cards_box;
  AdwViewStack    *view_stack;
  GtkWidget       *sidebar;       /* the levers, beside the pages that show figures */
  PmdChartView    *curves_view;
  PmdChartView    *pyramid_view;
  PmdChartView    *bridge_view;
  PmdChartView    *savings_view;
  PmdChartView    *variants_view;
  GtkScrolledWindow *lines_scroller;
  GtkLabel        *meeting_title;
  GtkLabel        *meeting_variant;
  GtkFlowBox      *meeting_cards;
  PmdChartView    *meeting_chart;
  GtkBox          *meeting_levers;
  GMenu           *recent_section;
  PmdHistoryPopover *history_popover;
  GtkLabel        *meeting_uncertainty;
  GtkWidget       *explain_popover;  /* made when first asked for */

  PmdSession      *session;
  PmdDocument     *document;      /* the session's, for its whole life */
  GSettings       *settings;
  PmdLinesPage    *lines_page;
  PmdInterventionsPage *interventions_page;
  PmdUncertaintyPage *uncertainty_page;
  PmdComparePage  *compare_page;
  int              size_before_meeting[2];
  PmdAssumptionsPage *assumptions_page;
  PmdActualsPage  *actuals_page;
  GtkWindow       *library_window;  /* a weak pointer: while it is open */

  GPtrArray       *levers;        /* Lever */
  gboolean         levers_stale;  /* the levers are built again on the next update */
  char            *variant_shape;
  gulong           variant_handler;
  Card             cards[4];
  Card             big_cards[4];

  ContinueFunc     pending;       /* after "save changes?" is answered */
  GFile           *pending_file;  /* to open once that is answered */
  char            *pending_ref;   /* a library version, likewise */
  gboolean         closing;
};

/* pmd-window.c */
void     _pmd_window_update_all             (PmdWindow   *self);
void     _pmd_window_error_dialog           (PmdWindow   *self,
                                             const char  *heading,
                                             const char  *body);

/* pmd-window-actions.c */
void     _pmd_window_class_add_actions      (GtkWidgetClass *widget_class);

/* pmd-window-levers.c */
void     _pmd_window_init_levers            (PmdWindow   *self);
void     _pmd_window_update_levers          (PmdWindow   *self);

/* pmd-window-files.c */
void     _pmd_window_init_files             (PmdWindow   *self);
void     _pmd_window_new_scenario           (PmdWindow   *self,
                                             const char  *bundled);
void     _pmd_window_open                   (PmdWindow   *self);
void     _pmd_window_save                   (PmdWindow   *self);
void     _pmd_window_save_as                (PmdWindow   *self);
gboolean _pmd_window_close_request          (GtkWindow   *window);

/* pmd-window-library.c */
void     _pmd_window_init_library           (PmdWindow   *self);
void     _pmd_window_dispose_library        (PmdWindow   *self);
void     _pmd_window_save_to_library        (PmdWindow   *self);
void     _pmd_window_show_library           (PmdWindow   *self);

/* pmd-window-dnd.c */
void     _pmd_window_init_dnd               (PmdWindow   *self);

/* pmd-window-explain.c */
void     _pmd_window_init_explain           (PmdWindow   *self);
void     _pmd_window_dispose_explain        (PmdWindow   *self);
void     _pmd_window_explain                (PmdWindow   *self,
                                             GtkWidget   *anchor,
                                             const char  *figure,
                                             int          year);
void     _pmd_window_class_add_explain_actions (GtkWidgetClass *widget_class);
void     _pmd_window_jump_to_input          (PmdWindow   *self,
                                             const char  *path);

/* pmd-window-meeting.c */
void     _pmd_window_init_meeting           (PmdWindow   *self);
void     _pmd_window_toggle_meeting         (PmdWindow   *self);
void     _pmd_window_leave_meeting          (PmdWindow   *self);
void     _pmd_window_update_meeting_uncertainty (PmdWindow *self);

/* pmd-print-operation.c */
void     _pmd_window_print                  (PmdWindow   *self);
void     _pmd_window_write_report           (PmdWindow   *self);

G_END_DECLS
