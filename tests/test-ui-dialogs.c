/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pmd-chart-view.h"
#include "pmd-compare-page.h"
#include "pmd-export-dialog.h"
#include "pmd-field.h"
#include "pmd-goal-seek-dialog.h"
#include "pmd-money-dialog.h"
#include "pmd-ranges-dialog.h"
#include "pmd-scenario-file.h"
#include "pmd-test-utils-ui.h"
#include "pmd-ui-resources.h"
#include "pmd-uncertainty-page.h"

/*
 * Each page and dialog built from its template by GtkBuilder, with a
 * document given as a property, as a parent's .ui declares it. A change of
 * the document that the widget shows reaches the widget it shows in after
 * one turn of the main loop; a change it does not show leaves it alone; and
 * closed, it is finalized.
 *
 * "Leaves it alone" is seen by writing into the widget by hand first: a
 * refresh would write the document's text over it.
 */

typedef struct
{
  PmdDocument *document;
  GtkBuilder  *builder;
  GtkWidget   *shown;    /* the window or dialog on screen */
  GObject     *widget;   /* the page or dialog under test */
} Fixture;

/* A page inside a window of a beamer's size. */
static const char page_ui[] =
  "<interface>"
  "  <object class='GtkWindow' id='window'>"
  "    <property name='default-width'>1024</property>"
  "    <property name='default-height'>768</property>"
  "    <child>"
  "      <object class='TYPE' id='widget'>"
  "        <property name='document'>document</property>"
  "      </object>"
  "    </child>"
  "  </object>"
  "</interface>";

/* A dialog on its own. */
static const char dialog_ui[] =
  "<interface>"
  "  <object class='TYPE' id='widget'>"
  "    <property name='document'>document</property>"
  "  </object>"
  "</interface>";

static void
fixture_build (Fixture    *f,
               const char *format,
               const char *type_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(GString) ui = g_string_new (format);
  GObject *window;

  g_assert_no_error (error);
  f->document = pmd_document_new (g_steal_pointer (&sc));
  f->builder = gtk_builder_new ();
  gtk_builder_expose_object (f->builder, "document", G_OBJECT (f->document));
  g_string_replace (ui, "TYPE", type_name, 1);
  g_assert_true (gtk_builder_add_from_string (f->builder, ui->str, -1, &error));
  g_assert_no_error (error);
  f->widget = g_object_ref (gtk_builder_get_object (f->builder, "widget"));
  window = gtk_builder_get_object (f->builder, "window");
  f->shown = GTK_WIDGET (window != NULL ? window : f->widget);
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (f->widget), g_type_from_name (type_name)));
}

static void
fixture_show (Fixture *f)
{
  gtk_window_present (GTK_WINDOW (f->shown));
  pmd_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (f->widget)));
  pmd_test_drain (f->shown);
}

/* Closed as a user closes it, the widget goes. */
static void
fixture_close (Fixture *f)
{
  GObject *widget = g_steal_pointer (&f->widget);

  gtk_window_destroy (GTK_WINDOW (f->shown));
  g_clear_object (&f->builder);
  /* A page whose Monte Carlo was running lets go when the cancelled
   * worker has returned to the main loop. */
  g_object_add_weak_pointer (widget, (gpointer *) &widget);
  g_object_unref (widget);
  pmd_test_wait_until (widget == NULL);
  g_assert_finalize_object (g_steal_pointer (&f->document));
}

static GObject *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->widget), G_OBJECT_TYPE (f->widget), name);

  g_assert_nonnull (object);
  return object;
}

/* Changes that touch one part of the scenario only. */

static gboolean
set_range_cb (PmdScenario *sc,
              gpointer     user_data,
              GError     **error)
{
  return pmd_scenario_set_range (sc, "funding.growth", -0.02, 0.02, error);
}

/* The ranges only (PMD_CHANGE_RANGES). */
static void
change_ranges (PmdDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pmd_document_edit (document, set_range_cb, NULL, &error));
  g_assert_no_error (error);
}

/* A variant that is not shown (PMD_CHANGE_VARIANTS). */
static void
rename_variant (PmdDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pmd_document_rename (document, "variants", "niets-doen", "Niets doen meer", &error));
  g_assert_no_error (error);
}

static void
set_param (PmdDocument *document,
           const char  *path,
           double       value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pmd_document_set_param (document, path, value, NULL, &error));
  g_assert_no_error (error);
}

