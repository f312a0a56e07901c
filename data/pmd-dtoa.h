/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any double's text and its NUL: "-2.2250738585072014e-308". */
#define PMD_DTOA_BUF_SIZE 32

int pmd_dtoa (double value,
              char  *buf);

G_END_DECLS
