#!/usr/bin/env bash
# vanban-server under load as the CI can afford it (about 30 s): kept-alive
# connections beyond the workers (wrk, 64 and 256), slow clients trickling
# request heads (408 at the head deadline, others answered meanwhile), and
# the per-client connection cap. Checks errors and statuses, not latency:
# bench/load.sh measures on the full index.
# Usage: serving_test.sh BUILD_DIR REPO_DIR
set -euo pipefail
. "$(dirname "$0")/server_lib.sh"
. "$(dirname "$0")/wrk_lib.sh"
build=$1
repo=$2
begin_test
for tool in wrk python3 curl; do command -v "$tool" >/dev/null || fail "$tool is missing"; done

"$build/indexer/vanban-index" -q --db "$work/db" "$repo/corpus"
printf '%s\n' "/api/search?q=d%C3%A2n+v%E1%BA%ADn+kh%C3%A9o" "/api/search?q=34-CT%2FTW" \
  "/api/search?q=thi+%C4%91ua&limit=5" "/api/directives?limit=5" "/healthz" > "$work/urls.txt"
start_server "$build/server/vanban-server" "$work/db" "$work/server.log" --threads 4 \
  --head-timeout-ms 2000 --max-connections-per-client 300 || fail "the server did not start"
grep -q '(4 workers,' "$work/server.log" || fail "no worker count in: $(cat "$work/server.log")"

# Each search once first: a cold burst of one query is shed by the search
# gate (503), as it should be, and is not what this measures.
while read -r path; do curl -sk -o /dev/null "http://127.0.0.1:$port$path"; done < "$work/urls.txt"
wrk_check "$work/urls.txt" 64 3 "http://127.0.0.1:$port" "4 workers" || fail "wrk at 64 connections"
wrk_check "$work/urls.txt" 256 3 "http://127.0.0.1:$port" "4 workers" || fail "wrk at 256 connections"

# 50 slow heads for 6 s with the head deadline at 2 s, normal requests at 20/s.
python3 "$repo/bench/load_client.py" trickle --port "$port" --paths "$work/urls.txt" --rate 20 \
  --slow 50 --interval 0.5 --duration 6 > "$work/trickle.json"
python3 - "$work/trickle.json" <<'PY' || fail "trickle: $(cat "$work/trickle.json")"
import json, sys
j = json.load(open(sys.argv[1]))
slow = j["slow"]
print(f"trickle: normal {j['by_status']}, p99 {j['latency_ms'].get('200', {}).get('p99')} ms, "
      f"{j['errors']} errors; slow heads {slow['answers']}, closed after {slow['closed_after_s']} ms")
assert j["errors"] == 0 and set(j["by_status"]) == {"200"}, "normal requests failed"
assert set(slow["answers"]) == {"408"} and sum(slow["answers"].values()) >= 50, "slow heads not all 408"
assert slow["closed_after_s"]["max"] < 2000 + 3000, "a slow head outlived the deadline by far"
PY

# The cap per client address: 300 open, the 301st refused with 503 + JSON.
python3 - "$port" <<'PY' || fail "connection cap"
import socket, sys, time
port = int(sys.argv[1])
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(300)]
time.sleep(0.5)
extra = socket.create_connection(("127.0.0.1", port))
extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
extra.settimeout(5)
answer = extra.recv(4096).decode()
assert answer.startswith("HTTP/1.1 503") and '"too many connections from this address"' in answer, answer
assert "Retry-After: 1" in answer, answer
print("cap: the 301st connection got 503")
PY
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || fail "not serving after the cap was hit"
echo "serving_test: OK"
