/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-lanes-private.h"
#include "pmd-simd-private.h"
#include "pmd-projection-private.h"
#include "pmd-random-private.h"
#include "pmd-scenario-private.h"

/*
 * Monte Carlo runs as vector lanes: PMD_LANES runs are projected at once,
 * each number of a run in one lane of an array (structure of arrays), so
 * that one loop over the lanes does the same step for every run and the
 * compiler makes it a vector instruction. The lanes are written as GCC's
 * vectors of four doubles (AVX2's width; two SSE2 registers, half an
 * AVX-512 one), and the run is built for each of those (pmd-simd-private.h).
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

/* A lane array as vectors of four (aligned as doubles: the arrays come
 * from g_new) and as doubles, for the setup and the scalar steps. */
#define H (L / 4)
typedef double V4 __attribute__ ((vector_size (4 * sizeof (double)), aligned (sizeof (double))));
typedef gint64 V4i __attribute__ ((vector_size (4 * sizeof (gint64)), aligned (sizeof (double))));
typedef guint64 V4u __attribute__ ((vector_size (4 * sizeof (guint64)), aligned (sizeof (double))));
typedef union
{
  V4     v[H];
  double d[L];
} Lane;

G_STATIC_ASSERT (L % 4 == 0);
G_STATIC_ASSERT (sizeof (Lane) == L * sizeof (double));

/* Lane-wise (a < b ? a : b), as MIN() and minpd. */
#define V4_SELECT(mask, a, b) ((V4) (((V4i) (a) & (mask)) | ((V4i) (b) & ~(mask))))

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
  Lane         *lanes;       /* live: the baseline, per year, then (in place) the scenario */
  Lane         *fixed;       /* not live: the baseline in every lane, per year */
  Lane         *row;         /* the scenario, per year: lanes, or a row of cost */
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
  int      first, last;      /* timing fixed: the years it is active, as indexes */
} LaneIntervention;

typedef struct
{
  gboolean live;
  Lane    *points;           /* live: per point, its value in each lane */
  Lane    *d;                /* D(y), per year */
} LaneCohort;

/* A range's triangular distribution, as triangular_inverse() in
 * pmd-uncertainty.c computes with it. */
typedef struct
{
  double low, mode, high;
  double span;               /* high − low */
  double below, above;       /* mode − low, high − mode */
  double cut;                /* (mode − low) / span: the mode's quantile */
} Triangle;

struct _PmdLanes
{
  const PmdScenario *sc;
  PmdProjection     *p;      /* the scenario as given */
  int                n;      /* years */
  guint              n_slots;
  Triangle          *triangles; /* per parameter */
  Lane             **slot_d; /* per parameter: the lane array it fills, or NULL */
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
  Lane              *cost;            /* per line not live: the scenario, per year */
  Lane              *baseline;        /* per year: the baseline total */
  const Lane       **baselines;       /* per reached line: its baseline per year */
  Lane             **rows;            /* per reached line: its scenario per year */
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
      g_free (self->lines[r].fixed);
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
  g_free (self->triangles);
  g_free (self->slot_i);
  g_free (self->lines);
  g_free (self->ivs);
  g_free (self->cohorts);
  g_free (self->const_baseline);
  g_free (self->const_scenario);
  g_free (self->cost);
  g_free (self->baseline);
  g_free (self->baselines);
  g_free (self->rows);
  g_free (self->cumulative);
  g_free (self);
}

G_ALWAYS_INLINE static inline void
lane_fill (Lane   *lane,
           double  value)
{
  for (int h = 0; h < H; h++)
    lane->v[h] = (V4) { value, value, value, value };
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
           Lane          **slot_d,
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
      *slot_d = &self->scenario_idx;
      for (guint i = 0; i < sc->lines->len; i++)
        if (!((PmdLine *) g_ptr_array_index (sc->lines, i))->has_indexation)
          line_live[i] = TRUE;
      return TRUE;
    }
  if (param->d == &sc->funding.base || param->d == &sc->funding.growth)
    {
      self->funding_live = TRUE;
      *slot_d = param->d == &sc->funding.base ? &self->funding_base : &self->funding_growth;
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
                  lane_fill (&lc->points[m], g_array_index (cohort->points, PmdYearValue, m).value);
              }
            *slot_d = &lc->points[j];
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
      Lane *const lanes[] = { &li->fraction, &li->cost_ratio, &li->amount, &li->ret, &li->one_off, &li->structural };
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
 * @ranges: (array length=n_params): their ranges
 * @modes: (array length=n_params): their values in @scenario
 *
 * Returns: (nullable): the lanes; NULL without @error set when a parameter
 *   cannot be drawn in lanes
 */
