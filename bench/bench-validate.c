/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How the time to check a scenario grows with its size: 1.000, 10.000 and
 * 100.000 cost lines (with an intervention, a range and a variant override
 * per hundred lines, 21 years), each validated (every rule, every id and
 * reference, and the projection that must not overflow), resolved alone,
 * and a copy given its variant; "of which project" is the projection that
 * validation runs to refuse overflows. Linear checking shows as a time per
 * line that stays within a small factor from row to row (100.000 lines no
 * longer fit the processor's caches); the pairwise comparison of ids this
 * replaced grew tenfold per line with every row, over a minute for 100.000.
 *
 *   ./build/bench/bench-validate [ROUNDS]
 *
 * Not a test: wall-clock numbers depend on the machine and its load. The
 * best of ROUNDS (default 5) is shown.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pmd-model.h"

static PmdScenario *
scenario_of (guint n)
{
  PmdScenario *sc = pmd_scenario_new ();
  PmdCohort *c = pmd_cohort_new ("c", "Cohort");
  PmdVariant *v = pmd_variant_new ("v", "Variant");
  static const char *const layers[] = { "basis", "licht", "zwaar" };
  static const char *const domains[] = { "wmo", "jeugd", "participatie" };

  sc->horizon = 20;
  for (guint k = 0; k < G_N_ELEMENTS (layers); k++)
    g_ptr_array_add (sc->layers, pmd_layer_new (layers[k], layers[k]));
  for (guint k = 0; k < G_N_ELEMENTS (domains); k++)
    g_ptr_array_add (sc->domains, pmd_domain_new (domains[k], domains[k]));
  pmd_cohort_add_point (c, 2020, 6400);
  pmd_cohort_add_point (c, 2040, 12500);
  g_ptr_array_add (sc->cohorts, c);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("post-%u", i);
      PmdLine *l = pmd_line_new (id, id, layers[i % 3], domains[i % 3], 100000.0 + i);

      l->clients = 10 + i % 100;
      l->has_clients = TRUE;
      if (i % 2 == 0)
        {
          l->driver = g_strdup ("c");
          l->elasticity = 0.8;
        }
      g_ptr_array_add (sc->lines, l);
    }
  for (guint i = 0; i + 1 < n; i += 100)
    {
      g_autofree char *id = g_strdup_printf ("maatregel-%u", i);
      g_autofree char *source = g_strdup_printf ("post-%u", n - 1 - i);
      g_autofree char *target = g_strdup_printf ("post-%u", i);
      g_autofree char *range = g_strdup_printf ("lines.post-%u.growth", (i * 7) % n);
      g_autofree char *override = g_strdup_printf ("interventions.%s.fraction", id);
      PmdIntervention *iv = pmd_intervention_new (id, PMD_INTERVENTION_SHIFT, source, target, 2027);

      iv->fraction = 0.1;
      iv->cost_ratio = 0.5;
      g_ptr_array_add (sc->interventions, iv);
      g_ptr_array_add (sc->ranges, pmd_range_new (range, -0.01, 0.01));
      pmd_variant_add_override (v, override, 0.2);
    }
  g_ptr_array_add (sc->variants, v);
  return sc;
}

/* One job on a scenario: it may change @sc only in a copy. */
typedef gboolean (*Job) (PmdScenario *sc,
                         GError     **error);

static gboolean
job_validate (PmdScenario *sc,
              GError     **error)
{
  return pmd_scenario_validate (sc, error);
}

static gboolean
job_resolve (PmdScenario *sc,
             GError     **error)
{
  return pmd_scenario_resolve (sc, error);
}

static gboolean
job_project (PmdScenario *sc,
             GError     **error)
{
  g_autoptr(PmdProjection) p = pmd_project (sc, error);
  return p != NULL;
}

static gboolean
job_apply (PmdScenario *sc,
           GError     **error)
{
  g_autoptr(PmdScenario) copy = pmd_scenario_copy (sc);
  return pmd_scenario_apply_variant (copy, "v", error);
}

/* The best wall-clock time of @rounds runs of @job, in seconds. */
static double
best_of (PmdScenario *sc,
         int          rounds,
         Job          job)
{
  double best = G_MAXDOUBLE;

  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!job (sc, &error))
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - t0) / 1e6);
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  int rounds = argc > 1 ? atoi (argv[1]) : 5;

  if (rounds < 1)
    rounds = 1;
  printf ("%8s  %12s %9s  %12s %9s  %12s %9s  %12s %9s\n", "lines", "validate ms", "µs/line", "of which", "µs/line",
          "resolve ms", "µs/line", "variant ms", "µs/line");
  printf ("%8s  %12s %9s  %12s %9s\n", "", "", "", "project ms", "");
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(PmdScenario) sc = scenario_of (sizes[k]);
      double v = best_of (sc, rounds, job_validate);
      double p = best_of (sc, rounds, job_project);
      double r = best_of (sc, rounds, job_resolve);
      double a = best_of (sc, rounds, job_apply);

      printf ("%8u  %12.2f %9.3f  %12.2f %9.3f  %12.2f %9.3f  %12.2f %9.3f\n", sizes[k], v * 1e3, v * 1e6 / sizes[k],
              p * 1e3, p * 1e6 / sizes[k], r * 1e3, r * 1e6 / sizes[k], a * 1e3, a * 1e6 / sizes[k]);
    }
  return 0;
}
