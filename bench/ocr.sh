#!/usr/bin/env bash
# OCR accuracy and speed on the seed PDFs, and text-layer extraction speed:
#
#   bench/ocr.sh [BUILD_DIR] [--dpi 200,300]
#
# Renders every page of tests/data/pdf/seed_NNN.pdf at each resolution,
# recognises it with the format layer's OCR (Tesseract "vie", one thread),
# and prints per page the character error rate against the seed's own text
# (corpus/seeds/NNN_*.txt; see bench/ocr_bench.cc for how a page is aligned
# in the seed) and the seconds it took, then per resolution the overall CER
# and pages per minute per core, and the MB/s of text-layer extraction.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
build=${1:-build}
[ $# -gt 0 ] && shift
cmake --build "$build" --target vanban-ocr-bench >/dev/null
exec "$build/bench/vanban-ocr-bench" --pdf-dir tests/data/pdf --seed-dir corpus/seeds "$@"
