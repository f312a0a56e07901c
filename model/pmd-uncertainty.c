/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-uncertainty.h"
#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-scenario-private.h"

/**
 * pmd_triangular_sample:
 *
 * A draw from the triangular distribution (@low, @mode, @high) by inverting
 * its distribution function.
 */
double
pmd_triangular_sample (GRand  *rand,
                       double  low,
                       double  mode,
                       double  high)
{
  double u = g_rand_double (rand);
  double span = high - low;

  if (span <= 0)
    return mode;
  if (u < (mode - low) / span)
    return low + sqrt (u * span * (mode - low));
  return high - sqrt ((1 - u) * span * (high - mode));
}

/**
 * pmd_percentile:
 * @sorted: (array length=n): values in ascending order
 * @p: the percentile as a fraction (0.1 for P10)
 *
 * Linear interpolation between order statistics ("type 7").
 */
double
pmd_percentile (const double *sorted,
                guint         n,
                double        p)
{
  double h, lo;

  if (n == 0)
    return NAN;
  h = (n - 1) * CLAMP (p, 0.0, 1.0);
  lo = floor (h);
  if ((guint) lo + 1 >= n)
    return sorted[n - 1];
  return sorted[(guint) lo] + (h - lo) * (sorted[(guint) lo + 1] - sorted[(guint) lo]);
}

/* Monte Carlo */

typedef struct
{
  const PmdScenario *scenario;
  const double      *samples;   /* runs × n_ranges, drawn beforehand */
  guint              n_ranges;
  guint              first;
  guint              last;      /* exclusive */
  PmdMonteCarlo     *out;       /* unsorted, run-major while running */
  int               *payback;   /* per run: year, or 0 */
  const gint        *cancel;
  gint              *done;
  GError            *error;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  g_autoptr(PmdScenario) sc = pmd_scenario_copy (w->scenario);
  g_autoptr(PmdPartial) partial = NULL;
  g_autofree PmdParam *params = g_new (PmdParam, MAX (1, w->n_ranges));
  g_autofree const char **paths = g_new0 (const char *, MAX (1, w->n_ranges));
  const PmdProjection *p;
  int n = w->out->n_years;

  g_auto(PmdScenarioIndex) index = { 0 };

  if (!pmd_scenario_resolve (sc, &w->error))
    return NULL;
  /* Resolve each path once: a run only sets numbers. */
  _pmd_scenario_index_init (&index);
  _pmd_scenario_index_fill (&index, sc);
  for (guint k = 0; k < w->n_ranges; k++)
    {
      paths[k] = ((PmdRange *) g_ptr_array_index (sc->ranges, k))->path;
      if (!_pmd_scenario_lookup_param_indexed (sc, &index, paths[k], &params[k], &w->error))
        return NULL;
    }
  /* A run re-projects only the lines its draws can reach. */
  partial = pmd_partial_new (sc, paths, w->n_ranges, &w->error);
  if (partial == NULL)
    return NULL;

  for (guint r = w->first; r < w->last; r++)
    {
      if (w->cancel != NULL && g_atomic_int_get (w->cancel))
        return NULL;
      for (guint k = 0; k < w->n_ranges; k++)
        pmd_param_set (&params[k], w->samples[(gsize) r * w->n_ranges + k]);
      p = pmd_partial_compute (partial, sc);
      /* The file's own values project (pmd_scenario_validate()), but a draw
       * towards the ends of wide ranges may overflow: an error, not a
       * percentile of "inf". */
      for (int t = 0; t < n; t++)
        if (!isfinite (p->total_scenario[t]) || !isfinite (p->gap[t]) || !isfinite (p->savings[t]))
          {
            g_set_error (&w->error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                         _("run %u: with the values drawn from the ranges the costs in %d are too large "
                           "to compute; narrow the ranges"), r + 1, w->out->base_year + t);
            return NULL;
          }
      memcpy (w->out->total + (gsize) r * n, p->total_scenario, sizeof (double) * n);
      memcpy (w->out->gap + (gsize) r * n, p->gap, sizeof (double) * n);
      memcpy (w->out->savings + (gsize) r * n, p->savings, sizeof (double) * n);
      w->payback[r] = p->has_payback ? p->payback_year : 0;
      g_atomic_int_inc (w->done);
    }
  return NULL;
}

/* Doubles as unsigned keys that sort in the same order: flip the sign bit
 * of positives, every bit of negatives. */
