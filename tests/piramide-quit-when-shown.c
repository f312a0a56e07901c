/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "pmd-window-test-hooks.h"

/*
 * The program as built, from its own main() (app/main.c), that quits once
 * its window has painted its first frame, after saying what it shows:
 *
 *   shown: <window title> | <page title>
 *
 * for the start-up test (tests/test-run.sh). It is linked with
 * -Wl,--wrap=g_application_run, so that main()'s call comes here first;
 * the program itself has no such hook.
 */

int __real_g_application_run (GApplication *application,
                              int           argc,
                              char        **argv);
int __wrap_g_application_run (GApplication *application,
                              int           argc,
                              char        **argv);

static void
after_paint_cb (GdkFrameClock *clock,
                PmdWindow     *window)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("shown: %s | %s\n", gtk_window_get_title (GTK_WINDOW (window)), _pmd_window_get_page_title (window));
  fflush (stdout);
  g_application_quit (application);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), window);
}

/* The first window the application gets: the one the user sees. */
static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  if (!PMD_IS_WINDOW (window))
    return;
  g_signal_handlers_disconnect_by_func (application, window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

int
__wrap_g_application_run (GApplication *application,
                          int           argc,
                          char        **argv)
{
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);
  return __real_g_application_run (application, argc, argv);
}
