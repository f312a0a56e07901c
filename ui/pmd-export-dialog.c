/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-export-dialog.h"
#include "pmd-field.h"
#include "pmd-window.h"
#include "pmd-chart-view.h"
#include "pmd-chart-export.h"
#include "pmd-file-writer.h"
#include "pmd-undo-keys-private.h"

/* Export a chart as PNG, SVG or PDF, or copy it, with a live preview. */

struct _PmdExportDialog
{
  AdwWindow      parent_instance;

  PmdDocument   *document;
  int            year;
  AdwComboRow   *kind_row;
  GtkSpinButton *width;
  GtkSpinButton *height;
  PmdChartView  *preview;
  /* The fan and the tornado: computed when first chosen, as everywhere
   * (the default runs and seed; the gap in the dialog's year). */
  PmdMonteCarlo *monte_carlo;
  GArray        *swings;
  double         swing_base;
};

G_DEFINE_FINAL_TYPE (PmdExportDialog, pmd_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
wants_uncertainty (PmdExportDialog *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  return kind == PMD_CHART_FAN || kind == PMD_CHART_TORNADO;
}

/* The runs and swings the fan and the tornado draw, once. A scenario they
 * cannot be computed for (no ranges) draws the chart's empty state. */
static void
ensure_uncertainty (PmdExportDialog *self)
{
  const PmdScenario *sc;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || !wants_uncertainty (self) || self->monte_carlo != NULL)
    return;
  sc = pmd_document_get_effective (self->document);
  self->monte_carlo = pmd_monte_carlo_run (sc, PMD_MONTE_CARLO_DEFAULT_RUNS, PMD_MONTE_CARLO_DEFAULT_SEED,
                                           NULL, NULL, NULL, &error);
  if (self->monte_carlo != NULL)
    self->swings = pmd_sensitivity (sc, "totals.gap", self->year > 0 ? self->year : pmd_scenario_get_end_year (sc),
                                    &self->swing_base, &error);
  if (error != NULL)
    g_debug ("No fan or tornado to export: %s", error->message);
  pmd_chart_view_set_uncertainty (self->preview, self->monte_carlo, self->swings, self->swing_base);
  pmd_chart_view_set_swing_output (self->preview, "totals.gap");
}

static void
fill_input (PmdExportDialog *self,
            PmdChartInput   *input,
            PmdComparison  **variants)
{
  memset (input, 0, sizeof *input);
  input->scenario = pmd_document_get_effective (self->document);
  input->projection = pmd_document_get_projection (self->document);
  input->year = self->year;
  ensure_uncertainty (self);
  input->monte_carlo = self->monte_carlo;
  input->swings = self->swings;
  input->swing_output = "totals.gap";
  input->swing_base = self->swing_base;
  if (adw_combo_row_get_selected (self->kind_row) == PMD_CHART_VARIANTS)
    {
      *variants = pmd_comparison_new_variants (pmd_document_get_scenario (self->document), NULL);
      input->variants = *variants;
    }
}

static void
kind_changed_cb (PmdExportDialog *self)
{
  ensure_uncertainty (self);
  pmd_chart_view_set_kind (self->preview, adw_combo_row_get_selected (self->kind_row));
}

static void
copy_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  PmdExportDialog *self = PMD_EXPORT_DIALOG (widget);
  g_autoptr(PmdComparison) variants = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PmdChartInput input;
  PmdChartStyle style;
  int w = gtk_spin_button_get_value_as_int (self->width), h = gtk_spin_button_get_value_as_int (self->height);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  fill_input (self, &input, &variants);
  pmd_chart_style_init (&style, FALSE);
  pmd_chart_render (adw_combo_row_get_selected (self->kind_row), &input, &style, cr, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes,
                                    cairo_image_surface_get_stride (surface));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  cairo_surface_destroy (surface);
}

/* The chart as the file's name says (.png, .svg, .pdf; else PNG), written
 * through the atomic writer. */
