/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-uncertainty.h"
#include "pmd-uncertainty-private.h"
#include "pmd-lanes-private.h"
#include "pmd-order-private.h"
#include "pmd-random-private.h"
#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-scenario-private.h"

/* The triangular distribution's inverse distribution function at @u in [0, 1). */
static double
triangular_inverse (double u,
                    double low,
                    double mode,
                    double high)
{
  double span = high - low;

  if (span <= 0)
    return mode;
  if (u < (mode - low) / span)
    return low + sqrt (u * span * (mode - low));
  return high - sqrt ((1 - u) * span * (high - mode));
}

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
  return triangular_inverse (g_rand_double (rand), low, mode, high);
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

/* Runs are handed out in chunks: a worker checks for cancellation and
 * reports to the calling thread once a chunk (a few milliseconds of work on
 * the bundled scenario), not once a run. */
#define CHUNK_RUNS  64
#define MAX_THREADS 16

/* What the threads share; the fields below the mutex are guarded by it. */
typedef struct
{
  const PmdScenario *scenario;   /* validated */
  const double      *modes;      /* each range's value in the scenario */
  PmdRange          *ranges;     /* each range's ends (the path not used) */
  guint              n_ranges;
  guint32            seed;
  guint              runs;
  PmdMonteCarlo     *out;        /* year-major, in run order */
  int               *payback;    /* per run: year, or 0 */
  guint             *gap_positive; /* per year: runs with a gap > 0 */
  GCancellable      *cancellable;
  PmdProgressFunc    progress;
  gpointer           user_data;
  gint               next_chunk; /* atomic */
  gint               next_task;  /* atomic: the next year and series to order */
  gint               stop_at;    /* atomic: runs from here need not be made (a failed run) */

  GMutex             mutex;
  GCond              cond;
  guint              done;       /* runs made */
  guint              running;    /* threads still making runs */
  GError            *error;      /* of the first failed run */
  guint              error_run;
} MonteCarlo;

/* Keeps the error of the lowest run, so that the message does not depend on
 * which thread got there first: every chunk before a failed run is still
 * made (chunks are handed out in order), every run after it is skipped. */
static void
fail_run (MonteCarlo *mc,
          guint       run,
          GError     *error)
{
  g_mutex_lock (&mc->mutex);
  if (mc->error == NULL || run < mc->error_run)
    {
      g_clear_error (&mc->error);
      mc->error = error;
      mc->error_run = run;
      g_atomic_int_set (&mc->stop_at, (gint) run);
    }
  else
    g_error_free (error);
  g_mutex_unlock (&mc->mutex);
}

static void
fail_overflow (MonteCarlo *mc,
               guint       r,
               int         t)
{
  fail_run (mc, r, g_error_new (PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                                _("run %u: with the values drawn from the ranges the costs in %d are too "
                                  "large to compute; narrow the ranges"), r + 1, mc->out->base_year + t));
}

/* One run: draw, project, keep. FALSE: it failed (the error is kept). */
static gboolean
make_run (MonteCarlo  *mc,
          PmdScenario *sc,
          PmdPartial  *partial,
          PmdParam    *params,
          guint        r)
{
  guint64 stream = _pmd_run_stream_start (mc->seed, r);
  PmdMonteCarlo *out = mc->out;
  const PmdProjection *p;
  int n = out->n_years;

  for (guint k = 0; k < mc->n_ranges; k++)
    pmd_param_set (&params[k], triangular_inverse (_pmd_run_stream_double (&stream), mc->ranges[k].low, mc->modes[k],
                                                   mc->ranges[k].high));
  p = pmd_partial_compute (partial, sc);
  /* The file's own values project (pmd_scenario_validate()), but a draw
   * towards the ends of wide ranges may overflow: an error, not a
   * percentile of "inf". */
  for (int t = 0; t < n; t++)
    if (!isfinite (p->total_scenario[t]) || !isfinite (p->gap[t]) || !isfinite (p->savings[t]))
      {
        fail_overflow (mc, r, t);
        return FALSE;
      }
  for (int t = 0; t < n; t++)
    {
      out->total[(gsize) t * mc->runs + r] = p->total_scenario[t];
      out->gap[(gsize) t * mc->runs + r] = p->gap[t];
      out->savings[(gsize) t * mc->runs + r] = p->savings[t];
    }
  mc->payback[r] = p->has_payback ? p->payback_year : 0;
  return TRUE;
}

