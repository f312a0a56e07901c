/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-text-table.h"

struct _PmdTextTable
{
  char      *align;    /* 'l' or 'r' per column */
  guint      n_columns;
  GPtrArray *cells;    /* row-major, the header first */
};

/**
 * pmd_text_table_new:
 * @align: one letter per column, `l` (left) or `r` (right): "lrr"
 *
 * Returns: (transfer full): an empty table
 */
PmdTextTable *
pmd_text_table_new (const char *align)
{
  PmdTextTable *self;

  g_return_val_if_fail (align != NULL && *align != '\0', NULL);

  self = g_new0 (PmdTextTable, 1);
  self->align = g_strdup (align);
  self->n_columns = strlen (align);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
pmd_text_table_free (PmdTextTable *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->cells);
  g_free (self->align);
  g_free (self);
}

/* Adds the next cell, row by row. */
void
pmd_text_table_add (PmdTextTable *self,
                    const char   *text)
{
  pmd_text_table_take (self, g_strdup (text != NULL ? text : ""));
}

void
pmd_text_table_take (PmdTextTable *self,
                     char         *text)
{
  g_ptr_array_add (self->cells, text);
}

/* Pads @text to @width characters (not bytes). */
static void
append_cell (GString    *out,
             const char *text,
             guint       width,
             gboolean    right,
             gboolean    last)
{
  guint len = (guint) g_utf8_strlen (text, -1);

  if (right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right && !last)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

/**
 * pmd_text_table_append_to:
 * @out: where the lines go, each ending in a newline
 */
void
pmd_text_table_append_to (const PmdTextTable *self,
                          GString            *out)
{
  g_autofree guint *widths = g_new0 (guint, self->n_columns);

  for (guint i = 0; i < self->cells->len; i++)
    {
      guint k = i % self->n_columns;
      widths[k] = MAX (widths[k], (guint) g_utf8_strlen (g_ptr_array_index (self->cells, i), -1));
    }
  for (guint i = 0; i < self->cells->len; i++)
    {
      guint k = i % self->n_columns;
      gboolean last = k == self->n_columns - 1 || i == self->cells->len - 1;

      if (k > 0)
        g_string_append (out, "  ");
      append_cell (out, g_ptr_array_index (self->cells, i), widths[k], self->align[k] == 'r', last);
      if (last)
        {
          /* No spaces at the end of a line, also after an empty last cell. */
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append_c (out, '\n');
        }
    }
}
