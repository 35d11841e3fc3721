#!/usr/bin/env bash
# bench/bench.sh — vanban's performance benchmark, one command, one input, peers side by side.
#
# usage: bench/bench.sh [--corpus FILE.jsonl] [--fraction F] [--build DIR] [--out DIR]
#                       [--no-peers] [--quick] [--scale10] [--reps N] [--duration S]
#                       [--queries N] [--peers PEERS.sh] [--keep]
#
#   --corpus FILE   docs.jsonl ({"id","title","text"} per line)
#                   (default ../shared/data/baomoi_news/docs.jsonl, 35,530 news articles, 125 MB)
#   --fraction F    use the documents whose hashed id falls below F (0 < F <= 1; default 1 = all);
#                   deterministic and nested (the 3% sample contains the 1% sample)
#   --build DIR     vanban build directory holding indexer/vanban-{index,search}, server/vanban-server
#                   (default <repo>/build; not rebuilt here — run `ninja -C build` first)
#   --out DIR       raw outputs (default bench/out/bench-<timestamp>, git-ignored)
#   --no-peers      skip Xapian Omega / SQLite FTS5 (peers.sh)
#   --quick         smoke test: 3 s wrk runs, 1 query repetition, report only in OUT/BENCHMARKS.md
#                   (full mode also writes <repo>/BENCHMARKS.md)
#   --scale10       also index the input replicated 10 times (ids id#r1..id#r9): long, ~10x disk
#   --reps N        timed passes over the query log, in-process, vanban and peers (default 3; quick 1)
#   --duration S    seconds per wrk run (default 20; quick 3)
#   --queries N     size of the generated query log (default 1200)
#   --peers FILE    peer harness (default ../shared/bench/peers.sh)
#   --keep          keep every index and the 10x input (default: the 10x ones are deleted at the end)
#
# One run measures, on the same input and the same query log (bench/make_queries.py):
#   1. indexing: vanban vs omindex vs FTS5 — wall s, docs/s, MB/s of text, peak RSS (/usr/bin/time -v),
#      index bytes (du -sb), cold build into an empty directory; vanban re-run with nothing changed
#      and with 1% of the documents changed (a sentence appended; the modified file replaces the
#      indexed copy at the same path so ids and source match);
#   2. in-process query latency p50/p95/p99: `vanban-search --latency` (with snippets, like the server)
#      vs peers.sh's in-process timers (xq.cc, python sqlite3); one warm-up pass, then --reps passes;
#      per query kind, and the share of queries that return anything;
#   3. HTTP with wrk against vanban-server: 1, 8, 64 connections (2 threads, 1 with 1 connection),
#      /api/search cycling through the URL log (facets on, as the web page asks; and facets=0),
#      and /healthz as the ceiling; search req/s as a fraction of /healthz req/s; plus 1-connection
#      runs with `Connection: close` (no keep-alive) to tell server time from TCP stalls;
#      and /api/search again with the server's result cache off (--cache 0);
#   4. shards: cold builds with --shards 2 and 4 (one writer thread each) and in-process queries
#      through their stub, and through a stub naming the 2 shards served by xapian-tcpsrv;
#   5. growth: index time, size and in-process p99 at 10%, 30%, 100% of the input (and 10x).
# Results: OUT/BENCHMARKS.md (+ <repo>/BENCHMARKS.md unless --quick), printed at the end;
# OUT/results.tsv (every number), OUT/http.tsv, OUT/commands.txt, OUT/raw/*, OUT/peers/*.
# wrk, the server and the indexers share the machine: on a 2-core host wrk takes CPU from the server.
#
# deps (Debian): wrk xapian-omega xapian-tools (xapian-tcpsrv, xapian-compact) libxapian-dev sqlite3 python3 g++ bc time curl
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
# shellcheck source=bench/portable.sh
. "$HERE/portable.sh"
ORIG_ARGS=("$@")

CORPUS="${VANBAN_SHARED:-$REPO/../shared}/data/baomoi_news/docs.jsonl"
FRACTION=1
BUILD="$REPO/build"
OUT=""
PEERS_ON=1
QUICK=0
SCALE10=0
REPS=""
DURATION=""
NQUERIES=1200
PEERS="${VANBAN_SHARED:-$REPO/../shared}/bench/peers.sh"
KEEP=0

