/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-money-dialog.h"
#include "pmd-field.h"
#include "pmd-label-text.h"
#include "pmd-refresh.h"
#include "pmd-undo-keys-private.h"

/*
 * "Geld verschuiven": move money from one cost line (high in the pyramid)
 * to another (lower), as an invest intervention. Every change is previewed
 * at once in the window behind; the whole dialog is one undo step, which
 * Cancel takes back. What all interventions together save follows the
 * document, also when it changes from elsewhere.
 */

struct _PmdMoneyDialog
{
  AdwWindow     parent_instance;

  PmdDocument  *document;
  PmdRefresh   *refresh;
  char         *id;          /* the intervention this dialog edits */
  char         *merge_key;
  gboolean      applied;     /* an edit was made */
  guint         applied_at;  /* the history position it left */
  gboolean      done;
  gboolean      ready;       /* set up: a change is the user's */

  AdwComboRow  *from_row;
  AdwComboRow  *to_row;
  GtkRange     *amount;
  GtkLabel     *amount_label;
  GtkSpinButton *start;
  GtkSpinButton *ret;
  GtkSpinButton *lag;
  GtkSpinButton *ramp;
  GtkLabel     *effect;
  GtkLabel     *problem;
};

G_DEFINE_FINAL_TYPE (PmdMoneyDialog, pmd_money_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The saving shown is the projection of the scenario on screen; the
 * ranges and the variants not shown do not change it. */
#define WATCHED_CHANGES ((PMD_CHANGE_CONTENT & ~(PMD_CHANGE_RANGES | PMD_CHANGE_VARIANTS)) | \
                         PMD_CHANGE_SHOWN_VARIANT | PMD_CHANGE_FILE)

static const PmdLine *
line_at (PmdMoneyDialog *self,
         AdwComboRow    *row)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  guint i = adw_combo_row_get_selected (row);

  return i < sc->lines->len ? g_ptr_array_index (sc->lines, i) : NULL;
}

static gboolean
apply_cb (PmdScenario *sc,
          gpointer     user_data,
          GError     **error)
{
  PmdMoneyDialog *self = user_data;
  const PmdLine *from = line_at (self, self->from_row);
  const PmdLine *to = line_at (self, self->to_row);
  int idx = pmd_scenario_find_intervention (sc, self->id);
  PmdIntervention *iv;

  if (idx < 0)
    {
      iv = pmd_intervention_new (self->id, PMD_INTERVENTION_INVEST, from->id, to->id, 0);
      pmd_sources_set (&iv->sources, "amount", _("chosen in Piramide's “Move money” dialog"));
      pmd_sources_set (&iv->sources, "return", _("assumption entered in Piramide's “Move money” dialog"));
      g_ptr_array_add (sc->interventions, iv);
    }
  else
    iv = g_ptr_array_index (sc->interventions, idx);

  g_free (iv->source);
  g_free (iv->target);
  g_free (iv->name);
  iv->source = g_strdup (from->id);
  iv->target = g_strdup (to->id);
  iv->name = g_strdup_printf (_("Money from %s to %s"), from->name, to->name);
  iv->amount = round (gtk_range_get_value (self->amount));
  iv->ret = gtk_spin_button_get_value (self->ret);
  iv->start = gtk_spin_button_get_value_as_int (self->start);
  iv->lag = gtk_spin_button_get_value_as_int (self->lag);
  iv->ramp_years = gtk_spin_button_get_value_as_int (self->ramp);
  return TRUE;
}

static void
update_effect (PmdMoneyDialog *self)
{
  const PmdProjection *p = pmd_document_get_projection (self->document);
  int last = p->n_years - 1;
  g_autofree char *saving = pmd_label_text_euro (p->savings[last]);
  g_autofree char *cumulative = pmd_label_text_euro (p->cumulative_savings[last]);
  g_autofree char *text = NULL;

  if (p->has_payback)
    text = g_strdup_printf (_("All interventions together: %s saved in %d, %s in total; paid back in %d"),
                            saving, p->base_year + last, cumulative, p->payback_year);
  else
    text = g_strdup_printf (_("All interventions together: %s saved in %d, %s in total; not paid back within the horizon"),
                            saving, p->base_year + last, cumulative);
  gtk_label_set_text (self->effect, text);
}

