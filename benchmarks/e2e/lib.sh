# Settings and helpers shared by the end-to-end benchmark scripts; sourced, not run. The scripts run from the
# repository root after ./mvnw -B -q -DskipTests package, and print their settings and outputs at their top.
#
# Settings every script reads (environment): JAR=sample-app/target/mcp-monitoring-sample-app.jar (the sample on
#   Boot 4.1; sample-app-boot3/target/mcp-monitoring-sample-app-boot3.jar for Boot 3.5)
#   JAVA_OPTS="-Xms512m -Xmx512m" TOOL=get_session_info READY_TIMEOUT_S=90 (a script may set other defaults first),
#   A_VARIANT, B_VARIANT, A_ARGS, B_ARGS (what each side runs, below), A_JAR and B_JAR (a side's own build of the
#   sample, to compare two versions of the code; both default to JAR).
JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
# The jars of benchmark classes the scripts add to the sample, built for the sample's Spring generation: those of
# benchmarks-boot4 for the Boot 4.1 sample, those of benchmarks for a sample whose jar is named *boot3*.
case $JAR in
  *boot3*) BENCHMARK_JARS=${BENCHMARK_JARS:-benchmarks/target/mcp-monitoring-benchmarks} ;;
  *) BENCHMARK_JARS=${BENCHMARK_JARS:-benchmarks-boot4/target/mcp-monitoring-benchmarks-boot4} ;;
