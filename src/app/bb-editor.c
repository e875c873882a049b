/* bb-editor.c
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bb-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-codes.h"
#include "bb-editor.h"
#include "bb-validate.h"
#include "bb-window.h"

typedef struct
{
  GtkWidget *field;
  char      *column;
  GtkWidget *message_box;    /* what is shown and hidden: a list row, or the label itself */
  GtkLabel  *message;
} TextField;

typedef struct
{
  gboolean dirty;
  char *discard_body;
} BbEditorWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BbEditorWindow, bb_editor_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void
bb_editor_window_set_dirty (BbEditorWindow *self,
                            gboolean        dirty)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  g_return_if_fail (BB_IS_EDITOR_WINDOW (self));

  priv->dirty = !!dirty;
}

gboolean
bb_editor_window_get_dirty (BbEditorWindow *self)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  g_return_val_if_fail (BB_IS_EDITOR_WINDOW (self), FALSE);

  return priv->dirty;
}

void
bb_editor_window_set_discard_body (BbEditorWindow *self,
                                   const char     *body)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  g_return_if_fail (BB_IS_EDITOR_WINDOW (self));

  bb_set_str (&priv->discard_body, body);
}

void
bb_editor_window_show_error (BbEditorWindow *self,
                             BbStore        *store,
                             const char     *heading,
                             GError         *error)
{
  g_autofree char *message = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (BB_IS_EDITOR_WINDOW (self));
  g_return_if_fail (BB_IS_STORE (store));

  message = bb_application_describe_store_error (error, bb_store_get_path (store));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bb_editor_window_toast_saved (BbEditorWindow *self)
{
  GtkWindow *parent;

  g_return_if_fail (BB_IS_EDITOR_WINDOW (self));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    bb_widget_add_toast (GTK_WIDGET (parent), adw_toast_new (_("Saved")));
}

void
bb_editor_window_finish (BbEditorWindow *self,
                         gint64          id,
                         gboolean        toast_saved)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  g_return_if_fail (BB_IS_EDITOR_WINDOW (self));

  priv->dirty = FALSE;
  if (toast_saved)
    bb_editor_window_toast_saved (self);
  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbEditorWindowClass *klass = BB_EDITOR_WINDOW_GET_CLASS (widget);

  if (klass->save != NULL)
    klass->save (BB_EDITOR_WINDOW (widget));
}

static gboolean
bb_editor_window_real_is_dirty (BbEditorWindow *self)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  return priv->dirty;
}

static gboolean
destroy_idle (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response (BbEditorWindow *self,
                     const char     *response)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  if (g_strcmp0 (response, "discard") == 0)
    {
      priv->dirty = FALSE;
      /* Once the question is gone: it is transient for the editor and, freed after its
       * response, let go of an editor destroyed in the response (a GObject warning). */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle, g_object_ref (self), g_object_unref);
    }
}

static void
bb_editor_window_real_ask_discard (BbEditorWindow *self)
{
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                                       priv->discard_body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
bb_editor_window_close_request (GtkWindow *window)
{
  BbEditorWindow *self = BB_EDITOR_WINDOW (window);
  BbEditorWindowClass *klass = BB_EDITOR_WINDOW_GET_CLASS (self);

  if (!klass->is_dirty (self))
    return GTK_WINDOW_CLASS (bb_editor_window_parent_class)->close_request (window);

  klass->ask_discard (self);

  return TRUE;
}

/* Keyboard focus ------------------------------------------------------------------------------ */

static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget) || GTK_IS_HEADER_BAR (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
bb_editor_focus_first_field (GtkWindow *window)
{
  GtkWidget *header;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WINDOW (window));

  header = find_header_bar (GTK_WIDGET (window));
  if (header == NULL)
    return;

  focus = gtk_window_get_focus (window);
  if (focus != NULL && !gtk_widget_is_ancestor (focus, header))
    return;

  /* What follows the header bar: the form, its first field first. */
  for (GtkWidget *widget = header; widget != NULL && widget != GTK_WIDGET (window);
       widget = gtk_widget_get_parent (widget))
    for (GtkWidget *sibling = gtk_widget_get_next_sibling (widget);
         sibling != NULL;
         sibling = gtk_widget_get_next_sibling (sibling))
      if (gtk_widget_child_focus (sibling, GTK_DIR_TAB_FORWARD))
        return;
}

