/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"
#include "pmd-file-writer.h"
#include "pmd-file-writer-private.h"

/* A small valid file that every bad case below changes in one place. */
static const char *valid_json =
  "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"t\", \"base_year\": 2026, \"horizon\": 5,"
  " \"layers\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}],"
  " \"domains\": [{\"id\": \"d\", \"name\": \"D\"}],"
  " \"cohorts\": [{\"id\": \"c\", \"points\": [[2020, 100], [2030, 200]]}],"
  " \"lines\": [{\"id\": \"x\", \"layer\": \"b\", \"domain\": \"d\", \"base_cost\": 1000, \"clients\": 10, \"driver\": \"c\"},"
  "             {\"id\": \"y\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 100, \"indexation\": 0.01}],"
  " \"interventions\": [{\"id\": \"s\", \"type\": \"shift\", \"source\": \"x\", \"target\": \"y\", \"fraction\": 0.1,"
  "                      \"cost_ratio\": 0.5, \"structural\": 1, \"start\": 2027},"
  "                     {\"id\": \"i\", \"type\": \"invest\", \"source\": \"x\", \"target\": \"y\", \"amount\": 10,"
  "                      \"return\": 1.5, \"one_off\": 5, \"start\": 2027, \"end\": 2030, \"lag\": 1, \"ramp_years\": 2}],"
  " \"funding\": {\"base\": 1000, \"growth\": 0.01, \"steps\": [[2026, -10]]},"
  " \"ranges\": {\"lines.x.growth\": [0, 0.1]},"
  " \"variants\": [{\"id\": \"v\", \"name\": \"V\", \"overrides\": {\"interventions.s.enabled\": 0}}],"
  " \"actuals\": [{\"line\": \"x\", \"year\": 2022, \"cost\": 900}]}";

/* Sets (or with value NULL removes) the member at @where, e.g.
 * "lines.0.base_cost", in the valid file, and returns the new text. */
static char *
mutate (const char *where,
        const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (valid_json, NULL);
  g_auto(GStrv) parts = g_strsplit (where, ".", 0);
  guint n = g_strv_length (parts);
  JsonNode *node = root;

  g_assert_nonnull (root);
  for (guint k = 0; k + 1 < n; k++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[k]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[k]);
      g_assert_nonnull (node);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint idx = atoi (parts[n - 1]);
      JsonNode *new_node = json_from_string (value, NULL);
      /* JsonArray has no "replace": rebuild it. */
      g_autoptr(JsonArray) copy = json_array_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, i == idx ? new_node : json_node_copy (json_array_get_element (array, i)));
      json_node_set_array (node, copy);
    }
  else if (value == NULL)
    json_object_remove_member (json_node_get_object (node), parts[n - 1]);
  else
    {
      g_autoptr(GError) error = NULL;
      JsonNode *new_node = json_from_string (value, &error);
      g_assert_no_error (error);
      json_object_set_member (json_node_get_object (node), parts[n - 1], new_node);
    }
  return json_to_string (root, FALSE);
}

typedef struct
{
  const char *where;
  const char *value;   /* NULL: remove the member */
  const char *path;    /* what the message must name */
  int         code;
} BadCase;

#define INVALID   PMD_SCENARIO_ERROR_INVALID
#define REFERENCE PMD_SCENARIO_ERROR_REFERENCE

