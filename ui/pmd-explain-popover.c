/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-explain-popover.h"
#include "pmd-format.h"

/*
 * "Hoe komt dit getal tot stand?": a figure's explanation tree
 * (pmd_explain()) as nested expanders, each node with its value, each leaf
 * with its input, its source or the word "aanname", and a button that
 * asks the window to show the input where it is edited
 * (PmdExplainPopover::jump). The sources of the whole tree follow it.
 */

struct _PmdExplainPopover
{
  GtkPopover      parent_instance;

  PmdExplanation *explanation;
  GPtrArray      *sources;    /* borrowed from @explanation: each once */
  GPtrArray      *jumps;      /* every leaf's button, shown or folded away */

  /* Template widgets */
  GtkLabel       *figure_label;
  GtkBox         *tree_box;
  GtkLabel       *sources_heading;
  GtkLabel       *sources_label;
};

G_DEFINE_FINAL_TYPE (PmdExplainPopover, pmd_explain_popover, GTK_TYPE_POPOVER)

enum {
  JUMP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_value (const PmdExplanation *node)
{
  if (node->unit == PMD_UNIT_YEAR)
    return isnan (node->value) ? g_strdup (_("none")) : g_strdup_printf ("%d", (int) node->value);
  return pmd_format_euro_compact (node->value);
}

/* "invoer: 1,5% · aanname: …" or "invoer: € 22,8 mln · bron: …" */
static char *
dup_note (const PmdExplanation *node)
{
  g_autoptr(GString) note = g_string_new (NULL);

  if (node->input != NULL)
    g_string_append_printf (note, _("input: %s"), node->input);
  if (node->path == NULL)
    return note->len > 0 ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
  if (note->len > 0)
    g_string_append (note, " · ");
  if (node->source == NULL)
    g_string_append (note, _("assumption without a source"));
  else if (node->assumption)
    g_string_append_printf (note, _("assumption: %s"),
                            g_ascii_strncasecmp (node->source, "aanname: ", 9) == 0 ? node->source + 9 : node->source);
  else
    g_string_append_printf (note, _("source: %s"), node->source);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
jump_clicked_cb (GtkButton         *button,
                 PmdExplainPopover *self)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (button), "pmd-path"));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[JUMP], 0, path);
}

/* A node's own line: its label and value, and under it its input and
 * source. */
static GtkWidget *
node_row (PmdExplainPopover    *self,
          const PmdExplanation *node,
          GtkWidget            *expander)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (node->label);
  g_autofree char *value_text = format_value (node);
  GtkWidget *value = gtk_label_new (value_text);
  g_autofree char *note_text = dup_note (node);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "explain-value");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), value);
  if (node->path != NULL && node->children->len == 0)
    {
      GtkWidget *jump = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *words = g_strdup_printf (_("Edit “%s”"), node->label);

      gtk_widget_add_css_class (jump, "flat");
      gtk_widget_set_valign (jump, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (jump, _("Edit the input"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (jump), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
      g_object_set_data_full (G_OBJECT (jump), "pmd-path", g_strdup (node->path), g_free);
      g_signal_connect (jump, "clicked", G_CALLBACK (jump_clicked_cb), self);
      /* The expander it folds into, to open it when the button is asked for. */
      g_object_set_data (G_OBJECT (jump), "pmd-expander", expander);
      g_ptr_array_add (self->jumps, g_object_ref (jump));
      gtk_box_append (GTK_BOX (line), jump);
    }
  gtk_box_append (GTK_BOX (box), line);
  if (note_text != NULL)
    {
      GtkWidget *note = gtk_label_new (note_text);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
      gtk_widget_add_css_class (note, "explain-note");
      gtk_box_append (GTK_BOX (box), note);
    }
  return box;
}

static void
add_source (PmdExplainPopover    *self,
            const PmdExplanation *node)
{
  if (node->source == NULL || node->assumption)
    return;
  for (guint k = 0; k < self->sources->len; k++)
    if (g_str_equal (g_ptr_array_index (self->sources, k), node->source))
      return;
  g_ptr_array_add (self->sources, node->source);
}

/* @node under @parent: an expander when it is made of something, the
 * first level open. */
static void
add_node (PmdExplainPopover    *self,
          GtkBox               *parent,
          GtkWidget            *parent_expander,
          const PmdExplanation *node,
          int                   depth)
{
  GtkWidget *row = node_row (self, node, parent_expander);

  add_source (self, node);
  if (node->children->len == 0)
    {
      /* In line with the expanders' labels, past their arrow. */
      gtk_widget_set_margin_start (row, 20);
      gtk_box_append (parent, row);
      return;
    }
  {
    GtkWidget *expander = gtk_expander_new (NULL);
    GtkWidget *children = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    g_object_set_data (G_OBJECT (expander), "pmd-expander", parent_expander);

    gtk_expander_set_label_widget (GTK_EXPANDER (expander), row);
    gtk_widget_set_hexpand (row, TRUE);
    gtk_expander_set_expanded (GTK_EXPANDER (expander), depth == 0);
    gtk_widget_set_margin_start (children, 20);
    gtk_widget_set_margin_top (children, 4);
    for (guint k = 0; k < node->children->len; k++)
      add_node (self, GTK_BOX (children), expander, g_ptr_array_index (node->children, k), depth + 1);
    gtk_expander_set_child (GTK_EXPANDER (expander), children);
    gtk_box_append (parent, expander);
  }
}

static void
clear_tree (PmdExplainPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tree_box))) != NULL)
    gtk_box_remove (self->tree_box, child);
  g_ptr_array_set_size (self->sources, 0);
  g_ptr_array_set_size (self->jumps, 0);
}

