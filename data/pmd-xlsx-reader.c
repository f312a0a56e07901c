/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <minizip/unzip.h>
#include <string.h>

#include "pmd-xlsx-reader.h"

/*
 * What is read of a workbook (ECMA-376 part 1): xl/workbook.xml for the
 * first sheet, xl/_rels/workbook.xml.rels for its part, the shared strings,
 * the styles (only to know which cells show a percentage) and the sheet's
 * cells. A formula's cached value is read, never the formula. Numbers
 * become text in Dutch notation ("1234567,89", "2,5%" for a percentage
 * cell), as a spreadsheet's own CSV export would write them, so the table
 * reader applies one set of rules to both.
 *
 * The file may be hostile: parts are unpacked into memory only up to a
 * limit, and rows and columns are bounded by Excel's own limits.
 */

/* A budget table's parts are far smaller; a zip bomb stops here. */
#define PART_MAX     (64 * 1024 * 1024)
#define ROWS_MAX     1048576
#define COLUMNS_MAX  16384

/* The bytes of the zip, for minizip's file functions. */
typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
} Memory;

typedef struct
{
  GPtrArray  *strings;      /* shared strings */
  GHashTable *percent_fmts; /* custom numFmtId → itself, for formats showing % */
  GArray     *xf_percent;   /* gboolean per cell format */
  gboolean    in_cell_xfs;
  GString    *text;         /* the string or value being read */
  gboolean    in_text;

  /* The sheet */
  GPtrArray  *records;
  PmdCsvRecord *record;
  guint       row;
  int         col;
  char       *type;
  int         style;

  /* workbook.xml and its relationships */
  char       *first_sheet_rid;
  char       *first_sheet_target;
} Parse;

/* Memory as a minizip stream */

static voidpf
memory_open (voidpf      opaque,
             const void *filename,
             int         mode)
{
  Memory *m = opaque;

  m->pos = 0;
  return m;
}

static uLong
memory_read (voidpf opaque,
             voidpf stream,
             void  *buf,
             uLong  size)
{
  Memory *m = stream;
  gsize n = MIN ((gsize) size, m->length - m->pos);

  memcpy (buf, m->data + m->pos, n);
  m->pos += n;
  return n;
}

static uLong
memory_write (voidpf      opaque,
              voidpf      stream,
              const void *buf,
              uLong       size)
{
  return 0;
}

static ZPOS64_T
memory_tell (voidpf opaque,
             voidpf stream)
{
  return ((Memory *) stream)->pos;
}

static long
memory_seek (voidpf   opaque,
             voidpf   stream,
             ZPOS64_T offset,
             int      origin)
{
  Memory *m = stream;
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : m->length;

  if (offset > m->length - base)
    return -1;
  m->pos = base + offset;
  return 0;
}

static int
memory_close (voidpf opaque,
              voidpf stream)
{
  return 0;
}

static int
memory_error (voidpf opaque,
              voidpf stream)
{
  return 0;
}

static gboolean
set_read_error (GError    **error,
                const char *part)
{
  g_set_error (error, PMD_XLSX_ERROR, PMD_XLSX_ERROR_READ, _("The workbook is damaged or not an .xlsx file (%s)"),
               part);
  return FALSE;
}

/**
 * pmd_xlsx_is_workbook:
 *
 * Returns: whether the bytes start as a zip file, as an .xlsx does
 */
gboolean
pmd_xlsx_is_workbook (const char *data,
                      gsize       length)
{
  return length >= 4 && memcmp (data, PMD_XLSX_MAGIC, 4) == 0;
}

/**
 * pmd_xlsx_read_part:
 * @data: the bytes of an .xlsx (a zip) file
 * @name: the part, e.g. "xl/workbook.xml"
 *
 * Returns: (transfer full) (nullable): the part unpacked; %NULL with
 *   @error set when the file is damaged, and %NULL without an error when
 *   the workbook has no such part
 */
