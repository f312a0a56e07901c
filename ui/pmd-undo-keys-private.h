/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

/* Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in every window that edits a document. */
void _pmd_undo_keys_install   (GtkWidget   *toplevel,
                               PmdDocument *document);
void _pmd_undo_keys_show_text (GtkWidget   *field,
                               const char  *text);

G_END_DECLS
