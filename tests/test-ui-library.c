/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pmd-actuals-page.h"
#include "pmd-format.h"
#include "pmd-library-save-dialog.h"
#include "pmd-library-window.h"
#include "pmd-save-changes-dialog.h"
#include "pmd-scenario-file.h"
#include "pmd-session.h"
#include "pmd-test-utils-ui.h"
#include "pmd-window.h"
#include "pmd-window-test-hooks.h"

/*
 * The scenario library in the window (issue 12), used as a user would: Save
 * in Library twice, the library's window with its versions, a version
 * opened, restored and compared; the Realisatie page with a CSV made by
 * hand, its figures worked out by hand; a CSV with bad rows; a damaged
 * library that leaves the window working with files. The library is a
 * database in the test's own data directory. The tests run in order and
 * share one window, as one adviser's morning would.
 *
 * The texts compared are the program's own msgids through gettext, so the
 * Dutch run (LANGUAGE=nl, for the screenshots) checks the same things.
 */

#define NAME "westland-2026-illustratief"

static GtkApplication *app;
static PmdWindow *window;

static PmdWindow *
new_window (void)
{
  g_autoptr(PmdSession) session = pmd_session_new ();
  PmdWindow *w = pmd_window_new (app, session);

  pmd_session_set_autosave_interval (session, 0);
  gtk_window_set_default_size (GTK_WINDOW (w), 1024, 768);
  gtk_window_present (GTK_WINDOW (w));
  pmd_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (w)));
  pmd_test_drain (GTK_WIDGET (w));
  return w;
}

/* The toast the main window shows now; the others are dismissed. */
static char *
window_toast (PmdWindow *w)
{
  GtkWidget *inside = GTK_WIDGET (_pmd_window_get_actuals_page (w));
  char *text;

  pmd_test_run_idle ();
  text = pmd_test_dup_toast (inside);
  pmd_test_dismiss_toasts (inside);
  return text;
}

/* The toplevel of @type that is open now, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* Closes @w as its close button does, and waits until it is finalized. */
static void
close_and_finalize (GtkWindow *w)
{
  GObject *weak = G_OBJECT (w);

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  gtk_window_destroy (w);
  pmd_test_wait_until (weak == NULL);
}

/* Answers the message dialog open on @parent, typing @text into its field
 * first (when not NULL), as its buttons do. */
static void
answer_dialog (GtkWindow  *parent,
               const char *text,
               const char *response)
{
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  pmd_test_run_idle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) == parent)
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), text);
  adw_message_dialog_response (dialog, response);
  close_and_finalize (GTK_WINDOW (dialog));
}

static PmdLibrary *
library (void)
{
  g_autoptr(GError) error = NULL;
  PmdLibrary *lib = pmd_session_get_library (pmd_window_get_session (window), &error);

  g_assert_no_error (error);
  return lib;
}

static guint
count (GtkWidget *widget,
       GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  pmd_test_collect_descendants (widget, type, found);
  return found->len;
}

/* The label inside @widget whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pmd_test_collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static void
save_to_library (const char *message,
                 const char *tag,
                 const char *expected_ref)
{
  PmdLibrarySaveDialog *dialog;
  g_autofree char *toast = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-to-library", NULL);
  pmd_test_run_idle ();
  dialog = PMD_LIBRARY_SAVE_DIALOG (find_toplevel (PMD_TYPE_LIBRARY_SAVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (pmd_library_save_dialog_get_document (dialog) == pmd_window_get_document (window));
  pmd_test_collect_descendants (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  /* The name: the slug of "Westland 2026 (illustratief)". */
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 0)), ==, NAME);
  gtk_editable_set_text (g_ptr_array_index (rows, 1), message);
  if (tag != NULL)
    gtk_editable_set_text (g_ptr_array_index (rows, 2), tag);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "library-save.save", NULL);
  pmd_test_wait_until (dialog == NULL);
  toast = window_toast (window);
  g_assert_cmpstr (toast, ==, expected_ref);
}

