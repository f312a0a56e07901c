/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-documents.h"
#include "pmd-json-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * The documents a scenario cites, from its optional top-level list:
 *
 *   "documents": [{"id": "sbk-westland-2025", "short": "SBK Westland 2025",
 *                  "title": "Gemeente Westland, Strategisch Beleidskader …",
 *                  "note": "raadsbesluit, geldend vanaf 8 augustus 2025"}]
 *
 * The scenario reader keeps members it does not know as the scenario's
 * `extra` JSON text and writes them back on save; the list is read from
 * there, so it survives every load and save without being a model field.
 * A source cites a document by its short title (or its full title), so the
 * report can list the documents in the order a reader meets them.
 */

typedef struct
{
  const PmdSourceDocument *document;
  guint                    index;   /* in the list */
  guint                    text;    /* the first text citing it; G_MAXUINT: none */
  gsize                    offset;  /* where in that text */
} Citation;

G_DEFINE_BOXED_TYPE (PmdSourceDocument, pmd_source_document, pmd_source_document_copy, pmd_source_document_free)

static gboolean
invalid (GError    **error,
         const char *path,
         const char *key,
         const char *message)
{
  g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, "%s.%s: %s", path, key, message);
  return FALSE;
}

/* A text member: present and not empty when @required. */
static gboolean
get_text (const PmdJsonNode *obj,
          const char        *path,
          const char        *key,
          gboolean           required,
          const char       **out,
          GError           **error)
{
  const PmdJsonNode *node = pmd_json_object_get (obj, key);

  *out = NULL;
  if (node == NULL || pmd_json_node_kind (node) == PMD_JSON_NULL)
    return !required || invalid (error, path, key, _("this field is required"));
  if (pmd_json_node_kind (node) != PMD_JSON_STRING)
    return invalid (error, path, key, _("expected text"));
  *out = node->v.string;
  if (**out == '\0')
    {
      *out = NULL;
      return !required || invalid (error, path, key, _("this field is required"));
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every provenance text of an entity: its general source, then its fields'
 * in the order of their names (a hash table has none of its own). */
static void
add_texts (GPtrArray  *texts,
           const char *source,
           GHashTable *sources)
{
  g_autofree gpointer *fields = NULL;
  guint n;

  if (source != NULL)
    g_ptr_array_add (texts, (gpointer) source);
  if (sources == NULL)
    return;
  fields = g_hash_table_get_keys_as_array (sources, &n);
  qsort (fields, n, sizeof (gpointer), compare_names);
  for (guint k = 0; k < n; k++)
    g_ptr_array_add (texts, g_hash_table_lookup (sources, fields[k]));
}

/* The scenario's texts in the order of the file (and of the report): the
 * notes, the top-level sources, layers, domains, cohorts, lines,
 * interventions, funding, actuals. */
static GPtrArray *
collect_texts (const PmdScenario *sc)
{
  GPtrArray *texts = g_ptr_array_new ();

  if (sc->notes != NULL)
    g_ptr_array_add (texts, sc->notes);
  add_texts (texts, NULL, sc->sources);
  for (guint i = 0; i < sc->layers->len; i++)
    {
      const PmdLayer *l = g_ptr_array_index (sc->layers, i);
      add_texts (texts, l->source, l->sources);
    }
  for (guint i = 0; i < sc->domains->len; i++)
    {
      const PmdDomain *d = g_ptr_array_index (sc->domains, i);
      add_texts (texts, d->source, d->sources);
    }
  for (guint i = 0; i < sc->cohorts->len; i++)
    {
      const PmdCohort *c = g_ptr_array_index (sc->cohorts, i);
      add_texts (texts, c->source, c->sources);
    }
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      add_texts (texts, l->source, l->sources);
    }
  /* An intervention's `source` is the line it takes cost from, not a text. */
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      add_texts (texts, NULL, iv->sources);
    }
  add_texts (texts, sc->funding.source, sc->funding.sources);
  for (guint i = 0; i < sc->actuals->len; i++)
    {
      const PmdActual *a = g_ptr_array_index (sc->actuals, i);
      add_texts (texts, a->source, NULL);
    }
  return texts;
}

/* Where @text first names @doc, by its short or its full title. */
static gboolean
find_citation (const char              *text,
               const PmdSourceDocument *doc,
               gsize                   *offset)
{
  const char *by_short = strstr (text, doc->short_title);
  const char *by_title = strstr (text, doc->title);
  const char *first = by_short == NULL ? by_title
                    : by_title == NULL ? by_short
                    : MIN (by_short, by_title);

  if (first == NULL)
    return FALSE;
  *offset = (gsize) (first - text);
  return TRUE;
}

