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
  g_test_add_func ("/model/document/change-flags", test_change_flags);

  return g_test_run ();
}
