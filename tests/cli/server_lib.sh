# Sourced by the scripts that need a running vanban-server (tests and
# benchmarks): start_server SERVER DB LOG [ARGS...] starts it on a free
# loopback port and waits for /healthz. Sets server_pid and port; returns
# non-zero if it did not come up after five tries at random ports.
start_server() {
  local exe=$1 db=$2 log=$3
  shift 3
  server_pid=
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 20000))
    "$exe" --db "$db" --host 127.0.0.1 --port "$port" "$@" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do
      curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$server_pid" 2>/dev/null || true
    server_pid=
  done
  return 1
}

# For test scripts: begin_test makes a scratch directory $work and sets an
# EXIT trap that stops the server (and nginx, when nginx_lib.sh is sourced)
# and removes it; fail MSG says why and exits 1.
begin_test() {
  work=$(mktemp -d)
  server_pid=
  trap end_test EXIT
}
end_test() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  declare -F stop_nginx >/dev/null && stop_nginx
  rm -rf "$work"
}
fail() { echo "FAIL: $*" >&2; exit 1; }
