#!/usr/bin/env bash
# Load test of vanban-server on loopback, as an office's users and a hostile
# client would load it (issue 16). Prints a Markdown report and writes it to
# OUT/load.md (default OUT: bench/out/load); bench/LOAD.md keeps the last one
# with the reading of its numbers.
#
# usage (from the repo root):
#   bench/load.sh [--build DIR] [--out DIR] [--db DIR] [--server EXE]
#                 [--duration 30] [--phases keepalive,trickle,overload,nginx]
#
# The index is baomoi_news (35,530 articles) and corpus/ (built in OUT/db,
# or --db DIR reused). The URLs are a mix of searches (the ALQAC 2023 legal
# questions accented and unaccented, symbols, citations, filters) and
# document, directive and campaign pages. Phases:
#   keepalive  wrk, 64 then 256 kept-alive connections, on the searches of
#              the mix (cached: each asked once before) and on /healthz
#              (DURATION s each)
#   trickle    200 connections sending a request head a byte a second for
#              60 s, while normal requests run at 20/s: their latency, and
#              what the slow ones got and when
#   overload   cache off: the sustainable rate (wrk, as many connections as
#              searches run at once), the latency at a quarter of it, then
#              4x it offered open-loop (bench/load_client.py): latency of the
#              accepted requests, and how fast the others got 503
#   nginx      keepalive again through deploy/nginx/vanban.conf (TLS), with
#              nginx started on loopback as in tests/cli/nginx_test.sh
# --server runs another build of vanban-server (the "before" numbers; it is
# given no option newer than --cache). Needs wrk, nginx, openssl, python3,
# curl. Exits non-zero if a phase misses its target.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
BUILD="$REPO/build"
OUT="$REPO/bench/out/load"
DB=
SERVER=
DURATION=30
PHASES=keepalive,trickle,overload,nginx
SHARED="${VANBAN_SHARED:-$REPO/../shared}"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --server) SERVER=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --phases) PHASES=$2; shift 2 ;;
    *) echo "load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
SERVER=${SERVER:-$BUILD/server/vanban-server}
[ -x "$SERVER" ] || { echo "load.sh: no vanban-server at $SERVER" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
. "$REPO/tests/cli/server_lib.sh"
. "$REPO/tests/cli/nginx_lib.sh"
server_pid=
nginx_dir=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  stop_nginx || true
}
trap cleanup EXIT
has_phase() { [[ ",$PHASES," == *",$1,"* ]]; }
failed=0
miss() { echo "load.sh: MISSED: $*" >&2; failed=1; }

if [ -z "$DB" ]; then
  DB="$OUT/db"
  rm -rf "$DB"
  "$BUILD/indexer/vanban-index" -q --db "$DB" "$SHARED/data/baomoi_news/docs.jsonl" "$REPO/corpus" >&2
fi
python3 "$HERE/make_load_urls.py" "$SHARED/data/alqac2023/queries.tsv" "$OUT/urls.txt"
# The cached phase asks only searches: pages (documents, directives,
# campaigns) are computed on every request.
grep '^/api/search' "$OUT/urls.txt" > "$OUT/searches.txt"
echo /healthz > "$OUT/health.txt"

restart() {  # restart [ARGS...]: a fresh server with these options
  [ -n "$server_pid" ] && { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
  start_server "$SERVER" "$DB" "$OUT/server.log" "$@" || { echo "load.sh: the server did not start" >&2; exit 1; }
}
warm() {  # every URL once, so that the cached phases read the cache
  while read -r path; do curl -sk -o /dev/null "$1$path"; done < "$OUT/urls.txt"
}
# wrk_row LABEL CONNECTIONS PATHS URL P99_TARGET_MS: one table row from a
# wrk run; says on stderr if it had errors or a p99 over the target.
wrk_row() {
  WRK_PATHS=$3 wrk -t2 -c"$2" -d"${DURATION}s" --timeout 10s --latency -s "$HERE/wrk_paths.lua" "$4" \
    > "$OUT/wrk.txt" 2>&1 || true
  python3 - "$1" "$2" "$(grep '^WRKJSON ' "$OUT/wrk.txt" | sed 's/^WRKJSON //')" "$5" <<'PY'
import json, sys
label, conns, j, target = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), float(sys.argv[4])
socket = j["err_connect"] + j["err_read"] + j["err_write"]
print(f"| {label} | {conns} | {j['rps']:.0f} | {j['lat_p50_us']/1000:.2f} | {j['lat_p99_us']/1000:.2f} | "
      f"{j['lat_max_us']/1000:.1f} | {socket} | {j['err_timeout']} | {j['non2xx']} |")
ok = socket == 0 and j["err_timeout"] == 0 and j["non2xx"] == 0 and j["lat_p99_us"] <= target * 1000
print("" if ok else f"{label} at {conns} connections", file=sys.stderr)
PY
}
keepalive_table() {  # keepalive_table BASE_URL P99_TARGET_MS
  echo "| load | connections | req/s | p50 ms | p99 ms | max ms | socket errors | timeouts | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for conns in 64 256; do
    wrk_row "cached searches" "$conns" "$OUT/searches.txt" "$1" "$2" 2>>"$OUT/missed.txt"
    wrk_row "/healthz" "$conns" "$OUT/health.txt" "$1" "$2" 2>>"$OUT/missed.txt"
  done
}
report() { tee -a "$OUT/load.md"; }
: > "$OUT/load.md"
: > "$OUT/missed.txt"
{
  echo "# vanban-server under load"
  echo
  echo "$(date -u +%Y-%m-%d), commit $(git -C "$REPO" rev-parse --short HEAD), $("$SERVER" --help >/dev/null 2>&1 && basename "$SERVER"),"
  echo "$(nproc) cores ($(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ //')), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start."
  echo "Index: baomoi_news (35,530 articles) + corpus; $(wc -l < "$OUT/urls.txt") URLs in the mix."
  echo
  echo "    bench/load.sh --duration $DURATION --phases $PHASES"
  echo
} | report

