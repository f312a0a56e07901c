/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-scenario-file.h"
#include "pmd-file-writer.h"
#include "pmd-json-writer.h"

/*
 * Writing a scenario as the text of a `.piramide` file (DESIGN.md §3), and
 * saving it atomically; the reader is pmd-scenario-reader.c.
 */

static void
write_string_field (PmdJsonWriter *w,
                    const char    *key,
                    const char    *value)
{
  if (value == NULL)
    return;
  pmd_json_writer_key (w, key);
  pmd_json_writer_string (w, value);
}

static void
write_number_field (PmdJsonWriter *w,
                    const char    *key,
                    double         value)
{
  pmd_json_writer_key (w, key);
  pmd_json_writer_number (w, value);
}

static void
write_sources (PmdJsonWriter *w,
               GHashTable    *sources)
{
  g_autoptr(GList) keys = NULL;

  if (sources == NULL || g_hash_table_size (sources) == 0)
    return;
  /* Sorted, so that saving twice writes the same file. */
  keys = g_list_sort (g_hash_table_get_keys (sources), (GCompareFunc) g_strcmp0);
  pmd_json_writer_key (w, "sources");
  pmd_json_writer_begin_object (w, FALSE);
  for (GList *l = keys; l; l = l->next)
    write_string_field (w, l->data, g_hash_table_lookup (sources, l->data));
  pmd_json_writer_end_object (w);
}

static void
write_year_values (PmdJsonWriter *w,
                   const char    *key,
                   GArray        *values,
                   gboolean       always)
{
  if (values->len == 0 && !always)
    return;
  pmd_json_writer_key (w, key);
  pmd_json_writer_begin_array (w, TRUE);
  for (guint k = 0; k < values->len; k++)
    {
      const PmdYearValue *yv = &g_array_index (values, PmdYearValue, k);
      pmd_json_writer_begin_array (w, TRUE);
      pmd_json_writer_int (w, yv->year);
      pmd_json_writer_number (w, yv->value);
      pmd_json_writer_end_array (w);
    }
  pmd_json_writer_end_array (w);
}

static void
write_line (PmdJsonWriter *w,
            const PmdLine *l)
{
  pmd_json_writer_begin_object (w, FALSE);
  write_string_field (w, "id", l->id);
  write_string_field (w, "name", l->name);
  write_string_field (w, "layer", l->layer);
  write_string_field (w, "domain", l->domain);
  write_number_field (w, "base_cost", l->base_cost);
  pmd_json_writer_key (w, "clients");
  if (l->has_clients)
    pmd_json_writer_number (w, l->clients);
  else
    pmd_json_writer_null (w);
  pmd_json_writer_key (w, "driver");
  pmd_json_writer_string (w, l->driver);
  write_number_field (w, "elasticity", l->elasticity);
  write_number_field (w, "growth", l->growth);
  pmd_json_writer_key (w, "indexation");
  if (l->has_indexation)
    pmd_json_writer_number (w, l->indexation);
  else
    pmd_json_writer_null (w);
  write_year_values (w, "steps", l->steps, FALSE);
  pmd_json_writer_key (w, "open_ended");
  pmd_json_writer_bool (w, l->open_ended);
  write_string_field (w, "source", l->source);
  write_sources (w, l->sources);
  pmd_json_writer_members (w, l->extra);
  pmd_json_writer_end_object (w);
}

static void
write_intervention (PmdJsonWriter         *w,
                    const PmdIntervention *iv)
{
  gboolean shift = iv->type == PMD_INTERVENTION_SHIFT;

  pmd_json_writer_begin_object (w, FALSE);
  write_string_field (w, "id", iv->id);
  write_string_field (w, "name", iv->name);
  write_string_field (w, "type", shift ? "shift" : "invest");
  write_string_field (w, "source", iv->source);
  write_string_field (w, "target", iv->target);
  /* The other type's fields only when set, so nothing typed in is lost. */
  if (shift || iv->fraction != 0)
    write_number_field (w, "fraction", iv->fraction);
  if (shift || iv->cost_ratio != 0)
    write_number_field (w, "cost_ratio", iv->cost_ratio);
  if (!shift || iv->amount != 0)
    write_number_field (w, "amount", iv->amount);
  if (!shift || iv->ret != 0)
    write_number_field (w, "return", iv->ret);
  write_number_field (w, "one_off", iv->one_off);
  if (shift || iv->structural != 0)
    write_number_field (w, "structural", iv->structural);
  pmd_json_writer_key (w, "start");
  pmd_json_writer_int (w, iv->start);
  pmd_json_writer_key (w, "end");
  if (iv->has_end)
    pmd_json_writer_int (w, iv->end);
  else
    pmd_json_writer_null (w);
  pmd_json_writer_key (w, "lag");
  pmd_json_writer_int (w, iv->lag);
  pmd_json_writer_key (w, "ramp_years");
  pmd_json_writer_int (w, iv->ramp_years);
  pmd_json_writer_key (w, "enabled");
  pmd_json_writer_bool (w, iv->enabled);
  write_sources (w, iv->sources);
  pmd_json_writer_members (w, iv->extra);
  pmd_json_writer_end_object (w);
}

/**
 * pmd_scenario_to_data:
 * @scenario: a scenario
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the scenario as the text of a `.piramide` file
 */
