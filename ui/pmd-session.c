/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <errno.h>
#include <string.h>

#include "pmd-session.h"
#include "pmd-file-writer.h"
#include "pmd-library.h"
#include "pmd-paths.h"
#include "pmd-scenario-file.h"

/*
 * PmdSession: the open scenario as the application keeps it, apart from
 * any window that shows it. It owns the document for its whole life (a
 * file opened replaces the scenario inside the same document), the file it
 * came from or was saved to, the copy of unsaved work kept against a crash
 * (autosave) and offered back at the next start (recovery), and the list of
 * scenario files used lately. The window shows a session and asks it to
 * open and save; the application creates one for each window.
 *
 * It also holds the scenario library (issue 12), opened the first time it
 * is needed, from the "library-path" setting: a damaged or newer library
 * is said when it is used, and files go on working without it.
 */

#define DEFAULT_AUTOSAVE_SECONDS 5
#define N_RECENT 8

struct _PmdSession
{
  GObject      parent_instance;

  PmdDocument *document;
  GFile       *file;
  GSettings   *settings;
  GListStore  *recent;            /* GFile, newest first */
  PmdLibrary  *library;           /* NULL until first needed */
  char        *library_ref;       /* "name@N" when a library version was opened */

  guint        autosave_interval; /* seconds; 0: only when asked */
  guint        autosave_id;
  guint        changes;           /* document changes, for autosave */
  guint        autosaved_changes;
};

G_DEFINE_FINAL_TYPE (PmdSession, pmd_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_AUTOSAVE_INTERVAL,
  PROP_LIBRARY_REF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
autosave_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "piramide", name, NULL);
}

static void
remove_autosave (void)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");

  g_unlink (path);
  g_unlink (meta);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);
  return g_date_time_compare (tb, ta);
}

/* The eight scenario files used last, newest first, that still exist. */
static void
update_recent (PmdSession *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && files->len < N_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (!g_str_has_suffix (uri, ".piramide") || !gtk_recent_info_exists (info))
        continue;
      g_ptr_array_add (files, g_file_new_for_uri (uri));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_list_store_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                       files->pdata, files->len);
}

/* @file is where the scenario now lives; @remember: a file the user chose,
 * to be offered again (recent files, the next start). */
static void
set_file (PmdSession *self,
          GFile      *file,
          gboolean    remember)
{
  if (remember && file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *path = g_file_get_path (file);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      update_recent (self);
      if (path != NULL)
        g_settings_set_string (self->settings, "last-file", path);
    }
  /* Notified also when it is the same file: it may have been saved. */
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
set_library_ref (PmdSession *self,
                 const char *ref)
{
  if (g_strcmp0 (self->library_ref, ref) == 0)
    return;
  g_free (self->library_ref);
  self->library_ref = g_strdup (ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY_REF]);
}

