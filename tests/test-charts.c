/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pmd-chart.h"
#include "pmd-chart-export.h"
#include "pmd-chart-layout.h"
#include "pmd-documents.h"
#include "pmd-file-writer.h"
#include "pmd-scenario-file.h"

/* Layout arithmetic, worked out by hand. */
static void
test_nice_ticks (void)
{
  static const struct { double lo, hi; int max; double first, step; int count; } cases[] = {
    /* 130.4e6 / 5 = 26.08e6 → magnitude 1e7: steps 1e7 (15 ticks), 2e7 (8),
     * 2.5e7 (7) are too many for 6; 5e7 gives 0, 50, 100, 150 mln. */
    { 0, 130.4e6, 6, 0, 5e7, 4 },
    /* 1/4 = 0.25 → magnitude 0.1: 0.1 (11), 0.2 (6) too many; 0.25 gives 5. */
    { 0, 1, 5, 0, 0.25, 5 },
    /* 10/5 = 2 → magnitude 1: 1 (11), 2 (−4…8: 7) too many; 2.5 gives −5…7.5: 6. */
    { -3, 7, 6, -5, 2.5, 6 },
    /* A flat series: 5…5 becomes 0…5; 1.25 → magnitude 1: 1 (6) too many; 2 gives 0…6: 4. */
    { 5, 5, 5, 0, 2, 4 },
    /* Nothing at all: 0…1. */
    { 0, 0, 3, 0, 0.5, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PmdTicks t;
      pmd_chart_nice_ticks (cases[i].lo, cases[i].hi, cases[i].max, &t);
      g_assert_cmpfloat_with_epsilon (t.first, cases[i].first, 1e-9);
      g_assert_cmpfloat_with_epsilon (t.step, cases[i].step, 1e-9);
      g_assert_cmpint (t.count, ==, cases[i].count);
      g_assert_cmpint (t.count, <=, cases[i].max);
    }

  /* 21 years, 60 px apart, labels 50 px: every year. 20 px apart: 2 × 20 = 40
   * < 50, so every 5 years (100 px). */
  g_assert_cmpint (pmd_chart_year_step (21, 60, 50), ==, 1);
  g_assert_cmpint (pmd_chart_year_step (21, 20, 50), ==, 5);
  g_assert_cmpint (pmd_chart_year_step (41, 3, 50), ==, 20);

  /* Axis units and decimals: 25 mln steps need none, 0.5 mln one. */
  g_assert_cmpfloat (pmd_chart_money_unit (130e6), ==, 1e6);
  g_assert_cmpfloat (pmd_chart_money_unit (2e9), ==, 1e9);
  g_assert_cmpfloat (pmd_chart_money_unit (999999), ==, 1);
  g_assert_cmpint (pmd_chart_decimals_for (25e6, 1e6), ==, 0);
  g_assert_cmpint (pmd_chart_decimals_for (0.5e6, 1e6), ==, 1);
  g_assert_cmpint (pmd_chart_decimals_for (0.25e6, 1e6), ==, 2);
}

static void
test_overlap (void)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (PmdChartBox));
  PmdChartBox a = { 0, 0, 10, 10 }, b = { 10, 0, 10, 10 }, c = { 5, 5, 10, 10 };
  guint i, j;

  /* Touching is not overlapping. */
  g_assert_false (pmd_chart_boxes_overlap (&a, &b));
  g_assert_true (pmd_chart_boxes_overlap (&a, &c));
  g_array_append_val (boxes, a);
  g_array_append_val (boxes, b);
  g_assert_false (pmd_chart_find_overlap (boxes, &i, &j));
  g_array_append_val (boxes, c);
  g_assert_true (pmd_chart_find_overlap (boxes, &i, &j));
  g_assert_cmpuint (i, ==, 0);
  g_assert_cmpuint (j, ==, 2);
}

/* Scenarios for the edge cases */

static PmdScenario *
westland (void)
{
  g_autoptr(GError) error = NULL;
  PmdScenario *sc = pmd_scenario_load_bundled ("westland-2026", &error);
  g_assert_no_error (error);
  return sc;
}

static void
validate (PmdScenario *sc)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (pmd_scenario_validate (sc, &error));
  g_assert_no_error (error);
}

static PmdScenario *
one_layer (void)
{
  PmdScenario *sc = pmd_scenario_new ();
  PmdLine *l;

  g_ptr_array_add (sc->layers, pmd_layer_new ("enige", "Enige laag"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("d", "Domein"));
  l = pmd_line_new ("a", "Post A", "enige", "d", 5e6);
  l->clients = 100;
  l->has_clients = TRUE;
  l->growth = 0.02;
  g_ptr_array_add (sc->lines, l);
  g_ptr_array_add (sc->lines, pmd_line_new ("b", "Post B", "enige", "d", 1e6));
  sc->funding.base = 5.5e6;
  validate (sc);
  return sc;
}

static PmdScenario *
zero_costs (void)
{
  PmdScenario *sc = pmd_scenario_new ();

  g_ptr_array_add (sc->layers, pmd_layer_new ("a", "A"));
  g_ptr_array_add (sc->layers, pmd_layer_new ("b", "B"));
  g_ptr_array_add (sc->domains, pmd_domain_new ("d", "D"));
  g_ptr_array_add (sc->lines, pmd_line_new ("x", "X", "a", "d", 0));
  g_ptr_array_add (sc->lines, pmd_line_new ("y", "Y", "b", "d", 0));
  validate (sc);
  return sc;
}

/* Every intervention costs more than it saves: return 0. */
static PmdScenario *
savings_negative (void)
{
  PmdScenario *sc = westland ();

  /* The file's ranges hold the old values, not these. */
  g_ptr_array_set_size (sc->ranges, 0);
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      iv->ret = 0;
      iv->cost_ratio = 1;
      iv->one_off = 250000;
      iv->structural = 100000;
    }
  validate (sc);
  return sc;
}

