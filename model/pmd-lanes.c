/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-lanes-private.h"
#include "pmd-projection-private.h"
#include "pmd-scenario-private.h"

/*
 * Monte Carlo runs as vector lanes: PMD_LANES runs are projected at once,
 * each number of a run in one lane of an array (structure of arrays), so
 * that one loop over the lanes does the same step for every run and the
 * compiler makes it a vector instruction.
 *
 * Only what the Monte Carlo reports is computed (the scenario and baseline
 * totals, savings, gap, payback; no client counts, no layers), and only
 * what can vary: a line no ranged parameter reaches is projected once and
 * summed into a constant per year, as are the drivers of cohorts without a
 * range, the ramps of interventions whose timing has no range and the
 * funding when it has none. Each range's draw lands in the lane array of
 * the field it names, found by the field's address (a PmdParam points into
 * the scenario); a parameter the lanes do not hold (on/off) makes
 * _pmd_lanes_new() return NULL, and the runs are made one by one.
 *
 * The arithmetic is the projection's (pmd-projection.c), step for step, so
 * that a run gives the same totals to the last bits or nearly: powers of
 * the funding's growth and a cohort's yearly rate are products here (a few
 * units in the last place over a century).
 */

#define L PMD_LANES

/* Amounts within a cent of zero count as zero for the payback year. */
#define PAYBACK_EPSILON 0.01

typedef double Lane[L];

typedef struct
{
  int           line;        /* index in the scenario */
  gboolean      live;        /* its baseline varies between runs */
  const double *base;        /* not live: the baseline per year */
  Lane          base_cost;
  Lane          growth;
  Lane          elasticity;
  Lane          indexation;  /* its own, or (scenario_idx) the scenario's */
  gboolean      scenario_idx;
  int           driver;      /* a cohort, or -1 */
  double       *steps;       /* per year: the product of the steps so far */
  double       *lanes;       /* live: the baseline, [t][L] */
} LaneLine;

typedef struct
{
  const PmdIntervention *iv;
  int      s;                /* source and target among the reached lines */
  int      g;
  Lane     fraction;
  Lane     cost_ratio;
  Lane     amount;
  Lane     ret;
  Lane     one_off;
  Lane     structural;
  int      start[L];
  int      end[L];
  int      lag[L];
  int      ramp_years[L];
  gboolean timing_varies;
  double  *ramp;             /* timing fixed: per year, the ramp, or −1 when inactive */
  guint8  *starts;           /* per year: the start year */
} LaneIntervention;

typedef struct
{
  gboolean live;
  Lane    *points;           /* live: per point, its value in each lane */
  double  *d;                /* live: D(y), [t][L] */
} LaneCohort;

struct _PmdLanes
{
  const PmdScenario *sc;
  PmdProjection     *p;      /* the scenario as given */
  int                n;      /* years */
  guint              n_slots;
  double           **slot_d; /* per parameter: lane 0 of the array it fills, or NULL */
  int              **slot_i;
  LaneLine          *lines;  /* the reached lines */
  int                n_lines;
  LaneIntervention  *ivs;
  guint              n_ivs;
  LaneCohort        *cohorts;
  Lane               scenario_idx;
  Lane               funding_base;
  Lane               funding_growth;
  gboolean           funding_live;
  double            *const_baseline;  /* per year: the lines not reached */
  double            *const_scenario;
  Lane              *cost;            /* per reached line, this year */
  Lane              *cumulative;      /* per year */
};

void
_pmd_lanes_free (PmdLanes *self)
{
  if (self == NULL)
    return;
  for (int r = 0; r < self->n_lines; r++)
    {
      g_free (self->lines[r].steps);
      g_free (self->lines[r].lanes);
    }
  for (guint k = 0; k < self->n_ivs; k++)
    {
      g_free (self->ivs[k].ramp);
      g_free (self->ivs[k].starts);
    }
  if (self->cohorts != NULL)
    for (guint c = 0; c < self->sc->cohorts->len; c++)
      {
        g_free (self->cohorts[c].points);
        g_free (self->cohorts[c].d);
      }
  pmd_projection_free (self->p);
  g_free (self->slot_d);
  g_free (self->slot_i);
  g_free (self->lines);
  g_free (self->ivs);
  g_free (self->cohorts);
  g_free (self->const_baseline);
  g_free (self->const_scenario);
  g_free (self->cost);
  g_free (self->cumulative);
  g_free (self);
}

