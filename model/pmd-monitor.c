/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pmd-monitor.h"

/*
 * Plan against realisation (issue 12), pure arithmetic on a projection and
 * the amounts the financial department booked. The rules an adviser reads
 * in docs/library.md:
 *
 *  - Months without an amount count as nothing spent; the year-end forecast
 *    is a straight line through what was spent to date (× 12 / M).
 *  - A whole-year amount is month 12. It is the year's total, not a
 *    thirteenth month: with month 12 it replaces the line's monthly amounts.
 *  - A line with nothing booked to date is shown with 0 spent and no
 *    forecast: extrapolating nothing would predict a year without spending.
 *    A layer or the total has a forecast only when every line in it has one.
 *  - The alarm sounds when the share used reaches the threshold (within
 *    half a cent), or when money is spent on a line without a budget.
 */

/* Half a cent: "reaches the threshold" must not depend on rounding. */
#define CENT_TOLERANCE 0.005

typedef struct
{
  double   month[12];
  guint    month_mask;
  double   whole;
  gboolean has_whole;
} LineAmounts;

/* One line's definitive amounts of one year, for the accuracy table. */
typedef struct
{
  const char *line;
  int         year;
  LineAmounts def;
  guint       provisional_mask;  /* months (bit 12: the whole year) with a provisional amount */
} YearAmounts;

/* Realisations */

void
pmd_realisation_clear (PmdRealisation *self)
{
  g_clear_pointer (&self->line, g_free);
  g_clear_pointer (&self->post, g_free);
}

GArray *
pmd_realisation_array_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (PmdRealisation));

  g_array_set_clear_func (rows, (GDestroyNotify) pmd_realisation_clear);
  return rows;
}

void
pmd_realisation_array_add (GArray     *rows,
                           const char *line,
                           const char *post,
                           int         year,
                           int         month,
                           double      amount,
                           gboolean    definitive)
{
  PmdRealisation r = {
    .line = g_strdup (line),
    .post = g_strdup (post != NULL ? post : line),
    .year = year,
    .month = month,
    .amount = amount,
    .definitive = definitive,
  };

  g_return_if_fail (rows != NULL);
  g_return_if_fail (month >= 0 && month <= 12);
  g_array_append_val (rows, r);
}

/**
 * pmd_realisation_latest_month:
 *
 * Returns: the last month of @year with an amount (12 for a whole-year
 *   amount), or 0 when @year has none: the month a monitor starts on.
 */
int
pmd_realisation_latest_month (const PmdRealisation *rows,
                              guint                 n_rows,
                              int                   year)
{
  int latest = 0;

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].year == year)
      latest = MAX (latest, rows[i].month == 0 ? 12 : rows[i].month);
  return latest;
}

/* Monitor */

static void
add_amount (LineAmounts *acc,
            int          month,
            double       amount)
{
  if (month == 0)
    {
      acc->whole += amount;
      acc->has_whole = TRUE;
      return;
    }
  acc->month[month - 1] += amount;
  acc->month_mask |= 1u << (month - 1);
}

/* What a line spent in months 1..@month, month by month. */
static void
line_to_date (const LineAmounts *acc,
              int                month,
              PmdMonitorFigures *f)
{
  for (int m = 0; m < month; m++)
    {
      f->by_month[m] = acc->month[m];
      f->actual_to_date += acc->month[m];
    }
  f->has_actuals = (acc->month_mask & ((1u << month) - 1)) != 0;
  if (month == 12 && acc->has_whole)
    {
      /* The cumulative path ends at the year's total. */
      f->by_month[11] += acc->whole - f->actual_to_date;
      f->actual_to_date = acc->whole;
      f->has_actuals = TRUE;
    }
  f->n_missing = f->has_actuals ? 0 : 1;
}

