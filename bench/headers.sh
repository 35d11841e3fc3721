#!/usr/bin/env bash
# Builds vanban_headers_eval and scores the header parser and the display
# titles on phapluat8 read as the indexer reads it (gazette issues split,
# page furniture removed): presence of each field over all records, the
# accuracy of each field against the hand-verified sample
# bench/headers_sample.tsv when it exists (not written yet), the symbol and subject
# known-item splits and the relations dev split, and the share of distinct
# display titles.
#
#   bench/headers.sh [--errors] [--show ID]...
#
# BUILD_DIR (default build), SHARED (default ../shared beside the
# checkout) and DOCS (default $SHARED/data/phapluat8/docs.jsonl) can be set
# in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
SHARED=${SHARED:-../shared}
EVAL=$SHARED/eval
DOCS=${DOCS:-$SHARED/data/phapluat8/docs.jsonl}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --target vanban_headers_eval -j2 >/dev/null
SAMPLE=()
if [ -f bench/headers_sample.tsv ]; then SAMPLE=(--sample bench/headers_sample.tsv); fi
"$BUILD_DIR/bench/vanban_headers_eval" --docs "$DOCS" "${SAMPLE[@]}" \
  --symbols "$EVAL/phapluat8-symbols-dev" --subjects "$EVAL/phapluat8-known-item-dev" \
  --documents "$EVAL/relations-dev/documents.tsv" "$@"
