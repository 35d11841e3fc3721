#!/usr/bin/env bash
# deploy/nginx/vanban.conf as it is (ports and certificate replaced), with
# Debian's nginx started unprivileged on loopback in front of vanban-server:
# TLS, the HTTP redirect, gzip of JSON, headers passed through, rate limits
# with a JSON 429, a JSON 503 when the server is down, and wrk's load
# through it without an error.
# Usage: nginx_test.sh BUILD_DIR REPO_DIR
set -euo pipefail
. "$(dirname "$0")/server_lib.sh"
. "$(dirname "$0")/nginx_lib.sh"
. "$(dirname "$0")/wrk_lib.sh"
build=$1
repo=$2
begin_test
fail() {  # with nginx's own log
  echo "FAIL: $*" >&2
  [ -n "${nginx_dir:-}" ] && grep -hv 'limiting requests' "$nginx_dir"/logs/*.log >&2
  exit 1
}
for tool in wrk python3 curl openssl; do command -v "$tool" >/dev/null || fail "$tool is missing"; done

"$build/indexer/vanban-index" -q --db "$work/db" "$repo/corpus"
start_server "$build/server/vanban-server" "$work/db" "$work/server.log" \
  --max-connections-per-client 4096 || fail "the server did not start"
start_nginx "$repo/deploy/nginx/vanban.conf" "$port" || fail "nginx did not start"
if [ "$(id -u)" -eq 0 ]; then
  [ "$(ps -o user= -p "$(cat "$nginx_dir/nginx.pid")")" = nobody ] || fail "nginx runs as root"
fi
base="https://127.0.0.1:$nginx_port"

curl -skD "$work/h" "$base/healthz" -o "$work/b" || fail "no answer over TLS"
grep -q '"status":"ok"' "$work/b" || fail "healthz through nginx: $(cat "$work/b")"
grep -qi '^x-content-type-options: nosniff' "$work/h" || fail "the server's headers are lost"
grep -qi '^strict-transport-security:' "$work/h" || fail "no HSTS"
curl -sD - -o /dev/null "http://127.0.0.1:$nginx_http_port/healthz" | grep -qi '^location: https://' ||
  fail "plain HTTP is not redirected"
curl -skD "$work/h" -H 'Accept-Encoding: gzip' "$base/api/search?q=thi+%C4%91ua" -o "$work/b.gz"
grep -qi '^content-encoding: gzip' "$work/h" || fail "search JSON is not gzipped"
gzip -dc "$work/b.gz" | grep -q '"results"' || fail "gzipped body is not the search answer"

# From another loopback address (not exempt): past the burst, a JSON 429
# with Retry-After.
urls=()
for i in $(seq 150); do urls+=(-o "$work/limited.$i" "$base/api/search?q=phong+tr%C3%A0o"); done
curl -sk --interface 127.0.0.2 -w '%{http_code} %header{retry-after} %{filename_effective}\n' "${urls[@]}" \
  > "$work/codes"
echo "from 127.0.0.2: $(cut -d' ' -f1 "$work/codes" | sort | uniq -c | paste -sd' ')"
grep -q '^200 ' "$work/codes" || fail "nothing served"
limited=$(grep -m1 '^429 1 ' "$work/codes") || fail "no 429 with Retry-After: 1"
grep -q '"error":"too many requests"' "${limited##* }" || fail "429 body: $(cat "${limited##* }")"

# Load from the exempt address: no error at all.
printf '%s\n' "/api/search?q=d%C3%A2n+v%E1%BA%ADn" "/api/search?q=34-CT%2FTW" "/healthz" > "$work/urls.txt"
# Each search once first: a cold burst of one query is shed by the search
# gate (503), as it should be, and is not what this measures.
while read -r path; do curl -sk -o /dev/null "$base$path"; done < "$work/urls.txt"
wrk_check "$work/urls.txt" 64 3 "$base" "through nginx" || fail "errors through nginx"

kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
code=$(curl -sk -o "$work/b" -w '%{http_code}' "$base/api/search?q=x")
[ "$code" = 503 ] && grep -q '"error":"service unavailable"' "$work/b" ||
  fail "server down: $code $(cat "$work/b")"
echo "nginx_test: OK"
