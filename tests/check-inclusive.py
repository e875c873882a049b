#!/usr/bin/python3
# check-inclusive.py: fails on a German translation that names people in the generic masculine.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-inclusive.py PO_FILE
#
# The people who use Brückenbuch write person nouns with the gender colon:
# "Ehrenamtskoordinator:innen", "Bewohner:in", "Ansprechpartner:in". A translation that says
# "Bewohner", "Teilnehmern" or "Unterkunftsleiter" instead fails here. Neutral forms
# ("Teilnehmende", "Person", "Leitung", "Ehrenamtliche") are welcome and not looked at; nor are
# organisations ("Träger", "Betreiber" of a shelter are organisations, not people).

import re
import sys

# Stems of person nouns whose plain form is the generic masculine; any word ending in one
# (also compounds: "Unterkunftsleiter") with a plural or genitive ending and no ":in" after it.
STEMS = (
    'Bewohner', 'Teilnehmer', 'Mitarbeiter', 'Koordinator', 'Berater', 'Nutzer', 'Benutzer',
    'Autor', 'Ansprechpartner', 'Unterstützer', 'Helfer', 'Sozialarbeiter', 'Dolmetscher',
    'Übersetzer', 'Sprachmittler', 'Leiter', 'Betreuer', 'Vertreter', 'Kollege',
)
# Inside a compound the stem is written small: "Unterkunftsleiter".
GENERIC = re.compile(r'\b\w*(?:%s)(?:en|n|s)?\b(?!:in|\*in|_in)' % '|'.join(STEMS), re.IGNORECASE)

SELF_TEST = '''
msgid "Residents"
msgstr "Bewohner"

msgid "with the participants"
msgstr "mit den Teilnehmern"

msgid "shelter manager"
msgstr "Unterkunftsleiter"

msgid "volunteer coordinators"
msgstr "Ehrenamtskoordinatoren"

msgid "fine"
msgstr "Bewohner:innen, Ansprechpartner:in, Teilnehmende, Leitung, Helferkreis, Betreuung"
'''


def translations(text):
    """The msgstr texts of a .po file (continuation lines joined), with their line numbers."""
    entries = []
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith('msgstr'):
            current = [number, line.split('"', 1)[1].rsplit('"', 1)[0]]
            entries.append(current)
        elif line.startswith('"') and current is not None:
            current[1] += line[1:].rsplit('"', 1)[0]
        else:
            current = None
    return entries


def problems(name, text):
    found = []
    for number, msgstr in translations(text):
        for match in GENERIC.finditer(msgstr):
            found.append('%s:%d: “%s” names people in the generic masculine (write “%s:innen” '
                         'or a neutral form)' % (name, number, match.group(0), match.group(0)))
    return found


def main():
    self_test = problems('self-test.po', SELF_TEST)
    if len(self_test) != 4:
        print('self-test failed: found %d of 4:' % len(self_test))
        print('\n'.join(self_test))
        return 1

    with open(sys.argv[1], encoding='utf-8') as f:
        text = f.read()
    found = problems(sys.argv[1], text)
    print('\n'.join(found + ['%d translations, %d in the generic masculine'
                             % (len(translations(text)), len(found))]))
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
