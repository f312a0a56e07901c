/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-window.h"
#include "pmd-field.h"
#include "pmd-window-private.h"
#include "pmd-paths.h"
#include "pmd-format.h"
#include "pmd-label-text.h"
#include "pmd-message-bar.h"
#include "pmd-session.h"
#include "pmd-ui-resources.h"
#include "pmd-undo-keys-private.h"

/*
 * The window: a session's scenario shown as key figures, charts and pages,
 * with levers to move it. Its parts live beside this file (see
 * pmd-window-private.h); this one builds the window and keeps what it
 * shows up to date.
 */

G_DEFINE_FINAL_TYPE (PmdWindow, pmd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
toast (PmdWindow  *self,
       const char *message)
{
  pmd_notify_text (GTK_WIDGET (self->toast_overlay), message);
}

void
_pmd_window_error_dialog (PmdWindow  *self,
                          const char *heading,
                          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Key figures */

static void
make_cards (Card       *cards,
            GtkFlowBox *box)
{
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      cards[i].box = card;
      cards[i].title = GTK_LABEL (gtk_label_new (NULL));
      cards[i].value = GTK_LABEL (gtk_label_new (NULL));
      cards[i].detail = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "figure-card");
      gtk_widget_add_css_class (GTK_WIDGET (cards[i].title), "card-title");
      gtk_widget_add_css_class (GTK_WIDGET (cards[i].value), "card-value");
      gtk_widget_add_css_class (GTK_WIDGET (cards[i].value), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (cards[i].detail), "card-detail");
      gtk_label_set_xalign (cards[i].title, 0);
      gtk_label_set_xalign (cards[i].value, 0);
      gtk_label_set_xalign (cards[i].detail, 0);
      gtk_label_set_ellipsize (cards[i].title, PANGO_ELLIPSIZE_END);
      gtk_label_set_wrap (cards[i].detail, TRUE);
      /* A value can be words ("Niet binnen de horizon"): it wraps rather
       * than widening the window past a beamer's 1.024 px. */
      gtk_label_set_wrap (cards[i].value, TRUE);
      gtk_label_set_wrap_mode (cards[i].value, PANGO_WRAP_WORD_CHAR);
      /* Short natural widths let four cards share a row at 1280 pixels. */
      gtk_label_set_max_width_chars (cards[i].detail, 16);
      gtk_label_set_max_width_chars (cards[i].title, 16);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (cards[i].title));
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (cards[i].value));
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (cards[i].detail));
      gtk_flow_box_append (box, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
}