/* Runs @first to @last (at most PMD_LANES) at once. FALSE: one failed. */
static gboolean
make_lane_runs (MonteCarlo *mc,
                PmdLanes   *lanes,
                double     *buffer,
                guint       first,
                guint       last)
{
  PmdMonteCarlo *out = mc->out;
  int n = out->n_years;
  double *total = buffer, *gap = buffer + n * PMD_LANES, *savings = buffer + 2 * n * PMD_LANES;
  int payback[PMD_LANES];
  int bad, bad_year = 0;

  bad = _pmd_lanes_run (lanes, mc->seed, first, last, total, gap, savings, payback, &bad_year);
  if (bad >= 0 && first + bad < last)
    {
      fail_overflow (mc, first + bad, bad_year);
      return FALSE;
    }
  for (int t = 0; t < n; t++)
    {
      gsize at = (gsize) t * mc->runs + first;

      /* A constant size when the lanes are full: a few moves, no call. */
      if (last - first == PMD_LANES)
        {
          memcpy (out->total + at, total + t * PMD_LANES, sizeof (double) * PMD_LANES);
          memcpy (out->gap + at, gap + t * PMD_LANES, sizeof (double) * PMD_LANES);
          memcpy (out->savings + at, savings + t * PMD_LANES, sizeof (double) * PMD_LANES);
        }
      else
        {
          memcpy (out->total + at, total + t * PMD_LANES, sizeof (double) * (last - first));
          memcpy (out->gap + at, gap + t * PMD_LANES, sizeof (double) * (last - first));
          memcpy (out->savings + at, savings + t * PMD_LANES, sizeof (double) * (last - first));
        }
    }
  memcpy (mc->payback + first, payback, sizeof (int) * (last - first));
  return TRUE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* What one thread needs for its runs. */
typedef struct
{
  PmdScenario *sc;
  PmdParam    *params;
  PmdPartial  *partial;
  PmdLanes    *lanes;
  double      *buffer;
} Worker;

static void
worker_clear (Worker *w)
{
  g_clear_pointer (&w->lanes, _pmd_lanes_free);
  g_clear_pointer (&w->partial, pmd_partial_free);
  g_clear_pointer (&w->sc, pmd_scenario_free);
  g_clear_pointer (&w->params, g_free);
  g_clear_pointer (&w->buffer, g_free);
}

/* A copy of the scenario with each ranged parameter looked up once (a run
 * only sets numbers), and the runs in lanes (pmd-lanes.c) when the lanes
 * hold every ranged parameter; else one by one, each re-projecting only
 * the lines its draws can reach. */
static gboolean
worker_init (MonteCarlo *mc,
             Worker     *w)
{
  g_autofree const char **paths = g_new0 (const char *, MAX (1, mc->n_ranges));
  g_auto(PmdScenarioIndex) index = { 0 };
  GError *error = NULL;

  w->sc = pmd_scenario_copy (mc->scenario);
  w->params = g_new (PmdParam, MAX (1, mc->n_ranges));
  if (!pmd_scenario_resolve (w->sc, &error))
    goto failed;
  _pmd_scenario_index_init (&index);
  _pmd_scenario_index_fill (&index, w->sc);
  for (guint k = 0; k < mc->n_ranges; k++)
    {
      paths[k] = ((PmdRange *) g_ptr_array_index (w->sc->ranges, k))->path;
      if (!_pmd_scenario_lookup_param_indexed (w->sc, &index, paths[k], &w->params[k], &error))
        goto failed;
    }
  w->lanes = _pmd_lanes_new (w->sc, w->params, mc->ranges, mc->modes, mc->n_ranges, &error);
  if (w->lanes == NULL && error == NULL)
    w->partial = pmd_partial_new (w->sc, paths, mc->n_ranges, &error);
  if (error != NULL)
    goto failed;
  w->buffer = g_new (double, (gsize) 3 * mc->out->n_years * PMD_LANES);
  return TRUE;

failed:
  fail_run (mc, 0, error);
  return FALSE;
}

/* The calling thread reports progress (without the lock: the callback may
 * take its time, or cancel) when runs were made since its last report. */
static void
report_progress (MonteCarlo *mc,
                 guint      *reported)
{
  guint done;

  if (mc->progress == NULL)
    return;
  g_mutex_lock (&mc->mutex);
  done = mc->error == NULL && !g_cancellable_is_cancelled (mc->cancellable) ? mc->done : *reported;
  g_mutex_unlock (&mc->mutex);
  if (done != *reported)
    {
      *reported = done;
      mc->progress (done, mc->runs, mc->user_data);
    }
}

/* Takes chunks of runs until none is left, the pass is cancelled or a run
 * before the next chunk has failed. */
static void
make_runs (MonteCarlo *mc,
           Worker     *w,
           guint      *reported)
{
  for (;;)
    {
      guint first = (guint) g_atomic_int_add (&mc->next_chunk, 1) * CHUNK_RUNS;
      guint last;

      if (first >= mc->runs || first >= (guint) g_atomic_int_get (&mc->stop_at) ||
          g_cancellable_is_cancelled (mc->cancellable))
        return;
      last = MIN (mc->runs, first + CHUNK_RUNS);
      if (w->lanes != NULL)
        {
          for (guint r = first; r < last; r += PMD_LANES)
            if (!make_lane_runs (mc, w->lanes, w->buffer, r, MIN (last, r + PMD_LANES)))
              return;
        }
      else
        {
          for (guint r = first; r < last; r++)
            if (!make_run (mc, w->sc, w->partial, w->params, r))
              return;
        }
      g_mutex_lock (&mc->mutex);
      mc->done += last - first;
      if (mc->progress != NULL)
        g_cond_broadcast (&mc->cond);   /* the calling thread may be waiting to report */
      g_mutex_unlock (&mc->mutex);
      if (reported != NULL)
        report_progress (mc, reported);
    }
}

/* The ranks each level needs (its lower order statistic and the next),
 * ascending, once each. */
static void
set_ranks (PmdMonteCarlo *self,
           const double  *levels,
           guint          n_levels)
{
  g_autofree guint *wanted = g_new (guint, 2 * n_levels);
  guint n = 0;

  for (guint j = 0; j < n_levels; j++)
    {
      guint lo = (guint) floor ((self->runs - 1) * CLAMP (levels[j], 0.0, 1.0));

      wanted[n++] = lo;
      if (lo + 1 < self->runs)
        wanted[n++] = lo + 1;
    }
  qsort (wanted, n, sizeof (guint), compare_uint);
  self->ranks = g_new (guint, n);
  self->n_ranks = 0;
  for (guint j = 0; j < n; j++)
    if (j == 0 || wanted[j] != self->ranks[self->n_ranks - 1])
      self->ranks[self->n_ranks++] = wanted[j];
  self->rank_values = g_new (double, (gsize) 3 * self->n_years * self->n_ranks);
}

/* After the runs: each year of each series sorted, or its ranks selected
 * (leaving the runs in run order), a task each, shared by the threads. */
static void
order_runs (MonteCarlo *mc)
{
  PmdMonteCarlo *out = mc->out;
  guint runs = out->runs;
  g_autoptr(PmdOrderScratch) scratch = _pmd_order_scratch_new (runs);

  for (;;)
    {
      gint task = g_atomic_int_add (&mc->next_task, 1);
      double *series[] = { out->total, out->gap, out->savings };
      int s = task / out->n_years, t = task % out->n_years;
      double *v;
      guint positive = 0;

      if (task >= 3 * out->n_years)
        return;
      v = series[s] + (gsize) t * runs;
      if (out->sorted)
        {
          if (s == 1)
            for (guint r = 0; r < runs; r++)
              positive += v[r] > 0;
          _pmd_order_sort (v, runs, scratch);
        }
      else
        {
          double *found = out->rank_values + ((gsize) s * out->n_years + t) * out->n_ranks;

          /* At most 64 ranks a pass. */
          for (guint j = 0; j < out->n_ranks; j += 64)
            positive = _pmd_order_select (v, runs, out->ranks + j, MIN (64, out->n_ranks - j), found + j, scratch);
        }
      if (s == 1)
        mc->gap_positive[t] = positive;
    }
}

/* A thread's share: its runs, then (once every thread has made its runs)
 * its share of the ordering. The calling thread is one of them, and
 * reports progress (@reported non-NULL) between its chunks and while it
 * waits for the others. */
static void
work (MonteCarlo *mc,
      guint      *reported)
{
  Worker w = { 0 };
  gboolean order;

  if (worker_init (mc, &w))
    make_runs (mc, &w, reported);
  worker_clear (&w);

  g_mutex_lock (&mc->mutex);
  if (--mc->running == 0)
    g_cond_broadcast (&mc->cond);
  for (;;)
    {
      if (reported != NULL && mc->progress != NULL && mc->done != *reported && mc->error == NULL &&
          !g_cancellable_is_cancelled (mc->cancellable))
        {
          g_mutex_unlock (&mc->mutex);
          report_progress (mc, reported);
          g_mutex_lock (&mc->mutex);
        }
      else if (mc->running == 0)
        break;
      else
        g_cond_wait (&mc->cond, &mc->mutex);
    }
  order = mc->error == NULL;
  g_mutex_unlock (&mc->mutex);
  if (order && !g_cancellable_is_cancelled (mc->cancellable))
    order_runs (mc);
}

static gpointer
worker_thread (gpointer data)
{
  work (data, NULL);
  return NULL;
}

/* One thread per processor, no more than there are chunks, and no more than
 * MAX_THREADS: past that the runs of a pass are too few to share out. */
static guint
default_threads (guint runs)
{
  guint chunks = (runs + CHUNK_RUNS - 1) / CHUNK_RUNS;

  return CLAMP (MIN ((guint) g_get_num_processors (), chunks), 1, MAX_THREADS);
}

static PmdMonteCarlo *monte_carlo_run (const PmdScenario *scenario,
                                       guint              runs,
                                       guint32            seed,
                                       const double      *levels,
                                       guint              n_levels,
                                       guint              n_threads,
                                       GCancellable      *cancellable,
                                       PmdProgressFunc    progress,
                                       gpointer           user_data,
                                       GError           **error);

/**
 * pmd_monte_carlo_run:
 * @scenario: a valid scenario with ranges
 * @runs: how many runs
 * @seed: the same seed gives the same result
 * @cancellable: (nullable): stops the runs within a chunk of them
 * @progress: (nullable): called from the calling thread as chunks of runs
 *   finish, last with @runs of @runs; it may cancel @cancellable
 * @user_data: for @progress
 * @error: an invalid scenario, a run that cannot be computed, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Draws every ranged parameter from its triangular distribution (low, the
 * scenario's value, high) for each run and projects the runs on one thread
 * per processor while the calling thread waits and reports progress. Each
 * run draws from a stream given by @seed and its index alone, so the result
 * is the same to the bit whatever the number of threads.
 *
 * Returns: (transfer full) (nullable): the results, per year sorted
 */
PmdMonteCarlo *
pmd_monte_carlo_run (const PmdScenario *scenario,
                     guint              runs,
                     guint32            seed,
                     GCancellable      *cancellable,
                     PmdProgressFunc    progress,
                     gpointer           user_data,
                     GError           **error)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (runs > 0, NULL);

  return monte_carlo_run (scenario, runs, seed, NULL, 0, default_threads (runs), cancellable, progress,
                          user_data, error);
}

