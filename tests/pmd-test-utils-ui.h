/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Waiting without a clock. A test waits for what it needs: the main loop
 * turns (blocking, so a worker's result, an X event or the frame clock
 * wakes it) until a condition holds. None of it counts milliseconds; a
 * condition that never comes true ends in meson's timeout.
 */
#define pmd_test_wait_until(condition) \
  G_STMT_START { while (!(condition)) g_main_context_iteration (NULL, TRUE); } G_STMT_END

void pmd_test_wait_frame (GtkWidget *widget);
void pmd_test_run_idle   (void);
void pmd_test_drain      (GtkWidget *widget);

G_END_DECLS
