/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_GOAL_SEEK_DIALOG (pmd_goal_seek_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdGoalSeekDialog, pmd_goal_seek_dialog, PMD, GOAL_SEEK_DIALOG, AdwWindow)

GtkWindow *pmd_goal_seek_dialog_new   (GtkWindow         *parent,
                                       PmdDocument       *document);
gboolean   pmd_goal_seek_dialog_find  (PmdGoalSeekDialog *self);
gboolean   pmd_goal_seek_dialog_apply (PmdGoalSeekDialog *self,
                                       GError           **error);
const char *pmd_goal_seek_dialog_get_widened (PmdGoalSeekDialog *self);

G_END_DECLS
