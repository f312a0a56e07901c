/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pmd-explain-writer.h"

/*
 * An explanation for programs (`piramide explain --format json`): each node
 * an object {"label", "value", "unit", "path", "input", "source",
 * "assumption", "children"}; "unit" is "euro" or "year"; a payback year
 * that does not come is null.
 */

static void
member_string (PmdJsonWriter *w,
               const char    *key,
               const char    *value)
{
  pmd_json_writer_key (w, key);
  if (value != NULL)
    pmd_json_writer_string (w, value);
  else
    pmd_json_writer_null (w);
}

void
pmd_explanation_write (PmdJsonWriter        *w,
                       const PmdExplanation *node)
{
  pmd_json_writer_begin_object (w, FALSE);
  member_string (w, "label", node->label);
  pmd_json_writer_key (w, "value");
  if (isnan (node->value))
    pmd_json_writer_null (w);
  else
    pmd_json_writer_number (w, node->value);
  member_string (w, "unit", node->unit == PMD_UNIT_YEAR ? "year" : "euro");
  member_string (w, "path", node->path);
  member_string (w, "input", node->input);
  member_string (w, "source", node->source);
  pmd_json_writer_key (w, "assumption");
  pmd_json_writer_bool (w, node->path != NULL && node->assumption);
  pmd_json_writer_key (w, "children");
  pmd_json_writer_begin_array (w, FALSE);
  for (guint k = 0; k < node->children->len; k++)
    pmd_explanation_write (w, g_ptr_array_index (node->children, k));
  pmd_json_writer_end_array (w);
  pmd_json_writer_end_object (w);
}

char *
pmd_explanation_to_json (const PmdExplanation *explanation,
                         gsize                *length)
{
  g_autoptr(PmdJsonWriter) w = pmd_json_writer_new (TRUE);

  pmd_explanation_write (w, explanation);
  return pmd_json_writer_steal (w, length);
}
