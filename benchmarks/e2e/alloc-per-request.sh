#!/usr/bin/env bash
# Heap allocated per tools/call request, with and without the starter: the part of a request's cost that JFR's
# execution samples do not show (the GC work it causes runs on other threads, later).
#
# Per round, starts the two sides one after the other; each is warmed up with wrk, then loaded for MEASURE while
# Micrometer's own JVM counter jvm_gc_memory_allocated_bytes_total (bytes allocated in the young generation, brought
# up to date at each GC) is read from /actuator/prometheus before and after. The counter moves only at a GC, so the
# figure is exact to one young generation's size over the GCs of the measurement (tens of them here).
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk):
#   benchmarks/e2e/alloc-per-request.sh
# Settings (environment): ROUNDS=3 WARMUP=30s MEASURE=30s CONNECTIONS=8 TOOL=get_session_info
#   JAR=sample-app/target/mcp-monitoring-sample-app.jar JAVA_OPTS="-Xms512m -Xmx512m" A_VARIANT=starter
#   B_VARIANT=off A_ARGS= B_ARGS= (see lib.sh)
# Output: one line per side and round on stdout: requests, bytes allocated, bytes per request.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30s}
MEASURE=${MEASURE:-30s}
CONNECTIONS=${CONNECTIONS:-8}
TOOL=${TOOL:-get_session_info}
JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
OUT=${OUT:-benchmarks/target/alloc-per-request}
HERE=$(cd "$(dirname "$0")" && pwd)
HOST=127.0.0.1

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
require_prerequisites
require_variants
mkdir -p "$OUT"
trap stop_server EXIT INT TERM

allocated_bytes() { # port
  curl -sf "http://$HOST:$1/actuator/prometheus" | awk '/^jvm_gc_memory_allocated_bytes_total/ {print $2}'
}

load() { # port, session, duration; prints the number of requests wrk completed
  local out
  out=$(MCP_SESSION_ID=$2 MCP_TOOL=$TOOL wrk -t1 -c"$CONNECTIONS" -d"$3" -s "$HERE/tools-call.lua" "http://$HOST:$1/mcp")
  if grep -q 'Non-2xx or 3xx responses\|Socket errors' <<<"$out"; then echo "wrk saw errors: $out" >&2; exit 1; fi
  awk '/requests in/ {print $1}' <<<"$out"
}

echo "$(describe_sides); wrk -t1 -c$CONNECTIONS, tool $TOOL, $WARMUP warm-up, $MEASURE measured"
printf 'round\tside\trequests\tallocated_bytes\tbytes_per_request\n'
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    port=$(free_port)
    start=$(now_ms)
    launch_sample "$side" "$OUT/server-$side-$round.log" --server.address=$HOST --server.port="$port" \
      --spring.main.banner-mode=off
    server_pid=$LAUNCHED_PID
    wait_ready "$port" "$server_pid" "$OUT/server-$side-$round.log" 120 "$start"
    session=$(open_session "$port" alloc-per-request) || { echo "no Mcp-Session-Id ($side)" >&2; exit 1; }
    check_tool_call "$port" "$session" "$TOOL" "$side"
    load "$port" "$session" "$WARMUP" >/dev/null
    before=$(allocated_bytes "$port")
    requests=$(load "$port" "$session" "$MEASURE")
    after=$(allocated_bytes "$port")
    awk -v r="$round" -v s="$side" -v n="$requests" -v a="$before" -v b="$after" \
      'BEGIN { printf "%s\t%s\t%d\t%.0f\t%.0f\n", r, s, n, b - a, (b - a) / n }'
    stop_server
  done
done
