/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pmd-actuals-csv.h"
#include "pmd-field.h"
#include "pmd-actuals-page.h"
#include "pmd-chart-view.h"
#include "pmd-format.h"
#include "pmd-monitor.h"
#include "pmd-page-private.h"
#include "pmd-window.h"
#include "pmd-paths.h"
#include "pmd-refresh.h"

/*
 * "Realisatie": plan against realisation during the year (issue 12). For a
 * version from the library, a year and a month, per line, per layer and in
 * total: the budget (the version's projected cost of the year), what was
 * spent up to the month, the share used against the share a steady pace
 * would have used (M/12), the year-end forecast and its difference to the
 * budget, and the alarm when the share used reaches the threshold (after
 * Bronckhorst, seed 004: 70%). The lines in alarm are listed above the
 * table, each with an icon and words: never colour alone. Below it: how
 * well the earlier versions forecast the years with definitive actuals.
 *
 * The page reads the library, not the open document; the document only
 * says which scenario to show first (the library's name for it). It is
 * built when first shown and refreshed through pmd-refresh: the page's
 * own choices queue a refresh as a change of the document does, and a
 * refresh does what became stale, in order: the list of scenarios, the
 * scenario (versions, actuals, accuracy), the version (its projection),
 * the figures.
 */

typedef enum
{
  STALE_LIST     = 1 << 0,
  STALE_SCENARIO = 1 << 1,
  STALE_VERSION  = 1 << 2,
  STALE_FIGURES  = 1 << 3,
} Stale;

struct _PmdActualsPage
{
  AdwBin          parent_instance;

  PmdDocument    *document;
  PmdLibrary     *library;
  PmdRefresh     *refresh;
  GSettings      *settings;
  Stale           stale;
  gboolean        updating;     /* the page sets its own controls */

  char           *name;         /* the library scenario shown */
  GPtrArray      *versions;     /* PmdLibraryVersion, oldest first */
  GArray         *actuals;      /* PmdRealisation of the scenario */
  PmdScenario    *scenario;     /* the chosen version, resolved */
  PmdProjection  *projection;
  PmdMonitor     *monitor;

  GtkDropDown    *scenario_dropdown;
  GtkDropDown    *version_dropdown;
  GtkSpinButton  *year_spin;
  GtkDropDown    *month_dropdown;
  GtkSpinButton  *threshold_spin;
  GtkAdjustment  *threshold_adjustment;
  GtkStack       *stack;
  AdwStatusPage  *status_page;
  GtkLabel       *summary;
  GtkListBox     *alarm_list;
  GtkGrid        *table;
  GtkDropDown    *chart_line_dropdown;
  PmdChartView   *chart;
  GtkLabel       *accuracy_caption;
  GtkGrid        *accuracy;
};

