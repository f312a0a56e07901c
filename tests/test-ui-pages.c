/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "pmd-assumptions-page.h"
#include "pmd-interventions-page.h"
#include "pmd-lines-page.h"
#include "pmd-scenario-file.h"
#include "pmd-test-utils-ui.h"
#include "pmd-ui-resources.h"


/*
 * The three editing pages, each built by GtkBuilder from its template with
 * a document, alone in a window: a change of the document shows up after
 * one refresh, a change the page does not show leaves its rows alone, and
 * the page is finalized when its window closes. Then the keys of a Posten
 * cell, sent through the X server as a user's are.
 */

typedef struct
{
  PmdDocument *document;
  GtkWindow   *window;
  GtkWidget   *page;
} Fixture;

static PmdDocument *
westland_document (void)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc = pmd_scenario_load_bundled ("westland-2026", &error);

  g_assert_no_error (error);
  return pmd_document_new (sc);
}

/* A window at a beamer's size holding @class built from its template, the
 * document given to GtkBuilder by name. Not shown yet. */
static void
fixture_build (Fixture    *f,
               const char *class)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_strdup_printf (
    "<interface>"
    "  <object class='GtkWindow' id='window'>"
    "    <property name='default-width'>1024</property>"
    "    <property name='default-height'>768</property>"
    "    <property name='child'>"
    "      <object class='AdwToastOverlay'>"
    "        <property name='child'>"
    "          <object class='%s' id='page'>"
    "            <property name='document'>document</property>"
    "          </object>"
    "        </property>"
    "      </object>"
    "    </property>"
    "  </object>"
    "</interface>", class);

  f->document = westland_document ();
  gtk_builder_expose_object (builder, "document", G_OBJECT (f->document));
  g_assert_true (gtk_builder_add_from_string (builder, xml, -1, &error));
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_builder_get_object (builder, "window"));
  f->page = GTK_WIDGET (gtk_builder_get_object (builder, "page"));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (f->page, g_type_from_name (class)));
}

static void
fixture_show (Fixture *f)
{
  gtk_window_present (f->window);
  pmd_test_wait_until (gtk_widget_get_mapped (f->page));
  pmd_test_drain (f->page);
}

/* Closing the window finalizes the page, and nothing keeps the document. */
static void
fixture_close (Fixture *f)
{
  g_object_ref (f->page);
  gtk_window_destroy (f->window);
  pmd_test_drain (NULL);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->document);
}

static void
idle_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* The main loop until the refresh queued by a change has run: the page's
 * idle came first, so it ran before this one. */
static void
run_one_idle (void)
{
  gboolean done = FALSE;

  g_idle_add_once (idle_done_cb, &done);
  pmd_test_wait_until (done);
}

static void
set_param (PmdDocument *document,
           const char  *path,
           double       value)
{
  g_autoptr(GError) error = NULL;

  pmd_document_set_param (document, path, value, NULL, &error);
  g_assert_no_error (error);
}

static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  pmd_test_collect_descendants (widget, type, found);
  return found->len;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* Posten: the base cost of Wmo-maatwerkvoorzieningen. */
static void
test_lines (void)
{
  Fixture f;
  GtkWidget *cell;
  int wmo;

  fixture_build (&f, "PmdLinesPage");
  /* Nothing is built before the page is first shown. */
  g_assert_cmpuint (count_descendants (f.page, GTK_TYPE_EDITABLE_LABEL), ==, 0);
  fixture_show (&f);
  pmd_test_screenshot (GTK_WIDGET (f.window), "pages-lines-1024x768.png");
  wmo = pmd_scenario_find_line (pmd_document_get_scenario (f.document), "wmo-maatwerk");
  cell = pmd_test_lines_cell (f.page, wmo, "base_cost");
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "€ 22.800.000");

  /* 23.456.789 euros: "€ 23.456.789", in the same cell (a value, not a
   * new line: the row is not built again). */
  set_param (f.document, "lines.wmo-maatwerk.base_cost", 23456789);
  run_one_idle ();
  g_assert_true (pmd_test_lines_cell (f.page, wmo, "base_cost") == cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "€ 23.456.789");
  /* 1,75% growth (0,0175): "1,75%". */
  set_param (f.document, "lines.wmo-maatwerk.growth", 0.0175);
  run_one_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pmd_test_lines_cell (f.page, wmo, "growth"))), ==, "1,75%");

  /* The funding is not on this page: nothing changes on it. */
  set_param (f.document, "funding.base", 131000000);
  run_one_idle ();
  g_assert_true (pmd_test_lines_cell (f.page, wmo, "base_cost") == cell);

  /* A line added through the page's action: one more row. */
  {
    guint rows = count_descendants (f.page, GTK_TYPE_EDITABLE_LABEL);

    gtk_widget_activate_action (f.page, "lines.add", NULL);
    run_one_idle ();
    pmd_test_drain (f.page);
    g_assert_cmpuint (count_descendants (f.page, GTK_TYPE_EDITABLE_LABEL), >, rows);
  }
  fixture_close (&f);
}

