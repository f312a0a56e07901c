/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "pmd-field.h"
#include "pmd-message-bar.h"
#include "pmd-format.h"
#include "pmd-ranges-dialog.h"
#include "pmd-refresh.h"
#include "pmd-undo-keys-private.h"

/*
 * The ranges of the uncertain parameters: the low and high values the
 * Monte Carlo draws between and the tornado swings to. Each range is typed
 * the Dutch way ("1,5%", "0,8", "13.500") and kept when Enter is pressed or
 * the field is left; every change is one undo step of the document, and the
 * fan behind the dialog follows. The dialog offers the parameters that
 * matter, each with a first range to refine.
 */

typedef struct
{
  PmdRangesDialog *dialog;
  char            *path;
  GtkEntry        *low;
  GtkEntry        *high;
  GtkButton       *remove;
  AdwActionRow    *row;
} RangeRow;

struct _PmdRangesDialog
{
  AdwWindow            parent_instance;

  PmdDocument         *document;
  PmdRefresh          *refresh;
  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *ranges_group;
  AdwComboRow         *add_row;
  GtkStringList       *offer_names;
  GPtrArray           *offer_paths;   /* char *, parallel to offer_names */
  GPtrArray           *rows;          /* RangeRow */
  gboolean             rebuilding;    /* rows go: their fields lose focus */
};

G_DEFINE_FINAL_TYPE (PmdRangesDialog, pmd_ranges_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The ranges of the scenario as written, and the values they hold. */
#define WATCHED_CHANGES ((PMD_CHANGE_CONTENT & ~(PMD_CHANGE_VARIANTS | PMD_CHANGE_ACTUALS)) | PMD_CHANGE_FILE)

static void
row_free (gpointer data)
{
  RangeRow *r = data;

  g_free (r->path);
  g_free (r);
}

static void
show_problem (PmdRangesDialog *self,
              GtkEntry        *entry,
              const char      *message)
{
  if (entry != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
    }
  pmd_notify_text (GTK_WIDGET (self->toasts), message);
}

static void
clear_problem (GtkEntry *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
}

typedef struct
{
  const char *path;
  double      low;
  double      high;
  gboolean    remove;
} RangeEdit;

static gboolean
edit_range_cb (PmdScenario *sc,
               gpointer     user_data,
               GError     **error)
{
  RangeEdit *edit = user_data;

  if (edit->remove)
    return pmd_scenario_remove_range (sc, edit->path);
  return pmd_scenario_set_range (sc, edit->path, edit->low, edit->high, error);
}

/* Reads both ends of a row and, when they hold the value, keeps them. */
static void
commit_row (RangeRow *r)
{
  PmdRangesDialog *self = r->dialog;
  PmdScenario *sc;
  g_autoptr(GError) error = NULL;
  RangeEdit edit = { r->path, 0, 0, FALSE };
  PmdFieldKind kind = pmd_field_kind_for_param (r->path);
  const PmdRange *old;
  double value;
  int idx;

  if (self->rebuilding || self->document == NULL)
    return;
  sc = (PmdScenario *) pmd_document_get_scenario (self->document);
  idx = pmd_scenario_find_range (sc, r->path);
  if (idx < 0)
    return;
  old = g_ptr_array_index (sc->ranges, idx);
  if (!pmd_field_parse (kind, gtk_editable_get_text (GTK_EDITABLE (r->low)), &edit.low, &error))
    {
      show_problem (self, r->low, error->message);
      return;
    }
  if (!pmd_field_parse (kind, gtk_editable_get_text (GTK_EDITABLE (r->high)), &edit.high, &error))
    {
      show_problem (self, r->high, error->message);
      return;
    }
  clear_problem (r->low);
  clear_problem (r->high);
  if (edit.low == old->low && edit.high == old->high)
    return;
  if (edit.low > edit.high)
    {
      show_problem (self, r->low, _("The low end must not be above the high end"));
      return;
    }
  if (pmd_scenario_get_param (sc, r->path, &value, NULL) && !(edit.low <= value && value <= edit.high))
    {
      g_autofree char *text = pmd_scenario_format_param (r->path, value);
      g_autofree char *message = g_strdup_printf (_("The range must hold the value, %s"), text);
      show_problem (self, value < edit.low ? r->low : r->high, message);
      return;
    }
  if (!pmd_document_edit (self->document, edit_range_cb, &edit, &error))
    show_problem (self, r->low, error->message);
}

static void
entry_activate_cb (GtkEntry *entry,
                   RangeRow *r)
{
  commit_row (r);
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                RangeRow                *r)
{
  commit_row (r);
}

static void
remove_clicked_cb (GtkButton *button,
                   RangeRow  *r)
{
  PmdRangesDialog *self = r->dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (r->path);   /* the row goes with the edit */
  RangeEdit edit = { path, 0, 0, TRUE };

  if (!pmd_document_edit (self->document, edit_range_cb, &edit, &error))
    show_problem (self, NULL, error->message);
}

static GtkEntry *
end_entry (RangeRow   *r,
           const char *tooltip)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_entry_set_alignment (entry, 1.0);
  gtk_widget_set_valign (GTK_WIDGET (entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), r);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), r);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  return entry;
}

