/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pmd-compare-page-private.h"
#include "pmd-message-bar.h"
#include "pmd-library-window.h"
#include "pmd-undo-keys-private.h"

/*
 * The library: its scenarios on the left (name, title, how many versions,
 * the latest, when it was updated, the tags), the versions of the one
 * chosen on the right, newest first (number, time, author, message, tags).
 * A version can be opened (the window's ::open-version; it becomes unsaved
 * work, not a file), restored (added again as the newest version, with a
 * message: history only grows) and tagged; two checked versions are
 * compared with the Vergelijken page's tables: the assumptions that differ
 * and the outcomes.
 */

struct _PmdLibraryWindow
{
  AdwWindow        parent_instance;

  PmdLibrary      *library;
  PmdDocument     *document;
  char            *selected;    /* the scenario shown */
  GPtrArray       *checks;      /* GtkCheckButton per version row */
  PmdComparison   *comparison;  /* what the compare page shows */
  gboolean         reloading;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkListBox      *scenarios_list;
  GtkStack        *content_stack;
  AdwStatusPage   *status_page;
  GtkLabel        *scenario_heading;
  GtkLabel        *scenario_details;
  GtkListBox      *versions_list;
  GtkLabel        *compare_heading;
  GtkGrid         *assumptions;
  GtkGrid         *outcomes;
};

G_DEFINE_FINAL_TYPE (PmdLibraryWindow, pmd_library_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  OPEN_VERSION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef void (*AnswerFunc) (PmdLibraryWindow *self,
                            int               version,
                            const char       *text);

static void
toast (PmdLibraryWindow *self,
       const char       *message)
{
  pmd_notify_text (GTK_WIDGET (self->toast_overlay), message);
}

/* "2026-03-01T09:30:00Z" in the user's time zone: "1-3-2026 10:30". */
static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%-d-%-m-%Y %H:%M") : g_strdup (iso ? iso : "");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
tag_label (const char *tag)
{
  GtkWidget *label = gtk_label_new (tag);

  gtk_widget_add_css_class (label, "library-tag");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_tooltip_text (label, tag);
  return label;
}

static void
update_compare_enabled (PmdLibraryWindow *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.compare", n == 2);
}

static void
show_page (PmdLibraryWindow *self,
           const char       *name)
{
  gtk_stack_set_visible_child_name (self->content_stack, name);
  gtk_widget_set_visible (self->back_button, g_str_equal (name, "compare"));
}

static GtkWidget *
version_row (PmdLibraryWindow        *self,
             const PmdLibraryVersion *v)
{
  g_autofree char *title = g_strdup_printf (_("Version %d"), v->version);
  g_autofree char *time = format_time (v->created);
  g_autofree char *subtitle = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) restore = g_menu_item_new (_("_Restore…"), NULL);
  g_autoptr(GMenuItem) tag = g_menu_item_new (_("_Tag…"), NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *more = gtk_menu_button_new ();

  /* Translators: a version's time, author and message */
  subtitle = *v->message != '\0' ? g_strdup_printf (_("%s · %s · %s"), time, v->author, v->message)
                                 : g_strdup_printf (_("%s · %s"), time, v->author);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Check two versions to compare them"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (check), "pmd-version", GINT_TO_POINTER (v->version));
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_compare_enabled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);

  for (guint i = 0; v->tags != NULL && v->tags[i] != NULL; i++)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_label (v->tags[i]));

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Open this version as unsaved work"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "library.open-version");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "i", v->version);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  g_menu_item_set_action_and_target_value (restore, "library.restore-version", g_variant_new_int32 (v->version));
  g_menu_item_set_action_and_target_value (tag, "library.tag-version", g_variant_new_int32 (v->version));
  g_menu_append_item (menu, restore);
  g_menu_append_item (menu, tag);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (more, _("More for this version"));
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
  return row;
}