static void
pmd_explain_popover_dispose (GObject *object)
{
  PmdExplainPopover *self = PMD_EXPLAIN_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_EXPLAIN_POPOVER);

  G_OBJECT_CLASS (pmd_explain_popover_parent_class)->dispose (object);
}

static void
pmd_explain_popover_finalize (GObject *object)
{
  PmdExplainPopover *self = PMD_EXPLAIN_POPOVER (object);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->jumps, g_ptr_array_unref);
  g_clear_pointer (&self->explanation, pmd_explanation_free);

  G_OBJECT_CLASS (pmd_explain_popover_parent_class)->finalize (object);
}

static void
pmd_explain_popover_class_init (PmdExplainPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_explain_popover_dispose;
  object_class->finalize = pmd_explain_popover_finalize;

  /**
   * PmdExplainPopover::jump:
   * @path: the parameter path of the input
   *
   * The user wants to edit the input a leaf rests on.
   */
  signals[JUMP] = g_signal_new ("jump", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-explain-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdExplainPopover, figure_label);
  gtk_widget_class_bind_template_child (widget_class, PmdExplainPopover, tree_box);
  gtk_widget_class_bind_template_child (widget_class, PmdExplainPopover, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, PmdExplainPopover, sources_label);
}

static void
pmd_explain_popover_init (PmdExplainPopover *self)
{
  self->sources = g_ptr_array_new ();
  self->jumps = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pmd_explain_popover_new (void)
{
  return g_object_new (PMD_TYPE_EXPLAIN_POPOVER, NULL);
}

/**
 * pmd_explain_popover_explain:
 * @scenario: the scenario shown (its variant applied)
 * @projection: its projection
 * @figure: an output path, as pmd_figure_parse() reads it
 * @year: the year of the figure
 * @error: @figure names nothing to explain, or @year lies outside
 *
 * Shows what the figure is made of.
 */
gboolean
pmd_explain_popover_explain (PmdExplainPopover   *self,
                             const PmdScenario   *scenario,
                             const PmdProjection *projection,
                             const char          *figure,
                             int                  year,
                             GError             **error)
{
  g_autofree char *id = NULL;
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PmdExplanation) explanation = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  PmdFigure kind;

  g_return_val_if_fail (PMD_IS_EXPLAIN_POPOVER (self), FALSE);

  if (!pmd_figure_parse (figure, &kind, &id, error))
    return FALSE;
  explanation = pmd_explain (scenario, projection, kind, id, year, error);
  if (explanation == NULL)
    return FALSE;

  clear_tree (self);
  g_clear_pointer (&self->explanation, pmd_explanation_free);
  self->explanation = g_steal_pointer (&explanation);
  value = format_value (self->explanation);
  /* Translators: a figure and its value: "Tekort in 2030: € 6,5 mln" */
  title = g_strdup_printf (_("%s: %s"), self->explanation->label, value);
  gtk_label_set_text (self->figure_label, title);
  add_source (self, self->explanation);
  for (guint k = 0; k < self->explanation->children->len; k++)
    add_node (self, self->tree_box, NULL, g_ptr_array_index (self->explanation->children, k), 0);
  for (guint k = 0; k < self->sources->len; k++)
    g_string_append_printf (sources, "%s• %s", k > 0 ? "\n" : "", (const char *) g_ptr_array_index (self->sources, k));
  gtk_label_set_text (self->sources_label, sources->str);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_heading), self->sources->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), self->sources->len > 0);
  return TRUE;
}

/**
 * pmd_explain_popover_get_explanation:
 *
 * Returns: (transfer none) (nullable): the tree shown
 */
const PmdExplanation *
pmd_explain_popover_get_explanation (PmdExplainPopover *self)
{
  g_return_val_if_fail (PMD_IS_EXPLAIN_POPOVER (self), NULL);
  return self->explanation;
}

/**
 * pmd_explain_popover_find_jump:
 * @path: (nullable): the input, or %NULL for the first
 *
 * Opens the expanders around it, so that it shows.
 *
 * Returns: (transfer none) (nullable): the button that jumps to @path
 */
GtkWidget *
pmd_explain_popover_find_jump (PmdExplainPopover *self,
                               const char        *path)
{
  g_return_val_if_fail (PMD_IS_EXPLAIN_POPOVER (self), NULL);

  for (guint k = 0; k < self->jumps->len; k++)
    {
      GtkWidget *jump = g_ptr_array_index (self->jumps, k);

      if (path != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (jump), "pmd-path"), path) != 0)
        continue;
      for (GtkWidget *e = g_object_get_data (G_OBJECT (jump), "pmd-expander"); e != NULL;
           e = g_object_get_data (G_OBJECT (e), "pmd-expander"))
        gtk_expander_set_expanded (GTK_EXPANDER (e), TRUE);
      return jump;
    }
  return NULL;
}
