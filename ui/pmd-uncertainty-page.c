/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-chart-view.h"
#include "pmd-field.h"
#include "pmd-format.h"
#include "pmd-refresh.h"
#include "pmd-uncertainty-page.h"
#include "pmd-label-text.h"
#include "pmd-uncertainty-text.h"

/*
 * The uncertainty page: the fan of the total cost (Monte Carlo over the
 * scenario's ranges) and the tornado of a chosen output in a chosen year
 * (the gap in the last year at first).
 *
 * The runs happen in a worker thread on a copy of the scenario, so the
 * window never waits. One job at a time: a change to the document stops a
 * long pass under way, and as soon as the job in flight is done a new one
 * starts on the scenario as it is then: all runs when they are few (1.000
 * take a few milliseconds), else a quick pass of 250 followed, when no
 * change came in meanwhile, by the full number. So while a slider moves
 * the fan follows it pass by pass, and sharpens once it rests. Each pass
 * uses the same seed, so the same scenario always gives the same fan.
 *
 * Nothing runs while the page is hidden: changes wait (pmd-refresh) until
 * it is shown, and the first run starts when it is first shown.
 */

#define QUICK_RUNS   250
#define DIRECT_RUNS  1000   /* up to this many: no quick pass first (a few ms) */
#define SEED         PMD_MONTE_CARLO_DEFAULT_SEED
#define POLL_MS      100

typedef struct
{
  gatomicrefcount ref;
  GCancellable   *cancellable;
  guint           done;       /* atomic */
  PmdScenario    *scenario;
  guint           runs;
  int             year;       /* of the tornado; 0: the last */
  const char     *output;     /* of the tornado: static */
  PmdMonteCarlo  *mc;
  GArray         *swings;
  double          swing_base;
} Job;

struct _PmdUncertaintyPage
{
  AdwBin          parent_instance;

  PmdDocument    *document;
  PmdRefresh     *refresh;
  PmdChartView   *fan;
  PmdChartView   *tornado;
  GtkSpinButton  *runs;
  GtkProgressBar *progress;
  GtkLabel       *status;
  GtkLabel       *sentences;
  GtkDropDown    *tornado_output;
  GtkSpinButton  *tornado_year_spin;
  int             tornado_year;   /* 0: the last year of the scenario */
  gboolean        setting_years;
  gboolean        busy;      /* as last notified */

  guint           start_id;  /* an idle that starts the next job */
  guint           poll_id;
  Job            *job;       /* the job under way, or NULL */
  gboolean        pending;   /* the scenario changed since the job started */
  gboolean        full_next; /* after the quick pass, run them all */

  PmdMonteCarlo  *mc;        /* the last finished result */
  GArray         *swings;
};

G_DEFINE_FINAL_TYPE (PmdUncertaintyPage, pmd_uncertainty_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMPUTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The runs draw the scenario on screen from its ranges; the variants not
 * shown and the realised costs play no part. */
#define WATCHED_CHANGES ((PMD_CHANGE_CONTENT & ~(PMD_CHANGE_VARIANTS | PMD_CHANGE_ACTUALS)) | \
                         PMD_CHANGE_SHOWN_VARIANT | PMD_CHANGE_FILE)

/* What the tornado can show the swings of. */
static const char *const tornado_outputs[] = {
  "totals.gap", "totals.scenario", "totals.savings", "totals.cumulative_savings",
};

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  pmd_scenario_free (job->scenario);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->mc, pmd_monte_carlo_free);
  g_clear_pointer (&job->swings, g_array_unref);
  g_free (job);
}