esac
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
TOOL=${TOOL:-get_session_info}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-90}
HOST=127.0.0.1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A random port that nothing listens on (bash's /dev/tcp, so no extra tool is needed), below the kernel's range of
# ephemeral ports, so that no port the OS hands out (the sample's demo backend takes one as it starts) can be it.
free_port() {
  local port low
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  [ "$low" -gt 11000 ] || low=60000 # (no room below that range: any high port)
  while :; do
    port=$(( 10000 + RANDOM % (low - 10000) ))
    if ! (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

now_ms() { date +%s%3N; }

# The one server of a script that runs one at a time (ab.sh, same-jvm.sh, startup-profile.sh, startup-cpu.sh,
# health-under-fault.sh): its pid, and how to stop it (SIGTERM, then SIGKILL after 10 s).
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# The two servers of a script that runs both sides at once (startup-together.sh):
# their pids in the caller's associative array pid, by side, and how to stop them all.
stop_servers() {
  local side
  for side in "${!pid[@]}"; do kill "${pid[$side]}" 2>/dev/null || true; done
  for side in "${!pid[@]}"; do wait "${pid[$side]}" 2>/dev/null || true; done
  pid=()
}

# Prints the directory of the JDK's JFR settings files. Exits with 2 unless jcmd is there to start recordings.
jdk_jfr_settings_dir() {
  command -v jcmd >/dev/null || { echo "jcmd is missing: it comes with the JDK" >&2; exit 2; }
  echo "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')/lib/jfr"
}

# Writes JFR's profile settings with execution samples every 2 ms instead of 10 into a directory and prints the
# file's path (JDK 17's jcmd takes no per-event options).
jfr_settings() { # directory
  local jdk_settings settings
  jdk_settings=$(jdk_jfr_settings_dir)
  settings="$(realpath "$1")/profile-2ms.jfc"
  sed '/"jdk.ExecutionSample"/,/<\/event>/ s/>10 ms</>2 ms</' "$jdk_settings/profile.jfc" >"$settings"
  grep -q '>2 ms<' "$settings" || { echo "could not set the sampling period in $settings" >&2; exit 2; }
  echo "$settings"
}

# Writes JFR's default settings with every compilation recorded (no threshold) and deoptimizations with their stack
# into a directory and prints the file's path.
jfr_compilation_settings() { # directory
  local jdk_settings settings
  jdk_settings=$(jdk_jfr_settings_dir)
  settings="$(realpath "$1")/compilations.jfc"
  sed -e '/"jdk.Compilation"/,/<\/event>/ s/control="compiler-compilation-threshold">[^<]*</control="compiler-compilation-threshold">0 ms</' \
    -e '/"jdk.Deoptimization"/,/<\/event>/ s/"stackTrace">false</"stackTrace">true</' \
    "$jdk_settings/default.jfc" >"$settings"
  grep -q 'compiler-compilation-threshold">0 ms<' "$settings" \
    || { echo "could not set the compilation threshold in $settings" >&2; exit 2; }
  echo "$settings"
}

# wrk latency value (e.g. 812.00us, 1.23ms, 2.01s, 1.02m) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.4f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.4f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.4f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.4f", v * 1000 }
    else { printf "nan" } }'
}

# CPU time (user + system, ms) a JVM has used so far, in total and on its main thread (the thread the launcher
# starts main() on: named "java", not the process's first thread).
cpu_times() {
  local pid=$1 tick total main=0 task
  tick=$(getconf CLK_TCK)
  total=$(awk -v t="$tick" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$pid/stat")
  for task in /proc/"$pid"/task/*; do
    if [ "${task##*/}" != "$pid" ] && [ "$(cat "$task/comm" 2>/dev/null)" = java ]; then
      main=$(awk -v t="$tick" '{ printf "%d", ($14 + $15) * 1000 / t }' "$task/stat" 2>/dev/null || echo 0)
    fi
  done
  echo "$total $main"
}

# Every live thread of a JVM with its CPU time (user + system, ms), one per line: name, tab, milliseconds.
thread_cpu_times() { # pid
  local pid=$1 tick task
  tick=$(getconf CLK_TCK)
  for task in /proc/"$pid"/task/*; do
    awk -v t="$tick" -v name="$(cat "$task/comm" 2>/dev/null)" '{ printf "%s\t%d\n", name, ($14 + $15) * 1000 / t }' \
      "$task/stat" 2>/dev/null || true
  done
}

# Exits with 2 unless wrk, python3 and the sample jar ($JAR) are there.
require_prerequisites() {
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
  command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }
  local jar
  for jar in "$JAR" "${A_JAR:-$JAR}" "${B_JAR:-$JAR}"; do
    [ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
  done
}

# Waits until the server answers 200 on /actuator/health/readiness; exits if it dies or takes longer than the timeout.
wait_ready() { # port, pid, log, timeout in seconds, start time (now_ms)
  local port=$1 pid=$2 log=$3 timeout_s=$4 start=$5
  until curl -sf -o /dev/null --max-time 1 "http://$HOST:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died, see $log" >&2; exit 1; }
    if [ $(( $(now_ms) - start )) -gt $(( timeout_s * 1000 )) ]; then
      echo "server not ready after ${timeout_s}s, see $log" >&2; exit 1
    fi
    sleep 0.05
  done
}

# One JSON-RPC POST to the sample's streamable HTTP endpoint; prints the response headers and body.
mcp_post() { # port, session id or "", body, max time in seconds (default 10)
  local port=$1 session=$2 body=$3 max=${4:-10}
  curl -sS -i --max-time "$max" -X POST "http://$HOST:$port/mcp" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${session:+-H "Mcp-Session-Id: $session"} -d "$body"
}

# Opens an MCP session (initialize, then notifications/initialized); prints its id, or returns 1 without one.
open_session() { # port, client name
  local port=$1 client=$2 session
  session=$(mcp_post "$port" "" "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"$client\",\"version\":\"1\"}}}" \
    | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: *//p')
  [ -n "$session" ] || return 1
  mcp_post "$port" "$session" '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null
  echo "$session"
}

# Exits unless one tools/call of the tool on the session returns a result that is not an error.
check_tool_call() { # port, session, tool, label
  local reply
  reply=$(mcp_post "$1" "$2" "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"$3\",\"arguments\":{}}}")
  if ! grep -q '"result"' <<<"$reply" || grep -q '"isError":true' <<<"$reply"; then
    echo "tools/call $3 failed ($4): $reply" >&2; exit 1
  fi
}

# What runs on each side: "starter" (the sample as built), "off" (--mcp.monitoring.enabled=false) or "noop-proxies"
# (the starter off, and a Spring AOP advisor that only proceeds on the methods the starter would proxy: the floor of
# any AOP interceptor, io.github.mcpmonitoring.benchmarks.floor.NoopProxyFloor). When a side runs noop-proxies, both
# sides start through Spring Boot's PropertiesLauncher with its jar on loader.path, so that they load the same classes.
A_VARIANT=${A_VARIANT:-starter}
B_VARIANT=${B_VARIANT:-off}
A_ARGS=${A_ARGS:-}
B_ARGS=${B_ARGS:-}
NOOP_PROXIES_JAR=${NOOP_PROXIES_JAR:-$BENCHMARK_JARS-noop-proxies.jar}
# SAME_JVM=true (same-jvm.sh sets it): one JVM of A_VARIANT serves both sides. Side A
# calls the tool, side B its unmonitored twin, <tool>_unmonitored: the same tool code through none of the starter's
# code, added by io.github.mcpmonitoring.benchmarks.twin.UnmonitoredToolTwin from the jar TWIN_JAR.
SAME_JVM=${SAME_JVM:-false}
TWIN_JAR=${TWIN_JAR:-$BENCHMARK_JARS-twin.jar}

# The sample jar a side runs: A_JAR or B_JAR when set (two builds of the sample, to compare code), else JAR.
jar_of() { if [ "$1" = A ]; then echo "${A_JAR:-$JAR}"; else echo "${B_JAR:-$JAR}"; fi; }

variant_of() { if [ "$1" = A ]; then echo "$A_VARIANT"; else echo "$B_VARIANT"; fi; }

uses_noop_proxies() { [ "$A_VARIANT" = noop-proxies ] || [ "$B_VARIANT" = noop-proxies ]; }

# Exits with 2 unless both variants are known and what they need is there.
require_variants() {
  local side
  for side in A B; do
    case $(variant_of "$side") in
      starter | off | noop-proxies) ;;
      *) echo "unknown variant '$(variant_of "$side")' for side $side: starter, off or noop-proxies" >&2; exit 2 ;;
    esac
  done
  if uses_noop_proxies && [ ! -f "$NOOP_PROXIES_JAR" ]; then
    echo "$NOOP_PROXIES_JAR is missing: ./mvnw -B -q -DskipTests package" >&2; exit 2
  fi
  case $SAME_JVM in
    true) [ -f "$TWIN_JAR" ] || { echo "$TWIN_JAR is missing: ./mvnw -B -q -DskipTests package" >&2; exit 2; } ;;
    false) ;;
    *) echo "SAME_JVM must be true or false, not '$SAME_JVM'" >&2; exit 2 ;;
  esac
}

