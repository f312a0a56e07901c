/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-chart-view.h"
#include "pmd-format.h"
#include "pmd-uncertainty-page.h"

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
  PmdChartView   *fan;
  PmdChartView   *tornado;
  GtkSpinButton  *runs;
  GtkProgressBar *progress;
  GtkLabel       *status;
  GtkWidget      *cancel_button;
  GtkDropDown    *tornado_output;
  GtkSpinButton  *tornado_year_spin;
  int             tornado_year;   /* 0: the last year of the scenario */

  guint           start_id;  /* an idle that starts the next job */
  guint           poll_id;
  Job            *job;       /* the job under way, or NULL */
  gboolean        pending;   /* the scenario changed since the job started */
  gboolean        full_next; /* after the quick pass, run them all */

  PmdMonteCarlo  *mc;        /* the last finished result */
  guint           n_results;
  GArray         *swings;
};

G_DEFINE_FINAL_TYPE (PmdUncertaintyPage, pmd_uncertainty_page, ADW_TYPE_BIN)

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
stop_job (PmdUncertaintyPage *self)
{
  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, job_unref);
    }
  g_clear_handle_id (&self->poll_id, g_source_remove);
  /* Hidden by opacity: the bar keeps its place, nothing jumps per pass. */
  gtk_widget_set_opacity (GTK_WIDGET (self->progress), 0);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
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
  /* Translators: runs, year, chance of a gap, share not paid back */
  text = g_strdup_printf (_("%s runs · chance of a funding gap in %d: %s · not paid back by then: %s"),
                          runs, mc->base_year + last, chance, never);
  gtk_label_set_text (self->status, text);
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
      self->n_results++;
      self->swings = g_steal_pointer (&job->swings);
      pmd_chart_view_set_uncertainty (self->fan, self->mc, NULL, 0);
      pmd_chart_view_set_uncertainty (self->tornado, NULL, self->swings, job->swing_base);
      pmd_chart_view_set_swing_output (self->tornado, job->output);
      pmd_chart_view_set_year (self->tornado, job->year);
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
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
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

static void update_tornado_years (PmdUncertaintyPage *self);

static void
document_changed_cb (PmdUncertaintyPage *self)
{
  if (self->tornado_year_spin != NULL)
    update_tornado_years (self);
  self->pending = TRUE;
  self->full_next = FALSE;
  /* A short pass is let finish (it shows the fan moving); a long pass of
   * a scenario that no longer holds is stopped. */
  if (self->job != NULL && self->job->runs > DIRECT_RUNS)
    g_cancellable_cancel (self->job->cancellable);
  continue_runs (self);
}

static void
tornado_year_changed_cb (PmdUncertaintyPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->tornado_year_spin);

  /* The last year stays the last when the horizon changes. */
  self->tornado_year = year == pmd_scenario_get_end_year (pmd_document_get_scenario (self->document)) ? 0 : year;
  document_changed_cb (self);
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
  g_signal_handlers_block_by_func (self->tornado_year_spin, tornado_year_changed_cb, self);
  gtk_spin_button_set_range (self->tornado_year_spin, sc->base_year, end);
  if (self->tornado_year == 0 || self->tornado_year > end || self->tornado_year < sc->base_year)
    {
      self->tornado_year = 0;
      gtk_spin_button_set_value (self->tornado_year_spin, end);
    }
  g_signal_handlers_unblock_by_func (self->tornado_year_spin, tornado_year_changed_cb, self);
}

static void
cancel_clicked_cb (PmdUncertaintyPage *self)
{
  self->full_next = FALSE;
  self->pending = FALSE;
  g_clear_handle_id (&self->start_id, g_source_remove);
  stop_job (self);
  if (self->mc != NULL)
    show_summary (self);
  else
    gtk_label_set_text (self->status, _("Stopped."));
}

static void
pmd_uncertainty_page_dispose (GObject *object)
{
  PmdUncertaintyPage *self = PMD_UNCERTAINTY_PAGE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->start_id, g_source_remove);
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
pmd_uncertainty_page_class_init (PmdUncertaintyPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pmd_uncertainty_page_dispose;
}

static void
pmd_uncertainty_page_init (PmdUncertaintyPage *self)
{
}

