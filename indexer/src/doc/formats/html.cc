#include "doc/formats/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
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
// recursive walks off the end of the stack. libxml2 itself builds and frees
// any depth without recursion (checked with 1,000,000 nested <div> in a
// 256 KiB stack).
constexpr int kMaxDepth = 400;
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

// The page is UTF-8 by now (page_utf8), so libxml2 must not re-read a
// <meta charset>. Errors are repaired, never printed. XML_PARSE_HUGE lifts
// libxml2's nesting limit of 256 elements, at which it stops parsing and
// drops the rest of the page; the walks below have their own bound.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                              XML_PARSE_HUGE;

// The elements the rules tell apart; kOther for every other one.
enum class Tag { kOther, kA, kArticle, kBr, kHeader, kLi, kMain, kP, kPre, kTable, kTableSection, kTd, kTitle, kTr };

struct ElementKind {
  Tag tag = Tag::kOther;
  bool block = false;          // starts and ends a line
  bool never_content = false;  // scripts, navigation, forms, embedded things
};

// libxml2 lower-cases HTML element names.
const ElementKind& kind_of(const xmlNode* n) {
  static const std::unordered_map<std::string_view, ElementKind> kKinds = [] {
    std::unordered_map<std::string_view, ElementKind> kinds = {
        {"a", {Tag::kA, false, false}},
        {"br", {Tag::kBr, false, false}},
        {"table", {Tag::kTable, false, false}},
        {"thead", {Tag::kTableSection, false, false}},
        {"tbody", {Tag::kTableSection, false, false}},
        {"tfoot", {Tag::kTableSection, false, false}},
        {"td", {Tag::kTd, true, false}},  // a line of its own where the main block is a row
        {"th", {Tag::kOther, true, false}},
        {"title", {Tag::kTitle, false, false}},
        {"p", {Tag::kP, true, false}},
        {"pre", {Tag::kPre, true, false}},
        {"li", {Tag::kLi, true, false}},
        {"tr", {Tag::kTr, true, false}},
        {"article", {Tag::kArticle, true, false}},
        {"main", {Tag::kMain, true, false}},
        {"header", {Tag::kHeader, true, false}},
    };
    // Other blocks: each starts and ends a line.
    for (const std::string_view name :
         {"div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "section", "dl", "dt",
          "dd", "address", "figure", "figcaption", "center", "hr", "caption"}) {
      kinds.emplace(name, ElementKind{Tag::kOther, true, false});
    }
    // Never content: scripts, navigation, forms, embedded things.
    for (const std::string_view name :
         {"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
          "select", "input", "textarea", "iframe", "object", "embed", "menu", "head", "svg", "math",
          "canvas"}) {
      kinds.emplace(name, ElementKind{Tag::kOther, false, true});
    }
    return kinds;
  }();
  static const ElementKind kOtherKind;
  const auto it = kKinds.find(reinterpret_cast<const char*>(n->name));
  return it == kKinds.end() ? kOtherKind : it->second;
}

const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

bool is_element(const xmlNode* n) { return n != nullptr && n->type == XML_ELEMENT_NODE; }

