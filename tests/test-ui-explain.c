/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pmd-label-text.h"
#include "pmd-application.h"
#include "pmd-chart-view.h"
#include "pmd-explain-popover.h"
#include "pmd-history-popover.h"
#include "pmd-session.h"
#include "pmd-scenario-file.h"
#include "pmd-test-utils-ui.h"
#include "pmd-uncertainty-text.h"
#include "pmd-window-test-hooks.h"

/*
 * "Hoe komt dit getal tot stand?" in the window, the uncertainty in
 * sentences and the history, used as a user does: a card clicked or given
 * Enter, a chart point clicked, a jump to the input, a step chosen, a
 * variant made from a step. Screenshots at 1.024 × 768 (the screen as the
 * user sees it, popovers included) go to meson-logs/screenshots.
 */

static PmdApplication *app;
static PmdWindow *window;

static void
drain (void)
{
  pmd_test_drain (GTK_WIDGET (window));
}

/* The screen as it is, popovers and all, cut to the window. */
static void
screen_shot (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("PIRAMIDE_SCREENSHOTS"), NULL);
  g_autofree char *path = NULL;
  g_autofree char *crop = g_strdup_printf ("%dx%d+0+0", gtk_widget_get_width (GTK_WIDGET (window)),
                                           gtk_widget_get_height (GTK_WIDGET (window)));
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, g_strcmp0 (lang, "nl") == 0 ? "-nl" : "");
  g_autofree char *import = g_find_program_in_path ("import");
  g_autoptr(GError) error = NULL;
  int status = 0;

  pmd_test_wait_frame (GTK_WIDGET (window));
  drain ();
  if (import == NULL || g_getenv ("DISPLAY") == NULL)
    {
      pmd_test_screenshot (GTK_WIDGET (window), file);
      return;
    }
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, file, NULL);
  {
    const char *argv[] = { import, "-window", "root", "-crop", crop, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("screenshot %s", path);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return GTK_EVENT_CONTROLLER (c);
    }
  return NULL;
}

static PmdExplainPopover *
shown_popover (void)
{
  GtkWidget *popover;

  pmd_test_wait_until ((popover = _pmd_window_get_explain_popover (window)) != NULL && gtk_widget_get_mapped (popover));
  return PMD_EXPLAIN_POPOVER (popover);
}

static void
close_popover (void)
{
  GtkWidget *popover = _pmd_window_get_explain_popover (window);

  if (popover != NULL && gtk_widget_get_visible (popover))
    gtk_popover_popdown (GTK_POPOVER (popover));
  drain ();
}

static void
reset (void)
{
  pmd_session_load_bundled (pmd_window_get_session (window), "westland-2026");
  _pmd_window_show_page (window, "overview");
  _pmd_window_set_year (window, 2030);
  drain ();
}

/* A click on the gap card: the popover's root is the card's value. */
static void
test_card_click (void)
{
  GtkWidget *card;
  PmdExplainPopover *popover;
  const PmdExplanation *e;
  g_autofree char *root = NULL;

  reset ();
  card = _pmd_window_get_card (window, 1);
  g_signal_emit_by_name (find_controller (card, GTK_TYPE_GESTURE_CLICK), "released", 1, 20.0, 20.0);
  popover = shown_popover ();
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (popover)) == card);
  e = pmd_explain_popover_get_explanation (popover);
  root = pmd_label_text_euro (e->value);
  g_assert_cmpstr (root, ==, _pmd_window_get_card_value (window, 1));
  /* The gap is the total cost minus the funding. */
  g_assert_cmpuint (e->children->len, ==, 2);
  g_assert_nonnull (pmd_explain_popover_find_jump (popover, NULL));
  screen_shot ("explain-card");
  close_popover ();
}