static inline void
lane_fill (double *lane,
           double  value)
{
  for (int l = 0; l < L; l++)
    lane[l] = value;
}

static inline void
lane_fill_int (int *lane,
               int  value)
{
  for (int l = 0; l < L; l++)
    lane[l] = value;
}

/* Where parameter @param's draws go: the lane array of the field it points
 * at. FALSE: no lane array holds that field. */
static gboolean
find_slot (PmdLanes       *self,
           PmdScenario    *sc,
           const PmdParam *param,
           guint8         *line_live,
           double        **slot_d,
           int           **slot_i)
{
  *slot_d = NULL;
  *slot_i = NULL;
  if (param->kind == PMD_PARAM_BOOL)
    return FALSE;
  if (param->d == &sc->discount_rate)
    return TRUE;   /* only the net present value, which no run reports */
  if (param->d == &sc->indexation)
    {
      *slot_d = self->scenario_idx;
      for (guint i = 0; i < sc->lines->len; i++)
        if (!((PmdLine *) g_ptr_array_index (sc->lines, i))->has_indexation)
          line_live[i] = TRUE;
      return TRUE;
    }
  if (param->d == &sc->funding.base || param->d == &sc->funding.growth)
    {
      self->funding_live = TRUE;
      *slot_d = param->d == &sc->funding.base ? self->funding_base : self->funding_growth;
      return TRUE;
    }
  for (guint c = 0; c < sc->cohorts->len; c++)
    {
      PmdCohort *cohort = g_ptr_array_index (sc->cohorts, c);
      for (guint j = 0; j < cohort->points->len; j++)
        if (param->d == &g_array_index (cohort->points, PmdYearValue, j).value)
          {
            LaneCohort *lc = &self->cohorts[c];
            if (!lc->live)
              {
                lc->live = TRUE;
                lc->points = g_new (Lane, cohort->points->len);
                for (guint m = 0; m < cohort->points->len; m++)
                  lane_fill (lc->points[m], g_array_index (cohort->points, PmdYearValue, m).value);
              }
            *slot_d = lc->points[j];
            for (guint i = 0; i < sc->lines->len; i++)
              if (((PmdLine *) g_ptr_array_index (sc->lines, i))->driver_idx == (int) c)
                line_live[i] = TRUE;
            return TRUE;
          }
    }
  for (guint i = 0; i < sc->lines->len; i++)
    {
      PmdLine *l = g_ptr_array_index (sc->lines, i);
      if (param->d == &l->clients)
        return TRUE;   /* no run reports clients */
      if (param->d == &l->base_cost || param->d == &l->growth || param->d == &l->elasticity ||
          param->d == &l->indexation)
        {
          line_live[i] = TRUE;
          return TRUE;   /* the slot is set once the line has its place */
        }
    }
  for (guint k = 0; k < sc->interventions->len; k++)
    {
      PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      LaneIntervention *li = &self->ivs[k];
      double *const doubles[] = { &iv->fraction, &iv->cost_ratio, &iv->amount, &iv->ret, &iv->one_off,
                                  &iv->structural };
      double *const lanes[] = { li->fraction, li->cost_ratio, li->amount, li->ret, li->one_off, li->structural };
      int *const ints[] = { &iv->start, &iv->end, &iv->lag, &iv->ramp_years };
      int *const int_lanes[] = { li->start, li->end, li->lag, li->ramp_years };

      for (guint f = 0; f < G_N_ELEMENTS (doubles); f++)
        if (param->d == doubles[f])
          {
            *slot_d = lanes[f];
            return TRUE;
          }
      for (guint f = 0; f < G_N_ELEMENTS (ints); f++)
        if (param->i == ints[f])
          {
            *slot_i = int_lanes[f];
            li->timing_varies = TRUE;
            return TRUE;
          }
    }
  return FALSE;
}

