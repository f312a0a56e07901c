/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-dtoa-check.h"

/* Texts by hand: the shortest digits, in printf's %g layout with at least
 * 15 digits of precision before it switches to an exponent. */
static void
test_cases (void)
{
  static const struct { double v; const char *text; } cases[] = {
    { 0.0, "0" }, { -0.0, "0" }, { 1.0, "1" }, { -1.5, "-1.5" }, { 0.03, "0.03" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 1234567.89, "1234567.89" }, { 22800000, "22800000" }, { 1e15, "1e+15" }, { 123456789012345.0, "123456789012345" },
    { 1234567890123456.0, "1234567890123456" }, { 12345678901234568.0, "12345678901234568" }, { 1e21, "1e+21" },
    { 1e-4, "0.0001" }, { 1e-5, "1e-05" }, { 1.5e-7, "1.5e-07" }, { 5e-324, "5e-324" },
    { 2.2250738585072014e-308, "2.2250738585072014e-308" }, { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { 9007199254740993.0, "9007199254740992" }, { 1e23, "1e+23" }, { 5e-1, "0.5" }, { 100, "100" },
    { 2.5e100, "2.5e+100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char text[PMD_DTOA_BUF_SIZE];
      int len = pmd_dtoa (cases[i].v, text);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (len, ==, strlen (cases[i].text));
    }
  {
    char text[PMD_DTOA_BUF_SIZE];
    pmd_dtoa (NAN, text);
    g_assert_cmpstr (text, ==, "null");
    pmd_dtoa (-INFINITY, text);
    g_assert_cmpstr (text, ==, "null");
  }
}

/* 10⁵ doubles here; bench/bench-dtoa checks 10⁷ the same way. */
static void
test_random (void)
{
  guint64 state = 20260614;
  const guint64 count = 100000;

  for (guint64 i = 0; i < count; i++)
    {
      double x = dtoa_check_value (&state, i);
      char text[PMD_DTOA_BUF_SIZE];
      const char *wrong = dtoa_check (x, text);

      if (wrong != NULL)
        g_error ("%.17g → %s: %s", x, text, wrong);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/data/dtoa/cases", test_cases);
  g_test_add_func ("/data/dtoa/random", test_random);
  return g_test_run ();
}
