/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Runs the real piramide binary, as a user or a script would. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
westland_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "westland-2026.piramide", NULL);
}

static void
run_env (Run                *r,
         const char *const  *extra_env,
         const char         *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("PIRAMIDE_BIN");
  va_list args;
  int wait_status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  for (guint i = 0; extra_env && extra_env[i]; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);

  memset (r, 0, sizeof *r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

#define run(r, ...) run_env (r, NULL, __VA_ARGS__, NULL)

/* Errors: exactly one line on stderr, starting with the program's name. */
static void
assert_one_line_error (const Run *r,
                       int        status)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "piramide: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  g_assert_cmpstr (r->out, ==, "");
}

static void
test_version_help (void)
{
  g_auto(Run) v = { 0 };
  g_auto(Run) h = { 0 };
  g_auto(Run) ph = { 0 };

  run (&v, "--version");
  g_assert_cmpint (v.status, ==, 0);
  g_assert_cmpstr (v.out, ==, "piramide " PACKAGE_VERSION "\n");
  run (&h, "--help");
  g_assert_cmpint (h.status, ==, 0);
  g_assert_nonnull (strstr (h.out, "project FILE"));
  g_assert_nonnull (strstr (h.out, "validate FILE"));
  run (&ph, "project", "--help");
  g_assert_cmpint (ph.status, ==, 0);
  g_assert_nonnull (strstr (ph.out, "--variant"));
  g_assert_nonnull (strstr (ph.out, "--format"));
}

static void
test_usage_errors (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };
  g_auto(Run) e = { 0 };

  run (&a, "frobnicate");
  assert_one_line_error (&a, 2);
  run (&b, "project");
  assert_one_line_error (&b, 2);
  run (&c, "project", file, "--format", "xml");
  assert_one_line_error (&c, 2);
  run (&d, "project", file, "--bogus");
  assert_one_line_error (&d, 2);
  run (&e, "validate", file, file);
  assert_one_line_error (&e, 2);
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static double
element (JsonObject *obj,
         const char *member,
         guint       i)
{
  return json_array_get_double_element (json_object_get_array_member (obj, member), i);
}

/* The structure of DESIGN.md §4, and its numbers agree with each other. */
static void
test_project_json (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *lines, *layers, *domains, *totals;
  JsonArray *years;
  g_autoptr(GList) keys = NULL;
  const char *expected_keys[] = { "years", "lines", "layers", "domains", "totals", "payback_year", "npv" };
  const char *total_keys[] = { "baseline", "scenario", "investment", "savings", "cumulative_savings", "funding", "gap" };
  double cumulative = 0;

  run (&r, "project", file, "--format", "json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  obj = parse_object (r.out, &root);

  keys = json_object_get_members (obj);
  g_assert_cmpuint (g_list_length (keys), ==, G_N_ELEMENTS (expected_keys));
  for (guint k = 0; k < G_N_ELEMENTS (expected_keys); k++)
    g_assert_cmpstr (g_list_nth_data (keys, k), ==, expected_keys[k]);

  years = json_object_get_array_member (obj, "years");
  g_assert_cmpuint (json_array_get_length (years), ==, 21);
  g_assert_cmpint (json_array_get_int_element (years, 0), ==, 2026);
  g_assert_cmpint (json_array_get_int_element (years, 20), ==, 2046);

  lines = json_object_get_object_member (obj, "lines");
  g_assert_cmpuint (json_object_get_size (lines), ==, 9);
  {
    JsonObject *wmo = json_object_get_object_member (lines, "wmo-maatwerk");
    JsonObject *bz = json_object_get_object_member (lines, "bestaanszekerheid");
    const char *line_keys[] = { "baseline", "scenario", "baseline_clients", "scenario_clients" };

    for (guint k = 0; k < G_N_ELEMENTS (line_keys); k++)
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (wmo, line_keys[k])), ==, 21);
    g_assert_cmpfloat (element (wmo, "baseline", 0), ==, 22800000);
    g_assert_cmpfloat (element (wmo, "baseline_clients", 0), ==, 4500);
    /* A line without clients: null in every year. */
    for (guint i = 0; i < 21; i++)
      g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (json_object_get_array_member (bz, "scenario_clients"), i)));
  }

  layers = json_object_get_object_member (obj, "layers");
  g_assert_cmpuint (json_object_get_size (layers), ==, 3);
  g_assert_cmpfloat_with_epsilon (element (json_object_get_object_member (layers, "zwaar"), "baseline", 0), 91300000, 1e-6);
  domains = json_object_get_object_member (obj, "domains");
  g_assert_cmpuint (json_object_get_size (domains), ==, 4);

  totals = json_object_get_object_member (obj, "totals");
  for (guint k = 0; k < G_N_ELEMENTS (total_keys); k++)
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (totals, total_keys[k])), ==, 21);
  /* 2026: 15,0 + 24,1 + 91,3 = € 130,4 mln; funding 130,4 − 3 = 127,4. */
  g_assert_cmpfloat_with_epsilon (element (totals, "baseline", 0), 130400000, 1e-6);
  g_assert_cmpfloat_with_epsilon (element (totals, "funding", 0), 127400000, 1e-6);
  for (guint i = 0; i < 21; i++)
    {
      double base = element (totals, "baseline", i);
      double scen = element (totals, "scenario", i);
      double sum_layers = 0;
      g_autoptr(GList) ids = json_object_get_members (layers);

      for (GList *l = ids; l; l = l->next)
        sum_layers += element (json_object_get_object_member (layers, l->data), "scenario", i);
      g_assert_cmpfloat_with_epsilon (sum_layers, scen, 1e-6);
      g_assert_cmpfloat_with_epsilon (element (totals, "savings", i), base - scen, 1e-6);
      cumulative += base - scen;
      g_assert_cmpfloat_with_epsilon (element (totals, "cumulative_savings", i), cumulative, 1e-6);
      g_assert_cmpfloat_with_epsilon (element (totals, "gap", i), scen - element (totals, "funding", i), 1e-6);
    }
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, "payback_year")));
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, "npv")));
}

/* --variant applies its overrides: "Niets doen" switches every
 * intervention off, so the scenario is the baseline and nothing pays back. */
static void
test_project_variant (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) r = { 0 };
  g_auto(Run) bad = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *totals;

  run (&r, "project", file, "--variant", "niets-doen");
  g_assert_cmpint (r.status, ==, 0);
  obj = parse_object (r.out, &root);
  totals = json_object_get_object_member (obj, "totals");
  for (guint i = 0; i < 21; i++)
    {
      g_assert_cmpfloat (element (totals, "savings", i), ==, 0);
      g_assert_cmpfloat (element (totals, "investment", i), ==, 0);
    }
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (obj, "payback_year")));
  g_assert_cmpfloat (json_object_get_double_member (obj, "npv"), ==, 0);

  run (&bad, "project", file, "--variant", "nope");
  assert_one_line_error (&bad, 1);
  g_assert_nonnull (strstr (bad.err, "nope"));
}

static void
test_project_csv (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) r = { 0 };
  g_auto(GStrv) rows = NULL;
  gboolean found = FALSE;

  run (&r, "project", file, "--format", "csv");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "\xEF\xBB\xBF"));
  rows = g_strsplit (r.out + 3, "\r\n", -1);
  /* A header, 21 years × 9 lines, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 21 * 9 + 1);
  g_assert_cmpstr (rows[0], ==, "year;line;name;layer;domain;baseline;scenario;baseline clients;scenario clients");
  for (guint i = 1; rows[i] && *rows[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], ";", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      /* Decimal comma, two decimals, no dot anywhere in the numbers. */
      g_assert_null (strchr (fields[5], '.'));
      g_assert_nonnull (strchr (fields[5], ','));
      if (g_str_equal (fields[0], "2026") && g_str_equal (fields[1], "wmo-maatwerk"))
        {
          g_assert_cmpstr (fields[5], ==, "22800000,00");
          g_assert_cmpstr (fields[7], ==, "4500,00");
          found = TRUE;
        }
      if (g_str_equal (fields[1], "bestaanszekerheid"))
        g_assert_cmpstr (fields[7], ==, "");
    }
  g_assert_true (found);
}

static void
test_project_out (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "p.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "p.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) fail = { 0 };

  run (&r, "project", file, "--out", out);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  parse_object (text, &root);

  run (&fail, "project", file, "--out", bad);
  assert_one_line_error (&fail, 1);
  g_remove (out);
  g_rmdir (dir);
}

static void
test_project_default_and_table (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) t = { 0 };

  run (&a, "project", "--default");
  run (&b, "project", file);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);

  run (&t, "project", "--default", "--format", "table");
  g_assert_cmpint (t.status, ==, 0);
  g_assert_nonnull (strstr (t.out, "Westland 2026 (illustratief)"));
  /* 2026 in € mln with a decimal comma: baseline 130,4, funding 127,4, gap 3,0. */
  g_assert_nonnull (strstr (t.out, "130,4"));
  g_assert_nonnull (strstr (t.out, "127,4"));
  g_assert_nonnull (strstr (t.out, "2046"));
}

