/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-scenario-private.h"

/* Paths and ids come from files and command lines: their controls are
 * escaped before they go into a message (pmd_format_escape_text()). */
static gboolean
unknown_path (const char *path,
              GError    **error)
{
  g_autofree char *shown = pmd_format_escape_text (path);

  g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
               _("“%s” is not a parameter path"), shown);
  return FALSE;
}

static gboolean
unknown_id (const char *path,
            const char *what,
            const char *id,
            GError    **error)
{
  g_autofree char *shown_path = pmd_format_escape_text (path);
  g_autofree char *shown_id = pmd_format_escape_text (id);

  g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
               /* Translators: the second %s is "cost line", "cohort" or "intervention" */
               _("“%s”: no %s has the id “%s”"), shown_path, what, shown_id);
  return FALSE;
}

/* An id's position, through the index when there is one. */
static int
find_cohort (const PmdScenario      *self,
             const PmdScenarioIndex *index,
             const char             *id)
{
  return index != NULL ? _pmd_scenario_index_find (index->cohorts, id) : pmd_scenario_find_cohort (self, id);
}

static int
find_line (const PmdScenario      *self,
           const PmdScenarioIndex *index,
           const char             *id)
{
  return index != NULL ? _pmd_scenario_index_find (index->lines, id) : pmd_scenario_find_line (self, id);
}

static int
find_intervention (const PmdScenario      *self,
                   const PmdScenarioIndex *index,
                   const char             *id)
{
  return index != NULL ? _pmd_scenario_index_find (index->interventions, id)
                       : pmd_scenario_find_intervention (self, id);
}

static void
set_double (PmdParam *out,
            double   *d)
{
  memset (out, 0, sizeof *out);
  out->kind = PMD_PARAM_DOUBLE;
  out->d = d;
}

static void
set_int (PmdParam *out,
         int      *i)
{
  memset (out, 0, sizeof *out);
  out->kind = PMD_PARAM_INT;
  out->i = i;
}