PmdLanes *
_pmd_lanes_new (PmdScenario    *sc,
                const PmdParam *params,
                const PmdRange *ranges,
                const double   *modes,
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
  self->slot_d = g_new0 (Lane *, MAX (1, n_params));
  self->slot_i = g_new0 (int *, MAX (1, n_params));
  self->triangles = g_new0 (Triangle, MAX (1, n_params));
  for (guint k = 0; k < n_params; k++)
    {
      Triangle *tri = &self->triangles[k];

      tri->low = ranges[k].low;
      tri->mode = modes[k];
      tri->high = ranges[k].high;
      tri->span = tri->high - tri->low;
      tri->below = tri->mode - tri->low;
      tri->above = tri->high - tri->mode;
      tri->cut = tri->span > 0 ? tri->below / tri->span : 0;
    }
  self->ivs = g_new0 (LaneIntervention, MAX (1, sc->interventions->len));
  self->n_ivs = sc->interventions->len;
  self->cohorts = g_new0 (LaneCohort, MAX (1, sc->cohorts->len));
  lane_fill (&self->scenario_idx, sc->indexation);
  lane_fill (&self->funding_base, sc->funding.base);
  lane_fill (&self->funding_growth, sc->funding.growth);

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
      self->cohorts[c].d = g_new (Lane, n);
      if (!self->cohorts[c].live)
        for (int t = 0; t < n; t++)
          lane_fill (&self->cohorts[c].d[t], self->p->scratch[c * n + t]);
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
          lane_fill (&ll->base_cost, l->base_cost);
          lane_fill (&ll->growth, l->growth);
          lane_fill (&ll->elasticity, l->elasticity);
          lane_fill (&ll->indexation, l->has_indexation ? l->indexation : sc->indexation);
          if (ll->live)
            {
              ll->steps = g_new (double, n);
              for (int t = 0; t < n; t++)
                ll->steps[t] = l->steps->len ? _pmd_steps_factor (l->steps, sc->base_year + t) : 1.0;
              ll->lanes = g_new (Lane, n);
              ll->row = ll->lanes;
            }
          else
            {
              ll->fixed = g_new (Lane, n);
              for (int t = 0; t < n; t++)
                lane_fill (&ll->fixed[t], ll->base[t]);
            }
        }
      }
  }
  for (guint k = 0; k < n_params; k++)
    if (pending[k] >= 0)
      {
        LaneLine *ll = &self->lines[position[pending[k]]];
        PmdLine *l = g_ptr_array_index (sc->lines, pending[k]);

        self->slot_d[k] = params[k].d == &l->base_cost ? &ll->base_cost :
                          params[k].d == &l->growth ? &ll->growth :
                          params[k].d == &l->elasticity ? &ll->elasticity : &ll->indexation;
      }

  for (guint k = 0; k < self->n_ivs; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      LaneIntervention *li = &self->ivs[k];

      li->iv = iv;
      li->s = position[iv->source_idx];
      li->g = position[iv->target_idx];
      lane_fill (&li->fraction, iv->fraction);
      lane_fill (&li->cost_ratio, iv->cost_ratio);
      lane_fill (&li->amount, iv->amount);
      lane_fill (&li->ret, iv->ret);
      lane_fill (&li->one_off, iv->one_off);
      lane_fill (&li->structural, iv->structural);
      lane_fill_int (li->start, iv->start);
      lane_fill_int (li->end, iv->end);
      lane_fill_int (li->lag, iv->lag);
      lane_fill_int (li->ramp_years, iv->ramp_years);
      li->first = n;
      li->last = -1;
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
              if (active)
                {
                  li->first = MIN (li->first, t);
                  li->last = t;
                }
            }
        }
    }
  self->cost = g_new (Lane, (gsize) MAX (1, self->n_lines) * n);
  self->baselines = g_new (const Lane *, MAX (1, self->n_lines));
  self->rows = g_new (Lane *, MAX (1, self->n_lines));
  for (int r = 0; r < self->n_lines; r++)
    {
      LaneLine *ll = &self->lines[r];

      if (!ll->live)
        ll->row = self->cost + (gsize) r * n;
      self->baselines[r] = ll->live ? ll->lanes : ll->fixed;
      self->rows[r] = ll->row;
    }
  self->baseline = g_new (Lane, n);
  self->cumulative = g_new (Lane, n);
  return g_steal_pointer (&self);
}

