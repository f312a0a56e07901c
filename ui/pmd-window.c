/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pmd-window.h"
#include "pmd-paths.h"
#include "pmd-format.h"
#include "pmd-window-private.h"
#include "pmd-chart-view.h"
#include "pmd-lines-page.h"
#include "pmd-interventions-page.h"
#include "pmd-uncertainty-page.h"
#include "pmd-compare-page.h"
#include "pmd-goal-seek-dialog.h"
#include "pmd-ranges-dialog.h"
#include "pmd-assumptions-page.h"
#include "pmd-money-dialog.h"
#include "pmd-export-dialog.h"
#include "pmd-scenario-file.h"
#include "pmd-chart-export.h"
#include "pmd-documents.h"
#include "pmd-file-writer.h"
#include "pmd-ui-resources.h"

#define AUTOSAVE_SECONDS 5

typedef struct
{
  PmdWindow  *window;
  char       *path;
  const PmdParamFacts *facts;  /* unit, decimals and step: the parameter table */
  GtkRange   *scale;
  GtkLabel   *value;
  gulong      handler;
} Lever;

typedef struct
{
  GtkLabel *title;
  GtkLabel *value;
  GtkLabel *detail;
  GtkWidget *box;
} Card;

typedef void (*ContinueFunc) (PmdWindow *self);

struct _PmdWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *mode_stack;
  AdwWindowTitle  *window_title;
  GtkDropDown     *variant_dropdown;
  GtkBox          *levers_box;
  GtkSpinButton   *year_spin;
  GtkFlowBox      *cards_box;
  PmdChartView    *curves_view;
  PmdChartView    *pyramid_view;
  PmdChartView    *bridge_view;
  PmdChartView    *savings_view;
  PmdChartView    *variants_view;
  GtkScrolledWindow *lines_scroller;
  GtkLabel        *meeting_title;
  GtkLabel        *meeting_variant;
  GtkFlowBox      *meeting_cards;
  PmdChartView    *meeting_chart;
  GtkBox          *meeting_levers;
  GMenu           *recent_section;

  PmdDocument     *document;
  GFile           *file;
  GSettings       *settings;
  PmdLinesPage    *lines_page;
  PmdInterventionsPage *interventions_page;
  PmdUncertaintyPage *uncertainty_page;
  PmdComparePage  *compare_page;
  int              size_before_meeting[2];
  PmdAssumptionsPage *assumptions_page;

  GPtrArray       *levers;        /* Lever */
  gboolean         levers_stale;  /* the levers are built again on the next update */
  char            *variant_shape;
  gulong           variant_handler;
  Card             cards[4];
  Card             big_cards[4];

  guint            autosave_id;
  guint            changes;       /* document changes, for autosave */
  guint            autosaved_changes;
  ContinueFunc     pending;       /* after "save changes?" is answered */
  GFile           *pending_file;  /* to open once that is answered */
  gboolean         closing;
};

G_DEFINE_FINAL_TYPE (PmdWindow, pmd_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_all (PmdWindow *self);
static void save_as (PmdWindow *self);

/* Helpers */

static void
toast (PmdWindow  *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
error_dialog (PmdWindow  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
autosave_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "piramide", name, NULL);
}

static void
remove_autosave (void)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");

  g_unlink (path);
  g_unlink (meta);
}

/* Levers: the few sliders that move the picture */

static void
lever_free (gpointer data)
{
  Lever *lever = data;
  g_free (lever->path);
  g_free (lever);
}

static void
lever_changed_cb (GtkRange *range,
                  Lever    *lever)
{
  PmdWindow *self = lever->window;
  g_autoptr(GError) error = NULL;
  double value = gtk_range_get_value (range);

  if (lever->facts->unit == PMD_UNIT_COUNT)
    value = round (value);
  if (!pmd_document_set_param (self->document, lever->path, value, lever->path, &error))
    {
      toast (self, error->message);
      update_all (self);
    }
}

static void rebuild_levers (PmdWindow *self);
static void clear_box (GtkBox *box);
static void build_levers_into (PmdWindow *self,
                               GtkBox    *box,
                               gboolean   meeting);
static void sync_levers (PmdWindow *self);

static void
star_toggled_cb (GtkToggleButton *star,
                 PmdWindow       *self)
{
  const char *path = g_object_get_data (G_OBJECT (star), "pmd-path");
  g_auto(GStrv) marked = g_settings_get_strv (self->settings, "meeting-levers");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; marked[i]; i++)
    if (!g_str_equal (marked[i], path))
      g_strv_builder_add (builder, marked[i]);
  if (gtk_toggle_button_get_active (star))
    g_strv_builder_add (builder, path);
  gtk_button_set_icon_name (GTK_BUTTON (star), gtk_toggle_button_get_active (star)
                                               ? "starred-symbolic" : "non-starred-symbolic");
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "meeting-levers", (const char *const *) result);
}

static void
meeting_levers_changed_cb (PmdWindow *self)
{
  /* Only the meeting page's levers depend on the marks. */
  for (guint i = self->levers->len; i > 0; i--)
    {
      Lever *lever = g_ptr_array_index (self->levers, i - 1);
      if (gtk_widget_is_ancestor (GTK_WIDGET (lever->scale), GTK_WIDGET (self->meeting_levers)))
        g_ptr_array_remove_index (self->levers, i - 1);
    }
  clear_box (self->meeting_levers);
  build_levers_into (self, self->meeting_levers, TRUE);
  sync_levers (self);
}

/* The wheel scrolls the sidebar, never the lever under the pointer: a lever
 * passing under the pointer while the sidebar scrolled changed the scenario
 * unseen. The keyboard and dragging still move it. */