static gboolean
lookup_line_field (PmdScenario *self,
                   PmdLine     *line,
                   const char  *field,
                   PmdParam    *out)
{
  if (g_str_equal (field, "base_cost"))
    set_double (out, &line->base_cost);
  else if (g_str_equal (field, "clients"))
    {
      set_double (out, &line->clients);
      out->has = &line->has_clients;
    }
  else if (g_str_equal (field, "growth"))
    set_double (out, &line->growth);
  else if (g_str_equal (field, "elasticity"))
    set_double (out, &line->elasticity);
  else if (g_str_equal (field, "indexation"))
    {
      set_double (out, &line->indexation);
      out->has = &line->has_indexation;
      out->fallback = &self->indexation;
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
lookup_intervention_field (PmdScenario     *self,
                           PmdIntervention *iv,
                           const char      *field,
                           PmdParam        *out)
{
  static const struct { const char *name; gsize offset; } doubles[] = {
    { "fraction", G_STRUCT_OFFSET (PmdIntervention, fraction) },
    { "cost_ratio", G_STRUCT_OFFSET (PmdIntervention, cost_ratio) },
    { "amount", G_STRUCT_OFFSET (PmdIntervention, amount) },
    { "return", G_STRUCT_OFFSET (PmdIntervention, ret) },
    { "one_off", G_STRUCT_OFFSET (PmdIntervention, one_off) },
    { "structural", G_STRUCT_OFFSET (PmdIntervention, structural) },
  };
  static const struct { const char *name; gsize offset; } ints[] = {
    { "start", G_STRUCT_OFFSET (PmdIntervention, start) },
    { "lag", G_STRUCT_OFFSET (PmdIntervention, lag) },
    { "ramp_years", G_STRUCT_OFFSET (PmdIntervention, ramp_years) },
  };

  for (guint k = 0; k < G_N_ELEMENTS (doubles); k++)
    if (g_str_equal (field, doubles[k].name))
      {
        set_double (out, G_STRUCT_MEMBER_P (iv, doubles[k].offset));
        return TRUE;
      }
  for (guint k = 0; k < G_N_ELEMENTS (ints); k++)
    if (g_str_equal (field, ints[k].name))
      {
        set_int (out, G_STRUCT_MEMBER_P (iv, ints[k].offset));
        return TRUE;
      }
  if (g_str_equal (field, "end"))
    {
      /* No end means "to the horizon": that is the value it reads as. */
      set_int (out, &iv->end);
      out->has = &iv->has_end;
      out->fallback_i = pmd_scenario_get_end_year (self);
      return TRUE;
    }
  if (g_str_equal (field, "enabled"))
    {
      memset (out, 0, sizeof *out);
      out->kind = PMD_PARAM_BOOL;
      out->b = &iv->enabled;
      return TRUE;
    }
  return FALSE;
}

static gboolean
lookup_param (PmdScenario            *self,
              const PmdScenarioIndex *index,
              const char             *path,
              PmdParam               *out,
              GError                **error)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  parts = g_strsplit (path, ".", 0);
  n = g_strv_length (parts);

  if (n == 2 && g_str_equal (parts[0], "scenario"))
    {
      if (g_str_equal (parts[1], "indexation"))
        set_double (out, &self->indexation);
      else if (g_str_equal (parts[1], "discount_rate"))
        set_double (out, &self->discount_rate);
      else
        return unknown_path (path, error);
      return TRUE;
    }

  if (n == 2 && g_str_equal (parts[0], "funding"))
    {
      if (g_str_equal (parts[1], "base"))
        set_double (out, &self->funding.base);
      else if (g_str_equal (parts[1], "growth"))
        set_double (out, &self->funding.growth);
      else
        return unknown_path (path, error);
      return TRUE;
    }

  if (n == 4 && g_str_equal (parts[0], "cohorts") && g_str_equal (parts[2], "points"))
    {
      int idx = find_cohort (self, index, parts[1]);
      PmdCohort *cohort;
      guint64 k;

      if (idx < 0)
        return unknown_id (path, _("cohort"), parts[1], error);
      cohort = g_ptr_array_index (self->cohorts, idx);
      if (!g_ascii_string_to_unsigned (parts[3], 10, 0, G_MAXUINT, &k, NULL) ||
          k >= cohort->points->len)
        {
          g_autofree char *shown_path = pmd_format_escape_text (path);
          g_autofree char *shown_k = pmd_format_escape_text (parts[3]);

          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                       _("“%s”: the cohort has no point %s (it has %u)"),
                       shown_path, shown_k, cohort->points->len);
          return FALSE;
        }
      set_double (out, &g_array_index (cohort->points, PmdYearValue, k).value);
      return TRUE;
    }

  if (n == 3 && g_str_equal (parts[0], "lines"))
    {
      int idx = find_line (self, index, parts[1]);

      if (idx < 0)
        return unknown_id (path, _("cost line"), parts[1], error);
      if (!lookup_line_field (self, g_ptr_array_index (self->lines, idx), parts[2], out))
        return unknown_path (path, error);
      return TRUE;
    }

  if (n == 3 && g_str_equal (parts[0], "interventions"))
    {
      int idx = find_intervention (self, index, parts[1]);

      if (idx < 0)
        return unknown_id (path, _("intervention"), parts[1], error);
      if (!lookup_intervention_field (self, g_ptr_array_index (self->interventions, idx), parts[2], out))
        return unknown_path (path, error);
      return TRUE;
    }

  return unknown_path (path, error);
}

/**
 * pmd_scenario_lookup_param:
 * @self: a scenario
 * @path: a parameter path such as `lines.wmo-maatwerk.elasticity`
 * @out: (out caller-allocates): the resolved parameter
 * @error: an unknown path or id
 *
 * Resolves a parameter path (DESIGN.md §2) to the number it names. Looks
 * the id up along the collection: to resolve many paths at once, use an
 * index (_pmd_scenario_lookup_param_indexed()).
 */
gboolean
pmd_scenario_lookup_param (PmdScenario *self,
                           const char  *path,
                           PmdParam    *out,
                           GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return lookup_param (self, NULL, path, out, error);
}

/* pmd_scenario_lookup_param() with the ids in hash tables: for the many
 * paths of a file's ranges and variants. */
