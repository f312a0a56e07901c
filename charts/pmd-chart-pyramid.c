/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-private.h"

/*
 * The picture the product is about (Westland's framework, figure 3): per
 * layer the share of residents, a pyramid wide at the base, beside the share
 * of money, the same layers but wide at the top. Bands are centred bars whose
 * width is the share, on one scale for both halves, so they can be compared;
 * the base year is drawn as a dashed outline behind the chosen year.
 */

typedef struct
{
  double now;
  double then;
  double amount_now;
  double amount_then;
} Share;

static char *
clients_text (double clients)
{
  return pmd_format_number (clients, 0);
}

/* "1 resident", "2.400 residents": the count rounded as it is shown. */
static char *
residents_text (double clients)
{
  g_autofree char *number = clients_text (clients);
  double n = round (fabs (clients));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s resident", "%s residents",
                                       n > G_MAXULONG ? G_MAXULONG : (gulong) n), number);
}

static void
draw_band (PmdCanvas    *c,
           double        centre,
           double        y,
           double        band_h,
           double        scale,
           const Share  *share,
           const PmdRgb *color,
           gboolean      compare,
           gboolean      label_left,
           const char   *amount,
           const char   *then_text)
{
  cairo_t *cr = c->cr;
  double w = share->now * scale, w0 = share->then * scale;
  g_autofree char *percent = pmd_format_percent (share->now, 0);
  /* Three short lines rather than one long one: they fit beside a narrow band. */
  const char *lines[3] = { percent, amount, compare ? then_text : NULL };
  const double sizes[3] = { PMD_TEXT_NORMAL, PMD_TEXT_SMALL, PMD_TEXT_SMALL };
  double widths[3] = { 0 }, heights[3] = { 0 }, block_w = 0, block_h = 0, ty;
  gboolean inside;
  guint n = compare ? 3 : 2;

  /* The chosen year, filled; a sliver stays visible. */
  cairo_rectangle (cr, centre - MAX (w, 2) / 2, y, MAX (w, 2), band_h);
  _pmd_canvas_color (c, color, 1.0);
  cairo_fill (cr);

  if (compare)
    {
      double dash[] = { 4, 3 };
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, MAX (1.5, c->font / 8));
      _pmd_canvas_color (c, &c->style->text, 0.9);
      cairo_rectangle (cr, centre - w0 / 2, y + 0.75, w0, band_h - 1.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      _pmd_canvas_measure (c, lines[i], sizes[i], i == 0, 0, &widths[i], &heights[i]);
      block_w = MAX (block_w, widths[i]);
      block_h += heights[i];
    }
  /* Without room for all lines, the base year's goes first. */
  while (n > 1 && block_h > band_h * 0.95)
    block_h -= heights[--n];
  inside = block_w + c->font < w;
  ty = y + band_h / 2 - block_h / 2;

  for (guint i = 0; i < n; i++)
    {
      PmdRgb white = { 1, 1, 1 };
      double room = (scale - MAX (w, w0)) / 2 - c->font * 0.4;
      double x;

      if (inside)
        _pmd_canvas_text (c, lines[i], centre, ty, sizes[i], i == 0, &white, PMD_ANCHOR_CENTER, PMD_ANCHOR_START, 0);
      else if (room >= c->font * 2)
        {
          /* Beside the band, on the outer side, ellipsized to the room there. */
          x = label_left ? centre - MAX (w, w0) / 2 - c->font * 0.4 : centre + MAX (w, w0) / 2 + c->font * 0.4;
          _pmd_canvas_text (c, lines[i], x, ty, sizes[i], i == 0, i == 0 ? &c->style->text : &c->style->muted,
                            label_left ? PMD_ANCHOR_END : PMD_ANCHOR_START, PMD_ANCHOR_START, -MIN (widths[i], room));
        }
      ty += heights[i];
    }
}

