/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dutch number formatting and parsing, independent of setlocale(): a decimal
 * comma, a dot between thousands, "€ 22,8 mln". Negative amounts use the
 * minus sign U+2212 in text for people and "-" in machine formats.
 */

char     *pmd_format_plain        (double value);
char     *pmd_format_number       (double value,
                                   int    decimals);
char     *pmd_format_euro         (double value);
char     *pmd_format_euro_compact (double value);
char     *pmd_format_euro_scaled  (double value,
                                   double unit,
                                   int    decimals);
double    pmd_format_euro_unit    (const double *values,
                                   gsize         n_values);
char     *pmd_format_euro_in      (double   value,
                                   double   unit,
                                   gboolean difference);
char     *pmd_format_percent      (double fraction,
                                   int    decimals);
char     *pmd_format_decimal_comma (double value,
                                    int    decimals);

char     *pmd_format_value        (double value);
char     *pmd_format_escape_text  (const char *text);

gboolean  pmd_parse_number        (const char *text,
                                   double     *value,
                                   GError    **error);
gboolean  pmd_parse_number_is_ambiguous (const char *text);

#define PMD_FORMAT_ERROR (pmd_format_error_quark ())
GQuark    pmd_format_error_quark  (void);

G_END_DECLS
