/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The Monte Carlo's random numbers: SplitMix64 (Steele, Lea & Flood, "Fast
 * splittable pseudorandom number generators", 2014). Each run draws from a
 * stream that is a function of the seed and the run's index alone, so the
 * same seed gives the same runs however they are shared between threads,
 * and a run needs no draws made for the runs before it.
 *
 * The steps are macros so that a run made alone (pmd-uncertainty.c) and
 * runs made in lanes (pmd-lanes.c, on GCC's vectors of 64-bit integers)
 * compute them with the same code.
 */

#define PMD_GOLDEN_GAMMA G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* SplitMix64's output function, of a guint64 or of a vector of them. */
#define PMD_MIX64(z) \
  ({ \
    __typeof__ (z) z_ = (z); \
    z_ = (z_ ^ (z_ >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9); \
    z_ = (z_ ^ (z_ >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb); \
    z_ ^ (z_ >> 31); \
  })

/* The state a run's stream starts from: @seed and @run (of the same type
 * as @run, a guint64 or a vector of them). */
#define PMD_RUN_STREAM_START(seed, run) PMD_MIX64 ((((guint64) (seed) << 32) | (run)) + PMD_GOLDEN_GAMMA)

static inline guint64
_pmd_run_stream_start (guint32 seed,
                       guint   run)
{
  return PMD_RUN_STREAM_START (seed, (guint64) run);
}

/* The next draw of the stream, uniform in [0, 1) with 53 bits. */
static inline double
_pmd_run_stream_double (guint64 *state)
{
  *state += PMD_GOLDEN_GAMMA;
  return (double) (PMD_MIX64 (*state) >> 11) * (1.0 / 9007199254740992.0);
}

G_END_DECLS
