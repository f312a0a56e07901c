/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-message-bar.h"

/*
 * A message too long for a toast. libadwaita 1.2's toast shows its title
 * on one line and cuts the rest with "…": at a beamer's 1.024 px an error
 * such as the file that could not be read and why was lost. The bar sits
 * at the top of a window's content, wraps the whole message, keeps it
 * until it is closed, and is an alert to assistive technology.
 *
 * pmd_notify() decides: a message that fits a toast (a short confirmation,
 * most errors in a wide window) is a toast, a longer one goes to the bar
 * of the toast overlay it would have gone to. A bar serves the nearest
 * toast overlay around it, found when it is put in a window.
 */

/* What a toast adds around its title: its margins, padding, spacing and
 * close button (Adwaita 1.2's stylesheet: 12 + 6 + 6 px a side, a 34 px
 * button), rounded up. */
#define TOAST_CHROME 120

#define OVERLAY_KEY "pmd-message-bar"

struct _PmdMessageBar
{
  AdwBin       parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *button;
  GtkWidget   *overlay;   /* the toast overlay served: weak, while rooted */
};

G_DEFINE_FINAL_TYPE (PmdMessageBar, pmd_message_bar, ADW_TYPE_BIN)

static void
button_clicked_cb (PmdMessageBar *self)
{
  pmd_message_bar_dismiss (self);
}

static void
forget_overlay (PmdMessageBar *self)
{
  if (self->overlay == NULL)
    return;
  if (g_object_get_data (G_OBJECT (self->overlay), OVERLAY_KEY) == self)
    g_object_set_data (G_OBJECT (self->overlay), OVERLAY_KEY, NULL);
  g_clear_weak_pointer (&self->overlay);
}

static void
pmd_message_bar_root (GtkWidget *widget)
{
  PmdMessageBar *self = PMD_MESSAGE_BAR (widget);
  GtkWidget *overlay;

  GTK_WIDGET_CLASS (pmd_message_bar_parent_class)->root (widget);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  g_set_weak_pointer (&self->overlay, overlay);
  g_object_set_data (G_OBJECT (overlay), OVERLAY_KEY, self);
}

static void
pmd_message_bar_unroot (GtkWidget *widget)
{
  forget_overlay (PMD_MESSAGE_BAR (widget));
  GTK_WIDGET_CLASS (pmd_message_bar_parent_class)->unroot (widget);
}

static void
pmd_message_bar_dispose (GObject *object)
{
  forget_overlay (PMD_MESSAGE_BAR (object));
  G_OBJECT_CLASS (pmd_message_bar_parent_class)->dispose (object);
}

static void
pmd_message_bar_class_init (PmdMessageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_message_bar_dispose;
  widget_class->root = pmd_message_bar_root;
  widget_class->unroot = pmd_message_bar_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-message-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdMessageBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, PmdMessageBar, label);
  gtk_widget_class_bind_template_child (widget_class, PmdMessageBar, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pmd_message_bar_dismiss);
  gtk_widget_class_set_css_name (widget_class, "messagebar");
  /* Read out when it appears, as a toast is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
pmd_message_bar_init (PmdMessageBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pmd_message_bar_new (void)
{
  return g_object_new (PMD_TYPE_MESSAGE_BAR, NULL);
}

/**
 * pmd_message_bar_show:
 * @toast: (transfer full): the message, and the button it may have
 *
 * Shows the title of @toast in full, with its button (label, action and
 * target), until the user closes it or another message replaces it.
 */
void
pmd_message_bar_show (PmdMessageBar *self,
                      AdwToast      *toast)
{
  g_autoptr(AdwToast) owned = toast;
  const char *button_label;

  g_return_if_fail (PMD_IS_MESSAGE_BAR (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  button_label = adw_toast_get_button_label (toast);
  gtk_label_set_text (self->label, adw_toast_get_title (toast));
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->button, button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), adw_toast_get_action_name (toast));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button), adw_toast_get_action_target_value (toast));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_toast_get_title (toast), -1);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/* Closes the bar. */
void
pmd_message_bar_dismiss (PmdMessageBar *self)
{
  g_return_if_fail (PMD_IS_MESSAGE_BAR (self));
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/**
 * pmd_message_bar_get_message:
 *
 * Returns: (nullable): the message shown, or %NULL when the bar is closed
 */
const char *
pmd_message_bar_get_message (PmdMessageBar *self)
{
  g_return_val_if_fail (PMD_IS_MESSAGE_BAR (self), NULL);
  return gtk_revealer_get_reveal_child (self->revealer) ? gtk_label_get_text (self->label) : NULL;
}

/* The toast overlay around @widget, or that of the window @widget is:
 * the first on the way down to its content. */
static GtkWidget *
overlay_for (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL || !GTK_IS_WINDOW (widget))
    return overlay;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_first_child (w))
    if (ADW_IS_TOAST_OVERLAY (w))
      return w;
  return NULL;
}

/**
 * pmd_message_bar_find:
 *
 * Returns: (nullable) (transfer none): the bar that serves the toast
 *   overlay around @widget (@widget itself, an overlay, or a window)
 */
PmdMessageBar *
pmd_message_bar_find (GtkWidget *widget)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  overlay = overlay_for (widget);
  return overlay != NULL ? g_object_get_data (G_OBJECT (overlay), OVERLAY_KEY) : NULL;
}

/* Whether @title shows whole in a toast of @overlay: measured as the
 * toast's bold title would be, against the overlay's width. */
static gboolean
fits_toast (GtkWidget  *overlay,
            AdwToast   *toast)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (overlay, adw_toast_get_title (toast));
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int width = gtk_widget_get_width (overlay);
  int text_width, chrome = TOAST_CHROME;

  if (adw_toast_get_button_label (toast) != NULL)
    {
      g_autoptr(PangoLayout) button = gtk_widget_create_pango_layout (overlay, adw_toast_get_button_label (toast));
      int button_width;

      pango_layout_get_pixel_size (button, &button_width, NULL);
      chrome += button_width + 36;
    }
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  /* Not laid out yet: as wide as a beamer at most. */
  if (width <= 0)
    width = 1024;
  return text_width + chrome <= width;
}

/**
 * pmd_notify:
 * @widget: a widget inside the toast overlay that is to tell the user
 * @toast: (transfer full): what to tell
 *
 * Shows @toast, or its title in full in the message bar when it does not
 * fit a toast and the overlay has a bar on screen.
 *
 * Returns: %FALSE when @widget is in no toast overlay (a page built alone)
 */
gboolean
pmd_notify (GtkWidget *widget,
            AdwToast  *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;
  PmdMessageBar *bar;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  overlay = overlay_for (widget);
  if (overlay == NULL)
    return FALSE;
  bar = pmd_message_bar_find (overlay);
  if (bar != NULL && gtk_widget_get_mapped (GTK_WIDGET (bar)) && !fits_toast (overlay, toast))
    pmd_message_bar_show (bar, g_steal_pointer (&owned));
  else
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
  return TRUE;
}

/* pmd_notify() with a plain message. */
gboolean
pmd_notify_text (GtkWidget  *widget,
                 const char *message)
{
  return pmd_notify (widget, adw_toast_new (message));
}
