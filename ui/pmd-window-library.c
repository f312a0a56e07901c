/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-window-private.h"
#include "pmd-library-save-dialog.h"
#include "pmd-library-window.h"
#include "pmd-session.h"

/*
 * The window and the scenario library (issue 12): Save in Library…, the
 * library's own window, and the Realisatie page. The library is the
 * session's, opened the first time one of these needs it; when it cannot
 * be opened (damaged, another program's, made by a newer Piramide) the
 * window says so in a toast and goes on working with files.
 */

/* Returns: (transfer none) (nullable): the library, or NULL after saying why */
static PmdLibrary *
ensure_library (PmdWindow *self)
{
  g_autoptr(GError) error = NULL;
  PmdLibrary *library = pmd_session_get_library (self->session, &error);

  if (library == NULL)
    {
      /* Translators: why the library could not be opened */
      g_autofree char *message = g_strdup_printf (_("The library is not available: %s"), error->message);
      pmd_window_add_toast (self, message);
    }
  return library;
}

static void
library_changed (PmdWindow *self)
{
  pmd_actuals_page_reload (self->actuals_page);
  if (self->library_window != NULL)
    pmd_library_window_reload (PMD_LIBRARY_WINDOW (self->library_window));
}

static void
saved_cb (PmdLibrarySaveDialog *dialog,
          const char           *name,
          int                   version,
          PmdWindow            *self)
{
  g_autofree char *ref = g_strdup_printf ("%s@%d", name, version);

  pmd_window_add_toast (self, ref);
  library_changed (self);
}

void
_pmd_window_save_to_library (PmdWindow *self)
{
  PmdLibrary *library = ensure_library (self);
  g_auto(PmdLibraryRef) ref = { 0 };
  const char *shown = pmd_session_get_library_ref (self->session);
  GtkWindow *dialog;

  if (library == NULL)
    return;
  /* A version opened from the library is saved under its own name. */
  if (shown != NULL)
    pmd_library_ref_parse (shown, &ref, NULL);
  dialog = pmd_library_save_dialog_new (GTK_WINDOW (self), self->document, library, ref.name);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (dialog);
}

static void
open_version_cb (PmdLibraryWindow *library_window,
                 const char       *ref,
                 PmdWindow        *self)
{
  pmd_window_open_library_version (self, ref);
}

void
_pmd_window_show_library (PmdWindow *self)
{
  PmdLibrary *library;

  if (self->library_window != NULL)
    {
      pmd_library_window_reload (PMD_LIBRARY_WINDOW (self->library_window));
      gtk_window_present (self->library_window);
      return;
    }
  library = ensure_library (self);
  if (library == NULL)
    return;
  self->library_window = pmd_library_window_new (GTK_WINDOW (self), library, self->document);
  g_object_add_weak_pointer (G_OBJECT (self->library_window), (gpointer *) &self->library_window);
  gtk_window_set_destroy_with_parent (self->library_window, TRUE);
  g_signal_connect_object (self->library_window, "open-version", G_CALLBACK (open_version_cb), self, 0);
  gtk_window_present (self->library_window);
}

/* The Realisatie page reads the library only when it is first shown. */
static void
visible_page_cb (PmdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "actuals") == 0 && pmd_actuals_page_get_library (self->actuals_page) == NULL)
    pmd_actuals_page_set_library (self->actuals_page, ensure_library (self));
}

void
_pmd_window_init_library (PmdWindow *self)
{
  AdwViewStackPage *page;

  self->actuals_page = pmd_actuals_page_new (self->document);
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->actuals_page), "actuals", _("Actuals"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (visible_page_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::library-ref", G_CALLBACK (_pmd_window_update_all), self,
                           G_CONNECT_SWAPPED);
}

void
_pmd_window_dispose_library (PmdWindow *self)
{
  if (self->library_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->library_window), (gpointer *) &self->library_window);
      gtk_window_destroy (self->library_window);
      self->library_window = NULL;
    }
}
