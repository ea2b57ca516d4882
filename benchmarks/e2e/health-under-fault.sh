#!/usr/bin/env bash
# Latency of the health endpoints of the sample MCP server while its Kaltura upstream hangs, on loopback only.
#
# Issue target: p99 of /actuator/health, /actuator/health/liveness and /actuator/health/readiness <= 10 ms while
# the Kaltura endpoint hangs.
#
# Each run:
#   1. starts a "hanging Kaltura" (python3): a listener on a free loopback port that accepts every TCP connection,
#      reads and discards what it receives, and never answers (like the tests' UnresponsiveServer);
#   2. starts a fresh JVM of the sample jar pointed at it with the properties of HangingKalturaEndToEndTests
#      (kaltura.service-url, kaltura.partner-id, kaltura.admin-secret, session check every 1 s bounded by 500 ms,
#      kaltura.read-timeout=1s, mcp.monitoring.health.refresh-interval=1s, server.shutdown=immediate). The admin
#      secret is a random dummy value passed as KALTURA_ADMIN_SECRET in the JVM's environment, never printed; the
#      script checks that it appears neither in the health answers nor in the tool errors nor in the log.
#      Health details: the sample's own application.yml already sets show-details=always, so no argument is added;
#      the three paths are measured exactly as a user of the sample gets them;
#   3. waits for readiness (200 from /actuator/health/readiness), opens UPSTREAM_LOOPS MCP sessions with curl
#      (initialize + notifications/initialized) and starts one background loop per session that calls the tool
#      TOOL (list_media, which goes through the Kaltura client) back to back, so tool calls are stuck on the hanging
#      upstream during the whole measurement;
#   4. waits until /actuator/health shows kalturaSession DOWN / UNREACHABLE and prints the health state;
#   5. for each of the three paths in turn: wrk -t1 -c$CONNECTIONS, warm-up $WARMUP, then $DURATION measured with
#      --latency; the HTTP status codes are counted by a small generated wrk Lua script (a DOWN health answers 503:
#      that is the correct probe answer, not a measurement error);
#   6. prints the health state again and the tool-call loop statistics (to show the upstream hung throughout), then
#      stops the loops, the JVM and the listener.
# BASELINE=1 does the same against the embedded demo backend (no kaltura.service-url / partner-id / admin-secret;
# same session-check, read-timeout and health-refresh settings), with the tool-call loops paced to about one call
# per second each, the call rate the hanging upstream imposes, so that the load on the 2 cores is comparable.
#
# Usage (from the repository root, after building the sample jar; needs wrk: apt-get install -y wrk, curl, python3):
#   benchmarks/e2e/health-under-fault.sh
#   BASELINE=1 benchmarks/e2e/health-under-fault.sh
#   7. after wrk, for each path, a probe-like measurement: PROBE_RATE requests per second for PROBE_SECONDS, each
#      on a new connection as a kubelet probe makes them, sent on a fixed schedule (open loop: the latency counts
#      from the time a request was due, so a stall is not hidden by the requests it delays).
#   wrk's closed loop keeps both cores busy, so its tail is mostly the machine's scheduling; the probe-like rate is
#   what a Kubernetes probe (one request every few seconds) or a monitoring system sees.
# Settings (environment; lib.sh lists those all scripts share): RUNS=3 WARMUP=10s DURATION=20s CONNECTIONS=4 UPSTREAM_LOOPS=4 TOOL=list_media BASELINE=0
#   PROBE_RATE=50 PROBE_SECONDS=30
#   OUT=benchmarks/target/e2e
#   CHECK_INTERVAL=1s CHECK_TIMEOUT=500ms READ_TIMEOUT=1s HEALTH_REFRESH=1s DOWN_TIMEOUT_S=30
# Output: one line per (run, path) in $OUT/health-under-fault.tsv ($OUT/health-baseline.tsv with BASELINE=1), the
# log and wrk output of each run, and a summary (median p50/p99/max per path across runs) on stdout.
set -euo pipefail

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-4}
UPSTREAM_LOOPS=${UPSTREAM_LOOPS:-4}
TOOL=${TOOL:-list_media}
BASELINE=${BASELINE:-0}
OUT=${OUT:-benchmarks/target/e2e}
CHECK_INTERVAL=${CHECK_INTERVAL:-1s}
CHECK_TIMEOUT=${CHECK_TIMEOUT:-500ms}
READ_TIMEOUT=${READ_TIMEOUT:-1s}
HEALTH_REFRESH=${HEALTH_REFRESH:-1s}
DOWN_TIMEOUT_S=${DOWN_TIMEOUT_S:-30}
PROBE_RATE=${PROBE_RATE:-50}
PROBE_SECONDS=${PROBE_SECONDS:-30}
TARGET_P99_MS=10
PATHS=(/actuator/health /actuator/health/liveness /actuator/health/readiness)
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
require_prerequisites
mkdir -p "$OUT"
if [ "$BASELINE" = 1 ]; then MODE=baseline; TSV="$OUT/health-baseline.tsv"; else MODE=fault; TSV="$OUT/health-under-fault.tsv"; fi
WORK=$(mktemp -d)

