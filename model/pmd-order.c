/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-order-private.h"
#include "pmd-simd-private.h"

/*
 * A Monte Carlo of 10.000 runs asks for three percentiles per year and
 * series; finding them must cost a few passes over the runs, not a sort.
 *
 * _pmd_order_select() buckets the values by where they lie between their
 * least and their greatest (a linear map, so the buckets keep the values'
 * order), counts each bucket, and then knows which bucket holds each rank
 * asked for and how many values lie before it. Only those buckets' values
 * (a handful each) are copied out and selected among. The values are read,
 * never moved: the runs stay in run order.
 *
 * The loops are written so that -O3 (this file is built with it) makes
 * vector instructions of the passes that can be.
 */

typedef double V4 __attribute__ ((vector_size (4 * sizeof (double)), aligned (sizeof (double))));
typedef gint64 V4i __attribute__ ((vector_size (4 * sizeof (gint64)), aligned (sizeof (double))));
typedef gint32 V4i32 __attribute__ ((vector_size (4 * sizeof (gint32)), aligned (sizeof (gint32))));
typedef gint16 V4i16 __attribute__ ((vector_size (4 * sizeof (gint16)), aligned (sizeof (gint16))));
typedef gint16 V16i16 __attribute__ ((vector_size (16 * sizeof (gint16)), aligned (sizeof (gint16))));
typedef gint64 V4i64u __attribute__ ((vector_size (4 * sizeof (gint64)), aligned (sizeof (gint16))));

/* Lane-wise (mask ? a : b). */
#define V4_SELECT(mask, a, b) ((V4) (((V4i) (a) & (mask)) | ((V4i) (b) & ~(mask))))

/* At most this many buckets: their counts stay in the first-level cache,
 * and a bucket's number fits 16 bits. */
#define MAX_BUCKETS 4096

struct _PmdOrderScratch
{
  guint    n;
  gint16  *bucket;      /* per value: its bucket */
  double  *candidates;  /* the values of the buckets that hold a rank */
  guint64 *keys;        /* the sort's keys, and its spare */
  guint64 *spare;
  guint    count[MAX_BUCKETS];
  guint    fill[MAX_BUCKETS];  /* a marked bucket: where its next value goes */
  guint8   marked[MAX_BUCKETS];
};

PmdOrderScratch *
_pmd_order_scratch_new (guint n)
{
  PmdOrderScratch *self = g_new0 (PmdOrderScratch, 1);

  self->n = n;
  self->bucket = g_new (gint16, MAX (16, n + 16));
  self->candidates = g_new (double, MAX (1, n));
  return self;
}

void
_pmd_order_scratch_free (PmdOrderScratch *self)
{
  if (self == NULL)
    return;
  g_free (self->bucket);
  g_free (self->candidates);
  g_free (self->keys);
  g_free (self->spare);
  g_free (self);
}

/* Doubles as unsigned keys that sort in the same order: flip the sign bit
 * of positives, every bit of negatives. */
static inline guint64
sort_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (bits >> 63) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline double
from_key (guint64 key)
{
  guint64 bits = (key >> 63) ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

/**
 * _pmd_order_sort:
 *
 * Sorts @values ascending: an LSD radix sort, eight passes of a byte, each
 * skipped when every key has the same byte there (qsort took a third of a
 * Monte Carlo).
 */
void
_pmd_order_sort (double          *values,
                 guint            n,
                 PmdOrderScratch *scratch)
{
  guint64 *keys, *spare;

  g_assert (n <= scratch->n);
  if (n < 2)
    return;
  if (scratch->keys == NULL)
    {
      scratch->keys = g_new (guint64, scratch->n);
      scratch->spare = g_new (guint64, scratch->n);
    }
  keys = scratch->keys;
  spare = scratch->spare;
  for (guint i = 0; i < n; i++)
    keys[i] = sort_key (values[i]);
  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0 };
      guint64 *tmp;

      for (guint i = 0; i < n; i++)
        count[((keys[i] >> shift) & 0xff) + 1]++;
      if (count[((keys[0] >> shift) & 0xff) + 1] == n)
        continue;   /* every key has this byte: nothing to move */
      for (guint b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (guint i = 0; i < n; i++)
        spare[count[(keys[i] >> shift) & 0xff]++] = keys[i];
      tmp = keys;
      keys = spare;
      spare = tmp;
    }
  for (guint i = 0; i < n; i++)
    values[i] = from_key (keys[i]);
}

