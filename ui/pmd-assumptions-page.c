/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-assumptions-page.h"
#include "pmd-field.h"
#include "pmd-format.h"
#include "pmd-page-private.h"
#include "pmd-refresh.h"

/*
 * The scenario's own numbers: name, horizon and rates, the layers, the
 * cohorts with their points, and the funding with its steps. Each field is
 * applied with Enter; every change is one undo step and is validated by the
 * model before it is made.
 */

struct _PmdAssumptionsPage
{
  AdwBin               parent_instance;

  PmdDocument         *document;
  PmdRefresh          *refresh;
  GPtrArray           *fields;    /* every field row, updated in place */
  guint                n_fixed;   /* the first of them, the template's */
  GPtrArray           *built;     /* the rows of layers, domains, cohorts and steps */

  /* Template widgets */
  AdwPreferencesGroup *scenario_group;
  AdwPreferencesGroup *layers_group;
  AdwPreferencesGroup *domains_group;
  AdwPreferencesGroup *cohorts_group;
  AdwPreferencesGroup *funding_group;
  AdwExpanderRow      *steps_row;
  GtkWidget           *name_row;
  GtkWidget           *base_year_row;
  GtkWidget           *horizon_row;
  GtkWidget           *indexation_row;
  GtkWidget           *discount_rate_row;
  GtkWidget           *funding_base_row;
  GtkWidget           *funding_growth_row;
};