gboolean
_pmd_scenario_lookup_param_indexed (PmdScenario            *self,
                                    const PmdScenarioIndex *index,
                                    const char             *path,
                                    PmdParam               *out,
                                    GError                **error)
{
  g_assert (index != NULL);

  return lookup_param (self, index, path, out, error);
}

gboolean
pmd_param_has_value (const PmdParam *param)
{
  return param->has == NULL || *param->has || param->fallback != NULL || param->kind == PMD_PARAM_INT;
}

/**
 * pmd_param_get:
 * @param: a resolved parameter
 *
 * Returns: the parameter's value as the projection reads it: a line without
 *   its own indexation reads the scenario's, an intervention without an end
 *   reads the last year of the horizon, a line without clients reads NaN,
 *   `enabled` reads 1 or 0.
 */
double
pmd_param_get (const PmdParam *param)
{
  gboolean has = param->has == NULL || *param->has;

  switch (param->kind)
    {
    case PMD_PARAM_DOUBLE:
      if (has)
        return *param->d;
      return param->fallback != NULL ? *param->fallback : NAN;
    case PMD_PARAM_INT:
      return has ? *param->i : param->fallback_i;
    case PMD_PARAM_BOOL:
      return *param->b ? 1.0 : 0.0;
    default:
      g_assert_not_reached ();
    }
}

/**
 * pmd_param_set:
 * @param: a resolved parameter
 * @value: the new value
 *
 * Sets the parameter. Whole-year fields round to the nearest integer;
 * `enabled` is true for any non-zero value; a nullable field gets a value.
 * The value is not validated: call pmd_scenario_validate() when it comes
 * from a user.
 */
void
pmd_param_set (const PmdParam *param,
               double          value)
{
  switch (param->kind)
    {
    case PMD_PARAM_DOUBLE:
      *param->d = value;
      break;
    case PMD_PARAM_INT:
      /* Clamp before converting: a huge double does not fit an int. */
      *param->i = (int) lround (CLAMP (value, -1e6, 1e6));
      break;
    case PMD_PARAM_BOOL:
      *param->b = value != 0.0;
      break;
    default:
      g_assert_not_reached ();
    }
  if (param->has != NULL)
    *param->has = TRUE;
}

gboolean
pmd_scenario_get_param (PmdScenario *self,
                        const char  *path,
                        double      *value,
                        GError     **error)
{
  PmdParam param;

  g_return_val_if_fail (value != NULL, FALSE);

  if (!pmd_scenario_lookup_param (self, path, &param, error))
    return FALSE;
  *value = pmd_param_get (&param);
  return TRUE;
}

gboolean
pmd_scenario_set_param (PmdScenario *self,
                        const char  *path,
                        double       value,
                        GError     **error)
{
  PmdParam param;

  if (!pmd_scenario_lookup_param (self, path, &param, error))
    return FALSE;
  if (!isfinite (value))
    {
      g_autofree char *shown = pmd_format_escape_text (path);
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("“%s”: the value must be a finite number"), shown);
      return FALSE;
    }
  pmd_param_set (&param, value);
  return TRUE;
}

/**
 * pmd_scenario_get_param_source:
 * @self: a scenario
 * @path: a parameter path
 *
 * Where the number @path names comes from: the field's own source, else its
 * object's ("SBK Westland 2025, §1.4 Financieel perspectief",
 * "aanname: …").
 *
 * Returns: (nullable) (transfer none): the provenance text, if the file has one
 */
const char *
pmd_scenario_get_param_source (const PmdScenario *self,
                               const char        *path)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  parts = g_strsplit (path, ".", 0);
  n = g_strv_length (parts);
  if (n == 2 && g_str_equal (parts[0], "scenario"))
    return pmd_sources_lookup (self->sources, parts[1]);
  if (n == 2 && g_str_equal (parts[0], "funding"))
    {
      const char *s = pmd_sources_lookup (self->funding.sources, parts[1]);
      return s ? s : self->funding.source;
    }
  if (n == 4 && g_str_equal (parts[0], "cohorts"))
    {
      int idx = pmd_scenario_find_cohort (self, parts[1]);
      return idx >= 0 ? ((PmdCohort *) g_ptr_array_index (self->cohorts, idx))->source : NULL;
    }
  if (n == 3 && g_str_equal (parts[0], "lines"))
    {
      int idx = pmd_scenario_find_line (self, parts[1]);
      const PmdLine *l = idx >= 0 ? g_ptr_array_index (self->lines, idx) : NULL;
      const char *s = l ? pmd_sources_lookup (l->sources, parts[2]) : NULL;
      return s ? s : l ? l->source : NULL;
    }
  if (n == 3 && g_str_equal (parts[0], "interventions"))
    {
      int idx = pmd_scenario_find_intervention (self, parts[1]);
      return idx >= 0 ? pmd_sources_lookup (((PmdIntervention *) g_ptr_array_index (self->interventions, idx))->sources,
                                            parts[2])
                      : NULL;
    }
  return NULL;
}

