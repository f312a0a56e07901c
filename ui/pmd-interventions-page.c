/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-interventions-page.h"
#include "pmd-field.h"
#include "pmd-page-private.h"
#include "pmd-refresh.h"

/*
 * The interventions, each an expandable row with all its fields. Numbers are
 * typed the Dutch way and applied with Enter or the row's apply button; a
 * field that is not a number turns red while typing, and a value the model
 * refuses leaves the scenario as it was, with the reason in a toast.
 */

typedef struct
{
  const char  *field;
  const char  *title;
  gboolean     shift_only;
  gboolean     invest_only;
} Field;

static const Field fields[] = {
  { "amount", N_("Euros a year"), FALSE, TRUE },
  { "return", N_("Cost avoided per euro"), FALSE, TRUE },
  { "fraction", N_("Share of clients moved"), TRUE, FALSE },
  { "cost_ratio", N_("Cost there per euro here"), TRUE, FALSE },
  { "one_off", N_("One-off cost"), FALSE, FALSE },
  { "structural", N_("Structural cost a year"), TRUE, FALSE },
  { "start", N_("Start year"), FALSE, FALSE },
  { "end", N_("End year (empty: to the horizon)"), FALSE, FALSE },
  { "lag", N_("Years before any effect"), FALSE, FALSE },
  { "ramp_years", N_("Years until the full effect"), FALSE, FALSE },
};

struct _PmdInterventionsPage
{
  AdwBin               parent_instance;

  PmdDocument         *document;
  PmdRefresh          *refresh;
  GPtrArray           *rows;      /* the expander rows, to remove on rebuild */
  GPtrArray           *entries;   /* the fields of numbers, updated in place */
  GPtrArray           *switches;

  /* Template widgets */
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (PmdInterventionsPage, pmd_interventions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_values (PmdInterventionsPage *self);

typedef struct
{
  const char *id;
  const char *field;
  int         line;
} Change;

/* Changes that are not one number of a parameter path. */
static gboolean
apply_change_cb (PmdScenario *sc,
                 gpointer     user_data,
                 GError     **error)
{
  Change *change = user_data;
  int index = pmd_scenario_find_intervention (sc, change->id);
  PmdIntervention *iv;

  if (index < 0)
    return FALSE;
  iv = g_ptr_array_index (sc->interventions, index);
  if (g_str_equal (change->field, "end"))
    iv->has_end = FALSE;    /* an empty end year: to the horizon */
  else if (g_str_equal (change->field, "source") || g_str_equal (change->field, "target"))
    {
      char **slot = g_str_equal (change->field, "source") ? &iv->source : &iv->target;
      g_free (*slot);
      *slot = g_strdup (((PmdLine *) g_ptr_array_index (sc->lines, change->line))->id);
    }
  else if (g_str_equal (change->field, "remove"))
    g_ptr_array_remove_index (sc->interventions, index);
  else if (g_str_equal (change->field, "move"))
    {
      /* The order is the order in which they act: swap with a neighbour. */
      int to = index + change->line;

      if (to < 0 || to >= (int) sc->interventions->len)
        return FALSE;
      sc->interventions->pdata[index] = sc->interventions->pdata[to];
      sc->interventions->pdata[to] = iv;
    }
  return TRUE;
}

static void
edit (PmdInterventionsPage *self,
      const char           *id,
      const char           *field,
      int                   line)
{
  Change change = { id, field, line };
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, apply_change_cb, &change, &error) && error != NULL)
    {
      _pmd_page_show_error (GTK_WIDGET (self), error->message);
      /* The rows show what they showed again, once the choice that was
       * refused is no longer being handled. */
      pmd_refresh_queue (self->refresh, PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_STRUCTURE);
    }
}

static char *
field_path (const char  *id,
            const Field *f)
{
  return g_strdup_printf ("interventions.%s.%s", id, f->field);
}

/* Applies what was typed into a field: "name", or a field of the
 * parameter paths ("amount", "end", …). */
