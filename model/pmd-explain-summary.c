/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-explain.h"
#include "pmd-format.h"

/*
 * An explanation tree as a short paragraph for the report's "Toelichting":
 * the figure, the inputs that contribute most, the assumptions it rests
 * on most and where the rest comes from. The leaves are added up by the
 * input they rest on, so that a figure over many years (the payback year,
 * the NPV) names each input once, with all it brought over those years.
 */

#define N_CONTRIBUTIONS 3
#define N_ASSUMPTIONS   2

typedef struct
{
  const PmdExplanation *leaf;  /* the first leaf that rests on it */
  char                 *words;
  double                value;
} Input;

static void
input_free (gpointer data)
{
  Input *in = data;

  g_free (in->words);
  g_free (in);
}

static void
collect_leaves (const PmdExplanation *node,
                const PmdScenario    *sc,
                GHashTable           *by_key,
                GPtrArray            *inputs)
{
  const char *key;
  Input *in;

  if (node->children->len > 0)
    {
      for (guint k = 0; k < node->children->len; k++)
        collect_leaves (g_ptr_array_index (node->children, k), sc, by_key, inputs);
      return;
    }
  if (node->unit != PMD_UNIT_MONEY || node->value == 0.0)
    return;
  key = node->path != NULL ? node->path : node->label;
  in = g_hash_table_lookup (by_key, key);
  if (in == NULL)
    {
      in = g_new0 (Input, 1);
      in->leaf = node;
      /* The input's own words name its line or intervention; a leaf
       * without one (a list of steps) keeps the tree's label. */
      if (node->path != NULL && pmd_param_facts (node->path) != NULL)
        in->words = pmd_scenario_describe_param (sc, node->path);
      else
        in->words = g_strdup (node->label);
      g_hash_table_insert (by_key, (gpointer) key, in);
      g_ptr_array_add (inputs, in);
    }
  in->value += node->value;
}