/**
 * pmd_monte_carlo_run_levels:
 * @levels: (array length=n_levels): the percentiles wanted, as fractions
 *
 * pmd_monte_carlo_run() for callers that want a few percentiles (the
 * command line's P10, P50 and P90) and not the runs in order: each year's
 * runs stay in run order, and the order statistics @levels need are found
 * by selection in linear time (pmd-order.c) instead of a sort and kept
 * aside. pmd_monte_carlo_percentile() reads those levels at once, and finds
 * any other by selection on a copy.
 *
 * Returns: (transfer full) (nullable): the results, in run order
 */
PmdMonteCarlo *
pmd_monte_carlo_run_levels (const PmdScenario *scenario,
                            guint              runs,
                            guint32            seed,
                            const double      *levels,
                            guint              n_levels,
                            GCancellable      *cancellable,
                            PmdProgressFunc    progress,
                            gpointer           user_data,
                            GError           **error)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (runs > 0, NULL);
  g_return_val_if_fail (levels != NULL && n_levels > 0, NULL);

  return monte_carlo_run (scenario, runs, seed, levels, n_levels, default_threads (runs), cancellable, progress,
                          user_data, error);
}

/* pmd_monte_carlo_run() on @n_threads threads, for the tests. */
PmdMonteCarlo *
_pmd_monte_carlo_run_threads (const PmdScenario *scenario,
                              guint              runs,
                              guint32            seed,
                              guint              n_threads,
                              GCancellable      *cancellable,
                              PmdProgressFunc    progress,
                              gpointer           user_data,
                              GError           **error)
{
  g_return_val_if_fail (runs > 0, NULL);
  g_return_val_if_fail (n_threads > 0, NULL);

  return monte_carlo_run (scenario, runs, seed, NULL, 0, n_threads, cancellable, progress, user_data, error);
}

