# Sourced by the bench scripts that write a report meant to be committed (BENCHMARKS.md,
# relevance summary): such a report must not carry this machine's paths or ports (issue 11).
#
# portable TEXT: prints TEXT with
#   - the output directory $OUT (when OUT is set) as the placeholder $OUT,
#   - the python interpreter $PY (when PY is set) as python3,
#   - paths under the repository root $REPO (required) relative to it (bench/bench_lib.py, build),
#     and paths beside it relative to it too (../shared/data/...),
#   - the server's port $PORT (when PORT is set) as the placeholder $PORT.
# Commands printed this way run from the repository root once $OUT and $PORT are set.
portable() {
  local s="$1" parent
  parent="$(dirname "$REPO")"
  [[ -n "${OUT:-}" ]] && s="${s//"$OUT"/\$OUT}"
  [[ -n "${PY:-}" ]] && s="${s//"$PY"/python3}"
  s="${s//"$REPO/"/}"
  [[ "$s" == "$REPO" ]] && s=.
  # a root of / would turn every absolute path into ../..: only a real parent directory
  [[ "$parent" != / ]] && s="${s//"$parent/"/../}"
  if [[ -n "${PORT:-}" ]]; then
    s="${s//"127.0.0.1:$PORT"/127.0.0.1:\$PORT}"; s="${s//"--port $PORT"/--port \$PORT}"
  fi
  printf '%s\n' "$s"
}
