#!/usr/bin/python3
# check-schema.py — the GSettings schema and the code that uses it agree.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-schema.py SCHEMA_XML SRC_DIR
#
# Checks that
#   - every key has a summary and a description (what dconf-editor and `gsettings describe` show);
#   - every key is read somewhere in SRC_DIR (a g_settings_get_…() or g_settings_bind…() call
#     naming it), so that no preference is stored that nothing uses;
#   - every key the code names in a g_settings_…() call is in the schema (GLib aborts on an
#     unknown key only when the line runs).
# Prints every rule broken and exits 1 if there is any. That each row of the preferences window
# is bound to a key is checked by tests/test-settings-ui.c on the real window.

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

# A call g_settings_NAME (settings, "key", …): the function name and the first string literal
# after the opening parenthesis, across line breaks.
CALL = re.compile(r'\bg_settings_(\w+)\s*\(\s*[^;"]*?,\s*"([a-z0-9-]+)"', re.S)
READS = re.compile(r'^(get(_\w+)?|bind(_\w+)?)$')


def main():
    if len(sys.argv) != 3:
        print('Usage: check-schema.py SCHEMA_XML SRC_DIR', file=sys.stderr)
        return 2
    schema_path, src = sys.argv[1:]
    errors = []

    keys = {}
    for schema in ET.parse(schema_path).getroot().iter('schema'):
        for key in schema.iter('key'):
            name = key.get('name')
            keys[name] = key
            for part in ('summary', 'description'):
                text = (key.findtext(part) or '').strip()
                if not text:
                    errors.append(f'{schema_path}: key {name} has no {part}')
    if not keys:
        errors.append(f'{schema_path}: no keys found')

    read = set()
    for source in sorted(pathlib.Path(src).rglob('*.c')):
        text = source.read_text(encoding='utf-8')
        for match in CALL.finditer(text):
            function, name = match.groups()
            line = text.count('\n', 0, match.start()) + 1
            if name not in keys:
                errors.append(f'{source}:{line}: g_settings_{function} names "{name}", '
                              'which is not in the schema')
            if READS.match(function):
                read.add(name)

    for name in keys:
        if name not in read:
            errors.append(f'{schema_path}: key {name} is never read in {src} '
                          '(no g_settings_get_…/g_settings_bind… names it)')

    for error in errors:
        print(error)
    if not errors:
        print(f'{len(keys)} keys, each with summary and description, each read in {src}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
