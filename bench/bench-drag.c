/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Frame time while a slider is dragged, in the real window: each step sets
 * the 75+ slider, and the time until the window has painted the new
 * figures and charts is measured with the frame clock.
 *
 *   xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- \
 *     env GSETTINGS_BACKEND=memory ./build/bench/bench-drag [STEPS]
 *
 * The first figure includes the wait for the next frame of the display's
 * clock (60 Hz: up to 16,7 ms); the second is the step's own work: the
 * handlers of the slider's change (document, projection, the window's
 * figures) and the frame's layout and paint. Its p99 must stay within one
 * frame (16 ms). Also reports the model (set + project, with the window's
 * updates) and the two overview charts drawn without the window, then the
 * same drag on the uncertainty page with a 1.000-run fan recomputed in the
 * worker thread: frame times, fans shown, and one pass timed alone.
 */
#include "config.h"

#include <stdio.h>

#include "pmd-application.h"
#include "pmd-window.h"
#include "pmd-window-test-hooks.h"
#include "pmd-chart.h"
#include "pmd-scenario-file.h"

static gboolean painted;
static gint64 layout_start;
static double last_work_ms;

/* The frame's own work: from the layout phase to the end of painting. */
static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  layout_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  last_work_ms = (g_get_monotonic_time () - layout_start) / 1000.0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *label,
        double     *ms,
        int         n)
{
  qsort (ms, n, sizeof (double), compare_double);
  printf ("%-30s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d steps)\n",
          label, ms[n / 2], ms[(int) (n * 0.95)], ms[(int) (n * 0.99)], ms[n - 1], n);
}

/* Moves the 75+ lever @steps times, each time waiting for the frame that
 * paints it. Returns how many steps got a frame within a second. */
static void
count_cb (guint *count)
{
  (*count)++;
}

static int
drag (GtkRange *lever,
      int       steps,
      double   *frame,
      double   *work)
{
  int n_painted = 0;

  for (int i = 0; i < steps; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double handlers;

      painted = FALSE;
      gtk_range_set_value (lever, 11000 + (i % 100) * 30);
      handlers = (g_get_monotonic_time () - t0) / 1000.0;
      /* Wait for the paint of this change (at most a second). */
      while (!painted && g_get_monotonic_time () - t0 < G_USEC_PER_SEC)
        g_main_context_iteration (NULL, FALSE);
      if (painted)
        {
          /* What the step costs: its handlers (the document, the
           * projection, the window's figures) and the frame that shows it,
           * without the wait for the display's next frame. */
          work[n_painted] = handlers + last_work_ms;
          frame[n_painted++] = (g_get_monotonic_time () - t0) / 1000.0;
        }
    }
  if (n_painted < steps)
    g_printerr ("%d of %d steps painted no frame within a second (Xvfb's frame clock without a "
                "compositor); they are left out\n", steps - n_painted, steps);
  return n_painted;
}