/* Maatregelen: the yearly amount of "Preventie en welzijn voor ouderen". */
static void
test_interventions (void)
{
  Fixture f;
  GtkWidget *expander, *row;

  fixture_build (&f, "PmdInterventionsPage");
  g_assert_cmpuint (count_descendants (f.page, ADW_TYPE_EXPANDER_ROW), ==, 0);
  fixture_show (&f);
  pmd_test_screenshot (GTK_WIDGET (f.window), "pages-interventions-1024x768.png");
  expander = pmd_test_find_row (f.page, ADW_TYPE_EXPANDER_ROW, "Preventie en welzijn voor ouderen", NULL);
  g_assert_nonnull (expander);
  row = pmd_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Euros a year", NULL);
  g_assert_nonnull (row);

  /* 1.250.000 euros a year: "€ 1.250.000", in the same row. */
  set_param (f.document, "interventions.preventie-ouderen.amount", 1250000);
  run_one_idle ();
  g_assert_true (pmd_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Euros a year", NULL) == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "€ 1.250.000");
  /* Switched off: the switch says so, the row stays. */
  set_param (f.document, "interventions.preventie-ouderen.enabled", 0);
  run_one_idle ();
  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();

    /* The expander row's own switch (to enable expansion) is hidden. */
    pmd_test_collect_descendants (expander, GTK_TYPE_SWITCH, switches);
    for (guint i = switches->len; i > 0; i--)
      if (!gtk_widget_get_visible (g_ptr_array_index (switches, i - 1)))
        g_ptr_array_remove_index (switches, i - 1);
    g_assert_cmpuint (switches->len, ==, 1);
    g_assert_false (gtk_switch_get_active (g_ptr_array_index (switches, 0)));
  }

  /* A cost line's base cost is not shown here: the rows stay. */
  set_param (f.document, "lines.wmo-maatwerk.base_cost", 23000000);
  run_one_idle ();
  g_assert_true (pmd_test_find_row (f.page, ADW_TYPE_EXPANDER_ROW, "Preventie en welzijn voor ouderen", NULL) == expander);

  /* A shift added through the page's action: one more intervention. */
  gtk_widget_activate_action (f.page, "interventions.add-shift", NULL);
  run_one_idle ();
  g_assert_nonnull (pmd_test_find_row (f.page, ADW_TYPE_EXPANDER_ROW, "New shift", NULL));
  fixture_close (&f);
}

/* Aannames: the funding in the base year. */
static void
test_assumptions (void)
{
  Fixture f;
  GtkWidget *row;

  fixture_build (&f, "PmdAssumptionsPage");
  /* The template's rows are there, empty, until the page is shown. */
  row = pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Funding in the base year", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_null (pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Residents", NULL));
  fixture_show (&f);
  pmd_test_screenshot (GTK_WIDGET (f.window), "pages-assumptions-1024x768.png");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "€ 130.400.000");

  /* 131.000.000 euros: "€ 131.000.000", in the same row; the rows of the
   * cohorts stay (a value: nothing is built again). */
  {
    GtkWidget *residents = pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Residents", "12.500");

    g_assert_nonnull (residents);
    set_param (f.document, "funding.base", 131000000);
    run_one_idle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "€ 131.000.000");
    g_assert_true (pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Residents", "12.500") == residents);
    /* 75+ in 2040: 14.000 residents, in the same row. */
    set_param (f.document, "cohorts.75plus.points.1", 14000);
    run_one_idle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (residents)), ==, "14.000");

    /* The cost lines are not on this page: nothing changes on it. */
    set_param (f.document, "lines.wmo-maatwerk.base_cost", 23000000);
    run_one_idle ();
    g_assert_true (pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Residents", "14.000") == residents);
  }

  /* A layer added through the page's action: a row with its name. */
  gtk_widget_activate_action (f.page, "assumptions.add", "s", "layers");
  run_one_idle ();
  g_assert_nonnull (pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Name", "New layer"));
  fixture_close (&f);
}

