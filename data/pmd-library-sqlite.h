/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-library.h"

G_BEGIN_DECLS

/* "PIRA": the application_id of every Piramide library (PRAGMA application_id). */
#define PMD_LIBRARY_SQLITE_APPLICATION_ID 0x50495241
/* The schema this Piramide writes (PRAGMA user_version). */
#define PMD_LIBRARY_SQLITE_SCHEMA_VERSION 1

#define PMD_TYPE_LIBRARY_SQLITE (pmd_library_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (PmdLibrarySqlite, pmd_library_sqlite, PMD, LIBRARY_SQLITE, GObject)

PmdLibrary *pmd_library_sqlite_open     (const char *path,
                                         GError    **error);
const char *pmd_library_sqlite_get_path (PmdLibrarySqlite *self);

G_END_DECLS
