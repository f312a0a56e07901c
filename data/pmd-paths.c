/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "pmd-paths.h"

/*
 * Where Piramide's own files are: its translations and its settings schema.
 *
 * Run from the build tree (./build/app/piramide, the tests, the benchmarks)
 * they are the build tree's, so the README's command needs no environment;
 * installed, they are found relative to the program (PREFIX/bin/piramide →
 * PREFIX/share/…), so an install into any prefix, also with DESTDIR, finds
 * its own files; the configured prefix is the last resort.
 */

static char *
dup_exe_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

/**
 * pmd_paths_in_build_tree:
 *
 * Returns: whether the running program is one built in the build tree
 */
gboolean
pmd_paths_in_build_tree (void)
{
  static int in_tree = -1;

  if (in_tree < 0)
    {
      g_autofree char *dir = dup_exe_dir ();
      g_autofree char *root = g_canonicalize_filename (PMD_BUILD_ROOT, NULL);

      in_tree = dir != NULL && (g_str_equal (dir, root) ||
                                (g_str_has_prefix (dir, root) && dir[strlen (root)] == G_DIR_SEPARATOR));
    }
  return in_tree;
}

/* PREFIX/@relative for the prefix the program runs from, when it exists. */
static char *
dup_installed_dir (const char *relative)
{
  g_autofree char *dir = dup_exe_dir ();
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, PMD_BINDIR_TO_PREFIX, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_canonicalize_filename (path, NULL);
}

/**
 * pmd_paths_get_localedir:
 *
 * Returns: the directory with the program's translations: PIRAMIDE_LOCALEDIR
 *   when set, else the build tree's or the installed one's
 */
const char *
pmd_paths_get_localedir (void)
{
  static char *localedir;

  if (localedir == NULL)
    {
      const char *env = g_getenv ("PIRAMIDE_LOCALEDIR");
      char *dir = NULL;

      if (env != NULL && *env != '\0')
        dir = g_strdup (env);
      else if (pmd_paths_in_build_tree ())
        dir = g_build_filename (PMD_BUILD_ROOT, "po", NULL);
      else
        dir = dup_installed_dir (PMD_LOCALEDIR_REL);
      localedir = dir != NULL ? dir : g_strdup (LOCALEDIR);
    }
  return localedir;
}

/**
 * pmd_paths_get_schemadir:
 *
 * Returns: the directory that holds the program's compiled settings schema
 *   (the build tree's or the installed one's)
 */
const char *
pmd_paths_get_schemadir (void)
{
  static char *schemadir;

  if (schemadir == NULL)
    {
      char *dir = NULL;

      if (pmd_paths_in_build_tree ())
        dir = g_build_filename (PMD_BUILD_ROOT, "data", NULL);
      else
        dir = dup_installed_dir (PMD_SCHEMADIR_REL);
      schemadir = dir != NULL ? dir : g_strdup (SCHEMADIR);
    }
  return schemadir;
}

/**
 * pmd_paths_bind_textdomain:
 *
 * Takes the locale from the environment (numbers are formatted by
 * pmd-format, never by printf, so LC_NUMERIC stays "C") and binds the
 * translations found by pmd_paths_get_localedir().
 */
void
pmd_paths_bind_textdomain (void)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, pmd_paths_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * pmd_settings_new:
 * @error: why there are no settings: the schema was found nowhere
 *
 * The program's settings. The schema is looked up where GLib looks
 * (GSETTINGS_SCHEMA_DIR, XDG_DATA_DIRS), then in the build tree or beside
 * the installed program, so neither a run from the build tree nor an
 * install into an unusual prefix ends in GLib's abort for a missing schema.
 *
 * Returns: (transfer full) (nullable): the settings
 */
GSettings *
pmd_settings_new (GError **error)
{
  GSettingsSchemaSource *system = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) own = NULL;
  const char *dir = pmd_paths_get_schemadir ();

  /* The build tree's schema first when run from it: an installed older
   * one may lack keys. */
  if (!pmd_paths_in_build_tree () && system != NULL)
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema == NULL && g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      own = g_settings_schema_source_new_from_directory (dir, system, FALSE, NULL);
      if (own != NULL)
        schema = g_settings_schema_source_lookup (own, APP_ID, FALSE);
    }
  if (schema == NULL && system != NULL)
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the settings schema “%s” is not installed (looked in %s and in "
                     "GLib's schema directories): install Piramide with “meson install” "
                     "or start it from its build directory"),
                   APP_ID, dir);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
