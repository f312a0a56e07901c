/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pmd-test-utils-ui.h"
#include "pmd-message-bar.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

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

/* @widget as it is on screen now. */
static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
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
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

/* @widget as a PNG in $PIRAMIDE_SCREENSHOTS, for people to look at. */
void
pmd_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GdkTexture) texture = render (widget);
  g_autofree char *dir = g_build_filename (g_getenv ("PIRAMIDE_SCREENSHOTS"), NULL);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s (%d×%d)", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

/* The colour (0xAARRGGBB) at (@x, @y) of @widget as its window shows it. */
guint32
pmd_test_pixel (GtkWidget *widget,
                double     x,
                double     y)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  g_autoptr(GdkTexture) texture = render (window);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint32 *data = g_new (guint32, (gsize) width * height);
  graphene_point_t p;

  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (x, y), &p));
  g_assert_true (p.x >= 0 && p.x < width && p.y >= 0 && p.y < height);
  gdk_texture_download (texture, (guchar *) data, width * sizeof (guint32));
  return data[(int) p.y * width + (int) p.x];
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

/* The keyboard is in @cell (its text, when editing). */
static gboolean
holds_focus (GtkWidget *cell)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (cell));

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static gboolean
all_selected (GtkWidget *cell)
{
  int start, end;

  return gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), &start, &end) && start == 0 &&
         end == g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (cell)), -1);
}

/* After a click was handled: whether the Posten cell is editing with the
 * keyboard in it and its old text selected to type over, or gave up
 * (GTK 4.8 stops editing a label 100 ms after the focus left it). */
gboolean
pmd_test_cell_edits (GtkWidget *cell)
{
  GtkEditableLabel *label = GTK_EDITABLE_LABEL (cell);

  pmd_test_wait_until (!gtk_editable_label_get_editing (label) || (holds_focus (cell) && all_selected (cell)));
  pmd_test_drain (cell);
  return gtk_editable_label_get_editing (label) && holds_focus (cell) && all_selected (cell);
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

/* Input as a user's, through the X server: xdotool's @command and its
 * arguments (NULL-terminated; "%w" stands for the window of @widget), after
 * the window was given the keyboard. FALSE without X or xdotool, for the
 * test to skip. */
gboolean
pmd_test_xdotool (GtkWidget  *widget,
                  const char *command,
                  ...)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  int status = 0;
  va_list args;

  if (!GDK_IS_X11_SURFACE (surface) || xdotool == NULL)
    return FALSE;
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup (xid));
  g_ptr_array_add (argv, g_strdup (command));
  va_start (args, command);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (g_str_equal (arg, "%w") ? xid : arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
#else
  return FALSE;
#endif
}

/* Counts the releases of buttons and keys (not Shift, Control, …) that
 * @widget's window handles. */
static gboolean
released_cb (GtkEventControllerLegacy *legacy,
             GdkEvent                 *event,
             guint                    *released)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_RELEASE || (type == GDK_KEY_RELEASE && !gdk_key_event_is_modifier (event)))
    (*released)++;
  return GDK_EVENT_PROPAGATE;
}

static GtkEventController *
watch_releases (GtkWidget *window,
                guint     *released)
{
  GtkEventController *watch = gtk_event_controller_legacy_new ();

  /* Seen before any widget of the window can claim the event. */
  gtk_event_controller_set_propagation_phase (watch, GTK_PHASE_CAPTURE);
  g_signal_connect (watch, "event", G_CALLBACK (released_cb), released);
  gtk_widget_add_controller (window, watch);
  return watch;
}

/* xdotool's @command (key or type) with @arg, to @widget's window: done
 * when the window has handled @keys keys. */
static gboolean
keys (GtkWidget  *widget,
      const char *command,
      const char *arg,
      guint       keys)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  guint released = 0;
  GtkEventController *watch = watch_releases (window, &released);
  /* "--": a text may begin with "-". */
  gboolean sent = pmd_test_xdotool (window, command, "--", arg, NULL);

  if (sent)
    pmd_test_wait_until (released >= keys);
  gtk_widget_remove_controller (window, watch);
  pmd_test_drain (window);
  return sent;
}

/* A key (xdotool's name: "Return", "shift+Tab", "ctrl+z") to @widget's
 * window, handled when this returns. */
gboolean
pmd_test_key (GtkWidget  *widget,
              const char *name)
{
  return keys (widget, "key", name, 1);
}

/* @text typed (one key a character) into @widget's window, handled when
 * this returns. */
gboolean
pmd_test_type (GtkWidget  *widget,
               const char *text)
{
  return keys (widget, "type", text, g_utf8_strlen (text, -1));
}

/* Presses the first button at (@x, @y) of @widget (its middle for -1) as
 * @how says ("click"; "double"; "slow": held a while, as someone
 * hesitating), and waits until the window has had the last release. */
gboolean
pmd_test_click (GtkWidget  *widget,
                double      x,
                double      y,
                const char *how)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  GtkEventController *watch;
  graphene_point_t p;
  double dx = 0, dy = 0;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  guint released = 0, expected = 1;
  gboolean sent;

  g_assert_true (gtk_widget_compute_point (widget, window,
                                           &GRAPHENE_POINT_INIT (x < 0 ? gtk_widget_get_width (widget) / 2.0 : x,
                                                                 y < 0 ? gtk_widget_get_height (widget) / 2.0 : y),
                                           &p));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  sx = g_strdup_printf ("%d", (int) (p.x + dx));
  sy = g_strdup_printf ("%d", (int) (p.y + dy));
  watch = watch_releases (window, &released);
  if (g_str_equal (how, "double"))
    {
      expected = 2;
      sent = pmd_test_xdotool (window, "mousemove", "--window", "%w", sx, sy,
                               "click", "--repeat", "2", "--delay", "150", "1", NULL);
    }
  else if (g_str_equal (how, "slow"))
    sent = pmd_test_xdotool (window, "mousemove", "--window", "%w", sx, sy,
                             "mousedown", "1", "sleep", "0.6", "mouseup", "1", NULL);
  else
    sent = pmd_test_xdotool (window, "mousemove", "--window", "%w", sx, sy, "click", "1", NULL);
  if (sent)
    pmd_test_wait_until (released >= expected);
  gtk_widget_remove_controller (window, watch);
  return sent;
}