/* One case per rule of DESIGN.md §3. */
static const BadCase bad_cases[] = {
  /* Costs, clients and money ≥ 0 */
  { "lines.0.base_cost", "-5", "$.lines[0].base_cost", INVALID },
  { "lines.0.clients", "-1", "$.lines[0].clients", INVALID },
  { "interventions.1.amount", "-10", "$.interventions[1].amount", INVALID },
  { "interventions.1.one_off", "-1", "$.interventions[1].one_off", INVALID },
  { "interventions.0.structural", "-1", "$.interventions[0].structural", INVALID },
  { "interventions.1.return", "-0.5", "$.interventions[1].return", INVALID },
  { "interventions.0.cost_ratio", "-1", "$.interventions[0].cost_ratio", INVALID },
  { "actuals.0.cost", "-1", "$.actuals[0].cost", INVALID },
  /* fraction in [0, 1] */
  { "interventions.0.fraction", "1.5", "$.interventions[0].fraction", INVALID },
  { "interventions.0.fraction", "-0.1", "$.interventions[0].fraction", INVALID },
  /* growth, steps and rates > −1 */
  { "lines.0.growth", "-1", "$.lines[0].growth", INVALID },
  { "lines.1.indexation", "-1.2", "$.lines[1].indexation", INVALID },
  { "lines.0.steps", "[[2027, -1.5]]", "$.lines[0].steps[0][1]", INVALID },
  { "indexation", "-2", "$.indexation", INVALID },
  { "discount_rate", "-1", "$.discount_rate", INVALID },
  { "funding.growth", "-1", "$.funding.growth", INVALID },
  /* lag ≥ 0, ramp_years ≥ 1, end ≥ start */
  { "interventions.1.lag", "-1", "$.interventions[1].lag", INVALID },
  { "interventions.1.ramp_years", "0", "$.interventions[1].ramp_years", INVALID },
  { "interventions.1.end", "2026", "$.interventions[1].end", INVALID },
  { "interventions.1.lag", "1.5", "$.interventions[1].lag", INVALID },
  /* Years 1900–2200, horizon 0–100 */
  { "base_year", "1800", "$.base_year", INVALID },
  { "base_year", "2026.5", "$.base_year", INVALID },
  { "horizon", "101", "$.horizon", INVALID },
  { "horizon", "-1", "$.horizon", INVALID },
  { "interventions.1.start", "2201", "$.interventions[1].start", INVALID },
  { "actuals.0.year", "1850", "$.actuals[0].year", INVALID },
  { "lines.0.steps", "[[1800, 0.1]]", "$.lines[0].steps[0][0]", INVALID },
  { "funding.steps", "[[3000, 5]]", "$.funding.steps[0][0]", INVALID },
  /* Cohort points: values > 0, strictly increasing years, at least one */
  { "cohorts.0.points", "[[2030, 100], [2020, 200]]", "$.cohorts[0].points[1][0]", INVALID },
  { "cohorts.0.points", "[[2020, 100], [2020, 200]]", "$.cohorts[0].points[1][0]", INVALID },
  { "cohorts.0.points", "[[2020, 0]]", "$.cohorts[0].points[0][1]", INVALID },
  { "cohorts.0.points", "[]", "$.cohorts[0].points", INVALID },
  { "cohorts.0.points", "[[2020]]", "$.cohorts[0].points[0]", INVALID },
  /* Every reference resolves */
  { "lines.0.layer", "\"nope\"", "$.lines[0].layer", REFERENCE },
  { "lines.0.domain", "\"nope\"", "$.lines[0].domain", REFERENCE },
  { "lines.0.driver", "\"nope\"", "$.lines[0].driver", REFERENCE },
  { "interventions.0.source", "\"nope\"", "$.interventions[0].source", REFERENCE },
  { "interventions.1.target", "\"nope\"", "$.interventions[1].target", REFERENCE },
  { "actuals.0.line", "\"nope\"", "$.actuals[0].line", REFERENCE },
  { "ranges", "{\"lines.nope.growth\": [0, 1]}", "$.ranges[\"lines.nope.growth\"]", REFERENCE },
  { "ranges", "{\"lines.x.colour\": [0, 1]}", "$.ranges[\"lines.x.colour\"]", REFERENCE },
  { "variants.0.overrides", "{\"lines.zz.growth\": 1}", "$.variants[0].overrides[\"lines.zz.growth\"]", REFERENCE },
  /* A source equal to its target */
  { "interventions.0.target", "\"x\"", "$.interventions[0].target", INVALID },
  /* Ranges: low ≤ value ≤ high; enabled has none */
  { "ranges", "{\"lines.x.growth\": [0.05, 0.1]}", "$.ranges[\"lines.x.growth\"]", INVALID },
  { "ranges", "{\"lines.x.growth\": [0.1, -0.1]}", "$.ranges[\"lines.x.growth\"]", INVALID },
  { "ranges", "{\"interventions.s.enabled\": [0, 1]}", "$.ranges[\"interventions.s.enabled\"]", INVALID },
  { "ranges", "{\"lines.y.clients\": [0, 1]}", "$.ranges[\"lines.y.clients\"]", INVALID },
  { "ranges", "{\"lines.x.growth\": [0]}", "$.ranges[\"lines.x.growth\"]", INVALID },
  /* Ids: [a-z0-9-]+, unique per collection */
  { "layers.1.id", "\"a\"", "$.layers[1].id", INVALID },
  { "layers.0.id", "\"Bad Id\"", "$.layers[0].id", INVALID },
  { "lines.1.id", "\"x\"", "$.lines[1].id", INVALID },
  { "variants.0.id", "\"\"", "$.variants[0].id", INVALID },
  /* Required fields */
  { "lines.0.base_cost", NULL, "$.lines[0].base_cost", INVALID },
  { "lines.0.layer", NULL, "$.lines[0].layer", INVALID },
  { "interventions.0.fraction", NULL, "$.interventions[0].fraction", INVALID },
  { "interventions.0.cost_ratio", NULL, "$.interventions[0].cost_ratio", INVALID },
  { "interventions.1.amount", NULL, "$.interventions[1].amount", INVALID },
  { "interventions.1.return", NULL, "$.interventions[1].return", INVALID },
  { "interventions.1.start", NULL, "$.interventions[1].start", INVALID },
  { "interventions.1.source", NULL, "$.interventions[1].source", INVALID },
  { "interventions.1.target", NULL, "$.interventions[1].target", INVALID },
  { "base_year", NULL, "$.base_year", INVALID },
  { "cohorts.0.points", NULL, "$.cohorts[0].points", INVALID },
  /* Types and values */
  { "interventions.0.type", "\"magic\"", "$.interventions[0].type", INVALID },
  { "layers.0.color", "\"green\"", "$.layers[0].color", INVALID },
  { "lines.0.base_cost", "\"22,8\"", "$.lines[0].base_cost", INVALID },
  { "lines.0.base_cost", "true", "$.lines[0].base_cost", INVALID },
  { "lines.0.open_ended", "\"yes\"", "$.lines[0].open_ended", INVALID },
  { "lines.0", "5", "$.lines[0]", INVALID },
  { "layers", "{}", "$.layers", INVALID },
  { "name", "5", "$.name", INVALID },
  { "funding.steps", "[[2026]]", "$.funding.steps[0]", INVALID },
  { "funding", "[]", "$.funding", INVALID },
  { "lines.0.sources", "{\"base_cost\": 5}", "$.lines[0].sources.base_cost", INVALID },
  { "variants.0.overrides", "{\"lines.x.growth\": \"0,1\"}", "$.variants[0].overrides[\"lines.x.growth\"]", INVALID },
  /* Format and version */
  { "format", "\"something-else\"", "$.format", PMD_SCENARIO_ERROR_FORMAT },
  { "format", NULL, "$.format", PMD_SCENARIO_ERROR_FORMAT },
  { "version", "0", "$.version", PMD_SCENARIO_ERROR_VERSION },
  { "version", NULL, "$.version", INVALID },
};

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (valid_json, -1, &error);
  PmdLine *y;
  PmdIntervention *s;

  g_assert_no_error (error);
  g_assert_nonnull (sc);
  g_assert_cmpuint (sc->lines->len, ==, 2);
  /* Defaults of DESIGN.md §3 */
  g_assert_cmpfloat (sc->indexation, ==, 0);
  g_assert_cmpfloat (sc->discount_rate, ==, 0);
  y = g_ptr_array_index (sc->lines, 1);
  g_assert_false (y->has_clients);
  g_assert_null (y->driver);
  g_assert_cmpfloat (y->elasticity, ==, 1);
  g_assert_cmpfloat (y->growth, ==, 0);
  g_assert_true (y->has_indexation);
  g_assert_cmpfloat (y->indexation, ==, 0.01);
  g_assert_false (((PmdLine *) g_ptr_array_index (sc->lines, 0))->has_indexation);
  g_assert_cmpstr (y->name, ==, "y");
  s = g_ptr_array_index (sc->interventions, 0);
  g_assert_cmpfloat (s->one_off, ==, 0);
  g_assert_cmpint (s->lag, ==, 0);
  g_assert_cmpint (s->ramp_years, ==, 1);
  g_assert_false (s->has_end);
  g_assert_true (s->enabled);
  g_assert_cmpint (s->source_idx, ==, 0);
  g_assert_cmpint (s->target_idx, ==, 1);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *text = mutate (c->where, c->value);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (text, -1, &error);

  g_test_message ("%s = %s → %s", c->where, c->value ? c->value : "(removed)", error ? error->message : "no error");
  g_assert_null (sc);
  g_assert_error (error, PMD_SCENARIO_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, c->path));
}

