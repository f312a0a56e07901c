/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pmd-file-writer-private.h"
#include "pmd-scenario-file.h"

/* Each test works in a folder of its own, removed afterwards with all in it. */
typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("piramide-writer-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
put (const char *path,
     const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Writes into the file at @path itself (same inode), as a library given a
 * file name does: fopen (path, "wb"). */
static void
overwrite (const char *path,
           const char *text)
{
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (text, 1, strlen (text), file), ==, strlen (text));
  g_assert_cmpint (fclose (file), ==, 0);
}

static char *
get (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted bytewise and joined by spaces: ".b a c". */
static char *
listing (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static gboolean
is_link (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            const char  *input,
            GError     **error)
{
  return pmd_file_write_atomic (path, text, strlen (text), input, error);
}

/* A new file gets what any new file gets: 0666 less the umask. */
static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = path_in (f, "new.txt");
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (0);

  umask (mask);
  g_assert_true (write_text (path, "hello", NULL, &error));
  g_assert_no_error (error);
  text = get (path);
  g_assert_cmpstr (text, ==, "hello");
  g_assert_cmpuint (mode_of (path), ==, 0666 & ~mask);
  /* Nothing else in the folder: the temporary file became new.txt. */
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "new.txt");
}

/* An old file is replaced whole; its mode stays, also one the umask would
 * not give (0666 with the usual umask 022) and a private 0600. */
static void
test_mode_kept (Fixture       *f,
                gconstpointer  data)
{
  const guint modes[] = { 0600, 0640, 0666, 0444 };

  for (guint k = 0; k < G_N_ELEMENTS (modes); k++)
    {
      g_autofree char *path = path_in (f, "kept.txt");
      g_autofree char *text = NULL;
      g_autofree char *names = NULL;
      g_autoptr(GError) error = NULL;

      put (path, "old, and longer than the new text");
      g_assert_cmpint (g_chmod (path, modes[k]), ==, 0);
      g_assert_true (write_text (path, "new", NULL, &error));
      g_assert_no_error (error);
      text = get (path);
      g_assert_cmpstr (text, ==, "new");
      g_assert_cmpuint (mode_of (path), ==, modes[k]);
      names = listing (f->dir);
      g_assert_cmpstr (names, ==, "kept.txt");
      g_unlink (path);
    }
}

/* Root may give the new file the old one's owner and group, and does: a
 * file of another user, saved by an administrator, stays that user's. */
static void
test_owner_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (f, "theirs.piramide");
  g_autoptr(GError) error = NULL;
  const uid_t uid = 65534;
  const gid_t gid = 65534;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root may give a file to another user");
      return;
    }
  put (path, "old");
  g_assert_cmpint (chown (path, uid, gid), ==, 0);
  g_assert_true (write_text (path, "new", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, uid);
  g_assert_cmpuint (st.st_gid, ==, gid);
}

/* A link to an absolute path: the file it points to gets the new text, the
 * link stays a link pointing where it did. */
static void
test_symlink_kept (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *real = path_in (f, "real.piramide");
  g_autofree char *alias = path_in (f, "link.piramide");
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  put (real, "old");
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink (real, alias), ==, 0);
  g_assert_true (write_text (alias, "new", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (is_link (alias));
  target = g_file_read_link (alias, NULL);
  g_assert_cmpstr (target, ==, real);
  text = get (real);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpuint (mode_of (real), ==, 0600);
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "link.piramide real.piramide");
}

/* Relative links are relative to the link's folder, not to the current
 * folder, and a chain of them is followed to its end: links/b → a (in
 * links/) → ../data/real.txt, so data/real.txt gets the text, and the
 * temporary file was made in data/ (no stray file in links/). */
