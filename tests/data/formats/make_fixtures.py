#!/usr/bin/python3
"""Makes the format-layer fixtures in this directory from corpus/seeds.

    tests/data/formats/make_fixtures.py BUILD_DIR

For every seed NNN: NNN.docx (python-docx) and NNN.odt (odfpy) laid out as
the real documents are (an official letter's header and signature block as
two-column borderless tables, a web article as a title and paragraphs),
NNN.html (a provincial department portal page with the article in the
middle), NNN.tcvn3.txt, NNN.vni.txt (encoded by the library's own tables,
through BUILD_DIR/tests/vanban_fixture_tool) and NNN.cp1258.txt. Besides:
vntime.docx (the letter in .VnTime / .VnTimeH runs, one paragraph in
VNI-Times), features.docx / features.odt (heading, numbered and bulleted
lists, a bordered data table, a footnote, a page header and footer),
utf16le.txt / utf16be.txt (no BOM), and bad files (bad_*). With LibreOffice
(soffice) on the machine it also writes 001.lo.docx (LibreOffice's Word
output) and 001.doc (Word 97); otherwise those stay as committed.

Needs python3-docx, python3-odf (Debian). Not run by the tests or CI: the
outputs are committed.
"""
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf import dc, meta, style, table, text
from odf.opendocument import OpenDocumentText

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
TOOL = None  # set in main()


def tool(args, data):
    return subprocess.run([TOOL] + args, input=data, stdout=subprocess.PIPE, check=True).stdout


# --------------------------------------------------------------------------
# Reading a seed into a document structure.

MARKDOWN = re.compile(r"^#+\s*|\*+")


def clean(line):
    """The line without Markdown emphasis and heading marks; whether it was a heading."""
    heading = line.lstrip().startswith("#")
    return MARKDOWN.sub("", line).strip(), heading


def groups(lines):
    """Blank-line separated groups of non-blank lines."""
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class Seed:
    """A seed: an official letter (header / body / signature) or an article."""

    def __init__(self, path):
        self.name = os.path.basename(path)[:3]
        self.raw = open(path, encoding="utf-8").read()
        lines = [clean(l)[0] if l.strip() else "" for l in self.raw.split("\n")]
        self.headings = {clean(l)[0] for l in self.raw.split("\n") if clean(l)[1]}
        folded = [fold(l) for l in lines]
        self.letter = any(f.startswith("so:") for f in folded[:40])
        if self.letter:
            start = next(i for i, f in enumerate(folded) if f.startswith("kinh gui"))
            end = max(i for i, f in enumerate(folded) if f.startswith("noi nhan"))
            self.header = groups(lines[:start])
            self.body = [l for l in lines[start:end]]
            sig = groups(lines[end:])
            # Left: "Nơi nhận:" and its list; right: the authority and the name.
            left = [l for g in sig for l in g if fold(l).startswith("noi nhan") or l.startswith("-")]
            right = [l for g in sig for l in g if l not in left]
            self.signature = (left, right)
        else:
            self.body = lines
        article = tool(["strip"], self.raw.encode()).decode().split("\n")
        self.title = next((clean(l)[0] for l in article if len(l.split()) >= 4), "")
        if self.letter:
            self.title = next(l for l in lines if fold(l).startswith("v/v"))

    def header_rows(self):
        """The header groups two by two: (issuer | Quốc hiệu), (Số, V/v | place, date)."""
        g = self.header
        return [g[i:i + 2] + [[]] * (2 - len(g[i:i + 2])) for i in range(0, len(g), 2)]


# --------------------------------------------------------------------------
# DOCX (python-docx).

def set_font(run, font):
    run.font.name = font
    rpr = run._element.get_or_add_rPr()
    rpr.rFonts.set(qn("w:hAnsi"), font)
    rpr.rFonts.set(qn("w:ascii"), font)


def no_borders(tbl):
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement("w:" + side)
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tbl._tbl.tblPr.append(borders)


def docx_paragraph(container, line, seed, encode=None, font=None):
    upper = line.isupper()
    p = container.add_paragraph()
    if line in seed.headings:
        p.style = "Heading 4"
    text_, run_font = line, font
    if encode is not None:
        text_, run_font = encode(line)
    run = p.add_run(text_)
    run.bold = upper or line in seed.headings
    if run_font:
        set_font(run, run_font)
    return p


