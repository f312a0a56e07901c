/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-save-changes-dialog.h"

/*
 * "Save changes to …?", asked before unsaved work would be lost: on
 * closing, quitting, opening another file or starting a new scenario. Its
 * responses are "cancel", "discard" and "save"; the window decides what
 * each does.
 */

struct _PmdSaveChangesDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (PmdSaveChangesDialog, pmd_save_changes_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
pmd_save_changes_dialog_class_init (PmdSaveChangesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-save-changes-dialog.ui");
}

static void
pmd_save_changes_dialog_init (PmdSaveChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pmd_save_changes_dialog_new:
 * @parent: the window whose scenario has unsaved changes
 * @scenario_name: the scenario's name, as the user knows it
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWindow *
pmd_save_changes_dialog_new (GtkWindow  *parent,
                             const char *scenario_name)
{
  g_autofree char *heading = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  heading = g_strdup_printf (_("Save changes to “%s”?"), scenario_name);
  return g_object_new (PMD_TYPE_SAVE_CHANGES_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
}
