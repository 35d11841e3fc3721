#include "doc/formats/odt.h"

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc/formats/blocks.h"
#include "doc/formats/run_text.h"
#include "doc/formats/xml_util.h"
#include "doc/formats/zip_archive.h"

namespace vanban::doc {
namespace {

constexpr const char* kBroken = "broken ODT";
// White space between spans is text ("<span>a</span> <span>b</span>"), so
// keep every white-space node; ODF collapses runs of it to one space.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;
// List nesting and style inheritance are shallow; the bound stops cycles.
constexpr int kMaxDepth = 16;

using xml::attr;
using xml::child;
using xml::local_name;

struct OdtStyle {
  std::string parent;
  std::optional<std::string> font;
  std::optional<bool> caps;
  bool borders = false;  // a table cell style that draws a border
};

bool visible_border(std::string_view value) {
  return !value.empty() && value != "none" && value != "hidden";
}

OdtStyle read_style(pugi::xml_node s, const std::map<std::string, std::string>& faces) {
  OdtStyle out;
  out.parent = attr(s, "parent-style-name");
  if (const pugi::xml_node tp = child(s, "text-properties")) {
    std::string font(attr(tp, "font-name"));
    if (const auto face = faces.find(font); face != faces.end()) font = face->second;
    if (font.empty()) font = attr(tp, "font-family");
    if (!font.empty()) out.font = font;
    if (const std::string_view t = attr(tp, "text-transform"); !t.empty()) out.caps = t == "uppercase";
  }
  if (const pugi::xml_node cp = child(s, "table-cell-properties")) {
    for (const char* side : {"border", "border-top", "border-bottom", "border-left", "border-right"}) {
      out.borders |= visible_border(attr(cp, side));
    }
  }
  return out;
}

// Styles of content.xml and styles.xml: fonts (through the font-face
// declarations), capitals, cell borders, and list styles.
class OdtStyles {
 public:
  void add(const pugi::xml_document& doc) {
    const pugi::xml_node root = doc.document_element();
    for (pugi::xml_node f = child(child(root, "font-face-decls"), "font-face"); f; f = f.next_sibling()) {
      std::string family(attr(f, "font-family"));
      // svg:font-family may be quoted: "'.VnTime'".
      if (family.size() >= 2 && (family.front() == '\'' || family.front() == '"')) {
        family = family.substr(1, family.size() - 2);
      }
      faces_[std::string(attr(f, "name"))] = family;
    }
    for (const char* section : {"styles", "automatic-styles"}) {
      for (pugi::xml_node s = child(root, section).first_child(); s; s = s.next_sibling()) {
        if (local_name(s) == "style") styles_[std::string(attr(s, "name"))] = read_style(s, faces_);
        if (local_name(s) == "default-style" && attr(s, "family") == "paragraph") {
          defaults_ = read_style(s, faces_);
        }
        if (local_name(s) == "list-style") lists_[std::string(attr(s, "name"))] = s;
      }
    }
  }

  // The run format of text in style `name` (a span or paragraph style),
  // over `base`.
  RunFormat format(std::string_view name, const RunFormat& base) const {
    RunFormat out = base;
    apply(std::string(name), out, 0);
    return out;
  }
  RunFormat defaults() const {
    return {defaults_.font.value_or(""), defaults_.caps.value_or(false)};
  }

  bool cell_borders(std::string_view name) const {
    const auto it = styles_.find(std::string(name));
    return it != styles_.end() && it->second.borders;
  }

  pugi::xml_node list_style(std::string_view name) const {
    const auto it = lists_.find(std::string(name));
    return it == lists_.end() ? pugi::xml_node() : it->second;
  }

 private:
  void apply(const std::string& name, RunFormat& out, int depth) const {
    const auto it = styles_.find(name);
    if (it == styles_.end() || depth > kMaxDepth) return;
    apply(it->second.parent, out, depth + 1);
    if (it->second.font) out.font = *it->second.font;
    if (it->second.caps) out.caps = *it->second.caps;
  }