static void
changed_cb (PmdMoneyDialog *self)
{
  const PmdLine *from = line_at (self, self->from_row);
  const PmdLine *to = line_at (self, self->to_row);
  g_autofree char *amount = pmd_format_euro_compact (gtk_range_get_value (self->amount));
  g_autoptr(GError) error = NULL;

  gtk_label_set_text (self->amount_label, amount);
  if (!self->ready || self->done || from == NULL || to == NULL)
    return;
  if (from == to)
    {
      gtk_label_set_text (self->problem, _("Choose two different cost lines."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  if (!pmd_document_edit_merge (self->document, apply_cb, self, self->merge_key, &error))
    {
      gtk_label_set_text (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  self->applied = TRUE;
  self->applied_at = pmd_document_get_history_position (self->document);
}

/* The lines to choose from, "Toegang en wijkteams (Laagdrempelige
 * ondersteuning)"; the choices stay where they were. */
static void
fill_lines (PmdMoneyDialog *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint from = adw_combo_row_get_selected (self->from_row);
  guint to = adw_combo_row_get_selected (self->to_row);
  gboolean ready = self->ready;

  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      const PmdLayer *layer = g_ptr_array_index (sc->layers, l->layer_idx);
      g_autofree char *label = g_strdup_printf ("%s (%s)", l->name, layer->name);
      gtk_string_list_append (names, label);
    }
  /* Shown again, not chosen by the user: no edit. */
  self->ready = FALSE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->from_row, from);
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->to_row, to);
  self->ready = ready;
}

static void
refresh_cb (gpointer       dialog,
            PmdChangeFlags flags)
{
  PmdMoneyDialog *self = dialog;

  if ((flags & PMD_CHANGE_STRUCTURE) && (flags & (PMD_CHANGE_LINES | PMD_CHANGE_SCENARIO | PMD_CHANGE_FILE)))
    fill_lines (self);
  update_effect (self);
}

/* Keeps or takes back what the dialog did; closes it unless it is closing. */
static void
finish (PmdMoneyDialog *self,
        gboolean        apply,
        gboolean        destroy)
{
  if (self->done)
    return;
  self->done = TRUE;
  pmd_document_break_merge (self->document);
  /* Not when Ctrl+Z has taken it back already: the step before it is
   * someone else's. */
  if (!apply && self->applied && pmd_document_get_history_position (self->document) == self->applied_at)
    pmd_document_take_back (self->document);
  if (destroy)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  finish (PMD_MONEY_DIALOG (widget), FALSE, TRUE);
}

static void
apply_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  finish (PMD_MONEY_DIALOG (widget), TRUE, TRUE);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  finish (PMD_MONEY_DIALOG (window), FALSE, FALSE);
  return FALSE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  finish (PMD_MONEY_DIALOG (widget), FALSE, TRUE);
  return TRUE;
}

/* The default: from the most expensive line of the top layer to the first
 * line of the layer below it. */
static void
choose_defaults (const PmdScenario *sc,
                 guint             *from,
                 guint             *to)
{
  int top = (int) sc->layers->len - 1;
  double best = -1;

  *from = 0;
  *to = sc->lines->len > 1 ? 1 : 0;
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      if (l->layer_idx == top && l->base_cost > best)
        {
          best = l->base_cost;
          *from = i;
        }
    }
  for (int layer = top - 1; layer >= 0; layer--)
    for (guint i = 0; i < sc->lines->len; i++)
      if (((PmdLine *) g_ptr_array_index (sc->lines, i))->layer_idx == layer)
        {
          *to = i;
          return;
        }
}

/* The step and the decimals of an intervention's @field: the parameter
 * table's, as on every screen. */