int
main (int    argc,
      char **argv)
{
  int steps = argc > 1 ? atoi (argv[1]) : 200;
  g_autofree double *frame = g_new (double, steps);
  g_autofree double *work = g_new (double, steps);
  g_autofree double *model = g_new (double, steps);
  g_autofree double *charts = g_new (double, steps);
  PmdApplication *app;
  PmdWindow *window;
  GtkRange *lever;
  GdkFrameClock *clock;
  int n_painted = 0;

  gtk_init ();
  adw_init ();
  app = pmd_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = PMD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (500000);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  lever = _pmd_window_get_lever (window, "cohorts.75plus.points.1", FALSE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  n_painted = drag (lever, steps, frame, work);

  /* The same work without GTK: the model, then the two overview charts. */
  {
    PmdDocument *doc = pmd_window_get_document (window);
    PmdChartStyle style;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 430, 400);

    pmd_chart_style_init (&style, FALSE);
    for (int i = 0; i < steps; i++)
      {
        gint64 t0 = g_get_monotonic_time (), t1;
        PmdChartInput input = { 0 };
        cairo_t *cr;

        pmd_document_set_param (doc, "cohorts.75plus.points.1", 9000 + (i % 100) * 60, "bench", NULL);
        t1 = g_get_monotonic_time ();
        model[i] = (t1 - t0) / 1000.0;
        input.scenario = pmd_document_get_effective (doc);
        input.projection = pmd_document_get_projection (doc);
        input.year = 2040;
        cr = cairo_create (surface);
        pmd_chart_render (PMD_CHART_CURVES, &input, &style, cr, 430, 400);
        pmd_chart_render (PMD_CHART_PYRAMID, &input, &style, cr, 430, 400);
        cairo_destroy (cr);
        charts[i] = (g_get_monotonic_time () - t1) / 1000.0;
      }
    cairo_surface_destroy (surface);
  }

  if (n_painted > 0)
    {
      report ("slider step to painted frame", frame, n_painted);
      report ("step work (update + frame)", work, n_painted);
    }
  report ("model (set + project)", model, steps);
  report ("two overview charts", charts, steps);

  /* The uncertainty page during the same drag: a 1.000-run fan (and the
   * tornado) recomputed in the worker thread for every step it can. */
  {
    PmdUncertaintyPage *page = _pmd_window_get_uncertainty_page (window);
    PmdDocument *doc = pmd_window_get_document (window);
    guint before;
    gint64 t0;
    double drag_s;
    g_autofree double *pass = g_new (double, 20);

    guint fans = 0;

    g_signal_connect_swapped (page, "computed", G_CALLBACK (count_cb), &fans);
    _pmd_window_show_page (window, "uncertainty");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                               PMD_TYPE_UNCERTAINTY_PAGE, "runs")),
                               1000);
    while (g_main_context_pending (NULL) || pmd_uncertainty_page_get_busy (page))
      g_main_context_iteration (NULL, FALSE);
    before = fans;
    t0 = g_get_monotonic_time ();
    n_painted = drag (lever, steps, frame, work);
    drag_s = (g_get_monotonic_time () - t0) / 1e6;
    if (n_painted > 0)
      {
        report ("with the fan: step to frame", frame, n_painted);
        report ("with the fan: step work", work, n_painted);
      }
    printf ("%-28s %u fans for %d steps in %.1f s (%.0f a second)\n", "fans shown during the drag",
            fans - before, steps, drag_s, (fans - before) / drag_s);

    /* One pass as the worker makes it: 1.000 runs and the tornado. */
    for (int i = 0; i < 20; i++)
      {
        gint64 t1 = g_get_monotonic_time ();
        g_autoptr(PmdMonteCarlo) mc = pmd_monte_carlo_run (pmd_document_get_effective (doc), 1000, 1, NULL, NULL,
                                                           NULL, NULL);
        g_autoptr(GArray) swings = pmd_sensitivity (pmd_document_get_effective (doc), "totals.gap", 2046, NULL, NULL);
        pass[i] = (g_get_monotonic_time () - t1) / 1000.0;
      }
    report ("one pass: 1.000 runs + tornado", pass, 20);
    while (pmd_uncertainty_page_get_busy (page))
      g_main_context_iteration (NULL, FALSE);
    g_signal_handlers_disconnect_by_func (page, count_cb, &fans);
  }

  /* The compare page during the drag: four entries projected and their
   * tables made again for each step. */
  _pmd_window_show_page (window, "compare");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  n_painted = drag (lever, steps, frame, work);
  if (n_painted > 0)
    {
      report ("compare page: step to frame", frame, n_painted);
      report ("compare page: step work", work, n_painted);
    }
  {
    PmdComparePage *page = _pmd_window_get_compare_page (window);
    PmdDocument *doc = pmd_window_get_document (window);

    for (int i = 0; i < steps; i++)
      {
        gint64 t0 = g_get_monotonic_time ();

        pmd_document_set_param (doc, "cohorts.75plus.points.1", 11000 + (i % 100) * 30, "bench", NULL);
        g_free (pmd_compare_page_get_tables_text (page));   /* rebuilds now */
        model[i] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    report ("compare page: model + tables", model, steps);
  }

  pmd_session_load_bundled (pmd_window_get_session (window), "westland-2026");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return 0;
}
