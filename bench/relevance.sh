#!/usr/bin/env bash
# Relevance of vanban against the peers (SQLite FTS5, Xapian Omega) on the judged sets.
#
# usage (from the repo root):
#   bench/relevance.sh [--build DIR] [--out DIR] [--sets LIST] [--no-peers] [--fresh-peers] [--shared DIR]
#
#   --build DIR     build directory holding vanban-index and vanban-search (default: build);
#                   build it first:  cmake -S . -B build -G Ninja && ninja -C build
#   --out DIR       where everything is written (default: bench/out/relevance, git-ignored)
#   --sets LIST     comma-separated, any of: alqac2022,alqac2023,phapluat8-symbols,
#                   phapluat8-loose-symbols,phapluat8-subjects (default: all)
#   --no-peers      score vanban only
#   --fresh-peers   re-run the peers even when their cached runs are up to date
#   --shared DIR    the shared data/eval/peers tree (default: $VANBAN_SHARED or ../shared beside the checkout)
#
# For each set it
#   1. indexes the set's docs.jsonl with vanban-index into OUT/<set>/vanban.db (fresh each run;
#      sets on the same docs.jsonl share the first one's index);
#   2. writes OUT/<set>/queries.unaccented.tsv: every query NFD, combining marks dropped, đ→d,
#      lower-cased (the same transformation as peers_trec.sh);
#   3. runs vanban-search --trec --limit 100 on both query files -> OUT/<set>/vanban{,.unaccented}.run;
#   4. runs SHARED/bench/peers_trec.sh into OUT/<set>/peers ({fts5,omega}{,.unaccented}.run),
#      unless those 4 runs exist and are newer than the docs, the queries and the peer scripts;
#   5. scores every run with bench/trec_eval.py (nDCG@10, MRR@10, R@10, R@100 over all judged
#      queries; no results = 0) and prints the Markdown tables, also written to OUT/summary.md.
# Step timings go to stderr (and OUT/timings.tsv). Inputs are only read, never copied.
# The peers need the Debian packages: xapian-omega xapian-tools libxapian-dev sqlite3 python3 g++ bc time
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
# shellcheck source=bench/portable.sh
. "$HERE/portable.sh"
# as run from the repository root, the report carrying no path of this machine (portable.sh)
COMMAND="$(printf '%q ' bench/relevance.sh "$@")"; COMMAND="${COMMAND% }"

BUILD="$REPO/build"
OUT="$REPO/bench/out/relevance"
SETS="alqac2022,alqac2023,phapluat8-symbols,phapluat8-loose-symbols,phapluat8-subjects"
PEERS=1
FRESH_PEERS=0
SHARED="${VANBAN_SHARED:-$REPO/../shared}"

die() { echo "relevance.sh: error: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
need_arg() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see --help)"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) need_arg "$@"; BUILD="$2"; shift 2 ;;
    --out) need_arg "$@"; OUT="$2"; shift 2 ;;
    --sets) need_arg "$@"; SETS="$2"; shift 2 ;;
    --shared) need_arg "$@"; SHARED="$2"; shift 2 ;;
    --no-peers) PEERS=0; shift ;;
    --fresh-peers) FRESH_PEERS=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

