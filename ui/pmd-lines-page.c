/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-lines-page.h"
#include "pmd-format.h"
#include "pmd-field.h"
#include "pmd-refresh.h"

/*
 * The cost lines in a column view, edited in place. Numbers are read the
 * way a Dutch user types them ("22,8 mln", "€ 1.250.000", "3,4%") and shown
 * the Dutch way; a cell whose text is not a number turns red while typing,
 * and a value the model refuses leaves the scenario as it was.
 */

/* One row: the index of a line in the scenario. "changed" says its values
 * changed: the row's cells show them again, in place. Rows are replaced
 * only when lines come or go: replacing the row under a cell being edited
 * destroyed the widget that held the focus while Enter was still being
 * handled, and the window crashed. */
#define PMD_TYPE_LINE_ITEM (pmd_line_item_get_type ())
G_DECLARE_FINAL_TYPE (PmdLineItem, pmd_line_item, PMD, LINE_ITEM, GObject)

struct _PmdLineItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (PmdLineItem, pmd_line_item, G_TYPE_OBJECT)

static guint item_changed_signal;

static void
pmd_line_item_class_init (PmdLineItemClass *klass)
{
  item_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void pmd_line_item_init (PmdLineItem *self) { }

static PmdLineItem *
pmd_line_item_new (guint index)
{
  PmdLineItem *item = g_object_new (PMD_TYPE_LINE_ITEM, NULL);
  item->index = index;
  return item;
}

typedef struct
{
  const char *field;
  const char *title;
  PmdFieldKind   kind;
} Column;

static const Column columns[] = {
  { "name", N_("Cost line"), PMD_FIELD_TEXT },
  { "base_cost", N_("Base cost"), PMD_FIELD_MONEY },
  { "clients", N_("Clients"), PMD_FIELD_COUNT },
  { "elasticity", N_("Elasticity"), PMD_FIELD_NUMBER },
  { "growth", N_("Growth"), PMD_FIELD_PERCENT },
  { "indexation", N_("Indexation"), PMD_FIELD_PERCENT },
};

struct _PmdLinesPage
{
  GtkBox         parent_instance;

  PmdDocument   *document;
  GListStore    *store;
  GtkColumnView *view;
  GtkSingleSelection *selection;
  int            editing;
  PmdChangeFlags missed;  /* changes not shown while a cell was edited */
  PmdRefresh    *refresh;
};

G_DEFINE_FINAL_TYPE (PmdLinesPage, pmd_lines_page, GTK_TYPE_BOX)

static void
show_error (PmdLinesPage *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static const PmdLine *
line_at (PmdLinesPage *self,
         guint         index)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  return index < sc->lines->len ? g_ptr_array_index (sc->lines, index) : NULL;
}

static char *
cell_text (const PmdScenario *sc,
           const PmdLine     *l,
           const Column      *col)
{
  double value;

  if (g_str_equal (col->field, "name"))
    return g_strdup (l->name);
  if (g_str_equal (col->field, "base_cost"))
    value = l->base_cost;
  else if (g_str_equal (col->field, "clients"))
    {
      if (!l->has_clients)
        return g_strdup ("–");
      value = l->clients;
    }
  else if (g_str_equal (col->field, "elasticity"))
    value = l->elasticity;
  else if (g_str_equal (col->field, "growth"))
    value = l->growth;
  else if (g_str_equal (col->field, "indexation"))
    value = l->has_indexation ? l->indexation : sc->indexation;
  else
    g_return_val_if_reached (NULL);
  /* As every screen shows the parameter (the parameter table). */
  return pmd_param_facts_format (pmd_param_facts_for_field ("lines", col->field), value);
}

gboolean
_pmd_lines_page_commit (PmdLinesPage *self,
                        guint         index,
                        const char   *field,
                        const char   *text,
                        GError      **error)
{
  const PmdLine *l = line_at (self, index);
  const Column *col = NULL;
  g_autofree char *path = NULL;
  double value;

  if (l == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    if (g_str_equal (columns[k].field, field))
      col = &columns[k];
  g_return_val_if_fail (col != NULL, FALSE);

  if (col->kind == PMD_FIELD_TEXT)
    return pmd_document_rename (self->document, "lines", l->id, text, error);
  if (!pmd_field_parse (col->kind, text, &value, error))
    return FALSE;
  path = g_strdup_printf ("lines.%s.%s", l->id, field);
  pmd_document_break_merge (self->document);
  return pmd_document_set_param (self->document, path, value, NULL, error);
}

/* Cells */

static void
label_text_changed_cb (GtkEditableLabel *label,
                       GParamSpec       *pspec,
                       gpointer          user_data)
{
  const Column *col = g_object_get_data (G_OBJECT (label), "pmd-column");
  double value;

  if (col->kind == PMD_FIELD_TEXT || !gtk_editable_label_get_editing (label))
    return;
  if (pmd_field_parse (col->kind, gtk_editable_get_text (GTK_EDITABLE (label)), &value, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

static void refresh_now (PmdLinesPage  *self,
                         PmdChangeFlags flags);

static void
label_editing_cb (GtkEditableLabel *label,
                  GParamSpec       *pspec,
                  PmdLinesPage     *self)
{
  const Column *col = g_object_get_data (G_OBJECT (label), "pmd-column");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "pmd-index"));
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (label))
    {
      self->editing++;
      return;
    }
  self->editing = MAX (0, self->editing - 1);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  if (!_pmd_lines_page_commit (self, index, col->field, gtk_editable_get_text (GTK_EDITABLE (label)), &error))
    {
      if (error != NULL)
        show_error (self, error->message);
      /* The cell shows the value it had again. */
      refresh_now (self, PMD_CHANGE_LINES);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PmdLinesPage             *self)
{
  const Column *col = g_object_get_data (G_OBJECT (factory), "pmd-column");
  GtkWidget *label = gtk_editable_label_new ("");

  g_object_set_data (G_OBJECT (label), "pmd-column", (gpointer) col);
  if (col->kind != PMD_FIELD_TEXT)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_editable_set_width_chars (GTK_EDITABLE (label), col->kind == PMD_FIELD_TEXT ? 24 : 10);
  g_signal_connect (label, "notify::text", G_CALLBACK (label_text_changed_cb), NULL);
  g_signal_connect (label, "notify::editing", G_CALLBACK (label_editing_cb), self);
  gtk_list_item_set_child (item, label);
}

static void
fill_cell (PmdLinesPage *self,
           const Column *col,
           GtkListItem  *item)
{
  PmdLineItem *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const PmdLine *l = row != NULL ? line_at (self, row->index) : NULL;
  g_autofree char *text = NULL;
  const char *source;

  /* What the user is typing stays until Enter or Escape. */
  if (l == NULL || gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)))
    return;
  text = cell_text (sc, l, col);
  g_object_set_data (G_OBJECT (label), "pmd-index", GUINT_TO_POINTER (row->index));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), text) != 0)
    {
      g_signal_handlers_block_by_func (label, label_editing_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (label), text);
      g_signal_handlers_unblock_by_func (label, label_editing_cb, self);
    }

  /* Every number explains where it comes from. */
  source = pmd_sources_lookup (l->sources, col->field);
  if (source == NULL && g_str_equal (col->field, "name"))
    source = l->source;
  gtk_widget_set_tooltip_text (label, source);
  if (source != NULL && g_str_has_prefix (source, "aanname"))
    gtk_widget_add_css_class (label, "assumption");
  else
    gtk_widget_remove_css_class (label, "assumption");
}