PmdUncertaintyPage *
pmd_uncertainty_page_new (PmdDocument *document)
{
  PmdUncertaintyPage *self = g_object_new (PMD_TYPE_UNCERTAINTY_PAGE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* The fan beside the tornado where there is room, above it on a beamer
   * (1.024 px: the page scrolls). */
  GtkWidget *charts = gtk_flow_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Runs"));

  self->document = g_object_ref (document);

  self->runs = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (100, 20000, 500));
  gtk_spin_button_set_value (self->runs, PMD_MONTE_CARLO_DEFAULT_RUNS);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->runs));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->runs),
                               _("How many times the scenario is drawn from its ranges"));
  g_signal_connect_swapped (self->runs, "value-changed", G_CALLBACK (document_changed_cb), self);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);

  /* Under the controls at their width, not beside them: the row fits a
   * beamer's 1.024 px in Dutch. */
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_opacity (GTK_WIDGET (self->progress), 0);

  self->cancel_button = gtk_button_new_with_mnemonic (_("_Stop"));
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);

  /* One row of controls, the summary below it at full width. */
  gtk_widget_set_valign (GTK_WIDGET (self->runs), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->cancel_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->runs));
  gtk_box_append (GTK_BOX (bar), self->cancel_button);
  {
    GtkWidget *ranges = gtk_button_new_with_mnemonic (_("_Ranges…"));
    GtkWidget *seek = gtk_button_new_with_mnemonic (_("_Goal Seek…"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (ranges), "win.ranges");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (seek), "win.goal-seek");
    gtk_widget_set_tooltip_text (ranges, _("The low and high values of the uncertain parameters"));
    gtk_widget_set_tooltip_text (seek, _("Find the value of a parameter that reaches a goal"));
    gtk_widget_set_valign (ranges, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (seek, GTK_ALIGN_CENTER);
    gtk_widget_set_hexpand (ranges, TRUE);
    gtk_widget_set_halign (ranges, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (bar), ranges);
    gtk_box_append (GTK_BOX (bar), seek);
  }

  self->fan = PMD_CHART_VIEW (pmd_chart_view_new (PMD_CHART_FAN));
  self->tornado = PMD_CHART_VIEW (pmd_chart_view_new (PMD_CHART_TORNADO));
  pmd_chart_view_set_document (self->fan, document);
  pmd_chart_view_set_document (self->tornado, document);
  gtk_widget_set_hexpand (GTK_WIDGET (self->fan), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->fan), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->tornado), TRUE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (charts), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (charts), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (charts), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (charts), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (charts), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (charts), 12);
  gtk_widget_set_vexpand (charts, TRUE);
  gtk_flow_box_append (GTK_FLOW_BOX (charts), GTK_WIDGET (self->fan));
  {
    GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *for_label = gtk_label_new_with_mnemonic (_("Swings _of"));
    GtkWidget *in_label = gtk_label_new (_("in"));
    g_autoptr(GtkStringList) outputs = gtk_string_list_new (NULL);
    const PmdScenario *sc = pmd_document_get_scenario (document);

    for (guint i = 0; i < G_N_ELEMENTS (tornado_outputs); i++)
      {
        g_autofree char *name = pmd_describe_output (sc, tornado_outputs[i]);
        gtk_string_list_append (outputs, name);
      }
    self->tornado_output = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (outputs)), NULL));
    gtk_label_set_mnemonic_widget (GTK_LABEL (for_label), GTK_WIDGET (self->tornado_output));
    self->tornado_year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (sc->base_year,
                                                                               pmd_scenario_get_end_year (sc), 1));
    gtk_spin_button_set_value (self->tornado_year_spin, pmd_scenario_get_end_year (sc));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->tornado_year_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Year of the tornado"), -1);
    gtk_box_append (GTK_BOX (row), for_label);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->tornado_output));
    gtk_box_append (GTK_BOX (row), in_label);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->tornado_year_spin));
    gtk_widget_set_vexpand (GTK_WIDGET (self->tornado), TRUE);
    gtk_box_append (GTK_BOX (column), row);
    gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->tornado));
    gtk_flow_box_append (GTK_FLOW_BOX (charts), column);
    g_signal_connect_swapped (self->tornado_output, "notify::selected", G_CALLBACK (document_changed_cb), self);
    g_signal_connect_swapped (self->tornado_year_spin, "value-changed", G_CALLBACK (tornado_year_changed_cb), self);
  }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (box), charts);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_bin_set_child (ADW_BIN (self), scroller);

  g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (continue_runs), NULL);
  document_changed_cb (self);
  return self;
}

const PmdMonteCarlo *
_pmd_uncertainty_page_get_result (PmdUncertaintyPage *self)
{
  return self->mc;
}

gboolean
_pmd_uncertainty_page_is_busy (PmdUncertaintyPage *self)
{
  return self->job != NULL || self->start_id != 0 || self->pending || self->full_next;
}

void
_pmd_uncertainty_page_set_runs (PmdUncertaintyPage *self,
                                guint               runs)
{
  gtk_spin_button_set_value (self->runs, runs);
}

/* The runs of the job under way; 0 when none. */
guint
_pmd_uncertainty_page_get_job_runs (PmdUncertaintyPage *self)
{
  return self->job != NULL ? self->job->runs : 0;
}

GtkWidget *
_pmd_uncertainty_page_get_stop_button (PmdUncertaintyPage *self)
{
  return self->cancel_button;
}

/* How many results the page has shown since it was made. */
guint
_pmd_uncertainty_page_get_n_results (PmdUncertaintyPage *self)
{
  return self->n_results;
}

const GArray *
_pmd_uncertainty_page_get_swings (PmdUncertaintyPage *self)
{
  return self->swings;
}

/* Chooses the tornado's output (one of those offered) and year. */
gboolean
_pmd_uncertainty_page_set_tornado (PmdUncertaintyPage *self,
                                   const char         *output,
                                   int                 year)
{
  for (guint i = 0; i < G_N_ELEMENTS (tornado_outputs); i++)
    if (g_str_equal (tornado_outputs[i], output))
      {
        gtk_drop_down_set_selected (self->tornado_output, i);
        gtk_spin_button_set_value (self->tornado_year_spin, year);
        return TRUE;
      }
  return FALSE;
}
