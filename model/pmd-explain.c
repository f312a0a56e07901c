/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-explain.h"
#include "pmd-format.h"
#include "pmd-projection-private.h"

/*
 * "Waar komt dat getal vandaan?" Every figure of a projection as a tree of
 * what it is made of, in the same steps as the bridge chart: a line's cost
 * in a year is its cost in the base year, plus what demography, volume
 * growth, steps and indexation add (its baseline), plus what each
 * intervention moves or avoids there and what it spends there. Totals are
 * sums of lines; the gap is the total cost minus the funding; the funding
 * is its base, its growth and its steps. Each leaf names the input it rests
 * on and where that comes from.
 *
 * The last baseline step is taken as what is left to the projection's own
 * baseline, and the interventions are stepped with the projection's own
 * function, so a node is the sum of its children to far less than a cent.
 */

/* One year: what each intervention did to its source and its target. */
typedef struct
{
  const PmdScenario   *sc;
  const PmdProjection *p;
  int                  year;
  int                  t;
  double              *on_source;  /* per intervention: cost change of its source */
  double              *on_target;  /* per intervention: of its target, without what it spends */
  double              *recurring;  /* per intervention: amount or structural spent */
  double              *one_off;    /* per intervention: one-off cost spent */
} Year;

static void
year_clear (Year *y)
{
  g_clear_pointer (&y->on_source, g_free);
  g_clear_pointer (&y->on_target, g_free);
  g_clear_pointer (&y->recurring, g_free);
  g_clear_pointer (&y->one_off, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Year, year_clear)

static gboolean
is_active (const PmdIntervention *iv,
           int                    year)
{
  return iv->enabled && year >= iv->start && !(iv->has_end && year > iv->end);
}

static void
year_init (Year                *y,
           const PmdScenario   *sc,
           const PmdProjection *p,
           int                  t)
{
  guint n_iv = sc->interventions->len;
  int n = p->n_years;
  g_autofree double *cost = g_new (double, MAX (1, p->n_lines));
  g_autofree double *clients = g_new (double, MAX (1, p->n_lines));

  y->sc = sc;
  y->p = p;
  y->t = t;
  y->year = p->base_year + t;
  y->on_source = g_new0 (double, MAX (1u, n_iv));
  y->on_target = g_new0 (double, MAX (1u, n_iv));
  y->recurring = g_new0 (double, MAX (1u, n_iv));
  y->one_off = g_new0 (double, MAX (1u, n_iv));
  for (int i = 0; i < p->n_lines; i++)
    {
      cost[i] = p->line_baseline[i * n + t];
      clients[i] = p->line_baseline_clients[i * n + t];
    }
  for (guint k = 0; k < n_iv; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      double source = cost[iv->source_idx], target = cost[iv->target_idx];
      double spent = _pmd_intervention_apply (iv, y->year, cost, clients);

      y->on_source[k] = cost[iv->source_idx] - source;
      y->on_target[k] = cost[iv->target_idx] - target - spent;
      if (is_active (iv, y->year))
        {
          y->one_off[k] = y->year == iv->start ? iv->one_off : 0.0;
          y->recurring[k] = spent - y->one_off[k];
        }
    }
}

/* Nodes */

static PmdExplanation *
node_new (char    *label,
          double   value,
          PmdUnit  unit)
{
  PmdExplanation *self = g_new0 (PmdExplanation, 1);

  self->label = label;
  self->value = value;
  self->unit = unit;
  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_explanation_free);
  return self;
}

void
pmd_explanation_free (PmdExplanation *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->path);
  g_free (self->input);
  g_free (self->source);
  g_ptr_array_unref (self->children);
  g_free (self);
}

/**
 * pmd_source_is_assumption:
 * @source: (nullable): the provenance of a number
 *
 * Returns: %TRUE when the number is an assumption rather than taken from a
 *   document: it has no source, or its source says "aanname: …"
 */
gboolean
pmd_source_is_assumption (const char *source)
{
  return source == NULL || g_ascii_strncasecmp (source, "aanname", 7) == 0;
}

static void
set_source (PmdExplanation *self,
            const char     *source)
{
  g_free (self->source);
  self->source = g_strdup (source);
  self->assumption = pmd_source_is_assumption (source);
}

/* A money leaf resting on the parameter @path: its value for people and
 * its source come from the scenario. */
