/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PMD_TYPE_MESSAGE_BAR (pmd_message_bar_get_type ())
G_DECLARE_FINAL_TYPE (PmdMessageBar, pmd_message_bar, PMD, MESSAGE_BAR, AdwBin)

GtkWidget     *pmd_message_bar_new          (void);
void           pmd_message_bar_show         (PmdMessageBar *self,
                                             AdwToast      *toast);
void           pmd_message_bar_dismiss      (PmdMessageBar *self);
const char    *pmd_message_bar_get_message  (PmdMessageBar *self);
PmdMessageBar *pmd_message_bar_find         (GtkWidget     *widget);
gboolean       pmd_notify                   (GtkWidget     *widget,
                                             AdwToast      *toast);
gboolean       pmd_notify_text              (GtkWidget     *widget,
                                             const char    *message);

G_END_DECLS
