#!/usr/bin/python3
# check-screenshots.py — the metainfo's screenshots are the pictures in data/screenshots.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-screenshots.py METAINFO_XML_IN SCREENSHOTS_DIR
#
# The metainfo names each screenshot by the https address it is published at; the files are
# published from SCREENSHOTS_DIR (made by `build-aux/screenshots.sh --metainfo`). Checks that
# there is at least one screenshot and exactly one default, each with a caption and one source
# image at an https address whose file name is a PNG in SCREENSHOTS_DIR of the width and height
# the metainfo states, all under the same address, and that no PNG there is left unnamed.
# Prints every rule broken and exits 1 if there is any.

import os
import struct
import sys
import xml.etree.ElementTree as ET

PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'


def png_size(path):
    """(width, height) from the IHDR chunk of the PNG at path, or None."""
    with open(path, 'rb') as png:
        head = png.read(24)
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def main():
    if len(sys.argv) != 3:
        print('Usage: check-screenshots.py METAINFO_XML_IN SCREENSHOTS_DIR', file=sys.stderr)
        return 2
    metainfo, folder = sys.argv[1:]
    errors = []
    named = set()
    bases = set()

    screenshots = ET.parse(metainfo).getroot().findall('screenshots/screenshot')
    if not screenshots:
        errors.append(f'{metainfo}: no <screenshot>')
    defaults = [s for s in screenshots if s.get('type') == 'default']
    if len(defaults) != 1:
        errors.append(f'{metainfo}: {len(defaults)} default screenshots, not one')

    for number, screenshot in enumerate(screenshots, 1):
        if not (screenshot.findtext('caption') or '').strip():
            errors.append(f'{metainfo}: screenshot {number} has no caption')
        images = [i for i in screenshot.findall('image') if i.get('type', 'source') == 'source']
        if len(images) != 1:
            errors.append(f'{metainfo}: screenshot {number} has {len(images)} source images')
            continue
        url = (images[0].text or '').strip()
        base, _, name = url.rpartition('/')
        if not url.startswith('https://'):
            errors.append(f'{metainfo}: {url} is not an https address')
        bases.add(base)
        named.add(name)
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            errors.append(f'{url}: no {path} to publish')
            continue
        size = png_size(path)
        stated = (int(images[0].get('width', 0)), int(images[0].get('height', 0)))
        if size is None:
            errors.append(f'{path} is not a PNG')
        elif size != stated:
            errors.append(f'{path} is {size[0]}×{size[1]}, the metainfo says '
                          f'{stated[0]}×{stated[1]}')

    if len(bases) > 1:
        errors.append(f'{metainfo}: screenshots under several addresses: {", ".join(sorted(bases))}')
    if os.path.isdir(folder):
        for name in sorted(set(os.listdir(folder)) - named):
            if name.endswith('.png'):
                errors.append(f'{os.path.join(folder, name)} is in no <screenshot>')

    for error in errors:
        print(error)
    if not errors:
        print(f'{len(screenshots)} screenshots, each a PNG of the stated size in {folder}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