G_DEFINE_FINAL_TYPE (PmdAssumptionsPage, pmd_assumptions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  char        *id;         /* a layer, domain or cohort id */
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

static Field *
field_new (Target       target,
           PmdFieldKind kind,
           const char  *path,
           const char  *id,
           guint        index)
{
  Field *f = g_new0 (Field, 1);
  f->target = target;
  /* A parameter is typed as its unit says. */
  f->kind = path != NULL ? pmd_field_kind_for_param (path) : kind;
  f->path = g_strdup (path);
  f->id = g_strdup (id);
  f->index = index;
  return f;
}

static void show_values (PmdAssumptionsPage *self);

/* Values */

static gpointer
find_item (GPtrArray  *items,
           const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (*(char **) g_ptr_array_index (items, i), id) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

static char *
year_text (int year)
{
  return g_strdup_printf ("%d", year);
}

/* What a field shows: NULL when what it edits is gone (the page is about to
 * be built again). */
static char *
field_text (const PmdScenario *sc,
            const Field       *f)
{
  const PmdCohort *c;

  switch (f->target)
    {
    case TARGET_SCENARIO_NAME:
      return g_strdup (sc->name);
    case TARGET_PARAM:
      return pmd_field_format_param (sc, f->path);
    case TARGET_BASE_YEAR:
      return year_text (sc->base_year);
    case TARGET_HORIZON:
      return year_text (sc->horizon);
    case TARGET_LAYER_NAME:
    case TARGET_DOMAIN_NAME:
    case TARGET_COHORT_NAME:
      {
        GPtrArray *items = f->target == TARGET_LAYER_NAME ? sc->layers : f->target == TARGET_DOMAIN_NAME ? sc->domains : sc->cohorts;
        gpointer item = find_item (items, f->id);

        /* Layers, domains and cohorts start with their id and name. */
        return item != NULL ? g_strdup (((char **) item)[1]) : NULL;
      }
    case TARGET_POINT_YEAR:
      c = find_item (sc->cohorts, f->id);
      return c != NULL && f->index < c->points->len ? year_text (g_array_index (c->points, PmdYearValue, f->index).year) : NULL;
    case TARGET_FUNDING_STEP_YEAR:
      return f->index < sc->funding.steps->len ? year_text (g_array_index (sc->funding.steps, PmdYearValue, f->index).year) : NULL;
    case TARGET_FUNDING_STEP_AMOUNT:
      return f->index < sc->funding.steps->len
             ? pmd_field_format (f->kind, g_array_index (sc->funding.steps, PmdYearValue, f->index).value) : NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Where the number of a field comes from. */
static const char *
field_source (const PmdScenario *sc,
              const Field       *f)
{
  const PmdLayer *l;
  const PmdDomain *d;

  switch (f->target)
    {
    case TARGET_BASE_YEAR:
      return pmd_sources_lookup (sc->sources, "base_year");
    case TARGET_HORIZON:
      return pmd_sources_lookup (sc->sources, "horizon");
    case TARGET_PARAM:
      if (g_str_has_prefix (f->path, "scenario."))
        return pmd_sources_lookup (sc->sources, f->path + strlen ("scenario."));
      if (g_str_has_prefix (f->path, "funding."))
        return pmd_sources_lookup (sc->funding.sources, f->path + strlen ("funding."));
      return NULL;
    case TARGET_LAYER_NAME:
      l = find_item (sc->layers, f->id);
      return l != NULL ? l->source : NULL;
    case TARGET_DOMAIN_NAME:
      d = find_item (sc->domains, f->id);
      return d != NULL ? d->source : NULL;
    case TARGET_SCENARIO_NAME:
    case TARGET_COHORT_NAME:
    case TARGET_POINT_YEAR:
    case TARGET_FUNDING_STEP_YEAR:
    case TARGET_FUNDING_STEP_AMOUNT:
    default:
      return NULL;
    }
}

/* Editing */

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
entry_changed_cb (AdwEntryRow *row)
{
  Field *f = g_object_get_data (G_OBJECT (row), "pmd-field");
  double value;

  if (f == NULL || f->kind == PMD_FIELD_TEXT ||
      pmd_field_parse (f->kind, gtk_editable_get_text (GTK_EDITABLE (row)), &value, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
entry_apply_cb (AdwEntryRow        *row,
                PmdAssumptionsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!commit_field (self, g_object_get_data (G_OBJECT (row), "pmd-field"), gtk_editable_get_text (GTK_EDITABLE (row)),
                     &error))
    {
      _pmd_page_show_error (GTK_WIDGET (self), error->message);
      /* The row shows the value it had again. */
      show_values (self);
    }
}

/* A field row of the page: @row from the template, or a new one. */
static GtkWidget *
add_field (PmdAssumptionsPage *self,
           GtkWidget          *row,
           const char         *title,
           Field              *f)
{
  if (row == NULL)
    {
      row = _pmd_page_entry_row (title);
      g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
      g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
    }
  g_object_set_data_full (G_OBJECT (row), "pmd-field", f, field_free);
  /* The window finds the field of a parameter by its path (explain). */
  if (f->target == TARGET_PARAM)
    g_object_set_data (G_OBJECT (row), "pmd-path", f->path);
  g_ptr_array_add (self->fields, row);
  return row;
}

/* Adding and removing cohort points and funding steps */

typedef struct
{
  const char *cohort;      /* NULL: the funding's steps */
  int         remove;      /* index to remove, or -1 to add */
} ListEdit;

static gboolean
list_edit_cb (PmdScenario *sc,
              gpointer     user_data,
              GError     **error)
{
  ListEdit *e = user_data;
  PmdCohort *c = e->cohort != NULL ? find_item (sc->cohorts, e->cohort) : NULL;
  GArray *list = c != NULL ? c->points : sc->funding.steps;

  if (e->cohort != NULL && c == NULL)
    return FALSE;
  if (e->remove >= 0)
    {
      if (c != NULL && list->len <= 1)
        {
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("A cohort keeps at least one point"));
          return FALSE;
        }
      if ((guint) e->remove >= list->len)
        return FALSE;
      g_array_remove_index (list, e->remove);
      return TRUE;
    }
  {
    /* A new point ten years after the last, at the same value; a new
     * funding step in the year after the base year, of zero euros. */
    PmdYearValue yv = { sc->base_year + 1, 0 };
    if (c != NULL)
      {
        yv = g_array_index (list, PmdYearValue, list->len - 1);
        yv.year += 10;
      }
    g_array_append_val (list, yv);
  }
  return TRUE;
}

static void
list_edit (PmdAssumptionsPage *self,
           const char         *cohort,
           int                 remove)
{
  ListEdit e = { cohort, remove };
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !pmd_document_edit (self->document, list_edit_cb, &e, &error) && error != NULL)
    _pmd_page_show_error (GTK_WIDGET (self), error->message);
}

/* assumptions.add-point ("s"): a cohort gets a point. */
static void
add_point_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  list_edit (PMD_ASSUMPTIONS_PAGE (widget), g_variant_get_string (parameter, NULL), -1);
}

/* assumptions.remove-point ("(si)"): a cohort loses a point. */
static void
remove_point_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *cohort;
  int index;

  g_variant_get (parameter, "(&si)", &cohort, &index);
  list_edit (PMD_ASSUMPTIONS_PAGE (widget), cohort, index);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  list_edit (PMD_ASSUMPTIONS_PAGE (widget), NULL, -1);
}

/* assumptions.remove-step ("i") */
static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  list_edit (PMD_ASSUMPTIONS_PAGE (widget), NULL, g_variant_get_int32 (parameter));
}

/* Adding and removing layers, domains and cohorts */

typedef struct
{
  const char *collection;  /* "layers", "domains" or "cohorts" */
  const char *id;          /* to remove, or NULL to add */
} CollectionEdit;

static char *
unused_id (GPtrArray  *items,
           const char *prefix)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (find_item (items, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static gboolean
collection_edit_cb (PmdScenario *sc,
                    gpointer     user_data,
                    GError     **error)
{
  CollectionEdit *e = user_data;
  gboolean layers = g_str_equal (e->collection, "layers");
  gboolean domains = g_str_equal (e->collection, "domains");
  GPtrArray *items = layers ? sc->layers : domains ? sc->domains : sc->cohorts;

  if (e->id == NULL)
    {
      g_autofree char *id = unused_id (items, layers ? "laag" : domains ? "domein" : "cohort");

      if (layers)
        g_ptr_array_add (items, pmd_layer_new (id, _("New layer")));
      else if (domains)
        g_ptr_array_add (items, pmd_domain_new (id, _("New domain")));
      else
        {
          PmdCohort *c = pmd_cohort_new (id, _("New cohort"));

          pmd_cohort_add_point (c, sc->base_year, 1000);
          c->source = g_strdup (_("aanname: added in Piramide, to be filled in"));
          g_ptr_array_add (items, c);
        }
      return TRUE;
    }

  /* Whatever still refers to it is named, rather than removed with it. */
  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      const char *ref = layers ? l->layer : domains ? l->domain : l->driver;

      if (g_strcmp0 (ref, e->id) == 0)
        {
          g_autofree char *name = pmd_format_escape_text (l->name);
          g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE,
                       _("The cost line “%s” still uses it: move that line first"), name);
          return FALSE;
        }
    }
  return g_ptr_array_remove (items, find_item (items, e->id));
}

static void
collection_edit (PmdAssumptionsPage *self,
                 const char         *collection,
                 const char         *id)
{
  CollectionEdit e = { collection, id };
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !pmd_document_edit (self->document, collection_edit_cb, &e, &error) && error != NULL)
    _pmd_page_show_error (GTK_WIDGET (self), error->message);
}