static inline guint64
sort_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (bits >> 63) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline double
from_key (guint64 key)
{
  guint64 bits = (key >> 63) ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

/* An LSD radix sort, eight passes of a byte: the runs of a year are sorted
 * in linear time (qsort took a third of a Monte Carlo). */
static void
sort_doubles (double  *values,
              guint    n,
              guint64 *keys,
              guint64 *spare)
{
  for (guint i = 0; i < n; i++)
    keys[i] = sort_key (values[i]);
  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0 };
      guint64 *tmp;

      for (guint i = 0; i < n; i++)
        count[((keys[i] >> shift) & 0xff) + 1]++;
      if (count[((keys[0] >> shift) & 0xff) + 1] == n)
        continue;   /* every key has this byte: nothing to move */
      for (guint b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (guint i = 0; i < n; i++)
        spare[count[(keys[i] >> shift) & 0xff]++] = keys[i];
      tmp = keys;
      keys = spare;
      spare = tmp;
    }
  for (guint i = 0; i < n; i++)
    values[i] = from_key (keys[i]);
}

/* Run-major [run × year] to year-major, each year sorted. */
static void
transpose_sorted (double *values,
                  guint   runs,
                  int     n)
{
  g_autofree double *copy = g_memdup2 (values, sizeof (double) * runs * n);
  g_autofree guint64 *keys = g_new (guint64, runs);
  g_autofree guint64 *spare = g_new (guint64, runs);

  for (int t = 0; t < n; t++)
    {
      for (guint r = 0; r < runs; r++)
        values[(gsize) t * runs + r] = copy[(gsize) r * n + t];
      sort_doubles (values + (gsize) t * runs, runs, keys, spare);
    }
}

/**
 * pmd_monte_carlo_run:
 * @scenario: a valid scenario with ranges
 * @runs: how many runs
 * @seed: the same seed gives the same result
 * @cancel: (nullable): set to non-zero (atomically) to stop early
 * @progress: (nullable): called from the calling thread as runs finish
 * @error: an invalid scenario, or "cancelled"
 *
 * Draws every ranged parameter from its triangular distribution (low, the
 * scenario's value, high) for each run, then projects the runs on two
 * threads. The draws are made up front from one seeded generator, so the
 * result does not depend on how the runs are shared between threads.
 *
 * Returns: (transfer full) (nullable): the results, per year sorted
 */
PmdMonteCarlo *
pmd_monte_carlo_run (const PmdScenario *scenario,
                     guint              runs,
                     guint32            seed,
                     const gint        *cancel,
                     PmdProgressFunc    progress,
                     gpointer           user_data,
                     GError           **error)
{
  g_autoptr(PmdMonteCarlo) self = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_copy (scenario);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *samples = NULL;
  g_autofree double *modes = NULL;
  g_autofree int *payback = NULL;
  guint n_ranges = sc->ranges->len;
  Worker workers[2];
  GThread *thread;
  gint done = 0;

  g_return_val_if_fail (runs > 0, NULL);

  if (!pmd_scenario_validate (sc, error))
    return NULL;

  self = g_new0 (PmdMonteCarlo, 1);
  self->runs = runs;
  self->base_year = sc->base_year;
  self->n_years = sc->horizon + 1;
  self->total = g_new (double, (gsize) runs * self->n_years);
  self->gap = g_new (double, (gsize) runs * self->n_years);
  self->savings = g_new (double, (gsize) runs * self->n_years);
  self->p_gap_positive = g_new0 (double, self->n_years);
  self->payback_counts = g_new0 (guint, self->n_years);
  payback = g_new0 (int, runs);

  /* Each range's mode is the scenario's value: read once, not per run. */
  modes = g_new (double, MAX (1, n_ranges));
  for (guint k = 0; k < n_ranges; k++)
    pmd_scenario_get_param (sc, ((PmdRange *) g_ptr_array_index (sc->ranges, k))->path, &modes[k], NULL);
  samples = g_new (double, MAX (1, (gsize) runs * n_ranges));
  for (guint r = 0; r < runs; r++)
    for (guint k = 0; k < n_ranges; k++)
      {
        const PmdRange *range = g_ptr_array_index (sc->ranges, k);
        samples[(gsize) r * n_ranges + k] = pmd_triangular_sample (rand, range->low, modes[k], range->high);
      }

  for (guint i = 0; i < 2; i++)
    {
      workers[i] = (Worker) { sc, samples, n_ranges, i == 0 ? 0 : runs / 2, i == 0 ? runs / 2 : runs,
                              self, payback, cancel, &done, NULL };
    }
  thread = g_thread_new ("piramide-montecarlo", worker_run, &workers[1]);
  worker_run (&workers[0]);
  if (progress != NULL)
    progress (g_atomic_int_get (&done), runs, user_data);
  g_thread_join (thread);
  if (progress != NULL)
    progress (g_atomic_int_get (&done), runs, user_data);

  for (guint i = 0; i < 2; i++)
    if (workers[i].error != NULL)
      {
        g_propagate_error (error, workers[i].error);
        g_clear_error (&workers[1 - i].error);
        return NULL;
      }
  if (cancel != NULL && g_atomic_int_get (cancel))
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("Cancelled"));
      return NULL;
    }

  for (guint r = 0; r < runs; r++)
    {
      for (int t = 0; t < self->n_years; t++)
        if (self->gap[(gsize) r * self->n_years + t] > 0)
          self->p_gap_positive[t] += 1.0 / runs;
      if (payback[r] == 0)
        self->never_paid_back++;
      else
        self->payback_counts[payback[r] - self->base_year]++;
    }
  transpose_sorted (self->total, runs, self->n_years);
  transpose_sorted (self->gap, runs, self->n_years);
  transpose_sorted (self->savings, runs, self->n_years);
  return g_steal_pointer (&self);
}

