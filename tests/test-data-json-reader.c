/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-json-reader.h"

/* RFC 8259 JSON is read as written. */
static void
test_valid (void)
{
  static const char text[] =
    " {\"n\": [0, -0, 12, -3.25, 1e3, 2E-2, 123456789012345678],"
    "  \"s\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00€\","
    "  \"t\": true, \"f\": false, \"z\": null, \"e\": {}, \"a\": [] }\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdJsonDoc) doc = pmd_json_parse (text, strlen (text), &error);
  const PmdJsonNode *root, *n, *e;
  /* The numbers as a C compiler reads them. */
  const double expected[] = { 0, -0.0, 12, -3.25, 1000, 0.02, 123456789012345678.0 };

  g_assert_no_error (error);
  root = pmd_json_doc_get_root (doc);
  g_assert_cmpint (pmd_json_node_kind (root), ==, PMD_JSON_OBJECT);
  g_assert_cmpuint (pmd_json_node_length (root), ==, 7);

  n = pmd_json_object_get (root, "n");
  g_assert_cmpuint (pmd_json_node_length (n), ==, G_N_ELEMENTS (expected));
  e = pmd_json_node_first (n);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, e = pmd_json_node_next (e))
    {
      g_assert_cmpint (pmd_json_node_kind (e), ==, PMD_JSON_NUMBER);
      g_assert_cmpfloat (e->v.number, ==, expected[i]);
    }
  /* é is U+00E9 (C3 A9); the pair D83D DE00 is U+1F600 (F0 9F 98 80). */
  g_assert_cmpstr (pmd_json_object_get (root, "s")->v.string, ==,
                   "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80€");
  g_assert_true (pmd_json_object_get (root, "t")->v.boolean);
  g_assert_false (pmd_json_object_get (root, "f")->v.boolean);
  g_assert_cmpint (pmd_json_node_kind (pmd_json_object_get (root, "z")), ==, PMD_JSON_NULL);
  g_assert_cmpuint (pmd_json_node_length (pmd_json_object_get (root, "e")), ==, 0);
  g_assert_cmpuint (pmd_json_node_length (pmd_json_object_get (root, "a")), ==, 0);
  g_assert_null (pmd_json_object_get (root, "missing"));
}

typedef struct
{
  const char *text;
  int         code;
  const char *message;  /* the start of the message */
} BadCase;

#define SYNTAX PMD_JSON_ERROR_SYNTAX
#define VALUE  PMD_JSON_ERROR_VALUE
#define DEPTH  PMD_JSON_ERROR_DEPTH

/* What json-glib and JavaScript accept but JSON is not; and JSON no file
 * may hold. Columns count characters from 1. */
static const BadCase bad_cases[] = {
  { "{\"a\": 1 // why\n}", SYNTAX, "line 1, column 9: not valid JSON: comments" },
  { "{\n/* c */ \"a\": 1}", SYNTAX, "line 2, column 1: not valid JSON: comments" },
  { "{'a': 1}", SYNTAX, "line 1, column 2: not valid JSON: a text is written between double quotes" },
  { "{\"a\": 'x'}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": [1, 2,]}", SYNTAX, "line 1, column 13: not valid JSON: a comma before “]”" },
  { "{\"a\": 1,}", SYNTAX, "line 1, column 9: not valid JSON: a comma before “}”" },
  { "{\"a\": NaN}", SYNTAX, "line 1, column 7: not valid JSON: “NaN” is no JSON value" },
  { "{\"a\": Infinity}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": True}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": +1}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": .5}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": 1.}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": 01}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": 1e}", SYNTAX, "line 1, column 7: " },
  { "{\"a\": 0x10}", SYNTAX, "line 1, column 8: " },
  { "{\"a\": \"tab\there\"}", SYNTAX, "line 1, column 11: " },
  { "{\"a\": \"\\x41\"}", SYNTAX, "line 1, column 8: " },
  { "{\"a\": \"\\u12\"}", SYNTAX, "line 1, column 8: " },
  { "{\"a\": \"open}", SYNTAX, "line 1, column 7: not valid JSON: a text is not closed" },
  { "{\"a\": [1, 2}", SYNTAX, "line 1, column 12: " },
  { "{\"a\": 1", SYNTAX, "line 1, column 8: not valid JSON: the file ends too early" },
  { "{\"a\": 1} x", SYNTAX, "line 1, column 10: not valid JSON: there is more" },
  { "{\"a\" 1}", SYNTAX, "line 1, column 6: " },
  { "{\"€€\": x}", SYNTAX, "line 1, column 8: " },
  { "{\n  \"base_cost\": 22,8\n}", SYNTAX, "line 2, column 18: not valid JSON: a decimal comma" },
  { "", SYNTAX, "the file is empty" },
  { " \n\t", SYNTAX, "the file is empty" },
  { "{\"a\": \"\xff\"}", SYNTAX, "line 1, column 8: not valid JSON: the file is not UTF-8" },
  /* Values: the path of the value, then where it is. */
  { "{\"lines\": [{\"name\": \"x\\u0000y\"}]}", VALUE, "$.lines[0].name: a text may not hold the character U+0000" },
  { "{\"a\": [\"\\ud800\"]}", VALUE, "$.a[0]: a text holds half a character" },
  { "{\"a\": \"\\udc00\"}", VALUE, "$.a: a text holds half a character" },
  { "{\"a\": \"\\ud800\\u0041\"}", VALUE, "$.a: a text holds half a character" },
  { "{\"a\\u0000b\": 1}", VALUE, "$: a text may not hold" },
  { "{\"a b\": {\"c\": 1e400}}", VALUE, "$[\"a b\"].c: the number is too large (line 1, column 15)" },
  { "{\"a\": 1, \"b\": 2, \"a\": 3}", VALUE, "$: the field “a” appears twice (line 1, column 18)" },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdJsonDoc) doc = pmd_json_parse (bad_cases[i].text, strlen (bad_cases[i].text), &error);
      g_autofree char *shown = g_utf8_make_valid (bad_cases[i].text, -1);

      /* The TAP log is UTF-8: the case of invalid UTF-8 is shown mended. */
      g_test_message ("%s → %s", shown, error ? error->message : "(accepted)");
      g_assert_null (doc);
      g_assert_error (error, PMD_JSON_ERROR, bad_cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, bad_cases[i].message));
    }
}

