/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_EXPORT_DIALOG (pmd_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdExportDialog, pmd_export_dialog, PMD, EXPORT_DIALOG, AdwWindow)

GtkWindow *pmd_export_dialog_new    (GtkWindow        *parent,
                                     PmdDocument      *document,
                                     int               year);
gboolean   pmd_export_dialog_export (PmdExportDialog  *self,
                                     const char       *path,
                                     GError          **error);

G_END_DECLS
