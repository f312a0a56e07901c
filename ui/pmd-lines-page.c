/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-lines-page.h"
#include "pmd-message-bar.h"
#include "pmd-format.h"
#include "pmd-field.h"
#include "pmd-page-private.h"
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

struct _PmdLinesPage
{
  GtkBox              parent_instance;

  PmdDocument        *document;
  PmdRefresh         *refresh;
  int                 editing;
  PmdChangeFlags      missed;  /* changes not shown while a cell was edited */
  guint               removed_at;  /* the history position a removal left */

  /* Template widgets */
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GListStore         *store;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *layer_column;
  GtkColumnViewColumn *domain_column;
  GtkColumnViewColumn *base_cost_column;
  GtkColumnViewColumn *clients_column;
  GtkColumnViewColumn *elasticity_column;
  GtkColumnViewColumn *growth_column;
  GtkColumnViewColumn *indexation_column;
  GtkColumnViewColumn *driver_column;
  GtkColumnViewColumn *source_column;
};

G_DEFINE_FINAL_TYPE (PmdLinesPage, pmd_lines_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a column's cells show and how they are edited. */
typedef enum
{
  CELL_NAME,    /* the line's name, typed */
  CELL_NUMBER,  /* a parameter of the line (lines.<id>.<field>), typed */
  CELL_CHOICE,  /* a layer, domain or driver, chosen from the scenario's lists */
  CELL_SOURCE,  /* where the line comes from, read only */
} CellKind;

typedef struct
{
  const char *field;
  CellKind    kind;
  gsize       column;  /* the template's column in PmdLinesPage */
} Column;

static const Column columns[] = {
  { "name", CELL_NAME, G_STRUCT_OFFSET (PmdLinesPage, name_column) },
  { "layer", CELL_CHOICE, G_STRUCT_OFFSET (PmdLinesPage, layer_column) },
  { "domain", CELL_CHOICE, G_STRUCT_OFFSET (PmdLinesPage, domain_column) },
  { "base_cost", CELL_NUMBER, G_STRUCT_OFFSET (PmdLinesPage, base_cost_column) },
  { "clients", CELL_NUMBER, G_STRUCT_OFFSET (PmdLinesPage, clients_column) },
  { "elasticity", CELL_NUMBER, G_STRUCT_OFFSET (PmdLinesPage, elasticity_column) },
  { "growth", CELL_NUMBER, G_STRUCT_OFFSET (PmdLinesPage, growth_column) },
  { "indexation", CELL_NUMBER, G_STRUCT_OFFSET (PmdLinesPage, indexation_column) },
  { "driver", CELL_CHOICE, G_STRUCT_OFFSET (PmdLinesPage, driver_column) },
  { "source", CELL_SOURCE, G_STRUCT_OFFSET (PmdLinesPage, source_column) },
};

static void refresh_now (PmdLinesPage  *self,
                         PmdChangeFlags flags);
static void show_values (PmdLinesPage *self);

static void
show_error (PmdLinesPage *self,
            const char   *message)
{
  pmd_notify_text (GTK_WIDGET (self), message);
}

static const PmdLine *
line_at (PmdLinesPage *self,
         guint         index)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  return index < sc->lines->len ? g_ptr_array_index (sc->lines, index) : NULL;
}

static char *
line_path (const PmdLine *l,
           const char    *field)
{
  return g_strdup_printf ("lines.%s.%s", l->id, field);
}

/* The text of a cell: the name, or the parameter by the model's unit. */
static char *
cell_text (const PmdScenario *sc,
           const PmdLine     *l,
           const Column      *col)
{
  g_autofree char *path = NULL;
  char *text;

  if (col->kind == CELL_NAME)
    return g_strdup (l->name);
  path = line_path (l, col->field);
  text = pmd_field_format_param (sc, path);
  /* A line without clients is not a line with none. */
  return text != NULL ? text : g_strdup ("–");
}

