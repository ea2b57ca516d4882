#!/usr/bin/env bash
# Where the sample's main thread spends its startup, per variant, from a JFR recording of each startup: AOP proxy
# creation (CGLIB class generation and pointcut matching), the starter's own code, and the rest
# (cpu_share.py --startup says how samples are filed).
#
# The A/B scripts measure how much longer a startup takes; this says which code the difference is in. For each round
# and each variant: starts the sample with JFR recording from the first instruction (JFR's profile settings,
# execution samples every 2 ms), stops the recording when /actuator/health/readiness first answers 200, and stops
# the JVM. Startups run one at a time.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package):
#   benchmarks/e2e/startup-profile.sh
# Settings (environment): VARIANTS="starter noop-proxies off" ROUNDS=5 JAR=sample-app/target/mcp-monitoring-sample-app.jar
#   OUT=benchmarks/target/startup-profile JAVA_OPTS="-Xms512m -Xmx512m"
# Variants: starter, noop-proxies, off, starter-no-inflight and starter-lean (lib.sh, profile_variant). Every run
# starts through PropertiesLauncher with the no-op proxy jar on loader.path, so that all variants load the same classes.
# Output: $OUT/<variant>-<round>.jfr, the main thread's CPU time at ready next to it (.main-cpu-ms), the logs, and the
# table of main-thread samples on stdout.
set -euo pipefail

VARIANTS=${VARIANTS:-starter noop-proxies off}
ROUNDS=${ROUNDS:-5}
JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
OUT=${OUT:-benchmarks/target/startup-profile}
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

profile_once() { # variant, round
  local variant=$1 round=$2 port log recording start ready_ms main_cpu_ms base_opts=$JAVA_OPTS
  profile_variant "$variant"
  port=$(free_port)
  log="$OUT/$variant-$round.log"
  recording="$(realpath "$OUT")/$variant-$round.jfr"
  JAVA_OPTS="$base_opts -XX:StartFlightRecording=name=startup,settings=$settings"
  start=$(now_ms)
  launch_sample A "$log" --server.address=$HOST --server.port="$port" --spring.main.banner-mode=off
  JAVA_OPTS=$base_opts
  server_pid=$LAUNCHED_PID
  wait_ready "$port" "$server_pid" "$log" "$READY_TIMEOUT_S" "$start"
  ready_ms=$(( $(now_ms) - start ))
  read -r _ main_cpu_ms < <(cpu_times "$server_pid")
  jcmd "$server_pid" JFR.stop name=startup filename="$recording" >/dev/null
  stop_server
  echo "$main_cpu_ms" >"${recording%.jfr}.main-cpu-ms"
  printf '%s round %s: ready in %d ms, main thread CPU %d ms, %s\n' "$variant" "$round" "$ready_ms" "$main_cpu_ms" \
    "$recording"
  recordings+=("$recording")
}

echo "variants: $VARIANTS; $ROUNDS rounds"
for round in $(seq 1 "$ROUNDS"); do
  for variant in $VARIANTS; do profile_once "$variant" "$round"; done
done
echo
python3 "$HERE/cpu_share.py" --startup "${recordings[@]}"
