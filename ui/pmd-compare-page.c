/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pmd-chart-view.h"
#include "pmd-compare-page.h"
#include "pmd-message-bar.h"
#include "pmd-window.h"
#include "pmd-page-private.h"
#include "pmd-explain-popover.h"
#include "pmd-compare-page-private.h"
#include "pmd-csv.h"
#include "pmd-file-writer.h"
#include "pmd-scenario-file.h"
#include "pmd-format.h"
#include "pmd-refresh.h"

/*
 * The compare page: two to four variants of the open scenario, or of
 * scenarios opened beside it, side by side. The variants chart on top,
 * then the assumptions that differ (a value unlike the first entry's is
 * highlighted), the outputs in the chosen years and the difference in
 * total cost per year. The page follows every edit of the document that
 * it shows (pmd-refresh): it is rebuilt when it is on screen, never during
 * a slider drag elsewhere, and nothing is built before it is first shown.
 */

#define MAX_ENTRIES 4

typedef struct
{
  char           *label;
  char           *file;      /* NULL: the open document */
  PmdScenario    *scenario;  /* of a file; NULL for the document */
  char           *variant;   /* NULL: as written */
  GtkCheckButton *check;
} Candidate;

struct _PmdComparePage
{
  AdwBin          parent_instance;

  PmdDocument    *document;
  PmdRefresh     *refresh;
  GPtrArray      *candidates;   /* Candidate */
  GtkFlowBox     *choices;
  GtkEntry       *years_entry;
  GtkDropDown    *measure;
  GtkLabel       *status;
  GtkWidget      *content;
  PmdChartView   *chart;
  GtkGrid        *assumptions;
  GtkGrid        *outputs;
  GtkGrid        *per_year;
  GtkFlowBox     *tables;
  GtkLabel       *per_year_caption;

  GArray         *years;        /* int: the years of the outputs table */
  PmdComparison  *comparison;   /* what is shown */
  gboolean        refreshing;
};

G_DEFINE_FINAL_TYPE (PmdComparePage, pmd_compare_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The scenario as written and each variant, projected; the ranges and
 * the realised costs play no part, nor which variant the window shows. */
#define WATCHED_CHANGES ((PMD_CHANGE_CONTENT & ~(PMD_CHANGE_RANGES | PMD_CHANGE_ACTUALS)) | PMD_CHANGE_FILE)

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  g_free (c->label);
  g_free (c->file);
  g_free (c->variant);
  pmd_scenario_free (c->scenario);
  g_free (c);
}

static guint
n_checked (PmdComparePage *self)
{
  guint n = 0;

  for (guint i = 0; i < self->candidates->len; i++)
    n += gtk_check_button_get_active (((Candidate *) g_ptr_array_index (self->candidates, i))->check);
  return n;
}

/* No more than four at once: the others wait, insensitive, until one is
 * unchecked. */
static void
update_sensitivity (PmdComparePage *self)
{
  gboolean full = n_checked (self) >= MAX_ENTRIES;

  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (self->candidates, i);
      gtk_widget_set_sensitive (GTK_WIDGET (c->check), !full || gtk_check_button_get_active (c->check));
    }
}

/* Removes the cells outside @n_columns × @n_rows: what is left of a larger
 * table shown before. */
static void
trim_grid (GtkGrid *grid,
           int      n_columns,
           int      n_rows)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      int column, row;

      /* The explanation's popover is the table's, not a cell. */
      if (GTK_IS_POPOVER (child))
        {
          child = next;
          continue;
        }
      gtk_grid_query_child (grid, child, &column, &row, NULL, NULL);
      if (column >= n_columns || row >= n_rows)
        gtk_grid_remove (grid, child);
      child = next;
    }
}

/* The label at @column, @row, made once and then only given new text: a
 * slider drag changes the numbers, not the table. */