def docx_cell(cell, lines, seed, encode):
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    for line in lines or [""]:
        p = docx_paragraph(cell, line, seed, encode)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def make_docx(seed, path, encode=None):
    d = docx.Document()
    d.core_properties.title = seed.title
    if seed.letter:
        rows = seed.header_rows()
        t = d.add_table(rows=len(rows), cols=2)
        no_borders(t)
        for r, row in enumerate(rows):
            for c, lines in enumerate(row):
                docx_cell(t.cell(r, c), lines, seed, encode)
    for line in seed.body:
        if line:
            docx_paragraph(d, line, seed, encode)
    if seed.letter:
        left, right = seed.signature
        t = d.add_table(rows=1, cols=2)
        no_borders(t)
        docx_cell(t.cell(0, 0), left, seed, encode)
        docx_cell(t.cell(0, 1), right[:-1] + ["", ""] + right[-1:], seed, encode)
    d.save(path)


# --------------------------------------------------------------------------
# ODT (odfpy).

def make_odt(seed, path):
    d = OpenDocumentText()
    d.meta.addElement(dc.Title(text=seed.title))
    d.fontfacedecls.addElement(style.FontFace(name="Times New Roman", fontfamily="'Times New Roman'"))
    body_style = style.Style(name="Body", family="paragraph")
    body_style.addElement(style.TextProperties(fontname="Times New Roman", fontsize="13pt"))
    d.styles.addElement(body_style)
    bold = style.Style(name="Strong", family="paragraph", parentstylename="Body")
    bold.addElement(style.TextProperties(fontweight="bold"))
    d.automaticstyles.addElement(bold)
    cell_style = style.Style(name="NoBorder", family="table-cell")
    cell_style.addElement(style.TableCellProperties(border="none"))
    d.automaticstyles.addElement(cell_style)

    def para(parent, line):
        if line in seed.headings:
            parent.addElement(text.H(outlinelevel=4, stylename=bold, text=line))
        else:
            parent.addElement(text.P(stylename=bold if line.isupper() else body_style, text=line))

    def layout_table(name, rows):
        t = table.Table(name=name)
        t.addElement(table.TableColumn(numbercolumnsrepeated=2))
        for row in rows:
            tr = table.TableRow()
            for lines in row:
                tc = table.TableCell(stylename=cell_style)
                for line in lines or [""]:
                    para(tc, line)
                tr.addElement(tc)
            t.addElement(tr)
        d.text.addElement(t)

    if seed.letter:
        layout_table("Header", seed.header_rows())
    for line in seed.body:
        if line:
            para(d.text, line)
    if seed.letter:
        left, right = seed.signature
        layout_table("Signature", [[left, right[:-1] + ["", ""] + right[-1:]]])
    d.save(path)


