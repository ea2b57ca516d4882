#!/usr/bin/env python3
"""Where the main thread of each recorded startup spent its samples (startup-profile.sh writes the recordings).

Usage: startup_profile.py RECORDING.jfr [RECORDING.jfr ...]

Reads the main thread's jdk.ExecutionSample events with the JDK's `jfr print` (the `jfr` on PATH, or $JFR) and files
each sample by its whole stack: under proxy creation when Spring's AbstractAutoProxyCreator.wrapIfNecessary is on it
(split into CGLIB class generation under ProxyFactory.getProxy, and the rest, mostly pointcut matching), under starter
when a frame of the starter (io.github.mcpmonitoring, not the sample nor the benchmarks) is, and other otherwise.
Prints one row per recording and the mean per variant (the recording's name up to its last dash). When the main
thread's CPU time at the end of the recording is next to it (RECORDING.main-cpu-ms), the means are also given in
milliseconds: each category's share of the samples times that CPU time. JFR's sampler rarely keeps its period on a
busy machine, so counts alone are not times.
"""
import os
import subprocess
import sys
from collections import Counter

STARTER_PREFIX = "io.github.mcpmonitoring."
NOT_STARTER_PREFIXES = ("io.github.mcpmonitoring.sample.", "io.github.mcpmonitoring.benchmarks.")
STACK_DEPTH = "64"


def is_starter(type_name):
    return type_name.startswith(STARTER_PREFIX) and not type_name.startswith(NOT_STARTER_PREFIXES)


def classify_startup(frames):
    if any(method == "wrapIfNecessary" and type_name.endswith(".AbstractAutoProxyCreator")
           for type_name, method in frames):
        if any(frame == ("org.springframework.aop.framework.ProxyFactory", "getProxy") for frame in frames):
            return "proxy classes"
        return "proxy matching"
    if any(is_starter(type_name) for type_name, _ in frames):
        return "starter"
    return "other"


def parse_frame(line):
    """(type name, method name) of a frame line of `jfr print`, e.g. "a.b.C.m(String, int) line: 12"."""
    qualified = line.strip().split("(", 1)[0]
    type_name, _, method = qualified.rpartition(".")
    return type_name, method


def samples(recording, thread):
    """Yields the frames, top (leaf) first, of the recording's execution samples of one thread."""
    jfr = os.environ.get("JFR", "jfr")
    command = [jfr, "print", "--stack-depth", STACK_DEPTH, "--events", "jdk.ExecutionSample", recording]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as printer:
        sampled_thread, frames = None, None
        for line in printer.stdout:
            stripped = line.strip()
            if stripped.startswith("sampledThread = "):
                sampled_thread = stripped.split('"')[1]
            elif stripped == "stackTrace = [":
                frames = []
            elif frames is not None:
                if stripped == "]":
                    if frames and sampled_thread == thread:
                        yield frames
                    frames = None
                elif stripped != "...":
                    frames.append(parse_frame(stripped))
    if printer.returncode != 0:
        raise SystemExit(f"jfr print failed on {recording}")


STARTUP_COLUMNS = ("proxy classes", "proxy matching", "starter", "other")


def main_cpu_ms(recording):
    sidecar = recording.rsplit(".", 1)[0] + ".main-cpu-ms"
    if not os.path.exists(sidecar):
        return None
    with open(sidecar) as file:
        return float(file.read().strip())


def main(recordings):
    per_variant = {}
    print("| recording | main thread samples | " + " | ".join(STARTUP_COLUMNS) + " | main thread CPU ms |")
    print("|---|---:|" + "---:|" * (len(STARTUP_COLUMNS) + 1))
    for recording in recordings:
        counts = Counter(classify_startup(frames) for frames in samples(recording, thread="main"))
        cpu = main_cpu_ms(recording)
        name = os.path.basename(recording).rsplit(".", 1)[0]
        per_variant.setdefault(name.rsplit("-", 1)[0], []).append((counts, cpu))
        print(f"| {name} | {sum(counts.values())} | " + " | ".join(str(counts[c]) for c in STARTUP_COLUMNS)
              + f" | {'' if cpu is None else f'{cpu:.0f}'} |")
    print("\nmean per startup: samples (and milliseconds of main thread CPU, where known)")
    print("| variant | startups | main thread samples | " + " | ".join(STARTUP_COLUMNS) + " |")
    print("|---|---:|---:|" + "---:|" * len(STARTUP_COLUMNS))
    for variant, runs in per_variant.items():
        timed = all(cpu is not None for _, cpu in runs)

        def mean(column):
            count = sum(run[column] for run, _ in runs) / len(runs)
            if not timed:
                return f"{count:.1f}"
            ms = sum(cpu * run[column] / max(1, sum(run.values())) for run, cpu in runs) / len(runs)
            return f"{count:.1f} ({ms:.0f} ms)"
        total = sum(sum(run.values()) for run, _ in runs) / len(runs)
        total_cpu = f" ({sum(cpu for _, cpu in runs) / len(runs):.0f} ms)" if timed else ""
        print(f"| {variant} | {len(runs)} | {total:.0f}{total_cpu} | "
              + " | ".join(mean(c) for c in STARTUP_COLUMNS) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
