#include "doc/formats/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc/formats/blocks.h"
#include "doc/formats/plain_text.h"
#include "vanban/doc/chrome.h"

namespace vanban::doc {
namespace {

// Browsers look for <meta charset> in the first 1024 bytes (HTML 13.2.3.2);
// saved portal pages put it after long <link> and <script> lists.
constexpr std::size_t kCharsetSniffBytes = 8192;
// Deeper markup than this is not a page anyone reads; the bound keeps the
// recursive walks off the end of the stack.
constexpr int kMaxDepth = 400;
// gumbo frees its tree recursively, so a page nested deeper than this
// (counting open tags, which overcounts unclosed <p> and <li>) is refused
// before parsing: 50,000 levels stay well inside a thread's 8 MiB stack.
constexpr std::size_t kMaxOpenTags = 50'000;
// A paragraph that counts towards choosing the main content (Readability's
// rule of thumb: shorter ones are captions, buttons, dates).
constexpr std::size_t kMinParagraphChars = 25;
// A block whose text is mostly link text is a menu or a list of other
// articles, unless it is long.
constexpr double kMaxLinkDensity = 0.5;
constexpr std::size_t kMaxLinkBlockChars = 2000;
// The main block grows to its parent while the parent adds only a title,
// a date line and such: at most this many characters...
constexpr std::size_t kMaxClimbExtraChars = 400;
// ...and at most this share of the block's own text.
constexpr double kMaxClimbExtraShare = 0.1;

// Elements that are never content.
bool never_content(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

// Words of class and id values that name page chrome ("main-menu",
// "sidebarLeft", "box-share", "mod_counter"; "thongke" is Vietnamese
// portals' visitor statistics).
constexpr std::string_view kChromeWords[] = {
    "menu",   "nav",     "navbar",    "navigation", "sidebar",  "footer",   "banner",
    "breadcrumb", "breadcrumbs", "share", "sharing", "social", "counter",   "visitor",
    "thongke", "statistic", "statistics", "login", "search",   "widget",   "advert",
    "ads",    "cookie",  "comment",   "comments",   "related",  "rating",   "toolbar",
    "pagination", "logo", "copyright", "marquee", "hotline", "weblink", "weblinks"};

const GumboAttribute* attribute(const GumboElement& e, const char* name) {
  return gumbo_get_attribute(&e.attributes, name);
}

// Splits "box-share sidebarLeft" into lower-case words: box, share,
// sidebar, left.
std::vector<std::string> attribute_words(const char* value) {
  std::vector<std::string> words;
  std::string word;
  for (const char* p = value; ; ++p) {
    const char c = *p;
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if ((!alnum && !upper) || (upper && !word.empty())) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    }
    if (c == '\0') break;
    if (alnum || upper) word += static_cast<char>(upper ? c - 'A' + 'a' : c);
  }
  return words;
}

bool hidden(const GumboElement& e) {
  if (attribute(e, "hidden") != nullptr) return true;
  const GumboAttribute* aria = attribute(e, "aria-hidden");
  if (aria != nullptr && std::strcmp(aria->value, "true") == 0) return true;
  const GumboAttribute* style = attribute(e, "style");
  if (style == nullptr) return false;
  std::string s;
  for (const char* p = style->value; *p != '\0'; ++p) {
    if (*p != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool chrome_by_attributes(const GumboElement& e) {
  for (const char* name : {"class", "id", "role"}) {
    const GumboAttribute* a = attribute(e, name);
    if (a == nullptr) continue;
    for (const std::string& w : attribute_words(a->value)) {
      if (std::find(std::begin(kChromeWords), std::end(kChromeWords), w) != std::end(kChromeWords)) {
        return true;
      }
    }
  }
  return false;
}

bool is_chrome(const GumboNode* node, bool in_article) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& e = node->v.element;
  // A page header is chrome; an article's own header holds its title.
  if (e.tag == GUMBO_TAG_HEADER && !in_article) return true;
  return never_content(e.tag) || hidden(e) || chrome_by_attributes(e);
}

struct Stats {
  std::size_t chars = 0;       // text in the subtree, chrome excluded
  std::size_t link_chars = 0;  // of which inside <a>
  double score = 0;            // paragraph text found in children and grandchildren
};

// The page's text measured per element, for choosing the main content.
class Measure {
 public:
  explicit Measure(const GumboNode* root) { visit(root, 0, false, false); }

  const Stats& operator[](const GumboNode* n) const {
    static const Stats kNone;
    const auto it = stats_.find(n);
    return it == stats_.end() ? kNone : it->second;
  }

  // The element with the most paragraph text, grown to its parent while the
  // parent adds only a little (a title, a date line).
  const GumboNode* main_content(const GumboNode* root) const {
    // In a fixed order (children before parents, in document order), so
    // that a tie does not depend on the addresses the nodes got.
    const GumboNode* best = root;
    double best_score = 0;
    for (const GumboNode* node : order_) {
      if ((*this)[node].score > best_score) best = node, best_score = (*this)[node].score;
    }
    while (best->parent != nullptr && best->parent->type == GUMBO_NODE_ELEMENT) {
      const Stats& mine = (*this)[best];
      const Stats& up = (*this)[best->parent];
      const std::size_t extra = (up.chars - up.link_chars) - (mine.chars - mine.link_chars);
      if (extra > kMaxClimbExtraChars || extra > kMaxClimbExtraShare * static_cast<double>(mine.chars)) break;
      best = best->parent;
    }
    return best;
  }

 private:
  Stats visit(const GumboNode* node, int depth, bool in_link, bool in_article) {
    Stats s;
    if (depth > kMaxDepth) return s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      s.chars = std::strlen(node->v.text.text);
      s.link_chars = in_link ? s.chars : 0;
      return s;
    }
    if ((node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) ||
        is_chrome(node, in_article)) {
      return s;
    }
    const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                    : node->v.element.children;
    const GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
    in_link |= tag == GUMBO_TAG_A;
    in_article |= tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
    for (unsigned i = 0; i < children.length; ++i) {
      const Stats c = visit(static_cast<const GumboNode*>(children.data[i]), depth + 1, in_link, in_article);
      s.chars += c.chars;
      s.link_chars += c.link_chars;
    }
    if ((tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD) &&
        s.chars - s.link_chars >= kMinParagraphChars) {
      credit(node, 1.0 + static_cast<double>(s.chars - s.link_chars) / 100.0);
    }
    stats_[node].chars = s.chars;
    stats_[node].link_chars = s.link_chars;
    order_.push_back(node);
    return s;
  }

  // A paragraph scores for its parent, and half for its grandparent.
  void credit(const GumboNode* p, double points) {
    if (p->parent == nullptr) return;
    stats_[p->parent].score += points;
    if (p->parent->parent != nullptr) stats_[p->parent->parent].score += points / 2;
  }

  std::unordered_map<const GumboNode*, Stats> stats_;
  std::vector<const GumboNode*> order_;  // every element measured, children first
};

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_HR: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// Writes the main content as blocks: block elements start lines, inline
// text is joined with its white space collapsed, tables become Tables.
class Emitter {
 public:
  Emitter(const Measure& measure, std::vector<Block>* out) : measure_(measure), out_(out) {}

  void node(const GumboNode* n, int depth) {
    if (depth > kMaxDepth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) return text(n->v.text.text);
    if (n->type == GUMBO_NODE_WHITESPACE) return text(" ");
    if (n->type != GUMBO_NODE_ELEMENT || is_chrome(n, true) || link_list(n)) return;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BR) return line_break();
    if (tag == GUMBO_TAG_TABLE) return table(n, depth);
    if (is_block(tag)) flush();
    if (tag == GUMBO_TAG_LI) line_ = "- ";
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      node(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
    if (is_block(tag)) flush();
  }

  void flush() {
    while (!line_.empty() && (line_.back() == ' ' || line_.back() == '\n')) line_.pop_back();
    if (!line_.empty() && line_ != "-") out_->push_back({std::move(line_), nullptr});
    line_.clear();
  }

 private:
  bool link_list(const GumboNode* n) const {
    const Stats& s = measure_[n];
    return s.chars > 0 && s.chars <= kMaxLinkBlockChars &&
           static_cast<double>(s.link_chars) > kMaxLinkDensity * static_cast<double>(s.chars) &&
           n->v.element.tag != GUMBO_TAG_A;
  }

  void text(const char* t) {
    for (const char* p = t; *p != '\0'; ++p) {
      const bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f';
      if (space) {
        if (!line_.empty() && line_.back() != ' ' && line_.back() != '\n') line_ += ' ';
      } else {
        line_ += *p;
      }
    }
  }

  void line_break() {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    line_ += '\n';
  }

  void rows(const GumboNode* n, Table& table, int depth) {
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length && depth <= kMaxDepth; ++i) {
      const auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) rows(c, table, depth + 1);
      if (tag != GUMBO_TAG_TR) continue;
      Row row;
      const GumboVector& cells = c->v.element.children;
      for (unsigned k = 0; k < cells.length; ++k) {
        const auto* cell = static_cast<const GumboNode*>(cells.data[k]);
        if (cell->type != GUMBO_NODE_ELEMENT || is_chrome(cell, true)) continue;
        Cell out;
        Emitter inner(measure_, &out.blocks);
        inner.node(cell, depth + 2);
        inner.flush();
        row.cells.push_back(std::move(out));
      }
      table.rows.push_back(std::move(row));
    }
  }

