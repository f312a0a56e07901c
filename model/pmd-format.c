/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pmd-format.h"

#define MINUS_SIGN "\u2212"

G_DEFINE_QUARK (pmd-format-error-quark, pmd_format_error)

/**
 * pmd_format_plain:
 * @value: a number
 *
 * The shortest ASCII text that reads back as exactly @value ("0.03", not
 * "0.029999999999999999"); "null" for NaN and infinities. Used for JSON.
 *
 * Returns: (transfer full): the text
 */
char *
pmd_format_plain (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("null");
  if (value == 0.0)
    return g_strdup ("0");

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/* Digits of |value| rounded to @decimals, split at the decimal point. */
static void
format_digits (double   value,
               int      decimals,
               GString *int_part,
               GString *frac_part)
{
  char buf[512];
  char fmt[16];
  char *dot;

  double scale;

  decimals = CLAMP (decimals, 0, 9);
  scale = pow (10.0, decimals);
  /* Half away from zero, as people round (1,25 → 1,3), unlike printf's
   * round-half-even on the binary value. */
  value = fabs (value);
  if (value * scale < 1e15)
    value = round (value * scale) / scale;
  g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      g_string_append (frac_part, dot + 1);
      *dot = '\0';
    }
  g_string_append (int_part, buf);
}

static gboolean
rounds_to_zero (const GString *int_part,
                const GString *frac_part)
{
  for (gsize i = 0; i < int_part->len; i++)
    if (int_part->str[i] != '0')
      return FALSE;
  for (gsize i = 0; i < frac_part->len; i++)
    if (frac_part->str[i] != '0')
      return FALSE;
  return TRUE;
}