static void
set_card (Card       *card,
          const char *title,
          const char *value,
          const char *detail,
          const char *tooltip,
          int         sign)
{
  gtk_label_set_text (card->title, title);
  gtk_label_set_text (card->value, value);
  gtk_label_set_text (card->detail, detail);
  gtk_widget_set_tooltip_text (card->box, tooltip);
  gtk_widget_remove_css_class (GTK_WIDGET (card->value), "negative");
  gtk_widget_remove_css_class (GTK_WIDGET (card->value), "positive");
  if (sign != 0)
    gtk_widget_add_css_class (GTK_WIDGET (card->value), sign < 0 ? "negative" : "positive");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* An amount of a card: in the unit of the cards (one scale), the euro sign
 * and the number kept on one line. */
static char *
card_euro (double value,
           double unit)
{
  g_autofree char *text = pmd_format_euro_in (value, unit, FALSE);

  return pmd_label_text_keep_amounts (text);
}

static void
update_cards (PmdWindow *self,
              Card      *cards)
{
  const PmdProjection *p = pmd_document_get_projection (self->document);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  int t = pmd_projection_year_index (p, year);
  g_autofree char *t0 = NULL, *v0 = NULL, *d0 = NULL, *b0 = NULL, *tip0 = NULL;
  g_autofree char *t1 = NULL, *v1 = NULL, *d1 = NULL, *f1 = NULL, *tip1 = NULL;
  g_autofree char *t2 = NULL, *v2 = NULL, *d2 = NULL, *s2 = NULL, *tip2 = NULL;
  g_autofree char *v3 = NULL, *d3 = NULL, *n3 = NULL, *tip3 = NULL;

  double unit;

  if (t < 0)
    t = p->n_years - 1, year = p->base_year + t;
  /* The cards side by side read as one table: one scale for their money
   * (pmd_format_euro_unit ()), "€ 0,6 mln" beside "€ 22,8 mln". */
  {
    const double money[] = { p->total_scenario[t], p->total_baseline[t], p->gap[t], p->funding[t],
                             p->cumulative_savings[t], p->savings[t], p->npv };
    unit = pmd_format_euro_unit (money, G_N_ELEMENTS (money));
  }

  t0 = g_strdup_printf (_("Cost %d"), year);
  v0 = card_euro (p->total_scenario[t], unit);
  b0 = card_euro (p->total_baseline[t], unit);
  d0 = g_strdup_printf (_("without interventions %s"), b0);
  tip0 = g_strdup_printf (_("All cost lines in %d with the interventions, their investment included; without interventions: %s"),
                          year, b0);
  set_card (&cards[0], t0, v0, d0, tip0, 0);

  t1 = g_strdup_printf (_("Gap %d"), year);
  v1 = card_euro (p->gap[t], unit);
  f1 = card_euro (p->funding[t], unit);
  d1 = g_strdup_printf (_("funding %s"), f1);
  tip1 = g_strdup_printf (_("Cost minus funding in %d; the funding is %s (base, growth and steps such as the Ravijnjaar)"),
                          year, f1);
  set_card (&cards[1], t1, v1, d1, tip1, p->gap[t] > 0.5 ? -1 : p->gap[t] < -0.5 ? 1 : 0);

  t2 = g_strdup_printf (_("Savings to %d"), year);
  v2 = card_euro (p->cumulative_savings[t], unit);
  s2 = card_euro (p->savings[t], unit);
  d2 = g_strdup_printf (_("in %d: %s"), year, s2);
  tip2 = g_strdup_printf (_("Cost without interventions minus cost with them, added up from %d to %d, net of what the interventions cost"),
                          p->base_year, year);
  set_card (&cards[2], t2, v2, d2, tip2,
            p->cumulative_savings[t] > 0.5 ? 1 : p->cumulative_savings[t] < -0.5 ? -1 : 0);

  n3 = card_euro (p->npv, unit);
  d3 = g_strdup_printf (_("net present value %s"), n3);
  tip3 = g_strdup (_("The first year after which the cumulative savings stay above zero"));
  /* Nothing to pay back is no failure: said plainly, not in red. */
  if (!pmd_scenario_has_interventions (pmd_document_get_effective (self->document)))
    set_card (&cards[3], _("Paid back"), _("No interventions"), d3, tip3, 0);
  else
    {
      v3 = p->has_payback ? g_strdup_printf ("%d", p->payback_year) : g_strdup (_("Not within the horizon"));
      set_card (&cards[3], _("Paid back"), v3, d3, tip3, p->has_payback ? 1 : -1);
    }
}

/* Title, variants, levers, cards */

static void
update_title (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const char *variant = pmd_document_get_variant (self->document);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GFile *file = pmd_session_get_file (self->session);
  g_autofree char *basename = file ? g_file_get_basename (file) : NULL;
  const char *library_ref = pmd_session_get_library_ref (self->session);
  g_autofree char *from_library = library_ref && !basename
    ? g_strdup_printf (_("%s from the library, not saved"), library_ref) : NULL;

  g_string_append (subtitle, basename ? basename : from_library ? from_library : _("Not saved"));
  if (pmd_document_get_modified (self->document))
    g_string_append (subtitle, _(" • modified"));
  if (variant != NULL)
    {
      int idx = pmd_scenario_find_variant (sc, variant);
      if (idx >= 0)
        g_string_append_printf (subtitle, _(" • variant: %s"), ((PmdVariant *) g_ptr_array_index (sc->variants, idx))->name);
    }
  /* In a meeting the room sees which variant it is looking at. */
  {
    int idx = variant != NULL ? pmd_scenario_find_variant (sc, variant) : -1;
    g_autofree char *shown = idx >= 0
      ? g_strdup_printf (_("Variant: %s"), ((PmdVariant *) g_ptr_array_index (sc->variants, idx))->name)
      : g_strdup_printf (_("Variant: %s"), _("As written"));

    gtk_label_set_text (self->meeting_variant, shown);
  }
  adw_window_title_set_title (self->window_title, sc->name && *sc->name ? sc->name : _("Untitled scenario"));
  adw_window_title_set_subtitle (self->window_title, subtitle->str);
  gtk_window_set_title (GTK_WINDOW (self), sc->name && *sc->name ? sc->name : _("Piramide"));
  gtk_label_set_text (self->meeting_title, sc->name);
}

static void
variant_selected_cb (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  guint selected = gtk_drop_down_get_selected (self->variant_dropdown);
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= sc->variants->len)
    id = ((PmdVariant *) g_ptr_array_index (sc->variants, selected - 1))->id;
  if (!pmd_document_set_variant (self->document, id, &error))
    {
      toast (self, error->message);
      _pmd_window_update_all (self);
    }
}