static PmdExplanation *
leaf_new (const PmdScenario *sc,
          PmdExplainPart     part,
          char              *label,
          double             value,
          const char        *path)
{
  PmdExplanation *self = node_new (label, value, PMD_UNIT_MONEY);

  self->part = part;
  double input;

  self->path = g_strdup (path);
  if (pmd_scenario_get_param ((PmdScenario *) sc, path, &input, NULL))
    self->input = pmd_scenario_format_param (path, input);
  set_source (self, pmd_scenario_get_param_source (sc, path));
  return self;
}

/* A leaf for a list of steps, which has no single number: its input reads
 * "2027: +5,0%; 2030: −2,0%" or "2026: € −3,0 mln". */
static PmdExplanation *
steps_leaf_new (PmdExplainPart part,
                char         *label,
                double        value,
                char         *path,
                const GArray *steps,
                int           year,
                gboolean      money,
                const char   *source)
{
  PmdExplanation *self = node_new (label, value, PMD_UNIT_MONEY);
  GString *input = g_string_new (NULL);

  self->part = part;
  self->path = path;
  for (guint k = 0; k < steps->len; k++)
    {
      const PmdYearValue *s = &g_array_index (steps, PmdYearValue, k);
      g_autofree char *v = NULL;

      if (s->year > year)
        continue;
      v = money ? pmd_format_euro_compact (s->value) : pmd_format_percent (s->value, 1);
      g_string_append_printf (input, "%s%d: %s", input->len > 0 ? "; " : "", s->year, v);
    }
  self->input = g_string_free (input, FALSE);
  set_source (self, source);
  return self;
}

static PmdExplanation *
add (PmdExplanation *parent,
     PmdExplanation *child)
{
  g_ptr_array_add (parent->children, child);
  return child;
}

/* A step of the baseline that adds nothing (no growth, no indexation)
 * makes nothing up: it is left out. Less than half a cent is nothing (what
 * is left to the projection's baseline after the other steps can be a
 * rounding error), and leaves every sum right to the cent. */
static void
add_effect (PmdExplanation *parent,
            PmdExplanation *child)
{
  if (fabs (child->value) >= 0.005)
    add (parent, child);
  else
    pmd_explanation_free (child);
}

/* Multiplies a node and all it is made of by @factor: −1 to take it off,
 * a discount factor for today's value. */
static void
scale (PmdExplanation *self,
       double          factor)
{
  self->value *= factor;
  for (guint k = 0; k < self->children->len; k++)
    scale (g_ptr_array_index (self->children, k), factor);
}

static char *
intervention_path (const PmdIntervention *iv,
                   const char            *field)
{
  return g_strdup_printf ("interventions.%s.%s", iv->id, field);
}

/* What intervention @k spends in the year, one leaf a kind; @sign -1 for
 * the savings, which it lowers. */
static void
add_spending (PmdExplanation *parent,
              const Year     *y,
              guint           k,
              double          sign)
{
  const PmdIntervention *iv = g_ptr_array_index (y->sc->interventions, k);
  gboolean shift = iv->type == PMD_INTERVENTION_SHIFT;

  if (y->recurring[k] != 0.0)
    {
      g_autofree char *path = intervention_path (iv, shift ? "structural" : "amount");
      add (parent, leaf_new (y->sc, PMD_PART_SPENT,
                             g_strdup_printf (shift ? _("%s: structural cost") : _("%s: budget spent"), iv->name),
                             sign * y->recurring[k], path));
    }
  if (y->one_off[k] != 0.0)
    {
      g_autofree char *path = intervention_path (iv, "one_off");
      add (parent, leaf_new (y->sc, PMD_PART_SPENT, g_strdup_printf (_("%s: one-off cost"), iv->name),
                             sign * y->one_off[k], path));
    }
}

/* Figures */

