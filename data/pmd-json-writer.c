/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pmd-json-writer.h"
#include "pmd-dtoa.h"

#define MAX_DEPTH 128

struct _PmdJsonWriter
{
  GString *out;
  gboolean pretty;
  int      depth;
  gboolean has_items[MAX_DEPTH];
  gboolean one_line[MAX_DEPTH];
  gboolean after_key;
};

PmdJsonWriter *
pmd_json_writer_new (gboolean pretty)
{
  PmdJsonWriter *self = g_new0 (PmdJsonWriter, 1);
  self->out = g_string_sized_new (4096);
  self->pretty = pretty;
  return self;
}

void
pmd_json_writer_free (PmdJsonWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_free (self);
}

/**
 * pmd_json_writer_steal:
 * Returns: (transfer full): the text written, with a final newline
 */
char *
pmd_json_writer_steal (PmdJsonWriter *self,
                       gsize         *length)
{
  char *text;

  g_string_append_c (self->out, '\n');
  if (length != NULL)
    *length = self->out->len;
  text = g_string_free (self->out, FALSE);
  self->out = g_string_new (NULL);
  return text;
}

static gboolean
in_one_line (PmdJsonWriter *self)
{
  return !self->pretty || (self->depth > 0 && self->one_line[self->depth - 1]);
}

static void
newline (PmdJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (int i = 0; i < self->depth; i++)
    g_string_append (self->out, "  ");
}

/* Separates a value from the one before it; keys have done this already. */
static void
before_value (PmdJsonWriter *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->depth == 0)
    return;
  if (self->has_items[self->depth - 1])
    g_string_append_c (self->out, ',');
  self->has_items[self->depth - 1] = TRUE;
  if (in_one_line (self))
    {
      if (self->pretty && self->out->str[self->out->len - 1] == ',')
        g_string_append_c (self->out, ' ');
    }
  else
    newline (self);
}

static void
begin (PmdJsonWriter *self,
       char           open,
       gboolean       one_line)
{
  gboolean parent_one_line = in_one_line (self);

  before_value (self);
  g_assert (self->depth < MAX_DEPTH);
  g_string_append_c (self->out, open);
  self->has_items[self->depth] = FALSE;
  self->one_line[self->depth] = one_line || (self->depth > 0 && parent_one_line && self->pretty);
  self->depth++;
}

static void
end (PmdJsonWriter *self,
     char           close)
{
  gboolean had_items;

  g_assert (self->depth > 0);
  had_items = self->has_items[self->depth - 1];
  self->depth--;
  if (had_items && !(self->pretty && self->one_line[self->depth]) && self->pretty)
    newline (self);
  g_string_append_c (self->out, close);
}

void
pmd_json_writer_begin_object (PmdJsonWriter *self,
                              gboolean       one_line)
{
  begin (self, '{', one_line);
}

void
pmd_json_writer_end_object (PmdJsonWriter *self)
{
  end (self, '}');
}

void
pmd_json_writer_begin_array (PmdJsonWriter *self,
                             gboolean       one_line)
{
  begin (self, '[', one_line);
}

void
pmd_json_writer_end_array (PmdJsonWriter *self)
{
  end (self, ']');
}

