#!/usr/bin/env bash
# Startup A/B of the sample with both sides launched at the same moment, so that they share the machine's speed.
#
#   A: the sample jar as built (the starter active)
#   B: the same jar with --mcp.monitoring.enabled=false
#   (A_VARIANT and B_VARIANT change what each side runs: starter, off or noop-proxies, see lib.sh)
#
# ab.sh starts one JVM after the other; on a shared virtual machine whose speed drifts, two startups a few seconds
# apart differ by a second or more, and tens of pairs cannot place a 100 ms difference. Here each pair launches A
# and B together (alternating which is launched first) and records, for each, its time to ready (first 200 from
# /actuator/health/readiness) and the CPU time its JVM and its main thread had used by then. The two compete for
# the same cores, so each starts about twice as slowly as alone: read the CPU times (the work the starter adds) more
# than the times to ready (which the side that is ready first shortens for the other).
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package):
#   benchmarks/e2e/startup-together.sh
# Settings (environment; lib.sh lists those all scripts share): PAIRS=30
#   OUT=benchmarks/target/startup-together A_VARIANT=starter B_VARIANT=off A_ARGS= B_ARGS=
# Output: one line per run in $OUT/runs.tsv, the logs of each run, and a summary of the A-B differences on stdout.
set -euo pipefail

PAIRS=${PAIRS:-30}
OUT=${OUT:-benchmarks/target/startup-together}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-180}

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
require_prerequisites
require_variants
mkdir -p "$OUT"

declare -A pid port ready_ms cpu_ms main_cpu_ms
trap stop_servers EXIT INT TERM

launch() { # pair, side
  port[$2]=$(free_port)
  launch_sample "$2" "$OUT/run-$1-$2.log" --server.address=$HOST --server.port="${port[$2]}" \
    --spring.main.banner-mode=off
  pid[$2]=$LAUNCHED_PID
}

run_pair() { # pair, first side, second side
  local pair=$1 side start
  ready_ms=() cpu_ms=() main_cpu_ms=()
  start=$(now_ms)
  launch "$pair" "$2"
  launch "$pair" "$3"
  until [ -n "${ready_ms[A]:-}" ] && [ -n "${ready_ms[B]:-}" ]; do
    for side in A B; do
      [ -n "${ready_ms[$side]:-}" ] && continue
      kill -0 "${pid[$side]}" 2>/dev/null || { echo "server $side died, see $OUT/run-$pair-$side.log" >&2; exit 1; }
      if curl -sf -o /dev/null --max-time 1 "http://$HOST:${port[$side]}/actuator/health/readiness"; then
        ready_ms[$side]=$(( $(now_ms) - start ))
        read -r "cpu_ms[$side]" "main_cpu_ms[$side]" < <(cpu_times "${pid[$side]}")
      fi
    done
    if [ $(( $(now_ms) - start )) -gt $(( READY_TIMEOUT_S * 1000 )) ]; then
      echo "not ready after ${READY_TIMEOUT_S}s, see $OUT/run-$pair-*.log" >&2; exit 1
    fi
    sleep 0.05
  done
  stop_servers
  for side in A B; do
    printf '%s\t%s\t\t\t\t%s\t%s\t%s\t%s\t\n' "$pair" "$side" "${ready_ms[$side]}" \
      "$(started_seconds "$OUT/run-$pair-$side.log")" \
      "${cpu_ms[$side]}" "${main_cpu_ms[$side]}" >>"$OUT/runs.tsv"
  done
  printf 'pair %s (%s first): ready A %5d B %5d ms  cpu A %5d B %5d ms  main thread cpu A %5d B %5d ms\n' "$pair" "$2" \
    "${ready_ms[A]}" "${ready_ms[B]}" "${cpu_ms[A]}" "${cpu_ms[B]}" "${main_cpu_ms[A]}" "${main_cpu_ms[B]}"
}

runs_header >"$OUT/runs.tsv"
echo "$(describe_sides); $PAIRS pairs, both sides launched together"
for pair in $(seq 1 "$PAIRS"); do
  if [ $((pair % 2)) -eq 1 ]; then run_pair "$pair" A B; else run_pair "$pair" B A; fi
done

write_pairs "$OUT/runs.tsv" >"$OUT/pairs.tsv"
echo
summarise "$OUT/pairs.tsv" 5 "time to ready A-B, ms:"
summarise "$OUT/pairs.tsv" 6 "Spring 'Started in' A-B, s:"
summarise "$OUT/pairs.tsv" 7 "JVM CPU time at ready A-B, ms:"
summarise "$OUT/pairs.tsv" 8 "main thread CPU time at ready A-B, ms:"
echo "per run: $OUT/runs.tsv, per pair: $OUT/pairs.tsv"