static void
job_progress_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Job *job = user_data;

  (void) total;
  g_atomic_int_set (&job->done, done);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  (void) source_object;
  (void) cancellable;
  job->mc = pmd_monte_carlo_run (job->scenario, job->runs, SEED, job->cancellable,
                                 job_progress_cb, job, &error);
  if (job->mc != NULL)
    job->swings = pmd_sensitivity (job->scenario, job->output,
                                   job->year > 0 ? job->year : pmd_scenario_get_end_year (job->scenario),
                                   &job->swing_base, &error);
  if (job->mc == NULL || job->swings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
update_busy (PmdUncertaintyPage *self)
{
  gboolean busy = pmd_uncertainty_page_get_busy (self);

  if (busy == self->busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
stop_job (PmdUncertaintyPage *self)
{
  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, job_unref);
    }
  g_clear_handle_id (&self->poll_id, g_source_remove);
  gtk_widget_set_opacity (GTK_WIDGET (self->progress), 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.stop", FALSE);
}

static void
show_summary (PmdUncertaintyPage *self)
{
  const PmdMonteCarlo *mc = self->mc;
  g_autofree char *runs = NULL;
  g_autofree char *chance = NULL;
  g_autofree char *never = NULL;
  g_autofree char *text = NULL;
  int last;

  if (mc == NULL)
    return;
  last = mc->n_years - 1;
  runs = pmd_format_number (mc->runs, 0);
  chance = pmd_format_percent (mc->p_gap_positive[last], 0);
  never = pmd_format_percent ((double) mc->never_paid_back / mc->runs, 0);
  /* Without interventions nothing is to be paid back: "not paid back:
   * 100%" read as a failure. */
  if (!pmd_scenario_has_interventions (pmd_document_get_effective (self->document)))
    /* Translators: runs, year, chance of a gap */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s run · chance of a funding gap in %d: %s · no interventions",
                                         "%s runs · chance of a funding gap in %d: %s · no interventions",
                                         mc->runs),
                            runs, mc->base_year + last, chance);
  else
    /* Translators: runs, year, chance of a gap, share not paid back */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s run · chance of a funding gap in %d: %s · not paid back by then: %s",
                                         "%s runs · chance of a funding gap in %d: %s · not paid back by then: %s",
                                         mc->runs),
                            runs, mc->base_year + last, chance, never);
  gtk_label_set_text (self->status, text);
}

/* The result in words (pmd-uncertainty-text.c), for the tornado's output
 * and year. */
static void
show_sentences (PmdUncertaintyPage *self,
                const Job          *job)
{
  g_autoptr(PmdUncertaintyText) text = NULL;
  g_autofree char *sentences = NULL;
  g_autofree char *shown = NULL;

  text = pmd_uncertainty_text_new (job->scenario, pmd_document_get_projection (self->document), self->mc,
                                   self->swings, job->output, job->year);
  sentences = pmd_uncertainty_text_to_string (text, FALSE);
  shown = pmd_label_text_keep_amounts (sentences);
  gtk_label_set_text (self->sentences, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->sentences), TRUE);
}

static void start_job (PmdUncertaintyPage *self, guint runs);
static void continue_runs (PmdUncertaintyPage *self);

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PmdUncertaintyPage *self = PMD_UNCERTAINTY_PAGE (source);
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (job != self->job)
    {
      /* Stopped: the page has moved on. */
      job_unref (job);
      return;
    }
  if (ok)
    {
      pmd_chart_view_set_uncertainty (self->fan, NULL, NULL, 0);
      pmd_chart_view_set_uncertainty (self->tornado, NULL, NULL, 0);
      g_clear_pointer (&self->mc, pmd_monte_carlo_free);
      g_clear_pointer (&self->swings, g_array_unref);
      self->mc = g_steal_pointer (&job->mc);
      self->swings = g_steal_pointer (&job->swings);
      pmd_chart_view_set_uncertainty (self->fan, self->mc, NULL, 0);
      pmd_chart_view_set_uncertainty (self->tornado, NULL, self->swings, job->swing_base);
      pmd_chart_view_set_swing_output (self->tornado, job->output);
      pmd_chart_view_set_year (self->tornado, job->year);
      show_sentences (self, job);
    }
  stop_job (self);
  if (ok)
    show_summary (self);
  else if (!g_cancellable_is_cancelled (job->cancellable))
    {
      /* A scenario the runs cannot take: say so, try again on the next edit. */
      gtk_label_set_text (self->status, error->message);
      self->full_next = FALSE;
    }
  job_unref (job);
  continue_runs (self);
  update_busy (self);
  if (ok)
    g_signal_emit (self, signals[COMPUTED], 0);
}

