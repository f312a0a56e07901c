/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-param.h"

/*
 * Validation names the place in the file that breaks a rule
 * ("$.interventions[1].fraction: must lie between 0 and 1"): right for a
 * file and the command line, but a window shows the scenario, not its
 * JSON. Here such a place becomes the words every screen uses for it
 * ("Dagbesteding naar wijkteam: share of clients: …", "Horizon: …").
 */

/* One step of a JSON path: a field, an index or a quoted key. */
typedef struct
{
  char  *name;   /* a field or a key; NULL for an index */
  guint  index;
} Step;

static void
step_clear (gpointer data)
{
  g_free (((Step *) data)->name);
}

/* The steps of the path at the start of @text ("$.lines[3].growth: …"),
 * and where the path ends; NULL when @text does not start with one. */
static GArray *
read_path (const char  *text,
           const char **end)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (Step));
  const char *p = text;

  g_array_set_clear_func (steps, step_clear);
  if (*p++ != '$')
    return NULL;
  for (;;)
    {
      Step step = { NULL, 0 };

      if (*p == '.')
        {
          const char *start = ++p;

          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          if (p == start)
            return NULL;
          step.name = g_strndup (start, p - start);
        }
      else if (p[0] == '[' && p[1] == '"')
        {
          const char *start = p + 2;
          const char *close = strstr (start, "\"]");

          if (close == NULL)
            return NULL;
          step.name = g_strndup (start, close - start);
          p = close + 2;
        }
      else if (*p == '[' && g_ascii_isdigit (p[1]))
        {
          char *after;

          step.index = (guint) g_ascii_strtoull (p + 1, &after, 10);
          if (*after != ']')
            return NULL;
          p = after + 1;
        }
      else
        break;
      g_array_append_val (steps, step);
    }
  *end = p;
  return g_steal_pointer (&steps);
}

static const char *
step_name (GArray *steps,
           guint   k)
{
  return k < steps->len ? g_array_index (steps, Step, k).name : NULL;
}

static gboolean
step_is (GArray     *steps,
         guint       k,
         const char *name)
{
  return g_strcmp0 (step_name (steps, k), name) == 0;
}

/* The item @steps[1] indexes in @collection; every item starts with its id
 * and its name. */
static const char *const *
step_item (const PmdScenario *sc,
           GArray            *steps)
{
  static const struct { const char *name; gsize offset; } collections[] = {
    { "layers", G_STRUCT_OFFSET (PmdScenario, layers) },
    { "domains", G_STRUCT_OFFSET (PmdScenario, domains) },
    { "cohorts", G_STRUCT_OFFSET (PmdScenario, cohorts) },
    { "lines", G_STRUCT_OFFSET (PmdScenario, lines) },
    { "interventions", G_STRUCT_OFFSET (PmdScenario, interventions) },
    { "variants", G_STRUCT_OFFSET (PmdScenario, variants) },
  };

  if (steps->len < 2 || step_name (steps, 1) != NULL)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (collections); k++)
    if (step_is (steps, 0, collections[k].name))
      {
        GPtrArray *items = G_STRUCT_MEMBER (GPtrArray *, sc, collections[k].offset);
        guint i = g_array_index (steps, Step, 1).index;

        return i < items->len ? g_ptr_array_index (items, i) : NULL;
      }
  return NULL;
}

/* The words of a field that is no parameter ("layer"); a parameter's
 * from the parameter table. */
static const char *
field_words (const char *field)
{
  static const struct { const char *field; const char *words; } fields[] = {
    { "id", N_("id") },
    { "name", N_("name") },
    { "layer", N_("layer") },
    { "domain", N_("domain") },
    { "driver", N_("cohort") },
    { "source", N_("line the money comes from") },
    { "target", N_("line the money or clients go to") },
    { "color", N_("colour") },
    { "points", N_("numbers of residents") },
    { "year", N_("year") },
    { "cost", N_("amount") },
  };

  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    if (g_str_equal (field, fields[k].field))
      return _(fields[k].words);
  return pmd_param_describe_field (field);
}

/* "lines.<id>.growth" for $.lines[3].growth, when @steps name a parameter
 * of an item. */
static char *
param_path (GArray            *steps,
            const char *const *item)
{
  g_autofree char *path = NULL;

  if (item == NULL || steps->len != 3 || step_name (steps, 2) == NULL)
    return NULL;
  path = g_strdup_printf ("%s.%s.%s", step_name (steps, 0), item[0], step_name (steps, 2));
  return pmd_param_facts (path) != NULL ? g_steal_pointer (&path) : NULL;
}

/* The steps of a list of PmdYearValue ("steps", k, …) in words: "the step
 * from 2028". */
static char *
describe_step (const char *owner,
               GArray     *list,
               GArray     *steps,
               guint       k)
{
  guint i = k + 1 < steps->len ? g_array_index (steps, Step, k + 1).index : G_MAXUINT;

  if (list == NULL || i >= list->len)
    return g_strdup_printf ("%s: %s", owner, _("steps"));
  /* Translators: a cost line or the funding, then the year its step starts */
  return g_strdup_printf (_("%s: the step from %d"), owner, g_array_index (list, PmdYearValue, i).year);
}

