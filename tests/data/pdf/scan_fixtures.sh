#!/usr/bin/env bash
# Makes "scanned" copies of the committed text PDFs, for the OCR tests
# (tests/doc/ocr_test.cc runs it into a temporary directory) and
# bench/ocr.sh: pages rendered at 300 dpi to JPEG (quality 80), as office
# scanners save them, and put back into an image-only PDF.
#
#   tests/data/pdf/scan_fixtures.sh OUT_DIR [SEED...]
#
# Writes into OUT_DIR:
#   scanned_NNN.pdf     every page of seed_NNN.pdf as an image (for each
#                       SEED given; default 003 004)
#   mixed_004.pdf       pages 1-2 of seed_004.pdf as text, page 3 scanned
#   stamped_004.pdf     page 3 of seed_004.pdf scanned, over the text of
#                       split_symbol.pdf (hidden under the scan): a scan
#                       whose text layer is a stamp of a few words
#   page1_001.png       page 1 of seed_001.pdf (PNG, 300 dpi)
#   header_001.tif      the top of page 1 of seed_001.pdf (TIFF, 300 dpi)
#   header_004.jpg      the top of page 1 of seed_004.pdf (JPEG, 300 dpi)
#
# Needs poppler-utils (pdftoppm), python3 and qpdf (Debian 12).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1
shift
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(003 004)
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# OUT.pdf JPEG...: an image-only PDF, one 300 dpi JPEG per page,
# embedded as it is (DCTDecode), as a scanner's PDF holds its pages.
images_to_pdf() {
  python3 "$here/jpeg_to_pdf.py" "$@"
}

# The top 970 pixels at 300 dpi: the header block of a letter and the
# first recipients, cut between two lines.
header=(-x 0 -y 0 -W 2480 -H 970)

for n in "${seeds[@]}"; do
  pdftoppm -r 300 -jpeg -jpegopt quality=80 "$here/seed_$n.pdf" "$work/scan_$n"
  images_to_pdf "$out/scanned_$n.pdf" "$work/scan_$n"-*.jpg
done

pdftoppm -r 300 -jpeg -jpegopt quality=80 -f 3 -l 3 "$here/seed_004.pdf" "$work/p3"
images_to_pdf "$work/p3.pdf" "$work"/p3-*.jpg
qpdf --empty --pages "$here/seed_004.pdf" 1-2 "$work/p3.pdf" -- "$out/mixed_004.pdf"
qpdf "$work/p3.pdf" --underlay "$here/split_symbol.pdf" -- "$out/stamped_004.pdf"

pdftoppm -r 300 -gray -png -singlefile -f 1 -l 1 "$here/seed_001.pdf" "$out/page1_001"
pdftoppm -r 300 -gray -tiff -tiffcompression lzw -singlefile -f 1 -l 1 "${header[@]}" \
  "$here/seed_001.pdf" "$out/header_001"
pdftoppm -r 300 -gray -jpeg -singlefile -f 1 -l 1 "${header[@]}" \
  "$here/seed_004.pdf" "$out/header_004"