static gboolean
autosave_cb (gpointer data)
{
  PmdSession *self = data;
  g_autoptr(GError) error = NULL;

  if (!pmd_session_autosave (self, &error))
    g_debug ("Autosave failed: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
document_changed_cb (PmdSession *self)
{
  self->changes++;
}

static void
pmd_session_dispose (GObject *object)
{
  PmdSession *self = PMD_SESSION (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pmd_session_parent_class)->dispose (object);
}

static void
pmd_session_finalize (GObject *object)
{
  PmdSession *self = PMD_SESSION (object);

  g_free (self->library_ref);

  G_OBJECT_CLASS (pmd_session_parent_class)->finalize (object);
}

static void
pmd_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PmdSession *self = PMD_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_AUTOSAVE_INTERVAL:
      g_value_set_uint (value, self->autosave_interval);
      break;
    case PROP_LIBRARY_REF:
      g_value_set_string (value, self->library_ref);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PmdSession *self = PMD_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_INTERVAL:
      pmd_session_set_autosave_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_session_class_init (PmdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pmd_session_dispose;
  object_class->finalize = pmd_session_finalize;
  object_class->get_property = pmd_session_get_property;
  object_class->set_property = pmd_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PmdSession:autosave-interval:
   *
   * How often, in seconds, unsaved work is kept against a crash; 0 keeps
   * it only when pmd_session_autosave() is called.
   */
  properties[PROP_AUTOSAVE_INTERVAL] =
    g_param_spec_uint ("autosave-interval", NULL, NULL, 0, G_MAXUINT, DEFAULT_AUTOSAVE_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PmdSession:library-ref:
   *
   * The library version shown ("westland-2026@3") when one was opened
   * from the library and not saved to a file since; %NULL otherwise.
   */
  properties[PROP_LIBRARY_REF] =
    g_param_spec_string ("library-ref", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pmd_session_init (PmdSession *self)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc;

  /* main() refuses to start without the schema; tests set it up. */
  self->settings = pmd_settings_new (&error);
  g_assert_no_error (error);

  sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_assert_no_error (error);
  self->document = pmd_document_new (sc);
  g_signal_connect_swapped (self->document, "changed", G_CALLBACK (document_changed_cb), self);

  self->recent = g_list_store_new (G_TYPE_FILE);
  update_recent (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (update_recent), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pmd_session_new:
 *
 * A session on the bundled Westland example, not yet saved anywhere, that
 * keeps unsaved work every five seconds.
 */
PmdSession *
pmd_session_new (void)
{
  return g_object_new (PMD_TYPE_SESSION, NULL);
}

PmdDocument *
pmd_session_get_document (PmdSession *self)
{
  g_return_val_if_fail (PMD_IS_SESSION (self), NULL);
  return self->document;
}

/**
 * pmd_session_get_file:
 *
 * Returns: (nullable) (transfer none): the file the scenario was opened
 *   from or saved to last, or %NULL when it is not saved anywhere
 */
GFile *
pmd_session_get_file (PmdSession *self)
{
  g_return_val_if_fail (PMD_IS_SESSION (self), NULL);
  return self->file;
}

/**
 * pmd_session_get_recent_files:
 *
 * Returns: (transfer none): a list of #GFile, the scenario files used last
 *   that still exist, newest first; it follows the desktop's recent files
 */
GListModel *
pmd_session_get_recent_files (PmdSession *self)
{
  g_return_val_if_fail (PMD_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->recent);
}

guint
pmd_session_get_autosave_interval (PmdSession *self)
{
  g_return_val_if_fail (PMD_IS_SESSION (self), 0);
  return self->autosave_interval;
}

void
pmd_session_set_autosave_interval (PmdSession *self,
                                   guint       seconds)
{
  g_return_if_fail (PMD_IS_SESSION (self));

  if (self->autosave_interval == seconds)
    return;
  self->autosave_interval = seconds;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (seconds > 0)
    self->autosave_id = g_timeout_add_seconds (seconds, autosave_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_INTERVAL]);
}

/**
 * pmd_session_load_file:
 *
 * Opens @file. When it cannot be read or is not a valid scenario, the
 * scenario already open stays as it is.
 */
gboolean
pmd_session_load_file (PmdSession *self,
                       GFile      *file,
                       GError    **error)
{
  g_autofree char *path = NULL;
  PmdScenario *sc;

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }
  sc = pmd_scenario_load_file (path, error);
  if (sc == NULL)
    return FALSE;
  pmd_document_replace (self->document, sc);
  remove_autosave ();
  set_library_ref (self, NULL);
  set_file (self, file, TRUE);
  return TRUE;
}

/**
 * pmd_session_load_last_file:
 *
 * Opens the scenario file opened last, when there is one and it still
 * exists; otherwise the session stays as it is.
 *
 * Returns: %FALSE when that file exists but could not be opened
 */
gboolean
pmd_session_load_last_file (PmdSession *self,
                            GError    **error)
{
  g_autofree char *last = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);

  last = g_settings_get_string (self->settings, "last-file");
  if (*last == '\0' || !g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  file = g_file_new_for_path (last);
  return pmd_session_load_file (self, file, error);
}

/**
 * pmd_session_load_bundled:
 * @name: "westland-2026" or "blank"
 *
 * Shows a scenario shipped with Piramide, not yet saved anywhere.
 */
void
pmd_session_load_bundled (PmdSession *self,
                          const char *name)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc;

  g_return_if_fail (PMD_IS_SESSION (self));

  sc = pmd_scenario_load_bundled (name, &error);
  if (sc == NULL)
    {
      g_critical ("The bundled scenario %s does not load: %s", name, error->message);
      return;
    }
  pmd_document_replace (self->document, sc);
  set_library_ref (self, NULL);
  set_file (self, NULL, FALSE);
}

/**
 * pmd_session_save_to:
 *
 * Writes the scenario to @file, which becomes the session's file. A failed
 * write leaves what @file held as it was.
 */
gboolean
pmd_session_save_to (PmdSession *self,
                     GFile      *file,
                     GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved"));
      return FALSE;
    }
  if (!pmd_scenario_save_file (pmd_document_get_scenario (self->document), path, error))
    return FALSE;
  pmd_document_set_saved (self->document);
  remove_autosave ();
  set_library_ref (self, NULL);
  set_file (self, file, TRUE);
  return TRUE;
}

/**
 * pmd_session_autosave:
 *
 * Keeps the unsaved work in the user's data directory, unless it is kept
 * already or there is none. The timer of #PmdSession:autosave-interval
 * calls this.
 *
 * Returns: %FALSE when it could not be written
 */
gboolean
pmd_session_autosave (PmdSession *self,
                      GError    **error)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *source = NULL;

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);

  /* Kept already, unless the kept copy was removed meanwhile (by a cleaner,
   * by hand): then it is written again, not only after the next edit. */
  if (!pmd_document_get_modified (self->document) ||
      (self->changes == self->autosaved_changes && g_file_test (path, G_FILE_TEST_IS_REGULAR)))
    return TRUE;
  g_mkdir_with_parents (dir, 0700);
  if (!pmd_scenario_save_file (pmd_document_get_scenario (self->document), path, error))
    return FALSE;
  source = self->file ? g_file_get_path (self->file) : g_strdup ("");
  pmd_file_write_atomic (meta, source ? source : "", source ? strlen (source) : 0, NULL, NULL);
  self->autosaved_changes = self->changes;
  return TRUE;
}

