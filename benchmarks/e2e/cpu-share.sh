#!/usr/bin/env bash
# Where the sample's CPU goes under tools/call load: the share of the server's Java execution samples spent in the
# starter's code and in AOP proxies, per variant, from a JFR recording (cpu_share.py says how samples are filed).
#
# A/B throughput on this 2-core machine has a run-to-run spread of several per cent, too wide to see a cost of one per
# cent; the share of execution samples is a finer instrument, and it also says which code the cost is in.
#
# For each round and each variant: starts the sample on a free loopback port, opens an MCP session, warms up with wrk,
# then records JFR (JFR's profile settings, execution samples every 2 ms) for the measured duration of load, and stops.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk: apt-get install -y wrk):
#   benchmarks/e2e/cpu-share.sh
# Settings (environment): VARIANTS="starter noop-proxies off" ROUNDS=1 WARMUP=40s DURATION=60s CONNECTIONS=4
#   TOOL=get_session_info JAR=sample-app/target/mcp-monitoring-sample-app.jar OUT=benchmarks/target/cpu-share
#   JAVA_OPTS="-Xms512m -Xmx512m"
# Variants: starter, noop-proxies, off, starter-no-inflight and starter-lean (lib.sh, profile_variant). Every run
# starts through PropertiesLauncher with the no-op proxy jar on loader.path, so that all variants load the same classes.
# Output: $OUT/<variant>-<round>.jfr, the logs, the server's CPU time per request while recorded (all threads, from
# /proc), and the table of shares on stdout.
set -euo pipefail

VARIANTS=${VARIANTS:-starter noop-proxies off}
ROUNDS=${ROUNDS:-1}
WARMUP=${WARMUP:-40s}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-4}
TOOL=${TOOL:-get_session_info}
JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
OUT=${OUT:-benchmarks/target/cpu-share}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-90}
HERE=$(cd "$(dirname "$0")" && pwd)
HOST=127.0.0.1

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
trap stop_server EXIT INT TERM
require_prerequisites
mkdir -p "$OUT"
recordings=()

settings=$(jfr_settings "$OUT")

record_once() { # variant, round
  local variant=$1 round=$2 port log session recording cpu_before cpu_after requests
  profile_variant "$variant"
  port=$(free_port)
  log="$OUT/$variant-$round.log"
  recording="$OUT/$variant-$round.jfr"
  launch_sample A "$log" --server.address=$HOST --server.port="$port" --spring.main.banner-mode=off
  server_pid=$LAUNCHED_PID
  wait_ready "$port" "$server_pid" "$log" "$READY_TIMEOUT_S" "$(now_ms)"
  session=$(open_session "$port" cpu-share) || { echo "no Mcp-Session-Id from initialize ($variant), see $log" >&2; exit 1; }
  check_tool_call "$port" "$session" "$TOOL" "$variant"
  MCP_SESSION_ID=$session MCP_TOOL=$TOOL wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/tools-call.lua" \
    "http://$HOST:$port/mcp" >/dev/null
  jcmd "$server_pid" JFR.start name=load settings="$settings" >/dev/null
  read -r cpu_before _ < <(cpu_times "$server_pid")
  MCP_SESSION_ID=$session MCP_TOOL=$TOOL wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/tools-call.lua" \
    "http://$HOST:$port/mcp" >"$OUT/wrk-$variant-$round.txt"
  read -r cpu_after _ < <(cpu_times "$server_pid")
  jcmd "$server_pid" JFR.stop name=load filename="$(realpath "$recording")" >/dev/null
  check_scrape "$port" A "$TOOL"
  stop_server
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$variant-$round.txt")
  printf '%s round %s: %s req/s, %s us of server CPU per request, %s\n' "$variant" "$round" \
    "$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-$variant-$round.txt")" \
    "$(( (cpu_after - cpu_before) * 1000 / requests ))" "$recording"
  recordings+=("$recording")
}

echo "variants: $VARIANTS; $ROUNDS rounds, wrk -t1 -c$CONNECTIONS," \
  "warm-up $WARMUP, recorded $DURATION, tool $TOOL"
for round in $(seq 1 "$ROUNDS"); do
  for variant in $VARIANTS; do record_once "$variant" "$round"; done
done
echo
python3 "$HERE/cpu_share.py" "${recordings[@]}"