/**
 * pmd_scenario_list_params:
 *
 * Returns: (transfer full) (element-type utf8): every parameter path of the
 *   scenario, in file order
 */
GPtrArray *
pmd_scenario_list_params (const PmdScenario *self)
{
  static const char *const line_fields[] = { "base_cost", "clients", "growth", "elasticity", "indexation" };
  static const char *const iv_fields[] = { "fraction", "cost_ratio", "amount", "return", "one_off", "structural",
                                           "start", "end", "lag", "ramp_years", "enabled" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup ("scenario.indexation"));
  g_ptr_array_add (paths, g_strdup ("scenario.discount_rate"));
  g_ptr_array_add (paths, g_strdup ("funding.base"));
  g_ptr_array_add (paths, g_strdup ("funding.growth"));
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      const PmdCohort *c = g_ptr_array_index (self->cohorts, i);
      for (guint k = 0; k < c->points->len; k++)
        g_ptr_array_add (paths, g_strdup_printf ("cohorts.%s.points.%u", c->id, k));
    }
  for (guint i = 0; i < self->lines->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (line_fields); k++)
      g_ptr_array_add (paths, g_strdup_printf ("lines.%s.%s", ((PmdLine *) g_ptr_array_index (self->lines, i))->id,
                                               line_fields[k]));
  for (guint i = 0; i < self->interventions->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (iv_fields); k++)
      g_ptr_array_add (paths, g_strdup_printf ("interventions.%s.%s",
                                               ((PmdIntervention *) g_ptr_array_index (self->interventions, i))->id,
                                               iv_fields[k]));
  return paths;
}

/**
 * pmd_param_describe_field:
 * @field: the last part of a parameter path, or a field a source is given
 *   for: "base_cost", "fraction", "steps"
 *
 * The field as people call it, in their language, for a place that already
 * names the line or intervention (the report's sources: "cost in the base
 * year: SBK Westland 2025, …"): the words of the parameter table
 * (pmd_param_facts()). A field it has no words for comes back as it is.
 *
 * Returns: (transfer none): the words
 */
const char *
pmd_param_describe_field (const char *field)
{
  const PmdParamFacts *table;
  guint n;

  g_return_val_if_fail (field != NULL, NULL);

  /* Steps are a list, not one number: they have no facts. */
  if (g_str_equal (field, "steps"))
    return _("steps");
  table = pmd_param_facts_list (&n);
  for (guint k = 0; k < n; k++)
    if (g_str_equal (field, table[k].field))
      return _(table[k].words);
  return field;
}

/* @label with @name for its one %s. Not through printf: a label is not a
 * literal, and a translation with another conversion must not crash. */
static char *
fill_label (const char *label,
            const char *name)
{
  GString *text = g_string_new (label);

  g_string_replace (text, "%s", name, 1);
  return g_string_free (text, FALSE);
}

/**
 * pmd_scenario_describe_param:
 * @path: a parameter path
 *
 * The parameter as people call it, the same in the levers, the tornado and
 * the report: "Volume growth: Wmo-maatwerkvoorzieningen", "Inwoners 75+ in
 * 2040", from the parameter table's labels and words. A path it has no
 * words for comes back as it is.
 *
 * Returns: (transfer full): the label
 */