static void
update_variants (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const char *current = pmd_document_get_variant (self->document);
  g_autoptr(GString) shape = g_string_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < sc->variants->len; i++)
    {
      const PmdVariant *v = g_ptr_array_index (sc->variants, i);
      g_string_append_printf (shape, "%s=%s;", v->id, v->name);
      if (g_strcmp0 (current, v->id) == 0)
        selected = i + 1;
    }

  g_signal_handler_block (self->variant_dropdown, self->variant_handler);
  if (g_strcmp0 (shape->str, self->variant_shape) != 0)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

      gtk_string_list_append (list, _("As written"));
      for (guint i = 0; i < sc->variants->len; i++)
        gtk_string_list_append (list, ((PmdVariant *) g_ptr_array_index (sc->variants, i))->name);
      gtk_drop_down_set_model (self->variant_dropdown, G_LIST_MODEL (list));
      g_free (self->variant_shape);
  g_free (self->pending_ref);
      self->variant_shape = g_strdup (shape->str);
    }
  gtk_drop_down_set_selected (self->variant_dropdown, selected);
  g_signal_handler_unblock (self->variant_dropdown, self->variant_handler);
}

static void
update_year_range (PmdWindow *self)
{
  const PmdProjection *p = pmd_document_get_projection (self->document);
  int last = p->base_year + p->n_years - 1;
  int year = self->chosen_year;

  /* The year chosen stays chosen: a horizon made shorter and undone
   * brings it back, rather than leaving the field at the base year. */
  if (year < p->base_year || year > last)
    year = p->base_year + MIN (p->n_years - 1, 10);
  self->setting_year = TRUE;
  gtk_spin_button_set_range (self->year_spin, p->base_year, last);
  gtk_spin_button_set_value (self->year_spin, year);
  self->setting_year = FALSE;
}

void
_pmd_window_update_all (PmdWindow *self)
{
  update_year_range (self);
  _pmd_window_update_levers (self);
  update_cards (self, self->cards);
  update_cards (self, self->big_cards);
  _pmd_window_update_meeting_uncertainty (self);
  update_title (self);
  update_variants (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", pmd_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", pmd_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.variant-rename", pmd_document_get_variant (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.variant-delete", pmd_document_get_variant (self->document) != NULL);
}

static void
document_changed_cb (PmdWindow     *self,
                     PmdChangeFlags flags)
{
  /* The levers are the cohorts' points, the interventions and the ranges:
   * built again only when those came, went or were renamed, or a range
   * moved, so that a slider being dragged is not replaced under the
   * pointer. */
  if ((flags & PMD_CHANGE_STRUCTURE && flags & (PMD_CHANGE_COHORTS | PMD_CHANGE_INTERVENTIONS)) ||
      flags & (PMD_CHANGE_RANGES | PMD_CHANGE_FILE))
    self->levers_stale = TRUE;
  _pmd_window_update_all (self);
}

static void
year_changed_cb (PmdWindow *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (!self->setting_year)
    self->chosen_year = year;
  pmd_chart_view_set_year (self->pyramid_view, year);
  pmd_chart_view_set_year (self->bridge_view, year);
  update_cards (self, self->cards);
  update_cards (self, self->big_cards);
  _pmd_window_update_meeting_uncertainty (self);
}

