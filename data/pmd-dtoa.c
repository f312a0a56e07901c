/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-dtoa.h"
#include "pmd-dtoa-table.h"

/*
 * The shortest decimal that reads back as the same double, by Schubfach
 * (R. Giulietti, "The Schubfach way to render doubles", 2020): the value's
 * rounding interval is scaled by a power of ten close enough that at most
 * two candidates remain (a multiple of ten of the scaled value, or the
 * scaled value rounded down or up), and each is tested against the
 * interval's ends with 128-bit products, rounding to odd. No loop over
 * digits, no big numbers, no printf and no strtod.
 *
 * The text is the one printf's "%.{P}g" gives with P = max(15, digits):
 * what the writers printed before (the first of %.15g, %.16g, %.17g that
 * read back), so files and projections keep their bytes, except where that
 * search found no 16 digits that read back while other 16 digits do.
 */

#define P       53                                 /* significand bits */
#define Q_MIN   (-1074)                            /* exponent of the smallest subnormal */
#define C_MIN   (G_GUINT64_CONSTANT (1) << (P - 1))
#define MASK_63 G_GUINT64_CONSTANT (0x7fffffffffffffff)

/* floor(q log10 2), floor(q log10 (3/4 · 2)) and floor(e log2 10), exact
 * over the exponents of doubles (Giulietti §9.5). */
static inline int
flog10pow2 (int q)
{
  return (int) (((gint64) q * G_GINT64_CONSTANT (661971961083)) >> 41);
}

static inline int
flog10_three_quarters_pow2 (int q)
{
  return (int) (((gint64) q * G_GINT64_CONSTANT (661971961083) - G_GINT64_CONSTANT (274743187321)) >> 41);
}

static inline int
flog2pow10 (int e)
{
  return (int) (((gint64) e * G_GINT64_CONSTANT (913124641741)) >> 38);
}

/* cp · g / 2^127 rounded to odd: the integer part, with its lowest bit set
 * when anything was cut off. */
static inline guint64
round_to_odd (guint64 g1,
              guint64 g0,
              guint64 cp)
{
  unsigned __int128 x = (unsigned __int128) g0 * cp;
  unsigned __int128 y = (unsigned __int128) g1 * cp;
  guint64 x1 = (guint64) (x >> 64);
  guint64 y0 = (guint64) y;
  guint64 y1 = (guint64) (y >> 64);
  guint64 z = (y0 >> 1) + x1;
  guint64 vbp = y1 + (z >> 63);

  return vbp | (((z & MASK_63) + MASK_63) >> 63);
}

/* The shortest f · 10^k in the rounding interval of c · 2^q, the closest
 * to it when several are as short (Giulietti §10, figure 3). f may end in
 * zeros. */
static guint64
to_decimal (int      q,
            guint64  c,
            int     *k_out)
{
  guint64 out = c & 1;
  guint64 cb = c << 2;
  guint64 cbr = cb + 2;
  guint64 cbl, g1, g0, vb, vbl, vbr, s, t;
  gboolean u_in, w_in;
  gint64 cmp;
  int k, h;

  if (c != C_MIN || q == Q_MIN)
    {
      cbl = cb - 2;
      k = flog10pow2 (q);
    }
  else
    {
      /* At a power of two the interval below is half as wide. */
      cbl = cb - 1;
      k = flog10_three_quarters_pow2 (q);
    }
  h = q + flog2pow10 (-k) + 2;
  g1 = pmd_dtoa_g[-k - PMD_DTOA_E_MIN][0];
  g0 = pmd_dtoa_g[-k - PMD_DTOA_E_MIN][1];

  vb = round_to_odd (g1, g0, cb << h);
  vbl = round_to_odd (g1, g0, cbl << h);
  vbr = round_to_odd (g1, g0, cbr << h);

  s = vb >> 2;
  *k_out = k;
  if (s >= 10)
    {
      /* One digit fewer: the multiples of ten around the value. (Java's
       * s >= 100 assumes at least two digits are printed; a subnormal
       * such as 16 · 2^-1074 has 8e-323 within reach of 79.) */
      guint64 sp10 = 10 * (s / 10);
      guint64 tp10 = sp10 + 10;
      gboolean up_in = vbl + out <= sp10 << 2;
      gboolean wp_in = (tp10 << 2) + out <= vbr;

      if (up_in != wp_in)
        return up_in ? sp10 : tp10;
    }
  t = s + 1;
  u_in = vbl + out <= s << 2;
  w_in = (t << 2) + out <= vbr;
  if (u_in != w_in)
    return u_in ? s : t;
  /* Both in: the closer, and the even one on a tie. */
  cmp = (gint64) (vb - ((s + t) << 1));
  return cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t;
}