static gboolean
lever_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 gpointer                  user_data)
{
  GtkWidget *scale = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller = gtk_widget_get_ancestor (scale, GTK_TYPE_SCROLLED_WINDOW);

  if (scroller != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      /* A wheel click scrolls as far as GTK's own scrolled windows do. */
      double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
                    ? pow (gtk_adjustment_get_page_size (adj), 2.0 / 3.0) : 1.0;

      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + dy * step);
    }
  return TRUE;
}

static GtkWidget *
add_lever (PmdWindow   *self,
           GtkBox      *box,
           const char  *label,
           const char  *path,
           double       lo,
           double       hi,
           gboolean     big)
{
  const PmdParamFacts *facts = pmd_param_facts (path);
  double step = facts->step;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, lo, hi, step);
  Lever *lever = g_new0 (Lever, 1);
  double current = 0;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  /* Long Dutch compounds break too, so the sidebar keeps its width. */
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (name), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "lever-label");
  gtk_widget_add_css_class (value, "lever-value");
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), value);
  /* Every number says where it comes from. */
  gtk_widget_set_tooltip_text (row, pmd_scenario_get_param_source (pmd_document_get_scenario (self->document), path));
  gtk_box_append (GTK_BOX (row), top);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (row), scale);
  if (big)
    gtk_widget_add_css_class (row, "big-lever");
  else
    {
      /* A star marks the lever for meeting mode. */
      GtkWidget *star = gtk_toggle_button_new ();
      g_auto(GStrv) marked = g_settings_get_strv (self->settings, "meeting-levers");

      gtk_button_set_icon_name (GTK_BUTTON (star), g_strv_contains ((const char *const *) marked, path)
                                                   ? "starred-symbolic" : "non-starred-symbolic");
      gtk_widget_add_css_class (star, "flat");
      gtk_widget_add_css_class (star, "circular");
      gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (star, _("Show in meeting mode"));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), g_strv_contains ((const char *const *) marked, path));
      g_object_set_data_full (G_OBJECT (star), "pmd-path", g_strdup (path), g_free);
      g_signal_connect (star, "toggled", G_CALLBACK (star_toggled_cb), self);
      gtk_box_append (GTK_BOX (top), star);
    }
  if (gtk_widget_get_parent (GTK_WIDGET (box)) == NULL && g_object_get_data (G_OBJECT (box), "pmd-parent"))
    gtk_box_append (g_object_get_data (G_OBJECT (box), "pmd-parent"), GTK_WIDGET (box));
  gtk_box_append (box, row);

  lever->window = self;
  lever->path = g_strdup (path);
  lever->facts = facts;
  lever->scale = GTK_RANGE (scale);
  lever->value = GTK_LABEL (value);
  pmd_document_get_param (self->document, path, &current);
  gtk_range_set_value (lever->scale, current);
  lever->handler = g_signal_connect (scale, "value-changed", G_CALLBACK (lever_changed_cb), lever);
  {
    GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

    gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
    g_signal_connect (wheel, "scroll", G_CALLBACK (lever_scroll_cb), NULL);
    gtk_widget_add_controller (scale, wheel);
  }
  g_object_set_data (G_OBJECT (scale), "pmd-path", lever->path);
  g_ptr_array_add (self->levers, lever);
  return row;
}

/* A titled group of levers; it joins @parent with its first lever, so that
 * meeting mode shows no empty headings. */
static GtkWidget *
lever_group (GtkBox     *parent,
             const char *title)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (group), heading);
  g_object_set_data (G_OBJECT (group), "pmd-parent", parent);
  g_object_ref_sink (group);
  g_object_set_data_full (G_OBJECT (parent), title, group, g_object_unref);
  return group;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A range around @value: the file's range when it has one. */
static void
lever_range (const PmdScenario *sc,
             const char        *path,
             double             value,
             double             lo,
             double             hi,
             double            *out_lo,
             double            *out_hi)
{
  int k = pmd_scenario_find_range (sc, path);

  if (k >= 0)
    {
      lo = ((PmdRange *) g_ptr_array_index (sc->ranges, k))->low;
      hi = ((PmdRange *) g_ptr_array_index (sc->ranges, k))->high;
    }
  *out_lo = MIN (lo, value);
  *out_hi = MAX (hi, value);
  if (*out_hi <= *out_lo)
    *out_hi = *out_lo + 1;
}

static gboolean
is_meeting_lever (PmdWindow  *self,
                  const char *path,
                  guint       n_interventions)
{
  g_auto(GStrv) marked = g_settings_get_strv (self->settings, "meeting-levers");

  if (marked[0] != NULL)
    return g_strv_contains ((const char *const *) marked, path);
  /* Nothing marked: the demography and the first interventions' effects. */
  return g_str_has_prefix (path, "cohorts.") || (g_str_has_prefix (path, "interventions.") && n_interventions < 4);
}

static void
build_levers_into (PmdWindow *self,
                   GtkBox    *box,
                   gboolean   meeting)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  GtkWidget *group;
  guint n_interventions = 0;

