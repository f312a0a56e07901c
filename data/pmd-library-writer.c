/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-library-writer.h"
#include "pmd-csv.h"
#include "pmd-json-writer.h"
#include "pmd-text-table.h"

static char *
steal_text (GString *out,
            gsize   *length)
{
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

static void
write_tags (PmdJsonWriter      *w,
            const char *const *tags)
{
  pmd_json_writer_key (w, "tags");
  pmd_json_writer_begin_array (w, TRUE);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    pmd_json_writer_string (w, tags[i]);
  pmd_json_writer_end_array (w);
}

/* Tags for people: "Raadsvoorstel 2027, Voorjaarsnota". */
static char *
join_tags (const char *const *tags)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) (tags != NULL ? tags : (const char *const[]) { NULL }));

  return pmd_format_escape_text (joined);
}

/* "2026-03-01T09:30:00Z" as "2026-03-01 09:30 UTC". */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC") : pmd_format_escape_text (iso);
}

/* The library */

/**
 * pmd_library_list_to_json:
 * @scenarios: (element-type PmdLibraryScenario): pmd_library_list()
 *
 * Returns: (transfer full): `[{"name", "title", "versions", "latest",
 *   "updated", "tags"}]`
 */
char *
pmd_library_list_to_json (GPtrArray *scenarios,
                          gsize     *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const PmdLibraryScenario *s = g_ptr_array_index (scenarios, i);

      pmd_json_writer_begin_object (w, TRUE);
      pmd_json_writer_key (w, "name");
      pmd_json_writer_string (w, s->name);
      pmd_json_writer_key (w, "title");
      pmd_json_writer_string (w, s->title);
      pmd_json_writer_key (w, "versions");
      pmd_json_writer_int (w, s->n_versions);
      pmd_json_writer_key (w, "latest");
      pmd_json_writer_int (w, s->latest);
      pmd_json_writer_key (w, "updated");
      pmd_json_writer_string (w, s->updated);
      write_tags (w, (const char *const *) s->tags);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  return pmd_json_writer_steal (w, length);
}

char *
pmd_library_list_to_table (GPtrArray *scenarios,
                           gsize     *length)
{
  g_autoptr(PmdTextTable) table = pmd_text_table_new ("llrrll");
  GString *out = g_string_new (NULL);

  if (scenarios->len == 0)
    {
      g_string_append_printf (out, "%s\n", _("The library holds no scenarios yet"));
      return steal_text (out, length);
    }
  pmd_text_table_add (table, _("Name"));
  pmd_text_table_add (table, _("Title"));
  pmd_text_table_add (table, _("Versions"));
  pmd_text_table_add (table, _("Latest"));
  pmd_text_table_add (table, _("Updated"));
  pmd_text_table_add (table, _("Tags"));
  for (guint i = 0; i < scenarios->len; i++)
    {
      const PmdLibraryScenario *s = g_ptr_array_index (scenarios, i);

      pmd_text_table_take (table, pmd_format_escape_text (s->name));
      pmd_text_table_take (table, pmd_format_escape_text (s->title));
      pmd_text_table_take (table, pmd_format_number (s->n_versions, 0));
      pmd_text_table_take (table, pmd_format_number (s->latest, 0));
      pmd_text_table_take (table, format_time (s->updated));
      pmd_text_table_take (table, join_tags ((const char *const *) s->tags));
    }
  pmd_text_table_append_to (table, out);
  return steal_text (out, length);
}

/**
 * pmd_library_log_to_json:
 * @versions: (element-type PmdLibraryVersion): pmd_library_log(), oldest first
 *
 * Returns: (transfer full): `[{"version", "created", "author", "message",
 *   "sha256", "tags"}]`
 */
char *
pmd_library_log_to_json (GPtrArray *versions,
                         gsize     *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < versions->len; i++)
    {
      const PmdLibraryVersion *v = g_ptr_array_index (versions, i);

      pmd_json_writer_begin_object (w, TRUE);
      pmd_json_writer_key (w, "version");
      pmd_json_writer_int (w, v->version);
      pmd_json_writer_key (w, "created");
      pmd_json_writer_string (w, v->created);
      pmd_json_writer_key (w, "author");
      pmd_json_writer_string (w, v->author);
      pmd_json_writer_key (w, "message");
      pmd_json_writer_string (w, v->message);
      pmd_json_writer_key (w, "sha256");
      pmd_json_writer_string (w, v->sha256);
      write_tags (w, (const char *const *) v->tags);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  return pmd_json_writer_steal (w, length);
}

