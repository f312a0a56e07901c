/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pmd-test-utils.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          int        *count)
{
  (*count)++;
}

static void
changed_cb (PmdDocument    *doc,
            PmdChangeFlags  flags,
            const char     *path,
            int            *count)
{
  (*count)++;
}

static double
total_2030 (PmdDocument *doc)
{
  const PmdProjection *p = pmd_document_get_projection (doc);
  return p->total_scenario[pmd_projection_year_index (p, 2030)];
}

static void
test_new_destroy (void)
{
  PmdDocument *doc = pmd_document_new (pmd_test_scenario_two_lines ());

  g_assert_false (pmd_document_get_modified (doc));
  g_assert_false (pmd_document_can_undo (doc));
  g_assert_false (pmd_document_can_redo (doc));
  g_assert_null (pmd_document_get_variant (doc));
  /* The projection is the scenario's (tests/test-model-projection.c: 2030 =
   * 1,149,568.13 + 653,696.02). */
  assert_euro (total_2030 (doc), 1803264.150867077);
  g_assert_finalize_object (doc);
}

/* An edit, its undo and redo; "modified" follows the saved state. */
static void
test_undo_redo (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  int modified = 0, can_undo = 0, changed = 0;
  double v;

  g_signal_connect (doc, "notify::modified", G_CALLBACK (count_cb), &modified);
  g_signal_connect (doc, "notify::can-undo", G_CALLBACK (count_cb), &can_undo);
  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), &changed);

  /* l2 (500,000 flat) to 600,000: 2030 total + 100,000. */
  g_assert_true (pmd_document_set_param (doc, "lines.l2.base_cost", 600000, NULL, &error));
  g_assert_no_error (error);
  assert_euro (total_2030 (doc), 1903264.150867077);
  g_assert_true (pmd_document_get_modified (doc));
  g_assert_true (pmd_document_can_undo (doc));
  g_assert_cmpint (modified, ==, 1);
  g_assert_cmpint (can_undo, ==, 1);
  g_assert_cmpint (changed, ==, 1);

  /* A second edit: modified stays TRUE, no second notification. */
  g_assert_true (pmd_document_set_param (doc, "lines.l2.base_cost", 700000, NULL, &error));
  g_assert_cmpint (modified, ==, 1);
  g_assert_cmpint (can_undo, ==, 1);

  g_assert_true (pmd_document_undo (doc));
  g_assert_true (pmd_document_get_param (doc, "lines.l2.base_cost", &v));
  g_assert_cmpfloat (v, ==, 600000);
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpfloat (pmd_document_get_param (doc, "lines.l2.base_cost", &v) ? v : -1, ==, 500000);
  assert_euro (total_2030 (doc), 1803264.150867077);
  /* Back at the saved state: not modified. */
  g_assert_false (pmd_document_get_modified (doc));
  g_assert_cmpint (modified, ==, 2);
  g_assert_false (pmd_document_undo (doc));

  g_assert_true (pmd_document_redo (doc));
  g_assert_true (pmd_document_get_modified (doc));
  g_assert_cmpfloat (pmd_document_get_param (doc, "lines.l2.base_cost", &v) ? v : -1, ==, 600000);

  /* Saving makes this state the unmodified one. */
  pmd_document_set_saved (doc);
  g_assert_false (pmd_document_get_modified (doc));
  g_assert_true (pmd_document_undo (doc));
  g_assert_true (pmd_document_get_modified (doc));

  /* A new edit after an undo drops the redo history. */
  g_assert_true (pmd_document_can_redo (doc));
  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.02, NULL, &error));
  g_assert_false (pmd_document_can_redo (doc));
}

