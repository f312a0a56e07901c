/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include "pmd-scenario-file.h"
#include "pmd-data-resources.h"
#include "pmd-json-reader.h"
#include "pmd-json-writer.h"
#include "pmd-format.h"

/*
 * Reading a `.piramide` file (DESIGN.md §3) into a scenario, with the JSON
 * path of every value in an error; the writer is pmd-scenario-writer.c.
 * What a value may be is validation's (pmd_scenario_validate()), which
 * holds each parameter to the limits of the parameter table.
 */

static const char *const root_keys[] = {
  "format", "version", "name", "municipality", "base_year", "horizon", "indexation",
  "discount_rate", "notes", "sources", "layers", "domains", "cohorts", "lines",
  "interventions", "funding", "ranges", "variants", "actuals", NULL
};
static const char *const layer_keys[] = { "id", "name", "color", "source", "sources", NULL };
static const char *const domain_keys[] = { "id", "name", "source", "sources", NULL };
static const char *const cohort_keys[] = { "id", "name", "points", "source", "sources", NULL };
static const char *const line_keys[] = {
  "id", "name", "layer", "domain", "base_cost", "clients", "driver", "elasticity", "growth",
  "indexation", "steps", "open_ended", "source", "sources", NULL
};
static const char *const intervention_keys[] = {
  "id", "name", "type", "source", "target", "fraction", "cost_ratio", "amount", "return",
  "one_off", "structural", "start", "end", "lag", "ramp_years", "enabled", "sources", NULL
};
static const char *const funding_keys[] = { "base", "growth", "steps", "source", "sources", NULL };
static const char *const variant_keys[] = { "id", "name", "overrides", NULL };
static const char *const actual_keys[] = { "line", "year", "cost", "source", NULL };

/* Reading, with the JSON path of every value for the error message */

static gboolean
invalid (GError    **error,
         const char *path,
         const char *key,
         const char *message)
{
  if (key != NULL)
    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, "%s.%s: %s", path, key, message);
  else
    g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

static const char *
node_kind (const PmdJsonNode *node)
{
  switch (pmd_json_node_kind (node))
    {
    case PMD_JSON_OBJECT: return _("an object");
    case PMD_JSON_ARRAY: return _("a list");
    case PMD_JSON_NULL: return _("null");
    case PMD_JSON_STRING: return _("text");
    case PMD_JSON_BOOLEAN: return _("true or false");
    case PMD_JSON_NUMBER:
    default: return _("a number");
    }
}

static gboolean
number_from_node (const PmdJsonNode *node,
                  const char        *path,
                  const char        *key,
                  double            *out,
                  GError           **error)
{
  if (pmd_json_node_kind (node) != PMD_JSON_NUMBER)
    {
      g_autofree char *msg = NULL;

      if (pmd_json_node_kind (node) == PMD_JSON_STRING && strchr (node->v.string, ',') != NULL)
        {
          g_autofree char *shown = pmd_format_escape_text (node->v.string);
          msg = g_strdup_printf (_("expected a number, found the text “%s”: write numbers "
                                   "without quotes and with a decimal point (22.8, not 22,8)"),
                                 shown);
        }
      else
        msg = g_strdup_printf (_("expected a number, found %s"), node_kind (node));
      return invalid (error, path, key, msg);
    }
  /* The reader refuses numbers beyond a double. */
  g_assert (isfinite (node->v.number));
  *out = node->v.number;
  return TRUE;
}

/* Reads obj[key] as a number. Absent: *present = FALSE (or an error when
 * required). null is accepted only when @has is given. */
static gboolean
read_number (const PmdJsonNode *obj,
             const char        *path,
             const char        *key,
             gboolean           required,
             double            *out,
             gboolean          *has,
             GError           **error)
{
  const PmdJsonNode *node = pmd_json_object_get (obj, key);

  if (node == NULL || (pmd_json_node_kind (node) == PMD_JSON_NULL && has != NULL))
    {
      if (required && node == NULL)
        return invalid (error, path, key, _("this field is required"));
      if (has != NULL)
        *has = FALSE;
      return TRUE;
    }
  if (!number_from_node (node, path, key, out, error))
    return FALSE;
  if (has != NULL)
    *has = TRUE;
  return TRUE;
}

