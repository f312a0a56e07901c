/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "pmd-json-reader.h"
#include "pmd-format.h"

/*
 * A strict RFC 8259 reader for scenario files.
 *
 * json-glib's parser accepts comments, single-quoted strings and other
 * extensions, builds a GObject-sized node per number (a 63 MB file of
 * numbers took over a minute and 2,3 GB) and leaves nesting to a recursive
 * descent without a limit. This one accepts JSON and nothing else, reports
 * every error in the user's language with line and column (or the value's
 * path), stops at PMD_JSON_MAX_DEPTH levels while it parses (so no
 * pre-scan can disagree with it), and builds the document as one array of
 * 16-byte nodes plus one buffer for the decoded texts, which is never
 * longer than the file: memory is a small multiple of the file's size and
 * time is linear in it.
 */

struct _PmdJsonDoc
{
  PmdJsonNode *nodes;
  gsize        n_nodes;
  gsize        n_allocated;
  char        *strings;  /* decoded texts, each nul-terminated */
  gsize        strings_size;
};

/* Where the parser is, for the path of a value in an error message. */
typedef struct _Frame Frame;
struct _Frame
{
  const Frame *parent;
  const char  *key;    /* the member's name, or NULL for an array element */
  gsize        index;
};

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  PmdJsonDoc *doc;
  char       *text_end; /* where the next decoded text goes */
  GError    **error;
} Parser;

G_DEFINE_QUARK (pmd-json-error-quark, pmd_json_error)

static gboolean parse_value (Parser      *ps,
                             const Frame *frame,
                             int          depth);

/* Errors */

static void
position (const Parser *ps,
          const char   *at,
          gsize        *line,
          gsize        *column)
{
  const char *line_start = ps->start;

  *line = 1;
  for (const char *q = ps->start; q < at; q++)
    if (*q == '\n')
      {
        (*line)++;
        line_start = q + 1;
      }
  /* Characters, not bytes: what an editor shows. */
  *column = g_utf8_strlen (line_start, at - line_start) + 1;
}

static char *
dup_path (const Frame *frame)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new ("$");

  for (const Frame *f = frame; f != NULL; f = f->parent)
    {
      if (f->key == NULL)
        g_ptr_array_add (parts, g_strdup_printf ("[%" G_GSIZE_FORMAT "]", f->index));
      else
        {
          gboolean plain = *f->key != '\0';

          for (const char *c = f->key; *c; c++)
            if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-')
              plain = FALSE;
          if (plain)
            g_ptr_array_add (parts, g_strconcat (".", f->key, NULL));
          else
            {
              g_autofree char *shown = pmd_format_escape_text (f->key);
              g_ptr_array_add (parts, g_strdup_printf ("[\"%s\"]", shown));
            }
        }
    }
  /* Deep down, the first levels and the last ones say where: "$.x[0][0]…[0]". */
  for (guint i = parts->len; i > 0; i--)
    {
      if (parts->len > 12 && i == parts->len - 6)
        {
          g_string_append (path, "…");
          i = 5;
        }
      g_string_append (path, g_ptr_array_index (parts, i - 1));
    }
  g_ptr_array_unref (parts);
  return g_string_free (path, FALSE);
}

/* Text that is not JSON: "line 3, column 7: not valid JSON: …". */
G_GNUC_PRINTF (3, 4) static gboolean
syntax_error (Parser     *ps,
              const char *at,
              const char *format,
              ...)
{
  g_autofree char *what = NULL;
  gsize line, column;
  va_list args;

  if (ps->error == NULL || *ps->error != NULL)
    return FALSE;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  position (ps, at, &line, &column);
  g_set_error (ps->error, PMD_JSON_ERROR, PMD_JSON_ERROR_SYNTAX,
               _("line %u, column %u: not valid JSON: %s"),
               (guint) line, (guint) column, what);
  return FALSE;
}

/* JSON that no file may hold: "$.lines[2].name: … (line 3, column 7)". */
static gboolean
value_error (Parser      *ps,
             const char  *at,
             const Frame *frame,
             int          code,
             const char  *what)
{
  g_autofree char *path = NULL;
  gsize line, column;

  if (ps->error == NULL || *ps->error != NULL)
    return FALSE;
  path = dup_path (frame);
  position (ps, at, &line, &column);
  g_set_error (ps->error, PMD_JSON_ERROR, code,
               _("%s: %s (line %u, column %u)"),
               path, what, (guint) line, (guint) column);
  return FALSE;
}

