/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pmd-window.h"

G_BEGIN_DECLS

#define PMD_TYPE_APPLICATION (pmd_application_get_type ())
G_DECLARE_FINAL_TYPE (PmdApplication, pmd_application, PMD, APPLICATION, AdwApplication)

PmdApplication *pmd_application_new               (void);
gboolean        pmd_application_check_environment (GError         **error);
PmdWindow      *pmd_application_new_window        (PmdApplication  *self);

G_END_DECLS
