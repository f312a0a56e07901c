/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pmd-change.h"
#include "pmd-format.h"
#include "pmd-history.h"
#include "pmd-param.h"
#include "pmd-projection.h"

G_BEGIN_DECLS

#define PMD_TYPE_DOCUMENT (pmd_document_get_type ())
G_DECLARE_FINAL_TYPE (PmdDocument, pmd_document, PMD, DOCUMENT, GObject)

/**
 * PmdEditFunc:
 * @scenario: a copy of the scenario to change
 * @user_data: the data given with the edit
 * @error: why the edit cannot be made
 *
 * Returns: %TRUE when the edit was made
 */
typedef gboolean (*PmdEditFunc) (PmdScenario *scenario,
                                 gpointer     user_data,
                                 GError     **error);

PmdDocument         *pmd_document_new             (PmdScenario *scenario);
const PmdScenario   *pmd_document_get_scenario    (PmdDocument *self);
const PmdScenario   *pmd_document_get_effective   (PmdDocument *self);
const PmdProjection *pmd_document_get_projection  (PmdDocument *self);
const char          *pmd_document_get_variant     (PmdDocument *self);
gboolean             pmd_document_set_variant     (PmdDocument *self,
                                                   const char  *variant_id,
                                                   GError     **error);
gboolean             pmd_document_get_param       (PmdDocument *self,
                                                   const char  *path,
                                                   double      *value);
gboolean             pmd_document_set_param       (PmdDocument *self,
                                                   const char  *path,
                                                   double       value,
                                                   const char  *merge_key,
                                                   GError     **error);
gboolean             pmd_document_edit            (PmdDocument *self,
                                                   PmdEditFunc  func,
                                                   gpointer     user_data,
                                                   GError     **error);
gboolean             pmd_document_edit_merge      (PmdDocument *self,
                                                   PmdEditFunc  func,
                                                   gpointer     user_data,
                                                   const char  *merge_key,
                                                   GError     **error);
gboolean             pmd_document_rename          (PmdDocument *self,
                                                   const char  *collection,
                                                   const char  *id,
                                                   const char  *name,
                                                   GError     **error);
void                 pmd_document_break_merge     (PmdDocument *self);
gboolean             pmd_document_get_modified    (PmdDocument *self);
void                 pmd_document_set_saved       (PmdDocument *self);
void                 pmd_document_set_unsaved     (PmdDocument *self);
gboolean             pmd_document_can_undo        (PmdDocument *self);
gboolean             pmd_document_can_redo        (PmdDocument *self);
gboolean             pmd_document_undo            (PmdDocument *self);
gboolean             pmd_document_redo            (PmdDocument *self);
gboolean             pmd_document_take_back       (PmdDocument *self);
void                 pmd_document_replace         (PmdDocument *self,
                                                   PmdScenario *scenario);

guint                pmd_document_get_history_length   (PmdDocument *self);
guint                pmd_document_get_history_position (PmdDocument *self);
const char          *pmd_document_get_history_name     (PmdDocument *self,
                                                        guint        index);
const PmdScenario   *pmd_document_get_history_scenario (PmdDocument *self,
                                                        guint        index);
void                 pmd_document_go_to_history        (PmdDocument *self,
                                                        guint        index);
char                *pmd_document_add_variant_from_history (PmdDocument *self,
                                                            guint        index,
                                                            const char  *name,
                                                            GError     **error);

G_END_DECLS