/* The chart view and the export dialog's preview: a chart has no text to
 * read, so what is counted is how often it was painted anew (its
 * paintable is invalidated exactly then). */

static void
invalidated_cb (GdkPaintable *paintable,
                guint        *count)
{
  (*count)++;
}

static void
check_chart_refresh (Fixture      *f,
                     PmdChartView *view)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  guint painted = 0;

  /* Painted once, so that the paintable follows it. */
  pmd_test_wait_until (gdk_paintable_get_intrinsic_width (paintable) > 1);
  pmd_test_drain (f->shown);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (invalidated_cb), &painted);

  /* The curves do not draw the ranges. */
  change_ranges (f->document);
  pmd_test_drain (f->shown);
  g_assert_cmpuint (painted, ==, 0);

  /* They draw the cost of the 75+ group. */
  set_param (f->document, "cohorts.75plus.points.1", 14000);
  pmd_test_drain (f->shown);
  g_assert_cmpuint (painted, >=, 1);
  g_signal_handlers_disconnect_by_func (paintable, invalidated_cb, &painted);
}

static void
test_chart_view (void)
{
  Fixture f = { 0 };

  fixture_build (&f, page_ui, "PmdChartView");
  g_assert_true (pmd_chart_view_get_document (PMD_CHART_VIEW (f.widget)) == f.document);
  fixture_show (&f);
  check_chart_refresh (&f, PMD_CHART_VIEW (f.widget));
  fixture_close (&f);
}

static void
test_export_dialog (void)
{
  Fixture f = { 0 };
  PmdChartView *preview;

  fixture_build (&f, dialog_ui, "PmdExportDialog");
  fixture_show (&f);
  preview = PMD_CHART_VIEW (child (&f, "preview"));
  /* The preview draws the dialog's document. */
  g_assert_true (pmd_chart_view_get_document (preview) == f.document);
  g_assert_cmpint (pmd_chart_view_get_kind (preview), ==, PMD_CHART_CURVES);
  check_chart_refresh (&f, preview);
  fixture_close (&f);
}

/* The compare page: the header of the outcomes table names the entries;
 * Westland's variants are Niets doen, Preventie-offensief and Effect half
 * zo groot en later, so column 2 is "Niets doen". Renamed through the
 * document, it reads "Niets doen meer". The ranges play no part in it. */
static void
test_compare_page (void)
{
  Fixture f = { 0 };
  GtkGrid *outputs;
  GtkFlowBox *choices;

  fixture_build (&f, page_ui, "PmdComparePage");
  outputs = GTK_GRID (child (&f, "outputs"));
  choices = GTK_FLOW_BOX (child (&f, "choices"));
  /* Before it is shown nothing is built: no checks, no tables. */
  pmd_test_run_idle ();
  g_assert_null (gtk_flow_box_get_child_at_index (choices, 0));
  g_assert_null (gtk_grid_get_child_at (outputs, 0, 0));

  fixture_show (&f);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (outputs, 2, 0))), ==, "Niets doen");

  gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (outputs, 2, 0)), "written by hand");
  change_ranges (f.document);
  pmd_test_run_idle ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (outputs, 2, 0))), ==, "written by hand");

  rename_variant (f.document);
  pmd_test_run_idle ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (outputs, 2, 0))), ==, "Niets doen meer");
  fixture_close (&f);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The uncertainty page: with a funding of € 1.000.000 mln a year no draw
 * of the cost comes near it, so the chance of a funding gap in the last
 * year (2026 + 20 = 2046) is 0%. A variant that is not shown plays no
 * part. */
