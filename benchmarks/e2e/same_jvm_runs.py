#!/usr/bin/env python3
"""Summarises runs of same-jvm.sh by configuration, against the A/A runs.

A run's value is its ratio of the requests served A/B over all its slices. Runs are grouped by the name of their
directory without its trailing "-N" (starter-1, starter-2, ... are the configuration "starter"). For each
configuration: the runs, their mean and standard deviation; then, against the reference configuration (the A/A runs,
"off" unless told), the mean over the reference mean, its standard error (of the difference of the two means,
Welch) and a 95 % interval from Student's t.

Usage: same_jvm_runs.py [--reference NAME] DIR...   (each DIR an OUT of same-jvm.sh, holding slices.tsv)
"""
import math
import re
import statistics
import sys

# Two-sided 95 % quantiles of Student's t by degrees of freedom; 1.96 beyond the table.
T95 = {1: 12.71, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
       11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093,
       20: 2.086, 22: 2.074, 24: 2.064, 26: 2.056, 28: 2.048, 30: 2.042, 40: 2.021, 60: 2.000}


def t95(df):
    below = [d for d in T95 if d <= df]
    return T95[max(below)] if below else T95[1]


def run_ratio(path):
    served = {'A': 0, 'B': 0}
    for line in list(open(f"{path}/slices.tsv"))[1:]:
        fields = line.rstrip('\n').split('\t')
        served[fields[1]] += int(fields[2])
    return served['A'] / served['B']


def main(args):
    reference = 'off'
    if args[:1] == ['--reference']:
        reference, args = args[1], args[2:]
    if not args:
        sys.exit(__doc__)
    runs = {}
    for path in args:
        name = re.sub(r'-\d+$', '', path.rstrip('/').split('/')[-1])
        runs.setdefault(name, []).append(run_ratio(path))
    for name, values in runs.items():
        sd = statistics.stdev(values) if len(values) > 1 else float('nan')
        print(f"{name:<22} {len(values):>2} runs  mean {statistics.mean(values):.4f}  sd {sd * 100:.2f} %  "
              f"runs {' '.join(f'{v:.3f}' for v in values)}")
    base = runs.get(reference)
    if not base or len(base) < 2:
        return
    base_mean, base_var = statistics.mean(base), statistics.variance(base) / len(base)
    print(f"\nagainst the mean of the {len(base)} runs of '{reference}' ({base_mean:.4f}):")
    for name, values in runs.items():
        if name == reference or len(values) < 2:
            continue
        mean, var = statistics.mean(values), statistics.variance(values) / len(values)
        se = math.sqrt(var + base_var)
        df = (var + base_var) ** 2 / (var ** 2 / (len(values) - 1) + base_var ** 2 / (len(base) - 1))
        half = t95(math.floor(df)) * se
        ratio = mean / base_mean
        print(f"{name:<22} {ratio:.4f} x  cost {(1 - ratio) * 100:+.2f} %  standard error {se / base_mean * 100:.2f} %"
              f"  95 % interval {(mean - half) / base_mean:.4f} to {(mean + half) / base_mean:.4f}"
              f"  (Welch, {df:.1f} degrees of freedom)")


if __name__ == '__main__':
    main(sys.argv[1:])
