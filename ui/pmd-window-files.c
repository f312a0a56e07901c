/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-window-private.h"
#include "pmd-format.h"
#include "pmd-message-bar.h"
#include "pmd-save-changes-dialog.h"
#include "pmd-session.h"

/*
 * The window's files: new, open, open recent, save, save as; the question
 * whether to save changes before they would be lost (a new scenario,
 * another file, closing); the offer to restore work kept after a crash.
 * What is opened and saved, and where, is the session's.
 */

static void save_as (PmdWindow *self);

/* Open Recent lists the session's recent files. */
static void
recent_changed_cb (GListModel *recent,
                   guint       position,
                   guint       removed,
                   guint       added,
                   PmdWindow  *self)
{
  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (recent, i);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = path != NULL ? g_filename_display_basename (path) : g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
    }
}

static void
open_file_now (PmdWindow *self,
               GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (!pmd_session_load_file (self->session, file, &error))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = pmd_format_escape_text (basename);
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
      _pmd_window_error_dialog (self, heading, error->message);
    }
}

/* Runs the pending continuation (after "save changes?"), once. */
static void
run_pending (PmdWindow *self)
{
  ContinueFunc pending = self->pending;

  self->pending = NULL;
  if (pending != NULL)
    pending (self);
}

/* A save that went wrong is said, and what was to follow it does not
 * happen: the work is still unsaved. */
static void
save_to (PmdWindow *self,
         GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (!pmd_session_save_to (self->session, file, &error))
    {
      _pmd_window_error_dialog (self, _("Could not save the scenario"), error->message);
      self->pending = NULL;
      return;
    }
  pmd_window_add_toast (self, _("Saved"));
  run_pending (self);
}

static void
save_now (PmdWindow *self)
{
  GFile *file = pmd_session_get_file (self->session);

  if (file == NULL)
    save_as (self);
  else
    save_to (self, file);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     PmdWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      self->pending = NULL;
      g_object_unref (dialog);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  save_to (self, file);
}

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Piramide scenarios"));
  gtk_file_filter_add_pattern (filter, "*.piramide");
  return filter;
}

static void
save_as (PmdWindow *self)
{
  GtkFileChooserNative *chooser;
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autofree char *name = g_strdup_printf ("%s.piramide", sc->name && *sc->name ? sc->name : _("scenario"));
  g_autoptr(GtkFileFilter) filter = scenario_filter ();

  chooser = gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  pmd_session_start_chooser (self->session, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_changes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          PmdWindow        *self)
{
  if (g_str_equal (response, "save"))
    save_now (self);
  else if (g_str_equal (response, "discard"))
    {
      pmd_session_discard_recovery (self->session);
      run_pending (self);
    }
  else
    {
      self->pending = NULL;
      self->closing = FALSE;
    }
}

/* Runs @then now, or after the user saved or discarded the changes. */
static void
confirm_discard (PmdWindow   *self,
                 ContinueFunc then)
{
  GtkWindow *dialog;

  self->pending = then;
  if (!pmd_document_get_modified (self->document))
    {
      run_pending (self);
      return;
    }
  dialog = pmd_save_changes_dialog_new (GTK_WINDOW (self), pmd_document_get_scenario (self->document)->name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_changes_response_cb), self);
  gtk_window_present (dialog);
}

static void
new_blank_then (PmdWindow *self)
{
  pmd_session_discard_recovery (self->session);
  pmd_session_load_bundled (self->session, "blank");
}

static void
new_westland_then (PmdWindow *self)
{
  pmd_session_discard_recovery (self->session);
  pmd_session_load_bundled (self->session, "westland-2026");
}

static void
open_pending_then (PmdWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  if (file != NULL)
    open_file_now (self, file);
}