/* Commits what was typed into a cell. */
static gboolean
commit (PmdLinesPage *self,
        guint         index,
        const Column *col,
        const char   *text,
        GError      **error)
{
  const PmdLine *l = line_at (self, index);
  g_autofree char *path = NULL;
  double value;

  if (l == NULL)
    return FALSE;
  if (col->kind == CELL_NAME)
    return pmd_document_rename (self->document, "lines", l->id, text, error);
  path = line_path (l, col->field);
  if (!pmd_field_parse (pmd_field_kind_for_param (path), text, &value, error))
    return FALSE;
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
  const char *path = g_object_get_data (G_OBJECT (label), "pmd-path");
  double value;

  if (col->kind == CELL_NAME || path == NULL || !gtk_editable_label_get_editing (label))
    return;
  if (pmd_field_parse (pmd_field_kind_for_param (path), gtk_editable_get_text (GTK_EDITABLE (label)), &value, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

static void
label_editing_cb (GtkEditableLabel *label,
                  GParamSpec       *pspec,
                  PmdLinesPage     *self)
{
  const Column *col = g_object_get_data (G_OBJECT (label), "pmd-column");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "pmd-index"));
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (label));
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (label))
    {
      self->editing++;
      return;
    }
  self->editing = MAX (0, self->editing - 1);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  /* Escape, or Enter on what the cell showed: nothing was typed. Read back,
   * a rounded text ("1,23%" of 1,2345%) would change the value. */
  if (g_strcmp0 (typed, g_object_get_data (G_OBJECT (label), "pmd-shown")) != 0 &&
      !commit (self, index, col, typed, &error))
    {
      if (error != NULL)
        show_error (self, error->message);
      /* The cell shows the value it had again. */
      show_values (self);
    }
  /* What changed during the edit is shown when the main loop is idle: the
   * key that ended it is still being handled, and rows may go. */
  if (self->missed != PMD_CHANGE_NONE && self->refresh != NULL)
    pmd_refresh_queue (self->refresh, self->missed);
  self->missed = PMD_CHANGE_NONE;
}

/* The keyboard. GTK 4.8's column view moves the focus forward within a row
 * for Shift+Tab as for Tab, so that four Shift+Tabs from a cell landed on
 * the next cells and then, past the row, anywhere; the page moves it from
 * cell to cell itself, in the order they are read. */

/* The cell (an editable label or a choice) that holds @widget, if any. */
static GtkWidget *
cell_of (PmdLinesPage *self,
         GtkWidget    *widget)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self->view); w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), "pmd-column") != NULL)
      return w;
  return NULL;
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (g_object_get_data (G_OBJECT (c), "pmd-column") == NULL)
        collect_cells (c, cells);
      else if (gtk_widget_get_mapped (c))
        g_ptr_array_add (cells, c);
    }
}

/* By row; the sort is stable, so a row's cells stay in the columns' order. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint ra = GPOINTER_TO_UINT (g_object_get_data (*(GObject **) a, "pmd-index"));
  guint rb = GPOINTER_TO_UINT (g_object_get_data (*(GObject **) b, "pmd-index"));

  return ra < rb ? -1 : ra > rb;
}

/* The focus to the cell before or after @cell; past the first or the last,
 * to what comes before or after the table, as GTK would. */
static void
move_focus (PmdLinesPage    *self,
            GtkWidget       *cell,
            GtkDirectionType direction)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD;
  guint i;

  collect_cells (GTK_WIDGET (self->view), cells);
  g_ptr_array_sort (cells, compare_rows);
  if (g_ptr_array_find (cells, cell, &i) && (backward ? i > 0 : i + 1 < cells->len))
    {
      GtkWidget *next = g_ptr_array_index (cells, backward ? i - 1 : i + 1);

      /* A choice's keyboard is its button. */
      if (!gtk_widget_child_focus (next, direction))
        gtk_widget_grab_focus (next);
      /* The column view scrolls to a row, not to a column. */
      _pmd_page_scroll_to (next);
      return;
    }
  if (!backward)
    {
      gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))), direction);
      return;
    }
  for (GtkWidget *w = GTK_WIDGET (self->view); w != NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *before = gtk_widget_get_prev_sibling (w); before != NULL; before = gtk_widget_get_prev_sibling (before))
      if (gtk_widget_child_focus (before, direction))
        return;
}