/* The newer version is refused with a message a user can act on. */
static void
test_newer_version (void)
{
  g_autofree char *text = mutate ("version", "2");
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (text, -1, &error);

  g_assert_null (sc);
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, "2"));
}

/* Syntax errors name line and column. */
static void
test_syntax_errors (void)
{
  static const struct { const char *text; const char *where; } cases[] = {
    { "{\n  \"base_cost\": 22,8\n}", "line 2, column" },      /* a Dutch decimal comma */
    { "{\"a\": 1,,}", "line 1, column" },
    { "{\"a\": NaN}", "line 1, column" },
    { "{\"a\": [1, 2}", "line 1, column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (cases[i].text, -1, &error);

      g_assert_null (sc);
      g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, cases[i].where));
    }
}

/* Hostile and broken files: a clear error, never a crash. */
static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"piramide-scenario\", \"x\": ");
  static const char not_utf8[] = "{\"format\": \"piramide-scenario\", \"name\": \"\xff\xfe\"}";
  const char *texts[] = { "", "   ", "[]", "42", "\"piramide\"", "null", NULL, not_utf8 };

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  texts[6] = deep->str;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (texts[i], -1, &error);

      g_assert_null (sc);
      g_assert_nonnull (error);
      g_assert_true (error->domain == PMD_SCENARIO_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* 1e999 is valid JSON but no finite number. */
static void
test_huge_number (void)
{
  g_autoptr(GString) text = g_string_new (valid_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;

  g_assert_cmpuint (g_string_replace (text, "\"base_cost\": 1000", "\"base_cost\": 1e999", 1), ==, 1);
  sc = pmd_scenario_load_from_data (text->str, -1, &error);
  g_assert_null (sc);
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "$.lines[0].base_cost"));
}

