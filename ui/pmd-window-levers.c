/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-window-private.h"
#include "pmd-format.h"

/* The levers: the few sliders beside the charts (and in meeting mode) that
 * move the picture. */

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
  /* On the parameter's step, dragged to any pixel or stepped with the
   * keyboard from a value between steps: "2,5%", never "2,5235%". */
  double value = pmd_param_facts_snap (lever->facts, gtk_range_get_value (range));

  if (!pmd_document_set_param (self->document, lever->path, value, lever->path, &error))
    {
      pmd_window_add_toast (self, error->message);
      _pmd_window_update_all (self);
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

/* Levers for what the scenario holds now, at the values the document has. */
void
_pmd_window_update_levers (PmdWindow *self)
{
  if (self->levers_stale)
    {
      rebuild_levers (self);
      self->levers_stale = FALSE;
    }
  sync_levers (self);
}

void
_pmd_window_init_levers (PmdWindow *self)
{
  self->levers = g_ptr_array_new_with_free_func (lever_free);
  g_signal_connect_swapped (self->settings, "changed::meeting-levers", G_CALLBACK (meeting_levers_changed_cb), self);
}
