/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-interventions-page.h"
#include "pmd-refresh.h"
#include "pmd-field.h"

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
  PmdFieldKind kind;
  gboolean     shift_only;
  gboolean     invest_only;
} Field;

static const Field fields[] = {
  { "amount", N_("Euros a year"), PMD_FIELD_MONEY, FALSE, TRUE },
  { "return", N_("Cost avoided per euro"), PMD_FIELD_NUMBER, FALSE, TRUE },
  { "fraction", N_("Share of clients moved"), PMD_FIELD_PERCENT, TRUE, FALSE },
  { "cost_ratio", N_("Cost there per euro here"), PMD_FIELD_NUMBER, TRUE, FALSE },
  { "one_off", N_("One-off cost"), PMD_FIELD_MONEY, FALSE, FALSE },
  { "structural", N_("Structural cost a year"), PMD_FIELD_MONEY, TRUE, FALSE },
  { "start", N_("Start year"), PMD_FIELD_YEAR, FALSE, FALSE },
  { "end", N_("End year (empty: to the horizon)"), PMD_FIELD_YEAR, FALSE, FALSE },
  { "lag", N_("Years before any effect"), PMD_FIELD_COUNT, FALSE, FALSE },
  { "ramp_years", N_("Years until the full effect"), PMD_FIELD_COUNT, FALSE, FALSE },
};

struct _PmdInterventionsPage
{
  AdwBin              parent_instance;

  PmdDocument        *document;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GPtrArray          *rows;       /* the expander rows, to remove on rebuild */
  PmdRefresh         *refresh;
};

G_DEFINE_FINAL_TYPE (PmdInterventionsPage, pmd_interventions_page, ADW_TYPE_BIN)

static void rebuild (PmdInterventionsPage *self,
                     PmdChangeFlags        flags);