/* assumptions.add ("s"): a new layer, domain or cohort ("layers",
 * "domains", "cohorts"). */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  collection_edit (PMD_ASSUMPTIONS_PAGE (widget), g_variant_get_string (parameter, NULL), NULL);
}

/* assumptions.remove ("(ss)"): the collection and the id. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *collection, *id;

  g_variant_get (parameter, "(&s&s)", &collection, &id);
  collection_edit (PMD_ASSUMPTIONS_PAGE (widget), collection, id);
}

/* Building */

static GtkWidget *
action_button (const char *icon,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* Adds a row that is removed when the page is built again; the rows of a
 * cohort go with its expander row. */
static void
add_built (PmdAssumptionsPage *self,
           GtkWidget          *parent,
           GtkWidget          *row)
{
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  if (ADW_IS_EXPANDER_ROW (parent) && parent != GTK_WIDGET (self->steps_row))
    return;
  g_object_set_data (G_OBJECT (row), "pmd-parent", parent);
  g_ptr_array_add (self->built, row);
}

/* A layer or a domain: its name, and a button to remove it. */
static void
add_named_row (PmdAssumptionsPage  *self,
               AdwPreferencesGroup *group,
               const char          *collection,
               Target               target,
               const char          *id)
{
  GtkWidget *row = add_field (self, NULL, _("Name"), field_new (target, PMD_FIELD_TEXT, NULL, id, 0));

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), action_button ("user-trash-symbolic", _("Remove"), "assumptions.remove",
                                                                g_variant_new ("(ss)", collection, id)));
  add_built (self, GTK_WIDGET (group), row);
}

/* One row for a year and a value: two fields one under the other. */
static void
add_pair (PmdAssumptionsPage *self,
          GtkWidget          *expander,
          const char         *year_title,
          Field              *year_field,
          const char         *value_title,
          Field              *value_field,
          GtkWidget          *remove)
{
  GtkWidget *y = add_field (self, NULL, year_title, year_field);
  GtkWidget *v = add_field (self, NULL, value_title, value_field);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (v), remove);
  add_built (self, expander, y);
  add_built (self, expander, v);
}