static int
compare_size (gconstpointer a,
              gconstpointer b)
{
  const Input *x = *(const Input **) a, *y = *(const Input **) b;
  double d = fabs (y->value) - fabs (x->value);

  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* "a, b and c" */
static char *
join_list (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < items->len; k++)
    {
      const char *item = g_ptr_array_index (items, k);

      if (k == 0)
        g_string_append (out, item);
      else if (k + 1 < items->len)
        g_string_append_printf (out, ", %s", item);
      else
        /* Translators: the last two items of a list: "a, b and c" */
        g_string_append_printf (out, _(" and %s"), item);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
source_text (const PmdExplanation *leaf)
{
  const char *s = leaf->source;

  if (s != NULL && leaf->assumption && g_ascii_strncasecmp (s, "aanname: ", 9) == 0)
    return s + 9;
  return s;
}

/* Every leaf's value added up by what it is. */
static void
sum_parts (const PmdExplanation *node,
           double               *parts)
{
  if (node->children->len == 0)
    {
      if (node->unit == PMD_UNIT_MONEY)
        parts[node->part] += node->value;
      return;
    }
  for (guint k = 0; k < node->children->len; k++)
    sum_parts (g_ptr_array_index (node->children, k), parts);
}

/* What the figure is made of, by kind: "€ 130,4 mln in the base year,
 * demography € 23,7 mln, …". The funding's parts are said apart (the gap is
 * the cost minus the funding). */
static void
append_parts (GString      *out,
              const double *parts)
{
  /* The words before the amount, or after it when @after. */
  static const struct { PmdExplainPart part; const char *words; gboolean after; } kinds[] = {
    /* Translators: the parts of a cost figure, each before or after its amount */
    { PMD_PART_BASE, N_("in the base year"), TRUE },
    { PMD_PART_DEMOGRAPHY, N_("demography"), FALSE },
    { PMD_PART_GROWTH, N_("volume growth"), FALSE },
    { PMD_PART_STEPS, N_("steps in volume"), FALSE },
    { PMD_PART_INDEXATION, N_("price indexation"), FALSE },
    { PMD_PART_AVOIDED, N_("care the interventions avoid or move"), FALSE },
    { PMD_PART_SPENT, N_("what the interventions spend"), FALSE },
  };
  static const struct { PmdExplainPart part; const char *words; gboolean after; } funding[] = {
    { PMD_PART_FUNDING_BASE, N_("in the base year"), TRUE },
    { PMD_PART_FUNDING_GROWTH, N_("growth"), FALSE },
    { PMD_PART_FUNDING_STEPS, N_("changes"), FALSE },
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (parts[kinds[k].part] != 0.0)
      {
        g_autofree char *amount = pmd_format_euro_compact (parts[kinds[k].part]);
        const char *words = _(kinds[k].words);

        g_ptr_array_add (items, kinds[k].after ? g_strdup_printf ("%s %s", amount, words)
                                               : g_strdup_printf ("%s %s", words, amount));
      }
  if (items->len > 1)
    {
      g_autofree char *list = join_list (items);

      /* The gap: the cost, then the funding taken off it. */
      if (parts[PMD_PART_FUNDING_BASE] != 0.0)
        /* Translators: what the cost in a gap is made of, a list of its parts */
        g_string_append_printf (out, _(" The cost: %s."), list);
      else
        /* Translators: what a cost figure is made of, a list of its parts */
        g_string_append_printf (out, _(" Made up of %s."), list);
    }
  g_ptr_array_set_size (items, 0);
  for (guint k = 0; k < G_N_ELEMENTS (funding); k++)
    if (parts[funding[k].part] != 0.0)
      {
        /* Taken off the cost in the gap: said as the funding is. */
        g_autofree char *amount = pmd_format_euro_compact (parts[funding[k].part] *
                                                           (parts[PMD_PART_FUNDING_BASE] < 0 ? -1 : 1));
        const char *words = _(funding[k].words);

        g_ptr_array_add (items, funding[k].after ? g_strdup_printf ("%s %s", amount, words)
                                                 : g_strdup_printf ("%s %s", words, amount));
      }
  if (items->len > 0)
    {
      g_autofree char *list = join_list (items);
      /* Translators: what the funding is made of */
      g_string_append_printf (out, _(" The funding: %s."), list);
    }
}

/* Savings over one or more years, by intervention: what each one avoided
 * or moved, net of what it spent. */
static void
append_interventions (GString              *out,
                      const PmdExplanation *self,
                      const PmdScenario    *scenario)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  g_autoptr(GPtrArray) net = g_ptr_array_new_with_free_func (input_free);
  g_autoptr(GHashTable) by_intervention = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  collect_leaves (self, scenario, by_key, inputs);
  for (guint k = 0; k < inputs->len; k++)
    {
      const Input *in = g_ptr_array_index (inputs, k);
      g_auto(GStrv) parts = NULL;
      Input *sum;
      int idx;

      if (in->leaf->path == NULL || !g_str_has_prefix (in->leaf->path, "interventions."))
        continue;
      parts = g_strsplit (in->leaf->path, ".", 3);
      sum = g_hash_table_lookup (by_intervention, parts[1]);
      if (sum == NULL && (idx = pmd_scenario_find_intervention (scenario, parts[1])) >= 0)
        {
          sum = g_new0 (Input, 1);
          sum->words = g_strdup (((PmdIntervention *) g_ptr_array_index (scenario->interventions, idx))->name);
          g_hash_table_insert (by_intervention, g_strdup (parts[1]), sum);
          g_ptr_array_add (net, sum);
        }
      if (sum != NULL)
        sum->value += in->value;
    }
  g_ptr_array_sort (net, compare_size);
  for (guint k = 0; k < MIN (net->len, N_CONTRIBUTIONS); k++)
    {
      const Input *in = g_ptr_array_index (net, k);
      g_autofree char *amount = pmd_format_euro_compact (in->value);

      g_ptr_array_add (items, g_strdup_printf ("%s (%s)", in->words, amount));
    }
  if (items->len > 0)
    {
      g_autofree char *list = join_list (items);
      /* Translators: the interventions that save most, net of what they cost */
      g_string_append_printf (out, _(" By intervention, net of what it costs: %s."), list);
    }
}

/**
 * pmd_explanation_summarize:
 * @self: an explanation (pmd_explain())
 * @scenario: the scenario it explains, for the inputs' words
 *
 * The figure in a short paragraph: its value; what a cost is made of (the
 * base year, demography, growth, steps, indexation, the interventions) and
 * for the gap also the funding; for savings, the payback year and the NPV
 * each intervention's part; the main assumptions and the sources of the
 * largest inputs.
 *
 * Returns: (transfer full): the paragraph
 */
char *
pmd_explanation_summarize (const PmdExplanation *self,
                           const PmdScenario    *scenario)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *value = NULL;
  double by_part[PMD_N_PARTS] = { 0 };
  guint n_assumptions = 0;

  g_return_val_if_fail (self != NULL && scenario != NULL, NULL);

  if (self->unit == PMD_UNIT_YEAR)
    value = isnan (self->value) ? NULL : g_strdup_printf ("%d", (int) self->value);
  else
    value = pmd_format_euro_compact (self->value);
  if (value != NULL)
    /* Translators: a figure and its value, the start of its paragraph */
    g_string_append_printf (out, _("%s: %s."), self->label, value);
  else
    g_string_append_printf (out, "%s.", self->label);

  sum_parts (self, by_part);
  /* A cost has a base year; savings are only what the interventions do. */
  if (by_part[PMD_PART_BASE] != 0.0 || by_part[PMD_PART_FUNDING_BASE] != 0.0)
    append_parts (out, by_part);
  else
    append_interventions (out, self, scenario);

  collect_leaves (self, scenario, by_key, inputs);
  g_ptr_array_sort (inputs, compare_size);

  /* The assumptions that weigh most; the amounts of the base year are the
   * budget's, not what moves a figure. */
  for (guint k = 0; k < inputs->len && n_assumptions < N_ASSUMPTIONS; k++)
    {
      const Input *in = g_ptr_array_index (inputs, k);
      const char *why = source_text (in->leaf);

      if (!in->leaf->assumption || in->leaf->path == NULL || in->leaf->part == PMD_PART_BASE ||
          in->leaf->part == PMD_PART_FUNDING_BASE)
        continue;
      n_assumptions++;
      if (in->leaf->input != NULL && why != NULL)
        g_ptr_array_add (parts, g_strdup_printf ("%s %s (%s)", in->words, in->leaf->input, why));
      else if (in->leaf->input != NULL)
        g_ptr_array_add (parts, g_strdup_printf ("%s %s", in->words, in->leaf->input));
      else
        g_ptr_array_add (parts, g_strdup (in->words));
    }
  if (parts->len > 0)
    {
      g_autofree char *list = join_list (parts);
      /* Translators: the assumptions a figure rests on most, with their values and reasons */
      g_string_append_printf (out, _(" It rests most on the assumptions %s."), list);
    }

  /* The documents behind the largest inputs that are not assumptions. */
  for (guint k = 0; k < inputs->len && sources->len < N_CONTRIBUTIONS; k++)
    {
      const Input *in = g_ptr_array_index (inputs, k);
      const char *s = in->leaf->source;
      gboolean seen = FALSE;

      if (in->leaf->assumption || s == NULL)
        continue;
      for (guint j = 0; j < sources->len; j++)
        seen |= g_str_equal (g_ptr_array_index (sources, j), s);
      if (!seen)
        g_ptr_array_add (sources, (gpointer) s);
    }
  if (sources->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint j = 0; j < sources->len; j++)
        g_string_append_printf (list, "%s%s", j > 0 ? "; " : "", (const char *) g_ptr_array_index (sources, j));
      /* Translators: the documents the figure's inputs come from */
      g_string_append_printf (out, _(" Sources: %s."), list->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
