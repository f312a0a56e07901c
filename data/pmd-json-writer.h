/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pmd-json-reader.h"

G_BEGIN_DECLS

/*
 * A small streaming JSON writer. json-glib's generator writes 0.03 as
 * 0.029999999999999999 and infinities as "inf.0"; scenario files are read
 * by people and projections are compared number by number, so numbers are
 * written in their shortest exact form and non-finite values as null.
 */
typedef struct _PmdJsonWriter PmdJsonWriter;

PmdJsonWriter *pmd_json_writer_new          (gboolean pretty);
void           pmd_json_writer_free         (PmdJsonWriter *self);
char          *pmd_json_writer_steal        (PmdJsonWriter *self,
                                             gsize         *length);

void           pmd_json_writer_begin_object (PmdJsonWriter *self,
                                             gboolean       one_line);
void           pmd_json_writer_end_object   (PmdJsonWriter *self);
void           pmd_json_writer_begin_array  (PmdJsonWriter *self,
                                             gboolean       one_line);
void           pmd_json_writer_end_array    (PmdJsonWriter *self);
void           pmd_json_writer_key          (PmdJsonWriter *self,
                                             const char    *key);
void           pmd_json_writer_string       (PmdJsonWriter *self,
                                             const char    *value);
void           pmd_json_writer_number       (PmdJsonWriter *self,
                                             double         value);
void           pmd_json_writer_int          (PmdJsonWriter *self,
                                             gint64         value);
void           pmd_json_writer_bool         (PmdJsonWriter *self,
                                             gboolean       value);
void           pmd_json_writer_null         (PmdJsonWriter *self);
void           pmd_json_writer_value        (PmdJsonWriter     *self,
                                             const PmdJsonNode *node);
void           pmd_json_writer_numbers      (PmdJsonWriter *self,
                                             const double  *values,
                                             int            n);
void           pmd_json_writer_member_numbers (PmdJsonWriter *self,
                                               const char    *key,
                                               const double  *values,
                                               int            n);
void           pmd_json_writer_int_range    (PmdJsonWriter *self,
                                             int            first,
                                             int            n);
void           pmd_json_writer_members      (PmdJsonWriter *self,
                                             const char    *object_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdJsonWriter, pmd_json_writer_free)

G_END_DECLS
