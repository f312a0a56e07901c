/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-file-writer-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Every file Piramide writes goes through here: a scenario, an autosave,
 * and every `--out` of the command line (projections, charts, reports).
 *
 * The text goes into a hidden temporary file in the target's own folder
 * (".NAME.XXXXXX.tmp", so that rename() stays on one file system), which is
 * written in full, flushed to the disk and then renamed over the target; the
 * folder is flushed last, so that the new name survives a power cut. A crash,
 * a full disk or a kill at any moment leaves the old file whole, plus at most
 * a hidden temporary file, which the next successful write to the same target
 * removes.
 *
 * A symbolic link at the path stays a link: the file it points to (through
 * any chain of links) is the one replaced. The old file's permissions are
 * kept, its owner and group when the user may set them. A folder, a device,
 * a pipe or a socket is never written over, nor the file being read (the
 * same file on the disk, whatever name leads to it).
 *
 * Temporary files are locked with flock() while they are written, so that a
 * writer cleaning up after a crashed one never removes the file another
 * process is still writing.
 */

/* As Linux: more links than this in a chain is a loop. */
#define MAX_LINKS 40

/* Room for ".", "." and "XXXXXX.tmp" within a file name's 255 bytes. */
#define MAX_PREFIX_NAME 200

struct _PmdAtomicFile
{
  char       *path;        /* as given, for messages */
  char       *target;      /* the file replaced, links resolved */
  char       *dir;         /* its folder, where the temporary file is */
  char       *prefix;      /* ".NAME." of the temporary files */
  char       *temp_path;
  int         fd;
  gsize       written;
  gboolean    committed;
  gboolean    have_input;
  dev_t       input_dev;
  ino_t       input_ino;
};

G_DEFINE_QUARK (pmd-file-writer-error-quark, pmd_file_writer_error)

static PmdFileWriterTestHook test_hook;
static gpointer test_hook_data;

static gboolean
errno_error (GError    **error,
             const char *path,
             int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("Cannot write “%s”: the disk is full"), name);
  else
    g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED,
                 /* Translators: the first %s is a file name, the second the system's reason */
                 _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Follows the symbolic links at @path to the file they end at (which need
 * not exist yet); a relative link is relative to its own folder. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0;; hops++)
    {
      GStatBuf st;
      g_autofree char *points_to = NULL;
      g_autoptr(GError) local = NULL;

      if (g_lstat (current, &st) != 0)
        {
          int saved_errno = errno;

          /* Nothing there (or a dangling link's end): the file is new. */
          if (saved_errno == ENOENT)
            return g_steal_pointer (&current);
          errno_error (error, path, saved_errno);
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if (hops == MAX_LINKS)
        {
          errno_error (error, path, ELOOP);
          return NULL;
        }
      points_to = g_file_read_link (current, &local);
      if (points_to == NULL)
        {
          g_autofree char *name = g_filename_display_name (path);
          g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED,
                       _("Cannot write “%s”: %s"), name, local->message);
          return NULL;
        }
      if (g_path_is_absolute (points_to))
        {
          g_free (current);
          current = g_steal_pointer (&points_to);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, points_to, NULL);
        }
    }
}

/* The target must be a plain file (or not exist), and not the input. */
static gboolean
check_target (PmdAtomicFile  *self,
              struct stat    *st,
              gboolean       *exists,
              GError        **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  *exists = FALSE;
  if (stat (self->target, st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return errno_error (error, self->path, errno);
    }
  *exists = TRUE;
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_DIRECTORY,
                   _("Cannot write “%s”: it is a folder"), name);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_NOT_REGULAR,
                   _("Cannot write “%s”: it is not an ordinary file (but a device, a pipe or a socket)"), name);
      return FALSE;
    }
  if (self->have_input && st->st_dev == self->input_dev && st->st_ino == self->input_ino)
    {
      g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_INPUT,
                   _("Cannot write “%s”: it is the file being read; choose another name"), name);
      return FALSE;
    }
  return TRUE;
}

/* ".NAME." for the target's temporary files. A very long name is cut, so
 * that the temporary file's name still fits in 255 bytes. */
static char *
temp_prefix (const char *target)
{
  g_autofree char *base = g_path_get_basename (target);

  if (strlen (base) > MAX_PREFIX_NAME)
    base[MAX_PREFIX_NAME] = '\0';
  return g_strconcat (".", base, ".", NULL);
}