static PmdMonteCarlo *
monte_carlo_run (const PmdScenario *scenario,
                 guint              runs,
                 guint32            seed,
                 const double      *levels,
                 guint              n_levels,
                 guint              n_threads,
                 GCancellable      *cancellable,
                 PmdProgressFunc    progress,
                 gpointer           user_data,
                 GError           **error)
{
  g_autoptr(PmdMonteCarlo) self = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autofree double *modes = NULL;
  g_autofree int *payback = NULL;
  g_autofree GThread **threads = NULL;
  g_autofree PmdRange *ranges = NULL;
  g_autofree guint *gap_positive = NULL;
  MonteCarlo mc = { 0 };
  guint n_ranges, reported = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  sc = pmd_scenario_copy (scenario);
  if (!pmd_scenario_validate (sc, error))
    return NULL;
  n_ranges = sc->ranges->len;

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
  self->sorted = levels == NULL;
  if (levels != NULL)
    set_ranks (self, levels, n_levels);
  gap_positive = g_new0 (guint, self->n_years);

  /* Each range's mode is the scenario's value: read once, not per run. */
  modes = g_new (double, MAX (1, n_ranges));
  ranges = g_new0 (PmdRange, MAX (1, n_ranges));
  for (guint k = 0; k < n_ranges; k++)
    {
      ranges[k] = *(PmdRange *) g_ptr_array_index (sc->ranges, k);
      pmd_scenario_get_param (sc, ranges[k].path, &modes[k], NULL);
    }

  mc.scenario = sc;
  mc.modes = modes;
  mc.ranges = ranges;
  mc.n_ranges = n_ranges;
  mc.seed = seed;
  mc.runs = runs;
  mc.out = self;
  mc.payback = payback;
  mc.gap_positive = gap_positive;
  mc.cancellable = cancellable;
  mc.progress = progress;
  mc.user_data = user_data;
  mc.stop_at = G_MAXINT;
  mc.running = n_threads;
  g_mutex_init (&mc.mutex);
  g_cond_init (&mc.cond);

  /* The calling thread is one of the n_threads that make the runs and
   * order them, and the one that reports: the last report is of all runs. */
  threads = g_new0 (GThread *, n_threads);
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_new ("piramide-montecarlo", worker_thread, &mc);
  work (&mc, &reported);
  for (guint i = 1; i < n_threads; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&mc.mutex);
  g_cond_clear (&mc.cond);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_error (&mc.error);
      return NULL;
    }
  if (mc.error != NULL)
    {
      g_propagate_error (error, mc.error);
      return NULL;
    }

  for (guint r = 0; r < runs; r++)
    {
      if (payback[r] == 0)
        self->never_paid_back++;
      else
        self->payback_counts[payback[r] - self->base_year]++;
    }
  for (int t = 0; t < self->n_years; t++)
    self->p_gap_positive[t] = (double) gap_positive[t] / runs;
  return g_steal_pointer (&self);
}

