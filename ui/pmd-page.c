/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-page-private.h"
#include "pmd-message-bar.h"
#include "pmd-undo-keys-private.h"

/* A message for the user, in the window's toast overlay. */
void
_pmd_page_show_error (GtkWidget  *page,
                      const char *message)
{
  pmd_notify_text (page, message);
}

/* A field applied with Enter or its apply button. */
GtkWidget *
_pmd_page_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z is the window's (pmd-undo-keys.c): it undoes the last change to
   * the scenario. The field's own undo took back the text the page had put
   * in and left the field empty. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

/* Every number can say where it comes from, and assumptions are marked
 * where they are shown, not only on hover. */
void
_pmd_page_set_source (GtkWidget  *row,
                      const char *source)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), "pmd-mark");
  gboolean assumption = source != NULL && g_str_has_prefix (source, "aanname");

  gtk_widget_set_tooltip_text (row, source);
  if (assumption && mark == NULL)
    {
      mark = gtk_label_new (_("assumption"));
      gtk_widget_add_css_class (mark, "assumption-tag");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
      g_object_set_data (G_OBJECT (row), "pmd-mark", mark);
    }
  if (mark != NULL)
    gtk_widget_set_visible (mark, assumption);
}

/* Shows @text, the document's value, in a field: what Ctrl+Z puts back
 * there (pmd-undo-keys.c). */
void
_pmd_page_set_text (GtkWidget  *row,
                    const char *text)
{
  _pmd_undo_keys_show_text (row, text);
}

/* The widget that edits the parameter @path under @root: a cell, a field
 * or a lever marked with its path ("pmd-path"); buttons beside them carry
 * the path too and are passed over. */
GtkWidget *
_pmd_page_find_param (GtkWidget  *root,
                      const char *path)
{
  const char *own = g_object_get_data (G_OBJECT (root), "pmd-path");

  if (own != NULL && g_str_equal (own, path) && !GTK_IS_BUTTON (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = _pmd_page_find_param (child, path);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Moves @adjustment by as little as brings [from, from + size) of a view
 * @page long into sight. */
static void
bring_into_view (GtkAdjustment *adjustment,
                 double         from,
                 double         size,
                 double         page)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (from < 0)
    gtk_adjustment_set_value (adjustment, value + from);
  else if (from + size > page)
    gtk_adjustment_set_value (adjustment, value + MIN (from, from + size - page));
}

/* Scrolls every scrolled window around @widget so that it can be seen: a
 * column view is scrollable itself and does not follow the focus (GTK 4.8
 * has no gtk_column_view_scroll_to ()), and a Posten cell to the right of
 * a narrow window got the keyboard unseen. */
void
_pmd_page_scroll_to (GtkWidget *widget)
{
  for (GtkWidget *sw = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW); sw != NULL;
       sw = gtk_widget_get_ancestor (gtk_widget_get_parent (sw), GTK_TYPE_SCROLLED_WINDOW))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_parent (sw) == NULL || !gtk_widget_compute_bounds (widget, sw, &bounds))
        return;
      bring_into_view (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (sw)), bounds.origin.x,
                       bounds.size.width, gtk_widget_get_width (sw));
      bring_into_view (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw)), bounds.origin.y,
                       bounds.size.height, gtk_widget_get_height (sw));
    }
}

/* Opens the rows around the widget that edits @path, brings it into
 * sight and gives it the keyboard. */
gboolean
_pmd_page_focus_param (GtkWidget  *root,
                       const char *path)
{
  GtkWidget *widget = _pmd_page_find_param (root, path);

  if (widget == NULL)
    return FALSE;
  for (GtkWidget *w = widget; w != NULL && w != root; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
  _pmd_page_scroll_to (widget);
  return gtk_widget_grab_focus (widget);
}

/* The wheel over a table that scrolls sideways scrolls the page up and
 * down. GTK 4.8's scrolled window takes every scroll event, also in a
 * direction it does not scroll (its vertical policy "never"), so the page
 * moved only with the pointer beside the tables. Shift with the wheel
 * still scrolls the table sideways. */
static gboolean
sideways_scroll_cb (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    gpointer                  user_data)
{
  GtkWidget *sideways = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (sideways), GTK_TYPE_SCROLLED_WINDOW);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment;
  double step;

  if (page == NULL || dy == 0 || (state & GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  /* A wheel's notch moves as far as GTK moves a page for one. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
    ? pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0) : 1;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

/* Lets the wheel scroll the page over every scrolled window under @root
 * that scrolls only sideways inside another. */
void
_pmd_page_pass_vertical_scroll (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkPolicyType vertical;

      _pmd_page_pass_vertical_scroll (child);
      if (!GTK_IS_SCROLLED_WINDOW (child))
        continue;
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (child), NULL, &vertical);
      if (vertical == GTK_POLICY_NEVER)
        {
          GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

          /* Before the scrolled window's own, which would take it. */
          gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
          g_signal_connect (scroll, "scroll", G_CALLBACK (sideways_scroll_cb), NULL);
          gtk_widget_add_controller (child, scroll);
        }
    }
}
