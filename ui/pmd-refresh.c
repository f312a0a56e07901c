/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-refresh.h"

/*
 * When a page shows the document again. A slider drag changes the document
 * many times a second: the page is refreshed once, when the main loop is
 * idle, and only while it is on screen; a page changed while hidden is
 * refreshed when it is shown. One mechanism for the Posten, Aannames and
 * Maatregelen pages.
 */

struct _PmdRefresh
{
  GtkWidget      *page;   /* not a reference: the page owns this */
  PmdRefreshFunc  func;
  guint           idle_id;
  gulong          map_id;
  gboolean        stale;
};

static gboolean
idle_cb (gpointer data)
{
  PmdRefresh *self = data;

  self->idle_id = 0;
  if (!gtk_widget_get_mapped (self->page))
    {
      self->stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  self->func (self->page);
  return G_SOURCE_REMOVE;
}

static void
map_cb (GtkWidget  *page,
        PmdRefresh *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      self->func (self->page);
    }
}

/**
 * pmd_refresh_new:
 * @page: the page; it frees the result with pmd_refresh_free() in dispose
 * @func: shows the document again on @page
 *
 * Returns: (transfer full): the page's refresh
 */
PmdRefresh *
pmd_refresh_new (GtkWidget      *page,
                 PmdRefreshFunc  func)
{
  PmdRefresh *self = g_new0 (PmdRefresh, 1);

  self->page = page;
  self->func = func;
  self->map_id = g_signal_connect (page, "map", G_CALLBACK (map_cb), self);
  return self;
}

/* Asks for one refresh, however often the document changes before it. */
void
pmd_refresh_queue (PmdRefresh *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (idle_cb, self);
}

void
pmd_refresh_free (PmdRefresh *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->map_id, self->page);
  g_free (self);
}