G_DEFINE_FINAL_TYPE (PmdActualsPage, pmd_actuals_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Another scenario in the document: perhaps another one in the library.
 * The page's own choices are queued as PMD_CHANGE_ACTUALS: what it shows
 * of the realisation changed. */
#define WATCHED_CHANGES (PMD_CHANGE_FILE | PMD_CHANGE_ACTUALS)

/* The alarm goes under the line's name, the difference to the budget under
 * the forecast, and the share expected (the same for every row: M/12) in
 * the heading of the share used: the table fits beside the levers at
 * 1.024 pixels. */
enum {
  COLUMN_NAME,
  COLUMN_BUDGET,
  COLUMN_ACTUAL,
  COLUMN_USED,
  COLUMN_FORECAST,
  N_COLUMNS,
};

static const char *
month_name (int month)
{
  static const char *names[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  g_assert (month >= 1 && month <= 12);
  return _(names[month - 1]);
}

/* Millions with two decimals: a month's spending moves the second one. */
static char *
money (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  if (fabs (value) >= 999999.5)
    return pmd_format_euro_scaled (value, 1e6, 2);
  return pmd_format_euro (value);
}

/* A difference, its sign between € and the digits as every amount has it
 * (model/pmd-format.c): "€ +9,12 mln", "€ −15,20 mln". */
static char *
signed_money (double value)
{
  g_autofree char *text = money (value);

  if (isnan (value))
    return g_strdup ("—");
  if (fabs (value) < 0.5)
    return g_strdup ("€ 0");
  if (value > 0 && g_str_has_prefix (text, "€ "))
    return g_strdup_printf ("€ +%s", text + strlen ("€ "));
  return g_steal_pointer (&text);
}

static char *
share (double fraction)
{
  return isnan (fraction) ? g_strdup ("—") : pmd_format_percent (fraction, 1);
}

static void
queue (PmdActualsPage *self,
       Stale           stale)
{
  self->stale |= stale;
  if (self->refresh != NULL)
    pmd_refresh_queue (self->refresh, PMD_CHANGE_ACTUALS);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
cell (GtkGrid    *grid,
      int         column,
      int         row,
      const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static void
show_status (PmdActualsPage *self,
             const char     *title,
             const char     *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static double
threshold (PmdActualsPage *self)
{
  return gtk_spin_button_get_value (self->threshold_spin) / 100.0;
}

/* "70%": the threshold as the alarm names it. */
static char *
threshold_text (double value)
{
  return pmd_format_percent (value, fabs (value * 100 - round (value * 100)) < 1e-9 ? 0 : 1);
}

/* Stage 1: the scenarios in the library */

static void
set_strings (GtkDropDown *dropdown,
             GPtrArray   *strings,
             guint        selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char *const *) strings->pdata);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

static gboolean
load_list (PmdActualsPage *self)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  guint selected = 0;

  scenarios = pmd_library_list (self->library, &error);
  if (scenarios == NULL)
    {
      show_status (self, _("The Library Could Not Be Read"), error->message);
      return FALSE;
    }
  if (scenarios->len == 0)
    {
      show_status (self, _("No Scenario in the Library"),
                   _("Save the scenario in the library (Ctrl+Shift+L) to measure what is spent against its budget."));
      return FALSE;
    }
  /* The one shown before; else the open document's, when the library has it. */
  wanted = self->name != NULL ? g_strdup (self->name)
                              : pmd_library_slugify (pmd_document_get_scenario (self->document)->name);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const PmdLibraryScenario *s = g_ptr_array_index (scenarios, i);

      g_ptr_array_add (names, g_strdup (s->name));
      if (g_strcmp0 (s->name, wanted) == 0)
        selected = i;
    }
  g_ptr_array_add (names, NULL);
  set_strings (self->scenario_dropdown, names, selected);
  if (g_strcmp0 (self->name, g_ptr_array_index (names, selected)) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (g_ptr_array_index (names, selected));
      self->stale |= STALE_SCENARIO;
    }
  return TRUE;
}

/* Stage 2: the scenario's versions, actuals and the accuracy of its forecasts */

static void
fill_accuracy (PmdActualsPage *self)
{
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_scenario_free);
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_projection_free);
  g_autoptr(GArray) versions = g_array_new (FALSE, TRUE, sizeof (PmdAccuracyVersion));
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GPtrArray) entries = NULL;
  int row = 1;

  clear_grid (self->accuracy);
  for (guint i = 0; i < self->versions->len; i++)
    {
      const PmdLibraryVersion *v = g_ptr_array_index (self->versions, i);
      g_autofree char *ref = g_strdup_printf ("%s@%d", self->name, v->version);
      PmdScenario *sc = pmd_library_load (self->library, ref, NULL, NULL);
      PmdProjection *p = sc ? pmd_project (sc, NULL) : NULL;
      GDateTime *created = g_date_time_new_from_iso8601 (v->created, NULL);
      PmdAccuracyVersion entry = { v->version, created, sc, p };

      /* A version that no longer projects (a file from a newer Piramide)
       * has nothing to say here. */
      if (sc == NULL || p == NULL || created == NULL)
        {
          pmd_scenario_free (sc);
          pmd_projection_free (p);
          g_clear_pointer (&created, g_date_time_unref);
          continue;
        }
      g_ptr_array_add (scenarios, sc);
      g_ptr_array_add (projections, p);
      g_ptr_array_add (times, created);
      g_array_append_val (versions, entry);
    }
  entries = pmd_forecast_accuracy ((PmdAccuracyVersion *) versions->data, versions->len,
                                   (PmdRealisation *) self->actuals->data, self->actuals->len);
  if (entries->len == 0)
    {
      gtk_label_set_text (self->accuracy_caption,
                          _("No year has definitive actuals yet: a year counts once it has a definitive whole-year amount or twelve definitive months."));
      return;
    }
  gtk_label_set_text (self->accuracy_caption,
                      _("Each version saved before a year ended, against what was definitively spent that year. A positive difference: the plan was too high."));
  cell (self->accuracy, 0, 0, _("Year"), "heading");
  cell (self->accuracy, 1, 0, _("Version"), "heading");
  cell (self->accuracy, 2, 0, _("Cost line"), "heading");
  cell (self->accuracy, 3, 0, _("Projected"), "heading");
  cell (self->accuracy, 4, 0, _("Spent"), "heading");
  cell (self->accuracy, 5, 0, _("Difference"), "heading");
  cell (self->accuracy, 6, 0, _("Off by"), "heading");
  for (guint i = 0; i < entries->len; i++, row++)
    {
      const PmdAccuracyEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *year = g_strdup_printf ("%d", e->year);
      g_autofree char *version = g_strdup_printf ("%d", e->version);
      g_autofree char *line = NULL;
      g_autofree char *projected = money (e->projected);
      g_autofree char *actual = money (e->actual);
      g_autofree char *difference = signed_money (e->difference);
      g_autofree char *off = isnan (e->relative_error) ? g_strdup ("—") : pmd_format_percent (e->relative_error, 1);
      int k = e->line && self->scenario ? pmd_scenario_find_line (self->scenario, e->line) : -1;

      if (e->line == NULL)
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total (%u line)", "Total (%u lines)", e->n_lines),
                                e->n_lines);
      else
        line = g_strdup (k >= 0 ? ((PmdLine *) g_ptr_array_index (self->scenario->lines, k))->name : e->line);
      cell (self->accuracy, 0, row, year, NULL);
      cell (self->accuracy, 1, row, version, NULL);
      cell (self->accuracy, 2, row, line, e->line == NULL ? "heading" : NULL);
      cell (self->accuracy, 3, row, projected, NULL);
      cell (self->accuracy, 4, row, actual, NULL);
      cell (self->accuracy, 5, row, difference, NULL);
      cell (self->accuracy, 6, row, off, NULL);
    }
}

