#!/usr/bin/env bash
# End-to-end A/B benchmark of the sample MCP server, on loopback only.
#
#   A: the sample jar as built (the starter active)
#   B: the same jar with --mcp.monitoring.enabled=false
#   (A_VARIANT and B_VARIANT change what each side runs: starter, off or noop-proxies, see lib.sh)
#
# Runs PAIRS pairs, alternating which side goes first (AB, BA, AB, ...). Each run starts a fresh JVM on a free
# loopback port, measures its time to ready (first 200 from /actuator/health/readiness, the endpoint a Kubernetes
# readiness probe uses, and Spring's "Started ... in X seconds"), the CPU time the JVM and its main thread had used by
# then, and the latency of the first full /actuator/health right after; it then opens an MCP session (initialize +
# notifications/initialized) with curl, checks one tools/call, warms up with wrk (the sample's JIT needs about 40 s
# of load before its throughput settles on a 2-core machine), then measures tools/call throughput and latency with
# wrk, and stops the JVM.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk: apt-get install -y wrk):
#   benchmarks/e2e/ab.sh
# Settings (environment; lib.sh lists those all scripts share): PAIRS=5 WARMUP=45s DURATION=20s CONNECTIONS=8 STARTUP_ONLY=0
#   OUT=benchmarks/target/e2e
# A_ARGS and B_ARGS add arguments to one side (to find what costs, e.g. --spring.autoconfigure.exclude=...).
# A_VARIANT=noop-proxies B_VARIANT=off measures the floor of any AOP interceptor, A_VARIANT=starter
# B_VARIANT=noop-proxies what the starter costs over that floor.
# STARTUP_ONLY=1 measures only the time to ready (no load), which takes seconds per run, so more pairs fit.
# Output: one line per run in $OUT/runs.tsv, the logs of each run, and a summary of the A/B ratios on stdout.
set -euo pipefail

PAIRS=${PAIRS:-5}
WARMUP=${WARMUP:-45s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
OUT=${OUT:-benchmarks/target/e2e}
STARTUP_ONLY=${STARTUP_ONLY:-0}

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
trap stop_server EXIT INT TERM
require_prerequisites
require_variants
mkdir -p "$OUT"

run_once() { # pair, side (A|B); appends a line to runs.tsv
  local pair=$1 side=$2 port log start ready_ms started_s cpu_ms main_cpu_ms health_start health_ms session
  local wrk_out rps p50 p99
  port=$(free_port)
  log="$OUT/run-$pair-$side.log"
  start=$(now_ms)
  start_sample "$side" "$log" "$port" "$start"
  ready_ms=$READY_MS
  read -r cpu_ms main_cpu_ms < <(cpu_times "$server_pid")
  health_start=$(now_ms)
  curl -sf -o /dev/null --max-time 10 "http://$HOST:$port/actuator/health" \
    || { echo "$side: /actuator/health did not answer, see $log" >&2; exit 1; }
  health_ms=$(( $(now_ms) - health_start ))
  started_s=$(started_seconds "$log")
  if [ "$STARTUP_ONLY" = 1 ]; then
    stop_server
    printf '%s\t%s\t\t\t\t%s\t%s\t%s\t%s\t%s\n' "$pair" "$side" "$ready_ms" "$started_s" "$cpu_ms" "$main_cpu_ms" \
      "$health_ms" >>"$OUT/runs.tsv"
    printf 'pair %s %s: ready %5d ms  started in %s s  cpu %5d ms  main thread cpu %5d ms  first health %4d ms\n' \
      "$pair" "$side" "$ready_ms" "$started_s" "$cpu_ms" "$main_cpu_ms" "$health_ms"
    return
  fi

  session=$(open_session "$port" ab-benchmark) || { echo "no Mcp-Session-Id from initialize ($side), see $log" >&2; exit 1; }
  check_tool_call "$port" "$session" "$TOOL" "$side"

  tools_call_load "$port" "$session" "$TOOL" "$WARMUP" >/dev/null
  wrk_out=$(tools_call_load "$port" "$session" "$TOOL" "$DURATION" --latency)
  echo "$wrk_out" >"$OUT/wrk-$pair-$side.txt"
  check_scrape "$port" "$side" "$TOOL"
  stop_server

  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$wrk_out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$wrk_out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$wrk_out")")
  check_wrk_report "$wrk_out" "$side"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pair" "$side" "$rps" "$p50" "$p99" "$ready_ms" "$started_s" \
    "$cpu_ms" "$main_cpu_ms" "$health_ms" >>"$OUT/runs.tsv"
  printf 'pair %s %s: %8.1f req/s  p50 %7.3f ms  p99 %7.3f ms  ready %5d ms  started in %s s\n' \
    "$pair" "$side" "$rps" "$p50" "$p99" "$ready_ms" "$started_s"
}


runs_header >"$OUT/runs.tsv"
if [ "$STARTUP_ONLY" = 1 ]; then
  echo "$(describe_sides); $PAIRS pairs, time to ready only"
else
  echo "$(describe_sides); $PAIRS pairs, wrk -t1 -c$CONNECTIONS, warm-up $WARMUP, measured $DURATION, tool $TOOL"
fi
for pair in $(seq 1 "$PAIRS"); do
  if [ $((pair % 2)) -eq 1 ]; then run_once "$pair" A; run_once "$pair" B; else run_once "$pair" B; run_once "$pair" A; fi
done

write_pairs "$OUT/runs.tsv" >"$OUT/pairs.tsv"
summary() { # column, label
  summarise "$OUT/pairs.tsv" "$1" "$2"
}
echo
if [ "$STARTUP_ONLY" != 1 ]; then
  summary 2 "throughput A/B (target >= 0.99):"
  summary 3 "p99 latency A/B (target <= 1.05):"
  summary 4 "p50 latency A/B:"
fi
summary 5 "time to ready A-B, ms (target <= 100):"
summary 6 "Spring 'Started in' A-B, s:"
summary 7 "JVM CPU time at ready A-B, ms:"
summary 8 "main thread CPU time at ready A-B, ms:"
summary 9 "first /actuator/health A-B, ms:"
echo "per run: $OUT/runs.tsv, per pair: $OUT/pairs.tsv"