static void fill_choice (PmdLinesPage *self, const char *what, GtkListItem *item);

/* The row's values changed: its cell shows them again. */
static void
row_changed_cb (PmdLineItem *row,
                GtkListItem *item)
{
  PmdLinesPage *self = g_object_get_data (G_OBJECT (item), "pmd-page");
  const Column *col = g_object_get_data (G_OBJECT (item), "pmd-column");
  const char *what = g_object_get_data (G_OBJECT (item), "pmd-what");

  if (col != NULL)
    fill_cell (self, col, item);
  else
    fill_choice (self, what, item);
}

static void
follow_row (GtkListItem        *item,
            GtkListItemFactory *factory,
            PmdLinesPage       *self)
{
  g_object_set_data (G_OBJECT (item), "pmd-page", self);
  g_object_set_data (G_OBJECT (item), "pmd-column", g_object_get_data (G_OBJECT (factory), "pmd-column"));
  g_object_set_data (G_OBJECT (item), "pmd-what", g_object_get_data (G_OBJECT (factory), "pmd-what"));
  g_signal_connect (gtk_list_item_get_item (item), "changed", G_CALLBACK (row_changed_cb), item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PmdLinesPage             *self)
{
  GObject *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_changed_cb, item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PmdLinesPage             *self)
{
  follow_row (item, GTK_LIST_ITEM_FACTORY (factory), self);
  fill_cell (self, g_object_get_data (G_OBJECT (factory), "pmd-column"), item);
}

/* Layer, domain and driver: chosen from the scenario's own lists. */
typedef struct
{
  char       *id;
  const char *what;
  int         index;
} Choice;

static gboolean
choose_cb (PmdScenario *sc,
           gpointer     user_data,
           GError     **error)
{
  Choice *c = user_data;
  PmdLine *l = g_ptr_array_index (sc->lines, pmd_scenario_find_line (sc, c->id));

  if (g_str_equal (c->what, "layer"))
    {
      g_free (l->layer);
      l->layer = g_strdup (((PmdLayer *) g_ptr_array_index (sc->layers, c->index))->id);
    }
  else if (g_str_equal (c->what, "domain"))
    {
      g_free (l->domain);
      l->domain = g_strdup (((PmdDomain *) g_ptr_array_index (sc->domains, c->index))->id);
    }
  else
    {
      /* Index 0 is "no driver". */
      g_free (l->driver);
      l->driver = c->index > 0 ? g_strdup (((PmdCohort *) g_ptr_array_index (sc->cohorts, c->index - 1))->id) : NULL;
    }
  return TRUE;
}

gboolean
_pmd_lines_page_choose (PmdLinesPage *self,
                        guint         line,
                        const char   *what,
                        int           index,
                        GError      **error)
{
  const PmdLine *l = line_at (self, line);
  Choice choice = { l ? l->id : NULL, what, index };

  g_return_val_if_fail (l != NULL, FALSE);
  return pmd_document_edit (self->document, choose_cb, &choice, error);
}

static void
choice_selected_cb (GtkDropDown  *dropdown,
                    GParamSpec   *pspec,
                    PmdLinesPage *self)
{
  const char *what = g_object_get_data (G_OBJECT (dropdown), "pmd-what");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "pmd-index"));
  const PmdLine *l = line_at (self, index);
  g_autoptr(GError) error = NULL;

  if (l == NULL || g_object_get_data (G_OBJECT (dropdown), "pmd-binding"))
    return;
  if (!_pmd_lines_page_choose (self, index, what, (int) gtk_drop_down_get_selected (dropdown), &error))
    {
      show_error (self, error->message);
      refresh_now (self, PMD_CHANGE_LINES);
    }
}