#define LEVER(grp, label, path, lo, hi) \
  G_STMT_START { \
    if (!meeting || is_meeting_lever (self, path, n_interventions)) \
      add_lever (self, GTK_BOX (grp), label, path, lo, hi, meeting); \
    if (g_str_has_prefix (path, "interventions.")) \
      n_interventions++; \
  } G_STMT_END

  group = lever_group (box, _("Demography"));
  for (guint i = 0; i < sc->cohorts->len; i++)
    {
      const PmdCohort *c = g_ptr_array_index (sc->cohorts, i);
      const PmdYearValue *last = &g_array_index (c->points, PmdYearValue, c->points->len - 1);
      g_autofree char *path = g_strdup_printf ("cohorts.%s.points.%u", c->id, c->points->len - 1);
      g_autofree char *label = pmd_scenario_describe_param (sc, path);
      double lo, hi;

      if (c->points->len < 2)
        continue;
      lever_range (sc, path, last->value, last->value * 0.5, last->value * 1.5, &lo, &hi);
      LEVER (group, label, path, lo, hi);
    }

  group = lever_group (box, _("Growth and prices"));
  {
    double lo, hi;
    lever_range (sc, "scenario.indexation", sc->indexation, 0, 0.06, &lo, &hi);
    g_autofree char *label = pmd_scenario_describe_param (sc, "scenario.indexation");
    LEVER (group, label, "scenario.indexation", lo, hi);
  }
  for (guint i = 0; i < sc->ranges->len; i++)
    {
      const PmdRange *r = g_ptr_array_index (sc->ranges, i);
      g_auto(GStrv) parts = g_strsplit (r->path, ".", 3);
      int line;
      g_autofree char *label = NULL;
      double value = 0, lo, hi;

      if (g_strv_length (parts) != 3 || !g_str_equal (parts[0], "lines"))
        continue;
      line = pmd_scenario_find_line (sc, parts[1]);
      if (line < 0)
        continue;
      if (!g_str_equal (parts[2], "growth") && !g_str_equal (parts[2], "elasticity"))
        continue;
      label = pmd_scenario_describe_param (sc, r->path);
      pmd_scenario_get_param ((PmdScenario *) sc, r->path, &value, NULL);
      lever_range (sc, r->path, value, r->low, r->high, &lo, &hi);
      LEVER (group, label, r->path, lo, hi);
    }

  if (sc->interventions->len > 0)
    group = lever_group (box, _("Interventions"));
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      g_autofree char *path = NULL;
      g_autofree char *label = NULL;
      double lo, hi;

      if (iv->type == PMD_INTERVENTION_INVEST)
        {
          path = g_strdup_printf ("interventions.%s.amount", iv->id);
          label = pmd_scenario_describe_param (sc, path);
          lever_range (sc, path, iv->amount, 0, MAX (3 * iv->amount, 1e6), &lo, &hi);
          LEVER (group, label, path, lo, hi);
        }
      else
        {
          path = g_strdup_printf ("interventions.%s.fraction", iv->id);
          label = pmd_scenario_describe_param (sc, path);
          lever_range (sc, path, iv->fraction, 0, MIN (1.0, MAX (0.5, 3 * iv->fraction)), &lo, &hi);
          LEVER (group, label, path, lo, hi);
        }
    }

  group = lever_group (box, _("Funding"));
  {
    double lo, hi;
    lever_range (sc, "funding.growth", sc->funding.growth, -0.03, 0.03, &lo, &hi);
    g_autofree char *label = pmd_scenario_describe_param (sc, "funding.growth");
    LEVER (group, label, "funding.growth", lo, hi);
  }
#undef LEVER
}

static void
rebuild_levers (PmdWindow *self)
{
  g_ptr_array_set_size (self->levers, 0);
  clear_box (self->levers_box);
  clear_box (self->meeting_levers);
  build_levers_into (self, self->levers_box, FALSE);
  build_levers_into (self, self->meeting_levers, TRUE);
}

/* Shows each lever's value as the document has it, without editing. */
/* Whether moving the lever of @path can change anything: not when it belongs
 * to an intervention that is switched off (in the file or the variant shown). */
static gboolean
lever_is_live (PmdWindow  *self,
               const char *path)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *enabled = NULL;
  double on = 1;

  if (!g_str_has_prefix (path, "interventions."))
    return TRUE;
  parts = g_strsplit (path, ".", 3);
  enabled = g_strdup_printf ("interventions.%s.enabled", parts[1]);
  return !pmd_document_get_param (self->document, enabled, &on) || on != 0;
}

static void
sync_levers (PmdWindow *self)
{
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *lever = g_ptr_array_index (self->levers, i);
      GtkAdjustment *adj = gtk_range_get_adjustment (lever->scale);
      g_autofree char *text = NULL;
      double value = 0;

      if (!pmd_document_get_param (self->document, lever->path, &value))
        continue;
      /* A switched-off intervention's lever would move and change nothing:
       * it rests, and says why. */
      if (!lever_is_live (self, lever->path))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (lever->scale), FALSE);
          gtk_label_set_text (lever->value, C_("intervention", "off"));
          gtk_widget_set_tooltip_text (GTK_WIDGET (lever->scale), _("This intervention is switched off"));
          continue;
        }
      gtk_widget_set_sensitive (GTK_WIDGET (lever->scale), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (lever->scale), NULL);
      g_signal_handler_block (lever->scale, lever->handler);
      if (value < gtk_adjustment_get_lower (adj))
        gtk_adjustment_set_lower (adj, value);
      if (value > gtk_adjustment_get_upper (adj))
        gtk_adjustment_set_upper (adj, value);
      if (gtk_range_get_value (lever->scale) != value)
        gtk_range_set_value (lever->scale, value);
      g_signal_handler_unblock (lever->scale, lever->handler);
      text = pmd_param_facts_format (lever->facts, value);
      gtk_label_set_text (lever->value, text);
    }
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

  if (t < 0)
    t = p->n_years - 1, year = p->base_year + t;

  t0 = g_strdup_printf (_("Cost %d"), year);
  v0 = pmd_format_euro_compact (p->total_scenario[t]);
  b0 = pmd_format_euro_compact (p->total_baseline[t]);
  d0 = g_strdup_printf (_("without interventions %s"), b0);
  tip0 = g_strdup_printf (_("All cost lines in %d with the interventions, their investment included; without interventions: %s"),
                          year, b0);
  set_card (&cards[0], t0, v0, d0, tip0, 0);

  t1 = g_strdup_printf (_("Gap %d"), year);
  v1 = pmd_format_euro_compact (p->gap[t]);
  f1 = pmd_format_euro_compact (p->funding[t]);
  d1 = g_strdup_printf (_("funding %s"), f1);
  tip1 = g_strdup_printf (_("Cost minus funding in %d; the funding is %s (base, growth and steps such as the Ravijnjaar)"),
                          year, f1);
  set_card (&cards[1], t1, v1, d1, tip1, p->gap[t] > 0.5 ? -1 : p->gap[t] < -0.5 ? 1 : 0);

  t2 = g_strdup_printf (_("Savings to %d"), year);
  v2 = pmd_format_euro_compact (p->cumulative_savings[t]);
  s2 = pmd_format_euro_compact (p->savings[t]);
  d2 = g_strdup_printf (_("in %d: %s"), year, s2);
  tip2 = g_strdup_printf (_("Cost without interventions minus cost with them, added up from %d to %d, net of what the interventions cost"),
                          p->base_year, year);
  set_card (&cards[2], t2, v2, d2, tip2,
            p->cumulative_savings[t] > 0.5 ? 1 : p->cumulative_savings[t] < -0.5 ? -1 : 0);

  v3 = p->has_payback ? g_strdup_printf ("%d", p->payback_year) : g_strdup (_("Not within the horizon"));
  n3 = pmd_format_euro_compact (p->npv);
  d3 = g_strdup_printf (_("net present value %s"), n3);
  tip3 = g_strdup (_("The first year after which the cumulative savings stay above zero"));
  set_card (&cards[3], _("Paid back"), v3, d3, tip3, p->has_payback ? 1 : -1);
}