static GtkWidget *
cell (GtkGrid    *grid,
      int         column,
      int         row,
      const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_grid_get_child_at (grid, column, row);
  const char *classes[3] = { NULL };
  guint n = 0;

  /* Where an outcome was (the years asked for changed): a label now. */
  if (label != NULL && !GTK_IS_LABEL (label))
    {
      gtk_grid_remove (grid, label);
      label = NULL;
    }
  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
      gtk_label_set_wrap (GTK_LABEL (label), column == 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_grid_attach (grid, label, column, row, 1, 1);
    }
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  if (column > 0)
    classes[n++] = "numeric";
  if (css_class != NULL)
    classes[n++] = css_class;
  gtk_widget_set_css_classes (label, classes);
  return label;
}

/* Outcomes explain themselves */

typedef struct
{
  const char *figure;   /* an output path, pmd_figure_parse() */
  int         year;
  guint       entry;
} Figure;

/* "Hoe komt dit getal tot stand?" for the outcome a cell shows: the
 * entry's own scenario and projection, in one popover per table. A leaf's
 * button brings the user to the input in the window (win.edit-input); a
 * table outside the window (the library's) has no such action and the
 * button does nothing there. */
static void
jump_cb (GtkWidget  *popover,
         const char *path,
         gpointer    user_data)
{
  gtk_widget_activate_action (popover, "win.edit-input", "s", path);
}

/* The popover belongs to the table and points at the cell, so that cells
 * can come and go (other years asked for) while it exists; the grid lets
 * go of it when it goes. */
static void
popover_free (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

static void
figure_clicked_cb (GtkButton *button,
                   GtkGrid   *grid)
{
  const Figure *f = g_object_get_data (G_OBJECT (button), "pmd-figure");
  const PmdComparison *comparison = g_object_get_data (G_OBJECT (grid), "pmd-comparison");
  GtkWidget *popover = g_object_get_data (G_OBJECT (grid), "pmd-explain-popover");
  const PmdCompareEntry *entry;
  g_autoptr(GError) error = NULL;
  graphene_rect_t bounds;

  if (comparison == NULL || f == NULL || f->entry >= pmd_comparison_get_n (comparison) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (grid), &bounds))
    return;
  entry = pmd_comparison_get (comparison, f->entry);
  if (popover == NULL)
    {
      popover = g_object_ref_sink (pmd_explain_popover_new ());
      g_signal_connect (popover, "jump", G_CALLBACK (jump_cb), NULL);
      gtk_widget_set_parent (popover, GTK_WIDGET (grid));
      g_object_set_data_full (G_OBJECT (grid), "pmd-explain-popover", popover, popover_free);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { bounds.origin.x, bounds.origin.y, bounds.size.width,
                                                 bounds.size.height });
  if (pmd_explain_popover_explain (PMD_EXPLAIN_POPOVER (popover), entry->scenario, entry->projection, f->figure,
                                   f->year, &error))
    gtk_popover_popup (GTK_POPOVER (popover));
}

/* A number of the outcomes table: a flat button that opens its
 * explanation on a click, Enter or Space, made once and then only given
 * new text and a new figure. */
static GtkWidget *
figure_cell (GtkGrid      *grid,
             int           column,
             int           row,
             const char   *text,
             const Figure *figure)
{
  GtkWidget *button = gtk_grid_get_child_at (grid, column, row);
  GtkWidget *label;

  if (button != NULL && !GTK_IS_BUTTON (button))
    {
      gtk_grid_remove (grid, button);
      button = NULL;
    }
  if (button == NULL)
    {
      button = gtk_button_new ();
      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_css_classes (button, (const char *[]) { "flat", "figure-cell", "numeric", NULL });
      gtk_widget_set_tooltip_text (button, _("How is this figure made up?"));
      g_signal_connect (button, "clicked", G_CALLBACK (figure_clicked_cb), grid);
      gtk_grid_attach (grid, button, column, row, 1, 1);
    }
  label = gtk_button_get_child (GTK_BUTTON (button));
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  g_object_set_data_full (G_OBJECT (button), "pmd-figure", g_memdup2 (figure, sizeof *figure), g_free);
  return button;
}

