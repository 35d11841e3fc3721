#!/usr/bin/env bash
# Makes the PDF fixtures of tests/doc/pdf_test.cc and ocr_test.cc from the
# seeds (corpus/seeds/*.txt). Run it again after changing a seed; the PDFs it
# writes are committed, so the tests need neither Chromium nor LibreOffice.
#
#   tests/data/pdf/make_fixtures.sh
#
# Needs: chromium, python3, qpdf, fonts-liberation2 (Debian 12). Writes, in
# the directory of this script:
#   seed_NNN.pdf      each seed printed as the real thing (A4, Liberation
#                     Serif 13 pt): letters with their two-column header and
#                     signature block, web articles as title + paragraphs;
#                     page numbers at the top (letters, from page 2) or the
#                     bottom, and seed 002 with a running "CÔNG BÁO" header
#   split_symbol.pdf  a narrow column where "34-CT/TW" and "30/2020/NĐ-CP"
#                     break across lines
#   encrypted.pdf     seed_004.pdf with a user password (qpdf --encrypt)
#   owner_restricted.pdf  split_symbol.pdf encrypted with an owner password
#                     only (no printing, no copying)
#   truncated.pdf     the first 3000 bytes of seed_000.pdf
#   many_pages.pdf    10,000 empty pages (qpdf)
#   huge.png          a 20,000 x 20,000 PNG header (IHDR) with no pixels
# The scanned copies are made by the tests themselves (scan_fixtures.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seeds=$(cd "$here/../../../corpus/seeds" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

print_pdf() {  # HTML file -> PDF file, with Chromium's own header and footer off
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
  [ -s "$2" ] || { echo "make_fixtures: chromium wrote no $2" >&2; exit 1; }
}

seed_pdf() {  # NNN, then seed_to_html.py options
  local n=$1
  shift
  python3 "$here/seed_to_html.py" "$seeds/${n}"_*.txt "$work/$n.html" "$@"
  print_pdf "$work/$n.html" "$here/seed_$n.pdf"
}

seed_pdf 000 --page-numbers bottom
seed_pdf 001 --page-numbers top
seed_pdf 002 --running-header "CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024"
seed_pdf 003
seed_pdf 004 --page-numbers top

# Columns just wide enough that the symbols wrap after their hyphen or
# slash, as Word wraps them in real letters (Chromium breaks there only at a
# <wbr>).
cat >"$work/split.html" <<'EOF'
<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font: 13pt/1.25 "Liberation Serif"; margin: 0; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
</style></head><body>
<p style="width: 85mm">Tiếp tục quán triệt sâu sắc các chủ trương của Đảng, trọng tâm là Chỉ thị số 34-<wbr>CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng.</p>
<p style="width: 155mm">Thực hiện nghiêm các quy định về công tác văn thư tại Nghị định số 30/2020/<wbr>NĐ-CP ngày 05/3/2020 của Chính phủ.</p>
</body></html>
EOF
print_pdf "$work/split.html" "$here/split_symbol.pdf"

qpdf --encrypt user-secret owner-secret 256 -- "$here/seed_004.pdf" "$here/encrypted.pdf"
# Encrypted with an owner password only (printing and copying restricted,
# as many official PDFs are): readable without a password.
qpdf --encrypt "" owner-secret 256 --print=none --extract=n -- "$here/split_symbol.pdf" \
  "$here/owner_restricted.pdf"
head -c 3000 "$here/seed_000.pdf" >"$here/truncated.pdf"
python3 - "$work/many_pages.pdf" <<'EOF'
import sys
# A PDF of 10,000 empty pages sharing one content stream, in a two-level
# page tree (100 nodes of 100 pages: a flat /Kids array of 10,000 would be
# parsed again for every page): the reader must stop at its page limit.
pages, fan = 10000, 100
nodes = pages // fan
objs = ["<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [%s] /Count %d >>" % (
            " ".join("%d 0 R" % (4 + m) for m in range(nodes)), pages),
        "<< /Length 0 >>\nstream\n\nendstream"]
first_leaf = 4 + nodes
for m in range(nodes):
    kids = " ".join("%d 0 R" % (first_leaf + m * fan + k) for k in range(fan))
    objs.append("<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (kids, fan))
for m in range(nodes):
    objs += ["<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>" % (4 + m)] * fan
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, body in enumerate(objs):
    offsets.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, body.encode())
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
EOF
# Object streams compress the 10,000 alike page objects to a few kilobytes.
qpdf --object-streams=generate "$work/many_pages.pdf" "$here/many_pages.pdf"
python3 - "$here/huge.png" <<'EOF'
import struct, sys, zlib
# The signature and an IHDR claiming 20,000 x 20,000 RGB pixels, then an
# IDAT of a few bytes and IEND: a decoder that trusts the header would
# allocate 1.2 GB before noticing there is no data.
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF
ls -l "$here"/*.pdf "$here"/*.png