/**
 * pmd_monte_carlo_percentile:
 * @series: the result's @total, @gap or @savings
 * @t: a year index
 * @p: the percentile as a fraction
 */
double
pmd_monte_carlo_percentile (const PmdMonteCarlo *self,
                            const double        *series,
                            int                  t,
                            double               p)
{
  g_return_val_if_fail (t >= 0 && t < self->n_years, NAN);
  return pmd_percentile (series + (gsize) t * self->runs, self->runs, p);
}

void
pmd_monte_carlo_free (PmdMonteCarlo *self)
{
  if (self == NULL)
    return;
  g_free (self->total);
  g_free (self->gap);
  g_free (self->savings);
  g_free (self->p_gap_positive);
  g_free (self->payback_counts);
  g_free (self);
}

/* Outputs by path */

/**
 * pmd_projection_get_output:
 * @output: "totals.<baseline|scenario|investment|savings|cumulative_savings|funding|gap>",
 *   "layers.<id>.<baseline|scenario>", "domains.<id>.…", "lines.<id>.<baseline|scenario>",
 *   "npv" or "payback_year"
 * @year: the year (ignored for npv and payback_year)
 *
 * Reads one number of a projection by the names of `project --format json`.
 */
gboolean
pmd_projection_get_output (const PmdProjection *p,
                           const PmdScenario   *sc,
                           const char          *output,
                           int                  year,
                           double              *value,
                           GError             **error)
{
  g_auto(GStrv) parts = g_strsplit (output, ".", 0);
  guint n = g_strv_length (parts);
  int t = pmd_projection_year_index (p, year);
  const double *series = NULL;
  int item = 0;

  if (n == 1 && g_str_equal (parts[0], "npv"))
    {
      *value = p->npv;
      return TRUE;
    }
  if (n == 1 && g_str_equal (parts[0], "payback_year"))
    {
      *value = p->has_payback ? p->payback_year : NAN;
      return TRUE;
    }
  if (t < 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("the year %d lies outside the projection (%d–%d)"), year, p->base_year,
                   p->base_year + p->n_years - 1);
      return FALSE;
    }
  if (n == 2 && g_str_equal (parts[0], "totals"))
    {
      static const char *names[] = { "baseline", "scenario", "investment", "savings", "cumulative_savings", "funding", "gap" };
      const double *all[] = { p->total_baseline, p->total_scenario, p->investment, p->savings, p->cumulative_savings,
                              p->funding, p->gap };
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        if (g_str_equal (parts[1], names[k]))
          series = all[k];
    }
  else if (n == 3 && (g_str_equal (parts[2], "baseline") || g_str_equal (parts[2], "scenario")))
    {
      gboolean base = g_str_equal (parts[2], "baseline");
      if (g_str_equal (parts[0], "layers") && (item = pmd_scenario_find_layer (sc, parts[1])) >= 0)
        series = base ? p->layer_baseline : p->layer_scenario;
      else if (g_str_equal (parts[0], "domains") && (item = pmd_scenario_find_domain (sc, parts[1])) >= 0)
        series = base ? p->domain_baseline : p->domain_scenario;
      else if (g_str_equal (parts[0], "lines") && (item = pmd_scenario_find_line (sc, parts[1])) >= 0)
        series = base ? p->line_baseline : p->line_scenario;
    }
  if (series == NULL)
    {
      g_autofree char *shown = pmd_format_escape_text (output);
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                   _("“%s” is not an output (for example totals.gap, layers.zwaar.scenario, npv)"), shown);
      return FALSE;
    }
  *value = series[item * p->n_years + t];
  return TRUE;
}