static gboolean
whole_from_double (double      v,
                   const char *path,
                   const char *key,
                   int        *out,
                   GError    **error)
{
  if (v != floor (v))
    return invalid (error, path, key, _("expected a whole number"));
  if (v < -1e6 || v > 1e6)
    return invalid (error, path, key, _("the number is out of range"));
  *out = (int) v;
  return TRUE;
}

static gboolean
read_int (const PmdJsonNode *obj,
          const char        *path,
          const char        *key,
          gboolean           required,
          int               *out,
          gboolean          *has,
          GError           **error)
{
  double v = 0;
  gboolean present = FALSE;

  if (!read_number (obj, path, key, required, &v, has ? has : &present, error))
    return FALSE;
  if ((has ? *has : present) == FALSE)
    return TRUE;
  return whole_from_double (v, path, key, out, error);
}

static gboolean
read_string (const PmdJsonNode *obj,
             const char        *path,
             const char        *key,
             gboolean           required,
             gboolean           nullable,
             char             **out,
             GError           **error)
{
  const PmdJsonNode *node = pmd_json_object_get (obj, key);

  if (node == NULL || (nullable && pmd_json_node_kind (node) == PMD_JSON_NULL))
    {
      if (required && node == NULL)
        return invalid (error, path, key, _("this field is required"));
      return TRUE;
    }
  if (pmd_json_node_kind (node) != PMD_JSON_STRING)
    {
      g_autofree char *msg = g_strdup_printf (_("expected text, found %s"), node_kind (node));
      return invalid (error, path, key, msg);
    }
  g_free (*out);
  *out = g_strdup (node->v.string);
  return TRUE;
}

static gboolean
read_bool (const PmdJsonNode *obj,
           const char        *path,
           const char        *key,
           gboolean          *out,
           GError           **error)
{
  const PmdJsonNode *node = pmd_json_object_get (obj, key);

  if (node == NULL)
    return TRUE;
  if (pmd_json_node_kind (node) != PMD_JSON_BOOLEAN)
    {
      g_autofree char *msg = g_strdup_printf (_("expected true or false, found %s"), node_kind (node));
      return invalid (error, path, key, msg);
    }
  *out = node->v.boolean;
  return TRUE;
}

/* obj[key] when it is of @kind, or NULL (with no error) when absent or null. */
static gboolean
read_container (const PmdJsonNode  *obj,
                const char         *path,
                const char         *key,
                PmdJsonKind         kind,
                const PmdJsonNode **out,
                GError            **error)
{
  const PmdJsonNode *node = pmd_json_object_get (obj, key);

  *out = NULL;
  if (node == NULL || pmd_json_node_kind (node) == PMD_JSON_NULL)
    return TRUE;
  if (pmd_json_node_kind (node) != kind)
    {
      g_autofree char *msg = g_strdup_printf (kind == PMD_JSON_ARRAY ? _("expected a list, found %s")
                                                                     : _("expected an object, found %s"),
                                              node_kind (node));
      return invalid (error, path, key, msg);
    }
  *out = node;
  return TRUE;
}

