/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-assumptions-page.h"
#include "pmd-refresh.h"
#include "pmd-format.h"
#include "pmd-field.h"

/*
 * The scenario's own numbers: name, horizon and rates, the layers, the
 * cohorts with their points, and the funding with its steps. Each field is
 * applied with Enter; every change is one undo step and is validated by the
 * model before it is made.
 */

struct _PmdAssumptionsPage
{
  AdwBin              parent_instance;

  PmdDocument        *document;
  AdwPreferencesPage *page;
  GPtrArray          *groups;
  PmdRefresh         *refresh;
};

G_DEFINE_FINAL_TYPE (PmdAssumptionsPage, pmd_assumptions_page, ADW_TYPE_BIN)

/* What a field edits: a target (which object) and a slot (which number). */
typedef enum
{
  TARGET_SCENARIO_NAME,
  TARGET_PARAM,            /* a parameter path */
  TARGET_BASE_YEAR,
  TARGET_HORIZON,
  TARGET_LAYER_NAME,
  TARGET_DOMAIN_NAME,
  TARGET_COHORT_NAME,
  TARGET_POINT_YEAR,
  TARGET_FUNDING_STEP_YEAR,
  TARGET_FUNDING_STEP_AMOUNT,
} Target;

typedef struct
{
  Target       target;
  PmdFieldKind kind;
  char        *path;       /* TARGET_PARAM */
  char        *id;         /* a layer or cohort id */
  guint        index;      /* a point or a step */
  const char  *text;       /* while committing */
  double       value;
} Field;

static void
field_free (gpointer data)
{
  Field *f = data;
  g_free (f->path);
  g_free (f->id);
  g_free (f);
}

static void rebuild (PmdAssumptionsPage *self,
                     PmdChangeFlags      flags);

static void
show_error (PmdAssumptionsPage *self,
            const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static gboolean
apply_field_cb (PmdScenario *sc,
                gpointer     user_data,
                GError     **error)
{
  Field *f = user_data;

  switch (f->target)
    {
    case TARGET_SCENARIO_NAME:
      g_free (sc->name);
      sc->name = g_strdup (f->text);
      break;
    case TARGET_BASE_YEAR:
      sc->base_year = (int) f->value;
      break;
    case TARGET_HORIZON:
      sc->horizon = (int) f->value;
      break;
    case TARGET_POINT_YEAR:
      {
        PmdCohort *c = g_ptr_array_index (sc->cohorts, pmd_scenario_find_cohort (sc, f->id));
        g_array_index (c->points, PmdYearValue, f->index).year = (int) f->value;
      }
      break;
    case TARGET_FUNDING_STEP_YEAR:
      g_array_index (sc->funding.steps, PmdYearValue, f->index).year = (int) f->value;
      break;
    case TARGET_FUNDING_STEP_AMOUNT:
      g_array_index (sc->funding.steps, PmdYearValue, f->index).value = f->value;
      break;
    case TARGET_PARAM:
    case TARGET_LAYER_NAME:
    case TARGET_DOMAIN_NAME:
    case TARGET_COHORT_NAME:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
commit_field (PmdAssumptionsPage *self,
              Field              *f,
              const char         *typed,
              GError            **error)
{
  g_autofree char *text = g_strstrip (g_strdup (typed));

  if (f->target == TARGET_LAYER_NAME || f->target == TARGET_DOMAIN_NAME || f->target == TARGET_COHORT_NAME)
    return pmd_document_rename (self->document,
                                f->target == TARGET_LAYER_NAME ? "layers" : f->target == TARGET_DOMAIN_NAME ? "domains" : "cohorts",
                                f->id, text, error);
  if (f->kind == PMD_FIELD_TEXT)
    {
      if (*text == '\0')
        {
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("A name cannot be empty"));
          return FALSE;
        }
      f->text = text;
      return pmd_document_edit (self->document, apply_field_cb, f, error);
    }
  if (!pmd_field_parse (f->kind, text, &f->value, error))
    return FALSE;
  if (f->target == TARGET_PARAM)
    {
      pmd_document_break_merge (self->document);
      return pmd_document_set_param (self->document, f->path, f->value, NULL, error);
    }
  return pmd_document_edit (self->document, apply_field_cb, f, error);
}

static void
entry_changed_cb (AdwEntryRow *row,
                  Field       *f)
{
  double value;

  if (f->kind == PMD_FIELD_TEXT || pmd_field_parse (f->kind, gtk_editable_get_text (GTK_EDITABLE (row)), &value, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
entry_apply_cb (AdwEntryRow *row,
                Field       *f)
{
  PmdAssumptionsPage *self = PMD_ASSUMPTIONS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), PMD_TYPE_ASSUMPTIONS_PAGE));
  g_autoptr(GError) error = NULL;

  if (!commit_field (self, f, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, error->message);
      /* The row shows the value it had again. */
      rebuild (self, PMD_CHANGE_SCENARIO);
    }
}

static GtkWidget *
field_row (const char  *title,
           const char  *text,
           const char  *source,
           Field       *f)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z is the window's: it undoes the last change to the scenario. The
   * field's own undo took back the text the page had put in and left the
   * field empty. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (source != NULL)
    gtk_widget_set_tooltip_text (row, source);
  /* Assumptions are marked where they are shown, not only on hover. */
  if (source != NULL && g_str_has_prefix (source, "aanname"))
    {
      GtkWidget *mark = gtk_label_new (_("assumption"));
      gtk_widget_add_css_class (mark, "assumption-tag");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
    }
  g_object_set_data_full (G_OBJECT (row), "pmd-field", f, field_free);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), f);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), f);
  return row;
}

