/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pmd-test-utils-ui.h"
#include "pmd-message-bar.h"

/* What the UI tests share: waiting for the main loop and the frame clock,
 * screenshots, finding widgets as a user finds them, and typing into the
 * editing pages. */

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until @widget's window has laid out and painted a frame after now. */
void
pmd_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  if (clock == NULL || !gtk_widget_get_mapped (widget))
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT | GDK_FRAME_CLOCK_PHASE_PAINT);
  pmd_test_wait_until (painted);
  g_signal_handler_disconnect (clock, id);
}

/* What is ready to run now runs (idles included), without waiting. */
void
pmd_test_run_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* What is pending now is done, and @widget's window (nullable) has shown it. */
void
pmd_test_drain (GtkWidget *widget)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  if (widget != NULL)
    pmd_test_wait_frame (GTK_WIDGET (gtk_widget_get_root (widget)));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* @widget as a PNG in $PIRAMIDE_SCREENSHOTS, for people to look at. */
void
pmd_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("PIRAMIDE_SCREENSHOTS"), NULL);
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w = 0, h = 0;

  pmd_test_wait_until (gtk_widget_get_mapped (widget) && gdk_paintable_get_intrinsic_width (paintable) > 1);
  pmd_test_drain (widget);
  /* A widget whose size is still to be allocated draws nothing: frames
   * until it has settled (a wrapping label can take a second layout). */
  while (node == NULL)
    {
      pmd_test_wait_frame (widget);
      w = gdk_paintable_get_intrinsic_width (paintable);
      h = gdk_paintable_get_intrinsic_height (paintable);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s (%d×%d)", path, w, h);
}

/* Every widget of @type inside @widget, in the order a user reads them. */
void
pmd_test_collect_descendants (GtkWidget *widget,
                              GType      type,
                              GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      pmd_test_collect_descendants (c, type, out);
    }
}

/* The toast shown: the overlay's child that is not its content and that
 * can still be clicked (a toast going away cannot). Others wait in a
 * queue until it is dismissed. */
static GtkWidget *
shown_toast (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    return NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (c != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)) && gtk_widget_get_can_target (c))
      return c;
  return NULL;
}

/* Closes every toast, the queued ones too, with its close button, and the
 * message bar that shows a message too long for a toast. */
void
pmd_test_dismiss_toasts (GtkWidget *widget)
{
  PmdMessageBar *bar = pmd_message_bar_find (widget);
  GtkWidget *toast;

  if (bar != NULL)
    pmd_message_bar_dismiss (bar);

  while ((toast = shown_toast (widget)) != NULL)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      pmd_test_collect_descendants (toast, GTK_TYPE_BUTTON, buttons);
      g_assert_cmpuint (buttons->len, >, 0);
      /* The close button comes last. */
      g_signal_emit_by_name (g_ptr_array_index (buttons, buttons->len - 1), "clicked");
    }
}

/* The text of the toast shown, or of the message bar when the message
 * was too long for a toast; or NULL. */
char *
pmd_test_dup_toast (GtkWidget *widget)
{
  GtkWidget *toast = shown_toast (widget);
  PmdMessageBar *bar = pmd_message_bar_find (widget);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (bar != NULL && pmd_message_bar_get_message (bar) != NULL)
    return g_strdup (pmd_message_bar_get_message (bar));
  if (toast == NULL)
    return NULL;
  pmd_test_collect_descendants (toast, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 0);
  return g_strdup (gtk_label_get_text (g_ptr_array_index (labels, 0)));
}

/* Where the page shows what it says: the toast overlay around it. Rows may
 * be built again while the main loop runs: the overlay stays. */
static GtkWidget *
toasts_of (GtkWidget *page)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);

  g_assert_nonnull (overlay);
  pmd_test_dismiss_toasts (overlay);
  return overlay;
}

/* Hands back what the page said after the user's input, dismissed. */
static gboolean
take_toast (GtkWidget  *overlay,
            char      **toast)
{
  g_autofree char *text = NULL;

  pmd_test_drain (overlay);
  text = pmd_test_dup_toast (overlay);
  pmd_test_dismiss_toasts (overlay);
  if (toast != NULL)
    *toast = g_strdup (text);
  return text == NULL;
}

/* The cell of the Posten page in the row of line @line and the column of
 * @field ("name", "base_cost", …, "layer", "driver"): the page names its
 * cells after their column. */
GtkWidget *
pmd_test_lines_cell (GtkWidget  *page,
                     guint       line,
                     const char *field)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  pmd_test_collect_descendants (page, GTK_TYPE_WIDGET, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);

      if (g_str_equal (gtk_widget_get_name (cell), field) &&
          g_object_get_data (G_OBJECT (cell), "pmd-index") == GUINT_TO_POINTER (line) &&
          gtk_widget_get_mapped (cell))
        return cell;
    }
  return NULL;
}

/* Types @text into a cell and presses Enter. */
gboolean
pmd_test_lines_type (GtkWidget  *page,
                     guint       line,
                     const char *field,
                     const char *text,
                     char      **toast)
{
  GtkWidget *cell = pmd_test_lines_cell (page, line, field);
  GtkWidget *overlay = toasts_of (page);

  g_assert_true (GTK_IS_EDITABLE_LABEL (cell));
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (cell)), "activate");
  return take_toast (overlay, toast);
}

/* Chooses item @index of a cell's list (a layer, a domain, a driver). */
gboolean
pmd_test_lines_choose (GtkWidget  *page,
                       guint       line,
                       const char *field,
                       guint       index,
                       char      **toast)
{
  GtkWidget *cell = pmd_test_lines_cell (page, line, field);
  GtkWidget *overlay = toasts_of (page);

  g_assert_true (GTK_IS_DROP_DOWN (cell));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), index);
  return take_toast (overlay, toast);
}

/* The row of @type titled @title inside @scope; with @text, the one whose
 * field shows @text. */
GtkWidget *
pmd_test_find_row (GtkWidget  *scope,
                   GType       type,
                   const char *title,
                   const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  pmd_test_collect_descendants (scope, type, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0 &&
          (text == NULL || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0))
        return row;
    }
  return NULL;
}

/* Types @text into the field @title of @scope showing @current and
 * presses Enter. */
gboolean
pmd_test_entry_type (GtkWidget  *scope,
                     const char *title,
                     const char *current,
                     const char *text,
                     char      **toast)
{
  GtkWidget *row = pmd_test_find_row (scope, ADW_TYPE_ENTRY_ROW, title, current);
  GtkWidget *overlay = toasts_of (scope);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  return take_toast (overlay, toast);
}

/* Every label on screen inside @widget shows its whole text: none is cut
 * with "…". Returns how many were checked. */
guint
pmd_test_assert_labels_whole (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint checked = 0;

  pmd_test_collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) || *gtk_label_get_text (label) == '\0')
        continue;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("“%s” is cut at %d px", gtk_label_get_text (label), gtk_widget_get_width (GTK_WIDGET (label)));
      checked++;
    }
  return checked;
}
