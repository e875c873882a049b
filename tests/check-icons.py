#!/usr/bin/python3
# check-icons.py — the application icons follow GNOME's rules for app icons.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-icons.py HICOLOR_DIR APPLICATION_ID
#
# Checks, under HICOLOR_DIR (data/icons/hicolor):
#   scalable/apps/ID.svg            well-formed SVG, square, on the 128 px canvas of GNOME app icons
#   symbolic/apps/ID-symbolic.svg   well-formed SVG, square, 16 px, drawn in one colour without
#                                   gradients, patterns, filters, embedded images or text, so that
#                                   GTK can recolour it (the foreground colour replaces its colour)
# Prints every rule broken and exits 1 if there is any.

import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
PAINT_ATTRIBUTES = ('fill', 'stroke', 'stop-color', 'color', 'flood-color')
FORBIDDEN_IN_SYMBOLIC = ('linearGradient', 'radialGradient', 'pattern', 'filter', 'image', 'text',
                         'mask')

errors = []


def fail(path, message):
    errors.append(f'{path}: {message}')


def length(value):
    """A width or height in px ("16", "16px"), or None for any other unit."""
    match = re.fullmatch(r'\s*([0-9.]+)\s*(px)?\s*', value or '')
    return float(match.group(1)) if match else None


def check_canvas(path, root, size):
    """Returns nothing; records what is wrong with the root of an icon of size × size px."""
    if root.tag != SVG + 'svg':
        fail(path, f'the root element is {root.tag}, not an SVG <svg>')
        return
    width = length(root.get('width'))
    height = length(root.get('height'))
    if width is None or height is None:
        fail(path, 'width and height must be given in px')
    elif width != height:
        fail(path, f'not square: {width:g} × {height:g}')
    elif width != size:
        fail(path, f'{width:g} px wide, GNOME wants {size} px')
    view_box = (root.get('viewBox') or '').replace(',', ' ').split()
    if len(view_box) != 4:
        fail(path, 'no viewBox')
    elif float(view_box[2]) != float(view_box[3]):
        fail(path, f'the viewBox is not square: {" ".join(view_box)}')


def paints(element):
    """The colours element paints with, from its attributes and its style attribute."""
    found = []
    for name in PAINT_ATTRIBUTES:
        if element.get(name) is not None:
            found.append(element.get(name))
    for declaration in (element.get('style') or '').split(';'):
        name, _, value = declaration.partition(':')
        if name.strip() in PAINT_ATTRIBUTES:
            found.append(value)
    return [value.strip().lower() for value in found]


def parse(path):
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        fail(path, f'not well-formed XML: {error}')
        return None


def main():
    if len(sys.argv) != 3:
        print('Usage: check-icons.py HICOLOR_DIR APPLICATION_ID', file=sys.stderr)
        return 2
    hicolor, app_id = sys.argv[1:]

    scalable = f'{hicolor}/scalable/apps/{app_id}.svg'
    root = parse(scalable)
    if root is not None:
        check_canvas(scalable, root, 128)

    symbolic = f'{hicolor}/symbolic/apps/{app_id}-symbolic.svg'
    root = parse(symbolic)
    if root is not None:
        check_canvas(symbolic, root, 16)
        colours = set()
        shapes = 0
        for element in root.iter():
            tag = element.tag.replace(SVG, '')
            if tag in FORBIDDEN_IN_SYMBOLIC:
                fail(symbolic, f'a symbolic icon has no <{tag}>')
            if tag in ('path', 'rect', 'circle', 'ellipse', 'polygon', 'polyline', 'line'):
                shapes += 1
            colours.update(value for value in paints(element) if value not in ('none', 'currentcolor'))
            if 'url(' in ' '.join(paints(element)):
                fail(symbolic, 'paints with a url() (gradient or pattern)')
        if shapes == 0:
            fail(symbolic, 'draws nothing')
        if len(colours) > 1:
            fail(symbolic, f'more than one colour: {", ".join(sorted(colours))}')

    for error in errors:
        print(error)
    if not errors:
        print(f'{scalable}: OK\n{symbolic}: OK')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
