#!/usr/bin/env bash
# Extraction speed of the format layer on the committed fixtures: MB/s of
# extracted text per format (DOCX, ODT, HTML, text in TCVN3, VNI,
# windows-1258, UTF-16; .doc goes through antiword, a process per file).
#
#   bench/formats.sh [BUILD_DIR] [SECONDS]     (default build, 10 s in all)
#
# Builds the vanban_formats_bench target in BUILD_DIR first. One thread:
# extract() is thread-safe, and the indexer runs one per core.
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$build" --target vanban_formats_bench >/dev/null
data="$root/tests/data/formats"
files=()
for n in 000 001 002 003 004; do
  files+=("$data/$n.docx" "$data/$n.odt" "$data/$n.html" "$data/$n.tcvn3.txt" "$data/$n.vni.txt" "$data/$n.cp1258.txt")
done
files+=("$data/utf16le.txt" "$data/vntime.docx" "$data/001.lo.docx" "$data/001.doc")
exec "$build/tests/vanban_formats_bench" --seconds "$seconds" "${files[@]}"