static PmdScenario *
long_horizon (void)
{
  PmdScenario *sc = westland ();
  sc->horizon = 40;
  validate (sc);
  return sc;
}

static PmdScenario *
many_lines (void)
{
  PmdScenario *sc = westland ();

  for (int i = 0; i < 191; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%d", i);
      g_autofree char *name = g_strdup_printf ("Extra post %d", i);
      PmdLine *l = pmd_line_new (id, name, i % 3 == 0 ? "basis" : i % 3 == 1 ? "licht" : "zwaar",
                                 i % 2 ? "wmo" : "jeugd", 50000 + 1000 * i);
      l->growth = 0.001 * (i % 30);
      g_ptr_array_add (sc->lines, l);
    }
  g_assert_cmpuint (sc->lines->len, ==, 200);
  validate (sc);
  return sc;
}

static PmdScenario *
long_names (void)
{
  PmdScenario *sc = westland ();
  const char *very_long = "Bijzonder lange naam van een onderdeel van het sociaal domein dat niemand ooit "
                          "zo zou willen noemen maar dat toch voorkomt in een echte begroting";

  g_free (sc->name);
  sc->name = g_strdup (very_long);
  for (guint i = 0; i < sc->layers->len; i++)
    {
      PmdLayer *l = g_ptr_array_index (sc->layers, i);
      g_free (l->name);
      l->name = g_strdup_printf ("%s %u", very_long, i);
    }
  for (guint i = 0; i < sc->interventions->len; i++)
    {
      PmdIntervention *iv = g_ptr_array_index (sc->interventions, i);
      g_free (iv->name);
      iv->name = g_strdup_printf ("%s %u", very_long, i);
    }
  for (guint i = 0; i < sc->variants->len; i++)
    {
      PmdVariant *v = g_ptr_array_index (sc->variants, i);
      g_free (v->name);
      v->name = g_strdup_printf ("%s %u", very_long, i);
    }
  validate (sc);
  return sc;
}

typedef struct
{
  const char   *name;
  PmdScenario *(*make) (void);
} Case;

static const Case cases[] = {
  { "westland", westland },
  { "one-layer", one_layer },
  { "zero-costs", zero_costs },
  { "savings-negative", savings_negative },
  { "horizon-40", long_horizon },
  { "200-lines", many_lines },
  { "long-names", long_names },
};

static const struct { int w, h; } sizes[] = {
  { 480, 320 }, { 640, 400 }, { 1280, 720 }, { 1920, 1080 }, { 3840, 2160 },
};

typedef struct
{
  PmdScenario    *scenario;
  PmdProjection  *projection;
  PmdComparison  *variants;
  PmdMonteCarlo  *monte_carlo;
  GArray         *swings;
  PmdMonitor     *monitor;
  PmdChartInput   input;
} Fixture;

/* Actuals for the render tests: each line spends in months 1–5 of the base
 * year at 1, 1,2 or 1,4 times a twelfth of its budget a month, so some
 * lines run ahead of the budget path and the total is about on it. */
static PmdMonitor *
some_actuals (const PmdScenario   *sc,
              const PmdProjection *p)
{
  g_autoptr(GArray) rows = pmd_realisation_array_new ();
  g_autoptr(GError) error = NULL;
  PmdMonitor *monitor;

  for (guint i = 0; i < sc->lines->len; i++)
    {
      const PmdLine *l = g_ptr_array_index (sc->lines, i);
      for (int m = 1; m <= 5; m++)
        pmd_realisation_array_add (rows, l->id, NULL, p->base_year, m,
                                   p->line_scenario[i * p->n_years] / 12 * (1 + 0.2 * (i % 3)), FALSE);
    }
  monitor = pmd_monitor_compute (sc, p, (PmdRealisation *) (void *) rows->data, rows->len, p->base_year, 5,
                                 PMD_MONITOR_THRESHOLD_DEFAULT, &error);
  g_assert_no_error (error);
  return monitor;
}