static gboolean
commit (PmdInterventionsPage *self,
        const char           *id,
        const Field          *f,
        const char           *text,
        GError              **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *path = NULL;
  Change change = { id, "end", -1 };
  double value;

  if (f == NULL)
    return pmd_document_rename (self->document, "interventions", id, stripped, error);
  if (g_str_equal (f->field, "end") && *stripped == '\0')
    return pmd_document_edit (self->document, apply_change_cb, &change, error);
  path = field_path (id, f);
  if (!pmd_field_parse (pmd_field_kind_for_param (path), stripped, &value, error))
    return FALSE;
  pmd_document_break_merge (self->document);
  return pmd_document_set_param (self->document, path, value, NULL, error);
}

static void
entry_changed_cb (AdwEntryRow *row,
                  gpointer     user_data)
{
  const Field *f = g_object_get_data (G_OBJECT (row), "pmd-field");
  const char *id = g_object_get_data (G_OBJECT (row), "pmd-id");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *path = f != NULL ? field_path (id, f) : NULL;
  double value;

  if (f == NULL || (g_str_equal (f->field, "end") && *text == '\0') ||
      pmd_field_parse (pmd_field_kind_for_param (path), text, &value, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
entry_apply_cb (AdwEntryRow          *row,
                PmdInterventionsPage *self)
{
  const Field *f = g_object_get_data (G_OBJECT (row), "pmd-field");
  const char *id = g_object_get_data (G_OBJECT (row), "pmd-id");
  g_autoptr(GError) error = NULL;

  if (!commit (self, id, f, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      _pmd_page_show_error (GTK_WIDGET (self), error->message);
      /* The row shows the value it had again. */
      show_values (self);
    }
}

static void
enabled_cb (GtkSwitch            *sw,
            GParamSpec           *pspec,
            PmdInterventionsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (sw), "pmd-id");
  g_autofree char *path = g_strdup_printf ("interventions.%s.enabled", id);
  g_autoptr(GError) error = NULL;

  if (!pmd_document_set_param (self->document, path, gtk_switch_get_active (sw), NULL, &error))
    _pmd_page_show_error (GTK_WIDGET (self), error->message);
}

static void
line_selected_cb (AdwComboRow          *row,
                  GParamSpec           *pspec,
                  PmdInterventionsPage *self)
{
  edit (self, g_object_get_data (G_OBJECT (row), "pmd-id"), g_object_get_data (G_OBJECT (row), "pmd-what"),
        (int) adw_combo_row_get_selected (row));
}

/* A field of intervention @id; @f: NULL for its name. */
static GtkWidget *
entry_row (PmdInterventionsPage *self,
           const char           *title,
           const char           *id,
           const Field          *f)
{
  GtkWidget *row = _pmd_page_entry_row (title);

  g_object_set_data_full (G_OBJECT (row), "pmd-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "pmd-field", (gpointer) f);
  /* The window finds the field of a parameter by its path (explain). */
  if (f != NULL)
    g_object_set_data_full (G_OBJECT (row), "pmd-path", field_path (id, f), g_free);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
  if (f != NULL)
    g_ptr_array_add (self->entries, row);
  return row;
}

static GtkWidget *
line_row (PmdInterventionsPage *self,
          const PmdScenario    *sc,
          const char           *title,
          const char           *what,
          const char           *id,
          int                   selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < sc->lines->len; i++)
    gtk_string_list_append (names, ((PmdLine *) g_ptr_array_index (sc->lines, i))->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "pmd-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "pmd-what", (gpointer) what);
  g_signal_connect (row, "notify::selected", G_CALLBACK (line_selected_cb), self);
  return row;
}

static GtkWidget *
action_button (const char *icon,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  /* An actionable button's sensitivity is its action's: one that cannot
   * be used (the first cannot act earlier) has none. */
  if (action != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  else
    g_variant_unref (g_variant_ref_sink (target));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_sensitive (button, action != NULL);
  return button;
}

static GtkWidget *
intervention_row (PmdInterventionsPage  *self,
                  const PmdScenario     *sc,
                  guint                  i)
{
  const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
  gboolean shift = iv->type == PMD_INTERVENTION_SHIFT;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  const PmdLine *from = g_ptr_array_index (sc->lines, iv->source_idx);
  const PmdLine *to = g_ptr_array_index (sc->lines, iv->target_idx);
  g_autofree char *subtitle = g_strdup_printf (shift ? _("Shift: %s → %s") : _("Investment: %s → %s"),
                                               from->name, to->name);
  GtkWidget *name;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), iv->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sw, _("On or off"));
  g_object_set_data_full (G_OBJECT (sw), "pmd-id", g_strdup (iv->id), g_free);
  g_signal_connect (sw, "notify::active", G_CALLBACK (enabled_cb), self);
  g_ptr_array_add (self->switches, sw);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), sw);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               action_button ("go-up-symbolic", _("Act earlier"), i > 0 ? "interventions.move" : NULL,
                                              g_variant_new ("(si)", iv->id, -1)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               action_button ("go-down-symbolic", _("Act later"),
                                              i + 1 < sc->interventions->len ? "interventions.move" : NULL,
                                              g_variant_new ("(si)", iv->id, 1)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               action_button ("user-trash-symbolic", _("Remove this intervention"),
                                              "interventions.remove", g_variant_new_string (iv->id)));

  name = entry_row (self, _("Name"), iv->id, NULL);
  _pmd_page_set_text (name, iv->name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            line_row (self, sc, shift ? _("Clients move away from") : _("Cost avoided on"),
                                      "source", iv->id, iv->source_idx));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            line_row (self, sc, shift ? _("Clients move to") : _("Money spent on"),
                                      "target", iv->id, iv->target_idx));
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    {
      const Field *f = &fields[k];

      if ((f->shift_only && !shift) || (f->invest_only && shift))
        continue;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry_row (self, _(f->title), iv->id, f));
    }
  return expander;
}

