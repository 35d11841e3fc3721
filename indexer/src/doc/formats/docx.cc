#include "doc/formats/docx.h"

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

constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// The directory entry of the stream that holds an encrypted OOXML package
// (MS-OFFCRYPTO 2.3.4.4), as OLE stores names: UTF-16LE.
constexpr std::string_view kEncryptedPackageName(
    "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
constexpr const char* kBroken = "broken DOCX";
// w:t holds significant white space (xml:space="preserve"); it is its only
// child, so keeping lone white-space text nodes is enough.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

using xml::attr;
using xml::child;
using xml::local_name;

// "on" unless w:val says otherwise (w:caps, w:caps w:val="0").
bool toggle_on(pugi::xml_node property) {
  const std::string_view v = attr(property, "val");
  return v != "0" && v != "false" && v != "off";
}

struct StyleProps {
  std::optional<std::string> font;
  std::optional<bool> caps;
  std::optional<std::pair<std::string, int>> numbering;  // numId, ilvl
};

void overlay(StyleProps& base, const StyleProps& over) {
  if (over.font) base.font = over.font;
  if (over.caps) base.caps = over.caps;
  if (over.numbering) base.numbering = over.numbering;
}

// Run properties (w:rPr): the font of non-ASCII text (w:hAnsi, where the
// legacy fonts' letters are), and capitals.
StyleProps run_props(pugi::xml_node rpr) {
  StyleProps p;
  if (const pugi::xml_node fonts = child(rpr, "rFonts")) {
    std::string_view font = attr(fonts, "hAnsi");
    if (font.empty()) font = attr(fonts, "ascii");
    if (!font.empty()) p.font = std::string(font);
  }
  if (const pugi::xml_node caps = child(rpr, "caps")) p.caps = toggle_on(caps);
  return p;
}

std::optional<std::pair<std::string, int>> numbering_of(pugi::xml_node ppr) {
  const pugi::xml_node num = child(ppr, "numPr");
  if (!num) return std::nullopt;
  const std::string id(attr(child(num, "numId"), "val"));
  const std::string level(attr(child(num, "ilvl"), "val"));
  if (id.empty()) return std::nullopt;
  return std::make_pair(id, level.empty() ? 0 : std::atoi(level.c_str()));
}

bool any_visible_border(pugi::xml_node borders) {
  for (pugi::xml_node b = borders.first_child(); b; b = b.next_sibling()) {
    const std::string_view v = attr(b, "val");
    if (!v.empty() && v != "nil" && v != "none") return true;
  }
  return false;
}

// word/styles.xml: run properties and numbering by style id, resolved
// through w:basedOn, and which table styles draw borders.
class Styles {
 public:
  explicit Styles(const pugi::xml_document& doc) {
    const pugi::xml_node root = doc.document_element();
    if (const pugi::xml_node defaults = xml::descendant(child(root, "docDefaults"), "rPr")) {
      defaults_ = run_props(defaults);
    }
    for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
      if (local_name(s) == "style") add(s);
    }
  }

  // Defaults, then the default paragraph style, then `id`'s chain.
  StyleProps paragraph(std::string_view id) const {
    StyleProps p = defaults_;
    overlay(p, resolve(default_paragraph_, 0));
    if (!id.empty()) overlay(p, resolve(std::string(id), 0));
    return p;
  }
  StyleProps character(std::string_view id) const { return resolve(std::string(id), 0); }

  bool table_has_borders(std::string_view id) const {
    const auto it = styles_.find(std::string(id));
    return it != styles_.end() && it->second.borders;
  }

 private:
  struct Entry {
    std::string based_on;
    StyleProps props;
    bool borders = false;
  };
  // basedOn chains are short; the depth bound stops a cycle.
  static constexpr int kMaxChain = 16;

  void add(pugi::xml_node s) {
    Entry e;
    e.based_on = attr(child(s, "basedOn"), "val");
    e.props = run_props(child(s, "rPr"));
    e.props.numbering = numbering_of(child(s, "pPr"));
    e.borders = any_visible_border(child(child(s, "tblPr"), "tblBorders"));
    const std::string id(attr(s, "styleId"));
    const std::string_view is_default = attr(s, "default");
    if (attr(s, "type") == "paragraph" && (is_default == "1" || is_default == "true")) {
      default_paragraph_ = id;
    }
    styles_[id] = std::move(e);
  }

  StyleProps resolve(const std::string& id, int depth) const {
    const auto it = styles_.find(id);
    if (it == styles_.end() || depth > kMaxChain) return {};
    StyleProps p = resolve(it->second.based_on, depth + 1);
    overlay(p, it->second.props);
    return p;
  }

  std::unordered_map<std::string, Entry> styles_;
  std::string default_paragraph_;
  StyleProps defaults_;
};