char *
pmd_scenario_describe_param (const PmdScenario *self,
                             const char        *path)
{
  const PmdParamFacts *facts = pmd_param_facts (path);
  g_auto(GStrv) parts = NULL;
  const char *name = NULL;
  int idx;

  if (facts == NULL)
    {
      /* A field the table does not know still names its line or
       * intervention. */
      parts = g_strsplit (path, ".", 4);
      if (g_strv_length (parts) != 3)
        return g_strdup (path);
      if (g_str_equal (parts[0], "lines") && (idx = pmd_scenario_find_line (self, parts[1])) >= 0)
        name = ((PmdLine *) g_ptr_array_index (self->lines, idx))->name;
      else if (g_str_equal (parts[0], "interventions") && (idx = pmd_scenario_find_intervention (self, parts[1])) >= 0)
        name = ((PmdIntervention *) g_ptr_array_index (self->interventions, idx))->name;
      return name != NULL ? g_strdup_printf ("%s: %s", name, parts[2]) : g_strdup (path);
    }

  parts = g_strsplit (path, ".", 4);
  if (g_str_equal (facts->collection, "scenario") || g_str_equal (facts->collection, "funding"))
    return g_strdup (_(facts->label));
  if (g_str_equal (facts->collection, "cohorts"))
    {
      const PmdCohort *c;
      guint64 k;

      idx = pmd_scenario_find_cohort (self, parts[1]);
      if (idx < 0)
        return g_strdup (path);
      c = g_ptr_array_index (self->cohorts, idx);
      if (g_ascii_string_to_unsigned (parts[3], 10, 0, G_MAXUINT, &k, NULL) && k < c->points->len)
        return g_strdup_printf (_("%s in %d"), c->name, g_array_index (c->points, PmdYearValue, k).year);
      return g_strdup (path);
    }
  if (g_str_equal (facts->collection, "lines") && (idx = pmd_scenario_find_line (self, parts[1])) >= 0)
    name = ((PmdLine *) g_ptr_array_index (self->lines, idx))->name;
  else if (g_str_equal (facts->collection, "interventions") &&
           (idx = pmd_scenario_find_intervention (self, parts[1])) >= 0)
    name = ((PmdIntervention *) g_ptr_array_index (self->interventions, idx))->name;
  if (name == NULL)
    return g_strdup (path);
  if (facts->label != NULL)
    return fill_label (_(facts->label), name);
  return g_strdup_printf ("%s: %s", name, _(facts->words));
}

/**
 * pmd_param_unit:
 * @path: a parameter path
 *
 * What the number a path names measures (the parameter table's unit): a
 * rate, money, clients or residents, a year, a switch, or a plain number.
 */
PmdUnit
pmd_param_unit (const char *path)
{
  const PmdParamFacts *facts = pmd_param_facts (path);

  return facts != NULL ? facts->unit : PMD_UNIT_NUMBER;
}

/**
 * pmd_scenario_format_param:
 * @path: a parameter path
 * @value: a value of it; NaN: none
 *
 * The value as people read it, the same on every screen
 * (pmd_param_facts_format()); a path the table does not know as a plain
 * number.
 *
 * Returns: (transfer full): the text
 */
char *
pmd_scenario_format_param (const char *path,
                           double      value)
{
  const PmdParamFacts *facts = pmd_param_facts (path);

  if (facts == NULL)
    return pmd_param_format_unit (PMD_UNIT_NUMBER, -1, value);
  return pmd_param_facts_format (facts, value);
}

/**
 * pmd_scenario_find_range:
 *
 * Returns: the index of @path's range, or -1
 */
int
pmd_scenario_find_range (const PmdScenario *self,
                         const char        *path)
{
  for (guint i = 0; i < self->ranges->len; i++)
    if (g_str_equal (((PmdRange *) g_ptr_array_index (self->ranges, i))->path, path))
      return i;
  return -1;
}

/**
 * pmd_scenario_set_range:
 * @path: a parameter path that names a number of the scenario
 * @low: the low end
 * @high: the high end, at least @low
 *
 * Sets @path's range, or adds it at the end. Whether it holds the value is
 * checked with the rest of the scenario (pmd_scenario_validate()).
 */
