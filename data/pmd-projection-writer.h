/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-model.h"
#include "pmd-json-writer.h"

G_BEGIN_DECLS

/*
 * A projection written out: JSON for programs (DESIGN.md §4), CSV for
 * Dutch spreadsheets, a table for people. `piramide project` prints them;
 * the window can export the same bytes.
 */

char *pmd_projection_to_json       (const PmdScenario   *scenario,
                                    const PmdProjection *projection,
                                    gsize               *length);
char *pmd_projection_to_csv        (const PmdScenario   *scenario,
                                    const PmdProjection *projection,
                                    gsize               *length);
char *pmd_projection_to_table      (const PmdScenario   *scenario,
                                    const PmdProjection *projection,
                                    gsize               *length);
void  pmd_projection_write_outcome (PmdJsonWriter       *writer,
                                    const PmdProjection *projection);

G_END_DECLS