/* The window the editor was over gets the focus back where it was; if that widget is gone
 * (a detail pane drawn again after the save), its view's list takes it. */
static gboolean
restore_parent_focus (gpointer user_data)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (user_data);
  GtkWidget *focus;

  if (parent == NULL || !gtk_widget_get_mapped (GTK_WIDGET (parent)))
    return G_SOURCE_REMOVE;

  focus = gtk_window_get_focus (parent);
  if (focus != NULL && gtk_widget_get_mapped (focus))
    return G_SOURCE_REMOVE;

  if (BB_IS_WINDOW (parent))
    bb_window_focus_view (BB_WINDOW (parent));
  else
    gtk_widget_child_focus (GTK_WIDGET (parent), GTK_DIR_TAB_FORWARD);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
bb_editor_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_editor_window_parent_class)->map (widget);

  bb_editor_focus_first_field (GTK_WINDOW (widget));
}

static void
bb_editor_window_unmap (GtkWidget *widget)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (bb_editor_window_parent_class)->unmap (widget);

  if (parent != NULL)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, parent);
      /* After the "saved" handlers have drawn the view again. */
      g_idle_add_full (G_PRIORITY_LOW, restore_parent_focus, ref, weak_ref_free);
    }
}

static void
bb_editor_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (bb_editor_window_parent_class)->constructed (object);

  /* After the subclass's template made the content. */
  bb_editor_fit_narrow (GTK_WINDOW (object));
}

static void
bb_editor_window_finalize (GObject *object)
{
  BbEditorWindow *self = BB_EDITOR_WINDOW (object);
  BbEditorWindowPrivate *priv = bb_editor_window_get_instance_private (self);

  g_free (priv->discard_body);

  G_OBJECT_CLASS (bb_editor_window_parent_class)->finalize (object);
}

static void
bb_editor_window_class_init (BbEditorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bb_editor_window_constructed;
  object_class->finalize = bb_editor_window_finalize;
  widget_class->map = bb_editor_window_map;
  widget_class->unmap = bb_editor_window_unmap;
  window_class->close_request = bb_editor_window_close_request;
  klass->is_dirty = bb_editor_window_real_is_dirty;
  klass->ask_discard = bb_editor_window_real_ask_discard;

  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_editor_window_init (BbEditorWindow *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

static void
combo_rows_use_subtitle (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (widget), TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    combo_rows_use_subtitle (child);
}

void
bb_editor_fit_narrow (GtkWindow *window)
{
  GtkWidget *content;
  GtkWidget *header;
  GtkWidget *squeezer;

  g_return_if_fail (GTK_IS_WINDOW (window));

  content = ADW_IS_WINDOW (window) ? adw_window_get_content (ADW_WINDOW (window))
                                   : gtk_window_get_child (window);
  if (content == NULL)
    return;
  combo_rows_use_subtitle (content);
  header = find_header_bar (content);
  if (!ADW_IS_HEADER_BAR (header) || adw_header_bar_get_title_widget (ADW_HEADER_BAR (header)) != NULL)
    return;

  /* As the header bar's own title (AdwWindowTitle) on one line where it fits, else on two,
   * broken between words; cut off only beyond that, with the whole title as its tooltip. */
  squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                       "wrap", i == 1,
                                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                       "lines", 2,
                                       "ellipsize", i == 1 ? PANGO_ELLIPSIZE_END
                                                           : PANGO_ELLIPSIZE_NONE,
                                       "justify", GTK_JUSTIFY_CENTER,
                                       "valign", GTK_ALIGN_CENTER,
                                       NULL);

      gtk_widget_add_css_class (title, "title");
      g_object_bind_property (window, "title", title, "label", G_BINDING_SYNC_CREATE);
      if (i == 1)
        g_object_bind_property (window, "title", title, "tooltip-text", G_BINDING_SYNC_CREATE);
      adw_squeezer_add (ADW_SQUEEZER (squeezer), title);
    }
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), squeezer);
  /* Narrower Cancel and Save leave the title more room (style.css). */
  gtk_widget_add_css_class (header, "editor-header");
}