static void
test_uncertainty_page (void)
{
  Fixture f = { 0 };
  PmdUncertaintyPage *page;
  GtkLabel *status;
  guint computed = 0;

  fixture_build (&f, page_ui, "PmdUncertaintyPage");
  page = PMD_UNCERTAINTY_PAGE (f.widget);
  status = GTK_LABEL (child (&f, "status"));
  g_signal_connect_swapped (page, "computed", G_CALLBACK (count_cb), &computed);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (&f, "runs")), 200);
  /* Before it is shown nothing runs. */
  pmd_test_run_idle ();
  g_assert_false (pmd_uncertainty_page_get_busy (page) && computed > 0);
  g_assert_null (pmd_uncertainty_page_get_result (page));
  g_assert_cmpuint (computed, ==, 0);

  fixture_show (&f);
  pmd_test_wait_until (computed > 0 && !pmd_uncertainty_page_get_busy (page));
  g_assert_cmpuint (pmd_uncertainty_page_get_result (page)->runs, ==, 200);
  g_assert_null (strstr (gtk_label_get_text (status), "chance of a funding gap in 2046: 0%"));

  gtk_label_set_text (status, "written by hand");
  rename_variant (f.document);
  pmd_test_run_idle ();
  g_assert_false (pmd_uncertainty_page_get_busy (page));
  g_assert_cmpstr (gtk_label_get_text (status), ==, "written by hand");

  computed = 0;
  set_param (f.document, "funding.base", 1e12);
  pmd_test_run_idle ();
  pmd_test_wait_until (computed > 0 && !pmd_uncertainty_page_get_busy (page));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "200 runs · chance of a funding gap in 2046: 0%"));
  g_signal_handlers_disconnect_by_func (page, count_cb, &computed);
  fixture_close (&f);
}

/* Goal seek with "Funding" chosen: it searches from 0 to three times the
 * funding (at least € 1 mln), so with a funding of € 10.000.000 the search
 * ends at "€ 30.000.000" (money typed as money). A variant that is not shown plays no part. */
static void
test_goal_seek_dialog (void)
{
  Fixture f = { 0 };
  AdwComboRow *param_row;
  GtkEditable *high;
  GListModel *names;
  g_autofree char *funding = NULL;
  guint i;

  fixture_build (&f, dialog_ui, "PmdGoalSeekDialog");
  fixture_show (&f);
  param_row = ADW_COMBO_ROW (child (&f, "param_row"));
  high = GTK_EDITABLE (child (&f, "high"));
  names = adw_combo_row_get_model (param_row);
  funding = pmd_scenario_describe_param (pmd_document_get_scenario (f.document), "funding.base");
  for (i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), funding))
      break;
  g_assert_cmpuint (i, <, g_list_model_get_n_items (names));
  adw_combo_row_set_selected (param_row, i);

  gtk_editable_set_text (high, "written by hand");
  rename_variant (f.document);
  pmd_test_run_idle ();
  g_assert_cmpstr (gtk_editable_get_text (high), ==, "written by hand");

  set_param (f.document, "funding.base", 10000000);
  pmd_test_run_idle ();
  g_assert_cmpstr (gtk_editable_get_text (high), ==, "€ 30.000.000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (&f, "low"))), ==, "€ 0");
  fixture_close (&f);
}

/* Move money: the line the money goes to is, at first, the first line of
 * the layer below the top one: "Toegang en wijkteams" in "Laagdrempelige
 * ondersteuning". Renamed through the document, the row reads "Buurtteams
 * (Laagdrempelige ondersteuning)". The ranges play no part. */
static void
test_money_dialog (void)
{
  Fixture f = { 0 };
  AdwComboRow *to_row;
  GtkLabel *effect;
  g_autoptr(GError) error = NULL;

  fixture_build (&f, dialog_ui, "PmdMoneyDialog");
  fixture_show (&f);
  to_row = ADW_COMBO_ROW (child (&f, "to_row"));
  effect = GTK_LABEL (child (&f, "effect"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (to_row)), ==,
                   "Toegang en wijkteams (Laagdrempelige ondersteuning)");
  /* Every number field shows its number, "Cost avoided per euro" too
   * (it was empty in English): 1 with the parameter table's two decimals
   * for a return. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (&f, "ret"))), ==, "1,00");

  gtk_label_set_text (effect, "written by hand");
  change_ranges (f.document);
  pmd_test_run_idle ();
  g_assert_cmpstr (gtk_label_get_text (effect), ==, "written by hand");

  g_assert_true (pmd_document_rename (f.document, "lines", "wijkteams", "Buurtteams", &error));
  g_assert_no_error (error);
  pmd_test_run_idle ();
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (to_row)), ==,
                   "Buurtteams (Laagdrempelige ondersteuning)");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (effect), "All interventions together: "));
  /* Shown again, the lines were not chosen anew: nothing was moved. */
  g_assert_cmpint (pmd_scenario_find_intervention (pmd_document_get_scenario (f.document), "geld-verschuiven-1"), <, 0);
  fixture_close (&f);
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect_descendants (c, type, out);
    }
}

