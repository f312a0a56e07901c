/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pmd-xlsx-writer.h"

/*
 * One workbook, years across the columns as in a meerjarenbegroting. The
 * lines sheet holds the numbers the model computed; every total after it
 * is a formula an auditor can follow back to those rows (SUM for the
 * totals, SUMIF by layer or domain id, differences and running sums), and
 * each formula carries its value, so a viewer that does not recalculate
 * shows the same numbers.
 *
 * Number formats are written in the file's neutral notation ("#,##0",
 * "0.00%"): the spreadsheet shows them with its user's separators, so a
 * Dutch adviser reads € 22.800.000 and 2,25%.
 *
 * libxlsxwriter 1.1.4 writes to a file only (no memory output), so the
 * workbook goes to a temporary file that is read back and removed: the
 * callers write the bytes atomically, like every other export.
 */

/* Excel's limit on a sheet's name. */
#define SHEET_NAME_MAX 31
/* A column never grows wider than this many characters. */
#define COLUMN_WIDTH_MAX 60.0

typedef enum
{
  STYLE_EURO,
  STYLE_PERCENT,
  STYLE_COUNT,
  STYLE_YEAR,
  STYLE_NUMBER,
  N_STYLES
} Style;

typedef struct
{
  const PmdWorkbookInput *in;
  const PmdProjection    *p;
  lxw_workbook           *wb;
  lxw_format             *header;
  lxw_format             *bold;
  lxw_format             *year_label;   /* a year as a row's label, left */
  lxw_format             *styles[N_STYLES];
  char                   *lines_ref;    /* 'Cost lines' as a formula names it */
  char                   *clients_ref;
} Book;

typedef struct
{
  Book          *book;
  lxw_worksheet *ws;
  GArray        *widths;  /* double per column, in characters */
} Sheet;

/* Lines and clients sheets: name, id, layer, domain, series, then years. */
enum { LINE_COL_NAME, LINE_COL_ID, LINE_COL_LAYER, LINE_COL_DOMAIN, LINE_COL_SERIES, LINE_COL_YEARS };

/* Totals sheet rows (0 is the header). */
enum
{
  TOTAL_ROW_BASELINE = 1,
  TOTAL_ROW_SCENARIO,
  TOTAL_ROW_INVESTMENT,
  TOTAL_ROW_SAVINGS,
  TOTAL_ROW_CUMULATIVE,
  TOTAL_ROW_FUNDING,
  TOTAL_ROW_GAP,
  TOTAL_ROW_PAYBACK = TOTAL_ROW_GAP + 2,
  TOTAL_ROW_NPV,
};

G_DEFINE_QUARK (pmd-xlsx-error-quark, pmd_xlsx_error)

/* Names and references */

/* 0 → "A", 26 → "AA". */
static char *
col_name (int col)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  for (col++; col > 0; col = (col - 1) / 26)
    buf[--i] = (char) ('A' + (col - 1) % 26);
  return g_strdup (buf + i);
}

/* "C7" for row 6, column 2 (both from 0); "$C$7", "C$7" with either
 * fixed. */
static char *
cell_name (int      row,
           int      col,
           gboolean fixed_col,
           gboolean fixed_row)
{
  g_autofree char *c = col_name (col);

  return g_strdup_printf ("%s%s%s%d", fixed_col ? "$" : "", c, fixed_row ? "$" : "", row + 1);
}

/* A sheet's name as a formula names it: 'Cost lines' ('' for a quote). */
static char *
quote_sheet (const char *name)
{
  g_autoptr(GString) quoted = g_string_new (name);

  g_string_replace (quoted, "'", "''", 0);
  return g_strdup_printf ("'%s'", quoted->str);
}

/* A translated name made a valid sheet name: no []:*?/\, at most 31
 * characters. */
static char *
sheet_name (const char *name)
{
  g_autofree char *clean = g_strdup (name);
  glong n = g_utf8_strlen (clean, -1);

  g_strdelimit (clean, "[]:*?/\\", '-');
  if (n > SHEET_NAME_MAX)
    *g_utf8_offset_to_pointer (clean, SHEET_NAME_MAX) = '\0';
  return g_steal_pointer (&clean);
}

