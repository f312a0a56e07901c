/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pmd-change.h"
#include "pmd-document.h"
#include "pmd-format.h"
#include "pmd-history.h"
#include "pmd-param.h"

/*
 * The open scenario: what the window edits. Every edit works on a copy that
 * is validated before it replaces the scenario, so a rejected value changes
 * nothing. Undo keeps whole snapshots (a scenario is small); edits with the
 * same merge key in quick succession — the steps of one slider drag — form
 * one undo step.
 *
 * Each state keeps the name of the step that made it (pmd-history.c), so
 * the history reads as a list of steps the user can go back to, and any
 * of them can become a variant.
 */

#define MERGE_WINDOW_USEC (1500 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  PmdScenario *scenario;
  guint        state;
  char        *name;      /* the step that made it; NULL: as opened */
} Snapshot;

struct _PmdDocument
{
  GObject        parent_instance;

  PmdScenario   *scenario;
  PmdScenario   *effective;
  PmdProjection *projection;
  char          *variant;
  char          *name;     /* of the step that made the scenario */

  GArray        *undo;     /* Snapshot */
  GArray        *redo;
  char          *merge_key;
  gint64         merge_time;

  guint          state;
  guint          next_state;
  guint          saved_state;
};

G_DEFINE_FINAL_TYPE (PmdDocument, pmd_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_VARIANT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
snapshot_clear (gpointer data)
{
  Snapshot *s = data;
  g_clear_pointer (&s->scenario, pmd_scenario_free);
  g_clear_pointer (&s->name, g_free);
}

static GArray *
snapshot_stack_new (void)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (Snapshot));
  g_array_set_clear_func (stack, snapshot_clear);
  return stack;
}

/* The scenario as shown: @base with the active variant applied. */
static PmdScenario *
build_effective (const PmdScenario *base,
                 const char        *variant,
                 GError           **error)
{
  g_autoptr(PmdScenario) effective = pmd_scenario_copy (base);

  if (variant != NULL)
    {
      if (!pmd_scenario_apply_variant (effective, variant, error))
        return NULL;
    }
  else if (!pmd_scenario_validate (effective, error))
    return NULL;
  return g_steal_pointer (&effective);
}

/* What the properties said before a change, to notify only what changed. */
typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} Flags;

static Flags
flags_capture (PmdDocument *self)
{
  return (Flags) { self->undo->len > 0, self->redo->len > 0, self->state != self->saved_state };
}

/* Makes @scenario (and its effective form) current, projects it and says
 * what changed: @flags, and what differs from the scenario shown before.
 * @path: the one parameter the change set, or NULL. */
