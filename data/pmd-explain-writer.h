/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-model.h"
#include "pmd-json-writer.h"

G_BEGIN_DECLS

void  pmd_explanation_write   (PmdJsonWriter        *writer,
                               const PmdExplanation *explanation);
char *pmd_explanation_to_json (const PmdExplanation *explanation,
                               gsize                *length);

G_END_DECLS