/**
 * _pmd_lanes_new:
 * @scenario: a resolved, validated scenario with every ranged parameter at
 *   its value; its nullable fields that a range sets are marked as set
 * @params: (array length=n_params): the ranged parameters, looked up in @scenario
 *
 * Returns: (nullable): the lanes; NULL without @error set when a parameter
 *   cannot be drawn in lanes
 */
PmdLanes *
_pmd_lanes_new (PmdScenario    *sc,
                const PmdParam *params,
                guint           n_params,
                GError        **error)
{
  g_autoptr(PmdLanes) self = g_new0 (PmdLanes, 1);
  guint n_all = sc->lines->len;
  g_autofree guint8 *line_live = g_new0 (guint8, MAX (1, n_all));
  g_autofree int *position = g_new (int, MAX (1, n_all));
  g_autofree int *pending = g_new (int, MAX (1, n_params));   /* a line's field: its line, else −1 */
  int n;

  self->sc = sc;
  self->n_slots = n_params;
  self->slot_d = g_new0 (double *, MAX (1, n_params));
  self->slot_i = g_new0 (int *, MAX (1, n_params));
  self->ivs = g_new0 (LaneIntervention, MAX (1, sc->interventions->len));
  self->n_ivs = sc->interventions->len;
  self->cohorts = g_new0 (LaneCohort, MAX (1, sc->cohorts->len));
  lane_fill (self->scenario_idx, sc->indexation);
  lane_fill (self->funding_base, sc->funding.base);
  lane_fill (self->funding_growth, sc->funding.growth);

  for (guint k = 0; k < n_params; k++)
    {
      if (params[k].has != NULL)
        *params[k].has = TRUE;   /* as the first run's pmd_param_set() would */
      pending[k] = -1;
    }
  for (guint k = 0; k < n_params; k++)
    {
      if (!find_slot (self, sc, &params[k], line_live, &self->slot_d[k], &self->slot_i[k]))
        return NULL;
      for (guint i = 0; i < n_all && self->slot_d[k] == NULL && self->slot_i[k] == NULL; i++)
        {
          PmdLine *l = g_ptr_array_index (sc->lines, i);
          if (params[k].d == &l->base_cost || params[k].d == &l->growth || params[k].d == &l->elasticity ||
              params[k].d == &l->indexation)
            pending[k] = i;
        }
    }

  self->p = pmd_project (sc, error);
  if (self->p == NULL)
    return NULL;
  n = self->n = self->p->n_years;
  for (guint c = 0; c < sc->cohorts->len; c++)
    {
      self->cohorts[c].d = g_new (double, (gsize) n * L);
      if (!self->cohorts[c].live)
        for (int t = 0; t < n; t++)
          lane_fill (self->cohorts[c].d + t * L, self->p->scratch[c * n + t]);
    }

  /* The lines a run changes: live ones and the interventions' lines. */
  {
    g_autofree guint8 *reached = g_memdup2 (line_live, MAX (1, n_all));

    for (guint k = 0; k < sc->interventions->len; k++)
      {
        const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
        reached[iv->source_idx] = reached[iv->target_idx] = TRUE;
      }
    self->lines = g_new0 (LaneLine, MAX (1, n_all));
    self->const_baseline = g_new0 (double, n);
    self->const_scenario = g_new0 (double, n);
    for (guint i = 0; i < n_all; i++)
      {
        position[i] = -1;
        if (!reached[i])
          {
            for (int t = 0; t < n; t++)
              {
                self->const_baseline[t] += self->p->line_baseline[i * n + t];
                self->const_scenario[t] += self->p->line_scenario[i * n + t];
              }
            continue;
          }
        position[i] = self->n_lines;
        {
          LaneLine *ll = &self->lines[self->n_lines++];
          const PmdLine *l = g_ptr_array_index (sc->lines, i);

          ll->line = i;
          ll->live = line_live[i];
          ll->base = self->p->line_baseline + i * n;
          ll->driver = l->driver_idx;
          ll->scenario_idx = !l->has_indexation;
          lane_fill (ll->base_cost, l->base_cost);
          lane_fill (ll->growth, l->growth);
          lane_fill (ll->elasticity, l->elasticity);
          lane_fill (ll->indexation, l->has_indexation ? l->indexation : sc->indexation);
          if (ll->live)
            {
              ll->steps = g_new (double, n);
              for (int t = 0; t < n; t++)
                ll->steps[t] = l->steps->len ? _pmd_steps_factor (l->steps, sc->base_year + t) : 1.0;
              ll->lanes = g_new (double, (gsize) n * L);
            }
        }
      }
  }
  for (guint k = 0; k < n_params; k++)
    if (pending[k] >= 0)
      {
        LaneLine *ll = &self->lines[position[pending[k]]];
        PmdLine *l = g_ptr_array_index (sc->lines, pending[k]);

        self->slot_d[k] = params[k].d == &l->base_cost ? ll->base_cost :
                          params[k].d == &l->growth ? ll->growth :
                          params[k].d == &l->elasticity ? ll->elasticity : ll->indexation;
      }

  for (guint k = 0; k < self->n_ivs; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      LaneIntervention *li = &self->ivs[k];

      li->iv = iv;
      li->s = position[iv->source_idx];
      li->g = position[iv->target_idx];
      lane_fill (li->fraction, iv->fraction);
      lane_fill (li->cost_ratio, iv->cost_ratio);
      lane_fill (li->amount, iv->amount);
      lane_fill (li->ret, iv->ret);
      lane_fill (li->one_off, iv->one_off);
      lane_fill (li->structural, iv->structural);
      lane_fill_int (li->start, iv->start);
      lane_fill_int (li->end, iv->end);
      lane_fill_int (li->lag, iv->lag);
      lane_fill_int (li->ramp_years, iv->ramp_years);
      if (!li->timing_varies)
        {
          li->ramp = g_new (double, n);
          li->starts = g_new (guint8, n);
          for (int t = 0; t < n; t++)
            {
              int year = sc->base_year + t;
              gboolean active = iv->enabled && year >= iv->start && !(iv->has_end && year > iv->end);

              li->ramp[t] = active ? _pmd_ramp (year, iv->start, iv->lag, iv->ramp_years) : -1.0;
              li->starts[t] = active && year == iv->start;
            }
        }
    }
  self->cost = g_new (Lane, MAX (1, self->n_lines));
  self->cumulative = g_new (Lane, n);
  return g_steal_pointer (&self);
}