static void
install (PmdDocument    *self,
         PmdScenario    *scenario,
         PmdScenario    *effective,
         const Flags    *before,
         PmdChangeFlags  flags,
         const char     *path)
{
  g_autoptr(GError) error = NULL;

  /* The caller has compared the scenario as written (an edit, an undo or
   * redo) or says what changed (another file, another variant); the
   * variant's overrides show in the effective scenario, compared here. */
  if (self->effective == NULL)
    flags |= PMD_CHANGE_CONTENT | PMD_CHANGE_STRUCTURE;
  else
    flags |= pmd_scenario_diff (self->effective, effective);
  if (scenario != self->scenario)
    g_clear_pointer (&self->scenario, pmd_scenario_free);
  g_clear_pointer (&self->effective, pmd_scenario_free);
  self->scenario = scenario;
  self->effective = effective;
  if (!pmd_projection_compute (self->projection, self->effective, &error))
    g_critical ("A validated scenario did not project: %s", error->message);

  g_signal_emit (self, signals[CHANGED], 0, flags, path);
  if (before->can_undo != pmd_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != pmd_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->modified != pmd_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
push (GArray      *stack,
      PmdScenario *scenario,
      guint        state,
      char        *name)
{
  Snapshot s = { scenario, state, name };
  g_array_append_val (stack, s);
}

static Snapshot
pop (GArray *stack)
{
  Snapshot s = g_array_index (stack, Snapshot, stack->len - 1);

  /* Take it out without freeing what it holds. */
  g_array_index (stack, Snapshot, stack->len - 1).scenario = NULL;
  g_array_index (stack, Snapshot, stack->len - 1).name = NULL;
  g_array_set_size (stack, stack->len - 1);
  return s;
}

/* Replaces the scenario by @next as one undo step (or as part of the last
 * one when @merge_key continues it). Takes @next. */
static gboolean
commit (PmdDocument *self,
        PmdScenario *next,
        const char  *path,
        const char  *merge_key,
        gboolean     merge_any_time,
        GError     **error)
{
  g_autoptr(PmdScenario) owned = next;
  g_autoptr(GError) local = NULL;
  PmdScenario *effective = build_effective (owned, self->variant, &local);
  gint64 now = g_get_monotonic_time ();
  Flags before = flags_capture (self);
  PmdChangeFlags flags;
  gboolean merge;

  /* The scenario as written is read too (editors, the variants chart):
   * its ids resolved like the effective one's. */
  if (effective != NULL && !pmd_scenario_resolve (owned, &local))
    g_clear_pointer (&effective, pmd_scenario_free);
  if (effective == NULL)
    {
      /* A rule the edit breaks, in the user's words: the place in the
       * file ("$.lines[7].base_cost: …") becomes the number's name as
       * every screen shows it ("Wmo-maatwerkvoorzieningen: cost in the
       * base year: …"), "$.horizon" "Horizon". */
      pmd_scenario_say_in_words (owned, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  flags = pmd_scenario_diff (self->scenario, owned);
  merge = merge_key != NULL && g_strcmp0 (merge_key, self->merge_key) == 0 &&
          (merge_any_time || now - self->merge_time < MERGE_WINDOW_USEC) && self->undo->len > 0;
  /* A merged step is named from where it started: the drag as a whole. */
  {
    const PmdScenario *start = merge ? g_array_index (self->undo, Snapshot, self->undo->len - 1).scenario
                                     : self->scenario;
    char *name = pmd_scenario_describe_change (start, owned);

    if (!merge)
      {
        push (self->undo, g_steal_pointer (&self->scenario), self->state, g_steal_pointer (&self->name));
        g_free (self->merge_key);
        self->merge_key = g_strdup (merge_key);
      }
    g_free (self->name);
    self->name = name;
  }
  self->merge_time = now;
  g_array_set_size (self->redo, 0);
  self->state = ++self->next_state;
  install (self, g_steal_pointer (&owned), effective, &before, flags, path);
  return TRUE;
}

static void
pmd_document_finalize (GObject *object)
{
  PmdDocument *self = PMD_DOCUMENT (object);

  g_clear_pointer (&self->scenario, pmd_scenario_free);
  g_clear_pointer (&self->effective, pmd_scenario_free);
  g_clear_pointer (&self->projection, pmd_projection_free);
  g_clear_pointer (&self->variant, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
  g_clear_pointer (&self->merge_key, g_free);

  G_OBJECT_CLASS (pmd_document_parent_class)->finalize (object);
}

static void
pmd_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmdDocument *self = PMD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, pmd_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pmd_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pmd_document_can_redo (self));
      break;
    case PROP_VARIANT:
      g_value_set_string (value, self->variant);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_document_class_init (PmdDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pmd_document_finalize;
  object_class->get_property = pmd_document_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VARIANT] =
    g_param_spec_string ("variant", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PmdDocument::changed:
   * @flags: what the change touched (#PmdChangeFlags)
   * @path: (nullable): the one parameter the change set, or %NULL
   *
   * The scenario or the variant shown changed, and with it the projection.
   * A page refreshes when @flags touch what it shows.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   PMD_TYPE_CHANGE_FLAGS, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pmd_document_init (PmdDocument *self)
{
  self->undo = snapshot_stack_new ();
  self->redo = snapshot_stack_new ();
  self->projection = pmd_projection_new ();
}

/**
 * pmd_document_new:
 * @scenario: (transfer full): a valid scenario
 *
 * Returns: (transfer full): a document holding @scenario, unmodified
 */
PmdDocument *
pmd_document_new (PmdScenario *scenario)
{
  PmdDocument *self = g_object_new (PMD_TYPE_DOCUMENT, NULL);

  pmd_document_replace (self, scenario);
  return self;
}

/**
 * pmd_document_replace:
 * @scenario: (transfer full): a valid scenario
 *
 * Shows another scenario (a file opened): no variant, no undo history,
 * nothing modified.
 */
void
pmd_document_replace (PmdDocument *self,
                      PmdScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  Flags before = flags_capture (self);
  gboolean had_variant = self->variant != NULL;
  PmdScenario *effective;

  g_return_if_fail (PMD_IS_DOCUMENT (self));
  g_return_if_fail (scenario != NULL);

  effective = build_effective (scenario, NULL, &error);
  if (effective == NULL)
    {
      g_critical ("pmd_document_replace: the scenario is not valid: %s", error->message);
      pmd_scenario_free (scenario);
      return;
    }
  g_array_set_size (self->undo, 0);
  g_array_set_size (self->redo, 0);
  g_clear_pointer (&self->merge_key, g_free);
  g_clear_pointer (&self->variant, g_free);
  g_clear_pointer (&self->name, g_free);
  self->state = ++self->next_state;
  self->saved_state = self->state;
  install (self, scenario, effective, &before, PMD_CHANGE_FILE | PMD_CHANGE_CONTENT | PMD_CHANGE_STRUCTURE, NULL);
  if (had_variant)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
}

/**
 * pmd_document_get_scenario:
 *
 * Returns: (transfer none): the scenario as edited, without the variant
 */
const PmdScenario *
pmd_document_get_scenario (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  return self->scenario;
}

/**
 * pmd_document_get_effective:
 *
 * Returns: (transfer none): the scenario as shown: with the variant applied
 */
const PmdScenario *
pmd_document_get_effective (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  return self->effective;
}

/**
 * pmd_document_get_projection:
 *
 * Returns: (transfer none): the projection of the scenario as shown
 */
const PmdProjection *
pmd_document_get_projection (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  return self->projection;
}

const char *
pmd_document_get_variant (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  return self->variant;
}

/**
 * pmd_document_set_variant:
 * @variant_id: (nullable): a variant of the scenario, or NULL for none
 *
 * Shows the scenario with a variant's overrides. This is a view, not an
 * edit: it is not undone and does not modify the document.
 */
gboolean
pmd_document_set_variant (PmdDocument *self,
                          const char  *variant_id,
                          GError     **error)
{
  PmdScenario *effective;
  Flags before = flags_capture (self);

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);

  if (g_strcmp0 (variant_id, self->variant) == 0)
    return TRUE;
  effective = build_effective (self->scenario, variant_id, error);
  if (effective == NULL)
    return FALSE;
  g_free (self->variant);
  self->variant = g_strdup (variant_id);
  g_clear_pointer (&self->merge_key, g_free);
  install (self, self->scenario, effective, &before, PMD_CHANGE_SHOWN_VARIANT, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
  return TRUE;
}

/**
 * pmd_document_get_param:
 * @value: (out): the parameter's value as shown (with the variant)
 *
 * Returns: %FALSE for an unknown path
 */
gboolean
pmd_document_get_param (PmdDocument *self,
                        const char  *path,
                        double      *value)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return pmd_scenario_get_param (self->effective, path, value, NULL);
}

/* The variant shown, in @scenario (a copy being edited). */
static PmdVariant *
active_variant (PmdScenario *scenario,
                const char  *variant)
{
  int idx = variant ? pmd_scenario_find_variant (scenario, variant) : -1;
  return idx >= 0 ? g_ptr_array_index (scenario->variants, idx) : NULL;
}

/**
 * pmd_document_set_param:
 * @path: a parameter path
 * @value: its new value
 * @merge_key: (nullable): edits with the same key within a moment of each
 *   other are one undo step (one slider drag)
 * @error: an unknown path, or the rule the value breaks
 *
 * Changes one number. While a variant is shown the change belongs to that
 * variant: its override of @path is set (or added), and the scenario as
 * written keeps its value. What the user moves is what the user sees.
 */
gboolean
pmd_document_set_param (PmdDocument *self,
                        const char  *path,
                        double       value,
                        const char  *merge_key,
                        GError     **error)
{
  g_autoptr(PmdScenario) next = NULL;
  PmdVariant *variant;

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The value it has already: nothing changes, no undo step (a cell left
   * with Escape, or with Enter and the same number). */
  {
    double current;

    if (pmd_document_get_param (self, path, &current) && current == value)
      return TRUE;
  }

  next = pmd_scenario_copy (self->scenario);
  variant = active_variant (next, self->variant);
  if (variant != NULL)
    {
      PmdParam param;
      guint k;

      /* The path must name a number of the scenario. */
      if (!pmd_scenario_lookup_param (next, path, &param, error))
        return FALSE;
      for (k = 0; k < variant->overrides->len; k++)
        if (g_str_equal (g_array_index (variant->overrides, PmdOverride, k).path, path))
          break;
      if (k < variant->overrides->len)
        g_array_index (variant->overrides, PmdOverride, k).value = value;
      else
        pmd_variant_add_override (variant, path, value);
    }
  else if (!pmd_scenario_set_param (next, path, value, error))
    return FALSE;
  return commit (self, g_steal_pointer (&next), path, merge_key, FALSE, error);
}

/**
 * pmd_document_edit:
 * @func: changes a copy of the scenario
 * @user_data: for @func
 * @error: from @func, or the rule the result breaks
 *
 * Any edit as one undo step; nothing changes when it fails.
 */
gboolean
pmd_document_edit (PmdDocument *self,
                   PmdEditFunc  func,
                   gpointer     user_data,
                   GError     **error)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);

  pmd_document_break_merge (self);
  return pmd_document_edit_merge (self, func, user_data, NULL, error);
}

/**
 * pmd_document_edit_merge:
 * @merge_key: (nullable): consecutive edits with this key, however far
 *   apart in time, are one undo step, until pmd_document_break_merge()
 *
 * For a dialog whose every change is previewed live and which is undone or
 * kept as a whole.
 */
gboolean
pmd_document_edit_merge (PmdDocument *self,
                         PmdEditFunc  func,
                         gpointer     user_data,
                         const char  *merge_key,
                         GError     **error)
{
  g_autoptr(PmdScenario) next = NULL;

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  next = pmd_scenario_copy (self->scenario);
  if (!func (next, user_data, error))
    return FALSE;
  return commit (self, g_steal_pointer (&next), NULL, merge_key, TRUE, error);
}

/* Ends the current merge: the next edit is a step of its own. */
void
pmd_document_break_merge (PmdDocument *self)
{
  g_return_if_fail (PMD_IS_DOCUMENT (self));
  g_clear_pointer (&self->merge_key, g_free);
}

gboolean
pmd_document_get_modified (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return self->state != self->saved_state;
}

/* The scenario as it is now has been saved. */
void
pmd_document_set_saved (PmdDocument *self)
{
  g_return_if_fail (PMD_IS_DOCUMENT (self));

  if (self->saved_state == self->state)
    return;
  self->saved_state = self->state;
  pmd_document_break_merge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The scenario as it is now has not been saved (restored work). */
void
pmd_document_set_unsaved (PmdDocument *self)
{
  g_return_if_fail (PMD_IS_DOCUMENT (self));

  if (self->saved_state != self->state)
    return;
  self->saved_state = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
pmd_document_can_undo (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
pmd_document_can_redo (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return self->redo->len > 0;
}

/* Moves one snapshot from @from to the current state, the current state
 * onto @to. */
static gboolean
step (PmdDocument *self,
      GArray      *from,
      GArray      *to)
{
  Snapshot s;
  PmdScenario *effective;
  Flags before = flags_capture (self);
  PmdChangeFlags flags = PMD_CHANGE_NONE;
  gboolean variant_gone;

  if (from->len == 0)
    return FALSE;
  s = pop (from);
  /* A variant the snapshot does not have any more is no longer shown. */
  variant_gone = self->variant != NULL && pmd_scenario_find_variant (s.scenario, self->variant) < 0;
  if (variant_gone)
    {
      g_clear_pointer (&self->variant, g_free);
      flags |= PMD_CHANGE_SHOWN_VARIANT;
    }
  effective = build_effective (s.scenario, self->variant, NULL);
  if (effective == NULL)
    effective = build_effective (s.scenario, NULL, NULL);
  g_assert (effective != NULL);
  flags |= pmd_scenario_diff (self->scenario, s.scenario);
  push (to, g_steal_pointer (&self->scenario), self->state, g_steal_pointer (&self->name));
  self->state = s.state;
  self->name = s.name;
  pmd_document_break_merge (self);
  install (self, s.scenario, effective, &before, flags, NULL);
  if (variant_gone)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANT]);
  return TRUE;
}

gboolean
pmd_document_undo (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return step (self, self->undo, self->redo);
}

gboolean
pmd_document_redo (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return step (self, self->redo, self->undo);
}

/**
 * pmd_document_take_back:
 *
 * Undoes the last step and forgets it: Redo cannot bring it back. For a
 * preview the user cancelled (the money dialog shows its intervention in
 * the window while it is open); undone, Cancel left a step that Redo
 * turned into the intervention the user had cancelled.
 *
 * Returns: whether there was a step to take back
 */
gboolean
pmd_document_take_back (PmdDocument *self)
{
  g_autoptr(GArray) forgotten = snapshot_stack_new ();

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);
  return step (self, self->undo, forgotten);
}

typedef struct
{
  const char *collection;
  const char *id;
  const char *name;
} Rename;

/* The id and name fields of @id in @collection: every entity struct starts
 * with its id and then its name. */
static char **
entity_fields (const PmdScenario *sc,
               const char        *collection,
               const char        *id)
{
  GPtrArray *items = NULL;

  if (g_str_equal (collection, "layers"))
    items = sc->layers;
  else if (g_str_equal (collection, "domains"))
    items = sc->domains;
  else if (g_str_equal (collection, "cohorts"))
    items = sc->cohorts;
  else if (g_str_equal (collection, "lines"))
    items = sc->lines;
  else if (g_str_equal (collection, "interventions"))
    items = sc->interventions;
  else if (g_str_equal (collection, "variants"))
    items = sc->variants;
  g_return_val_if_fail (items != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      char **fields = g_ptr_array_index (items, i);
      if (g_strcmp0 (fields[0], id) == 0)
        return fields;
    }
  return NULL;
}

static gboolean
rename_cb (PmdScenario *sc,
           gpointer     user_data,
           GError     **error)
{
  Rename *r = user_data;
  char **fields = entity_fields (sc, r->collection, r->id);

  if (fields == NULL)
    {
      g_autofree char *shown = pmd_format_escape_text (r->id);
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE, _("Nothing has the id “%s”"), shown);
      return FALSE;
    }
  g_free (fields[1]);
  fields[1] = g_strdup (r->name);
  return TRUE;
}

/**
 * pmd_document_rename:
 * @collection: "layers", "domains", "cohorts", "lines", "interventions" or "variants"
 * @id: the id of one of them
 * @name: its new name (spaces at the ends are dropped; empty is refused)
 *
 * Renames one thing, as one undo step.
 */
gboolean
pmd_document_rename (PmdDocument *self,
                     const char  *collection,
                     const char  *id,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  Rename r = { collection, id, stripped };

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), FALSE);

  if (*stripped == '\0')
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("A name cannot be empty"));
      return FALSE;
    }
  /* The name it has already: no undo step. */
  {
    char **fields = entity_fields (self->scenario, collection, id);

    if (fields != NULL && g_strcmp0 (fields[1], stripped) == 0)
      return TRUE;
  }
  return pmd_document_edit (self, rename_cb, &r, error);
}