/* A number in a formula, the C way whatever the locale. */
static char *
formula_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

/* Sheets and cells */

static void
sheet_fit (Sheet  *s,
           int     col,
           double  width)
{
  if ((guint) col >= s->widths->len)
    g_array_set_size (s->widths, col + 1);
  if (width > g_array_index (s->widths, double, col))
    g_array_index (s->widths, double, col) = width;
}

static Sheet
sheet_new (Book       *book,
           const char *title)
{
  g_autofree char *name = sheet_name (title);
  Sheet s = { book, workbook_add_worksheet (book->wb, name), g_array_new (FALSE, TRUE, sizeof (double)) };

  return s;
}

/* Sets the widths the cells asked for, and freezes the header rows and
 * label columns so they stay in view while scrolling. Printed, a sheet is
 * A4 landscape, with the header row on every page (not the label columns
 * too: Gnumeric cannot read print titles of rows and columns together). */
static void
sheet_finish (Sheet *s,
              int    frozen_rows,
              int    frozen_cols)
{
  for (guint c = 0; c < s->widths->len; c++)
    {
      double w = g_array_index (s->widths, double, c);

      if (w > 0)
        worksheet_set_column (s->ws, c, c, MIN (w, COLUMN_WIDTH_MAX), NULL);
    }
  if (frozen_rows > 0 || frozen_cols > 0)
    worksheet_freeze_panes (s->ws, frozen_rows, frozen_cols);
  if (frozen_rows > 0)
    worksheet_repeat_rows (s->ws, 0, frozen_rows - 1);
  worksheet_set_paper (s->ws, 9);  /* A4 */
  worksheet_set_landscape (s->ws);
  g_array_unref (s->widths);
}

static void
put_text (Sheet      *s,
          int         row,
          int         col,
          const char *text,
          lxw_format *format)
{
  if (text == NULL || *text == '\0')
    return;
  worksheet_write_string (s->ws, row, col, text, format);
  /* Column widths count digits; text in a proportional font runs a tenth
   * wider. */
  sheet_fit (s, col, MIN (g_utf8_strlen (text, -1) * 1.1, COLUMN_WIDTH_MAX) + 2);
}

/* How many characters the value takes in its style, as a Dutch adviser
 * sees it: "€ −22.800.000", "2,25%", "5.000", "2026". */
static double
value_width (Style  style,
             double value)
{
  g_autofree char *text = NULL;

  switch (style)
    {
    case STYLE_EURO:
      text = pmd_format_number (round (value), 0);
      return g_utf8_strlen (text, -1) + 5;
    case STYLE_PERCENT:
      return 9;
    case STYLE_YEAR:
      return 7;
    case STYLE_COUNT:
      text = pmd_format_number (round (value), 0);
      return g_utf8_strlen (text, -1) + 2;
    case STYLE_NUMBER:
    case N_STYLES:
    default:
      text = pmd_format_number (value, 3);
      return g_utf8_strlen (text, -1) + 2;
    }
}

/* A number; NaN leaves the cell empty (a line without clients). */
static void
put_number (Sheet  *s,
            int     row,
            int     col,
            double  value,
            Style   style)
{
  if (isnan (value))
    return;
  worksheet_write_number (s->ws, row, col, value, s->book->styles[style]);
  sheet_fit (s, col, value_width (style, value));
}

static void
put_formula (Sheet      *s,
             int         row,
             int         col,
             const char *formula,
             double      value,
             Style       style)
{
  worksheet_write_formula_num (s->ws, row, col, formula, s->book->styles[style], value);
  sheet_fit (s, col, value_width (style, value));
}

static void
put_numbers (Sheet        *s,
             int           row,
             int           col,
             const double *values,
             int           n,
             Style         style)
{
  for (int t = 0; t < n; t++)
    put_number (s, row, col + t, values[t], style);
}

/* The header row: @labels, then the years from @years_col on. */
static void
put_header (Sheet             *s,
            const char *const *labels,
            int                n_labels,
            int                years_col)
{
  const PmdProjection *p = s->book->p;

  for (int c = 0; c < n_labels; c++)
    put_text (s, 0, c, labels[c], s->book->header);
  for (int t = 0; years_col >= 0 && t < p->n_years; t++)
    {
      worksheet_write_number (s->ws, 0, years_col + t, p->base_year + t, s->book->header);
      sheet_fit (s, years_col + t, 7);
    }
}

