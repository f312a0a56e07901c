/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "pmd-field.h"
#include "pmd-format.h"
#include "pmd-goal-seek-dialog.h"
#include "pmd-refresh.h"
#include "pmd-uncertainty.h"
#include "pmd-window.h"
#include "pmd-undo-keys-private.h"

/*
 * Goal seek: "how much must we invest to close the gap in 2030?" One
 * parameter is searched, within a range, for the value that brings an
 * output in a year to a target (pmd_goal_seek()). The answer is shown with
 * what it gives when put back and projected, and Apply sets it in the
 * document as one undo step (into the variant shown, if any). A change of
 * the document from elsewhere offers the parameters and search range anew
 * and forgets an answer that no longer holds.
 */

struct _PmdGoalSeekDialog
{
  AdwWindow      parent_instance;

  PmdDocument   *document;
  PmdRefresh    *refresh;
  GPtrArray     *params;       /* char *: the paths offered */
  AdwComboRow   *param_row;
  AdwComboRow   *output_row;
  GtkSpinButton *year;
  GtkEntry      *target;
  GtkEntry      *low;
  GtkEntry      *high;
  GtkLabel      *answer;

  gboolean       found;
  char          *found_path;
  double         found_value;
  char          *widened;      /* what Apply did to the range, to be told */
};

G_DEFINE_FINAL_TYPE (PmdGoalSeekDialog, pmd_goal_seek_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* It searches the scenario on screen; the ranges set the search span. */
#define WATCHED_CHANGES ((PMD_CHANGE_CONTENT & ~(PMD_CHANGE_VARIANTS | PMD_CHANGE_ACTUALS)) | \
                         PMD_CHANGE_SHOWN_VARIANT | PMD_CHANGE_FILE)

static const char *const outputs[] = {
  "totals.gap", "totals.scenario", "totals.savings", "totals.cumulative_savings", "npv",
};

static const char *
selected_param (PmdGoalSeekDialog *self)
{
  guint i = adw_combo_row_get_selected (self->param_row);

  return i < self->params->len ? g_ptr_array_index (self->params, i) : NULL;
}

static void
forget_answer (PmdGoalSeekDialog *self)
{
  self->found = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal-seek.apply", FALSE);
}

/* The search range: where pmd_goal_seek_span() looks. */
static void
param_changed_cb (PmdGoalSeekDialog *self)
{
  const PmdScenario *sc = pmd_document_get_effective (self->document);
  const char *path = selected_param (self);
  PmdFieldKind kind;
  double low, high;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  forget_answer (self);
  if (path == NULL)
    return;
  kind = pmd_field_kind_for_param (path);
  pmd_goal_seek_span (sc, path, &low, &high);
  low_text = pmd_field_format (kind, low);
  high_text = pmd_field_format (kind, high);
  gtk_editable_set_text (GTK_EDITABLE (self->low), low_text);
  gtk_editable_set_text (GTK_EDITABLE (self->high), high_text);
}

static gboolean
read_entry (GtkEntry     *entry,
            PmdFieldKind  kind,
            double       *value,
            GError      **error)
{
  if (!pmd_field_parse (kind, gtk_editable_get_text (GTK_EDITABLE (entry)), value, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return TRUE;
}

static void
show_answer (PmdGoalSeekDialog *self,
             const char        *text,
             gboolean           ok)
{
  gtk_label_set_text (self->answer, text);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->answer), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->answer), "error");
}

/**
 * pmd_goal_seek_dialog_find:
 *
 * Searches with what the dialog shows and tells the answer, or why there
 * is none.
 *
 * Returns: %TRUE when a value was found
 */