/* Title, variants, levers, cards */

static void
update_title (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const char *variant = pmd_document_get_variant (self->document);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *basename = self->file ? g_file_get_basename (self->file) : NULL;

  g_string_append (subtitle, basename ? basename : _("Not saved"));
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
      update_all (self);
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
      self->variant_shape = g_strdup (shape->str);
    }
  gtk_drop_down_set_selected (self->variant_dropdown, selected);
  g_signal_handler_unblock (self->variant_dropdown, self->variant_handler);
}

static void
update_year_range (PmdWindow *self)
{
  const PmdProjection *p = pmd_document_get_projection (self->document);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  gtk_spin_button_set_range (self->year_spin, p->base_year, p->base_year + p->n_years - 1);
  if (year < p->base_year || year > p->base_year + p->n_years - 1)
    gtk_spin_button_set_value (self->year_spin, p->base_year + MIN (p->n_years - 1, 10));
}

static void
update_all (PmdWindow *self)
{
  update_year_range (self);
  if (self->levers_stale)
    {
      rebuild_levers (self);
      self->levers_stale = FALSE;
    }
  sync_levers (self);
  update_cards (self, self->cards);
  update_cards (self, self->big_cards);
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
  self->changes++;
  update_all (self);
}

static void
year_changed_cb (PmdWindow *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  pmd_chart_view_set_year (self->pyramid_view, year);
  pmd_chart_view_set_year (self->bridge_view, year);
  update_cards (self, self->cards);
  update_cards (self, self->big_cards);
}

/* Files */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);
  return g_date_time_compare (tb, ta);
}

/* The eight scenario files used last, newest first, that still exist. */
static void
update_recent (PmdWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".piramide") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
set_file (PmdWindow *self,
          GFile     *file)
{
  g_set_object (&self->file, file);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *path = g_file_get_path (file);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      update_recent (self);
      if (path != NULL)
        g_settings_set_string (self->settings, "last-file", path);
    }
  update_title (self);
}

/**
 * pmd_window_load_file:
 *
 * Opens @file. When it cannot be read or is not a valid scenario, the
 * scenario already open stays as it is.
 */
gboolean
pmd_window_load_file (PmdWindow *self,
                      GFile     *file,
                      GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  PmdScenario *sc;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      return FALSE;
    }
  sc = pmd_scenario_load_file (path, error);
  if (sc == NULL)
    return FALSE;
  pmd_document_replace (self->document, sc);
  remove_autosave ();
  set_file (self, file);
  return TRUE;
}

static void
open_file_now (PmdWindow *self,
               GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (!pmd_window_load_file (self, file, &error))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = pmd_format_escape_text (basename);
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
      error_dialog (self, heading, error->message);
    }
}

gboolean
pmd_window_save_to (PmdWindow *self,
                    GFile     *file,
                    GError   **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved"));
      return FALSE;
    }
  if (!pmd_scenario_save_file (pmd_document_get_scenario (self->document), path, error))
    return FALSE;
  pmd_document_set_saved (self->document);
  remove_autosave ();
  set_file (self, file);
  return TRUE;
}

/* Runs the pending continuation (after "save changes?"), once. */
static void
run_pending (PmdWindow *self)
{
  ContinueFunc pending = self->pending;

  self->pending = NULL;
  if (pending != NULL)
    pending (self);
}

static void
save_done (PmdWindow *self,
           gboolean   saved)
{
  if (saved)
    run_pending (self);
  else
    self->pending = NULL;
}

static void
save_now (PmdWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    {
      save_as (self);
      return;
    }
  if (!pmd_window_save_to (self, self->file, &error))
    {
      error_dialog (self, _("Could not save the scenario"), error->message);
      save_done (self, FALSE);
      return;
    }
  toast (self, _("Saved"));
  save_done (self, TRUE);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     PmdWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      save_done (self, FALSE);
      g_object_unref (dialog);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (!pmd_window_save_to (self, file, &error))
    {
      error_dialog (self, _("Could not save the scenario"), error->message);
      save_done (self, FALSE);
      return;
    }
  toast (self, _("Saved"));
  save_done (self, TRUE);
}

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Piramide scenarios"));
  gtk_file_filter_add_pattern (filter, "*.piramide");
  return filter;
}

static void
save_as (PmdWindow *self)
{
  GtkFileChooserNative *chooser;
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autofree char *name = g_strdup_printf ("%s.piramide", sc->name && *sc->name ? sc->name : _("scenario"));
  g_autoptr(GtkFileFilter) filter = scenario_filter ();

  chooser = gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PmdWindow        *self)
{
  if (g_str_equal (response, "save"))
    save_now (self);
  else if (g_str_equal (response, "discard"))
    {
      remove_autosave ();
      run_pending (self);
    }
  else
    {
      self->pending = NULL;
      self->closing = FALSE;
    }
}