/* x^k for a whole k, by squaring. */
static inline double
power (double x,
       int    k)
{
  double result = 1.0;
  unsigned m = (unsigned) ABS (k);

  for (; m != 0; m >>= 1, x *= x)
    if (m & 1)
      result *= x;
  return k < 0 ? 1.0 / result : result;
}

/* pmd_cohort_value_at() for every year, with lane @l's points: one pow
 * per segment, then products. */
static void
cohort_values (const PmdCohort *cohort,
               const Lane      *points,
               int              l,
               int              first_year,
               int              n,
               double          *out)
{
  const PmdYearValue *p = (const PmdYearValue *) cohort->points->data;
  guint n_points = cohort->points->len;
  guint seg = G_MAXUINT;
  double rate = 1.0;

  for (int t = 0; t < n; t++)
    {
      int year = first_year + t;
      guint s = 0;

      if (n_points == 1)
        {
          out[t] = points[0][l];
          continue;
        }
      while (s + 2 < n_points && year > p[s + 1].year)
        s++;
      if (s != seg)
        {
          seg = s;
          rate = pow (points[s + 1][l] / points[s][l], 1.0 / (double) (p[s + 1].year - p[s].year));
        }
      if (year == p[s].year)
        out[t] = points[s][l];
      else if (year == p[s + 1].year)
        out[t] = points[s + 1][l];
      else
        out[t] = points[s][l] * power (rate, year - p[s].year);
    }
}

