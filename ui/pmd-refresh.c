/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-refresh.h"

/*
 * When a page shows the document again. The page says which parts of the
 * document it shows (PmdChangeFlags); a change elsewhere does not touch it.
 * A slider drag changes the document many times a second: the page is
 * refreshed once, when the main loop is idle, and only while it is on
 * screen; a page changed while hidden is refreshed when it is shown. Each
 * refresh is told everything that changed since the last one, so a page
 * rebuilds its rows only when items came or went.
 */

struct _PmdRefresh
{
  GtkWidget      *page;     /* not a reference: the page owns this */
  PmdDocument    *document; /* a reference */
  PmdChangeFlags  watch;
  PmdRefreshFunc  func;
  PmdChangeFlags  pending;
  guint           idle_id;
  gulong          map_id;
  gulong          changed_id;
};

static void
run (PmdRefresh *self)
{
  PmdChangeFlags flags = self->pending;

  self->pending = PMD_CHANGE_NONE;
  self->func (self->page, flags);
}

static gboolean
idle_cb (gpointer data)
{
  PmdRefresh *self = data;

  self->idle_id = 0;
  /* Hidden: the changes wait in @pending until the page is shown. */
  if (gtk_widget_get_mapped (self->page))
    run (self);
  return G_SOURCE_REMOVE;
}

static void
map_cb (GtkWidget  *page,
        PmdRefresh *self)
{
  if (self->pending != PMD_CHANGE_NONE)
    {
      g_clear_handle_id (&self->idle_id, g_source_remove);
      run (self);
    }
}

static void
changed_cb (PmdDocument    *document,
            PmdChangeFlags  flags,
            const char     *path,
            PmdRefresh     *self)
{
  pmd_refresh_queue (self, flags);
}

/**
 * pmd_refresh_new:
 * @page: the page; it frees the result with pmd_refresh_free() in dispose
 * @document: the document it shows
 * @watch: the changes that touch what the page shows
 * @func: shows the document again on @page
 *
 * Returns: (transfer full): the page's refresh
 */
PmdRefresh *
pmd_refresh_new (GtkWidget      *page,
                 PmdDocument    *document,
                 PmdChangeFlags  watch,
                 PmdRefreshFunc  func)
{
  PmdRefresh *self = g_new0 (PmdRefresh, 1);

  self->page = page;
  self->document = g_object_ref (document);
  self->watch = watch;
  self->func = func;
  self->map_id = g_signal_connect (page, "map", G_CALLBACK (map_cb), self);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (changed_cb), self);
  return self;
}

/* Asks for one refresh, however often the document changes before it. A
 * change the page does not watch is let go. */
void
pmd_refresh_queue (PmdRefresh     *self,
                   PmdChangeFlags  flags)
{
  /* Items came or went, in a part the page may not show. */
  if ((flags & self->watch & ~PMD_CHANGE_STRUCTURE) == PMD_CHANGE_NONE)
    return;
  self->pending |= flags & (self->watch | PMD_CHANGE_STRUCTURE);
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
  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_free (self);
}

/* Runs a refresh that waits, now, shown or not: for a caller that reads
 * what the page shows (a copy or an export of it). */
void
pmd_refresh_flush (PmdRefresh *self)
{
  if (self->pending == PMD_CHANGE_NONE)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  run (self);
}

/**
 * pmd_refresh_watch:
 * @refresh: (inout) (nullable): the page's refresh; replaced
 * @page: the page
 * @document: (nullable): the document the page shows now
 * @watch: the changes that touch what the page shows
 * @func: shows the document again on @page
 * @first: what the first refresh is told (the page is built then: when
 *   it is next shown, or at once while it is)
 *
 * What every page's set_document does: the refresh follows @document
 * instead of the one before, or nothing when @document is %NULL.
 */
void
pmd_refresh_watch (PmdRefresh    **refresh,
                   GtkWidget      *page,
                   PmdDocument    *document,
                   PmdChangeFlags  watch,
                   PmdRefreshFunc  func,
                   PmdChangeFlags  first)
{
  g_clear_pointer (refresh, pmd_refresh_free);
  if (document == NULL)
    return;
  *refresh = pmd_refresh_new (page, document, watch, func);
  pmd_refresh_queue (*refresh, first);
}