/**
 * pmd_monte_carlo_percentile:
 * @series: the result's @total, @gap or @savings
 * @t: a year index
 * @p: the percentile as a fraction
 *
 * Type 7, as pmd_percentile(); on a result of pmd_monte_carlo_run_levels()
 * a level it was not asked for is found by selection on a copy of the year.
 */
double
pmd_monte_carlo_percentile (const PmdMonteCarlo *self,
                            const double        *series,
                            int                  t,
                            double               p)
{
  const double *v;
  double h, at[2];
  guint lo;
  int s = series == self->total ? 0 : series == self->gap ? 1 : series == self->savings ? 2 : -1;

  g_return_val_if_fail (t >= 0 && t < self->n_years, NAN);
  v = series + (gsize) t * self->runs;
  if (self->sorted)
    return pmd_percentile (v, self->runs, p);

  h = (self->runs - 1) * CLAMP (p, 0.0, 1.0);
  lo = (guint) floor (h);
  if (lo + 1 >= self->runs)
    lo = self->runs - 1;
  for (guint k = 0; k < 2; k++)
    {
      guint j = 0;

      while (j < self->n_ranks && self->ranks[j] != MIN (lo + k, self->runs - 1))
        j++;
      if (s >= 0 && j < self->n_ranks)
        at[k] = self->rank_values[((gsize) s * self->n_years + t) * self->n_ranks + j];
      else
        {
          g_autofree double *copy = g_memdup2 (v, sizeof (double) * self->runs);

          _pmd_order_select_in_place (copy, self->runs, MIN (lo + k, self->runs - 1));
          at[k] = copy[MIN (lo + k, self->runs - 1)];
        }
    }
  if (lo + 1 >= self->runs)
    return at[0];
  return at[0] + (h - lo) * (at[1] - at[0]);
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
  g_free (self->ranks);
  g_free (self->rank_values);
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
                  const char     *path,
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
      /* In the parameter's unit and words, as the window shows them:
       * "[0%; 150%] … share of clients", not "[0; 1,5] … $.interventions[1].fraction". */
      g_autofree char *low_text = pmd_scenario_format_param (path, low);
      g_autofree char *high_text = pmd_scenario_format_param (path, high);

      pmd_scenario_say_in_words (sc, local);
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
  if (!check_search_end (sc, param_path, &param, low, high, low, error) ||
      !check_search_end (sc, param_path, &param, low, high, high, error))
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