/* [[year, value], …] */
static gboolean
read_year_values (const PmdJsonNode *obj,
                  const char        *path,
                  const char        *key,
                  GArray            *out,
                  GError           **error)
{
  const PmdJsonNode *array, *node;

  if (!read_container (obj, path, key, PMD_JSON_ARRAY, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  node = pmd_json_node_first (array);
  for (guint k = 0; k < pmd_json_node_length (array); k++, node = pmd_json_node_next (node))
    {
      g_autofree char *item_path = g_strdup_printf ("%s.%s[%u]", path, key, k);
      PmdYearValue yv;
      double year;

      if (pmd_json_node_kind (node) != PMD_JSON_ARRAY || pmd_json_node_length (node) != 2)
        return invalid (error, item_path, NULL, _("expected a pair [year, value]"));
      if (!number_from_node (pmd_json_node_first (node), item_path, "[0]", &year, error) ||
          !whole_from_double (year, item_path, "[0]", &yv.year, error) ||
          !number_from_node (pmd_json_node_first (node) + 1, item_path, "[1]", &yv.value, error))
        {
          /* "path.[0]" reads better as "path[0]". */
          if (error != NULL && *error != NULL)
            {
              g_autofree char *fixed = g_strdup ((*error)->message);
              char *dot = strstr (fixed, ".[");
              if (dot != NULL)
                {
                  memmove (dot, dot + 1, strlen (dot));
                  g_free ((*error)->message);
                  (*error)->message = g_steal_pointer (&fixed);
                }
            }
          return FALSE;
        }
      g_array_append_val (out, yv);
    }
  return TRUE;
}

static gboolean
read_sources (const PmdJsonNode *obj,
              const char        *path,
              GHashTable       **out,
              GError           **error)
{
  const PmdJsonNode *sources, *key;
  g_autofree char *sub = NULL;

  if (!read_container (obj, path, "sources", PMD_JSON_OBJECT, &sources, error))
    return FALSE;
  if (sources == NULL)
    return TRUE;
  sub = g_strdup_printf ("%s.sources", path);
  key = pmd_json_node_first (sources);
  for (guint i = 0; i < pmd_json_node_length (sources); i++, key = pmd_json_member_next (key))
    {
      const PmdJsonNode *node = pmd_json_member_value (key);

      if (pmd_json_node_kind (node) != PMD_JSON_STRING)
        {
          g_autofree char *shown = pmd_format_escape_text (key->v.string);
          return invalid (error, sub, shown, _("a source is written as text"));
        }
      pmd_sources_set (out, key->v.string, node->v.string);
    }
  return TRUE;
}

/* The members of @obj that Piramide does not know, as a JSON object text. */
static char *
collect_extra (const PmdJsonNode *obj,
               const char *const *known)
{
  g_autoptr(PmdJsonWriter) writer = NULL;
  const PmdJsonNode *key = pmd_json_node_first (obj);
  gboolean any = FALSE;

  for (guint i = 0; i < pmd_json_node_length (obj); i++, key = pmd_json_member_next (key))
    {
      if (g_strv_contains (known, key->v.string))
        continue;
      if (!any)
        {
          writer = pmd_json_writer_new (FALSE);
          pmd_json_writer_begin_object (writer, TRUE);
          any = TRUE;
        }
      pmd_json_writer_key (writer, key->v.string);
      pmd_json_writer_value (writer, pmd_json_member_value (key));
    }
  if (!any)
    return NULL;
  pmd_json_writer_end_object (writer);
  return g_strchomp (pmd_json_writer_steal (writer, NULL));
}

typedef gpointer (*ReadItemFunc) (const PmdJsonNode *obj,
                                  const char        *path,
                                  GError           **error);

static gboolean
read_collection (const PmdJsonNode *root,
                 const char        *key,
                 GPtrArray         *into,
                 ReadItemFunc       read_item,
                 GError           **error)
{
  const PmdJsonNode *array, *node;

  if (!read_container (root, "$", key, PMD_JSON_ARRAY, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  node = pmd_json_node_first (array);
  for (guint i = 0; i < pmd_json_node_length (array); i++, node = pmd_json_node_next (node))
    {
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", key, i);
      gpointer item;

      if (pmd_json_node_kind (node) != PMD_JSON_OBJECT)
        {
          g_autofree char *msg = g_strdup_printf (_("expected an object, found %s"), node_kind (node));
          return invalid (error, path, NULL, msg);
        }
      item = read_item (node, path, error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (into, item);
    }
  return TRUE;
}

static gpointer
read_layer (const PmdJsonNode *obj,
            const char *path,
            GError    **error)
{
  PmdLayer *l = pmd_layer_new (NULL, NULL);

  if (!read_string (obj, path, "id", TRUE, FALSE, &l->id, error) ||
      !read_string (obj, path, "name", FALSE, FALSE, &l->name, error) ||
      !read_string (obj, path, "color", FALSE, TRUE, &l->color, error) ||
      !read_string (obj, path, "source", FALSE, TRUE, &l->source, error) ||
      !read_sources (obj, path, &l->sources, error))
    {
      pmd_layer_free (l);
      return NULL;
    }
  if (l->name == NULL)
    l->name = g_strdup (l->id);
  l->extra = collect_extra (obj, layer_keys);
  return l;
}

static gpointer
read_domain (const PmdJsonNode *obj,
             const char *path,
             GError    **error)
{
  PmdDomain *d = pmd_domain_new (NULL, NULL);

  if (!read_string (obj, path, "id", TRUE, FALSE, &d->id, error) ||
      !read_string (obj, path, "name", FALSE, FALSE, &d->name, error) ||
      !read_string (obj, path, "source", FALSE, TRUE, &d->source, error) ||
      !read_sources (obj, path, &d->sources, error))
    {
      pmd_domain_free (d);
      return NULL;
    }
  if (d->name == NULL)
    d->name = g_strdup (d->id);
  d->extra = collect_extra (obj, domain_keys);
  return d;
}

static gpointer
read_cohort (const PmdJsonNode *obj,
             const char *path,
             GError    **error)
{
  PmdCohort *c = pmd_cohort_new (NULL, NULL);

  if (!read_string (obj, path, "id", TRUE, FALSE, &c->id, error) ||
      !read_string (obj, path, "name", FALSE, FALSE, &c->name, error) ||
      !read_string (obj, path, "source", FALSE, TRUE, &c->source, error) ||
      !read_sources (obj, path, &c->sources, error))
    goto fail;
  if (pmd_json_object_get (obj, "points") == NULL)
    {
      invalid (error, path, "points", _("this field is required"));
      goto fail;
    }
  if (!read_year_values (obj, path, "points", c->points, error))
    goto fail;
  if (c->name == NULL)
    c->name = g_strdup (c->id);
  c->extra = collect_extra (obj, cohort_keys);
  return c;

fail:
  pmd_cohort_free (c);
  return NULL;
}

static gpointer
read_line (const PmdJsonNode *obj,
           const char *path,
           GError    **error)
{
  PmdLine *l = pmd_line_new (NULL, NULL, NULL, NULL, 0);

  if (!read_string (obj, path, "id", TRUE, FALSE, &l->id, error) ||
      !read_string (obj, path, "name", FALSE, FALSE, &l->name, error) ||
      !read_string (obj, path, "layer", TRUE, FALSE, &l->layer, error) ||
      !read_string (obj, path, "domain", TRUE, FALSE, &l->domain, error) ||
      !read_number (obj, path, "base_cost", TRUE, &l->base_cost, NULL, error) ||
      !read_number (obj, path, "clients", FALSE, &l->clients, &l->has_clients, error) ||
      !read_string (obj, path, "driver", FALSE, TRUE, &l->driver, error) ||
      !read_number (obj, path, "elasticity", FALSE, &l->elasticity, NULL, error) ||
      !read_number (obj, path, "growth", FALSE, &l->growth, NULL, error) ||
      !read_number (obj, path, "indexation", FALSE, &l->indexation, &l->has_indexation, error) ||
      !read_year_values (obj, path, "steps", l->steps, error) ||
      !read_bool (obj, path, "open_ended", &l->open_ended, error) ||
      !read_string (obj, path, "source", FALSE, TRUE, &l->source, error) ||
      !read_sources (obj, path, &l->sources, error))
    {
      pmd_line_free (l);
      return NULL;
    }
  if (l->name == NULL)
    l->name = g_strdup (l->id);
  l->extra = collect_extra (obj, line_keys);
  return l;
}

static gpointer
read_intervention (const PmdJsonNode *obj,
                   const char *path,
                   GError    **error)
{
  PmdIntervention *iv = pmd_intervention_new (NULL, PMD_INTERVENTION_INVEST, NULL, NULL, 0);
  g_autofree char *type = NULL;
  gboolean shift;

  if (!read_string (obj, path, "id", TRUE, FALSE, &iv->id, error) ||
      !read_string (obj, path, "name", FALSE, FALSE, &iv->name, error) ||
      !read_string (obj, path, "type", TRUE, FALSE, &type, error))
    goto fail;
  if (!g_str_equal (type, "shift") && !g_str_equal (type, "invest"))
    {
      invalid (error, path, "type", _("the type is “shift” or “invest”"));
      goto fail;
    }
  shift = g_str_equal (type, "shift");
  iv->type = shift ? PMD_INTERVENTION_SHIFT : PMD_INTERVENTION_INVEST;

  if (!read_string (obj, path, "source", TRUE, FALSE, &iv->source, error) ||
      !read_string (obj, path, "target", TRUE, FALSE, &iv->target, error) ||
      !read_number (obj, path, "fraction", shift, &iv->fraction, NULL, error) ||
      !read_number (obj, path, "cost_ratio", shift, &iv->cost_ratio, NULL, error) ||
      !read_number (obj, path, "amount", !shift, &iv->amount, NULL, error) ||
      !read_number (obj, path, "return", !shift, &iv->ret, NULL, error) ||
      !read_number (obj, path, "one_off", FALSE, &iv->one_off, NULL, error) ||
      !read_number (obj, path, "structural", FALSE, &iv->structural, NULL, error) ||
      !read_int (obj, path, "start", TRUE, &iv->start, NULL, error) ||
      !read_int (obj, path, "end", FALSE, &iv->end, &iv->has_end, error) ||
      !read_int (obj, path, "lag", FALSE, &iv->lag, NULL, error) ||
      !read_int (obj, path, "ramp_years", FALSE, &iv->ramp_years, NULL, error) ||
      !read_bool (obj, path, "enabled", &iv->enabled, error) ||
      !read_sources (obj, path, &iv->sources, error))
    goto fail;
  if (!iv->has_end)
    iv->end = iv->start;
  if (iv->name == NULL)
    iv->name = g_strdup (iv->id);
  iv->extra = collect_extra (obj, intervention_keys);
  return iv;

fail:
  pmd_intervention_free (iv);
  return NULL;
}

static gpointer
read_variant (const PmdJsonNode *obj,
              const char        *path,
              GError           **error)
{
  PmdVariant *v = pmd_variant_new (NULL, NULL);
  const PmdJsonNode *overrides, *key;

  if (!read_string (obj, path, "id", TRUE, FALSE, &v->id, error) ||
      !read_string (obj, path, "name", FALSE, FALSE, &v->name, error) ||
      !read_container (obj, path, "overrides", PMD_JSON_OBJECT, &overrides, error))
    goto fail;

  key = overrides != NULL ? pmd_json_node_first (overrides) : NULL;
  for (guint i = 0; overrides != NULL && i < pmd_json_node_length (overrides); i++, key = pmd_json_member_next (key))
    {
      const PmdJsonNode *node = pmd_json_member_value (key);
      g_autofree char *shown = pmd_format_escape_text (key->v.string);
      g_autofree char *sub = g_strdup_printf ("%s.overrides[\"%s\"]", path, shown);
      double value;

      /* "enabled": false reads as 0, as DESIGN.md writes it. */
      if (pmd_json_node_kind (node) == PMD_JSON_BOOLEAN)
        value = node->v.boolean ? 1.0 : 0.0;
      else if (!number_from_node (node, sub, NULL, &value, error))
        goto fail;
      pmd_variant_add_override (v, key->v.string, value);
    }
  if (v->name == NULL)
    v->name = g_strdup (v->id);
  v->extra = collect_extra (obj, variant_keys);
  return v;

fail:
  pmd_variant_free (v);
  return NULL;
}

static gpointer
read_actual (const PmdJsonNode *obj,
             const char *path,
             GError    **error)
{
  PmdActual *a = pmd_actual_new (NULL, 0, 0);

  if (!read_string (obj, path, "line", TRUE, FALSE, &a->line, error) ||
      !read_int (obj, path, "year", TRUE, &a->year, NULL, error) ||
      !read_number (obj, path, "cost", TRUE, &a->cost, NULL, error) ||
      !read_string (obj, path, "source", FALSE, TRUE, &a->source, error))
    {
      pmd_actual_free (a);
      return NULL;
    }
  a->extra = collect_extra (obj, actual_keys);
  return a;
}

static gboolean
read_ranges (const PmdJsonNode *root,
             PmdScenario       *sc,
             GError           **error)
{
  const PmdJsonNode *ranges, *key;

  if (!read_container (root, "$", "ranges", PMD_JSON_OBJECT, &ranges, error))
    return FALSE;
  if (ranges == NULL)
    return TRUE;

  key = pmd_json_node_first (ranges);
  for (guint i = 0; i < pmd_json_node_length (ranges); i++, key = pmd_json_member_next (key))
    {
      const PmdJsonNode *pair = pmd_json_member_value (key);
      g_autofree char *shown = pmd_format_escape_text (key->v.string);
      g_autofree char *path = g_strdup_printf ("$.ranges[\"%s\"]", shown);
      double low, high;

      if (pmd_json_node_kind (pair) != PMD_JSON_ARRAY || pmd_json_node_length (pair) != 2)
        return invalid (error, path, NULL, _("expected a pair [low, high]"));
      if (!number_from_node (pmd_json_node_first (pair), path, "low", &low, error) ||
          !number_from_node (pmd_json_node_next (pmd_json_node_first (pair)), path, "high", &high, error))
        return FALSE;
      g_ptr_array_add (sc->ranges, pmd_range_new (key->v.string, low, high));
    }
  return TRUE;
}

static gboolean
read_funding (const PmdJsonNode *root,
              PmdScenario       *sc,
              GError           **error)
{
  const PmdJsonNode *obj;
  const char *path = "$.funding";

  if (!read_container (root, "$", "funding", PMD_JSON_OBJECT, &obj, error))
    return FALSE;
  if (obj == NULL)
    return TRUE;
  if (!read_number (obj, path, "base", FALSE, &sc->funding.base, NULL, error) ||
      !read_number (obj, path, "growth", FALSE, &sc->funding.growth, NULL, error) ||
      !read_year_values (obj, path, "steps", sc->funding.steps, error) ||
      !read_string (obj, path, "source", FALSE, TRUE, &sc->funding.source, error) ||
      !read_sources (obj, path, &sc->funding.sources, error))
    return FALSE;
  sc->funding.extra = collect_extra (obj, funding_keys);
  return TRUE;
}

/* Older versions are migrated here, one version at a time. Version 1 is the
 * first, so there is nothing to migrate yet. */
static gboolean
migrate (const PmdJsonNode *root,
         int         version,
         GError    **error)
{
  if (version < 1)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_VERSION,
                   _("$.version: %d is not a version of the Piramide format"), version);
      return FALSE;
    }
  return TRUE;
}

static PmdScenario *
read_scenario (const PmdJsonNode *root,
               GError           **error)
{
  g_autoptr(PmdScenario) sc = pmd_scenario_new ();
  g_autofree char *format = NULL;
  double version = 0;

  if (!read_string (root, "$", "format", FALSE, FALSE, &format, error))
    return NULL;
  if (g_strcmp0 (format, PMD_SCENARIO_FORMAT) != 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_FORMAT,
                   _("$.format: this is not a Piramide scenario (expected “%s”)"),
                   PMD_SCENARIO_FORMAT);
      return NULL;
    }
  if (!read_number (root, "$", "version", TRUE, &version, NULL, error) ||
      !whole_from_double (version, "$", "version", &sc->version, error))
    return NULL;
  if (sc->version > PMD_SCENARIO_VERSION)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_VERSION,
                   _("this file has format version %d and was written by a newer Piramide; "
                     "this Piramide reads versions up to %d: update Piramide to open it"),
                   sc->version, PMD_SCENARIO_VERSION);
      return NULL;
    }
  if (!migrate (root, sc->version, error))
    return NULL;
  sc->version = PMD_SCENARIO_VERSION;

  if (!read_string (root, "$", "name", FALSE, FALSE, &sc->name, error) ||
      !read_string (root, "$", "municipality", FALSE, TRUE, &sc->municipality, error) ||
      !read_string (root, "$", "notes", FALSE, TRUE, &sc->notes, error) ||
      !read_int (root, "$", "base_year", TRUE, &sc->base_year, NULL, error) ||
      !read_int (root, "$", "horizon", FALSE, &sc->horizon, NULL, error) ||
      !read_number (root, "$", "indexation", FALSE, &sc->indexation, NULL, error) ||
      !read_number (root, "$", "discount_rate", FALSE, &sc->discount_rate, NULL, error) ||
      !read_sources (root, "$", &sc->sources, error) ||
      !read_collection (root, "layers", sc->layers, read_layer, error) ||
      !read_collection (root, "domains", sc->domains, read_domain, error) ||
      !read_collection (root, "cohorts", sc->cohorts, read_cohort, error) ||
      !read_collection (root, "lines", sc->lines, read_line, error) ||
      !read_collection (root, "interventions", sc->interventions, read_intervention, error) ||
      !read_funding (root, sc, error) ||
      !read_ranges (root, sc, error) ||
      !read_collection (root, "variants", sc->variants, read_variant, error) ||
      !read_collection (root, "actuals", sc->actuals, read_actual, error))
    return NULL;

  sc->extra = collect_extra (root, root_keys);

  if (!pmd_scenario_validate (sc, error))
    return NULL;

  return g_steal_pointer (&sc);
}

