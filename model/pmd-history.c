/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-change.h"
#include "pmd-history.h"
#include "pmd-param.h"

/*
 * The undo history in words. A step is named by comparing the scenario
 * before and after it, the same way for a slider drag, a typed cell or a
 * dialog: one parameter changed reads "Inwoners 75+ in 2040: 12.500 →
 * 14.000" (its words and formatting from the parameter table), a line or
 * intervention that came or went reads "Post toegevoegd: …". Comparing
 * rather than telling keeps every caller of the document as it is, and a
 * drag merged into one step is named from its start to its end.
 */

/* Every entity the collections hold starts with its id and its name. */
typedef struct
{
  char *id;
  char *name;
} Entity;

static const Entity *
find_entity (const GPtrArray *items,
             const char      *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const Entity *e = g_ptr_array_index (items, i);
      if (g_strcmp0 (e->id, id) == 0)
        return e;
    }
  return NULL;
}

typedef enum
{
  LINES,
  INTERVENTIONS,
  VARIANTS,
  COHORTS,
} Collection;

/* Whole sentences, so that a translator sees each as it is read. */
static char *
came_or_went (Collection  what,
              gboolean    came,
              const char *name)
{
  switch (what)
    {
    case LINES:
      return came ? g_strdup_printf (_("Cost line added: %s"), name) : g_strdup_printf (_("Cost line removed: %s"), name);
    case INTERVENTIONS:
      return came ? g_strdup_printf (_("Intervention added: %s"), name)
                  : g_strdup_printf (_("Intervention removed: %s"), name);
    case VARIANTS:
      return came ? g_strdup_printf (_("Variant added: %s"), name) : g_strdup_printf (_("Variant removed: %s"), name);
    case COHORTS:
    default:
      return came ? g_strdup_printf (_("Population group added: %s"), name)
                  : g_strdup_printf (_("Population group removed: %s"), name);
    }
}

/* Items that came, went or were renamed, in words. */
static void
describe_collection (GPtrArray       *out,
                     const GPtrArray *before,
                     const GPtrArray *after,
                     Collection       what)
{
  for (guint i = 0; i < after->len; i++)
    {
      const Entity *a = g_ptr_array_index (after, i);
      const Entity *b = find_entity (before, a->id);

      if (b == NULL)
        g_ptr_array_add (out, came_or_went (what, TRUE, a->name));
      else if (g_strcmp0 (a->name, b->name) != 0)
        /* Translators: a renamed line, intervention or variant: old → new */
        g_ptr_array_add (out, g_strdup_printf (_("Renamed: %s → %s"), b->name, a->name));
    }
  for (guint i = 0; i < before->len; i++)
    {
      const Entity *b = g_ptr_array_index (before, i);
      if (find_entity (after, b->id) == NULL)
        g_ptr_array_add (out, came_or_went (what, FALSE, b->name));
    }
}

static char *
describe_value (const PmdScenario *sc,
                const char        *path,
                double             from,
                double             to)
{
  g_autofree char *words = pmd_scenario_describe_param (sc, path);
  g_autofree char *a = pmd_scenario_format_param (path, from);
  g_autofree char *b = pmd_scenario_format_param (path, to);

  /* Translators: a parameter changed: its words, old value → new value */
  return g_strdup_printf (_("%s: %s → %s"), words, a, b);
}

static gboolean
same_number (double a,
             double b)
{
  return a == b || (a != a && b != b);
}

static const PmdRange *
find_range (const PmdScenario *sc,
            const char        *path)
{
  int idx = pmd_scenario_find_range (sc, path);
  return idx >= 0 ? g_ptr_array_index (sc->ranges, idx) : NULL;
}

static void
describe_ranges (GPtrArray         *out,
                 const PmdScenario *before,
                 const PmdScenario *after)
{
  for (guint i = 0; i < after->ranges->len; i++)
    {
      const PmdRange *a = g_ptr_array_index (after->ranges, i);
      const PmdRange *b = find_range (before, a->path);
      g_autofree char *words = NULL;
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;

      if (b != NULL && same_number (a->low, b->low) && same_number (a->high, b->high))
        continue;
      words = pmd_scenario_describe_param (after, a->path);
      low = pmd_scenario_format_param (a->path, a->low);
      high = pmd_scenario_format_param (a->path, a->high);
      /* Translators: the uncertainty range of a parameter: words, low, high */
      g_ptr_array_add (out, b == NULL ? g_strdup_printf (_("Range added: %s, %s to %s"), words, low, high)
                                      : g_strdup_printf (_("Range of %s: %s to %s"), words, low, high));
    }
  for (guint i = 0; i < before->ranges->len; i++)
    {
      const PmdRange *b = g_ptr_array_index (before->ranges, i);
      g_autofree char *words = NULL;

      if (find_range (after, b->path) != NULL)
        continue;
      words = pmd_scenario_describe_param (before, b->path);
      g_ptr_array_add (out, g_strdup_printf (_("Range removed: %s"), words));
    }
}

static gboolean
find_override (const PmdVariant *v,
               const char       *path,
               double           *value)
{
  for (guint k = 0; k < v->overrides->len; k++)
    if (g_str_equal (g_array_index (v->overrides, PmdOverride, k).path, path))
      {
        *value = g_array_index (v->overrides, PmdOverride, k).value;
        return TRUE;
      }
  return FALSE;
}

