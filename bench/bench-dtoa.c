/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The number formatter of the JSON writers (data/pmd-dtoa.c): checks N
 * doubles (default 10⁷) as test-data-dtoa checks 10⁵ (reads back through
 * strtod, shortest, closest, printf's layout), then times it against the
 * printf search it replaced (%.15g, %.16g, %.17g until one reads back).
 *
 *   ./build/bench/bench-dtoa [N]
 */
#include "config.h"

#include <stdlib.h>

#include "pmd-dtoa-check.h"

int
main (int    argc,
      char **argv)
{
  guint64 count = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 10000000;
  const guint64 timed = MIN (count, 1000000);
  g_autofree double *values = g_new (double, timed);
  guint64 state = 20260614, failures = 0, bytes = 0;
  gint64 t0;
  double t_new, t_old;

  t0 = g_get_monotonic_time ();
  for (guint64 i = 0; i < count; i++)
    {
      double x = dtoa_check_value (&state, i);
      char text[PMD_DTOA_BUF_SIZE];
      const char *wrong = dtoa_check (x, text);

      if (i < timed)
        values[i] = x;
      if (wrong != NULL && failures++ < 10)
        printf ("%.17g → %s: %s\n", x, text, wrong);
    }
  printf ("checked %" G_GUINT64_FORMAT " doubles in %.1f s: %" G_GUINT64_FORMAT " wrong\n", count,
          (g_get_monotonic_time () - t0) / 1e6, failures);

  t0 = g_get_monotonic_time ();
  for (guint64 i = 0; i < timed; i++)
    {
      char text[PMD_DTOA_BUF_SIZE];
      bytes += pmd_dtoa (values[i], text);
    }
  t_new = (double) (g_get_monotonic_time () - t0) * 1000.0 / timed;
  t0 = g_get_monotonic_time ();
  for (guint64 i = 0; i < timed; i++)
    {
      g_autofree char *text = pmd_format_plain (values[i]);
      bytes += strlen (text);
    }
  t_old = (double) (g_get_monotonic_time () - t0) * 1000.0 / timed;
  printf ("pmd_dtoa %.1f ns per number, printf search %.1f ns (%.0f× faster; %" G_GUINT64_FORMAT " bytes)\n",
          t_new, t_old, t_old / t_new, bytes);
  return failures == 0 ? 0 : 1;
}
