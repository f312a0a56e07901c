/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PmdJsonKind:
 *
 * What a JSON value is. true and false are one kind, %PMD_JSON_BOOLEAN.
 */
typedef enum
{
  PMD_JSON_NULL,
  PMD_JSON_BOOLEAN,
  PMD_JSON_NUMBER,
  PMD_JSON_STRING,
  PMD_JSON_ARRAY,
  PMD_JSON_OBJECT,
} PmdJsonKind;

/**
 * PmdJsonNode:
 *
 * One value of a parsed document, 16 bytes. The nodes of a document lie in
 * one array in document order: a container's children follow it, an
 * object's as key, value, key, value; @skip counts the node and all its
 * descendants, so the next sibling is `node + skip`. Read it with the
 * functions below.
 */
typedef struct
{
  guint32 kind : 3;
  guint32 length : 29;  /* elements of an array, members of an object */
  guint32 skip;
  union
  {
    double      number;
    gboolean    boolean;
    const char *string; /* UTF-8, no U+0000 inside, owned by the document */
  } v;
} PmdJsonNode;

typedef struct _PmdJsonDoc PmdJsonDoc;

/* Deeper nesting than this is no scenario. */
#define PMD_JSON_MAX_DEPTH 64

/**
 * PMD_JSON_ERROR:
 *
 * Errors of pmd_json_parse(): %PMD_JSON_ERROR_SYNTAX for text that is not
 * RFC 8259 JSON (with line and column), %PMD_JSON_ERROR_VALUE for JSON
 * whose value no file may hold (U+0000 or a lone surrogate in a text, a
 * number too large for a double, a field twice in one object: with the
 * value's path), %PMD_JSON_ERROR_DEPTH for nesting deeper than
 * %PMD_JSON_MAX_DEPTH.
 */
#define PMD_JSON_ERROR (pmd_json_error_quark ())
typedef enum
{
  PMD_JSON_ERROR_SYNTAX,
  PMD_JSON_ERROR_VALUE,
  PMD_JSON_ERROR_DEPTH,
} PmdJsonError;

GQuark             pmd_json_error_quark (void);

PmdJsonDoc        *pmd_json_parse       (const char  *data,
                                         gsize        length,
                                         GError     **error);
void               pmd_json_doc_free    (PmdJsonDoc  *doc);
const PmdJsonNode *pmd_json_doc_get_root (const PmdJsonDoc *doc);
gsize              pmd_json_doc_get_size (const PmdJsonDoc *doc);

const PmdJsonNode *pmd_json_object_get  (const PmdJsonNode *object,
                                         const char        *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdJsonDoc, pmd_json_doc_free)

static inline PmdJsonKind
pmd_json_node_kind (const PmdJsonNode *node)
{
  return (PmdJsonKind) node->kind;
}

static inline guint
pmd_json_node_length (const PmdJsonNode *node)
{
  return node->length;
}

/* The first element of an array, or the first key of an object (its value
 * is pmd_json_member_value()); only when the length is not 0. */
static inline const PmdJsonNode *
pmd_json_node_first (const PmdJsonNode *node)
{
  return node + 1;
}

/* The next element of an array; for an object's members, the next key. */
static inline const PmdJsonNode *
pmd_json_node_next (const PmdJsonNode *node)
{
  return node + node->skip;
}

static inline const PmdJsonNode *
pmd_json_member_value (const PmdJsonNode *key)
{
  return key + 1;
}

static inline const PmdJsonNode *
pmd_json_member_next (const PmdJsonNode *key)
{
  const PmdJsonNode *value = key + 1;

  return value + value->skip;
}

G_END_DECLS