/**
 * pmd_scenario_load_from_data:
 * @data: the text of a scenario file
 * @length: its length, or -1 when nul-terminated
 * @error: what is wrong, with the JSON path (or line and column)
 *
 * Reads, migrates and validates a scenario.
 *
 * Returns: (transfer full) (nullable): a valid, resolved scenario
 */
PmdScenario *
pmd_scenario_load_from_data (const char *data,
                             gssize      length,
                             GError    **error)
{
  g_autoptr(PmdJsonDoc) doc = NULL;
  g_autoptr(GError) json_error = NULL;
  const PmdJsonNode *root;
  gsize len;

  g_return_val_if_fail (data != NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (len > PMD_SCENARIO_FILE_MAX_SIZE)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB; a scenario is much smaller"),
                   PMD_SCENARIO_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  doc = pmd_json_parse (data, len, &json_error);
  if (doc == NULL)
    {
      static const int codes[] = {
        [PMD_JSON_ERROR_SYNTAX] = PMD_SCENARIO_ERROR_SYNTAX,
        [PMD_JSON_ERROR_VALUE] = PMD_SCENARIO_ERROR_INVALID,
        [PMD_JSON_ERROR_DEPTH] = PMD_SCENARIO_ERROR_TOO_LARGE,
      };

      g_set_error_literal (error, PMD_SCENARIO_ERROR, codes[json_error->code], json_error->message);
      return NULL;
    }
  root = pmd_json_doc_get_root (doc);
  if (pmd_json_node_kind (root) != PMD_JSON_OBJECT)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_FORMAT,
                   _("$: a scenario is a JSON object, found %s"), node_kind (root));
      return NULL;
    }
  return read_scenario (root, error);
}