/* The ranges: the row of the funding's growth says its value in words,
 * "Now 0,0%" (Westland: no growth), never its path. Set to 0,5% through
 * the document, it reads "Now 0,5%". A variant plays no part. */
static void
test_ranges_dialog (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *title = NULL;
  AdwActionRow *row = NULL;

  fixture_build (&f, dialog_ui, "PmdRangesDialog");
  fixture_show (&f);
  title = pmd_scenario_describe_param (pmd_document_get_scenario (f.document), "funding.growth");
  collect_descendants (GTK_WIDGET (child (&f, "ranges_group")), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title))
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Now 0,0%");

  adw_action_row_set_subtitle (row, "written by hand");
  rename_variant (f.document);
  pmd_test_run_idle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "written by hand");

  set_param (f.document, "funding.growth", 0.005);
  pmd_test_run_idle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Now 0,5%");
  fixture_close (&f);
}

/* Spin buttons: one behaviour everywhere (pmd_field_init_spin()). */

static void
spin_type (GtkSpinButton *spin,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
}

/* What is typed is read by the number rule: "1.500" is fifteen hundred and
 * "0,5" a half; text that is no number is refused with the reason and the
 * value stays; a fraction in a whole field too; a number beyond the range
 * becomes its end, and the field says so. GTK's own reading made "1.500"
 * 1,5 and "abc" 0, then the lowest value, without a word. */
static void
test_spin_rule (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkSpinButton *runs = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (100, 20000, 500));
  GtkSpinButton *ratio = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10, 0.1));
  GtkSpinButton *year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2026, 2040, 1));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (runs));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ratio));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (year));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_spin_button_set_digits (ratio, 2);
  gtk_spin_button_set_value (runs, 1000);
  gtk_spin_button_set_value (year, 2030);
  pmd_field_init_spin (runs, PMD_FIELD_COUNT, "Runs");
  pmd_field_init_spin (ratio, PMD_FIELD_NUMBER, "Return");
  pmd_field_init_spin (year, PMD_FIELD_YEAR, "Year");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (runs)), ==, "1.000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "2030");

  spin_type (runs, "1.500");
  g_assert_cmpfloat (gtk_spin_button_get_value (runs), ==, 1500);
  g_assert_null (pmd_field_get_spin_message (runs));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (runs), "error"));

  spin_type (runs, "abc");
  g_assert_cmpfloat (gtk_spin_button_get_value (runs), ==, 1500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (runs)), ==, "1.500");
  g_assert_true (g_str_has_prefix (pmd_field_get_spin_message (runs), "Runs: “abc” is not a number"));
  g_assert_true (g_str_has_suffix (pmd_field_get_spin_message (runs), "; it stays 1.500"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (runs), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (runs)), ==, pmd_field_get_spin_message (runs));

  spin_type (runs, "2,5");
  g_assert_cmpfloat (gtk_spin_button_get_value (runs), ==, 1500);
  g_assert_cmpstr (pmd_field_get_spin_message (runs), ==, "Runs is a whole number: “2,5” is refused; it stays 1.500");

  spin_type (runs, "50.000");
  g_assert_cmpfloat (gtk_spin_button_get_value (runs), ==, 20000);
  g_assert_cmpstr (pmd_field_get_spin_message (runs), ==, "Runs is at most 20.000: 50.000 became 20.000");
  spin_type (runs, "2.000");
  g_assert_cmpfloat (gtk_spin_button_get_value (runs), ==, 2000);
  g_assert_null (pmd_field_get_spin_message (runs));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (runs), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (runs)));

  spin_type (ratio, "0,5");
  g_assert_cmpfloat (gtk_spin_button_get_value (ratio), ==, 0.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ratio)), ==, "0,50");
  spin_type (ratio, "1.25");
  g_assert_cmpfloat (gtk_spin_button_get_value (ratio), ==, 1.25);

  spin_type (year, "2027,5");
  g_assert_cmpfloat (gtk_spin_button_get_value (year), ==, 2030);
  g_assert_cmpstr (pmd_field_get_spin_message (year), ==,
                   "Year: “2027,5” is not a year; a year is a whole number, for example 2027; it stays 2030");
  spin_type (year, "1999");
  g_assert_cmpfloat (gtk_spin_button_get_value (year), ==, 2026);
  g_assert_cmpstr (pmd_field_get_spin_message (year), ==, "Year is at least 2026: 1999 became 2026");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every spin button of the pages and dialogs has that behaviour: "abc"
 * leaves each at its value with a message. The ones users met: the runs
 * of the Monte Carlo read "1.500" as 1500, an export's width "1.200" as
 * 1200, and the delay of "Move money" refuses "abc" and "1,5" and moves
 * nothing. */
