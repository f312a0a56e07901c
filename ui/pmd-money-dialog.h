/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_MONEY_DIALOG (pmd_money_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdMoneyDialog, pmd_money_dialog, PMD, MONEY_DIALOG, AdwWindow)

GtkWindow  *pmd_money_dialog_new (GtkWindow   *parent,
                                  PmdDocument *document);

G_END_DECLS