  std::map<std::string, std::string> faces_;
  std::unordered_map<std::string, OdtStyle> styles_;
  std::unordered_map<std::string, pugi::xml_node> lists_;
  OdtStyle defaults_;
};

std::string list_number(int n, std::string_view format) {
  if ((format == "a" || format == "A") && n >= 1 && n <= 26) {
    return std::string(1, static_cast<char>(format[0] + n - 1));
  }
  return std::to_string(n);
}

// Appends ODF text content with its white space collapsed (ODF 1.2,
// 6.1.2): runs of spaces, tabs and line ends are one space.
void append_collapsed(std::string_view pcdata, const RunFormat& format, RunText& text,
                      bool& last_space) {
  std::string collapsed;
  for (const char c : pcdata) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && last_space) continue;
    collapsed += space ? ' ' : c;
    last_space = space;
  }
  text.append(collapsed, format);
}

class Reader {
 public:
  Reader(const OdtStyles& styles, std::set<std::string>* encodings)
      : styles_(styles), encodings_(encodings) {}

  void blocks(pugi::xml_node parent, std::vector<Block>& out) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n);
      if (name == "p" || name == "h") {
        paragraph(n, {}, out);
      } else if (name == "list") {
        list(n, attr(n, "style-name"), 1, out);
      } else if (name == "table") {
        out.push_back({{}, table(n)});
      } else if (name == "section" || name == "text-box" || name == "header" || name == "footer" ||
                 name == "header-left" || name == "footer-left" || name == "note-body") {
        blocks(n, out);
      }
    }
  }

  std::vector<Block>& notes() { return notes_; }

 private:
  void paragraph(pugi::xml_node p, const std::string& label, std::vector<Block>& out) {
    RunText text(encodings_);
    text.append_plain(label);
    std::vector<Block> boxes;
    bool last_space = true;  // leading white space is dropped
    inlines(p, styles_.format(attr(p, "style-name"), styles_.defaults()), text, boxes, last_space);
    std::string s = text.finish();
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out.push_back({std::move(s), nullptr});
    for (Block& b : boxes) out.push_back(std::move(b));
  }

  void inlines(pugi::xml_node parent, const RunFormat& format, RunText& text,
               std::vector<Block>& boxes, bool& last_space) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        append_collapsed(n.value(), format, text, last_space);
        continue;
      }
      const std::string_view name = local_name(n);
      if (name == "s") {
        const int count = std::max(1, std::atoi(std::string(attr(n, "c")).c_str()));
        text.append_plain(std::string(static_cast<std::size_t>(std::min(count, 64)), ' '));
      } else if (name == "tab") {
        text.append_plain("\t");
      } else if (name == "line-break") {
        text.append_plain("\n");
      } else if (name == "note") {
        blocks(child(n, "note-body"), notes_);
      } else if (name == "frame") {
        if (const pugi::xml_node box = xml::descendant(n, "text-box")) blocks(box, boxes);
      } else if (name != "annotation" && name != "note-citation" && name != "tracked-changes" &&
                 name != "change" && name != "change-start" && name != "change-end") {
        // Spans, links, fields (dates, page numbers): their text counts.
        inlines(n, styles_.format(attr(n, "style-name"), format), text, boxes, last_space);
      }
      if (name == "s" || name == "tab" || name == "line-break") last_space = name != "s";
    }
  }

  // List items get the label their list style draws ("- ", "1.", "a)").
  void list(pugi::xml_node l, std::string_view style, int level, std::vector<Block>& out) {
    if (level > kMaxDepth) return;
    if (const std::string_view own = attr(l, "style-name"); !own.empty()) style = own;
    int number = 0;
    for (pugi::xml_node item = l.first_child(); item; item = item.next_sibling()) {
      if (local_name(item) != "list-item" && local_name(item) != "list-header") continue;
      const std::string label = item_label(style, level, ++number);
      bool first = true;
      for (pugi::xml_node n = item.first_child(); n; n = n.next_sibling()) {
        if (local_name(n) == "p" || local_name(n) == "h") {
          paragraph(n, first ? label : std::string(), out);
          first = false;
        } else if (local_name(n) == "list") {
          list(n, style, level + 1, out);
        }
      }
    }
  }

  std::string item_label(std::string_view style, int level, int number) const {
    for (pugi::xml_node l = styles_.list_style(style).first_child(); l; l = l.next_sibling()) {
      if (std::atoi(std::string(attr(l, "level")).c_str()) != level) continue;
      if (local_name(l) == "list-level-style-bullet") return "- ";
      const std::string_view format = attr(l, "num-format");
      if (local_name(l) != "list-level-style-number" || format.empty()) return {};
      return std::string(attr(l, "num-prefix")) + list_number(number, format) +
             std::string(attr(l, "num-suffix")) + " ";
    }
    return "- ";
  }

  void rows(pugi::xml_node parent, Table& out) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n);
      if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
        rows(n, out);
        continue;
      }
      if (name != "table-row") continue;
      Row row;
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (local_name(c) != "table-cell") continue;
        out.visible_borders |= styles_.cell_borders(attr(c, "style-name"));
        Cell cell;
        blocks(c, cell.blocks);
        row.cells.push_back(std::move(cell));
      }
      out.rows.push_back(std::move(row));
    }
  }

  std::shared_ptr<Table> table(pugi::xml_node t) {
    auto out = std::make_shared<Table>();
    rows(t, *out);
    return out;
  }

  const OdtStyles& styles_;
  std::set<std::string>* encodings_;
  std::vector<Block> notes_;
};