/* Tab and Shift+Tab in a cell: on to the next or the previous cell at once,
 * a cell being edited committed first. Left to GtkEditableLabel, the focus
 * went on, the label stopped editing a moment later and took the focus
 * back: a second Tab was needed. */
static gboolean
key_pressed_cb (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PmdLinesPage          *self)
{
  GtkWidget *cell;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  cell = cell_of (self, gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))));
  if (cell == NULL)
    return GDK_EVENT_PROPAGATE;
  if (GTK_IS_EDITABLE_LABEL (cell) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell), TRUE);
  move_focus (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD
                                                                                        : GTK_DIR_TAB_FORWARD);
  return GDK_EVENT_STOP;
}

/* GTK 4.8's editable label stops editing 100 ms after it loses the focus,
 * from a timeout its dispose does not remove: a cell destroyed in between
 * (its row replaced as lines come or go, the window closed) crashed the
 * program in gtk_event_controller_get_widget (). The cell is kept until
 * well after that timeout has run: from the moment it loses the focus, and
 * from the moment it leaves the screen (a window closed while a cell is
 * edited takes the focus away as it goes, after the cell's own controller
 * may be gone). Both timeouts count from the same moment or later than
 * GTK's, ten times as long: a busy machine delays them alike. */
#define KEEP_CELL_MS 1000

static gboolean
release_cb (gpointer label)
{
  return G_SOURCE_REMOVE;
}

static void
keep_cell (GtkWidget *label)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, KEEP_CELL_MS, release_cb, g_object_ref (label), g_object_unref);
}

static void
label_focus_leave_cb (GtkEventControllerFocus *focus,
                      GtkWidget               *label)
{
  keep_cell (label);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PmdLinesPage             *self)
{
  const Column *col = g_object_get_data (G_OBJECT (factory), "pmd-column");
  GtkWidget *label = gtk_editable_label_new ("");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (label), "pmd-column", (gpointer) col);
  /* The tests find a cell by its column. */
  gtk_widget_set_name (label, col->field);
  if (col->kind != CELL_NAME)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_editable_set_width_chars (GTK_EDITABLE (label), col->kind == CELL_NAME ? 24 : 10);
  /* A long name ends in "…" (the tooltip has all of it) rather than be cut
   * off by the column. GtkEditableLabel has no property for it: its label. */
  for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_first_child (label)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c))
      gtk_label_set_ellipsize (GTK_LABEL (c), PANGO_ELLIPSIZE_END);
  g_signal_connect (label, "notify::text", G_CALLBACK (label_text_changed_cb), NULL);
  /* A cell can outlive the page by a moment (release_cb ()). */
  g_signal_connect_object (label, "notify::editing", G_CALLBACK (label_editing_cb), self, 0);
  g_signal_connect (focus, "leave", G_CALLBACK (label_focus_leave_cb), label);
  g_signal_connect (label, "unrealize", G_CALLBACK (keep_cell), NULL);
  gtk_widget_add_controller (label, focus);
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
  g_object_set_data_full (G_OBJECT (label), "pmd-path", col->kind == CELL_NUMBER ? line_path (l, col->field) : NULL, g_free);
  g_object_set_data_full (G_OBJECT (label), "pmd-shown", g_strdup (text), g_free);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (label), text);

  /* Every number explains where it comes from; a name, cut short by its
   * column, is there in full. */
  source = pmd_sources_lookup (l->sources, col->field);
  if (col->kind == CELL_NAME)
    {
      g_autofree char *tooltip = NULL;

      source = l->source;
      tooltip = source != NULL ? g_strconcat (l->name, "\n", source, NULL) : g_strdup (l->name);
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (label, source);
  if (source != NULL && g_str_has_prefix (source, "aanname"))
    gtk_widget_add_css_class (label, "assumption");
  else
    gtk_widget_remove_css_class (label, "assumption");
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

static void
choice_selected_cb (GtkDropDown  *dropdown,
                    GParamSpec   *pspec,
                    PmdLinesPage *self)
{
  const Column *col = g_object_get_data (G_OBJECT (dropdown), "pmd-column");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "pmd-index"));
  const PmdLine *l = line_at (self, index);
  g_autoptr(GError) error = NULL;
  Choice choice;

  if (l == NULL || g_object_get_data (G_OBJECT (dropdown), "pmd-binding"))
    return;
  choice = (Choice) { l->id, col->field, (int) gtk_drop_down_get_selected (dropdown) };
  if (!pmd_document_edit (self->document, choose_cb, &choice, &error))
    {
      show_error (self, error->message);
      show_values (self);
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
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PmdLinesPage             *self)
{
  const Column *col = g_object_get_data (G_OBJECT (factory), "pmd-column");
  GtkWidget *child;

  if (col->kind == CELL_SOURCE)
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
      g_object_set_data (G_OBJECT (child), "pmd-column", (gpointer) col);
      g_signal_connect_object (child, "notify::selected", G_CALLBACK (choice_selected_cb), self, 0);
    }
  gtk_widget_set_name (child, col->field);
  gtk_list_item_set_child (item, child);
}