# Sets side A to run a variant of the profiling scripts (startup-profile.sh, startup-cpu.sh): those above, or the
# starter with features turned off:
# starter-no-inflight (its in-flight meter denied) and starter-lean (that, and mcp.monitoring.tools.exception-types
# off, so that only beans with @MonitoredTool or @MonitoredApiCall methods are proxied). B_VARIANT=noop-proxies only
# makes launch_sample put the no-op proxy jar on the class path, so that every variant loads the same classes.
profile_variant() { # variant
  A_VARIANT=$1 B_VARIANT=noop-proxies A_ARGS=""
  case $1 in
    starter-no-inflight) A_VARIANT=starter A_ARGS=--management.metrics.enable.mcp.server.operation.active=false ;;
    starter-lean) A_VARIANT=starter
      A_ARGS="--management.metrics.enable.mcp.server.operation.active=false --mcp.monitoring.tools.exception-types=false" ;;
  esac
  require_variants
}

describe_variant() { # side
  case $(variant_of "$1") in
    starter) echo "starter active" ;;
    off) echo "--mcp.monitoring.enabled=false" ;;
    noop-proxies) echo "starter off, no-op AOP proxies on the same methods" ;;
  esac
}

describe_sides() {
  if [ "$SAME_JVM" = true ]; then
    echo "one JVM, $(describe_variant A)${A_ARGS:+ $A_ARGS}: A calls the tool, B its unmonitored twin"
  else
    echo "A = $(describe_variant A)${A_ARGS:+ $A_ARGS}${A_JAR:+ ($A_JAR)}, B = $(describe_variant B)${B_ARGS:+ $B_ARGS}${B_JAR:+ ($B_JAR)}"
  fi
}

