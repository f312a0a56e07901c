/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-projection-writer.h"
#include "pmd-csv.h"
#include "pmd-json-writer.h"
#include "pmd-text-table.h"

static void
write_group (PmdJsonWriter       *w,
             const char          *key,
             GPtrArray           *items,
             const double        *baseline,
             const double        *scenario,
             int                  n)
{
  pmd_json_writer_key (w, key);
  pmd_json_writer_begin_object (w, FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      char **id = g_ptr_array_index (items, i);
      pmd_json_writer_key (w, *id);
      pmd_json_writer_begin_object (w, FALSE);
      pmd_json_writer_member_numbers (w, "baseline", baseline + i * n, n);
      pmd_json_writer_member_numbers (w, "scenario", scenario + i * n, n);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_object (w);
}

/**
 * pmd_projection_write_outcome:
 * @writer: a JSON writer inside an object
 * @projection: a projection
 *
 * Writes the members `payback_year` (`null` when never reached) and `npv`,
 * as `piramide project` and `piramide compare` give them.
 */
void
pmd_projection_write_outcome (PmdJsonWriter       *w,
                              const PmdProjection *p)
{
  pmd_json_writer_key (w, "payback_year");
  if (p->has_payback)
    pmd_json_writer_int (w, p->payback_year);
  else
    pmd_json_writer_null (w);
  pmd_json_writer_key (w, "npv");
  pmd_json_writer_number (w, p->npv);
}

/**
 * pmd_projection_to_json:
 * @scenario: the scenario projected (ids of its lines, layers and domains)
 * @projection: its projection
 * @length: (out) (optional): the length of the text
 *
 * The projection in the structure of DESIGN.md §4 (`piramide project`):
 * euros in full double precision, `null` where a value does not exist.
 *
 * Returns: (transfer full): the JSON text
 */
char *
pmd_projection_to_json (const PmdScenario   *sc,
                            const PmdProjection *p,
                            gsize               *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);
  int n = p->n_years;

  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_key (w, "years");
  pmd_json_writer_int_range (w, p->base_year, n);

  pmd_json_writer_key (w, "lines");
  pmd_json_writer_begin_object (w, FALSE);
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      pmd_json_writer_key (w, l->id);
      pmd_json_writer_begin_object (w, FALSE);
      pmd_json_writer_member_numbers (w, "baseline", p->line_baseline + i * n, n);
      pmd_json_writer_member_numbers (w, "scenario", p->line_scenario + i * n, n);
      pmd_json_writer_member_numbers (w, "baseline_clients", p->line_baseline_clients + i * n, n);
      pmd_json_writer_member_numbers (w, "scenario_clients", p->line_scenario_clients + i * n, n);
      pmd_json_writer_end_object (w);
    }
  pmd_json_writer_end_object (w);

  write_group (w, "layers", sc->layers, p->layer_baseline, p->layer_scenario, n);
  write_group (w, "domains", sc->domains, p->domain_baseline, p->domain_scenario, n);

  pmd_json_writer_key (w, "totals");
  pmd_json_writer_begin_object (w, FALSE);
  pmd_json_writer_member_numbers (w, "baseline", p->total_baseline, n);
  pmd_json_writer_member_numbers (w, "scenario", p->total_scenario, n);
  pmd_json_writer_member_numbers (w, "investment", p->investment, n);
  pmd_json_writer_member_numbers (w, "savings", p->savings, n);
  pmd_json_writer_member_numbers (w, "cumulative_savings", p->cumulative_savings, n);
  pmd_json_writer_member_numbers (w, "funding", p->funding, n);
  pmd_json_writer_member_numbers (w, "gap", p->gap, n);
  pmd_json_writer_end_object (w);

  pmd_projection_write_outcome (w, p);
  pmd_json_writer_end_object (w);
  return pmd_json_writer_steal (w, length);
}

/**
 * pmd_projection_to_csv:
 * @scenario: the scenario projected
 * @projection: its projection
 * @length: (out) (optional): the length of the text
 *
 * One row per year per line for Dutch spreadsheets: `;` between fields, a
 * decimal comma, amounts to the cent, an empty field where a line has no
 * clients. Starts with a byte-order mark so that spreadsheet programs read
 * the names as UTF-8.
 *
 * Returns: (transfer full): the CSV text
 */