static void
show_error (PmdInterventionsPage *self,
            const char           *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

typedef struct
{
  const char *id;
  const char *field;
  const char *text;
  int         line;
} Change;

/* Changes that are not one number of a parameter path. */
static gboolean
apply_change_cb (PmdScenario *sc,
                 gpointer     user_data,
                 GError     **error)
{
  Change *change = user_data;
  PmdIntervention *iv = g_ptr_array_index (sc->interventions, pmd_scenario_find_intervention (sc, change->id));

  if (g_str_equal (change->field, "end"))
    iv->has_end = FALSE;    /* an empty end year: to the horizon */
  else if (g_str_equal (change->field, "source") || g_str_equal (change->field, "target"))
    {
      char **slot = g_str_equal (change->field, "source") ? &iv->source : &iv->target;
      g_free (*slot);
      *slot = g_strdup (((PmdLine *) g_ptr_array_index (sc->lines, change->line))->id);
    }
  else if (g_str_equal (change->field, "remove"))
    g_ptr_array_remove_index (sc->interventions, pmd_scenario_find_intervention (sc, change->id));
  else if (g_str_equal (change->field, "move"))
    {
      /* The order is the order in which they act: swap with a neighbour. */
      int from = pmd_scenario_find_intervention (sc, change->id);
      int to = from + change->line;

      if (to < 0 || to >= (int) sc->interventions->len)
        return FALSE;
      sc->interventions->pdata[from] = sc->interventions->pdata[to];
      sc->interventions->pdata[to] = iv;
    }
  return TRUE;
}

/**
 * _pmd_interventions_page_move:
 * @delta: −1 to act earlier, +1 to act later
 */
gboolean
_pmd_interventions_page_move (PmdInterventionsPage *self,
                              const char           *id,
                              int                   delta,
                              GError              **error)
{
  Change change = { id, "move", NULL, delta };

  return pmd_document_edit (self->document, apply_change_cb, &change, error);
}

static void
move_clicked_cb (GtkButton            *button,
                 PmdInterventionsPage *self)
{
  g_autoptr(GError) error = NULL;

  _pmd_interventions_page_move (self, g_object_get_data (G_OBJECT (button), "pmd-id"),
                                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pmd-delta")), &error);
  if (error != NULL)
    show_error (self, error->message);
}

/**
 * _pmd_interventions_page_commit:
 * @id: an intervention
 * @field: "name", or a field of the parameter paths ("amount", "end", …)
 * @text: what the user typed
 *
 * Applies what was typed into a field.
 */
gboolean
_pmd_interventions_page_commit (PmdInterventionsPage *self,
                                const char           *id,
                                const char           *field,
                                const char           *text,
                                GError              **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *path = NULL;
  Change change = { id, field, stripped, -1 };
  const Field *f = NULL;
  double value;

  if (g_str_equal (field, "name"))
    return pmd_document_rename (self->document, "interventions", id, stripped, error);
  if (g_str_equal (field, "end") && *stripped == '\0')
    return pmd_document_edit (self->document, apply_change_cb, &change, error);
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    if (g_str_equal (fields[k].field, field))
      f = &fields[k];
  g_return_val_if_fail (f != NULL, FALSE);
  if (!pmd_field_parse (f->kind, stripped, &value, error))
    return FALSE;
  path = g_strdup_printf ("interventions.%s.%s", id, field);
  pmd_document_break_merge (self->document);
  return pmd_document_set_param (self->document, path, value, NULL, error);
}

static void
entry_changed_cb (AdwEntryRow *row,
                  gpointer     user_data)
{
  const Field *f = g_object_get_data (G_OBJECT (row), "pmd-field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  double value;

  if (f == NULL || (g_str_equal (f->field, "end") && *text == '\0') || pmd_field_parse (f->kind, text, &value, NULL))
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

  if (!_pmd_interventions_page_commit (self, id, f ? f->field : "name", gtk_editable_get_text (GTK_EDITABLE (row)),
                                       &error))
    {
      show_error (self, error->message);
      /* The row shows the value it had again. */
      rebuild (self, PMD_CHANGE_INTERVENTIONS);
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
    show_error (self, error->message);
}

static void
line_selected_cb (AdwComboRow          *row,
                  GParamSpec           *pspec,
                  PmdInterventionsPage *self)
{
  Change change = { g_object_get_data (G_OBJECT (row), "pmd-id"), g_object_get_data (G_OBJECT (row), "pmd-what"),
                    NULL, (int) adw_combo_row_get_selected (row) };
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, apply_change_cb, &change, &error))
    {
      show_error (self, error->message);
      /* The row shows the value it had again. */
      rebuild (self, PMD_CHANGE_INTERVENTIONS);
    }
}

static void
remove_clicked_cb (GtkButton            *button,
                   PmdInterventionsPage *self)
{
  Change change = { g_object_get_data (G_OBJECT (button), "pmd-id"), "remove", NULL, -1 };
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, apply_change_cb, &change, &error))
    show_error (self, error->message);
}

static GtkWidget *
entry_row (const char  *title,
           const char  *text,
           const char  *id,
           const Field *field,
           const char  *source,
           PmdInterventionsPage *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pmd-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "pmd-field", (gpointer) field);
  /* Every number can say where it comes from; assumptions are marked. */
  if (source != NULL)
    gtk_widget_set_tooltip_text (row, source);
  if (source != NULL && g_str_has_prefix (source, "aanname"))
    {
      GtkWidget *mark = gtk_label_new (_("assumption"));
      gtk_widget_add_css_class (mark, "assumption-tag");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
    }
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
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

static char *
field_text (const PmdScenario     *sc,
            const PmdIntervention *iv,
            const Field           *f)
{
  g_autofree char *path = g_strdup_printf ("interventions.%s.%s", iv->id, f->field);
  double value = 0;

  if (g_str_equal (f->field, "end") && !iv->has_end)
    return g_strdup ("");
  pmd_scenario_get_param ((PmdScenario *) sc, path, &value, NULL);
  return pmd_field_format (f->kind, value);
}

/* The rows are built again when an intervention changed, or when the
 * lines they move money between came, went or were renamed. */
