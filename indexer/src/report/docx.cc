#include "vanban/report/docx.h"

#include <pugixml.hpp>

#include <numeric>
#include <vector>

#include "doc/formats/zip_archive.h"
#include "vanban/text/chars.h"
#include "vanban/text/date.h"

namespace vanban::report {
namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kMainType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
constexpr const char* kStylesType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
constexpr const char* kCoreType = "application/vnd.openxmlformats-package.core-properties+xml";

// A4 landscape in twentieths of a point, with 2 cm margins: a five-column
// table of snippets needs the width more than the height.
constexpr int kPageWidth = 16838;
constexpr int kPageHeight = 11906;
constexpr int kMargin = 1134;
constexpr int kTableWidth = kPageWidth - 2 * kMargin;
// Font sizes in half-points: the body as Vietnamese official documents set
// it (Times New Roman 13 pt, Nghị định 30/2020/NĐ-CP), the title larger,
// the table smaller so that snippets fit.
constexpr const char* kFont = "Times New Roman";
constexpr const char* kBodySize = "26";
constexpr const char* kTitleSize = "32";
constexpr const char* kTableSize = "22";

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

// `doc` as bytes, with its XML declaration.
std::string serialize(pugi::xml_document& doc) {
  pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  StringWriter writer;
  doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(writer.out);
}

// `s` without the characters XML 1.0 cannot hold (C0 controls other than
// tab, LF and CR; PDF text may keep a form feed), and without CR.
std::string xml_safe(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n') out += c;
  }
  return out;
}

void set(pugi::xml_node node, const char* name, const char* value) {
  node.append_attribute(name) = value;
}

// <name w:val="value"/> under `parent`.
pugi::xml_node valued(pugi::xml_node parent, const char* name, const char* value) {
  pugi::xml_node n = parent.append_child(name);
  set(n, "w:val", value);
  return n;
}

struct RunStyle {
  const char* size = kBodySize;
  bool bold = false;
};

// A run of `text`, its line breaks as <w:br/>.
void append_run(pugi::xml_node paragraph, std::string_view text, const RunStyle& style) {
  pugi::xml_node run = paragraph.append_child("w:r");
  pugi::xml_node props = run.append_child("w:rPr");
  if (style.bold) props.append_child("w:b");
  valued(props, "w:sz", style.size);
  valued(props, "w:szCs", style.size);
  const std::vector<std::string_view> lines = text::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) run.append_child("w:br");
    pugi::xml_node t = run.append_child("w:t");
    set(t, "xml:space", "preserve");
    t.text().set(xml_safe(lines[i]).c_str());
  }
}

pugi::xml_node append_paragraph(pugi::xml_node parent, std::string_view text, const RunStyle& style,
                                const char* style_id = nullptr) {
  pugi::xml_node p = parent.append_child("w:p");
  if (style_id) valued(p.append_child("w:pPr"), "w:pStyle", style_id);
  if (!text.empty()) append_run(p, text, style);
  return p;
}

// The column widths in twips, shared out by weight over the table width.
std::vector<int> column_widths(const std::vector<Column>& columns) {
  const unsigned total = std::accumulate(columns.begin(), columns.end(), 0u,
                                         [](unsigned n, const Column& c) { return n + c.weight; });
  std::vector<int> widths;
  for (const Column& c : columns) {
    widths.push_back(total == 0 ? 0 : static_cast<int>(kTableWidth * c.weight / total));
  }
  return widths;
}

void append_cell(pugi::xml_node row, std::string_view text, int width, const RunStyle& style) {
  pugi::xml_node cell = row.append_child("w:tc");
  pugi::xml_node width_node = cell.append_child("w:tcPr").append_child("w:tcW");
  set(width_node, "w:w", std::to_string(width).c_str());
  set(width_node, "w:type", "dxa");
  append_paragraph(cell, text, style);  // a cell must hold a paragraph, even an empty one
}

// Table properties: full width, single borders, fixed layout (the widths
// are kept, not fitted to the longest snippet). In the schema's order
// (CT_TblPr), which Word insists on.
void append_table_properties(pugi::xml_node table) {
  pugi::xml_node props = table.append_child("w:tblPr");
  pugi::xml_node width = props.append_child("w:tblW");
  set(width, "w:w", std::to_string(kTableWidth).c_str());
  set(width, "w:type", "dxa");
  pugi::xml_node borders = props.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    pugi::xml_node b = valued(borders, side, "single");
    set(b, "w:sz", "4");
    set(b, "w:space", "0");
    set(b, "w:color", "000000");
  }
  set(props.append_child("w:tblLayout"), "w:type", "fixed");
}

void append_table(pugi::xml_node body, const ReportTable& table) {
  pugi::xml_node tbl = body.append_child("w:tbl");
  append_table_properties(tbl);
  const std::vector<int> widths = column_widths(table.columns);
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (const int w : widths) set(grid.append_child("w:gridCol"), "w:w", std::to_string(w).c_str());
  // The header row, repeated at the top of every page; no row is split
  // across two pages.
  pugi::xml_node header = tbl.append_child("w:tr");
  pugi::xml_node header_props = header.append_child("w:trPr");
  header_props.append_child("w:cantSplit");
  header_props.append_child("w:tblHeader");
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    append_cell(header, table.columns[i].header, widths[i], {kTableSize, true});
  }
  for (const Row& cells : table.rows) {
    pugi::xml_node row = tbl.append_child("w:tr");
    row.append_child("w:trPr").append_child("w:cantSplit");
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& cell = i < cells.size() ? cells[i] : std::string();
      const bool date = table.columns[i].kind == CellKind::kDate;
      append_cell(row, date ? text::vietnamese_date(cell) : cell, widths[i], {kTableSize, false});
    }
  }
}