/* (double) x × 2⁻⁵³ of x < 2⁵³ in every lane, exactly as a scalar
 * conversion (there is no vector conversion of 64-bit integers before
 * AVX-512DQ): the high and the low 32 bits are each exact as the mantissa
 * of 2⁵² + them, and so is their sum, x itself. */
G_ALWAYS_INLINE static inline V4
to_unit (V4u x)
{
  const V4u exponent = { 0x4330000000000000, 0x4330000000000000, 0x4330000000000000, 0x4330000000000000 };
  V4 high = (V4) ((x >> 32) | exponent) - 4503599627370496.0;
  V4 low = (V4) ((x & 0xffffffff) | exponent) - 4503599627370496.0;

  return (high * 4294967296.0 + low) * (1.0 / 9007199254740992.0);
}

/* triangular_inverse() of pmd-uncertainty.c in every lane: the same
 * operations on the same numbers (this file is built with -fno-math-errno,
 * so that sqrt is an instruction, which rounds as the library does). */
G_ALWAYS_INLINE static inline void
triangular_inverse (const Triangle *tri,
                    const double   *u,
                    Lane           *draw)
{
  if (tri->span <= 0)
    {
      lane_fill (draw, tri->mode);
      return;
    }
  {
    double low = tri->low, high = tri->high, span = tri->span, below = tri->below, above = tri->above;
    double cut = tri->cut, out[L];

    /* One square root a lane, of the side the lane is on. Kept a loop for
     * the vectorizer (unrolled, its sqrt stay scalar). */
#pragma GCC unroll 1
    for (int l = 0; l < L; l++)
      {
        gboolean left = u[l] < cut;
        double root = sqrt (left ? u[l] * span * below : (1 - u[l]) * span * above);

        out[l] = left ? low + root : high - root;
      }
    memcpy (draw, out, sizeof out);
  }
}

/* x^k for a whole k, by squaring, in every lane: the same products, in
 * the same order, as a scalar power of each lane. */
G_ALWAYS_INLINE static inline void
lane_power (Lane       *result,
            const Lane *base,
            int         k)
{
  Lane x = *base;
  unsigned m = (unsigned) ABS (k);

  lane_fill (result, 1.0);
  for (; m != 0; m >>= 1)
    for (int h = 0; h < H; h++)
      {
        if (m & 1)
          result->v[h] *= x.v[h];
        x.v[h] *= x.v[h];
      }
  if (k < 0)
    for (int h = 0; h < H; h++)
      result->v[h] = 1.0 / result->v[h];
}

/* pmd_cohort_value_at() for every year and lane, then D(y) = V(y) / V(base)
 * (the base year is the first): one pow per segment and lane, then products. */