/* Runs @then now, or after the user saved or discarded the changes. */
static void
confirm_discard (PmdWindow   *self,
                 ContinueFunc then)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  self->pending = then;
  if (!pmd_document_get_modified (self->document))
    {
      run_pending (self);
      return;
    }
  heading = g_strdup_printf (_("Save changes to “%s”?"), sc->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("If you do not save, your changes will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pmd_window_load_bundled:
 * @name: "westland-2026" or "blank"
 *
 * Shows a scenario shipped with Piramide, not yet saved anywhere.
 */
void
pmd_window_load_bundled (PmdWindow  *self,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc = pmd_scenario_load_bundled (name, &error);

  if (sc == NULL)
    {
      g_critical ("The bundled scenario %s does not load: %s", name, error->message);
      return;
    }
  pmd_document_replace (self->document, sc);
  set_file (self, NULL);
}

static void
new_blank_then (PmdWindow *self)
{
  remove_autosave ();
  pmd_window_load_bundled (self, "blank");
}

static void
new_westland_then (PmdWindow *self)
{
  remove_autosave ();
  pmd_window_load_bundled (self, "westland-2026");
}

static void
open_pending_then (PmdWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  if (file != NULL)
    open_file_now (self, file);
}

/**
 * pmd_window_open_file:
 *
 * Opens @file after asking whether to save unsaved changes.
 */
void
pmd_window_open_file (PmdWindow *self,
                      GFile     *file)
{
  g_set_object (&self->pending_file, file);
  confirm_discard (self, open_pending_then);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  PmdWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      pmd_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  confirm_discard (PMD_WINDOW (widget), new_blank_then);
}

static void
new_westland_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  confirm_discard (PMD_WINDOW (widget), new_westland_then);
}

static void
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = scenario_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  pmd_window_open_file (PMD_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  PMD_WINDOW (widget)->pending = NULL;
  save_now (PMD_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  PMD_WINDOW (widget)->pending = NULL;
  save_as (PMD_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  pmd_document_undo (PMD_WINDOW (widget)->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  pmd_document_redo (PMD_WINDOW (widget)->document);
}

/* Back from meeting mode at the size the window had before: without a
 * window manager to restore it (Xvfb), the window came back wider, 1324
 * px instead of 1280. */
static void
leave_meeting (PmdWindow *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, "normal");
  gtk_window_unfullscreen (GTK_WINDOW (self));
  if (self->size_before_meeting[0] > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), self->size_before_meeting[0], self->size_before_meeting[1]);
}

static void
meeting_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "meeting"))
    {
      leave_meeting (self);
      return;
    }
  gtk_window_get_default_size (GTK_WINDOW (self), &self->size_before_meeting[0], &self->size_before_meeting[1]);
  gtk_stack_set_visible_child_name (self->mode_stack, "meeting");
  gtk_window_fullscreen (GTK_WINDOW (self));
}

static void
leave_meeting_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "meeting"))
    return;
  leave_meeting (self);
}

/* 1 shows the scenario as written, 2–9 its variants. */
static void
show_variant_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  guint n = g_variant_get_uint32 (param);
  const PmdScenario *sc = pmd_document_get_scenario (self->document);

  if (n >= 1 && n <= sc->variants->len + 1)
    gtk_drop_down_set_selected (self->variant_dropdown, n - 1);
}

static void
move_money_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  GtkWindow *dialog = pmd_money_dialog_new (GTK_WINDOW (self), self->document);

  gtk_window_present (dialog);
}

static void
ranges_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);

  gtk_window_present (pmd_ranges_dialog_new (GTK_WINDOW (self), self->document));
}

static void
goal_seek_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);

  gtk_window_present (pmd_goal_seek_dialog_new (GTK_WINDOW (self), self->document));
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  GtkWindow *dialog = pmd_export_dialog_new (GTK_WINDOW (self), self->document,
                                             gtk_spin_button_get_value_as_int (self->year_spin));

  gtk_window_present (dialog);
}

/* The report lists the scenario's documents; @refs points into @documents. */
static gboolean
set_report_documents (const PmdScenario  *sc,
                      PmdReportInput     *input,
                      GPtrArray         **documents,
                      PmdReportDocument **refs,
                      GError            **error)
{
  *documents = pmd_scenario_dup_documents (sc, error);
  if (*documents == NULL)
    return FALSE;
  *refs = g_new0 (PmdReportDocument, (*documents)->len + 1);
  for (guint i = 0; i < (*documents)->len; i++)
    {
      const PmdSourceDocument *d = g_ptr_array_index (*documents, i);
      (*refs)[i] = (PmdReportDocument) { d->short_title, d->title, d->note };
    }
  input->documents = *refs;
  input->n_documents = (*documents)->len;
  return TRUE;
}

/* The PDF, through the atomic writer; never over the open scenario's file. */
static gboolean
write_report (PmdWindow             *self,
              const PmdReportInput  *input,
              const char            *path,
              GError               **error)
{
  g_autoptr(GBytes) bytes = pmd_report_to_pdf (input, error);
  g_autofree char *scenario_path = self->file != NULL ? g_file_get_path (self->file) : NULL;

  return bytes != NULL &&
         pmd_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), scenario_path, error);
}

