/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-document.h"
#include "pmd-library.h"

G_BEGIN_DECLS

#define PMD_TYPE_SESSION (pmd_session_get_type ())
G_DECLARE_FINAL_TYPE (PmdSession, pmd_session, PMD, SESSION, GObject)

PmdSession  *pmd_session_new                   (void);
PmdDocument *pmd_session_get_document          (PmdSession  *self);
GFile       *pmd_session_get_file              (PmdSession  *self);
GListModel  *pmd_session_get_recent_files      (PmdSession  *self);
guint        pmd_session_get_autosave_interval (PmdSession  *self);
void         pmd_session_set_autosave_interval (PmdSession  *self,
                                                guint        seconds);
gboolean     pmd_session_load_file             (PmdSession  *self,
                                                GFile       *file,
                                                GError     **error);
gboolean     pmd_session_load_last_file        (PmdSession  *self,
                                                GError     **error);
void         pmd_session_load_bundled          (PmdSession  *self,
                                                const char  *name);
gboolean     pmd_session_save_to               (PmdSession  *self,
                                                GFile       *file,
                                                GError     **error);
gboolean     pmd_session_autosave              (PmdSession  *self,
                                                GError     **error);
gboolean     pmd_session_has_recovery          (PmdSession  *self);
gboolean     pmd_session_recover               (PmdSession  *self,
                                                GError     **error);
char        *pmd_session_set_aside_recovery    (PmdSession  *self,
                                                GError     **error);
void         pmd_session_discard_recovery      (PmdSession  *self);
PmdLibrary  *pmd_session_get_library           (PmdSession  *self,
                                                GError     **error);
gboolean     pmd_session_load_library_version  (PmdSession  *self,
                                                const char  *ref,
                                                GError     **error);
const char  *pmd_session_get_library_ref       (PmdSession  *self);
GFile       *pmd_session_dup_folder            (PmdSession  *self);
void         pmd_session_start_chooser         (PmdSession  *self,
                                                GtkFileChooser *chooser);

G_END_DECLS
