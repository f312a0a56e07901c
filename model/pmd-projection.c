/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-projection.h"
#include "pmd-projection-private.h"
#include "pmd-format.h"
#include "pmd-scenario-private.h"

/* Amounts within a cent of zero count as zero for the payback year. */
#define PAYBACK_EPSILON 0.01

PmdProjection *
pmd_projection_new (void)
{
  return g_new0 (PmdProjection, 1);
}

void
pmd_projection_free (PmdProjection *self)
{
  if (self == NULL)
    return;
  g_free (self->storage);
  g_free (self->scratch);
  g_free (self);
}

/* Lays the output arrays out in one block; reuses it when the shape holds. */
static void
ensure_storage (PmdProjection *self,
                int            n_years,
                int            n_lines,
                int            n_layers,
                int            n_domains,
                int            n_cohorts)
{
  gsize n = (gsize) n_years;
  gsize len = n * (4 * (gsize) n_lines + 4 * (gsize) n_layers + 2 * (gsize) n_domains + 7);
  gsize scratch_len = n * (gsize) n_cohorts;   /* the drivers */
  double *p;

  if (len > self->storage_len)
    {
      g_free (self->storage);
      self->storage = g_new (double, len);
      self->storage_len = len;
    }
  if (scratch_len > self->scratch_len || self->scratch == NULL)
    {
      g_free (self->scratch);
      self->scratch = g_new (double, MAX (scratch_len, 1));
      self->scratch_len = MAX (scratch_len, 1);
    }

  self->n_years = n_years;
  self->n_lines = n_lines;
  self->n_layers = n_layers;
  self->n_domains = n_domains;

  p = self->storage;
#define TAKE(field, count) G_STMT_START { self->field = p; p += (count); } G_STMT_END
  TAKE (line_baseline, n * n_lines);
  TAKE (line_scenario, n * n_lines);
  TAKE (line_baseline_clients, n * n_lines);
  TAKE (line_scenario_clients, n * n_lines);
  TAKE (layer_baseline, n * n_layers);
  TAKE (layer_scenario, n * n_layers);
  TAKE (layer_baseline_clients, n * n_layers);
  TAKE (layer_scenario_clients, n * n_layers);
  TAKE (domain_baseline, n * n_domains);
  TAKE (domain_scenario, n * n_domains);
  TAKE (total_baseline, n);
  TAKE (total_scenario, n);
  TAKE (investment, n);
  TAKE (savings, n);
  TAKE (cumulative_savings, n);
  TAKE (funding, n);
  TAKE (gap, n);
#undef TAKE
  g_assert (p == self->storage + len);
}

static gboolean
check_resolved (const PmdScenario *sc,
                GError           **error)
{
  int n_lines = (int) sc->lines->len;

  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      if (l->layer_idx < 0 || l->layer_idx >= (int) sc->layers->len ||
          l->domain_idx < 0 || l->domain_idx >= (int) sc->domains->len ||
          l->driver_idx >= (int) sc->cohorts->len ||
          (l->driver_idx >= 0 &&
           ((PmdCohort *) g_ptr_array_index (sc->cohorts, l->driver_idx))->points->len == 0))
        goto unresolved;
    }
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      if (iv->source_idx < 0 || iv->source_idx >= n_lines ||
          iv->target_idx < 0 || iv->target_idx >= n_lines ||
          iv->ramp_years < 1)
        goto unresolved;
    }
  if (sc->horizon < 0 || sc->horizon > PMD_HORIZON_MAX)
    goto unresolved;
  return TRUE;

unresolved:
  g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
               _("The scenario must be validated before it is projected"));
  return FALSE;
}

/* D(y) = V(y) / V(base_year) for every cohort and year. */
static void
compute_driver (const PmdScenario *sc,
                double            *drivers,
                int                n_years,
                guint              c)
{
  const PmdCohort *cohort = g_ptr_array_index (sc->cohorts, c);
  double base = pmd_cohort_value_at (cohort, sc->base_year);

  for (int t = 0; t < n_years; t++)
    drivers[c * n_years + t] = pmd_cohort_value_at (cohort, sc->base_year + t) / base;
}