static void
rebuild (PmdInterventionsPage *self,
         PmdChangeFlags        flags)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);

  if (!(flags & (PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_FILE | PMD_CHANGE_STRUCTURE)))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      gboolean shift = iv->type == PMD_INTERVENTION_SHIFT;
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      const PmdLine *from = g_ptr_array_index (sc->lines, iv->source_idx);
      const PmdLine *to = g_ptr_array_index (sc->lines, iv->target_idx);
      g_autofree char *subtitle = g_strdup_printf (shift ? _("Shift: %s → %s") : _("Investment: %s → %s"),
                                                   from->name, to->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), iv->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      gtk_switch_set_active (GTK_SWITCH (sw), iv->enabled);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (sw, _("On or off"));
      g_object_set_data_full (G_OBJECT (sw), "pmd-id", g_strdup (iv->id), g_free);
      g_signal_connect (sw, "notify::active", G_CALLBACK (enabled_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), sw);

      for (int delta = -1; delta <= 1; delta += 2)
        {
          GtkWidget *move = gtk_button_new_from_icon_name (delta < 0 ? "go-up-symbolic" : "go-down-symbolic");

          gtk_widget_set_valign (move, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (move, "flat");
          gtk_widget_set_tooltip_text (move, delta < 0 ? _("Act earlier") : _("Act later"));
          gtk_widget_set_sensitive (move, delta < 0 ? i > 0 : i + 1 < sc->interventions->len);
          g_object_set_data_full (G_OBJECT (move), "pmd-id", g_strdup (iv->id), g_free);
          g_object_set_data (G_OBJECT (move), "pmd-delta", GINT_TO_POINTER (delta));
          g_signal_connect (move, "clicked", G_CALLBACK (move_clicked_cb), self);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), move);
        }
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this intervention"));
      g_object_set_data_full (G_OBJECT (remove), "pmd-id", g_strdup (iv->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry_row (_("Name"), iv->name, iv->id, NULL, NULL, self));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                line_row (self, sc, shift ? _("Clients move away from") : _("Cost avoided on"),
                                          "source", iv->id, iv->source_idx));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                line_row (self, sc, shift ? _("Clients move to") : _("Money spent on"),
                                          "target", iv->id, iv->target_idx));
      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        {
          const Field *f = &fields[k];
          g_autofree char *text = NULL;

          if ((f->shift_only && !shift) || (f->invest_only && shift))
            continue;
          text = field_text (sc, iv, f);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    entry_row (_(f->title), text, iv->id, f, pmd_sources_lookup (iv->sources, f->field), self));
        }
      adw_preferences_group_add (self->group, expander);
      g_ptr_array_add (self->rows, expander);
    }
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
add_shift_clicked_cb (PmdInterventionsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, add_shift_cb, NULL, &error))
    show_error (self, error->message);
}

static void
pmd_interventions_page_dispose (GObject *object)
{
  PmdInterventionsPage *self = PMD_INTERVENTIONS_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (pmd_interventions_page_parent_class)->dispose (object);
}

static void
pmd_interventions_page_class_init (PmdInterventionsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pmd_interventions_page_dispose;
}

static void
pmd_interventions_page_init (PmdInterventionsPage *self)
{
}

PmdInterventionsPage *
pmd_interventions_page_new (PmdDocument *document)
{
  PmdInterventionsPage *self = g_object_new (PMD_TYPE_INTERVENTIONS_PAGE, NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *shift = gtk_button_new_with_mnemonic (_("Add _Shift"));
  GtkWidget *invest = gtk_button_new_with_mnemonic (_("Add _Investment…"));

  self->document = g_object_ref (document);
  self->rows = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Interventions"));
  adw_preferences_group_set_description (self->group,
                                         _("Applied in this order, each on what the ones before left. Hover a field for its source."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (invest), "win.move-money");
  gtk_box_append (GTK_BOX (buttons), shift);
  gtk_box_append (GTK_BOX (buttons), invest);
  adw_preferences_group_set_header_suffix (self->group, buttons);
  adw_preferences_page_add (self->page, self->group);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  g_signal_connect_swapped (shift, "clicked", G_CALLBACK (add_shift_clicked_cb), self);
  self->refresh = pmd_refresh_new (GTK_WIDGET (self), document,
                                   PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_LINES | PMD_CHANGE_FILE,
                                   (PmdRefreshFunc) rebuild);
  rebuild (self, PMD_CHANGE_FILE);
  return self;
}