/* One slider drag: many values with one merge key are one undo step. */
static void
test_merge (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  double v;

  for (int i = 1; i <= 20; i++)
    g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2000 + 10 * i, "slider:c", &error));
  g_assert_true (pmd_document_get_param (doc, "cohorts.c.points.1", &v));
  g_assert_cmpfloat (v, ==, 2200);
  g_assert_true (pmd_document_undo (doc));
  g_assert_true (pmd_document_get_param (doc, "cohorts.c.points.1", &v));
  g_assert_cmpfloat (v, ==, 2000);
  g_assert_false (pmd_document_can_undo (doc));

  /* Another key, or a break, starts a new step. */
  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2100, "slider:c", &error));
  pmd_document_break_merge (doc);
  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2200, "slider:c", &error));
  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.03, "slider:g", &error));
  g_assert_true (pmd_document_undo (doc));
  g_assert_true (pmd_document_undo (doc));
  g_assert_true (pmd_document_get_param (doc, "cohorts.c.points.1", &v));
  g_assert_cmpfloat (v, ==, 2100);
}

/* A value that breaks a rule changes nothing and leaves no undo step. */
static void
test_rejected (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  int changed = 0;
  double v;

  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_false (pmd_document_set_param (doc, "interventions.i2.fraction", 1.5, NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pmd_document_set_param (doc, "lines.nope.growth", 1, NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
  g_assert_true (pmd_document_get_param (doc, "interventions.i2.fraction", &v));
  g_assert_cmpfloat (v, ==, 0.2);
  g_assert_false (pmd_document_can_undo (doc));
  g_assert_false (pmd_document_get_modified (doc));
  g_assert_cmpint (changed, ==, 0);
}

/* The variant shown: its overrides apply, and moving an overridden
 * parameter moves the override. */
static void
test_variant (void)
{
  PmdScenario *sc = pmd_test_scenario_two_lines ();
  PmdVariant *v = pmd_variant_new ("half", "Half");
  g_autoptr(PmdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  double value;

  pmd_variant_add_override (v, "interventions.i2.fraction", 0.1);
  g_ptr_array_add (sc->variants, v);
  doc = pmd_document_new (sc);

  g_assert_true (pmd_document_set_variant (doc, "half", &error));
  g_assert_cmpstr (pmd_document_get_variant (doc), ==, "half");
  g_assert_false (pmd_document_get_modified (doc));
  g_assert_true (pmd_document_get_param (doc, "interventions.i2.fraction", &value));
  g_assert_cmpfloat (value, ==, 0.1);
  /* 2030 with a 10% shift: l1 = 0.9 × 1,436,960.17 = 1,293,264.15;
   * l2 = 500,000 + 0.5 × 143,696.02 + 10,000 = 581,848.01. */
  assert_euro (total_2030 (doc), 0.9 * 1436960.1676300857 + 500000 + 0.05 * 1436960.1676300857 + 10000);

  g_assert_true (pmd_document_set_param (doc, "interventions.i2.fraction", 0.15, NULL, &error));
  g_assert_true (pmd_document_get_param (doc, "interventions.i2.fraction", &value));
  g_assert_cmpfloat (value, ==, 0.15);
  /* The file's own value is untouched: the override moved. */
  g_assert_true (pmd_scenario_get_param ((PmdScenario *) pmd_document_get_scenario (doc),
                                         "interventions.i2.fraction", &value, NULL));
  g_assert_cmpfloat (value, ==, 0.2);

  /* A parameter the variant did not override gets an override. */
  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.05, NULL, &error));
  g_assert_true (pmd_document_get_param (doc, "lines.l1.growth", &value));
  g_assert_cmpfloat (value, ==, 0.05);
  g_assert_true (pmd_scenario_get_param ((PmdScenario *) pmd_document_get_scenario (doc),
                                         "lines.l1.growth", &value, NULL));
  g_assert_cmpfloat (value, ==, 0.01);
  g_assert_cmpuint (((PmdVariant *) g_ptr_array_index (pmd_document_get_scenario (doc)->variants, 0))->overrides->len, ==, 2);
  /* A value the variant makes invalid is refused like any other. */
  g_assert_false (pmd_document_set_param (doc, "interventions.i2.fraction", 3, NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pmd_document_set_variant (doc, "nope", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
  g_assert_cmpstr (pmd_document_get_variant (doc), ==, "half");
  g_assert_true (pmd_document_set_variant (doc, NULL, NULL));
  g_assert_true (pmd_document_get_param (doc, "interventions.i2.fraction", &value));
  g_assert_cmpfloat (value, ==, 0.2);
}

static gboolean
add_line_cb (PmdScenario *sc,
             gpointer     user_data,
             GError     **error)
{
  g_ptr_array_add (sc->lines, pmd_line_new (user_data, "New", "basis", "d1", 1000));
  return TRUE;
}

/* Any edit through a function; a broken result is refused. */
static void
test_edit (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;

  g_assert_true (pmd_document_edit (doc, add_line_cb, "l3", &error));
  g_assert_cmpuint (pmd_document_get_scenario (doc)->lines->len, ==, 3);
  g_assert_cmpint (pmd_document_get_projection (doc)->n_lines, ==, 3);
  /* A second "l3" duplicates an id. */
  g_assert_false (pmd_document_edit (doc, add_line_cb, "l3", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pmd_document_get_scenario (doc)->lines->len, ==, 3);
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpuint (pmd_document_get_scenario (doc)->lines->len, ==, 2);

  /* Renaming: trimmed, never empty, one undo step. */
  g_assert_true (pmd_document_rename (doc, "layers", "top", "  Geïndiceerd ", &error));
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (pmd_document_get_scenario (doc)->layers, 1))->name, ==, "Geïndiceerd");
  g_assert_false (pmd_document_rename (doc, "lines", "l1", "   ", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pmd_document_rename (doc, "lines", "nope", "X", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_REFERENCE);
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpstr (((PmdLayer *) g_ptr_array_index (pmd_document_get_scenario (doc)->layers, 1))->name, ==, "Top");
}

/* Setting a number to the value it has, or a name to the name it has (a
 * cell left with Escape, Enter on an unchanged cell), changes nothing: no
 * "changed", no undo step, not modified. */
static void
test_no_change (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  const PmdLine *l2;
  g_autofree char *name = NULL;
  int changed = 0;
  double v;

  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_true (pmd_document_get_param (doc, "lines.l2.base_cost", &v));
  g_assert_true (pmd_document_set_param (doc, "lines.l2.base_cost", v, NULL, &error));
  g_assert_no_error (error);
  l2 = g_ptr_array_index (pmd_document_get_scenario (doc)->lines,
                          pmd_scenario_find_line (pmd_document_get_scenario (doc), "l2"));
  name = g_strdup (l2->name);
  g_assert_true (pmd_document_rename (doc, "lines", "l2", name, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 0);
  g_assert_false (pmd_document_can_undo (doc));
  g_assert_false (pmd_document_get_modified (doc));

  /* A real change still is one. */
  g_assert_true (pmd_document_set_param (doc, "lines.l2.base_cost", v + 1, NULL, &error));
  g_assert_cmpint (changed, ==, 1);
  g_assert_true (pmd_document_can_undo (doc));
}

/* A step taken back is undone and cannot be redone: the document is as
 * before it, with nothing to redo. */
static void
test_take_back (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  double v;

  g_assert_true (pmd_document_set_param (doc, "lines.l2.base_cost", 600000, NULL, &error));
  g_assert_true (pmd_document_take_back (doc));
  g_assert_true (pmd_document_get_param (doc, "lines.l2.base_cost", &v));
  g_assert_cmpfloat (v, ==, 500000);
  g_assert_false (pmd_document_can_redo (doc));
  g_assert_false (pmd_document_can_undo (doc));
  g_assert_false (pmd_document_get_modified (doc));
  g_assert_false (pmd_document_take_back (doc));
}

/* A value that breaks a rule is refused in the words of the screens, not
 * with the place in the file ("$.lines[1].base_cost"). */
static void
test_rule_in_words (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;

  g_assert_false (pmd_document_set_param (doc, "lines.l2.base_cost", -5, NULL, &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: cost in the base year: "));
  g_assert_null (strstr (error->message, "$."));
}

/* Not only parameters: every rule an edit breaks is said in words, so that
 * no place in the file ("$.horizon", "$.funding.steps[1][0]") reaches the
 * window. */
static gboolean
break_horizon_cb (PmdScenario *sc, gpointer user_data, GError **error)
{
  sc->horizon = -3;
  return TRUE;
}

static gboolean
break_base_year_cb (PmdScenario *sc, gpointer user_data, GError **error)
{
  sc->base_year = 1800;
  return TRUE;
}

static gboolean
break_end_cb (PmdScenario *sc, gpointer user_data, GError **error)
{
  ((PmdIntervention *) g_ptr_array_index (sc->interventions, 0))->end = 2026;
  return TRUE;
}

static gboolean
break_funding_step_cb (PmdScenario *sc, gpointer user_data, GError **error)
{
  g_array_index (sc->funding.steps, PmdYearValue, 1).year = 2500;
  return TRUE;
}

static gboolean
break_line_step_cb (PmdScenario *sc, gpointer user_data, GError **error)
{
  g_array_index (((PmdLine *) g_ptr_array_index (sc->lines, 0))->steps, PmdYearValue, 0).value = -2;
  return TRUE;
}

static gboolean
break_point_cb (PmdScenario *sc, gpointer user_data, GError **error)
{
  g_array_index (((PmdCohort *) g_ptr_array_index (sc->cohorts, 0))->points, PmdYearValue, 1).value = -1;
  return TRUE;
}

static void
test_rules_in_words (void)
{
  static const struct { PmdEditFunc func; const char *message; } cases[] = {
    { break_horizon_cb, "Horizon: must lie between 0 and 100 years (found -3)" },
    { break_base_year_cb, "Base year: " },
    { break_end_cb, "i1: last year: the end year must not lie before the start year" },
    { break_funding_step_cb, "Funding: the step from 2500: " },
    { break_line_step_cb, "Line 1: the step from 2028: " },
    { break_point_cb, "Cohort in 2036: " },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
      g_autoptr(GError) error = NULL;

      g_assert_false (pmd_document_edit (doc, cases[k].func, NULL, &error));
      g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[k].message));
      g_assert_null (strstr (error->message, "$"));
    }
}

/* What each change says it touched: one value of a line is the lines and
 * nothing else; a line added or a name changed is structure; an undo says
 * what the edit it undoes said; another variant shown touches what the
 * variant overrides; another file touches everything. */
typedef struct
{
  int            count;
  PmdChangeFlags flags;
  char          *path;
} Seen;

static void
seen_cb (PmdDocument    *doc,
         PmdChangeFlags  flags,
         const char     *path,
         Seen           *seen)
{
  seen->count++;
  seen->flags = flags;
  g_free (seen->path);
  seen->path = g_strdup (path);
}

static void
test_change_flags (void)
{
  PmdScenario *sc = pmd_test_scenario_two_lines ();
  PmdVariant *v = pmd_variant_new ("half", "Half");
  g_autoptr(PmdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0 };

  pmd_variant_add_override (v, "interventions.i2.fraction", 0.1);
  g_ptr_array_add (sc->variants, v);
  doc = pmd_document_new (sc);
  g_signal_connect (doc, "changed", G_CALLBACK (seen_cb), &seen);

  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.03, NULL, &error));
  g_assert_cmpint (seen.count, ==, 1);
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_LINES);
  g_assert_cmpstr (seen.path, ==, "lines.l1.growth");

  g_assert_true (pmd_document_set_param (doc, "funding.base", 1700000, NULL, &error));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_FUNDING);

  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2500, NULL, &error));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_COHORTS);

  g_assert_true (pmd_document_edit (doc, add_line_cb, (gpointer) "l3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_LINES | PMD_CHANGE_STRUCTURE);
  g_assert_null (seen.path);

  g_assert_true (pmd_document_rename (doc, "lines", "l1", "Wmo", &error));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_LINES | PMD_CHANGE_STRUCTURE);

  /* Undo says what the edit said; so does redo. */
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_LINES | PMD_CHANGE_STRUCTURE);
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_LINES | PMD_CHANGE_STRUCTURE);
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_COHORTS);
  g_assert_null (seen.path);
  g_assert_true (pmd_document_redo (doc));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_COHORTS);

  /* The variant sets i2's fraction: the interventions show other values. */
  g_assert_true (pmd_document_set_variant (doc, "half", &error));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_SHOWN_VARIANT | PMD_CHANGE_INTERVENTIONS);
  /* While it is shown, a value typed is the variant's override: the file's
   * variants change, and the lines as shown; an override added is a value
   * of the variant, not structure (a lever dragged stays). */
  g_assert_true (pmd_document_set_param (doc, "lines.l2.base_cost", 400000, NULL, &error));
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_VARIANTS | PMD_CHANGE_LINES);

  pmd_document_replace (doc, pmd_test_scenario_two_lines ());
  g_assert_cmpuint (seen.flags, ==, PMD_CHANGE_FILE | PMD_CHANGE_CONTENT | PMD_CHANGE_STRUCTURE);
  g_free (seen.path);
}