/**
 * _pmd_order_select_in_place:
 *
 * Quickselect (Hoare's partition, median-of-three pivot): afterwards
 * @values[@rank] is the @rank-th smallest (from 0), with nothing larger
 * before it and nothing smaller after it.
 */
void
_pmd_order_select_in_place (double *v,
                            guint   n,
                            guint   rank)
{
  gssize left = 0, right = n, k = rank;

  g_assert (rank < n);
  while (right - left > 16)
    {
      gssize mid = left + (right - left) / 2, i = left - 1, j = right;
      double a = v[left], b = v[mid], c = v[right - 1];
      double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));

      for (;;)
        {
          double tmp;

          do
            i++;
          while (v[i] < pivot);
          do
            j--;
          while (v[j] > pivot);
          if (i >= j)
            break;
          tmp = v[i], v[i] = v[j], v[j] = tmp;
        }
      if (k <= j)
        right = j + 1;
      else
        left = j + 1;
    }
  for (gssize i = left + 1; i < right; i++)
    {
      double x = v[i];
      gssize j = i;

      for (; j > left && v[j - 1] > x; j--)
        v[j] = v[j - 1];
      v[j] = x;
    }
}

/* Least and greatest of @v (n ≥ 1, no NaN), and how many are > 0. */
G_ALWAYS_INLINE static inline void
scan (const double *v,
      guint         n,
      double       *least,
      double       *greatest,
      guint        *positive)
{
  V4 lo[2], hi[2];
  V4i pos[2] = { { 0 }, { 0 } };
  double first = v[0];
  guint i = 0;

  for (int k = 0; k < 2; k++)
    lo[k] = hi[k] = (V4) { first, first, first, first };
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 2; k++)
      {
        V4 x;

        memcpy (&x, v + i + 4 * k, sizeof x);
        lo[k] = V4_SELECT (x < lo[k], x, lo[k]);
        hi[k] = V4_SELECT (x > hi[k], x, hi[k]);
        pos[k] -= x > 0;   /* true is −1 */
      }
  *least = *greatest = first;
  *positive = 0;
  for (int k = 0; k < 2; k++)
    for (int j = 0; j < 4; j++)
      {
        *least = MIN (*least, lo[k][j]);
        *greatest = MAX (*greatest, hi[k][j]);
        *positive += pos[k][j];
      }
  for (; i < n; i++)
    {
      *least = MIN (*least, v[i]);
      *greatest = MAX (*greatest, v[i]);
      *positive += v[i] > 0;
    }
}

/* Without buckets (all values in a range too narrow or too wide to map):
 * selection on a copy. */
static void
select_on_copy (const double    *v,
                guint            n,
                const guint     *ranks,
                guint            n_ranks,
                double          *found,
                PmdOrderScratch *scratch)
{
  memcpy (scratch->candidates, v, sizeof (double) * n);
  for (guint j = 0; j < n_ranks; j++)
    {
      _pmd_order_select_in_place (scratch->candidates, n, ranks[j]);
      found[j] = scratch->candidates[ranks[j]];
    }
}

/**
 * _pmd_order_select:
 * @values: (array length=n): the values, none NaN; not changed
 * @ranks: (array length=n_ranks): ascending ranks from 0, each < @n
 * @found: (out caller-allocates) (array length=n_ranks): the value of each rank
 * @scratch: for at least @n values
 *
 * Finds order statistics in linear time, leaving @values as they are.
 *
 * Returns: how many of @values are > 0
 */