  void table(const GumboNode* n, int depth) {
    flush();
    auto t = std::make_shared<Table>();
    const GumboAttribute* border = attribute(n->v.element, "border");
    t->visible_borders = border != nullptr && std::atoi(border->value) > 0;
    rows(n, *t, depth);
    out_->push_back({{}, std::move(t)});
  }

  const Measure& measure_;
  std::vector<Block>* out_;
  std::string line_;
};

// The charset a <meta> declares near the top of the page, lower-cased.
std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kCharsetSniffBytes));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  static const std::regex kMeta(R"(<meta[^>]*?charset\s*=\s*["']?\s*([-a-z0-9_.:]+))");
  std::smatch m;
  return std::regex_search(head, m, kMeta) ? m[1].str() : std::string();
}

// The page as UTF-8: its declared charset when that is a legacy one ICU
// knows, else detected like a text file (BOM, UTF-16, UTF-8, legacy).
Result<std::string> page_utf8(std::string_view bytes) {
  const std::string charset = declared_charset(bytes);
  const bool unicode = charset.empty() || charset.starts_with("utf") || charset.starts_with("unicode");
  if (!unicode) {
    if (Result<std::string> converted = convert_charset(bytes, charset)) return converted;
  }
  Result<DecodedText> decoded = decode_text_file(bytes);
  if (!decoded) return decoded.status();
  return std::move(decoded->text);
}