/* The sheets */

/* The cost or the clients of every line, the baseline block above the
 * scenario block; the totals and the layers sum these rows. */
static void
add_lines_sheet (Book         *book,
                 const char   *title,
                 const double *baseline,
                 const double *scenario,
                 Style         style)
{
  const PmdScenario *sc = book->in->scenario;
  const PmdProjection *p = book->p;
  const char *labels[] = { _("Cost line"), _("Id"), _("Layer"), _("Domain"), _("Series") };
  const double *blocks[] = { baseline, scenario };
  const char *series[] = { _("baseline"), _("scenario") };
  Sheet s = sheet_new (book, title);

  put_header (&s, labels, G_N_ELEMENTS (labels), LINE_COL_YEARS);
  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    for (int i = 0; i < p->n_lines; i++)
      {
        const PmdLine *line = g_ptr_array_index (sc->lines, i);
        int row = 1 + (int) b * p->n_lines + i;

        put_text (&s, row, LINE_COL_NAME, line->name, NULL);
        put_text (&s, row, LINE_COL_ID, line->id, NULL);
        put_text (&s, row, LINE_COL_LAYER, line->layer, NULL);
        put_text (&s, row, LINE_COL_DOMAIN, line->domain, NULL);
        put_text (&s, row, LINE_COL_SERIES, series[b], NULL);
        put_numbers (&s, row, LINE_COL_YEARS, blocks[b] + (gsize) i * p->n_years, p->n_years, style);
      }
  sheet_finish (&s, 1, LINE_COL_YEARS);
}

/* "'Cost lines'!F2:F10": a year's (or an id's) column of one block of the
 * lines, its column or rows fixed ("$C$2:$C$10", "F$2:F$10") so that the
 * formula copies across as a spreadsheet user expects. */
static char *
block_range (const char *sheet_ref,
             int         block,
             int         n_lines,
             int         col,
             gboolean    fixed_col,
             gboolean    fixed_rows)
{
  int first = 1 + block * n_lines;
  g_autofree char *from = cell_name (first, col, fixed_col, fixed_rows);
  g_autofree char *to = cell_name (first + n_lines - 1, col, fixed_col, fixed_rows);

  return g_strdup_printf ("%s!%s:%s", sheet_ref, from, to);
}

