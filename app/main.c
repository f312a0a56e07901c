/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-application.h"
#include "pmd-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PmdApplication) app = NULL;

  pmd_cli_init_locale ();

  /* project, chart, report, validate: no display needed. */
  if (pmd_cli_is_command (argc, argv))
    return pmd_cli_run (argc, argv);

  {
    g_autoptr(GError) error = NULL;

    if (!pmd_application_check_environment (&error))
      {
        g_printerr ("piramide: %s\n", error->message);
        return 1;
      }
  }
  app = pmd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