# Starts the sample in the background for a side, output to a log; sets LAUNCHED_PID.
launch_sample() { # side, log, arguments...
  local side=$1 log=$2 extra=() loader_path=() sources=() jar
  shift 2
  jar=$(jar_of "$side")
  # The scripts reach /mcp and the actuator on one port: the port they give with --server.port.
  local args=("$@" --management.server.port=)
  case $(variant_of "$side") in
    off) args+=(--mcp.monitoring.enabled=false) ;;
    noop-proxies) args+=(--mcp.monitoring.enabled=false)
      sources+=(io.github.mcpmonitoring.benchmarks.floor.NoopProxyFloor) ;;
  esac
  if uses_noop_proxies; then loader_path+=("$NOOP_PROXIES_JAR"); fi
  if [ "$SAME_JVM" = true ]; then
    loader_path+=("$TWIN_JAR")
    sources+=(io.github.mcpmonitoring.benchmarks.twin.UnmonitoredToolTwin)
  fi
  if [ ${#sources[@]} -gt 0 ]; then args+=("--spring.main.sources=$(IFS=,; echo "${sources[*]}")"); fi
  if [ "$side" = A ]; then read -ra extra <<<"$A_ARGS"; else read -ra extra <<<"$B_ARGS"; fi
  args+=("${extra[@]}")
  if [ ${#loader_path[@]} -gt 0 ]; then
    # shellcheck disable=SC2086
    java $JAVA_OPTS -Dloader.path="$(IFS=,; echo "${loader_path[*]}")" -cp "$jar" \
      org.springframework.boot.loader.launch.PropertiesLauncher "${args[@]}" >"$log" 2>&1 &
  else
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$jar" "${args[@]}" >"$log" 2>&1 &
  fi
  LAUNCHED_PID=$!
}

# Exits unless a side's scrape has the starter's metrics of the tool exactly when the starter is active on it.
check_scrape() { # port, side, tool
  local scrape
  # Read whole before grep: with pipefail, grep -q ending a pipe early would fail curl's write.
  scrape=$(curl -sf "http://$HOST:$1/actuator/prometheus") || { echo "$2: /actuator/prometheus did not answer" >&2; exit 1; }
  if [ "$(variant_of "$2")" = starter ]; then
    grep -q "gen_ai_tool_name=\"$3\"" <<<"$scrape" || { echo "$2: no mcp metrics for $3 on /actuator/prometheus" >&2; exit 1; }
  elif grep -q '^mcp_server_operation' <<<"$scrape"; then
    echo "$2: mcp metrics on /actuator/prometheus although the starter is disabled" >&2; exit 1
  fi
}

# Exits if the starter recorded the unmonitored twin of a tool (SAME_JVM=true): it must run none of its code.
check_twin_unmeasured() { # port, twin's name
  local scrape
  scrape=$(curl -sf "http://$HOST:$1/actuator/prometheus") || { echo "/actuator/prometheus did not answer" >&2; exit 1; }
  if grep -q "gen_ai_tool_name=\"$2\"" <<<"$scrape"; then
    echo "the starter measured the unmonitored twin $2" >&2; exit 1
  fi
}

# Per pair of a runs.tsv (pair, side, rps, p50_ms, p99_ms, ready_ms, started_s, cpu_ms, main_cpu_ms, first_health_ms):
# pair, then A/B ratios of rps, p99 and p50, then A-B differences of the others.
write_pairs() { # runs.tsv
  awk -F'\t' 'NR > 1 { v[$1, $2, "rps"] = $3; v[$1, $2, "p99"] = $5; v[$1, $2, "p50"] = $4; v[$1, $2, "ready"] = $6
      v[$1, $2, "started"] = $7; v[$1, $2, "cpu"] = $8; v[$1, $2, "main"] = $9; v[$1, $2, "health"] = $10
      n = ($1 > n) ? $1 : n }
    function ratio(a, b) { return (b > 0) ? a / b : 0 }
    function diff(p, k) { return v[p, "A", k] - v[p, "B", k] }
    END { for (p = 1; p <= n; p++) printf "%d\t%.4f\t%.4f\t%.4f\t%d\t%.3f\t%d\t%d\t%d\n", p,
      ratio(v[p, "A", "rps"], v[p, "B", "rps"]), ratio(v[p, "A", "p99"], v[p, "B", "p99"]),
      ratio(v[p, "A", "p50"], v[p, "B", "p50"]), diff(p, "ready"), diff(p, "started"), diff(p, "cpu"), diff(p, "main"),
      diff(p, "health") }' "$1"
}

# The header of a runs.tsv, the table write_pairs reads.
runs_header() {
  printf 'pair\tside\trps\tp50_ms\tp99_ms\tready_ms\tstarted_s\tcpu_ms\tmain_cpu_ms\tfirst_health_ms\n'
}

# Spring's "Started ... in X seconds" from a server log, in seconds.
started_seconds() { # log
  sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$1" | head -1
}

# Starts the sample for a side on a port and waits until it is ready; sets server_pid and READY_MS (from launch).
start_sample() { # side, log, port, start time (now_ms)
  launch_sample "$1" "$2" --server.address=$HOST --server.port="$3" --spring.main.banner-mode=off
  server_pid=$LAUNCHED_PID
  wait_ready "$3" "$server_pid" "$2" "$READY_TIMEOUT_S" "$4"
  READY_MS=$(( $(now_ms) - $4 ))
}

# wrk driving tools/call of a tool on an MCP session (tools-call.lua); prints wrk's report.
tools_call_load() { # port, session, tool, duration, wrk options...
  local port=$1 session=$2 tool=$3 duration=$4
  shift 4
  MCP_SESSION_ID=$session MCP_TOOL=$tool wrk -t1 -c"$CONNECTIONS" -d"$duration" "$@" -s "$HERE/tools-call.lua" \
    "http://$HOST:$port/mcp"
}

# Exits if a wrk report shows failed requests.
check_wrk_report() { # report, label
  if grep -q 'Non-2xx or 3xx responses\|Socket errors' <<<"$1"; then echo "wrk saw errors ($2): $1" >&2; exit 1; fi
}

# Median, spread and confidence interval of one column of a per-pair table (summary.py).
summarise() { # file, column, label, unit (default pairs)
  python3 "$HERE/summary.py" "$@"
}