static void
add_totals_sheet (Book *book)
{
  const PmdProjection *p = book->p;
  const PmdScenario *sc = book->in->scenario;
  const char *labels[] = { _("In euros") };
  Sheet s = sheet_new (book, _("Totals"));
  const struct { int row; const char *label; } rows[] = {
    { TOTAL_ROW_BASELINE, _("Baseline (no interventions)") },
    { TOTAL_ROW_SCENARIO, _("Scenario (with interventions)") },
    { TOTAL_ROW_INVESTMENT, _("Investment") },
    { TOTAL_ROW_SAVINGS, _("Savings (baseline − scenario)") },
    { TOTAL_ROW_CUMULATIVE, _("Cumulative savings") },
    { TOTAL_ROW_FUNDING, _("Funding") },
    { TOTAL_ROW_GAP, _("Gap (scenario − funding)") },
    { TOTAL_ROW_PAYBACK, _("Payback year") },
    { TOTAL_ROW_NPV, _("Net present value of the savings") },
  };

  put_header (&s, labels, G_N_ELEMENTS (labels), 1);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    put_text (&s, rows[r].row, 0, rows[r].label, rows[r].row == TOTAL_ROW_GAP ? book->bold : NULL);

  for (int t = 0; t < p->n_years; t++)
    {
      int col = 1 + t;
      g_autofree char *baseline = cell_name (TOTAL_ROW_BASELINE, col, FALSE, FALSE);
      g_autofree char *scenario = cell_name (TOTAL_ROW_SCENARIO, col, FALSE, FALSE);
      g_autofree char *savings = cell_name (TOTAL_ROW_SAVINGS, col, FALSE, FALSE);
      g_autofree char *funding = cell_name (TOTAL_ROW_FUNDING, col, FALSE, FALSE);
      g_autofree char *previous = cell_name (TOTAL_ROW_CUMULATIVE, col - 1, FALSE, FALSE);
      g_autofree char *f_savings = g_strdup_printf ("=%s-%s", baseline, scenario);
      g_autofree char *f_cumulative = t == 0 ? g_strdup_printf ("=%s", savings)
                                             : g_strdup_printf ("=%s+%s", previous, savings);
      g_autofree char *f_gap = g_strdup_printf ("=%s-%s", scenario, funding);

      if (p->n_lines > 0)
        {
          g_autofree char *base_range = block_range (book->lines_ref, 0, p->n_lines, LINE_COL_YEARS + t, FALSE, FALSE);
          g_autofree char *scen_range = block_range (book->lines_ref, 1, p->n_lines, LINE_COL_YEARS + t, FALSE, FALSE);
          g_autofree char *f_baseline = g_strdup_printf ("=SUM(%s)", base_range);
          g_autofree char *f_scenario = g_strdup_printf ("=SUM(%s)", scen_range);

          put_formula (&s, TOTAL_ROW_BASELINE, col, f_baseline, p->total_baseline[t], STYLE_EURO);
          put_formula (&s, TOTAL_ROW_SCENARIO, col, f_scenario, p->total_scenario[t], STYLE_EURO);
        }
      else
        {
          put_number (&s, TOTAL_ROW_BASELINE, col, p->total_baseline[t], STYLE_EURO);
          put_number (&s, TOTAL_ROW_SCENARIO, col, p->total_scenario[t], STYLE_EURO);
        }
      put_number (&s, TOTAL_ROW_INVESTMENT, col, p->investment[t], STYLE_EURO);
      put_formula (&s, TOTAL_ROW_SAVINGS, col, f_savings, p->savings[t], STYLE_EURO);
      put_formula (&s, TOTAL_ROW_CUMULATIVE, col, f_cumulative, p->cumulative_savings[t], STYLE_EURO);
      put_number (&s, TOTAL_ROW_FUNDING, col, p->funding[t], STYLE_EURO);
      put_formula (&s, TOTAL_ROW_GAP, col, f_gap, p->gap[t], STYLE_EURO);
    }

  if (p->has_payback)
    put_number (&s, TOTAL_ROW_PAYBACK, 1, p->payback_year, STYLE_YEAR);
  else
    put_text (&s, TOTAL_ROW_PAYBACK, 1, _("not within the horizon"), NULL);
  {
    /* DESIGN.md §2: the base year undiscounted, then NPV() for the years
     * after it (which discounts from the first period on). */
    g_autofree char *first = cell_name (TOTAL_ROW_SAVINGS, 1, FALSE, FALSE);
    g_autofree char *second = cell_name (TOTAL_ROW_SAVINGS, 2, FALSE, FALSE);
    g_autofree char *last = cell_name (TOTAL_ROW_SAVINGS, p->n_years, FALSE, FALSE);
    g_autofree char *rate = formula_number (sc->discount_rate);
    g_autofree char *f_npv = p->n_years > 1 ? g_strdup_printf ("=%s+NPV(%s,%s:%s)", first, rate, second, last)
                                            : g_strdup_printf ("=%s", first);

    put_formula (&s, TOTAL_ROW_NPV, 1, f_npv, p->npv, STYLE_EURO);
  }
  sheet_finish (&s, 1, 1);
}