GBytes *
pmd_xlsx_read_part (const char *data,
                    gsize       length,
                    const char *name,
                    GError    **error)
{
  Memory memory = { data, length, 0 };
  zlib_filefunc64_def functions = { memory_open, memory_read, memory_write, memory_tell, memory_seek,
                                    memory_close, memory_error, &memory };
  unz_file_info64 info;
  unzFile zip;
  g_autofree char *buf = NULL;
  gsize got = 0;
  int n;

  zip = unzOpen2_64 ("", &functions);
  if (zip == NULL)
    return set_read_error (error, "zip"), NULL;
  if (unzLocateFile (zip, name, 1) != UNZ_OK)
    {
      unzClose (zip);
      return NULL;
    }
  if (unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      info.uncompressed_size > PART_MAX || unzOpenCurrentFile (zip) != UNZ_OK)
    {
      unzClose (zip);
      return set_read_error (error, name), NULL;
    }
  /* The size in the directory may lie: read to the limit and no further. */
  buf = g_malloc (info.uncompressed_size + 1);
  while (got <= info.uncompressed_size &&
         (n = unzReadCurrentFile (zip, buf + got, (unsigned) (info.uncompressed_size + 1 - got))) > 0)
    got += n;
  if (unzCloseCurrentFile (zip) != UNZ_OK || got != info.uncompressed_size)
    {
      unzClose (zip);
      return set_read_error (error, name), NULL;
    }
  unzClose (zip);
  return g_bytes_new_take (g_steal_pointer (&buf), got);
}

/* XML */

/* "x:row" → "row": some writers prefix the spreadsheet namespace. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (local_name (names[i]), wanted))
      return values[i];
  return NULL;
}

static gboolean
parse_part (const char          *data,
            gsize                length,
            const char          *name,
            const GMarkupParser *parser,
            Parse               *ps,
            GError             **error)
{
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  gsize size;
  const char *xml;

  /* A part the workbook does not have (no shared strings) reads as empty. */
  part = pmd_xlsx_read_part (data, length, name, &local);
  if (part == NULL && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (part == NULL)
    return TRUE;
  xml = g_bytes_get_data (part, &size);
  context = g_markup_parse_context_new (parser, 0, ps, NULL);
  /* A declaration (<?xml …?>) is a processing instruction: GMarkup skips it. */
  if (!g_markup_parse_context_parse (context, xml, size, &local) || !g_markup_parse_context_end_parse (context, &local))
    return set_read_error (error, name);
  return TRUE;
}

static void
text_cb (GMarkupParseContext *context,
         const char          *text,
         gsize                length,
         gpointer             user_data,
         GError             **error)
{
  Parse *ps = user_data;

  if (ps->in_text)
    g_string_append_len (ps->text, text, length);
}

/* Shared strings: <si><t>text</t></si> or <si><r><t>rich</t></r>…</si>;
 * <rPh> holds phonetic hints, not text. */

static void
strings_start_cb (GMarkupParseContext *context,
                  const char          *element,
                  const char         **names,
                  const char         **values,
                  gpointer             user_data,
                  GError             **error)
{
  Parse *ps = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    g_string_truncate (ps->text, 0);
  else if (g_str_equal (name, "t"))
    {
      const GSList *stack = g_markup_parse_context_get_element_stack (context);

      ps->in_text = stack->next == NULL || !g_str_equal (local_name (stack->next->data), "rPh");
    }
}

static void
strings_end_cb (GMarkupParseContext *context,
                const char          *element,
                gpointer             user_data,
                GError             **error)
{
  Parse *ps = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "t"))
    ps->in_text = FALSE;
  else if (g_str_equal (name, "si"))
    g_ptr_array_add (ps->strings, g_strdup (ps->text->str));
}

/* Styles: which cell formats show a percentage (built-in 9 and 10, or a
 * custom code with a % outside quotes). */

static gboolean
code_shows_percent (const char *code)
{
  gboolean quoted = FALSE;

  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '%' && !quoted)
        return TRUE;
    }
  return FALSE;
}

