#!/usr/bin/env bash
# Builds vanban_relations_eval and scores the relation extractor, the
# effect-date reader and the header parser on the relations dev split.
#
#   bench/relations.sh [--errors]
#
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
cmake --build "$BUILD_DIR" --target vanban_relations_eval -j2 >/dev/null
"$BUILD_DIR/bench/vanban_relations_eval" --docs "$DOCS" --relations "$EVAL_DIR/relations.tsv" \
  --documents "$EVAL_DIR/documents.tsv" "$@"
