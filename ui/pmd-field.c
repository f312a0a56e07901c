/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
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
    case PMD_FIELD_YEAR:
    case PMD_FIELD_YEARS: return pmd_param_format_unit (PMD_UNIT_YEAR, -1, value);
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

/* A year and a number of years are whole (the parameter table's
 * PMD_PARAM_INT): "0,8" as a horizon is refused, never read as 0. Beyond
 * ten thousand neither is one, and it would not fit in an int; "5%" and
 * "2 mln" end up here too. */
static gboolean
check_whole (PmdFieldKind kind,
             const char  *text,
             double       value,
             GError     **error)
{
  g_autofree char *shown = NULL;

  if ((kind != PMD_FIELD_YEAR && kind != PMD_FIELD_YEARS) ||
      (value == floor (value) && fabs (value) <= 10000))
    return TRUE;
  shown = pmd_format_escape_text (text);
  g_set_error (error, PMD_FORMAT_ERROR, 0,
               kind == PMD_FIELD_YEAR
               ? _("“%s” is not a year; a year is a whole number, for example 2027")
               : _("“%s” is not a number of years; that is a whole number, for example 2"),
               shown);
  return FALSE;
}

/* Text without a digit is no number: said with an example of what this
 * field takes (a count of runs is not "22,8 mln"). Numbers typed wrongly
 * keep the reader's own message ("1.50.0": groups of three digits). */
static gboolean
check_digits (PmdFieldKind kind,
              const char  *text,
              GError     **error)
{
  g_autofree char *shown = NULL;
  const char *example;

  if (strpbrk (text, "0123456789") != NULL)
    return TRUE;
  switch (kind)
    {
    case PMD_FIELD_MONEY: example = _("for example 22,8 mln or 1.250.000"); break;
    case PMD_FIELD_PERCENT: example = _("for example 3,4 or 3,4%"); break;
    case PMD_FIELD_COUNT: example = _("for example 1.500"); break;
    case PMD_FIELD_YEAR: example = _("for example 2027"); break;
    case PMD_FIELD_YEARS: example = _("for example 2"); break;
    case PMD_FIELD_NUMBER:
    case PMD_FIELD_TEXT:
    default: example = _("for example 0,8 or 1.500"); break;
    }
  shown = pmd_format_escape_text (text);
  /* Translators: a text that is no number, and an example of what the field takes */
  g_set_error (error, PMD_FORMAT_ERROR, 0, _("“%s” is not a number (%s)"), shown, example);
  return FALSE;
}

/**
 * pmd_field_parse:
 *
 * Reads what a user typed ("22,8 mln", "€ 1.250.000", "0,8") by the one
 * rule for numbers (pmd_parse_number()). A percentage may be typed with or
 * without its sign: "3,4" in a percent field is 3,4%. A year and a number
 * of years are whole: "2027,5" is refused, with a message in the user's
 * words (never GLib's "is not an unsigned number"). Text marked as another
 * unit ("25 mln" in a percentage) is refused.
 */