/* The year and month of the latest actuals: where an adviser looks first. */
static void
choose_latest (PmdActualsPage *self)
{
  const PmdRealisation *rows = (const PmdRealisation *) self->actuals->data;
  int year = 0, month;

  for (guint i = 0; i < self->actuals->len; i++)
    year = MAX (year, rows[i].year);
  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
      month = g_date_time_get_month (now);
    }
  else
    month = pmd_realisation_latest_month (rows, self->actuals->len, year);
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_drop_down_set_selected (self->month_dropdown, month - 1);
}

static gboolean
load_scenario (PmdActualsPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->actuals, g_array_unref);
  self->versions = pmd_library_log (self->library, self->name, &error);
  if (self->versions != NULL)
    self->actuals = pmd_library_get_actuals (self->library, self->name, &error);
  if (self->actuals == NULL)
    {
      show_status (self, _("The Library Could Not Be Read"), error->message);
      return FALSE;
    }
  /* Newest first. */
  for (guint i = self->versions->len; i-- > 0;)
    {
      const PmdLibraryVersion *v = g_ptr_array_index (self->versions, i);
      g_autofree char *tags = v->tags && v->tags[0] ? g_strjoinv (", ", v->tags) : NULL;

      g_ptr_array_add (labels, tags ? g_strdup_printf (_("Version %d (%s)"), v->version, tags)
                                    : g_strdup_printf (_("Version %d"), v->version));
    }
  g_ptr_array_add (labels, NULL);
  set_strings (self->version_dropdown, labels, 0);
  choose_latest (self);
  self->stale |= STALE_VERSION;
  return TRUE;
}

/* Stage 3: the chosen version and its projection */

