/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-window-private.h"

/* A scenario file dropped on the window opens, after asking about unsaved
 * changes as File → Open does. */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PmdWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  pmd_window_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

void
_pmd_window_init_dnd (PmdWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
