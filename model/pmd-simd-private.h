/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The Monte Carlo's hot loops (pmd-lanes.c, pmd-order.c) are loops over
 * eight runs or over a year's runs, which -O3 makes vector instructions
 * of as wide as the processor allows: PMD_SIMD_CLONES builds a function
 * for AVX-512, for AVX2 and for the x86-64 baseline (SSE2), and the loader
 * picks one on the processor it runs on (GCC's function multiversioning).
 * Whatever is inlined into such a function is built the same three ways,
 * so its helpers are G_ALWAYS_INLINE.
 *
 * The clones compute the same numbers to the bit: these files are built
 * with -ffp-contract=off, so no clone fuses a multiply and an add that the
 * others round twice.
 */

#include <glib.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__ELF__)
#define PMD_SIMD_CLONES __attribute__ ((target_clones ("avx512f", "avx2", "default")))
#else
#define PMD_SIMD_CLONES
#endif