static int
chosen_version (PmdActualsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);

  if (self->versions == NULL || selected >= self->versions->len)
    return 0;
  return ((PmdLibraryVersion *) g_ptr_array_index (self->versions, self->versions->len - 1 - selected))->version;
}

/* The total, then each line of the version, for the chart. */
static void
fill_chart_lines (PmdActualsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = gtk_drop_down_get_selected (self->chart_line_dropdown);

  g_ptr_array_add (names, (gpointer) _("Total"));
  for (guint i = 0; i < self->scenario->lines->len; i++)
    g_ptr_array_add (names, ((PmdLine *) g_ptr_array_index (self->scenario->lines, i))->name);
  g_ptr_array_add (names, NULL);
  set_strings (self->chart_line_dropdown, names,
               selected != GTK_INVALID_LIST_POSITION && selected < names->len - 1 ? selected : 0);
}

static gboolean
load_version (PmdActualsPage *self)
{
  g_autofree char *ref = g_strdup_printf ("%s@%d", self->name, chosen_version (self));
  g_autoptr(GError) error = NULL;

  pmd_chart_view_set_monitor (self->chart, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->monitor, pmd_monitor_free);
  g_clear_pointer (&self->projection, pmd_projection_free);
  g_clear_pointer (&self->scenario, pmd_scenario_free);
  self->scenario = pmd_library_load (self->library, ref, NULL, &error);
  if (self->scenario != NULL && (self->projection = pmd_project (self->scenario, &error)) == NULL)
    pmd_scenario_say_in_words (self->scenario, error);
  if (self->projection == NULL)
    {
      show_status (self, _("This Version Cannot Be Shown"), error->message);
      return FALSE;
    }
  gtk_spin_button_set_range (self->year_spin, self->projection->base_year,
                             self->projection->base_year + self->projection->n_years - 1);
  fill_chart_lines (self);
  self->stale |= STALE_FIGURES;
  return TRUE;
}

/* Stage 4: the figures */

/* The line's name and, under it, its alarm in words with an icon, or that
 * nothing was booked on it yet. */
static void
name_cell (GtkGrid                 *grid,
           int                      row,
           const char              *name,
           const PmdMonitorFigures *f,
           gboolean                 heading,
           const char              *reached)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_add_css_class (label, heading ? "heading" : "line-name");
  gtk_box_append (GTK_BOX (box), label);
  if (f->alarm)
    {
      GtkWidget *signal = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *words = gtk_label_new (reached);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alarm"), -1);
      gtk_widget_add_css_class (signal, "alarm");
      gtk_box_append (GTK_BOX (signal), icon);
      gtk_box_append (GTK_BOX (signal), words);
      gtk_box_append (GTK_BOX (box), signal);
    }
  else if (!f->has_actuals)
    {
      GtkWidget *words = gtk_label_new (_("No actuals yet"));

      gtk_label_set_xalign (GTK_LABEL (words), 0);
      gtk_widget_add_css_class (words, "dim-label");
      gtk_widget_add_css_class (words, "caption");
      gtk_box_append (GTK_BOX (box), words);
    }
  if (!heading)
    gtk_widget_set_margin_start (box, 12);
  gtk_grid_attach (grid, box, COLUMN_NAME, row, 1, 1);
}

/* The year-end forecast, and under it its difference to the budget: "+"
 * over budget, "−" under it, in words and sign; the colour only adds. */
static void
forecast_cell (GtkGrid    *grid,
               int         row,
               const char *forecast,
               const char *difference,
               double      value,
               const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_label_new (forecast);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (top), 1);
  gtk_widget_add_css_class (top, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (top, css_class);
  gtk_box_append (GTK_BOX (box), top);
  if (!isnan (value))
    {
      GtkWidget *bottom = gtk_label_new (difference);

      gtk_label_set_xalign (GTK_LABEL (bottom), 1);
      gtk_widget_add_css_class (bottom, "numeric");
      gtk_widget_add_css_class (bottom, "caption");
      if (fabs (value) >= 0.5)
        gtk_widget_add_css_class (bottom, value > 0 ? "increase" : "decrease");
      gtk_box_append (GTK_BOX (box), bottom);
    }
  gtk_grid_attach (grid, box, COLUMN_FORECAST, row, 1, 1);
}