static void
set_entry_text (GtkEntry *entry,
                char     *text)
{
  /* Never under the user's fingers. */
  if (!gtk_widget_has_focus (GTK_WIDGET (entry)) &&
      !gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    _pmd_undo_keys_show_text (GTK_WIDGET (entry), text);
  g_free (text);
}

static void
update_rows (PmdRangesDialog *self)
{
  PmdScenario *sc = (PmdScenario *) pmd_document_get_scenario (self->document);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RangeRow *r = g_ptr_array_index (self->rows, i);
      const PmdRange *range = g_ptr_array_index (sc->ranges, pmd_scenario_find_range (sc, r->path));
      PmdFieldKind kind = pmd_field_kind_for_param (r->path);
      double value = NAN;
      g_autofree char *value_text = NULL;
      g_autofree char *subtitle = NULL;

      pmd_scenario_get_param (sc, r->path, &value, NULL);
      value_text = pmd_scenario_format_param (r->path, value);
      /* Translators: the parameter's value now, e.g. "Now 1,5%" */
      subtitle = g_strdup_printf (_("Now %s"), value_text);
      adw_action_row_set_subtitle (r->row, subtitle);
      set_entry_text (r->low, pmd_field_format (kind, range->low));
      set_entry_text (r->high, pmd_field_format (kind, range->high));
    }
}

static void
rebuild_offer (PmdRangesDialog *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autoptr(GPtrArray) paths = pmd_scenario_list_uncertain (sc);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->offer_names));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->offer_paths, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (pmd_scenario_find_range (sc, path) >= 0)
        continue;
      g_ptr_array_add (self->offer_paths, g_strdup (path));
      g_ptr_array_add (labels, pmd_scenario_describe_param (sc, path));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->offer_names, 0, n_old, (const char *const *) labels->pdata);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranges.add", self->offer_paths->len > 0);
}

static void
rebuild_rows (PmdRangesDialog *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);

  self->rebuilding = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->ranges_group,
                                  GTK_WIDGET (((RangeRow *) g_ptr_array_index (self->rows, i))->row));
  g_ptr_array_set_size (self->rows, 0);
  self->rebuilding = FALSE;

  for (guint i = 0; i < sc->ranges->len; i++)
    {
      const PmdRange *range = g_ptr_array_index (sc->ranges, i);
      RangeRow *r = g_new0 (RangeRow, 1);
      g_autofree char *title = pmd_scenario_describe_param (sc, range->path);
      GtkWidget *dash = gtk_label_new ("–");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      r->dialog = self;
      r->path = g_strdup (range->path);
      r->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
      /* The words are the title; the path, for typing it below, is at hand. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (r->row), range->path);
      r->low = end_entry (r, _("Low end"));
      r->high = end_entry (r, _("High end"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this range"));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), r);
      r->remove = GTK_BUTTON (remove);
      adw_action_row_add_suffix (r->row, GTK_WIDGET (r->low));
      adw_action_row_add_suffix (r->row, dash);
      adw_action_row_add_suffix (r->row, GTK_WIDGET (r->high));
      adw_action_row_add_suffix (r->row, remove);
      adw_preferences_group_add (self->ranges_group, GTK_WIDGET (r->row));
      g_ptr_array_add (self->rows, r);
    }
  {
    const char *about = _("The Monte Carlo draws each parameter between its low and high end, most often near its "
                          "value; the tornado sets each to both ends in turn.");
    g_autofree char *text = sc->ranges->len == 0
                            ? g_strconcat (about, " ", _("No parameter has a range yet: add one below."), NULL)
                            : g_strdup (about);
    adw_preferences_group_set_description (self->ranges_group, text);
  }
}

/* Rows are made again when ranges (or the items they belong to) came or
 * went; otherwise the same rows show the new values. */
static void
refresh_cb (gpointer       dialog,
            PmdChangeFlags flags)
{
  PmdRangesDialog *self = dialog;

  if (flags & (PMD_CHANGE_STRUCTURE | PMD_CHANGE_FILE))
    {
      rebuild_rows (self);
      rebuild_offer (self);
    }
  update_rows (self);
}

/**
 * pmd_ranges_dialog_add:
 * @path: a parameter path
 *
 * Gives @path a first range around its value (pmd_range_suggest()), as one
 * undo step.
 */
gboolean
pmd_ranges_dialog_add (PmdRangesDialog *self,
                       const char      *path,
                       GError         **error)
{
  PmdScenario *sc = (PmdScenario *) pmd_document_get_scenario (self->document);
  RangeEdit edit = { path, 0, 0, FALSE };
  double value;

  if (!pmd_scenario_get_param (sc, path, &value, error))
    return FALSE;
  pmd_range_suggest (path, value, &edit.low, &edit.high);
  return pmd_document_edit (self->document, edit_range_cb, &edit, error);
}

static void
add_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  PmdRangesDialog *self = PMD_RANGES_DIALOG (widget);
  guint i = adw_combo_row_get_selected (self->add_row);
  g_autoptr(GError) error = NULL;

  if (i >= self->offer_paths->len)
    return;
  if (!pmd_ranges_dialog_add (self, g_ptr_array_index (self->offer_paths, i), &error))
    show_problem (self, NULL, error->message);
}