static void
append_string (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
pmd_json_writer_key (PmdJsonWriter *self,
                     const char    *key)
{
  before_value (self);
  append_string (self->out, key);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_key = TRUE;
}

void
pmd_json_writer_string (PmdJsonWriter *self,
                        const char    *value)
{
  before_value (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    append_string (self->out, value);
}

void
pmd_json_writer_number (PmdJsonWriter *self,
                        double         value)
{
  char text[PMD_DTOA_BUF_SIZE];
  int len = pmd_dtoa (value, text);

  before_value (self);
  g_string_append_len (self->out, text, len);
}

void
pmd_json_writer_int (PmdJsonWriter *self,
                     gint64         value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
pmd_json_writer_bool (PmdJsonWriter *self,
                      gboolean       value)
{
  before_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
pmd_json_writer_null (PmdJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}

/**
 * pmd_json_writer_numbers:
 *
 * Writes an array of numbers on one line; NaN is written as null.
 */
void
pmd_json_writer_numbers (PmdJsonWriter *self,
                         const double  *values,
                         int            n)
{
  pmd_json_writer_begin_array (self, TRUE);
  for (int i = 0; i < n; i++)
    pmd_json_writer_number (self, values[i]);
  pmd_json_writer_end_array (self);
}

/**
 * pmd_json_writer_member_numbers:
 * @key: the member's name
 *
 * Writes the member @key of an object: an array of numbers on one line.
 */
void
pmd_json_writer_member_numbers (PmdJsonWriter *self,
                                const char    *key,
                                const double  *values,
                                int            n)
{
  pmd_json_writer_key (self, key);
  pmd_json_writer_numbers (self, values, n);
}

/**
 * pmd_json_writer_int_range:
 * @first: the first number
 * @n: how many
 *
 * Writes the array [@first, @first + 1, …, @first + @n − 1] on one line:
 * the years of a projection.
 */
void
pmd_json_writer_int_range (PmdJsonWriter *self,
                           int            first,
                           int            n)
{
  pmd_json_writer_begin_array (self, TRUE);
  for (int i = 0; i < n; i++)
    pmd_json_writer_int (self, (gint64) first + i);
  pmd_json_writer_end_array (self);
}

/**
 * pmd_json_writer_value:
 * @node: a value of a document read by pmd_json_parse()
 *
 * Writes @node and everything inside it.
 */
void
pmd_json_writer_value (PmdJsonWriter     *self,
                       const PmdJsonNode *node)
{
  switch (pmd_json_node_kind (node))
    {
    case PMD_JSON_OBJECT:
      {
        const PmdJsonNode *key = pmd_json_node_first (node);

        pmd_json_writer_begin_object (self, FALSE);
        for (guint i = 0; i < pmd_json_node_length (node); i++, key = pmd_json_member_next (key))
          {
            pmd_json_writer_key (self, key->v.string);
            pmd_json_writer_value (self, pmd_json_member_value (key));
          }
        pmd_json_writer_end_object (self);
      }
      break;
    case PMD_JSON_ARRAY:
      {
        const PmdJsonNode *element = pmd_json_node_first (node);
        gboolean scalars = TRUE;

        for (guint i = 0; i < pmd_json_node_length (node); i++, element = pmd_json_node_next (element))
          if (pmd_json_node_kind (element) == PMD_JSON_OBJECT)
            scalars = FALSE;
        pmd_json_writer_begin_array (self, scalars);
        element = pmd_json_node_first (node);
        for (guint i = 0; i < pmd_json_node_length (node); i++, element = pmd_json_node_next (element))
          pmd_json_writer_value (self, element);
        pmd_json_writer_end_array (self);
      }
      break;
    case PMD_JSON_NULL:
      pmd_json_writer_null (self);
      break;
    case PMD_JSON_BOOLEAN:
      pmd_json_writer_bool (self, node->v.boolean);
      break;
    case PMD_JSON_NUMBER:
      pmd_json_writer_number (self, node->v.number);
      break;
    case PMD_JSON_STRING:
      pmd_json_writer_string (self, node->v.string);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * pmd_json_writer_members:
 * @object_text: (nullable): a JSON object's text
 *
 * Writes the members of @object_text into the object being written: how the
 * fields a newer tool added survive a round trip.
 */
void
pmd_json_writer_members (PmdJsonWriter *self,
                         const char    *object_text)
{
  g_autoptr(PmdJsonDoc) doc = NULL;
  const PmdJsonNode *root, *key;

  if (object_text == NULL)
    return;
  /* The text was written by collect_extra from a document read before. */
  doc = pmd_json_parse (object_text, strlen (object_text), NULL);
  if (doc == NULL || pmd_json_node_kind (pmd_json_doc_get_root (doc)) != PMD_JSON_OBJECT)
    return;
  root = pmd_json_doc_get_root (doc);
  key = pmd_json_node_first (root);
  for (guint i = 0; i < pmd_json_node_length (root); i++, key = pmd_json_member_next (key))
    {
      pmd_json_writer_key (self, key->v.string);
      pmd_json_writer_value (self, pmd_json_member_value (key));
    }
}
