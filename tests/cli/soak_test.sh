#!/usr/bin/env bash
# The soak test's short run (bench/soak.sh, 60 s): steady searches while
# the index is re-indexed every 15 s (5 searches a second: CI shares its
# 2 cores with the build); RSS, descriptors and database files
# flat, no error.
# Usage: soak_test.sh BUILD_DIR REPO_DIR
set -euo pipefail
build=$1
repo=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$repo/bench/soak.sh" --build "$build" --out "$out" --duration 60 --reindex-every 15 --rate 5 --docs 500