die() { echo "bench.sh: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --corpus) CORPUS="${2:?--corpus needs a file}"; shift 2 ;;
    --fraction) FRACTION="${2:?--fraction needs a number}"; shift 2 ;;
    --build) BUILD="${2:?--build needs a directory}"; shift 2 ;;
    --out) OUT="${2:?--out needs a directory}"; shift 2 ;;
    --no-peers) PEERS_ON=0; shift ;;
    --quick) QUICK=1; shift ;;
    --scale10) SCALE10=1; shift ;;
    --reps) REPS="${2:?--reps needs a number}"; shift 2 ;;
    --duration) DURATION="${2:?--duration needs seconds}"; shift 2 ;;
    --queries) NQUERIES="${2:?--queries needs a number}"; shift 2 ;;
    --peers) PEERS="${2:?--peers needs a file}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
if ((QUICK)); then REPS="${REPS:-1}"; DURATION="${DURATION:-3}"; WARMUP_S=1
else REPS="${REPS:-3}"; DURATION="${DURATION:-20}"; WARMUP_S=5; fi
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive integer"
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "--duration must be a positive integer (seconds)"
[[ "$NQUERIES" =~ ^[1-9][0-9]*$ ]] || die "--queries must be a positive integer"
awk -v f="$FRACTION" 'BEGIN{exit !(f+0 > 0 && f+0 <= 1)}' || die "--fraction must be in (0, 1]"
[[ -f "$CORPUS" ]] || die "no corpus file $CORPUS"

# ---- tools ----------------------------------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1 || die "missing tool '$1' — install it: apt-get install -y $2"; }
[[ -x "$PY" ]] || die "missing $PY — apt-get install -y python3"
need /usr/bin/time time; need bc bc; need wrk wrk; need curl curl; need du coreutils; need awk gawk
if ((PEERS_ON)); then
  [[ -f "$PEERS" ]] || die "no peer harness at $PEERS (use --peers FILE or --no-peers)"
  need omindex xapian-omega; need quest xapian-tools; need xapian-compact xapian-tools
  need sqlite3 sqlite3; need g++ g++; need xapian-config libxapian-dev
fi
VB_INDEX="$BUILD/indexer/vanban-index"; VB_SEARCH="$BUILD/indexer/vanban-search"
VB_SERVER="$BUILD/server/vanban-server"
for b in "$VB_INDEX" "$VB_SEARCH" "$VB_SERVER"; do
  [[ -x "$b" ]] || die "missing $b — build first: cmake -S $REPO -B $BUILD -G Ninja && ninja -C $BUILD"
done

# ---- output ---------------------------------------------------------------------------------
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="${OUT:-$HERE/out/bench-$STAMP}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
RAW="$OUT/raw"; Q="$OUT/queries"
mkdir -p "$RAW" "$Q" "$OUT/input" "$OUT/vanban" "$OUT/growth" "$OUT/bin"
# pin the binaries for the whole run (a concurrent rebuild must not swap them mid-run)
for b in "$VB_INDEX" "$VB_SEARCH" "$VB_SERVER"; do cp -p "$b" "$OUT/bin/"; done
(cd "$OUT/bin" && sha256sum vanban-index vanban-search vanban-server > SHA256SUMS)
VB_INDEX_SRC="$VB_INDEX"
VB_INDEX="$OUT/bin/vanban-index"; VB_SEARCH="$OUT/bin/vanban-search"; VB_SERVER="$OUT/bin/vanban-server"
RESULTS="$OUT/results.tsv"; : > "$RESULTS"
HTTP_TSV="$OUT/http.tsv"; : > "$HTTP_TSV"
CMDS="$OUT/commands.txt"; : > "$CMDS"
T_START=$(date +%s)