static void
header_row (const PmdComparison *comparison,
            GtkGrid             *grid,
            const char          *first,
            guint                from)
{
  cell (grid, 0, 0, first, "heading");
  for (guint i = from; i < pmd_comparison_get_n (comparison); i++)
    {
      const PmdCompareEntry *e = pmd_comparison_get (comparison, i);
      GtkWidget *label = cell (grid, i - from + 1, 0, e->name, "heading");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      if (e->file != NULL)
        {
          g_autofree char *base = g_path_get_basename (e->file);
          gtk_widget_set_tooltip_text (label, base);
        }
    }
}

/* The assumptions that differ between the entries of @comparison, one row
 * each; a value unlike the first entry's is highlighted. Shared with the
 * library's comparison of two versions (pmd-library-window.c). */
void
_pmd_compare_fill_assumptions (GtkGrid             *grid,
                               const PmdComparison *comparison)
{
  g_autoptr(GPtrArray) differences = pmd_comparison_differences (comparison);
  const PmdScenario *first = pmd_comparison_get (comparison, 0)->scenario;
  guint n = pmd_comparison_get_n (comparison);

  if (differences->len == 0)
    {
      trim_grid (grid, 1, 1);
      cell (grid, 0, 0, _("No assumption differs."), "dim-label");
      return;
    }
  trim_grid (grid, n + 1, differences->len + 1);
  header_row (comparison, grid, _("Assumption"), 0);
  for (guint k = 0; k < differences->len; k++)
    {
      const PmdCompareDifference *d = g_ptr_array_index (differences, k);
      g_autofree char *label = pmd_scenario_describe_param (first, d->path);
      GtkWidget *name = cell (grid, 0, k + 1, label, NULL);

      gtk_widget_set_tooltip_text (name, d->path);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = pmd_scenario_format_param (d->path, d->values[i]);
          cell (grid, i + 1, k + 1, text,
                pmd_compare_difference_stands_out (d, i) ? "changed" : NULL);
        }
    }
}

typedef enum
{
  ROW_TOTAL,
  ROW_GAP,
  ROW_SAVINGS,
  N_ROWS,
} OutputRow;

static double
output_value (const PmdProjection *p,
              OutputRow            row,
              int                  year)
{
  int t = pmd_projection_year_index (p, year);

  if (t < 0)
    return NAN;
  switch (row)
    {
    case ROW_TOTAL: return p->total_scenario[t];
    case ROW_GAP: return p->gap[t];
    case ROW_SAVINGS:
    default: return p->savings[t];
    }
}

static char *
output_title (OutputRow row,
              int       year)
{
  switch (row)
    {
    case ROW_TOTAL: return g_strdup_printf (_("Total cost %d"), year);
    case ROW_GAP: return g_strdup_printf (_("Gap %d"), year);
    case ROW_SAVINGS:
    default: return g_strdup_printf (_("Savings %d"), year);
    }
}

/* The outcomes of each entry in @years (int), with the difference to the
 * first entry, then the payback year and the net present value. */