static void
fill_choice (PmdLinesPage *self,
             const Column *col,
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
  if (col->kind == CELL_SOURCE)
    {
      gtk_label_set_text (GTK_LABEL (child), l->source ? l->source : "");
      gtk_widget_set_tooltip_text (child, l->source);
      return;
    }

  names = gtk_string_list_new (NULL);
  if (g_str_equal (col->field, "layer"))
    {
      for (guint i = 0; i < sc->layers->len; i++)
        gtk_string_list_append (names, ((PmdLayer *) g_ptr_array_index (sc->layers, i))->name);
      selected = l->layer_idx;
    }
  else if (g_str_equal (col->field, "domain"))
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
  gtk_widget_set_tooltip_text (child, gtk_string_list_get_string (names, selected));
  g_object_set_data (G_OBJECT (child), "pmd-binding", NULL);
}

static void
fill (PmdLinesPage *self,
      const Column *col,
      GtkListItem  *item)
{
  if (col->kind == CELL_NAME || col->kind == CELL_NUMBER)
    fill_cell (self, col, item);
  else
    fill_choice (self, col, item);
}

/* The row's values changed: its cell shows them again. */
static void
row_changed_cb (PmdLineItem *row,
                GtkListItem *item)
{
  PmdLinesPage *self = g_object_get_data (G_OBJECT (item), "pmd-page");

  fill (self, g_object_get_data (G_OBJECT (item), "pmd-column"), item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PmdLinesPage             *self)
{
  const Column *col = g_object_get_data (G_OBJECT (factory), "pmd-column");

  g_object_set_data (G_OBJECT (item), "pmd-page", self);
  g_object_set_data (G_OBJECT (item), "pmd-column", (gpointer) col);
  g_signal_connect (gtk_list_item_get_item (item), "changed", G_CALLBACK (row_changed_cb), item);
  fill (self, col, item);
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

/* Each column of the template gets the factory of its kind of cell. */
static void
set_factories (PmdLinesPage *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      const Column *col = &columns[k];
      GtkColumnViewColumn *column = G_STRUCT_MEMBER (GtkColumnViewColumn *, self, col->column);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      gboolean typed = col->kind == CELL_NAME || col->kind == CELL_NUMBER;

      g_object_set_data (G_OBJECT (factory), "pmd-column", (gpointer) col);
      g_signal_connect (factory, "setup", typed ? G_CALLBACK (setup_cb) : G_CALLBACK (choice_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
      gtk_column_view_column_set_factory (column, factory);
    }
}

/* Shows the document's lines: a new row set when lines came, went or were
 * renamed (or a layer, domain or cohort they choose from), else the same
 * rows bound again. Never under a cell being edited: what changed meanwhile
 * is shown when the edit ends. */
static void
refresh_now (PmdLinesPage  *self,
             PmdChangeFlags flags)
{
  const PmdScenario *sc;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  flags |= self->missed;
  if (self->editing > 0)
    {
      self->missed = flags;
      return;
    }
  self->missed = PMD_CHANGE_NONE;
  if (self->document == NULL)
    {
      g_list_store_remove_all (self->store);
      return;
    }
  sc = pmd_document_get_scenario (self->document);
  if (flags & (PMD_CHANGE_STRUCTURE | PMD_CHANGE_FILE))
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < sc->lines->len; i++)
        g_ptr_array_add (items, pmd_line_item_new (i));
      g_list_store_splice (self->store, 0, n, items->pdata, items->len);
      return;
    }
  show_values (self);
}

/* Same rows: their cells show the new values, in place. */
static void
show_values (PmdLinesPage *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
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
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PmdLinesPage *self = PMD_LINES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !pmd_document_edit (self->document, add_line_cb, NULL, &error))
    show_error (self, error->message);
}

