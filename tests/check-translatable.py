#!/usr/bin/python3
# check-translatable.py: fails on a user-visible string that is not marked for translation.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translatable.py SOURCE_ROOT
#
# Two static checks; the runtime check in German is tests/test-german-ui.c.
#
#  - ui/**/*.ui: every property, menu attribute, dialog response and string-list item that
#    people see (read or hear through a screen reader) and whose value holds a letter must
#    carry translatable="yes".
#  - src/**/*.c: a string literal that holds a letter, given to a function that shows it
#    (labels, titles, toasts, dialogs, tooltips, menus, accessible labels, the texts drawn
#    into charts and PDFs, the errors that reach people), must be wrapped in _(), N_(),
#    C_(), NC_(), ngettext() or g_dngettext().
#
# What is not a literal (a variable, a call) cannot be checked here; the runtime test looks
# at the texts the window shows. Exceptions are in the ALLOWED lists below, each with its
# reason: keep them short and honest.

import os
import re
import sys
import xml.etree.ElementTree as ET

LETTER = re.compile(r'[^\W\d_]')

# --- .ui files ---------------------------------------------------------------------------

# Properties whose value is text people read or hear.
UI_TEXT_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup', 'placeholder-text',
    'description', 'text', 'secondary-text', 'heading', 'body', 'primary-text',
    'comments', 'translator-credits', 'button-label', 'value-name', 'message',
    'section-name-label', 'name-label',
}

# (file, property, value): texts that stay as they are in every language.
UI_ALLOWED = {
    # The name of the program, the same in every language (also the title of the window).
    ('ui/app/bb-window.ui', 'title', 'Brückenbuch'),
}


def ui_problems(root, path):
    return ui_problems_in(os.path.relpath(path, root), ET.parse(path).getroot())


def ui_problems_in(rel, tree):
    problems = []
    for element in tree.iter():
        text = (element.text or '').strip()
        if not LETTER.search(text) or element.get('translatable') == 'yes':
            continue
        name = element.get('name')
        # <property> of a widget or inside <accessibility>; <attribute> of a menu item.
        if element.tag in ('property', 'attribute'):
            visible = name in UI_TEXT_PROPERTIES
        # AdwMessageDialog <responses><response>, GtkStringList <items><item>.
        elif element.tag in ('response', 'item'):
            visible = True
        else:
            visible = False
        if visible and (rel, name, text) not in UI_ALLOWED:
            problems.append('%s: <%s name="%s">%s</%s> is not translatable="yes"'
                            % (rel, element.tag, name or '', text, element.tag))
    return problems


# --- C files -----------------------------------------------------------------------------

