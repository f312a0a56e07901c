/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pmd-monitor.h"
#include "pmd-scenario.h"

G_BEGIN_DECLS

/*
 * The scenario library (issue 12): named scenarios, each a list of
 * immutable versions (the exact bytes of a .piramide file), tags naming a
 * version, and the realised amounts of each scenario's lines.
 *
 * PmdLibrary is the one interface callers use. pmd_library_open() returns
 * the SQLite implementation (pmd-library-sqlite.c); a shared PostgreSQL
 * library implements the same vfuncs later, and pmd_library_open() will
 * choose it by the location ("postgresql://…"), without touching callers.
 * The functions below do what every backend shares (checking names and
 * tags, hashing, the author and the time) and call the vfuncs for storage.
 */

#define PMD_LIBRARY_ERROR (pmd_library_error_quark ())

/**
 * PmdLibraryError:
 * @PMD_LIBRARY_ERROR_NOT_FOUND: no such scenario, version or tag
 * @PMD_LIBRARY_ERROR_INVALID: a bad name, reference, tag or scenario file
 * @PMD_LIBRARY_ERROR_NEWER: the library was written by a newer Piramide; it was not changed
 * @PMD_LIBRARY_ERROR_FOREIGN: the file is another program's database; it was not changed
 * @PMD_LIBRARY_ERROR_DAMAGED: the file is not a database or is corrupt
 * @PMD_LIBRARY_ERROR_FAILED: the store failed otherwise (busy, disk full, no access)
 */
typedef enum
{
  PMD_LIBRARY_ERROR_NOT_FOUND,
  PMD_LIBRARY_ERROR_INVALID,
  PMD_LIBRARY_ERROR_NEWER,
  PMD_LIBRARY_ERROR_FOREIGN,
  PMD_LIBRARY_ERROR_DAMAGED,
  PMD_LIBRARY_ERROR_FAILED,
} PmdLibraryError;

/**
 * PmdLibraryScenario:
 * @name: the scenario's name in the library, a slug (`westland-2026`)
 * @title: the `name` inside its latest version
 * @n_versions: how many versions it has; versions are numbered 1..@n_versions
 * @latest: the number of the latest version (= @n_versions)
 * @updated: when the latest version was added, UTC ISO 8601
 * @tags: (array zero-terminated=1): the tags of all its versions, sorted
 */
typedef struct
{
  char  *name;
  char  *title;
  guint  n_versions;
  int    latest;
  char  *updated;
  GStrv  tags;
} PmdLibraryScenario;

/**
 * PmdLibraryVersion:
 * @version: its number, from 1
 * @created: when it was added, UTC ISO 8601 (`2026-03-01T09:30:00Z`)
 * @author: the login name of who added it
 * @message: why it was added (may be empty)
 * @sha256: the SHA-256 of its bytes, lowercase hex
 * @title: the `name` inside the file
 * @tags: (array zero-terminated=1): the tags that name it now, sorted
 */
typedef struct
{
  int    version;
  char  *created;
  char  *author;
  char  *message;
  char  *sha256;
  char  *title;
  GStrv  tags;
} PmdLibraryVersion;

/**
 * PmdLibraryRef:
 * @name: the scenario's name
 * @version: a version number, or 0
 * @tag: (nullable): a tag; with @version 0 and no tag: the latest version
 *
 * "NAME", "NAME@N" or "NAME@TAG", parsed by pmd_library_ref_parse().
 */
typedef struct
{
  char *name;
  int   version;
  char *tag;
} PmdLibraryRef;

/**
 * PmdLibraryNewVersion:
 *
 * What a backend stores for a new version; pmd_library_add() fills it.
 */
typedef struct
{
  const char        *name;
  const char        *title;
  GBytes            *content;
  const char        *sha256;
  const char        *created;
  const char        *author;
  const char        *message;
  const char *const *tags;
} PmdLibraryNewVersion;

#define PMD_TYPE_LIBRARY (pmd_library_get_type ())
G_DECLARE_INTERFACE (PmdLibrary, pmd_library, PMD, LIBRARY, GObject)

