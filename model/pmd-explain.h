/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-param.h"
#include "pmd-projection.h"

G_BEGIN_DECLS

/**
 * PmdFigure:
 *
 * The figures a user can ask about: "waar komt dat vandaan?".
 */
typedef enum
{
  PMD_FIGURE_LINE,                /* a line's cost (scenario) */
  PMD_FIGURE_LAYER,               /* a layer's cost */
  PMD_FIGURE_DOMAIN,              /* a domain's cost */
  PMD_FIGURE_TOTAL,               /* the total cost */
  PMD_FIGURE_INVESTMENT,          /* what the interventions spend */
  PMD_FIGURE_SAVINGS,             /* baseline − scenario */
  PMD_FIGURE_CUMULATIVE_SAVINGS,  /* savings summed from the base year */
  PMD_FIGURE_FUNDING,
  PMD_FIGURE_GAP,                 /* total cost − funding */
  PMD_FIGURE_PAYBACK,             /* the payback year */
  PMD_FIGURE_NPV,                 /* the savings' net present value */
} PmdFigure;

/**
 * PmdExplainPart:
 *
 * What a leaf of an explanation is, so that a summary can add leaves up by
 * kind: "€ 130,4 mln in the base year, plus demography € 23,7 mln, …".
 * %PMD_PART_SUM for a node made of others.
 */
typedef enum
{
  PMD_PART_SUM,
  PMD_PART_BASE,            /* a line's cost in the base year */
  PMD_PART_DEMOGRAPHY,
  PMD_PART_GROWTH,
  PMD_PART_STEPS,
  PMD_PART_INDEXATION,
  PMD_PART_AVOIDED,         /* what an intervention moves or avoids */
  PMD_PART_SPENT,           /* what an intervention spends */
  PMD_PART_FUNDING_BASE,
  PMD_PART_FUNDING_GROWTH,
  PMD_PART_FUNDING_STEPS,
  PMD_N_PARTS,
} PmdExplainPart;

typedef struct _PmdExplanation PmdExplanation;

/**
 * PmdExplanation:
 * @label: what the node is, in the user's language
 * @value: its value: euros for money, a year for the payback year
 * @unit: %PMD_UNIT_MONEY or %PMD_UNIT_YEAR
 * @path: (nullable): the input parameter a leaf rests on (DESIGN.md §2), or
 *   a line's `steps` and the funding's `steps`
 * @input: (nullable): that input's value as people read it ("1,5%")
 * @source: (nullable): where the input comes from, as the file says
 * @assumption: the input is an assumption: its source says "aanname", or
 *   it has none
 * @part: what a leaf is (%PMD_PART_SUM for a node made of others)
 * @children: (element-type PmdExplanation): what the value is made of; a
 *   money node with children is their sum
 *
 * One node of the tree that says what a figure is made of.
 */
struct _PmdExplanation
{
  char      *label;
  double     value;
  PmdUnit    unit;
  char      *path;
  char      *input;
  char      *source;
  gboolean   assumption;
  PmdExplainPart part;
  GPtrArray *children;
};

PmdExplanation *pmd_explain            (const PmdScenario   *scenario,
                                        const PmdProjection *projection,
                                        PmdFigure            figure,
                                        const char          *id,
                                        int                  year,
                                        GError             **error);
void            pmd_explanation_free   (PmdExplanation      *self);
gboolean        pmd_figure_parse       (const char          *output,
                                        PmdFigure           *figure,
                                        char               **id,
                                        GError             **error);
char           *pmd_explanation_to_text (const PmdExplanation *self);
char           *pmd_explanation_summarize (const PmdExplanation *self,
                                          const PmdScenario    *scenario);
gboolean        pmd_source_is_assumption (const char         *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdExplanation, pmd_explanation_free)

G_END_DECLS
