/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pmd-scenario.h"

G_BEGIN_DECLS

/* How the editors show and read one number: the Dutch way, by kind. */
typedef enum
{
  PMD_FIELD_TEXT,
  PMD_FIELD_MONEY,
  PMD_FIELD_COUNT,
  PMD_FIELD_NUMBER,
  PMD_FIELD_PERCENT,
  PMD_FIELD_YEAR,     /* a year: whole, "2027" */
  PMD_FIELD_YEARS,    /* a number of years: whole, "2" */
} PmdFieldKind;

char     *pmd_field_format (PmdFieldKind kind,
                            double       value);
gboolean  pmd_field_parse  (PmdFieldKind kind,
                            const char  *text,
                            double      *value,
                            GError     **error);

PmdFieldKind pmd_field_kind_for_param (const char *path);
char        *pmd_field_format_param   (const PmdScenario *scenario,
                                       const char        *path);

void        pmd_field_init_spin        (GtkSpinButton *spin,
                                        PmdFieldKind   kind,
                                        const char    *name);
const char *pmd_field_get_spin_message (GtkSpinButton *spin);

G_END_DECLS