/* History */

/**
 * pmd_document_get_history_length:
 *
 * Returns: the states the history holds: the undo steps, the state shown
 *   and the steps that can be redone
 */
guint
pmd_document_get_history_length (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), 0);
  return self->undo->len + 1 + self->redo->len;
}

/**
 * pmd_document_get_history_position:
 *
 * Returns: the index of the state shown in the history
 */
guint
pmd_document_get_history_position (PmdDocument *self)
{
  g_return_val_if_fail (PMD_IS_DOCUMENT (self), 0);
  return self->undo->len;
}

/* The snapshot at @index, or NULL for the state shown. Redo keeps its next
 * state last. */
static const Snapshot *
history_at (PmdDocument *self,
            guint        index)
{
  if (index < self->undo->len)
    return &g_array_index (self->undo, Snapshot, index);
  if (index == self->undo->len)
    return NULL;
  return &g_array_index (self->redo, Snapshot, self->redo->len - 1 - (index - self->undo->len - 1));
}

/**
 * pmd_document_get_history_name:
 * @index: below pmd_document_get_history_length()
 *
 * Returns: (transfer none) (nullable): the step that made the state at
 *   @index ("Inwoners 75+ in 2040: 12.500 → 14.000"), or %NULL for the
 *   scenario as opened
 */
