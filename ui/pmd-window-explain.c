/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-explain-popover.h"
#include "pmd-page-private.h"
#include "pmd-window-private.h"

/*
 * "Hoe komt dit getal tot stand?" in the window: a key-figure card (click,
 * or Enter or Space when it has the keyboard) and a point of the cost or
 * savings chart (click, or Enter on the chart for the year chosen) open
 * the explanation of their figure in a popover pointing at them. A leaf's
 * button brings the user to its input: the lever when there is one, else
 * the Posten cell, the Maatregelen field or the Aannames field.
 */

/* What each card shows, as pmd_figure_parse() reads it. */
static const char *const card_figures[] = {
  "totals.scenario", "totals.gap", "totals.cumulative_savings", "payback_year",
};

/* The page that edits a parameter, by the first part of its path. */
static const char *
page_for (const char *path)
{
  if (g_str_has_prefix (path, "lines."))
    return "lines";
  if (g_str_has_prefix (path, "interventions."))
    return "interventions";
  return "assumptions";
}

typedef struct
{
  PmdWindow *window;
  char      *path;
  guint      tries;
} Jump;

static void
jump_free (gpointer data)
{
  Jump *jump = data;

  g_free (jump->path);
  g_free (jump);
}

/* A page builds its rows when first shown, a list its cells when laid out:
 * the input is looked for on the next frames until it is there. */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  Jump *jump = user_data;
  GtkWidget *page = adw_view_stack_get_visible_child (jump->window->view_stack);

  if (_pmd_page_focus_param (page, jump->path) || ++jump->tries > 30)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

/**
 * _pmd_window_jump_to_input:
 * @path: a parameter path
 *
 * Shows where @path is edited and gives that widget the keyboard.
 */
void
_pmd_window_jump_to_input (PmdWindow  *self,
                           const char *path)
{
  Jump *jump;

  _pmd_window_leave_meeting (self);
  /* A lever edits the number where the user already looks. */
  if (!g_str_has_prefix (path, "lines.") && _pmd_page_focus_param (GTK_WIDGET (self->levers_box), path))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, page_for (path));
  if (_pmd_page_focus_param (adw_view_stack_get_visible_child (self->view_stack), path))
    return;
  jump = g_new0 (Jump, 1);
  jump->window = self;
  jump->path = g_strdup (path);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, jump, jump_free);
}

static void
jump_cb (PmdExplainPopover *popover,
         const char        *path,
         PmdWindow         *self)
{
  _pmd_window_jump_to_input (self, path);
}

/**
 * _pmd_window_explain:
 * @anchor: what the popover points at
 * @figure: an output path (pmd_figure_parse())
 * @year: its year, or 0 for the year chosen in the window
 *
 * Opens "Hoe komt dit getal tot stand?" for a figure of the scenario shown.
 */
void
_pmd_window_explain (PmdWindow  *self,
                     GtkWidget  *anchor,
                     const char *figure,
                     int         year)
{
  g_autoptr(GError) error = NULL;

  if (year == 0)
    year = gtk_spin_button_get_value_as_int (self->year_spin);
  if (self->explain_popover == NULL)
    {
      self->explain_popover = pmd_explain_popover_new ();
      g_signal_connect (self->explain_popover, "jump", G_CALLBACK (jump_cb), self);
    }
  if (gtk_widget_get_parent (self->explain_popover) != anchor)
    {
      if (gtk_widget_get_parent (self->explain_popover) != NULL)
        gtk_widget_unparent (g_object_ref (self->explain_popover));
      else
        g_object_ref (self->explain_popover);
      gtk_widget_set_parent (self->explain_popover, anchor);
      g_object_unref (self->explain_popover);
    }
  if (!pmd_explain_popover_explain (PMD_EXPLAIN_POPOVER (self->explain_popover),
                                    pmd_document_get_effective (self->document),
                                    pmd_document_get_projection (self->document), figure, year, &error))
    {
      pmd_window_add_toast (self, error->message);
      return;
    }
  gtk_popover_popup (GTK_POPOVER (self->explain_popover));
}

static void
explain_card (PmdWindow *self,
              GtkWidget *box)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "pmd-card"));

  _pmd_window_explain (self, box, card_figures[index], 0);
}

static void
card_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  PmdWindow       *self)
{
  explain_card (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
}

static gboolean
card_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PmdWindow             *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
    return GDK_EVENT_PROPAGATE;
  explain_card (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  return GDK_EVENT_STOP;
}

static void
make_explainable (PmdWindow *self,
                  Card      *cards)
{
  for (guint i = 0; i < G_N_ELEMENTS (card_figures); i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_object_set_data (G_OBJECT (cards[i].box), "pmd-card", GUINT_TO_POINTER (i));
      gtk_widget_set_focusable (cards[i].box, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cards[i].box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Press Enter to see how this figure is made up"), -1);
      g_signal_connect (click, "released", G_CALLBACK (card_released_cb), self);
      gtk_widget_add_controller (cards[i].box, GTK_EVENT_CONTROLLER (click));
      g_signal_connect (keys, "key-pressed", G_CALLBACK (card_key_pressed_cb), self);
      gtk_widget_add_controller (cards[i].box, keys);
    }
}

static void
chart_explain_cb (PmdChartView *view,
                  const char   *figure,
                  int           year,
                  PmdWindow    *self)
{
  _pmd_window_explain (self, GTK_WIDGET (view), figure, year);
}

void
_pmd_window_init_explain (PmdWindow *self)
{
  make_explainable (self, self->cards);
  make_explainable (self, self->big_cards);
  g_signal_connect (self->curves_view, "explain", G_CALLBACK (chart_explain_cb), self);
  g_signal_connect (self->savings_view, "explain", G_CALLBACK (chart_explain_cb), self);
  g_signal_connect (self->meeting_chart, "explain", G_CALLBACK (chart_explain_cb), self);
}

/* The popover goes with the window: it hangs on a card or a chart. */
void
_pmd_window_dispose_explain (PmdWindow *self)
{
  if (self->explain_popover != NULL)
    g_clear_pointer (&self->explain_popover, gtk_widget_unparent);
}

/* win.edit-input (s): a parameter path; what a leaf of an explanation
 * outside the window's own popover (a table of the Vergelijken page) asks
 * for. */
static void
edit_input_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _pmd_window_jump_to_input (PMD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_pmd_window_class_add_explain_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-input", "s", edit_input_action);
}