static char *
describe_steps (const PmdScenario *sc,
                GArray            *steps)
{
  const char *const *item = step_item (sc, steps);
  g_autofree char *path = NULL;
  const char *name;

  if (steps->len == 0)
    return NULL;
  if (steps->len == 1 && step_is (steps, 0, "horizon"))
    return g_strdup (_("Horizon"));
  if (steps->len == 1 && step_is (steps, 0, "base_year"))
    return g_strdup (_("Base year"));
  if (steps->len == 1 && step_is (steps, 0, "name"))
    return g_strdup (_("Name of the scenario"));
  if (step_is (steps, 0, "funding"))
    {
      if (steps->len >= 2 && step_is (steps, 1, "steps"))
        return describe_step (_("Funding"), sc->funding.steps, steps, 1);
      path = steps->len == 2 ? g_strdup_printf ("funding.%s", step_name (steps, 1)) : NULL;
      return path != NULL && pmd_param_facts (path) != NULL ? pmd_scenario_describe_param (sc, path)
                                                             : g_strdup (_("Funding"));
    }
  if (steps->len == 1 && step_name (steps, 0) != NULL)
    {
      path = g_strdup_printf ("scenario.%s", step_name (steps, 0));
      return pmd_param_facts (path) != NULL ? pmd_scenario_describe_param (sc, path) : NULL;
    }
  if (step_is (steps, 0, "ranges") && steps->len >= 2 && step_name (steps, 1) != NULL)
    {
      g_autofree char *words = pmd_scenario_describe_param (sc, step_name (steps, 1));
      /* Translators: the words of a parameter */
      return g_strdup_printf (_("The range of %s"), words);
    }
  if (step_is (steps, 0, "actuals") && steps->len >= 2 && step_name (steps, 1) == NULL)
    {
      guint i = g_array_index (steps, Step, 1).index;
      const PmdActual *a = i < sc->actuals->len ? g_ptr_array_index (sc->actuals, i) : NULL;

      /* Translators: the cost line of an amount spent, and its year */
      return a != NULL ? g_strdup_printf (_("Actuals of %s in %d"), a->line, a->year) : g_strdup (_("Actuals"));
    }
  if (item == NULL)
    return NULL;
  if (step_is (steps, 0, "variants") && steps->len >= 4 && step_is (steps, 2, "overrides"))
    {
      g_autofree char *words = pmd_scenario_describe_param (sc, step_name (steps, 3));
      return g_strdup_printf ("%s: %s", item[1], words);
    }
  if (step_is (steps, 0, "cohorts") && steps->len >= 4 && step_is (steps, 2, "points"))
    {
      const PmdCohort *c = (const PmdCohort *) item;
      guint k = g_array_index (steps, Step, 3).index;

      return k < c->points->len ? g_strdup_printf (_("%s in %d"), c->name, g_array_index (c->points, PmdYearValue, k).year)
                                : g_strdup (c->name);
    }
  if (step_is (steps, 0, "lines") && steps->len >= 3 && step_is (steps, 2, "steps"))
    return describe_step (item[1] != NULL ? item[1] : item[0], ((const PmdLine *) item)->steps, steps, 2);
  /* An item without a name (made by hand, not from a file) by its id. */
  name = item[1] != NULL ? item[1] : item[0];
  path = item[1] != NULL ? param_path (steps, item) : NULL;
  if (path != NULL)
    return pmd_scenario_describe_param (sc, path);
  if (steps->len >= 3 && step_name (steps, 2) != NULL)
    return g_strdup_printf ("%s: %s", name, field_words (step_name (steps, 2)));
  return g_strdup (name);
}

/**
 * pmd_scenario_say_in_words:
 * @self: the scenario the message is about (its indices)
 * @error: (nullable): an error from validation or the projection
 *
 * Puts the words people use for a place in the scenario where @error's
 * message names it by its JSON path: "$.horizon: must lie between 0 and
 * 100 years (found −3)" becomes "Horizon: must lie …", and
 * "$.interventions[1].fraction: …" the intervention's name and "share of
 * clients". A path it has no words for is left out, so that no "$." ever
 * reaches a window. A message that names no path stays as it is.
 */
void
pmd_scenario_say_in_words (const PmdScenario *self,
                           GError            *error)
{
  g_autoptr(GArray) steps = NULL;
  g_autofree char *words = NULL;
  const char *end = NULL;
  const char *found = error != NULL ? strstr (error->message, "$") : NULL;
  char *message;

  g_return_if_fail (self != NULL);

  /* The path opens the message, or follows a message of its own that
   * quotes validation ("the search range … cannot take: $.…"). */
  while (found != NULL && (steps = read_path (found, &end)) == NULL)
    found = strstr (found + 1, "$");
  if (found == NULL)
    return;
  /* A line named after its path: "$.lines[3] (“Wmo”): …". */
  if (g_str_has_prefix (end, " (“"))
    {
      const char *close = strstr (end, "”)");
      if (close != NULL)
        end = close + strlen ("”)");
    }
  if (!g_str_has_prefix (end, ": "))
    return;
  words = describe_steps (self, steps);
  message = words != NULL
            ? g_strdup_printf ("%.*s%s: %s", (int) (found - error->message), error->message, words, end + 2)
            : g_strdup_printf ("%.*s%s", (int) (found - error->message), error->message, end + 2);
  g_free (error->message);
  error->message = message;
}