static void
figures_row (PmdActualsPage          *self,
             int                      row,
             const char              *name,
             const PmdMonitorFigures *f,
             const char              *css_class,
             const char              *reached)
{
  g_autofree char *budget = money (f->budget);
  g_autofree char *actual = money (f->actual_to_date);
  g_autofree char *used = share (f->used);
  g_autofree char *forecast = money (f->forecast_year_end);
  g_autofree char *difference = signed_money (f->forecast_difference);

  name_cell (self->table, row, name, f, css_class != NULL, reached);
  cell (self->table, COLUMN_BUDGET, row, budget, css_class);
  cell (self->table, COLUMN_ACTUAL, row, actual, css_class);
  cell (self->table, COLUMN_USED, row, used, css_class);
  forecast_cell (self->table, row, forecast, difference, f->forecast_difference, css_class);
}

static void
fill_table (PmdActualsPage *self,
            const char     *reached)
{
  const PmdMonitor *m = self->monitor;
  g_autofree char *spent = g_strdup_printf (_("Spent to\n%s"), month_name (m->month));
  g_autofree char *expected = share (m->total.expected);
  /* Translators: the share used, and under it the share expected by now */
  g_autofree char *used = g_strdup_printf (_("Used\n(expected\n%s)"), expected);
  const char *headings[N_COLUMNS] = {
    _("Cost line"), _("Budget"), spent, used, _("Year-end forecast\n(to budget)"),
  };
  const char *tooltips[N_COLUMNS] = {
    NULL,
    _("The version’s projected cost of the year"),
    _("Realised from January up to the month chosen; a whole-year amount counts in December"),
    _("Spent as a share of the budget; expected: the share a steady pace would have used by now, months / 12"),
    _("Spent × 12 / months: the year at the pace so far, and under it the forecast minus the budget (+: over budget); none without actuals"),
  };
  int row = 1;

  clear_grid (self->table);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *label = cell (self->table, c, 0, headings[c], "heading");

      gtk_widget_set_tooltip_text (label, tooltips[c]);
      gtk_label_set_justify (GTK_LABEL (label), c == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
    }
  for (guint l = 0; l < m->n_layers; l++)
    {
      const PmdLayer *layer = g_ptr_array_index (self->scenario->layers, l);

      figures_row (self, row++, layer->name, &m->layers[l], "heading", reached);
      for (guint i = 0; i < m->n_lines; i++)
        {
          const PmdLine *line = g_ptr_array_index (self->scenario->lines, i);

          if (line->layer_idx == (int) l)
            figures_row (self, row++, line->name, &m->lines[i], NULL, reached);
        }
    }
  figures_row (self, row, _("Total"), &m->total, "heading", reached);
}

static void
fill_alarms (PmdActualsPage *self,
             const char     *reached)
{
  const PmdMonitor *m = self->monitor;
  guint n = 0;

  clear_list (self->alarm_list);
  for (guint i = 0; i < m->n_lines; i++)
    {
      const PmdMonitorFigures *f = &m->lines[i];
      const PmdLine *line = g_ptr_array_index (self->scenario->lines, i);
      g_autofree char *used = share (f->used);
      g_autofree char *expected = share (f->expected);
      g_autofree char *forecast = money (f->forecast_year_end);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row, *icon;

      if (!f->alarm)
        continue;
      n++;
      /* Translators: the alarm ("70% reached") and the line's name */
      title = g_strdup_printf (_("%s: %s"), reached, line->name);
      /* Translators: share used, month, share expected, year-end forecast */
      subtitle = g_strdup_printf (_("%s of the budget used up to %s, %s expected; year-end forecast %s"),
                                  used, month_name (m->month), expected, forecast);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alarm"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "alarm");
      gtk_list_box_append (self->alarm_list, row);
    }
  if (n == 0)
    {
      g_autofree char *limit = threshold_text (m->threshold);
      g_autofree char *title = g_strdup_printf (_("No cost line has reached %s of its budget"), limit);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->alarm_list, row);
    }
}

