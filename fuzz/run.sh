#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time.
#
#   fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET]     (default 15 s)
#
# BUILD_DIR is a build configured with -DVANBAN_FUZZ=ON (see
# fuzz/CMakeLists.txt). Each target whose seed corpus is fuzz/corpus/TARGET
# runs on a copy of that corpus in a temporary directory (the repository is
# never written), with the dictionary fuzz/vanban.dict. Prints runs and
# execs/s per target and ends with "fuzz: N passed, M failed"; exits
# non-zero if any target crashed, leaked, timed out or broke an invariant.
#
# Environment: FUZZ_ARTIFACTS, a directory to copy crash inputs and logs
# into (without it they stay in the temporary directory, which is then kept
# and printed). FUZZ_ARGS, extra libFuzzer flags.
set -uo pipefail

usage() { echo "usage: $0 BUILD_DIR [SECONDS_PER_TARGET]" >&2; exit 2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
build_dir=$(readlink -f "$1") || usage
seconds=${2:-15}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then usage; fi
fuzz_src=$(dirname "$(readlink -f "$0")")

work=$(mktemp -d "${TMPDIR:-/tmp}/vanban-fuzz.XXXXXX")
failed_any=0
# Keep the temporary directory only when it holds the only copy of a crash.
cleanup() {
  if [ "$failed_any" -eq 0 ] || [ -n "${FUZZ_ARTIFACTS:-}" ]; then rm -rf "$work"; fi
  return 0
}
trap cleanup EXIT

# Sanitizer settings: stop at the first report of any kind (UBSan recovers
# by default). Leaks are checked: ICU's and Xapian's singletons stay
# reachable, so LeakSanitizer does not report them; fuzz/lsan.supp lists
# the one leak of a system library (fontconfig).
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# Leaks inside system libraries (fontconfig, reached through poppler).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$fuzz_src/lsan.supp:print_suppressions=0}"
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for s in llvm-symbolizer llvm-symbolizer-16 llvm-symbolizer-15 llvm-symbolizer-14 \
           /usr/lib/llvm-16/bin/llvm-symbolizer /usr/lib/llvm-14/bin/llvm-symbolizer; do
    if command -v "$s" >/dev/null 2>&1; then
      ASAN_SYMBOLIZER_PATH=$(command -v "$s")
      export ASAN_SYMBOLIZER_PATH
      break
    fi
  done
fi

passed=0 failed=0
for corpus in "$fuzz_src"/corpus/*/; do
  name=$(basename "$corpus")
  bin="$build_dir/fuzz/$name"
  if [ ! -x "$bin" ]; then
    echo "fuzz: $name: no binary $bin (build the vanban_fuzzers target)" >&2
    failed=$((failed + 1)); failed_any=1
    continue
  fi
  dir="$work/$name"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -R "$corpus". "$dir/corpus/"
  seeds=$(find "$dir/corpus" -type f | wc -l)
  log="$dir/fuzz.log"
  start=$(date +%s)
  # timeout(1) is a backstop only: libFuzzer stops itself after
  # -max_total_time, and -timeout catches a single slow input.
  # shellcheck disable=SC2086
  (cd "$dir" && timeout --kill-after=10 $((seconds + 120)) "$bin" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict="$fuzz_src/vanban.dict" -print_final_stats=1 \
      -artifact_prefix="$dir/artifacts/" ${FUZZ_ARGS:-} \
      "$dir/corpus" >"$log" 2>&1)
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -n1 | tr -d '#')
  inputs=$(find "$dir/corpus" -type f | wc -l)
  crashes=$(find "$dir/artifacts" -type f | wc -l)
  if [ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ]; then
    passed=$((passed + 1))
    printf 'fuzz: %-24s ok    %8s runs in %3ss, %6s exec/s, corpus %d -> %d inputs\n' \
      "$name" "${runs:-?}" "$elapsed" "${rate:-?}" "$seeds" "$inputs"
  else
    failed=$((failed + 1)); failed_any=1
    printf 'fuzz: %-24s FAIL  (exit %s) %s runs in %ss, %s exec/s\n' \
      "$name" "$rc" "${runs:-?}" "$elapsed" "${rate:-?}"
    # The report: the invariant message or sanitizer summary and its stack.
    grep -E -A12 'vanban fuzz invariant broken|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY:' \
      "$log" | head -n 80 | sed 's/^/    /'
    for a in "$dir"/artifacts/*; do
      [ -f "$a" ] || continue
      echo "    input: $a ($(wc -c <"$a") bytes), reproduce with: $bin $a"
    done
    echo "    full log: $log"
    if [ -n "${FUZZ_ARTIFACTS:-}" ]; then
      mkdir -p "$FUZZ_ARTIFACTS/$name"
      cp "$dir"/artifacts/* "$log" "$FUZZ_ARTIFACTS/$name/" 2>/dev/null
      echo "    copied to $FUZZ_ARTIFACTS/$name/"
    fi
  fi
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
