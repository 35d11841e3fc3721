# Sourced by the test scripts that load vanban-server with wrk:
# wrk_check PATHS CONNECTIONS SECONDS BASE_URL LABEL runs wrk (2 threads)
# over the URL paths in the file PATHS and fails (returns 1, saying why)
# on any socket error, timeout or non-2xx answer.
wrk_check() {
  local paths=$1 conns=$2 seconds=$3 base=$4 label=$5 out
  out=$(WRK_PATHS="$paths" wrk -t2 -c"$conns" -d"${seconds}s" --timeout 5s \
    -s "$(dirname "${BASH_SOURCE[0]}")/../../bench/wrk_paths.lua" "$base" 2>&1) ||
    { echo "wrk failed: $out" >&2; return 1; }
  python3 - "$label" "$conns" "$(grep '^WRKJSON ' <<<"$out" | sed 's/^WRKJSON //')" <<'PY'
import json, sys
label, conns, j = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
bad = j["err_connect"] + j["err_read"] + j["err_write"] + j["err_timeout"] + j["non2xx"]
print(f"{label}, {conns} connections: {j['requests']} requests, {j['rps']:.0f}/s, "
      f"p99 {j['lat_p99_us']/1000:.1f} ms, {bad} failed")
sys.exit(1 if bad or j["requests"] == 0 else 0)
PY
}