/* The values of the interventions, in the rows there are. */
static void
show_values (PmdInterventionsPage *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);

  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->entries, i);
      const char *id = g_object_get_data (G_OBJECT (row), "pmd-id");
      const Field *f = g_object_get_data (G_OBJECT (row), "pmd-field");
      int index = pmd_scenario_find_intervention (sc, id);
      g_autofree char *path = field_path (id, f);
      g_autofree char *text = NULL;

      if (index < 0)
        continue;
      /* No end year: to the horizon, an empty field. */
      text = pmd_field_format_param (sc, path);
      _pmd_page_set_text (row, text != NULL ? text : "");
      _pmd_page_set_source (row, pmd_sources_lookup (((PmdIntervention *) g_ptr_array_index (sc->interventions, index))->sources,
                                                     f->field));
    }
  for (guint i = 0; i < self->switches->len; i++)
    {
      GtkSwitch *sw = g_ptr_array_index (self->switches, i);
      int index = pmd_scenario_find_intervention (sc, g_object_get_data (G_OBJECT (sw), "pmd-id"));

      if (index < 0)
        continue;
      g_signal_handlers_block_by_func (sw, enabled_cb, self);
      gtk_switch_set_active (sw, ((PmdIntervention *) g_ptr_array_index (sc->interventions, index))->enabled);
      g_signal_handlers_unblock_by_func (sw, enabled_cb, self);
    }
}

/* The rows are built again when interventions came, went, moved or were
 * renamed, or the lines they move money between; for new values the same
 * rows show them. */
static void
refresh_now (PmdInterventionsPage *self,
             PmdChangeFlags        flags)
{
  const PmdScenario *sc;

  if (flags & (PMD_CHANGE_STRUCTURE | PMD_CHANGE_FILE))
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      g_ptr_array_set_size (self->entries, 0);
      g_ptr_array_set_size (self->switches, 0);
      if (self->document == NULL)
        return;
      sc = pmd_document_get_scenario (self->document);
      for (guint i = 0; i < sc->interventions->len; i++)
        {
          GtkWidget *expander = intervention_row (self, sc, i);

          adw_preferences_group_add (self->group, expander);
          g_ptr_array_add (self->rows, expander);
        }
    }
  if (self->document != NULL && (flags & (PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_FILE)))
    show_values (self);
}

