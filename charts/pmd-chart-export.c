/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

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

/*
 * Files are written as the scenario is: into a temporary file beside the
 * target, flushed, then renamed over it. A full disk or a crash leaves the
 * old file (or none), never half a chart.
 */
typedef struct
{
  char  *path;
  char  *tmp_path;
  FILE  *file;
  int    saved_errno;
} AtomicFile;

static gboolean
atomic_open (AtomicFile *af,
             const char *path,
             GError    **error)
{
  int fd;

  af->path = g_strdup (path);
  af->tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  af->saved_errno = 0;
  fd = g_mkstemp_full (af->tmp_path, O_WRONLY, 0644);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), _("Cannot write %s: %s"), path, g_strerror (e));
      g_clear_pointer (&af->tmp_path, g_free);
      return FALSE;
    }
  af->file = fdopen (fd, "wb");
  return TRUE;
}

static cairo_status_t
atomic_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  AtomicFile *af = closure;

  if (af->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, af->file) != length)
    {
      af->saved_errno = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
atomic_close (AtomicFile *af,
              gboolean    ok,
              GError    **error)
{
  if (af->file != NULL)
    {
      if (fflush (af->file) != 0 || fsync (fileno (af->file)) != 0)
        {
          if (af->saved_errno == 0)
            af->saved_errno = errno;
        }
      if (fclose (af->file) != 0 && af->saved_errno == 0)
        af->saved_errno = errno;
      af->file = NULL;
    }
  if (ok && af->saved_errno == 0 && g_rename (af->tmp_path, af->path) != 0)
    af->saved_errno = errno;
  if (!ok || af->saved_errno != 0)
    {
      if (af->tmp_path != NULL)
        g_unlink (af->tmp_path);
      if (af->saved_errno != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (af->saved_errno), _("Cannot write %s: %s"),
                     af->path, g_strerror (af->saved_errno));
      else if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot write %s"), af->path);
      ok = FALSE;
    }
  g_free (af->path);
  g_free (af->tmp_path);
  return ok;
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
 * pmd_chart_export:
 * @kind: the chart
 * @input: what to draw
 * @style: how (exports normally use the light style)
 * @path: a file ending in .png, .svg or .pdf
 * @width: width in pixels (PNG) or points (SVG, PDF)
 * @height: height
 * @scale: PNG only: device pixels per pixel (2 for HiDPI)
 * @error: an unknown extension, or why the file could not be written
 */
gboolean
pmd_chart_export (PmdChartKind         kind,
                  const PmdChartInput *input,
                  const PmdChartStyle *style,
                  const char          *path,
                  double               width,
                  double               height,
                  double               scale,
                  GError             **error)
{
  PmdExportFormat format;
  AtomicFile af = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!pmd_export_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (!(width >= 16 && height >= 16 && width <= 16384 && height <= 16384 && scale > 0 && scale <= 4))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must lie between 16 and 16384, the scale between 0 and 4"));
      return FALSE;
    }
  if (!atomic_open (&af, path, error))
    return FALSE;

  switch (format)
    {
    case PMD_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
      break;
    case PMD_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (atomic_write_cb, &af, width, height);
      break;
    case PMD_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (atomic_write_cb, &af, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Piramide " PACKAGE_VERSION);
      break;
    }
  cr = cairo_create (surface);
  if (format == PMD_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  pmd_chart_render (kind, input, style, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format == PMD_EXPORT_PNG)
    ok = check_surface (surface, error) &&
         cairo_surface_write_to_png_stream (surface, atomic_write_cb, &af) == CAIRO_STATUS_SUCCESS;
  else
    {
      cairo_surface_finish (surface);
      ok = check_surface (surface, error);
    }
  cairo_surface_destroy (surface);
  return atomic_close (&af, ok, error);
}

/**
 * pmd_report_write_pdf:
 * @input: the scenario, its projection and variants
 * @path: where to write the A4 PDF
 * @error: why it could not be written
 */
gboolean
pmd_report_write_pdf (const PmdReportInput *input,
                      const char           *path,
                      GError              **error)
{
  AtomicFile af = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  const double a4_w = 595.276, a4_h = 841.89;

  if (!atomic_open (&af, path, error))
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (atomic_write_cb, &af, a4_w, a4_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Piramide " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, input->scenario->name);
  cr = cairo_create (surface);
  _pmd_report_draw_all (input, cr, a4_w, a4_h);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, error);
  cairo_surface_destroy (surface);
  return atomic_close (&af, ok, error);
}
