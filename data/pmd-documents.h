/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pmd-scenario.h"

G_BEGIN_DECLS

/**
 * PmdSourceDocument:
 * @id: a short key (`sbk-westland-2025`)
 * @short_title: the form the sources cite it by (`SBK Westland 2025`)
 * @title: the full title, with the issuing body
 * @note: (nullable): status and date (`raadsbesluit, geldend vanaf 8 augustus 2025`)
 *
 * A document the scenario's sources cite: one entry of the scenario's
 * optional top-level `documents` list.
 */
typedef struct
{
  char *id;
  char *short_title;
  char *title;
  char *note;
} PmdSourceDocument;

#define PMD_TYPE_SOURCE_DOCUMENT (pmd_source_document_get_type ())
GType              pmd_source_document_get_type (void) G_GNUC_CONST;

PmdSourceDocument *pmd_source_document_new      (const char              *id,
                                                 const char              *short_title,
                                                 const char              *title,
                                                 const char              *note);
PmdSourceDocument *pmd_source_document_copy     (const PmdSourceDocument *self);
void               pmd_source_document_free     (PmdSourceDocument       *self);

GPtrArray         *pmd_documents_parse          (const char              *extra,
                                                 GError                 **error);
GPtrArray         *pmd_documents_by_citation    (const PmdScenario       *scenario,
                                                 GPtrArray               *documents);
GPtrArray         *pmd_scenario_dup_documents   (const PmdScenario       *scenario,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdSourceDocument, pmd_source_document_free)

G_END_DECLS
