/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-documents.h"
#include "pmd-scenario-file.h"

/* A small valid scenario: the notes cite B, a line cites A after it. */
static const char *cited_json =
  "{\"format\": \"piramide-scenario\", \"version\": 1, \"name\": \"t\", \"base_year\": 2026, \"horizon\": 2,"
  " \"notes\": \"Op basis van Beleid B (hierna BB).\","
  " \"documents\": [{\"id\": \"a\", \"short\": \"AA 2020\", \"title\": \"Gemeente X, Alpha 2020\", \"note\": \"n\"},"
  "                 {\"id\": \"b\", \"short\": \"BB\", \"title\": \"Gemeente Y, Beleid B\"},"
  "                 {\"id\": \"c\", \"short\": \"CC\", \"title\": \"Gemeente Z, Nooit aangehaald\"}],"
  " \"layers\": [{\"id\": \"a\", \"name\": \"A\"}],"
  " \"domains\": [{\"id\": \"d\", \"name\": \"D\"}],"
  " \"lines\": [{\"id\": \"x\", \"layer\": \"a\", \"domain\": \"d\", \"base_cost\": 1,"
  "             \"source\": \"AA 2020, §2: 1 euro\", \"sources\": {\"clients\": \"BB, hoofdstuk 3\"}}]}";

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = pmd_documents_parse (
    "{\"documents\": [{\"id\": \"sbk\", \"short\": \"SBK\", \"title\": \"Gemeente W, Kader\", \"note\": \"2025\"},"
    " {\"id\": \"up\", \"short\": \"UP\", \"title\": \"Gemeente W, Programma\", \"note\": null}], \"other\": 1}",
    &error);
  const PmdSourceDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  d = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (d->id, ==, "sbk");
  g_assert_cmpstr (d->short_title, ==, "SBK");
  g_assert_cmpstr (d->title, ==, "Gemeente W, Kader");
  g_assert_cmpstr (d->note, ==, "2025");
  d = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (d->id, ==, "up");
  g_assert_null (d->note);
}

/* No list at all is no error: an empty list. */
static void
test_none (void)
{
  const char *texts[] = { NULL, "", "{}", "{\"other\": [1, 2]}", "{\"documents\": null}", "{\"documents\": []}" };

  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = pmd_documents_parse (texts[k], &error);

      g_assert_no_error (error);
      g_assert_nonnull (docs);
      g_assert_cmpuint (docs->len, ==, 0);
    }
}

/* A malformed list says where, as the scenario reader does. */
static void
test_parse_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "{\"documents\": {}}", "$.documents: expected a list" },
    { "{\"documents\": [1]}", "$.documents[0]: expected an object" },
    { "{\"documents\": [{\"id\": \"a\", \"short\": \"A\"}]}", "$.documents[0].title: this field is required" },
    { "{\"documents\": [{\"id\": \"a\", \"short\": \"A\", \"title\": \"T\"}, {\"id\": \"b\", \"short\": 3, \"title\": \"T\"}]}",
      "$.documents[1].short: expected text" },
    /* An empty short title would be found in every text. */
    { "{\"documents\": [{\"id\": \"a\", \"short\": \"\", \"title\": \"T\"}]}", "$.documents[0].short: this field is required" },
    { "{\"documents\": [{\"id\": \"a\", \"short\": \"A\", \"title\": \"T\", \"note\": false}]}",
      "$.documents[0].note: expected text" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (pmd_documents_parse (cases[k].json, &error));
      g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[k].message);
    }
}

/* The order a reader meets them: the notes name B first, a line's source
 * then names A; C is cited nowhere and comes last, kept all the same. */
static void
test_citation_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (cited_json, -1, &error);
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_no_error (error);
  docs = pmd_scenario_dup_documents (sc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 0))->id, ==, "b");
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 1))->id, ==, "a");
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 2))->id, ==, "c");

  /* Without the notes, A's line source comes before B's field source. */
  g_clear_pointer (&sc->notes, g_free);
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = pmd_scenario_dup_documents (sc, &error);
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 0))->id, ==, "a");
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 1))->id, ==, "b");
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 2))->id, ==, "c");
}

/* The list is not a model field: it lives in the scenario's unknown members
 * and must survive a save and a load unchanged. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (cited_json, -1, &error);
  g_autoptr(PmdScenario) back = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_no_error (error);
  data = pmd_scenario_to_data (sc, &len);
  back = pmd_scenario_load_from_data (data, len, &error);
  g_assert_no_error (error);
  before = pmd_documents_parse (sc->extra, &error);
  after = pmd_documents_parse (back->extra, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      const PmdSourceDocument *x = g_ptr_array_index (before, i), *y = g_ptr_array_index (after, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->short_title, ==, y->short_title);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->note, ==, y->note);
    }
}

/* Every provenance text of the scenario, as a user can see them: the notes,
 * and every `source` and `sources` value. */
