#!/usr/bin/env bash
# Where the sample's CPU time goes until it is ready, per thread and per variant; optionally, what the JIT compiled.
#
# On a machine whose cores are all busy while the application starts (two cores here: the main thread and the JIT
# compilers), time to ready follows the CPU time of the whole JVM, not only of the main thread; this says which
# threads carry a difference. For each round and each variant: starts the sample, waits for the first 200 from
# /actuator/health/readiness, reads every live thread's CPU time from /proc (threads that have ended by then are
# counted together, from the process's total), and stops the JVM. Startups run one at a time.
#
# With COMPILATIONS=1 each startup also records JFR's compilation and deoptimization events (every compilation,
# without threshold) until ready, and the table adds the JIT's time per compiler and the compiled methods whose time
# differs most between the first two variants. The recording costs some CPU of its own: compare within one run.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package):
#   benchmarks/e2e/startup-cpu.sh
# Settings (environment; lib.sh lists those all scripts share): VARIANTS="starter off" ROUNDS=8 COMPILATIONS=0
#   OUT=benchmarks/target/startup-cpu
# Variants: as startup-profile.sh (lib.sh, profile_variant).
# Output: $OUT/<variant>-<round>.threads (thread name, CPU ms), .total, .ready, .jfr with COMPILATIONS=1, the logs,
# and the tables on stdout (startup_cpu.py).
set -euo pipefail

VARIANTS=${VARIANTS:-starter off}
ROUNDS=${ROUNDS:-8}
COMPILATIONS=${COMPILATIONS:-0}
OUT=${OUT:-benchmarks/target/startup-cpu}

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
trap stop_server EXIT INT TERM
require_prerequisites
mkdir -p "$OUT"

settings=""
if [ "$COMPILATIONS" = 1 ]; then settings=$(jfr_compilation_settings "$OUT"); fi

measure_once() { # variant, round
  local variant=$1 round=$2 port log base="$OUT/$1-$2" ready_ms total_ms main_ms base_opts=$JAVA_OPTS
  profile_variant "$variant"
  port=$(free_port)
  log="$base.log"
  if [ -n "$settings" ]; then
    JAVA_OPTS="$base_opts -XX:StartFlightRecording=name=startup,settings=$settings"
  fi
  start_sample A "$log" "$port" "$(now_ms)"
  JAVA_OPTS=$base_opts
  ready_ms=$READY_MS
  read -r total_ms main_ms < <(cpu_times "$server_pid")
  thread_cpu_times "$server_pid" >"$base.threads"
  echo "$total_ms" >"$base.total"
  echo "$ready_ms" >"$base.ready"
  if [ -n "$settings" ]; then
    jcmd "$server_pid" JFR.stop name=startup filename="$(realpath "$OUT")/$variant-$round.jfr" >/dev/null
  fi
  stop_server
  printf '%s round %s: ready in %d ms, JVM CPU %d ms, main thread CPU %d ms\n' "$variant" "$round" "$ready_ms" \
    "$total_ms" "$main_ms"
}

echo "variants: $VARIANTS; $ROUNDS rounds; compilations recorded: $([ -n "$settings" ] && echo yes || echo no)"
for round in $(seq 1 "$ROUNDS"); do
  for variant in $VARIANTS; do measure_once "$variant" "$round"; done
done
echo
# shellcheck disable=SC2086
python3 "$HERE/startup_cpu.py" "$OUT" $VARIANTS
