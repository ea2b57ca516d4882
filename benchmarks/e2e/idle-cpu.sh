#!/usr/bin/env bash
# CPU that the sample uses while idle, with and without the starter: the cost of the starter's scheduled work
# (alert evaluation, health snapshots), which a tools/call A/B spreads over the requests.
#
# Starts both sides at once, waits SETTLE after both are ready, then reads each JVM's CPU time (user + system, all
# threads, from /proc) over MEASURE.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package):
#   benchmarks/e2e/idle-cpu.sh
# Settings (environment): SETTLE=60 MEASURE=120 (seconds) JAR=sample-app/target/mcp-monitoring-sample-app.jar
#   JAVA_OPTS="-Xms512m -Xmx512m" A_VARIANT=starter B_VARIANT=off A_ARGS= B_ARGS= (see lib.sh)
set -euo pipefail

SETTLE=${SETTLE:-60}
MEASURE=${MEASURE:-120}
JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
OUT=${OUT:-benchmarks/target/idle-cpu}
HOST=127.0.0.1

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
require_variants
mkdir -p "$OUT"

declare -A pid port start
trap stop_servers EXIT INT TERM

for side in A B; do
  port[$side]=$(free_port)
  start[$side]=$(now_ms)
  launch_sample "$side" "$OUT/server-$side.log" --server.address=$HOST --server.port="${port[$side]}" \
    --spring.main.banner-mode=off
  pid[$side]=$LAUNCHED_PID
done
for side in A B; do
  wait_ready "${port[$side]}" "${pid[$side]}" "$OUT/server-$side.log" 120 "${start[$side]}"
done
sleep "$SETTLE"
read -r a0 _ < <(cpu_times "${pid[A]}")
read -r b0 _ < <(cpu_times "${pid[B]}")
sleep "$MEASURE"
read -r a1 _ < <(cpu_times "${pid[A]}")
read -r b1 _ < <(cpu_times "${pid[B]}")
echo "$(describe_sides); idle for ${MEASURE} s after ${SETTLE} s"
awk -v a=$((a1 - a0)) -v b=$((b1 - b0)) -v s="$MEASURE" 'BEGIN {
  printf "CPU while idle: A %d ms (%.2f ms/s), B %d ms (%.2f ms/s), A - B %.2f ms/s\n", a, a / s, b, b / s, (a - b) / s }'