/* Layers or domains: each a SUMIF over the lines' rows by its id. */
static void
add_group_sheet (Book         *book,
                 const char   *title,
                 const char   *group_label,
                 GPtrArray    *groups,       /* PmdLayer or PmdDomain: both start with id, name */
                 int           id_col,       /* LINE_COL_LAYER or LINE_COL_DOMAIN */
                 const double *baseline,
                 const double *scenario,
                 const double *baseline_clients,
                 const double *scenario_clients)
{
  const PmdProjection *p = book->p;
  const char *labels[] = { group_label, _("Id"), _("Series") };
  const struct { const double *values; const char *series; const char *sheet; int block; Style style; } blocks[] = {
    { baseline, _("baseline"), book->lines_ref, 0, STYLE_EURO },
    { scenario, _("scenario"), book->lines_ref, 1, STYLE_EURO },
    { baseline_clients, _("baseline clients"), book->clients_ref, 0, STYLE_COUNT },
    { scenario_clients, _("scenario clients"), book->clients_ref, 1, STYLE_COUNT },
  };
  Sheet s = sheet_new (book, title);
  int row = 1;

  put_header (&s, labels, G_N_ELEMENTS (labels), 3);
  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      g_autofree char *ids = NULL;

      if (blocks[b].values == NULL)
        continue;
      ids = block_range (blocks[b].sheet, blocks[b].block, p->n_lines, id_col, TRUE, TRUE);
      for (guint g = 0; g < groups->len; g++, row++)
        {
          const PmdLayer *group = g_ptr_array_index (groups, g);  /* a PmdDomain starts the same */
          g_autofree char *id_cell = cell_name (row, 1, TRUE, FALSE);

          put_text (&s, row, 0, group->name, NULL);
          put_text (&s, row, 1, group->id, NULL);
          put_text (&s, row, 2, blocks[b].series, NULL);
          for (int t = 0; t < p->n_years; t++)
            {
              double value = blocks[b].values[(gsize) g * p->n_years + t];
              g_autofree char *sums = NULL;
              g_autofree char *formula = NULL;

              if (p->n_lines == 0)
                {
                  put_number (&s, row, 3 + t, value, blocks[b].style);
                  continue;
                }
              sums = block_range (blocks[b].sheet, blocks[b].block, p->n_lines, LINE_COL_YEARS + t, FALSE, TRUE);
              formula = g_strdup_printf ("=SUMIF(%s,%s,%s)", ids, id_cell, sums);
              put_formula (&s, row, 3 + t, formula, value, blocks[b].style);
            }
        }
    }
  sheet_finish (&s, 1, 3);
}

static Style
unit_style (PmdUnit unit)
{
  switch (unit)
    {
    case PMD_UNIT_MONEY:
      return STYLE_EURO;
    case PMD_UNIT_PERCENT:
      return STYLE_PERCENT;
    case PMD_UNIT_COUNT:
      return STYLE_COUNT;
    case PMD_UNIT_YEAR:
    case PMD_UNIT_SWITCH:
      return STYLE_YEAR;
    case PMD_UNIT_NUMBER:
    default:
      return STYLE_NUMBER;
    }
}

static const char *
unit_words (PmdUnit unit)
{
  switch (unit)
    {
    case PMD_UNIT_MONEY:
      return _("euros");
    case PMD_UNIT_PERCENT:
      return _("percent");
    case PMD_UNIT_COUNT:
      return _("people");
    case PMD_UNIT_YEAR:
      return _("year");
    case PMD_UNIT_SWITCH:
      return _("on (1) or off (0)");
    case PMD_UNIT_NUMBER:
    default:
      return _("number");
    }
}

/* Every parameter with its words, value, unit, range and source. */
static void
add_assumptions_sheet (Book *book)
{
  PmdScenario *sc = (PmdScenario *) book->in->scenario;  /* looked up, never changed */
  g_autoptr(GPtrArray) paths = pmd_scenario_list_params (sc);
  const char *labels[] = { _("Parameter"), _("Description"), _("Value"), _("Unit"), _("Low"), _("High"),
                           _("Source"), _("Assumption") };
  Sheet s = sheet_new (book, _("Assumptions"));

  put_header (&s, labels, G_N_ELEMENTS (labels), -1);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *words = pmd_scenario_describe_param (sc, path);
      const char *source = pmd_scenario_get_param_source (sc, path);
      PmdUnit unit = pmd_param_unit (path);
      int range = pmd_scenario_find_range (sc, path);
      int row = 1 + (int) i;
      PmdParam param;

      put_text (&s, row, 0, path, NULL);
      put_text (&s, row, 1, words, NULL);
      /* A field without a value of its own (no client count, the
       * scenario's indexation, no end) stays empty. */
      if (pmd_scenario_lookup_param (sc, path, &param, NULL) && pmd_param_has_value (&param))
        put_number (&s, row, 2, pmd_param_get (&param), unit_style (unit));
      put_text (&s, row, 3, unit_words (unit), NULL);
      if (range >= 0)
        {
          const PmdRange *r = g_ptr_array_index (sc->ranges, range);

          put_number (&s, row, 4, r->low, unit_style (unit));
          put_number (&s, row, 5, r->high, unit_style (unit));
        }
      put_text (&s, row, 6, source, NULL);
      put_text (&s, row, 7, pmd_source_is_assumption (source) ? _("yes") : _("no"), NULL);
    }
  sheet_finish (&s, 1, 2);
}

