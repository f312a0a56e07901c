/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pmd-model.h"

#define MINUS "\u2212"

static void
test_format (void)
{
  static const struct { double v; const char *compact; const char *euro; } cases[] = {
    { 22800000, "€ 22,8 m", "€ 22.800.000" },
    { 91300000, "€ 91,3 m", "€ 91.300.000" },
    { 1250000, "€ 1,3 m", "€ 1.250.000" },       /* half away from zero */
    { 950000, "€ 950.000", "€ 950.000" },
    { 999999, "€ 999.999", "€ 999.999" },        /* whole euros below a million */
    { 999999999, "€ 1,0 bn", "€ 999.999.999" },  /* rounds up into billions */
    { 1.2e9, "€ 1,2 bn", "€ 1.200.000.000" },
    { -3000000, "€ " MINUS "3,0 m", "€ " MINUS "3.000.000" },
    { 0, "€ 0", "€ 0" },
    { 0.4, "€ 0", "€ 0" },
    { -0.4, "€ 0", "€ 0" },                      /* no "−0" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *compact = pmd_format_euro_compact (cases[i].v);
      g_autofree char *euro = pmd_format_euro (cases[i].v);

      g_assert_cmpstr (compact, ==, cases[i].compact);
      g_assert_cmpstr (euro, ==, cases[i].euro);
    }

  {
    g_autofree char *p1 = pmd_format_percent (0.034, 1);
    g_autofree char *p2 = pmd_format_percent (-0.02, 0);
    g_autofree char *n1 = pmd_format_number (1234567.891, 2);
    g_autofree char *c1 = pmd_format_decimal_comma (-1234567.891, 2);
    g_autofree char *c2 = pmd_format_decimal_comma (NAN, 2);
    g_assert_cmpstr (p1, ==, "3,4%");
    g_assert_cmpstr (p2, ==, MINUS "2%");
    g_assert_cmpstr (n1, ==, "1.234.567,89");
    g_assert_cmpstr (c1, ==, "-1234567,89");
    g_assert_cmpstr (c2, ==, "");
  }
}

/* The shortest text that reads back exactly, never locale-dependent. */
static void
test_plain (void)
{
  static const struct { double v; const char *text; } cases[] = {
    { 0.03, "0.03" }, { 22800000, "22800000" }, { 0.1 + 0.2, "0.30000000000000004" },
    { -1.5, "-1.5" }, { 1e21, "1e+21" }, { 0, "0" }, { NAN, "null" }, { INFINITY, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pmd_format_plain (cases[i].v);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse (void)
{
  static const struct { const char *text; double v; } good[] = {
    { "22,8 mln", 22800000 }, { "€ 1.250.000", 1250000 }, { "3,4%", 0.034 }, { "1.250.000,50", 1250000.5 },
    { "-0,5", -0.5 }, { MINUS "3 mln", -3000000 }, { "0.5", 0.5 }, { "1.5", 1.5 }, { "1.250", 1250 },
    { "12500", 12500 }, { "€22,8mln", 22800000 }, { "1,2 mld", 1.2e9 }, { "2 miljoen", 2e6 },
    { "15k", 15000 }, { "+7", 7 }, { " 42 ", 42 }, { "EUR 100", 100 }, { ",5", 0.5 },
    { "22,8 m", 22800000 }, { "1\u00a0250\u00a0000", 1250000 },
  };
  static const char *bad[] = {
    "", "abc", "1,2,3", "1.2.3", "1.25,3", "12a", "--5", "1,5.3", "%", "mln", "1e400", "NaN", "∞",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      g_assert_true (pmd_parse_number (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (v, good[i].v, 1e-9 * MAX (1.0, good[i].v));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      g_assert_false (pmd_parse_number (bad[i], &v, &error));
      g_assert_error (error, PMD_FORMAT_ERROR, 0);
      g_assert_cmpfloat (v, ==, -999);
    }
}

/* The one rule for decimal separators (pmd-format.c, `piramide --help`):
 * a comma is the decimal separator and dots before it group thousands;
 * without a comma, dots each before exactly three digits group thousands
 * and any other single dot is a decimal point; a number starting with 0 has
 * no thousands. Worked by hand:
 *   "0.500"        0 is no thousands group, so the dot is decimal: 0,5
 *   "0,5"          0,5
 *   "1.500.000"    groups 1|500|000: 1500000
 *   "1.500.000,25" groups before the comma: 1500000,25
 *   "1,5 mln"      1,5 × 10⁶ = 1500000
 *   "1.500"        one group of three: 1500 (and reported as ambiguous)
 *   "1234.567"     a first group of four digits is no group: 1234,567
 *   "1.5000"       four digits after the dot are no group: 1,5
 *   ".500"         nothing before the dot: 0,5
 *   "0.5%"         0,5% = 0,005
 *   "-0.500"       −0,5
 *   "12.500 k"     12500 × 1000 = 12500000
 */
static void
test_parse_separators (void)
{
  static const struct { const char *text; double v; gboolean ambiguous; } good[] = {
    { "0.500", 0.5, FALSE }, { "0,5", 0.5, FALSE }, { "1.500.000", 1500000, FALSE },
    { "1.500.000,25", 1500000.25, FALSE }, { "1,5 mln", 1500000, FALSE }, { "1.500", 1500, TRUE },
    { "1234.567", 1234.567, FALSE }, { "1.5000", 1.5, FALSE }, { ".500", 0.5, FALSE },
    { "0.5%", 0.005, FALSE }, { "-0.500", -0.5, FALSE }, { "12.500 k", 12500000, TRUE },
    { "1.500,5", 1500.5, FALSE }, { "1.5", 1.5, FALSE },
  };
  /* Groups of other than three digits, a second comma, a dot after the
   * comma, a first group with a leading 0 or more than three digits. */
  static const char *bad[] = {
    "1,2,3", "1.50.0", "0.500.000", "1234.567.890", "1.5.000", "1.500,000.5", "12.34,5", "01.500.000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      g_test_message ("%s", good[i].text);
      g_assert_true (pmd_parse_number (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (v, good[i].v, 1e-9 * MAX (1.0, fabs (good[i].v)));
      g_assert_cmpint (pmd_parse_number_is_ambiguous (good[i].text), ==, good[i].ambiguous);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -999;

      g_test_message ("%s", bad[i]);
      g_assert_false (pmd_parse_number (bad[i], &v, &error));
      g_assert_error (error, PMD_FORMAT_ERROR, 0);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpfloat (v, ==, -999);
      g_assert_false (pmd_parse_number_is_ambiguous (bad[i]));
    }
  /* The text is shown in the message with its controls escaped. */
  {
    g_autoptr(GError) error = NULL;
    double v;

    g_assert_false (pmd_parse_number ("1\u202E5", &v, &error));
    g_assert_nonnull (strstr (error->message, "1\\u202E5"));
  }
}

/* Numbers in messages: Dutch, ten significant digits, never an exponent
 * like "1e+308" nor seventeen digits. By hand:
 *   -5                 → "−5"
 *   4444829.51653932   → 7 digits before the comma, 3 after: "4.444.829,517"
 *   5e7                → "50.000.000"
 *   1.0000001          → "1,0000001" (it is not 1: the message must show that)
 *   0.1 + 0.2          → 0,30000000000000004 to ten digits: "0,3"
 *   0.0225             → "0,0225"
 *   1e308              → "1 × 10³⁰⁸"
 *   -1.5e20            → "−1,5 × 10²⁰"
 *   1e-12              → "1 × 10⁻¹²"
 *   999999999999999    → below 10¹⁵, whole: "999.999.999.999.999"
 *   9.99999e20         → the mantissa rounds to 10: "1 × 10²¹"
 */
static void
test_format_value (void)
{
  static const struct { double v; const char *text; } cases[] = {
    { -5, MINUS "5" }, { 4444829.51653932, "4.444.829,517" }, { 5e7, "50.000.000" },
    { 1.0000001, "1,0000001" }, { 0.1 + 0.2, "0,3" }, { 0.0225, "0,0225" }, { 1.5, "1,5" },
    { 1e308, "1 × 10³⁰⁸" }, { -1.5e20, MINUS "1,5 × 10²⁰" }, { 1e-12, "1 × 10⁻¹²" },
    { 999999999999999.0, "999.999.999.999.999" }, { 9.99999e20, "1 × 10²¹" }, { 0, "0" },
    { INFINITY, "∞" }, { -INFINITY, MINUS "∞" }, { NAN, "not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pmd_format_value (cases[i].v);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Text from a file goes into messages with its controls made visible: a
 * right-to-left override would reorder the rest of the line, a bell or an
 * escape sequence would act on the terminal, a newline breaks the one-line
 * message. Quotes, "€" and letters of any script stay as they are. */
static void
test_escape_text (void)
{
  static const struct { const char *text; const char *escaped; } cases[] = {
    { "wmo-maatwerk", "wmo-maatwerk" },
    { "Jeugd \u201cbasis\u201d € 5", "Jeugd \u201cbasis\u201d € 5" },
    { "Zoë, Ελλάδα, عربي", "Zoë, Ελλάδα, عربي" },
    { "bel\a", "bel\\x07" },
    { "two\nlines\r", "two\\x0Alines\\x0D" },
    { "\033[31mred", "\\x1B[31mred" },
    { "del\x7f", "del\\x7F" },
    { "c1\xc2\x85", "c1\\u0085" },      /* U+0085, a C1 control */
    { "abc\u202Efed", "abc\\u202Efed" },
    { "\u202A\u202B\u202C\u202D", "\\u202A\\u202B\\u202C\\u202D" },
    { "\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069" },
    { "\u200E\u200F\u061C", "\\u200E\\u200F\\u061C" },
    { "a\u2028b\u2029", "a\\u2028b\\u2029" },
    { "bad\xff\xc3", "bad\\xFF\\xC3" },  /* not UTF-8: each byte */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = pmd_format_escape_text (cases[i].text);
      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
    }
  {
    g_autofree char *none = pmd_format_escape_text (NULL);
    g_assert_cmpstr (none, ==, "");
  }
}

/* A Dutch LC_NUMERIC must not leak into any formatting. */
static void
test_locale_independent (void)
{
  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("nl_NL.UTF-8 locale not installed");
      return;
    }
  {
    g_autofree char *plain = pmd_format_plain (0.25);
    g_autofree char *compact = pmd_format_euro_compact (22800000);
    double v;
    g_assert_cmpstr (plain, ==, "0.25");
    g_assert_cmpstr (compact, ==, "€ 22,8 m");
    g_assert_true (pmd_parse_number ("0,25", &v, NULL));
    g_assert_cmpfloat (v, ==, 0.25);
  }
  setlocale (LC_NUMERIC, "C");
}

/* One column, one scale, the sign after the euro sign (in English "m"
 * for "mln"). By hand: the
 * largest of { 22.845.123, −571.282, NaN } reaches a million, so all are
 * millions with one decimal: 22,845123 → "22,8"; −0,571282 → "−0,6". A
 * column below a million is in euros. As a difference +1.700.000 is
 * "€ +1,7 mln", −1.700.000 "€ −1,7 mln", and 40.000 in millions rounds to
 * 0,0: no sign. */
static void
test_euro_column (void)
{
  const double column[] = { 22845123, -571282, NAN };
  const double small[] = { -700003, 12 };
  const double huge[] = { 999999999, 5e6 };
  double unit = pmd_format_euro_unit (column, G_N_ELEMENTS (column));
  static const struct { double value, unit; gboolean difference; const char *text; } cases[] = {
    { 22845123, 1e6, FALSE, "€ 22,8 m" },
    { -571282, 1e6, FALSE, "€ −0,6 m" },
    { NAN, 1e6, FALSE, "—" },
    { -700003, 1, FALSE, "€ −700.003" },
    { 1700000, 1e6, TRUE, "€ +1,7 m" },
    { -1700000, 1e6, TRUE, "€ −1,7 m" },
    { 40000, 1e6, TRUE, "€ 0,0 m" },
    { -40000, 1e6, TRUE, "€ 0,0 m" },
    { 210968, 1, TRUE, "€ +210.968" },
    { 0, 1, TRUE, "€ 0" },
    { 5e6, 1e9, FALSE, "€ 0,0 bn" },
  };

  g_assert_cmpfloat (unit, ==, 1e6);
  g_assert_cmpfloat (pmd_format_euro_unit (small, G_N_ELEMENTS (small)), ==, 1);
  g_assert_cmpfloat (pmd_format_euro_unit (huge, G_N_ELEMENTS (huge)), ==, 1e9);
  g_assert_cmpfloat (pmd_format_euro_unit (NULL, 0), ==, 1);
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *text = pmd_format_euro_in (cases[k].value, cases[k].unit, cases[k].difference);
      g_assert_cmpstr (text, ==, cases[k].text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/format/dutch", test_format);
  g_test_add_func ("/model/format/plain", test_plain);
  g_test_add_func ("/model/format/parse", test_parse);
  g_test_add_func ("/model/format/locale-independent", test_locale_independent);
  g_test_add_func ("/model/format/escape-text", test_escape_text);
  g_test_add_func ("/model/format/parse-separators", test_parse_separators);
  g_test_add_func ("/model/format/value", test_format_value);
  g_test_add_func ("/model/format/euro-column", test_euro_column);

  return g_test_run ();
}