static void
finish_figures (PmdMonitorFigures *f,
                double             budget,
                int                month,
                double             threshold,
                gboolean           forecast)
{
  f->budget = budget;
  f->expected = month / 12.0;
  f->used = budget > 0 ? f->actual_to_date / budget : NAN;
  f->forecast_year_end = forecast ? f->actual_to_date * 12.0 / month : NAN;
  f->forecast_difference = forecast ? f->forecast_year_end - budget : NAN;
  if (budget > 0)
    f->alarm = f->actual_to_date >= threshold * budget - CENT_TOLERANCE;
  else
    f->alarm = f->actual_to_date > CENT_TOLERANCE;
}

static void
add_figures (PmdMonitorFigures       *sum,
             const PmdMonitorFigures *part)
{
  sum->actual_to_date += part->actual_to_date;
  sum->has_actuals |= part->has_actuals;
  sum->n_missing += part->n_missing;
  for (int m = 0; m < 12; m++)
    sum->by_month[m] += part->by_month[m];
}

static gboolean
check_monitor_args (const PmdProjection *projection,
                    int                  year,
                    int                  month,
                    double               threshold,
                    GError             **error)
{
  if (pmd_projection_year_index (projection, year) < 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("The year %d lies outside the projection (%d–%d)"), year,
                   projection->base_year, projection->base_year + projection->n_years - 1);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("The month must be 1 to 12, not %d"), month);
      return FALSE;
    }
  if (!(threshold > 0 && threshold <= 10))
    {
      g_set_error_literal (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                           _("The alarm threshold must be a share above 0, such as 0,7"));
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
index_lines (const PmdScenario *scenario)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < scenario->lines->len; i++)
    {
      const PmdLine *line = g_ptr_array_index (scenario->lines, i);

      g_hash_table_insert (index, line->id, GUINT_TO_POINTER (i + 1));
    }
  return index;
}

/* Sums each line's amounts of @year; counts those of lines not in the scenario. */
static LineAmounts *
collect_year (const PmdScenario    *scenario,
              const PmdRealisation *rows,
              guint                 n_rows,
              int                   year,
              guint                *n_unknown)
{
  g_autoptr(GHashTable) index = index_lines (scenario);
  LineAmounts *acc = g_new0 (LineAmounts, scenario->lines->len);

  *n_unknown = 0;
  for (guint i = 0; i < n_rows; i++)
    {
      guint k;

      if (rows[i].year != year)
        continue;
      k = GPOINTER_TO_UINT (g_hash_table_lookup (index, rows[i].line));
      if (k == 0)
        (*n_unknown)++;
      else
        add_amount (&acc[k - 1], rows[i].month, rows[i].amount);
    }
  return acc;
}