static char *
write_temp (const char *name,
            const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_validate (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *westland = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *syntax = NULL;
  g_autofree char *bad_variant = NULL;
  g_autoptr(GString) text = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) neg = { 0 };
  g_auto(Run) syn = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) var = { 0 };

  run (&ok, "validate", file);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "9"));

  g_assert_true (g_file_get_contents (file, &westland, NULL, NULL));
  text = g_string_new (westland);
  g_string_replace (text, "\"base_cost\": 9000000", "\"base_cost\": -9000000", 1);
  negative = write_temp ("negative.piramide", text->str);
  run (&neg, "validate", negative);
  assert_one_line_error (&neg, 1);
  g_assert_nonnull (strstr (neg.err, "$.lines[0].base_cost"));
  g_assert_nonnull (strstr (neg.err, negative));

  g_string_assign (text, westland);
  g_string_replace (text, "\"base_cost\": 9000000", "\"base_cost\": 9000000,5", 1);
  syntax = write_temp ("syntax.piramide", text->str);
  run (&syn, "validate", syntax);
  assert_one_line_error (&syn, 1);
  g_assert_nonnull (strstr (syn.err, "line "));
  g_assert_nonnull (strstr (syn.err, "column "));

  run (&missing, "validate", "/nonexistent.piramide");
  assert_one_line_error (&missing, 1);

  /* A variant whose values break a rule makes the file invalid. */
  g_string_assign (text, westland);
  g_string_replace (text, "\"interventions.jeugd-lichter.fraction\": 0.2", "\"interventions.jeugd-lichter.fraction\": 2", 1);
  bad_variant = write_temp ("variant.piramide", text->str);
  run (&var, "validate", bad_variant);
  assert_one_line_error (&var, 1);
  g_assert_nonnull (strstr (var.err, "preventie-offensief"));
  g_assert_nonnull (strstr (var.err, "fraction"));
}

/* Counts read as counts: one intervention and one variant in the singular,
 * two lines in the plural, in English and in Dutch ("1 maatregel"). */
static void
test_validate_counts (void)
{
  const char *dutch[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *file = write_temp ("one.piramide",
    "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"Een\", \"base_year\": 2026, \"horizon\": 2,"
    " \"layers\": [{\"id\": \"a\", \"name\": \"A\"}], \"domains\": [{\"id\": \"d\", \"name\": \"D\"}],"
    " \"lines\": [{\"id\": \"x\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 1000},"
    "             {\"id\": \"y\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 0}],"
    " \"interventions\": [{\"id\": \"i\", \"name\": \"I\", \"type\": \"shift\", \"source\": \"x\", \"target\": \"y\","
    "                     \"fraction\": 0.1, \"cost_ratio\": 0.5, \"start\": 2027}],"
    " \"variants\": [{\"id\": \"v\", \"name\": \"V\", \"overrides\": {\"interventions.i.enabled\": 0}}]}");
  g_autofree char *expected = g_strdup_printf ("%s: valid (2 cost lines, 1 intervention, 1 variant)\n", file);
  g_autofree char *expected_nl = g_strdup_printf ("%s: geldig (2 posten, 1 maatregel, 1 variant)\n", file);
  g_auto(Run) r = { 0 };
  g_auto(Run) nl = { 0 };

  run (&r, "validate", file);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected);
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("nl_NL.UTF-8 locale not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  run_env (&nl, dutch, "validate", file, NULL);
  g_assert_cmpint (nl.status, ==, 0);
  g_assert_cmpstr (nl.out, ==, expected_nl);
}

/* explain: the gap of a file worked out by hand, as JSON and in Dutch
 * words. One line of € 1.000 growing 10% a year: 1.000 × 1,1² = 1.210 in
 * 2028; funding 900; gap 310. */
/* The @i-th of a node's children in an explanation. */
static JsonObject *
child (JsonObject *obj,
       const char *member,
       guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (obj, member), i);
}

static void
test_explain (void)
{
  const char *dutch[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *file = write_temp ("explain.piramide",
    "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"Uitleg\", \"base_year\": 2026, \"horizon\": 2,"
    " \"layers\": [{\"id\": \"a\", \"name\": \"A\"}], \"domains\": [{\"id\": \"d\", \"name\": \"D\"}],"
    " \"lines\": [{\"id\": \"x\", \"name\": \"X\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 1000,"
    "             \"growth\": 0.1, \"sources\": {\"growth\": \"aanname: tien procent\"}}],"
    " \"funding\": {\"base\": 900, \"source\": \"Begroting\"}}");
  g_auto(Run) r = { 0 };
  g_auto(Run) nl = { 0 };
  g_auto(Run) bad = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *total, *line, *growth, *funding;

  run (&r, "explain", file, "--output", "totals.gap", "--year", "2028", "--format", "json");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_object (r.out, &node);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "value"), 310, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (root, "unit"), ==, "euro");
  total = child (root, "children", 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (total, "value"), 1210, 1e-9);
  line = child (child (total, "children", 0), "children", 0);
  growth = child (line, "children", 1);
  g_assert_cmpstr (json_object_get_string_member (growth, "path"), ==, "lines.x.growth");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (growth, "value"), 210, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (growth, "source"), ==, "aanname: tien procent");
  g_assert_true (json_object_get_boolean_member (growth, "assumption"));
  funding = child (root, "children", 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (funding, "value"), -900, 1e-9);
  g_assert_false (json_object_get_boolean_member (child (funding, "children", 0), "assumption"));

  run (&bad, "explain", file, "--output", "totals.baseline", "--year", "2028");
  assert_one_line_error (&bad, 1);
  g_assert_nonnull (strstr (bad.err, "totals.baseline"));

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("nl_NL.UTF-8 locale not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  run_env (&nl, dutch, "explain", file, "--output", "totals.gap", "--year", "2028", NULL);
  g_assert_cmpint (nl.status, ==, 0);
  g_assert_true (g_str_has_prefix (nl.out, "Tekort in 2028: € 310, opgebouwd uit:\n"));
  g_assert_nonnull (strstr (nl.out, "      - Volumegroei: € 210 (invoer: 10,0%); aanname: tien procent\n"));
  g_assert_nonnull (strstr (nl.out, "\n- Min de middelen in 2028: € −900\n"));
}

/* The table for people gives every header the width it needs: the layer
 * names of Westland in full ("Sociale basis en bestaanszekerheid", 34
 * characters, was cut to "Sociale basi…"), and every line as wide as the
 * header line. */
static void
test_table_headers (void)
{
  g_auto(Run) t = { 0 };
  g_auto(GStrv) lines = NULL;
  glong width;

  run (&t, "project", "--default", "--format", "table");
  g_assert_cmpint (t.status, ==, 0);
  g_assert_null (strstr (t.out, "…"));
  lines = g_strsplit (t.out, "\n", 0);
  g_assert_true (g_str_has_prefix (lines[3], "Year  Sociale basis en bestaanszekerheid  Laagdrempelige ondersteuning  "
                                             "Geïndiceerde zorg  Baseline  Scenario  Funding   Gap  Cum. savings"));
  width = g_utf8_strlen (lines[3], -1);
  for (guint i = 4; i < 4 + 21; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, width);
  g_assert_true (g_str_has_prefix (lines[4], "2026                                15,0"));
}