// word/numbering.xml: the label Word draws before a numbered paragraph
// ("- " for bullets, "1. ", "a) "), with running counters.
class Numbering {
 public:
  explicit Numbering(const pugi::xml_document& doc) {
    const pugi::xml_node root = doc.document_element();
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (local_name(n) == "abstractNum") abstract_[std::string(attr(n, "abstractNumId"))] = n;
      if (local_name(n) == "num") {
        num_[std::string(attr(n, "numId"))] = attr(child(n, "abstractNumId"), "val");
      }
    }
  }

  std::string label(const std::string& num_id, int level);

 private:
  pugi::xml_node level_node(const std::string& abstract_id, int level) const {
    const auto it = abstract_.find(abstract_id);
    if (it == abstract_.end()) return {};
    for (pugi::xml_node l = it->second.first_child(); l; l = l.next_sibling()) {
      if (local_name(l) == "lvl" && std::atoi(std::string(attr(l, "ilvl")).c_str()) == level) return l;
    }
    return {};
  }

  std::map<std::string, pugi::xml_node> abstract_;
  std::map<std::string, std::string> num_;
  std::map<std::string, std::vector<int>> counters_;  // by abstract id, per level
};

// Maximum list depth Word allows (w:ilvl 0-8).
constexpr int kListLevels = 9;

std::string format_number(int n, std::string_view format) {
  if ((format == "lowerLetter" || format == "upperLetter") && n >= 1 && n <= 26) {
    return std::string(1, static_cast<char>((format == "lowerLetter" ? 'a' : 'A') + n - 1));
  }
  return std::to_string(n);
}

std::string Numbering::label(const std::string& num_id, int level) {
  const auto num = num_.find(num_id);
  if (num == num_.end() || level < 0 || level >= kListLevels) return {};
  const pugi::xml_node lvl = level_node(num->second, level);
  const std::string_view format = attr(child(lvl, "numFmt"), "val");
  if (!lvl || format == "none") return {};
  if (format == "bullet") return "- ";
  std::vector<int>& counts = counters_[num->second];
  if (counts.empty()) counts.assign(kListLevels, 0);
  const std::string start(attr(child(lvl, "start"), "val"));
  counts[level] = counts[level] == 0 ? (start.empty() ? 1 : std::atoi(start.c_str())) : counts[level] + 1;
  std::fill(counts.begin() + level + 1, counts.end(), 0);
  std::string text(attr(child(lvl, "lvlText"), "val"));
  for (int l = 0; l <= level; ++l) {
    const std::string placeholder = "%" + std::to_string(l + 1);
    const auto at = text.find(placeholder);
    if (at != std::string::npos) text.replace(at, placeholder.size(), format_number(std::max(counts[l], 1), format));
  }
  return text + " ";
}

// Walks the WordprocessingML of one part into blocks.
class Reader {
 public:
  Reader(const Styles& styles, Numbering& numbering, std::set<std::string>* encodings)
      : styles_(styles), numbering_(numbering), encodings_(encodings) {}

