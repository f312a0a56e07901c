/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Columns of text for people (`--format table`): each column as wide as its
 * widest cell, header included, two spaces between, widths counted in
 * characters, not bytes. Each column is aligned left (names) or right
 * (amounts).
 */

typedef struct _PmdTextTable PmdTextTable;

PmdTextTable *pmd_text_table_new       (const char         *align);
void          pmd_text_table_free      (PmdTextTable       *self);
void          pmd_text_table_add       (PmdTextTable       *self,
                                        const char         *text);
void          pmd_text_table_take      (PmdTextTable       *self,
                                        char               *text);
void          pmd_text_table_append_to (const PmdTextTable *self,
                                        GString            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdTextTable, pmd_text_table_free)

G_END_DECLS