static void
choice_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (item, label);
}

static void
choice_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
layer_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PmdLinesPage             *self)
{
  const char *what = g_object_get_data (G_OBJECT (factory), "pmd-what");
  GtkWidget *child;

  if (g_str_equal (what, "source"))
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
    }
  else
    {
      GtkListItemFactory *items = gtk_signal_list_item_factory_new ();

      /* The chosen name ellipsizes rather than widen the column. */
      g_signal_connect (items, "setup", G_CALLBACK (choice_item_setup_cb), NULL);
      g_signal_connect (items, "bind", G_CALLBACK (choice_item_bind_cb), NULL);
      child = gtk_drop_down_new (NULL, NULL);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (child), items);
      g_object_unref (items);
      gtk_widget_add_css_class (child, "cell-choice");
      g_object_set_data (G_OBJECT (child), "pmd-what", (gpointer) what);
      g_signal_connect (child, "notify::selected", G_CALLBACK (choice_selected_cb), self);
    }
  gtk_list_item_set_child (item, child);
}

static void
fill_choice (PmdLinesPage *self,
             const char   *what,
             GtkListItem  *item)
{
  PmdLineItem *row = gtk_list_item_get_item (item);
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const PmdLine *l = row != NULL ? line_at (self, row->index) : NULL;
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autoptr(GtkStringList) names = NULL;
  guint selected = 0;

  if (l == NULL)
    return;
  if (g_str_equal (what, "source"))
    {
      gtk_label_set_text (GTK_LABEL (child), l->source ? l->source : "");
      gtk_widget_set_tooltip_text (child, l->source);
      return;
    }

  names = gtk_string_list_new (NULL);
  if (g_str_equal (what, "layer"))
    {
      for (guint i = 0; i < sc->layers->len; i++)
        gtk_string_list_append (names, ((PmdLayer *) g_ptr_array_index (sc->layers, i))->name);
      selected = l->layer_idx;
    }
  else if (g_str_equal (what, "domain"))
    {
      for (guint i = 0; i < sc->domains->len; i++)
        gtk_string_list_append (names, ((PmdDomain *) g_ptr_array_index (sc->domains, i))->name);
      selected = l->domain_idx;
    }
  else
    {
      gtk_string_list_append (names, _("None"));
      for (guint i = 0; i < sc->cohorts->len; i++)
        gtk_string_list_append (names, ((PmdCohort *) g_ptr_array_index (sc->cohorts, i))->name);
      selected = l->driver_idx + 1;
    }
  /* Filling the list is not a choice of the user's. */
  g_object_set_data (G_OBJECT (child), "pmd-binding", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (child), "pmd-index", GUINT_TO_POINTER (row->index));
  gtk_drop_down_set_model (GTK_DROP_DOWN (child), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child), selected);
  g_object_set_data (G_OBJECT (child), "pmd-binding", NULL);
}

