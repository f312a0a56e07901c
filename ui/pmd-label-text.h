/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pmd_label_text_keep_amounts (const char *text);
char *pmd_label_text_euro         (double      value);

G_END_DECLS
