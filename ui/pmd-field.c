/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-field.h"
#include "pmd-format.h"
#include "pmd-param.h"

/* Through the parameter table's formatting (pmd_param_format_unit()), so
 * that a field shows a number as every other screen does: "1,5%", "2027".
 * Money to edit is in full euros, as a budget table has it, the same in
 * every row of a column (€ 22.800.000 above € 22.850.000, not "€ 22,8
 * mln"), and to the cent where it has cents. */
char *
pmd_field_format (PmdFieldKind kind,
                  double       value)
{
  switch (kind)
    {
    case PMD_FIELD_MONEY:
      {
        g_autofree char *number = pmd_format_number (value, value == round (value) ? 0 : 2);
        return g_strdup_printf ("€ %s", number);
      }
    case PMD_FIELD_COUNT: return pmd_param_format_unit (PMD_UNIT_COUNT, -1, value);
    case PMD_FIELD_PERCENT: return pmd_param_format_unit (PMD_UNIT_PERCENT, -1, value);
    case PMD_FIELD_YEAR: return pmd_param_format_unit (PMD_UNIT_YEAR, -1, value);
    case PMD_FIELD_NUMBER:
    case PMD_FIELD_TEXT:
    default: return pmd_param_format_unit (PMD_UNIT_NUMBER, -1, value);
    }
}

/* What the text says it is, by its marks: euros ("€", "EUR", "mln", "k"),
 * a percentage ("%"), or nothing. */
typedef enum
{
  MARK_NONE,
  MARK_MONEY,
  MARK_PERCENT,
} Mark;

static Mark
text_mark (const char *text)
{
  static GRegex *money;
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (g_once_init_enter (&money))
    g_once_init_leave (&money, g_regex_new ("(€|eur|[0-9.,]\\s*(mln|mld|miljoen|miljard|duizend|k|m)\\s*$)",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (strchr (lower, '%') != NULL)
    return MARK_PERCENT;
  if (g_regex_match (money, lower, 0, NULL))
    return MARK_MONEY;
  return MARK_NONE;
}

/* Euros in a percentage, a percentage in euros or a count: refused with
 * what the field wants, never read as 25.000.000%. */
static gboolean
check_mark (PmdFieldKind kind,
            const char  *text,
            GError     **error)
{
  Mark mark = text_mark (text);
  g_autofree char *shown = pmd_format_escape_text (text);

  if (mark == MARK_MONEY && (kind == PMD_FIELD_PERCENT || kind == PMD_FIELD_NUMBER || kind == PMD_FIELD_COUNT))
    {
      g_set_error (error, PMD_FORMAT_ERROR, 0,
                   kind == PMD_FIELD_PERCENT
                   ? _("“%s” is an amount of money; this field is a percentage (for example 2,5 or 2,5%%)")
                   : kind == PMD_FIELD_COUNT
                   ? _("“%s” is an amount of money; this field is a number of people (for example 5.000)")
                   : _("“%s” is an amount of money; this field is a plain number (for example 0,8)"),
                   shown);
      return FALSE;
    }
  if (mark == MARK_PERCENT && (kind == PMD_FIELD_MONEY || kind == PMD_FIELD_COUNT))
    {
      g_set_error (error, PMD_FORMAT_ERROR, 0,
                   kind == PMD_FIELD_MONEY
                   ? _("“%s” is a percentage; this field is an amount in euros (for example 22,8 mln)")
                   : _("“%s” is a percentage; this field is a number of people (for example 5.000)"),
                   shown);
      return FALSE;
    }
  return TRUE;
}

/**
 * pmd_field_parse:
 *
 * Reads what a user typed ("22,8 mln", "€ 1.250.000", "0,8"). A percentage
 * may be typed with or without its sign: "3,4" in a percent field is 3,4%.
 * A year is read as it is, without grouping ("2030", not "2.030"). Text
 * marked as another unit ("25 mln" in a percentage) is refused.
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
  if (!check_mark (kind, text, error) || !pmd_parse_number (text, value, error))
    return FALSE;
  if (kind == PMD_FIELD_PERCENT && strchr (text, '%') == NULL)
    *value /= 100.0;
  return TRUE;
}

/* How a parameter's value is typed, by its unit in the parameter table
 * (pmd_param_unit()). */
PmdFieldKind
pmd_field_kind_for_param (const char *path)
{
  switch (pmd_param_unit (path))
    {
    case PMD_UNIT_PERCENT: return PMD_FIELD_PERCENT;
    case PMD_UNIT_MONEY: return PMD_FIELD_MONEY;
    case PMD_UNIT_COUNT: return PMD_FIELD_COUNT;
    /* Years and numbers of years are whole: "2027" and "2", never
     * "2.027,00". */
    case PMD_UNIT_YEAR: return PMD_FIELD_YEAR;
    case PMD_UNIT_NUMBER:
    case PMD_UNIT_SWITCH:
    default: return PMD_FIELD_NUMBER;
    }
}

/**
 * pmd_field_format_param:
 * @scenario: a scenario
 * @path: a parameter path of it
 *
 * What a field that edits @path shows: its value typed the way the field
 * reads it, by the parameter table, exactly (€ 22.850.000, not € 22,9 mln,
 * so that applying the field unchanged changes nothing: the table's
 * formatting shows the decimals a value has).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the
 *   parameter has no value of its own and none to fall back on (a line
 *   without clients, an intervention without an end year)
 */
char *
pmd_field_format_param (const PmdScenario *scenario,
                        const char        *path)
{
  const PmdParamFacts *facts;
  PmdParam param;
  double value;

  if (!pmd_scenario_lookup_param ((PmdScenario *) scenario, path, &param, NULL))
    return NULL;
  if (param.has != NULL && !*param.has && param.fallback == NULL)
    return NULL;
  value = pmd_param_get (&param);
  facts = pmd_param_facts (path);
  if (facts->unit == PMD_UNIT_MONEY)
    return pmd_field_format (PMD_FIELD_MONEY, value);
  /* Else the parameter table's unit and decimals, as every screen. */
  return pmd_param_facts_format (facts, value);
}