char *
pmd_projection_to_csv (const PmdScenario   *sc,
                           const PmdProjection *p,
                           gsize               *length)
{
  GString *out = g_string_new (PMD_CSV_BOM);
  int n = p->n_years;
  const char *header[] = {
    _("year"), _("line"), _("name"), _("layer"), _("domain"),
    _("baseline"), _("scenario"), _("baseline clients"), _("scenario clients"),
  };

  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    {
      if (k > 0)
        g_string_append_c (out, ';');
      pmd_csv_append_field (out, header[k]);
    }
  g_string_append (out, "\r\n");

  for (int t = 0; t < n; t++)
    for (guint i = 0; i < sc->lines->len; i++)
      {
        const PmdLine *l = g_ptr_array_index (sc->lines, i);

        g_string_append_printf (out, "%d;", p->base_year + t);
        pmd_csv_append_field (out, l->id);
        g_string_append_c (out, ';');
        pmd_csv_append_field (out, l->name);
        g_string_append_c (out, ';');
        pmd_csv_append_field (out, l->layer);
        g_string_append_c (out, ';');
        pmd_csv_append_field (out, l->domain);
        pmd_csv_append_number (out, p->line_baseline[i * n + t]);
        pmd_csv_append_number (out, p->line_scenario[i * n + t]);
        pmd_csv_append_number (out, p->line_baseline_clients[i * n + t]);
        pmd_csv_append_number (out, p->line_scenario_clients[i * n + t]);
        g_string_append (out, "\r\n");
      }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * pmd_projection_to_table:
 * @scenario: the scenario projected
 * @projection: its projection
 * @length: (out) (optional): the length of the text
 *
 * A table for people: per year each layer's scenario cost, the totals,
 * funding, gap and cumulative savings, in € mln with a decimal comma, each
 * column as wide as its header or its widest amount.
 *
 * Returns: (transfer full): the text
 */
char *
pmd_projection_to_table (const PmdScenario   *sc,
                         const PmdProjection *p,
                         gsize               *length)
{
  GString *out = g_string_new (NULL);
  int n = p->n_years;
  g_autofree char *npv = pmd_format_euro_compact (p->npv);
  g_autofree char *name = pmd_format_escape_text (sc->name);
  const char *columns[] = { _("Baseline"), _("Scenario"), _("Funding"), _("Gap"), _("Cum. savings") };
  g_autofree char *align = g_strnfill (1 + p->n_layers + G_N_ELEMENTS (columns), 'r');
  g_autoptr(PmdTextTable) table = NULL;

  /* Names come from the file: their controls are shown, not sent to the
   * terminal. */
  g_string_append_printf (out, "%s\n", *name ? name : _("Untitled scenario"));
  g_string_append_printf (out, _("Projection %d–%d, scenario with interventions, amounts in € million\n\n"),
                          p->base_year, p->base_year + n - 1);

  /* The year to the left, the amounts to the right. */
  align[0] = 'l';
  table = pmd_text_table_new (align);
  pmd_text_table_add (table, _("Year"));
  for (int l = 0; l < p->n_layers; l++)
    pmd_text_table_take (table, pmd_format_escape_text (((const PmdLayer *) g_ptr_array_index (sc->layers, l))->name));
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    pmd_text_table_add (table, columns[k]);

  for (int t = 0; t < n; t++)
    {
      const double totals[] = { p->total_baseline[t], p->total_scenario[t], p->funding[t], p->gap[t],
                                p->cumulative_savings[t] };

      pmd_text_table_take (table, g_strdup_printf ("%4d", p->base_year + t));
      for (int l = 0; l < p->n_layers; l++)
        pmd_text_table_take (table, pmd_format_number (p->layer_scenario[l * n + t] / 1e6, 1));
      for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
        pmd_text_table_take (table, pmd_format_number (totals[k] / 1e6, 1));
    }
  pmd_text_table_append_to (table, out);

  g_string_append_c (out, '\n');
  if (p->has_payback)
    g_string_append_printf (out, _("Payback year: %d\n"), p->payback_year);
  else
    g_string_append (out, _("Payback year: not within the horizon\n"));
  g_string_append_printf (out, _("Net present value of the savings: %s\n"), npv);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
