/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-application.h"
#include "pmd-cli.h"

/* GTK 4.8 loads OpenGL when it opens the display, to choose a visual, even
 * when the cairo renderer will draw every frame: 60 MB of memory and a
 * slower start for nothing. With the cairo renderer asked for, GL is not
 * loaded, unless GDK_DEBUG already says something about it. */
static void
skip_gl_for_cairo (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0 || (debug != NULL && strstr (debug, "gl") != NULL))
    return;
  flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PmdApplication) app = NULL;

  pmd_cli_init_locale ();
  pmd_cli_set_drawing (&pmd_cli_drawing);

  /* project, chart, report, validate: no display needed. */
  if (pmd_cli_is_command (argc, argv))
    return pmd_cli_run (argc, argv);

  skip_gl_for_cairo ();
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
