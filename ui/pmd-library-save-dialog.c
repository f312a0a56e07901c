/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-library-save-dialog.h"
#include "pmd-scenario-file.h"
#include "pmd-undo-keys-private.h"

/*
 * "Opslaan in bibliotheek…": the open scenario, as it would be written to
 * a file, added to the library as a new version under a name (the slug of
 * the scenario's name unless said otherwise), with a message and an
 * optional tag. The dialog says what went wrong in itself and stays open;
 * on success it emits ::saved with the name and the version's number and
 * closes.
 */

struct _PmdLibrarySaveDialog
{
  AdwWindow    parent_instance;

  PmdDocument *document;
  PmdLibrary  *library;

  AdwEntryRow *name_row;
  AdwEntryRow *message_row;
  AdwEntryRow *tag_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (PmdLibrarySaveDialog, pmd_library_save_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LIBRARY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (PmdLibrarySaveDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Names and tags are checked as they are typed, by the library's own rules. */
static void
field_changed_cb (PmdLibrarySaveDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_row))));
  g_autoptr(GError) error = NULL;

  if (!pmd_library_check_name (name, &error) || (*tag != '\0' && !pmd_library_check_tag (tag, &error)))
    {
      show_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "library-save.save", FALSE);
      return;
    }
  show_error (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library-save.save", TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  pmd_library_save_dialog_save (PMD_LIBRARY_SAVE_DIALOG (widget));
}

static void
pmd_library_save_dialog_dispose (GObject *object)
{
  PmdLibrarySaveDialog *self = PMD_LIBRARY_SAVE_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->library);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_LIBRARY_SAVE_DIALOG);

  G_OBJECT_CLASS (pmd_library_save_dialog_parent_class)->dispose (object);
}

static void
pmd_library_save_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PmdLibrarySaveDialog *self = PMD_LIBRARY_SAVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_library_save_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PmdLibrarySaveDialog *self = PMD_LIBRARY_SAVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_library_save_dialog_set_document (self, g_value_get_object (value));
      break;
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_library_save_dialog_class_init (PmdLibrarySaveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_library_save_dialog_dispose;
  object_class->get_property = pmd_library_save_dialog_get_property;
  object_class->set_property = pmd_library_save_dialog_set_property;

  /**
   * PmdLibrarySaveDialog:document:
   *
   * The document whose scenario is added; setting it fills in the name.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PMD_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PmdLibrarySaveDialog::saved:
   * @name: the scenario's name in the library
   * @version: the new version's number
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-library-save-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdLibrarySaveDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PmdLibrarySaveDialog, message_row);
  gtk_widget_class_bind_template_child (widget_class, PmdLibrarySaveDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, PmdLibrarySaveDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_install_action (widget_class, "library-save.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pmd_library_save_dialog_init (PmdLibrarySaveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _pmd_undo_keys_install (GTK_WIDGET (self), NULL);
}

/**
 * pmd_library_save_dialog_new:
 * @parent: the window
 * @document: the document to add
 * @library: the library to add it to
 * @name: (nullable): the name offered; %NULL: the slug of the scenario's name
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWindow *
pmd_library_save_dialog_new (GtkWindow   *parent,
                             PmdDocument *document,
                             PmdLibrary  *library,
                             const char  *name)
{
  PmdLibrarySaveDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PMD_IS_LIBRARY (library), NULL);

  self = g_object_new (PMD_TYPE_LIBRARY_SAVE_DIALOG,
                       "transient-for", parent,
                       "library", library,
                       "document", document,
                       NULL);
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  return GTK_WINDOW (self);
}

PmdDocument *
pmd_library_save_dialog_get_document (PmdLibrarySaveDialog *self)
{
  g_return_val_if_fail (PMD_IS_LIBRARY_SAVE_DIALOG (self), NULL);
  return self->document;
}

void
pmd_library_save_dialog_set_document (PmdLibrarySaveDialog *self,
                                      PmdDocument          *document)
{
  g_return_if_fail (PMD_IS_LIBRARY_SAVE_DIALOG (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  if (document != NULL)
    {
      g_autofree char *slug = pmd_library_slugify (pmd_document_get_scenario (document)->name);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), slug);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * pmd_library_save_dialog_save:
 *
 * Adds the version, as the Save button does: on success ::saved is
 * emitted and the dialog closes; otherwise it says why and stays.
 *
 * Returns: whether the version was added
 */
gboolean
pmd_library_save_dialog_save (PmdLibrarySaveDialog *self)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *name = NULL;
  const char *tags[2] = { NULL, NULL };
  char *data;
  gsize length;
  int version;

  g_return_val_if_fail (PMD_IS_LIBRARY_SAVE_DIALOG (self), FALSE);
  g_return_val_if_fail (self->document != NULL && self->library != NULL, FALSE);

  /* The bytes a file saved now would hold: what "get" gives back later. */
  data = pmd_scenario_to_data (pmd_document_get_scenario (self->document), &length);
  content = g_bytes_new_take (data, length);
  message = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->message_row))));
  tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_row))));
  if (*tag != '\0')
    tags[0] = tag;
  version = pmd_library_add (self->library, content, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                             message, tags, &name, &error);
  if (version == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, name, version);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