/**
 * PmdLibraryInterface:
 * @add_version: store a version in one transaction; returns its number, 0 on error
 * @list: every scenario, by name
 * @log: one scenario's versions, oldest first
 * @resolve: the version number @ref names
 * @get: the bytes of one version
 * @tag: make @tag name @version (moving it from another version of the scenario)
 * @import_actuals: replace the amounts with the same (line, post, year, month), all or nothing
 * @get_actuals: all amounts of a scenario
 * @check: a full integrity check of the store
 */
struct _PmdLibraryInterface
{
  GTypeInterface parent_iface;

  int        (*add_version)    (PmdLibrary                 *self,
                                const PmdLibraryNewVersion *version,
                                GError                    **error);
  GPtrArray *(*list)           (PmdLibrary                 *self,
                                GError                    **error);
  GPtrArray *(*log)            (PmdLibrary                 *self,
                                const char                 *name,
                                GError                    **error);
  int        (*resolve)        (PmdLibrary                 *self,
                                const PmdLibraryRef        *ref,
                                GError                    **error);
  GBytes    *(*get)            (PmdLibrary                 *self,
                                const char                 *name,
                                int                         version,
                                GError                    **error);
  gboolean   (*tag)            (PmdLibrary                 *self,
                                const char                 *name,
                                int                         version,
                                const char                 *tag,
                                const char                 *created,
                                GError                    **error);
  gboolean   (*import_actuals) (PmdLibrary                 *self,
                                const char                 *name,
                                const PmdRealisation       *rows,
                                guint                       n_rows,
                                const char                 *imported,
                                GError                    **error);
  GArray    *(*get_actuals)    (PmdLibrary                 *self,
                                const char                 *name,
                                GError                    **error);
  gboolean   (*check)          (PmdLibrary                 *self,
                                GError                    **error);
};

GQuark        pmd_library_error_quark      (void);

char         *pmd_library_dup_default_path (void);
PmdLibrary   *pmd_library_open             (const char         *location,
                                            GError            **error);

int           pmd_library_add              (PmdLibrary         *self,
                                            GBytes             *content,
                                            const char         *name,
                                            const char         *message,
                                            const char *const  *tags,
                                            char              **out_name,
                                            GError            **error);
GPtrArray    *pmd_library_list             (PmdLibrary         *self,
                                            GError            **error);
GPtrArray    *pmd_library_log              (PmdLibrary         *self,
                                            const char         *name,
                                            GError            **error);
GBytes       *pmd_library_get              (PmdLibrary         *self,
                                            const char         *ref,
                                            int                *out_version,
                                            GError            **error);
PmdScenario  *pmd_library_load             (PmdLibrary         *self,
                                            const char         *ref,
                                            int                *out_version,
                                            GError            **error);
gboolean      pmd_library_tag              (PmdLibrary         *self,
                                            const char         *ref,
                                            const char         *tag,
                                            GError            **error);
int           pmd_library_restore          (PmdLibrary         *self,
                                            const char         *ref,
                                            const char         *message,
                                            GError            **error);
gboolean      pmd_library_import_actuals   (PmdLibrary         *self,
                                            const char         *name,
                                            const PmdRealisation *rows,
                                            guint               n_rows,
                                            GError            **error);
GArray       *pmd_library_get_actuals      (PmdLibrary         *self,
                                            const char         *name,
                                            GError            **error);
gboolean      pmd_library_check            (PmdLibrary         *self,
                                            GError            **error);

gboolean      pmd_library_ref_parse        (const char         *text,
                                            PmdLibraryRef      *ref,
                                            GError            **error);
void          pmd_library_ref_clear        (PmdLibraryRef      *ref);
char         *pmd_library_slugify          (const char         *title);
gboolean      pmd_library_check_name       (const char         *name,
                                            GError            **error);
gboolean      pmd_library_check_tag        (const char         *tag,
                                            GError            **error);

void          pmd_library_scenario_free    (PmdLibraryScenario *self);
void          pmd_library_version_free     (PmdLibraryVersion  *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PmdLibraryRef, pmd_library_ref_clear)

G_END_DECLS