# --------------------------------------------------------------------------
# A saved portal page.

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} - Sở Công Thương tỉnh Lai Châu</title>
<link rel="stylesheet" href="/themes/default/css/main.css">
<script>var nv_base_siteurl = "/"; function nv_search() {{ return false; }}</script>
<style>.menu li {{ float: left; }} #footer {{ color: #333; }}</style>
</head>
<body>
<div id="header"><div class="logo"><a href="/"><img src="/logo.png" alt="Logo"></a>
<span>SỞ CÔNG THƯƠNG TỈNH LAI CHÂU</span></div>
<div class="search-box"><form action="/tim-kiem"><input type="text" name="q" placeholder="Tìm kiếm...">
<button>Tìm</button></form></div></div>
<nav class="main-menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản pháp quy</a></li>
<li><a href="/thu-tuc">Thủ tục hành chính</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="container">
<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/tin-tuc">Tin tức - Sự kiện</a> &raquo; <a href="/thi-dua">Thi đua khen thưởng</a></div>
<div class="col-left">
<div class="news-detail">
{article}
<div class="box-share">Chia sẻ bài viết: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">Twitter</a> <a href="#">In bài viết</a></div>
</div>
<div class="other-news"><h3>Các tin khác</h3><ul>
<li><a href="/tin/1">Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024</a></li>
<li><a href="/tin/2">Kiểm tra tình hình thị trường dịp Tết Nguyên đán Giáp Thìn</a></li>
<li><a href="/tin/3">Tập huấn nghiệp vụ quản lý cụm công nghiệp trên địa bàn tỉnh</a></li></ul></div>
</div>
<div id="sidebar">
<div class="block"><h3>Liên kết website</h3><ul>
<li><a href="https://moit.gov.vn">Bộ Công Thương</a></li><li><a href="https://laichau.gov.vn">Cổng thông tin điện tử tỉnh</a></li></ul></div>
<div class="block mod-counter"><h3>Thống kê truy cập</h3>
<p>Đang truy cập: 12</p><p>Hôm nay: 383</p><p>Tháng hiện tại: 20,220</p><p>Tổng lượt truy cập: 865,277</p></div>
<div class="block"><h3>Chuyên mục</h3><ul><li><a href="/c/1">Quản lý thương mại</a></li>
<li><a href="/c/2">Quản lý năng lượng</a></li><li><a href="/c/3">Công nghiệp địa phương</a></li></ul></div>
</div>
</div>
<footer id="footer"><p>Cơ quan chủ quản: Sở Công Thương tỉnh Lai Châu</p>
<p>Địa chỉ: Tầng 5, Khu hành chính tỉnh, phường Đông Phong, thành phố Lai Châu</p>
<p>Điện thoại: 0213.3876.123 - Email: sct@laichau.gov.vn</p>
<p>Bản quyền thuộc về Sở Công Thương tỉnh Lai Châu. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p></footer>
</body>
</html>
"""

# Words of the page above that are not article text: the tests check that
# none of them is extracted.
CHROME = ["Trang chủ", "Giới thiệu", "Văn bản pháp quy", "Tìm kiếm", "Chia sẻ bài viết", "Twitter",
          "Các tin khác", "Hội nghị tổng kết công tác năm 2023", "Cổng thông tin điện tử tỉnh",
          "Đang truy cập", "Hôm nay: 383", "Quản lý năng lượng", "Cơ quan chủ quản",
          "Khu hành chính tỉnh", "Bản quyền thuộc về", "SỞ CÔNG THƯƠNG TỈNH LAI CHÂU"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_article(seed):
    """The article block: the seed's own text (its page chrome moved out by
    strip_boilerplate), the letter header as a borderless table."""
    article = tool(["strip"], seed.raw.encode()).decode()
    lines = [clean(l)[0] for l in article.split("\n")]
    out = []
    if seed.letter:
        rows = seed.header_rows()
        out.append('<table class="doc-header" style="width:100%">')
        for row in rows:
            cells = "".join("<td>" + "<br>".join(esc(l) for l in cell) + "</td>" for cell in row)
            out.append("<tr>" + cells + "</tr>")
        out.append("</table>")
        header_lines = {l for g in seed.header for l in g}
        lines = [l for l in lines if l not in header_lines]
    else:
        out.append('<h1 class="title">' + esc(lines[0]) + "</h1>")
        lines = lines[1:]
    for line in lines:
        if not line:
            continue
        if fold(line).startswith("thu ") and " - " in line[:20]:
            out.append('<div class="date-time">' + esc(line) + "</div>")
        elif line in seed.headings:
            out.append("<h4>" + esc(line) + "</h4>")
        else:
            out.append("<p>" + esc(line) + "</p>")
    out.append('<div class="rate">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</div>')
    out.append('<div class="rate">Click để đánh giá bài viết</div>')
    return "\n".join(out)


def make_html(seed, path, charset="utf-8", encoding="utf-8"):
    page = PAGE.format(charset=charset, title=esc(seed.title), article=html_article(seed))
    with open(path, "wb") as f:
        f.write(cp1258(page) if encoding == "cp1258" else page.encode(encoding))


# --------------------------------------------------------------------------
# Encodings.

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(s):
    """windows-1258: base letters with their vowel marks precomposed, tone
    marks as combining characters after them (how Windows writes it)."""
    out = []
    for c in s:
        d = unicodedata.normalize("NFD", c)
        tones = "".join(m for m in d if m in TONES)
        out.append(unicodedata.normalize("NFC", "".join(m for m in d if m not in TONES)) + tones)
    return "".join(out).encode("cp1258")


def mojibake(data):
    """Legacy bytes as the Unicode characters Word stores for a .VnTime run."""
    return "".join(bytes([b]).decode("cp1252", errors="strict") if 0x80 <= b < 0xA0 else chr(b)
                   for b in data)


def vntime_encoder():
    def encode(line):
        if line.isupper():
            # .VnTimeH draws the lower-case codes as capitals.
            return mojibake(tool(["encode", "tcvn3"], line.lower().encode())), ".VnTimeH"
        if line.startswith("Thứ hai,"):
            return mojibake(tool(["encode", "vni"], line.encode())), "VNI-Times"
        return mojibake(tool(["encode", "tcvn3"], line.encode())), ".VnTime"
    return encode


# --------------------------------------------------------------------------
# Feature fixtures: what the seeds do not exercise.

def make_features_docx(path):
    d = docx.Document()
    d.core_properties.title = "Báo cáo kết quả thi đua"
    d.sections[0].header.paragraphs[0].text = "SỞ CÔNG THƯƠNG - BÁO CÁO NỘI BỘ"
    d.sections[0].footer.paragraphs[0].text = "Lưu hành nội bộ"
    d.add_heading("Kết quả phong trào thi đua năm 2023", level=1)
    p = d.add_paragraph("Các đơn vị đã hoàn thành chỉ tiêu")
    d.add_paragraph("Phòng Quản lý thương mại", style="List Bullet")
    d.add_paragraph("Phòng Quản lý công nghiệp", style="List Bullet")
    d.add_paragraph("Rà soát danh sách khen thưởng", style="List Number")
    d.add_paragraph("Gửi hồ sơ về Hội đồng Thi đua", style="List Number")
    t = d.add_table(rows=3, cols=4)
    t.style = "Table Grid"
    for r, row in enumerate([["TT", "Đơn vị", "Điểm", "Xếp loại"], ["1", "Văn phòng Sở", "98", "Xuất sắc"],
                             ["2", "Thanh tra Sở", "95", "Tốt"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("Ghi chú: điểm tính theo Quyết định số 12/QĐ-SCT.")
    caps = d.add_paragraph().add_run("danh sách đề nghị khen thưởng")
    caps.font.all_caps = True
    buf = io.BytesIO()
    d.save(buf)
    add_footnote(buf.getvalue(), p, path)


FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Theo Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def add_footnote(data, paragraph, path):
    """python-docx writes no footnotes: add the part, its relation and a reference."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            elif item.filename == "word/document.xml":
                body = body.replace("hoàn thành chỉ tiêu</w:t></w:r>".encode(),
                                    "hoàn thành chỉ tiêu</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>".encode())
            zout.writestr(item, body)
        zout.writestr("word/footnotes.xml", FOOTNOTES)