const char *
pmd_document_get_history_name (PmdDocument *self,
                               guint        index)
{
  const Snapshot *s;

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < pmd_document_get_history_length (self), NULL);

  s = history_at (self, index);
  return s != NULL ? s->name : self->name;
}

/**
 * pmd_document_get_history_scenario:
 *
 * Returns: (transfer none): the scenario as written at @index
 */
const PmdScenario *
pmd_document_get_history_scenario (PmdDocument *self,
                                   guint        index)
{
  const Snapshot *s;

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < pmd_document_get_history_length (self), NULL);

  s = history_at (self, index);
  return s != NULL ? s->scenario : self->scenario;
}

/**
 * pmd_document_go_to_history:
 * @index: below pmd_document_get_history_length()
 *
 * Shows the state at @index by undoing or redoing step by step, so that
 * Undo and Redo carry on from there.
 */
void
pmd_document_go_to_history (PmdDocument *self,
                            guint        index)
{
  g_return_if_fail (PMD_IS_DOCUMENT (self));
  g_return_if_fail (index < pmd_document_get_history_length (self));

  while (self->undo->len > index && pmd_document_undo (self))
    ;
  while (self->undo->len < index && pmd_document_redo (self))
    ;
}

typedef struct
{
  const char *id;
  const char *name;
  GArray     *overrides;
} NewVariant;