static void
use_facts (GtkSpinButton *spin,
           const char    *field)
{
  const PmdParamFacts *facts = pmd_param_facts_for_field ("interventions", field);

  gtk_spin_button_set_digits (spin, facts->decimals);
  gtk_spin_button_set_increments (spin, facts->step, facts->step * 10);
}

/* The lines to choose from, the intervention's id and the first choices:
 * what the document says when the dialog opens. */
static void
set_up (PmdMoneyDialog *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  static guint serial;
  guint from, to;

  self->merge_key = g_strdup_printf ("money-dialog-%u", ++serial);
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("geld-verschuiven-%u", n);
      if (pmd_scenario_find_intervention (sc, id) < 0)
        {
          self->id = g_steal_pointer (&id);
          break;
        }
    }
  fill_lines (self);
  choose_defaults (sc, &from, &to);
  adw_combo_row_set_selected (self->from_row, from);
  adw_combo_row_set_selected (self->to_row, to);
  use_facts (self->start, "start");
  use_facts (self->ret, "return");
  use_facts (self->lag, "lag");
  use_facts (self->ramp, "ramp_years");
  gtk_spin_button_set_range (self->start, sc->base_year, sc->base_year + sc->horizon);
  gtk_spin_button_set_value (self->start, MIN (sc->base_year + 1, sc->base_year + sc->horizon));
  update_effect (self);
  self->refresh = pmd_refresh_new (GTK_WIDGET (self), self->document, WATCHED_CHANGES, refresh_cb);
  self->ready = TRUE;
}

static void
pmd_money_dialog_constructed (GObject *object)
{
  PmdMoneyDialog *self = PMD_MONEY_DIALOG (object);

  G_OBJECT_CLASS (pmd_money_dialog_parent_class)->constructed (object);
  g_return_if_fail (self->document != NULL);
  set_up (self);
}

static void
pmd_money_dialog_dispose (GObject *object)
{
  PmdMoneyDialog *self = PMD_MONEY_DIALOG (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pmd_money_dialog_parent_class)->dispose (object);
}

static void
pmd_money_dialog_finalize (GObject *object)
{
  PmdMoneyDialog *self = PMD_MONEY_DIALOG (object);

  g_free (self->id);
  g_free (self->merge_key);
  G_OBJECT_CLASS (pmd_money_dialog_parent_class)->finalize (object);
}

static void
pmd_money_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PmdMoneyDialog *self = PMD_MONEY_DIALOG (object);

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
pmd_money_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PmdMoneyDialog *self = PMD_MONEY_DIALOG (object);

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
pmd_money_dialog_class_init (PmdMoneyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pmd_money_dialog_constructed;
  object_class->dispose = pmd_money_dialog_dispose;
  object_class->finalize = pmd_money_dialog_finalize;
  object_class->get_property = pmd_money_dialog_get_property;
  object_class->set_property = pmd_money_dialog_set_property;
  window_class->close_request = close_request_cb;

  /**
   * PmdMoneyDialog:document:
   *
   * The document the money moves in.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-money-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, amount);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, start);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, ret);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, lag);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, ramp);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, effect);
  gtk_widget_class_bind_template_child (widget_class, PmdMoneyDialog, problem);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_install_action (widget_class, "money.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "money.apply", NULL, apply_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
pmd_money_dialog_init (PmdMoneyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pmd_field_init_spin (self->start, PMD_FIELD_YEAR, _("From the year"));
  pmd_field_init_spin (self->ret, PMD_FIELD_NUMBER, _("Cost avoided per euro"));
  pmd_field_init_spin (self->lag, PMD_FIELD_YEARS, _("Delay"));
  pmd_field_init_spin (self->ramp, PMD_FIELD_YEARS, _("Ramp-up"));
  _pmd_undo_keys_install (GTK_WIDGET (self), NULL);
}

/**
 * pmd_money_dialog_new:
 * @parent: (nullable): the window
 * @document: the document the money moves in
 */
GtkWindow *
pmd_money_dialog_new (GtkWindow   *parent,
                      PmdDocument *document)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (document), NULL);

  return g_object_new (PMD_TYPE_MONEY_DIALOG, "transient-for", parent, "document", document, NULL);
}
