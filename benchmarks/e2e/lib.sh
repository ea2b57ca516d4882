# Helpers shared by the end-to-end benchmark scripts; sourced, not run. Expects HOST to be set.

# A random high port that nothing listens on (bash's /dev/tcp, so no extra tool is needed).
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

now_ms() { date +%s%3N; }

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