static void
compute_cohort (PmdLanes *self,
                guint     c)
{
  const PmdCohort *cohort = g_ptr_array_index (self->sc->cohorts, c);
  LaneCohort *lc = &self->cohorts[c];
  double values[PMD_HORIZON_MAX + 2];
  int base_year = self->sc->base_year;

  for (int l = 0; l < L; l++)
    {
      /* The base year is the first: D(y) = V(y) / V(base). */
      cohort_values (cohort, lc->points, l, base_year, self->n, values);
      for (int t = 0; t < self->n; t++)
        lc->d[t * L + l] = values[t] / values[0];
    }
}

static void
compute_line (PmdLanes *self,
              LaneLine *ll)
{
  const double *idx = ll->scenario_idx ? self->scenario_idx : ll->indexation;
  Lane growth, price;

  lane_fill (growth, 1.0);
  lane_fill (price, 1.0);
  if (ll->driver < 0)
    for (int t = 0; t < self->n; t++)
      {
        double *out = ll->lanes + t * L;
        for (int l = 0; l < L; l++)
          {
            double volume = growth[l] * ll->steps[t];   /* demo = 1 */

            out[l] = ll->base_cost[l] * volume * price[l];
            growth[l] *= 1.0 + ll->growth[l];
            price[l] *= 1.0 + idx[l];
          }
      }
  else
    {
      const double *d = self->cohorts[ll->driver].d;   /* [t][L], broadcast when no range reaches it */

      for (int t = 0; t < self->n; t++)
        {
          double *out = ll->lanes + t * L;
          for (int l = 0; l < L; l++)
            {
              double demo = 1.0 + ll->elasticity[l] * (d[t * L + l] - 1.0);
              double volume = growth[l] * demo * ll->steps[t];

              out[l] = ll->base_cost[l] * volume * price[l];
              growth[l] *= 1.0 + ll->growth[l];
              price[l] *= 1.0 + idx[l];
            }
        }
    }
}

/* One intervention in one year, its timing drawn per lane. */
static void
apply_varying (const LaneIntervention *li,
               int                     year,
               Lane                   *cost)
{
  const PmdIntervention *iv = li->iv;

  for (int l = 0; l < L; l++)
    {
      double r;

      if (!iv->enabled || year < li->start[l] || (iv->has_end && year > li->end[l]))
        continue;
      r = _pmd_ramp (year, li->start[l], li->lag[l], li->ramp_years[l]);
      if (iv->type == PMD_INTERVENTION_SHIFT)
        {
          double moved = li->fraction[l] * r * cost[li->s][l];
          cost[li->s][l] -= moved;
          cost[li->g][l] += li->cost_ratio[l] * moved;
          cost[li->g][l] += li->structural[l];
        }
      else
        {
          double avoided = MIN (li->ret[l] * li->amount[l] * r, cost[li->s][l]);
          cost[li->g][l] += li->amount[l];
          cost[li->s][l] -= avoided;
        }
      if (year == li->start[l])
        cost[li->g][l] += li->one_off[l];
    }
}

static void
apply (const LaneIntervention *li,
       int                     t,
       Lane                   *cost)
{
  double *src = cost[li->s];
  double *dst = cost[li->g];
  double r = li->ramp[t];

  if (r < 0)
    return;
  if (li->iv->type == PMD_INTERVENTION_SHIFT)
    for (int l = 0; l < L; l++)
      {
        double moved = li->fraction[l] * r * src[l];
        src[l] -= moved;
        dst[l] += li->cost_ratio[l] * moved;
        dst[l] += li->structural[l];
      }
  else
    for (int l = 0; l < L; l++)
      {
        double avoided = MIN (li->ret[l] * li->amount[l] * r, src[l]);
        dst[l] += li->amount[l];
        src[l] -= avoided;
      }
  if (li->starts[t])
    for (int l = 0; l < L; l++)
      dst[l] += li->one_off[l];
}

/**
 * _pmd_lanes_run:
 * @draws: per parameter, PMD_LANES values (a whole-number parameter's
 *   rounded here, as pmd_param_set() does)
 * @total: (out): [t][PMD_LANES] scenario totals
 * @gap: (out): the same for the gap
 * @savings: (out): the same for the savings
 * @payback: (out): per lane, the payback year or 0
 * @bad_year: (out): with a lane that failed, the year index that overflowed
 *
 * Returns: the first lane whose numbers are not all finite, or −1
 */
