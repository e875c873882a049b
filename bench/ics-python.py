#!/usr/bin/python3
# bench/ics-python.py: the python3-icalendar side of the .ics rows of bench/run.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   ics-python.py parse FILE        parse FILE and read every property of every VEVENT
#   ics-python.py serialise FILE OUT  parse FILE (not timed), then to_ical() into OUT (timed)
#
# Prints one line "ms=<wall> cpu-ms=<CPU> rss-kb=<peak RSS> events=<n>" as bench/bb-bench does,
# one process per run so that the peak memory is this work's alone. Debian's python3-icalendar
# is installed for /usr/bin/python3 only.

import resource
import sys
import time

import icalendar


def read_properties(calendar):
    events = 0
    for event in calendar.walk('VEVENT'):
        events += 1
        for name, value in event.items():
            if isinstance(value, list):
                # A property given more than once (EXDATE, ATTENDEE): decoded() refuses lists.
                [getattr(item, 'dt', item) for item in value]
            else:
                try:
                    event.decoded(name)
                except AssertionError:
                    # icalendar 4.0 cannot decode an already parsed CATEGORIES again.
                    getattr(value, 'cats', value)
    return events


def main():
    mode, path = sys.argv[1], sys.argv[2]
    with open(path, 'rb') as f:
        data = f.read()

    if mode == 'parse':
        start, start_cpu = time.monotonic(), time.process_time()
        calendar = icalendar.Calendar.from_ical(data)
        events = read_properties(calendar)
    elif mode == 'serialise':
        calendar = icalendar.Calendar.from_ical(data)
        events = len(calendar.walk('VEVENT'))
        start, start_cpu = time.monotonic(), time.process_time()
        with open(sys.argv[3], 'wb') as f:
            f.write(calendar.to_ical())
    else:
        sys.exit('Usage: ics-python.py parse FILE | serialise FILE OUT')

    ms = (time.monotonic() - start) * 1000
    cpu_ms = (time.process_time() - start_cpu) * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f'ms={ms:.2f} cpu-ms={cpu_ms:.2f} rss-kb={rss} events={events}')


if __name__ == '__main__':
    main()
