#!/usr/bin/env bash
# Soak test of vanban-server: mixed searches at a steady rate while the
# indexer re-indexes changed files every REINDEX seconds; the server's RSS,
# open descriptors and open database files are sampled every 5 s and must
# stay flat, and no request may fail.
#
# usage (from the repo root):
#   bench/soak.sh [--build DIR] [--out DIR] [--duration 1200] [--reindex-every 60]
#                 [--rate 8] [--docs 3000]
#
# The corpus is DOCS baomoi_news articles written as .txt files, and the
# seeds. Each re-index changes a twentieth of the files (every third one a
# seventh, which makes the indexer compact the index and swap the copy in
# under the server), adds one and removes one. CI runs it for 60 s
# (tests/cli/soak_test.sh); the benchmark for 20 minutes. Prints the
# samples and a verdict; exits non-zero on an error or growth: descriptors
# or database files beyond the first third's highest, or RSS more than
# 10 % + 16 MB above it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
BUILD="$REPO/build"
OUT="$REPO/bench/out/soak"
DURATION=1200
REINDEX=60
# Within what 2 cores compute on DOCS articles when each re-index has
# emptied the cache: a soak looks for leaks, not for the limit.
RATE=8
DOCS=3000
SHARED="${VANBAN_SHARED:-$REPO/../shared}"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --reindex-every) REINDEX=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --docs) DOCS=$2; shift 2 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
. "$REPO/tests/cli/server_lib.sh"
server_pid=
load_pid=
trap '[ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT

rm -rf "$OUT/corpus" "$OUT/db"
mkdir -p "$OUT/corpus"
cp -r "$REPO/corpus/seeds" "$OUT/corpus/"
python3 - "$SHARED/data/baomoi_news/docs.jsonl" "$OUT/corpus/news" "$DOCS" <<'PY'
import json, os, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
if os.path.exists(src):
    with open(src, encoding="utf-8") as f:
        for i, line in zip(range(n), f):
            d = json.loads(line)
            open(os.path.join(out, f"{d['id']}.txt"), "w", encoding="utf-8").write(d["title"] + "\n" + d["text"] + "\n")
PY
"$BUILD/indexer/vanban-index" -q --db "$OUT/db" "$OUT/corpus" >&2
python3 "$HERE/make_load_urls.py" "$SHARED/data/alqac2023/queries.tsv" "$OUT/urls.txt" 2>/dev/null ||
  printf '%s\n' "/api/search?q=thi+%C4%91ua" "/api/search?q=dan+van+kheo" "/healthz" > "$OUT/urls.txt"

start_server "$BUILD/server/vanban-server" "$OUT/db" "$OUT/server.log" || { echo "soak.sh: no server" >&2; exit 1; }
# Every worker opens its database handles on its first request: keep them
# all busy once, so that the first samples already count every handle.
echo /healthz > "$OUT/health.txt"
WRK_PATHS="$OUT/health.txt" wrk -t2 -c64 -d3s -s "$HERE/wrk_paths.lua" "http://127.0.0.1:$port" >/dev/null
python3 "$HERE/load_client.py" rate --port "$port" --paths "$OUT/urls.txt" --rate "$RATE" \
  --duration "$DURATION" --timeout 10 > "$OUT/load.json" &
load_pid=$!

# Database files: Xapian's glass tables, wherever they are (a compacted copy
# swapped in leaves the old ones deleted but open until each worker reopens).
sample() {  # elapsed-seconds RSS-MB descriptors database-files
  local fds db
  fds=$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l)
  db=$(for f in /proc/"$server_pid"/fd/*; do readlink "$f"; done 2>/dev/null | grep -c '\.glass' || true)
  echo "$1 $(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server_pid/status") $fds $db"
}
# change_files CYCLE: rewrite a share of the articles, add one, remove one.
change_files() {
  python3 - "$OUT/corpus/news" "$1" <<'PY'
import os, sys
d, cycle = sys.argv[1], int(sys.argv[2])
files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
share = 7 if cycle % 3 == 0 else 20
for f in files[cycle % share::share]:
    with open(os.path.join(d, f), "a", encoding="utf-8") as out:
        out.write(f"Cập nhật lần {cycle}: phong trào thi đua “Dân vận khéo”.\n")
if files:
    os.remove(os.path.join(d, files[cycle % len(files)]))
open(os.path.join(d, f"added-{cycle}.txt"), "w", encoding="utf-8").write(
    f"Thông báo số {cycle}\nKế hoạch thực hiện Chỉ thị 34-CT/TW, lần {cycle}.\n")
PY
}

echo "seconds RSS_MB descriptors db_files" > "$OUT/samples.txt"
start=$(date +%s)
next_reindex=$((start + REINDEX))
cycle=0
reindex_failed=0
while kill -0 "$load_pid" 2>/dev/null; do
  now=$(date +%s)
  if [ "$now" -ge "$next_reindex" ]; then
    cycle=$((cycle + 1))
    change_files "$cycle"
    "$BUILD/indexer/vanban-index" -q --db "$OUT/db" "$OUT/corpus" >>"$OUT/index.log" 2>&1 || reindex_failed=1
    next_reindex=$((next_reindex + REINDEX))
  fi
  sample $((now - start)) >> "$OUT/samples.txt"
  sleep 5
done
wait "$load_pid" || true
load_pid=
sample "$(( $(date +%s) - start ))" >> "$OUT/samples.txt"

python3 - "$OUT/samples.txt" "$OUT/load.json" "$cycle" "$reindex_failed" "$DURATION" "$RATE" <<'PY'
import json, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]).read().splitlines()[1:] if l.strip()]
load, cycles, reindex_failed = json.load(open(sys.argv[2])), int(sys.argv[3]), int(sys.argv[4])
print(f"## Soak: {sys.argv[5]} s at {sys.argv[6]} searches/s, {cycles} re-indexes")
print()
print("| s | RSS MB | descriptors | database files |")
print("|---:|---:|---:|---:|")
step = max(1, len(rows) // 12)
for r in rows[::step] + ([rows[-1]] if (len(rows) - 1) % step else []):
    print(f"| {r[0]:.0f} | {r[1]:.1f} | {r[2]:.0f} | {r[3]:.0f} |")
third = max(1, len(rows) // 3)
first, last = rows[:third], rows[-third:]
top = lambda rs, i: max(r[i] for r in rs)
grew = []
if top(last, 1) > top(first, 1) * 1.10 + 16: grew.append("RSS")
if top(last, 2) > top(first, 2): grew.append("descriptors")
if top(last, 3) > top(first, 3): grew.append("database files")
bad = {s: n for s, n in load["by_status"].items() if s != "200"}
ok = load["latency_ms"].get("200", {})
print()
print(f"Requests: {load['sent']} sent, by status {load['by_status']}, {load['errors']} socket errors; "
      f"200 p50 {ok.get('p50')} ms, p99 {ok.get('p99')} ms, max {ok.get('max')} ms.")
print(f"Highest in the first / last third: RSS {top(first, 1):.1f} / {top(last, 1):.1f} MB, "
      f"descriptors {top(first, 2):.0f} / {top(last, 2):.0f}, database files {top(first, 3):.0f} / {top(last, 3):.0f}.")
verdict = "flat, no errors" if not (grew or bad or load["errors"] or reindex_failed) else \
    f"FAILED: grew {grew}, statuses {bad}, errors {load['errors']}, re-index failed {reindex_failed}"
print(f"Verdict: {verdict}.")
sys.exit(0 if verdict.startswith("flat") else 1)
PY
