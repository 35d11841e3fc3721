#!/usr/bin/env bash
# Builds vanban_relations_eval and scores the relation extractor, the
# effect-date reader and the header parser on the relations dev split; then
# indexes docs.jsonl (412 legal documents, about a minute of CPU) and checks
# the status the knowledge base gives every document the dev split
# replaces, repeals or declares expired (vanban_status_eval).
#
#   bench/relations.sh [--errors]
#
# STATUS_DB (default: a fresh index in a temporary directory) reuses an
# index of DOCS.
# BUILD_DIR (default build) and EVAL_DIR (default
# ../shared/eval/relations-dev), DOCS (default
# ../shared/data/phapluat8/docs.jsonl) can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
SHARED=${SHARED:-../shared}  # beside the checkout
EVAL_DIR=${EVAL_DIR:-$SHARED/eval/relations-dev}
DOCS=${DOCS:-$SHARED/data/phapluat8/docs.jsonl}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --target vanban_relations_eval vanban_status_eval vanban-index \
  -j2 >/dev/null
"$BUILD_DIR/bench/vanban_relations_eval" --docs "$DOCS" --relations "$EVAL_DIR/relations.tsv" \
  --documents "$EVAL_DIR/documents.tsv" "$@"
echo
if [ -z "${STATUS_DB:-}" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  STATUS_DB="$tmp/db"
  "$BUILD_DIR/indexer/vanban-index" -q --db "$STATUS_DB" "$DOCS" >&2
fi
"$BUILD_DIR/bench/vanban_status_eval" --db "$STATUS_DB" --relations "$EVAL_DIR/relations.tsv" \
  --documents "$EVAL_DIR/documents.tsv" "$@"