static void
fixture_init (Fixture     *f,
              const Case  *c,
              PmdChartKind kind)
{
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->scenario = c->make ();
  f->projection = pmd_project (f->scenario, &error);
  g_assert_no_error (error);
  f->input.scenario = f->scenario;
  f->input.projection = f->projection;
  if (kind == PMD_CHART_VARIANTS)
    {
      f->variants = pmd_comparison_new_variants (f->scenario, &error);
      g_assert_no_error (error);
      f->input.variants = f->variants;
    }
  if (g_str_equal (c->name, "200-lines") && kind == PMD_CHART_CURVES)
    f->input.grouping = PMD_GROUP_LINE;
  if (kind == PMD_CHART_FAN)
    {
      f->monte_carlo = pmd_monte_carlo_run (f->scenario, 200, 1, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      f->input.monte_carlo = f->monte_carlo;
    }
  if (kind == PMD_CHART_TORNADO)
    {
      f->swings = pmd_sensitivity (f->scenario, "totals.gap", pmd_scenario_get_end_year (f->scenario),
                                   &f->input.swing_base, &error);
      g_assert_no_error (error);
      f->input.swings = f->swings;
      f->input.swing_output = "totals.gap";
    }
  if (kind == PMD_CHART_ACTUALS)
    f->input.monitor = f->monitor = some_actuals (f->scenario, f->projection);
}

static void
fixture_clear (Fixture *f)
{
  pmd_monte_carlo_free (f->monte_carlo);
  pmd_monitor_free (f->monitor);
  g_clear_pointer (&f->swings, g_array_unref);
  pmd_comparison_free (f->variants);
  pmd_projection_free (f->projection);
  pmd_scenario_free (f->scenario);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static gboolean
close_to (guint32 pixel,
          double  r,
          double  g,
          double  b)
{
  return fabs (((pixel >> 16) & 0xff) - r * 255) < 12 && fabs (((pixel >> 8) & 0xff) - g * 255) < 12 &&
         fabs ((pixel & 0xff) - b * 255) < 12;
}

/* Every kind, every case, every size: not blank, no label outside the
 * canvas, no two labels on top of each other. */
static void
test_render_all (gconstpointer data)
{
  PmdChartKind kind = GPOINTER_TO_INT (data);
  PmdChartStyle style;

  pmd_chart_style_init (&style, FALSE);
  for (guint ci = 0; ci < G_N_ELEMENTS (cases); ci++)
    for (guint si = 0; si < G_N_ELEMENTS (sizes); si++)
      {
        Fixture f;
        int w = sizes[si].w, h = sizes[si].h;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(PmdChartRecord) record = pmd_chart_record_new ();
        guint first, second, ink = 0;

        fixture_init (&f, &cases[ci], kind);
        pmd_chart_render_record (kind, &f.input, &style, cr, w, h, record);
        cairo_surface_flush (surface);

        g_test_message ("%s %s %dx%d: %u labels", pmd_chart_kind_to_string (kind), cases[ci].name, w, h,
                        record->labels->len);
        g_assert_cmpuint (record->labels->len, >, 2);
        /* The tornado names its output for people, not by its path. */
        if (kind == PMD_CHART_TORNADO && f.swings->len > 0)
          {
            gboolean named = FALSE;

            for (guint i = 0; i < record->texts->len; i++)
              {
                const char *text = g_ptr_array_index (record->texts, i);
                g_assert_null (strstr (text, "totals.gap"));
                named |= g_str_has_prefix (text, "Gap to funding in ");
              }
            g_assert_true (named);
          }
        for (guint i = 0; i < record->labels->len; i++)
          {
            const PmdChartBox *b = &g_array_index (record->labels, PmdChartBox, i);
            if (b->x < -0.5 || b->y < -0.5 || b->x + b->width > w + 0.5 || b->y + b->height > h + 0.5)
              g_error ("%s %s %dx%d: label “%s” (%.0f,%.0f %.0f×%.0f) leaves the canvas",
                       pmd_chart_kind_to_string (kind), cases[ci].name, w, h,
                       (char *) g_ptr_array_index (record->texts, i), b->x, b->y, b->width, b->height);
          }
        if (pmd_chart_find_overlap (record->labels, &first, &second))
          g_error ("%s %s %dx%d: labels “%s” and “%s” overlap", pmd_chart_kind_to_string (kind), cases[ci].name,
                   w, h, (char *) g_ptr_array_index (record->texts, first),
                   (char *) g_ptr_array_index (record->texts, second));

        for (int y = 0; y < h; y += 4)
          for (int x = 0; x < w; x += 4)
            ink += pixel_at (surface, x, y) != 0xffffff;
        /* At least 0,5% ink: text, axes and marks; an all-zero scenario
         * or a tornado without ranges may show just a title and a message. */
        g_assert_cmpuint (ink, >, g_str_equal (cases[ci].name, "zero-costs") ||
                                  (kind == PMD_CHART_TORNADO && f.swings->len == 0)
                                  ? 0 : (guint) (w / 4) * (h / 4) / 200);

        if (si == 2)
          {
            g_autofree char *name = g_strdup_printf ("chart-%s-%s.png", pmd_chart_kind_to_string (kind), cases[ci].name);
            g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
            cairo_surface_write_to_png (surface, path);
          }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        fixture_clear (&f);
      }
}

/* The pyramid is exact: the top money band in the layer's colour, and
 * the bands ordered bottom (basis, green) to top (zwaar, blue). */
static void
test_pyramid_colours (void)
{
  Fixture f;
  PmdChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PmdChartRecord) record = pmd_chart_record_new ();
  int found = 0;

  pmd_chart_style_init (&style, FALSE);
  fixture_init (&f, &cases[0], PMD_CHART_PYRAMID);
  pmd_chart_render_record (PMD_CHART_PYRAMID, &f.input, &style, cr, 1280, 720, record);
  cairo_surface_flush (surface);

  for (guint i = 0; i < record->regions->len; i++)
    {
      const PmdChartRegion *r = &g_array_index (record->regions, PmdChartRegion, i);
      /* The money panel's region of each layer: sample just inside the
       * centre of the band, near its top edge (away from the label). */
      int x = (int) (r->box.x + r->box.width / 2), y = (int) (r->box.y + 3);
      guint32 px = pixel_at (surface, x, y);

      if (r->box.x < 640)
        continue;
      if (g_str_has_prefix (r->text, "Geïndiceerde zorg"))
        {
          g_assert_true (close_to (px, 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0));
          found++;
        }
      else if (g_str_has_prefix (r->text, "Laagdrempelige"))
        {
          g_assert_true (close_to (px, 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0));
          found++;
        }
      else if (g_str_has_prefix (r->text, "Sociale basis"))
        {
          g_assert_true (close_to (px, 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0));
          found++;
        }
    }
  g_assert_cmpint (found, ==, 3);

  /* Order: the basis band lies below the zwaar band. */
  {
    double y_basis = 0, y_zwaar = 0;
    for (guint i = 0; i < record->regions->len; i++)
      {
        const PmdChartRegion *r = &g_array_index (record->regions, PmdChartRegion, i);
        if (g_str_has_prefix (r->text, "Sociale basis"))
          y_basis = r->box.y;
        if (g_str_has_prefix (r->text, "Geïndiceerde zorg"))
          y_zwaar = r->box.y;
      }
    g_assert_cmpfloat (y_basis, >, y_zwaar);
  }

  /* A tooltip names the layer and its money. */
  g_assert_nonnull (pmd_chart_record_lookup (record, 1100, 200));
  g_assert_true (g_str_has_prefix (pmd_chart_record_lookup (record, 1100, 200), "Geïndiceerde zorg"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

/* The cost curves stack the layers: low in the plot the basis colour. */
static void
test_curves_colours (void)
{
  Fixture f;
  PmdChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PmdChartRecord) record = pmd_chart_record_new ();
  const PmdChartRegion *column = NULL;
  double base_y, top_y;
  guint32 low, high;

  pmd_chart_style_init (&style, FALSE);
  fixture_init (&f, &cases[0], PMD_CHART_CURVES);
  pmd_chart_render_record (PMD_CHART_CURVES, &f.input, &style, cr, 1280, 720, record);
  cairo_surface_flush (surface);

  /* The tooltip column of 2036 spans the plot's height. */
  for (guint i = 0; i < record->regions->len; i++)
    if (g_str_has_prefix (g_array_index (record->regions, PmdChartRegion, i).text, "2036"))
      column = &g_array_index (record->regions, PmdChartRegion, i);
  g_assert_nonnull (column);
  base_y = column->box.y + column->box.height;
  top_y = column->box.y;
  /* Basis is € 15 mln of an axis to € 175 mln: 2% above the axis is green;
   * zwaar runs from € 43 to € 141 mln: halfway up is blue. Both are drawn at
   * 88% over white. */
  low = pixel_at (surface, (int) (column->box.x + column->box.width / 2), (int) (base_y - (base_y - top_y) * 0.02));
  high = pixel_at (surface, (int) (column->box.x + column->box.width / 2), (int) (base_y - (base_y - top_y) * 0.5));
  g_assert_true (close_to (low, 0.88 * 0x00 / 255.0 + 0.12, 0.88 * 0x9E / 255.0 + 0.12, 0.88 * 0x73 / 255.0 + 0.12));
  g_assert_true (close_to (high, 0.88 * 0x00 / 255.0 + 0.12, 0.88 * 0x72 / 255.0 + 0.12, 0.88 * 0xB2 / 255.0 + 0.12));
  g_assert_true (g_str_has_prefix (pmd_chart_record_lookup (record, column->box.x + column->box.width / 2, top_y + 10), "2036"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);
  return path != NULL;
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2)
{
  const char *argv[] = { tool, arg1, arg2, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!have_program (tool))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* A chart into @path as `piramide chart --out` writes it: the bytes from
 * the chart layer, the file from the data layer's atomic writer. */
static gboolean
export_file (PmdChartKind         kind,
             const PmdChartInput *input,
             const PmdChartStyle *style,
             const char          *path,
             double               width,
             double               height,
             double               scale,
             GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PmdExportFormat format;

  g_assert_true (pmd_export_format_from_path (path, &format));
  bytes = pmd_chart_export_bytes (kind, input, style, format, width, height, scale, error);
  return bytes != NULL &&
         pmd_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, error);
}

/* PNG, SVG and PDF files with real content. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("piramide-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "c.gif", NULL);
  g_autofree char *svg_text = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr(GError) error = NULL;
  PmdChartStyle style;
  Fixture f;
  cairo_surface_t *image;

  pmd_chart_style_init (&style, FALSE);
  fixture_init (&f, &cases[0], PMD_CHART_BRIDGE);

  /* HiDPI: 640 × 400 at scale 2 is 1280 × 800 pixels. */
  g_assert_true (export_file (PMD_CHART_BRIDGE, &f.input, &style, png, 640, 400, 2, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
  cairo_surface_destroy (image);

  g_assert_true (export_file (PMD_CHART_BRIDGE, &f.input, &style, svg, 640, 400, 1, &error));
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<title>From 2026 to 2046: what changes the cost</title>"));
  g_assert_nonnull (strstr (svg_text, "Demography"));
  /* € 130,4 mln in 2026: Dutch decimal comma. */
  g_assert_nonnull (strstr (svg_text, "130,4"));
  {
    g_autofree char *lint = NULL;
    const char *argv[] = { "xmllint", "--noout", svg, NULL };
    int status;
    if (have_program ("xmllint"))
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &lint, NULL, &status, NULL));
        g_assert_true (g_spawn_check_wait_status (status, NULL));
      }
  }

  g_assert_true (export_file (PMD_CHART_BRIDGE, &f.input, &style, pdf, 640, 400, 1, &error));
  pdf_text = run_tool ("pdftotext", pdf, "-");
  if (pdf_text != NULL)
    {
      g_assert_nonnull (strstr (pdf_text, "From 2026 to 2046"));
      g_assert_nonnull (strstr (pdf_text, "Demography"));
      g_assert_nonnull (strstr (pdf_text, "130,4"));
      g_assert_nonnull (strstr (pdf_text, "164,3"));
    }
  else
    g_test_message ("pdftotext not installed: PDF text not checked");

  /* Only these three: the format comes from the name. */
  {
    PmdExportFormat format;
    g_assert_false (pmd_export_format_from_path (bad, &format));
    g_assert_true (pmd_export_format_from_path ("C.PDF", &format));
    g_assert_cmpint (format, ==, PMD_EXPORT_PDF);
  }
  /* A size out of range is refused before anything is drawn. */
  g_assert_null (pmd_chart_export_bytes (PMD_CHART_BRIDGE, &f.input, &style, PMD_EXPORT_PNG, 8, 400, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  fixture_clear (&f);
  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
}

/* The report: A4 pages with key figures, charts, sources. */
static void
test_report (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "report-westland.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  PmdReportInput input = { 0 };
  /* As the caller reads them from the scenario; the second is one no source
   * cites, listed all the same. */
  const PmdReportDocument documents[] = {
    { "SBK Westland 2025", "Gemeente Westland, Strategisch Beleidskader Sociaal Domein gemeente Westland 2025",
      "raadsbesluit, geldend vanaf 8 augustus 2025" },
    { "Sociaal Kompas", "Gemeente Leidschendam-Voorburg, Sociaal Kompas", NULL },
  };
  Fixture f;

  fixture_init (&f, &cases[0], PMD_CHART_VARIANTS);
  input.scenario = f.scenario;
  input.projection = f.projection;
  input.variants = f.variants;
  input.documents = documents;
  input.n_documents = G_N_ELEMENTS (documents);
  {
    g_autoptr(GBytes) pdf = pmd_report_to_pdf (&input, &error);
    g_assert_no_error (error);
    g_assert_true (pmd_file_write_atomic (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (pmd_report_count_pages (&input), >=, 4);

  info = run_tool ("pdfinfo", path, NULL);
  text = run_tool ("pdftotext", path, "-");
  if (info != NULL && text != NULL)
    {
      g_autofree char *pages = g_strdup_printf ("Pages:           %d", pmd_report_count_pages (&input));
      g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
      g_assert_nonnull (strstr (info, pages));
      g_assert_nonnull (strstr (text, "Westland 2026 (illustratief)"));
      g_assert_nonnull (strstr (text, "Key figures"));
      g_assert_nonnull (strstr (text, "€ 130,4 m"));
      /* The key figures in one scale: the savings of the base year, 0,
       * read "€ 0,0 m" among millions, not "€ 0". */
      g_assert_nonnull (strstr (text, "€ 0,0 m"));
      g_assert_nonnull (strstr (text, "Paid back in 2030."));
      g_assert_nonnull (strstr (text, "Assumptions"));
      /* Sources cite the document and the place in it. */
      g_assert_nonnull (strstr (text, "SBK Westland 2025, §1.4 Financieel perspectief"));
      /* The list of sources comes last: after the variants, each document
       * by the short form the sources use and its full title with its note. */
      {
        const char *variants_at = strstr (text, "Niets doen");
        const char *sources_at = strstr (text, "Sources\nCited as");
        const char *sbk_at = strstr (text, "Gemeente Westland, Strategisch Beleidskader Sociaal Domein gemeente Westland 2025");
        const char *kompas_at = strstr (text, "Gemeente Leidschendam-Voorburg, Sociaal Kompas");

        g_assert_nonnull (sources_at);
        g_assert_nonnull (sbk_at);
        g_assert_nonnull (kompas_at);
        g_assert_true (variants_at < sources_at);
        g_assert_true (sources_at < sbk_at);
        g_assert_true (sbk_at < kompas_at);
        g_assert_nonnull (strstr (sources_at, "Cited as"));
        g_assert_nonnull (strstr (sources_at, "raadsbesluit, geldend vanaf 8 augustus 2025"));
      }
      g_assert_nonnull (strstr (text, "Preventie en welzijn"));   /* wrapped in its cell */
      g_assert_nonnull (strstr (text, "Niets doen"));
      g_assert_nonnull (strstr (text, "Residents and money per layer"));
      /* The uncertainty: the fan and the tornado. */
      g_assert_nonnull (strstr (text, "Range of the total cost"));
      g_assert_nonnull (strstr (text, "What matters most"));
    }
  else
    g_test_message ("poppler-utils not installed: report text not checked");
  fixture_clear (&f);
}

/* Every kind and every case as SVG and PDF: valid, with its title; for the
 * bundled scenario also its Dutch numbers. */
static void
test_export_kinds (void)
{
  g_autofree char *dir = g_dir_make_tmp ("piramide-kinds-XXXXXX", NULL);
  PmdChartStyle style;

  pmd_chart_style_init (&style, FALSE);
  for (guint ci = 0; ci < G_N_ELEMENTS (cases); ci++)
  for (int k = 0; k < PMD_N_CHART_KINDS; k++)
    {
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, pmd_chart_kind_to_string (k));
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, pmd_chart_kind_to_string (k));
      g_autofree char *svg_text = NULL;
      g_autofree char *pdf_text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PmdChartRecord) record = pmd_chart_record_new ();
      const char *title;
      Fixture f;

      fixture_init (&f, &cases[ci], k);
      f.input.year = 2040;
      /* The title is the first text drawn. */
      {
        cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 400);
        cairo_t *cr = cairo_create (s);
        pmd_chart_render_record (k, &f.input, &style, cr, 640, 400, record);
        cairo_destroy (cr);
        cairo_surface_destroy (s);
      }
      title = g_ptr_array_index (record->texts, 0);
      g_assert_true (export_file (k, &f.input, &style, svg, 640, 400, 1, &error));
      g_assert_true (export_file (k, &f.input, &style, pdf, 640, 400, 1, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
      {
        g_autofree char *escaped = g_markup_escape_text (title, -1);
        g_assert_nonnull (strstr (svg_text, escaped));
      }
      if (have_program ("xmllint"))
        {
          const char *argv[] = { "xmllint", "--noout", svg, NULL };
          int status;
          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                                       NULL, NULL, NULL, NULL, &status, NULL));
          g_assert_true (g_spawn_check_wait_status (status, NULL));
        }
      pdf_text = ci == 0 ? run_tool ("pdftotext", pdf, "-") : NULL;
      /* Every kind shows euros with a Dutch decimal comma ("€ 130,4 m") or,
       * for the pyramid, thousands with a dot ("112.000"). */
      if (ci == 0)
        g_assert_true (strstr (svg_text, ",") != NULL || strstr (svg_text, " m<") != NULL);
      if (pdf_text != NULL)
        {
          g_autofree char *first_words = g_strndup (title, 12);
          g_assert_nonnull (strstr (pdf_text, first_words));
          g_assert_nonnull (strstr (pdf_text, k == PMD_CHART_PYRAMID ? "112.000" : "€"));
        }
      fixture_clear (&f);
      g_remove (svg);
      g_remove (pdf);
    }
  g_rmdir (dir);
}

/* The dark style: a dark background, light text, the same layout. */
static void
test_dark (void)
{
  PmdChartStyle style;
  Fixture f;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PmdChartRecord) record = pmd_chart_record_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "chart-curves-dark.png", NULL);

  pmd_chart_style_init (&style, TRUE);
  fixture_init (&f, &cases[0], PMD_CHART_CURVES);
  pmd_chart_render_record (PMD_CHART_CURVES, &f.input, &style, cr, 800, 500, record);
  cairo_surface_flush (surface);
  /* The corner is the dark background (#1e1e1e). */
  g_assert_true (close_to (pixel_at (surface, 2, 2), 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0));
  g_assert_false (pmd_chart_find_overlap (record->labels, NULL, NULL));
  cairo_surface_write_to_png (surface, path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

/* Printing draws the report page by page, the scenario's own list of
 * documents included: each page of the count has ink. */
static void
test_report_pages (void)
{
  PmdReportInput input = { 0 };
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree PmdReportDocument *refs = NULL;
  Fixture f;
  int pages;

  fixture_init (&f, &cases[0], PMD_CHART_VARIANTS);
  documents = pmd_scenario_dup_documents (f.scenario, NULL);
  g_assert_nonnull (documents);
  g_assert_cmpuint (documents->len, >, 0);
  refs = g_new0 (PmdReportDocument, documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      const PmdSourceDocument *d = g_ptr_array_index (documents, i);
      refs[i] = (PmdReportDocument) { d->short_title, d->title, d->note };
    }
  input.scenario = f.scenario;
  input.projection = f.projection;
  input.variants = f.variants;
  input.documents = refs;
  input.n_documents = documents->len;
  pages = pmd_report_count_pages (&input);
  for (int page = 0; page < pages; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
      cairo_t *cr = cairo_create (surface);
      guint ink = 0;

      pmd_report_render_page (&input, cr, page, 595.276, 841.89);
      cairo_surface_flush (surface);
      for (int y = 0; y < 842; y += 3)
        for (int x = 0; x < 596; x += 3)
          ink += pixel_at (surface, x, y) != 0xffffff;
      g_assert_cmpuint (ink, >, 200);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  fixture_clear (&f);
}


/* The actuals chart on figures worked out by hand. one_layer () in 2026,
 * its base year: line a's budget is € 5.000.000, b's € 1.000.000, the total
 * € 6.000.000. a spends € 1.200.000 in each of January to March: cumulative
 * 1,2 / 2,4 / 3,6 mln, used 3,6 / 5 = 72% ≥ 70%, an alarm first reached in
 * March (2,4 / 5 = 48% in February). b spends € 350.000 in January and
 * February: 700.000 / 1.000.000 = 70% exactly, an alarm reached in
 * February. The total: 1,55 / 3,10 / 4,30 mln against 0,7 × 6 = 4,2 mln,
 * an alarm in March; forecast 4,3 × 12 / 3 = € 17,2 mln. */
typedef struct
{
  PmdScenario   *scenario;
  PmdProjection *projection;
  PmdMonitor    *monitor;
} Actuals;

static void
actuals_init (Actuals  *a,
              gboolean  with_b)
{
  g_autoptr(GArray) rows = pmd_realisation_array_new ();
  g_autoptr(GError) error = NULL;

  a->scenario = one_layer ();
  a->projection = pmd_project (a->scenario, &error);
  g_assert_no_error (error);
  for (int m = 1; m <= 3; m++)
    pmd_realisation_array_add (rows, "a", NULL, 2026, m, 1200000, FALSE);
  if (with_b)
    for (int m = 1; m <= 2; m++)
      pmd_realisation_array_add (rows, "b", NULL, 2026, m, 350000, FALSE);
  a->monitor = pmd_monitor_compute (a->scenario, a->projection, (PmdRealisation *) (void *) rows->data, rows->len,
                                    2026, 3, 0.7, &error);
  g_assert_no_error (error);
}

static void
actuals_clear (Actuals *a)
{
  pmd_monitor_free (a->monitor);
  pmd_projection_free (a->projection);
  pmd_scenario_free (a->scenario);
}

/* Renders the actuals chart of @line at 1280 × 720 into @surface. */
static PmdChartRecord *
render_actuals (const Actuals   *a,
                const char      *line,
                cairo_surface_t *surface,
                const char      *png)
{
  PmdChartRecord *record = pmd_chart_record_new ();
  PmdChartInput input = { 0 };
  PmdChartStyle style;
  cairo_t *cr = cairo_create (surface);
  guint first, second;

  pmd_chart_style_init (&style, FALSE);
  input.scenario = a->scenario;
  input.projection = a->projection;
  input.monitor = a->monitor;
  input.monitor_line = line;
  pmd_chart_render_record (PMD_CHART_ACTUALS, &input, &style, cr, 1280, 720, record);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (pmd_chart_find_overlap (record->labels, &first, &second))
    g_error ("labels “%s” and “%s” overlap", (char *) g_ptr_array_index (record->texts, first),
             (char *) g_ptr_array_index (record->texts, second));
  if (png != NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, png, NULL);
      cairo_surface_write_to_png (surface, path);
    }
  return record;
}

static gboolean
record_has_text (const PmdChartRecord *record,
                 const char           *text)
{
  for (guint i = 0; i < record->texts->len; i++)
    if (g_str_equal (g_ptr_array_index (record->texts, i), text))
      return TRUE;
  return FALSE;
}

static const PmdChartRegion *
find_region (const PmdChartRecord *record,
             const char           *prefix)
{
  for (guint i = 0; i < record->regions->len; i++)
    if (g_str_has_prefix (g_array_index (record->regions, PmdChartRegion, i).text, prefix))
      return &g_array_index (record->regions, PmdChartRegion, i);
  return NULL;
}

/* Some pixel of the column at @x, from @top to @bottom, close to @color. */
static gboolean
column_has_color (cairo_surface_t *surface,
                  int              x,
                  int              top,
                  int              bottom,
                  const PmdRgb    *color)
{
  for (int y = top; y < bottom; y++)
    if (close_to (pixel_at (surface, x, y), color->r, color->g, color->b))
      return TRUE;
  return FALSE;
}

static void
test_actuals_path (void)
{
  Actuals a;
  double cumulative[13];

  actuals_init (&a, TRUE);
  /* a: 1,2 / 2,4 / 3,6 mln, then nothing counted; the alarm in March. */
  g_assert_cmpint (pmd_chart_cumulative (&a.monitor->lines[0], 3, 0.7, cumulative), ==, 3);
  g_assert_cmpfloat_with_epsilon (cumulative[0], 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (cumulative[1], 1.2e6, 1e-6);
  g_assert_cmpfloat_with_epsilon (cumulative[3], 3.6e6, 1e-6);
  g_assert_cmpfloat_with_epsilon (cumulative[4], 0, 1e-6);
  /* b: 350.000 + 350.000 = 70% exactly in February, nothing in March. */
  g_assert_cmpint (pmd_chart_cumulative (&a.monitor->lines[1], 3, 0.7, cumulative), ==, 2);
  g_assert_cmpfloat_with_epsilon (cumulative[3], 0.7e6, 1e-6);
  /* The total: 4,2 m reached in March (3,1 in February). */
  g_assert_cmpint (pmd_chart_cumulative (&a.monitor->total, 3, 0.7, cumulative), ==, 3);
  g_assert_cmpfloat_with_epsilon (cumulative[2], 3.1e6, 1e-6);
  g_assert_cmpfloat_with_epsilon (a.monitor->total.forecast_year_end, 17.2e6, 1e-3);
  /* No alarm at 80%: 4,3 < 4,8 mln. */
  {
    PmdMonitorFigures f = a.monitor->total;
    f.alarm = FALSE;
    g_assert_cmpint (pmd_chart_cumulative (&f, 3, 0.8, cumulative), ==, 0);
  }
  /* Months: 12 labels of 30 px fit 60 px apart, not 20 (every 2nd: 40). */
  g_assert_cmpint (pmd_chart_month_step (60, 30), ==, 1);
  g_assert_cmpint (pmd_chart_month_step (20, 30), ==, 2);
  g_assert_cmpint (pmd_chart_month_step (2, 30), ==, 12);
  actuals_clear (&a);
}

static void
test_actuals_chart (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  PmdChartStyle style;
  Actuals a;

  pmd_chart_style_init (&style, FALSE);
  actuals_init (&a, TRUE);

  /* Line a: the alarm in words, its mark in the vermillion of the style,
   * the budget and the threshold named. */
  {
    g_autoptr(PmdChartRecord) record = render_actuals (&a, "a", surface, "chart-actuals-line.png");
    const PmdChartRegion *feb = find_region (record, "Feb 2026\n");
    const PmdChartRegion *alarm = find_region (record, "Alarm: ");
    const PmdChartRegion *may = find_region (record, "May 2026\n");

    g_assert_cmpstr (g_ptr_array_index (record->texts, 0), ==, "Post A: spending against budget, 2026");
    /* 5.000.000 × 3 / 12 = 1.250.000 expected: 25%. */
    g_assert_true (record_has_text (record, "Budget € 5,0 m · spent through Mar € 3,6 m · year-end forecast € 14,4 m"));
    g_assert_true (record_has_text (record, "Alarm: 72% of the budget used through Mar (25% expected); the threshold is 70%"));
    g_assert_true (record_has_text (record, "Budget € 5,0 m"));
    g_assert_true (record_has_text (record, "Alarm at 70%: € 3,5 m"));
    g_assert_true (record_has_text (record, "Jan"));
    g_assert_true (record_has_text (record, "Dec"));
    /* February: 5.000.000 × 2 / 12 = 833.333 on the budget path. */
    g_assert_nonnull (feb);
    g_assert_cmpstr (feb->text, ==, "Feb 2026\nSpent in the month: € 1,2 m\nSpent to date: € 2,4 m\nBudget path: € 833.333");
    g_assert_nonnull (may);
    g_assert_cmpstr (may->text, ==, "May 2026\nNot counted yet\nBudget path: € 2,1 m");
    /* The alarm mark sits in March's column, above the path: vermillion
     * inside the triangle, left of its exclamation mark. */
    g_assert_nonnull (alarm);
    g_assert_cmpfloat (alarm->box.x, >, find_region (record, "Mar 2026\n")->box.x);
    g_assert_cmpfloat (alarm->box.x + alarm->box.width, <, may->box.x);
    g_assert_true (close_to (pixel_at (surface, (int) (alarm->box.x + alarm->box.width * 0.25),
                                       (int) (alarm->box.y + alarm->box.height * 0.75)),
                             0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0));
    g_assert_cmpstr (pmd_chart_record_lookup (record, alarm->box.x + alarm->box.width / 2,
                                              alarm->box.y + alarm->box.height / 2), ==, alarm->text);
    /* The path is drawn in January's column (blue, the first palette colour). */
    g_assert_true (column_has_color (surface, (int) (feb->box.x - feb->box.width / 2), (int) feb->box.y,
                                     (int) (feb->box.y + feb->box.height), &style.palette[0]));
  }

  /* The total: in alarm, forecast € 17,2 mln; 4,3 / 6 = 71,7% → "72%". */
  {
    g_autoptr(PmdChartRecord) record = render_actuals (&a, NULL, surface, "chart-actuals-total.png");

    g_assert_cmpstr (g_ptr_array_index (record->texts, 0), ==, "Spending against budget, 2026");
    g_assert_true (record_has_text (record, "Budget € 6,0 m · spent through Mar € 4,3 m · year-end forecast € 17,2 m"));
    g_assert_true (record_has_text (record, "Alarm: 72% of the budget used through Mar (25% expected); the threshold is 70%"));
  }
  actuals_clear (&a);

  /* Without b's rows: b has no actuals, so no forecast and no alarm, said
   * in words; the total has no forecast either (3,6 / 6 = 60%: below). */
  actuals_init (&a, FALSE);
  {
    g_autoptr(PmdChartRecord) record = render_actuals (&a, "b", surface, "chart-actuals-no-actuals.png");

    g_assert_true (record_has_text (record, "No actuals booked through Mar: no forecast"));
    g_assert_true (record_has_text (record, "Budget € 1,0 m · spent through Mar € 0 · year-end forecast none yet"));
    g_assert_null (find_region (record, "Alarm: "));
  }
  {
    g_autoptr(PmdChartRecord) record = render_actuals (&a, NULL, surface, "chart-actuals-below.png");

    g_assert_true (record_has_text (record, "Below the threshold of 70%: 60% of the budget used through Mar (25% expected)"));
    g_assert_null (find_region (record, "Alarm: "));
  }
  /* An unknown line and no monitor at all: a frame and a sentence. */
  {
    g_autoptr(PmdChartRecord) record = render_actuals (&a, "zz", surface, NULL);
    g_assert_true (record_has_text (record, "The scenario has no cost line “zz”"));
  }
  pmd_monitor_free (a.monitor);
  a.monitor = NULL;
  {
    g_autoptr(PmdChartRecord) record = render_actuals (&a, NULL, surface, NULL);
    g_assert_true (record_has_text (record, "No actuals: import the financial department’s export into the library first"));
  }
  actuals_clear (&a);
  cairo_surface_destroy (surface);
}

/* An export suggests the chart's title as its file name, not the kind's
 * name in the file format ("curves.png"); in Dutch "kostencurves.png" (the
 * ui-dutch test). */
static void
test_file_names (void)
{
  static const struct { PmdChartKind kind; const char *name; } names[] = {
    { PMD_CHART_CURVES, "cost-curves.png" },
    { PMD_CHART_PYRAMID, "pyramid.png" },
    { PMD_CHART_TORNADO, "sensitivity.png" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *name = pmd_chart_kind_dup_file_name (names[k].kind, "png");
      g_assert_cmpstr (name, ==, names[k].name);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/charts/layout/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/layout/overlap", test_overlap);
  for (int k = 0; k < PMD_N_CHART_KINDS; k++)
    {
      g_autofree char *name = g_strdup_printf ("/charts/render/%s", pmd_chart_kind_to_string (k));
      g_test_add_data_func (name, GINT_TO_POINTER (k), test_render_all);
    }
  g_test_add_func ("/charts/pyramid/colours", test_pyramid_colours);
  g_test_add_func ("/charts/curves/colours", test_curves_colours);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/report", test_report);
  g_test_add_func ("/charts/export-kinds", test_export_kinds);
  g_test_add_func ("/charts/dark", test_dark);
  g_test_add_func ("/charts/report-pages", test_report_pages);
  g_test_add_func ("/charts/actuals/path", test_actuals_path);
  g_test_add_func ("/charts/actuals/chart", test_actuals_chart);
  g_test_add_func ("/charts/file-names", test_file_names);

  return g_test_run ();
}