/* History */

/* Each step is named by what it changed, in the parameter table's words
 * and formatting; a drag merged into one step from its start to its end. */
static void
test_history_names (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pmd_document_get_history_length (doc), ==, 1);
  g_assert_null (pmd_document_get_history_name (doc, 0));

  /* Cohort in 2036: 2.000 → 2.500, in two moves of one drag. */
  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2200, "drag", &error));
  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2500, "drag", &error));
  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.03, NULL, &error));
  g_assert_true (pmd_document_edit (doc, add_line_cb, "l3", &error));
  g_assert_true (pmd_document_rename (doc, "lines", "l3", "Dagbesteding 18+", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pmd_document_get_history_length (doc), ==, 5);
  g_assert_cmpuint (pmd_document_get_history_position (doc), ==, 4);
  g_assert_cmpstr (pmd_document_get_history_name (doc, 1), ==, "Cohort in 2036: 2.000 → 2.500");
  g_assert_cmpstr (pmd_document_get_history_name (doc, 2), ==, "Volume growth: Line 1: 1,0% → 3,0%");
  g_assert_cmpstr (pmd_document_get_history_name (doc, 3), ==, "Cost line added: New");
  g_assert_cmpstr (pmd_document_get_history_name (doc, 4), ==, "Renamed: New → Dagbesteding 18+");

  /* Undone, a step keeps its name and its place. */
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpuint (pmd_document_get_history_length (doc), ==, 5);
  g_assert_cmpuint (pmd_document_get_history_position (doc), ==, 3);
  g_assert_cmpstr (pmd_document_get_history_name (doc, 4), ==, "Renamed: New → Dagbesteding 18+");
  g_assert_cmpstr (pmd_document_get_history_name (doc, 3), ==, "Cost line added: New");
}