static gboolean
poll_cb (gpointer user_data)
{
  PmdUncertaintyPage *self = user_data;

  if (self->job != NULL && self->job->runs > 0)
    gtk_progress_bar_set_fraction (self->progress,
                                   (double) g_atomic_int_get (&self->job->done) / self->job->runs);
  return G_SOURCE_CONTINUE;
}

static void
start_job (PmdUncertaintyPage *self,
           guint               runs)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  stop_job (self);
  if (self->document == NULL)
    return;

  job = g_new0 (Job, 1);
  g_atomic_ref_count_init (&job->ref);
  job->cancellable = g_cancellable_new ();
  job->scenario = pmd_scenario_copy (pmd_document_get_effective (self->document));
  job->runs = runs;
  job->output = tornado_outputs[MIN (gtk_drop_down_get_selected (self->tornado_output),
                                     G_N_ELEMENTS (tornado_outputs) - 1)];
  job->year = self->tornado_year;
  self->job = job;

  task = g_task_new (self, NULL, job_done_cb, job_ref (job));
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (task, job_thread);

  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_opacity (GTK_WIDGET (self->progress), runs > DIRECT_RUNS ? 1 : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.stop", TRUE);
  self->poll_id = g_timeout_add (POLL_MS, poll_cb, self);
  if (self->mc == NULL)
    gtk_label_set_text (self->status, _("Calculating…"));
}

static gboolean
start_cb (gpointer user_data)
{
  PmdUncertaintyPage *self = user_data;
  guint runs = gtk_spin_button_get_value_as_int (self->runs);

  self->start_id = 0;
  if (self->job != NULL)
    return G_SOURCE_REMOVE;   /* it starts the next when done */
  self->pending = FALSE;
  self->full_next = runs > DIRECT_RUNS;
  start_job (self, runs > DIRECT_RUNS ? QUICK_RUNS : runs);
  update_busy (self);
  return G_SOURCE_REMOVE;
}

/* Changes within one turn of the main loop start one job. It starts before
 * the next frame is laid out (high idle, above GTK's redraw): at the lowest
 * priority a drag that keeps the frame clock busy starved it, and the fan
 * showed 0 to 3 results in 200 slider steps; now it follows every step
 * (bench-drag: 199 of 200, and no slower a frame). */
static void
schedule_start (PmdUncertaintyPage *self)
{
  if (self->start_id == 0)
    self->start_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, start_cb, self, NULL);
}

/* The next job, when none runs: a pass on the scenario as it is now after
 * a change, else all runs after a quick pass. Off screen nothing is drawn:
 * the runs wait until the page shows, and leave both cores to the window
 * meanwhile. */
static void
continue_runs (PmdUncertaintyPage *self)
{
  if (self->job != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->pending)
    schedule_start (self);
  else if (self->full_next)
    {
      self->full_next = FALSE;
      start_job (self, gtk_spin_button_get_value_as_int (self->runs));
    }
}

/* The scenario or what to show of it changed: a pass on it as it is now. */
static void
run_again (PmdUncertaintyPage *self)
{
  if (self->document == NULL)
    return;
  self->pending = TRUE;
  self->full_next = FALSE;
  /* A short pass is let finish (it shows the fan moving); a long pass of
   * a scenario that no longer holds is stopped. */
  if (self->job != NULL && self->job->runs > DIRECT_RUNS)
    g_cancellable_cancel (self->job->cancellable);
  continue_runs (self);
  update_busy (self);
}

static void
settings_changed_cb (PmdUncertaintyPage *self)
{
  run_again (self);
}

