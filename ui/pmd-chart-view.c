/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "pmd-chart-view.h"
#include "pmd-refresh.h"

/*
 * A thin widget around pmd_chart_render(): it paints the chart of the
 * document's projection, in the desktop's light or dark style, and shows
 * what lies under the pointer as a tooltip. No drawing code lives here.
 */

struct _PmdChartView
{
  GtkWidget       parent_instance;

  PmdChartKind    kind;
  PmdDocument    *document;
  PmdRefresh     *refresh;
  int             year;
  double          font_scale;
  PmdChartRecord *record;   /* from the last paint, for tooltips */
  /* Borrowed from whoever computed them (the uncertainty page). */
  const PmdMonteCarlo *monte_carlo;
  const GArray   *swings;
  double          swing_base;
  char           *swing_output;
  /* Borrowed from the compare page: instead of the document's variants. */
  const PmdComparison *comparison;
  gboolean        variants_gap;
  /* Borrowed from the Realisatie page: a library version, not the document. */
  const PmdScenario   *monitor_scenario;
  const PmdProjection *monitor_projection;
  const PmdMonitor    *monitor;
  char                *monitor_line;
};

G_DEFINE_FINAL_TYPE (PmdChartView, pmd_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DOCUMENT,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPLAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_accessible (PmdChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pmd_chart_kind_title (self->kind),
                                  -1);
}

/* What a chart of @kind draws: the projection of the scenario shown, which
 * every part of it feeds except the ranges; the fan and the tornado draw
 * what the uncertainty page computed from the ranges too. */
static PmdChangeFlags
watched_changes (PmdChartKind kind)
{
  PmdChangeFlags flags = (PMD_CHANGE_CONTENT | PMD_CHANGE_SHOWN_VARIANT | PMD_CHANGE_FILE) & ~PMD_CHANGE_RANGES;

  if (kind == PMD_CHART_FAN || kind == PMD_CHART_TORNADO)
    flags |= PMD_CHANGE_RANGES;
  return flags;
}

static void
refresh_cb (gpointer       widget,
            PmdChangeFlags flags)
{
  gtk_widget_queue_draw (GTK_WIDGET (widget));
}

static void
watch_document (PmdChartView *self)
{
  g_clear_pointer (&self->refresh, pmd_refresh_free);
  if (self->document != NULL)
    self->refresh = pmd_refresh_new (GTK_WIDGET (self), self->document, watched_changes (self->kind), refresh_cb);
}

static void
style_changed_cb (PmdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  PmdChartView *self = PMD_CHART_VIEW (widget);
  const char *text;

  if (keyboard || self->record == NULL)
    return FALSE;
  text = pmd_chart_record_lookup (self->record, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pmd_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PmdChartView *self = PMD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PmdComparison) variants = NULL;
  PmdChartInput input = { 0 };
  PmdChartStyle style;
  cairo_t *cr;

  if (self->document == NULL || width <= 0 || height <= 0)
    return;

  input.scenario = pmd_document_get_effective (self->document);
  input.projection = pmd_document_get_projection (self->document);
  if (self->kind == PMD_CHART_ACTUALS && self->monitor != NULL)
    {
      input.scenario = self->monitor_scenario;
      input.projection = self->monitor_projection;
      input.monitor = self->monitor;
      input.monitor_line = self->monitor_line;
    }
  input.year = self->year;
  if (self->kind == PMD_CHART_VARIANTS && self->comparison != NULL)
    input.variants = self->comparison;
  else if (self->kind == PMD_CHART_VARIANTS)
    input.variants = variants = pmd_comparison_new_variants (pmd_document_get_scenario (self->document), NULL);
  input.variants_gap = self->variants_gap;
  input.monte_carlo = self->monte_carlo;
  input.swings = self->swings;
  input.swing_output = self->swing_output ? self->swing_output : "totals.gap";
  input.swing_base = self->swing_base;
  pmd_chart_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  style.font_scale = self->font_scale;

  g_clear_pointer (&self->record, pmd_chart_record_free);
  self->record = pmd_chart_record_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pmd_chart_render_record (self->kind, &input, &style, cr, width, height, self->record);
  cairo_destroy (cr);
}

static void
pmd_chart_view_dispose (GObject *object)
{
  PmdChartView *self = PMD_CHART_VIEW (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->record, pmd_chart_record_free);
  g_clear_pointer (&self->swing_output, g_free);
  g_clear_pointer (&self->monitor_line, g_free);

  G_OBJECT_CLASS (pmd_chart_view_parent_class)->dispose (object);
}

static void
pmd_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmdChartView *self = PMD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
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
pmd_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PmdChartView *self = PMD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      pmd_chart_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_DOCUMENT:
      pmd_chart_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      pmd_chart_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "Hoe komt dit getal tot stand?" for the mark clicked. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            PmdChartView    *self)
{
  if (n_press == 1 && pmd_chart_view_explain_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* From the keyboard: the chart's figure in the year chosen (the window's
 * year: PmdChartView::explain with year 0). */
static void
explain_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PmdChartView *self = PMD_CHART_VIEW (widget);

  if (self->record == NULL)
    return;
  for (guint i = 0; i < self->record->regions->len; i++)
    {
      const PmdChartRegion *r = &g_array_index (self->record->regions, PmdChartRegion, i);

      if (r->figure != NULL)
        {
          g_signal_emit (self, signals[EXPLAIN], 0, r->figure, 0);
          return;
        }
    }
}

