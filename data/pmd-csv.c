/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-csv.h"

/* A field, quoted when it holds a separator, a quote or a line break. */
void
pmd_csv_append_field (GString    *out,
                      const char *text)
{
  if (strpbrk (text, ";\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* `;` and the number with a decimal comma, to the cent. */
void
pmd_csv_append_number (GString *out,
                       double   value)
{
  g_autofree char *text = pmd_format_decimal_comma (value, 2);

  g_string_append_c (out, ';');
  g_string_append (out, text);
}

/**
 * pmd_comparison_to_csv:
 *
 * One row per entry per year: its name, file and variant, the total cost,
 * the gap, the savings, the cumulative savings and the difference in total
 * cost to the first entry (empty where the first has no such year).
 *
 * Returns: (transfer full): the CSV text
 */
char *
pmd_comparison_to_csv (const PmdComparison *cmp,
                       gsize               *length)
{
  GString *out = g_string_new (PMD_CSV_BOM);
  const char *header[] = { _("year"), _("name"), _("file"), _("variant"), _("scenario"), _("gap"), _("savings"),
                           _("cumulative savings"), _("difference") };

  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    {
      if (k > 0)
        g_string_append_c (out, ';');
      pmd_csv_append_field (out, header[k]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < pmd_comparison_get_n (cmp); i++)
    {
      const PmdCompareEntry *e = pmd_comparison_get (cmp, i);
      const PmdProjection *p = e->projection;

      for (int t = 0; t < p->n_years; t++)
        {
          double difference = pmd_comparison_difference (cmp, i, p->base_year + t);

          g_string_append_printf (out, "%d;", p->base_year + t);
          pmd_csv_append_field (out, e->name);
          g_string_append_c (out, ';');
          pmd_csv_append_field (out, e->file ? e->file : "");
          g_string_append_c (out, ';');
          pmd_csv_append_field (out, e->variant ? e->variant : "");
          pmd_csv_append_number (out, p->total_scenario[t]);
          pmd_csv_append_number (out, p->gap[t]);
          pmd_csv_append_number (out, p->savings[t]);
          pmd_csv_append_number (out, p->cumulative_savings[t]);
          if (difference == difference)
            pmd_csv_append_number (out, difference);
          else
            g_string_append_c (out, ';');
          g_string_append (out, "\r\n");
        }
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