G_ALWAYS_INLINE static inline void
compute_cohort (PmdLanes *self,
                guint     c)
{
  const PmdCohort *cohort = g_ptr_array_index (self->sc->cohorts, c);
  const PmdYearValue *p = (const PmdYearValue *) cohort->points->data;
  guint n_points = cohort->points->len;
  LaneCohort *lc = &self->cohorts[c];
  const Lane *points = lc->points;
  Lane rate, base = { 0 };
  guint seg = G_MAXUINT;

  for (int t = 0; t < self->n; t++)
    {
      int year = self->sc->base_year + t;
      Lane *value = &lc->d[t];
      guint s = 0;

      if (n_points == 1)
        *value = points[0];
      else
        {
          while (s + 2 < n_points && year > p[s + 1].year)
            s++;
          if (s != seg)
            {
              double exponent = 1.0 / (double) (p[s + 1].year - p[s].year);

              seg = s;
              for (int l = 0; l < L; l++)
                rate.d[l] = pow (points[s + 1].d[l] / points[s].d[l], exponent);
            }
          if (year == p[s].year)
            *value = points[s];
          else if (year == p[s + 1].year)
            *value = points[s + 1];
          else
            {
              lane_power (value, &rate, year - p[s].year);
              for (int h = 0; h < H; h++)
                value->v[h] = points[s].v[h] * value->v[h];
            }
        }
      if (t == 0)
        base = *value;
      for (int h = 0; h < H; h++)
        value->v[h] = value->v[h] / base.v[h];
    }
}

G_ALWAYS_INLINE static inline void
compute_line (PmdLanes *self,
              LaneLine *ll)
{
  const Lane *idx = ll->scenario_idx ? &self->scenario_idx : &ll->indexation;
  const Lane *d = ll->driver >= 0 ? self->cohorts[ll->driver].d : NULL;   /* broadcast when no range reaches it */
  V4 growth[H], price[H], grow[H], index[H];

  for (int h = 0; h < H; h++)
    {
      growth[h] = price[h] = (V4) { 1.0, 1.0, 1.0, 1.0 };
      grow[h] = 1.0 + ll->growth.v[h];
      index[h] = 1.0 + idx->v[h];
    }
  for (int t = 0; t < self->n; t++)
    for (int h = 0; h < H; h++)
      {
        V4 volume;

        if (d != NULL)
          volume = growth[h] * (1.0 + ll->elasticity.v[h] * (d[t].v[h] - 1.0)) * ll->steps[t];
        else
          volume = growth[h] * ll->steps[t];   /* demo = 1 */
        ll->lanes[t].v[h] = ll->base_cost.v[h] * volume * price[h];
        growth[h] *= grow[h];
        price[h] *= index[h];
      }
}

/* One intervention in one year, its timing drawn per lane: @src and @dst
 * are its source's and target's cost that year. */
static void
apply_varying (const LaneIntervention *li,
               int                     year,
               Lane                   *src_lane,
               Lane                   *dst_lane)
{
  const PmdIntervention *iv = li->iv;
  double *src = src_lane->d, *dst = dst_lane->d;

  for (int l = 0; l < L; l++)
    {
      double r;

      if (!iv->enabled || year < li->start[l] || (iv->has_end && year > li->end[l]))
        continue;
      r = _pmd_ramp (year, li->start[l], li->lag[l], li->ramp_years[l]);
      if (iv->type == PMD_INTERVENTION_SHIFT)
        {
          double moved = li->fraction.d[l] * r * src[l];
          src[l] -= moved;
          dst[l] += li->cost_ratio.d[l] * moved;
          dst[l] += li->structural.d[l];
        }
      else
        {
          double avoided = MIN (li->ret.d[l] * li->amount.d[l] * r, src[l]);
          dst[l] += li->amount.d[l];
          src[l] -= avoided;
        }
      if (year == li->start[l])
        dst[l] += li->one_off.d[l];
    }
}

/* One intervention in every year it is active, its timing fixed: as
 * _pmd_intervention_apply(), without the clients. Each year on its own,
 * so the years may come in any order. */