/* The scenario as written and each variant side by side, one column
 * each: per year their total, gap, savings and cumulative savings; their
 * payback year and net present value; the assumptions that differ. */
static gboolean
add_variants_sheet (Book    *book,
                    GError **error)
{
  g_autoptr(PmdComparison) cmp = pmd_comparison_new_variants (book->in->written, error);
  g_autoptr(GPtrArray) differences = NULL;
  const char *series_names[] = { _("Scenario (with interventions)"), _("Gap (scenario − funding)"),
                                 _("Savings (baseline − scenario)"), _("Cumulative savings") };
  const PmdProjection *first;
  Sheet s;
  guint n;
  int row = 0;

  if (cmp == NULL)
    return FALSE;
  n = pmd_comparison_get_n (cmp);
  first = pmd_comparison_get (cmp, 0)->projection;
  differences = pmd_comparison_differences (cmp);
  s = sheet_new (book, _("Variants"));
  put_text (&s, row, 0, _("Year"), book->header);
  for (guint i = 0; i < n; i++)
    put_text (&s, row, 1 + i, pmd_comparison_get (cmp, i)->name, book->header);

  for (guint k = 0; k < G_N_ELEMENTS (series_names); k++)
    {
      row += k == 0 ? 1 : 2;
      put_text (&s, row, 0, series_names[k], book->bold);
      for (int t = 0; t < first->n_years; t++)
        {
          row++;
          worksheet_write_number (s.ws, row, 0, first->base_year + t, book->year_label);
          for (guint i = 0; i < n; i++)
            {
              const PmdProjection *p = pmd_comparison_get (cmp, i)->projection;
              const double *series[] = { p->total_scenario, p->gap, p->savings, p->cumulative_savings };

              put_number (&s, row, 1 + i, series[k][t], STYLE_EURO);
            }
        }
    }

  row += 2;
  put_text (&s, row, 0, _("Payback year"), book->bold);
  put_text (&s, row + 1, 0, _("Net present value of the savings"), book->bold);
  for (guint i = 0; i < n; i++)
    {
      const PmdProjection *p = pmd_comparison_get (cmp, i)->projection;

      if (p->has_payback)
        put_number (&s, row, 1 + i, p->payback_year, STYLE_YEAR);
      else
        put_text (&s, row, 1 + i, _("not within the horizon"), NULL);
      put_number (&s, row + 1, 1 + i, p->npv, STYLE_EURO);
    }
  row++;

  /* The parameter's path after the variants' columns, for whoever looks
   * it up in the file or on the Assumptions sheet. */
  if (differences->len > 0)
    {
      row += 2;
      put_text (&s, row, 0, _("Assumptions that differ"), book->bold);
      put_text (&s, row, 1 + n, _("Parameter"), book->bold);
    }
  for (guint k = 0; k < differences->len; k++)
    {
      const PmdCompareDifference *d = g_ptr_array_index (differences, k);
      g_autofree char *words = pmd_scenario_describe_param (book->in->written, d->path);

      row++;
      put_text (&s, row, 0, words, NULL);
      put_numbers (&s, row, 1, d->values, n, unit_style (pmd_param_unit (d->path)));
      put_text (&s, row, 1 + n, d->path, NULL);
    }
  sheet_finish (&s, 1, 1);
  return TRUE;
}

/* P10, P50 and P90 of the total, the gap and the savings per year, with
 * the runs and seed every screen uses. */