/* With a Dutch locale the user reads Dutch, numbers keep their Dutch form. */
static void
test_dutch (void)
{
  const char *env[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *file = westland_path ();
  g_autofree char *westland = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GString) text = NULL;
  g_auto(Run) t = { 0 };
  g_auto(Run) v = { 0 };
  g_auto(Run) j = { 0 };
  g_auto(Run) j_c = { 0 };

  if (!g_file_test ("/usr/lib/locale/locale-archive", G_FILE_TEST_EXISTS) ||
      setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("nl_NL.UTF-8 locale not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  run_env (&t, env, "project", "--default", "--format", "table", NULL);
  g_assert_cmpint (t.status, ==, 0);
  g_assert_nonnull (strstr (t.out, "Projectie 2026–2046"));
  g_assert_nonnull (strstr (t.out, "Tekort"));
  g_assert_nonnull (strstr (t.out, "130,4"));

  g_assert_true (g_file_get_contents (file, &westland, NULL, NULL));
  text = g_string_new (westland);
  g_string_replace (text, "\"horizon\": 20", "\"horizon\": 200", 1);
  bad = write_temp ("horizon.piramide", text->str);
  run_env (&v, env, "validate", bad, NULL);
  assert_one_line_error (&v, 1);
  g_assert_nonnull (strstr (v.err, "$.horizon: moet tussen 0 en 100 jaar liggen (gevonden: 200)"));

  /* A message's number the Dutch way (it was "1.2" and accepted): an
   * elasticity is a share from 0 to 1. */
  {
    g_autofree char *share = NULL;
    g_auto(Run) e = { 0 };

    g_string_assign (text, westland);
    g_assert_cmpuint (g_string_replace (text, "\"elasticity\": 1,", "\"elasticity\": 1.2,", 1), ==, 1);
    share = write_temp ("elasticity.piramide", text->str);
    run_env (&e, env, "validate", share, NULL);
    assert_one_line_error (&e, 1);
    g_assert_nonnull (strstr (e.err, "$.lines[0].elasticity: moet tussen 0 en 1 liggen (gevonden: 1,2)"));
  }

  /* JSON numbers never take the locale's decimal comma. */
  run_env (&j, env, "project", file, NULL);
  run (&j_c, "project", file);
  g_assert_cmpstr (j.out, ==, j_c.out);
}

/* All five chart kinds and the report, from the command line. */
/* The variants chart compares the scenario as written with each variant,
 * whichever --variant is shown: with --variant niets-doen it is the same
 * picture, to the byte (it used to build "As written" from the scenario
 * with niets-doen applied). */
static void
test_variants_as_written (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.svg", NULL);
  g_autofree char *shown = g_build_filename (dir, "shown.svg", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };

  run (&r1, "chart", file, "--kind", "variants", "--out", plain);
  run (&r2, "chart", file, "--kind", "variants", "--variant", "niets-doen", "--out", shown);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_true (g_file_get_contents (plain, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (shown, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_remove (plain);
  g_remove (shown);
  g_rmdir (dir);
}

static void
test_chart_and_report (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  const char *kinds[] = { "curves", "pyramid", "bridge", "savings", "variants" };
  const char *extensions[] = { "png", "svg", "pdf" };
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_auto(Run) rep = { 0 };
  g_auto(Run) bad_kind = { 0 };
  g_auto(Run) bad_ext = { 0 };
  g_auto(Run) bad_year = { 0 };
  g_auto(Run) no_out = { 0 };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], extensions[e]);
        g_autofree char *out = g_build_filename (dir, name, NULL);
        g_auto(Run) r = { 0 };
        GStatBuf st;

        run (&r, "chart", file, "--kind", kinds[k], "--year", "2040", "--out", out, "--width", "640", "--height", "400");
        g_assert_cmpint (r.status, ==, 0);
        g_assert_cmpstr (r.err, ==, "");
        g_assert_cmpint (g_stat (out, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 1000);
        g_remove (out);
      }

  run (&rep, "report", file, "--out", report, "--variant", "preventie-offensief");
  g_assert_cmpint (rep.status, ==, 0);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  g_remove (report);

  run (&bad_kind, "chart", file, "--kind", "pie", "--out", png);
  assert_one_line_error (&bad_kind, 2);
  run (&bad_ext, "chart", file, "--kind", "curves", "--out", gif);
  assert_one_line_error (&bad_ext, 2);
  run (&bad_year, "chart", file, "--kind", "pyramid", "--year", "2100", "--out", png);
  assert_one_line_error (&bad_year, 1);
  g_assert_nonnull (strstr (bad_year.err, "2100"));
  run (&no_out, "report", file);
  assert_one_line_error (&no_out, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* montecarlo --format text: the sentences of a seeded run, in Dutch, with
 * the numbers of the same run's JSON. P10 and P90 of the gap in 2030,
 * rounded to the power of ten at most a tenth of their distance. */
static void
test_montecarlo_text (void)
{
  const char *dutch[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *file = westland_path ();
  g_auto(Run) j = { 0 };
  g_auto(Run) t = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *gap;
  double p10, p90, step;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("nl_NL.UTF-8 locale not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  run (&j, "montecarlo", file, "--runs", "1000", "--seed", "3", "--format", "json");
  g_assert_cmpint (j.status, ==, 0);
  gap = json_object_get_object_member (json_object_get_object_member (parse_object (j.out, &root), "percentiles"),
                                       "gap");
  p10 = json_array_get_double_element (json_object_get_array_member (gap, "10"), 4);
  p90 = json_array_get_double_element (json_object_get_array_member (gap, "90"), 4);
  g_assert_cmpfloat (p10, >, 0);
  step = pow (10, floor (log10 ((p90 - p10) / 10)));
  g_assert_cmpfloat (step, ==, 1e5);
  /* "€ 3,6 mln": tenths of a million, written out by hand. */
  lo = g_strdup_printf ("€ %d,%d mln", (int) (round (p10 / step) / 10), (int) fmod (round (p10 / step), 10));
  hi = g_strdup_printf ("€ %d,%d mln", (int) (round (p90 / step) / 10), (int) fmod (round (p90 / step), 10));
  expected = g_strdup_printf ("In 8 van de 10 doorrekeningen ligt het tekort in 2030 tussen %s en %s.", lo, hi);

  run_env (&t, dutch, "montecarlo", file, "--runs", "1000", "--seed", "3", "--format", "text", "--year", "2030", NULL);
  g_assert_cmpint (t.status, ==, 0);
  g_test_message ("%s", t.out);
  lines = g_strsplit (t.out, "\n", 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, expected);
  /* The chance: the share of runs short in 2030, from the JSON, in whole
   * percents (1.000 runs). */
  {
    JsonObject *obj = json_node_get_object (root);
    double share = json_array_get_double_element (json_object_get_array_member (obj, "p_gap_positive"), 4);
    g_autofree char *chance = share >= 1.0 ? g_strdup ("Alle 1.000 doorrekeningen geven in 2030 een tekort.")
                                           : g_strdup_printf ("De kans op een tekort in 2030 is %d%%.",
                                                              (int) CLAMP (round (share * 100), 1, 99));

    g_assert_cmpstr (lines[1], ==, chance);
  }
  g_assert_true (g_str_has_prefix (lines[2], "De kans dat de maatregelen zich uiterlijk in "));
  g_assert_true (g_str_has_prefix (lines[3], "De aanname die de uitkomst het meest beweegt is “"));
  g_assert_cmpstr (lines[4], ==, "");
}

/* The uncertainty commands on the bundled scenario. */
static void
test_uncertainty_commands (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) s = { 0 };
  g_auto(Run) g = { 0 };
  g_auto(Run) none = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) sroot = NULL;
  JsonObject *obj, *pct;
  JsonArray *params;
  g_autofree char *check = NULL;

  run (&a, "montecarlo", file, "--runs", "500", "--seed", "5", "--format", "json");
  run (&b, "montecarlo", file, "--runs", "500", "--seed", "5");
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
  obj = parse_object (a.out, &root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "years")), ==, 21);
  pct = json_object_get_object_member (obj, "percentiles");
  for (const char *const *k = (const char *const[]) { "total", "gap", "savings", NULL }; *k; k++)
    {
      JsonObject *series = json_object_get_object_member (pct, *k);
      for (guint t = 0; t < 21; t++)
        {
          double p10 = json_array_get_double_element (json_object_get_array_member (series, "10"), t);
          double p50 = json_array_get_double_element (json_object_get_array_member (series, "50"), t);
          double p90 = json_array_get_double_element (json_object_get_array_member (series, "90"), t);
          g_assert_cmpfloat (p10, <=, p50);
          g_assert_cmpfloat (p50, <=, p90);
        }
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "p_gap_positive")), ==, 21);
  g_assert_true (json_object_has_member (json_object_get_object_member (obj, "payback_year"), "never"));

  run (&s, "sensitivity", file, "--output", "totals.gap", "--year", "2040", "--format", "json");
  g_assert_cmpint (s.status, ==, 0);
  obj = parse_object (s.out, &sroot);
  params = json_object_get_array_member (obj, "parameters");
  g_assert_cmpuint (json_array_get_length (params), ==, 7);
  for (guint i = 1; i < json_array_get_length (params); i++)
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (params, i - 1), "swing"), >=,
                       json_object_get_double_member (json_array_get_object_element (params, i), "swing"));

  /* The share of youth moved to light help that brings the 2040 gap to
   * € 20 mln; put back into the file and projected, the gap is € 20 mln.
   * JSON carries the full double for programs. Without --low and --high
   * a share is searched from 0 to 1 (its range in the file, 2–20%, is how
   * uncertain the estimate is, not what may be decided). */
  run (&g, "goalseek", file, "--param", "interventions.jeugd-lichter.fraction", "--output", "totals.gap",
       "--year", "2040", "--target", "20 mln", "--format", "json");
  g_assert_cmpint (g.status, ==, 0);
  {
    g_autofree char *westland = NULL;
    g_autoptr(GString) text = NULL;
    g_autoptr(JsonNode) groot = NULL;
    char fraction[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *changed = NULL;
    g_auto(Run) p = { 0 };
    g_autoptr(JsonNode) proot = NULL;
    JsonObject *totals;

    g_ascii_dtostr (fraction, sizeof fraction,
                    json_object_get_double_member (parse_object (g.out, &groot), "value"));
    g_assert_true (g_file_get_contents (file, &westland, NULL, NULL));
    text = g_string_new (westland);
    check = g_strdup_printf ("\"fraction\": %s,", fraction);
    g_assert_cmpuint (g_string_replace (text, "\"fraction\": 0.1,", check, 1), ==, 1);
    /* The file's range [0.02, 0.2] must still hold the new value. */
    g_string_replace (text, "\"interventions.jeugd-lichter.fraction\": [0.02, 0.2],", "", 1);
    changed = write_temp ("goal.piramide", text->str);
    run (&p, "project", changed);
    g_assert_cmpint (p.status, ==, 0);
    totals = json_object_get_object_member (parse_object (p.out, &proot), "totals");
    g_assert_cmpfloat_with_epsilon (element (totals, "gap", 14), 20000000, 1.0);
  }

  run (&none, "goalseek", file, "--param", "interventions.preventie-ouderen.amount", "--output", "totals.gap",
       "--year", "2030", "--target", "0", "--low", "0", "--high", "20000000");
  assert_one_line_error (&none, 1);
  g_assert_nonnull (strstr (none.err, "no value"));
  /* For people the answer is the Dutch number, one line: the same share
   * as above to ten digits, "0,2…". */
  {
    g_auto(Run) t = { 0 };

    run (&t, "goalseek", file, "--param", "interventions.jeugd-lichter.fraction", "--output", "totals.gap",
         "--year", "2040", "--target", "20 mln", "--low", "0", "--high", "1");
    g_assert_cmpint (t.status, ==, 0);
    g_assert_true (g_str_has_prefix (t.out, "0,"));
    g_assert_true (g_str_has_suffix (t.out, "\n"));
    g_assert_null (strchr (t.out, '.'));
    g_assert_cmpstr (t.err, ==, "");
  }
}