/* The character at @at as a user can read it in a message. */
static char *
dup_char_at (const Parser *ps,
             const char   *at)
{
  g_autofree char *one = NULL;
  const char *next;

  if (at >= ps->end)
    return g_strdup ("");
  next = g_utf8_find_next_char (at, ps->end);
  one = g_strndup (at, (next != NULL ? next : ps->end) - at);
  return pmd_format_escape_text (one);
}

static gboolean
unexpected (Parser     *ps,
            const char *at,
            const char *expected)
{
  g_autofree char *c = NULL;

  if (at >= ps->end)
    return syntax_error (ps, at, _("the file ends too early: %s"), expected);
  switch (*at)
    {
    case '/':
      return syntax_error (ps, at, _("comments are not part of JSON"));
    case '\'':
      return syntax_error (ps, at, _("a text is written between double quotes (\"…\"), not single ones"));
    default:
      c = dup_char_at (ps, at);
      return syntax_error (ps, at, _("found “%s” where %s"), c, expected);
    }
}

/* Nodes */

static gsize
add_node (Parser      *ps,
          PmdJsonKind  kind)
{
  PmdJsonDoc *doc = ps->doc;
  PmdJsonNode *node;

  if (doc->n_nodes == doc->n_allocated)
    {
      doc->n_allocated = MAX (64, doc->n_allocated * 2);
      doc->nodes = g_renew (PmdJsonNode, doc->nodes, doc->n_allocated);
    }
  node = &doc->nodes[doc->n_nodes];
  memset (node, 0, sizeof *node);
  node->kind = kind;
  node->skip = 1;
  return doc->n_nodes++;
}