static gboolean
add_uncertainty_sheet (Book    *book,
                       GError **error)
{
  const PmdScenario *sc = book->in->scenario;
  g_autoptr(PmdMonteCarlo) mc = NULL;
  const char *labels[] = { _("Outcome"), _("Percentile") };
  const double levels[] = { 0.1, 0.5, 0.9 };
  const char *level_names[] = { "P10", "P50", "P90" };
  Sheet s;
  int row = 1;

  mc = pmd_monte_carlo_run (sc, PMD_MONTE_CARLO_DEFAULT_RUNS, PMD_MONTE_CARLO_DEFAULT_SEED, NULL, NULL, NULL, error);
  if (mc == NULL)
    return FALSE;
  s = sheet_new (book, _("Uncertainty"));
  put_header (&s, labels, G_N_ELEMENTS (labels), 2);
  {
    const double *series[] = { mc->total, mc->gap, mc->savings };
    const char *names[] = { _("scenario"), _("gap"), _("savings") };

    for (guint k = 0; k < G_N_ELEMENTS (series); k++)
      for (guint l = 0; l < G_N_ELEMENTS (levels); l++, row++)
        {
          put_text (&s, row, 0, names[k], NULL);
          put_text (&s, row, 1, level_names[l], NULL);
          for (int t = 0; t < mc->n_years; t++)
            put_number (&s, row, 2 + t, pmd_monte_carlo_percentile (mc, series[k], t, levels[l]), STYLE_EURO);
        }
  }
  put_text (&s, row, 0, _("probability of a gap"), NULL);
  put_numbers (&s, row, 2, mc->p_gap_positive, mc->n_years, STYLE_PERCENT);
  row += 2;
  {
    g_autofree char *runs = pmd_format_number (mc->runs, 0);
    g_autofree char *note = g_strdup_printf (_("%s runs with seed %d; each ranged parameter (see Assumptions: Low, "
                                               "High) drawn from a triangular distribution"),
                                             runs, PMD_MONTE_CARLO_DEFAULT_SEED);

    worksheet_write_string (s.ws, row, 0, note, NULL);
  }
  sheet_finish (&s, 1, 2);
  return TRUE;
}

/* What the workbook is, for whoever opens it later. */
static void
add_about_sheet (Book *book)
{
  const PmdScenario *sc = book->in->scenario;
  g_autofree char *base_year = g_strdup_printf ("%d", sc->base_year);
  g_autofree char *horizon = g_strdup_printf ("%d–%d", sc->base_year, pmd_scenario_get_end_year (sc));
  g_autofree char *made = g_strdup_printf ("Piramide %s", PACKAGE_VERSION);
  const char *variant = NULL;
  Sheet s = sheet_new (book, _("About"));
  const char *rows[][2] = {
    { _("Scenario"), sc->name },
    { _("Municipality"), sc->municipality },
    { _("File"), book->in->file },
    { _("Variant"), NULL },
    { _("Base year"), base_year },
    { _("Years"), horizon },
    { _("Amounts"), _("euros of each year (indexation included)") },
    { _("Totals"), _("formulas over the rows of the cost lines") },
    { _("Made with"), made },
  };

  if (book->in->variant != NULL && pmd_scenario_find_variant (book->in->written, book->in->variant) >= 0)
    variant = ((PmdVariant *) g_ptr_array_index (book->in->written->variants,
                                                 pmd_scenario_find_variant (book->in->written,
                                                                            book->in->variant)))->name;
  rows[3][1] = variant != NULL ? variant : _("none: the scenario as written");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      put_text (&s, (int) r, 0, rows[r][0], book->bold);
      put_text (&s, (int) r, 1, rows[r][1], NULL);
    }
  sheet_finish (&s, 0, 0);
}

static void
add_formats (Book *book)
{
  /* Neutral notation; shown with the reader's separators. The euro sign
   * before the amount and a minus after it, as Dutch spreadsheets write
   * amounts: € 1.234, € -1.234. */
  static const char *const codes[N_STYLES] = {
    [STYLE_EURO] = "\"€\"\\ #,##0;\"€\"\\ \\-#,##0",
    [STYLE_PERCENT] = "0.00%",
    [STYLE_COUNT] = "#,##0",
    [STYLE_YEAR] = "0",
    [STYLE_NUMBER] = "#,##0.0##",
  };

  book->header = workbook_add_format (book->wb);
  format_set_bold (book->header);
  format_set_bottom (book->header, LXW_BORDER_THIN);
  format_set_bg_color (book->header, 0xE8ECEF);
  book->bold = workbook_add_format (book->wb);
  format_set_bold (book->bold);
  book->year_label = workbook_add_format (book->wb);
  format_set_num_format (book->year_label, "0");
  format_set_align (book->year_label, LXW_ALIGN_LEFT);
  for (int i = 0; i < N_STYLES; i++)
    {
      book->styles[i] = workbook_add_format (book->wb);
      format_set_num_format (book->styles[i], codes[i]);
    }
}