def make_features_odt(path):
    d = OpenDocumentText()
    d.meta.addElement(dc.Title(text="Báo cáo kết quả thi đua"))
    d.fontfacedecls.addElement(style.FontFace(name="VnTime", fontfamily="'.VnTime'"))
    vn = style.Style(name="T1", family="text")
    vn.addElement(style.TextProperties(fontname="VnTime"))
    d.automaticstyles.addElement(vn)
    grid = style.Style(name="Grid", family="table-cell")
    grid.addElement(style.TableCellProperties(border="0.5pt solid #000000"))
    d.automaticstyles.addElement(grid)
    bullets = text.ListStyle(name="L1")
    bullets.addElement(text.ListLevelStyleBullet(level=1, bulletchar="•"))
    d.automaticstyles.addElement(bullets)
    numbers = text.ListStyle(name="L2")
    numbers.addElement(text.ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    d.automaticstyles.addElement(numbers)
    mp = style.MasterPage(name="Standard", pagelayoutname="pm1")
    pl = style.PageLayout(name="pm1")
    d.automaticstyles.addElement(pl)
    h = style.Header()
    h.addElement(text.P(text="SỞ CÔNG THƯƠNG - BÁO CÁO NỘI BỘ"))
    mp.addElement(h)
    f = style.Footer()
    f.addElement(text.P(text="Lưu hành nội bộ"))
    mp.addElement(f)
    d.masterstyles.addElement(mp)

    d.text.addElement(text.H(outlinelevel=1, text="Kết quả phong trào thi đua năm 2023"))
    p = text.P(text="Các đơn vị đã hoàn thành chỉ tiêu")
    note = text.Note(id="ftn1", noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="Theo Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị."))
    note.addElement(body)
    p.addElement(note)
    d.text.addElement(p)
    for style_, items in ((bullets, ["Phòng Quản lý thương mại", "Phòng Quản lý công nghiệp"]),
                          (numbers, ["Rà soát danh sách khen thưởng", "Gửi hồ sơ về Hội đồng Thi đua"])):
        lst = text.List(stylename=style_)
        for item in items:
            li = text.ListItem()
            li.addElement(text.P(text=item))
            lst.addElement(li)
        d.text.addElement(lst)
    t = table.Table(name="Diem")
    t.addElement(table.TableColumn(numbercolumnsrepeated=4))
    for row in [["TT", "Đơn vị", "Điểm", "Xếp loại"], ["1", "Văn phòng Sở", "98", "Xuất sắc"],
                ["2", "Thanh tra Sở", "95", "Tốt"]]:
        tr = table.TableRow()
        for v in row:
            tc = table.TableCell(stylename=grid)
            tc.addElement(text.P(text=v))
            tr.addElement(tc)
        t.addElement(tr)
    d.text.addElement(t)
    p = text.P(text="Ghi chú: ")
    p.addElement(text.Span(stylename=vn, text=mojibake(tool(["encode", "tcvn3"], "điểm tính theo Quyết định số 12/QĐ-SCT.".encode()))))
    d.text.addElement(p)
    d.save(path)


