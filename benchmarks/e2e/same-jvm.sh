#!/usr/bin/env bash
# End-to-end cost of the starter per tools/call inside ONE JVM: the tool and its unmonitored twin loaded at the
# same time.
#
#   A: the tool as the sample serves it (with A_VARIANT=starter, through the starter's wrapper, proxy and meters)
#   B: <tool>_unmonitored, the same tool code built by Spring AI from the unproxied bean and added after the starter
#      instrumented the tool list (io.github.mcpmonitoring.benchmarks.twin.UnmonitoredToolTwin): none of the
#      starter's code
#
# Why: between two JVMs the JIT compiles the request path each its own way, and fresh pairs of JVMs move by ±5 %
#; within one JVM, alternating slices still move by ±10 % on a machine whose speed drifts from one 5 s slice to
# the next. Here one JIT serves both tools, and both wrk instances run in the very same seconds, sharing the
# server's threads and CPUs, so a drift of the machine hits both alike. With the server's CPUs saturated and
# shared, each connection's rate is inversely proportional to what its requests cost, so the ratio of requests
# served A/B is the cost ratio of a call to the twin over a call to the tool. It is the starter's cost per call; what
# the starter does to the whole JVM (its scheduled work) hits both sides and is not in it.
# A_VARIANT=off makes it an A/A run (the tool and its twin, both unmonitored): the resolution of the method.
# A_VARIANT=noop-proxies: the starter off and a no-op AOP proxy on the tool's bean (lib.sh): the floor of any AOP
# interceptor, per call.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk and python3):
#   benchmarks/e2e/same-jvm.sh
# Settings (environment; lib.sh lists those all scripts share): SLICES=40 SLICE=5s WARMUP=45s CONNECTIONS=4 (per side)
#   OUT=benchmarks/target/e2e-same-jvm
#   A_VARIANT=starter (or off, noop-proxies) A_ARGS= (extra arguments for the server)
# Output: one line per slice and side in $OUT/slices.tsv, the server's log, and the A/B ratios on stdout.
set -euo pipefail

SLICES=${SLICES:-40}
SLICE=${SLICE:-5s}
WARMUP=${WARMUP:-45s}
CONNECTIONS=${CONNECTIONS:-4}
OUT=${OUT:-benchmarks/target/e2e-same-jvm}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}
SAME_JVM=true

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
require_prerequisites
require_variants
case $A_VARIANT in starter | off | noop-proxies) ;; *) echo "A_VARIANT must be starter, off or noop-proxies" >&2; exit 2 ;; esac
mkdir -p "$OUT"

declare -A session tool
tool[A]=$TOOL
tool[B]=${TOOL}_unmonitored
port=$(free_port)
trap stop_server EXIT INT TERM

load() { # side, duration, report file
  tools_call_load "$port" "${session[$1]}" "${tool[$1]}" "$2" --latency >"$3"
}

# Both sides at once; the side started first alternates from slice to slice.
load_both() { # duration, slice
  local first=A second=B waiting
  if [ $(($2 % 2)) -eq 0 ]; then first=B second=A; fi
  load "$first" "$1" "$OUT/wrk-$first.txt" & waiting=$!
  load "$second" "$1" "$OUT/wrk-$second.txt"
  wait "$waiting"
}

record() { # slice, side; appends a line to slices.tsv
  local out requests p99
  out=$(cat "$OUT/wrk-$2.txt")
  check_wrk_report "$out" "$2"
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$requests" "$p99" >>"$OUT/slices.tsv"
}

echo "$(describe_sides); $SLICES slices of $SLICE with both loaded at once, wrk -t1 -c$CONNECTIONS each," \
  "tool $TOOL"
start_sample A "$OUT/server.log" "$port" "$(now_ms)"
for side in A B; do
  session[$side]=$(open_session "$port" same-jvm) || { echo "no Mcp-Session-Id from initialize ($side)" >&2; exit 1; }
  check_tool_call "$port" "${session[$side]}" "${tool[$side]}" "$side"
done
load_both "$WARMUP" 1

printf 'slice\tside\trequests\tp99_ms\n' >"$OUT/slices.tsv"
read -r cpu0 _ < <(cpu_times "$server_pid")
for slice in $(seq 1 "$SLICES"); do
  load_both "$SLICE" "$slice"
  record "$slice" A
  record "$slice" B
done
read -r cpu1 _ < <(cpu_times "$server_pid")

check_scrape "$port" A "$TOOL"
check_twin_unmeasured "$port" "${tool[B]}"

# Per-slice ratios A/B (requests served, p99), then their median, spread and the confidence interval of the median.
awk -F'\t' 'NR > 1 { v[$1, $2, "requests"] = $3; v[$1, $2, "p99"] = $4; n = ($1 > n) ? $1 : n }
  function ratio(s, k) { return (v[s, "B", k] > 0) ? v[s, "A", k] / v[s, "B", k] : 0 }
  END { for (s = 1; s <= n; s++) printf "%d\t%.4f\t%.4f\n", s, ratio(s, "requests"), ratio(s, "p99") }' \
  "$OUT/slices.tsv" >"$OUT/pairs.tsv"
echo
summarise "$OUT/pairs.tsv" 2 "requests served A/B:" slices
summarise "$OUT/pairs.tsv" 3 "p99 latency A/B:" slices
awk -F'\t' -v cpu=$((cpu1 - cpu0)) 'NR > 1 { r[$2] += $3 }
  END { printf "over all slices: A %d, B %d requests (A/B %.4f); %.1f us of server CPU per request of either\n",
    r["A"], r["B"], r["A"] / r["B"], cpu * 1000 / (r["A"] + r["B"]) }' "$OUT/slices.tsv"
echo "per slice and side: $OUT/slices.tsv, per slice: $OUT/pairs.tsv"