if has_phase keepalive; then
  restart
  warm "http://127.0.0.1:$port"
  { echo "## Kept-alive connections (wrk, 2 threads, ${DURATION} s each; target: 0 errors, p99 <= 50 ms)"; echo
    keepalive_table "http://127.0.0.1:$port" 50; echo; } | report
fi

if has_phase trickle; then
  restart
  warm "http://127.0.0.1:$port"
  python3 "$HERE/load_client.py" trickle --port "$port" --paths "$OUT/urls.txt" --rate 20 \
    --slow 200 --interval 1 --duration 60 > "$OUT/trickle.json"
  python3 - "$OUT/trickle.json" <<'PY' | report
import json, sys
j = json.load(open(sys.argv[1]))
ok = j["latency_ms"].get("200", {})
slow = j["slow"]
print("## 200 connections trickling request heads (a byte a second, 60 s) while 20 requests/s run")
print()
print("| normal requests | by status | socket errors | p50 ms | p99 ms | max ms | slow heads answered | closed after (s): p50 / max |")
print("|---:|---|---:|---:|---:|---:|---|---|")
closed = slow["closed_after_s"]
print(f"| {j['sent']} | {j['by_status']} | {j['errors']} | {ok.get('p50', '-')} | {ok.get('p99', '-')} | "
      f"{ok.get('max', '-')} | {slow['answers']} | {closed.get('p50', 0)/1000:.1f} / {closed.get('max', 0)/1000:.1f} |")
print()
if j["errors"] or set(j["by_status"]) != {"200"} or ok.get("p99", 1e9) > 500 or set(slow["answers"]) != {"408"}:
    print("trickle", file=sys.stderr)
PY
fi 2>>"$OUT/missed.txt"

if has_phase overload; then
  restart --cache 0
  # The sustainable rate: closed loop with as many connections as there are
  # cores (what the server computes at once), so nothing queues.
  WRK_PATHS="$OUT/urls.txt" wrk -t2 -c"$(nproc)" -d"${DURATION}s" --timeout 30s -s "$HERE/wrk_paths.lua" \
    "http://127.0.0.1:$port" > "$OUT/wrk-sustainable.txt"
  rate=$(grep '^WRKJSON ' "$OUT/wrk-sustainable.txt" | sed 's/^WRKJSON //' | python3 -c "import json,sys; print(round(json.load(sys.stdin)['rps'], 1))")
  quarter=$(python3 -c "print(round($rate / 4, 1))")
  four=$(python3 -c "print(round($rate * 4, 1))")
  python3 "$HERE/load_client.py" rate --port "$port" --paths "$OUT/urls.txt" --rate "$quarter" \
    --duration "$DURATION" > "$OUT/unloaded.json"
  python3 "$HERE/load_client.py" rate --port "$port" --paths "$OUT/urls.txt" --rate "$four" \
    --duration "$DURATION" > "$OUT/overload.json"
  python3 - "$rate" "$OUT/unloaded.json" "$OUT/overload.json" <<'PY' | report
import json, sys
rate, unloaded, over = float(sys.argv[1]), json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
print(f"## Overload, cache off (sustainable: {rate:.1f} req/s closed-loop at as many connections as cores)")
print()
print("| offered req/s | sent | by status | socket errors | 200: p50 / p99 / max ms | 503: p50 / p99 / max ms |")
print("|---:|---:|---|---:|---|---|")
def lat(j, s):
    l = j["latency_ms"].get(s)
    return f"{l['p50']} / {l['p99']} / {l['max']}" if l else "-"
for j in (unloaded, over):
    print(f"| {j['offered_rps']} | {j['sent']} | {j['by_status']} | {j['errors']} | {lat(j, '200')} | {lat(j, '503')} |")
print()
u99 = unloaded["latency_ms"]["200"]["p99"]
a99 = over["latency_ms"].get("200", {}).get("p99", 1e9)
r503 = over["latency_ms"].get("503", {})
print(f"Accepted p99 {a99} ms against 2 x unloaded p99 = {2 * u99:.0f} ms; 503 p99 {r503.get('p99', '-')} ms, max {r503.get('max', '-')} ms.")
print()
if over["errors"] or a99 > 2 * u99 or r503.get("p99", 0) > 100:
    print("overload", file=sys.stderr)
PY
fi 2>>"$OUT/missed.txt"

if has_phase nginx; then
  restart --max-connections-per-client 4096
  start_nginx "$REPO/deploy/nginx/vanban.conf" "$port" ||
    { echo "load.sh: nginx did not start" >&2; exit 1; }
  warm "https://127.0.0.1:$nginx_port" 2>/dev/null || true
  warm "http://127.0.0.1:$port"
  { echo "## The same through nginx (deploy/nginx/vanban.conf, TLS, wrk, ${DURATION} s each; target: 0 errors)"; echo
    keepalive_table "https://127.0.0.1:$nginx_port" 10000; echo; } | report
fi 2>>"$OUT/missed.txt"

[ -n "$server_pid" ] && echo "Server at the end: $(awk '/VmRSS/ {print $2/1024 " MB RSS"}' "/proc/$server_pid/status"), $(ls "/proc/$server_pid/fd" | wc -l) descriptors." | report
if grep -q . "$OUT/missed.txt"; then
  { echo; echo "Missed targets: $(grep . "$OUT/missed.txt" | paste -sd ';' -)"; } | report
  exit 1
fi
exit "$failed"
