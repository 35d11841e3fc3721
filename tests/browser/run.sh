#!/usr/bin/env bash
# Real-browser end-to-end test: index REPO_DIR/corpus into a temporary
# index, serve it with vanban-server on a free port, and drive the page with
# Debian's Chromium (playwright-core; no browser is downloaded): e2e.mjs runs
# every *.test.mjs of this directory in one browser (lib.mjs is their harness).
#
# Usage: run.sh BUILD_DIR REPO_DIR [NAME...]
#
# NAME (e.g. search) runs only the test files whose name starts with it.
#
# Environment: SHOTS_DIR (screenshots; default BUILD_DIR/browser-shots),
# CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT (seconds, default 240).
# Needs node >= 20 with npm, and chromium (apt-get install chromium).
# Exit status: that of e2e.mjs (0 = every check passed), 1 on a set-up failure.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 BUILD_DIR REPO_DIR [NAME...]" >&2; exit 2; }
build=$(readlink -f "$1")
repo=$(readlink -f "$2")
shift 2
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
export SHOTS_DIR=${SHOTS_DIR:-$build/browser-shots}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

fail() { echo "browser e2e: $*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vanban-browser.XXXXXX")
server_pid=
node_pid=
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [ -n "$node_pid" ]; then
    kill "$node_pid" 2>/dev/null  # playwright closes the browser on SIGTERM
    wait "$node_pid" 2>/dev/null
  fi
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  if [ -s "$work/server.log" ] && [ -d "$SHOTS_DIR" ]; then cp "$work/server.log" "$SHOTS_DIR/server.log"; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# ---------------------------------------------------------------- tools
command -v node >/dev/null || fail "node is not installed (Node.js >= 20 is needed)"
command -v npm >/dev/null || fail "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "node $(node --version) is too old: playwright-core needs >= 20"
[ -x "$CHROMIUM" ] || fail "no browser at $CHROMIUM: apt-get install -y chromium"
command -v curl >/dev/null || fail "curl is not installed"
for exe in "$build/indexer/vanban-index" "$build/server/vanban-server"; do
  [ -x "$exe" ] || fail "$exe is missing: build first (ninja -C $build)"
done

# --------------------------------------------- node_modules (from the lock)
# npm writes node_modules/.package-lock.json at every install: when it is
# older than package.json or package-lock.json, install again.
stamp=$here/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ] || [ "$here/package.json" -nt "$stamp" ]; then
  echo "browser e2e: npm ci in $here"
  (cd "$here" && npm ci --no-audit --no-fund) || fail "npm ci failed"
fi

# ------------------------------------------------------------- index
# Beside the seeds, one document full of markup: the page must show it as text.
mkdir -p "$work/markup"
cat > "$work/markup/markup.txt" <<'DOC'
Tệp kiểm tra giao diện bảo mật
Nội dung có mã: <script>window.__vanbanXss = 1</script> và <img src=x onerror="window.__vanbanXss = 2"> cùng <b>chữ đậm</b>.
DOC
# And an excerpt of a long law (Luật 41/2024/QH15) for its table of contents.
"$build/indexer/vanban-index" --db "$work/db" "$repo/corpus" "$work/markup" "$repo/tests/data/outline" \
  >"$work/index.log" 2>&1 ||
  fail "vanban-index failed: $(cat "$work/index.log")"
grep -q 'the index has [1-9]' "$work/index.log" || fail "empty index: $(cat "$work/index.log")"

# ------------------------------------------------------------- serve
port=
for attempt in 1 2 3 4 5 6 7 8; do
  try=$((20000 + RANDOM % 40000))
  "$build/server/vanban-server" --db "$work/db" --host 127.0.0.1 --port "$try" \
    --web "$repo/server/web" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    if curl -fs "http://127.0.0.1:$try/healthz" >/dev/null 2>&1; then port=$try; break; fi
    kill -0 "$server_pid" 2>/dev/null || break  # exited: port taken, most likely
    sleep 0.05
  done
  [ -n "$port" ] && break
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  echo "browser e2e: server did not start on port $try (attempt $attempt): $(tail -n 3 "$work/server.log")" >&2
done
[ -n "$port" ] || fail "vanban-server did not start"

# --------------------------------------------------------------- test
mkdir -p "$SHOTS_DIR"
rm -f "$SHOTS_DIR"/*.png "$SHOTS_DIR/server.log"
echo "browser e2e: server http://127.0.0.1:$port (pid $server_pid), screenshots in $SHOTS_DIR"
set +e
BASE_URL="http://127.0.0.1:$port" CORPUS_DIR="$repo/corpus" node "$here/e2e.mjs" "$@" </dev/null &
node_pid=$!
wait "$node_pid"
rc=$?
node_pid=
set -e
echo "browser e2e: screenshots in $SHOTS_DIR"
exit "$rc"
