/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-format.h"
#include "pmd-param.h"

/*
 * The facts about every field a parameter path can name, in one table.
 * Before it they lived in nine lists (the units here, the rules of
 * validation, the kinds and decimals of each screen, the report), and the
 * same share read "0,50", "50,0%" or "50,00%" depending on the screen.
 *
 * The limits are the ones validation enforces (DESIGN.md §3): a rate is
 * above −1, a share lies in [0, 1], money in [0, PMD_MONEY_MAX]. Rules
 * between fields (the end not before the start) stay in validation.
 *
 * Within a collection the order is the order validation checks the fields
 * in, so that a file with two errors is told about the same one first. The
 * lines come first: pmd_param_describe_field() gives a field's words by its
 * first entry ("growth" is a line's volume growth).
 */

#define RATE      -1.0, TRUE, INFINITY          /* above −1 (−100%) */
#define SHARE     0.0, FALSE, 1.0
#define NON_NEG   0.0, FALSE, INFINITY
#define POSITIVE  0.0, TRUE, INFINITY
#define MONEY     0.0, FALSE, PMD_MONEY_MAX
#define AMOUNT    -PMD_MONEY_MAX, FALSE, PMD_MONEY_MAX
#define YEARS     (double) PMD_YEAR_MIN, FALSE, (double) PMD_YEAR_MAX
#define ANY       -INFINITY, FALSE, INFINITY

/* First ranges (pmd_range_suggest()): a quarter either side, a percentage
 * point either side, 0,2 either side, half the value, 10%. */
#define QUARTER   0.25, 0.25, TRUE
#define POINT     0.01, 0.01, FALSE
#define TENTHS    0.2, 0.2, FALSE
#define HALF      0.5, 0.5, TRUE
#define TENTH     0.1, 0.1, TRUE

static const PmdParamFacts table[] = {
  { "lines", "base_cost", N_("cost in the base year"), N_("%s: cost in the base year"),
    PMD_UNIT_MONEY, 0, MONEY, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 100000, QUARTER },
  { "lines", "clients", N_("clients"), N_("%s: clients"),
    PMD_UNIT_COUNT, 0, NON_NEG, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 10, QUARTER },
  /* A share of the line: above 1 or below 0 the cost or the clients can
   * turn negative as the cohort moves. */
  { "lines", "elasticity", N_("share moving with demography"), N_("Share moving with demography: %s"),
    PMD_UNIT_NUMBER, 2, SHARE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 0.01, TENTHS },
  { "lines", "growth", N_("volume growth"), N_("Volume growth: %s"),
    PMD_UNIT_PERCENT, 1, RATE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 0.001, POINT },
  { "lines", "indexation", N_("own indexation"), N_("%s: own indexation"),
    PMD_UNIT_PERCENT, 1, RATE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 0.001, POINT },

  { "interventions", "fraction", N_("share of clients"), NULL,
    PMD_UNIT_PERCENT, 1, SHARE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 0.01, HALF },
  /* Euros there per euro here: 0,35 is a third of the cost. */
  { "interventions", "cost_ratio", N_("cost of the lighter care"), NULL,
    PMD_UNIT_NUMBER, 2, NON_NEG, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 0.01, HALF },
  { "interventions", "amount", N_("euros a year"), NULL,
    PMD_UNIT_MONEY, 0, MONEY, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 10000, QUARTER },
  { "interventions", "return", N_("return per euro"), NULL,
    PMD_UNIT_NUMBER, 2, NON_NEG, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SPIN, 0.1, QUARTER },
  { "interventions", "one_off", N_("one-off cost"), NULL,
    PMD_UNIT_MONEY, 0, MONEY, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 10000, QUARTER },
  { "interventions", "structural", N_("structural cost a year"), NULL,
    PMD_UNIT_MONEY, 0, MONEY, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 10000, QUARTER },
  { "interventions", "start", N_("first year"), NULL,
    PMD_UNIT_YEAR, 0, YEARS, PMD_PARAM_INT, PMD_PARAM_WIDGET_YEAR, 1, QUARTER },
  { "interventions", "end", N_("last year"), NULL,
    PMD_UNIT_YEAR, 0, YEARS, PMD_PARAM_INT, PMD_PARAM_WIDGET_YEAR, 1, QUARTER },
  /* A year earlier or two later. */
  { "interventions", "lag", N_("years before it works"), NULL,
    PMD_UNIT_YEAR, 0, NON_NEG, PMD_PARAM_INT, PMD_PARAM_WIDGET_SPIN, 1, 1, 2, FALSE },
  { "interventions", "ramp_years", N_("years to full effect"), NULL,
    PMD_UNIT_YEAR, 0, 1, FALSE, INFINITY, PMD_PARAM_INT, PMD_PARAM_WIDGET_SPIN, 1, QUARTER },
  /* Any number: non-zero is on. It cannot have a range. */
  { "interventions", "enabled", N_("switched on"), NULL,
    PMD_UNIT_SWITCH, 0, ANY, PMD_PARAM_BOOL, PMD_PARAM_WIDGET_SWITCH, 1, QUARTER },

  { "cohorts", "points", N_("numbers of residents"), NULL,
    PMD_UNIT_COUNT, 0, POSITIVE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 10, TENTH },

  /* Funding may be negative: a municipality can owe more than it gets. */
  { "funding", "base", N_("funding in the base year"), N_("Funding in the base year"),
    PMD_UNIT_MONEY, 0, AMOUNT, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 100000, QUARTER },
  { "funding", "growth", N_("growth of the funding"), N_("Growth of the funding"),
    PMD_UNIT_PERCENT, 1, RATE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 0.001, POINT },

  { "scenario", "indexation", N_("price indexation"), N_("Price indexation"),
    PMD_UNIT_PERCENT, 1, RATE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_SLIDER, 0.001, POINT },
  { "scenario", "discount_rate", N_("discount rate"), N_("Discount rate"),
    PMD_UNIT_PERCENT, 1, RATE, PMD_PARAM_DOUBLE, PMD_PARAM_WIDGET_ENTRY, 0.0025, QUARTER },
};

