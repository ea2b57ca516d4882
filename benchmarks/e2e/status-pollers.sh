#!/usr/bin/env bash
# tools/call throughput and p99 with and without twenty open status pages: twenty pollers, each reading the page's
# data and /actuator/health every 5 s as the page does (status_pollers.py), in alternating 10 s slices on one JVM.
#
# Usage (from the repository root, after ./mvnw -B -q -DskipTests package; needs wrk and python3):
#   benchmarks/e2e/status-pollers.sh
# Settings (environment): JAR (default the Boot 4 sample), SLICES=6, PORT=18080, MANAGEMENT_PORT=18081
# Output: one line per slice, "off|on requests/s p99".
set -euo pipefail

JAR=${JAR:-sample-app/target/mcp-monitoring-sample-app.jar}
SLICES=${SLICES:-6}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
HERE=$(dirname "$0")

java -Xmx512m -jar "$JAR" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" \
	>"${TMPDIR:-/tmp}/status-pollers-server.log" 2>&1 &
SERVER=$!
POLLERS=
trap 'kill $SERVER ${POLLERS} 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" && break; sleep 1; done
curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/actuator/mcpstatus/data"

HEADERS=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
SESSION=$(curl -s -D - "${HEADERS[@]}" "http://127.0.0.1:$PORT/mcp" -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"status-pollers","version":"1"}}}' \
	| grep -i '^mcp-session-id' | cut -d' ' -f2 | tr -d '\r')
curl -s -o /dev/null "${HEADERS[@]}" -H "Mcp-Session-Id: $SESSION" "http://127.0.0.1:$PORT/mcp" \
	-d '{"jsonrpc":"2.0","method":"notifications/initialized"}'

slice() {
	MCP_SESSION_ID=$SESSION MCP_TOOL=get_session_info wrk -t1 -c4 -d10s --latency -s "$HERE/tools-call.lua" \
		"http://127.0.0.1:$PORT/mcp" | awk '/Requests\/sec/ { r = $2 } /^ +99%/ { p = $2 } END { print r, p }'
}

slice >/dev/null
slice >/dev/null
for _ in $(seq 1 "$SLICES"); do
	echo "off $(slice)"
	python3 "$HERE/status_pollers.py" "$MANAGEMENT_PORT" 20 &
	POLLERS=$!
	sleep 1
	echo "on $(slice)"
	kill "$POLLERS"
	wait "$POLLERS" 2>/dev/null || true
	POLLERS=
done
