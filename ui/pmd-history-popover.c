/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "pmd-history-popover.h"
#include "pmd-message-bar.h"

/*
 * The undo history as a list of named steps (pmd_document_get_history_name()),
 * the latest at the top. Choosing a step goes back (or forward) to it;
 * each other step has a button "Variant maken vanaf hier" that asks for a
 * name and adds a variant with that step's numbers, as one undo step, and
 * shows it. The list is built again each time it opens and while it is
 * open the document changes.
 */

struct _PmdHistoryPopover
{
  GtkPopover   parent_instance;

  PmdDocument *document;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (PmdHistoryPopover, pmd_history_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
variant_clicked_cb (GtkButton         *button,
                    PmdHistoryPopover *self)
{
  pmd_history_popover_make_variant (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pmd-index")));
}

static GtkWidget *
step_row (PmdHistoryPopover *self,
          guint              index,
          gboolean           current)
{
  const char *name = pmd_document_get_history_name (self->document, index);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : _("As opened"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !current);
  g_object_set_data (G_OBJECT (row), "pmd-index", GUINT_TO_POINTER (index));
  if (current)
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Shown now"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown now"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
    }
  else
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("tab-new-symbolic");

      /* Its numbers differ from the scenario shown: they can become a variant. */
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Make a variant from here…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Make a variant from here…"), -1);
      g_object_set_data (G_OBJECT (button), "pmd-index", GUINT_TO_POINTER (index));
      g_signal_connect (button, "clicked", G_CALLBACK (variant_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* A step undone (ahead of the one shown) reads fainter. */
      if (index > pmd_document_get_history_position (self->document))
        gtk_widget_add_css_class (row, "dim-label");
    }
  return row;
}

static void
rebuild (PmdHistoryPopover *self)
{
  GtkWidget *child;
  guint n, position;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->document == NULL)
    return;
  n = pmd_document_get_history_length (self->document);
  position = pmd_document_get_history_position (self->document);
  for (guint i = n; i > 0; i--)
    gtk_list_box_append (self->list, step_row (self, i - 1, i - 1 == position));
  /* Room for every step up to a beamer's height, measured before the
   * popover is sized: its natural height alone came out a row short. */
  gtk_scrolled_window_set_min_content_height (self->scroller, MIN (n * 64, 420));
}

static void
document_changed_cb (PmdHistoryPopover *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  PmdHistoryPopover *self)
{
  pmd_document_go_to_history (self->document, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pmd-index")));
}

typedef struct
{
  PmdHistoryPopover *self;
  GtkEditable       *entry;
  guint              index;
} NameRequest;

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NameRequest      *request)
{
  PmdDocument *document = request->self->document;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!g_str_equal (response, "ok") || document == NULL)
    return;
  id = pmd_document_add_variant_from_history (document, request->index, gtk_editable_get_text (request->entry), &error);
  if (id == NULL || !pmd_document_set_variant (document, id, &error))
    pmd_notify_text (GTK_WIDGET (request->self), error->message);
}

static void
pmd_history_popover_show (GtkWidget *widget)
{
  rebuild (PMD_HISTORY_POPOVER (widget));
  GTK_WIDGET_CLASS (pmd_history_popover_parent_class)->show (widget);
}

static void
pmd_history_popover_dispose (GObject *object)
{
  PmdHistoryPopover *self = PMD_HISTORY_POPOVER (object);

  pmd_history_popover_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_HISTORY_POPOVER);

  G_OBJECT_CLASS (pmd_history_popover_parent_class)->dispose (object);
}

static void
pmd_history_popover_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PmdHistoryPopover *self = PMD_HISTORY_POPOVER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_history_popover_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PmdHistoryPopover *self = PMD_HISTORY_POPOVER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_history_popover_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_history_popover_class_init (PmdHistoryPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_history_popover_dispose;
  object_class->get_property = pmd_history_popover_get_property;
  object_class->set_property = pmd_history_popover_set_property;
  widget_class->show = pmd_history_popover_show;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-history-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdHistoryPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, PmdHistoryPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
pmd_history_popover_init (PmdHistoryPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PmdDocument *
pmd_history_popover_get_document (PmdHistoryPopover *self)
{
  g_return_val_if_fail (PMD_IS_HISTORY_POPOVER (self), NULL);
  return self->document;
}

void
pmd_history_popover_set_document (PmdHistoryPopover *self,
                                  PmdDocument       *document)
{
  g_return_if_fail (PMD_IS_HISTORY_POPOVER (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * pmd_history_popover_get_list:
 *
 * Returns: (transfer none): the list of steps, the latest first
 */
GtkListBox *
pmd_history_popover_get_list (PmdHistoryPopover *self)
{
  g_return_val_if_fail (PMD_IS_HISTORY_POPOVER (self), NULL);
  return self->list;
}

/**
 * pmd_history_popover_make_variant:
 * @index: a step of the document's history
 *
 * Asks for a name, then adds a variant with the numbers of that step and
 * shows it.
 */
void
pmd_history_popover_make_variant (PmdHistoryPopover *self,
                                  guint              index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *step = pmd_document_get_history_name (self->document, index);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Make a Variant from Here"), step);
  GtkWidget *entry = gtk_entry_new ();
  NameRequest *request = g_new0 (NameRequest, 1);

  g_return_if_fail (PMD_IS_HISTORY_POPOVER (self));

  gtk_popover_popdown (GTK_POPOVER (self));
  request->self = self;
  request->entry = GTK_EDITABLE (entry);
  request->index = index;
  gtk_editable_set_text (GTK_EDITABLE (entry), _("Variant from the history"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", _("_Make Variant"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pmd-request", request, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