/* The chart of cumulative spending per month against the budget path and
 * the threshold (PMD_CHART_ACTUALS), of the total or the line chosen. */
static void
update_chart (PmdActualsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chart_line_dropdown);
  const PmdLine *line = NULL;

  if (self->scenario != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= self->scenario->lines->len)
    line = g_ptr_array_index (self->scenario->lines, selected - 1);
  if (self->monitor == NULL)
    pmd_chart_view_set_monitor (self->chart, NULL, NULL, NULL, NULL);
  else
    pmd_chart_view_set_monitor (self->chart, self->scenario, self->projection, self->monitor,
                                line ? line->id : NULL);
}

static void
chart_line_changed_cb (PmdActualsPage *self)
{
  if (!self->updating)
    update_chart (self);
}

static void
fill_figures (PmdActualsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *reached = NULL;
  g_autofree char *summary = NULL;
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  int month = (int) gtk_drop_down_get_selected (self->month_dropdown) + 1;

  pmd_chart_view_set_monitor (self->chart, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->monitor, pmd_monitor_free);
  self->monitor = pmd_monitor_compute (self->scenario, self->projection,
                                       (PmdRealisation *) self->actuals->data, self->actuals->len,
                                       year, month, threshold (self), &error);
  if (self->monitor == NULL)
    {
      show_status (self, _("No Figures for This Choice"), error->message);
      return;
    }
  limit = threshold_text (self->monitor->threshold);
  /* Translators: the alarm of a line, e.g. "70% reached" */
  reached = g_strdup_printf (_("%s reached"), limit);
  /* Translators: scenario@version, the month, the year */
  summary = g_strdup_printf (_("%s@%d, January up to %s %d. The alarm goes at %s of a budget used."),
                             self->name, chosen_version (self), month_name (month), year, limit);
  if (self->monitor->n_unknown > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            " %u amount is on a cost line this version does not have.",
                                                            " %u amounts are on cost lines this version does not have.",
                                                            self->monitor->n_unknown),
                                               self->monitor->n_unknown);
      g_autofree char *both = g_strconcat (summary, more, NULL);
      g_free (summary);
      summary = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->summary, summary);
  fill_alarms (self, reached);
  fill_table (self, reached);
  update_chart (self);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static void
refresh_cb (gpointer       page,
            PmdChangeFlags flags)
{
  PmdActualsPage *self = page;

  /* Another document: its scenario is shown first, when the library has it. */
  if (flags & PMD_CHANGE_FILE)
    {
      g_clear_pointer (&self->name, g_free);
      self->stale |= STALE_LIST;
    }
  if (self->library == NULL)
    {
      show_status (self, _("The Library Is Not Open"),
                   _("Piramide could not open the scenario library; files can still be opened and saved."));
      return;
    }
  self->updating = TRUE;
  if (self->stale & STALE_LIST && !load_list (self))
    goto out;
  if (self->stale & STALE_SCENARIO && !load_scenario (self))
    goto out;
  if (self->stale & STALE_VERSION && !load_version (self))
    goto out;
  fill_figures (self);
  /* After the version: the names of its lines. */
  if (self->stale & STALE_SCENARIO)
    fill_accuracy (self);
  self->stale = 0;
out:
  self->updating = FALSE;
}

/* Callbacks of the controls */

static void
scenario_changed_cb (PmdActualsPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->scenario_dropdown);

  if (self->updating || item == NULL)
    return;
  g_free (self->name);
  self->name = g_strdup (gtk_string_object_get_string (item));
  queue (self, STALE_SCENARIO);
}

static void
version_changed_cb (PmdActualsPage *self)
{
  if (!self->updating)
    queue (self, STALE_VERSION);
}

static void
figures_changed_cb (PmdActualsPage *self)
{
  if (!self->updating)
    queue (self, STALE_FIGURES);
}

/* Import */

static guint
lines_n (char **lines)
{
  return g_strv_length (lines) - 1;
}

/* Every refused row in a list one can read and copy: the library's
 * message has a first line that says nothing was imported, then one line
 * per row ("regel 4, kolom post: …"). */