static Field *
field_new (Target       target,
           PmdFieldKind kind,
           const char  *path,
           const char  *id,
           guint        index)
{
  Field *f = g_new0 (Field, 1);
  f->target = target;
  f->kind = kind;
  f->path = g_strdup (path);
  f->id = g_strdup (id);
  f->index = index;
  return f;
}

static GtkWidget *
param_row (const PmdScenario *sc,
           const char        *title,
           const char        *path,
           PmdFieldKind       kind,
           const char        *source)
{
  g_autofree char *text = NULL;
  double value = 0;

  pmd_scenario_get_param ((PmdScenario *) sc, path, &value, NULL);
  text = pmd_field_format (kind, value);
  return field_row (title, text, source, field_new (TARGET_PARAM, kind, path, NULL, 0));
}

static AdwPreferencesGroup *
add_group (PmdAssumptionsPage *self,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* Adding and removing cohort points and funding steps */

typedef struct
{
  char *cohort;      /* NULL: the funding's steps */
  int   remove;      /* index to remove, or -1 to add */
} ListEdit;

static gboolean
list_edit_cb (PmdScenario *sc,
              gpointer     user_data,
              GError     **error)
{
  ListEdit *e = user_data;
  GArray *list = e->cohort ? ((PmdCohort *) g_ptr_array_index (sc->cohorts, pmd_scenario_find_cohort (sc, e->cohort)))->points
                           : sc->funding.steps;

  if (e->remove >= 0)
    {
      if (e->cohort != NULL && list->len <= 1)
        {
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("A cohort keeps at least one point"));
          return FALSE;
        }
      g_array_remove_index (list, e->remove);
      return TRUE;
    }
  {
    /* A new point ten years after the last, at the same value; a new
     * funding step in the year after the base year, of zero euros. */
    PmdYearValue yv = { sc->base_year + 1, 0 };
    if (e->cohort != NULL)
      {
        yv = g_array_index (list, PmdYearValue, list->len - 1);
        yv.year += 10;
      }
    g_array_append_val (list, yv);
  }
  return TRUE;
}

static void
list_button_cb (GtkButton          *button,
                PmdAssumptionsPage *self)
{
  ListEdit e = { g_object_get_data (G_OBJECT (button), "pmd-cohort"),
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pmd-remove")) - 1 };
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, list_edit_cb, &e, &error))
    show_error (self, error->message);
}