static void
pmd_chart_view_class_init (PmdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_chart_view_dispose;
  object_class->get_property = pmd_chart_view_get_property;
  object_class->set_property = pmd_chart_view_set_property;
  widget_class->snapshot = pmd_chart_view_snapshot;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, PMD_N_CHART_KINDS - 1, PMD_CHART_CURVES,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 2200, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PmdChartView::explain:
   * @figure: what the mark shows, as pmd_figure_parse() reads it
   * @year: its year, or 0 for the year the window shows
   *
   * The user asked what a figure of the chart is made of.
   */
  signals[EXPLAIN] = g_signal_new ("explain", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.explain", NULL, explain_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.explain", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.explain", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.explain", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-chart-view.ui");
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pmd_chart_view_init (PmdChartView *self)
{
  self->font_scale = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

GtkWidget *
pmd_chart_view_new (PmdChartKind kind)
{
  return g_object_new (PMD_TYPE_CHART_VIEW, "kind", kind, NULL);
}

PmdChartKind
pmd_chart_view_get_kind (PmdChartView *self)
{
  g_return_val_if_fail (PMD_IS_CHART_VIEW (self), PMD_CHART_CURVES);
  return self->kind;
}

void
pmd_chart_view_set_kind (PmdChartView *self,
                         PmdChartKind  kind)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));
  g_return_if_fail (kind < PMD_N_CHART_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  /* Charts whose marks explain a figure take the keyboard (Enter). */
  gtk_widget_set_focusable (GTK_WIDGET (self), kind == PMD_CHART_CURVES || kind == PMD_CHART_SAVINGS);
  watch_document (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

PmdDocument *
pmd_chart_view_get_document (PmdChartView *self)
{
  g_return_val_if_fail (PMD_IS_CHART_VIEW (self), NULL);
  return self->document;
}

void
pmd_chart_view_set_document (PmdChartView *self,
                             PmdDocument  *document)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  watch_document (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

int
pmd_chart_view_get_year (PmdChartView *self)
{
  g_return_val_if_fail (PMD_IS_CHART_VIEW (self), 0);
  return self->year;
}

/**
 * pmd_chart_view_set_year:
 * @year: the year the pyramid and the bridge show; 0 for the last
 */
void
pmd_chart_view_set_year (PmdChartView *self,
                         int           year)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* Larger type, for meeting mode on a projector. */
void
pmd_chart_view_set_font_scale (PmdChartView *self,
                               double        scale)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));
  self->font_scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pmd_chart_view_set_uncertainty:
 * @monte_carlo: (nullable): runs for the fan, borrowed
 * @swings: (nullable): swings of the gap for the tornado, borrowed
 * @swing_base: the gap with every parameter at its value
 *
 * The caller keeps both alive until it sets others (or NULL).
 */
void
pmd_chart_view_set_uncertainty (PmdChartView        *self,
                                const PmdMonteCarlo *monte_carlo,
                                const GArray        *swings,
                                double               swing_base)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));

  self->monte_carlo = monte_carlo;
  self->swings = swings;
  self->swing_base = swing_base;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pmd_chart_view_set_comparison:
 * @comparison: (nullable): entries for the variants chart, borrowed; NULL:
 *   the document's variants
 * @gap: show the gap instead of the total cost
 *
 * The caller keeps @comparison alive until it sets another (or NULL).
 */
void
pmd_chart_view_set_comparison (PmdChartView        *self,
                               const PmdComparison *comparison,
                               gboolean             gap)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));

  self->comparison = comparison;
  self->variants_gap = gap;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The output the tornado's swings are of (the gap when not set). */
void
pmd_chart_view_set_swing_output (PmdChartView *self,
                                 const char   *output)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->swing_output, output) == 0)
    return;
  g_free (self->swing_output);
  self->swing_output = g_strdup (output);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pmd_chart_view_set_monitor:
 * @scenario: (nullable): the library version measured
 * @projection: (nullable): its projection
 * @monitor: (nullable): plan against realisation, of @scenario
 * @line: (nullable): the id of the line shown; %NULL: the total
 *
 * What the actuals chart draws instead of the document: all borrowed, and
 * to be set to %NULL before they are freed.
 */
void
pmd_chart_view_set_monitor (PmdChartView        *self,
                            const PmdScenario   *scenario,
                            const PmdProjection *projection,
                            const PmdMonitor    *monitor,
                            const char          *line)
{
  g_return_if_fail (PMD_IS_CHART_VIEW (self));
  g_return_if_fail (monitor == NULL || (scenario != NULL && projection != NULL));

  self->monitor_scenario = scenario;
  self->monitor_projection = projection;
  self->monitor = monitor;
  g_free (self->monitor_line);
  self->monitor_line = g_strdup (line);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pmd_chart_view_explain_at:
 * @x: a point of the widget
 * @y: a point of the widget
 *
 * Asks for the explanation of the figure the mark at (@x, @y) shows, as a
 * click there does.
 *
 * Returns: whether a mark that shows a figure lies there
 */
gboolean
pmd_chart_view_explain_at (PmdChartView *self,
                           double        x,
                           double        y)
{
  const PmdChartRegion *r;

  g_return_val_if_fail (PMD_IS_CHART_VIEW (self), FALSE);

  r = self->record != NULL ? pmd_chart_record_lookup_region (self->record, x, y) : NULL;
  if (r == NULL || r->figure == NULL)
    return FALSE;
  g_signal_emit (self, signals[EXPLAIN], 0, r->figure, r->year);
  return TRUE;
}
