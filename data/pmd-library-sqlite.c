/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pmd-library-sqlite.h"

/*
 * The library in one SQLite file (docs/library.md has the schema).
 *
 * Opening never changes a file it should refuse: a file that exists is
 * first opened read-only and its application_id and user_version checked;
 * only a Piramide library of a schema this program knows (or an empty
 * file) is then opened for writing and migrated, inside BEGIN IMMEDIATE,
 * checking again there, because another process may have migrated it
 * between the two opens. Every change is one transaction that takes the
 * write lock at its start (BEGIN IMMEDIATE), so two processes adding
 * versions wait for each other (busy timeout) instead of failing half way.
 */

/* Another process may hold the write lock for a large import. */
#define BUSY_TIMEOUT_MS 10000

struct _PmdLibrarySqlite
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

static void pmd_library_sqlite_iface_init (PmdLibraryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PmdLibrarySqlite, pmd_library_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PMD_TYPE_LIBRARY, pmd_library_sqlite_iface_init))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* migrations[v] brings a library from user_version v to v + 1. */
static const char *const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE scenario ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT NOT NULL UNIQUE,"
  "  title   TEXT NOT NULL,"
  "  latest  INTEGER NOT NULL DEFAULT 0,"   /* = the number of versions: they are never deleted */
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE version ("
  "  scenario_id INTEGER NOT NULL REFERENCES scenario (id),"
  "  number      INTEGER NOT NULL CHECK (number >= 1),"
  "  created     TEXT NOT NULL,"
  "  author      TEXT NOT NULL,"
  "  message     TEXT NOT NULL,"
  "  title       TEXT NOT NULL,"
  "  sha256      TEXT NOT NULL,"
  "  content     BLOB NOT NULL,"            /* last: a log reads no overflow pages */
  "  PRIMARY KEY (scenario_id, number)"
  ");"
  "CREATE TRIGGER version_immutable BEFORE UPDATE ON version"
  "  BEGIN SELECT RAISE (ABORT, 'a version is immutable'); END;"
  "CREATE TRIGGER version_kept BEFORE DELETE ON version"
  "  BEGIN SELECT RAISE (ABORT, 'a version is never deleted'); END;"
  "CREATE TABLE tag ("
  "  scenario_id INTEGER NOT NULL,"
  "  name        TEXT NOT NULL,"
  "  number      INTEGER NOT NULL,"
  "  created     TEXT NOT NULL,"
  "  PRIMARY KEY (scenario_id, name),"
  "  FOREIGN KEY (scenario_id, number) REFERENCES version (scenario_id, number)"
  ") WITHOUT ROWID;"
  "CREATE INDEX tag_version ON tag (scenario_id, number);"
  "CREATE TABLE actual ("
  "  scenario_id INTEGER NOT NULL REFERENCES scenario (id),"
  "  line        TEXT NOT NULL,"
  "  post        TEXT NOT NULL,"
  "  year        INTEGER NOT NULL,"
  "  month       INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),"  /* 0: the whole year */
  "  cents       INTEGER NOT NULL,"
  "  definitive  INTEGER NOT NULL CHECK (definitive IN (0, 1)),"
  "  imported    TEXT NOT NULL,"
  "  PRIMARY KEY (scenario_id, line, post, year, month)"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PMD_LIBRARY_SQLITE_SCHEMA_VERSION);

/* Errors */

static gboolean
set_sqlite_error (const char *path,
                  sqlite3    *db,
                  int         rc,
                  GError    **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_DAMAGED,
                   _("The library “%s” is damaged or is not a database (%s); it was not changed"),
                   path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FAILED,
                   _("The library “%s” stayed locked by another program for %d seconds; try again"),
                   path, BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_FULL:
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FAILED,
                   _("The disk is full: the library “%s” was not changed"), path);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FAILED,
                   _("The library “%s” cannot be opened or written (%s)"), path, detail);
      break;
    default:
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FAILED,
                   _("The library “%s” failed: %s"), path, detail);
      break;
    }
  return FALSE;
}

static gboolean
fail (PmdLibrarySqlite *self,
      int               rc,
      GError          **error)
{
  return set_sqlite_error (self->path, self->db, rc, error);
}

