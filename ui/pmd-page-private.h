/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the editing pages (Posten, Aannames, Maatregelen) share. */
void       _pmd_page_show_error   (GtkWidget  *page,
                                   const char *message);
GtkWidget *_pmd_page_entry_row    (const char *title);
void       _pmd_page_set_source   (GtkWidget  *row,
                                   const char *source);
void       _pmd_page_set_text     (GtkWidget  *row,
                                   const char *text);
GtkWidget *_pmd_page_find_param   (GtkWidget  *root,
                                   const char *path);
gboolean   _pmd_page_focus_param  (GtkWidget  *root,
                                   const char *path);
void       _pmd_page_pass_vertical_scroll (GtkWidget *root);
void       _pmd_page_scroll_to    (GtkWidget  *widget);

G_END_DECLS
