#!/usr/bin/env bash
# vanban set-up, for a fresh Debian 12 machine (run as root, or with sudo).
#
#   ./vanban.sh serve   install what is missing, build, index corpus/ and
#                       serve the page at http://127.0.0.1:8080
#   ./vanban.sh test    the same set-up, then run every test
#
# Environment: HOST, PORT (serve), BUILD_DIR (default build), DB (default
# data/index), JOBS (parallel test jobs, default: number of cores).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

BUILD_DIR=${BUILD_DIR:-build}
DB=${DB:-data/index}
PACKAGES=(cmake ninja-build g++ pkg-config libxapian-dev xapian-tools libicu-dev
          libcpp-httplib-dev nlohmann-json3-dev libgtest-dev libcli11-dev curl python3)
# The test command also drives the page in Debian's Chromium (playwright-core
# from npm, with the machine's Node.js >= 20).
TEST_PACKAGES=(chromium)

log() { printf '\033[1mvanban:\033[0m %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  log "building in $BUILD_DIR/"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DVANBAN_WERROR=ON >/dev/null
  cmake --build "$BUILD_DIR"
}

index_corpus() {
  log "indexing corpus/ into $DB/"
  mkdir -p "$(dirname "$DB")"
  "$BUILD_DIR/indexer/vanban-index" --db "$DB" corpus
}

case "${1:-}" in
  serve)
    install_missing "${PACKAGES[@]}"
    build
    index_corpus
    exec "$BUILD_DIR/server/vanban-server" --db "$DB" \
      --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}"
    ;;
  test)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    command -v npm >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] ||
      log "warning: the browser test needs Node.js >= 20 and npm"
    build
    index_corpus
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j "${JOBS:-$(nproc)}"
    ;;
  *)
    echo "usage: $0 serve|test" >&2
    exit 2
    ;;
esac