int
_pmd_lanes_run (PmdLanes     *self,
                const double *draws,
                double       *total,
                double       *gap,
                double       *savings,
                int          *payback,
                int          *bad_year)
{
  const PmdScenario *sc = self->sc;
  int n = self->n;
  int bad_lane = L;
  Lane cumulative, growth;

  for (guint k = 0; k < self->n_slots; k++)
    {
      if (self->slot_d[k] != NULL)
        memcpy (self->slot_d[k], draws + k * L, sizeof (Lane));
      else if (self->slot_i[k] != NULL)
        for (int l = 0; l < L; l++)
          self->slot_i[k][l] = (int) lround (CLAMP (draws[k * L + l], -1e6, 1e6));
    }
  for (guint c = 0; c < sc->cohorts->len; c++)
    if (self->cohorts[c].live)
      compute_cohort (self, c);
  for (int r = 0; r < self->n_lines; r++)
    if (self->lines[r].live)
      compute_line (self, &self->lines[r]);

  lane_fill (cumulative, 0.0);
  lane_fill (growth, 1.0);
  for (int t = 0; t < n; t++)
    {
      int year = sc->base_year + t;
      double *ts = total + t * L, *tg = gap + t * L, *tv = savings + t * L;
      Lane tb, funding;

      for (int r = 0; r < self->n_lines; r++)
        {
          const LaneLine *ll = &self->lines[r];
          if (ll->live)
            memcpy (self->cost[r], ll->lanes + t * L, sizeof (Lane));
          else
            lane_fill (self->cost[r], ll->base[t]);
        }
      for (guint k = 0; k < self->n_ivs; k++)
        {
          if (self->ivs[k].timing_varies)
            apply_varying (&self->ivs[k], year, self->cost);
          else
            apply (&self->ivs[k], t, self->cost);
        }

      lane_fill (ts, self->const_scenario[t]);
      lane_fill (tb, self->const_baseline[t]);
      for (int r = 0; r < self->n_lines; r++)
        {
          const LaneLine *ll = &self->lines[r];
          for (int l = 0; l < L; l++)
            ts[l] += self->cost[r][l];
          if (ll->live)
            for (int l = 0; l < L; l++)
              tb[l] += ll->lanes[t * L + l];
          else
            for (int l = 0; l < L; l++)
              tb[l] += ll->base[t];
        }

      if (self->funding_live)
        {
          for (int l = 0; l < L; l++)
            {
              funding[l] = self->funding_base[l] * growth[l];
              growth[l] *= 1.0 + self->funding_growth[l];
            }
          for (guint k = 0; k < sc->funding.steps->len; k++)
            {
              const PmdYearValue *s = &g_array_index (sc->funding.steps, PmdYearValue, k);
              if (s->year <= year)
                for (int l = 0; l < L; l++)
                  funding[l] += s->value;
            }
        }
      else
        lane_fill (funding, self->p->funding[t]);

      for (int l = 0; l < L; l++)
        {
          tv[l] = tb[l] - ts[l];
          cumulative[l] += tv[l];
          self->cumulative[t][l] = cumulative[l];
          tg[l] = ts[l] - funding[l];
        }
      for (int l = 0; l < bad_lane; l++)
        if (!isfinite (ts[l]) || !isfinite (tg[l]) || !isfinite (tv[l]))
          {
            bad_lane = l;
            *bad_year = t;
          }
    }

  /* As the projection's: the first year with S(y) > 0 after which S never
   * drops below zero. */
  for (int l = 0; l < L; l++)
    {
      int first = -1;

      for (int t = n - 1; t >= 0; t--)
        {
          if (self->cumulative[t][l] < -PAYBACK_EPSILON)
            break;
          if (self->cumulative[t][l] > PAYBACK_EPSILON)
            first = t;
        }
      payback[l] = first >= 0 ? sc->base_year + first : 0;
    }
  return bad_lane < L ? bad_lane : -1;
}