static void
test_missing_and_large_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("piramide-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "big.piramide", NULL);
  g_autoptr(PmdScenario) sc = NULL;
  FILE *f;

  sc = pmd_scenario_load_file ("/nonexistent/westland.piramide", &error);
  g_assert_null (sc);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  /* The caller names the file: the message says only what is wrong. */
  g_assert_null (strstr (error->message, "westland.piramide"));
  g_clear_error (&error);

  sc = pmd_scenario_load_file (dir, &error);
  g_assert_null (sc);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A sparse file just over the limit is refused before it is read. */
  f = g_fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, PMD_SCENARIO_FILE_MAX_SIZE, SEEK_SET), ==, 0);
  fputc ('x', f);
  fclose (f);
  sc = pmd_scenario_load_file (big, &error);
  g_assert_null (sc);
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_TOO_LARGE);
  g_remove (big);
  g_rmdir (dir);
}

/* A municipality's file: 40 cost lines, a cohort of 30 points, a line with
 * 20 steps. Until the reader counted nesting while it parsed, a file with
 * more than about 17 [year, value] pairs or 26 lines was refused as "nested
 * deeper than 32 levels", also after the window had saved it. */
static char *
big_scenario_text (void)
{
  GString *t = g_string_new ("{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"groot\","
                             " \"base_year\": 2026, \"horizon\": 3,"
                             " \"layers\": [{\"id\": \"a\"}], \"domains\": [{\"id\": \"d\"}],"
                             " \"cohorts\": [{\"id\": \"c\", \"points\": [");
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* 1000 · 1,02^k in 2000 + k: 2% a year throughout. */
  for (int k = 0; k < 30; k++)
    g_string_append_printf (t, "%s[%d, %s]", k ? ", " : "", 2000 + k,
                            g_ascii_dtostr (number, sizeof number, 1000 * pow (1.02, k)));
  g_string_append (t, "]}], \"lines\": [");
  for (int i = 0; i < 40; i++)
    {
      g_string_append_printf (t, "%s{\"id\": \"l%d\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": %d",
                              i ? ", " : "", i, 1000 * (i + 1));
      if (i % 2 == 0)
        g_string_append (t, ", \"driver\": \"c\"");
      if (i == 0)
        {
          g_string_append (t, ", \"steps\": [[2027, 0.1]");
          for (int k = 1; k < 20; k++)
            g_string_append_printf (t, ", [%d, 0]", 2027 + k);
          g_string_append (t, "]");
        }
      g_string_append (t, "}");
    }
  g_string_append (t, "]}");
  return g_string_free (t, FALSE);
}