static void
styles_start_cb (GMarkupParseContext *context,
                 const char          *element,
                 const char         **names,
                 const char         **values,
                 gpointer             user_data,
                 GError             **error)
{
  Parse *ps = user_data;
  const char *name = local_name (element);
  const char *id = attribute (names, values, "numFmtId");
  guint64 n = 0;

  if (id != NULL)
    g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL);
  if (g_str_equal (name, "cellXfs"))
    ps->in_cell_xfs = TRUE;
  else if (g_str_equal (name, "numFmt") && code_shows_percent (attribute (names, values, "formatCode") ?: ""))
    g_hash_table_add (ps->percent_fmts, GUINT_TO_POINTER ((guint) n));
  else if (g_str_equal (name, "xf") && ps->in_cell_xfs)
    {
      gboolean percent = n == 9 || n == 10 || g_hash_table_contains (ps->percent_fmts, GUINT_TO_POINTER ((guint) n));
      g_array_append_val (ps->xf_percent, percent);
    }
}

static void
styles_end_cb (GMarkupParseContext *context,
               const char          *element,
               gpointer             user_data,
               GError             **error)
{
  Parse *ps = user_data;

  if (g_str_equal (local_name (element), "cellXfs"))
    ps->in_cell_xfs = FALSE;
}

/* The workbook's first sheet and its part. */

static void
workbook_start_cb (GMarkupParseContext *context,
                   const char          *element,
                   const char         **names,
                   const char         **values,
                   gpointer             user_data,
                   GError             **error)
{
  Parse *ps = user_data;

  if (g_str_equal (local_name (element), "sheet") && ps->first_sheet_rid == NULL)
    ps->first_sheet_rid = g_strdup (attribute (names, values, "id"));
}

static void
rels_start_cb (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  Parse *ps = user_data;
  const char *id = attribute (names, values, "Id");
  const char *target = attribute (names, values, "Target");

  if (g_str_equal (local_name (element), "Relationship") && id != NULL && target != NULL &&
      g_strcmp0 (id, ps->first_sheet_rid) == 0 && ps->first_sheet_target == NULL)
    /* Relative to xl/, or absolute from the package's root. */
    ps->first_sheet_target = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
}

/* The sheet's cells */

/* "BC12" → column 54 (from 0); -1 when it is no cell reference. */
static int
reference_column (const char *ref)
{
  int col = 0;
  const char *p = ref;

  for (; g_ascii_isupper (*p) && col <= COLUMNS_MAX; p++)
    col = col * 26 + (*p - 'A' + 1);
  if (p == ref || !g_ascii_isdigit (*p) || col > COLUMNS_MAX)
    return -1;
  return col - 1;
}

/* A number as a Dutch spreadsheet's CSV export writes it: "1234567,89". */
static char *
dutch_number (double   value,
              gboolean percent)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Fifteen digits: what a spreadsheet shows, without the binary noise of
   * a computed 1030.0000000000002. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", percent ? value * 100 : value);
  g_strdelimit (buf, ".", ',');
  return percent ? g_strconcat (buf, "%", NULL) : g_strdup (buf);
}

static char *
cell_text (Parse *ps)
{
  const char *type = ps->type != NULL ? ps->type : "n";
  const char *text = ps->text->str;
  guint64 index;
  double value;
  char *end;

  if (g_str_equal (type, "s"))
    {
      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &index, NULL) || index >= ps->strings->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (ps->strings, index));
    }
  if (g_str_equal (type, "n") && *text != '\0')
    {
      value = g_ascii_strtod (text, &end);
      if (*end == '\0' && isfinite (value))
        return dutch_number (value, ps->style >= 0 && (guint) ps->style < ps->xf_percent->len &&
                                    g_array_index (ps->xf_percent, gboolean, ps->style));
    }
  /* Inline and formula strings, booleans, errors ("#DIV/0!") as written. */
  return g_strdup (text);
}