gboolean
pmd_field_parse (PmdFieldKind kind,
                 const char  *text,
                 double      *value,
                 GError     **error)
{
  double v;

  if (!check_mark (kind, text, error) || !check_digits (kind, text, error) || !pmd_parse_number (text, &v, error) ||
      !check_whole (kind, text, v, error))
    return FALSE;
  if (kind == PMD_FIELD_PERCENT && strchr (text, '%') == NULL)
    v /= 100.0;
  *value = v;
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
    case PMD_UNIT_YEAR:
      return pmd_param_facts (path)->widget == PMD_PARAM_WIDGET_YEAR ? PMD_FIELD_YEAR : PMD_FIELD_YEARS;
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

/* Spin buttons */

typedef struct
{
  PmdFieldKind kind;
  char        *name;
  char        *tooltip;   /* the spin button's own, put back after a message */
  char        *message;   /* the last reading's, or NULL */
} Spin;

static void
spin_free (gpointer data)
{
  Spin *s = data;

  g_free (s->name);
  g_free (s->tooltip);
  g_free (s->message);
  g_free (s);
}

static Spin *
get_spin (GtkSpinButton *spin)
{
  return g_object_get_data (G_OBJECT (spin), "pmd-field-spin");
}

static char *
spin_format (GtkSpinButton *spin,
             double         value)
{
  const Spin *s = get_spin (spin);
  int digits = gtk_spin_button_get_digits (spin);

  /* A year without grouping: "2027". */
  if (s->kind == PMD_FIELD_YEAR || s->kind == PMD_FIELD_YEARS)
    return pmd_field_format (s->kind, value);
  return pmd_format_number (value, digits);
}

/* Says @message beside the field (its error style and tooltip, in a
 * dialog without toasts too) and in the window's toasts; NULL: all is
 * well again. */
static void
spin_say (GtkSpinButton *spin,
          const char    *message)
{
  Spin *s = get_spin (spin);
  GtkWidget *overlay;

  g_free (s->message);
  s->message = g_strdup (message);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), s->tooltip);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), message);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = spin_format (spin, gtk_spin_button_get_value (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Refuses what was typed: the value stays. Not GTK_INPUT_ERROR, after
 * which GTK 4.8 announces "value-changed" for the value that stayed, and
 * a dialog that previews every change (Move money) made a change of it. */
static int
keep_value (GtkSpinButton *spin,
            const char    *message,
            double        *value)
{
  spin_say (spin, message);
  *value = gtk_spin_button_get_value (spin);
  return TRUE;
}

/* What was typed, by the number rule: "1.500" is 1500 and "0,5" a half.
 * Text that is no number (or a fraction where the field is whole) is
 * refused and the value stays; a number beyond the range becomes its
 * nearest end. Either way the field says why. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  Spin *s = get_spin (spin);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = spin_format (spin, gtk_spin_button_get_value (spin));
  g_autofree char *message = NULL;
  double lower, upper, v;

  if (!pmd_field_parse (s->kind, text, &v, &error))
    {
      /* Translators: the field's name, why what was typed is refused, the value it keeps */
      message = g_strdup_printf (_("%s: %s; it stays %s"), s->name, error->message, kept);
      return keep_value (spin, message, value);
    }
  /* A field without decimals holds a count: "1,5" runs or pixels. */
  if (gtk_spin_button_get_digits (spin) == 0 && v != floor (v))
    {
      g_autofree char *shown = pmd_format_escape_text (text);

      /* Translators: the field's name, what was typed, the value it keeps */
      message = g_strdup_printf (_("%s is a whole number: “%s” is refused; it stays %s"), s->name, shown, kept);
      return keep_value (spin, message, value);
    }
  if (s->kind == PMD_FIELD_PERCENT)
    v *= 100.0;

  gtk_spin_button_get_range (spin, &lower, &upper);
  if (v < lower || v > upper)
    {
      double nearest = CLAMP (v, lower, upper);
      g_autofree char *typed = spin_format (spin, v);
      g_autofree char *end = spin_format (spin, nearest);

      message = v < lower
                /* Translators: the field's name, its lowest value, what was typed, what it became */
                ? g_strdup_printf (_("%s is at least %s: %s became %s"), s->name, end, typed, end)
                /* Translators: the field's name, its highest value, what was typed, what it became */
                : g_strdup_printf (_("%s is at most %s: %s became %s"), s->name, end, typed, end);
      v = nearest;
    }
  spin_say (spin, message);
  *value = v;
  return TRUE;
}

/**
 * pmd_field_init_spin:
 * @spin: a spin button
 * @kind: what it holds: %PMD_FIELD_YEAR, %PMD_FIELD_YEARS, %PMD_FIELD_COUNT,
 *   %PMD_FIELD_NUMBER, or %PMD_FIELD_PERCENT in points (70 is 70%)
 * @name: the field as its label names it ("Runs"), for messages
 *
 * Gives every spin button of the app one behaviour: what is typed is read
 * by the number rule (pmd_field_parse()), a field without decimals takes
 * whole numbers only, and what is shown is written the Dutch way. Text that
 * is no number is refused and the value stays, with the reason beside the
 * field (its error style and tooltip) and in a toast where the window has
 * them; a number beyond the range becomes its nearest end, and the field
 * says so. GTK's own reading took "1.500" as 1,5 and "abc" as 0, and put
 * the lowest value in its place without a word.
 */
void
pmd_field_init_spin (GtkSpinButton *spin,
                     PmdFieldKind   kind,
                     const char    *name)
{
  Spin *s;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_return_if_fail (name != NULL);

  s = g_new0 (Spin, 1);
  s->kind = kind;
  s->name = g_strdup (name);
  s->tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (spin)) != NULL
               ? g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (spin))) : NULL;
  g_object_set_data_full (G_OBJECT (spin), "pmd-field-spin", s, spin_free);
  /* Numeric spin buttons refuse the comma, dots and "%" of the rule. */
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  spin_output_cb (spin, NULL);
}

/**
 * pmd_field_get_spin_message:
 * @spin: a spin button given pmd_field_init_spin()
 *
 * Returns: (nullable): what the field said of the last text read from it:
 *   why it was refused or changed, or %NULL when it was taken as typed
 */
const char *
pmd_field_get_spin_message (GtkSpinButton *spin)
{
  const Spin *s;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), NULL);

  s = get_spin (spin);
  return s != NULL ? s->message : NULL;
}
