/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-test-utils-ui.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until @widget's window has laid out and painted a frame after now. */
void
pmd_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  if (clock == NULL || !gtk_widget_get_mapped (widget))
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT | GDK_FRAME_CLOCK_PHASE_PAINT);
  pmd_test_wait_until (painted);
  g_signal_handler_disconnect (clock, id);
}

/* What is ready to run now runs (idles included), without waiting. */
void
pmd_test_run_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* What is pending now is done, and @widget's window (if any) has shown it. */
void
pmd_test_drain (GtkWidget *widget)
{
  pmd_test_run_idle ();
  if (widget != NULL)
    pmd_test_wait_frame (widget);
  pmd_test_run_idle ();
}