/* GTK 4.8's paned takes a press at the place its handle had also while
 * the handle is hidden with the sidebar: a strip of the Posten table (the
 * Basiskosten column at 1.024 px) took no clicks. Its gestures listen
 * only while the handle is there. */
static void
set_paned_listens (GtkWidget *paned,
                   gboolean   listens)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (paned);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      GtkPropagationPhase phase = gtk_event_controller_get_propagation_phase (controller);

      if (!GTK_IS_GESTURE (controller))
        continue;
      /* The phase GTK gave it, kept while it does not listen. */
      if (phase != GTK_PHASE_NONE)
        g_object_set_data (G_OBJECT (controller), "pmd-phase", GINT_TO_POINTER (phase));
      gtk_event_controller_set_propagation_phase (controller, listens ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (controller), "pmd-phase"))
                                                                      : GTK_PHASE_NONE);
    }
}

/* The levers move the figures: they stand beside the pages that show
 * figures. The pages that edit the scenario's tables (Posten, Maatregelen,
 * Aannames) get the whole width, which a 1.024 px beamer needs. */
static void
page_shown_cb (PmdWindow *self)
{
  static const char *const with_levers[] = { "overview", "analysis", "uncertainty", "compare", NULL };
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean levers = name == NULL || g_strv_contains (with_levers, name);

  gtk_widget_set_visible (self->sidebar, levers);
  set_paned_listens (gtk_widget_get_parent (self->sidebar), levers);
}

/* GObject */

static void
pmd_window_constructed (GObject *object)
{
  PmdWindow *self = PMD_WINDOW (object);

  G_OBJECT_CLASS (pmd_window_parent_class)->constructed (object);

  /* A window built without one (by GtkBuilder, say) shows a session of its
   * own. */
  if (self->session == NULL)
    self->session = pmd_session_new ();
  self->document = g_object_ref (pmd_session_get_document (self->session));
  _pmd_undo_keys_install (GTK_WIDGET (self), self->document);
  g_signal_connect_swapped (self->document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  pmd_chart_view_set_document (self->curves_view, self->document);
  pmd_chart_view_set_document (self->pyramid_view, self->document);
  pmd_chart_view_set_document (self->bridge_view, self->document);
  pmd_chart_view_set_document (self->savings_view, self->document);
  pmd_chart_view_set_document (self->variants_view, self->document);
  pmd_chart_view_set_document (self->meeting_chart, self->document);
  pmd_history_popover_set_document (self->history_popover, self->document);

  self->lines_page = pmd_lines_page_new (self->document);
  gtk_scrolled_window_set_child (self->lines_scroller, GTK_WIDGET (self->lines_page));
  {
    AdwViewStack *stack = self->view_stack;
    AdwViewStackPage *page;

    self->uncertainty_page = pmd_uncertainty_page_new (self->document);
    page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), GTK_WIDGET (self->uncertainty_page),
                                      "uncertainty", _("Uncertainty"));
    adw_view_stack_page_set_icon_name (page, "dialog-question-symbolic");
    self->compare_page = pmd_compare_page_new (self->document);
    page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), GTK_WIDGET (self->compare_page),
                                      "compare", _("Compare"));
    adw_view_stack_page_set_icon_name (page, "view-dual-symbolic");
    self->interventions_page = pmd_interventions_page_new (self->document);
    page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), GTK_WIDGET (self->interventions_page),
                                      "interventions", _("Interventions"));
    adw_view_stack_page_set_icon_name (page, "emblem-system-symbolic");
    self->assumptions_page = pmd_assumptions_page_new (self->document);
    page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), GTK_WIDGET (self->assumptions_page),
                                      "assumptions", _("Assumptions"));
    adw_view_stack_page_set_icon_name (page, "preferences-other-symbolic");
  }
  _pmd_window_init_library (self);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (page_shown_cb), self,
                           G_CONNECT_SWAPPED);
  self->levers_stale = TRUE;
  _pmd_window_update_all (self);
  _pmd_window_init_files (self);
  gtk_spin_button_set_value (self->year_spin, pmd_document_get_projection (self->document)->base_year + 10);
  year_changed_cb (self);
}