static void
compute_drivers (const PmdScenario *sc,
                 double            *drivers,
                 int                n_years)
{
  for (guint c = 0; c < sc->cohorts->len; c++)
    compute_driver (sc, drivers, n_years, c);
}

/* The product of (1 + pct) over the steps from @year on or before (also
 * the Monte Carlo's lanes, pmd-lanes.c). */
double
_pmd_steps_factor (GArray *steps,
                   int     year)
{
  double f = 1.0;

  for (guint k = 0; k < steps->len; k++)
    {
      const PmdYearValue *s = &g_array_index (steps, PmdYearValue, k);
      if (s->year <= year)
        f *= 1.0 + s->value;
    }
  return f;
}

/* One line's baseline cost and clients, every year. */
static void
compute_line_baseline (PmdProjection     *self,
                       const PmdScenario *sc,
                       const double      *drivers,
                       int                i)
{
  int n = self->n_years;
  const PmdLine *l = g_ptr_array_index (sc->lines, i);
  double idx = l->has_indexation ? l->indexation : sc->indexation;
  const double *d = l->driver_idx >= 0 ? drivers + l->driver_idx * n : NULL;
  double *cost = self->line_baseline + i * n;
  double *clients = self->line_baseline_clients + i * n;

  /* (1 + growth)^t and (1 + indexation)^t by repeated multiplication:
   * exact to a few units in the last place over 100 years, and the
   * projection's hot loop then has no pow() in it. */
  double growth = 1.0, price = 1.0;

  for (int t = 0; t < n; t++)
    {
      double demo = d != NULL ? 1.0 + l->elasticity * (d[t] - 1.0) : 1.0;
      double volume = growth * demo * (l->steps->len ? _pmd_steps_factor (l->steps, sc->base_year + t) : 1.0);

      cost[t] = l->base_cost * volume * price;
      clients[t] = l->has_clients ? l->clients * volume : NAN;
      growth *= 1.0 + l->growth;
      price *= 1.0 + idx;
    }
}

static void
compute_baseline (PmdProjection     *self,
                  const PmdScenario *sc,
                  const double      *drivers)
{
  for (int i = 0; i < self->n_lines; i++)
    compute_line_baseline (self, sc, drivers, i);
}

/* DESIGN.md §2's ramp(y) (also the Monte Carlo's lanes, pmd-lanes.c). */
double
_pmd_ramp (int year,
           int start,
           int lag,
           int ramp_years)
{
  int from = start + lag;

  if (year < from)
    return 0.0;
  return MIN (1.0, (double) (year - from + 1) / (double) ramp_years);
}

/* One year of the scenario: the first @n interventions in list order, each
 * on the cost its source has after the interventions before it. Returns the
 * investment. */
static double
apply_interventions (const PmdScenario *sc,
                     guint              n,
                     int                year,
                     double            *cost,
                     double            *clients)
{
  double investment = 0.0;

  for (guint k = 0; k < n; k++)
    investment += _pmd_intervention_apply (g_ptr_array_index (sc->interventions, k), year, cost, clients);
  return investment;
}

/* The scenario of the lines in @sel (all when NULL): interventions only
 * touch their source and target, which a selection must hold. Each
 * intervention in list order, on every year of its lines' rows (pmd-
 * interventions.c): each year the same steps as year by year. */
static void
compute_scenario_lines (PmdProjection     *self,
                        const PmdScenario *sc,
                        const int         *sel,
                        int                n_sel)
{
  int n = self->n_years;

  if (sel == NULL)
    {
      memcpy (self->line_scenario, self->line_baseline, sizeof (double) * n * self->n_lines);
      memcpy (self->line_scenario_clients, self->line_baseline_clients, sizeof (double) * n * self->n_lines);
    }
  else
    for (int k = 0; k < n_sel; k++)
      {
        memcpy (self->line_scenario + sel[k] * n, self->line_baseline + sel[k] * n, sizeof (double) * n);
        memcpy (self->line_scenario_clients + sel[k] * n, self->line_baseline_clients + sel[k] * n,
                sizeof (double) * n);
      }
  memset (self->investment, 0, sizeof (double) * n);
  for (guint k = 0; k < sc->interventions->len; k++)
    _pmd_intervention_apply_rows (g_ptr_array_index (sc->interventions, k), sc->base_year, n, self->line_scenario,
                                  self->line_scenario_clients, self->investment);
}

