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

/* What draws a chart or a report: the charts layer (cairo and pango),
 * which `piramide-window` gives the command line and `piramide` does not
 * load (app/pmd-cli-drawing.c). */
typedef struct _PmdCliDrawing PmdCliDrawing;
extern const PmdCliDrawing pmd_cli_drawing;

void      pmd_cli_set_drawing         (const PmdCliDrawing *drawing);
gboolean  pmd_cli_needs_drawing       (int    argc,
                                       char **argv);

void      pmd_cli_init_locale         (void);
gboolean  pmd_cli_is_command          (int    argc,
                                       char **argv);
int       pmd_cli_run                 (int    argc,
                                       char **argv);

G_END_DECLS