static void
check_big_scenario (const PmdScenario *sc)
{
  g_autoptr(PmdProjection) p = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sc->lines->len, ==, 40);
  g_assert_cmpuint (((PmdCohort *) g_ptr_array_index (sc->cohorts, 0))->points->len, ==, 30);
  p = pmd_project (sc, &error);
  g_assert_no_error (error);
  /* 2026: 1000 · (1 + 2 + … + 40) = 1000 · 820. */
  g_assert_cmpfloat_with_epsilon (p->total_scenario[0], 820000, 1e-6);
  /* 2027: the 20 driven lines (i even: 1000 · (1 + 3 + … + 39) = 400.000)
   * grow with the cohort by 2%: 408.000; line 0's step adds 10% of its
   * 1.020: 102; the 20 others stay at 1000 · (2 + 4 + … + 40) = 420.000.
   * 408.000 + 102 + 420.000 = 828.102. */
  g_assert_cmpfloat_with_epsilon (p->total_scenario[1], 828102, 1e-6);
}

static void
test_big_file (void)
{
  g_autofree char *text = big_scenario_text ();
  g_autofree char *dir = g_dir_make_tmp ("piramide-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "groot.piramide", NULL);
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdScenario) again = NULL;
  g_autoptr(GError) error = NULL;

  sc = pmd_scenario_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  check_big_scenario (sc);

  /* What the window saves, it opens again. */
  g_assert_true (pmd_scenario_save_file (sc, path, &error));
  g_assert_no_error (error);
  again = pmd_scenario_load_file (path, &error);
  g_assert_no_error (error);
  check_big_scenario (again);
  g_remove (path);
  g_rmdir (dir);
}

/* Unknown fields nest as deep as they like up to the reader's limit, and
 * come back as they were. */