static void
test_symlink_relative_chain (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *links = path_in (f, "links");
  g_autofree char *store = path_in (f, "data");
  g_autofree char *real = g_build_filename (store, "real.txt", NULL);
  g_autofree char *a = g_build_filename (links, "a", NULL);
  g_autofree char *b = g_build_filename (links, "b", NULL);
  g_autofree char *a_target = NULL;
  g_autofree char *b_target = NULL;
  g_autofree char *text = NULL;
  g_autofree char *in_links = NULL;
  g_autofree char *in_store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (links, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (store, 0700), ==, 0);
  put (real, "old");
  g_assert_cmpint (symlink ("../data/real.txt", a), ==, 0);
  g_assert_cmpint (symlink ("a", b), ==, 0);

  g_assert_true (write_text (b, "new", NULL, &error));
  g_assert_no_error (error);
  text = get (real);
  g_assert_cmpstr (text, ==, "new");
  g_assert_true (is_link (a));
  g_assert_true (is_link (b));
  a_target = g_file_read_link (a, NULL);
  b_target = g_file_read_link (b, NULL);
  g_assert_cmpstr (a_target, ==, "../data/real.txt");
  g_assert_cmpstr (b_target, ==, "a");
  in_links = listing (links);
  in_store = listing (store);
  g_assert_cmpstr (in_links, ==, "a b");
  g_assert_cmpstr (in_store, ==, "real.txt");
}

/* A link to a file that does not exist yet: the file is made where the
 * link points, and the link then leads to it. */
static void
test_symlink_dangling (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *alias = path_in (f, "link");
  g_autofree char *real = path_in (f, "later.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("later.txt", alias), ==, 0);
  g_assert_true (write_text (alias, "made", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (is_link (alias));
  text = get (real);
  g_assert_cmpstr (text, ==, "made");
}

/* A loop of links is refused, not followed for ever. */
static void
test_symlink_loop (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = path_in (f, "a");
  g_autofree char *b = path_in (f, "b");
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b", a), ==, 0);
  g_assert_cmpint (symlink ("a", b), ==, 0);
  g_assert_false (write_text (a, "x", NULL, &error));
  g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED);
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "a b");
}

/* A folder is refused with a message naming it, and left as it was. */
static void
test_directory_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sub = path_in (f, "folder.piramide");
  g_autofree char *alias = path_in (f, "to-folder");
  g_autofree char *inside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) via_link = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_false (write_text (sub, "x", NULL, &error));
  g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, sub));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  inside = listing (sub);
  g_assert_cmpstr (inside, ==, "");

  /* Also when a link leads there. */
  g_assert_cmpint (symlink ("folder.piramide", alias), ==, 0);
  g_assert_false (write_text (alias, "x", NULL, &via_link));
  g_assert_error (via_link, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_DIRECTORY);
  g_assert_true (is_link (alias));
}

/* A device and a pipe are no files to replace: /dev/null stays the device
 * (replacing it would break the system for everyone), and a pipe is not
 * opened (that would wait for a reader for ever). */
static void
test_special_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "pipe");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fifo_error = NULL;
  GStatBuf st;

  /* Only while /dev/null is what it should be: a broken machine where it
   * is a plain file says nothing about the writer. */
  if (g_stat ("/dev/null", &st) == 0 && S_ISCHR (st.st_mode))
    {
      g_assert_false (write_text ("/dev/null", "x", NULL, &error));
      g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_NOT_REGULAR);
      g_assert_nonnull (strstr (error->message, "/dev/null"));
      g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
  else
    g_test_message ("/dev/null is not a device on this machine: not checked");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (write_text (fifo, "x", NULL, &fifo_error));
  g_assert_error (fifo_error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_NOT_REGULAR);
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* The file being read is never written over, whatever name leads to it:
 * the same path, another spelling, a link to it, a hard link to it. Each is
 * the same inode on the same device, so each is refused and the input keeps
 * its text. Another file may be written with the same input given. */