static void
tornado_year_changed_cb (PmdUncertaintyPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->tornado_year_spin);

  if (self->setting_years || self->document == NULL)
    return;
  /* The last year stays the last when the horizon changes. */
  self->tornado_year = year == pmd_scenario_get_end_year (pmd_document_get_scenario (self->document)) ? 0 : year;
  run_again (self);
}

/* The tornado's years follow the scenario's; the last year stays the last. */
static void
update_tornado_years (PmdUncertaintyPage *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  int end = pmd_scenario_get_end_year (sc);
  double lo, hi;

  gtk_spin_button_get_range (self->tornado_year_spin, &lo, &hi);
  if ((int) lo == sc->base_year && (int) hi == end)
    return;
  self->setting_years = TRUE;
  gtk_spin_button_set_range (self->tornado_year_spin, sc->base_year, end);
  if (self->tornado_year == 0 || self->tornado_year > end || self->tornado_year < sc->base_year)
    {
      self->tornado_year = 0;
      gtk_spin_button_set_value (self->tornado_year_spin, end);
    }
  self->setting_years = FALSE;
}

static void
refresh_cb (gpointer       page,
            PmdChangeFlags flags)
{
  PmdUncertaintyPage *self = page;

  update_tornado_years (self);
  run_again (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  PmdUncertaintyPage *self = PMD_UNCERTAINTY_PAGE (widget);

  self->full_next = FALSE;
  self->pending = FALSE;
  g_clear_handle_id (&self->start_id, g_source_remove);
  stop_job (self);
  if (self->mc != NULL)
    show_summary (self);
  else
    gtk_label_set_text (self->status, _("Stopped."));
  update_busy (self);
}

static void
pmd_uncertainty_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pmd_uncertainty_page_parent_class)->map (widget);
  /* Runs asked for while hidden start now. */
  continue_runs (PMD_UNCERTAINTY_PAGE (widget));
}

static void
pmd_uncertainty_page_dispose (GObject *object)
{
  PmdUncertaintyPage *self = PMD_UNCERTAINTY_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_handle_id (&self->start_id, g_source_remove);
  if (self->progress != NULL)
    stop_job (self);
  if (self->fan != NULL)
    {
      pmd_chart_view_set_uncertainty (self->fan, NULL, NULL, 0);
      pmd_chart_view_set_uncertainty (self->tornado, NULL, NULL, 0);
    }
  g_clear_pointer (&self->mc, pmd_monte_carlo_free);
  g_clear_pointer (&self->swings, g_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pmd_uncertainty_page_parent_class)->dispose (object);
}

static void
pmd_uncertainty_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PmdUncertaintyPage *self = PMD_UNCERTAINTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, pmd_uncertainty_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_uncertainty_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PmdUncertaintyPage *self = PMD_UNCERTAINTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_uncertainty_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_uncertainty_page_class_init (PmdUncertaintyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_uncertainty_page_dispose;
  object_class->get_property = pmd_uncertainty_page_get_property;
  object_class->set_property = pmd_uncertainty_page_set_property;
  widget_class->map = pmd_uncertainty_page_map;

  /**
   * PmdUncertaintyPage:document:
   *
   * The document whose uncertainty the page shows.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PmdUncertaintyPage:busy:
   *
   * Whether runs are under way or waiting to start: what is shown is not
   * yet the Monte Carlo of the scenario as it is.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PmdUncertaintyPage::computed:
   *
   * A pass finished and its fan and tornado are shown
   * (pmd_uncertainty_page_get_result()).
   */
  signals[COMPUTED] = g_signal_new ("computed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PMD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-uncertainty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, fan);
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, tornado);
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, runs);
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, progress);
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, status);
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, tornado_output);
  gtk_widget_class_bind_template_child (widget_class, PmdUncertaintyPage, sentences);
  gtk_widget_class_bind_template_child_full (widget_class, "tornado_year", FALSE,
                                             G_STRUCT_OFFSET (PmdUncertaintyPage, tornado_year_spin));
  /* Not needed here: named for the tests and whoever walks the page. */
  gtk_widget_class_bind_template_child_full (widget_class, "stop_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, settings_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tornado_year_changed_cb);
  gtk_widget_class_install_action (widget_class, "uncertainty.stop", NULL, stop_action);
}