static void
test_deep_unknown_field (void)
{
  GString *value = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  /* The root object is level 1: 60 more levels inside "x-deep". */
  for (int i = 0; i < 60; i++)
    g_string_append (value, i % 2 ? "{\"k\": " : "[");
  g_string_append (value, "7");
  for (int i = 59; i >= 0; i--)
    g_string_append (value, i % 2 ? "}" : "]");
  text = mutate ("x-deep", value->str);
  sc = pmd_scenario_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  saved = pmd_scenario_to_data (sc, &len);
  /* The innermost levels: level 60 a list, level 61 an object holding 7. */
  /* json-glib reads the saved text back: 60 levels down lies 7. */
  {
    g_autoptr(JsonNode) root = json_from_string (saved, &error);
    JsonNode *node;

    g_assert_no_error (error);
    node = json_object_get_member (json_node_get_object (root), "x-deep");
    for (int i = 0; i < 60; i++)
      node = i % 2 ? json_object_get_member (json_node_get_object (node), "k")
                   : json_array_get_element (json_node_get_array (node), 0);
    g_assert_cmpint (json_node_get_int (node), ==, 7);
  }
  g_string_free (value, TRUE);
}

/* Unknown fields survive load → save → load, at every level. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *t1 = mutate ("x-review", "{\"by\": \"griffie\", \"scores\": [1, 2.5, null, true]}");
  g_autofree char *t2 = NULL;
  g_autofree char *t3 = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdScenario) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj;

  {
    /* Add an unknown field to a line and one to an intervention. */
    g_autoptr(JsonNode) node = json_from_string (t1, NULL);
    JsonObject *o = json_node_get_object (node);
    json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (o, "lines"), 0),
                                   "x_code", "6.71");
    json_object_set_double_member (json_array_get_object_element (json_object_get_array_member (o, "interventions"), 1),
                                   "x_weight", 0.1);
    json_object_set_string_member (json_object_get_object_member (o, "funding"), "x_note", "kadernota");
    t2 = json_to_string (node, FALSE);
  }

  sc = pmd_scenario_load_from_data (t2, -1, &error);
  g_assert_no_error (error);
  saved = pmd_scenario_to_data (sc, NULL);
  again = pmd_scenario_load_from_data (saved, -1, &error);
  g_assert_no_error (error);
  resaved = pmd_scenario_to_data (again, NULL);
  /* Saving is stable: the second save writes the same text. */
  g_assert_cmpstr (saved, ==, resaved);

  root = json_from_string (saved, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "x-review"), "by"), ==, "griffie");
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (json_object_get_object_member (obj, "x-review"), "scores"), 1), ==, 2.5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (obj, "lines"), 0), "x_code"), ==, "6.71");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (json_object_get_array_member (obj, "interventions"), 1), "x_weight"), ==, 0.1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "funding"), "x_note"), ==, "kadernota");
  /* Numbers are written exactly and briefly: 0.1, not 0.10000000000000001. */
  g_assert_nonnull (strstr (saved, "\"fraction\": 0.1,"));
  g_assert_null (strstr (saved, "0000000001"));

  /* Every known value survives too. */
  t3 = pmd_scenario_to_data (again, NULL);
  g_assert_cmpstr (t3, ==, saved);
  {
    PmdIntervention *i = g_ptr_array_index (again->interventions, 1);
    PmdLine *x = g_ptr_array_index (again->lines, 0);
    g_assert_cmpint (i->end, ==, 2030);
    g_assert_true (i->has_end);
    g_assert_cmpfloat (i->one_off, ==, 5);
    g_assert_cmpstr (x->driver, ==, "c");
    g_assert_cmpuint (again->variants->len, ==, 1);
    g_assert_cmpuint (again->ranges->len, ==, 1);
    g_assert_cmpuint (again->actuals->len, ==, 1);
    g_assert_cmpfloat (g_array_index (again->funding.steps, PmdYearValue, 0).value, ==, -10);
  }
}

/* A full disk: every write fails as write(2) does then. */
static int
disk_full_cb (gsize    written,
              gpointer user_data)
{
  return ENOSPC;
}

