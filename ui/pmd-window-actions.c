/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-window-private.h"
#include "pmd-message-bar.h"
#include "pmd-export-dialog.h"
#include "pmd-goal-seek-dialog.h"
#include "pmd-money-dialog.h"
#include "pmd-ranges-dialog.h"
#include "pmd-file-writer.h"
#include "pmd-session.h"
#include "pmd-xlsx-writer.h"

/* The window's actions and their keys; what a file, meeting mode or the
 * report does is in the file of its own. */

static void
new_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  _pmd_window_new_scenario (PMD_WINDOW (widget), "blank");
}

static void
new_westland_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  _pmd_window_new_scenario (PMD_WINDOW (widget), "westland-2026");
}

static void
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  _pmd_window_open (PMD_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  pmd_window_open_file (PMD_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  _pmd_window_save (PMD_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  _pmd_window_save_as (PMD_WINDOW (widget));
}

static void
save_to_library_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  _pmd_window_save_to_library (PMD_WINDOW (widget));
}

static void
library_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  _pmd_window_show_library (PMD_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  pmd_document_undo (PMD_WINDOW (widget)->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  pmd_document_redo (PMD_WINDOW (widget)->document);
}

static void
meeting_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  _pmd_window_toggle_meeting (PMD_WINDOW (widget));
}

static void
leave_meeting_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  _pmd_window_leave_meeting (PMD_WINDOW (widget));
}

/* 1 shows the scenario as written, 2–9 its variants. */
static void
show_variant_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  guint n = g_variant_get_uint32 (param);
  const PmdScenario *sc = pmd_document_get_scenario (self->document);

  if (n >= 1 && n <= sc->variants->len + 1)
    gtk_drop_down_set_selected (self->variant_dropdown, n - 1);
}

static void
move_money_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  GtkWindow *dialog = pmd_money_dialog_new (GTK_WINDOW (self), self->document);

  gtk_window_present (dialog);
}

static void
ranges_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);

  gtk_window_present (pmd_ranges_dialog_new (GTK_WINDOW (self), self->document));
}

static void
goal_seek_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);

  gtk_window_present (pmd_goal_seek_dialog_new (GTK_WINDOW (self), self->document));
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  GtkWindow *dialog = pmd_export_dialog_new (GTK_WINDOW (self), self->document,
                                             gtk_spin_button_get_value_as_int (self->year_spin));

  gtk_window_present (dialog);
}

/* The workbook of `piramide export` (data/pmd-xlsx-writer.c) of what the
 * window shows; never written over the open scenario's file. */
static void
export_workbook_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             PmdWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      GFile *scenario_file = pmd_session_get_file (self->session);
      g_autofree char *scenario_path = scenario_file != NULL ? g_file_get_path (scenario_file) : NULL;
      g_autofree char *name = scenario_path != NULL ? g_path_get_basename (scenario_path) : NULL;
      PmdWorkbookInput input = { pmd_document_get_scenario (self->document), pmd_document_get_effective (self->document),
                                 pmd_document_get_projection (self->document), pmd_document_get_variant (self->document),
                                 name };
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL || (bytes = pmd_workbook_to_xlsx (&input, &error)) == NULL ||
          !pmd_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), scenario_path, &error))
        _pmd_window_error_dialog (self, _("Could not write the workbook"),
                                  error ? error->message : _("Only local files can be written"));
      else
        pmd_window_add_toast (self, _("Workbook written"));
    }
  g_object_unref (dialog);
}