static PmdLibraryWindow *
open_library_window (void)
{
  PmdLibraryWindow *lw;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.library", NULL);
  lw = PMD_LIBRARY_WINDOW (_pmd_window_get_library_window (window));
  g_assert_nonnull (lw);
  gtk_window_set_default_size (GTK_WINDOW (lw), 1024, 768);
  pmd_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (lw)));
  pmd_test_drain (GTK_WIDGET (lw));
  g_assert_cmpstr (pmd_library_window_get_selected (lw), ==, NAME);
  return lw;
}

/* Save in Library twice: two versions, the second tagged; the library's
 * window lists both, newest first. */
static void
test_save_twice (void)
{
  g_autoptr(GError) error = NULL;
  PmdLibraryWindow *lw;

  save_to_library ("Begroting 2026 zoals in het SBK", NULL, NAME "@1");
  pmd_document_set_param (pmd_window_get_document (window), "lines.wmo-maatwerk.base_cost", 23000000, NULL, &error);
  g_assert_no_error (error);
  save_to_library ("Wmo na de voorjaarsnota", "Raadsvoorstel begroting 2027", NAME "@2");

  lw = open_library_window ();
  /* One check (to compare) per version. */
  g_assert_cmpuint (count (GTK_WIDGET (lw), GTK_TYPE_CHECK_BUTTON), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (lw), "Raadsvoorstel begroting 2027"));
  {
    g_autofree char *v1 = g_strdup_printf (_("Version %d"), 1);
    g_autofree char *v2 = g_strdup_printf (_("Version %d"), 2);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    pmd_test_collect_descendants (GTK_WIDGET (lw), ADW_TYPE_ACTION_ROW, rows);
    /* The scenario on the left, then its versions newest first. */
    g_assert_cmpuint (rows->len, ==, 3);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, NAME);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, v2);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, v1);
  }
  pmd_test_screenshot (GTK_WIDGET (lw), "library-1024x768.png");
}

/* Version 1 opened from the library: the document has its values, is not
 * a file and counts as unsaved. */
static void
test_open_version (void)
{
  PmdLibraryWindow *lw = PMD_LIBRARY_WINDOW (_pmd_window_get_library_window (window));
  PmdDocument *document = pmd_window_get_document (window);
  const PmdScenario *sc;
  int wmo;

  g_assert_nonnull (lw);
  gtk_widget_activate_action (GTK_WIDGET (lw), "library.open-version", "i", 1);
  /* The document had changes no file holds: asked first, and discarded. */
  answer_dialog (GTK_WINDOW (window), NULL, "discard");
  pmd_test_drain (GTK_WIDGET (window));
  sc = pmd_document_get_scenario (document);
  wmo = pmd_scenario_find_line (sc, "wmo-maatwerk");
  g_assert_cmpfloat (((PmdLine *) g_ptr_array_index (sc->lines, wmo))->base_cost, ==, 22800000);
  g_assert_true (pmd_document_get_modified (document));
  g_assert_null (pmd_session_get_file (pmd_window_get_session (window)));
  g_assert_cmpstr (pmd_session_get_library_ref (pmd_window_get_session (window)), ==, NAME "@1");
  g_free (window_toast (window));
}

/* Restore version 1: version 3 holds its exact bytes, with the message. */
static void
test_restore (void)
{
  PmdLibraryWindow *lw = PMD_LIBRARY_WINDOW (_pmd_window_get_library_window (window));
  g_autoptr(GBytes) v1 = NULL;
  g_autoptr(GBytes) v3 = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  int number = 0;

  gtk_widget_activate_action (GTK_WIDGET (lw), "library.restore-version", "i", 1);
  answer_dialog (GTK_WINDOW (lw), "Terug naar het SBK", "ok");
  pmd_test_drain (GTK_WIDGET (lw));
  g_assert_cmpuint (count (GTK_WIDGET (lw), GTK_TYPE_CHECK_BUTTON), ==, 3);

  v1 = pmd_library_get (library (), NAME "@1", NULL, &error);
  g_assert_no_error (error);
  v3 = pmd_library_get (library (), NAME "@3", &number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, 3);
  g_assert_true (g_bytes_equal (v1, v3));
  log = pmd_library_log (library (), NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PmdLibraryVersion *) g_ptr_array_index (log, 2))->message, ==, "Terug naar het SBK");
}