/* Enter on a card that has the keyboard opens it too. */
static void
test_card_keyboard (void)
{
  GtkWidget *card;
  PmdExplainPopover *popover;
  gboolean handled = FALSE;
  g_autofree char *root = NULL;

  reset ();
  card = _pmd_window_get_card (window, 0);
  g_assert_true (gtk_widget_get_focusable (card));
  g_assert_true (gtk_widget_grab_focus (card));
  g_signal_emit_by_name (find_controller (card, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed", GDK_KEY_Return, 0, 0,
                         &handled);
  g_assert_true (handled);
  popover = shown_popover ();
  root = pmd_label_text_euro (pmd_explain_popover_get_explanation (popover)->value);
  g_assert_cmpstr (root, ==, _pmd_window_get_card_value (window, 0));
  close_popover ();
}

/* A number of the Vergelijken page's outcomes explains itself, for its own
 * entry: the gap of "Niets doen" in 2030 is that variant's, not the
 * scenario's, and its leaf's button jumps to the input in the window. */
static void
test_compare_cell (void)
{
  PmdComparePage *page;
  GtkWidget *grid, *cell, *popover = NULL, *jump;
  const PmdExplanation *e;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdProjection) p = NULL;
  g_autoptr(GError) error = NULL;
  int t;

  reset ();
  _pmd_window_show_page (window, "compare");
  page = _pmd_window_get_compare_page (window);
  grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), PMD_TYPE_COMPARE_PAGE, "outputs"));
  /* Rows: the header, then total, gap and savings of 2026, then of 2030;
   * columns: the labels, "Zoals ingevoerd", "Niets doen", … */
  pmd_test_wait_until ((cell = gtk_grid_get_child_at (GTK_GRID (grid), 2, 5)) != NULL);
  g_assert_true (GTK_IS_BUTTON (cell));
  g_signal_emit_by_name (cell, "clicked");
  pmd_test_wait_until ((popover = g_object_get_data (G_OBJECT (grid), "pmd-explain-popover")) != NULL &&
                       gtk_widget_get_mapped (popover));
  e = pmd_explain_popover_get_explanation (PMD_EXPLAIN_POPOVER (popover));
  /* Worked out independently: the bundled file with the variant applied,
   * projected. */
  sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_assert_no_error (error);
  g_assert_true (pmd_scenario_apply_variant (sc, "niets-doen", &error));
  p = pmd_project (sc, &error);
  g_assert_no_error (error);
  t = 2030 - p->base_year;
  g_assert_cmpfloat_with_epsilon (e->value, p->gap[t], 0.005);
  screen_shot ("explain-compare");
  jump = pmd_explain_popover_find_jump (PMD_EXPLAIN_POPOVER (popover), "funding.base");
  g_assert_nonnull (jump);
  g_signal_emit_by_name (jump, "clicked");
  pmd_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
                                    gtk_widget_get_template_child (GTK_WIDGET (window), PMD_TYPE_WINDOW, "view_stack"))),
                                  "assumptions") == 0);
  gtk_popover_popdown (GTK_POPOVER (popover));
  drain ();
}

/* The button beside a leaf gives its input the keyboard: a Posten cell for
 * a line's number. */
static void
test_jump (void)
{
  PmdExplainPopover *popover;
  GtkWidget *jump;
  const char *path = "lines.wmo-maatwerk.base_cost";
  GtkWidget *focus;

  reset ();
  g_signal_emit_by_name (find_controller (_pmd_window_get_card (window, 0), GTK_TYPE_GESTURE_CLICK), "released", 1,
                         20.0, 20.0);
  popover = shown_popover ();
  jump = pmd_explain_popover_find_jump (popover, path);
  g_assert_nonnull (jump);
  g_signal_emit_by_name (jump, "clicked");
  pmd_test_wait_until ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
                       g_strcmp0 (g_object_get_data (G_OBJECT (focus), "pmd-path"), path) == 0);
  g_assert_cmpstr (_pmd_window_get_page_title (window), ==, _("Cost Lines"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  screen_shot ("explain-jump");
}

/* A point of the cost chart: the total cost of its year. By keyboard:
 * Enter on the chart, for the year chosen in the window. */
static void
test_chart_point (void)
{
  GtkWidget *chart;
  PmdExplainPopover *popover;
  const PmdProjection *p = pmd_document_get_projection (pmd_window_get_document (window));
  const PmdExplanation *e;
  int w, h;

  reset ();
  chart = _pmd_window_get_chart (window, "curves");
  pmd_test_wait_frame (chart);
  w = gtk_widget_get_width (chart);
  h = gtk_widget_get_height (chart);
  g_assert_true (pmd_chart_view_explain_at (PMD_CHART_VIEW (chart), w * 0.55, h * 0.5));
  popover = shown_popover ();
  e = pmd_explain_popover_get_explanation (popover);
  /* Some year's total cost, exactly. */
  {
    gboolean found = FALSE;

    for (int t = 0; t < p->n_years; t++)
      found |= fabs (p->total_scenario[t] - e->value) < 0.01;
    g_assert_true (found);
  }
  screen_shot ("explain-chart");
  close_popover ();

  gtk_widget_grab_focus (chart);
  g_assert_true (gtk_widget_activate_action (chart, "chart.explain", NULL));
  popover = shown_popover ();
  e = pmd_explain_popover_get_explanation (popover);
  g_assert_cmpfloat_with_epsilon (e->value, p->total_scenario[pmd_projection_year_index (p, 2030)], 0.01);
  close_popover ();
}

/* The Onzekerheid page says its result in sentences: those of the model
 * for the page's runs (the gap in the last year). */
static void
test_uncertainty_sentences (void)
{
  PmdUncertaintyPage *page = _pmd_window_get_uncertainty_page (window);
  PmdDocument *doc = pmd_window_get_document (window);
  g_autoptr(PmdUncertaintyText) text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  const PmdMonteCarlo *mc;

  reset ();
  _pmd_window_show_page (window, "uncertainty");
  pmd_test_wait_until (pmd_uncertainty_page_get_result (page) != NULL && !pmd_uncertainty_page_get_busy (page) &&
                       pmd_uncertainty_page_get_result (page)->runs == PMD_MONTE_CARLO_DEFAULT_RUNS &&
                       *pmd_uncertainty_page_get_sentences (page) != '\0');
  mc = pmd_uncertainty_page_get_result (page);
  text = pmd_uncertainty_text_new (pmd_document_get_effective (doc), pmd_document_get_projection (doc), mc,
                                   pmd_uncertainty_page_get_swings (page), "totals.gap", 0);
  written = pmd_uncertainty_text_to_string (text, FALSE);
  /* On screen each amount is kept on one line. */
  expected = pmd_label_text_keep_amounts (written);
  g_assert_cmpstr (pmd_uncertainty_page_get_sentences (page), ==, expected);
  screen_shot ("uncertainty-sentences");
  _pmd_window_show_page (window, "overview");
}

/* The history names the steps; choosing one goes back to it. */
static void
test_history (void)
{
  PmdDocument *doc = pmd_window_get_document (window);
  PmdHistoryPopover *popover = PMD_HISTORY_POPOVER (_pmd_window_get_history_popover (window));
  GtkListBox *list = pmd_history_popover_get_list (popover);
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autofree char *expected = NULL;
  GtkListBoxRow *row;
  double value;

  reset ();
  g_assert_true (pmd_document_set_param (doc, "cohorts.75plus.points.1", 14000, NULL, &error));
  pmd_document_set_param (doc, "lines.wmo-maatwerk.growth", 0.015, NULL, &error);
  g_assert_no_error (error);
  gtk_menu_button_popup (GTK_MENU_BUTTON (_pmd_window_get_history_button (window)));
  pmd_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  /* The latest step first; the one before names the cohort point. */
  row = gtk_list_box_get_row_at_index (list, 1);
  words = pmd_scenario_describe_param (pmd_document_get_scenario (doc), "cohorts.75plus.points.1");
  expected = g_strdup_printf (_("%s: %s → %s"), words, "12.500", "14.000");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 2))), ==,
                   _("As opened"));
  screen_shot ("history");

  /* Back to the step of the cohort: the growth is as it was. */
  g_signal_emit_by_name (list, "row-activated", row);
  drain ();
  g_assert_cmpuint (pmd_document_get_history_position (doc), ==, 1);
  g_assert_true (pmd_document_get_param (doc, "lines.wmo-maatwerk.growth", &value));
  g_assert_cmpfloat (value, !=, 0.015);
  g_assert_true (pmd_document_get_param (doc, "cohorts.75plus.points.1", &value));
  g_assert_cmpfloat (value, ==, 14000);
  gtk_popover_popdown (GTK_POPOVER (popover));
  drain ();
}