static gboolean
write_workbook (Book        *book,
                const char  *path,
                GError     **error)
{
  const PmdProjection *p = book->p;
  const PmdScenario *sc = book->in->scenario;
  g_autofree char *tmpdir = g_strdup (g_get_tmp_dir ());
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = tmpdir };
  g_autofree char *lines_title = sheet_name (_("Cost lines"));
  g_autofree char *clients_title = sheet_name (_("Clients"));
  lxw_doc_properties properties = { 0 };
  g_autofree char *title = g_strdup (sc->name != NULL ? sc->name : "");
  g_autofree char *author = g_strdup ("Piramide");
  lxw_error status;

  book->wb = workbook_new_opt (path, &options);
  if (book->wb == NULL)
    {
      g_set_error_literal (error, PMD_XLSX_ERROR, PMD_XLSX_ERROR_WRITE, _("Could not start the workbook"));
      return FALSE;
    }
  properties.title = title;
  properties.author = author;
  workbook_set_properties (book->wb, &properties);
  add_formats (book);
  book->lines_ref = quote_sheet (lines_title);
  book->clients_ref = quote_sheet (clients_title);

  add_totals_sheet (book);
  add_group_sheet (book, _("Layers"), _("Layer"), sc->layers, LINE_COL_LAYER, p->layer_baseline, p->layer_scenario,
                   p->layer_baseline_clients, p->layer_scenario_clients);
  add_group_sheet (book, _("Domains"), _("Domain"), sc->domains, LINE_COL_DOMAIN, p->domain_baseline,
                   p->domain_scenario, NULL, NULL);
  add_lines_sheet (book, lines_title, p->line_baseline, p->line_scenario, STYLE_EURO);
  add_lines_sheet (book, clients_title, p->line_baseline_clients, p->line_scenario_clients, STYLE_COUNT);
  add_assumptions_sheet (book);
  if (!add_variants_sheet (book, error) || (sc->ranges->len > 0 && !add_uncertainty_sheet (book, error)))
    {
      workbook_close (book->wb);
      return FALSE;
    }
  add_about_sheet (book);

  status = workbook_close (book->wb);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, PMD_XLSX_ERROR, PMD_XLSX_ERROR_WRITE, _("Could not write the workbook: %s"),
                   lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * pmd_workbook_to_xlsx:
 * @input: what to write
 *
 * The workbook of docs/workbook.md, as the bytes of an .xlsx file.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
pmd_workbook_to_xlsx (const PmdWorkbookInput *input,
                      GError                **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  Book book = { 0 };
  locale_t c_locale, previous;
  gsize length = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (input != NULL && input->written != NULL && input->scenario != NULL, NULL);
  g_return_val_if_fail (input->projection != NULL, NULL);

  fd = g_file_open_tmp ("piramide-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  book.in = input;
  book.p = input->projection;
  /* libxlsxwriter prints numbers with printf: in a locale with a decimal
   * comma (the window's) that would break the file. This thread writes
   * them the C way, whatever the process's locale. */
  /* Only the numbers: the rest of the process's locale (the language of
   * the sheet names) stays. */
  c_locale = duplocale (LC_GLOBAL_LOCALE);
  if (c_locale != (locale_t) 0)
    {
      locale_t numeric = newlocale (LC_NUMERIC_MASK, "C", c_locale);

      if (numeric == (locale_t) 0)
        freelocale (c_locale);
      c_locale = numeric;
    }
  previous = c_locale != (locale_t) 0 ? uselocale (c_locale) : (locale_t) 0;
  ok = write_workbook (&book, path, error);
  if (c_locale != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (c_locale);
    }
  g_free (book.lines_ref);
  g_free (book.clients_ref);

  if (ok && !g_file_get_contents (path, &data, &length, error))
    ok = FALSE;
  g_unlink (path);
  if (!ok)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}
