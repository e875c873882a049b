#!/usr/bin/python3
# check-ics.py — an independent reading of an iCalendar file, for the tests.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-ics.py FILE FROM TO
#
# Parses FILE with the icalendar module (Debian: python3-icalendar) and prints, one per line
# and sorted, every event, every changed occurrence and every occurrence overlapping
# [FROM, TO) computed with dateutil's rrule, all times as Europe/Berlin wall times:
#
#   EVENT uid|sequence|start|end|summary|status|location|url|description|categories
#   OVERRIDE uid|recurrence-id|start|end|summary|status|location
#   OCC uid|start|end|status
#
# The test prints the same from its database and compares. Exit status 2: the module is
# missing or the file cannot be parsed; 1: the file breaks a rule checked here.

import datetime
import json
import sys

try:
    import icalendar
    from dateutil.rrule import rrulestr
    from zoneinfo import ZoneInfo
except ImportError as e:
    print('check-ics.py needs python3-icalendar and python3-dateutil for /usr/bin/python3 '
          '(apt-get install python3-icalendar): %s' % e, file=sys.stderr)
    sys.exit(2)

BERLIN = ZoneInfo('Europe/Berlin')
MAX_OCCURRENCES = 5000


def fail(message, status=1):
    print(message, file=sys.stderr)
    sys.exit(status)


def local(value):
    """A DTSTART-like value as Berlin wall time: aware datetime, or date."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=BERLIN)
        return value.astimezone(BERLIN)
    return value


def fmt(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(BERLIN).strftime('%Y-%m-%dT%H:%M')
    return value.strftime('%Y-%m-%d')


def text(component, name):
    value = component.get(name)
    if value is None:
        return json.dumps('', ensure_ascii=False)
    if name == 'CATEGORIES':
        cats = value.cats if hasattr(value, 'cats') else [value]
        return json.dumps(','.join(str(c) for c in cats), ensure_ascii=False)
    return json.dumps(str(value), ensure_ascii=False)


def parse_bound(s):
    if len(s) == 10:
        return datetime.datetime.strptime(s, '%Y-%m-%d').replace(tzinfo=BERLIN)
    return datetime.datetime.strptime(s, '%Y-%m-%dT%H:%M').replace(tzinfo=BERLIN)


def as_bound(value):
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime(value.year, value.month, value.day, tzinfo=BERLIN)


def wall_add(start, delta):
    """start + delta on the wall clock, as the calendar keeps 10:00–12:00 across DST."""
    if isinstance(start, datetime.datetime):
        return (start.replace(tzinfo=None) + delta).replace(tzinfo=BERLIN)
    return start + delta


def main():
    if len(sys.argv) != 4:
        fail('usage: check-ics.py FILE FROM TO', 2)
    path, first, last = sys.argv[1], parse_bound(sys.argv[2]), parse_bound(sys.argv[3])

    with open(path, 'rb') as f:
        data = f.read()
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as e:
        fail('icalendar cannot parse %s: %s' % (path, e), 2)

    # Every TZID used must have its VTIMEZONE in the file.
    zones = {str(tz['TZID']) for tz in calendar.walk('VTIMEZONE')}
    for component in calendar.walk('VEVENT'):
        for name in ('DTSTART', 'DTEND', 'RECURRENCE-ID', 'EXDATE'):
            values = component.get(name)
            if values is None:
                continue
            for value in (values if isinstance(values, list) else [values]):
                tzid = value.params.get('TZID')
                if tzid is not None and tzid not in zones:
                    fail('TZID %s has no VTIMEZONE' % tzid)

    lines = []
    masters = {}
    overrides = {}
    for component in calendar.walk('VEVENT'):
        uid = str(component['UID'])
        start = local(component['DTSTART'].dt)
        end = local(component['DTEND'].dt) if 'DTEND' in component else start
        status = str(component.get('STATUS', 'CONFIRMED'))
        if 'RECURRENCE-ID' in component:
            rid = local(component['RECURRENCE-ID'].dt)
            overrides.setdefault(uid, {})[fmt(rid)] = (start, end, status)
            lines.append('OVERRIDE %s|%s|%s|%s|%s|%s|%s' % (
                uid, fmt(rid), fmt(start), fmt(end), text(component, 'SUMMARY'), status,
                text(component, 'LOCATION')))
        else:
            if uid in masters:
                fail('UID %s twice' % uid)
            masters[uid] = component
            lines.append('EVENT %s|%d|%s|%s|%s|%s|%s|%s|%s|%s' % (
                uid, int(component.get('SEQUENCE', 0)), fmt(start), fmt(end),
                text(component, 'SUMMARY'), status, text(component, 'LOCATION'),
                text(component, 'URL'), text(component, 'DESCRIPTION'),
                text(component, 'CATEGORIES')))

    for uid, component in masters.items():
        start = local(component['DTSTART'].dt)
        end = local(component['DTEND'].dt) if 'DTEND' in component else start
        duration = (end.replace(tzinfo=None) - start.replace(tzinfo=None)
                    if isinstance(start, datetime.datetime) else end - start)
        status = str(component.get('STATUS', 'CONFIRMED'))
        changed = overrides.get(uid, {})

        if 'RRULE' in component:
            exdates = set()
            values = component.get('EXDATE')
            for value in (values if isinstance(values, list) else [values] if values else []):
                for dt in value.dts:
                    exdates.add(fmt(local(dt.dt)))
            rule_text = component['RRULE'].to_ical().decode()
            if isinstance(start, datetime.datetime):
                rule = rrulestr(rule_text, dtstart=start)
            else:
                rule = rrulestr(rule_text, dtstart=datetime.datetime(start.year, start.month, start.day))
            # Moved occurrences may come into the range from an original time after it.
            stop = max([last] + [parse_bound(k) + datetime.timedelta(minutes=1) for k in changed])
            starts = []
            for n, dt in enumerate(rule):
                if n >= MAX_OCCURRENCES * 10:
                    fail('too many occurrences for %s' % uid)
                if not isinstance(start, datetime.datetime):
                    dt = dt.date()
                if as_bound(dt) >= stop:
                    break
                starts.append(dt)
        else:
            exdates = set()
            starts = [start]

        for dt in starts:
            rid = fmt(dt)
            if rid in exdates:
                continue
            if rid in changed:
                occ_start, occ_end, occ_status = changed[rid]
                if status == 'CANCELLED':
                    occ_status = 'CANCELLED'
            else:
                occ_start, occ_end, occ_status = dt, wall_add(dt, duration), status
            a, b = as_bound(occ_start), as_bound(occ_end)
            if a < last and (b > first or (a == b and a >= first)):
                lines.append('OCC %s|%s|%s|%s' % (uid, fmt(occ_start), fmt(occ_end), occ_status))

    for line in sorted(lines):
        print(line)


if __name__ == '__main__':
    main()