char *
pmd_library_log_to_table (GPtrArray *versions,
                          gsize     *length)
{
  g_autoptr(PmdTextTable) table = pmd_text_table_new ("rlllll");
  GString *out = g_string_new (NULL);

  pmd_text_table_add (table, _("Version"));
  pmd_text_table_add (table, _("Added"));
  pmd_text_table_add (table, _("Author"));
  pmd_text_table_add (table, "SHA-256");
  pmd_text_table_add (table, _("Tags"));
  pmd_text_table_add (table, _("Message"));
  for (guint i = 0; i < versions->len; i++)
    {
      const PmdLibraryVersion *v = g_ptr_array_index (versions, i);

      pmd_text_table_take (table, g_strdup_printf ("%d", v->version));
      pmd_text_table_take (table, format_time (v->created));
      pmd_text_table_take (table, pmd_format_escape_text (v->author));
      /* Twelve hex digits tell versions apart; JSON has all 64. */
      pmd_text_table_take (table, g_strndup (v->sha256, 12));
      pmd_text_table_take (table, join_tags ((const char *const *) v->tags));
      pmd_text_table_take (table, pmd_format_escape_text (v->message));
    }
  pmd_text_table_append_to (table, out);
  return steal_text (out, length);
}

/* The monitor */

typedef struct
{
  const char              *kind;   /* "line", "layer" or NULL for the total */
  const char              *id;
  const char              *name;
  const PmdMonitorFigures *figures;
} MonitorRow;

/* Lines in the scenario's order, layers bottom to top, then the total. */
static GArray *
monitor_rows (const PmdMonitorSource *source,
              const PmdMonitor       *monitor)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (MonitorRow));
  const PmdScenario *sc = source->scenario;

  for (guint i = 0; i < monitor->n_lines; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      MonitorRow row = { "line", l->id, l->name, &monitor->lines[i] };
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < monitor->n_layers; i++)
    {
      const PmdLayer *l = g_ptr_array_index (sc->layers, i);
      MonitorRow row = { "layer", l->id, l->name, &monitor->layers[i] };
      g_array_append_val (rows, row);
    }
  {
    MonitorRow row = { NULL, NULL, _("Total"), &monitor->total };
    g_array_append_val (rows, row);
  }
  return rows;
}

static void
write_figures (PmdJsonWriter           *w,
               const PmdMonitorFigures *f)
{
  const struct { const char *key; double value; } members[] = {
    { "budget", f->budget },
    { "actual_to_date", f->actual_to_date },
    { "used", f->used },
    { "expected", f->expected },
    { "forecast_year_end", f->forecast_year_end },
    { "forecast_difference", f->forecast_difference },
  };

  /* NaN (no budget, no forecast) is written as null. */
  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    {
      pmd_json_writer_key (w, members[k].key);
      pmd_json_writer_number (w, members[k].value);
    }
  pmd_json_writer_key (w, "alarm");
  pmd_json_writer_bool (w, f->alarm);
}

/**
 * pmd_monitor_to_json:
 *
 * Returns: (transfer full): `{"scenario", "version", "year", "month",
 *   "threshold", "lines": [{"line", …}], "layers": [{"layer", …}],
 *   "total": {…}}`, each with `budget`, `actual_to_date`, `used`,
 *   `expected`, `forecast_year_end`, `forecast_difference` and `alarm`
 */
char *
pmd_monitor_to_json (const PmdMonitorSource *source,
                     const PmdMonitor       *monitor,
                     gsize                  *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);
  const PmdScenario *sc = source->scenario;

  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "scenario");
  pmd_json_writer_string (w, source->name);
  pmd_json_writer_key (w, "version");
  pmd_json_writer_int (w, source->version);
  pmd_json_writer_key (w, "year");
  pmd_json_writer_int (w, monitor->year);
  pmd_json_writer_key (w, "month");
  pmd_json_writer_int (w, monitor->month);
  pmd_json_writer_key (w, "threshold");
  pmd_json_writer_number (w, monitor->threshold);
  pmd_json_writer_key (w, "lines");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < monitor->n_lines; i++)
    {
      pmd_json_writer_begin_object (w, TRUE);
      pmd_json_writer_key (w, "line");
      pmd_json_writer_string (w, ((const PmdLine *) g_ptr_array_index (sc->lines, i))->id);
      write_figures (w, &monitor->lines[i]);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  pmd_json_writer_key (w, "layers");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < monitor->n_layers; i++)
    {
      pmd_json_writer_begin_object (w, TRUE);
      pmd_json_writer_key (w, "layer");
      pmd_json_writer_string (w, ((const PmdLayer *) g_ptr_array_index (sc->layers, i))->id);
      write_figures (w, &monitor->layers[i]);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  pmd_json_writer_key (w, "total");
  pmd_json_writer_begin_object (w, TRUE);
  write_figures (w, &monitor->total);
  pmd_json_writer_end_object (w);
  pmd_json_writer_end_object (w);
  return pmd_json_writer_steal (w, length);
}

