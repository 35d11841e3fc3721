#!/usr/bin/env python3
"""Writes a seed (corpus/seeds/*.txt) as a printable HTML page that looks like
the real document: an official letter with its two-column borderless header
(issuer, "Số:" and "V/v" left; Quốc hiệu and place/date right) and signature
block ("Nơi nhận" left; authority and signer right), or a web article (title,
then justified paragraphs). Markdown emphasis left in the seeds (**, ####)
becomes bold/italic, as it was in the original.

Usage: seed_to_html.py SEED.txt OUT.html [--running-header TEXT]
           [--page-numbers top|bottom|none]

Used by make_fixtures.sh; the HTML is printed to PDF with Chromium.
"""
import argparse
import html
import re

QUOC_HIEU = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# "Lai Châu, ngày 29 tháng 02 năm 2024": the place and date line.
PLACE_DATE = re.compile(r"^[^\d,]{2,30}, ngày\b")
SIGNATURE_START = re.compile(r"^(Nơi nhận|TM\.|KT\.|Q\.|TL\.)")

CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; %(margin_boxes)s }
@page :first { %(first_page_boxes)s }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 13pt;
       line-height: 1.25; margin: 0; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
p.item { text-indent: 1cm; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 12pt 0; }
table.layout { width: 100%%; border-collapse: collapse; margin-bottom: 12pt; }
table.layout td { vertical-align: top; text-align: center; padding: 0; }
table.layout td.left { width: 40%%; }
table.layout td.sign-left { width: 50%%; text-align: left; font-size: 11pt; }
td p { text-indent: 0; margin: 0; text-align: inherit; }
.upper { font-weight: bold; }
.date { font-style: italic; margin-top: 6pt; }
.signer { margin-top: 60pt; font-weight: bold; }
"""


def inline(text):
    """Markdown emphasis of the seeds (**bold**, ***bold italic***) to HTML."""
    out = html.escape(text.strip(), quote=False)
    out = re.sub(r"\*\*\*(.+?)\*\*\*", r"<b><i>\1</i></b>", out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"\*(.+?)\*", r"<i>\1</i>", out)
    out = out.replace("*", "")
    return re.sub(r"^#+\s*", "", out)


def plain(text):
    return re.sub(r"^#+\s*|\*+", "", text).strip()


def split_header(lines):
    """(left cell lines, right cell lines, body lines) of a letter, or None."""
    head_end = next((i for i, l in enumerate(lines) if plain(l).startswith("Kính gửi")), None)
    if head_end is None or not any(plain(l).startswith("Số:") for l in lines[:head_end]):
        return None
    left, right = [], []
    for line in (plain(l) for l in lines[:head_end] if l.strip()):
        if line in QUOC_HIEU or PLACE_DATE.match(line):
            right.append(line)
        elif left and left[-1].startswith("V/v"):
            left[-1] += " " + line  # the subject is one paragraph, wrapped by the cell
        else:
            left.append(line)
    return left, right, lines[head_end:]


def split_signature(lines):
    """(body, distribution list, signature lines) of a letter's end."""
    start = next((i for i, l in enumerate(lines) if plain(l).startswith("Nơi nhận")), None)
    if start is None:
        return lines, [], []
    tail = [plain(l) for l in lines[start:] if l.strip()]
    items = [l for l in tail if l.startswith("Nơi nhận") or l.startswith("- ")]
    signature = [l for l in tail if l not in items]
    return lines[:start], items, signature


def header_html(left, right):
    def cell(line, klass=""):
        upper = line.isupper() and not line.startswith("Số:")
        klass = klass or ("upper" if upper else "")
        return '<p class="%s">%s</p>' % (klass, html.escape(line))
    lefts = "".join(cell(l) for l in left)
    rights = "".join(cell(l, "date" if PLACE_DATE.match(l) else "upper") for l in right)
    return ('<table class="layout"><tr><td class="left">%s</td><td>%s</td></tr></table>'
            % (lefts, rights))


def signature_html(items, signature):
    if not items and not signature:
        return ""
    lefts = "".join("<p>%s</p>" % html.escape(l) for l in items)
    authority, name = signature[:-1], signature[-1:]
    rights = "".join('<p class="upper">%s</p>' % html.escape(l) for l in authority)
    rights += "".join('<p class="signer">%s</p>' % html.escape(l) for l in name)
    return ('<table class="layout"><tr><td class="sign-left">%s</td><td>%s</td></tr></table>'
            % (lefts, rights))


def body_html(lines, title_first):
    paragraphs = [l for l in lines if l.strip()]
    out = []
    if title_first and paragraphs:
        out.append("<h1>%s</h1>" % inline(paragraphs.pop(0)))
    for p in paragraphs:
        out.append("<p>%s</p>" % inline(p))
    return "\n".join(out)


def margin_boxes(running_header, page_numbers):
    boxes, first = [], []
    if running_header:
        boxes.append('@top-left { content: "%s"; font: italic 11pt "Liberation Serif"; }'
                     % running_header)
        boxes.append('@top-right { content: counter(page); font: 11pt "Liberation Serif"; }')
    elif page_numbers == "top":
        # Nghị định 30/2020/NĐ-CP: page numbers at the top centre, from page 2.
        boxes.append('@top-center { content: counter(page); font: 13pt "Liberation Serif"; }')
        first.append("@top-center { content: none; }")
    elif page_numbers == "bottom":
        boxes.append('@bottom-center { content: "- " counter(page) " -"; '
                     'font: 12pt "Liberation Serif"; }')
    return " ".join(boxes), " ".join(first)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("out")
    ap.add_argument("--running-header", default="")
    ap.add_argument("--page-numbers", default="none", choices=["top", "bottom", "none"])
    args = ap.parse_args()
    with open(args.seed, encoding="utf-8") as f:
        lines = f.read().split("\n")
    boxes, first = margin_boxes(args.running_header, args.page_numbers)
    parts = []
    letter = split_header(lines)
    if letter:
        left, right, rest = letter
        body, items, signature = split_signature(rest)
        parts += [header_html(left, right), body_html(body, False),
                  signature_html(items, signature)]
    else:
        parts.append(body_html(lines, True))
    # Chromium writes the <title> into the PDF's document information.
    title = next((plain(l) for l in lines if plain(l) and "|" not in l), "")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s</title>'
                '<style>%s</style></head><body>%s</body></html>\n'
                % (html.escape(title), CSS % {"margin_boxes": boxes, "first_page_boxes": first},
                   "\n".join(parts)))


if __name__ == "__main__":
    main()