log() { echo "[bench $(date +%H:%M:%S)] $*" | tee -a "$OUT/bench.log" >&2; }
put() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }   # KEY VALUE
get() { awk -F'\t' -v k="$1" '$1==k{v=$2} END{print v}' "$RESULTS"; }
# cmdlog CMD... : appends the command, shell-quoted and portable (see portable.sh: $OUT, $PORT,
# paths relative to the repository root), to commands.txt;
# CMD_PREFIX (environment) and CMD_SUFFIX (stdin redirection) are written around it
cmdlog() {
  local s; s="${CMD_PREFIX:-}$(printf '%q ' "$@")"; s="${s% }${CMD_SUFFIX:-}"
  portable "$s" >> "$CMDS"
}
fmt3() { awk -v x="$1" 'BEGIN{printf "%.3f", x}'; }
# timed NAME CMD... : CMD under /usr/bin/time -v; stdout/stderr in raw/NAME.{out,err};
# records NAME.wall_s, NAME.cpu_s (user + sys), NAME.rss_kb, NAME.rc; returns CMD's status.
# stdin is passed through.
timed() {
  local name="$1"; shift
  cmdlog "$@"
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$RAW/$name.time.txt" "$@" > "$RAW/$name.out" 2> "$RAW/$name.err" || rc=$?
  t1=$(date +%s.%N)
  put "$name.wall_s" "$(fmt3 "$(echo "$t1 - $t0" | bc -l)")"
  put "$name.rss_kb" "$(awk -F': ' '/Maximum resident set size/{print $2}' "$RAW/$name.time.txt")"
  put "$name.cpu_s" "$(awk -F': ' '/User time|System time/{s += $2} END{printf "%.2f", s}' "$RAW/$name.time.txt")"
  put "$name.rc" "$rc"
  return "$rc"
}
phase_t0=0
phase() { # NAME: closes the previous phase, opens NAME
  local now; now=$(date +%s)
  [[ -n "${PHASE:-}" ]] && put "phase.$PHASE.s" "$((now - phase_t0))"
  PHASE="$1"; phase_t0=$now
  [[ "$1" != end ]] && log "== $1"
  return 0
}
# vanban_index NAME DB FILE : cold or incremental run; records NAME.* plus NAME.summary
vanban_index() {
  local name="$1" db="$2" file="$3"
  cat "$file" > /dev/null   # same page-cache state for every system: input read once first
  timed "$name" "$VB_INDEX" --db "$db" -q "$file" \
    || die "vanban-index failed (status $(get "$name.rc")); see $RAW/$name.err"
  local line; line="$(grep -h '^indexed ' "$RAW/$name.out" "$RAW/$name.err" | tail -1 || true)"
  [[ -n "$line" ]] || die "vanban-index printed no summary line; see $RAW/$name.out"
  put "$name.summary" "$line"
  put "$name.bytes" "$(du -sb "$db" | cut -f1)"
  if [[ "${COMPACT:-0}" == 1 ]] && command -v xapian-compact >/dev/null; then
    rm -rf "$db.compact"
    xapian-compact "$db" "$db.compact" > /dev/null 2>&1 \
      && put "$name.compact_bytes" "$(du -sb "$db.compact" | cut -f1)" || true
    rm -rf "$db.compact"
  fi
  log "$name: $line (wall $(get "$name.wall_s") s, peak RSS $(($(get "$name.rss_kb") / 1024)) MB)"
}
# vanban_query NAME DB FILE [warm] : one warm-up pass over the query log (not recorded) unless
# warm=0, then one run over FILE (queries.reps.txt holds the log REPS times)
vanban_query() {
  local name="$1" db="$2" file="$3" warm="${4:-1}" rc=0
  if ((warm)); then
    "$VB_SEARCH" --db "$db" --latency < "$Q/queries.txt" > "$RAW/$name.warmup.out" 2>&1 || true
  fi
  CMD_SUFFIX=" < $file" timed "$name" "$VB_SEARCH" --db "$db" --latency ${VB_QUERY_FLAGS:-} < "$file" || rc=$?
  local line; line="$(grep -h '^queries ' "$RAW/$name.out" | tail -1 || true)"
  [[ -n "$line" ]] || die "vanban-search --latency printed no summary (status $rc); see $RAW/$name.err"
  put "$name.line" "$line"
  # "queries N errors N mean_ms X p50_ms X p95_ms X p99_ms X max_ms X" -> NAME.queries, NAME.p50_ms, ...
  set -- $line
  while (($# >= 2)); do put "$name.$1" "$2"; shift 2; done
  ((rc == 0)) || log "WARNING: vanban-search --latency reported errors: $line"
}

cleanup() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  for pid in "${TCP_PIDS[@]:-}"; do [[ -n "$pid" ]] && kill -- "-$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# ---- 0. machine, input, queries -------------------------------------------------------------
phase prepare
put meta.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
put meta.command "$(portable "bench/bench.sh${ORIG_ARGS[*]:+ ${ORIG_ARGS[*]}}")"
put meta.mode "$( ((QUICK)) && echo quick || echo full)"
put meta.cpu "$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
put meta.cores "$(nproc)"
free -g > "$RAW/free.txt"
put meta.kernel "$(uname -sr)"
put meta.os "$(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-?}")"
put meta.loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"
put meta.commit "$(git -C "$REPO" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
put meta.commit_subject "$(git -C "$REPO" log -1 --format=%s 2>/dev/null || true)"
put meta.dirty "$(git -C "$REPO" status --porcelain --untracked-files=no -- indexer server CMakeLists.txt 2>/dev/null | awk '{print $2}' | tr '\n' ' ')"
put meta.binaries "$(portable "$BUILD"), built $(date -u -r "$VB_INDEX_SRC" '+%Y-%m-%d %H:%M UTC'), copied to \$OUT/bin"
put meta.corpus "$(portable "$CORPUS")"; put meta.fraction "$FRACTION"; put meta.reps "$REPS"
put meta.duration "$DURATION"; put meta.peers "$PEERS_ON"; put meta.scale10 "$SCALE10"
put meta.versions "$( (wrk --version 2>&1 | head -1; omindex --version 2>/dev/null | head -1; \
  sqlite3 --version 2>/dev/null | cut -d' ' -f1; xapian-config --version 2>/dev/null) | tr '\n' ';')"

INPUT="$OUT/input/docs.jsonl"
cmdlog "$PY" "$HERE/bench_lib.py" sample "$CORPUS" "$INPUT" "$FRACTION"
IFS=$'\t' read -r NDOCS NBYTES < <("$PY" "$HERE/bench_lib.py" sample "$CORPUS" "$INPUT" "$FRACTION")
((NDOCS > 0)) || die "the sample is empty: raise --fraction"
put input.docs "$NDOCS"; put input.text_bytes "$NBYTES"; put input.file_bytes "$(stat -c %s "$INPUT")"
log "input: $NDOCS docs, $NBYTES bytes of text ($INPUT)"
cmdlog "$PY" "$HERE/make_queries.py" "$INPUT" "$Q" --n "$NQUERIES"
"$PY" "$HERE/make_queries.py" "$INPUT" "$Q" --n "$NQUERIES" > "$RAW/make_queries.out"
put queries.stats "$(cat "$Q/queries.stats.txt")"
log "queries: $(cat "$Q/queries.stats.txt")"
NQ=$(grep -c . "$Q/queries.txt")
put queries.n "$NQ"
for ((r = 0; r < REPS; r++)); do cat "$Q/queries.txt"; done > "$Q/queries.reps.txt"
awk '{printf "q%d\t%s\n", NR, $0}' "$Q/queries.txt" > "$Q/queries.qid.tsv"
sed 's/$/\&facets=0/' "$Q/urls.txt" > "$Q/urls_nofacets.txt"
echo /healthz > "$Q/urls_healthz.txt"

# ---- 1. vanban indexing ---------------------------------------------------------------------
phase vanban_index
VDB="$OUT/vanban/db"; VIN="$OUT/vanban/docs.jsonl"
cp "$INPUT" "$VIN"          # vanban indexes this copy; the 1% change is written over it later
rm -rf "$VDB"
COMPACT=1 vanban_index idx.vanban "$VDB" "$VIN"
put idx.vanban.docs_in_db "$(get idx.vanban.summary | sed -n 's/.*the index has \([0-9]*\) documents.*/\1/p')"
vanban_index reidx.nochange "$VDB" "$VIN"

# ---- 2. vanban in-process queries -----------------------------------------------------------
phase vanban_query
vanban_query q.vanban "$VDB" "$Q/queries.reps.txt"
log "vanban in-process: $(get q.vanban.line)"
VB_QUERY_FLAGS=--facets vanban_query q.vanban_facets "$VDB" "$Q/queries.reps.txt" 0
log "vanban in-process with facets: $(get q.vanban_facets.line)"
for f in "$Q"/queries.by_kind/*.txt; do
  k="$(basename "$f" .txt)"
  vanban_query "q.vanban.kind.$k" "$VDB" "$f" 0
done
# which queries return anything (top 10 ids, no snippets; its wall time gives the cost without snippets)
CMD_SUFFIX=" < $Q/queries.qid.tsv" timed q.vanban.trec "$VB_SEARCH" --db "$VDB" --trec --limit 10 \
  < "$Q/queries.qid.tsv" || log "WARNING: vanban-search --trec failed; see $RAW/q.vanban.trec.err"
cp "$RAW/q.vanban.trec.out" "$RAW/vanban.hits.run"

# ---- 3. HTTP --------------------------------------------------------------------------------
phase http
PORT="$("$PY" "$HERE/bench_lib.py" freeport)"
BASE="http://127.0.0.1:$PORT"
cmdlog "$VB_SERVER" --db "$VDB" --host 127.0.0.1 --port "$PORT"
t0=$(date +%s.%N)
# start_vb_server LOG [ARGS...]: vanban-server on $VDB and $PORT, waited for (60 s at most)
start_vb_server() {
  local log="$1"; shift
  "$VB_SERVER" --db "$VDB" --host 127.0.0.1 --port "$PORT" "$@" > "$log" 2>&1 &
  SERVER_PID=$!
  for ((i = 0; i < 600; i++)); do
    curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || die "vanban-server exited; see $log"
    sleep 0.1
  done
}
start_vb_server "$RAW/server.log"
curl -fsS -o /dev/null "$BASE/healthz" || die "vanban-server did not answer /healthz in 60 s"
put server.start_s "$(fmt3 "$(echo "$(date +%s.%N) - $t0" | bc -l)")"
curl -fsS "$BASE/healthz" > "$RAW/healthz.json"
# sanity: the first URLs answer 200 with JSON
for u in $(head -5 "$Q/urls.txt"); do
  code=$(curl -s -o "$RAW/sample_response.json" -w '%{http_code}' "$BASE$u")
  [[ "$code" == 200 ]] || die "GET $u answered $code; see $RAW/sample_response.json"
done
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$(grep -m1 -E '&(from|to|type)=' "$Q/urls.txt" || head -1 "$Q/urls.txt")")
put http.filter_sample_status "$code"
printf 'endpoint\tconns\tthreads\tduration_s\trequests\trps\tp50_ms\tp90_ms\tp99_ms\tmax_ms\tmean_ms\terr_connect\terr_read\terr_write\terr_timeout\tnon2xx\n' > "$HTTP_TSV"
# wrk_run ENDPOINT PATHS_FILE CONNS DURATION [record [EXTRA_WRK_ARGS...]]
wrk_run() {
  local ep="$1" paths="$2" c="$3" d="$4" rec="${5:-1}" t=2
  shift 4; (($#)) && shift
  ((c < t)) && t=$c
  local name="wrk.$ep.c$c"
  ((rec)) || name="wrk.warmup.$ep"
  CMD_PREFIX="WRK_PATHS=$paths " cmdlog wrk -t"$t" -c"$c" -d"${d}s" --timeout 10s --latency "$@" -s "$HERE/wrk_paths.lua" "$BASE"
  WRK_PATHS="$paths" wrk -t"$t" -c"$c" -d"${d}s" --timeout 10s --latency "$@" -s "$HERE/wrk_paths.lua" "$BASE" \
    > "$RAW/$name.txt" 2>&1 || die "wrk failed; see $RAW/$name.txt"
  ((rec)) || return 0
  local j; j="$(grep -m1 '^WRKJSON ' "$RAW/$name.txt" | cut -d' ' -f2-)"
  [[ -n "$j" ]] || die "wrk printed no WRKJSON line; see $RAW/$name.txt"
  "$PY" - "$ep" "$c" "$t" "$j" >> "$HTTP_TSV" <<'EOF'
import json, sys
ep, c, t, j = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
ms = lambda k: f'{j[k] / 1000:.2f}'
print('\t'.join([ep, c, t, f'{j["duration_s"]:.2f}', str(j['requests']), f'{j["rps"]:.1f}',
                 ms('lat_p50_us'), ms('lat_p90_us'), ms('lat_p99_us'), ms('lat_max_us'), ms('lat_mean_us'),
                 str(j['err_connect']), str(j['err_read']), str(j['err_write']), str(j['err_timeout']),
                 str(j['non2xx'])]))
EOF
  log "wrk $ep c=$c: $(tail -1 "$HTTP_TSV" | awk -F'\t' '{printf "%s req/s, p50 %s ms, p99 %s ms, non2xx %s, timeouts %s", $6, $7, $9, $16, $15}')"
}
wrk_run search "$Q/urls.txt" 8 "$WARMUP_S" 0
for c in 1 8 64; do
  wrk_run search "$Q/urls.txt" "$c" "$DURATION"
  wrk_run search_nofacets "$Q/urls_nofacets.txt" "$c" "$DURATION"
  wrk_run healthz "$Q/urls_healthz.txt" "$c" "$DURATION"
done
# diagnostic: one connection per request (no keep-alive), to separate server time from TCP stalls
wrk_run search_close "$Q/urls.txt" 1 "$DURATION" 1 -H "Connection: close"
wrk_run healthz_close "$Q/urls_healthz.txt" 1 "$DURATION" 1 -H "Connection: close"
put server.rss_kb "$(awk '/VmHWM/{print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo)"
put server.threads "$(awk '/Threads/{print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo)"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
# The same searches with the result cache off: every request matches, counts facets and
# makes snippets (the URL log repeats, so the runs above are mostly cache hits).
cmdlog "$VB_SERVER" --db "$VDB" --host 127.0.0.1 --port "$PORT" --cache 0
start_vb_server "$RAW/server_nocache.log" --cache 0
wrk_run search_nocache "$Q/urls.txt" 8 "$WARMUP_S" 0
for c in 1 8 64; do
  wrk_run search_nocache "$Q/urls.txt" "$c" "$DURATION"
done
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

# ---- 4. incremental: 1% of the documents changed --------------------------------------------
phase vanban_incremental
cmdlog "$PY" "$HERE/bench_lib.py" modify "$INPUT" "$VIN" 0.01 7
CHANGED="$("$PY" "$HERE/bench_lib.py" modify "$INPUT" "$VIN.tmp" 0.01 7)"
mv "$VIN.tmp" "$VIN"        # same path as the first run: same source, same ids
put reidx.inc.changed "$CHANGED"
vanban_index reidx.inc "$VDB" "$VIN"
upd="$(get reidx.inc.summary | sed -n 's/.*, \([0-9]*\) updated).*/\1/p')"
[[ "$upd" == "$CHANGED" ]] || log "WARNING: changed $CHANGED documents but vanban-index updated ${upd:-?}"

# ---- 5. peers -------------------------------------------------------------------------------
if ((PEERS_ON)); then
  phase peers
  CMD_PREFIX="REPS=$REPS INDEX_RUNS=1 " cmdlog bash "$PEERS" "$INPUT" "$Q/queries.txt" "$OUT/peers"
  REPS="$REPS" INDEX_RUNS=1 bash "$PEERS" "$INPUT" "$Q/queries.txt" "$OUT/peers" > "$RAW/peers.log" 2>&1 \
    || die "peers.sh failed; see $RAW/peers.log"
  for s in xapian fts5; do
    IFS=$'\t' read -r n p50 p95 p99 mean < <("$PY" "$HERE/bench_lib.py" inproc-stats "$OUT/peers/$s.q_inproc.tsv")
    put "q.$s.n" "$n"; put "q.$s.p50_ms" "$p50"; put "q.$s.p95_ms" "$p95"; put "q.$s.p99_ms" "$p99"
    put "q.$s.mean_ms" "$mean"
  done
  log "peers: $(tail -n +3 "$OUT/peers/summary.md" | head -4 | tr '\n' ' ')"
fi

# ---- 6. shards: one writer thread per shard; searched through the stub, and remotely --------
phase shards
for n in 2 4; do
  sdb="$OUT/shards/s$n"
  rm -rf "$sdb"; mkdir -p "$OUT/shards"
  cat "$INPUT" > /dev/null
  timed "idx.shards$n" "$VB_INDEX" --db "$sdb" --shards "$n" -q "$INPUT" \
    || die "vanban-index --shards $n failed; see $RAW/idx.shards$n.err"
  put "idx.shards$n.summary" "$(grep -h '^indexed ' "$RAW/idx.shards$n.out" | tail -1)"
  put "idx.shards$n.bytes" "$(du -sb "$sdb" | cut -f1)"
  log "shards $n: $(get "idx.shards$n.summary") (wall $(get "idx.shards$n.wall_s") s)"
  vanban_query "q.shards$n" "$sdb" "$Q/queries.reps.txt"
done
# The 2 shards served by two xapian-tcpsrv on loopback; a front directory holds the stub
# ("remote 127.0.0.1:PORT" lines) and a copy of the catalog.
if command -v xapian-tcpsrv >/dev/null; then
  front="$OUT/shards/front"; rm -rf "$front"; mkdir -p "$front"
  TCP_PIDS=(); stub_text=""   # the stub as the report shows it: free ports as $PORT_0, $PORT_1
  for k in 0 1; do
    p="$("$PY" "$HERE/bench_lib.py" freeport)"
    # own session: on SIGTERM xapian-tcpsrv signals its whole process group
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p" "$OUT/shards/s2/shard-$k" \
      > /dev/null 2>&1 &
    TCP_PIDS+=($!)
    echo "remote 127.0.0.1:$p" >> "$front/XAPIANDB"
    stub_text+="remote 127.0.0.1:\$PORT_$k "
  done
  cp -r "$OUT/shards/s2/catalog" "$front/catalog"
  sleep 1
  echo "# \$OUT/shards/front/XAPIANDB: ${stub_text% }" >> "$CMDS"
  vanban_query q.remote2 "$front" "$Q/queries.reps.txt"
  for pid in "${TCP_PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
fi
((KEEP)) || rm -rf "$OUT/shards/s4"

# ---- 7. growth ------------------------------------------------------------------------------
phase growth
growth_point() { # LABEL FRACTION_OF_CORPUS | LABEL x10
  local label="$1" f="$2" dir="$OUT/growth/$1"
  mkdir -p "$dir"
  if [[ "$f" == x10 ]]; then
    cmdlog "$PY" "$HERE/bench_lib.py" replicate "$INPUT" "$dir/docs.jsonl" 10
    "$PY" "$HERE/bench_lib.py" replicate "$INPUT" "$dir/docs.jsonl" 10
  else
    cmdlog "$PY" "$HERE/bench_lib.py" sample "$CORPUS" "$dir/docs.jsonl" "$f"
    "$PY" "$HERE/bench_lib.py" sample "$CORPUS" "$dir/docs.jsonl" "$f" > /dev/null
  fi
  local n b; IFS=$'\t' read -r n b < <("$PY" "$HERE/bench_lib.py" stats "$dir/docs.jsonl")
  put "growth.$label.docs" "$n"; put "growth.$label.text_bytes" "$b"
  rm -rf "$dir/db"
  COMPACT=1 vanban_index "growth.$label.idx" "$dir/db" "$dir/docs.jsonl"
  vanban_query "growth.$label.q" "$dir/db" "$Q/queries.reps.txt"
}
growth_point p10 "$(awk -v f="$FRACTION" 'BEGIN{printf "%.6g", f * 0.1}')"
growth_point p30 "$(awk -v f="$FRACTION" 'BEGIN{printf "%.6g", f * 0.3}')"
if ((SCALE10)); then
  growth_point x10 x10
  if ((!KEEP)); then rm -rf "$OUT/growth/x10/db" "$OUT/growth/x10/docs.jsonl"; fi
fi

# ---- 8. report ------------------------------------------------------------------------------
phase end
put meta.loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
put meta.total_s "$(($(date +%s) - T_START))"
REPORT_ARGS=("$OUT")
((QUICK)) || REPORT_ARGS+=(--root "$REPO/BENCHMARKS.md")
"$PY" "$HERE/bench_report.py" "${REPORT_ARGS[@]}"
log "done in $(get meta.total_s) s; raw outputs in $OUT"