G_ALWAYS_INLINE static inline void
apply (const LaneIntervention *li,
       Lane                   *src,
       Lane                   *dst)
{
  if (li->iv->type == PMD_INTERVENTION_SHIFT)
    for (int t = li->first; t <= li->last; t++)
      for (int h = 0; h < H; h++)
        {
          V4 moved = li->fraction.v[h] * li->ramp[t] * src[t].v[h];
          src[t].v[h] -= moved;
          dst[t].v[h] += li->cost_ratio.v[h] * moved;
          dst[t].v[h] += li->structural.v[h];
        }
  else
    for (int t = li->first; t <= li->last; t++)
      for (int h = 0; h < H; h++)
        {
          V4 cap = li->ret.v[h] * li->amount.v[h] * li->ramp[t];
          V4 avoided = V4_SELECT (cap < src[t].v[h], cap, src[t].v[h]);
          dst[t].v[h] += li->amount.v[h];
          src[t].v[h] -= avoided;
        }
  if (li->first <= li->last && li->starts[li->first])
    for (int h = 0; h < H; h++)
      dst[li->first].v[h] += li->one_off.v[h];
}

/* Per year, @first plus each of the @n_rows rows in turn (as a projection
 * adds up its lines), the sum held in registers. */
G_ALWAYS_INLINE static inline void
sum_rows (const Lane *const *rows,
          int                n_rows,
          const double      *first,
          int                n,
          Lane              *sums)
{
  for (int t = 0; t < n; t++)
    {
      Lane sum;

      lane_fill (&sum, first[t]);
      for (int r = 0; r < n_rows; r++)
        for (int h = 0; h < H; h++)
          sum.v[h] += rows[r][t].v[h];
      sums[t] = sum;
    }
}

/* The first lane whose numbers are not all finite, or −1; @bad_year gets
 * its first such year. */
static int
first_bad_lane (const double *total,
                const double *gap,
                const double *savings,
                const Lane   *check,
                int           n,
                int          *bad_year)
{
  for (int l = 0; l < L; l++)
    if (check->d[l] != 0.0)
      for (int t = 0; t < n; t++)
        if (!isfinite (total[t * L + l]) || !isfinite (gap[t * L + l]) || !isfinite (savings[t * L + l]))
          {
            *bad_year = t;
            return l;
          }
  return -1;
}

/**
 * _pmd_lanes_run:
 * @seed: the Monte Carlo's seed
 * @first: the run in the first lane
 * @last: the run after the last one: lanes from @last − @first on repeat
 *   the run before it (their numbers are to be dropped)
 * @total: (out): [t][PMD_LANES] scenario totals
 * @gap: (out): the same for the gap
 * @savings: (out): the same for the savings
 * @payback: (out): per lane, the payback year or 0
 * @bad_year: (out): with a lane that failed, the year index that overflowed
 *
 * Returns: the first lane whose numbers are not all finite, or −1
 */
