#!/usr/bin/env bash
# Load test of vanban-server on loopback: wrk with mixed real queries, then
# the numbers (requests/s, latency percentiles, errors, RSS before/after).
#
# usage (from the repo root):
#   bench/load.sh [--build DIR] [--connections 64] [--duration 60] [--rounds 2] [--out DIR]
#
# It indexes ALQAC 2023 (2,249 legal articles) and the seeds, builds a URL
# list of mixed requests (the judged questions accented and unaccented,
# symbol and citation queries, filters, document, directive and campaign
# pages), starts vanban-server on a free loopback port, warms it up, and
# runs wrk ROUNDS times for DURATION seconds each at CONNECTIONS
# connections (2 threads), reading the server's RSS before and after each
# round. Writes OUT/load.md (default OUT: bench/out/load) and prints it;
# exits non-zero if any request failed or returned a non-2xx status.
# Needs: wrk (Debian package), python3, curl.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
BUILD="$REPO/build"
OUT="$REPO/bench/out/load"
CONNS=64
DURATION=60
ROUNDS=2
SHARED="${VANBAN_SHARED:-$REPO/../shared}"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) echo "load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
[ -x "$BUILD/server/vanban-server" ] || { echo "load.sh: no vanban-server in $BUILD" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
. "$REPO/tests/cli/server_lib.sh"
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true' EXIT

rm -rf "$OUT/db"
"$BUILD/indexer/vanban-index" -q --db "$OUT/db" "$SHARED/data/alqac2023/docs.jsonl" "$REPO/corpus" >&2

python3 - "$SHARED/data/alqac2023/queries.tsv" "$OUT/urls.txt" <<'PY'
import sys, unicodedata, urllib.parse as up
queries = [l.rstrip("\n").split("\t", 1)[1] for l in open(sys.argv[1], encoding="utf-8") if "\t" in l]
def plain(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
urls = []
for q in queries:
    urls.append("/api/search?limit=10&q=" + up.quote(q))
    urls.append("/api/search?limit=10&facets=0&q=" + up.quote(plain(q)))
for q in ["Chỉ thị 34-CT/TW", "34- ct/tw", "CT 34", "34/CT-TW", "dan van kheo", "phong trào thi đua",
          "Nghị định 30/2020/NĐ-CP", "UBND tỉnh Lai Châu", "khen thưởnh", "\"chung tay vì người nghèo\" -Tây"]:
    urls.append("/api/search?q=" + up.quote(q))
urls += ["/api/search?q=thi+%C4%91ua&type=C%C3%B4ng+v%C4%83n", "/api/search?q=&from=2023&to=2024",
         "/api/search?q=&cites=34-CT%2FTW", "/api/documents/seeds%2F004_39b0106687e293f0.txt",
         "/api/directives/34-CT%2FTW", "/api/directives?limit=20", "/api/campaigns",
         "/api/campaigns/dan-van-kheo", "/healthz"]
open(sys.argv[2], "w").write("\n".join(urls) + "\n")
print(f"{len(urls)} URLs", file=sys.stderr)
PY

start_server "$BUILD/server/vanban-server" "$OUT/db" "$OUT/server.log" ||
  { echo "load.sh: the server did not start" >&2; exit 1; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# Warm-up: every URL once.
while read -r path; do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done < "$OUT/urls.txt"
rows=""
failed=0
for round in $(seq "$ROUNDS"); do
  before=$(rss)
  WRK_PATHS="$OUT/urls.txt" wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency \
    -s "$HERE/wrk_paths.lua" "http://127.0.0.1:$port" > "$OUT/wrk-$round.txt"
  after=$(rss)
  json=$(grep '^WRKJSON ' "$OUT/wrk-$round.txt" | sed 's/^WRKJSON //')
  row=$(python3 - "$json" "$before" "$after" "$round" <<'PY'
import json, sys
j = json.loads(sys.argv[1]); b, a, r = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
errors = j["err_connect"] + j["err_read"] + j["err_write"] + j["err_timeout"]
print(f"| {r} | {j['requests']} | {j['rps']:.0f} | {j['lat_p50_us']/1000:.2f} | {j['lat_p90_us']/1000:.2f} | "
      f"{j['lat_p99_us']/1000:.2f} | {j['lat_max_us']/1000:.1f} | {errors} | {j['non2xx']} | {b/1024:.1f} | {a/1024:.1f} |")
print("FAILED" if errors or j["non2xx"] else "OK", file=sys.stderr)
PY
  )
  rows+="$row"$'\n'
  if ! python3 -c "import json,sys; j=json.loads(sys.argv[1]); sys.exit(1 if j['err_connect']+j['err_read']+j['err_write']+j['err_timeout']+j['non2xx'] else 0)" "$json"; then
    failed=1
  fi
done

{
  echo "# vanban-server load test"
  echo
  echo "$(date -u +%Y-%m-%d), commit $(git -C "$REPO" rev-parse --short HEAD), $(nproc) cores, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ //')."
  echo "Index: ALQAC 2023 (2,249 articles) + the 5 seeds. $(wc -l < "$OUT/urls.txt") mixed URLs (questions accented and"
  echo "unaccented, symbols, citation queries, filters, document/directive/campaign pages)."
  echo
  echo "    bench/load.sh --connections $CONNS --duration $DURATION --rounds $ROUNDS"
  echo
  echo "wrk, 2 threads, $CONNS connections, ${DURATION} s per round:"
  echo
  echo "| round | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | socket errors | non-2xx | RSS before MB | RSS after MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$rows"
} > "$OUT/load.md"
cat "$OUT/load.md"
exit "$failed"
