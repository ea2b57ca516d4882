#!/usr/bin/env bash
# End-to-end A/B of tools/call throughput with both sides up at once, loaded in turns.
#
#   A: the sample jar as built (the starter active)
#   B: the same jar with --mcp.monitoring.enabled=false
#   (A_VARIANT and B_VARIANT change what each side runs: starter, off or noop-proxies, see lib.sh)
#
# ab.sh runs one JVM after the other, so each pair also compares two moments of a shared virtual machine whose speed
# drifts by several per cent within minutes. Here each pair starts A and B together, opens an MCP session on each and
# warms each up with wrk, then loads them in turns (ROUNDS rounds of one WINDOW on each, alternating which goes first)
# while the other idles. Each window gives the side's throughput and the CPU time its JVM used per request (from
# /proc, all threads): the work the side does per call, which moves less than throughput with the machine's speed.
# A pair's ratio is the A/B ratio of the medians of its windows. Windows of one JVM agree within a few per cent;
# pairs differ more (measured: 0.93 to 1.04 on one configuration), as the JIT does not compile the same code twice,
# so read the median of many pairs, not one.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk: apt-get install -y wrk):
#   benchmarks/e2e/ab-interleaved.sh
# Settings (environment; lib.sh lists those all scripts share): PAIRS=6 WARMUP=45s WINDOW=10s ROUNDS=4
#   CONNECTIONS=8 OUT=benchmarks/target/e2e-interleaved
# Output: one line per window in $OUT/windows.tsv, one per pair in $OUT/pairs.tsv, the logs of each JVM, and a
# summary of the A/B ratios on stdout.
set -euo pipefail

PAIRS=${PAIRS:-6}
WARMUP=${WARMUP:-45s}
WINDOW=${WINDOW:-10s}
ROUNDS=${ROUNDS:-4}
CONNECTIONS=${CONNECTIONS:-8}
OUT=${OUT:-benchmarks/target/e2e-interleaved}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-180}

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
require_prerequisites
require_variants
mkdir -p "$OUT"

declare -A pid port session
trap stop_servers EXIT INT TERM

start_pair() { # pair
  local side start
  start=$(now_ms)
  for side in A B; do
    port[$side]=$(free_port)
    launch_sample "$side" "$OUT/run-$1-$side.log" --server.address=$HOST --server.port="${port[$side]}" \
      --spring.main.banner-mode=off
    pid[$side]=$LAUNCHED_PID
  done
  for side in A B; do
    wait_ready "${port[$side]}" "${pid[$side]}" "$OUT/run-$1-$side.log" "$READY_TIMEOUT_S" "$start"
    session[$side]=$(open_session "${port[$side]}" ab-interleaved) \
      || { echo "no Mcp-Session-Id from initialize ($side), see $OUT/run-$1-$side.log" >&2; exit 1; }
    check_tool_call "${port[$side]}" "${session[$side]}" "$TOOL" "$side"
  done
}

window() { # pair, round, side; appends a line to windows.tsv
  local pair=$1 round=$2 side=$3 before after wrk_out requests rps p99
  read -r before _ < <(cpu_times "${pid[$side]}")
  wrk_out=$(tools_call_load "${port[$side]}" "${session[$side]}" "$TOOL" "$WINDOW" --latency)
  read -r after _ < <(cpu_times "${pid[$side]}")
  check_wrk_report "$wrk_out" "$side"
  requests=$(awk '/ requests in / {print $1}' <<<"$wrk_out")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$wrk_out")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$wrk_out")")
  awk -v OFS='\t' -v pair="$pair" -v round="$round" -v side="$side" -v rps="$rps" -v p99="$p99" \
    -v cpu_ms="$(( after - before ))" -v requests="$requests" \
    'BEGIN { print pair, round, side, rps, sprintf("%.2f", cpu_ms * 1000 / requests), p99 }' >>"$OUT/windows.tsv"
}

run_pair() { # pair
  local pair=$1 round side
  start_pair "$pair"
  for side in A B; do tools_call_load "${port[$side]}" "${session[$side]}" "$TOOL" "$WARMUP" >/dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    if [ $(( (pair + round) % 2 )) -eq 0 ]; then window "$pair" "$round" A; window "$pair" "$round" B
    else window "$pair" "$round" B; window "$pair" "$round" A; fi
  done
  for side in A B; do check_scrape "${port[$side]}" "$side" "$TOOL"; done
  stop_servers
  python3 - "$OUT/windows.tsv" "$pair" <<'EOF' | tee -a "$OUT/pairs.tsv"
import statistics, sys
rows = [line.rstrip('\n').split('\t') for line in open(sys.argv[1])]
def median(side, column):
    return statistics.median(float(r[column]) for r in rows if r[0] == sys.argv[2] and r[2] == side)
print('\t'.join([sys.argv[2]] + [f"{median('A', c) / median('B', c):.4f}" for c in (3, 4, 5)]
                + [f"{median(s, c):.2f}" for s in 'AB' for c in (3, 4)]))
EOF
}

: >"$OUT/windows.tsv"
: >"$OUT/pairs.tsv"
echo "$(describe_sides); $PAIRS pairs up together, wrk -t1 -c$CONNECTIONS, warm-up $WARMUP each, then $ROUNDS rounds" \
  "of $WINDOW on each side in turn, tool $TOOL"
echo "per pair: pair, A/B of throughput, of CPU per request, of p99; then A's and B's req/s and CPU us per request"
for pair in $(seq 1 "$PAIRS"); do run_pair "$pair"; done

echo
summarise "$OUT/pairs.tsv" 2 "throughput A/B (target >= 0.99):"
summarise "$OUT/pairs.tsv" 3 "JVM CPU per request A/B:"
summarise "$OUT/pairs.tsv" 4 "p99 latency A/B (target <= 1.05):"
echo "per window: $OUT/windows.tsv (pair, round, side, req/s, JVM CPU us per request, p99 ms), per pair: $OUT/pairs.tsv"