static void
report_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PmdWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdComparison) variants = pmd_comparison_new_variants (pmd_document_get_scenario (self->document), NULL);
      g_autoptr(GPtrArray) documents = NULL;
      g_autofree PmdReportDocument *refs = NULL;
      PmdReportInput input = { 0 };
      const char *variant = pmd_document_get_variant (self->document);
      const PmdScenario *sc = pmd_document_get_scenario (self->document);

      input.scenario = pmd_document_get_effective (self->document);
      input.projection = pmd_document_get_projection (self->document);
      input.variants = variants;
      input.year = gtk_spin_button_get_value_as_int (self->year_spin);
      if (variant != NULL && pmd_scenario_find_variant (sc, variant) >= 0)
        input.variant_name = ((PmdVariant *) g_ptr_array_index (sc->variants, pmd_scenario_find_variant (sc, variant)))->name;
      if (path == NULL || !set_report_documents (sc, &input, &documents, &refs, &error) ||
          !write_report (self, &input, path, &error))
        error_dialog (self, _("Could not write the report"), error ? error->message : _("Only local files can be written"));
      else
        toast (self, _("Report written"));
    }
  g_object_unref (dialog);
}

static void
report_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  GtkFileChooserNative *chooser;
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  g_autofree char *name = g_strdup_printf ("%s.pdf", sc->name && *sc->name ? sc->name : _("report"));

  chooser = gtk_file_chooser_native_new (_("Write Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (report_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Variants: new (from what is shown), rename, delete */

typedef struct
{
  char *id;
  char *name;
  char *copy_from;   /* the variant whose overrides the new one starts with */
} VariantEdit;

static void
variant_edit_free (VariantEdit *edit)
{
  g_free (edit->id);
  g_free (edit->name);
  g_free (edit->copy_from);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VariantEdit, variant_edit_free)

/* "Preventie 2030!" → "preventie-2030", unique among the variants. */
static char *
variant_id_for (const PmdScenario *sc,
                const char        *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      char c = g_ascii_tolower (*p);
      if (g_ascii_isalnum (c))
        g_string_append_c (id, c);
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "variant");
  if (pmd_scenario_find_variant (sc, id->str) >= 0)
    {
      g_autofree char *base = g_strdup (id->str);
      for (guint n = 2; pmd_scenario_find_variant (sc, id->str) >= 0; n++)
        g_string_printf (id, "%s-%u", base, n);
    }
  return g_string_free (g_steal_pointer (&id), FALSE);
}

static gboolean
add_variant_cb (PmdScenario *sc,
                gpointer     user_data,
                GError     **error)
{
  VariantEdit *edit = user_data;
  PmdVariant *v = pmd_variant_new (edit->id, edit->name);
  int from = edit->copy_from ? pmd_scenario_find_variant (sc, edit->copy_from) : -1;

  if (from >= 0)
    {
      PmdVariant *source = g_ptr_array_index (sc->variants, from);
      for (guint k = 0; k < source->overrides->len; k++)
        pmd_variant_add_override (v, g_array_index (source->overrides, PmdOverride, k).path,
                                  g_array_index (source->overrides, PmdOverride, k).value);
    }
  g_ptr_array_add (sc->variants, v);
  return TRUE;
}

static gboolean
delete_variant_cb (PmdScenario *sc,
                   gpointer     user_data,
                   GError     **error)
{
  g_ptr_array_remove_index (sc->variants, pmd_scenario_find_variant (sc, user_data));
  return TRUE;
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PmdWindow        *self)
{
  g_autoptr(VariantEdit) edit = g_object_steal_data (G_OBJECT (dialog), "pmd-edit");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pmd-entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "ok") || *name == '\0')
    return;
  g_free (edit->name);
  edit->name = g_steal_pointer (&name);
  if (edit->id == NULL)
    {
      edit->id = variant_id_for (pmd_document_get_scenario (self->document), edit->name);
      if (!pmd_document_edit (self->document, add_variant_cb, edit, &error) ||
          !pmd_document_set_variant (self->document, edit->id, &error))
        toast (self, error->message);
    }
  else if (!pmd_document_rename (self->document, "variants", edit->id, edit->name, &error))
    toast (self, error->message);
}

static void
ask_variant_name (PmdWindow   *self,
                  const char  *heading,
                  const char  *initial,
                  VariantEdit *edit)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", _("_OK"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pmd-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "pmd-edit", edit, (GDestroyNotify) variant_edit_free);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const PmdVariant *
shown_variant (PmdWindow *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const char *id = pmd_document_get_variant (self->document);
  int idx = id ? pmd_scenario_find_variant (sc, id) : -1;

  return idx >= 0 ? g_ptr_array_index (sc->variants, idx) : NULL;
}

static void
variant_new_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdVariant *shown = shown_variant (self);
  VariantEdit *edit = g_new0 (VariantEdit, 1);
  g_autofree char *initial = shown ? g_strdup_printf (_("Copy of %s"), shown->name) : g_strdup (_("New variant"));

  edit->copy_from = shown ? g_strdup (shown->id) : NULL;
  ask_variant_name (self, _("New Variant"), initial, edit);
}

static void
variant_rename_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdVariant *shown = shown_variant (self);
  VariantEdit *edit;

  if (shown == NULL)
    return;
  edit = g_new0 (VariantEdit, 1);
  edit->id = g_strdup (shown->id);
  ask_variant_name (self, _("Rename Variant"), shown->name, edit);
}