static void
test_input_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *input = path_in (f, "in.piramide");
  g_autofree char *spelled = g_build_filename (f->dir, ".", "in.piramide", NULL);
  g_autofree char *alias = path_in (f, "link.piramide");
  g_autofree char *hard = path_in (f, "hard.piramide");
  g_autofree char *other = path_in (f, "out.piramide");
  g_autofree char *text = NULL;
  g_autofree char *other_text = NULL;
  const char *names[] = { input, spelled, alias, hard };

  put (input, "the scenario");
  g_assert_cmpint (symlink ("in.piramide", alias), ==, 0);
  g_assert_cmpint (link (input, hard), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (write_text (names[k], "projection", input, &error));
      g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_INPUT);
      g_assert_nonnull (strstr (error->message, names[k]));
    }
  /* And the other way round: the input given by a link's name. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (write_text (input, "projection", alias, &error));
    g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_INPUT);
  }
  text = get (input);
  g_assert_cmpstr (text, ==, "the scenario");
  g_assert_true (is_link (alias));

  g_assert_true (write_text (other, "projection", input, NULL));
  other_text = get (other);
  g_assert_cmpstr (other_text, ==, "projection");
}

static int
fail_after_first_chunk_cb (gsize    written,
                           gpointer user_data)
{
  return written >= _PMD_FILE_WRITER_CHUNK ? GPOINTER_TO_INT (user_data) : 0;
}

/* A write that fails half-way (here a full disk after the first piece, as
 * the test hook makes it) says so, leaves the old file and no temporary
 * file. Three pieces of text: the second one fails. */
static void
test_failure_keeps_old (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (f, "s.piramide");
  gsize len = 3 * _PMD_FILE_WRITER_CHUNK;
  g_autofree char *big = g_malloc (len);
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) full = NULL;
  g_autoptr(GError) io = NULL;

  memset (big, 'x', len);
  put (path, "old");
  _pmd_file_writer_set_test_hook (fail_after_first_chunk_cb, GINT_TO_POINTER (ENOSPC));
  g_assert_false (pmd_file_write_atomic (path, big, len, NULL, &full));
  g_assert_error (full, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (full->message, "the disk is full"));
  g_assert_nonnull (strstr (full->message, path));

  _pmd_file_writer_set_test_hook (fail_after_first_chunk_cb, GINT_TO_POINTER (EIO));
  g_assert_false (pmd_file_write_atomic (path, big, len, NULL, &io));
  g_assert_error (io, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED);
  g_assert_nonnull (strstr (io->message, g_strerror (EIO)));
  _pmd_file_writer_set_test_hook (NULL, NULL);

  text = get (path);
  g_assert_cmpstr (text, ==, "old");
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "s.piramide");
}

/* A folder without write permission: the temporary file cannot be made,
 * the old file stays. Root may write anyway, so this needs a plain user. */
static void
test_readonly_folder (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = path_in (f, "s.piramide");
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write in a read-only folder");
      return;
    }
  put (path, "old");
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  g_assert_false (write_text (path, "new", NULL, &error));
  g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED);
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  text = get (path);
  g_assert_cmpstr (text, ==, "old");
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "s.piramide");
}

/* The folder disappears between begin and commit: the rename cannot
 * happen, and the commit says so instead of claiming success. */
static void
test_folder_removed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sub = path_in (f, "sub");
  g_autofree char *path = g_build_filename (sub, "s.piramide", NULL);
  g_autoptr(PmdAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  file = pmd_atomic_file_begin (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pmd_atomic_file_write (file, "new", 3, &error));
  g_assert_cmpint (g_unlink (pmd_atomic_file_get_temp_path (file)), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);
  g_assert_false (pmd_atomic_file_commit (file, &error));
  g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_FAILED);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
}

/* Temporary files of earlier, interrupted writes to the same target are
 * removed by the next successful one: exactly the names ".s.piramide." +
 * six letters or digits + ".tmp". Files of other targets, other shapes and
 * one still being written (locked, as a live writer holds it) stay. */
