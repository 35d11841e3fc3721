#!/usr/bin/env bash
# vanban-index --watch as the service runs it: a new file is searchable
# within 5 s; after kill -9, a restart catches up on what changed while it
# was down (a file added, one changed, one deleted); SIGTERM ends it
# cleanly.
# Usage: watch_test.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
build=$1
corpus=$2
work=$(mktemp -d)
watch_pid=
cleanup() {
  [ -n "$watch_pid" ] && kill -9 "$watch_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; cat "$work/watch.log" >&2; exit 1; }

index=$build/indexer/vanban-index
search=$build/indexer/vanban-search
cp -r "$corpus" "$work/corpus"
: >"$work/watch.log"

letter() {
  printf 'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: %s\nV/v hưởng ứng phong trào thi đua “Dân vận khéo”\n' "$1"
}

# Starts watching and waits for its first (full) run.
start_watch() {
  local runs
  runs=$(grep -c '^full run' "$work/watch.log" || true)
  "$index" --watch -q --db "$work/db" "$work/corpus" >>"$work/watch.log" 2>&1 &
  watch_pid=$!
  for _ in $(seq 200); do
    [ "$(grep -c '^full run' "$work/watch.log" || true)" -gt "$runs" ] && return 0
    sleep 0.1
  done
  fail "no first run"
}

# Waits up to 5 s for `vanban-search QUERY` to find N documents.
expect_found() {
  local query=$1 n=$2
  for _ in $(seq 50); do
    "$search" --db "$work/db" "$query" 2>/dev/null | head -1 | grep -q "^$n documents" && return 0
    sleep 0.1
  done
  fail "\"$query\" did not find $n documents within 5 s: $("$search" --db "$work/db" "$query" | head -1)"
}

start_watch
letter 2468/UBND-VX >"$work/corpus/moi.txt"
expect_found 2468/UBND-VX 1

kill -9 "$watch_pid"
wait "$watch_pid" 2>/dev/null || true
watch_pid=
letter 1357/UBND-VX >"$work/corpus/them.txt"
letter 9999/UBND-VX >"$work/corpus/seeds/001_a09f608bfb9e07f5.txt"
rm "$work/corpus/seeds/000_ddb1ffae0c6ba085.txt"

start_watch
expect_found 1357/UBND-VX 1
expect_found 9999/UBND-VX 1
expect_found "" 6
grep -q 'full run: indexed 2 (1 new, 1 updated), unchanged 4, removed 1' "$work/watch.log" ||
  fail "the restart did not catch up as expected"

kill -TERM "$watch_pid"
wait "$watch_pid" || fail "vanban-index --watch did not exit cleanly on SIGTERM"
watch_pid=
echo "ok"
