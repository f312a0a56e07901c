/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-document.h"

G_BEGIN_DECLS

#define PMD_TYPE_MONEY_DIALOG (pmd_money_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmdMoneyDialog, pmd_money_dialog, PMD, MONEY_DIALOG, AdwWindow)

GtkWindow  *pmd_money_dialog_new (GtkWindow   *parent,
                                  PmdDocument *document);

/* For the tests */
void        _pmd_money_dialog_set_lines   (PmdMoneyDialog *self,
                                           const char     *from,
                                           const char     *to);
GtkRange   *_pmd_money_dialog_get_amount  (PmdMoneyDialog *self);
const char *_pmd_money_dialog_get_id      (PmdMoneyDialog *self);
void        _pmd_money_dialog_respond     (PmdMoneyDialog *self,
                                           gboolean        apply);

G_END_DECLS