  // Block-level content: paragraphs, tables, and the containers that hold
  // them (content controls, custom XML, tracked insertions).
  void blocks(pugi::xml_node parent, std::vector<Block>& out) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n);
      if (name == "p") {
        paragraph(n, out);
      } else if (name == "tbl") {
        out.push_back({{}, table(n)});
      } else if (name == "sdt") {
        blocks(child(n, "sdtContent"), out);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        blocks(n, out);
      }
    }
  }

 private:
  void paragraph(pugi::xml_node p, std::vector<Block>& out) {
    const pugi::xml_node ppr = child(p, "pPr");
    const StyleProps style = styles_.paragraph(attr(child(ppr, "pStyle"), "val"));
    RunText text(encodings_);
    std::optional<std::pair<std::string, int>> numbering = numbering_of(ppr);
    if (!numbering) numbering = style.numbering;
    if (numbering) text.append_plain(numbering_.label(numbering->first, numbering->second));
    std::vector<Block> boxes;  // text boxes anchored in this paragraph
    inlines(p, style, text, boxes);
    out.push_back({text.finish(), nullptr});
    for (Block& b : boxes) out.push_back(std::move(b));
  }

  // Inline content: runs and the containers that hold them. Deleted text
  // (w:del, w:moveFrom) is not part of the document.
  void inlines(pugi::xml_node parent, const StyleProps& style, RunText& text,
               std::vector<Block>& boxes) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n);
      if (name == "r") {
        run(n, style, text, boxes);
      } else if (name == "hyperlink" || name == "smartTag" || name == "ins" || name == "moveTo" ||
                 name == "fldSimple" || name == "customXml" || name == "dir" || name == "bdo") {
        inlines(n, style, text, boxes);
      } else if (name == "sdt") {
        inlines(child(n, "sdtContent"), style, text, boxes);
      } else if (name == "AlternateContent") {
        alternate(n, style, text, boxes);
      }
    }
  }

  // mc:AlternateContent holds the same content twice (a drawing and its
  // VML fallback): read the first choice only.
  void alternate(pugi::xml_node n, const StyleProps& style, RunText& text,
                 std::vector<Block>& boxes) {
    pugi::xml_node pick = child(n, "Choice");
    if (!pick) pick = child(n, "Fallback");
    if (const pugi::xml_node box = xml::descendant(pick, "txbxContent")) {
      blocks(box, boxes);
    } else {
      inlines(pick, style, text, boxes);
    }
  }

  void run(pugi::xml_node r, const StyleProps& paragraph_style, RunText& text,
           std::vector<Block>& boxes) {
    const pugi::xml_node rpr = child(r, "rPr");
    StyleProps props = paragraph_style;
    overlay(props, styles_.character(attr(child(rpr, "rStyle"), "val")));
    overlay(props, run_props(rpr));
    const RunFormat format{props.font.value_or(""), props.caps.value_or(false)};
    for (pugi::xml_node n = r.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local_name(n);
      if (name == "t") {
        text.append(n.text().get(), format);
      } else if (name == "tab" || name == "ptab") {
        text.append_plain("\t");
      } else if (name == "br" || name == "cr") {
        text.append_plain("\n");
      } else if (name == "noBreakHyphen") {
        text.append_plain("-");
      } else if (name == "drawing" || name == "pict" || name == "object") {
        if (const pugi::xml_node box = xml::descendant(n, "txbxContent")) blocks(box, boxes);
      } else if (name == "AlternateContent") {
        alternate(n, paragraph_style, text, boxes);
      }
    }
  }

  std::shared_ptr<Table> table(pugi::xml_node tbl) {
    auto out = std::make_shared<Table>();
    const pugi::xml_node tblpr = child(tbl, "tblPr");
    const pugi::xml_node borders = child(tblpr, "tblBorders");
    out->visible_borders = borders ? any_visible_border(borders)
                                   : styles_.table_has_borders(attr(child(tblpr, "tblStyle"), "val"));
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (local_name(tr) != "tr") continue;
      Row row;
      for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
        if (local_name(tc) != "tc") continue;
        out->visible_borders |= any_visible_border(child(child(tc, "tcPr"), "tcBorders"));
        Cell cell;
        blocks(tc, cell.blocks);
        row.cells.push_back(std::move(cell));
      }
      out->rows.push_back(std::move(row));
    }
    return out;
  }

  const Styles& styles_;
  Numbering& numbering_;
  std::set<std::string>* encodings_;
};