static int
compare_citations (gconstpointer a,
                   gconstpointer b)
{
  const Citation *x = a, *y = b;

  if (x->text != y->text)
    return x->text < y->text ? -1 : 1;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * pmd_source_document_new:
 * @note: (nullable): status and date
 *
 * Returns: (transfer full): a new document entry
 */
PmdSourceDocument *
pmd_source_document_new (const char *id,
                         const char *short_title,
                         const char *title,
                         const char *note)
{
  PmdSourceDocument *self;

  g_return_val_if_fail (short_title != NULL && title != NULL, NULL);

  self = g_new0 (PmdSourceDocument, 1);
  self->id = g_strdup (id);
  self->short_title = g_strdup (short_title);
  self->title = g_strdup (title);
  self->note = g_strdup (note);
  return self;
}

PmdSourceDocument *
pmd_source_document_copy (const PmdSourceDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pmd_source_document_new (self->id, self->short_title, self->title, self->note);
}

void
pmd_source_document_free (PmdSourceDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->short_title);
  g_free (self->title);
  g_free (self->note);
  g_free (self);
}

/**
 * pmd_documents_parse:
 * @extra: (nullable): a scenario's unknown members as a JSON object text
 *   (`PmdScenario.extra`)
 * @error: a malformed list, with the JSON path of the value
 *
 * Reads the `documents` list: each entry has `id`, `short` and `title`
 * (text, required) and `note` (text, optional).
 *
 * Returns: (transfer full) (element-type PmdSourceDocument) (nullable): the
 *   documents in the order of the list, empty when there is none
 */
GPtrArray *
pmd_documents_parse (const char  *extra,
                     GError     **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_source_document_free);
  g_autoptr(PmdJsonDoc) doc = NULL;
  g_autoptr(GError) local = NULL;
  const PmdJsonNode *root, *list, *item;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (extra == NULL || *extra == '\0')
    return g_steal_pointer (&docs);
  doc = pmd_json_parse (extra, strlen (extra), &local);
  if (doc == NULL)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_SYNTAX, "%s", local->message);
      return NULL;
    }
  root = pmd_json_doc_get_root (doc);
  if (pmd_json_node_kind (root) != PMD_JSON_OBJECT ||
      (list = pmd_json_object_get (root, "documents")) == NULL ||
      pmd_json_node_kind (list) == PMD_JSON_NULL)
    return g_steal_pointer (&docs);
  if (pmd_json_node_kind (list) != PMD_JSON_ARRAY)
    {
      invalid (error, "$", "documents", _("expected a list"));
      return NULL;
    }
  item = pmd_json_node_first (list);
  for (guint i = 0; i < pmd_json_node_length (list); i++, item = pmd_json_node_next (item))
    {
      g_autofree char *path = g_strdup_printf ("$.documents[%u]", i);
      const char *id, *short_title, *title, *note;

      if (pmd_json_node_kind (item) != PMD_JSON_OBJECT)
        {
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, "%s: %s", path, _("expected an object"));
          return NULL;
        }
      if (!get_text (item, path, "id", TRUE, &id, error) ||
          !get_text (item, path, "short", TRUE, &short_title, error) ||
          !get_text (item, path, "title", TRUE, &title, error) ||
          !get_text (item, path, "note", FALSE, &note, error))
        return NULL;
      g_ptr_array_add (docs, pmd_source_document_new (id, short_title, title, note));
    }
  return g_steal_pointer (&docs);
}

/**
 * pmd_documents_by_citation:
 * @scenario: a scenario
 * @documents: (element-type PmdSourceDocument): its documents
 *
 * Orders @documents as a reader meets them: by the first text that cites
 * each one (the notes, then the sources in the order of the file), by its
 * short or full title. Documents no text cites follow in the order of the
 * list.
 *
 * Returns: (transfer full) (element-type PmdSourceDocument): copies of
 *   @documents, ordered
 */
GPtrArray *
pmd_documents_by_citation (const PmdScenario *scenario,
                           GPtrArray         *documents)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) citations = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  texts = collect_texts (scenario);
  citations = g_array_sized_new (FALSE, FALSE, sizeof (Citation), documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      Citation c = { g_ptr_array_index (documents, i), i, G_MAXUINT, 0 };

      for (guint t = 0; t < texts->len && c.text == G_MAXUINT; t++)
        if (find_citation (g_ptr_array_index (texts, t), c.document, &c.offset))
          c.text = t;
      g_array_append_val (citations, c);
    }
  g_array_sort (citations, compare_citations);

  sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_source_document_free);
  for (guint i = 0; i < citations->len; i++)
    g_ptr_array_add (sorted, pmd_source_document_copy (g_array_index (citations, Citation, i).document));
  return sorted;
}

/**
 * pmd_scenario_dup_documents:
 * @scenario: a scenario
 * @error: a malformed `documents` list
 *
 * The scenario's documents in the order they are first cited: what a
 * report's list of sources shows.
 *
 * Returns: (transfer full) (element-type PmdSourceDocument) (nullable): the
 *   documents, empty when the scenario lists none
 */
GPtrArray *
pmd_scenario_dup_documents (const PmdScenario  *scenario,
                            GError            **error)
{
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (scenario != NULL, NULL);

  documents = pmd_documents_parse (scenario->extra, error);
  if (documents == NULL)
    return NULL;
  return pmd_documents_by_citation (scenario, documents);
}