Result<pugi::xml_document> read_part(const ZipArchive& zip, const std::string& name,
                                     const ExtractOptions& options, bool required) {
  return xml::read_part(zip, name, options.max_text_bytes, required, kBroken, kParseOptions);
}

// Page headers and footers of the master pages, each text once.
void headers_and_footers(const pugi::xml_document& styles_xml, Reader& reader,
                         std::vector<Block>& out) {
  std::set<std::string> seen;
  const pugi::xml_node master = child(styles_xml.document_element(), "master-styles");
  for (pugi::xml_node page = master.first_child(); page; page = page.next_sibling()) {
    for (pugi::xml_node part = page.first_child(); part; part = part.next_sibling()) {
      std::vector<Block> blocks;
      reader.blocks(part, blocks);
      const std::string text = render_blocks(blocks);
      if (text.empty() || !seen.insert(text).second) continue;
      out.push_back({});
      for (Block& b : blocks) out.push_back(std::move(b));
    }
  }
}

Status check_not_encrypted(const ZipArchive& zip, const ExtractOptions& options) {
  Result<pugi::xml_document> manifest = read_part(zip, "META-INF/manifest.xml", options, false);
  if (!manifest) return manifest.status();
  if (xml::descendant(manifest->document_element(), "encryption-data")) {
    return Status::not_supported("encrypted", "password-protected OpenDocument file");
  }
  return Status::ok();
}

Result<Extracted> read_odt(const ZipArchive& zip, const ExtractOptions& options) {
  if (Status s = check_not_encrypted(zip, options); !s.is_ok()) return s;
  Result<pugi::xml_document> content = read_part(zip, "content.xml", options, true);
  if (!content) return content.status();
  Result<pugi::xml_document> styles_xml = read_part(zip, "styles.xml", options, false);
  if (!styles_xml) return styles_xml.status();
  OdtStyles styles;
  styles.add(*styles_xml);
  styles.add(*content);
  std::set<std::string> encodings;
  Reader reader(styles, &encodings);
  std::vector<Block> blocks;
  reader.blocks(child(child(content->document_element(), "body"), "text"), blocks);
  if (!reader.notes().empty()) blocks.push_back({});
  for (Block& b : reader.notes()) blocks.push_back(std::move(b));
  headers_and_footers(*styles_xml, reader, blocks);

  Extracted out;
  out.format = "odt";
  out.text = render_blocks(blocks);
  if (Result<pugi::xml_document> meta = read_part(zip, "meta.xml", options, false)) {
    const std::string title = xml::descendant(meta->document_element(), "title").text().get();
    if (!title.empty()) out.properties["title"] = title;
  }
  if (!encodings.empty()) out.properties["encoding"] = join(encodings);
  return out;
}

}  // namespace

Result<Extracted> extract_odt(std::string_view bytes, const ExtractOptions& options) {
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  if (!zip) return zip.status();
  return read_odt(*zip, options);
}

}  // namespace vanban::doc
