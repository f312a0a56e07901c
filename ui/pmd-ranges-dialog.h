/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_RANGES_DIALOG (pmd_ranges_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdRangesDialog, pmd_ranges_dialog, PMD, RANGES_DIALOG, AdwWindow)

GtkWindow *pmd_ranges_dialog_new (GtkWindow       *parent,
                                  PmdDocument     *document);
gboolean   pmd_ranges_dialog_add (PmdRangesDialog *self,
                                  const char      *path,
                                  GError         **error);

G_END_DECLS
