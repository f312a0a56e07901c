/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "pmd-cli.h"

/*
 * `piramide`: the command line, which never needs a display, and the way
 * into the window. It links GLib and the model and data layers but not
 * GTK: loading GTK, libadwaita and what they pull in was most of the
 * time of a headless command (`project` on a small file: 82%), nor cairo
 * and pango. When a window is wanted (no command, a file to open, GTK's own
 * options) or a drawing (`chart`, `report`) it becomes `piramide-window`,
 * the GTK program beside it, with the same arguments: the desktop file's
 * `Exec=piramide %f` and the README's run command open the window as
 * before. argv[0] stays, so the window program's name is still "piramide";
 * it finds its files from /proc/self/exe (data/pmd-paths.c).
 */

#define WINDOW_PROGRAM "piramide-window"

int
main (int    argc,
      char **argv)
{
  g_autofree char *exe = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *window = NULL;

  pmd_cli_init_locale ();
  /* Drawing is the window program's (app/pmd-cli-drawing.c). */
  if (pmd_cli_is_command (argc, argv) && !pmd_cli_needs_drawing (argc, argv))
    return pmd_cli_run (argc, argv);

  /* The window program (for the window, or a chart) is installed beside this one (bindir), and built
   * beside it in the build tree. */
  exe = g_file_read_link ("/proc/self/exe", NULL);
  dir = exe != NULL ? g_path_get_dirname (exe) : g_strdup (".");
  window = g_build_filename (dir, WINDOW_PROGRAM, NULL);
  execv (window, argv);
  g_printerr ("piramide: %s: %s\n", window, g_strerror (errno));
  return 1;
}