/* Free-text fields ---------------------------------------------------------------------------- */

#define TEXT_FIELDS_KEY "bb-editor-text-fields"

static void
text_field_free (gpointer data)
{
  TextField *text_field = data;

  g_free (text_field->column);
  g_free (text_field);
}

/* The TextFields of a window, NULL if it has none yet. */
static GPtrArray *
get_text_fields (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), TEXT_FIELDS_KEY);
}

static TextField *
find_text_field (GtkWidget *window,
                 GtkWidget *field)
{
  GPtrArray *text_fields = get_text_fields (window);

  for (guint i = 0; text_fields != NULL && i < text_fields->len; i++)
    {
      TextField *text_field = g_ptr_array_index (text_fields, i);

      if (text_field->field == field)
        return text_field;
    }

  return NULL;
}

static char *
dup_field_text (GtkWidget *field)
{
  g_autofree char *text = NULL;

  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

  return bb_validate_dup_trimmed (text);
}

/* The label of a message as in the templates' message rows. */
static GtkWidget *
message_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

/* Puts a hidden message right below the field: a row after the field's row in a list, or a
 * label after the field (or the frame or scrolled window around it) in a box. */
static void
make_message (TextField *text_field)
{
  GtkWidget *label = message_label_new ();
  GtkWidget *row = gtk_widget_get_ancestor (text_field->field, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *parent = row != NULL ? gtk_widget_get_parent (row) : NULL;

  text_field->message = GTK_LABEL (label);

  if (row != NULL && GTK_IS_LIST_BOX (parent))
    {
      g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 6,
                    "margin-bottom", 6, NULL);
      /* A preferences row: the lists of AdwPreferencesGroup and the search of
       * AdwPreferencesWindow take no other kind. */
      text_field->message_box = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (text_field->message_box), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (text_field->message_box), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (text_field->message_box), label);
      gtk_list_box_insert (GTK_LIST_BOX (parent), text_field->message_box,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
    }
  else
    {
      GtkWidget *child = text_field->field;

      while (gtk_widget_get_parent (child) != NULL && !GTK_IS_BOX (gtk_widget_get_parent (child)))
        child = gtk_widget_get_parent (child);
      g_return_if_fail (GTK_IS_BOX (gtk_widget_get_parent (child)));

      gtk_widget_set_margin_top (label, 6);
      text_field->message_box = label;
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (child)), label, child);
    }
}

static gboolean
check_text_field (TextField *text_field)
{
  g_autofree char *text = dup_field_text (text_field->field);
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = bb_validate_column (text_field->column, text, &error);
  if (!valid && text_field->message == NULL)
    make_message (text_field);
  if (text_field->message == NULL)
    return TRUE;

  gtk_label_set_text (text_field->message, valid ? "" : error->message);
  gtk_widget_set_visible (text_field->message_box, !valid);
  if (valid)
    gtk_widget_remove_css_class (text_field->field, "error");
  else
    gtk_widget_add_css_class (text_field->field, "error");

  return valid;
}

static void
on_text_field_changed (GtkWidget *window,
                       gpointer   field_or_buffer)
{
  GPtrArray *text_fields = get_text_fields (window);

  for (guint i = 0; i < text_fields->len; i++)
    {
      TextField *text_field = g_ptr_array_index (text_fields, i);

      if (text_field->field == field_or_buffer
          || (GTK_IS_TEXT_VIEW (text_field->field)
              && gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_field->field)) == field_or_buffer))
        check_text_field (text_field);
    }
}

