/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _PmdRefresh PmdRefresh;
typedef void (*PmdRefreshFunc) (gpointer page);

PmdRefresh *pmd_refresh_new   (GtkWidget      *page,
                               PmdRefreshFunc  func);
void        pmd_refresh_queue (PmdRefresh     *self);
void        pmd_refresh_free  (PmdRefresh     *self);

G_END_DECLS