/**
 * pmd_monitor_compute:
 * @scenario: a resolved scenario
 * @projection: its projection
 * @rows: (array length=n_rows): realised amounts, any years and lines
 * @year: the budget year, within the projection
 * @month: months 1..@month are counted (1–12)
 * @threshold: the share used that raises the alarm, e.g. 0.70
 *
 * Plan against realisation per line, per layer and in total; the rules are
 * at the top of this file.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
PmdMonitor *
pmd_monitor_compute (const PmdScenario    *scenario,
                     const PmdProjection  *projection,
                     const PmdRealisation *rows,
                     guint                 n_rows,
                     int                   year,
                     int                   month,
                     double                threshold,
                     GError              **error)
{
  g_autofree LineAmounts *acc = NULL;
  PmdMonitor *self;
  int t;

  g_return_val_if_fail (scenario != NULL && projection != NULL, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  g_return_val_if_fail ((guint) projection->n_lines == scenario->lines->len, NULL);

  if (!check_monitor_args (projection, year, month, threshold, error))
    return NULL;
  t = pmd_projection_year_index (projection, year);

  self = g_new0 (PmdMonitor, 1);
  self->year = year;
  self->month = month;
  self->threshold = threshold;
  self->n_lines = scenario->lines->len;
  self->n_layers = scenario->layers->len;
  self->lines = g_new0 (PmdMonitorFigures, MAX (self->n_lines, 1));
  self->layers = g_new0 (PmdMonitorFigures, MAX (self->n_layers, 1));
  acc = collect_year (scenario, rows, n_rows, year, &self->n_unknown);

  for (guint i = 0; i < self->n_lines; i++)
    {
      const PmdLine *line = g_ptr_array_index (scenario->lines, i);
      PmdMonitorFigures *f = &self->lines[i];

      line_to_date (&acc[i], month, f);
      finish_figures (f, projection->line_scenario[i * projection->n_years + t], month, threshold,
                      f->has_actuals);
      add_figures (&self->layers[line->layer_idx], f);
      add_figures (&self->total, f);
    }
  for (guint l = 0; l < self->n_layers; l++)
    {
      PmdMonitorFigures *f = &self->layers[l];

      finish_figures (f, projection->layer_scenario[l * projection->n_years + t], month, threshold,
                      f->has_actuals && f->n_missing == 0);
    }
  finish_figures (&self->total, projection->total_scenario[t], month, threshold,
                  self->total.has_actuals && self->total.n_missing == 0);
  return self;
}

void
pmd_monitor_free (PmdMonitor *self)
{
  if (self == NULL)
    return;
  g_free (self->lines);
  g_free (self->layers);
  g_free (self);
}

/**
 * pmd_monitor_figures_describe:
 * @figures: a line's, layer's or the total's figures
 *
 * The alarm in words, for the tables of the command line, the report and
 * the window: the alarm is never shown by colour alone.
 *
 * Returns: (transfer none): "alarm", "no actuals yet" or "below the
 *   threshold", translated
 */
const char *
pmd_monitor_figures_describe (const PmdMonitorFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NULL);

  if (figures->alarm)
    return _("alarm");
  if (!figures->has_actuals)
    return _("no actuals yet");
  return _("below the threshold");
}

/* Forecast accuracy */

static YearAmounts *
lookup_year_amounts (GHashTable *table,
                     const char *line,
                     int         year)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s", year, line);
  YearAmounts *ya = g_hash_table_lookup (table, key);

  if (ya == NULL)
    {
      ya = g_new0 (YearAmounts, 1);
      ya->line = line;
      ya->year = year;
      g_hash_table_insert (table, g_steal_pointer (&key), ya);
    }
  return ya;
}

/* The definitive amount of a year: a definitive whole-year amount, else
 * twelve months each definitive. */
static gboolean
year_definitive (const YearAmounts *ya,
                 double            *actual)
{
  if (ya->def.has_whole && !(ya->provisional_mask & (1u << 12)))
    {
      *actual = ya->def.whole;
      return TRUE;
    }
  if (ya->def.month_mask != 0xfff || (ya->provisional_mask & 0xfff) != 0)
    return FALSE;
  *actual = 0;
  for (int m = 0; m < 12; m++)
    *actual += ya->def.month[m];
  return TRUE;
}

static int
compare_year_amounts (gconstpointer a,
                      gconstpointer b)
{
  const YearAmounts *x = *(const YearAmounts *const *) a;
  const YearAmounts *y = *(const YearAmounts *const *) b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return strcmp (x->line, y->line);
}

/* The (line, year) pairs with a definitive amount, by year, then line. */
static GPtrArray *
collect_definitive (const PmdRealisation *rows,
                    guint                 n_rows,
                    GHashTable           *table)
{
  GPtrArray *found = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n_rows; i++)
    {
      YearAmounts *ya = lookup_year_amounts (table, rows[i].line, rows[i].year);

      if (rows[i].definitive)
        add_amount (&ya->def, rows[i].month, rows[i].amount);
      else
        ya->provisional_mask |= 1u << (rows[i].month == 0 ? 12 : rows[i].month - 1);
    }
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      double actual;

      if (year_definitive (value, &actual))
        g_ptr_array_add (found, value);
    }
  g_ptr_array_sort (found, compare_year_amounts);
  return found;
}