# --------------------------------------------------------------------------
# Bad files.

def make_bad(seeds):
    good = open(os.path.join(HERE, "001.docx"), "rb").read()
    open(os.path.join(HERE, "bad_truncated.docx"), "wb").write(good[: len(good) * 6 // 10])
    # 16 MiB of one letter in word/document.xml: 16 KiB on disk.
    with zipfile.ZipFile(os.path.join(HERE, "bad_zipbomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   "<w:body><w:p><w:r><w:t>" + "a" * (16 << 20) + "</w:t></w:r></w:p></w:body></w:document>")
    # An ODT whose manifest says its content is encrypted (what LibreOffice
    # writes for a password-protected file).
    odt = zipfile.ZipFile(os.path.join(HERE, "002.odt"))
    with zipfile.ZipFile(os.path.join(HERE, "bad_encrypted.odt"), "w", zipfile.ZIP_DEFLATED) as z:
        for item in odt.infolist():
            body = odt.read(item.filename)
            if item.filename == "META-INF/manifest.xml":
                body = re.sub(rb'(<manifest:file-entry[^>]*full-path="content.xml"[^>]*?)\s*/>',
                              rb'\1><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
                              rb'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
                              rb'manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>',
                              body)
            if item.filename == "content.xml":
                rnd = random.Random(7)
                body = bytes(rnd.getrandbits(8) for _ in range(len(body)))
            z.writestr(item, body)
    scripts = "".join("<script>var a%d = [%s];</script><style>.c%d{color:red}</style>" % (i, ",".join(str(j) for j in range(40)), i)
                      for i in range(60))
    menus = "<nav><ul>" + "".join('<li><a href="/%d">Mục %d</a></li>' % (i, i) for i in range(80)) + "</ul></nav>"
    open(os.path.join(HERE, "bad_markup.html"), "w", encoding="utf-8").write(
        "<!DOCTYPE html><html><head><title></title>" + scripts + "</head><body>" + menus +
        '<div style="display:none">Nội dung ẩn</div><form><input value="x"><button>Gửi</button></form></body></html>')
    rnd = random.Random(1)
    open(os.path.join(HERE, "bad_random.bin"), "wb").write(bytes(rnd.getrandbits(8) for _ in range(4096)))
    ole_encrypted_docx(os.path.join(HERE, "bad_encrypted.docx"))


# --------------------------------------------------------------------------
# LibreOffice: Word output, Word 97 and a password.

def ole_encrypted_docx(path):
    """What Word and LibreOffice write for a password-protected DOCX
    (MS-OFFCRYPTO): an OLE compound file (MS-CFB, version 3) holding an
    EncryptionInfo stream (agile encryption, version 4.4) and the
    EncryptedPackage. The package bytes here are random."""
    import struct
    rnd = random.Random(3)
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns='
        b'"http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" '
        b'keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
        b'hashAlgorithm="SHA512"/></encryption>')
    package = struct.pack("<Q", 20000) + bytes(rnd.getrandbits(8) for _ in range(4088))
    streams = [info.ljust(4096, b"\0"), package]  # >= 4096 bytes: no mini stream
    end, free, fat_sector, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sector, end]
    starts = []
    for data in streams:
        first = len(fat)
        n = len(data) // 512
        starts.append(first)
        fat += [first + i + 1 for i in range(n - 1)] + [end]
    fat += [free] * (128 - len(fat))

    def entry(name, kind, child, right, start, size):
        raw = (name + "\0").encode("utf-16-le") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) +
                struct.pack("<III", nostream, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 +
                struct.pack("<IQ", start, size))
    directory = (entry("Root Entry", 5, 1, nostream, end, 0) +
                 entry("EncryptionInfo", 2, nostream, 2, starts[0], len(info)) +
                 entry("EncryptedPackage", 2, nostream, nostream, starts[1], len(package)) +
                 b"\0" * 128)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
              struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0) +
              struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    with open(path, "wb") as f:
        f.write(header + struct.pack("<128I", *fat) + directory + b"".join(streams))