static void
append_share (GString *out,
              double   share)
{
  g_string_append_c (out, ';');
  if (isfinite (share))
    {
      g_autofree char *text = pmd_format_decimal_comma (share, 4);
      g_string_append (out, text);
    }
}

/**
 * pmd_monitor_to_csv:
 *
 * For Dutch spreadsheets (`;`, decimal comma): one row per line, layer and
 * the total with the figures of the JSON; shares to four decimals, euros
 * to the cent, empty where a value does not exist, the alarm as 1 or 0.
 *
 * Returns: (transfer full): the CSV text
 */
char *
pmd_monitor_to_csv (const PmdMonitorSource *source,
                    const PmdMonitor       *monitor,
                    gsize                  *length)
{
  g_autoptr(GArray) rows = monitor_rows (source, monitor);
  GString *out = g_string_new (PMD_CSV_BOM);

  g_string_append (out, "scenario;version;year;month;threshold;level;id;name;budget;actual_to_date;used;expected;"
                        "forecast_year_end;forecast_difference;alarm\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const MonitorRow *row = &g_array_index (rows, MonitorRow, i);
      const PmdMonitorFigures *f = row->figures;

      pmd_csv_append_field (out, source->name);
      g_string_append_printf (out, ";%d;%d;%d", source->version, monitor->year, monitor->month);
      append_share (out, monitor->threshold);
      g_string_append_c (out, ';');
      pmd_csv_append_field (out, row->kind != NULL ? row->kind : "total");
      g_string_append_c (out, ';');
      pmd_csv_append_field (out, row->id != NULL ? row->id : "");
      g_string_append_c (out, ';');
      pmd_csv_append_field (out, row->name);
      pmd_csv_append_number (out, f->budget);
      pmd_csv_append_number (out, f->actual_to_date);
      append_share (out, f->used);
      append_share (out, f->expected);
      if (isfinite (f->forecast_year_end))
        {
          pmd_csv_append_number (out, f->forecast_year_end);
          pmd_csv_append_number (out, f->forecast_difference);
        }
      else
        g_string_append (out, ";;");
      g_string_append_printf (out, ";%d\r\n", f->alarm ? 1 : 0);
    }
  return steal_text (out, length);
}

static char *
format_share (double share)
{
  return isfinite (share) ? pmd_format_percent (share, 1) : g_strdup ("–");
}

/**
 * pmd_monitor_to_table:
 *
 * For people: per line, layer and in total the budget, spent to date, the
 * share used and expected, the year-end forecast and its difference to the
 * budget in whole euros, and the alarm in words.
 *
 * Returns: (transfer full): the text
 */
char *
pmd_monitor_to_table (const PmdMonitorSource *source,
                      const PmdMonitor       *monitor,
                      gsize                  *length)
{
  g_autoptr(GArray) rows = monitor_rows (source, monitor);
  g_autoptr(PmdTextTable) table = pmd_text_table_new ("lrrrrrrl");
  g_autofree char *title = pmd_format_escape_text (source->scenario->name);
  g_autofree char *threshold = pmd_format_percent (monitor->threshold, 0);
  GString *out = g_string_new (NULL);
  const char *header[] = {
    _("Line or layer"), _("Budget"), _("Spent to date"), _("Used"), _("Expected"), _("Year-end forecast"),
    _("Difference"), _("Alarm"),
  };

  /* Translators: "Westland 2026 (illustratief), westland-2026@2" */
  g_string_append_printf (out, _("%s, %s@%d\n"), title, source->name, source->version);
  g_string_append_printf (out, _("Spending %d through month %d against the budget; alarm at %s of the budget; "
                                 "amounts in euros\n\n"), monitor->year, monitor->month, threshold);
  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    pmd_text_table_add (table, header[k]);
  for (guint i = 0; i < rows->len; i++)
    {
      const MonitorRow *row = &g_array_index (rows, MonitorRow, i);
      const PmdMonitorFigures *f = row->figures;

      /* A blank row before the layers and before the total. */
      if (i > 0 && g_strcmp0 (row->kind, g_array_index (rows, MonitorRow, i - 1).kind) != 0)
        for (guint k = 0; k < G_N_ELEMENTS (header); k++)
          pmd_text_table_add (table, "");
      if (g_strcmp0 (row->kind, "layer") == 0)
        {
          g_autofree char *layer = g_strdup_printf (_("Layer: %s"), row->name);
          pmd_text_table_take (table, pmd_format_escape_text (layer));
        }
      else
        pmd_text_table_take (table, pmd_format_escape_text (row->name));
      pmd_text_table_take (table, pmd_format_number (f->budget, 0));
      pmd_text_table_take (table, pmd_format_number (f->actual_to_date, 0));
      pmd_text_table_take (table, format_share (f->used));
      pmd_text_table_take (table, format_share (f->expected));
      pmd_text_table_take (table, pmd_format_number (f->forecast_year_end, 0));
      pmd_text_table_take (table, pmd_format_number (f->forecast_difference, 0));
      pmd_text_table_add (table, pmd_monitor_figures_describe (f));
    }
  pmd_text_table_append_to (table, out);
  if (monitor->n_unknown > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "\n%u amount of %d is booked on a line this version does not have\n",
                                              "\n%u amounts of %d are booked on lines this version does not have\n",
                                              monitor->n_unknown), monitor->n_unknown, monitor->year);
  return steal_text (out, length);
}