char *
pmd_scenario_to_data (const PmdScenario *sc,
                      gsize             *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

  pmd_json_writer_begin_object (w, FALSE);
  write_string_field (w, "format", PMD_SCENARIO_FORMAT);
  pmd_json_writer_key (w, "version");
  pmd_json_writer_int (w, PMD_SCENARIO_VERSION);
  write_string_field (w, "name", sc->name);
  write_string_field (w, "municipality", sc->municipality);
  pmd_json_writer_key (w, "base_year");
  pmd_json_writer_int (w, sc->base_year);
  pmd_json_writer_key (w, "horizon");
  pmd_json_writer_int (w, sc->horizon);
  write_number_field (w, "indexation", sc->indexation);
  write_number_field (w, "discount_rate", sc->discount_rate);
  write_string_field (w, "notes", sc->notes);
  write_sources (w, sc->sources);

  pmd_json_writer_key (w, "layers");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->layers->len; i++)
    {
      const PmdLayer *l = g_ptr_array_index (sc->layers, i);
      pmd_json_writer_begin_object (w, FALSE);
      write_string_field (w, "id", l->id);
      write_string_field (w, "name", l->name);
      write_string_field (w, "color", l->color);
      write_string_field (w, "source", l->source);
      write_sources (w, l->sources);
      pmd_json_writer_members (w, l->extra);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);

  pmd_json_writer_key (w, "domains");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->domains->len; i++)
    {
      const PmdDomain *d = g_ptr_array_index (sc->domains, i);
      pmd_json_writer_begin_object (w, FALSE);
      write_string_field (w, "id", d->id);
      write_string_field (w, "name", d->name);
      write_string_field (w, "source", d->source);
      write_sources (w, d->sources);
      pmd_json_writer_members (w, d->extra);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);

  pmd_json_writer_key (w, "cohorts");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->cohorts->len; i++)
    {
      const PmdCohort *c = g_ptr_array_index (sc->cohorts, i);
      pmd_json_writer_begin_object (w, FALSE);
      write_string_field (w, "id", c->id);
      write_string_field (w, "name", c->name);
      write_year_values (w, "points", c->points, TRUE);
      write_string_field (w, "source", c->source);
      write_sources (w, c->sources);
      pmd_json_writer_members (w, c->extra);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);

  pmd_json_writer_key (w, "lines");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->lines->len; i++)
    write_line (w, g_ptr_array_index (sc->lines, i));
  pmd_json_writer_end_array (w);

  pmd_json_writer_key (w, "interventions");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->interventions->len; i++)
    write_intervention (w, g_ptr_array_index (sc->interventions, i));
  pmd_json_writer_end_array (w);

  pmd_json_writer_key (w, "funding");
  pmd_json_writer_begin_object (w, FALSE);
  write_number_field (w, "base", sc->funding.base);
  write_number_field (w, "growth", sc->funding.growth);
  write_year_values (w, "steps", sc->funding.steps, TRUE);
  write_string_field (w, "source", sc->funding.source);
  write_sources (w, sc->funding.sources);
  pmd_json_writer_members (w, sc->funding.extra);
  pmd_json_writer_end_object (w);

  pmd_json_writer_key (w, "ranges");
  pmd_json_writer_begin_object (w, FALSE);
  for (guint i = 0; i < sc->ranges->len; i++)
    {
      const PmdRange *r = g_ptr_array_index (sc->ranges, i);
      pmd_json_writer_key (w, r->path);
      pmd_json_writer_begin_array (w, TRUE);
      pmd_json_writer_number (w, r->low);
      pmd_json_writer_number (w, r->high);
      pmd_json_writer_end_array (w);
    }
  pmd_json_writer_end_object (w);

  pmd_json_writer_key (w, "variants");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->variants->len; i++)
    {
      const PmdVariant *v = g_ptr_array_index (sc->variants, i);
      pmd_json_writer_begin_object (w, FALSE);
      write_string_field (w, "id", v->id);
      write_string_field (w, "name", v->name);
      pmd_json_writer_key (w, "overrides");
      pmd_json_writer_begin_object (w, FALSE);
      for (guint k = 0; k < v->overrides->len; k++)
        {
          const PmdOverride *o = &g_array_index (v->overrides, PmdOverride, k);
          write_number_field (w, o->path, o->value);
        }
      pmd_json_writer_end_object (w);
      pmd_json_writer_members (w, v->extra);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);

  pmd_json_writer_key (w, "actuals");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < sc->actuals->len; i++)
    {
      const PmdActual *a = g_ptr_array_index (sc->actuals, i);
      pmd_json_writer_begin_object (w, TRUE);
      write_string_field (w, "line", a->line);
      pmd_json_writer_key (w, "year");
      pmd_json_writer_int (w, a->year);
      write_number_field (w, "cost", a->cost);
      write_string_field (w, "source", a->source);
      pmd_json_writer_members (w, a->extra);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);

  pmd_json_writer_members (w, sc->extra);
  pmd_json_writer_end_object (w);
  return pmd_json_writer_steal (w, length);
}

/**
 * pmd_scenario_save_file:
 * @scenario: a scenario
 * @path: where to write it
 * @error: the reason it could not be written (a full disk, no permission,
 *   a folder at @path)
 *
 * Writes atomically with pmd_file_write_atomic(): a crash or a full disk
 * leaves the old file as it was; a symbolic link at @path stays a link, and
 * the old file's permissions are kept.
 */
gboolean
pmd_scenario_save_file (const PmdScenario *scenario,
                        const char        *path,
                        GError           **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = pmd_scenario_to_data (scenario, &len);
  return pmd_file_write_atomic (path, data, len, NULL, error);
}