/* Versions 1 and 2 compared: the one assumption that differs, with both
 * values, and the outcomes; then the window is finalized on close. */
static void
test_compare (void)
{
  PmdLibraryWindow *lw = PMD_LIBRARY_WINDOW (_pmd_window_get_library_window (window));
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *v1_cost = pmd_format_euro_compact (22800000);
  g_autofree char *v2_cost = pmd_format_euro_compact (23000000);

  pmd_test_collect_descendants (GTK_WIDGET (lw), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 3);
  /* Newest first: 3, 2, 1. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 2), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (lw), "library.compare", NULL);
  pmd_test_drain (GTK_WIDGET (lw));
  /* The base cost of the Wmo line: € 22,8 mln in version 1, € 23,0 mln in 2. */
  g_assert_nonnull (find_label (GTK_WIDGET (lw), v1_cost));
  g_assert_nonnull (find_label (GTK_WIDGET (lw), v2_cost));
  g_assert_nonnull (find_label (GTK_WIDGET (lw), _("Assumption")));
  g_assert_nonnull (find_label (GTK_WIDGET (lw), _("Outcome")));
  pmd_test_screenshot (GTK_WIDGET (lw), "library-compare-1024x768.png");

  close_and_finalize (GTK_WINDOW (lw));
  g_assert_null (_pmd_window_get_library_window (window));
}

/* The cell of @page's table in @column on the row of @line_name. */
static GtkWidget *
table_cell (GtkWidget  *page,
            const char *line_name,
            int         column)
{
  g_autoptr(GPtrArray) grids = g_ptr_array_new ();
  GtkGrid *table;
  GtkWidget *name;
  int row;

  pmd_test_collect_descendants (page, GTK_TYPE_GRID, grids);
  g_assert_cmpuint (grids->len, >, 0);
  table = g_ptr_array_index (grids, 0);
  name = find_label (GTK_WIDGET (table), line_name);
  g_assert_nonnull (name);
  /* The name sits in a box with its alarm. */
  while (gtk_widget_get_parent (name) != GTK_WIDGET (table))
    name = gtk_widget_get_parent (name);
  gtk_grid_query_child (table, name, NULL, &row, NULL, NULL);
  return gtk_grid_get_child_at (table, column, row);
}

static const char *
cell_text (GtkWidget  *page,
           const char *line_name,
           int         column)
{
  return gtk_label_get_text (GTK_LABEL (table_cell (page, line_name, column)));
}

/* Millions with two decimals, as the page shows them: the formatting is
 * the model's; the numbers are worked out by hand. */
static char *
mln (double value)
{
  return pmd_format_euro_scaled (value, 1e6, 2);
}

/* The forecast and, under it, the difference to the budget. */
static void
check_forecast (GtkWidget  *page,
                const char *line_name,
                double      forecast,
                const char *sign,
                double      difference)
{
  GtkWidget *cell = table_cell (page, line_name, 4);
  g_autofree char *top = mln (forecast);
  g_autofree char *money = mln (difference);
  /* The sign between € and the digits, as every amount has it. */
  g_autofree char *bottom = g_strconcat ("€ ", sign, money + strlen ("€ "), NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  pmd_test_collect_descendants (cell, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), ==, top);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 1)), ==, bottom);
}

static void
check_money (GtkWidget  *page,
             const char *line_name,
             int         column,
             double      value)
{
  g_autofree char *expected = mln (value);

  g_assert_cmpstr (cell_text (page, line_name, column), ==, expected);
}

