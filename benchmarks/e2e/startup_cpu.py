#!/usr/bin/env python3
"""Tables of startup-cpu.sh: CPU time at ready per thread, and the JIT's compilations, per variant.

Usage: startup_cpu.py DIRECTORY VARIANT [VARIANT ...]

Threads are grouped by name with their numbers left out (so "GC Thread#0" and "GC Thread#1" are one row; the JIT's
"C1 CompilerThread0" and "C2 CompilerThread0" stay apart). "(ended threads)" is the process's CPU time less its live
threads': threads that ran and ended before ready. Each cell is the mean over the variant's startups, and the last
column the difference between the first two variants. Where the directory holds recordings (COMPILATIONS=1), also
the time each compiler spent, and the methods whose compilation time differs most between the first two variants,
with how often each was compiled.
"""

import collections
import glob
import os
import re
import subprocess
import sys


def thread_group(name):
    if name == "java":
        return "main (named java)"
    return re.sub(r"(?<!C)#?\d+", "#", name)


def files(directory, variant, suffix):
    """The files of a variant's startups (<variant>-<round><suffix>), by round; not those of a longer name."""
    pattern = re.compile(re.escape(variant) + r"-(\d+)" + re.escape(suffix) + "$")
    rounds = []
    for path in glob.glob(os.path.join(directory, "*" + suffix)):
        match = pattern.match(os.path.basename(path))
        if match:
            rounds.append((int(match.group(1)), path))
    return [path for _, path in sorted(rounds)]


def startups(directory, variant):
    return files(directory, variant, ".threads")


def thread_times(path):
    times = collections.Counter()
    with open(path) as lines:
        for line in lines:
            name, _, milliseconds = line.rstrip("\n").rpartition("\t")
            times[thread_group(name)] += float(milliseconds)
    with open(path[:-len(".threads")] + ".total") as total_file:
        total = float(total_file.read())
    times["(ended threads)"] = total - sum(times.values())
    times["(whole JVM)"] = total
    with open(path[:-len(".threads")] + ".ready") as ready_file:
        times["(time to ready, wall clock)"] = float(ready_file.read())
    return times


def means(samples):
    keys = set().union(*samples) if samples else set()
    return {key: sum(sample[key] for sample in samples) / len(samples) for key in keys}


def milliseconds(text):
    value, unit = text.split()
    return float(value.replace(",", "")) * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}[unit]


def compilations(recording):
    """Yields (compiler, method, milliseconds) for every compilation in a recording."""
    jfr = os.environ.get("JFR", "jfr")
    printed = subprocess.run([jfr, "print", "--events", "jdk.Compilation", recording], capture_output=True,
                             text=True, check=True).stdout
    for event in printed.split("jdk.Compilation {")[1:]:
        fields = dict(re.findall(r"^\s+(\w+) = (.*)$", event, re.M))
        yield fields["compiler"].strip('"'), fields["method"].split("(")[0], milliseconds(fields["duration"])


def print_threads(directory, variants):
    per_variant = {variant: means([thread_times(path) for path in startups(directory, variant)])
                   for variant in variants}
    counts = {variant: len(startups(directory, variant)) for variant in variants}
    rows = set().union(*per_variant.values())
    first, second = variants[0], variants[1] if len(variants) > 1 else None

    def order(row):
        return (not row.startswith("("), -max(per_variant[variant].get(row, 0) for variant in variants))

    print("CPU time at ready, ms, mean per startup (startups: "
          + ", ".join(f"{variant} {counts[variant]}" for variant in variants) + ")")
    print("| thread | " + " | ".join(variants) + (f" | {first} − {second} |" if second else " |"))
    print("|---|" + "---:|" * (len(variants) + (1 if second else 0)))
    for row in sorted(rows, key=order):
        cells = [per_variant[variant].get(row, 0.0) for variant in variants]
        if max(cells) < 5:
            continue
        difference = [f"{cells[0] - cells[1]:+.0f}"] if second else []
        print(f"| {row} | " + " | ".join(f"{cell:.0f}" for cell in cells) + " | " + " | ".join(difference)
              + (" |" if second else ""))


def print_compilations(directory, variants):
    recordings = {variant: files(directory, variant, ".jfr") for variant in variants}
    if not all(recordings.values()):
        return
    by_compiler = {}
    by_method = {}
    compiled = {}
    for variant in variants:
        compilers, methods, counts = collections.Counter(), collections.Counter(), collections.Counter()
        for recording in recordings[variant]:
            for compiler, method, duration in compilations(recording):
                compilers[compiler] += duration
                methods[(compiler, method)] += duration
                counts[(compiler, method)] += 1
        startups_recorded = len(recordings[variant])
        by_compiler[variant] = {key: value / startups_recorded for key, value in compilers.items()}
        by_method[variant] = {key: value / startups_recorded for key, value in methods.items()}
        compiled[variant] = {key: value / startups_recorded for key, value in counts.items()}
    print()
    print("JIT compilation time until ready, ms, mean per startup (recorded startups: "
          + ", ".join(f"{variant} {len(recordings[variant])}" for variant in variants) + ")")
    print("| compiler | " + " | ".join(variants) + " |")
    print("|---|" + "---:|" * len(variants))
    for compiler in sorted(set().union(*by_compiler.values())):
        print(f"| {compiler} | " + " | ".join(f"{by_compiler[variant].get(compiler, 0):.0f}"
                                              for variant in variants) + " |")
    if len(variants) < 2:
        return
    first, second = variants[0], variants[1]
    keys = set(by_method[first]) | set(by_method[second])
    ranked = sorted(keys, key=lambda key: by_method[first].get(key, 0) - by_method[second].get(key, 0), reverse=True)
    print()
    print(f"methods whose compilation took most longer in {first} than in {second}: ms and compilations per startup")
    print(f"| compiler | method | {first} ms | {second} ms | {first} compilations | {second} compilations |")
    print("|---|---|---:|---:|---:|---:|")
    for key in ranked[:12]:
        print(f"| {key[0]} | `{key[1]}` | {by_method[first].get(key, 0):.0f} | {by_method[second].get(key, 0):.0f} "
              f"| {compiled[first].get(key, 0):.1f} | {compiled[second].get(key, 0):.1f} |")


def main(arguments):
    if len(arguments) < 2:
        sys.exit(__doc__)
    directory, variants = arguments[0], arguments[1:]
    print_threads(directory, variants)
    print_compilations(directory, variants)


if __name__ == "__main__":
    main(sys.argv[1:])