# ---- checks ---------------------------------------------------------------------------------
[[ -d "$BUILD" ]] || die "build directory '$BUILD' does not exist; build first: cmake -S . -B build -G Ninja && ninja -C build (or pass --build DIR)"
BUILD="$(cd "$BUILD" && pwd)"
find_bin() {
  local c
  for c in "$BUILD/indexer/$1" "$BUILD/$1" "$BUILD/bin/$1"; do
    [[ -x "$c" && -f "$c" ]] && { echo "$c"; return 0; }
  done
  return 1
}
INDEX_BIN="$(find_bin vanban-index)" || die "no vanban-index in '$BUILD' (looked in indexer/, ./, bin/); build it: ninja -C '$BUILD'"
SEARCH_BIN="$(find_bin vanban-search)" || die "no vanban-search in '$BUILD' (looked in indexer/, ./, bin/); build it: ninja -C '$BUILD'"
"$SEARCH_BIN" --help 2>/dev/null | grep -q -- '--trec' || die "$SEARCH_BIN has no --trec option; rebuild from a newer checkout"
command -v python3 >/dev/null || die "python3 not found (apt-get install -y python3)"
[[ -d "$SHARED" ]] || die "shared tree '$SHARED' not found (pass --shared DIR or set VANBAN_SHARED)"
SHARED="$(cd "$SHARED" && pwd)"
PEERS_TREC="$SHARED/bench/peers_trec.sh"
if [[ $PEERS == 1 ]]; then
  [[ -f "$PEERS_TREC" ]] || die "$PEERS_TREC not found (or use --no-peers)"
  missing=()
  for c in omindex xapian-config sqlite3 g++ bc; do command -v "$c" >/dev/null || missing+=("$c"); done
  ((${#missing[@]} == 0)) || die "peers need: ${missing[*]} — apt-get install -y xapian-omega xapian-tools libxapian-dev sqlite3 python3 g++ bc time (or use --no-peers)"
fi

# set name -> docs, queries, qrels, by-suffix table
set_files() {
  case "$1" in
    alqac2022|alqac2023)
      DOCS="$SHARED/data/$1/docs.jsonl"; QUERIES="$SHARED/data/$1/queries.tsv"; QRELS="$SHARED/data/$1/qrels.tsv"; BYSUFFIX=0 ;;
    phapluat8-symbols)
      DOCS="$SHARED/data/phapluat8/docs.jsonl"; QUERIES="$SHARED/eval/phapluat8-symbols-dev/queries.tsv"
      QRELS="$SHARED/eval/phapluat8-symbols-dev/qrels.tsv"; BYSUFFIX=1 ;;
    phapluat8-loose-symbols|phapluat8-subjects)  # known items: loose-symbols / subjects
      local kind="${1#phapluat8-}"
      DOCS="$SHARED/data/phapluat8/docs.jsonl"; QUERIES="$SHARED/eval/phapluat8-known-item-dev/$kind.queries.tsv"
      QRELS="$SHARED/eval/phapluat8-known-item-dev/$kind.qrels.tsv"; BYSUFFIX=1 ;;
    *) die "unknown set '$1' (known: alqac2022, alqac2023, phapluat8-symbols, phapluat8-loose-symbols, phapluat8-subjects)" ;;
  esac
}
IFS=',' read -r -a SET_LIST <<< "$SETS"
((${#SET_LIST[@]} > 0)) || die "--sets is empty"
for s in "${SET_LIST[@]}"; do
  set_files "$s"
  for f in "$DOCS" "$QUERIES" "$QRELS"; do [[ -r "$f" ]] || die "set $s: cannot read $f"; done
done

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TIMINGS="$OUT/timings.tsv"
: > "$TIMINGS"
T_START=$EPOCHREALTIME

log() { echo "[relevance] $*" >&2; }
# step SET NAME CMD... : run CMD, print and record its wall time
step() {
  local set="$1" name="$2" t0=$EPOCHREALTIME rc=0 dt
  shift 2
  log "$set: $name ..."
  "$@" || rc=$?
  dt=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  if ((rc != 0)); then log "$set: $name FAILED (exit $rc) after ${dt} s"; exit "$rc"; fi
  log "$set: $name done in ${dt} s"
  printf '%s\t%s\t%s\n' "$set" "$name" "$dt" >> "$TIMINGS"
}

do_index() {  # DOCS DB LOG
  rm -rf "$2" || return 1
  if ! "$INDEX_BIN" --db "$2" -q "$1" > "$3" 2>&1; then cat "$3" >&2; return 1; fi
  grep '^indexed ' "$3" | sed 's/^/[relevance]   /' >&2 || true
}

do_unaccent() {  # QUERIES OUT — identical to the transformation in peers_trec.sh
  python3 - "$1" > "$2" <<'PY'
import sys, unicodedata
for l in open(sys.argv[1], encoding="utf-8"):
    qid, q = l.rstrip("\n").split("\t", 1)
    s = unicodedata.normalize("NFD", q.replace("đ", "d").replace("Đ", "D"))
    print(qid + "\t" + unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn")).lower())
PY
}

do_search() {  # DB QUERIES RUN LOG
  rm -f "$3"
  if ! "$SEARCH_BIN" --db "$1" --trec --limit 100 < "$2" > "$3.tmp" 2> "$4"; then cat "$4" >&2; rm -f "$3.tmp"; return 1; fi
  mv "$3.tmp" "$3"
}

PEER_RUNS=(fts5.run fts5.unaccented.run omega.run omega.unaccented.run)
peers_cached() {  # DIR DOCS QUERIES
  local r dep
  for r in "${PEER_RUNS[@]}"; do
    [[ -s "$1/$r" ]] || return 1
    for dep in "$2" "$3" "$PEERS_TREC" "$SHARED/bench/fts5_trec.py" "$SHARED/bench/peers_lib.py" "$SHARED/bench/xq.cc"; do
      [[ ! -e "$dep" || "$1/$r" -nt "$dep" ]] || return 1
    done
  done
}

do_peers() {  # DOCS QUERIES DIR — run into DIR.tmp, move into place only on success
  local tmp="$3.tmp" r
  rm -rf "$tmp"; mkdir -p "$tmp" "$3"
  if ! bash "$PEERS_TREC" "$1" "$2" "$tmp" > "$tmp/peers_trec.log" 2>&1; then
    tail -n 30 "$tmp/peers_trec.log" >&2; return 1
  fi
  for r in "${PEER_RUNS[@]}"; do [[ -f "$tmp/$r" ]] || { echo "peers_trec.sh wrote no $r" >&2; return 1; }; done
  for r in "${PEER_RUNS[@]}" peers_trec.log; do mv -f "$tmp/$r" "$3/$r"; done
  rmdir "$tmp"
}

# ---- per set --------------------------------------------------------------------------------
REPORT_ARGS=()
declare -A INDEXED=()  # docs.jsonl -> the set whose index holds it
for s in "${SET_LIST[@]}"; do
  set_files "$s"
  D="$OUT/$s"; mkdir -p "$D"
  if [[ -n "${INDEXED[$DOCS]:-}" ]]; then
    log "$s: reusing the index of ${INDEXED[$DOCS]} (same docs)"
    rm -rf "$D/vanban.db"; ln -s "$OUT/${INDEXED[$DOCS]}/vanban.db" "$D/vanban.db"
    cp "$OUT/${INDEXED[$DOCS]}/vanban.index.log" "$D/vanban.index.log"
  else
    step "$s" "vanban-index" do_index "$DOCS" "$D/vanban.db" "$D/vanban.index.log"
    INDEXED[$DOCS]="$s"
  fi
  step "$s" "unaccent queries" do_unaccent "$QUERIES" "$D/queries.unaccented.tsv"
  step "$s" "vanban-search accented" do_search "$D/vanban.db" "$QUERIES" "$D/vanban.run" "$D/vanban.search.log"
  step "$s" "vanban-search unaccented" do_search "$D/vanban.db" "$D/queries.unaccented.tsv" "$D/vanban.unaccented.run" "$D/vanban.unaccented.search.log"
  if [[ $PEERS == 1 ]]; then
    if [[ $FRESH_PEERS == 0 ]] && peers_cached "$D/peers" "$DOCS" "$QUERIES"; then
      log "$s: peers: cached runs in $D/peers are up to date (--fresh-peers to re-run)"
    else
      step "$s" "peers (fts5, omega)" do_peers "$DOCS" "$QUERIES" "$D/peers"
    fi
  fi
  REPORT_ARGS+=(--set "$s" "$QRELS" "$QUERIES" "$BYSUFFIX")
done

# ---- report ---------------------------------------------------------------------------------
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ $COMMIT != unknown && -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  COMMIT="$COMMIT (working tree has uncommitted changes)"
fi
BUILT="$(date -r "$SEARCH_BIN" '+%Y-%m-%d %H:%M:%S %Z')"
HEADER=(
  --header "date: $(date '+%Y-%m-%d %H:%M:%S %Z')"
  --header "commit: \`$COMMIT\`"
  --header "command: \`$(portable "$COMMAND")\` (from the repository root)"
  --header "binaries: \`$(portable "$SEARCH_BIN")\`, built $BUILT"
)
NOPEERS=(); [[ $PEERS == 1 ]] || NOPEERS=(--no-peers)
step "all" "score and report" python3 "$HERE/relevance_report.py" --out "$OUT" "${HEADER[@]}" \
  --timings "$TIMINGS" "${NOPEERS[@]}" "${REPORT_ARGS[@]}" > /dev/null
TOTAL=$(awk -v a="$T_START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
printf 'Total wall time: %s s.\n' "$TOTAL" >> "$OUT/summary.md"
cat "$OUT/summary.md"
log "total ${TOTAL} s; summary in $OUT/summary.md"
