/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-library.h"

G_BEGIN_DECLS

#define PMD_TYPE_LIBRARY_WINDOW (pmd_library_window_get_type ())
G_DECLARE_FINAL_TYPE (PmdLibraryWindow, pmd_library_window, PMD, LIBRARY_WINDOW, AdwWindow)

GtkWindow   *pmd_library_window_new          (GtkWindow        *parent,
                                              PmdLibrary       *library,
                                              PmdDocument      *document);
PmdDocument *pmd_library_window_get_document (PmdLibraryWindow *self);
void         pmd_library_window_set_document (PmdLibraryWindow *self,
                                              PmdDocument      *document);
void         pmd_library_window_reload       (PmdLibraryWindow *self);
gboolean     pmd_library_window_select       (PmdLibraryWindow *self,
                                              const char       *name);
const char  *pmd_library_window_get_selected (PmdLibraryWindow *self);

G_END_DECLS