# Function → indexes (0-based) of its arguments people see. '*' means every argument.
SHOWN = {
    # Labels and buttons.
    'gtk_label_new': [0], 'gtk_label_new_with_mnemonic': [0],
    'gtk_label_set_text': [1], 'gtk_label_set_label': [1], 'gtk_label_set_markup': [1],
    'gtk_label_set_text_with_mnemonic': [1], 'gtk_label_set_markup_with_mnemonic': [1],
    'gtk_button_new_with_label': [0], 'gtk_button_new_with_mnemonic': [0],
    'gtk_button_set_label': [1], 'gtk_check_button_new_with_label': [0],
    'gtk_check_button_new_with_mnemonic': [0], 'gtk_check_button_set_label': [1],
    'gtk_toggle_button_new_with_label': [0], 'gtk_toggle_button_new_with_mnemonic': [0],
    'gtk_menu_button_set_label': [1], 'gtk_link_button_new_with_label': [1],
    'adw_button_content_set_label': [1], 'adw_split_button_set_label': [1],
    # Windows, rows, pages, toasts.
    'gtk_window_set_title': [1], 'adw_window_title_new': [0, 1],
    'adw_window_title_set_title': [1], 'adw_window_title_set_subtitle': [1],
    'adw_preferences_row_set_title': [1], 'adw_action_row_set_subtitle': [1],
    'adw_expander_row_set_subtitle': [1], 'adw_preferences_group_set_title': [1],
    'adw_preferences_group_set_description': [1], 'adw_preferences_page_set_title': [1],
    'adw_status_page_set_title': [1], 'adw_status_page_set_description': [1],
    'adw_view_stack_add_titled': [3], 'adw_view_stack_page_set_title': [1],
    'adw_toast_new': [0], 'adw_toast_set_title': [1], 'adw_toast_set_button_label': [1],
    'gtk_widget_set_tooltip_text': [1], 'gtk_widget_set_tooltip_markup': [1],
    'gtk_entry_set_placeholder_text': [1], 'gtk_text_set_placeholder_text': [1],
    'gtk_editable_set_text': [1], 'gtk_entry_buffer_set_text': [1],
    'gtk_string_list_append': [1], 'gtk_string_list_new': [0],
    'gtk_drop_down_new_from_strings': [0], 'gtk_file_filter_set_name': [1],
    'gtk_file_chooser_native_new': [0, 3, 4],
    # Message dialogs.
    'adw_message_dialog_new': [1, 2], 'adw_message_dialog_set_heading': [1],
    'adw_message_dialog_set_body': [1], 'adw_message_dialog_format_heading': [1],
    'adw_message_dialog_format_body': [1], 'adw_message_dialog_format_body_markup': [1],
    'adw_message_dialog_add_response': [2], 'adw_message_dialog_set_response_label': [2],
    # (dialog, id, label, id, label, …, NULL): every label.
    'adw_message_dialog_add_responses': 'pairs',
    # Menus.
    'g_menu_append': [1], 'g_menu_prepend': [1], 'g_menu_insert': [2],
    'g_menu_item_new': [0], 'g_menu_item_set_label': [1], 'g_menu_append_section': [1],
    'g_menu_append_submenu': [1],
    # Accessible labels and descriptions (property, value, …): every literal value.
    'gtk_accessible_update_property': '*',
    # Text drawn into the charts, the network picture and the PDF report.
    'pango_layout_set_text': [1], 'pango_layout_set_markup': [1], 'cairo_show_text': [1],
    # What the command line prints for people.
    'g_print': [0], 'g_printerr': [0], 'print_error': [0],
    # Errors: a GError's message reaches people (see ERRORS_NOT_SHOWN for the exception).
    'g_set_error': [3], 'g_set_error_literal': [3], 'g_error_new': [2],
    'g_error_new_literal': [2], 'g_prefix_error': [1],
    # Our own helpers that show their text arguments.
    'bb_widget_add_undo_toast': [2], 'bb_widget_show_store_error': [1],
    'bb_destructive_dialog_new': [1, 2, 4], 'bb_editor_window_set_discard_body': [1],
    'bb_editor_window_show_error': [2], 'bb_editor_set_message': [2],
    'bb_editor_set_message_full': [2], 'bb_editor_header_bar_new': [0],
    'bb_detail_page_begin': [1, 2], 'bb_detail_page_add_group': [1],
    'bb_detail_page_add_field': [1], 'bb_detail_page_add_contact': [1],
    'bb_detail_page_add_row': [1, 2], 'bb_detail_page_add_more': [1],
    'bb_detail_page_add_link': [1, 2], 'bb_detail_page_new_action_button': [1],
}

# Properties set by name (g_object_new, g_object_set, adw_show_about_window, …) that people
# read: a literal value after one of these names must be translated.
SHOWN_BY_NAME = {
    'title', 'subtitle', 'label', 'description', 'tooltip-text', 'placeholder-text', 'heading',
    'body', 'comments', 'translator-credits', 'text', 'button-label', 'copyright',
    'application-name', 'developer-name',
}
BY_NAME = {'g_object_new', 'g_object_set', 'adw_show_about_window', 'gtk_widget_new'}

# The messages of BB_STORE_ERROR are technical (the failing step and SQLite's own words, for a
# bug report): bb_application_describe_store_error() shows people a German sentence for each
# code instead and never the message, so they need no translation. Only
# BB_STORE_ERROR_CONFLICT shows its message ("… was changed in the meantime"): translated.
ERRORS_NOT_SHOWN = ('BB_STORE_ERROR',)
ERRORS_SHOWN_ANYWAY = ('BB_STORE_ERROR_CONFLICT',)

# _(), C_(), ngettext() and g_dngettext() translate what they mark; N_() and NC_() only mark
# (for a table translated where it is used), so a string given through them is shown English.
MARK_ONLY = ('N_', 'NC_')
# Calls inside an argument whose string literals still end up shown.
PASS_THROUGH = ('g_strdup_printf', 'g_strdup', 'g_strconcat', 'g_markup_printf_escaped')