static void
add_texts (GPtrArray  *texts,
           const char *source,
           GHashTable *sources)
{
  GHashTableIter iter;
  gpointer value;

  if (source != NULL)
    g_ptr_array_add (texts, (gpointer) source);
  if (sources == NULL)
    return;
  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (texts, value);
}

static GPtrArray *
all_texts (const PmdScenario *sc)
{
  GPtrArray *texts = g_ptr_array_new ();

  g_ptr_array_add (texts, sc->notes);
  add_texts (texts, NULL, sc->sources);
  for (guint i = 0; i < sc->layers->len; i++)
    add_texts (texts, ((PmdLayer *) g_ptr_array_index (sc->layers, i))->source,
               ((PmdLayer *) g_ptr_array_index (sc->layers, i))->sources);
  for (guint i = 0; i < sc->domains->len; i++)
    add_texts (texts, ((PmdDomain *) g_ptr_array_index (sc->domains, i))->source,
               ((PmdDomain *) g_ptr_array_index (sc->domains, i))->sources);
  for (guint i = 0; i < sc->cohorts->len; i++)
    add_texts (texts, ((PmdCohort *) g_ptr_array_index (sc->cohorts, i))->source,
               ((PmdCohort *) g_ptr_array_index (sc->cohorts, i))->sources);
  for (guint i = 0; i < sc->lines->len; i++)
    add_texts (texts, ((PmdLine *) g_ptr_array_index (sc->lines, i))->source,
               ((PmdLine *) g_ptr_array_index (sc->lines, i))->sources);
  for (guint i = 0; i < sc->interventions->len; i++)
    add_texts (texts, NULL, ((PmdIntervention *) g_ptr_array_index (sc->interventions, i))->sources);
  add_texts (texts, sc->funding.source, sc->funding.sources);
  for (guint i = 0; i < sc->actuals->len; i++)
    add_texts (texts, ((PmdActual *) g_ptr_array_index (sc->actuals, i))->source, NULL);
  return texts;
}

/* A council member can follow every source of the bundled scenario: none
 * names a file or a line number (the working notes' "seed 001 L97"), and
 * the text a user sees never does either. */
static void
test_bundled_readable (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "westland-2026.piramide", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_file (path, &error);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GRegex) unreadable = g_regex_new ("seed|L[0-9]+|\\.txt", 0, 0, NULL);
  guint n_sources = 0;

  g_assert_no_error (error);
  texts = all_texts (sc);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_regex_match (unreadable, text, 0, NULL))
        g_error ("a source a council member cannot follow: %s", text);
      n_sources++;
    }
  /* Enough to be sure the walk saw them: the notes plus dozens of sources. */
  g_assert_cmpuint (n_sources, >, 40);
}

/* The bundled scenario lists its four documents; the notes name them in the
 * order SBK, UP Kernachtig Sociaal, Voortgangsrapportage 2020, Bronckhorst,
 * so that is their order, and each is cited by some source besides. */
static void
test_bundled_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  const char *ids[] = { "sbk-westland-2025", "up-kernachtig-sociaal", "voortgang-2020", "bronckhorst-2019" };

  g_assert_no_error (error);
  docs = pmd_scenario_dup_documents (sc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, G_N_ELEMENTS (ids));
  texts = all_texts (sc);
  g_ptr_array_remove_index (texts, 0);   /* the notes */
  for (guint i = 0; i < docs->len; i++)
    {
      const PmdSourceDocument *d = g_ptr_array_index (docs, i);
      gboolean cited = FALSE;

      g_assert_cmpstr (d->id, ==, ids[i]);
      g_assert_true (g_str_has_prefix (d->title, "Gemeente "));
      for (guint t = 0; t < texts->len && !cited; t++)
        cited = strstr (g_ptr_array_index (texts, t), d->short_title) != NULL;
      g_assert_true (cited);
    }
  /* The first document a reader meets is the main source, by its title. */
  g_assert_cmpstr (((PmdSourceDocument *) g_ptr_array_index (docs, 0))->title, ==,
                   "Gemeente Westland, Strategisch Beleidskader Sociaal Domein gemeente Westland 2025");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/documents/parse", test_parse);
  g_test_add_func ("/data/documents/none", test_none);
  g_test_add_func ("/data/documents/parse-errors", test_parse_errors);
  g_test_add_func ("/data/documents/citation-order", test_citation_order);
  g_test_add_func ("/data/documents/round-trip", test_round_trip);
  g_test_add_func ("/data/documents/bundled-readable", test_bundled_readable);
  g_test_add_func ("/data/documents/bundled", test_bundled_documents);

  return g_test_run ();
}