static void
add_path_cb (PmdRangesDialog *self,
             AdwEntryRow     *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (pmd_scenario_find_range (pmd_document_get_scenario (self->document), path) >= 0)
    show_problem (self, NULL, _("That parameter has a range already"));
  else if (pmd_ranges_dialog_add (self, path, &error))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  else
    show_problem (self, NULL, error->message);
}

static void
pmd_ranges_dialog_constructed (GObject *object)
{
  PmdRangesDialog *self = PMD_RANGES_DIALOG (object);

  G_OBJECT_CLASS (pmd_ranges_dialog_parent_class)->constructed (object);
  g_return_if_fail (self->document != NULL);
  refresh_cb (self, PMD_CHANGE_FILE);
  self->refresh = pmd_refresh_new (GTK_WIDGET (self), self->document, WATCHED_CHANGES, refresh_cb);
}

static void
pmd_ranges_dialog_dispose (GObject *object)
{
  PmdRangesDialog *self = PMD_RANGES_DIALOG (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pmd_ranges_dialog_parent_class)->dispose (object);
}

static void
pmd_ranges_dialog_finalize (GObject *object)
{
  PmdRangesDialog *self = PMD_RANGES_DIALOG (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->offer_paths);
  G_OBJECT_CLASS (pmd_ranges_dialog_parent_class)->finalize (object);
}

static void
pmd_ranges_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PmdRangesDialog *self = PMD_RANGES_DIALOG (object);

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
pmd_ranges_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PmdRangesDialog *self = PMD_RANGES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_ranges_dialog_class_init (PmdRangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pmd_ranges_dialog_constructed;
  object_class->dispose = pmd_ranges_dialog_dispose;
  object_class->finalize = pmd_ranges_dialog_finalize;
  object_class->get_property = pmd_ranges_dialog_get_property;
  object_class->set_property = pmd_ranges_dialog_set_property;

  /**
   * PmdRangesDialog:document:
   *
   * The document whose ranges it edits.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PMD_TYPE_MESSAGE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-ranges-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdRangesDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, PmdRangesDialog, ranges_group);
  gtk_widget_class_bind_template_child (widget_class, PmdRangesDialog, add_row);
  gtk_widget_class_bind_template_child (widget_class, PmdRangesDialog, offer_names);
  gtk_widget_class_bind_template_callback (widget_class, add_path_cb);
  gtk_widget_class_install_action (widget_class, "ranges.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pmd_ranges_dialog_init (PmdRangesDialog *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->offer_paths = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  _pmd_undo_keys_install (GTK_WIDGET (self), NULL);
}

/**
 * pmd_ranges_dialog_new:
 * @parent: (nullable): the window
 * @document: the document whose ranges it edits
 *
 * Not modal: the fan and the tornado behind it follow each change.
 */
GtkWindow *
pmd_ranges_dialog_new (GtkWindow   *parent,
                       PmdDocument *document)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_RANGES_DIALOG, "transient-for", parent, "document", document, NULL);
}
