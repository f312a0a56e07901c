/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pmd-chart-private.h"

/*
 * Plan against realisation (issue 12): what was spent, cumulated month by
 * month, against the budget path (budget × m / 12) and the alarm threshold
 * (threshold × budget), for the total or one line. The alarm is said in
 * words and marked by a warning triangle, never by colour alone; a line
 * without actuals says so instead of drawing a flat zero.
 */

/* The user's language, not the C library's locale: the charts never depend
 * on setlocale() (STYLE.md), and the window and the report read the same. */
static const char *const month_names[12] = {
  NC_("month, abbreviated", "Jan"), NC_("month, abbreviated", "Feb"), NC_("month, abbreviated", "Mar"),
  NC_("month, abbreviated", "Apr"), NC_("month, abbreviated", "May"), NC_("month, abbreviated", "Jun"),
  NC_("month, abbreviated", "Jul"), NC_("month, abbreviated", "Aug"), NC_("month, abbreviated", "Sep"),
  NC_("month, abbreviated", "Oct"), NC_("month, abbreviated", "Nov"), NC_("month, abbreviated", "Dec"),
};

typedef enum
{
  STATUS_NO_ACTUALS,
  STATUS_BELOW,
  STATUS_ALARM,
} Status;

static const char *
month_name (int month)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "month, abbreviated", month_names[CLAMP (month, 1, 12) - 1]);
}

/* The figures shown and their name: the total, or the line asked for. */
static const PmdMonitorFigures *
shown_figures (const PmdChartInput *in,
               const char         **line_name)
{
  int k;

  *line_name = NULL;
  if (in->monitor_line == NULL)
    return &in->monitor->total;
  k = pmd_scenario_find_line (in->scenario, in->monitor_line);
  if (k < 0 || (guint) k >= in->monitor->n_lines)
    return NULL;
  *line_name = ((const PmdLine *) g_ptr_array_index (in->scenario->lines, k))->name;
  return &in->monitor->lines[k];
}

static double
month_x (const PmdCanvas *c,
         double           month)
{
  return c->plot.x + c->plot.width * month / 12.0;
}

/* A warning triangle with an exclamation mark, centred on (x, y): the
 * alarm's mark in the status line and on the path. */