/* Projects @sc with @path set to @x and reads the output. */
static gboolean
evaluate (PmdScenario   *sc,
          PmdProjection *p,
          const PmdParam *param,
          double          x,
          const char     *output,
          int             year,
          double         *value,
          GError        **error)
{
  pmd_param_set (param, x);
  return pmd_projection_compute (p, sc, error) && pmd_projection_get_output (p, sc, output, year, value, error);
}

/* Whether the parameter may take @x at all (a share above 1, a negative
 * cost): the rules are intervals, so both ends of a search range tell. */
static gboolean
check_search_end (PmdScenario    *sc,
                  const PmdParam *param,
                  double          low,
                  double          high,
                  double          x,
                  GError        **error)
{
  double was = pmd_param_get (param);
  g_autoptr(GError) local = NULL;
  gboolean ok;

  pmd_param_set (param, x);
  ok = pmd_scenario_validate (sc, &local);
  pmd_param_set (param, was);
  if (!ok)
    {
      g_autofree char *low_text = pmd_format_value (low);
      g_autofree char *high_text = pmd_format_value (high);

      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   /* Translators: the range, then why a value in it is not allowed */
                   _("the search range [%s; %s] holds values the parameter cannot take: %s"),
                   low_text, high_text, local->message);
    }
  return ok;
}

static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const PmdSwing *x = a, *y = b;
  if (x->swing != y->swing)
    return x->swing < y->swing ? 1 : -1;
  return g_strcmp0 (x->path, y->path);
}

static void
swing_clear (gpointer data)
{
  g_free (((PmdSwing *) data)->path);
}

/**
 * pmd_sensitivity:
 * @output: an output path (see pmd_projection_get_output())
 * @year: the year of the output
 * @base_value: (out) (optional): the output with every parameter at its value
 *
 * Sets each ranged parameter to its low and to its high end, the others at
 * their value, and records the output: the bars of a tornado.
 *
 * Returns: (transfer full) (element-type PmdSwing): the swings, largest first
 */
GArray *
pmd_sensitivity (const PmdScenario *scenario,
                 const char        *output,
                 int                year,
                 double            *base_value,
                 GError           **error)
{
  g_autoptr(PmdScenario) sc = pmd_scenario_copy (scenario);
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  g_autoptr(GArray) swings = g_array_new (FALSE, FALSE, sizeof (PmdSwing));
  g_auto(PmdScenarioIndex) index = { 0 };
  double base;

  g_array_set_clear_func (swings, swing_clear);
  if (!pmd_scenario_validate (sc, error) || !pmd_projection_compute (p, sc, error) ||
      !pmd_projection_get_output (p, sc, output, year, &base, error))
    return NULL;
  if (base_value != NULL)
    *base_value = base;
  _pmd_scenario_index_init (&index);
  _pmd_scenario_index_fill (&index, sc);

  for (guint k = 0; k < sc->ranges->len; k++)
    {
      const PmdRange *r = g_ptr_array_index (sc->ranges, k);
      PmdSwing swing = { g_strdup (r->path), 0, 0, 0 };
      PmdParam param;
      double value;

      g_array_append_val (swings, swing);
      if (!_pmd_scenario_lookup_param_indexed (sc, &index, r->path, &param, error))
        return NULL;
      value = pmd_param_get (&param);
      if (!evaluate (sc, p, &param, r->low, output, year, &g_array_index (swings, PmdSwing, k).at_low, error) ||
          !evaluate (sc, p, &param, r->high, output, year, &g_array_index (swings, PmdSwing, k).at_high, error))
        return NULL;
      pmd_param_set (&param, value);
      g_array_index (swings, PmdSwing, k).swing = fabs (g_array_index (swings, PmdSwing, k).at_high -
                                                        g_array_index (swings, PmdSwing, k).at_low);
    }
  g_array_sort (swings, compare_swing);
  return g_steal_pointer (&swings);
}