static void
show_refused (PmdActualsPage *self,
              const char     *file_name,
              const GError   *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  g_autofree char *heading = g_strdup_printf (_("Nothing Imported From “%s”"), file_name);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, lines[0]);
  GtkWidget *scroller, *list;

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (lines[0] != NULL && lines[1] != NULL)
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 1; lines[i] != NULL; i++)
        {
          GtkWidget *label;

          if (*lines[i] == '\0')
            continue;
          label = gtk_label_new (lines[i]);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_widget_set_margin_top (label, 6);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_list_box_append (GTK_LIST_BOX (list), label);
        }
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), MIN (lines_n (lines) * 48, 240));
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      /* Wide enough that a row reads as one or two lines. */
      gtk_widget_set_size_request (scroller, 480, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pmd_actuals_page_import_file:
 * @file: a CSV export of realised spending
 *
 * Imports @file into the scenario shown, all or nothing, as Import
 * Actuals… does: a toast says how many amounts came in; a refused file is
 * shown in a dialog that lists every bad row.
 *
 * Returns: whether the amounts were imported
 */
gboolean
pmd_actuals_page_import_file (PmdActualsPage *self,
                              GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  g_autofree char *done = NULL;
  gsize length;
  guint n = 0;

  g_return_val_if_fail (PMD_IS_ACTUALS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->refresh != NULL)
    pmd_refresh_flush (self->refresh);
  base = g_file_get_basename (file);
  if (self->library == NULL || self->name == NULL)
    {
      _pmd_page_show_error (GTK_WIDGET (self), _("Save the scenario in the library first"));
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error) ||
      !pmd_actuals_csv_import (self->library, self->name, data, length, &n, &error))
    {
      show_refused (self, base, error);
      return FALSE;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u amount imported into %s", "%u amounts imported into %s", n),
                          n, self->name);
  _pmd_page_show_error (GTK_WIDGET (self), done);
  queue (self, STALE_SCENARIO);
  return TRUE;
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PmdActualsPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      pmd_actuals_page_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  PmdActualsPage *self = PMD_ACTUALS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  chooser = gtk_file_chooser_native_new (_("Import Actuals"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  pmd_session_start_chooser (pmd_window_find_session (GTK_WIDGET (self)), GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static gboolean
percent_to_share (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
share_to_percent (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
pmd_actuals_page_dispose (GObject *object)
{
  PmdActualsPage *self = PMD_ACTUALS_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  if (self->chart != NULL)
    pmd_chart_view_set_monitor (self->chart, NULL, NULL, NULL, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->actuals, g_array_unref);
  g_clear_pointer (&self->monitor, pmd_monitor_free);
  g_clear_pointer (&self->projection, pmd_projection_free);
  g_clear_pointer (&self->scenario, pmd_scenario_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_ACTUALS_PAGE);

  G_OBJECT_CLASS (pmd_actuals_page_parent_class)->dispose (object);
}

static void
pmd_actuals_page_finalize (GObject *object)
{
  PmdActualsPage *self = PMD_ACTUALS_PAGE (object);

  g_free (self->name);

  G_OBJECT_CLASS (pmd_actuals_page_parent_class)->finalize (object);
}

static void
pmd_actuals_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PmdActualsPage *self = PMD_ACTUALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_actuals_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PmdActualsPage *self = PMD_ACTUALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_actuals_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_LIBRARY:
      pmd_actuals_page_set_library (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_actuals_page_class_init (PmdActualsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_actuals_page_dispose;
  object_class->finalize = pmd_actuals_page_finalize;
  object_class->get_property = pmd_actuals_page_get_property;
  object_class->set_property = pmd_actuals_page_set_property;

  /**
   * PmdActualsPage:document:
   *
   * The open document: the library scenario of the same name is shown first.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PmdActualsPage:library:
   *
   * The library whose versions and actuals are shown; %NULL when it could
   * not be opened.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PMD_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PMD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-actuals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, alarm_list);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, table);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, chart_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, accuracy_caption);
  gtk_widget_class_bind_template_child (widget_class, PmdActualsPage, accuracy);
  gtk_widget_class_bind_template_callback (widget_class, scenario_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, figures_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_line_changed_cb);
  gtk_widget_class_install_action (widget_class, "actuals.import", NULL, import_action);
}

static void
pmd_actuals_page_init (PmdActualsPage *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pmd_field_init_spin (self->year_spin, PMD_FIELD_YEAR, _("Year"));
  pmd_field_init_spin (self->threshold_spin, PMD_FIELD_PERCENT, _("Alarm at"));
  _pmd_page_pass_vertical_scroll (GTK_WIDGET (self));
  for (int m = 1; m <= 12; m++)
    gtk_string_list_append (months, month_name (m));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));
  self->updating = FALSE;

  /* main() refuses to start without the schema; tests set it up. */
  self->settings = pmd_settings_new (&error);
  g_assert_no_error (error);
  g_settings_bind_with_mapping (self->settings, "actuals-threshold", self->threshold_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_to_share, share_to_percent, NULL, NULL);
  self->stale = STALE_LIST;
}

PmdActualsPage *
pmd_actuals_page_new (PmdDocument *document)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_ACTUALS_PAGE, "document", document, NULL);
}

PmdDocument *
pmd_actuals_page_get_document (PmdActualsPage *self)
{
  g_return_val_if_fail (PMD_IS_ACTUALS_PAGE (self), NULL);
  return self->document;
}

/**
 * pmd_actuals_page_set_document:
 * @document: (nullable): the open document
 *
 * Nothing is built until the page is shown.
 */
void
pmd_actuals_page_set_document (PmdActualsPage *self,
                               PmdDocument    *document)
{
  g_return_if_fail (PMD_IS_ACTUALS_PAGE (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  pmd_refresh_watch (&self->refresh, GTK_WIDGET (self), document, WATCHED_CHANGES, refresh_cb, PMD_CHANGE_FILE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

PmdLibrary *
pmd_actuals_page_get_library (PmdActualsPage *self)
{
  g_return_val_if_fail (PMD_IS_ACTUALS_PAGE (self), NULL);
  return self->library;
}

/**
 * pmd_actuals_page_set_library:
 * @library: (nullable): the library, or %NULL when it could not be opened
 */
void
pmd_actuals_page_set_library (PmdActualsPage *self,
                              PmdLibrary     *library)
{
  g_return_if_fail (PMD_IS_ACTUALS_PAGE (self));
  g_return_if_fail (library == NULL || PMD_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;
  queue (self, STALE_LIST | STALE_SCENARIO);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * pmd_actuals_page_reload:
 *
 * Reads the library again, when the page is next shown: versions were
 * added, or actuals imported, elsewhere.
 */
void
pmd_actuals_page_reload (PmdActualsPage *self)
{
  g_return_if_fail (PMD_IS_ACTUALS_PAGE (self));
  queue (self, STALE_LIST | STALE_SCENARIO);
}

/**
 * pmd_actuals_page_choose:
 * @name: (nullable): a scenario in the library; %NULL: the one shown
 * @version: its version; 0: the latest
 * @year: the year; 0: as it is
 * @month: the month counted up to, 1–12; 0: as it is
 *
 * Chooses what the page shows, as its controls do, and shows it now.
 */
void
pmd_actuals_page_choose (PmdActualsPage *self,
                         const char     *name,
                         int             version,
                         int             year,
                         int             month)
{
  g_return_if_fail (PMD_IS_ACTUALS_PAGE (self));

  if (self->refresh == NULL)
    return;
  if (name != NULL && g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      queue (self, STALE_LIST | STALE_SCENARIO);
    }
  pmd_refresh_flush (self->refresh);
  self->updating = TRUE;
  for (guint i = 0; version > 0 && self->versions != NULL && i < self->versions->len; i++)
    if (((PmdLibraryVersion *) g_ptr_array_index (self->versions, i))->version == version)
      gtk_drop_down_set_selected (self->version_dropdown, self->versions->len - 1 - i);
  if (year > 0)
    gtk_spin_button_set_value (self->year_spin, year);
  if (month > 0)
    gtk_drop_down_set_selected (self->month_dropdown, month - 1);
  self->updating = FALSE;
  queue (self, STALE_VERSION);
  pmd_refresh_flush (self->refresh);
}
