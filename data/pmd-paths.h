/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean   pmd_paths_in_build_tree (void);
const char *pmd_paths_get_localedir (void);
const char *pmd_paths_get_schemadir (void);
void        pmd_paths_bind_textdomain (void);
GSettings  *pmd_settings_new        (GError **error);

G_END_DECLS
