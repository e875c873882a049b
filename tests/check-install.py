#!/usr/bin/python3
# check-install.py — `meson install` puts everything where GNOME looks for it.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-install.py MESON BUILD_DIR APPLICATION_ID
#
# Installs the built tree into a temporary DESTDIR (`meson install --destdir … --no-rebuild`,
# which skips the post-install scripts) and checks, below prefix:
#   bin/brueckenbuch                                         executable
#   share/applications/ID.desktop                            Exec= is the installed binary's
#                                                            name, Icon= the application id
#   share/metainfo/ID.metainfo.xml                           <id> and <launchable> match, the
#                                                            binary it provides is installed,
#                                                            categories and keywords are the
#                                                            desktop file's
#   share/glib-2.0/schemas/ID.gschema.xml                    a schema with id ID that compiles
#   share/icons/hicolor/scalable/apps/ID.svg                 the icon Icon= names
#   share/icons/hicolor/symbolic/apps/ID-symbolic.svg
#   share/locale/de/LC_MESSAGES/brueckenbuch.mo
# Prints every rule broken and exits 1 if there is any.

import configparser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

errors = []


def fail(message):
    errors.append(message)


def options(meson, build_dir):
    """The install directories of the build, as meson configured them."""
    result = subprocess.run([meson, 'introspect', '--buildoptions', build_dir],
                            check=True, capture_output=True, text=True)
    return {option['name']: option['value'] for option in json.loads(result.stdout)}


def main():
    if len(sys.argv) != 4:
        print('Usage: check-install.py MESON BUILD_DIR APPLICATION_ID', file=sys.stderr)
        return 2
    meson, build_dir, app_id = sys.argv[1:]
    opts = options(meson, build_dir)

    with tempfile.TemporaryDirectory(prefix='check-install-') as destdir:
        env = dict(os.environ)
        env.pop('DESTDIR', None)
        result = subprocess.run([meson, 'install', '-C', build_dir, '--no-rebuild', '--quiet',
                                 '--destdir', destdir],
                                capture_output=True, text=True, env=env)
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            print('meson install failed')
            return 1

        def below(option, *parts):
            # prefix and the directories relative to it, as GNOME finds them.
            path = os.path.join(opts['prefix'], opts[option], *parts)
            return os.path.join(destdir, path.lstrip('/'))

        binary = below('bindir', 'brueckenbuch')
        desktop = below('datadir', 'applications', f'{app_id}.desktop')
        metainfo = below('datadir', 'metainfo', f'{app_id}.metainfo.xml')
        schema = below('datadir', 'glib-2.0', 'schemas', f'{app_id}.gschema.xml')
        icon = below('datadir', 'icons', 'hicolor', 'scalable', 'apps', f'{app_id}.svg')
        symbolic = below('datadir', 'icons', 'hicolor', 'symbolic', 'apps',
                         f'{app_id}-symbolic.svg')
        catalog = below('localedir', 'de', 'LC_MESSAGES', 'brueckenbuch.mo')

        for path in (binary, desktop, metainfo, schema, icon, symbolic, catalog):
            if not os.path.isfile(path):
                fail(f'not installed: {os.path.relpath(path, destdir)}')
            elif os.path.getsize(path) == 0:
                fail(f'installed empty: {os.path.relpath(path, destdir)}')
        if os.path.isfile(binary) and not os.access(binary, os.X_OK):
            fail(f'{os.path.relpath(binary, destdir)} is not executable')

        if os.path.isfile(desktop):
            entry = configparser.ConfigParser(interpolation=None, strict=False)
            entry.optionxform = str
            entry.read(desktop, encoding='utf-8')
            section = entry['Desktop Entry'] if entry.has_section('Desktop Entry') else {}
            command = section.get('Exec', '').split()
            if not command or command[0] not in ('brueckenbuch', os.path.join(
                    opts['prefix'], opts['bindir'], 'brueckenbuch')):
                fail(f'{app_id}.desktop: Exec={section.get("Exec")} does not start the '
                     'installed brueckenbuch')
            if section.get('Icon') != app_id:
                fail(f'{app_id}.desktop: Icon={section.get("Icon")}, the installed icon is '
                     f'{app_id}')
            if section.get('DBusActivatable') == 'true':
                fail(f'{app_id}.desktop: DBusActivatable=true, but no D-Bus service is '
                     'installed')
            desktop_categories = [c for c in section.get('Categories', '').split(';') if c]
            desktop_keywords = [k for k in section.get('Keywords', '').split(';') if k]
        else:
            desktop_categories = desktop_keywords = None

        if os.path.isfile(metainfo):
            root = ET.parse(metainfo).getroot()
            if root.findtext('id') != app_id:
                fail(f'metainfo: <id> is {root.findtext("id")}')
            launchable = root.findtext("launchable[@type='desktop-id']")
            if launchable != f'{app_id}.desktop':
                fail(f'metainfo: <launchable> is {launchable}, the desktop file {app_id}.desktop')
            binaries = [element.text for element in root.iter('binary')]
            if binaries != ['brueckenbuch']:
                fail(f'metainfo: <provides> names the binaries {binaries}')
            # Software centres show the metainfo's, menus the desktop file's: the same.
            categories = [element.text for element in root.findall('categories/category')]
            keywords = [element.text for element in root.findall('keywords/keyword')
                        if not element.get('{http://www.w3.org/XML/1998/namespace}lang')]
            if desktop_categories is not None and categories != desktop_categories:
                fail(f'metainfo: categories {categories}, the desktop file has '
                     f'{desktop_categories}')
            if desktop_keywords is not None and keywords != desktop_keywords:
                fail(f'metainfo: keywords {keywords}, the desktop file has {desktop_keywords}')

        if os.path.isfile(schema):
            ids = [element.get('id') for element in ET.parse(schema).getroot().iter('schema')]
            if ids != [app_id]:
                fail(f'gschema: schema ids {ids}, expected {app_id}')
            compile_schemas = shutil.which('glib-compile-schemas')
            if compile_schemas is not None:
                result = subprocess.run([compile_schemas, '--strict', '--dry-run',
                                         os.path.dirname(schema)],
                                        capture_output=True, text=True)
                if result.returncode != 0:
                    fail(f'the installed schema does not compile: {result.stderr.strip()}')

    for error in errors:
        print(error)
    if not errors:
        print('binary, desktop file, metainfo, schema, icons and German catalogue installed '
              'where GNOME looks for them')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