static PmdExplanation *
line_node (const Year *y,
           int         i)
{
  const PmdScenario *sc = y->sc;
  const PmdProjection *p = y->p;
  const PmdLine *l = g_ptr_array_index (sc->lines, i);
  int n = p->n_years;
  double b = l->base_cost, d = 1.0, g = pow (1.0 + l->growth, y->t), s = 1.0;
  g_autofree char *base_cost = g_strdup_printf ("lines.%s.base_cost", l->id);
  g_autofree char *growth = g_strdup_printf ("lines.%s.growth", l->id);
  g_autofree char *indexation = l->has_indexation ? g_strdup_printf ("lines.%s.indexation", l->id)
                                                   : g_strdup ("scenario.indexation");
  PmdExplanation *node = node_new (g_strdup_printf (_("%s in %d"), l->name, y->year),
                                   p->line_scenario[i * n + y->t], PMD_UNIT_MONEY);

  add (node, leaf_new (sc, PMD_PART_BASE, g_strdup (_("Cost in the base year")), b, base_cost));
  if (l->driver_idx >= 0)
    {
      const PmdCohort *c = g_ptr_array_index (sc->cohorts, l->driver_idx);
      double ratio = pmd_cohort_value_at (c, y->year) / pmd_cohort_value_at (c, sc->base_year);
      g_autofree char *path = NULL;
      g_autofree char *e = pmd_format_percent (l->elasticity, 0);
      guint k = 0;
      PmdExplanation *leaf;

      /* The point that sets the trend in @year: the first at or after it. */
      while (k + 1 < c->points->len && g_array_index (c->points, PmdYearValue, k).year < y->year)
        k++;
      path = g_strdup_printf ("cohorts.%s.points.%u", c->id, k);
      d = 1.0 + l->elasticity * (ratio - 1.0);
      leaf = leaf_new (sc, PMD_PART_DEMOGRAPHY,
                       g_strdup_printf (_("Demography: %s (%s of the line moves with it)"), c->name, e),
                       b * (d - 1.0), path);
      g_clear_pointer (&leaf->input, g_free);
      leaf->input = pmd_format_number (pmd_cohort_value_at (c, y->year), 0);
      add_effect (node, leaf);
    }
  add_effect (node, leaf_new (sc, PMD_PART_GROWTH, g_strdup (_("Volume growth")), b * d * (g - 1.0), growth));
  if (l->steps->len > 0)
    {
      const char *source = pmd_sources_lookup (l->sources, "steps");

      for (guint k = 0; k < l->steps->len; k++)
        if (g_array_index (l->steps, PmdYearValue, k).year <= y->year)
          s *= 1.0 + g_array_index (l->steps, PmdYearValue, k).value;
      add_effect (node, steps_leaf_new (PMD_PART_STEPS, g_strdup (_("Steps in volume")), b * d * g * (s - 1.0),
                                 g_strdup_printf ("lines.%s.steps", l->id), l->steps, y->year, FALSE,
                                 source != NULL ? source : l->source));
    }
  /* The price step: what is left to the projection's baseline. */
  add_effect (node, leaf_new (sc, PMD_PART_INDEXATION, g_strdup (_("Price indexation")),
                              p->line_baseline[i * n + y->t] - b * d * g * s,
                              indexation));

  for (guint k = 0; k < sc->interventions->len; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      gboolean shift = iv->type == PMD_INTERVENTION_SHIFT;

      if (iv->source_idx == i && y->on_source[k] != 0.0)
        {
          g_autofree char *path = intervention_path (iv, shift ? "fraction" : "return");
          add (node, leaf_new (sc, PMD_PART_AVOIDED,
                               g_strdup_printf (shift ? _("%s: care moved away") : _("%s: cost avoided"), iv->name),
                               y->on_source[k], path));
        }
      if (iv->target_idx == i && y->on_target[k] != 0.0)
        {
          g_autofree char *path = intervention_path (iv, "cost_ratio");
          add (node, leaf_new (sc, PMD_PART_AVOIDED, g_strdup_printf (_("%s: care moved here"), iv->name),
                               y->on_target[k], path));
        }
      if (iv->target_idx == i)
        add_spending (node, y, k, 1.0);
    }
  return node;
}

typedef enum
{
  BY_LAYER,
  BY_DOMAIN,
} Grouping;

static PmdExplanation *
group_node (const Year *y,
            Grouping    grouping,
            int         j)
{
  const PmdScenario *sc = y->sc;
  const PmdProjection *p = y->p;
  const char *name = grouping == BY_LAYER ? ((PmdLayer *) g_ptr_array_index (sc->layers, j))->name
                                          : ((PmdDomain *) g_ptr_array_index (sc->domains, j))->name;
  const double *series = grouping == BY_LAYER ? p->layer_scenario : p->domain_scenario;
  PmdExplanation *node = node_new (g_strdup_printf (_("%s in %d"), name, y->year), series[j * p->n_years + y->t],
                                   PMD_UNIT_MONEY);

  for (int i = 0; i < p->n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);

      if ((grouping == BY_LAYER ? l->layer_idx : l->domain_idx) == j)
        add (node, line_node (y, i));
    }
  return node;
}