static void
layer_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PmdLinesPage             *self)
{
  follow_row (item, GTK_LIST_ITEM_FACTORY (factory), self);
  fill_choice (self, g_object_get_data (G_OBJECT (factory), "pmd-what"), item);
}

static void
add_column (PmdLinesPage *self,
            const Column *col)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "pmd-column", (gpointer) col);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  column = gtk_column_view_column_new (_(col->title), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, col->kind == PMD_FIELD_TEXT ? 300 : 120);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

static void
add_label_column (PmdLinesPage *self,
                  const char   *title,
                  const char   *what)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "pmd-what", (gpointer) what);
  g_signal_connect (factory, "setup", G_CALLBACK (layer_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (layer_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (g_str_equal (what, "source"))
    {
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 360);
    }
  else
    gtk_column_view_column_set_fixed_width (column, 190);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

/* Shows the document's lines: a new row set when lines came, went or were
 * renamed (or a layer, domain or cohort they choose from), else the same
 * rows bound again. Never under a cell being edited: what changed meanwhile
 * is shown when the edit ends. */
static void
refresh_now (PmdLinesPage  *self,
             PmdChangeFlags flags)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  flags |= self->missed;
  if (self->editing > 0)
    {
      self->missed = flags;
      return;
    }
  self->missed = PMD_CHANGE_NONE;
  if (flags & PMD_CHANGE_STRUCTURE)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < sc->lines->len; i++)
        g_ptr_array_add (items, pmd_line_item_new (i));
      g_list_store_splice (self->store, 0, n, items->pdata, items->len);
      return;
    }
  /* Same rows: their cells show the new values, in place. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmdLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      g_signal_emit (item, item_changed_signal, 0);
    }
}

static gboolean
add_line_cb (PmdScenario *sc,
             gpointer     user_data,
             GError     **error)
{
  g_autofree char *id = NULL;
  PmdLine *l;

  if (sc->layers->len == 0)
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("Add a layer first"));
      return FALSE;
    }
  if (sc->domains->len == 0)
    g_ptr_array_add (sc->domains, pmd_domain_new ("algemeen", _("General")));
  for (guint n = 1; id == NULL; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("post-%u", n);
      if (pmd_scenario_find_line (sc, candidate) < 0)
        id = g_steal_pointer (&candidate);
    }
  l = pmd_line_new (id, _("New cost line"), ((PmdLayer *) g_ptr_array_index (sc->layers, 0))->id,
                    ((PmdDomain *) g_ptr_array_index (sc->domains, 0))->id, 0);
  l->source = g_strdup (_("aanname: added in Piramide, to be filled in"));
  g_ptr_array_add (sc->lines, l);
  return TRUE;
}

static gboolean
remove_line_cb (PmdScenario *sc,
                gpointer     user_data,
                GError     **error)
{
  int idx = pmd_scenario_find_line (sc, user_data);

  if (idx < 0)
    return FALSE;
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      const PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      if (g_strcmp0 (iv->source, user_data) == 0 || g_strcmp0 (iv->target, user_data) == 0)
        {
          g_autofree char *name = pmd_format_escape_text (iv->name);
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                       _("The intervention “%s” uses this cost line: remove it first"), name);
          return FALSE;
        }
    }
  /* Its actuals go with it. */
  for (guint i = sc->actuals->len; i > 0; i--)
    if (g_strcmp0 (((PmdActual *) g_ptr_array_index (sc->actuals, i - 1))->line, user_data) == 0)
      g_ptr_array_remove_index (sc->actuals, i - 1);
  g_ptr_array_remove_index (sc->lines, idx);
  return TRUE;
}