static void
check_every_spin (Fixture *f)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  collect_descendants (f->shown, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, >, 0);
  for (guint k = 0; k < spins->len; k++)
    {
      GtkSpinButton *spin = g_ptr_array_index (spins, k);
      double value = gtk_spin_button_get_value (spin);

      spin_type (spin, "abc");
      pmd_test_drain (f->shown);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, value);
      /* Nothing changed: no dialog made a change of it. */
      g_assert_false (pmd_document_can_undo (f->document));
      g_assert_nonnull (pmd_field_get_spin_message (spin));
      g_assert_nonnull (strstr (pmd_field_get_spin_message (spin), "“abc” is not a number"));
    }
}

static void
test_spin_buttons (void)
{
  static const struct { const char *type; const char *ui; } widgets[] = {
    { "PmdUncertaintyPage", page_ui },
    { "PmdExportDialog", dialog_ui },
    { "PmdGoalSeekDialog", dialog_ui },
    { "PmdMoneyDialog", dialog_ui },
  };

  for (guint k = 0; k < G_N_ELEMENTS (widgets); k++)
    {
      Fixture f = { 0 };

      fixture_build (&f, widgets[k].ui, widgets[k].type);
      fixture_show (&f);
      check_every_spin (&f);
      if (g_str_equal (widgets[k].type, "PmdUncertaintyPage"))
        {
          GtkSpinButton *runs = GTK_SPIN_BUTTON (child (&f, "runs"));
          spin_type (runs, "1.500");
          g_assert_cmpfloat (gtk_spin_button_get_value (runs), ==, 1500);
        }
      else if (g_str_equal (widgets[k].type, "PmdExportDialog"))
        {
          GtkSpinButton *width = GTK_SPIN_BUTTON (child (&f, "width"));
          spin_type (width, "1.200");
          g_assert_cmpfloat (gtk_spin_button_get_value (width), ==, 1200);
        }
      else if (g_str_equal (widgets[k].type, "PmdMoneyDialog"))
        {
          GtkSpinButton *lag = GTK_SPIN_BUTTON (child (&f, "lag"));
          double value = gtk_spin_button_get_value (lag);

          spin_type (lag, "1,5");
          g_assert_cmpfloat (gtk_spin_button_get_value (lag), ==, value);
          g_assert_nonnull (strstr (pmd_field_get_spin_message (lag), "“1,5” is not a number of years"));
          pmd_test_drain (f.shown);
          /* Nothing moved: the dialog's intervention was not made. */
          g_assert_false (pmd_document_can_undo (f.document));
        }
      fixture_close (&f);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  /* The resource and the types, as a parent's .ui finds them. */
  g_assert_nonnull (pmd_ui_get_resource ());
  g_type_ensure (PMD_TYPE_CHART_VIEW);
  g_type_ensure (PMD_TYPE_COMPARE_PAGE);
  g_type_ensure (PMD_TYPE_UNCERTAINTY_PAGE);
  g_type_ensure (PMD_TYPE_EXPORT_DIALOG);
  g_type_ensure (PMD_TYPE_GOAL_SEEK_DIALOG);
  g_type_ensure (PMD_TYPE_MONEY_DIALOG);
  g_type_ensure (PMD_TYPE_RANGES_DIALOG);

  g_test_add_func ("/ui/dialogs/chart-view", test_chart_view);
  g_test_add_func ("/ui/dialogs/compare-page", test_compare_page);
  g_test_add_func ("/ui/dialogs/uncertainty-page", test_uncertainty_page);
  g_test_add_func ("/ui/dialogs/export-dialog", test_export_dialog);
  g_test_add_func ("/ui/dialogs/goal-seek-dialog", test_goal_seek_dialog);
  g_test_add_func ("/ui/dialogs/money-dialog", test_money_dialog);
  g_test_add_func ("/ui/dialogs/ranges-dialog", test_ranges_dialog);
  g_test_add_func ("/ui/dialogs/spin-rule", test_spin_rule);
  g_test_add_func ("/ui/dialogs/spin-buttons", test_spin_buttons);
  return g_test_run ();
}