static void
show_versions (PmdLibraryWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const PmdLibraryScenario *scenario = NULL;

  clear_list (self->versions_list);
  g_ptr_array_set_size (self->checks, 0);
  update_compare_enabled (self);
  if (self->selected == NULL)
    return;
  scenarios = pmd_library_list (self->library, &error);
  log = scenarios ? pmd_library_log (self->library, self->selected, &error) : NULL;
  if (log == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < scenarios->len; i++)
    if (g_str_equal (((PmdLibraryScenario *) g_ptr_array_index (scenarios, i))->name, self->selected))
      scenario = g_ptr_array_index (scenarios, i);
  if (scenario != NULL)
    {
      g_autofree char *updated = format_time (scenario->updated);
      g_autofree char *tags = scenario->tags && scenario->tags[0] ? g_strjoinv (", ", scenario->tags) : NULL;
      g_autoptr(GString) details = g_string_new (scenario->title);

      g_string_append_c (details, '\n');
      /* Translators: how many versions, the latest's number, when it was added */
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u version · latest %d · updated %s",
                                                    "%u versions · latest %d · updated %s", scenario->n_versions),
                              scenario->n_versions, scenario->latest, updated);
      if (tags != NULL)
        g_string_append_printf (details, _(" · tags: %s"), tags);
      gtk_label_set_text (self->scenario_heading, scenario->name);
      gtk_label_set_text (self->scenario_details, details->str);
    }
  for (guint i = log->len; i-- > 0;)
    gtk_list_box_append (self->versions_list, version_row (self, g_ptr_array_index (log, i)));
  show_page (self, "versions");
}

static GtkWidget *
scenario_row (const PmdLibraryScenario *s)
{
  g_autofree char *updated = format_time (s->updated);
  g_autofree char *tags = s->tags && s->tags[0] ? g_strjoinv (", ", s->tags) : NULL;
  g_autoptr(GString) subtitle = g_string_new (s->title);
  GtkWidget *row = adw_action_row_new ();

  g_string_append_c (subtitle, '\n');
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u version · latest %d · updated %s",
                                                 "%u versions · latest %d · updated %s", s->n_versions),
                          s->n_versions, s->latest, updated);
  if (tags != NULL)
    g_string_append_printf (subtitle, _(" · tags: %s"), tags);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  g_object_set_data_full (G_OBJECT (row), "pmd-name", g_strdup (s->name), g_free);
  return row;
}

static void
scenario_selected_cb (PmdLibraryWindow *self,
                      GtkListBoxRow    *row)
{
  if (self->reloading || row == NULL)
    return;
  g_free (self->selected);
  self->selected = g_strdup (g_object_get_data (G_OBJECT (row), "pmd-name"));
  show_versions (self);
}

/* Compare */

static PmdScenario *
load_version (PmdLibraryWindow *self,
              int               version,
              GError          **error)
{
  g_autofree char *ref = g_strdup_printf ("%s@%d", self->selected, version);

  return pmd_library_load (self->library, ref, NULL, error);
}

static GArray *
outcome_years (const PmdScenario *sc)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int end = pmd_scenario_get_end_year (sc);
  int candidates[] = { sc->base_year, sc->base_year + 4, sc->base_year + 9, end };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] <= end && (years->len == 0 || candidates[i] > g_array_index (years, int, years->len - 1)))
      g_array_append_val (years, candidates[i]);
  return years;
}

static void
compare_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (widget);
  g_autoptr(PmdComparison) comparison = pmd_comparison_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *heading = NULL;
  int versions[2];
  guint n = 0;

  /* Older first: the differences read as what changed since. */
  for (guint i = self->checks->len; i-- > 0 && n < 2;)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      versions[n++] = GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (self->checks, i), "pmd-version"));
  if (n != 2)
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PmdScenario) sc = load_version (self, versions[i], &error);
      PmdCompareEntry *e;

      if (sc == NULL || !pmd_comparison_add (comparison, sc, NULL, NULL, &error))
        {
          toast (self, error->message);
          return;
        }
      e = &g_array_index (comparison->entries, PmdCompareEntry, i);
      g_free (e->name);
      e->name = g_strdup_printf (_("Version %d"), versions[i]);
    }
  g_clear_pointer (&self->comparison, pmd_comparison_free);
  self->comparison = g_steal_pointer (&comparison);
  years = outcome_years (pmd_comparison_get (self->comparison, 0)->scenario);
  /* Translators: the scenario's name in the library, two version numbers */
  heading = g_strdup_printf (_("%s: version %d against version %d"), self->selected, versions[1], versions[0]);
  gtk_label_set_text (self->compare_heading, heading);
  _pmd_compare_fill_assumptions (self->assumptions, self->comparison);
  _pmd_compare_fill_outcomes (self->outcomes, self->comparison, years);
  show_page (self, "compare");
}

