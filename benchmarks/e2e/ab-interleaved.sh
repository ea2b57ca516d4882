#!/usr/bin/env bash
# End-to-end A/B of the cost of a tools/call on two warm JVMs of the sample, in short alternating slices.
#
#   A: the sample jar as built (the starter active)
#   B: the same jar with --mcp.monitoring.enabled=false
#   (A_VARIANT and B_VARIANT change what each side runs: starter, off or noop-proxies, see lib.sh)
#   SAME_JVM=true: ONE JVM of A_VARIANT; side A calls the tool, side B its unmonitored twin (see lib.sh)
#
# Both JVMs run at the same time, on free loopback ports. Each is warmed up with wrk, then SLICES pairs of short wrk
# runs alternate between them (AB, BA, AB, ...), one side at a time. Per slice it records wrk's throughput and
# latency, and the server's CPU time (user + system, all threads, from /proc) per request. ab.sh starts fresh JVMs
# and measures each side once for tens of seconds, so a machine whose speed drifts (other work, CPU steal) moves
# its ratios by tens of percent; here the two sides of a pair are seconds apart, and CPU time per request does not
# count the time the server waited for a CPU. Two JVMs still compile the request path each its own way, so their
# ratio carries a bias of its own (rounds.py); with SAME_JVM=true one JIT serves both sides, and the ratio is the
# cost of what the twin skips, the starter's work per call, not what the starter does to the whole JVM.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk and python3):
#   benchmarks/e2e/ab-interleaved.sh
# Settings (environment): SLICES=40 SLICE=5s WARMUP=45s CONNECTIONS=8 TOOL=get_session_info
#   JAR=sample-app/target/mcp-monitoring-sample-app.jar OUT=benchmarks/target/e2e-interleaved
#   JAVA_OPTS="-Xms512m -Xmx512m" A_VARIANT=starter B_VARIANT=off A_ARGS= B_ARGS= (extra arguments for one side)
# Output: one line per slice in $OUT/slices.tsv, the servers' logs, and the A/B ratios on stdout.
set -euo pipefail

SLICES=${SLICES:-40}
SLICE=${SLICE:-5s}
WARMUP=${WARMUP:-45s}
CONNECTIONS=${CONNECTIONS:-8}
TOOL=${TOOL:-get_session_info}
JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
OUT=${OUT:-benchmarks/target/e2e-interleaved}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}
HERE=$(cd "$(dirname "$0")" && pwd)
HOST=127.0.0.1

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
require_prerequisites
require_variants
mkdir -p "$OUT"

declare -A pid port session tool
tool[A]=$TOOL
tool[B]=$TOOL
if [ "$SAME_JVM" = true ]; then tool[B]=${TOOL}_unmonitored; fi
trap stop_servers EXIT INT TERM

start_server() { # side
  local side=$1 start
  port[$side]=$(free_port)
  start=$(now_ms)
  launch_sample "$side" "$OUT/server-$side.log" --server.address=$HOST --server.port="${port[$side]}" \
    --spring.main.banner-mode=off
  pid[$side]=$LAUNCHED_PID
  wait_ready "${port[$side]}" "${pid[$side]}" "$OUT/server-$side.log" "$READY_TIMEOUT_S" "$start"
  open_side_session "$side"
}

# The twin's side on the server of side A: the same JVM, a session of its own.
share_server() { # side
  port[$1]=${port[A]}
  pid[$1]=${pid[A]}
  open_side_session "$1"
}

open_side_session() { # side
  session[$1]=$(open_session "${port[$1]}" ab-interleaved) \
    || { echo "no Mcp-Session-Id from initialize ($1)" >&2; exit 1; }
  check_tool_call "${port[$1]}" "${session[$1]}" "${tool[$1]}" "$1"
}

load() { # side, duration, [--latency]; prints wrk's report
  MCP_SESSION_ID=${session[$1]} MCP_TOOL=${tool[$1]} wrk -t1 -c"$CONNECTIONS" -d"$2" ${3:-} -s "$HERE/tools-call.lua" \
    "http://$HOST:${port[$1]}/mcp"
}

slice() { # pair, side; appends a line to slices.tsv
  local pair=$1 side=$2 cpu0 cpu1 out requests rps p50 p99
  read -r cpu0 _ < <(cpu_times "${pid[$side]}")
  out=$(load "$side" "$SLICE" --latency)
  read -r cpu1 _ < <(cpu_times "${pid[$side]}")
  if grep -q 'Non-2xx or 3xx responses\|Socket errors' <<<"$out"; then
    echo "wrk saw errors ($side): $out" >&2; exit 1
  fi
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pair" "$side" "$requests" "$rps" "$p50" "$p99" "$((cpu1 - cpu0))" \
    "$(awk -v c=$((cpu1 - cpu0)) -v r="$requests" 'BEGIN { printf "%.2f", c * 1000 / r }')" >>"$OUT/slices.tsv"
}

echo "$(describe_sides); both warm, $SLICES pairs of $SLICE slices," \
  "wrk -t1 -c$CONNECTIONS, tool $TOOL"
start_server A
if [ "$SAME_JVM" = true ]; then share_server B; else start_server B; fi
load A "$WARMUP" >/dev/null
load B "$WARMUP" >/dev/null

printf 'pair\tside\trequests\trps\tp50_ms\tp99_ms\tserver_cpu_ms\tserver_cpu_us_per_request\n' >"$OUT/slices.tsv"
for pair in $(seq 1 "$SLICES"); do
  if [ $((pair % 2)) -eq 1 ]; then slice "$pair" A; slice "$pair" B; else slice "$pair" B; slice "$pair" A; fi
done

check_scrape "${port[A]}" A "$TOOL"
if [ "$SAME_JVM" = true ]; then
  check_twin_unmeasured "${port[B]}" "${tool[B]}"
else
  check_scrape "${port[B]}" B "$TOOL"
fi

# Per-pair ratios A/B, then their median, spread and the confidence interval of the median.
awk -F'\t' 'NR > 1 { v[$1, $2, "rps"] = $4; v[$1, $2, "p50"] = $5; v[$1, $2, "p99"] = $6; v[$1, $2, "cpu"] = $8
    n = ($1 > n) ? $1 : n }
  function ratio(p, k) { return (v[p, "B", k] > 0) ? v[p, "A", k] / v[p, "B", k] : 0 }
  END { for (p = 1; p <= n; p++) printf "%d\t%.4f\t%.4f\t%.4f\t%.4f\n", p, ratio(p, "rps"), ratio(p, "p99"),
    ratio(p, "p50"), ratio(p, "cpu") }' "$OUT/slices.tsv" >"$OUT/pairs.tsv"
echo
python3 "$HERE/summary.py" "$OUT/pairs.tsv" 2 "throughput A/B (target >= 0.99):"
python3 "$HERE/summary.py" "$OUT/pairs.tsv" 3 "p99 latency A/B (target <= 1.05):"
python3 "$HERE/summary.py" "$OUT/pairs.tsv" 4 "p50 latency A/B:"
python3 "$HERE/summary.py" "$OUT/pairs.tsv" 5 "server CPU per request A/B:"
for side in A B; do
  awk -F'\t' -v s="$side" 'NR > 1 && $2 == s { r += $3; c += $7 }
    END { printf "side %s: %d requests, %.1f us of server CPU per request over all slices\n", s, r, c * 1000 / r }' \
    "$OUT/slices.tsv"
done
echo "per slice: $OUT/slices.tsv, per pair: $OUT/pairs.tsv"