/* Saving writes through a temporary file and a rename. */
static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("piramide-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.piramide", NULL);
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (valid_json, -1, &error);
  g_autoptr(PmdScenario) back = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int n_files = 0;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_free (sc->name);
  sc->name = g_strdup ("Nieuw “scenario” \\ met\ttekens\n");
  g_assert_true (pmd_scenario_save_file (sc, path, &error));
  g_assert_no_error (error);
  back = pmd_scenario_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, sc->name);

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpint (n_files, ==, 1);

  /* A save over that same file that fails (the disk is full) reports why
   * and leaves the file as it was, byte for byte, with no temporary file
   * beside it. (It used to save to another path, which left this file
   * alone however the writer behaved.) */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_free (sc->name);
  sc->name = g_strdup ("Niet bewaard");
  _pmd_file_writer_set_test_hook (disk_full_cb, NULL);
  g_assert_false (pmd_scenario_save_file (sc, path, &error));
  _pmd_file_writer_set_test_hook (NULL, NULL);
  g_assert_error (error, PMD_FILE_WRITER_ERROR, PMD_FILE_WRITER_ERROR_NO_SPACE);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&listing, g_dir_close);
  listing = g_dir_open (dir, 0, NULL);
  n_files = 0;
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpint (n_files, ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

static const PmdLine *
line (const PmdScenario *sc,
      const char        *id)
{
  int idx = pmd_scenario_find_line (sc, id);
  g_assert_cmpint (idx, >=, 0);
  return g_ptr_array_index (sc->lines, idx);
}

/* The bundled scenario reproduces the source figures (DOMAIN.md). */
static void
test_bundled_westland (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(PmdProjection) p = NULL;
  const PmdCohort *cohort;
  int zwaar;

  g_assert_no_error (error);
  g_assert_cmpstr (sc->name, ==, "Westland 2026 (illustratief)");
  g_assert_cmpint (sc->base_year, ==, 2026);
  g_assert_cmpint (sc->horizon, ==, 20);
  g_assert_cmpuint (sc->layers->len, ==, 3);
  p = pmd_project (sc, &error);
  g_assert_no_error (error);

  /* Wmo indicated care € 22,8 mln and youth care € 29,6 mln in 2026 (001 L97). */
  g_assert_cmpfloat (p->line_baseline[pmd_scenario_find_line (sc, "wmo-maatwerk") * p->n_years], ==, 22800000);
  g_assert_cmpfloat (p->line_baseline[pmd_scenario_find_line (sc, "jeugd-specialistisch") * p->n_years], ==, 29600000);
  /* Indicated care, the top layer, € 91,3 mln in 2026 (001 L91). */
  zwaar = pmd_scenario_find_layer (sc, "zwaar");
  g_assert_cmpint (zwaar, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->layer_baseline[zwaar * p->n_years], 91300000, 1e-6);
  /* 70% of total lasten: 91,3 / 130,4 = 0,700 */
  g_assert_cmpfloat_with_epsilon (p->layer_baseline[zwaar * p->n_years] / p->total_baseline[0], 0.70, 0.001);
  /* 75+ cohort: 6.400 in 2020, 12.500 in 2040 (001 L603). */
  cohort = g_ptr_array_index (sc->cohorts, pmd_scenario_find_cohort (sc, "75plus"));
  g_assert_cmpfloat (pmd_cohort_value_at (cohort, 2020), ==, 6400);
  g_assert_cmpfloat (pmd_cohort_value_at (cohort, 2040), ==, 12500);
  /* The Ravijnjaar: € 3 mln less from 2026 (001 L101). */
  g_assert_cmpfloat (p->funding[0], ==, sc->funding.base - 3000000);
  /* The 2022 figures as actuals (001 L97). */
  g_assert_cmpuint (sc->actuals->len, ==, 2);
  g_assert_cmpfloat (((PmdActual *) g_ptr_array_index (sc->actuals, 0))->cost, ==, 17700000);
  g_assert_cmpfloat (((PmdActual *) g_ptr_array_index (sc->actuals, 1))->cost, ==, 26500000);
  /* Variants "Niets doen" and "Preventie-offensief" exist and apply. */
  for (const char *const *id = (const char *const[]) { "niets-doen", "preventie-offensief", NULL }; *id; id++)
    {
      g_autoptr(PmdScenario) copy = pmd_scenario_copy (sc);
      g_assert_true (pmd_scenario_apply_variant (copy, *id, &error));
      g_assert_no_error (error);
    }

  /* Every number has a source: each line's cost and clients, each
   * intervention's effect, each cohort, the funding. */
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      g_assert_nonnull (l->source);
      g_assert_nonnull (pmd_sources_lookup (l->sources, "base_cost"));
      if (l->has_clients)
        g_assert_nonnull (pmd_sources_lookup (l->sources, "clients"));
      if (l->driver != NULL && l->elasticity != 1)
        g_assert_nonnull (pmd_sources_lookup (l->sources, "elasticity"));
      if (l->growth != 0)
        g_assert_nonnull (pmd_sources_lookup (l->sources, "growth"));
    }
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      g_assert_nonnull (pmd_sources_lookup (iv->sources, iv->type == PMD_INTERVENTION_SHIFT ? "fraction" : "amount"));
      g_assert_nonnull (pmd_sources_lookup (iv->sources, iv->type == PMD_INTERVENTION_SHIFT ? "cost_ratio" : "return"));
    }
  for (guint i = 0; i < sc->cohorts->len; i++)
    g_assert_nonnull (((PmdCohort *) g_ptr_array_index (sc->cohorts, i))->source);
  g_assert_nonnull (sc->funding.source);
  g_assert_nonnull (pmd_sources_lookup (sc->funding.sources, "steps"));
  g_assert_nonnull (pmd_sources_lookup (sc->sources, "indexation"));
  g_assert_nonnull (pmd_sources_lookup (sc->sources, "discount_rate"));
  /* Assumptions say so. */
  g_assert_true (g_str_has_prefix (pmd_sources_lookup (line (sc, "wmo-maatwerk")->sources, "elasticity"), "aanname"));
}