bool is_text(const xmlNode* n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

// Words of class and id values that name page chrome ("main-menu",
// "sidebarLeft", "box-share", "mod_counter"; "thongke" is Vietnamese
// portals' visitor statistics).
constexpr std::string_view kChromeWords[] = {
    "menu",   "nav",     "navbar",    "navigation", "sidebar",  "footer",   "banner",
    "breadcrumb", "breadcrumbs", "share", "sharing", "social", "counter",   "visitor",
    "thongke", "statistic", "statistics", "login", "search",   "widget",   "advert",
    "ads",    "cookie",  "comment",   "comments",   "related",  "rating",   "toolbar",
    "pagination", "logo", "copyright", "marquee", "hotline", "weblink", "weblinks"};

// The value of attribute `name` of element `e` ("" for one without a
// value, as <div hidden>), or nullptr if it has none. The HTML parser
// keeps a value as one text node with its entities already decoded.
const char* attribute(const xmlNode* e, const char* name) {
  for (const xmlAttr* a = e->properties; a != nullptr; a = a->next) {
    if (std::strcmp(chars(a->name), name) != 0) continue;
    return a->children != nullptr && a->children->content != nullptr ? chars(a->children->content) : "";
  }
  return nullptr;
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

bool hidden(const xmlNode* e) {
  if (attribute(e, "hidden") != nullptr) return true;
  const char* aria = attribute(e, "aria-hidden");
  if (aria != nullptr && std::strcmp(aria, "true") == 0) return true;
  const char* style = attribute(e, "style");
  if (style == nullptr) return false;
  std::string s;
  for (const char* p = style; *p != '\0'; ++p) {
    if (*p != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool chrome_by_attributes(const xmlNode* e) {
  for (const char* name : {"class", "id", "role"}) {
    const char* value = attribute(e, name);
    if (value == nullptr) continue;
    for (const std::string& w : attribute_words(value)) {
      if (std::find(std::begin(kChromeWords), std::end(kChromeWords), w) != std::end(kChromeWords)) {
        return true;
      }
    }
  }
  return false;
}

bool opens_article(const ElementKind& kind) { return kind.tag == Tag::kArticle || kind.tag == Tag::kMain; }

bool is_chrome(const xmlNode* e, const ElementKind& kind, bool in_article) {
  // A page header is chrome; an article's own header holds its title.
  if (kind.tag == Tag::kHeader && !in_article) return true;
  return kind.never_content || (e->properties != nullptr && (hidden(e) || chrome_by_attributes(e)));
}

struct Stats {
  std::size_t chars = 0;       // text in the subtree, chrome excluded
  std::size_t link_chars = 0;  // of which inside <a>
  double score = 0;            // paragraph text found in children and grandchildren
};

// The page's text measured per element, for choosing the main content.
class Measure {
 public:
  explicit Measure(const xmlNode* root) { visit(root, 0, false, false); }

  const Stats& operator[](const xmlNode* n) const {
    static const Stats kNone;
    const auto it = stats_.find(n);
    return it == stats_.end() ? kNone : it->second;
  }

  // The element with the most paragraph text, grown to its parent while the
  // parent adds only a little (a title, a date line).
  const xmlNode* main_content(const xmlNode* root) const {
    // In a fixed order (children before parents, in document order), so
    // that a tie does not depend on the addresses the nodes got.
    const xmlNode* best = root;
    double best_score = 0;
    for (const xmlNode* node : order_) {
      if ((*this)[node].score > best_score) best = node, best_score = (*this)[node].score;
    }
    while (is_element(best->parent)) {
      const Stats& mine = (*this)[best];
      const Stats& up = (*this)[best->parent];
      const std::size_t extra = (up.chars - up.link_chars) - (mine.chars - mine.link_chars);
      if (extra > kMaxClimbExtraChars || extra > kMaxClimbExtraShare * static_cast<double>(mine.chars)) break;
      best = best->parent;
    }
    return best;
  }

 private:
  Stats visit(const xmlNode* node, int depth, bool in_link, bool in_article) {
    Stats s;
    if (depth > kMaxDepth) return s;
    if (is_text(node)) {
      s.chars = node->content != nullptr ? std::strlen(chars(node->content)) : 0;
      s.link_chars = in_link ? s.chars : 0;
      return s;
    }
    if (!is_element(node)) return s;
    const ElementKind& kind = kind_of(node);
    if (is_chrome(node, kind, in_article)) return s;
    in_link |= kind.tag == Tag::kA;
    in_article |= opens_article(kind);
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      const Stats cs = visit(c, depth + 1, in_link, in_article);
      s.chars += cs.chars;
      s.link_chars += cs.link_chars;
    }
    if ((kind.tag == Tag::kP || kind.tag == Tag::kPre || kind.tag == Tag::kTd) &&
        s.chars - s.link_chars >= kMinParagraphChars) {
      credit(node, 1.0 + static_cast<double>(s.chars - s.link_chars) / 100.0);
    }
    Stats& mine = stats_[node];
    mine.chars = s.chars;
    mine.link_chars = s.link_chars;
    order_.push_back(node);
    return s;
  }

  // A paragraph scores for its parent, and half for its grandparent.
  void credit(const xmlNode* p, double points) {
    if (!is_element(p->parent)) return;
    stats_[p->parent].score += points;
    if (is_element(p->parent->parent)) stats_[p->parent->parent].score += points / 2;
  }

  std::unordered_map<const xmlNode*, Stats> stats_;
  std::vector<const xmlNode*> order_;  // every element measured, children first
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// True if `n` is an <article> or <main> or inside one.
bool within_article(const xmlNode* n) {
  for (; is_element(n); n = n->parent) {
    if (opens_article(kind_of(n))) return true;
  }
  return false;
}

// Writes the main content as blocks: block elements start lines, inline
// text is joined with its white space collapsed, tables become Tables.
// The chrome rules are Measure's: a <header> is chrome outside an article.
class Emitter {
 public:
  Emitter(const Measure& measure, std::vector<Block>* out, bool in_article)
      : measure_(measure), out_(out), in_article_(in_article) {}

  void node(const xmlNode* n, int depth) {
    if (depth > kMaxDepth) return;
    if (is_text(n)) return text(n->content != nullptr ? chars(n->content) : "");
    if (!is_element(n)) return;
    const ElementKind& kind = kind_of(n);
    if (is_chrome(n, kind, in_article_) || link_list(n, kind)) return;
    if (kind.tag == Tag::kBr) return line_break();
    if (kind.tag == Tag::kTable) return table(n, depth);
    if (kind.block) flush();
    if (kind.tag == Tag::kLi) line_ = "- ";
    const bool was_in_article = in_article_;
    in_article_ |= opens_article(kind);
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) node(c, depth + 1);
    in_article_ = was_in_article;
    if (kind.block) flush();
  }

  void flush() {
    while (!line_.empty() && (line_.back() == ' ' || line_.back() == '\n')) line_.pop_back();
    if (!line_.empty() && line_ != "-") out_->push_back({std::move(line_), nullptr});
    line_.clear();
  }

 private:
  bool link_list(const xmlNode* n, const ElementKind& kind) const {
    const Stats& s = measure_[n];
    return s.chars > 0 && s.chars <= kMaxLinkBlockChars &&
           static_cast<double>(s.link_chars) > kMaxLinkDensity * static_cast<double>(s.chars) &&
           kind.tag != Tag::kA;
  }

  // Appends `t` with each run of white space made one space (none at the
  // start of a line), a run of other bytes at a time.
  void text(const char* t) {
    const char* p = t;
    while (*p != '\0') {
      if (is_space(*p)) {
        while (is_space(*p)) ++p;
        if (!line_.empty() && line_.back() != ' ' && line_.back() != '\n') line_ += ' ';
        continue;
      }
      const char* word = p;
      while (*p != '\0' && !is_space(*p)) ++p;
      line_.append(word, static_cast<std::size_t>(p - word));  // not append(first, last), a replace()
    }
  }

  void line_break() {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    line_ += '\n';
  }

  Row row(const xmlNode* tr, int depth) {
    Row out;
    for (const xmlNode* cell = tr->children; cell != nullptr; cell = cell->next) {
      if (!is_element(cell)) continue;
      if (const ElementKind& kind = kind_of(cell); is_chrome(cell, kind, in_article_)) continue;
      Cell c;
      Emitter inner(measure_, &c.blocks, in_article_);
      inner.node(cell, depth + 1);
      inner.flush();
      out.cells.push_back(std::move(c));
    }
    return out;
  }

  void rows(const xmlNode* n, Table& table, int depth) {
    for (const xmlNode* c = n->children; c != nullptr && depth <= kMaxDepth; c = c->next) {
      if (!is_element(c)) continue;
      const Tag tag = kind_of(c).tag;
      if (tag == Tag::kTableSection) rows(c, table, depth + 1);
      if (tag == Tag::kTr) table.rows.push_back(row(c, depth + 1));
    }
  }

  void table(const xmlNode* n, int depth) {
    flush();
    auto t = std::make_shared<Table>();
    const char* border = attribute(n, "border");
    t->visible_borders = border != nullptr && std::atoi(border) > 0;
    rows(n, *t, depth);
    out_->push_back({{}, std::move(t)});
  }

  const Measure& measure_;
  std::vector<Block>* out_;
  bool in_article_;
  std::string line_;
};

// ASCII only (the C locale's std::tolower is a call a byte: 4% of a small page's time).
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The charset name after "charset=" (spaces and a quote allowed around
// "=") in head[from, to), or "".
std::string charset_in(const std::string& head, std::size_t from, std::size_t to) {
  constexpr std::string_view kKey = "charset";
  for (std::size_t key = head.find(kKey, from); key < to; key = head.find(kKey, key + 1)) {
    std::size_t at = head.find_first_not_of(" \t\r\n\f", key + kKey.size());
    if (at >= to || head[at] != '=') continue;
    at = head.find_first_not_of(" \t\r\n\f\"'", at + 1);
    const std::size_t stop = std::min(head.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.:", at), to);
    if (at < stop) return head.substr(at, stop - at);
  }
  return {};
}

// The charset a <meta> declares near the top of the page, lower-cased.
// (A scan, not std::regex, which took 0.7 ms on an 8 KB head without a
// declaration: as long as all the rest of extracting a small page.)
std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kCharsetSniffBytes));
  std::transform(head.begin(), head.end(), head.begin(), lower);
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 1)) {
    std::string charset = charset_in(head, meta, std::min(head.find('>', meta), head.size()));
    if (!charset.empty()) return charset;
  }
  return {};
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

std::string title_of(const xmlNode* n, int depth) {
  if (!is_element(n) || depth > kMaxDepth) return {};
  if (kind_of(n).tag == Tag::kTitle) {
    std::string t;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE && c->content != nullptr) t += chars(c->content);
    }
    std::replace(t.begin(), t.end(), '\n', ' ');
    const auto b = t.find_first_not_of(" \t\r");
    return b == std::string::npos ? std::string() : t.substr(b, t.find_last_not_of(" \t\r") - b + 1);
  }
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    std::string t = title_of(c, depth + 1);
    if (!t.empty()) return t;
  }
  return {};
}

