/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-cli.h"

int
main (int    argc,
      char **argv)
{
  pmd_cli_init_locale ();

  if (pmd_cli_is_command (argc, argv))
    return pmd_cli_run (argc, argv);

  /* Until the window exists, "piramide" shows the bundled scenario's
   * projection as a table. */
  {
    char *table_argv[] = { argv[0], "project", "--default", "--format", "table", NULL };
    if (argc > 1)
      return pmd_cli_run (argc, argv);
    return pmd_cli_run (G_N_ELEMENTS (table_argv) - 1, table_argv);
  }
}