static void
alarm_mark (PmdCanvas *c,
            double     x,
            double     y,
            double     size)
{
  cairo_t *cr = c->cr;
  double h = size * 0.87;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y - h / 2);
  cairo_line_to (cr, x + size / 2, y + h / 2);
  cairo_line_to (cr, x - size / 2, y + h / 2);
  cairo_close_path (cr);
  _pmd_canvas_color (c, &c->style->increase, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (1.0, size / 14));
  _pmd_canvas_color (c, &c->style->background, 1.0);
  cairo_stroke (cr);
  cairo_set_line_width (cr, MAX (1.2, size / 8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x, y - h / 2 + h * 0.38);
  cairo_line_to (cr, x, y + h / 2 - h * 0.33);
  cairo_stroke (cr);
  cairo_arc (cr, x, y + h / 2 - h * 0.15, MAX (0.8, size / 14), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The status mark: the triangle in alarm, a check in a circle below the
 * threshold, an open circle without actuals. */
static void
status_mark (PmdCanvas *c,
             Status     status,
             double     x,
             double     y,
             double     size)
{
  cairo_t *cr = c->cr;

  if (status == STATUS_ALARM)
    {
      alarm_mark (c, x, y, size);
      return;
    }
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.2, size / 9));
  cairo_new_path (cr);
  cairo_arc (cr, x, y, size * 0.42, 0, 2 * G_PI);
  if (status == STATUS_NO_ACTUALS)
    {
      _pmd_canvas_color (c, &c->style->muted, 1.0);
      cairo_stroke (cr);
    }
  else
    {
      _pmd_canvas_color (c, &c->style->decrease, 1.0);
      cairo_fill (cr);
      _pmd_canvas_color (c, &c->style->background, 1.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x - size * 0.2, y);
      cairo_line_to (cr, x - size * 0.04, y + size * 0.17);
      cairo_line_to (cr, x + size * 0.22, y - size * 0.16);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The status in words, for the status line: what an adviser acts on. */
static char *
status_text (const PmdMonitor        *monitor,
             const PmdMonitorFigures *f,
             Status                   status)
{
  const char *through = month_name (monitor->month);
  g_autofree char *threshold = pmd_format_percent (monitor->threshold, 0);

  if (status == STATUS_NO_ACTUALS)
    /* Translators: "No actuals booked through Apr" */
    return g_strdup_printf (_("No actuals booked through %s: no forecast"), through);
  if (!(f->budget > 0))
    {
      g_autofree char *spent = pmd_format_euro_compact (f->actual_to_date);

      if (status == STATUS_ALARM)
        return g_strdup_printf (_("Alarm: %s spent without a budget"), spent);
      /* Translators: "No budget this year; € 0 spent through Apr" */
      return g_strdup_printf (_("No budget this year; %s spent through %s"), spent, through);
    }
  {
    g_autofree char *used = pmd_format_percent (f->used, 0);
    g_autofree char *expected = pmd_format_percent (f->expected, 0);

    if (status == STATUS_ALARM)
      /* Translators: "Alarm: 72% of the budget used through Apr (33% expected); the threshold is 70%" */
      return g_strdup_printf (_("Alarm: %s of the budget used through %s (%s expected); the threshold is %s"),
                              used, through, expected, threshold);
    /* Translators: "Below the threshold of 70%: 36% of the budget used through Apr (33% expected)" */
    return g_strdup_printf (_("Below the threshold of %s: %s of the budget used through %s (%s expected)"),
                            threshold, used, through, expected);
  }
}

/* One line of text under the legend: the status mark and its words. */
static void
status_line (PmdCanvas  *c,
             Status      status,
             const char *text)
{
  double size = c->font * 1.1, th;
  double width = c->plot.width - size * 1.5;

  _pmd_canvas_measure (c, text, PMD_TEXT_NORMAL, TRUE, -width, NULL, &th);
  th = MAX (th, size);
  status_mark (c, status, c->plot.x + size / 2, c->plot.y + th / 2, size);
  _pmd_canvas_text (c, text, c->plot.x + size * 1.5, c->plot.y + th / 2, PMD_TEXT_NORMAL, TRUE,
                    status == STATUS_ALARM ? &c->style->text : &c->style->muted, PMD_ANCHOR_START,
                    PMD_ANCHOR_CENTER, -width);
  c->plot.y += th + c->font * 0.6;
  c->plot.height -= th + c->font * 0.6;
}

/* Month names under the plot, at the end of each month, as many as fit. */
static void
month_axis (PmdCanvas *c)
{
  double widest = 0, label_h;
  int step;

  for (int m = 1; m <= 12; m++)
    {
      double w;
      _pmd_canvas_measure (c, month_name (m), PMD_TEXT_AXIS, FALSE, 0, &w, &label_h);
      widest = MAX (widest, w);
    }
  step = pmd_chart_month_step (c->plot.width / 12.0, widest * 1.4);
  for (int m = step; m <= 12; m += step)
    _pmd_canvas_text (c, month_name (m), month_x (c, m), c->plot.y + c->plot.height + label_h * 0.6 + c->font * 0.15,
                      PMD_TEXT_AXIS, FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_START, 0);
}

static void
stroke_line (PmdCanvas    *c,
             double        x0,
             double        y0,
             double        x1,
             double        y1,
             const PmdRgb *color,
             double        width,
             double        dash)
{
  cairo_t *cr = c->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, width);
  if (dash > 0)
    {
      double pattern[] = { dash, dash * 0.7 };
      cairo_set_dash (cr, pattern, 2, 0);
    }
  _pmd_canvas_color (c, color, 1.0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* What was spent to date, a dot at the end of each month. */
static void
stroke_path (PmdCanvas          *c,
             const PmdMoneyAxis *ya,
             const double       *cumulative,
             int                 month,
             const PmdRgb       *color,
             double              width)
{
  cairo_t *cr = c->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _pmd_canvas_color (c, color, 1.0);
  for (int m = 0; m <= month; m++)
    cairo_line_to (cr, month_x (c, m), _pmd_money_y (c, ya, cumulative[m]));
  cairo_stroke (cr);
  for (int m = 1; m <= month; m++)
    {
      cairo_arc (cr, month_x (c, m), _pmd_money_y (c, ya, cumulative[m]), width * 1.2, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* The budget's label at the end of its path, the threshold's at the start
 * of its line, each above its line; the threshold's goes below when both
 * would meet (a threshold near 100% on a narrow chart). */
static void
line_labels (PmdCanvas          *c,
             const PmdMoneyAxis *ya,
             double              budget,
             double              threshold)
{
  g_autofree char *budget_money = pmd_format_euro_compact (budget);
  g_autofree char *level_money = pmd_format_euro_compact (threshold * budget);
  g_autofree char *share = pmd_format_percent (threshold, 0);
  g_autofree char *budget_text = g_strdup_printf (_("Budget %s"), budget_money);
  /* Translators: "Alarm at 70%: € 16,0 mln" */
  g_autofree char *level_text = g_strdup_printf (_("Alarm at %s: %s"), share, level_money);
  double gap = c->font * 0.3, bw, bh, lw, lh;
  double by = _pmd_money_y (c, ya, budget), ly = _pmd_money_y (c, ya, threshold * budget);
  double right = c->plot.x + c->plot.width, left = c->plot.x + c->font * 0.4;
  PmdChartBox budget_box, level_box;

  _pmd_canvas_measure (c, budget_text, PMD_TEXT_AXIS, TRUE, 0, &bw, &bh);
  _pmd_canvas_measure (c, level_text, PMD_TEXT_AXIS, TRUE, 0, &lw, &lh);
  budget_box = (PmdChartBox) { right - bw, by - gap - bh, bw, bh };
  level_box = (PmdChartBox) { left, ly - gap - lh, lw, lh };
  if (pmd_chart_boxes_overlap (&budget_box, &level_box))
    level_box.y = ly + gap;
  /* On a patch of background: the forecast may run through a label. */
  for (guint k = 0; k < 2; k++)
    {
      const PmdChartBox *b = k == 0 ? &budget_box : &level_box;

      cairo_rectangle (c->cr, b->x - 2, b->y, b->width + 4, b->height);
      _pmd_canvas_color (c, &c->style->background, 0.85);
      cairo_fill (c->cr);
    }
  _pmd_canvas_text (c, budget_text, budget_box.x, budget_box.y, PMD_TEXT_AXIS, TRUE, &c->style->muted,
                    PMD_ANCHOR_START, PMD_ANCHOR_START, 0);
  _pmd_canvas_text (c, level_text, level_box.x, level_box.y, PMD_TEXT_AXIS, TRUE, &c->style->increase,
                    PMD_ANCHOR_START, PMD_ANCHOR_START, 0);
}

/* What a month's column tells on hover. */
static void
month_regions (PmdCanvas               *c,
               const PmdMonitor        *monitor,
               const PmdMonitorFigures *f,
               const double            *cumulative)
{
  double half = c->plot.width / 24.0;

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *path = pmd_format_euro_compact (f->budget * m / 12.0);
      double x = month_x (c, m);

      if (m <= monitor->month)
        {
          g_autofree char *spent = pmd_format_euro_compact (f->by_month[m - 1]);
          g_autofree char *to_date = pmd_format_euro_compact (cumulative[m]);

          _pmd_canvas_region (c, x - half, c->plot.y, 2 * half, c->plot.height,
                              _("%s %d\nSpent in the month: %s\nSpent to date: %s\nBudget path: %s"),
                              month_name (m), monitor->year, spent, to_date, path);
        }
      else
        _pmd_canvas_region (c, x - half, c->plot.y, 2 * half, c->plot.height,
                            _("%s %d\nNot counted yet\nBudget path: %s"), month_name (m), monitor->year, path);
    }
}

/* Without a monitor (or with a line it lacks): the frame and one sentence. */
static void
draw_empty (PmdCanvas  *c,
            const char *message)
{
  _pmd_canvas_frame (c, _("Spending against budget"), NULL);
  _pmd_canvas_text (c, message, c->plot.x + c->plot.width / 2, c->plot.y + c->plot.height / 2, PMD_TEXT_NORMAL,
                    FALSE, &c->style->muted, PMD_ANCHOR_CENTER, PMD_ANCHOR_CENTER, c->plot.width);
}

void
_pmd_chart_actuals (PmdCanvas *c)
{
  const PmdChartInput *in = c->in;
  const PmdMonitor *monitor = in->monitor;
  const PmdMonitorFigures *f;
  const char *line_name;
  const PmdRgb *realised = &c->style->palette[0];
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status_words = NULL;
  g_autofree char *threshold_share = NULL;
  g_autofree char *threshold_label = NULL;
  g_autofree char *budget_money = NULL;
  g_autofree char *spent_money = NULL;
  g_autofree char *forecast = NULL;
  double cumulative[13], hi, lo = 0, line_w = MAX (2.5, c->font / 4);
  gboolean has_forecast;
  int alarm_month, month;
  Status status;
  PmdMoneyAxis ya;
  guint n_legend = 0;
  PmdLegendItem legend[4];

  if (monitor == NULL)
    {
      draw_empty (c, _("No actuals: import the financial department’s export into the library first"));
      return;
    }
  f = shown_figures (in, &line_name);
  if (f == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The scenario has no cost line “%s”"), in->monitor_line);
      draw_empty (c, message);
      return;
    }

  month = monitor->month;
  alarm_month = pmd_chart_cumulative (f, month, monitor->threshold, cumulative);
  status = f->alarm ? STATUS_ALARM : f->has_actuals ? STATUS_BELOW : STATUS_NO_ACTUALS;
  has_forecast = isfinite (f->forecast_year_end) && month < 12;

  if (line_name != NULL)
    /* Translators: "Wmo maatwerkvoorzieningen: spending against budget, 2026" */
    title = g_strdup_printf (_("%s: spending against budget, %d"), line_name, monitor->year);
  else
    title = g_strdup_printf (_("Spending against budget, %d"), monitor->year);
  budget_money = pmd_format_euro_compact (f->budget);
  spent_money = pmd_format_euro_compact (f->actual_to_date);
  forecast = isfinite (f->forecast_year_end) ? pmd_format_euro_compact (f->forecast_year_end)
                                             : g_strdup (_("none yet"));
  /* Translators: "Budget € 22,8 mln · spent through Apr € 8,2 mln · year-end forecast € 24,6 mln" */
  subtitle = g_strdup_printf (_("Budget %s · spent through %s %s · year-end forecast %s"), budget_money,
                              month_name (month), spent_money, forecast);
  threshold_share = pmd_format_percent (monitor->threshold, 0);
  threshold_label = g_strdup_printf (_("Alarm threshold (%s of the budget)"), threshold_share);

  legend[n_legend++] = (PmdLegendItem) { _("Spent to date"), *realised, PMD_MARK_LINE };
  if (has_forecast)
    legend[n_legend++] = (PmdLegendItem) { _("Straight-line forecast"), *realised, PMD_MARK_DASHED };
  legend[n_legend++] = (PmdLegendItem) { _("Budget path"), c->style->muted, PMD_MARK_DASHED };
  legend[n_legend++] = (PmdLegendItem) { threshold_label, c->style->increase, PMD_MARK_DASHED };

  _pmd_canvas_frame (c, title, subtitle);
  _pmd_canvas_legend (c, legend, n_legend);
  status_words = status_text (monitor, f, status);
  status_line (c, status, status_words);
  _pmd_canvas_reserve_year_axis (c);

  /* Room above the highest mark for the budget's label. */
  hi = MAX (f->budget, monitor->threshold * f->budget);
  for (int m = 1; m <= month; m++)
    {
      hi = MAX (hi, cumulative[m]);
      lo = MIN (lo, cumulative[m]);
    }
  if (has_forecast)
    hi = MAX (hi, f->forecast_year_end);
  _pmd_canvas_money_axis (c, lo, hi * 1.12, &ya);
  /* Half a label of room at the right for "Dec". */
  c->plot.width -= c->font * 1.2;
  month_axis (c);

  /* The threshold, the budget path, then what was spent on top. */
  {
    double y = floor (_pmd_money_y (c, &ya, monitor->threshold * f->budget)) + 0.5;
    stroke_line (c, c->plot.x, y, c->plot.x + c->plot.width, y, &c->style->increase, MAX (1.5, c->font / 7),
                 c->font * 0.6);
  }
  stroke_line (c, month_x (c, 0), _pmd_money_y (c, &ya, 0), month_x (c, 12), _pmd_money_y (c, &ya, f->budget),
               &c->style->muted, MAX (1.5, c->font / 7), c->font * 0.4);
  if (has_forecast)
    stroke_line (c, month_x (c, month), _pmd_money_y (c, &ya, cumulative[month]), month_x (c, 12),
                 _pmd_money_y (c, &ya, f->forecast_year_end), realised, line_w * 0.8, c->font * 0.5);
  /* Nothing booked is "no data yet", not a flat line at zero. */
  if (f->has_actuals)
    stroke_path (c, &ya, cumulative, month, realised, line_w);

  line_labels (c, &ya, f->budget, monitor->threshold);
  month_regions (c, monitor, f, cumulative);

  if (alarm_month > 0)
    {
      double size = c->font * 1.4;
      double x = month_x (c, alarm_month);
      double y = MAX (c->plot.y + size / 2, _pmd_money_y (c, &ya, cumulative[alarm_month]) - size * 0.9);

      alarm_mark (c, x, y, size);
      _pmd_canvas_region (c, x - size / 2, y - size / 2, size, size, "%s", status_words);
    }
}
