/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The model of a municipality's care pyramid: GLib only (DESIGN.md §1–2). */

#include "pmd-compare.h"
#include "pmd-document.h"
#include "pmd-error.h"
#include "pmd-explain.h"
#include "pmd-format.h"
#include "pmd-param.h"
#include "pmd-projection.h"
#include "pmd-scenario.h"
#include "pmd-uncertainty.h"
#include "pmd-uncertainty-text.h"