/* More decimals than a field usually shows, at most, where the value has
 * them: a discount rate of 2,25% is not shown as 2,3%, and a screen that
 * shows a value to be edited never rounds it away. */
#define EXTRA_DECIMALS 3

static int
decimals_needed (double value,
                 int    decimals)
{
  for (int d = decimals; d < decimals + EXTRA_DECIMALS; d++)
    {
      double scaled = value * pow (10.0, d);

      /* Relative: 0,1 × 100 is 10,000000000000002. */
      if (fabs (scaled - round (scaled)) <= 1e-9 * MAX (1.0, fabs (scaled)))
        return d;
    }
  return decimals + EXTRA_DECIMALS;
}

/* Whether "€ 22,8 mln" says all of the amount (pmd_format_euro_compact()
 * rounds millions and billions to one decimal, smaller amounts to euros). */
static gboolean
compact_is_exact (double value)
{
  double a = fabs (value);
  double unit = round (a / 1e8) >= 10 ? 1e8 : a >= 999999.5 ? 1e5 : 1;

  return decimals_needed (a / unit, 0) == 0;
}

/* The decimals the table usually shows a unit with: those of its first field. */
static int
unit_decimals (PmdUnit unit)
{
  for (guint k = 0; k < G_N_ELEMENTS (table); k++)
    if (table[k].unit == unit)
      return table[k].decimals;
  return 0;
}

/**
 * pmd_param_format_unit:
 * @unit: what the number measures
 * @decimals: the decimals to show at least; -1: as the table shows @unit
 * @value: the number; NaN: none
 *
 * The one way a parameter's value is written for people, by its unit: a
 * percentage with @decimals ("1,5%"), money short where that says all of it
 * ("€ 22,8 mln", else "€ 22.845.123"), a year or a number of years as it is
 * ("2027", never "2.027"), a count or a plain number with @decimals, a switch
 * as on or off. More decimals are shown where the value has them ("2,25%"),
 * so that no screen rounds a value that is then saved. Use
 * pmd_param_facts_format() for a parameter; this is for numbers of the same
 * kind that are no parameter (a funding step, the base year).
 *
 * Returns: (transfer full): the text
 */
char *
pmd_param_format_unit (PmdUnit unit,
                       int     decimals,
                       double  value)
{
  if (isnan (value))
    return g_strdup ("—");
  if (decimals < 0)
    decimals = unit_decimals (unit);

  switch (unit)
    {
    case PMD_UNIT_SWITCH:
      return g_strdup (value != 0 ? _("on") : _("off"));
    case PMD_UNIT_PERCENT:
      return pmd_format_percent (value, decimals_needed (value * 100.0, decimals));
    case PMD_UNIT_MONEY:
      return compact_is_exact (value) ? pmd_format_euro_compact (value) : pmd_format_euro (value);
    case PMD_UNIT_YEAR:
      /* Without grouping: a year reads "2027". */
      return pmd_format_decimal_comma (value, decimals_needed (value, decimals));
    case PMD_UNIT_COUNT:
    case PMD_UNIT_NUMBER:
    default:
      return pmd_format_number (value, decimals_needed (value, decimals));
    }
}

/**
 * pmd_param_facts_list:
 * @n_facts: (out): the number of entries
 *
 * Returns: (transfer none) (array length=n_facts): every entry of the table
 */