static void
pmd_window_dispose (GObject *object)
{
  PmdWindow *self = PMD_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  _pmd_window_dispose_library (self);
  _pmd_window_dispose_explain (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_WINDOW);

  g_clear_pointer (&self->levers, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pmd_window_parent_class)->dispose (object);
}

static void
pmd_window_finalize (GObject *object)
{
  PmdWindow *self = PMD_WINDOW (object);

  g_free (self->variant_shape);
  g_free (self->pending_ref);

  G_OBJECT_CLASS (pmd_window_parent_class)->finalize (object);
}

static void
pmd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PmdWindow *self = PMD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PmdWindow *self = PMD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_window_class_init (PmdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pmd_window_constructed;
  object_class->dispose = pmd_window_dispose;
  object_class->finalize = pmd_window_finalize;
  object_class->get_property = pmd_window_get_property;
  object_class->set_property = pmd_window_set_property;
  window_class->close_request = _pmd_window_close_request;

  /**
   * PmdWindow:session:
   *
   * The session whose scenario the window shows.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PMD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referenced, so that the linker keeps the resource (and the constructor
   * that registers it) from the static library. */
  g_assert_nonnull (pmd_ui_get_resource ());
  g_type_ensure (PMD_TYPE_CHART_VIEW);
  g_type_ensure (PMD_TYPE_HISTORY_POPOVER);
  g_type_ensure (PMD_TYPE_MESSAGE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, variant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, levers_box);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, cards_box);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, curves_view);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, pyramid_view);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, bridge_view);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, savings_view);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, variants_view);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, lines_scroller);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, meeting_title);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, meeting_variant);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, meeting_cards);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, meeting_chart);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, meeting_levers);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, history_popover);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, meeting_uncertainty);

  _pmd_window_class_add_actions (widget_class);
  _pmd_window_class_add_explain_actions (widget_class);
}

static void
pmd_window_init (PmdWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pmd_field_init_spin (self->year_spin, PMD_FIELD_YEAR, _("Year"));

  /* main() refuses to start without the schema; tests set it up. */
  self->settings = pmd_settings_new (&error);
  g_assert_no_error (error);
  /* The size it had last: read once, written as it changes (a window
   * opened later does not resize those already open). GTK leaves the
   * default size alone while maximized or full screen. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  make_cards (self->cards, self->cards_box);
  make_cards (self->big_cards, self->meeting_cards);
  pmd_chart_view_set_font_scale (self->curves_view, 1.15);
  pmd_chart_view_set_font_scale (self->pyramid_view, 1.15);

  _pmd_window_init_levers (self);
  _pmd_window_init_explain (self);
  _pmd_window_init_meeting (self);
  _pmd_window_init_dnd (self);
  self->variant_handler = g_signal_connect_swapped (self->variant_dropdown, "notify::selected",
                                                    G_CALLBACK (variant_selected_cb), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self);
}

/**
 * pmd_window_new:
 * @application: the application the window belongs to
 * @session: the session to show
 */
PmdWindow *
pmd_window_new (GtkApplication *application,
                PmdSession     *session)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PMD_IS_SESSION (session), NULL);

  return g_object_new (PMD_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

/**
 * pmd_window_add_toast:
 * @message: what to tell the user, briefly
 *
 * Shows @message at the bottom of the window, as the window's own notices;
 * one too long for a toast is shown whole at the top of the content.
 */
void
pmd_window_add_toast (PmdWindow  *self,
                      const char *message)
{
  g_return_if_fail (PMD_IS_WINDOW (self));
  toast (self, message);
}

PmdSession *
pmd_window_get_session (PmdWindow *self)
{
  g_return_val_if_fail (PMD_IS_WINDOW (self), NULL);
  return self->session;
}

PmdDocument *
pmd_window_get_document (PmdWindow *self)
{
  g_return_val_if_fail (PMD_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * pmd_window_find_session:
 * @widget: a widget in a window, or a dialog of one
 *
 * Returns: (nullable) (transfer none): the session of the #PmdWindow
 *   that @widget is in or is a dialog of
 */
PmdSession *
pmd_window_find_session (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && !PMD_IS_WINDOW (root))
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  return PMD_IS_WINDOW (root) ? PMD_WINDOW (root)->session : NULL;
}