static void
add_cohort_row (PmdAssumptionsPage *self,
                const PmdCohort    *c)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), c->name);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               action_button ("list-add-symbolic", _("Add a point"), "assumptions.add-point",
                                              g_variant_new_string (c->id)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               action_button ("user-trash-symbolic", _("Remove"), "assumptions.remove",
                                              g_variant_new ("(ss)", "cohorts", c->id)));
  g_object_set_data_full (G_OBJECT (expander), "pmd-cohort", g_strdup (c->id), g_free);
  add_built (self, GTK_WIDGET (self->cohorts_group), expander);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            add_field (self, NULL, _("Name"), field_new (TARGET_COHORT_NAME, PMD_FIELD_TEXT, NULL, c->id, 0)));
  for (guint k = 0; k < c->points->len; k++)
    {
      g_autofree char *path = g_strdup_printf ("cohorts.%s.points.%u", c->id, k);

      add_pair (self, expander, _("Year"), field_new (TARGET_POINT_YEAR, PMD_FIELD_YEAR, NULL, c->id, k),
                _("Residents"), field_new (TARGET_PARAM, PMD_FIELD_COUNT, path, NULL, 0),
                action_button ("user-trash-symbolic", _("Remove this point"), "assumptions.remove-point",
                               g_variant_new ("(si)", c->id, (int) k)));
    }
}

/* The rows of what comes and goes: layers, domains, cohorts and their
 * points, funding steps. */
static void
build (PmdAssumptionsPage *self)
{
  const PmdScenario *sc;

  for (guint i = 0; i < self->built->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->built, i);
      GtkWidget *parent = g_object_get_data (G_OBJECT (row), "pmd-parent");

      if (parent == GTK_WIDGET (self->steps_row))
        adw_expander_row_remove (self->steps_row, row);
      else
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent), row);
    }
  g_ptr_array_set_size (self->built, 0);
  g_ptr_array_set_size (self->fields, self->n_fixed);
  if (self->document == NULL)
    return;

  sc = pmd_document_get_scenario (self->document);
  for (guint i = 0; i < sc->layers->len; i++)
    add_named_row (self, self->layers_group, "layers", TARGET_LAYER_NAME, ((PmdLayer *) g_ptr_array_index (sc->layers, i))->id);
  for (guint i = 0; i < sc->domains->len; i++)
    add_named_row (self, self->domains_group, "domains", TARGET_DOMAIN_NAME,
                   ((PmdDomain *) g_ptr_array_index (sc->domains, i))->id);
  for (guint i = 0; i < sc->cohorts->len; i++)
    add_cohort_row (self, g_ptr_array_index (sc->cohorts, i));
  for (guint k = 0; k < sc->funding.steps->len; k++)
    add_pair (self, GTK_WIDGET (self->steps_row), _("From the year"),
              field_new (TARGET_FUNDING_STEP_YEAR, PMD_FIELD_YEAR, NULL, NULL, k),
              _("Change in euros"), field_new (TARGET_FUNDING_STEP_AMOUNT, PMD_FIELD_MONEY, NULL, NULL, k),
              action_button ("user-trash-symbolic", _("Remove this step"), "assumptions.remove-step",
                             g_variant_new_int32 ((int) k)));
}

/* The values of the document, in the rows there are. */
static void
show_values (PmdAssumptionsPage *self)
{
  const PmdScenario *sc = pmd_document_get_scenario (self->document);
  const char *steps = pmd_sources_lookup (sc->funding.sources, "steps");

  adw_preferences_group_set_description (self->scenario_group, sc->notes);
  adw_preferences_group_set_description (self->funding_group, sc->funding.source);
  adw_expander_row_set_subtitle (self->steps_row, steps != NULL ? steps : _("Fixed changes in euros from a year on"));
  for (guint i = 0; i < self->built->len; i++)
    {
      GObject *row = g_ptr_array_index (self->built, i);
      const PmdCohort *c = find_item (sc->cohorts, g_object_get_data (row, "pmd-cohort"));

      if (c != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), c->source ? c->source : "");
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fields, i);
      const Field *f = g_object_get_data (G_OBJECT (row), "pmd-field");
      g_autofree char *text = field_text (sc, f);

      if (text == NULL)
        continue;
      _pmd_page_set_text (row, text);
      if (f->target != TARGET_COHORT_NAME)
        _pmd_page_set_source (row, field_source (sc, f));
    }
}

/* Rows are built again when layers, domains, cohorts, points or steps came
 * or went (or a year or name changed); new values show in the same rows. */
static void
refresh_now (PmdAssumptionsPage *self,
             PmdChangeFlags      flags)
{
  if (flags & (PMD_CHANGE_STRUCTURE | PMD_CHANGE_FILE))
    build (self);
  if (self->document != NULL)
    show_values (self);
}