static void
skip_space (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at @p, or -1. */
static int
read_hex4 (const Parser *ps,
           const char   *p)
{
  int value = 0;

  if (ps->end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = hex_value (p[i]);
      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

/* A text at ps->p (the opening quote), decoded into the document's text
 * buffer. The file was checked to be UTF-8 before parsing. */
static gboolean
parse_string (Parser      *ps,
              const Frame *frame,
              const char **out)
{
  const char *open = ps->p;
  char *o = ps->text_end;

  g_assert (*ps->p == '"');
  ps->p++;
  for (;;)
    {
      const char *p = ps->p;
      unsigned char c;

      /* The plain run up to the next quote, escape or control character. */
      while (p < ps->end && *p != '"' && *p != '\\' && (unsigned char) *p >= 0x20)
        p++;
      memcpy (o, ps->p, p - ps->p);
      o += p - ps->p;
      ps->p = p;
      if (p >= ps->end)
        return syntax_error (ps, open, _("a text is not closed with a double quote"));
      c = (unsigned char) *p;
      if (c == '"')
        break;
      if (c < 0x20)
        return syntax_error (ps, p, _("a line break or control character inside a text is written "
                                      "as an escape such as \\n"));
      /* An escape. */
      if (p + 1 >= ps->end)
        return syntax_error (ps, open, _("a text is not closed with a double quote"));
      switch (p[1])
        {
        case '"': *o++ = '"'; ps->p += 2; break;
        case '\\': *o++ = '\\'; ps->p += 2; break;
        case '/': *o++ = '/'; ps->p += 2; break;
        case 'b': *o++ = '\b'; ps->p += 2; break;
        case 'f': *o++ = '\f'; ps->p += 2; break;
        case 'n': *o++ = '\n'; ps->p += 2; break;
        case 'r': *o++ = '\r'; ps->p += 2; break;
        case 't': *o++ = '\t'; ps->p += 2; break;
        case 'u':
          {
            int u = read_hex4 (ps, p + 2);
            gunichar ch;

            if (u < 0)
              return syntax_error (ps, p, _("“\\u” is followed by four hexadecimal digits"));
            ps->p += 6;
            if (u == 0)
              return value_error (ps, p, frame, PMD_JSON_ERROR_VALUE,
                                  _("a text may not hold the character U+0000 (\\u0000)"));
            if (u >= 0xDC00 && u <= 0xDFFF)
              return value_error (ps, p, frame, PMD_JSON_ERROR_VALUE,
                                  _("a text holds half a character (a lone surrogate \\uDC00–\\uDFFF)"));
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = (ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u')
                          ? read_hex4 (ps, ps->p + 2) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  return value_error (ps, p, frame, PMD_JSON_ERROR_VALUE,
                                      _("a text holds half a character (a lone surrogate \\uD800–\\uDBFF)"));
                ps->p += 6;
                ch = 0x10000 + (((gunichar) u - 0xD800) << 10) + ((gunichar) low - 0xDC00);
              }
            else
              ch = (gunichar) u;
            o += g_unichar_to_utf8 (ch, o);
          }
          break;
        default:
          {
            g_autofree char *c2 = dup_char_at (ps, p + 1);
            return syntax_error (ps, p, _("“\\%s” is no escape in JSON"), c2);
          }
        }
    }
  ps->p++;
  *o++ = '\0';
  *out = ps->text_end;
  ps->text_end = o;
  return TRUE;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
parse_number (Parser      *ps,
              const Frame *frame,
              double      *out)
{
  const char *start = ps->p;
  const char *p = ps->p;
  gboolean simple = TRUE;
  char buffer[64];

  if (p < ps->end && *p == '-')
    p++;
  if (p >= ps->end || !g_ascii_isdigit (*p))
    return syntax_error (ps, start, _("a number is written as 12, -0.5 or 1e6"));
  if (*p == '0' && p + 1 < ps->end && g_ascii_isdigit (p[1]))
    return syntax_error (ps, start, _("a number does not start with 0 (write 7, not 007)"));
  while (p < ps->end && g_ascii_isdigit (*p))
    p++;
  if (p < ps->end && *p == '.')
    {
      simple = FALSE;
      p++;
      if (p >= ps->end || !g_ascii_isdigit (*p))
        return syntax_error (ps, start, _("a number has digits after its decimal point (write 1.0, not 1.)"));
      while (p < ps->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < ps->end && (*p == 'e' || *p == 'E'))
    {
      simple = FALSE;
      p++;
      if (p < ps->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= ps->end || !g_ascii_isdigit (*p))
        return syntax_error (ps, start, _("a number's exponent has digits (write 1e6)"));
      while (p < ps->end && g_ascii_isdigit (*p))
        p++;
    }
  ps->p = p;

  /* Whole numbers of up to 15 digits are exact in a double: no strtod. */
  if (simple && p - start - (*start == '-') <= 15)
    {
      gint64 v = 0;

      for (const char *q = start + (*start == '-'); q < p; q++)
        v = v * 10 + (*q - '0');
      *out = *start == '-' ? -(double) v : (double) v;
      return TRUE;
    }
  if ((gsize) (p - start) < sizeof buffer)
    {
      memcpy (buffer, start, p - start);
      buffer[p - start] = '\0';
      *out = g_ascii_strtod (buffer, NULL);
    }
  else
    {
      g_autofree char *copy = g_strndup (start, p - start);
      *out = g_ascii_strtod (copy, NULL);
    }
  if (!isfinite (*out))
    return value_error (ps, start, frame, PMD_JSON_ERROR_VALUE, _("the number is too large"));
  return TRUE;
}

static gboolean
parse_word (Parser     *ps,
            gsize       node)
{
  static const struct { const char *word; PmdJsonKind kind; gboolean value; } words[] = {
    { "true", PMD_JSON_BOOLEAN, TRUE },
    { "false", PMD_JSON_BOOLEAN, FALSE },
    { "null", PMD_JSON_NULL, FALSE },
  };
  const char *start = ps->p;
  const char *p = start;
  g_autofree char *word = NULL;

  while (p < ps->end && (g_ascii_isalnum (*p) || *p == '_') && p - start < 40)
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (p - start) == strlen (words[i].word) && memcmp (start, words[i].word, p - start) == 0)
      {
        ps->doc->nodes[node].kind = words[i].kind;
        ps->doc->nodes[node].v.boolean = words[i].value;
        ps->p = p;
        return TRUE;
      }
  if (p == start)
    return unexpected (ps, start, _("a value was expected"));
  word = g_strndup (start, p - start);
  return syntax_error (ps, start, _("“%s” is no JSON value (JSON knows numbers, texts in double "
                                    "quotes, true, false, null, lists and objects)"), word);
}

static gboolean
duplicate_key (Parser      *ps,
               const char  *name,
               const Frame *frame,
               const char  *at)
{
  g_autofree char *shown = pmd_format_escape_text (name);
  g_autofree char *what = g_strdup_printf (_("the field “%s” appears twice"), shown);

  return value_error (ps, at, frame, PMD_JSON_ERROR_VALUE, what);
}

static gboolean
parse_object (Parser      *ps,
              const Frame *frame,
              gsize        node,
              int          depth)
{
  GHashTable *names = NULL;
  gboolean ok = FALSE;
  guint n = 0;

  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == '}')
    {
      ps->p++;
      return TRUE;
    }
  for (;;)
    {
      Frame member = { frame, NULL, 0 };
      const char *key_at;
      gsize key;

      skip_space (ps);
      key_at = ps->p;
      if (ps->p >= ps->end || *ps->p != '"')
        {
          /* "base_cost": 22,8 reads as a member named 8. */
          if (n > 0 && ps->p < ps->end && g_ascii_isdigit (*ps->p) && key_at - ps->start >= 2 &&
              key_at[-1] == ',' && g_ascii_isdigit (key_at[-2]))
            syntax_error (ps, key_at - 1, _("a decimal comma: JSON writes numbers with a decimal "
                                            "point (22.8, not 22,8)"));
          else if (n > 0 && ps->p < ps->end && *ps->p == '}')
            syntax_error (ps, key_at, _("a comma before “}” (the last field has none after it)"));
          else
            unexpected (ps, ps->p, _("a field name in double quotes was expected"));
          goto out;
        }
      key = add_node (ps, PMD_JSON_STRING);
      if (!parse_string (ps, frame, &ps->doc->nodes[key].v.string))
        goto out;
      member.key = ps->doc->nodes[key].v.string;
      skip_space (ps);
      if (ps->p >= ps->end || *ps->p != ':')
        {
          unexpected (ps, ps->p, _("“:” was expected after the field name"));
          goto out;
        }
      ps->p++;
      if (!parse_value (ps, &member, depth))
        goto out;
      n++;
      ps->doc->nodes[node].length = n;
      /* Duplicates: a short object is compared member by member, a long
       * one through a set of its names. */
      if (n <= 16)
        {
          const PmdJsonNode *k = pmd_json_node_first (&ps->doc->nodes[node]);

          for (guint i = 0; i + 1 < n; i++, k = pmd_json_member_next (k))
            if (strcmp (k->v.string, ps->doc->nodes[key].v.string) == 0)
              {
                duplicate_key (ps, k->v.string, frame, key_at);
                goto out;
              }
        }
      else
        {
          if (names == NULL)
            {
              const PmdJsonNode *k = pmd_json_node_first (&ps->doc->nodes[node]);

              names = g_hash_table_new (g_str_hash, g_str_equal);
              for (guint i = 0; i + 1 < n; i++, k = pmd_json_member_next (k))
                g_hash_table_add (names, (gpointer) k->v.string);
            }
          if (!g_hash_table_add (names, (gpointer) ps->doc->nodes[key].v.string))
            {
              duplicate_key (ps, ps->doc->nodes[key].v.string, frame, key_at);
              goto out;
            }
        }
      skip_space (ps);
      if (ps->p < ps->end && *ps->p == ',')
        {
          ps->p++;
          continue;
        }
      if (ps->p < ps->end && *ps->p == '}')
        {
          ps->p++;
          ok = TRUE;
          goto out;
        }
      unexpected (ps, ps->p, _("“,” or “}” was expected"));
      goto out;
    }
out:
  g_clear_pointer (&names, g_hash_table_unref);
  return ok;
}

static gboolean
parse_array (Parser      *ps,
             const Frame *frame,
             gsize        node,
             int          depth)
{
  guint n = 0;

  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == ']')
    {
      ps->p++;
      return TRUE;
    }
  for (;;)
    {
      Frame element = { frame, NULL, n };

      skip_space (ps);
      if (n > 0 && ps->p < ps->end && *ps->p == ']')
        return syntax_error (ps, ps->p, _("a comma before “]” (the last element has none after it)"));
      if (!parse_value (ps, &element, depth))
        return FALSE;
      ps->doc->nodes[node].length = ++n;
      skip_space (ps);
      if (ps->p < ps->end && *ps->p == ',')
        {
          ps->p++;
          continue;
        }
      if (ps->p < ps->end && *ps->p == ']')
        {
          ps->p++;
          return TRUE;
        }
      return unexpected (ps, ps->p, _("“,” or “]” was expected"));
    }
}

static gboolean
parse_value (Parser      *ps,
             const Frame *frame,
             int          depth)
{
  gsize node;
  gboolean ok;

  skip_space (ps);
  if (ps->p >= ps->end)
    return unexpected (ps, ps->p, _("a value was expected"));

  switch (*ps->p)
    {
    case '{':
    case '[':
      if (depth >= PMD_JSON_MAX_DEPTH)
        return value_error (ps, ps->p, frame, PMD_JSON_ERROR_DEPTH,
                            _("lists and objects are nested too deeply"));
      node = add_node (ps, *ps->p == '{' ? PMD_JSON_OBJECT : PMD_JSON_ARRAY);
      ok = *ps->p == '{' ? parse_object (ps, frame, node, depth + 1)
                         : parse_array (ps, frame, node, depth + 1);
      ps->doc->nodes[node].skip = ps->doc->n_nodes - node;
      return ok;
    case '"':
      node = add_node (ps, PMD_JSON_STRING);
      return parse_string (ps, frame, &ps->doc->nodes[node].v.string);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      node = add_node (ps, PMD_JSON_NUMBER);
      return parse_number (ps, frame, &ps->doc->nodes[node].v.number);
    case '+':
    case '.':
      return syntax_error (ps, ps->p, _("a number is written as 12, -0.5 or 1e6"));
    default:
      node = add_node (ps, PMD_JSON_NULL);
      return parse_word (ps, node);
    }
}

/**
 * pmd_json_parse:
 * @data: UTF-8 text (a byte-order mark is not skipped here)
 * @length: its length in bytes
 * @error: why it is not JSON, in the user's language, with line and column
 *
 * Parses RFC 8259 JSON and nothing else: no comments, no single quotes, no
 * trailing commas, no NaN, no U+0000 or lone surrogate in a text, no field
 * twice in one object, no number beyond a double, no nesting deeper than
 * %PMD_JSON_MAX_DEPTH. Invalid UTF-8 is refused too.
 *
 * Returns: (transfer full) (nullable): the document
 */
PmdJsonDoc *
pmd_json_parse (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(PmdJsonDoc) doc = NULL;
  const char *bad = NULL;
  Parser ps = { data, data, data + length, NULL, NULL, error };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate (data, length, &bad))
    {
      syntax_error (&ps, bad, _("the file is not UTF-8 text"));
      return NULL;
    }
  skip_space (&ps);
  if (ps.p >= ps.end)
    {
      g_set_error (error, PMD_JSON_ERROR, PMD_JSON_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }

  doc = g_new0 (PmdJsonDoc, 1);
  /* Decoded texts are never longer than the file's text of them. */
  doc->strings_size = length + 1;
  doc->strings = g_malloc (doc->strings_size);
  ps.doc = doc;
  ps.text_end = doc->strings;
  if (!parse_value (&ps, NULL, 0))
    return NULL;
  skip_space (&ps);
  if (ps.p < ps.end)
    {
      syntax_error (&ps, ps.p, _("there is more after the end of the JSON value"));
      return NULL;
    }
  /* Give back what the doubling did not use. */
  doc->nodes = g_renew (PmdJsonNode, doc->nodes, doc->n_nodes);
  doc->n_allocated = doc->n_nodes;
  return g_steal_pointer (&doc);
}

void
pmd_json_doc_free (PmdJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->nodes);
  g_free (doc->strings);
  g_free (doc);
}

/**
 * pmd_json_doc_get_root:
 *
 * Returns: (transfer none): the document's value
 */
const PmdJsonNode *
pmd_json_doc_get_root (const PmdJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL && doc->n_nodes > 0, NULL);
  return doc->nodes;
}

/**
 * pmd_json_doc_get_size:
 *
 * Returns: the bytes the document holds: its nodes and its texts
 */
gsize
pmd_json_doc_get_size (const PmdJsonDoc *doc)
{
  return doc->n_allocated * sizeof (PmdJsonNode) + doc->strings_size;
}

/**
 * pmd_json_object_get:
 * @object: an object node
 * @key: a field name
 *
 * Returns: (nullable): the value of the field @key, or %NULL
 */
const PmdJsonNode *
pmd_json_object_get (const PmdJsonNode *object,
                     const char        *key)
{
  const PmdJsonNode *k;

  g_return_val_if_fail (object != NULL && object->kind == PMD_JSON_OBJECT, NULL);

  k = pmd_json_node_first (object);
  for (guint i = 0; i < object->length; i++, k = pmd_json_member_next (k))
    if (strcmp (k->v.string, key) == 0)
      return pmd_json_member_value (k);
  return NULL;
}