void
_pmd_compare_fill_outcomes (GtkGrid             *grid,
                            const PmdComparison *comparison,
                            const GArray        *years)
{
  guint n = pmd_comparison_get_n (comparison);
  const PmdProjection *first = pmd_comparison_get (comparison, 0)->projection;
  int row = 1;

  static const char *const figures[N_ROWS] = {
    [ROW_TOTAL] = "totals.scenario", [ROW_GAP] = "totals.gap", [ROW_SAVINGS] = "totals.savings",
  };

  double unit;

  /* One scale for the table's money (pmd_format_euro_unit ()): the
   * outcomes, their differences to the first entry and the net present
   * values, so that "€ 0,6 mln" stands beside "€ 22,8 mln". */
  {
    g_autoptr(GArray) money = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint y = 0; y < years->len; y++)
      for (int r = 0; r < N_ROWS; r++)
        for (guint i = 0; i < n; i++)
          {
            double value = output_value (pmd_comparison_get (comparison, i)->projection, r, g_array_index (years, int, y));
            double delta = value - output_value (first, r, g_array_index (years, int, y));

            g_array_append_val (money, value);
            g_array_append_val (money, delta);
          }
    for (guint i = 0; i < n; i++)
      g_array_append_val (money, pmd_comparison_get (comparison, i)->projection->npv);
    unit = pmd_format_euro_unit ((const double *) (gpointer) money->data, money->len);
  }
  trim_grid (grid, n + 1, years->len * N_ROWS + 3);
  /* Borrowed: the comparison lives as long as the table shows it. */
  g_object_set_data (G_OBJECT (grid), "pmd-comparison", (gpointer) comparison);
  header_row (comparison, grid, _("Outcome"), 0);
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);

      for (int r = 0; r < N_ROWS; r++, row++)
        {
          g_autofree char *title = output_title (r, year);

          cell (grid, 0, row, title, y > 0 && r == 0 ? "first-of-year" : NULL);
          for (guint i = 0; i < n; i++)
            {
              double value = output_value (pmd_comparison_get (comparison, i)->projection, r, year);
              double base = output_value (first, r, year);
              g_autofree char *money = pmd_format_euro_in (value, unit, FALSE);
              g_autofree char *delta = i > 0 ? pmd_format_euro_in (value - base, unit, TRUE) : NULL;
              g_autofree char *text = delta != NULL ? g_strdup_printf ("%s (%s)", money, delta) : NULL;
              Figure figure = { figures[r], year, i };

              figure_cell (grid, i + 1, row, text ? text : money, &figure);
            }
        }
    }

  cell (grid, 0, row, _("Paid back in"), "first-of-year");
  for (guint i = 0; i < n; i++)
    {
      const PmdProjection *p = pmd_comparison_get (comparison, i)->projection;
      g_autofree char *text = p->has_payback ? g_strdup_printf ("%d", p->payback_year) : g_strdup (_("not in the horizon"));
      Figure figure = { "payback_year", p->base_year + p->n_years - 1, i };

      figure_cell (grid, i + 1, row, text, &figure);
    }
  row++;
  cell (grid, 0, row, _("Net present value of the savings"), NULL);
  for (guint i = 0; i < n; i++)
    {
      const PmdProjection *p = pmd_comparison_get (comparison, i)->projection;
      g_autofree char *text = pmd_format_euro_in (p->npv, unit, FALSE);
      Figure figure = { "npv", p->base_year + p->n_years - 1, i };

      figure_cell (grid, i + 1, row, text, &figure);
    }
}

static void
fill_per_year (PmdComparePage *self)
{
  const PmdCompareEntry *first = pmd_comparison_get (self->comparison, 0);
  const PmdProjection *p = first->projection;
  guint n = pmd_comparison_get_n (self->comparison);
  g_autofree char *caption = NULL;
  g_autoptr(GArray) differences = g_array_new (FALSE, FALSE, sizeof (double));
  double unit;

  /* Translators: %s is the name of the first scenario or variant */
  caption = g_strdup_printf (_("Total cost per year minus that of “%s”"), first->name);
  gtk_label_set_text (self->per_year_caption, caption);
  trim_grid (self->per_year, n, p->n_years + 1);
  header_row (self->comparison, self->per_year, _("Year"), 1);
  /* One scale for the table (pmd_format_euro_unit ()). */
  for (int t = 0; t < p->n_years; t++)
    for (guint i = 1; i < n; i++)
      {
        double d = pmd_comparison_difference (self->comparison, i, p->base_year + t);
        g_array_append_val (differences, d);
      }
  unit = pmd_format_euro_unit ((const double *) (gpointer) differences->data, differences->len);
  for (int t = 0; t < p->n_years; t++)
    {
      g_autofree char *year = g_strdup_printf ("%d", p->base_year + t);

      cell (self->per_year, 0, t + 1, year, NULL);
      for (guint i = 1; i < n; i++)
        {
          double d = g_array_index (differences, double, t * (n - 1) + i - 1);
          g_autofree char *text = pmd_format_euro_in (d, unit, TRUE);

          cell (self->per_year, i, t + 1, text, d > 0.5 ? "increase" : d < -0.5 ? "decrease" : NULL);
        }
    }
}

