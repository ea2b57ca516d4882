#!/usr/bin/env python3
"""Share of a JFR recording's execution samples spent in the starter's code, in AOP proxies, and elsewhere.

Usage: cpu_share.py RECORDING.jfr [RECORDING.jfr ...]
       cpu_share.py --startup RECORDING.jfr [RECORDING.jfr ...]

Reads jdk.ExecutionSample events with the JDK's `jfr print` (the `jfr` on PATH, or $JFR) and files each sample
under the first frame, from the top of its stack, that is not JDK code (java., javax., jdk., sun., com.sun.):
  proxy       Spring AOP machinery: CGLIB proxy classes, org.springframework.aop, org.aopalliance, and the
              no-op interceptor of the benchmark floor (io.github.mcpmonitoring.benchmarks);
  monitoring  the starter (io.github.mcpmonitoring, not the sample), and Micrometer when the nearest caller
              outside Micrometer is the starter (a Micrometer meter recorded by Spring Boot counts as other);
  other       everything else: the MCP server, the tool itself, Tomcat, Jackson, Spring Boot's own meters.
Execution samples are taken only of threads running Java code, so the shares bound the CPU cost from above; GC work
caused by allocation is not in them. Prints one table row per recording and, per recording, where the monitoring
samples were taken (top frames).

With --startup, a recording of a startup (startup-profile.sh): only the main thread's samples, counted (not shared,
the floor is a time), filed by the whole stack: under proxy creation when Spring's
AbstractAutoProxyCreator.wrapIfNecessary is on it (split into CGLIB class generation, ProxyFactory.getProxy, and the
rest, mostly pointcut matching), under starter when a frame of the starter is, and other otherwise. Prints one row
per recording and the mean per variant (the recording's name up to its last dash). When the main thread's CPU time
at the end of the recording is next to it (RECORDING.main-cpu-ms, written by startup-profile.sh), the means are also
given in milliseconds: each category's share of the samples times that CPU time. JFR's sampler rarely keeps its
period on a busy machine, so counts alone are not times.
"""
import os
import subprocess
import sys
from collections import Counter

JDK_PREFIXES = ("java.", "javax.", "jdk.", "sun.", "com.sun.")
PROXY_PREFIXES = ("org.springframework.aop.", "org.aopalliance.", "io.github.mcpmonitoring.benchmarks.")
STARTER_PREFIX = "io.github.mcpmonitoring."
SAMPLE_PREFIX = "io.github.mcpmonitoring.sample."
STACK_DEPTH = "64"
TOP_FRAMES = 12


def is_jdk(type_name):
    return type_name.startswith(JDK_PREFIXES)


def is_proxy(type_name):
    return "$$SpringCGLIB$$" in type_name or type_name.startswith(PROXY_PREFIXES)


def is_starter(type_name):
    return type_name.startswith(STARTER_PREFIX) and not type_name.startswith(SAMPLE_PREFIX) \
        and not type_name.startswith(PROXY_PREFIXES)


def classify(frames):
    """Returns (category, frame index) of a stack given top (leaf) first."""
    for i, (name, _) in enumerate(frames):
        if is_jdk(name):
            continue
        if is_proxy(name):
            return "proxy", i
        if is_starter(name):
            return "monitoring", i
        if name.startswith("io.micrometer."):
            for caller_name, _ in frames[i + 1:]:
                if is_jdk(caller_name) or caller_name.startswith("io.micrometer."):
                    continue
                return ("monitoring" if is_starter(caller_name) else "other"), i
            return "other", i
        return "other", i
    return "other", None


def frame_name(frame):
    type_name, method = frame
    if "$$Lambda" in type_name:
        type_name = type_name[:type_name.index("$$Lambda")] + "$$Lambda"
    return type_name.rsplit(".", 1)[-1] + "." + method


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


def samples(recording, thread=None):
    """Yields the frames, top (leaf) first, of the recording's execution samples, of one thread or of all."""
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
                    if frames and (thread is None or sampled_thread == thread):
                        yield frames
                    frames = None
                elif stripped != "...":
                    frames.append(parse_frame(stripped))
    if printer.returncode != 0:
        raise SystemExit(f"jfr print failed on {recording}")


COMPONENTS = (
    ("in-flight meter", ("io.micrometer.core.instrument.internal.DefaultLongTaskTimer",)),
    ("duration timer and histogram", ("io.micrometer.",)),
    ("call scope (ToolInvocation)", ("io.github.mcpmonitoring.core.ToolInvocation",)),
    ("annotation interceptor", ("io.github.mcpmonitoring.annotation.",)),
    ("tool-spec wrapper and recorder", ("io.github.mcpmonitoring.mcp.", "io.github.mcpmonitoring.core.")),
)


def component(type_name):
    """The part of the starter a monitoring sample's owning frame belongs to."""
    for name, prefixes in COMPONENTS:
        if type_name.startswith(prefixes):
            return name
    return "other starter code"


def analyse(recording):
    counts = Counter()
    hot = Counter()
    components = Counter()
    for frames in samples(recording):
        category, index = classify(frames)
        counts[category] += 1
        if category == "monitoring":
            leaf = frame_name(frames[0])
            owner = frame_name(frames[index])
            hot[owner if leaf == owner else owner + " > " + leaf] += 1
            components[component(frames[index][0])] += 1
    return counts, hot, components


def main(recordings):
    rows = []
    for recording in recordings:
        counts, hot, components = analyse(recording)
        total = sum(counts.values())
        rows.append((recording, total, counts, hot, components))
    print("| recording | samples | monitoring | proxy | other |")
    print("|---|---:|---:|---:|---:|")
    for recording, total, counts, _, _ in rows:
        share = {k: 100.0 * counts[k] / total if total else 0.0 for k in ("monitoring", "proxy", "other")}
        print(f"| {os.path.basename(recording)} | {total} | {share['monitoring']:.2f} % | {share['proxy']:.2f} % "
              f"| {share['other']:.2f} % |")
    names = [name for name, _ in COMPONENTS] + ["other starter code"]
    print("\nmonitoring samples by part of the starter, share of all samples")
    print("| recording | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for recording, total, _, _, components in rows:
        print(f"| {os.path.basename(recording)} | "
              + " | ".join(f"{100.0 * components[name] / total:.2f} %" if total else "" for name in names) + " |")
    for recording, total, counts, hot, _ in rows:
        if not hot:
            continue
        print(f"\n{os.path.basename(recording)}: monitoring samples by frame (starter or Micrometer frame > JDK leaf)")
        for name, count in hot.most_common(TOP_FRAMES):
            print(f"  {count:6d}  {100.0 * count / total:5.2f} %  {name}")


STARTUP_COLUMNS = ("proxy classes", "proxy matching", "starter", "other")


def main_cpu_ms(recording):
    sidecar = recording.rsplit(".", 1)[0] + ".main-cpu-ms"
    if not os.path.exists(sidecar):
        return None
    with open(sidecar) as file:
        return float(file.read().strip())


def main_startup(recordings):
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
    if len(sys.argv) < 2 or (sys.argv[1] == "--startup" and len(sys.argv) < 3):
        sys.exit(__doc__)
    if sys.argv[1] == "--startup":
        main_startup(sys.argv[2:])
    else:
        main(sys.argv[1:])