static PmdExplanation *
total_node (const Year *y)
{
  PmdExplanation *node = node_new (g_strdup_printf (_("Total cost in %d"), y->year),
                                   y->p->total_scenario[y->t], PMD_UNIT_MONEY);

  for (guint j = 0; j < y->sc->layers->len; j++)
    add (node, group_node (y, BY_LAYER, j));
  return node;
}

static PmdExplanation *
investment_node (const Year *y)
{
  PmdExplanation *node = node_new (g_strdup_printf (_("Investment in %d"), y->year), y->p->investment[y->t],
                                   PMD_UNIT_MONEY);

  for (guint k = 0; k < y->sc->interventions->len; k++)
    add_spending (node, y, k, 1.0);
  return node;
}

/* The savings of a year: what each intervention took off the total, net
 * of what it spends. */
static PmdExplanation *
savings_node (const Year *y)
{
  const PmdScenario *sc = y->sc;
  PmdExplanation *node = node_new (g_strdup_printf (_("Savings in %d"), y->year), y->p->savings[y->t],
                                   PMD_UNIT_MONEY);

  for (guint k = 0; k < sc->interventions->len; k++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, k);
      double moved = y->on_source[k] + y->on_target[k];
      PmdExplanation *child;

      if (moved == 0.0 && y->recurring[k] == 0.0 && y->one_off[k] == 0.0)
        continue;
      child = add (node, node_new (g_strdup (iv->name), -(moved + y->recurring[k] + y->one_off[k]), PMD_UNIT_MONEY));
      if (moved != 0.0)
        {
          g_autofree char *path = intervention_path (iv, iv->type == PMD_INTERVENTION_SHIFT ? "fraction" : "return");
          add (child, leaf_new (sc, PMD_PART_AVOIDED, g_strdup (_("Care cost avoided or moved to lighter care")), -moved,
                                path));
        }
      add_spending (child, y, k, -1.0);
    }
  return node;
}

static PmdExplanation *
funding_node (const Year *y)
{
  const PmdScenario *sc = y->sc;
  const PmdFunding *f = &sc->funding;
  const char *steps_source = pmd_sources_lookup (f->sources, "steps");
  PmdExplanation *node = node_new (g_strdup_printf (_("Funding in %d"), y->year), y->p->funding[y->t],
                                   PMD_UNIT_MONEY);
  double steps = 0.0;

  add (node, leaf_new (sc, PMD_PART_FUNDING_BASE, g_strdup (_("Funding in the base year")), f->base, "funding.base"));
  for (guint k = 0; k < f->steps->len; k++)
    if (g_array_index (f->steps, PmdYearValue, k).year <= y->year)
      steps += g_array_index (f->steps, PmdYearValue, k).value;
  /* Growth: what is left to the projection's funding. */
  add_effect (node, leaf_new (sc, PMD_PART_FUNDING_GROWTH, g_strdup (_("Growth of the funding")),
                              y->p->funding[y->t] - f->base - steps,
                              "funding.growth"));
  if (steps != 0.0)
    add (node, steps_leaf_new (PMD_PART_FUNDING_STEPS, g_strdup (_("Changes to the funding")), steps,
                               g_strdup ("funding.steps"), f->steps,
                               y->year, TRUE, steps_source != NULL ? steps_source : f->source));
  return node;
}

static PmdExplanation *
gap_node (const Year *y)
{
  PmdExplanation *node = node_new (g_strdup_printf (_("Gap in %d"), y->year), y->p->gap[y->t], PMD_UNIT_MONEY);
  PmdExplanation *funding = funding_node (y);

  add (node, total_node (y));
  /* Taken off the cost: the funding, negated with all it is made of. */
  g_free (funding->label);
  funding->label = g_strdup_printf (_("Minus the funding in %d"), y->year);
  scale (funding, -1.0);
  add (node, funding);
  return node;
}

/* Every year from the base year to @y's: @per_year's node of each. */
static void
add_years (PmdExplanation *node,
           const Year     *last,
           PmdExplanation *(*per_year) (const Year *y, double discount),
           double          discount)
{
  for (int t = 0; t <= last->t; t++)
    {
      g_auto(Year) y = { 0 };

      year_init (&y, last->sc, last->p, t);
      add (node, per_year (&y, discount));
    }
}

static PmdExplanation *
savings_of_year (const Year *y,
                 double      discount)
{
  return savings_node (y);
}