/* The document property: set by the builder, notified once per real
 * change, and another document replaces the old one's signals. */
static void
test_document_property (void)
{
  Fixture f;
  g_autoptr(PmdDocument) other = westland_document ();
  GtkWidget *row;
  guint notified = 0;

  fixture_build (&f, "PmdAssumptionsPage");
  fixture_show (&f);
  g_assert_true (pmd_assumptions_page_get_document (PMD_ASSUMPTIONS_PAGE (f.page)) == f.document);
  g_signal_connect (f.page, "notify::document", G_CALLBACK (notify_cb), &notified);
  g_object_set (f.page, "document", f.document, NULL);
  g_assert_cmpuint (notified, ==, 0);
  g_object_set (f.page, "document", other, NULL);
  g_assert_cmpuint (notified, ==, 1);
  run_one_idle ();

  row = pmd_test_find_row (f.page, ADW_TYPE_ENTRY_ROW, "Funding in the base year", NULL);
  set_param (f.document, "funding.base", 131000000);
  run_one_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "€ 130.400.000");
  set_param (other, "funding.base", 132000000);
  run_one_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "€ 132.000.000");
  g_signal_handlers_disconnect_by_func (f.page, notify_cb, &notified);
  fixture_close (&f);
}

static gboolean
editing (GtkWidget *cell)
{
  return gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell));
}

/* Escape ends the edit, nothing changed. */
static void
escape (Fixture   *f,
        GtkWidget *cell)
{
  g_assert_true (pmd_test_key (GTK_WIDGET (f->window), "Escape"));
  pmd_test_wait_until (!editing (cell));
  pmd_test_drain (f->page);
  g_assert_false (pmd_document_can_undo (f->document));
}

/*
 * Posten: a click on a value starts editing it, as the page says. In GTK
 * 4.8 the column view took the focus to the row after the cell had begun
 * editing, and the cell stopped at once: clicks did nothing. A single click
 * on a value, in the row selected or another, a double click and a slow
 * press each leave the cell editing, the old text selected.
 */
static void
test_lines_click (void)
{
  Fixture f;
  GtkWidget *cell;
  GtkColumnView *view;
  int wmo, jeugd;

  fixture_build (&f, "PmdLinesPage");
  fixture_show (&f);
  wmo = pmd_scenario_find_line (pmd_document_get_scenario (f.document), "wmo-maatwerk");
  jeugd = pmd_scenario_find_line (pmd_document_get_scenario (f.document), "jeugd-specialistisch");
  g_assert_cmpint (jeugd, >=, 0);
  view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (f.page, PMD_TYPE_LINES_PAGE, "view"));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), wmo, TRUE);
  pmd_test_drain (f.page);

  /* One click on a value of the row selected. */
  cell = pmd_test_lines_cell (f.page, wmo, "base_cost");
  if (!pmd_test_click (cell, -1, -1, "click"))
    {
      g_test_skip ("no X server or no xdotool to send input with");
      fixture_close (&f);
      return;
    }
  g_assert_true (pmd_test_cell_edits (cell));
  escape (&f, cell);

  /* One click on a value of another row: it is selected, and edited. */
  cell = pmd_test_lines_cell (f.page, jeugd, "clients");
  g_assert_true (pmd_test_click (cell, -1, -1, "click"));
  g_assert_true (pmd_test_cell_edits (cell));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))), ==, jeugd);
  escape (&f, cell);

  /* A slow press on a name. */
  cell = pmd_test_lines_cell (f.page, wmo, "name");
  g_assert_true (pmd_test_click (cell, -1, -1, "slow"));
  g_assert_true (pmd_test_cell_edits (cell));
  escape (&f, cell);

  /* A double click, not too quick, on a value of a row not selected. */
  cell = pmd_test_lines_cell (f.page, jeugd, "growth");
  g_assert_true (pmd_test_click (cell, -1, -1, "double"));
  g_assert_true (pmd_test_cell_edits (cell));
  pmd_test_screenshot (GTK_WIDGET (f.window), "pages-lines-editing-1024x768.png");

  /* What is typed replaces the old text; Enter keeps it. */
  g_assert_true (pmd_test_xdotool (GTK_WIDGET (f.window), "type", "2,5%", NULL));
  pmd_test_wait_until (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (cell)), "2,5%"));
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Return"));
  pmd_test_wait_until (!editing (cell));
  pmd_test_drain (f.page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pmd_test_lines_cell (f.page, jeugd, "growth"))), ==, "2,5%");
  fixture_close (&f);
}