/**
 * pmd_session_has_recovery:
 *
 * Returns: whether work that was not saved when Piramide last stopped was
 *   kept, to be offered back
 */
gboolean
pmd_session_has_recovery (PmdSession *self)
{
  g_autofree char *path = autosave_path ("autosave.piramide");

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * pmd_session_recover:
 *
 * Shows the kept unsaved work, as unsaved, with the file it was to be
 * saved to. When it cannot be read the session stays as it is.
 */
gboolean
pmd_session_recover (PmdSession *self,
                     GError    **error)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");
  g_autofree char *source = NULL;
  g_autoptr(GFile) file = NULL;
  PmdScenario *sc;

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);

  sc = pmd_scenario_load_file (path, error);
  if (sc == NULL)
    return FALSE;
  pmd_document_replace (self->document, sc);
  pmd_document_set_unsaved (self->document);
  if (g_file_get_contents (meta, &source, NULL, NULL) && *source != '\0')
    file = g_file_new_for_path (source);
  set_file (self, file, FALSE);
  return TRUE;
}

/**
 * pmd_session_set_aside_recovery:
 *
 * Keeps the unsaved work offered back under a name of its own beside the
 * autosave, "unsaved-2026-03-01-093000.piramide", so that the work of
 * this session, kept as the autosave, does not overwrite it: the user
 * said "not now", not "discard".
 *
 * Returns: (transfer full) (nullable): the path it is kept at, or %NULL
 *   with @error set when it could not be moved
 */
