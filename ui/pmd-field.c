/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-field.h"
#include "pmd-format.h"
#include "pmd-param.h"

char *
pmd_field_format (PmdFieldKind kind,
                  double       value)
{
  switch (kind)
    {
    case PMD_FIELD_MONEY: return pmd_format_euro (value);
    case PMD_FIELD_COUNT: return pmd_format_number (value, 0);
    case PMD_FIELD_PERCENT: return pmd_format_percent (value, 2);
    case PMD_FIELD_YEAR: return g_strdup_printf ("%d", (int) value);
    case PMD_FIELD_NUMBER:
    case PMD_FIELD_TEXT:
    default: return pmd_format_number (value, 2);
    }
}

/**
 * pmd_field_parse:
 *
 * Reads what a user typed ("22,8 mln", "€ 1.250.000", "0,8"). A percentage
 * may be typed with or without its sign: "3,4" in a percent field is 3,4%.
 * A year is read as it is, without grouping ("2030", not "2.030").
 */
gboolean
pmd_field_parse (PmdFieldKind kind,
                 const char  *text,
                 double      *value,
                 GError     **error)
{
  if (kind == PMD_FIELD_YEAR)
    {
      guint64 year;
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (!g_ascii_string_to_unsigned (stripped, 10, 0, 9999, &year, error))
        return FALSE;
      *value = year;
      return TRUE;
    }
  if (!pmd_parse_number (text, value, error))
    return FALSE;
  if (kind == PMD_FIELD_PERCENT && strchr (text, '%') == NULL)
    *value /= 100.0;
  return TRUE;
}

/* How a parameter's value is typed, by its unit (pmd_param_unit()). */
PmdFieldKind
pmd_field_kind_for_param (const char *path)
{
  switch (pmd_param_unit (path))
    {
    case PMD_UNIT_PERCENT: return PMD_FIELD_PERCENT;
    case PMD_UNIT_MONEY: return PMD_FIELD_MONEY;
    case PMD_UNIT_COUNT: return PMD_FIELD_COUNT;
    case PMD_UNIT_YEAR:
    case PMD_UNIT_NUMBER:
    case PMD_UNIT_SWITCH:
    default: return PMD_FIELD_NUMBER;
    }
}