/* Every numeric option follows the one rule for decimal separators (see
 * `piramide --help` and pmd_parse_number()). The goal seek's echo of its
 * target shows how each text was read; by hand:
 *   "20.000.000"      groups 20|000|000            → 20000000
 *   "20.000.000,25"   groups, then a decimal comma → 20000000,25
 *   "20 mln"          20 × 10⁶                     → 20000000
 *   "0,02 mld"        0,02 × 10⁹                   → 20000000
 *   "2,0e7"           not a number here            → refused */
static void
test_numbers (void)
{
  g_autofree char *file = westland_path ();
  static const struct { const char *text; double target; } targets[] = {
    { "20.000.000", 20000000 }, { "20.000.000,25", 20000000.25 }, { "20 mln", 20000000 }, { "0,02 mld", 20000000 },
  };
  static const char *const refused[] = { "1.50.0", "1,2,3", "0.500.000", "1,5.3", "2,0e7" };

  for (guint k = 0; k < G_N_ELEMENTS (targets); k++)
    {
      g_auto(Run) r = { 0 };
      g_autoptr(JsonNode) root = NULL;

      run (&r, "goalseek", file, "--param", "interventions.jeugd-lichter.fraction", "--output", "totals.gap",
           "--year", "2040", "--target", targets[k].text, "--low", "0", "--high", "1", "--format", "json");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpfloat (json_object_get_double_member (parse_object (r.out, &root), "target"), ==, targets[k].target);
    }

  /* --high 0.500 is a half (a number starting with 0 has no thousands), as
   * 0,5 is: no share from 0 to 0,5 brings the 2040 gap to € 1.000 mld, and
   * the message says so with the range as read, the Dutch way. It was read
   * as 500 ("between 0 and 500 … to 1e+12"). */
  for (const char *const *high = (const char *const[]) { "0.500", "0,5", "0.5", NULL }; *high; high++)
    {
      g_auto(Run) r = { 0 };

      run (&r, "goalseek", file, "--param", "interventions.jeugd-lichter.fraction", "--output", "totals.gap",
           "--year", "2040", "--target", "1000 mld", "--low", "0", "--high", *high);
      assert_one_line_error (&r, 1);
      g_assert_nonnull (strstr (r.err, "between 0 and 0,5 brings totals.gap in 2040 to 1.000.000.000.000;"));
      g_assert_null (strstr (r.err, "e+"));
    }

  /* Groups of other than three digits and a second comma are refused, with
   * the text in the message: usage errors (exit status 2). */
  for (guint k = 0; k < G_N_ELEMENTS (refused); k++)
    {
      g_auto(Run) r = { 0 };

      run (&r, "goalseek", file, "--param", "interventions.jeugd-lichter.fraction", "--output", "totals.gap",
           "--year", "2040", "--target", "20 mln", "--low", "0", "--high", refused[k]);
      assert_one_line_error (&r, 2);
      g_assert_nonnull (strstr (r.err, "--high"));
      g_assert_nonnull (strstr (r.err, refused[k]));
    }

  /* Whole-number options too: --runs 1.000 is a thousand runs, with the
   * note every number option gives (the README's rule); --runs 2,5 is no
   * whole number. --width 1.600 is 1600 pixels, with the note. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) half = { 0 };
    g_auto(Run) wide = { 0 };
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
    g_autofree char *png = g_build_filename (dir, "chart.png", NULL);

    run (&r, "montecarlo", file, "--runs", "1.000", "--seed", "3");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (json_object_get_int_member (parse_object (r.out, &root), "runs"), ==, 1000);
    g_assert_cmpstr (r.err, ==, "piramide: note: --runs: “1.000” is read as 1000 (a dot before three digits groups "
                                "thousands); for a decimal write 1,000\n");

    run (&wide, "chart", file, "--kind", "curves", "--width", "1.600", "--height", "900", "--out", png);
    g_assert_cmpint (wide.status, ==, 0);
    g_assert_cmpstr (wide.err, ==, "piramide: note: --width: “1.600” is read as 1600 (a dot before three digits groups "
                                   "thousands); for a decimal write 1,600\n");
    g_assert_cmpint (g_unlink (png), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);

    run (&half, "montecarlo", file, "--runs", "2,5");
    assert_one_line_error (&half, 2);
    g_assert_nonnull (strstr (half.err, "--runs: “2,5” is not a whole number"));
  }
}

/* A file whose every value is within its rules but whose projection
 * overflows a double is an error for every command, exit status 1 and one
 * line, never a projection with "null" totals. By hand: the first line of
 * € 9.000.000 growing 10⁶-fold a year over 100 years reaches
 * 9 × 10⁶ × 10^(6t) > 1,8 × 10³⁰⁸ at t = 51, in 2026 + 51 = 2077. */
static void
test_overflow (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *westland = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (file, &westland, NULL, NULL));
  text = g_string_new (westland);
  g_assert_cmpuint (g_string_replace (text, "\"horizon\": 20,", "\"horizon\": 100,", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"growth\": 0,", "\"growth\": 1e6,", 1), ==, 1);
  growth = write_temp ("growth.piramide", text->str);

  /* Two lines of € 10³⁰⁸: beyond the € 10¹⁵ a value may hold. */
  g_string_assign (text, westland);
  g_assert_cmpuint (g_string_replace (text, "\"base_cost\": 9000000,", "\"base_cost\": 1e308,", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"base_cost\": 6000000,", "\"base_cost\": 1e308,", 1), ==, 1);
  huge = write_temp ("huge.piramide", text->str);

  for (const char *const *f = (const char *const[]) { growth, huge, NULL }; *f; f++)
    {
      const char *const commands[][8] = {
        { "validate", *f },
        { "project", *f },
        { "project", *f, "--format", "csv" },
        { "project", *f, "--format", "table" },
        { "chart", *f, "--kind", "curves", "--out", png },
        { "report", *f, "--out", pdf },
        { "montecarlo", *f, "--runs", "10" },
        { "sensitivity", *f, "--output", "totals.gap" },
        { "compare", *f, file },
      };

      for (guint k = 0; k < G_N_ELEMENTS (commands); k++)
        {
          g_auto(Run) r = { 0 };

          run (&r, commands[k][0], commands[k][1], commands[k][2], commands[k][3], commands[k][4], commands[k][5],
               commands[k][6], commands[k][7]);
          g_test_message ("%s %s: %s", commands[k][0], *f, r.err);
          assert_one_line_error (&r, 1);
          g_assert_null (strstr (r.out, "null"));
          if (*f == growth)
            g_assert_nonnull (strstr (r.err, "$.lines[0] (“sociale-basis”): the cost in 2077 is too large to compute"));
          else
            g_assert_nonnull (strstr (r.err, "$.lines[0].base_cost: must lie between € 0 and € 1.000.000.000.000.000 "
                                             "(found 1 × 10³⁰⁸)"));
        }
    }
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* Text from a file or the command line shows its controls in messages
 * ("\u202E", "\x1B") instead of turning the line around or driving the
 * terminal; a name in the table for people too. */
static void
test_escape (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *westland = NULL;
  g_autofree char *bidi = NULL;
  g_autofree char *bell = NULL;
  g_autoptr(GString) text = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) t = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) variant = { 0 };

  g_assert_true (g_file_get_contents (file, &westland, NULL, NULL));
  text = g_string_new (westland);
  g_assert_cmpuint (g_string_replace (text, "\"source\": \"wmo-maatwerk\"", "\"source\": \"wmo-maatwerk\\u202Egnp.exe\"", 1), ==, 1);
  bidi = write_temp ("bidi.piramide", text->str);
  run (&r, "validate", bidi);
  assert_one_line_error (&r, 1);
  g_assert_nonnull (strstr (r.err, "no cost line has the id “wmo-maatwerk\\u202Egnp.exe”"));
  g_assert_null (strstr (r.err, "\u202E"));

  g_string_assign (text, westland);
  g_assert_cmpuint (g_string_replace (text, "\"name\": \"Westland 2026 (illustratief)\"",
                                      "\"name\": \"Westland\\u0007\\u001b[2J2026\"", 1), ==, 1);
  bell = write_temp ("bell.piramide", text->str);
  run (&t, "project", bell, "--format", "table");
  g_assert_cmpint (t.status, ==, 0);
  g_assert_nonnull (strstr (t.out, "Westland\\x07\\x1B[2J2026\n"));
  g_assert_null (strchr (t.out, '\a'));
  g_assert_null (strchr (t.out, '\033'));

  run (&missing, "validate", "/nonexistent/\033[31mred\u202E.piramide");
  assert_one_line_error (&missing, 1);
  g_assert_nonnull (strstr (missing.err, "\\x1B[31mred\\u202E.piramide"));
  g_assert_null (strchr (missing.err, '\033'));

  run (&variant, "project", file, "--variant", "x\u202Ey");
  assert_one_line_error (&variant, 1);
  g_assert_nonnull (strstr (variant.err, "x\\u202Ey"));
  g_assert_null (strstr (variant.err, "\u202E"));
}

