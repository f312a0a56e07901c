/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-document.h"

G_BEGIN_DECLS

typedef struct _PmdRefresh PmdRefresh;

/**
 * PmdRefreshFunc:
 * @page: the page
 * @flags: everything the changes since the last refresh touched, within
 *   what the page watches
 */
typedef void (*PmdRefreshFunc) (gpointer       page,
                                PmdChangeFlags flags);

PmdRefresh *pmd_refresh_new   (GtkWidget      *page,
                               PmdDocument    *document,
                               PmdChangeFlags  watch,
                               PmdRefreshFunc  func);
void        pmd_refresh_queue (PmdRefresh     *self,
                               PmdChangeFlags  flags);
void        pmd_refresh_flush (PmdRefresh     *self);
void        pmd_refresh_free  (PmdRefresh     *self);
void        pmd_refresh_watch (PmdRefresh    **refresh,
                               GtkWidget      *page,
                               PmdDocument    *document,
                               PmdChangeFlags  watch,
                               PmdRefreshFunc  func,
                               PmdChangeFlags  first);

G_END_DECLS
