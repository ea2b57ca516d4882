#!/usr/bin/env python3
"""Pools JMH runs of CallOverheadBenchmark fork by fork, by the code they measured.

Every fork of (5), (5n) and (6) is divided by the mean of the floor (3) in its own run, so that runs taken at
different times compare; the ratios of all runs of one label are then pooled: their mean, its standard error and a
95 % interval (normal); the ratio of each run's means follows, since runs scatter more than the forks of one run. Also printed per run: what the in-flight meter adds to the wrapper (7 - 7n) and to
@MonitoredTool (5 - 5n), in ns, and the wrapper (7) itself.

Usage: jmh_forks.py LABEL=RESULT.json ...   (each RESULT.json from -rf json; give several runs the same LABEL)
"""
import json
import math
import statistics
import sys


def load(path):
    forks = {}
    for benchmark in json.load(open(path)):
        name = benchmark['benchmark'].rsplit('.', 1)[-1].split('_')[0]
        forks[name] = [statistics.mean(fork) for fork in benchmark['primaryMetric']['rawData']]
    return forks


def mean(values):
    return statistics.mean(values) if values else float('nan')


def main(args):
    runs_by_label = {}
    for arg in args:
        label, path = arg.split('=', 1)
        runs_by_label.setdefault(label, []).append(load(path))
    for label, runs in runs_by_label.items():
        print(f"{label}: {len(runs)} runs")
        for name in ('b05', 'b05n', 'b06'):
            ratios = [fork / mean(run['b03']) for run in runs if name in run for fork in run[name]]
            if len(ratios) < 2:
                continue
            m = statistics.mean(ratios)
            se = statistics.stdev(ratios) / math.sqrt(len(ratios))
            print(f"  {name:5s} / floor  {m:.3f}  standard error {se:.3f}  95 % interval {m - 1.96 * se:.3f} to "
                  f"{m + 1.96 * se:.3f}  ({len(ratios)} forks)")
            per_run = [mean(run[name]) / mean(run['b03']) for run in runs if name in run]
            print("        per run: " + ", ".join(f"{r:.3f}" for r in per_run))
        for a, b in (('b07', 'b07n'), ('b05', 'b05n')):
            deltas = [mean(run[a]) - mean(run[b]) for run in runs if a in run and b in run]
            if deltas:
                print(f"  {a} - {b} per run, ns: " + ", ".join(f"{d:.1f}" for d in deltas))
        wrapper = [mean(run['b07']) for run in runs if 'b07' in run]
        if wrapper:
            print("  b07 per run, ns: " + ", ".join(f"{w:.1f}" for w in wrapper))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