# Counts the status codes wrk sees (one wrk thread; the counts are read back from the thread in done()).
cat >"$WORK/status.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) codes = {} end
function response(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("codes")) do all[status] = (all[status] or 0) + n end
  end
  local keys = {}
  for status in pairs(all) do table.insert(keys, status) end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do table.insert(parts, status .. "x" .. all[status]) end
  io.write("STATUS_CODES " .. table.concat(parts, ",") .. "\n")
end
LUA

kaltura_pid=""
loop_pids=()
stop_all() {
  local pid
  for pid in "${loop_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  loop_pids=()
  stop_server
  if [ -n "$kaltura_pid" ]; then kill "$kaltura_pid" 2>/dev/null || true; wait "$kaltura_pid" 2>/dev/null || true; fi
  kaltura_pid=""
}
cleanup() { stop_all; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM


load1() { cut -d' ' -f1 /proc/loadavg; }

# Calls TOOL back to back on one session; one line per call (ms, outcome) in the given file. Outcome: ok, tool-error
# (isError true: the tool failed, here because Kaltura did not answer), other (no JSON-RPC result, curl failure).
upstream_loop() { # port, session, file
  trap - EXIT INT TERM
  local port=$1 session=$2 file=$3 id=100 start reply outcome
  while :; do
    id=$((id + 1))
    start=$(now_ms)
    reply=$(mcp_post "$port" "$session" \
      "{\"jsonrpc\":\"2.0\",\"id\":$id,\"method\":\"tools/call\",\"params\":{\"name\":\"$TOOL\",\"arguments\":{\"limit\":1}}}" 30 \
      2>/dev/null) || reply=""
    if grep -q '"isError":true' <<<"$reply"; then outcome=tool-error
    elif grep -q '"result"' <<<"$reply"; then outcome=ok
    else outcome=other; fi
    printf '%s\t%s\n' "$(( $(now_ms) - start ))" "$outcome" >>"$file"
    if [ -n "${SECRET:-}" ] && grep -qF "$SECRET" <<<"$reply"; then echo "SECRET-LEAK" >>"$file"; fi
    [ "$BASELINE" = 1 ] && sleep 1
  done
}

loop_stats() { # files...; prints "calls N (ok a, tool-error b, other c), median X ms, max Y ms"
  cat "$@" 2>/dev/null | awk -F'\t' '$2 != "" { n++; c[$2]++; print $1 > "/dev/stderr" }
    END { printf "calls %d (ok %d, tool-error %d, other %d)", n, c["ok"], c["tool-error"], c["other"] }' 2>"$WORK/durations"
  printf ', duration median %s ms, max %s ms\n' "$(sort -g "$WORK/durations" | median)" "$(sort -g "$WORK/durations" | tail -1)"
}

# The health state in one line, from the JSON of /actuator/health: never prints more than the fields named here.
health_state() { # port
  local port=$1 code
  code=$(curl -s -o "$WORK/health.json" -w '%{http_code}' --max-time 5 "http://$HOST:$port/actuator/health" || true)
  if [ -n "${SECRET:-}" ] && grep -qF "$SECRET" "$WORK/health.json"; then echo "THE ADMIN SECRET IS IN /actuator/health" >&2; exit 1; fi
  python3 - "$code" "$WORK/health.json" <<'PY'
import json, sys
code, path = sys.argv[1], sys.argv[2]
try:
    h = json.load(open(path))
except Exception:
    print(f"HTTP {code}, no JSON"); sys.exit(0)
comps = h.get("components", {})
parts = [f"{k}={v.get('status')}" for k, v in comps.items()]
ks = comps.get("kalturaSession", {}).get("details", {})
ks_fields = ",".join(f"{k}={ks[k]}" for k in ("state", "lastErrorCode", "partnerId", "ageSeconds") if k in ks)
re_ = comps.get("recentErrors", {}).get("details", {})
print(f"HTTP {code} status={h.get('status')} [{' '.join(parts)}] kalturaSession({ks_fields}) "
      f"recentErrors(count={re_.get('count')},level={re_.get('level')},byErrorType={re_.get('byErrorType')})")
PY
}

health_json_field() { # port, python expression on h (the JSON); prints its value
  curl -s --max-time 5 "http://$HOST:$1/actuator/health" | python3 -c "import json,sys
try: h=json.load(sys.stdin)
except Exception: h={}
print($2)"
}

# Open-loop, fixed-rate GETs on new connections; prints "p50 p99 max count codes" (ms; latency from when each request
# was due).
probe() { # url
  python3 - "$1" "$PROBE_RATE" "$PROBE_SECONDS" <<'PY'
import http.client, sys, time, urllib.parse
url, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
u = urllib.parse.urlsplit(url)
interval, n = 1.0 / rate, int(rate * seconds)
latencies, codes = [], {}
start = time.perf_counter()
for i in range(n):
    due = start + i * interval
    now = time.perf_counter()
    if now < due:
        time.sleep(due - now)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    c.request("GET", u.path)
    r = c.getresponse()
    r.read()
    c.close()
    latencies.append((time.perf_counter() - due) * 1000)
    codes[r.status] = codes.get(r.status, 0) + 1
latencies.sort()
pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"{pct(0.5):.3f} {pct(0.99):.3f} {latencies[-1]:.3f} {len(latencies)} "
      + ",".join(f"{k}x{v}" for k, v in sorted(codes.items())))
PY
}

median() { awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_once() { # run number; appends one line per path to the tsv
  local run=$1 port log args start ready_ms load_run kport i session path code_before code_after wrk_out rps p50 p99 \
    max requests non2xx codes load_path loops_file
  port=$(free_port)
  log="$OUT/health-$MODE-run-$run.log"
  load_run=$(load1)
  # --management.server.port= (empty): the actuator on the port given here, where this script measures it.
  args=(--server.address=$HOST --server.port="$port" --management.server.port= --spring.main.banner-mode=off
    --server.shutdown=immediate
    --kaltura.session-check-interval="$CHECK_INTERVAL" --kaltura.session-check-timeout="$CHECK_TIMEOUT"
    --kaltura.read-timeout="$READ_TIMEOUT" --mcp.monitoring.health.refresh-interval="$HEALTH_REFRESH")
  SECRET=""
  if [ "$MODE" = fault ]; then
    python3 -u -c '
import selectors, socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(512)
print(s.getsockname()[1], flush=True)
sel = selectors.DefaultSelector()
sel.register(s, selectors.EVENT_READ)
accepted = 0
while True:
    for key, _ in sel.select():
        if key.fileobj is s:
            c, _ = s.accept()
            accepted += 1
            sel.register(c, selectors.EVENT_READ)
            print("accepted", accepted, flush=True)
        else:
            try:
                data = key.fileobj.recv(65536)  # read and discard, never answer
            except OSError:
                data = b""
            if not data:  # the client gave up: forget the connection
                sel.unregister(key.fileobj)
                key.fileobj.close()
' >"$WORK/kaltura.out" 2>&1 &
    kaltura_pid=$!
    for _ in $(seq 1 50); do [ -s "$WORK/kaltura.out" ] && break; sleep 0.1; done
    kport=$(head -1 "$WORK/kaltura.out")
    [[ "$kport" =~ ^[0-9]+$ ]] || { echo "the hanging Kaltura did not start: $(cat "$WORK/kaltura.out")" >&2; exit 1; }
    SECRET="hf-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
    args+=(--kaltura.service-url="http://$HOST:$kport" --kaltura.partner-id=12345)
  fi
  start=$(now_ms)
  # shellcheck disable=SC2086
  if [ "$MODE" = fault ]; then
    KALTURA_ADMIN_SECRET=$SECRET java $JAVA_OPTS -jar "$JAR" "${args[@]}" >"$log" 2>&1 &
  else
    java $JAVA_OPTS -jar "$JAR" "${args[@]}" >"$log" 2>&1 &
  fi
  server_pid=$!
  wait_ready "$port" "$server_pid" "$log" "$READY_TIMEOUT_S" "$start"
  ready_ms=$(( $(now_ms) - start ))
  if [ "$MODE" = fault ]; then
    grep -q "Kaltura calls go to http://$HOST:$kport" "$log" || { echo "the sample does not use the hanging Kaltura, see $log" >&2; exit 1; }
  fi
  echo "run $run ($MODE): ready in $ready_ms ms, load average before start $load_run"

  loops_file="$WORK/loops-$run"
  : >"$loops_file"
  for i in $(seq 1 "$UPSTREAM_LOOPS"); do
    session=$(open_session "$port" health-under-fault) || { echo "no Mcp-Session-Id from initialize, see $log" >&2; exit 1; }
    SECRET=$SECRET upstream_loop "$port" "$session" "$loops_file.$i" &
    loop_pids+=($!)
  done

  if [ "$MODE" = fault ]; then
    local deadline=$(( $(now_ms) + DOWN_TIMEOUT_S * 1000 ))
    until [ "$(health_json_field "$port" "h.get('components',{}).get('kalturaSession',{}).get('details',{}).get('state')")" = UNREACHABLE ]; do
      [ "$(now_ms)" -lt "$deadline" ] || { echo "kalturaSession not UNREACHABLE after ${DOWN_TIMEOUT_S}s: $(health_state "$port")" >&2; exit 1; }
      sleep 0.2
    done
    echo "  kalturaSession UNREACHABLE $(( $(now_ms) - start - ready_ms )) ms after ready"
  else
    sleep 2
  fi
  echo "  health before: $(health_state "$port")"
  if [ "$MODE" = fault ]; then
    echo "  hanging Kaltura accepted $(grep -c accepted "$WORK/kaltura.out" || true) connections so far"
  fi

  for path in "${PATHS[@]}"; do
    load_path=$(load1)
    code_before=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$HOST:$port$path" || true)
    wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/status.lua" "http://$HOST:$port$path" >/dev/null
    wrk_out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/status.lua" "http://$HOST:$port$path")
    read -r probe_p50 probe_p99 probe_max probe_n probe_codes <<<"$(probe "http://$HOST:$port$path")"
    code_after=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$HOST:$port$path" || true)
    echo "$wrk_out" >"$OUT/health-$MODE-run-$run-$(basename "$path").wrk.txt"
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$wrk_out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$wrk_out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$wrk_out")")
    max=$(to_ms "$(awk '$1 == "Latency" && NF >= 4 {print $4; exit}' <<<"$wrk_out")")
    requests=$(awk '/requests in/ {print $1}' <<<"$wrk_out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$wrk_out")
    non2xx=${non2xx:-0}
    codes=$(awk '/^STATUS_CODES/ {print $2}' <<<"$wrk_out")
    if grep -q 'Socket errors' <<<"$wrk_out"; then
      echo "  wrk socket errors on $path: $(grep 'Socket errors' <<<"$wrk_out")" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$MODE" "$run" "$path" "$p50" "$p99" \
      "$max" "$rps" "$requests" "$non2xx" "$codes" "$code_before" "$code_after" "$load_run" "$load_path" "$probe_p50" \
      "$probe_p99" "$probe_max" "$probe_n" "$probe_codes" >>"$TSV"
    printf '  %-28s p50 %7.3f ms  p99 %7.3f ms  max %8.3f ms  %8.1f req/s  codes %s (before %s, after %s)  load %s\n' \
      "$path" "$p50" "$p99" "$max" "$rps" "$codes" "$code_before" "$code_after" "$load_path"
    printf '  %-28s probe-like, %s req/s: p50 %7.3f ms  p99 %7.3f ms  max %8.3f ms  (%s requests, codes %s)\n' \
      "" "$PROBE_RATE" "$probe_p50" "$probe_p99" "$probe_max" "$probe_n" "$probe_codes"
  done

  echo "  health after:  $(health_state "$port")"
  echo "  tool-call loops ($UPSTREAM_LOOPS x $TOOL): $(loop_stats "$loops_file".*)"
  if grep -qs SECRET-LEAK "$loops_file".*; then echo "THE ADMIN SECRET IS IN A TOOL REPLY" >&2; exit 1; fi
  if [ "$MODE" = fault ]; then
    echo "  hanging Kaltura accepted $(grep -c accepted "$WORK/kaltura.out" || true) connections in all"
  fi
  stop_all
  if [ -n "$SECRET" ] && grep -qF "$SECRET" "$log"; then echo "THE ADMIN SECRET IS IN $log" >&2; exit 1; fi
  SECRET=""
}