std::string title_of(const GumboNode* n, int depth) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return {};
  const GumboVector& children = n->v.element.children;
  if (n->v.element.tag == GUMBO_TAG_TITLE) {
    std::string t;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT) t += c->v.text.text;
    }
    std::replace(t.begin(), t.end(), '\n', ' ');
    const auto b = t.find_first_not_of(" \t\r");
    return b == std::string::npos ? std::string() : t.substr(b, t.find_last_not_of(" \t\r") - b + 1);
  }
  for (unsigned i = 0; i < children.length; ++i) {
    std::string t = title_of(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    if (!t.empty()) return t;
  }
  return {};
}

bool is_void_tag(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// The deepest nesting of open tags, counted without parsing.
std::size_t max_open_tags(std::string_view page) {
  std::size_t depth = 0, deepest = 0;
  for (std::size_t at = page.find('<'); at != std::string_view::npos; at = page.find('<', at + 1)) {
    if (at + 1 >= page.size()) break;
    if (page[at + 1] == '/') {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    std::size_t end = at + 1;
    while (end < page.size() && std::isalnum(static_cast<unsigned char>(page[end]))) ++end;
    std::string name(page.substr(at + 1, end - at - 1));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    if (name.empty() || is_void_tag(name)) continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

}  // namespace

Result<Extracted> extract_html(std::string_view bytes, const ExtractOptions& /*options*/) {
  Result<std::string> page = page_utf8(bytes);
  if (!page) return page.status();
  if (const std::size_t depth = max_open_tags(*page); depth > kMaxOpenTags) {
    return Status::not_supported("HTML nested too deeply", std::to_string(depth) + " open tags");
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the error list is not needed and could be long
  const std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
      gumbo_parse_with_options(&options, page->data(), page->size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!parsed) throw std::bad_alloc();

  const Measure measure(parsed->document);
  std::vector<Block> blocks;
  Emitter emitter(measure, &blocks);
  emitter.node(measure.main_content(parsed->root), 0);
  emitter.flush();

  Extracted out;
  out.format = "html";
  out.text = strip_boilerplate(render_blocks(blocks));
  if (std::string title = title_of(parsed->root, 0); !title.empty()) out.properties["title"] = title;
  return out;
}

}  // namespace vanban::doc