/* A year's savings at today's value: (1 + r)^−t of them. */
static PmdExplanation *
discounted_savings (const Year *y,
                    double      discount)
{
  PmdExplanation *node = savings_node (y);

  g_free (node->label);
  node->label = g_strdup_printf (_("Savings in %d at today's value"), y->year);
  scale (node, 1.0 / pow (1.0 + discount, y->t));
  return node;
}

static PmdExplanation *
figure_node (const Year *y,
             PmdFigure   figure,
             int         index)
{
  const PmdProjection *p = y->p;
  PmdExplanation *node;

  switch (figure)
    {
    case PMD_FIGURE_LINE: return line_node (y, index);
    case PMD_FIGURE_LAYER: return group_node (y, BY_LAYER, index);
    case PMD_FIGURE_DOMAIN: return group_node (y, BY_DOMAIN, index);
    case PMD_FIGURE_TOTAL: return total_node (y);
    case PMD_FIGURE_INVESTMENT: return investment_node (y);
    case PMD_FIGURE_SAVINGS: return savings_node (y);
    case PMD_FIGURE_FUNDING: return funding_node (y);
    case PMD_FIGURE_GAP: return gap_node (y);
    case PMD_FIGURE_CUMULATIVE_SAVINGS:
      node = node_new (g_strdup_printf (_("Savings from %d to %d"), p->base_year, y->year),
                       p->cumulative_savings[y->t], PMD_UNIT_MONEY);
      add_years (node, y, savings_of_year, 0.0);
      return node;
    case PMD_FIGURE_NPV:
      {
        /* Over the whole horizon, as the projection's NPV. */
        g_auto(Year) last = { 0 };

        year_init (&last, y->sc, p, p->n_years - 1);
        node = node_new (g_strdup (_("Net present value of the savings")), p->npv, PMD_UNIT_MONEY);
        node->path = g_strdup ("scenario.discount_rate");
        node->input = pmd_scenario_format_param (node->path, y->sc->discount_rate);
        set_source (node, pmd_scenario_get_param_source (y->sc, node->path));
        add_years (node, &last, discounted_savings, y->sc->discount_rate);
        return node;
      }
    case PMD_FIGURE_PAYBACK:
    default:
      {
        /* The first year after which the savings summed stay above zero:
         * explained by the savings of each year. */
        g_auto(Year) last = { 0 };

        year_init (&last, y->sc, p, p->n_years - 1);
        node = node_new (p->has_payback ? g_strdup (_("The interventions pay for themselves"))
                                        : g_strdup (_("The interventions do not pay for themselves within the horizon")),
                         p->has_payback ? p->payback_year : NAN, PMD_UNIT_YEAR);
        add_years (node, &last, savings_of_year, 0.0);
        return node;
      }
    }
}

/**
 * pmd_figure_parse:
 * @output: an output path as the sensitivity and goal seek name them:
 *   "totals.<scenario|investment|savings|cumulative_savings|funding|gap>",
 *   "lines.<id>.scenario", "layers.<id>.scenario", "domains.<id>.scenario",
 *   "npv" or "payback_year"
 * @figure: (out): the figure
 * @id: (out) (transfer full): the line, layer or domain, or NULL
 *
 * Returns: %FALSE with @error set when @output names no figure that can be
 *   explained
 */
gboolean
pmd_figure_parse (const char  *output,
                  PmdFigure   *figure,
                  char       **id,
                  GError     **error)
{
  static const struct { const char *name; PmdFigure figure; } totals[] = {
    { "totals.scenario", PMD_FIGURE_TOTAL }, { "totals.investment", PMD_FIGURE_INVESTMENT },
    { "totals.savings", PMD_FIGURE_SAVINGS }, { "totals.cumulative_savings", PMD_FIGURE_CUMULATIVE_SAVINGS },
    { "totals.funding", PMD_FIGURE_FUNDING }, { "totals.gap", PMD_FIGURE_GAP },
    { "npv", PMD_FIGURE_NPV }, { "payback_year", PMD_FIGURE_PAYBACK },
  };
  static const struct { const char *prefix; PmdFigure figure; } groups[] = {
    { "lines", PMD_FIGURE_LINE }, { "layers", PMD_FIGURE_LAYER }, { "domains", PMD_FIGURE_DOMAIN },
  };
  g_auto(GStrv) parts = g_strsplit (output, ".", 3);

  *id = NULL;
  for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
    if (g_str_equal (output, totals[k].name))
      {
        *figure = totals[k].figure;
        return TRUE;
      }
  if (g_strv_length (parts) == 3 && g_str_equal (parts[2], "scenario"))
    for (guint k = 0; k < G_N_ELEMENTS (groups); k++)
      if (g_str_equal (parts[0], groups[k].prefix))
        {
          *figure = groups[k].figure;
          *id = g_strdup (parts[1]);
          return TRUE;
        }
  {
    g_autofree char *shown = pmd_format_escape_text (output);

    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                 _("“%s” is not a figure that can be explained (for example totals.gap, "
                   "lines.wmo-maatwerk.scenario, npv)"), shown);
  }
  return FALSE;
}