/* What a variant's overrides moved: a lever moved while a variant is shown. */
static void
describe_overrides (GPtrArray         *out,
                    const PmdScenario *before,
                    const PmdScenario *after)
{
  for (guint i = 0; i < after->variants->len; i++)
    {
      const PmdVariant *a = g_ptr_array_index (after->variants, i);
      int idx = pmd_scenario_find_variant (before, a->id);
      const PmdVariant *b = idx >= 0 ? g_ptr_array_index (before->variants, idx) : NULL;

      if (b == NULL)
        continue;
      for (guint k = 0; k < a->overrides->len; k++)
        {
          const PmdOverride *o = &g_array_index (a->overrides, PmdOverride, k);
          double old;
          g_autofree char *change = NULL;

          if (!find_override (b, o->path, &old) &&
              !pmd_scenario_get_param ((PmdScenario *) before, o->path, &old, NULL))
            continue;
          if (same_number (old, o->value))
            continue;
          change = describe_value (after, o->path, old, o->value);
          /* Translators: a change made in a variant: the change, the variant's name */
          g_ptr_array_add (out, g_strdup_printf (_("%s (variant %s)"), change, a->name));
        }
    }
}

/* What no rule above names, by the part of the scenario it touched. */
static char *
describe_flags (PmdChangeFlags flags)
{
  if (flags & PMD_CHANGE_LINES)
    return g_strdup (_("Cost lines changed"));
  if (flags & PMD_CHANGE_INTERVENTIONS)
    return g_strdup (_("Interventions changed"));
  if (flags & PMD_CHANGE_FUNDING)
    return g_strdup (_("Funding changed"));
  if (flags & PMD_CHANGE_COHORTS)
    return g_strdup (_("Population changed"));
  if (flags & PMD_CHANGE_ACTUALS)
    return g_strdup (_("Realised costs changed"));
  if (flags & PMD_CHANGE_VARIANTS)
    return g_strdup (_("Variants changed"));
  if (flags & PMD_CHANGE_SCENARIO)
    return g_strdup (_("Scenario details changed"));
  /* Translators: a step of the undo history that changed something unnamed */
  return g_strdup (C_("history step", "Change"));
}

/**
 * pmd_scenario_param_differences:
 * @from: the scenario whose values are wanted
 * @to: the scenario they would be set in
 *
 * The parameters of @to whose value differs in @from: the overrides that
 * make @to show @from's numbers. Parameters only one of them has (a line
 * added since) are left out.
 *
 * Returns: (transfer full) (element-type PmdOverride): path and @from's
 *   value, in the order of pmd_scenario_list_params()
 */
GArray *
pmd_scenario_param_differences (const PmdScenario *from,
                                const PmdScenario *to)
{
  g_autoptr(GPtrArray) paths = pmd_scenario_list_params (to);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PmdOverride));

  g_return_val_if_fail (from != NULL && to != NULL, out);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      double a, b;

      if (!pmd_scenario_get_param ((PmdScenario *) from, path, &a, NULL) ||
          !pmd_scenario_get_param ((PmdScenario *) to, path, &b, NULL) || same_number (a, b))
        continue;
      {
        PmdOverride o = { g_strdup (path), a };
        g_array_append_val (out, o);
      }
    }
  return out;
}

/**
 * pmd_scenario_describe_change:
 * @before: the scenario before a step
 * @after: the scenario after it
 *
 * The step in the user's words: "Inwoners 75+ in 2040: 12.500 → 14.000",
 * "Post toegevoegd: Dagbesteding", or, when it did several things, the
 * first and how many more.
 *
 * Returns: (transfer full): the name of the step
 */
char *
pmd_scenario_describe_change (const PmdScenario *before,
                              const PmdScenario *after)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = NULL;

  g_return_val_if_fail (before != NULL && after != NULL, NULL);

  describe_collection (parts, before->lines, after->lines, LINES);
  describe_collection (parts, before->interventions, after->interventions, INTERVENTIONS);
  describe_collection (parts, before->variants, after->variants, VARIANTS);
  describe_collection (parts, before->cohorts, after->cohorts, COHORTS);
  /* Values only where nothing came or went: a new line's numbers are part
   * of adding it. */
  if (parts->len == 0)
    {
      values = pmd_scenario_param_differences (after, before);
      for (guint k = 0; k < values->len; k++)
        {
          const PmdOverride *o = &g_array_index (values, PmdOverride, k);
          double old;

          pmd_scenario_get_param ((PmdScenario *) before, o->path, &old, NULL);
          g_ptr_array_add (parts, describe_value (after, o->path, old, o->value));
          g_free (o->path);
        }
      describe_overrides (parts, before, after);
    }
  describe_ranges (parts, before, after);

  if (parts->len == 0)
    return describe_flags (pmd_scenario_diff (before, after));
  if (parts->len == 1)
    return g_strdup (g_ptr_array_index (parts, 0));
  /* Translators: the first of several changes in one step, and how many more */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more change)", "%s (and %u more changes)",
                                       parts->len - 1),
                          (const char *) g_ptr_array_index (parts, 0), parts->len - 1);
}

/**
 * pmd_scenario_new_variant_id:
 * @name: the variant's name as the user typed it
 *
 * Returns: (transfer full): an id from @name ("Preventie-offensief" →
 *   "preventie-offensief") that no variant of @scenario has yet
 */
char *
pmd_scenario_new_variant_id (const PmdScenario *scenario,
                             const char        *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      char c = g_ascii_tolower (*p);
      if (g_ascii_isalnum (c))
        g_string_append_c (id, c);
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "variant");
  if (pmd_scenario_find_variant (scenario, id->str) >= 0)
    {
      g_autofree char *base = g_strdup (id->str);
      for (guint n = 2; pmd_scenario_find_variant (scenario, id->str) >= 0; n++)
        g_string_printf (id, "%s-%u", base, n);
    }
  return g_string_free (g_steal_pointer (&id), FALSE);
}