static void
sheet_start_cb (GMarkupParseContext *context,
                const char          *element,
                const char         **names,
                const char         **values,
                gpointer             user_data,
                GError             **error)
{
  Parse *ps = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    {
      const char *r = attribute (names, values, "r");
      guint64 n = ps->row + 1;

      if (r != NULL)
        g_ascii_string_to_unsigned (r, 10, 1, ROWS_MAX, &n, NULL);
      if (n <= ps->row || n > ROWS_MAX)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "row %" G_GUINT64_FORMAT, n);
          return;
        }
      ps->row = n;
      ps->col = -1;
      ps->record = pmd_csv_record_new (ps->row);
      g_ptr_array_add (ps->records, ps->record);
    }
  else if (g_str_equal (name, "c") && ps->record != NULL)
    {
      const char *r = attribute (names, values, "r");
      const char *s = attribute (names, values, "s");
      guint64 style = 0;

      ps->col = r != NULL ? reference_column (r) : ps->col + 1;
      if (ps->col < 0 || ps->col >= COLUMNS_MAX)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "cell %s", r ? r : "");
          return;
        }
      g_free (ps->type);
      ps->type = g_strdup (attribute (names, values, "t"));
      ps->style = s != NULL && g_ascii_string_to_unsigned (s, 10, 0, G_MAXINT, &style, NULL) ? (int) style : -1;
      g_string_truncate (ps->text, 0);
    }
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    ps->in_text = TRUE;
}

static void
sheet_end_cb (GMarkupParseContext *context,
              const char          *element,
              gpointer             user_data,
              GError             **error)
{
  Parse *ps = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    ps->in_text = FALSE;
  else if (g_str_equal (name, "c") && ps->record != NULL)
    {
      GPtrArray *fields = ps->record->fields;

      while (fields->len <= (guint) ps->col)
        g_ptr_array_add (fields, g_strdup (""));
      g_free (fields->pdata[ps->col]);
      fields->pdata[ps->col] = cell_text (ps);
    }
  else if (g_str_equal (name, "row"))
    ps->record = NULL;
}

static void
parse_clear (Parse *ps)
{
  g_clear_pointer (&ps->strings, g_ptr_array_unref);
  g_clear_pointer (&ps->percent_fmts, g_hash_table_unref);
  g_clear_pointer (&ps->xf_percent, g_array_unref);
  if (ps->text != NULL)
    g_string_free (ps->text, TRUE);
  g_clear_pointer (&ps->records, g_ptr_array_unref);
  g_free (ps->type);
  g_free (ps->first_sheet_rid);
  g_free (ps->first_sheet_target);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parse, parse_clear)

/**
 * pmd_xlsx_read_first_sheet:
 * @data: the bytes of an .xlsx file
 *
 * The first sheet's rows as records, each with its row number as its
 * line; a row of the sheet that has no cells is not there.
 *
 * Returns: (transfer full) (element-type PmdCsvRecord): the records, or
 *   %NULL with @error set
 */
GPtrArray *
pmd_xlsx_read_first_sheet (const char *data,
                           gsize       length,
                           GError    **error)
{
  static const GMarkupParser workbook = { workbook_start_cb, NULL, NULL, NULL, NULL };
  static const GMarkupParser rels = { rels_start_cb, NULL, NULL, NULL, NULL };
  static const GMarkupParser strings = { strings_start_cb, strings_end_cb, text_cb, NULL, NULL };
  static const GMarkupParser styles = { styles_start_cb, styles_end_cb, NULL, NULL, NULL };
  static const GMarkupParser sheet = { sheet_start_cb, sheet_end_cb, text_cb, NULL, NULL };
  g_auto(Parse) ps = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  ps.strings = g_ptr_array_new_with_free_func (g_free);
  ps.percent_fmts = g_hash_table_new (NULL, NULL);
  ps.xf_percent = g_array_new (FALSE, FALSE, sizeof (gboolean));
  ps.text = g_string_new (NULL);
  ps.records = g_ptr_array_new_with_free_func ((GDestroyNotify) pmd_csv_record_free);

  if (!pmd_xlsx_is_workbook (data, length))
    return set_read_error (error, "zip"), NULL;
  if (!parse_part (data, length, "xl/workbook.xml", &workbook, &ps, error) ||
      !parse_part (data, length, "xl/_rels/workbook.xml.rels", &rels, &ps, error) ||
      !parse_part (data, length, "xl/sharedStrings.xml", &strings, &ps, error) ||
      !parse_part (data, length, "xl/styles.xml", &styles, &ps, error))
    return NULL;
  if (ps.first_sheet_target == NULL)
    return set_read_error (error, "xl/workbook.xml"), NULL;
  ps.in_text = FALSE;
  if (!parse_part (data, length, ps.first_sheet_target, &sheet, &ps, error))
    return NULL;
  return g_steal_pointer (&ps.records);
}