/*
 * Posten cells: a double click on a cell of the row already selected
 * starts editing with the old text selected, to type over; Escape puts it
 * back; Enter commits; Tab commits and moves to the next cell with one
 * press (it took two: the cell took the focus back).
 */
static void
test_lines_keys (void)
{
  Fixture f;
  GtkWidget *cell, *next, *focus;
  GtkColumnView *view;
  double value;
  int start, end, wmo;

  fixture_build (&f, "PmdLinesPage");
  fixture_show (&f);
  wmo = pmd_scenario_find_line (pmd_document_get_scenario (f.document), "wmo-maatwerk");
  view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (f.page, PMD_TYPE_LINES_PAGE, "view"));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), wmo, TRUE);
  pmd_test_drain (f.page);
  cell = pmd_test_lines_cell (f.page, wmo, "base_cost");

  if (!pmd_test_click (cell, -1, -1, "double"))
    {
      g_test_skip ("no X server or no xdotool to send input with");
      fixture_close (&f);
      return;
    }
  pmd_test_wait_until (editing (cell) && gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), &start, &end));
  pmd_test_drain (f.page);
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen ("€ 22.800.000", -1));

  /* Escape: the old value, unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (cell), "1");
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Escape"));
  pmd_test_wait_until (!editing (cell));
  pmd_test_drain (f.page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "€ 22.800.000");
  g_assert_true (pmd_document_get_param (f.document, "lines.wmo-maatwerk.base_cost", &value));
  g_assert_cmpfloat (value, ==, 22800000);
  g_assert_false (pmd_document_can_undo (f.document));

  /* Enter on the focused cell starts editing, Enter commits: 23 mln. */
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Return"));
  pmd_test_wait_until (editing (cell));
  g_assert_true (pmd_test_xdotool (GTK_WIDGET (f.window), "type", "23 mln", NULL));
  pmd_test_wait_until (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (cell)), "23 mln"));
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Return"));
  pmd_test_wait_until (!editing (cell));
  pmd_test_drain (f.page);
  g_assert_true (pmd_document_get_param (f.document, "lines.wmo-maatwerk.base_cost", &value));
  g_assert_cmpfloat (value, ==, 23000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "€ 23.000.000");

  /* Tab: committed and on to the clients cell at once, no longer editing
   * (the cell used to wait 100 ms, then take the focus back). */
  next = pmd_test_lines_cell (f.page, wmo, "clients");
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Return"));
  pmd_test_wait_until (editing (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), "24 mln");
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Tab"));
  pmd_test_wait_until (!editing (cell));
  g_assert_true (pmd_document_get_param (f.document, "lines.wmo-maatwerk.base_cost", &value));
  g_assert_cmpfloat (value, ==, 24000000);
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (focus == next || gtk_widget_is_ancestor (focus, next));
  fixture_close (&f);
}

/* Blue, the accent colour of the focus ring, and not grey or white. */
static gboolean
is_accent (guint32 argb)
{
  int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;

  return b > r + 60 && b > g + 30;
}