static PmdAccuracyEntry *
accuracy_entry_new (int         year,
                    int         version,
                    const char *line,
                    double      projected,
                    double      actual,
                    guint       n_lines)
{
  PmdAccuracyEntry *e = g_new0 (PmdAccuracyEntry, 1);

  e->year = year;
  e->version = version;
  e->line = g_strdup (line);
  e->projected = projected;
  e->actual = actual;
  e->difference = projected - actual;
  e->relative_error = fabs (actual) > CENT_TOLERANCE ? e->difference / actual : NAN;
  e->n_lines = n_lines;
  return e;
}

/* A version forecast a year when it was saved before that year ended. */
static gboolean
version_forecast_year (const PmdAccuracyVersion *v,
                       int                       year)
{
  g_autoptr(GDateTime) year_end = g_date_time_new_utc (year + 1, 1, 1, 0, 0, 0);

  return pmd_projection_year_index (v->projection, year) >= 0
         && g_date_time_compare (v->created, year_end) < 0;
}

/* One version against the definitive amounts found[first..last) of one year. */
static void
compare_version (const PmdAccuracyVersion *v,
                 GPtrArray                *found,
                 guint                     first,
                 guint                     last,
                 GPtrArray                *entries)
{
  const PmdProjection *p = v->projection;
  double projected_sum = 0, actual_sum = 0;
  guint n = 0;
  int year = ((YearAmounts *) g_ptr_array_index (found, first))->year;
  int t = pmd_projection_year_index (p, year);

  for (guint i = first; i < last; i++)
    {
      const YearAmounts *ya = g_ptr_array_index (found, i);
      int k = pmd_scenario_find_line (v->scenario, ya->line);
      double actual, projected;

      /* Only definitive amounts are found; a line the version lacks is
       * not compared. */
      if (k < 0 || !year_definitive (ya, &actual))
        continue;
      projected = p->line_scenario[k * p->n_years + t];
      g_ptr_array_add (entries, accuracy_entry_new (year, v->version, ya->line, projected, actual, 1));
      projected_sum += projected;
      actual_sum += actual;
      n++;
    }
  if (n > 0)
    g_ptr_array_add (entries, accuracy_entry_new (year, v->version, NULL, projected_sum, actual_sum, n));
}

/**
 * pmd_forecast_accuracy:
 * @versions: (array length=n_versions): the versions of one scenario, oldest first
 * @rows: (array length=n_rows): the scenario's realised amounts
 *
 * "Hoe goed voorspelden we?": for every year in which a line has definitive
 * amounts (a definitive whole-year amount, or all twelve months definitive),
 * each version saved before that year ended and projecting it, compared
 * with them per line, and the total over the lines compared.
 *
 * Returns: (transfer full) (element-type PmdAccuracyEntry): by year, then
 *   version; per version the lines by id and then the total (@line %NULL)
 */
GPtrArray *
pmd_forecast_accuracy (const PmdAccuracyVersion *versions,
                       guint                     n_versions,
                       const PmdRealisation     *rows,
                       guint                     n_rows)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_accuracy_entry_free);

  g_return_val_if_fail (versions != NULL || n_versions == 0, entries);
  g_return_val_if_fail (rows != NULL || n_rows == 0, entries);

  found = collect_definitive (rows, n_rows, table);
  for (guint first = 0; first < found->len;)
    {
      int year = ((YearAmounts *) g_ptr_array_index (found, first))->year;
      guint last = first;

      while (last < found->len && ((YearAmounts *) g_ptr_array_index (found, last))->year == year)
        last++;
      for (guint v = 0; v < n_versions; v++)
        if (version_forecast_year (&versions[v], year))
          compare_version (&versions[v], found, first, last, entries);
      first = last;
    }
  return entries;
}

void
pmd_accuracy_entry_free (PmdAccuracyEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->line);
  g_free (self);
}