static void
append_number (GString    *out,
               double      value,
               int         decimals,
               const char *minus,
               gboolean    group)
{
  g_autoptr(GString) int_part = g_string_new (NULL);
  g_autoptr(GString) frac_part = g_string_new (NULL);

  format_digits (value, decimals, int_part, frac_part);
  if (value < 0 && !rounds_to_zero (int_part, frac_part))
    g_string_append (out, minus);

  for (gsize i = 0; i < int_part->len; i++)
    {
      if (group && i > 0 && (int_part->len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, int_part->str[i]);
    }
  if (frac_part->len > 0)
    {
      g_string_append_c (out, ',');
      g_string_append (out, frac_part->str);
    }
}

/**
 * pmd_format_number:
 * @value: a finite number
 * @decimals: digits after the comma (0–9)
 *
 * Returns: (transfer full): e.g. "1.250.000,50", "−3,4"
 */
char *
pmd_format_number (double value,
                   int    decimals)
{
  GString *out = g_string_new (NULL);

  if (!isfinite (value))
    return g_string_free (g_string_append (out, "–"), FALSE);
  append_number (out, value, decimals, MINUS_SIGN, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * pmd_format_decimal_comma:
 * @value: a number
 * @decimals: digits after the comma (0–9)
 *
 * For spreadsheets: a decimal comma, no thousands separator, ASCII minus;
 * empty for NaN.
 *
 * Returns: (transfer full): e.g. "-1250000,50"
 */
char *
pmd_format_decimal_comma (double value,
                          int    decimals)
{
  GString *out = g_string_new (NULL);

  if (isfinite (value))
    append_number (out, value, decimals, "-", FALSE);
  return g_string_free (out, FALSE);
}

/**
 * pmd_format_euro:
 *
 * Returns: (transfer full): whole euros, e.g. "€ 1.250.000", "€ −3.000.000"
 */
char *
pmd_format_euro (double value)
{
  g_autofree char *number = pmd_format_number (value, 0);
  return g_strdup_printf ("€ %s", number);
}

/* "€ @number" in @unit ("mln" after it for millions). */
static char *
euro_in_unit (const char *number,
              double      unit)
{
  if (unit >= 1e9)
    /* Translators: "mld" is the Dutch abbreviation of a billion (10⁹) */
    return g_strdup_printf (_("€ %s bn"), number);
  if (unit >= 1e6)
    /* Translators: "mln" is the Dutch abbreviation of a million */
    return g_strdup_printf (_("€ %s m"), number);
  return g_strdup_printf ("€ %s", number);
}

/**
 * pmd_format_euro_scaled:
 * @value: euros
 * @unit: 1e9, 1e6 or 1
 * @decimals: digits after the comma
 *
 * Returns: (transfer full): @value in that unit: "€ 22,8 mln", "€ 1,2 mld",
 *   "€ 950.000"
 */
char *
pmd_format_euro_scaled (double value,
                        double unit,
                        int    decimals)
{
  g_autofree char *number = pmd_format_number (value / unit, decimals);

  return euro_in_unit (number, unit);
}

/**
 * pmd_format_euro_compact:
 *
 * Returns: (transfer full): the way Dutch budgets write large amounts:
 *   "€ 22,8 mln", "€ 1,2 mld", and whole euros below a million ("€ 950.000")
 */
char *
pmd_format_euro_compact (double value)
{
  double a = fabs (value);

  /* Round first, so that 999.999.999 reads "€ 1,0 mld", not "€ 1.000,0 mln";
   * below a million whole euros are short enough. */
  if (isfinite (a) && round (a / 1e8) >= 10)
    return pmd_format_euro_scaled (value, 1e9, 1);
  if (isfinite (a) && a >= 999999.5)
    return pmd_format_euro_scaled (value, 1e6, 1);
  return pmd_format_euro_scaled (value, 1, 0);
}

/*
 * Money in a table. One convention everywhere: the sign stands between the
 * euro sign and the digits, where pmd_format_number() puts it, for amounts
 * ("€ −1,7 mln", "€ −571.282") and for differences alike, which carry a plus
 * when they go up ("€ +1,7 mln"); it never moves in front of the euro sign.
 * A column (or a small table) is written in one scale: when one of its
 * amounts reaches a million, all are in millions with one decimal
 * ("€ 0,6 mln" beside "€ 22,8 mln", not "€ 571.282"); a milliard likewise.
 */

/**
 * pmd_format_euro_unit:
 * @values: (array length=n_values): the amounts of one column; NaN is
 *   passed over
 * @n_values: their number
 *
 * The scale pmd_format_euro_compact() would give the largest of @values,
 * for writing all of them with pmd_format_euro_in().
 *
 * Returns: 1e9, 1e6 or 1
 */
double
pmd_format_euro_unit (const double *values,
                      gsize         n_values)
{
  double largest = 0;

  for (gsize k = 0; k < n_values; k++)
    if (isfinite (values[k]))
      largest = MAX (largest, fabs (values[k]));
  /* As pmd_format_euro_compact() rounds: 999.999.999 is "€ 1,0 mld". */
  if (round (largest / 1e8) >= 10)
    return 1e9;
  if (largest >= 999999.5)
    return 1e6;
  return 1;
}

/**
 * pmd_format_euro_in:
 * @value: euros; NaN: none
 * @unit: from pmd_format_euro_unit()
 * @difference: a change: a plus before an increase
 *
 * Returns: (transfer full): "€ −1,7 mln", "€ 0,6 mln", "€ −571.282", with
 *   @difference "€ +1,7 mln"; "—" for NaN. A value that rounds to zero has
 *   no sign: "€ 0,0 mln".
 */
char *
pmd_format_euro_in (double   value,
                    double   unit,
                    gboolean difference)
{
  int decimals = unit > 1 ? 1 : 0;
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");
  number = pmd_format_number (value / unit, decimals);
  /* Where a minus would stand; not on a value that rounds to zero. */
  if (difference && value > 0 && strspn (number, "0,") != strlen (number))
    {
      char *plus = g_strconcat ("+", number, NULL);
      g_free (number);
      number = plus;
    }
  return euro_in_unit (number, unit);
}

/**
 * pmd_format_percent:
 * @fraction: a rate as a fraction (0.034)
 * @decimals: digits after the comma
 *
 * Returns: (transfer full): e.g. "3,4%"
 */
char *
pmd_format_percent (double fraction,
                    int    decimals)
{
  g_autofree char *number = pmd_format_number (fraction * 100.0, decimals);
  return g_strdup_printf ("%s%%", number);
}

/* Drops the zeros at the end of the decimals, and the comma if none remain. */
static void
trim_decimals (GString *out)
{
  if (strchr (out->str, ',') == NULL)
    return;
  while (out->len > 0 && out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[out->len - 1] == ',')
    g_string_truncate (out, out->len - 1);
}

static void
append_superscript (GString *out,
                    int      exponent)
{
  static const char *const digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  char buf[16];

  if (exponent < 0)
    g_string_append (out, "⁻");
  g_snprintf (buf, sizeof buf, "%d", ABS (exponent));
  for (const char *p = buf; *p; p++)
    g_string_append (out, digits[*p - '0']);
}

/**
 * pmd_format_value:
 * @value: any number
 *
 * A number for a message ("must be zero or more (found −5)"): Dutch like
 * every number Piramide shows, in English too (a decimal comma, dots
 * between thousands, U+2212 for minus), to ten significant digits with the
 * zeros at the end dropped, so "1,0000001" still shows why it is not 1 and
 * a computed 4444829.51653932 reads "4.444.829,517". Numbers beyond a
 * thousand million million, and tiny ones, are written with a power of
 * ten ("1,5 × 10³⁰⁸") instead of hundreds of digits; never "1e+308".
 *
 * Returns: (transfer full): the text; "∞", "−∞" or "not a number" for
 *   those
 */
char *
pmd_format_value (double value)
{
  GString *out = g_string_new (NULL);
  double a = fabs (value);

  if (isnan (value))
    return g_string_free (g_string_append (out, _("not a number")), FALSE);
  if (isinf (value))
    return g_string_free (g_string_append (out, value < 0 ? MINUS_SIGN "∞" : "∞"), FALSE);
  if (value == 0.0)
    return g_string_free (g_string_append_c (out, '0'), FALSE);

  if (a >= 1e15 || a < 1e-6)
    {
      int exponent = (int) floor (log10 (a));
      double mantissa = value / pow (10.0, exponent);

      /* 9,9996 rounds to 10,000: carry into the exponent. */
      if (fabs (mantissa) >= 9.9995)
        {
          exponent++;
          mantissa /= 10.0;
        }
      append_number (out, mantissa, 3, MINUS_SIGN, FALSE);
      trim_decimals (out);
      g_string_append (out, " × 10");
      append_superscript (out, exponent);
    }
  else
    {
      int magnitude = (int) floor (log10 (a));

      append_number (out, value, CLAMP (9 - magnitude, 0, 9), MINUS_SIGN, TRUE);
      trim_decimals (out);
    }
  return g_string_free (out, FALSE);
}

/* Text */

/* Characters that would let text from a file or a command line rewrite the
 * message around it: C0 and C1 controls (a newline breaks the one-line rule,
 * an escape sequence drives the terminal), the line and paragraph separators,
 * and the bidirectional controls that reorder what is shown (an id ending in
 * U+202E makes the rest of the message read backwards). */
static gboolean
must_escape (gunichar c)
{
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
         c == 0x061C || c == 0x200E || c == 0x200F ||
         c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/**
 * pmd_format_escape_text:
 * @text: (nullable): text from a file, a command line or a user: an id, a
 *   name, a key, a path
 *
 * The text as it may be put into a message: control characters and
 * bidirectional controls are written as escapes, so that they are seen
 * rather than acted on: "\x07" for a control below U+0080 (and for each
 * byte that is not valid UTF-8), "\u202E" for the others. Everything else,
 * "“", "€" and letters of any script, stays as it is.
 *
 * Returns: (transfer full): the escaped text; "" for %NULL
 */
char *
pmd_format_escape_text (const char *text)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");

  end = text + strlen (text);
  out = g_string_sized_new (end - text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (!must_escape (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_printf (out, "\\u%04X", c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* Parsing
 *
 * One rule for every number a person types, in the window and on the
 * command line alike (`piramide --help` says the same in words):
 *
 *  - A comma is the decimal separator, and dots before it group thousands:
 *    "1.500.000,25", "0,5", "22,8 mln".
 *  - Without a comma, dots that each stand before exactly three digits group
 *    thousands: "1.500.000" is a million and a half, and "1.500" is 1500.
 *    That is how Dutch budgets write amounts and how the window itself shows
 *    1500 in a field; reading "12.500" residents as 12,5 would be off by a
 *    factor of a thousand without a word, which is worse than the surprise
 *    of someone who meant "1.500" as one and a half (the command line says
 *    how it read such a number, see pmd_parse_number_is_ambiguous()).
 *  - Any other single dot is a decimal point: "1.5", "1.25", "1234.5", and
 *    "0.500" is a half, because a number that starts with 0 has no
 *    thousands to group.
 *  - Groups are exactly three digits after a first group of one to three
 *    that does not start with 0; anything else is refused with a message
 *    rather than guessed: "1.50.0", "0.500.000", "1234.567.890", a second
 *    comma ("1,2,3") or a dot after the comma ("1,5.3").
 */

static gboolean
parse_error (const char *text,
             GError    **error)
{
  g_autofree char *shown = pmd_format_escape_text (text);

  g_set_error (error, PMD_FORMAT_ERROR, 0,
               _("“%s” is not a number (write for example 22,8 mln or 1.250.000 or 3,4%%)"), shown);
  return FALSE;
}

static gboolean
separator_error (const char *text,
                 GError    **error)
{
  g_autofree char *shown = pmd_format_escape_text (text);

  g_set_error (error, PMD_FORMAT_ERROR, 0,
               _("“%s” is not a number: a comma is the decimal separator and dots group thousands "
                 "in threes (1.250.000,50 or 0,5)"), shown);
  return FALSE;
}

static gboolean
strip_suffix (GString    *s,
              const char *suffix)
{
  gsize n = strlen (suffix);

  if (s->len >= n && g_ascii_strcasecmp (s->str + s->len - n, suffix) == 0)
    {
      g_string_truncate (s, s->len - n);
      while (s->len > 0 && s->str[s->len - 1] == ' ')
        g_string_truncate (s, s->len - 1);
      return TRUE;
    }
  return FALSE;
}

/* Whether the first @len bytes of @digits (digits and dots only) group
 * thousands: a first group of one to three digits that does not start
 * with 0, then dots each followed by exactly three digits. */
static gboolean
is_grouped (const char *digits,
            gsize       len)
{
  const char *end = digits + len;
  const char *dot = memchr (digits, '.', len);
  gsize first;

  if (dot == NULL)
    return FALSE;
  first = dot - digits;
  if (first < 1 || first > 3 || digits[0] == '0')
    return FALSE;
  while (dot < end)
    {
      const char *next = memchr (dot + 1, '.', end - dot - 1);
      const char *group_end = next != NULL ? next : end;

      if (group_end - dot - 1 != 3)
        return FALSE;
      dot = group_end;
    }
  return TRUE;
}

/* Removes every @c from the first @before bytes of @s. */
static void
remove_char (GString *s,
             char     c,
             gsize    before)
{
  for (gsize i = 0; i < before && i < s->len;)
    if (s->str[i] == c)
      {
        g_string_erase (s, i, 1);
        before--;
      }
    else
      i++;
}

/* pmd_parse_number(), and whether a single dot before three digits was read
 * as a thousands separator. */
static gboolean
read_number (const char *text,
             double     *value,
             gboolean   *single_group,
             GError    **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  double scale = 1.0;
  gboolean negative = FALSE;
  gboolean has_digit = FALSE;
  const char *comma;
  char *end = NULL;
  double v;

  *single_group = FALSE;

  /* Drop spaces (also no-break spaces), the euro sign and "EUR". */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x20AC)
        continue;
      if (c == 0x2212)
        {
          g_string_append_c (s, '-');
          continue;
        }
      g_string_append_unichar (s, c);
    }
  if (g_ascii_strncasecmp (s->str, "eur", 3) == 0)
    g_string_erase (s, 0, 3);

  if (strip_suffix (s, "%"))
    scale = 0.01;
  else if (strip_suffix (s, "miljoen") || strip_suffix (s, "mln") || strip_suffix (s, "m"))
    scale = 1e6;
  else if (strip_suffix (s, "miljard") || strip_suffix (s, "mld"))
    scale = 1e9;
  else if (strip_suffix (s, "duizend") || strip_suffix (s, "k"))
    scale = 1e3;

  if (s->len > 0 && (s->str[0] == '-' || s->str[0] == '+'))
    {
      negative = s->str[0] == '-';
      g_string_erase (s, 0, 1);
    }

  for (gsize i = 0; i < s->len; i++)
    {
      if (g_ascii_isdigit (s->str[i]))
        has_digit = TRUE;
      else if (s->str[i] != '.' && s->str[i] != ',')
        return parse_error (text, error);
    }
  if (!has_digit)
    return parse_error (text, error);

  comma = strchr (s->str, ',');
  if (comma != NULL)
    {
      gsize int_len = comma - s->str;

      if (strchr (comma + 1, ',') != NULL || strchr (comma + 1, '.') != NULL)
        return separator_error (text, error);
      if (memchr (s->str, '.', int_len) != NULL && !is_grouped (s->str, int_len))
        return separator_error (text, error);
      s->str[int_len] = '.';
      remove_char (s, '.', int_len);
    }
  else
    {
      const char *dot = strchr (s->str, '.');
      gboolean several = dot != NULL && strchr (dot + 1, '.') != NULL;

      if (several && !is_grouped (s->str, s->len))
        return separator_error (text, error);
      if (dot != NULL && is_grouped (s->str, s->len))
        {
          *single_group = !several;
          remove_char (s, '.', s->len);
        }
      /* else a single decimal point, as it is */
    }

  v = g_ascii_strtod (s->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v) || !isfinite (v * scale))
    return parse_error (text, error);

  *value = (negative ? -v : v) * scale;
  return TRUE;
}

/**
 * pmd_parse_number:
 * @text: what a user typed: "22,8 mln", "€ 1.250.000", "3,4%", "-0,5", "0.5"
 * @value: (out): the number; percentages become fractions (3,4% → 0.034)
 * @error: text that is not a number, or whose separators break the rule
 *
 * Reads a number the way a Dutch user writes it, by the one rule for
 * decimal separators above: a decimal comma, dots between thousands in
 * groups of three ("1.500" is 1500), any other single dot a decimal point
 * ("0.500" and "1.5"). Also takes an optional euro sign and the suffixes
 * "mln"/"miljoen"/"m", "mld"/"miljard", "k"/"duizend" and "%".
 */
gboolean
pmd_parse_number (const char *text,
                  double     *value,
                  GError    **error)
{
  gboolean single_group;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return read_number (text, value, &single_group, error);
}

/**
 * pmd_parse_number_is_ambiguous:
 * @text: text that pmd_parse_number() reads
 *
 * Whether @text has one dot, before exactly three digits, and no comma
 * ("1.500", "12.500 k"): pmd_parse_number() reads that dot as a thousands
 * separator, where a writer of English may have meant a decimal point.
 * The command line uses it to say how it read such a number.
 *
 * Returns: %TRUE for such a number
 */
gboolean
pmd_parse_number_is_ambiguous (const char *text)
{
  gboolean single_group = FALSE;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);

  return read_number (text, &value, &single_group, NULL) && single_group;
}