gboolean
pmd_goal_seek_dialog_find (PmdGoalSeekDialog *self)
{
  const PmdScenario *sc = pmd_document_get_effective (self->document);
  const char *path = selected_param (self);
  const char *output = outputs[MIN (adw_combo_row_get_selected (self->output_row), G_N_ELEMENTS (outputs) - 1)];
  int year = gtk_spin_button_get_value_as_int (self->year);
  g_autoptr(GError) error = NULL;
  g_autofree char *param_label = NULL;
  g_autofree char *output_label = NULL;
  g_autofree char *text = NULL;
  PmdFieldKind kind;
  double target, low, high, result, closest_x, closest_value;

  forget_answer (self);
  if (path == NULL)
    return FALSE;
  kind = pmd_field_kind_for_param (path);
  if (!read_entry (self->target, PMD_FIELD_MONEY, &target, &error) ||
      !read_entry (self->low, kind, &low, &error) ||
      !read_entry (self->high, kind, &high, &error))
    {
      show_answer (self, error->message, FALSE);
      return FALSE;
    }
  if (low > high)
    {
      double t = low;
      low = high;
      high = t;
    }

  param_label = pmd_scenario_describe_param (sc, path);
  output_label = pmd_describe_output (sc, output);
  if (!pmd_goal_seek (sc, path, output, year, target, low, high, &result, &closest_x, &closest_value, &error))
    {
      if (g_error_matches (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_NO_SOLUTION))
        {
          g_autofree char *low_text = pmd_scenario_format_param (path, low);
          g_autofree char *high_text = pmd_scenario_format_param (path, high);
          g_autofree char *target_text = pmd_format_euro_compact (target);
          g_autofree char *closest_text = pmd_scenario_format_param (path, closest_x);
          g_autofree char *gives = pmd_format_euro_compact (closest_value);

          /* Translators: parameter, low, high, output, year, target, closest value, what it gives */
          text = g_strdup_printf (_("No value of “%s” from %s to %s brings “%s” in %d to %s. Closest: %s, which gives %s."),
                                  param_label, low_text, high_text, output_label, year, target_text, closest_text,
                                  gives);
          show_answer (self, text, FALSE);
        }
      else
        show_answer (self, error->message, FALSE);
      return FALSE;
    }

  /* Put back and projected, as the user will see it after Apply. */
  {
    g_autoptr(PmdScenario) check = pmd_scenario_copy (sc);
    g_autoptr(PmdProjection) p = NULL;
    g_autofree char *value_text = pmd_scenario_format_param (path, result);
    g_autofree char *reached_text = NULL;
    double reached = NAN;

    pmd_scenario_set_param (check, path, result, NULL);
    p = pmd_project (check, NULL);
    if (p != NULL)
      pmd_projection_get_output (p, check, output, year, &reached, NULL);
    reached_text = pmd_format_euro_compact (reached);
    /* Translators: parameter, its value, output, year, what it is then */
    text = g_strdup_printf (_("“%s” at %s: “%s” in %d is then %s."), param_label, value_text, output_label, year,
                            reached_text);
  }
  show_answer (self, text, TRUE);
  self->found = TRUE;
  self->found_value = result;
  g_free (self->found_path);
  self->found_path = g_strdup (path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal-seek.apply", TRUE);
  return TRUE;
}

static gboolean
set_and_widen_cb (PmdScenario *sc,
                  gpointer     user_data,
                  GError     **error)
{
  PmdGoalSeekDialog *self = user_data;
  int idx;
  double value;

  if (!pmd_scenario_set_param (sc, self->found_path, self->found_value, error) ||
      !pmd_scenario_get_param (sc, self->found_path, &value, error))
    return FALSE;
  idx = pmd_scenario_find_range (sc, self->found_path);
  g_clear_pointer (&self->widened, g_free);
  if (idx >= 0)
    {
      PmdRange *r = g_ptr_array_index (sc->ranges, idx);

      if (value < r->low || value > r->high)
        {
          PmdFieldKind kind = pmd_field_kind_for_param (self->found_path);
          g_autofree char *name = pmd_scenario_describe_param (sc, self->found_path);
          g_autofree char *low = NULL;
          g_autofree char *high = NULL;

          r->low = MIN (r->low, value);
          r->high = MAX (r->high, value);
          low = pmd_field_format (kind, r->low);
          high = pmd_field_format (kind, r->high);
          /* Translators: a parameter, then its new range [low; high] */
          self->widened = g_strdup_printf (_("The range of “%s” now runs from %s to %s, to hold the value applied"),
                                           name, low, high);
        }
    }
  return TRUE;
}

/**
 * pmd_goal_seek_dialog_get_widened:
 *
 * Returns: (nullable): after Apply, what it did to the parameter's range
 *   (widened to hold the value), as the window tells it; %NULL when the
 *   range held the value
 */
const char *
pmd_goal_seek_dialog_get_widened (PmdGoalSeekDialog *self)
{
  g_return_val_if_fail (PMD_IS_GOAL_SEEK_DIALOG (self), NULL);
  return self->widened;
}

/**
 * pmd_goal_seek_dialog_apply:
 *
 * Sets the value found, as one undo step. In the scenario as written a
 * range must hold its value, so a range the value lies outside of is
 * widened to it in the same step; a variant keeps its own value.
 */
gboolean
pmd_goal_seek_dialog_apply (PmdGoalSeekDialog *self,
                            GError           **error)
{
  g_return_val_if_fail (self->found, FALSE);

  if (pmd_document_get_variant (self->document) != NULL)
    {
      if (!pmd_document_set_param (self->document, self->found_path, self->found_value, NULL, error))
        return FALSE;
      pmd_document_break_merge (self->document);
      return TRUE;
    }
  return pmd_document_edit (self->document, set_and_widen_cb, self, error);
}

static void
find_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  pmd_goal_seek_dialog_find (PMD_GOAL_SEEK_DIALOG (widget));
}