/* A field twice in a long object is found too (through the set of names). */
static void
test_duplicate_in_long_object (void)
{
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdJsonDoc) doc = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append_printf (text, "\"k%d\": %d, ", i, i);
  g_string_append (text, "\"k42\": 0}");
  doc = pmd_json_parse (text->str, text->len, &error);
  g_assert_null (doc);
  g_assert_error (error, PMD_JSON_ERROR, PMD_JSON_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "$: the field “k42” appears twice"));

  /* Without the repeat, all 100 are there and found. */
  g_string_truncate (text, text->len - strlen (", \"k42\": 0}"));
  g_string_append (text, "}");
  g_clear_error (&error);
  doc = pmd_json_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pmd_json_node_length (pmd_json_doc_get_root (doc)), ==, 100);
  g_assert_cmpfloat (pmd_json_object_get (pmd_json_doc_get_root (doc), "k99")->v.number, ==, 99);
}

static char *
nested (int         depth,
        const char *inner)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  g_string_append (text, inner);
  for (int i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

/* Nesting is counted while parsing: 64 levels are read, 65 are not, and
 * brackets inside texts (with escaped quotes and backslashes before them)
 * neither count nor hide real ones. */
static void
test_depth (void)
{
  g_autofree char *ok = nested (PMD_JSON_MAX_DEPTH, "1");
  g_autofree char *deep = nested (PMD_JSON_MAX_DEPTH + 1, "1");
  g_autofree char *very_deep = nested (200000, "");
  g_autofree char *in_text = nested (PMD_JSON_MAX_DEPTH, "\"[[[[{{{{\\\\\\\"[[[[\"");
  g_autofree char *after_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdJsonDoc) doc = NULL;

  doc = pmd_json_parse (ok, strlen (ok), &error);
  g_assert_no_error (error);
  g_clear_pointer (&doc, pmd_json_doc_free);

  doc = pmd_json_parse (deep, strlen (deep), &error);
  g_assert_null (doc);
  g_assert_error (error, PMD_JSON_ERROR, PMD_JSON_ERROR_DEPTH);
  /* 64 levels down, the path names the first six and the last five. */
  g_assert_true (g_str_has_prefix (error->message, "$[0][0][0][0][0][0]…[0][0][0][0][0]: "));
  g_clear_error (&error);

  doc = pmd_json_parse (very_deep, strlen (very_deep), &error);
  g_assert_null (doc);
  g_assert_error (error, PMD_JSON_ERROR, PMD_JSON_ERROR_DEPTH);
  g_clear_error (&error);

  doc = pmd_json_parse (in_text, strlen (in_text), &error);
  g_assert_no_error (error);
  g_clear_pointer (&doc, pmd_json_doc_free);

  /* A text ending in an escaped backslash, then real brackets: a scanner
   * that skips the character after every backslash would miss the quote. */
  after_text = g_strdup_printf ("[\"\\\\\", %s]", deep);
  doc = pmd_json_parse (after_text, strlen (after_text), &error);
  g_assert_null (doc);
  g_assert_error (error, PMD_JSON_ERROR, PMD_JSON_ERROR_DEPTH);
}

/* Many values: every one is read, and the document holds at most 16 bytes
 * a value plus one byte a byte of text. "0," is 2 bytes a value, so the
 * document is at most 16 / 2 + 1 = 9 times the text. */
static void
test_many_values (void)
{
  const guint n = 1000000;
  GString *text = g_string_sized_new (2 * n + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdJsonDoc) doc = NULL;
  const PmdJsonNode *e;
  double sum = 0;

  g_string_append_c (text, '[');
  for (guint i = 0; i < n; i++)
    g_string_append (text, i % 2 ? "1," : "0,");
  text->str[text->len - 1] = ']';
  doc = pmd_json_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pmd_json_node_length (pmd_json_doc_get_root (doc)), ==, n);
  e = pmd_json_node_first (pmd_json_doc_get_root (doc));
  for (guint i = 0; i < n; i++, e = pmd_json_node_next (e))
    sum += e->v.number;
  /* Half of them are 1. */
  g_assert_cmpfloat (sum, ==, n / 2);
  g_assert_cmpuint (pmd_json_doc_get_size (doc), <=, 9 * text->len + 16);
  g_string_free (text, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/json-reader/valid", test_valid);
  g_test_add_func ("/data/json-reader/refused", test_refused);
  g_test_add_func ("/data/json-reader/duplicate-in-long-object", test_duplicate_in_long_object);
  g_test_add_func ("/data/json-reader/depth", test_depth);
  g_test_add_func ("/data/json-reader/many-values", test_many_values);

  return g_test_run ();
}