static void
rebuild (PmdComparePage *self)
{
  g_autoptr(PmdComparison) comparison = pmd_comparison_new ();
  g_autoptr(GError) error = NULL;
  const PmdScenario *document_scenario = pmd_document_get_scenario (self->document);

  for (guint i = 0; i < self->candidates->len && error == NULL; i++)
    {
      Candidate *c = g_ptr_array_index (self->candidates, i);

      if (gtk_check_button_get_active (c->check) &&
          pmd_comparison_add (comparison, c->scenario ? c->scenario : document_scenario, c->variant, c->file, &error))
        {
          /* Named as checked: two files may carry one scenario name. */
          PmdCompareEntry *e = &g_array_index (comparison->entries, PmdCompareEntry, comparison->entries->len - 1);
          g_free (e->name);
          e->name = g_strdup (c->label);
        }
    }

  pmd_chart_view_set_comparison (self->chart, NULL, FALSE);
  g_clear_pointer (&self->comparison, pmd_comparison_free);
  if (error != NULL || pmd_comparison_get_n (comparison) < 2)
    {
      gtk_label_set_text (self->status, error ? error->message : _("Choose two to four scenarios or variants to compare."));
      gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
      gtk_widget_set_visible (self->content, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.save-csv", FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_widget_set_visible (self->content, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.save-csv", TRUE);
  self->comparison = g_steal_pointer (&comparison);
  pmd_chart_view_set_comparison (self->chart, self->comparison, gtk_drop_down_get_selected (self->measure) == 1);
  _pmd_compare_fill_assumptions (self->assumptions, self->comparison);
  _pmd_compare_fill_outcomes (self->outputs, self->comparison, self->years);
  fill_per_year (self);
}

/* What the page's own controls chose changed: shown again like a change of
 * the document, soon when on screen, else when it comes on screen. */
static void
queue_rebuild (PmdComparePage *self)
{
  /* The values of the entries, not which entries nor another file. */
  if (self->refresh != NULL && !self->refreshing)
    pmd_refresh_queue (self->refresh, WATCHED_CHANGES & ~(PMD_CHANGE_VARIANTS | PMD_CHANGE_FILE));
}

static void
check_toggled_cb (PmdComparePage *self)
{
  update_sensitivity (self);
  queue_rebuild (self);
}

/* Adds a check at @position (-1: at the end). */
static void
add_candidate (PmdComparePage *self,
               int             position,
               const char     *label,
               const char     *file,
               PmdScenario    *scenario,
               const char     *variant,
               gboolean        active)
{
  Candidate *c = g_new0 (Candidate, 1);

  c->label = g_strdup (label);
  c->file = g_strdup (file);
  c->scenario = scenario;
  c->variant = g_strdup (variant);
  c->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (label));
  gtk_check_button_set_active (c->check, active);
  if (file != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (c->check), file);
  g_signal_connect_swapped (c->check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_flow_box_insert (self->choices, GTK_WIDGET (c->check), position);
  g_ptr_array_insert (self->candidates, position, c);
}

static void
remove_candidate (PmdComparePage *self,
                  guint           i)
{
  Candidate *c = g_ptr_array_index (self->candidates, i);

  gtk_flow_box_remove (self->choices, gtk_widget_get_parent (GTK_WIDGET (c->check)));
  g_ptr_array_remove_index (self->candidates, i);
}

/* Whether the first checks are the document's: as written, then each
 * variant by id and name, then the files' (or none). */
static gboolean
document_candidates_match (PmdComparePage *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  guint i;

  for (i = 0; i <= sc->variants->len; i++)
    {
      const PmdVariant *v = i > 0 ? g_ptr_array_index (sc->variants, i - 1) : NULL;
      const Candidate *c = i < self->candidates->len ? g_ptr_array_index (self->candidates, i) : NULL;

      if (c == NULL || c->file != NULL || g_strcmp0 (c->variant, v ? v->id : NULL) != 0 ||
          !g_str_equal (c->label, v ? v->name : _("As written")))
        return FALSE;
    }
  return i == self->candidates->len || ((Candidate *) g_ptr_array_index (self->candidates, i))->file != NULL;
}

/* The document's own entries come first: as written, then each variant.
 * When the variants change they are made again, each keeping its check by
 * variant id; new ones are checked while there is room. */
static void
sync_document_candidates (PmdComparePage *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint active;

  if (document_candidates_match (self))
    return;

  for (guint i = self->candidates->len; i-- > 0;)
    {
      Candidate *c = g_ptr_array_index (self->candidates, i);

      if (c->file != NULL)
        continue;
      g_hash_table_insert (checked, g_strdup (c->variant ? c->variant : ""),
                           GINT_TO_POINTER (gtk_check_button_get_active (c->check)));
      remove_candidate (self, i);
    }

  active = n_checked (self);   /* the files' */
  for (guint i = 0; i <= sc->variants->len; i++)
    {
      const PmdVariant *v = i > 0 ? g_ptr_array_index (sc->variants, i - 1) : NULL;
      gpointer value;
      gboolean on;

      if (g_hash_table_lookup_extended (checked, v ? v->id : "", NULL, &value))
        on = GPOINTER_TO_INT (value) && active < MAX_ENTRIES;
      else
        on = active < MAX_ENTRIES;
      active += on;
      add_candidate (self, i, v ? v->name : _("As written"), NULL, NULL, v ? v->id : NULL, on);
    }
  update_sensitivity (self);
}


/* Years: "2026, 2030 2040"; each must lie in the first entry's horizon. */
static gboolean
parse_years (const char        *text,
             const PmdScenario *sc,
             GArray            *years,
             GError           **error)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,;]+", text, 0, 0);
  int first = sc->base_year;
  int last = pmd_scenario_get_end_year (sc);

  g_array_set_size (years, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 year;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, first, last, &year, NULL))
        {
          g_autofree char *shown = pmd_format_escape_text (parts[i]);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a year from %d to %d"), shown, first, last);
          return FALSE;
        }
      g_array_append_val (years, year);
    }
  if (years->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Give one or more years"));
      return FALSE;
    }
  return TRUE;
}