def libreoffice():
    soffice = shutil.which("soffice")
    if soffice is None:
        print("make_fixtures: no soffice: 001.lo.docx and 001.doc kept as committed")
        return
    with tempfile.TemporaryDirectory() as tmp:
        profile = "-env:UserInstallation=file://" + tmp + "/profile"
        for fmt, out in (("docx:MS Word 2007 XML", "001.lo.docx"), ("doc:MS Word 97", "001.doc")):
            subprocess.run([soffice, profile, "--headless", "--convert-to", fmt, "--outdir", tmp,
                            os.path.join(HERE, "001.odt")], check=True, stdout=subprocess.DEVNULL)
            shutil.move(os.path.join(tmp, "001." + fmt.split(":")[0]), os.path.join(HERE, out))


def main():
    global TOOL
    if len(sys.argv) != 2:
        sys.exit("usage: make_fixtures.py BUILD_DIR  (with the vanban_fixture_tool target built)")
    TOOL = os.path.join(os.path.abspath(sys.argv[1]), "tests", "vanban_fixture_tool")
    seeds = [Seed(os.path.join(SEEDS, f)) for f in sorted(os.listdir(SEEDS)) if f.endswith(".txt")]
    for s in seeds:
        base = os.path.join(HERE, s.name)
        make_docx(s, base + ".docx")
        make_odt(s, base + ".odt")
        make_html(s, base + ".html")
        open(base + ".tcvn3.txt", "wb").write(tool(["encode", "tcvn3"], s.raw.encode()))
        open(base + ".vni.txt", "wb").write(tool(["encode", "vni"], s.raw.encode()))
        open(base + ".cp1258.txt", "wb").write(cp1258(s.raw))
    letter = next(s for s in seeds if s.name == "001")
    make_docx(letter, os.path.join(HERE, "vntime.docx"), encode=vntime_encoder())
    make_html(seeds[3], os.path.join(HERE, "003.cp1258.html"), charset="windows-1258", encoding="cp1258")
    raw = seeds[2].raw
    open(os.path.join(HERE, "utf16le.txt"), "wb").write(raw.encode("utf-16-le"))
    open(os.path.join(HERE, "utf16be.txt"), "wb").write(raw.encode("utf-16-be"))
    make_features_docx(os.path.join(HERE, "features.docx"))
    make_features_odt(os.path.join(HERE, "features.odt"))
    make_bad(seeds)
    libreoffice()


if __name__ == "__main__":
    main()