static void
target_activate_cb (PmdGoalSeekDialog *self)
{
  pmd_goal_seek_dialog_find (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  PmdGoalSeekDialog *self = PMD_GOAL_SEEK_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!pmd_goal_seek_dialog_apply (self, &error))
    show_answer (self, error->message, FALSE);
  else
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      /* A widened range is said, not done behind the user's back. */
      if (self->widened != NULL && PMD_IS_WINDOW (parent))
        pmd_window_add_toast (PMD_WINDOW (parent), self->widened);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Whether changing @path changes anything: not a parameter of a switched-off
 * intervention. */
static gboolean
path_is_live (const PmdScenario *sc,
              const char        *path)
{
  g_auto(GStrv) parts = NULL;
  int idx;

  if (!g_str_has_prefix (path, "interventions."))
    return TRUE;
  parts = g_strsplit (path, ".", 3);
  idx = pmd_scenario_find_intervention (sc, parts[1]);
  return idx < 0 || ((const PmdIntervention *) g_ptr_array_index (sc->interventions, idx))->enabled;
}

/* What can be searched: first what a council decides (each intervention's
 * money or share), then the uncertain parameters; nothing of an
 * intervention that is switched off (searching it would change nothing). */
static GPtrArray *
searchable_params (const PmdScenario *sc)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uncertain = pmd_scenario_list_uncertain (sc);

  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);

      if (!iv->enabled)
        continue;
      g_ptr_array_add (paths, g_strdup_printf ("interventions.%s.%s", iv->id,
                                               iv->type == PMD_INTERVENTION_INVEST ? "amount" : "fraction"));
    }
  for (guint i = 0; i < uncertain->len; i++)
    {
      const char *path = g_ptr_array_index (uncertain, i);
      if (path_is_live (sc, path) && !g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
        g_ptr_array_add (paths, g_strdup (path));
    }
  g_ptr_array_add (paths, g_strdup ("funding.base"));
  return paths;
}

/* The parameters offered, each by its name for people; the one chosen
 * before stays chosen while it is offered. */