/* Forecast accuracy */

/**
 * pmd_accuracy_to_json:
 * @entries: (element-type PmdAccuracyEntry): pmd_forecast_accuracy()
 *
 * Returns: (transfer full): `{"scenario", "entries": [{"year", "version",
 *   "line" (null: the total of the lines compared), "lines", "projected",
 *   "actual", "difference", "relative_error"}]}`
 */
char *
pmd_accuracy_to_json (const char *name,
                      GPtrArray  *entries,
                      gsize      *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "scenario");
  pmd_json_writer_string (w, name);
  pmd_json_writer_key (w, "entries");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      const PmdAccuracyEntry *e = g_ptr_array_index (entries, i);

      pmd_json_writer_begin_object (w, TRUE);
      pmd_json_writer_key (w, "year");
      pmd_json_writer_int (w, e->year);
      pmd_json_writer_key (w, "version");
      pmd_json_writer_int (w, e->version);
      pmd_json_writer_key (w, "line");
      if (e->line != NULL)
        pmd_json_writer_string (w, e->line);
      else
        pmd_json_writer_null (w);
      pmd_json_writer_key (w, "lines");
      pmd_json_writer_int (w, e->n_lines);
      pmd_json_writer_key (w, "projected");
      pmd_json_writer_number (w, e->projected);
      pmd_json_writer_key (w, "actual");
      pmd_json_writer_number (w, e->actual);
      pmd_json_writer_key (w, "difference");
      pmd_json_writer_number (w, e->difference);
      pmd_json_writer_key (w, "relative_error");
      pmd_json_writer_number (w, e->relative_error);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_array (w);
  pmd_json_writer_end_object (w);
  return pmd_json_writer_steal (w, length);
}

/**
 * pmd_accuracy_to_table:
 * @scenario: (nullable): a version of the scenario, for the lines' names
 *
 * "Hoe goed voorspelden we?" for people.
 *
 * Returns: (transfer full): the text
 */
char *
pmd_accuracy_to_table (const char        *name,
                       const PmdScenario *scenario,
                       GPtrArray         *entries,
                       gsize             *length)
{
  g_autoptr(PmdTextTable) table = pmd_text_table_new ("rrlrrrr");
  GString *out = g_string_new (NULL);
  g_autofree char *shown = pmd_format_escape_text (name);

  g_string_append_printf (out, _("How well did we forecast? %s\n"), shown);
  if (entries->len == 0)
    {
      g_string_append_printf (out, "%s\n", _("No year has definitive actuals yet that a version forecast"));
      return steal_text (out, length);
    }
  g_string_append_printf (out, "%s\n\n", _("Each version's projection against the definitive actuals, in euros; "
                                           "a positive difference: the plan was too high"));
  pmd_text_table_add (table, _("Year"));
  pmd_text_table_add (table, _("Version"));
  pmd_text_table_add (table, _("Cost line"));
  pmd_text_table_add (table, _("Projected"));
  pmd_text_table_add (table, _("Actual"));
  pmd_text_table_add (table, _("Difference"));
  pmd_text_table_add (table, _("Error"));
  for (guint i = 0; i < entries->len; i++)
    {
      const PmdAccuracyEntry *e = g_ptr_array_index (entries, i);
      int k = e->line != NULL && scenario != NULL ? pmd_scenario_find_line (scenario, e->line) : -1;

      pmd_text_table_take (table, g_strdup_printf ("%d", e->year));
      pmd_text_table_take (table, g_strdup_printf ("%d", e->version));
      if (e->line == NULL)
        pmd_text_table_take (table, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total (%u line)", "Total (%u lines)",
                                                                  e->n_lines), e->n_lines));
      else
        pmd_text_table_take (table, pmd_format_escape_text (k >= 0 ? ((const PmdLine *) g_ptr_array_index (scenario->lines, k))->name
                                                                   : e->line));
      pmd_text_table_take (table, pmd_format_number (e->projected, 0));
      pmd_text_table_take (table, pmd_format_number (e->actual, 0));
      pmd_text_table_take (table, pmd_format_number (e->difference, 0));
      pmd_text_table_take (table, format_share (e->relative_error));
    }
  pmd_text_table_append_to (table, out);
  return steal_text (out, length);
}