static void
export_workbook_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autofree char *name = g_strdup_printf ("%s.xlsx", sc->name && *sc->name ? sc->name : _("scenario"));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export as Workbook"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                               _("_Cancel"));

  pmd_session_start_chooser (self->session, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_workbook_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
report_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  _pmd_window_write_report (PMD_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  _pmd_window_print (PMD_WINDOW (widget));
}

/* Variants: new (from what is shown), rename, delete */

typedef struct
{
  char *id;
  char *name;
  char *copy_from;   /* the variant whose overrides the new one starts with */
} VariantEdit;

static void
variant_edit_free (VariantEdit *edit)
{
  g_free (edit->id);
  g_free (edit->name);
  g_free (edit->copy_from);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VariantEdit, variant_edit_free)

static gboolean
add_variant_cb (PmdScenario *sc,
                gpointer     user_data,
                GError     **error)
{
  VariantEdit *edit = user_data;
  PmdVariant *v = pmd_variant_new (edit->id, edit->name);
  int from = edit->copy_from ? pmd_scenario_find_variant (sc, edit->copy_from) : -1;

  if (from >= 0)
    {
      PmdVariant *source = g_ptr_array_index (sc->variants, from);
      for (guint k = 0; k < source->overrides->len; k++)
        pmd_variant_add_override (v, g_array_index (source->overrides, PmdOverride, k).path,
                                  g_array_index (source->overrides, PmdOverride, k).value);
    }
  g_ptr_array_add (sc->variants, v);
  return TRUE;
}

static gboolean
delete_variant_cb (PmdScenario *sc,
                   gpointer     user_data,
                   GError     **error)
{
  g_ptr_array_remove_index (sc->variants, pmd_scenario_find_variant (sc, user_data));
  return TRUE;
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PmdWindow        *self)
{
  g_autoptr(VariantEdit) edit = g_object_steal_data (G_OBJECT (dialog), "pmd-edit");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pmd-entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok") || *name == '\0')
    return;
  g_free (edit->name);
  edit->name = g_steal_pointer (&name);
  if (edit->id == NULL)
    {
      edit->id = pmd_scenario_new_variant_id (pmd_document_get_scenario (self->document), edit->name);
      if (!pmd_document_edit (self->document, add_variant_cb, edit, &error) ||
          !pmd_document_set_variant (self->document, edit->id, &error))
        pmd_window_add_toast (self, error->message);
    }
  else if (!pmd_document_rename (self->document, "variants", edit->id, edit->name, &error))
    pmd_window_add_toast (self, error->message);
}

static void
ask_variant_name (PmdWindow   *self,
                  const char  *heading,
                  const char  *initial,
                  VariantEdit *edit)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", _("_OK"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pmd-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "pmd-edit", edit, (GDestroyNotify) variant_edit_free);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const PmdVariant *
shown_variant (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const char *id = pmd_document_get_variant (self->document);
  int idx = id ? pmd_scenario_find_variant (sc, id) : -1;

  return idx >= 0 ? g_ptr_array_index (sc->variants, idx) : NULL;
}

static void
variant_new_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdVariant *shown = shown_variant (self);
  VariantEdit *edit = g_new0 (VariantEdit, 1);
  g_autofree char *initial = shown ? g_strdup_printf (_("Copy of %s"), shown->name) : g_strdup (_("New variant"));

  edit->copy_from = shown ? g_strdup (shown->id) : NULL;
  ask_variant_name (self, _("New Variant"), initial, edit);
}

static void
variant_rename_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdVariant *shown = shown_variant (self);
  VariantEdit *edit;

  if (shown == NULL)
    return;
  edit = g_new0 (VariantEdit, 1);
  edit->id = g_strdup (shown->id);
  ask_variant_name (self, _("Rename Variant"), shown->name, edit);
}

static void
variant_delete_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdVariant *shown = shown_variant (self);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *done;

  if (shown == NULL)
    return;
  id = g_strdup (shown->id);
  /* Show the scenario as written first: the variant is about to go. */
  pmd_document_set_variant (self->document, NULL, NULL);
  if (!pmd_document_edit (self->document, delete_variant_cb, id, &error))
    {
      pmd_window_add_toast (self, error->message);
      return;
    }
  done = adw_toast_new (_("Variant deleted"));
  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_action_name (done, "win.undo");
  pmd_notify (GTK_WIDGET (self->toast_overlay), done);
}

void
_pmd_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-westland", NULL, new_westland_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.save-to-library", NULL, save_to_library_action);
  gtk_widget_class_install_action (widget_class, "win.library", NULL, library_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.meeting", NULL, meeting_action);
  gtk_widget_class_install_action (widget_class, "win.leave-meeting", NULL, leave_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-variant", "u", show_variant_action);
  gtk_widget_class_install_action (widget_class, "win.move-money", NULL, move_money_action);
  gtk_widget_class_install_action (widget_class, "win.export-charts", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.ranges", NULL, ranges_action);
  gtk_widget_class_install_action (widget_class, "win.goal-seek", NULL, goal_seek_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.variant-new", NULL, variant_new_action);
  gtk_widget_class_install_action (widget_class, "win.variant-rename", NULL, variant_rename_action);
  gtk_widget_class_install_action (widget_class, "win.variant-delete", NULL, variant_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-to-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.library", NULL);
  /* Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y: pmd-undo-keys.c, before any field. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.move-money", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.ranges", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.goal-seek", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-charts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.report", NULL);
  for (guint n = 1; n <= 9; n++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + n - 1, GDK_ALT_MASK, "win.show-variant", "u", n);
}