static void
fill_params (PmdGoalSeekDialog *self)
{
  const PmdScenario *sc = pmd_document_get_effective (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_strdup (self->params != NULL ? selected_param (self) : NULL);
  guint i;

  g_clear_pointer (&self->params, g_ptr_array_unref);
  self->params = searchable_params (sc);
  for (i = 0; i < self->params->len; i++)
    {
      g_autofree char *label = pmd_scenario_describe_param (sc, g_ptr_array_index (self->params, i));
      gtk_string_list_append (names, label);
    }
  g_signal_handlers_block_by_func (self->param_row, param_changed_cb, self);
  adw_combo_row_set_model (self->param_row, G_LIST_MODEL (names));
  if (chosen != NULL && g_ptr_array_find_with_equal_func (self->params, chosen, g_str_equal, &i))
    adw_combo_row_set_selected (self->param_row, i);
  g_signal_handlers_unblock_by_func (self->param_row, param_changed_cb, self);
}

static void
fill_years (PmdGoalSeekDialog *self)
{
  const PmdScenario *sc = pmd_document_get_effective (self->document);

  gtk_spin_button_set_range (self->year, sc->base_year, pmd_scenario_get_end_year (sc));
}

static void
refresh_cb (gpointer       dialog,
            PmdChangeFlags flags)
{
  PmdGoalSeekDialog *self = dialog;

  if (flags & (PMD_CHANGE_STRUCTURE | PMD_CHANGE_INTERVENTIONS | PMD_CHANGE_RANGES | PMD_CHANGE_FILE))
    fill_params (self);
  if (flags & (PMD_CHANGE_SCENARIO | PMD_CHANGE_FILE))
    fill_years (self);
  /* The span may rest on the value or range that changed. */
  param_changed_cb (self);
}

/* The first question has an answer: the first decision that can bring the
 * gap in that year to zero is chosen (the first in the list, more
 * prevention money, could not, and Find said so to a new user). */
static void
choose_first_question (PmdGoalSeekDialog *self)
{
  const PmdScenario *sc = pmd_document_get_effective (self->document);
  int year;

  fill_params (self);
  fill_years (self);
  year = MIN (sc->base_year + 4, pmd_scenario_get_end_year (sc));
  gtk_spin_button_set_value (self->year, year);
  for (guint i = 0; i < self->params->len; i++)
    {
      const char *path = g_ptr_array_index (self->params, i);
      double low, high, x;

      pmd_goal_seek_span (sc, path, &low, &high);
      if (pmd_goal_seek (sc, path, "totals.gap", year, 0, low, high, &x, NULL, NULL, NULL))
        {
          adw_combo_row_set_selected (self->param_row, i);
          break;
        }
    }
  param_changed_cb (self);
}

static void
pmd_goal_seek_dialog_constructed (GObject *object)
{
  PmdGoalSeekDialog *self = PMD_GOAL_SEEK_DIALOG (object);

  G_OBJECT_CLASS (pmd_goal_seek_dialog_parent_class)->constructed (object);
  g_return_if_fail (self->document != NULL);
  choose_first_question (self);
  self->refresh = pmd_refresh_new (GTK_WIDGET (self), self->document, WATCHED_CHANGES, refresh_cb);
}

static void
pmd_goal_seek_dialog_dispose (GObject *object)
{
  PmdGoalSeekDialog *self = PMD_GOAL_SEEK_DIALOG (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_clear_pointer (&self->found_path, g_free);
  g_clear_pointer (&self->widened, g_free);
  G_OBJECT_CLASS (pmd_goal_seek_dialog_parent_class)->dispose (object);
}

static void
pmd_goal_seek_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PmdGoalSeekDialog *self = PMD_GOAL_SEEK_DIALOG (object);

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
pmd_goal_seek_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PmdGoalSeekDialog *self = PMD_GOAL_SEEK_DIALOG (object);

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
pmd_goal_seek_dialog_class_init (PmdGoalSeekDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pmd_goal_seek_dialog_constructed;
  object_class->dispose = pmd_goal_seek_dialog_dispose;
  object_class->get_property = pmd_goal_seek_dialog_get_property;
  object_class->set_property = pmd_goal_seek_dialog_set_property;

  /**
   * PmdGoalSeekDialog:document:
   *
   * The document searched and changed by Apply.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-goal-seek-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, param_row);
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, year);
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, target);
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, low);
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, high);
  gtk_widget_class_bind_template_child (widget_class, PmdGoalSeekDialog, answer);
  gtk_widget_class_bind_template_callback (widget_class, param_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_answer);
  gtk_widget_class_bind_template_callback (widget_class, target_activate_cb);
  gtk_widget_class_install_action (widget_class, "goal-seek.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "goal-seek.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pmd_goal_seek_dialog_init (PmdGoalSeekDialog *self)
{
  const char *output_names[G_N_ELEMENTS (outputs) + 1] = { NULL };
  char *output_labels[G_N_ELEMENTS (outputs)] = { NULL };
  g_autoptr(GtkStringList) outs = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pmd_field_init_spin (self->year, PMD_FIELD_YEAR, _("In the year"));
  _pmd_undo_keys_install (GTK_WIDGET (self), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal-seek.apply", FALSE);
  /* The outputs are named alike in every scenario. */
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    output_names[i] = output_labels[i] = pmd_describe_output (NULL, outputs[i]);
  outs = gtk_string_list_new (output_names);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    g_free (output_labels[i]);
  adw_combo_row_set_model (self->output_row, G_LIST_MODEL (outs));
}

/**
 * pmd_goal_seek_dialog_new:
 * @parent: (nullable): the window
 * @document: the document to search
 */
GtkWindow *
pmd_goal_seek_dialog_new (GtkWindow   *parent,
                          PmdDocument *document)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_GOAL_SEEK_DIALOG, "transient-for", parent, "document", document, NULL);
}