static void
show_versions_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  show_page (PMD_LIBRARY_WINDOW (widget), "versions");
}

/* Open, restore, tag */

static void
open_version_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (widget);
  g_autofree char *ref = g_strdup_printf ("%s@%d", self->selected, g_variant_get_int32 (param));

  g_signal_emit (self, signals[OPEN_VERSION], 0, ref);
}

static void
answer_cb (AdwMessageDialog *dialog,
           const char       *response,
           PmdLibraryWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  AnswerFunc func = g_object_get_data (G_OBJECT (dialog), "pmd-func");
  int version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pmd-version"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "ok"))
    func (self, version, text);
}

/* A question with one line to fill in, answered by @func on OK. */
static void
ask_text (PmdLibraryWindow *self,
          const char       *heading,
          const char       *body,
          const char       *initial,
          const char       *ok_label,
          int               version,
          AnswerFunc        func)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pmd-func", func);
  g_object_set_data (G_OBJECT (dialog), "pmd-version", GINT_TO_POINTER (version));
  g_signal_connect_object (dialog, "response", G_CALLBACK (answer_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_answered (PmdLibraryWindow *self,
                  int               version,
                  const char       *message)
{
  g_autofree char *ref = g_strdup_printf ("%s@%d", self->selected, version);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  int added = pmd_library_restore (self->library, ref, *message != '\0' ? message : NULL, &error);

  if (added == 0)
    {
      toast (self, error->message);
      return;
    }
  /* Translators: the new version, e.g. "westland-2026@4" */
  done = g_strdup_printf (_("Restored as %s@%d"), self->selected, added);
  toast (self, done);
  pmd_library_window_reload (self);
}

static void
restore_version_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (widget);
  int version = g_variant_get_int32 (param);
  g_autofree char *heading = g_strdup_printf (_("Restore Version %d?"), version);
  g_autofree char *message = g_strdup_printf (_("Restored from version %d"), version);

  ask_text (self, heading,
            _("Its exact contents are added as the newest version, with this message. No version is removed."),
            message, _("_Restore"), version, restore_answered);
}

static void
tag_answered (PmdLibraryWindow *self,
              int               version,
              const char       *tag)
{
  g_autofree char *ref = g_strdup_printf ("%s@%d", self->selected, version);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!pmd_library_tag (self->library, ref, tag, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: a tag, then the version it names, e.g. "westland-2026@2" */
  done = g_strdup_printf (_("“%s” now names %s"), tag, ref);
  toast (self, done);
  pmd_library_window_reload (self);
}

static void
tag_version_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (widget);
  int version = g_variant_get_int32 (param);
  g_autofree char *heading = g_strdup_printf (_("Tag Version %d"), version);

  ask_text (self, heading,
            _("A tag names one version, e.g. “Raadsvoorstel begroting 2027”. A tag that named another version of this scenario moves here."),
            "", _("_Tag"), version, tag_answered);
}

/* GObject */

static void
pmd_library_window_dispose (GObject *object)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PMD_TYPE_LIBRARY_WINDOW);
  g_clear_object (&self->library);
  g_clear_object (&self->document);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, pmd_comparison_free);

  G_OBJECT_CLASS (pmd_library_window_parent_class)->dispose (object);
}

static void
pmd_library_window_finalize (GObject *object)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (object);

  g_free (self->selected);

  G_OBJECT_CLASS (pmd_library_window_parent_class)->finalize (object);
}

static void
pmd_library_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_library_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT:
      pmd_library_window_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pmd_library_window_constructed (GObject *object)
{
  PmdLibraryWindow *self = PMD_LIBRARY_WINDOW (object);

  G_OBJECT_CLASS (pmd_library_window_parent_class)->constructed (object);

  if (self->library != NULL)
    pmd_library_window_reload (self);
}

