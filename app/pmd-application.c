/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-application.h"
#include "pmd-window.h"
#include "pmd-window-private.h"
#include "pmd-paths.h"

struct _PmdApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PmdApplication, pmd_application, ADW_TYPE_APPLICATION)

static PmdWindow *
get_window (PmdApplication *self,
            gboolean       *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (pmd_window_new (GTK_APPLICATION (self)));
  return PMD_WINDOW (window);
}

/* For the start-up test (tests/test-run.sh): once the window has painted its
 * first frame, say what it shows and quit, as a user would see it. */
static void
after_paint_cb (GdkFrameClock  *clock,
                GApplication   *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_print ("shown: %s | %s\n", gtk_window_get_title (window), _pmd_window_get_page_title (PMD_WINDOW (window)));
  g_application_quit (app);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
quit_when_shown (GApplication *app,
                 PmdWindow    *window)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
}

static void
pmd_application_activate (GApplication *app)
{
  gboolean created;
  PmdWindow *window = get_window (PMD_APPLICATION (app), &created);

  if (created)
    {
      /* The scenario opened last, else the bundled Westland example. */
      g_autoptr(GSettings) settings = pmd_settings_new (NULL);
      g_autofree char *last = settings ? g_settings_get_string (settings, "last-file") : g_strdup ("");

      if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (last);
          g_autoptr(GError) error = NULL;
          if (!pmd_window_load_file (window, file, &error))
            g_debug ("Could not reopen %s: %s", last, error->message);
        }
    }
  gtk_window_present (GTK_WINDOW (window));
  if (created)
    pmd_window_check_recovery (window);
  if (created && g_getenv ("PIRAMIDE_QUIT_WHEN_SHOWN") != NULL)
    quit_when_shown (app, window);
}

static void
pmd_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  gboolean created;
  PmdWindow *window = get_window (PMD_APPLICATION (app), &created);

  gtk_window_present (GTK_WINDOW (window));
  if (n_files > 0)
    pmd_window_open_file (window, files[0]);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* A copy: a window without changes is destroyed as it closes, and takes
   * its link out of the application's list. */
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  g_list_foreach (windows, (GFunc) (void (*) (void)) g_object_ref, NULL);

  /* Closing asks about unsaved changes; the application ends with its
   * last window. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Piramide developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Piramide",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan the money of a municipality's social domain as a care pyramid"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
pmd_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (pmd_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
pmd_application_class_init (PmdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = pmd_application_activate;
  app_class->open = pmd_application_open;
  app_class->startup = pmd_application_startup;
}

static void
pmd_application_init (PmdApplication *self)
{
}

/**
 * pmd_application_check_environment:
 * @error: what stops the window from starting
 *
 * Checks, before the window is built, what it cannot do without: a display
 * and its settings schema, so that the user reads why instead of a crash.
 *
 * Returns: whether the window can start
 */
gboolean
pmd_application_check_environment (GError **error)
{
  g_autoptr(GSettings) settings = NULL;

  if (!gtk_init_check ())
    {
      const char *display = g_getenv ("WAYLAND_DISPLAY");

      if (display == NULL || *display == '\0')
        display = g_getenv ("DISPLAY");
      if (display == NULL || *display == '\0')
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                     _("there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                       "not set); the commands in “piramide --help” work without one"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                     _("cannot open the display “%s”; the commands in “piramide --help” work "
                       "without one"), display);
      return FALSE;
    }
  settings = pmd_settings_new (error);
  return settings != NULL;
}

PmdApplication *
pmd_application_new (void)
{
  return g_object_new (PMD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/nl/piramide/Piramide",
                       NULL);
}
