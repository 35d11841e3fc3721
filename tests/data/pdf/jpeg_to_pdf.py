#!/usr/bin/env python3
"""jpeg_to_pdf.py OUT.pdf JPEG...: an image-only PDF with one 300 dpi JPEG
per page, embedded as it is (DCTDecode), as a scanner's PDF holds its
pages. Standard library only (used by scan_fixtures.sh)."""
import struct
import sys

DPI = 300


def jpeg_size(data):
    """(width, height, components) from the JPEG's frame header."""
    i = 2
    while i + 9 < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height, data[i + 9]
        i += 2 + length
    raise ValueError("no JPEG frame header")


def main():
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            data = f.read()
        w, h, components = jpeg_size(data)
        space = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
        pw, ph = w * 72 / DPI, h * 72 / DPI
        image = len(objs) + 1
        objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                    % (w, h, space, len(data)) + data + b"\nendstream")
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw))
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                    b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (pw, ph, image + 1, image))
        kids.append(image + 2)
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(sys.argv[1], "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
