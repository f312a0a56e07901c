/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The headless command line (DESIGN.md §4). It never initialises GTK. */

#define PMD_CLI_ERROR (pmd_cli_error_quark ())

/**
 * PmdCliError:
 * @PMD_CLI_ERROR_USAGE: the command line is wrong (exit status 2)
 * @PMD_CLI_ERROR_FAILED: the command failed (exit status 1)
 */
typedef enum
{
  PMD_CLI_ERROR_USAGE,
  PMD_CLI_ERROR_FAILED,
} PmdCliError;

GQuark    pmd_cli_error_quark         (void);

void      pmd_cli_init_locale         (void);
gboolean  pmd_cli_is_command          (int    argc,
                                       char **argv);
int       pmd_cli_run                 (int    argc,
                                       char **argv);

G_END_DECLS