/* Variants side by side: "Niets doen" switches both interventions off, so
 * those two "enabled" values differ and nothing else does; its difference
 * to the file as written is its savings undone. */
static void
test_compare (void)
{
  g_autofree char *file = westland_path ();
  g_auto(Run) r = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) one = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *written, *niets;
  JsonArray *entries, *diffs;

  run (&r, "compare", file, "--variants", "-,niets-doen");
  g_assert_cmpint (r.status, ==, 0);
  obj = parse_object (r.out, &root);
  entries = json_object_get_array_member (obj, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  written = json_array_get_object_element (entries, 0);
  niets = json_array_get_object_element (entries, 1);
  g_assert_cmpstr (json_object_get_string_member (niets, "name"), ==, "Niets doen");
  for (guint t = 0; t < 21; t++)
    g_assert_cmpfloat_with_epsilon (element (niets, "difference", t), element (written, "savings", t), 1e-6);
  diffs = json_object_get_array_member (obj, "differences");
  g_assert_cmpuint (json_array_get_length (diffs), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (diffs, 0), "path"), ==,
                   "interventions.preventie-ouderen.enabled");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (diffs, 1), "path"), ==,
                   "interventions.jeugd-lichter.enabled");

  run (&csv, "compare", file, "--variants", "-,niets-doen,preventie-offensief", "--format", "csv");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "2026;Niets doen;"));
  /* The last column: the difference to the first entry, here 0 in the base
   * year, where no intervention has started. */
  g_assert_nonnull (strstr (csv.out, ";cumulative savings;difference\r\n"));
  g_assert_nonnull (strstr (csv.out, "2026;Niets doen;"));
  g_assert_true (g_regex_match_simple ("\r\n2026;Niets doen;[^\r]*;0,00\r\n", csv.out, 0, 0));

  run (&one, "compare", file);
  assert_one_line_error (&one, 2);
}

/* The report ends with the documents the bundled scenario cites, by their
 * full titles, under "Sources" ("Bronnen" in Dutch); the first one a reader
 * meets, in the notes, is the SBK. */
static void
test_report_sources (void)
{
  const char *env[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *pdf_nl = g_build_filename (dir, "r-nl.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_nl = NULL;
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *sources_at, *sbk_at, *up_at, *bronckhorst_at;
  g_auto(Run) r = { 0 };
  g_auto(Run) nl = { 0 };

  run (&r, "report", "--default", "--out", pdf);
  g_assert_cmpint (r.status, ==, 0);
  if (tool == NULL)
    {
      g_test_skip ("pdftotext not installed");
      g_remove (pdf);
      g_rmdir (dir);
      return;
    }
  {
    const char *argv[] = { tool, pdf, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                                 NULL, NULL));
  }
  sources_at = strstr (text, "Sources\nCited as");
  g_assert_nonnull (sources_at);
  sbk_at = strstr (sources_at, "Gemeente Westland, Strategisch Beleidskader Sociaal Domein gemeente Westland 2025");
  up_at = strstr (sources_at, "Gemeente Westland, Uitvoeringsprogramma 2016–2020 Kernachtig Sociaal");
  bronckhorst_at = strstr (sources_at, "Gemeente Bronckhorst, Uitvoeringsprogramma's Beleidskader sociaal domein");
  g_assert_nonnull (sbk_at);
  g_assert_nonnull (up_at);
  g_assert_nonnull (bronckhorst_at);
  g_assert_true (sbk_at < up_at && up_at < bronckhorst_at);

  if (g_file_test ("/usr/lib/locale/locale-archive", G_FILE_TEST_EXISTS))
    {
      run_env (&nl, env, "report", "--default", "--out", pdf_nl, NULL);
      g_assert_cmpint (nl.status, ==, 0);
      {
        const char *argv[] = { tool, pdf_nl, "-", NULL };
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text_nl,
                                     NULL, NULL, NULL));
      }
      g_assert_nonnull (strstr (text_nl, "Bronnen\nAangehaald als"));
      /* Dutch words, not the file's field names or parameter paths: the
       * source of a base cost, and Preventie-offensief's € 2.000.000 a year
       * for prevention (2.000.000 in € mln: 2,0). */
      g_assert_null (strstr (text_nl, "base_cost"));
      g_assert_null (strstr (text_nl, "interventions."));
      g_assert_nonnull (strstr (text_nl, "kosten in het basisjaar: "));
      g_assert_nonnull (strstr (text_nl, "Preventie en welzijn voor ouderen: euro per jaar: € 2,0 mln"));
      g_remove (pdf_nl);
    }
  g_remove (pdf);
  g_rmdir (dir);
}

/* --out never destroys what it must not: the scenario being read (by the
 * same name, through a link, through a hard link) and folders are refused
 * with one line naming the path, and the input keeps every byte. A link as
 * --out stays a link and the file it points to gets the output; an old
 * file's mode is kept. */
