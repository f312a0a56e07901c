/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What pmd_dtoa() must do, checked on one double: the text reads back as
 * the double (strtod), no text with one digit fewer does, of the texts
 * with as many digits it is the closest, and it is the text the writers
 * printed before (the first of %.15g, %.16g, %.17g that read back) unless
 * that one was longer. Shared by test-data-dtoa (10⁵ doubles) and
 * bench/bench-dtoa (10⁷).
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pmd-dtoa.h"
#include "pmd-format.h"

/* SplitMix64: reproducible doubles, the same on every machine. */
static inline guint64
dtoa_check_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* The i-th double to check: a quarter random bit patterns (every exponent,
 * subnormals included), a quarter euros and cents as the model writes them,
 * a quarter products and quotients as a projection makes them, a quarter
 * powers of two and their neighbours (where the rounding interval is
 * lopsided). */
static inline double
dtoa_check_value (guint64 *state,
                  guint64  i)
{
  guint64 bits = dtoa_check_next (state);
  double x;

  switch (i % 4)
    {
    case 0:
      do
        {
          memcpy (&x, &bits, sizeof x);
          bits = dtoa_check_next (state);
        }
      while (!isfinite (x));
      return x;
    case 1:
      return (double) (bits % G_GUINT64_CONSTANT (100000000000000)) / 100.0;
    case 2:
      return (double) (bits >> 11) / 9007199254740992.0 * 1.7e8 * pow (1.03, (double) (bits % 31));
    default:
      {
        int e = (int) (bits % 2098) - 1074;
        x = ldexp (1.0, e);
        if (bits & (G_GUINT64_CONSTANT (1) << 40))
          x = nextafter (x, (bits & (G_GUINT64_CONSTANT (1) << 41)) ? INFINITY : 0);
        return (bits >> 63) ? -x : x;
      }
    }
}

/* The significant digits of a number's text, and the power of ten of the
 * last one: "-1.25e-05" → 125, -7. */
static inline int
dtoa_check_digits (const char *text,
                   guint64    *mantissa,
                   int        *exp10)
{
  const char *e = strpbrk (text, "eE");
  int n = 0, after_point = 0, trailing = 0;
  gboolean seen_point = FALSE;
  guint64 m = 0;

  for (const char *p = text; *p != '\0' && p != e; p++)
    {
      if (*p == '.')
        {
          seen_point = TRUE;
          continue;
        }
      if (*p < '0' || *p > '9')
        continue;
      if (seen_point)
        after_point++;
      if (m == 0 && *p == '0')
        continue;
      m = m * 10 + (guint64) (*p - '0');
      n++;
    }
  while (m != 0 && m % 10 == 0)
    m /= 10, n--, trailing++;
  *mantissa = m;
  *exp10 = (e != NULL ? atoi (e + 1) : 0) - after_point + trailing;
  return n;
}

static inline gboolean
dtoa_check_reads_back (guint64 mantissa,
                       int     exp10,
                       gboolean negative,
                       double   x)
{
  char buf[64];

  g_snprintf (buf, sizeof buf, "%s%" G_GUINT64_FORMAT "e%d", negative ? "-" : "", mantissa, exp10);
  return g_ascii_strtod (buf, NULL) == x;
}

/* NULL when pmd_dtoa (x) is right, else what is wrong (static text). */
static inline const char *
dtoa_check (double x,
            char  *text)
{
  char buf[64];
  guint64 m, mr;
  int n, e, er;
  gboolean negative = signbit (x);

  pmd_dtoa (x, text);
  if (!isfinite (x))
    return strcmp (text, "null") == 0 ? NULL : "not null";
  if (g_ascii_strtod (text, NULL) != x)
    return "does not read back";
  if (x == 0)
    return strcmp (text, "0") == 0 ? NULL : "zero is not 0";
  n = dtoa_check_digits (text, &m, &e);

  /* Shortest: the (n−1)-digit numbers on either side of x do not read back. */
  if (n > 1)
    {
      /* x rounded to n − 1 digits, as a whole number of units of its
       * last digit, and that unit's power of ten. */
      g_snprintf (buf, sizeof buf, "%.*e", n - 2, fabs (x));
      er = atoi (strchr (buf, 'e') + 1) - (n - 2);
      mr = 0;
      for (const char *p = buf; *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
          mr = mr * 10 + (guint64) (*p - '0');
      for (int d = -1; d <= 1; d++)
        if (mr + d > 0 && dtoa_check_reads_back (mr + d, er, negative, x))
          return "a shorter text reads back";
    }
  /* Closest: when x rounded to n digits reads back, that is the text. */
  g_snprintf (buf, sizeof buf, "%.*e", n - 1, fabs (x));
  if (g_ascii_strtod (buf, NULL) == fabs (x))
    {
      dtoa_check_digits (buf, &mr, &er);
      if (mr != m || er != e)
        return "not the closest of the shortest";
    }
  /* The text printf's search gave, unless that was longer. */
  {
    g_autofree char *before = pmd_format_plain (x);

    if (strcmp (before, text) != 0)
      {
        guint64 mb;
        int eb;

        if (dtoa_check_digits (before, &mb, &eb) <= n)
          return "differs from %.{15,16,17}g without being shorter";
      }
  }
  return NULL;
}
