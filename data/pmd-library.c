/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <limits.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pmd-library.h"
#include "pmd-library-sqlite.h"
#include "pmd-scenario-file.h"

/* Longer names and tags are no names but pasted text. */
#define NAME_MAX_CHARS 64
#define TAG_MAX_CHARS  100

G_DEFINE_QUARK (pmd-library-error-quark, pmd_library_error)
G_DEFINE_INTERFACE (PmdLibrary, pmd_library, G_TYPE_OBJECT)

static void
pmd_library_default_init (PmdLibraryInterface *iface)
{
}

static char *
dup_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Names, tags and references */

/**
 * pmd_library_slugify:
 * @title: a scenario's name, such as "Westland 2026 (illustratief)"
 *
 * Returns: (transfer full): its library name: "westland-2026-illustratief";
 *   accents are dropped, anything else but letters and digits becomes one
 *   hyphen, at most 64 characters; "scenario" when nothing is left
 */
char *
pmd_library_slugify (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < NAME_MAX_CHARS; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "scenario");
  return g_string_free (slug, FALSE);
}

gboolean
pmd_library_check_name (const char *name,
                        GError    **error)
{
  if (name == NULL || !pmd_is_valid_id (name) || strlen (name) > NAME_MAX_CHARS)
    {
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_INVALID,
                   _("“%s” is not a name for the library: use at most %d lowercase letters, digits "
                     "and hyphens"),
                   name != NULL ? name : "", NAME_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A tag is free text ("Raadsvoorstel begroting 2027"), but not a number
 * (NAME@3 is a version) and without "@", so every reference reads one way. */
gboolean
pmd_library_check_tag (const char *tag,
                       GError    **error)
{
  gboolean ok = tag != NULL && g_utf8_validate (tag, -1, NULL) && *tag != '\0'
                && !g_ascii_isspace (*tag) && !g_ascii_isspace (tag[strlen (tag) - 1])
                && strchr (tag, '@') == NULL && !all_digits (tag)
                && g_utf8_strlen (tag, -1) <= TAG_MAX_CHARS;

  for (const char *p = tag; ok && *p; p++)
    ok = !g_ascii_iscntrl (*p);
  if (!ok)
    g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_INVALID,
                 _("“%s” is not a tag: a tag is a text of at most %d characters, not a number, "
                   "without “@” and without spaces at its ends"),
                 tag != NULL && g_utf8_validate (tag, -1, NULL) ? tag : "", TAG_MAX_CHARS);
  return ok;
}

/**
 * pmd_library_ref_parse:
 * @text: "NAME", "NAME@N" or "NAME@TAG"
 * @ref: (out caller-allocates): the parts; clear with pmd_library_ref_clear()
 *
 * The one place a reference to a version is read. After the first "@"
 * comes a version number when it is all digits, else a tag.
 */
gboolean
pmd_library_ref_parse (const char    *text,
                       PmdLibraryRef *ref,
                       GError       **error)
{
  const char *at;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  memset (ref, 0, sizeof *ref);
  at = strchr (text, '@');
  ref->name = at != NULL ? g_strndup (text, at - text) : g_strdup (text);
  if (!pmd_library_check_name (ref->name, error))
    goto fail;
  if (at == NULL)
    return TRUE;
  if (all_digits (at + 1))
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (at + 1, 10, 1, INT_MAX, &n, NULL))
        {
          g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_INVALID,
                       _("“%s” names no version: versions are numbered from 1"), text);
          goto fail;
        }
      ref->version = (int) n;
      return TRUE;
    }
  if (!pmd_library_check_tag (at + 1, error))
    goto fail;
  ref->tag = g_strdup (at + 1);
  return TRUE;

fail:
  pmd_library_ref_clear (ref);
  return FALSE;
}

void
pmd_library_ref_clear (PmdLibraryRef *ref)
{
  g_clear_pointer (&ref->name, g_free);
  g_clear_pointer (&ref->tag, g_free);
  ref->version = 0;
}

void
pmd_library_scenario_free (PmdLibraryScenario *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->title);
  g_free (self->updated);
  g_strfreev (self->tags);
  g_free (self);
}

void
pmd_library_version_free (PmdLibraryVersion *self)
{
  if (self == NULL)
    return;
  g_free (self->created);
  g_free (self->author);
  g_free (self->message);
  g_free (self->sha256);
  g_free (self->title);
  g_strfreev (self->tags);
  g_free (self);
}

/* Opening */

/**
 * pmd_library_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/piramide/bibliotheek.sqlite`
 */
char *
pmd_library_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "piramide", "bibliotheek.sqlite", NULL);
}

