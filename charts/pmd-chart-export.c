/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-chart-export.h"
#include "pmd-chart-private.h"

gboolean
pmd_export_format_from_path (const char      *path,
                             PmdExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = PMD_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = PMD_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = PMD_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

/* Charts are drawn into memory; the caller writes the bytes (through the
 * data layer's atomic writer, which this layer may not use). */
static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* Cairo draws SVG text as glyph outlines. Add the chart's title and an
 * invisible text layer at the labels' places, so that the SVG can be searched,
 * read by a screen reader and its numbers copied. */
static void
add_svg_text (GByteArray           *svg,
              const PmdChartRecord *record,
              const char           *title)
{
  g_autoptr(GString) layer = g_string_new (NULL);
  const char *end_tag = "</svg>";
  guint8 *end = NULL;

  for (guint i = svg->len >= 6 ? svg->len - 6 : 0; i > 0; i--)
    if (memcmp (svg->data + i, end_tag, 6) == 0)
      {
        end = svg->data + i;
        break;
      }
  if (end == NULL)
    return;

  g_string_append (layer, "<title>");
  append_escaped (layer, title);
  g_string_append (layer, "</title>\n<g fill-opacity=\"0\" font-family=\"sans-serif\">\n");
  for (guint i = 0; i < record->labels->len; i++)
    {
      const PmdChartBox *box = &g_array_index (record->labels, PmdChartBox, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], size[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.1f", box->x);
      g_ascii_formatd (y, sizeof y, "%.1f", box->y + box->height * 0.8);
      g_ascii_formatd (size, sizeof size, "%.1f", box->height * 0.8);
      g_string_append_printf (layer, "<text x=\"%s\" y=\"%s\" font-size=\"%s\">", x, y, size);
      append_escaped (layer, g_ptr_array_index (record->texts, i));
      g_string_append (layer, "</text>\n");
    }
  g_string_append (layer, "</g>\n");
  g_byte_array_remove_range (svg, end - svg->data, svg->len - (end - svg->data));
  g_byte_array_append (svg, (const guint8 *) layer->str, layer->len);
  g_byte_array_append (svg, (const guint8 *) "</svg>\n", 7);
}

static gboolean
check_surface (cairo_surface_t *surface,
               GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

/**
 * pmd_chart_export_bytes:
 * @kind: the chart
 * @input: what to draw
 * @style: how (exports normally use the light style)
 * @format: PNG, SVG or PDF
 * @width: width in pixels (PNG) or points (SVG, PDF)
 * @height: height
 * @scale: PNG only: device pixels per pixel (2 for HiDPI)
 * @error: a size out of range, or why cairo could not draw
 *
 * Draws the chart as a file's contents, to be written with
 * pmd_file_write_atomic() (`piramide chart --out`, the export dialog).
 *
 * Returns: (transfer full) (nullable): the PNG, SVG or PDF
 */
GBytes *
pmd_chart_export_bytes (PmdChartKind         kind,
                        const PmdChartInput *input,
                        const PmdChartStyle *style,
                        PmdExportFormat      format,
                        double               width,
                        double               height,
                        double               scale,
                        GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(PmdChartRecord) record = pmd_chart_record_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (input != NULL && style != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(width >= 16 && height >= 16 && width <= 16384 && height <= 16384 && scale > 0 && scale <= 4))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must lie between 16 and 16384, the scale between 0 and 4"));
      return NULL;
    }

  switch (format)
    {
    case PMD_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
      break;
    case PMD_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      break;
    case PMD_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Piramide " PACKAGE_VERSION);
      break;
    }
  cr = cairo_create (surface);
  if (format == PMD_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  pmd_chart_render_record (kind, input, style, cr, width, height, record);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format == PMD_EXPORT_PNG)
    ok = check_surface (surface, error) &&
         cairo_surface_write_to_png_stream (surface, append_cb, bytes) == CAIRO_STATUS_SUCCESS;
  else
    {
      cairo_surface_finish (surface);
      ok = check_surface (surface, error);
    }
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;
  if (format == PMD_EXPORT_SVG && record->texts->len > 0)
    add_svg_text (bytes, record, g_ptr_array_index (record->texts, 0));
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * pmd_report_to_pdf:
 * @input: the scenario, its projection, variants and documents
 * @error: why cairo could not draw it
 *
 * The A4 report as a PDF file's contents, to be written with
 * pmd_file_write_atomic().
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
pmd_report_to_pdf (const PmdReportInput  *input,
                   GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  const double a4_w = 595.276, a4_h = 841.89;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, a4_w, a4_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Piramide " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, input->scenario->name);
  cr = cairo_create (surface);
  _pmd_report_draw_all (input, cr, a4_w, a4_h);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