PMD_SIMD_CLONES guint
_pmd_order_select (const double    *v,
                   guint            n,
                   const guint     *ranks,
                   guint            n_ranks,
                   double          *found,
                   PmdOrderScratch *scratch)
{
  guint *count = scratch->count;
  guint n_buckets = CLAMP (n / 8, 16, MAX_BUCKETS);
  guint region_bucket[2 * 64], rank_first[64];   /* per rank: its bucket's first rank */
  guint rank_region[64];
  guint n_regions = 0, filled = 0;
  double least, greatest, scale;
  gint16 span_from[64], span_to[64];   /* the marked buckets: spans [from, to) */
  guint n_spans = 0;
  guint positive;

  g_assert (n <= scratch->n && n_ranks <= 64);
  if (n == 0 || n_ranks == 0)
    return 0;
  scan (v, n, &least, &greatest, &positive);
  if (!(greatest > least))
    {
      for (guint j = 0; j < n_ranks; j++)
        found[j] = least;
      return positive;
    }
  scale = n_buckets / (greatest - least);
  if (!isfinite (greatest - least) || !isfinite (scale))
    {
      select_on_copy (v, n, ranks, n_ranks, found, scratch);
      return positive;
    }

  /* (v − least) × scale grows with v (rounding keeps the order), and stays
   * below n_buckets but for rounding at the greatest, which may make it
   * n_buckets: that one goes to the bucket below. Each value's bucket is
   * kept (16 bits) for the pass that picks the values out. */
  memset (count, 0, sizeof (guint) * n_buckets);
  {
    gint16 *bucket = scratch->bucket;
    V4 low = { least, least, least, least };
    V4i32 top = { n_buckets - 1, n_buckets - 1, n_buckets - 1, n_buckets - 1 };
    guint i = 0;

    for (; i + 4 <= n; i += 4)
      {
        V4 x;
        V4i32 b;
        V4i16 b16;

        memcpy (&x, v + i, sizeof x);
        b = __builtin_convertvector ((x - low) * scale, V4i32);
        b = (b & (b < top)) | (top & ~(b < top));
        b16 = __builtin_convertvector (b, V4i16);
        memcpy (bucket + i, &b16, sizeof b16);
      }
    for (; i < n; i++)
      bucket[i] = (gint16) MIN ((int) ((v[i] - least) * scale), (int) n_buckets - 1);
    for (i = 0; i < n; i++)
      count[bucket[i]]++;
  }

  /* Which bucket holds each rank, and where its values go. */
  {
    guint before = 0, j = 0;

    for (guint b = 0; b < n_buckets && j < n_ranks; b++)
      {
        gboolean holds = FALSE;

        for (; j < n_ranks && ranks[j] < before + count[b]; j++)
          {
            rank_first[j] = before;
            rank_region[j] = n_regions;
            holds = TRUE;
          }
        if (holds)
          {
            scratch->marked[b] = TRUE;
            scratch->fill[b] = filled;
            /* Adjacent marked buckets make one span of the map. */
            if (n_spans > 0 && span_to[n_spans - 1] == (gint16) b)
              span_to[n_spans - 1] = b + 1;
            else
              {
                span_from[n_spans] = b;
                span_to[n_spans++] = b + 1;
              }
            region_bucket[2 * n_regions] = b;
            region_bucket[2 * n_regions + 1] = filled;
            n_regions++;
            filled += count[b];
          }
        before += count[b];
      }
    g_assert (j == n_ranks);
  }
  /* The values of the marked buckets, sixteen buckets at a time while
   * none of them lies in a marked span. */
  for (guint k = n_spans; k < 4; k++)
    span_from[k] = span_to[k] = 0;   /* empty */
  {
    const gint16 *bucket = scratch->bucket;
    guint i = 0;

    for (;; i += 16)
      {
        for (; i + 16 <= n; i += 16)
          {
            V16i16 b, in;
            V4i64u any;

            memcpy (&b, bucket + i, sizeof b);
            /* Most often three spans (P10, P50, P90): four tests, unrolled. */
            in = ((b >= span_from[0]) & (b < span_to[0])) | ((b >= span_from[1]) & (b < span_to[1])) |
                 ((b >= span_from[2]) & (b < span_to[2])) | ((b >= span_from[3]) & (b < span_to[3]));
            for (guint k = 4; k < n_spans; k++)
              in |= (b >= span_from[k]) & (b < span_to[k]);
            memcpy (&any, &in, sizeof any);
            if (any[0] | any[1] | any[2] | any[3])
              break;
          }
        for (guint j = i; j < MIN (i + 16, n); j++)
          if (scratch->marked[bucket[j]])
            scratch->candidates[scratch->fill[bucket[j]]++] = v[j];
        if (i + 16 > n)
          break;
      }
  }

  for (guint j = 0; j < n_ranks; j++)
    {
      guint r = rank_region[j];
      guint b = region_bucket[2 * r];
      double *region = scratch->candidates + region_bucket[2 * r + 1];

      _pmd_order_select_in_place (region, count[b], ranks[j] - rank_first[j]);
      found[j] = region[ranks[j] - rank_first[j]];
    }
  for (guint r = 0; r < n_regions; r++)
    scratch->marked[region_bucket[2 * r]] = FALSE;
  return positive;
}