/* The file in data/scenarios is the one inside the program. */
static void
test_bundled_matches_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "westland-2026.piramide", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) from_file = pmd_scenario_load_file (path, &error);
  g_autoptr(PmdScenario) bundled = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(PmdScenario) blank = pmd_scenario_load_bundled ("blank", &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  a = pmd_scenario_to_data (from_file, NULL);
  b = pmd_scenario_to_data (bundled, NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (blank->layers->len, ==, 3);
  g_assert_cmpuint (blank->lines->len, ==, 0);
  g_assert_null (pmd_scenario_load_bundled ("nope", &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/scenario-file/valid", test_valid);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/data/scenario-file/bad/%02u-%s", i, bad_cases[i].where);
      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/data/scenario-file/newer-version", test_newer_version);
  g_test_add_func ("/data/scenario-file/syntax-errors", test_syntax_errors);
  g_test_add_func ("/data/scenario-file/hostile", test_hostile);
  g_test_add_func ("/data/scenario-file/huge-number", test_huge_number);
  g_test_add_func ("/data/scenario-file/missing-and-large", test_missing_and_large_files);
  g_test_add_func ("/data/scenario-file/round-trip", test_round_trip);
  g_test_add_func ("/data/scenario-file/big-file", test_big_file);
  g_test_add_func ("/data/scenario-file/deep-unknown-field", test_deep_unknown_field);
  g_test_add_func ("/data/scenario-file/save-atomic", test_save_atomic);
  g_test_add_func ("/data/bundled/westland", test_bundled_westland);
  g_test_add_func ("/data/bundled/matches-file", test_bundled_matches_file);

  return g_test_run ();
}