char *
pmd_session_set_aside_recovery (PmdSession *self,
                                GError    **error)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *kept = NULL;

  g_return_val_if_fail (PMD_IS_SESSION (self), NULL);

  for (guint n = 1; kept == NULL || g_file_test (kept, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("unsaved-%s.piramide", stamp)
                                     : g_strdup_printf ("unsaved-%s-%u.piramide", stamp, n);
      g_free (kept);
      kept = autosave_path (name);
    }
  if (g_rename (path, kept) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not keep %s: %s"), shown, g_strerror (saved_errno));
      return NULL;
    }
  g_unlink (meta);
  return g_steal_pointer (&kept);
}

/**
 * pmd_session_discard_recovery:
 *
 * Forgets the kept unsaved work: the user discarded it, or it is saved.
 */
void
pmd_session_discard_recovery (PmdSession *self)
{
  g_return_if_fail (PMD_IS_SESSION (self));
  remove_autosave ();
}

/**
 * pmd_session_get_library:
 *
 * The scenario library, opened the first time it is asked for: the file
 * of the "library-path" setting, or pmd_library_dup_default_path() when
 * that is empty. A library that cannot be opened (damaged, another
 * program's, made by a newer Piramide) is asked again next time, so that
 * a repaired file or another setting takes effect.
 *
 * Returns: (transfer none) (nullable): the library, or %NULL with @error set
 */
PmdLibrary *
pmd_session_get_library (PmdSession *self,
                         GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PMD_IS_SESSION (self), NULL);

  if (self->library != NULL)
    return self->library;
  path = g_settings_get_string (self->settings, "library-path");
  if (*path == '\0')
    {
      g_free (path);
      path = pmd_library_dup_default_path ();
    }
  self->library = pmd_library_open (path, error);
  return self->library;
}

/**
 * pmd_session_load_library_version:
 * @ref: "NAME", "NAME@N" or "NAME@TAG"
 *
 * Shows a version from the library as unsaved work: it is not a file, so
 * Save asks where to write it. When it cannot be read the session stays
 * as it is.
 */
gboolean
pmd_session_load_library_version (PmdSession *self,
                                  const char *ref,
                                  GError    **error)
{
  g_auto(PmdLibraryRef) parsed = { 0 };
  g_autofree char *shown = NULL;
  PmdLibrary *library;
  PmdScenario *sc;
  int version = 0;

  g_return_val_if_fail (PMD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  library = pmd_session_get_library (self, error);
  if (library == NULL || !pmd_library_ref_parse (ref, &parsed, error))
    return FALSE;
  sc = pmd_library_load (library, ref, &version, error);
  if (sc == NULL)
    return FALSE;
  pmd_document_replace (self->document, sc);
  pmd_document_set_unsaved (self->document);
  shown = g_strdup_printf ("%s@%d", parsed.name, version);
  set_library_ref (self, shown);
  set_file (self, NULL, FALSE);
  return TRUE;
}

/**
 * pmd_session_get_library_ref:
 *
 * Returns: (nullable): see #PmdSession:library-ref
 */
const char *
pmd_session_get_library_ref (PmdSession *self)
{
  g_return_val_if_fail (PMD_IS_SESSION (self), NULL);
  return self->library_ref;
}

/**
 * pmd_session_dup_folder:
 * @self: (nullable): a session, or %NULL for none
 *
 * Where a file dialog starts: the folder of the open file, else the
 * user's documents folder, else the home folder (the program's current
 * folder, where it started, means nothing to the user).
 *
 * Returns: (transfer full): a folder
 */
GFile *
pmd_session_dup_folder (PmdSession *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_return_val_if_fail (self == NULL || PMD_IS_SESSION (self), NULL);

  if (self != NULL && self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL && g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        return g_steal_pointer (&parent);
    }
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/**
 * pmd_session_start_chooser:
 * @self: (nullable): a session, or %NULL for none
 *
 * Opens @chooser in pmd_session_dup_folder().
 */
void
pmd_session_start_chooser (PmdSession     *self,
                           GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = pmd_session_dup_folder (self);

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  /* A folder that cannot be shown leaves the chooser where it was. */
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}