static void
years_changed_cb (PmdComparePage *self)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!parse_years (gtk_editable_get_text (GTK_EDITABLE (self->years_entry)),
                    pmd_document_get_scenario (self->document), years, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->years_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->years_entry), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->years_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->years_entry), _("The years of the outcomes table, e.g. 2030, 2040"));
  g_array_unref (self->years);
  self->years = g_steal_pointer (&years);
  queue_rebuild (self);
}

static void
default_years (PmdComparePage *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  int end = pmd_scenario_get_end_year (sc);
  g_autoptr(GString) text = g_string_new (NULL);
  int candidates[] = { sc->base_year, sc->base_year + 4, sc->base_year + 9, end };
  int previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] <= end && candidates[i] > previous)
      {
        g_string_append_printf (text, "%s%d", text->len > 0 ? ", " : "", candidates[i]);
        previous = candidates[i];
      }
  gtk_editable_set_text (GTK_EDITABLE (self->years_entry), text->str);
}

static void
toast (PmdComparePage *self,
       const char     *message)
{
  if (!pmd_notify_text (GTK_WIDGET (self), message))
    g_warning ("%s", message);
}

/**
 * pmd_compare_page_add_file:
 * @path: a scenario file
 *
 * Adds the file as written and each of its variants as entries; the file
 * as written is checked when there is room.
 *
 * Returns: %TRUE when the file could be read
 */
gboolean
pmd_compare_page_add_file (PmdComparePage *self,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(PmdScenario) sc = pmd_scenario_load_file (path, error);
  g_autofree char *base = NULL;

  if (sc == NULL)
    return FALSE;
  /* "hoger-fonds" for the file as written, "Niets doen (hoger-fonds)" for
   * its variants: short enough for a legend, never the same twice. */
  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".piramide"))
    base[strlen (base) - strlen (".piramide")] = '\0';
  for (guint i = 0; i <= sc->variants->len; i++)
    {
      const PmdVariant *v = i > 0 ? g_ptr_array_index (sc->variants, i - 1) : NULL;
      g_autofree char *label = v ? g_strdup_printf ("%s (%s)", v->name, base) : g_strdup (base);

      add_candidate (self, -1, label, path, pmd_scenario_copy (sc), v ? v->id : NULL,
                     i == 0 && n_checked (self) < MAX_ENTRIES);
    }
  update_sensitivity (self);
  queue_rebuild (self);
  return TRUE;
}