static void
compute_scenario (PmdProjection     *self,
                  const PmdScenario *sc)
{
  compute_scenario_lines (self, sc, NULL, 0);
}

static void
sum_into (double       *dst,
          const double *src,
          int           n)
{
  for (int t = 0; t < n; t++)
    if (!isnan (src[t]))
      dst[t] += src[t];
}

static void finish_totals (PmdProjection     *self,
                           const PmdScenario *sc);

static void
compute_totals (PmdProjection     *self,
                const PmdScenario *sc)
{
  int n = self->n_years;

  memset (self->layer_baseline, 0, sizeof (double) * n * (4 * self->n_layers + 2 * self->n_domains + 2));

  for (int i = 0; i < self->n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      const double *base = self->line_baseline + i * n;
      const double *scen = self->line_scenario + i * n;

      sum_into (self->layer_baseline + l->layer_idx * n, base, n);
      sum_into (self->layer_scenario + l->layer_idx * n, scen, n);
      sum_into (self->layer_baseline_clients + l->layer_idx * n, self->line_baseline_clients + i * n, n);
      sum_into (self->layer_scenario_clients + l->layer_idx * n, self->line_scenario_clients + i * n, n);
      sum_into (self->domain_baseline + l->domain_idx * n, base, n);
      sum_into (self->domain_scenario + l->domain_idx * n, scen, n);
      sum_into (self->total_baseline, base, n);
      sum_into (self->total_scenario, scen, n);
    }

  finish_totals (self, sc);
}

/* From the total baseline and scenario: funding, savings, the gap, the net
 * present value and the payback year. */
static void
finish_totals (PmdProjection     *self,
               const PmdScenario *sc)
{
  int n = self->n_years;
  double cumulative = 0.0;
  int payback = -1;

  self->npv = 0.0;
  for (int t = 0; t < n; t++)
    {
      int year = sc->base_year + t;
      double funding = sc->funding.base * pow (1.0 + sc->funding.growth, t);

      for (guint k = 0; k < sc->funding.steps->len; k++)
        {
          const PmdYearValue *s = &g_array_index (sc->funding.steps, PmdYearValue, k);
          if (s->year <= year)
            funding += s->value;
        }

      self->savings[t] = self->total_baseline[t] - self->total_scenario[t];
      cumulative += self->savings[t];
      self->cumulative_savings[t] = cumulative;
      self->funding[t] = funding;
      self->gap[t] = self->total_scenario[t] - funding;
      self->npv += self->savings[t] / pow (1.0 + sc->discount_rate, t);
    }

  /* The first year with S(y) > 0 after which S never drops below zero:
   * walk back from the horizon while the suffix stays non-negative. */
  for (int t = n - 1; t >= 0; t--)
    {
      if (self->cumulative_savings[t] < -PAYBACK_EPSILON)
        break;
      if (self->cumulative_savings[t] > PAYBACK_EPSILON)
        payback = t;
    }
  self->has_payback = payback >= 0;
  self->payback_year = self->has_payback ? sc->base_year + payback : 0;
}

/* The first year of @series (n years) that is not a finite number, or -1. */
static int
first_not_finite (const double *series,
                  int           n)
{
  for (int t = 0; t < n; t++)
    if (!isfinite (series[t]))
      return t;
  return -1;
}

static gboolean
line_overflows (GError            **error,
                const PmdScenario  *sc,
                guint               i,
                int                 year,
                gboolean            with_interventions,
                gboolean            clients)
{
  const PmdLine *l = g_ptr_array_index (sc->lines, i);
  g_autofree char *id = pmd_format_escape_text (l->id);

  if (clients)
    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                 _("$.lines[%u] (“%s”): the number of clients in %d is too large to compute; "
                   "check the growth, the steps and the cohort of the line"), i, id, year);
  else if (!with_interventions)
    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                 _("$.lines[%u] (“%s”): the cost in %d is too large to compute; "
                   "check the growth, the steps, the indexation and the cohort of the line"), i, id, year);
  else
    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                 _("$.lines[%u] (“%s”): the cost with the interventions in %d is too large to compute; "
                   "check the interventions on this line"), i, id, year);
  return FALSE;
}