void
bb_editor_add_text_field (GtkWidget  *window,
                          GtkWidget  *field,
                          const char *column)
{
  GPtrArray *text_fields;
  TextField *text_field;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));
  g_return_if_fail (column != NULL);
  g_return_if_fail (find_text_field (window, field) == NULL);

  text_fields = get_text_fields (window);
  if (text_fields == NULL)
    {
      text_fields = g_ptr_array_new_with_free_func (text_field_free);
      g_object_set_data_full (G_OBJECT (window), TEXT_FIELDS_KEY, text_fields,
                              (GDestroyNotify) g_ptr_array_unref);
    }

  text_field = g_new0 (TextField, 1);
  text_field->field = field;
  text_field->column = g_strdup (column);
  g_ptr_array_add (text_fields, text_field);

  if (GTK_IS_TEXT_VIEW (field))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                             G_CALLBACK (on_text_field_changed), window, G_CONNECT_SWAPPED);
  else
    g_signal_connect_object (field, "changed", G_CALLBACK (on_text_field_changed), window,
                             G_CONNECT_SWAPPED);
}

gboolean
bb_editor_check_text_field (GtkWidget *window,
                            GtkWidget *field)
{
  TextField *text_field;

  g_return_val_if_fail (GTK_IS_WIDGET (window), FALSE);

  text_field = find_text_field (window, field);
  g_return_val_if_fail (text_field != NULL, FALSE);

  return check_text_field (text_field);
}

gboolean
bb_editor_check_text_fields (GtkWidget *window)
{
  GPtrArray *text_fields;
  gboolean valid = TRUE;

  g_return_val_if_fail (GTK_IS_WIDGET (window), FALSE);

  text_fields = get_text_fields (window);
  for (guint i = 0; text_fields != NULL && i < text_fields->len; i++)
    valid &= check_text_field (g_ptr_array_index (text_fields, i));

  return valid;
}

GtkLabel *
bb_editor_get_text_message (GtkWidget *window,
                            GtkWidget *field)
{
  TextField *text_field;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);

  text_field = find_text_field (window, field);

  return text_field != NULL ? text_field->message : NULL;
}

void
bb_editor_set_message_full (GtkWidget  *field_row,
                            GtkLabel   *message,
                            const char *text,
                            gboolean    warning)
{
  GtkWidget *message_row;

  g_return_if_fail (field_row == NULL || GTK_IS_WIDGET (field_row));
  g_return_if_fail (GTK_IS_LABEL (message));

  message_row = gtk_widget_get_parent (GTK_WIDGET (message));
  gtk_label_set_text (message, text ? text : "");
  gtk_widget_set_visible (message_row, text != NULL);

  if (field_row != NULL)
    {
      if (text != NULL && !warning)
        gtk_widget_add_css_class (field_row, "error");
      else
        gtk_widget_remove_css_class (field_row, "error");
    }

  gtk_widget_remove_css_class (GTK_WIDGET (message), warning ? "error" : "warning");
  gtk_widget_add_css_class (GTK_WIDGET (message), warning ? "warning" : "error");
}

void
bb_editor_set_message (GtkWidget  *field_row,
                       GtkLabel   *message,
                       const char *text)
{
  bb_editor_set_message_full (field_row, message, text, FALSE);
}

char *
bb_editor_dup_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return bb_validate_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (row)));
}

void
bb_editor_set_text (AdwEntryRow *row,
                    const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

char *
bb_editor_dup_notes (GtkTextView *view)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return bb_validate_dup_trimmed (text);
}

void
bb_editor_setup_codes (AdwComboRow *row,
                       int          set,
                       gboolean     with_none)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  codes = bb_codes_list ((BbCodeSet) set);
  if (with_none)
    gtk_string_list_append (labels, _("None"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, bb_codes_label ((BbCodeSet) set, codes[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

GtkWidget *
bb_editor_header_bar_new (const char  *action_label,
                          GtkWidget  **action_button)
{
  GtkWidget *header;
  GtkWidget *cancel;

  g_return_val_if_fail (action_label != NULL, NULL);
  g_return_val_if_fail (action_button != NULL, NULL);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  *action_button = gtk_button_new_with_mnemonic (action_label);
  gtk_widget_add_css_class (*action_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *action_button);

  return header;
}