static void
test_stale_removed (Fixture       *f,
                    gconstpointer  data)
{
  const char *stale[] = { ".s.piramide.Ab12Cd.tmp", ".s.piramide.zzzzzz.tmp" };
  const char *kept[] = {
    ".s.piramide.Ab12C.tmp",     /* five characters */
    ".s.piramide.Ab12Cde.tmp",   /* seven */
    ".t.piramide.Ab12Cd.tmp",    /* another target */
    "s.piramide.Ab12Cd.tmp",     /* not hidden: not ours */
    ".s.piramide.Ab12Cd.tmp~",
  };
  g_autofree char *path = path_in (f, "s.piramide");
  g_autofree char *live = path_in (f, ".s.piramide.LIVE00.tmp");
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  int live_fd;

  put (path, "old");
  for (guint k = 0; k < G_N_ELEMENTS (stale); k++)
    {
      g_autofree char *p = path_in (f, stale[k]);
      put (p, "half");
    }
  for (guint k = 0; k < G_N_ELEMENTS (kept); k++)
    {
      g_autofree char *p = path_in (f, kept[k]);
      put (p, "other");
    }
  put (live, "being written");
  live_fd = open (live, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (live_fd, >=, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  g_assert_true (write_text (path, "new", NULL, NULL));
  text = get (path);
  g_assert_cmpstr (text, ==, "new");
  names = listing (f->dir);
  g_assert_cmpstr (names, ==,
                   ".s.piramide.Ab12C.tmp .s.piramide.Ab12Cd.tmp~ .s.piramide.Ab12Cde.tmp .s.piramide.LIVE00.tmp "
                   ".t.piramide.Ab12Cd.tmp s.piramide s.piramide.Ab12Cd.tmp");
  close (live_fd);
}

static int
stop_after_first_chunk_cb (gsize    written,
                           gpointer user_data)
{
  int *pipe_fds = user_data;

  if (written >= _PMD_FILE_WRITER_CHUNK)
    {
      char c = 'w';

      /* Tell the parent that a piece is on the disk, then wait to die. */
      if (write (pipe_fds[1], &c, 1) != 1)
        _exit (3);
      for (;;)
        pause ();
    }
  return 0;
}

/* A writer killed half-way (SIGKILL: no handler, no cleanup) leaves the
 * old file whole and one hidden temporary file holding the one piece it
 * wrote; the next save replaces the file and removes that stray. */
static void
test_killed_mid_write (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "s.piramide");
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stray = NULL;
  g_auto(GStrv) names = NULL;
  int pipe_fds[2];
  pid_t pid;
  char c;
  int status;
  GStatBuf st;

  put (path, "old");
  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gsize len = 4 * _PMD_FILE_WRITER_CHUNK;
      char *big = g_malloc (len);

      close (pipe_fds[0]);
      memset (big, 'n', len);
      _pmd_file_writer_set_test_hook (stop_after_first_chunk_cb, pipe_fds);
      pmd_file_write_atomic (path, big, len, NULL, NULL);
      _exit (2);   /* not reached: the hook waits for the kill */
    }
  close (pipe_fds[1]);
  g_assert_cmpint (read (pipe_fds[0], &c, 1), ==, 1);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (pipe_fds[0]);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  text = get (path);
  g_assert_cmpstr (text, ==, "old");
  before = listing (f->dir);
  names = g_strsplit (before, " ", -1);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_true (g_str_has_prefix (names[0], ".s.piramide."));
  g_assert_true (g_str_has_suffix (names[0], ".tmp"));
  g_assert_cmpstr (names[1], ==, "s.piramide");
  stray = path_in (f, names[0]);
  g_assert_cmpint (g_stat (stray, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, _PMD_FILE_WRITER_CHUNK);

  g_assert_true (write_text (path, "new", NULL, NULL));
  g_clear_pointer (&text, g_free);
  text = get (path);
  g_assert_cmpstr (text, ==, "new");
  after = listing (f->dir);
  g_assert_cmpstr (after, ==, "s.piramide");
}

/* For libraries that write to a path themselves: the temporary path is
 * hidden, beside the target, and takes the target's place on commit. An
 * abort (or a free without commit) removes it and keeps the old file. */
static void
test_begin_commit_abort (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (f, "chart.png");
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  put (path, "old");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  {
    g_autoptr(PmdAtomicFile) file = pmd_atomic_file_begin (path, NULL, &error);
    const char *temp;

    g_assert_no_error (error);
    temp = pmd_atomic_file_get_temp_path (file);
    dir = g_path_get_dirname (temp);
    base = g_path_get_basename (temp);
    g_assert_cmpstr (dir, ==, f->dir);
    g_assert_true (g_str_has_prefix (base, ".chart.png."));
    g_assert_true (g_str_has_suffix (base, ".tmp"));
    g_assert_cmpstr (pmd_atomic_file_get_path (file), ==, path);
    /* As cairo_surface_write_to_png() would: open by name, write, close. */
    overwrite (temp, "drawn");
    g_assert_true (pmd_atomic_file_commit (file, &error));
    g_assert_no_error (error);
    g_assert_null (pmd_atomic_file_get_temp_path (file));
    g_assert_cmpint (pmd_atomic_file_get_fd (file), ==, -1);
  }
  text = get (path);
  g_assert_cmpstr (text, ==, "drawn");
  g_assert_cmpuint (mode_of (path), ==, 0640);

  {
    g_autoptr(PmdAtomicFile) file = pmd_atomic_file_begin (path, NULL, &error);

    g_assert_true (pmd_atomic_file_write (file, "half", 4, &error));
    pmd_atomic_file_abort (file);
    g_assert_null (pmd_atomic_file_get_temp_path (file));
  }
  {
    g_autoptr(PmdAtomicFile) file = pmd_atomic_file_begin (path, NULL, &error);
    g_assert_true (pmd_atomic_file_write (file, "half", 4, &error));
    /* Freed here without a commit. */
  }
  g_clear_pointer (&text, g_free);
  text = get (path);
  g_assert_cmpstr (text, ==, "drawn");
  names = listing (f->dir);
  g_assert_cmpstr (names, ==, "chart.png");
}

/* Saving a scenario goes through the writer: a link to it stays a link. */
static void
test_scenario_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *real = path_in (f, "real.piramide");
  g_autofree char *alias = path_in (f, "link.piramide");
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(PmdScenario) back = NULL;

  g_assert_no_error (error);
  put (real, "old");
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.piramide", alias), ==, 0);
  g_assert_true (pmd_scenario_save_file (sc, alias, &error));
  g_assert_no_error (error);
  g_assert_true (is_link (alias));
  g_assert_cmpuint (mode_of (real), ==, 0600);
  back = pmd_scenario_load_file (real, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, sc->name);

  g_assert_false (pmd_scenario_save_file (sc, f->dir, &error));
  g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_IS_DIRECTORY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add ("/data/file-writer/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("new-file", test_new_file);
  ADD ("mode-kept", test_mode_kept);
  ADD ("owner-kept", test_owner_kept);
  ADD ("symlink-kept", test_symlink_kept);
  ADD ("symlink-relative-chain", test_symlink_relative_chain);
  ADD ("symlink-dangling", test_symlink_dangling);
  ADD ("symlink-loop", test_symlink_loop);
  ADD ("directory-refused", test_directory_refused);
  ADD ("special-refused", test_special_refused);
  ADD ("input-refused", test_input_refused);
  ADD ("failure-keeps-old", test_failure_keeps_old);
  ADD ("readonly-folder", test_readonly_folder);
  ADD ("folder-removed", test_folder_removed);
  ADD ("stale-removed", test_stale_removed);
  ADD ("killed-mid-write", test_killed_mid_write);
  ADD ("begin-commit-abort", test_begin_commit_abort);
  ADD ("scenario-save", test_scenario_save);
#undef ADD

  return g_test_run ();
}