static GFile *
write_csv (const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The Realisatie page with a CSV made by hand, for 2026 up to June:
 *
 *  Wmo-maatwerk (budget € 22.800.000): 6 × € 2.660.000 = € 15.960.000,
 *    exactly 0,70 × the budget: used 70,0%, the alarm, in words and an
 *    icon; forecast 15.960.000 × 12 / 6 = € 31,92 mln, € +9,12 mln.
 *  Specialistische jeugdhulp (€ 29.600.000), booked on Iv3 6.72:
 *    6 × € 1.200.000 = € 7,20 mln, 7,2 / 29,6 = 24,3%; forecast € 14,40
 *    mln, € −15,20 mln; no alarm.
 *  Werk en inkomen: nothing booked: € 0, no forecast, "no actuals yet".
 *  Layer Geïndiceerde zorg: € 91,30 mln budget, € 23,16 mln spent, 25,4%;
 *    no forecast, for a line in it has none.
 */
static void
test_actuals (void)
{
  static const char csv[] =
    "post;jaar;maand;bedrag;status\r\n"
    "wmo-maatwerk;2026;1;2.660.000,00;definitief\r\n"
    "wmo-maatwerk;2026;2;2.660.000,00;definitief\r\n"
    "wmo-maatwerk;2026;3;2.660.000,00;definitief\r\n"
    "wmo-maatwerk;2026;4;2.660.000,00;voorlopig\r\n"
    "wmo-maatwerk;2026;5;2.660.000,00;voorlopig\r\n"
    "wmo-maatwerk;2026;6;2.660.000,00;voorlopig\r\n"
    "6.72;2026;1;1.200.000;voorlopig\r\n"
    "6.72;2026;2;1.200.000;voorlopig\r\n"
    "6.72;2026;3;1.200.000;voorlopig\r\n"
    "6.72;2026;4;1.200.000;voorlopig\r\n"
    "6.72;2026;5;1.200.000;voorlopig\r\n"
    "6.72;2026;6;1.200.000;voorlopig\r\n";
  g_autoptr(GFile) file = write_csv ("realisatie-juni.csv", csv);
  GtkWidget *page = GTK_WIDGET (_pmd_window_get_actuals_page (window));
  g_autofree char *reached = g_strdup_printf (_("%s reached"), "70%");
  g_autofree char *toast = NULL;
  g_autofree char *expected_toast = NULL;
  const char *wmo = "Wmo-maatwerkvoorzieningen";
  const char *jeugd = "Specialistische jeugdhulp";
  const char *werk = "Werk en inkomen: bijstand, re-integratie, schuldhulp";
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  GtkWidget *signal;

  /* Nothing is built before the page is first shown. */
  g_assert_null (pmd_actuals_page_get_library (PMD_ACTUALS_PAGE (page)));
  _pmd_window_show_page (window, "actuals");
  pmd_test_drain (page);
  g_assert_nonnull (pmd_actuals_page_get_library (PMD_ACTUALS_PAGE (page)));

  g_assert_true (pmd_actuals_page_import_file (PMD_ACTUALS_PAGE (page), file));
  toast = window_toast (window);
  expected_toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u amount imported into %s",
                                                 "%u amounts imported into %s", 12), 12, NAME);
  g_assert_cmpstr (toast, ==, expected_toast);
  pmd_test_drain (page);

  /* The latest with actuals: 2026 up to June, of the latest version (3, = 1). */
  check_money (page, wmo, 1, 22800000);
  check_money (page, wmo, 2, 15960000);
  g_assert_cmpstr (cell_text (page, wmo, 3), ==, "70,0%");
  /* Expected: 6 / 12, in the heading of the share used. */
  {
    g_autofree char *used = g_strdup_printf (_("Used\n(expected\n%s)"), "50,0%");
    g_assert_nonnull (find_label (page, used));
  }
  check_forecast (page, wmo, 31920000, "+", 9120000);
  signal = table_cell (page, wmo, 0);
  g_assert_nonnull (find_label (signal, reached));
  pmd_test_collect_descendants (signal, GTK_TYPE_IMAGE, images);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpstr (gtk_image_get_icon_name (g_ptr_array_index (images, 0)), ==, "dialog-warning-symbolic");

  check_money (page, jeugd, 2, 7200000);
  g_assert_cmpstr (cell_text (page, jeugd, 3), ==, "24,3%");
  check_forecast (page, jeugd, 14400000, "−", 15200000);
  /* No alarm, and amounts booked: the name alone. */
  g_assert_cmpuint (count (table_cell (page, jeugd, 0), GTK_TYPE_LABEL), ==, 1);

  g_assert_cmpstr (cell_text (page, werk, 2), ==, "€ 0");
  /* No forecast, and no difference under it. */
  g_assert_cmpuint (count (table_cell (page, werk, 4), GTK_TYPE_LABEL), ==, 1);
  g_assert_nonnull (find_label (table_cell (page, werk, 4), "—"));
  g_assert_nonnull (find_label (table_cell (page, werk, 0), _("No actuals yet")));

  check_money (page, "Geïndiceerde zorg", 1, 91300000);
  check_money (page, "Geïndiceerde zorg", 2, 23160000);
  g_assert_cmpstr (cell_text (page, "Geïndiceerde zorg", 3), ==, "25,4%");
  g_assert_nonnull (find_label (table_cell (page, "Geïndiceerde zorg", 4), "—"));

  /* Above the table, the one line in alarm, by words and an icon. */
  {
    g_autofree char *title = g_strdup_printf (_("%s: %s"), reached, wmo);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    pmd_test_collect_descendants (page, ADW_TYPE_ACTION_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, title);
  }
  pmd_test_screenshot (GTK_WIDGET (window), "actuals-1024x768.png");
  /* The table's lower half: the top layer with the line in alarm. */
  {
    g_autoptr(GPtrArray) grids = g_ptr_array_new ();
    GtkWidget *scroller;
    GtkAdjustment *adjustment;

    /* The table scrolls sideways in one scroller, the page down in the next. */
    pmd_test_collect_descendants (page, GTK_TYPE_GRID, grids);
    scroller = gtk_widget_get_ancestor (g_ptr_array_index (grids, 0), GTK_TYPE_SCROLLED_WINDOW);
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    pmd_test_screenshot (GTK_WIDGET (window), "actuals-table-1024x768.png");
    /* The chart of the line in alarm: the total first, then each line. */
    {
      g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
      int k = pmd_scenario_find_line (pmd_document_get_scenario (pmd_window_get_document (window)), "wmo-maatwerk");

      pmd_test_collect_descendants (page, GTK_TYPE_DROP_DOWN, dropdowns);
      g_assert_cmpuint (dropdowns->len, ==, 4);
      gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 3), k + 1);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      pmd_test_screenshot (GTK_WIDGET (window), "actuals-chart-wmo-1024x768.png");
      gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 3), 0);
    }
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* A threshold of 75%: no alarm on the Wmo line any more. */
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();

    pmd_test_collect_descendants (page, GTK_TYPE_SPIN_BUTTON, spins);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 75);
    pmd_test_drain (page);
    g_assert_null (find_label (table_cell (page, wmo, 0), reached));
    g_assert_cmpuint (count (table_cell (page, wmo, 0), GTK_TYPE_IMAGE), ==, 0);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 70);
    pmd_test_drain (page);
    g_assert_nonnull (find_label (table_cell (page, wmo, 0), reached));
  }
}