/**
 * pmd_library_open:
 * @location: (nullable): a file path; %NULL for the default path
 *
 * Opens (and on first use creates) a library. A library written by a newer
 * Piramide, another program's database or a damaged file is refused with
 * an error and left as it is.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
PmdLibrary *
pmd_library_open (const char *location,
                  GError    **error)
{
  g_autofree char *path = location != NULL ? g_strdup (location) : pmd_library_dup_default_path ();

  if (g_str_has_prefix (path, "postgresql:") || g_str_has_prefix (path, "postgres:"))
    {
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FAILED,
                   _("A shared PostgreSQL library is not supported yet: “%s”"), path);
      return NULL;
    }
  return pmd_library_sqlite_open (path, error);
}

/* Versions */

static gboolean
check_tags (const char *const *tags,
            GError           **error)
{
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (!pmd_library_check_tag (tags[i], error))
      return FALSE;
  return TRUE;
}

/**
 * pmd_library_add:
 * @content: the exact bytes of a .piramide file; it must load
 * @name: (nullable): the scenario's name; %NULL: a slug of the file's `name`
 * @message: (nullable): why this version was made
 * @tags: (nullable) (array zero-terminated=1): tags for the new version
 * @out_name: (out) (optional) (transfer full): the name used
 *
 * Adds a new version, in one transaction. Tags that named another version of
 * the scenario move to this one.
 *
 * Returns: the new version's number, or 0 with @error set
 */
int
pmd_library_add (PmdLibrary        *self,
                 GBytes            *content,
                 const char        *name,
                 const char        *message,
                 const char *const *tags,
                 char             **out_name,
                 GError           **error)
{
  g_autoptr(PmdScenario) scenario = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *created = NULL;
  PmdLibraryNewVersion v = { 0 };
  gsize size;
  const char *data;
  int number;

  g_return_val_if_fail (PMD_IS_LIBRARY (self), 0);
  g_return_val_if_fail (content != NULL, 0);

  data = g_bytes_get_data (content, &size);
  scenario = pmd_scenario_load_from_data (data, size, error);
  if (scenario == NULL)
    {
      g_prefix_error (error, _("Not added to the library: "));
      return 0;
    }
  if (name == NULL)
    name = slug = pmd_library_slugify (scenario->name);
  if (!pmd_library_check_name (name, error) || !check_tags (tags, error))
    return 0;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  created = dup_now_utc ();
  v.name = name;
  v.title = scenario->name != NULL ? scenario->name : "";
  v.content = content;
  v.sha256 = sha256;
  v.created = created;
  v.author = g_get_user_name ();
  v.message = message != NULL ? message : "";
  v.tags = tags;
  number = PMD_LIBRARY_GET_IFACE (self)->add_version (self, &v, error);
  if (number > 0 && out_name != NULL)
    *out_name = g_strdup (name);
  return number;
}

/**
 * pmd_library_list:
 *
 * Returns: (transfer full) (element-type PmdLibraryScenario): every scenario, by name
 */
GPtrArray *
pmd_library_list (PmdLibrary *self,
                  GError    **error)
{
  g_return_val_if_fail (PMD_IS_LIBRARY (self), NULL);

  return PMD_LIBRARY_GET_IFACE (self)->list (self, error);
}

/**
 * pmd_library_log:
 *
 * Returns: (transfer full) (element-type PmdLibraryVersion): the versions, oldest first
 */
GPtrArray *
pmd_library_log (PmdLibrary *self,
                 const char *name,
                 GError    **error)
{
  g_return_val_if_fail (PMD_IS_LIBRARY (self), NULL);

  if (!pmd_library_check_name (name, error))
    return NULL;
  return PMD_LIBRARY_GET_IFACE (self)->log (self, name, error);
}

static int
resolve (PmdLibrary    *self,
         const char    *text,
         PmdLibraryRef *ref,
         GError       **error)
{
  if (!pmd_library_ref_parse (text, ref, error))
    return 0;
  return PMD_LIBRARY_GET_IFACE (self)->resolve (self, ref, error);
}

/**
 * pmd_library_get:
 * @ref: "NAME" (the latest version), "NAME@N" or "NAME@TAG"
 * @out_version: (out) (optional): the version's number
 *
 * Returns: (transfer full): the exact bytes that were added, or %NULL
 */
