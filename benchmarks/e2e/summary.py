#!/usr/bin/env python3
"""Summarises one column of a per-pair table (tab-separated, no header): median, interquartile range, range, and a
bootstrap 95 % confidence interval of the median (2,000 resamples, fixed seed so that a re-run prints the same).

Usage: summary.py FILE COLUMN LABEL [UNIT]   (COLUMN counts from 1, as cut -f does; UNIT names a row, default pairs)
"""
import random
import statistics
import sys

path, column, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
unit = sys.argv[4] if len(sys.argv) > 4 else 'pairs'
values = [float(line.split('\t')[column - 1]) for line in open(path) if line.strip()]
if len(values) < 2:
    print(f"{label:<42} {values}")
    sys.exit(0)
rng = random.Random(1)
medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(2000))
q1, _, q3 = statistics.quantiles(values, n=4)
print(f"{label:<42} median {statistics.median(values):.4g}  IQR {q1:.4g} to {q3:.4g}  range {min(values):.4g} to "
      f"{max(values):.4g}  95% CI of the median {medians[50]:.4g} to {medians[1949]:.4g}  ({len(values)} {unit})")