static void
variant_delete_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  const PmdVariant *shown = shown_variant (self);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *done;

  if (shown == NULL)
    return;
  id = g_strdup (shown->id);
  /* Show the scenario as written first: the variant is about to go. */
  pmd_document_set_variant (self->document, NULL, NULL);
  if (!pmd_document_edit (self->document, delete_variant_cb, id, &error))
    {
      toast (self, error->message);
      return;
    }
  done = adw_toast_new (_("Variant deleted"));
  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_action_name (done, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

/* Printing: the report, page by page, through the desktop's print dialog. */

typedef struct
{
  PmdReportInput     input;
  PmdComparison     *variants;
  GPtrArray         *documents;
  PmdReportDocument *refs;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;
  pmd_comparison_free (job->variants);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_free (job->refs);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, pmd_report_count_pages (&job->input));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  /* The report is laid out on A4 in points: scale it to the printable area. */
  double scale = MIN (width / 595.276, height / 841.89);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  pmd_report_render_page (&job->input, cr, page, 595.276, 841.89);
  cairo_restore (cr);
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  PmdWindow *self = PMD_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->variants = pmd_comparison_new_variants (pmd_document_get_scenario (self->document), NULL);
  job->input.scenario = pmd_document_get_effective (self->document);
  job->input.projection = pmd_document_get_projection (self->document);
  job->input.variants = job->variants;
  job->input.year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_object_set_data_full (G_OBJECT (operation), "pmd-job", job, print_job_free);
  if (!set_report_documents (pmd_document_get_scenario (self->document), &job->input, &job->documents, &job->refs,
                             &error))
    {
      error_dialog (self, _("Could not print"), error->message);
      return;
    }
  gtk_print_operation_set_job_name (operation, pmd_document_get_scenario (self->document)->name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    error_dialog (self, _("Could not print"), error->message);
}

/* Autosave and recovery */

static gboolean
autosave_cb (gpointer data)
{
  PmdWindow *self = data;
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  /* Kept already, unless the kept copy was removed meanwhile (by a cleaner,
   * by hand): then it is written again, not only after the next edit. */
  if (!pmd_document_get_modified (self->document) ||
      (self->changes == self->autosaved_changes && g_file_test (path, G_FILE_TEST_IS_REGULAR)))
    return G_SOURCE_CONTINUE;
  g_mkdir_with_parents (dir, 0700);
  if (!pmd_scenario_save_file (pmd_document_get_scenario (self->document), path, &error))
    {
      g_debug ("Autosave failed: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  {
    g_autofree char *source = self->file ? g_file_get_path (self->file) : g_strdup ("");
    pmd_file_write_atomic (meta, source ? source : "", source ? strlen (source) : 0, NULL, NULL);
  }
  self->autosaved_changes = self->changes;
  return G_SOURCE_CONTINUE;
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PmdWindow        *self)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  g_autofree char *meta = autosave_path ("autosave-source.txt");

  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *source = NULL;
      PmdScenario *sc = pmd_scenario_load_file (path, &error);

      if (sc == NULL)
        {
          error_dialog (self, _("Could not restore the unsaved work"), error->message);
          return;
        }
      pmd_document_replace (self->document, sc);
      pmd_document_set_unsaved (self->document);
      if (g_file_get_contents (meta, &source, NULL, NULL) && *source != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_path (source);
          g_set_object (&self->file, file);
        }
      else
        g_clear_object (&self->file);
      update_all (self);
      toast (self, _("Unsaved work restored"));
    }
  else if (g_str_equal (response, "discard"))
    remove_autosave ();
}

/**
 * pmd_window_check_recovery:
 *
 * Offers to restore work that was not saved when Piramide last stopped.
 */
void
pmd_window_check_recovery (PmdWindow *self)
{
  g_autofree char *path = autosave_path ("autosave.piramide");
  GtkWidget *dialog;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Work?"),
                                   _("Piramide stopped while a scenario had unsaved changes. They were kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing, dropping files */

static void
close_then (PmdWindow *self)
{
  self->closing = TRUE;
  remove_autosave ();
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  PmdWindow *self = PMD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->closing || !pmd_document_get_modified (self->document))
    {
      remove_autosave ();
      return FALSE;
    }
  confirm_discard (self, close_then);
  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PmdWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  pmd_window_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* GObject */

static void
pmd_window_dispose (GObject *object)
{
  PmdWindow *self = PMD_WINDOW (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_WINDOW);

  g_clear_pointer (&self->levers, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pmd_window_parent_class)->dispose (object);
}

static void
pmd_window_finalize (GObject *object)
{
  PmdWindow *self = PMD_WINDOW (object);

  g_free (self->variant_shape);

  G_OBJECT_CLASS (pmd_window_parent_class)->finalize (object);
}

static void
pmd_window_class_init (PmdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pmd_window_dispose;
  object_class->finalize = pmd_window_finalize;
  window_class->close_request = close_request_cb;

  /* Referenced, so that the linker keeps the resource (and the constructor
   * that registers it) from the static library. */
  g_assert_nonnull (pmd_ui_get_resource ());
  g_type_ensure (PMD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, variant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, levers_box);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, PmdWindow, cards_box);
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

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-westland", NULL, new_westland_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.meeting", NULL, meeting_action);
  gtk_widget_class_install_action (widget_class, "win.leave-meeting", NULL, leave_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-variant", "u", show_variant_action);
  gtk_widget_class_install_action (widget_class, "win.move-money", NULL, move_money_action);
  gtk_widget_class_install_action (widget_class, "win.export-charts", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.ranges", NULL, ranges_action);
  gtk_widget_class_install_action (widget_class, "win.goal-seek", NULL, goal_seek_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.variant-new", NULL, variant_new_action);
  gtk_widget_class_install_action (widget_class, "win.variant-rename", NULL, variant_rename_action);
  gtk_widget_class_install_action (widget_class, "win.variant-delete", NULL, variant_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.move-money", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.ranges", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.goal-seek", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-charts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.report", NULL);
  for (guint n = 1; n <= 9; n++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + n - 1, GDK_ALT_MASK, "win.show-variant", "u", n);
}

/* In meeting mode the plain number keys switch variants. */
static gboolean
meeting_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PmdWindow             *self)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "meeting"))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9 && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-variant", "u", (guint) (keyval - GDK_KEY_1 + 1));
      return TRUE;
    }
  return FALSE;
}

