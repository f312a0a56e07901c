/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PMD_TYPE_SAVE_CHANGES_DIALOG (pmd_save_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdSaveChangesDialog, pmd_save_changes_dialog, PMD, SAVE_CHANGES_DIALOG, AdwMessageDialog)

GtkWindow *pmd_save_changes_dialog_new (GtkWindow  *parent,
                                        const char *scenario_name);

G_END_DECLS
