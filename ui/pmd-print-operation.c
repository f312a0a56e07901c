/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-window-private.h"
#include "pmd-chart-export.h"
#include "pmd-documents.h"
#include "pmd-file-writer.h"
#include "pmd-session.h"

/* The report: written as a PDF, or printed page by page. */

/* The report lists the scenario's documents; @refs points into @documents. */
static gboolean
set_report_documents (const PmdScenario  *sc,
                      PmdReportInput     *input,
                      GPtrArray         **documents,
                      PmdReportDocument **refs,
                      GError            **error)
{
  *documents = pmd_scenario_dup_documents (sc, error);
  if (*documents == NULL)
    return FALSE;
  *refs = g_new0 (PmdReportDocument, (*documents)->len + 1);
  for (guint i = 0; i < (*documents)->len; i++)
    {
      const PmdSourceDocument *d = g_ptr_array_index (*documents, i);
      (*refs)[i] = (PmdReportDocument) { d->short_title, d->title, d->note };
    }
  input->documents = *refs;
  input->n_documents = (*documents)->len;
  return TRUE;
}

/* The PDF, through the atomic writer; never over the open scenario's file. */
static gboolean
write_report (PmdWindow             *self,
              const PmdReportInput  *input,
              const char            *path,
              GError               **error)
{
  g_autoptr(GBytes) bytes = pmd_report_to_pdf (input, error);
  GFile *file = pmd_session_get_file (self->session);
  g_autofree char *scenario_path = file != NULL ? g_file_get_path (file) : NULL;

  return bytes != NULL &&
         pmd_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), scenario_path, error);
}

static void
report_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PmdWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdComparison) variants = pmd_comparison_new_variants (pmd_document_get_scenario (self->document), NULL);
      g_autoptr(GPtrArray) documents = NULL;
      g_autofree PmdReportDocument *refs = NULL;
      PmdReportInput input = { 0 };
      const char *variant = pmd_document_get_variant (self->document);
      const PmdScenario *sc = pmd_document_get_scenario (self->document);

      input.scenario = pmd_document_get_effective (self->document);
      input.projection = pmd_document_get_projection (self->document);
      input.variants = variants;
      input.year = gtk_spin_button_get_value_as_int (self->year_spin);
      if (variant != NULL && pmd_scenario_find_variant (sc, variant) >= 0)
        input.variant_name = ((PmdVariant *) g_ptr_array_index (sc->variants, pmd_scenario_find_variant (sc, variant)))->name;
      if (path == NULL || !set_report_documents (sc, &input, &documents, &refs, &error) ||
          !write_report (self, &input, path, &error))
        _pmd_window_error_dialog (self, _("Could not write the report"), error ? error->message : _("Only local files can be written"));
      else
        pmd_window_add_toast (self, _("Report written"));
    }
  g_object_unref (dialog);
}

void
_pmd_window_write_report (PmdWindow *self)
{
  GtkFileChooserNative *chooser;
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autofree char *name = g_strdup_printf ("%s.pdf", sc->name && *sc->name ? sc->name : _("report"));

  chooser = gtk_file_chooser_native_new (_("Write Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  pmd_session_start_chooser (self->session, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (report_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing: the report, page by page, through the desktop's print dialog. */

typedef struct
{
  PmdReportInput     input;
  PmdComparison     *variants;
  GPtrArray         *documents;
  PmdReportDocument *refs;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;
  pmd_comparison_free (job->variants);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_free (job->refs);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, pmd_report_count_pages (&job->input));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  /* The report is laid out on A4 in points: scale it to the printable area. */
  double scale = MIN (width / 595.276, height / 841.89);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  pmd_report_render_page (&job->input, cr, page, 595.276, 841.89);
  cairo_restore (cr);
}

void
_pmd_window_print (PmdWindow *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->variants = pmd_comparison_new_variants (pmd_document_get_scenario (self->document), NULL);
  job->input.scenario = pmd_document_get_effective (self->document);
  job->input.projection = pmd_document_get_projection (self->document);
  job->input.variants = job->variants;
  job->input.year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_object_set_data_full (G_OBJECT (operation), "pmd-job", job, print_job_free);
  if (!set_report_documents (pmd_document_get_scenario (self->document), &job->input, &job->documents, &job->refs,
                             &error))
    {
      _pmd_window_error_dialog (self, _("Could not print"), error->message);
      return;
    }
  gtk_print_operation_set_job_name (operation, pmd_document_get_scenario (self->document)->name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _pmd_window_error_dialog (self, _("Could not print"), error->message);
}