static void
pmd_uncertainty_page_init (PmdUncertaintyPage *self)
{
  g_autoptr(GtkStringList) outputs = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  pmd_field_init_spin (self->runs, PMD_FIELD_COUNT, _("Runs"));
  pmd_field_init_spin (self->tornado_year_spin, PMD_FIELD_YEAR, _("Year"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "uncertainty.stop", FALSE);
  /* The outputs are named alike in every scenario. */
  for (guint i = 0; i < G_N_ELEMENTS (tornado_outputs); i++)
    {
      g_autofree char *name = pmd_describe_output (NULL, tornado_outputs[i]);
      gtk_string_list_append (outputs, name);
    }
  gtk_drop_down_set_model (self->tornado_output, G_LIST_MODEL (outputs));
  gtk_spin_button_set_value (self->runs, PMD_MONTE_CARLO_DEFAULT_RUNS);
}

PmdUncertaintyPage *
pmd_uncertainty_page_new (PmdDocument *document)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_UNCERTAINTY_PAGE, "document", document, NULL);
}

PmdDocument *
pmd_uncertainty_page_get_document (PmdUncertaintyPage *self)
{
  g_return_val_if_fail (PMD_IS_UNCERTAINTY_PAGE (self), NULL);
  return self->document;
}

/**
 * pmd_uncertainty_page_set_document:
 * @document: (nullable): the document to show
 *
 * Nothing is computed until the page is shown.
 */
void
pmd_uncertainty_page_set_document (PmdUncertaintyPage *self,
                                   PmdDocument        *document)
{
  g_return_if_fail (PMD_IS_UNCERTAINTY_PAGE (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_clear_handle_id (&self->start_id, g_source_remove);
  stop_job (self);
  self->pending = self->full_next = FALSE;
  g_set_object (&self->document, document);
  /* Shown, or when first shown: the runs of this document. */
  pmd_refresh_watch (&self->refresh, GTK_WIDGET (self), document, WATCHED_CHANGES, refresh_cb, WATCHED_CHANGES);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * pmd_uncertainty_page_get_busy:
 *
 * Returns: whether runs are under way or waiting to start
 */
gboolean
pmd_uncertainty_page_get_busy (PmdUncertaintyPage *self)
{
  g_return_val_if_fail (PMD_IS_UNCERTAINTY_PAGE (self), FALSE);
  return self->job != NULL || self->start_id != 0 || self->pending || self->full_next;
}

/**
 * pmd_uncertainty_page_get_result:
 *
 * Returns: (nullable) (transfer none): the runs the fan shows; %NULL before
 *   the first pass
 */
const PmdMonteCarlo *
pmd_uncertainty_page_get_result (PmdUncertaintyPage *self)
{
  g_return_val_if_fail (PMD_IS_UNCERTAINTY_PAGE (self), NULL);
  return self->mc;
}

/**
 * pmd_uncertainty_page_get_swings:
 *
 * Returns: (nullable) (transfer none) (element-type PmdSwing): the swings
 *   the tornado shows; %NULL before the first pass
 */
const GArray *
pmd_uncertainty_page_get_swings (PmdUncertaintyPage *self)
{
  g_return_val_if_fail (PMD_IS_UNCERTAINTY_PAGE (self), NULL);
  return self->swings;
}

/**
 * pmd_uncertainty_page_get_sentences:
 *
 * Returns: (transfer none): the last result in sentences, one a line, or
 *   "" before the first
 */
const char *
pmd_uncertainty_page_get_sentences (PmdUncertaintyPage *self)
{
  g_return_val_if_fail (PMD_IS_UNCERTAINTY_PAGE (self), NULL);
  return gtk_label_get_text (self->sentences);
}