static gboolean
focus_in (GtkWidget *cell)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (cell));

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static GtkWidget *
find_button (GtkWidget  *scope,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  pmd_test_collect_descendants (scope, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/*
 * Posten keys, through X: Shift+Tab goes back a cell (GTK 4.8 went on
 * within the row, so that Shift+Tabs landed anywhere), a cell being edited
 * committed first; the cell that has the keyboard is outlined. Shift+Tab
 * from the first cell reaches Remove, and Enter there removes the selected
 * line with a toast whose Undo brings it back. A long name ends in "…" and
 * its tooltip has it in full.
 */
static void
test_lines_tab_back (void)
{
  Fixture f;
  GtkWidget *clients, *base, *name, *remove;
  GtkColumnView *view;
  const PmdScenario *sc;
  g_autofree char *toast = NULL;
  guint lines;
  double value;
  int wmo;

  fixture_build (&f, "PmdLinesPage");
  fixture_show (&f);
  sc = pmd_document_get_scenario (f.document);
  wmo = pmd_scenario_find_line (sc, "wmo-maatwerk");
  view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (f.page, PMD_TYPE_LINES_PAGE, "view"));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), wmo, TRUE);
  pmd_test_drain (f.page);
  clients = pmd_test_lines_cell (f.page, wmo, "clients");
  base = pmd_test_lines_cell (f.page, wmo, "base_cost");
  name = pmd_test_lines_cell (f.page, wmo, "name");

  if (!pmd_test_click (clients, -1, -1, "click"))
    {
      g_test_skip ("no X server or no xdotool to send input with");
      fixture_close (&f);
      return;
    }
  g_assert_true (pmd_test_cell_edits (clients));
  g_assert_true (pmd_test_xdotool (GTK_WIDGET (f.window), "type", "5.000", NULL));
  pmd_test_wait_until (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (clients)), "5.000"));

  /* Committed, and back to the base cost: outlined, where its neighbour
   * is not. */
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "shift+Tab"));
  g_assert_false (editing (clients));
  g_assert_true (focus_in (base));
  g_assert_true (pmd_document_get_param (f.document, "lines.wmo-maatwerk.clients", &value));
  g_assert_cmpfloat (value, ==, 5000);
  pmd_test_drain (f.page);
  pmd_test_screenshot (GTK_WIDGET (f.window), "pages-lines-focus-1024x768.png");
  g_assert_true (is_accent (pmd_test_pixel (base, 1, gtk_widget_get_height (base) / 2.0)));
  g_assert_false (is_accent (pmd_test_pixel (clients, 1, gtk_widget_get_height (clients) / 2.0)));

  /* The name, then the last cell of the row above (its driver). */
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "shift+Tab"));
  g_assert_true (focus_in (name));
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "shift+Tab"));
  g_assert_true (focus_in (pmd_test_lines_cell (f.page, wmo - 1, "driver")));
  /* Tab comes back the same way. */
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Tab"));
  g_assert_true (focus_in (name));

  /* The name of the first line is longer than its column: "…", and the
   * tooltip has all of it. */
  name = pmd_test_lines_cell (f.page, 0, "name");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    pmd_test_collect_descendants (name, GTK_TYPE_LABEL, labels);
    g_assert_cmpuint (labels->len, ==, 1);
    g_assert_true (gtk_label_get_ellipsize (g_ptr_array_index (labels, 0)) == PANGO_ELLIPSIZE_END);
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (name),
                                     ((PmdLine *) g_ptr_array_index (sc->lines, 0))->name));
  }

  /* Before the first cell: Remove. Enter there removes the line selected,
   * and says so. */
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  gtk_widget_grab_focus (name);
  pmd_test_drain (f.page);
  remove = find_button (f.page, "_Remove");
  g_assert_nonnull (remove);
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "shift+Tab"));
  g_assert_true (gtk_widget_has_focus (remove));
  lines = sc->lines->len;
  g_assert_true (pmd_test_key (GTK_WIDGET (f.window), "Return"));
  g_assert_cmpuint (pmd_document_get_scenario (f.document)->lines->len, ==, lines - 1);
  pmd_test_drain (f.page);
  toast = pmd_test_dup_toast (f.page);
  g_assert_cmpstr (toast, ==, "Cost line “Welzijn, sociale basis en gezondheid” removed");
  pmd_test_screenshot (GTK_WIDGET (f.window), "pages-lines-removed-1024x768.png");
  /* Its Undo, clicked. */
  {
    GtkWidget *undo = find_button (gtk_widget_get_ancestor (f.page, ADW_TYPE_TOAST_OVERLAY), "_Undo");

    g_assert_nonnull (undo);
    g_assert_true (pmd_test_click (undo, -1, -1, "click"));
    pmd_test_wait_until (pmd_document_get_scenario (f.document)->lines->len == lines);
  }
  g_assert_cmpstr (((PmdLine *) g_ptr_array_index (pmd_document_get_scenario (f.document)->lines, 0))->id, ==,
                   "sociale-basis");
  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PIRAMIDE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  g_assert_nonnull (pmd_ui_get_resource ());
  /* The program's style, as its application loads it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/nl/piramide/Piramide/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Toasts come and go at once (see test-ui-window.c). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_type_ensure (PMD_TYPE_LINES_PAGE);
  g_type_ensure (PMD_TYPE_INTERVENTIONS_PAGE);
  g_type_ensure (PMD_TYPE_ASSUMPTIONS_PAGE);

  g_test_add_func ("/ui/pages/lines", test_lines);
  g_test_add_func ("/ui/pages/interventions", test_interventions);
  g_test_add_func ("/ui/pages/assumptions", test_assumptions);
  g_test_add_func ("/ui/pages/document-property", test_document_property);
  g_test_add_func ("/ui/pages/lines-keys", test_lines_keys);
  g_test_add_func ("/ui/pages/lines-click", test_lines_click);
  g_test_add_func ("/ui/pages/lines-tab-back", test_lines_tab_back);
  return g_test_run ();
}
