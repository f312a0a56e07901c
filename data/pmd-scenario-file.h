/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-scenario.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing (a scenario is < 1 MiB). */
#define PMD_SCENARIO_FILE_MAX_SIZE (64 * 1024 * 1024)

PmdScenario *pmd_scenario_load_from_data (const char  *data,
                                          gssize       length,
                                          GError     **error);
PmdScenario *pmd_scenario_load_file      (const char  *path,
                                          GError     **error);
PmdScenario *pmd_scenario_load_bundled   (const char  *name,
                                          GError     **error);
char        *pmd_scenario_to_data        (const PmdScenario *scenario,
                                          gsize             *length);
gboolean     pmd_scenario_save_file      (const PmdScenario *scenario,
                                          const char        *path,
                                          GError           **error);

GResource   *pmd_data_get_resource       (void);

G_END_DECLS
