/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-money-dialog.h"

/*
 * "Geld verschuiven": move money from one cost line (high in the pyramid)
 * to another (lower), as an invest intervention. Every change is previewed
 * at once in the window behind; the whole dialog is one undo step, which
 * Cancel takes back.
 */

struct _PmdMoneyDialog
{
  AdwWindow     parent_instance;

  PmdDocument  *document;
  char         *id;          /* the intervention this dialog edits */
  char         *merge_key;
  gboolean      applied;     /* an edit was made */
  gboolean      done;

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
  g_autofree char *saving = pmd_format_euro_compact (p->savings[last]);
  g_autofree char *cumulative = pmd_format_euro_compact (p->cumulative_savings[last]);
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
  if (self->done || from == NULL || to == NULL)
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
  if (!apply && self->applied)
    pmd_document_take_back (self->document);
  if (destroy)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (PmdMoneyDialog *self)
{
  finish (self, FALSE, TRUE);
}

static void
apply_clicked_cb (PmdMoneyDialog *self)
{
  finish (self, TRUE, TRUE);
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

/* Spin buttons print with the C locale's decimal point; show and read
 * numbers the Dutch way instead ("1,5"). */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = pmd_format_number (gtk_spin_button_get_value (spin), gtk_spin_button_get_digits (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  return pmd_parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), value, NULL) ? TRUE : GTK_INPUT_ERROR;
}

/* A spin button for an intervention's @field, with the step and the
 * decimals of the parameter table. */
static GtkWidget *
spin_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          const char          *field,
          double               lo,
          double               hi,
          double               value,
          GtkSpinButton      **out)
{
  const PmdParamFacts *facts = pmd_param_facts_for_field ("interventions", field);
  int digits = facts->decimals;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lo, hi, facts->step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  if (digits > 0)
    {
      /* Dutch text ("1,0") in any locale: a numeric spin button takes only
       * the locale's decimal point and dropped "1,0" in English, showing
       * nothing. The input handler reads what is typed. */
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
      g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
    }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  *out = GTK_SPIN_BUTTON (spin);
  return row;
}

static void
pmd_money_dialog_dispose (GObject *object)
{
  PmdMoneyDialog *self = PMD_MONEY_DIALOG (object);

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
pmd_money_dialog_class_init (PmdMoneyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_money_dialog_dispose;
  object_class->finalize = pmd_money_dialog_finalize;
  window_class->close_request = close_request_cb;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
pmd_money_dialog_init (PmdMoneyDialog *self)
{
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

GtkWindow *
pmd_money_dialog_new (GtkWindow   *parent,
                      PmdDocument *document)
{
  PmdMoneyDialog *self = g_object_new (PMD_TYPE_MONEY_DIALOG,
                                       "transient-for", parent,
                                       "modal", TRUE,
                                       "title", _("Move Money"),
                                       "default-width", 560,
                                       NULL);
  const PmdScenario *sc = pmd_document_get_scenario (document);
  static guint serial;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *cancel, *apply, *page, *amount_row, *scale, *value;
  AdwPreferencesGroup *group, *effect_group;
  guint from, to;

  self->document = g_object_ref (document);
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
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      const PmdLayer *layer = g_ptr_array_index (sc->layers, l->layer_idx);
      g_autofree char *label = g_strdup_printf ("%s (%s)", l->name, layer->name);
      gtk_string_list_append (names, label);
    }
  choose_defaults (sc, &from, &to);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_box_append (GTK_BOX (box), header);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (apply_clicked_cb), self);

  page = adw_preferences_page_new ();
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Invest lower in the pyramid to avoid cost at the top"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->from_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("Avoid cost on"));
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->from_row, from);
  adw_preferences_group_add (group, GTK_WIDGET (self->from_row));

  self->to_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("Spend the money on"));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->to_row, to);
  adw_preferences_group_add (group, GTK_WIDGET (self->to_row));

  amount_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (amount_row), _("Amount a year"));
  scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 5e6, 50000);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_size_request (scale, 220, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Amount a year"), -1);
  value = gtk_label_new (NULL);
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (value), 11);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (amount_row), scale);
  adw_action_row_add_suffix (ADW_ACTION_ROW (amount_row), value);
  adw_preferences_group_add (group, amount_row);
  self->amount = GTK_RANGE (scale);
  self->amount_label = GTK_LABEL (value);

  spin_row (group, _("From the year"), NULL, "start", sc->base_year, sc->base_year + sc->horizon,
            MIN (sc->base_year + 1, sc->base_year + sc->horizon), &self->start);
  spin_row (group, _("Cost avoided per euro"), _("What each euro lower in the pyramid saves at the top, once effective"),
            "return", 0, 5, 1.0, &self->ret);
  spin_row (group, _("Delay"), _("Years before any effect"), "lag", 0, 10, 2, &self->lag);
  spin_row (group, _("Ramp-up"), _("Years until the full effect"), "ramp_years", 1, 10, 3, &self->ramp);

  effect_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), effect_group);
  self->effect = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->effect, TRUE);
  gtk_label_set_xalign (self->effect, 0);
  adw_preferences_group_add (effect_group, GTK_WIDGET (self->effect));
  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  adw_preferences_group_add (effect_group, GTK_WIDGET (self->problem));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);

  g_signal_connect_swapped (self->from_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->to_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->amount, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->start, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->ret, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->lag, "value-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->ramp, "value-changed", G_CALLBACK (changed_cb), self);

  gtk_label_set_text (self->amount_label, "€ 0");
  update_effect (self);
  return GTK_WINDOW (self);
}

void
_pmd_money_dialog_set_lines (PmdMoneyDialog *self,
                             const char     *from,
                             const char     *to)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);

  adw_combo_row_set_selected (self->from_row, pmd_scenario_find_line (sc, from));
  adw_combo_row_set_selected (self->to_row, pmd_scenario_find_line (sc, to));
}

GtkRange *
_pmd_money_dialog_get_amount (PmdMoneyDialog *self)
{
  return self->amount;
}

const char *
_pmd_money_dialog_get_id (PmdMoneyDialog *self)
{
  return self->id;
}

void
_pmd_money_dialog_respond (PmdMoneyDialog *self,
                           gboolean        apply)
{
  finish (self, apply, TRUE);
}