static void
pmd_assumptions_page_dispose (GObject *object)
{
  PmdAssumptionsPage *self = PMD_ASSUMPTIONS_PAGE (object);

  g_clear_pointer (&self->refresh, pmd_refresh_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->built, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_ASSUMPTIONS_PAGE);
  G_OBJECT_CLASS (pmd_assumptions_page_parent_class)->dispose (object);
}

static void
pmd_assumptions_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PmdAssumptionsPage *self = PMD_ASSUMPTIONS_PAGE (object);

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
pmd_assumptions_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PmdAssumptionsPage *self = PMD_ASSUMPTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pmd_assumptions_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_assumptions_page_class_init (PmdAssumptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pmd_assumptions_page_dispose;
  object_class->get_property = pmd_assumptions_page_get_property;
  object_class->set_property = pmd_assumptions_page_set_property;

  /**
   * PmdAssumptionsPage:document:
   *
   * The document whose assumptions the page shows and edits.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-assumptions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, scenario_group);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, layers_group);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, domains_group);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, cohorts_group);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, funding_group);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, steps_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, base_year_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, horizon_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, indexation_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, discount_rate_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, funding_base_row);
  gtk_widget_class_bind_template_child (widget_class, PmdAssumptionsPage, funding_growth_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_apply_cb);

  gtk_widget_class_install_action (widget_class, "assumptions.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "assumptions.remove", "(ss)", remove_action);
  gtk_widget_class_install_action (widget_class, "assumptions.add-point", "s", add_point_action);
  gtk_widget_class_install_action (widget_class, "assumptions.remove-point", "(si)", remove_point_action);
  gtk_widget_class_install_action (widget_class, "assumptions.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "assumptions.remove-step", "i", remove_step_action);
}

static void
pmd_assumptions_page_init (PmdAssumptionsPage *self)
{
  self->fields = g_ptr_array_new ();
  self->built = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* What the template's fields edit. */
  add_field (self, self->name_row, NULL, field_new (TARGET_SCENARIO_NAME, PMD_FIELD_TEXT, NULL, NULL, 0));
  add_field (self, self->base_year_row, NULL, field_new (TARGET_BASE_YEAR, PMD_FIELD_YEAR, NULL, NULL, 0));
  add_field (self, self->horizon_row, NULL, field_new (TARGET_HORIZON, PMD_FIELD_YEARS, NULL, NULL, 0));
  add_field (self, self->indexation_row, NULL, field_new (TARGET_PARAM, 0, "scenario.indexation", NULL, 0));
  add_field (self, self->discount_rate_row, NULL, field_new (TARGET_PARAM, 0, "scenario.discount_rate", NULL, 0));
  add_field (self, self->funding_base_row, NULL, field_new (TARGET_PARAM, 0, "funding.base", NULL, 0));
  add_field (self, self->funding_growth_row, NULL, field_new (TARGET_PARAM, 0, "funding.growth", NULL, 0));
  self->n_fixed = self->fields->len;
}

/**
 * pmd_assumptions_page_new:
 * @document: (nullable): the document to show
 *
 * Returns: (transfer floating): a page for @document's assumptions
 */
PmdAssumptionsPage *
pmd_assumptions_page_new (PmdDocument *document)
{
  return g_object_new (PMD_TYPE_ASSUMPTIONS_PAGE, "document", document, NULL);
}

/**
 * pmd_assumptions_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
PmdDocument *
pmd_assumptions_page_get_document (PmdAssumptionsPage *self)
{
  g_return_val_if_fail (PMD_IS_ASSUMPTIONS_PAGE (self), NULL);

  return self->document;
}

/**
 * pmd_assumptions_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows @document's assumptions instead of the old document's. Nothing is
 * built until the page is on screen.
 */
void
pmd_assumptions_page_set_document (PmdAssumptionsPage *self,
                                   PmdDocument        *document)
{
  g_return_if_fail (PMD_IS_ASSUMPTIONS_PAGE (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  /* The scenario's own numbers, layers and domains, the cohorts and the
   * funding. */
  pmd_refresh_watch (&self->refresh, GTK_WIDGET (self), document,
                     PMD_CHANGE_SCENARIO | PMD_CHANGE_COHORTS | PMD_CHANGE_FUNDING | PMD_CHANGE_FILE,
                     (PmdRefreshFunc) refresh_now, PMD_CHANGE_FILE | PMD_CHANGE_STRUCTURE);
  if (document == NULL)
    build (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
