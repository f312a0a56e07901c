/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-undo-keys-private.h"

/*
 * One rule for undo, in the main window and in every window beside it that
 * edits the document: Ctrl+Z undoes the document's last change, Ctrl+Shift+Z
 * and Ctrl+Y redo it, wherever the keyboard is. A field never undoes its
 * own typing: GtkText's history emptied a field (the text the program had
 * put in was its first step), and leaving it then said "“” is not a
 * number". What was typed into a field and not applied yet is dropped
 * first: the field shows the document's value again.
 *
 * The keys are taken in the capture phase on the window, before the field
 * that has the keyboard sees them.
 */

/* The field's text the program showed last: the document's value, what
 * Ctrl+Z goes back to. */
#define SHOWN_KEY "pmd-shown"

/* Drops what was typed into the field that has the keyboard (@focus, or
 * the field it is part of). */
static void
discard_typing (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *shown = g_object_get_data (G_OBJECT (w), SHOWN_KEY);

      if (GTK_IS_EDITABLE_LABEL (w))
        {
          /* Its text from before the edit comes back. */
          if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (w)))
            gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (w), FALSE);
          return;
        }
      if (GTK_IS_SPIN_BUTTON (w))
        {
          /* Its value is applied only on Enter or on leaving: set again, it
           * is shown again. */
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), gtk_spin_button_get_value (GTK_SPIN_BUTTON (w)));
          return;
        }
      if (shown != NULL && GTK_IS_EDITABLE (w))
        {
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (w)), shown) != 0)
            gtk_editable_set_text (GTK_EDITABLE (w), shown);
          /* A value that is shown is not wrong. */
          gtk_widget_remove_css_class (w, "error");
          return;
        }
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GWeakRef              *ref)
{
  GtkWidget *toplevel = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));
  g_autoptr(PmdDocument) document = NULL;
  guint key = gdk_keyval_to_lower (keyval);
  gboolean redo;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != GDK_CONTROL_MASK)
    return GDK_EVENT_PROPAGATE;
  if (key == GDK_KEY_z)
    redo = (state & GDK_SHIFT_MASK) != 0;
  else if (key == GDK_KEY_y && (state & GDK_SHIFT_MASK) == 0)
    redo = TRUE;
  else
    return GDK_EVENT_PROPAGATE;
  document = g_weak_ref_get (ref);
  /* A dialog's document is its property (it may change). */
  if (document == NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (toplevel), "document") != NULL)
    g_object_get (toplevel, "document", &document, NULL);
  if (document == NULL)
    return GDK_EVENT_PROPAGATE;
  discard_typing (gtk_root_get_focus (GTK_ROOT (toplevel)));
  if (redo)
    pmd_document_redo (document);
  else
    pmd_document_undo (document);
  return GDK_EVENT_STOP;
}

static void
weak_ref_free (gpointer data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/**
 * _pmd_undo_keys_install:
 * @toplevel: a window (or dialog) that edits a document
 * @document: (nullable): the document its Ctrl+Z undoes; %NULL for the
 *   one @toplevel's "document" property holds when the key is pressed
 *
 * Gives @toplevel the undo keys of every Piramide window.
 */
void
_pmd_undo_keys_install (GtkWidget   *toplevel,
                        PmdDocument *document)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_return_if_fail (GTK_IS_ROOT (toplevel));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  g_weak_ref_init (ref, document);
  gtk_event_controller_set_name (keys, "pmd-undo-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (key_pressed_cb), ref, weak_ref_free, 0);
  gtk_widget_add_controller (toplevel, keys);
}

/**
 * _pmd_undo_keys_show_text:
 * @field: a #GtkEditable that shows a value of the document
 * @text: the value as it reads
 *
 * Shows @text in @field (unless it shows it already: setting the same text
 * would move the cursor of someone typing) and keeps it as what Ctrl+Z
 * puts back when something typed there was not applied.
 */
void
_pmd_undo_keys_show_text (GtkWidget  *field,
                          const char *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (field));

  g_object_set_data_full (G_OBJECT (field), SHOWN_KEY, g_strdup (text), g_free);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}
