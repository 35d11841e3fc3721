#!/usr/bin/env bash
# vanban set-up, for a fresh Debian 12 machine (run as root, or with sudo).
#
#   ./vanban.sh serve   install what is missing, build, index corpus/ and
#                       serve the page at http://127.0.0.1:8080
#   ./vanban.sh test    the same set-up, then run every test: the GoogleTest
#                       suite, the programs end to end, crash safety, watch
#                       mode, the Debian package (as root), the page in
#                       Chromium, a short run of each fuzzer (clang) and the
#                       suite again under ASan+UBSan (all through ctest)
#
# Environment: HOST, PORT (serve), BUILD_DIR (default build), DB (default
# data/index), JOBS (parallel test jobs, default: number of cores).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

BUILD_DIR=${BUILD_DIR:-build}
DB=${DB:-data/index}
PACKAGES=(cmake ninja-build g++ pkg-config libxapian-dev xapian-tools libicu-dev
          libcpp-httplib-dev nlohmann-json3-dev libgtest-dev libcli11-dev curl python3
          libmagic-dev libzip-dev libpugixml-dev libxml2-dev libuchardet-dev antiword
          libpoppler-cpp-dev libtesseract-dev libleptonica-dev tesseract-ocr-vie libjemalloc-dev)
# The test command also drives the page in Debian's Chromium (playwright-core
# from npm, with the machine's Node.js >= 20), makes scanned copies of the
# PDF fixtures (tests/data/pdf/scan_fixtures.sh: pdftoppm, qpdf; the
# fixtures themselves are printed by Chromium in Liberation Serif,
# tests/data/pdf/make_fixtures.sh), loads the server with wrk, directly and
# through nginx (TLS with a throw-away openssl certificate), and builds,
# checks and installs the Debian package (tests/packaging/deb_test.sh:
# dpkg-shlibdeps from dpkg-dev, lintian, help2man for the man pages,
# systemd-analyze).
TEST_PACKAGES=(chromium clang-16 libclang-rt-16-dev poppler-utils qpdf fonts-liberation2
               wrk nginx-light openssl dpkg-dev lintian help2man systemd)

# Each step says how long the set-up has run (CI's 20 minutes are spent here).
log() { printf '\033[1mvanban:\033[0m [%d s] %s\n' "$SECONDS" "$*" >&2; }

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
    -DVANBAN_WERROR=ON "$@" >/dev/null
  cmake --build "$BUILD_DIR"
}

# The extra build the test command checks, with clang 16: the libFuzzer
# targets and the test suite, both under AddressSanitizer +
# UndefinedBehaviorSanitizer, on one instrumented copy of the library (two
# builds, one per check, compiled the library twice: 5 of the 25 minutes).
# -O1 -g1: half the compile time of -O2 -g; a 15 s fuzz run finds what it
# finds by coverage, not by speed. No -Werror here: the warnings are GCC's
# business in the main build. A unity build (the library's files compiled
# eight at a time, indexer/CMakeLists.txt lists the few that cannot be):
# each batch parses and instantiates the shared headers once (the library
# and the server's, 2 cores: 370 s file by file, 315 s with precompiled
# headers alone). The main build compiles each file alone, so a missing
# #include still fails there.
build_checks() {
  log "building the fuzzers and the test suite with ASan+UBSan in $BUILD_DIR-san/"
  cmake -S . -B "$BUILD_DIR-san" -G Ninja -DCMAKE_CXX_COMPILER=clang++-16 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DCMAKE_UNITY_BUILD=ON -DVANBAN_FUZZ=ON -DVANBAN_SANITIZE=fuzzer-no-link,address,undefined >/dev/null
  cmake --build "$BUILD_DIR-san" --target vanban_fuzzers vanban_tests
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
    # The two builds at once: each ends on a few long steps (the last
    # batches, linking the test programs) that leave a core idle; side by
    # side the other build fills it. The sanitizer build's output goes to
    # its log, shown if it fails.
    build_checks >"$BUILD_DIR-san.log" 2>&1 &
    checks_pid=$!
    # -g1 (line tables, no variables): a quarter less compile time than -g;
    # the package strips the programs anyway.
    build -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
      -DVANBAN_FUZZ_BUILD="$PWD/$BUILD_DIR-san" -DVANBAN_SANITIZER_BUILD="$PWD/$BUILD_DIR-san"
    if ! wait "$checks_pid"; then
      tail -n 60 "$BUILD_DIR-san.log" >&2
      log "the sanitizer build failed (all of its output: $BUILD_DIR-san.log)"
      exit 1
    fi
    log "the sanitizer build is done too"
    index_corpus
    cd "$BUILD_DIR"
    log "running the tests"
    exec ctest --output-on-failure -j "${JOBS:-$(nproc)}"
    ;;
  *)
    echo "usage: $0 serve|test" >&2
    exit 2
    ;;
esac
