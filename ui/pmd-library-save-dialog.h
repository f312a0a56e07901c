/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-library.h"

G_BEGIN_DECLS

#define PMD_TYPE_LIBRARY_SAVE_DIALOG (pmd_library_save_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdLibrarySaveDialog, pmd_library_save_dialog, PMD, LIBRARY_SAVE_DIALOG, AdwWindow)

GtkWindow   *pmd_library_save_dialog_new          (GtkWindow            *parent,
                                                   PmdDocument          *document,
                                                   PmdLibrary           *library,
                                                   const char           *name);
PmdDocument *pmd_library_save_dialog_get_document (PmdLibrarySaveDialog *self);
void         pmd_library_save_dialog_set_document (PmdLibrarySaveDialog *self,
                                                   PmdDocument          *document);
gboolean     pmd_library_save_dialog_save         (PmdLibrarySaveDialog *self);

G_END_DECLS