PMD_SIMD_CLONES int
_pmd_lanes_run (PmdLanes     *self,
                guint32       seed,
                guint         first,
                guint         last,
                double       *total,
                double       *gap,
                double       *savings,
                int          *payback,
                int          *bad_year)
{
  const PmdScenario *sc = self->sc;
  int n = self->n;
  Lane check;
  V4 cumulative[H], growth[H], funding_growth[H];

  V4u stream[H];

  /* Each run's stream (pmd-random-private.h), a lane each: its uniform
   * draws, one per parameter in order, made into draws of the parameter's
   * triangular distribution. */
  for (int h = 0; h < H; h++)
    {
      V4u run;

      for (int i = 0; i < 4; i++)
        run[i] = MIN (first + 4 * h + i, last - 1);
      stream[h] = PMD_RUN_STREAM_START (seed, run);
    }
  for (guint k = 0; k < self->n_slots; k++)
    {
      Lane uniform, draw;

      for (int h = 0; h < H; h++)
        {
          stream[h] += PMD_GOLDEN_GAMMA;
          uniform.v[h] = to_unit (PMD_MIX64 (stream[h]) >> 11);
        }
      triangular_inverse (&self->triangles[k], uniform.d, &draw);
      if (self->slot_d[k] != NULL)
        *self->slot_d[k] = draw;
      else if (self->slot_i[k] != NULL)
        for (int l = 0; l < L; l++)
          self->slot_i[k][l] = (int) lround (CLAMP (draw.d[l], -1e6, 1e6));
    }
  for (guint c = 0; c < sc->cohorts->len; c++)
    if (self->cohorts[c].live)
      compute_cohort (self, c);
  for (int r = 0; r < self->n_lines; r++)
    if (self->lines[r].live)
      compute_line (self, &self->lines[r]);

  /* The baseline total, before the interventions change the live lines'
   * baselines into their scenario in place; then the interventions, one
   * after the other in list order, each in every year, and the scenario
   * total. Every year is computed on its own, and in each the same steps
   * come in the same order as in a projection. */
  sum_rows (self->baselines, self->n_lines, self->const_baseline, n, self->baseline);
  for (int r = 0; r < self->n_lines; r++)
    if (!self->lines[r].live)
      memcpy (self->lines[r].row, self->lines[r].fixed, sizeof (Lane) * n);
  for (guint k = 0; k < self->n_ivs; k++)
    {
      const LaneIntervention *li = &self->ivs[k];
      Lane *src = self->lines[li->s].row, *dst = self->lines[li->g].row;

      if (li->timing_varies)
        for (int t = 0; t < n; t++)
          apply_varying (li, sc->base_year + t, &src[t], &dst[t]);
      else
        apply (li, src, dst);
    }
  sum_rows ((const Lane *const *) self->rows, self->n_lines, self->const_scenario, n, (Lane *) total);

  lane_fill (&check, 0.0);
  for (int h = 0; h < H; h++)
    {
      cumulative[h] = (V4) { 0.0, 0.0, 0.0, 0.0 };
      growth[h] = (V4) { 1.0, 1.0, 1.0, 1.0 };
      funding_growth[h] = 1.0 + self->funding_growth.v[h];
    }
  for (int t = 0; t < n; t++)
    {
      int year = sc->base_year + t;
      Lane *ts = (Lane *) (total + t * L), *tg = (Lane *) (gap + t * L), *tv = (Lane *) (savings + t * L);
      const Lane *tb = &self->baseline[t];
      Lane funding = { 0 };

      if (self->funding_live)
        {
          for (int h = 0; h < H; h++)
            {
              funding.v[h] = self->funding_base.v[h] * growth[h];
              growth[h] *= funding_growth[h];
            }
          for (guint k = 0; k < sc->funding.steps->len; k++)
            {
              const PmdYearValue *s = &g_array_index (sc->funding.steps, PmdYearValue, k);
              if (s->year <= year)
                for (int h = 0; h < H; h++)
                  funding.v[h] += s->value;
            }
        }
      else
        lane_fill (&funding, self->p->funding[t]);

      /* x × 0 is 0 for a finite x, NaN for ±inf and NaN: check stays 0
       * while every number of the lane is finite. */
      for (int h = 0; h < H; h++)
        {
          tv->v[h] = tb->v[h] - ts->v[h];
          cumulative[h] += tv->v[h];
          self->cumulative[t].v[h] = cumulative[h];
          tg->v[h] = ts->v[h] - funding.v[h];
          check.v[h] += ts->v[h] * 0.0 + tg->v[h] * 0.0 + tv->v[h] * 0.0;
        }
    }

  /* As the projection's: the first year with S(y) > 0 after which S never
   * drops below zero, every lane at once. */
  for (int h = 0; h < H; h++)
    {
      V4 paid_from = { -1.0, -1.0, -1.0, -1.0 };
      V4i stop = { 0, 0, 0, 0 };

      for (int t = n - 1; t >= 0; t--)
        {
          V4 c = self->cumulative[t].v[h];
          V4i paid;

          stop |= c < -PAYBACK_EPSILON;
          paid = ~stop & (c > PAYBACK_EPSILON);
          paid_from = V4_SELECT (paid, ((V4) { t, t, t, t }), paid_from);
        }
      for (int i = 0; i < 4; i++)
        payback[h * 4 + i] = paid_from[i] >= 0 ? sc->base_year + (int) paid_from[i] : 0;
    }
  return first_bad_lane (total, gap, savings, &check, n, bad_year);
}
