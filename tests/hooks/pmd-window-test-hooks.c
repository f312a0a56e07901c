/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-window-test-hooks.h"
#include "pmd-window-private.h"

/*
 * The tests' hands and eyes on the window: its levers, cards and pages,
 * found through the window's struct (pmd-window-private.h). Compiled into
 * the tests and benchmarks only.
 */

GtkRange *
_pmd_window_get_lever (PmdWindow  *self,
                       const char *path,
                       gboolean    meeting)
{
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *lever = g_ptr_array_index (self->levers, i);
      gboolean in_meeting = gtk_widget_is_ancestor (GTK_WIDGET (lever->scale), GTK_WIDGET (self->meeting_levers));
      if (g_str_equal (lever->path, path) && in_meeting == meeting)
        return lever->scale;
    }
  return NULL;
}

const char *
_pmd_window_get_card_value (PmdWindow *self,
                            guint      index)
{
  g_return_val_if_fail (index < 4, NULL);
  return gtk_label_get_text (self->cards[index].value);
}

const char *
_pmd_window_get_card_title (PmdWindow *self,
                            guint      index)
{
  g_return_val_if_fail (index < 4, NULL);
  return gtk_label_get_text (self->cards[index].title);
}

GtkSpinButton *
_pmd_window_get_year_spin (PmdWindow *self)
{
  return self->year_spin;
}

void
_pmd_window_set_year (PmdWindow *self,
                      int        year)
{
  gtk_spin_button_set_value (self->year_spin, year);
}

gboolean
_pmd_window_in_meeting (PmdWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "meeting");
}

GtkDropDown *
_pmd_window_get_variant_dropdown (PmdWindow *self)
{
  return self->variant_dropdown;
}

PmdLinesPage *
_pmd_window_get_lines_page (PmdWindow *self)
{
  return self->lines_page;
}

PmdUncertaintyPage *
_pmd_window_get_uncertainty_page (PmdWindow *self)
{
  return self->uncertainty_page;
}

PmdComparePage *
_pmd_window_get_compare_page (PmdWindow *self)
{
  return self->compare_page;
}

PmdInterventionsPage *
_pmd_window_get_interventions_page (PmdWindow *self)
{
  return self->interventions_page;
}

PmdAssumptionsPage *
_pmd_window_get_assumptions_page (PmdWindow *self)
{
  return self->assumptions_page;
}

PmdActualsPage *
_pmd_window_get_actuals_page (PmdWindow *self)
{
  return self->actuals_page;
}

/* The library's window, while it is open. */
GtkWindow *
_pmd_window_get_library_window (PmdWindow *self)
{
  return self->library_window;
}

const char *
_pmd_window_get_page_title (PmdWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  return adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack, child));
}

void
_pmd_window_show_page (PmdWindow  *self,
                       const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The dialog that asks for the name, answered with @name, as a user would:
 * New Variant…, the name typed, OK. */
void
_pmd_window_new_variant (PmdWindow  *self,
                         const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.variant-new", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (self))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), name);
  /* As its OK button does: the response, then the dialog goes (closing it
   * would answer its close response as well). */
  adw_message_dialog_response (dialog, "ok");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The box of a key-figure card (0: cost, 1: gap, 2: savings, 3: payback). */
GtkWidget *
_pmd_window_get_card (PmdWindow *self,
                      guint      index)
{
  g_return_val_if_fail (index < 4, NULL);
  return self->cards[index].box;
}

/* "Hoe komt dit getal tot stand?", once it has been asked for. */
GtkWidget *
_pmd_window_get_explain_popover (PmdWindow *self)
{
  return self->explain_popover;
}

GtkWidget *
_pmd_window_get_history_popover (PmdWindow *self)
{
  return GTK_WIDGET (self->history_popover);
}

GtkWidget *
_pmd_window_get_history_button (PmdWindow *self)
{
  return gtk_widget_get_parent (GTK_WIDGET (self->history_popover));
}

/* "curves" or "savings" */
GtkWidget *
_pmd_window_get_chart (PmdWindow  *self,
                       const char *name)
{
  return GTK_WIDGET (g_str_equal (name, "curves") ? self->curves_view : self->savings_view);
}