const PmdParamFacts *
pmd_param_facts_list (guint *n_facts)
{
  g_return_val_if_fail (n_facts != NULL, NULL);

  *n_facts = G_N_ELEMENTS (table);
  return table;
}

/**
 * pmd_param_facts_for_field:
 * @collection: "scenario", "funding", "lines", "interventions" or "cohorts"
 * @field: a field of it ("points" for a cohort)
 *
 * Returns: (nullable) (transfer none): the facts, NULL for an unknown field
 */
const PmdParamFacts *
pmd_param_facts_for_field (const char *collection,
                           const char *field)
{
  g_return_val_if_fail (collection != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (table); k++)
    if (g_str_equal (table[k].collection, collection) && g_str_equal (table[k].field, field))
      return &table[k];
  return NULL;
}

/**
 * pmd_param_facts:
 * @path: a parameter path: `scenario.indexation`, `lines.<id>.growth`,
 *   `cohorts.<id>.points.<k>`
 *
 * The facts of the field @path names, by its shape alone: the id is not
 * looked up in any scenario.
 *
 * Returns: (nullable) (transfer none): the facts, NULL for no parameter path
 */
const PmdParamFacts *
pmd_param_facts (const char *path)
{
  const char *first_dot, *last_dot;
  g_autofree char *collection = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  first_dot = strchr (path, '.');
  if (first_dot == NULL)
    return NULL;
  collection = g_strndup (path, first_dot - path);
  last_dot = strrchr (path, '.');

  if (g_str_equal (collection, "scenario") || g_str_equal (collection, "funding"))
    return first_dot == last_dot ? pmd_param_facts_for_field (collection, first_dot + 1) : NULL;
  if (g_str_equal (collection, "lines") || g_str_equal (collection, "interventions"))
    {
      const char *second_dot = strchr (first_dot + 1, '.');

      if (second_dot == NULL || second_dot != last_dot || second_dot == first_dot + 1)
        return NULL;
      return pmd_param_facts_for_field (collection, last_dot + 1);
    }
  if (g_str_equal (collection, "cohorts"))
    {
      g_auto(GStrv) parts = g_strsplit (path, ".", 0);

      if (g_strv_length (parts) == 4 && *parts[1] != '\0' && g_str_equal (parts[2], "points") &&
          *parts[3] != '\0' && strspn (parts[3], "0123456789") == strlen (parts[3]))
        return pmd_param_facts_for_field ("cohorts", "points");
    }
  return NULL;
}

/**
 * pmd_param_facts_format:
 * @facts: a field's facts
 * @value: a value of it; NaN: none
 *
 * The value as every screen, the report and the command line show it
 * (pmd_param_format_unit() with the field's unit and decimals).
 *
 * Returns: (transfer full): the text
 */
char *
pmd_param_facts_format (const PmdParamFacts *facts,
                        double               value)
{
  g_return_val_if_fail (facts != NULL, NULL);

  return pmd_param_format_unit (facts->unit, facts->decimals, value);
}

/**
 * pmd_param_facts_holds:
 * @facts: a field's facts
 * @value: a value of it
 *
 * Returns: whether @value is a finite number within the field's limits (and
 *   whole for a whole field), as validation decides
 */
gboolean
pmd_param_facts_holds (const PmdParamFacts *facts,
                       double               value)
{
  g_return_val_if_fail (facts != NULL, FALSE);

  if (!isfinite (value))
    return FALSE;
  if (facts->kind == PMD_PARAM_INT && value != floor (value))
    return FALSE;
  if (facts->min_exclusive ? !(value > facts->min) : !(value >= facts->min))
    return FALSE;
  return value <= facts->max;
}

/**
 * pmd_param_facts_snap:
 * @facts: a field's facts
 * @value: a value of it, as a slider gives it (0.0103971119133574)
 *
 * The multiple of the field's step nearest to @value, as the round number
 * it is written as (0.025, not 0.025000000000000001 or 0.0249999): what a
 * lever stores, so that a drag to any pixel saves "2,5%", not "2,5235%".
 *
 * Returns: the value on the step
 */
double
pmd_param_facts_snap (const PmdParamFacts *facts,
                      double               value)
{
  double steps, scale;
  int d = 0;

  g_return_val_if_fail (facts != NULL, value);

  if (!isfinite (value) || !(facts->step > 0))
    return value;
  steps = round (value / facts->step);
  /* The decimals the step has (0,0025: four), to which the multiple is
   * rounded: 3 × 0,1 is 0,30000000000000004 in binary. */
  while (d < 12 && fabs (facts->step * pow (10, d) - round (facts->step * pow (10, d))) > 1e-9)
    d++;
  scale = pow (10, d);
  return round (steps * facts->step * scale) / scale;
}
