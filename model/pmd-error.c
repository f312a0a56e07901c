/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-error.h"

G_DEFINE_QUARK (pmd-scenario-error-quark, pmd_scenario_error)
