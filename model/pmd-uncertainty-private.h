/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-uncertainty.h"

G_BEGIN_DECLS

PmdMonteCarlo *_pmd_monte_carlo_run_threads (const PmdScenario *scenario,
                                             guint              runs,
                                             guint32            seed,
                                             guint              n_threads,
                                             GCancellable      *cancellable,
                                             PmdProgressFunc    progress,
                                             gpointer           user_data,
                                             GError           **error);

G_END_DECLS
