/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"
#include "pmd-session.h"

G_BEGIN_DECLS

#define PMD_TYPE_WINDOW (pmd_window_get_type ())
G_DECLARE_FINAL_TYPE (PmdWindow, pmd_window, PMD, WINDOW, AdwApplicationWindow)

PmdWindow   *pmd_window_new            (GtkApplication *application,
                                        PmdSession     *session);
PmdSession  *pmd_window_get_session    (PmdWindow      *self);
PmdDocument *pmd_window_get_document   (PmdWindow      *self);
void         pmd_window_add_toast      (PmdWindow      *self,
                                        const char     *message);
void         pmd_window_open_file      (PmdWindow      *self,
                                        GFile          *file);
void         pmd_window_open_library_version (PmdWindow  *self,
                                              const char *ref);
void         pmd_window_check_recovery (PmdWindow      *self);
PmdSession  *pmd_window_find_session   (GtkWidget      *widget);

G_END_DECLS