static GtkWidget *
list_button (PmdAssumptionsPage *self,
             const char         *icon,
             const char         *tooltip,
             const char         *cohort,
             int                 remove)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "pmd-cohort", g_strdup (cohort), g_free);
  /* Stored + 1, so that "add" (−1) is not NULL. */
  g_object_set_data (G_OBJECT (button), "pmd-remove", GINT_TO_POINTER (remove + 1));
  g_signal_connect (button, "clicked", G_CALLBACK (list_button_cb), self);
  return button;
}

/* Adding and removing layers, domains and cohorts */

typedef enum
{
  COLLECTION_LAYERS,
  COLLECTION_DOMAINS,
  COLLECTION_COHORTS,
} Collection;

typedef struct
{
  Collection collection;
  char      *id;       /* to remove, or NULL to add */
} CollectionEdit;

static char *
unused_id (GPtrArray  *items,
           const char *prefix)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);
      gboolean used = FALSE;

      for (guint i = 0; i < items->len && !used; i++)
        used = g_str_equal (*(char **) g_ptr_array_index (items, i), id);
      if (!used)
        return g_steal_pointer (&id);
    }
}

static gboolean
collection_edit_cb (PmdScenario *sc,
                    gpointer     user_data,
                    GError     **error)
{
  CollectionEdit *e = user_data;
  GPtrArray *items = e->collection == COLLECTION_LAYERS ? sc->layers
                     : e->collection == COLLECTION_DOMAINS ? sc->domains : sc->cohorts;

  if (e->id == NULL)
    {
      g_autofree char *id = NULL;

      switch (e->collection)
        {
        case COLLECTION_LAYERS:
          id = unused_id (items, "laag");
          g_ptr_array_add (items, pmd_layer_new (id, _("New layer")));
          break;
        case COLLECTION_DOMAINS:
          id = unused_id (items, "domein");
          g_ptr_array_add (items, pmd_domain_new (id, _("New domain")));
          break;
        case COLLECTION_COHORTS:
        default:
          {
            PmdCohort *c;
            id = unused_id (items, "cohort");
            c = pmd_cohort_new (id, _("New cohort"));
            pmd_cohort_add_point (c, sc->base_year, 1000);
            c->source = g_strdup (_("aanname: added in Piramide, to be filled in"));
            g_ptr_array_add (items, c);
          }
          break;
        }
      return TRUE;
    }

  /* Whatever still refers to it is named, rather than removed with it. */
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      const char *ref = e->collection == COLLECTION_LAYERS ? l->layer
                        : e->collection == COLLECTION_DOMAINS ? l->domain : l->driver;
      if (g_strcmp0 (ref, e->id) == 0)
        {
          g_autofree char *name = pmd_format_escape_text (l->name);
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                       _("The cost line “%s” still uses it: move that line first"), name);
          return FALSE;
        }
    }
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (*(char **) g_ptr_array_index (items, i), e->id))
      {
        g_ptr_array_remove_index (items, i);
        break;
      }
  return TRUE;
}

static void
collection_button_cb (GtkButton          *button,
                      PmdAssumptionsPage *self)
{
  CollectionEdit e = { GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pmd-collection")),
                       g_object_get_data (G_OBJECT (button), "pmd-id") };
  g_autoptr(GError) error = NULL;

  if (!pmd_document_edit (self->document, collection_edit_cb, &e, &error))
    show_error (self, error->message);
}

static GtkWidget *
collection_button (PmdAssumptionsPage *self,
                   Collection          collection,
                   const char         *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (id ? "user-trash-symbolic" : "list-add-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, id ? _("Remove") : _("Add"));
  g_object_set_data (G_OBJECT (button), "pmd-collection", GINT_TO_POINTER (collection));
  g_object_set_data_full (G_OBJECT (button), "pmd-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (collection_button_cb), self);
  return button;
}

/* One row for a year and a value: two fields side by side. */
static GtkWidget *
pair_rows (PmdAssumptionsPage *self,
           GtkWidget          *expander,
           const char         *year_title,
           Field              *year_field,
           int                 year,
           const char         *value_title,
           Field              *value_field,
           const char         *value_text,
           GtkWidget          *remove)
{
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  GtkWidget *y = field_row (year_title, year_text, NULL, year_field);
  GtkWidget *v = field_row (value_title, value_text, NULL, value_field);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (v), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), y);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), v);
  return v;
}