GBytes *
pmd_library_get (PmdLibrary *self,
                 const char *ref,
                 int        *out_version,
                 GError    **error)
{
  g_auto(PmdLibraryRef) parsed = { 0 };
  int version;

  g_return_val_if_fail (PMD_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  version = resolve (self, ref, &parsed, error);
  if (version == 0)
    return NULL;
  if (out_version != NULL)
    *out_version = version;
  return PMD_LIBRARY_GET_IFACE (self)->get (self, parsed.name, version, error);
}

/**
 * pmd_library_load:
 *
 * pmd_library_get(), read as a scenario.
 *
 * Returns: (transfer full): the scenario, or %NULL with @error set
 */
PmdScenario *
pmd_library_load (PmdLibrary *self,
                  const char *ref,
                  int        *out_version,
                  GError    **error)
{
  g_autoptr(GBytes) bytes = pmd_library_get (self, ref, out_version, error);
  PmdScenario *scenario;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  scenario = pmd_scenario_load_from_data (data, size, error);
  if (scenario == NULL)
    g_prefix_error (error, "%s: ", ref);
  return scenario;
}

/**
 * pmd_library_tag:
 * @ref: the version to tag
 * @tag: the tag, e.g. "Raadsvoorstel begroting 2027"
 *
 * A tag names one version of a scenario. Tagging another version moves the
 * tag there: a tag says which version is *the* council proposal now, and the
 * version it named before stays as it was.
 */
gboolean
pmd_library_tag (PmdLibrary *self,
                 const char *ref,
                 const char *tag,
                 GError    **error)
{
  g_auto(PmdLibraryRef) parsed = { 0 };
  g_autofree char *created = NULL;
  int version;

  g_return_val_if_fail (PMD_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  if (!pmd_library_check_tag (tag, error))
    return FALSE;
  version = resolve (self, ref, &parsed, error);
  if (version == 0)
    return FALSE;
  created = dup_now_utc ();
  return PMD_LIBRARY_GET_IFACE (self)->tag (self, parsed.name, version, tag, created, error);
}

/**
 * pmd_library_restore:
 * @ref: the version to restore
 * @message: (nullable): the message; %NULL: "Restored from version N"
 *
 * Adds the bytes of an older version as a new version: history only grows.
 *
 * Returns: the new version's number, or 0 with @error set
 */
int
pmd_library_restore (PmdLibrary *self,
                     const char *ref,
                     const char *message,
                     GError    **error)
{
  g_auto(PmdLibraryRef) parsed = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *default_message = NULL;
  int version;

  g_return_val_if_fail (PMD_IS_LIBRARY (self), 0);
  g_return_val_if_fail (ref != NULL, 0);

  version = resolve (self, ref, &parsed, error);
  if (version == 0)
    return 0;
  bytes = PMD_LIBRARY_GET_IFACE (self)->get (self, parsed.name, version, error);
  if (bytes == NULL)
    return 0;
  if (message == NULL)
    message = default_message = g_strdup_printf (_("Restored from version %d"), version);
  return pmd_library_add (self, bytes, parsed.name, message, NULL, NULL, error);
}

/* Actuals */

/**
 * pmd_library_import_actuals:
 * @name: the scenario the amounts belong to
 * @rows: (array length=n_rows): amounts with their line resolved
 *
 * Stores the amounts in one transaction: an amount with the same line, post,
 * year and month as one stored before replaces it; on any error nothing is
 * stored.
 */
gboolean
pmd_library_import_actuals (PmdLibrary           *self,
                            const char           *name,
                            const PmdRealisation *rows,
                            guint                 n_rows,
                            GError              **error)
{
  g_autofree char *imported = NULL;

  g_return_val_if_fail (PMD_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  if (!pmd_library_check_name (name, error))
    return FALSE;
  imported = dup_now_utc ();
  return PMD_LIBRARY_GET_IFACE (self)->import_actuals (self, name, rows, n_rows, imported, error);
}

/**
 * pmd_library_get_actuals:
 *
 * Returns: (transfer full) (element-type PmdRealisation): the scenario's
 *   amounts by line, post, year and month; %NULL with @error set
 */
GArray *
pmd_library_get_actuals (PmdLibrary *self,
                         const char *name,
                         GError    **error)
{
  g_return_val_if_fail (PMD_IS_LIBRARY (self), NULL);

  if (!pmd_library_check_name (name, error))
    return NULL;
  return PMD_LIBRARY_GET_IFACE (self)->get_actuals (self, name, error);
}

/**
 * pmd_library_check:
 *
 * A full check of the store (for SQLite `PRAGMA integrity_check`); slow on
 * a large library, so it is not run on every open.
 */
gboolean
pmd_library_check (PmdLibrary *self,
                   GError    **error)
{
  g_return_val_if_fail (PMD_IS_LIBRARY (self), FALSE);

  return PMD_LIBRARY_GET_IFACE (self)->check (self, error);
}