/* ".NAME.XXXXXX.tmp", with the six characters g_mkstemp() puts there. */
static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  gsize n = strlen (prefix);

  if (strncmp (name, prefix, n) != 0 || strlen (name) != n + 6 + 4)
    return FALSE;
  for (guint k = 0; k < 6; k++)
    if (!g_ascii_isalnum (name[n + k]))
      return FALSE;
  return strcmp (name + n + 6, ".tmp") == 0;
}

/* Removes what crashed writers to the same target left behind. A file still
 * locked belongs to a writer that is alive and is left alone. */
static void
remove_stale_temps (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, prefix))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* Flushes the folder, so that the rename is on the disk too. Not every file
 * system can: the file itself is safe by now, so a failure is not reported. */
static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  while (fsync (fd) != 0 && errno == EINTR)
    ;
  close (fd);
}

void
_pmd_file_writer_set_test_hook (PmdFileWriterTestHook hook,
                                gpointer              user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

/**
 * pmd_atomic_file_begin:
 * @path: the file to write; a symbolic link is followed to the file it
 *   points to, which is then replaced while the link stays
 * @input_path: (nullable): a file being read, which is never written over,
 *   under whatever name it is given
 * @error: a folder, a device, the input, or why the temporary file could not
 *   be made (no permission, a missing folder)
 *
 * Creates the hidden temporary file beside the target, with the old file's
 * permissions (a new file gets 0666 less the umask) and, where allowed, its
 * owner and group. Write it with pmd_atomic_file_write(), or let a library
 * write to pmd_atomic_file_get_temp_path() and close it, then call
 * pmd_atomic_file_commit(). Freed without a commit, the temporary file is
 * removed and the target stays as it was.
 *
 * Returns: (transfer full) (nullable): the file being written
 */
PmdAtomicFile *
pmd_atomic_file_begin (const char  *path,
                       const char  *input_path,
                       GError     **error)
{
  g_autoptr(PmdAtomicFile) self = NULL;
  struct stat st, input;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED, _("No file name was given"));
      return NULL;
    }
  self = g_new0 (PmdAtomicFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  if ((self->target = resolve_links (path, error)) == NULL)
    return NULL;
  if (input_path != NULL && stat (input_path, &input) == 0)
    {
      self->have_input = TRUE;
      self->input_dev = input.st_dev;
      self->input_ino = input.st_ino;
    }
  if (!check_target (self, &st, &exists, error))
    return NULL;

  self->dir = g_path_get_dirname (self->target);
  self->prefix = temp_prefix (self->target);
  {
    g_autofree char *name = g_strconcat (self->prefix, "XXXXXX.tmp", NULL);
    self->temp_path = g_build_filename (self->dir, name, NULL);
  }
  /* A new file: open() applies the umask to 0666, as for any new file. An
   * old one: private until it has the old owner, then the old mode. */
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, exists ? 0600 : 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temp_path, g_free);
      errno_error (error, path, saved_errno);
      return NULL;
    }
  /* Tells writers cleaning up that this one is alive (see the top). */
  (void) flock (self->fd, LOCK_EX | LOCK_NB);
  if (exists)
    {
      /* Only root may give a file away; a member of the old group may still
       * keep the group. Neither is worth failing the save for. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) && fchown (self->fd, st.st_uid, st.st_gid) != 0)
        (void) !fchown (self->fd, (uid_t) -1, st.st_gid);
      if (fchmod (self->fd, st.st_mode & 07777) != 0)
        {
          errno_error (error, path, errno);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

/**
 * pmd_atomic_file_get_path:
 *
 * Returns: the path as given to pmd_atomic_file_begin()
 */
const char *
pmd_atomic_file_get_path (PmdAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/**
 * pmd_atomic_file_get_temp_path:
 *
 * The hidden temporary file, for a library that writes to a path itself
 * (cairo_surface_write_to_png()). It must have closed the file before
 * pmd_atomic_file_commit().
 *
 * Returns: (nullable): the temporary file's path, or %NULL once it is
 *   committed or aborted
 */
const char *
pmd_atomic_file_get_temp_path (PmdAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->fd >= 0 ? self->temp_path : NULL;
}

/**
 * pmd_atomic_file_get_fd:
 *
 * Returns: the temporary file's descriptor (owned by @self), or -1 once it
 *   is committed or aborted
 */
int
pmd_atomic_file_get_fd (PmdAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

/**
 * pmd_atomic_file_write:
 * @self: a file being written
 * @data: (array length=length): bytes to append
 * @length: their number
 * @error: a full disk, or another reason
 *
 * Appends @data to the temporary file, all of it (a write cut short or
 * interrupted by a signal goes on where it stopped). On failure the
 * temporary file is removed at once; the target is untouched.
 *
 * Returns: whether all of @data was written
 */
gboolean
pmd_atomic_file_write (PmdAtomicFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const guint8 *bytes = data;
  gsize done = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (done < length)
    {
      gsize chunk = MIN (length - done, (gsize) _PMD_FILE_WRITER_CHUNK);
      int failure = test_hook != NULL ? test_hook (self->written, test_hook_data) : 0;
      gssize n;

      if (failure != 0)
        {
          errno = failure;
          n = -1;
        }
      else
        n = write (self->fd, bytes + done, chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* write() returns 0 only when nothing more fits. */
          int saved_errno = n == 0 ? ENOSPC : errno;

          pmd_atomic_file_abort (self);
          return errno_error (error, self->path, saved_errno);
        }
      done += (gsize) n;
      self->written += (gsize) n;
    }
  return TRUE;
}

/**
 * pmd_atomic_file_commit:
 * @self: a file being written
 * @error: why the file could not take the target's place
 *
 * Flushes the temporary file to the disk and renames it over the target
 * (the file a link points to), flushes the folder, and removes temporary
 * files that earlier, interrupted writes to the same target left. On
 * failure the temporary file is removed and the target is untouched.
 *
 * Returns: whether the target now holds the new text
 */
gboolean
pmd_atomic_file_commit (PmdAtomicFile  *self,
                        GError        **error)
{
  struct stat st;
  gboolean exists;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Again: another program may have put something else there since. */
  if (!check_target (self, &st, &exists, error))
    {
      pmd_atomic_file_abort (self);
      return FALSE;
    }
  while (fsync (self->fd) != 0)
    if (errno != EINTR)
      {
        int saved_errno = errno;
        pmd_atomic_file_abort (self);
        return errno_error (error, self->path, saved_errno);
      }
  fd = self->fd;
  self->fd = -1;
  /* On Linux the descriptor is closed even when close() says EINTR. */
  if (close (fd) != 0 && errno != EINTR)
    {
      int saved_errno = errno;
      g_unlink (self->temp_path);
      return errno_error (error, self->path, saved_errno);
    }
  if (g_rename (self->temp_path, self->target) != 0)
    {
      int saved_errno = errno;
      g_unlink (self->temp_path);
      return errno_error (error, self->path, saved_errno);
    }
  self->committed = TRUE;
  sync_dir (self->dir);
  remove_stale_temps (self->dir, self->prefix);
  return TRUE;
}

/**
 * pmd_atomic_file_abort:
 * @self: a file being written
 *
 * Gives up: closes and removes the temporary file. The target stays as it
 * was. Does nothing after a commit or an earlier abort.
 */
void
pmd_atomic_file_abort (PmdAtomicFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->fd < 0)
    return;
  close (self->fd);
  self->fd = -1;
  if (!self->committed)
    g_unlink (self->temp_path);
}

/**
 * pmd_atomic_file_free:
 * @self: (transfer full) (nullable): a file being written
 *
 * Frees @self, aborting it first unless it was committed.
 */
void
pmd_atomic_file_free (PmdAtomicFile *self)
{
  if (self == NULL)
    return;
  pmd_atomic_file_abort (self);
  g_free (self->path);
  g_free (self->target);
  g_free (self->dir);
  g_free (self->prefix);
  g_free (self->temp_path);
  g_free (self);
}

/**
 * pmd_file_write_atomic:
 * @path: the file to write (a symbolic link is kept, its target replaced)
 * @data: (array length=length): the whole new text
 * @length: its length in bytes
 * @input_path: (nullable): the file being read, which must not be written over
 * @error: why the file was not written
 *
 * Writes @data to @path so that at every moment @path holds either the old
 * text or the new one, never part of it: see #PmdAtomicFile.
 *
 * Returns: whether @path now holds @data
 */
gboolean
pmd_file_write_atomic (const char  *path,
                       const void  *data,
                       gsize        length,
                       const char  *input_path,
                       GError     **error)
{
  g_autoptr(PmdAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = pmd_atomic_file_begin (path, input_path, error);
  return file != NULL &&
         pmd_atomic_file_write (file, data, length, error) &&
         pmd_atomic_file_commit (file, error);
}