/**
 * pmd_goal_seek:
 * @param: the parameter to change
 * @output: the output to bring to @target (see pmd_projection_get_output())
 * @low: the low end of the search
 * @high: the high end
 * @result: (out): the value of @param that reaches @target
 * @closest_x: (out) (optional): when no value reaches the target
 *   (%PMD_SCENARIO_ERROR_NO_SOLUTION), the value tried that came closest
 * @closest_value: (out) (optional): the output that one gives
 * @error: no value in [@low, @high] reaches the target
 *
 * Finds a sign change of output(x) − target on a grid of the range, then
 * narrows it by bisection, which cannot fail once a sign change is found.
 */
gboolean
pmd_goal_seek (const PmdScenario *scenario,
               const char        *param_path,
               const char        *output,
               int                year,
               double             target,
               double             low,
               double             high,
               double            *result,
               double            *closest_x,
               double            *closest_value,
               GError           **error)
{
  g_autoptr(PmdScenario) sc = pmd_scenario_copy (scenario);
  g_autoptr(PmdProjection) p = pmd_projection_new ();
  const int grid = 64;
  /* Outputs are euros: half a cent from the target is the target. */
  const double tolerance = MAX (0.005, 1e-12 * fabs (target));
  PmdParam param;
  double a = low, fa, best_x = low, best_f = G_MAXDOUBLE, best_value = 0, value_a;

  if (!pmd_scenario_validate (sc, error) || !pmd_scenario_lookup_param (sc, param_path, &param, error))
    return FALSE;
  if (!(low < high))
    {
      g_autofree char *low_text = pmd_format_value (low);
      g_autofree char *high_text = pmd_format_value (high);

      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   /* Translators: the range is written [low; high] because its numbers have decimal commas */
                   _("the search range [%s; %s] is empty"), low_text, high_text);
      return FALSE;
    }
  /* The parameter's own range in the file is what the search may widen
   * (goal seek's Apply does): only the rules of the value itself count. */
  for (guint i = sc->ranges->len; i > 0; i--)
    if (g_strcmp0 (((PmdRange *) g_ptr_array_index (sc->ranges, i - 1))->path, param_path) == 0)
      g_ptr_array_remove_index (sc->ranges, i - 1);
  if (!check_search_end (sc, &param, low, high, low, error) ||
      !check_search_end (sc, &param, low, high, high, error))
    return FALSE;
  if (!evaluate (sc, p, &param, a, output, year, &value_a, error))
    return FALSE;
  fa = value_a - target;

  for (int i = 1; i <= grid; i++)
    {
      double b = low + (high - low) * i / grid, fb, value_b;

      if (!evaluate (sc, p, &param, b, output, year, &value_b, error))
        return FALSE;
      fb = value_b - target;
      /* The output itself is kept: with a far target, f − target + target
       * loses it to rounding. */
      if (fabs (fa) < fabs (best_f))
        best_x = a, best_f = fa, best_value = value_a;
      if (fabs (fa) <= tolerance)
        {
          *result = a;
          return TRUE;
        }
      if ((fa < 0) != (fb < 0))
        {
          /* A sign change in [a, b]: bisect it to the last bit. */
          for (int k = 0; k < 200 && b - a > 1e-12 * MAX (1.0, fabs (a)); k++)
            {
              double m = (a + b) / 2, fm;
              if (!evaluate (sc, p, &param, m, output, year, &fm, error))
                return FALSE;
              fm -= target;
              if ((fm < 0) == (fa < 0))
                a = m, fa = fm;
              else
                b = m;
            }
          *result = fabs (fa) <= fabs (fb) ? a : b;
          return TRUE;
        }
      a = b;
      fa = fb;
      value_a = value_b;
    }
  if (fabs (fa) < fabs (best_f))
    best_x = a, best_f = fa, best_value = value_a;
  if (fabs (best_f) <= tolerance)
    {
      *result = best_x;
      return TRUE;
    }
  {
    g_autofree char *param_text = pmd_format_escape_text (param_path);
    g_autofree char *output_text = pmd_format_escape_text (output);
    g_autofree char *low_text = pmd_format_value (low);
    g_autofree char *high_text = pmd_format_value (high);
    g_autofree char *target_text = pmd_format_value (target);
    g_autofree char *closest = pmd_format_value (best_x);
    g_autofree char *miss = pmd_format_value (best_value);

    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_NO_SOLUTION,
                 _("no value of %s between %s and %s brings %s in %d to %s; the closest is %s, giving %s"),
                 param_text, low_text, high_text, output_text, year, target_text, closest, miss);
  }
  if (closest_x != NULL)
    *closest_x = best_x;
  if (closest_value != NULL)
    *closest_value = best_value;
  return FALSE;
}

