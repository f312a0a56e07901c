/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-uncertainty-text.h"
#include "pmd-window-private.h"
#include "pmd-label-text.h"

/* Meeting mode: the window full screen for a beamer, with big figures, the
 * levers marked for it, and the number keys switching variants. */

static gboolean
in_meeting (PmdWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "meeting");
}

/* In meeting mode the plain number keys switch variants. */
static gboolean
meeting_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PmdWindow             *self)
{
  if (!in_meeting (self))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9 && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-variant", "u", (guint) (keyval - GDK_KEY_1 + 1));
      return TRUE;
    }
  return FALSE;
}

/* Back from meeting mode at the size the window had before: without a
 * window manager to restore it (Xvfb), the window came back wider, 1324
 * px instead of 1280. */
void
_pmd_window_leave_meeting (PmdWindow *self)
{
  if (!in_meeting (self))
    return;
  gtk_stack_set_visible_child_name (self->mode_stack, "normal");
  gtk_window_unfullscreen (GTK_WINDOW (self));
  if (self->size_before_meeting[0] > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), self->size_before_meeting[0], self->size_before_meeting[1]);
}

void
_pmd_window_toggle_meeting (PmdWindow *self)
{
  if (in_meeting (self))
    {
      _pmd_window_leave_meeting (self);
      return;
    }
  gtk_window_get_default_size (GTK_WINDOW (self), &self->size_before_meeting[0], &self->size_before_meeting[1]);
  gtk_stack_set_visible_child_name (self->mode_stack, "meeting");
  _pmd_window_update_meeting_uncertainty (self);
  gtk_window_fullscreen (GTK_WINDOW (self));
}

/* The short form of the uncertainty for the room: where the gap lies in 8
 * of 10 runs and the chance of a shortfall, in the year shown. 1.000 runs
 * of a municipal scenario take a few milliseconds, so they follow every
 * change while the room watches; nothing runs outside meeting mode. */
void
_pmd_window_update_meeting_uncertainty (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_effective (self->document);
  g_autoptr(PmdMonteCarlo) mc = NULL;
  g_autoptr(PmdUncertaintyText) text = NULL;
  g_autofree char *sentences = NULL;
  g_autofree char *shown = NULL;

  if (!in_meeting (self) || sc->ranges->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->meeting_uncertainty), FALSE);
      return;
    }
  mc = pmd_monte_carlo_run (sc, 1000, PMD_MONTE_CARLO_DEFAULT_SEED, NULL, NULL, NULL, NULL);
  if (mc == NULL)
    return;
  text = pmd_uncertainty_text_new (sc, pmd_document_get_projection (self->document), mc, NULL, NULL,
                                   gtk_spin_button_get_value_as_int (self->year_spin));
  sentences = pmd_uncertainty_text_to_string (text, TRUE);
  g_strdelimit (sentences, "\n", ' ');
  shown = pmd_label_text_keep_amounts (sentences);
  gtk_label_set_text (self->meeting_uncertainty, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_uncertainty), TRUE);
}

void
_pmd_window_init_meeting (PmdWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  pmd_chart_view_set_font_scale (self->meeting_chart, 1.4);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (meeting_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