struct FreeDoc {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, FreeDoc>;

void ignore_message(void* /*context*/, const char* /*format*/, ...) {}

// The parse options keep the parser quiet; a few libxml2 reports (out of
// memory, encoding) go to the thread's generic handler, which prints to
// stderr. This one is silenced for the parse and given back afterwards.
class QuietErrors {
 public:
  QuietErrors() : handler_(xmlGenericError), context_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, ignore_message);
  }
  ~QuietErrors() { xmlSetGenericErrorFunc(context_, handler_); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  xmlGenericErrorFunc handler_;
  void* context_;
};

// The page's tree (libxml2's HTML parser, which repairs markup as browsers
// do for HTML 4); nullptr for a page with no element at all.
Document parse(const std::string& page) {
  static std::once_flag initialized;
  std::call_once(initialized, xmlInitParser);  // libxml2 is thread-safe once initialized
  const QuietErrors quiet;
  return Document(htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8", kParseOptions));
}

}  // namespace

Result<Extracted> extract_html(std::string_view bytes, const ExtractOptions& /*options*/) {
  Result<std::string> page = page_utf8(bytes);
  if (!page) return page.status();
  if (page->size() > INT_MAX) {
    return Status::too_large("HTML too large", std::to_string(page->size()) + " bytes, libxml2 reads up to 2 GiB");
  }
  const Document doc = parse(*page);
  const xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;

  Extracted out;
  out.format = "html";
  if (root == nullptr) return out;  // no text: extract() reports the page empty
  const Measure measure(root);
  std::vector<Block> blocks;
  const xmlNode* main = measure.main_content(root);
  Emitter emitter(measure, &blocks, within_article(main));
  emitter.node(main, 0);
  emitter.flush();
  out.text = strip_boilerplate(render_blocks(blocks));
  if (std::string title = title_of(root, 0); !title.empty()) out.properties["title"] = title;
  return out;
}

}  // namespace vanban::doc