/* A CSV with three bad rows: each listed in a dialog, nothing imported. */
static void
test_bad_csv (void)
{
  static const char csv[] =
    "post;jaar;maand;bedrag\n"
    "wmo-maatwerk;2026;7;1.23\n"
    "onbekend;2026;7;1.000\n"
    "jeugd-specialistisch;2026;13;1.000\n";
  g_autoptr(GFile) file = write_csv ("fout.csv", csv);
  GtkWidget *page = GTK_WIDGET (_pmd_window_get_actuals_page (window));
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  GtkWidget *list;

  before = pmd_library_get_actuals (library (), NAME, &error);
  g_assert_no_error (error);
  g_assert_false (pmd_actuals_page_import_file (PMD_ACTUALS_PAGE (page), file));
  pmd_test_run_idle ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  list = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (list);
  pmd_test_collect_descendants (list, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 3);
  /* Rows 2, 3 and 4 of the file, each with its column. */
  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), "2"));
  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), "bedrag"));
  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (labels, 1)), "post"));
  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (labels, 2)), "maand"));
  pmd_test_screenshot (GTK_WIDGET (dialog), "actuals-refused.png");
  adw_message_dialog_response (dialog, "close");
  close_and_finalize (GTK_WINDOW (dialog));

  after = pmd_library_get_actuals (library (), NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* Closing the window finalizes the Realisatie page. */
static void
test_page_finalized (void)
{
  GObject *page = G_OBJECT (_pmd_window_get_actuals_page (window));

  g_object_add_weak_pointer (page, (gpointer *) &page);
  pmd_session_load_bundled (pmd_window_get_session (window), "westland-2026");
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  pmd_test_wait_until (page == NULL);
}

/* A library file that is not a database: the window says so, and opens
 * and shows files as before. */
static void
test_damaged (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kapot.sqlite", NULL);
  g_autofree char *file_path = g_build_filename (g_get_user_data_dir (), "westland.piramide", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("nl.piramide.Piramide");
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autofree char *toast = NULL;
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, "Dit is geen SQLite-bestand, maar een boodschappenlijst.\n"
                                      "melk; brood; kaas\n", -1, &error));
  g_assert_true (g_settings_set_string (settings, "library-path", path));
  window = new_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-to-library", NULL);
  pmd_test_run_idle ();
  g_assert_null (find_toplevel (PMD_TYPE_LIBRARY_SAVE_DIALOG));
  toast = window_toast (window);
  g_assert_nonnull (toast);
  {
    const char *format = _("The library is not available: %s");
    g_autofree char *prefix = g_strndup (format, strstr (format, "%s") - format);

    g_assert_true (g_str_has_prefix (toast, prefix));
  }
  g_assert_nonnull (strstr (toast, "kapot.sqlite"));

  page = GTK_WIDGET (_pmd_window_get_actuals_page (window));
  _pmd_window_show_page (window, "actuals");
  pmd_test_drain (page);
  g_free (window_toast (window));
  g_assert_null (pmd_actuals_page_get_library (PMD_ACTUALS_PAGE (page)));
  g_assert_nonnull (find_label (page, _("The Library Is Not Open")));

  /* Files still work. */
  sc->name = (g_free (sc->name), g_strdup ("Westland uit een bestand"));
  g_assert_true (pmd_scenario_save_file (sc, file_path, &error));
  pmd_window_open_file (window, file);
  pmd_test_drain (GTK_WIDGET (window));
  g_assert_cmpstr (pmd_document_get_scenario (pmd_window_get_document (window))->name, ==, "Westland uit een bestand");
  g_assert_true (g_file_equal (pmd_session_get_file (pmd_window_get_session (window)), file));

  /* The damaged file was not changed. */
  {
    g_autofree char *data = NULL;

    g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "Dit is geen SQLite-bestand"));
  }
  g_settings_reset (settings, "library-path");
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  pmd_test_drain (NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's data directories,
   * and with them the MIME database that icon loading needs. The user's
   * own directories (the library, autosave, recent files) are made fresh. */
  {
    g_autofree char *home = g_dir_make_tmp ("piramide-ui-library-XXXXXX", NULL);
    g_autofree char *data = g_build_filename (home, "data", NULL);
    g_autofree char *config = g_build_filename (home, "config", NULL);
    g_autofree char *cache = g_build_filename (home, "cache", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    g_mkdir_with_parents (data, 0700);
  }
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PIRAMIDE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = GTK_APPLICATION (adw_application_new ("nl.piramide.Piramide.TestLibrary", G_APPLICATION_NON_UNIQUE));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = new_window ();

  g_test_add_func ("/ui/library/save-twice", test_save_twice);
  g_test_add_func ("/ui/library/open-version", test_open_version);
  g_test_add_func ("/ui/library/restore", test_restore);
  g_test_add_func ("/ui/library/compare", test_compare);
  g_test_add_func ("/ui/actuals/hand-made-csv", test_actuals);
  g_test_add_func ("/ui/actuals/bad-csv", test_bad_csv);
  g_test_add_func ("/ui/actuals/page-finalized", test_page_finalized);
  g_test_add_func ("/ui/damaged-library/files-still-open", test_damaged);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  pmd_test_drain (NULL);
  g_object_unref (app);
  return status;
}
