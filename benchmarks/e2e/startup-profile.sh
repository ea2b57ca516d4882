#!/usr/bin/env bash
# Where the sample's main thread spends its startup, per variant, from a JFR recording of each startup: AOP proxy
# creation (CGLIB class generation and pointcut matching), the starter's own code, and the rest
# (startup_profile.py says how samples are filed).
#
# The A/B scripts measure how much longer a startup takes; this says which code the difference is in. For each round
# and each variant: starts the sample with JFR recording from the first instruction (JFR's profile settings,
# execution samples every 2 ms), stops the recording when /actuator/health/readiness first answers 200, and stops
# the JVM. Startups run one at a time.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package):
#   benchmarks/e2e/startup-profile.sh
# Settings (environment; lib.sh lists those all scripts share): VARIANTS="starter noop-proxies off" ROUNDS=5
#   OUT=benchmarks/target/startup-profile
# Variants: starter, noop-proxies, off, starter-no-inflight and starter-lean (lib.sh, profile_variant). Every run
# starts through PropertiesLauncher with the no-op proxy jar on loader.path, so that all variants load the same classes.
# Output: $OUT/<variant>-<round>.jfr, the main thread's CPU time at ready next to it (.main-cpu-ms), the logs, and the
# table of main-thread samples on stdout.
set -euo pipefail

VARIANTS=${VARIANTS:-starter noop-proxies off}
ROUNDS=${ROUNDS:-5}
OUT=${OUT:-benchmarks/target/startup-profile}

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
trap stop_server EXIT INT TERM
require_prerequisites
mkdir -p "$OUT"
recordings=()

settings=$(jfr_settings "$OUT")

profile_once() { # variant, round
  local variant=$1 round=$2 port log recording ready_ms main_cpu_ms base_opts=$JAVA_OPTS
  profile_variant "$variant"
  port=$(free_port)
  log="$OUT/$variant-$round.log"
  recording="$(realpath "$OUT")/$variant-$round.jfr"
  JAVA_OPTS="$base_opts -XX:StartFlightRecording=name=startup,settings=$settings"
  start_sample A "$log" "$port" "$(now_ms)"
  JAVA_OPTS=$base_opts
  ready_ms=$READY_MS
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
python3 "$HERE/startup_profile.py" "${recordings[@]}"