static void
pmd_library_window_class_init (PmdLibraryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pmd_library_window_constructed;
  object_class->dispose = pmd_library_window_dispose;
  object_class->finalize = pmd_library_window_finalize;
  object_class->get_property = pmd_library_window_get_property;
  object_class->set_property = pmd_library_window_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PMD_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PmdLibraryWindow:document:
   *
   * The open document: its scenario is chosen first when the library has it.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PMD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PmdLibraryWindow::open-version:
   * @ref: the version, "NAME@N"
   *
   * The user asked to open the version in the main window.
   */
  signals[OPEN_VERSION] = g_signal_new ("open-version", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PMD_TYPE_MESSAGE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/piramide/Piramide/pmd-library-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, scenarios_list);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, scenario_heading);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, scenario_details);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, versions_list);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, compare_heading);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, assumptions);
  gtk_widget_class_bind_template_child (widget_class, PmdLibraryWindow, outcomes);
  gtk_widget_class_bind_template_callback (widget_class, scenario_selected_cb);
  gtk_widget_class_install_action (widget_class, "library.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "library.show-versions", NULL, show_versions_action);
  gtk_widget_class_install_action (widget_class, "library.open-version", "i", open_version_action);
  gtk_widget_class_install_action (widget_class, "library.restore-version", "i", restore_version_action);
  gtk_widget_class_install_action (widget_class, "library.tag-version", "i", tag_version_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pmd_library_window_init (PmdLibraryWindow *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _pmd_undo_keys_install (GTK_WIDGET (self), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.compare", FALSE);
}

/**
 * pmd_library_window_new:
 * @parent: the main window
 * @library: the library to show
 * @document: (nullable): the open document
 *
 * Returns: (transfer none): the window, to present
 */
GtkWindow *
pmd_library_window_new (GtkWindow   *parent,
                        PmdLibrary  *library,
                        PmdDocument *document)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PMD_IS_LIBRARY (library), NULL);

  return g_object_new (PMD_TYPE_LIBRARY_WINDOW,
                       "transient-for", parent,
                       "library", library,
                       "document", document,
                       NULL);
}

PmdDocument *
pmd_library_window_get_document (PmdLibraryWindow *self)
{
  g_return_val_if_fail (PMD_IS_LIBRARY_WINDOW (self), NULL);
  return self->document;
}

void
pmd_library_window_set_document (PmdLibraryWindow *self,
                                 PmdDocument      *document)
{
  g_return_if_fail (PMD_IS_LIBRARY_WINDOW (self));
  g_return_if_fail (document == NULL || PMD_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * pmd_library_window_reload:
 *
 * Reads the library again: after a version was added, here or elsewhere.
 * The scenario shown stays; the first time, it is the open document's
 * when the library has it.
 */
void
pmd_library_window_reload (PmdLibraryWindow *self)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  GtkListBoxRow *select = NULL;

  g_return_if_fail (PMD_IS_LIBRARY_WINDOW (self));

  scenarios = pmd_library_list (self->library, &error);
  if (scenarios == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Library Could Not Be Read"));
      adw_status_page_set_description (self->status_page, error->message);
      show_page (self, "empty");
      return;
    }
  if (self->selected != NULL)
    wanted = g_strdup (self->selected);
  else if (self->document != NULL)
    wanted = pmd_library_slugify (pmd_document_get_scenario (self->document)->name);

  self->reloading = TRUE;
  clear_list (self->scenarios_list);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const PmdLibraryScenario *s = g_ptr_array_index (scenarios, i);
      GtkWidget *row = scenario_row (s);

      gtk_list_box_append (self->scenarios_list, row);
      if (select == NULL || g_strcmp0 (s->name, wanted) == 0)
        select = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (self->scenarios_list, select);
  self->reloading = FALSE;

  g_clear_pointer (&self->selected, g_free);
  if (select == NULL)
    {
      show_page (self, "empty");
      update_compare_enabled (self);
      return;
    }
  self->selected = g_strdup (g_object_get_data (G_OBJECT (select), "pmd-name"));
  show_versions (self);
}

/**
 * pmd_library_window_select:
 * @name: a scenario's name in the library
 *
 * Shows the versions of @name, as clicking it in the list does.
 *
 * Returns: %FALSE when the library has no such scenario
 */
gboolean
pmd_library_window_select (PmdLibraryWindow *self,
                           const char       *name)
{
  g_return_val_if_fail (PMD_IS_LIBRARY_WINDOW (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->scenarios_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "pmd-name"), name) == 0)
      {
        gtk_list_box_select_row (self->scenarios_list, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

/**
 * pmd_library_window_get_selected:
 *
 * Returns: (nullable): the name of the scenario whose versions are shown
 */
const char *
pmd_library_window_get_selected (PmdLibraryWindow *self)
{
  g_return_val_if_fail (PMD_IS_LIBRARY_WINDOW (self), NULL);
  return self->selected;
}