/* The page is built again on any change of what it shows: its rows are
 * few, and it is refreshed only while on screen. */
static void
rebuild (PmdAssumptionsPage *self,
         PmdChangeFlags      flags)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  AdwPreferencesGroup *group;
  g_autofree char *base_year = NULL;
  g_autofree char *horizon = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  group = add_group (self, _("Scenario"), sc->notes);
  adw_preferences_group_add (group, field_row (_("Name"), sc->name, NULL,
                                               field_new (TARGET_SCENARIO_NAME, PMD_FIELD_TEXT, NULL, NULL, 0)));
  base_year = g_strdup_printf ("%d", sc->base_year);
  horizon = g_strdup_printf ("%d", sc->horizon);
  adw_preferences_group_add (group, field_row (_("Base year"), base_year, pmd_sources_lookup (sc->sources, "base_year"),
                                               field_new (TARGET_BASE_YEAR, PMD_FIELD_YEAR, NULL, NULL, 0)));
  adw_preferences_group_add (group, field_row (_("Horizon in years"), horizon, pmd_sources_lookup (sc->sources, "horizon"),
                                               field_new (TARGET_HORIZON, PMD_FIELD_COUNT, NULL, NULL, 0)));
  adw_preferences_group_add (group, param_row (sc, _("Price indexation a year"), "scenario.indexation", PMD_FIELD_PERCENT,
                                               pmd_sources_lookup (sc->sources, "indexation")));
  adw_preferences_group_add (group, param_row (sc, _("Discount rate"), "scenario.discount_rate", PMD_FIELD_PERCENT,
                                               pmd_sources_lookup (sc->sources, "discount_rate")));

  group = add_group (self, _("Layers"), _("From the social base (bottom) to specialist care (top)"));
  adw_preferences_group_set_header_suffix (group, collection_button (self, COLLECTION_LAYERS, NULL));
  for (guint i = 0; i < sc->layers->len; i++)
    {
      const PmdLayer *l = g_ptr_array_index (sc->layers, i);
      GtkWidget *row = field_row (_("Name"), l->name, l->source,
                                  field_new (TARGET_LAYER_NAME, PMD_FIELD_TEXT, NULL, l->id, 0));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), collection_button (self, COLLECTION_LAYERS, l->id));
      adw_preferences_group_add (group, row);
    }

  group = add_group (self, _("Domains"), _("The laws and tasks the cost lines belong to"));
  adw_preferences_group_set_header_suffix (group, collection_button (self, COLLECTION_DOMAINS, NULL));
  for (guint i = 0; i < sc->domains->len; i++)
    {
      const PmdDomain *d = g_ptr_array_index (sc->domains, i);
      GtkWidget *row = field_row (_("Name"), d->name, d->source,
                                  field_new (TARGET_DOMAIN_NAME, PMD_FIELD_TEXT, NULL, d->id, 0));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), collection_button (self, COLLECTION_DOMAINS, d->id));
      adw_preferences_group_add (group, row);
    }

  group = add_group (self, _("Demography"), _("Between two points a cohort grows at a constant rate; beyond them, at the nearest segment's rate"));
  adw_preferences_group_set_header_suffix (group, collection_button (self, COLLECTION_COHORTS, NULL));
  for (guint i = 0; i < sc->cohorts->len; i++)
    {
      const PmdCohort *c = g_ptr_array_index (sc->cohorts, i);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), c->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), c->source ? c->source : "");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   list_button (self, "list-add-symbolic", _("Add a point"), c->id, -1));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), collection_button (self, COLLECTION_COHORTS, c->id));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                field_row (_("Name"), c->name, NULL, field_new (TARGET_COHORT_NAME, PMD_FIELD_TEXT, NULL, c->id, 0)));
      for (guint k = 0; k < c->points->len; k++)
        {
          const PmdYearValue *p = &g_array_index (c->points, PmdYearValue, k);
          g_autofree char *path = g_strdup_printf ("cohorts.%s.points.%u", c->id, k);
          g_autofree char *value = pmd_field_format (PMD_FIELD_COUNT, p->value);

          pair_rows (self, expander, _("Year"), field_new (TARGET_POINT_YEAR, PMD_FIELD_YEAR, NULL, c->id, k), p->year,
                     _("Residents"), field_new (TARGET_PARAM, PMD_FIELD_COUNT, path, NULL, 0), value,
                     list_button (self, "user-trash-symbolic", _("Remove this point"), c->id, k));
        }
      adw_preferences_group_add (group, expander);
    }

  group = add_group (self, _("Funding"), sc->funding.source);
  adw_preferences_group_add (group, param_row (sc, _("Funding in the base year"), "funding.base", PMD_FIELD_MONEY,
                                               pmd_sources_lookup (sc->funding.sources, "base")));
  adw_preferences_group_add (group, param_row (sc, _("Growth a year"), "funding.growth", PMD_FIELD_PERCENT,
                                               pmd_sources_lookup (sc->funding.sources, "growth")));
  {
    GtkWidget *expander = adw_expander_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Steps"));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                   pmd_sources_lookup (sc->funding.sources, "steps") ? pmd_sources_lookup (sc->funding.sources, "steps")
                                                                                     : _("Fixed changes in euros from a year on"));
    adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                 list_button (self, "list-add-symbolic", _("Add a step"), NULL, -1));
    for (guint k = 0; k < sc->funding.steps->len; k++)
      {
        const PmdYearValue *s = &g_array_index (sc->funding.steps, PmdYearValue, k);
        g_autofree char *amount = pmd_field_format (PMD_FIELD_MONEY, s->value);

        pair_rows (self, expander, _("From the year"), field_new (TARGET_FUNDING_STEP_YEAR, PMD_FIELD_YEAR, NULL, NULL, k),
                   s->year, _("Change in euros"), field_new (TARGET_FUNDING_STEP_AMOUNT, PMD_FIELD_MONEY, NULL, NULL, k),
                   amount, list_button (self, "user-trash-symbolic", _("Remove this step"), NULL, k));
      }
    adw_preferences_group_add (group, expander);
  }
}


