/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "pmd-library.h"
#include "pmd-library-sqlite.h"

static const char *small_json =
  "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"Klein scenario\", \"base_year\": 2026,"
  " \"horizon\": 2, \"layers\": [{\"id\": \"a\", \"name\": \"A\"}], \"domains\": [{\"id\": \"d\", \"name\": \"D\"}],"
  " \"lines\": [{\"id\": \"x\", \"name\": \"X\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 1000,"
  "             \"iv3\": \"6.6\"}]}\n";

#define WESTLAND "westland-2026-illustratief"
#define COUNCIL  "Raadsvoorstel begroting 2027"

/* Helpers */

static GBytes *
read_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "westland-2026.piramide", NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static char *
dup_db_path (void)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), "test.sqlite", NULL);
}

static char *
dup_file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

/* Runs SQL on a database file of "another program". */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static PmdLibrary *
open_with_small (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) small = g_bytes_new_static (small_json, strlen (small_json));
  PmdLibrary *lib = pmd_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pmd_library_add (lib, small, "klein", "start", NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  return lib;
}

static const PmdLibraryVersion *
version_at (GPtrArray *log,
            guint      i)
{
  return g_ptr_array_index (log, i);
}

/* Versions */

static void
test_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = pmd_library_open (NULL, &error);
  g_autoptr(GBytes) v1 = read_bundled ();
  g_autoptr(GBytes) v2 = NULL;
  g_autoptr(GBytes) small = g_bytes_new_static (small_json, strlen (small_json));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *default_path = pmd_library_dup_default_path ();
  g_autofree char *name = NULL;
  g_autofree char *sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, v1);
  const char *tags[] = { COUNCIL, NULL };
  const PmdLibraryScenario *s;
  GString *changed;
  int n = 0;

  g_assert_no_error (error);
  /* The default path is $XDG_DATA_HOME/piramide/bibliotheek.sqlite. */
  g_assert_true (g_str_has_suffix (default_path, "/piramide/bibliotheek.sqlite"));
  g_assert_true (g_file_test (default_path, G_FILE_TEST_IS_REGULAR));

  /* Version 1, named by a slug of the file's name. */
  n = pmd_library_add (lib, v1, NULL, NULL, NULL, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpstr (name, ==, WESTLAND);
  /* Version 2: other bytes (a trailing newline), a message and a tag. */
  changed = g_string_new_len (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));
  g_string_append (changed, "\n\n");
  v2 = g_string_free_to_bytes (changed);
  g_assert_cmpint (pmd_library_add (lib, v2, NULL, "Na de voorjaarsnota", tags, NULL, &error), ==, 2);
  g_assert_cmpint (pmd_library_add (lib, small, "klein", NULL, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);

  list = pmd_library_list (lib, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpstr (s->name, ==, "klein");
  g_assert_cmpstr (s->title, ==, "Klein scenario");
  g_assert_cmpuint (g_strv_length (s->tags), ==, 0);
  s = g_ptr_array_index (list, 1);
  g_assert_cmpstr (s->name, ==, WESTLAND);
  g_assert_cmpstr (s->title, ==, "Westland 2026 (illustratief)");
  g_assert_cmpuint (s->n_versions, ==, 2);
  g_assert_cmpint (s->latest, ==, 2);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", s->updated, 0, 0));
  g_assert_cmpstrv (s->tags, tags);

  log = pmd_library_log (lib, WESTLAND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpint (version_at (log, 0)->version, ==, 1);
  g_assert_cmpstr (version_at (log, 0)->message, ==, "");
  g_assert_cmpstr (version_at (log, 0)->author, ==, g_get_user_name ());
  g_assert_cmpstr (version_at (log, 0)->sha256, ==, sha1);
  g_assert_cmpuint (g_strv_length (version_at (log, 0)->tags), ==, 0);
  g_assert_cmpstr (version_at (log, 1)->message, ==, "Na de voorjaarsnota");
  g_assert_cmpstrv (version_at (log, 1)->tags, tags);

  /* The exact bytes, by number, by tag and the latest. */
  got = pmd_library_get (lib, WESTLAND "@1", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_true (g_bytes_equal (got, v1));
  g_clear_pointer (&got, g_bytes_unref);
  got = pmd_library_get (lib, WESTLAND "@" COUNCIL, &n, &error);
  g_assert_cmpint (n, ==, 2);
  g_assert_true (g_bytes_equal (got, v2));
  g_clear_pointer (&got, g_bytes_unref);
  got = pmd_library_get (lib, WESTLAND, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);
  g_assert_true (g_bytes_equal (got, v2));

  /* Tagging version 1 moves the tag there. */
  g_assert_true (pmd_library_tag (lib, WESTLAND "@1", COUNCIL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = pmd_library_log (lib, WESTLAND, &error);
  g_assert_cmpstrv (version_at (log, 0)->tags, tags);
  g_assert_cmpuint (g_strv_length (version_at (log, 1)->tags), ==, 0);

  /* Restoring version 1 adds its bytes as version 3. */
  g_assert_cmpint (pmd_library_restore (lib, WESTLAND "@" COUNCIL, NULL, &error), ==, 3);
  g_assert_no_error (error);
  g_clear_pointer (&got, g_bytes_unref);
  got = pmd_library_get (lib, WESTLAND "@3", NULL, &error);
  g_assert_true (g_bytes_equal (got, v1));
  g_clear_pointer (&log, g_ptr_array_unref);
  log = pmd_library_log (lib, WESTLAND, &error);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (version_at (log, 2)->message, ==, "Restored from version 1");
  g_assert_cmpstr (version_at (log, 2)->sha256, ==, sha1);
}

static void
test_version_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_db_path ();
  g_autoptr(PmdLibrary) lib = open_with_small (path);
  g_autoptr(GBytes) bad = g_bytes_new_static ("{\"format\": \"iets anders\"}", 25);
  struct { const char *ref; int code; } refs[] = {
    { "nope", PMD_LIBRARY_ERROR_NOT_FOUND },
    { "klein@9", PMD_LIBRARY_ERROR_NOT_FOUND },
    { "klein@geen-tag", PMD_LIBRARY_ERROR_NOT_FOUND },
    { "klein@0", PMD_LIBRARY_ERROR_INVALID },
    { "Klein Scenario", PMD_LIBRARY_ERROR_INVALID },
    { "klein@", PMD_LIBRARY_ERROR_INVALID },
    { "@1", PMD_LIBRARY_ERROR_INVALID },
  };
  const char *bad_tags[] = { "12", "a@b", " rand", "", "tab\there" };
  sqlite3 *db = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      g_autoptr(GBytes) got = pmd_library_get (lib, refs[i].ref, NULL, &error);

      g_assert_null (got);
      g_assert_error (error, PMD_LIBRARY_ERROR, refs[i].code);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_tags); i++)
    {
      g_assert_false (pmd_library_tag (lib, "klein@1", bad_tags[i], &error));
      g_assert_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_INVALID);
      g_clear_error (&error);
    }
  /* A file that is no scenario is not added. */
  g_assert_cmpint (pmd_library_add (lib, bad, "klein", NULL, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Not added to the library: "));
  g_clear_error (&error);

  /* A version is immutable, also to SQL from outside. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE version SET message = 'x'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM version", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_ref_parse (void)
{
  g_auto(PmdLibraryRef) ref = { 0 };
  g_autofree char *slug = pmd_library_slugify ("  Jeugd: 'Ravijnjaar' — € 3 mln, één keer!  ");
  g_autofree char *empty = pmd_library_slugify ("!!!");

  g_assert_true (pmd_library_ref_parse ("westland@12", &ref, NULL));
  g_assert_cmpstr (ref.name, ==, "westland");
  g_assert_cmpint (ref.version, ==, 12);
  g_assert_null (ref.tag);
  pmd_library_ref_clear (&ref);
  g_assert_true (pmd_library_ref_parse ("westland@Raadsvoorstel 2027", &ref, NULL));
  g_assert_cmpint (ref.version, ==, 0);
  g_assert_cmpstr (ref.tag, ==, "Raadsvoorstel 2027");
  pmd_library_ref_clear (&ref);
  g_assert_true (pmd_library_ref_parse ("westland", &ref, NULL));
  g_assert_cmpint (ref.version, ==, 0);
  g_assert_null (ref.tag);
  pmd_library_ref_clear (&ref);
  g_assert_false (pmd_library_ref_parse ("westland@99999999999", &ref, NULL));
  g_assert_null (ref.name);

  g_assert_cmpstr (slug, ==, "jeugd-ravijnjaar-eur-3-mln-een-keer");
  g_assert_cmpstr (empty, ==, "scenario");
}

/* Refusals: the file stays as it was */

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autofree char *before = dup_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = pmd_library_open (path, &error);

  g_assert_null (lib);
  g_assert_error (error, PMD_LIBRARY_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  after = dup_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = dup_db_path ();
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE later (x); PRAGMA application_id = %d; "
                                          "PRAGMA user_version = %d",
                                          PMD_LIBRARY_SQLITE_APPLICATION_ID,
                                          PMD_LIBRARY_SQLITE_SCHEMA_VERSION + 1);

  raw_exec (path, sql);
  assert_refused_unchanged (path, PMD_LIBRARY_ERROR_NEWER);
}

static void
test_foreign (void)
{
  g_autofree char *path = dup_db_path ();
  g_autofree char *path2 = g_build_filename (g_get_user_data_dir (), "other.sqlite", NULL);

  /* Another program's database: tables, no application_id. */
  raw_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a')");
  assert_refused_unchanged (path, PMD_LIBRARY_ERROR_FOREIGN);
  /* Another application_id, even without tables. */
  raw_exec (path2, "PRAGMA application_id = 1234; PRAGMA user_version = 1");
  assert_refused_unchanged (path2, PMD_LIBRARY_ERROR_FOREIGN);
}

static void
test_damaged (void)
{
  g_autofree char *path = dup_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  /* Not a database at all. */
  g_assert_true (g_file_set_contents (path, "post;jaar;bedrag\nx;2026;1\n" "0123456789abcdef"
                                      "0123456789abcdef0123456789abcdef0123456789abcdef"
                                      "0123456789abcdef0123456789abcdef", -1, NULL));
  assert_refused_unchanged (path, PMD_LIBRARY_ERROR_DAMAGED);

  /* A library whose pages after the first were overwritten. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  lib = open_with_small (path);
  g_clear_object (&lib);
  g_file_get_contents (path, &data, &size, NULL);
  g_assert_cmpuint (size, >, 4096);
  memset (data + 4096, 0xab, size - 4096);
  g_assert_true (g_file_set_contents (path, data, size, NULL));

  lib = pmd_library_open (path, &error);
  if (lib != NULL)
    {
      list = pmd_library_list (lib, &error);
      if (list != NULL)
        g_assert_false (pmd_library_check (lib, &error));
    }
  g_assert_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
}

/* The message is in the user's language. */
static void
test_dutch_message (void)
{
  const char *localedir = g_getenv ("PIRAMIDE_LOCALEDIR");
  g_autofree char *path = dup_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = NULL;

  g_autofree char *mo = localedir != NULL ? g_build_filename (localedir, "nl", "LC_MESSAGES",
                                                               GETTEXT_PACKAGE ".mo", NULL) : NULL;

  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("no nl_NL.UTF-8 locale or no translations built");
      return;
    }
  g_setenv ("LANGUAGE", "nl", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_true (g_file_set_contents (path, "geen database, maar een brief aan de raad", -1, NULL));
  lib = pmd_library_open (path, &error);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_assert_null (lib);
  g_assert_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is beschadigd of is geen database"));
}

/* Two processes */

static char *
dup_self (void)
{
  char *self = g_file_read_link ("/proc/self/exe", NULL);

  g_assert_nonnull (self);
  return self;
}

static GPid
spawn_child (const char *mode,
             const char *path,
             const char *count,
             int        *out_fd)
{
  g_autofree char *self = dup_self ();
  const char *argv[] = { self, mode, path, count, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

/* Each of two processes adds 100 versions at once: 200 versions. */
static void
test_two_processes (void)
{
  g_autofree char *path = dup_db_path ();
  g_autoptr(PmdLibrary) lib = open_with_small (path);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  GPid a, b;
  int status;

  a = spawn_child ("--child-add", path, "100", NULL);
  b = spawn_child ("--child-add", path, "100", NULL);
  status = wait_child (a);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  status = wait_child (b);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  log = pmd_library_log (lib, "klein", &error);
  g_assert_no_error (error);
  /* The one version added first, then 2 × 100. */
  g_assert_cmpuint (log->len, ==, 201);
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpint (version_at (log, i)->version, ==, i + 1);
  g_assert_true (pmd_library_check (lib, &error));
  g_assert_no_error (error);
}

/* A process killed during an import leaves all rows or none. */
static void
test_killed_import (void)
{
  g_autofree char *path = dup_db_path ();
  g_autoptr(PmdLibrary) lib = open_with_small (path);
  const guint delays_ms[] = { 5, 40, 120 };
  const guint n_rows = 150000;

  g_clear_object (&lib);
  for (guint k = 0; k < G_N_ELEMENTS (delays_ms); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = NULL;
      g_autofree char *count = g_strdup_printf ("%u", n_rows);
      g_autofree char *check = NULL;
      char line[16] = { 0 };
      int fd = -1, status;
      GPid pid = spawn_child ("--child-import", path, count, &fd);

      /* The child says when it starts the import. */
      g_assert_cmpint (read (fd, line, sizeof line - 1), >, 0);
      g_usleep (delays_ms[k] * 1000);
      kill (pid, SIGKILL);
      status = wait_child (pid);
      close (fd);
      g_test_message ("killed after %u ms: %s", delays_ms[k],
                      WIFSIGNALED (status) ? "during the import" : "after it had finished");

      lib = pmd_library_open (path, &error);
      g_assert_no_error (error);
      rows = pmd_library_get_actuals (lib, "klein", &error);
      g_assert_no_error (error);
      g_assert_true (rows->len == 0 || rows->len == n_rows);
      g_assert_true (pmd_library_check (lib, &error));
      g_assert_no_error (error);
      g_clear_object (&lib);
      check = raw_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
    }

  /* Not killed: all rows. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) rows = NULL;
    g_autofree char *count = g_strdup_printf ("%u", n_rows);
    int fd = -1;
    int status = wait_child (spawn_child ("--child-import", path, count, &fd));

    close (fd);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    lib = pmd_library_open (path, &error);
    rows = pmd_library_get_actuals (lib, "klein", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, n_rows);
  }
}

/* Actuals stored and read back; the same key again replaces. */
static void
test_actuals_round_trip (void)
{
  g_autofree char *path = dup_db_path ();
  g_autoptr(PmdLibrary) lib = open_with_small (path);
  g_autoptr(GArray) rows = pmd_realisation_array_new ();
  g_autoptr(GArray) again = pmd_realisation_array_new ();
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  const PmdRealisation *r;

  pmd_realisation_array_add (rows, "x", "6.6", 2026, 1, 1234567.89, FALSE);
  pmd_realisation_array_add (rows, "x", "6.6", 2026, 0, -0.01, TRUE);
  g_assert_true (pmd_library_import_actuals (lib, "klein", (PmdRealisation *) (void *) rows->data,
                                             rows->len, &error));
  pmd_realisation_array_add (again, "x", "6.6", 2026, 1, 1000, TRUE);
  g_assert_true (pmd_library_import_actuals (lib, "klein", (PmdRealisation *) (void *) again->data,
                                             again->len, &error));
  g_assert_no_error (error);
  got = pmd_library_get_actuals (lib, "klein", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 2);
  r = &g_array_index (got, PmdRealisation, 0);
  g_assert_cmpint (r->month, ==, 0);
  g_assert_cmpfloat (r->amount, ==, -0.01);
  g_assert_true (r->definitive);
  r = &g_array_index (got, PmdRealisation, 1);
  g_assert_cmpstr (r->line, ==, "x");
  g_assert_cmpstr (r->post, ==, "6.6");
  g_assert_cmpint (r->month, ==, 1);
  g_assert_cmpfloat (r->amount, ==, 1000);

  /* Unknown scenario: nothing stored. */
  g_assert_false (pmd_library_import_actuals (lib, "onbekend", (PmdRealisation *) (void *) rows->data,
                                              rows->len, &error));
  g_assert_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_NOT_FOUND);
}

/* Children */

static int
child_add (const char *path,
           guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = pmd_library_open (path, &error);
  g_autoptr(GBytes) small = g_bytes_new_static (small_json, strlen (small_json));

  for (guint i = 0; lib != NULL && i < n; i++)
    if (pmd_library_add (lib, small, "klein", "kind", NULL, NULL, &error) == 0)
      break;
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  return error != NULL ? 1 : 0;
}

static int
child_import (const char *path,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdLibrary) lib = pmd_library_open (path, &error);
  g_autoptr(GArray) rows = pmd_realisation_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *post = g_strdup_printf ("p%u", i);

      pmd_realisation_array_add (rows, "x", post, 2026, 1 + i % 12, i, FALSE);
    }
  printf ("go\n");
  fflush (stdout);
  if (lib == NULL
      || !pmd_library_import_actuals (lib, "klein", (PmdRealisation *) (void *) rows->data, rows->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child-add"))
    return child_add (argv[2], atoi (argv[3]));
  if (argc == 4 && g_str_equal (argv[1], "--child-import"))
    return child_import (argv[2], atoi (argv[3]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/library/versions", test_versions);
  g_test_add_func ("/data/library/version-errors", test_version_errors);
  g_test_add_func ("/data/library/ref-parse", test_ref_parse);
  g_test_add_func ("/data/library/newer-schema", test_newer_schema);
  g_test_add_func ("/data/library/foreign", test_foreign);
  g_test_add_func ("/data/library/damaged", test_damaged);
  g_test_add_func ("/data/library/dutch-message", test_dutch_message);
  g_test_add_func ("/data/library/two-processes", test_two_processes);
  g_test_add_func ("/data/library/killed-import", test_killed_import);
  g_test_add_func ("/data/library/actuals-round-trip", test_actuals_round_trip);

  return g_test_run ();
}
