/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The headless command line (DESIGN.md §4). It never initialises GTK. */

void      pmd_cli_init_locale         (void);
gboolean  pmd_cli_is_command          (int    argc,
                                       char **argv);
int       pmd_cli_run                 (int    argc,
                                       char **argv);

G_END_DECLS