static inline int
count_digits (guint64 f)
{
  int n = 1;

  while (f >= 10)
    f /= 10, n++;
  return n;
}

/* "%.{P}g" of f · 10^k, f without trailing zeros, P = max(15, digits). */
static int
format_decimal (gboolean negative,
                guint64  f,
                int      k,
                char    *buf)
{
  char digits[20];
  int n = count_digits (f);
  int x = k + n - 1;   /* the exponent of the first digit */
  int precision = MAX (15, n);
  char *p = buf;

  for (int i = n - 1; i >= 0; i--)
    {
      digits[i] = (char) ('0' + f % 10);
      f /= 10;
    }
  if (negative)
    *p++ = '-';
  if (x < -4 || x >= precision)
    {
      int e = ABS (x);

      *p++ = digits[0];
      if (n > 1)
        {
          *p++ = '.';
          memcpy (p, digits + 1, n - 1);
          p += n - 1;
        }
      *p++ = 'e';
      *p++ = x < 0 ? '-' : '+';
      if (e >= 100)
        *p++ = (char) ('0' + e / 100);
      *p++ = (char) ('0' + e / 10 % 10);
      *p++ = (char) ('0' + e % 10);
    }
  else if (x < 0)
    {
      *p++ = '0';
      *p++ = '.';
      for (int i = -1; i > x; i--)
        *p++ = '0';
      memcpy (p, digits, n);
      p += n;
    }
  else if (n <= x + 1)
    {
      memcpy (p, digits, n);
      p += n;
      for (int i = n; i <= x; i++)
        *p++ = '0';
    }
  else
    {
      memcpy (p, digits, x + 1);
      p += x + 1;
      *p++ = '.';
      memcpy (p, digits + x + 1, n - x - 1);
      p += n - x - 1;
    }
  *p = '\0';
  return (int) (p - buf);
}

/**
 * pmd_dtoa:
 * @value: a number
 * @buf: (out caller-allocates): at least %PMD_DTOA_BUF_SIZE bytes
 *
 * Writes the shortest text that strtod() reads back as exactly @value, the
 * closest to @value of those, in JSON's syntax: "0.03", "1234567.89",
 * "1e+21", "5e-324"; "0" for either zero and "null" for NaN and infinities.
 *
 * Returns: the length of the text, without its NUL
 */
int
pmd_dtoa (double value,
          char  *buf)
{
  guint64 bits, c, f;
  int be, q, k;

  if (!isfinite (value))
    {
      memcpy (buf, "null", 5);
      return 4;
    }
  if (value == 0.0)
    {
      memcpy (buf, "0", 2);
      return 1;
    }
  memcpy (&bits, &value, sizeof bits);
  c = bits & ((G_GUINT64_CONSTANT (1) << (P - 1)) - 1);
  be = (int) ((bits >> (P - 1)) & 0x7ff);
  if (be != 0)
    {
      c |= C_MIN;
      q = be - 1075;
      /* A whole number below 2^53 is its own shortest form. */
      if (-q > 0 && -q < P && (c >> -q) << -q == c)
        {
          f = c >> -q;
          k = 0;
          goto trim;
        }
    }
  else
    q = Q_MIN;
  f = to_decimal (q, c, &k);

trim:
  while (f % 10 == 0)
    f /= 10, k++;
  return format_decimal (bits >> 63, f, k, buf);
}