/* The local file a chooser's answer names; NULL (and a toast when it
 * named one elsewhere) when there is none. Frees the chooser. */
static char *
chosen_path (GtkNativeDialog *dialog,
             int              response,
             PmdComparePage  *self)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL)
        toast (self, _("Only local files can be used"));
    }
  g_object_unref (dialog);
  return path;
}

static void
add_file_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      PmdComparePage  *self)
{
  g_autofree char *path = chosen_path (dialog, response, self);
  g_autoptr(GError) error = NULL;

  if (path != NULL && !pmd_compare_page_add_file (self, path, &error))
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf ("%s: %s", base, error->message);
      toast (self, message);
    }
}

static void
add_file_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_filter_set_name (filter, _("Piramide scenarios"));
  gtk_file_filter_add_pattern (filter, "*.piramide");
  gtk_file_filter_add_pattern (filter, "*.json");
  chooser = gtk_file_chooser_native_new (_("Compare With a Scenario"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  pmd_session_start_chooser (pmd_window_find_session (GTK_WIDGET (self)), GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (add_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Forgets the files added beside the document. */
static void
clear_files_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (widget);

  for (guint i = self->candidates->len; i-- > 0;)
    if (((Candidate *) g_ptr_array_index (self->candidates, i))->file != NULL)
      remove_candidate (self, i);
  update_sensitivity (self);
  queue_rebuild (self);
}

/* Exports */

static void
append_grid (GString    *out,
             const char *title,
             GtkGrid    *grid)
{
  int rows = 0, columns = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, row;

      if (GTK_IS_POPOVER (child))
        continue;
      gtk_grid_query_child (grid, child, &column, &row, NULL, NULL);
      rows = MAX (rows, row + 1);
      columns = MAX (columns, column + 1);
    }
  g_string_append_printf (out, "%s\n", title);
  for (int row = 0; row < rows; row++)
    {
      for (int column = 0; column < columns; column++)
        {
          GtkWidget *label = gtk_grid_get_child_at (grid, column, row);
          g_autofree char *text = NULL;

          /* An outcome is a button that explains it, with its label. */
          if (label != NULL && GTK_IS_BUTTON (label))
            label = gtk_button_get_child (GTK_BUTTON (label));
          text = g_strdup (label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "");

          /* One cell per cell: no tabs or line breaks inside. */
          g_strdelimit (text, "\t\n", ' ');
          g_string_append_printf (out, "%s%s", column > 0 ? "\t" : "", text);
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * pmd_compare_page_get_tables_text:
 *
 * The three tables as they read, tab-separated: pasted into a spreadsheet
 * or a word processor they become tables.
 *
 * Returns: (transfer full): the text; NULL when nothing is compared
 */
char *
pmd_compare_page_get_tables_text (PmdComparePage *self)
{
  GString *out;

  g_return_val_if_fail (PMD_IS_COMPARE_PAGE (self), NULL);

  if (self->refresh != NULL)
    pmd_refresh_flush (self->refresh);
  if (self->comparison == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_grid (out, _("Assumptions that differ"), self->assumptions);
  g_string_append_c (out, '\n');
  append_grid (out, _("Outcomes"), self->outputs);
  g_string_append_c (out, '\n');
  append_grid (out, gtk_label_get_text (self->per_year_caption), self->per_year);
  return g_string_free (out, FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (widget);
  g_autofree char *text = pmd_compare_page_get_tables_text (self);

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("The tables are on the clipboard"));
}

/**
 * pmd_compare_page_save_csv:
 * @path: where to write
 *
 * Every entry, every year, as `piramide compare --format csv` writes it.
 */
gboolean
pmd_compare_page_save_csv (PmdComparePage *self,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (PMD_IS_COMPARE_PAGE (self), FALSE);

  if (self->refresh != NULL)
    pmd_refresh_flush (self->refresh);
  if (self->comparison == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Choose two to four scenarios or variants to compare."));
      return FALSE;
    }
  data = pmd_comparison_to_csv (self->comparison, &len);
  return pmd_file_write_atomic (path, data, len, NULL, error);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  PmdComparePage  *self)
{
  g_autofree char *path = chosen_path (dialog, response, self);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!pmd_compare_page_save_csv (self, path, &error))
    {
      /* Translators: the error why the file could not be written */
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);
      toast (self, message);
    }
  else
    toast (self, _("Saved"));
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Comparison"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  pmd_session_start_chooser (pmd_window_find_session (GTK_WIDGET (self)), GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name offered; keep .csv */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("comparison.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
refresh_cb (gpointer       page,
            PmdChangeFlags flags)
{
  PmdComparePage *self = page;

  self->refreshing = TRUE;
  if (flags & (PMD_CHANGE_VARIANTS | PMD_CHANGE_STRUCTURE | PMD_CHANGE_FILE))
    sync_document_candidates (self);
  /* Another scenario, another horizon. */
  if (flags & PMD_CHANGE_FILE)
    default_years (self);
  self->refreshing = FALSE;
  rebuild (self);
}

static void
pmd_compare_page_dispose (GObject *object)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  if (self->chart != NULL)
    pmd_chart_view_set_comparison (self->chart, NULL, FALSE);
  g_clear_pointer (&self->comparison, pmd_comparison_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pmd_compare_page_parent_class)->dispose (object);
}

static void
pmd_compare_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_compare_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PmdComparePage *self = PMD_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_compare_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_compare_page_class_init (PmdComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_compare_page_dispose;
  object_class->get_property = pmd_compare_page_get_property;
  object_class->set_property = pmd_compare_page_set_property;

  /**
   * PmdComparePage:document:
   *
   * The document whose scenario and variants are compared.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PMD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, choices);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, years_entry);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, measure);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, status);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, content);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, chart);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, assumptions);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, outputs);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, per_year);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, tables);
  gtk_widget_class_bind_template_child (widget_class, PmdComparePage, per_year_caption);
  gtk_widget_class_bind_template_callback (widget_class, years_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_rebuild);
  gtk_widget_class_install_action (widget_class, "compare.add-file", NULL, add_file_action);
  gtk_widget_class_install_action (widget_class, "compare.clear-files", NULL, clear_files_action);
  gtk_widget_class_install_action (widget_class, "compare.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "compare.save-csv", NULL, save_csv_action);
}

static void
pmd_compare_page_init (PmdComparePage *self)
{
  self->candidates = g_ptr_array_new_with_free_func (candidate_free);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A click in a table gave the keyboard to the whole table (its flow box
   * child), and the page scrolled to show that child's corner: sideways
   * past the years, or up. The numbers in it take the keyboard themselves. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tables)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  _pmd_page_pass_vertical_scroll (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.save-csv", FALSE);
}

PmdComparePage *
pmd_compare_page_new (PmdDocument *document)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_COMPARE_PAGE, "document", document, NULL);
}

PmdDocument *
pmd_compare_page_get_document (PmdComparePage *self)
{
  g_return_val_if_fail (PMD_IS_COMPARE_PAGE (self), NULL);
  return self->document;
}

/**
 * pmd_compare_page_set_document:
 * @document: (nullable): the document to compare the variants of
 *
 * The files added beside the old document stay. Nothing is built until
 * the page is shown.
 */
void
pmd_compare_page_set_document (PmdComparePage *self,
                               PmdDocument    *document)
{
  g_return_if_fail (PMD_IS_COMPARE_PAGE (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  pmd_refresh_watch (&self->refresh, GTK_WIDGET (self), document, WATCHED_CHANGES, refresh_cb,
                     WATCHED_CHANGES | PMD_CHANGE_STRUCTURE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
