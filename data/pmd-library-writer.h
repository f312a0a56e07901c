/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-library.h"
#include "pmd-monitor.h"

G_BEGIN_DECLS

/*
 * What the library commands print (docs/library.md): JSON for programs,
 * with euros at full precision and null where a value does not exist;
 * CSV for spreadsheets; tables in the user's language for people. The
 * window may use the same texts for its exports.
 */

/**
 * PmdMonitorSource:
 * @name: the scenario's name in the library
 * @version: the version whose projection is the budget
 * @scenario: that version's scenario (names of lines and layers)
 *
 * Where a monitor's budget came from.
 */
typedef struct
{
  const char        *name;
  int                version;
  const PmdScenario *scenario;
} PmdMonitorSource;

char *pmd_library_list_to_json  (GPtrArray              *scenarios,
                                 gsize                  *length);
char *pmd_library_list_to_table (GPtrArray              *scenarios,
                                 gsize                  *length);
char *pmd_library_log_to_json   (GPtrArray              *versions,
                                 gsize                  *length);
char *pmd_library_log_to_table  (GPtrArray              *versions,
                                 gsize                  *length);
char *pmd_monitor_to_json       (const PmdMonitorSource *source,
                                 const PmdMonitor       *monitor,
                                 gsize                  *length);
char *pmd_monitor_to_csv        (const PmdMonitorSource *source,
                                 const PmdMonitor       *monitor,
                                 gsize                  *length);
char *pmd_monitor_to_table      (const PmdMonitorSource *source,
                                 const PmdMonitor       *monitor,
                                 gsize                  *length);
char *pmd_accuracy_to_json      (const char             *name,
                                 GPtrArray              *entries,
                                 gsize                  *length);
char *pmd_accuracy_to_table     (const char             *name,
                                 const PmdScenario      *scenario,
                                 GPtrArray              *entries,
                                 gsize                  *length);

G_END_DECLS