/* "Variant maken vanaf hier": named in the dialog, shown, with the step's
 * projection. */
static void
test_history_variant (void)
{
  PmdDocument *doc = pmd_window_get_document (window);
  PmdHistoryPopover *popover = PMD_HISTORY_POPOVER (_pmd_window_get_history_popover (window));
  g_autoptr(PmdProjection) at_step = pmd_projection_new ();
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  const PmdProjection *p;

  reset ();
  g_assert_true (pmd_document_set_param (doc, "cohorts.75plus.points.1", 13500, NULL, &error));
  g_assert_true (pmd_document_set_param (doc, "lines.wmo-maatwerk.growth", 0.012, NULL, &error));
  g_assert_true (pmd_projection_compute (at_step, pmd_document_get_history_scenario (doc, 1), &error));
  g_assert_no_error (error);

  gtk_menu_button_popup (GTK_MENU_BUTTON (_pmd_window_get_history_button (window)));
  pmd_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  pmd_history_popover_make_variant (popover, 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Meer ouderen");
  adw_message_dialog_response (dialog, "ok");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();

  g_assert_cmpstr (pmd_document_get_variant (doc), ==, "meer-ouderen");
  p = pmd_document_get_projection (doc);
  for (int t = 0; t < p->n_years; t++)
    g_assert_cmpfloat_with_epsilon (p->gap[t], at_step->gap[t], 1e-6);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("piramide-ui-explain-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  int status;

  /* Fresh user directories (autosave, recent files), the system's kept:
   * icons need the MIME database. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PIRAMIDE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = pmd_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = pmd_application_new_window (app);
  pmd_session_set_autosave_interval (pmd_window_get_session (window), 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  pmd_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  drain ();

  g_test_add_func ("/ui/explain/card-click", test_card_click);
  g_test_add_func ("/ui/explain/card-keyboard", test_card_keyboard);
  g_test_add_func ("/ui/explain/jump", test_jump);
  g_test_add_func ("/ui/explain/compare-cell", test_compare_cell);
  g_test_add_func ("/ui/explain/chart-point", test_chart_point);
  g_test_add_func ("/ui/explain/uncertainty-sentences", test_uncertainty_sentences);
  g_test_add_func ("/ui/explain/history", test_history);
  g_test_add_func ("/ui/explain/history-variant", test_history_variant);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  pmd_test_run_idle ();
  g_clear_object (&app);
  return status;
}