gboolean
pmd_scenario_set_range (PmdScenario *self,
                        const char  *path,
                        double       low,
                        double       high,
                        GError     **error)
{
  PmdParam param;
  int idx;

  if (!pmd_scenario_lookup_param (self, path, &param, error))
    return FALSE;
  if (!(isfinite (low) && isfinite (high) && low <= high))
    {
      g_autofree char *a = pmd_scenario_format_param (path, low);
      g_autofree char *b = pmd_scenario_format_param (path, high);
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID,
                   _("The low end (%s) must not be above the high end (%s)"), a, b);
      return FALSE;
    }
  idx = pmd_scenario_find_range (self, path);
  if (idx < 0)
    g_ptr_array_add (self->ranges, pmd_range_new (path, low, high));
  else
    {
      PmdRange *r = g_ptr_array_index (self->ranges, idx);
      r->low = low;
      r->high = high;
    }
  return TRUE;
}

/* Removes @path's range; FALSE when it had none. */
gboolean
pmd_scenario_remove_range (PmdScenario *self,
                           const char  *path)
{
  int idx = pmd_scenario_find_range (self, path);

  if (idx < 0)
    return FALSE;
  g_ptr_array_remove_index (self->ranges, idx);
  return TRUE;
}

/**
 * pmd_scenario_list_uncertain:
 *
 * The parameters whose value is uncertain and worth a range, in file
 * order: the growth of prices, each line's volume growth and demographic
 * elasticity, each cohort's later points, each intervention's effect (the
 * return of an investment; the share moved and the cost of the lighter care
 * of a shift; the years before it works) and the growth of the funding.
 *
 * Returns: (transfer full) (element-type utf8): parameter paths
 */
GPtrArray *
pmd_scenario_list_uncertain (const PmdScenario *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup ("scenario.indexation"));
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      const PmdCohort *c = g_ptr_array_index (self->cohorts, i);
      for (guint k = 1; k < c->points->len; k++)
        g_ptr_array_add (paths, g_strdup_printf ("cohorts.%s.points.%u", c->id, k));
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (self->lines, i);
      g_ptr_array_add (paths, g_strdup_printf ("lines.%s.growth", l->id));
      if (l->driver != NULL)
        g_ptr_array_add (paths, g_strdup_printf ("lines.%s.elasticity", l->id));
    }
  for (guint i = 0; i < self->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (self->interventions, i);
      if (iv->type == PMD_INTERVENTION_INVEST)
        g_ptr_array_add (paths, g_strdup_printf ("interventions.%s.return", iv->id));
      else
        {
          g_ptr_array_add (paths, g_strdup_printf ("interventions.%s.fraction", iv->id));
          g_ptr_array_add (paths, g_strdup_printf ("interventions.%s.cost_ratio", iv->id));
        }
      g_ptr_array_add (paths, g_strdup_printf ("interventions.%s.lag", iv->id));
    }
  g_ptr_array_add (paths, g_strdup ("funding.growth"));
  return paths;
}

/**
 * pmd_range_suggest:
 * @value: the parameter's value
 * @low: (out): a first low end
 * @high: (out): a first high end
 *
 * A first range for a parameter to refine by hand, by the parameter
 * table's spreads and within its limits: a rate one percentage point either
 * side, an elasticity 0,2 either side, a share half its value either side,
 * a number of residents 10% (whole), a lag a year earlier or two later,
 * anything else a quarter either side.
 */
void
pmd_range_suggest (const char *path,
                   double      value,
                   double     *low,
                   double     *high)
{
  const PmdParamFacts *facts = pmd_param_facts (path);
  double below = 0.25 * value, above = 0.25 * value;

  if (facts != NULL)
    {
      below = facts->spread_relative ? facts->spread_below * value : facts->spread_below;
      above = facts->spread_relative ? facts->spread_above * value : facts->spread_above;
    }
  *low = value - below;
  *high = value + above;
  if (facts != NULL)
    {
      if (facts->unit == PMD_UNIT_COUNT || facts->kind == PMD_PARAM_INT)
        *low = round (*low), *high = round (*high);
      /* An open end stays where it was: a rate of −1 is no first guess. */
      if (!facts->min_exclusive)
        *low = MAX (*low, facts->min);
      *high = MIN (*high, facts->max);
    }
  if (*low > value)
    *low = value;
  if (*high < value)
    *high = value;
  if (*low > *high)
    {
      double t = *low;
      *low = *high;
      *high = t;
    }
}