void
_pmd_chart_pyramid (PmdCanvas *c)
{
  const PmdScenario *sc = c->in->scenario;
  const PmdProjection *p = c->in->projection;
  int year = _pmd_chart_year (c->in);
  int nl = p->n_layers;
  gboolean compare = year != p->base_year;
  g_autofree PmdPyramidLayer *now = g_new0 (PmdPyramidLayer, MAX (1, nl));
  g_autofree PmdPyramidLayer *then = g_new0 (PmdPyramidLayer, MAX (1, nl));
  g_autofree char *subtitle = NULL;
  double total_clients = 0, max_share = 0, head_h, names_w, panel_w, band_h, gap;
  double left_c, right_c, top;

  pmd_projection_get_pyramid (p, year, PMD_CASE_SCENARIO, now);
  pmd_projection_get_pyramid (p, p->base_year, PMD_CASE_BASELINE, then);
  for (int l = 0; l < nl; l++)
    {
      total_clients += now[l].clients;
      max_share = MAX (max_share, MAX (MAX (now[l].client_share, then[l].client_share),
                                       MAX (now[l].cost_share, then[l].cost_share)));
    }
  if (compare)
    subtitle = g_strdup_printf (_("%d, scenario with interventions; dashed outline: %d"), year, p->base_year);
  else
    subtitle = g_strdup_printf (_("%d, share of all residents served and of all money"), year);

  _pmd_canvas_frame (c, _("Residents and money per layer"), subtitle);
  if (nl == 0 || max_share <= 0)
    {
      _pmd_canvas_text (c, _("No costs to show"), c->plot.x + c->plot.width / 2, c->plot.y + c->plot.height / 2,
                        PMD_TEXT_NORMAL, FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_CENTER, 0);
      return;
    }

  /* Columns: residents | layer names | money. */
  names_w = MIN (c->plot.width * 0.2, c->font * 12);
  panel_w = (c->plot.width - names_w - c->font) / 2;
  left_c = c->plot.x + panel_w / 2;
  right_c = c->plot.x + c->plot.width - panel_w / 2;
  _pmd_canvas_measure (c, "Ag", PMD_TEXT_NORMAL, TRUE, 0, NULL, &head_h);
  _pmd_canvas_text (c, _("Residents ▲"), left_c, c->plot.y, PMD_TEXT_NORMAL, TRUE, &c->style->text,
                    PMD_ANCHOR_CENTER, PMD_ANCHOR_START, -panel_w);
  _pmd_canvas_text (c, _("Money ▼"), right_c, c->plot.y, PMD_TEXT_NORMAL, TRUE, &c->style->text,
                    PMD_ANCHOR_CENTER, PMD_ANCHOR_START, -panel_w);
  top = c->plot.y + head_h * 1.5;
  gap = c->font * 0.35;
  band_h = (c->plot.y + c->plot.height - top - gap * (nl - 1)) / nl;

  for (int l = 0; l < nl; l++)
    {
      const PmdLayer *layer = g_ptr_array_index (sc->layers, l);
      /* The bottom layer is drawn lowest. */
      double y = top + (nl - 1 - l) * (band_h + gap);
      PmdRgb storage;
      const PmdRgb *color = _pmd_layer_color (c, l, &storage);
      Share clients = { now[l].client_share, then[l].client_share, now[l].clients, then[l].clients };
      Share money = { now[l].cost_share, then[l].cost_share, now[l].cost, then[l].cost };
      g_autofree char *people = clients_text (now[l].clients);
      g_autofree char *euros = pmd_format_euro_compact (now[l].cost);
      g_autofree char *people_then = clients_text (then[l].clients);
      g_autofree char *euros_then = pmd_format_euro_compact (then[l].cost);
      g_autofree char *pct_c_then = pmd_format_percent (then[l].client_share, 0);
      g_autofree char *pct_m_then = pmd_format_percent (then[l].cost_share, 0);
      g_autofree char *then_c = g_strdup_printf ("%d: %s", p->base_year, pct_c_then);
      g_autofree char *then_m = g_strdup_printf ("%d: %s", p->base_year, pct_m_then);
      g_autofree char *pct_c_now = pmd_format_percent (now[l].client_share, 1);
      g_autofree char *residents = residents_text (now[l].clients);
      g_autofree char *residents_then = residents_text (then[l].clients);

      if (total_clients > 0)
        draw_band (c, left_c, y, band_h, panel_w / max_share, &clients, color, compare, TRUE, people, then_c);
      draw_band (c, right_c, y, band_h, panel_w / max_share, &money, color, compare, FALSE, euros, then_m);
      _pmd_canvas_text (c, layer->name, c->plot.x + c->plot.width / 2, y + band_h / 2,
                        PMD_TEXT_AXIS, TRUE, &c->style->text, PMD_ANCHOR_CENTER, PMD_ANCHOR_CENTER, names_w);

      _pmd_canvas_region (c, c->plot.x, y, panel_w, band_h, _("%s\n%d: %s (%s)\n%d: %s"),
                          layer->name, year, residents, pct_c_now, p->base_year, residents_then);
      _pmd_canvas_region (c, c->plot.x + c->plot.width - panel_w, y, panel_w, band_h, _("%s\n%d: %s\n%d: %s"),
                          layer->name, year, euros, p->base_year, euros_then);
    }

  if (total_clients <= 0)
    _pmd_canvas_text (c, _("No client counts in this scenario"), left_c, top + (c->plot.y + c->plot.height - top) / 2,
                      PMD_TEXT_AXIS, FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_CENTER, panel_w);
}