/**
 * pmd_goal_seek_span:
 * @scenario: a scenario
 * @path: the parameter to search
 * @low: (out): where the search starts
 * @high: (out): where it ends
 *
 * Where goal seek looks when it is not told: what a council decides over
 * everything it could decide (a share of clients from 0 to 1, money from
 * nothing to three times today's, at least € 1 mln; a return from 0 to
 * three times today's, at least 3), an uncertain parameter over its range
 * in the file, anything else over twice the range the ranges editor would
 * suggest. A decision is not held to its range: that range says how
 * uncertain the estimate is, not what may be decided (searching within it,
 * the share of youth care moved to lighter help never closed the gap).
 */
void
pmd_goal_seek_span (const PmdScenario *scenario,
                    const char        *path,
                    double            *low,
                    double            *high)
{
  double value = 0;
  int idx;

  g_return_if_fail (scenario != NULL && path != NULL && low != NULL && high != NULL);

  pmd_scenario_get_param ((PmdScenario *) scenario, path, &value, NULL);
  if (g_str_has_prefix (path, "interventions."))
    {
      if (g_str_has_suffix (path, ".fraction") || g_str_has_suffix (path, ".cost_ratio"))
        {
          *low = 0, *high = 1;
          return;
        }
      if (pmd_param_unit (path) == PMD_UNIT_MONEY)
        {
          *low = 0, *high = MAX (3 * value, 1000000);
          return;
        }
      if (g_str_has_suffix (path, ".return"))
        {
          *low = 0, *high = MAX (3 * value, 3);
          return;
        }
    }
  idx = pmd_scenario_find_range (scenario, path);
  if (idx >= 0)
    {
      *low = ((PmdRange *) g_ptr_array_index (scenario->ranges, idx))->low;
      *high = ((PmdRange *) g_ptr_array_index (scenario->ranges, idx))->high;
      return;
    }
  if (pmd_param_unit (path) == PMD_UNIT_MONEY)
    {
      *low = 0, *high = MAX (3 * value, 1000000);
      return;
    }
  pmd_range_suggest (path, value, low, high);
  *low = value - 2 * (value - *low);
  *high = value + 2 * (*high - value);
}

/**
 * pmd_describe_output:
 * @output: an output path (see pmd_projection_get_output())
 *
 * The output as people call it: "Gap to funding", "Cost: Geïndiceerde
 * zorg". A path it has no words for comes back as it is.
 *
 * Returns: (transfer full): the label
 */
char *
pmd_describe_output (const PmdScenario *sc,
                     const char        *output)
{
  static const struct { const char *path; const char *words; } totals[] = {
    { "totals.baseline", N_("Cost without interventions") },
    { "totals.scenario", N_("Total cost") },
    { "totals.investment", N_("Investment") },
    { "totals.savings", N_("Savings") },
    { "totals.cumulative_savings", N_("Cumulative savings") },
    { "totals.funding", N_("Funding") },
    { "totals.gap", N_("Gap to funding") },
    { "npv", N_("Net present value of the savings") },
    { "payback_year", N_("Payback year") },
  };
  g_auto(GStrv) parts = g_strsplit (output, ".", 0);
  const char *name = NULL;
  int idx;

  for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
    if (g_str_equal (output, totals[k].path))
      return g_strdup (_(totals[k].words));
  if (g_strv_length (parts) != 3)
    return g_strdup (output);
  if (g_str_equal (parts[0], "layers") && (idx = pmd_scenario_find_layer (sc, parts[1])) >= 0)
    name = ((PmdLayer *) g_ptr_array_index (sc->layers, idx))->name;
  else if (g_str_equal (parts[0], "domains") && (idx = pmd_scenario_find_domain (sc, parts[1])) >= 0)
    name = ((PmdDomain *) g_ptr_array_index (sc->domains, idx))->name;
  else if (g_str_equal (parts[0], "lines") && (idx = pmd_scenario_find_line (sc, parts[1])) >= 0)
    name = ((PmdLine *) g_ptr_array_index (sc->lines, idx))->name;
  if (name == NULL)
    return g_strdup (output);
  if (g_str_equal (parts[2], "baseline"))
    return g_strdup_printf (_("Cost without interventions: %s"), name);
  if (g_str_equal (parts[2], "scenario"))
    return g_strdup_printf (_("Cost: %s"), name);
  return g_strdup (output);
}