static void
test_out_safety (void)
{
  g_autofree char *westland = westland_path ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "in.piramide", NULL);
  g_autofree char *alias = g_build_filename (dir, "alias.piramide", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.piramide", NULL);
  g_autofree char *real_pdf = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *link_pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pdf = NULL;
  gsize len;
  const char *outs[] = { input, alias, hard, dir };
  GStatBuf st;

  g_assert_true (g_file_get_contents (westland, &text, &len, NULL));
  g_assert_true (g_file_set_contents (input, text, len, NULL));
  g_assert_cmpint (symlink ("in.piramide", alias), ==, 0);
  g_assert_cmpint (link (input, hard), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (outs); k++)
    {
      g_auto(Run) r = { 0 };

      run (&r, "project", input, "--out", outs[k]);
      assert_one_line_error (&r, 1);
      g_assert_nonnull (strstr (r.err, outs[k]));
    }
  {
    g_auto(Run) r = { 0 };
    run (&r, "report", alias, "--out", hard);
    assert_one_line_error (&r, 1);
  }
  g_assert_true (g_file_get_contents (input, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  /* report.pdf → real.pdf (relative): the link stays, real.pdf is the PDF. */
  g_assert_true (g_file_set_contents (real_pdf, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link_pdf), ==, 0);
  {
    g_auto(Run) r = { 0 };
    run (&r, "report", input, "--out", link_pdf);
    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_cmpint (g_lstat (link_pdf, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real_pdf, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* A private chart stays private. */
  g_assert_true (g_file_set_contents (png, "old", -1, NULL));
  g_assert_cmpint (g_chmod (png, 0600), ==, 0);
  {
    g_auto(Run) r = { 0 };
    run (&r, "chart", input, "--kind", "pyramid", "--out", png, "--width", "320", "--height", "200");
    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 1000);

  for (const char *const *name = (const char *const[]) { input, alias, hard, real_pdf, link_pdf, png, NULL }; *name; name++)
    g_remove (*name);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


/* The library from the command line: each command on a temporary --db. */

static JsonArray *
parse_array (const char *text,
             JsonNode  **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));
  return json_node_get_array (*root);
}

static char *
read_text (const char *path,
           gsize      *length)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, NULL));
  return text;
}

/* Every member of @obj, in order, as "a,b,c". */
static char *
member_names (JsonObject *obj)
{
  g_autoptr(GList) members = json_object_get_members (obj);
  g_autoptr(GString) names = g_string_new (NULL);

  for (GList *m = members; m != NULL; m = m->next)
    g_string_append_printf (names, "%s%s", names->len ? "," : "", (const char *) m->data);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define WESTLAND_NAME "westland-2026-illustratief"

static void
test_library (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bibliotheek.sqlite", NULL);
  g_autofree char *got = g_build_filename (dir, "got.piramide", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.piramide", NULL);
  g_autofree char *original = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GString) text = NULL;
  gsize length;

  original = read_text (file, &length);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) original, length);

  /* add: NAME@1, again NAME@2, a changed file under the same name @3. */
  {
    g_auto(Run) r1 = { 0 };
    g_auto(Run) r2 = { 0 };
    g_auto(Run) r3 = { 0 };

    run (&r1, "library", "add", file, "--db", db);
    g_assert_cmpint (r1.status, ==, 0);
    g_assert_cmpstr (r1.out, ==, WESTLAND_NAME "@1\n");
    run (&r2, "library", "add", file, "--db", db, "--message", "Na de voorjaarsnota", "--tag", "Raadsvoorstel 2027");
    g_assert_cmpint (r2.status, ==, 0);
    g_assert_cmpstr (r2.out, ==, WESTLAND_NAME "@2\n");
    text = g_string_new (original);
    g_assert_cmpuint (g_string_replace (text, "\"base_cost\": 22800000", "\"base_cost\": 25000000", 1), ==, 1);
    g_assert_true (g_file_set_contents (changed, text->str, -1, NULL));
    run (&r3, "library", "add", changed, "--db", db, "--name", WESTLAND_NAME);
    g_assert_cmpint (r3.status, ==, 0);
    g_assert_cmpstr (r3.out, ==, WESTLAND_NAME "@3\n");
  }

  /* list: one scenario, its fields as docs/library.md gives them. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) t = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *list;
    JsonObject *s;
    g_autofree char *names = NULL;

    run (&r, "library", "list", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    list = parse_array (r.out, &root);
    g_assert_cmpuint (json_array_get_length (list), ==, 1);
    s = json_array_get_object_element (list, 0);
    names = member_names (s);
    g_assert_cmpstr (names, ==, "name,title,versions,latest,updated,tags");
    g_assert_cmpstr (json_object_get_string_member (s, "name"), ==, WESTLAND_NAME);
    g_assert_cmpstr (json_object_get_string_member (s, "title"), ==, "Westland 2026 (illustratief)");
    g_assert_cmpint (json_object_get_int_member (s, "versions"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (s, "latest"), ==, 3);
    g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                         json_object_get_string_member (s, "updated"), 0, 0));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (s, "tags")), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (s, "tags"), 0), ==,
                     "Raadsvoorstel 2027");
    run (&t, "library", "list", "--db", db, "--format", "table");
    g_assert_cmpint (t.status, ==, 0);
    g_assert_true (g_str_has_prefix (t.out, "Name "));
    g_assert_nonnull (strstr (t.out, WESTLAND_NAME "  Westland 2026 (illustratief)"));
  }

  /* log: oldest first, with the message, the SHA-256 of the file and the tags. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) t = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *log;
    JsonObject *v1, *v2;
    g_autofree char *names = NULL;

    run (&r, "library", "log", WESTLAND_NAME, "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    log = parse_array (r.out, &root);
    g_assert_cmpuint (json_array_get_length (log), ==, 3);
    v1 = json_array_get_object_element (log, 0);
    v2 = json_array_get_object_element (log, 1);
    names = member_names (v1);
    g_assert_cmpstr (names, ==, "version,created,author,message,sha256,tags");
    g_assert_cmpint (json_object_get_int_member (v1, "version"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (v2, "version"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (v1, "message"), ==, "");
    g_assert_cmpstr (json_object_get_string_member (v2, "message"), ==, "Na de voorjaarsnota");
    g_assert_cmpstr (json_object_get_string_member (v1, "sha256"), ==, sha);
    g_assert_cmpstr (json_object_get_string_member (v1, "author"), ==, g_get_user_name ());
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (v1, "tags")), ==, 0);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (v2, "tags"), 0), ==,
                     "Raadsvoorstel 2027");
    run (&t, "library", "log", WESTLAND_NAME, "--db", db, "--format", "table");
    g_assert_cmpint (t.status, ==, 0);
    g_assert_true (g_str_has_prefix (t.out, "Version  Added"));
    g_assert_nonnull (strstr (t.out, "Raadsvoorstel 2027  Na de voorjaarsnota\n"));
  }

  /* get: the exact bytes that were added. */
  {
    g_auto(Run) r = { 0 };
    g_autofree char *bytes = NULL;
    gsize got_length;

    run (&r, "library", "get", WESTLAND_NAME "@1", "--out", got, "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    bytes = read_text (got, &got_length);
    g_assert_cmpmem (bytes, got_length, original, length);
    g_remove (got);
  }

  /* diff: the one assumption that differs, as `compare` shows it; the
   * difference in 2026 is 25.000.000 − 22.800.000 = 2.200.000 (the base
   * year: no intervention has started, nothing grows yet). */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) t = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *obj, *b;
    JsonArray *diffs;

    run (&r, "library", "diff", WESTLAND_NAME "@1", WESTLAND_NAME "@3", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    obj = parse_object (r.out, &root);
    diffs = json_object_get_array_member (obj, "differences");
    g_assert_cmpuint (json_array_get_length (diffs), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (diffs, 0), "path"), ==,
                     "lines.wmo-maatwerk.base_cost");
    g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (json_array_get_object_element (diffs, 0),
                                                                                    "values"), 1), ==, 25e6);
    b = json_array_get_object_element (json_object_get_array_member (obj, "entries"), 1);
    g_assert_cmpstr (json_object_get_string_member (b, "file"), ==, WESTLAND_NAME "@3");
    g_assert_cmpfloat_with_epsilon (element (b, "difference", 0), 2.2e6, 1e-3);
    run (&t, "library", "diff", WESTLAND_NAME "@1", WESTLAND_NAME "@3", "--db", db, "--format", "table");
    g_assert_cmpint (t.status, ==, 0);
    g_assert_nonnull (strstr (t.out, "Assumptions that differ"));
    g_assert_true (g_regex_match_simple ("\n2026 +130,4 +132,6 +2,2\n", t.out, 0, 0));
  }

  /* tag, then get by the tag: version 1's bytes again. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) g = { 0 };
    g_autofree char *bytes = NULL;
    gsize got_length;

    run (&r, "library", "tag", WESTLAND_NAME "@1", "Begroting 2026", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, WESTLAND_NAME "@1\n");
    run (&g, "library", "get", WESTLAND_NAME "@Begroting 2026", "--out", got, "--db", db);
    g_assert_cmpint (g.status, ==, 0);
    bytes = read_text (got, &got_length);
    g_assert_cmpmem (bytes, got_length, original, length);
    g_remove (got);
  }

  /* Usage and failures: one line each; get never writes over the library. */
  {
    g_auto(Run) group = { 0 };
    g_auto(Run) unknown = { 0 };
    g_auto(Run) missing = { 0 };
    g_auto(Run) no_out = { 0 };
    g_auto(Run) not_found = { 0 };
    g_auto(Run) over_db = { 0 };
    g_auto(Run) help = { 0 };

    run (&group, "library", "--db", db);
    assert_one_line_error (&group, 2);
    g_assert_nonnull (strstr (group.err, "add, list, log, get, diff, tag"));
    run (&unknown, "library", "frob", "--db", db);
    assert_one_line_error (&unknown, 2);
    run (&missing, "library", "log", "--db", db);
    assert_one_line_error (&missing, 2);
    run (&no_out, "library", "get", WESTLAND_NAME, "--db", db);
    assert_one_line_error (&no_out, 2);
    run (&not_found, "library", "get", WESTLAND_NAME "@9", "--out", got, "--db", db);
    assert_one_line_error (&not_found, 1);
    g_assert_false (g_file_test (got, G_FILE_TEST_EXISTS));
    run (&over_db, "library", "get", WESTLAND_NAME, "--out", db, "--db", db);
    assert_one_line_error (&over_db, 1);
    run (&help, "library", "--help");
    g_assert_cmpint (help.status, ==, 0);
    g_assert_nonnull (strstr (help.out, "library diff NAME@A NAME@B"));
  }

  for (const char *const *name = (const char *const[]) { "bibliotheek.sqlite", "bibliotheek.sqlite-wal",
                                                         "bibliotheek.sqlite-shm", "changed.piramide", NULL };
       *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_remove (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A scenario whose budgets are its base costs (no growth, no indexation)
 * and its actuals, for figures worked out by hand. */
static const char monitor_scenario[] =
  "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"Monitor test\", \"base_year\": 2026, \"horizon\": 5,\n"
  " \"layers\": [{\"id\": \"basis\", \"name\": \"Basis\"}, {\"id\": \"zwaar\", \"name\": \"Zwaar\"}],\n"
  " \"domains\": [{\"id\": \"wmo\", \"name\": \"Wmo\"}],\n"
  " \"lines\": [\n"
  "  {\"id\": \"a\", \"name\": \"Post A\", \"layer\": \"zwaar\", \"domain\": \"wmo\", \"base_cost\": 1200000},\n"
  "  {\"id\": \"b\", \"name\": \"Post B\", \"layer\": \"zwaar\", \"domain\": \"wmo\", \"base_cost\": 600000},\n"
  "  {\"id\": \"c\", \"name\": \"Post C\", \"layer\": \"basis\", \"domain\": \"wmo\", \"base_cost\": 2400000},\n"
  "  {\"id\": \"d\", \"name\": \"Post D\", \"layer\": \"basis\", \"domain\": \"wmo\", \"base_cost\": 1000000}]}\n";

/* a: 420.000 in January and February; b: 100.000 in January, nothing in
 * February, 50.000 in March; c: 2.000.000 for the whole year 2026 (and,
 * definitive, for 2030); d: nothing. */
static const char monitor_csv[] =
  "post;jaar;maand;bedrag;status\r\n"
  "a;2026;1;420.000;voorlopig\r\n"
  "a;2026;2;420.000,00;voorlopig\r\n"
  "b;2026;1;100.000;voorlopig\r\n"
  "b;2026;3;50.000;voorlopig\r\n"
  "c;2026;;2.000.000;voorlopig\r\n"
  "c;2030;;2.000.000;definitief\r\n";

static JsonObject *
monitor_line (JsonObject *monitor,
              const char *member,
              guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (monitor, member), i);
}

static void
assert_figures (JsonObject *f,
                double      budget,
                double      actual,
                double      used,
                double      forecast,
                gboolean    alarm)
{
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "budget"), budget, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "actual_to_date"), actual, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "used"), used, 1e-9);
  if (isnan (forecast))
    {
      g_assert_true (json_object_get_null_member (f, "forecast_year_end"));
      g_assert_true (json_object_get_null_member (f, "forecast_difference"));
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "forecast_year_end"), forecast, 1e-6);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "forecast_difference"), forecast - budget, 1e-6);
    }
  g_assert_cmpint (json_object_get_boolean_member (f, "alarm"), ==, alarm);
}

