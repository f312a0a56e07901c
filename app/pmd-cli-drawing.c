/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-cli-private.h"

/*
 * The charts layer for the command line's `chart` and `report`. Only
 * `piramide-window` links it (main.c gives it to the command line), so
 * that `piramide` loads neither cairo nor pango and the libraries under
 * them; `piramide` hands those two commands to `piramide-window`.
 */
const PmdCliDrawing pmd_cli_drawing = {
  .kind_from_string = pmd_chart_kind_from_string,
  .format_from_path = pmd_export_format_from_path,
  .style_init = pmd_chart_style_init,
  .export_bytes = pmd_chart_export_bytes,
  .report_to_pdf = pmd_report_to_pdf,
};