# (file, literal): literals that stay as they are in every language, with the reason.
C_ALLOWED = {
    # --version: the program's name and version, "brueckenbuch 1.0", as every program prints.
    ('src/app/bb-commands.c', r'brueckenbuch %s\n'),
    # The program's name as the prefix of an error message, when GLib knows none.
    ('src/app/bb-commands.c', 'brueckenbuch'),
    # The name of the program, the same in every language, as the title of its window and in
    # the about window; the name of the association that makes it, also a name.
    ('src/app/bb-window.c', 'Brückenbuch'),
    ('src/app/bb-application.c', 'Brückenbuch'),
    ('src/app/bb-application.c', 'Beratungsforum Engagement'),
    # Measurements for bench/ (only with BB_BENCH set), read by bench/run, not by people.
    ('src/app/bb-frame-probe.c', r'bb-bench walk ms=%.1f %s\n'),
    ('src/app/bb-frame-probe.c', r'bb-bench first-frame ms=%.1f %s\n'),
}


def strip_comments(code):
    """Blanks out comments (keeping newlines and offsets); leaves strings alone."""
    out = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and code[j] != c:
                j += 2 if code[j] == '\\' else 1
            out.append(code[i:j + 1])
            i = j + 1
        elif code.startswith('/*', i):
            j = code.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', code[i:j]))
            i = j
        elif code.startswith('//', i):
            j = code.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c == '#' and (i == 0 or code[i - 1] == '\n'):
            # Preprocessor lines (#include "x.h", #define G_LOG_DOMAIN "bb-x") show nothing.
            j = i
            while True:
                j = code.find('\n', j)
                if j < 0 or code[j - 1] != '\\':
                    break
                j += 1
            j = n if j < 0 else j
            out.append(re.sub(r'[^\n]', ' ', code[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def split_arguments(code, start):
    """The arguments of the call whose '(' is at start, and the offset after its ')'."""
    depth, i, args, begin = 0, start, [], start + 1
    while i < len(code):
        c = code[i]
        if c == '"' or c == "'":
            j = i + 1
            while code[j] != c:
                j += 2 if code[j] == '\\' else 1
            i = j
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(code[begin:i])
                return args, i + 1
        elif c == ',' and depth == 1:
            args.append(code[begin:i])
            begin = i + 1
        i += 1
    return args, len(code)


CALL = re.compile(r'\b([A-Za-z_]\w*)\s*\(')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
PRINTF = re.compile(r'%[-+ #0\'I]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfgGcsp%]'
                    r'|%"\s*G_G?U?INT64_FORMAT\s*"')


def unmarked_literals(argument):
    """The string literals of argument that are shown but not inside a wrapper."""
    kept = []
    i = 0
    while i < len(argument):
        call = CALL.search(argument, i)
        if call is None:
            kept.append(argument[i:])
            break
        kept.append(argument[i:call.start()])
        name = call.group(1)
        paren = call.end() - 1
        _, end = split_arguments(argument, paren)
        if name in PASS_THROUGH or name in MARK_ONLY:
            kept.append(argument[call.start():paren + 1])
            i = paren + 1
        else:
            # _() and the like translate their strings; any other call makes its own value (its
            # string arguments are ids, keys, formats of its own), checked where it is made.
            i = end
    literals = []
    joined = ''.join(kept)
    # Adjacent literals form one string: "Line one " "line two".
    for group in re.finditer(r'(?:"(?:[^"\\]|\\.)*"\s*(?:G_G?U?INT64_FORMAT\s*)?)+', joined):
        value = ''.join(m.group(1) for m in STRING.finditer(group.group(0)))
        words = PRINTF.sub('', value)
        words = re.sub(r'<[^>]*>|&\w+;|\\.', '', words)
        if LETTER.search(words):
            literals.append(value)
    return literals


def c_problems(root, path):
    with open(path, encoding='utf-8') as f:
        return c_problems_in(os.path.relpath(path, root), f.read())


def c_problems_in(rel, text):
    code = strip_comments(text)
    problems = []
    for call in CALL.finditer(code):
        name = call.group(1)
        if name not in SHOWN and name not in BY_NAME:
            continue
        # A definition (GNU style: the name at the start of its line) is no call.
        if call.start() == 0 or code[call.start() - 1] == '\n':
            continue
        args, _ = split_arguments(code, call.end() - 1)
        line = code.count('\n', 0, call.start()) + 1
        if name in BY_NAME:
            checked = []
            for k in range(len(args) - 1):
                prop = STRING.fullmatch(args[k].strip())
                if prop and prop.group(1) in SHOWN_BY_NAME:
                    checked.append(args[k + 1])
        elif SHOWN[name] == '*':
            checked = args
        elif SHOWN[name] == 'pairs':
            checked = args[2::2]
        else:
            checked = [args[k] for k in SHOWN[name] if k < len(args)]
        if name in ('g_set_error', 'g_set_error_literal') and len(args) > 2:
            domain, code_name = args[1].strip(), args[2].strip()
            if domain in ERRORS_NOT_SHOWN and code_name not in ERRORS_SHOWN_ANYWAY:
                continue
        for argument in checked:
            for literal in unmarked_literals(argument):
                if (rel, literal) in C_ALLOWED:
                    continue
                problems.append('%s:%d: %s (…"%s"…) is shown but not marked for translation'
                                % (rel, line, name, literal))
    return problems


# The check must be able to fail: what it must find, and what it must let pass.
SELF_TEST_C = r'''
static void
f (void)
{
  gtk_label_set_text (label, "Residents");                            /* 1 */
  adw_toast_new (n > 1 ? "Saved all" : _("Saved"));                   /* 2 */
  adw_message_dialog_add_response (dialog, "close", "_Close");        /* 3 */
  g_set_error (error, BB_REPORT_ERROR, 0, "No region %s", name);      /* 4 */
  gtk_accessible_update_property (GTK_ACCESSIBLE (w),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Chart", -1);  /* 5 */
  g_object_new (ADW_TYPE_ACTION_ROW, "title", "Phone", NULL);         /* 6 */
  gtk_label_set_text (label, g_strdup_printf ("%d residents", n));    /* 7 */
  g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_CONFLICT, "Changed"); /* 8 */
  model = gtk_string_list_new ((const char *[]) { "Never", _("Daily"), NULL });  /* 9 */
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", "_OK", NULL); /* 10 */
  adw_status_page_set_title (page, N_("Nothing Here"));                /* 11 */
  gtk_label_set_text (label, _("Residents"));
  gtk_label_set_text (label, C_("shelter", "Open"));
  gtk_label_set_text (label, g_strdup_printf (ngettext ("%d day", "%d days", n), n));
  gtk_label_set_text (label, "%s · %s");
  gtk_widget_set_tooltip_text (w, bb_codes_label (BB_CODES_KIND, "open"));
  g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED, "Cannot read");
  g_object_new (GTK_TYPE_IMAGE, "icon-name", "edit-symbolic", NULL);
  /* gtk_label_set_text (label, "In a comment"); */
}
'''
SELF_TEST_UI = '''<interface>
  <object class="GtkLabel"><property name="label">Residents</property></object>
  <object class="GtkButton"><property name="tooltip-text">Add</property>
    <accessibility><property name="label">Add shelter</property></accessibility></object>
  <menu id="m"><section><item><attribute name="label">About</attribute></item></section></menu>
  <object class="AdwMessageDialog"><responses>
    <response id="cancel">_Cancel</response></responses></object>
  <object class="GtkLabel"><property name="label" translatable="yes">Fine</property>
    <property name="icon-name">edit-symbolic</property></object>
</interface>'''


def self_test():
    c = c_problems_in('self-test.c', SELF_TEST_C)
    ui = ui_problems_in('self-test.ui', ET.fromstring(SELF_TEST_UI))
    ok = len(c) == 11 and len(ui) == 5
    if not ok:
        print('self-test failed: the check found %d of 11 in C, %d of 5 in .ui:' % (len(c), len(ui)))
        print('\n'.join(c + ui))
    return ok


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    if not self_test():
        return 1
    problems = []
    n_ui = n_c = 0
    for folder, _, files in sorted(os.walk(os.path.join(root, 'ui'))):
        for name in sorted(files):
            if name.endswith('.ui'):
                n_ui += 1
                problems += ui_problems(root, os.path.join(folder, name))
    for folder, _, files in sorted(os.walk(os.path.join(root, 'src'))):
        for name in sorted(files):
            if name.endswith('.c'):
                n_c += 1
                problems += c_problems(root, os.path.join(folder, name))
    for problem in problems:
        print(problem)
    print('%d .ui files, %d .c files: %d strings not marked for translation'
          % (n_ui, n_c, len(problems)))
    # Guard against a check that silently looks at nothing.
    if n_ui < 10 or n_c < 50:
        print('too few files found under %s' % root)
        return 1
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