static gboolean
export_chart (PmdExportDialog      *self,
              const PmdChartInput  *input,
              const PmdChartStyle  *style,
              const char           *path,
              GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PmdExportFormat format;

  if (!pmd_export_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  bytes = pmd_chart_export_bytes (adw_combo_row_get_selected (self->kind_row), input, style, format,
                                  gtk_spin_button_get_value (self->width), gtk_spin_button_get_value (self->height),
                                  1.0, error);
  return bytes != NULL &&
         pmd_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, error);
}

/**
 * pmd_export_dialog_export:
 * @path: a file ending in .png, .svg or .pdf
 * @error: a name without those endings, or why the file cannot be written
 *
 * Writes the chart chosen in the dialog, at the size chosen, as the Export
 * button does.
 *
 * Returns: whether the file was written
 */
gboolean
pmd_export_dialog_export (PmdExportDialog  *self,
                          const char       *path,
                          GError          **error)
{
  g_autoptr(PmdComparison) variants = NULL;
  PmdChartInput input;
  PmdChartStyle style;

  g_return_val_if_fail (PMD_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  fill_input (self, &input, &variants);
  pmd_chart_style_init (&style, FALSE);
  return export_chart (self, &input, &style, path, error);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  PmdExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !pmd_export_dialog_export (self, path, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could not export the chart"),
                                                      error ? error->message : _("Only local files can be written"));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  PmdExportDialog *self = PMD_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = pmd_chart_kind_dup_file_name (adw_combo_row_get_selected (self->kind_row), "png");

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  pmd_session_start_chooser (pmd_window_find_session (GTK_WIDGET (self)), GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_chart_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    PmdExportDialog   *self)
{
  g_autoptr(PmdComparison) variants = NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  PmdChartInput input;
  PmdChartStyle style;

  fill_input (self, &input, &variants);
  pmd_chart_style_init (&style, FALSE);
  /* The page's width, at the chosen proportions. */
  pmd_chart_render (adw_combo_row_get_selected (self->kind_row), &input, &style, cr, width,
                    width * gtk_spin_button_get_value (self->height) / gtk_spin_button_get_value (self->width));
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  PmdExportDialog *self = PMD_EXPORT_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_chart_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could not print"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
pmd_export_dialog_dispose (GObject *object)
{
  PmdExportDialog *self = PMD_EXPORT_DIALOG (object);

  if (self->preview != NULL)
    pmd_chart_view_set_uncertainty (self->preview, NULL, NULL, 0);
  g_clear_pointer (&self->monte_carlo, pmd_monte_carlo_free);
  g_clear_pointer (&self->swings, g_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pmd_export_dialog_parent_class)->dispose (object);
}

static void
pmd_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PmdExportDialog *self = PMD_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PmdExportDialog *self = PMD_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_export_dialog_class_init (PmdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_export_dialog_dispose;
  object_class->get_property = pmd_export_dialog_get_property;
  object_class->set_property = pmd_export_dialog_set_property;

  /**
   * PmdExportDialog:document:
   *
   * The document whose charts are exported.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PmdExportDialog:year:
   *
   * The year the pyramid and the bridge show; 0 for the last.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 2200, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PMD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PmdExportDialog, width);
  gtk_widget_class_bind_template_child (widget_class, PmdExportDialog, height);
  gtk_widget_class_bind_template_child (widget_class, PmdExportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pmd_export_dialog_init (PmdExportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  pmd_field_init_spin (self->width, PMD_FIELD_NUMBER, _("Width"));
  pmd_field_init_spin (self->height, PMD_FIELD_NUMBER, _("Height"));
  _pmd_undo_keys_install (GTK_WIDGET (self), NULL);
  /* Every kind up to the actuals chart, which needs a monitor (a library
   * version and its actuals) that the dialog's document does not have. */
  for (int k = 0; k < PMD_CHART_ACTUALS; k++)
    gtk_string_list_append (kinds, pmd_chart_kind_title (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

GtkWindow *
pmd_export_dialog_new (GtkWindow   *parent,
                       PmdDocument *document,
                       int          year)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       "year", year,
                       NULL);
}