/* Every number of the projection is finite: each input may be sane while
 * their product overflows a double (a growth of 10⁶ over a hundred years,
 * two lines of 10³⁰⁸ euros). Such a projection is an error naming the first
 * value that overflowed, never an answer with "null" or "inf" in it. A line
 * without clients holds NaN in its client counts: that means "none". */
static gboolean
check_finite (const PmdProjection *self,
              const PmdScenario   *sc,
              GError             **error)
{
  int n = self->n_years;
  int t;

  for (int i = 0; i < self->n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);

      if ((t = first_not_finite (self->line_baseline + i * n, n)) >= 0)
        return line_overflows (error, sc, i, sc->base_year + t, FALSE, FALSE);
      if (l->has_clients && (t = first_not_finite (self->line_baseline_clients + i * n, n)) >= 0)
        return line_overflows (error, sc, i, sc->base_year + t, FALSE, TRUE);
    }
  for (int i = 0; i < self->n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);

      if ((t = first_not_finite (self->line_scenario + i * n, n)) >= 0)
        return line_overflows (error, sc, i, sc->base_year + t, TRUE, FALSE);
      if (l->has_clients && (t = first_not_finite (self->line_scenario_clients + i * n, n)) >= 0)
        return line_overflows (error, sc, i, sc->base_year + t, TRUE, TRUE);
    }
  if ((t = first_not_finite (self->funding, n)) >= 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("$.funding: the funding in %d is too large to compute; check its growth"),
                   sc->base_year + t);
      return FALSE;
    }
  /* Lines that are finite each can still add up to more than a double
   * holds; so can their layers, domains, the investment and the savings. */
  {
    const double *sums[] = { self->layer_baseline, self->layer_scenario, self->layer_baseline_clients,
                             self->layer_scenario_clients, self->domain_baseline, self->domain_scenario };
    const int counts[] = { self->n_layers, self->n_layers, self->n_layers, self->n_layers,
                           self->n_domains, self->n_domains };
    const double *totals[] = { self->total_baseline, self->total_scenario, self->investment, self->savings,
                               self->cumulative_savings, self->gap };

    for (guint k = 0; k < G_N_ELEMENTS (sums); k++)
      for (int i = 0; i < counts[k]; i++)
        if ((t = first_not_finite (sums[k] + i * n, n)) >= 0)
          goto total;
    for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
      if ((t = first_not_finite (totals[k], n)) >= 0)
        goto total;
  }
  if (!isfinite (self->npv))
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("$.discount_rate: the net present value of the savings is too large to compute"));
      return FALSE;
    }
  return TRUE;

total:
  {
    g_autofree char *limit = pmd_format_value (G_MAXDOUBLE);
    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                 _("the cost lines add up to more than can be computed in %d (over %s euros); "
                   "check the largest amounts and growth rates"), sc->base_year + t, limit);
  }
  return FALSE;
}

/**
 * pmd_projection_compute:
 * @self: a projection to fill
 * @scenario: a validated scenario (see pmd_scenario_validate())
 * @error: a scenario whose references are not resolved, or a number of the
 *   projection that overflows
 *
 * Projects @scenario into @self. Allocates only when the scenario has more
 * years, lines, layers, domains or cohorts than the last one projected.
 * Fails, naming the value, when a number of the projection overflows
 * (pmd_scenario_validate() checks that, so a valid scenario projects).
 */
gboolean
pmd_projection_compute (PmdProjection     *self,
                        const PmdScenario *scenario,
                        GError           **error)
{
  int n_years;
  double *drivers;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  if (!check_resolved (scenario, error))
    return FALSE;

  n_years = scenario->horizon + 1;
  ensure_storage (self, n_years, scenario->lines->len, scenario->layers->len,
                  scenario->domains->len, scenario->cohorts->len);
  self->base_year = scenario->base_year;

  drivers = self->scratch;
  compute_drivers (scenario, drivers, n_years);
  compute_baseline (self, scenario, drivers);
  compute_scenario (self, scenario);
  compute_totals (self, scenario);
  return check_finite (self, scenario, error);
}