printf 'mode\trun\tpath\tp50_ms\tp99_ms\tmax_ms\trps\trequests\tnon2xx\tstatus_codes\tcode_before\tcode_after\tload1_run\tload1_path\tprobe_p50_ms\tprobe_p99_ms\tprobe_max_ms\tprobe_requests\tprobe_status_codes\n' >"$TSV"
echo "health paths under fault ($MODE): $RUNS runs, wrk -t1 -c$CONNECTIONS, warm-up $WARMUP, measured $DURATION per path;" \
  "$UPSTREAM_LOOPS loops of $TOOL; check interval $CHECK_INTERVAL, check timeout $CHECK_TIMEOUT, read timeout" \
  "$READ_TIMEOUT, health refresh $HEALTH_REFRESH; JAVA_OPTS $JAVA_OPTS; $(nproc) cores"
for run in $(seq 1 "$RUNS"); do run_once "$run"; done

echo
echo "median across $RUNS runs ($MODE), target p99 <= $TARGET_P99_MS ms:"
for path in "${PATHS[@]}"; do
  col() { awk -F'\t' -v p="$path" -v c="$1" 'NR > 1 && $3 == p { print $c }' "$TSV" | sort -g; }
  p99s=$(col 5 | tr '\n' ' ')
  printf '  %-28s p50 %7.3f ms  p99 %7.3f ms (runs: %s)  max %8.3f ms  %8.1f req/s  %s\n' "$path" \
    "$(col 4 | median)" "$(col 5 | median)" "${p99s% }" "$(col 6 | median)" "$(col 7 | median)" \
    "$(awk -v v="$(col 5 | median)" -v t="$TARGET_P99_MS" 'BEGIN { print (v <= t) ? "meets" : "MISSES" }')"
  printf '  %-28s probe-like at %s req/s: p50 %7.3f ms  p99 %7.3f ms (runs: %s)  max %8.3f ms  %s\n' "" "$PROBE_RATE" \
    "$(col 15 | median)" "$(col 16 | median)" "$(col 16 | tr '\n' ' ')" "$(col 17 | median)" \
    "$(awk -v v="$(col 16 | median)" -v t="$TARGET_P99_MS" 'BEGIN { print (v <= t) ? "meets" : "MISSES" }')"
done
echo "per run and path: $TSV"
