#!/usr/bin/env bash
# End-to-end test of the three programs as a user runs them: index a copy
# of the corpus with a broken file in it, re-index, search, serve.
# Usage: cli_test.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
. "$(dirname "$0")/server_lib.sh"
build=$1
corpus=$2
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$corpus" "$work/corpus"
printf 'Ch\xe1\xbb\x89 th\xe1\xbb\x8b \xc3\x28 34-CT/TW\n' > "$work/corpus/seeds/broken.txt"
: > "$work/corpus/seeds/empty.txt"
truncate -s 100M "$work/corpus/seeds/huge.txt"       # sparse: no disk, no memory
printf 'PK\003\004\000\000binary' > "$work/corpus/seeds/archive.zip"
mkdir -p "$work/corpus/loop" && ln -s .. "$work/corpus/loop/up"   # a symlink loop

out=$("$build/indexer/vanban-index" --db "$work/db" "$work/corpus" 2>"$work/err") ||
  fail "vanban-index exited $?"
echo "$out"
grep -q '^indexed 5 (5 new, 0 updated), unchanged 0, removed 0, skipped 4 (binary: 1, empty: 1, invalid UTF-8: 1, too large: 1)' <<<"$out" ||
  fail "unexpected summary: $out"
grep -q 'skipped .*huge.txt: too large: 104857600 bytes, over the limit' "$work/err" || fail "no message for huge.txt"
grep -q 'skipped .*broken.txt: invalid UTF-8: at byte' "$work/err" || fail "no message naming broken.txt"
grep -q 'the index has 5 documents' <<<"$out" || fail "wrong document count"

out=$("$build/indexer/vanban-index" --db "$work/db" "$work/corpus" 2>/dev/null)
grep -q 'unchanged 5, removed 0' <<<"$out" || fail "re-index changed something: $out"
grep -q 'the index has 5 documents' <<<"$out" || fail "re-index changed the count: $out"

rm "$work/corpus/seeds/000_ddb1ffae0c6ba085.txt"
out=$("$build/indexer/vanban-index" --db "$work/db" "$work/corpus" 2>/dev/null)
grep -q 'removed 1' <<<"$out" || fail "deleted file not removed: $out"

"$build/indexer/vanban-index" --db "$work/db" "$work/nonexistent" >/dev/null 2>&1 &&
  fail "a missing PATH must give a non-zero exit status"

out=$("$build/indexer/vanban-search" --db "$work/db" dan van kheo)
grep -q '^2 documents' <<<"$out" || fail "vanban-search: $out"
grep -q '\[Dân vận khéo\]' <<<"$out" || fail "vanban-search snippet: $out"

start_server "$build/server/vanban-server" "$work/db" "$work/server.log" ||
  fail "server did not start: $(cat "$work/server.log")"
body=$(curl -fs "http://127.0.0.1:$port/api/search?q=34-ct%2Ftw")
grep -q '"total":4' <<<"$body" || fail "HTTP search: $body"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/nope")
[ "$status" = 404 ] || fail "unknown route gave $status"
page=$(curl -fs "http://127.0.0.1:$port/")  # not piped: grep -q would cut curl off
grep -q 'lang="vi"' <<<"$page" || fail "page not served"
kill -TERM "$server_pid"
wait "$server_pid" || fail "server did not exit cleanly on SIGTERM"
server_pid=

# The same corpus in two shards, served by two xapian-tcpsrv on loopback;
# vanban-server opens a stub naming them and answers as before.
"$build/indexer/vanban-index" -q --db "$work/sharded" --shards 2 "$work/corpus" >/dev/null 2>&1
[ -f "$work/sharded/XAPIANDB" ] || fail "no stub written for --shards 2"
tcp_pids=()
tcp_ports=()
mkdir -p "$work/front"
for k in 0 1; do
  p=$((40000 + RANDOM % 20000))
  # A session of its own: on SIGTERM, xapian-tcpsrv signals its whole
  # process group, which would otherwise be this script and ctest.
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p" "$work/sharded/shard-$k" \
    2>/dev/null &
  tcp_pids+=($!)
  tcp_ports+=("$p")
  echo "remote 127.0.0.1:$p" >>"$work/front/XAPIANDB"
done
cp -r "$work/sharded/catalog" "$work/front/catalog"
cleanup_tcp() {
  for pid in "${tcp_pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  cleanup
}
trap cleanup_tcp EXIT
# Each xapian-tcpsrv listening (up to 10 s on a loaded machine).
for p in "${tcp_ports[@]}"; do
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break
    sleep 0.1
  done
done
strip() { sed -E 's/"took_ms":[0-9.e+-]+//'; }
start_server "$build/server/vanban-server" "$work/db" "$work/server.log" || fail "server (one db)"
one_port=$port one_pid=$server_pid
start_server "$build/server/vanban-server" "$work/front" "$work/front.log" ||
  fail "server on remote shards did not start: $(cat "$work/front.log")"
for path in '/api/search?q=34-ct%2Ftw&facets=1' '/api/search?q=dan+van+kheo' \
            '/api/directives/34-CT%2FTW' '/api/campaigns'; do
  a=$(curl -fs "http://127.0.0.1:$one_port$path" | strip)
  b=$(curl -fs "http://127.0.0.1:$port$path" | strip)
  [ -n "$a" ] && [ "$a" = "$b" ] || fail "remote shards answer $path differently: $b vs $a"
done
kill "$one_pid" "$server_pid"
server_pid=

# OCR switched off, or bounded, from the command line: a scanned letter
# (seed 004's pages as images) is skipped with the reason, or read in part
# with a warning.
"$(dirname "$0")/../data/pdf/scan_fixtures.sh" "$work/scans" 004 >/dev/null 2>&1 ||
  fail "could not make a scanned PDF (poppler-utils, qpdf, python3)"
mkdir -p "$work/scan" && cp "$work/scans/scanned_004.pdf" "$work/scan/"
out=$("$build/indexer/vanban-index" --no-ocr --db "$work/ocr" "$work/scan" 2>"$work/err")
grep -q 'skipped 1 (scanned PDF without OCR: 1)' <<<"$out" || fail "--no-ocr: $out"
grep -q 'scanned_004.pdf: scanned PDF without OCR: .*OCR is off' "$work/err" ||
  fail "--no-ocr gave no reason: $(cat "$work/err")"
out=$("$build/indexer/vanban-index" --ocr-max-pages 1 --db "$work/ocr" "$work/scan" 2>"$work/err")
grep -q '^indexed 1 (1 new' <<<"$out" || fail "--ocr-max-pages 1: $out"
grep -q 'warning: .*scanned_004.pdf: OCR stopped after 1 pages (--ocr-max-pages)' "$work/err" ||
  fail "--ocr-max-pages gave no warning: $(cat "$work/err")"
echo "cli_test: all checks passed"