/**
 * pmd_project:
 * @scenario: a validated scenario
 * @error: see pmd_projection_compute()
 *
 * Returns: (transfer full) (nullable): a new projection of @scenario
 */
PmdProjection *
pmd_project (const PmdScenario *scenario,
             GError           **error)
{
  g_autoptr(PmdProjection) self = pmd_projection_new ();

  if (!pmd_projection_compute (self, scenario, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * pmd_projection_year_index:
 *
 * Returns: `year - base_year`, or -1 when @year lies outside the projection
 */
int
pmd_projection_year_index (const PmdProjection *self,
                           int                  year)
{
  int t = year - self->base_year;

  return t >= 0 && t < self->n_years ? t : -1;
}

/**
 * pmd_projection_get_pyramid:
 * @self: a projection
 * @year: a year of the projection
 * @which: baseline or scenario
 * @layers: (out caller-allocates) (array): n_layers entries, bottom to top
 *
 * The inverted-pyramid comparison: per layer its cost and clients and their
 * shares of the total. Lines without a client count do not count as clients.
 *
 * Returns: %FALSE when @year lies outside the projection
 */
gboolean
pmd_projection_get_pyramid (const PmdProjection *self,
                            int                  year,
                            PmdCase              which,
                            PmdPyramidLayer     *layers)
{
  int t = pmd_projection_year_index (self, year);
  const double *cost, *clients;
  double total_cost = 0.0, total_clients = 0.0;
  int n = self->n_years;

  if (t < 0)
    return FALSE;

  cost = which == PMD_CASE_BASELINE ? self->layer_baseline : self->layer_scenario;
  clients = which == PMD_CASE_BASELINE ? self->layer_baseline_clients : self->layer_scenario_clients;

  for (int l = 0; l < self->n_layers; l++)
    {
      layers[l].cost = cost[l * n + t];
      layers[l].clients = clients[l * n + t];
      total_cost += layers[l].cost;
      total_clients += layers[l].clients;
    }
  for (int l = 0; l < self->n_layers; l++)
    {
      layers[l].cost_share = total_cost != 0.0 ? layers[l].cost / total_cost : 0.0;
      layers[l].client_share = total_clients != 0.0 ? layers[l].clients / total_clients : 0.0;
    }
  return TRUE;
}

/**
 * pmd_projection_bridge:
 * @self: a projection of @scenario
 * @scenario: the scenario projected
 * @year: the year to bridge to from the base year
 * @bridge: (out caller-allocates): the steps; zero-initialised or filled by an
 *   earlier call (whose arrays are freed); free with pmd_bridge_clear()
 *
 * Splits the change of the total from the base year to @year into steps, each
 * taken on top of the ones before: demography, volume growth, steps and
 * indexation (together the baseline), then each intervention in list order
 * as its saving (the cost it avoids, net of cost moved to its target) and its
 * investment (amount, one-off, structural).
 * start + Σ baseline steps = baseline(year), and
 * baseline(year) − Σ savings + Σ investment = scenario(year).
 *
 * Returns: %FALSE when @year lies outside the projection
 */
gboolean
pmd_projection_bridge (const PmdProjection *self,
                       const PmdScenario   *sc,
                       int                  year,
                       PmdBridge           *bridge)
{
  int t = pmd_projection_year_index (self, year);
  int n = self->n_years;
  guint n_iv = sc->interventions->len;
  g_autofree double *cost = NULL;
  g_autofree double *clients = NULL;
  g_autofree double *drivers = NULL;
  double previous, spent_before = 0.0;

  pmd_bridge_clear (bridge);
  memset (bridge, 0, sizeof *bridge);
  if (t < 0 || self->n_lines != (int) sc->lines->len)
    return FALSE;

  drivers = g_new (double, MAX (1u, sc->cohorts->len) * (gsize) n);
  compute_drivers (sc, drivers, n);

  bridge->year = year;
  bridge->start = self->total_baseline[0];
  for (int i = 0; i < self->n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      double idx = l->has_indexation ? l->indexation : sc->indexation;
      double c0 = self->line_baseline[i * n];
      double d = l->driver_idx >= 0 ? 1.0 + l->elasticity * (drivers[l->driver_idx * n + t] - 1.0) : 1.0;
      double g = pow (1.0 + l->growth, t);
      double s = _pmd_steps_factor (l->steps, year) / _pmd_steps_factor (l->steps, sc->base_year);
      double p = pow (1.0 + idx, t);

      bridge->demography += c0 * d - c0;
      bridge->growth += c0 * d * g - c0 * d;
      bridge->steps += c0 * d * g * s - c0 * d * g;
      bridge->indexation += c0 * d * g * s * (p - 1.0);
    }
  bridge->baseline = self->total_baseline[t];

  bridge->n_interventions = n_iv;
  bridge->savings = g_new0 (double, MAX (1u, n_iv));
  bridge->investment = g_new0 (double, MAX (1u, n_iv));
  cost = g_new (double, MAX (1, self->n_lines));
  clients = g_new (double, MAX (1, self->n_lines));
  previous = bridge->baseline;
  for (guint k = 1; k <= n_iv; k++)
    {
      double total = 0.0, spent;

      for (int i = 0; i < self->n_lines; i++)
        {
          cost[i] = self->line_baseline[i * n + t];
          clients[i] = self->line_baseline_clients[i * n + t];
        }
      spent = apply_interventions (sc, k, year, cost, clients);
      for (int i = 0; i < self->n_lines; i++)
        total += cost[i];
      /* What intervention k adds to the investment and to the total. */
      bridge->investment[k - 1] = spent - spent_before;
      spent_before = spent;
      bridge->savings[k - 1] = previous + bridge->investment[k - 1] - total;
      previous = total;
    }
  bridge->end = self->total_scenario[t];
  return TRUE;
}

void
pmd_bridge_clear (PmdBridge *bridge)
{
  g_clear_pointer (&bridge->savings, g_free);
  g_clear_pointer (&bridge->investment, g_free);
}

/* Partial projections: many runs in which only a few parameters change */

struct _PmdPartial
{
  PmdProjection *p;
  int           *live;            /* lines whose baseline a run recomputes */
  int            n_live;
  int           *reached;         /* live lines and the interventions' lines */
  int            n_reached;
  guint8        *cohort_live;
  double        *const_baseline;  /* per year: the sum over lines not reached */
  double        *const_scenario;
  double        *drivers;
};

void
pmd_partial_free (PmdPartial *self)
{
  if (self == NULL)
    return;
  pmd_projection_free (self->p);
  g_free (self->live);
  g_free (self->reached);
  g_free (self->cohort_live);
  g_free (self->const_baseline);
  g_free (self->const_scenario);
  g_free (self->drivers);
  g_free (self);
}

/**
 * pmd_partial_new:
 * @scenario: a validated scenario
 * @paths: (array length=n_paths): the parameters the runs will change
 *
 * Projects @scenario once and works out which lines those parameters can
 * reach: a line's own parameters, the cohort that drives it, the price
 * indexation it follows, and every line an intervention takes from or
 * gives to. The other lines are summed once, per year.
 *
 * Returns: (transfer full) (nullable): the partial projection
 */
PmdPartial *
pmd_partial_new (const PmdScenario *scenario,
                 const char *const *paths,
                 guint              n_paths,
                 GError           **error)
{
  g_autoptr(PmdPartial) self = g_new0 (PmdPartial, 1);
  guint n_lines = scenario->lines->len;
  g_autofree guint8 *line_live = g_new0 (guint8, MAX (1, n_lines));
  g_autofree guint8 *line_reached = g_new0 (guint8, MAX (1, n_lines));
  gboolean all = FALSE, prices = FALSE;
  g_auto(PmdScenarioIndex) index = { 0 };
  int n;

  self->p = pmd_projection_new ();
  if (!pmd_projection_compute (self->p, scenario, error))
    return NULL;
  n = self->p->n_years;
  self->cohort_live = g_new0 (guint8, MAX (1, scenario->cohorts->len));
  _pmd_scenario_index_init (&index);
  _pmd_scenario_index_fill (&index, scenario);

  for (guint k = 0; k < n_paths; k++)
    {
      g_auto(GStrv) parts = g_strsplit (paths[k], ".", 3);
      int idx;

      if (g_str_equal (paths[k], "scenario.indexation"))
        prices = TRUE;
      else if (g_str_has_prefix (paths[k], "funding.") || g_str_equal (paths[k], "scenario.discount_rate") ||
               g_str_equal (parts[0], "interventions"))
        continue;   /* the totals, or lines reached anyway */
      else if (parts[1] != NULL && g_str_equal (parts[0], "cohorts") &&
               (idx = _pmd_scenario_index_find (index.cohorts, parts[1])) >= 0)
        self->cohort_live[idx] = TRUE;
      else if (parts[1] != NULL && g_str_equal (parts[0], "lines") &&
               (idx = _pmd_scenario_index_find (index.lines, parts[1])) >= 0)
        line_live[idx] = TRUE;
      else
        all = TRUE;   /* unknown: recompute everything */
    }

  for (guint i = 0; i < n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (scenario->lines, i);

      line_live[i] |= all || (prices && !l->has_indexation) ||
                      (l->driver_idx >= 0 && self->cohort_live[l->driver_idx]);
      line_reached[i] = line_live[i];
    }
  for (guint k = 0; k < scenario->interventions->len; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (scenario->interventions, k);
      line_reached[iv->source_idx] = line_reached[iv->target_idx] = TRUE;
    }

  self->live = g_new (int, MAX (1, n_lines));
  self->reached = g_new (int, MAX (1, n_lines));
  self->const_baseline = g_new0 (double, n);
  self->const_scenario = g_new0 (double, n);
  for (guint i = 0; i < n_lines; i++)
    {
      if (line_live[i])
        self->live[self->n_live++] = i;
      if (line_reached[i])
        self->reached[self->n_reached++] = i;
      else
        {
          sum_into (self->const_baseline, self->p->line_baseline + i * n, n);
          sum_into (self->const_scenario, self->p->line_scenario + i * n, n);
        }
    }
  self->drivers = g_new (double, MAX (1, scenario->cohorts->len * (gsize) n));
  memcpy (self->drivers, self->p->scratch, sizeof (double) * scenario->cohorts->len * n);
  return g_steal_pointer (&self);
}

/**
 * pmd_partial_compute:
 * @scenario: the scenario given to pmd_partial_new(), with only the
 *   parameters named there changed
 *
 * Returns: (transfer none): the projection; only its totals (total
 *   baseline and scenario, investment, savings, funding, gap, npv,
 *   payback) and the lines reached are up to date
 */
const PmdProjection *
pmd_partial_compute (PmdPartial        *self,
                     const PmdScenario *scenario)
{
  PmdProjection *p = self->p;
  int n = p->n_years;

  for (guint c = 0; c < scenario->cohorts->len; c++)
    if (self->cohort_live[c])
      compute_driver (scenario, self->drivers, n, c);
  for (int k = 0; k < self->n_live; k++)
    compute_line_baseline (p, scenario, self->drivers, self->live[k]);
  compute_scenario_lines (p, scenario, self->reached, self->n_reached);

  memcpy (p->total_baseline, self->const_baseline, sizeof (double) * n);
  memcpy (p->total_scenario, self->const_scenario, sizeof (double) * n);
  for (int k = 0; k < self->n_reached; k++)
    {
      sum_into (p->total_baseline, p->line_baseline + self->reached[k] * n, n);
      sum_into (p->total_scenario, p->line_scenario + self->reached[k] * n, n);
    }
  finish_totals (p, scenario);
  return p;
}

/* How many lines a run recomputes (the baseline of), and how many it
 * re-runs the interventions on. */
void
pmd_partial_get_counts (const PmdPartial *self,
                        int              *n_live,
                        int              *n_reached)
{
  *n_live = self->n_live;
  *n_reached = self->n_reached;
}
