/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Waiting without a clock. A test waits for what it needs: the main loop
 * turns (blocking, so a worker's result, an X event or the frame clock
 * wakes it) until a condition holds. None of it counts milliseconds, so a
 * machine that is slow or busy only makes it take longer; a condition that
 * never comes true ends in meson's timeout, with the test named.
 */
#define pmd_test_wait_until(condition) \
  G_STMT_START { while (!(condition)) g_main_context_iteration (NULL, TRUE); } G_STMT_END

void       pmd_test_wait_frame           (GtkWidget  *widget);
void       pmd_test_run_idle             (void);
void       pmd_test_drain                (GtkWidget  *widget);
void       pmd_test_screenshot           (GtkWidget  *widget,
                                          const char *name);
guint32    pmd_test_pixel                (GtkWidget  *widget,
                                          double      x,
                                          double      y);
void       pmd_test_collect_descendants  (GtkWidget  *widget,
                                          GType       type,
                                          GPtrArray  *out);
guint      pmd_test_assert_labels_whole  (GtkWidget  *widget);

/* Toasts: the one shown in @widget's toast overlay, or the message bar
 * beside it for a message too long for a toast. */
void       pmd_test_dismiss_toasts       (GtkWidget  *widget);
char      *pmd_test_dup_toast            (GtkWidget  *widget);

/* The editing pages, used as a user does. Each returns FALSE when the page
 * said no, with what it said in @toast (nullable). */
GtkWidget *pmd_test_lines_cell           (GtkWidget  *page,
                                          guint       line,
                                          const char *field);
gboolean   pmd_test_lines_type           (GtkWidget  *page,
                                          guint       line,
                                          const char *field,
                                          const char *text,
                                          char      **toast);
gboolean   pmd_test_lines_choose         (GtkWidget  *page,
                                          guint       line,
                                          const char *field,
                                          guint       index,
                                          char      **toast);
gboolean   pmd_test_cell_edits           (GtkWidget  *cell);
GtkWidget *pmd_test_find_row             (GtkWidget  *scope,
                                          GType       type,
                                          const char *title,
                                          const char *text);
gboolean   pmd_test_entry_type           (GtkWidget  *scope,
                                          const char *title,
                                          const char *current,
                                          const char *text,
                                          char      **toast);

/* Input as a user's, through the X server with xdotool; FALSE when there
 * is no X server or no xdotool (the test skips). */
gboolean   pmd_test_xdotool              (GtkWidget  *widget,
                                          const char *command,
                                          ...) G_GNUC_NULL_TERMINATED;
gboolean   pmd_test_key                  (GtkWidget  *widget,
                                          const char *name);
gboolean   pmd_test_type                 (GtkWidget  *widget,
                                          const char *text);
gboolean   pmd_test_click                (GtkWidget  *widget,
                                          double      x,
                                          double      y,
                                          const char *how);

G_END_DECLS