void append_section(pugi::xml_node body) {
  pugi::xml_node sect = body.append_child("w:sectPr");
  pugi::xml_node size = sect.append_child("w:pgSz");
  set(size, "w:w", std::to_string(kPageWidth).c_str());
  set(size, "w:h", std::to_string(kPageHeight).c_str());
  set(size, "w:orient", "landscape");
  pugi::xml_node margins = sect.append_child("w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) {
    set(margins, side, std::to_string(kMargin).c_str());
  }
  for (const char* edge : {"w:header", "w:footer", "w:gutter"}) set(margins, edge, "0");
}

std::string document_xml(const ReportTable& table) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("w:document");
  set(root, "xmlns:w", kWordNs);
  pugi::xml_node body = root.append_child("w:body");
  append_paragraph(body, table.title, {kTitleSize, true}, "Title");
  for (const std::string& line : table.lines) append_paragraph(body, line, {});
  append_paragraph(body, "Ngày xuất: " + text::vietnamese_date(table.exported_on), {});
  append_table(body, table);
  append_paragraph(body, "", {});  // Word wants a paragraph after a table
  append_section(body);
  return serialize(doc);
}

// Defaults (the font, Vietnamese as the language) and the title's style.
std::string styles_xml() {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("w:styles");
  set(root, "xmlns:w", kWordNs);
  pugi::xml_node run = root.append_child("w:docDefaults").append_child("w:rPrDefault").append_child("w:rPr");
  pugi::xml_node fonts = run.append_child("w:rFonts");
  for (const char* script : {"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"}) set(fonts, script, kFont);
  valued(run, "w:sz", kBodySize);
  valued(run, "w:lang", "vi-VN");
  pugi::xml_node normal = root.append_child("w:style");
  set(normal, "w:type", "paragraph");
  set(normal, "w:default", "1");
  set(normal, "w:styleId", "Normal");
  valued(normal, "w:name", "Normal");
  pugi::xml_node title = root.append_child("w:style");
  set(title, "w:type", "paragraph");
  set(title, "w:styleId", "Title");
  valued(title, "w:name", "Title");
  valued(title, "w:basedOn", "Normal");
  valued(title.append_child("w:pPr"), "w:jc", "center");
  return serialize(doc);
}

std::string content_types_xml() {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("Types");
  set(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  for (const auto& [extension, type] : {std::pair{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
                                        std::pair{"xml", "application/xml"}}) {
    pugi::xml_node d = root.append_child("Default");
    set(d, "Extension", extension);
    set(d, "ContentType", type);
  }
  for (const auto& [part, type] : {std::pair{"/word/document.xml", kMainType},
                                   std::pair{"/word/styles.xml", kStylesType},
                                   std::pair{"/docProps/core.xml", kCoreType}}) {
    pugi::xml_node o = root.append_child("Override");
    set(o, "PartName", part);
    set(o, "ContentType", type);
  }
  return serialize(doc);
}

// A relationships part with one relationship per (type, target).
std::string relationships_xml(const std::vector<std::pair<std::string, std::string>>& links) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("Relationships");
  set(root, "xmlns", kRelsNs);
  for (std::size_t i = 0; i < links.size(); ++i) {
    pugi::xml_node r = root.append_child("Relationship");
    set(r, "Id", ("rId" + std::to_string(i + 1)).c_str());
    set(r, "Type", links[i].first.c_str());
    set(r, "Target", links[i].second.c_str());
  }
  return serialize(doc);
}

std::string core_xml(const ReportTable& table) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("cp:coreProperties");
  set(root, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  set(root, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  set(root, "xmlns:dcterms", "http://purl.org/dc/terms/");
  set(root, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  root.append_child("dc:title").text().set(xml_safe(table.title).c_str());
  root.append_child("dc:creator").text().set("vanban");
  root.append_child("dc:language").text().set("vi-VN");
  if (text::is_iso_day(table.exported_on)) {
    pugi::xml_node created = root.append_child("dcterms:created");
    set(created, "xsi:type", "dcterms:W3CDTF");
    created.text().set((table.exported_on + "T00:00:00Z").c_str());
  }
  return serialize(doc);
}

}  // namespace

std::string write_docx(const ReportTable& table) {
  doc::ZipWriter zip;
  zip.add("[Content_Types].xml", content_types_xml());
  zip.add("_rels/.rels",
          relationships_xml({{std::string(kRelTypes) + "officeDocument", "word/document.xml"},
                             {"http://schemas.openxmlformats.org/package/2006/relationships/"
                              "metadata/core-properties",
                              "docProps/core.xml"}}));
  zip.add("word/_rels/document.xml.rels",
          relationships_xml({{std::string(kRelTypes) + "styles", "styles.xml"}}));
  zip.add("word/document.xml", document_xml(table));
  zip.add("word/styles.xml", styles_xml());
  zip.add("docProps/core.xml", core_xml(table));
  return std::move(zip).finish();
}

}  // namespace vanban::report
