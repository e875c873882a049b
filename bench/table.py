#!/usr/bin/python3
# bench/table.py: the Markdown table of bench/run from its results file.
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Lines of the results file, tab-separated:
#   row    LABEL SCALE UNIT TARGET WALL-VALUES [CPU-VALUES]
#   ratio  LABEL SCALE TARGET LABEL-A LABEL-B       per run: A / B of the rows of that scale
#   note   TEXT
# TARGET is "-", "<=N" or ">=N"; values are space-separated, one per run. A target is met when
# the median meets it; "CPU only" when the median of the CPU time does but the wall clock
# (slowed by other programs on the machine) does not.

import statistics
import sys


def numbers(text):
    return [float(v) for v in text.split()] if text.strip() else []


def meets(target, value):
    if target == '-' or value is None:
        return None
    limit = float(target[2:])
    return value <= limit if target.startswith('<=') else value >= limit


def fmt(value, unit):
    if value is None:
        return '—'
    if unit == '×':
        return f'{value:.2f}×'
    if unit == 'MB':
        return f'{value:.0f} MB'
    if value >= 100:
        return f'{value:.0f} ms'
    if value >= 10:
        return f'{value:.1f} ms'
    return f'{value:.2f} ms'


def main():
    rows = {}
    order = []
    notes = []

    with open(sys.argv[1], encoding='utf-8') as f:
        lines = [line.rstrip('\n').split('\t') for line in f if line.strip()]

    for fields in lines:
        kind = fields[0]
        if kind == 'note':
            notes.append(fields[1])
            continue
        if kind == 'row':
            label, scale, unit, target = fields[1:5]
            wall = numbers(fields[5])
            cpu = numbers(fields[6]) if len(fields) > 6 else []
        elif kind == 'ratio':
            label, scale, target, a, b = fields[1:6]
            unit = '×'
            ra, rb = rows.get((a, scale)), rows.get((b, scale))
            if ra is None or rb is None:
                continue
            wall = [x / y for x, y in zip(ra['wall'], rb['wall']) if y > 0]
            cpu = [x / y for x, y in zip(ra['cpu'], rb['cpu']) if y > 0]
        else:
            continue
        if (label, scale) not in rows:
            order.append((label, scale))
        rows[(label, scale)] = dict(unit=unit, target=target, wall=wall, cpu=cpu)

    labels = []
    for label, _ in order:
        if label not in labels:
            labels.append(label)
    scales = sorted({s for _, s in order}, key=float)

    print('| Measurement | Scale | Runs | Median | Spread (min–max) | CPU median | Target | Met |')
    print('|---|---:|---:|---:|---:|---:|---:|---|')
    for label in labels:
        for scale in scales:
            row = rows.get((label, scale))
            if row is None:
                continue
            unit, wall, cpu = row['unit'], row['wall'], row['cpu']
            median = statistics.median(wall) if wall else None
            cpu_median = statistics.median(cpu) if cpu else None
            spread = f'{fmt(min(wall), unit)} – {fmt(max(wall), unit)}' if wall else '—'
            met = meets(row['target'], median)
            met_cpu = meets(row['target'], cpu_median)
            if met is None:
                verdict = ''
            elif met:
                verdict = 'yes'
            elif met_cpu:
                verdict = 'CPU only'
            else:
                verdict = '**no**'
            target = row['target'].replace('<=', '≤ ').replace('>=', '≥ ')
            if target == '-':
                target = ''
            elif unit == '×':
                target += '×'
            elif unit in ('ms', 'MB'):
                target += ' ' + unit
            print(f'| {label} | {scale}× | {len(wall)} | {fmt(median, unit)} | {spread} | '
                  f'{fmt(cpu_median, unit)} | {target} | {verdict} |')

    for note in notes:
        print(f'\n{note}')


if __name__ == '__main__':
    main()