static gboolean
fail_not_found (GError    **error,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail_not_found (GError    **error,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_NOT_FOUND,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* Statements */

/* Binds ?1, ?2, … by @types: 't' text, 'i' int, 'l' gint64, 'b' GBytes. */
static int
bind_va (sqlite3_stmt *stmt,
         const char   *types,
         va_list       args)
{
  int rc = SQLITE_OK;

  for (int i = 0; types[i] != '\0' && rc == SQLITE_OK; i++)
    {
      gsize size;
      const void *data;
      GBytes *bytes;

      switch (types[i])
        {
        case 't':
          rc = sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_STATIC);
          break;
        case 'i':
          rc = sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
          break;
        case 'l':
          rc = sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'b':
          bytes = va_arg (args, GBytes *);
          data = g_bytes_get_data (bytes, &size);
          rc = sqlite3_bind_blob64 (stmt, i + 1, data != NULL ? data : "", size, SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return rc;
}

/* A statement ready to step, with its parameters bound; NULL with @error set. */
static sqlite3_stmt *
query_va (PmdLibrarySqlite *self,
          GError          **error,
          const char       *sql,
          const char       *types,
          va_list           args)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = bind_va (stmt, types, args);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

static sqlite3_stmt *
query (PmdLibrarySqlite *self,
       GError          **error,
       const char       *sql,
       const char       *types,
       ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = query_va (self, error, sql, types, args);
  va_end (args);
  return stmt;
}

/* SQLITE_ROW, SQLITE_DONE, or 0 with @error set. */
static int
step (PmdLibrarySqlite *self,
      sqlite3_stmt     *stmt,
      GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  fail (self, rc, error);
  return 0;
}

/* Runs a statement for its effect. */
static gboolean
run (PmdLibrarySqlite *self,
     GError          **error,
     const char       *sql,
     const char       *types,
     ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = query_va (self, error, sql, types, args);
  va_end (args);
  return stmt != NULL && step (self, stmt, error) != 0;
}

static gboolean
exec_sql (PmdLibrarySqlite *self,
          const char       *sql,
          GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || fail (self, rc, error);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

/* Transactions */

static gboolean
begin (PmdLibrarySqlite *self,
       GError          **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (PmdLibrarySqlite *self,
        GError          **error)
{
  return exec_sql (self, "COMMIT", error);
}

static void
rollback (PmdLibrarySqlite *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Opening */

typedef struct
{
  int application_id;
  int user_version;
  int n_tables;
} Identity;

static int
read_identity (sqlite3  *db,
               Identity *id)
{
  const char *sql[] = { "PRAGMA application_id", "PRAGMA user_version",
                        "SELECT count(*) FROM sqlite_master" };
  int *out[] = { &id->application_id, &id->user_version, &id->n_tables };
  int rc = SQLITE_OK;

  for (guint i = 0; i < G_N_ELEMENTS (sql) && rc == SQLITE_OK; i++)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out[i] = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  return rc;
}

/* A Piramide library of a schema this program knows, or an empty database. */
static gboolean
check_identity (const char     *path,
                const Identity *id,
                GError        **error)
{
  if (id->application_id != PMD_LIBRARY_SQLITE_APPLICATION_ID
      && (id->application_id != 0 || id->n_tables > 0))
    {
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FOREIGN,
                   _("“%s” is not a Piramide library but another program’s database; it was not "
                     "changed"),
                   path);
      return FALSE;
    }
  if (id->user_version > PMD_LIBRARY_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_NEWER,
                   _("The library “%s” was made by a newer Piramide (schema %d; this Piramide knows "
                     "up to %d). It was not changed: open it with a newer Piramide"),
                   path, id->user_version, PMD_LIBRARY_SQLITE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Checks an existing file without any chance of writing to it. */
static gboolean
probe_read_only (const char *path,
                 GError    **error)
{
  sqlite3 *db = NULL;
  Identity id = { 0 };
  gboolean ok;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = read_identity (db, &id);
  if (rc != SQLITE_OK)
    ok = set_sqlite_error (path, db, rc, error);
  else
    ok = check_identity (path, &id, error);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
migrate (PmdLibrarySqlite *self,
         GError          **error)
{
  Identity id = { 0 };
  g_autofree char *stamp = NULL;
  int rc = read_identity (self->db, &id);

  if (rc != SQLITE_OK)
    return fail (self, rc, error);
  if (id.application_id == PMD_LIBRARY_SQLITE_APPLICATION_ID
      && id.user_version == PMD_LIBRARY_SQLITE_SCHEMA_VERSION)
    return TRUE;
  if (!begin (self, error))
    return FALSE;
  rc = read_identity (self->db, &id);
  if (rc != SQLITE_OK)
    {
      rollback (self);
      return fail (self, rc, error);
    }
  if (!check_identity (self->path, &id, error))
    {
      rollback (self);
      return FALSE;
    }
  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                           PMD_LIBRARY_SQLITE_APPLICATION_ID, PMD_LIBRARY_SQLITE_SCHEMA_VERSION);
  for (int v = id.user_version; v < PMD_LIBRARY_SQLITE_SCHEMA_VERSION; v++)
    if (!exec_sql (self, migrations[v], error))
      {
        rollback (self);
        return FALSE;
      }
  if (!exec_sql (self, stamp, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_read_write (PmdLibrarySqlite *self,
                 GError          **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    return fail (self, rc, error);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* WAL: readers never wait for a writer, and a killed writer leaves the
   * database as it was before its transaction. FULL: a committed version
   * survives a power cut too. */
  return exec_sql (self, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                         "PRAGMA synchronous = FULL", error)
         && migrate (self, error);
}

/* Scenarios */

/* The scenario's id, and its latest version; 0 with @error set. */
static gint64
find_scenario (PmdLibrarySqlite *self,
               const char       *name,
               int              *latest,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = query (self, error, "SELECT id, latest FROM scenario WHERE name = ?1",
                                        "t", name);
  int rc = stmt != NULL ? step (self, stmt, error) : 0;

  if (rc == SQLITE_DONE)
    fail_not_found (error, _("The library has no scenario “%s”"), name);
  if (rc != SQLITE_ROW)
    return 0;
  if (latest != NULL)
    *latest = sqlite3_column_int (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
set_tag (PmdLibrarySqlite *self,
         gint64            scenario_id,
         int               number,
         const char       *tag,
         const char       *created,
         GError          **error)
{
  return run (self, error,
              "INSERT INTO tag (scenario_id, name, number, created) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT (scenario_id, name) DO UPDATE SET number = excluded.number, "
              "created = excluded.created",
              "ltit", scenario_id, tag, number, created);
}

static int
add_version_locked (PmdLibrarySqlite           *self,
                    const PmdLibraryNewVersion *v,
                    GError                    **error)
{
  gint64 id;
  int latest = 0;

  if (!run (self, error,
            "INSERT INTO scenario (name, title, latest, updated) VALUES (?1, ?2, 0, ?3) "
            "ON CONFLICT (name) DO NOTHING",
            "ttt", v->name, v->title, v->created))
    return 0;
  id = find_scenario (self, v->name, &latest, error);
  if (id == 0)
    return 0;
  latest++;
  if (!run (self, error,
            "INSERT INTO version (scenario_id, number, created, author, message, title, sha256, content) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            "litttttb", id, latest, v->created, v->author, v->message, v->title, v->sha256, v->content)
      || !run (self, error, "UPDATE scenario SET latest = ?2, title = ?3, updated = ?4 WHERE id = ?1",
               "litt", id, latest, v->title, v->created))
    return 0;
  for (guint i = 0; v->tags != NULL && v->tags[i] != NULL; i++)
    if (!set_tag (self, id, latest, v->tags[i], v->created, error))
      return 0;
  return latest;
}

static int
sqlite_add_version (PmdLibrary                 *library,
                    const PmdLibraryNewVersion *v,
                    GError                    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  int number;

  if (!begin (self, error))
    return 0;
  number = add_version_locked (self, v, error);
  if (number == 0 || !commit (self, error))
    {
      rollback (self);
      return 0;
    }
  return number;
}

/* Collects rows (key, tag) into a table key → GPtrArray of tags. */
static GHashTable *
collect_tags (PmdLibrarySqlite *self,
              sqlite3_stmt     *stmt,
              GError          **error)
{
  GHashTable *tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  int rc;

  while ((rc = step (self, stmt, error)) == SQLITE_ROW)
    {
      char *key = dup_column_text (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (tags, key);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (tags, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, dup_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    g_clear_pointer (&tags, g_hash_table_unref);
  return tags;
}

/* The tags collected for @key, as a new NULL-terminated array. */
static GStrv
steal_tags (GHashTable *tags,
            const char *key)
{
  GPtrArray *list = g_hash_table_lookup (tags, key);

  if (list == NULL)
    return g_new0 (char *, 1);
  g_ptr_array_add (list, NULL);
  g_ptr_array_set_free_func (list, NULL);
  return (GStrv) g_ptr_array_steal (list, NULL);
}

static GPtrArray *
sqlite_list (PmdLibrary *library,
             GError    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  g_autoptr(sqlite3_stmt) tag_stmt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_library_scenario_free);
  int rc;

  tag_stmt = query (self, error,
                    "SELECT s.name, t.name FROM tag t JOIN scenario s ON s.id = t.scenario_id "
                    "ORDER BY t.scenario_id, t.name", "");
  if (tag_stmt == NULL || (tags = collect_tags (self, tag_stmt, error)) == NULL)
    return NULL;
  stmt = query (self, error, "SELECT name, title, latest, updated FROM scenario ORDER BY name", "");
  if (stmt == NULL)
    return NULL;
  while ((rc = step (self, stmt, error)) == SQLITE_ROW)
    {
      PmdLibraryScenario *s = g_new0 (PmdLibraryScenario, 1);

      s->name = dup_column_text (stmt, 0);
      s->title = dup_column_text (stmt, 1);
      s->latest = sqlite3_column_int (stmt, 2);
      s->n_versions = s->latest;
      s->updated = dup_column_text (stmt, 3);
      s->tags = steal_tags (tags, s->name);
      g_ptr_array_add (items, s);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

static GPtrArray *
sqlite_log (PmdLibrary *library,
            const char *name,
            GError    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  g_autoptr(sqlite3_stmt) tag_stmt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_library_version_free);
  gint64 id = find_scenario (self, name, NULL, error);
  int rc;

  if (id == 0)
    return NULL;
  tag_stmt = query (self, error, "SELECT number, name FROM tag WHERE scenario_id = ?1 ORDER BY name",
                    "l", id);
  if (tag_stmt == NULL || (tags = collect_tags (self, tag_stmt, error)) == NULL)
    return NULL;
  stmt = query (self, error,
                "SELECT number, created, author, message, sha256, title FROM version "
                "WHERE scenario_id = ?1 ORDER BY number", "l", id);
  if (stmt == NULL)
    return NULL;
  while ((rc = step (self, stmt, error)) == SQLITE_ROW)
    {
      PmdLibraryVersion *v = g_new0 (PmdLibraryVersion, 1);
      g_autofree char *key = dup_column_text (stmt, 0);

      v->version = sqlite3_column_int (stmt, 0);
      v->created = dup_column_text (stmt, 1);
      v->author = dup_column_text (stmt, 2);
      v->message = dup_column_text (stmt, 3);
      v->sha256 = dup_column_text (stmt, 4);
      v->title = dup_column_text (stmt, 5);
      v->tags = steal_tags (tags, key);
      g_ptr_array_add (items, v);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

static int
sqlite_resolve (PmdLibrary          *library,
                const PmdLibraryRef *ref,
                GError             **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int latest = 0;
  gint64 id = find_scenario (self, ref->name, &latest, error);
  int rc;

  if (id == 0)
    return 0;
  if (ref->tag == NULL)
    {
      if (ref->version <= latest)
        return ref->version > 0 ? ref->version : latest;
      return fail_not_found (error, _("“%s” has no version %d: its latest is %d"),
                             ref->name, ref->version, latest);
    }
  stmt = query (self, error, "SELECT number FROM tag WHERE scenario_id = ?1 AND name = ?2",
                "lt", id, ref->tag);
  rc = stmt != NULL ? step (self, stmt, error) : 0;
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    fail_not_found (error, _("“%s” has no tag “%s”"), ref->name, ref->tag);
  return 0;
}

static GBytes *
sqlite_get (PmdLibrary *library,
            const char *name,
            int         version,
            GError    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  g_autoptr(sqlite3_stmt) stmt = query (self, error,
                                        "SELECT v.content FROM version v JOIN scenario s ON s.id = v.scenario_id "
                                        "WHERE s.name = ?1 AND v.number = ?2",
                                        "ti", name, version);
  int rc = stmt != NULL ? step (self, stmt, error) : 0;

  if (rc == SQLITE_DONE)
    fail_not_found (error, _("“%s” has no version %d"), name, version);
  if (rc != SQLITE_ROW)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

static gboolean
sqlite_tag (PmdLibrary *library,
            const char *name,
            int         version,
            const char *tag,
            const char *created,
            GError    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  gint64 id = find_scenario (self, name, NULL, error);

  return id != 0 && set_tag (self, id, version, tag, created, error);
}

/* Actuals */

static gboolean
import_locked (PmdLibrarySqlite     *self,
               const char           *name,
               const PmdRealisation *rows,
               guint                 n_rows,
               const char           *imported,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = find_scenario (self, name, NULL, error);

  if (id == 0)
    return FALSE;
  stmt = query (self, error,
                "INSERT OR REPLACE INTO actual (scenario_id, line, post, year, month, cents, definitive, imported) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", "");
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      const PmdRealisation *r = &rows[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, r->line, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, r->post != NULL ? r->post : r->line, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, r->year);
      sqlite3_bind_int (stmt, 5, r->month);
      sqlite3_bind_int64 (stmt, 6, (gint64) llround (r->amount * 100));
      sqlite3_bind_int (stmt, 7, r->definitive ? 1 : 0);
      sqlite3_bind_text (stmt, 8, imported, -1, SQLITE_STATIC);
      if (step (self, stmt, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_import_actuals (PmdLibrary           *library,
                       const char           *name,
                       const PmdRealisation *rows,
                       guint                 n_rows,
                       const char           *imported,
                       GError              **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);

  if (!begin (self, error))
    return FALSE;
  if (!import_locked (self, name, rows, n_rows, imported, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

static GArray *
sqlite_get_actuals (PmdLibrary *library,
                    const char *name,
                    GError    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 id = find_scenario (self, name, NULL, error);
  int rc;

  if (id == 0)
    return NULL;
  stmt = query (self, error,
                "SELECT line, post, year, month, cents, definitive FROM actual WHERE scenario_id = ?1 "
                "ORDER BY line, post, year, month", "l", id);
  if (stmt == NULL)
    return NULL;
  rows = pmd_realisation_array_new ();
  while ((rc = step (self, stmt, error)) == SQLITE_ROW)
    pmd_realisation_array_add (rows, (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                               sqlite3_column_int64 (stmt, 4) / 100.0,
                               sqlite3_column_int (stmt, 5) != 0);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

static gboolean
sqlite_check (PmdLibrary *library,
              GError    **error)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (library);
  g_autoptr(sqlite3_stmt) stmt = query (self, error, "PRAGMA integrity_check", "");
  g_autoptr(sqlite3_stmt) fk_stmt = NULL;
  g_autofree char *result = NULL;
  int rc = stmt != NULL ? step (self, stmt, error) : 0;

  if (rc != SQLITE_ROW)
    return FALSE;
  result = dup_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_DAMAGED,
                   _("The library “%s” is damaged (%s)"), self->path, result);
      return FALSE;
    }
  fk_stmt = query (self, error, "PRAGMA foreign_key_check", "");
  rc = fk_stmt != NULL ? step (self, fk_stmt, error) : 0;
  if (rc == SQLITE_ROW)
    g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_DAMAGED,
                 _("The library “%s” is damaged (%s)"), self->path, "foreign_key_check");
  return rc == SQLITE_DONE;
}

/* GObject */

static void
pmd_library_sqlite_finalize (GObject *object)
{
  PmdLibrarySqlite *self = PMD_LIBRARY_SQLITE (object);

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (pmd_library_sqlite_parent_class)->finalize (object);
}

static void
pmd_library_sqlite_class_init (PmdLibrarySqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pmd_library_sqlite_finalize;
}

static void
pmd_library_sqlite_init (PmdLibrarySqlite *self)
{
}

static void
pmd_library_sqlite_iface_init (PmdLibraryInterface *iface)
{
  iface->add_version = sqlite_add_version;
  iface->list = sqlite_list;
  iface->log = sqlite_log;
  iface->resolve = sqlite_resolve;
  iface->get = sqlite_get;
  iface->tag = sqlite_tag;
  iface->import_actuals = sqlite_import_actuals;
  iface->get_actuals = sqlite_get_actuals;
  iface->check = sqlite_check;
}

/**
 * pmd_library_sqlite_open:
 * @path: the database file; created, with its folder, when missing
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
PmdLibrary *
pmd_library_sqlite_open (const char *path,
                         GError    **error)
{
  g_autoptr(PmdLibrarySqlite) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!probe_read_only (path, error))
    return NULL;
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, PMD_LIBRARY_ERROR, PMD_LIBRARY_ERROR_FAILED,
                   _("The folder “%s” for the library cannot be made: %s"), dir, g_strerror (saved));
      return NULL;
    }
  self = g_object_new (PMD_TYPE_LIBRARY_SQLITE, NULL);
  self->path = g_strdup (path);
  if (!open_read_write (self, error))
    return NULL;
  return PMD_LIBRARY (g_steal_pointer (&self));
}

const char *
pmd_library_sqlite_get_path (PmdLibrarySqlite *self)
{
  g_return_val_if_fail (PMD_IS_LIBRARY_SQLITE (self), NULL);

  return self->path;
}
