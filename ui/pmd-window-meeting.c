/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-window-private.h"

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
  gtk_window_fullscreen (GTK_WINDOW (self));
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