static void
open_ref_then (PmdWindow *self)
{
  g_autofree char *ref = g_steal_pointer (&self->pending_ref);
  g_autoptr(GError) error = NULL;

  if (ref == NULL)
    return;
  pmd_session_discard_recovery (self->session);
  if (!pmd_session_load_library_version (self->session, ref, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), ref);
      _pmd_window_error_dialog (self, heading, error->message);
      return;
    }
  /* Translators: a library version, e.g. westland-2026@2 */
  {
    g_autofree char *message = g_strdup_printf (_("Opened %s: it is not a file until you save it"), ref);
    pmd_window_add_toast (self, message);
  }
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  PmdWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      pmd_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_then (PmdWindow *self)
{
  self->closing = TRUE;
  pmd_session_discard_recovery (self->session);
  /* Once the question is gone: its dialog, answered, still points at the
   * window while it closes (destroyed here, the window left the dialog a
   * dangling parent). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

/* "Not now": the work offered stays, under a name of its own, so that the
 * autosave of what is done now does not overwrite it; the user is told
 * where, with a button that opens it. */
static void
keep_recovery (PmdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = pmd_session_set_aside_recovery (self->session, &error);
  g_autofree char *shown = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (kept == NULL)
    {
      _pmd_window_error_dialog (self, _("Could not keep the unsaved work"), error->message);
      return;
    }
  shown = g_filename_display_name (kept);
  uri = g_filename_to_uri (kept, NULL, NULL);
  /* Translators: a path, where the work not restored is kept */
  message = g_strdup_printf (_("The unsaved work is kept in %s"), shown);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-recent");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  pmd_notify (GTK_WIDGET (self->toast_overlay), toast);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PmdWindow        *self)
{
  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;

      if (!pmd_session_recover (self->session, &error))
        {
          _pmd_window_error_dialog (self, _("Could not restore the unsaved work"), error->message);
          return;
        }
      pmd_window_add_toast (self, _("Unsaved work restored"));
    }
  else if (g_str_equal (response, "discard"))
    pmd_session_discard_recovery (self->session);
  else
    keep_recovery (self);
}

/**
 * pmd_window_check_recovery:
 *
 * Offers to restore work that was not saved when Piramide last stopped.
 */
void
pmd_window_check_recovery (PmdWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (PMD_IS_WINDOW (self));

  if (!pmd_session_has_recovery (self->session))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Work?"),
                                   _("Piramide stopped while a scenario had unsaved changes. They were kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pmd_window_open_file:
 *
 * Opens @file after asking whether to save unsaved changes.
 */
void
pmd_window_open_file (PmdWindow *self,
                      GFile     *file)
{
  g_return_if_fail (PMD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->pending_file, file);
  confirm_discard (self, open_pending_then);
}

/**
 * pmd_window_open_library_version:
 * @ref: a version in the library, "NAME@N"
 *
 * Shows the version as unsaved work, after asking whether to save
 * unsaved changes.
 */
void
pmd_window_open_library_version (PmdWindow  *self,
                                 const char *ref)
{
  g_return_if_fail (PMD_IS_WINDOW (self));
  g_return_if_fail (ref != NULL);

  g_free (self->pending_ref);
  self->pending_ref = g_strdup (ref);
  confirm_discard (self, open_ref_then);
}

/* @bundled: "blank" or "westland-2026" */
void
_pmd_window_new_scenario (PmdWindow  *self,
                          const char *bundled)
{
  confirm_discard (self, g_str_equal (bundled, "blank") ? new_blank_then : new_westland_then);
}

void
_pmd_window_open (PmdWindow *self)
{
  g_autoptr(GtkFileFilter) filter = scenario_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  pmd_session_start_chooser (self->session, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pmd_window_save (PmdWindow *self)
{
  self->pending = NULL;
  save_now (self);
}

void
_pmd_window_save_as (PmdWindow *self)
{
  self->pending = NULL;
  save_as (self);
}

/* GtkWindow::close-request: unsaved work is asked about first. */
gboolean
_pmd_window_close_request (GtkWindow *window)
{
  PmdWindow *self = PMD_WINDOW (window);

  if (self->closing || !pmd_document_get_modified (self->document))
    {
      pmd_session_discard_recovery (self->session);
      return FALSE;
    }
  confirm_discard (self, close_then);
  return TRUE;
}

void
_pmd_window_init_files (PmdWindow *self)
{
  GListModel *recent = pmd_session_get_recent_files (self->session);

  g_signal_connect_object (recent, "items-changed", G_CALLBACK (recent_changed_cb), self, 0);
  recent_changed_cb (recent, 0, 0, 0, self);
}