static void
test_monitor (void)
{
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "m.sqlite", NULL);
  g_autofree char *file = g_build_filename (dir, "m.piramide", NULL);
  g_autofree char *csv = g_build_filename (dir, "m.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *svg = g_build_filename (dir, "m.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "m.pdf", NULL);

  g_assert_true (g_file_set_contents (file, monitor_scenario, -1, NULL));
  g_assert_true (g_file_set_contents (csv, monitor_csv, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "post;jaar;maand;bedrag\na;2026;13;1,00\nzz;2026;1;1.23\n", -1, NULL));
  {
    g_auto(Run) add = { 0 };
    g_auto(Run) import = { 0 };
    g_auto(Run) again = { 0 };
    g_auto(Run) wrong = { 0 };
    g_auto(Run) no_scenario = { 0 };

    run (&add, "library", "add", file, "--db", db);
    g_assert_cmpstr (add.out, ==, "monitor-test@1\n");
    /* A bad file: every bad row named, nothing imported (the monitor below
     * would show its amounts). */
    run (&wrong, "actuals", "import", bad, "--scenario", "monitor-test", "--db", db);
    assert_one_line_error (&wrong, 1);
    g_assert_nonnull (strstr (wrong.err, "2"));
    g_assert_nonnull (strstr (wrong.err, "3"));
    run (&import, "actuals", "import", csv, "--scenario", "monitor-test", "--db", db);
    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpstr (import.out, ==, "monitor-test: 6 amounts imported\n");
    /* The same rows again replace themselves: the figures below stay. */
    run (&again, "actuals", "import", csv, "--scenario", "monitor-test", "--db", db);
    g_assert_cmpint (again.status, ==, 0);
    run (&no_scenario, "actuals", "import", csv, "--db", db);
    assert_one_line_error (&no_scenario, 2);
  }

  /* Through March, threshold 0,70 (expected share 3 / 12 = 0,25):
   *  a: 840.000 / 1.200.000 = 0,70, exactly the threshold: alarm;
   *     forecast 840.000 × 12 / 3 = 3.360.000;
   *  b: 150.000 / 600.000 = 0,25 (February had nothing); forecast 600.000;
   *  c: its whole-year amount does not count before December: 0, no forecast;
   *  d: no actuals: 0, no forecast, no alarm;
   *  zwaar (a, b): 990.000 / 1.800.000 = 0,55; forecast 3.960.000;
   *  basis (c, d): 0 of 3.400.000, no forecast;
   *  total: 990.000 / 5.200.000, no forecast (c and d have none). */
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *m;
    g_autofree char *names = NULL;
    g_autofree char *line_names = NULL;

    run (&r, "monitor", "monitor-test@1", "--year", "2026", "--month", "3", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    m = parse_object (r.out, &root);
    names = member_names (m);
    g_assert_cmpstr (names, ==, "scenario,version,year,month,threshold,lines,layers,total");
    line_names = member_names (monitor_line (m, "lines", 0));
    g_assert_cmpstr (line_names, ==, "line,budget,actual_to_date,used,expected,forecast_year_end,forecast_difference,alarm");
    g_assert_cmpstr (json_object_get_string_member (m, "scenario"), ==, "monitor-test");
    g_assert_cmpint (json_object_get_int_member (m, "version"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (m, "month"), ==, 3);
    g_assert_cmpfloat (json_object_get_double_member (m, "threshold"), ==, 0.7);
    g_assert_cmpfloat (json_object_get_double_member (monitor_line (m, "lines", 0), "expected"), ==, 0.25);
    assert_figures (monitor_line (m, "lines", 0), 1.2e6, 840000, 0.7, 3.36e6, TRUE);
    assert_figures (monitor_line (m, "lines", 1), 600000, 150000, 0.25, 600000, FALSE);
    assert_figures (monitor_line (m, "lines", 2), 2.4e6, 0, 0, NAN, FALSE);
    assert_figures (monitor_line (m, "lines", 3), 1e6, 0, 0, NAN, FALSE);
    g_assert_cmpstr (json_object_get_string_member (monitor_line (m, "layers", 0), "layer"), ==, "basis");
    assert_figures (monitor_line (m, "layers", 0), 3.4e6, 0, 0, NAN, FALSE);
    assert_figures (monitor_line (m, "layers", 1), 1.8e6, 990000, 0.55, 3.96e6, FALSE);
    assert_figures (json_object_get_object_member (m, "total"), 5.2e6, 990000, 990000 / 5.2e6, NAN, FALSE);
  }

  /* Without --month: the latest month with actuals, December (c's
   * whole-year amount). c: 2.000.000 / 2.400.000 = 0,833: alarm, its
   * forecast the amount itself; a and b: what they spent, × 12 / 12. */
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *m;

    run (&r, "monitor", "monitor-test", "--year", "2026", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    m = parse_object (r.out, &root);
    g_assert_cmpint (json_object_get_int_member (m, "month"), ==, 12);
    assert_figures (monitor_line (m, "lines", 0), 1.2e6, 840000, 0.7, 840000, TRUE);
    assert_figures (monitor_line (m, "lines", 2), 2.4e6, 2e6, 2e6 / 2.4e6, 2e6, TRUE);
    assert_figures (monitor_line (m, "lines", 3), 1e6, 0, 0, NAN, FALSE);
  }

  /* --threshold 0,75 (Dutch): a at 0,70 is no longer in alarm. */
  {
    g_auto(Run) r = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *m;

    run (&r, "monitor", "monitor-test", "--year", "2026", "--month", "3", "--threshold", "0,75", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    m = parse_object (r.out, &root);
    g_assert_cmpfloat (json_object_get_double_member (m, "threshold"), ==, 0.75);
    assert_figures (monitor_line (m, "lines", 0), 1.2e6, 840000, 0.7, 3.36e6, FALSE);
  }

  /* CSV and the table; wrong options. */
  {
    g_auto(Run) c = { 0 };
    g_auto(Run) t = { 0 };
    g_auto(Run) month = { 0 };
    g_auto(Run) threshold = { 0 };
    g_auto(Run) no_version = { 0 };
    g_auto(Run) no_actuals = { 0 };

    run (&c, "monitor", "monitor-test", "--year", "2026", "--month", "3", "--format", "csv", "--db", db);
    g_assert_cmpint (c.status, ==, 0);
    g_assert_nonnull (strstr (c.out, "\r\nmonitor-test;1;2026;3;0,7000;line;a;Post A;1200000,00;840000,00;0,7000;0,2500;"
                                     "3360000,00;2160000,00;1\r\n"));
    g_assert_nonnull (strstr (c.out, ";line;d;Post D;1000000,00;0,00;0,0000;0,2500;;;0\r\n"));
    run (&t, "monitor", "monitor-test", "--year", "2026", "--month", "3", "--format", "table", "--db", db);
    g_assert_cmpint (t.status, ==, 0);
    g_assert_true (g_regex_match_simple ("\nPost A +1.200.000 +840.000 +70,0% +25,0% +3.360.000 +2.160.000  alarm\n",
                                         t.out, 0, 0));
    g_assert_true (g_regex_match_simple ("\nPost D +1.000.000 +0 +0,0% +25,0% +– +–  no actuals yet\n", t.out, 0, 0));
    run (&month, "monitor", "monitor-test", "--year", "2026", "--month", "13", "--db", db);
    assert_one_line_error (&month, 2);
    run (&threshold, "monitor", "monitor-test", "--year", "2026", "--threshold", "0", "--db", db);
    assert_one_line_error (&threshold, 2);
    run (&no_version, "monitor", "monitor-test@7", "--year", "2026", "--db", db);
    assert_one_line_error (&no_version, 1);
    /* 2027 has no actuals: without --month there is no month to count to. */
    run (&no_actuals, "monitor", "monitor-test", "--year", "2027", "--db", db);
    assert_one_line_error (&no_actuals, 1);
    g_assert_nonnull (strstr (no_actuals.err, "--month"));
  }

  /* "Hoe goed voorspelden we?": c's definitive 2030 against version 1's
   * projection of 2030, 2.400.000: 400.000 too high, 20%. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) t = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *obj, *e;
    JsonArray *entries;

    run (&r, "accuracy", "monitor-test", "--db", db);
    g_assert_cmpint (r.status, ==, 0);
    obj = parse_object (r.out, &root);
    entries = json_object_get_array_member (obj, "entries");
    g_assert_cmpuint (json_array_get_length (entries), ==, 2);
    e = json_array_get_object_element (entries, 0);
    g_assert_cmpint (json_object_get_int_member (e, "year"), ==, 2030);
    g_assert_cmpint (json_object_get_int_member (e, "version"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (e, "line"), ==, "c");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (e, "projected"), 2.4e6, 1e-6);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (e, "actual"), 2e6, 1e-6);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (e, "difference"), 4e5, 1e-6);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (e, "relative_error"), 0.2, 1e-12);
    g_assert_true (json_object_get_null_member (json_array_get_object_element (entries, 1), "line"));
    run (&t, "accuracy", "monitor-test", "--db", db, "--format", "table");
    g_assert_cmpint (t.status, ==, 0);
    g_assert_true (g_regex_match_simple ("\n2030 +1  Post C +2.400.000 +2.000.000 +400.000 +20,0%\n", t.out, 0, 0));
  }

  /* The chart and the report of a library version. */
  {
    g_auto(Run) chart = { 0 };
    g_auto(Run) from_file = { 0 };
    g_auto(Run) bad_line = { 0 };
    g_auto(Run) report = { 0 };
    g_autofree char *svg_text = NULL;
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    run (&chart, "chart", "--scenario", "monitor-test", "--db", db, "--kind", "actuals", "--year", "2026",
         "--month", "3", "--line", "a", "--out", svg);
    g_assert_cmpint (chart.status, ==, 0);
    svg_text = read_text (svg, NULL);
    g_assert_nonnull (strstr (svg_text, "Post A: spending against budget, 2026"));
    g_assert_nonnull (strstr (svg_text, "Alarm: 70% of the budget used through Mar (25% expected); the threshold is 70%"));
    run (&from_file, "chart", file, "--kind", "actuals", "--out", svg);
    assert_one_line_error (&from_file, 2);
    run (&bad_line, "chart", "--scenario", "monitor-test", "--db", db, "--kind", "actuals", "--year", "2026",
         "--line", "zz", "--out", svg);
    assert_one_line_error (&bad_line, 1);
    run (&report, "report", "--scenario", "monitor-test@1", "--db", db, "--year", "2026", "--month", "3",
         "--out", pdf);
    g_assert_cmpint (report.status, ==, 0);
    if (pdftotext != NULL)
      {
        const char *argv[] = { pdftotext, pdf, "-", NULL };
        g_autofree char *text = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                                     NULL, NULL));
        g_assert_nonnull (strstr (text, "Realisation 2026 through month 3"));
        g_assert_nonnull (strstr (text, "no actuals yet"));
        g_assert_nonnull (strstr (text, "Spending against budget, 2026"));
      }
  }

  /* In a Dutch locale the table speaks Dutch; numbers keep their form. */
  if (g_file_test ("/usr/lib/locale/locale-archive", G_FILE_TEST_EXISTS) && setlocale (LC_ALL, "nl_NL.UTF-8") != NULL)
    {
      const char *env[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", NULL };
      g_auto(Run) t = { 0 };

      setlocale (LC_ALL, "C.UTF-8");
      run_env (&t, env, "monitor", "monitor-test", "--year", "2026", "--month", "3", "--format", "table", "--db", db,
               NULL);
      g_assert_cmpint (t.status, ==, 0);
      g_assert_nonnull (strstr (t.out, "Uitgegeven tot nu"));
      g_assert_true (g_regex_match_simple ("\nPost A +1.200.000 +840.000 +70,0% +25,0% +3.360.000 +2.160.000  alarm\n",
                                           t.out, 0, 0));
      g_assert_nonnull (strstr (t.out, "nog geen realisatie"));
    }

  for (const char *const *name = (const char *const[]) { "m.sqlite", "m.sqlite-wal", "m.sqlite-shm", "m.piramide",
                                                         "m.csv", "bad.csv", "m.svg", "m.pdf", NULL };
       *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_remove (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A library from a newer Piramide is refused, with one line, and keeps
 * every byte; so is a file that is not a database. */
static void
test_library_refused (void)
{
  g_autofree char *file = westland_path ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "newer.sqlite", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  sqlite3 *handle;

  {
    g_auto(Run) add = { 0 };
    run (&add, "library", "add", file, "--db", db);
    g_assert_cmpint (add.status, ==, 0);
  }
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (handle);
  before = read_text (db, &before_length);
  {
    g_auto(Run) list = { 0 };
    g_auto(Run) add = { 0 };
    g_auto(Run) monitor = { 0 };
    Run *runs[] = { &list, &add, &monitor };

    run (&list, "library", "list", "--db", db);
    run (&add, "library", "add", file, "--db", db);
    run (&monitor, "monitor", WESTLAND_NAME, "--year", "2026", "--db", db);
    for (guint k = 0; k < G_N_ELEMENTS (runs); k++)
      {
        assert_one_line_error (runs[k], 1);
        g_assert_nonnull (strstr (runs[k]->err, "newer"));
      }
  }
  after = read_text (db, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);

  g_assert_true (g_file_set_contents (junk, "this is not a database, it only looks like one\n", -1, NULL));
  {
    g_auto(Run) r = { 0 };
    run (&r, "library", "list", "--db", junk);
    assert_one_line_error (&r, 1);
  }
  for (const char *const *name = (const char *const[]) { "newer.sqlite", "newer.sqlite-wal", "newer.sqlite-shm",
                                                         "junk.sqlite", NULL };
       *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_remove (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version-help", test_version_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/project/json", test_project_json);
  g_test_add_func ("/cli/project/variant", test_project_variant);
  g_test_add_func ("/cli/project/csv", test_project_csv);
  g_test_add_func ("/cli/project/out", test_project_out);
  g_test_add_func ("/cli/project/default-and-table", test_project_default_and_table);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-counts", test_validate_counts);
  g_test_add_func ("/cli/explain", test_explain);
  g_test_add_func ("/cli/project/table-headers", test_table_headers);
  g_test_add_func ("/cli/dutch", test_dutch);
  g_test_add_func ("/cli/chart-and-report", test_chart_and_report);
  g_test_add_func ("/cli/variants-as-written", test_variants_as_written);
  g_test_add_func ("/cli/uncertainty", test_uncertainty_commands);
  g_test_add_func ("/cli/montecarlo-text", test_montecarlo_text);
  g_test_add_func ("/cli/compare", test_compare);
  g_test_add_func ("/cli/out-safety", test_out_safety);
  g_test_add_func ("/cli/report-sources", test_report_sources);
  g_test_add_func ("/cli/numbers", test_numbers);
  g_test_add_func ("/cli/overflow", test_overflow);
  g_test_add_func ("/cli/escape", test_escape);
  g_test_add_func ("/cli/library", test_library);
  g_test_add_func ("/cli/library/refused", test_library_refused);
  g_test_add_func ("/cli/monitor", test_monitor);

  return g_test_run ();
}
