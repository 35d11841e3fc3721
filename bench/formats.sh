#!/usr/bin/env bash
# Extraction speed of the format layer: MB/s of extracted text per format.
#
#   bench/formats.sh [BUILD_DIR] [SECONDS]     (default build, 10 s per table)
#
# Two tables: the committed fixtures (tests/data/formats: one document of
# 5-20 KB of text each, so per-file costs count: opening the zip, parsing
# styles.xml, libmagic), and large files made from them in a temporary
# directory (about 2 MB of text each: the steady rate). One thread;
# extract() is thread-safe and the indexer runs one per core. .doc goes
# through antiword, one process per file.
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
echo "== fixtures (small files)"
"$build/tests/vanban_formats_bench" --seconds "$seconds" "${files[@]}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vanban-formats-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 - "$data" "$tmp" <<'PY'
import re, sys, zipfile
data, out = sys.argv[1], sys.argv[2]
copies = 120

def grow_zip(src, dst, part, start, end):
    """Repeats the body of `part` between the markers `start` and `end`."""
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == part:
                a = body.index(start) + len(start)
                b = body.rindex(end)
                body = body[:a] + body[a:b] * copies + body[b:]
            zout.writestr(item, body)

grow_zip(data + "/002.docx", out + "/big.docx", "word/document.xml", b"<w:body>", b"<w:sectPr")
grow_zip(data + "/002.odt", out + "/big.odt", "content.xml", b"<office:text>", b"</office:text>")
page = open(data + "/002.html", encoding="utf-8").read()
paragraphs = "\n".join(re.findall(r"<p>.*?</p>", page))
open(out + "/big.html", "w", encoding="utf-8").write(page.replace("</h1>", "</h1>" + paragraphs * copies, 1))
for ext in ("tcvn3.txt", "vni.txt", "cp1258.txt"):
    open(out + "/big." + ext, "wb").write(open(data + "/002." + ext, "rb").read() * copies)
PY
echo "== large files (about 2 MB of text each)"
"$build/tests/vanban_formats_bench" --seconds "$seconds" "$tmp"/big.*