static void
add_clicked_cb (PmdLinesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, add_line_cb, NULL, &error))
    show_error (self, error->message);
}

static void
remove_clicked_cb (PmdLinesPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autoptr(PmdLineItem) item = NULL;
  const PmdLine *l;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->store), selected);
  l = line_at (self, item->index);
  if (l != NULL && !pmd_document_edit (self->document, remove_line_cb, l->id, &error))
    show_error (self, error->message);
}

static void
pmd_lines_page_dispose (GObject *object)
{
  PmdLinesPage *self = PMD_LINES_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (pmd_lines_page_parent_class)->dispose (object);
}

static void
pmd_lines_page_class_init (PmdLinesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pmd_lines_page_dispose;
}

static void
pmd_lines_page_init (PmdLinesPage *self)
{
}

PmdLinesPage *
pmd_lines_page_new (PmdDocument *document)
{
  PmdLinesPage *self = g_object_new (PMD_TYPE_LINES_PAGE, "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 6, NULL);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Cost Line"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *hint = gtk_label_new (_("Click a value to change it. Amounts may be typed as “22,8 mln” or “€ 1.250.000”; "
                                     "assumptions are marked, sources show on hover."));

  self->document = g_object_ref (document);
  self->store = g_list_store_new (PMD_TYPE_LINE_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cost lines"), -1);

  add_column (self, &columns[0]);
  add_label_column (self, _("Layer"), "layer");
  add_label_column (self, _("Domain"), "domain");
  for (guint k = 1; k < G_N_ELEMENTS (columns); k++)
    add_column (self, &columns[k]);
  add_label_column (self, _("Driver"), "driver");
  add_label_column (self, _("Source"), "source");

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (bar), hint);
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (bar), remove);
  gtk_box_append (GTK_BOX (self), bar);
  {
    /* Only the table scrolls: the hint and the buttons stay in view. */
    GtkWidget *scroller = gtk_scrolled_window_new ();
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_widget_set_hexpand (scroller, TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
    gtk_box_append (GTK_BOX (self), scroller);
  }

  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  /* The indexation a line without its own takes, the layers, domains and
   * cohorts it chooses from, and the lines. */
  self->refresh = pmd_refresh_new (GTK_WIDGET (self), document,
                                   PMD_CHANGE_LINES | PMD_CHANGE_SCENARIO | PMD_CHANGE_COHORTS | PMD_CHANGE_FILE,
                                   (PmdRefreshFunc) refresh_now);
  refresh_now (self, PMD_CHANGE_STRUCTURE);
  return self;
}

GtkColumnView *
_pmd_lines_page_get_view (PmdLinesPage *self)
{
  return self->view;
}
