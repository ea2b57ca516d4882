#!/usr/bin/env python3
"""Summarises rounds of ab-interleaved.sh, each run with its own pair of fresh JVMs: per round, A/B of the requests
served and of the server CPU per request over all its slices, and the median A/B of p99 over its pairs; then the
median and range of each over the rounds. A round's JIT compiles its own way, so one pair of JVMs carries a bias of
its own that more slices do not remove: only more rounds do.

Usage: rounds.py DIR...   (each DIR an OUT of ab-interleaved.sh, holding slices.tsv and pairs.tsv)
"""
import statistics
import sys

rows = []
for path in sys.argv[1:]:
    requests, cpu = {'A': 0, 'B': 0}, {'A': 0.0, 'B': 0.0}
    for line in list(open(f"{path}/slices.tsv"))[1:]:
        f = line.rstrip('\n').split('\t')
        requests[f[1]] += int(f[2])
        cpu[f[1]] += float(f[6])
    p99 = statistics.median(float(line.split('\t')[2]) for line in open(f"{path}/pairs.tsv") if line.strip())
    rows.append((path, requests['A'] / requests['B'],
                 (cpu['A'] / requests['A']) / (cpu['B'] / requests['B']), p99))
    print(f"{path}: requests A/B {rows[-1][1]:.4f}  server CPU per request A/B {rows[-1][2]:.4f}  "
          f"p99 A/B (median of pairs) {p99:.4f}")
for index, label in ((1, 'requests A/B'), (2, 'server CPU per request A/B'), (3, 'p99 A/B')):
    values = [row[index] for row in rows]
    print(f"{label:<28} median {statistics.median(values):.4f}  range {min(values):.4f} to {max(values):.4f}"
          f"  ({len(values)} rounds)")