static void
pmd_assumptions_page_dispose (GObject *object)
{
  PmdAssumptionsPage *self = PMD_ASSUMPTIONS_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (pmd_assumptions_page_parent_class)->dispose (object);
}

static void
pmd_assumptions_page_class_init (PmdAssumptionsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pmd_assumptions_page_dispose;
}

static void
pmd_assumptions_page_init (PmdAssumptionsPage *self)
{
}

PmdAssumptionsPage *
pmd_assumptions_page_new (PmdDocument *document)
{
  PmdAssumptionsPage *self = g_object_new (PMD_TYPE_ASSUMPTIONS_PAGE, NULL);

  self->document = g_object_ref (document);
  self->groups = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
  /* The scenario's own numbers, layers and domains, the cohorts and the
   * funding. */
  self->refresh = pmd_refresh_new (GTK_WIDGET (self), document,
                                   PMD_CHANGE_SCENARIO | PMD_CHANGE_COHORTS | PMD_CHANGE_FUNDING | PMD_CHANGE_FILE,
                                   (PmdRefreshFunc) rebuild);
  rebuild (self, PMD_CHANGE_FILE);
  return self;
}

/* For the tests: find the field row titled @title whose text is @current,
 * type @text and press Enter. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title,
          const char *current)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), current) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title, current);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
_pmd_assumptions_page_type (PmdAssumptionsPage *self,
                            const char         *title,
                            const char         *current,
                            const char         *text)
{
  GtkWidget *row = find_row (GTK_WIDGET (self->page), title, current);

  if (row == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  return TRUE;
}

gboolean
_pmd_assumptions_page_add_remove (PmdAssumptionsPage *self,
                                  const char         *collection,
                                  const char         *id,
                                  GError            **error)
{
  CollectionEdit e = { g_str_equal (collection, "layers") ? COLLECTION_LAYERS
                       : g_str_equal (collection, "domains") ? COLLECTION_DOMAINS : COLLECTION_COHORTS,
                       (char *) id };

  return pmd_document_edit (self->document, collection_edit_cb, &e, error);
}