/* Going back to a step shows that step's scenario; Redo carries on. */
static void
test_history_go_to (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  double value;
  int changes = 0;

  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.02, NULL, &error));
  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.03, NULL, &error));
  g_assert_true (pmd_document_set_param (doc, "lines.l1.growth", 0.04, NULL, &error));
  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), &changes);

  pmd_document_go_to_history (doc, 1);
  g_assert_cmpuint (pmd_document_get_history_position (doc), ==, 1);
  g_assert_true (pmd_document_get_param (doc, "lines.l1.growth", &value));
  g_assert_cmpfloat (value, ==, 0.02);
  g_assert_cmpint (changes, ==, 2);
  g_assert_true (pmd_document_can_redo (doc));

  pmd_document_go_to_history (doc, 3);
  g_assert_true (pmd_document_get_param (doc, "lines.l1.growth", &value));
  g_assert_cmpfloat (value, ==, 0.04);
  g_assert_false (pmd_document_can_redo (doc));

  pmd_document_go_to_history (doc, 0);
  g_assert_true (pmd_document_get_param (doc, "lines.l1.growth", &value));
  g_assert_cmpfloat (value, ==, 0.01);
  g_assert_cmpstr (pmd_document_get_history_name (doc, 2), ==, "Volume growth: Line 1: 2,0% → 3,0%");
}