static gboolean
file_error (GError **error,
            int      saved_errno)
{
  /* The caller names the file; GLib's own message would name it again. */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("cannot read the file: %s"), g_strerror (saved_errno));
  return FALSE;
}

/* The whole file, checked on the open descriptor (no name can change in
 * between): a regular file within the size limit; /dev/zero or a huge file
 * never fills memory. */
static gboolean
read_file (const char *path,
           char      **out,
           gsize      *out_len,
           GError    **error)
{
  g_autofree char *data = NULL;
  gsize len = 0, allocated;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return file_error (error, errno);
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      g_close (fd, NULL);
      return file_error (error, saved_errno);
    }
  if (!S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("not a regular file"));
      return FALSE;
    }
  /* One byte more than the limit tells a file that grew past it. */
  allocated = MIN ((gsize) st.st_size, (gsize) PMD_SCENARIO_FILE_MAX_SIZE) + 1;
  data = g_malloc (allocated + 1);
  for (;;)
    {
      gssize n = read (fd, data + len, allocated - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_close (fd, NULL);
          return file_error (error, saved_errno);
        }
      if (n == 0)
        break;
      len += n;
      if (len > PMD_SCENARIO_FILE_MAX_SIZE)
        break;
      if (len == allocated)
        {
          allocated = MIN (allocated * 2, (gsize) PMD_SCENARIO_FILE_MAX_SIZE + 1);
          data = g_realloc (data, allocated + 1);
        }
    }
  g_close (fd, NULL);
  if (len > PMD_SCENARIO_FILE_MAX_SIZE)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB; a scenario is much smaller"),
                   PMD_SCENARIO_FILE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  data[len] = '\0';
  *out = g_steal_pointer (&data);
  *out_len = len;
  return TRUE;
}

/**
 * pmd_scenario_load_file:
 * @path: a file name
 * @error: an unreadable file, or see pmd_scenario_load_from_data()
 *
 * Returns: (transfer full) (nullable): a valid, resolved scenario
 */
PmdScenario *
pmd_scenario_load_file (const char *path,
                        GError    **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_file (path, &data, &len, error))
    return NULL;
  return pmd_scenario_load_from_data (data, len, error);
}

/**
 * pmd_scenario_load_bundled:
 * @name: "westland-2026" or "blank"
 *
 * Returns: (transfer full) (nullable): a scenario shipped inside the program
 */
PmdScenario *
pmd_scenario_load_bundled (const char *name,
                           GError    **error)
{
  g_autofree char *path = g_strdup_printf ("/nl/piramide/Piramide/scenarios/%s.piramide", name);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  bytes = g_resource_lookup_data (pmd_data_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return pmd_scenario_load_from_data (data, len, error);
}

GResource *
pmd_data_get_resource (void)
{
  return _pmd_data_get_resource ();
}
