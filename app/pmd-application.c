/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-application.h"
#include "pmd-window.h"
#include "pmd-paths.h"
#include "pmd-session.h"

struct _PmdApplication
{
  AdwApplication parent_instance;

  GPtrArray *sessions;   /* PmdSession, one a window */
};

G_DEFINE_FINAL_TYPE (PmdApplication, pmd_application, ADW_TYPE_APPLICATION)

static PmdWindow *
get_window (PmdApplication *self,
            gboolean       *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (pmd_application_new_window (self));
  return PMD_WINDOW (window);
}

static void
pmd_application_activate (GApplication *app)
{
  gboolean created;
  PmdWindow *window = get_window (PMD_APPLICATION (app), &created);

  if (created)
    {
      /* The scenario opened last, else the bundled Westland example. */
      g_autoptr(GError) error = NULL;

      if (!pmd_session_load_last_file (pmd_window_get_session (window), &error))
        g_debug ("Could not reopen the last file: %s", error->message);
    }
  gtk_window_present (GTK_WINDOW (window));
  if (created)
    pmd_window_check_recovery (window);
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

/* A window's session goes with it. */
static void
pmd_application_window_removed (GtkApplication *app,
                                GtkWindow      *window)
{
  PmdApplication *self = PMD_APPLICATION (app);

  if (PMD_IS_WINDOW (window))
    g_ptr_array_remove (self->sessions, pmd_window_get_session (PMD_WINDOW (window)));
  GTK_APPLICATION_CLASS (pmd_application_parent_class)->window_removed (app, window);
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
  const char *developers[] = { _("Piramide developers"), NULL };

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
pmd_application_dispose (GObject *object)
{
  PmdApplication *self = PMD_APPLICATION (object);

  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (pmd_application_parent_class)->dispose (object);
}

static void
pmd_application_class_init (PmdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = pmd_application_dispose;
  app_class->activate = pmd_application_activate;
  app_class->open = pmd_application_open;
  app_class->startup = pmd_application_startup;
  gtk_app_class->window_removed = pmd_application_window_removed;
}

static void
pmd_application_init (PmdApplication *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
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

/**
 * pmd_application_new_window:
 *
 * A new window on a session of its own (on the bundled Westland example),
 * not yet shown. The application keeps the session while the window lasts.
 *
 * Returns: (transfer none): the window
 */
PmdWindow *
pmd_application_new_window (PmdApplication *self)
{
  g_autoptr(PmdSession) session = NULL;

  g_return_val_if_fail (PMD_IS_APPLICATION (self), NULL);

  session = pmd_session_new ();
  g_ptr_array_add (self->sessions, g_object_ref (session));
  return pmd_window_new (GTK_APPLICATION (self), session);
}