static gboolean
add_shift_cb (PmdScenario *sc,
              gpointer     user_data,
              GError     **error)
{
  g_autofree char *id = NULL;
  PmdIntervention *iv;

  if (sc->lines->len < 2)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("A shift needs two cost lines"));
      return FALSE;
    }
  for (guint n = 1; id == NULL; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("verschuiving-%u", n);
      if (pmd_scenario_find_intervention (sc, candidate) < 0)
        id = g_steal_pointer (&candidate);
    }
  iv = pmd_intervention_new (id, PMD_INTERVENTION_SHIFT, ((PmdLine *) g_ptr_array_index (sc->lines, sc->lines->len - 1))->id,
                             ((PmdLine *) g_ptr_array_index (sc->lines, 0))->id, sc->base_year + 1);
  iv->name = g_strdup (_("New shift"));
  iv->cost_ratio = 0.5;
  pmd_sources_set (&iv->sources, "fraction", _("aanname: added in Piramide, to be filled in"));
  g_ptr_array_add (sc->interventions, iv);
  return TRUE;
}

static void
add_shift_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !pmd_document_edit (self->document, add_shift_cb, NULL, &error))
    _pmd_page_show_error (widget, error->message);
}

/* interventions.move ("(si)"): the intervention acts one earlier (−1) or
 * one later (+1). */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (widget);
  const char *id;
  int delta;

  g_variant_get (parameter, "(&si)", &id, &delta);
  if (self->document != NULL)
    edit (self, id, "move", delta);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (widget);

  if (self->document != NULL)
    edit (self, g_variant_get_string (parameter, NULL), "remove", -1);
}

static void
pmd_interventions_page_dispose (GObject *object)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->switches, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_INTERVENTIONS_PAGE);
  G_OBJECT_CLASS (pmd_interventions_page_parent_class)->dispose (object);
}

static void
pmd_interventions_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (object);

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
pmd_interventions_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_interventions_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_interventions_page_class_init (PmdInterventionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_interventions_page_dispose;
  object_class->get_property = pmd_interventions_page_get_property;
  object_class->set_property = pmd_interventions_page_set_property;

  /**
   * PmdInterventionsPage:document:
   *
   * The document whose interventions the page shows and edits.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-interventions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdInterventionsPage, group);

  gtk_widget_class_install_action (widget_class, "interventions.add-shift", NULL, add_shift_action);
  gtk_widget_class_install_action (widget_class, "interventions.move", "(si)", move_action);
  gtk_widget_class_install_action (widget_class, "interventions.remove", "s", remove_action);
}

static void
pmd_interventions_page_init (PmdInterventionsPage *self)
{
  self->rows = g_ptr_array_new ();
  self->entries = g_ptr_array_new ();
  self->switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pmd_interventions_page_new:
 * @document: (nullable): the document to show
 *
 * Returns: (transfer floating): a page for @document's interventions
 */
PmdInterventionsPage *
pmd_interventions_page_new (PmdDocument *document)
{
  return g_object_new (PMD_TYPE_INTERVENTIONS_PAGE, "document", document, NULL);
}

/**
 * pmd_interventions_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
PmdDocument *
pmd_interventions_page_get_document (PmdInterventionsPage *self)
{
  g_return_val_if_fail (PMD_IS_INTERVENTIONS_PAGE (self), NULL);

  return self->document;
}

/**
 * pmd_interventions_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows @document's interventions instead of the old document's. Nothing
 * is built until the page is on screen.
 */
void
pmd_interventions_page_set_document (PmdInterventionsPage *self,
                                     PmdDocument          *document)
{
  g_return_if_fail (PMD_IS_INTERVENTIONS_PAGE (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  /* The interventions, and the lines they move money between. */
  pmd_refresh_watch (&self->refresh, GTK_WIDGET (self), document,
                     PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_LINES | PMD_CHANGE_FILE,
                     (PmdRefreshFunc) refresh_now, PMD_CHANGE_FILE | PMD_CHANGE_STRUCTURE);
  if (document == NULL)
    refresh_now (self, PMD_CHANGE_FILE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