/* The toast's Undo takes back the removal, not a change made since. */
static void
undo_remove_cb (PmdLinesPage *self)
{
  if (self->document != NULL && pmd_document_get_history_position (self->document) == self->removed_at)
    pmd_document_undo (self->document);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmdLinesPage *self = PMD_LINES_PAGE (widget);
  PmdLineItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *overlay;
  const PmdLine *l;

  if (item == NULL || self->document == NULL)
    return;
  l = line_at (self, item->index);
  if (l == NULL)
    return;
  name = g_strdup (l->name);
  if (!pmd_document_edit (self->document, remove_line_cb, l->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Said, with the way back at hand: a stray Enter on the button must not
   * take a line away unseen. */
  self->removed_at = pmd_document_get_history_position (self->document);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      g_autofree char *shown = pmd_format_escape_text (name);
      g_autofree char *markup = g_markup_escape_text (shown, -1);
      AdwToast *toast = adw_toast_new_format (_("Cost line “%s” removed"), markup);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
selection_changed_cb (PmdLinesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lines.remove",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
pmd_lines_page_dispose (GObject *object)
{
  PmdLinesPage *self = PMD_LINES_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_LINES_PAGE);
  G_OBJECT_CLASS (pmd_lines_page_parent_class)->dispose (object);
}

static void
pmd_lines_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmdLinesPage *self = PMD_LINES_PAGE (object);

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
pmd_lines_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PmdLinesPage *self = PMD_LINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_lines_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_lines_page_class_init (PmdLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_lines_page_dispose;
  object_class->get_property = pmd_lines_page_get_property;
  object_class->set_property = pmd_lines_page_set_property;

  /**
   * PmdLinesPage:document:
   *
   * The document whose cost lines the page shows and edits.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PMD_TYPE_LINE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, view);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, store);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, layer_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, domain_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, base_cost_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, clients_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, elasticity_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, growth_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, indexation_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, driver_column);
  gtk_widget_class_bind_template_child (widget_class, PmdLinesPage, source_column);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "lines.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "lines.remove", NULL, remove_action);
}

static void
pmd_lines_page_init (PmdLinesPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  set_factories (self);
  /* Before the cells and the column view see the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  selection_changed_cb (self);
}

/**
 * pmd_lines_page_new:
 * @document: (nullable): the document to show
 *
 * Returns: (transfer floating): a page for @document's cost lines
 */
PmdLinesPage *
pmd_lines_page_new (PmdDocument *document)
{
  return g_object_new (PMD_TYPE_LINES_PAGE, "document", document, NULL);
}

/**
 * pmd_lines_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
PmdDocument *
pmd_lines_page_get_document (PmdLinesPage *self)
{
  g_return_val_if_fail (PMD_IS_LINES_PAGE (self), NULL);

  return self->document;
}

/**
 * pmd_lines_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows @document's lines instead of the old document's. Nothing is built
 * until the page is on screen.
 */
void
pmd_lines_page_set_document (PmdLinesPage *self,
                             PmdDocument  *document)
{
  g_return_if_fail (PMD_IS_LINES_PAGE (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  /* The indexation a line without its own takes, the layers, domains and
   * cohorts it chooses from, and the lines. */
  pmd_refresh_watch (&self->refresh, GTK_WIDGET (self), document,
                     PMD_CHANGE_LINES | PMD_CHANGE_SCENARIO | PMD_CHANGE_COHORTS | PMD_CHANGE_FILE,
                     (PmdRefreshFunc) refresh_now, PMD_CHANGE_FILE | PMD_CHANGE_STRUCTURE);
  if (document == NULL)
    refresh_now (self, PMD_CHANGE_FILE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