Result<pugi::xml_document> read_part(const ZipArchive& zip, const std::string& name,
                                     const ExtractOptions& options, bool required) {
  return xml::read_part(zip, name, options.max_text_bytes, required, kBroken, kParseOptions);
}

// Footnotes or endnotes, without the separator notes Word keeps there.
void notes(const pugi::xml_document& doc, Reader& reader, std::vector<Block>& out) {
  for (pugi::xml_node n = doc.document_element().first_child(); n; n = n.next_sibling()) {
    const std::string_view type = attr(n, "type");
    if (type.empty() || type == "normal") reader.blocks(n, out);
  }
}

std::string core_title(const ZipArchive& zip, const ExtractOptions& options) {
  Result<pugi::xml_document> core = read_part(zip, "docProps/core.xml", options, false);
  if (!core) return {};
  return xml::descendant(core->document_element(), "title").text().get();
}

// The parts after the body, in this order: notes, then page headers and
// footers (each text once: every section repeats them).
Status secondary_parts(const ZipArchive& zip, const ExtractOptions& options, Reader& reader,
                       std::vector<Block>& out) {
  std::vector<std::string> parts = {"word/footnotes.xml", "word/endnotes.xml"};
  for (const std::string& name : zip.names()) {
    if ((name.starts_with("word/header") || name.starts_with("word/footer")) && name.ends_with(".xml")) {
      parts.push_back(name);
    }
  }
  std::set<std::string> seen;
  for (const std::string& name : parts) {
    Result<pugi::xml_document> doc = read_part(zip, name, options, false);
    if (!doc) return doc.status();
    std::vector<Block> blocks;
    if (name.find("notes") != std::string::npos) {
      notes(*doc, reader, blocks);
    } else {
      reader.blocks(doc->document_element(), blocks);
    }
    const std::string text = render_blocks(blocks);
    if (text.empty() || !seen.insert(text).second) continue;
    out.push_back({});
    for (Block& b : blocks) out.push_back(std::move(b));
  }
  return Status::ok();
}

Result<Extracted> read_docx(const ZipArchive& zip, const ExtractOptions& options) {
  if (!zip.has("word/document.xml")) {
    return Status::corruption(kBroken, "no word/document.xml: not a Word document");
  }
  Result<pugi::xml_document> document = read_part(zip, "word/document.xml", options, true);
  if (!document) return document.status();
  Result<pugi::xml_document> styles_xml = read_part(zip, "word/styles.xml", options, false);
  if (!styles_xml) return styles_xml.status();
  Result<pugi::xml_document> numbering_xml = read_part(zip, "word/numbering.xml", options, false);
  if (!numbering_xml) return numbering_xml.status();
  const Styles styles(*styles_xml);
  Numbering numbering(*numbering_xml);
  std::set<std::string> encodings;
  Reader reader(styles, numbering, &encodings);
  std::vector<Block> blocks;
  reader.blocks(child(document->document_element(), "body"), blocks);
  if (Status s = secondary_parts(zip, options, reader, blocks); !s.is_ok()) return s;

  Extracted out;
  out.format = "docx";
  out.text = render_blocks(blocks);
  if (std::string title = core_title(zip, options); !title.empty()) out.properties["title"] = title;
  if (!encodings.empty()) out.properties["encoding"] = join(encodings);
  return out;
}

}  // namespace

bool is_ole_file(std::string_view bytes) { return bytes.starts_with(kOleMagic); }

bool is_encrypted_ooxml(std::string_view bytes) {
  return is_ole_file(bytes) && bytes.find(kEncryptedPackageName) != std::string_view::npos;
}

Result<Extracted> extract_docx(std::string_view bytes, const ExtractOptions& options) {
  if (is_encrypted_ooxml(bytes)) {
    return Status::not_supported("encrypted", "password-protected Office document");
  }
  if (is_ole_file(bytes)) {
    return Status::corruption(kBroken, "an OLE compound file (Word 97-2003?), not a DOCX");
  }
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  if (!zip) return zip.status();
  return read_docx(*zip, options);
}

}  // namespace vanban::doc