static void
pmd_window_init (PmdWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GError) error = NULL;

    /* main() refuses to start without the schema; tests set it up. */
    self->settings = pmd_settings_new (&error);
    g_assert_no_error (error);
  }
  self->levers = g_ptr_array_new_with_free_func (lever_free);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  make_cards (self->cards, self->cards_box);
  make_cards (self->big_cards, self->meeting_cards);
  pmd_chart_view_set_font_scale (self->meeting_chart, 1.4);
  pmd_chart_view_set_font_scale (self->curves_view, 1.15);
  pmd_chart_view_set_font_scale (self->pyramid_view, 1.15);

  {
    g_autoptr(GError) error = NULL;
    PmdScenario *sc = pmd_scenario_load_bundled ("westland-2026", &error);
    g_assert_no_error (error);
    self->document = pmd_document_new (sc);
  }
  g_signal_connect_swapped (self->document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::modified", G_CALLBACK (update_title), self);

  pmd_chart_view_set_document (self->curves_view, self->document);
  pmd_chart_view_set_document (self->pyramid_view, self->document);
  pmd_chart_view_set_document (self->bridge_view, self->document);
  pmd_chart_view_set_document (self->savings_view, self->document);
  pmd_chart_view_set_document (self->variants_view, self->document);
  pmd_chart_view_set_document (self->meeting_chart, self->document);

  self->lines_page = pmd_lines_page_new (self->document);
  gtk_scrolled_window_set_child (self->lines_scroller, GTK_WIDGET (self->lines_page));
  {
    GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self->lines_scroller), ADW_TYPE_VIEW_STACK);
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

  g_signal_connect_swapped (self->settings, "changed::meeting-levers", G_CALLBACK (meeting_levers_changed_cb), self);
  self->variant_handler = g_signal_connect_swapped (self->variant_dropdown, "notify::selected",
                                                    G_CALLBACK (variant_selected_cb), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (meeting_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->levers_stale = TRUE;
  update_all (self);
  update_recent (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (update_recent), self,
                           G_CONNECT_SWAPPED);
  gtk_spin_button_set_value (self->year_spin, pmd_document_get_projection (self->document)->base_year + 10);
  year_changed_cb (self);

  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_cb, self);
}

PmdWindow *
pmd_window_new (GtkApplication *application)
{
  return g_object_new (PMD_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pmd_window_add_toast:
 * @message: what to tell the user, briefly
 *
 * Shows @message at the bottom of the window, as the window's own notices.
 */
void
pmd_window_add_toast (PmdWindow  *self,
                      const char *message)
{
  g_return_if_fail (PMD_IS_WINDOW (self));
  toast (self, message);
}

PmdDocument *
pmd_window_get_document (PmdWindow *self)
{
  g_return_val_if_fail (PMD_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
pmd_window_get_file (PmdWindow *self)
{
  g_return_val_if_fail (PMD_IS_WINDOW (self), NULL);
  return self->file;
}

/* For the tests: what a user sees and touches. */

void
_pmd_window_autosave_now (PmdWindow *self)
{
  autosave_cb (self);
}

/* The tests keep the clock out: no timer, they call autosave_cb themselves. */
void
_pmd_window_stop_autosave_timer (PmdWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
}

/* The name dialog answered with @name. */
void
_pmd_window_new_variant (PmdWindow  *self,
                         const char *name)
{
  const PmdVariant *shown = shown_variant (self);
  VariantEdit *edit = g_new0 (VariantEdit, 1);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  GtkWidget *entry = gtk_entry_new ();

  edit->copy_from = shown ? g_strdup (shown->id) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_object_set_data (G_OBJECT (dialog), "pmd-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "pmd-edit", edit, (GDestroyNotify) variant_edit_free);
  name_response_cb (ADW_MESSAGE_DIALOG (dialog), "ok", self);
  g_object_ref_sink (entry);
  g_object_unref (entry);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkRange *
_pmd_window_get_lever (PmdWindow  *self,
                       const char *path,
                       gboolean    meeting)
{
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *lever = g_ptr_array_index (self->levers, i);
      gboolean in_meeting = gtk_widget_is_ancestor (GTK_WIDGET (lever->scale), GTK_WIDGET (self->meeting_levers));
      if (g_str_equal (lever->path, path) && in_meeting == meeting)
        return lever->scale;
    }
  return NULL;
}

const char *
_pmd_window_get_card_value (PmdWindow *self,
                            guint      index)
{
  g_return_val_if_fail (index < 4, NULL);
  return gtk_label_get_text (self->cards[index].value);
}

const char *
_pmd_window_get_card_title (PmdWindow *self,
                            guint      index)
{
  g_return_val_if_fail (index < 4, NULL);
  return gtk_label_get_text (self->cards[index].title);
}

void
_pmd_window_set_year (PmdWindow *self,
                      int        year)
{
  gtk_spin_button_set_value (self->year_spin, year);
}

gboolean
_pmd_window_in_meeting (PmdWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "meeting");
}

GtkDropDown *
_pmd_window_get_variant_dropdown (PmdWindow *self)
{
  return self->variant_dropdown;
}

PmdLinesPage *
_pmd_window_get_lines_page (PmdWindow *self)
{
  return self->lines_page;
}

PmdUncertaintyPage *
_pmd_window_get_uncertainty_page (PmdWindow *self)
{
  return self->uncertainty_page;
}

PmdComparePage *
_pmd_window_get_compare_page (PmdWindow *self)
{
  return self->compare_page;
}

PmdInterventionsPage *
_pmd_window_get_interventions_page (PmdWindow *self)
{
  return self->interventions_page;
}

PmdAssumptionsPage *
_pmd_window_get_assumptions_page (PmdWindow *self)
{
  return self->assumptions_page;
}

const char *
_pmd_window_get_page_title (PmdWindow *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self->curves_view), ADW_TYPE_VIEW_STACK);
  GtkWidget *child = adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));

  return adw_view_stack_page_get_title (adw_view_stack_get_page (ADW_VIEW_STACK (stack), child));
}

void
_pmd_window_show_page (PmdWindow  *self,
                       const char *name)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self->curves_view), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}
