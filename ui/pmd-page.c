/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-page-private.h"

/* A message for the user, in the window's toast overlay. */
void
_pmd_page_show_error (GtkWidget  *page,
                      const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* A field applied with Enter or its apply button. */
GtkWidget *
_pmd_page_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z is the window's: it undoes the last change to the scenario. The
   * field's own undo took back the text the page had put in and left the
   * field empty. */
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

/* Shows @text in a field, unless it shows it already: setting the same text
 * would move the cursor of someone typing. */
void
_pmd_page_set_text (GtkWidget  *row,
                    const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
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

/* Opens the rows around the widget that edits @path and gives it the
 * keyboard; its scrolled window follows the focus. */
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
  return gtk_widget_grab_focus (widget);
}
