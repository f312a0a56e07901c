/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_WINDOW (pmd_window_get_type ())
G_DECLARE_FINAL_TYPE (PmdWindow, pmd_window, PMD, WINDOW, AdwApplicationWindow)

PmdWindow   *pmd_window_new           (GtkApplication *application);
PmdDocument *pmd_window_get_document  (PmdWindow      *self);
void         pmd_window_add_toast     (PmdWindow      *self,
                                       const char     *message);
GFile       *pmd_window_get_file      (PmdWindow      *self);
void         pmd_window_open_file     (PmdWindow      *self,
                                       GFile          *file);
gboolean     pmd_window_load_file     (PmdWindow      *self,
                                       GFile          *file,
                                       GError        **error);
gboolean     pmd_window_save_to       (PmdWindow      *self,
                                       GFile          *file,
                                       GError        **error);
void         pmd_window_load_bundled  (PmdWindow      *self,
                                       const char     *name);
void         pmd_window_check_recovery (PmdWindow     *self);

G_END_DECLS