/* The index of @id in the collection @figure needs one of, or -1 when it
 * needs none; sets @error for an unknown id. */
static gboolean
find_item (const PmdScenario *sc,
           PmdFigure          figure,
           const char        *id,
           int               *index,
           GError           **error)
{
  const char *what;

  switch (figure)
    {
    case PMD_FIGURE_LINE: *index = pmd_scenario_find_line (sc, id ? id : ""); what = _("cost line"); break;
    case PMD_FIGURE_LAYER: *index = pmd_scenario_find_layer (sc, id ? id : ""); what = _("layer"); break;
    case PMD_FIGURE_DOMAIN: *index = pmd_scenario_find_domain (sc, id ? id : ""); what = _("domain"); break;
    default: *index = -1; return TRUE;
    }
  if (*index >= 0)
    return TRUE;
  {
    g_autofree char *shown = pmd_format_escape_text (id ? id : "");

    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE, _("The scenario has no %s “%s”"), what,
                 shown);
  }
  return FALSE;
}

/**
 * pmd_explain:
 * @scenario: a scenario (with its variant applied, when one is shown)
 * @projection: its projection
 * @figure: what to explain
 * @id: (nullable): the line, layer or domain, for those figures
 * @year: the year, in the projection
 * @error: an unknown id or a year outside the projection
 *
 * Returns: (transfer full) (nullable): the tree of what the figure is made of
 */
PmdExplanation *
pmd_explain (const PmdScenario   *scenario,
             const PmdProjection *projection,
             PmdFigure            figure,
             const char          *id,
             int                  year,
             GError             **error)
{
  int t = pmd_projection_year_index (projection, year);
  g_auto(Year) y = { 0 };
  int index;

  g_return_val_if_fail (scenario != NULL && projection != NULL, NULL);
  g_return_val_if_fail (projection->n_lines == (int) scenario->lines->len, NULL);

  if (t < 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("%d lies outside the projection (%d–%d)"), year, projection->base_year,
                   projection->base_year + projection->n_years - 1);
      return NULL;
    }
  if (!find_item (scenario, figure, id, &index, error))
    return NULL;
  year_init (&y, scenario, projection, t);
  return figure_node (&y, figure, index);
}

/* Text */

static void
append_node (GString              *out,
             const PmdExplanation *node,
             int                   depth)
{
  g_autofree char *value = NULL;

  if (node->unit == PMD_UNIT_YEAR)
    value = isnan (node->value) ? g_strdup (_("none")) : g_strdup_printf ("%d", (int) node->value);
  else
    value = pmd_format_euro_compact (node->value);
  if (depth == 0)
    g_string_append_printf (out, node->children->len > 0 ? _("%s: %s, made up of:") : "%s: %s", node->label, value);
  else
    g_string_append_printf (out, "%*s- %s: %s", depth * 2 - 2, "", node->label, value);
  if (node->input != NULL)
    g_string_append_printf (out, _(" (input: %s)"), node->input);
  if (node->path != NULL)
    {
      if (node->source != NULL)
        g_string_append_printf (out, node->assumption ? _("; assumption: %s") : _("; source: %s"),
                                node->assumption && g_ascii_strncasecmp (node->source, "aanname: ", 9) == 0
                                ? node->source + 9 : node->source);
      else
        g_string_append (out, _("; assumption without a source"));
    }
  g_string_append_c (out, '\n');
  for (guint k = 0; k < node->children->len; k++)
    append_node (out, g_ptr_array_index (node->children, k), depth + 1);
}

/**
 * pmd_explanation_to_text:
 *
 * The tree in the user's language, one node a line, indented by depth.
 *
 * Returns: (transfer full): the text
 */
char *
pmd_explanation_to_text (const PmdExplanation *self)
{
  GString *out = g_string_new (NULL);

  append_node (out, self, 0);
  return g_string_free (out, FALSE);
}