static gboolean
add_variant_cb (PmdScenario *sc,
                gpointer     user_data,
                GError     **error)
{
  NewVariant *nv = user_data;
  PmdVariant *v = pmd_variant_new (nv->id, nv->name);

  for (guint k = 0; k < nv->overrides->len; k++)
    pmd_variant_add_override (v, g_array_index (nv->overrides, PmdOverride, k).path,
                              g_array_index (nv->overrides, PmdOverride, k).value);
  g_ptr_array_add (sc->variants, v);
  return TRUE;
}

static void
override_clear (gpointer data)
{
  g_free (((PmdOverride *) data)->path);
}

/**
 * pmd_document_add_variant_from_history:
 * @index: a state of the history
 * @name: the variant's name
 * @error: the variant breaks a rule
 *
 * Adds, as one undo step, a variant whose overrides are exactly the
 * parameters whose value at @index differs from the scenario as written
 * now: shown, it gives the numbers of that moment. Lines or interventions
 * added or removed since are not parameters and stay as they are now.
 *
 * Returns: (transfer full) (nullable): the new variant's id
 */
char *
pmd_document_add_variant_from_history (PmdDocument *self,
                                       guint        index,
                                       const char  *name,
                                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GArray) overrides = NULL;
  NewVariant nv;

  g_return_val_if_fail (PMD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < pmd_document_get_history_length (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID, _("A name cannot be empty"));
      return NULL;
    }
  overrides = pmd_scenario_param_differences (pmd_document_get_history_scenario (self, index), self->scenario);
  g_array_set_clear_func (overrides, override_clear);
  id = pmd_scenario_new_variant_id (self->scenario, stripped);
  nv = (NewVariant) { id, stripped, overrides };
  if (!pmd_document_edit (self, add_variant_cb, &nv, error))
    return NULL;
  return g_steal_pointer (&id);
}
