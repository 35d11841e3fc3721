#!/usr/bin/env bash
# Crash safety: kill -9 the indexer at random points; after each kill the
# index must open; a final run must complete the job with every document
# exactly once and the knowledge base complete.
# Usage: crash_test.sh BUILD_DIR
set -euo pipefail
. "$(dirname "$0")/server_lib.sh"
build=$1
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

n=3000
python3 - "$work/docs.jsonl" "$n" <<'PY'
import json, random, sys
random.seed(7)
words = ("thi đua khen thưởng phong trào dân vận khéo chuyển đổi số cải cách hành chính "
         "nông thôn mới an sinh xã hội quốc phòng an ninh kinh tế văn hóa giáo dục").split()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(int(sys.argv[2])):
        body = " ".join(random.choice(words) for _ in range(400))
        text = (f"Văn bản thử nghiệm số {i}. Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của "
                f"Bộ Chính trị và phong trào thi đua “Dân vận khéo”. {body}")
        f.write(json.dumps({"id": f"doc-{i:05d}", "title": f"Văn bản {i}", "text": text},
                           ensure_ascii=False) + "\n")
PY

db="$work/db"
for round in 1 2 3 4 5 6; do
  "$build/indexer/vanban-index" -q --commit-every 100 --db "$db" "$work/docs.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -f "$db/iamglass" ]; then
    "$build/indexer/vanban-search" --db "$db" --limit 1 "dân vận khéo" >/dev/null ||
      fail "round $round: the index does not open after kill -9"
    have=$("$build/indexer/vanban-search" --db "$db" --limit 1 "" | head -1)
    echo "round $round: killed; index opens ($have)"
  else
    echo "round $round: killed before the first commit"
  fi
done

out=$("$build/indexer/vanban-index" -q --commit-every 100 --db "$db" "$work/docs.jsonl")
echo "$out"
grep -q "the index has $n documents" <<<"$out" || fail "final run: $out"
out=$("$build/indexer/vanban-index" -q --db "$db" "$work/docs.jsonl")
grep -q "indexed 0 .*unchanged $n, removed 0" <<<"$out" || fail "re-run changed something: $out"
grep -q "the index has $n documents" <<<"$out" || fail "duplicates: $out"

# The knowledge base knows every citing document.
start_server "$build/server/vanban-server" "$db" "$work/server.log" ||
  fail "server did not start"
body=$(curl -fs "http://127.0.0.1:$port/api/directives/34-CT%2FTW")
grep -q "\"cited_by_count\":$n" <<<"$body" || fail "directive entity incomplete: ${body:0:300}"
body=$(curl -fs "http://127.0.0.1:$port/api/campaigns/dan-van-kheo")
grep -q "\"document_count\":$n" <<<"$body" || fail "campaign entity incomplete: ${body:0:300}"
echo "crash_test: all checks passed"