/* A variant made from a step reproduces that step's projection: projected
 * with the variant shown, the totals and the gap are the step's, year by
 * year. Its overrides are exactly the parameters that differ. */
static void
test_history_variant (void)
{
  g_autoptr(PmdDocument) doc = pmd_document_new (pmd_test_scenario_two_lines ());
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdProjection) at_step = pmd_projection_new ();
  g_autofree char *id = NULL;
  const PmdScenario *sc;
  const PmdVariant *v;
  const PmdProjection *p;
  guint length;

  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 2600, NULL, &error));
  g_assert_true (pmd_document_set_param (doc, "interventions.i1.return", 3.0, NULL, &error));
  /* Step 2 is the one to keep; then more is changed. */
  g_assert_true (pmd_document_set_param (doc, "cohorts.c.points.1", 1800, NULL, &error));
  g_assert_true (pmd_document_set_param (doc, "funding.base", 1500000, NULL, &error));
  g_assert_true (pmd_document_set_param (doc, "interventions.i2.fraction", 0.4, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pmd_projection_compute (at_step, pmd_document_get_history_scenario (doc, 2), &error));
  length = pmd_document_get_history_length (doc);

  id = pmd_document_add_variant_from_history (doc, 2, "  Zoals bij stap 2 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "zoals-bij-stap-2");
  /* One undo step. */
  g_assert_cmpuint (pmd_document_get_history_length (doc), ==, length + 1);
  g_assert_cmpstr (pmd_document_get_history_name (doc, length), ==, "Variant added: Zoals bij stap 2");

  sc = pmd_document_get_scenario (doc);
  v = g_ptr_array_index (sc->variants, pmd_scenario_find_variant (sc, id));
  g_assert_cmpstr (v->name, ==, "Zoals bij stap 2");
  /* cohorts 1800 → 2600, funding 1,5 → 1,6 mln, fraction 0,4 → 0,2; the
   * return is 3 at both. */
  g_assert_cmpuint (v->overrides->len, ==, 3);
  g_assert_cmpstr (g_array_index (v->overrides, PmdOverride, 0).path, ==, "funding.base");
  g_assert_cmpfloat (g_array_index (v->overrides, PmdOverride, 0).value, ==, 1600000);
  g_assert_cmpstr (g_array_index (v->overrides, PmdOverride, 1).path, ==, "cohorts.c.points.1");
  g_assert_cmpfloat (g_array_index (v->overrides, PmdOverride, 1).value, ==, 2600);
  g_assert_cmpstr (g_array_index (v->overrides, PmdOverride, 2).path, ==, "interventions.i2.fraction");
  g_assert_cmpfloat (g_array_index (v->overrides, PmdOverride, 2).value, ==, 0.2);

  g_assert_true (pmd_document_set_variant (doc, id, &error));
  p = pmd_document_get_projection (doc);
  g_assert_cmpint (p->n_years, ==, at_step->n_years);
  for (int t = 0; t < p->n_years; t++)
    {
      assert_euro (p->total_scenario[t], at_step->total_scenario[t]);
      assert_euro (p->gap[t], at_step->gap[t]);
      assert_euro (p->savings[t], at_step->savings[t]);
    }
  g_assert_cmpfloat_with_epsilon (p->npv, at_step->npv, PMD_EURO_EPSILON);

  /* Undone, the variant is gone. */
  g_assert_true (pmd_document_undo (doc));
  g_assert_cmpint (pmd_scenario_find_variant (pmd_document_get_scenario (doc), id), <, 0);

  g_assert_null (pmd_document_add_variant_from_history (doc, 1, "  ", &error));
  g_assert_error (error, PMD_SCENARIO_ERROR, PMD_SCENARIO_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/document/new-destroy", test_new_destroy);
  g_test_add_func ("/model/document/undo-redo", test_undo_redo);
  g_test_add_func ("/model/document/merge", test_merge);
  g_test_add_func ("/model/document/rejected", test_rejected);
  g_test_add_func ("/model/document/variant", test_variant);
  g_test_add_func ("/model/document/edit", test_edit);
  g_test_add_func ("/model/document/no-change", test_no_change);
  g_test_add_func ("/model/document/take-back", test_take_back);
  g_test_add_func ("/model/document/rule-in-words", test_rule_in_words);
  g_test_add_func ("/model/document/rules-in-words", test_rules_in_words);
  g_test_add_func ("/model/document/change-flags", test_change_flags);
  g_test_add_func ("/model/document/history-names", test_history_names);
  g_test_add_func ("/model/document/history-go-to", test_history_go_to);
  g_test_add_func ("/model/document/history-variant", test_history_variant);

  return g_test_run ();
}
